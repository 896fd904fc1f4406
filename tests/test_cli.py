"""The core commands: welcome, --version, data path/validate, sources, global --data-dir."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Run, replace_in

from ecocareer import __version__
from ecocareer.catalog.locations import bundled_data_dir


def test_no_arguments_shows_a_welcome_with_three_things_to_try(run: Run) -> None:
    result = run()
    assert result.code == 0
    assert "career advisor for digital marketing" in result.out
    for command in ("ecocareer layers", "ecocareer salary seo --country uk", "ecocareer roadmap"):
        assert command in result.out


def test_version(run: Run) -> None:
    assert run("--version") == type(run("--version"))(0, f"ecocareer {__version__}\n", "")


def test_data_path_names_the_bundled_directory(run: Run) -> None:
    result = run("data", "path")
    assert result.code == 0
    assert Path(result.out.strip()) == bundled_data_dir()


def test_data_path_follows_the_option_and_the_environment(
    run: Run, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("--data-dir", str(data_copy), "data", "path").out.strip() == str(data_copy)
    monkeypatch.setenv("ECOCAREER_DATA_DIR", str(data_copy))
    assert run("data", "path").out.strip() == str(data_copy)


def test_validate_passes_on_the_bundled_data(run: Run) -> None:
    result = run("data", "validate")
    assert result.code == 0
    assert "18 roles" in result.out and "164 salary bands" in result.out


def test_validate_fails_on_a_broken_copy_with_file_and_line(run: Run, data_copy: Path) -> None:
    replace_in(data_copy / "salaries.yaml", "min: 55000, max: 70000", "min: 75000, max: 70000")
    result = run("data", "validate", str(data_copy))
    assert result.code == 1
    line = next(
        n
        for n, text in enumerate((data_copy / "salaries.yaml").read_text().splitlines(), 1)
        if "min: 75000, max: 70000" in text
    )
    assert f"salaries.yaml:{line}: bands[" in result.err
    assert "min 75000 is above max 70000" in result.err
    assert "Traceback" not in result.err


def test_a_broken_data_dir_stops_every_command_with_exit_1(run: Run, data_copy: Path) -> None:
    replace_in(data_copy / "roles.yaml", "layer: distributors", "layer: distributorz")
    result = run("--data-dir", str(data_copy), "sources")
    assert result.code == 1
    assert "unknown layer 'distributorz'; did you mean 'distributors'?" in result.err
    assert result.out == ""


def test_sources_table_lists_titles_and_urls(run: Run) -> None:
    result = run("sources")
    assert result.code == 0
    assert "Digital Marketing Average Salary 2025" in result.out
    lines = result.out.splitlines()
    # A URL is never folded: it stands whole on its own line, for the terminal to wrap.
    url = "https://www.cv-library.co.uk/career-advice/start/career-guides/digital-marketing-average-salary/"
    assert [line.strip() for line in lines if "cv-library" in line.lower()] == [
        "21 Digital Marketing Average Salary 2025 | CV-Library",
        "CV-Library, accessed 2025-08-06",
        "id: cv-library",
        url,
    ]
    assert max(len(line) for line in lines if not line.strip().startswith("https://")) <= 80


def test_sources_json_and_csv_carry_the_same_records(run: Run) -> None:
    records = json.loads(run("sources", "--format", "json").out)
    rows = list(csv.DictReader(io.StringIO(run("sources", "-f", "csv").out)))
    assert len(records) == len(rows) == 45
    cv_library = next(r for r in records if r["id"] == "cv-library")
    assert cv_library == {
        "id": "cv-library",
        "title": "Digital Marketing Average Salary 2025 | CV-Library",
        "publisher": "CV-Library",
        "url": "https://www.cv-library.co.uk/career-advice/start/career-guides/digital-marketing-average-salary/",
        "accessed": "2025-08-06",
        "number": 21,
    }
    assert next(r for r in rows if r["id"] == "cv-library")["number"] == "21"


def test_sources_markdown_is_a_table(run: Run) -> None:
    out = run("sources", "-f", "markdown").out
    assert out.startswith("# Sources\n\n| # | id | title |")
    assert "| 21 | cv-library |" in out


def test_an_unknown_format_is_a_usage_error(run: Run) -> None:
    result = run("sources", "--format", "xml")
    assert result.code == 2
    assert (
        "Error: --format: 'xml' is not a format here; choose table, json, csv or markdown."
        in result.err
    )


def test_the_installed_console_script_pipes_plain_text_and_exits_cleanly() -> None:
    script = Path(sys.executable).with_name("ecocareer")
    env = {k: v for k, v in os.environ.items() if k != "ECOCAREER_DATA_DIR"}
    listed = subprocess.run(
        [script, "sources"], capture_output=True, text=True, env=env, timeout=60
    )
    assert listed.returncode == 0
    assert "\x1b" not in listed.stdout
    missing = subprocess.run(
        [script, "--data-dir", "/no/such/dir", "sources"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert missing.returncode == 1
    assert "/no/such/dir: data directory not found" in missing.stderr
    assert "Traceback" not in missing.stderr
