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


ROLE_IDS = [
    "content-strategist", "copywriter", "graphic-designer", "ux-ui-designer", "seo-specialist",
    "social-media-manager", "email-marketing-manager", "ppc-specialist", "digital-marketer",
    "cro-specialist", "marketing-analytics-specialist", "growth-marketer", "community-manager",
    "digital-marketing-manager", "digital-marketing-project-manager", "marketing-director", "cmo",
    "digital-media-strategist",
]  # fmt: skip


def test_the_candidates_are_the_ids_with_their_names_and_no_aliases(catalog: Catalog) -> None:
    found = completion.roles(context(), "")
    assert values(found) == ROLE_IDS
    assert found[0] == ("content-strategist", "Content Strategist")


@pytest.mark.parametrize("typed", ["se", "SE", "Se"])
def test_roles_are_filtered_by_prefix_in_any_case(typed: str) -> None:
    assert completion.roles(context(), typed) == [("seo-specialist", "SEO Specialist")]


def test_aliases_come_only_when_no_id_starts_with_what_was_typed() -> None:
    assert completion.roles(context(), "dir") == [("director", "Marketing Director")]
    assert values(completion.roles(context(), "digital-ma")) == [
        "digital-marketer", "digital-marketing-manager", "digital-marketing-project-manager",
    ]  # fmt: skip
    assert values(completion.roles(context(), "digital-s")) == ["digital-strategist"]


def test_layers() -> None:
    assert completion.layers(context(), "") == [
        ("producers", "Producers"),
        ("distributors", "Distributors"),
        ("converters", "Converters & Nurturers"),
        ("architects", "Architects"),
    ]
    assert values(completion.layers(context(), "dis")) == ["distributors"]
    assert values(completion.layers(context(), "Chan")) == ["channel", "channels"]


def test_countries() -> None:
    assert values(completion.countries(context(), "")) == ["us", "ca", "uk", "au"]
    assert values(completion.countries(context(), "u")) == ["us", "uk"]
    assert values(completion.countries(context(), "U")) == ["us", "uk"]
    assert values(completion.countries(context(), "gr")) == ["great-britain"]
    assert completion.countries(context(), "zz") == []


def test_levels() -> None:
    assert values(completion.levels(context(), "")) == ["entry", "mid", "senior", "executive"]
    assert completion.levels(context(), "sen") == [("senior", "Senior-level")]
    assert values(completion.levels(context(), "jun")) == ["junior"]


def test_skills_complete_to_skill_equals(catalog: Catalog) -> None:
    found = values(completion.skill_levels(context(), ""))
    assert found == [f"{skill.id}=" for skill in catalog.skills]
    assert values(completion.skill_levels(context(), "ema")) == [
        "email-marketing=", "email-segmentation=",
    ]  # fmt: skip


SEO_LEVELS = [
    ("seo=0", "Search engine optimisation: 0 none"),
    ("seo=1", "Search engine optimisation: 1 aware"),
    ("seo=2", "Search engine optimisation: 2 working"),
    ("seo=3", "Search engine optimisation: 3 practitioner"),
    ("seo=4", "Search engine optimisation: 4 advanced"),
    ("seo=5", "Search engine optimisation: 5 expert"),
]


def test_after_the_equals_sign_come_the_levels_with_their_names() -> None:
    assert completion.skill_levels(context(), "seo=") == SEO_LEVELS
    assert completion.skill_levels(context(), "seo=4") == [SEO_LEVELS[4]]


def test_a_letter_after_the_equals_sign_completes_the_level_names() -> None:
    assert completion.skill_levels(context(), "seo=pr") == [
        ("seo=practitioner", "Search engine optimisation: 3 practitioner")
    ]
    assert values(completion.skill_levels(context(), "seo=a")) == ["seo=aware", "seo=advanced"]


def test_one_matching_skill_goes_straight_to_its_levels() -> None:
    found = completion.skill_levels(context(), "COPY")
    assert values(found) == [f"copywriting={level}" for level in range(6)]
    assert found[5] == ("copywriting=5", "Copywriting: 5 expert")


def test_an_alias_before_the_equals_sign_keeps_its_spelling() -> None:
    assert values(completion.skill_levels(context(), "organic-search=")) == [
        f"organic-search={level}" for level in range(6)
    ]


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


SCRIPT = Path(sys.executable).parent / "ecocareer"
# A line each shell's script is known by (Typer's scripts, as ecocareer prints them).
SIGNATURE = {
    "bash": "complete -o default -F _ecocareer_completion ecocareer",
    "zsh": "compdef _ecocareer_completion ecocareer",
    "fish": "complete --command ecocareer --no-files",
}


@pytest.mark.parametrize("shell", sorted(SIGNATURE))
def test_show_completion_prints_the_script_of_the_shell_named(run: Run, shell: str) -> None:
    result = run("--show-completion", shell)
    assert result.code == 0
    for other, line in SIGNATURE.items():
        assert (line in result.out) == (other == shell), other
    assert f"_ECOCAREER_COMPLETE=complete_{shell}" in result.out


@pytest.mark.parametrize(
    ("shell", "files"),
    [
        ("bash", [".bash_completions/ecocareer.sh", ".bashrc"]),
        ("zsh", [".zfunc/_ecocareer", ".zshrc"]),
        ("fish", [".config/fish/completions/ecocareer.fish"]),
    ],
)
def test_install_completion_installs_for_the_shell_named(
    tmp_path: Path, shell: str, files: list[str]
) -> None:
    done = subprocess.run(
        [str(SCRIPT), "--install-completion", shell], capture_output=True, text=True,
        env={**os.environ, "HOME": str(tmp_path)}, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{shell} completion installed in {tmp_path}/{files[0]}")
    installed = [str(path.relative_to(tmp_path)) for path in tmp_path.rglob("*") if path.is_file()]
    assert sorted(installed) == sorted(files)
    assert SIGNATURE[shell] in (tmp_path / files[0]).read_text(encoding="utf-8")


def test_an_unknown_shell_is_a_usage_error(run: Run) -> None:
    result = run("--show-completion", "tcsh")
    assert result.code == 2
    assert (
        "Error: --show-completion: 'tcsh' is not a shell ecocareer completes in; choose bash, "
        "zsh, fish, powershell or pwsh.\n"
    ) in result.err


def _ask(shell: str, **env: str) -> str:
    """What the console script answers when `shell` asks for completions."""
    done = subprocess.run(
        [str(SCRIPT)], capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "_ECOCAREER_COMPLETE": f"complete_{shell}", **env},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


LEVELS = ["0", "1", "2", "3", "4", "5"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # bash splits words at '=': `--skill seo=` is --skill, seo and = (the word being
        # completed), and readline replaces only what follows the '='
        (["tshape", "--skill", "seo", "="], LEVELS),
        (["tshape", "--skill", "seo", "=", ""], LEVELS),
        (["tshape", "--skill", "=", "seo", "=", ""], LEVELS),
        (["roadmap", "--skill", "seo", "=", "4"], ["4"]),
        (["next", "seo", "-s", "seo", "=", "pr"], ["practitioner"]),
        (["tshape", "--skill=seo=4", "--skill", "cop"], [f"copywriting={n}" for n in LEVELS]),
        (["tshape", "--skill", "=", "cop"], [f"copywriting={n}" for n in LEVELS]),
    ],
)
def test_bash_completes_skill_levels_after_the_equals_sign(
    words: list[str], expected: list[str]
) -> None:
    answer = _ask("bash", COMP_WORDS="\n".join(["ecocareer", *words]), COMP_CWORD=str(len(words)))
    assert answer.split() == expected


def test_bash_itself_gets_the_levels_through_the_installed_script() -> None:
    """The script ecocareer prints, sourced in a real bash, fills COMPREPLY with the levels."""
    program = (
        'eval "$(ecocareer --show-completion bash)"; '
        "COMP_WORDS=(ecocareer tshape --skill seo =); COMP_CWORD=4; "
        '_ecocareer_completion ecocareer; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run(
        ["bash", "--norc", "-c", program], capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "PATH": f"{SCRIPT.parent}:{os.environ['PATH']}"},
    )  # fmt: skip
    assert (done.returncode, done.stdout.split()) == (0, LEVELS), done.stderr


@pytest.mark.parametrize("prefix", ["--skill ", "-s ", "--skill="])
def test_zsh_completes_skill_levels_with_their_names(prefix: str) -> None:
    answer = _ask("zsh", _TYPER_COMPLETE_ARGS=f"ecocareer tshape {prefix}seo=")
    word = prefix if prefix.endswith("=") else ""
    assert (
        answer
        == "_arguments '*: :(("
        + "\n".join(
            f'"{word}{value}":"{name.replace(":", chr(92) * 2 + ":")}"'
            for value, name in SEO_LEVELS
        )
        + "))'\n"
    )


@pytest.mark.parametrize("prefix", ["--skill ", "-s ", "--skill="])
def test_fish_completes_skill_levels_with_their_names(prefix: str) -> None:
    answer = _ask(
        "fish", _TYPER_COMPLETE_FISH_ACTION="get-args",
        _TYPER_COMPLETE_ARGS=f"ecocareer roadmap --from seo {prefix}seo=",
    )  # fmt: skip
    word = prefix if prefix.endswith("=") else ""
    assert answer.splitlines() == [f"{word}{value}\t{name}" for value, name in SEO_LEVELS]


@pytest.mark.parametrize(
    ("shell", "env"),
    [
        ("zsh", {"_TYPER_COMPLETE_ARGS": "ecocareer salary seo --country u"}),
        ("fish", {"_TYPER_COMPLETE_ARGS": "ecocareer salary seo --country u",
                  "_TYPER_COMPLETE_FISH_ACTION": "get-args"}),
        ("bash", {"COMP_WORDS": "ecocareer salary seo --country u", "COMP_CWORD": "4"}),
    ],
)  # fmt: skip
def test_every_shell_offers_ids_not_aliases(shell: str, env: dict[str, str]) -> None:
    answer = _ask(shell, **env)
    assert "us" in answer and "uk" in answer
    assert "usa" not in answer and "united-states-of-america" not in answer


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
    assert _complete_in_bash("ecocareer roadmap --from se") == ["seo-specialist"]


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
    assert completion.countries(context(), "n") == [("nz", "New Zealand")]
    assert completion.countries(context(), "new") == [("new-zealand", "New Zealand")]


@pytest.mark.parametrize("shell", ["powershell", "pwsh"])
def test_powershell_still_completes(shell: str) -> None:
    answer = _ask(
        shell, _TYPER_COMPLETE_ARGS="ecocareer tshape --skill seo=",
        _TYPER_COMPLETE_WORD_TO_COMPLETE="seo=",
    )  # fmt: skip
    assert answer.splitlines() == [f"{value}:::{name}" for value, name in SEO_LEVELS]
