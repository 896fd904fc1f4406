"""`ecocareer tshape`: the shape of your "T", your career phase and your next moves."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ecocareer.commands import (
    ExportOption,
    ForceOption,
    FormatOption,
    SkillLevelsOption,
    export_to,
    load,
    person,
)
from ecocareer.errors import UsageError
from ecocareer.render.output import emit


def tshape(
    ctx: typer.Context,
    skill: SkillLevelsOption = None,
    profile: Annotated[
        Path | None,
        typer.Option(
            "--profile",
            metavar="FILE",
            help="A YAML file with your levels, e.g. 'skills: {seo: 5, copywriting: 2}'. "
            "--skill flags win over it.",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = "table",
    export: ExportOption = None,
    force: ForceOption = False,
) -> None:
    """Draw your T from your skill levels, name your phase and rank the roles that fit you.

    Levels: 0 none, 1 aware, 2 working, 3 practitioner, 4 advanced, 5 expert.
    Without --skill or --profile, the skills saved with `ecocareer profile set`.

    Fit of a role: each of its skills counts your level up to 4 (advanced) out
    of 4; core skills count double, supporting skills once; the fit is that
    weighted share as a percentage. You "have" a skill at level 2 or more.

    Phase: deep means a skill at 4 or more; broad means level 2 or more in 3
    of the 4 layers. Deep and broad is T-shaped; deep only, broaden again;
    broad only, go deep; neither, start wide.

    Examples:

        ecocareer tshape --skill seo=5 --skill copywriting=2 --skill analytics=2

        ecocareer tshape --profile me.yaml --skill cro=3

        ecocareer tshape --profile me.yaml --format json

        ecocareer tshape --profile me.yaml --export my-t.svg
    """
    export_file = export_to(ctx, export, fmt, force, profile)
    from ecocareer import tshape as domain
    from ecocareer.commands import inputs
    from ecocareer.render import tshape as render

    catalog = load(ctx)
    levels = inputs.profile_levels(catalog, profile) if profile else {}
    levels.update(inputs.skill_flags(catalog, skill or []))
    you = person(ctx, catalog)
    levels = you.fill("skills", levels)
    if not levels:
        raise UsageError(
            "Give your skill levels with --skill SKILL=LEVEL (e.g. --skill seo=4), "
            "--profile FILE, or save them once: ecocareer profile set --skill seo=4."
        )
    you.tell()
    emit(render.VIEW, domain.assess(catalog, levels), fmt, export_file)
