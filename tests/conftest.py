"""Fixtures: run the CLI in-process like a user would, and build broken data directories."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.cli import main

SHARED = Path(__file__).resolve().parents[2] / "shared"

# The roles of each layer, in data order (the generalist digital-marketer is a distributor).
ROLES_BY_LAYER = {
    "producers": ["content-strategist", "copywriter", "graphic-designer", "ux-ui-designer"],
    "distributors": [
        "seo-specialist",
        "social-media-manager",
        "email-marketing-manager",
        "ppc-specialist",
        "digital-marketer",
    ],
    "converters": [
        "cro-specialist",
        "marketing-analytics-specialist",
        "growth-marketer",
        "community-manager",
    ],
    "architects": [
        "digital-marketing-manager",
        "digital-marketing-project-manager",
        "marketing-director",
        "cmo",
        "digital-media-strategist",
    ],
}


@dataclass(frozen=True)
class Result:
    """What a person would see: the exit code, stdout and stderr."""

    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache of validated data for the whole run: the data is parsed once, not per test.

    Tests of the cache itself pass a cache directory of their own.
    """
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, shared_cache: Path) -> None:
    """Every test starts from the bundled data, 80 columns, no colour settings.

    It runs in an empty directory of its own, so a command that writes a file
    (a help example with --export) leaves nothing in the work tree.
    """
    for name in ("ECOCAREER_DATA_DIR", "NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS", "LINES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("ECOCAREER_OVERLAY", "")  # no overlay unless a test sets one
    monkeypatch.setenv("ECOCAREER_PROFILE", "")  # no profile unless a test sets one
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))  # `data init` stays here
    monkeypatch.setenv("ECOCAREER_CACHE_DIR", str(shared_cache))
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """`run("salary", "seo")` runs `ecocareer salary seo` and returns code, stdout, stderr."""

    def _run(*args: str) -> Result:
        try:
            main(list(args))
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled data directory, to break in a test."""
    target = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), target)
    return target


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Edit a data file in place; fails loudly if `old` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
