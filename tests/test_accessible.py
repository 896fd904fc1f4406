"""Accessible output: in a monochrome 80-column terminal every view still says what it means.

Colour only ever repeats what a layer's or a phase's symbol and name already say.
"""

from __future__ import annotations

import pytest
from conftest import Run

from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.render.style import LAYER_STYLE, PHASE_STYLE

CATALOG = load_catalog(bundled_data_dir())
ALL_LAYERS = tuple(layer.id for layer in CATALOG.layers)

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


@pytest.fixture(params=["piped", "NO_COLOR"])
def monochrome(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Output to a pipe (the run fixture), with and without NO_COLOR set."""
    if request.param == "NO_COLOR":
        monkeypatch.setenv("NO_COLOR", "1")


@pytest.mark.parametrize(("args", "layer_ids"), VIEWS.values(), ids=VIEWS.keys())
def test_every_view_names_its_layers_in_words(
    run: Run, monochrome: None, args: list[str], layer_ids: tuple[str, ...]
) -> None:
    result = run(*args)
    assert result.code == 0, result.err
    assert "\x1b" not in result.out
    for layer_id in layer_ids:
        layer = CATALOG.layer(layer_id)
        assert f"{LAYER_STYLE[layer_id][1]} {layer.name}" in result.out, layer.name


@pytest.mark.parametrize(("args", "layer_ids"), VIEWS.values(), ids=VIEWS.keys())
def test_every_view_fits_80_columns(run: Run, args: list[str], layer_ids: tuple[str, ...]) -> None:
    assert max(len(line) for line in run(*args).out.splitlines()) <= 80


def test_roadmap_phases_are_named_beside_their_colour(run: Run, monochrome: None) -> None:
    out = run("roadmap", "--from", "marketer", "--to", "cmo").out
    for phase in ("start-wide", "go-deep", "broaden-again"):
        _, symbol, name = PHASE_STYLE[phase]
        assert f"{symbol} {name}" in out


def test_salary_bars_carry_the_layer_symbol_beside_each_role(run: Run, monochrome: None) -> None:
    out = run("salary", "seo", "copywriter", "cro", "director", "--country", "uk").out
    for role_id in ("seo-specialist", "copywriter", "cro-specialist", "marketing-director"):
        role = CATALOG.role(role_id)
        assert f"{LAYER_STYLE[role.layer][1]} {role.name}" in out


def test_layer_symbols_are_distinct_and_not_phase_symbols() -> None:
    layer_symbols = [symbol for _, symbol in LAYER_STYLE.values()]
    phase_symbols = [symbol for _, symbol, _ in PHASE_STYLE.values()]
    assert len(set(layer_symbols)) == len(layer_symbols)
    assert not set(layer_symbols) & set(phase_symbols)
    assert set(LAYER_STYLE) == set(ALL_LAYERS)
