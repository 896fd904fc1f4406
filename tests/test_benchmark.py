"""The benchmark script runs and gives every target a verdict (the figures are not asserted).

It takes a while, so it is out of the default run: `pytest -m slow` runs it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench.py"
VIEWS = ["layers", "roles --layer distributors", "salary seo --country uk",
         "roadmap --from seo --to director", "next seo", "tshape --skill seo=5",
         "plan"]  # fmt: skip


@pytest.mark.slow
def test_the_benchmark_reports_every_target_with_a_verdict() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--runs", "1", "--scales", "1,2"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr
    startup, scale = done.stdout.split("\nScale:")
    rows = startup.splitlines()
    for view in VIEWS:
        assert any(line.startswith(f"{view} ") and line.endswith(("PASS", "FAIL")) for line in rows)
        json = f"{view} --format json "
        assert any(line.startswith(json) and line.endswith(("PASS", "FAIL")) for line in rows)
        for kind in ("warm", "cold"):
            assert any(line.startswith(f"{view}  2x {kind}") for line in scale.splitlines())
    assert any(line.startswith("--help ") for line in rows)
    assert any(line.startswith("data path  (floor") for line in rows)
    assert "\nTargets: " in scale
