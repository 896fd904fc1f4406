"""--export FILE: every Rich view saved as SVG, HTML or text, the same bytes every run."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run
from hostile import commands

VIEWS = {
    "layers": ["layers"],
    "roles": ["roles"],
    "roles --layer": ["roles", "--layer", "distributors", "--country", "uk"],
    "role card": ["roles", "seo"],
    "salary": ["salary", "seo", "ppc", "--country", "uk"],
    "roadmap": ["roadmap", "--from", "seo", "--to", "director"],
    "compare": ["compare", "seo", "ppc"],
    "tshape": ["tshape", "--skill", "seo=5", "--skill", "copywriting=2"],
    "diagnose": ["diagnose", "seo", "ppc"],
    "sources": ["sources"],
    "skills": ["skills", "--layer", "converters"],
    "next": ["next", "seo", "--country", "uk"],
}
# Commands that answer for the saved person export too, but need a profile to run.
NEEDS_A_PROFILE = {"plan"}


def _plain(text: str) -> str:
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def test_every_command_with_a_table_view_offers_export() -> None:
    covered = {args[0] for args in VIEWS.values()}
    offering = {
        name
        for name, command in commands().items()
        if any("--export" in getattr(p, "opts", []) for p in getattr(command, "params", []))
    }
    assert offering == covered | NEEDS_A_PROFILE


@pytest.mark.parametrize("args", VIEWS.values(), ids=VIEWS.keys())
def test_text_export_is_the_view_as_shown(run: Run, tmp_path: Path, args: list[str]) -> None:
    target = tmp_path / "view.txt"
    result = run(*args, "--export", str(target))
    assert result.code == 0, result.err
    assert result.out.strip(), "the view is still printed"
    assert target.read_text(encoding="utf-8") == _plain(result.out)


@pytest.mark.parametrize("args", VIEWS.values(), ids=VIEWS.keys())
def test_svg_export_is_a_titled_picture(run: Run, tmp_path: Path, args: list[str]) -> None:
    target = tmp_path / "view.svg"
    assert run(*args, "--export", str(target)).code == 0
    svg = target.read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    assert svg.rstrip().endswith("</svg>")
    assert f">ecocareer&#160;{args[0]}<" in svg


@pytest.mark.parametrize("suffix", [".html", ".htm", ".HTML"])
def test_html_export_is_a_page_with_the_view(run: Run, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"roadmap{suffix}"
    assert run(*VIEWS["roadmap"], "--export", str(target)).code == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>ecocareer roadmap</title>" in page
    for name in ("SEO Specialist", "Marketing Director", "Broaden again"):
        assert name in page


def test_text_export_holds_the_role_names(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "roles.txt"
    assert run(*VIEWS["roles --layer"], "--export", str(target)).code == 0
    text = target.read_text(encoding="utf-8")
    for name in ("SEO Specialist", "PPC Specialist", "Digital Marketer", "£38,000 – £50,000"):
        assert name in text
    assert "\x1b" not in text


@pytest.mark.parametrize("suffix", [".svg", ".html", ".txt"])
def test_exports_are_deterministic_whatever_the_terminal(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    first, second, wide = (tmp_path / f"{name}{suffix}" for name in ("a", "b", "wide"))
    assert run(*VIEWS["roadmap"], "--export", str(first)).code == 0
    assert run(*VIEWS["roadmap"], "--export", str(second)).code == 0
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    assert run(*VIEWS["roadmap"], "--export", str(wide)).code == 0
    assert first.read_bytes() == second.read_bytes() == wide.read_bytes()


def test_exports_are_80_columns_wide(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "layers.txt"
    assert run("layers", "--export", str(target)).code == 0
    widths = [len(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert max(widths) == 80


def test_an_svg_keeps_the_layer_colours(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "layers.svg"
    assert run("layers", "--export", str(target)).code == 0
    assert target.read_text(encoding="utf-8").count("fill: #") >= 4


@pytest.mark.parametrize("name", ["map.png", "map", "map.svg.bak", "map.pdf"])
def test_an_unknown_extension_is_a_usage_error(run: Run, tmp_path: Path, name: str) -> None:
    result = run("layers", "--export", str(tmp_path / name))
    assert result.code == 2
    assert ".svg, .html, .htm or .txt" in result.err
    assert result.out == ""
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("fmt", ["json", "markdown", "csv"])
def test_export_is_for_the_table_view_only(run: Run, tmp_path: Path, fmt: str) -> None:
    result = run("roles", "--format", fmt, "--export", str(tmp_path / "roles.svg"))
    assert result.code == 2
    assert "--export is for the table view" in result.err
    assert result.out == ""


def test_a_missing_directory_is_refused_before_any_work(run: Run, tmp_path: Path) -> None:
    result = run("layers", "--export", str(tmp_path / "nowhere" / "map.svg"))
    assert result.code == 2
    assert "no directory" in result.err and "nowhere" in result.err
    assert result.out == ""


def test_a_directory_is_not_a_file(run: Run, tmp_path: Path) -> None:
    result = run("layers", "--export", str(tmp_path))
    assert result.code == 2
    assert "is a directory" in result.err
    assert "Traceback" not in result.err


def test_a_name_too_long_is_refused_before_any_work(run: Run, tmp_path: Path) -> None:
    result = run("layers", "--export", str(tmp_path / ("x" * 300 + ".svg")))
    assert result.code == 2
    assert result.out == ""
    assert "File name too long" in result.err
    assert "Traceback" not in result.err


def test_the_saved_file_is_named_on_stderr(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "map.txt"
    result = run("layers", "--export", str(target))
    assert result.code == 0
    assert f"Saved the view to {target}." in " ".join(result.err.split())
    assert "Saved" not in result.out


def test_an_existing_file_is_kept_unless_forced(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mine.txt"
    target.write_text("my notes\n", encoding="utf-8")
    refused = run("layers", "--export", str(target))
    assert refused.code == 2
    assert "already exists; add --force to replace it" in " ".join(refused.err.split())
    assert refused.out == ""
    assert target.read_text(encoding="utf-8") == "my notes\n"
    forced = run("layers", "--export", str(target), "--force")
    assert forced.code == 0
    assert "The marketing ecosystem" in target.read_text(encoding="utf-8")


def test_an_export_never_replaces_the_commands_own_input(run: Run, tmp_path: Path) -> None:
    team = tmp_path / "team.txt"
    team.write_text("team: {seo: 2}\n", encoding="utf-8")
    result = run("diagnose", "--team-file", str(team), "--export", str(team), "--force")
    assert result.code == 2
    assert "own input file" in result.err
    assert team.read_text(encoding="utf-8") == "team: {seo: 2}\n"


def test_a_link_planted_at_the_target_is_replaced_not_followed(run: Run, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    link = tmp_path / "view.txt"
    link.symlink_to(victim)
    assert run("layers", "--export", str(link), "--force").code == 0
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not link.is_symlink()
    assert "The marketing ecosystem" in link.read_text(encoding="utf-8")


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "view.txt"
    target.write_text("the old view\n", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", disk_full)
    result = run("layers", "--export", str(target), "--force")
    assert result.code == 74
    said = " ".join(result.err.split())
    assert "cannot write the export" in said and "No space left on device" in said
    assert target.read_text(encoding="utf-8") == "the old view\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["view.txt"]


def test_an_export_never_replaces_the_saved_profile(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "me.txt"  # a profile file may have any name, even an export's
    profile.write_text("skills: {seo: 4}\n", encoding="utf-8")
    monkeypatch.setenv("ECOCAREER_PROFILE", str(profile))
    for args in (["tshape"], ["next", "seo"], ["layers"]):
        result = run(*args, "--export", str(profile), "--force")
        assert result.code == 2, args
        assert "own input file" in result.err
    assert profile.read_text(encoding="utf-8") == "skills: {seo: 4}\n"


def test_a_very_long_export_path_is_cut_in_the_message(run: Run, tmp_path: Path) -> None:
    result = run("layers", "--export", str(tmp_path / ("x" * 5000) / "a.txt"))
    assert result.code == 2
    assert "characters)" in result.err and len(result.err) < 600
