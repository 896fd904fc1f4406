"""A cache of validated data, so that a repeat run skips YAML parsing and validation.

Safe by construction:
- it keeps to a folder of its own (`ecocareer-cache` inside the cache directory)
  and touches only files it named there (`catalog-<digest>.json` and its key,
  `catalog.key`); whatever else the directory holds is never read, rewritten or
  removed;
- an entry is keyed by a SHA-256 of the exact bytes of every data file (overlay
  included), the package version, the cache format and the source of the modules
  that decide what valid data is, so any change to the data or to the rules
  selects another entry: a stale entry can never match;
- an entry is JSON (never pickle, so reading one cannot run code), opened only
  if it is a regular file of bounded size (never a link, a FIFO or a device), and
  carries an HMAC-SHA256 of its name and body under the folder's secret key. Only
  `store` writes with that key, and `loading` calls it only for data that passed
  validation and every cross-check, so an entry whose HMAC holds is exactly what
  this code proved valid: its models are filled from it as they are, without a
  second validation. A corrupt, truncated, renamed or hand-edited entry fails the
  HMAC and is ignored and rebuilt, never trusted;
- the key is 32 random bytes made once, readable by its owner only; a key that is
  not a regular file of that size, owned by this user and private to them, turns
  the cache off (it is never replaced), so nobody else can write entries it trusts;
- entries are written whole or not at all (`files.write_atomic`), and every
  failure to read or write the cache (unwritable or missing directory, a full
  disk) is ignored: the data is then loaded as if there were no cache.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import stat
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import from_json

from ecocareer import __version__
from ecocareer.catalog.documents import YamlDocument

FORMAT = b"ecocareer-cache-3"
FOLDER = "ecocareer-cache"
KEY_FILE = "catalog.key"
KEY_BYTES = 32
KEEP = 8  # entries kept (several data directories in turn)
MAX_ENTRY_BYTES = 512 * 1024 * 1024
_ENTRY = re.compile(r"(catalog|document)-[0-9a-f]{64}\.json")
# The modules whose code decides what valid data is: an entry is for their exact source.
RULES = [
    "cache.py",
    "documents.py",
    "loading.py",
    "models.py",
    "overlay.py",
    "terms.py",
    "yamlsafe.py",
]


def entry_path(cache: Path, key: str, kind: str = "catalog") -> Path:
    """Where the entry of a kind ("catalog", "document") for `key` lives in the cache."""
    return cache / FOLDER / f"{kind}-{key}.json"


def cache_key(files: Iterable[tuple[str, bytes]]) -> str:
    """A digest of the data's exact bytes, the package version, the cache format and the
    validating code."""
    digest = hashlib.sha256(FORMAT + b"\0" + __version__.encode())
    here = Path(__file__).parent
    for name in RULES:
        digest.update(hashlib.sha256((here / name).read_bytes()).digest())
    for name, raw in files:
        digest.update(b"\0%s\0%d\0" % (os.fsencode(name), len(raw)))  # names need not be UTF-8
        digest.update(raw)
    return digest.hexdigest()


def load(
    cache: Path, key: str, models: Mapping[str, type[BaseModel]]
) -> dict[str, BaseModel] | None:
    """The validated files stored under `key`, or None if there is no sound entry."""
    lines = _proven(entry_path(cache, key))
    if lines is None or len(lines) != len(models):
        return None
    return {
        name: filler(model)(from_json(line))
        for (name, model), line in zip(models.items(), lines, strict=True)
    }


def store(cache: Path, key: str, files: Mapping[str, BaseModel]) -> None:
    """Keep the validated files under `key`; never fails (a cache is optional)."""
    # `model_dump_json` as bytes, without a str in between (a large catalog's is megabytes).
    lines = [model.__pydantic_serializer__.to_json(model) for model in files.values()]
    _write(entry_path(cache, key), lines)


def load_document(cache: Path, name: str, raw: bytes) -> YamlDocument | None:
    """A small YAML file (the profile) as the reader parsed these exact bytes before, lines
    included, or None: a run with a saved profile need not import the YAML reader."""
    lines = _proven(entry_path(cache, cache_key([(name, raw)]), "document"))
    if lines is None or len(lines) != 1:
        return None
    value, where = from_json(lines[0])
    return YamlDocument(name, value, {tuple(path): line for path, line in where})


def store_document(cache: Path, raw: bytes, document: YamlDocument) -> None:
    """Keep a parsed small YAML file for `load_document`; never fails."""
    import json

    where = [[list(path), line] for path, line in document.lines.items()]
    line = json.dumps([document.value, where]).encode()  # ASCII: never a newline inside
    _write(entry_path(cache, cache_key([(document.file, raw)]), "document"), [line])


def _proven(path: Path) -> list[bytes] | None:
    """The lines of the entry at `path` if its HMAC holds, else None (no entry, no key)."""
    try:
        secret = _secret(path.parent, create=False)
        raw = _read_regular(path) if secret else None
        if secret is None or raw is None:
            return None
        mac, _, body = raw.partition(b"\n")
        return body.split(b"\n") if hmac.compare_digest(mac, _mac(secret, path, body)) else None
    except (OSError, ValueError):
        return None


def _write(target: Path, lines: list[bytes]) -> None:
    """Write an entry (its HMAC, then its lines) whole, then prune its kind; never fails."""
    from ecocareer.files import write_atomic

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        secret = _secret(target.parent, create=True)
        if secret is None:
            return
        pieces = [_mac(secret, target, *lines)]
        for line in lines:
            pieces += (b"\n", line)
        write_atomic(target, pieces)  # in pieces: a large catalog's entry is never copied
        _prune(target.parent, target.name.partition("-")[0])
    except OSError:
        return


def _mac(secret: bytes, entry: Path, *lines: bytes) -> bytes:
    """The HMAC of an entry's body (its lines), over its file name as well, so an entry
    cannot pass for another."""
    mac = hmac.new(secret, entry.name.encode(), "sha256")
    for line in lines:
        mac.update(b"\n")
        mac.update(line)
    return mac.hexdigest().encode()


def _secret(folder: Path, create: bool) -> bytes | None:
    """The folder's key: read, made (`create`) when there is none, or None when unusable."""
    path = folder / KEY_FILE
    try:
        key = _read_regular(path, private=True)
    except FileNotFoundError:
        if not create:
            return None
        from ecocareer.files import write_atomic

        key = secrets.token_bytes(KEY_BYTES)
        try:
            write_atomic(path, key, replace=False, mode=0o600)
        except FileExistsError:  # another run made one meanwhile: that one counts
            return _secret(folder, create=False)
    return key if key is not None and len(key) == KEY_BYTES else None


def _read_regular(path: Path, private: bool = False) -> bytes | None:
    """A regular file's bytes, opened without following a link or blocking on a FIFO;
    `private`: None unless the file is this user's and no one else may read or write it."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    handle = os.open(path, flags)
    with open(handle, "rb", closefd=True) as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        if private and not _private(info):
            return None
        return stream.read(MAX_ENTRY_BYTES + 1)


def _private(info: os.stat_result) -> bool:
    """This user's, and no one else may read or write it (POSIX; on Windows the cache
    directory is the user's own)."""
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o077


def _prune(folder: Path, kind: str) -> None:
    """Remove the oldest of our own entries of a kind beyond KEEP; nothing else is ever
    touched."""
    ours = []
    for entry in os.scandir(folder):
        mine = _ENTRY.fullmatch(entry.name) and entry.name.startswith(f"{kind}-")
        if mine and entry.is_file(follow_symlinks=False):
            ours.append((entry.stat(follow_symlinks=False).st_mtime, entry.path))
    for _, path in sorted(ours, reverse=True)[KEEP:]:
        os.unlink(path)


Fill = Callable[[Any], Any]
_FILLERS: dict[type[BaseModel], Fill] = {}
# Setters of the slots every Pydantic model has: what `model_construct` sets, at less cost
# (the data of a large catalog is tens of thousands of records).
_SLOTS = {name: vars(BaseModel)[name].__set__ for name in BaseModel.__slots__}


def filler(model: type[BaseModel]) -> Fill:
    """Makes a `model` from its proven JSON dump without validating it again: lists become
    the tuples the model holds, nested records their models, all else is taken as it is."""
    if model not in _FILLERS:
        nested = [
            (name, convert)
            for name, info in model.model_fields.items()
            if (convert := _converter(info.annotation)) is not None
        ]
        new = model.__new__
        fields, fields_set = _SLOTS["__dict__"], _SLOTS["__pydantic_fields_set__"]
        extra, private = _SLOTS["__pydantic_extra__"], _SLOTS["__pydantic_private__"]

        def fill(values: dict[str, Any]) -> BaseModel:
            for name, convert in nested:
                values[name] = convert(values[name])
            record = new(model)
            fields(record, values)
            fields_set(record, set(values))
            extra(record, None)
            private(record, None)
            return record

        _FILLERS[model] = fill
    return _FILLERS[model]


def _converter(annotation: Any) -> Fill | None:
    """How a field's JSON value becomes the field's value; None when it is used as it is."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return filler(annotation)
    if typing.get_origin(annotation) is tuple:
        item, *rest = typing.get_args(annotation)
        inner = _converter(item) if rest == [Ellipsis] else None
        return tuple if inner is None else lambda values: tuple(map(inner, values))
    unions = (typing.Union, types.UnionType)
    if typing.get_origin(annotation) in unions and any(
        map(_converter, typing.get_args(annotation))
    ):
        raise TypeError(f"the cache cannot fill {annotation}")  # no model has one yet
    return None
