"""Keep README.md's example outputs current: run each example and write its output in.

README.md marks each example like this, and this script fills the fence in:

    <!-- example: roles --layer distributors -->
    ```text
    $ ecocareer roles --layer distributors
    ...output at 80 columns, no colour...
    ```
    <!-- /example -->

Usage: python scripts/readme_examples.py          rewrite README.md
       python scripts/readme_examples.py --check  exit 1 if README.md is stale
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(
    r"(?P<open><!-- example: (?P<args>[^>]*?) -->\n)```text\n.*?```\n(?P<close><!-- /example -->)",
    re.DOTALL,
)
ENVIRONMENT = {"COLUMNS": "80", "NO_COLOR": "1", "ECOCAREER_OVERLAY": ""}  # bundled data only
CLEARED = ("ECOCAREER_DATA_DIR", "FORCE_COLOR", "TERM", "LINES")


@contextlib.contextmanager
def _plain_terminal() -> Iterator[None]:
    """80 columns, no colour, bundled data, no overlay; the caller's environment kept."""
    saved = {name: os.environ.get(name) for name in (*ENVIRONMENT, *CLEARED)}
    for name in CLEARED:
        os.environ.pop(name, None)
    os.environ.update(ENVIRONMENT)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def example_output(args: str) -> str:
    """What `ecocareer ARGS` prints at 80 columns without colour, trailing spaces dropped."""
    from ecocareer.cli import main

    out = io.StringIO()
    with _plain_terminal(), contextlib.redirect_stdout(out):
        try:
            main(shlex.split(args))
        except SystemExit as exit_:
            if exit_.code:
                raise RuntimeError(f"ecocareer {args} failed with exit {exit_.code}") from None
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


def updated(readme: str) -> str:
    """The README text with every example block refilled from a fresh run."""

    def refill(match: re.Match[str]) -> str:
        args = match["args"].strip()
        body = f"$ ecocareer {args}\n{example_output(args)}"
        return f"{match['open']}```text\n{body}```\n{match['close']}"

    return BLOCK.sub(refill, readme)


def main(argv: list[str]) -> int:
    """Rewrite README.md, or with --check report whether it is current (exit 1 if stale)."""
    text = README.read_text(encoding="utf-8")
    if not BLOCK.search(text):
        print(f"{README}: no '<!-- example: ... -->' blocks found", file=sys.stderr)
        return 1
    fresh = updated(text)
    if "--check" in argv:
        if fresh != text:
            print(
                f"{README.name} examples are stale; run: python scripts/readme_examples.py",
                file=sys.stderr,
            )
            return 1
        print(f"{README.name} examples are current.")
        return 0
    if fresh != text:
        README.write_text(fresh, encoding="utf-8")
        print(f"Updated the examples in {README.name}.")
    else:
        print(f"{README.name} examples are current.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
