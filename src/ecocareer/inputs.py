"""A user's input file (a --profile, a --team-file): one key that maps terms to values.

Both files have the same shape and the same checks; every problem names the
file and line and is a usage error (exit 2), since the file is the user's input,
not the data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ecocareer.documents import Path_, YamlDocument
from ecocareer.errors import UsageError
from ecocareer.lookup import Resolver, shown

Value = TypeVar("Value")


def read_term_mapping(
    document: YamlDocument,
    *,
    noun: str,
    key: str,
    example: str,
    value_name: str,
    resolver: Resolver,
    convert: Callable[[object], Value],
) -> dict[str, Value]:
    """`{key: {term: value}}` as {id: convert(value)}; `convert` raises ValueError to refuse."""

    def fail(path: Path_, message: str) -> UsageError:
        line = document.line_of(path)
        where = f"{document.file}:{line}" if line else document.file
        return UsageError(f"{where}: {message}")

    top = document.value
    if not isinstance(top, dict):
        raise fail((), f"{noun} is a mapping with a '{key}:' key, e.g. '{key}: {{{example}}}'")
    for name in top:
        if name != key:
            raise fail((name,), f"unknown key '{shown(name)}'; {noun} holds only '{key}:'")
    if key not in top:
        raise fail((), f"{noun} needs a '{key}:' key, e.g. '{key}: {{{example}}}'")
    entries = top[key]
    if not isinstance(entries, dict) or not entries:
        raise fail(
            (key,), f"'{key}:' must map each {resolver.kind} to {value_name}, e.g. '{example}'"
        )
    found: dict[str, Value] = {}
    first_line: dict[str, int | None] = {}
    for term, raw in entries.items():
        path = (key, term)
        try:
            entry_id = resolver.resolve(term)
        except UsageError as error:
            raise fail(path, str(error)) from None
        try:
            value = convert(raw)
        except ValueError as error:
            raise fail(path, f"{term}: {error}") from None
        if entry_id in found:
            raise fail(
                path,
                f"'{shown(term)}' is {entry_id} again "
                f"(first on line {first_line[entry_id]}); give each {resolver.kind} once",
            )
        found[entry_id] = value
        first_line[entry_id] = document.line_of(path)
    return found
