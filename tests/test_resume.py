"""`profile import`: a JSON Resume read as a profile, by hand-worked cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import Run

from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.resume import read_resume


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_data_dir())


RESUME: dict[str, Any] = {
    "basics": {"name": "Ana", "location": {"countryCode": "CA"}},
    "work": [
        {"position": "Junior Copywriter", "startDate": "2018-01", "endDate": "2020-01"},
        {"position": "Senior Copywriter", "startDate": "2020-02"},  # no end: current
    ],
    "skills": [
        {"name": "Copywriting", "level": "Expert", "keywords": ["content strategy", "Knitting"]},
        {"name": "SEO", "level": "Intermediate"},
        {"name": "Analytics"},  # no level: to rate, not guessed
        {"name": "Email", "level": "3"},
        {"name": "PPC", "level": "master"},
    ],
}


def test_a_resume_maps_to_a_profile(catalog: Catalog) -> None:
    reading = read_resume(catalog, RESUME)
    profile = reading.profile
    assert (profile.role, profile.country, profile.level) == ("copywriter", "ca", "senior")
    assert profile.skills == {
        "copywriting": 5,  # Expert
        "content-strategy": 5,  # a keyword takes its skill's level
        "seo": 2,  # Intermediate
        "email-marketing": 3,  # a number as it is
        "ppc": 5,  # master
    }
    assert reading.to_rate == ["analytics"]
    assert [line.split(":")[0] for line in reading.not_mapped] == ["skill 'Knitting'"]


@pytest.mark.parametrize(
    ("title", "role", "level"),
    [
        ("Junior SEO Specialist", "seo-specialist", "entry"),
        ("Head of Digital", "marketing-director", "executive"),
        ("Lead Growth Marketer", "growth-marketer", "senior"),
        ("Copywriter", "copywriter", None),  # no seniority word: no level guessed
    ],
)
def test_seniority_words_give_the_level(
    catalog: Catalog, title: str, role: str, level: str | None
) -> None:
    profile = read_resume(catalog, {"work": [{"position": title}]}).profile
    assert (profile.role, profile.level) == (role, level)


def test_without_a_current_job_the_latest_one_counts(catalog: Catalog) -> None:
    work = [
        {"position": "Copywriter", "endDate": "2019-05"},
        {"position": "SEO Specialist", "endDate": "2023-01"},
        {"position": "CRO Specialist", "endDate": "2021-07"},
    ]
    assert read_resume(catalog, {"work": work}).profile.role == "seo-specialist"


def test_import_says_what_it_understood_and_saves(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "profile.yaml"
    monkeypatch.setenv("ECOCAREER_PROFILE", str(profile))
    resume = tmp_path / "resume.json"
    resume.write_text(json.dumps(RESUME), encoding="utf-8")
    dry = run("profile", "import", str(resume), "--dry-run")
    assert dry.code == 0, dry.err
    said = " ".join(dry.out.split())
    for piece in (
        "role copywriter (from the job title 'Senior Copywriter')",
        "level senior (a seniority word in 'Senior Copywriter')",
        "skill content-strategy at 5 (from 'content strategy')",
        "Could not map: skill 'Knitting': Unknown skill 'Knitting'",
        "Rate these yourself (no level given): analytics",
        "Dry run: nothing saved.",
    ):
        assert piece in said, piece
    assert not profile.exists()
    saved = run("profile", "import", str(resume))
    assert saved.code == 0 and profile.exists()
    shown = json.loads(run("profile", "show", "--format", "json").out)
    assert (shown["role"], shown["country"], shown["level"]) == ("copywriter", "ca", "senior")
    assert shown["skills"]["copywriting"] == 5 and "analytics" not in shown["skills"]


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("{", "not valid JSON"),
        ("[1, 2]", "is not a JSON Resume"),
        ('{"name": "x"}', "is not a JSON Resume"),
        ("[" * 100_000, "nested too deeply"),
    ],
)
def test_a_file_that_is_not_a_resume_is_a_usage_error(
    run: Run, tmp_path: Path, content: str, said: str
) -> None:
    resume = tmp_path / "resume.json"
    resume.write_text(content, encoding="utf-8")
    result = run("profile", "import", str(resume), "--dry-run")
    assert result.code == 2
    text = " ".join(result.err.split())
    assert str(resume) in text and said in text
