"""The skill index (`ecocareer skills`, `roles --skill`): every skill, what to type, who uses it.

Expectations come from data/roles.yaml read as plain YAML, never from the index under test.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml
from conftest import Run

ROLES_YAML = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "data" / "roles.yaml").read_text(encoding="utf-8")
)


def used_by(skill_id: str, part: str) -> list[str]:
    return [role["id"] for role in ROLES_YAML["roles"] if skill_id in role["skills"][part]]


def test_json_lists_every_skill_with_the_roles_that_use_it(run: Run) -> None:
    result = run("skills", "--format", "json")
    assert result.code == 0, result.err
    index = json.loads(result.out)
    assert [entry["id"] for entry in index] == [skill["id"] for skill in ROLES_YAML["skills"]]
    for entry, skill in zip(index, ROLES_YAML["skills"], strict=True):
        assert entry == {
            "id": skill["id"],
            "name": skill["name"],
            "layer": skill["layer"],
            "aliases": skill.get("aliases", []),
            "roles": {
                "core": used_by(skill["id"], "core"),
                "supporting": used_by(skill["id"], "supporting"),
            },
        }


def test_one_skill_by_any_of_its_words(run: Run) -> None:
    # analytics: core in three roles, supporting in nine (hand-counted in roles.yaml)
    for term in ("analytics", "Marketing analytics and measurement", "web-analytics"):
        result = run("skills", term, "--format", "json")
        assert result.code == 0, result.err
        [entry] = json.loads(result.out)
        assert entry["id"] == "analytics"
        assert entry["roles"]["core"] == [
            "digital-marketer", "marketing-analytics-specialist", "digital-media-strategist",
        ]  # fmt: skip
        assert len(entry["roles"]["supporting"]) == 9


def test_the_table_shows_ids_and_aliases_to_type(run: Run) -> None:
    result = run("skills", "--layer", "converters")
    assert result.code == 0, result.err
    lines = [line.strip("│ ") for line in result.out.splitlines()]
    assert lines[0].strip() == "⟳ Converters & Nurturers"
    first_cells = [line.split("│")[0].strip() for line in lines]
    assert "Marketing analytics and" in first_cells and "analytics" in first_cells
    assert any(cell.startswith("also: marketing-analytics") for cell in first_cells)
    assert "✎ Producers" not in result.out


def test_csv_has_one_row_per_skill(run: Run) -> None:
    result = run("skills", "--format", "csv")
    assert result.code == 0
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert len(rows) == len(ROLES_YAML["skills"])
    seo = next(row for row in rows if row["id"] == "seo")
    assert seo["core_roles"].split(";") == used_by("seo", "core")


def test_roles_by_skill_lists_exactly_the_roles_that_use_it(run: Run) -> None:
    result = run("roles", "--skill", "analytics", "--format", "json")
    assert result.code == 0, result.err
    expected = [r["id"] for r in ROLES_YAML["roles"] if "analytics" in r["skills"]["core"]
                + r["skills"].get("supporting", [])]  # fmt: skip
    assert sorted(role["id"] for role in json.loads(result.out)) == sorted(expected)


def test_an_unknown_skill_points_to_the_skill_index(run: Run) -> None:
    for args in (["skills", "zzz"], ["roles", "--skill", "zzz"], ["tshape", "--skill", "zzz=3"]):
        result = run(*args)
        assert result.code == 2, args
        assert "Unknown skill 'zzz'" in result.err
        assert "See them all with `ecocareer skills`." in " ".join(result.err.split())
