"""Team health: which layers a team covers, which are missing, and the failure modes that invites.

The findings come from the data (`failure_modes` in roles.yaml): one fires when
the team has some role in any of its `present_any` layers and none in its
`missing` layer. A generalist (a role with `spans`) counts in its home layer
and every layer it spans, so it does keep a finding from firing there; but a
layer covered only by generalists is marked as thin cover, and the verdict
says so. The roles that would close a finding are the missing layer's roles,
cheapest first by their lowest salary band in the catalog's default country
(the US in the bundled data); roles without salary data come after, in data
order. A team with all four layers covered is healthy; uneven headcount
(the biggest layer three or more times the smallest, and at least three
people) is noted either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ecocareer.catalog.index import Catalog, Pay
from ecocareer.catalog.models import Country, FailureMode, Layer, Role

UNEVEN_RATIO = 3
UNEVEN_MIN = 3

Verdict = Literal["healthy", "at-risk"]


@dataclass(frozen=True)
class Member:
    """A role on the team and how many people hold it."""

    role: Role
    count: int


@dataclass(frozen=True)
class LayerCover:
    """Who covers one layer: specialists at home there, and generalists reaching into it."""

    layer: Layer
    specialists: tuple[Member, ...]
    generalists: tuple[Member, ...]

    @property
    def count(self) -> int:
        return sum(member.count for member in self.specialists + self.generalists)

    @property
    def covered(self) -> bool:
        return self.count > 0

    @property
    def thin(self) -> bool:
        """Covered, but only by generalists spread across several layers."""
        return self.covered and not self.specialists


@dataclass(frozen=True)
class ClosingRole:
    """A role that would close a gap, with its lowest salary band (None: no salary data)."""

    role: Role
    pay: Pay | None


@dataclass(frozen=True)
class Finding:
    """A failure mode the team invites: which present layers trigger it, which layer is missing."""

    mode: FailureMode
    present: tuple[Layer, ...]
    missing: Layer
    closing: tuple[ClosingRole, ...]


@dataclass(frozen=True)
class ThinCover:
    """Layers covered only by generalists, and who those generalists are."""

    layers: tuple[Layer, ...]
    generalists: tuple[Member, ...]


@dataclass(frozen=True)
class UnevenHeadcount:
    """One layer holds far more people than another covered layer."""

    largest: LayerCover
    smallest: LayerCover


Note = ThinCover | UnevenHeadcount


@dataclass(frozen=True)
class Diagnosis:
    """The team, its cover of each layer, the findings, the notes and the verdict."""

    team: tuple[Member, ...]
    cover: tuple[LayerCover, ...]
    findings: tuple[Finding, ...]
    notes: tuple[Note, ...]
    salary_country: Country

    @property
    def headcount(self) -> int:
        return sum(member.count for member in self.team)

    @property
    def missing(self) -> tuple[Layer, ...]:
        return tuple(entry.layer for entry in self.cover if not entry.covered)

    @property
    def verdict(self) -> Verdict:
        return "at-risk" if self.missing else "healthy"


def diagnose(catalog: Catalog, headcount: dict[str, int]) -> Diagnosis:
    """Coverage, findings and notes for a team given as headcount by role id."""
    team = tuple(
        Member(role, headcount[role.id]) for role in catalog.roles if headcount.get(role.id)
    )
    cover = tuple(_cover(layer, team) for layer in catalog.layers)
    present = {entry.layer.id for entry in cover if entry.covered}
    country = catalog.default_country()
    findings = tuple(
        Finding(
            mode,
            tuple(catalog.layer(layer_id) for layer_id in mode.present_any if layer_id in present),
            catalog.layer(mode.missing),
            _closing(catalog, mode.missing, country),
        )
        for mode in catalog.failure_modes
        if present.intersection(mode.present_any) and mode.missing not in present
    )
    return Diagnosis(team, cover, findings, _notes(cover), country)


def _cover(layer: Layer, team: tuple[Member, ...]) -> LayerCover:
    specialists = tuple(
        member for member in team if not member.role.is_generalist and member.role.layer == layer.id
    )
    generalists = tuple(
        member
        for member in team
        if member.role.is_generalist and layer.id in (member.role.layer, *member.role.spans)
    )
    return LayerCover(layer, specialists, generalists)


def _closing(catalog: Catalog, layer_id: str, country: Country) -> tuple[ClosingRole, ...]:
    """The layer's roles, cheapest lowest band first; roles without salary data last."""
    closing = []
    for role in catalog.roles_in(layer_id):
        band = min(catalog.bands_for(role.id, country.id), key=lambda b: b.min, default=None)
        closing.append(ClosingRole(role, catalog.pay(band) if band else None))
    priced = sorted((c for c in closing if c.pay), key=lambda c: c.pay.band.min if c.pay else 0)
    return tuple(priced + [c for c in closing if c.pay is None])


def _notes(cover: tuple[LayerCover, ...]) -> tuple[Note, ...]:
    thin = [entry for entry in cover if entry.thin]
    notes: list[Note] = []
    if thin:
        generalists = {m.role.id: m for entry in thin for m in entry.generalists}
        notes.append(ThinCover(tuple(e.layer for e in thin), tuple(generalists.values())))
    covered = [entry for entry in cover if entry.covered]
    if len(covered) >= 2:
        largest = max(covered, key=lambda entry: entry.count)
        smallest = min(covered, key=lambda entry: entry.count)
        if largest.count >= UNEVEN_MIN and largest.count >= UNEVEN_RATIO * smallest.count:
            notes.append(UnevenHeadcount(largest, smallest))
    return tuple(notes)
