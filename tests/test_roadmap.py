"""Roadmaps: the route rule, phases, skills to build, pay per step, and the command.

Expected routes, skills and pay are worked out by hand from data/roles.yaml and
data/salaries.yaml and written out literally; the all-pairs check compares
route lengths with a breadth-first search this file does itself on the raw YAML.

Each `leads_to` entry is `{role, basis: source|inferred, sources, note}`. Only two
links are stated by the sources: seo-specialist -> digital-marketing-manager and
digital-marketing-manager -> marketing-director; every other link is inferred.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import deque
from pathlib import Path

import pytest
import yaml
from conftest import Run, replace_in

from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.errors import UsageError
from ecocareer.roadmap import best_route, roadmap
from ecocareer.vocabulary import Phase, phase_of

CATALOG = load_catalog(bundled_data_dir())

# The raw role records, read with plain PyYAML (not the package's loader).
RAW_ROLES: dict[str, dict] = {
    role["id"]: role
    for role in yaml.safe_load((bundled_data_dir() / "roles.yaml").read_text("utf-8"))["roles"]
}

# The phase each role stands for, by hand from roles.yaml: the one role with
# `spans` (digital-marketer) starts wide, the five Architects broaden again,
# every other role is a specialist who goes deep.
PHASES = {
    "content-strategist": Phase.GO_DEEP,
    "copywriter": Phase.GO_DEEP,
    "graphic-designer": Phase.GO_DEEP,
    "ux-ui-designer": Phase.GO_DEEP,
    "seo-specialist": Phase.GO_DEEP,
    "social-media-manager": Phase.GO_DEEP,
    "email-marketing-manager": Phase.GO_DEEP,
    "ppc-specialist": Phase.GO_DEEP,
    "digital-marketer": Phase.START_WIDE,
    "cro-specialist": Phase.GO_DEEP,
    "marketing-analytics-specialist": Phase.GO_DEEP,
    "growth-marketer": Phase.GO_DEEP,
    "community-manager": Phase.GO_DEEP,
    "digital-marketing-manager": Phase.BROADEN_AGAIN,
    "digital-marketing-project-manager": Phase.BROADEN_AGAIN,
    "marketing-director": Phase.BROADEN_AGAIN,
    "cmo": Phase.BROADEN_AGAIN,
    "digital-media-strategist": Phase.BROADEN_AGAIN,
}


def raw_next(role_id: str) -> list[str]:
    """The roles `role_id` leads to, in data order, from the raw YAML."""
    return [link["role"] for link in RAW_ROLES[role_id]["leads_to"]]


def raw_link(start: str, target: str) -> dict:
    """The raw `leads_to` entry from `start` to `target`."""
    (link,) = [link for link in RAW_ROLES[start]["leads_to"] if link["role"] == target]
    return link


def raw_skills(role_id: str) -> list[str]:
    skills = RAW_ROLES[role_id]["skills"]
    return skills["core"] + skills.get("supporting", [])


def moves_by_bfs(start: str) -> dict[str, int]:
    """Fewest `leads_to` moves from `start` to every role, on the raw YAML."""
    distance = {start: 0}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        for there in raw_next(here):
            if there not in distance:
                distance[there] = distance[here] + 1
                queue.append(there)
    return distance


def routes_of_length(start: str, target: str, moves: int) -> list[tuple[str, ...]]:
    """Every route from `start` to `target` of exactly `moves` moves, on the raw YAML."""
    routes = [(start,)]
    for _ in range(moves):
        routes = [(*route, there) for route in routes for there in raw_next(route[-1])]
    return [route for route in routes if route[-1] == target]


def inferred_moves(route: tuple[str, ...]) -> int:
    return sum(raw_link(a, b)["basis"] == "inferred" for a, b in itertools.pairwise(route))


def new_skill_count(route: tuple[str, ...]) -> int:
    held, count = set(raw_skills(route[0])), 0
    for role_id in route[1:]:
        count += len(set(raw_skills(role_id)) - held)
        held.update(raw_skills(role_id))
    return count


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return CATALOG


# The domain


def test_seo_to_director_goes_through_the_manager(catalog: Catalog) -> None:
    # seo-specialist leads to [ppc, content-strategist, cro, digital-marketing-manager];
    # of those only the manager leads to marketing-director, so this is the one
    # 2-move route (and both of its moves are stated by the sources).
    route = roadmap(catalog, "seo-specialist", "marketing-director", "uk")
    assert route.moves == 2 and not route.same_role
    assert (route.start.id, route.target.id, route.country.id) == (
        "seo-specialist",
        "marketing-director",
        "uk",
    )
    assert [step.number for step in route.steps] == [1, 2, 3]
    assert [step.role.id for step in route.steps] == [
        "seo-specialist",
        "digital-marketing-manager",
        "marketing-director",
    ]
    assert [step.phase for step in route.steps] == [
        Phase.GO_DEEP,
        Phase.BROADEN_AGAIN,
        Phase.BROADEN_AGAIN,
    ]
    assert [[skill.id for skill in step.skills_to_build] for step in route.steps] == [
        # The start role builds nothing: you already hold seo, keyword-research,
        # link-building, copywriting, website-optimisation, analytics.
        [],
        # The manager's ten skills less seo and analytics (already held).
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
        # The director's nine skills less budget-management, team-leadership and
        # cross-functional-communication (the manager brought them).
        [
            "marketing-strategy",
            "financial-acumen",
            "sales-alignment",
            "business-outcomes",
            "strategic-planning",
            "stakeholder-communication",
        ],
    ]
    assert route.deepen == ()
    # Step 1 has no link; each later step carries the link it arrives by.
    assert route.steps[0].link is None
    assert [(step.link.role, step.link.basis, step.link.sources) for step in route.steps[1:]] == [
        ("digital-marketing-manager", "source", ("ecosystem-guide", "ironhack")),
        ("marketing-director", "source", ("ecosystem-guide", "cmoalliance")),
    ]
    assert route.steps[1].link.note.startswith("The guide names this step: an SEO expert")


def test_seo_to_director_pay_and_years_in_pounds(catalog: Catalog) -> None:
    # salaries.yaml, uk: seo has entry/mid/senior, so its middle level is mid
    # (£38,000-£50,000, no years); the manager's lowest level is mid (£45,000-£60,000,
    # 3-5 yrs); the director's lowest is senior (£75,000-£100,000, 7-10+ yrs).
    route = roadmap(catalog, "seo-specialist", "marketing-director", "uk")
    pay = [
        (s.pay.country.id, s.pay.level.id, s.pay.band.min, s.pay.band.max, s.pay.band.years)
        for s in route.steps
        if s.pay is not None
    ]
    assert pay == [
        ("uk", "mid", 38000, 50000, None),
        ("uk", "mid", 45000, 60000, "3-5 yrs"),
        ("uk", "senior", 75000, 100000, "7-10+ yrs"),
    ]
    assert [source.id for source in route.steps[2].pay.sources] == ["cv-library"]


def test_every_ordered_pair_has_a_shortest_route_along_leads_to(catalog: Catalog) -> None:
    checked = 0
    for start, target in itertools.permutations(RAW_ROLES, 2):
        route = roadmap(catalog, start, target, "us")
        ids = [step.role.id for step in route.steps]
        where = f"{start} -> {target}: {ids}"
        assert ids[0] == start and ids[-1] == target, where
        for here, there in itertools.pairwise(ids):
            assert there in raw_next(here), where
        assert route.moves == len(ids) - 1 == moves_by_bfs(start)[target], where
        # Each step carries the raw link it arrives by (none for the first).
        assert route.steps[0].link is None, where
        for (here, there), step in zip(itertools.pairwise(ids), route.steps[1:], strict=True):
            link = raw_link(here, there)
            assert (step.link.role, step.link.basis) == (there, link["basis"]), where
            assert list(step.link.sources) == link.get("sources", []), where
            assert step.link.note == link["note"], where
        # Among the equally short routes: the fewest inferred moves, then the
        # fewest new skills among those.
        rivals = routes_of_length(start, target, route.moves)
        fewest_inferred = min(inferred_moves(r) for r in rivals)
        assert inferred_moves(tuple(ids)) == fewest_inferred, where
        assert new_skill_count(tuple(ids)) == min(
            new_skill_count(r) for r in rivals if inferred_moves(r) == fewest_inferred
        ), where
        assert [step.number for step in route.steps] == list(range(1, len(ids) + 1)), where
        assert [step.phase for step in route.steps] == [PHASES[i] for i in ids], where
        # Each step lists the skills of its role that no earlier role on the route had.
        held = set(raw_skills(start))
        assert route.steps[0].skills_to_build == (), where
        for step in route.steps[1:]:
            built = [skill.id for skill in step.skills_to_build]
            assert set(built) <= set(raw_skills(step.role.id)), where
            assert not held & set(built), where
            assert set(raw_skills(step.role.id)) <= held | set(built), where
            held.update(built)
        checked += 1
    assert checked == 18 * 17


def test_phase_of_each_role(catalog: Catalog) -> None:
    assert {role.id: phase_of(role) for role in catalog.roles} == PHASES


def test_downward_move_from_cmo_to_copywriter(catalog: Catalog) -> None:
    # cmo leads only to marketing-director; the director leads to cmo and the
    # manager; the manager to the director, project manager, strategist and
    # digital-marketer. Only content-strategist and digital-marketer lead to
    # copywriter, and digital-marketer is the nearer (3 moves from cmo), so the one
    # shortest route is 4 moves: cmo, director, manager, marketer, copywriter.
    route = roadmap(catalog, "cmo", "copywriter", "us")
    assert [step.role.id for step in route.steps] == [
        "cmo",
        "marketing-director",
        "digital-marketing-manager",
        "digital-marketer",
        "copywriter",
    ]
    assert [step.phase for step in route.steps] == [
        Phase.BROADEN_AGAIN,
        Phase.BROADEN_AGAIN,
        Phase.BROADEN_AGAIN,
        Phase.START_WIDE,
        Phase.GO_DEEP,
    ]
    # Every one of these four moves is inferred: none is stated by the sources.
    assert [step.link.basis for step in route.steps[1:]] == ["inferred"] * 4
    assert route.phases == (Phase.BROADEN_AGAIN, Phase.START_WIDE, Phase.GO_DEEP)


def test_ties_are_broken_by_fewest_new_skills(catalog: Catalog) -> None:
    # content-strategist (content-strategy, audience-research, editorial-planning,
    # copywriting, seo, analytics) reaches ppc-specialist in two moves via copywriter
    # or seo-specialist (its other links, growth-marketer and the manager, do not
    # lead to ppc-specialist).
    # Via copywriter: +creative-development, email-marketing, ppc, cro (4), then
    #   ppc-specialist +keyword-research, audience-targeting, campaign-management (3) = 7.
    # Via seo-specialist: +keyword-research, link-building, website-optimisation (3),
    #   then ppc-specialist +ppc, audience-targeting, campaign-management (3) = 6.
    # All four links involved are inferred, so the sources do not decide; the SEO
    # route wins although copywriter comes first in the data.
    assert best_route(catalog, "content-strategist", "ppc-specialist") == (
        "content-strategist",
        "seo-specialist",
        "ppc-specialist",
    )
    route = roadmap(catalog, "content-strategist", "ppc-specialist", "us")
    assert [[s.id for s in step.skills_to_build] for step in route.steps] == [
        [],
        ["keyword-research", "link-building", "website-optimisation"],
        ["ppc", "audience-targeting", "campaign-management"],
    ]


def test_moves_the_sources_state_win_over_fewer_skills(catalog: Catalog) -> None:
    # seo-specialist reaches graphic-designer in three moves, two ways (nothing leads
    # to graphic-designer but ux-ui-designer and digital-marketer):
    #   via cro-specialist, ux-ui-designer: all three moves inferred; new skills
    #     cro, ab-testing, ux-design (3) + ui-design, graphic-design (2) +
    #     brand-identity, creative-development, social-media (3) = 8.
    #   via digital-marketing-manager, digital-marketer: seo -> manager is stated by
    #     the sources, so only two moves are inferred; new skills: the manager's eight
    #     (all but seo and analytics) + marketing-strategy, market-research,
    #     creative-development (3) + graphic-design, brand-identity, ui-design (3) = 14.
    # The stated move counts first, so the longer skill list wins.
    assert best_route(catalog, "seo-specialist", "graphic-designer") == (
        "seo-specialist",
        "digital-marketing-manager",
        "digital-marketer",
        "graphic-designer",
    )


def test_moves_the_sources_state_win_over_data_order(catalog: Catalog) -> None:
    # digital-marketer reaches the manager in two moves through any of its 12
    # specialists. The manager adds team-leadership, project-management,
    # budget-management and content-strategy to what the marketer holds, so each
    # route costs (specialist's new skills) + (those four less what it brought):
    #   content-strategist 4 + 3 = 7, graphic-designer 3 + 4 = 7, seo-specialist
    #   3 + 4 = 7, social-media-manager 3 + 4 = 7, ppc-specialist 3 + 4 = 7;
    #   every other specialist costs 8 or 9.
    # Of the five at 7, content-strategist comes first in roles.yaml, but only
    # seo-specialist -> manager is stated by the sources (the others are inferred),
    # so the SEO route wins.
    route = roadmap(catalog, "digital-marketer", "digital-marketing-manager", "us")
    assert [step.role.id for step in route.steps] == [
        "digital-marketer",
        "seo-specialist",
        "digital-marketing-manager",
    ]
    assert [step.link.basis for step in route.steps[1:]] == ["inferred", "source"]


def test_equal_skill_counts_fall_back_to_data_order(catalog: Catalog) -> None:
    # copywriter (copywriting, creative-development, audience-research,
    # email-marketing, ppc, cro) reaches seo-specialist in two moves via
    # content-strategist or ppc-specialist (email-marketing-manager and the manager
    # do not lead to seo-specialist); all four links are inferred.
    # Via content-strategist: +content-strategy, editorial-planning, seo, analytics (4),
    #   then seo-specialist +keyword-research, link-building, website-optimisation (3) = 7.
    # Via ppc-specialist: +keyword-research, audience-targeting, campaign-management,
    #   analytics (4), then seo-specialist +seo, link-building, website-optimisation (3) = 7.
    # content-strategist comes first in roles.yaml.
    assert best_route(catalog, "copywriter", "seo-specialist") == (
        "copywriter",
        "content-strategist",
        "seo-specialist",
    )


def test_same_role_is_one_step_with_advice_to_deepen(catalog: Catalog) -> None:
    # Highest level salaries.yaml gives each role (in the US): the twelve
    # specialists and the manager top out at senior, director and CMO at
    # executive; the marketer, project manager and strategist have no pay.
    highest = dict.fromkeys(RAW_ROLES, "senior")
    highest.update(
        {
            "marketing-director": "executive",
            "cmo": "executive",
            "digital-marketer": None,
            "digital-marketing-project-manager": None,
            "digital-media-strategist": None,
        }
    )
    for role_id, level in highest.items():
        route = roadmap(catalog, role_id, role_id, "us")
        assert route.same_role and route.moves == 0, role_id
        assert [step.role.id for step in route.steps] == [role_id], role_id
        assert route.steps[0].skills_to_build == (), role_id
        assert [s.id for s in route.deepen] == RAW_ROLES[role_id]["skills"]["core"], role_id
        pay = route.steps[0].pay
        assert (pay.level.id if pay else None) == level, role_id


def test_advice_comes_from_the_guides_phases_in_the_data(catalog: Catalog) -> None:
    # roles.yaml career.phases: one advice text per phase, read here as plain YAML.
    phases = yaml.safe_load((bundled_data_dir() / "roles.yaml").read_text("utf-8"))["career"][
        "phases"
    ]
    expected = {Phase(phase["id"]): phase["advice"] for phase in phases}
    assert set(expected) == {Phase.START_WIDE, Phase.GO_DEEP, Phase.BROADEN_AGAIN}
    route = roadmap(catalog, "seo-specialist", "marketing-director", "us")
    assert route.advice == expected
    assert route.deepen_advice == (
        "You are already there, so the next step is depth: choose one function and push "
        "it to an advanced level: take an advanced course, run a personal project whose "
        "results are yours to measure, read everything on the craft, and become the "
        "person colleagues ask first."
    )


def test_ppc_to_ppc_pays_the_senior_band(catalog: Catalog) -> None:
    (step,) = roadmap(catalog, "ppc-specialist", "ppc-specialist", "us").steps
    assert (step.pay.band.min, step.pay.band.max, step.pay.band.open_ended) == (
        100000,
        135000,
        True,
    )


def test_roles_without_pay_have_no_salary(catalog: Catalog) -> None:
    # The one shortest route: cmo -> marketing-director -> manager -> digital-marketer
    # (cmo leads only to the director, the director to cmo and the manager, and only
    # the manager leads to the marketer). In the uk: cmo only has an executive band
    # (£120,000-£180,000+); the director enters at senior (£75,000-£100,000), the
    # manager at mid (£45,000-£60,000); the marketer has no band at all.
    route = roadmap(catalog, "cmo", "digital-marketer", "uk")
    assert [
        (s.role.id, s.pay.level.id if s.pay else None, s.pay.band.min if s.pay else None)
        for s in route.steps
    ] == [
        ("cmo", "executive", 120000),
        ("marketing-director", "senior", 75000),
        ("digital-marketing-manager", "mid", 45000),
        ("digital-marketer", None, None),
    ]
    assert route.steps[0].pay.band.max == 180000


def test_unreachable_role_is_a_usage_error(data_copy: Path) -> None:
    # cmo's one link (to marketing-director) removed: nothing else leaves cmo.
    replace_in(
        data_copy / "roles.yaml",
        "    leads_to:\n"
        "      - role: marketing-director\n"
        "        basis: inferred\n"
        "        note: \"A move from the top post back to the director's plan-and-budget role; "
        "the two share three core skills: marketing strategy, financial acumen and tying "
        'metrics to business outcomes."\n',
        "    leads_to: []\n",
    )
    broken = load_catalog(data_copy)
    assert broken.role("cmo").leads_to == ()
    with pytest.raises(UsageError, match="no route from cmo to copywriter"):
        roadmap(broken, "cmo", "copywriter", "us")


# The command


def flat(text: str) -> str:
    """The text as one line, box sides dropped, so wrapped sentences read whole."""
    return " ".join(text.replace("│", " ").split())


def test_command_seo_to_director_in_pounds(run: Run) -> None:
    result = run("roadmap", "--from", "seo", "--to", "director", "--country", "uk")
    assert result.code == 0, result.err
    assert result.err == ""
    out = result.out
    assert out.startswith(
        "Roadmap: SEO Specialist → Marketing Director\n2 moves; pay in United Kingdom (GBP)\n"
    )
    for text in (
        "1. SEO Specialist",
        "2. Digital Marketing Manager",
        "3. Marketing Director",
        "Layer  ➜ Distributors",
        "Layer  ◆ Architects",
        "Asks   ↓ Go deep",
        "Asks   ⊤ Broaden again",
        # Every UK level the seed gives each role; the likely one marked, and the years
        # given as the experience for a level (seed 000's UK tables).
        "Pay    Entry-level:  £30,000 – £38,000",
        "       Mid-level:    £38,000 – £50,000  ◂ likely yours",
        "       Senior-level: £50,000 – £70,000+",
        "Pay    Mid-level:    £45,000 – £60,000  ◂ likely yours 3-5 yrs experience",
        "       Senior-level: £60,000 – £80,000+                5+ yrs experience",
        "Pay    Senior-level:    £75,000 – £100,000   ◂ likely yours 7-10+ yrs",
        "       Executive-level: £100,000 – £140,000+",
        "Build  you start here",
    ):
        assert text in out, text
    assert "◂ likely yours 7-10+ yrs experience" in flat(out)  # the years wrap, figures never
    # From seo's mid band to the director's senior band: +£37,000 to +£50,000.
    assert (
        "Pay change from SEO Specialist, Mid-level to Marketing Director's entry band: "
        "+£37,000 to +£50,000 a year, GBP"
    ) in flat(out)
    text = flat(out)
    for piece in (
        "Build Campaign management, Team leadership, Project management, Budget "
        "management, Cross-functional communication, Content strategy, Pay-per-click "
        "advertising (paid search and social), Social media marketing Move ",
        "Build Marketing strategy, Financial acumen, Sales and marketing alignment, "
        "Turning marketing metrics into business outcomes, Strategic planning, "
        "Stakeholder communication Move ",
        # Both moves are stated by the sources (roles.yaml: basis source, with the
        # sources and note of each link).
        "Move stated by the sources (ecosystem-guide, ironhack): The guide names this "
        "step: an SEO expert who wants the manager's job must first pick up enough "
        "content, social and paid-ad know-how to run a varied team. ╰",
        "Move stated by the sources (ecosystem-guide, cmoalliance): The guide names this "
        "step: a manager aiming for director must learn how finance and sales think and "
        "present marketing results as the business results the chief executive watches. ╰",
        # The advice of each phase, as roles.yaml's career.phases give it.
        "What to do in each phase ↓ Go deep: Choose one function and push it to an "
        "advanced level: take an advanced course, run a personal project whose results "
        "are yours to measure, read everything on the craft, and become the person "
        "colleagues ask first.",
        "⊤ Broaden again: Build the horizontal bar on purpose: volunteer for "
        "cross-functional projects, learn enough of each neighbouring skill to lead the "
        "people who do it, practise the soft skills of leading, and learn to speak the "
        "language of finance and sales: budgets, pipeline, revenue and business outcomes.",
        "Route: the fewest moves along the roles' 'leads to' links; among equally short "
        "routes, the one with the most moves the sources state, then the fewest new "
        "skills to learn, then data order.",
        "Pay: every level the sources give each role in the country; marked, the one you "
        "likely stand at",
        "Years are the experience the sources give for a level, not how long a step takes.",
    ):
        assert piece in text, piece
    # The first step is where you start: no move leads to it.
    assert text.count(" Move ") == 2
    assert "inferred" not in text
    # No generalist on this route, so no advice to start wide.
    assert "Start wide" not in text and "Look for work that touches every layer" not in text


def test_command_json_shape(run: Run) -> None:
    result = run("roadmap", "--from", "seo", "--to", "director", "-c", "uk", "-f", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert list(data) == [
        "from", "to", "country", "currency", "moves", "same_role", "steps", "pay_change",
        "deepen", "notes",
    ]  # fmt: skip
    assert data["pay_change"]["min"] == 75000 - 38000
    assert data["pay_change"]["max"] == 100000 - 50000
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
        "years", "salary", "advice", "basis", "link_note", "link_sources", "skills_you_have",
        "skills_to_raise", "salaries",
    ]  # fmt: skip
    assert [(b["level"], b["min"], b["max"]) for b in first["salaries"]] == [
        ("entry", 30000, 38000), ("mid", 38000, 50000), ("senior", 50000, 70000),
    ]  # fmt: skip
    # No move leads to the first step; both later moves are stated by the sources.
    assert (first["basis"], first["link_note"], first["link_sources"]) == (None, None, [])
    assert (manager["basis"], manager["link_sources"]) == (
        "source",
        ["ecosystem-guide", "ironhack"],
    )
    assert manager["link_note"] == (
        "The guide names this step: an SEO expert who wants the manager's job must first "
        "pick up enough content, social and paid-ad know-how to run a varied team."
    )
    assert (director["basis"], director["link_sources"]) == (
        "source",
        ["ecosystem-guide", "cmoalliance"],
    )
    assert (first["step"], first["role"], first["phase"], first["level"]) == (
        1,
        "seo-specialist",
        "go-deep",
        "mid",
    )
    assert first["skills_to_build"] == [] and first["years"] is None
    assert (first["salary"]["min"], first["salary"]["max"]) == (38000, 50000)
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
        # salaries.yaml: as_of "2025"; its one note is limited to architects' bands.
        "as_of": "2025",
        "notes": [
            "Architect roles are the best paid in marketing, and on top of the salary they "
            "can bring substantial bonuses and equity tied to how the business performs."
        ],
    }
    # The seo band is a distributor's: the architects' note does not apply.
    assert (first["salary"]["as_of"], first["salary"]["notes"]) == ("2025", [])
    assert (director["phase"], director["layer"], director["level"], director["years"]) == (
        "broaden-again",
        "architects",
        "senior",
        "7-10+ yrs",
    )
    assert director["advice"].startswith("Build the horizontal bar on purpose")


def test_command_json_null_salary_and_default_country(run: Run) -> None:
    # The one shortest route (see test_roles_without_pay_have_no_salary); in the us the
    # director enters at senior ($140,000-$190,000), the manager at mid
    # ($85,000-$115,000), and the marketer has no band.
    result = run("roadmap", "--from", "cmo", "--to", "marketer", "-f", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert (data["country"], data["currency"]) == ("us", "USD")
    assert [step["role"] for step in data["steps"]] == [
        "cmo",
        "marketing-director",
        "digital-marketing-manager",
        "digital-marketer",
    ]
    assert [step["level"] for step in data["steps"]] == ["executive", "senior", "mid", None]
    assert [
        (step["salary"]["min"], step["salary"]["max"]) if step["salary"] else None
        for step in data["steps"]
    ] == [(200000, 300000), (140000, 190000), (85000, 115000), None]
    assert [step["basis"] for step in data["steps"]] == [None, "inferred", "inferred", "inferred"]
    assert [step["link_sources"] for step in data["steps"]] == [[], [], [], []]


def test_command_roles_without_pay_say_so(run: Run) -> None:
    result = run("roadmap", "--from", "cmo", "--to", "marketer", "-c", "uk")
    assert result.code == 0, result.err
    # cmo, marketing-director, digital-marketing-manager, digital-marketer: only the
    # marketer has no band.
    assert "Pay    Executive-level: £120,000 – £180,000+ ◂ likely yours" in result.out
    assert result.out.count("Pay    no salary data in the sources") == 1
    assert "Asks   ↔ Start wide" in result.out
    text = flat(result.out)
    assert "↔ Start wide: Look for work that touches every layer: a small team" in text
    # All three moves are our inference, and say so.
    assert text.count("Move inferred (not stated by the sources): ") == 3


def test_command_same_role(run: Run) -> None:
    result = run("roadmap", "--from", "ppc", "--to", "ppc-specialist")
    assert result.code == 0, result.err
    text = flat(result.out)
    for piece in (
        "Roadmap: PPC Specialist already there; pay in United States (USD)",
        "Pay Entry-level: $58,000 – $75,000",
        "Senior-level: $100,000 – $135,000+ ◂ likely yours",
        "Build see 'Go deeper' below",
        "Go deeper Skills to deepen: Pay-per-click advertising (paid search and social), "
        "Keyword research, Audience targeting, Campaign management",
        "You are already there, so the next step is depth: choose one function",
        "Pay: the highest level the sources give for the role (where going deep leads).",
    ):
        assert piece in text, piece
    data = json.loads(run("roadmap", "--from", "ppc", "--to", "ppc", "-f", "json").out)
    assert data["same_role"] is True and data["moves"] == 0 and len(data["steps"]) == 1
    assert data["deepen"]["skill_ids"] == [
        "ppc",
        "keyword-research",
        "audience-targeting",
        "campaign-management",
    ]


def test_command_markdown(run: Run) -> None:
    result = run("roadmap", "--from", "seo", "--to", "director", "-c", "uk", "-f", "markdown")
    assert result.code == 0, result.err
    assert result.out.startswith(
        "# Roadmap: SEO Specialist → Marketing Director\n\n2 moves; pay in United Kingdom (GBP).\n"
        "\nPay change from SEO Specialist, Mid-level to Marketing Director's entry band: "
        "+£37,000 to +£50,000 a year, GBP"
    )
    assert "| # | Role | Layer | Asks | Pay | Years | Skills to build |" in result.out
    assert (
        "| 1 | SEO Specialist | Distributors | Go deep | £38,000 – £50,000 (Mid-level) "
        "| not given by the sources | you start here |"
    ) in result.out
    assert (
        "| 3 | Marketing Director | Architects | Broaden again | £75,000 – £100,000 "
        "(Senior-level) | 7-10+ yrs | Marketing strategy, Financial acumen,"
    ) in result.out
    assert "## What to do in each phase" in result.out
    assert "- **Go deep**: Choose one function" in result.out
    assert "- **Broaden again**: Build the horizontal bar" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--from", "seoo", "--to", "cmo"),
            "Usage error: Unknown role 'seoo'; did you mean 'seo-specialist'? "
            "See them all with `ecocareer roles`.",
        ),
        (
            ("--from", "seo", "--to", "chef"),
            "Usage error: Unknown role 'chef'. See them all with `ecocareer roles`.",
        ),
        (
            ("--from", "seo", "--to", "cmo", "-c", "france"),
            "Usage error: Unknown country 'france'. Known countries: us, ca, uk, au.",
        ),
        (
            ("--from", "seo", "--to", "cmo", "-f", "csv"),
            "--format: 'csv' is not a format here; choose table, json or markdown.",
        ),
        (
            ("--from", "seo"),
            "Usage error: Missing option --to ROLE, e.g. ecocareer roadmap --from seo "
            "--to director (or save it once: ecocareer profile set --target ROLE).",
        ),
        (
            ("--to", "cmo"),
            "Usage error: Missing option --from ROLE, e.g. ecocareer roadmap --from seo "
            "--to director (or save it once: ecocareer profile set --role ROLE).",
        ),
    ],
)
def test_command_usage_errors(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run("roadmap", *args)
    assert result.code == 2
    assert result.out == ""
    assert message in flat(result.err)


def test_command_fits_80_columns_without_escape_codes(run: Run) -> None:
    routes = [("seo", "director"), ("cmo", "copywriter"), ("ux", "ux"), ("marketer", "cmo")]
    for start, target in routes:
        for country in ("us", "uk", "au"):
            result = run("roadmap", "--from", start, "--to", target, "-c", country)
            case = f"{start} -> {target} in {country}"
            assert result.code == 0, (case, result.err)
            assert max(len(line) for line in result.out.splitlines()) <= 80, case
            assert not re.search(r"\x1b\[", result.out), case
