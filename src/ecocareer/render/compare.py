"""Two roles side by side, as Rich tables, JSON or Markdown."""

from __future__ import annotations

from itertools import zip_longest
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ecocareer.catalog import Catalog
from ecocareer.compare import OVERLAP_RULE, SALARY_RULE, Comparison
from ecocareer.models import Role, Skill
from ecocareer.output import Export, Format, emit_json, emit_text, show
from ecocareer.records import band_record
from ecocareer.render.markdown import table as markdown_table
from ecocareer.render.style import NO_SALARY, layer_label, money, salary_range


def compare(
    result: Comparison, catalog: Catalog, fmt: Format, export: Export | None = None
) -> None:
    """Print a comparison as Rich tables, JSON or Markdown."""
    if fmt is Format.json:
        emit_json(record(result, catalog))
    elif fmt is Format.markdown:
        emit_text(markdown(result, catalog))
    else:
        show(view(result, catalog), export=export)


def _names(skills: tuple[Skill, ...]) -> list[str]:
    return [skill.name for skill in skills]


def _ids(skills: tuple[Skill, ...]) -> list[str]:
    return [skill.id for skill in skills]


def _role_side(role: Role, kind: str, catalog: Catalog) -> dict[str, Any]:
    return {
        "id": role.id,
        "name": role.name,
        "layer": role.layer,
        "spans": list(role.spans),
        "kind": kind,
        "summary": role.summary,
        "responsibilities": list(role.responsibilities),
        "has_salary_data": bool(catalog.bands_for(role.id)),
    }


def record(result: Comparison, catalog: Catalog) -> dict[str, Any]:
    """JSON: both roles, the overlap and its parts, and pay gaps per country and level."""
    return {
        "first": _role_side(result.first, result.contrast[0], catalog),
        "second": _role_side(result.second, result.contrast[1], catalog),
        "overlap_percent": result.overlap_percent,
        "shared_count": len(result.shared),
        "union_count": result.union,
        "shared_skills": _names(result.shared),
        "shared_skill_ids": _ids(result.shared),
        "first_must_add": _names(result.second_only),
        "first_must_add_ids": _ids(result.second_only),
        "second_must_add": _names(result.first_only),
        "second_must_add_ids": _ids(result.first_only),
        "salary": [
            {
                "country": gap.country,
                "currency": catalog.country(gap.country).currency,
                "level": gap.level,
                "first": band_record(gap.first, catalog),
                "second": band_record(gap.second, catalog),
                "min_difference": gap.min_difference,
                "max_difference": gap.max_difference,
            }
            for gap in result.salary
        ],
        "notes": [OVERLAP_RULE, SALARY_RULE],
    }


def _signed(amount: int, country_id: str, catalog: Catalog) -> str:
    sign = "+" if amount > 0 else "−" if amount < 0 else "±"
    return sign + money(abs(amount), catalog.country(country_id))


def _salary_rows(result: Comparison, catalog: Catalog, sep: str) -> list[list[str]]:
    """Country and level, both ranges, and the min / max differences joined by `sep`."""
    rows = []
    for gap in result.salary:
        country = catalog.country(gap.country)
        rows.append(
            [
                f"{country.id.upper()} {gap.level}",
                salary_range(gap.first, country),
                salary_range(gap.second, country),
                f"min {_signed(gap.min_difference, gap.country, catalog)}{sep}"
                f"max {_signed(gap.max_difference, gap.country, catalog)}",
            ]
        )
    return rows


def _no_salary_note(result: Comparison, catalog: Catalog) -> str | None:
    """Why the pay table is empty or short: which role the sources give no pay for."""
    missing = [
        role.name for role in (result.first, result.second) if not catalog.bands_for(role.id)
    ]
    if missing:
        return f"{' and '.join(missing)}: {NO_SALARY}."
    if not result.salary:
        return "The sources give the two roles pay at no common country and level."
    return None


def _skill_list(skills: tuple[Skill, ...]) -> str:
    return ", ".join(_names(skills)) if skills else "nothing: it already has them all"


def _bullets(items: tuple[str, ...]) -> Table:
    """A bulleted list whose wrapped lines stay indented under their text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for item in items:
        grid.add_row("•", Text(item))
    return grid


def view(result: Comparison, catalog: Catalog) -> RenderableType:
    """Side-by-side table of the two roles, the skills story, then pay gaps."""
    one, two = result.first, result.second
    title = Text.assemble(
        ("Compare: ", "bold"), (one.name, "bold"), " vs ", (two.name, "bold"), "\n"
    )
    side = Table(expand=True, show_lines=True)
    side.add_column("", style="dim", no_wrap=True)
    side.add_column(one.name, ratio=1, overflow="fold")
    side.add_column(two.name, ratio=1, overflow="fold")
    side.add_row(
        "Layer", layer_label(catalog.layer(one.layer)), layer_label(catalog.layer(two.layer))
    )
    side.add_row("Summary", Text(one.summary), Text(two.summary))
    side.add_row("Duties", _bullets(one.responsibilities), _bullets(two.responsibilities))
    parts: list[RenderableType] = [
        title,
        Text("In short", style="bold"),
        Text(f"• {one.name} is {result.contrast[0]}."),
        Text(f"• {two.name} is {result.contrast[1]}."),
        side,
        Text.assemble(
            ("Skill overlap: ", "bold"),
            f"{result.overlap_percent:g}% ({len(result.shared)} shared of {result.union} in all)",
        ),
        Text.assemble(("Shared: ", "bold"), ", ".join(_names(result.shared)) or "none"),
        Text.assemble(
            (f"From {one.name} to {two.name}, add: ", "bold"), _skill_list(result.second_only)
        ),
        Text.assemble(
            (f"From {two.name} to {one.name}, add: ", "bold"), _skill_list(result.first_only)
        ),
        Text(""),
    ]
    rows = _salary_rows(result, catalog, "\n")
    if rows:
        pay = Table(title="Pay where the sources give both", title_justify="left")
        # Figures never break; long role names in the header may.
        for index, header in enumerate(("Where", one.name, two.name, "Difference")):
            widest = max(len(line) for row in rows for line in row[index].split("\n"))
            pay.add_column(header, min_width=widest)
        for row in rows:
            pay.add_row(*(Text(cell) for cell in row))
        parts.append(pay)
    note = _no_salary_note(result, catalog)
    if note:
        parts.append(Text(note))
    parts += [Text(""), Text(OVERLAP_RULE, style="dim"), Text(SALARY_RULE, style="dim")]
    return Group(*parts)


def markdown(result: Comparison, catalog: Catalog) -> str:
    """The comparison as a Markdown document."""
    one, two = result.first, result.second
    duties = list(zip_longest(one.responsibilities, two.responsibilities, fillvalue=""))
    lines = [
        f"# Compare: {one.name} vs {two.name}",
        "",
        "In short:",
        "",
        f"- {one.name} is {result.contrast[0]}.",
        f"- {two.name} is {result.contrast[1]}.",
        "",
        markdown_table(
            ["", one.name, two.name],
            [
                ["Layer", catalog.layer(one.layer).name, catalog.layer(two.layer).name],
                ["Summary", one.summary, two.summary],
            ],
        ).rstrip("\n"),
        "",
        "## Responsibilities",
        "",
        markdown_table([one.name, two.name], duties).rstrip("\n"),
        "",
        "## Skills",
        "",
        f"- **Skill overlap**: {result.overlap_percent:g}% "
        f"({len(result.shared)} shared of {result.union} in all)",
        f"- **Shared**: {', '.join(_names(result.shared)) or 'none'}",
        f"- **From {one.name} to {two.name}, add**: {_skill_list(result.second_only)}",
        f"- **From {two.name} to {one.name}, add**: {_skill_list(result.first_only)}",
        "",
        "## Pay",
        "",
    ]
    rows = _salary_rows(result, catalog, ", ")
    if rows:
        lines += [
            markdown_table(["Where", one.name, two.name, "Difference"], rows).rstrip("\n"),
            "",
        ]
    note = _no_salary_note(result, catalog)
    if note:
        lines += [note, ""]
    lines += [f"- {OVERLAP_RULE}", f"- {SALARY_RULE}"]
    return "\n".join(lines) + "\n"
