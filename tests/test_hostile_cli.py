"""Hostile command lines, for every registered command: a clear usage error, never a traceback.

Each help example of each command is taken as a valid starting point, and every
value in it (argument or option value) is replaced in turn by a hostile term.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Result, Run
from hostile import commands, example_id, examples

ESCAPES = ("\x1b", "\x07", "\x9b", "\r")

HOSTILE = {
    "unknown": "zzzqqq",
    "empty": "",
    "blank": "   ",
    "overlong": "x" * 10_000,
    "escape": "\x1b[31mseo\x1b[0m",
    "osc-link": "\x1b]8;;https://evil.example\x07seo\x1b]8;;\x07",
    "bidi": "seo\u202e",
    "markup": "[bold red]seo[/]",
    "dash": "-",
    "nul-like": "\x01",
    "surrogate": "seo\udcff",  # an undecodable byte in argv
}


def assert_clean(result: Result) -> None:
    assert result.code in (0, 1, 2), result
    assert "Traceback" not in result.err
    for text in (result.out, result.err):
        assert not any(escape in text for escape in ESCAPES), result


def value_positions(words: list[str]) -> list[int]:
    """Indexes of the words that are values (arguments or option values), not names."""
    positions = []
    for index, word in enumerate(words):
        if index == 0 or word.startswith("-") or (words[0] == "data" and index == 1):
            continue
        positions.append(index)
    return positions


def slot(example: list[str], position: int) -> tuple[str, str]:
    """What a value fills: the command and the option it belongs to (or 'argument').

    Several help examples fill the same slot; one of each is enough, which keeps the
    suite fast without losing a slot.
    """
    command = " ".join(example[:2]) if example[0] == "data" else example[0]
    before = example[position - 1]
    return command, before if before.startswith("-") else "argument"


def _cases() -> list[tuple[list[str], int, str]]:
    seen: set[tuple[str, str]] = set()
    cases = []
    for example in examples():
        for position in value_positions(example):
            if slot(example, position) in seen:
                continue
            seen.add(slot(example, position))
            cases += [(example, position, kind) for kind in HOSTILE]
    return cases


CASES = _cases()


@pytest.mark.parametrize(
    ("example", "position", "kind"),
    CASES,
    ids=[f"{example_id(e)}[{p}]={k}" for e, p, k in CASES],
)
def test_a_hostile_value_is_refused_cleanly(
    run: Run, example: list[str], position: int, kind: str
) -> None:
    words = list(example)
    words[position] = HOSTILE[kind]
    result = run(*words)
    assert_clean(result)
    creates_a_directory = words[:2] == ["data", "init"] and kind == "unknown"
    if creates_a_directory:  # a new, plainly named directory is what `data init` is for
        assert result.code == 0, (words, result)
    elif kind in ("unknown", "overlong", "escape", "osc-link", "nul-like", "surrogate"):
        assert result.code in (1, 2), (words, result)
        assert result.err.strip(), "an error must say what is wrong"


@pytest.mark.parametrize("name", list(commands()))
@pytest.mark.parametrize(
    "extra",
    [
        ["--format", "bogus"],
        ["--format", ""],
        ["--format", "\x1b[31mjson"],
        ["--no-such-option"],
        ["--\x1b[31m"],
        ["-"],
        ["--"],
        ["a" * 10_000],
    ],
    ids=["format-bogus", "format-empty", "format-escape", "option", "option-escape", "dash",
         "double-dash", "overlong"],
)  # fmt: skip
def test_bad_options_and_extra_words_for_every_command(
    run: Run, name: str, extra: list[str]
) -> None:
    result = run(*name.split(), *extra)
    assert_clean(result)


@pytest.mark.parametrize("name", list(commands()))
def test_help_for_every_command(run: Run, name: str) -> None:
    result = run(*name.split(), "--help")
    assert result.code == 0
    assert "Usage: ecocareer" in result.out


@pytest.mark.parametrize("word", ["zzz", "", "\x1b[31m", "x" * 10_000, "sour", "SOURCES"])
def test_an_unknown_command_is_a_usage_error(run: Run, word: str) -> None:
    result = run(word)
    assert result.code == 2
    assert_clean(result)


def test_control_characters_in_a_term_are_shown_as_question_marks(run: Run) -> None:
    result = run("salary", "\x1b[31mzzz")
    assert result.code == 2
    assert "\\x1b[31mzzz" in result.err


def test_control_characters_in_a_data_dir_are_shown_as_question_marks(run: Run) -> None:
    result = run("--data-dir", "/no\x1b[2Jwhere", "sources")
    assert result.code == 1
    assert "/no\\x1b[2Jwhere: data directory not found" in result.err


def test_invisible_characters_in_a_term_are_shown(run: Run) -> None:
    for term, seen in (("seo\u200b", "seo\\u200b"), ("\ufeffseo", "\\ufeffseo")):
        result = run("roles", term)
        assert result.code == 2
        assert f"Unknown role '{seen}'" in result.err


def test_an_overlong_term_is_cut_and_measured(run: Run) -> None:
    result = run("roles", "x" * 100_000)
    assert result.code == 2
    assert "(100,000 characters)" in result.err
    assert len(result.err) < 400


@pytest.mark.parametrize("level", ["²", "9" * 5000, "1.5", "0x3"])
def test_a_level_that_is_not_a_small_whole_number_is_refused_in_our_words(
    run: Run, level: str
) -> None:
    result = run("tshape", "--skill", f"seo={level}")
    assert result.code == 2
    assert "is not a whole number from 0 to 5" in result.err
    assert "invalid literal" not in result.err and "Exceeds the limit" not in result.err


def test_data_path_shows_escape_codes_in_a_directory_name_visibly(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    odd = tmp_path / "odd\x1b[2Jdir"
    odd.mkdir()
    monkeypatch.setenv("ECOCAREER_OVERLAY", str(odd))
    result = run("data", "path")
    assert result.code == 0
    assert "odd\\x1b[2Jdir" in result.out
    assert "\x1b" not in result.out
