"""`ecocareer next`: the moves open from a role, ranked, with skills, pay and sourcing."""

from __future__ import annotations

from typing import Annotated

import typer

from ecocareer.commands import (
    ExportOption,
    ForceOption,
    FormatOption,
    SkillLevelsOption,
    completion,
    country_option,
    export_to,
    load,
    person,
)
from ecocareer.errors import UsageError
from ecocareer.render.output import emit


def next_moves(
    ctx: typer.Context,
    role: Annotated[
        str | None,
        typer.Argument(
            help="The role you hold (default: your profile's role).",
            show_default=False,
            metavar="ROLE",
            autocompletion=completion.roles,
        ),
    ] = None,
    country: Annotated[
        str | None,
        country_option("Pay in this country (default: your profile's, else us)."),
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            help="Your level, for the pay you would enter at (default: your profile's).",
            show_default=False,
            metavar="LEVEL",
            autocompletion=completion.levels,
        ),
    ] = None,
    skill: SkillLevelsOption = None,
    fmt: FormatOption = "table",
    export: ExportOption = None,
    force: ForceOption = False,
) -> None:
    """Show the moves open from a role: kind, sourcing, shared and new skills, pay.

    Each move is one of the role's career links: a step up (into or within the
    Architects) or a sideways move, stated by the sources or inferred by us.

    Examples:

        ecocareer next seo --country uk

        ecocareer next copywriter --level mid --skill email=3

        ecocareer next --format json
    """
    export_file = export_to(ctx, export, fmt, force)
    from ecocareer import lookup
    from ecocareer.commands import inputs
    from ecocareer.moves import moves_from
    from ecocareer.render import moves as render

    catalog = load(ctx)
    you = person(ctx, catalog)
    role_id = you.fill("role", lookup.roles(catalog).resolve(role) if role else None)
    if role_id is None:
        raise UsageError(
            "Name the role you hold, e.g. ecocareer next seo "
            "(or save it once: ecocareer profile set --role ROLE)."
        )
    country_id = (
        you.fill("country", lookup.countries(catalog).resolve(country) if country else None)
        or catalog.default_country().id
    )
    level_id = you.fill("level", lookup.levels(catalog).resolve(level) if level else None)
    skills = you.fill("skills", inputs.skill_flags(catalog, skill or []))
    you.tell()
    emit(render.VIEW, moves_from(catalog, role_id, country_id, level_id, skills), fmt, export_file)
