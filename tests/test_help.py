"""Help that teaches: a one-line summary, worked examples and literal brackets everywhere."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer.main
from conftest import Run
from hostile import commands

from ecocareer.cli import app

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


# What `ecocareer --help` lists, in the order a person meets the commands (issue #19), with
# the summaries as written in cli.py; and the same for the two groups.
SUMMARIES = {
    "": [
        ("layers", "The four layers and how each fails."),
        ("roles", "Roles by layer, or one role's card."),
        ("skills", "Skills, their ids and who uses them."),
        ("salary", "What roles pay, level by level."),
        ("roadmap", "The T-shaped route between two roles."),
        ("next", "Where you can move from a role."),
        ("compare", "Two roles side by side."),
        ("tshape", "Your T, your phase, the roles that fit."),
        ("plan", "Your whole plan on one page."),
        ("diagnose", "What a team's layers are missing."),
        ("profile", "Save who you are, for every command."),
        ("sources", "The works every figure comes from."),
        ("data", "Inspect and check the data in use."),
    ],
    "profile": [
        ("set", "Save or update your profile."),
        ("show", "Show your saved profile."),
        ("clear", "Forget your saved profile."),
        ("path", "Where your profile is kept."),
        ("import", "Fill your profile from a JSON Resume."),
        ("init", "Set up your profile step by step."),
    ],
    "data": [
        ("path", "The data directory in use, and overlay."),
        ("validate", "Check the data; each problem with file:line."),
        ("init", "Write a commented starter overlay."),
    ],
}


def _commands_section(out: str) -> list[tuple[str, str]]:
    """The (name, summary) rows of a help's Commands section, wrapped lines joined."""
    rows: list[tuple[str, str]] = []
    for line in out.split("\nCommands:\n", 1)[1].splitlines():
        if line.startswith("  ") and not line.startswith("   "):
            name, _, summary = line.strip().partition(" ")
            rows.append((name, summary.strip()))
        elif line.strip():
            rows[-1] = (rows[-1][0], f"{rows[-1][1]} {line.strip()}")
    return rows


@pytest.mark.parametrize("columns", [40, 60, 80, 120])
@pytest.mark.parametrize("group", sorted(SUMMARIES))
def test_every_summary_reads_whole_in_order_at_every_width(
    run: Run, monkeypatch: pytest.MonkeyPatch, group: str, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    out = run(*group.split(), "--help").out
    assert _commands_section(out) == SUMMARIES[group]
    assert "..." not in out.split("\nCommands:\n", 1)[1]


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_each_summary_fits_on_one_line_from_60_columns(
    run: Run, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    for group, rows in SUMMARIES.items():
        out = run(*group.split(), "--help").out
        for name, summary in rows:
            assert f"  {name} " in out and f" {summary}\n" in out, (group, name)


@pytest.mark.parametrize("name", ["", "profile", "data", *COMMANDS])
def test_help_names_what_to_type_in_words_never_a_python_type(run: Run, name: str) -> None:
    out = run(*name.split(), "--help").out
    assert not re.search(r"<(str|int|float|bool|path|list\[[^>]*\])>", out), out
    assert "{" not in out.split("\n", 1)[0], "no braces in the usage line"


@pytest.mark.parametrize(
    ("name", "usage", "argument"),
    [
        ("salary", "Usage: ecocareer salary [OPTIONS] ROLE...", "  ROLE...  One or more roles"),
        ("compare", "Usage: ecocareer compare [OPTIONS] ROLE ROLE", "  ROLE  The first role"),
        ("diagnose", "Usage: ecocareer diagnose [OPTIONS] [ROLE]...", "  ROLE...  The roles"),
        ("roles", "Usage: ecocareer roles [OPTIONS] [ROLE]", "  ROLE  Show this role's card"),
        ("data validate", "Usage: ecocareer data validate [OPTIONS] [DIR]", "  DIR  A full"),
        ("profile import", "Usage: ecocareer profile import [OPTIONS] FILE", "  FILE  A JSON"),
    ],
)
def test_usage_and_arguments_read_as_words(run: Run, name: str, usage: str, argument: str) -> None:
    out = run(*name.split(), "--help").out
    assert out.startswith(usage + "\n")
    assert argument in out


def _every_command() -> list[tuple[str, Any]]:
    """Every command and group with its name, the top level included."""
    found: list[tuple[str, Any]] = []

    def walk(prefix: str, command: Any) -> None:
        found.append((prefix, command))
        for name, child in getattr(command, "commands", {}).items():
            walk(f"{prefix} {name}".strip(), child)

    walk("", typer.main.get_command(app))
    return found


def test_a_short_flag_means_one_long_option_everywhere() -> None:
    meanings: dict[str, set[str]] = {}
    for _, command in _every_command():
        for param in command.params:
            if param.param_type_name != "option":
                continue
            longest = max(param.opts, key=len)
            for opt in param.opts:
                if not opt.startswith("--"):
                    meanings.setdefault(opt, set()).add(longest)
    assert meanings == {
        "-c": {"--country"},
        "-f": {"--format"},
        "-l": {"--layer"},
        "-s": {"--skill"},
    }


def test_the_readme_states_the_short_flags() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert (
        "Short flags mean the same everywhere: `-c` `--country`, `-f` `--format`, "
        "`-l` `--layer`, `-s` `--skill`, `-h` `--help`;"
    ) in " ".join(readme.split())


SINGLE_VALUED = [
    (name, max(param.opts, key=len), param.metavar or max(param.opts, key=len)[2:].upper())
    for name, command in _every_command()
    for param in command.params
    if getattr(param, "opts", None)
    and not param.multiple
    and not getattr(param, "is_flag", False)
    and param.param_type_name == "option"
]


def test_the_single_valued_options_are_those_of_every_command() -> None:
    assert ("roadmap", "--country", "COUNTRY") in SINGLE_VALUED
    assert ("compare", "--country", "COUNTRY") in SINGLE_VALUED
    assert ("", "--data-dir", "DIR") in SINGLE_VALUED
    assert len({name for name, _, _ in SINGLE_VALUED}) == 14


@pytest.mark.parametrize(("name", "option", "metavar"), SINGLE_VALUED)
def test_a_single_valued_option_given_twice_is_an_error_naming_it(
    run: Run, name: str, option: str, metavar: str
) -> None:
    result = run(*name.split(), option, "one", option, "two")
    assert (result.code, result.out) == (2, "")
    assert (
        f"Error: {option} is given more than once; it takes one {metavar}, so give it once.\n"
    ) in result.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["roadmap", "seo", "director"],
            "--from and --to are options. Did you mean: ecocareer roadmap --from seo --to director",
        ),
        (
            ["roadmap", "seo", "director", "-c", "uk"],
            "--from and --to are options. Did you mean: "
            "ecocareer roadmap -c uk --from seo --to director",
        ),
        (
            ["next", "seo", "uk"],
            "--country is an option. Did you mean: ecocareer next seo --country uk",
        ),
        (
            ["compare", "seo", "ppc", "uk"],
            "--country is an option. Did you mean: ecocareer compare seo ppc --country uk",
        ),
        (
            ["tshape", "seo=4", "copywriting=2"],
            "--skill is an option. Did you mean: "
            "ecocareer tshape --skill seo=4 --skill copywriting=2",
        ),
        (
            ["profile", "set", "seo", "director"],
            "--role and --target are options. Did you mean: "
            "ecocareer profile set --role seo --target director",
        ),
        # words no option takes get no guess
        (["layers", "distributors"], "ecocareer layers does not take 'distributors' here."),
        (["roadmap", "seo", "chef"], "ecocareer roadmap does not take 'seo chef' here."),
    ],
)
def test_words_typed_where_options_belong_get_the_right_form(
    run: Run, args: list[str], message: str
) -> None:
    result = run(*args)
    assert (result.code, result.out) == (2, "")
    assert f"Error: {message}\n" in result.err
    assert f"Usage: ecocareer {args[0]}" in result.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["salary"], "ecocareer salary needs ROLE..., e.g. ecocareer salary seo --country uk"),
        (
            ["compare", "seo"],
            "ecocareer compare needs ROLE ROLE, e.g. "
            "ecocareer compare digital-media-strategist digital-marketer",
        ),
        (["roles", "--layer"], "--layer needs a value, e.g. --layer LAYER."),
        (["salary", "seo", "--mine", "lots"], "--mine: 'lots' is not a whole number."),
        (
            ["layers", "--format", "yaml"],
            "--format: 'yaml' is not a format here; choose table, json or markdown.",
        ),
    ],
)
def test_usage_errors_are_in_our_words(run: Run, args: list[str], message: str) -> None:
    result = run(*args)
    assert (result.code, result.out) == (2, "")
    assert f"Error: {message}\n" in result.err
    for internal in ("Value error", "Input should be", "Missing argument", "Invalid value"):
        assert internal not in result.err


@pytest.mark.parametrize("typed", ["JSON", "Json", "json"])
def test_a_format_is_read_in_any_case(run: Run, typed: str) -> None:
    result = run("layers", "--format", typed)
    assert result.code == 0, result.err
    assert result.out.startswith('{\n  "flow": [\n    "producers",')


def test_an_export_to_a_folder_is_refused_before_any_work(run: Run, tmp_path: Path) -> None:
    result = run("salary", "seo", "--export", str(tmp_path))
    assert (result.code, result.out) == (2, "")
    assert "is a directory" in result.err


@pytest.mark.parametrize("name", list(COMMANDS))
def test_example_command_lines_are_never_broken_even_at_40_columns(
    run: Run, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    text = getattr(COMMANDS[name], "help", "")
    examples = [line.strip() for line in text.splitlines() if line.strip().startswith("ecocareer ")]
    out = run(*name.split(), "--help").out
    for example in examples:
        assert f"\n      {example}\n" in out


@pytest.mark.parametrize(
    "args", [["roadmap", "seo", "--help"], ["roadmap", "-c", "uk", "-c", "us", "-h"]]
)
def test_help_wins_over_any_mistake_on_the_line(run: Run, args: list[str]) -> None:
    result = run(*args)
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("Usage: ecocareer roadmap [OPTIONS]\n")
