"""Self-assessment: the shape of a person's "T", their career phase, and the next moves.

Rules (PRODUCT.md): levels run 0-5; *deep* means some skill at 4 or more;
*breadth* counts the four layers holding a skill at 2 or more. Deep and broad
(3+ layers) is t-shaped, deep and narrow is broaden-again, broad but not deep
is go-deep, and the rest is start-wide.

Our own rules where PRODUCT.md is silent:

- Fit of a role: each of the role's skills earns min(level, 4) / 4 (advanced
  counts as full cover), core skills weigh double, and the fit is the weighted
  share of the total, as a percentage. A skill at working level (2) or above
  counts as one the person has. Every role is ranked by fit, best first, ties
  in data order ("roles that fit you now").
- Where the phase points: start-wide draws on the generalists and the
  specialists, go-deep on the specialist roles of the person's strongest
  execution layer, broaden-again and t-shaped on the Architect roles; each pool
  ranked by fit, and a role the person fits at 0% is never suggested.
- Next skills: to widen (start-wide, broaden-again), one skill per layer still
  below working level, the person's strongest there first, else the one most
  roles draw on; start-wide widens in flow order, broaden-again starts with the
  Architects. To deepen (go-deep), the person's best skills, raised to 4.
  Once t-shaped, the core skills of the best-fitting Architect role that are
  furthest from advanced.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from ecocareer.catalog.index import Catalog, PlacedRole
from ecocareer.catalog.models import Cited, Layer, Role, Skill
from ecocareer.vocabulary import ARCHITECTS, DEEP_LEVEL, WORKING_LEVEL, Phase

BROAD_LAYERS = 3
FULL_COVER = 4
SUGGESTED = 3
NEXT_SKILLS = 3

NEXT_PHASE: dict[Phase, Phase | None] = {
    Phase.START_WIDE: Phase.GO_DEEP,
    Phase.GO_DEEP: Phase.T_SHAPED,
    Phase.BROADEN_AGAIN: Phase.T_SHAPED,
    Phase.T_SHAPED: None,
}

# Where the suggested roles come from, by phase.
POOLS: dict[Phase, str] = {
    Phase.START_WIDE: "Roles to start wide in, by fit:",
    Phase.GO_DEEP: "Specialist roles in your strongest layer, by fit:",
    Phase.BROADEN_AGAIN: "Architect roles the broader path leads to, by fit:",
    Phase.T_SHAPED: "Architect roles that use your shape, by fit:",
}


class SkillLevel(NamedTuple):
    """One skill at one level."""

    skill: Skill
    level: int


class LayerReach(NamedTuple):
    """How far a person reaches into one layer: their best level there and in which skill."""

    layer: Layer
    level: int
    best: Skill | None


class RoleFit(NamedTuple):
    """A role and how well the person's levels cover its skills (0.0-1.0): which of its
    skills they have at working level or above (`matched`) and which not (`missing`)."""

    role: PlacedRole
    fit: float
    matched: tuple[Skill, ...] = ()
    missing: tuple[Skill, ...] = ()

    @property
    def percent(self) -> int:
        """The fit as a whole percentage, halves rounded up (12.5 -> 13)."""
        return int(self.fit * 100 + 0.5)


class Reflection(NamedTuple):
    """One of the guide's closing questions, answered from the person's data where it can be."""

    question: Cited
    answer: str | None


class NextSkill(NamedTuple):
    """A skill worth growing, from the level the person has to the level that counts."""

    skill: Skill
    layer: Layer
    level: int
    target: int


def _lowered(phase: Phase) -> str:
    """A phase's name mid-sentence: 'broaden again', but 'T-shaped' keeps its capital."""
    return phase.display if phase is Phase.T_SHAPED else phase.display.lower()


class TShape(NamedTuple):
    """The assessment: levels, the T's two bars, the phase and the next moves."""

    levels: tuple[SkillLevel, ...]
    deepest: SkillLevel | None
    reach: tuple[LayerReach, ...]
    phase: Phase
    suggested: tuple[RoleFit, ...]
    next_skills: tuple[NextSkill, ...]
    next_needed: int
    fits: tuple[RoleFit, ...] = ()
    reflection: tuple[Reflection, ...] = ()
    why_a_t: tuple[Cited, ...] = ()
    phase_advice: str | None = None

    @property
    def where(self) -> str:
        """The guide's step the person is in, and the next one, in a sentence."""
        deep = self.deep
        if self.phase is Phase.T_SHAPED and deep:
            layer = self._layer_of(deep.skill)
            return f"You are deep in {layer} and broad across {self.breadth} layers: T-shaped."
        nxt = NEXT_PHASE[self.phase]
        after = f"; next: {_lowered(nxt)}" if nxt else ""
        if self.phase is Phase.BROADEN_AGAIN and deep:
            return f"You are deep in {self._layer_of(deep.skill)}{after}."
        if self.phase is Phase.GO_DEEP:
            return f"You work across {self.breadth} layers without a speciality yet{after}."
        return f"You are at the start: {self.phase.display.lower()}{after}."

    def _layer_of(self, skill: Skill) -> str:
        return next(entry.layer.name for entry in self.reach if entry.layer.id == skill.layer)

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

    @property
    def next_step(self) -> str:
        """What it takes to reach the next phase, in a sentence."""
        count = len(self.next_skills)
        if self.phase in (Phase.START_WIDE, Phase.BROADEN_AGAIN):
            layers = "layer" if self.next_needed == 1 else "layers"
            which = "these" if self.next_needed >= count else f"any {self.next_needed} of these"
            return (
                f"To move on to the next phase ({(NEXT_PHASE[self.phase] or self.phase).display}), "
                f"reach working level ({WORKING_LEVEL}) in {self.next_needed} more {layers}; "
                f"grow {which}:"
            )
        if self.phase is Phase.GO_DEEP:
            return f"To become T-shaped, take one of your best skills to advanced ({DEEP_LEVEL}):"
        if not self.suggested:
            return "You are T-shaped: keep both bars in use."
        role = self.suggested[0].role.name
        if not self.next_skills:
            return f"You are T-shaped and already cover the core skills of {role} at advanced."
        return (
            f"You are T-shaped. To grow into {role}, the best fit, build its core skills "
            "that are furthest from advanced:"
        )

    @property
    def pool(self) -> str:
        """Where the suggested roles were drawn from."""
        return POOLS[self.phase]


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
    phase = (
        (Phase.T_SHAPED if broad else Phase.BROADEN_AGAIN)
        if deep
        else (Phase.GO_DEEP if broad else Phase.START_WIDE)
    )
    suggested = _suggest(catalog, levels, phase, reach)
    next_skills, needed = _next_skills(catalog, levels, phase, reach, given, suggested)
    shape = TShape(given, deepest, reach, phase, suggested, next_skills, needed)
    guide = catalog.career
    advice = next((p.summary for p in guide.phases if p.id == phase.value), None)
    return shape._replace(
        fits=tuple(_ranked(catalog, list(catalog.roles), levels)),
        reflection=_reflect(catalog, shape),
        why_a_t=guide.why_a_t,
        phase_advice=advice,
    )


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


def _ranked(catalog: Catalog, roles: list[Role], levels: Mapping[str, int]) -> list[RoleFit]:
    """The roles best fit first (ties in data order), each with its skills had and lacked."""
    fits = []
    for role in roles:
        skills = [catalog.skill(skill_id) for skill_id in role.skills.all]
        had = tuple(s for s in skills if levels.get(s.id, 0) >= WORKING_LEVEL)
        lacked = tuple(s for s in skills if levels.get(s.id, 0) < WORKING_LEVEL)
        fits.append(RoleFit(catalog.placed(role), fit(role, levels), had, lacked))
    return sorted(fits, key=lambda item: -item.fit)


def _reflect(catalog: Catalog, shape: TShape) -> tuple[Reflection, ...]:
    """The guide's questions in its order; the answers our data can give, else None.

    Which question is which is told by its position, as the guide asks them: the state of
    your ecosystem (a team's, so not answerable from skills), the layer that draws you
    (your deepest skill's), your primary function (that skill), and how your work feeds
    the other layers (your layer's links).
    """
    deepest = shape.deepest
    layer = catalog.layer(deepest.skill.layer) if deepest else None
    answers: list[str | None] = [None, None, None, None]
    if deepest and layer:
        answers[1] = f"Your deepest skills are in {layer.name} ({layer.subtitle.lower()})."
        answers[2] = f"{deepest.skill.name}, at {deepest.level} of 5; " + (
            "deep enough to be your T's stem." if shape.deep else f"{DEEP_LEVEL} makes it deep."
        )
        feeds = " and ".join(catalog.layer(feed.layer).name for feed in layer.feeds)
        answers[3] = f"{layer.name} feeds {feeds}." if feeds else None
    return tuple(
        Reflection(question, answers[index] if index < len(answers) else None)
        for index, question in enumerate(catalog.career.questions)
    )


def _suggest(
    catalog: Catalog, levels: Mapping[str, int], phase: Phase, reach: tuple[LayerReach, ...]
) -> tuple[RoleFit, ...]:
    specialists = [r for r in catalog.roles if not r.is_generalist and r.layer != ARCHITECTS]
    if phase is Phase.START_WIDE:
        starters = [r for r in catalog.roles if r.is_generalist] + specialists
        pool = _ranked(catalog, starters, levels)
    elif phase is Phase.GO_DEEP:
        strongest = _strongest_execution_layer(reach, levels, catalog)
        pool = _ranked(catalog, [r for r in specialists if r.layer == strongest], levels)
    else:
        pool = _ranked(catalog, [r for r in catalog.roles if r.layer == ARCHITECTS], levels)
    return tuple(item for item in pool if item.fit > 0)[:SUGGESTED]


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


def _grow(catalog: Catalog, skill: Skill, level: int, target: int) -> NextSkill:
    return NextSkill(skill, catalog.layer(skill.layer), level, target)


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
    if phase in (Phase.START_WIDE, Phase.BROADEN_AGAIN):
        narrow = [entry.layer for entry in reach if entry.level < WORKING_LEVEL]
        if phase is Phase.BROADEN_AGAIN:
            narrow.sort(key=lambda layer: layer.id != ARCHITECTS)
        demand = _demand(catalog)
        order = {skill.id: index for index, skill in enumerate(catalog.skills)}
        picks = []
        for layer in narrow[:NEXT_SKILLS]:
            candidates = [skill for skill in catalog.skills if skill.layer == layer.id]
            if not candidates:  # a layer of custom data may have no skills to grow
                continue
            best = min(
                candidates,
                key=lambda s: (-levels.get(s.id, 0), -demand[s.id], order[s.id]),
            )
            picks.append(_grow(catalog, best, levels.get(best.id, 0), WORKING_LEVEL))
        breadth = len(reach) - len(narrow)
        return tuple(picks), BROAD_LAYERS - breadth
    if phase is Phase.GO_DEEP:
        ranked = sorted((entry for entry in given if entry.level > 0), key=lambda e: -e.level)
        picks = [_grow(catalog, entry.skill, entry.level, DEEP_LEVEL) for entry in ranked]
        return tuple(picks[:NEXT_SKILLS]), 1
    target = suggested[0].role.role if suggested else None
    if target is None:
        return (), 0
    gaps = sorted(
        (skill_id for skill_id in target.skills.core if levels.get(skill_id, 0) < FULL_COVER),
        key=lambda skill_id: levels.get(skill_id, 0),
    )
    picks = [
        _grow(catalog, catalog.skill(skill_id), levels.get(skill_id, 0), FULL_COVER)
        for skill_id in gaps[:NEXT_SKILLS]
    ]
    return tuple(picks), 0


def skills_to_rate(catalog: Catalog, per_layer: int) -> list[tuple[Layer, list[Skill]]]:
    """For a first self-assessment: each layer's skills the roles draw on most, a few each."""
    demand = _demand(catalog)
    return [
        (
            layer,
            sorted(
                (skill for skill in catalog.skills if skill.layer == layer.id),
                key=lambda skill: -demand[skill.id],
            )[:per_layer],
        )
        for layer in catalog.layers
    ]
