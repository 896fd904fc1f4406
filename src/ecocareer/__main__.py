"""The `ecocareer` process: `python -m ecocareer` and the console script start here.

Kept tiny and free of imports, so it can make the process behave whatever
happens, even while the CLI is still loading:
- Ctrl-C at any moment exits 130 without a traceback;
- a stream that cannot carry a character (ASCII, cp1252) gets an ASCII stand-in
  (`£` as `GBP`, `–` as `-`) instead of a crash;
- a reader that goes away (`| head`) or a stream that fails while Python flushes
  it at exit never turns into "Exception ignored" or exit 120.

Two tricks make a run end sooner, both safe for a process this short. Cyclic
garbage collection is off: a run makes almost no reference cycles (reference
counting frees the rest at once), and the collector would otherwise walk every
object of the data again and again while it loads. And once both streams are
flushed, the process ends at once (`os._exit`) rather than tearing the interpreter
down: every file ecocareer writes is already whole and closed by then (see
`files.write_atomic`), so the teardown would only free memory the system frees
anyway. A stream that fails to flush takes the ordinary way out.
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TextIO

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


def _flush_or_forget() -> bool:
    """Flush both streams, saying whether both were; one that cannot be written is pointed
    at /dev/null instead."""
    flushed = True
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            stream.flush()
        except (OSError, ValueError):
            flushed = False
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    return flushed


COMPLETE_ENV = "_ECOCAREER_COMPLETE"

# What must never reach a terminal as it is, in anything written to stderr (our
# messages already escape it; Click's own usage errors quote what was typed): C0 and
# C1 controls but tab, newline, carriage return and ESC (which Rich's colours use),
# bidirectional controls, zero-width characters and line separators.
_HIDDEN = (
    "[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f\u061c\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2069\ufeff]"
)


class _VisibleStderr:
    """stderr with every hidden character written out (`\u202e`); all else passes on."""

    def __init__(self, stream: TextIO) -> None:
        import re  # here, not at the top: this module must load before anything else

        self._stream = stream
        self._hidden = re.compile(_HIDDEN)

    def write(self, text: str) -> int:
        return self._stream.write(self._hidden.sub(lambda m: f"\\u{ord(m.group()):04x}", text))

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def _say_error(message: str) -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(f"Error: {message}\n")


def _closed_streams() -> bool:
    """A stream closed before the run began (`>&-`): stderr is quietly replaced, a closed
    stdout is an error said on stderr (exit 74)."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the run)
    if sys.stdout is None:
        _say_error("cannot write the output (standard output is closed).")
        return True
    return False


def _sane_completion_request() -> None:
    """Shells (and people) can call completion with any COMP_CWORD: keep it a number."""
    if COMPLETE_ENV in os.environ and not os.environ.get("COMP_CWORD", "").isdigit():
        os.environ["COMP_CWORD"] = str(len(os.environ.get("COMP_WORDS", "").split()))


def main() -> None:
    """Run the CLI and exit with its code (0, 1, 2, 74 or 130)."""
    gc.disable()
    code: int | str | None = 0
    flushed = False
    try:
        if _closed_streams():
            sys.exit(74)
        _degrade_gracefully()
        sys.stderr = _VisibleStderr(sys.stderr)
        _sane_completion_request()
        from ecocareer.cli import main as run

        run()
    except SystemExit as exit_:
        code = exit_.code
        # Click answers a closed pipe during --help with exit 1 after wrapping stdout in
        # its PacifyFlushWrapper; a reader going away is no failure of ours.
        if code == 1 and type(sys.stdout).__name__ == "PacifyFlushWrapper":
            code = 0
    except KeyboardInterrupt:
        code = 130
    except OSError as error:  # a file or stream failed where nothing else reported it
        reason = error.strerror or type(error).__name__
        _say_error(f"cannot use {error.filename}: {reason}." if error.filename else f"{reason}.")
        code = 74
    except Exception:  # only shell completion gets here (commands report their own errors)
        if COMPLETE_ENV not in os.environ:
            raise
        code = 1
    finally:
        flushed = _flush_or_forget()
    if flushed and (code is None or type(code) is int):
        os._exit(code or 0)
    sys.exit(code)


if __name__ == "__main__":
    main()
