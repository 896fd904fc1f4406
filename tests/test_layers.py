"""`ecocareer layers`: the ecosystem map in every format."""

from __future__ import annotations

import json

import pytest
from conftest import Run

from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir

LAYERS = ["producers", "distributors", "converters", "architects"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_data_dir())


@pytest.fixture
def wide(run: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run on a terminal wide enough that no data sentence wraps."""
    monkeypatch.setenv("COLUMNS", "400")
    return run


def test_table_shows_the_flow_then_each_layer_in_order(run: Run) -> None:
    result = run("layers")
    assert result.code == 0, result.err
    assert result.err == ""
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


@pytest.mark.parametrize("layer_id", LAYERS)
def test_table_carries_every_fact_of_each_layer(wide: Run, catalog: Catalog, layer_id: str) -> None:
    out = wide("layers").out
    layer = catalog.layer(layer_id)
    mode = catalog.failure_mode(layer.failure_mode)
    for text in (layer.function, layer.metaphor, mode.name, mode.summary):
        assert text in out
    for feed in layer.feeds:
        assert f"{catalog.layer(feed.layer).name}: {feed.what}" in out
    for need in layer.needs:
        assert f"{catalog.layer(need.layer).name}: {need.why}" in out
    for role in catalog.roles_in(layer_id):
        assert role.name in out


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


def test_json_has_the_flow_and_every_layer_in_full(run: Run, catalog: Catalog) -> None:
    result = run("layers", "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["flow"] == ["producers", "distributors", "converters"]
    assert data["over_all"] == ["architects"]
    assert [layer["id"] for layer in data["layers"]] == LAYERS
    for entry in data["layers"]:
        layer = catalog.layer(entry["id"])
        assert entry["roles"] == [role.id for role in catalog.roles_in(layer.id)]
        assert entry["generalists"] == (
            ["digital-marketer"] if layer.id in ("producers", "converters") else []
        )
        assert entry["failure_mode"] == catalog.failure_mode(layer.failure_mode).model_dump(
            mode="json"
        )
        assert entry["feeds"] == [feed.model_dump() for feed in layer.feeds]
        assert entry["needs"] == [need.model_dump() for need in layer.needs]
        for key in ("name", "subtitle", "function", "metaphor"):
            assert entry[key] == getattr(layer, key)


def test_markdown_has_the_same_content(run: Run, catalog: Catalog) -> None:
    result = run("layers", "-f", "markdown")
    assert result.code == 0
    out = result.out
    assert out.startswith("# The marketing ecosystem: four layers, one system\n")
    assert "Flow: Producers → Distributors → Converters & Nurturers; Architects over all." in out
    for layer in catalog.layers:
        assert f"## {layer.name}: {layer.subtitle}\n" in out
        assert f"**Function.** {layer.function}" in out
        mode = catalog.failure_mode(layer.failure_mode)
        assert f"**Failure mode: {mode.name}.** {mode.summary}" in out
        for need in layer.needs:
            assert f"- **{catalog.layer(need.layer).name}**: {need.why}" in out


def test_csv_is_refused(run: Run) -> None:
    result = run("layers", "--format", "csv")
    assert result.code == 2
    assert result.out == ""
    assert "no csv output" in result.err


@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_no_escape_codes_when_piped(run: Run, fmt: str) -> None:
    assert "\x1b" not in run("layers", "-f", fmt).out


def test_fits_80_columns(run: Run) -> None:
    out = run("layers").out
    assert max(len(line) for line in out.splitlines()) <= 80
