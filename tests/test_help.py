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


# The formats each command offers (PRODUCT.md: flat listings also take csv).
OFFERED = {
    "layers": ["table", "json", "markdown"],
    "roles": ["table", "json", "csv", "markdown"],
    "salary": ["table", "json", "csv", "markdown"],
    "roadmap": ["table", "json", "markdown"],
    "compare": ["table", "json", "markdown"],
    "tshape": ["table", "json", "markdown"],
    "diagnose": ["table", "json", "markdown"],
    "sources": ["table", "json", "csv", "markdown"],
}
# A minimal valid invocation of each command.
INVOCATION = {
    "layers": ["layers"],
    "roles": ["roles", "seo"],
    "salary": ["salary", "seo", "--country", "uk"],
    "roadmap": ["roadmap", "--from", "seo", "--to", "director"],
    "compare": ["compare", "seo", "ppc"],
    "tshape": ["tshape", "--skill", "seo=4"],
    "diagnose": ["diagnose", "seo", "copywriter"],
    "sources": ["sources"],
}


@pytest.mark.parametrize("name", sorted(OFFERED))
def test_help_offers_exactly_the_formats_that_work(run: Run, name: str) -> None:
    usage = " ".join(run(name, "--help").out.split())
    assert f"--format <{'|'.join(OFFERED[name])}>" in usage
    for fmt in OFFERED[name]:
        result = run(*INVOCATION[name], "--format", fmt)
        assert result.code == 0, (fmt, result)
        assert result.out.strip(), fmt
    if "csv" not in OFFERED[name]:
        refused = run(*INVOCATION[name], "--format", "csv")
        assert refused.code == 2
        assert "'csv' is not a format here; choose table, json or markdown." in refused.err
