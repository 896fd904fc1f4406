"""The process as a good Unix citizen, through the installed console script.

What needs a real process is tested here: a reader that goes away, a full disk,
a closed stream, a legacy encoding, Ctrl-C, and shell completion called oddly.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("ecocareer")
# Every command's table view, and the machine formats of the listings.
RUNS = [
    ["layers"],
    ["roles"],
    ["roles", "seo"],
    ["salary", "seo", "ppc"],
    ["roadmap", "--from", "seo", "--to", "cmo"],
    ["compare", "seo", "ppc"],
    ["tshape", "--skill", "seo=4"],
    ["diagnose", "seo", "ppc"],
    ["sources"],
    ["salary", "seo", "--format", "json"],
    ["roles", "--format", "csv"],
    ["layers", "--format", "markdown"],
    ["data", "path"],
    ["--help"],
]


def environment(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("ECOCAREER_")}
    env.update(ECOCAREER_OVERLAY="", COLUMNS="80", **extra)
    return env


def test_a_reader_that_goes_away_ends_every_run_quietly_with_exit_0() -> None:
    for args in RUNS:
        process = subprocess.Popen(
            [str(SCRIPT), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment(),
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # the reader is gone before the first byte
        err = process.stderr.read()
        assert process.wait(timeout=30) == 0, (args, err)
        assert err == b"", (args, err)


@pytest.mark.parametrize("args", [["layers"], ["salary", "seo", "--format", "json"]])
def test_a_full_disk_is_one_line_and_exit_74(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [str(SCRIPT), *args], stdout=full, stderr=subprocess.PIPE, env=environment(),
            timeout=30,
        )  # fmt: skip
    assert done.returncode == 74
    assert done.stderr.decode() == "Error: cannot write the output (No space left on device).\n"


def test_a_closed_stdout_is_said_on_stderr() -> None:
    done = subprocess.run(
        [str(SCRIPT), "layers"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env=environment(), timeout=30, pass_fds=(), close_fds=True,
        preexec_fn=lambda: os.close(1),
    )  # fmt: skip
    assert done.returncode == 74
    assert b"standard output is closed" in done.stderr
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("encoding", "pound"), [("ascii", "GBP"), ("cp1252", "£"), ("latin-1", "£")]
)
def test_a_legacy_encoding_gets_stand_ins_not_a_crash(encoding: str, pound: str) -> None:
    done = subprocess.run(
        [str(SCRIPT), "salary", "seo", "--country", "uk"], capture_output=True,
        env=environment(PYTHONIOENCODING=encoding), timeout=30,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode(encoding)
    assert f"{pound}30,000 - {pound}38,000" in text or f"{pound}30,000 – {pound}38,000" in text
    if encoding == "ascii":
        json_done = subprocess.run(
            [str(SCRIPT), "salary", "seo", "--format", "json"], capture_output=True,
            env=environment(PYTHONIOENCODING=encoding), timeout=30,
        )  # fmt: skip
        assert json_done.returncode == 0
        assert b"\\u00a3" not in json_done.stdout  # figures are numbers; names stay exact
        assert json_done.stdout.isascii()


def test_ctrl_c_at_any_moment_exits_130_without_a_traceback() -> None:
    caught = 0
    for delay in (0.05, 0.1, 0.15, 0.2, 0.3, 0.4):
        process = subprocess.Popen(
            [str(SCRIPT), "roles"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=environment(),
        )  # fmt: skip
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
        if process.returncode == -2 or b"import main\nKeyboardInterrupt" in err:
            continue  # the signal landed before any ecocareer code ran (a loaded machine)
        assert process.returncode in (0, 130), (delay, process.returncode, err)
        assert b"Traceback" not in err, (delay, err)
        caught += process.returncode == 130
    assert caught, "no interrupt reached ecocareer's own code"


@pytest.mark.parametrize(
    ("words", "cword"),
    [("", "x"), ("ecocareer roles ", "99"), ('ecocareer "unclosed', "1"), ("ecocareer", "-1")],
)
def test_completion_called_oddly_never_spills_a_traceback(words: str, cword: str) -> None:
    done = subprocess.run(
        [str(SCRIPT)], capture_output=True, timeout=30,
        env=environment(_ECOCAREER_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=cword),
    )  # fmt: skip
    assert b"Traceback" not in done.stderr
    assert done.returncode in (0, 1)


def test_installing_completion_with_an_unusable_home_is_one_clear_line() -> None:
    done = subprocess.run(
        [str(SCRIPT), "--install-completion", "bash"], capture_output=True, timeout=30,
        env=environment(HOME="/dev/null"),
    )  # fmt: skip
    assert done.returncode == 74
    assert done.stderr.decode().startswith("Error: cannot use /dev/null")
    assert b"Traceback" not in done.stderr


def test_hidden_characters_typed_in_an_option_are_shown_by_clicks_own_errors() -> None:
    done = subprocess.run(
        [str(SCRIPT), "layers", "--T\u202ex\u200b"], capture_output=True, env=environment(),
        timeout=30,
    )  # fmt: skip
    assert done.returncode == 2
    err = done.stderr.decode()
    assert "--T\\u202ex\\u200b" in err
    assert "\u202e" not in err and "\u200b" not in err
