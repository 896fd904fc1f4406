"""The skill index in every format: what to type for each skill, and who uses it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecocareer.catalog.index import PlacedRole
from ecocareer.render.layout import fit
from ecocareer.render.lazy_rich import Table, Text
from ecocareer.render.markdown import table as markdown_table
from ecocareer.render.output import Rows, View
from ecocareer.render.style import layer_label, next_hint
from ecocareer.skills import SkillUse

if TYPE_CHECKING:
    from rich.console import RenderableType

Index = tuple[SkillUse, ...]
COLUMNS = ("id", "name", "layer", "aliases", "core_roles", "supporting_roles")


def record(use: SkillUse) -> dict[str, Any]:
    """A skill as PRODUCT.md gives it: ids, and the roles by how they use it."""
    return {
        "id": use.skill.id,
        "name": use.skill.name,
        "layer": use.layer.id,
        "aliases": list(use.skill.aliases),
        "roles": {
            "core": [role.id for role in use.core],
            "supporting": [role.id for role in use.supporting],
        },
    }


def rows(index: Index) -> Rows:
    """One flat row per skill."""
    return COLUMNS, [
        {
            "id": use.skill.id,
            "name": use.skill.name,
            "layer": use.layer.id,
            "aliases": list(use.skill.aliases),
            "core_roles": [role.id for role in use.core],
            "supporting_roles": [role.id for role in use.supporting],
        }
        for use in index
    ]


def _names(roles: tuple[PlacedRole, ...]) -> str:
    return ", ".join(role.name for role in roles) or "–"


def view(index: Index) -> list[RenderableType]:
    """One table per layer: each skill's name, the words to type, and the roles using it."""
    if not index:
        return [Text("No skills in this selection.")]
    parts: list[RenderableType] = []
    for layer in dict.fromkeys(use.layer for use in index):
        table = Table(title=layer_label(layer), title_justify="left", expand=True, show_lines=True)
        table.add_column("Skill: type the id or an alias", ratio=3, overflow="fold")
        table.add_column("Core in", ratio=2, overflow="fold")
        table.add_column("Supporting in", ratio=3, overflow="fold")
        for use in (use for use in index if use.layer == layer):
            words = Text(use.skill.name, style="bold")
            words.append(f"\n{use.skill.id}")
            if use.skill.aliases:
                words.append(f"\nalso: {', '.join(use.skill.aliases)}", style="dim")
            table.add_row(words, _names(use.core), _names(use.supporting))
        parts.append(fit(table))
    parts.append(
        next_hint("rate yourself with --skill ID=LEVEL (0-5), e.g. ecocareer tshape --skill seo=4")
    )
    return parts


def markdown(index: Index) -> str:
    """The skill index as a Markdown table."""
    return "# Skills\n\n" + markdown_table(
        ["Skill", "id", "Aliases", "Layer", "Core in", "Supporting in"],
        [
            [
                use.skill.name,
                f"`{use.skill.id}`",
                ", ".join(use.skill.aliases),
                use.layer.name,
                _names(use.core),
                _names(use.supporting),
            ]
            for use in index
        ],
    )


VIEW = View(
    table=view, json=lambda index: [record(use) for use in index], markdown=markdown, csv=rows
)
