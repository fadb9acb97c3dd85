"""What every sheet of the XLSX export shares: cell formats, text cells that wrap and size
their rows, numbers as numbers, the grade formula, and grids (:mod:`.grid`) drawn with merges.

Text is written as text, never as a formula or a link (:mod:`.safety`); every wrapped text
is remembered with its cells so that, once the column widths are final, each row gets the
height its lines need (:mod:`.rowheight`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from ..decimals import plain
from ..result import Result
from .grid import Cell, Grid
from .labels import (
    BOUND,
    BOUND_SIGN,
    INFERRED,
    base_line,
    inferred_line,
    rescale_line,
    result_line,
    t,
    text_width,
    warning_line,
)
from .rowheight import RowHeights
from .safety import write_text

FONT = "宋体"
FONT_PT = 11.0
# Millimetres on the page → XlsxWriter's column unit (LibreOffice: 5.55·w + 3.9 pt).
PT_PER_MM = 72 / 25.4


def num(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


def width_of_mm(mm: float) -> float:
    return round(max((mm * PT_PER_MM - 3.9) / 5.55, 2.0), 1)


class Sheet:
    """A worksheet whose column widths grow to fit what is written and whose rows fit
    their wrapped text."""

    def __init__(self, book: Any, name: str, formats: dict[str, Any]):
        self.sheet = book.add_worksheet(name)
        self.formats = formats
        self.widths: dict[int, float] = {}
        self.rows = RowHeights(FONT_PT)

    @property
    def name(self) -> str:
        return str(self.sheet.name)

    def fit(self, col: int, text: str, cap: int = 30) -> None:
        self.widths[col] = min(max(self.widths.get(col, 6), text_width(text) + 2), cap)

    def fit_number(self, col: int, text: str) -> None:
        """A number's column, to its text as shown (≥53.67, 20*): a column too narrow for a
        number shows ###. The CJK font draws ≥ as wide as a Chinese character."""
        self.fit(col, text.replace(BOUND_SIGN, "  "))

    def text(
        self,
        row: int,
        col: int,
        text: object,
        style: str,
        last_row: int | None = None,
        last_col: int | None = None,
    ) -> None:
        """A text cell (merged over ``last_row``/``last_col`` when given), wrapped."""
        cell_format = self.formats[style]
        last_row = row if last_row is None else last_row
        last_col = col if last_col is None else last_col
        if (last_row, last_col) != (row, col):
            self.sheet.merge_range(row, col, last_row, last_col, "", cell_format)
        write_text(self.sheet, row, col, text, cell_format)
        if text:
            self.rows.need(row, col, str(text), last_row, last_col)

    def merged(self, row: int, col: int, last_row: int, last_col: int, style: str) -> None:
        """An empty merged area, for a number or formula written into its first cell."""
        if (last_row, last_col) != (row, col):
            self.sheet.merge_range(row, col, last_row, last_col, "", self.formats[style])

    def finish(self) -> None:
        for col, width in self.widths.items():
            self.sheet.set_column(col, col, width)
        self.rows.apply(self.sheet, self.widths)

    def print_a4(self, landscape: bool = False) -> None:
        if landscape:
            self.sheet.set_landscape()
        self.sheet.set_paper(9)  # A4
        self.sheet.fit_to_pages(1, 0)


def _literal(text: str) -> str:
    """Text inside a number format: quoted (a bare * would repeat the next character to fill
    the cell), a quote doubled."""
    return '"' + text.replace('"', '""') + '"'


def marked(style: str, mark: str) -> str:
    """The format of ``style`` whose number reads with ``mark`` (labels.points_mark): ≥ before
    a lower bound, * after inferred points. The value stays a number that formulas sum."""
    return f"{style}_{mark}" if mark else style


def _marked_formats(fmt: Any, codes: dict[str, tuple[dict[str, Any], str]]) -> dict[str, Any]:
    """For each number style, its ≥ (lower bound) and, for points, its * (inferred) twin."""
    out = {}
    for style, (extra, code) in codes.items():
        out[marked(style, BOUND)] = fmt(**extra, num_format=_literal(BOUND_SIGN) + code)
        if "points" in style:
            inferred = code + _literal(t("lbl_inferred_mark"))
            out[marked(style, INFERRED)] = fmt(**extra, num_format=inferred)
    return out


def formats(book: Any, precision: int) -> dict[str, Any]:
    base = {"font_name": FONT, "font_size": FONT_PT, "border": 1, "valign": "vcenter"}
    score = "0" if precision == 0 else "0." + "0" * precision
    total: dict[str, Any] = {"bold": True, "align": "center", "bg_color": "#F2F2F2"}

    def fmt(**extra):
        return book.add_format({**base, **extra})

    codes: dict[str, tuple[dict[str, Any], str]] = {
        "points": ({"align": "center"}, "General"),
        "score": ({"align": "center"}, score),
        "total_points": (total, "General"),
        "total_score": (total, score),
    }
    return _marked_formats(fmt, codes) | {
        "title": book.add_format(
            {
                "font_name": FONT,
                "bold": True,
                "font_size": 14,
                "align": "center",
                "valign": "vcenter",
            }
        ),
        "subtitle": book.add_format({"font_name": FONT, "font_size": FONT_PT, "align": "center"}),
        "unit": book.add_format({"font_name": FONT, "font_size": FONT_PT, "align": "right"}),
        "head": fmt(bold=True, align="center", bg_color="#D9E1F2", text_wrap=True),
        "label": fmt(bold=True, align="center", text_wrap=True),
        "name": fmt(text_wrap=True),
        "name_top": fmt(text_wrap=True, bold=True, align="center"),
        "points": fmt(align="center", num_format="General"),
        "amount": fmt(align="center", num_format="General"),
        "score": fmt(align="center", num_format=score),
        "rate": fmt(align="center", num_format="0.00%"),
        "center": fmt(align="center", text_wrap=True),
        "text": fmt(text_wrap=True, valign="top"),
        "wrap": fmt(text_wrap=True),
        "total": fmt(**total, text_wrap=True),
        "total_points": fmt(**total, num_format="General"),
        "total_score": fmt(**total, num_format=score),
        "total_rate": fmt(**total, num_format="0.00%"),
        "plain": book.add_format(
            {"font_name": FONT, "font_size": FONT_PT, "text_wrap": True, "valign": "top"}
        ),
        "bold": book.add_format(
            {"font_name": FONT, "font_size": FONT_PT, "bold": True, "text_wrap": True}
        ),
    }


def points_summed(result: Result) -> bool:
    """Whether the 合计 / 总分 分值 is the sum of the rows above: not when a part not captured
    has no points (?), whose sum would fall short of the base; then it is the base itself."""
    return all(top.node.points_known for top in result.indicators)


def grade_formula(result: Result, score_ref: str, points_ref: str) -> str:
    """=IF(total×100/points>=90,"优",IF(…>=80,"良",…)): the file's grade table, highest first."""
    grades = result.evaluation.grades
    share = f"{score_ref}*100/{points_ref}"

    def text(name: str) -> str:  # a string literal in a formula: quotes doubled
        return '"' + name.replace('"', '""') + '"'

    formula = text(grades[-1].name)
    for grade in reversed(grades[:-1]):
        formula = f"IF({share}>={plain(grade.min)},{text(grade.name)},{formula})"
    return "=" + formula


def grade_cell(
    ws: Sheet, result: Result, row: int, col: int, last_col: int, score_ref: str, points_ref: str
) -> None:
    """The grade as an IF over the grade table (a total captured in part has none: —)."""
    ws.merged(row, col, row, last_col, "total")
    if result.grade is None:
        write_text(ws.sheet, row, col, "—", ws.formats["total"])
        return
    formula = grade_formula(result, score_ref, points_ref)
    ws.sheet.write_formula(row, col, formula, ws.formats["total"], result.grade)


def note_rows(ws: Sheet, result: Result, row: int, last_col: int, warnings: bool = False) -> int:
    """The sentences a table needs beside it (captured in part, not out of 100, 不适用
    rescaled, points inferred; with ``warnings`` the self-evaluation warnings), one merged
    row each from ``row``; returns the next row."""
    notes = [base_line(result), rescale_line(result), inferred_line(result)]
    if result.partial:
        notes.insert(0, result_line(result))
    if warnings:
        notes += [warning_line(w.path, w.message) for w in result.warnings]
    for line in notes:
        if line is not None:
            ws.text(row, 0, line, "plain", row, last_col)
            row += 1
    return row


def ref(sheet_name: str, row: int, col: int) -> str:
    """An absolute reference to a cell of another sheet ('得分情况表'!$H$18)."""
    return f"'{sheet_name}'!{xl_rowcol_to_cell(row, col, row_abs=True, col_abs=True)}"


# How a grid cell's style is drawn in a sheet (number cells by their kind of number).
_STYLE = {
    "head": "head",
    "label": "label",
    "top": "name_top",
    "name": "name",
    "text": "wrap",
    "num": "center",
    "total": "total",
    "total_num": "total",
}
_NUMBER = {"points": "points", "amount": "amount", "score": "score", "rate": "rate"}


def _number_style(cell: Cell) -> str:
    style = _NUMBER[cell.number or "points"]
    style = ("total_" + style) if cell.style == "total_num" and style != "amount" else style
    return marked(style, cell.mark)


def write_grid(ws: Sheet, grid: Grid, offset: int) -> dict[str, tuple[int, int]]:
    """The grid from row ``offset``: merged cells merged, numbers as numbers; returns where
    each keyed cell went."""
    placed: dict[str, tuple[int, int]] = {}
    for cell in grid.cells:
        row, col = cell.row + offset, cell.col
        last_row, last_col = cell.last_row + offset, cell.last_col
        if cell.key:
            placed[cell.key] = (row, col)
        if cell.value is not None and cell.number:
            style = _number_style(cell)
            ws.merged(row, col, last_row, last_col, style)
            value = float(cell.value) if cell.number == "rate" else num(cell.value)
            ws.sheet.write_number(row, col, value, ws.formats[style])
        else:
            ws.text(row, col, cell.text, _STYLE[cell.style], last_row, last_col)
    return placed
