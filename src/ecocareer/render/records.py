"""JSON-ready records that several views share, so their shapes cannot drift apart."""

from __future__ import annotations

import dataclasses
from typing import Any

from ecocareer.catalog.index import Pay
from ecocareer.catalog.models import Record, Role, Skill

BAND_COLUMNS = (
    "role", "country", "currency", "level", "min", "max", "open_ended", "years", "sources",
    "as_of", "notes",
)  # fmt: skip


def data_record(record: Record) -> dict[str, Any]:
    """A data record as JSON, its fields in the data's order, records within as objects."""
    return {each.name: _as_json(getattr(record, each.name)) for each in dataclasses.fields(record)}


def _as_json(value: Any) -> Any:
    if isinstance(value, Record):
        return data_record(value)
    if isinstance(value, tuple | list):
        return [_as_json(item) for item in value]
    return value


def band_record(pay: Pay) -> dict[str, Any]:
    """A flat salary band as PRODUCT.md defines it (same keys as the CSV columns)."""
    band = pay.band
    return {
        "role": band.role,
        "country": band.country,
        "currency": pay.country.currency,
        "level": band.level,
        "min": band.min,
        "max": band.max,
        "open_ended": band.open_ended,
        "years": band.years,
        "sources": list(band.sources),
        "as_of": pay.as_of,
        "notes": [note.text for note in pay.notes],
    }


def role_record(role: Role) -> dict[str, Any]:
    """A role with `skills` as one list of skill ids (core first) and the split kept beside it."""
    fields = data_record(role)
    fields["skills"] = list(role.skills.all)
    fields["core_skills"] = list(role.skills.core)
    fields["supporting_skills"] = list(role.skills.supporting)
    return fields


def names(skills: tuple[Skill, ...]) -> list[str]:
    """Skill display names, in order."""
    return [skill.name for skill in skills]


def ids(skills: tuple[Skill, ...]) -> list[str]:
    """Skill ids, in order."""
    return [skill.id for skill in skills]
