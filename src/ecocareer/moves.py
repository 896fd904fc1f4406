"""The moves open from a role: its career links, each with its kind, where it comes from,
the skills it shares and adds, and what it would pay.

Rules (our own, where PRODUCT.md leaves room):
- kind: a `step-up` moves into the Architects from another layer, or within the
  Architects to a role the sources pay at a higher level; anything else is `sideways`.
- overlap: the skills both roles name over all the skills either names (as `compare`).
- new skills: the target's skills the from-role lacks, without those the person already
  has at working level (2) or above.
- pay: at the level the person would enter: their own level where the sources give the
  target one there, else the target's lowest level; with the change from the from-role's
  band at the same level, where the sources give both.
- ranking: moves the sources state first, then the highest overlap, then data order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, NamedTuple

from ecocareer.catalog.index import Catalog, Pay, PlacedRole
from ecocareer.catalog.models import CareerLink, Country, Level, Skill
from ecocareer.vocabulary import ARCHITECTS, WORKING_LEVEL

RANKING_RULE = (
    "Ranked: moves the sources state first, then the most shared skills (overlap: the "
    "skills both roles name over all either names), then data order."
)

Kind = Literal["step-up", "sideways"]


class Move(NamedTuple):
    """One move from the role: where to, what kind, its basis, its skills and its pay."""

    role: PlacedRole
    kind: Kind
    link: CareerLink
    overlap: int
    shared: tuple[Skill, ...]
    new: tuple[Skill, ...]
    pay: Pay | None
    pay_now: Pay | None  # the from-role's band at the same level, for the change

    @property
    def change(self) -> tuple[int, int] | None:
        """The pay change (bottom, top) where the sources give both bands."""
        if self.pay is None or self.pay_now is None:
            return None
        return (
            self.pay.band.min - self.pay_now.band.min,
            self.pay.band.max - self.pay_now.band.max,
        )


class Moves(NamedTuple):
    """The moves open from one role, ranked, in one country at one level."""

    start: PlacedRole
    country: Country
    level: Level | None
    moves: tuple[Move, ...]


def _top_level(catalog: Catalog, role_id: str) -> int:
    order = [level.id for level in catalog.levels]
    found = catalog.levels_with_pay(role_id)
    return order.index(found[-1].id) if found else -1


def _kind(catalog: Catalog, start: str, target: str) -> Kind:
    here, there = catalog.role(start), catalog.role(target)
    if there.layer != ARCHITECTS:
        return "sideways"
    if here.layer != ARCHITECTS:
        return "step-up"
    higher = _top_level(catalog, target) > _top_level(catalog, start)
    return "step-up" if higher else "sideways"


def moves_from(
    catalog: Catalog,
    role_id: str,
    country_id: str,
    level_id: str | None = None,
    skills: Mapping[str, int] | None = None,
) -> Moves:
    """The ranked moves open from `role_id`, paid in `country_id` at the person's level."""
    start = catalog.role(role_id)
    have = {skill for skill, level in (skills or {}).items() if level >= WORKING_LEVEL}
    order = {role.id: index for index, role in enumerate(catalog.roles)}
    found = []
    for link in start.leads_to:
        target = catalog.role(link.role)
        mine, theirs = start.skills.all, target.skills.all
        shared = tuple(catalog.skill(s) for s in theirs if s in mine)
        union = len(set(mine) | set(theirs))
        new = tuple(catalog.skill(s) for s in theirs if s not in mine and s not in have)
        levels = [level.id for level in catalog.levels_with_pay(target.id, country_id)]
        enter = level_id if level_id in levels else (levels[0] if levels else None)
        found.append(
            Move(
                role=catalog.placed(target),
                kind=_kind(catalog, role_id, target.id),
                link=link,
                overlap=round(100 * len(shared) / union) if union else 0,
                shared=shared,
                new=new,
                pay=catalog.pay_at(target.id, country_id, enter) if enter else None,
                pay_now=catalog.pay_at(role_id, country_id, enter) if enter else None,
            )
        )
    found.sort(key=lambda m: (m.link.basis != "source", -m.overlap, order[m.role.id]))
    return Moves(
        catalog.placed(start),
        catalog.country(country_id),
        catalog.level(level_id) if level_id else None,
        tuple(found),
    )
