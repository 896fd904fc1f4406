"""Salary tables in every format: Rich tables with range bars, Markdown, flat JSON/CSV bands."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any, NamedTuple

from ecocareer.catalog.index import Pay, PlacedRole
from ecocareer.catalog.models import Country
from ecocareer.render.layout import Fitted, fit
from ecocareer.render.lazy_rich import Measurement, Padding, Table, Text
from ecocareer.render.markdown import table as markdown_table
from ecocareer.render.output import View
from ecocareer.render.records import BAND_COLUMNS, band_record
from ecocareer.render.style import (
    NO_FIGURE,
    NO_FIGURE_LEGEND,
    layer_colour,
    layer_symbol,
    money,
    next_hint,
    salary_range,
)
from ecocareer.salary import CountryTable, NoData, SalaryReport
from ecocareer.vocabulary import NO_SALARY

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

BAR_MIN_WIDTH = 12
BAR_MAX_WIDTH = 60


def notes(report: SalaryReport) -> list[str]:
    """What the sources lack for the roles asked for."""
    return [_no_data_note(item) for item in report.no_data]


def _no_data_note(item: NoData) -> str:
    """'Digital Marketer: no salary data in the sources.' (plus what a filtered role has)."""
    if not item.has_levels:
        return f"{item.role.name}: {NO_SALARY}."
    has = ", ".join(level.name for level in item.has_levels)
    return (
        f"{item.role.name}: {NO_SALARY} for the chosen level or country (the sources cover: {has})."
    )


def _title(table: CountryTable, roles: tuple[PlacedRole, ...]) -> str:
    where = f"{table.country.name} ({table.country.currency})"
    return f"{roles[0].name} — {where}" if len(roles) == 1 else where


def _with_years(label: str, pay: Pay | None) -> str:
    return f"{label} ({pay.band.years})" if pay and pay.band.years else label


def _role_label(role: PlacedRole, pay: Pay | None) -> Text:
    """The role with its layer's symbol, so the bar's layer colour is never the only sign."""
    symbol = Text(layer_symbol(role.layer), style=layer_colour(role.layer))
    return symbol + Text(f" {_with_years(role.name, pay)}")


def _table(table: CountryTable, roles: tuple[PlacedRole, ...], mine: int | None) -> Fitted:
    """Levels down the side; with several roles, one line per role under each level."""
    several = len(roles) > 1
    out = Table(title=_title(table, roles), title_justify="left", title_style="bold")
    out.add_column("Level / role" if several else "Level")
    out.add_column("Range", no_wrap=True)
    out.add_column(ScaleHeader(table.scale_max, table.country), no_wrap=True)
    for index, row in enumerate(table.rows):
        if several:
            if index:
                out.add_section()
            out.add_row(Text(row.level.name, style="bold"), "", "")
        for role, pay in zip(roles, row.pays, strict=True):
            label = (
                Text("  ") + _role_label(role, pay)
                if several
                else Text(_with_years(row.level.name, pay), style="bold")
            )
            if pay is None:
                out.add_row(label, Text(NO_FIGURE, style="dim"), "")
            else:
                bar = Bar(pay, table.scale_max, layer_colour(role.layer), mine)
                out.add_row(label, salary_range(pay), bar)
    return fit(out)


def _sources_text(report: SalaryReport) -> Text:
    text = Text.assemble(("Sources:", "bold"))
    for source in report.sources:
        number = f"[{source.number}] " if source.number else ""
        text.append(f"\n  {number}{source.title}")
    text.append("\n  (details: ecocareer sources)", style="dim")
    return text


class Bar(NamedTuple):
    """A band drawn on a 0..scale_max line: dots up to min, filled min→max, '+' if open-ended.

    The last cell is kept for the '+', so an open top at the scale's end still shows.
    """

    pay: Pay
    scale_max: int
    colour: str
    mine: int | None = None  # the person's pay, marked on the line with MINE_MARK

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(BAR_MIN_WIDTH, BAR_MAX_WIDTH)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text(min(options.max_width, BAR_MAX_WIDTH))

    def text(self, width: int) -> Text:
        """The bar in `width` cells, drawn in half cells so close ranges still differ."""
        halves = max(width - 1, 1) * 2
        scale = max(self.scale_max, 1)  # custom data may give a country only zero figures
        start = round(self.pay.band.min / scale * halves)
        end = max(round(self.pay.band.max / scale * halves), start + 1)
        bar = Text("·" * (start // 2), style="dim")
        filled = ""
        for cell in range(start // 2, (end + 1) // 2):
            left = start <= 2 * cell < end
            right = start <= 2 * cell + 1 < end
            filled += "█" if left and right else "▌" if left else "▐"
        bar.append(filled, style=self.colour)
        if self.pay.band.open_ended:
            bar.append("+", style="bold")
        if self.mine is None:
            return bar
        at = min(round(self.mine / scale * (width - 1)), width - 1)
        if len(bar) <= at:
            bar.append(" " * (at + 1 - len(bar)))
        return bar[:at] + Text(MINE_MARK, style="bold reverse") + bar[at + 1 :]


class ScaleHeader(NamedTuple):
    """The bar column's heading: '0' at the left, the scale's top at its end."""

    scale_max: int
    country: Country

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(BAR_MIN_WIDTH, BAR_MAX_WIDTH)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = min(options.max_width, BAR_MAX_WIDTH)
        top = money(self.scale_max, self.country)
        yield Text("0" + " " * max(width - 1 - len(top) - 1, 1) + top)


MINE_MARK = "┃"
WHERE = {"below": "below", "within": "within", "above": "above"}


def _placed_words(report: SalaryReport, pay: Pay) -> str:
    placed = report.placement(pay)
    assert placed is not None
    if placed.position != "within":
        return f"{placed.position} {pay.level.name}"
    if placed.percent is None:
        over = placed.pay > pay.band.max
        return f"within {pay.level.name}" + (
            " (above its listed top, which the sources give as open: +)" if over else ""
        )
    return f"within {pay.level.name}, {placed.percent}% of the way up"


def placements(report: SalaryReport) -> list[str]:
    """Where the person's pay sits, one line per role: every band, level by level."""
    if report.mine is None:
        return []
    lines = []
    for role in report.roles:
        own = [pay for pay in report.pays if pay.band.role == role.id]
        lines.append(f"{role.name}: " + "; ".join(_placed_words(report, pay) for pay in own))
    return lines


def your_pay(report: SalaryReport) -> list[str]:
    """The bar mark's legend, then the placements (each shown indented under it)."""
    if report.mine is None or not report.pays:
        return []
    country = report.pays[0].country
    head = f"{MINE_MARK} marks your pay, {money(report.mine, country)} a year:"
    return [head, *placements(report)]


def about_the_figures(report: SalaryReport) -> list[str]:
    """The year the figures stand for and the sources' notes on them, one line each."""
    if not report.pays:
        return []
    lines = [f"Yearly pay as the sources give it, {report.as_of} figures."] if report.as_of else []
    return lines + [f"Note: {note.text} ({', '.join(note.sources)})" for note in report.notes]


def view(report: SalaryReport) -> list[RenderableType]:
    """One table per country, the sources, then what the sources lack."""
    parts: list[RenderableType] = [
        _table(table, report.roles, report.mine) for table in report.tables
    ]
    for place, line in enumerate(your_pay(report)):  # placements indented, wrapped lines too
        parts.append(Padding(Text(line), (0, 0, 0, 2)) if place else Text(line))
    if any(pay is None for table in report.tables for row in table.rows for pay in row.pays):
        parts.append(Text(NO_FIGURE_LEGEND, style="dim"))
    parts += [Text(line) for line in about_the_figures(report)]
    if report.sources:
        parts.append(_sources_text(report))
    parts += [Text(note) for note in notes(report)]
    if report.roles:
        first = report.roles[0].id
        parts.append(
            next_hint(f"ecocareer roles {first} (the full card)", f"ecocareer next {first}")
        )
    return parts


def markdown(report: SalaryReport) -> str:
    """The salary tables as a Markdown document."""
    names = ", ".join(role.name for role in report.roles) or "no role with data"
    parts = [f"# Salaries: {names}\n"]
    for table in report.tables:
        rows = []
        for row in table.rows:
            for role, pay in zip(report.roles, row.pays, strict=True):
                shown = salary_range(pay) if pay else NO_SALARY
                rows.append([row.level.name, role.name, pay.band.years if pay else None, shown])
        parts.append(f"## {table.country.name} ({table.country.currency})\n")
        parts.append(markdown_table(["Level", "Role", "Years", "Range"], rows))
    parts += [f"{'  ' if place else ''}{line}\n" for place, line in enumerate(your_pay(report))]
    parts += [f"{line}\n" for line in about_the_figures(report)]
    if report.sources:
        parts.append("## Sources\n")
        for source in report.sources:
            number = f"[{source.number}] " if source.number else ""
            link = f" <{source.url}>" if source.url else ""
            parts.append(f"- {number}{source.title}{link}")
        parts.append("")
    parts += [f"{note}\n" for note in notes(report)]
    return "\n".join(parts)


def records(report: SalaryReport) -> list[dict[str, Any]]:
    """Flat bands; with a pay given, each also says where it sits (`mine`)."""
    found = []
    for pay in report.pays:
        record = band_record(pay)
        placed = report.placement(pay)
        if placed is not None:
            record["mine"] = asdict(placed)
        found.append(record)
    return found


def _rows(report: SalaryReport) -> tuple[tuple[str, ...], list[dict[str, Any]]]:
    columns = BAND_COLUMNS + (MINE_COLUMNS if report.mine is not None else ())
    rows = []
    for record in records(report):
        mine = record.pop("mine", None)
        if mine is not None:
            record |= {f"mine_{key}": value for key, value in mine.items()}
        rows.append(record)
    return columns, rows


MINE_COLUMNS = ("mine_pay", "mine_position", "mine_percent")

VIEW = View(table=view, json=records, markdown=markdown, csv=_rows, notes=notes)
