"""`ecocareer salary`: band selection, every band in every format, tables, comparisons, errors."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections import defaultdict
from typing import Any

import pytest
from conftest import SHARED, Run
from seed_tables import SeedBand, parse_seed_bands, seed_path

from ecocareer.catalog.index import Catalog
from ecocareer.cli import main
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.catalog.models import Band
from ecocareer.render.records import BAND_COLUMNS
from ecocareer.render.salary import Bar
from ecocareer.salary import salary_report

CATALOG = load_catalog(bundled_data_dir())
SEED = seed_path(SHARED)
SEED_BANDS = parse_seed_bands(SEED.read_text(encoding="utf-8")) if SEED.is_file() else []
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason=f"seed 000 not found under {SHARED}")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return CATALOG


def band_id(band: Band) -> str:
    return f"{band.role}-{band.country}-{band.level}"


def expected_record(band: Band) -> dict[str, Any]:
    """The flat band of PRODUCT.md, spelled out from the data rather than from records.py."""
    return {
        "role": band.role,
        "country": band.country,
        "currency": {"us": "USD", "ca": "CAD", "uk": "GBP", "au": "AUD"}[band.country],
        "level": band.level,
        "min": band.min,
        "max": band.max,
        "open_ended": band.open_ended,
        "years": band.years,
        "sources": list(band.sources),
    }


def table_lines(out: str) -> list[str]:
    return out.splitlines()


# --- the domain: which bands, in which order --------------------------------------------


def test_one_role_gives_one_table_per_country_in_level_order(catalog: Catalog) -> None:
    report = salary_report(catalog, ["seo-specialist"])
    assert [table.country.id for table in report.tables] == ["us", "ca", "uk", "au"]
    for table in report.tables:
        assert [row.level.id for row in table.rows] == ["entry", "mid", "senior"]
    assert report.no_data == ()
    assert report.sources == ("ucd",)


def test_levels_run_entry_to_executive_whatever_order_they_are_asked_in(catalog: Catalog) -> None:
    report = salary_report(catalog, ["marketing-director"], ["us"], ["executive", "senior"])
    assert [row.level.id for row in report.tables[0].rows] == ["senior", "executive"]
    assert [band.level for band in report.bands] == ["senior", "executive"]


def test_countries_keep_the_order_asked_for(catalog: Catalog) -> None:
    report = salary_report(catalog, ["copywriter"], ["uk", "us"])
    assert [table.country.id for table in report.tables] == ["uk", "us"]
    assert [band.country for band in report.bands] == ["uk"] * 3 + ["us"] * 3


def test_comparison_aligns_levels_and_leaves_gaps(catalog: Catalog) -> None:
    report = salary_report(catalog, ["seo-specialist", "marketing-director"], ["us"])
    rows = report.tables[0].rows
    assert [row.level.id for row in rows] == ["entry", "mid", "senior", "executive"]
    cells = [[band.level if band else None for band in row.bands] for row in rows]
    assert cells == [
        ["entry", None],
        ["mid", None],
        ["senior", "senior"],
        [None, "executive"],
    ]


@pytest.mark.parametrize("country", [c.id for c in CATALOG.countries])
def test_each_country_has_its_own_scale(catalog: Catalog, country: str) -> None:
    roles = [role.id for role in catalog.roles]
    report = salary_report(catalog, roles, [country])
    (table,) = report.tables
    assert table.scale_max == max(b.max for b in catalog.bands if b.country == country)
    assert all(b.country == country for row in table.rows for b in row.bands if b)


def test_roles_without_bands_are_reported_apart(catalog: Catalog) -> None:
    report = salary_report(catalog, ["digital-marketer", "seo-specialist", "cmo"], [], ["entry"])
    assert [role.id for role in report.roles] == ["seo-specialist"]
    assert [(item.role.id, [lv.id for lv in item.has_levels]) for item in report.no_data] == [
        ("digital-marketer", []),
        ("cmo", ["executive"]),
    ]
    assert {band.role for band in report.bands} == {"seo-specialist"}


def test_bands_are_role_by_country_by_level(catalog: Catalog) -> None:
    report = salary_report(catalog, ["cro-specialist", "copywriter"], ["au", "ca"])
    keys = [(band.role, band.country, band.level) for band in report.bands]
    assert keys == [
        (role, country, level)
        for role in ("cro-specialist", "copywriter")
        for country in ("au", "ca")
        for level in ("entry", "mid", "senior")
    ]


# --- every band, exactly, in JSON and CSV -----------------------------------------------


def test_the_data_has_164_bands(catalog: Catalog) -> None:
    assert len(catalog.bands) == 164


@pytest.mark.parametrize("band", CATALOG.bands, ids=band_id)
def test_every_band_in_json(run: Run, band: Band) -> None:
    result = run(
        "salary", band.role, "--country", band.country, "--level", band.level, "-f", "json"
    )
    assert result.code == 0, result.err
    assert json.loads(result.out) == [expected_record(band)]


@pytest.fixture(scope="module")
def all_bands_csv() -> dict[tuple[str, str, str], dict[str, str]]:
    """`salary ALL-ROLES -f csv`, run once, by (role, country, level)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exit_:
        main(["salary", *(role.id for role in CATALOG.roles), "-f", "csv"])
    assert exit_.value.code in (0, None)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == len(CATALOG.bands)
    return {(row["role"], row["country"], row["level"]): row for row in rows}


@pytest.mark.parametrize("band", CATALOG.bands, ids=band_id)
def test_every_band_in_csv(
    all_bands_csv: dict[tuple[str, str, str], dict[str, str]], band: Band
) -> None:
    record = expected_record(band)
    assert all_bands_csv[(band.role, band.country, band.level)] == {
        **{key: str(value) for key, value in record.items()},
        "open_ended": "true" if band.open_ended else "false",
        "years": band.years or "",
        "sources": ";".join(band.sources),
    }


def test_json_and_csv_have_the_same_columns(run: Run) -> None:
    records = json.loads(run("salary", "seo", "cmo", "-f", "json").out)
    header = run("salary", "seo", "cmo", "-f", "csv").out.splitlines()[0]
    assert header.split(",") == list(BAND_COLUMNS) == list(records[0])
    assert len(records) == 12 + 4


def test_all_roles_give_all_164_bands(run: Run, catalog: Catalog) -> None:
    records = json.loads(run("salary", *(role.id for role in catalog.roles), "-f", "json").out)
    assert sorted(records, key=str) == sorted(map(expected_record, catalog.bands), key=str)


# --- against seed 000 itself ------------------------------------------------------------


def seed_roles() -> list[str]:
    return list(dict.fromkeys(band.role for band in SEED_BANDS))


@needs_seed
def test_the_seed_has_164_bands() -> None:
    assert len(SEED_BANDS) == 164


@needs_seed
@pytest.mark.parametrize("role", seed_roles())
def test_json_matches_the_seed_tables(run: Run, catalog: Catalog, role: str) -> None:
    records = json.loads(run("salary", role, "-f", "json").out)
    by_key = {(r["role"], r["country"], r["level"]): r for r in records}
    seed = [band for band in SEED_BANDS if band.role == role]
    assert len(records) == len(seed)
    for band in seed:
        record = by_key[(band.role, band.country, band.level)]
        numbers = [catalog.source(source).number for source in record["sources"]]
        symbol = catalog.country(band.country).symbol
        assert (record["min"], record["max"], record["open_ended"], record["years"]) == (
            band.min,
            band.max,
            band.open_ended,
            band.years,
        )
        assert band.citation in numbers
        assert symbol == band.printed[0]


@needs_seed
@pytest.mark.parametrize("role", seed_roles())
def test_tables_print_ranges_as_the_seed_does(run: Run, catalog: Catalog, role: str) -> None:
    table = run("salary", role).out
    markdown = run("salary", role, "-f", "markdown").out
    by_country: dict[str, list[SeedBand]] = defaultdict(list)
    for band in SEED_BANDS:
        if band.role == role:
            by_country[band.country].append(band)
    for country, bands in by_country.items():
        title = f"{catalog.country(country).name} ({catalog.country(country).currency})"
        section = table[table.index(title) :]
        for band in bands:
            level = catalog.level(band.level).name
            label = f"{level} ({band.years})" if band.years else level
            assert re.search(rf"│ {re.escape(label)} +│ {re.escape(band.printed)} ", section)
            assert f"| {level} |" in markdown and f"| {band.printed} |" in markdown


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
        *zip(roles, ["$55,000 – $70,000", "— no data", "$58,000 – $75,000"], strict=True),
        ("Mid-level", ""),
        *zip(roles, ["$70,000 – $95,000", "— no data", "$75,000 – $100,000"], strict=True),
        ("Senior-level", ""),
        ("➜ SEO Specialist", "$95,000 – $125,000+"),
        ("◆ Marketing Director", "$140,000 – $190,000"),
        ("(7-10+ yrs)", ""),
        ("➜ PPC Specialist", "$100,000 – $135,000+"),
        ("Executive-level", ""),
        *zip(roles, ["— no data", "$190,000 – $250,000+", "— no data"], strict=True),
    ]


def test_comparison_uses_one_scale_per_country(run: Run) -> None:
    out = run("salary", "seo", "cmo", "-c", "us", "-c", "uk").out
    assert out.index("United States (USD)") < out.index("United Kingdom (GBP)")
    uk = out[out.index("United Kingdom (GBP)") :]
    us = out[: out.index("United Kingdom (GBP)")]
    assert "£" not in us and "$" not in uk
    assert "$300,000" in us.splitlines()[2] and "£180,000" in uk.splitlines()[2]


@pytest.mark.parametrize(
    "args",
    [(role.id,) for role in CATALOG.roles]
    + [tuple(role.id for role in CATALOG.roles), ("seo", "ppc", "cro", "-c", "us")],
    ids=lambda args: "+".join(args[:3]),
)
def test_no_line_is_wider_than_80(run: Run, args: tuple[str, ...]) -> None:
    result = run("salary", *args)
    assert result.code == 0
    assert max(len(line) for line in result.out.splitlines()) <= 80
    assert "\x1b" not in result.out


def test_bar_draws_min_to_max_with_an_open_top() -> None:
    band = CATALOG.band("seo-specialist", "uk", "senior")
    assert band is not None
    text = Bar(band, 70000, "blue").text(15).plain
    # 14 cells of scale = 28 half cells: min 50,000 → 20 halves, max 70,000 → 28.
    assert text == "·" * 10 + "█" * 4 + "+"
    closed = CATALOG.band("seo-specialist", "uk", "entry")
    assert closed is not None
    # £30,000 → 12 halves, £38,000 → 15.2 → 15: one full cell, then a left half.
    assert Bar(closed, 70000, "blue").text(15).plain == "·" * 6 + "█▌"
    mid = CATALOG.band("seo-specialist", "uk", "mid")
    assert mid is not None
    # £38,000 → 15.2 → 15 halves (starts on a right half), £50,000 → 20.
    assert Bar(mid, 70000, "blue").text(15).plain == "·" * 7 + "▐██"


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
    assert "no salary data in the sources" in result.out
    assert "Executive-level" in result.out


@pytest.mark.parametrize(
    "role", ["digital-marketer", "digital-media-strategist", "project-manager"]
)
def test_when_no_role_has_data_it_is_not_an_error(run: Run, role: str) -> None:
    table = run("salary", role)
    assert table.code == 0
    assert table.out.strip().endswith(": no salary data in the sources.")
    as_json = run("salary", role, "-f", "json")
    assert (as_json.code, json.loads(as_json.out)) == (0, [])
    as_csv = run("salary", role, "-f", "csv")
    assert (as_csv.code, as_csv.out) == (0, ",".join(BAND_COLUMNS) + "\n")


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
    assert run("salary").code == 2


def test_markdown_has_a_table_per_country_and_the_sources(run: Run) -> None:
    out = run("salary", "seo", "marketer", "-c", "uk", "-f", "markdown").out
    assert out.startswith("# Salaries: SEO Specialist\n")
    assert "## United Kingdom (GBP)" in out and "## United States" not in out
    assert "| Senior-level | SEO Specialist | – | £50,000 – £70,000+ |" in out
    assert "- [9] www.ucd.ie" in out
    assert "Digital Marketer: no salary data in the sources." in out
