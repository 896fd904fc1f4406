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
from ecocareer.catalog.models import Closer, Country, FailureMode, Layer, Role

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
    """A role that would close a gap: its lowest salary band (None: no salary data) and,
    where the guide ties it to this gap directly, how (`why`, with the sources)."""

    role: Role
    pay: Pay | None
    why: Closer | None = None


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
class ThinCraft:
    """A layer covered by only one of its crafts (only designers, or only writers)."""

    layer: Layer
    present: str
    missing: str
    members: tuple[Member, ...]


@dataclass(frozen=True)
class UnevenHeadcount:
    """One layer holds far more people than another covered layer."""

    largest: LayerCover
    smallest: LayerCover


Note = ThinCover | ThinCraft | UnevenHeadcount

# The crafts of the Producers, told apart by the core skills of the roles that practise
# them: the words (copy, content) and the visuals (design, user experience). A content
# layer with only one of the two cannot make complete work on its own.
CRAFTS = {
    "producers": {
        "words": frozenset({"copywriting", "content-strategy"}),
        "visuals": frozenset({"graphic-design", "ux-design"}),
    }
}


@dataclass(frozen=True)
class Diagnosis:
    """The team, its cover of each layer, the findings, the notes and the verdict."""

    team: tuple[Member, ...]
    cover: tuple[LayerCover, ...]
    findings: tuple[Finding, ...]
    notes: tuple[Note, ...]
    country: Country  # where the closing roles' pay is given

    @property
    def headcount(self) -> int:
        return sum(member.count for member in self.team)

    @property
    def missing(self) -> tuple[Layer, ...]:
        return tuple(entry.layer for entry in self.cover if not entry.covered)

    @property
    def verdict(self) -> Verdict:
        return "at-risk" if self.missing else "healthy"


def diagnose(
    catalog: Catalog, headcount: dict[str, int], country_id: str | None = None
) -> Diagnosis:
    """Coverage, findings and notes for a team given as headcount by role id; pay of the
    roles that would close a gap in `country_id` (the catalog's default country if None)."""
    team = tuple(
        Member(role, headcount[role.id]) for role in catalog.roles if headcount.get(role.id)
    )
    cover = tuple(_cover(layer, team) for layer in catalog.layers)
    present = {entry.layer.id for entry in cover if entry.covered}
    country = catalog.country(country_id) if country_id else catalog.default_country()
    findings = tuple(
        Finding(
            mode,
            tuple(catalog.layer(layer_id) for layer_id in mode.present_any if layer_id in present),
            catalog.layer(mode.missing),
            _closing(catalog, mode, country),
        )
        for mode in catalog.failure_modes
        if present.intersection(mode.present_any) and mode.missing not in present
    )
    return Diagnosis(team, cover, findings, _notes(cover), country)


def _crafts(entry: LayerCover) -> ThinCraft | None:
    """The layer's one craft present, when the layer has crafts and lacks one of them."""
    crafts = CRAFTS.get(entry.layer.id)
    members = entry.specialists + entry.generalists
    if not crafts or not members:
        return None
    present = [
        craft for craft, skills in crafts.items()
        if any(skills.intersection(m.role.skills.core) for m in members)
    ]  # fmt: skip
    missing = [craft for craft in crafts if craft not in present]
    if len(present) == 1 and len(missing) == 1:
        makers = tuple(m for m in members if crafts[present[0]].intersection(m.role.skills.core))
        return ThinCraft(entry.layer, present[0], missing[0], makers)
    return None


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


def _closing(catalog: Catalog, mode: FailureMode, country: Country) -> tuple[ClosingRole, ...]:
    """The missing layer's roles: first those the guide ties to this gap, in its order; then
    the rest by their lowest band in the country, cheapest first; roles without pay last."""
    closing = []
    named = {closer.role: closer for closer in mode.closed_by}
    for role in catalog.roles_in(mode.missing):
        band = min(catalog.bands_for(role.id, country.id), key=lambda b: b.min, default=None)
        closing.append(ClosingRole(role, catalog.pay(band) if band else None, named.get(role.id)))
    order = list(named)
    first = sorted((c for c in closing if c.why), key=lambda c: order.index(c.role.id))
    priced = sorted(
        (c for c in closing if not c.why and c.pay), key=lambda c: c.pay.band.min if c.pay else 0
    )
    return tuple(first + priced + [c for c in closing if not c.why and c.pay is None])


def _notes(cover: tuple[LayerCover, ...]) -> tuple[Note, ...]:
    thin = [entry for entry in cover if entry.thin]
    notes: list[Note] = []
    if thin:
        generalists = {m.role.id: m for entry in thin for m in entry.generalists}
        notes.append(ThinCover(tuple(e.layer for e in thin), tuple(generalists.values())))
    notes += [craft for entry in cover if (craft := _crafts(entry))]
    covered = [entry for entry in cover if entry.covered]
    if len(covered) >= 2:
        largest = max(covered, key=lambda entry: entry.count)
        smallest = min(covered, key=lambda entry: entry.count)
        if largest.count >= UNEVEN_MIN and largest.count >= UNEVEN_RATIO * smallest.count:
            notes.append(UnevenHeadcount(largest, smallest))
    return tuple(notes)
