"""The saved profile: its life cycle, and every command answering for the person, saying so."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import Run

NOTE = "using your profile:"


@pytest.fixture
def saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "me" / "profile.yaml"
    monkeypatch.setenv("ECOCAREER_PROFILE", str(path))
    return path


def shown(run: Run) -> dict[str, object]:
    result = run("profile", "show", "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_set_then_show_gives_ids_and_nulls(run: Run, saved: Path) -> None:
    result = run("profile", "set", "--role", "Copywriter", "--target", "chief marketing officer",
                 "--country", "Canada", "--skill", "copywriting=5",
                 "--skill", "content-strategy=advanced")  # fmt: skip
    assert result.code == 0, result.err
    assert f"Saved your profile to {saved}." in " ".join(result.out.split())
    assert shown(run) == {
        "role": "copywriter",
        "target": "cmo",
        "country": "ca",
        "level": None,
        "pay": None,
        "skills": {"copywriting": 5, "content-strategy": 4},
    }
    assert saved.read_text(encoding="utf-8").startswith("# Your ecocareer profile")


def test_set_merges_into_what_is_saved(run: Run, saved: Path) -> None:
    run("profile", "set", "--role", "seo", "--skill", "seo=4")
    run("profile", "set", "--level", "mid", "--pay", "52000", "--skill", "analytics=2")
    assert shown(run) == {
        "role": "seo-specialist", "target": None, "country": None, "level": "mid",
        "pay": 52000, "skills": {"seo": 4, "analytics": 2},
    }  # fmt: skip


def test_show_in_a_table_uses_display_names(run: Run, saved: Path) -> None:
    run("profile", "set", "--role", "seo", "--country", "uk", "--pay", "45000", "--skill", "seo=4")
    text = " ".join(run("profile", "show").out.split())
    pieces = ("Role now SEO Specialist", "Country United Kingdom", "Pay £45,000 a year (GBP)",
              "Search engine optimisation", "4 advanced")  # fmt: skip
    for piece in pieces:
        assert piece in text, piece


def test_clear_and_path(run: Run, saved: Path) -> None:
    assert run("profile", "path").out.strip() == f"{saved} (not saved yet)"
    run("profile", "set", "--role", "seo")
    assert run("profile", "path").out.strip() == str(saved)
    assert run("profile", "clear").code == 0
    assert not saved.exists()
    assert shown(run)["role"] is None


@pytest.mark.parametrize(
    ("content", "where", "what"),
    [
        ("role: [seo\n", ":2:", "YAML syntax error"),
        ("role: zzz\n", ":1:", "Unknown role 'zzz'"),
        ("country: uk\nrol: seo\n", ":2:", "unknown field 'rol'"),
        ("pay: -5\n", ":1:", "pay must be a whole number"),
        ("skills:\n  seo: 9\n", ":2:", "level 9 is outside 0–5"),
    ],
)
def test_a_broken_profile_is_a_usage_error_and_never_rewritten(
    run: Run, saved: Path, content: str, where: str, what: str
) -> None:
    saved.parent.mkdir(parents=True)
    saved.write_text(content, encoding="utf-8")
    for args in (["salary", "seo"], ["profile", "show"], ["profile", "set", "--role", "seo"],
                 ["profile", "clear"]):  # fmt: skip
        result = run(*args)
        assert result.code == 2, (args, result)
        said = " ".join(result.err.split())
        assert f"{saved}{where}" in said and what in said, (args, said)
    assert saved.read_text(encoding="utf-8") == content


def test_every_command_fills_what_the_flags_leave_out_and_says_so(run: Run, saved: Path) -> None:
    run("profile", "set", "--role", "copywriter", "--target", "cmo", "--country", "uk",
        "--skill", "copywriting=5", "--skill", "analytics=2")  # fmt: skip
    salary = run("salary", "seo", "--format", "json")
    assert {band["country"] for band in json.loads(salary.out)} == {"uk"}
    assert salary.err.strip() == f"{NOTE} country uk"
    roadmap = run("roadmap", "--format", "json")
    data = json.loads(roadmap.out)
    assert (data["from"], data["to"], data["country"]) == ("copywriter", "cmo", "uk")
    assert roadmap.err.strip() == f"{NOTE} role copywriter, target cmo, country uk, skills 2 rated"
    tshape = run("tshape", "--format", "json")
    assert json.loads(tshape.out)["skills"] == {"copywriting": 5, "analytics": 2}
    assert tshape.err.strip() == f"{NOTE} skills 2 rated"
    roles = run("roles", "--layer", "distributors")
    assert "UK mid-level" in roles.out and roles.err.strip() == f"{NOTE} country uk"
    diagnose = run("diagnose", "seo")
    assert "United Kingdom" in diagnose.out and diagnose.err.strip() == f"{NOTE} country uk"


def test_a_flag_always_wins_and_nothing_is_said(run: Run, saved: Path) -> None:
    run("profile", "set", "--role", "copywriter", "--target", "cmo", "--country", "uk")
    result = run("roadmap", "--from", "seo", "--to", "director", "--country", "us",
                 "--format", "json")  # fmt: skip
    data = json.loads(result.out)
    assert (data["from"], data["to"], data["country"]) == (
        "seo-specialist",
        "marketing-director",
        "us",
    )
    assert result.err == ""


def test_the_profile_can_be_switched_off(
    run: Run, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("profile", "set", "--country", "uk")
    off = run("--no-profile", "salary", "seo", "--format", "json")
    assert {band["country"] for band in json.loads(off.out)} == {"us", "ca", "uk", "au"}
    assert off.err == ""
    monkeypatch.setenv("ECOCAREER_PROFILE", "")
    assert run("salary", "seo", "--format", "json").out == off.out


def test_init_refuses_without_a_terminal(run: Run, saved: Path) -> None:
    result = run("profile", "init")
    assert result.code == 2
    assert "ecocareer profile set" in result.err
    assert not saved.exists()


def test_init_asks_in_a_terminal_and_saves(tmp_path: Path) -> None:
    """The guided set-up driven through a real pseudo-terminal, answer by answer."""
    path = tmp_path / "profile.yaml"
    env = {**os.environ, "ECOCAREER_PROFILE": str(path), "ECOCAREER_OVERLAY": "",
           "ECOCAREER_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}  # fmt: skip
    env.pop("ECOCAREER_DATA_DIR", None)
    leader, follower = pty.openpty()
    script = Path(sys.executable).with_name("ecocareer")
    process = subprocess.Popen(
        [str(script), "profile", "init"], stdin=follower, stdout=follower, stderr=follower,
        env=env, close_fds=True,
    )  # fmt: skip
    os.close(follower)
    answers = ["copywriter", "cmo", "ca", "mid"] + ["5", "4"] + [""] * 10
    seen = b""
    deadline = time.monotonic() + 30
    while process.poll() is None and time.monotonic() < deadline:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        seen += chunk
        if chunk.rstrip().endswith((b":", b"]:")) and answers:
            os.write(leader, answers.pop(0).encode() + b"\n")
    process.wait(timeout=30)
    os.close(leader)
    assert process.returncode == 0, seen.decode(errors="replace")
    text = path.read_text(encoding="utf-8")
    for line in ("role: copywriter", "target: cmo", "country: ca", "level: mid"):
        assert line in text
    assert b"0 none, 1 aware, 2 working, 3 practitioner, 4 advanced, 5 expert" in seen
