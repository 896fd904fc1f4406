"""The one way data gets in: locate the directory, read its YAML safely, validate, cross-check.

Every problem becomes `file:line: field: what is wrong`; all problems of a
directory are collected before anything is raised, so one run shows them all.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ecocareer.catalog import Catalog
from ecocareer.errors import DataError, Problem
from ecocareer.models import RolesFile, SalariesFile, SourcesFile
from ecocareer.yamlsafe import Path_, YamlDocument, read_yaml

DATA_DIR_ENV = "ECOCAREER_DATA_DIR"
FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": SourcesFile,
    "roles.yaml": RolesFile,
    "salaries.yaml": SalariesFile,
}


def bundled_data_dir() -> Path:
    """The data shipped inside the package (or the checkout's `data/` in an editable install)."""
    packaged = Path(str(resources.files("ecocareer") / "data"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def data_dir(option: Path | None = None) -> Path:
    """The directory in use: `--data-dir`, else $ECOCAREER_DATA_DIR, else the bundled data."""
    if option is not None:
        return option
    from_env = os.environ.get(DATA_DIR_ENV)
    return Path(from_env) if from_env else bundled_data_dir()


def load_catalog(directory: Path) -> Catalog:
    """Read and validate every file of `directory`, or raise DataError listing all problems."""
    if not directory.is_dir():
        raise DataError(
            [Problem(str(directory), None, "", "data directory not found")],
            hint=f"Point --data-dir or {DATA_DIR_ENV} at a directory holding " + ", ".join(FILES),
        )
    problems: list[Problem] = []
    documents: dict[str, YamlDocument] = {}
    models: dict[str, Any] = {}
    for name, model in FILES.items():
        try:
            document = read_yaml(directory / name, label=str(directory / name))
        except DataError as error:
            problems.extend(error.problems)
            continue
        documents[name] = document
        try:
            models[name] = model.model_validate(document.value)
        except ValidationError as error:
            problems.extend(_validation_problems(document, error))
    if not problems:
        catalog = Catalog(
            directory, models["roles.yaml"], models["salaries.yaml"], models["sources.yaml"]
        )
        problems.extend(_cross_check(catalog, documents))
    if problems:
        raise DataError(problems)
    return catalog


_MESSAGES = {
    "missing": "is required but missing",
    "extra_forbidden": "is not a known field (check its spelling)",
    "string_type": "must be text (quote it)",
    "int_type": "must be a whole number",
    "bool_type": "must be true or false",
    "model_type": "must be a mapping of fields",
    "tuple_type": "must be a list",
}


def _validation_problems(document: YamlDocument, error: ValidationError) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        path = tuple(part for part in detail["loc"] if isinstance(part, (str, int)))
        message = _MESSAGES.get(detail["type"], detail["msg"].rstrip(".").lower())
        if detail["type"] not in ("missing", "extra_forbidden", "model_type"):
            message += f" (found {_shown(detail['input'])})"
        problems.append(
            Problem(document.file, document.line_of(path), _field(document, path), message)
        )
    return problems


def _shown(value: object) -> str:
    text = repr(value)
    text = re.sub(r"[\x00-\x1f\x7f-\x9f]", "?", text)
    return text if len(text) <= 60 else text[:57] + "..."


def _field(document: YamlDocument, path: Path_) -> str:
    """`roles[4] 'seo-specialist' .skills.core[0]`: a path a person can find in the file."""
    text = ""
    value: Any = document.value
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
        value = _child(value, part)
        if isinstance(value, dict) and isinstance(value.get("id"), str) and part != path[-1]:
            text += f" ({_shown(value['id'])})"
    return text


def _child(value: Any, part: str | int) -> Any:
    if isinstance(value, dict) and isinstance(part, str):
        return value.get(part)
    if isinstance(value, list) and isinstance(part, int) and part < len(value):
        return value[part]
    return None


def _normal(term: str) -> str:
    return re.sub(r"[\s_-]+", "-", term.strip().casefold())


def _cross_check(catalog: Catalog, documents: dict[str, YamlDocument]) -> list[Problem]:
    """References resolve, ids and names are unique, figures make sense."""
    roles_doc = documents["roles.yaml"]
    salaries_doc = documents["salaries.yaml"]
    sources_doc = documents["sources.yaml"]
    problems: list[Problem] = []

    def problem(document: YamlDocument, path: Path_, message: str) -> None:
        problems.append(
            Problem(document.file, document.line_of(path), _field(document, path), message)
        )

    def unique(document: YamlDocument, key: str, items: Iterable[Any]) -> None:
        seen: dict[str, str] = {}
        for index, item in enumerate(items):
            names = [("id", item.id)]
            names += [("name", item.name)] if hasattr(item, "name") and key != "sources" else []
            names += [(f"aliases[{i}]", a) for i, a in enumerate(getattr(item, "aliases", ()))]
            for field, name in names:
                normal = _normal(name)
                owner = seen.get(normal)
                if owner is not None and owner != item.id:
                    problem(
                        document,
                        (key, index, *_split(field)),
                        f"'{name}' is already used by '{owner}'; terms must be unique",
                    )
                seen.setdefault(normal, item.id)

    def known(
        document: YamlDocument, path: Path_, value: str, index: dict[str, Any], what: str
    ) -> None:
        if value not in index:
            problem(document, path, f"unknown {what} '{value}'{_suggest(value, index)}")

    layers = {layer.id: layer for layer in catalog.layers}
    skills = {skill.id: skill for skill in catalog.skills}
    roles = {role.id: role for role in catalog.roles}
    countries = {country.id: country for country in catalog.countries}
    levels = {level.id: level for level in catalog.levels}
    sources = {source.id: source for source in catalog.sources}
    modes = {mode.id: mode for mode in catalog.failure_modes}

    unique(sources_doc, "sources", catalog.sources)
    for key, items in (
        ("layers", catalog.layers),
        ("failure_modes", catalog.failure_modes),
        ("skills", catalog.skills),
        ("roles", catalog.roles),
    ):
        unique(roles_doc, key, items)
    unique(salaries_doc, "countries", catalog.countries)
    unique(salaries_doc, "levels", catalog.levels)

    def cited(document: YamlDocument, path: Path_, ids: Iterable[str]) -> None:
        for i, source_id in enumerate(ids):
            known(document, (*path, "sources", i), source_id, sources, "source")

    for i, layer in enumerate(catalog.layers):
        known(roles_doc, ("layers", i, "failure_mode"), layer.failure_mode, modes, "failure mode")
        for j, feed in enumerate(layer.feeds):
            known(roles_doc, ("layers", i, "feeds", j, "layer"), feed.layer, layers, "layer")
        for j, need in enumerate(layer.needs):
            known(roles_doc, ("layers", i, "needs", j, "layer"), need.layer, layers, "layer")
        cited(roles_doc, ("layers", i), layer.sources)
    for i, mode in enumerate(catalog.failure_modes):
        known(roles_doc, ("failure_modes", i, "layer"), mode.layer, layers, "layer")
        known(roles_doc, ("failure_modes", i, "missing"), mode.missing, layers, "layer")
        for j, layer_id in enumerate(mode.present_any):
            known(roles_doc, ("failure_modes", i, "present_any", j), layer_id, layers, "layer")
        cited(roles_doc, ("failure_modes", i), mode.sources)
    for i, skill in enumerate(catalog.skills):
        known(roles_doc, ("skills", i, "layer"), skill.layer, layers, "layer")
    for i, role in enumerate(catalog.roles):
        known(roles_doc, ("roles", i, "layer"), role.layer, layers, "layer")
        for j, layer_id in enumerate(role.spans):
            known(roles_doc, ("roles", i, "spans", j), layer_id, layers, "layer")
        for part in ("core", "supporting"):
            for j, skill_id in enumerate(getattr(role.skills, part)):
                known(roles_doc, ("roles", i, "skills", part, j), skill_id, skills, "skill")
        doubled = set(role.skills.core) & set(role.skills.supporting)
        if doubled:
            problem(
                roles_doc,
                ("roles", i, "skills", "supporting"),
                f"{', '.join(sorted(doubled))} also listed as core; list a skill once",
            )
        for j, target in enumerate(role.leads_to):
            known(roles_doc, ("roles", i, "leads_to", j), target, roles, "role")
            if target == role.id:
                problem(roles_doc, ("roles", i, "leads_to", j), "a role cannot lead to itself")
        cited(roles_doc, ("roles", i), role.sources)

    seen_bands: dict[tuple[str, str, str], int] = {}
    for i, band in enumerate(catalog.bands):
        known(salaries_doc, ("bands", i, "role"), band.role, roles, "role")
        known(salaries_doc, ("bands", i, "country"), band.country, countries, "country")
        known(salaries_doc, ("bands", i, "level"), band.level, levels, "level")
        cited(salaries_doc, ("bands", i), band.sources)
        if band.min > band.max:
            problem(
                salaries_doc,
                ("bands", i, "min"),
                f"min {band.min} is above max {band.max}; min must not exceed max",
            )
        band_key = (band.role, band.country, band.level)
        if band_key in seen_bands:
            first = seen_bands[band_key]
            problem(
                salaries_doc,
                ("bands", i),
                f"a second band for {'/'.join(band_key)} (the first is bands[{first}])",
            )
        seen_bands.setdefault(band_key, i)
    return problems


def _split(field: str) -> tuple[str | int, ...]:
    match = re.fullmatch(r"(\w+)\[(\d+)\]", field)
    return (match.group(1), int(match.group(2))) if match else (field,)


def _suggest(value: str, index: dict[str, Any]) -> str:
    from difflib import get_close_matches

    close = get_close_matches(value, list(index), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
