"""What a person types or hands over, parsed: `--skill SKILL=LEVEL` flags, role arguments
counted as headcount, and input files (a --profile, a --team-file).

Both files have the same shape and the same checks; every problem names the
file and line and is a usage error (exit 2), since the file is the user's input,
not the data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from ecocareer import lookup
from ecocareer.catalog.documents import Path_, YamlDocument
from ecocareer.catalog.index import Catalog
from ecocareer.errors import DataError, UnknownTerm, UsageError, shown
from ecocareer.lookup import Resolver
from ecocareer.profile import Profile
from ecocareer.vocabulary import MAX_LEVEL, SKILL_LEVELS

MAX_HEADCOUNT = 10_000
LEVEL_HELP = (
    f"Levels are 0–{MAX_LEVEL}: "
    + ", ".join(f"{number} {name}" for number, name in enumerate(SKILL_LEVELS))
    + "."
)

Value = TypeVar("Value")


def read_term_mapping(
    document: YamlDocument,
    *,
    noun: str,
    key: str,
    example: str,
    value_name: str,
    resolver: Resolver,
    convert: Callable[[object], Value],
) -> dict[str, Value]:
    """`{key: {term: value}}` as {id: convert(value)}; `convert` raises ValueError to refuse."""

    def fail(path: Path_, message: str) -> UsageError:
        line = document.line_of(path)
        where = f"{document.file}:{line}" if line else document.file
        return UsageError(f"{where}: {message}")

    top = document.value
    if not isinstance(top, dict):
        raise fail((), f"{noun} is a mapping with a '{key}:' key, e.g. '{key}: {{{example}}}'")
    for name in top:
        if name != key:
            raise fail((name,), f"unknown key '{shown(name)}'; {noun} holds only '{key}:'")
    if key not in top:
        raise fail((), f"{noun} needs a '{key}:' key, e.g. '{key}: {{{example}}}'")
    entries = top[key]
    if not isinstance(entries, dict) or not entries:
        raise fail(
            (key,), f"'{key}:' must map each {resolver.kind} to {value_name}, e.g. '{example}'"
        )
    found: dict[str, Value] = {}
    first_line: dict[str, int | None] = {}
    for term, raw in entries.items():
        path = (key, term)
        try:
            entry_id = resolver.resolve(term)
        except UnknownTerm as error:  # keeps its kind, so the CLI still says where to look
            raise UnknownTerm(error.kind, str(fail(path, str(error)))) from None
        try:
            value = convert(raw)
        except ValueError as error:
            raise fail(path, f"{term}: {error}") from None
        if entry_id in found:
            raise fail(
                path,
                f"'{shown(term)}' is {entry_id} again "
                f"(first on line {first_line[entry_id]}); give each {resolver.kind} once",
            )
        found[entry_id] = value
        first_line[entry_id] = document.line_of(path)
    return found


def read_input_file(path: Path) -> YamlDocument:
    """A YAML file the user gave (a profile, a team): its problems are usage errors (exit 2)."""
    from ecocareer.catalog.yamlsafe import read_yaml

    try:
        return read_yaml(path)
    except DataError as error:
        raise UsageError(str(error)) from None


def parse_level(value: object) -> int:
    """A level from a number 0-5 or its name; ValueError says what is wrong."""
    if isinstance(value, str):
        text = value.strip().casefold()
        if text in SKILL_LEVELS:
            return SKILL_LEVELS.index(text)
        if re.fullmatch(r"[+-]?[0-9]{1,9}", text):  # ASCII digits only, and few of them
            value = int(text)
    if isinstance(value, int) and not isinstance(value, bool):
        if 0 <= value <= MAX_LEVEL:
            return value
        raise ValueError(f"level {value} is outside 0–{MAX_LEVEL}")
    text = shown(value) if isinstance(value, str) else repr(value)
    raise ValueError(f"level '{text}' is not a whole number from 0 to {MAX_LEVEL}")


def skill_flags(catalog: Catalog, flags: Iterable[str]) -> dict[str, int]:
    """Skill levels from `--skill SKILL=LEVEL` flags; UsageError on any bad one."""
    resolver = lookup.skills(catalog)
    levels: dict[str, int] = {}
    for flag in flags:
        term, equals, raw = flag.rpartition("=")
        if not equals or not term.strip():
            raise UsageError(
                f"--skill '{shown(flag)}' is not SKILL=LEVEL; write it like --skill seo=4."
            )
        skill_id = resolver.resolve(term)
        try:
            level = parse_level(raw)
        except ValueError as error:
            raise UsageError(f"--skill {shown(flag)}: {error}. {LEVEL_HELP}") from None
        if skill_id in levels and levels[skill_id] != level:
            raise UsageError(
                f"--skill gives {skill_id} twice, at {levels[skill_id]} and {level}; "
                "give each skill once."
            )
        levels[skill_id] = level
    return levels


def profile_levels(catalog: Catalog, path: Path) -> dict[str, int]:
    """Skill levels from a profile file (`skills: {seo: 4}`); errors name file:line."""
    return read_term_mapping(
        read_input_file(path),
        noun="a profile",
        key="skills",
        example="seo: 4",
        value_name="a level",
        resolver=lookup.skills(catalog),
        convert=_level_in_file,
    )


def team_from_args(catalog: Catalog, terms: Iterable[str]) -> dict[str, int]:
    """Headcount by role id from role arguments; a repeated role is one more person."""
    resolver = lookup.roles(catalog)
    team: dict[str, int] = {}
    for term in terms:
        role_id = resolver.resolve(term)
        team[role_id] = team.get(role_id, 0) + 1
    return team


def team_from_file(catalog: Catalog, path: Path) -> dict[str, int]:
    """Headcount by role id from a team file (`team: {seo: 2}`); errors name file:line."""

    def headcount(count: object) -> int:
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            text = shown(count) if isinstance(count, str) else repr(count)
            raise ValueError(f"headcount '{text}' is not a positive whole number")
        if count > MAX_HEADCOUNT:
            raise ValueError(f"headcount {count} is more than {MAX_HEADCOUNT:,}")
        return count

    return read_term_mapping(
        read_input_file(path),
        noun="a team file",
        key="team",
        example="seo: 2",
        value_name="a headcount",
        resolver=lookup.roles(catalog),
        convert=headcount,
    )


def combine(*teams: dict[str, int]) -> dict[str, int]:
    """Add headcounts up, role by role."""
    total: dict[str, int] = {}
    for team in teams:
        for role_id, count in team.items():
            total[role_id] = total.get(role_id, 0) + count
    return total


def profile_from_file(catalog: Catalog, path: Path) -> Profile:
    """The saved profile with every term checked against the data; none when there is no file.

    A broken file is a usage error naming the file and line; it is never rewritten.
    """
    from ecocareer.catalog.profiles import read_profile
    from ecocareer.profile import FIELDS, MAX_PAY

    document = read_profile(path)
    if document is None or document.value is None:
        return Profile()

    def fail(where: Path_, message: str) -> UsageError:
        line = document.line_of(where)
        return UsageError(f"{document.file}:{line or 1}: {message}")

    top = document.value
    if not isinstance(top, dict):
        raise fail(
            (), "a profile is a mapping of fields (role, target, country, level, pay, skills)"
        )
    resolvers = {
        "role": lookup.roles(catalog),
        "target": lookup.roles(catalog),
        "country": lookup.countries(catalog),
        "level": lookup.levels(catalog),
    }
    ids: dict[str, str] = {}
    pay: int | None = None
    for name, value in top.items():
        if name not in (*FIELDS, "skills"):
            raise fail(
                (name,),
                f"unknown field '{shown(name)}'; a profile holds {', '.join(FIELDS)}, skills",
            )
        if value is None:
            continue
        if name in resolvers:
            if not isinstance(value, str):
                raise fail((name,), f"{name} must be text, e.g. {name}: seo")
            try:
                ids[name] = resolvers[name].resolve(value)
            except UnknownTerm as error:
                raise UnknownTerm(error.kind, str(fail((name,), str(error)))) from None
        elif name == "pay":
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_PAY:
                raise fail((name,), f"pay must be a whole number from 0 to {MAX_PAY:,}")
            pay = value
    skills: dict[str, int] = {}
    if top.get("skills"):
        skills = read_term_mapping(
            YamlDocument(document.file, {"skills": top["skills"]}, document.lines),
            noun="a profile",
            key="skills",
            example="seo: 4",
            value_name="a level",
            resolver=lookup.skills(catalog),
            convert=_level_in_file,
        )
    return Profile(
        ids.get("role"), ids.get("target"), ids.get("country"), ids.get("level"), pay, skills
    )


def _level_in_file(raw: object) -> int:
    try:
        return parse_level(raw)
    except ValueError as error:
        raise ValueError(f"{error}. {LEVEL_HELP}") from None
