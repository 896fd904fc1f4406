"""`ecocareer plan`: the whole answer for the person in the profile, to keep or hand on."""

from __future__ import annotations

from typing import Annotated

import typer

from ecocareer.commands import (
    ExportOption,
    ForceOption,
    FormatOption,
    country_option,
    export_to,
    load,
    person,
)
from ecocareer.errors import UsageError
from ecocareer.render.output import emit


def plan(
    ctx: typer.Context,
    country: Annotated[
        str | None, country_option("Pay in this country (default: your profile's, else us).")
    ] = None,
    fmt: FormatOption = "table",
    export: ExportOption = None,
    force: ForceOption = False,
) -> None:
    """Your plan on one page: your T, roles that fit, moves, route, pay, the guide's questions.

    It answers for the person in your profile (ecocareer profile init, or profile
    set); every part the profile has enough for. --export plan.html writes a real
    document to print or send, not a terminal picture.

    Examples:

        ecocareer plan

        ecocareer plan --export plan.html

        ecocareer plan --format markdown > plan.md
    """
    export_file = export_to(ctx, export, fmt, force)
    from ecocareer import lookup
    from ecocareer.plan import make_plan
    from ecocareer.render import plan as render

    catalog = load(ctx)
    you = person(ctx, catalog)
    if you.profile.empty:
        raise UsageError(
            "The plan is made from your profile, which is empty: run ecocareer profile init, "
            "or ecocareer profile set --role ROLE --target ROLE --skill SKILL=LEVEL ..."
        )
    country_id = (
        lookup.countries(catalog).resolve(country)
        if country
        else you.profile.country or catalog.default_country().id
    )
    emit(render.VIEW, make_plan(catalog, you.profile, country_id), fmt, export_file)
