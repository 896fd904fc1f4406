"""Start-up and scale benchmark for ecocareer.

    python benchmarks/bench.py [--runs 9] [--scales 1,10,100]

Start-up: each everyday command against a bare Typer hello world and against
the same hello through Typer, Pydantic and Rich ("stack"), all run by this
interpreter, alternating, median of --runs after a warm-up, and the ratios of
medians; then `data path`, which loads no data, models or Rich: the floor Typer
sets for ecocareer's command tree.

Scale: the same commands on data generated at 10x and 100x the bundled size
(valid, cross-referenced), with wall time, peak memory and the growth factor
from one scale to the next. Each command runs once before it is timed, so the
timed runs use the cache of validated data, as a person's second and later runs
do.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
HELLO = [sys.executable, str(HERE / "hello_typer.py")]
STACK = [sys.executable, str(HERE / "hello_stack.py")]  # hello through Typer, Pydantic and Rich
ECOCAREER = [sys.executable, "-m", "ecocareer"]
COMMANDS = [
    ["layers"],
    ["roles", "--layer", "distributors"],
    ["salary", "seo", "--country", "uk"],
    ["roadmap", "--from", "seo", "--to", "director"],
    ["tshape", "--skill", "seo=5"],
    ["--help"],
]
# Loads no data, models or Rich: what Typer alone costs for ecocareer's own command tree.
FLOOR = ["data", "path"]


def measure(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(argv)} failed:\n{error}")
    return elapsed, usage.ru_maxrss


def startup(runs: int, env: dict[str, str]) -> None:
    print(f"\nStart-up on the bundled data (median of {runs} runs, alternating the three)")
    print(f"{'command':<36} {'ecocareer':>9} {'hello':>7} {'ratio':>5} {'stack':>7} {'ratio':>5}")
    for command in [*COMMANDS, FLOOR]:
        contenders = [ECOCAREER + command, HELLO, STACK]
        for argv in contenders:
            measure(argv, env)
        times: list[list[float]] = [[] for _ in contenders]
        for _ in range(runs):
            for argv, taken in zip(contenders, times, strict=True):
                taken.append(measure(argv, env)[0])
        mine, hello, stack = (statistics.median(taken) for taken in times)
        label = " ".join(command) + ("  (floor)" if command is FLOOR else "")
        print(
            f"{label:<36} {mine * 1000:>7.0f}ms {hello * 1000:>5.0f}ms {mine / hello:>5.2f}"
            f" {stack * 1000:>5.0f}ms {mine / stack:>5.2f}"
        )


class _PlainDumper(yaml.SafeDumper):
    """Writes repeated values out in full: ecocareer refuses anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def scaled_copy(source: Path, target: Path, factor: int) -> None:
    """Write `factor` cross-linked copies of every role, skill and band to `target`."""
    roles = yaml.safe_load((source / "roles.yaml").read_text(encoding="utf-8"))
    salaries = yaml.safe_load((source / "salaries.yaml").read_text(encoding="utf-8"))
    target.mkdir(parents=True, exist_ok=True)
    (target / "sources.yaml").write_text(
        (source / "sources.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )

    def tag(value: str, copy: int) -> str:
        return value if copy == 0 else f"{value}-x{copy}"

    skills: list[Any] = []
    all_roles: list[Any] = []
    bands: list[Any] = []
    for copy in range(factor):
        for skill in roles["skills"]:
            skills.append(
                {**skill, "id": tag(skill["id"], copy), "name": f"{skill['name']} {copy}",
                 "aliases": [tag(a, copy) for a in skill.get("aliases", [])]}
            )  # fmt: skip
        for role in roles["roles"]:
            links = [{**link, "role": tag(link["role"], copy)} for link in role.get("leads_to", [])]
            if factor > 1:  # chain the copies so every role still reaches every other
                chain = tag(role["id"], (copy + 1) % factor)
                links.append({"role": chain, "basis": "inferred", "note": "Scaled data."})
            all_roles.append(
                {**role, "id": tag(role["id"], copy), "name": f"{role['name']} {copy}",
                 "aliases": [tag(a, copy) for a in role.get("aliases", [])],
                 "leads_to": links,
                 "skills": {part: [tag(s, copy) for s in ids]
                            for part, ids in role["skills"].items()}}
            )  # fmt: skip
        bands += [{**band, "role": tag(band["role"], copy)} for band in salaries["bands"]]
    roles |= {"skills": skills, "roles": all_roles}
    salaries |= {"bands": bands}
    for name, data in (("roles.yaml", roles), ("salaries.yaml", salaries)):
        text = yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False)
        (target / name).write_text(text, encoding="utf-8")


def scale(scales: list[int], runs: int, env: dict[str, str]) -> None:
    print(f"\nScale: generated data at {', '.join(f'{s}x' for s in scales)} (median of {runs})")
    with tempfile.TemporaryDirectory() as tmp:
        dirs = {}
        for factor in scales:
            dirs[factor] = Path(tmp) / f"x{factor}"
            # In a child process: a child's peak memory counts what it inherits at fork,
            # so this process must stay small.
            generate = [sys.executable, __file__, "--generate", str(dirs[factor]), str(factor)]
            subprocess.run(generate, check=True)
        print(f"{'command':<36}" + "".join(f"{f'{s}x ms / MiB':>16}" for s in scales) + "  growth")
        for command in COMMANDS:
            times, peaks = [], []
            for factor in scales:
                argv = [*ECOCAREER, "--data-dir", str(dirs[factor]), *command]
                measure(argv, env)
                results = [measure(argv, env) for _ in range(runs)]
                times.append(statistics.median(r[0] for r in results))
                peaks.append(max(r[1] for r in results) / 1024)
            cells = "".join(
                f"{t * 1000:>9.0f} / {p:>4.0f}" for t, p in zip(times, peaks, strict=True)
            )
            growth = " -> ".join(f"{b / a:.2f}x" for a, b in itertools.pairwise(times))
            print(f"{' '.join(command):<36}{cells}  {growth}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--generate", nargs=2, metavar=("DIR", "FACTOR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        from ecocareer.catalog.locations import bundled_data_dir

        scaled_copy(bundled_data_dir(), Path(args.generate[0]), int(args.generate[1]))
        return
    env = {k: v for k, v in os.environ.items() if k != "ECOCAREER_DATA_DIR"} | {"NO_COLOR": "1"}
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores")
    if not args.skip_startup:
        startup(args.runs, env)
    scale([int(s) for s in args.scales.split(",")], max(1, args.runs // 3), env)


if __name__ == "__main__":
    main()
