"""Shell completion of the data's terms: roles, layers, skills, countries and levels.

Candidates come from the data in use (`--data-dir`, `ECOCAREER_DATA_DIR` or the
bundled data, with the overlay merged in): every id and alias that starts with
what was typed, ignoring case, each with its display name as help (zsh and fish
show it). Completion runs while someone presses TAB, so it never prints an
error: any problem means no candidates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from ecocareer.catalog.index import Catalog
    from ecocareer.lookup import Named

Candidates = list[tuple[str, str]]


def _catalog(ctx: typer.Context) -> Catalog:
    """The catalog the command being completed would use."""
    from ecocareer.catalog.loading import load_in_use

    option = ctx.find_root().params.get("data_dir")
    return load_in_use(Path(option).expanduser() if option else None)


def _matching(entries: Iterable[Named], incomplete: str) -> Candidates:
    """Ids and aliases starting with `incomplete` (any case), each with the entry's name."""
    typed = incomplete.casefold()
    found: dict[str, str] = {}
    for entry in entries:
        for term in (entry.id, *getattr(entry, "aliases", ())):
            if term.casefold().startswith(typed):
                found.setdefault(term, entry.name)
    return list(found.items())


def _terms(
    ctx: typer.Context, incomplete: str, kind: Callable[[Catalog], Sequence[Named]]
) -> Candidates:
    try:
        return _matching(kind(_catalog(ctx)), incomplete)
    except Exception:  # a broken data directory must not spill a traceback into the shell
        return []


def roles(ctx: typer.Context, incomplete: str) -> Candidates:
    """Role ids and aliases."""
    return _terms(ctx, incomplete, lambda catalog: catalog.roles)


def layers(ctx: typer.Context, incomplete: str) -> Candidates:
    """Layer ids and aliases."""
    return _terms(ctx, incomplete, lambda catalog: catalog.layers)


def countries(ctx: typer.Context, incomplete: str) -> Candidates:
    """Country ids and aliases."""
    return _terms(ctx, incomplete, lambda catalog: catalog.countries)


def levels(ctx: typer.Context, incomplete: str) -> Candidates:
    """Seniority level ids and aliases."""
    return _terms(ctx, incomplete, lambda catalog: catalog.levels)


def skills(ctx: typer.Context, incomplete: str) -> Candidates:
    """Skill ids and aliases."""
    return _terms(ctx, incomplete, lambda catalog: catalog.skills)


def skill_levels(ctx: typer.Context, incomplete: str) -> Candidates:
    """`SKILL=` for --skill; once the skill is certain, `SKILL=0` to `SKILL=5` with level names.

    Offering the levels as soon as one skill matches matters in bash, which splits
    words at '=' and so cannot complete after it, and adds a space after a single
    candidate: several candidates make it stop at `SKILL=` without one.
    """
    from ecocareer.vocabulary import SKILL_LEVELS

    skill, equals, typed = incomplete.partition("=")
    terms = [(skill, "")] if equals else _terms(ctx, skill, lambda c: c.skills)
    if len(terms) != 1:
        return [(f"{term}=", name) for term, name in terms]
    term, name = terms[0]
    return [
        (f"{term}={level}", f"{name}: {level} {level_name}".lstrip(": "))
        for level, level_name in enumerate(SKILL_LEVELS)
        if str(level).startswith(typed)
    ]
