"""Reading single cells of a recognised table: numbers, rates and texts, with located errors.

A cell perfscore cannot read stops the table with one message naming the file, the sheet
(or page) and the cell (:class:`TableError`); the other tables of the file still import.
Blank cells ("", "-", "—", "/") are absent values, never zeros.
"""

from __future__ import annotations

from decimal import Decimal

from ..errors import Problem
from ..messages import Messages
from .cells import Cell, Grid, column_letter, text_number
from .words import NOT_APPLICABLE, is_blank
from .writer import Source

MESSAGES = Messages(
    {
        "located": ("{where}：{message}", "{where}: {message}"),
        "cell_not_number": ("{what}“{text}”不是数字", "{what} '{text}' is not a number"),
        "what_points": ("分值", "the points"),
        "what_score": ("得分", "the score"),
        "what_rate": ("比率", "the rate"),
        "what_amount": ("金额", "the amount"),
        "src_sheet_row": ("工作表“{sheet}”第 {row} 行", "sheet '{sheet}' row {row}"),
        "src_page": ("第 {page} 页", "page {page}"),
        "src_page_row": ("第 {page} 页表格第 {row} 行", "page {page}, table row {row}"),
    }
)
t = MESSAGES.t


class TableError(Exception):
    """A table that cannot be read: one located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def fail(grid: Grid, row: int, col: int, message: str) -> TableError:
    where = grid.where(row, col)
    return TableError(Problem(t("located", where=where, message=message), grid.file))


def source(grid: Grid, row: int, col: int) -> Source:
    """The cell's source: in full, and as the comment on its value writes it."""
    place = grid.rows[row] if 0 <= row < len(grid.rows) else None
    if grid.sheet is not None:
        number = (place.index if place else row) + 1
        return Source(grid.where(row, col), f"{column_letter(col)}{number}")
    return Source(grid.where(row, col), grid.where(row, col))


def row_source(grid: Grid, row: int) -> Source:
    """The row's source, for the comment on an indicator."""
    place = grid.rows[row]
    if grid.sheet is not None:
        return Source(grid.where(row, 0), t("src_sheet_row", sheet=grid.sheet, row=place.index + 1))
    if place.loose:
        return Source(grid.where(row, 0), t("src_page", page=place.page))
    return Source(grid.where(row, 0), t("src_page_row", page=place.page, row=place.index + 1))


def cell_at(grid: Grid, row: int, col: int) -> Cell:
    """The cell, or, inside a merged range, the range's first cell (its text and value)."""
    cell = grid.rows[row].cell(col)
    if cell.origin is not None:
        r, c = cell.origin
        return grid.rows[r].cell(c)
    return cell


def own_cell(grid: Grid, row: int, col: int) -> Cell | None:
    """The cell when it is its own (not covered by a merge), else None."""
    cell = grid.rows[row].cell(col)
    return None if cell.origin is not None else cell


def number(grid: Grid, row: int, col: int | None, what: str) -> Decimal | None:
    """A number cell (分值, 得分, an amount): its stored number, or the number its text prints
    ("100.00", "5分"); None when blank; a located error for any other text."""
    if col is None:
        return None
    cell = own_cell(grid, row, col)
    if cell is None or is_blank(cell.text):
        return None
    if cell.number is not None:
        return cell.number
    value = text_number(cell.text, "分")
    if value is None:
        raise fail(grid, row, col, t("cell_not_number", what=t(f"what_{what}"), text=cell.text))
    return value


def not_applicable(grid: Grid, row: int, col: int | None) -> bool:
    cell = own_cell(grid, row, col) if col is not None else None
    return cell is not None and cell.text.strip() in NOT_APPLICABLE


def percent_text(value: Decimal) -> str:
    """A stored fraction shown as a percentage: 0.894 → "89.4%"."""
    shown = (value * 100).normalize()
    return (
        format(shown.quantize(Decimal(1)) if shown == shown.to_integral_value() else shown, "f")
        + "%"
    )


def rate(grid: Grid, row: int, col: int | None) -> Decimal | str | None:
    """A printed rate (得分率, 执行率): "100.00%" as printed, a stored percentage as its
    percent, a bare number as printed; None when blank."""
    if col is None:
        return None
    cell = own_cell(grid, row, col)
    if cell is None or is_blank(cell.text):
        return None
    if cell.number is not None:
        return percent_text(cell.number) if cell.percent else cell.number
    text = cell.text.replace(" ", "")
    if text.endswith(("%", "％")) and text_number(text[:-1]) is not None:
        return text[:-1] + "%"
    value = text_number(text)
    if value is None:
        raise fail(grid, row, col, t("cell_not_number", what=t("what_rate"), text=cell.text))
    return value


def text(grid: Grid, row: int, col: int | None) -> str:
    """A text cell as printed ('' when blank); a stored percentage as its percent."""
    if col is None:
        return ""
    cell = own_cell(grid, row, col)
    if cell is None:
        return ""
    if cell.number is not None and cell.percent:
        return percent_text(cell.number)
    return cell.text
