"""Comparing two roles: overlap, what each must add, pay gaps, and the command."""

from __future__ import annotations

import itertools
import json
import re

import pytest
from conftest import Run

from ecocareer.catalog.index import Catalog
from ecocareer.compare import compare
from ecocareer.errors import UsageError
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir

CATALOG = load_catalog(bundled_data_dir())
ROLE_IDS = [role.id for role in CATALOG.roles]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return CATALOG


def test_strategist_and_marketer_overlap_exactly(catalog: Catalog) -> None:
    result = compare(catalog, "digital-media-strategist", "digital-marketer")
    assert [s.id for s in result.shared] == [
        "marketing-strategy",
        "market-research",
        "analytics",
        "cross-functional-communication",
    ]
    assert [s.id for s in result.first_only] == [
        "trend-analysis",
        "strategic-planning",
        "resource-allocation",
        "budget-management",
    ]
    assert [s.id for s in result.second_only] == [
        "campaign-management",
        "creative-development",
        "ppc",
        "social-media",
        "seo",
        "website-optimisation",
    ]
    assert (len(result.shared), result.union, result.overlap_percent) == (4, 14, 28.6)
    assert result.salary == ()


def test_strategist_plans_while_marketer_also_executes(catalog: Catalog) -> None:
    strategist, marketer = compare(catalog, "digital-media-strategist", "digital-marketer").contrast
    assert "strategy" in strategist and "others carry out the work" in strategist
    assert "plans and also carries out the work" in marketer


@pytest.mark.parametrize(("first", "second"), list(itertools.permutations(ROLE_IDS, 2)))
def test_overlap_is_shared_over_union(catalog: Catalog, first: str, second: str) -> None:
    result = compare(catalog, first, second)
    one, two = set(catalog.role(first).skills.all), set(catalog.role(second).skills.all)
    assert {s.id for s in result.shared} == one & two
    assert {s.id for s in result.first_only} == one - two
    assert {s.id for s in result.second_only} == two - one
    assert result.overlap_percent == round(100 * len(one & two) / len(one | two), 1)
    assert result.overlap_percent == compare(catalog, second, first).overlap_percent
    for gap in result.salary:
        assert gap.first.country == gap.second.country == gap.country
        assert gap.first.level == gap.second.level == gap.level
        assert gap.min_difference == gap.second.min - gap.first.min


def test_salary_gaps_only_where_both_have_data(catalog: Catalog) -> None:
    result = compare(catalog, "seo-specialist", "marketing-director", "uk")
    assert [(g.country, g.level, g.min_difference, g.max_difference) for g in result.salary] == [
        ("uk", "senior", 25000, 30000)
    ]
    assert len(compare(catalog, "seo-specialist", "marketing-director").salary) == 4


def test_same_role_twice_is_a_usage_error(catalog: Catalog) -> None:
    with pytest.raises(UsageError, match="two different roles"):
        compare(catalog, "cmo", "cmo")


# The command


def test_command_strategist_vs_marketer(run: Run) -> None:
    result = run("compare", "digital-media-strategist", "digital-marketer")
    assert result.code == 0, result.err
    flat = " ".join(result.out.split())
    for text in (
        "Compare: Digital Media Strategist vs Digital Marketer",
        "◆ Architects",
        "➜ Distributors",
        "Skill overlap: 28.6% (4 shared of 14 in all)",
        "In short • Digital Media Strategist is an Architect: sets strategy and "
        "direction; others carry out the work.",
        "• Digital Marketer is a generalist: plans and also carries out the work by hand "
        "across Distributors, Producers, Converters & Nurturers.",
        "Trend analysis, Strategic planning, Resource allocation, Budget management",
        "no salary data in the sources",
    ):
        assert text in flat, text
    for role_id in ("digital-media-strategist", "digital-marketer"):
        assert CATALOG.role(role_id).responsibilities[0].split()[0] in flat


def test_command_json_shape(run: Run) -> None:
    result = run("compare", "seo", "director", "--country", "uk", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert list(data) == [
        "first", "second", "overlap_percent", "shared_count", "union_count", "shared_skills",
        "shared_skill_ids", "first_must_add", "first_must_add_ids", "second_must_add",
        "second_must_add_ids", "salary", "notes",
    ]  # fmt: skip
    assert data["first"]["id"] == "seo-specialist" and data["second"]["layer"] == "architects"
    assert data["overlap_percent"] == 0.0 and data["union_count"] == 15
    assert data["first_must_add_ids"][:3] == [
        "marketing-strategy",
        "budget-management",
        "financial-acumen",
    ]
    (gap,) = data["salary"]
    assert (gap["country"], gap["currency"], gap["level"]) == ("uk", "GBP", "senior")
    assert (gap["min_difference"], gap["max_difference"]) == (25000, 30000)
    assert gap["first"]["open_ended"] is True and gap["second"]["max"] == 100000


def test_command_markdown(run: Run) -> None:
    result = run("compare", "media-strategist", "marketer", "-f", "markdown")
    assert result.code == 0, result.err
    assert result.out.startswith("# Compare: Digital Media Strategist vs Digital Marketer\n")
    assert "- **Skill overlap**: 28.6% (4 shared of 14 in all)" in result.out
    assert "## Responsibilities" in result.out
    assert "- Digital Marketer is a generalist: plans and also carries out" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("seo", "seo-specialist"), "two different roles"),
        (("seoo", "cmo"), "did you mean 'seo-specialist'"),
        (("seo", "cmo", "-c", "mars"), "Unknown country"),
        (("seo", "cmo", "-f", "csv"), "no csv output"),
    ],
)
def test_command_usage_errors(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run("compare", *args)
    assert result.code == 2 and result.out == ""
    assert message in " ".join(result.err.split())


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("media-strategist", "marketer"),
        ("cmo", "director"),
        ("project-manager", "analytics"),
        ("content-strategist", "growth"),
    ],
)
def test_command_fits_80_columns_without_escape_codes(run: Run, first: str, second: str) -> None:
    result = run("compare", first, second)
    assert result.code == 0, result.err
    assert max(len(line) for line in result.out.splitlines()) <= 80
    assert not re.search(r"\x1b\[", result.out)
