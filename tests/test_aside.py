"""A data file read by a second process gives exactly what reading it here gives: the same
catalog, the same problems at the same lines, and no process left behind.

The bundled files are small, so these tests lower the size from which a file is read aside
to nothing; the benchmark's 100x data is where it counts (two files read at once).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import replace_in

from ecocareer.catalog import aside, yamlsafe
from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import load_catalog
from ecocareer.errors import DataError

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="this system cannot fork")


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every file but the largest read by a child; the children's process ids, as started."""
    started: list[int] = []
    start = aside._start

    def counted(raw: bytes, name: str, lines: bool) -> tuple[int, int] | None:
        child = start(raw, name, lines)
        if child is not None:
            started.append(child[0])
        return child

    monkeypatch.setattr(aside, "ASIDE_BYTES", 0)
    monkeypatch.setattr(aside, "_start", counted)
    monkeypatch.setattr(aside, "_cores", lambda: 2)
    return started


def same(first: Catalog, second: Catalog) -> bool:
    return (first.roles, first.bands, first.sources, first.layers, first.career) == (
        second.roles, second.bands, second.sources, second.layers, second.career
    )  # fmt: skip


def no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@needs_fork
def test_files_read_aside_give_the_same_catalog(data_copy: Path, forks: list[int]) -> None:
    catalog = load_catalog(data_copy)
    assert len(forks) == 2  # sources.yaml and salaries.yaml; roles.yaml, the largest, here
    with pytest.MonkeyPatch.context() as here:
        here.setattr(aside, "ASIDE_BYTES", 10**9)
        assert same(catalog, load_catalog(data_copy))
    assert catalog.pay_at("seo-specialist", "uk", "entry").band.max == 38000  # type: ignore[union-attr]
    assert no_children_left()


@needs_fork
@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (  # the reader's own problem, found in the child
            "  - {role: seo-specialist, level: entry, country: uk, min: 30000, max: 38000",
            "  - {role: seo-specialist, level: entry, country: uk, min: 30000, max: [38000",
            "salaries.yaml:102: YAML syntax error",
        ),
        (  # a value the child reads and this process finds wrong, at the line the child noted
            "min: 30000, max: 38000",
            "min: 40000, max: 38000",
            "salaries.yaml:102: bands[",
        ),
    ],
)
def test_a_problem_in_a_file_read_aside_is_reported_where_it_is(
    data_copy: Path, forks: list[int], old: str, new: str, expected: str
) -> None:
    replace_in(data_copy / "salaries.yaml", old, new)
    with pytest.raises(DataError) as aside_error:
        load_catalog(data_copy)
    assert forks
    with pytest.MonkeyPatch.context() as here:
        here.setattr(aside, "ASIDE_BYTES", 10**9)
        with pytest.raises(DataError) as here_error:
            load_catalog(data_copy)
    assert str(aside_error.value) == str(here_error.value)
    assert expected in str(aside_error.value)
    assert no_children_left()


@needs_fork
def test_without_a_fork_the_file_is_read_here(
    data_copy: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = load_catalog(data_copy)

    def no_fork() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    assert same(load_catalog(data_copy), expected)


@needs_fork
def test_a_child_that_dies_before_sending_is_replaced_by_reading_here(
    data_copy: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = load_catalog(data_copy)
    monkeypatch.setattr(aside, "_read_for_parent", lambda *_: os._exit(3))
    assert same(load_catalog(data_copy), expected)
    assert no_children_left()


@needs_fork
def test_no_child_outlives_a_load_that_fails_here(data_copy: Path, forks: list[int]) -> None:
    replace_in(data_copy / "roles.yaml", "  - id: seo-specialist", "  - id: [seo-specialist")
    with pytest.raises(DataError, match=r"roles\.yaml:\d+: YAML syntax error"):
        load_catalog(data_copy)
    assert forks and no_children_left()


@needs_fork
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to look at a process")
def test_the_child_holds_none_of_our_streams(
    data_copy: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """It can never print, and a reader of our output sees its end when we end, even if
    we are killed while the child still reads."""
    parse = yamlsafe.parse_yaml

    def slow(*args: Any) -> Any:  # the child reads for a while: time to look at it
        time.sleep(0.5)
        return parse(*args)

    monkeypatch.setattr(yamlsafe, "parse_yaml", slow)
    reading = aside.Aside((data_copy / "salaries.yaml").read_bytes(), "salaries.yaml", False)
    try:
        assert reading.child is not None
        pid = reading.child[0]
        streams: list[str] = []
        for _ in range(200):  # until the child has set them up
            streams = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in (1, 2)]
            if streams == [os.devnull] * 2:
                break
            time.sleep(0.005)
        assert streams == [os.devnull] * 2  # stdout and stderr
        assert reading.document().value["as_of"] == "2025"
    finally:
        reading.close()
    assert no_children_left()


@needs_fork
def test_on_one_processor_the_file_is_read_here(
    data_copy: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(aside, "_cores", lambda: 1)  # as under `taskset -c 0`
    expected = load_catalog(data_copy)
    assert forks == []
    assert same(load_catalog(data_copy), expected)
