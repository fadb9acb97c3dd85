"""The two layouts a report comes in, as grids that Word, XLSX, HTML and Markdown all draw.

**自评表** (the self-evaluation form a department files, seed 02): 项目名称 and 主管部门;
the 项目预算执行情况 block (年初预算数, 全年预算数（A）, 全年执行数（B）, 分值, 执行率（B/A）,
得分; the 年度资金总额 row and its 其中 rows, from the budget leaf's details); 年度总体目标
(年初预期目标, 目标实际完成情况, from ``project``); then 一级 | 二级 | 三级 | 年度指标值（A）|
实际完成指标值（B）| 分值 | 得分 | 偏差原因分析及改进措施, and 总分. The budget leaf is shown
in the block and, when it is a level-1 indicator (as the form has it), not again below.

**评价报告** (the tables of a finance bureau's report, seed 03): the level-1 summary with
合计, the grade table, the indicator system with its scores (一级 / 二级 / 三级 merged,
分值, 得分, 得分率, 评分依据), and the lost points.

:func:`pick_layout` chooses from the file (``project.kind``, or a budget row and targets:
:func:`perfscore.selfeval.is_self_evaluation`) unless the command line says which. Every
cell's text comes from :mod:`.labels`, so each view says the same; file text is made safe
by each renderer for its own format (:mod:`.safety`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from ..analysis import Analysis
from ..decimals import fixed, percent, plain
from ..expr import parse_expression
from ..messages import Messages, language
from ..result import NodeResult, Result
from ..selfeval import is_self_evaluation
from .grid import Grid
from .labels import (
    BOUND,
    LABELS,
    explain_cell,
    is_number,
    level_label,
    one_line,
    plain_value,
    points_cell,
    points_mark,
    rate_cell,
    score_cell,
    total_cell,
    total_rate,
    with_note,
)
from .tree import TreeRow, tree_rows

MESSAGES = Messages(
    {
        "lay_title_report": ("{name}绩效评价得分情况", "{name}: performance evaluation"),
        "lay_title_report_self": ("{name}绩效自评得分情况", "{name}: performance self-evaluation"),
        "lay_title_form": ("项目支出绩效自评表", "Project expenditure performance self-evaluation"),
        "lay_title_form_whole": (
            "部门整体支出绩效自评表",
            "Departmental expenditure performance self-evaluation",
        ),
        "lay_year": ("（{year} 年度）", "({year})"),
        "lay_unit": ("单位：{unit}", "Unit: {unit}"),
        "lay_project": ("项目名称", "Project"),
        "lay_department": ("主管部门", "Department"),
        "lay_budget_block": ("项目预算执行情况", "Budget execution"),
        "lay_budget_initial": ("年初预算数", "Initial budget"),
        "lay_budget": ("全年预算数（A）", "Budget (A)"),
        "lay_spent": ("全年执行数（B）", "Spent (B)"),
        "lay_execution_rate": ("执行率（B/A）", "Rate (B/A)"),
        "lay_budget_total": ("年度资金总额", "Total funds"),
        "lay_of_which": ("其中：{name}", "of which: {name}"),
        "lay_goal": ("年度总体目标", "Annual objective"),
        "lay_goal_expected": ("年初预期目标", "Objective set"),
        "lay_goal_achieved": ("目标实际完成情况", "Achieved"),
        "lay_indicators": ("绩效指标", "Indicators"),
        "lay_target": ("年度指标值（A）", "Target (A)"),
        "lay_actual": ("实际完成指标值（B）", "Actual (B)"),
        "lay_reason": ("偏差原因分析及改进措施", "Reason for any shortfall, and remedy"),
        "lay_total": ("总分", "Total"),
        "lay_grade": ("等级", "Grade"),
        "lay_grade_range": ("得分区间", "Score range"),
        "lay_grade_this": ("本项目", "This project"),
        "lay_range_top": ("{min}（含）-{max} 分", "{min} to {max}"),
        "lay_range_mid": ("{min}（含）-{upper} 分", "{min} to below {upper}"),
        "lay_range_low": ("{upper} 分以下", "below {upper}"),
        "lay_this_score": ("{score} 分", "{score}"),
    },
    LABELS,
)
t = MESSAGES.t

SELF_EVALUATION = "self-evaluation"
REPORT = "report"
LAYOUTS = (SELF_EVALUATION, REPORT)

# The rule of the form's budget row (预算执行率, docs/rules.md §3): its details carry the block.
BUDGET_RULE = "execution"
# Metadata keys (in ``project``) the form's 年度总体目标 row reads, first found wins.
# 年度总体目标完成情况 is the heading some printed sheets give the achieved part (银川 2021)
# and the key ``perfscore import`` writes for it (importers/table.py), so an imported sheet's
# report shows what the sheet printed.
GOAL_KEYS = ("年度总体目标", "年初预期目标", "goal")
ACHIEVED_KEYS = ("目标实际完成情况", "年度总体目标完成情况", "实际完成情况", "goal_achieved")
UNIT_KEYS = ("金额单位", "unit")

# A4 portrait with 20 mm margins: 170 mm for a table.
PAGE_WIDTH = 170.0


def pick_layout(result: Result, requested: str | None = None) -> str:
    """The layout asked for, else the self-evaluation form for a 自评 file, else the report."""
    if requested is not None:
        return requested
    return SELF_EVALUATION if is_self_evaluation(result.evaluation) else REPORT


def title(result: Result, layout: str) -> str:
    """The document's title: the form's name, or the report's, worded by the kind of file."""
    evaluation = result.evaluation
    if layout == SELF_EVALUATION:
        return t("lay_title_form_whole" if "整体" in evaluation.kind else "lay_title_form")
    key = "lay_title_report_self" if is_self_evaluation(evaluation) else "lay_title_report"
    return t(key, name=evaluation.name)


def subtitle(result: Result) -> str | None:
    """（2023 年度） under the form's title, when the file gives a year."""
    year = result.evaluation.project.get("year")
    return t("lay_year", year=plain_value(year)) if year is not None else None


def _project_text(result: Result, keys: tuple[str, ...]) -> str:
    project = result.evaluation.project
    for key in keys:
        value = project.get(key)
        if value is not None:
            return plain_value(value)
    return ""


def _fit(widths: list[float]) -> tuple[float, ...]:
    """Widths scaled down to the page when they would not fit on it."""
    total = sum(widths)
    scale = PAGE_WIDTH / total if total > PAGE_WIDTH else 1.0
    return tuple(round(width * scale, 1) for width in widths)


def _name_widths(count: int, room: float) -> list[float]:
    """Name columns in ``room`` mm: the leaf's the widest, the others shared alike."""
    if count == 1:
        return [room]
    last = max(room * 0.4, 24.0)
    return [round((room - last) / (count - 1), 1)] * (count - 1) + [last]


# -- shared cells -------------------------------------------------------------------------


def basis_cell(leaf: NodeResult) -> str:
    """评分依据: the evaluator's basis, else the account perfscore gives (its calculation)."""
    if leaf.node.basis and leaf.node.captured:
        return one_line(with_note(leaf.node.basis, leaf))
    return explain_cell(leaf)


def _name_cells(grid: Grid, r: int, row: TreeRow, names: int, start: int) -> None:
    """A leaf row's names: each ancestor on its first row, merged down its leaves; the
    leaf's own name across the name columns below its level."""
    for node, span in zip(row.chain, row.spans, strict=True):
        if not span:
            continue
        depth = node.node.depth
        cols = names - depth + 1 if node is row.leaf else 1
        style = "top" if depth == 1 else "name"
        grid.add(r, start + depth - 1, node.node.name, rows=span, cols=cols, style=style)


def _score_value(node: NodeResult) -> Decimal | None:
    """The score as a number, where it is one (not 不适用, not a part not captured)."""
    return node.score if is_number(node) else None


# -- the 自评表 ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Form:
    """The 自评表 as two grids on the same columns: the head (project, budget block, annual
    objective) and the indicator table, whose header repeats on every page. The row ranges
    say where each block of the head lies (Markdown draws them as separate tables)."""

    head: Grid
    indicators: Grid
    budget_rows: range
    goal_rows: range
    unit: str
    names: int  # name columns (一级, 二级, 三级 …)


@dataclass(frozen=True)
class BudgetBlock:
    """The budget leaf and the block's unit; ``leaf`` None when the file has no budget row."""

    leaf: NodeResult | None
    unit: str

    @property
    def details(self) -> Mapping[str, Any]:
        scored = self.leaf.scored if self.leaf is not None else None
        return scored.details if scored is not None else {}


def budget_block(result: Result) -> BudgetBlock:
    """The first leaf scored by the budget rule (tree order), and the unit of its block:
    ``project.金额单位``, else the budget's own unit."""
    leaf = next(
        (n for n in result.walk() if n.scored is not None and n.scored.rule == BUDGET_RULE),
        None,
    )
    unit = _project_text(result, UNIT_KEYS)
    if not unit and leaf is not None and leaf.scored is not None:
        unit = _amount(leaf.scored.details.get("budget"))[1]
    return BudgetBlock(leaf, unit)


def _amount(value: object) -> tuple[Decimal | None, str]:
    """An amount of the block as (number, its unit); a text that holds no number: None."""
    if value is None:
        return None, ""
    if isinstance(value, Decimal):
        return value, ""
    try:
        quantity = parse_expression(value)
    except (ValueError, InvalidOperation):
        return None, ""
    return quantity.value, quantity.unit


def amount_cell(value: object, unit: str) -> tuple[str, Decimal | None]:
    """An amount as the block shows it: the number alone when it is in the block's unit,
    else as written."""
    if value is None:
        return "", None
    number, found = _amount(value)
    if number is None or found not in ("", unit):
        return str(value), None
    return plain(number), number


@dataclass(frozen=True)
class BudgetRow:
    """One row of the block: 年度资金总额 (the scored row) or a 其中 row."""

    name: str
    key: str  # "exec", "item0", "item1" …: what XLSX formulas refer to
    amounts: Mapping[str, object]  # budget_initial, budget, spent as the details give them
    scored: bool  # the 年度资金总额 row carries 分值 and 得分; a 其中 row prints "-"
    points: Decimal | None = None
    score: Decimal | None = None
    rate: str | None = None  # the rule's own 执行率 text, on the scored row


AMOUNT_FIELDS = ("budget_initial", "budget", "spent")


def budget_rows(block: BudgetBlock) -> list[BudgetRow]:
    details = block.details
    leaf = block.leaf
    total = BudgetRow(
        t("lay_budget_total"),
        "exec",
        {field: details.get(field) for field in AMOUNT_FIELDS},
        True,
        leaf.node.points if leaf is not None else None,
        _score_value(leaf) if leaf is not None else None,
        details.get("execution_rate"),
    )
    rows = [total]
    for index, item in enumerate(details.get("items") or ()):
        name = str(item.get("name", ""))
        label = t("lay_of_which", name=name) if index == 0 else name
        rows.append(BudgetRow(label, f"item{index}", item, False))
    return rows


def _ratio(spent: Decimal | None, budget: Decimal | None) -> Decimal | None:
    """spent ÷ budget as a ratio (0.855), for the XLSX's cached value; None when undefined."""
    if spent is None or budget is None or budget <= 0:
        return None
    exact = Fraction(spent) / Fraction(budget)
    return Decimal(exact.numerator) / Decimal(exact.denominator)


def _budget_block_rows(grid: Grid, top: int, result: Result, block: BudgetBlock, nc: int) -> int:
    """The block in the form's columns: its label in column 0, each row's name over the
    name columns but the last, then the six figures; the budget row's 偏差原因 (its basis)
    on a last row, when it has one. Returns the next free row."""
    rows = budget_rows(block)
    reason = _reason_cell(block.leaf) if block.leaf is not None else ""
    height = len(rows) + 1 + (1 if reason else 0)
    grid.add(top, 0, t("lay_budget_block"), rows=height, style="label")
    grid.add(top, 1, "", cols=nc - 1, style="head")
    heads: tuple[str, ...] = ("lay_budget_initial", "lay_budget", "lay_spent")
    heads += ("lbl_points", "lay_execution_rate", "lbl_score")
    for offset, key in enumerate(heads):
        grid.add(top, nc + offset, t(key), style="head")
    for r, row in enumerate(rows, start=top + 1):
        grid.add(r, 1, row.name, cols=nc - 1, style="name")
        numbers = {}
        for offset, field in enumerate(AMOUNT_FIELDS):
            text, number = amount_cell(row.amounts.get(field), block.unit)
            numbers[field] = number
            key = f"{row.key}.{field}"
            grid.add(r, nc + offset, text, style="num", value=number, number="amount", key=key)
        _budget_figures(grid, r, nc, row, numbers, result.evaluation.precision)
    if reason:
        last = top + height - 1
        grid.add(last, 1, t("lay_reason"), cols=nc - 1, style="name")
        grid.add(last, nc, reason, cols=6, style="text")
    return top + height


def _budget_figures(
    grid: Grid, r: int, nc: int, row: BudgetRow, numbers: Mapping[str, Decimal | None], places: int
) -> None:
    """分值, 执行率 and 得分 of one block row ("-" where the form prints it)."""
    ratio = _ratio(numbers["spent"], numbers["budget"])
    empty = "" if row.scored else "-"  # a 其中 row prints "-"; a missing budget row nothing
    rate = row.rate or (percent(ratio) if ratio is not None else empty)
    points = plain(row.points) if row.points is not None else empty
    score = fixed(row.score, places) if row.score is not None else empty
    grid.add(
        r, nc + 3, points, style="num", value=row.points, number="points", key=f"{row.key}.points"
    )
    grid.add(r, nc + 4, rate, style="num", value=ratio, number="rate", key=f"{row.key}.rate")
    grid.add(r, nc + 5, score, style="num", value=row.score, number="score", key=f"{row.key}.score")


def _project_row(grid: Grid, result: Result, nc: int) -> None:
    department = _project_text(result, ("department",))
    grid.add(0, 0, t("lay_project"), style="label")
    grid.add(0, 1, result.evaluation.name, cols=nc + 1, style="text")
    grid.add(0, nc + 2, t("lay_department"), cols=2, style="label")
    grid.add(0, nc + 4, department, cols=2, style="text")


def _goal_rows(grid: Grid, top: int, result: Result, nc: int) -> int:
    grid.add(top, 0, t("lay_goal"), rows=2, style="label")
    grid.add(top, 1, t("lay_goal_expected"), cols=nc + 1, style="head")
    grid.add(top, nc + 2, t("lay_goal_achieved"), cols=4, style="head")
    grid.add(top + 1, 1, _project_text(result, GOAL_KEYS), cols=nc + 1, style="text")
    grid.add(top + 1, nc + 2, _project_text(result, ACHIEVED_KEYS), cols=4, style="text")
    return top + 2


def _reason_cell(leaf: NodeResult) -> str:
    """偏差原因分析及改进措施: the leaf's basis and its 备注 (a part not captured says so)."""
    if not leaf.node.captured:
        return explain_cell(leaf)
    return one_line(with_note(leaf.node.basis or "", leaf))


def _indicator_grid(
    result: Result, rows: list[TreeRow], nc: int, widths: tuple[float, ...]
) -> Grid:
    grid = Grid(widths, header_rows=1)
    grid.add(0, 0, t("lay_indicators"), rows=len(rows) + 1, style="label")
    for depth in range(1, nc + 1):
        grid.add(0, depth, level_label(depth), style="head")
    heads = ("lay_target", "lay_actual", "lbl_points", "lbl_score", "lay_reason")
    for offset, key in enumerate(heads, start=nc + 1):
        grid.add(0, offset, t(key), style="head")
    for r, row in enumerate(rows, start=1):
        _name_cells(grid, r, row, nc, start=1)
        leaf = row.leaf
        details = leaf.scored.details if leaf.scored is not None else {}
        path = leaf.node.path
        grid.add(r, nc + 1, str(details.get("target", "")), style="text")
        grid.add(r, nc + 2, str(details.get("actual", "")), style="text")
        points = leaf.node.points if leaf.node.points_known else None
        grid.add(
            r,
            nc + 3,
            points_cell(leaf),
            style="num",
            value=points,
            number="points",
            key=f"points:{path}",
            mark=points_mark(leaf),
        )
        grid.add(
            r,
            nc + 4,
            score_cell(leaf),
            style="num",
            value=_score_value(leaf),
            number="score",
            key=f"score:{path}",
        )
        grid.add(r, nc + 5, _reason_cell(leaf), style="text")
    last = len(rows) + 1
    precision = result.evaluation.precision
    grid.add(last, 0, t("lay_total"), cols=nc + 3, style="total")
    grid.add(
        last,
        nc + 3,
        plain(result.points),
        style="total_num",
        value=result.points,
        number="points",
        key="total.points",
    )
    grid.add(
        last,
        nc + 4,
        total_cell(result, precision),
        style="total_num",
        value=result.score,
        number="score",
        key="total.score",
        mark=BOUND if result.partial else "",
    )
    grid.add(last, nc + 5, "", style="total")
    return grid


def form_widths(nc: int) -> tuple[float, ...]:
    """label | names … | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因, in millimetres.

    得分 is wide enough for the block's 执行率 below the same column ("100.00%"). English
    words do not break between any two letters as Chinese does: the label and 分值 columns
    are wider for them."""
    if language() == "zh":
        return _fit([14.0, *_name_widths(nc, 62.0), 18.0, 18.0, 12.0, 18.0, 28.0])
    return _fit([23.0, *_name_widths(nc, 51.0), 18.0, 18.0, 14.0, 18.0, 28.0])


def self_evaluation_form(result: Result) -> Form:
    """The 自评表 of ``result`` (seed 02's layout)."""
    block = budget_block(result)
    leaf = block.leaf
    skip = {leaf.node.path} if leaf is not None and leaf.node.depth == 1 else set()
    rows = tree_rows(result, skip)
    nc = max(max((row.leaf.node.depth for row in rows), default=1), 2)
    widths = form_widths(nc)
    head = Grid(widths)
    _project_row(head, result, nc)
    goal_top = _budget_block_rows(head, 1, result, block, nc)
    end = _goal_rows(head, goal_top, result, nc)
    indicators = _indicator_grid(result, rows, nc, widths)
    return Form(head, indicators, range(1, goal_top), range(goal_top, end), block.unit, nc)


def form_unit_line(form: Form) -> str | None:
    return t("lay_unit", unit=form.unit) if form.unit else None


# -- the 评价报告 --------------------------------------------------------------------------


def summary_grid(result: Result) -> Grid:
    """一级指标 | 指标分值 | 得分 | 得分率, and 合计 (seed 03's 评价得分和等级)."""
    grid = Grid((40.0, 28.0, 28.0, 28.0), header_rows=1)
    grid.row(0, (t("lbl_level1"), t("lbl_points_l1"), t("lbl_score"), t("lbl_rate")), "head")
    for r, top in enumerate(result.indicators, start=1):
        grid.add(r, 0, top.node.name, style="top")
        grid.row(r, (points_cell(top), score_cell(top), rate_cell(top)), "num", start=1)
    last = len(result.indicators) + 1
    grid.add(last, 0, t("lbl_total_row"), style="total")
    totals = (plain(result.points), total_cell(result), total_rate(result))
    grid.row(last, totals, "total_num", start=1)
    return grid


def grade_grid(result: Result) -> Grid:
    """The grade table in use (等级 | 得分区间), the project's total beside its grade."""
    grid = Grid((24.0, 56.0, 30.0), header_rows=1)
    grid.row(0, (t("lay_grade"), t("lay_grade_range"), t("lay_grade_this")), "head")
    grades = result.evaluation.grades
    precision = result.evaluation.precision
    for r, grade in enumerate(grades, start=1):
        upper = grades[r - 2].min if r > 1 else None
        if upper is None:
            band = t("lay_range_top", min=plain(grade.min), max=100)
        elif grade.min == 0:
            band = t("lay_range_low", upper=plain(upper))
        else:
            band = t("lay_range_mid", min=plain(grade.min), upper=plain(upper))
        mark = fixed(result.score, precision) if result.grade == grade.name else ""
        grid.add(r, 0, grade.name, style="top")
        grid.add(r, 1, band, style="text")
        grid.add(r, 2, t("lay_this_score", score=mark) if mark else "", style="num")
    return grid


def report_tree_grid(result: Result) -> Grid:
    """评价指标体系及得分情况: one row per leaf, its ancestors merged down its rows; 分值,
    得分, 得分率, 评分依据; 合计."""
    rows = tree_rows(result)
    depth = max((row.leaf.node.depth for row in rows), default=1)
    names = _name_widths(depth, max(20.0 * depth, 36.0))
    # 得分 holds 未录入 and ≥53.67 on one line (a 五号 cell needs 16 mm with Word's margins).
    widths = _fit([*names, 12.0, 16.0, 18.0, max(PAGE_WIDTH - sum(names) - 46.0, 45.0)])
    grid = Grid(widths, header_rows=1)
    heads = [level_label(d) for d in range(1, depth + 1)]
    heads += [t("lbl_points"), t("lbl_score"), t("lbl_rate"), t("rpt_basis")]
    grid.row(0, heads, "head")
    for r, row in enumerate(rows, start=1):
        _name_cells(grid, r, row, depth, start=0)
        leaf = row.leaf
        grid.row(r, (points_cell(leaf), score_cell(leaf), rate_cell(leaf)), "num", start=depth)
        grid.add(r, depth + 3, basis_cell(leaf), style="text")
    last = len(rows) + 1
    grid.add(last, 0, t("lbl_total_row"), cols=depth, style="total")
    totals = (plain(result.points), total_cell(result), total_rate(result))
    grid.row(last, totals, "total_num", start=depth)
    grid.add(last, depth + 3, "", style="total")
    return grid


def lost_grid(analysis: Analysis) -> Grid | None:
    """失分情况: 序号 | 指标名称 | 一级指标 | 分值 | 得分 | 失分 | 评分依据; None when none lost."""
    if not analysis.lost:
        return None
    grid = Grid((12.0, 34.0, 16.0, 12.0, 14.0, 12.0, 70.0), header_rows=1)  # 得分 26.67 whole
    keys = ("rpt_rank", "rpt_name", "rpt_group", "lbl_points", "lbl_score", "rpt_lost")
    grid.row(0, [*(t(key) for key in keys), t("rpt_basis")], "head")
    for r, item in enumerate(analysis.lost, start=1):
        grid.add(r, 0, item.rank, style="num")
        grid.add(r, 1, item.name, style="name")
        grid.add(r, 2, item.group, style="top")
        grid.row(r, (plain(item.points), plain(item.score), plain(item.lost)), "num", start=3)
        grid.add(r, 6, basis_cell(item.leaf), style="text")
    return grid
