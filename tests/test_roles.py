"""The role explorer: `ecocareer.roles` on its own, then `ecocareer roles` in every format.

Expected values come from the data files read as plain YAML, or are written out by hand
from them (PRODUCT.md's id table, seed 000's salary tables).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROLES_BY_LAYER, Run, replace_in

from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.roles import role_card, role_list, salary_hint

DATA = Path(__file__).resolve().parents[1] / "data"
ALL_ROLES = [role_id for roles in ROLES_BY_LAYER.values() for role_id in roles]
GENERALISTS_BY_LAYER = {
    "producers": ["digital-marketer"],
    "distributors": [],
    "converters": ["digital-marketer"],
    "architects": [],
}
NO_PAY = ["digital-marketer", "digital-media-strategist", "digital-marketing-project-manager"]
LABELS = {
    "producers": "✎ Producers",
    "distributors": "➜ Distributors",
    "converters": "⟳ Converters & Nurturers",
    "architects": "◆ Architects",
}
LIST_HEADER = (
    "id,name,layer,spans,summary,skills,salary_country,salary_currency,salary_level,"
    "salary_min,salary_max,salary_open_ended"
)
NO_SALARY_CARD = "No salary data in the sources for this role."
NO_SALARY_LEGEND = "– : no salary data in the sources for that level"


def read_yaml(name: str) -> dict[str, Any]:
    """A data file as plain YAML, not through the loader under test."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=loader)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_data_dir())


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    """roles.yaml, salaries.yaml and sources.yaml merged: layers, skills, roles, bands, ..."""
    merged: dict[str, Any] = {}
    for name in ("roles.yaml", "salaries.yaml", "sources.yaml"):
        merged.update(read_yaml(name))
    return merged


def by_id(entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {entry["id"]: entry for entry in entries}


def bands_of(raw: dict[str, Any], role_id: str, country: str | None = None) -> list[dict]:
    return [
        band
        for band in raw["bands"]
        if band["role"] == role_id and country in (None, band["country"])
    ]


def band_json(raw: dict[str, Any], band: dict[str, Any]) -> dict[str, Any]:
    """A band of salaries.yaml in the flat JSON shape PRODUCT.md gives.

    `as_of` is salaries.yaml's `as_of`; `notes` the texts of its `notes` whose `layers`
    include the layer of the band's role.
    """
    currency = by_id(raw["countries"])[band["country"]]["currency"]
    layer = by_id(raw["roles"])[band["role"]]["layer"]
    return {
        "role": band["role"],
        "country": band["country"],
        "currency": currency,
        "level": band["level"],
        "min": band["min"],
        "max": band["max"],
        "open_ended": band.get("open_ended", False),
        "years": band.get("years"),
        "sources": band["sources"],
        "as_of": raw["as_of"],
        "notes": [note["text"] for note in raw["notes"] if layer in note["layers"]],
    }


def role_json(role: dict[str, Any]) -> dict[str, Any]:
    """A role of roles.yaml as JSON: `skills` one list (core first), the split kept beside it.

    Every `leads_to` link is a full object (an inferred link names no sources), and a
    role without `notes` has an empty list.
    """
    core, supporting = role["skills"]["core"], role["skills"]["supporting"]
    return {
        **role,
        "leads_to": [
            {
                "role": link["role"],
                "basis": link["basis"],
                "sources": link.get("sources", []),
                "note": link["note"],
            }
            for link in role["leads_to"]
        ],
        "notes": role.get("notes", []),
        "skills": core + supporting,
        "core_skills": core,
        "supporting_skills": supporting,
    }


@pytest.fixture
def wide(run: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run on a terminal wide enough that no data sentence wraps."""
    monkeypatch.setenv("COLUMNS", "400")
    return run


def ids_of(run: Run, *args: str) -> list[str]:
    result = run("roles", *args, "--format", "json")
    assert result.code == 0, (args, result.err)
    return [role["id"] for role in json.loads(result.out)]


# ------------------------------------------------------------------ the domain: list


def test_role_list_covers_every_role_once_in_flow_order(catalog: Catalog) -> None:
    listing = role_list(catalog)
    assert [group.layer.id for group in listing.groups] == list(ROLES_BY_LAYER)
    assert [line.role.id for line in listing.lines] == ALL_ROLES
    assert [[role.id for role in group.generalists] for group in listing.groups] == list(
        GENERALISTS_BY_LAYER.values()
    )
    assert listing.country.id == "us"


def test_role_list_filtered_to_one_layer(catalog: Catalog) -> None:
    for layer_id, roles in ROLES_BY_LAYER.items():
        listing = role_list(catalog, layer_id)
        assert [group.layer.id for group in listing.groups] == [layer_id]
        assert [line.role.id for line in listing.lines] == roles, layer_id
        generalists = [role.id for role in listing.groups[0].generalists]
        assert generalists == GENERALISTS_BY_LAYER[layer_id], layer_id


def test_role_list_of_some_roles_keeps_only_their_layers(catalog: Catalog) -> None:
    listing = role_list(catalog, country_id="uk", role_ids=["cmo", "copywriter"])
    assert [group.layer.id for group in listing.groups] == ["producers", "architects"]
    assert [line.role.id for line in listing.lines] == ["copywriter", "cmo"]
    assert [group.generalists for group in listing.groups] == [(), ()]
    assert listing.country.id == "uk"


@pytest.mark.parametrize(
    ("role_id", "country_id", "level", "low", "high", "plus"),
    [
        ("seo-specialist", "us", "mid", 70000, 95000, False),
        ("seo-specialist", "uk", "mid", 38000, 50000, False),
        ("digital-marketing-manager", "us", "mid", 85000, 115000, False),
        ("marketing-director", "us", "senior", 140000, 190000, False),
        ("cmo", "au", "executive", 220000, 300000, True),
    ],
)
def test_salary_hint_prefers_mid_then_the_nearest_level(
    catalog: Catalog, role_id: str, country_id: str, level: str, low: int, high: int, plus: bool
) -> None:
    hint = salary_hint(catalog, role_id, country_id)
    assert hint is not None
    band = hint.band
    assert (hint.level.id, band.min, band.max, band.open_ended) == (level, low, high, plus)
    assert (band.role, hint.country.id, band.country) == (role_id, country_id, country_id)


def test_a_hint_off_mid_level_names_its_level(catalog: Catalog) -> None:
    lines = {line.role.id: line for line in role_list(catalog).lines}
    fallbacks = {
        role_id: line.fallback.id if line.fallback else None for role_id, line in lines.items()
    }
    assert {role_id: level for role_id, level in fallbacks.items() if level} == {
        "marketing-director": "senior",
        "cmo": "executive",
    }
    assert all(lines[role_id].hint is None for role_id in NO_PAY)


# ------------------------------------------------------------------ the domain: card


def test_roles_without_salary_data_have_no_hint_and_no_card_salary(catalog: Catalog) -> None:
    for role_id in NO_PAY:
        assert salary_hint(catalog, role_id, "us") is None, role_id
        card = role_card(catalog, role_id)
        assert (card.salary, card.pays, card.gaps) == ((), (), False), role_id


def test_card_for_seo_specialist(catalog: Catalog) -> None:
    card = role_card(catalog, "seo-specialist")
    assert (card.role.id, card.role.layer.id, card.role.spans) == (
        "seo-specialist",
        "distributors",
        (),
    )
    assert [skill.id for skill in card.core_skills] == ["seo", "keyword-research", "link-building"]
    assert [skill.id for skill in card.supporting_skills] == [
        "copywriting",
        "website-optimisation",
        "analytics",
    ]
    assert [link.layer.id for link in card.depends_on] == ["producers", "converters", "architects"]
    # roles.yaml: seo-specialist's four links; only the one to the manager is stated
    # by the sources (ecosystem-guide, ironhack), the other three are inferred.
    assert [
        (move.role.id, move.role.layer.id, move.link.basis, move.link.sources)
        for move in card.leads_to
    ] == [
        ("ppc-specialist", "distributors", "inferred", ()),
        ("content-strategist", "producers", "inferred", ()),
        ("cro-specialist", "converters", "inferred", ()),
        ("digital-marketing-manager", "architects", "source", ("ecosystem-guide", "ironhack")),
    ]
    assert all(move.link.role == move.role.id for move in card.leads_to)
    assert [country.id for country in card.countries] == ["us", "ca", "uk", "au"]
    assert [row.level.id for row in card.salary] == ["entry", "mid", "senior"]
    assert [(pay.level.id, pay.country.id) for pay in card.pays] == [
        (level, country)
        for level in ("entry", "mid", "senior")
        for country in ("us", "ca", "uk", "au")
    ]
    assert card.gaps is False
    # The role's sources, then those its links and notes add (ironhack from the link to
    # the manager, nonprofitssource from its note), then the bands' (seo bands: ucd).
    assert [source.id for source in card.sources] == [
        "ecosystem-guide",
        "ucd",
        "sandiego",
        "ironhack",
        "nonprofitssource",
    ]


def test_card_salary_in_chosen_countries_keeps_their_order(catalog: Catalog) -> None:
    card = role_card(catalog, "marketing-director", ["uk", "us"])
    assert [country.id for country in card.countries] == ["uk", "us"]
    assert [row.level.id for row in card.salary] == ["senior", "executive"]
    senior = card.salary[0]
    assert [
        (pay.country.id, pay.band.min, pay.band.max, pay.band.years) for pay in senior.pays if pay
    ] == [
        ("uk", 75000, 100000, "7-10+ yrs"),
        ("us", 140000, 190000, "7-10+ yrs"),
    ]
    assert senior.years == "7-10+ yrs"
    assert card.salary[1].years is None
    assert "cv-library" in [source.id for source in card.sources]


def test_generalist_card_names_the_layers_it_spans(catalog: Catalog) -> None:
    card = role_card(catalog, "digital-marketer")
    assert card.role.layer.id == "distributors"
    assert [layer.id for layer in card.role.spans] == ["producers", "converters"]


def test_a_level_missing_in_one_country_is_a_gap(data_copy: Path) -> None:
    replace_in(
        data_copy / "salaries.yaml",
        "  - {role: seo-specialist, level: mid, country: uk, min: 38000, max: 50000, "
        "sources: [ucd]}\n",
        "",
    )
    card = role_card(load_catalog(data_copy), "seo-specialist", ["us", "uk"])
    mid = next(row for row in card.salary if row.level.id == "mid")
    assert [pay.band.min if pay else None for pay in mid.pays] == [70000, None]
    assert card.gaps is True
    assert len(card.pays) == 5


# ------------------------------------------------------------------ the list


def test_list_shows_every_role_grouped_by_layer_in_flow_order(
    wide: Run, raw: dict[str, Any]
) -> None:
    result = wide("roles")
    assert (result.code, result.err) == (0, "")
    out = result.out
    subtitles = {layer["id"]: layer["subtitle"] for layer in raw["layers"]}
    titles = [f"{LABELS[layer_id]} · {subtitles[layer_id]}" for layer_id in ROLES_BY_LAYER]
    positions = [out.index(title) for title in titles]
    assert positions == sorted(positions)
    ends = [*positions[1:], len(out)]
    roles = by_id(raw["roles"])
    for layer_id, start, end in zip(ROLES_BY_LAYER, positions, ends, strict=True):
        for role_id in ROLES_BY_LAYER[layer_id]:
            assert roles[role_id]["summary"] in out[start:end], role_id
    assert (
        out.count("Also covers this layer: Digital Marketer (generalist, from ➜ Distributors)") == 2
    )
    assert "Salary: yearly mid-level range, United States, USD, as the sources give it" in out


def _salary_cells(out: str) -> dict[str, str]:
    """The salary column of the role list, by role name (a cell may wrap over lines)."""
    lines = out.splitlines()
    header = next(line for line in lines if "What they do" in line)
    column = header.index("What they do")
    salary = header.index(" mid-level") - 2
    cells: dict[str, list[str]] = {}
    name = None
    for line in lines:
        if not line.strip() or "────" in line or "What they do" in line:
            name = None
            continue
        if line[:column].strip() and name is None:
            name = line[:column].strip()
        if name is not None:
            cells.setdefault(name, []).append(line[salary:].strip())
    return {key: " ".join(part for part in parts if part) for key, parts in cells.items()}


def test_list_salary_hints(wide: Run) -> None:
    cells = _salary_cells(wide("roles").out)
    assert cells["SEO Specialist"] == "$70,000 – $95,000"
    assert cells["Digital Marketer"] == "no salary data in the sources"
    assert cells["Digital Media"] == "no salary data in the sources"
    assert cells["Marketing Director"] == "$140,000 – $190,000 Senior-level"
    assert cells["Chief Marketing"] == "$200,000 – $300,000+ Executive-level"


def test_list_salary_hints_in_another_country(wide: Run) -> None:
    out = wide("roles", "--layer", "distributors", "--country", "uk").out
    assert "UK mid-level" in out
    assert _salary_cells(out)["SEO Specialist"] == "£38,000 – £50,000"
    assert "United Kingdom, GBP" in out


def test_layer_filter_gives_exactly_that_layers_roles(run: Run) -> None:
    terms = {
        "producers": ["producers", "Producer"],
        "distributors": ["distributors", "channel"],
        "converters": ["converters", "Converters & Nurturers"],
        "architects": ["architects", "leadership"],
    }
    for layer_id, layer_terms in terms.items():
        for term in layer_terms:
            assert ids_of(run, "-l", term) == ROLES_BY_LAYER[layer_id], term


def test_skill_filter_gives_the_roles_that_use_it(run: Run) -> None:
    # trend-analysis: supporting for social-media-manager, core for digital-media-strategist.
    assert ids_of(run, "--skill", "trend-analysis") == [
        "social-media-manager",
        "digital-media-strategist",
    ]
    # analytics among the converters: supporting for cro, core for the analytics specialist.
    assert ids_of(run, "--skill", "analytics", "--layer", "converters") == [
        "cro-specialist",
        "marketing-analytics-specialist",
    ]
    out = run("roles", "--skill", "trend-analysis").out
    assert "Social Media" in out and "Digital Media" in out
    assert "Copywriter" not in out and "Producers" not in out


def test_layer_table_names_the_spanning_generalist(run: Run) -> None:
    out = run("roles", "--layer", "converters").out
    assert "Also covers this layer: Digital Marketer" in out
    assert "SEO Specialist" not in out
    assert "Copywriter" not in out


def test_list_json_is_an_array_of_role_objects(run: Run, raw: dict[str, Any]) -> None:
    data = json.loads(run("roles", "-f", "json").out)
    roles = by_id(raw["roles"])
    assert [entry["id"] for entry in data] == ALL_ROLES
    for entry in data:
        hint = entry.pop("salary_hint")
        assert entry == role_json(roles[entry["id"]]), entry["id"]
        if hint is not None:
            us = [b for b in bands_of(raw, entry["id"], "us") if b["level"] == hint["level"]]
            assert [hint] == [band_json(raw, band) for band in us], entry["id"]


def test_list_json_salary_hints(run: Run) -> None:
    data = {role["id"]: role["salary_hint"] for role in json.loads(run("roles", "-f", "json").out)}
    assert {role_id for role_id, hint in data.items() if hint is None} == set(NO_PAY)
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
        # salaries.yaml as_of; its one note is for architects' bands only.
        "as_of": "2025",
        "notes": [],
    }
    assert data["cmo"]["level"] == "executive"
    assert data["cmo"]["notes"] == [
        "Architect roles are the best paid in marketing, and on top of the salary they can "
        "bring substantial bonuses and equity tied to how the business performs."
    ]


def test_list_csv_columns_and_rows(run: Run, raw: dict[str, Any]) -> None:
    result = run("roles", "--format", "csv", "--country", "uk")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[0] == LIST_HEADER
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [row["id"] for row in rows] == ALL_ROLES
    roles = by_id(raw["roles"])
    for row in rows:
        role = roles[row["id"]]
        skills = role["skills"]["core"] + role["skills"]["supporting"]
        assert row["name"] == role["name"]
        assert row["layer"] == role["layer"]
        assert row["spans"] == ";".join(role["spans"])
        assert row["summary"] == role["summary"]
        assert row["skills"].split(";") == skills
        assert (row["salary_country"], row["salary_currency"]) == ("uk", "GBP")
    rows_by_id = {row["id"]: row for row in rows}
    seo = rows_by_id["seo-specialist"]
    assert (seo["salary_level"], seo["salary_min"], seo["salary_max"]) == ("mid", "38000", "50000")
    assert seo["salary_open_ended"] == "false"
    generalist = rows_by_id["digital-marketer"]
    assert generalist["spans"] == "producers;converters"
    assert (generalist["salary_level"], generalist["salary_min"]) == ("", "")


def test_a_role_as_csv_is_its_row_of_the_list(run: Run) -> None:
    listing = run("roles", "-f", "csv", "-c", "uk").out.splitlines()
    seo_row = next(line for line in listing if line.startswith("seo-specialist,"))
    result = run("roles", "seo", "-f", "csv", "-c", "uk")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines() == [LIST_HEADER, seo_row]
    assert seo_row.endswith(",uk,GBP,mid,38000,50000,false")
    marketer = run("roles", "marketer", "-f", "csv").out.splitlines()
    assert marketer[0] == LIST_HEADER
    assert marketer[1].startswith("digital-marketer,Digital Marketer,distributors,")
    assert marketer[1].endswith(",us,USD,,,,")
    assert len(marketer) == 2


def test_list_markdown(run: Run) -> None:
    out = run("roles", "-l", "producers", "-f", "markdown").out
    assert out.startswith("# Roles in the marketing ecosystem\n")
    assert "## Producers: The content & creation layer" in out
    assert "| Role | id | What they do | US mid-level |" in out
    assert "| Copywriter | `copywriter` |" in out
    assert "$70,000 – $95,000 |" in out
    assert "Also covers this layer: Digital Marketer (`digital-marketer`) (generalist)." in out
    architects = run("roles", "-l", "architects", "-f", "markdown").out
    assert "| no salary data in the sources |" in architects
    assert "| $140,000 – $190,000 (Senior-level) |" in architects


# ------------------------------------------------------------------ lookup and usage errors


def test_a_role_is_named_by_id_name_or_alias(run: Run) -> None:
    # Every id, name and alias is checked in test_lookup; here, that the command uses them.
    for term, role_id in [
        ("seo-specialist", "seo-specialist"),
        ("SEO SPECIALIST", "seo-specialist"),
        ("vp-marketing", "cmo"),
        ("Chief Marketing Officer (CMO)", "cmo"),
        ("ux", "ux-ui-designer"),
    ]:
        result = run("roles", term, "-f", "json")
        assert result.code == 0, (term, result.err)
        assert json.loads(result.out)["id"] == role_id, term


def test_unknown_role_suggests(run: Run) -> None:
    result = run("roles", "copywritter")
    assert (result.code, result.out) == (2, "")
    assert " ".join(result.err.split()) == (
        "Usage error: Unknown role 'copywritter'; did you mean 'copywriter'? "
        "See them all with `ecocareer roles`."
    )


def test_ambiguous_role_lists_candidates(run: Run) -> None:
    result = run("roles", "digital-marketing")
    assert (result.code, result.out) == (2, "")
    err = " ".join(result.err.split())
    assert "'digital-marketing' could mean several roles:" in err
    assert "digital-marketing-manager, digital-marketing-project-manager" in err
    assert err.endswith("See them all with `ecocareer roles`.")


def test_unknown_layer(run: Run) -> None:
    result = run("roles", "--layer", "plumbers")
    assert (result.code, result.out) == (2, "")
    assert " ".join(result.err.split()) == (
        "Usage error: Unknown layer 'plumbers'. Known layers: producers, distributors, "
        "converters, architects. See them all with `ecocareer layers`."
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("seo", "--layer", "producers"),
            "--layer and --skill filter the role list; leave them out when you name a role.",
        ),
        (
            ("seo", "--skill", "seo"),
            "--layer and --skill filter the role list; leave them out when you name a role.",
        ),
        (("--country", "uk", "--country", "us"), "give --country once"),
        (("seo", "--country", "uk", "--country", "us", "-f", "csv"), "give --country once"),
        (("seo", "--country", "narnia"), "Unknown country 'narnia'"),
        (
            ("--format", "xml"),
            "--format: 'xml' is not a format here; choose table, json, csv or markdown.",
        ),
    ],
)
def test_usage_errors(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run("roles", *args)
    assert (result.code, result.out) == (2, "")
    assert message in result.err


# ------------------------------------------------------------------ the card


def test_card_shows_every_fact_of_the_role(wide: Run, raw: dict[str, Any]) -> None:
    layers, skills, roles = by_id(raw["layers"]), by_id(raw["skills"]), by_id(raw["roles"])
    sources, countries = by_id(raw["sources"]), by_id(raw["countries"])
    for role_id in ALL_ROLES:
        result = wide("roles", role_id)
        assert (result.code, result.err) == (0, ""), role_id
        out = result.out
        role = roles[role_id]
        layer = layers[role["layer"]]

        def shows(text: str, out: str = out, role_id: str = role_id) -> None:
            assert text in out, (role_id, text)

        shows(f"{LABELS[layer['id']].split()[0]} {role['name']}")
        shows(role["summary"])
        shows(f"{LABELS[layer['id']]} · {layer['subtitle']}")
        shows(f"id: {role_id}")
        for item in role["responsibilities"]:
            shows(f"• {item}")
        shows(", ".join(skills[s]["name"] for s in role["skills"]["core"]))
        if role["skills"]["supporting"]:
            shows(", ".join(skills[s]["name"] for s in role["skills"]["supporting"]))
        if role["tools"]:
            shows(", ".join(role["tools"]))
        for need in layer["needs"]:
            shows(f"{LABELS[need['layer']]}: {need['why']}")
        for label in ("Deliverables", "Methods"):
            items = role[label.lower()]
            if items:
                shows(f" {label} ")
                shows(", ".join(items))
            else:
                assert f" {label} " not in out, (role_id, label)
        if role.get("notes"):
            shows(" The sources say ")
            for note in role["notes"]:
                shows(f"• {note['text']} ({', '.join(note['sources'])})")
        else:
            assert "The sources say" not in out, role_id
        lines = out.splitlines()
        for link in role["leads_to"]:
            # The next role (its layer's symbol and name), its basis on the line below.
            target = roles[link["role"]]
            if link["basis"] == "source":
                basis = f"stated by the sources ({', '.join(link['sources'])}): {link['note']}"
            else:
                basis = f"inferred (not stated by the sources): {link['note']}"
            heading = f"{LABELS[target['layer']].split()[0]} {target['name']} "
            assert any(
                heading in line and basis in below for line, below in itertools.pairwise(lines)
            ), (role_id, link["role"])
        bands = bands_of(raw, role_id)
        cited = {
            *role["sources"],
            *(s for link in role["leads_to"] for s in link.get("sources", [])),
            *(s for note in role.get("notes", []) for s in note["sources"]),
            *(s for band in bands for s in band["sources"]),
        }
        for source_id in cited:
            shows(sources[source_id]["title"])
        for band in bands:
            symbol = countries[band["country"]]["symbol"]
            shows(f"{symbol}{band['min']:,} –")
            shows(f"{symbol}{band['max']:,}{'+' * band.get('open_ended', False)}")
        if not bands:
            shows(NO_SALARY_CARD)
        assert NO_SALARY_LEGEND not in out, role_id


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


def test_card_without_salary_data_says_so_in_every_format(run: Run) -> None:
    for role_id in NO_PAY:
        assert NO_SALARY_CARD in run("roles", role_id).out, role_id
        assert NO_SALARY_CARD in run("roles", role_id, "-f", "markdown").out, role_id
        assert json.loads(run("roles", role_id, "-f", "json").out)["bands"] == [], role_id


def test_card_marks_a_missing_figure_and_says_what_the_mark_means(
    wide: Run, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replace_in(
        data_copy / "salaries.yaml",
        "  - {role: seo-specialist, level: mid, country: uk, min: 38000, max: 50000, "
        "sources: [ucd]}\n",
        "",
    )
    monkeypatch.setenv("ECOCAREER_DATA_DIR", str(data_copy))
    result = wide("roles", "seo", "-c", "us", "-c", "uk")
    assert (result.code, result.err) == (0, "")
    mid = next(line for line in result.out.splitlines() if "Mid-level" in line)
    assert mid.split() == ["Mid-level", "$70,000", "–", "$95,000", "–"]
    assert f"  {NO_SALARY_LEGEND}\n" in result.out
    markdown = wide("roles", "seo", "-c", "us", "-c", "uk", "-f", "markdown").out
    assert "| Mid-level | $70,000 – $95,000 | – |" in markdown


def test_card_json_is_the_full_role_object(run: Run, raw: dict[str, Any]) -> None:
    data = json.loads(run("roles", "seo", "--format", "json").out)
    extra = {key: data.pop(key) for key in ("layer_info", "depends_on", "bands")}
    assert data == role_json(by_id(raw["roles"])["seo-specialist"])
    assert extra["layer_info"] == {
        "id": "distributors",
        "name": "Distributors",
        "subtitle": "The channel & amplification layer",
        "failure_mode": "empty-megaphone",
    }
    distributors = by_id(raw["layers"])["distributors"]
    assert extra["depends_on"] == distributors["needs"]
    bands = bands_of(raw, "seo-specialist")
    expected = [
        band_json(raw, band)
        for level in ("entry", "mid", "senior")
        for country in ("us", "ca", "uk", "au")
        for band in bands
        if (band["level"], band["country"]) == (level, country)
    ]
    assert len(expected) == 12
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
            # salaries.yaml: the figures stand for 2025, and the note on architects'
            # pay applies to the CMO.
            "as_of": "2025",
            "notes": [
                "Architect roles are the best paid in marketing, and on top of the salary "
                "they can bring substantial bonuses and equity tied to how the business "
                "performs."
            ],
        }
    ]


def test_card_markdown(run: Run) -> None:
    out = run("roles", "cro", "-f", "markdown").out
    assert out.startswith("# CRO Specialist\n")
    assert "**Layer:** Converters & Nurturers (The relationship & growth layer)\n" in out
    assert "## Responsibilities\n" in out
    assert "- Design and run A/B tests on pages and journeys\n" in out
    assert "| Level | United States (USD) | Canada (CAD) | United Kingdom (GBP) |" in out
    assert "| Senior-level | $110,000 – $140,000+ |" in out
    assert "## Sources\n" in out
    assert "**Methods:** A/B testing, Heatmaps, User session recordings\n" in out
    # cro-specialist's three links, all inferred, each with its note (roles.yaml).
    assert (
        "## Leads to\n\n"
        "- Marketing Analytics Specialist (`marketing-analytics-specialist`): inferred (not "
        "stated by the sources): Same layer and the same evidence: analytics supports CRO "
        "work, and A/B testing and CRO support the analytics specialist's.\n"
        "- UX/UI Designer (`ux-ui-designer`): inferred (not stated by the sources): UX design "
        "is a supporting skill here; both roles work on how easily users move through pages "
        "toward a goal.\n"
        "- Digital Marketing Manager (`digital-marketing-manager`): inferred (not stated by "
        "the sources): The guide's general climb from specialist to Architect, which calls "
        "this often the first Architect role; it states the climb only for SEO.\n"
    ) in out
    assert "## What the sources say" not in out  # roles.yaml gives cro-specialist no notes


def test_card_markdown_says_what_the_sources_say_and_where_moves_come_from(run: Run) -> None:
    out = run("roles", "seo", "-f", "markdown").out
    assert (
        "## What the sources say\n\n"
        "- The guide warns that a first-place ranking does not last if the page is thin: "
        "visitors leave at once, which tells the search engine the page lacks value. "
        "(ecosystem-guide, nonprofitssource)\n"
    ) in out
    assert (
        "- Digital Marketing Manager (`digital-marketing-manager`): stated by the sources "
        "(ecosystem-guide, ironhack): The guide names this step: an SEO expert who wants the "
        "manager's job must first pick up enough content, social and paid-ad know-how to run "
        "a varied team.\n"
    ) in out
    email = run("roles", "email", "-f", "markdown").out
    assert "**Deliverables:** Email campaigns\n" in email
    assert "**Methods:** List segmentation, Open and click-through rate analysis\n" in email


# ------------------------------------------------------------------ terminal


def test_no_line_wider_than_80_and_no_escape_codes(run: Run) -> None:
    cases = [
        ("roles",),
        *(("roles", "--layer", layer_id) for layer_id in ROLES_BY_LAYER),
        *(("roles", role_id) for role_id in ALL_ROLES),
        ("roles", "seo", "--country", "uk", "--country", "au"),
    ]
    for args in cases:
        result = run(*args)
        assert result.code == 0, (args, result.err)
        widest = max(len(line) for line in result.out.splitlines())
        assert widest <= 80, (args, widest)
        assert "\x1b" not in result.out, args


def test_console_script_piped_has_no_escape_codes() -> None:
    """A real process on a colour-capable TERM, writing to a pipe: plain text only."""
    found = shutil.which("ecocareer") or str(Path(sys.executable).parent / "ecocareer")
    assert Path(found).exists(), "the ecocareer console script is not installed"
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "TERM")}
    env.update(COLUMNS="80", TERM="xterm-256color")
    done = subprocess.run(
        [found, "roles", "seo"], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout
    assert "➜ SEO Specialist" in done.stdout
