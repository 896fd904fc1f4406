"""`ecocareer salary`: what roles pay, level by level, per country."""

from __future__ import annotations

from typing import Annotated

import typer

from ecocareer.commands import (
    ExportOption,
    ForceOption,
    ListingFormatOption,
    completion,
    load,
    person,
)
from ecocareer.render.output import emit, export_target


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
            "-l",
            metavar="LEVEL",
            autocompletion=completion.levels,
            help="Only this level (repeatable); default: all.",
            show_default=False,
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
    """
    export_to = export_target(export, fmt, ctx.command_path, force=force)
    from ecocareer import lookup
    from ecocareer.render import salary as render
    from ecocareer.salary import salary_report

    catalog = load(ctx)
    you = person(ctx, catalog)
    country_ids = lookup.countries(catalog).resolve_all(countries or [])
    report = salary_report(
        catalog,
        lookup.roles(catalog).resolve_all(roles),
        [you.fill("country", None)] if not country_ids and you.profile.country else country_ids,
        lookup.levels(catalog).resolve_all(levels or []),
    )
    you.tell()
    emit(render.VIEW, report, fmt, export_to)
