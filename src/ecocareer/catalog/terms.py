"""How a term is compared: the one normalisation that loading (uniqueness) and lookup share."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s_-]+")


def normalise(term: str) -> str:
    """Case, spaces, hyphens and underscores do not matter: 'SEO_Specialist' -> 'seo-specialist'."""
    return _SEPARATORS.sub("-", term.strip().casefold()).strip("-")
