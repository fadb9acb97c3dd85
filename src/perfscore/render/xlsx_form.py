"""The 自评表 sheet of the XLSX export: the form of seed 02, with the formulas a form keeps.

The grid is :func:`.layout.self_evaluation_form`'s, drawn with its merges (:mod:`.xlsx_sheet`).
Then the cells that compute are formulas, each with its cached value:

* 执行率（B/A）= 全年执行数 ÷ 全年预算数 (``-`` where the budget is 0), on the 年度资金总额
  row and on each 其中 row; a 年度资金总额 row zero-filled beside filled items is scored
  from the items' sums, and its formula sums them too (as the rule does);
* the budget row's 得分 = ROUND(MIN(执行率, 1) × 分值, precision): change 全年执行数 and the
  score follows;
* 总分's 分值 and 得分 = the sums of the indicator rows and the budget row (rescaled when
  不适用 nodes are left out); the 评价等级 below is an ``IF`` over the grade table. Captured
  in part, the 得分 reads ≥ (a number format: the sum stays a number) and the 等级 is —; a 分值
  of ? (not known) leaves the 总分's 分值 the base, a number, not a sum that would miss it.

A leaf's score stays a number: perfscore's rules are not spreadsheet formulas.
"""

from __future__ import annotations

from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from ..analysis import Analysis
from ..decimals import plain
from ..messages import Messages
from ..result import Result
from .labels import BOUND
from .layout import MESSAGES as LAYOUT
from .layout import (
    SELF_EVALUATION,
    Form,
    budget_block,
    form_unit_line,
    self_evaluation_form,
    subtitle,
    title,
)
from .safety import write_text
from .xlsx_sheet import (
    Sheet,
    grade_cell,
    marked,
    note_rows,
    num,
    points_summed,
    width_of_mm,
    write_grid,
)

MESSAGES = Messages({"rpt_xlsx_form_sheet": ("自评表", "Self-evaluation")}, LAYOUT)
t = MESSAGES.t

Placed = dict[str, tuple[int, int]]


def _cell(placed: Placed, key: str) -> str:
    return xl_rowcol_to_cell(*placed[key])


def _heading(ws: Sheet, result: Result, form: Form) -> int:
    """Title, （年度） and 单位 above the form, each across it; returns the form's first row."""
    last = form.head.columns - 1
    lines = [(title(result, SELF_EVALUATION), "title")]
    lines += [(line, style) for line, style in ((subtitle(result), "subtitle"),) if line]
    unit = form_unit_line(form)
    if unit:
        lines.append((unit, "unit"))
    for row, (text, style) in enumerate(lines):
        ws.sheet.merge_range(row, 0, row, last, "", ws.formats[style])
        write_text(ws.sheet, row, 0, text, ws.formats[style])
    ws.sheet.set_row(0, 28)
    return len(lines)


def _budget_formulas(ws: Sheet, result: Result, form: Form, placed: Placed) -> None:
    """执行率 on every block row, and the scored row's 得分, as formulas."""
    block = budget_block(result)
    leaf = block.leaf
    if leaf is None or "exec.rate" not in placed:
        return
    numbers = {cell.key: cell.value for cell in form.head.cells if cell.key}
    items = sorted({key.split(".")[0] for key in numbers if key.startswith("item")})
    for row_key in ["exec", *items]:
        budget, spent = f"{row_key}.budget", f"{row_key}.spent"
        if numbers.get(budget) is None or numbers.get(spent) is None:
            continue
        b, s = _cell(placed, budget), _cell(placed, spent)
        if row_key == "exec" and block.details.get("from_items") and items:
            b, s = (
                f"SUM({_cell(placed, items[0] + f)}:{_cell(placed, items[-1] + f)})"
                for f in (".budget", ".spent")
            )
        ratio = numbers.get(f"{row_key}.rate")
        cached: Any = float(ratio) if ratio is not None else "-"
        row, col = placed[f"{row_key}.rate"]
        ws.sheet.write_formula(row, col, f'=IF({b}>0,{s}/{b},"-")', ws.formats["rate"], cached)
    if leaf.scored is not None and leaf.node.applicable and leaf.node.captured:
        rate, points = _cell(placed, "exec.rate"), _cell(placed, "exec.points")
        formula = f"=ROUND(MIN({rate},1)*{points},{result.evaluation.precision})"
        row, col = placed["exec.score"]
        ws.sheet.write_formula(row, col, formula, ws.formats["score"], num(leaf.score))


def _total_formulas(ws: Sheet, result: Result, form: Form, placed: Placed, first: int) -> None:
    """总分: the indicator rows' sums, plus the budget row when it is shown only in the block."""
    leaf = budget_block(result).leaf
    in_block = False  # the budget row is shown in the block only (a level-1 leaf)
    if leaf is not None and "exec.score" in placed:
        below = f"score:{leaf.node.path}"
        if below in placed:  # also among the indicators: one score, in one cell
            row, col = placed[below]
            formula = "=" + _cell(placed, "exec.score")
            ws.sheet.write_formula(row, col, formula, ws.formats["score"], num(leaf.score))
        in_block = below not in placed
    count = form.indicators.rows - 2  # the header and the 总分 row
    for kind, value in (("points", result.points), ("score", result.score)):
        row, col = placed[f"total.{kind}"]
        style = f"total_{kind}"
        if kind == "points" and not points_summed(result):
            continue  # the grid wrote the base as a number: a sum would leave out a "?"
        if kind == "score" and result.partial:
            style = marked(style, BOUND)  # ≥: the sum of what was captured
        parts = []
        if count > 0:
            parts.append(
                f"SUM({xl_rowcol_to_cell(first + 1, col)}:{xl_rowcol_to_cell(first + count, col)})"
            )
        if in_block:
            parts.append(_cell(placed, f"exec.{kind}"))
        summed = "+".join(parts) or "0"
        rescale = result.rescale
        if kind == "score" and rescale is not None:
            summed = (
                f"ROUND(({summed})*{plain(rescale.points)}/{plain(rescale.applicable_points)},"
                f"{result.evaluation.precision})"
            )
        ws.sheet.write_formula(row, col, "=" + summed, ws.formats[style], num(value))


def _cells(form: Form, placed: Placed) -> dict[str, tuple[int, int, int]]:
    """Each leaf's (row, 分值 column, 得分 column), for the sheets that refer to the form."""
    cells = {}
    for key, (row, col) in placed.items():
        if key.startswith("points:"):
            path = key.removeprefix("points:")
            cells[path] = (row, col, placed[f"score:{path}"][1])
    return cells


def form_sheet(
    book: Any, analysis: Analysis, fmts: dict[str, Any]
) -> tuple[str, dict[str, tuple[int, int, int]]]:
    """The 自评表 sheet; returns its name and each leaf's cells."""
    result = analysis.result
    form = self_evaluation_form(result)
    ws = Sheet(book, t("rpt_xlsx_form_sheet"), fmts)
    top = _heading(ws, result, form)
    placed = write_grid(ws, form.head, top)
    first = top + form.head.rows
    placed.update(write_grid(ws, form.indicators, first))
    _budget_formulas(ws, result, form, placed)
    _total_formulas(ws, result, form, placed, first)
    grade_row = first + form.indicators.rows
    ws.text(grade_row, 0, t("rpt_grade"), "total", grade_row, form.names + 2)
    points_row, points_col = placed["total.points"]
    grade_cell(
        ws,
        result,
        grade_row,
        form.names + 3,
        form.names + 4,
        _cell(placed, "total.score"),
        xl_rowcol_to_cell(points_row, points_col),
    )
    ws.sheet.write_blank(grade_row, form.names + 5, None, fmts["total"])
    note_rows(ws, result, grade_row + 2, form.head.columns - 1, warnings=True)
    for col, mm in enumerate(form.head.widths):
        ws.widths[col] = width_of_mm(mm)
    ws.print_a4()
    ws.finish()
    cells = _cells(form, placed)
    block = budget_block(result).leaf
    if block is not None and "exec.points" in placed:
        row, pcol = placed["exec.points"]
        cells.setdefault(block.node.path, (row, pcol, placed["exec.score"][1]))
    return ws.name, cells
