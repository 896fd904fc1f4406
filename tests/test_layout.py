"""The architecture holds by imports: each layer imports only what its job needs.

- Typer lives in `commands/` and `cli.py`; Rich in `render/`; YAML in `catalog/`.
- The domain (the modules at the top of the package) never imports the command
  line or the output package, and never names a command in what it says.
- The data package imports nothing above it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "ecocareer"
MODULES = sorted(PACKAGE.rglob("*.py"))
COMMAND_NAMES = (
    "layers", "roles", "salary", "roadmap", "compare", "tshape", "diagnose", "sources", "data",
)  # fmt: skip


def part(path: Path) -> str:
    """Which layer a module belongs to: catalog, commands, render, cli or domain."""
    relative = path.relative_to(PACKAGE)
    if relative.parts[0] in ("catalog", "commands", "render"):
        return relative.parts[0]
    return "cli" if relative.name in ("cli.py", "__main__.py") else "domain"


def imported(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


ALLOWED = {
    "typer": {"commands", "cli"},
    "rich": {"render"},
    "yaml": {"catalog"},
    "ecocareer.commands": {"commands", "cli"},
    "ecocareer.cli": {"cli"},
    "ecocareer.render": {"render", "commands", "cli"},
}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_layer_imports_only_what_it_may(path: Path) -> None:
    layer = part(path)
    for name in imported(path):
        for prefix, allowed in ALLOWED.items():
            if name == prefix or name.startswith(prefix + "."):
                assert layer in allowed, f"{path.name} ({layer}) imports {name}"
        if layer == "catalog" and name.startswith("ecocareer."):
            assert name.startswith(("ecocareer.catalog", "ecocareer.errors", "ecocareer.files")), (
                name
            )


def _strings_said(path: Path) -> list[str]:
    """String constants that are not docstrings: what the module may say to a user."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


@pytest.mark.parametrize("path", [p for p in MODULES if part(p) == "domain"], ids=lambda p: p.name)
def test_the_domain_names_no_command(path: Path) -> None:
    for text in _strings_said(path):
        for command in COMMAND_NAMES:
            assert f"ecocareer {command}" not in text, (path.name, text)
        assert "--" not in text.replace(" -- ", ""), (path.name, text)


def test_the_layers_are_where_the_readme_says() -> None:
    layers = {part(path) for path in MODULES}
    assert layers == {"catalog", "commands", "render", "cli", "domain"}
    assert (PACKAGE / "catalog" / "models.py").exists()
    assert not (PACKAGE / "models.py").exists()
