"""Help that teaches: a one-line summary, worked examples and literal brackets everywhere."""

from __future__ import annotations

import shlex

import pytest
from conftest import Run
from hostile import commands

COMMANDS = commands()


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_help_has_a_summary_and_examples(run: Run, name: str) -> None:
    result = run(*name.split(), "--help")
    assert result.code == 0
    assert result.err == ""
    assert "Example" in result.out
    assert "ecocareer " + name in result.out.split("Example", 1)[1]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_summary_is_one_line(name: str) -> None:
    text = getattr(COMMANDS[name], "help", "")
    first, *rest = text.strip().splitlines()
    assert first.endswith((".", ")"))
    assert not rest or rest[0].strip() == "", "a blank line after the summary"
    assert len(first) <= 100


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_example_names_a_real_command(name: str) -> None:
    text = getattr(COMMANDS[name], "help", "")
    examples = [
        shlex.split(line)[1:] for line in text.splitlines() if line.strip().startswith("ecocareer ")
    ]
    assert examples
    for words in examples:
        assert " ".join(words[: len(name.split())]) == name


@pytest.mark.parametrize(
    ("args", "literal"),
    [
        (["roles", "--help"], "Usage: ecocareer roles [OPTIONS] [ROLE]"),
        (["diagnose", "--help"], "[ROLE]..."),
        (["--help"], "[env var: ECOCAREER_DATA_DIR]"),
        (["--help"], "Usage: ecocareer [OPTIONS] COMMAND [ARGS]..."),
    ],
)
def test_square_brackets_are_printed_literally(run: Run, args: list[str], literal: str) -> None:
    assert literal in run(*args).out


def test_no_help_text_carries_escape_codes(run: Run) -> None:
    for name in ["", *COMMANDS]:
        assert "\x1b" not in run(*name.split(), "--help").out
