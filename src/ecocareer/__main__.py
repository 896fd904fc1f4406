"""The `ecocareer` process: `python -m ecocareer` and the console script start here.

Kept tiny and free of imports, so it can make the process behave whatever
happens, even while the CLI is still loading:
- Ctrl-C at any moment exits 130 without a traceback;
- a stream that cannot carry a character (ASCII, cp1252) gets an ASCII stand-in
  (`£` as `GBP`, `–` as `-`) instead of a crash;
- a reader that goes away (`| head`) or a stream that fails while Python flushes
  it at exit never turns into "Exception ignored" or exit 120.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys

# What a character becomes where the output's encoding cannot carry it.
STAND_INS = {
    "£": "GBP", "€": "EUR", "–": "-", "—": "-", "−": "-", "…": "...", "·": ".", "•": "*",
    "✎": "*", "➜": ">", "⟳": "@", "◆": "#", "↔": "<>", "↓": "v", "⊤": "T", "▶": ">",
    "▼": "v", "│": "|", "→": "->", "◂": "<", "█": "#", "▌": "#", "▐": "#", "×": "x", "±": "+-",
    "‘": "'", "’": "'", "“": '"', "”": '"', "é": "e", "è": "e", "ü": "u", "ö": "o",
}  # fmt: skip
ERRORS = "ecocareer-ascii"


def _stand_in(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(STAND_INS.get(char, "?") for char in text), error.end


def _degrade_gracefully() -> None:
    """Let stdout and stderr write what their encoding lacks as ASCII stand-ins."""
    codecs.register_error(ERRORS, _stand_in)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            reconfigure(errors=ERRORS)


def _flush_or_forget() -> None:
    """Flush both streams; one that cannot be written is pointed at /dev/null instead."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())


def main() -> None:
    """Run the CLI and exit with its code (0, 1, 2, 74 or 130)."""
    code: int | str | None = 0
    try:
        _degrade_gracefully()
        from ecocareer.cli import main as run

        run()
    except SystemExit as exit_:
        code = exit_.code
    except KeyboardInterrupt:
        code = 130
    except OSError:  # a stream failed where nothing could report it (stderr on a full disk)
        code = 74
    finally:
        _flush_or_forget()
    sys.exit(code)


if __name__ == "__main__":
    main()
