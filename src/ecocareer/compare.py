"""Two roles side by side: how alike their skills are, what differs, and what each pays.

Skill overlap is the Jaccard index of the two roles' skills (core and
supporting together): the shared skills divided by all the skills either
role names, as a percentage.
"""

from __future__ import annotations

from typing import NamedTuple

from ecocareer.catalog.index import Catalog, Pay, PlacedRole
from ecocareer.catalog.models import Cited, Country, Level, Skill
from ecocareer.vocabulary import Phase, phase_of

OVERLAP_RULE = (
    "Overlap: the skills both roles name, as a share of all the skills either names "
    "(core and supporting together)."
)
SALARY_RULE = (
    "Pay difference: the second role's band minus the first's, same country and level, "
    "for the bottom and the top of the range."
)


class SalaryGap(NamedTuple):
    """Both roles' pay for one country and level, and how far apart they are."""

    country: Country
    level: Level
    first: Pay
    second: Pay

    @property
    def min_difference(self) -> int:
        return self.second.band.min - self.first.band.min

    @property
    def max_difference(self) -> int:
        return self.second.band.max - self.first.band.max


class Side(NamedTuple):
    """One of the two roles, with what kind of role it is and whether the sources pay it."""

    role: PlacedRole
    kind: str
    has_pay: bool


class Comparison(NamedTuple):
    """What two roles share, what each would have to add, and their pay side by side."""

    first: Side
    second: Side
    shared: tuple[Skill, ...]
    first_only: tuple[Skill, ...]
    second_only: tuple[Skill, ...]
    salary: tuple[SalaryGap, ...]
    source_notes: tuple[Cited, ...]  # what a source says comparing exactly these two

    @property
    def union(self) -> int:
        return len(self.shared) + len(self.first_only) + len(self.second_only)

    @property
    def overlap_percent(self) -> float:
        """Shared skills / all skills either role names × 100, to one decimal."""
        return round(100 * len(self.shared) / self.union, 1) if self.union else 0.0


def kind_of(role: PlacedRole) -> str:
    """One line on what kind of role this is: generalist, Architect or specialist."""
    phase = phase_of(role.role)
    if phase is Phase.START_WIDE:
        covered = ", ".join(layer.name for layer in (role.layer, *role.spans))
        return f"a generalist: plans and also carries out the work by hand across {covered}"
    if phase is Phase.BROADEN_AGAIN:
        return "an Architect: sets strategy and direction; others carry out the work"
    return f"a specialist: goes deep in one function of the {role.layer.name} layer"


def compare(catalog: Catalog, first: str, second: str, country: str | None = None) -> Comparison:
    """Compare role `first` with role `second` (optionally pay in one country only).

    The two must differ (ValueError otherwise): a role compared with itself says nothing.
    """
    if first == second:
        raise ValueError(f"compare needs two different roles, not {first} twice")
    one, two = catalog.placed(first), catalog.placed(second)
    one_skills, two_skills = one.role.skills.all, two.role.skills.all
    gaps = []
    for country_ in catalog.countries:
        if country is not None and country_.id != country:
            continue
        for level in catalog.levels:
            pay_one = catalog.pay_at(first, country_.id, level.id)
            pay_two = catalog.pay_at(second, country_.id, level.id)
            if pay_one and pay_two:
                gaps.append(SalaryGap(country_, level, pay_one, pay_two))
    return Comparison(
        first=Side(one, kind_of(one), catalog.has_pay(first)),
        second=Side(two, kind_of(two), catalog.has_pay(second)),
        shared=tuple(catalog.skill(s) for s in one_skills if s in two_skills),
        first_only=tuple(catalog.skill(s) for s in one_skills if s not in two_skills),
        second_only=tuple(catalog.skill(s) for s in two_skills if s not in one_skills),
        salary=tuple(gaps),
        source_notes=found.findings if (found := catalog.comparison(first, second)) else (),
    )
