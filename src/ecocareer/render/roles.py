"""The role list and the role card in every format."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ecocareer.catalog import Catalog
from ecocareer.ecosystem import BandRow, RoleCard, RoleLine, RoleList
from ecocareer.models import Band, Country, Layer, Role, Source
from ecocareer.output import Export, Format, emit_csv, emit_json, emit_text, show
from ecocareer.records import band_record, role_record
from ecocareer.render.markdown import table as markdown_table
from ecocareer.render.style import layer_colour, layer_label, layer_symbol, money, salary_range

NO_SALARY = "No salary data in the sources for this role."
ROLE_WIDTH = 18
LIST_COLUMNS = (
    "id", "name", "layer", "spans", "summary", "skills",
    "salary_country", "salary_currency", "salary_level", "salary_min", "salary_max",
    "salary_open_ended",
)  # fmt: skip


# ------------------------------------------------------------------ role list


def role_list(
    listing: RoleList, catalog: Catalog, fmt: Format, export: Export | None = None
) -> None:
    """Print the roles grouped by layer as Rich tables, JSON, CSV or Markdown."""
    if fmt is Format.json:
        emit_json([list_record(line, catalog) for line in _lines(listing)])
    elif fmt is Format.csv:
        emit_csv([csv_row(line, listing.country) for line in _lines(listing)], LIST_COLUMNS)
    elif fmt is Format.markdown:
        emit_text(list_markdown(listing))
    else:
        show(list_view(listing), export=export)


def _lines(listing: RoleList) -> list[RoleLine]:
    return [line for group in listing.groups for line in group.lines]


def list_record(line: RoleLine, catalog: Catalog) -> dict[str, Any]:
    """A role object (PRODUCT.md) with the salary hint the list shows, or null."""
    record = role_record(line.role)
    record["salary_hint"] = band_record(line.hint, catalog) if line.hint else None
    return record


def csv_row(line: RoleLine, country: Country) -> dict[str, Any]:
    """One flat CSV row; the salary columns are empty where the sources give no figure."""
    role, hint = line.role, line.hint
    return {
        "id": role.id,
        "name": role.name,
        "layer": role.layer,
        "spans": list(role.spans),
        "summary": role.summary,
        "skills": list(role.skills.all),
        "salary_country": country.id,
        "salary_currency": country.currency,
        "salary_level": hint.level if hint else "",
        "salary_min": hint.min if hint else "",
        "salary_max": hint.max if hint else "",
        "salary_open_ended": hint.open_ended if hint else "",
    }


def _hint_lines(line: RoleLine, country: Country) -> list[str]:
    """The salary hint: the range, and the level's name when it is not mid-level."""
    if line.hint is None or line.hint_level is None:
        return []
    if line.hint.level == "mid":
        return [salary_range(line.hint, country)]
    return [salary_range(line.hint, country), line.hint_level.name]


def _hint_text(line: RoleLine, country: Country) -> Text:
    parts = _hint_lines(line, country)
    if not parts:
        return Text("no data", style="dim")
    text = Text(parts[0])
    for part in parts[1:]:
        text.append(f"\n{part}", style="dim")
    return text


def _layer_names(layers: tuple[Layer, ...]) -> str:
    return ", ".join(f"{layer_symbol(layer.id)} {layer.name}" for layer in layers)


def _group_table(
    layer: Layer,
    lines: tuple[RoleLine, ...],
    generalists: tuple[Role, ...],
    listing: RoleList,
    salary_width: int,
) -> Table:
    colour = layer_colour(layer.id)
    country = listing.country
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
    table.add_column(_salary_header(country), no_wrap=True, width=salary_width)
    for line in lines:
        role = line.role
        name = Text(role.name, style="bold")
        summary = Text(role.summary)
        if role.spans:
            spans = tuple(listing.layer(layer_id) for layer_id in role.spans)
            summary.append(f"\nGeneralist: also covers {_layer_names(spans)}", style="dim")
        table.add_row(name, summary, _hint_text(line, country))
    if not lines:
        table.add_row(Text("none in the data", style="dim"), "", "")
    if generalists:
        also = ", ".join(
            f"{role.name} (generalist, from {layer_symbol(role.layer)} "
            f"{listing.layer(role.layer).name})"
            for role in generalists
        )
        table.caption = Text(f"Also covers this layer: {also}", style="dim")
        table.caption_justify = "left"
    return table


def _salary_header(country: Country) -> str:
    return f"{country.id.upper()} mid-level"


def list_view(listing: RoleList) -> RenderableType:
    """One table per layer in flow order, and a note on how to read the salary column."""
    country = listing.country
    # One salary width for every table, so the layers' tables line up.
    salary_width = max(
        [len(_salary_header(country))]
        + [cell_len(part) for line in _lines(listing) for part in _hint_lines(line, country)]
    )
    parts: list[RenderableType] = [
        _group_table(group.layer, group.lines, group.generalists, listing, salary_width)
        for group in listing.groups
    ]
    parts.append(Text(_salary_note(country), style="dim"))
    parts.append(Text("One role in full, with every level and country: ecocareer roles ROLE"))
    return Group(*parts)


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
            parts = _hint_lines(line, country)
            hint = parts[0] + "".join(f" ({part})" for part in parts[1:]) if parts else "no data"
            rows.append([line.role.name, f"`{line.role.id}`", line.role.summary, hint])
        lines.append(markdown_table(["Role", "id", "What they do", _salary_header(country)], rows))
        if group.generalists:
            names = ", ".join(f"{role.name} (`{role.id}`)" for role in group.generalists)
            lines.append(f"Also covers this layer: {names} (generalist).\n")
    lines.append(_salary_note(country) + "\n")
    return "\n".join(lines)


# ------------------------------------------------------------------ role card


def role_card(card: RoleCard, catalog: Catalog, fmt: Format, export: Export | None = None) -> None:
    """Print one role's card as Rich panels, JSON or Markdown."""
    if fmt is Format.json:
        emit_json(card_record(card, catalog))
    elif fmt is Format.markdown:
        emit_text(card_markdown(card))
    else:
        show(card_view(card), export=export)


def card_record(card: RoleCard, catalog: Catalog) -> dict[str, Any]:
    """The full role object: role_record, its layer, what it depends on, and its bands."""
    record = role_record(card.role)
    record["layer_info"] = {
        "id": card.layer.id,
        "name": card.layer.name,
        "subtitle": card.layer.subtitle,
        "failure_mode": card.layer.failure_mode,
    }
    record["depends_on"] = [{"layer": link.layer.id, "why": link.text} for link in card.depends_on]
    record["bands"] = [band_record(band, catalog) for band in card.bands]
    return record


def _label(layer: Layer) -> Text:
    return Text(f"{layer_symbol(layer.id)} {layer.name}", style=layer_colour(layer.id))


def _joined(parts: list[Text], separator: str = ", ") -> Text:
    return Text(separator).join(parts)


def _bullets(items: tuple[str, ...]) -> Table:
    """A bulleted list with a hanging indent."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for item in items:
        grid.add_row("•", Text(item))
    return grid


def _leads_to(roles: tuple[Role, ...]) -> Text:
    """Next roles, one line per layer, so a layer's symbol never parts from its names."""
    by_layer: dict[str, list[str]] = {}
    for role in roles:
        by_layer.setdefault(role.layer, []).append(role.name)
    return Text("\n").join(
        Text(f"{layer_symbol(layer_id)} {', '.join(names)}", style=layer_colour(layer_id))
        for layer_id, names in by_layer.items()
    )


def _card_grid(card: RoleCard) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    layer_text = layer_label(card.layer) + Text(f" · {card.layer.subtitle}")
    if card.spans:
        layer_text.append("\ngeneralist, also covers ")
        layer_text.append_text(_joined([_label(layer) for layer in card.spans]))
    grid.add_row("Layer", layer_text)
    grid.add_row("Responsibilities", _bullets(card.role.responsibilities))
    grid.add_row("Core skills", Text(", ".join(skill.name for skill in card.core_skills)))
    if card.supporting_skills:
        grid.add_row("Supporting", Text(", ".join(skill.name for skill in card.supporting_skills)))
    if card.role.tools:
        grid.add_row("Tools", Text(", ".join(card.role.tools)))
    if card.depends_on:
        depends = Text("\n").join(
            _label(link.layer) + Text(f": {link.text}") for link in card.depends_on
        )
        grid.add_row("Depends on", depends)
    if card.leads_to:
        grid.add_row("Leads to", _leads_to(card.leads_to))
    return grid


def _years(row: BandRow) -> str | None:
    """The years the source gives for a level, when every shown country agrees."""
    spans = {band.years for band in row.bands if band is not None}
    return spans.pop() if len(spans) == 1 else None


def _band_cell(band: Band | None, country: Country, row_years: str | None, split: bool) -> Text:
    if band is None:
        return Text("–", style="dim")
    plus = "+" if band.open_ended else ""
    low, high = money(band.min, country), f"{money(band.max, country)}{plus}"
    text = Text(f"{low} –\n{high}" if split else f"{low} – {high}")
    if band.years and band.years != row_years:
        text.append(f"\n{band.years}", style="dim")
    return text


def salary_grid(card: RoleCard) -> Table:
    """Levels down, countries across; ranges split over two lines when many countries show."""
    split = len(card.countries) > 2
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, expand=False)
    table.add_column("Level", no_wrap=True)
    for country in card.countries:
        table.add_column(f"{country.name}\n({country.currency})", no_wrap=True)
    for row in card.salary:
        years = _years(row)
        level = Text(row.level.name)
        if years:
            level.append(f"\n{years}", style="dim")
        cells = [
            _band_cell(band, country, years, split)
            for band, country in zip(row.bands, card.countries, strict=True)
        ]
        table.add_row(level, *cells)
    return table


def _sources(sources: tuple[Source, ...]) -> Table:
    grid = Table.grid(padding=(0, 1), pad_edge=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    for source in sources:
        grid.add_row(f"[{source.number}]" if source.number else "•", Text(source.title))
    return grid


def card_view(card: RoleCard) -> RenderableType:
    """The role's panel, then its salary grid and its sources."""
    role = card.role
    colour = layer_colour(card.layer.id)
    body = Group(Text(role.summary, style="italic"), Text(), _card_grid(card))
    panel = Panel(
        body,
        title=Text(f"{layer_symbol(card.layer.id)} {role.name}", style=f"bold {colour}"),
        title_align="left",
        subtitle=Text(f"id: {role.id}", style="dim"),
        subtitle_align="right",
        border_style=colour,
    )
    parts: list[RenderableType] = [panel]
    parts.append(Text("Salary per year, as the sources give it", style="bold"))
    if card.salary:
        parts.append(Padding(salary_grid(card), (0, 0, 0, 2)))
        if any(band is None for row in card.salary for band in row.bands):
            parts.append(Text("  – : no figure in the sources for that level", style="dim"))
    else:
        parts.append(Text(f"  {NO_SALARY}"))
    parts.append(Text())
    parts.append(Text("Sources", style="bold"))
    parts.append(Padding(_sources(card.sources), (0, 0, 0, 1)))
    return Group(*parts)


def card_markdown(card: RoleCard) -> str:
    """The role card as Markdown."""
    role = card.role
    lines = [f"# {role.name}\n", f"{role.summary}\n"]
    layer = f"**Layer:** {card.layer.name} ({card.layer.subtitle})"
    if card.spans:
        layer += "; generalist, also covers " + ", ".join(layer.name for layer in card.spans)
    lines.append(layer + "\n")
    lines.append("## Responsibilities\n")
    lines.append("".join(f"- {item}\n" for item in role.responsibilities))
    lines.append("## Skills\n")
    skills = f"**Core:** {', '.join(skill.name for skill in card.core_skills)}\n"
    if card.supporting_skills:
        skills += f"\n**Supporting:** {', '.join(s.name for s in card.supporting_skills)}\n"
    lines.append(skills)
    if role.tools:
        lines.append(f"**Tools:** {', '.join(role.tools)}\n")
    if card.depends_on:
        lines.append("## Depends on\n")
        lines.append("".join(f"- **{link.layer.name}**: {link.text}\n" for link in card.depends_on))
    if card.leads_to:
        lines.append("## Leads to\n")
        lines.append(", ".join(f"{r.name} (`{r.id}`)" for r in card.leads_to) + "\n")
    lines.append("## Salary per year\n")
    if card.salary:
        headers = ["Level", *(f"{c.name} ({c.currency})" for c in card.countries)]
        rows = []
        for row in card.salary:
            cells: list[object] = [row.level.name]
            for band, country in zip(row.bands, card.countries, strict=True):
                cells.append(
                    None
                    if band is None
                    else salary_range(band, country) + (f" ({band.years})" if band.years else "")
                )
            rows.append(cells)
        lines.append(markdown_table(headers, rows))
    else:
        lines.append(f"{NO_SALARY}\n")
    lines.append("## Sources\n")
    lines.append(
        "".join(
            f"- {source.title}" + (f" <{source.url}>" if source.url else "") + "\n"
            for source in card.sources
        )
    )
    return "\n".join(lines)
