"""Who the person is: the role they hold, the role they aim for, where they work, their
level and pay, and their skills. Commands fill what a flag leaves out from it.

Pure data: reading and writing the file is the data package's job
(`catalog.profiles`), turning typed words into ids the command line's.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from ecocareer.catalog.index import Catalog, PlacedRole
from ecocareer.catalog.models import Country, Layer, Level, Skill

FIELDS = ("role", "target", "country", "level", "pay")
MAX_PAY = 100_000_000


@dataclass(frozen=True)
class Profile:
    """A person's saved answers, as ids (None where not given); skills map id -> 0-5."""

    role: str | None = None
    target: str | None = None
    country: str | None = None
    level: str | None = None
    pay: int | None = None
    skills: dict[str, int] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self == Profile()

    def values(self) -> dict[str, Any]:
        """Every field by name, skills last: what the profile file holds."""
        return {**{name: getattr(self, name) for name in FIELDS}, "skills": dict(self.skills)}

    def merged(self, changes: Profile) -> Profile:
        """This profile with every field `changes` gives replaced, and its skills added."""
        given: dict[str, Any] = {
            name: value for name in FIELDS if (value := getattr(changes, name)) is not None
        }
        return replace(self, **given, skills={**self.skills, **changes.skills})


class RatedSkill(NamedTuple):
    """One of the person's skills, with its layer, at their level (0-5)."""

    skill: Skill
    layer: Layer
    level: int


class ProfileCard(NamedTuple):
    """The profile with every id resolved, for showing it."""

    profile: Profile
    role: PlacedRole | None
    target: PlacedRole | None
    country: Country | None
    level: Level | None
    skills: tuple[RatedSkill, ...]


def profile_card(catalog: Catalog, profile: Profile) -> ProfileCard:
    """The profile as a person reads it: names, not ids; skills in the data's order."""
    order = [skill for skill in catalog.skills if skill.id in profile.skills]
    return ProfileCard(
        profile,
        catalog.placed(profile.role) if profile.role else None,
        catalog.placed(profile.target) if profile.target else None,
        catalog.country(profile.country) if profile.country else None,
        catalog.level(profile.level) if profile.level else None,
        tuple(RatedSkill(s, catalog.layer(s.layer), profile.skills[s.id]) for s in order),
    )
