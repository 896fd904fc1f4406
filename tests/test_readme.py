"""README.md shows the real output of the three headline commands, and says when it is stale."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEADLINES = [
    "roles --layer distributors",
    "salary seo --country uk",
    "roadmap --from seo --to director",
]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "readme_examples", ROOT / "scripts" / "readme_examples.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


readme_examples = _script()


def test_the_readme_examples_are_current() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_examples.updated(text) == text, "run: python scripts/readme_examples.py"


def test_the_readme_shows_the_three_headline_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.findall(r"<!-- example: (.*?) -->", text) == HEADLINES
    for args in HEADLINES:
        assert f"```text\n$ ecocareer {args}\n" in text


@pytest.mark.parametrize("args", HEADLINES)
def test_example_output_is_plain_and_fits_80_columns(args: str) -> None:
    out = readme_examples.example_output(args)
    assert out.strip()
    assert "\x1b" not in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert all(line == line.rstrip() for line in out.splitlines())


def test_check_fails_on_a_stale_readme_and_a_rewrite_fixes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    current = (ROOT / "README.md").read_text(encoding="utf-8")
    stale = tmp_path / "README.md"
    stale.write_text(current.replace("$ ecocareer salary seo --country uk\n", "$ old output\n"))
    monkeypatch.setattr(readme_examples, "README", stale)
    assert readme_examples.main(["--check"]) == 1
    assert "stale" in capsys.readouterr().err
    assert readme_examples.main([]) == 0
    assert stale.read_text(encoding="utf-8") == current
    assert readme_examples.main(["--check"]) == 0


def test_the_quickstart_stays_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    quickstart = text.split("## Quickstart", 1)[1]
    first_block = quickstart.split("```bash\n", 1)[1].split("```", 1)[0]
    # Each makes and enters a virtual environment before pip runs, so it works where the
    # system Python refuses installs outside one (PEP 668).
    assert first_block == (
        "python3 -m venv .venv && . .venv/bin/activate && pip install . && ecocareer layers\n"
        "python3 -m venv .venv && . .venv/bin/activate && pip install '.[test]' && pytest\n"
    )


def _quickstart() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = re.search(r"^#+ .*Quick ?start.*$", text, re.M | re.I)
    assert start is not None
    block = re.search(r"```[a-z]*\n(.*?)```", text[start.end() :], re.S)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line.strip()]


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs the project's git checkout")
def test_the_first_quickstart_command_runs_in_a_fresh_clone(tmp_path: Path) -> None:
    """As a newcomer pastes it, with pip set to refuse installs outside a virtualenv."""
    import os
    import subprocess
    import sys

    clone = tmp_path / "ecocareer"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "COLUMNS")}
    env |= {"PIP_REQUIRE_VIRTUALENV": "1", "NO_COLOR": "1", "COLUMNS": "80"}
    env["PATH"] = os.pathsep.join(
        part for part in env["PATH"].split(os.pathsep) if not part.startswith(sys.prefix)
    )
    done = subprocess.run(
        ["bash", "-c", _quickstart()[0]],
        cwd=clone, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "\nThe marketing ecosystem: four layers, one system\n" in done.stdout
    assert done.stdout.endswith("Next: ecocareer roles --layer LAYER; or ecocareer roles ROLE\n")
