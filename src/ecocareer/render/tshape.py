"""The T-shape self-assessment in every format: the drawn "T", the phase, the next moves."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from ecocareer.output import Export, Format, emit_json, emit_text, show
from ecocareer.render.markdown import table as markdown_table
from ecocareer.render.style import layer_colour, layer_label, layer_symbol
from ecocareer.tshape import (
    DEEP_LEVEL,
    MAX_LEVEL,
    WORKING_LEVEL,
    Phase,
    SkillLevel,
    TShape,
    level_name,
)

CELLS_PER_LEVEL = 3
COLUMN = MAX_LEVEL * CELLS_PER_LEVEL + 3
INDENT = "  "

# Our own words for what each phase means for the person.
MEANING: dict[Phase, str] = {
    "start-wide": (
        "You are still exploring. Try the work of several layers at a working level "
        "before you commit to one speciality: it shows where your strengths lie, and "
        "every specialist later profits from knowing the neighbouring layers."
    ),
    "go-deep": (
        "You know your way around several layers but have no speciality yet. Choose one "
        "function and push it to advanced: depth is what gets a specialist hired and "
        "trusted."
    ),
    "broaden-again": (
        "You have real depth in one function. The next climb is outward: learn enough of "
        "the other layers to work across them. That is the route toward leading teams "
        "and designing the whole system."
    ),
    "t-shaped": (
        "You pair a deep speciality with working knowledge across most of the ecosystem. "
        "That shape lets you join the layers up, and it is the footing for the Architect "
        "roles."
    ),
}


def tshape(result: TShape, fmt: Format, export: Export | None = None) -> None:
    """Print the assessment as a Rich view, JSON or Markdown."""
    if fmt is Format.json:
        emit_json(record(result))
    elif fmt is Format.markdown:
        emit_text(_markdown(result))
    else:
        _table_view(result, export)


def record(result: TShape) -> dict[str, Any]:
    """The JSON shape of PRODUCT.md, plus the fit, the next skills and the inputs."""

    def pair(entry: SkillLevel | None) -> dict[str, Any] | None:
        return {"skill": entry.skill.id, "level": entry.level} if entry else None

    return {
        "phase": result.phase,
        "deep": pair(result.deep),
        "deepest": pair(result.deepest),
        "breadth": result.breadth,
        "layers": {entry.layer.id: entry.level for entry in result.reach},
        "suggested_roles": [item.role.id for item in result.suggested],
        "fit": {item.role.id: item.percent for item in result.suggested},
        "next_phase": result.next_phase,
        "next_needed": result.next_needed,
        "next_skills": [
            {
                "skill": item.skill.id,
                "name": item.skill.name,
                "layer": item.skill.layer,
                "level": item.level,
                "target": item.target,
            }
            for item in result.next_skills
        ],
        "skills": {entry.skill.id: entry.level for entry in result.levels},
    }


def drawing(result: TShape) -> list[Text]:
    """The person's T: a crossbar with each layer's best level, a stem as tall as the deepest."""
    labels = Text(INDENT)
    bar = Text(INDENT)
    for entry in result.reach:
        colour = layer_colour(entry.layer.id)
        label = f"{layer_symbol(entry.layer.id)} {entry.layer.id} {entry.level}"
        labels.append(label.ljust(COLUMN), style=f"bold {colour}")
        filled = entry.level * CELLS_PER_LEVEL
        bar.append("█" * filled, style=colour)
        bar.append("·" * (MAX_LEVEL * CELLS_PER_LEVEL - filled), style="dim")
        bar.append(" " * (COLUMN - MAX_LEVEL * CELLS_PER_LEVEL))
    lines = [labels, bar]
    deepest = result.deepest
    if deepest is None:
        return lines
    column = [entry.layer.id for entry in result.reach].index(deepest.skill.layer)
    offset = " " * (len(INDENT) + column * COLUMN + (MAX_LEVEL * CELLS_PER_LEVEL - 3) // 2)
    colour = layer_colour(deepest.skill.layer)
    for row in range(1, MAX_LEVEL + 1):
        line = Text(offset)
        if row <= deepest.level:
            line.append("███", style=colour)
        else:
            line.append(" · ", style="dim")
        line.append(f" {row}", style="dim")
        if row == DEEP_LEVEL:
            line.append(f" ◂ deep at {DEEP_LEVEL}+", style="dim")
        lines.append(line)
    return lines


def _facts(result: TShape) -> list[str]:
    deepest = result.deepest
    if deepest is None:
        stem = "Vertical bar: no skill above 0 yet."
    else:
        verdict = "deep" if result.deep else f"not yet deep (that takes {DEEP_LEVEL})"
        stem = (
            f"Vertical bar: {deepest.skill.name} at {deepest.level} "
            f"({level_name(deepest.level)}), {verdict}."
        )
    cross = (
        f"Horizontal bar: {result.breadth} of {len(result.reach)} layers at working "
        f"level ({WORKING_LEVEL}) or above."
    )
    return [stem, cross]


def _next_intro(result: TShape) -> str:
    target = result.next_phase
    count = len(result.next_skills)
    if result.phase in ("start-wide", "broaden-again"):
        layers = "layer" if result.next_needed == 1 else "layers"
        which = "these" if result.next_needed >= count else f"any {result.next_needed} of these"
        return (
            f"To move on to {target}, reach working level ({WORKING_LEVEL}) in "
            f"{result.next_needed} more {layers}; grow {which}:"
        )
    if result.phase == "go-deep":
        return f"To become {target}, take one of your best skills to advanced ({DEEP_LEVEL}):"
    if not result.suggested:
        return "You are t-shaped: keep both bars in use."
    role = result.suggested[0].role.name
    if not result.next_skills:
        return f"You are t-shaped and already cover the core skills of {role} at advanced."
    return (
        f"You are t-shaped. To grow into {role}, the best fit, build its core skills "
        "that are furthest from advanced:"
    )


def _suggest_intro(result: TShape) -> str:
    return {
        "start-wide": "Roles to start wide in (generalists first), by fit:",
        "go-deep": "Specialist roles in your strongest layer, by fit:",
        "broaden-again": "Architect roles the broader path leads to, by fit:",
        "t-shaped": "Architect roles that use your shape, by fit:",
    }[result.phase]


def _table_view(result: TShape, export: Export | None) -> None:
    heading = Text("Your T-shape", style="bold")
    facts = Text("\n".join(_facts(result)))
    phase = Text("Phase: ", style="bold") + Text(result.phase, style="bold")
    reach = Table(title="Best level by layer", title_justify="left", expand=False)
    reach.add_column("Layer", no_wrap=True)
    reach.add_column("Best", no_wrap=True)
    reach.add_column("In", overflow="fold")
    for entry in result.reach:
        reach.add_row(
            layer_label(entry.layer),
            f"{entry.level} {level_name(entry.level)}",
            entry.best.name if entry.best else "–",
        )
    roles = Table(expand=False)
    roles.add_column("Role", overflow="fold")
    roles.add_column("Layer", no_wrap=True)
    roles.add_column("Fit", justify="right", no_wrap=True)
    for item in result.suggested:
        roles.add_row(item.role.name, _layer_text(item.role.layer), f"{item.percent}%")
    renderables: list[Any] = [
        heading,
        Text(""),
        *drawing(result),
        Text(""),
        facts,
        Text(""),
        phase,
        Text(MEANING[result.phase]),
        Text(""),
        reach,
        Text(""),
        Text(_suggest_intro(result), style="bold"),
        roles,
        Text(""),
        Text(_next_intro(result), style="bold"),
    ]
    if result.next_skills:
        skills = Table(expand=False)
        skills.add_column("Skill", overflow="fold")
        skills.add_column("Layer", no_wrap=True)
        skills.add_column("Now", justify="right", no_wrap=True)
        skills.add_column("Aim", justify="right", no_wrap=True)
        for grow in result.next_skills:
            skills.add_row(
                grow.skill.name,
                _layer_text(grow.skill.layer),
                str(grow.level),
                f"{grow.target} {level_name(grow.target)}",
            )
        renderables.append(skills)
    show(*renderables, export=export)


def _layer_text(layer_id: str) -> Text:
    return Text(f"{layer_symbol(layer_id)} {layer_id}", style=layer_colour(layer_id))


def _markdown(result: TShape) -> str:
    picture = "\n".join(line.plain.rstrip() for line in drawing(result))
    parts = [
        "# Your T-shape\n",
        "```text\n" + picture + "\n```\n",
        "\n\n".join(_facts(result)) + "\n",
        f"## Phase: {result.phase}\n",
        MEANING[result.phase] + "\n",
        "## Best level by layer\n",
        markdown_table(
            ["Layer", "Best", "In"],
            [
                [
                    entry.layer.name,
                    f"{entry.level} {level_name(entry.level)}",
                    entry.best.name if entry.best else None,
                ]
                for entry in result.reach
            ],
        ),
        "## Next moves\n",
        _suggest_intro(result) + "\n",
        markdown_table(
            ["Role", "Layer", "Fit"],
            [[f.role.name, f.role.layer, f"{f.percent}%"] for f in result.suggested],
        ),
        _next_intro(result) + "\n",
    ]
    if result.next_skills:
        parts.append(
            markdown_table(
                ["Skill", "Layer", "Now", "Aim"],
                [
                    [i.skill.name, i.skill.layer, i.level, f"{i.target} {level_name(i.target)}"]
                    for i in result.next_skills
                ],
            )
        )
    return "\n".join(parts)
