"""Property tests: whatever the data files or the command line hold, only our own errors come out.

Profiles: "ci" (the default; a few dozen examples per test) and "long"
(`HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py`, 2,000 examples per test).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Run
from hostile import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecocareer.catalog.index import Catalog
from ecocareer.catalog.loading import FILES, load_catalog
from ecocareer.catalog.locations import bundled_data_dir
from ecocareer.errors import DataError

settings.register_profile(
    "ci",
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile("long", parent=settings.get_profile("ci"), max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

BUNDLED = {name: (bundled_data_dir() / name).read_text(encoding="utf-8") for name in FILES}
NASTY = st.sampled_from(
    ["\x00", "\x1b", "\t", "\r", "\ufeff", "\u202e", "&a ", "*a", "!!python/name:os.system ",
     "{", "[", "]", "}", ":", "- ", "? ", "'", '"', "#", "|", ">", "%", "@", "`", "~", "NO",
     "0123", "2025-01-01", "1e999", "9" * 5000, "\\", "\n", "  ", "---\n", "...\n", "<<: "]
)  # fmt: skip
TEXT = st.text(st.characters(codec="utf-8"), max_size=40) | NASTY


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    """One directory reused by every example (a fresh tmp_path per example is slow)."""
    with tempfile.TemporaryDirectory() as directory:
        yield Path(directory)


def load(directory: Path, name: str, content: bytes) -> Catalog | None:
    """Write `content` as `name` beside the bundled files and load; only DataError may escape."""
    for other, text in BUNDLED.items():
        (directory / other).write_text(text, encoding="utf-8")
    (directory / name).write_bytes(content)
    try:
        return load_catalog(directory)
    except DataError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file and problem.message
            assert problem.line is None or problem.line >= 1
            assert str(problem)
        return None


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A bundled file with a few random edits: lines deleted, doubled, swapped, cut, spiked."""
    name = draw(st.sampled_from(list(FILES)))
    lines = BUNDLED[name].split("\n")
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "double", "swap", "insert", "truncate", "chars"]))
        if action == "delete":
            del lines[index]
        elif action == "double":
            lines.insert(index, lines[index])
        elif action == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], lines[index]
        elif action == "insert":
            at = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:at] + draw(TEXT) + lines[index][at:]
        elif action == "truncate":
            lines = lines[: index + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
        elif action == "chars" and len(lines[index]) > 1:
            at = draw(st.integers(0, len(lines[index]) - 2))
            line = lines[index]
            lines[index] = line[:at] + line[at + 1] + line[at] + line[at + 2 :]
        if not lines:
            lines = [""]
    raw = "\n".join(lines).encode("utf-8", "surrogatepass")
    if draw(st.booleans()) and draw(st.booleans()):
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(max_size=8)) + raw[at:]
    return name, raw


@given(mutated(), st.sampled_from(examples()))
def test_mutated_bundled_files_load_and_render_or_fail_with_data_errors(
    run: Run, scratch: Path, case: tuple[str, bytes], example: list[str]
) -> None:
    name, raw = case
    if load(scratch, name, raw) is not None:  # still valid: every command must still work
        result = run("--data-dir", str(scratch), *example)
        assert result.code in (0, 1, 2), result
        assert "Traceback" not in result.err


YAMLISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["id", "name", "sources", "roles", "layers", "bands",
                                       "min", "max", "skills", "core", "x"]) | TEXT,
                      children, max_size=4),
    max_leaves=20,
)  # fmt: skip


def as_yaml(value: object) -> str:
    import yaml

    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=False)


@given(st.sampled_from(list(FILES)), YAMLISH)
def test_random_yaml_documents_fail_with_data_errors(
    scratch: Path, name: str, value: object
) -> None:
    load(scratch, name, as_yaml(value).encode("utf-8", "surrogatepass"))


@given(st.sampled_from(list(FILES)), st.binary(max_size=200) | TEXT.map(str.encode))
def test_random_bytes_fail_with_data_errors(scratch: Path, name: str, raw: bytes) -> None:
    assert load(scratch, name, raw) is None


TERM = TEXT | st.sampled_from(["seo", "uk", "mid", "director", "x" * 10_000, "--format", "-f"])
EXAMPLES = examples()


@given(st.sampled_from(EXAMPLES), st.data())
def test_random_terms_never_produce_a_traceback(
    run: Run, example: list[str], data: st.DataObject
) -> None:
    words = list(example)
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.integers(1, max(1, len(words))))
        words[where:where] = [data.draw(TERM)]
        if data.draw(st.booleans()) and len(words) > 2:
            del words[data.draw(st.integers(1, len(words) - 1))]
    words = [word.replace("\x00", "") for word in words]  # argv cannot hold NUL
    result = run(*words)
    assert result.code in (0, 1, 2), (words, result)
    assert "Traceback" not in result.err
    assert "\x1b" not in result.err


@st.composite
def valid_variants(draw: st.DrawFn) -> dict[str, object]:
    """The bundled data, reshaped in ways validation accepts: links rewired at random (none,
    few, dense, long chains), skill lists cut to one, pay at zero or equal ends, layers
    emptied of skills. Every command must answer such data or say cleanly why not."""
    import yaml

    roles = yaml.safe_load(BUNDLED["roles.yaml"])
    salaries = yaml.safe_load(BUNDLED["salaries.yaml"])
    ids = [role["id"] for role in roles["roles"]]
    skill_ids = [skill["id"] for skill in roles["skills"]]
    for role in roles["roles"]:
        others = [other for other in ids if other != role["id"]]
        targets = draw(st.lists(st.sampled_from(others), unique=True, max_size=17))
        role["leads_to"] = [
            {"role": target, "basis": "inferred", "note": "Rewired for a test."}
            for target in targets
        ]
        if draw(st.booleans()):
            role["skills"] = {"core": [draw(st.sampled_from(skill_ids))], "supporting": []}
    if draw(st.booleans()):  # a layer no skill belongs to
        emptied = draw(st.sampled_from([layer["id"] for layer in roles["layers"]]))
        keep = next(layer["id"] for layer in roles["layers"] if layer["id"] != emptied)
        for skill in roles["skills"]:
            if skill["layer"] == emptied:
                skill["layer"] = keep
    for band in salaries["bands"]:
        shape = draw(st.sampled_from(["as is", "zero", "equal", "huge"]))
        if shape == "zero":
            band["min"] = band["max"] = 0
        elif shape == "equal":
            band["min"] = band["max"]
        elif shape == "huge":
            band["min"], band["max"] = 99_999_999, 100_000_000
    return {"roles.yaml": roles, "salaries.yaml": salaries}


READING_EXAMPLES = [example for example in examples() if example[0] not in ("data", "profile")]


@settings(max_examples=max(settings().max_examples // 4, 10))  # each example loads data cold
@given(variant=valid_variants(), example=st.sampled_from(READING_EXAMPLES))
def test_any_data_that_validates_runs_every_command(
    run: Run,
    scratch: Path,
    variant: dict[str, object],
    example: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import yaml

    profile = scratch / "profile.yaml"  # `next` without a role answers for the saved person
    profile.write_text("role: copywriter\ncountry: uk\n", encoding="utf-8")
    monkeypatch.setenv("ECOCAREER_PROFILE", str(profile))
    for name, text in BUNDLED.items():
        (scratch / name).write_text(text, encoding="utf-8")
    for name, value in variant.items():
        (scratch / name).write_text(
            yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    result = run("--data-dir", str(scratch), *example, *(["--force"] * ("--export" in example)))
    assert result.code in (0, 2), result  # never 1: the variant is valid data
    if result.code == 2:  # only a route the rewired links no longer offer may be missing
        assert "no route from" in result.err, result.err
