"""Two roles side by side, as Rich tables, JSON or Markdown."""

from __future__ import annotations

from itertools import zip_longest
from typing import TYPE_CHECKING, Any

from ecocareer.catalog.models import Country, Skill
from ecocareer.compare import OVERLAP_RULE, SALARY_RULE, Comparison, Side
from ecocareer.render.layout import fit
from ecocareer.render.lazy_rich import Table, Text
from ecocareer.render.markdown import table as markdown_table
from ecocareer.render.output import View
from ecocareer.render.records import band_record, data_record, ids, names
from ecocareer.render.style import bullets, layer_label, money, next_hint, salary_range
from ecocareer.vocabulary import NO_SALARY

if TYPE_CHECKING:
    from rich.console import RenderableType


def _side_record(side: Side) -> dict[str, Any]:
    role = side.role.role
    return {
        "id": role.id,
        "name": role.name,
        "layer": role.layer,
        "spans": list(role.spans),
        "kind": side.kind,
        "summary": role.summary,
        "responsibilities": list(role.responsibilities),
        "has_salary_data": side.has_pay,
    }


def record(result: Comparison) -> dict[str, Any]:
    """JSON: both roles, the overlap and its parts, and pay gaps per country and level."""
    return {
        "first": _side_record(result.first),
        "second": _side_record(result.second),
        "overlap_percent": result.overlap_percent,
        "shared_count": len(result.shared),
        "union_count": result.union,
        "shared_skills": names(result.shared),
        "shared_skill_ids": ids(result.shared),
        "first_must_add": names(result.second_only),
        "first_must_add_ids": ids(result.second_only),
        "second_must_add": names(result.first_only),
        "second_must_add_ids": ids(result.first_only),
        "salary": [
            {
                "country": gap.country.id,
                "currency": gap.country.currency,
                "level": gap.level.id,
                "first": band_record(gap.first),
                "second": band_record(gap.second),
                "min_difference": gap.min_difference,
                "max_difference": gap.max_difference,
            }
            for gap in result.salary
        ],
        "source_notes": [data_record(note) for note in result.source_notes],
        "notes": [OVERLAP_RULE, SALARY_RULE],
    }


def _signed(amount: int, country: Country) -> str:
    sign = "+" if amount > 0 else "−" if amount < 0 else "±"
    return sign + money(abs(amount), country)


def _salary_rows(result: Comparison, sep: str) -> list[list[str]]:
    """Country and level, both ranges, and the min / max differences joined by `sep`."""
    return [
        [
            f"{gap.country.id.upper()} {gap.level.name}",
            salary_range(gap.first),
            salary_range(gap.second),
            f"min {_signed(gap.min_difference, gap.country)}{sep}"
            f"max {_signed(gap.max_difference, gap.country)}",
        ]
        for gap in result.salary
    ]


def _no_salary_note(result: Comparison) -> str | None:
    """Why the pay table is empty or short: which role the sources give no pay for."""
    missing = [side.role.name for side in (result.first, result.second) if not side.has_pay]
    if missing:
        return f"{' and '.join(missing)}: {NO_SALARY}."
    if not result.salary:
        return "The sources give the two roles pay at no common country and level."
    return None


def _skill_list(skills: tuple[Skill, ...]) -> str:
    return ", ".join(names(skills)) if skills else "nothing: it already has them all"


def _source_notes(result: Comparison) -> list[RenderableType]:
    if not result.source_notes:
        return []
    return [
        Text("What the sources say, comparing the two", style="bold"),
        bullets(f"{note.text} ({', '.join(note.sources)})" for note in result.source_notes),
    ]


def view(result: Comparison) -> list[RenderableType]:
    """Side-by-side table of the two roles, the skills story, then pay gaps."""
    one, two = result.first.role, result.second.role
    title = Text.assemble(
        ("Compare: ", "bold"), (one.name, "bold"), " vs ", (two.name, "bold"), "\n"
    )
    side = Table(expand=True, show_lines=True)
    side.add_column("", style="dim", no_wrap=True)
    side.add_column(one.name, ratio=1, overflow="fold")
    side.add_column(two.name, ratio=1, overflow="fold")
    side.add_row("Layer", layer_label(one.layer), layer_label(two.layer))
    side.add_row("Summary", Text(one.role.summary), Text(two.role.summary))
    side.add_row("Duties", bullets(one.role.responsibilities), bullets(two.role.responsibilities))
    parts: list[RenderableType] = [
        title,
        Text("In short", style="bold"),
        bullets([f"{one.name} is {result.first.kind}.", f"{two.name} is {result.second.kind}."]),
        *_source_notes(result),
        fit(side),
        Text.assemble(
            ("Skill overlap: ", "bold"),
            f"{result.overlap_percent:g}% ({len(result.shared)} shared of {result.union} in all)",
        ),
        Text.assemble(("Shared: ", "bold"), ", ".join(names(result.shared)) or "none"),
        Text.assemble(
            (f"From {one.name} to {two.name}, add: ", "bold"), _skill_list(result.second_only)
        ),
        Text.assemble(
            (f"From {two.name} to {one.name}, add: ", "bold"), _skill_list(result.first_only)
        ),
        Text(""),
    ]
    rows = _salary_rows(result, "\n")
    if rows:
        pay = Table(title="Pay where the sources give both", title_justify="left")
        # Figures never break; long role names in the header may.
        for index, header in enumerate(("Where", one.name, two.name, "Difference")):
            widest = max(len(line) for row in rows for line in row[index].split("\n"))
            pay.add_column(header, min_width=widest)
        for row in rows:
            pay.add_row(*(Text(cell) for cell in row))
        parts.append(fit(pay))
    note = _no_salary_note(result)
    if note:
        parts.append(Text(note))
    parts += [Text(""), Text(OVERLAP_RULE, style="dim"), Text(SALARY_RULE, style="dim")]
    parts.append(next_hint(f"ecocareer roadmap --from {one.id} --to {two.id}"))
    return parts


def markdown(result: Comparison) -> str:
    """The comparison as a Markdown document."""
    one, two = result.first.role, result.second.role
    duties = list(zip_longest(one.role.responsibilities, two.role.responsibilities, fillvalue=""))
    lines = [
        f"# Compare: {one.name} vs {two.name}",
        "",
        "In short:",
        "",
        f"- {one.name} is {result.first.kind}.",
        f"- {two.name} is {result.second.kind}.",
        "",
        *(
            ["What the sources say, comparing the two:", ""]
            + [f"- {n.text} ({', '.join(n.sources)})" for n in result.source_notes]
            + [""]
            if result.source_notes
            else []
        ),
        markdown_table(
            ["", one.name, two.name],
            [
                ["Layer", one.layer.name, two.layer.name],
                ["Summary", one.role.summary, two.role.summary],
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
        f"- **Shared**: {', '.join(names(result.shared)) or 'none'}",
        f"- **From {one.name} to {two.name}, add**: {_skill_list(result.second_only)}",
        f"- **From {two.name} to {one.name}, add**: {_skill_list(result.first_only)}",
        "",
        "## Pay",
        "",
    ]
    rows = _salary_rows(result, ", ")
    if rows:
        lines += [
            markdown_table(["Where", one.name, two.name, "Difference"], rows).rstrip("\n"),
            "",
        ]
    note = _no_salary_note(result)
    if note:
        lines += [note, ""]
    lines += [f"- {OVERLAP_RULE}", f"- {SALARY_RULE}"]
    return "\n".join(lines) + "\n"


VIEW = View(table=view, json=record, markdown=markdown)
