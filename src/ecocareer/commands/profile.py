"""`ecocareer profile ...`: save who you are once, so every command answers for you."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ecocareer.commands import (
    FormatOption,
    SkillLevelsOption,
    completion,
    load,
    person,
    profile_file,
)
from ecocareer.commands.usage import Command, Group
from ecocareer.errors import UsageError, printable
from ecocareer.render.output import emit, say

app = typer.Typer(
    cls=Group,
    help="Save who you are (role, target, country, level, pay, skills) for every command.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

SKILLS_PER_LAYER = 3


def _path(ctx: typer.Context) -> Path:
    path = profile_file(ctx)
    if path is None:
        raise UsageError(
            "the profile is switched off (--no-profile or ECOCAREER_PROFILE set empty); "
            "set ECOCAREER_PROFILE=FILE or leave it unset to use one."
        )
    return path


def _save(ctx: typer.Context, values: dict[str, object]) -> Path:
    from ecocareer.catalog.profiles import save_profile

    path = _path(ctx)
    try:
        save_profile(path, values)
    except OSError as error:
        raise UsageError(
            f"cannot save your profile to {printable(str(path))} "
            f"({error.strerror or 'not a usable path'}); it is unchanged."
        ) from None
    return path


@app.command("set", cls=Command, short_help="Save or update your profile.")
def set_(
    ctx: typer.Context,
    role: Annotated[
        str | None,
        typer.Option(
            help="The role you hold now.", metavar="ROLE", autocompletion=completion.roles
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(help="The role you aim for.", metavar="ROLE", autocompletion=completion.roles),
    ] = None,
    country: Annotated[
        str | None,
        typer.Option(
            "--country",
            "-c",
            help="Where you work (us, ca, uk, au).",
            metavar="COUNTRY",
            autocompletion=completion.countries,
        ),
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(
            help="Your level: entry, mid, senior, executive.",
            metavar="LEVEL",
            autocompletion=completion.levels,
        ),
    ] = None,
    pay: Annotated[
        int | None,
        typer.Option(help="Your yearly pay, in your country's currency.", metavar="AMOUNT"),
    ] = None,
    skill: SkillLevelsOption = None,
) -> None:
    """Save or update your profile: what you give is merged into what is saved.

    Examples:

        ecocareer profile set --role copywriter --target cmo --country ca

        ecocareer profile set --level mid --pay 62000

        ecocareer profile set --skill copywriting=5 --skill content-strategy=advanced
    """
    from ecocareer import lookup
    from ecocareer.commands import inputs
    from ecocareer.profile import MAX_PAY, Profile

    if pay is not None and not 0 <= pay <= MAX_PAY:
        raise UsageError(f"--pay must be a whole number from 0 to {MAX_PAY:,}.")
    catalog = load(ctx)
    roles = lookup.roles(catalog)
    changes = Profile(
        role=roles.resolve(role) if role is not None else None,
        target=roles.resolve(target) if target is not None else None,
        country=lookup.countries(catalog).resolve(country) if country is not None else None,
        level=lookup.levels(catalog).resolve(level) if level is not None else None,
        pay=pay,
        skills=inputs.skill_flags(catalog, skill or []),
    )
    if changes.empty:
        raise UsageError(
            "Give something to save, e.g. ecocareer profile set --role seo --country uk."
        )
    saved = person(ctx, catalog).profile.merged(changes)
    path = _save(ctx, saved.values())
    say(f"Saved your profile to {path}.")


@app.command(cls=Command, short_help="Show your saved profile.")
def show(ctx: typer.Context, fmt: FormatOption = "table") -> None:
    """Show your saved profile.

    Examples:

        ecocareer profile show

        ecocareer profile show --format json
    """
    from ecocareer.profile import profile_card
    from ecocareer.render import profile as render

    _path(ctx)
    catalog = load(ctx)
    emit(render.VIEW, profile_card(catalog, person(ctx, catalog).profile), fmt)


@app.command(cls=Command, short_help="Forget your saved profile.")
def clear(ctx: typer.Context) -> None:
    """Forget your saved profile (the file is removed once it reads as a profile).

    Example:

        ecocareer profile clear
    """
    path = _path(ctx)
    person(ctx, load(ctx))  # a file that does not read as a profile is refused, not removed
    if not path.exists():
        say("There is no saved profile.")
        return
    path.unlink()
    say(f"Removed your profile ({path}).")


@app.command("path", cls=Command, short_help="Where your profile is kept.")
def path_(ctx: typer.Context) -> None:
    """Print where your profile is kept (ECOCAREER_PROFILE moves it).

    Example:

        ecocareer profile path
    """
    path = _path(ctx)
    say(f"{path}" + ("" if path.exists() else " (not saved yet)"))


@app.command("import", cls=Command, short_help="Fill your profile from a JSON Resume.")
def import_(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(help="A JSON Resume (resume.json).", metavar="FILE", show_default=False),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be saved, and save nothing.")
    ] = False,
) -> None:
    """Fill your profile from a JSON Resume: country, current role and level, skills.

    It says what it understood and what it could not map; a skill without a
    level it recognises is listed for you to rate, never guessed.

    Examples:

        ecocareer profile import resume.json --dry-run

        ecocareer profile import resume.json
    """
    import json

    from ecocareer.catalog.documents import read_bytes
    from ecocareer.errors import DataError
    from ecocareer.resume import looks_like_a_resume, read_resume

    shown_file = printable(str(file))
    try:
        data = json.loads(read_bytes(file, str(file)).decode("utf-8-sig"))
    except DataError as error:
        raise UsageError(str(error)) from None
    except UnicodeDecodeError:
        raise UsageError(f"{shown_file} is not UTF-8 text; save it as UTF-8.") from None
    except json.JSONDecodeError as error:
        raise UsageError(
            f"{shown_file}:{error.lineno}: not valid JSON ({error.msg.lower()})."
        ) from None
    except RecursionError:
        raise UsageError(f"{shown_file} is nested too deeply to be a résumé.") from None
    if not looks_like_a_resume(data):
        raise UsageError(
            f"{shown_file} is not a JSON Resume: it needs a 'basics', 'work' or 'skills' "
            "section (see jsonresume.org)."
        )
    catalog = load(ctx)
    reading = read_resume(catalog, data)
    lines = ["Understood:"] + [f"  {line}" for line in reading.understood or ["nothing"]]
    if reading.not_mapped:
        lines += ["Could not map:"] + [f"  {line}" for line in reading.not_mapped]
        lines.append("  (the words ecocareer knows: ecocareer roles, ecocareer skills)")
    if reading.to_rate:
        lines.append(
            "Rate these yourself (no level given): "
            + ", ".join(reading.to_rate)
            + " — e.g. ecocareer profile set --skill "
            + f"{reading.to_rate[0]}=3"
        )
    if dry_run:
        say("\n".join([*lines, "Dry run: nothing saved."]))
        return
    saved = person(ctx, catalog).profile.merged(reading.profile)
    path = _save(ctx, saved.values())
    say("\n".join([*lines, f"Saved your profile to {path}."]))


@app.command(cls=Command, short_help="Set up your profile step by step.")
def init(ctx: typer.Context) -> None:
    """Set up your profile step by step: role, target, country, level, then your skills.

    It asks in a terminal; in a script use `ecocareer profile set` instead.

    Example:

        ecocareer profile init
    """
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "profile init asks questions in a terminal; in a script use "
            "ecocareer profile set --role ROLE --country C --skill SKILL=LEVEL ..."
        )
    from ecocareer import lookup
    from ecocareer.commands import inputs
    from ecocareer.profile import Profile
    from ecocareer.tshape import skills_to_rate
    from ecocareer.vocabulary import SKILL_LEVELS

    catalog = load(ctx)
    saved = person(ctx, catalog).profile

    def ask(question: str, resolver: lookup.Resolver, current: str | None) -> str | None:
        while True:
            answer = typer.prompt(question, default=current or "", show_default=bool(current))
            if not answer.strip():
                return None
            try:
                return resolver.resolve(answer)
            except UsageError as error:
                typer.echo(str(error), err=True)

    role = ask("Your role now (e.g. copywriter; Enter to skip)", lookup.roles(catalog), saved.role)
    target = ask("The role you aim for (e.g. cmo)", lookup.roles(catalog), saved.target)
    country = ask("Your country (us, ca, uk, au)", lookup.countries(catalog), saved.country)
    level = ask("Your level (entry, mid, senior, executive)", lookup.levels(catalog), saved.level)
    typer.echo("Rate your skills: " + ", ".join(f"{n} {w}" for n, w in enumerate(SKILL_LEVELS)))
    skills: dict[str, int] = {}
    for layer, picks in skills_to_rate(catalog, SKILLS_PER_LAYER):
        typer.echo(f"{layer.name}:")
        for skill in picks:
            while True:
                answer = typer.prompt(f"  {skill.name}", default=str(saved.skills.get(skill.id, 0)))
                try:
                    skills[skill.id] = inputs.parse_level(answer)
                    break
                except ValueError as error:
                    typer.echo(f"  {error}; answer 0-5 or a level name.", err=True)
    changes = Profile(role, target, country, level, None, skills)
    path = _save(ctx, saved.merged(changes).values())
    say(f"Saved your profile to {path}. See it with: ecocareer profile show")
