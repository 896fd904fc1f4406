"""Roadmaps: the route rule, phases, skills to build, pay per step, and the command."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from conftest import Run, replace_in

from ecocareer.catalog.index import Catalog
from ecocareer.errors import UsageError
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.roadmap import ADVICE, best_route, phase_of, roadmap, shortest_routes

CATALOG = load_catalog(bundled_data_dir())
ROLE_IDS = [role.id for role in CATALOG.roles]
PAIRS = list(itertools.permutations(ROLE_IDS, 2))


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return CATALOG


def test_there_are_eighteen_roles_and_every_ordered_pair_is_tested() -> None:
    assert len(ROLE_IDS) == 18
    assert len(PAIRS) == 18 * 17


def test_seo_to_director_goes_through_the_manager(catalog: Catalog) -> None:
    route = roadmap(catalog, "seo-specialist", "marketing-director", "uk")
    assert [step.role.id for step in route.steps] == [
        "seo-specialist",
        "digital-marketing-manager",
        "marketing-director",
    ]
    assert [step.phase for step in route.steps] == ["go-deep", "broaden-again", "broaden-again"]
    assert [[skill.id for skill in step.skills_to_build] for step in route.steps] == [
        [],
        [
            "campaign-management",
            "team-leadership",
            "project-management",
            "budget-management",
            "cross-functional-communication",
            "content-strategy",
            "ppc",
            "social-media",
        ],
        [
            "marketing-strategy",
            "financial-acumen",
            "sales-alignment",
            "business-outcomes",
            "strategic-planning",
            "stakeholder-communication",
        ],
    ]


def test_seo_to_director_pay_and_years_in_pounds(catalog: Catalog) -> None:
    route = roadmap(catalog, "seo-specialist", "marketing-director", "uk")
    pay = [(s.level, s.salary and (s.salary.min, s.salary.max), s.years) for s in route.steps]
    assert pay == [
        ("mid", (38000, 50000), None),
        ("mid", (45000, 60000), "3-5 yrs"),
        ("senior", (75000, 100000), "7-10+ yrs"),
    ]


@pytest.mark.parametrize(("start", "target"), PAIRS)
def test_every_ordered_pair_has_a_route_along_leads_to(
    catalog: Catalog, start: str, target: str
) -> None:
    route = roadmap(catalog, start, target, "us")
    ids = [step.role.id for step in route.steps]
    assert ids[0] == start and ids[-1] == target
    assert len(set(ids)) == len(ids)
    for here, there in itertools.pairwise(ids):
        assert there in catalog.role(here).leads_to
    assert [step.phase for step in route.steps] == [phase_of(step.role) for step in route.steps]
    assert [step.number for step in route.steps] == list(range(1, len(ids) + 1))
    held: set[str] = set(catalog.role(start).skills.all)
    for step in route.steps[1:]:
        built = [skill.id for skill in step.skills_to_build]
        assert built == [s for s in step.role.skills.all if s not in held]
        held.update(step.role.skills.all)
    assert route.steps[0].skills_to_build == ()


@pytest.mark.parametrize(("start", "target"), PAIRS)
def test_the_route_is_a_shortest_one(catalog: Catalog, start: str, target: str) -> None:
    lengths = {len(route) for route in shortest_routes(catalog, start, target)}
    assert lengths == {len(best_route(catalog, start, target))}


def test_phase_rule(catalog: Catalog) -> None:
    phases = {role.id: phase_of(role) for role in catalog.roles}
    assert phases["digital-marketer"] == "start-wide"
    assert {phases[r.id] for r in catalog.roles_in("architects")} == {"broaden-again"}
    for layer in ("producers", "distributors", "converters"):
        specialists = [r for r in catalog.roles_in(layer) if not r.is_generalist]
        assert specialists and {phases[r.id] for r in specialists} == {"go-deep"}


def test_downward_move_from_cmo_to_copywriter(catalog: Catalog) -> None:
    ids = [step.role.id for step in roadmap(catalog, "cmo", "copywriter", "us").steps]
    assert ids == ["cmo", "digital-media-strategist", "digital-marketer", "copywriter"]


def test_ties_are_broken_by_fewest_new_skills(catalog: Catalog) -> None:
    # digital-marketer reaches the manager in two moves through any of 12 specialists;
    # the content strategist adds the fewest skills the manager then needs.
    assert best_route(catalog, "digital-marketer", "digital-marketing-manager") == (
        "digital-marketer",
        "content-strategist",
        "digital-marketing-manager",
    )


@pytest.mark.parametrize("role_id", ROLE_IDS)
def test_same_role_is_one_step_with_advice_to_deepen(catalog: Catalog, role_id: str) -> None:
    route = roadmap(catalog, role_id, role_id, "us")
    assert route.same_role and route.moves == 0
    assert [step.role.id for step in route.steps] == [role_id]
    assert [skill.id for skill in route.deepen] == list(catalog.role(role_id).skills.core)
    levels = [band.level for band in catalog.bands_for(role_id, "us")]
    assert route.steps[0].level == (levels[-1] if levels else None)


def test_roles_without_pay_have_no_salary(catalog: Catalog) -> None:
    route = roadmap(catalog, "cmo", "digital-marketer", "uk")
    assert [(s.role.id, s.salary) for s in route.steps[1:]] == [
        ("digital-media-strategist", None),
        ("digital-marketer", None),
    ]


def test_unreachable_role_is_a_usage_error(data_copy: Path) -> None:
    replace_in(
        data_copy / "roles.yaml",
        "    leads_to: [digital-media-strategist]\n",
        "    leads_to: []\n",
    )
    broken = load_catalog(data_copy)
    assert broken.role("cmo").leads_to == ()
    with pytest.raises(UsageError, match="no route from cmo to copywriter"):
        roadmap(broken, "cmo", "copywriter", "us")


# The command


def test_command_seo_to_director_in_pounds(run: Run) -> None:
    result = run("roadmap", "--from", "seo", "--to", "director", "--country", "uk")
    assert result.code == 0, result.err
    out = result.out
    for text in (
        "SEO Specialist → Marketing Director",
        "1. SEO Specialist",
        "2. Digital Marketing Manager",
        "3. Marketing Director",
        "£38,000 – £50,000 (Mid-level)",
        "£45,000 – £60,000 (Mid-level)",
        "£75,000 – £100,000 (Senior-level)",
        "3-5 yrs",
        "7-10+ yrs",
        "Go deep",
        "Broaden again",
        "Budget",
        "Financial acumen",
    ):
        assert text in out, text
    flat = " ".join(out.split())
    assert "Content strategy" in flat and "Pay-per-click advertising" in flat
    assert "Sales and marketing alignment" in flat
    assert "Route: the fewest moves" in flat and "Pay: the start role" in flat
    assert " ".join(ADVICE["broaden-again"].split()) in flat
    assert " ".join(ADVICE["start-wide"].split()) not in flat


def test_command_json_shape(run: Run) -> None:
    result = run("roadmap", "--from", "seo", "--to", "director", "-c", "uk", "-f", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert list(data) == [
        "from", "to", "country", "currency", "moves", "same_role", "steps", "deepen", "notes",
    ]  # fmt: skip
    assert (data["from"], data["to"], data["country"], data["currency"]) == (
        "seo-specialist",
        "marketing-director",
        "uk",
        "GBP",
    )
    assert data["moves"] == 2 and data["same_role"] is False and data["deepen"] is None
    first, manager, director = data["steps"]
    assert list(first) == [
        "step", "role", "name", "layer", "phase", "skills_to_build", "skill_ids", "level",
        "years", "salary", "advice",
    ]  # fmt: skip
    assert first["skills_to_build"] == [] and first["salary"]["min"] == 38000
    assert manager["skills_to_build"][:4] == [
        "Campaign management",
        "Team leadership",
        "Project management",
        "Budget management",
    ]
    assert director["skill_ids"][1:4] == [
        "financial-acumen",
        "sales-alignment",
        "business-outcomes",
    ]
    assert director["salary"] == {
        "role": "marketing-director",
        "country": "uk",
        "currency": "GBP",
        "level": "senior",
        "min": 75000,
        "max": 100000,
        "open_ended": False,
        "years": "7-10+ yrs",
        "sources": ["cv-library"],
    }
    assert (director["phase"], director["layer"], director["years"]) == (
        "broaden-again",
        "architects",
        "7-10+ yrs",
    )


def test_command_json_null_salary_and_default_country(run: Run) -> None:
    data = json.loads(run("roadmap", "--from", "cmo", "--to", "marketer", "-f", "json").out)
    assert data["country"] == "us"
    assert [step["salary"] for step in data["steps"][1:]] == [None, None]
    assert data["steps"][0]["salary"]["currency"] == "USD"


def test_command_same_role(run: Run) -> None:
    result = run("roadmap", "--from", "ppc", "--to", "ppc-specialist")
    assert result.code == 0, result.err
    assert "already there" in result.out and "Go deeper" in result.out
    data = json.loads(run("roadmap", "--from", "ppc", "--to", "ppc", "-f", "json").out)
    assert data["same_role"] is True and len(data["steps"]) == 1
    assert data["deepen"]["skill_ids"] == list(CATALOG.role("ppc-specialist").skills.core)


def test_command_markdown(run: Run) -> None:
    result = run("roadmap", "--from", "seo", "--to", "director", "-c", "uk", "-f", "markdown")
    assert result.code == 0, result.err
    assert result.out.startswith("# Roadmap: SEO Specialist → Marketing Director\n")
    assert (
        "| 3 | Marketing Director | Architects | Broaden again | £75,000 – £100,000" in result.out
    )
    assert "## What to do in each phase" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "seoo", "--to", "cmo"), "did you mean 'seo-specialist'"),
        (("--from", "seo", "--to", "chef"), "Unknown role 'chef'"),
        (("--from", "seo", "--to", "cmo", "-c", "france"), "Unknown country"),
        (("--from", "seo", "--to", "cmo", "-f", "csv"), "no csv output"),
    ],
)
def test_command_usage_errors(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run("roadmap", *args)
    assert result.code == 2
    assert result.out == ""
    assert message in " ".join(result.err.split())


def test_command_needs_from_and_to(run: Run) -> None:
    assert run("roadmap", "--from", "seo").code == 2


@pytest.mark.parametrize(
    ("start", "target"),
    [("seo", "director"), ("cmo", "copywriter"), ("ux", "ux"), ("marketer", "cmo")],
)
@pytest.mark.parametrize("country", ["us", "uk", "au"])
def test_command_fits_80_columns_without_escape_codes(
    run: Run, start: str, target: str, country: str
) -> None:
    result = run("roadmap", "--from", start, "--to", target, "-c", country)
    assert result.code == 0, result.err
    assert max(len(line) for line in result.out.splitlines()) <= 80
    assert not re.search(r"\x1b\[", result.out)
