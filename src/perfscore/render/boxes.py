"""Box-drawn tables as one rich ``Text``: the look of rich's tables at a fraction of the cost.

A rich ``Table`` renders every cell through padding, measuring and wrapping
renderables: about 0.7 ms a row on these machines, so the 42-row tree of the
78.49 example took 30 ms and a 10,000-leaf tree half a minute. Score tables
are plain: short cells, one column of free text. Laying their lines out here
and handing rich one styled ``Text`` costs about 0.05 ms a row, and keeps rich
for what it is for (styles, terminal detection, colour or not).

Widths are terminal cells (``rich.cells.cell_len``: a Chinese character is two).
Text columns may ``fold``: when the table is wider than the terminal, they
narrow in turn (the free-text column first) and their text continues on
further lines; numbers are never wrapped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len, get_character_cell_size
from rich.control import strip_control_codes
from rich.text import Span, Text

from ..records import record
from .drawn import DrawnTable

Cell = str | Text

# rich's HEAVY_HEAD box, as the report tables looked before.
_TOP = ("┏", "━", "┳", "┓")
_HEAD = ("┃", "┃", "┃")
_UNDER_HEAD = ("┡", "━", "╇", "┩")
_ROW = ("│", "│", "│")
_FOOT_RULE = ("├", "─", "┼", "┤")
_BOTTOM = ("└", "─", "┴", "┘")
MIN_FOLD = 10  # the free-text column folds to this before any other column folds
NARROWEST = 4  # no column folds narrower (two Chinese characters)


@record
class Column:
    header: str
    justify: str = "left"  # "left" or "right"
    # 0: never folds; 1: the free-text column, first to fold; 2: folds when that is not enough.
    fold: int = 0
    style: str = ""


try:  # the characters rich's strip_control_codes removes
    from rich.control import _CONTROL_STRIP_TRANSLATE

    _CONTROL = re.compile("[" + re.escape("".join(map(chr, _CONTROL_STRIP_TRANSLATE))) + "]")
except ImportError:  # pragma: no cover - another rich: strip every text
    _CONTROL = re.compile("")

# A cell as laid out: its text, its own style and its styled spans (as a rich Text has them).
_Piece = tuple[str, Any, Sequence[Span]]
_EMPTY: _Piece = ("", "", ())


def _plain(cell: Cell) -> str:
    """The text of a cell, as a Text made of it holds it (control codes stripped)."""
    if isinstance(cell, Text):
        return cell.plain
    # rich's strip_control_codes translates every text (a µs each); most have none to strip
    return strip_control_codes(cell) if _CONTROL.search(cell) else cell


def _cells(text: str) -> int:
    """``cell_len(text)``, measured without its cache (every cell is a new string): printable
    ASCII (numbers, rates) is one cell a character; other text is the sum of its
    characters' cells, which is what rich's ``cell_len`` adds up unless a joiner or a
    variation selector (emoji sequences) is there, when rich measures it whole."""
    if text.isascii() and text.isprintable():
        return len(text)
    if "\u200d" in text or "\ufe0f" in text:
        return cell_len(text)
    return sum(map(get_character_cell_size, text))


def _piece(cell: Cell, plain: str) -> _Piece:
    return (plain, cell.style, cell.spans) if isinstance(cell, Text) else (plain, "", ())


def _word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in ".%,-+")


def _fold(cell: Cell, plain: str, width: int) -> list[tuple[_Piece, int]]:
    """Split ``cell`` into lines of at most ``width`` cells, each (piece, cells wide).

    Chinese text breaks between any two characters; a run of ASCII letters and
    digits ("1.86", "P323") is kept whole when it fits on a line, and a line
    does not start with a space. An indented text (a level-3 indicator's name)
    keeps its indent on the lines it continues on, where the width allows.
    A plain string is cut as a string; a Text as rich cuts one (its styles follow).
    ``plain`` is the cell's text (:func:`_plain`).
    """
    if _cells(plain) <= width:
        return [(_piece(cell, plain), _cells(plain))]
    indent = len(plain) - len(plain.lstrip(" "))
    keep = min(indent, max(0, (width - 2) // 2))  # leave room for one wide character
    trim, indent = indent - keep, keep  # a narrow column keeps only part of a deep indent
    ranges = _breaks(plain[trim:], width, indent)
    if not isinstance(cell, Text):
        texts = [plain[trim + start : trim + end] for start, end in ranges]
        pad = " " * indent
        texts[1:] = [pad + text for text in texts[1:]]
        return [((text, "", ()), _cells(text)) for text in texts]
    text = cell[trim:] if trim else cell
    pieces = [text[start:end] for start, end in ranges]
    if indent:
        pad = " " * indent
        pieces[1:] = [Text(pad) + piece for piece in pieces[1:]]
    return [((p.plain, p.style, p.spans), p.cell_len) for p in pieces]


def _breaks(plain: str, width: int, indent: int) -> list[tuple[int, int]]:
    """Where :func:`_fold` cuts ``plain`` (over ``width`` cells): each line's (start, end).

    Each character is measured once; what is left of a line is the sum of its characters'
    cells, which is ``cell_len`` unless a joiner or a variation selector (emoji sequences)
    makes the whole differ from its parts: then it is measured whole, as rich does.
    """
    sizes = [1 if " " <= char <= "~" else get_character_cell_size(char) for char in plain]
    if "\u200d" in plain or "\ufe0f" in plain:

        def rest(start: int) -> int:
            return cell_len(plain[start:])
    else:
        after = [0] * (len(plain) + 1)  # after[i]: the cells from character i to the end
        for index in range(len(plain) - 1, -1, -1):
            after[index] = after[index + 1] + sizes[index]

        def rest(start: int) -> int:
            return after[start]

    ranges: list[tuple[int, int]] = []
    start = 0
    room = width
    while rest(start) > room:
        end, used = start, 0
        while end < len(plain) and used + sizes[end] <= room:  # (a joiner: the sum is less)
            used += sizes[end]
            end += 1
        end = max(end, start + 1)  # a character wider than the line still advances
        cut = end
        while start < cut < len(plain) and _word_char(plain[cut - 1]) and _word_char(plain[cut]):
            cut -= 1
        if cut == start:  # one run longer than the line: fold it
            cut = end
        ranges.append((start, cut))
        start = cut
        while start < len(plain) and plain[start] == " ":
            start += 1
        room = width - indent
    ranges.append((start, len(plain)))
    return ranges


def _widths(columns: Sequence[Column], sizes: Sequence[Sequence[int]]) -> list[int]:
    """Each column's width in cells: its widest cell (``sizes``: each cell's width)."""
    widths = [_cells(column.header) for column in columns]
    for row in sizes:
        for index, size in enumerate(row):
            if size > widths[index]:
                widths[index] = size
    return widths


def _fit(columns: Sequence[Column], widths: list[int], budget: int) -> None:
    """Narrow the fold columns (in place) until the cells fit ``budget``.

    First the rank-1 column (the free text) narrows, down to MIN_FOLD, as far
    as that is enough; then every fold column narrows together, the widest
    first, down to NARROWEST. A table that still does not fit is printed wider
    than asked, never not at all.
    """
    first = [i for i, column in enumerate(columns) if column.fold == 1]
    every = [i for i, column in enumerate(columns) if column.fold]
    for group, floor in ((first, MIN_FOLD), (every, NARROWEST)):
        excess = sum(widths) - budget
        if excess <= 0 or not group:
            continue
        _narrow(widths, group, excess, floor)


def _narrow(widths: list[int], group: list[int], excess: int, floor: int) -> None:
    """Take up to ``excess`` cells from the columns of ``group``, widest first, none below ``floor``."""
    while excess > 0:
        widest = max(group, key=lambda i: widths[i])
        if widths[widest] <= floor:
            return
        widths[widest] -= 1
        excess -= 1


class _Layout:
    """The table's text and styled spans, appended as rich's ``Text.append`` and
    ``Text.append_text`` would (same text, same spans in the same order), but into one
    list of strings: one Text is made at the end instead of ~40 appends a row."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[Span] = []
        self.offset = 0
        self.simple = True

    def add(self, text: str, style: Any = "") -> None:
        if style and text:
            self.spans.append(Span(self.offset, self.offset + len(text), style))
            self.simple = self.simple and "\n" not in text
        self.parts.append(text)
        self.offset += len(text)

    def line(
        self,
        stacks: Sequence[Sequence[tuple[_Piece, int]]],
        columns: Sequence[Column],
        widths: Sequence[int],
        edges: tuple[str, str, str],
        extras: Sequence[str],
    ) -> None:
        """One row: each cell a stack of (piece, cells wide), one physical line per piece."""
        parts, spans = self.parts, self.spans
        last = len(columns) - 1
        for number in range(max(len(stack) for stack in stacks)):
            parts.append(edges[0])
            offset = self.offset + len(edges[0])
            for index, stack in enumerate(stacks):
                (plain, style, inner), size = stack[number] if number < len(stack) else (_EMPTY, 0)
                pad = " " * (widths[index] - size)
                right = columns[index].justify == "right"
                lead = " " + pad if right else " "
                tail = ("" if right else pad) + " " + (edges[1] if index < last else edges[2])
                start = offset + len(lead)
                end = start + len(plain)
                # as Text.append_text(piece) after piece.stylize(extra) would place them
                if style:
                    spans.append(Span(start, end, style))
                if inner:
                    spans.extend(Span(s + start, e + start, st) for s, e, st in inner)
                if extras[index] and plain:
                    spans.append(Span(start, end, extras[index]))
                if "\t" in plain or "\n" in plain:
                    self.simple = False
                parts += (lead, plain, tail)
                offset = end + len(tail)
            parts.append("\n")
            self.offset = offset + 1

    def text(self) -> DrawnTable:
        """The Text, stripped of trailing space as ``Text.rstrip`` strips it."""
        plain = "".join(self.parts).rstrip()
        size = len(plain)
        out = DrawnTable()
        # Set as Text.__init__ would, without its pass over the whole text for control codes:
        # every part is already clean (the cells were stripped one by one, as Text strips them).
        out._text = [plain]
        out._length = size
        out._spans = [
            span if span.end < size else span._replace(end=size)
            for span in self.spans
            if span.start < size
        ]
        out.simple = self.simple
        return out


def box_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    *,
    title: str | None = None,
    footer: Sequence[Cell] | None = None,
    width: int | None = None,
    header_style: str = "bold cyan",
) -> Text:
    """The table as one styled Text, ready for ``console.print(..., crop=False)``.

    Every cell's text and width are taken once, and every row is laid out once into one
    list of strings (:class:`_Layout`).
    """
    header = [Text(column.header) for column in columns]
    body = [list(row) for row in rows]
    if footer is not None:
        body.append(list(footer))
    plains = [[_plain(cell) for cell in row] for row in body]
    sizes = [[_cells(plain) for plain in row] for row in plains]
    widths = _widths(columns, sizes)
    if width is not None:
        _fit(columns, widths, width - (3 * len(columns) + 1))  # "│ " … " │" per cell
    out = _Layout()
    extras = [f"{column.style}".strip() for column in columns]
    folds = [column.fold > 0 for column in columns]

    def stacks(
        cells: Sequence[Cell], texts: Sequence[str], cells_wide: Sequence[int]
    ) -> list[list[tuple[_Piece, int]]]:
        # A fold column's cell wider than its column continues on further lines.
        found: list[list[tuple[_Piece, int]]] = []
        for index, cell in enumerate(cells):
            plain, size = texts[index], cells_wide[index]
            if folds[index] and size > widths[index]:
                found.append(_fold(cell, plain, widths[index]))
            else:
                found.append([(_piece(cell, plain), size)])
        return found

    def rule(parts: tuple[str, str, str, str]) -> None:
        left, fill, mid, right = parts
        out.add(left + mid.join(fill * (w + 2) for w in widths) + right + "\n")

    total = sum(widths) + 3 * len(widths) + 1
    if title:
        pad = max(0, total - _cells(title))
        out.add(" " * (pad // 2))
        out.add(strip_control_codes(title), "bold")
        out.add(" " * (pad - pad // 2) + "\n")
    rule(_TOP)
    head = [h.plain for h in header]
    head_extras = [f"{header_style} {column.style}".strip() for column in columns]
    out.line(stacks(header, head, [_cells(h) for h in head]), columns, widths, _HEAD, head_extras)
    rule(_UNDER_HEAD)
    rows_only = len(body) - (footer is not None)
    for row, texts, cells_wide in zip(body[:rows_only], plains, sizes, strict=False):
        out.line(stacks(row, texts, cells_wide), columns, widths, _ROW, extras)
    if footer is not None:
        rule(_FOOT_RULE)
        out.line(stacks(body[-1], plains[-1], sizes[-1]), columns, widths, _ROW, extras)
    rule(_BOTTOM)
    return out.text()
