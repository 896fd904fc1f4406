"""`salary --mine N`: where a person's pay sits in every band, worked by hand from the seed.

SEO Specialist, United Kingdom: entry £30,000 – £38,000, mid £38,000 – £50,000,
senior £50,000 – £70,000+ (open-ended).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run

from ecocareer.catalog.models import Band
from ecocareer.salary import Placement, place


def band(low: int, high: int, open_ended: bool = False) -> Band:
    return Band(role="seo-specialist", level="mid", country="uk", min=low, max=high,
                open_ended=open_ended, sources=("ucd",))  # fmt: skip


@pytest.mark.parametrize(
    ("mine", "expected"),
    [
        (37_999, Placement(37_999, "below", None)),
        (38_000, Placement(38_000, "within", 0)),  # the bottom edge is inside
        (44_000, Placement(44_000, "within", 50)),  # 6,000 of 12,000
        (45_000, Placement(45_000, "within", 58)),  # 7,000 / 12,000 = 58.3%
        (50_000, Placement(50_000, "within", 100)),  # the top edge is inside
        (50_001, Placement(50_001, "above", None)),
    ],
)
def test_every_position_rule_by_hand(mine: int, expected: Placement) -> None:
    assert place(mine, band(38_000, 50_000)) == expected


def test_above_an_open_top_is_still_within_the_band() -> None:
    assert place(90_000, band(50_000, 70_000, open_ended=True)) == Placement(90_000, "within", None)
    assert place(60_000, band(50_000, 70_000, open_ended=True)).percent == 50


def test_a_band_with_equal_ends_has_no_percent() -> None:
    assert place(40_000, band(40_000, 40_000)) == Placement(40_000, "within", None)


def test_json_places_the_pay_in_each_band(run: Run) -> None:
    result = run("salary", "seo", "--country", "uk", "--mine", "45000", "--format", "json")
    assert result.code == 0, result.err
    assert [(b["level"], b["mine"]) for b in json.loads(result.out)] == [
        ("entry", {"pay": 45000, "position": "above", "percent": None}),
        ("mid", {"pay": 45000, "position": "within", "percent": 58}),
        ("senior", {"pay": 45000, "position": "below", "percent": None}),
    ]


def test_the_table_marks_the_pay_on_every_bar(run: Run) -> None:
    result = run("salary", "seo", "--country", "uk", "--mine", "45000")
    assert result.code == 0
    bars = [line for line in result.out.splitlines() if "-level " in line and "£" in line]
    assert len(bars) == 3 and all("┃" in line for line in bars)
    said = " ".join(result.out.split())
    assert "┃ marks your pay, £45,000 a year:" in said
    assert (
        "SEO Specialist: above Entry-level; within Mid-level, 58% of the way up; below Senior-level"
    ) in said


def test_csv_carries_the_placement(run: Run) -> None:
    result = run("salary", "seo", "-c", "uk", "--mine", "75000", "--format", "csv")
    header, *rows = result.out.splitlines()
    assert header.endswith(",mine_pay,mine_position,mine_percent")
    assert rows[2].endswith(",75000,within,")  # above £70,000+ yet inside the open band


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--mine", "45000"], "give --country once"),
        (["--country", "uk", "--country", "us", "--mine", "45000"], "give --country once"),
        (["--country", "uk", "--mine", "-5"], "--mine must be a yearly pay from 0 to"),
        (["--country", "uk", "--mine", "999999999999"], "--mine must be a yearly pay from 0 to"),
    ],
)
def test_mine_needs_one_country_and_a_sane_pay(run: Run, args: list[str], said: str) -> None:
    result = run("salary", "seo", *args)
    assert result.code == 2
    assert said in " ".join(result.err.split())


def test_the_profile_gives_the_pay_and_country(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text("country: uk\npay: 45000\n", encoding="utf-8")
    monkeypatch.setenv("ECOCAREER_PROFILE", str(profile))
    result = run("salary", "seo", "--format", "json")
    assert [b["mine"]["position"] for b in json.loads(result.out)] == ["above", "within", "below"]
    assert result.err.strip() == "using your profile: country uk, pay 45000"


def test_a_saved_pay_is_never_placed_in_another_currency(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """£45,000 saved for the UK says nothing about US dollar bands: no mark, no 'mine'."""
    profile = tmp_path / "profile.yaml"
    profile.write_text("country: uk\npay: 45000\n", encoding="utf-8")
    monkeypatch.setenv("ECOCAREER_PROFILE", str(profile))
    result = run("salary", "seo", "--country", "us", "--format", "json")
    assert result.code == 0
    assert all("mine" not in band for band in json.loads(result.out))
    assert result.err == ""
    table = run("salary", "seo", "--country", "us")
    assert "marks your pay" not in table.out
    assert "$45,000" not in table.out


@pytest.mark.parametrize(
    "typed", ["45000", "45_000", " 45000 ", "+45000", "45000.0", "\u00a045000", "45_000.00"]
)
def test_a_whole_number_may_be_written_with_a_sign_underscores_or_spaces(
    run: Run, typed: str
) -> None:
    result = run("salary", "seo", "-c", "uk", "--mine", typed, "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)[1]["mine"] == {"pay": 45000, "position": "within", "percent": 58}


@pytest.mark.parametrize("typed", ["45000.5", "45000.", "4.5e4", "45,000", "٤٥٠٠٠", "0x10", ""])
def test_anything_else_is_not_taken_for_a_pay(run: Run, typed: str) -> None:
    result = run("salary", "seo", "-c", "uk", "--mine", typed)
    assert (result.code, result.out) == (2, "")
    assert f"Error: --mine: '{typed}' is not a whole number.\n" in result.err


@pytest.mark.parametrize("columns", ["40", "60", "80"])
def test_a_placement_that_wraps_stays_indented_under_its_legend(
    run: Run, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    lines = run("salary", "seo", "--country", "uk", "--mine", "45000").out.splitlines()
    start = lines.index("┃ marks your pay, £45,000 a year:")
    end = next(i for i, line in enumerate(lines) if line.startswith("Yearly pay"))
    placed = lines[start + 1 : end]
    assert len(placed) >= 2  # the sentence wraps at these widths
    assert all(line.startswith("  ") and not line.startswith("   ") for line in placed)
    assert " ".join(line.strip() for line in placed) == (
        "SEO Specialist: above Entry-level; within Mid-level, 58% of the way up; below Senior-level"
    )


def test_a_number_too_long_to_read_is_refused_in_words(run: Run) -> None:
    result = run("salary", "seo", "-c", "uk", "--mine", "1" * 5000)
    assert (result.code, result.out) == (2, "")
    assert "(5,000 characters)' is not a whole number." in result.err
    assert "Traceback" not in result.err
