"""The ecosystem map and the role explorer: layers with their links, role groups, role cards.

Pure functions from the Catalog to frozen results; the renderers decide how they look.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ecocareer.catalog import Catalog
from ecocareer.models import Band, Country, FailureMode, Layer, Level, Role, Skill, Source

# The layer that designs and steers the others rather than standing in the flow.
OVERSEEING_LAYER = "architects"
# The level a salary hint prefers, then the ones it falls back to.
HINT_LEVELS = ("mid", "senior", "executive", "entry")
HINT_COUNTRY = "us"


@dataclass(frozen=True)
class Link:
    """What one layer hands to (feeds) or relies on from (needs) another layer."""

    layer: Layer
    text: str


@dataclass(frozen=True)
class LayerView:
    """A layer with its roles, the generalists reaching into it, its links and failure mode."""

    layer: Layer
    roles: tuple[Role, ...]
    generalists: tuple[Role, ...]
    feeds: tuple[Link, ...]
    needs: tuple[Link, ...]
    failure_mode: FailureMode | None
    overseeing: bool


@dataclass(frozen=True)
class EcosystemMap:
    """The four layers: the flow from creation to conversion, and the layer over all of it."""

    flow: tuple[LayerView, ...]
    over_all: tuple[LayerView, ...]

    @property
    def layers(self) -> tuple[LayerView, ...]:
        return self.flow + self.over_all


@dataclass(frozen=True)
class RoleLine:
    """One row of the role list: the role and its salary hint (None where the sources give none)."""

    role: Role
    hint: Band | None
    hint_level: Level | None


@dataclass(frozen=True)
class RoleGroup:
    """The roles whose home is one layer, plus the generalists that also cover it."""

    layer: Layer
    lines: tuple[RoleLine, ...]
    generalists: tuple[Role, ...]


@dataclass(frozen=True)
class RoleList:
    """Roles grouped by layer in flow order; `country` is the one the salary hints are in."""

    groups: tuple[RoleGroup, ...]
    country: Country
    layers: tuple[Layer, ...]

    def layer(self, layer_id: str) -> Layer:
        """Any layer of the data, also one filtered out of `groups` (for generalists' spans)."""
        return next(layer for layer in self.layers if layer.id == layer_id)


@dataclass(frozen=True)
class BandRow:
    """One level of a role's salary grid: a band per country (None where the source has none)."""

    level: Level
    bands: tuple[Band | None, ...]


@dataclass(frozen=True)
class RoleCard:
    """Everything a person wants to know about one role."""

    role: Role
    layer: Layer
    spans: tuple[Layer, ...]
    depends_on: tuple[Link, ...]
    core_skills: tuple[Skill, ...]
    supporting_skills: tuple[Skill, ...]
    leads_to: tuple[Role, ...]
    countries: tuple[Country, ...]
    salary: tuple[BandRow, ...]
    sources: tuple[Source, ...]

    @property
    def bands(self) -> tuple[Band, ...]:
        """The role's bands in the chosen countries, level by level."""
        return tuple(band for row in self.salary for band in row.bands if band is not None)


def _links(catalog: Catalog, pairs: Sequence[tuple[str, str]]) -> tuple[Link, ...]:
    return tuple(Link(catalog.layer(layer_id), text) for layer_id, text in pairs)


def generalists_in(catalog: Catalog, layer_id: str) -> tuple[Role, ...]:
    """Generalist roles from another home layer that also span `layer_id`."""
    return tuple(
        role for role in catalog.roles if layer_id in role.spans and role.layer != layer_id
    )


def layer_view(catalog: Catalog, layer: Layer) -> LayerView:
    """One layer with its roles, links and failure mode."""
    modes = {mode.id: mode for mode in catalog.failure_modes}
    return LayerView(
        layer=layer,
        roles=catalog.roles_in(layer.id),
        generalists=generalists_in(catalog, layer.id),
        feeds=_links(catalog, [(feed.layer, feed.what) for feed in layer.feeds]),
        needs=_links(catalog, [(need.layer, need.why) for need in layer.needs]),
        failure_mode=modes.get(layer.failure_mode),
        overseeing=layer.id == OVERSEEING_LAYER,
    )


def ecosystem_map(catalog: Catalog) -> EcosystemMap:
    """The layers in flow order, with the overseeing layer (Architects) set apart."""
    views = [layer_view(catalog, layer) for layer in catalog.layers]
    return EcosystemMap(
        flow=tuple(view for view in views if not view.overseeing),
        over_all=tuple(view for view in views if view.overseeing),
    )


def salary_hint(catalog: Catalog, role_id: str, country_id: str) -> Band | None:
    """The role's mid-level band in the country, else the nearest level the sources give."""
    for level_id in HINT_LEVELS:
        band = catalog.band(role_id, country_id, level_id)
        if band is not None:
            return band
    return None


def _role_line(catalog: Catalog, role: Role, country_id: str) -> RoleLine:
    hint = salary_hint(catalog, role.id, country_id)
    return RoleLine(role, hint, catalog.level(hint.level) if hint else None)


def role_list(
    catalog: Catalog, layer_id: str | None = None, country_id: str | None = None
) -> RoleList:
    """Roles grouped by home layer in flow order, optionally one layer only.

    Salary hints are in `country_id`, by default the US (or the first country the data has).
    """
    if country_id is None:
        known = [country.id for country in catalog.countries]
        country_id = HINT_COUNTRY if HINT_COUNTRY in known else known[0]
    layers = [layer for layer in catalog.layers if layer_id is None or layer.id == layer_id]
    groups = tuple(
        RoleGroup(
            layer=layer,
            lines=tuple(
                _role_line(catalog, role, country_id) for role in catalog.roles_in(layer.id)
            ),
            generalists=generalists_in(catalog, layer.id),
        )
        for layer in layers
    )
    return RoleList(groups=groups, country=catalog.country(country_id), layers=catalog.layers)


def role_card(catalog: Catalog, role_id: str, country_ids: Sequence[str] = ()) -> RoleCard:
    """The card for one role; salary in the given countries (all when none are given)."""
    role = catalog.role(role_id)
    layer = catalog.layer(role.layer)
    countries = (
        tuple(catalog.country(country_id) for country_id in country_ids)
        if country_ids
        else catalog.countries
    )
    rows = (
        BandRow(level, tuple(catalog.band(role.id, country.id, level.id) for country in countries))
        for level in catalog.levels
    )
    salary = tuple(row for row in rows if any(band is not None for band in row.bands))
    source_ids = list(role.sources)
    for row in salary:
        for band in row.bands:
            if band is not None:
                source_ids.extend(band.sources)
    return RoleCard(
        role=role,
        layer=layer,
        spans=tuple(catalog.layer(layer_id) for layer_id in role.spans),
        depends_on=_links(catalog, [(need.layer, need.why) for need in layer.needs]),
        core_skills=tuple(catalog.skill(skill_id) for skill_id in role.skills.core),
        supporting_skills=tuple(catalog.skill(skill_id) for skill_id in role.skills.supporting),
        leads_to=tuple(catalog.role(next_id) for next_id in role.leads_to),
        countries=countries,
        salary=salary,
        sources=tuple(catalog.source(source_id) for source_id in dict.fromkeys(source_ids)),
    )
