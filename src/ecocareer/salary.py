"""Salary bands for roles × countries × levels, grouped for side-by-side comparison.

Figures are never converted or mixed: each country is its own table with its
own scale, because the sources give each country in its own currency.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from ecocareer.catalog.index import Catalog, Pay, PlacedRole
from ecocareer.catalog.models import Band, Country, Level, PayNote, Source


class LevelRow(NamedTuple):
    """One level of a country table: each shown role's pay there, or None."""

    level: Level
    pays: tuple[Pay | None, ...]


class CountryTable(NamedTuple):
    """The shown roles' pay in one country, in level order, on one scale."""

    country: Country
    rows: tuple[LevelRow, ...]
    scale_max: int


class NoData(NamedTuple):
    """A requested role with no band in the selection; `has_levels` is what it does have."""

    role: PlacedRole
    has_levels: tuple[Level, ...]


Position = Literal["below", "within", "above"]


@dataclass(frozen=True)
class Placement:
    """Where a person's pay sits in one band.

    `percent` is how far into the range it sits (0 at the bottom, 100 at the top), only
    when it is within a range with two different ends; above the listed top of an
    open-ended band ("+") the pay is still within the band, at no known percent.
    """

    pay: int
    position: Position
    percent: int | None


def place(mine: int, band: Band) -> Placement:
    """Place a yearly pay in a band (same currency: the caller keeps to one country)."""
    if mine < band.min:
        return Placement(mine, "below", None)
    if mine > band.max:
        return Placement(mine, "within" if band.open_ended else "above", None)
    span = band.max - band.min
    return Placement(mine, "within", int(100 * (mine - band.min) / span + 0.5) if span else None)


class SalaryReport(NamedTuple):
    """What `ecocareer salary` shows: tables per country plus the roles without data, and
    where the person's own pay sits in each band (`mine`, only for one country)."""

    roles: tuple[PlacedRole, ...]
    tables: tuple[CountryTable, ...]
    no_data: tuple[NoData, ...]
    pays: tuple[Pay, ...]
    sources: tuple[Source, ...]
    as_of: str | None
    notes: tuple[PayNote, ...]
    mine: int | None = None

    def placement(self, pay: Pay) -> Placement | None:
        """Where the person's pay sits in this band, when a pay was given."""
        return place(self.mine, pay.band) if self.mine is not None else None


def salary_report(
    catalog: Catalog,
    role_ids: Sequence[str],
    country_ids: Sequence[str] = (),
    level_ids: Sequence[str] = (),
    mine: int | None = None,
) -> SalaryReport:
    """Select bands for the roles, countries (all if none) and levels (all if none).

    Roles keep the order given, countries too (data order when none is given);
    levels always run in data order, entry to executive, so the climb reads down.
    """
    countries = [catalog.country(c) for c in country_ids] or list(catalog.countries)
    wanted_levels = set(level_ids) or {level.id for level in catalog.levels}
    levels = [level for level in catalog.levels if level.id in wanted_levels]

    shown: list[PlacedRole] = []
    no_data: list[NoData] = []
    for role_id in dict.fromkeys(role_ids):
        if any(catalog.bands_for(role_id, c.id, lv.id) for c in countries for lv in levels):
            shown.append(catalog.placed(role_id))
        else:
            no_data.append(NoData(catalog.placed(role_id), catalog.levels_with_pay(role_id)))

    tables: list[CountryTable] = []
    for country in countries:
        rows = []
        for level in levels:
            cells = tuple(catalog.pay_at(role.id, country.id, level.id) for role in shown)
            if any(cells):
                rows.append(LevelRow(level, cells))
        if rows:
            top = max([pay.band.max for row in rows for pay in row.pays if pay] + [mine or 0])
            tables.append(CountryTable(country, tuple(rows), top))

    pays = tuple(
        pay
        for role in shown
        for country in countries
        for level in levels
        if (pay := catalog.pay_at(role.id, country.id, level.id))
    )
    notes = tuple(dict.fromkeys(note for pay in pays for note in pay.notes))
    cited = [source for pay in pays for source in pay.sources]
    cited += [catalog.source(source_id) for note in notes for source_id in note.sources]
    sources = tuple(dict.fromkeys(cited))
    return SalaryReport(
        tuple(shown), tuple(tables), tuple(no_data), pays, sources, catalog.as_of, notes, mine
    )
