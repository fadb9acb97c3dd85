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

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

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


@dataclass(frozen=True)
class Column:
    header: str
    justify: str = "left"  # "left" or "right"
    # 0: never folds; 1: the free-text column, first to fold; 2: folds when that is not enough.
    fold: int = 0
    style: str = ""


def _text(cell: Cell) -> Text:
    return cell if isinstance(cell, Text) else Text(cell)


def _word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in ".%,-+")


def _fold(text: Text, width: int) -> list[Text]:
    """Split ``text`` into lines of at most ``width`` cells.

    Chinese text breaks between any two characters; a run of ASCII letters and
    digits ("1.86", "P323") is kept whole when it fits on a line, and a line
    does not start with a space. An indented text (a level-3 indicator's name)
    keeps its indent on the lines it continues on, where the width allows.
    """
    plain = text.plain
    if cell_len(plain) <= width:
        return [text]
    indent = len(plain) - len(plain.lstrip(" "))
    keep = min(indent, max(0, (width - 2) // 2))  # leave room for one wide character
    if keep < indent:  # a narrow column keeps only part of a deep indent
        text, plain = text[indent - keep :], plain[indent - keep :]
        indent = keep
    pieces: list[Text] = []
    start = 0
    room = width
    while cell_len(plain[start:]) > room:
        end, used = start, 0
        while used + cell_len(plain[end]) <= room:
            used += cell_len(plain[end])
            end += 1
        end = max(end, start + 1)  # a character wider than the line still advances
        cut = end
        while cut > start and _word_char(plain[cut - 1]) and _word_char(plain[cut]):
            cut -= 1
        if cut == start:  # one run longer than the line: fold it
            cut = end
        pieces.append(text[start:cut])
        start = cut
        while start < len(plain) and plain[start] == " ":
            start += 1
        room = width - indent
    pieces.append(text[start:])
    if indent:
        pad = " " * indent
        pieces[1:] = [Text(pad) + piece for piece in pieces[1:]]
    return pieces


def _widths(
    columns: Sequence[Column], rows: Sequence[Sequence[Text]], max_width: int | None
) -> list[int]:
    widths = [cell_len(column.header) for column in columns]
    for row in rows:
        for index, cell in enumerate(row):
            size = cell.cell_len
            if size > widths[index]:
                widths[index] = size
    if max_width is not None:
        _fit(columns, widths, max_width - (3 * len(columns) + 1))  # "│ " … " │" per cell
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


def box_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    *,
    title: str | None = None,
    footer: Sequence[Cell] | None = None,
    width: int | None = None,
    header_style: str = "bold cyan",
) -> Text:
    """The table as one styled Text, ready for ``console.print(..., crop=False)``."""
    body = [[_text(cell) for cell in row] for row in rows]
    foot = [_text(cell) for cell in footer] if footer is not None else None
    widths = _widths(columns, body + ([foot] if foot else []), width)
    out = Text()

    def rule(parts: tuple[str, str, str, str]) -> None:
        left, fill, mid, right = parts
        out.append(left + mid.join(fill * (w + 2) for w in widths) + right + "\n")

    def line(cells: Sequence[Text], edges: tuple[str, str, str], style: str = "") -> None:
        # Each cell may fold onto several physical lines (only the fold column does).
        stacks = [
            _fold(cell, w) if column.fold else [cell]
            for cell, column, w in zip(cells, columns, widths, strict=True)
        ]
        for number in range(max(len(stack) for stack in stacks)):
            out.append(edges[0])
            for index, (stack, column, w) in enumerate(zip(stacks, columns, widths, strict=True)):
                piece = stack[number] if number < len(stack) else Text()
                pad = " " * (w - piece.cell_len)
                out.append(" ")
                if column.justify == "right":
                    out.append(pad)
                if column.style or style:
                    piece = piece.copy()
                    piece.stylize(f"{style} {column.style}".strip())
                out.append_text(piece)
                if column.justify != "right":
                    out.append(pad)
                out.append(" " + (edges[1] if index < len(columns) - 1 else edges[2]))
            out.append("\n")

    total = sum(widths) + 3 * len(widths) + 1
    if title:
        pad = max(0, total - cell_len(title))
        out.append(" " * (pad // 2))
        out.append(title, style="bold")
        out.append(" " * (pad - pad // 2) + "\n")
    rule(_TOP)
    line([Text(column.header) for column in columns], _HEAD, header_style)
    rule(_UNDER_HEAD)
    for row in body:
        line(row, _ROW)
    if foot is not None:
        rule(_FOOT_RULE)
        line(foot, _ROW)
    rule(_BOTTOM)
    out.rstrip()
    return out
