"""Team diagnosis: layer cover, headcount, the failure-mode findings, thin cover, the verdict
(domain); then role arguments and team files, and `ecocareer diagnose` in every format.

Expected findings follow PRODUCT.md's rules team by team; pay comes from data/salaries.yaml
read as plain YAML.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROLES_BY_LAYER, Run

from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.commands.inputs import combine, team_from_args, team_from_file
from ecocareer.diagnose import ThinCover, UnevenHeadcount, diagnose
from ecocareer.errors import UnknownTerm, UsageError

DATA = Path(__file__).resolve().parents[1] / "data"
FULL_TEAM = ["copywriter", "seo", "cro", "marketing-manager"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_data_dir())


@pytest.fixture(scope="module")
def bands() -> list[dict[str, Any]]:
    """The salary bands of data/salaries.yaml, not through the loader under test."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = (DATA / "salaries.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=loader)["bands"]


def findings(catalog: Catalog, *terms: str) -> list[str]:
    result = diagnose(catalog, team_from_args(catalog, list(terms)))
    return [finding.mode.id for finding in result.findings]


# ------------------------------------------------------------------ the rules


# The PRODUCT.md rules, team by team.
@pytest.mark.parametrize(
    ("team", "expected"),
    [
        (["copywriter"], ["producers-dilemma", "leaky-bucket", "siloed-campaign"]),
        (["seo"], ["empty-megaphone", "leaky-bucket", "siloed-campaign"]),
        (["cro"], ["siloed-campaign"]),
        (["copywriter", "seo"], ["leaky-bucket", "siloed-campaign"]),
        (["copywriter", "seo", "cro"], ["siloed-campaign"]),
        (["copywriter", "cro", "cmo"], ["producers-dilemma"]),
        (["seo", "cro", "cmo"], ["empty-megaphone"]),
        (["copywriter", "seo", "cmo"], ["leaky-bucket"]),
        (["ppc", "cmo"], ["empty-megaphone", "leaky-bucket"]),
        (["cmo"], []),
        (FULL_TEAM, []),
    ],
)
def test_findings_follow_the_rules(catalog: Catalog, team: list[str], expected: list[str]) -> None:
    assert findings(catalog, *team) == expected


def test_every_failure_mode_fires_and_is_closed_by_its_missing_layer(catalog: Catalog) -> None:
    triggers = {
        "producers-dilemma": ["producers"],
        "empty-megaphone": ["distributors"],
        "leaky-bucket": ["producers", "distributors"],
        "siloed-campaign": ["producers", "distributors", "converters"],
    }
    missing = {
        "producers-dilemma": "distributors",
        "empty-megaphone": "producers",
        "leaky-bucket": "converters",
        "siloed-campaign": "architects",
    }
    for mode_id, layers in triggers.items():
        for layer_id in layers:
            trigger = ROLES_BY_LAYER[layer_id][0]  # a specialist: the generalist comes last
            assert mode_id in findings(catalog, trigger), (mode_id, trigger)
            for closer in ROLES_BY_LAYER[missing[mode_id]]:
                assert mode_id not in findings(catalog, trigger, closer), (mode_id, closer)


def test_a_finding_names_the_present_and_missing_layers(catalog: Catalog) -> None:
    result = diagnose(catalog, team_from_args(catalog, ["copywriter", "cro"]))
    dilemma, siloed = result.findings
    assert dilemma.mode.id == "producers-dilemma"
    assert [layer.id for layer in dilemma.present] == ["producers"]
    assert dilemma.missing.id == "distributors"
    assert siloed.mode.id == "siloed-campaign"
    assert [layer.id for layer in siloed.present] == ["producers", "converters"]
    assert siloed.missing.id == "architects"


def test_a_full_team_is_healthy_with_no_findings_or_notes(catalog: Catalog) -> None:
    result = diagnose(catalog, team_from_args(catalog, FULL_TEAM))
    assert (result.verdict, result.findings, result.notes, result.missing) == (
        "healthy",
        (),
        (),
        (),
    )
    assert {entry.layer.id: entry.count for entry in result.cover} == dict.fromkeys(
        ROLES_BY_LAYER, 1
    )


def test_an_architect_alone_has_no_finding_but_is_at_risk(catalog: Catalog) -> None:
    result = diagnose(catalog, team_from_args(catalog, ["cmo"]))
    assert result.verdict == "at-risk"
    assert [layer.id for layer in result.missing] == ["producers", "distributors", "converters"]


def test_headcount_by_role(catalog: Catalog) -> None:
    result = diagnose(catalog, {"seo-specialist": 3, "copywriter": 1})
    assert result.headcount == 4
    assert [(member.role.id, member.count) for member in result.team] == [
        ("copywriter", 1),
        ("seo-specialist", 3),
    ]
    assert {entry.layer.id: entry.count for entry in result.cover}["distributors"] == 3


def test_a_generalist_counts_in_every_layer_it_spans_as_thin_cover(catalog: Catalog) -> None:
    result = diagnose(catalog, {"digital-marketer": 2})
    spanned = {"distributors", "producers", "converters"}
    for entry in result.cover:
        assert entry.count == (2 if entry.layer.id in spanned else 0), entry.layer.id
        assert entry.thin is (entry.layer.id in spanned), entry.layer.id
    assert [finding.mode.id for finding in result.findings] == ["siloed-campaign"]
    assert len(result.notes) == 1
    note = result.notes[0]
    assert isinstance(note, ThinCover)
    assert [layer.id for layer in note.layers] == ["producers", "distributors", "converters"]
    assert [(member.role.id, member.count) for member in note.generalists] == [
        ("digital-marketer", 2)
    ]


def test_a_specialist_beside_the_generalist_makes_the_layer_solid(catalog: Catalog) -> None:
    result = diagnose(catalog, team_from_args(catalog, ["marketer", "copywriter", "cmo"]))
    thin = {entry.layer.id: entry.thin for entry in result.cover}
    assert thin == {
        "producers": False,
        "distributors": True,
        "converters": True,
        "architects": False,
    }
    assert result.verdict == "healthy"


def test_uneven_headcount_is_noted(catalog: Catalog) -> None:
    even = diagnose(catalog, team_from_args(catalog, [*FULL_TEAM, "seo"]))
    assert even.notes == ()
    uneven = diagnose(catalog, team_from_args(catalog, [*FULL_TEAM, "seo", "ppc"]))
    assert len(uneven.notes) == 1
    note = uneven.notes[0]
    assert isinstance(note, UnevenHeadcount)
    assert (note.largest.layer.id, note.largest.count) == ("distributors", 3)
    assert (note.smallest.layer.id, note.smallest.count) == ("producers", 1)
    assert uneven.verdict == "healthy"


def test_closing_roles_are_the_missing_layer_cheapest_first_in_the_us(
    catalog: Catalog, bands: list[dict[str, Any]]
) -> None:
    result = diagnose(catalog, team_from_args(catalog, ["copywriter"]))
    assert result.salary_country.id == "us"
    assert [finding.missing.id for finding in result.findings] == [
        "distributors",
        "converters",
        "architects",
    ]
    for finding in result.findings:
        expected = []
        for role_id in ROLES_BY_LAYER[finding.missing.id]:
            us = [band for band in bands if (band["role"], band["country"]) == (role_id, "us")]
            cheapest = min(us, key=lambda band: band["min"], default=None)
            expected.append((role_id, (cheapest["level"], cheapest["min"]) if cheapest else None))
        # priced roles by their lowest band (ties keep data order), then the unpriced ones
        expected.sort(key=lambda item: (item[1] is None, item[1][1] if item[1] else 0))
        closing = [
            (item.role.id, (item.pay.level.id, item.pay.band.min) if item.pay else None)
            for item in finding.closing
        ]
        assert closing == expected, finding.mode.id
        assert all(item.pay.country.id == "us" for item in finding.closing if item.pay)


def test_architects_close_the_siloed_campaign_in_a_known_order(catalog: Catalog) -> None:
    (siloed,) = diagnose(catalog, {"cro-specialist": 1}).findings
    assert [(item.role.id, item.pay.band.min if item.pay else None) for item in siloed.closing] == [
        ("digital-marketing-manager", 85000),
        ("marketing-director", 140000),
        ("cmo", 200000),
        ("digital-marketing-project-manager", None),
        ("digital-media-strategist", None),
    ]


# ------------------------------------------------------------------ role arguments and team files


def test_repeated_role_arguments_are_headcount(catalog: Catalog) -> None:
    team = team_from_args(catalog, ["seo", "seo", "SEO Specialist", "copywriter"])
    assert team == {"seo-specialist": 3, "copywriter": 1}


def test_an_unknown_role_argument_is_an_unknown_role(catalog: Catalog) -> None:
    with pytest.raises(UnknownTerm, match="did you mean 'seo") as raised:
        team_from_args(catalog, ["seo", "sxo"])
    assert raised.value.kind == "role"


def test_headcounts_add_up() -> None:
    assert combine({"seo-specialist": 1}, {"seo-specialist": 2, "copywriter": 1}) == {
        "seo-specialist": 3,
        "copywriter": 1,
    }
    assert combine() == {}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "team.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_team_file_resolves_terms_to_headcount(catalog: Catalog, tmp_path: Path) -> None:
    path = write(tmp_path, "team:\n  seo: 2\n  Copywriter: 1\n  vp-marketing: 1\n")
    assert team_from_file(catalog, path) == {"seo-specialist": 2, "copywriter": 1, "cmo": 1}


def test_team_file_problems_are_usage_errors_naming_the_line(
    catalog: Catalog, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match=r"team\.yaml:3: .*not a positive whole number"):
        team_from_file(catalog, write(tmp_path, "team:\n  seo: 2\n  copywriter: 0\n"))


# ------------------------------------------------------------------ the command


def test_json_shape(run: Run) -> None:
    result = run("diagnose", "seo", "seo", "copywriter", "-f", "json")
    assert (result.code, result.err) == (0, "")
    data = json.loads(result.out)
    assert data["team"] == {"copywriter": 1, "seo-specialist": 2}
    assert data["headcount"] == 3
    assert data["layers"] == {"producers": 1, "distributors": 2, "converters": 0, "architects": 0}
    assert data["missing_layers"] == ["converters", "architects"]
    assert [f["id"] for f in data["findings"]] == ["leaky-bucket", "siloed-campaign"]
    leaky = data["findings"][0]
    assert leaky["name"] == "The Leaky Bucket"
    assert leaky["present_layers"] == ["producers", "distributors"]
    assert leaky["missing_layer"] == "converters"
    assert leaky["closing_roles"][0] == "community-manager"
    assert leaky["closing_salaries"]["community-manager"] == {
        "role": "community-manager",
        "country": "us",
        "currency": "USD",
        "level": "entry",
        "min": 55000,
        "max": 70000,
        "open_ended": False,
        "years": None,
        "sources": ["ucd"],
    }
    siloed = data["findings"][1]
    assert siloed["closing_roles"][-2:] == [
        "digital-marketing-project-manager",
        "digital-media-strategist",
    ]
    assert siloed["closing_salaries"]["digital-media-strategist"] is None
    assert data["verdict"] == "at-risk"
    assert data["verdict_message"] == (
        "At risk: nobody covers Converters & Nurturers and Architects. "
        "2 failure modes to guard against."
    )
    assert data["notes"] == []


def test_json_of_a_healthy_team(run: Run) -> None:
    data = json.loads(run("diagnose", *FULL_TEAM, "-f", "json").out)
    assert (data["verdict"], data["findings"], data["missing_layers"]) == ("healthy", [], [])


def test_team_file_adds_to_the_arguments(run: Run, tmp_path: Path) -> None:
    team = str(write(tmp_path, "team:\n  seo: 2\n  copywriter: 1\n"))
    alone = json.loads(run("diagnose", "--team-file", team, "-f", "json").out)
    assert alone["team"] == {"copywriter": 1, "seo-specialist": 2}
    both = json.loads(run("diagnose", "seo", "cro", "--team-file", team, "-f", "json").out)
    assert both["team"] == {"copywriter": 1, "seo-specialist": 3, "cro-specialist": 1}
    assert both["headcount"] == 5


def test_thin_cover_in_json(run: Run) -> None:
    data = json.loads(run("diagnose", "marketer", "cmo", "-f", "json").out)
    assert data["verdict"] == "healthy"
    assert data["coverage"]["producers"] == {
        "count": 1,
        "roles": {"digital-marketer": 1},
        "generalists": ["digital-marketer"],
        "thin": True,
    }
    assert [note["kind"] for note in data["notes"]] == ["thin-cover"]
    assert data["notes"][0]["layers"] == ["producers", "distributors", "converters"]


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("team:\n  seo: 2\n  copywriter: 0\n", ":3:", "not a positive whole number"),
        ("team:\n  seo: two\n", ":2:", "not a positive whole number"),
        ("team:\n  seo: true\n", ":2:", "not a positive whole number"),
        ("team:\n  seo: 1.5\n", ":2:", "not a positive whole number"),
        ("team:\n  seo: 20000\n", ":2:", "more than 10,000"),
        ("team:\n  seo: 2\n  copywrter: 1\n", ":3:", "did you mean 'copywriter'"),
        ("team:\n  seo: 1\n  seo-specialist: 2\n", ":3:", "seo-specialist again"),
        ("team: [seo]\n", ":1:", "must map each role"),
        ("teams:\n  seo: 1\n", ":1:", "unknown key 'teams'"),
        ("team:\n  seo: 1\n    x: : y\n", ":3:", "YAML syntax error"),
        ("- seo\n", ":1:", "mapping with a 'team:' key"),
    ],
)
def test_team_file_errors_name_file_and_line(
    run: Run, tmp_path: Path, text: str, where: str, what: str
) -> None:
    result = run("diagnose", "--team-file", str(write(tmp_path, text)))
    assert (result.code, result.out) == (2, "")
    assert "Traceback" not in result.err
    flat = " ".join(result.err.split())
    assert f"team.yaml{where}" in flat
    assert what in flat


@pytest.mark.parametrize(
    ("args", "what"),
    [
        ([], "Name the roles on the team"),
        (["sxo"], "did you mean"),
        (["sxo"], "See them all with `ecocareer roles`."),
        (["seo", "-f", "csv"], "Invalid value for '--format'"),
        (["--team-file", "missing.yaml"], "missing.yaml: file not found"),
    ],
)
def test_usage_errors_exit_2(run: Run, args: list[str], what: str) -> None:
    result = run("diagnose", *args)
    assert (result.code, result.out) == (2, "")
    assert what in " ".join(result.err.split())


def test_table_view_fits_80_columns(run: Run) -> None:
    for team in (["copywriter"], ["seo", "seo", "seo", "ppc", "cro", "cmo", "copywriter"]):
        result = run("diagnose", *team)
        assert result.code == 0, (team, result.err)
        assert max(len(line) for line in result.out.splitlines()) <= 80, team
        assert "\x1b" not in result.out, team


def test_table_view_names_findings_and_closers(run: Run) -> None:
    out = run("diagnose", "seo", "seo", "copywriter").out
    lines = out.splitlines()
    assert "Team of 3 people: Copywriter ×1, SEO Specialist ×2" in out
    assert "Finding: The Leaky Bucket" in lines
    assert "Finding: The Siloed Campaign" in lines
    assert "Missing layer: ⟳ Converters & Nurturers" in lines
    assert "Community Manager, from $55,000 (Entry-level, United States)" in out
    assert "Digital Media Strategist (no salary data in the sources)" in out
    assert "At risk: nobody covers Converters & Nurturers and Architects." in " ".join(out.split())


def test_table_view_of_thin_cover(run: Run) -> None:
    out = run("diagnose", "marketer").out
    flat = " ".join(out.split())
    assert "│ ✎ Producers │ 1 thin │ Digital Marketer ×1 (generalist) │" in flat
    assert (
        "Thin cover: Producers, Distributors and Converters & Nurturers rest only on "
        "Digital Marketer ×1, a generalist spread across several layers."
    ) in flat


def test_table_view_of_a_healthy_team(run: Run) -> None:
    out = run("diagnose", *FULL_TEAM).out
    assert "Healthy: every layer of the ecosystem has someone in it." in out
    assert "Finding" not in out


def test_markdown_view(run: Run) -> None:
    out = run("diagnose", "marketer", "-f", "markdown").out
    assert out.startswith("# Team diagnosis\n")
    assert "| Producers | 1 thin | Digital Marketer ×1 (generalist) |" in out
    assert "### The Siloed Campaign (`siloed-campaign`)" in out
    assert "- Digital Marketing Manager, from $85,000 (Mid-level, United States)" in out
