"""`ecocareer layers`: the map of the marketing ecosystem."""

from __future__ import annotations

import typer

from ecocareer.commands import ExportOption, ForceOption, FormatOption, export_to, load
from ecocareer.render.output import emit


def layers(
    ctx: typer.Context,
    fmt: FormatOption = "table",
    export: ExportOption = None,
    force: ForceOption = False,
) -> None:
    """Show the four layers of the ecosystem: what each does, feeds and needs, and how it fails.

    Examples:

        ecocareer layers

        ecocareer layers --format markdown > ecosystem.md

        ecocareer layers --export ecosystem.svg
    """
    export_file = export_to(ctx, export, fmt, force)
    from ecocareer.layers import ecosystem_map
    from ecocareer.render import layers as render

    emit(render.VIEW, ecosystem_map(load(ctx)), fmt, export_file)
