"""Accessible output: in a monochrome 80-column terminal every view still says what it means.

Colour only ever repeats what a layer's or a phase's symbol and name already say, and a
view for people names layers, phases and failure modes by their display names, not their ids.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROLES_BY_LAYER, Run

from ecocareer.render.style import LAYER_STYLE
from ecocareer.vocabulary import Phase

ALL_LAYERS = tuple(ROLES_BY_LAYER)
# How every view names a layer in words: its symbol, then its display name.
LAYER_LABELS = {
    "producers": "✎ Producers",
    "distributors": "➜ Distributors",
    "converters": "⟳ Converters & Nurturers",
    "architects": "◆ Architects",
}
PHASE_LABELS = {
    "start-wide": "↔ Start wide",
    "go-deep": "↓ Go deep",
    "broaden-again": "⊤ Broaden again",
    "t-shaped": "T T-shaped",
}
FAILURE_MODES = ("producers-dilemma", "empty-megaphone", "leaky-bucket", "siloed-campaign")

# Each view and the layers it must name in words, without any colour.
VIEWS = {
    "layers": (["layers"], ALL_LAYERS),
    "roles": (["roles"], ALL_LAYERS),
    "roles --layer": (["roles", "--layer", "converters"], ("converters",)),
    "role card": (["roles", "seo"], ("distributors", "producers", "converters", "architects")),
    "roadmap": (["roadmap", "--from", "seo", "--to", "director"], ("distributors", "architects")),
    "compare": (["compare", "copywriter", "ppc"], ("producers", "distributors")),
    "tshape": (["tshape", "--skill", "seo=5", "--skill", "copywriting=2"], ALL_LAYERS),
    "diagnose": (["diagnose", "seo", "copywriter"], ALL_LAYERS),
}


@pytest.mark.parametrize("colour_off", ["piped", "NO_COLOR"])
def test_every_view_names_its_layers_in_words(
    run: Run, monkeypatch: pytest.MonkeyPatch, colour_off: str
) -> None:
    """Output to a pipe (the run fixture), with and without NO_COLOR set."""
    if colour_off == "NO_COLOR":
        monkeypatch.setenv("NO_COLOR", "1")
    for view, (args, layer_ids) in VIEWS.items():
        result = run(*args)
        assert result.code == 0, (view, result.err)
        assert "\x1b" not in result.out, view
        for layer_id in layer_ids:
            assert LAYER_LABELS[layer_id] in result.out, (view, layer_id)


def test_every_view_fits_80_columns(run: Run) -> None:
    for view, (args, _) in VIEWS.items():
        widest = max(len(line) for line in run(*args).out.splitlines())
        assert widest <= 80, (view, widest)


def test_roadmap_phases_are_named_beside_their_colour(run: Run) -> None:
    out = run("roadmap", "--from", "marketer", "--to", "cmo").out
    for phase in ("start-wide", "go-deep", "broaden-again"):
        assert PHASE_LABELS[phase] in out, phase


def test_salary_bars_carry_the_layer_symbol_beside_each_role(run: Run) -> None:
    out = run("salary", "seo", "copywriter", "cro", "director", "--country", "uk").out
    for label in ("➜ SEO Specialist", "✎ Copywriter", "⟳ CRO Specialist", "◆ Marketing Director"):
        assert label in out, label


def test_layer_symbols_are_distinct_and_not_phase_symbols() -> None:
    layer_symbols = [symbol for _, symbol in LAYER_STYLE.values()]
    phase_symbols = [phase.symbol for phase in Phase]
    assert len(set(layer_symbols)) == len(layer_symbols)
    assert len(set(phase_symbols)) == len(phase_symbols)
    assert not set(layer_symbols) & set(phase_symbols)
    assert set(LAYER_STYLE) == set(ALL_LAYERS)


# Views for people, covering every phase, every failure mode, thin cover, every role card.
HUMAN_VIEWS = [
    ["tshape", "-s", "seo=3", "-s", "copywriting=2"],
    ["tshape", "-s", "seo=3", "-s", "copywriting=2", "-s", "analytics=2"],
    ["tshape", "-s", "seo=4", "-s", "copywriting=2"],
    ["tshape", "-s", "seo=5", "-s", "copywriting=2", "-s", "analytics=2"],
    ["diagnose", "copywriter"],
    ["diagnose", "seo"],
    ["diagnose", "marketer"],
    ["diagnose", "seo", "seo", "seo", "ppc", "cro", "cmo", "copywriter"],
    ["roles"],
    *(["roles", "--layer", layer_id] for layer_id in ALL_LAYERS),
    *(["roles", role_id] for roles in ROLES_BY_LAYER.values() for role_id in roles),
]
SLUG = re.compile(
    r"(?<![\w-])(" + "|".join([*ALL_LAYERS, *PHASE_LABELS, *FAILURE_MODES]) + r")(?![\w-])"
)


def test_views_for_people_show_display_names_not_ids(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # nothing wraps, so no id can hide across a line break
    shown = set()
    for args in HUMAN_VIEWS:
        result = run(*args)
        assert result.code == 0, (args, result.err)
        slugs = sorted({match.group(0) for match in SLUG.finditer(result.out)})
        assert slugs == [], f"`ecocareer {' '.join(args)}` prints the ids {slugs}"
        shown.update(label for label in PHASE_LABELS.values() if f"Phase: {label}" in result.out)
        shown.update(re.findall(r"^Finding: (.+)$", result.out, flags=re.MULTILINE))
    assert shown == {
        *PHASE_LABELS.values(),
        "The Producer's Dilemma",
        "The Empty Megaphone",
        "The Leaky Bucket",
        "The Siloed Campaign (our name for a story the guide tells)",
    }
