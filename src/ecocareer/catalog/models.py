"""Validated shapes of the data files: what each layer, role, skill and salary band holds.

Records are frozen standard dataclasses, so a run served from the cache (most runs)
fills them without importing Pydantic, which costs more than all the rest of an answer.
Pydantic validates them when a file is read (`loading`): its rules for each field are
`Checked` markers, turned into Pydantic's own only then.

Annotations here are plain (no `from __future__ import annotations`): Pydantic then
reads them as they are instead of compiling each one from a string.
"""

import re
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields
from functools import cache
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    ClassVar,
    Literal,
    NamedTuple,
    TypeVar,
    dataclass_transform,
    get_args,
    get_origin,
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


class Checked:
    """Pydantic's rules for a field (`strict`, `max_length`, `pattern`, `ge`, ... and a
    function to run `after` them), made into Pydantic's own only when data is validated."""

    __slots__ = ("after", "rules")

    def __init__(self, after: Callable[[str], str] | None = None, **rules: Any) -> None:
        self.after, self.rules = after, rules

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import AfterValidator, Field

        rules: list[Any] = [Field(**self.rules)] if self.rules else []
        if self.after is not None:
            rules.append(AfterValidator(self.after))
        return handler.generate_schema(Annotated[(source, *rules)])


def _text(max_length: int) -> Checked:
    """The rules of text from a data file: a string, printable, at most `max_length` long."""
    return Checked(_plain_text, strict=True, max_length=max_length)


Text = Annotated[str, _text(500)]
Id = Annotated[str, Checked(strict=True, max_length=64, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Ids = tuple[Id, ...]
Cites = Annotated[Ids, Checked(min_length=1)]  # at least one source id
Money = Annotated[int, Checked(strict=True, ge=0, le=100_000_000)]


def _one_checked(annotation: Any, where: str) -> None:
    """Refuse a type with two sets of rules (`Annotated[Text, Checked(...)]`): Pydantic would
    apply only the last, silently dropping the first (such as the printable-text check)."""
    rules = annotation.__metadata__ if get_origin(annotation) is Annotated else ()
    if sum(isinstance(rule, Checked) for rule in rules) > 1:
        raise TypeError(f"{where}: give a type one Checked, with all its rules")
    for inner in get_args(annotation):
        _one_checked(inner, where)


def bare(annotation: Any) -> Any:
    """A field's type without the rules `Annotated` adds to it."""
    return get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(field,))
class Record:
    """Every record is an immutable dataclass with keyword-only fields, and rejects fields it
    does not know (Pydantic reads `__pydantic_config__` when it validates one).

    Each kind of record is made a dataclass as it is defined (`__init_subclass__`), with
    the methods every dataclass would otherwise compile for itself (making, comparing,
    hashing, showing, refusing changes) written once here: compiling them for every kind
    cost 10 ms on every run.
    """

    __pydantic_config__: ClassVar[dict[str, str]] = {"extra": "forbid"}
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    def __init_subclass__(cls, **options: Any) -> None:
        super().__init_subclass__(**options)
        dataclass(init=False, repr=False, eq=False, kw_only=True)(cls)
        for each in cls.__dataclass_fields__.values():
            _one_checked(each.type, f"{cls.__name__}.{each.name}")

    if not TYPE_CHECKING:  # the type checker knows these from `dataclass_transform`

        def __init__(self, **given: Any) -> None:
            fields = self.__dataclass_fields__
            unknown = given.keys() - fields.keys()
            if unknown:
                raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
            values = {}
            for name, each in fields.items():
                if name in given:
                    values[name] = given[name]
                elif each.default is not MISSING:
                    values[name] = each.default
                elif each.default_factory is not MISSING:
                    values[name] = each.default_factory()
                else:
                    raise TypeError(f"{type(self).__name__} needs a value for {name!r}")
            object.__setattr__(self, "__dict__", values)
            if hasattr(self, "__post_init__"):
                self.__post_init__()

        def __setattr__(self, name: str, value: Any) -> None:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")

        def __delattr__(self, name: str) -> None:
            raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __getstate__(self) -> dict[str, Any]:
        """The fields' values, so that a copy or a pickle holds whole records whatever
        filled this one (a record from the cache makes its nested records when read)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__dataclass_fields__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = (f"{name}={getattr(self, name)!r}" for name in self.__dataclass_fields__)
        return f"{type(self).__name__}({', '.join(shown)})"


Made = TypeVar("Made")


def once_per_kind(make: Callable[[type[Record]], Made]) -> Callable[[type[Record]], Made]:
    """`make`, run once for each kind of record and remembered (its validator, its shape)."""
    made: dict[type[Record], Made] = {}

    def once(kind: type[Record]) -> Made:
        if kind not in made:
            made[kind] = make(kind)
        return made[kind]

    return once


class Held(NamedTuple):
    """A field that holds records: its place among the fields, its name, the kind of record,
    and whether it holds one or a tuple of them (`many`)."""

    position: int
    name: str
    kind: type[Record]
    many: bool


@once_per_kind
def records_held(model: type[Record]) -> tuple[Held, ...]:
    """The fields of a kind of record that hold records (the cache fills them, a file that
    fails validation is salvaged through them)."""
    held = []
    for position, each in enumerate(fields(model)):
        kind = bare(each.type)
        item, *rest = get_args(kind) or (None,)
        if _is_record(kind):
            held.append(Held(position, each.name, kind, many=False))
        elif get_origin(kind) is tuple and rest == [Ellipsis] and _is_record(bare(item)):
            held.append(Held(position, each.name, bare(item), many=True))
        elif _holds_record(kind):
            raise TypeError(f"{model.__name__}.{each.name}: hold records one or a tuple at a time")
    return tuple(held)


def _is_record(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, Record)


def _holds_record(annotation: Any) -> bool:
    return _is_record(bare(annotation)) or any(map(_holds_record, get_args(annotation)))


class Source(Record):
    """A work the data cites; `number` is its place in the guide's works-cited list."""

    id: Id
    title: Text
    publisher: Text | None = None
    url: (
        Annotated[str, Checked(_plain_text, strict=True, max_length=500, pattern=r"^https?://\S+$")]
        | None
    ) = None
    accessed: Annotated[str, Checked(strict=True, pattern=r"^\d{4}-\d{2}-\d{2}$")] | None = None
    number: Annotated[int, Checked(strict=True, ge=1)] | None = None


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
    sources: Cites


class Cited(Record):
    """A statement of the sources, in our words, with the works it comes from."""

    text: Text
    sources: Cites


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
    present_any: Annotated[Ids, Checked(min_length=1)]
    missing: Id
    summary: Text
    looks_like: Text
    closed_by: tuple[Closer, ...] = ()
    sources: Cites


class Skill(Record):
    """A skill from the one shared list every role draws on."""

    id: Id
    name: Text
    layer: Id
    aliases: Ids = ()


class RoleSkills(Record):
    """The skills a role is built on (core) and draws on (supporting)."""

    core: Annotated[Ids, Checked(min_length=1)]
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

    def __post_init__(self) -> None:  # Pydantic calls it when it validates a link
        if self.basis == "source" and not self.sources:
            raise ValueError("a link with basis 'source' must name its sources")


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
    responsibilities: Annotated[tuple[Text, ...], Checked(min_length=1)]
    skills: RoleSkills
    tools: tuple[Text, ...] = ()
    deliverables: tuple[Text, ...] = ()
    methods: tuple[Text, ...] = ()
    leads_to: tuple[CareerLink, ...] = ()
    notes: tuple[Cited, ...] = ()
    sources: Cites

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
    currency: Annotated[str, Checked(strict=True, pattern=r"^[A-Z]{3}$")]
    symbol: Annotated[str, _text(5)]
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
    open_ended: Annotated[bool, Checked(strict=True)] = False
    years: Annotated[str, _text(40)] | None = None
    sources: Cites


class Phase(Record):
    """A step of the T-shaped career as the guide describes it: what it is and what to do."""

    id: Literal["start-wide", "go-deep", "broaden-again"]
    summary: Text
    advice: Text
    sources: Cites


class CareerGuide(Record):
    """The guide's T-shaped career: its phases, why a T, and the questions it leaves you with."""

    phases: tuple[Phase, ...] = ()
    why_a_t: tuple[Cited, ...] = ()
    questions: tuple[Cited, ...] = ()


class Comparison(Record):
    """What a source says when it compares two roles directly."""

    roles: tuple[Id, Id]
    findings: Annotated[tuple[Cited, ...], Checked(min_length=1)]


class PayNote(Record):
    """A note the sources attach to salary figures; `layers` limits it to those roles' bands."""

    text: Text
    layers: Ids = ()
    sources: Cites


class SourcesFile(Record):
    """data/sources.yaml."""

    sources: Annotated[tuple[Source, ...], Checked(min_length=1)]


class RolesFile(Record):
    """data/roles.yaml."""

    layers: Annotated[tuple[Layer, ...], Checked(min_length=1)]
    failure_modes: tuple[FailureMode, ...] = ()
    skills: Annotated[tuple[Skill, ...], Checked(min_length=1)]
    roles: Annotated[tuple[Role, ...], Checked(min_length=1)]
    career: CareerGuide = field(default_factory=CareerGuide)
    comparisons: tuple[Comparison, ...] = ()


class SalariesFile(Record):
    """data/salaries.yaml."""

    as_of: Annotated[str, _text(20)] | None = None
    notes: tuple[PayNote, ...] = ()
    countries: Annotated[tuple[Country, ...], Checked(min_length=1)]
    levels: Annotated[tuple[Level, ...], Checked(min_length=1)]
    bands: tuple[Band, ...] = ()
