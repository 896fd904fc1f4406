"""The error types every layer raises; the CLI maps them to exit codes in one place."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple


@cache
def _unprintable() -> re.Pattern[str]:
    """C0/C1 controls (but newline), bidirectional overrides, line separators, zero-width
    characters and byte-order marks, and lone surrogates (undecodable bytes in argv or a
    file name): none may reach a terminal as they are, and none may hide in a message.
    Compiled on first use: most runs have nothing to escape."""
    return re.compile(
        "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
    )


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every character that could restyle the terminal, reorder the line or hide
    itself written out visibly (ESC as `\\x1b`, a zero-width space as `\\u200b`)."""
    return _unprintable().sub(_escape, text)


def shown(text: str, limit: int = 60) -> str:
    """A term or path as it may be echoed in a message: printable, one line, at most `limit`
    characters (a longer one is cut and says how long it was)."""
    safe = printable(text).replace("\n", "\\n")
    if len(safe) <= limit:
        return safe
    return f"{safe[: limit - 20]}… ({len(text):,} characters)"


def quoted(value: object, limit: int = 60) -> str:
    """A value as a short, printable, quoted snippet for an error message."""
    text = printable(repr(value))
    return text if len(text) <= limit else text[: limit - 3] + "..."


class EcoCareerError(Exception):
    """Base of the errors a user can cause; never shown as a traceback.

    `hint` is what to do next, said after the message; the CLI may add one.
    """

    exit_code = 1
    hint: str | None = None


class Problem(NamedTuple):
    """One thing wrong with a data file: where it is and what is expected."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class DataError(EcoCareerError):
    """The data directory is missing, unreadable or invalid (exit 1)."""

    exit_code = 1

    def __init__(self, problems: list[Problem], hint: str | None = None) -> None:
        self.problems = problems
        self.hint = hint
        super().__init__("\n".join(str(problem) for problem in problems))


class UsageError(EcoCareerError):
    """The command line asks for something that does not exist or makes no sense (exit 2)."""

    exit_code = 2


class UnknownTerm(UsageError):
    """A term that names no entry of its kind (or several); the command line adds where to look.

    `kind` is the entry's kind ("role", "skill", ...); the message never names a
    command, so the domain can raise it and the CLI can point to its own listing.
    """

    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        super().__init__(message)


class OutputClosed(EcoCareerError):
    """Whoever read the output stopped reading (`| head`): not an error, so exit 0 quietly."""

    exit_code = 0


class OutputFailed(EcoCareerError):
    """The output could not be written (a full disk, a closed stream): exit 74 (EX_IOERR)."""

    exit_code = 74
