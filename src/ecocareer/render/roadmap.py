"""The roadmap as a path of step cards (Rich), JSON or Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecocareer.render.layout import PROSE, fit, panel
from ecocareer.render.lazy_rich import Table, Text
from ecocareer.render.markdown import table as markdown_table
from ecocareer.render.output import View
from ecocareer.render.records import band_record, ids, names
from ecocareer.render.style import (
    basis_text,
    layer_colour,
    layer_label,
    lead_in,
    money,
    next_hint,
    phase_label,
    salary_range,
)
from ecocareer.roadmap import Roadmap, Step
from ecocareer.vocabulary import NO_SALARY, WORKING_LEVEL

if TYPE_CHECKING:
    from rich.console import RenderableType

NO_YEARS = "not given by the sources"


def record(route: Roadmap) -> dict[str, Any]:
    """The roadmap JSON of PRODUCT.md, plus advice and the rules it was built by."""
    return {
        "from": route.start.id,
        "to": route.target.id,
        "country": route.country.id,
        "currency": route.country.currency,
        "moves": route.moves,
        "same_role": route.same_role,
        "steps": [
            {
                "step": step.number,
                "role": step.role.id,
                "name": step.role.name,
                "layer": step.role.layer.id,
                "phase": step.phase,
                "skills_to_build": names(step.skills_to_build),
                "skill_ids": ids(step.skills_to_build),
                "level": step.pay.level.id if step.pay else None,
                "years": step.pay.band.years if step.pay else None,
                "salary": band_record(step.pay) if step.pay else None,
                "advice": route.advice.get(step.phase),
                "basis": step.link.basis if step.link else None,
                "link_note": step.link.note if step.link else None,
                "link_sources": list(step.link.sources) if step.link else [],
                "skills_you_have": names(step.skills_you_have),
                "skills_to_raise": [
                    {"skill": skill_id, "from": level, "to": WORKING_LEVEL}
                    for skill_id, level in step.current.items()
                ],
                "salaries": [band_record(pay) for pay in step.salaries],
            }
            for step in route.steps
        ],
        "pay_change": _change_record(route),
        "deepen": (
            {
                "skills": names(route.deepen),
                "skill_ids": ids(route.deepen),
                "advice": route.deepen_advice,
            }
            if route.same_role
            else None
        ),
        "notes": list(route.notes),
    }


def _change_record(route: Roadmap) -> dict[str, Any] | None:
    change = route.pay_change
    if change is None:
        return None
    today = route.today
    return {
        "from": today if isinstance(today, int) else band_record(today) if today else None,
        "to": band_record(route.steps[-1].pay) if route.steps[-1].pay else None,
        "currency": route.country.currency,
        "min": change[0],
        "max": change[1],
    }


def _signed(amount: int, route: Roadmap) -> str:
    sign = "+" if amount > 0 else "−" if amount < 0 else "±"
    return f"{sign}{money(abs(amount), route.country)}"


def change_text(route: Roadmap) -> str | None:
    """'Pay change to Marketing Director's entry band: +£37,000 to +£50,000 (from your ...)'."""
    change = route.pay_change
    today = route.today
    if change is None or today is None:
        return None
    start = (
        f"your pay, {money(today, route.country)}"
        if isinstance(today, int)
        else f"{route.start.name}, {today.level.name}"
    )
    return (
        f"Pay change from {start} to {route.target.name}'s entry band: "
        f"{_signed(change[0], route)} to {_signed(change[1], route)} a year, "
        f"{route.country.currency}, as the sources give the bands."
    )


def _summary(route: Roadmap) -> str:
    """'2 moves; pay in United Kingdom (GBP)'."""
    moves = "already there" if route.same_role else f"{route.moves} move" + "s" * (route.moves != 1)
    return f"{moves}; pay in {route.country.name} ({route.country.currency})"


def _pay(step: Step) -> str:
    """The marked level's range (where the person likely stands), in one line."""
    if step.pay is None:
        return NO_SALARY
    return f"{salary_range(step.pay)} ({step.pay.level.name})"


def _salaries(step: Step) -> RenderableType:
    """Every level the sources pay the role at, the likely one marked, with its years."""
    if not step.salaries:
        return Text(NO_SALARY)
    grid = Table.grid(padding=(0, 1))
    for _ in range(3):  # level, range, the mark: each whole on its line
        grid.add_column(no_wrap=True)
    grid.add_column()  # the years: words that may wrap
    for pay in step.salaries:
        likely = step.pay is not None and pay.level.id == step.pay.level.id
        grid.add_row(
            f"{pay.level.name}:",
            salary_range(pay),
            Text("◂ likely yours", style="bold") if likely else "",
            f"{pay.band.years} experience" if pay.band.years else "",
        )
    return fit(grid, readable=10)  # "7-10+ yrs experience" may take two lines


def _years(step: Step) -> str:
    return (step.pay.band.years or NO_YEARS) if step.pay else NO_YEARS


def skills_text(step: Step, route: Roadmap) -> str:
    if step.number == 1:
        return "you start here" if not route.same_role else "see 'Go deeper' below"
    if not step.skills_to_build:
        return "nothing new for you: the route so far and your skills cover it"
    return ", ".join(
        skill.name
        + (
            f" (from {step.current[skill.id]} to {WORKING_LEVEL})"
            if skill.id in step.current
            else ""
        )
        for skill in step.skills_to_build
    )


def _card(step: Step, route: Roadmap) -> RenderableType:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row("Layer", layer_label(step.role.layer))
    grid.add_row("Asks", phase_label(step.phase))
    grid.add_row("Pay", _salaries(step))
    grid.add_row("Build", Text(skills_text(step, route)))
    if step.skills_you_have:
        grid.add_row("You bring", Text(", ".join(s.name for s in step.skills_you_have)))
    if step.link is not None:
        grid.add_row("Move", basis_text(step.link))
    title = Text.assemble((f" {step.number}. ", "bold"), (step.role.name, "bold"), " ")
    return panel(fit(grid, PROSE), title=title, colour=layer_colour(step.role.layer))


def view(route: Roadmap) -> list[RenderableType]:
    """Numbered step cards joined by arrows, then advice per phase and the rules used."""
    parts: list[RenderableType] = []
    heading = Text("Roadmap: ", style="bold")
    heading.append(route.start.name, style="bold")
    if not route.same_role:
        heading.append(" → ")
        heading.append(route.target.name, style="bold")
    parts.append(heading)
    parts.append(Text(_summary(route) + "\n"))
    for step in route.steps:
        if step.number > 1:
            parts.append(Text("   │\n   ▼", style="dim"))
        parts.append(_card(step, route))
    if change_text(route):
        parts += [Text(""), lead_in(change_text(route) or "")]
    if route.same_role:
        parts.append(Text("\nGo deeper", style="bold"))
        parts.append(Text("Skills to deepen: " + ", ".join(s.name for s in route.deepen)))
        if route.deepen_advice:
            parts.append(Text(route.deepen_advice))
    else:
        parts.append(Text("\nWhat to do in each phase", style="bold"))
        for phase in route.phases:
            if phase in route.advice:
                parts.append(phase_label(phase) + Text(": ") + Text(route.advice[phase]))
    parts.append(Text(""))
    for note in route.notes:
        parts.append(Text(note, style="dim"))
    start, target = route.start.id, route.target.id
    parts.append(
        next_hint(f"ecocareer compare {start} {target}", "ecocareer plan (yours on one page)")
    )
    return parts


def markdown(route: Roadmap) -> str:
    """The roadmap as a Markdown document."""
    target = "" if route.same_role else f" → {route.target.name}"
    lines = [
        f"# Roadmap: {route.start.name}{target}",
        "",
        _summary(route) + ".",
        *([f"\n{change_text(route)}"] if change_text(route) else []),
        "",
        markdown_table(
            ["#", "Role", "Layer", "Asks", "Pay", "Years", "Skills to build"],
            [
                [
                    step.number,
                    step.role.name,
                    step.role.layer.name,
                    step.phase.display,
                    _pay(step),
                    _years(step),
                    skills_text(step, route),
                ]
                for step in route.steps
            ],
        ).rstrip("\n"),
        "",
    ]
    if route.same_role:
        lines += [
            "## Go deeper",
            "",
            "Skills to deepen: " + ", ".join(s.name for s in route.deepen) + ".",
            "",
            route.deepen_advice or "",
            "",
        ]
    else:
        lines += ["## What to do in each phase", ""]
        lines += [
            f"- **{phase.display}**: {route.advice[phase]}"
            for phase in route.phases
            if phase in route.advice
        ]
        lines.append("")
    lines += ["## How this roadmap was chosen", ""]
    lines += [f"- {note}" for note in route.notes]
    return "\n".join(lines) + "\n"


VIEW = View(table=view, json=record, markdown=markdown)
