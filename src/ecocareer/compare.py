"""Two roles side by side: how alike their skills are, what differs, and what each pays.

Skill overlap is the Jaccard index of the two roles' skills (core and
supporting together): the shared skills divided by all the skills either
role names, as a percentage.
"""

from __future__ import annotations

from dataclasses import dataclass

from ecocareer.catalog import Catalog
from ecocareer.errors import UsageError
from ecocareer.models import Band, Role, Skill

OVERLAP_RULE = (
    "Overlap: the skills both roles name, as a share of all the skills either names "
    "(core and supporting together)."
)
SALARY_RULE = (
    "Pay difference: the second role's band minus the first's, same country and level, "
    "for the bottom and the top of the range."
)


@dataclass(frozen=True)
class SalaryGap:
    """Both roles' bands for one country and level, and how far apart they are."""

    country: str
    level: str
    first: Band
    second: Band

    @property
    def min_difference(self) -> int:
        return self.second.min - self.first.min

    @property
    def max_difference(self) -> int:
        return self.second.max - self.first.max


@dataclass(frozen=True)
class Comparison:
    """What two roles share, what each would have to add, and their pay side by side."""

    first: Role
    second: Role
    shared: tuple[Skill, ...]
    first_only: tuple[Skill, ...]
    second_only: tuple[Skill, ...]
    salary: tuple[SalaryGap, ...]
    contrast: tuple[str, str]

    @property
    def union(self) -> int:
        return len(self.shared) + len(self.first_only) + len(self.second_only)

    @property
    def overlap_percent(self) -> float:
        """Shared skills / all skills either role names × 100, to one decimal."""
        return round(100 * len(self.shared) / self.union, 1) if self.union else 0.0


def kind_of(role: Role, catalog: Catalog) -> str:
    """One line on what kind of role this is: generalist, Architect or specialist."""
    if role.is_generalist:
        covered = ", ".join(catalog.layer(layer).name for layer in (role.layer, *role.spans))
        return f"a generalist: plans and also carries out the work by hand across {covered}"
    if role.layer == "architects":
        return "an Architect: sets strategy and direction; others carry out the work"
    return f"a specialist: goes deep in one function of the {catalog.layer(role.layer).name} layer"


def compare(catalog: Catalog, first: str, second: str, country: str | None = None) -> Comparison:
    """Compare role `first` with role `second` (optionally pay in one country only)."""
    if first == second:
        raise UsageError(
            f"Compare needs two different roles; both were '{first}'. "
            f"See one role with `ecocareer roles {first}`."
        )
    one, two = catalog.role(first), catalog.role(second)
    one_skills, two_skills = one.skills.all, two.skills.all
    gaps = []
    for country_ in catalog.countries:
        if country is not None and country_.id != country:
            continue
        for level in catalog.levels:
            band_one = catalog.band(first, country_.id, level.id)
            band_two = catalog.band(second, country_.id, level.id)
            if band_one and band_two:
                gaps.append(SalaryGap(country_.id, level.id, band_one, band_two))
    return Comparison(
        first=one,
        second=two,
        shared=tuple(catalog.skill(s) for s in one_skills if s in two_skills),
        first_only=tuple(catalog.skill(s) for s in one_skills if s not in two_skills),
        second_only=tuple(catalog.skill(s) for s in two_skills if s not in one_skills),
        salary=tuple(gaps),
        contrast=(kind_of(one, catalog), kind_of(two, catalog)),
    )
