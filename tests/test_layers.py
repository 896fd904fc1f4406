"""The ecosystem map: `ecocareer.layers` on its own, then `ecocareer layers` in every format.

Expected values come from data/roles.yaml read as plain YAML, or are written out by hand.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROLES_BY_LAYER, Run

from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.layers import ecosystem_map, layer_view

DATA = Path(__file__).resolve().parents[1] / "data"
LAYERS = list(ROLES_BY_LAYER)
GENERALISTS_BY_LAYER = {
    "producers": ["digital-marketer"],
    "distributors": [],
    "converters": ["digital-marketer"],
    "architects": [],
}
FAILURE_MODES = {
    "producers": "producers-dilemma",
    "distributors": "empty-megaphone",
    "converters": "leaky-bucket",
    "architects": "siloed-campaign",
}
LABELS = {
    "producers": "✎ Producers",
    "distributors": "➜ Distributors",
    "converters": "⟳ Converters & Nurturers",
    "architects": "◆ Architects",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_data_dir())


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    """data/roles.yaml as plain YAML, not through the loader under test."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((DATA / "roles.yaml").read_text(encoding="utf-8"), Loader=loader)


@pytest.fixture(scope="module")
def raw_layers(raw: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {layer["id"]: layer for layer in raw["layers"]}


@pytest.fixture(scope="module")
def raw_modes(raw: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {mode["id"]: mode for mode in raw["failure_modes"]}


@pytest.fixture
def wide(run: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run on a terminal wide enough that no data sentence wraps."""
    monkeypatch.setenv("COLUMNS", "400")
    return run


# ------------------------------------------------------------------ the domain


def test_map_puts_the_flow_in_order_and_architects_over_all(catalog: Catalog) -> None:
    world = ecosystem_map(catalog)
    assert [view.layer.id for view in world.flow] == ["producers", "distributors", "converters"]
    assert [view.layer.id for view in world.over_all] == ["architects"]
    assert [view.layer.id for view in world.layers] == LAYERS


def test_each_layer_view_holds_its_roles_generalists_links_and_failure(
    catalog: Catalog, raw_layers: dict[str, dict[str, Any]], raw_modes: dict[str, dict[str, Any]]
) -> None:
    for view in ecosystem_map(catalog).layers:
        layer_id = view.layer.id
        raw_layer = raw_layers[layer_id]
        assert [role.id for role in view.roles] == ROLES_BY_LAYER[layer_id], layer_id
        assert [role.id for role in view.generalists] == GENERALISTS_BY_LAYER[layer_id], layer_id
        assert [(link.layer.id, link.text) for link in view.feeds] == [
            (feed["layer"], feed["what"]) for feed in raw_layer["feeds"]
        ], layer_id
        assert [(link.layer.id, link.text) for link in view.needs] == [
            (need["layer"], need["why"]) for need in raw_layer["needs"]
        ], layer_id
        assert view.failure is not None, layer_id
        mode = raw_modes[FAILURE_MODES[layer_id]]
        assert view.failure.mode.id == mode["id"]
        assert [layer.id for layer in view.failure.present_any] == mode["present_any"]
        assert view.failure.missing.id == mode["missing"]


def test_converters_feed_every_other_layer(catalog: Catalog) -> None:
    view = layer_view(catalog, catalog.layer("converters"))
    assert [link.layer.id for link in view.feeds] == ["producers", "distributors", "architects"]


def test_a_layer_naming_no_known_failure_mode_has_none(catalog: Catalog) -> None:
    layer = dataclasses.replace(catalog.layer("producers"), failure_mode="no-such-mode")
    assert layer_view(catalog, layer).failure is None


# ------------------------------------------------------------------ the command


def test_table_shows_the_flow_then_each_layer_in_order(run: Run) -> None:
    result = run("layers")
    assert (result.code, result.err) == (0, "")
    assert "  ✎ Producers ──▶ ➜ Distributors ──▶ ⟳ Converters & Nurturers\n" in result.out
    assert "  ◆ Architects over all of them" in result.out
    titles = [
        "✎ Producers · The content & creation layer",
        "➜ Distributors · The channel & amplification layer",
        "⟳ Converters & Nurturers · The relationship & growth layer",
        "◆ Architects · The strategy & leadership layer",
    ]
    positions = [result.out.index(title) for title in titles]
    assert positions == sorted(positions)


def test_table_carries_every_fact_of_each_layer(
    wide: Run, raw: dict[str, Any], raw_modes: dict[str, dict[str, Any]]
) -> None:
    out = wide("layers").out
    for layer in raw["layers"]:
        mode = raw_modes[layer["failure_mode"]]
        for text in (layer["function"], layer["metaphor"], mode["name"], mode["summary"]):
            assert text in out, (layer["id"], text)
        for feed in layer["feeds"]:
            assert f"{LABELS[feed['layer']]}: {feed['what']}" in out, (layer["id"], feed)
        for need in layer["needs"]:
            assert f"{LABELS[need['layer']]}: {need['why']}" in out, (layer["id"], need)
        assert f"ecocareer roles --layer {layer['id']}" in out
    for role in raw["roles"]:
        assert role["name"] in out, role["id"]


def test_table_names_the_generalist_where_it_spans(wide: Run) -> None:
    out = wide("layers").out
    assert out.count("also Digital Marketer (generalist)") == 2
    assert "Digital Marketer (generalist)" in out


def test_failure_modes_say_when_they_appear(wide: Run) -> None:
    out = wide("layers").out
    assert "Seen when there are Producers but no Distributors." in out
    assert "Seen when there are Distributors but no Producers." in out
    assert "Seen when there are Producers or Distributors but no Converters & Nurturers." in out
    assert (
        "Seen when there are Producers, Distributors or Converters & Nurturers but no Architects."
        in out
    )


def test_json_is_each_layer_of_the_data_with_its_roles_and_failure_mode(
    run: Run, raw: dict[str, Any], raw_modes: dict[str, dict[str, Any]]
) -> None:
    result = run("layers", "--format", "json")
    assert (result.code, result.err) == (0, "")
    data = json.loads(result.out)
    assert data["flow"] == ["producers", "distributors", "converters"]
    assert data["over_all"] == ["architects"]
    expected = [
        {
            **layer,
            "failure_mode": raw_modes[layer["failure_mode"]],
            "roles": ROLES_BY_LAYER[layer["id"]],
            "generalists": GENERALISTS_BY_LAYER[layer["id"]],
        }
        for layer in raw["layers"]
    ]
    assert data["layers"] == expected


def test_markdown_has_the_same_content(run: Run, raw: dict[str, Any]) -> None:
    result = run("layers", "-f", "markdown")
    assert (result.code, result.err) == (0, "")
    out = result.out
    assert out.startswith("# The marketing ecosystem: four layers, one system\n")
    assert "Flow: Producers → Distributors → Converters & Nurturers; Architects over all." in out
    names = {layer["id"]: layer["name"] for layer in raw["layers"]}
    modes = {mode["id"]: mode for mode in raw["failure_modes"]}
    for layer in raw["layers"]:
        assert f"## {layer['name']}: {layer['subtitle']}\n" in out
        assert f"**Function.** {layer['function']}" in out
        mode = modes[layer["failure_mode"]]
        assert f"**Failure mode: {mode['name']}.** {mode['summary']}" in out
        for need in layer["needs"]:
            assert f"- **{names[need['layer']]}**: {need['why']}" in out
    assert "**Also covered by the generalist** Digital Marketer (`digital-marketer`)." in out


def test_csv_is_not_a_choice(run: Run) -> None:
    result = run("layers", "--format", "csv")
    assert (result.code, result.out) == (2, "")
    assert "--format: 'csv' is not a format here; choose table, json or markdown." in result.err


def test_piped_output_has_no_escape_codes_and_the_table_fits_80_columns(run: Run) -> None:
    for fmt in ("table", "markdown", "json"):
        result = run("layers", "-f", fmt)
        assert result.code == 0, (fmt, result.err)
        assert "\x1b" not in result.out, fmt
    table = run("layers").out
    assert max(len(line) for line in table.splitlines()) <= 80
