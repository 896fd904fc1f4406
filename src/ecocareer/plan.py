"""One plan for one person: their T and phase, the roles that fit them, the moves open from
their role, the route to their target, where their pay sits, the guide's questions, and
the sources all of it rests on. Each part is the answer of its own command."""

from __future__ import annotations

from typing import NamedTuple

from ecocareer.catalog.index import Catalog
from ecocareer.catalog.models import Country, Source
from ecocareer.moves import Moves, moves_from
from ecocareer.profile import Profile, ProfileCard, profile_card
from ecocareer.roadmap import Roadmap, roadmap
from ecocareer.salary import SalaryReport, salary_report
from ecocareer.tshape import TShape, assess


class Plan(NamedTuple):
    """The whole answer for one person; a part is None where the profile lacks what it needs
    (no skills: no T; no role: no moves or pay; no target: no route)."""

    person: ProfileCard
    country: Country
    shape: TShape | None
    moves: Moves | None
    route: Roadmap | None
    pay: SalaryReport | None
    sources: tuple[Source, ...]


def make_plan(catalog: Catalog, profile: Profile, country_id: str) -> Plan:
    """Every part the profile allows, in one country."""
    shape = assess(catalog, profile.skills) if profile.skills else None
    moves = (
        moves_from(catalog, profile.role, country_id, profile.level, profile.skills)
        if profile.role
        else None
    )
    route = (
        roadmap(
            catalog,
            profile.role,
            profile.target,
            country_id,
            profile.skills,
            profile.level,
            profile.pay,
        )
        if profile.role and profile.target
        else None
    )
    pay = (
        salary_report(catalog, [profile.role], [country_id], (), profile.pay)
        if profile.role
        else None
    )
    cited: list[str] = []
    for role_id in [profile.role, profile.target]:
        if role_id:
            cited += catalog.role(role_id).sources
    if route:
        cited += [s for step in route.steps if step.link for s in step.link.sources]
    if shape:
        cited += [s for note in shape.why_a_t for s in note.sources]
    sources = tuple(catalog.source(s) for s in dict.fromkeys(cited))
    sources += tuple(s for s in (pay.sources if pay else ()) if s not in sources)
    return Plan(
        profile_card(catalog, profile),
        catalog.country(country_id),
        shape,
        moves,
        route,
        pay,
        sources,
    )
