"""Hostile meaning: values that parse but make no sense, escape codes and Rich markup in text."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run, replace_in
from hostile import example_id, examples

SEO_BAND = "{role: seo-specialist, level: entry, country: uk, min: 30000, max: 38000"
TITLE = '    title: "Top 10 Challenges of Digital Marketing With Solutions"'
SEO_NAME = '    name: "SEO Specialist"'


def broken(run: Run, directory: Path) -> str:
    """Validate `directory`, expect exit 1, and return stderr."""
    result = run("data", "validate", str(directory))
    assert result.code == 1, result
    assert "Traceback" not in result.err
    assert "\x1b" not in result.err
    return result.err


@pytest.mark.parametrize(
    ("figures", "message"),
    [
        ("min: -5, max: 38000", "min: input should be greater than or equal to 0 (found -5)"),
        ("min: 30000, max: 1000000000", "max: input should be less than or equal to 100000000"),
        ("min: 30000.5, max: 38000", "min: must be a whole number (found 30000.5)"),
        ("min: true, max: 38000", "min: must be a whole number (found True)"),
        ("min: NO, max: 38000", "min: must be a whole number (found 'NO')"),
        ("min: 0x10, max: 38000", "min: must be a whole number (found '0x10')"),
        ("min: 30000, max: .inf", "max: must be a whole number (found '.inf')"),
        ("min: 30000, max: 1e9", "max: must be a whole number (found 1000000000.0)"),
        ("min: 38001, max: 38000", "min: min 38001 is above max 38000; min must not exceed max"),
    ],
)
def test_absurd_figures_are_refused(run: Run, data_copy: Path, figures: str, message: str) -> None:
    replace_in(data_copy / "salaries.yaml", "min: 30000, max: 38000", figures)
    err = broken(run, data_copy)
    assert f"bands[50].{message}" in err


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"\\e[31mSEO"', "must not contain control characters"),
        ('"SEO\\x1b]8;;https://evil\\x07"', "must not contain control characters"),
        ('"SEO\\tSpecialist"', "must not contain control characters"),
        ('"SEO\\nSpecialist"', "must not contain control characters"),
        ('"SEO\\u202eSpecialist"', "must not contain control characters"),  # right-to-left override
        ('"SEO\\u2028Specialist"', "must not contain control characters"),  # line separator
        ('""', "must not be empty"),
        ('"   "', "must not be empty"),
        ('"\\u200b\\u200b"', "must not contain invisible characters"),  # zero-width only
        ("~", "must be text (quote it) (found None)"),
        ("NO", None),  # YAML 1.2: the text "NO", a valid (if odd) name
        ("2025-08-06", None),  # stays text
        ("[a, b]", "must be text (quote it) (found ['a', 'b'])"),
        ('"' + "x" * 501 + '"', "string should have at most 500 characters"),
    ],
)
def test_hostile_text_in_a_name(run: Run, data_copy: Path, value: str, message: str | None) -> None:
    replace_in(data_copy / "roles.yaml", SEO_NAME, f"    name: {value}")
    if message is None:
        assert run("data", "validate", str(data_copy)).code == 0
        return
    err = broken(run, data_copy)
    line = data_copy.joinpath("roles.yaml").read_text(encoding="utf-8").split(f"name: {value}")[0]
    assert (
        f"roles.yaml:{line.count(chr(10)) + 1}: roles[4] ('seo-specialist').name: {message}" in err
    )


# Every text field with a length of its own, and how a hostile value shows in the problem.
SHORT_TEXT = [
    ('as_of: "2025"', "as_of: {}", "salaries.yaml:6: as_of"),
    ('    symbol: "$"', "    symbol: {}", "salaries.yaml:17: countries[0] ('us').symbol"),
    ('years: "3-5 yrs"', "years: {}", "salaries.yaml:204: bands["),
]


@pytest.mark.parametrize(("old", "new", "where"), SHORT_TEXT, ids=["as_of", "symbol", "years"])
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"\\e[2J$"', "must not contain control characters"),
        ('"\\t2025"', "must not contain control characters"),
        ('""', "must not be empty"),
        ('"\\u200b"', "must not contain invisible characters"),
        ("5", "must be text (quote it) (found 5)"),
        ('"' + "x" * 41 + '"', "string should have at most"),
    ],
)
def test_hostile_text_in_a_short_field(
    run: Run, data_copy: Path, old: str, new: str, where: str, value: str, message: str
) -> None:
    """A length of their own does not spare these fields the checks every text gets."""
    replace_in(data_copy / "salaries.yaml", old, new.format(value))
    err = broken(run, data_copy)
    assert where in err and message in err, err


@pytest.mark.parametrize(
    "url",
    ['"https://evil\\e[31m"', '"https://evil\\u202e"', '"javascript:alert(1)"', '"https://a b"'],
)
def test_hostile_urls_are_refused(run: Run, data_copy: Path, url: str) -> None:
    replace_in(
        data_copy / "sources.yaml",
        'url: "https://www.youngurbanproject.com/challenges-of-digital-marketing/"',
        f"url: {url}",
    )
    assert "sources[3] ('youngurbanproject').url: " in broken(run, data_copy)


def test_a_hostile_key_is_quoted_printably(run: Run, data_copy: Path) -> None:
    replace_in(data_copy / "roles.yaml", SEO_NAME, SEO_NAME + '\n    "\\e[2J\\e[31m": x')
    err = broken(run, data_copy)
    assert "roles[4] ('seo-specialist').'\\x1b[2J\\x1b[31m': is not a known field" in err


def test_a_hostile_value_in_an_id_is_quoted_printably(run: Run, data_copy: Path) -> None:
    replace_in(data_copy / "roles.yaml", "  - id: seo-specialist\n", '  - id: "\\e[31mseo"\n')
    err = broken(run, data_copy)
    assert "roles[4] ('\\x1b[31mseo').id: string should match pattern" in err


MARKUP = "[bold red]Top[/] [link=https://evil.example]10[/link] [/] [red"


@pytest.fixture
def markup_data(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A valid copy whose source title and role name are Rich markup."""
    replace_in(data_copy / "sources.yaml", TITLE, f'    title: "{MARKUP}"')
    replace_in(data_copy / "roles.yaml", SEO_NAME, f'    name: "{MARKUP}"')
    monkeypatch.setenv("COLUMNS", "300")  # keep the markup on one line to find it
    return data_copy


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_markup_in_a_source_title_prints_literally(run: Run, markup_data: Path, fmt: str) -> None:
    result = run("--data-dir", str(markup_data), "sources", "-f", fmt)
    assert result.code == 0, result.err
    assert MARKUP in result.out
    assert "\x1b" not in result.out


def test_markup_in_a_role_name_prints_literally(run: Run, markup_data: Path) -> None:
    result = run("--data-dir", str(markup_data), "roles", "seo-specialist")
    assert result.code == 0, result.err
    assert MARKUP in result.out


def test_markup_in_data_prints_literally_in_error_messages(run: Run, markup_data: Path) -> None:
    replace_in(markup_data / "salaries.yaml", SEO_BAND, SEO_BAND.replace("30000", "39000"))
    replace_in(
        markup_data / "roles.yaml", f'    name: "{MARKUP}"', '    name: ["[bold red]boom[/]"]'
    )
    err = broken(run, markup_data)
    assert "min 39000 is above max 38000" in err
    assert "name: must be text (quote it) (found ['[bold red]boom[/]'])" in err


@pytest.mark.parametrize(
    "example",
    [
        e
        for e in examples()
        if not any(w.startswith("./") for w in e) and e[:2] != ["profile", "init"]
    ],
    ids=example_id,
)
def test_every_example_command_survives_markup_in_the_data(
    run: Run,
    markup_data: Path,
    example: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    profile = tmp_path / "profile.yaml"  # the examples that answer for a person need one
    profile.write_text("role: copywriter\ntarget: cmo\ncountry: uk\n", encoding="utf-8")
    monkeypatch.setenv("ECOCAREER_PROFILE", str(profile))
    result = run("--data-dir", str(markup_data), *example)
    assert result.code == 0, (example, result.err)
    assert "Traceback" not in result.err
    assert "\x1b" not in result.out
