"""`ecocareer roadmap`: the T-shaped route from one role to another."""

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


def roadmap(
    ctx: typer.Context,
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="The role you are in now (e.g. seo); default: your profile's role.",
            show_default=False,
            metavar="ROLE",
            autocompletion=completion.roles,
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="The role you want to reach (e.g. director); default: your profile's target.",
            show_default=False,
            metavar="ROLE",
            autocompletion=completion.roles,
        ),
    ] = None,
    country: Annotated[
        str | None,
        country_option("Show pay in this country's bands (default: your profile's, else us)."),
    ] = None,
    skill: SkillLevelsOption = None,
    fmt: FormatOption = "table",
    export: ExportOption = None,
    force: ForceOption = False,
) -> None:
    """Plan the route from one role to another, step by step, the T-shaped way.

    The route follows the roles' "leads to" links with the fewest moves;
    among equally short routes it takes the one with the fewest new skills
    to learn. Each step shows its phase (start wide, go deep, broaden
    again), the skills to build on arriving, the years of experience and
    the pay the sources give, and advice for that phase. Pay is the start
    role's middle level and each later role's entry level. The same role
    twice gives advice on going deeper.

    Examples:

        ecocareer roadmap --from seo --to director --country uk

        ecocareer roadmap --from copywriter --to cmo --country ca --skill copywriting=5

        ecocareer roadmap --from cmo --to copywriter --format json

        ecocareer roadmap --from ppc --to ppc

        ecocareer roadmap --from seo --to director --export roadmap.svg
    """
    export_file = export_to(ctx, export, fmt, force)
    from ecocareer import lookup
    from ecocareer import roadmap as domain
    from ecocareer.render import roadmap as render

    catalog = load(ctx)
    roles = lookup.roles(catalog)
    you = person(ctx, catalog)
    start_id = you.fill("role", roles.resolve(start) if start else None)
    target_id = you.fill("target", roles.resolve(target) if target else None)
    for given, flag, field in ((start_id, "--from", "role"), (target_id, "--to", "target")):
        if given is None:
            raise UsageError(
                f"Missing option {flag} ROLE, e.g. ecocareer roadmap --from seo --to director "
                f"(or save it once: ecocareer profile set --{field} ROLE)."
            )
    country_id = (
        you.fill("country", lookup.countries(catalog).resolve(country) if country else None)
        or catalog.default_country().id
    )
    from ecocareer.commands import inputs

    skills = you.fill("skills", inputs.skill_flags(catalog, skill or []))
    route = domain.roadmap(
        catalog,
        start_id,
        target_id,
        country_id,
        skills,
        you.fill("level", None),
        you.fill("pay", None) if country_id == you.profile.country else None,
    )
    you.tell()
    emit(render.VIEW, route, fmt, export_file)
