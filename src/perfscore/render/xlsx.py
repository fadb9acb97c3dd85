"""The XLSX export (XlsxWriter, the ``xlsx`` extra), in the two layouts of :mod:`.layout`.

评价报告 layout:

* 得分情况表: one row per leaf; for each level three columns (name, 分值, 得分); a parent's
  three cells are merged over the rows of its leaves and hold ``SUM`` formulas over its
  children's cells, so a user who changes a leaf score in Excel or LibreOffice sees every
  total recompute. Then 得分率 (a formula over the leaf's cells) and 评分依据. A 合计 row
  sums the level-1 cells; the grade is an ``IF`` formula over the total and the grade table;
* 评价得分和等级: the level-1 summary, referring to sheet 1;
* 失分情况: the lost-points ranking (分值 and 得分 refer to sheet 1, so 失分 follows an
  edit) and the next grade in sentences;
* 发现的问题: the problems drafted by stage (:mod:`.problems`).

自评表 layout: the form (:mod:`.xlsx_form`), whose 执行率, budget-row 得分 and 总分 are
formulas, then 失分情况 referring to it.

Every formula is written with its cached value (a viewer that does not compute still shows
the numbers). Numbers are numbers; text is text, never a formula or a link; every row is as
tall as its wrapped text needs (:mod:`.rowheight`), so a printout or LibreOffice's PDF shows
every line.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from xlsxwriter.utility import xl_rowcol_to_cell

from ..analysis import Analysis
from ..decimals import plain
from ..messages import Messages
from ..result import NodeResult, Result
from .explain import next_grade_lines
from .labels import (
    BOUND,
    has_rate,
    is_number,
    level_label,
    points_cell,
    points_mark,
    rate_cell,
    score_cell,
    score_mark,
    total_cell,
    total_rate,
)
from .layout import MESSAGES as LAYOUT
from .layout import REPORT, SELF_EVALUATION, basis_cell, pick_layout, title
from .problems import none_line, problem_sections
from .problems import t as problems_t
from .safety import new_workbook, write_text
from .tree import TreeRow, depth_of, tree_rows
from .xlsx_sheet import Sheet, formats, grade_cell, marked, note_rows, num, points_summed, ref

MESSAGES = Messages(
    {
        "rpt_xlsx_tree_sheet": ("得分情况表", "Scores"),
        "rpt_xlsx_summary_sheet": ("评价得分和等级", "Summary"),
        "rpt_xlsx_lost_sheet": ("失分情况", "Points lost"),
        "rpt_xlsx_problems_sheet": ("发现的问题", "Problems found"),
        "rpt_xlsx_title": ("{title}表", "{title}: scores"),
    },
    LAYOUT,
)
t = MESSAGES.t

# Each node's (row, 分值 column, 得分 column) on the sheet the other sheets refer to.
Cells = dict[str, tuple[int, int, int]]


def _tree_sheet(book, result: Result, fmts: dict) -> tuple[Sheet, Cells, tuple[int, int, int]]:
    """Sheet 1; returns it, each node's (row, points col, score col), and the total's."""
    depth = depth_of(result)
    ws = Sheet(book, t("rpt_xlsx_tree_sheet"), fmts)
    head = _tree_header(ws, result, depth)
    rows = tree_rows(result)
    first = head + 1
    cells = _place(rows, first)
    for index, row in enumerate(rows):
        _tree_row(ws, row, first + index, cells, depth, result.evaluation.precision)
    total_row = first + len(rows)
    _total_rows(ws, result, first, total_row, depth)
    ws.sheet.freeze_panes(head + 1, 0)
    ws.sheet.repeat_rows(head)
    ws.print_a4(landscape=True)
    ws.finish()
    return ws, cells, (total_row, 1, 2)


def _tree_header(ws: Sheet, result: Result, depth: int) -> int:
    """The title and the header row (name, 分值, 得分 per level; 得分率; 评分依据); its row."""
    rate_col, basis_col = 3 * depth, 3 * depth + 1
    heading = t("rpt_xlsx_title", title=title(result, REPORT))
    ws.sheet.merge_range(0, 0, 0, basis_col, "", ws.formats["title"])
    write_text(ws.sheet, 0, 0, heading, ws.formats["title"])
    ws.sheet.set_row(0, 28)
    head = 1
    for d in range(1, depth + 1):
        for offset, label in enumerate((level_label(d), t("lbl_points"), t("lbl_score"))):
            ws.text(head, 3 * (d - 1) + offset, label, "head")
            ws.fit(3 * (d - 1) + offset, label)
    ws.text(head, rate_col, t("lbl_rate"), "head")
    ws.text(head, basis_col, t("rpt_basis"), "head")
    ws.fit(rate_col, "100.00%")
    ws.widths[basis_col] = 60
    return head


def _place(rows: list[TreeRow], first: int) -> Cells:
    """Each node's (row, points column, score column), placed before any is written, so
    that a parent's SUM can refer to its children's cells."""
    cells: Cells = {}
    for index, row in enumerate(rows):
        for node, span in zip(row.chain, row.spans, strict=True):
            if span:
                column = 3 * (node.node.depth - 1)
                cells[node.node.path] = (first + index, column + 1, column + 2)
    return cells


def _tree_row(ws: Sheet, row: TreeRow, r: int, cells: Cells, depth: int, places: int) -> None:
    """One leaf's row: its ancestors' merged cells (first row only), rate and basis."""
    sheet, fmts = ws.sheet, ws.formats
    rate_col, basis_col = 3 * depth, 3 * depth + 1
    for node, span in zip(row.chain, row.spans, strict=True):
        if span:
            _write_node(ws, node, r, span, places)
    leaf = row.leaf
    _, pcol, scol = cells[leaf.node.path]
    if has_rate(leaf):
        sheet.write_formula(
            r,
            rate_col,
            f"={xl_rowcol_to_cell(r, scol)}/{xl_rowcol_to_cell(r, pcol)}",
            fmts["rate"],
            float(leaf.rate / 100),
        )
    else:  # 不适用, or not captured (—): text, as the other views show it
        write_text(sheet, r, rate_col, rate_cell(leaf), fmts["rate"])
    for d in range(leaf.node.depth + 1, depth + 1):  # a leaf above the deepest level
        for offset in range(3):
            sheet.write_blank(r, 3 * (d - 1) + offset, None, fmts["name"])
    ws.text(r, basis_col, basis_cell(leaf), "text")


def _total_rows(ws: Sheet, result: Result, first: int, total_row: int, depth: int) -> None:
    """The 合计 row (SUM formulas, rescaled when 不适用 nodes are left out) and the grade."""
    sheet, fmts = ws.sheet, ws.formats
    rate_col, basis_col = 3 * depth, 3 * depth + 1
    last = total_row - 1
    ws.text(total_row, 0, t("lbl_total_row"), "total")
    ws.fit_number(2, total_cell(result, result.evaluation.precision))
    points_ref = xl_rowcol_to_cell(total_row, 1)
    score_ref = xl_rowcol_to_cell(total_row, 2)
    if points_summed(result):
        sheet.write_formula(
            total_row,
            1,
            f"=SUM({xl_rowcol_to_cell(first, 1)}:{xl_rowcol_to_cell(last, 1)})",
            fmts["total_points"],
            num(result.points),
        )
    else:  # a level-1 part of points ?: the base, which no sum of the column gives
        sheet.write_number(total_row, 1, num(result.points), fmts["total_points"])
    summed = f"SUM({xl_rowcol_to_cell(first, 2)}:{xl_rowcol_to_cell(last, 2)})"
    rescale = result.rescale
    if rescale is not None:  # 不适用 nodes left out: rescaled to the base (docs/rules.md §2)
        summed = (
            f"ROUND({summed}*{plain(rescale.points)}/{plain(rescale.applicable_points)},"
            f"{result.evaluation.precision})"
        )
    score_format = fmts[marked("total_score", BOUND if result.partial else "")]
    sheet.write_formula(total_row, 2, "=" + summed, score_format, num(result.score))
    for col in range(3, rate_col):
        sheet.write_blank(total_row, col, None, fmts["total"])
    if result.partial:  # a lower bound has no rate
        write_text(sheet, total_row, rate_col, total_rate(result), fmts["total_rate"])
    else:
        sheet.write_formula(
            total_row,
            rate_col,
            f"={score_ref}/{points_ref}",
            fmts["total_rate"],
            float(result.rate / 100),
        )
    sheet.write_blank(total_row, basis_col, None, fmts["total"])
    grade_row = total_row + 1
    ws.text(grade_row, 0, t("rpt_grade"), "total")
    grade_cell(ws, result, grade_row, 1, 2, score_ref, points_ref)
    note_rows(ws, result, grade_row + 2, basis_col)


def _write_node(ws: Sheet, node: NodeResult, row: int, span: int, places: int) -> None:
    """A node's name, 分值 and 得分 cells, merged over its rows; a parent's as SUM formulas.

    Numbers read as every view shows them (labels.points_cell, score_cell), kept numbers
    where they are: a lower bound is formatted ≥ and inferred points *; a score that is no
    number (不适用, 未录入) and points not known (?) are text, which SUM leaves out."""
    sheet, fmts = ws.sheet, ws.formats
    col = 3 * (node.node.depth - 1)
    last = row + span - 1
    ws.fit(col, node.node.name)
    ws.text(row, col, node.node.name, "name_top" if node.node.depth == 1 else "name", last, col)
    ws.fit_number(col + 1, points_cell(node))
    ws.fit_number(col + 2, score_cell(node, places))
    points_format = fmts[marked("points", points_mark(node))]
    score_format = fmts[marked("score", score_mark(node))]
    ws.merged(row, col + 1, last, col + 1, "points")
    ws.merged(row, col + 2, last, col + 2, "score")
    if node.children:
        child = col + 3
        points = f"=SUM({xl_rowcol_to_cell(row, child + 1)}:{xl_rowcol_to_cell(last, child + 1)})"
        score = f"=SUM({xl_rowcol_to_cell(row, child + 2)}:{xl_rowcol_to_cell(last, child + 2)})"
        sheet.write_formula(row, col + 1, points, points_format, num(node.node.points))
        sheet.write_formula(row, col + 2, score, score_format, num(node.score))
        return
    if node.node.points_known:
        sheet.write_number(row, col + 1, num(node.node.points), points_format)
    else:
        write_text(sheet, row, col + 1, points_cell(node), fmts["points"])
    if is_number(node):
        sheet.write_number(row, col + 2, num(node.score), score_format)
    else:
        write_text(sheet, row, col + 2, score_cell(node), fmts["score"])


@dataclass(frozen=True)
class SummaryRow:
    """One row of 评价得分和等级: what its formulas refer to, and the values they cache (the
    text the 得分情况表's cell holds where it holds no number)."""

    name: str
    cells: tuple[int, int, int]
    points: float | int | str
    score: float | int | str
    rate: float | None  # None: no rate formula, ``rate_text`` instead
    rate_text: str = ""
    points_mark: str = ""
    score_mark: str = ""
    total: bool = False


def _summary_row(top: NodeResult, cells: tuple[int, int, int]) -> SummaryRow:
    """A level-1 row: its cells' numbers (a parent's are sums, numbers even when partial),
    or the text the leaf's cell holds (?, 未录入, 不适用)."""
    counted = top.node.points_known or bool(top.children)
    points = num(top.node.points) if counted else points_cell(top)
    score = num(top.score) if is_number(top) or top.children else score_cell(top)
    rate = float(top.rate / 100) if has_rate(top) else None
    mark = points_mark(top) if counted else ""
    return SummaryRow(
        top.node.name, cells, points, score, rate, rate_cell(top), mark, score_mark(top)
    )


def _total_summary_row(result: Result, cells: tuple[int, int, int]) -> SummaryRow:
    rate = None if result.partial else float(result.rate / 100)
    bound = BOUND if result.partial else ""
    name = t("lbl_total_row")
    points, score = num(result.points), num(result.score)
    return SummaryRow(name, cells, points, score, rate, total_rate(result), "", bound, True)


def _summary_sheet(book, result: Result, fmts: dict, tree: str, cells: Cells, total) -> None:
    ws = Sheet(book, t("rpt_xlsx_summary_sheet"), fmts)
    sheet = ws.sheet
    labels = (t("lbl_level1"), t("lbl_points_l1"), t("lbl_score"), t("lbl_rate"))
    ws.sheet.merge_range(0, 0, 0, 3, "", fmts["title"])
    write_text(sheet, 0, 0, t("lbl_summary_title"), fmts["title"])
    for col, label in enumerate(labels):
        ws.text(1, col, label, "head")
        ws.fit(col, label)
    rows = [_summary_row(top, cells[top.node.path]) for top in result.indicators]
    rows.append(_total_summary_row(result, total))
    for index, line in enumerate(rows):
        row = 2 + index
        prefix = "total_" if line.total else ""
        ws.text(row, 0, line.name, "total" if line.total else "name_top")
        ws.fit(0, line.name)
        r, pcol, scol = line.cells
        for col, source, (style, mark), cached in (
            (1, pcol, ("points", line.points_mark), line.points),
            (2, scol, ("score", line.score_mark), line.score),
        ):
            cell_format = fmts[marked(prefix + style, mark)]
            sheet.write_formula(row, col, "=" + ref(tree, r, source), cell_format, cached)
        if line.rate is None:  # —, 不适用: as the 得分情况表 shows it
            write_text(sheet, row, 3, line.rate_text, fmts[prefix + "rate"])
        else:
            rate_formula = f"={xl_rowcol_to_cell(row, 2)}/{xl_rowcol_to_cell(row, 1)}"
            sheet.write_formula(row, 3, rate_formula, fmts[prefix + "rate"], line.rate)
    ws.fit(3, "100.00%")
    places = result.evaluation.precision
    for top in result.indicators:
        ws.fit_number(2, score_cell(top, places))
    ws.fit_number(2, total_cell(result, places))
    grade_row = 2 + len(rows)
    ws.text(grade_row, 0, t("rpt_grade"), "total")
    score_ref = xl_rowcol_to_cell(grade_row - 1, 2)
    grade_cell(ws, result, grade_row, 1, 3, score_ref, xl_rowcol_to_cell(grade_row - 1, 1))
    ws.finish()


def lost_sheet(book, analysis: Analysis, fmts: dict, source: str, cells: Cells) -> None:
    """失分情况: the ranking, its 分值 and 得分 referring to ``source``, and the next grade."""
    ws = Sheet(book, t("rpt_xlsx_lost_sheet"), fmts)
    sheet = ws.sheet
    keys = ("rpt_rank", "rpt_name", "rpt_group", "lbl_points", "lbl_score", "rpt_lost")
    labels = [*(t(key) for key in keys), t("rpt_basis")]
    sheet.merge_range(0, 0, 0, len(labels) - 1, "", fmts["title"])
    write_text(sheet, 0, 0, t("rpt_lost_title"), fmts["title"])
    for col, label in enumerate(labels):
        ws.text(1, col, label, "head")
        ws.fit(col, label)
    ranking = analysis.lost
    for index, item in enumerate(ranking):
        row = 2 + index
        r, pcol, scol = cells[item.path]
        sheet.write_number(row, 0, item.rank, fmts["points"])
        for col, text in ((1, item.name), (2, item.group)):
            ws.text(row, col, text, "name")
            ws.fit(col, text)
        sheet.write_formula(row, 3, "=" + ref(source, r, pcol), fmts["points"], num(item.points))
        sheet.write_formula(row, 4, "=" + ref(source, r, scol), fmts["score"], num(item.score))
        lost = f"={xl_rowcol_to_cell(row, 3)}-{xl_rowcol_to_cell(row, 4)}"
        sheet.write_formula(row, 5, lost, fmts["score"], num(item.lost))
        ws.text(row, 6, basis_cell(item.leaf), "text")
    ws.widths[6] = 60
    row = 3 + len(ranking)
    if not ranking:
        ws.text(2, 0, t("rpt_lost_none"), "plain")
        row = 4
    ws.text(row, 0, t("rpt_next_title"), "bold")
    for offset, line in enumerate(next_grade_lines(analysis.next_grade, analysis.result), start=1):
        ws.text(row + offset, 0, line, "plain", row + offset, len(labels) - 1)
    ws.print_a4(landscape=True)
    ws.finish()


def _problems_sheet(book, analysis: Analysis, fmts: dict) -> None:
    """发现的问题: the stage headings, each problem's heading and paragraph, one column."""
    ws = Sheet(book, t("rpt_xlsx_problems_sheet"), fmts)
    write_text(ws.sheet, 0, 0, problems_t("prb_title"), fmts["title"])
    ws.sheet.set_row(0, 28)
    ws.widths[0] = 85  # 476 pt: A4 portrait between XlsxWriter's 0.7-inch margins
    row = 1
    sections = problem_sections(analysis)
    if not sections:
        ws.text(row, 0, none_line(), "plain")
    for section in sections:
        ws.text(row, 0, section.heading, "bold")
        row += 1
        for problem in section.problems:
            ws.text(row, 0, problem.heading, "bold")
            ws.text(row + 1, 0, problem.text, "plain")
            row += 2
    ws.print_a4()
    ws.finish()


def render_xlsx(analysis: Analysis, layout: str | None = None) -> bytes:
    """The workbook as bytes."""
    result = analysis.result
    chosen = pick_layout(result, layout)
    buffer = io.BytesIO()
    book = new_workbook(buffer)
    book.set_properties({"title": title(result, chosen), "comments": "perfscore"})
    fmts = formats(book, result.evaluation.precision)
    if chosen == SELF_EVALUATION:
        from .xlsx_form import form_sheet

        name, cells = form_sheet(book, analysis, fmts)
        lost_sheet(book, analysis, fmts, name, cells)
    else:
        tree, cells, total = _tree_sheet(book, result, fmts)
        _summary_sheet(book, result, fmts, tree.name, cells, total)
        lost_sheet(book, analysis, fmts, tree.name, cells)
        _problems_sheet(book, analysis, fmts)
    book.close()
    return buffer.getvalue()
