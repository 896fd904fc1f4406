"""A roadmap that starts from the person: what they know, their level, their pay.

Route copywriter → digital-marketing-manager → marketing-director → cmo (roles.yaml);
pay from seed 000's Canadian table.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run


def route(run: Run, *args: str) -> dict[str, object]:
    result = run("roadmap", "--from", "copywriter", "--to", "cmo", "--country", "ca",
                 *args, "--format", "json")  # fmt: skip
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_what_she_knows_leaves_the_list_and_is_shown_apart(run: Run) -> None:
    plain = route(run)["steps"][1]
    assert "Content strategy" in plain["skills_to_build"]
    assert plain["skills_you_have"] == []
    known = route(run, "--skill", "copywriting=5", "--skill", "content-strategy=4")["steps"][1]
    # The manager's skills new on this route: its five core skills, then content
    # strategy, social media, SEO and analytics (ppc the copywriter already had).
    assert known["skills_you_have"] == ["Content strategy"]
    assert known["skills_to_build"] == [
        "Campaign management", "Team leadership", "Project management", "Budget management",
        "Cross-functional communication", "Social media marketing",
        "Search engine optimisation", "Marketing analytics and measurement",
    ]  # fmt: skip


def test_a_skill_below_working_level_is_raised_from_where_it_is(run: Run) -> None:
    data = route(run, "--skill", "seo=1")
    manager = data["steps"][1]
    assert "Search engine optimisation" in manager["skills_to_build"]
    assert manager["skills_to_raise"] == [{"skill": "seo", "from": 1, "to": 2}]
    table = run("roadmap", "--from", "copywriter", "--to", "cmo", "-c", "ca", "--skill", "seo=1")
    assert "Search engine optimisation (from 1 to 2)" in " ".join(table.out.split())


def test_every_pay_level_of_every_step_is_given(run: Run) -> None:
    steps = route(run)["steps"]
    assert [[(b["level"], b["min"], b["max"]) for b in s["salaries"]] for s in steps] == [
        [("entry", 50000, 65000), ("mid", 65000, 85000), ("senior", 85000, 110000)],
        [("mid", 80000, 105000), ("senior", 105000, 130000)],
        [("senior", 115000, 150000), ("executive", 150000, 190000)],
        [("executive", 180000, 250000)],
    ]
    # The likely level: the start role's middle one, each later role's lowest.
    assert [s["level"] for s in steps] == ["mid", "mid", "senior", "executive"]


def test_the_profile_gives_level_and_pay_and_the_change_is_told(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text(
        "role: copywriter\ntarget: cmo\ncountry: ca\nlevel: senior\npay: 70000\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("ECOCAREER_PROFILE", str(profile))
    result = run("roadmap", "--format", "json")
    data = json.loads(result.out)
    assert data["steps"][0]["level"] == "senior"  # her own level in the start role
    # From her pay, $70,000, to the CMO's entry band, $180,000 - $250,000+.
    assert (data["pay_change"]["from"], data["pay_change"]["min"], data["pay_change"]["max"]) == (
        70000, 110000, 180000,
    )  # fmt: skip
    assert "level senior, pay 70000" in result.err
    table = run("roadmap")
    assert (
        "Pay change from your pay, $70,000 to Chief Marketing Officer (CMO)'s entry band: "
        "+$110,000 to +$180,000 a year, CAD"
    ) in " ".join(table.out.split())
