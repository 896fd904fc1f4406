"""The error types every layer raises; the CLI maps them to exit codes in one place."""

from __future__ import annotations

from dataclasses import dataclass


class EcoCareerError(Exception):
    """Base of the errors a user can cause; never shown as a traceback."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
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
        self.hint = (
            hint or "Fix the data file(s), or run without --data-dir to use the bundled data."
        )
        super().__init__("\n".join(str(problem) for problem in problems))


class UsageError(EcoCareerError):
    """The command line asks for something that does not exist or makes no sense (exit 2)."""

    exit_code = 2
