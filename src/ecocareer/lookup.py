"""Turn what a person types into an id: ids, names, aliases, unique prefixes, did-you-mean.

A did-you-mean is offered only when it is right: a typo of a whole term (a letter or two
off, by length), or, failing that, every typed word found in one term of one entry
("email specialist" in email-marketing-specialist); otherwise nothing is suggested. A
role's resolver also says when the term names a layer instead, with that layer's roles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
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
    # What the term means where another kind was expected (a layer for a role), if anything.
    elsewhere: Callable[[str], str | None] | None = None

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
        elsewhere = self.elsewhere(wanted) if self.elsewhere else None
        if elsewhere:
            raise self._unknown(f"'{shown(term)}' {elsewhere}")
        suggestion = self._close(wanted)
        if suggestion:
            raise self._unknown(
                f"Unknown {self.kind} '{shown(term)}'; did you mean '{suggestion}'? " + self._hint()
            )
        raise self._unknown(f"Unknown {self.kind} '{shown(term)}'. {self._hint()}")

    def exact(self, term: str) -> str | None:
        """The id of the one entry `term` is an id, name or alias of, with no guessing."""
        ids = self._terms.get(normalise(term), set())
        return next(iter(ids)) if len(ids) == 1 else None

    def _close(self, wanted: str) -> str | None:
        """The one entry a typo of the whole term points to, else the one with a term holding
        every typed word (each word exact or a typo); None when no single entry is that close."""
        allowed = _typos_allowed(wanted)
        distances = {
            known: _distance(wanted, known)
            for known in self._terms
            if abs(len(known) - len(wanted)) <= allowed  # no need to measure the far ones
        }
        best = min(distances.values(), default=0)
        if 0 < best <= allowed:
            ids = {i for known, d in distances.items() if d == best for i in self._terms[known]}
        else:
            words = wanted.split("-")
            ids = {
                entry_id
                for known, entry_ids in self._terms.items()
                if len(words) > 1 and all(_word_in(word, known.split("-")) for word in words)
                for entry_id in entry_ids
            }
        return next(iter(ids)) if len(ids) == 1 else None

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


def _typos_allowed(term: str) -> int:
    """Edits a term may be off by and still be a typo: none for two letters, one up to seven."""
    return 0 if len(term) <= 2 else 1 if len(term) <= 7 else 2


def _word_in(word: str, words: Sequence[str]) -> bool:
    allowed = _typos_allowed(word)
    return any(
        abs(len(word) - len(other)) <= allowed and _distance(word, other) <= allowed
        for other in words
    )


def _distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(
                d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def roles(catalog: Catalog) -> Resolver:
    def layer_named(term: str) -> str | None:
        layer_id = layers(catalog).exact(term)
        if layer_id is None:
            return None
        layer = next(layer for layer in catalog.layers if layer.id == layer_id)
        members = [role.id for role in catalog.roles if role.layer == layer_id]
        return f"is a layer, not a role; the {layer.name} roles are {', '.join(members)}."

    return Resolver("role", "roles", catalog.roles, layer_named)


def layers(catalog: Catalog) -> Resolver:
    return Resolver("layer", "layers", catalog.layers)


def skills(catalog: Catalog) -> Resolver:
    return Resolver("skill", "skills", catalog.skills)


def countries(catalog: Catalog) -> Resolver:
    return Resolver("country", "countries", catalog.countries)


def levels(catalog: Catalog) -> Resolver:
    return Resolver("level", "levels", catalog.levels)
