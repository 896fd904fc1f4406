"""What the command modules share: the --format and --export options and the catalog of this run.

Command modules import only Typer and light modules at the top; Rich,
Pydantic and YAML load inside the command that needs them, so `--help` and
every command start fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ecocareer.render.output import DocumentFormat, ListingFormat

if TYPE_CHECKING:
    from ecocareer.catalog.index import Catalog


@dataclass(frozen=True)
class Settings:
    """Global options, kept on the Typer context for every command."""

    data_dir: Path | None = None


# Where to look up the terms of each kind, said after an unknown term.
LISTINGS = {
    "role": "ecocareer roles",
    "layer": "ecocareer layers",
    "skill": "ecocareer roles ROLE",
    "country": "ecocareer salary ROLE",
    "level": "ecocareer salary ROLE",
}

# Each command offers exactly the formats its view has; --help lists those.
FormatOption = Annotated[
    DocumentFormat,
    typer.Option("--format", "-f", case_sensitive=False, help="Output format."),
]
ListingFormatOption = Annotated[
    ListingFormat,
    typer.Option("--format", "-f", case_sensitive=False, help="Output format."),
]

ExportOption = Annotated[
    Path | None,
    typer.Option(
        "--export",
        metavar="FILE",
        help="Also save the table view to FILE as a picture or text, by extension: "
        ".svg, .html (or .htm) or .txt. 80 columns wide, the same bytes every run.",
        show_default=False,
        dir_okay=False,
    ),
]


ForceOption = Annotated[
    bool,
    typer.Option("--force", help="Let --export replace a file that already exists."),
]


def _data_dir_option(ctx: typer.Context) -> Path | None:
    return ctx.obj.data_dir if isinstance(ctx.obj, Settings) else None


def data_directory(ctx: typer.Context) -> Path:
    """The data directory this run uses."""
    from ecocareer.catalog.locations import data_dir

    return data_dir(_data_dir_option(ctx))


def load(ctx: typer.Context) -> Catalog:
    """The catalog this run uses (data directory, overlay, cache)."""
    from ecocareer.catalog.loading import load_in_use

    return load_in_use(_data_dir_option(ctx))
