"""`ecocareer salary`: what roles pay, level by level, per country."""

from __future__ import annotations

from typing import Annotated

import typer

from ecocareer.commands import (
    ExportOption,
    ForceOption,
    ListingFormatOption,
    Person,
    completion,
    export_to,
    load,
    person,
)
from ecocareer.render.output import emit


def salary(
    ctx: typer.Context,
    roles: Annotated[
        list[str],
        typer.Argument(
            metavar="ROLE",
            help="One or more roles (id, name or alias).",
            show_default=False,
            autocompletion=completion.roles,
        ),
    ],
    countries: Annotated[
        list[str] | None,
        typer.Option(
            "--country",
            "-c",
            metavar="COUNTRY",
            autocompletion=completion.countries,
            help="Only this country (repeatable); default: your profile's, else all.",
            show_default=False,
        ),
    ] = None,
    levels: Annotated[
        list[str] | None,
        typer.Option(
            "--level",
            metavar="LEVEL",
            autocompletion=completion.levels,
            help="Only this level (repeatable); default: all.",
            show_default=False,
        ),
    ] = None,
    mine: Annotated[
        int | None,
        typer.Option(
            "--mine",
            help="Your yearly pay: where it sits in each band (needs one country; "
            "default: your profile's pay).",
            show_default=False,
            metavar="AMOUNT",
        ),
    ] = None,
    fmt: ListingFormatOption = "table",
    export: ExportOption = None,
    force: ForceOption = False,
) -> None:
    """Show salary ranges by level; several roles are compared side by side.

    Examples:

        ecocareer salary seo --country uk

        ecocareer salary seo ppc cro --country us --level mid --level senior

        ecocareer salary director --format csv > director.csv

        ecocareer salary seo ppc --country uk --export pay.svg

        ecocareer salary seo --country uk --mine 45000
    """
    export_file = export_to(ctx, export, fmt, force)
    from ecocareer import lookup
    from ecocareer.render import salary as render
    from ecocareer.salary import salary_report

    catalog = load(ctx)
    you = person(ctx, catalog)
    country_ids = lookup.countries(catalog).resolve_all(countries or [])
    if not country_ids and you.profile.country:
        country_ids = [you.fill("country", None)]
    pay = _own_pay(mine, country_ids, you)
    report = salary_report(
        catalog,
        lookup.roles(catalog).resolve_all(roles),
        country_ids,
        lookup.levels(catalog).resolve_all(levels or []),
        pay,
    )
    you.tell()
    emit(render.VIEW, report, fmt, export_file)


def _own_pay(given: int | None, country_ids: list[str], you: Person) -> int | None:
    """The pay to place: --mine, else the profile's pay when the one country shown is the
    profile's own (a saved pay is in that country's currency, never converted)."""
    from ecocareer.errors import UsageError
    from ecocareer.profile import MAX_PAY

    if given is not None and not 0 <= given <= MAX_PAY:
        raise UsageError(f"--mine must be a yearly pay from 0 to {MAX_PAY:,}.")
    if given is not None and len(country_ids) != 1:
        raise UsageError(
            "--mine places your pay in one country's bands (currencies are never mixed): "
            "give --country once, or save it: ecocareer profile set --country C."
        )
    saved_country = you.profile.country
    if given is None and len(country_ids) == 1 and saved_country in (None, country_ids[0]):
        pay: int | None = you.fill("pay", None)
        return pay
    return given
