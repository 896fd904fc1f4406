"""`ecocareer salary`: band selection, every band in every format, tables, comparisons, errors."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml
from conftest import ROLES_BY_LAYER, SHARED, Run
from seed_tables import (
    BAND_COLUMNS,
    CITATION_SOURCES,
    COUNTRIES,
    LEVELS,
    SeedBand,
    flat_band,
    seed_bands,
)

from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.render.salary import Bar
from ecocareer.salary import salary_report

ALL_ROLES = [role for roles in ROLES_BY_LAYER.values() for role in roles]
SEED_BANDS = seed_bands(SHARED)
needs_seed = pytest.mark.skipif(not SEED_BANDS, reason=f"seed 000 not found under {SHARED}")
NO_SALARY = "no salary data in the sources"

# salaries.yaml and roles.yaml as plain YAML (not through the loader under test): the
# year the figures stand for, and the notes on them with the layers they apply to.
SALARIES_YAML = yaml.safe_load((bundled_data_dir() / "salaries.yaml").read_text("utf-8"))
ROLE_LAYER = {
    role["id"]: role["layer"]
    for role in yaml.safe_load((bundled_data_dir() / "roles.yaml").read_text("utf-8"))["roles"]
}
AS_OF = SALARIES_YAML["as_of"]
# PRODUCT.md's nine band columns, then the year and the notes the bands now carry.
RECORD_COLUMNS = (*BAND_COLUMNS, "as_of", "notes")
ARCHITECTS_NOTE = (
    "Architect roles are the best paid in marketing, and on top of the salary they can "
    "bring substantial bonuses and equity tied to how the business performs."
)


def notes_for(role: str) -> list[str]:
    """The texts of salaries.yaml's notes whose `layers` include the role's layer."""
    return [note["text"] for note in SALARIES_YAML["notes"] if ROLE_LAYER[role] in note["layers"]]


def band_record(band: SeedBand) -> dict[str, object]:
    """The seed's band as JSON gives it: its figures, then as_of and notes from the data."""
    return {**flat_band(band), "as_of": AS_OF, "notes": notes_for(band.role)}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_data_dir())


def in_output_order(bands: list[SeedBand]) -> list[SeedBand]:
    """Role by role as asked (ALL_ROLES), then country, then level entry → executive."""
    return sorted(
        bands,
        key=lambda b: (ALL_ROLES.index(b.role), COUNTRIES.index(b.country), LEVELS.index(b.level)),
    )


def level_label(band: SeedBand) -> str:
    """The seed's 'Mid-Level (3-5 yrs)' as the tables write it: 'Mid-level (3-5 yrs)'."""
    name = f"{band.level.capitalize()}-level"
    return f"{name} ({band.years})" if band.years else name


# --- the domain: which bands, in which order --------------------------------------------


def test_one_role_gives_one_table_per_country_in_level_order(catalog: Catalog) -> None:
    report = salary_report(catalog, ["seo-specialist"])
    assert [table.country.id for table in report.tables] == ["us", "ca", "uk", "au"]
    for table in report.tables:
        assert [row.level.id for row in table.rows] == ["entry", "mid", "senior"]
    assert report.no_data == ()
    assert [(source.id, source.number) for source in report.sources] == [("ucd", 9)]


def test_levels_run_entry_to_executive_whatever_order_they_are_asked_in(catalog: Catalog) -> None:
    report = salary_report(catalog, ["marketing-director"], ["us"], ["executive", "senior"])
    assert [row.level.id for row in report.tables[0].rows] == ["senior", "executive"]
    assert [pay.level.id for pay in report.pays] == ["senior", "executive"]


def test_countries_keep_the_order_asked_for(catalog: Catalog) -> None:
    report = salary_report(catalog, ["copywriter"], ["uk", "us"])
    assert [table.country.id for table in report.tables] == ["uk", "us"]
    assert [pay.country.id for pay in report.pays] == ["uk"] * 3 + ["us"] * 3


def test_comparison_aligns_levels_and_leaves_gaps(catalog: Catalog) -> None:
    report = salary_report(catalog, ["seo-specialist", "marketing-director"], ["us"])
    rows = report.tables[0].rows
    assert [row.level.id for row in rows] == ["entry", "mid", "senior", "executive"]
    cells = [
        [(pay.band.role, pay.level.id, pay.band.min) if pay else None for pay in row.pays]
        for row in rows
    ]
    assert cells == [
        [("seo-specialist", "entry", 55_000), None],
        [("seo-specialist", "mid", 70_000), None],
        [("seo-specialist", "senior", 95_000), ("marketing-director", "senior", 140_000)],
        [None, ("marketing-director", "executive", 190_000)],
    ]


def test_each_country_has_its_own_scale(catalog: Catalog) -> None:
    """With every role shown, each country's scale tops out at its own highest figure."""
    tops = {}
    for country in COUNTRIES:
        (table,) = salary_report(catalog, ALL_ROLES, [country]).tables
        assert {pay.country.id for row in table.rows for pay in row.pays if pay} == {country}
        tops[country] = table.scale_max
    # The CMO's executive band in each country (seed 000's highest figures).
    assert tops == {"us": 300_000, "ca": 250_000, "uk": 180_000, "au": 300_000}


def test_roles_without_bands_are_reported_apart(catalog: Catalog) -> None:
    report = salary_report(catalog, ["digital-marketer", "seo-specialist", "cmo"], [], ["entry"])
    assert [role.id for role in report.roles] == ["seo-specialist"]
    assert [(item.role.id, [lv.id for lv in item.has_levels]) for item in report.no_data] == [
        ("digital-marketer", []),
        ("cmo", ["executive"]),
    ]
    assert {pay.band.role for pay in report.pays} == {"seo-specialist"}


def test_bands_are_role_by_country_by_level(catalog: Catalog) -> None:
    report = salary_report(catalog, ["cro-specialist", "copywriter"], ["au", "ca"])
    keys = [(pay.band.role, pay.country.id, pay.level.id) for pay in report.pays]
    assert keys == [
        (role, country, level)
        for role in ("cro-specialist", "copywriter")
        for country in ("au", "ca")
        for level in ("entry", "mid", "senior")
    ]


# --- every band, exactly as seed 000 gives it, in JSON, CSV, Markdown and the table ------


@needs_seed
def test_json_gives_every_band_of_the_seed(run: Run) -> None:
    assert len(SEED_BANDS) == 164
    result = run("salary", *ALL_ROLES, "-f", "json")
    assert result.code == 0, result.err
    records = json.loads(result.out)
    expected = [band_record(band) for band in in_output_order(SEED_BANDS)]
    wrong = [(got, want) for got, want in zip(records, expected, strict=False) if got != want]
    assert wrong == [], f"{len(wrong)} bands differ from the seed; first (got, want): {wrong[0]}"
    assert len(records) == len(expected)


@needs_seed
def test_csv_gives_every_band_of_the_seed(run: Run) -> None:
    result = run("salary", *ALL_ROLES, "-f", "csv")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == ",".join(RECORD_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(result.out)))
    expected = [
        {
            **{key: str(value) for key, value in flat_band(band).items()},
            "open_ended": "true" if band.open_ended else "false",
            "years": band.years or "",
            "sources": CITATION_SOURCES[band.citation],  # one source: no ";" between ids
            "as_of": AS_OF,
            "notes": ";".join(notes_for(band.role)),
        }
        for band in in_output_order(SEED_BANDS)
    ]
    wrong = [(got, want) for got, want in zip(rows, expected, strict=False) if got != want]
    assert wrong == [], f"{len(wrong)} rows differ from the seed; first (got, want): {wrong[0]}"
    assert len(rows) == len(expected)


def test_json_and_csv_have_the_columns_of_the_product_spec(run: Run) -> None:
    records = json.loads(run("salary", "seo", "cmo", "-f", "json").out)
    header = run("salary", "seo", "cmo", "-f", "csv").out.splitlines()[0]
    assert header.split(",") == list(RECORD_COLUMNS)
    assert [list(record) for record in records] == [list(RECORD_COLUMNS)] * (12 + 4)


def test_bands_carry_the_year_and_the_notes_for_their_role(run: Run) -> None:
    # salaries.yaml: as_of "2025"; its one note names layers [architects], so only the
    # bands of Architect roles carry it.
    assert AS_OF == "2025"
    assert [note["layers"] for note in SALARIES_YAML["notes"]] == [["architects"]]
    assert notes_for("cmo") == [ARCHITECTS_NOTE]
    records = json.loads(run("salary", "seo", "director", "-c", "uk", "-f", "json").out)
    assert [(r["role"], r["level"], r["as_of"], r["notes"]) for r in records] == [
        ("seo-specialist", "entry", "2025", []),
        ("seo-specialist", "mid", "2025", []),
        ("seo-specialist", "senior", "2025", []),
        ("marketing-director", "senior", "2025", [ARCHITECTS_NOTE]),
        ("marketing-director", "executive", "2025", [ARCHITECTS_NOTE]),
    ]
    as_csv = run("salary", "seo", "director", "-c", "uk", "-f", "csv").out
    rows = list(csv.DictReader(io.StringIO(as_csv)))
    assert [(row["role"], row["as_of"], row["notes"]) for row in rows] == [
        *[("seo-specialist", "2025", "")] * 3,
        *[("marketing-director", "2025", ARCHITECTS_NOTE)] * 2,
    ]


@needs_seed
def test_markdown_prints_every_range_as_the_seed_does(run: Run, catalog: Catalog) -> None:
    out = run("salary", *ALL_ROLES, "-f", "markdown").out
    country_of = {band.currency: band.country for band in SEED_BANDS}
    shown: set[tuple[str, str, str, str, str]] = set()
    country = ""
    for line in out.splitlines():
        if heading := re.fullmatch(r"## .+ \(([A-Z]{3})\)", line):
            country = country_of[heading.group(1)]
        elif country and line.startswith("| ") and not line.startswith(("| Level", "| ---")):
            level, role, years, printed = (cell.strip() for cell in line.strip("|").split("|"))
            if printed != NO_SALARY:
                shown.add((country, level, role, years, printed))
    expected = {
        (
            band.country,
            f"{band.level.capitalize()}-level",
            catalog.role(band.role).name,
            band.years or "–",
            band.printed,
        )
        for band in SEED_BANDS
    }
    assert sorted(shown - expected) == [], "rows the seed does not have"
    assert sorted(expected - shown) == [], "seed bands missing from the Markdown"


@needs_seed
def test_tables_print_every_range_as_the_seed_does(run: Run) -> None:
    """Each role's own table: one row per level, labelled with its years, printed as the seed."""
    country_of = {band.currency: band.country for band in SEED_BANDS}
    for role in dict.fromkeys(band.role for band in SEED_BANDS):
        result = run("salary", role)
        assert result.code == 0, result.err
        shown: dict[tuple[str, str], str] = {}
        country = ""
        for line in result.out.splitlines():
            if title := re.search(r" — .+ \(([A-Z]{3})\)$", line.rstrip()):
                country = country_of[title.group(1)]
            elif line.startswith("│"):
                label, printed = (cell.strip() for cell in line.split("│")[1:3])
                shown[(country, label)] = printed
        expected = {
            (band.country, level_label(band)): band.printed
            for band in SEED_BANDS
            if band.role == role
        }
        assert shown == expected, role


# --- the table view ---------------------------------------------------------------------


def test_table_shows_currency_plus_and_bars(run: Run) -> None:
    result = run("salary", "seo", "--country", "uk")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].rstrip() == "SEO Specialist — United Kingdom (GBP)"
    rows = [line for line in lines if "£" in line and "–" in line]
    assert [row.split("│")[1].strip() for row in rows] == [
        "Entry-level",
        "Mid-level",
        "Senior-level",
    ]
    assert [row.split("│")[2].strip() for row in rows] == [
        "£30,000 – £38,000",
        "£38,000 – £50,000",
        "£50,000 – £70,000+",
    ]
    bars = [row.split("│")[3].strip() for row in rows]
    assert [bar.endswith("+") for bar in bars] == [False, False, True]
    # The climb: each level's bar starts further right than the one before.
    starts = [len(bar) - len(bar.lstrip("·")) for bar in bars]
    assert starts == sorted(starts) and len(set(starts)) == 3
    assert "$" not in result.out
    assert "0" in lines[2] and "£70,000" in lines[2]
    assert NO_SALARY not in result.out  # no gap, so no legend


def test_table_says_the_year_and_the_architects_note(run: Run) -> None:
    architects = run("salary", "director", "--country", "uk")
    assert architects.code == 0, architects.err
    said = " ".join(architects.out.split())  # the note wraps at 80 columns
    assert "Yearly pay as the sources give it, 2025 figures." in said
    assert f"Note: {ARCHITECTS_NOTE} (ecosystem-guide)" in said
    # The note's source is named with the others under the table.
    assert "The Marketing Ecosystem: A New Framework for Your Career" in said
    specialist = run("salary", "seo", "--country", "uk")
    assert "Yearly pay as the sources give it, 2025 figures." in specialist.out
    assert "Note:" not in specialist.out


def test_sources_are_named_under_the_table(run: Run) -> None:
    out = run("salary", "director", "--country", "au").out
    after = out[out.rindex("└") :]
    assert "Sources:" in after
    assert "[21] Digital Marketing Average Salary 2025 | CV-Library" in after


def test_years_go_with_the_level(run: Run) -> None:
    out = run("salary", "digital-marketing-manager", "-c", "uk").out
    assert "Mid-level (3-5 yrs)" in out and "Senior-level (5+ yrs)" in out


def test_comparison_orders_and_aligns_levels(run: Run) -> None:
    result = run("salary", "seo", "director", "ppc", "--country", "us")
    assert result.code == 0
    body = [line for line in result.out.splitlines() if line.startswith("│")]
    # Every row shares the same column borders: ranges and bars line up.
    assert len({tuple(m.start() for m in re.finditer("│", line)) for line in body}) == 1
    cells = [tuple(cell.strip() for cell in line.split("│")[1:3]) for line in body]
    roles = ["➜ SEO Specialist", "◆ Marketing Director", "➜ PPC Specialist"]
    assert cells == [
        ("Entry-level", ""),
        *zip(roles, ["$55,000 – $70,000", "–", "$58,000 – $75,000"], strict=True),
        ("Mid-level", ""),
        *zip(roles, ["$70,000 – $95,000", "–", "$75,000 – $100,000"], strict=True),
        ("Senior-level", ""),
        ("➜ SEO Specialist", "$95,000 – $125,000+"),
        ("◆ Marketing Director (7-10+ yrs)", "$140,000 – $190,000"),
        ("➜ PPC Specialist", "$100,000 – $135,000+"),
        ("Executive-level", ""),
        *zip(roles, ["–", "$190,000 – $250,000+", "–"], strict=True),
    ]
    # A gap is explained once, under the table.
    after = result.out[result.out.rindex("└") :]
    assert after.count("– : no salary data in the sources for that level") == 1


def test_comparison_uses_one_scale_per_country(run: Run) -> None:
    out = run("salary", "seo", "cmo", "-c", "us", "-c", "uk").out
    assert out.index("United States (USD)") < out.index("United Kingdom (GBP)")
    uk = out[out.index("United Kingdom (GBP)") :]
    us = out[: out.index("United Kingdom (GBP)")]
    assert "£" not in us and "$" not in uk
    assert "$300,000" in us.splitlines()[2] and "£180,000" in uk.splitlines()[2]


def test_no_line_is_wider_than_80(run: Run) -> None:
    cases = [(role,) for role in ALL_ROLES]
    cases += [tuple(ALL_ROLES), ("seo", "ppc", "cro", "-c", "us")]
    for args in cases:
        result = run("salary", *args)
        assert result.code == 0, (args, result.err)
        widest = max(len(line) for line in result.out.splitlines())
        assert widest <= 80, (args, widest)
        assert "\x1b" not in result.out, args


def test_bar_draws_min_to_max_with_an_open_top(catalog: Catalog) -> None:
    def bar(level: str) -> str:
        pay = catalog.pay_at("seo-specialist", "uk", level)
        assert pay is not None
        return Bar(pay, 70000, "blue").text(15).plain

    # 14 cells of scale = 28 half cells: min 50,000 → 20 halves, max 70,000 → 28.
    assert bar("senior") == "·" * 10 + "█" * 4 + "+"
    # £30,000 → 12 halves, £38,000 → 15.2 → 15: one full cell, then a left half.
    assert bar("entry") == "·" * 6 + "█▌"
    # £38,000 → 15.2 → 15 halves (starts on a right half), £50,000 → 20.
    assert bar("mid") == "·" * 7 + "▐██"


# --- filters, aliases, missing data, errors ---------------------------------------------


@pytest.mark.parametrize(
    ("country", "level"),
    [("gb", "junior"), ("United Kingdom", "entry level"), ("UK", "Entry-level"), ("brit", "ent")],
)
def test_filters_accept_every_known_term(run: Run, country: str, level: str) -> None:
    records = json.loads(
        run("salary", "seo", "--country", country, "--level", level, "-f", "json").out
    )
    assert [(r["country"], r["level"], r["min"]) for r in records] == [("uk", "entry", 30000)]


def test_level_filter_repeats(run: Run) -> None:
    records = json.loads(
        run("salary", "ppc", "--level", "senior", "--level", "mid", "-f", "json").out
    )
    assert [(r["country"], r["level"]) for r in records] == [
        (country, level) for country in ("us", "ca", "uk", "au") for level in ("mid", "senior")
    ]
    out = run("salary", "ppc", "--level", "mid", "-c", "us").out
    assert "Mid-level" in out and "Entry-level" not in out and "Senior-level" not in out


def test_a_role_without_data_says_so_beside_the_others(run: Run) -> None:
    result = run("salary", "seo", "marketer", "-c", "uk")
    assert result.code == 0
    assert "Digital Marketer: no salary data in the sources." in result.out
    assert "£30,000 – £38,000" in result.out
    as_json = run("salary", "seo", "marketer", "-c", "uk", "-f", "json")
    assert {r["role"] for r in json.loads(as_json.out)} == {"seo-specialist"}
    assert "Digital Marketer: no salary data in the sources." in as_json.err


def test_a_level_the_role_lacks_names_what_it_has(run: Run) -> None:
    result = run("salary", "cmo", "--level", "entry")
    assert result.code == 0
    said = " ".join(result.out.split())  # the note wraps at 80 columns
    assert said == (
        "Chief Marketing Officer (CMO): no salary data in the sources for the chosen level "
        "or country (the sources cover: Executive-level)."
    )


def test_when_no_role_has_data_it_is_not_an_error(run: Run) -> None:
    for role in ["digital-marketer", "digital-media-strategist", "project-manager"]:
        table = run("salary", role)
        assert table.code == 0, role
        assert table.out.strip().endswith(": no salary data in the sources."), role
        as_json = run("salary", role, "-f", "json")
        assert (as_json.code, json.loads(as_json.out)) == (0, []), role
        as_csv = run("salary", role, "-f", "csv")
        assert (as_csv.code, as_csv.out) == (0, ",".join(RECORD_COLUMNS) + "\n"), role


@pytest.mark.parametrize(
    ("args", "wanted"),
    [
        (("seoo",), "did you mean 'seo-specialist'"),
        (("seo", "--country", "ukk"), "did you mean 'uk'"),
        (("seo", "--level", "senoir"), "did you mean 'senior'"),
        (("seo", "--country", "france"), "us, ca, uk, au"),
    ],
)
def test_unknown_terms_exit_2_with_a_suggestion(
    run: Run, args: tuple[str, ...], wanted: str
) -> None:
    result = run("salary", *args)
    assert result.code == 2
    assert result.out == ""
    assert wanted in result.err


def test_a_role_is_required(run: Run) -> None:
    result = run("salary")
    assert result.code == 2
    assert (
        "Error: ecocareer salary needs ROLE..., e.g. ecocareer salary seo --country uk\n"
        in result.err
    )


def test_markdown_has_a_table_per_country_and_the_sources(run: Run) -> None:
    out = run("salary", "seo", "marketer", "-c", "uk", "-f", "markdown").out
    assert out.startswith("# Salaries: SEO Specialist\n")
    assert "## United Kingdom (GBP)" in out and "## United States" not in out
    assert "| Senior-level | SEO Specialist | – | £50,000 – £70,000+ |" in out
    assert "- [9] www.ucd.ie" in out
    assert "Digital Marketer: no salary data in the sources." in out


def test_a_layer_named_for_a_role_lists_the_layers_roles(run: Run) -> None:
    result = run("salary", "distributors")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "Usage error: 'distributors' is a layer, not a role; the Distributors roles are "
        "seo-specialist, social-media-manager, email-marketing-manager, ppc-specialist, "
        "digital-marketer. See them all with `ecocareer roles`.\n"
    )
