"""`ecocareer diagnose`: which layers a team covers and the failure modes it invites."""

from __future__ import annotations

from pathlib import Path
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
    person,
)
from ecocareer.errors import UsageError
from ecocareer.render.output import emit


def diagnose(
    ctx: typer.Context,
    roles: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="ROLE",
            autocompletion=completion.roles,
            help="The roles on the team; repeat a role once per person.",
            show_default=False,
        ),
    ] = None,
    team_file: Annotated[
        Path | None,
        typer.Option(
            "--team-file",
            metavar="FILE",
            help="A YAML file with headcount by role, e.g. 'team: {seo: 2, copywriter: 1}'. "
            "Adds to the ROLE arguments.",
            show_default=False,
        ),
    ] = None,
    country: Annotated[
        str | None,
        country_option(
            "Pay of the roles that would close a gap, in this country "
            "(default: your profile's, else us)."
        ),
    ] = None,
    fmt: FormatOption = "table",
    export: ExportOption = None,
    force: ForceOption = False,
) -> None:
    """Check a team's cover of the four layers and the failure modes it invites.

    Examples:

        ecocareer diagnose seo ppc social-media

        ecocareer diagnose seo seo copywriter cro marketing-manager

        ecocareer diagnose seo ppc graphic-designer --country uk

        ecocareer diagnose --team-file team.yaml --format json

        ecocareer diagnose seo ppc copywriter --export team.txt
    """
    export_file = export_to(ctx, export, fmt, force, team_file)
    if not roles and team_file is None:
        raise UsageError(
            "Name the roles on the team (e.g. ecocareer diagnose seo ppc copywriter) "
            "or give --team-file FILE."
        )
    from ecocareer import diagnose as domain
    from ecocareer.commands import inputs
    from ecocareer.render import diagnose as render

    catalog = load(ctx)
    from_file = inputs.team_from_file(catalog, team_file) if team_file else {}
    team = inputs.combine(inputs.team_from_args(catalog, roles or []), from_file)
    from ecocareer import lookup

    you = person(ctx, catalog)
    country_id = you.fill(
        "country", lookup.countries(catalog).resolve(country) if country is not None else None
    )
    you.tell()
    emit(render.VIEW, domain.diagnose(catalog, team, country_id), fmt, export_file)
