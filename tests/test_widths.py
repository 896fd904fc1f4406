"""Every view at 40, 60, 80 and 120 columns: nothing cut, no column squeezed to nothing,
no line wider than the terminal (a URL, printed whole for the terminal to wrap, aside)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Run

WIDTHS = (40, 60, 80, 120)
PROFILE = (
    "role: seo\ntarget: director\ncountry: uk\nlevel: mid\npay: 42000\n"
    "skills:\n  seo: 5\n  analytics: 3\n  copywriting: 2\n"
)
VIEWS = [
    ["--no-profile"],  # no command: the welcome
    ["layers"],
    ["roles"],
    ["roles", "--layer", "distributors"],
    ["roles", "seo"],
    ["roles", "director", "-c", "us", "-c", "uk", "-c", "ca", "-c", "au"],
    ["skills"],
    ["salary", "seo"],
    ["salary", "seo", "ppc", "director", "--country", "us"],
    ["roadmap"],
    ["roadmap", "--from", "cmo", "--to", "marketer"],
    ["next"],
    ["compare", "digital-media-strategist", "marketer"],
    ["tshape"],
    ["tshape", "--skill", "seo=3", "--skill", "copywriting=2"],
    ["plan"],
    ["diagnose", "seo", "copywriter", "ppc"],
    ["sources"],
    ["profile", "show"],
]
# A box-drawn column with no room for content shows as two borders side by side.
EMPTY_COLUMN = re.compile(r"[│┃][│┃]|[┳┯][┳┯]|[┻┷][┻┷]")


@pytest.fixture
def you(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    monkeypatch.setenv("ECOCAREER_PROFILE", str(profile))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
def test_every_view_fits_whole(
    run: Run, you: None, monkeypatch: pytest.MonkeyPatch, args: list[str], width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = run(*args)
    assert result.code == 0, result.err
    assert "…" not in result.out
    for line in result.out.splitlines():
        assert not EMPTY_COLUMN.search(line), line
        assert line == line.rstrip(), f"trailing spaces: {line!r}"
        if not line.strip().startswith("https://"):
            assert len(line) <= width, line
    # The view ends saying what to run next (the hint may wrap, but nothing follows it).
    assert "\n\n" not in result.out.rsplit("Next: ", 1)[-1].strip()
    assert "Next: " in result.out


# The seed's UK table for the SEO Specialist (mid-level marked), and its US director band.
SEO_UK = ["£30,000 – £38,000", "£38,000 – £50,000", "£50,000 – £70,000+"]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_range_stays_on_one_line(
    run: Run, you: None, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    for args in (["salary", "seo"], ["roles", "seo"], ["roadmap"]):
        out = run(*args).out
        for figure in SEO_UK:
            assert figure in out, (args, figure)
    director = run("salary", "director", "--country", "us").out
    assert "$140,000 – $190,000" in director


def test_narrow_tables_stack_and_wide_ones_stay_tables(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 40 columns a row becomes a block of `Header: value` lines; at 80 it is a row."""
    monkeypatch.setenv("COLUMNS", "40")
    narrow = run("salary", "seo", "--country", "uk").out
    assert "Entry-level\n  Range: £30,000 – £38,000\n" in narrow
    assert "┃" not in narrow
    monkeypatch.setenv("COLUMNS", "80")
    wide = run("salary", "seo", "--country", "uk").out
    assert re.search(r"│ Entry-level +│ £30,000 – £38,000 +│", wide)


def test_wide_terminals_get_wider_bars(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def bar_cells(width: int) -> int:
        monkeypatch.setenv("COLUMNS", str(width))
        out = run("salary", "seo", "--country", "uk").out
        row = next(line for line in out.splitlines() if "Senior-level" in line)
        return len(row.split("│")[3].strip())

    assert bar_cells(120) > bar_cells(80) > bar_cells(60)


def test_the_t_is_drawn_as_bars_where_the_t_does_not_fit(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    out = run("tshape", "--skill", "seo=5", "--skill", "copywriting=2").out
    # One bar per layer, the best level after it (2 cells a level), the stem's layer marked.
    assert "  ✎ Producers    ████······ 2\n" in out
    assert "  ➜ Distributors ██████████ 5 ◂ stem 5\n" in out
    monkeypatch.setenv("COLUMNS", "80")
    assert "███ 4 ◂ deep at 4+" in run("tshape", "--skill", "seo=5").out


def test_two_like_columns_share_the_room_and_keep_every_word() -> None:
    """Two text columns measured alike both grow: the room is shared, nothing is cut."""
    from rich.console import Console
    from rich.table import Table

    from ecocareer.render.layout import column_widths, fit

    sentence = "one two three four five six seven eight nine ten eleven twelve"
    table = Table()
    table.add_column("#", no_wrap=True)
    table.add_column("Left")
    table.add_column("Right")
    table.add_row("1", sentence, sentence)
    console = Console(width=60, file=None, color_system=None)
    # 60 columns less 10 of borders and padding, 1 for "#": 49 for the two, shared.
    assert column_widths(table, console, 60) == [1, 25, 24]
    with console.capture() as captured:
        console.print(fit(table))
    out = captured.get()
    assert "…" not in out and out.count("twelve") == 2
    assert max(len(line) for line in out.splitlines()) <= 60
