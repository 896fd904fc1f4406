"""Tables drawn from Rich's own pieces, without its per-cell machinery.

Rich draws each cell of a table through general layers: a `Padding` around the cell,
the cell rendered into lines through nested generators, those lines split and
measured a second time, then reshaped to the row. For a 500-row listing (100 times
the bundled data) that is about 110 ms.

`draw` makes the same segments with the same pieces (Rich's word wrap, text
rendering, line cropping, padding rules and box characters), calling them directly
and measuring each line once: about 83 ms for that listing. It takes tables whose
cells, headers included, are plain `str` or `Text` and that have no footer; Rich
draws any other. Tests hold it to Rich's own drawing, segment for segment and style
for style, for generated tables.

It follows Rich 15's `Table.__rich_console__` and uses its private helpers
(`_calculate_column_widths`, `_get_cells`, `_extra_width`): pyproject keeps Rich
below 16, and the tests would see a change there.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.box import Box
from rich.console import Console, ConsoleOptions, JustifyMethod
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table, _Cell
from rich.text import DEFAULT_JUSTIFY, DEFAULT_OVERFLOW, Text

SegmentLines = list[list[Segment]]

_LINE_BREAK = Text("\n")  # what Rich joins a cell's wrapped lines with


def draw(table: Table, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
    """The segments `console.render(table, options)` gives, drawn faster where it can."""
    drawable = options.max_width >= 1 and _drawable(table)  # Rich draws nothing below 1
    layout = _layout(table, console, options) if drawable else None
    if layout is None:
        yield from console.render(table, options)
        return
    widths, rows = layout
    render_options = options.update(
        width=sum(widths) + table._extra_width, highlight=table.highlight, height=None
    )
    if table.title:
        title_style = Style.pick_first(table.title_style, "table.title")
        yield from _annotation(
            console, render_options, table.title, title_style, table.title_justify
        )
    yield from _body(table, console, render_options, widths, rows)
    if table.caption:
        caption_style = Style.pick_first(table.caption_style, "table.caption")
        yield from _annotation(
            console, render_options, table.caption, caption_style, table.caption_justify
        )


def _drawable(table: Table) -> bool:
    """Plain text in every cell and no footer: the tables `draw` takes."""
    if not table.columns or table.show_footer:
        return False
    for column in table.columns:
        cells = [column.header, *column.cells] if table.show_header else column.cells
        if not all(type(cell) in (str, Text) for cell in cells):  # no subclass, no __rich__
            return False
    return True


def _layout(
    table: Table, console: Console, options: ConsoleOptions
) -> tuple[list[int], list[tuple[_Cell, ...]]] | None:
    """The columns' widths as Rich lays them out and the rows of cells as Rich pads them;
    None when a cell has no room for text inside its padding (left to Rich)."""
    width = options.max_width if table.width is None else table.width
    widths = table._calculate_column_widths(
        console, options.update_width(width - table._extra_width)
    )
    columns = [list(table._get_cells(console, i, c)) for i, c in enumerate(table.columns)]
    for column_width, cells in zip(widths, columns, strict=True):
        for cell in cells:
            padding = cell.renderable
            room = column_width
            if isinstance(padding, Padding):
                room -= padding.left + padding.right
            if room < 1:
                return None
    return widths, list(zip(*columns, strict=False))  # as Rich: the shortest column's rows


def _annotation(
    console: Console,
    options: ConsoleOptions,
    text: str | Text,
    style: str | Style,
    justify: JustifyMethod,
) -> Iterator[Segment]:
    """A title or caption, as Rich's table renders it."""
    shown = (
        console.render_str(text, style=style, highlight=False) if isinstance(text, str) else text
    )
    yield from console.render(shown, options.update(justify=justify))


def _body(
    table: Table,
    console: Console,
    options: ConsoleOptions,
    widths: list[int],
    rows: list[tuple[_Cell, ...]],
) -> Iterator[Segment]:
    """Edges, header and rows: Rich's `Table._render` for text cells."""
    get_style = console.get_style
    border_style = get_style(table.style or "") + get_style(table.border_style or "")
    columns = table.columns
    box = table.box
    if box:
        safe = table.safe_box if table.safe_box is not None else console.safe_box
        box = box.substitute(options, safe=safe)
        box = box if table.show_header else box.get_plain_headed_box()
    show_edge, show_header = table.show_edge, table.show_header
    new_line = Segment.line()
    if box and show_edge:
        yield Segment(box.get_top(widths), border_style)
        yield new_line
    rims = [tuple(Segment(part, border_style) for part in parts) for parts in _rims(box)]
    cell_options = [
        options.update(
            width=width,
            justify=column.justify,
            no_wrap=column.no_wrap,
            overflow=column.overflow,
            height=None,
            highlight=column.highlight,
        )
        for width, column in zip(widths, columns, strict=True)
    ]
    last_index = len(rows) - 1
    for index, row_cells in enumerate(rows):
        header_row = index == 0 and show_header
        body_index = index - 1 if show_header else index
        row_style = (
            Style.null() if header_row else get_style(table.get_row_style(console, body_index))
        )
        styles = [get_style(cell.style) + row_style for cell in row_cells]
        cells = [
            _cell_lines(console, column_options, cell, style)
            for cell, column_options, style in zip(row_cells, cell_options, styles, strict=True)
        ]
        tallest = max(len(lines) for lines in cells)
        height = max(1, tallest)  # a row is a line at least
        shaped = [
            _aligned(lines, "bottom" if header_row else cell.vertical, width, tallest, style)
            + [[Segment(" " * width)]] * (height - tallest)  # an empty row: one unstyled line
            for lines, cell, width, style in zip(cells, row_cells, widths, styles, strict=True)
        ]
        if box:
            left, right, divider = rims[0 if index == 0 else (2 if index == last_index else 1)]
            if not divider.text.strip():  # a blank divider takes the row's background
                divider = Segment(divider.text, row_style.background_style + border_style)
            for line_no in range(height):
                if show_edge:
                    yield left
                for column_no, lines in enumerate(shaped):
                    if column_no:
                        yield divider
                    yield from lines[line_no]
                if show_edge:
                    yield right
                yield new_line
            if header_row:
                yield Segment(box.get_row(widths, "head", edge=show_edge), border_style)
                yield new_line
            row = None if header_row else table.rows[body_index]
            between = table.show_lines or table.leading or (row is not None and row.end_section)
            if between and index != last_index and not header_row:
                if table.leading:
                    rule = box.get_row(widths, "mid", edge=show_edge) * table.leading
                else:
                    rule = box.get_row(widths, "row", edge=show_edge)
                yield Segment(rule, border_style)
                yield new_line
        else:
            for line_no in range(height):
                for lines in shaped:
                    yield from lines[line_no]
                yield new_line
    if box and show_edge:
        yield Segment(box.get_bottom(widths), border_style)
        yield new_line


def _rims(box: Box | None) -> list[tuple[str, str, str]]:
    """The left edge, right edge and column divider of the header row, a body row and the
    last row."""
    if box is None:
        return []
    return [
        (box.head_left, box.head_right, box.head_vertical),
        (box.mid_left, box.mid_right, box.mid_vertical),
        (box.foot_left, box.foot_right, box.foot_vertical),
    ]


def _cell_lines(
    console: Console, options: ConsoleOptions, cell: _Cell, style: Style
) -> SegmentLines:
    """One cell's lines at its column's width, as Rich's table gets them."""
    content = cell.renderable
    width = options.max_width
    if not isinstance(content, Padding):
        lines = _text_lines(console, options, content, style)
        return [_whole(line, width, padded=False, style=style) for line in lines]
    pad_style = console.get_style(content.style)
    inner = _text_lines(
        console,
        options.update_width(width - content.left - content.right),
        content.renderable,
        pad_style,
    )
    left = [Segment(" " * content.left, pad_style)] if content.left else []
    right = [Segment(" " * content.right, pad_style)] if content.right else []
    blank = [Segment(" " * width, pad_style)]
    lines = (
        [blank] * content.top + [left + line + right for line in inner] + [blank] * content.bottom
    )
    if style:
        lines = [
            [Segment(text, style + own, control) for text, own, control in line] for line in lines
        ]
    return [_whole(line, width, padded=True, style=style) for line in lines]


def _whole(line: list[Segment], width: int, *, padded: bool, style: Style) -> list[Segment]:
    """The line as Rich's table leaves it: it measures a padded cell's lines once more
    (padding them in the cell's style), then every line of the row (padding unstyled).
    Both passes change a line only where cropping left it a cell short (it can, before
    a zero-width joiner), so a line of the right width is measured once and kept."""
    if Segment.get_line_length(line) == width:
        return line
    if padded:
        line = Segment.adjust_line_length(line, width, style=style)
    return Segment.adjust_line_length(line, width)


def _text_lines(
    console: Console, options: ConsoleOptions, content: object, style: Style | None
) -> SegmentLines:
    """`console.render_lines(content, options, style=style)` for text, without the layers
    between."""
    if isinstance(content, str):
        text = console.render_str(content, highlight=options.highlight, markup=options.markup)
    else:
        assert isinstance(content, Text)
        text = content
    width = options.max_width
    tab_size = console.tab_size if text.tab_size is None else text.tab_size
    wrapped = text.wrap(
        console,
        width,
        justify=text.justify or options.justify or DEFAULT_JUSTIFY,
        overflow=text.overflow or options.overflow or DEFAULT_OVERFLOW,
        tab_size=tab_size or 8,
        no_wrap=text.no_wrap if text.no_wrap is not None else bool(options.no_wrap),
    )
    segments = _LINE_BREAK.join(wrapped).render(console, end=text.end)
    if style:
        segments = Segment.apply_style(segments, style)
    return list(
        Segment.split_and_crop_lines(
            segments, width, pad=True, style=style, include_new_lines=False
        )
    )


def _aligned(
    lines: SegmentLines, vertical: str, width: int, height: int, style: Style
) -> SegmentLines:
    """A cell's lines placed in a row `height` lines tall."""
    if vertical == "top":
        return Segment.align_top(lines, width, height, style)
    if vertical == "middle":
        return Segment.align_middle(lines, width, height, style)
    return Segment.align_bottom(lines, width, height, style)
