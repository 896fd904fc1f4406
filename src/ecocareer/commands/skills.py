"""`ecocareer skills`: every skill, the words to type for it, and the roles that use it."""

from __future__ import annotations

from typing import Annotated

import typer

from ecocareer.commands import (
    ExportOption,
    ForceOption,
    ListingFormatOption,
    completion,
    export_to,
    load,
)
from ecocareer.render.output import emit


def skills(
    ctx: typer.Context,
    skill: Annotated[
        str | None,
        typer.Argument(
            help="Show only this skill (id, name or alias, e.g. seo).",
            show_default=False,
            metavar="SKILL",
            autocompletion=completion.skills,
        ),
    ] = None,
    layer: Annotated[
        str | None,
        typer.Option(
            "--layer",
            "-l",
            help="Only this layer's skills (e.g. converters).",
            show_default=False,
            metavar="LAYER",
            autocompletion=completion.layers,
        ),
    ] = None,
    fmt: ListingFormatOption = "table",
    export: ExportOption = None,
    force: ForceOption = False,
) -> None:
    """List the skills with their ids and aliases, and the roles that use each one.

    A role uses a skill as core (what it is built on) or supporting (what it
    draws on). The id or any alias is what --skill SKILL=LEVEL takes.

    Examples:

        ecocareer skills

        ecocareer skills --layer converters

        ecocareer skills analytics --format json
    """
    export_file = export_to(ctx, export, fmt, force)
    from ecocareer import lookup
    from ecocareer.render import skills as render
    from ecocareer.skills import skill_index

    catalog = load(ctx)
    skill_id = lookup.skills(catalog).resolve(skill) if skill is not None else None
    layer_id = lookup.layers(catalog).resolve(layer) if layer is not None else None
    emit(render.VIEW, skill_index(catalog, layer_id, skill_id), fmt, export_file)
