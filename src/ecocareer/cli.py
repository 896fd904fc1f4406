"""The `ecocareer` command line: global options, the command list, and error handling.

Each command lives in `ecocareer.commands.<name>`; this module only wires them up.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated

import typer

from ecocareer import __version__
from ecocareer.commands import (
    LISTINGS,
    Settings,
    compare,
    completion,
    data,
    diagnose,
    layers,
    next,
    plan,
    profile,
    roadmap,
    roles,
    salary,
    skills,
    sources,
    tshape,
)
from ecocareer.commands.usage import Command, Group
from ecocareer.errors import DataError, EcoCareerError, OutputClosed, UnknownTerm
from ecocareer.render.output import say

HELP = """A career advisor for digital marketing: roles, salaries and T-shaped roadmaps.

Examples:

    ecocareer roles --layer distributors

    ecocareer salary seo --country uk

    ecocareer roadmap --from seo --to director --export roadmap.svg

Every command explains itself: ecocareer COMMAND --help.
"""


class Ecocareer(Group):
    """The commands in the order a person meets them."""

    order = (
        "layers", "roles", "skills", "salary", "roadmap", "next", "compare", "tshape",
        "plan", "diagnose", "profile", "sources", "data",
    )  # fmt: skip


app = typer.Typer(
    name="ecocareer",
    help=HELP,
    cls=Ecocareer,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,  # ours honour the shell named: see main_options
    context_settings={"help_option_names": ["-h", "--help"]},
)
# Summaries short enough to read whole in `ecocareer --help`, even at 40 columns.
app.command("layers", cls=Command, short_help="The four layers and how each fails.")(layers.layers)
app.command("roles", cls=Command, short_help="Roles by layer, or one role's card.")(roles.roles)
app.command("skills", cls=Command, short_help="Skills, their ids and who uses them.")(skills.skills)
app.command("salary", cls=Command, short_help="What roles pay, level by level.")(salary.salary)
app.command("roadmap", cls=Command, short_help="The T-shaped route between two roles.")(
    roadmap.roadmap
)
app.command("next", cls=Command, short_help="Where you can move from a role.")(next.next_moves)
app.command("compare", cls=Command, short_help="Two roles side by side.")(compare.compare)
app.command("tshape", cls=Command, short_help="Your T, your phase, the roles that fit.")(
    tshape.tshape
)
app.command("plan", cls=Command, short_help="Your whole plan on one page.")(plan.plan)
app.command("diagnose", cls=Command, short_help="What a team's layers are missing.")(
    diagnose.diagnose
)
app.add_typer(profile.app, name="profile", short_help="Save who you are, for every command.")
app.command("sources", cls=Command, short_help="The works every figure comes from.")(
    sources.sources
)
app.add_typer(data.app, name="data", short_help="Inspect and check the data in use.")


def _show_version(value: bool) -> None:
    if value:
        say(f"ecocareer {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_options(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            envvar="ECOCAREER_DATA_DIR",
            metavar="DIR",
            help="Use the data files in DIR instead of the bundled data.",
            show_default=False,
        ),
    ] = None,
    no_profile: Annotated[
        bool,
        typer.Option(
            "--no-profile",
            help="Ignore your saved profile for this run (as does ECOCAREER_PROFILE= empty).",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    install_completion: Annotated[
        str | None,
        completion.shell_option(
            "--install-completion",
            completion.install_script,
            "Install completion for SHELL (bash, zsh, fish, powershell); "
            "it works in the next shell you open.",
        ),
    ] = None,
    show_completion: Annotated[
        str | None,
        completion.shell_option(
            "--show-completion",
            completion.show_script,
            "Print the completion script for SHELL, to add to its start-up file yourself.",
        ),
    ] = None,
) -> None:
    """A career advisor for digital marketing: roles, salaries and T-shaped roadmaps."""
    ctx.obj = Settings(data_dir=data_dir, no_profile=no_profile)
    if ctx.invoked_subcommand is None:
        from ecocareer.render import welcome
        from ecocareer.render.output import show, writing

        with writing():
            show(*welcome.view())


DATA_HINT = "Fix the file(s) named above, then run `ecocareer data validate` again."


def _with_hint(error: EcoCareerError) -> EcoCareerError:
    """The error with what to do next, where the layer that raised it could not say."""
    if error.hint is None:
        if isinstance(error, UnknownTerm) and error.kind in LISTINGS:
            error.hint = f"See them all with `{LISTINGS[error.kind]}`."
        elif isinstance(error, DataError):
            error.hint = DATA_HINT
    return error


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: run the app, turning our errors into exit codes."""
    try:
        app(args=argv, prog_name="ecocareer")
    except OutputClosed:
        raise SystemExit(0) from None
    except EcoCareerError as error:
        from ecocareer.render.output import report_error

        with contextlib.suppress(OSError):  # stderr itself may be full or closed
            report_error(_with_hint(error))
        raise SystemExit(error.exit_code) from None
