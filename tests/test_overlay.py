"""An overlay directory adds and replaces entries on top of the bundled data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run

from ecocareer.catalog.locations import bundled_data_dir

SURVEY = """\
sources:
  - id: team-survey
    title: "Our team's salary survey"
    accessed: "2026-10-01"
"""
NEW_COUNTRY = """\
countries:
  - id: nz
    name: New Zealand
    currency: NZD
    symbol: "$"
    aliases: [new-zealand]
bands:
  - {role: seo-specialist, level: entry, country: nz, min: 61000, max: 72000,
     sources: [team-survey]}
"""
OVERRIDE = """\
bands:
  - {role: seo-specialist, level: entry, country: uk, min: 31000, max: 39000, open_ended: true, sources: [team-survey]}
"""  # noqa: E501


@pytest.fixture
def overlay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "overlay"
    directory.mkdir()
    (directory / "sources.yaml").write_text(SURVEY, encoding="utf-8")
    monkeypatch.setenv("ECOCAREER_OVERLAY", str(directory))
    return directory


def salary_json(run: Run, *args: str) -> list[dict[str, object]]:
    result = run("salary", "seo", *args, "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_an_overlay_adds_a_country_with_its_bands(run: Run, overlay: Path) -> None:
    (overlay / "salaries.yaml").write_text(NEW_COUNTRY, encoding="utf-8")
    [band] = salary_json(run, "--country", "New Zealand")
    assert band == {
        "role": "seo-specialist",
        "country": "nz",
        "currency": "NZD",
        "level": "entry",
        "min": 61000,
        "max": 72000,
        "open_ended": False,
        "years": None,
        "sources": ["team-survey"],
        "as_of": "2025",
        "notes": [],
    }
    assert len(salary_json(run)) == 12 + 1


def test_an_overlay_band_replaces_the_bundled_one(run: Run, overlay: Path) -> None:
    (overlay / "salaries.yaml").write_text(OVERRIDE, encoding="utf-8")
    bands = salary_json(run, "--country", "uk")
    entry = next(b for b in bands if b["level"] == "entry")
    assert (entry["min"], entry["max"], entry["open_ended"]) == (31000, 39000, True)
    assert entry["sources"] == ["team-survey"]
    assert len(bands) == 3
    table = run("salary", "seo", "--country", "uk").out
    assert "£31,000 – £39,000+" in table and "£30,000 – £38,000" not in table


def test_data_path_names_the_base_and_the_overlay(run: Run, overlay: Path) -> None:
    (overlay / "salaries.yaml").write_text(OVERRIDE, encoding="utf-8")
    lines = run("data", "path").out.splitlines()
    assert lines == [str(bundled_data_dir()), f"overlay: {overlay} (sources.yaml, salaries.yaml)"]


def test_a_broken_overlay_is_reported_in_the_overlay_file_and_line(run: Run, overlay: Path) -> None:
    (overlay / "salaries.yaml").write_text(
        NEW_COUNTRY.replace("min: 61000, max: 72000", "min: 81000, max: 72000"), encoding="utf-8"
    )
    result = run("data", "validate")
    assert result.code == 1
    assert f"{overlay / 'salaries.yaml'}:8: bands[164]" in result.err
    assert "min 81000 is above max 72000" in result.err
    assert run("salary", "seo").code == 1


def test_an_overlay_with_bad_yaml_names_its_line(run: Run, overlay: Path) -> None:
    (overlay / "roles.yaml").write_text("roles:\n  - id: x\n   name: broken\n", encoding="utf-8")
    result = run("roles")
    assert result.code == 1
    assert f"{overlay / 'roles.yaml'}:3:" in result.err
    assert "Traceback" not in result.err


def test_an_explicit_overlay_that_does_not_exist_is_an_error(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ECOCAREER_OVERLAY", str(tmp_path / "missing"))
    result = run("layers")
    assert result.code == 1
    assert "overlay directory not found" in result.err


def test_data_init_writes_a_starter_overlay_that_validates(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "mine"
    written = run("data", "init", str(target))
    assert written.code == 0
    assert sorted(p.name for p in target.iterdir()) == [
        "roles.yaml",
        "salaries.yaml",
        "sources.yaml",
    ]
    assert "# Example: a country of your own" in (target / "salaries.yaml").read_text()
    monkeypatch.setenv("ECOCAREER_OVERLAY", str(target))
    checked = run("data", "validate")
    assert checked.code == 0
    assert f"with the overlay {target} is valid" in checked.out
    again = run("data", "init", str(target))
    assert again.code == 2
    assert "will not overwrite" in " ".join(again.err.split())


def test_data_init_refuses_an_empty_directory_name(run: Run, tmp_path: Path) -> None:
    result = run("data", "init", "")
    assert result.code == 2
    assert "needs a directory name" in result.err
    assert list(tmp_path.iterdir()) == []  # nothing written into the current directory


def test_data_init_never_writes_through_a_dangling_link(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "overlay"
    target.mkdir()
    outside = tmp_path / "outside.yaml"
    (target / "roles.yaml").symlink_to(outside)
    result = run("data", "init", str(target))
    assert result.code == 2
    assert "already holds roles.yaml" in result.err
    assert not outside.exists()
    assert sorted(p.name for p in target.iterdir()) == ["roles.yaml"]


def test_data_init_on_a_full_disk_leaves_nothing_half_written(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "overlay"
    calls = []

    def fsync_then_fill(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", fsync_then_fill)
    failed = run("data", "init", str(target))
    assert failed.code == 2
    assert "No space left on device" in " ".join(failed.err.split())
    assert list(target.iterdir()) == []
    monkeypatch.undo()
    repaired = run("data", "init", str(target))  # and a second try simply works
    assert repaired.code == 0, repaired.err
    assert sorted(p.name for p in target.iterdir()) == [
        "roles.yaml",
        "salaries.yaml",
        "sources.yaml",
    ]


def test_an_entry_given_twice_in_the_overlay_is_reported_at_its_line(
    run: Run, overlay: Path
) -> None:
    twice = OVERRIDE + (
        "  - {role: seo-specialist, level: entry, country: uk, min: 1, max: 2, "
        "sources: [team-survey]}\n"
    )
    (overlay / "salaries.yaml").write_text(twice, encoding="utf-8")
    result = run("data", "validate")
    assert result.code == 1
    said = " ".join(result.err.split())
    assert (
        f"{overlay / 'salaries.yaml'}:3: bands[1]: gives the band seo-specialist/uk/entry "
        "a second time (first on line 2); give each entry once"
    ) in said


def test_an_unknown_list_in_the_overlay_is_reported_against_the_overlay(
    run: Run, overlay: Path
) -> None:
    (overlay / "roles.yaml").write_text("rolez: []\n", encoding="utf-8")
    result = run("data", "validate")
    assert result.code == 1
    said = " ".join(result.err.split())
    assert f"{overlay / 'roles.yaml'}:1: rolez: is not a known field" in said


@pytest.mark.parametrize("kind", ["dangling", "loop"])
def test_an_overlay_file_that_is_a_broken_link_is_reported(
    run: Run, overlay: Path, kind: str
) -> None:
    link = overlay / "roles.yaml"
    link.symlink_to(overlay / "nowhere.yaml" if kind == "dangling" else link)
    result = run("data", "validate")
    assert result.code == 1
    assert f"{link}: is a link that leads nowhere" in " ".join(result.err.split())


def test_merging_an_overlay_that_restates_every_entry_is_linear() -> None:
    """20,000 entries of five lines each, all restated by the overlay: a merge that
    rescanned every line per entry would take minutes; a linear one, a fraction of a second."""
    import time

    from ecocareer.catalog.documents import YamlDocument
    from ecocareer.catalog.overlay import merge

    count = 20_000

    def document(name: str) -> YamlDocument:
        items = [{"id": f"role-{i}", "name": f"Role {i}"} for i in range(count)]
        lines = {("roles",): 1}
        for i in range(count):
            lines.update({("roles", i): 2 + 3 * i, ("roles", i, "id"): 2 + 3 * i,
                          ("roles", i, "name"): 3 + 3 * i})  # fmt: skip
        return YamlDocument(name, {"roles": items}, lines)

    base, overlay = document("base.yaml"), document("overlay.yaml")
    began = time.perf_counter()
    merged = merge(base, overlay)
    assert time.perf_counter() - began < 2
    assert len(merged.value["roles"]) == count
    assert merged.where(("roles", 7, "name")) == ("overlay.yaml", 24)
