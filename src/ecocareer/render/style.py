"""Shared looks, defined once: layer colours and symbols, money, salary ranges, safe text."""

from __future__ import annotations

from rich.text import Text

from ecocareer.models import Band, Country, Layer

# Colour is never the only signal: each layer also has a symbol and its name.
LAYER_STYLE = {
    "producers": ("green", "✎"),
    "distributors": ("blue", "➜"),
    "converters": ("magenta", "⟳"),
    "architects": ("yellow", "◆"),
}
DEFAULT_STYLE = ("cyan", "•")

# Said wherever the sources give no figure: never a guess, never a blank.
NO_SALARY = "no salary data in the sources"


def layer_colour(layer_id: str) -> str:
    return LAYER_STYLE.get(layer_id, DEFAULT_STYLE)[0]


def layer_symbol(layer_id: str) -> str:
    return LAYER_STYLE.get(layer_id, DEFAULT_STYLE)[1]


def layer_label(layer: Layer) -> Text:
    """'✎ Producers' in the layer's colour."""
    return Text(f"{layer_symbol(layer.id)} {layer.name}", style=f"bold {layer_colour(layer.id)}")


def money(amount: int, country: Country) -> str:
    """An amount as a person writes it in that country's currency: £30,000."""
    return f"{country.symbol}{amount:,}"


def salary_range(band: Band, country: Country) -> str:
    """'£30,000 – £38,000', with the source's '+' on an open-ended top."""
    plus = "+" if band.open_ended else ""
    return f"{money(band.min, country)} – {money(band.max, country)}{plus}"


# Career phases (roadmap, tshape): colour plus a symbol and the phase's name. The
# colours differ from the layer colours so a phase never reads as a layer.
PHASE_STYLE = {
    "start-wide": ("cyan", "↔", "Start wide"),
    "go-deep": ("dark_orange", "↓", "Go deep"),
    "broaden-again": ("hot_pink", "⊤", "Broaden again"),
    "t-shaped": ("bright_white", "T", "T-shaped"),
}


def phase_colour(phase: str) -> str:
    return PHASE_STYLE.get(phase, ("cyan", "•", phase))[0]


def phase_label(phase: str) -> Text:
    """'↓ Go deep' in the phase's colour."""
    colour, symbol, name = PHASE_STYLE.get(phase, ("cyan", "•", phase))
    return Text(f"{symbol} {name}", style=f"bold {colour}")
