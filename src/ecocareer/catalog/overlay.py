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
    """`base` with the overlay's entries replacing same-id entries or appended.

    Linear in the size of both files. An entry given twice within the overlay is a
    problem reported at the overlay's own file and line, as is anything else there
    that is not a list of entries.
    """
    if not isinstance(overlay.value, dict):
        raise DataError(
            [Problem(overlay.file, 1, "", "must be a mapping of lists, like the bundled file")]
        )
    if not isinstance(base.value, dict):
        return base
    value = dict(base.value)
    lines = dict(base.lines)
    origins = dict(base.origins)
    base_paths = _by_entry(base.lines)
    overlay_lines = _by_entry(overlay.lines)
    problems: list[Problem] = []
    for key, items in overlay.value.items():
        if not isinstance(items, list) or not isinstance(value.get(key, []), list):
            problems.append(
                Problem(overlay.file, overlay.line_of((key,)), key, "must be a list of entries")
            )
            continue
        if key not in value:  # not a list the data knows: validation reports it, here
            origins[(key,)] = overlay.file
            lines[(key,)] = overlay.line_of((key,)) or 1
        identity = IDENTITIES.get(key, _by_id)
        merged = list(value.get(key, []))
        position = {identity(item): index for index, item in enumerate(merged)}
        first_here: dict[object, int] = {}
        for index, item in enumerate(items):
            known = identity(item)
            if known is not None and known in first_here:
                problems.append(
                    Problem(
                        overlay.file,
                        overlay.line_of((key, index)),
                        f"{key}[{index}]",
                        f"gives {_named(known)} a second time (first on line "
                        f"{overlay.line_of((key, first_here[known]))}); give each entry once",
                    )
                )
                continue
            if known is not None:
                first_here[known] = index
            target = position.get(known) if known is not None else None
            if target is None:
                target = len(merged)
                merged.append(item)
            else:
                merged[target] = item
                for old, _ in base_paths.pop((key, target), ()):
                    lines.pop(old, None)
                    origins.pop(old, None)
            for path, line in overlay_lines.get((key, index), ()):
                lines[(key, target, *path[2:])] = line
            origins[(key, target)] = overlay.file
        value[key] = merged
    if problems:
        raise DataError(problems)
    return YamlDocument(base.file, value, lines, origins)


def _by_entry(lines: dict[Path_, int]) -> dict[Path_, list[tuple[Path_, int]]]:
    """Every path's line, grouped by the entry (list and index) it belongs to."""
    grouped: dict[Path_, list[tuple[Path_, int]]] = {}
    for path, line in lines.items():
        if len(path) >= 2:
            grouped.setdefault(path[:2], []).append((path, line))
    return grouped


def _named(identity: object) -> str:
    if isinstance(identity, tuple):
        return "the band " + "/".join(str(part) for part in identity)
    return f"the id '{identity}'"


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
# (see `ecocareer skills`); a role with a bundled id replaces that role.
#
# roles:
#   - id: marketing-ops-specialist
#     name: Marketing Operations Specialist
#     aliases: [marketing-ops]
#     layer: architects
#     summary: Runs the tools and processes the marketing team works with.
#     responsibilities: [Keeps the marketing stack running]
#     skills: {core: [project-management], supporting: [analytics]}
#     leads_to:
#       - role: digital-marketing-manager
#         basis: inferred          # or: source, with sources: [...] that state it
#         note: Both run the marketing plan; the manager also leads the team.
#     sources: [my-salary-survey]
roles: []
""",
}
