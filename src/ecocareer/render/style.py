"""Shared looks, defined once: layer colours and symbols, phase labels, money, ranges, bullets."""

from __future__ import annotations

from collections.abc import Iterable

from ecocareer.catalog.index import Pay
from ecocareer.catalog.models import CareerLink, Country, FailureMode, Layer
from ecocareer.render.lazy_rich import Table, Text
from ecocareer.vocabulary import NO_SALARY, Phase

# Colour is never the only signal: each layer also has a symbol and its name.
LAYER_STYLE = {
    "producers": ("green", "✎"),
    "distributors": ("blue", "➜"),
    "converters": ("magenta", "⟳"),
    "architects": ("yellow", "◆"),
}
DEFAULT_STYLE = ("cyan", "•")


def layer_colour(layer: Layer) -> str:
    return LAYER_STYLE.get(layer.id, DEFAULT_STYLE)[0]


def layer_symbol(layer: Layer) -> str:
    return LAYER_STYLE.get(layer.id, DEFAULT_STYLE)[1]


def layer_name(layer: Layer) -> str:
    """'✎ Producers' as plain text."""
    return f"{layer_symbol(layer)} {layer.name}"


def layer_label(layer: Layer, bold: bool = True) -> Text:
    """'✎ Producers' in the layer's colour."""
    style = f"bold {layer_colour(layer)}" if bold else layer_colour(layer)
    return Text(layer_name(layer), style=style)


def layer_labels(layers: Iterable[Layer], separator: str = ", ") -> Text:
    """Several layer labels in their colours, joined."""
    return Text(separator).join(layer_label(layer, bold=False) for layer in layers)


def phase_label(phase: Phase) -> Text:
    """'↓ Go deep': a phase is told by its symbol and name; colour belongs to the layers."""
    return Text(phase.label, style="bold")


# A cell where the sources give no figure, and the legend said under any table holding one.
NO_FIGURE = "–"
NO_FIGURE_LEGEND = f"{NO_FIGURE} : {NO_SALARY} for that level"


def money(amount: int, country: Country) -> str:
    """An amount as a person writes it in that country's currency: £30,000."""
    return f"{country.symbol}{amount:,}"


def salary_range(pay: Pay) -> str:
    """'£30,000 – £38,000', with the source's '+' on an open-ended top."""
    plus = "+" if pay.band.open_ended else ""
    return f"{money(pay.band.min, pay.country)} – {money(pay.band.max, pay.country)}{plus}"


def bullets(items: Iterable[str | Text], marker: str = "•") -> Table:
    """A bulleted list whose wrapped lines stay indented under their text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for item in items:
        grid.add_row(marker, item if isinstance(item, Text) else Text(item))
    return grid


BASIS = {"source": "stated by the sources", "inferred": "inferred"}


def basis_words(link: CareerLink) -> str:
    """Where a career move comes from, in words: the sources that state it, or our reason."""
    if link.basis == "source":
        return f"{BASIS['source']} ({', '.join(link.sources)}): {link.note}"
    return f"{BASIS['inferred']} (not stated by the sources): {link.note}"


def basis_text(link: CareerLink) -> Text:
    """`basis_words` with the basis marked: green where sourced, yellow where inferred."""
    text = Text(basis_words(link))
    text.stylize("green" if link.basis == "source" else "yellow", 0, len(BASIS[link.basis]))
    return text


def mode_name(mode: FailureMode) -> str:
    """A failure mode's name, marked where the name is ours rather than the guide's."""
    ours = " (our name for a story the guide tells)" if mode.named_by == "ecocareer" else ""
    return mode.name + ours


def lead_in(text: str, upto: str = ":", style: str = "") -> Text:
    """A sentence whose opening words stand out: bold up to and including the first `upto`
    (a ':', a '.', or a word), the rest plain; all of it bold if `upto` is not there."""
    head, found, rest = text.partition(upto)
    out = Text(head + found, style=f"bold {style}".strip())
    out.append(rest, style=style)
    return out


def next_hint(*commands: str) -> Text:
    """The line that ends a view: what to run next."""
    return Text("Next: " + "; or ".join(commands), style="dim")


def whole_line(text: str, link: str | None = None) -> Text:
    """A line never folded or cut by us (a URL): the terminal wraps it if it must, so it
    stays one piece to click or copy; a link where the terminal supports links."""
    return Text(text, style=f"link {link}" if link else "", no_wrap=True, overflow="ignore")
