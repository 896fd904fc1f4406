"""The loaded, cross-checked data with the indexes every command looks things up in."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ecocareer.models import (
    Band,
    Country,
    FailureMode,
    Layer,
    Level,
    Role,
    RolesFile,
    SalariesFile,
    Skill,
    Source,
    SourcesFile,
)


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

    def failure_mode(self, mode_id: str) -> FailureMode:
        return self._failure_modes[mode_id]

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

    def band(self, role_id: str, country_id: str, level_id: str) -> Band | None:
        """The one band for a role, country and level, or None when the sources give none."""
        found = self.bands_for(role_id, country_id, level_id)
        return found[0] if found else None
