"""The benchmark script runs and reports every command and the floor (figures not asserted).

It takes a while, so it is out of the default run: `pytest -m slow` runs it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench.py"
COMMANDS = ["layers", "roles --layer distributors", "salary seo --country uk",
            "roadmap --from seo --to director", "tshape --skill seo=5", "--help"]  # fmt: skip


@pytest.mark.slow
def test_the_benchmark_reports_start_up_and_scale_for_every_command() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--runs", "1", "--scales", "1,2"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    startup, scale = done.stdout.split("\nScale:")
    for command in COMMANDS:
        assert any(line.startswith(command) for line in startup.splitlines()), command
        assert any(line.startswith(command) for line in scale.splitlines()), command
    assert "ratio" in startup and "stack" in startup and "growth" in scale
    assert any(line.startswith("data path  (floor)") for line in startup.splitlines())
