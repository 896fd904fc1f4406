"""A cache of validated data, so that a repeat run skips YAML parsing and cross-checks.

Safe by construction:
- an entry is keyed by a SHA-256 of the exact bytes of every data file (overlay
  included), the package version and the cache format, so any change to the
  data selects another entry: a stale entry can never match;
- an entry is JSON (never pickle, so reading one cannot run code), carries a
  digest of its body, and is validated again by the models on the way in: a
  corrupt, truncated or hand-edited entry is ignored and rebuilt;
- every failure to read or write the cache (unwritable or missing directory,
  full disk, a file in its place) is ignored: the data is then loaded as if
  there were no cache.
Whoever can write your cache directory can also write your overlay, so the
cache does not try to defend against its owner.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ecocareer import __version__

FORMAT = b"ecocareer-cache-1"
KEEP = 8  # entries kept per cache directory (several data directories in turn)
MAX_ENTRY_BYTES = 512 * 1024 * 1024


def cache_key(files: Iterable[tuple[str, bytes]]) -> str:
    """A digest of the data's exact bytes, the package version and the cache format."""
    digest = hashlib.sha256(FORMAT + b"\0" + __version__.encode())
    for name, raw in files:
        digest.update(b"\0%s\0%d\0" % (name.encode(), len(raw)))
        digest.update(raw)
    return digest.hexdigest()


def load(
    directory: Path, key: str, models: Mapping[str, type[BaseModel]]
) -> dict[str, BaseModel] | None:
    """The validated files stored under `key`, or None if there is no sound entry."""
    try:
        path = directory / f"{key}.jsonl"
        if path.stat().st_size > MAX_ENTRY_BYTES:
            return None
        digest, _, body = path.read_bytes().partition(b"\n")
        if digest.decode("ascii") != hashlib.sha256(body).hexdigest():
            return None
        lines = body.split(b"\n")
        if len(lines) != len(models):
            return None
        return {
            name: model.model_validate_json(line)
            for (name, model), line in zip(models.items(), lines, strict=True)
        }
    except (OSError, ValueError, ValidationError):
        return None


def store(directory: Path, key: str, files: Mapping[str, BaseModel]) -> None:
    """Keep the validated files under `key`; never fails (a cache is optional)."""
    body = b"\n".join(model.model_dump_json().encode() for model in files.values())
    entry = hashlib.sha256(body).hexdigest().encode() + b"\n" + body
    try:
        directory.mkdir(parents=True, exist_ok=True)
        partial = directory / f"{key}.{os.getpid()}.tmp"
        partial.write_bytes(entry)
        os.replace(partial, directory / f"{key}.jsonl")
        _prune(directory)
    except OSError:
        return


def _prune(directory: Path) -> None:
    entries = sorted(directory.glob("*.jsonl"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in entries[KEEP:]:
        stale.unlink(missing_ok=True)
