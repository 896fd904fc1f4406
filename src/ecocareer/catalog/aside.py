"""A large data file read by a second process while this one reads the others.

A first run on a large catalog spends most of its time in the YAML reader, one file
after another. Where the system can fork and has a second core, a child process (a
copy of this one) reads one file meanwhile and sends back what the reader made, in
`marshal`'s format, through a pipe only the two of them hold. The child prints
nothing and never outlives the read. Whatever goes wrong on the way (no fork on this
system, no processes left, the child killed, a value marshal cannot carry) only means
the file is read here after all, exactly as without a child: the answer is the same.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
from typing import Any, NoReturn

from ecocareer.catalog.documents import YamlDocument
from ecocareer.errors import DataError, Problem

# Smaller files are read faster than a process starts.
ASIDE_BYTES = 256 * 1024


class Aside:
    """A file being read: `document()` gives what reading it gave (its DataError
    included); `close()` ends the child if nobody asked."""

    def __init__(self, raw: bytes, name: str, lines: bool) -> None:
        self.raw, self.name, self.lines = raw, name, lines
        self.child: tuple[int, int] | None = None  # its process id, and our end of the pipe
        if len(raw) >= ASIDE_BYTES and hasattr(os, "fork") and _cores() > 1:
            self.child = _start(raw, name, lines)

    def document(self) -> YamlDocument:
        child, self.child = self.child, None
        sent = _collect(*child) if child is not None else None
        if sent is None:
            from ecocareer.catalog.yamlsafe import parse_yaml

            return parse_yaml(self.raw, self.name, self.lines)
        read, value, lines = sent
        if not read:
            raise DataError([Problem(*problem) for problem in value], hint=lines)
        return YamlDocument(self.name, value, lines)

    def close(self) -> None:
        child, self.child = self.child, None
        if child is not None:
            pid, pipe = child
            os.close(pipe)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)


def _cores() -> int:
    """The processors this process may run on (fewer than the machine's, in a container
    or under `taskset`)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _start(raw: bytes, name: str, lines: bool) -> tuple[int, int] | None:
    try:
        ours, theirs = os.pipe()
    except OSError:
        return None
    # Ctrl-C waits until each side is ready for it: the child then simply ends (it must
    # never run this process's own handling of it, which would print and flush twice).
    interrupt = {signal.SIGINT}
    signal.pthread_sigmask(signal.SIG_BLOCK, interrupt)
    try:
        pid = os.fork()
    except OSError:
        pid = -1
    if pid == 0:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, interrupt)
    if pid < 0:
        os.close(ours)
        os.close(theirs)
        return None
    if pid == 0:
        os.close(ours)
        _read_for_parent(theirs, raw, name, lines)
    os.close(theirs)
    return pid, ours


def _read_for_parent(pipe: int, raw: bytes, name: str, lines: bool) -> NoReturn:
    """In the child: read the file, send the outcome, and end without any of the
    parent's exit handling (its buffered output is the parent's to write). Its standard
    streams lead nowhere, so it can never print, nor keep a pipe open if the parent is
    killed."""
    code = 1
    try:
        nowhere = os.open(os.devnull, os.O_RDWR)
        for standard in (0, 1, 2):
            os.dup2(nowhere, standard)
        from ecocareer.catalog.yamlsafe import parse_yaml

        sent: tuple[bool, Any, Any]
        try:
            document = parse_yaml(raw, name, lines)
            sent = (True, document.value, document.lines)
        except DataError as error:
            sent = (False, [tuple(problem) for problem in error.problems], error.hint)
        with open(pipe, "wb") as stream:
            stream.write(marshal.dumps(sent))
        code = 0
    finally:
        os._exit(code)


def _collect(pid: int, pipe: int) -> tuple[bool, Any, Any] | None:
    """What the child sent, or None when it sent nothing whole; the child is reaped."""
    body, status = b"", -1
    try:
        with contextlib.suppress(OSError), open(pipe, "rb") as stream:
            body = stream.read()
    finally:
        with contextlib.suppress(OSError):
            _, status = os.waitpid(pid, 0)
    try:
        sent = marshal.loads(body) if status == 0 else None
    except (EOFError, ValueError, TypeError):
        return None
    return sent if isinstance(sent, tuple) and len(sent) == 3 else None
