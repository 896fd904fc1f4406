"""`ecocareer layers`: the map of the marketing ecosystem."""

from __future__ import annotations

import typer

from ecocareer.commands import FormatOption, load
from ecocareer.output import RICH_AND_DOCUMENTS, Format, require_format


def layers(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """Show the four layers of the ecosystem: what each does, feeds and needs, and how it fails.

    Examples:

        ecocareer layers

        ecocareer layers --format markdown > ecosystem.md
    """
    require_format(fmt, RICH_AND_DOCUMENTS)
    from ecocareer.ecosystem import ecosystem_map
    from ecocareer.render import layers as render

    render.layers(ecosystem_map(load(ctx)), fmt)
