"""Loading a data directory: where it comes from; every problem at once, with file:line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Run, replace_in

from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.errors import DataError
from ecocareer.render.output import MAX_PROBLEMS_SHOWN

FILES = ("roles.yaml", "salaries.yaml", "sources.yaml")  # what a data directory holds
SEO_BAND = "{role: seo-specialist, level: entry, country: uk, min: 30000, max: 38000"


def problems_of(directory: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalog(directory)
    return [str(problem) for problem in caught.value.problems]


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the first occurrence of `text` in `path`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_the_bundled_data_and_a_copy_of_it_load(data_copy: Path) -> None:
    for directory in (bundled_data_dir(), data_copy):
        catalog = load_catalog(directory)
        assert (len(catalog.roles), len(catalog.bands)) == (18, 164), directory


@pytest.mark.parametrize("how", ["option", "environment"])
def test_commands_read_the_chosen_directory(
    run: Run, data_copy: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    replace_in(data_copy / "sources.yaml", "Top 10 Challenges", "Top Eleven Challenges")
    if how == "option":
        result = run("--data-dir", str(data_copy), "sources", "-f", "csv")
    else:
        monkeypatch.setenv("ECOCAREER_DATA_DIR", str(data_copy))
        result = run("sources", "-f", "csv")
    assert result.code == 0
    assert "Top Eleven Challenges" in result.out


def test_the_option_wins_over_the_environment(
    run: Run, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ECOCAREER_DATA_DIR", str(tmp_path / "nowhere"))
    assert run("--data-dir", str(data_copy), "data", "validate").code == 0


def test_a_missing_directory(run: Run, tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path / "nowhere"), "sources")
    assert result.code == 1
    assert f"{tmp_path / 'nowhere'}: data directory not found" in result.err
    assert "Point --data-dir or ECOCAREER_DATA_DIR at a directory holding" in result.err
    assert result.out == ""


def test_a_file_given_as_the_directory(run: Run, data_copy: Path) -> None:
    result = run("data", "validate", str(data_copy / "roles.yaml"))
    assert result.code == 1
    assert f"{data_copy / 'roles.yaml'}: is not a directory" in result.err


def test_an_overlong_directory_name(run: Run) -> None:
    result = run("--data-dir", "d" * 10_000, "sources")
    assert result.code == 1
    assert "cannot be used as the data directory (File name too long)" in result.err
    assert "Traceback" not in result.err


def test_an_empty_directory_names_every_missing_file(tmp_path: Path) -> None:
    assert problems_of(tmp_path) == [f"{tmp_path / name}: file not found" for name in FILES]


@pytest.mark.parametrize("name", list(FILES))
def test_one_missing_file_does_not_hide_the_others_problems(data_copy: Path, name: str) -> None:
    (data_copy / name).unlink()
    if name != "salaries.yaml":
        replace_in(data_copy / "salaries.yaml", SEO_BAND, SEO_BAND.replace("30000", "39000"))
    found = problems_of(data_copy)
    assert f"{data_copy / name}: file not found" in found
    if name != "salaries.yaml":
        line = line_of(data_copy / "salaries.yaml", SEO_BAND.replace("30000", "39000"))
        assert any(f"salaries.yaml:{line}: bands[" in p and "above max" in p for p in found)


@pytest.mark.parametrize("name", list(FILES))
def test_a_directory_in_place_of_a_file(data_copy: Path, name: str) -> None:
    (data_copy / name).unlink()
    (data_copy / name).mkdir()
    assert problems_of(data_copy) == [f"{data_copy / name}: is not a regular file"]


@pytest.mark.parametrize(
    ("file", "old", "new", "line_text", "expected"),
    [
        (
            "roles.yaml",
            '    layer: distributors\n    spans: []\n    summary: "Wins organic',
            '    layer: distributers\n    spans: []\n    summary: "Wins organic',
            "layer: distributers",
            "roles[4] ('seo-specialist').layer: unknown layer 'distributers'; "
            "did you mean 'distributors'?",
        ),
        (
            "roles.yaml",
            "core: [seo, keyword-research, link-building]",
            "core: [seo, keyword-research, link-bulding]",
            "link-bulding",
            "roles[4] ('seo-specialist').skills.core[2]: unknown skill 'link-bulding'; "
            "did you mean 'link-building'?",
        ),
        (
            "roles.yaml",
            "core: [seo, keyword-research, link-building]",
            "core: [seo, keyword-research, link-building, copywriting]",
            "supporting: [copywriting, website-optimisation",
            "roles[4] ('seo-specialist').skills.supporting: copywriting also listed as core; "
            "list a skill once",
        ),
        (
            "roles.yaml",
            "    leads_to:\n      - role: ppc-specialist\n        basis: inferred\n"
            '        note: "Keyword research is core to both roles',
            "    leads_to:\n      - role: seo-specialist\n        basis: inferred\n"
            '        note: "Keyword research is core to both roles',
            "      - role: seo-specialist\n        basis: inferred\n"
            '        note: "Keyword research is core to both roles',
            "roles[4] ('seo-specialist').leads_to[0]: a role cannot lead to itself",
        ),
        (
            "roles.yaml",
            "aliases: [seo, search-specialist, seo-manager, seo-expert]",
            "aliases: [seo, search-specialist, seo-manager, copywriter]",
            "seo-manager, copywriter]",
            "roles[4] ('seo-specialist').aliases[3]: 'copywriter' is already used by "
            "'copywriter'; terms must be unique",
        ),
        (
            "roles.yaml",
            '    name: "SEO Specialist"',
            '    name: "copywriter"',
            'name: "copywriter"',
            "roles[4] ('seo-specialist').name: 'copywriter' is already used by 'copywriter'; "
            "terms must be unique",
        ),
        (
            "roles.yaml",
            "    sources: [ecosystem-guide, ucd, sandiego]\n  - id: social-media-manager",
            "    sources: [ecosystem-guide, ucd, san-diego]\n  - id: social-media-manager",
            "san-diego",
            "roles[4] ('seo-specialist').sources[2]: unknown source 'san-diego'; "
            "did you mean 'sandiego'?",
        ),
        (
            "roles.yaml",
            "  - id: seo-specialist\n",
            "  - id: copywriter\n",
            '  - id: copywriter\n    name: "SEO Specialist"',
            "roles[4] ('copywriter').id: the id 'copywriter' is used twice (first by roles[1]); "
            "ids must be unique",
        ),
        (
            "salaries.yaml",
            SEO_BAND,
            SEO_BAND.replace("30000", "39000"),
            SEO_BAND.replace("30000", "39000"),
            "bands[50].min: min 39000 is above max 38000; min must not exceed max",
        ),
        (
            "salaries.yaml",
            SEO_BAND,
            SEO_BAND.replace("country: uk", "country: us"),
            SEO_BAND.replace("country: uk", "country: us"),
            "bands[50]: a second band for seo-specialist/us/entry (the first is bands[48])",
        ),
        (
            "salaries.yaml",
            SEO_BAND,
            SEO_BAND.replace("country: uk", "country: de"),
            SEO_BAND.replace("country: uk", "country: de"),
            "bands[50].country: unknown country 'de'",
        ),
        (
            "salaries.yaml",
            SEO_BAND,
            SEO_BAND.replace("level: entry", "level: junior"),
            SEO_BAND.replace("level: entry", "level: junior"),
            "bands[50].level: unknown level 'junior'",
        ),
        (
            "sources.yaml",
            "  - id: youngurbanproject",
            "  - id: digitaldefynd",
            '  - id: digitaldefynd\n    title: "Top 10',
            "sources[3] ('digitaldefynd').id: the id 'digitaldefynd' is used twice "
            "(first by sources[2]); ids must be unique",
        ),
    ],
    ids=[
        "unknown-layer",
        "unknown-skill",
        "skill-core-and-supporting",
        "leads-to-itself",
        "alias-taken",
        "name-taken",
        "unknown-source",
        "role-id-twice",
        "min-above-max",
        "band-twice",
        "unknown-country",
        "unknown-level",
        "source-id-twice",
    ],
)
def test_meaning_errors_name_file_line_and_field(
    run: Run, data_copy: Path, file: str, old: str, new: str, line_text: str, expected: str | None
) -> None:
    replace_in(data_copy / file, old, new)
    result = run("data", "validate", str(data_copy))
    assert result.code == 1
    assert "Traceback" not in result.err
    line = _line_of_block(data_copy / file, line_text)
    assert f"{data_copy / file}:{line}: {expected}" in result.err


def _line_of_block(path: Path, text: str) -> int:
    """The line of the first line of `text`, which may span lines to make it unique."""
    before = path.read_text(encoding="utf-8").split(text)[0]
    return before.count("\n") + 1


def test_validate_reports_every_problem_of_a_broken_directory_at_once(
    run: Run, data_copy: Path
) -> None:
    roles, salaries, sources = (data_copy / f"{n}.yaml" for n in ("roles", "salaries", "sources"))
    replace_in(roles, '    name: "SEO Specialist"', "    name: 42")  # schema
    replace_in(roles, "core: [copywriting, creative-development]", "core: [copywriting, nope]")
    replace_in(roles, "failure_mode: producers-dilemma", "failure_mode: dilemma")  # ref
    replace_in(salaries, SEO_BAND, SEO_BAND.replace("min: 30000", 'min: "30000"'))  # schema
    replace_in(salaries, "{role: copywriter, level: entry", "{role: writer, level: entry")  # ref
    replace_in(sources, "    number: 2\n", '    number: "two"\n')  # schema
    result = run("data", "validate", str(data_copy))
    assert result.code == 1
    lines = [line.strip() for line in result.err.splitlines()[1:-1]]
    assert result.err.startswith("Error: the data is invalid (6 problems):")
    expected = [
        (
            roles,
            "failure_mode: dilemma",
            "layers[0] ('producers').failure_mode: unknown failure mode 'dilemma'",
        ),
        (
            roles,
            "core: [copywriting, nope]",
            "roles[1] ('copywriter').skills.core[1]: unknown skill 'nope'",
        ),
        (
            roles,
            "name: 42",
            "roles[4] ('seo-specialist').name: must be text (quote it) (found 42)",
        ),
        (salaries, "{role: writer", "bands[12].role: unknown role 'writer'"),
        (salaries, 'min: "30000"', "bands[50].min: must be a whole number (found '30000')"),
        (
            sources,
            'number: "two"',
            "sources[3] ('youngurbanproject').number: must be a whole number (found 'two')",
        ),
    ]
    assert len(lines) == len(expected)
    for line, (path, text, message) in zip(lines, expected, strict=True):
        assert line.startswith(f"{path}:{line_of(path, text)}: {message}"), line


def test_problems_are_sorted_by_file_and_line(data_copy: Path) -> None:
    replace_in(data_copy / "roles.yaml", "layer: distributors", "layer: nowhere", count=-1)
    found = problems_of(data_copy)
    numbers = [int(re.match(r".*?:(\d+):", p).group(1)) for p in found]  # type: ignore[union-attr]
    assert numbers == sorted(numbers)
    assert len(found) > 10


def test_a_huge_number_of_problems_is_counted_but_not_all_shown(run: Run, data_copy: Path) -> None:
    replace_in(data_copy / "salaries.yaml", "level: ", "level: x", count=-1)
    result = run("data", "validate", str(data_copy))
    count = (data_copy / "salaries.yaml").read_text(encoding="utf-8").count("level: x")
    assert count > MAX_PROBLEMS_SHOWN
    assert f"the data is invalid ({count} problems)" in result.err
    assert f"... and {count - MAX_PROBLEMS_SHOWN} more problems not shown" in result.err
    assert result.err.count(": unknown level 'x") == MAX_PROBLEMS_SHOWN


def test_a_wrong_type_of_list_skips_only_the_checks_that_need_it(data_copy: Path) -> None:
    replace_in(data_copy / "roles.yaml", "\nskills:\n", "\nskills: 3\nx:\n")
    replace_in(data_copy / "salaries.yaml", SEO_BAND, SEO_BAND.replace("30000", "39000"))
    found = problems_of(data_copy)
    assert any(p.endswith("skills: must be a list (found 3)") for p in found)
    assert any("x: is not a known field" in p for p in found)
    assert any("min 39000 is above max 38000" in p for p in found)
    assert not any("unknown skill" in p for p in found)  # the skill list could not be read


def test_invisible_characters_in_data_text_are_refused(run: Run, data_copy: Path) -> None:
    replace_in(
        data_copy / "roles.yaml", '    name: "SEO Specialist"', '    name: "SEO\u200bSpecialist"'
    )
    result = run("data", "validate", str(data_copy))
    assert result.code == 1
    assert (
        "must not contain invisible characters (zero-width spaces, byte-order marks)" in result.err
    )
