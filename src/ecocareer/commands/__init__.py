"""What the command modules share: the --format and --export options and the catalog of this run.

Command modules import only Typer and light modules at the top; Rich,
Pydantic and YAML load inside the command that needs them, so `--help` and
every command start fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ecocareer.render.output import DocumentFormat, Export, ListingFormat

if TYPE_CHECKING:
    from ecocareer.catalog.index import Catalog
    from ecocareer.profile import Profile


@dataclass(frozen=True)
class Settings:
    """Global options, kept on the Typer context for every command."""

    data_dir: Path | None = None
    no_profile: bool = False


# Where to look up the terms of each kind, said after an unknown term.
LISTINGS = {
    "role": "ecocareer roles",
    "layer": "ecocareer layers",
    "skill": "ecocareer skills",
    "country": "ecocareer salary ROLE",
    "level": "ecocareer salary ROLE",
}

# Each command offers exactly the formats its view has; --help lists those.
FormatOption = Annotated[
    DocumentFormat,
    typer.Option("--format", "-f", case_sensitive=False, help="Output format."),
]
ListingFormatOption = Annotated[
    ListingFormat,
    typer.Option("--format", "-f", case_sensitive=False, help="Output format."),
]

ExportOption = Annotated[
    Path | None,
    typer.Option(
        "--export",
        metavar="FILE",
        help="Also save the table view to FILE as a picture or text, by extension: "
        ".svg, .html (or .htm) or .txt. 80 columns wide, the same bytes every run.",
        show_default=False,
        dir_okay=False,
    ),
]


def country_option(help: str) -> Any:
    """`--country/-c COUNTRY`, completed from the data; each command says what it is for."""
    from ecocareer.commands import completion

    return typer.Option(
        "--country",
        "-c",
        help=help,
        show_default=False,
        metavar="COUNTRY",
        autocompletion=completion.countries,
    )


def _skill_levels_option() -> Any:
    from ecocareer.commands import completion

    return typer.Option(
        "--skill",
        "-s",
        metavar="SKILL=LEVEL",
        autocompletion=completion.skill_levels,
        help="A skill and your level in it, 0-5 or its name (none, aware, working, "
        "practitioner, advanced, expert). Repeat for each skill.",
        show_default=False,
    )


# `--skill SKILL=LEVEL`, repeatable: one person's skill levels, the same in every command.
SkillLevelsOption = Annotated[list[str] | None, _skill_levels_option()]

ForceOption = Annotated[
    bool,
    typer.Option("--force", help="Let --export replace a file that already exists."),
]


def _data_dir_option(ctx: typer.Context) -> Path | None:
    return ctx.obj.data_dir if isinstance(ctx.obj, Settings) else None


def profile_file(ctx: typer.Context) -> Path | None:
    """The profile file this run reads (None when switched off with --no-profile or
    ECOCAREER_PROFILE= empty)."""
    from ecocareer.catalog.locations import profile_path

    settings = ctx.find_root().obj
    return None if isinstance(settings, Settings) and settings.no_profile else profile_path()


def export_to(
    ctx: typer.Context, export: Path | None, fmt: str, force: bool, *inputs: Path | None
) -> Export | None:
    """Check --export before any work; it never replaces one of the run's own input files
    (the command's, and the saved profile every command may read)."""
    from ecocareer.render.output import export_target

    return export_target(
        export, fmt, ctx.command_path, force=force, inputs=[*inputs, profile_file(ctx)]
    )


@dataclass
class Person:
    """The saved profile standing in for the flags a command was not given.

    Every value it supplies is noted, and `tell` says them on stderr in one line
    ("using your profile: country ca, role copywriter"), so it is never silent.
    """

    profile: Profile
    used: list[str] = field(default_factory=list)

    def fill(self, name: str, given: Any) -> Any:
        """`given` when the flag was given, else the profile's value (noted)."""
        if given is not None and given != [] and given != {}:
            return given
        value = getattr(self.profile, name)
        if value is None or value == {}:
            return given
        self.used.append(f"{name} {len(value)} rated" if name == "skills" else f"{name} {value}")
        return value

    def tell(self) -> None:
        if self.used:
            from ecocareer.render.output import note

            note(f"using your profile: {', '.join(self.used)}")


def person(ctx: typer.Context, catalog: Catalog) -> Person:
    """The person this run answers for: their saved profile, checked against the data."""
    from ecocareer.commands.inputs import profile_from_file
    from ecocareer.profile import Profile

    path = profile_file(ctx)
    return Person(profile_from_file(catalog, path) if path else Profile())


def data_directory(ctx: typer.Context) -> Path:
    """The data directory this run uses."""
    from ecocareer.catalog.locations import data_dir

    return data_dir(_data_dir_option(ctx))


def load(ctx: typer.Context) -> Catalog:
    """The catalog this run uses (data directory, overlay, cache)."""
    from ecocareer.catalog.loading import load_in_use

    return load_in_use(_data_dir_option(ctx))
