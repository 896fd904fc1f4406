"""A data file before and after parsing: its bytes, read within bounds, and its value
with the line of every key and item.

Kept apart from the YAML reader so that a run served from the cache of
validated data never imports YAML at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ecocareer.errors import DataError, Problem

MAX_BYTES = 32 * 1024 * 1024

Path_ = tuple[str | int, ...]


def read_bytes(path: Path, name: str) -> bytes:
    """A file's bytes, at most MAX_BYTES of them, or DataError saying why not."""
    too_large = DataError(
        [Problem(name, None, "", f"is larger than {MAX_BYTES // (1024 * 1024)} MiB")]
    )
    try:
        if not path.exists():
            message = "is a link that leads nowhere" if path.is_symlink() else "file not found"
            raise DataError([Problem(name, None, "", message)])
        if not path.is_file():  # a directory, a FIFO that would block, a device
            raise DataError([Problem(name, None, "", "is not a regular file")])
        if path.stat().st_size > MAX_BYTES:
            raise too_large
        with path.open("rb") as handle:  # the file may grow after stat(): read a bounded amount
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise DataError([Problem(name, None, "", f"cannot be read ({error.strerror})")]) from None
    if len(raw) > MAX_BYTES:
        raise too_large
    return raw


@dataclass
class YamlDocument:
    """A parsed file: its value and the 1-based line of each path inside it."""

    file: str
    value: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    origins: dict[Path_, str] = field(default_factory=dict)  # entries merged in from elsewhere

    def where(self, path: Path_) -> tuple[str, int | None]:
        """The file and line `path` came from (an overlay's, for merged-in entries)."""
        for end in range(len(path), 0, -1):
            origin = self.origins.get(tuple(path[:end]))
            if origin is not None:
                return origin, self.line_of(path)
        return self.file, self.line_of(path)

    def line_of(self, path: Path_) -> int | None:
        """The line of the deepest known part of `path`."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None
