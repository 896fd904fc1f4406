"""`ecocareer sources`: the works the data cites."""

from __future__ import annotations

import typer

from ecocareer.commands import ExportOption, FormatOption, load
from ecocareer.output import LISTINGS, Format, export_target, require_format


def sources(
    ctx: typer.Context, fmt: FormatOption = Format.table, export: ExportOption = None
) -> None:
    """List the sources every figure and description is drawn from.

    Examples:

        ecocareer sources

        ecocareer sources --format csv > sources.csv
    """
    require_format(fmt, LISTINGS)
    export_to = export_target(export, fmt, ctx.command_path)
    from ecocareer.render import sources as render

    render.sources(load(ctx).sources, fmt, export_to)
