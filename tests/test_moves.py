"""`ecocareer next`: the moves open from a role, worked by hand from data/*.yaml.

Overlap is shared skills over all the skills either role names (core and supporting).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run


def moves(run: Run, *args: str) -> dict[str, object]:
    result = run("next", *args, "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_seo_in_the_uk_by_hand(run: Run) -> None:
    data = moves(run, "seo", "--country", "uk")
    assert (data["from"], data["country"], data["level"]) == ("seo-specialist", "uk", None)
    got = [(m["role"], m["kind"], m["basis"], m["overlap"]) for m in data["moves"]]
    # The one stated move comes first; then by overlap, then data order.
    # seo: seo, keyword-research, link-building | copywriting, website-optimisation, analytics
    # manager shares seo and analytics: 2 / (6 + 10 - 2) = 14%.
    # content strategist shares copywriting, seo, analytics: 3 / (6 + 6 - 3) = 33%;
    # ppc specialist (keyword-research, copywriting, analytics) and cro specialist
    # (website-optimisation, analytics, copywriting) also 3 of 9 = 33%: data order.
    assert got == [
        ("digital-marketing-manager", "step-up", "source", 14),
        ("content-strategist", "sideways", "inferred", 33),
        ("ppc-specialist", "sideways", "inferred", 33),
        ("cro-specialist", "sideways", "inferred", 33),
    ]
    manager = data["moves"][0]
    assert manager["shared_skills"] == ["seo", "analytics"]
    assert manager["sources"] == ["ecosystem-guide", "ironhack"]
    # The manager's lowest UK band is mid, £45,000-£60,000; seo's mid is £38,000-£50,000.
    assert (manager["pay"]["level"], manager["pay"]["min"], manager["pay"]["max"]) == (
        "mid", 45000, 60000,
    )  # fmt: skip
    assert manager["pay_change"] == {"min": 7000, "max": 10000}
    # Content strategist UK entry £25,000-£32,000 against seo's entry £30,000-£38,000.
    assert data["moves"][1]["pay_change"] == {"min": -5000, "max": -6000}


def test_skills_the_person_has_drop_out_of_what_to_learn(run: Run) -> None:
    plain = moves(run, "seo", "--country", "uk")["moves"][0]["new_skills"]
    assert "team-leadership" in plain and "ppc" in plain
    known = moves(run, "seo", "-c", "uk", "--skill", "team-leadership=2", "--skill", "ppc=1")
    new = known["moves"][0]["new_skills"]
    assert "team-leadership" not in new  # at working level: had
    assert "ppc" in new  # at 1, below working level: still to learn
    assert len(new) == len(plain) - 1


def test_moves_within_the_architects_and_the_level_one_enters_at(run: Run) -> None:
    data = moves(run, "digital-marketing-manager", "--country", "uk", "--level", "senior")
    kinds = {m["role"]: (m["kind"], m["basis"]) for m in data["moves"]}
    # Director's top level (executive) is above the manager's (senior): a step up, and the
    # guide states it. The project manager and the strategist have no pay at all, and the
    # digital marketer is no Architect: sideways.
    assert kinds == {
        "marketing-director": ("step-up", "source"),
        "digital-marketing-project-manager": ("sideways", "inferred"),
        "digital-media-strategist": ("sideways", "inferred"),
        "digital-marketer": ("sideways", "inferred"),
    }
    director = data["moves"][0]
    # Entered at senior, the person's level: £75,000-£100,000 against the manager's senior
    # £60,000-£80,000+.
    assert (director["pay"]["level"], director["pay"]["min"]) == ("senior", 75000)
    assert director["pay_change"] == {"min": 15000, "max": 20000}
    no_pay = next(m for m in data["moves"] if m["role"] == "digital-media-strategist")
    assert no_pay["pay"] is None and no_pay["pay_change"] is None


def test_the_table_view_ranks_and_explains(run: Run) -> None:
    result = run("next", "seo", "--country", "uk")
    assert result.code == 0
    text = " ".join(result.out.split())
    for piece in (
        "Moves from SEO Specialist — pay in United Kingdom (GBP)",
        "1. Digital Marketing Manager ◆ Architects",
        "Move ↑ step up, skill overlap 14%",
        "Basis stated by the sources (ecosystem-guide, ironhack):",
        "Pay £45,000 – £60,000 (Mid-level) Change +£7,000 to +£10,000",
        "2. Content Strategist ✎ Producers",
        "Basis inferred (not stated by the sources):",
        "Change −£5,000 to −£6,000",
        "Ranked: moves the sources state first",
    ):
        assert piece in text, piece


@pytest.mark.parametrize(("country", "low"), [("us", 85000), ("ca", 80000), ("au", 100000)])
def test_pay_follows_the_country(run: Run, country: str, low: int) -> None:
    manager = moves(run, "seo", "--country", country)["moves"][0]
    assert (manager["pay"]["country"], manager["pay"]["min"]) == (country, low)


def test_the_role_comes_from_the_profile_and_is_said(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text("role: copywriter\ncountry: ca\nlevel: mid\n", encoding="utf-8")
    monkeypatch.setenv("ECOCAREER_PROFILE", str(profile))
    result = run("next", "--format", "json")
    data = json.loads(result.out)
    assert (data["from"], data["country"], data["level"]) == ("copywriter", "ca", "mid")
    assert result.err.strip() == "using your profile: role copywriter, country ca, level mid"


def test_without_a_role_or_profile_it_says_what_to_do(run: Run) -> None:
    result = run("next")
    assert result.code == 2
    assert "ecocareer profile set --role ROLE" in " ".join(result.err.split())
