"""JSON-ready records that several commands share, so their shapes cannot drift apart."""

from __future__ import annotations

from typing import Any

from ecocareer.catalog import Catalog
from ecocareer.models import Band, Role

BAND_COLUMNS = (
    "role", "country", "currency", "level", "min", "max", "open_ended", "years", "sources",
)  # fmt: skip


def band_record(band: Band, catalog: Catalog) -> dict[str, Any]:
    """A flat salary band as PRODUCT.md defines it (same keys as the CSV columns)."""
    return {
        "role": band.role,
        "country": band.country,
        "currency": catalog.country(band.country).currency,
        "level": band.level,
        "min": band.min,
        "max": band.max,
        "open_ended": band.open_ended,
        "years": band.years,
        "sources": list(band.sources),
    }


def role_record(role: Role) -> dict[str, Any]:
    """A role with `skills` as one list of skill ids (core first) and the split kept beside it."""
    record = role.model_dump(mode="json")
    record["skills"] = list(role.skills.all)
    record["core_skills"] = list(role.skills.core)
    record["supporting_skills"] = list(role.skills.supporting)
    return record
