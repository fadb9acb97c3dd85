"""A table as a grid of cells with merges: what Word, HTML, XLSX and Markdown each draw.

A published table is not a list of rows of equal shape: the 自评表 merges a label down the
rows of its block and a name across columns, the 评价报告 merges a level-1 indicator down
its leaves. A :class:`Grid` says it once — each cell at its row and column, with the rows
and columns it covers — and each renderer draws it in its medium: real merged cells in
Word, XLSX and HTML (rowspan, colspan), and in Markdown, which has no merged cells, the
text in the first row and column of the merge and the covered cells left empty, as a
merged cell reads on paper.

A cell that holds a number carries it (``value``, and ``number``, the kind of number, and
``mark`` when its text shows it as a lower bound or as inferred) so that the XLSX writes a
number, not its text, formatted to read as the text does; a cell that a formula must refer
to carries a ``key``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal

# How a cell is drawn: a header, a label of the form, an indicator's name, free text, a
# number, and the same on a total row.
STYLES = ("head", "label", "name", "top", "text", "num", "total", "total_num")


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    text: str
    rows: int = 1
    cols: int = 1
    style: str = "text"
    value: Decimal | None = None  # the number shown, for formats that keep numbers
    number: str | None = None  # "points", "score", "rate" (a ratio: 0.9 is 90%), "amount"
    key: str | None = None  # a name formulas refer to (XLSX)
    # How the number reads beside it, as the text shows it: "bound" (≥, a lower bound),
    # "inferred" (*, points inferred) or "" (labels.points_mark): the XLSX number format
    mark: str = ""

    @property
    def last_row(self) -> int:
        return self.row + self.rows - 1

    @property
    def last_col(self) -> int:
        return self.col + self.cols - 1


@dataclass
class Grid:
    """Cells on ``columns`` columns; ``widths`` in millimetres on an A4 page; the first
    ``header_rows`` rows repeat on every page."""

    widths: tuple[float, ...]
    cells: list[Cell] = field(default_factory=list)
    header_rows: int = 0

    @property
    def columns(self) -> int:
        return len(self.widths)

    @property
    def rows(self) -> int:
        return max((cell.last_row + 1 for cell in self.cells), default=0)

    def add(self, row: int, col: int, text: object, **options) -> Cell:
        cell = Cell(row, col, str(text), **options)
        if cell.last_col >= self.columns:
            raise ValueError(f"cell at ({row}, {col}) runs past {self.columns} columns")
        self.cells.append(cell)
        return cell

    def row(self, row: int, texts: Iterable[object], style: str = "text", start: int = 0) -> None:
        """One cell per column from ``start``: a row without merges."""
        for offset, text in enumerate(texts):
            self.add(row, start + offset, text, style=style)

    def keyed(self) -> dict[str, Cell]:
        return {cell.key: cell for cell in self.cells if cell.key}

    def by_row(self) -> list[list[Cell]]:
        rows: list[list[Cell]] = [[] for _ in range(self.rows)]
        for cell in sorted(self.cells, key=lambda c: (c.row, c.col)):
            rows[cell.row].append(cell)
        return rows

    def texts(self) -> list[list[str]]:
        """Every slot's text, a merged cell's in its first slot only (how Markdown shows it)."""
        slots = [[""] * self.columns for _ in range(self.rows)]
        for cell in self.cells:
            slots[cell.row][cell.col] = cell.text
        return slots

    def section(self, rows: range, first_col: int = 0) -> Grid:
        """The cells of ``rows`` from column ``first_col`` on, as a grid of its own: each
        cell clipped to them, and the columns in which no cell starts (they only continue
        a merge from the left) dropped."""
        clipped = []
        for c in self.cells:
            top, bottom = max(c.row, rows.start), min(c.last_row, rows.stop - 1)
            left = max(c.col, first_col)
            if top <= bottom and left <= c.last_col:
                clipped.append((top, bottom, left, c))
        kept = sorted({left for _, _, left, _ in clipped})
        index = {col: i for i, col in enumerate(kept)}
        out = Grid(tuple(self.widths[col] for col in kept))
        for top, bottom, left, c in clipped:
            cols = sum(1 for col in kept if left <= col <= c.last_col)
            out.cells.append(
                replace(c, row=top - rows.start, col=index[left], rows=bottom - top + 1, cols=cols)
            )
        return out

    def numeric_columns(self) -> set[int]:
        """Columns whose cells below the header are all numbers (or empty): right-aligned."""
        body = [c for c in self.cells if c.row >= max(self.header_rows, 1) and c.text]
        return {
            col
            for col in range(self.columns)
            if any(c.col == col for c in body)
            and all(c.style in ("num", "total_num") for c in body if c.col == col)
        }

    def merges(self) -> list[tuple[int, int, int, int]]:
        """(first row, first col, last row, last col) of every merged cell."""
        return [
            (cell.row, cell.col, cell.last_row, cell.last_col)
            for cell in self.cells
            if cell.rows > 1 or cell.cols > 1
        ]
