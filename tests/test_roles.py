"""`ecocareer roles`: the role list by layer and the role card, in every format."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROLES_BY_LAYER, Run

from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.render.records import band_record, role_record

ALL_ROLES = [role_id for roles in ROLES_BY_LAYER.values() for role_id in roles]
# The minimum aliases of PRODUCT.md's id table.
ROLE_ALIASES = {
    "content-strategist": ["content-marketer", "content-writer"],
    "copywriter": [],
    "graphic-designer": ["visual-designer"],
    "ux-ui-designer": ["ux", "ui", "ux-designer", "ui-designer"],
    "seo-specialist": ["seo"],
    "social-media-manager": ["social", "social-media"],
    "email-marketing-manager": ["email"],
    "ppc-specialist": ["ppc", "sem", "paid-media", "digital-advertising-specialist"],
    "cro-specialist": ["cro"],
    "marketing-analytics-specialist": ["analytics"],
    "growth-marketer": ["growth", "demand-gen", "demand-generation"],
    "community-manager": ["community"],
    "digital-marketing-manager": ["marketing-manager"],
    "digital-marketing-project-manager": ["project-manager"],
    "marketing-director": ["director", "head-of-digital"],
    "cmo": ["vp-marketing", "chief-marketing-officer"],
    "digital-media-strategist": ["media-strategist"],
    "digital-marketer": ["marketer"],
}
LAYER_TERMS = {
    "producers": ["producers", "producer", "content", "Producers"],
    "distributors": ["distributors", "distributor", "channel", "DISTRIBUTORS"],
    "converters": ["converters", "converter", "nurturers", "growth", "Converters & Nurturers"],
    "architects": ["architects", "architect", "leadership", "strategy"],
}
# One role per layer, for the card content tests.
CARD_ROLES = ["graphic-designer", "seo-specialist", "growth-marketer", "marketing-director"]
NO_SALARY = "No salary data in the sources for this role."


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_data_dir())


@pytest.fixture
def wide(run: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run on a terminal wide enough that no data sentence wraps."""
    monkeypatch.setenv("COLUMNS", "400")
    return run


def ids_of(run: Run, *args: str) -> list[str]:
    result = run("roles", *args, "--format", "json")
    assert result.code == 0, result.err
    return [role["id"] for role in json.loads(result.out)]


# ------------------------------------------------------------------ the list


def test_list_shows_every_role_grouped_by_layer_in_flow_order(wide: Run, catalog: Catalog) -> None:
    result = wide("roles")
    assert result.code == 0, result.err
    out = result.out
    titles = [
        "✎ Producers · The content & creation layer",
        "➜ Distributors · The channel & amplification layer",
        "⟳ Converters & Nurturers · The relationship & growth layer",
        "◆ Architects · The strategy & leadership layer",
    ]
    positions = [out.index(title) for title in titles]
    assert positions == sorted(positions)
    for layer_id, title in zip(ROLES_BY_LAYER, titles, strict=True):
        for role_id in ROLES_BY_LAYER[layer_id]:
            role = catalog.role(role_id)
            assert out.index(title) < out.index(role.summary)
    assert (
        out.count("Also covers this layer: Digital Marketer (generalist, from ➜ Distributors)") == 2
    )


def test_list_salary_hints(wide: Run) -> None:
    lines = wide("roles").out.splitlines()

    def row(name: str) -> str:
        return next(line for line in lines if line.lstrip().startswith(name))

    assert row("SEO Specialist").rstrip().endswith("$70,000 – $95,000")
    assert row("Digital Marketer ").rstrip().endswith("no data")
    assert row("Marketing Director").rstrip().endswith("$140,000 – $190,000")
    assert row("Chief Marketing").rstrip().endswith("$200,000 – $300,000+")


def test_list_salary_hints_in_another_country(wide: Run) -> None:
    out = wide("roles", "--layer", "distributors", "--country", "uk").out
    assert "UK mid-level" in out
    assert "£38,000 – £50,000" in out
    assert "United Kingdom, GBP" in out


@pytest.mark.parametrize("layer_id", list(ROLES_BY_LAYER))
def test_layer_filter_gives_exactly_that_layers_roles(run: Run, layer_id: str) -> None:
    assert ids_of(run, "--layer", layer_id) == ROLES_BY_LAYER[layer_id]


@pytest.mark.parametrize(
    ("layer_id", "term"),
    [(layer_id, term) for layer_id, terms in LAYER_TERMS.items() for term in terms],
)
def test_any_layer_term_filters(run: Run, layer_id: str, term: str) -> None:
    assert ids_of(run, "-l", term) == ROLES_BY_LAYER[layer_id]


def test_layer_table_names_the_spanning_generalist(run: Run) -> None:
    out = run("roles", "--layer", "converters").out
    assert "Also covers this layer: Digital Marketer" in out
    assert "SEO Specialist" not in out
    assert "Copywriter" not in out


def test_list_json_is_an_array_of_role_objects(run: Run, catalog: Catalog) -> None:
    data = json.loads(run("roles", "-f", "json").out)
    assert [role["id"] for role in data] == ALL_ROLES
    skill_ids = {skill.id for skill in catalog.skills}
    for entry in data:
        role = catalog.role(entry["id"])
        hint = entry.pop("salary_hint")
        assert entry == role_record(role)
        assert {"id", "name", "layer", "summary", "skills"} <= set(entry)
        assert set(entry["skills"]) <= skill_ids
        if hint is not None:
            band = catalog.band(role.id, "us", hint["level"])
            assert band is not None
            assert hint == band_record(band, catalog)
    by_id = {entry["id"]: entry for entry in data}
    assert by_id["seo-specialist"]["skills"][:3] == ["seo", "keyword-research", "link-building"]


def test_list_json_salary_hints(run: Run) -> None:
    data = {role["id"]: role["salary_hint"] for role in json.loads(run("roles", "-f", "json").out)}
    assert data["digital-marketer"] is None
    assert data["digital-media-strategist"] is None
    assert data["seo-specialist"] == {
        "role": "seo-specialist",
        "country": "us",
        "currency": "USD",
        "level": "mid",
        "min": 70000,
        "max": 95000,
        "open_ended": False,
        "years": None,
        "sources": ["ucd"],
    }
    assert data["cmo"]["level"] == "executive"


def test_list_csv_columns_and_rows(run: Run, catalog: Catalog) -> None:
    result = run("roles", "--format", "csv", "--country", "uk")
    assert result.code == 0
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert result.out.splitlines()[0] == (
        "id,name,layer,spans,summary,skills,salary_country,salary_currency,salary_level,"
        "salary_min,salary_max,salary_open_ended"
    )
    assert [row["id"] for row in rows] == ALL_ROLES
    for row in rows:
        role = catalog.role(row["id"])
        assert row["name"] == role.name
        assert row["layer"] == role.layer
        assert row["summary"] == role.summary
        assert row["skills"].split(";") == list(role.skills.all)
        assert row["salary_country"] == "uk"
    by_id = {row["id"]: row for row in rows}
    seo = by_id["seo-specialist"]
    assert (seo["salary_level"], seo["salary_min"], seo["salary_max"]) == ("mid", "38000", "50000")
    generalist = by_id["digital-marketer"]
    assert generalist["spans"] == "producers;converters"
    assert (generalist["salary_level"], generalist["salary_min"]) == ("", "")


def test_list_markdown(run: Run) -> None:
    out = run("roles", "-l", "producers", "-f", "markdown").out
    assert out.startswith("# Roles in the marketing ecosystem\n")
    assert "## Producers: The content & creation layer" in out
    assert "| Role | id | What they do | US mid-level |" in out
    assert "| Copywriter | `copywriter` |" in out
    assert "$70,000 – $95,000 |" in out
    assert "Also covers this layer: Digital Marketer (`digital-marketer`) (generalist)." in out


# ------------------------------------------------------------------ lookup


@pytest.mark.parametrize(
    ("role_id", "term"),
    [(role_id, alias) for role_id, aliases in ROLE_ALIASES.items() for alias in aliases]
    + [(role_id, role_id) for role_id in ROLE_ALIASES],
)
def test_every_product_alias_resolves(run: Run, role_id: str, term: str) -> None:
    result = run("roles", term, "-f", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["id"] == role_id


@pytest.mark.parametrize("role_id", ALL_ROLES)
def test_display_name_resolves(run: Run, catalog: Catalog, role_id: str) -> None:
    result = run("roles", catalog.role(role_id).name.upper(), "-f", "json")
    assert json.loads(result.out)["id"] == role_id


def test_unknown_role_suggests(run: Run) -> None:
    result = run("roles", "copywritter")
    assert result.code == 2
    assert result.out == ""
    assert "Unknown role 'copywritter'; did you mean 'copywriter'?" in result.err


def test_ambiguous_role_lists_candidates(run: Run) -> None:
    result = run("roles", "digital-marketing")
    assert result.code == 2
    assert "could mean several roles" in result.err
    assert "digital-marketing-manager" in result.err
    assert "digital-marketing-project-manager" in result.err


def test_unknown_layer(run: Run) -> None:
    result = run("roles", "--layer", "plumbers")
    assert result.code == 2
    assert "Unknown layer 'plumbers'" in result.err
    assert "Known layers: producers, distributors, converters, architects." in " ".join(
        result.err.split()
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("seo", "--layer", "producers"), "leave it out when you name a role"),
        (("seo", "--format", "csv"), "A role card has no csv output"),
        (("--country", "uk", "--country", "us"), "give --country once"),
        (("seo", "--country", "narnia"), "Unknown country 'narnia'"),
    ],
)
def test_usage_errors(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run("roles", *args)
    assert result.code == 2
    assert result.out == ""
    assert message in result.err


# ------------------------------------------------------------------ the card


@pytest.mark.parametrize("role_id", CARD_ROLES)
def test_card_shows_every_fact_of_the_role(wide: Run, catalog: Catalog, role_id: str) -> None:
    result = wide("roles", role_id)
    assert result.code == 0, result.err
    out = result.out
    role = catalog.role(role_id)
    layer = catalog.layer(role.layer)
    assert role.name in out
    assert role.summary in out
    assert f"{layer.name} · {layer.subtitle}" in out
    for item in role.responsibilities:
        assert f"• {item}" in out
    assert ", ".join(catalog.skill(s).name for s in role.skills.core) in out
    assert ", ".join(catalog.skill(s).name for s in role.skills.supporting) in out
    for need in layer.needs:
        assert f"{catalog.layer(need.layer).name}: {need.why}" in out
    for next_id in role.leads_to:
        assert catalog.role(next_id).name in out
    for source_id in role.sources:
        assert catalog.source(source_id).title in out
    for band in catalog.bands_for(role_id):
        symbol = catalog.country(band.country).symbol
        assert f"{symbol}{band.min:,} –" in out
        assert f"{symbol}{band.max:,}{'+' * band.open_ended}" in out


def test_card_in_one_country(wide: Run) -> None:
    out = wide("roles", "director", "--country", "uk").out
    assert "United Kingdom" in out
    assert "United States" not in out
    assert "£75,000 – £100,000" in out
    assert "£100,000 – £140,000+" in out
    assert "7-10+ yrs" in out
    assert "Entry-level" not in out
    assert "Digital Marketing Average Salary 2025 | CV-Library" in out


def test_card_tools_and_generalist_spans(wide: Run) -> None:
    out = wide("roles", "analytics").out
    assert "Google Analytics, Tableau, Power BI" in out
    out = wide("roles", "marketer").out
    assert "generalist, also covers ✎ Producers, ⟳ Converters & Nurturers" in out


@pytest.mark.parametrize(
    "role_id", ["digital-marketer", "digital-media-strategist", "digital-marketing-project-manager"]
)
def test_card_without_salary_data_says_so(run: Run, role_id: str) -> None:
    result = run("roles", role_id)
    assert result.code == 0
    assert NO_SALARY in result.out
    assert NO_SALARY in run("roles", role_id, "-f", "markdown").out
    assert json.loads(run("roles", role_id, "-f", "json").out)["bands"] == []


def test_card_json_is_the_full_role_object(run: Run, catalog: Catalog) -> None:
    data = json.loads(run("roles", "seo", "--format", "json").out)
    role = catalog.role("seo-specialist")
    extra = {key: data.pop(key) for key in ("layer_info", "depends_on", "bands")}
    assert data == role_record(role)
    assert extra["layer_info"] == {
        "id": "distributors",
        "name": "Distributors",
        "subtitle": "The channel & amplification layer",
        "failure_mode": "empty-megaphone",
    }
    assert extra["depends_on"] == [
        {"layer": need.layer, "why": need.why} for need in catalog.layer("distributors").needs
    ]
    expected = [
        band_record(band, catalog)
        for level in ("entry", "mid", "senior")
        for country in ("us", "ca", "uk", "au")
        for band in catalog.bands_for("seo-specialist", country, level)
    ]
    assert extra["bands"] == expected


def test_card_json_bands_follow_country(run: Run) -> None:
    data = json.loads(run("roles", "cmo", "-c", "au", "-f", "json").out)
    assert data["bands"] == [
        {
            "role": "cmo",
            "country": "au",
            "currency": "AUD",
            "level": "executive",
            "min": 220000,
            "max": 300000,
            "open_ended": True,
            "years": None,
            "sources": ["cv-library"],
        }
    ]


def test_card_markdown(run: Run) -> None:
    out = run("roles", "cro", "-f", "markdown").out
    assert out.startswith("# CRO Specialist\n")
    assert "## Responsibilities\n" in out
    assert "- Design and run A/B tests on pages and journeys\n" in out
    assert "| Level | United States (USD) | Canada (CAD) | United Kingdom (GBP) |" in out
    assert "## Sources\n" in out


# ------------------------------------------------------------------ terminal


WIDTH_CASES = [
    ("roles",),
    *(("roles", "--layer", layer_id) for layer_id in ROLES_BY_LAYER),
    *(("roles", role_id) for role_id in ALL_ROLES),
    ("roles", "seo", "--country", "uk", "--country", "au"),
]


@pytest.mark.parametrize("args", WIDTH_CASES, ids=" ".join)
def test_no_line_wider_than_80(run: Run, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.code == 0, result.err
    assert max(len(line) for line in result.out.splitlines()) <= 80
    assert "\x1b" not in result.out


def _console_script() -> str:
    found = shutil.which("ecocareer") or str(Path(sys.executable).parent / "ecocareer")
    assert Path(found).exists(), "the ecocareer console script is not installed"
    return found


@pytest.mark.parametrize("args", [("roles",), ("roles", "seo"), ("layers",)], ids=" ".join)
def test_console_script_piped_has_no_escape_codes(args: tuple[str, ...]) -> None:
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "TERM")}
    env.update(COLUMNS="80", TERM="xterm-256color")
    done = subprocess.run(
        [_console_script(), *args], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout
    assert "SEO Specialist" in done.stdout or "Producers" in done.stdout
