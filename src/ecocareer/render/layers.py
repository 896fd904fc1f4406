"""The ecosystem map (`ecocareer layers`) as Rich panels, JSON or Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecocareer.catalog.models import Role
from ecocareer.layers import EcosystemMap, Failure, LayerView, Link
from ecocareer.render.layout import Either, fit, panel
from ecocareer.render.lazy_rich import Group, Table, Text
from ecocareer.render.output import View
from ecocareer.render.records import data_record
from ecocareer.render.style import layer_colour, layer_label, mode_name, next_hint

if TYPE_CHECKING:
    from rich.console import RenderableType

TITLE = "The marketing ecosystem: four layers, one system"


def failure_record(failure: Failure | None) -> dict[str, Any] | None:
    return None if failure is None else data_record(failure.mode)


def layers_record(ecosystem: EcosystemMap) -> dict[str, Any]:
    """The map as JSON: the flow order, the overseeing layer, and every layer in full."""
    return {
        "flow": [view.layer.id for view in ecosystem.flow],
        "over_all": [view.layer.id for view in ecosystem.over_all],
        "layers": [
            {
                **data_record(view.layer),
                "roles": [role.id for role in view.roles],
                "generalists": [role.id for role in view.generalists],
                "failure_mode": failure_record(view.failure),
            }
            for view in ecosystem.layers
        ],
    }


def when_text(failure: Failure) -> str:
    """'Seen when there are Producers but no Distributors.'"""
    names = [layer.name for layer in failure.present_any]
    present = " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 2 else names)
    return f"Seen when there are {present} but no {failure.missing.name}."


# ----------------------------------------------------------------- Rich view


def links_text(links: tuple[Link, ...]) -> Text:
    """One line per link: the layer's label, then what passes along it."""
    return Text("\n").join(layer_label(link.layer, bold=False) + f": {link.text}" for link in links)


def _roles(roles: tuple[Role, ...], generalists: tuple[Role, ...]) -> Text:
    names = [role.name + " (generalist)" * role.is_generalist for role in roles]
    text = Text(", ".join(names) or "none in the data", style="bold")
    for role in generalists:
        text.append(f"\nalso {role.name} (generalist)", style="dim")
    return text


def _failure(failure: Failure | None) -> Text:
    if failure is None:
        return Text("none named in the data", style="dim")
    text = Text(mode_name(failure.mode), style="bold")
    text.append(f"\n{failure.mode.summary}")
    text.append(f"\n{when_text(failure)}", style="dim")
    return text


def layer_panel(view: LayerView) -> RenderableType:
    """One layer as a panel in its colour."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    layer = view.layer
    grid.add_row("Function", Text(layer.function))
    grid.add_row("Metaphor", Text(layer.metaphor, style="italic"))
    grid.add_row("Roles", _roles(view.roles, view.generalists))
    if view.feeds:
        grid.add_row("Feeds", links_text(view.feeds))
    if view.needs:
        grid.add_row("Needs", links_text(view.needs))
    grid.add_row("Failure mode", _failure(view.failure))
    title = layer_label(layer) + Text(f" · {layer.subtitle}", style=layer_colour(layer))
    subtitle = Text(f"ecocareer roles --layer {layer.id}", style="dim")
    return panel(fit(grid), title=title, subtitle=subtitle, colour=layer_colour(layer))


def flow_line(ecosystem: EcosystemMap) -> RenderableType:
    """'✎ Producers ──▶ ➜ Distributors ──▶ ⟳ Converters & Nurturers' on one line where it
    fits, else one layer a line; then the Architects over all."""
    labels = [layer_label(view.layer) for view in ecosystem.flow]
    arrow = Text(" ──▶ ", style="dim")
    across = Text("  ") + arrow.join(labels)
    down = Text("\n").join(
        Text("  ") + (Text("──▶ ", style="dim") if index else Text("")) + label
        for index, label in enumerate(labels)
    )
    over = Text()
    for view in ecosystem.over_all:
        over.append("  ")
        over.append_text(layer_label(view.layer))
        over.append(" over all of them: they design and steer the whole system\n")
    over.rstrip()
    return Group(Either(across, down), over)


def layers_view(ecosystem: EcosystemMap) -> list[RenderableType]:
    """The title, the flow at a glance, then one panel per layer."""
    parts: list[RenderableType] = [Text(TITLE, style="bold"), Text(), flow_line(ecosystem), Text()]
    for index, view in enumerate(ecosystem.flow):
        if index:
            parts.append(Text("▼", style="dim", justify="center"))
        parts.append(layer_panel(view))
    parts += [layer_panel(view) for view in ecosystem.over_all]
    parts.append(next_hint("ecocareer roles --layer LAYER", "ecocareer roles ROLE"))
    return parts


# ------------------------------------------------------------------ Markdown


def _markdown_links(links: tuple[Link, ...]) -> str:
    return "".join(f"- **{link.layer.name}**: {link.text}\n" for link in links)


def layers_markdown(ecosystem: EcosystemMap) -> str:
    """The same content as the panels, as Markdown."""
    flow = " → ".join(view.layer.name for view in ecosystem.flow)
    over = ", ".join(view.layer.name for view in ecosystem.over_all)
    lines = [f"# {TITLE}\n", f"Flow: {flow}" + (f"; {over} over all." if over else ".") + "\n"]
    for view in ecosystem.layers:
        layer = view.layer
        lines.append(f"## {layer.name}: {layer.subtitle}\n")
        lines.append(f"**Function.** {layer.function}\n")
        lines.append(f"**Metaphor.** {layer.metaphor}\n")
        roles = ", ".join(f"{role.name} (`{role.id}`)" for role in view.roles) or "none"
        lines.append(f"**Roles.** {roles}\n")
        if view.generalists:
            also = ", ".join(f"{role.name} (`{role.id}`)" for role in view.generalists)
            lines.append(f"**Also covered by the generalist** {also}.\n")
        if view.feeds:
            lines.append(f"**Feeds**\n\n{_markdown_links(view.feeds)}")
        if view.needs:
            lines.append(f"**Needs**\n\n{_markdown_links(view.needs)}")
        if view.failure is not None:
            mode = view.failure.mode
            lines.append(
                f"**Failure mode: {mode.name}.** {mode.summary} {when_text(view.failure)}\n"
            )
    return "\n".join(lines)


VIEW = View(table=layers_view, json=layers_record, markdown=layers_markdown)
