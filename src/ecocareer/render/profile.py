"""The saved profile in every format."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecocareer.profile import ProfileCard
from ecocareer.render.layout import fit
from ecocareer.render.lazy_rich import Table, Text
from ecocareer.render.markdown import table as markdown_table
from ecocareer.render.output import View
from ecocareer.render.style import layer_label, money, next_hint
from ecocareer.vocabulary import level_name

if TYPE_CHECKING:
    from rich.console import RenderableType

UNSET = "not set"


def record(card: ProfileCard) -> dict[str, Any]:
    """PRODUCT.md's profile JSON: ids, null where unset."""
    return card.profile.values()


def facts(card: ProfileCard) -> list[tuple[str, str]]:
    pay = card.profile.pay
    shown_pay = (
        money(pay, card.country) + f" a year ({card.country.currency})"
        if pay is not None and card.country
        else (f"{pay:,} a year" if pay is not None else UNSET)
    )
    return [
        ("Role now", card.role.name if card.role else UNSET),
        ("Aiming for", card.target.name if card.target else UNSET),
        ("Country", card.country.name if card.country else UNSET),
        ("Level", card.level.name if card.level else UNSET),
        ("Pay", shown_pay),
    ]


def view(card: ProfileCard) -> list[RenderableType]:
    """Who you are, then your skills by layer with their level names."""
    if card.profile.empty:
        return [
            Text("Your profile is empty."),
            Text(
                "Start with: ecocareer profile init (guided) or ecocareer profile set --role ROLE"
            ),
        ]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    for label, value in facts(card):
        grid.add_row(label, Text(value, style="dim" if value == UNSET else ""))
    parts: list[RenderableType] = [Text("Your profile", style="bold"), fit(grid)]
    if card.skills:
        skills = Table(title="Your skills (0-5)", title_justify="left")
        skills.add_column("Skill", ratio=1)
        skills.add_column("Layer", no_wrap=True)
        skills.add_column("Level", no_wrap=True)
        for rated in card.skills:
            skills.add_row(
                rated.skill.name,
                layer_label(rated.layer, bold=False),
                f"{rated.level} {level_name(rated.level)}",
            )
        parts.append(fit(skills))
    else:
        parts.append(Text("No skills rated yet: ecocareer profile set --skill seo=4", style="dim"))
    parts.append(next_hint("ecocareer plan (your plan on one page)", "ecocareer profile set"))
    return parts


def markdown(card: ProfileCard) -> str:
    """The profile as Markdown."""
    lines = ["# Your profile\n", markdown_table(["", ""], facts(card))]
    if card.skills:
        lines.append("## Skills\n")
        lines.append(
            markdown_table(
                ["Skill", "Layer", "Level"],
                [
                    [r.skill.name, r.layer.name, f"{r.level} {level_name(r.level)}"]
                    for r in card.skills
                ],
            )
        )
    return "\n".join(lines)


VIEW = View(table=view, json=record, markdown=markdown)
