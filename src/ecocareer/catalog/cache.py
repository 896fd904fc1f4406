"""A cache of validated data, so that a repeat run skips YAML parsing and validation.

Safe by construction:
- it keeps to a folder of its own (`ecocareer-cache` inside the cache directory)
  and touches only files it named there (`catalog-<digest>.bin`,
  `document-<digest>.bin` and the key, `catalog.key`); whatever else the directory
  holds is never read, rewritten or removed;
- an entry is keyed by a SHA-256 of the exact bytes of every data file (overlay
  included), the package version, the cache format, the Python that wrote it and
  the source of the modules that decide what valid data is, so any change to the
  data or to the rules selects another entry: a stale entry can never match;
- an entry is opened only if it is a regular file of bounded size (never a link, a
  FIFO or a device), and carries an HMAC-SHA256 of its name and body under the
  folder's secret key. Only `store` writes with that key, and `loading` calls it only
  for data that passed validation and every cross-check, so an entry whose HMAC holds
  is exactly what this code proved valid: its records are filled from it as they are,
  without a second validation. A corrupt, truncated, renamed or hand-edited entry
  fails the HMAC and is ignored and rebuilt, never trusted;
- the body is the records' field values in `marshal`'s format: only text, numbers,
  flags, None and tuples of them, one tuple a record, in field order (three to
  four times faster to read than JSON, and no Pydantic). `marshal` is not made to read
  bytes from anyone else, and it never does here: it reads a body only after the
  HMAC has proved that this user's ecocareer wrote it, with this Python (never
  pickle: nothing in an entry names code to run);
- the key is 32 random bytes made once, readable by its owner only; a key that is
  not a regular file of that size, owned by this user and private to them, turns
  the cache off (it is never replaced), so nobody else can write entries it trusts;
- entries are written whole or not at all (`files.write_atomic`), and every
  failure to read or write the cache (unwritable or missing directory, a full
  disk) is ignored: the data is then loaded as if there were no cache.
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import hmac
import itertools
import marshal
import operator
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from ecocareer import __version__
from ecocareer.catalog.documents import YamlDocument
from ecocareer.catalog.models import Held, Record, once_per_kind, records_held

FORMAT = b"ecocareer-cache-4"
FOLDER = "ecocareer-cache"
KEY_FILE = "catalog.key"
KEY_BYTES = 32
KEEP = 8  # entries kept (several data directories in turn)
MAX_ENTRY_BYTES = 512 * 1024 * 1024
_ENTRY = re.compile(r"(catalog|document)-[0-9a-f]{64}\.bin")
# The modules whose code decides what valid data is: an entry is for their exact source.
RULES = [
    "aside.py",
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
    return cache / FOLDER / f"{kind}-{key}.bin"


def cache_key(files: Iterable[tuple[str, bytes]]) -> str:
    """A digest of the data's exact bytes, the package version, the cache format, the
    Python that reads it and the validating code."""
    python = f"{sys.implementation.cache_tag} {sys.version} marshal {marshal.version}"
    digest = hashlib.sha256(b"\0".join([FORMAT, __version__.encode(), python.encode()]))
    here = Path(__file__).parent
    for name in RULES:
        digest.update(hashlib.sha256((here / name).read_bytes()).digest())
    for name, raw in files:
        digest.update(b"\0%s\0%d\0" % (os.fsencode(name), len(raw)))  # names need not be UTF-8
        digest.update(raw)
    return digest.hexdigest()


def load(cache: Path, key: str, models: Mapping[str, type[Record]]) -> dict[str, Record] | None:
    """The validated files stored under `key`, or None if there is no sound entry."""
    rows = _proven(entry_path(cache, key))
    if not isinstance(rows, tuple) or len(rows) != len(models):
        return None
    return {
        name: filler(model)(row) for (name, model), row in zip(models.items(), rows, strict=True)
    }


def store(cache: Path, key: str, files: Mapping[str, Record]) -> None:
    """Keep the validated files under `key`; never fails (a cache is optional)."""
    _write(entry_path(cache, key), tuple(_rower(type(file))(file) for file in files.values()))


def load_document(cache: Path, name: str, raw: bytes) -> YamlDocument | None:
    """A small YAML file (the profile) as the reader parsed these exact bytes before, lines
    included, or None: a run with a saved profile need not import the YAML reader."""
    stored = _proven(entry_path(cache, cache_key([(name, raw)]), "document"))
    if not isinstance(stored, tuple) or len(stored) != 2:
        return None
    value, where = stored
    return YamlDocument(name, value, where)


def store_document(cache: Path, raw: bytes, document: YamlDocument) -> None:
    """Keep a parsed small YAML file for `load_document`; never fails."""
    target = entry_path(cache, cache_key([(document.file, raw)]), "document")
    _write(target, (document.value, document.lines))


def _proven(path: Path) -> Any:
    """What the entry at `path` holds if its HMAC holds, else None (no entry, no key)."""
    try:
        secret = _secret(path.parent, create=False)
        raw = _read_regular(path) if secret else None
        if secret is None or raw is None:
            return None
        mac, _, body = raw.partition(b"\n")
        return marshal.loads(body) if hmac.compare_digest(mac, _mac(secret, path, body)) else None
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _write(target: Path, value: Any) -> None:
    """Write an entry (its HMAC, then its body) whole, then prune its kind; never fails."""
    from ecocareer.files import write_atomic

    try:
        body = marshal.dumps(value)
        target.parent.mkdir(parents=True, exist_ok=True)
        secret = _secret(target.parent, create=True)
        if secret is None:
            return
        write_atomic(target, [_mac(secret, target, body), b"\n", body])
        _prune(target.parent, target.name.partition("-")[0])
    except (OSError, ValueError):  # ValueError: a value marshal cannot write
        return


def _mac(secret: bytes, entry: Path, body: bytes) -> bytes:
    """The HMAC of an entry's body, over its file name as well, so an entry cannot pass for
    another."""
    return hmac.new(secret, entry.name.encode() + b"\n" + body, "sha256").hexdigest().encode()


def _secret(folder: Path, create: bool) -> bytes | None:
    """The folder's key: read, made (`create`) when there is none, or None when unusable."""
    path = folder / KEY_FILE
    try:
        key = _read_regular(path, private=True)
    except FileNotFoundError:
        if not create:
            return None
        from ecocareer.files import write_atomic

        key = os.urandom(KEY_BYTES)  # what secrets.token_bytes gives, without importing random
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


Convert = Callable[[Any], Any]
_SET = object.__setattr__  # records are frozen: their fields are set the way dataclasses do


class _Shape(NamedTuple):
    """How one kind of record becomes a row and back: its fields' names in order, and
    the fields among them that hold records."""

    names: tuple[str, ...]
    nested: tuple[Held, ...]


@once_per_kind
def _shape(model: type[Record]) -> _Shape:
    return _Shape(tuple(each.name for each in dataclasses.fields(model)), records_held(model))


@once_per_kind
def _rower(model: type[Record]) -> Convert:
    """Makes a row of a `model`: its fields' values in order, records within as rows."""
    names, nested = _shape(model)
    if len(names) == 1:  # attrgetter of one name gives the value, not a tuple of one
        only = names[0]
        get: Convert = lambda record: (getattr(record, only),)  # noqa: E731
    else:
        get = operator.attrgetter(*names)
    if not nested:
        return get
    inner = [(held.position, _rower(held.kind), held.many) for held in nested]

    def row(record: Record) -> tuple[Any, ...]:
        values = list(get(record))
        for position, convert, many in inner:
            value = values[position]
            values[position] = tuple(map(convert, value)) if many else convert(value)
        return tuple(values)

    return row


@once_per_kind
def filler(model: type[Record]) -> Convert:
    """Makes a `model` from its proven row without validating it again: rows within become
    the records they were when first read (see `_Later`), all else is taken as it is."""
    names, nested = _shape(model)
    later = []
    for held in nested:
        convert = _fill_many(held.kind) if held.many else filler(held.kind)
        default = model.__dict__.get(held.name, dataclasses.MISSING)
        setattr(model, held.name, _Later(held.name, convert, default))
        later.append((held.name, _Later.rows_of(held.name)))
    new = model.__new__

    def fill(row: tuple[Any, ...]) -> Record:
        values = dict(zip(names, row, strict=True))
        for name, rows in later:
            values[rows] = values.pop(name)
        record = new(model)
        _SET(record, "__dict__", values)
        return record

    return fill


class _Later:
    """A field holding records, on records filled from the cache: its rows become records
    the first time the field is read (a listing of roles never reads their links or
    notes, a fifth of a large catalog's records). From then on the record's own dict holds
    them and hides this; records made any other way hold every field in their dict and
    never meet it."""

    __slots__ = ("convert", "default", "name", "rows")

    def __init__(self, name: str, convert: Convert, default: Any) -> None:
        self.name, self.rows = name, self.rows_of(name)
        self.convert, self.default = convert, default

    @staticmethod
    def rows_of(name: str) -> str:
        return f"{name} rows"  # never a field's name: no identifier has a space

    def __get__(self, record: Record | None, kind: type | None = None) -> Any:
        if record is None:  # the class's own attribute: the field's default, as before
            if self.default is dataclasses.MISSING:
                raise AttributeError(self.name)
            return self.default
        fields = record.__dict__
        value = fields[self.name] = self.convert(fields.pop(self.rows))
        return value


@once_per_kind
def _fill_many(model: type[Record]) -> Convert:
    """Makes a tuple of `model`s from their rows. Records that hold no records (a salary
    band, a skill: most of a large catalog) are made in one pass of C loops, without a
    Python call each (about a third less time)."""
    names, nested = _shape(model)
    if nested:
        fill = filler(model)
        return lambda rows: tuple(map(fill, rows))
    new = model.__new__

    def many(rows: tuple[tuple[Any, ...], ...]) -> tuple[Record, ...]:
        records = tuple(map(new, itertools.repeat(model, len(rows))))
        fields = map(dict, map(zip, itertools.repeat(names), rows))
        collections.deque(map(_SET, records, itertools.repeat("__dict__"), fields), maxlen=0)
        return records

    return many
