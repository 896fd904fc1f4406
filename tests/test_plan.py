"""`ecocareer plan`: one page for the person in the profile, in every format, and as HTML."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import Run

PROFILE = """\
role: copywriter
target: cmo
country: ca
level: senior
pay: 70000
skills:
  copywriting: 5
  content-strategy: 4
"""
SECTIONS = [
    "Who you are", "Your T and your phase", "Roles that fit you now",
    "Moves open from your role", "The route to your target", "Your pay and the bands",
    "The guide's questions, for you", "Sources",
]  # fmt: skip


@pytest.fixture
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    monkeypatch.setenv("ECOCAREER_PROFILE", str(path))
    return path


def test_the_table_view_has_every_section_in_order(run: Run, profile: Path) -> None:
    result = run("plan")
    assert result.code == 0, result.err
    positions = [result.out.find(heading) for heading in SECTIONS]
    assert -1 not in positions and positions == sorted(positions)
    text = " ".join(result.out.split())
    # Her pay, $70,000 against the copywriter's Canadian bands (seed 000): entry
    # $50,000-$65,000, mid $65,000-$85,000 (25% of the way), senior $85,000-$110,000+.
    assert "Copywriter: above Entry-level; within Mid-level, 25% of the way up; " in text
    assert "+$110,000 to +$180,000 a year, CAD" in text  # to the CMO's $180,000-$250,000+


def test_json_gives_each_part_as_its_command_does(run: Run, profile: Path) -> None:
    data = json.loads(run("plan", "--format", "json").out)
    assert list(data) == ["profile", "country", "tshape", "next", "roadmap", "salary", "sources"]
    assert data["profile"]["role"] == "copywriter" and data["country"] == "ca"
    assert data["roadmap"]["from"] == "copywriter" and data["roadmap"]["to"] == "cmo"
    assert [step["role"] for step in data["roadmap"]["steps"]] == [
        "copywriter", "digital-marketing-manager", "marketing-director", "cmo",
    ]  # fmt: skip
    assert data["tshape"]["phase"] == "broaden-again"  # deep in one layer only
    assert [band["mine"]["position"] for band in data["salary"]] == ["above", "within", "below"]


def test_markdown_has_a_heading_per_section(run: Run, profile: Path) -> None:
    out = run("plan", "--format", "markdown").out
    assert out.startswith("# Your career plan\n")
    assert [line[3:] for line in out.splitlines() if line.startswith("## ")] == SECTIONS


class Outline(HTMLParser):
    """The structure of a page: its tags in order, headings' text, and anything external."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.headings: list[str] = []
        self.external: list[str] = []
        self._in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_heading = tag == "h2"
        for name, value in attrs:
            if name in ("src", "href") and value and "://" in value:
                self.external.append(value)

    def handle_data(self, data: str) -> None:
        if self._in_heading and data.strip():
            self.headings.append(data.strip())
            self._in_heading = False


def test_the_html_export_is_a_real_self_contained_document(
    run: Run, profile: Path, tmp_path: Path
) -> None:
    target = tmp_path / "plan.html"
    result = run("plan", "--export", str(target))
    assert result.code == 0, result.err
    page = target.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    outline = Outline()
    outline.feed(page)
    assert outline.headings == SECTIONS
    assert outline.tags.count("h1") == 1 and "main" in outline.tags
    assert "script" not in outline.tags and "link" not in outline.tags
    assert outline.external == []  # nothing fetched from the network
    assert '<meta name="viewport"' in page and "@page{size:A4" in page
    # The route is a table: a header row and one row per step (4 roles).
    assert outline.tags.count("tr") == 1 + 4
    assert "<pre" not in page and "terminal" not in page  # a document, not a drawing


def test_an_empty_profile_says_how_to_make_one(run: Run) -> None:
    result = run("plan")
    assert result.code == 2
    assert "ecocareer profile init" in result.err


def test_a_profile_with_only_a_role_gives_the_parts_it_can(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text("role: seo\n", encoding="utf-8")
    monkeypatch.setenv("ECOCAREER_PROFILE", str(path))
    data = json.loads(run("plan", "--format", "json").out)
    assert data["tshape"] is None and data["roadmap"] is None
    assert data["next"]["from"] == "seo-specialist" and data["country"] == "us"
    text = " ".join(run("plan").out.split())
    assert "Save your target to see the route: ecocareer profile set --target ROLE" in text
