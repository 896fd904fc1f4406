"""`ecocareer sources`: the works the data cites."""

from __future__ import annotations

import typer

from ecocareer.commands import ExportOption, ForceOption, ListingFormatOption, export_to, load
from ecocareer.render.output import emit


def sources(
    ctx: typer.Context,
    fmt: ListingFormatOption = "table",
    export: ExportOption = None,
    force: ForceOption = False,
) -> None:
    """List the sources every figure and description is drawn from.

    Examples:

        ecocareer sources

        ecocareer sources --format csv > sources.csv
    """
    export_file = export_to(ctx, export, fmt, force)
    from ecocareer.render import sources as render

    emit(render.VIEW, load(ctx).sources, fmt, export_file)
