"""Self-assessment: the shape of a person's "T", their career phase, and the next moves.

Rules (PRODUCT.md): levels run 0-5; *deep* means some skill at 4 or more;
*breadth* counts the four layers holding a skill at 2 or more. Deep and broad
(3+ layers) is t-shaped, deep and narrow is broaden-again, broad but not deep
is go-deep, and the rest is start-wide.

Our own rules where PRODUCT.md is silent:

- Fit of a role: each of the role's skills earns min(level, 4) / 4 (advanced
  counts as full cover), core skills weigh double, and the fit is the weighted
  share of the total.
- Suggested roles by phase: start-wide puts the generalist roles first, then
  the best-fitting specialists; go-deep suggests the specialist roles of the
  person's strongest execution layer, those built on (core) their best skill
  there first; broaden-again and t-shaped suggest Architect roles. Within a
  pool, best fit first, ties in data order.
- Next skills: to widen (start-wide, broaden-again), one skill per layer still
  below working level, the person's strongest there first, else the one most
  roles draw on; start-wide widens in flow order, broaden-again starts with the
  Architects. To deepen (go-deep), the person's best skills, raised to 4.
  Once t-shaped, the core skills of the best-fitting Architect role that are
  furthest from advanced.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from ecocareer.catalog import Catalog
from ecocareer.documents import YamlDocument
from ecocareer.errors import UsageError
from ecocareer.lookup import shown
from ecocareer.models import Layer, Role, Skill

Phase = Literal["start-wide", "go-deep", "broaden-again", "t-shaped"]

LEVEL_NAMES = ("none", "aware", "working", "practitioner", "advanced", "expert")
MAX_LEVEL = len(LEVEL_NAMES) - 1
DEEP_LEVEL = 4
WORKING_LEVEL = 2
BROAD_LAYERS = 3
FULL_COVER = 4
SUGGESTED = 3
NEXT_SKILLS = 3
ARCHITECTS = "architects"

NEXT_PHASE: dict[Phase, Phase | None] = {
    "start-wide": "go-deep",
    "go-deep": "t-shaped",
    "broaden-again": "t-shaped",
    "t-shaped": None,
}


@dataclass(frozen=True)
class SkillLevel:
    """One skill at one level."""

    skill: Skill
    level: int


@dataclass(frozen=True)
class LayerReach:
    """How far a person reaches into one layer: their best level there and in which skill."""

    layer: Layer
    level: int
    best: Skill | None


@dataclass(frozen=True)
class RoleFit:
    """A role and how well the person's levels cover its skills (0.0-1.0)."""

    role: Role
    fit: float

    @property
    def percent(self) -> int:
        return round(self.fit * 100)


@dataclass(frozen=True)
class NextSkill:
    """A skill worth growing, from the level the person has to the level that counts."""

    skill: Skill
    level: int
    target: int


@dataclass(frozen=True)
class TShape:
    """The assessment: levels, the T's two bars, the phase and the next moves."""

    levels: tuple[SkillLevel, ...]
    deepest: SkillLevel | None
    reach: tuple[LayerReach, ...]
    phase: Phase
    suggested: tuple[RoleFit, ...]
    next_skills: tuple[NextSkill, ...]
    next_needed: int

    @property
    def deep(self) -> SkillLevel | None:
        """The deepest skill if it is deep enough to count as the T's vertical bar."""
        return self.deepest if self.deepest and self.deepest.level >= DEEP_LEVEL else None

    @property
    def breadth(self) -> int:
        return sum(1 for layer in self.reach if layer.level >= WORKING_LEVEL)

    @property
    def next_phase(self) -> Phase | None:
        return NEXT_PHASE[self.phase]


def level_name(level: int) -> str:
    """'expert' for 5."""
    return LEVEL_NAMES[level]


def parse_level(value: object) -> int:
    """A level from a number 0-5 or its name; ValueError says what is wrong."""
    if isinstance(value, str):
        text = value.strip().casefold()
        if text in LEVEL_NAMES:
            return LEVEL_NAMES.index(text)
        if text.lstrip("+-").isdigit():
            value = int(text)
    if isinstance(value, int) and not isinstance(value, bool):
        if 0 <= value <= MAX_LEVEL:
            return value
        raise ValueError(f"level {value} is outside 0–{MAX_LEVEL}")
    text = shown(value) if isinstance(value, str) else repr(value)
    raise ValueError(f"level '{text}' is not a whole number from 0 to {MAX_LEVEL}")


LEVEL_HELP = (
    f"Levels are 0–{MAX_LEVEL}: "
    + ", ".join(f"{number} {name}" for number, name in enumerate(LEVEL_NAMES))
    + "."
)


def parse_skill_flags(catalog: Catalog, flags: list[str]) -> dict[str, int]:
    """Skill levels from `--skill SKILL=LEVEL` flags; UsageError on any bad one."""
    from ecocareer import lookup

    resolver = lookup.skills(catalog)
    levels: dict[str, int] = {}
    for flag in flags:
        term, equals, raw = flag.rpartition("=")
        if not equals or not term.strip():
            raise UsageError(
                f"--skill '{shown(flag)}' is not SKILL=LEVEL; write it like --skill seo=4."
            )
        skill_id = resolver.resolve(term)
        try:
            level = parse_level(raw)
        except ValueError as error:
            raise UsageError(f"--skill {shown(flag)}: {error}. {LEVEL_HELP}") from None
        if skill_id in levels and levels[skill_id] != level:
            raise UsageError(
                f"--skill gives {skill_id} twice, at {levels[skill_id]} and {level}; "
                "give each skill once."
            )
        levels[skill_id] = level
    return levels


def profile_levels(catalog: Catalog, document: YamlDocument) -> dict[str, int]:
    """Skill levels from a parsed profile file (`skills: {seo: 4}`); errors name file:line."""
    from ecocareer import lookup
    from ecocareer.inputs import read_term_mapping

    def level(raw: object) -> int:
        try:
            return parse_level(raw)
        except ValueError as error:
            raise ValueError(f"{error}. {LEVEL_HELP}") from None

    return read_term_mapping(
        document,
        noun="a profile",
        key="skills",
        example="seo: 4",
        value_name="a level",
        resolver=lookup.skills(catalog),
        convert=level,
    )


def assess(catalog: Catalog, levels: Mapping[str, int]) -> TShape:
    """The T-shape of a person with these skill levels (skill id -> 0-5)."""
    order = {skill.id: index for index, skill in enumerate(catalog.skills)}
    given = tuple(
        SkillLevel(catalog.skill(skill_id), level)
        for skill_id, level in sorted(levels.items(), key=lambda item: order[item[0]])
    )
    ranked = sorted((entry for entry in given if entry.level > 0), key=lambda e: -e.level)
    deepest = ranked[0] if ranked else None
    reach = tuple(_reach(layer, given) for layer in catalog.layers)
    deep = deepest is not None and deepest.level >= DEEP_LEVEL
    broad = sum(1 for layer in reach if layer.level >= WORKING_LEVEL) >= BROAD_LAYERS
    phase: Phase = (
        ("t-shaped" if broad else "broaden-again")
        if deep
        else ("go-deep" if broad else "start-wide")
    )
    suggested = _suggest(catalog, levels, phase, reach)
    next_skills, needed = _next_skills(catalog, levels, phase, reach, given, suggested)
    return TShape(given, deepest, reach, phase, suggested, next_skills, needed)


def fit(role: Role, levels: Mapping[str, int]) -> float:
    """How well the levels cover the role's skills: core double, advanced = full cover."""
    weighted = [(2, s) for s in role.skills.core] + [(1, s) for s in role.skills.supporting]
    total = sum(weight for weight, _ in weighted)
    earned = sum(weight * min(levels.get(s, 0), FULL_COVER) / FULL_COVER for weight, s in weighted)
    return earned / total


def _reach(layer: Layer, given: tuple[SkillLevel, ...]) -> LayerReach:
    here = [entry for entry in given if entry.skill.layer == layer.id and entry.level > 0]
    best = max(here, key=lambda entry: entry.level, default=None)
    return LayerReach(layer, best.level if best else 0, best.skill if best else None)


def _ranked(roles: list[Role], levels: Mapping[str, int]) -> list[RoleFit]:
    fits = [RoleFit(role, fit(role, levels)) for role in roles]
    return sorted(fits, key=lambda item: -item.fit)


def _suggest(
    catalog: Catalog, levels: Mapping[str, int], phase: Phase, reach: tuple[LayerReach, ...]
) -> tuple[RoleFit, ...]:
    specialists = [r for r in catalog.roles if not r.is_generalist and r.layer != ARCHITECTS]
    if phase == "start-wide":
        generalists = [role for role in catalog.roles if role.is_generalist]
        pool = _ranked(generalists, levels) + _ranked(specialists, levels)
    elif phase == "go-deep":
        strongest = _strongest_execution_layer(reach, levels, catalog)
        best = next(entry.best for entry in reach if entry.layer.id == strongest)
        ranked = _ranked([role for role in specialists if role.layer == strongest], levels)
        pool = sorted(ranked, key=lambda item: best is None or best.id not in item.role.skills.core)
    else:
        pool = _ranked([role for role in catalog.roles if role.layer == ARCHITECTS], levels)
    return tuple(pool[:SUGGESTED])


def _strongest_execution_layer(
    reach: tuple[LayerReach, ...], levels: Mapping[str, int], catalog: Catalog
) -> str:
    """The execution layer with the best level; ties go to more total skill, then flow order."""
    execution = [entry for entry in reach if entry.layer.id != ARCHITECTS]

    def weight(entry: LayerReach) -> tuple[int, int]:
        total = sum(
            level
            for skill_id, level in levels.items()
            if catalog.skill(skill_id).layer == entry.layer.id
        )
        return entry.level, total

    return max(execution, key=weight).layer.id


def _demand(catalog: Catalog) -> dict[str, int]:
    """How much the roles draw on each skill: 2 per core listing, 1 per supporting one."""
    demand = {skill.id: 0 for skill in catalog.skills}
    for role in catalog.roles:
        for skill_id in role.skills.core:
            demand[skill_id] += 2
        for skill_id in role.skills.supporting:
            demand[skill_id] += 1
    return demand


def _next_skills(
    catalog: Catalog,
    levels: Mapping[str, int],
    phase: Phase,
    reach: tuple[LayerReach, ...],
    given: tuple[SkillLevel, ...],
    suggested: tuple[RoleFit, ...],
) -> tuple[tuple[NextSkill, ...], int]:
    """The skills to grow toward the next phase, and how many of them it takes."""
    if phase in ("start-wide", "broaden-again"):
        narrow = [entry.layer for entry in reach if entry.level < WORKING_LEVEL]
        if phase == "broaden-again":
            narrow.sort(key=lambda layer: layer.id != ARCHITECTS)
        demand = _demand(catalog)
        order = {skill.id: index for index, skill in enumerate(catalog.skills)}
        picks = []
        for layer in narrow[:NEXT_SKILLS]:
            candidates = [skill for skill in catalog.skills if skill.layer == layer.id]
            best = min(
                candidates,
                key=lambda s: (-levels.get(s.id, 0), -demand[s.id], order[s.id]),
            )
            picks.append(NextSkill(best, levels.get(best.id, 0), WORKING_LEVEL))
        breadth = len(reach) - len(narrow)
        return tuple(picks), BROAD_LAYERS - breadth
    if phase == "go-deep":
        ranked = sorted((entry for entry in given if entry.level > 0), key=lambda e: -e.level)
        picks = [NextSkill(entry.skill, entry.level, DEEP_LEVEL) for entry in ranked]
        return tuple(picks[:NEXT_SKILLS]), 1
    target = suggested[0].role if suggested else None
    if target is None:
        return (), 0
    gaps = sorted(
        (skill_id for skill_id in target.skills.core if levels.get(skill_id, 0) < FULL_COVER),
        key=lambda skill_id: levels.get(skill_id, 0),
    )
    picks = [
        NextSkill(catalog.skill(skill_id), levels.get(skill_id, 0), FULL_COVER)
        for skill_id in gaps[:NEXT_SKILLS]
    ]
    return tuple(picks), 0
