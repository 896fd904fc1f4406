"""Whatever `data validate` accepts, every command handles: odd but valid data never crashes.

Each case builds a data directory the loader accepts, then runs the commands
over it, in process and within a time bound where the shape could make a naive
algorithm blow up (long chains, dense webs of links).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Run

from ecocareer.catalog.loading import load_catalog
from ecocareer.roadmap import roadmap


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(path: Path, value: Any) -> None:
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _role(role_id: str, layer: str, leads_to: list[str]) -> dict[str, Any]:
    return {
        "id": role_id,
        "name": role_id.replace("-", " ").title(),
        "layer": layer,
        "summary": "A role made up for a test.",
        "responsibilities": ["Exist for a test"],
        "skills": {"core": ["seo"]},
        "leads_to": [{"role": target, "basis": "inferred", "note": "test"} for target in leads_to],
        "sources": ["ecosystem-guide"],
    }


def test_a_chain_of_1500_roles_is_walked_without_recursion(data_copy: Path, run: Run) -> None:
    roles = _read(data_copy / "roles.yaml")
    chain = [f"step-{index}" for index in range(1500)]
    roles["roles"] += [
        _role(role_id, "distributors", [chain[index + 1]] if index + 1 < len(chain) else [])
        for index, role_id in enumerate(chain)
    ]
    _write(data_copy / "roles.yaml", roles)
    catalog = load_catalog(data_copy)
    began = time.perf_counter()
    route = roadmap(catalog, "step-0", "step-1499", "us")
    assert time.perf_counter() - began < 1.0
    assert [step.role.id for step in route.steps] == chain
    result = run("--data-dir", str(data_copy), "roadmap", "--from", "step-0", "--to", "step-1499",
                 "--format", "json")  # fmt: skip
    assert result.code == 0, result.err


def test_a_dense_web_of_links_answers_at_once(data_copy: Path) -> None:
    """7 stages of 8 roles, each linked to all 8 of the next: 8**6 = 262,144 shortest routes."""
    roles = _read(data_copy / "roles.yaml")
    stages = [[f"stage-{stage}-{index}" for index in range(8)] for stage in range(7)]
    for stage, names in enumerate(stages):
        following = stages[stage + 1] if stage + 1 < len(stages) else []
        roles["roles"] += [_role(name, "converters", list(following)) for name in names]
    _write(data_copy / "roles.yaml", roles)
    catalog = load_catalog(data_copy)
    began = time.perf_counter()
    route = roadmap(catalog, "stage-0-0", "stage-6-7", "us")
    assert time.perf_counter() - began < 1.0
    assert len(route.steps) == 7
    # Every candidate costs no new skill (all share `seo`), so data order decides: the
    # first role of each middle stage.
    assert [step.role.id for step in route.steps] == [
        "stage-0-0", "stage-1-0", "stage-2-0", "stage-3-0", "stage-4-0", "stage-5-0", "stage-6-7",
    ]  # fmt: skip


def test_a_country_paying_zero_at_every_level_is_drawn(data_copy: Path, run: Run) -> None:
    salaries = _read(data_copy / "salaries.yaml")
    salaries["countries"].append({"id": "zz", "name": "Zeroland", "currency": "ZZZ", "symbol": "Z"})
    salaries["bands"] += [
        {"role": "seo-specialist", "level": level, "country": "zz", "min": 0, "max": 0,
         "sources": ["ucd"]}
        for level in ("entry", "mid", "senior")
    ]  # fmt: skip
    _write(data_copy / "salaries.yaml", salaries)
    for args in (["salary", "seo", "--country", "zz"], ["roles", "seo", "--country", "zz"],
                 ["compare", "seo", "digital-marketer", "--country", "zz"]):  # fmt: skip
        result = run("--data-dir", str(data_copy), *args)
        assert result.code == 0, (args, result.err)
        assert ("Z0 – Z0" in result.out) != (args[0] == "compare"), args


def test_a_layer_without_skills_or_roles_is_shown_and_assessed(data_copy: Path, run: Run) -> None:
    roles = _read(data_copy / "roles.yaml")
    roles["layers"].append(
        {
            "id": "listeners",
            "name": "Listeners",
            "subtitle": "A layer made up for a test",
            "function": "Listens.",
            "metaphor": "Ears.",
            "failure_mode": "leaky-bucket",
            "sources": ["ecosystem-guide"],
        }
    )
    _write(data_copy / "roles.yaml", roles)
    for args in (["tshape", "--skill", "seo=5"], ["tshape", "--skill", "seo=1"], ["layers"],
                 ["roles", "--layer", "listeners"], ["diagnose", "seo"]):  # fmt: skip
        result = run("--data-dir", str(data_copy), *args)
        assert result.code == 0, (args, result.err)
        assert "Listeners" in result.out, args


@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_a_role_with_no_links_out_says_there_is_no_route(
    data_copy: Path, run: Run, fmt: str
) -> None:
    roles = _read(data_copy / "roles.yaml")
    roles["roles"].append(_role("island", "producers", []))
    _write(data_copy / "roles.yaml", roles)
    result = run("--data-dir", str(data_copy), "roadmap", "--from", "island", "--to", "cmo",
                 "--format", fmt)  # fmt: skip
    assert result.code == 2
    assert "no route from island to cmo" in result.err
