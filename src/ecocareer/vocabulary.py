"""The words the whole tool shares, defined once: phases, skill levels, the overseeing layer.

Ids (`go-deep`) go into JSON; display names and symbols ("↓ Go deep") into
views for people. Colours belong to the output package (`render.style`).
"""

from __future__ import annotations

from enum import StrEnum

from ecocareer.catalog.models import Role

# The layer that designs and steers the others rather than standing in the flow.
ARCHITECTS = "architects"

# Said wherever the sources give no figure: never a guess, never a blank.
NO_SALARY = "no salary data in the sources"

# Skill levels 0-5 and the thresholds the T-shape rules use (PRODUCT.md).
SKILL_LEVELS = ("none", "aware", "working", "practitioner", "advanced", "expert")
MAX_LEVEL = len(SKILL_LEVELS) - 1
WORKING_LEVEL = 2
DEEP_LEVEL = 4


def level_name(level: int) -> str:
    """'expert' for 5."""
    return SKILL_LEVELS[level]


class Phase(StrEnum):
    """A step of the T-shaped career (start wide, go deep, broaden again) or its goal."""

    START_WIDE = "start-wide"
    GO_DEEP = "go-deep"
    BROADEN_AGAIN = "broaden-again"
    T_SHAPED = "t-shaped"

    @property
    def display(self) -> str:
        """'Go deep'."""
        return _PHASE_TITLES[self]

    @property
    def symbol(self) -> str:
        return _PHASE_SYMBOLS[self]

    @property
    def label(self) -> str:
        """'↓ Go deep'."""
        return f"{self.symbol} {self.display}"


_PHASE_TITLES = {
    Phase.START_WIDE: "Start wide",
    Phase.GO_DEEP: "Go deep",
    Phase.BROADEN_AGAIN: "Broaden again",
    Phase.T_SHAPED: "T-shaped",
}
_PHASE_SYMBOLS = {
    Phase.START_WIDE: "↔",
    Phase.GO_DEEP: "↓",
    Phase.BROADEN_AGAIN: "⊤",
    Phase.T_SHAPED: "T",
}


def phase_of(role: Role) -> Phase:
    """The phase a role stands for: a generalist starts wide, a specialist goes deep, an
    Architect broadens again."""
    if role.is_generalist:
        return Phase.START_WIDE
    if role.layer == ARCHITECTS:
        return Phase.BROADEN_AGAIN
    return Phase.GO_DEEP
