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

from ecocareer.output import Format

if TYPE_CHECKING:
    from ecocareer.catalog import Catalog
    from ecocareer.documents import YamlDocument


@dataclass(frozen=True)
class Settings:
    """Global options, kept on the Typer context for every command."""

    data_dir: Path | None = None


FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="Output format: table, json or markdown; listings (roles, salary, sources) also csv.",
    ),
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


def _data_dir_option(ctx: typer.Context) -> Path | None:
    return ctx.obj.data_dir if isinstance(ctx.obj, Settings) else None


def data_directory(ctx: typer.Context) -> Path:
    """The data directory this run uses."""
    from ecocareer.locations import data_dir

    return data_dir(_data_dir_option(ctx))


def load(ctx: typer.Context) -> Catalog:
    """The catalog this run uses (data directory, overlay, cache)."""
    from ecocareer.loading import load_in_use

    return load_in_use(_data_dir_option(ctx))


def read_input_file(path: Path) -> YamlDocument:
    """A YAML file the user gave (a profile, a team): its problems are usage errors (exit 2)."""
    from ecocareer.errors import DataError, UsageError
    from ecocareer.yamlsafe import read_yaml

    try:
        return read_yaml(path)
    except DataError as error:
        raise UsageError(str(error)) from None
