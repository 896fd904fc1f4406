"""The bundled data holds exactly what the seeds give: 18 roles, 164 bands, every figure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import SHARED
from seed_tables import CITATION_SOURCES, seed_bands

import ecocareer
from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir

ROLE_LAYERS = {
    "content-strategist": "producers",
    "copywriter": "producers",
    "graphic-designer": "producers",
    "ux-ui-designer": "producers",
    "seo-specialist": "distributors",
    "social-media-manager": "distributors",
    "email-marketing-manager": "distributors",
    "ppc-specialist": "distributors",
    "cro-specialist": "converters",
    "marketing-analytics-specialist": "converters",
    "growth-marketer": "converters",
    "community-manager": "converters",
    "digital-marketing-manager": "architects",
    "digital-marketing-project-manager": "architects",
    "marketing-director": "architects",
    "cmo": "architects",
    "digital-media-strategist": "architects",
    "digital-marketer": "distributors",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_data_dir())


def test_the_installed_package_ships_its_data() -> None:
    package = Path(ecocareer.__file__).parent
    if (package.parent.parent / "pyproject.toml").exists():
        pytest.skip(
            "checks an installed copy (pip install .); this run uses the source tree "
            "(pip install -e .), where the data is read from ./data"
        )
    assert bundled_data_dir() == package / "data"
    assert {p.name for p in (package / "data").iterdir()} >= {
        "roles.yaml",
        "salaries.yaml",
        "sources.yaml",
    }


def test_every_role_of_the_brief_is_present_in_its_layer(catalog: Catalog) -> None:
    assert {role.id: role.layer for role in catalog.roles} == ROLE_LAYERS
    assert catalog.role("digital-marketer").spans == ("producers", "converters")


def test_there_are_164_bands_for_15_roles(catalog: Catalog) -> None:
    assert len(catalog.bands) == 164
    assert len({band.role for band in catalog.bands}) == 15


def test_roles_without_salary_in_the_sources_have_no_band(catalog: Catalog) -> None:
    for role in [
        "digital-marketing-project-manager",
        "digital-media-strategist",
        "digital-marketer",
    ]:
        assert catalog.bands_for(role) == (), role
        assert not catalog.has_pay(role), role


# (role, country, level): (currency, min, max, open-ended, years), as seed 000 prints them.
SPOT_CHECKS = {
    ("content-strategist", "us", "entry"): ("USD", 45_000, 65_000, False, None),
    ("copywriter", "ca", "senior"): ("CAD", 85_000, 110_000, True, None),
    ("seo-specialist", "uk", "entry"): ("GBP", 30_000, 38_000, False, None),
    ("ppc-specialist", "au", "senior"): ("AUD", 130_000, 170_000, True, None),
    ("marketing-analytics-specialist", "uk", "mid"): ("GBP", 50_000, 65_000, False, None),
    ("digital-marketing-manager", "us", "mid"): ("USD", 85_000, 115_000, False, "3-5 yrs"),
    ("digital-marketing-manager", "au", "senior"): ("AUD", 130_000, 160_000, True, "5+ yrs"),
    ("marketing-director", "ca", "senior"): ("CAD", 115_000, 150_000, False, "7-10+ yrs"),
    ("marketing-director", "uk", "executive"): ("GBP", 100_000, 140_000, True, None),
    ("cmo", "us", "executive"): ("USD", 200_000, 300_000, True, None),
}


def test_the_console_script_gives_the_seeds_figures() -> None:
    """The one run through the installed `ecocareer` script: spot checks across the data.

    Every other figure is checked in-process, against the seed tables.
    """
    script = Path(sys.executable).with_name("ecocareer")
    roles = list(dict.fromkeys(role for role, _, _ in SPOT_CHECKS))
    result = subprocess.run(
        [script, "salary", *roles, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    records = {(r["role"], r["country"], r["level"]): r for r in json.loads(result.stdout)}
    shown = {
        key: tuple(
            records[key][field] for field in ("currency", "min", "max", "open_ended", "years")
        )
        for key in SPOT_CHECKS
        if key in records
    }
    assert shown == SPOT_CHECKS


def test_every_band_matches_the_seed_table(catalog: Catalog) -> None:
    seed = seed_bands(SHARED)
    if not seed:
        pytest.skip(
            "compares the data with the source guide's salary tables, which only the "
            "project's own CI has (../shared/seeds); your copy of the data is unchanged"
        )
    assert len(seed) == 164
    data = {(b.role, b.country, b.level): b for b in catalog.bands}
    for expected in seed:
        band = data.pop((expected.role, expected.country, expected.level), None)
        assert band is not None, f"no band for {expected}"
        assert (band.min, band.max, band.open_ended, band.years) == (
            expected.min,
            expected.max,
            expected.open_ended,
            expected.years,
        ), expected
        assert band.sources == (CITATION_SOURCES[expected.citation],), expected
        assert catalog.country(band.country).currency == expected.currency, expected
    assert data == {}, "bands the seed does not have"


def test_sources_keep_the_guides_works_cited_numbering(catalog: Catalog) -> None:
    numbered = sorted(s.number for s in catalog.sources if s.number is not None)
    assert numbered == list(range(1, 44))
    assert catalog.source("cv-library").number == 21
    assert catalog.source("cv-library").accessed == "2025-08-06"


def test_every_role_can_reach_every_other() -> None:
    """A breadth-first walk over roles.yaml read as plain YAML: every role reaches every other."""
    document = yaml.safe_load((bundled_data_dir() / "roles.yaml").read_text(encoding="utf-8"))
    links = {
        role["id"]: [link["role"] for link in role.get("leads_to", [])]
        for role in document["roles"]
    }
    assert set(links) == set(ROLE_LAYERS)
    for start in links:
        seen, frontier = {start}, [start]
        while frontier:
            for target in links[frontier.pop()]:
                if target not in seen:
                    seen.add(target)
                    frontier.append(target)
        assert seen == set(ROLE_LAYERS), start
