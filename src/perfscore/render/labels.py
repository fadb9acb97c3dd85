"""The words every view shares: table labels, how cells read, the project's metadata.

Every view (terminal, Markdown, CSV, XLSX, HTML, Word) takes its labels from
:data:`LABELS`, so ``--lang en`` switches them all. How a rule and its inputs
read is the rule's own business (:func:`perfscore.rules.rule_label`,
:func:`perfscore.rules.rule_inputs`); nothing here knows a rule by name.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from ..decimals import fixed, plain
from ..messages import Messages, join, language
from ..model import Grade
from ..result import NodeResult, Result

LABELS = Messages(
    {
        "rpt_level_n": ("{n}级指标", "Level {n}"),
        "rpt_path": ("指标路径", "Path"),
        "rpt_level": ("层级", "Level"),
        "rpt_name": ("指标名称", "Indicator"),
        "rpt_rule": ("评分规则", "Rule"),
        "rpt_basis": ("评分依据", "Basis"),
        "rpt_lost": ("失分", "Lost"),
        "rpt_lost_rank": ("失分排序", "Lost rank"),
        "rpt_rank": ("序号", "No."),
        "rpt_group": ("一级指标", "Level 1"),
        "rpt_project": ("项目名称", "Project"),
        "rpt_total": ("总分", "Total"),
        "rpt_grade": ("评价等级", "Grade"),
        "rpt_tree_title": ("评价指标体系及得分情况", "Indicator system and scores"),
        "rpt_lost_title": ("失分情况（按失分从多到少）", "Points lost, most first"),
        "rpt_lost_none": ("没有失分的指标。", "No indicator lost points."),
        "rpt_next_title": ("距上一等级", "The next grade"),
        "rpt_explain_title": ("评分说明", "How each score was reached"),
        "rpt_chart_title": ("一级指标得分率", "Rate by level-1 indicator"),
        "rpt_result_line": (
            "绩效评价得分：{score} 分　评价结果等级：{grade}",
            "Performance score: {score} of {points}   Grade: {grade}",
        ),
        "rpt_next_top": (
            "总分 {score} 分已是最高等级“{grade}”。",
            "The total {score} is already in the top grade, {grade}.",
        ),
        "rpt_next_gap": (
            "距“{grade}”（≥ {min} 分）还差 {gap} 分：总分须达到 {needed} 分。",
            "{gap} points short of {grade} (≥ {min}): the total must reach {needed}.",
        ),
        "rpt_next_gap_rate": (
            "距“{grade}”（得分率 ≥ {min}%，即满分 {points} 分中的 {needed} 分）还差 {gap} 分：总分须达到 {needed} 分。",
            "{gap} points short of {grade} (a rate ≥ {min}%, {needed} of {points}): the total must "
            "reach {needed}.",
        ),
        "rpt_next_leaves": (
            "收回失分最多的 {k} 项指标即可补足：{leaves}。",
            "Recovering the lost points of the {k} leaf indicator(s) that lost most closes the gap: {leaves}.",
        ),
        "rpt_next_any_one": (
            "单项失分即可补足的指标：{leaves}。",
            "Each of these alone holds enough lost points: {leaves}.",
        ),
        "rpt_next_unreachable": (
            "即使收回全部失分，也达不到“{grade}”。",
            "Even with every lost point recovered, the total would not reach {grade}.",
        ),
        "rpt_lost_item": ("{name}（失 {lost} 分）", "{name} ({lost} lost)"),
        "rpt_list_sep": ("；", "; "),
        "rpt_ex_rule": ("规则：{rule}", "Rule: {rule}"),
        "rpt_ex_inputs": ("输入：{items}", "Inputs: {items}"),
        "rpt_ex_calc": ("计算：{explain}", "Calculation: {explain}"),
        "rpt_ex_result": (
            "结果：得分 {score} / 分值 {points}，得分率 {rate}",
            "Result: {score} of {points} points, rate {rate}",
        ),
        "rpt_ex_basis": ("依据：{basis}", "Basis: {basis}"),
        "rpt_ex_node": (
            "{name}：分值 {points}，得分 {score}，得分率 {rate}",
            "{name}: points {points}, score {score}, rate {rate}",
        ),
        "rpt_ex_item": ("{label} {value}", "{label} {value}"),
        "rpt_in_level": ("完成情况", "level"),
        "rpt_in_score": ("评价得分", "evaluator's score"),
        "rpt_meta_item": ("{label}：{value}", "{label}: {value}"),
        "rpt_meta_department": ("主管部门", "Department"),
        "rpt_meta_year": ("年度", "Year"),
        "rpt_meta_kind": ("评价类型", "Kind"),
        "rpt_meta_evaluator": ("评价机构", "Evaluator"),
        "rpt_meta_budget": ("预算安排", "Budget"),
        "rpt_meta_source": ("来源", "Source"),
        "rpt_meta_unit": ("实施单位", "Implementing unit"),
        "lbl_indicator": ("指标", "Indicator"),
        "lbl_level1": ("一级指标", "Level-1 indicator"),
        "lbl_points": ("分值", "Points"),
        "lbl_points_l1": ("指标分值", "Points"),
        "lbl_score": ("得分", "Score"),
        "lbl_rate": ("得分率", "Rate"),
        "lbl_target": ("目标值", "Target"),
        "lbl_actual": ("实际值", "Actual"),
        "lbl_explain": ("评分说明", "How scored"),
        "lbl_total_row": ("合计", "Total"),
        "lbl_tree_title": ("{name}　指标得分表", "{name}: scores by indicator"),
        "lbl_summary_title": ("评价得分和等级", "Score and grade"),
        "lbl_result": (
            "绩效评价得分：{score} 分　评价结果等级：{grade}",
            "Performance score: {score}   Grade: {grade}",
        ),
        "lbl_grade_table": ("等级标准：{bands}", "Grade bands: {bands}"),
        "lbl_checks_ok": (
            "核对报告值：{n} 项全部一致{unverifiable}",
            "Published values checked: all {n} agree{unverifiable}",
        ),
        "lbl_checks_none": (
            "文件未给出报告值（reported），没有可核对的数字",
            "No published values (reported): nothing to check",
        ),
        "lbl_checks_bad": (
            "核对报告值：{bad} 项不一致（共 {n} 项{unverifiable}）",
            "Published values checked: {bad} of {n} disagree{unverifiable}",
        ),
        "lbl_checks_unverifiable": (
            "；另有 {u} 项因部分未录入无法核对",
            "; {u} more cannot be verified (captured in part)",
        ),
        "lbl_checks_only_unverifiable": (
            "核对报告值：{u} 项因部分未录入无法核对",
            "Published values: {u} cannot be verified (captured in part)",
        ),
        "lbl_result_partial": (
            "绩效评价得分：≥{score} 分（部分内容未能录入，总分只是下限，不评定等级）",
            "Performance score: at least {score} (captured in part: a lower bound, no grade)",
        ),
        "lbl_base_note": (
            "本评价满分 {points} 分（不是 100 分）：得分率 {rate}，等级按得分率评定",
            "Out of {points} points (not 100): rate {rate}; the grade is read from the rate",
        ),
        "lbl_not_captured": ("未录入", "not captured"),
        "x_not_captured": ("原表此处未能录入", "this part of the sheet could not be captured"),
        "x_not_captured_note": ("原表此处未能录入：{note}", "not captured: {note}"),
        "lbl_inferred_mark": ("*", "*"),
        "lbl_inferred_note": (
            "* 分值为推定（原表未印出）",
            "* points inferred (not printed on the sheet)",
        ),
        "lbl_note": ("备注：{note}", "Note: {note}"),
        "x_inferred": ("分值为推定（原表未印出）", "points inferred (not printed on the sheet)"),
        "rpt_next_partial": (
            "部分内容未能录入：总分只是下限，不评定等级，也不计算距上一等级的差距。",
            "Captured in part: the total is a lower bound; no grade, and no distance to the next one.",
        ),
        "lbl_check_path": ("指标路径", "Path"),
        "lbl_check_of": ("项目", "Of"),
        "lbl_reported": ("报告值", "Reported"),
        "lbl_computed": ("计算值", "Computed"),
        "lbl_difference": ("差额", "Difference"),
        "lbl_of_score": ("得分", "score"),
        "lbl_of_points": ("分值", "points"),
        "lbl_of_grade": ("等级", "grade"),
        "lbl_of_execution_rate": ("执行率", "execution rate"),
        "lbl_of_budget_initial": ("年初预算数", "initial budget"),
        "lbl_of_budget": ("全年预算数", "budget"),
        "lbl_of_spent": ("全年执行数", "spent"),
        "lbl_check_kind": ("类型", "Kind"),
        "lbl_check_kind_reported": ("报告值与计算值不符", "reported ≠ computed"),
        "lbl_check_kind_sum": ("上级 ≠ 下级报告值之和", "parent ≠ sum of children"),
        "lbl_check_kind_rate": ("得分率 ≠ 报告得分 ÷ 分值", "rate ≠ reported score ÷ points"),
        "lbl_check_kind_over": ("报告得分超过分值", "reported score above its points"),
        "lbl_check_kind_band": ("报告总分不在报告等级的区间内", "reported total outside its grade"),
        "lbl_check_kind_items": ("合计行 ≠ 其中各行之和", "total row ≠ sum of its items"),
        "lbl_of_rate": ("得分率", "rate"),
        "lbl_root": ("（总分）", "(total)"),
        "lbl_mismatch_mark": ("≠报告 {reported}", "≠ reported {reported}"),
        "lbl_warning": ("提示", "Warning"),
        "lbl_warning_line": (
            "{location}: [{path}] 提示：{message}",
            "{location}: [{path}] warning: {message}",
        ),
        "lbl_warning_report": ("提示：{path}：{message}", "Warning: {path}: {message}"),
        "lbl_not_applicable": ("不适用", "n/a"),
        "x_not_applicable": ("不适用指标，不计分", "not applicable: left out"),
        "lbl_rescale": (
            "不适用指标：{paths}。其余 {applicable} 分的得分 {score} 按 {base} 分折算："
            "{score} × {base} ÷ {applicable} = {total}",
            "Not applicable: {paths}. The score {score} on the remaining {applicable} points is "
            "rescaled to {base}: {score} × {base} ÷ {applicable} = {total}",
        ),
    }
)
t = LABELS.t

_NUMERALS = "一二三四五六七八九十"


def level_label(depth: int) -> str:
    """一级指标, 二级指标 … (Level 1, Level 2 … in English)."""
    n = _NUMERALS[depth - 1] if language() == "zh" and depth <= len(_NUMERALS) else str(depth)
    return t("rpt_level_n", n=n)


def rate_text(rate: Decimal) -> str:
    return f"{fixed(rate, 2)}%"


def applies(node: NodeResult) -> bool:
    """False for a node marked ``applicable: false`` (不适用, docs/rules.md §2) or below one."""
    return node.node.applicable


# How a number reads when it is not all there (docs/format.md §1a): a lower bound (the sum of
# what was captured) shows ``BOUND_SIGN`` before it; inferred points the mark after them.
BOUND_SIGN = "≥"
BOUND, INFERRED = "bound", "inferred"
UNKNOWN = "?"  # points not known at all (a part not captured that states none)
NO_FIGURE = "—"  # no figure: the rate (or loss) of a lower bound, the rate of no points


def points_mark(node: NodeResult) -> str:
    """How a node's known points read beside their number, as :func:`points_cell` shows
    them: ``BOUND`` (≥, a part below has no points), ``INFERRED`` (*), or ``""``."""
    if not node.node.points_known:
        return BOUND
    return INFERRED if node.node.inferred else ""


def score_mark(node: NodeResult) -> str:
    """``BOUND`` for a score that is a lower bound (a node above a part not captured)."""
    return BOUND if node.partial and node.node.captured and applies(node) else ""


def is_number(node: NodeResult) -> bool:
    """Whether the node's score is a number at all (not 不适用, not a part not captured)."""
    return applies(node) and node.node.captured


def score_cell(node: NodeResult, places: int | None = None) -> str:
    """A node's score as tables show it (to ``places`` decimals, else as written): 不适用
    for a node left out, 未录入 for a part not captured, ≥ before the sum of a node
    captured in part (a lower bound)."""
    if not node.node.captured:
        return t("lbl_not_captured")
    if not applies(node):
        return t("lbl_not_applicable")
    shown = plain(node.score) if places is None else fixed(node.score, places)
    return f"{BOUND_SIGN}{shown}" if node.partial else shown


def explain_cell(node: NodeResult) -> str:
    """A node's one-line account as a table's 评分说明 column shows it."""
    if not node.node.captured:
        note = node.node.note
        return t("x_not_captured_note", note=note) if note else t("x_not_captured")
    if not applies(node):
        return with_note(t("x_not_applicable"), node)
    return with_note(node.scored.explain if node.scored else "", node)


def with_note(text: str, node: NodeResult) -> str:
    """``text`` followed by the node's 备注 as transcribed (docs/format.md §1a), if any:
    a note travels with its cell into every table, not only into the JSON."""
    note = node.node.note
    if not note:
        return text
    return t("rpt_list_sep").join(part for part in (text, t("lbl_note", note=note)) if part)


def has_rate(node: NodeResult) -> bool:
    """Whether a node's 得分率 is a number: not 不适用, not a lower bound (a part not
    captured, or a node above one), not a node of no points."""
    return applies(node) and not node.partial and bool(node.node.points)


def rate_cell(node: NodeResult) -> str:
    if not applies(node):
        return t("lbl_not_applicable")
    if not has_rate(node):
        return NO_FIGURE
    return rate_text(node.rate)


def points_cell(node: NodeResult) -> str:
    """A node's points: ? when unknown (a part not captured), * when inferred."""
    if not node.node.points_known:
        return f"{BOUND_SIGN}{plain(node.node.points)}" if node.node.points else UNKNOWN
    return plain(node.node.points) + (t("lbl_inferred_mark") if node.node.inferred else "")


def total_cell(result: Result, places: int | None = None) -> str:
    shown = plain(result.score) if places is None else fixed(result.score, places)
    return f"{BOUND_SIGN}{shown}" if result.partial else shown


def total_rate(result: Result) -> str:
    return NO_FIGURE if result.partial else rate_text(result.rate)


def result_line(result: Result, key: str = "lbl_result") -> str:
    """The total and the grade (or, captured in part, the lower bound without a grade)."""
    precision = result.evaluation.precision
    if result.partial:
        return t("lbl_result_partial", score=fixed(result.score, precision))
    return t(
        key, score=fixed(result.score, precision), grade=result.grade, points=plain(result.points)
    )


def base_line(result: Result) -> str | None:
    """A sentence for an evaluation not out of 100 (docs/format.md §1a), else None."""
    if result.points == 100:
        return None
    return t("lbl_base_note", points=plain(result.points), rate=rate_text(result.rate))


def inferred_line(result: Result) -> str | None:
    if any(node.inferred for node in result.evaluation.walk()):
        return t("lbl_inferred_note")
    return None


def checks_line(result: Result) -> tuple[str, str]:
    """What the checks of published numbers found, in one sentence, and its style."""
    checks = result.checks
    made = [check for check in checks if check.verifiable]
    unverifiable = len(checks) - len(made)
    bad = sum(1 for check in made if check.ok is False)
    extra = t("lbl_checks_unverifiable", u=unverifiable) if unverifiable else ""
    if not checks:
        return t("lbl_checks_none"), "dim"
    if not made:
        return t("lbl_checks_only_unverifiable", u=unverifiable), "yellow"
    if bad:
        return t("lbl_checks_bad", bad=bad, n=len(made), unverifiable=extra), "bold red"
    return t("lbl_checks_ok", n=len(made), unverifiable=extra), "green"


def rescale_line(result: Result) -> str | None:
    """The sentence saying how 不适用 nodes rescaled the total, or None."""
    r = result.rescale
    if r is None:
        return None
    return t(
        "lbl_rescale",
        paths=join(r.paths),
        applicable=plain(r.applicable_points),
        score=plain(r.applicable_score),
        base=plain(r.points),
        total=fixed(r.total, result.evaluation.precision),
    )


def grade_bands_text(grades: tuple[Grade, ...]) -> str:
    """ "优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60": the table in use (docs/rules.md §1)."""
    parts = []
    for index, grade in enumerate(grades):
        if grade.min > 0 or index == 0:
            parts.append(f"{grade.name} ≥ {plain(grade.min)}")
        else:
            parts.append(f"{grade.name} < {plain(grades[index - 1].min)}")
    return join(parts, "pair")


def project_items(result: Result) -> list[tuple[str, str]]:
    """The project's metadata as (label, value) text pairs, name excluded."""
    items = []
    for key, value in result.evaluation.project.items():
        if key == "name" or value is None or isinstance(value, (dict, list)):
            continue
        label_key = f"rpt_meta_{key}"
        items.append((t(label_key) if label_key in LABELS else str(key), plain_value(value)))
    return items


def warning_line(path: str, message: str) -> str:
    """A self-evaluation warning as a report prints it: 提示：path：message."""
    return t("lbl_warning_report", path=path, message=message)


def plain_value(value: object) -> str:
    return plain(value) if isinstance(value, Decimal) else str(value)


def one_line(text: str | None) -> str:
    """Text for a table cell: line breaks folded into spaces."""
    return " ".join((text or "").split())


def text_width(text: str) -> int:
    """Display width in character units: CJK (wide) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
