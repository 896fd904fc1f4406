"""The sources listing in every format."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecocareer.catalog.models import Source
from ecocareer.render.lazy_rich import Table, Text
from ecocareer.render.markdown import table as markdown_table
from ecocareer.render.output import View

if TYPE_CHECKING:
    from rich.console import RenderableType

COLUMNS = ("id", "number", "title", "publisher", "url", "accessed")
Sources = tuple[Source, ...]


def records(items: Sources) -> list[dict[str, Any]]:
    """Each source as JSON (the CSV columns)."""
    return [source.model_dump() for source in items]


def markdown(items: Sources) -> str:
    """The sources as a Markdown table."""
    return "# Sources\n\n" + markdown_table(
        ["#", "id", "title", "publisher", "accessed", "url"],
        [[s.number, s.id, s.title, s.publisher, s.accessed, s.url] for s in items],
    )


def view(items: Sources) -> list[RenderableType]:
    """One row per source: number, title, publisher, access date, URL and id."""
    table = Table(title="Sources the data cites", title_justify="left", expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Source", ratio=1, overflow="fold")
    for source in items:
        cell = Text(source.title, style="bold")
        details = [
            part
            for part in (source.publisher, source.accessed and f"accessed {source.accessed}")
            if part
        ]
        if details:
            cell.append("\n" + ", ".join(details))
        if source.url:
            cell.append("\n" + source.url, style="dim")
        cell.append(f"\nid: {source.id}", style="dim")
        table.add_row(str(source.number or "–"), cell)
    return [table]


VIEW = View(table=view, json=records, markdown=markdown, csv=lambda s: (COLUMNS, records(s)))
