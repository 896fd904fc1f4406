"""`ecocareer roles`: the role explorer, as a list by layer or as one role's card."""

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
    person,
)
from ecocareer.errors import UsageError
from ecocareer.render.output import emit


def roles(
    ctx: typer.Context,
    role: Annotated[
        str | None,
        typer.Argument(
            help="Show this role's card (id, name or alias, e.g. seo).",
            show_default=False,
            metavar="ROLE",
            autocompletion=completion.roles,
        ),
    ] = None,
    layer: Annotated[
        str | None,
        typer.Option(
            "--layer",
            "-l",
            help="List only this layer's roles (e.g. distributors, channel).",
            metavar="LAYER",
            autocompletion=completion.layers,
        ),
    ] = None,
    skill: Annotated[
        str | None,
        typer.Option(
            "--skill",
            "-s",
            help="List only the roles that use this skill, core or supporting (e.g. seo).",
            show_default=False,
            metavar="SKILL",
            autocompletion=completion.skills,
        ),
    ] = None,
    country: Annotated[
        list[str] | None,
        typer.Option(
            "--country",
            "-c",
            help="Salaries in this country (us, ca, uk, au); repeat it on a card. "
            "Default: US on the list, every country on a card.",
            show_default=False,
            metavar="COUNTRY",
            autocompletion=completion.countries,
        ),
    ] = None,
    fmt: ListingFormatOption = "table",
    export: ExportOption = None,
    force: ForceOption = False,
) -> None:
    """List the roles by layer, or show one role's card: skills, next steps, salary, sources.

    With ROLE and --format csv, the role's row of the list (same columns).

    Examples:

        ecocareer roles

        ecocareer roles --layer distributors --country uk

        ecocareer roles --skill analytics

        ecocareer roles seo

        ecocareer roles "growth marketer" --country uk --country us

        ecocareer roles --format csv > roles.csv

        ecocareer roles seo --export seo.html
    """
    if role is not None and (layer is not None or skill is not None):
        raise UsageError(
            "--layer and --skill filter the role list; leave them out when you name a role."
        )
    export_file = export_to(ctx, export, fmt, force)
    from ecocareer import lookup
    from ecocareer import roles as domain
    from ecocareer.render import roles as render

    catalog = load(ctx)
    you = person(ctx, catalog)
    countries = lookup.countries(catalog).resolve_all(country or [])
    if not countries and you.profile.country:
        countries = [you.fill("country", None)]
    you.tell()
    role_id = lookup.roles(catalog).resolve(role) if role is not None else None
    if role_id is not None and fmt != "csv":
        emit(render.CARD, domain.role_card(catalog, role_id, countries), fmt, export_file)
        return
    if len(countries) > 1:
        raise UsageError("The role list shows one country's salaries; give --country once.")
    layer_id = lookup.layers(catalog).resolve(layer) if layer is not None else None
    if skill is not None:
        from ecocareer.skills import roles_using

        only = roles_using(catalog, lookup.skills(catalog).resolve(skill))
    else:
        only = (role_id,) if role_id else ()
    listing = domain.role_list(catalog, layer_id, countries[0] if countries else None, only)
    emit(render.LIST, listing, fmt, export_file)
