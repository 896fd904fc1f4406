"""T-shaped roadmaps: a route through the roles' "leads to" links, phase by phase.

The route is the shortest one by moves (each move follows one `leads_to`
link). Among equally short routes the one with the fewest new skills to learn
wins, then the one whose roles come first in the data, so the answer is
always the same. Each step takes the phase of the role it arrives at (a
generalist starts wide, a specialist goes deep, an Architect broadens again).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice, pairwise
from typing import Literal, NamedTuple

from ecocareer.catalog.index import Catalog, Pay, PlacedRole
from ecocareer.catalog.models import CareerLink, Country, Skill
from ecocareer.errors import UsageError
from ecocareer.vocabulary import WORKING_LEVEL, Phase, phase_of

# A dense web of links can hold millions of equally short routes; the choice is made
# among the first this many (in data order), which keeps every answer instant.
MAX_ROUTES = 2_000

ROUTE_RULE = (
    "Route: the fewest moves along the roles' 'leads to' links; among equally short "
    "routes, the one with the most moves the sources state, then the fewest new skills "
    "to learn, then data order."
)
PHASE_RULE = (
    "Asks: the phase of the T-shaped career each role stands for (a generalist starts "
    "wide, a specialist goes deep, an Architect broadens again); your own phase comes "
    "from your skills, not from the role you hold."
)
SALARY_RULE = (
    "Pay: every level the sources give each role in the country; marked, the one you "
    "likely stand at: your own level in the start role (else its middle level), the "
    "lowest level of each later role (where you would enter it). Years are the "
    "experience the sources give for a level, not how long a step takes."
)
SAME_ROLE_SALARY_RULE = (
    "Pay: the highest level the sources give for the role (where going deep leads)."
)


@dataclass(frozen=True)
class Step:
    """One role on the route, with what arriving there asks and pays."""

    number: int
    role: PlacedRole
    phase: Phase
    skills_to_build: tuple[Skill, ...]
    pay: Pay | None  # at the level the person would likely be at (enter) here
    link: CareerLink | None  # how the route arrives here (None for the first step)
    skills_you_have: tuple[Skill, ...] = ()  # new here, but the person has them already
    current: Mapping[str, int] = field(default_factory=dict)  # to build, yet started (1)
    salaries: tuple[Pay, ...] = ()  # every level the sources pay the role at, in order


class Roadmap(NamedTuple):
    """The route from one role to another in one country; `deepen` when they are the same."""

    start: PlacedRole
    target: PlacedRole
    country: Country
    steps: tuple[Step, ...]
    deepen: tuple[Skill, ...]
    notes: tuple[str, ...]
    advice: dict[Phase, str]
    today: Pay | int | None = None  # the person's pay now: their pay, else their band

    @property
    def pay_change(self) -> tuple[int, int] | None:
        """From today's pay (or band) to the target's entry band: (bottom, top) change."""
        target = self.steps[-1].pay if self.steps else None
        if target is None or self.today is None or self.same_role:
            return None
        low, high = (
            (self.today, self.today)
            if isinstance(self.today, int)
            else (self.today.band.min, self.today.band.max)
        )
        return target.band.min - low, target.band.max - high

    @property
    def same_role(self) -> bool:
        return self.start.id == self.target.id

    @property
    def moves(self) -> int:
        return len(self.steps) - 1

    @property
    def deepen_advice(self) -> str | None:
        """Advice for staying in the same role: the go-deep advice, as the next step."""
        deep = self.advice.get(Phase.GO_DEEP)
        if not deep:
            return None
        return f"You are already there, so the next step is depth: {deep[0].lower()}{deep[1:]}"

    @property
    def phases(self) -> tuple[Phase, ...]:
        """The phases the route passes through, each once, in route order."""
        return tuple(dict.fromkeys(step.phase for step in self.steps))


def shortest_routes(catalog: Catalog, start: str, target: str) -> Iterator[tuple[str, ...]]:
    """Every route from `start` to `target` with the fewest moves (none if unreachable)."""
    incoming: dict[str, list[str]] = {role.id: [] for role in catalog.roles}
    for role in catalog.roles:
        for next_id in role.next_roles:
            incoming[next_id].append(role.id)
    distance = {target: 0}
    queue = deque([target])
    while queue:
        current = queue.popleft()
        for previous in incoming[current]:
            if previous not in distance:
                distance[previous] = distance[current] + 1
                queue.append(previous)
    if start not in distance:
        return
    # Depth first with a stack of its own (a chain of thousands of roles must not
    # overflow Python's), taking each role's links in data order.
    stack: list[tuple[str, ...]] = [(start,)]
    while stack:
        route = stack.pop()
        here = route[-1]
        if here == target:
            yield route
            continue
        closer = [n for n in catalog.role(here).next_roles if distance.get(n) == distance[here] - 1]
        stack.extend((*route, next_id) for next_id in reversed(closer))


def new_skills(catalog: Catalog, route: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Per role on the route: its skills (core, then supporting) no earlier role had."""
    held: set[str] = set()
    added: list[tuple[str, ...]] = []
    for index, role_id in enumerate(route):
        skills = catalog.role(role_id).skills.all
        added.append(() if index == 0 else tuple(s for s in skills if s not in held))
        held.update(skills)
    return added


def best_route(catalog: Catalog, start: str, target: str) -> tuple[str, ...]:
    """The route the roadmap follows (see the module docstring for the rule)."""
    if start == target:
        return (start,)
    order = {role.id: index for index, role in enumerate(catalog.roles)}
    candidates = list(islice(shortest_routes(catalog, start, target), MAX_ROUTES))
    if not candidates:
        # The bundled data is strongly connected; a custom data directory may not be.
        raise UsageError(
            f"The data has no route from {start} to {target} along the roles' 'leads to' links."
        )
    return min(
        candidates,
        key=lambda route: (
            sum(_inferred(catalog, a, b) for a, b in pairwise(route)),
            sum(len(added) for added in new_skills(catalog, route)),
            [order[role_id] for role_id in route],
        ),
    )


def _inferred(catalog: Catalog, start: str, target: str) -> bool:
    link = catalog.link(start, target)
    return link is None or link.basis == "inferred"


def advice(catalog: Catalog) -> dict[Phase, str]:
    """What to do in each phase, as the data gives it (after the guide)."""
    return {Phase(phase.id): phase.advice for phase in catalog.career.phases}


def _pick_level(
    catalog: Catalog, role_id: str, which: Literal["middle", "lowest", "highest"]
) -> str | None:
    levels = [level.id for level in catalog.levels_with_pay(role_id)]
    if not levels:
        return None
    if which == "lowest":
        return levels[0]
    if which == "highest":
        return levels[-1]
    return levels[(len(levels) - 1) // 2]


def roadmap(
    catalog: Catalog,
    start: str,
    target: str,
    country: str,
    skills: Mapping[str, int] | None = None,
    level: str | None = None,
    pay: int | None = None,
) -> Roadmap:
    """The T-shaped roadmap from role `start` to role `target`, paid in `country`.

    With the person's skill levels, each step's skills to build leave out those they
    have at working level (2) or above, and list them apart as the skills they bring;
    with their level, the start step's pay is at that level; with their pay, the route
    says how far the target's entry band is from it.
    """
    levels = dict(skills or {})
    route = best_route(catalog, start, target)
    added = new_skills(catalog, route)
    same = start == target
    steps: list[Step] = []
    for index, role_id in enumerate(route):
        which: Literal["middle", "lowest", "highest"] = (
            "highest" if same else "middle" if index == 0 else "lowest"
        )
        paid = [lv.id for lv in catalog.levels_with_pay(role_id, country)]
        chosen = level if index == 0 and level in paid else _pick_level(catalog, role_id, which)
        new = [catalog.skill(s) for s in added[index]]
        steps.append(
            Step(
                number=index + 1,
                role=catalog.placed(role_id),
                phase=phase_of(catalog.role(role_id)),
                skills_to_build=tuple(s for s in new if levels.get(s.id, 0) < WORKING_LEVEL),
                pay=catalog.pay_at(role_id, country, chosen) if chosen else None,
                link=catalog.link(route[index - 1], role_id) if index else None,
                skills_you_have=tuple(s for s in new if levels.get(s.id, 0) >= WORKING_LEVEL),
                current={
                    s.id: levels[s.id] for s in new if 0 < levels.get(s.id, 0) < WORKING_LEVEL
                },
                salaries=tuple(
                    found for lv in paid if (found := catalog.pay_at(role_id, country, lv))
                ),
            )
        )
    start_role = catalog.role(start)
    deepen = tuple(catalog.skill(s) for s in start_role.skills.core) if same else ()
    notes = (ROUTE_RULE, PHASE_RULE, SAME_ROLE_SALARY_RULE if same else SALARY_RULE)
    return Roadmap(
        start=catalog.placed(start_role),
        target=catalog.placed(target),
        country=catalog.country(country),
        steps=tuple(steps),
        deepen=deepen,
        notes=notes,
        advice=advice(catalog),
        today=pay if pay is not None else steps[0].pay,
    )
