"""Where output goes: Rich for people, raw JSON/CSV/Markdown for scripts, errors on stderr.

Every command hands its result and a `View` (how that result looks in each
format) to `emit`, the one dispatcher. JSON and CSV are written straight to
stdout, never through Rich, so nothing wraps or colours them. Rich honours
NO_COLOR and drops escape codes when stdout is not a terminal.

Rich is imported only where something is drawn, so the options and `View`
declarations cost nothing at start-up.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, NamedTuple, TypeVar

from ecocareer.errors import (
    DataError,
    EcoCareerError,
    OutputClosed,
    OutputFailed,
    UsageError,
    printable,
    shown,
)

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

# The formats a command may offer: every command has the first three, flat listings also csv.
DocumentFormat = Literal["table", "json", "markdown"]
ListingFormat = Literal["table", "json", "csv", "markdown"]

Result = TypeVar("Result")
Rows = tuple[Sequence[str], Iterable[Mapping[str, Any]]]


class View(NamedTuple, Generic[Result]):
    """How one kind of result looks in each format it offers.

    `table` gives the Rich renderables for people; `json` the JSON-ready record;
    `markdown` a document; `csv` (listings only) the columns and rows; `notes`
    what a machine format cannot carry (roles without data), said on stderr.
    """

    table: Callable[[Result], Sequence[RenderableType]]
    json: Callable[[Result], Any]
    markdown: Callable[[Result], str]
    csv: Callable[[Result], Rows] | None = None
    notes: Callable[[Result], Sequence[str]] | None = None
    html: Callable[[Result], str] | None = None  # a document of its own for --export .html


@contextmanager
def writing() -> Iterator[None]:
    """Write to stdout as a good Unix citizen: a reader that went away ends the run quietly,
    any other failure to write (a full disk) is one clear error."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        raise OutputClosed() from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise OutputFailed(f"cannot write the output ({reason}).") from None


def say(text: str) -> None:
    """One plain line (or more) on stdout, for the commands that answer in a sentence; paths
    and names in it are printed visibly escaped, never as escape codes."""
    with writing():
        emit_text(printable(text))


def note(text: str) -> None:
    """One line on stderr beside the output (it never mixes into JSON or CSV)."""
    _stderr_line(printable(text))


def _stderr_line(text: str) -> None:
    """A plain line on stderr, as Rich would write it unstyled (and without loading Rich, so
    the machine formats never do); a reader that went away ends the run quietly."""
    try:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    except BrokenPipeError:
        raise OutputClosed() from None


def emit(view: View[Result], result: Result, fmt: str, export: Export | None = None) -> None:
    """Print `result` in the format asked for (and save the table view to `export`)."""
    with writing():
        _emit(view, result, fmt, export)


def _emit(view: View[Result], result: Result, fmt: str, export: Export | None) -> None:
    if fmt == "table":
        document = view.html is not None and export is not None and export.is_html
        show(*view.table(result), export=None if document else export)
        if document and export is not None and view.html is not None:
            write_export(export, view.html(result))
    elif fmt == "markdown":
        emit_text(view.markdown(result))
    elif fmt == "json" or (fmt == "csv" and view.csv is not None):
        if view.csv is not None and fmt == "csv":
            columns, rows = view.csv(result)
            emit_csv(rows, columns)
        else:
            emit_json(view.json(result))
        for line in view.notes(result) if view.notes else ():
            _stderr_line(line)
    else:  # each command's --format choices are declared beside its view; never reached
        raise UsageError(f"This command has no {fmt} output.")


# The widths a view is drawn at, whatever the terminal or $COLUMNS claims: no view is
# squeezed to nothing, and an absurd width cannot make drawing take seconds.
MIN_WIDTH, MAX_WIDTH = 20, 500


@cache
def _console_type() -> type[Console]:
    """Rich's Console, but a closed pipe ends the run through our own error (exit 0)."""
    from rich.console import Console

    class QuietOnClose(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise OutputClosed()

    return QuietOnClose


def console(stderr: bool = False) -> Console:
    """A Rich console that never interprets markup or highlights numbers in our text."""
    out = _console_type()(stderr=stderr, markup=False, highlight=False, emoji=False)
    out.width = min(max(out.width, MIN_WIDTH), MAX_WIDTH)
    return out


class Export(NamedTuple):
    """A file to save the table view in as well, and the title its picture carries."""

    path: Path
    title: str

    @property
    def is_html(self) -> bool:
        return self.path.suffix.lower() in (".html", ".htm")


EXPORT_SUFFIXES = (".svg", ".html", ".htm", ".txt")
# Exports are drawn at a fixed width and colour system, never the terminal's,
# so the same command writes the same bytes wherever it runs.
EXPORT_WIDTH = 80


def shown_path(path: Path) -> str:
    """A path as it may be echoed: printable, and cut (saying its length) when very long."""
    return shown(str(path), limit=200)


def export_target(
    path: Path | None,
    fmt: str,
    title: str,
    *,
    force: bool = False,
    inputs: Sequence[Path | None] = (),
) -> Export | None:
    """Check an --export FILE before any work (exit 2 if unusable); None when not exporting.

    An existing file is replaced only with --force, and never when it is one of the
    command's own input files.
    """
    if path is None:
        return None
    named = shown_path(path)
    if fmt != "table":
        raise UsageError(
            f"--export is for the table view; leave out --format {fmt} "
            f"(or redirect the {fmt} output to a file)."
        )
    if path.suffix.lower() not in EXPORT_SUFFIXES:
        raise UsageError(
            "--export FILE must end in .svg, .html, .htm or .txt; "
            f"{shown_path(Path(path.name))} does not."
        )
    try:
        if not path.parent.is_dir():
            raise UsageError(
                f"--export: there is no directory {shown_path(path.parent)} to write into."
            )
        exists = path.exists() or path.is_symlink()
        if exists and any(given is not None and _same_file(path, given) for given in inputs):
            raise UsageError(f"--export {named} is this command's own input file; choose another.")
    except OSError as error:
        raise UsageError(f"--export {named}: {error.strerror or 'not a usable path'}.") from None
    if exists and not force:
        raise UsageError(f"--export {named} already exists; add --force to replace it.")
    return Export(path, title)


def _same_file(path: Path, other: Path) -> bool:
    try:
        return path.samefile(other)
    except OSError:  # the other file is not there: it cannot be this one
        return False


def show(*renderables: RenderableType, export: Export | None = None) -> None:
    """Print Rich renderables to stdout, and save them to `export` too when given."""
    out = console()
    if out.is_terminal:
        for renderable in renderables:
            _print(out, renderable)
    else:  # a file or a pipe: the padding Rich adds to fill the width is not kept
        with out.capture() as captured:
            for renderable in renderables:
                _print(out, renderable)
        sys.stdout.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
    if export is not None:
        save(renderables, export)


def _print(out: Console, renderable: RenderableType) -> None:
    """Print one part of a view; a line the view marks as never to be cut (`no_wrap`, a URL)
    is left whole for the terminal to wrap."""
    from rich.text import Text

    out.print(renderable, soft_wrap=isinstance(renderable, Text) and renderable.no_wrap is True)


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
        _print(recorder, renderable)
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
    write_export(export, content)


def write_export(export: Export, content: str) -> None:
    """Save an export whole, or leave the old file as it was and say why."""
    from ecocareer.files import write_atomic

    try:
        write_atomic(export.path, content.encode("utf-8"))
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise OutputFailed(
            f"cannot write the export to {shown_path(export.path)}: {reason}; "
            "nothing was changed there."
        ) from None
    note(f"Saved the view to {export.path}.")


def emit_json(data: Any) -> None:
    """Pretty, stable JSON on stdout; escaped to ASCII where the stream cannot carry UTF-8."""
    import json

    utf = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "") == "utf8"
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=not utf) + "\n")


def emit_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> None:
    """CSV with a header row on stdout."""
    import csv

    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _csv_cell(value) for key, value in row.items()})


def _csv_cell(value: Any) -> Any:
    """Lists joined with ';', booleans spelled as in JSON (true/false), None empty."""
    if value is None:
        return ""
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
            ),
            soft_wrap=True,
        )
        for problem in error.problems[:MAX_PROBLEMS_SHOWN]:
            err.print(Text(printable(f"  {problem}")), soft_wrap=True)
        if count > MAX_PROBLEMS_SHOWN:
            err.print(Text(f"  ... and {count - MAX_PROBLEMS_SHOWN} more problems not shown"))
        if error.hint:
            err.print(Text(printable(error.hint)), soft_wrap=True)
    else:
        label = "Usage error" if isinstance(error, UsageError) else "Error"
        message = str(error) + (f" {error.hint}" if error.hint else "")
        # Soft wrap: the terminal folds the line, so a path or a term is never split by us.
        err.print(Text(f"{label}: ", style="bold red") + Text(printable(message)), soft_wrap=True)
