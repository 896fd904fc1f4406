"""Start-up and scale benchmark for ecocareer, with the targets of issue 18.

    python benchmarks/bench.py [--runs 9] [--scales 1,10,100] [--skip-startup]
    python benchmarks/bench.py --generate DIR FACTOR     # write scaled data only

Every figure is a ratio to a bare Typer "hello world" (hello_typer.py) run by
the same interpreter, paired: the two commands run in turn, A B A B ..., after
a warm-up, and the ratio is of their medians, so it holds while a shared
machine's speed drifts. Each row says its target and PASS or FAIL.

Start-up: every table view, its `--format json`, and `--help` on the bundled
data; for reference, `data path` (loads no data: what Typer costs for
ecocareer's command tree) and the hello through Typer, Pydantic and Rich.

Scale: data generated at each --scales factor (valid, cross-referenced). Warm:
the cache of validated data holds the data, as on a person's second and later
runs. Cold: the first run after the data changed, each run with an empty cache
directory of its own; with its peak memory, and the growth from one factor to
the next.

The runs use a cache directory and a profile of their own (never the user's),
no overlay, and compiled bytecode as an installed package has it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
HELLO = [sys.executable, str(HERE / "hello_typer.py")]
STACK = [sys.executable, str(HERE / "hello_stack.py")]  # hello through Typer, Pydantic and Rich
_SCRIPT = Path(sys.executable).with_name("ecocareer")  # the console script people run
ECOCAREER = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "ecocareer"]
# The table views, and what each needs to answer (plan answers from the profile below).
VIEWS = [
    ["layers"],
    ["roles", "--layer", "distributors"],
    ["salary", "seo", "--country", "uk"],
    ["roadmap", "--from", "seo", "--to", "director"],
    ["next", "seo"],
    ["tshape", "--skill", "seo=5"],
    ["plan"],
]
HELP = ["--help"]
FLOOR = ["data", "path"]  # loads no data, models or Rich
PROFILE = """\
role: seo-specialist
target: marketing-director
country: uk
level: mid
pay: 45000
skills:
  seo: 4
  copywriting: 2
  analytics: 3
"""

# Targets, as ratios to the bare hello (and MiB for memory).
TABLE, JSON, HELP_TARGET = 1.10, 1.00, 0.60
COLD, WARM, COLD_MIB = 7.0, 2.0, 100
TARGET_SCALE = 100  # the factor the scale targets are for


@dataclass
class Pair:
    """Wall seconds of the runs of a command and of the hello beside it, and the command's
    peak resident memory (MiB) in each run."""

    seconds: list[float]
    hello: list[float]
    mib: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def ratio(self) -> float:
        return self.median / statistics.median(self.hello)


class Targets:
    """Every target checked, for the summary line."""

    def __init__(self) -> None:
        self.met = 0
        self.missed: list[str] = []

    def check(self, label: str, value: float, limit: float) -> str:
        if value <= limit:
            self.met += 1
            return "PASS"
        self.missed.append(label)
        return "FAIL"


Env = Callable[[], dict[str, str]]


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of one run, which must succeed."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    error = process.stderr.read().decode() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{error}")
    return elapsed, usage.ru_maxrss / 1024


def paired(runs: int, mine: list[str], env: Env) -> Pair:
    """`mine` and the hello in turn, after one warm-up each."""
    run_once(mine, env())
    run_once(HELLO, env())
    pair = Pair([], [], [])
    for _ in range(runs):
        seconds, mib = run_once(mine, env())
        pair.seconds.append(seconds)
        pair.mib.append(mib)
        pair.hello.append(run_once(HELLO, env())[0])
    return pair


def _row(label: str, pair: Pair, target: str, verdict: str, extra: str = "") -> None:
    hello = statistics.median(pair.hello)
    print(
        f"{label:<48} {pair.median * 1000:>6.0f} {hello * 1000:>6.0f}"
        f" {pair.ratio:>6.2f} {target:>7} {verdict:>5}{extra}"
    )


def startup(runs: int, environment: dict[str, str], profile: Path, targets: Targets) -> None:
    print(f"\nStart-up on the bundled data: ms, median of {runs} paired runs against the hello")
    print(f"{'command':<48} {'ms':>6} {'hello':>6} {'ratio':>6} {'target':>7} {'':>5}")
    plain = lambda: environment  # noqa: E731
    with_profile = lambda: {**environment, "ECOCAREER_PROFILE": str(profile)}  # noqa: E731
    rows: list[tuple[list[str], float | None]] = [(view, TABLE) for view in VIEWS]
    rows += [([*view, "--format", "json"], JSON) for view in VIEWS]
    rows += [(HELP, HELP_TARGET), (FLOOR, None)]
    for command, limit in rows:
        env = with_profile if command[0] == "plan" else plain
        pair = paired(runs, ECOCAREER + command, env)
        label = " ".join(command)
        if limit is None:
            _row(f"{label}  (floor, no target)", pair, "", "")
        else:
            verdict = targets.check(label, pair.ratio, limit)
            _row(label, pair, f"<={limit:.2f}", verdict)
    pair = paired(runs, STACK, plain)
    _row("stack hello: Typer+Pydantic+Rich (reference)", pair, "", "")


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


def scale(
    scales: list[int], runs: int, environment: dict[str, str], profile: Path, targets: Targets
) -> None:
    print(f"\nScale: generated data at {', '.join(f'{s}x' for s in scales)}: ms, median of {runs}")
    print(f"{'command':<48} {'ms':>6} {'hello':>6} {'ratio':>6} {'target':>7} {'':>5}  MiB growth")
    plain = lambda: environment  # noqa: E731
    with tempfile.TemporaryDirectory() as tmp:
        dirs = {}
        for factor in scales:
            dirs[factor] = Path(tmp) / f"x{factor}"
            # In a child process: a child's peak memory counts what it inherits at fork,
            # so this process must stay small.
            generate = [sys.executable, __file__, "--generate", str(dirs[factor]), str(factor)]
            subprocess.run(generate, check=True)
        fresh = iter(range(10**9))

        def cold() -> dict[str, str]:  # an empty cache directory for every run
            return {**environment, "ECOCAREER_CACHE_DIR": f"{tmp}/cold-{next(fresh)}"}

        def with_profile(make: Env) -> Env:
            return lambda: {**make(), "ECOCAREER_PROFILE": str(profile)}

        for command in VIEWS:
            for kind, make_env in (("warm", plain), ("cold", cold)):
                env = with_profile(make_env) if command[0] == "plan" else make_env
                previous: float | None = None
                for factor in scales:
                    argv = [*ECOCAREER, "--data-dir", str(dirs[factor]), *command]
                    pair = paired(runs, argv, env)
                    label = f"{' '.join(command)}  {factor}x {kind}"
                    peak = max(pair.mib)
                    notes = f"  {peak:>4.0f}"
                    target = verdict = ""
                    if previous is not None:
                        notes += f" {pair.median / previous:5.2f}x"
                    if factor == TARGET_SCALE:
                        limit = WARM if kind == "warm" else COLD
                        target = f"<={limit:.2f}"
                        verdict = targets.check(label, pair.ratio, limit)
                        if kind == "cold":
                            memory = targets.check(f"{label} memory", peak, COLD_MIB)
                            notes += f" (memory <={COLD_MIB} {memory})"
                        if previous is not None:
                            linear = factor / scales[scales.index(factor) - 1]
                            growth = targets.check(
                                f"{label} growth", pair.median / previous, linear
                            )
                            notes += f" (growth <={linear:.0f}x {growth})"
                    _row(label, pair, target, verdict, notes)
                    previous = pair.median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="paired runs per start-up row")
    parser.add_argument("--scales", default="1,10,100", help="data sizes, as factors")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--generate", nargs=2, metavar=("DIR", "FACTOR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        from ecocareer.catalog.locations import bundled_data_dir

        scaled_copy(bundled_data_dir(), Path(args.generate[0]), int(args.generate[1]))
        return
    targets = Targets()
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile.yaml"
        profile.write_text(PROFILE, encoding="utf-8")
        # Bytecode as an installed package has it; no user's data, overlay, profile or cache.
        skip = ("ECOCAREER_", "PYTHONDONTWRITEBYTECODE")
        environment = {k: v for k, v in os.environ.items() if not k.startswith(skip)} | {
            "NO_COLOR": "1",
            "ECOCAREER_OVERLAY": "",
            "ECOCAREER_PROFILE": "",
            "ECOCAREER_CACHE_DIR": str(Path(tmp) / "cache"),
        }
        print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; {' '.join(ECOCAREER)}")
        if not args.skip_startup:
            startup(args.runs, environment, profile, targets)
        scales = [int(s) for s in args.scales.split(",")]
        scale(scales, max(1, args.runs // 3), environment, profile, targets)
    total = targets.met + len(targets.missed)
    print(f"\nTargets: {targets.met} of {total} met.")
    for label in targets.missed:
        print(f"  missed: {label}")


if __name__ == "__main__":
    main()
