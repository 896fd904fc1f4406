"""The loaded, cross-checked data, indexed by id, and the resolved records results are made of.

A result handed to a renderer holds these resolved records (a role with its
layers, a band with its country and level), so no view has to look an id up.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

from ecocareer.catalog.models import (
    Band,
    CareerLink,
    Comparison,
    Country,
    FailureMode,
    Layer,
    Level,
    PayNote,
    Role,
    RolesFile,
    SalariesFile,
    Skill,
    Source,
    SourcesFile,
)

# Pay is shown in this country when none is asked for (if the data has it; else its first).
DEFAULT_COUNTRY = "us"


class PlacedRole(NamedTuple):
    """A role with its home layer and the other layers a generalist spans."""

    role: Role
    layer: Layer
    spans: tuple[Layer, ...]

    @property
    def id(self) -> str:
        return self.role.id

    @property
    def name(self) -> str:
        return self.role.name


class Pay(NamedTuple):
    """A salary band with its country, level and sources resolved, and what the sources
    say of it: the year the figures stand for and any note that applies to the role."""

    band: Band
    country: Country
    level: Level
    sources: tuple[Source, ...]
    as_of: str | None = None
    notes: tuple[PayNote, ...] = ()


class Catalog:
    """Everything one data directory holds, indexed by id; built by `loading.load_catalog`."""

    def __init__(
        self, directory: Path, roles: RolesFile, salaries: SalariesFile, sources: SourcesFile
    ) -> None:
        self.directory = directory
        self.layers = roles.layers
        self.failure_modes = roles.failure_modes
        self.skills = roles.skills
        self.roles = roles.roles
        self.countries = salaries.countries
        self.levels = salaries.levels
        self.bands = salaries.bands
        self.sources = sources.sources
        self.career = roles.career
        self.comparisons = roles.comparisons
        self.as_of = salaries.as_of
        self.pay_notes = salaries.notes
        self._layers = {layer.id: layer for layer in self.layers}
        self._failure_modes = {mode.id: mode for mode in self.failure_modes}
        self._skills = {skill.id: skill for skill in self.skills}
        self._roles = {role.id: role for role in self.roles}
        self._countries = {country.id: country for country in self.countries}
        self._levels = {level.id: level for level in self.levels}
        self._sources = {source.id: source for source in self.sources}
        bands_by_role: dict[str, list[Band]] = defaultdict(list)
        for band in self.bands:
            bands_by_role[band.role].append(band)
        self._bands_by_role = {role: tuple(bands) for role, bands in bands_by_role.items()}

    def layer(self, layer_id: str) -> Layer:
        return self._layers[layer_id]

    def failure_mode(self, mode_id: str) -> FailureMode | None:
        return self._failure_modes.get(mode_id)

    def skill(self, skill_id: str) -> Skill:
        return self._skills[skill_id]

    def role(self, role_id: str) -> Role:
        return self._roles[role_id]

    def country(self, country_id: str) -> Country:
        return self._countries[country_id]

    def level(self, level_id: str) -> Level:
        return self._levels[level_id]

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def default_country(self) -> Country:
        """The country pay is shown in when none is chosen: the US, else the data's first."""
        return self._countries.get(DEFAULT_COUNTRY) or self.countries[0]

    def placed(self, role: Role | str) -> PlacedRole:
        """A role (or role id) with its layers resolved."""
        found = self.role(role) if isinstance(role, str) else role
        return PlacedRole(
            found, self.layer(found.layer), tuple(self.layer(span) for span in found.spans)
        )

    def roles_in(self, layer_id: str) -> tuple[Role, ...]:
        """The roles whose home layer is `layer_id`, in data order."""
        return tuple(role for role in self.roles if role.layer == layer_id)

    def bands_for(
        self, role_id: str, country_id: str | None = None, level_id: str | None = None
    ) -> tuple[Band, ...]:
        """The role's bands, optionally for one country and/or level, in data order."""
        return tuple(
            band
            for band in self._bands_by_role.get(role_id, ())
            if (country_id is None or band.country == country_id)
            and (level_id is None or band.level == level_id)
        )

    def has_pay(self, role_id: str) -> bool:
        """Whether the sources give any salary figure for the role."""
        return role_id in self._bands_by_role

    def levels_with_pay(self, role_id: str, country_id: str | None = None) -> tuple[Level, ...]:
        """The levels the sources give the role a band at (in one country), in level order."""
        present = {band.level for band in self.bands_for(role_id, country_id)}
        return tuple(level for level in self.levels if level.id in present)

    def pay(self, band: Band) -> Pay:
        """A band with its country, level and sources resolved, and the notes for its role."""
        layer = self.role(band.role).layer
        return Pay(
            band,
            self.country(band.country),
            self.level(band.level),
            tuple(self.source(source_id) for source_id in band.sources),
            self.as_of,
            tuple(note for note in self.pay_notes if not note.layers or layer in note.layers),
        )

    def link(self, start: str, target: str) -> CareerLink | None:
        """The career link from one role to another, or None when there is none."""
        return next((link for link in self.role(start).leads_to if link.role == target), None)

    def comparison(self, first: str, second: str) -> Comparison | None:
        """What a source says comparing these two roles (in either order), if it does."""
        pair = {first, second}
        return next((c for c in self.comparisons if set(c.roles) == pair), None)

    def pay_at(self, role_id: str, country_id: str, level_id: str) -> Pay | None:
        """The role's pay at one country and level, or None when the sources give none."""
        found = self.bands_for(role_id, country_id, level_id)
        return self.pay(found[0]) if found else None
