"""The role explorer: roles grouped by layer with a salary hint, and one role's full card.

Pure functions from the Catalog to frozen results; the renderers decide how they look.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ecocareer.catalog.index import Catalog, Pay, PlacedRole
from ecocareer.catalog.models import CareerLink, Country, Layer, Level, Skill, Source
from ecocareer.layers import Link, needs_of

# The level a salary hint prefers, then the ones it falls back to.
HINT_LEVELS = ("mid", "senior", "executive", "entry")


class RoleLine(NamedTuple):
    """One row of the role list: the role and its salary hint (None where the sources give none).

    `fallback` is set when the hint is not at the preferred level, so a view names the level.
    """

    role: PlacedRole
    hint: Pay | None

    @property
    def fallback(self) -> Level | None:
        return self.hint.level if self.hint and self.hint.level.id != HINT_LEVELS[0] else None


class RoleGroup(NamedTuple):
    """The roles whose home is one layer, plus the generalists that also cover it."""

    layer: Layer
    lines: tuple[RoleLine, ...]
    generalists: tuple[PlacedRole, ...]


class RoleList(NamedTuple):
    """Roles grouped by layer in flow order; `country` is the one the salary hints are in."""

    groups: tuple[RoleGroup, ...]
    country: Country

    @property
    def lines(self) -> tuple[RoleLine, ...]:
        return tuple(line for group in self.groups for line in group.lines)


class BandRow(NamedTuple):
    """One level of a role's salary grid: pay per country (None where the source has none)."""

    level: Level
    pays: tuple[Pay | None, ...]

    @property
    def years(self) -> str | None:
        """The years the source gives for the level, when every shown country agrees."""
        spans = {pay.band.years for pay in self.pays if pay is not None}
        return spans.pop() if len(spans) == 1 else None


class Move(NamedTuple):
    """A role one can move on to, and the link that says so (sourced or inferred)."""

    role: PlacedRole
    link: CareerLink


class RoleCard(NamedTuple):
    """Everything a person wants to know about one role."""

    role: PlacedRole
    depends_on: tuple[Link, ...]
    core_skills: tuple[Skill, ...]
    supporting_skills: tuple[Skill, ...]
    leads_to: tuple[Move, ...]
    countries: tuple[Country, ...]
    salary: tuple[BandRow, ...]
    sources: tuple[Source, ...]

    @property
    def pays(self) -> tuple[Pay, ...]:
        """The role's pay in the chosen countries, level by level."""
        return tuple(pay for row in self.salary for pay in row.pays if pay is not None)

    @property
    def gaps(self) -> bool:
        """Whether some shown level lacks a figure in some shown country."""
        return any(pay is None for row in self.salary for pay in row.pays)


def salary_hint(catalog: Catalog, role_id: str, country_id: str) -> Pay | None:
    """The role's mid-level pay in the country, else the nearest level the sources give."""
    for level_id in HINT_LEVELS:
        pay = catalog.pay_at(role_id, country_id, level_id)
        if pay is not None:
            return pay
    return None


def role_list(
    catalog: Catalog,
    layer_id: str | None = None,
    country_id: str | None = None,
    role_ids: Sequence[str] = (),
) -> RoleList:
    """Roles grouped by home layer in flow order; optionally one layer or only some roles.

    Salary hints are in `country_id`, by default the catalog's default country.
    """
    country = catalog.country(country_id) if country_id else catalog.default_country()
    layers = [layer for layer in catalog.layers if layer_id is None or layer.id == layer_id]
    groups = []
    for layer in layers:
        lines = tuple(
            RoleLine(catalog.placed(role), salary_hint(catalog, role.id, country.id))
            for role in catalog.roles_in(layer.id)
            if not role_ids or role.id in role_ids
        )
        if role_ids and not lines:
            continue
        generalists = tuple(
            catalog.placed(role)
            for role in catalog.roles
            if layer.id in role.spans and role.layer != layer.id
        )
        groups.append(RoleGroup(layer, lines, () if role_ids else generalists))
    return RoleList(groups=tuple(groups), country=country)


def role_card(catalog: Catalog, role_id: str, country_ids: Sequence[str] = ()) -> RoleCard:
    """The card for one role; salary in the given countries (all when none are given)."""
    role = catalog.role(role_id)
    countries = (
        tuple(catalog.country(country_id) for country_id in country_ids)
        if country_ids
        else catalog.countries
    )
    rows = (
        BandRow(level, tuple(catalog.pay_at(role.id, c.id, level.id) for c in countries))
        for level in catalog.levels
    )
    salary = tuple(row for row in rows if any(pay is not None for pay in row.pays))
    sources = dict.fromkeys(role.sources)
    for link in role.leads_to:
        sources.update(dict.fromkeys(link.sources))
    for note in role.notes:
        sources.update(dict.fromkeys(note.sources))
    for row in salary:
        for pay in row.pays:
            if pay is not None:
                sources.update(dict.fromkeys(pay.band.sources))
    return RoleCard(
        role=catalog.placed(role),
        depends_on=needs_of(catalog, catalog.layer(role.layer)),
        core_skills=tuple(catalog.skill(skill_id) for skill_id in role.skills.core),
        supporting_skills=tuple(catalog.skill(skill_id) for skill_id in role.skills.supporting),
        leads_to=tuple(Move(catalog.placed(link.role), link) for link in role.leads_to),
        countries=countries,
        salary=salary,
        sources=tuple(catalog.source(source_id) for source_id in sources),
    )
