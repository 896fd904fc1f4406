"""The moves open from a role (`ecocareer next`) in every format."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecocareer.moves import RANKING_RULE, Move, Moves
from ecocareer.render.layout import PROSE, fit
from ecocareer.render.lazy_rich import Padding, Table, Text
from ecocareer.render.markdown import table as markdown_table
from ecocareer.render.output import View
from ecocareer.render.records import band_record
from ecocareer.render.style import (
    basis_text,
    basis_words,
    layer_label,
    money,
    next_hint,
    salary_range,
)
from ecocareer.vocabulary import NO_SALARY

if TYPE_CHECKING:
    from rich.console import RenderableType

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


def pay_text(move: Move) -> str:
    """'£45,000 – £60,000 (Mid-level); change +£7,000 to +£10,000'."""
    change = _change(move)
    return f"{_entry_pay(move)}; change {change}" if change else _entry_pay(move)


def _entry_pay(move: Move) -> str:
    """'£45,000 – £60,000 (Mid-level)': the band the move enters at."""
    if move.pay is None:
        return NO_SALARY
    return f"{salary_range(move.pay)} ({move.pay.level.name})"


def _change(move: Move) -> str | None:
    """'+£7,000 to +£10,000': from the person's band to the move's, at each end."""
    change = move.change
    return f"{_signed(change[0], move)} to {_signed(change[1], move)}" if change else None


def _skills(skills: tuple[Any, ...], none: str) -> str:
    return ", ".join(skill.name for skill in skills) or none


def _block(number: int, move: Move) -> list[RenderableType]:
    """One move: a heading line, then its facts under labels that keep wrapped lines aligned."""
    heading = Text(f"{number}. ", style="bold") + Text(move.role.name, style="bold")
    heading.append("  ")
    heading.append_text(layer_label(move.role.layer, bold=False))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row("Move", f"{KINDS[move.kind]}, skill overlap {move.overlap}%")
    grid.add_row("Basis", basis_text(move.link))
    grid.add_row("Pay", _entry_pay(move))
    change = _change(move)
    if change:
        grid.add_row("Change", change)
    grid.add_row("Shared", _skills(move.shared, "none"))
    grid.add_row("To learn", _skills(move.new, "nothing new for you"))
    return [heading, Padding(fit(grid, PROSE), (0, 0, 1, 3))]


def view(result: Moves) -> list[RenderableType]:
    """One block per move, ranked, with the rule under them."""
    level = f", {result.level.name}" if result.level else ""
    heading = Text(f"Moves from {result.start.name}", style="bold")
    heading.append(f" — pay in {result.country.name} ({result.country.currency}){level}\n")
    if not result.moves:
        return [heading, Text("The data gives this role no moves.")]
    parts: list[RenderableType] = [heading]
    for number, move in enumerate(result.moves, 1):
        parts += _block(number, move)
    parts.append(Text(RANKING_RULE, style="dim"))
    start = result.start.id
    parts.append(
        next_hint(f"ecocareer roadmap --from {start} --to ROLE", f"ecocareer compare {start} ROLE")
    )
    return parts


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
            pay_text(move),
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
