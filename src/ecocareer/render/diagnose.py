"""The team diagnosis in every format: layer cover, findings, verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecocareer.diagnose import (
    ClosingRole,
    Diagnosis,
    LayerCover,
    Member,
    Note,
    ThinCover,
    ThinCraft,
)
from ecocareer.render.layout import fit
from ecocareer.render.lazy_rich import Table, Text
from ecocareer.render.markdown import table as markdown_table
from ecocareer.render.output import View
from ecocareer.render.records import band_record
from ecocareer.render.style import bullets, layer_label, lead_in, mode_name, money, next_hint
from ecocareer.vocabulary import NO_SALARY

if TYPE_CHECKING:
    from rich.console import RenderableType

CLOSING_HEAD = "Who would close it"
CLOSING_RULE = f"{CLOSING_HEAD} (the roles the guide names first, then cheapest first):"


def record(result: Diagnosis) -> dict[str, Any]:
    """The JSON shape of PRODUCT.md, plus who covers each layer and the verdict's notes."""
    return {
        "team": {member.role.id: member.count for member in result.team},
        "headcount": result.headcount,
        "layers": {entry.layer.id: entry.count for entry in result.cover},
        "coverage": {
            entry.layer.id: {
                "count": entry.count,
                "roles": {m.role.id: m.count for m in entry.specialists + entry.generalists},
                "generalists": [m.role.id for m in entry.generalists],
                "thin": entry.thin,
            }
            for entry in result.cover
        },
        "missing_layers": [layer.id for layer in result.missing],
        "findings": [
            {
                "id": finding.mode.id,
                "name": finding.mode.name,
                "message": finding.mode.summary,
                "looks_like": finding.mode.looks_like,
                "present_layers": [layer.id for layer in finding.present],
                "missing_layer": finding.missing.id,
                "closing_roles": [item.role.id for item in finding.closing],
                "closing_reasons": {
                    item.role.id: item.why.why for item in finding.closing if item.why
                },
                "closing_salaries": {
                    item.role.id: band_record(item.pay) if item.pay else None
                    for item in finding.closing
                },
                "sources": list(finding.mode.sources),
            }
            for finding in result.findings
        ],
        "verdict": result.verdict,
        "verdict_message": verdict_text(result),
        "notes": [_note_record(note) for note in result.notes],
    }


def _note_record(note: Note) -> dict[str, Any]:
    if isinstance(note, ThinCover):
        return {
            "kind": "thin-cover",
            "layers": [layer.id for layer in note.layers],
            "roles": [member.role.id for member in note.generalists],
            "message": note_text(note),
        }
    if isinstance(note, ThinCraft):
        return {
            "kind": "thin-craft",
            "layer": note.layer.id,
            "present": note.present,
            "missing": note.missing,
            "roles": [member.role.id for member in note.members],
            "message": note_text(note),
        }
    return {
        "kind": "uneven-headcount",
        "layer": note.largest.layer.id,
        "count": note.largest.count,
        "smallest_layer": note.smallest.layer.id,
        "smallest_count": note.smallest.count,
        "message": note_text(note),
    }


def _people(count: int) -> str:
    return f"{count} {'person' if count == 1 else 'people'}"


def _members(members: tuple[Member, ...]) -> str:
    return ", ".join(f"{m.role.name} ×{m.count}" for m in members)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def note_text(note: Note) -> str:
    """A note on the team's balance, in a sentence."""
    if isinstance(note, ThinCover):
        names = _and([layer.name for layer in note.layers])
        verb = "rests" if len(note.layers) == 1 else "rest"
        return (
            f"Thin cover: {names} {verb} only on {_members(note.generalists)}, a generalist "
            "spread across several layers. A specialist would make each of them solid."
        )
    if isinstance(note, ThinCraft):
        return (
            f"Thin {note.layer.name}: only the {note.present} are covered "
            f"({_members(note.members)}); nobody on the team makes the {note.missing}."
        )
    return (
        f"Uneven headcount: {note.largest.layer.name} has {_people(note.largest.count)}, "
        f"{note.smallest.layer.name} only {_people(note.smallest.count)}. Check that the "
        "smaller layer can keep up with the larger one."
    )


def verdict_text(result: Diagnosis) -> str:
    """The verdict in a sentence."""
    if result.verdict == "healthy":
        extra = " A few things to watch:" if result.notes else ""
        return f"Healthy: every layer of the ecosystem has someone in it.{extra}"
    names = _and([layer.name for layer in result.missing])
    count = len(result.findings)
    found = f" {count} failure mode{'s' * (count != 1)} to guard against." if count else ""
    return f"At risk: nobody covers {names}.{found}"


def closing_text(item: ClosingRole) -> str:
    """'CRO Specialist, from $55,000 (Entry-level, United States)', or the no-data mark,
    then why the guide names it for this gap, where it does."""
    pay = item.pay
    if pay is None:
        text = f"{item.role.name} ({NO_SALARY})"
    else:
        text = (
            f"{item.role.name}, from {money(pay.band.min, pay.country)} "
            f"({pay.level.name}, {pay.country.name})"
        )
    if item.why is not None:
        cited = f" ({', '.join(item.why.sources)})" if item.why.sources else ""
        text += f". The guide's choice: {item.why.why}{cited}"
    return text


def _team_line(result: Diagnosis) -> str:
    return f"Team of {_people(result.headcount)}: {_members(result.team)}"


def _cover_cells(entry: LayerCover) -> tuple[str, str]:
    if not entry.covered:
        return "0", "missing"
    roles = _members(entry.specialists)
    if entry.generalists:
        spread = f"{_members(entry.generalists)} (generalist)"
        roles = f"{roles}, {spread}" if roles else spread
    return (f"{entry.count} thin" if entry.thin else str(entry.count)), roles


def view(result: Diagnosis) -> list[RenderableType]:
    """Layer cover, each finding with who would close it, then the verdict and notes."""
    cover = Table(title="Layer cover", title_justify="left", expand=True)
    cover.add_column("Layer", no_wrap=True)
    cover.add_column("People", justify="right", no_wrap=True)
    cover.add_column("Roles", ratio=1, overflow="fold")
    for entry in result.cover:
        count, roles = _cover_cells(entry)
        style = "bold red" if not entry.covered else ("yellow" if entry.thin else "")
        cover.add_row(layer_label(entry.layer), Text(count, style=style), Text(roles, style=style))
    renderables: list[RenderableType] = [lead_in(_team_line(result)), Text(""), fit(cover)]
    for finding in result.findings:
        renderables += [
            Text(""),
            Text(f"Finding: {mode_name(finding.mode)}", style="bold red"),
            Text(finding.mode.summary),
            Text("What it looks like: ", style="bold") + Text(finding.mode.looks_like),
            Text("Missing layer: ", style="bold") + layer_label(finding.missing),
            lead_in(CLOSING_RULE, upto=CLOSING_HEAD),
            bullets([closing_text(item) for item in finding.closing], marker=" •"),
        ]
    healthy = result.verdict == "healthy"
    renderables += [
        Text(""),
        lead_in(verdict_text(result), style="green" if healthy else "red"),
    ]
    if result.notes:
        renderables.append(bullets([note_text(note) for note in result.notes], marker=" •"))
    renderables.append(next_hint("ecocareer roles ROLE for a role that would close a gap"))
    return renderables


def markdown(result: Diagnosis) -> str:
    """The diagnosis as a Markdown document."""
    parts = [
        "# Team diagnosis\n",
        _team_line(result) + "\n",
        "## Layer cover\n",
        markdown_table(
            ["Layer", "People", "Roles"],
            [[entry.layer.name, *_cover_cells(entry)] for entry in result.cover],
        ),
    ]
    if result.findings:
        parts.append("## Findings\n")
    for finding in result.findings:
        closing = "\n".join(f"- {closing_text(item)}" for item in finding.closing)
        parts += [
            f"### {mode_name(finding.mode)} (`{finding.mode.id}`)\n",
            finding.mode.summary + "\n",
            f"**What it looks like:** {finding.mode.looks_like}\n",
            f"**Missing layer:** {finding.missing.name}\n",
            f"**{CLOSING_RULE}**\n\n" + closing + "\n",
        ]
    notes = "".join(f"\n- {note_text(note)}" for note in result.notes)
    parts += ["## Verdict\n", verdict_text(result) + "\n" + notes + ("\n" if notes else "")]
    return "\n".join(parts)


VIEW = View(table=view, json=record, markdown=markdown)
