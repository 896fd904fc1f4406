"""`ecocareer data ...`: where the data comes from, and whether a directory is valid."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ecocareer.commands import data_directory
from ecocareer.commands.usage import Command, Group
from ecocareer.render.output import say

app = typer.Typer(
    cls=Group,
    help="Inspect and check the data ecocareer reads.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command(cls=Command, short_help="The data directory in use, and overlay.")
def path(ctx: typer.Context) -> None:
    """Print the data directory in use, then any overlay merged on top of it.

    The first line is the base data (bundled, --data-dir or
    ECOCAREER_DATA_DIR); an overlay ($ECOCAREER_OVERLAY, or the user data
    directory when it exists) follows with the files it holds.

    Example:

        ecocareer data path
    """
    from ecocareer.catalog.locations import overlay_dir

    say(str(data_directory(ctx)))
    overlay = overlay_dir()
    if overlay is not None:
        say(f"overlay: {overlay} ({', '.join(_files_in(overlay)) or 'no data files yet'})")


@app.command(cls=Command, short_help="Check the data; each problem with file:line.")
def validate(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="A full data directory to check on its own (default: the data in use, "
            "overlay included).",
            show_default=False,
            metavar="DIR",
        ),
    ] = None,
) -> None:
    """Check the data and report every problem with file:line (exit 1 if any).

    Examples:

        ecocareer data validate

        ecocareer data validate ./my-data
    """
    from ecocareer.catalog.loading import load_catalog
    from ecocareer.catalog.locations import overlay_dir

    overlay = None if directory else overlay_dir()
    checked = directory or data_directory(ctx)
    catalog = load_catalog(checked, overlay)
    merged = f" with the overlay {overlay}" if overlay else ""
    say(
        f"OK: {checked}{merged} is valid: {len(catalog.layers)} layers, "
        f"{len(catalog.roles)} roles, {len(catalog.skills)} skills, "
        f"{len(catalog.bands)} salary bands, {len(catalog.sources)} sources."
    )


@app.command(cls=Command, short_help="Write a commented starter overlay.")
def init(
    directory: Annotated[
        str | None,
        typer.Argument(
            help="Where to write the overlay (default: your user data directory).",
            show_default=False,
            metavar="DIR",
        ),
    ] = None,
) -> None:
    """Write a commented starter overlay: your own salaries and roles on top of ours.

    It never replaces a file: a directory that already holds one of the
    overlay's files (or a link by that name) is refused.

    Examples:

        ecocareer data init

        ecocareer data init ./my-overlay
    """
    from ecocareer.catalog.locations import default_overlay_dir
    from ecocareer.catalog.overlay import TEMPLATES
    from ecocareer.errors import UsageError, printable
    from ecocareer.files import write_atomic
    from ecocareer.render.output import shown_path

    if directory is not None and not directory.strip():
        raise UsageError("data init needs a directory name; leave DIR out for the default.")
    target = Path(directory).expanduser() if directory else default_overlay_dir()
    shown = shown_path(target)
    if printable(str(target)) != str(target):
        raise UsageError(f"the directory name {shown} holds control characters; choose another.")
    written: list[Path] = []
    try:
        existing = [name for name in TEMPLATES if os.path.lexists(target / name)]
        if existing:
            raise UsageError(
                f"{shown} already holds {', '.join(existing)}; ecocareer will not overwrite it."
            )
        target.mkdir(parents=True, exist_ok=True)
        for name, text in TEMPLATES.items():
            write_atomic(target / name, text.encode("utf-8"), replace=False)
            written.append(target / name)
    except (OSError, UnicodeError) as error:
        for path in written:  # all or nothing: a half-written overlay would confuse later runs
            path.unlink(missing_ok=True)
        reason = getattr(error, "strerror", None) or "not a usable path"
        raise UsageError(f"cannot write the overlay to {shown} ({reason}).") from None
    say(f"Wrote {', '.join(TEMPLATES)} to {shown}.")
    if directory is not None:
        say(f"Use it with ECOCAREER_OVERLAY={shown}, then run `ecocareer data validate`.")
    else:
        say("ecocareer merges it from now on; check it with `ecocareer data validate`.")


def _files_in(directory: Path) -> list[str]:
    from ecocareer.catalog.locations import DATA_FILES

    return [name for name in DATA_FILES if (directory / name).exists()]
