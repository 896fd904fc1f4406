"""Where output goes: Rich for people, raw JSON/CSV/Markdown for scripts, errors on stderr.

JSON and CSV are written straight to stdout, never through Rich, so nothing
wraps or colours them. Rich honours NO_COLOR and drops escape codes when
stdout is not a terminal.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecocareer.errors import DataError, EcoCareerError, UsageError, printable

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


class Format(StrEnum):
    """The output formats a command may offer."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


RICH_AND_DOCUMENTS = (Format.table, Format.json, Format.markdown)
LISTINGS = (Format.table, Format.json, Format.csv, Format.markdown)


def require_format(chosen: Format, offered: Sequence[Format]) -> None:
    """Refuse a format the command does not offer (exit 2)."""
    if chosen not in offered:
        names = ", ".join(fmt.value for fmt in offered)
        raise UsageError(f"This command has no {chosen.value} output; choose one of: {names}.")


def console(stderr: bool = False) -> Console:
    """A Rich console that never interprets markup or highlights numbers in our text."""
    from rich.console import Console

    return Console(stderr=stderr, markup=False, highlight=False, emoji=False)


@dataclass(frozen=True)
class Export:
    """A file to save the table view in as well, and the title its picture carries."""

    path: Path
    title: str


EXPORT_SUFFIXES = (".svg", ".html", ".htm", ".txt")
# Exports are drawn at a fixed width and colour system, never the terminal's,
# so the same command writes the same bytes wherever it runs.
EXPORT_WIDTH = 80


def export_target(path: Path | None, chosen: Format, title: str) -> Export | None:
    """Check an --export FILE before any work (exit 2 if unusable); None when not exporting."""
    if path is None:
        return None
    if chosen is not Format.table:
        raise UsageError(
            f"--export is for the table view; leave out --format {chosen.value} "
            f"(or redirect the {chosen.value} output to a file)."
        )
    if path.suffix.lower() not in EXPORT_SUFFIXES:
        raise UsageError(
            f"--export FILE must end in .svg, .html, .htm or .txt; {path.name!r} does not."
        )
    if not path.parent.is_dir():
        raise UsageError(f"--export: there is no directory {str(path.parent)!r} to write into.")
    return Export(path, title)


def show(*renderables: RenderableType, export: Export | None = None) -> None:
    """Print Rich renderables to stdout, and save them to `export` too when given."""
    out = console()
    for renderable in renderables:
        out.print(renderable)
    if export is not None:
        save(renderables, export)


def save(renderables: Sequence[RenderableType], export: Export) -> None:
    """Write renderables as SVG, HTML or plain text, chosen by the file's extension."""
    import html
    import io

    from rich.console import Console

    recorder = Console(
        file=io.StringIO(),
        record=True,
        width=EXPORT_WIDTH,
        height=25,
        color_system="truecolor",
        force_terminal=True,
        no_color=False,
        legacy_windows=False,
        markup=False,
        highlight=False,
        emoji=False,
    )
    for renderable in renderables:
        recorder.print(renderable)
    suffix = export.path.suffix.lower()
    if suffix == ".svg":
        content = recorder.export_svg(title=export.title)
    elif suffix in (".html", ".htm"):
        content = recorder.export_html().replace(
            "<head>\n", f"<head>\n<title>{html.escape(export.title)}</title>\n", 1
        )
    else:
        text = recorder.export_text()
        content = "".join(line.rstrip() + "\n" for line in text.splitlines())
    try:
        export.path.write_text(content, encoding="utf-8")
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise UsageError(f"cannot write the export to {export.path}: {reason}.") from None


def emit_json(data: Any) -> None:
    """Pretty, stable JSON on stdout."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def emit_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> None:
    """CSV with a header row on stdout."""
    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _csv_cell(value) for key, value in row.items()})


def _csv_cell(value: Any) -> Any:
    """Lists joined with ';', booleans spelled as in JSON (true/false)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ";".join(map(str, value))
    return value


def emit_text(text: str) -> None:
    """Plain text (Markdown) on stdout."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


MAX_PROBLEMS_SHOWN = 100


def report_error(error: EcoCareerError) -> None:
    """One clear paragraph on stderr; for bad data, every problem on its own line.

    Messages quote data and arguments, so every line passes through `printable`:
    nothing the user or a data file supplies reaches the terminal as an escape code.
    """
    from rich.text import Text

    err = console(stderr=True)
    if isinstance(error, DataError):
        count = len(error.problems)
        err.print(
            Text(
                f"Error: the data is invalid ({count} problem{'s' * (count != 1)}):",
                style="bold red",
            )
        )
        for problem in error.problems[:MAX_PROBLEMS_SHOWN]:
            err.print(Text(printable(f"  {problem}")), soft_wrap=True)
        if count > MAX_PROBLEMS_SHOWN:
            err.print(Text(f"  ... and {count - MAX_PROBLEMS_SHOWN} more problems not shown"))
        err.print(Text(printable(error.hint)))
    else:
        label = "Usage error" if isinstance(error, UsageError) else "Error"
        err.print(Text(f"{label}: ", style="bold red") + Text(printable(str(error))))
