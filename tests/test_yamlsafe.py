"""The safe YAML reader: plain values with line numbers, and a clear refusal for every trap."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecocareer.catalog import yamlsafe
from ecocareer.catalog.documents import read_bytes
from ecocareer.catalog.yamlsafe import MAX_DEPTH, read_yaml
from ecocareer.errors import DataError, Problem

MiB = 1024 * 1024


def read(tmp_path: Path, text: str | bytes) -> object:
    path = tmp_path / "file.yaml"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return read_yaml(path, label="file.yaml").value


def refusal(tmp_path: Path, text: str | bytes) -> Problem:
    with pytest.raises(DataError) as caught:
        read(tmp_path, text)
    [problem] = caught.value.problems
    assert problem.file == "file.yaml"
    return problem


def test_a_plain_document_becomes_dicts_lists_and_scalars(tmp_path: Path) -> None:
    text = "a: 1\nb: [x, 'y', 2.5]\nc:\n  d: true\n  e: ~\n"
    assert read(tmp_path, text) == {"a": 1, "b": ["x", "y", 2.5], "c": {"d": True, "e": None}}


def test_every_key_and_item_knows_its_line(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("a:\n  - x\n  - id: y\n    name: z\n", encoding="utf-8")
    document = read_yaml(path)
    assert document.lines[("a",)] == 1
    assert document.lines[("a", 0)] == 2
    assert document.lines[("a", 1, "name")] == 4
    assert document.line_of(("a", 1, "name", "missing", 3)) == 4
    assert document.line_of(()) == 1


@pytest.mark.parametrize(
    "scalar",
    ["NO", "no", "No", "off", "on", "ON", "yes", "Y", "n", "0123", "0o17", "0x1F", "1_000",
     "2025-08-06", "2025-08-06 12:00:00", "12:30", ".inf", "-.inf", ".nan", "1e3x"],
)  # fmt: skip
def test_yaml_1_1_specials_stay_text(tmp_path: Path, scalar: str) -> None:
    """The Norway problem: YAML 1.1 would turn these into booleans, octals, dates, times."""
    expected: object = scalar
    if scalar == "0123":
        expected = 123  # YAML 1.2: plain digits are a decimal integer, never octal
    assert read(tmp_path, f"v: {scalar}\n") == {"v": expected}


@pytest.mark.parametrize(
    ("scalar", "value"),
    [("true", True), ("False", False), ("null", None), ("", None), ("~", None),
     ("-12", -12), ("+7", 7), ("3.5", 3.5), ("1e3", 1000.0), ("'NO'", "NO"), ('"on"', "on")],
)  # fmt: skip
def test_core_schema_scalars(tmp_path: Path, scalar: str, value: object) -> None:
    assert read(tmp_path, f"v: {scalar}\n") == {"v": value}


@pytest.mark.parametrize(
    ("tagged", "value"),
    [("!!str 12", "12"), ("!!int '12'", 12), ("!!float '1.5'", 1.5), ("!!bool true", True),
     ("!!null ''", None), ("! NO", "NO")],
)  # fmt: skip
def test_standard_tags_are_honoured(tmp_path: Path, tagged: str, value: object) -> None:
    assert read(tmp_path, f"v: {tagged}\n") == {"v": value}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: 1\nb: [1, 2\n", 3, "YAML syntax error"),
        ("a:\n\t- b\n", 2, "cannot start any token (a tab? indent with spaces only)"),
        ("a: 'unterminated\n", 2, "YAML syntax error"),
        ("a: 1\n a: 2\n", 2, "YAML syntax error"),
        ("a: 1\nb: 2\na: 3\n", 3, "repeats the key 'a'; each key may appear once"),
        ("a: &x 1\nb: *x\n", 1, "uses a YAML anchor or alias"),
        ("a: [1]\nb: *x\n", 2, "uses a YAML anchor or alias"),  # an alias to nothing
        ("? [a, b]\n: c\n", 1, "has a key that is not plain text"),
        ("1: x\n", 1, "has a key 1 that is not text; quote it"),
        ("true: x\n", 1, "has a key True that is not text; quote it"),
        ("a: 1\n---\nb: 2\n", 2, "holds more than one YAML document"),
        ("v: !!int 'x'\n", 1, "cannot read 'x' as 'tag:yaml.org,2002:int'"),
        ("v: !!bool 'yes'\n", 1, "cannot read 'yes' as 'tag:yaml.org,2002:bool'"),
        ("v: !!binary aGk=\n", 1, "uses the YAML tag 'tag:yaml.org,2002:binary'"),
        ("v: !!timestamp 2025-01-01\n", 1, "uses the YAML tag 'tag:yaml.org,2002:timestamp'"),
        ("v: !custom x\n", 1, "uses the YAML tag '!custom', which is not allowed"),
        ("v: !!set {a}\n", 1, "uses the YAML tag 'tag:yaml.org,2002:set'"),
        ("v: !!omap [a: 1]\n", 1, "uses the YAML tag 'tag:yaml.org,2002:omap'"),
        ("v: " + "9" * 5000 + "\n", 1, "has a number too long to read"),
        ("", 1, "is empty; expected a YAML mapping"),
        ("# only a comment\n", 1, "is empty; expected a YAML mapping"),
        ("a: \x01\n", 1, "holds a character YAML does not allow"),
    ],
)
def test_traps_are_refused_with_the_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    problem = refusal(tmp_path, text)
    assert problem.line == line
    assert message in problem.message


def test_the_billion_laughs_are_refused_at_the_first_anchor(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    problem = refusal(tmp_path, "\n".join(lines) + "\n")
    assert (problem.line, problem.message) == (
        1,
        "uses a YAML anchor or alias (& or *); write the value out instead",
    )


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/new:os.system",
        "!!python/name:os.system",
        "!!python/module:os",
        "!!python/object:pathlib.Path",
        "tag:yaml.org,2002:python/object/apply:os.system",
    ],
)
def test_python_tags_never_run_code(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "pwned"
    text = f'a: !{tag} ["touch {marker}"]\n' if tag.startswith("!") else f'a: !<{tag}> ["x"]\n'
    problem = refusal(tmp_path, text)
    assert "which is not allowed" in problem.message
    assert not marker.exists()


def test_a_python_tag_as_a_key_or_behind_a_tag_directive_is_refused(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    command = f'os.system ["touch {marker}"]'
    as_key = refusal(tmp_path, "? !!python/name:os.system\n: x\n")
    directive = refusal(
        tmp_path, f"%TAG !p! tag:yaml.org,2002:python/\n---\na: !p!object/apply:{command}\n"
    )
    assert "which is not allowed" in as_key.message
    assert directive.message == (
        "uses the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system', which is not allowed"
    )
    assert not marker.exists()


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "{" * 100_000,
        "- " * 100_000 + "x",
        "a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 3000)),
        "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2),
    ],
    ids=["flow-sequences", "flow-mappings", "block-sequences", "block-mappings", "just-over"],
)
def test_deep_nesting_is_refused(tmp_path: Path, text: str) -> None:
    problem = refusal(tmp_path, text)
    assert problem.message in (
        f"is nested more than {MAX_DEPTH} levels deep",
        "has a key that is not plain text",
    )


def test_nesting_up_to_the_limit_is_fine(tmp_path: Path) -> None:
    depth = MAX_DEPTH  # the document's own mapping is level 0
    value = read(tmp_path, "a: " + "[" * depth + "]" * depth + "\n")
    assert isinstance(value, dict)


def test_too_many_values_are_refused_at_the_first_one_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cap (500,000 values) counted at a cap of 1,000, so the test parses 1,000 values."""
    monkeypatch.setattr(yamlsafe, "MAX_NODES", 1000)
    # The mapping, the list and 998 items: 1,000 values.
    assert len(read(tmp_path, "a:\n" + "- x\n" * 998)["a"]) == 998  # type: ignore[index]
    problem = refusal(tmp_path, "a:\n" + "- x\n" * 999 + "- y\n" * 5)
    assert (problem.line, problem.message) == (
        1000,
        "holds more than 1,000 values; it is too large",
    )


@pytest.mark.parametrize(
    ("raw", "line"),
    [(b"a: caf\xe9\n", 1), (b"a: 1\nb: \xff\xfe\n", 2), (b"\x89PNG\r\n\x1a\n\x00\x00", 1)],
)
def test_non_utf8_and_binary_files_are_refused(tmp_path: Path, raw: bytes, line: int) -> None:
    problem = refusal(tmp_path, raw)
    assert (problem.line, problem.message) == (line, "is not UTF-8 text; save the file as UTF-8")


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    assert read(tmp_path, b"\xef\xbb\xbfa: 1\n") == {"a": 1}


def test_utf16_is_refused(tmp_path: Path) -> None:
    problem = refusal(tmp_path, "a: 1\n".encode("utf-16"))
    assert problem.message == "is not UTF-8 text; save the file as UTF-8"


def test_a_file_over_32_mib_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "file.yaml"
    with path.open("wb") as handle:  # sparse: costs no disk and no time
        handle.truncate(32 * MiB + 1)
    with pytest.raises(DataError) as caught:
        read_yaml(path, label="file.yaml")
    assert [str(p) for p in caught.value.problems] == ["file.yaml: is larger than 32 MiB"]


def test_a_file_of_exactly_32_mib_is_read(tmp_path: Path) -> None:
    """Read in full: the bytes are what the parser gets (parsing 32 MiB is not this test's job)."""
    path = tmp_path / "file.yaml"
    with path.open("wb") as handle:
        handle.write(b"a: ")
        handle.truncate(32 * MiB)
    assert len(read_bytes(path, "file.yaml")) == 32 * MiB


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "file not found"),
        (lambda p: p.mkdir(), "is not a regular file"),
        (lambda p: p.symlink_to("/dev/zero"), "is not a regular file"),
        (lambda p: p.symlink_to(p.parent / "nowhere"), "is a link that leads nowhere"),
    ],
    ids=["missing", "directory", "device", "dangling-link"],
)
def test_a_path_that_is_not_a_readable_file_is_refused(
    tmp_path: Path, make: object, message: str
) -> None:
    path = tmp_path / "file.yaml"
    make(path)  # type: ignore[operator]
    with pytest.raises(DataError) as caught:
        read_yaml(path, label="file.yaml")
    assert [str(p) for p in caught.value.problems] == [f"file.yaml: {message}"]


def test_a_fifo_is_refused_instead_of_blocking(tmp_path: Path) -> None:
    import os

    path = tmp_path / "file.yaml"
    os.mkfifo(path)
    with pytest.raises(DataError) as caught:
        read_yaml(path, label="file.yaml")
    assert caught.value.problems[0].message == "is not a regular file"


def test_a_nul_in_the_path_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        read_yaml(tmp_path / "a\x00b.yaml", label="x")
    assert caught.value.problems[0].message == "file not found"


def test_messages_quote_keys_and_tags_printably(tmp_path: Path) -> None:
    problem = refusal(tmp_path, 'a: 1\n"\\e[31m": 2\n"\\e[31m": 3\n')
    assert problem.message == "repeats the key '\\x1b[31m'; each key may appear once"
    problem = refusal(tmp_path, "a: !<x\\e> 1\n")
    assert "\x1b" not in problem.message


@pytest.mark.parametrize("error", [ValueError, TypeError, RecursionError, MemoryError])
def test_any_other_parser_failure_is_a_data_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: type[Exception]
) -> None:
    """PyYAML can raise plain ValueError and others besides YAMLError; none may escape."""

    class Failing:
        def __init__(self, text: str) -> None:
            pass

        def get_event(self) -> None:
            raise error("boom")

        def dispose(self) -> None:
            pass

    monkeypatch.setattr("ecocareer.catalog.yamlsafe._Parser", Failing)
    problem = refusal(tmp_path, "a: 1\n")
    assert problem.message == f"is not valid YAML ({error.__name__})"
