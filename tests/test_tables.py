"""Tables drawn by `render.tables.draw` are the tables Rich draws, segment for segment.

`draw` is a faster way to the same output; these tests hold it to Rich itself, the
expected value, for generated tables of every shape `draw` accepts (and some it hands
back to Rich), in colour and without, at many widths; and for the role listing a person
sees.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.console import Console
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from ecocareer.render.tables import draw

WORDS = st.sampled_from(
    ["SEO", "content", "paid-search", "£45,000", "–", "日本語", "naïve", "x", "", "  ", "a\tb",
     "supercalifragilisticexpialidocious", "[bold]markup[/]", ":smile:", "line\nbreak",
     "cafe\u0301", "\u200b", "\xa0", "\u200dab", "👨‍👩‍👧", "\u3000"]
)  # fmt: skip
BOXES = [None, box.SIMPLE_HEAD, box.SIMPLE, box.ROUNDED, box.HEAVY_HEAD, box.MINIMAL, box.ASCII,
         box.SQUARE_DOUBLE_HEAD]  # fmt: skip
STYLES = st.sampled_from(["", "dim", "bold", "red on blue", "italic green", "on grey23"])


@st.composite
def texts(draw_from: st.DrawFn) -> str | Text:
    words = draw_from(st.lists(WORDS, max_size=8))
    plain = " ".join(words)
    if draw_from(st.booleans()):
        return plain  # a string cell: Rich reads markup in it
    text = Text(
        plain,
        style=draw_from(STYLES),
        justify=draw_from(st.sampled_from([None, "default", "left", "right", "center", "full"])),
        overflow=draw_from(st.sampled_from([None, "fold", "crop", "ellipsis", "ignore"])),
        no_wrap=draw_from(st.sampled_from([None, True, False])),
        end=draw_from(st.sampled_from(["\n", ""])),
    )
    if plain:
        for _ in range(draw_from(st.integers(0, 3))):
            start = draw_from(st.integers(0, len(plain) - 1))
            end = draw_from(st.integers(start + 1, len(plain)))
            text.stylize(draw_from(STYLES), start, end)
    return text


@st.composite
def tables(draw_from: st.DrawFn) -> Table:
    table = Table(
        title=draw_from(st.one_of(st.none(), texts())),
        caption=draw_from(st.one_of(st.none(), texts())),
        title_justify=draw_from(st.sampled_from(["left", "center", "right"])),
        box=draw_from(st.sampled_from(BOXES)),
        show_header=draw_from(st.booleans()),
        show_edge=draw_from(st.booleans()),
        show_lines=draw_from(st.booleans()),
        leading=draw_from(st.integers(0, 2)),
        padding=draw_from(st.sampled_from([(0, 1), (0, 0), (1, 1), (0, 1, 0, 2), (1, 0, 2, 0)])),
        pad_edge=draw_from(st.booleans()),
        collapse_padding=draw_from(st.booleans()),
        expand=draw_from(st.booleans()),
        style=draw_from(STYLES),
        border_style=draw_from(STYLES),
        header_style=draw_from(STYLES),
        row_styles=draw_from(st.sampled_from([None, ["", "dim"], ["on blue"]])),
        width=draw_from(st.one_of(st.none(), st.integers(1, 90))),
        safe_box=draw_from(st.sampled_from([None, True, False])),
    )
    for _ in range(draw_from(st.integers(1, 4))):
        table.add_column(
            draw_from(texts()),
            justify=draw_from(st.sampled_from(["left", "center", "right", "full"])),
            vertical=draw_from(st.sampled_from(["top", "middle", "bottom"])),
            overflow=draw_from(st.sampled_from(["fold", "crop", "ellipsis"])),
            no_wrap=draw_from(st.booleans()),
            width=draw_from(st.one_of(st.none(), st.integers(1, 30))),
            min_width=draw_from(st.one_of(st.none(), st.integers(0, 20))),
            max_width=draw_from(st.one_of(st.none(), st.integers(0, 20))),
            ratio=draw_from(st.one_of(st.none(), st.integers(1, 3))),
            style=draw_from(STYLES),
            header_style=draw_from(STYLES),
            highlight=draw_from(st.booleans()),
        )
    for _ in range(draw_from(st.integers(0, 6))):
        cells = [draw_from(texts()) for _ in table.columns]
        table.add_row(
            *cells,
            style=draw_from(st.one_of(st.none(), STYLES)),
            end_section=draw_from(st.booleans()),
        )
    return table


def colour_console(width: int) -> Console:
    return Console(file=io.StringIO(), width=width, force_terminal=True, color_system="truecolor")


def both(table: Table, width: int, colour: bool) -> tuple[list[Segment], list[Segment]]:
    """What Rich draws for the table and what `draw` draws, at `width` columns."""
    console = colour_console(width) if colour else Console(file=io.StringIO(), width=width)
    options = console.options
    return list(console.render(table, options)), list(draw(table, console, options))


@settings(max_examples=max(settings().max_examples * 3, 300))
@given(tables(), st.integers(1, 130), st.booleans())
def test_draw_gives_what_rich_draws(table: Table, width: int, colour: bool) -> None:
    rich_drew, we_drew = both(table, width, colour)
    assert we_drew == rich_drew


def _accent_before_space() -> Table:
    table = Table("Name")
    table.add_row(Text("cafe\u0301 ", justify="default"))
    table.add_row("cafe\u0301\xa0")
    return table


def _joiner_cropped() -> Table:
    table = Table(show_header=False, box=None)
    table.add_column(width=2)
    table.add_row(Text("\u200dabcdef", overflow="ignore", no_wrap=True))
    return table


def _joiner_in_a_grid() -> Table:  # no padding: the cell's own lines, reshaped
    table = Table.grid()
    table.add_column()
    table.add_column(width=8)
    table.add_column()
    table.add_row("SEO", "", "")
    table.add_row("", "", "\u200dab SEO")
    return table


def _column_added_after_rows() -> Table:
    table = Table("a", "b")
    table.add_row("1", "2")
    table.add_column("c")
    return table


class _Rich(str):
    def __rich__(self) -> Text:
        return Text("RICH", style="bold")


def _string_that_draws_itself() -> Table:
    table = Table("h")
    table.add_row(_Rich("plain"))
    return table


@pytest.mark.parametrize(
    "make",
    [
        _accent_before_space,
        _joiner_cropped,
        _joiner_in_a_grid,
        _column_added_after_rows,
        _string_that_draws_itself,
    ],
)
@pytest.mark.parametrize("width", [1, 2, 5, 10, 11, 40])
def test_corner_cases_a_review_found_are_drawn_as_rich_draws_them(
    make: Callable[[], Table], width: int
) -> None:
    rich_drew, we_drew = both(make(), width, colour=True)
    assert we_drew == rich_drew


def test_no_room_draws_nothing_as_rich_does() -> None:
    table = Table("a", min_width=20)
    table.add_row("1")
    console = colour_console(40)
    options = console.options.update_width(0)
    assert list(draw(table, console, options)) == list(console.render(table, options)) == []


def test_a_table_with_a_drawing_in_it_is_left_to_rich() -> None:
    inner = Table("nested")
    inner.add_row("cell")
    outer = Table("Name", "Detail")
    outer.add_row("SEO", inner)
    rich_drew, we_drew = both(outer, 40, colour=True)
    assert we_drew == rich_drew
    assert "nested" in "".join(segment.text for segment in we_drew)


def test_the_role_listing_is_drawn_as_rich_draws_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every layer's table of the bundled data, as laid out for 40, 80 and 120 columns,
    in colour."""
    from ecocareer import roles
    from ecocareer.catalog.loading import load_catalog
    from ecocareer.catalog.locations import bundled_data_dir
    from ecocareer.render import tables
    from ecocareer.render.roles import LIST

    catalog = load_catalog(bundled_data_dir())
    listing = LIST.table(roles.role_list(catalog, None, None, ()))

    def drawn(width: int) -> str:
        console = colour_console(width)
        with console.capture() as captured:
            for part in listing:
                console.print(part)
        return captured.get()

    for width in (40, 80, 120):
        ours = drawn(width)
        with monkeypatch.context() as rich_only:
            rich_only.setattr(
                tables, "draw", lambda table, console, options: console.render(table, options)
            )
            assert drawn(width) == ours
        assert "\x1b[" in ours  # in colour


def test_a_text_table_is_drawn_without_richs_table_drawing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The equality tests above would pass if `draw` always handed back to Rich: this one
    would not."""
    table = Table("Role", "What they do", title="Distributors", caption="US mid-level")
    table.add_row(Text("SEO Specialist", style="bold"), "Gets pages found in search results.")
    rich_drew, _ = both(table, 30, colour=True)

    def refuse(*_: object) -> None:
        raise AssertionError("Rich's own table drawing was used")

    monkeypatch.setattr(Table, "__rich_console__", refuse)
    console = colour_console(30)
    assert list(draw(table, console, console.options)) == rich_drew
