"""What a run loads: each command imports only what it needs, so it starts fast.

The benchmark measures the time (benchmarks/bench.py); these tests keep the
design that makes it small from eroding: the models, the YAML parser and Rich
load only when a command needs them, and Pydantic only to validate data not seen before.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ecocareer.catalog.locations import bundled_data_dir

HEAVY = ("ecocareer.catalog.models", "pydantic", "yaml", "rich")
PROBE = """\
import sys
from ecocareer.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(" ".join(name for name in {heavy!r} if name in sys.modules), file=sys.stderr)
"""


def loaded(
    args: list[str], cache: Path, watch: tuple[str, ...] = HEAVY, **extra: str
) -> tuple[str, set[str]]:
    """Run ecocareer in a fresh interpreter: its stdout, and which of the `watch`ed modules
    it imported."""
    env = {**os.environ, "ECOCAREER_CACHE_DIR": str(cache), "NO_COLOR": "1", **extra}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=watch), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    lines = done.stderr.splitlines()
    assert len(lines) == 1 + bool(extra), done.stderr  # the probe's (after a profile's note)
    return done.stdout, set(lines[-1].split())


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["data", "path"], ["salary", "-h"]])
def test_commands_that_need_no_data_load_neither_models_nor_yaml_nor_rich(
    args: list[str], tmp_path: Path
) -> None:
    out, modules = loaded(args, tmp_path)
    assert out
    assert modules == set()


def test_a_run_served_from_the_cache_does_not_load_the_yaml_parser(tmp_path: Path) -> None:
    first, first_modules = loaded(["salary", "seo", "--country", "uk"], tmp_path)
    again, again_modules = loaded(["salary", "seo", "--country", "uk"], tmp_path)
    assert first_modules == set(HEAVY)
    assert again_modules == {"ecocareer.catalog.models", "rich"}
    assert again == first
    assert "£30,000 – £38,000" in again


MACHINE = [
    ["salary", "seo", "--format", "json"], ["roles", "--format", "csv"],
    ["layers", "--format", "markdown"], ["tshape", "--skill", "seo=4", "--format", "json"],
    ["next", "seo", "--format", "json"],
]  # fmt: skip


@pytest.mark.parametrize("args", MACHINE)
def test_machine_formats_never_load_rich(args: list[str], tmp_path: Path) -> None:
    out, modules = loaded(args, tmp_path)
    assert out and "rich" not in modules


def test_help_lists_every_command_without_loading_any(tmp_path: Path) -> None:
    from ecocareer.cli import COMMANDS

    modules = tuple(
        f"ecocareer.commands.{where.partition(':')[0]}" for where, _ in COMMANDS.values()
    )
    out, loaded_modules = loaded(["--help"], tmp_path, modules)
    assert loaded_modules == set()
    assert all(f"  {name} " in out for name in COMMANDS)
    assert "What roles pay, level by level." in out


# Typer's per-parameter Pydantic adapters, and the plugin scan that building any Pydantic
# validator or serializer starts: neither is needed to answer from the cache.
BUILT_PER_RUN = ("typer._adapters", "pydantic.plugin._loader", "importlib.metadata")


@pytest.mark.parametrize(
    "args",
    [
        ["salary", "seo", "--country", "uk", "--mine", "45000"],
        ["--data-dir", str(bundled_data_dir()), "roadmap", "--from", "seo", "--to", "director"],
        *MACHINE,
        ["sources", "--format", "json"],
        ["compare", "seo", "copywriter", "--format", "json"],
    ],
)
def test_a_run_from_the_cache_builds_no_pydantic_adapter(args: list[str], tmp_path: Path) -> None:
    loaded(["layers"], tmp_path)  # fills the cache
    out, modules = loaded(args, tmp_path, BUILT_PER_RUN)
    assert out
    assert modules == set()


def test_a_saved_profile_read_before_is_not_parsed_again(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text("role: seo\ncountry: uk\n", encoding="utf-8")
    first, first_modules = loaded(["salary", "seo"], tmp_path, ECOCAREER_PROFILE=str(profile))
    again, again_modules = loaded(["salary", "seo"], tmp_path, ECOCAREER_PROFILE=str(profile))
    assert "yaml" in first_modules and "yaml" not in again_modules
    assert again == first and "£30,000 – £38,000" in again


def test_the_views_rich_names_stand_for_rich_itself_once_used() -> None:
    import rich.box
    from rich.text import Text as RichText

    from ecocareer.render.lazy_rich import Text, box

    made = Text("x", style="bold")
    assert type(made) is RichText and isinstance(made, Text) and not isinstance("x", Text)
    assert Text.assemble("a", "b").plain == "ab" and box.ROUNDED is rich.box.ROUNDED
