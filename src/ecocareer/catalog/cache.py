"""A cache of validated data, so that a repeat run skips YAML parsing and validation.

Safe by construction:
- it keeps to a folder of its own (`ecocareer-cache` inside the cache directory)
  and touches only files it named there (`catalog-<digest>.json`); whatever else
  the directory holds is never read, rewritten or removed;
- an entry is keyed by a SHA-256 of the exact bytes of every data file (overlay
  included), the package version and the cache format, so any change to the
  data selects another entry: a stale entry can never match;
- an entry is JSON (never pickle, so reading one cannot run code), opened only
  if it is a regular file of bounded size (never a link, a FIFO or a device),
  carries a digest of its body, and is validated again by the models and the
  cross-checks on the way in (see `loading`): a corrupt, truncated or
  hand-edited entry is ignored and rebuilt, never trusted;
- entries are written whole or not at all (`files.write_atomic`), and every
  failure to read or write the cache (unwritable or missing directory, a full
  disk) is ignored: the data is then loaded as if there were no cache.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ecocareer import __version__

FORMAT = b"ecocareer-cache-2"
FOLDER = "ecocareer-cache"
KEEP = 8  # entries kept (several data directories in turn)
MAX_ENTRY_BYTES = 512 * 1024 * 1024
_ENTRY = re.compile(r"catalog-[0-9a-f]{64}\.json")


def entry_path(cache: Path, key: str) -> Path:
    """Where the entry for `key` lives inside the cache directory."""
    return cache / FOLDER / f"catalog-{key}.json"


def cache_key(files: Iterable[tuple[str, bytes]]) -> str:
    """A digest of the data's exact bytes, the package version and the cache format."""
    digest = hashlib.sha256(FORMAT + b"\0" + __version__.encode())
    for name, raw in files:
        digest.update(b"\0%s\0%d\0" % (os.fsencode(name), len(raw)))  # names need not be UTF-8
        digest.update(raw)
    return digest.hexdigest()


def load(
    cache: Path, key: str, models: Mapping[str, type[BaseModel]]
) -> dict[str, BaseModel] | None:
    """The validated files stored under `key`, or None if there is no sound entry."""
    try:
        raw = _read_regular(entry_path(cache, key))
        if raw is None:
            return None
        digest, _, body = raw.partition(b"\n")
        if digest.decode("ascii") != hashlib.sha256(body).hexdigest():
            return None
        lines = body.split(b"\n")
        if len(lines) != len(models):
            return None
        return {
            name: model.model_validate_json(line)
            for (name, model), line in zip(models.items(), lines, strict=True)
        }
    except (OSError, ValueError, ValidationError, RecursionError):
        return None


def _read_regular(path: Path) -> bytes | None:
    """A regular file's bytes, opened without following a link or blocking on a FIFO."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    handle = os.open(path, flags)
    with open(handle, "rb", closefd=True) as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        return stream.read(MAX_ENTRY_BYTES + 1)


def store(cache: Path, key: str, files: Mapping[str, BaseModel]) -> None:
    """Keep the validated files under `key`; never fails (a cache is optional)."""
    from ecocareer.files import write_atomic

    body = b"\n".join(model.model_dump_json().encode() for model in files.values())
    entry = hashlib.sha256(body).hexdigest().encode() + b"\n" + body
    target = entry_path(cache, key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, entry)
        _prune(target.parent)
    except OSError:
        return


def _prune(folder: Path) -> None:
    """Remove the oldest of our own entries beyond KEEP; nothing else is ever touched."""
    ours = []
    for entry in os.scandir(folder):
        if _ENTRY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
            ours.append((entry.stat(follow_symlinks=False).st_mtime, entry.path))
    for _, path in sorted(ours, reverse=True)[KEEP:]:
        os.unlink(path)
