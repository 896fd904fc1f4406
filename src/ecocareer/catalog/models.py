"""Validated shapes of the data files: what each layer, role, skill and salary band holds.

Annotations here are plain (no `from __future__ import annotations`): Pydantic then
reads them as they are instead of compiling each one from a string at start-up.
"""

import re
from functools import cache
from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    model_validator,
)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compiled when some text is not plain printable ASCII (most runs never need them).

    Control characters, bidirectional overrides and line separators could restyle or
    reorder the terminal; characters that print as nothing could hide in a name and make
    it look like another, or look blank. (Zero-width joiners, which some scripts and
    emoji need, are allowed.)
    """
    control = r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
    hidden = r"[\u200b\u2060\ufeff]"
    invisible = r"[\s\u200b-\u200d\u2060\ufeff]+"
    return re.compile(control), re.compile(hidden), re.compile(invisible)


def _plain_text(value: str) -> str:
    """Text from a data file must print as itself: no control characters, not blank."""
    if value and value.isascii() and value.isprintable() and not value.isspace():
        return value  # the usual case, in one pass: printable ASCII hides nothing
    control, hidden, invisible = _patterns()
    if control.search(value):
        raise ValueError("must not contain control characters (tabs, escapes, newlines)")
    if hidden.search(value):
        raise ValueError(
            "must not contain invisible characters (zero-width spaces, byte-order marks)"
        )
    if not invisible.sub("", value):
        raise ValueError("must not be empty")
    return value


Text = Annotated[str, Field(strict=True, max_length=500), AfterValidator(_plain_text)]
Id = Annotated[
    str,
    Field(strict=True, max_length=64, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"),
]
Ids = tuple[Id, ...]
Money = Annotated[StrictInt, Field(ge=0, le=100_000_000)]


class Record(BaseModel):
    """Every record is immutable and rejects fields it does not know.

    Validators are built on first use (`defer_build`): a run served from the cache
    never validates, so it never pays for building them.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Source(Record):
    """A work the data cites; `number` is its place in the guide's works-cited list."""

    id: Id
    title: Text
    publisher: Text | None = None
    url: (
        Annotated[
            str,
            Field(strict=True, max_length=500, pattern=r"^https?://\S+$"),
            AfterValidator(_plain_text),
        ]
        | None
    ) = None
    accessed: Annotated[str, Field(strict=True, pattern=r"^\d{4}-\d{2}-\d{2}$")] | None = None
    number: Annotated[StrictInt, Field(ge=1)] | None = None


class Feed(Record):
    """What a layer hands to another layer."""

    layer: Id
    what: Text


class Need(Record):
    """What a layer depends on from another layer."""

    layer: Id
    why: Text


class Layer(Record):
    """One of the four layers of the marketing ecosystem."""

    id: Id
    name: Text
    subtitle: Text
    aliases: Ids = ()
    function: Text
    metaphor: Text
    failure_mode: Id
    feeds: tuple[Feed, ...] = ()
    needs: tuple[Need, ...] = ()
    sources: Ids = Field(min_length=1)


class Cited(Record):
    """A statement of the sources, in our words, with the works it comes from."""

    text: Text
    sources: Ids = Field(min_length=1)


class Closer(Record):
    """A role that closes a failure mode's gap, and how the guide ties it to that gap."""

    role: Id
    why: Text
    sources: Ids = ()


class FailureMode(Record):
    """A named way the ecosystem breaks: some layers present while one is missing.

    `named_by` says whose name it is: the guide's own, or ours for a story it tells.
    `closed_by` lists the roles the guide ties most directly to closing the gap, first
    first; other roles of the missing layer come after them.
    """

    id: Id
    name: Text
    named_by: Literal["source", "ecocareer"] = "source"
    layer: Id
    present_any: Ids = Field(min_length=1)
    missing: Id
    summary: Text
    looks_like: Text
    closed_by: tuple[Closer, ...] = ()
    sources: Ids = Field(min_length=1)


class Skill(Record):
    """A skill from the one shared list every role draws on."""

    id: Id
    name: Text
    layer: Id
    aliases: Ids = ()


class RoleSkills(Record):
    """The skills a role is built on (core) and draws on (supporting)."""

    core: Ids = Field(min_length=1)
    supporting: Ids = ()

    @property
    def all(self) -> Ids:
        return self.core + self.supporting


class CareerLink(Record):
    """A move from one role to another, and where it comes from.

    `source`: the sources state it (`sources` names them, `note` says what they say, in
    our words). `inferred`: our own reading where the sources are silent (`note` gives
    the reason, such as the core skills the roles share).
    """

    role: Id
    basis: Literal["source", "inferred"]
    sources: Ids = ()
    note: Text

    @model_validator(mode="after")
    def _cited_when_sourced(self) -> Self:
        if self.basis == "source" and not self.sources:
            raise ValueError("a link with basis 'source' must name its sources")
        return self


class Role(Record):
    """A job in the ecosystem; `spans` lists the extra layers a generalist covers.

    `tools` are the software and platforms of the job, `deliverables` what it hands
    over, `methods` how it works; `notes` what the sources say of the role beyond that.
    """

    id: Id
    name: Text
    aliases: Ids = ()
    layer: Id
    spans: Ids = ()
    summary: Text
    responsibilities: tuple[Text, ...] = Field(min_length=1)
    skills: RoleSkills
    tools: tuple[Text, ...] = ()
    deliverables: tuple[Text, ...] = ()
    methods: tuple[Text, ...] = ()
    leads_to: tuple[CareerLink, ...] = ()
    notes: tuple[Cited, ...] = ()
    sources: Ids = Field(min_length=1)

    @property
    def next_roles(self) -> Ids:
        """The ids of the roles this one leads to, in data order."""
        return tuple(link.role for link in self.leads_to)

    @property
    def is_generalist(self) -> bool:
        return bool(self.spans)


class Country(Record):
    """A country the salary tables cover, with the currency its figures are in."""

    id: Id
    name: Text
    currency: Annotated[str, Field(strict=True, pattern=r"^[A-Z]{3}$")]
    symbol: Annotated[Text, Field(max_length=5)]
    aliases: Ids = ()


class Level(Record):
    """An experience level (entry, mid, senior, executive)."""

    id: Id
    name: Text
    aliases: Ids = ()


class Band(Record):
    """One salary range for a role, country and level, as the source prints it."""

    role: Id
    level: Id
    country: Id
    min: Money
    max: Money
    open_ended: StrictBool = False
    years: Annotated[Text, Field(max_length=40)] | None = None
    sources: Ids = Field(min_length=1)


class Phase(Record):
    """A step of the T-shaped career as the guide describes it: what it is and what to do."""

    id: Literal["start-wide", "go-deep", "broaden-again"]
    summary: Text
    advice: Text
    sources: Ids = Field(min_length=1)


class CareerGuide(Record):
    """The guide's T-shaped career: its phases, why a T, and the questions it leaves you with."""

    phases: tuple[Phase, ...] = ()
    why_a_t: tuple[Cited, ...] = ()
    questions: tuple[Cited, ...] = ()


class Comparison(Record):
    """What a source says when it compares two roles directly."""

    roles: tuple[Id, Id]
    findings: tuple[Cited, ...] = Field(min_length=1)


class PayNote(Record):
    """A note the sources attach to salary figures; `layers` limits it to those roles' bands."""

    text: Text
    layers: Ids = ()
    sources: Ids = Field(min_length=1)


class SourcesFile(Record):
    """data/sources.yaml."""

    sources: tuple[Source, ...] = Field(min_length=1)


class RolesFile(Record):
    """data/roles.yaml."""

    layers: tuple[Layer, ...] = Field(min_length=1)
    failure_modes: tuple[FailureMode, ...] = ()
    skills: tuple[Skill, ...] = Field(min_length=1)
    roles: tuple[Role, ...] = Field(min_length=1)
    career: CareerGuide = Field(default_factory=CareerGuide)
    comparisons: tuple[Comparison, ...] = ()


class SalariesFile(Record):
    """data/salaries.yaml."""

    as_of: Annotated[Text, Field(max_length=20)] | None = None
    notes: tuple[PayNote, ...] = ()
    countries: tuple[Country, ...] = Field(min_length=1)
    levels: tuple[Level, ...] = Field(min_length=1)
    bands: tuple[Band, ...] = ()
