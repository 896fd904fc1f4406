"""Team diagnosis: layer cover, headcount, the failure-mode findings, thin cover, the verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run

from ecocareer.catalog.index import Catalog
from ecocareer.diagnose import (
    ThinCover,
    UnevenHeadcount,
    combine,
    diagnose,
    team_from_args,
)
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir

FULL_TEAM = ["copywriter", "seo", "cro", "marketing-manager"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_data_dir())


def findings(catalog: Catalog, *terms: str) -> list[str]:
    result = diagnose(catalog, team_from_args(catalog, list(terms)))
    return [finding.mode.id for finding in result.findings]


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
    for mode in catalog.failure_modes:
        for layer_id in mode.present_any:
            trigger = next(r for r in catalog.roles_in(layer_id) if not r.is_generalist)
            assert mode.id in findings(catalog, trigger.id), (mode.id, layer_id)
            for closer in catalog.roles_in(mode.missing):
                assert mode.id not in findings(catalog, trigger.id, closer.id), closer.id


def test_a_full_team_is_healthy_with_no_findings_or_notes(catalog: Catalog) -> None:
    result = diagnose(catalog, team_from_args(catalog, FULL_TEAM))
    assert (result.verdict, result.findings, result.notes, result.missing) == (
        "healthy",
        (),
        (),
        (),
    )
    assert {entry.layer.id: entry.count for entry in result.cover} == dict.fromkeys(
        ["producers", "distributors", "converters", "architects"], 1
    )


def test_an_architect_alone_has_no_finding_but_is_at_risk(catalog: Catalog) -> None:
    result = diagnose(catalog, team_from_args(catalog, ["cmo"]))
    assert result.verdict == "at-risk"
    assert [layer.id for layer in result.missing] == ["producers", "distributors", "converters"]


def test_headcount_from_repeated_roles(catalog: Catalog) -> None:
    team = team_from_args(catalog, ["seo", "seo", "SEO Specialist", "copywriter"])
    assert team == {"seo-specialist": 3, "copywriter": 1}
    result = diagnose(catalog, team)
    assert result.headcount == 4
    assert {entry.layer.id: entry.count for entry in result.cover}["distributors"] == 3


def test_headcounts_add_up(catalog: Catalog) -> None:
    assert combine({"seo-specialist": 1}, {"seo-specialist": 2, "copywriter": 1}) == {
        "seo-specialist": 3,
        "copywriter": 1,
    }


def test_a_generalist_counts_in_every_layer_it_spans_as_thin_cover(catalog: Catalog) -> None:
    marketer = catalog.role("digital-marketer")
    result = diagnose(catalog, {"digital-marketer": 2})
    spanned = {marketer.layer, *marketer.spans}
    for entry in result.cover:
        assert entry.count == (2 if entry.layer.id in spanned else 0)
        assert entry.thin is (entry.layer.id in spanned)
    assert [finding.mode.id for finding in result.findings] == ["siloed-campaign"]
    assert result.notes == (
        ThinCover(
            tuple(entry.layer for entry in result.cover if entry.thin),
            tuple(member for member in result.team),
        ),
    )


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


def test_closing_roles_are_the_missing_layer_cheapest_first(catalog: Catalog) -> None:
    result = diagnose(catalog, team_from_args(catalog, ["copywriter"]))
    for finding in result.findings:
        closing = finding.closing
        assert {item.role for item in closing} == set(catalog.roles_in(finding.missing.id))
        priced = [item for item in closing if item.band is not None]
        assert closing[: len(priced)] == tuple(priced)
        mins = [item.band.min for item in priced if item.band]
        assert mins == sorted(mins)
        for item in closing:
            us_bands = catalog.bands_for(item.role.id, "us")
            if item.band is None:
                assert us_bands == ()
            else:
                assert item.band.min == min(band.min for band in us_bands)
                assert item.band.country == "us"


# --- the command ----------------------------------------------------------------


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "team.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


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
    assert leaky["missing_layer"] == "converters"
    assert leaky["closing_roles"][0] == "community-manager"
    assert leaky["closing_salaries"]["community-manager"]["min"] == 55000
    siloed = data["findings"][1]
    assert siloed["closing_roles"][-2:] == [
        "digital-marketing-project-manager",
        "digital-media-strategist",
    ]
    assert siloed["closing_salaries"]["digital-media-strategist"] is None
    assert data["verdict"] == "at-risk"
    assert data["notes"] == []


def test_json_of_a_healthy_team(run: Run) -> None:
    data = json.loads(run("diagnose", *FULL_TEAM, "-f", "json").out)
    assert (data["verdict"], data["findings"], data["missing_layers"]) == ("healthy", [], [])


def test_team_file_adds_to_the_arguments(run: Run, tmp_path: Path) -> None:
    team = write(tmp_path, "team:\n  seo: 2\n  copywriter: 1\n")
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
    result = run("diagnose", "--team-file", write(tmp_path, text))
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
        (["seo", "-f", "csv"], "no csv output"),
        (["--team-file", "missing.yaml"], "missing.yaml: file not found"),
    ],
)
def test_usage_errors_exit_2(run: Run, args: list[str], what: str) -> None:
    result = run("diagnose", *args)
    assert (result.code, result.out) == (2, "")
    assert what in " ".join(result.err.split())


@pytest.mark.parametrize(
    "team",
    [["copywriter"], ["seo", "seo", "seo", "ppc", "cro", "cmo", "copywriter"], ["marketer"]],
)
def test_table_view_fits_80_columns(run: Run, team: list[str]) -> None:
    result = run("diagnose", *team)
    assert result.code == 0
    assert max(len(line) for line in result.out.splitlines()) <= 80
    assert "\x1b" not in result.out


def test_table_view_names_findings_and_closers(run: Run) -> None:
    out = run("diagnose", "seo", "seo", "copywriter").out
    assert "Team of 3 people: Copywriter ×1, SEO Specialist ×2" in out
    assert "Finding: The Leaky Bucket (leaky-bucket)" in out
    assert "Community Manager, from $55,000 (Entry-level, United States)" in out
    assert "Digital Media Strategist (no salary data in the sources)" in out
    assert "At risk: nobody covers Converters & Nurturers and Architects." in " ".join(out.split())


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
