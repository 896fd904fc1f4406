"""How every command reads its command line and explains itself, the same way everywhere.

- Help names what to type in words (`ROLE...`, `[DIR]`), never a Python type.
- A single-valued option given twice is an error naming it, not a silent last-wins.
- What Typer and Click would say in their own terms (`Value error, ...`, `Missing
  argument`, `Got unexpected extra argument(s)`) is said in ours, with the right form:
  words typed where options belong get a "Did you mean" with each word behind the
  option that takes it, when the data says the word fits that option.
- Help wraps to the terminal, down to 40 columns, and never breaks an example line.

`Command` and `Group` carry these rules; every command and group is made with them.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from typing import TYPE_CHECKING, Any

import typer
from typer._click import Command as ClickCommand
from typer._click import Context as ClickContext
from typer._click import HelpFormatter, Parameter
from typer._click.exceptions import BadOptionUsage, BadParameter, MissingParameter, UsageError
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from ecocareer.commands.values import plain

if TYPE_CHECKING:
    from ecocareer.catalog.index import Catalog

# The narrowest and widest help, in columns (Click's own floor is 50, too wide for 40).
NARROWEST, WIDEST = 38, 78


# An indented paragraph of help (an example command line), which must not be re-wrapped.
_INDENTED = re.compile(r"(?:\A|(?<=\n\n))(?=    \S)")


class _Formatter(HelpFormatter):
    """Click's help layout, with the names' column narrower on a narrow terminal, so the
    help beside it keeps room to read, and example command lines never broken (a broken
    one cannot be copied)."""

    def write_text(self, text: str) -> None:
        super().write_text(_INDENTED.sub("\b\n", text))  # Click keeps a \b paragraph as is

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        super().write_dl(rows, min(col_max, self.width * 2 // 5), col_spacing)


class Context(typer.Context):
    """Help laid out for the terminal as it is, 40 columns included."""

    def make_formatter(self) -> HelpFormatter:
        width = self.terminal_width or shutil.get_terminal_size().columns - 2
        return _Formatter(width=max(NARROWEST, min(width, WIDEST)))


def _name(param: Parameter, *, usage: bool = False) -> str:
    """An argument's name as help shows it: its metavar, with `...` when it takes several
    (and, in the usage line, in brackets when it may be left out: `[ROLE]...`)."""
    name = param.metavar or (param.name or "").upper()
    name = f"[{name}]" if usage and not param.required else name
    return f"{name}..." if param.nargs != 1 else name


def _flag(param: Parameter) -> str:
    """The name a message uses for a parameter: its long option, or an argument's name."""
    if isinstance(param, TyperOption):
        return max(param.opts, key=len)
    return _name(param)


def _listed(words: Sequence[str], last: str = "or") -> str:
    """`a`, `a or b`, `a, b or c` (or with "and")."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


def _takes_one_value(param: Parameter) -> bool:
    return (
        isinstance(param, TyperOption)
        and not param.multiple
        and not param.is_flag
        and not param.count
    )


class _Rules(ClickCommand):
    """The usage rules `Command` and `Group` share (see the module's docstring)."""

    context_class = Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plain(self.params)

    def get_help_option(self, ctx: ClickContext) -> Any:
        option = super().get_help_option(ctx)
        plain([option] if option is not None else [])
        return option

    def collect_usage_pieces(self, ctx: ClickContext) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                pieces.append(_name(param, usage=True))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx: ClickContext, formatter: HelpFormatter) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if isinstance(param, TyperArgument):
                arguments.append((_name(param), record[1]))
            else:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        if ctx.resilient_parsing:  # completion: take the line as it is
            return super().parse_args(ctx, args)
        given: dict[str, Any] = {}
        try:
            given, words, order = self.make_parser(ctx).parse_args(args=list(args))
            if self.get_help_option(ctx) in order:  # --help wins over any mistake
                return super().parse_args(ctx, args)
            for param in order:
                if _takes_one_value(param) and order.count(param) > 1:
                    raise UsageError(
                        f"{_flag(param)} is given more than once; it takes one "
                        f"{param.metavar or _flag(param).lstrip('-').upper()}, so give it once.",
                        ctx,
                    )
            if words and not ctx.allow_extra_args:  # what no argument took
                raise UsageError(_misplaced(ctx, args, words, given), ctx)
            return super().parse_args(ctx, args)
        except MissingParameter:
            raise UsageError(_missing(ctx), ctx) from None
        except BadParameter as error:
            raise UsageError(_in_our_words(error, given), ctx) from None
        except BadOptionUsage as error:
            option = _option_named(ctx, error.option_name)
            metavar = option.metavar if option is not None and option.metavar else "VALUE"
            raise UsageError(
                f"{error.option_name} needs a value, e.g. {error.option_name} {metavar}.", ctx
            ) from None


class Command(_Rules, TyperCommand):
    """A command that follows our usage rules."""


class Group(_Rules, TyperGroup):
    """A group of commands that follows our usage rules, listing them in the order given by
    `order` (the order a person meets them), or else as registered."""

    order: Sequence[str] = ()

    def collect_usage_pieces(self, ctx: ClickContext) -> list[str]:
        return [*super().collect_usage_pieces(ctx), self.subcommand_metavar]

    def format_options(self, ctx: ClickContext, formatter: HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def list_commands(self, ctx: ClickContext) -> list[str]:
        rank = {name: place for place, name in enumerate(self.order)}
        return sorted(super().list_commands(ctx), key=lambda name: rank.get(name, len(rank)))

    def _main_shell_completion(
        self, ctx_args: MutableMapping[str, Any], prog_name: str, complete_var: str | None = None
    ) -> None:
        from ecocareer.commands import completion

        if completion.COMPLETE_VAR in os.environ:
            completion.use_our_shells()
        super()._main_shell_completion(ctx_args, prog_name, complete_var)


def _option_named(ctx: ClickContext, name: str) -> Parameter | None:
    return next((p for p in ctx.command.get_params(ctx) if name in p.opts), None)


def _missing(ctx: ClickContext) -> str:
    """What a command needs that was left out, and an example from its help."""
    needed = " ".join(
        _name(param)
        for param in ctx.command.get_params(ctx)
        if isinstance(param, TyperArgument) and param.required
    )
    lines = (line.strip() for line in (ctx.command.help or "").splitlines())
    example = next((line for line in lines if line.startswith(f"{ctx.command_path} ")), None)
    return f"{ctx.command_path} needs {needed}" + (f", e.g. {example}" if example else ".")


def _in_our_words(error: BadParameter, given: dict[str, Any]) -> str:
    """A bad value said plainly: which option, what was typed, what it takes."""
    param = error.param
    if not isinstance(param, TyperOption | TyperArgument):
        return error.message
    flag = _flag(param)
    value = given.get(param.name or "")
    typed = value[-1] if isinstance(value, list) and value else value
    shown = _shown(typed)
    descriptor = param.type_descriptor
    if descriptor.is_choice and typed is not None:
        noun = flag.lstrip("-")
        choices = [str(choice) for choice in descriptor.choices or ()]
        return f"{flag}: '{shown}' is not a {noun} here; choose {_listed(choices)}."
    if descriptor.annotation is int and typed is not None:
        return f"{flag}: '{shown}' is not a whole number."
    return f"{flag}: {error.message}"


def _shown(value: object) -> str:
    from ecocareer.errors import shown

    return shown(str(value))


# What each kind of term is checked against, by the metavar an option shows.
Kind = Callable[["Catalog", str], object]


def _kinds() -> dict[str, Kind]:
    from ecocareer import lookup
    from ecocareer.commands.inputs import skill_flags

    return {
        "ROLE": lambda catalog, word: lookup.roles(catalog).resolve(word),
        "COUNTRY": lambda catalog, word: lookup.countries(catalog).resolve(word),
        "LAYER": lambda catalog, word: lookup.layers(catalog).resolve(word),
        "LEVEL": lambda catalog, word: lookup.levels(catalog).resolve(word),
        "SKILL": lambda catalog, word: lookup.skills(catalog).resolve(word),
        "SKILL=LEVEL": lambda catalog, word: skill_flags(catalog, [word]),
    }


def _misplaced(
    ctx: ClickContext, args: Sequence[str], extra: Sequence[str], given: dict[str, Any]
) -> str:
    """Words typed where options belong: the form with each word behind its option, when
    every word fits an option this command has (by the data), else what was too much."""
    placed = None if "--" in args else _place(ctx, extra, given)
    if placed is None:
        return f"{ctx.command_path} does not take '{_shown(' '.join(extra))}' here."
    flags = list(dict.fromkeys(flag for flag, _ in placed))
    are = "is an option" if len(flags) == 1 else "are options"
    line = list(args)
    for word in reversed(extra):  # the extra words are the last positional ones
        del line[len(line) - 1 - line[::-1].index(word)]
    line += [part for flag, word in placed for part in (flag, word)]
    return (
        f"{_listed(flags, 'and')} {are}. Did you mean: "
        f"{ctx.command_path} {' '.join(shlex.quote(part) for part in line)}"
    )


def _place(
    ctx: ClickContext, extra: Iterable[str], given: dict[str, Any]
) -> list[tuple[str, str]] | None:
    """Each word with the first option not yet given that takes a term like it; None when a
    word fits none (or the data cannot be read: then no guess is better than a wrong one)."""
    from ecocareer.commands import load
    from ecocareer.errors import EcoCareerError

    if not isinstance(ctx, typer.Context):
        return None
    try:
        catalog = load(ctx)
    except EcoCareerError:
        return None
    kinds = _kinds()
    free = [
        param
        for param in ctx.command.get_params(ctx)
        if isinstance(param, TyperOption)
        and param.metavar in kinds
        and (param.multiple or given.get(param.name or "") is None)
    ]
    placed = []
    for word in extra:
        for param in free:
            try:
                kinds[param.metavar or ""](catalog, word)
            except EcoCareerError:
                continue
            placed.append((_flag(param), word))
            if not param.multiple:
                free.remove(param)
            break
        else:
            return None
    return placed
