"""The one way ecocareer writes a file: whole or not at all, never through a planted link.

Used by everything that writes (the cache, `--export`, `data init`), the way
git writes its index: a new temp file beside the target, created exclusively
under an unpredictable name, flushed and fsynced, then renamed over the target.
On any failure (a full disk, a vanished folder) the old file is intact and no
temp file is left. Renaming replaces a symlink at the target rather than
writing through it, so a link planted there cannot redirect the write.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

TEMP_PREFIX = ".ecocareer-"
TEMP_SUFFIX = ".tmp"


def write_atomic(
    target: Path, data: bytes | Iterable[bytes], *, replace: bool = True, mode: int = 0o644
) -> None:
    """Write `data` (or its pieces, in turn: a large file need not be joined first) to
    `target` atomically, with permissions `mode` (less the umask); with replace=False an
    existing file is kept and FileExistsError raised (also when one appears while writing)."""
    if not replace and os.path.lexists(target):
        raise FileExistsError(target)
    temp = target.with_name(f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    handle = os.open(temp, flags, mode)
    try:
        with open(handle, "wb", closefd=True) as stream:
            stream.writelines([data] if isinstance(data, bytes) else data)
            stream.flush()
            os.fsync(stream.fileno())
        if replace:
            os.replace(temp, target)
        else:
            _link(temp, target)
            os.unlink(temp)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _link(temp: Path, target: Path) -> None:
    """Give the temp file the target's name unless that name exists by now."""
    try:
        os.link(temp, target)  # fails if the target appeared meanwhile: nothing clobbered
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        os.replace(temp, target)
