"""What `ecocareer` alone prints: what the tool is, and three commands to try."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ecocareer.render.layout import fit
from ecocareer.render.lazy_rich import Table, Text
from ecocareer.render.style import next_hint

if TYPE_CHECKING:
    from rich.console import RenderableType

TRY = (
    ("ecocareer layers", "the map of the ecosystem"),
    ("ecocareer salary seo --country uk", "what a role pays, level by level"),
    ("ecocareer roadmap --from seo --to director", "how to get there, T-shaped"),
)


def view() -> list[RenderableType]:
    """Two sentences, the commands to try (stacked on narrow screens), where to look next."""
    commands = Table.grid(padding=(0, 2))
    commands.add_column(no_wrap=True)  # a command is never broken: it is meant to be copied
    commands.add_column()
    for command, what in TRY:
        commands.add_row(command, Text(what, style="dim"))
    return [
        Text("ecocareer: a career advisor for digital marketing, from cited data.", style="bold"),
        Text(""),
        Text(
            "Marketing is an ecosystem of four layers (Producers, Distributors, "
            "Converters & Nurturers, Architects). Three things to try:"
        ),
        Text(""),
        fit(commands),
        Text(""),
        next_hint("ecocareer --help for every command"),
    ]
