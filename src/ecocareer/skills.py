"""The skill index: every skill of the shared list, and which roles build on it.

A role names a skill as core (what the role is built on) or supporting (what it
draws on); the index lists both, in data order.
"""

from __future__ import annotations

from typing import NamedTuple

from ecocareer.catalog.index import Catalog, PlacedRole
from ecocareer.catalog.models import Layer, Skill


class SkillUse(NamedTuple):
    """A skill, its layer, and the roles that use it as a core or a supporting skill."""

    skill: Skill
    layer: Layer
    core: tuple[PlacedRole, ...]
    supporting: tuple[PlacedRole, ...]


def skill_use(catalog: Catalog, skill: Skill) -> SkillUse:
    """One skill with the roles that use it."""
    return SkillUse(
        skill,
        catalog.layer(skill.layer),
        tuple(catalog.placed(r) for r in catalog.roles if skill.id in r.skills.core),
        tuple(catalog.placed(r) for r in catalog.roles if skill.id in r.skills.supporting),
    )


def skill_index(
    catalog: Catalog, layer_id: str | None = None, skill_id: str | None = None
) -> tuple[SkillUse, ...]:
    """Every skill (of one layer, or just one skill) with the roles that use it."""
    return tuple(
        skill_use(catalog, skill)
        for skill in catalog.skills
        if (layer_id is None or skill.layer == layer_id)
        and (skill_id is None or skill.id == skill_id)
    )


def roles_using(catalog: Catalog, skill_id: str) -> tuple[str, ...]:
    """The ids of the roles that name the skill, core or supporting, in data order."""
    return tuple(role.id for role in catalog.roles if skill_id in role.skills.all)
