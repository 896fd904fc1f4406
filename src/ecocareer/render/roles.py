"""The role list and the role card in every format."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecocareer.catalog.index import Pay, PlacedRole
from ecocareer.catalog.models import Cited, Country, Source
from ecocareer.render.layers import links_text
from ecocareer.render.layout import fit
from ecocareer.render.lazy_rich import Group, Padding, Panel, Table, Text, box, cell_len
from ecocareer.render.markdown import table as markdown_table
from ecocareer.render.output import Rows, View
from ecocareer.render.records import band_record, role_record
from ecocareer.render.style import (
    NO_FIGURE,
    NO_FIGURE_LEGEND,
    basis_text,
    basis_words,
    bullets,
    layer_colour,
    layer_label,
    layer_labels,
    layer_name,
    layer_symbol,
    money,
    next_hint,
    salary_range,
)
from ecocareer.roles import Move, RoleCard, RoleGroup, RoleLine, RoleList
from ecocareer.vocabulary import NO_SALARY

if TYPE_CHECKING:
    from rich.console import RenderableType

ROLE_WIDTH = 18
LIST_COLUMNS = (
    "id", "name", "layer", "spans", "summary", "skills",
    "salary_country", "salary_currency", "salary_level", "salary_min", "salary_max",
    "salary_open_ended",
)  # fmt: skip


# ------------------------------------------------------------------ role list


def list_record(line: RoleLine) -> dict[str, Any]:
    """A role object (PRODUCT.md) with the salary hint the list shows, or null."""
    record = role_record(line.role.role)
    record["salary_hint"] = band_record(line.hint) if line.hint else None
    return record


def list_rows(listing: RoleList) -> Rows:
    """One flat CSV row per role; the salary columns are empty where the sources give none."""
    country = listing.country
    rows = []
    for line in listing.lines:
        role, band = line.role.role, line.hint.band if line.hint else None
        rows.append(
            {
                "id": role.id,
                "name": role.name,
                "layer": role.layer,
                "spans": list(role.spans),
                "summary": role.summary,
                "skills": list(role.skills.all),
                "salary_country": country.id,
                "salary_currency": country.currency,
                "salary_level": band.level if band else None,
                "salary_min": band.min if band else None,
                "salary_max": band.max if band else None,
                "salary_open_ended": band.open_ended if band else None,
            }
        )
    return LIST_COLUMNS, rows


def _hint_lines(line: RoleLine) -> list[str]:
    """The salary hint: the range, and the level's name when it is not mid-level."""
    if line.hint is None:
        return [NO_SALARY]
    fallback = [line.fallback.name] if line.fallback else []
    return [salary_range(line.hint), *fallback]


def _hint_text(line: RoleLine) -> Text:
    first, *rest = _hint_lines(line)
    text = Text(first, style="" if line.hint else "dim")
    for part in rest:
        text.append(f"\n{part}", style="dim")
    return text


def _salary_header(country: Country) -> str:
    return f"{country.id.upper()} mid-level"


def _generalist_note(role: PlacedRole) -> Text:
    return Text("Generalist: also covers ", style="dim") + layer_labels(role.spans)


def _group_table(group: RoleGroup, listing: RoleList) -> Table:
    layer = group.layer
    colour = layer_colour(layer)
    table = Table(
        title=layer_label(layer) + Text(f" · {layer.subtitle}", style=colour),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        border_style=colour,
        expand=True,
        padding=(0, 1),
        pad_edge=False,
        leading=1,
    )
    table.add_column("Role", width=ROLE_WIDTH)
    table.add_column("What they do", ratio=1)
    table.add_column(_salary_header(listing.country), width=_salary_width(listing))
    for line in group.lines:
        summary = Text(line.role.role.summary)
        if line.role.spans:
            summary.append("\n")
            summary.append_text(_generalist_note(line.role))
        table.add_row(Text(line.role.name, style="bold"), summary, _hint_text(line))
    if not group.lines:
        table.add_row(Text("none in the data", style="dim"), "", "")
    if group.generalists:
        also = ", ".join(
            f"{role.name} (generalist, from {layer_name(role.layer)})" for role in group.generalists
        )
        table.caption = Text(f"Also covers this layer: {also}", style="dim")
        table.caption_justify = "left"
    return table


def _salary_width(listing: RoleList) -> int:
    """One salary width for every table, so the layers' tables line up; figures never wrap."""
    figures = [cell_len(part) for line in listing.lines if line.hint for part in _hint_lines(line)]
    return max([len(_salary_header(listing.country)), *figures])


def list_view(listing: RoleList) -> list[RenderableType]:
    """One table per layer in flow order, and a note on how to read the salary column."""
    if not listing.groups:
        return [Text("No role matches that selection: see them all with ecocareer roles")]
    parts: list[RenderableType] = []
    for group in listing.groups:
        parts += [fit(_group_table(group, listing)), Text("")]
    parts.append(Text(_salary_note(listing.country), style="dim"))
    parts.append(next_hint("ecocareer roles ROLE (one role in full, every level and country)"))
    return parts


def _salary_note(country: Country) -> str:
    return (
        f"Salary: yearly mid-level range, {country.name}, {country.currency}, as the sources "
        "give it; where they have no mid-level figure, the level shown is named."
    )


def list_markdown(listing: RoleList) -> str:
    """The role list as Markdown: one table per layer."""
    country = listing.country
    lines = ["# Roles in the marketing ecosystem\n"]
    for group in listing.groups:
        lines.append(f"## {group.layer.name}: {group.layer.subtitle}\n")
        rows = []
        for line in group.lines:
            first, *rest = _hint_lines(line)
            hint = first + "".join(f" ({part})" for part in rest)
            rows.append([line.role.name, f"`{line.role.id}`", line.role.role.summary, hint])
        lines.append(markdown_table(["Role", "id", "What they do", _salary_header(country)], rows))
        if group.generalists:
            names = ", ".join(f"{role.name} (`{role.id}`)" for role in group.generalists)
            lines.append(f"Also covers this layer: {names} (generalist).\n")
    lines.append(_salary_note(country) + "\n")
    return "\n".join(lines)


LIST = View(
    table=list_view,
    json=lambda listing: [list_record(line) for line in listing.lines],
    markdown=list_markdown,
    csv=list_rows,
)


# ------------------------------------------------------------------ role card


def _cited(note: Cited) -> str:
    return f"{note.text} ({', '.join(note.sources)})"


def card_record(card: RoleCard) -> dict[str, Any]:
    """The full role object: role_record, its layer, what it depends on, and its bands."""
    layer = card.role.layer
    record = role_record(card.role.role)
    record["layer_info"] = {
        "id": layer.id,
        "name": layer.name,
        "subtitle": layer.subtitle,
        "failure_mode": layer.failure_mode,
    }
    record["depends_on"] = [{"layer": link.layer.id, "why": link.text} for link in card.depends_on]
    record["bands"] = [band_record(pay) for pay in card.pays]
    return record


def _leads_to(moves: tuple[Move, ...]) -> Table:
    """Next roles, each in its layer's colour, with where the move comes from beneath it
    (stated by the sources, or inferred, with the reason), wrapped lines kept indented."""
    grid = Table.grid()
    grid.add_column(ratio=1)
    for move in moves:
        role = move.role
        grid.add_row(
            Text(f"{layer_symbol(role.layer)} {role.name}", style=layer_colour(role.layer))
        )
        grid.add_row(Padding(basis_text(move.link), (0, 0, 0, 2)))
    return grid


def _card_grid(card: RoleCard) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    role = card.role
    layer_text = layer_label(role.layer) + Text(f" · {role.layer.subtitle}")
    if role.spans:
        layer_text.append("\ngeneralist, also covers ")
        layer_text.append_text(layer_labels(role.spans))
    grid.add_row("Layer", layer_text)
    grid.add_row("Responsibilities", bullets(role.role.responsibilities))
    grid.add_row("Core skills", Text(", ".join(skill.name for skill in card.core_skills)))
    if card.supporting_skills:
        grid.add_row("Supporting", Text(", ".join(skill.name for skill in card.supporting_skills)))
    for label, items in (
        ("Tools", role.role.tools),
        ("Deliverables", role.role.deliverables),
        ("Methods", role.role.methods),
    ):
        if items:
            grid.add_row(label, Text(", ".join(items)))
    if role.role.notes:
        grid.add_row("The sources say", bullets(_cited(note) for note in role.role.notes))
    if card.depends_on:
        grid.add_row("Depends on", links_text(card.depends_on))
    if card.leads_to:
        grid.add_row("Leads to", _leads_to(card.leads_to))
    return grid


def _band_cell(pay: Pay | None, row_years: str | None) -> Text:
    if pay is None:
        return Text(NO_FIGURE, style="dim")
    band = pay.band
    plus = "+" if band.open_ended else ""
    low, high = money(band.min, pay.country), f"{money(band.max, pay.country)}{plus}"
    text = Text(f"{low} – {high}")
    if band.years and band.years != row_years:
        text.append(f"\n{band.years}", style="dim")
    return text


def salary_grid(card: RoleCard) -> Table:
    """Levels down, countries across; where they do not fit, one block per level."""
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, expand=False)
    table.add_column("Level", no_wrap=True)
    for country in card.countries:
        table.add_column(f"{country.name}\n({country.currency})", no_wrap=True)
    for row in card.salary:
        years = row.years
        level = Text(row.level.name)
        if years:
            level.append(f"\n{years}", style="dim")
        table.add_row(level, *(_band_cell(pay, years) for pay in row.pays))
    return table


def _sources(sources: tuple[Source, ...]) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    for source in sources:
        grid.add_row(f"[{source.number}]" if source.number else "•", Text(source.title))
    return grid


def card_view(card: RoleCard) -> list[RenderableType]:
    """The role's panel, then its salary grid and its sources."""
    role = card.role
    colour = layer_colour(role.layer)
    body = Group(Text(role.role.summary, style="italic"), Text(), fit(_card_grid(card)))
    panel = Panel(
        body,
        title=Text(f"{layer_symbol(role.layer)} {role.name}", style=f"bold {colour}"),
        title_align="left",
        subtitle=Text(f"id: {role.id}", style="dim"),
        subtitle_align="right",
        border_style=colour,
    )
    parts: list[RenderableType] = [panel]
    parts.append(Text("Salary per year, as the sources give it", style="bold"))
    if card.salary:
        parts.append(Padding(fit(salary_grid(card)), (0, 0, 0, 2)))
        if card.gaps:
            parts.append(Text(f"  {NO_FIGURE_LEGEND}", style="dim"))
    else:
        parts.append(Text(f"  {NO_SALARY.capitalize()} for this role."))
    parts.append(Text())
    parts.append(Text("Sources", style="bold"))
    parts.append(Padding(fit(_sources(card.sources)), (0, 0, 0, 2)))
    parts.append(
        next_hint(f"ecocareer next {role.id}", f"ecocareer roadmap --from {role.id} --to ROLE")
    )
    return parts


def card_markdown(card: RoleCard) -> str:
    """The role card as Markdown."""
    role = card.role
    lines = [f"# {role.name}\n", f"{role.role.summary}\n"]
    layer = f"**Layer:** {role.layer.name} ({role.layer.subtitle})"
    if role.spans:
        layer += "; generalist, also covers " + ", ".join(span.name for span in role.spans)
    lines.append(layer + "\n")
    lines.append("## Responsibilities\n")
    lines.append("".join(f"- {item}\n" for item in role.role.responsibilities))
    lines.append("## Skills\n")
    skills = f"**Core:** {', '.join(skill.name for skill in card.core_skills)}\n"
    if card.supporting_skills:
        skills += f"\n**Supporting:** {', '.join(s.name for s in card.supporting_skills)}\n"
    lines.append(skills)
    for label, items in (
        ("Tools", role.role.tools),
        ("Deliverables", role.role.deliverables),
        ("Methods", role.role.methods),
    ):
        if items:
            lines.append(f"**{label}:** {', '.join(items)}\n")
    if role.role.notes:
        lines.append("## What the sources say\n")
        lines.append("".join(f"- {_cited(note)}\n" for note in role.role.notes))
    if card.depends_on:
        lines.append("## Depends on\n")
        lines.append("".join(f"- **{link.layer.name}**: {link.text}\n" for link in card.depends_on))
    if card.leads_to:
        lines.append("## Leads to\n")
        lines.append(
            "".join(
                f"- {move.role.name} (`{move.role.id}`): {basis_words(move.link)}\n"
                for move in card.leads_to
            )
        )
    lines.append("## Salary per year\n")
    if card.salary:
        headers = ["Level", *(f"{c.name} ({c.currency})" for c in card.countries)]
        rows = []
        for row in card.salary:
            cells: list[object] = [row.level.name]
            for pay in row.pays:
                years = f" ({pay.band.years})" if pay and pay.band.years else ""
                cells.append(None if pay is None else salary_range(pay) + years)
            rows.append(cells)
        lines.append(markdown_table(headers, rows))
    else:
        lines.append(f"{NO_SALARY.capitalize()} for this role.\n")
    lines.append("## Sources\n")
    lines.append(
        "".join(
            f"- {source.title}" + (f" <{source.url}>" if source.url else "") + "\n"
            for source in card.sources
        )
    )
    return "\n".join(lines)


CARD = View(table=card_view, json=card_record, markdown=card_markdown)
