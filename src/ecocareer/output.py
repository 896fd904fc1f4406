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
from enum import StrEnum
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


def show(*renderables: RenderableType) -> None:
    """Print Rich renderables to stdout."""
    out = console()
    for renderable in renderables:
        out.print(renderable)


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
