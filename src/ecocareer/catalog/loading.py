"""The one way data gets in: read the files safely, validate, cross-check (or use the cache).

Every problem becomes `file:line: field: what is wrong`; all problems of a
directory are collected before anything is raised, so one run shows them all.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ecocareer.catalog.aside import Aside
from ecocareer.catalog.documents import Path_, YamlDocument, read_bytes
from ecocareer.catalog.index import Catalog
from ecocareer.catalog.locations import (
    DATA_DIR_ENV,
    DATA_FILES,
    OVERLAY_ENV,
    cache_dir,
    data_dir,
    overlay_dir,
)
from ecocareer.catalog.models import (
    Record,
    RolesFile,
    SalariesFile,
    SourcesFile,
    once_per_kind,
    records_held,
)
from ecocareer.catalog.overlay import merge
from ecocareer.catalog.terms import normalise
from ecocareer.errors import DataError, Problem, quoted

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

FILES: dict[str, type[Record]] = dict(
    zip(DATA_FILES, (SourcesFile, RolesFile, SalariesFile), strict=True)
)


def load_in_use(data_dir_option: Path | None = None) -> Catalog:
    """The catalog a command works with: the data in use, its overlay, through the cache."""
    return load_catalog(data_dir(data_dir_option), overlay_dir(), cache_dir())


def load_catalog(
    directory: Path, overlay: Path | None = None, cache: Path | None = None
) -> Catalog:
    """Read and validate every file of `directory` (with `overlay`'s entries merged in),
    or raise DataError listing all problems. With a `cache` directory, data whose
    exact bytes were validated before is taken from there (see `ecocareer.catalog.cache`)."""
    _require_directory(directory)
    if overlay is not None:
        _require_directory(overlay, what="overlay directory")
        if not os.access(overlay, os.R_OK | os.X_OK):  # its files cannot even be listed
            raise DataError(
                [Problem(str(overlay), None, "", "overlay directory cannot be read")],
                hint=f"Make it readable, or set {OVERLAY_ENV} empty for no overlay.",
            )
    raws, problems = _read_files(directory, overlay)
    key = None
    if cache is not None and not problems:
        from ecocareer.catalog import cache as cached

        key = cached.cache_key((str(path), raw) for path, raw in raws.items())
        hit = cached.load(cache, key, FILES)  # proven: validated and cross-checked when stored
        if hit is not None:
            return _catalog(directory, hit)
    models, found = _validate(directory, overlay, raws, lines=False)
    if problems or found:  # read again, noting every line, to say where each problem is
        problems.extend(_validate(directory, overlay, raws, lines=True)[1])
        raise DataError(sorted(problems, key=lambda p: (p.file, p.line or 0)))
    if cache is not None and key is not None:
        from ecocareer.catalog import cache as cached

        raws.clear()  # the files' bytes are not needed again: memory for the entry
        cached.store(cache, key, models)
    return _catalog(directory, models)


def _validate(
    directory: Path, overlay: Path | None, raws: dict[Path, bytes], lines: bool
) -> tuple[dict[str, Record], list[Problem]]:
    """The validated model of every file that was read, and every problem found (where
    they are, with `lines`). Without lines, each file's parsed values are let go as soon
    as it is validated, so the largest data never sits in memory twice over."""
    from pydantic import ValidationError

    documents: dict[str, YamlDocument] = {}
    models: dict[str, Record] = {}
    parts: dict[str, _Part] = {}
    problems: list[Problem] = []
    aside = _read_aside(directory, raws, lines)
    try:
        for name, model in FILES.items():
            if directory / name not in raws:  # unreadable: _read_files said why
                continue
            try:
                document = _document(directory, overlay, name, raws, lines, aside.get(name))
            except DataError as error:
                problems.extend(error.problems)
                continue
            try:
                models[name] = _validator(model).validate_python(document.value)
            except ValidationError as error:
                problems.extend(_validation_problems(document, error))
                parts.update(_salvage(model, document.value))
            else:
                parts.update(_parts(models[name]))
            documents[name] = document if lines else YamlDocument(document.file, None)
            del document
    finally:
        for reading in aside.values():
            reading.close()
    problems.extend(_cross_check(parts, documents))
    return models, problems


def _read_files(directory: Path, overlay: Path | None) -> tuple[dict[Path, bytes], list[Problem]]:
    """The bytes of every data file (and overlay file) there is, and what could not be read."""
    raws: dict[Path, bytes] = {}
    problems: list[Problem] = []
    for name in FILES:
        paths = [directory / name]
        if overlay is not None and os.path.lexists(overlay / name):
            paths.append(overlay / name)
        for path in paths:
            try:
                raws[path] = read_bytes(path, str(path))
            except DataError as error:
                problems.extend(error.problems)
    return raws, problems


def _read_aside(directory: Path, raws: dict[Path, bytes], lines: bool) -> dict[str, Aside]:
    """Every data file but the largest, each read by a second process where that is faster
    (see `aside`), while this one reads the largest."""
    present = [name for name in FILES if directory / name in raws]
    largest = max(present, key=lambda name: len(raws[directory / name]), default=None)
    return {
        name: Aside(raws[directory / name], str(directory / name), lines)
        for name in present
        if name != largest
    }


def _document(
    directory: Path,
    overlay: Path | None,
    name: str,
    raws: dict[Path, bytes],
    lines: bool,
    aside: Aside | None = None,
) -> YamlDocument:
    from ecocareer.catalog.yamlsafe import parse_yaml  # only here: a cache hit never imports YAML

    base = directory / name
    document = aside.document() if aside else parse_yaml(raws[base], str(base), lines)
    if overlay is not None and (overlay / name) in raws:
        added = parse_yaml(raws[overlay / name], str(overlay / name), lines)
        document = merge(document, added)
    return document


def _catalog(directory: Path, models: Mapping[str, Any]) -> Catalog:
    return Catalog(directory, models["roles.yaml"], models["salaries.yaml"], models["sources.yaml"])


def _require_directory(directory: Path, what: str = "data directory") -> None:
    hint = f"Point --data-dir or {DATA_DIR_ENV} at a directory holding " + ", ".join(FILES)
    if what != "data directory":
        hint = f"Point {OVERLAY_ENV} at an existing directory, or set it empty for no overlay."
    try:
        if directory.is_dir():
            return
        message = "is not a directory" if directory.exists() else f"{what} not found"
    except OSError as error:  # e.g. a name longer than the system allows
        message = f"cannot be used as the {what} ({error.strerror})"
    raise DataError([Problem(str(directory), None, "", message)], hint=hint)


class _Part(NamedTuple):
    """One list of a data file: its valid records by index, and every id it names.

    A file with errors still has its valid records cross-checked, so one run of
    `data validate` shows every problem; references to a record that is itself
    invalid count as known, so they are not reported twice.
    """

    records: tuple[tuple[int, Any], ...]
    ids: frozenset[str]


@once_per_kind
def _validator(model: type[Record]) -> TypeAdapter[Any]:
    """Pydantic's validator for a kind of record, built the first time it is needed."""
    from pydantic import TypeAdapter

    return TypeAdapter(model)


def _parts(model: Record) -> dict[str, _Part]:
    """Each list of a file (and each single section, as a list of one) with its ids."""
    parts = {}
    for each in dataclasses.fields(model):
        value = getattr(model, each.name)
        if isinstance(value, Record):
            value = (value,)
        if not isinstance(value, tuple):
            continue
        records = tuple(enumerate(value))
        parts[each.name] = _Part(records, frozenset(_id_of(r) for _, r in records) - {""})
    return parts


def _salvage(model: type[Record], value: Any) -> dict[str, _Part]:
    """The valid records of a file that failed validation; lists that are not lists are left out."""
    from pydantic import ValidationError

    if not isinstance(value, dict):
        return {}
    parts = {}
    for held in records_held(model):
        items = value.get(held.name)
        if not held.many:  # a single section, salvaged as a list of one
            items = [items]
        if not isinstance(items, list):
            continue
        records = []
        for index, item in enumerate(items):
            try:
                records.append((index, _validator(held.kind).validate_python(item)))
            except ValidationError:
                continue
        ids = {item["id"] for item in items if isinstance(item, dict) and "id" in item}
        parts[held.name] = _Part(tuple(records), frozenset(i for i in ids if isinstance(i, str)))
    return parts


def _id_of(record: Any) -> str:
    identifier = getattr(record, "id", "")
    return identifier if isinstance(identifier, str) else ""


_MESSAGES = {
    "missing": "is required but missing",
    "unexpected_keyword_argument": "is not a known field (check its spelling)",
    "string_type": "must be text (quote it)",
    "int_type": "must be a whole number",
    "bool_type": "must be true or false",
    "dataclass_type": "must be a mapping of fields",
    "tuple_type": "must be a list",
}


def _validation_problems(document: YamlDocument, error: ValidationError) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        path = tuple(part for part in detail["loc"] if isinstance(part, (str, int)))
        message = _MESSAGES.get(
            detail["type"], detail["msg"].removeprefix("Value error, ").rstrip(".").lower()
        )
        if detail["type"] not in ("missing", "unexpected_keyword_argument", "dataclass_type"):
            message += f" (found {quoted(detail['input'])})"
        problems.append(Problem(*document.where(path), _field(document, path), message))
    return problems


def _field(document: YamlDocument, path: Path_) -> str:
    """`roles[4] 'seo-specialist' .skills.core[0]`: a path a person can find in the file."""
    text = ""
    value: Any = document.value
    for position, part in enumerate(path, 1):
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            name = part if re.fullmatch(r"[A-Za-z_][\w-]{0,63}", part, re.ASCII) else quoted(part)
            text += f".{name}" if text else name
        value = _child(value, part)
        if isinstance(value, dict) and isinstance(value.get("id"), str) and position < len(path):
            text += f" ({quoted(value['id'])})"
    return text


def _child(value: Any, part: str | int) -> Any:
    if isinstance(value, dict) and isinstance(part, str):
        return value.get(part)
    if isinstance(value, list) and isinstance(part, int) and part < len(value):
        return value[part]
    return None


def _cross_check(parts: dict[str, _Part], documents: dict[str, YamlDocument]) -> list[Problem]:
    """References resolve, ids and names are unique, figures make sense.

    Only what was read is checked: a reference into a list that could not be read
    at all (a missing file, a list that is not a list) is not reported.
    """
    check = _CrossCheck(parts)
    if (sources := documents.get("sources.yaml")) is not None:
        check.unique(sources, "sources")
    if (roles := documents.get("roles.yaml")) is not None:
        for key in ("layers", "failure_modes", "skills", "roles"):
            check.unique(roles, key)
        check.roles_file(roles)
    if (salaries := documents.get("salaries.yaml")) is not None:
        check.unique(salaries, "countries")
        check.unique(salaries, "levels")
        check.bands(salaries)
    return check.problems


class _CrossCheck:
    """The checks that look across records and files, collecting every problem."""

    def __init__(self, parts: dict[str, _Part]) -> None:
        self.parts = parts
        self.problems: list[Problem] = []

    def records(self, key: str) -> tuple[tuple[int, Any], ...]:
        part = self.parts.get(key)
        return part.records if part is not None else ()

    def problem(self, document: YamlDocument, path: Path_, message: str) -> None:
        self.problems.append(Problem(*document.where(path), _field(document, path), message))

    def unique(self, document: YamlDocument, key: str) -> None:
        seen: dict[str, tuple[int, str]] = {}
        named = key != "sources"
        for index, item in self.records(key):
            # Ids and aliases are normal already (their pattern says so); names are not.
            terms: list[tuple[Path_, str, str]] = [(("id",), item.id, item.id)]
            if named and hasattr(item, "name"):
                terms.append((("name",), item.name, normalise(item.name)))
            terms += [(("aliases", i), a, a) for i, a in enumerate(getattr(item, "aliases", ()))]
            for field, name, normal in terms:
                first, owner = seen.setdefault(normal, (index, item.id))
                if first == index:
                    continue
                message = (
                    f"the id '{owner}' is used twice (first by {key}[{first}]); ids must be unique"
                    if owner == item.id
                    else f"{quoted(name)} is already used by '{owner}'; terms must be unique"
                )
                self.problem(document, (key, index, *field), message)

    def known(self, document: YamlDocument, path: Path_, value: str, key: str, what: str) -> None:
        part = self.parts.get(key)
        if part is not None and value not in part.ids:
            self.problem(document, path, f"unknown {what} '{value}'{_suggest(value, part.ids)}")

    def cited(self, document: YamlDocument, path: Path_, ids: Iterable[str]) -> None:
        for i, source_id in enumerate(ids):
            self.known(document, (*path, "sources", i), source_id, "sources", "source")

    def roles_file(self, doc: YamlDocument) -> None:
        known = self.known
        for i, layer in self.records("layers"):
            known(
                doc,
                ("layers", i, "failure_mode"),
                layer.failure_mode,
                "failure_modes",
                "failure mode",
            )
            for j, feed in enumerate(layer.feeds):
                known(doc, ("layers", i, "feeds", j, "layer"), feed.layer, "layers", "layer")
            for j, need in enumerate(layer.needs):
                known(doc, ("layers", i, "needs", j, "layer"), need.layer, "layers", "layer")
            self.cited(doc, ("layers", i), layer.sources)
        for i, mode in self.records("failure_modes"):
            known(doc, ("failure_modes", i, "layer"), mode.layer, "layers", "layer")
            known(doc, ("failure_modes", i, "missing"), mode.missing, "layers", "layer")
            for j, layer_id in enumerate(mode.present_any):
                known(doc, ("failure_modes", i, "present_any", j), layer_id, "layers", "layer")
            self.cited(doc, ("failure_modes", i), mode.sources)
        for i, skill in self.records("skills"):
            known(doc, ("skills", i, "layer"), skill.layer, "layers", "layer")
        for i, role in self.records("roles"):
            known(doc, ("roles", i, "layer"), role.layer, "layers", "layer")
            for j, layer_id in enumerate(role.spans):
                known(doc, ("roles", i, "spans", j), layer_id, "layers", "layer")
            for part in ("core", "supporting"):
                for j, skill_id in enumerate(getattr(role.skills, part)):
                    known(doc, ("roles", i, "skills", part, j), skill_id, "skills", "skill")
            doubled = set(role.skills.core) & set(role.skills.supporting)
            if doubled:
                self.problem(
                    doc,
                    ("roles", i, "skills", "supporting"),
                    f"{', '.join(sorted(doubled))} also listed as core; list a skill once",
                )
            linked: set[str] = set()
            for j, link in enumerate(role.leads_to):
                at = ("roles", i, "leads_to", j)
                known(doc, (*at, "role"), link.role, "roles", "role")
                self.cited(doc, at, link.sources)
                if link.role == role.id:
                    self.problem(doc, at, "a role cannot lead to itself")
                elif link.role in linked:
                    self.problem(doc, at, f"leads to {link.role} twice; give each move once")
                linked.add(link.role)
            for j, note in enumerate(role.notes):
                self.cited(doc, ("roles", i, "notes", j), note.sources)
            self.cited(doc, ("roles", i), role.sources)
        for i, mode in self.records("failure_modes"):
            for j, closer in enumerate(mode.closed_by):
                at = ("failure_modes", i, "closed_by", j)
                known(doc, (*at, "role"), closer.role, "roles", "role")
                self.cited(doc, at, closer.sources)
        for _, career in self.records("career"):
            for part in ("phases", "why_a_t", "questions"):
                for j, entry in enumerate(getattr(career, part)):
                    self.cited(doc, ("career", part, j), entry.sources)
        for i, comparison in self.records("comparisons"):
            for j, role_id in enumerate(comparison.roles):
                known(doc, ("comparisons", i, "roles", j), role_id, "roles", "role")
            for j, finding in enumerate(comparison.findings):
                self.cited(doc, ("comparisons", i, "findings", j), finding.sources)

    def bands(self, doc: YamlDocument) -> None:
        for i, note in self.records("notes"):
            self.cited(doc, ("notes", i), note.sources)
            for j, layer_id in enumerate(note.layers):
                self.known(doc, ("notes", i, "layers", j), layer_id, "layers", "layer")
        seen: dict[tuple[str, str, str], int] = {}
        for i, band in self.records("bands"):
            self.known(doc, ("bands", i, "role"), band.role, "roles", "role")
            self.known(doc, ("bands", i, "country"), band.country, "countries", "country")
            self.known(doc, ("bands", i, "level"), band.level, "levels", "level")
            self.cited(doc, ("bands", i), band.sources)
            if band.min > band.max:
                self.problem(
                    doc,
                    ("bands", i, "min"),
                    f"min {band.min} is above max {band.max}; min must not exceed max",
                )
            key = (band.role, band.country, band.level)
            if key in seen:
                self.problem(
                    doc,
                    ("bands", i),
                    f"a second band for {'/'.join(key)} (the first is bands[{seen[key]}])",
                )
            seen.setdefault(key, i)


def _suggest(value: str, index: Iterable[str]) -> str:
    from difflib import get_close_matches

    close = get_close_matches(value, list(index), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
