"""Turn what a person types into an id: ids, names, aliases, unique prefixes, did-you-mean."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import get_close_matches
from functools import cached_property
from typing import Protocol

from ecocareer.catalog.index import Catalog
from ecocareer.catalog.terms import normalise
from ecocareer.errors import UnknownTerm, shown

MAX_TERM = 100


class Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...


@dataclass(frozen=True)
class Resolver:
    """Finds entries of one kind (roles, layers, ...) by any of their terms."""

    kind: str
    plural: str
    entries: Sequence[Named]

    @cached_property
    def _ids(self) -> frozenset[str]:
        return frozenset(entry.id for entry in self.entries)

    @cached_property
    def _terms(self) -> dict[str, set[str]]:
        terms: dict[str, set[str]] = {}
        for entry in self.entries:
            for term in (entry.id, entry.name, *getattr(entry, "aliases", ())):
                terms.setdefault(normalise(term), set()).add(entry.id)
        return terms

    def resolve(self, term: str) -> str:
        """The id `term` means, or UnknownTerm with candidates or a suggestion."""
        wanted = normalise(term)
        if not wanted:
            raise self._unknown(f"Empty {self.kind} name. {self._hint()}")
        if len(term) > MAX_TERM:
            raise self._unknown(f"The {self.kind} '{shown(term)}' is too long. {self._hint()}")
        if wanted in self._ids:  # the usual case: no need to index every name and alias
            return wanted  # (loading guarantees no other entry has this term)
        terms = self._terms
        exact = terms.get(wanted, set())
        if len(exact) == 1:
            return next(iter(exact))
        matches = exact or {
            entry_id
            for known, ids in terms.items()
            if known.startswith(wanted) or f"-{wanted}" in f"-{known}"
            for entry_id in ids
        }
        if len(matches) == 1:
            return next(iter(matches))
        if matches:
            order = [entry.id for entry in self.entries if entry.id in matches]
            raise self._unknown(
                f"'{shown(term)}' could mean several {self.plural}: {', '.join(order)}. "
                "Type more of the name."
            )
        close = get_close_matches(wanted, list(terms), n=1, cutoff=0.6)
        if close:
            suggestion = sorted(terms[close[0]])[0]
            raise self._unknown(
                f"Unknown {self.kind} '{shown(term)}'; did you mean '{suggestion}'? " + self._hint()
            )
        raise self._unknown(f"Unknown {self.kind} '{shown(term)}'. {self._hint()}")

    def resolve_all(self, terms: Iterable[str]) -> list[str]:
        """Resolve each term, keeping order and dropping repeats."""
        return list(dict.fromkeys(self.resolve(term) for term in terms))

    def _unknown(self, message: str) -> UnknownTerm:
        return UnknownTerm(self.kind, message.strip())

    def _hint(self) -> str:
        """The known ids when they are few; otherwise the CLI points to its listing."""
        if len(self.entries) <= 8:
            return f"Known {self.plural}: {', '.join(entry.id for entry in self.entries)}."
        return ""


def roles(catalog: Catalog) -> Resolver:
    return Resolver("role", "roles", catalog.roles)


def layers(catalog: Catalog) -> Resolver:
    return Resolver("layer", "layers", catalog.layers)


def skills(catalog: Catalog) -> Resolver:
    return Resolver("skill", "skills", catalog.skills)


def countries(catalog: Catalog) -> Resolver:
    return Resolver("country", "countries", catalog.countries)


def levels(catalog: Catalog) -> Resolver:
    return Resolver("level", "levels", catalog.levels)
