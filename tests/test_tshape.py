"""T-shape self-assessment: the phase rule and its boundaries, fit, the next moves (domain);
then the --skill flags and the profile file, and `ecocareer tshape` in every format.

Expected phases, fits and sentences are worked out by hand from PRODUCT.md's rules and the
skills and roles in data/roles.yaml; the guide's texts (phase summaries, questions, why a T)
come from roles.yaml read as plain YAML.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import Run

from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.commands.inputs import parse_level, profile_levels, skill_flags
from ecocareer.errors import UnknownTerm, UsageError
from ecocareer.tshape import assess, fit

PHASES = ("start-wide", "go-deep", "broaden-again", "t-shaped")
# How a view for people names each phase: symbol and display name, never the id.
PHASE_LABELS = {
    "start-wide": "↔ Start wide",
    "go-deep": "↓ Go deep",
    "broaden-again": "⊤ Broaden again",
    "t-shaped": "T T-shaped",
}

# One crafted profile per phase; broad = 3 layers at 2+, deep = a skill at 4+.
# seo is a Distributors skill, copywriting a Producers one, analytics a Converters one.
PROFILES: dict[str, dict[str, int]] = {
    "start-wide": {"seo": 3, "copywriting": 2},
    "go-deep": {"seo": 3, "copywriting": 2, "analytics": 2},
    "broaden-again": {"seo": 4, "copywriting": 2},
    "t-shaped": {"seo": 5, "copywriting": 2, "analytics": 2},
}
MANAGER_CORE = [
    "campaign-management",
    "team-leadership",
    "project-management",
    "budget-management",
    "cross-functional-communication",
]


# roles.yaml as plain YAML (not through the loader under test).
RAW = yaml.safe_load((bundled_data_dir() / "roles.yaml").read_text(encoding="utf-8"))
CAREER = RAW["career"]
SUMMARIES = {phase["id"]: phase["summary"] for phase in CAREER["phases"]}
QUESTIONS = [question["text"] for question in CAREER["questions"]]

# The sentence saying where each crafted profile stands (TShape.where).
WHERE = {
    "start-wide": "You are at the start: start wide; next: go deep.",
    "go-deep": "You work across 3 layers without a speciality yet; next: T-shaped.",
    "broaden-again": "You are deep in Distributors; next: T-shaped.",
    "t-shaped": "You are deep in Distributors and broad across 3 layers: T-shaped.",
}

# Every role's fit for PROFILES["start-wide"] (seo 3, copywriting 2), best first, by
# hand: fit = sum(weight x min(level, 4) / 4) / sum(weight), core weight 2, supporting 1.
#   seo-specialist 2/9 (seo core 1.5, copywriting supporting 0.5) = 22%;
#   content-strategist 1.25/9 (copywriting 0.5, seo 0.75, both supporting) = 14%;
#   copywriter 1/8 (copywriting core) = 12.5%, shown 13 (halves round up);
#   social-media-manager, community-manager 0.5/8 = 6.25%; email-marketing-manager,
#   cro-specialist 0.5/9 = 5.6%; ppc-specialist 0.5/10, digital-marketer and the manager
#   0.75/15 (seo supporting) = 5%; every other role 0. Ties keep data order.
START_WIDE_FITS = [
    ("seo-specialist", 22),
    ("content-strategist", 14),
    ("copywriter", 13),
    ("social-media-manager", 6),
    ("community-manager", 6),
    ("email-marketing-manager", 6),
    ("cro-specialist", 6),
    ("ppc-specialist", 5),
    ("digital-marketer", 5),
    ("digital-marketing-manager", 5),
    ("graphic-designer", 0),
    ("ux-ui-designer", 0),
    ("marketing-analytics-specialist", 0),
    ("growth-marketer", 0),
    ("digital-marketing-project-manager", 0),
    ("marketing-director", 0),
    ("cmo", 0),
    ("digital-media-strategist", 0),
]


def raw_skills(role_id: str) -> list[str]:
    """A role's skills from the raw YAML, core then supporting."""
    role = next(role for role in RAW["roles"] if role["id"] == role_id)
    return role["skills"]["core"] + role["skills"].get("supporting", [])


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_data_dir())


# ------------------------------------------------------------------ the phase rule


@pytest.mark.parametrize("phase", PHASES)
def test_each_phase_is_reached_by_a_crafted_profile(catalog: Catalog, phase: str) -> None:
    assert assess(catalog, PROFILES[phase]).phase == phase


def test_nothing_at_all_is_start_wide_with_no_vertical_bar(catalog: Catalog) -> None:
    result = assess(catalog, {"seo": 0})
    assert (result.phase, result.deep, result.deepest, result.breadth) == (
        "start-wide",
        None,
        None,
        0,
    )
    assert {entry.layer.id: entry.level for entry in result.reach} == {
        "producers": 0,
        "distributors": 0,
        "converters": 0,
        "architects": 0,
    }


@pytest.mark.parametrize(("level", "phase"), [(3, "go-deep"), (4, "t-shaped"), (5, "t-shaped")])
def test_deep_starts_at_level_4(catalog: Catalog, level: int, phase: str) -> None:
    result = assess(catalog, {"seo": level, "copywriting": 2, "analytics": 2})
    assert result.phase == phase
    assert (result.deep is not None) is (level >= 4)


@pytest.mark.parametrize(
    ("analytics", "breadth", "phase"), [(1, 2, "broaden-again"), (2, 3, "t-shaped")]
)
def test_breadth_counts_layers_at_level_2(
    catalog: Catalog, analytics: int, breadth: int, phase: str
) -> None:
    result = assess(catalog, {"seo": 4, "copywriting": 2, "analytics": analytics})
    assert (result.breadth, result.phase) == (breadth, phase)


def test_level_1_does_not_count_toward_breadth(catalog: Catalog) -> None:
    result = assess(catalog, {"seo": 3, "copywriting": 1, "analytics": 2})
    assert (result.breadth, result.phase) == (2, "start-wide")


def test_two_skills_of_one_layer_count_once(catalog: Catalog) -> None:
    result = assess(catalog, {"seo": 3, "ppc": 3, "social-media": 3})
    assert (result.breadth, result.phase) == (1, "start-wide")


def test_every_skill_alone_at_4_is_deep_in_its_own_layer(catalog: Catalog) -> None:
    for skill in catalog.skills:
        result = assess(catalog, {skill.id: 4})
        assert result.phase == "broaden-again", skill.id
        assert result.deep is not None and result.deep.skill == skill
        reach = {entry.layer.id: entry.level for entry in result.reach}
        assert reach == {layer.id: 4 * (layer.id == skill.layer) for layer in catalog.layers}


def test_the_deepest_skill_is_the_highest_level(catalog: Catalog) -> None:
    result = assess(catalog, {"copywriting": 2, "cro": 5, "seo": 4})
    assert result.deep is not None
    assert (result.deep.skill.id, result.deep.level) == ("cro", 5)


# ------------------------------------------------------------------ fit


def test_fit_is_full_at_advanced_and_capped_above(catalog: Catalog) -> None:
    for role in catalog.roles:
        assert fit(role, dict.fromkeys(role.skills.all, 4)) == 1.0, role.id
        assert fit(role, dict.fromkeys(role.skills.all, 5)) == 1.0, role.id
        assert fit(role, {}) == 0.0, role.id
        assert fit(role, dict.fromkeys(role.skills.all, 2)) == pytest.approx(0.5), role.id


@pytest.mark.parametrize(
    ("role_id", "levels", "expected"),
    [
        # core seo, keyword-research, link-building (x2); supporting copywriting,
        # website-optimisation, analytics (x1): 9 weights in all.
        ("seo-specialist", {"seo": 3, "copywriting": 2}, (2 * 3 / 4 + 2 / 4) / 9),
        ("seo-specialist", {"seo": 4, "keyword-research": 4, "link-building": 4}, 6 / 9),
        ("seo-specialist", {"copywriting": 5, "website-optimisation": 4, "analytics": 4}, 3 / 9),
        # 5 core, 5 supporting: 15 weights; seo is supporting.
        ("digital-marketer", {"seo": 3, "copywriting": 2}, (3 / 4) / 15),
    ],
)
def test_fit_weighs_core_skills_double(
    catalog: Catalog, role_id: str, levels: dict[str, int], expected: float
) -> None:
    assert fit(catalog.role(role_id), levels) == pytest.approx(expected)


# ------------------------------------------------------------------ suggested roles


def test_start_wide_suggests_roles_by_fit_alone(catalog: Catalog) -> None:
    # The pool is the generalist and every specialist; only fit ranks them (see
    # START_WIDE_FITS): the generalist, at 5%, is not among the best three.
    result = assess(catalog, PROFILES["start-wide"])
    assert [(item.role.id, item.percent) for item in result.suggested] == [
        ("seo-specialist", 22),
        ("content-strategist", 14),
        ("copywriter", 13),
    ]
    assert result.pool == "Roles to start wide in, by fit:"


def test_a_role_at_zero_fit_is_never_suggested(catalog: Catalog) -> None:
    # marketing-strategy and market-research (Architect skills) at 3: start-wide, breadth
    # 1. Of the start-wide pool only digital-marketer uses them (both core):
    # 2 x 0.75 x 2 / 15 = 20%. Every specialist fits at 0%, so it is the one suggestion.
    result = assess(catalog, {"marketing-strategy": 3, "market-research": 3})
    assert result.phase == "start-wide"
    assert [(item.role.id, item.percent) for item in result.suggested] == [("digital-marketer", 20)]
    # Nothing rated above 0: nothing to suggest.
    assert assess(catalog, {"seo": 0}).suggested == ()


def test_go_deep_suggests_specialists_of_the_strongest_layer(catalog: Catalog) -> None:
    # Distributors is strongest (seo 3). Its specialists: seo-specialist 2.5/9 = 28%,
    # social-media-manager 1/8 = 12.5%, shown 13 (copywriting and analytics supporting, at 2),
    # email-marketing-manager 1/9 = 11%, ppc-specialist 1/10 = 10% (fourth, left out).
    result = assess(catalog, PROFILES["go-deep"])
    assert [(item.role.id, item.percent) for item in result.suggested] == [
        ("seo-specialist", 28),
        ("social-media-manager", 13),
        ("email-marketing-manager", 11),
    ]
    assert result.pool == "Specialist roles in your strongest layer, by fit:"
    # Producers strongest (copywriting 3): content-strategist 1.75/9 = 19.4% (copywriting,
    # seo and analytics all supporting) beats copywriter 1.5/8 = 18.75% (copywriting
    # core): fit alone decides. ux-ui-designer 0.5/8 = 6% (analytics supporting);
    # graphic-designer uses none of these skills, so at 0% it is never suggested.
    producer = assess(catalog, {"copywriting": 3, "seo": 2, "analytics": 2})
    assert [(item.role.id, item.percent) for item in producer.suggested] == [
        ("content-strategist", 19),
        ("copywriter", 19),
        ("ux-ui-designer", 6),
    ]


@pytest.mark.parametrize(
    ("phase", "pool", "expected"),
    [
        # seo 4, copywriting 2: only the manager uses either (seo supporting): 1/15 = 7%;
        # the other four Architect roles fit at 0% and are not suggested.
        (
            "broaden-again",
            "Architect roles the broader path leads to, by fit:",
            [("digital-marketing-manager", 7)],
        ),
        # seo 5, copywriting 2, analytics 2: manager (seo 1 + analytics 0.5) / 15 = 10%;
        # strategist analytics core 1/13 = 8%; project manager analytics supporting
        # 0.5/9 = 6%; director and CMO 0%.
        (
            "t-shaped",
            "Architect roles that use your shape, by fit:",
            [
                ("digital-marketing-manager", 10),
                ("digital-media-strategist", 8),
                ("digital-marketing-project-manager", 6),
            ],
        ),
    ],
)
def test_deep_phases_suggest_architect_roles_by_fit(
    catalog: Catalog, phase: str, pool: str, expected: list[tuple[str, int]]
) -> None:
    result = assess(catalog, PROFILES[phase])
    assert [(item.role.id, item.percent) for item in result.suggested] == expected
    assert {item.role.layer.id for item in result.suggested} == {"architects"}
    assert result.pool == pool


def test_every_role_is_ranked_by_fit_with_the_skills_had_and_lacked(catalog: Catalog) -> None:
    levels = PROFILES["start-wide"]
    result = assess(catalog, levels)
    assert [(item.role.id, item.percent) for item in result.fits] == START_WIDE_FITS
    for item in result.fits:
        skills = raw_skills(item.role.id)
        # Matched: the role's skills held at working level (2) or above, in role order.
        assert [s.id for s in item.matched] == [s for s in skills if levels.get(s, 0) >= 2]
        assert [s.id for s in item.missing] == [s for s in skills if levels.get(s, 0) < 2]
    seo = result.fits[0]
    assert ([s.id for s in seo.matched], [s.id for s in seo.missing]) == (
        ["seo", "copywriting"],
        ["keyword-research", "link-building", "website-optimisation", "analytics"],
    )


@pytest.mark.parametrize("phase", PHASES)
def test_where_the_person_stands_and_the_phase_text_from_the_guide(
    catalog: Catalog, phase: str
) -> None:
    result = assess(catalog, PROFILES[phase])
    assert result.where == WHERE[phase]
    # The guide's own words for the phase (career.phases[].summary); none for t-shaped.
    assert result.phase_advice == SUMMARIES.get(phase)


def test_the_guides_questions_answered_where_the_data_can(catalog: Catalog) -> None:
    result = assess(catalog, PROFILES["t-shaped"])
    assert [item.question.text for item in result.reflection] == QUESTIONS
    assert [item.answer for item in result.reflection] == [
        None,  # the health of your ecosystem: a team's, not in your skills
        "Your deepest skills are in Distributors (the channel & amplification layer).",
        "Search engine optimisation, at 5 of 5; deep enough to be your T's stem.",
        # roles.yaml: distributors feeds converters, then producers.
        "Distributors feeds Converters & Nurturers and Producers.",
    ]
    shallow = assess(catalog, {"copywriting": 3})
    assert shallow.reflection[2].answer == "Copywriting, at 3 of 5; 4 makes it deep."
    nothing = assess(catalog, {})
    assert [item.answer for item in nothing.reflection] == [None] * 4
    assert [(c.text, list(c.sources)) for c in result.why_a_t] == [
        (item["text"], item["sources"]) for item in CAREER["why_a_t"]
    ]


def test_manager_skills_make_the_manager_the_best_fit(catalog: Catalog) -> None:
    levels = dict.fromkeys(MANAGER_CORE, 4) | {"seo": 4, "copywriting": 2}
    result = assess(catalog, levels)
    best = result.suggested[0]
    # 5 core skills at 4 (10 of 15 weights) and seo, a supporting one, at 4.
    assert (best.role.id, best.percent) == ("digital-marketing-manager", 73)
    assert result.next_skills == ()
    assert result.next_step == (
        "You are T-shaped and already cover the core skills of Digital Marketing Manager "
        "at advanced."
    )


# ------------------------------------------------------------------ the next moves


@pytest.mark.parametrize(
    "levels",
    [
        {},
        {"seo": 3},
        {"copywriting": 1},
        {"seo": 3, "copywriting": 2},
        {"seo": 3, "copywriting": 2, "analytics": 2},
        {"seo": 2, "copywriting": 2, "analytics": 2, "budget-management": 3},
        {"seo": 4},
        {"marketing-strategy": 5},
        {"seo": 5, "copywriting": 2},
    ],
)
def test_growing_the_next_skills_reaches_the_next_phase(
    catalog: Catalog, levels: dict[str, int]
) -> None:
    result = assess(catalog, levels)
    assert 1 <= result.next_needed <= len(result.next_skills) <= 3
    grown = dict(levels)
    for item in result.next_skills[: result.next_needed]:
        assert item.level < item.target
        assert item.layer.id == item.skill.layer
        grown[item.skill.id] = item.target
    assert assess(catalog, grown).phase == result.next_phase


def test_widening_prefers_a_skill_the_person_already_has(catalog: Catalog) -> None:
    result = assess(catalog, {"seo": 3, "graphic-design": 1})
    assert result.phase == "start-wide"
    assert [(item.layer.id, item.skill.id) for item in result.next_skills] == [
        ("producers", "graphic-design"),
        ("converters", "analytics"),
        ("architects", "marketing-strategy"),
    ]
    assert result.next_step == (
        "To move on to the next phase (Go deep), reach working level (2) in 2 more layers; "
        "grow any 2 of these:"
    )


def test_starting_from_nothing_grows_three_layers(catalog: Catalog) -> None:
    result = assess(catalog, {})
    assert (result.next_needed, len(result.next_skills)) == (3, 3)
    assert result.next_step == (
        "To move on to the next phase (Go deep), reach working level (2) in 3 more layers; "
        "grow these:"
    )


def test_broadening_again_starts_with_the_architects(catalog: Catalog) -> None:
    result = assess(catalog, PROFILES["broaden-again"])
    assert [item.layer.id for item in result.next_skills] == ["architects", "converters"]
    assert result.next_needed == 1
    assert result.next_phase == "t-shaped"
    assert result.next_step == (
        "To move on to the next phase (T-shaped), reach working level (2) in 1 more layer; "
        "grow any 1 of these:"
    )


def test_going_deep_raises_the_best_skills_to_advanced(catalog: Catalog) -> None:
    result = assess(catalog, PROFILES["go-deep"])
    assert [(i.skill.id, i.level, i.target) for i in result.next_skills] == [
        ("seo", 3, 4),
        ("copywriting", 2, 4),
        ("analytics", 2, 4),
    ]
    assert (result.next_needed, result.next_phase) == (1, "t-shaped")
    assert result.next_step == "To become T-shaped, take one of your best skills to advanced (4):"


def test_t_shaped_grows_into_the_best_fitting_architect_role(catalog: Catalog) -> None:
    result = assess(catalog, PROFILES["t-shaped"])
    assert (result.next_phase, result.next_needed) == (None, 0)
    assert result.suggested[0].role.id == "digital-marketing-manager"
    assert [(item.skill.id, item.level, item.target) for item in result.next_skills] == [
        ("campaign-management", 0, 4),
        ("team-leadership", 0, 4),
        ("project-management", 0, 4),
    ]
    assert result.next_step == (
        "You are T-shaped. To grow into Digital Marketing Manager, the best fit, build its core "
        "skills that are furthest from advanced:"
    )


# ------------------------------------------------------------------ --skill flags and profiles


def test_levels_read_as_numbers_or_names() -> None:
    cases = [("0", 0), ("5", 5), (" 3 ", 3), ("expert", 5), ("Working", 2), (4, 4), ("+2", 2)]
    for text, level in cases:
        assert parse_level(text) == level, text


def test_bad_levels_are_refused() -> None:
    for bad in ["6", "-1", 7, "3.5", 3.0, True, None, "", "lots", [5]]:
        with pytest.raises(ValueError, match="0") as raised:
            parse_level(bad)
        assert "5" in str(raised.value), bad


def test_skill_flags_resolve_aliases_and_names(catalog: Catalog) -> None:
    flags = ["organic-search=4", "Copywriting=2", "email=expert"]
    assert skill_flags(catalog, flags) == {"seo": 4, "copywriting": 2, "email-marketing": 5}


def test_a_skill_flagged_twice_at_different_levels_is_refused(catalog: Catalog) -> None:
    with pytest.raises(UsageError, match="seo twice, at 2 and 4"):
        skill_flags(catalog, ["seo=2", "search-engine-optimisation=4"])
    assert skill_flags(catalog, ["seo=2", "seo=2"]) == {"seo": 2}


def test_an_unknown_skill_flag_is_an_unknown_skill(catalog: Catalog) -> None:
    with pytest.raises(UnknownTerm, match="did you mean 'seo'") as raised:
        skill_flags(catalog, ["sxo=3"])
    assert raised.value.kind == "skill"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "me.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_profile_levels_resolve_terms_and_level_names(catalog: Catalog, tmp_path: Path) -> None:
    profile = write(tmp_path, "skills:\n  organic-search: expert\n  Copywriting: 2\n")
    assert profile_levels(catalog, profile) == {"seo": 5, "copywriting": 2}


# ------------------------------------------------------------------ the command


def test_json_shape(run: Run) -> None:
    result = run("tshape", "-s", "seo=5", "-s", "copywriting=2", "-s", "analytics=2", "-f", "json")
    assert (result.code, result.err) == (0, "")
    data = json.loads(result.out)
    assert data["phase"] == "t-shaped"
    assert data["deep"] == {"skill": "seo", "level": 5}
    assert data["breadth"] == 3
    assert data["layers"] == {"producers": 2, "distributors": 5, "converters": 2, "architects": 0}
    assert data["suggested_roles"][0] == "digital-marketing-manager"
    assert len(data["suggested_roles"]) == 3
    assert list(data["fit"]) == data["suggested_roles"]
    assert all(isinstance(value, int) and 0 <= value <= 100 for value in data["fit"].values())
    assert (data["next_phase"], data["next_needed"]) == (None, 0)
    assert data["next_skills"][0] == {
        "skill": "campaign-management",
        "name": "Campaign management",
        "layer": "distributors",
        "level": 0,
        "target": 4,
    }
    assert data["skills"] == {"copywriting": 2, "seo": 5, "analytics": 2}
    assert data["where"] == WHERE["t-shaped"]
    assert [item["question"] for item in data["reflection"]] == QUESTIONS
    assert [item["answer"] is None for item in data["reflection"]] == [True, False, False, False]
    assert data["why_a_t"] == CAREER["why_a_t"]
    # Every role, best first: manager (seo, analytics supporting) 1.5/15 = 10%,
    # seo-specialist (seo 2 + copywriting 0.5 + analytics 0.5) / 9 = 33%.
    assert len(data["fits"]) == len(RAW["roles"])
    assert data["fits"][0] == {
        "role": "seo-specialist",
        "fit": 33,
        "matched": ["seo", "copywriting", "analytics"],
        "missing": ["keyword-research", "link-building", "website-optimisation"],
    }
    percents = [item["fit"] for item in data["fits"]]
    assert percents == sorted(percents, reverse=True)
    assert {item["role"]: item["fit"] for item in data["fits"]}["digital-marketing-manager"] == 10


def test_json_fits_for_the_start_wide_profile(run: Run) -> None:
    data = json.loads(run("tshape", "-s", "seo=3", "-s", "copywriting=2", "-f", "json").out)
    assert [(item["role"], item["fit"]) for item in data["fits"]] == START_WIDE_FITS
    assert data["suggested_roles"] == ["seo-specialist", "content-strategist", "copywriter"]
    assert data["where"] == WHERE["start-wide"]


def test_json_deep_is_null_when_not_deep(run: Run) -> None:
    data = json.loads(run("tshape", "-s", "seo=3", "-f", "json").out)
    assert (data["phase"], data["deep"], data["deepest"], data["next_phase"]) == (
        "start-wide",
        None,
        {"skill": "seo", "level": 3},
        "go-deep",
    )


def test_profile_file_and_flags_win(run: Run, tmp_path: Path) -> None:
    profile = str(write(tmp_path, "skills:\n  seo: 2\n  copywriting: 2\n  analytics: 2\n"))
    alone = json.loads(run("tshape", "--profile", profile, "-f", "json").out)
    assert (alone["phase"], alone["skills"]["seo"]) == ("go-deep", 2)
    both = json.loads(run("tshape", "--profile", profile, "-s", "seo=4", "-f", "json").out)
    assert (both["phase"], both["deep"]) == ("t-shaped", {"skill": "seo", "level": 4})


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("skills:\n  seo: 5\n  copywriting: 7\n", ":3:", "level 7 is outside 0–5"),
        ("skills:\n  seo: 5\n  copywritng: 2\n", ":3:", "did you mean 'copywriting'"),
        ("skills:\n  seo: [5]\n", ":2:", "not a whole number"),
        ("skills:\n  seo: five\n", ":2:", "not a whole number"),
        ("skills:\n  seo: 5\n   bad: : x\n", ":3:", "YAML syntax error"),
        ("skills: [seo]\n", ":1:", "must map each skill"),
        ("- seo\n", ":1:", "mapping with a 'skills:' key"),
        ("skils:\n  seo: 5\n", ":1:", "unknown key 'skils'"),
        ("skills:\n  seo: 5\n  organic-search: 4\n", ":3:", "seo again (first on line 2)"),
        ("skills: &a\n  seo: 5\n", ":1:", "anchor or alias"),
        ("skills:\n  seo: 1\n  seo: 2\n", ":3:", "repeats the key 'seo'"),
    ],
)
def test_profile_errors_name_file_and_line(
    run: Run, tmp_path: Path, text: str, where: str, what: str
) -> None:
    result = run("tshape", "--profile", str(write(tmp_path, text)))
    assert (result.code, result.out) == (2, "")
    assert "Traceback" not in result.err
    flat = " ".join(result.err.split())
    assert f"me.yaml{where}" in flat
    assert what in flat


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["-s", "seo=7"], "level 7 is outside 0–5"),
        (["-s", "seo=x"], "not a whole number"),
        (["-s", "seo"], "is not SKILL=LEVEL"),
        (["-s", "sxo=3"], "did you mean 'seo'"),
        ([], "Give your skill levels"),
        (
            ["-s", "seo=3", "-f", "csv"],
            "--format: 'csv' is not a format here; choose table, json or markdown.",
        ),
        (["--profile", "no-such-file.yaml"], "no-such-file.yaml: file not found"),
    ],
)
def test_usage_errors_exit_2(run: Run, args: list[str], what: str) -> None:
    result = run("tshape", *args)
    assert (result.code, result.out) == (2, "")
    assert what in " ".join(result.err.split())


@pytest.mark.parametrize("phase", PHASES)
def test_table_view_draws_the_t_and_names_the_phase(run: Run, phase: str) -> None:
    args = [arg for skill, level in PROFILES[phase].items() for arg in ("-s", f"{skill}={level}")]
    result = run("tshape", *args)
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "\x1b" not in result.out
    assert f"\nPhase: {PHASE_LABELS[phase]}\n" in result.out
    stem = [line for line in lines if re.fullmatch(r" +███ [1-5]( ◂ deep at 4\+)?", line)]
    assert len(stem) == max(PROFILES[phase].values())
    assert "  ✎ Producers 2     ➜ Distributors " in result.out


def test_table_view_says_the_next_step_in_words(run: Run) -> None:
    out = run("tshape", "-s", "seo=3", "-s", "copywriting=2").out
    flat = " ".join(out.split())
    assert "Where your phase points: Roles to start wide in, by fit:" in flat
    assert (
        "To move on to the next phase (Go deep), reach working level (2) in 1 more layer; "
        "grow any 1 of these:"
    ) in flat
    assert "│ SEO Specialist │ ➜ Distributors │ 22% │" in flat


def test_table_view_says_where_you_are_what_fits_and_what_the_guide_asks(run: Run) -> None:
    out = run("tshape", "-s", "seo=3", "-s", "copywriting=2").out
    flat = " ".join(out.split())
    assert "Phase: ↔ Start wide You are at the start: start wide; next: go deep." in flat
    assert " ".join(SUMMARIES["start-wide"].split()) in flat
    # The five best fits of all roles (START_WIDE_FITS), with what you have and lack.
    fits = out[out.index("Roles that fit you now") : out.index("Fit: each of a role's")]
    names = ["SEO Specialist", "Copywriter", "Social Media", "Community"]
    positions = [fits.index(name) for name in names]
    assert positions == sorted(positions)
    assert "Content" in fits and "CRO Specialist" not in fits
    assert len(re.findall(r"│ +\d+% │", fits)) == 5
    assert "┃ Role                 ┃ Fit ┃ You have" in fits and "┃ You lack" in fits
    assert "│ SEO Specialist       │ 22% │ Search engine" in fits
    assert (
        "Fit: each of a role's skills counts your level up to 4 (advanced) out of 4; core "
        "skills count double; the fit is the weighted share. Have: your level is 2 "
        "(working) or more."
    ) in flat
    # The guide's questions, each with its answer or an invitation to answer it.
    assert "The guide's questions, for you" in out
    for question in QUESTIONS:
        assert question in flat, question
    assert "Yours to answer: the data cannot say." in flat
    assert "Your deepest skills are in Distributors (the channel & amplification layer)." in flat
    assert "Search engine optimisation, at 3 of 5; 4 makes it deep." in flat
    # Why a T, in the data's words with their sources.
    assert "Why a T" in out
    for item in CAREER["why_a_t"]:
        assert f"{item['text']} ({', '.join(item['sources'])})" in flat, item["text"]


def test_saved_skills_stand_in_for_the_skill_flags(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ECOCAREER_PROFILE", str(tmp_path / "profile.yaml"))
    saved = run("profile", "set", "--skill", "seo=3", "--skill", "copywriting=2")
    assert saved.code == 0, saved.err
    result = run("tshape", "-f", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert (data["phase"], data["skills"]) == ("start-wide", {"copywriting": 2, "seo": 3})


def test_markdown_view(run: Run) -> None:
    result = run("tshape", "-s", "seo=5", "-f", "markdown")
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("# Your T-shape\n")
    assert (
        "## Phase: Broaden again\n\nYou are deep in Distributors; next: T-shaped.\n" in result.out
    )
    assert SUMMARIES["broaden-again"] in result.out
    assert "## Roles that fit you now\n" in result.out
    # seo 5 alone: seo-specialist 2/9 = 22%, content-strategist 1/9 = 11%.
    assert (
        "| SEO Specialist | 22% | Search engine optimisation | Keyword research, Link "
        "building, Copywriting, Website and landing page optimisation, Marketing analytics "
        "and measurement |"
    ) in result.out
    assert "## The guide's questions, for you\n" in result.out
    assert f"- **{QUESTIONS[0]}** (yours to answer)" in result.out
    assert "## Why a T\n" in result.out
    assert "| Distributors | 5 expert | Search engine optimisation |" in result.out
    assert "| Marketing strategy | Architects | 0 | 2 working |" in result.out
    assert (
        "To move on to the next phase (T-shaped), reach working level (2) in 2 more layers; "
        "grow any 2 of these:"
    ) in result.out
