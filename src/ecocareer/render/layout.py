"""How a table meets the width it is drawn at: the one place every view's layout is decided.

Rich squeezes a table that is too wide: it cuts figures (`£50,00…`) and can narrow a
column to nothing. `fit` decides at drawing time instead, for whatever width the table
gets (a terminal, a panel, an export):

- wide enough for every cell on one line: the table as the view built it;
- wide enough for every figure whole and every text column at a readable width: the
  table with column widths chosen here, text wrapping at word boundaries;
- narrower: the same rows stacked, one block per row (`Header: value` lines), so every
  piece of information still shows, whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from ecocareer.render.lazy_rich import Group, Measurement, Padding, Table, Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.table import Column

# A wrapping column narrower than this reads as a word per line; stack instead.
READABLE = 20
# Label-and-text grids (a card's "Layer  ...") stack sooner than tables of short facts.
PROSE = 30
# Expanding views stop growing here: lines longer than this are hard to read.
WIDEST = 200
_UNBOUNDED = 10_000


def fit(table: Table, readable: int = READABLE) -> Fitted:
    """The table, laid out for the width it is drawn at (see the module's docstring);
    a wrapping column narrower than `readable` stacks the table instead."""
    return Fitted(table, readable)


class Fitted:
    """A table that picks its layout when drawn; measurable like the table itself."""

    def __init__(self, table: Table, readable: int = READABLE) -> None:
        self.table, self.readable = table, readable
        self._declared = [(column.width, column.ratio) for column in table.columns]

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        self._restore()
        return Measurement.get(console, options, self.table)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        self._restore()
        width = min(options.max_width, WIDEST) if self.table.expand else options.max_width
        widths = column_widths(self.table, console, width, self.readable)
        if widths is None:
            yield stacked(self.table)
            return
        if widths:
            for column, chosen in zip(self.table.columns, widths, strict=True):
                column.width, column.ratio = chosen, None
        from ecocareer.render.tables import draw

        yield from draw(self.table, console, options.update_width(width))

    def _restore(self) -> None:
        for column, (width, ratio) in zip(self.table.columns, self._declared, strict=True):
            column.width, column.ratio = width, ratio


def column_widths(
    table: Table, console: Console, width: int, readable: int = READABLE
) -> list[int] | None:
    """Content widths that keep every cell whole within `width`: [] when the table's own
    layout already fits on one line per cell, None when nothing fits (stack it)."""
    options = console.options.update_width(_UNBOUNDED)
    spans = [_span(table, column, console, options, readable) for column in table.columns]
    room = width - _overhead(table)
    if sum(span.most for span in spans) <= room:
        return []
    widths = [span.least for span in spans]
    if sum(widths) > room:
        return None
    shares = [column.ratio or 0 for column in table.columns]
    if table.expand and any(shares):  # the view asked for these columns in proportion
        flexible = [index for index, share in enumerate(shares) if share]
        total = room - sum(w for index, w in enumerate(widths) if index not in flexible)
        given = _by_ratio(total, [shares[i] for i in flexible], [widths[i] for i in flexible])
        for index, width_given in zip(flexible, given, strict=True):
            widths[index] = width_given
        return widths
    # Text first (each line it saves is a line less to read), then bars and drawings.
    for text in (True, False):
        wants = {i: span.most - widths[i] for i, span in enumerate(spans) if span.text is text}
        _share(room - sum(widths), widths, wants)
    return widths


def _by_ratio(total: int, ratios: list[int], least: list[int]) -> list[int]:
    """`total` split in proportion to `ratios`, no share below its `least`."""
    shares = []
    left, ratio_left = total, sum(ratios)
    for ratio, floor in zip(ratios, least, strict=True):
        share = max(floor, -(-ratio * left // ratio_left)) if ratio_left else left
        shares.append(share)
        left, ratio_left = left - share, ratio_left - ratio
    return shares


class _Span(NamedTuple):
    least: int  # the narrowest width that keeps every cell whole
    most: int  # the width that puts every cell on one line
    text: bool  # only words: wrapping it costs lines; else a drawing that scales


def _share(spare: int, widths: list[int], wants: dict[int, int]) -> None:
    """Give `spare` columns to the columns in `wants`, in proportion to what each wants."""
    total = sum(wants.values())
    if spare <= 0 or total <= 0:
        return
    if total <= spare:
        for index, want in wants.items():
            widths[index] += want
        return
    for index, want in wants.items():
        widths[index] += spare * want // total
    # What rounding left goes to the column that wants the most.
    widths[max(wants, key=wants.__getitem__)] += spare - sum(
        spare * want // total for want in wants.values()
    )


def _span(
    table: Table, column: Column, console: Console, options: ConsoleOptions, readable: int
) -> _Span:
    """How narrow and how wide a column can be with every cell kept whole; a width the
    view declared is kept (it lines tables up with each other)."""
    if column.width is not None:
        return _Span(column.width, column.width, text=True)
    cells = [column.header] if table.show_header else []
    cells += list(column.cells)
    least, most, text = 0, 0, True
    for cell in cells:
        low, high = Measurement.get(console, options, cell)
        if isinstance(cell, (str, Text)) and column.no_wrap:
            low = high  # a figure or a label: on one line, whole
        elif isinstance(cell, (str, Text, Table)):
            low = min(high, max(low, readable))  # words: wrapped, never a word per line
        else:
            text = False  # a drawing (a bar): it scales to the width it gets
        least, most = max(least, low), max(most, high)
    return _Span(least, max(least, most), text)


def _overhead(table: Table) -> int:
    """What borders and cell padding take. Rich's own accounting (private, stable since
    Rich 10): measuring it from outside gets collapsed grid padding wrong."""
    padding = sum(table._get_padding_width(index) for index in range(len(table.columns)))
    return padding + table._extra_width


def stacked(table: Table) -> Group:
    """The rows one under another: the first cell as a heading, then `Header: value` lines."""
    parts: list[RenderableType] = []
    if table.title:
        parts.append(_styled(table.title, "bold"))
    columns = table.columns
    cells = [list(column.cells) for column in columns]
    spaced = table.show_header or table.show_lines
    for index, row in enumerate(table.rows):
        if parts and spaced:
            parts.append(Text(""))
        head, *rest = (column[index] for column in cells)
        if _has_content(head):
            parts.append(_styled(head, str(columns[0].style or ("bold" if spaced else ""))))
        for column, cell in zip(columns[1:], rest, strict=True):
            if _has_content(cell):
                parts.extend(_labelled(table, column, cell))
        if row.end_section and not spaced:
            parts.append(Text(""))
    if table.caption:
        parts.append(_styled(table.caption, "dim"))
    if table.title:  # a titled table is a section of its view: keep it apart from the next
        parts.append(Text(""))
    return Group(*parts)


def _labelled(table: Table, column: Column, cell: RenderableType) -> Iterator[RenderableType]:
    """A cell under its row's heading, named by its column's header when it has one."""
    header = column.header if table.show_header else ""
    if isinstance(header, Text):
        header = header.plain
    label = " ".join(header.split()) if isinstance(header, str) else ""  # a drawn header: none
    if isinstance(cell, (str, Text)):
        value = Text(cell) if isinstance(cell, str) else cell.copy()
        yield Padding(Text.assemble((f"{label}: ", "dim"), value) if label else value, (0, 0, 0, 2))
    else:
        if label:
            yield Padding(Text(f"{label}:", style="dim"), (0, 0, 0, 2))
        yield Padding(cell, (0, 0, 0, 2))


def _styled(cell: RenderableType, style: str) -> RenderableType:
    """A heading or a title as a line of its own, in its own style over `style`."""
    if isinstance(cell, str):
        return Text(cell, style=style)
    if isinstance(cell, Text):
        styled = cell.copy()
        if style:
            styled.stylize_before(style)
        return styled
    return cell


def _has_content(cell: RenderableType) -> bool:
    if isinstance(cell, str):
        return bool(cell.strip())
    if isinstance(cell, Text):
        return bool(cell.plain.strip())
    return True


class Either:
    """`wide` when it fits on the lines it was drawn for, else `narrow`."""

    def __init__(self, wide: RenderableType, narrow: RenderableType) -> None:
        self.wide, self.narrow = wide, narrow

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        fits = Measurement.get(console, options.update_width(_UNBOUNDED), self.wide)
        yield self.wide if fits.maximum <= options.max_width else self.narrow


def panel(
    body: RenderableType, *, title: Text, subtitle: Text | None = None, colour: str = ""
) -> Either:
    """A panel in `colour`; where its title or subtitle would be cut, they are said above and
    below it instead."""
    from rich.panel import Panel

    boxed = Panel(
        body,
        title=title,
        title_align="left",
        subtitle=subtitle,
        subtitle_align="right",
        border_style=colour,
    )
    plain = Group(title, Panel(body, border_style=colour), *([subtitle] if subtitle else []))
    # A title shows whole where the box is 6 cells wider (corners, rules, spaces).
    widths = (title.cell_len + 6, (subtitle.cell_len + 6) if subtitle else 0)
    return Either(Titles(boxed, *widths), plain)


class Titles:
    """A panel measured by its titles alone: it fits where they show whole."""

    def __init__(self, panel: RenderableType, title_width: int, subtitle_width: int) -> None:
        self.panel, self.title_width, self.subtitle_width = panel, title_width, subtitle_width

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max(self.title_width, self.subtitle_width)
        return Measurement(widest, widest)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.panel
