"""The personal plan: a terminal view, JSON, Markdown, and a self-contained HTML document
(semantic headings, lists and tables, inline CSS with the layer colours, printable on
A4, readable on a phone, no scripts and nothing fetched from the network)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from ecocareer.catalog.models import Source
from ecocareer.plan import Plan
from ecocareer.render import moves as render_moves
from ecocareer.render import profile as render_profile
from ecocareer.render import roadmap as render_roadmap
from ecocareer.render import salary as render_salary
from ecocareer.render import tshape as render_tshape
from ecocareer.render.lazy_rich import Text
from ecocareer.render.output import View
from ecocareer.render.records import data_record
from ecocareer.render.style import bullets, next_hint, salary_range, whole_line
from ecocareer.vocabulary import level_name

if TYPE_CHECKING:
    from rich.console import RenderableType

TITLE = "Your career plan"
FITS_SHOWN = 5
NOT_YET = {
    "shape": "Rate your skills to see your T: ecocareer profile set --skill SKILL=LEVEL",
    "moves": "Save your role to see your moves: ecocareer profile set --role ROLE",
    "route": "Save your target to see the route: ecocareer profile set --target ROLE",
    "pay": "Save your role to see its pay: ecocareer profile set --role ROLE",
}
LAYER_HEX = {
    "producers": "#2e7d32",
    "distributors": "#1565c0",
    "converters": "#8e24aa",
    "architects": "#b8860b",
}


def record(plan: Plan) -> dict[str, Any]:
    """Each part as its own command's JSON gives it (null where the profile lacks it)."""
    return {
        "profile": render_profile.record(plan.person),
        "country": plan.country.id,
        "tshape": render_tshape.record(plan.shape) if plan.shape else None,
        "next": render_moves.record(plan.moves) if plan.moves else None,
        "roadmap": render_roadmap.record(plan.route) if plan.route else None,
        "salary": render_salary.records(plan.pay) if plan.pay else None,
        "sources": [data_record(source) for source in plan.sources],
    }


def _fits(plan: Plan) -> list[str]:
    assert plan.shape is not None
    return [
        f"{fit.role.name}: {fit.percent}% (you have {len(fit.matched)} of "
        f"{len(fit.matched) + len(fit.missing)} of its skills)"
        for fit in plan.shape.fits
        if fit.percent > 0
    ][:FITS_SHOWN]


def _next(plan: Plan) -> str:
    """What moves the person to the next phase, with the skills named."""
    assert plan.shape is not None
    grow = ", ".join(
        f"{item.skill.name} (from {item.level} to {item.target})" for item in plan.shape.next_skills
    )
    return plan.shape.next_step.rstrip(":") + (f": {grow}." if grow else "")


def _moves(plan: Plan) -> list[str]:
    assert plan.moves is not None
    return [
        f"{m.role.name} ({render_moves.KINDS[m.kind]}, {m.link.basis}): {render_moves.pay_text(m)}"
        for m in plan.moves.moves
    ]


def _route(plan: Plan) -> list[str]:
    assert plan.route is not None
    lines = []
    for step in plan.route.steps:
        pay = f" — {salary_range(step.pay)} ({step.pay.level.name})" if step.pay else ""
        build = render_roadmap.skills_text(step, plan.route)
        lines.append(f"{step.number}. {step.role.name}{pay}. Build: {build}")
    change = render_roadmap.change_text(plan.route)
    return lines + ([change] if change else [])


def _sections(plan: Plan) -> list[tuple[str, list[str]]]:
    """The plan as (heading, lines) pairs: what every format shows, in one order."""
    person = [f"{label}: {value}" for label, value in render_profile.facts(plan.person)]
    skills = [f"{r.skill.name}: {r.level} {level_name(r.level)}" for r in plan.person.skills]
    parts: list[tuple[str, list[str]]] = [("Who you are", person + skills)]
    if plan.shape:
        shape = plan.shape
        parts.append(
            (
                "Your T and your phase",
                [f"Phase: {shape.phase.label}. {shape.where}", _next(plan)],
            )
        )
        parts.append(("Roles that fit you now", [*_fits(plan), render_tshape.FIT_RULE]))
    else:
        parts.append(("Your T and your phase", [NOT_YET["shape"]]))
    parts.append(("Moves open from your role", _moves(plan) if plan.moves else [NOT_YET["moves"]]))
    parts.append(("The route to your target", _route(plan) if plan.route else [NOT_YET["route"]]))
    pay = render_salary.placements(plan.pay) if plan.pay else []
    rows = [f"{p.level.name}: {salary_range(p)}" for p in plan.pay.pays] if plan.pay else []
    parts.append(("Your pay and the bands", (rows + pay) or [NOT_YET["pay"]]))
    if plan.shape and plan.shape.reflection:
        parts.append(
            (
                "The guide's questions, for you",
                [
                    f"{item.question.text} {item.answer or '(yours to answer)'}"
                    for item in plan.shape.reflection
                ],
            )
        )
    parts.append(
        (SOURCES, [_source_name(s) + (f" {s.url}" if s.url else "") for s in plan.sources])
    )
    return parts


SOURCES = "Sources"


def _source_name(source: Source) -> str:
    return source.title + (f", {source.publisher}" if source.publisher else "")


def view(plan: Plan) -> list[RenderableType]:
    """The plan as headed sections of short lines; a source's URL whole on its own line."""
    parts: list[RenderableType] = [Text(TITLE, style="bold underline")]
    for heading, lines in _sections(plan):
        parts += [Text(""), Text(heading, style="bold")]
        if heading != SOURCES:
            parts.append(bullets(lines))
            continue
        for source in plan.sources:
            parts.append(bullets([_source_name(source)]))
            if source.url:
                parts.append(whole_line(f"  {source.url}", link=source.url))
    parts += [Text(""), next_hint("keep it or hand it on: ecocareer plan --export plan.html")]
    return parts


def markdown(plan: Plan) -> str:
    """The plan as a Markdown document."""
    lines = [f"# {TITLE}", ""]
    for heading, items in _sections(plan):
        lines += [f"## {heading}", "", *(f"- {item}" for item in items), ""]
    return "\n".join(lines)


CSS = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1b;
max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.7rem;margin:.2rem 0 1rem}h2{font-size:1.2rem;margin:1.6rem 0 .4rem;
border-bottom:2px solid #ddd;padding-bottom:.2rem}
ul{padding-left:1.2rem}li{margin:.2rem 0}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.95rem}

th,td{text-align:left;border-bottom:1px solid #ddd;padding:.3rem .4rem;vertical-align:top}
.layer{display:inline-block;padding:0 .4rem;border-radius:.3rem;color:#fff;font-size:.85rem}
footer{margin-top:2rem;color:#666;font-size:.85rem}
@media print{@page{size:A4;margin:18mm}body{max-width:none;padding:0;font-size:11pt}
h2{break-after:avoid}li,tr{break-inside:avoid}}
@media (max-width:600px){table,tbody,tr,td{display:block}thead{display:none}
tr{border-bottom:1px solid #ddd;padding:.4rem 0}td{border:none;padding:.1rem 0}}
"""


def _layer_badge(layer_id: str, name: str) -> str:
    colour = LAYER_HEX.get(layer_id, "#555")
    return f'<span class="layer" style="background:{colour}">{escape(name)}</span>'


def html(plan: Plan) -> str:
    """The plan as one self-contained HTML page."""
    body = [f"<h1>{escape(TITLE)}</h1>"]
    for heading, items in _sections(plan):
        body.append(f"<section><h2>{escape(heading)}</h2>")
        if heading == "The route to your target" and plan.route:
            body.append(_route_table(plan))
        else:
            body.append("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>")
        body.append("</section>")
    body.append(
        "<footer>Made by ecocareer from cited data; figures exactly as the sources give "
        "them, never converted between currencies.</footer>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(TITLE)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def _route_table(plan: Plan) -> str:
    assert plan.route is not None
    rows = []
    for step in plan.route.steps:
        pay = (
            f"{escape(salary_range(step.pay))} ({escape(step.pay.level.name)})"
            if step.pay
            else "no salary data in the sources"
        )
        rows.append(
            "<tr>"
            f"<td>{step.number}</td>"
            f"<td>{escape(step.role.name)}<br>"
            f"{_layer_badge(step.role.layer.id, step.role.layer.name)}</td>"
            f"<td>{escape(step.phase.display)}</td>"
            f"<td>{pay}</td>"
            f"<td>{escape(render_roadmap.skills_text(step, plan.route))}</td>"
            "</tr>"
        )
    change = render_roadmap.change_text(plan.route)
    return (
        '<div class="scroll"><table><thead><tr><th>#</th><th>Role</th><th>Asks</th>'
        "<th>Pay (likely level)</th><th>Skills to build</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div>"
        + (f"<p>{escape(change)}</p>" if change else "")
    )


VIEW = View(table=view, json=record, markdown=markdown, html=html)
