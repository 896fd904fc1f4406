"""A JSON Resume (the open `resume.json` schema) read as a profile, saying what it understood.

Mapping rules:
- `basics.location.countryCode` -> country (through the same lookup as everywhere);
- the current job (a `work[]` entry without `endDate`, else the one that ended last)
  -> role, from its `position`; seniority words in it -> level (Junior/Intern/Trainee ->
  entry; Senior/Sr/Lead/Principal -> senior; Head of/Chief/VP/Vice President ->
  executive); a title with none of them sets no level;
- `skills[].name` and each of its `keywords[]` -> skills, a keyword taking its skill's
  level; level words: beginner/novice 1, intermediate 2, proficient/experienced 3,
  advanced 4, expert/master 5, or a number 0-5 as it is. A skill with no level we
  recognise is never guessed: it is listed for the person to rate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ecocareer.catalog.index import Catalog
from ecocareer.errors import UnknownTerm, shown
from ecocareer.lookup import Resolver, countries, roles, skills
from ecocareer.profile import Profile

LEVEL_WORDS = {
    "beginner": 1, "novice": 1, "intermediate": 2, "proficient": 3, "experienced": 3,
    "advanced": 4, "expert": 5, "master": 5,
}  # fmt: skip
SENIORITY = (
    (re.compile(r"\b(head of|chief|vp|vice president)\b", re.I), "executive"),
    (re.compile(r"\b(senior|sr\.?|lead|principal)\b", re.I), "senior"),
    (re.compile(r"\b(junior|jr\.?|intern|trainee|graduate)\b", re.I), "entry"),
)


@dataclass
class Reading:
    """What a résumé gave: the profile it maps to, what was understood, what was not."""

    profile: Profile = field(default_factory=Profile)
    understood: list[str] = field(default_factory=list)
    not_mapped: list[str] = field(default_factory=list)
    to_rate: list[str] = field(default_factory=list)


def looks_like_a_resume(data: object) -> bool:
    """A JSON Resume is an object with at least one of its main sections."""
    return isinstance(data, dict) and any(key in data for key in ("basics", "work", "skills"))


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _level(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and 0 <= value <= 5:
        return value
    text = _text(value)
    if text is None:
        return None
    if re.fullmatch(r"[0-5]", text):
        return int(text)
    return LEVEL_WORDS.get(text.casefold())


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _resolve(resolver: Resolver, term: str) -> tuple[str | None, str | None]:
    """The id, or None and the reason (with its did-you-mean) in our words."""
    try:
        return resolver.resolve(term), None
    except UnknownTerm as error:
        return None, str(error)


def _current_job(work: object) -> Mapping[str, Any] | None:
    jobs = [job for job in work if isinstance(job, dict)] if isinstance(work, list) else []
    if not jobs:
        return None
    ongoing = [job for job in jobs if not _text(job.get("endDate"))]
    if ongoing:
        return ongoing[0]
    return max(jobs, key=lambda job: str(job.get("endDate") or ""))


def _role_and_level(
    catalog: Catalog, title: str, reading: Reading
) -> tuple[str | None, str | None]:
    level = next((lv for pattern, lv in SENIORITY if pattern.search(title)), None)
    role, why = _resolve(roles(catalog), title)
    if role is None:  # try again without the seniority words
        bare = title
        for pattern, _ in SENIORITY:
            bare = pattern.sub(" ", bare)
        if bare.strip():
            role, why = _resolve(roles(catalog), bare)
    if role is None:
        reading.not_mapped.append(f"job title '{shown(title)}': {why}")
    else:
        reading.understood.append(f"role {role} (from the job title '{shown(title)}')")
    if level is not None:
        reading.understood.append(f"level {level} (a seniority word in '{shown(title)}')")
    return role, level


def read_resume(catalog: Catalog, data: Mapping[str, Any]) -> Reading:
    """Map a parsed JSON Resume to a profile, keeping account of every field."""
    reading = Reading()
    basics = _mapping(data.get("basics"))
    location = _mapping(basics.get("location"))
    country = None
    code = _text(location.get("countryCode"))
    if code:
        country, why = _resolve(countries(catalog), code)
        if country is None:
            reading.not_mapped.append(f"country code '{shown(code)}': {why}")
        else:
            reading.understood.append(f"country {country} (from '{shown(code)}')")
    role = level = None
    job = _current_job(data.get("work"))
    if job is not None and _text(job.get("position")):
        role, level = _role_and_level(catalog, _text(job.get("position")) or "", reading)
    rated: dict[str, int] = {}
    for entry in _list(data.get("skills")):
        if not isinstance(entry, dict):
            continue
        skill_level = _level(entry.get("level"))
        for term in [entry.get("name"), *_list(entry.get("keywords"))]:
            text = _text(term)
            if text is None:
                continue
            skill, why = _resolve(skills(catalog), text)
            if skill is None:
                reading.not_mapped.append(f"skill '{shown(text)}': {why}")
            elif skill_level is None:
                reading.to_rate.append(skill)
            elif skill not in rated:
                rated[skill] = skill_level
                reading.understood.append(f"skill {skill} at {skill_level} (from '{shown(text)}')")
    reading.to_rate = [skill for skill in dict.fromkeys(reading.to_rate) if skill not in rated]
    reading.profile = Profile(role=role, country=country, level=level, skills=rated)
    return reading
