"""T-shape self-assessment: the phase rule, its boundaries, fit, next moves, the profile file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import Run

from ecocareer.catalog.index import Catalog
from ecocareer.errors import UsageError
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.tshape import assess, fit, parse_level, parse_skill_flags

PHASES = ("start-wide", "go-deep", "broaden-again", "t-shaped")

# One crafted profile per phase; broad = 3 layers at 2+, deep = a skill at 4+.
PROFILES: dict[str, dict[str, int]] = {
    "start-wide": {"seo": 3, "copywriting": 2},
    "go-deep": {"seo": 3, "copywriting": 2, "analytics": 2},
    "broaden-again": {"seo": 4, "copywriting": 2},
    "t-shaped": {"seo": 5, "copywriting": 2, "analytics": 2},
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_data_dir())


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
    levels = {"seo": 3, "copywriting": 1, "analytics": 2}
    result = assess(catalog, levels)
    assert (result.breadth, result.phase) == (2, "start-wide")


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


def test_fit_is_full_at_advanced_and_capped_above(catalog: Catalog) -> None:
    for role in catalog.roles:
        assert fit(role, dict.fromkeys(role.skills.all, 4)) == 1.0
        assert fit(role, dict.fromkeys(role.skills.all, 5)) == 1.0
        assert fit(role, {}) == 0.0


def test_fit_weighs_core_skills_double(catalog: Catalog) -> None:
    for role in catalog.roles:
        core, supporting = len(role.skills.core), len(role.skills.supporting)
        expected = 2 * core / (2 * core + supporting)
        assert fit(role, dict.fromkeys(role.skills.core, 4)) == pytest.approx(expected)
        half = fit(role, dict.fromkeys(role.skills.all, 2))
        assert half == pytest.approx(0.5)


def test_start_wide_suggests_the_generalist_first(catalog: Catalog) -> None:
    result = assess(catalog, PROFILES["start-wide"])
    roles = [item.role for item in result.suggested]
    assert len(roles) == 3
    assert roles[0].id == "digital-marketer"
    assert all(role.layer != "architects" for role in roles)


def test_go_deep_suggests_specialists_of_the_strongest_layer(catalog: Catalog) -> None:
    result = assess(catalog, PROFILES["go-deep"])
    assert result.suggested[0].role.id == "seo-specialist"
    assert all(
        item.role.layer == "distributors" and not item.role.is_generalist
        for item in result.suggested
    )
    producer = assess(catalog, {"copywriting": 3, "seo": 2, "analytics": 2})
    assert producer.suggested[0].role.id == "copywriter"
    assert {item.role.layer for item in producer.suggested} == {"producers"}


@pytest.mark.parametrize("phase", ["broaden-again", "t-shaped"])
def test_deep_phases_suggest_architect_roles_by_fit(catalog: Catalog, phase: str) -> None:
    result = assess(catalog, PROFILES[phase])
    assert {item.role.layer for item in result.suggested} == {"architects"}
    fits = [item.fit for item in result.suggested]
    assert fits == sorted(fits, reverse=True)


def test_manager_skills_make_the_manager_the_best_fit(catalog: Catalog) -> None:
    manager = catalog.role("digital-marketing-manager")
    levels = dict.fromkeys(manager.skills.core, 4) | {"seo": 4, "copywriting": 2}
    best = assess(catalog, levels).suggested[0]
    assert best.role == manager
    assert best.percent == round(100 * fit(manager, levels))


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
        grown[item.skill.id] = item.target
    assert assess(catalog, grown).phase == result.next_phase


def test_widening_prefers_a_skill_the_person_already_has(catalog: Catalog) -> None:
    result = assess(catalog, {"seo": 3, "graphic-design": 1})
    assert result.phase == "start-wide"
    picks = {item.skill.layer: item.skill.id for item in result.next_skills}
    assert picks["producers"] == "graphic-design"
    assert [item.skill.layer for item in result.next_skills] == [
        "producers",
        "converters",
        "architects",
    ]


def test_broadening_again_starts_with_the_architects(catalog: Catalog) -> None:
    result = assess(catalog, {"seo": 5})
    assert result.next_skills[0].skill.layer == "architects"
    assert result.next_needed == 2


def test_going_deep_raises_the_best_skill_to_advanced(catalog: Catalog) -> None:
    result = assess(catalog, PROFILES["go-deep"])
    first = result.next_skills[0]
    assert (first.skill.id, first.level, first.target, result.next_needed) == ("seo", 3, 4, 1)


def test_t_shaped_grows_into_the_best_fitting_architect_role(catalog: Catalog) -> None:
    result = assess(catalog, PROFILES["t-shaped"])
    assert result.next_phase is None and result.next_needed == 0
    core = catalog.role(result.suggested[0].role.id).skills.core
    assert result.next_skills
    assert all(item.skill.id in core and item.target == 4 for item in result.next_skills)


@pytest.mark.parametrize(
    ("text", "level"),
    [("0", 0), ("5", 5), (" 3 ", 3), ("expert", 5), ("Working", 2), (4, 4), ("+2", 2)],
)
def test_levels_read_as_numbers_or_names(text: object, level: int) -> None:
    assert parse_level(text) == level


@pytest.mark.parametrize("bad", ["6", "-1", 7, "3.5", 3.0, True, None, "", "lots", [5]])
def test_bad_levels_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match=r"0|5"):
        parse_level(bad)


def test_skill_flags_resolve_aliases_and_names(catalog: Catalog) -> None:
    flags = ["organic-search=4", "Copywriting=2", "email=expert"]
    assert parse_skill_flags(catalog, flags) == {
        "seo": 4,
        "copywriting": 2,
        "email-marketing": 5,
    }


def test_a_skill_flagged_twice_at_different_levels_is_refused(catalog: Catalog) -> None:
    with pytest.raises(UsageError, match="seo twice"):
        parse_skill_flags(catalog, ["seo=2", "search-engine-optimisation=4"])
    assert parse_skill_flags(catalog, ["seo=2", "seo=2"]) == {"seo": 2}


# --- the command ----------------------------------------------------------------


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "me.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_json_shape(run: Run) -> None:
    result = run("tshape", "-s", "seo=5", "-s", "copywriting=2", "-s", "analytics=2", "-f", "json")
    assert (result.code, result.err) == (0, "")
    data = json.loads(result.out)
    assert data["phase"] == "t-shaped"
    assert data["deep"] == {"skill": "seo", "level": 5}
    assert data["breadth"] == 3
    assert data["layers"] == {"producers": 2, "distributors": 5, "converters": 2, "architects": 0}
    assert len(data["suggested_roles"]) == 3
    assert list(data["fit"]) == data["suggested_roles"]
    assert all(isinstance(value, int) and 0 <= value <= 100 for value in data["fit"].values())
    assert data["next_phase"] is None
    assert set(data["next_skills"][0]) == {"skill", "name", "layer", "level", "target"}
    assert data["skills"] == {"copywriting": 2, "seo": 5, "analytics": 2}


def test_json_deep_is_null_when_not_deep(run: Run) -> None:
    data = json.loads(run("tshape", "-s", "seo=3", "-f", "json").out)
    assert (data["phase"], data["deep"], data["deepest"]) == (
        "start-wide",
        None,
        {"skill": "seo", "level": 3},
    )


def test_profile_file_and_flags_win(run: Run, tmp_path: Path) -> None:
    profile = write(tmp_path, "skills:\n  seo: 2\n  copywriting: 2\n  analytics: 2\n")
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
    result = run("tshape", "--profile", write(tmp_path, text))
    assert result.code == 2
    assert result.out == ""
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
        (["-s", "seo=3", "-f", "csv"], "no csv output"),
        (["--profile", "no-such-file.yaml"], "no-such-file.yaml: file not found"),
    ],
)
def test_usage_errors_exit_2(run: Run, args: list[str], what: str) -> None:
    result = run("tshape", *args)
    assert (result.code, result.out) == (2, "")
    assert what in " ".join(result.err.split())


@pytest.mark.parametrize("phase", PHASES)
def test_table_view_draws_the_t_within_80_columns(run: Run, phase: str) -> None:
    args = [arg for skill, level in PROFILES[phase].items() for arg in ("-s", f"{skill}={level}")]
    result = run("tshape", *args)
    assert result.code == 0
    lines = result.out.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "\x1b" not in result.out
    assert f"Phase: {phase}" in result.out
    stem = [line for line in lines if re.fullmatch(r" +███ [1-5]( ◂ deep at 4\+)?", line)]
    assert len(stem) == max(PROFILES[phase].values())
    assert "✎ producers 2" in result.out


def test_markdown_view(run: Run) -> None:
    result = run("tshape", "-s", "seo=5", "-f", "markdown")
    assert result.code == 0
    assert result.out.startswith("# Your T-shape\n")
    assert "## Phase: broaden-again" in result.out
    assert "| Marketing strategy | architects | 0 | 2 working |" in result.out
