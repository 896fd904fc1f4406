"""The sources listing in every format."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecocareer.catalog.models import Source
from ecocareer.render.lazy_rich import Table, Text
from ecocareer.render.markdown import table as markdown_table
from ecocareer.render.output import View
from ecocareer.render.records import data_record
from ecocareer.render.style import next_hint, whole_line

if TYPE_CHECKING:
    from rich.console import RenderableType

COLUMNS = ("id", "number", "title", "publisher", "url", "accessed")
Sources = tuple[Source, ...]


def records(items: Sources) -> list[dict[str, Any]]:
    """Each source as JSON (the CSV columns)."""
    return [data_record(source) for source in items]


def markdown(items: Sources) -> str:
    """The sources as a Markdown table."""
    return "# Sources\n\n" + markdown_table(
        ["#", "id", "title", "publisher", "accessed", "url"],
        [[s.number, s.id, s.title, s.publisher, s.accessed, s.url] for s in items],
    )


NUMBER_WIDTH = 3  # the source numbers' column, so titles line up under each other


def view(items: Sources) -> list[RenderableType]:
    """One block per source: number and title, publisher and access date, id, then the URL.

    A URL is printed whole on its own line, never folded by us (the terminal wraps it, so
    it stays one link), and is a link where the terminal supports links.
    """
    parts: list[RenderableType] = [Text("Sources the data cites", style="bold")]
    for source in items:
        details = ", ".join(
            part
            for part in (source.publisher, source.accessed and f"accessed {source.accessed}")
            if part
        )
        block = Table.grid(padding=(0, 1))
        block.add_column(justify="right", no_wrap=True, min_width=NUMBER_WIDTH)
        block.add_column()
        block.add_row(str(source.number or "–"), Text(source.title, style="bold"))
        if details:
            block.add_row("", details)
        block.add_row("", Text(f"id: {source.id}", style="dim"))
        parts += [Text(""), block]
        if source.url:
            parts.append(whole_line(" " * (NUMBER_WIDTH + 1) + source.url, link=source.url))
    parts += [Text(""), next_hint("ecocareer roles ROLE (its card lists the sources it uses)")]
    return parts


VIEW = View(table=view, json=records, markdown=markdown, csv=lambda s: (COLUMNS, records(s)))
