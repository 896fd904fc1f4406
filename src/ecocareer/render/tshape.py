"""The T-shape self-assessment in every format: the drawn "T", the phase, the next moves."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecocareer.render.layout import Either, fit
from ecocareer.render.lazy_rich import Table, Text, cell_len
from ecocareer.render.markdown import table as markdown_table
from ecocareer.render.output import View
from ecocareer.render.records import data_record
from ecocareer.render.style import (
    bullets,
    layer_colour,
    layer_label,
    layer_symbol,
    lead_in,
    next_hint,
    phase_label,
)
from ecocareer.tshape import SkillLevel, TShape
from ecocareer.vocabulary import DEEP_LEVEL, MAX_LEVEL, WORKING_LEVEL, Phase, level_name

if TYPE_CHECKING:
    from rich.console import RenderableType

CELLS_PER_LEVEL = 3
COLUMN = MAX_LEVEL * CELLS_PER_LEVEL + 3
INDENT = "  "

# Our own words for what each phase means for the person.
MEANING: dict[Phase, str] = {
    Phase.START_WIDE: (
        "You are still exploring. Try the work of several layers at a working level "
        "before you commit to one speciality: it shows where your strengths lie, and "
        "every specialist later profits from knowing the neighbouring layers."
    ),
    Phase.GO_DEEP: (
        "You know your way around several layers but have no speciality yet. Choose one "
        "function and push it to advanced: depth is what gets a specialist hired and "
        "trusted."
    ),
    Phase.BROADEN_AGAIN: (
        "You have real depth in one function. The next climb is outward: learn enough of "
        "the other layers to work across them. That is the route toward leading teams "
        "and designing the whole system."
    ),
    Phase.T_SHAPED: (
        "You pair a deep speciality with working knowledge across most of the ecosystem. "
        "That shape lets you join the layers up, and it is the footing for the Architect "
        "roles."
    ),
}


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
        "where": result.where,
        "fits": [
            {
                "role": item.role.id,
                "fit": item.percent,
                "matched": [skill.id for skill in item.matched],
                "missing": [skill.id for skill in item.missing],
            }
            for item in result.fits
        ],
        "reflection": [
            {"question": item.question.text, "answer": item.answer} for item in result.reflection
        ],
        "why_a_t": [data_record(note) for note in result.why_a_t],
    }


def _short(name: str) -> str:
    """A layer's first word, cut to fit a column of the drawing: 'Converters'."""
    return name.split(" ")[0][: COLUMN - 5]


def drawing(result: TShape) -> RenderableType:
    """The person's T as a T where it fits (74 columns), else one bar per layer."""
    return Either(Text("\n").join(t_drawing(result)), bars_drawing(result))


def bars_drawing(result: TShape) -> Text:
    """The T for narrow screens: each layer's best level as a bar, the stem's layer marked."""
    names = [f"{layer_symbol(entry.layer)} {_short(entry.layer.name)}" for entry in result.reach]
    width = max(cell_len(name) for name in names)
    deepest = result.deepest
    lines = []
    for entry, name in zip(result.reach, names, strict=True):
        colour = layer_colour(entry.layer)
        line = Text(INDENT + name.ljust(width + 1), style=colour)
        line.append("█" * entry.level * 2, style=colour)
        line.append("·" * (MAX_LEVEL - entry.level) * 2, style="dim")
        line.append(f" {entry.level}")
        if deepest is not None and deepest.skill.layer == entry.layer.id:
            line.append(f" ◂ stem {deepest.level}", style="dim")
        lines.append(line)
    return Text("\n").join(lines)


def t_drawing(result: TShape) -> list[Text]:
    """The person's T: a crossbar with each layer's best level, a stem as tall as the deepest."""
    labels = Text(INDENT)
    bar = Text(INDENT)
    for entry in result.reach:
        colour = layer_colour(entry.layer)
        label = f"{layer_symbol(entry.layer)} {_short(entry.layer.name)} {entry.level}"
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
    colour = layer_colour(result.reach[column].layer)
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


def view(result: TShape) -> list[RenderableType]:
    """The drawn T, the facts, the phase, reach by layer, suggested roles and skills to grow."""
    heading = Text("Your T-shape", style="bold")
    facts = Text("\n".join(_facts(result)))
    phase = Text("Phase: ", style="bold") + phase_label(result.phase)
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
        roles.add_row(item.role.name, layer_label(item.role.layer, bold=False), f"{item.percent}%")
    renderables: list[RenderableType] = [
        heading,
        Text(""),
        drawing(result),
        Text(""),
        facts,
        Text(""),
        phase,
        Text(result.where),
        Text(result.phase_advice or MEANING[result.phase]),
        Text(""),
        fit(reach),
        Text(""),
        *_fits_now(result),
        Text(""),
        lead_in("Where your phase points: " + result.pool),
        fit(roles) if result.suggested else Text("no role in that pool fits you yet", style="dim"),
        Text(""),
        lead_in(result.next_step, upto="."),
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
                layer_label(grow.layer, bold=False),
                str(grow.level),
                f"{grow.target} {level_name(grow.target)}",
            )
        renderables.append(fit(skills))
    renderables += _reflection(result)
    renderables += [
        Text(""),
        next_hint("ecocareer profile set --skill SKILL=LEVEL (keep your levels)", "ecocareer plan"),
    ]
    return renderables


FITS_SHOWN = 5
FIT_RULE = (
    "Fit: each of a role's skills counts your level up to 4 (advanced) out of 4; core "
    "skills count double; the fit is the weighted share. Have: your level is 2 (working) or more."
)


def _fits_now(result: TShape) -> list[RenderableType]:
    """The best-fitting roles, with the skills the person has and lacks for each."""
    table = Table(title="Roles that fit you now", title_justify="left", expand=True)
    table.add_column("Role", ratio=2, overflow="fold")
    table.add_column("Fit", justify="right", no_wrap=True)
    table.add_column("You have", ratio=3, overflow="fold")
    table.add_column("You lack", ratio=3, overflow="fold")
    for item in [each for each in result.fits if each.percent > 0][:FITS_SHOWN]:
        table.add_row(
            Text(item.role.name) + "\n" + layer_label(item.role.layer, bold=False),
            f"{item.percent}%",
            ", ".join(skill.name for skill in item.matched) or "–",
            ", ".join(skill.name for skill in item.missing) or "–",
        )
    return [fit(table), Text(FIT_RULE, style="dim")]


def _reflection(result: TShape) -> list[RenderableType]:
    """The guide's four questions with the answers the data gives, and why a T at all."""
    parts: list[RenderableType] = []
    if result.reflection:
        parts += [Text(""), Text("The guide's questions, for you", style="bold")]
        items = []
        for item in result.reflection:
            answer = item.answer or "Yours to answer: the data cannot say."
            items.append(Text(item.question.text) + "\n" + Text(answer, style="italic"))
        parts.append(bullets(items))
    if result.why_a_t:
        parts += [Text(""), Text("Why a T", style="bold")]
        parts.append(bullets(f"{note.text} ({', '.join(note.sources)})" for note in result.why_a_t))
    return parts


def markdown(result: TShape) -> str:
    """The assessment as a Markdown document (the drawing in a code block)."""
    picture = "\n".join(line.plain.rstrip() for line in t_drawing(result))
    parts = [
        "# Your T-shape\n",
        "```text\n" + picture + "\n```\n",
        "\n\n".join(_facts(result)) + "\n",
        f"## Phase: {result.phase.display}\n",
        result.where + "\n",
        (result.phase_advice or MEANING[result.phase]) + "\n",
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
        "## Roles that fit you now\n",
        markdown_table(
            ["Role", "Fit", "You have", "You lack"],
            [
                [
                    f.role.name,
                    f"{f.percent}%",
                    ", ".join(s.name for s in f.matched),
                    ", ".join(s.name for s in f.missing),
                ]
                for f in [fit for fit in result.fits if fit.percent > 0][:FITS_SHOWN]
            ],
        ),
        FIT_RULE + "\n",
        "## Next moves\n",
        result.pool + "\n",
        markdown_table(
            ["Role", "Layer", "Fit"],
            [[f.role.name, f.role.layer.name, f"{f.percent}%"] for f in result.suggested],
        ),
        result.next_step + "\n",
    ]
    if result.next_skills:
        parts.append(
            markdown_table(
                ["Skill", "Layer", "Now", "Aim"],
                [
                    [i.skill.name, i.layer.name, i.level, f"{i.target} {level_name(i.target)}"]
                    for i in result.next_skills
                ],
            )
        )
    if result.reflection:
        parts.append("## The guide's questions, for you\n")
        parts += [
            f"- **{item.question.text}** {item.answer or '(yours to answer)'}"
            for item in result.reflection
        ]
        parts.append("")
    if result.why_a_t:
        parts.append("## Why a T\n")
        parts += [f"- {n.text} ({', '.join(n.sources)})" for n in result.why_a_t]
        parts.append("")
    return "\n".join(parts)


VIEW = View(table=view, json=record, markdown=markdown)
