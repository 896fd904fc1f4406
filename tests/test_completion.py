"""Shell completion: the data's terms as candidates, from the data in use, never an error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from conftest import Run, replace_in

from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.cli import app
from ecocareer.commands import completion


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_data_dir())


def context(data_dir: Path | None = None) -> typer.Context:
    """The root context completion sees, with --data-dir as the shell line gave it."""
    ctx = typer.Context(typer.main.get_command(app))
    ctx.params = {"data_dir": data_dir}
    return ctx


def values(candidates: list[tuple[str, str]]) -> list[str]:
    return [value for value, _ in candidates]


def test_every_role_id_and_alias_is_offered_with_its_name(catalog: Catalog) -> None:
    expected = [(term, r.name) for r in catalog.roles for term in (r.id, *r.aliases)]
    assert completion.roles(context(), "") == list(dict(expected).items())


@pytest.mark.parametrize("typed", ["se", "SE", "Se"])
def test_roles_are_filtered_by_prefix_in_any_case(typed: str) -> None:
    found = values(completion.roles(context(), typed))
    assert found[:2] == ["seo-specialist", "seo"]
    assert all(value.casefold().startswith("se") for value in found)
    assert "copywriter" not in found


def test_role_aliases_carry_the_role_name() -> None:
    assert ("director", "Marketing Director") in completion.roles(context(), "dir")


def test_layers() -> None:
    assert completion.layers(context(), "")[:4] == [
        ("producers", "Producers"),
        ("producer", "Producers"),
        ("content", "Producers"),
        ("creation", "Producers"),
    ]
    assert values(completion.layers(context(), "dis")) == ["distributors", "distributor"]
    assert values(completion.layers(context(), "Chan")) == ["channel", "channels"]


def test_countries(catalog: Catalog) -> None:
    assert values(completion.countries(context(), "u")) == [
        term for c in catalog.countries for term in (c.id, *c.aliases) if term.startswith("u")
    ]
    assert "uk" in values(completion.countries(context(), "U"))
    assert completion.countries(context(), "zz") == []


def test_levels() -> None:
    assert values(completion.levels(context(), "")) == [
        "entry", "entry-level", "junior", "mid", "mid-level", "intermediate",
        "senior", "senior-level", "executive", "executive-level", "exec", "c-suite",
    ]  # fmt: skip
    assert completion.levels(context(), "sen") == [
        ("senior", "Senior-level"),
        ("senior-level", "Senior-level"),
    ]


def test_skills_complete_to_skill_equals(catalog: Catalog) -> None:
    found = values(completion.skill_levels(context(), ""))
    assert found[0] == f"{catalog.skills[0].id}="
    assert all(value.endswith("=") for value in found)
    assert {f"{s.id}=" for s in catalog.skills} <= set(found)
    assert values(completion.skill_levels(context(), "COPY")) == ["copywriting=", "copy="]


def test_after_the_equals_sign_come_the_levels() -> None:
    assert completion.skill_levels(context(), "seo=") == [
        ("seo=0", "0 none"),
        ("seo=1", "1 aware"),
        ("seo=2", "2 working"),
        ("seo=3", "3 practitioner"),
        ("seo=4", "4 advanced"),
        ("seo=5", "5 expert"),
    ]
    assert completion.skill_levels(context(), "seo=4") == [("seo=4", "4 advanced")]


def test_one_matching_skill_goes_straight_to_its_levels() -> None:
    found = completion.skill_levels(context(), "copyw")
    assert values(found) == [f"copywriting={level}" for level in range(6)]
    assert found[5] == ("copywriting=5", "Copywriting: 5 expert")


def test_candidates_come_from_the_data_dir_option(data_copy: Path) -> None:
    replace_in(data_copy / "salaries.yaml", "aliases: [usa, america,", "aliases: [usa, yankee,")
    assert "yankee" in values(completion.countries(context(data_copy), "y"))
    assert completion.countries(context(), "y") == []


def test_candidates_come_from_the_environment(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replace_in(data_copy / "salaries.yaml", "aliases: [usa, america,", "aliases: [usa, yankee,")
    monkeypatch.setenv("ECOCAREER_DATA_DIR", str(data_copy))
    assert values(completion.countries(context(), "yan")) == ["yankee"]


@pytest.mark.parametrize(
    "complete",
    [completion.roles, completion.layers, completion.countries, completion.levels,
     completion.skill_levels],
)  # fmt: skip
def test_broken_or_missing_data_gives_no_candidates_and_no_noise(
    data_copy: Path, capsys: pytest.CaptureFixture[str], complete: completion.Complete
) -> None:
    replace_in(data_copy / "roles.yaml", "layer: distributors", "layer: distributorz")
    assert complete(context(data_copy), "") == []
    assert complete(context(data_copy / "missing"), "") == []
    assert capsys.readouterr() == ("", "")


def test_help_offers_to_install_completion(run: Run) -> None:
    result = run("--help")
    assert "--install-completion" in result.out
    assert "--show-completion" in result.out


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_a_script_for_each_shell(run: Run, shell: str) -> None:
    result = run("--show-completion", shell)
    assert result.code == 0
    assert "_ECOCAREER_COMPLETE" in result.out


def _complete_in_bash(words: str, env: dict[str, str] | None = None) -> list[str]:
    """What the console script answers when bash asks for completions of `words`."""
    script = Path(sys.executable).parent / "ecocareer"
    result = subprocess.run(
        [str(script)],
        env={
            **os.environ,
            **(env or {}),
            "_ECOCAREER_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout.split()


def test_bash_completes_roles_through_the_console_script() -> None:
    found = _complete_in_bash("ecocareer roadmap --from se")
    assert found[:2] == ["seo-specialist", "seo"]
    assert "copywriter" not in found


def test_bash_completes_commands_and_options() -> None:
    assert _complete_in_bash("ecocareer ro") == ["roles", "roadmap"]
    assert "--export" in _complete_in_bash("ecocareer layers --")


def test_bash_completion_reads_the_data_dir_on_the_line(data_copy: Path) -> None:
    replace_in(data_copy / "salaries.yaml", "aliases: [usa, america,", "aliases: [usa, yankee,")
    assert _complete_in_bash(f"ecocareer --data-dir {data_copy} salary seo --country y") == [
        "yankee"
    ]


def test_candidates_include_the_overlay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "salaries.yaml").write_text(
        "countries:\n"
        '  - {id: nz, name: New Zealand, currency: NZD, symbol: "$", aliases: [new-zealand]}\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("ECOCAREER_OVERLAY", str(overlay))
    assert completion.countries(context(), "n") == [
        ("nz", "New Zealand"),
        ("new-zealand", "New Zealand"),
    ]
