"""Your own data on top of ours: an overlay directory adds or replaces entries by id.

An overlay holds any of the data files with only the entries it changes, e.g.
a `salaries.yaml` with a new country and its bands, or one band with local
figures. Entries are matched by `id` (bands by role, country and level); a
match replaces the bundled entry, anything else is added. The merged document
remembers which file and line every entry came from, so validation problems
point into the overlay when that is where they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ecocareer.catalog.documents import Path_, YamlDocument
from ecocareer.errors import DataError, Problem

Identity = Callable[[Any], object]


def _by_id(item: Any) -> object:
    return item.get("id") if isinstance(item, dict) else None


def _by_band(item: Any) -> object:
    if not isinstance(item, dict):
        return None
    return (item.get("role"), item.get("country"), item.get("level"))


IDENTITIES: dict[str, Identity] = {"bands": _by_band}


def merge(base: YamlDocument, overlay: YamlDocument) -> YamlDocument:
    """`base` with the overlay's entries replacing same-id entries or appended."""
    if not isinstance(overlay.value, dict):
        raise DataError(
            [Problem(overlay.file, 1, "", "must be a mapping of lists, like the bundled file")]
        )
    if not isinstance(base.value, dict):
        return base
    value = dict(base.value)
    lines = dict(base.lines)
    origins = dict(base.origins)
    for key, items in overlay.value.items():
        if not isinstance(items, list) or not isinstance(value.get(key, []), list):
            raise DataError(
                [Problem(overlay.file, overlay.line_of((key,)), key, "must be a list of entries")]
            )
        identity = IDENTITIES.get(key, _by_id)
        merged = list(value.get(key, []))
        position = {identity(item): index for index, item in enumerate(merged)}
        for index, item in enumerate(items):
            target = position.get(identity(item))
            if target is None or identity(item) is None:
                target = len(merged)
                merged.append(item)
            else:
                merged[target] = item
                _forget(lines, origins, (key, target))
            _adopt(lines, origins, overlay, (key, index), (key, target))
        value[key] = merged
    return YamlDocument(base.file, value, lines, origins)


def _forget(lines: dict[Path_, int], origins: dict[Path_, str], prefix: Path_) -> None:
    for table in (lines, origins):
        for path in [p for p in table if p[: len(prefix)] == prefix]:
            del table[path]


def _adopt(
    lines: dict[Path_, int],
    origins: dict[Path_, str],
    overlay: YamlDocument,
    source: Path_,
    target: Path_,
) -> None:
    for path, line in overlay.lines.items():
        if path[: len(source)] == source:
            lines[target + path[len(source) :]] = line
    origins[target] = overlay.file


TEMPLATES = {
    "salaries.yaml": """\
# ecocareer overlay: salaries. Entries here are merged on top of the bundled data:
# an entry with the same id (a band: the same role, country and level) replaces
# the bundled one, anything else is added. Write whole entries, with every field.
# Cite where your figures come from: add the source to sources.yaml (below).
#
# Example: a country of your own and a band for it (fill in real figures):
#
# countries:
#   - id: nz
#     name: New Zealand
#     currency: NZD
#     symbol: "$"
#     aliases: [new-zealand]
# bands:
#   - {role: seo-specialist, level: entry, country: nz, min: <amount>, max: <amount>,
#      sources: [my-salary-survey]}
#   # open_ended: true marks a top written with a "+"; years: "3-5 yrs" a year span.
countries: []
bands: []
""",
    "sources.yaml": """\
# ecocareer overlay: sources your own figures cite.
#
# sources:
#   - id: my-salary-survey
#     title: "Our 2026 salary survey"
#     publisher: "Example Ltd"
#     url: "https://example.com/salaries"
#     accessed: "2026-01-31"
sources: []
""",
    "roles.yaml": """\
# ecocareer overlay: roles and skills your organisation has. Use the ids of the
# bundled layers (producers, distributors, converters, architects) and skills
# (see `ecocareer roles ROLE`); a role with a bundled id replaces that role.
#
# roles:
#   - id: marketing-ops-specialist
#     name: Marketing Operations Specialist
#     aliases: [marketing-ops]
#     layer: architects
#     summary: Runs the tools and processes the marketing team works with.
#     responsibilities: [Keeps the marketing stack running]
#     skills: {core: [project-management], supporting: [analytics]}
#     leads_to: [digital-marketing-manager]
#     sources: [my-salary-survey]
roles: []
""",
}
