"""README.md shows the real output of the three headline commands, and says when it is stale."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEADLINES = [
    "roles --layer distributors",
    "salary seo --country uk",
    "roadmap --from seo --to director",
]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "readme_examples", ROOT / "scripts" / "readme_examples.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


readme_examples = _script()


def test_the_readme_examples_are_current() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_examples.updated(text) == text, "run: python scripts/readme_examples.py"


def test_the_readme_shows_the_three_headline_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.findall(r"<!-- example: (.*?) -->", text) == HEADLINES
    for args in HEADLINES:
        assert f"```text\n$ ecocareer {args}\n" in text


@pytest.mark.parametrize("args", HEADLINES)
def test_example_output_is_plain_and_fits_80_columns(args: str) -> None:
    out = readme_examples.example_output(args)
    assert out.strip()
    assert "\x1b" not in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert all(line == line.rstrip() for line in out.splitlines())


def test_check_fails_on_a_stale_readme_and_a_rewrite_fixes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    current = (ROOT / "README.md").read_text(encoding="utf-8")
    stale = tmp_path / "README.md"
    stale.write_text(current.replace("$ ecocareer salary seo --country uk\n", "$ old output\n"))
    monkeypatch.setattr(readme_examples, "README", stale)
    assert readme_examples.main(["--check"]) == 1
    assert "stale" in capsys.readouterr().err
    assert readme_examples.main([]) == 0
    assert stale.read_text(encoding="utf-8") == current
    assert readme_examples.main(["--check"]) == 0


def test_the_quickstart_stays_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    quickstart = text.split("## Quickstart", 1)[1]
    first_block = quickstart.split("```bash\n", 1)[1].split("```", 1)[0]
    assert first_block == "pip install . && ecocareer layers\npip install '.[test]' && pytest\n"
