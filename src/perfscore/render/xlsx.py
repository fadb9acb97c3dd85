"""The XLSX export (XlsxWriter, the ``xlsx`` extra): the 得分情况表 as evaluators format it.

Sheet 1, 得分情况表: one row per leaf; for each level three columns (name,
分值, 得分); a parent's three cells are merged over the rows of its leaves
and hold ``SUM`` formulas over its children's cells, so a user who changes a
leaf score in Excel or LibreOffice sees every total recompute. Then 得分率
(a formula over the leaf's cells) and 评分依据. A 合计 row sums the level-1
cells; the grade is an ``IF`` formula over the total and the grade table.

Sheet 2, 评价得分和等级: the level-1 summary, referring to sheet 1.
Sheet 3, 失分情况: the lost-points ranking (分值 and 得分 refer to sheet 1, so
失分 follows an edit) and the next grade in sentences.

Every formula is written with its cached value (XlsxWriter stores it; a
viewer that does not compute still shows the numbers). Numbers are numbers;
column widths count a CJK character as two.
"""

from __future__ import annotations

import io
from decimal import Decimal

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from ..analysis import Analysis
from ..decimals import plain
from ..messages import Messages
from ..result import NodeResult, Result
from .explain import next_grade_lines
from .labels import LABELS, applies, level_label, one_line, text_width
from .tree import TreeRow, depth_of, tree_rows

MESSAGES = Messages(
    {
        "rpt_xlsx_tree_sheet": ("得分情况表", "Scores"),
        "rpt_xlsx_summary_sheet": ("评价得分和等级", "Summary"),
        "rpt_xlsx_lost_sheet": ("失分情况", "Points lost"),
        "rpt_xlsx_title": ("{name}绩效评价得分情况表", "{name}: performance evaluation scores"),
    },
    LABELS,
)
t = MESSAGES.t

FONT = "宋体"


def _num(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


class _Sheet:
    """A worksheet with column widths that grow to fit what is written."""

    def __init__(self, book, name: str, formats: dict):
        self.sheet = book.add_worksheet(name)
        self.formats = formats
        self.widths: dict[int, int] = {}

    def fit(self, col: int, text: str, cap: int = 30) -> None:
        self.widths[col] = min(max(self.widths.get(col, 6), text_width(text) + 2), cap)

    def finish(self) -> None:
        for col, width in self.widths.items():
            self.sheet.set_column(col, col, width)


def _formats(book, precision: int) -> dict:
    base = {"font_name": FONT, "font_size": 11, "border": 1, "valign": "vcenter"}
    score = "0" if precision == 0 else "0." + "0" * precision

    def fmt(**extra):
        return book.add_format({**base, **extra})

    return {
        "title": book.add_format(
            {
                "font_name": FONT,
                "bold": True,
                "font_size": 14,
                "align": "center",
                "valign": "vcenter",
            }
        ),
        "head": fmt(bold=True, align="center", bg_color="#D9E1F2", text_wrap=True),
        "name": fmt(text_wrap=True),
        "name_top": fmt(text_wrap=True, bold=True, align="center"),
        "points": fmt(align="center", num_format="General"),
        "score": fmt(align="center", num_format=score),
        "rate": fmt(align="center", num_format="0.00%"),
        "text": fmt(text_wrap=True, valign="top"),
        "total": fmt(bold=True, align="center", bg_color="#F2F2F2"),
        "total_points": fmt(bold=True, align="center", bg_color="#F2F2F2", num_format="General"),
        "total_score": fmt(bold=True, align="center", bg_color="#F2F2F2", num_format=score),
        "total_rate": fmt(bold=True, align="center", bg_color="#F2F2F2", num_format="0.00%"),
        "plain": book.add_format(
            {"font_name": FONT, "font_size": 11, "text_wrap": True, "valign": "top"}
        ),
    }


def _tree_sheet(
    book, result: Result, formats: dict
) -> tuple[_Sheet, dict[str, tuple[int, int, int]], tuple[int, int, int]]:
    """Sheet 1; returns it, each node's (row, points col, score col), and the total's."""
    depth = depth_of(result)
    ws = _Sheet(book, t("rpt_xlsx_tree_sheet"), formats)
    head = _tree_header(ws, result, depth)
    rows = tree_rows(result)
    first = head + 1
    cells = _place(rows, first)
    for index, row in enumerate(rows):
        _tree_row(ws, row, first + index, cells, depth)
    total_row = first + len(rows)
    _total_rows(ws, result, first, total_row, depth)
    sheet = ws.sheet
    sheet.freeze_panes(head + 1, 0)
    sheet.repeat_rows(head)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    ws.finish()
    return ws, cells, (total_row, 1, 2)


def _tree_header(ws: _Sheet, result: Result, depth: int) -> int:
    """The title and the header row (name, 分值, 得分 per level; 得分率; 评分依据); its row."""
    sheet, formats = ws.sheet, ws.formats
    rate_col, basis_col = 3 * depth, 3 * depth + 1
    sheet.merge_range(
        0, 0, 0, basis_col, t("rpt_xlsx_title", name=result.evaluation.name), formats["title"]
    )
    sheet.set_row(0, 28)
    head = 1
    for d in range(1, depth + 1):
        for offset, label in enumerate((level_label(d), t("lbl_points"), t("lbl_score"))):
            sheet.write_string(head, 3 * (d - 1) + offset, label, formats["head"])
            ws.fit(3 * (d - 1) + offset, label)
    sheet.write_string(head, rate_col, t("lbl_rate"), formats["head"])
    sheet.write_string(head, basis_col, t("rpt_basis"), formats["head"])
    ws.fit(rate_col, "100.00%")
    ws.widths[basis_col] = 60
    return head


def _place(rows: list[TreeRow], first: int) -> dict[str, tuple[int, int, int]]:
    """Each node's (row, points column, score column), placed before any is written, so
    that a parent's SUM can refer to its children's cells."""
    cells: dict[str, tuple[int, int, int]] = {}
    for index, row in enumerate(rows):
        for node, span in zip(row.chain, row.spans, strict=True):
            if span:
                column = 3 * (node.node.depth - 1)
                cells[node.node.path] = (first + index, column + 1, column + 2)
    return cells


def _tree_row(
    ws: _Sheet, row: TreeRow, r: int, cells: dict[str, tuple[int, int, int]], depth: int
) -> None:
    """One leaf's row: its ancestors' merged cells (first row only), rate and basis."""
    sheet, formats = ws.sheet, ws.formats
    rate_col, basis_col = 3 * depth, 3 * depth + 1
    for node, span in zip(row.chain, row.spans, strict=True):
        if span:
            _write_node(ws, node, r, span, cells)
    leaf = row.leaf
    _, pcol, scol = cells[leaf.node.path]
    if applies(leaf):
        sheet.write_formula(
            r,
            rate_col,
            f"={xl_rowcol_to_cell(r, scol)}/{xl_rowcol_to_cell(r, pcol)}",
            formats["rate"],
            float(leaf.rate / 100),
        )
    else:  # 不适用: text, which SUM leaves out
        sheet.write_string(r, rate_col, t("lbl_not_applicable"), formats["rate"])
    for d in range(leaf.node.depth + 1, depth + 1):  # a leaf above the deepest level
        for offset in range(3):
            sheet.write_blank(r, 3 * (d - 1) + offset, None, formats["name"])
    sheet.write_string(r, basis_col, one_line(leaf.node.basis), formats["text"])


def _total_rows(ws: _Sheet, result: Result, first: int, total_row: int, depth: int) -> None:
    """The 合计 row (SUM formulas, rescaled when 不适用 nodes are left out) and the grade."""
    sheet, formats = ws.sheet, ws.formats
    rate_col, basis_col = 3 * depth, 3 * depth + 1
    last = total_row - 1
    sheet.write_string(total_row, 0, t("lbl_total_row"), formats["total"])
    points_ref = xl_rowcol_to_cell(total_row, 1)
    score_ref = xl_rowcol_to_cell(total_row, 2)
    sheet.write_formula(
        total_row,
        1,
        f"=SUM({xl_rowcol_to_cell(first, 1)}:{xl_rowcol_to_cell(last, 1)})",
        formats["total_points"],
        _num(result.points),
    )
    summed = f"SUM({xl_rowcol_to_cell(first, 2)}:{xl_rowcol_to_cell(last, 2)})"
    rescale = result.rescale
    if rescale is not None:  # 不适用 nodes left out: rescaled to the base (docs/rules.md §2)
        summed = (
            f"ROUND({summed}*{plain(rescale.points)}/{plain(rescale.applicable_points)},"
            f"{result.evaluation.precision})"
        )
    sheet.write_formula(total_row, 2, "=" + summed, formats["total_score"], _num(result.score))
    for col in range(3, rate_col):
        sheet.write_blank(total_row, col, None, formats["total"])
    sheet.write_formula(
        total_row,
        rate_col,
        f"={score_ref}/{points_ref}",
        formats["total_rate"],
        float(result.rate / 100),
    )
    sheet.write_blank(total_row, basis_col, None, formats["total"])
    grade_row = total_row + 1
    sheet.write_string(grade_row, 0, t("rpt_grade"), formats["total"])
    sheet.merge_range(grade_row, 1, grade_row, 2, "", formats["total"])
    sheet.write_formula(
        grade_row, 1, grade_formula(result, score_ref, points_ref), formats["total"], result.grade
    )


def _write_node(
    ws: _Sheet, node: NodeResult, row: int, span: int, cells: dict[str, tuple[int, int, int]]
) -> None:
    """A node's name, 分值 and 得分 cells, merged over its rows; a parent's as SUM formulas."""
    sheet, formats = ws.sheet, ws.formats
    col = 3 * (node.node.depth - 1)
    last = row + span - 1
    name_format = formats["name_top"] if node.node.depth == 1 else formats["name"]
    ws.fit(col, node.node.name)
    if span > 1:
        for offset in range(3):
            sheet.merge_range(
                row,
                col + offset,
                last,
                col + offset,
                "",
                (name_format, formats["points"], formats["score"])[offset],
            )
    sheet.write_string(row, col, node.node.name, name_format)
    if node.children:
        child_col = col + 3
        points = f"=SUM({xl_rowcol_to_cell(row, child_col + 1)}:{xl_rowcol_to_cell(last, child_col + 1)})"
        score = f"=SUM({xl_rowcol_to_cell(row, child_col + 2)}:{xl_rowcol_to_cell(last, child_col + 2)})"
        sheet.write_formula(row, col + 1, points, formats["points"], _num(node.node.points))
        sheet.write_formula(row, col + 2, score, formats["score"], _num(node.score))
    else:
        sheet.write_number(row, col + 1, _num(node.node.points), formats["points"])
        if applies(node):
            sheet.write_number(row, col + 2, _num(node.score), formats["score"])
        else:  # 不适用: text, which SUM leaves out
            sheet.write_string(row, col + 2, t("lbl_not_applicable"), formats["score"])


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


def _ref(sheet_name: str, row: int, col: int) -> str:
    return f"'{sheet_name}'!{xl_rowcol_to_cell(row, col, row_abs=True, col_abs=True)}"


def _summary_sheet(
    book,
    result: Result,
    formats: dict,
    tree_name: str,
    cells: dict[str, tuple[int, int, int]],
    total: tuple[int, int, int],
) -> None:
    ws = _Sheet(book, t("rpt_xlsx_summary_sheet"), formats)
    sheet = ws.sheet
    labels = (t("lbl_level1"), t("lbl_points_l1"), t("lbl_score"), t("lbl_rate"))
    sheet.merge_range(0, 0, 0, 3, t("lbl_summary_title"), formats["title"])
    for col, label in enumerate(labels):
        sheet.write_string(1, col, label, formats["head"])
        ws.fit(col, label)
    rows = [
        (top.node.name, cells[top.node.path], top.node.points, top.score, top.rate, False)
        for top in result.indicators
    ]
    rows.append((t("lbl_total_row"), total, result.points, result.score, result.rate, True))
    for index, (name, (r, pcol, scol), points, score, rate, is_total) in enumerate(rows):
        row = 2 + index
        prefix = "total_" if is_total else ""
        sheet.write_string(row, 0, name, formats["total" if is_total else "name_top"])
        ws.fit(0, name)
        sheet.write_formula(
            row, 1, "=" + _ref(tree_name, r, pcol), formats[prefix + "points"], _num(points)
        )
        sheet.write_formula(
            row, 2, "=" + _ref(tree_name, r, scol), formats[prefix + "score"], _num(score)
        )
        sheet.write_formula(
            row,
            3,
            f"={xl_rowcol_to_cell(row, 2)}/{xl_rowcol_to_cell(row, 1)}",
            formats[prefix + "rate"],
            float(rate / 100),
        )
    ws.fit(3, "100.00%")
    grade_row = 2 + len(rows)
    sheet.write_string(grade_row, 0, t("rpt_grade"), formats["total"])
    sheet.merge_range(grade_row, 1, grade_row, 3, "", formats["total"])
    sheet.write_formula(
        grade_row,
        1,
        grade_formula(
            result, xl_rowcol_to_cell(grade_row - 1, 2), xl_rowcol_to_cell(grade_row - 1, 1)
        ),
        formats["total"],
        result.grade,
    )
    ws.finish()


def _lost_sheet(
    book, analysis: Analysis, formats: dict, tree_name: str, cells: dict[str, tuple[int, int, int]]
) -> None:
    ws = _Sheet(book, t("rpt_xlsx_lost_sheet"), formats)
    sheet = ws.sheet
    labels = (
        t("rpt_rank"),
        t("rpt_name"),
        t("rpt_group"),
        t("lbl_points"),
        t("lbl_score"),
        t("rpt_lost"),
        t("rpt_basis"),
    )
    sheet.merge_range(0, 0, 0, len(labels) - 1, t("rpt_lost_title"), formats["title"])
    for col, label in enumerate(labels):
        sheet.write_string(1, col, label, formats["head"])
        ws.fit(col, label)
    result = analysis.result
    ranking = analysis.lost
    for index, item in enumerate(ranking):
        row = 2 + index
        r, pcol, scol = cells[item.path]
        sheet.write_number(row, 0, item.rank, formats["points"])
        sheet.write_string(row, 1, item.name, formats["name"])
        ws.fit(1, item.name)
        sheet.write_string(row, 2, item.group, formats["name"])
        ws.fit(2, item.group)
        sheet.write_formula(
            row, 3, "=" + _ref(tree_name, r, pcol), formats["points"], _num(item.points)
        )
        sheet.write_formula(
            row, 4, "=" + _ref(tree_name, r, scol), formats["score"], _num(item.score)
        )
        sheet.write_formula(
            row,
            5,
            f"={xl_rowcol_to_cell(row, 3)}-{xl_rowcol_to_cell(row, 4)}",
            formats["score"],
            _num(item.lost),
        )
        sheet.write_string(row, 6, one_line(item.basis), formats["text"])
    ws.widths[6] = 60
    row = 3 + len(ranking)
    if not ranking:
        sheet.write_string(2, 0, t("rpt_lost_none"), formats["plain"])
        row = 4
    sheet.write_string(
        row, 0, t("rpt_next_title"), book.add_format({"font_name": FONT, "bold": True})
    )
    for offset, line in enumerate(next_grade_lines(analysis.next_grade, result), start=1):
        sheet.merge_range(row + offset, 0, row + offset, len(labels) - 1, line, formats["plain"])
        sheet.set_row(row + offset, 15 * max(1, text_width(line) // 140 + 1))
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    ws.finish()


def render_xlsx(analysis: Analysis) -> bytes:
    """The workbook as bytes."""
    result = analysis.result
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties(
        {"title": t("rpt_xlsx_title", name=result.evaluation.name), "comments": "perfscore"}
    )
    formats = _formats(book, result.evaluation.precision)
    tree, cells, total = _tree_sheet(book, result, formats)
    _summary_sheet(book, result, formats, tree.sheet.name, cells, total)
    _lost_sheet(book, analysis, formats, tree.sheet.name, cells)
    book.close()
    return buffer.getvalue()
