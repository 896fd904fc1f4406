"""Salary bands for roles × countries × levels, grouped for side-by-side comparison.

Figures are never converted or mixed: each country is its own table with its
own scale, because the sources give each country in its own currency.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ecocareer.catalog import Catalog
from ecocareer.models import Band, Country, Level, Role


@dataclass(frozen=True)
class LevelRow:
    """One level of a country table: each shown role's band there, or None."""

    level: Level
    bands: tuple[Band | None, ...]


@dataclass(frozen=True)
class CountryTable:
    """The shown roles' bands in one country, in level order, on one scale."""

    country: Country
    rows: tuple[LevelRow, ...]
    scale_max: int


@dataclass(frozen=True)
class NoData:
    """A requested role with no band in the selection; `has_levels` is what it does have."""

    role: Role
    has_levels: tuple[Level, ...]


@dataclass(frozen=True)
class SalaryReport:
    """What `ecocareer salary` shows: tables per country plus the roles without data."""

    roles: tuple[Role, ...]
    tables: tuple[CountryTable, ...]
    no_data: tuple[NoData, ...]
    bands: tuple[Band, ...]
    sources: tuple[str, ...]


def salary_report(
    catalog: Catalog,
    role_ids: Sequence[str],
    country_ids: Sequence[str] = (),
    level_ids: Sequence[str] = (),
) -> SalaryReport:
    """Select bands for the roles, countries (all if none) and levels (all if none).

    Roles keep the order given, countries too (data order when none is given);
    levels always run in data order, entry to executive, so the climb reads down.
    """
    countries = [catalog.country(c) for c in country_ids] or list(catalog.countries)
    wanted_levels = set(level_ids) or {level.id for level in catalog.levels}
    levels = [level for level in catalog.levels if level.id in wanted_levels]

    shown: list[Role] = []
    no_data: list[NoData] = []
    for role_id in dict.fromkeys(role_ids):
        role = catalog.role(role_id)
        if any(
            catalog.band(role.id, country.id, level.id) for country in countries for level in levels
        ):
            shown.append(role)
        else:
            has = {band.level for band in catalog.bands_for(role.id)}
            no_data.append(NoData(role, tuple(lv for lv in catalog.levels if lv.id in has)))

    tables: list[CountryTable] = []
    for country in countries:
        rows = []
        for level in levels:
            cells = tuple(catalog.band(role.id, country.id, level.id) for role in shown)
            if any(cells):
                rows.append(LevelRow(level, cells))
        if rows:
            top = max(band.max for row in rows for band in row.bands if band)
            tables.append(CountryTable(country, tuple(rows), top))

    bands = tuple(
        band
        for role in shown
        for country in countries
        for level in levels
        if (band := catalog.band(role.id, country.id, level.id))
    )
    sources = tuple(dict.fromkeys(source for band in bands for source in band.sources))
    return SalaryReport(tuple(shown), tuple(tables), tuple(no_data), bands, sources)
