"""The data claims only what the seeds say, and says it in our own words (issue 15).

These tests read the YAML with PyYAML directly rather than through ecocareer's loader,
so what they expect does not depend on the code they check.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_FILES = ("000_e85d5f40704a3a28.txt", "002_2e1bb6acd00ee32d.txt")

GUIDE = "ecosystem-guide"
ARTICLE = "strategist-vs-marketer"

# The only moves the ecosystem guide itself states (its "Architect's Ascent").
STATED_BY_THE_GUIDE = [
    ("seo-specialist", "digital-marketing-manager"),
    ("digital-marketing-manager", "marketing-director"),
]
# Moves the sources contradict: the article ranks neither the strategist nor the
# digital marketer above the other, and nothing puts the strategist above a director or CMO.
CONTRADICTED = [
    ("marketing-director", "digital-media-strategist"),
    ("cmo", "digital-media-strategist"),
    ("digital-media-strategist", "digital-marketer"),
]
# The works cited that name their publisher after a "|", as the guide prints it.
PUBLISHER_AFTER_BAR = {
    "prospects": "Prospects.ac.uk",
    "cv-library": "CV-Library",
    "uts": "UTS Online",
    "builtin": "Built In",
    "linkedin": "LinkedIn Talent Solutions",
    "payscale": "PayScale",
    "coursera": "Coursera",
}
# A shared run of this many words counts as copied text.
COPY_RUN = 8
# Bibliographic fields quote the works cited exactly, so they are not our own words.
CITATION_FIELDS = {"title", "url", "publisher", "accessed"}


@cache
def load(name: str) -> dict[str, Any]:
    with (DATA / f"{name}.yaml").open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    assert isinstance(document, dict), name
    return document


def roles() -> dict[str, dict[str, Any]]:
    return {role["id"]: role for role in load("roles")["roles"]}


def links() -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (role_id, link["role"]): link
        for role_id, role in roles().items()
        for link in role.get("leads_to", [])
    }


def source_ids() -> set[str]:
    return {source["id"] for source in load("sources")["sources"]}


def test_the_two_links_the_guide_states_are_marked_as_sourced() -> None:
    found = links()
    for move in STATED_BY_THE_GUIDE:
        assert move in found, move
        link = found[move]
        assert link["basis"] == "source", move
        assert GUIDE in link["sources"], move
        assert link["note"].strip(), move


def test_the_three_contradicted_links_are_gone() -> None:
    found = links()
    for move in CONTRADICTED:
        assert move not in found, move


def test_every_link_has_a_basis_and_a_note() -> None:
    for move, link in links().items():
        assert link["basis"] in {"source", "inferred"}, move
        assert isinstance(link.get("note"), str) and link["note"].strip(), move
        if link["basis"] == "source":
            assert link.get("sources"), move


def test_no_role_leads_to_itself() -> None:
    for role_id, role in roles().items():
        assert role_id not in [link["role"] for link in role.get("leads_to", [])], role_id


def test_every_role_reaches_every_other_role() -> None:
    graph = {
        role_id: [link["role"] for link in role.get("leads_to", [])]
        for role_id, role in roles().items()
    }
    assert len(graph) == 18
    unreachable = []
    for start in graph:
        seen, queue = {start}, deque([start])
        while queue:
            for there in graph[queue.popleft()]:
                if there not in seen:
                    seen.add(there)
                    queue.append(there)
        unreachable += [(start, target) for target in graph if target not in seen]
    assert unreachable == []


def test_every_link_goes_to_a_known_role() -> None:
    known = set(roles())
    for (start, target), _ in links().items():
        assert target in known, (start, target)


def test_sourced_links_name_sources_that_exist() -> None:
    known = source_ids()
    for move, link in links().items():
        if link["basis"] == "source":
            assert link["sources"], move
            assert set(link["sources"]) <= known, move


def _source_lists(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "sources" and isinstance(value, list):
                yield (*path, key), value
            else:
                yield from _source_lists(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _source_lists(value, (*path, index))


def test_every_citation_in_roles_and_salaries_names_a_known_source() -> None:
    known = source_ids()
    for name in ("roles", "salaries"):
        for path, cited in _source_lists(load(name), (name,)):
            assert set(cited) <= known, path


def test_salaries_are_dated_2025() -> None:
    assert load("salaries")["as_of"] == "2025"


def test_the_architect_pay_note_applies_to_architect_bands_only() -> None:
    notes = load("salaries")["notes"]
    bonus = [note for note in notes if "bonus" in note["text"].lower()]
    assert len(bonus) == 1
    assert "equity" in bonus[0]["text"].lower()
    assert bonus[0]["layers"] == ["architects"]
    assert GUIDE in bonus[0]["sources"]


def test_the_seven_publishers_named_after_a_bar_are_filled() -> None:
    sources = {source["id"]: source for source in load("sources")["sources"]}
    for source_id, publisher in PUBLISHER_AFTER_BAR.items():
        source = sources[source_id]
        assert source["publisher"] == publisher, source_id
        assert source["title"].rsplit("|", 1)[1].strip() == publisher, source_id
    barred = {sid for sid, source in sources.items() if "|" in source["title"]}
    assert barred == set(PUBLISHER_AFTER_BAR)


def test_the_strategist_and_marketer_comparison_gives_the_articles_three_findings() -> None:
    comparisons = load("roles")["comparisons"]
    assert [c["roles"] for c in comparisons] == [["digital-media-strategist", "digital-marketer"]]
    findings = comparisons[0]["findings"]
    assert len(findings) == 3
    for finding in findings:
        assert ARTICLE in finding["sources"], finding["text"]
    scope, skills, conclusion = (finding["text"].lower() for finding in findings)
    assert "scope" in scope
    assert "expertise" in skills and "skill" in skills
    assert "complement" in conclusion and "distinct" in conclusion


def test_the_guides_four_closing_questions_are_present() -> None:
    questions = load("roles")["career"]["questions"]
    assert len(questions) == 4
    for question in questions:
        assert question["text"].rstrip().endswith("?"), question["text"]
        assert GUIDE in question["sources"], question["text"]
    layered = [q for q in questions if all(w in q["text"] for w in ("Producer", "Architect"))]
    assert len(layered) == 1


def test_the_career_phases_are_the_guides_three() -> None:
    career = load("roles")["career"]
    phases = career["phases"]
    assert [phase["id"] for phase in phases] == ["start-wide", "go-deep", "broaden-again"]
    for phase in phases:
        assert phase["summary"].strip() and phase["advice"].strip(), phase["id"]
        assert GUIDE in phase["sources"], phase["id"]
    assert "salary" in phases[1]["summary"].lower()
    assert len(career["why_a_t"]) >= 3


def test_the_siloed_campaign_is_marked_as_our_name() -> None:
    modes = {mode["id"]: mode for mode in load("roles")["failure_modes"]}
    assert modes["siloed-campaign"]["named_by"] == "ecocareer"
    for mode_id, mode in modes.items():
        if mode_id != "siloed-campaign":
            assert mode.get("named_by", "source") == "source", mode_id


def test_the_leaky_bucket_is_closed_first_by_analytics_and_cro() -> None:
    modes = {mode["id"]: mode for mode in load("roles")["failure_modes"]}
    closers = [closer["role"] for closer in modes["leaky-bucket"]["closed_by"]]
    assert closers[:2] == ["marketing-analytics-specialist", "cro-specialist"]


def test_role_notes_carry_what_the_guide_says_of_specific_roles() -> None:
    found = roles()
    for role_id in ("marketing-analytics-specialist", "digital-marketing-project-manager"):
        notes = found[role_id].get("notes", [])
        assert notes, role_id
        assert all(GUIDE in note["sources"] for note in notes), role_id


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _our_texts(node: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if path[:2] == ("sources", "sources") and key in CITATION_FIELDS:
                continue
            yield from _our_texts(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _our_texts(value, (*path, index))


def test_no_text_shares_a_run_of_eight_words_with_the_seeds() -> None:
    seeds = [SEEDS / name for name in SEED_FILES]
    if not all(seed.is_file() for seed in seeds):
        pytest.skip(
            "checks our wording against the source texts, which only the project's own CI "
            f"has (looked in {SEEDS})"
        )
    runs: set[tuple[str, ...]] = set()
    for seed in seeds:
        words = _words(seed.read_text(encoding="utf-8"))
        runs |= {tuple(words[i : i + COPY_RUN]) for i in range(len(words) - COPY_RUN + 1)}
    copied = []
    for name in ("roles", "salaries", "sources"):
        for path, text in _our_texts(load(name), (name,)):
            words = _words(text)
            for i in range(len(words) - COPY_RUN + 1):
                if tuple(words[i : i + COPY_RUN]) in runs:
                    copied.append((path, " ".join(words[i : i + COPY_RUN])))
                    break
    assert copied == []
