"""Command-line values checked without building a Pydantic adapter for each parameter.

Typer checks every value through a Pydantic `TypeAdapter` that it builds for each
parameter on each run: about 15 ms, and Pydantic's plugin scan (which imports
`importlib.metadata`), on every command before any work. The values ecocareer takes are
simple: text, a list of text, a flag, a whole number, one of a few choices, a path.
`plain` gives each such parameter a direct check. Choices and paths go through Typer's
own functions, so what they accept and what they say when a value is refused stay
Typer's; a value of a kind not foreseen here (a flag's value from the environment, say)
is handed to Typer's adapter as before.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer._click import Context, Parameter
from typer._click.exceptions import BadParameter
from typer._coercion import RuntimeParam, build_runtime_param
from typer._param_types import coerce_cli_choice, coerce_cli_path
from typer._typing import is_literal_type, literal_values
from typer.core import _TyperParameter

Check = Callable[[Any, _TyperParameter, Context], Any]

# A whole number as Pydantic reads one from text (once stripped of spaces): ASCII digits,
# a sign, `_` between digits, and a fraction of zeros at most.
_WHOLE = re.compile(r"([+-]?[0-9]+(?:_[0-9]+)*)(?:\.0+)?", re.ASCII)


@dataclass(frozen=True)
class _Plain(RuntimeParam):
    """A parameter's check, standing in for Typer's adapter."""

    check: Check

    def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        return self.check(value, param, ctx)


def plain(params: Iterable[Parameter]) -> None:
    """Give each parameter of a kind this module knows its direct check."""
    for param in params:
        if not isinstance(param, _TyperParameter) or param._runtime_param is not None:
            continue
        descriptor = param.type_descriptor
        if descriptor.file_annotation is None and descriptor.parameter_info.parser is None:
            check = _check_for(descriptor.annotation)
            if check is not None:
                param._runtime_param = _Plain(
                    descriptor.parameter_info, descriptor.annotation, check
                )


def _typers(value: Any, param: _TyperParameter, ctx: Context) -> Any:
    """Typer's own check, for a value of a kind not foreseen here."""
    return build_runtime_param(param.type_descriptor)._coerce_value(value, param, ctx)


def _text(value: Any, param: _TyperParameter, ctx: Context) -> Any:
    return value if isinstance(value, str) else _typers(value, param, ctx)


def _texts(value: Any, param: _TyperParameter, ctx: Context) -> Any:
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return list(value)
    return _typers(value, param, ctx)


def _flag(value: Any, param: _TyperParameter, ctx: Context) -> Any:
    return value if isinstance(value, bool) else _typers(value, param, ctx)


def _whole(value: Any, param: _TyperParameter, ctx: Context) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        whole = _WHOLE.fullmatch(value.strip())
        if whole is not None:
            with contextlib.suppress(ValueError):  # more digits than Python converts (4,300)
                return int(whole[1])
        raise BadParameter("Input should be a whole number.", ctx=ctx, param=param)
    return _typers(value, param, ctx)


def _choice(value: Any, param: _TyperParameter, ctx: Context) -> Any:
    descriptor = param.type_descriptor
    try:
        return coerce_cli_choice(
            value,
            choices=literal_values(descriptor.annotation),
            case_sensitive=descriptor.parameter_info.case_sensitive,
            ctx=ctx,
        )
    except ValueError as error:
        raise BadParameter(str(error), ctx=ctx, param=param) from None


def _path(value: Any, param: _TyperParameter, ctx: Context) -> Any:
    if not isinstance(value, str | Path) or value == "":  # "" would read as "."
        return _typers(value, param, ctx)
    try:
        return coerce_cli_path(
            Path(value),
            param.type_descriptor.parameter_info,
            path_type=Path,
            param=param,
            ctx=ctx,
        )
    except ValueError as error:  # a NUL in the path, say
        raise BadParameter(str(error), ctx=ctx, param=param) from None


def _check_for(annotation: Any) -> Check | None:
    if is_literal_type(annotation):
        return _choice
    kinds: dict[Any, Check] = {str: _text, bool: _flag, int: _whole, Path: _path}
    if annotation == list[str]:
        return _texts
    return kinds.get(annotation)
