"""`ecocareer compare`: two roles side by side."""

from __future__ import annotations

from typing import Annotated

import typer

from ecocareer.commands import (
    ExportOption,
    ForceOption,
    FormatOption,
    completion,
    country_option,
    export_to,
    load,
)
from ecocareer.errors import UsageError
from ecocareer.render.output import emit


def compare(
    ctx: typer.Context,
    first: Annotated[
        str,
        typer.Argument(
            help="The first role (e.g. seo).",
            show_default=False,
            metavar="ROLE",
            autocompletion=completion.roles,
        ),
    ],
    second: Annotated[
        str,
        typer.Argument(
            help="The second role.",
            show_default=False,
            metavar="ROLE",
            autocompletion=completion.roles,
        ),
    ],
    country: Annotated[
        str | None,
        country_option("Compare pay in this country only."),
    ] = None,
    fmt: FormatOption = "table",
    export: ExportOption = None,
    force: ForceOption = False,
) -> None:
    """Compare two roles: layers, skill overlap, what each must add, duties and pay.

    Skill overlap is the skills both roles name as a share of all the skills
    either names (core and supporting together). Pay differences are the
    second role's band minus the first's, for each country and level where
    the sources give both.

    Examples:

        ecocareer compare digital-media-strategist digital-marketer

        ecocareer compare seo ppc --country uk

        ecocareer compare seo director --format json

        ecocareer compare seo ppc --export seo-vs-ppc.html
    """
    export_file = export_to(ctx, export, fmt, force)
    from ecocareer import compare as domain
    from ecocareer import lookup
    from ecocareer.render import compare as render

    catalog = load(ctx)
    roles = lookup.roles(catalog)
    one, two = roles.resolve(first), roles.resolve(second)
    if one == two:
        raise UsageError(
            f"Compare needs two different roles; both were '{one}'. "
            f"See one role with `ecocareer roles {one}`."
        )
    country_id = lookup.countries(catalog).resolve(country) if country is not None else None
    emit(render.VIEW, domain.compare(catalog, one, two, country_id), fmt, export_file)
