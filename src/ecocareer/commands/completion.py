"""Shell completion of the data's terms: roles, layers, skills, countries and levels.

Candidates come from the data in use (`--data-dir`, `ECOCAREER_DATA_DIR` or the
bundled data, with the overlay merged in): the ids that start with what was
typed, ignoring case, or, when no id does, the aliases that do; each with its
display name as help (zsh and fish show it). Completion runs while someone
presses TAB, so it never prints an error: any problem means no candidates.

The shells are Typer's, taught two things: bash splits words at '=' (so
`--skill seo=` reaches us as three words, and wants back only what follows the
last '='), and in the `--option=value` form every shell wants the whole word back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from typer._click.shell_completion import CompletionItem, ShellComplete, add_completion_class
from typer._completion_classes import (
    BashComplete,
    FishComplete,
    PowerShellComplete,
    ZshComplete,
)

if TYPE_CHECKING:
    from ecocareer.catalog.index import Catalog
    from ecocareer.lookup import Named

Candidates = list[tuple[str, str]]


def _catalog(ctx: typer.Context) -> Catalog:
    """The catalog the command being completed would use."""
    from ecocareer.catalog.loading import load_in_use

    option = ctx.find_root().params.get("data_dir")
    return load_in_use(Path(option).expanduser() if option else None)


def _matching(entries: Sequence[Named], incomplete: str) -> Candidates:
    """Ids starting with `incomplete` (any case), else aliases that do; each with its name."""
    typed = incomplete.casefold()
    ids = [(entry.id, entry.name) for entry in entries if entry.id.casefold().startswith(typed)]
    if ids:
        return ids
    found: dict[str, str] = {}
    for entry in entries:
        for alias in getattr(entry, "aliases", ()):
            if alias.casefold().startswith(typed):
                found.setdefault(alias, entry.name)
    return list(found.items())


def _terms(
    ctx: typer.Context, incomplete: str, kind: Callable[[Catalog], Sequence[Named]]
) -> Candidates:
    try:
        return _matching(kind(_catalog(ctx)), incomplete)
    except Exception:  # a broken data directory must not spill a traceback into the shell
        return []


def roles(ctx: typer.Context, incomplete: str) -> Candidates:
    """Role ids and aliases."""
    return _terms(ctx, incomplete, lambda catalog: catalog.roles)


def layers(ctx: typer.Context, incomplete: str) -> Candidates:
    """Layer ids and aliases."""
    return _terms(ctx, incomplete, lambda catalog: catalog.layers)


def countries(ctx: typer.Context, incomplete: str) -> Candidates:
    """Country ids and aliases."""
    return _terms(ctx, incomplete, lambda catalog: catalog.countries)


def levels(ctx: typer.Context, incomplete: str) -> Candidates:
    """Seniority level ids and aliases."""
    return _terms(ctx, incomplete, lambda catalog: catalog.levels)


def skills(ctx: typer.Context, incomplete: str) -> Candidates:
    """Skill ids and aliases."""
    return _terms(ctx, incomplete, lambda catalog: catalog.skills)


def skill_levels(ctx: typer.Context, incomplete: str) -> Candidates:
    """`SKILL=` for --skill; once the skill is certain, its levels: `SKILL=0` to `SKILL=5`, or
    the level names when a letter follows the '=', each with the level's name as help.

    Offering the levels as soon as one skill matches saves a TAB, and in bash, which adds a
    space after a single candidate, stops it from ending the word at `SKILL=`.
    """
    from ecocareer.vocabulary import SKILL_LEVELS

    skill, equals, typed = incomplete.partition("=")
    terms = _terms(ctx, skill, lambda catalog: catalog.skills)
    if equals:
        exact = [(term, name) for term, name in terms if term.casefold() == skill.casefold()]
        terms = exact or [(skill, "")]
    if len(terms) != 1:
        return [(f"{term}=", name) for term, name in terms]
    term, name = terms[0]
    by_name = typed[:1].isalpha()
    return [
        (f"{term}={level_name if by_name else level}", f"{name}: {level} {level_name}".lstrip(": "))
        for level, level_name in enumerate(SKILL_LEVELS)
        if (level_name if by_name else str(level)).startswith(typed.casefold())
    ]


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
COMPLETE_VAR = "_ECOCAREER_COMPLETE"


def shells(ctx: typer.Context, incomplete: str) -> list[str]:
    """The shells ecocareer completes in."""
    return [shell for shell in SHELLS if shell.startswith(incomplete.casefold())]


def shell_option(flag: str, callback: Callable[..., None], help: str) -> Any:
    """`--show-completion SHELL` or `--install-completion SHELL`: done at once, then exit."""
    return typer.Option(
        flag,
        metavar="SHELL",
        callback=callback,
        autocompletion=shells,
        is_eager=True,
        expose_value=False,
        help=help,
    )


def _shell(name: str) -> str:
    if name.casefold() not in SHELLS:
        raise typer.BadParameter(
            f"'{name}' is not a shell ecocareer completes in; choose bash, zsh, fish, "
            "powershell or pwsh."
        )
    return name.casefold()


def show_script(ctx: typer.Context, param: object, shell: str | None) -> None:
    """--show-completion SHELL: print that shell's script, the one the shell named."""
    if shell is None or ctx.resilient_parsing:
        return
    from typer._completion_shared import get_completion_script

    from ecocareer.render.output import say

    say(
        get_completion_script(prog_name="ecocareer", complete_var=COMPLETE_VAR, shell=_shell(shell))
    )
    raise typer.Exit()


def install_script(ctx: typer.Context, param: object, shell: str | None) -> None:
    """--install-completion SHELL: install the script where that shell will find it."""
    if shell is None or ctx.resilient_parsing:
        return
    from typer._completion_shared import install

    from ecocareer.render.output import say

    named, path = install(shell=_shell(shell), prog_name="ecocareer", complete_var=COMPLETE_VAR)
    say(f"{named} completion installed in {path}; it works in the next {named} you open.")
    raise typer.Exit()


class _WholeWords(ShellComplete):
    """In the `--option=value` form, every candidate is the whole word, option and all."""

    def get_completions(self, args: list[str], incomplete: str) -> list[CompletionItem]:
        items = super().get_completions(args, incomplete)
        option, equals, _ = incomplete.partition("=")
        if not (equals and option.startswith("-")):
            return items
        return [CompletionItem(f"{option}={item.value}", help=item.help) for item in items]


class Bash(_WholeWords, BashComplete):
    """Bash splits `seo=4` into `seo`, `=`, `4` (and `seo=` into `seo`, `=`, with `=` as
    the word being completed): join them again, and hand back only what follows the last
    '=', the text readline replaces."""

    typed = ""

    def get_completion_args(self) -> tuple[list[str], str]:
        args, incomplete = super().get_completion_args()
        words: list[str] = []
        joining = False
        for word in [*args, incomplete]:
            if (word == "=" and words) or joining:
                joining = word == "="
                words[-1] += word
            else:
                words.append(word)
        self.typed = words[-1][: words[-1].rfind("=") + 1]  # readline replaces what follows
        return words[:-1], words[-1]

    def format_completion(self, item: CompletionItem) -> str:
        return str(item.value).removeprefix(self.typed)


class Zsh(_WholeWords, ZshComplete):
    pass


class Fish(_WholeWords, FishComplete):
    pass


class PowerShell(_WholeWords, PowerShellComplete):
    pass


def use_our_shells() -> None:
    """Answer completion requests with the shells above instead of Typer's own."""
    for shell in (Bash, Zsh, Fish, PowerShell):
        add_completion_class(shell, shell.name)
    add_completion_class(PowerShell, "pwsh")
