"""Hostile YAML in a data directory or an input file: exit 1 with file:line, no traceback, no hang.

The in-process cases run through `run`; the worst ones also run the real console
script in a subprocess with a timeout, so a crash of the C parser or a hang would
show up as a failure rather than take the test run down.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Run
from hostile import commands

from ecocareer.catalog.documents import MAX_BYTES
from ecocareer.catalog.loading import FILES

SCRIPT = Path(sys.executable).with_name("ecocareer")

BILLION_LAUGHS = "\n".join(
    ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
)

TRAPS: dict[str, tuple[str | bytes, int | None, str]] = {
    "syntax": ("sources:\n  - id: [x\n", 3, "YAML syntax error"),
    "tab": ("sources:\n\t- id: x\n", 2, "(a tab? indent with spaces only)"),
    "duplicate-key": ("sources: []\nsources: []\n", 2, "repeats the key 'sources'"),
    "alias": ("x: &a [1]\nsources: *a\n", 1, "uses a YAML anchor or alias"),
    "billion-laughs": (BILLION_LAUGHS, 1, "uses a YAML anchor or alias"),
    "python-tag": ("sources: !!python/object/apply:os.system ['true']\n", 1, "is not allowed"),
    "deep-flow": ("[" * 100_000, 1, "is nested more than 20 levels deep"),
    "deep-block": ("- " * 100_000 + "x", 1, "is nested more than 20 levels deep"),
    "not-utf8": (b"sources:\n  - id: caf\xe9\n", 2, "is not UTF-8 text"),
    "binary": (bytes(range(256)) * 64, 2, "is not UTF-8 text"),  # 0x80 is after one newline
    "nul": ("sources: \x00\n", 1, "holds a character YAML does not allow"),
    "empty": ("", 1, "is empty; expected a YAML mapping"),
    "a-list": ("- 1\n- 2\n", 1, "must be a mapping of fields"),
    "a-scalar": ("hello\n", 1, "must be a mapping of fields"),
    "two-documents": ("a: 1\n---\nb: 2\n", 2, "holds more than one YAML document"),
}


@pytest.mark.parametrize("file", list(FILES))
@pytest.mark.parametrize("trap", list(TRAPS))
def test_a_trap_in_any_data_file_is_exit_1_with_file_and_line(
    run: Run, data_copy: Path, file: str, trap: str
) -> None:
    content, line, message = TRAPS[trap]
    path = data_copy / file
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    result = run("--data-dir", str(data_copy), "sources")
    assert result.code == 1
    assert result.out == ""
    assert "Traceback" not in result.err
    where = f"{path}:{line}" if line is not None else str(path)
    assert any(
        row.strip().startswith(where) and message in row for row in result.err.splitlines()
    ), result.err


def test_the_norway_problem_does_not_exist(run: Run, data_copy: Path) -> None:
    """`NO`, `on`, `0123` and dates stay what they look like: text, or an error naming the line."""
    path = data_copy / "salaries.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - id: uk\n", "  - id: 'no'\n", 1).replace("[gb, ", "[on, off, ", 1)
    path.write_text(text, encoding="utf-8")
    result = run("--data-dir", str(data_copy), "data", "validate")
    # 'no' is a valid id, so only the bands that still say "uk" are unknown: nothing became False.
    assert result.code == 1
    assert "unknown country 'uk'" in result.err
    assert "False" not in result.err and "True" not in result.err


def test_a_huge_sparse_file_is_refused_quickly(run: Run, data_copy: Path) -> None:
    with (data_copy / "roles.yaml").open("r+b") as handle:
        handle.truncate(MAX_BYTES + 1)
    result = run("data", "validate", str(data_copy))
    assert result.code == 1
    assert f"{data_copy / 'roles.yaml'}: is larger than 32 MiB" in result.err


def console_script(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "COLUMNS": "80", **(env or {})},
        check=False,
    )


@pytest.mark.parametrize(
    "trap", ["deep-flow", "deep-block", "billion-laughs", "python-tag", "binary", "tab"]
)
def test_the_real_console_script_survives(data_copy: Path, tmp_path: Path, trap: str) -> None:
    content, line, message = TRAPS[trap]
    marker = tmp_path / "pwned"
    if trap == "python-tag":
        content = f"sources: !!python/object/apply:os.system ['touch {marker}']\n"
    path = data_copy / "roles.yaml"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    result = console_script("data", "validate", str(data_copy))
    assert result.returncode == 1, result.stderr
    assert f"{path}:{line}: " in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr
    assert not marker.exists()


def test_the_real_console_script_survives_flow_nesting_as_deep_as_memory_allows(
    data_copy: Path,
) -> None:
    """30 MiB of '[': the reader stops at level 21 without the parser reading the rest."""
    (data_copy / "roles.yaml").write_bytes(b"[" * (MAX_BYTES - 1024))
    result = console_script("--data-dir", str(data_copy), "sources")
    assert result.returncode == 1
    assert "is nested more than 20 levels deep" in result.stderr


INPUT_FILE_OPTIONS = [
    (name, option)
    for name, option in (("tshape", "--profile"), ("diagnose", "--team-file"))
    if name in commands()
]


@pytest.mark.parametrize(("command", "option"), INPUT_FILE_OPTIONS)
@pytest.mark.parametrize("trap", list(TRAPS))
def test_a_trap_in_an_input_file_is_an_error_with_file_and_line(
    run: Run, tmp_path: Path, command: str, option: str, trap: str
) -> None:
    content, _, _ = TRAPS[trap]
    path = tmp_path / "input.yaml"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    result = run(command, option, str(path))
    assert result.code in (1, 2), result
    assert "Traceback" not in result.err
    assert str(path) in result.err


@pytest.mark.parametrize(("command", "option"), INPUT_FILE_OPTIONS)
@pytest.mark.parametrize("make", ["missing", "directory", "fifo"])
def test_an_input_file_that_is_not_a_file(
    run: Run, tmp_path: Path, command: str, option: str, make: str
) -> None:
    path = tmp_path / "input.yaml"
    if make == "directory":
        path.mkdir()
    elif make == "fifo":
        os.mkfifo(path)
    result = run(command, option, str(path))
    assert result.code in (1, 2), result
    assert "Traceback" not in result.err
