"""The moves open from a role (`ecocareer next`) in every format."""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ecocareer.moves import RANKING_RULE, Move, Moves
from ecocareer.render.markdown import table as markdown_table
from ecocareer.render.output import View
from ecocareer.render.records import band_record
from ecocareer.render.style import basis_text, basis_words, layer_label, money, salary_range
from ecocareer.vocabulary import NO_SALARY

KINDS = {"step-up": "↑ step up", "sideways": "→ sideways"}


def _move_record(move: Move) -> dict[str, Any]:
    change = move.change
    return {
        "role": move.role.id,
        "kind": move.kind,
        "basis": move.link.basis,
        "sources": list(move.link.sources),
        "note": move.link.note,
        "overlap": move.overlap,
        "shared_skills": [skill.id for skill in move.shared],
        "new_skills": [skill.id for skill in move.new],
        "pay": band_record(move.pay) if move.pay else None,
        "pay_change": {"min": change[0], "max": change[1]} if change else None,
    }


def record(result: Moves) -> dict[str, Any]:
    """PRODUCT.md's `next` JSON: the role, where, at which level, and every move."""
    return {
        "from": result.start.id,
        "country": result.country.id,
        "level": result.level.id if result.level else None,
        "moves": [_move_record(move) for move in result.moves],
        "ranking": RANKING_RULE,
    }


def _signed(amount: int, move: Move) -> str:
    assert move.pay is not None
    sign = "+" if amount > 0 else "−" if amount < 0 else "±"
    return f"{sign}{money(abs(amount), move.pay.country)}"


def _pay(move: Move) -> str:
    if move.pay is None:
        return NO_SALARY
    text = f"{salary_range(move.pay)} ({move.pay.level.name})"
    change = move.change
    if change:
        text += f"\nchange {_signed(change[0], move)} to {_signed(change[1], move)}"
    return text


def _skills(skills: tuple[Any, ...], none: str) -> str:
    return ", ".join(skill.name for skill in skills) or none


def view(result: Moves) -> list[RenderableType]:
    """One row per move, ranked, with the rule under the table."""
    level = f", {result.level.name}" if result.level else ""
    heading = Text(f"Moves from {result.start.name}", style="bold")
    heading.append(f" — pay in {result.country.name} ({result.country.currency}){level}")
    if not result.moves:
        return [heading, Text("The data gives this role no moves.")]
    table = Table(expand=True, show_lines=True)
    table.add_column("Move to", ratio=3, overflow="fold")
    table.add_column("Skills", ratio=4, overflow="fold")
    table.add_column("Pay on entry", ratio=3, overflow="fold")
    for move in result.moves:
        where = Text(move.role.name, style="bold") + "\n" + layer_label(move.role.layer, bold=False)
        where.append(f"\n{KINDS[move.kind]}, overlap {move.overlap}%")
        where.append("\n")
        where.append_text(basis_text(move.link))
        skills = Text("Shared: ", style="bold") + _skills(move.shared, "none")
        skills.append("\nTo learn: ", style="bold")
        skills.append(_skills(move.new, "nothing new for you"))
        table.add_row(where, skills, Text(_pay(move)))
    return [heading, table, Text(RANKING_RULE, style="dim")]


def markdown(result: Moves) -> str:
    """The moves as a Markdown table."""
    rows = [
        [
            move.role.name,
            KINDS[move.kind],
            basis_words(move.link),
            f"{move.overlap}%",
            _skills(move.shared, "none"),
            _skills(move.new, "nothing new"),
            _pay(move).replace("\n", "; "),
        ]
        for move in result.moves
    ]
    return (
        f"# Moves from {result.start.name}\n\nPay in {result.country.name} "
        f"({result.country.currency}).\n\n"
        + markdown_table(
            ["Move to", "Kind", "Basis", "Overlap", "Shared", "To learn", "Pay on entry"], rows
        )
        + f"\n{RANKING_RULE}\n"
    )


VIEW = View(table=view, json=record, markdown=markdown)
