"""The sources listing in every format."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from ecocareer.models import Source
from ecocareer.output import Export, Format, emit_csv, emit_json, emit_text, show
from ecocareer.render.markdown import table as markdown_table

COLUMNS = ("id", "number", "title", "publisher", "url", "accessed")


def sources(items: tuple[Source, ...], fmt: Format, export: Export | None = None) -> None:
    """Print the sources as a Rich table, JSON, CSV or Markdown."""
    rows = [source.model_dump() for source in items]
    if fmt is Format.json:
        emit_json(rows)
    elif fmt is Format.csv:
        emit_csv(rows, COLUMNS)
    elif fmt is Format.markdown:
        emit_text(
            "# Sources\n\n"
            + markdown_table(
                ["#", "id", "title", "publisher", "accessed", "url"],
                [[s.number, s.id, s.title, s.publisher, s.accessed, s.url] for s in items],
            )
        )
    else:
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
        show(table, export=export)
