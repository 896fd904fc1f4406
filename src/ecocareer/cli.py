"""The `ecocareer` command line: global options, the command list, and error handling.

Each command lives in `ecocareer.commands.<name>`; this module only wires them up.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from importlib import import_module
from pathlib import Path
from typing import Annotated, Any, cast

import typer
from typer._click import Context as ClickContext
from typer._click import HelpFormatter

from ecocareer import __version__
from ecocareer.commands import LISTINGS, Settings, completion
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


# The commands in the order a person meets them: where each lives (a function, or a Typer
# app of subcommands, in `ecocareer.commands.<module>`) and its summary in `--help`,
# short enough to read whole even at 40 columns.
COMMANDS = {
    "layers": ("layers:layers", "The four layers and how each fails."),
    "roles": ("roles:roles", "Roles by layer, or one role's card."),
    "skills": ("skills:skills", "Skills, their ids and who uses them."),
    "salary": ("salary:salary", "What roles pay, level by level."),
    "roadmap": ("roadmap:roadmap", "The T-shaped route between two roles."),
    "next": ("next:next_moves", "Where you can move from a role."),
    "compare": ("compare:compare", "Two roles side by side."),
    "tshape": ("tshape:tshape", "Your T, your phase, the roles that fit."),
    "plan": ("plan:plan", "Your whole plan on one page."),
    "diagnose": ("diagnose:diagnose", "What a team's layers are missing."),
    "profile": ("profile:app", "Save who you are, for every command."),
    "sources": ("sources:sources", "The works every figure comes from."),
    "data": ("data:app", "Inspect and check the data in use."),
}


class _Commands(Mapping[str, Any]):
    """The command table, building a command's Click object the first time it is asked for."""

    def __init__(self) -> None:
        self.built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self.built:
            where, summary = COMMANDS[name]
            module, _, attribute = where.partition(":")
            target = getattr(import_module(f"ecocareer.commands.{module}"), attribute)
            command: Any
            if isinstance(target, typer.Typer):
                command = typer.main.get_group(target)
                command.short_help = summary
            else:
                single = typer.Typer(add_completion=False, rich_markup_mode=None)
                single.command(name, cls=Command, short_help=summary)(target)
                command = typer.main.get_command(single)
            command.name = name
            self.built[name] = command
        return self.built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


class Ecocareer(Group):
    """Lists the commands in the order a person meets them, and builds only the one a run
    invokes (building all costs more than most answers); `--help`, suggestions and
    completion see every command through the same table."""

    order = tuple(COMMANDS)

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.commands = cast(Any, _Commands())  # read only: no command is added later

    def list_commands(self, ctx: ClickContext) -> list[str]:
        return list(COMMANDS)

    def format_commands(self, ctx: ClickContext, formatter: HelpFormatter) -> None:
        """The commands and their summaries, from the table: `--help` builds none of them."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, summary) for name, (_, summary) in COMMANDS.items()])


app = typer.Typer(
    name="ecocareer",
    help=HELP,
    cls=Ecocareer,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,  # ours honour the shell named: see main_options
    context_settings={"help_option_names": ["-h", "--help"]},
)


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
