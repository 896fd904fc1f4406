"""`ecocareer data ...`: where the data comes from, and whether a directory is valid."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ecocareer.commands import data_directory

app = typer.Typer(
    help="Inspect and check the data ecocareer reads.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command()
def path(ctx: typer.Context) -> None:
    """Print the data directory in use (bundled, --data-dir or ECOCAREER_DATA_DIR).

    Example:

        ecocareer data path
    """
    typer.echo(str(data_directory(ctx)))


@app.command()
def validate(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Argument(help="Directory to check (default: the data in use).", show_default=False),
    ] = None,
) -> None:
    """Check a data directory and report every problem with file:line (exit 1 if any).

    Examples:

        ecocareer data validate

        ecocareer data validate ./my-data
    """
    from ecocareer.loading import load_catalog

    checked = directory or data_directory(ctx)
    catalog = load_catalog(checked)
    typer.echo(
        f"OK: {checked} is valid: {len(catalog.layers)} layers, {len(catalog.roles)} roles, "
        f"{len(catalog.skills)} skills, {len(catalog.bands)} salary bands, "
        f"{len(catalog.sources)} sources."
    )
