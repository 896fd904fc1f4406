"""Comparing two roles: overlap, what each must add, pay gaps, and the command.

Expected skills, overlaps and pay gaps are worked out by hand from
data/roles.yaml and data/salaries.yaml and written out literally.
"""

from __future__ import annotations

import itertools
import json
import re

import pytest
import yaml
from conftest import Run

from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.compare import compare

CATALOG = load_catalog(bundled_data_dir())

# Each role's skills (core, then supporting) read with plain PyYAML.
RAW_SKILLS: dict[str, list[str]] = {
    role["id"]: role["skills"]["core"] + role["skills"].get("supporting", [])
    for role in yaml.safe_load((bundled_data_dir() / "roles.yaml").read_text("utf-8"))["roles"]
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return CATALOG


def ids(skills: tuple) -> list[str]:
    return [skill.id for skill in skills]


# The domain


def test_strategist_and_marketer_overlap_exactly(catalog: Catalog) -> None:
    # Strategist (8): marketing-strategy, market-research, analytics, trend-analysis,
    #   strategic-planning, resource-allocation, budget-management,
    #   cross-functional-communication.
    # Marketer (10): marketing-strategy, market-research, analytics, campaign-management,
    #   creative-development, ppc, social-media, seo, website-optimisation,
    #   cross-functional-communication.
    # Shared 4, union 8 + 10 - 4 = 14, overlap 4 / 14 = 28.57% -> 28.6.
    result = compare(catalog, "digital-media-strategist", "digital-marketer")
    assert ids(result.shared) == [
        "marketing-strategy",
        "market-research",
        "analytics",
        "cross-functional-communication",
    ]
    assert ids(result.first_only) == [
        "trend-analysis",
        "strategic-planning",
        "resource-allocation",
        "budget-management",
    ]
    assert ids(result.second_only) == [
        "campaign-management",
        "creative-development",
        "ppc",
        "social-media",
        "seo",
        "website-optimisation",
    ]
    assert (len(result.shared), result.union, result.overlap_percent) == (4, 14, 28.6)
    # Neither role has a band in salaries.yaml.
    assert result.salary == ()
    assert (result.first.has_pay, result.second.has_pay) == (False, False)


def test_each_side_says_what_kind_of_role_it_is(catalog: Catalog) -> None:
    result = compare(catalog, "digital-media-strategist", "digital-marketer")
    assert (result.first.role.id, result.second.role.id) == (
        "digital-media-strategist",
        "digital-marketer",
    )
    assert result.first.kind == (
        "an Architect: sets strategy and direction; others carry out the work"
    )
    # The marketer's home layer, then the two it spans, as roles.yaml lists them.
    assert result.second.kind == (
        "a generalist: plans and also carries out the work by hand across "
        "Distributors, Producers, Converters & Nurturers"
    )
    seo = compare(catalog, "seo-specialist", "cmo").first
    assert seo.kind == "a specialist: goes deep in one function of the Distributors layer"
    assert seo.has_pay is True


# (first, second, shared, first only, second only, union, overlap %), by hand from roles.yaml.
HAND_WORKED = [
    # seo: seo, keyword-research, link-building, copywriting, website-optimisation, analytics
    # ppc: ppc, keyword-research, audience-targeting, campaign-management, copywriting, analytics
    # 3 shared, union 6 + 6 - 3 = 9, 3 / 9 = 33.3%
    (
        "seo-specialist",
        "ppc-specialist",
        ["keyword-research", "copywriting", "analytics"],
        ["seo", "link-building", "website-optimisation"],
        ["ppc", "audience-targeting", "campaign-management"],
        9,
        33.3,
    ),
    # Nothing shared: 6 + 9 = 15 skills, 0%.
    (
        "seo-specialist",
        "marketing-director",
        [],
        [
            "seo",
            "keyword-research",
            "link-building",
            "copywriting",
            "website-optimisation",
            "analytics",
        ],
        [
            "marketing-strategy",
            "budget-management",
            "financial-acumen",
            "sales-alignment",
            "business-outcomes",
            "team-leadership",
            "strategic-planning",
            "cross-functional-communication",
            "stakeholder-communication",
        ],
        15,
        0.0,
    ),
    # director (9) and cmo (9) share 7; union 9 + 9 - 7 = 11, 7 / 11 = 63.64% -> 63.6
    (
        "marketing-director",
        "cmo",
        [
            "marketing-strategy",
            "budget-management",
            "financial-acumen",
            "sales-alignment",
            "business-outcomes",
            "strategic-planning",
            "stakeholder-communication",
        ],
        ["team-leadership", "cross-functional-communication"],
        ["brand-positioning", "executive-leadership"],
        11,
        63.6,
    ),
    # The same pair the other way round: shared in the cmo's order, same overlap.
    (
        "cmo",
        "marketing-director",
        [
            "marketing-strategy",
            "business-outcomes",
            "financial-acumen",
            "sales-alignment",
            "strategic-planning",
            "stakeholder-communication",
            "budget-management",
        ],
        ["brand-positioning", "executive-leadership"],
        ["team-leadership", "cross-functional-communication"],
        11,
        63.6,
    ),
    # cro: cro, ab-testing, website-optimisation, ux-design, analytics, copywriting
    # ux:  ux-design, ui-design, graphic-design, website-optimisation, cro, analytics
    # 4 shared, union 6 + 6 - 4 = 8, 4 / 8 = 50%
    (
        "cro-specialist",
        "ux-ui-designer",
        ["cro", "website-optimisation", "ux-design", "analytics"],
        ["ab-testing", "copywriting"],
        ["ui-design", "graphic-design"],
        8,
        50.0,
    ),
    # content: content-strategy, audience-research, editorial-planning, copywriting, seo,
    #   analytics; growth: demand-generation, lead-nurturing, content-strategy,
    #   email-marketing, ppc, sales-alignment
    # 1 shared, union 6 + 6 - 1 = 11, 1 / 11 = 9.09% -> 9.1
    (
        "content-strategist",
        "growth-marketer",
        ["content-strategy"],
        ["audience-research", "editorial-planning", "copywriting", "seo", "analytics"],
        ["demand-generation", "lead-nurturing", "email-marketing", "ppc", "sales-alignment"],
        11,
        9.1,
    ),
    # project manager (6) and manager (10) share 4; union 6 + 10 - 4 = 12, 4 / 12 = 33.3%
    (
        "digital-marketing-project-manager",
        "digital-marketing-manager",
        [
            "project-management",
            "cross-functional-communication",
            "campaign-management",
            "analytics",
        ],
        ["stakeholder-communication", "resource-allocation"],
        ["team-leadership", "budget-management", "content-strategy", "ppc", "social-media", "seo"],
        12,
        33.3,
    ),
    # community: community-building, event-organisation, customer-retention, social-media,
    #   copywriting; social: social-media, creative-development, community-building,
    #   trend-analysis, copywriting, analytics
    # 3 shared, union 5 + 6 - 3 = 8, 3 / 8 = 37.5%
    (
        "community-manager",
        "social-media-manager",
        ["community-building", "social-media", "copywriting"],
        ["event-organisation", "customer-retention"],
        ["creative-development", "trend-analysis", "analytics"],
        8,
        37.5,
    ),
]


@pytest.mark.parametrize(
    ("first", "second", "shared", "first_only", "second_only", "union", "overlap"),
    HAND_WORKED,
    ids=[f"{case[0]}-vs-{case[1]}" for case in HAND_WORKED],
)
def test_hand_worked_overlaps(
    catalog: Catalog,
    first: str,
    second: str,
    shared: list[str],
    first_only: list[str],
    second_only: list[str],
    union: int,
    overlap: float,
) -> None:
    result = compare(catalog, first, second)
    assert ids(result.shared) == shared
    assert ids(result.first_only) == first_only
    assert ids(result.second_only) == second_only
    assert (result.union, result.overlap_percent) == (union, overlap)


def test_every_pair_splits_both_roles_skills_and_overlap_is_symmetric(catalog: Catalog) -> None:
    checked = 0
    for first, second in itertools.permutations(RAW_SKILLS, 2):
        result = compare(catalog, first, second)
        pair = f"{first} vs {second}"
        one, two = RAW_SKILLS[first], RAW_SKILLS[second]
        shared, first_only, second_only = (
            ids(result.shared),
            ids(result.first_only),
            ids(result.second_only),
        )
        # Every skill of each role lands once in "shared" or in that role's own list,
        # and the lists keep the role's order from roles.yaml.
        assert sorted(shared + first_only, key=one.index) == one, pair
        assert sorted(shared + second_only, key=two.index) == two, pair
        assert shared == [s for s in one if s in shared], pair
        assert first_only == [s for s in one if s in first_only], pair
        assert second_only == [s for s in two if s in second_only], pair
        assert not set(first_only) & set(two) and not set(second_only) & set(one), pair
        assert 0.0 <= result.overlap_percent <= 100.0, pair
        assert (result.overlap_percent == 0.0) == (not shared), pair
        assert result.overlap_percent == compare(catalog, second, first).overlap_percent, pair
        checked += 1
    assert checked == 18 * 17


def test_salary_gaps_only_where_both_have_data(catalog: Catalog) -> None:
    # seo has entry/mid/senior bands, the director senior/executive: senior is the
    # only level both have. UK senior: seo £50,000-£70,000+, director £75,000-£100,000,
    # so the director pays 75,000 - 50,000 = 25,000 more at the bottom and
    # 100,000 - 70,000 = 30,000 more at the top.
    (gap,) = compare(catalog, "seo-specialist", "marketing-director", "uk").salary
    assert (gap.country.id, gap.level.id) == ("uk", "senior")
    assert (gap.first.band.min, gap.first.band.max, gap.first.band.open_ended) == (
        50000,
        70000,
        True,
    )
    assert (gap.second.band.min, gap.second.band.max) == (75000, 100000)
    assert (gap.min_difference, gap.max_difference) == (25000, 30000)


def test_salary_gaps_in_every_country_in_data_order(catalog: Catalog) -> None:
    # senior bands, seo then director:  us 95,000-125,000 vs 140,000-190,000
    # ca 85,000-110,000 vs 115,000-150,000; uk 50,000-70,000 vs 75,000-100,000;
    # au 120,000-150,000 vs 150,000-200,000.
    result = compare(catalog, "seo-specialist", "marketing-director")
    assert [
        (g.country.id, g.level.id, g.min_difference, g.max_difference) for g in result.salary
    ] == [
        ("us", "senior", 45000, 65000),
        ("ca", "senior", 30000, 40000),
        ("uk", "senior", 25000, 30000),
        ("au", "senior", 30000, 50000),
    ]
    # Swapping the roles swaps the sign.
    swapped = compare(catalog, "marketing-director", "seo-specialist", "us").salary
    assert [(g.min_difference, g.max_difference) for g in swapped] == [(-45000, -65000)]


def test_a_role_without_pay_has_no_gaps(catalog: Catalog) -> None:
    # The project manager has no band in salaries.yaml; the manager has mid and senior.
    result = compare(catalog, "digital-marketing-project-manager", "digital-marketing-manager")
    assert result.salary == ()
    assert (result.first.has_pay, result.second.has_pay) == (False, True)


def test_same_role_twice_is_refused(catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="two different roles"):
        compare(catalog, "cmo", "cmo")


# The command


def flat(text: str) -> str:
    return " ".join(text.split())


def test_command_strategist_vs_marketer(run: Run) -> None:
    result = run("compare", "digital-media-strategist", "digital-marketer")
    assert result.code == 0, result.err
    assert result.err == ""
    assert result.out.startswith("Compare: Digital Media Strategist vs Digital Marketer\n")
    text = flat(result.out)
    for piece in (
        "In short • Digital Media Strategist is an Architect: sets strategy and "
        "direction; others carry out the work.",
        "• Digital Marketer is a generalist: plans and also carries out the work by hand "
        "across Distributors, Producers, Converters & Nurturers.",
        "│ Layer │ ◆ Architects │ ➜ Distributors │",
        "│ • Set goals and success metrics │ • Research the market and │",
        "Skill overlap: 28.6% (4 shared of 14 in all)",
        "Shared: Marketing strategy, Market research and analysis, Marketing analytics "
        "and measurement, Cross-functional communication",
        "From Digital Media Strategist to Digital Marketer, add: Campaign management, "
        "Creative and content development, Pay-per-click advertising (paid search and "
        "social), Social media marketing, Search engine optimisation, Website and landing "
        "page optimisation",
        "From Digital Marketer to Digital Media Strategist, add: Trend analysis, "
        "Strategic planning, Resource allocation, Budget management",
        "Digital Media Strategist and Digital Marketer: no salary data in the sources.",
        "Overlap: the skills both roles name, as a share of all the skills either names "
        "(core and supporting together).",
    ):
        assert piece in text, piece


def test_command_pay_table_in_pounds(run: Run) -> None:
    result = run("compare", "seo", "director", "--country", "uk")
    assert result.code == 0, result.err
    text = flat(result.out)
    for piece in (
        "• SEO Specialist is a specialist: goes deep in one function of the Distributors layer.",
        "Skill overlap: 0% (0 shared of 15 in all)",
        "Shared: none",
        "Pay where the sources give both",
        "│ UK Senior-level │ £50,000 – £70,000+ │ £75,000 – £100,000 │ min +£25,000 │",
        "│ │ │ │ max +£30,000 │",
    ):
        assert piece in text, piece


def test_command_json_shape(run: Run) -> None:
    result = run("compare", "seo", "director", "--country", "uk", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert list(data) == [
        "first", "second", "overlap_percent", "shared_count", "union_count", "shared_skills",
        "shared_skill_ids", "first_must_add", "first_must_add_ids", "second_must_add",
        "second_must_add_ids", "salary", "source_notes", "notes",
    ]  # fmt: skip
    assert list(data["first"]) == [
        "id", "name", "layer", "spans", "kind", "summary", "responsibilities", "has_salary_data",
    ]  # fmt: skip
    assert (data["first"]["id"], data["first"]["layer"]) == ("seo-specialist", "distributors")
    assert (data["second"]["id"], data["second"]["layer"]) == ("marketing-director", "architects")
    assert data["second"]["kind"] == (
        "an Architect: sets strategy and direction; others carry out the work"
    )
    assert data["first"]["has_salary_data"] is True
    assert data["overlap_percent"] == 0.0
    assert (data["shared_count"], data["union_count"]) == (0, 15)
    assert data["first_must_add_ids"][:3] == [
        "marketing-strategy",
        "budget-management",
        "financial-acumen",
    ]
    assert data["second_must_add"][:2] == ["Search engine optimisation", "Keyword research"]
    (gap,) = data["salary"]
    assert (gap["country"], gap["currency"], gap["level"]) == ("uk", "GBP", "senior")
    assert (gap["min_difference"], gap["max_difference"]) == (25000, 30000)
    assert gap["first"]["open_ended"] is True and gap["second"]["max"] == 100000


def test_command_markdown(run: Run) -> None:
    result = run("compare", "media-strategist", "marketer", "-f", "markdown")
    assert result.code == 0, result.err
    assert result.out.startswith("# Compare: Digital Media Strategist vs Digital Marketer\n")
    for piece in (
        "| Layer | Architects | Distributors |",
        "## Responsibilities",
        "| Set goals and success metrics for digital media work "
        "| Research the market and analyse campaign data |",
        "- **Skill overlap**: 28.6% (4 shared of 14 in all)",
        "- Digital Marketer is a generalist: plans and also carries out",
        "Digital Media Strategist and Digital Marketer: no salary data in the sources.",
    ):
        assert piece in result.out, piece


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("seo", "seo-specialist"),
            "Usage error: Compare needs two different roles; both were 'seo-specialist'. "
            "See one role with `ecocareer roles seo-specialist`.",
        ),
        (
            ("seoo", "cmo"),
            "Usage error: Unknown role 'seoo'; did you mean 'seo-specialist'? "
            "See them all with `ecocareer roles`.",
        ),
        (
            ("seo", "cmo", "-c", "mars"),
            "Usage error: Unknown country 'mars'. Known countries: us, ca, uk, au.",
        ),
        (
            ("seo", "cmo", "-f", "csv"),
            "--format: 'csv' is not a format here; choose table, json or markdown.",
        ),
    ],
)
def test_command_usage_errors(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run("compare", *args)
    assert result.code == 2 and result.out == ""
    assert message in flat(result.err)


def test_command_fits_80_columns_without_escape_codes(run: Run) -> None:
    for first, second in [
        ("media-strategist", "marketer"),
        ("cmo", "director"),
        ("project-manager", "analytics"),
        ("content-strategist", "growth"),
    ]:
        result = run("compare", first, second)
        assert result.code == 0, (first, second, result.err)
        assert max(len(line) for line in result.out.splitlines()) <= 80, (first, second)
        assert not re.search(r"\x1b\[", result.out), (first, second)
