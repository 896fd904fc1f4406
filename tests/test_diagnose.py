"""Team diagnosis: layer cover, headcount, the failure-mode findings, thin cover, the verdict
(domain); then role arguments and team files, and `ecocareer diagnose` in every format.

Expected findings follow PRODUCT.md's rules team by team; pay comes from data/salaries.yaml
and the guide's closers (`failure_modes[].closed_by`) from data/roles.yaml, both read as
plain YAML.
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
from ecocareer.diagnose import ThinCover, ThinCraft, UnevenHeadcount, diagnose
from ecocareer.errors import UnknownTerm, UsageError

DATA = Path(__file__).resolve().parents[1] / "data"
# Every layer covered, and the Producers by both of their crafts (a writer and a
# designer): with only one of them the team would get a thin-craft note.
FULL_TEAM = ["copywriter", "graphic-designer", "seo", "cro", "marketing-manager"]
# The same team with a writer but no designer.
WORDS_ONLY_TEAM = ["copywriter", "seo", "cro", "marketing-manager"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_data_dir())


@pytest.fixture(scope="module")
def bands() -> list[dict[str, Any]]:
    """The salary bands of data/salaries.yaml, not through the loader under test."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = (DATA / "salaries.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=loader)["bands"]


@pytest.fixture(scope="module")
def closers() -> dict[str, list[dict[str, Any]]]:
    """Each failure mode's `closed_by` list in data/roles.yaml, read as plain YAML."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = (DATA / "roles.yaml").read_text(encoding="utf-8")
    return {
        mode["id"]: mode["closed_by"] for mode in yaml.load(text, Loader=loader)["failure_modes"]
    }


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
    assert {entry.layer.id: entry.count for entry in result.cover} == {
        "producers": 2,
        "distributors": 1,
        "converters": 1,
        "architects": 1,
    }


def test_producers_with_one_craft_only_are_noted(catalog: Catalog) -> None:
    # Copywriter and content strategist make the words (copywriting, content-strategy
    # core); graphic and UX/UI designers the visuals (graphic-design, ux-design core).
    cases = [
        (WORDS_ONLY_TEAM, "words", "visuals", [("copywriter", 1)]),
        (
            ["content-strategist", "copywriter", "copywriter", "seo", "cro", "cmo"],
            "words",
            "visuals",
            [("content-strategist", 1), ("copywriter", 2)],
        ),
        (["graphic-designer", "seo", "cro", "cmo"], "visuals", "words", [("graphic-designer", 1)]),
        (["ux", "graphic-designer", "ppc"], "visuals", "words",
         [("graphic-designer", 1), ("ux-ui-designer", 1)]),
    ]  # fmt: skip
    for team, present, missing, members in cases:
        result = diagnose(catalog, team_from_args(catalog, team))
        crafts = [note for note in result.notes if isinstance(note, ThinCraft)]
        assert len(crafts) == 1, team
        (note,) = crafts
        assert (note.layer.id, note.present, note.missing) == ("producers", present, missing)
        assert [(m.role.id, m.count) for m in note.members] == members, team
    # Still healthy: the note is something to watch, not a missing layer.
    assert diagnose(catalog, team_from_args(catalog, WORDS_ONLY_TEAM)).verdict == "healthy"


def test_both_crafts_or_none_gives_no_craft_note(catalog: Catalog) -> None:
    for team in (
        FULL_TEAM,
        ["content-strategist", "ux", "cmo"],
        # The generalist's core skills include neither craft: its thin cover is noted
        # instead, and no craft is present to be lopsided.
        ["marketer", "cmo"],
        ["seo", "cro"],  # no Producers at all: a finding, not a craft note
    ):
        result = diagnose(catalog, team_from_args(catalog, team))
        assert not any(isinstance(note, ThinCraft) for note in result.notes), team


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
    # FULL_TEAM and one more SEO: 2, 2, 1, 1 people; the largest is under three.
    even = diagnose(catalog, team_from_args(catalog, [*FULL_TEAM, "seo"]))
    assert even.notes == ()
    # Two more distributors: 2, 3, 1, 1; three is three times the smallest layer (the
    # first of the two one-person layers in flow order, the Converters).
    uneven = diagnose(catalog, team_from_args(catalog, [*FULL_TEAM, "seo", "ppc"]))
    assert len(uneven.notes) == 1
    note = uneven.notes[0]
    assert isinstance(note, UnevenHeadcount)
    assert (note.largest.layer.id, note.largest.count) == ("distributors", 3)
    assert (note.smallest.layer.id, note.smallest.count) == ("converters", 1)
    assert uneven.verdict == "healthy"


def expected_closing(
    bands: list[dict[str, Any]],
    closers: dict[str, list[dict[str, Any]]],
    mode_id: str,
    layer_id: str,
    country: str,
) -> list[tuple[str, tuple[str, int] | None]]:
    """The guide's closers in its order, then the layer's other roles cheapest first by their
    lowest band in the country (ties keep data order), then those without pay."""

    def cheapest(role_id: str) -> tuple[str, int] | None:
        here = [b for b in bands if (b["role"], b["country"]) == (role_id, country)]
        band = min(here, key=lambda b: b["min"], default=None)
        return (band["level"], band["min"]) if band else None

    named = [closer["role"] for closer in closers[mode_id]]
    rest = [(r, cheapest(r)) for r in ROLES_BY_LAYER[layer_id] if r not in named]
    rest.sort(key=lambda item: (item[1] is None, item[1][1] if item[1] else 0))
    return [(r, cheapest(r)) for r in named] + rest


def test_closing_roles_are_the_guides_then_the_missing_layer_cheapest_first(
    catalog: Catalog, bands: list[dict[str, Any]], closers: dict[str, list[dict[str, Any]]]
) -> None:
    for country in ("us", "uk"):
        result = diagnose(
            catalog, team_from_args(catalog, ["copywriter"]), None if country == "us" else country
        )
        assert result.country.id == country
        assert [finding.missing.id for finding in result.findings] == [
            "distributors",
            "converters",
            "architects",
        ]
        for finding in result.findings:
            expected = expected_closing(
                bands, closers, finding.mode.id, finding.missing.id, country
            )
            closing = [
                (item.role.id, (item.pay.level.id, item.pay.band.min) if item.pay else None)
                for item in finding.closing
            ]
            assert closing == expected, (country, finding.mode.id)
            assert all(item.pay.country.id == country for item in finding.closing if item.pay)
            # The guide's closers carry its reason and sources; the others none.
            reasons = {c["role"]: (c["why"], c["sources"]) for c in closers[finding.mode.id]}
            assert {
                item.role.id: (item.why.why, list(item.why.sources))
                for item in finding.closing
                if item.why
            } == reasons, finding.mode.id


def test_the_guides_closers_come_first_by_hand(catalog: Catalog) -> None:
    # roles.yaml closed_by: leaky-bucket names the analytics specialist, then CRO; then
    # the other converters by lowest US band: community manager $55,000, growth
    # marketer $60,000.
    (leaky, _siloed) = diagnose(catalog, {"copywriter": 1, "seo-specialist": 1}).findings
    assert [(item.role.id, item.pay.band.min, item.why is not None) for item in leaky.closing] == [
        ("marketing-analytics-specialist", 65000, True),
        ("cro-specialist", 60000, True),
        ("community-manager", 55000, False),
        ("growth-marketer", 60000, False),
    ]
    # In the uk, producers-dilemma: SEO (£30,000) and PPC (£32,000) as the guide
    # names them, then social media (£26,000), email (£30,000), the marketer (no pay).
    (dilemma, *_) = diagnose(catalog, {"copywriter": 1}, "uk").findings
    assert [
        (item.role.id, item.pay.band.min if item.pay else None) for item in dilemma.closing
    ] == [
        ("seo-specialist", 30000),
        ("ppc-specialist", 32000),
        ("social-media-manager", 26000),
        ("email-marketing-manager", 30000),
        ("digital-marketer", None),
    ]


def test_architects_close_the_siloed_campaign_in_a_known_order(catalog: Catalog) -> None:
    # roles.yaml closed_by: manager, project manager (no pay, but named), director;
    # then the CMO (priced), then the strategist (no pay).
    (siloed,) = diagnose(catalog, {"cro-specialist": 1}).findings
    assert [
        (item.role.id, item.pay.band.min if item.pay else None, item.why is not None)
        for item in siloed.closing
    ] == [
        ("digital-marketing-manager", 85000, True),
        ("digital-marketing-project-manager", None, True),
        ("marketing-director", 140000, True),
        ("cmo", 200000, False),
        ("digital-media-strategist", None, False),
    ]
    assert [list(item.why.sources) for item in siloed.closing[:3] if item.why] == [
        ["ecosystem-guide", "sandiego"]
    ] * 3


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
    assert leaky["closing_roles"] == [
        "marketing-analytics-specialist",
        "cro-specialist",
        "community-manager",
        "growth-marketer",
    ]
    assert list(leaky["closing_reasons"]) == ["marketing-analytics-specialist", "cro-specialist"]
    assert leaky["closing_reasons"]["cro-specialist"].startswith(
        "The guide says that without a CRO specialist improving the route to purchase"
    )
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
        "as_of": "2025",
        "notes": [],
    }
    siloed = data["findings"][1]
    assert siloed["closing_roles"] == [
        "digital-marketing-manager",
        "digital-marketing-project-manager",
        "marketing-director",
        "cmo",
        "digital-media-strategist",
    ]
    assert list(siloed["closing_reasons"]) == siloed["closing_roles"][:3]
    assert siloed["closing_salaries"]["digital-marketing-project-manager"] is None
    assert siloed["closing_salaries"]["digital-media-strategist"] is None
    assert data["verdict"] == "at-risk"
    assert data["verdict_message"] == (
        "At risk: nobody covers Converters & Nurturers and Architects. "
        "2 failure modes to guard against."
    )
    # The one producer writes: nobody makes the visuals.
    assert data["notes"] == [
        {
            "kind": "thin-craft",
            "layer": "producers",
            "present": "words",
            "missing": "visuals",
            "roles": ["copywriter"],
            "message": "Thin Producers: only the words are covered (Copywriter ×1); "
            "nobody on the team makes the visuals.",
        }
    ]


def test_json_pay_in_the_chosen_country(run: Run) -> None:
    data = json.loads(run("diagnose", "copywriter", "--country", "uk", "-f", "json").out)
    dilemma = data["findings"][0]
    assert dilemma["closing_roles"] == [
        "seo-specialist",
        "ppc-specialist",
        "social-media-manager",
        "email-marketing-manager",
        "digital-marketer",
    ]
    salaries = dilemma["closing_salaries"]
    assert {role: (s["country"], s["currency"], s["min"]) if s else None
            for role, s in salaries.items()} == {
        "seo-specialist": ("uk", "GBP", 30000),
        "ppc-specialist": ("uk", "GBP", 32000),
        "social-media-manager": ("uk", "GBP", 26000),
        "email-marketing-manager": ("uk", "GBP", 30000),
        "digital-marketer": None,
    }  # fmt: skip


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
        (
            ["seo", "-f", "csv"],
            "--format: 'csv' is not a format here; choose table, json or markdown.",
        ),
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
    # The guide tells the story; the name is ours, and the view says so (named_by: ecocareer).
    assert "Finding: The Siloed Campaign (our name for a story the guide tells)" in lines
    assert "Missing layer: ⟳ Converters & Nurturers" in lines
    assert (
        lines.count("Who would close it (the roles the guide names first, then cheapest first):")
        == 2
    )
    flat = " ".join(out.split())
    assert (
        "• Marketing Analytics Specialist, from $65,000 (Entry-level, United States). "
        "The guide's choice: The guide says that without an analytics specialist tracking "
        "which channels bring valuable traffic, the budget is spent blind; it names this "
        "role first among those who stop the leaks. (ecosystem-guide, expertia) "
        "• CRO Specialist, from $60,000 (Entry-level, United States). The guide's choice: "
    ) in flat
    assert (
        "• Community Manager, from $55,000 (Entry-level, United States) "
        "• Growth Marketer, from $60,000 (Entry-level, United States) "
    ) in flat
    assert "• Digital Media Strategist (no salary data in the sources) " in flat
    assert "At risk: nobody covers Converters & Nurturers and Architects." in flat
    assert (
        "Thin Producers: only the words are covered (Copywriter ×1); nobody on the team "
        "makes the visuals."
    ) in flat


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
    assert "Healthy: every layer of the ecosystem has someone in it.\n" in out
    assert "Finding" not in out and "Thin" not in out


def test_table_view_of_one_craft(run: Run) -> None:
    out = run("diagnose", "graphic-designer", "seo", "cro", "cmo").out
    flat = " ".join(out.split())
    assert (
        "Healthy: every layer of the ecosystem has someone in it. A few things to watch: "
        "• Thin Producers: only the visuals are covered (Graphic Designer ×1); nobody on "
        "the team makes the words."
    ) in flat
    markdown = run("diagnose", "graphic-designer", "seo", "cro", "cmo", "-f", "markdown").out
    assert (
        "- Thin Producers: only the visuals are covered (Graphic Designer ×1); nobody on "
        "the team makes the words.\n"
    ) in markdown


def test_markdown_view(run: Run) -> None:
    out = run("diagnose", "marketer", "-f", "markdown").out
    assert out.startswith("# Team diagnosis\n")
    assert "| Producers | 1 thin | Digital Marketer ×1 (generalist) |" in out
    assert (
        "### The Siloed Campaign (our name for a story the guide tells) (`siloed-campaign`)" in out
    )
    assert "**Who would close it (the roles the guide names first, then cheapest first):**" in out
    assert (
        "- Digital Marketing Manager, from $85,000 (Mid-level, United States). The guide's "
        "choice: The guide's cure for this story is an Architect"
    ) in out
    assert (
        "- Chief Marketing Officer (CMO), from $200,000 (Executive-level, United States)\n" in out
    )
