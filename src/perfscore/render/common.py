"""What the report renderers share: labels, the tree laid out as rows, explain items.

Every report (terminal explain, Markdown, CSV, XLSX, HTML) takes its words
from here through :func:`~perfscore.messages.t`, so ``--lang en`` switches them
all. Keys carry the ``rpt_`` prefix so they cannot clash with other modules'.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from ..analysis import LostPoint, NextGrade
from ..decimals import fixed, plain
from ..engine import NodeResult, Result
from ..messages import CATALOG, language, register, t

register({
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
    "rpt_title": ("{name}绩效评价得分情况", "{name}: performance evaluation"),
    "rpt_tree_title": ("指标得分情况表", "Scores by indicator"),
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
    "rpt_in_target": ("目标值", "target"),
    "rpt_in_actual": ("实际值", "actual"),
    "rpt_in_budget": ("预算数", "budget"),
    "rpt_in_spent": ("执行数", "spent"),
    "rpt_in_execution_rate": ("执行率", "execution rate"),
    "rpt_in_level": ("完成情况", "level"),
    "rpt_in_score": ("评价得分", "evaluator's score"),
    "rpt_in_value": ("实际值", "value"),
    "rpt_in_band": ("所在档次", "band"),
    "rpt_in_bands": ("分档", "bands"),
    "rpt_in_deductions": ("扣分项", "deductions"),
    "rpt_in_limit": ("限值", "limit"),
    "rpt_in_per": ("每项扣分", "per unit"),
    "rpt_in_units": ("超出单位数", "units over"),
    "rpt_in_scores": ("专家评分", "experts' scores"),
    "rpt_in_method": ("汇总方法", "method"),
    "rpt_in_lowest": ("最低分", "lowest"),
    "rpt_in_highest": ("最高分", "highest"),
    "rpt_in_answers": ("答卷分布", "answers"),
    "rpt_in_weights": ("选项权重", "option weights"),
    "rpt_in_valid_answers": ("有效答卷", "valid answers"),
    "rpt_in_satisfaction": ("满意度", "satisfaction"),
    "rpt_in_from": ("问卷文件", "answer sheet"),
    "rpt_in_question": ("题目", "question"),
    "rpt_in_question_title": ("题目内容", "question text"),
    "rpt_in_respondents": ("受访人数", "respondents"),
    "rpt_in_blank_answers": ("未作答", "blank answers"),
    "rpt_in_rounded_shares": ("按四舍五入后的比例计算", "from rounded shares"),
    "rpt_yes": ("是", "yes"),
    "rpt_no": ("否", "no"),
    "rpt_meta_item": ("{label}：{value}", "{label}: {value}"),
    "rpt_meta_department": ("主管部门", "Department"),
    "rpt_meta_year": ("年度", "Year"),
    "rpt_meta_kind": ("评价类型", "Kind"),
    "rpt_meta_evaluator": ("评价机构", "Evaluator"),
    "rpt_meta_budget": ("预算安排", "Budget"),
    "rpt_meta_source": ("来源", "Source"),
    "rpt_meta_unit": ("实施单位", "Implementing unit"),
    "rpt_rule_judged": ("评价打分：评价人依据评分标准给分", "judged: the evaluator's score against the criteria"),
    "rpt_rule_positive": (
        "正向指标：实际达到目标得满分，否则 分值 × 实际 ÷ 目标",
        "positive: full points when the actual reaches the target, else points × actual ÷ target",
    ),
    "rpt_rule_reverse": (
        "反向指标：不超过目标得满分，否则 分值 × (1 − 超出部分 ÷ 目标)，达 2 倍得 0 分",
        "reverse: full points up to the target, else points × (1 − excess ÷ target), 0 at twice the target",
    ),
    "rpt_rule_equal": (
        "等于目标：达到目标得满分，否则按正向计分",
        "equal: full points when the target is reached, else scored as positive",
    ),
    "rpt_rule_qualitative": (
        "定性指标：与目标一致得满分，否则由评价人打分",
        "qualitative: full points when met word for word, else the evaluator's score",
    ),
    "rpt_rule_execution": (
        "预算执行率：执行数 ÷ 预算数 × 分值，不超过满分",
        "budget execution: spent ÷ budget × points, at most full points",
    ),
    "rpt_rule_bands": (
        "分档计分：取实际值达到的最高一档，分值 × 该档比例；低于各档得 0 分",
        "bands: points × the rate of the highest band the value reaches; 0 below every band",
    ),
    "rpt_rule_deduction": (
        "扣分制：满分减去各项扣分，扣完为止",
        "deductions: full points minus each deduction, down to 0",
    ),
    "rpt_rule_experts": (
        "专家评分：汇总各专家打分（平均、中位数或去掉一个最高分和一个最低分后平均）",
        "expert panel: the experts' scores combined (mean, median, or mean without the highest and lowest)",
    ),
    "rpt_rule_survey": (
        "问卷调查：满意度 = Σ(人数 × 选项权重) ÷ 有效答卷，再按目标、分档或 分值 × 满意度 计分",
        ("questionnaire: satisfaction = Σ(count × weight) ÷ valid answers, then scored by target, "
         "bands or points × satisfaction"),
    ),
    "rpt_rule_reverse-ratio": (
        "反向比率：不超过目标得满分，否则 分值 × 目标 ÷ 实际",
        "reverse ratio: full points up to the target, else points × target ÷ actual",
    ),
})

_NUMERALS = "一二三四五六七八九十"


def level_label(depth: int) -> str:
    """一级指标, 二级指标 … (Level 1, Level 2 … in English)."""
    n = _NUMERALS[depth - 1] if language() == "zh" and depth <= len(_NUMERALS) else str(depth)
    return t("rpt_level_n", n=n)


def rule_label(rule: str) -> str:
    """The rule in words; an unknown rule (a newer family) shows its name."""
    key = f"rpt_rule_{rule}"
    return t(key) if key in CATALOG else rule


def rule_short(rule: str) -> str:
    """The rule's name in words, up to the first colon (正向指标, positive …)."""
    text = rule_label(rule)
    for colon in ("：", ":"):
        text = text.split(colon, 1)[0]
    return text


def rate_text(rate: Decimal) -> str:
    return f"{fixed(rate, 2)}%"


def applies(node: NodeResult) -> bool:
    """False for a node marked ``applicable: false`` (不适用, rules.md §2) or below one."""
    return getattr(node.node, "applicable", True) is not False


def score_cell(node: NodeResult) -> str:
    """A node's score as tables show it: 不适用 for a node left out."""
    return plain(node.score) if applies(node) else t("lbl_not_applicable")


def rate_cell(node: NodeResult) -> str:
    return rate_text(node.rate) if applies(node) else t("lbl_not_applicable")


def rescale_line(result: Result) -> str | None:
    """The sentence saying how 不适用 nodes rescaled the total, or None."""
    r = result.rescale
    if r is None:
        return None
    return t("lbl_rescale", paths="、".join(r.paths), applicable=plain(r.applicable_points),
             score=plain(r.applicable_score), base=plain(r.points),
             total=fixed(r.total, result.evaluation.precision))


def input_items(leaf: NodeResult) -> list[tuple[str, str]]:
    """The inputs a leaf was scored from, labelled: (目标值, ≥30人次), (实际值, 8人次) …"""
    scored = leaf.scored
    if scored is None:
        return []
    items = []
    for key, value in scored.details.items():
        if value is None or value == [] or value == {}:
            continue
        label_key = f"rpt_in_{key}"
        items.append((t(label_key) if label_key in CATALOG else key, detail_text(value)))
    if scored.level is not None:
        items.append((t("rpt_in_level"), scored.level))
    if not items and scored.rule == "judged":
        items.append((t("rpt_in_score"), plain(leaf.score)))
    return items


def detail_text(value: object) -> str:
    """A rule's input as text: numbers exact, lists and tables in words (not Python reprs)."""
    if isinstance(value, bool):
        return t("rpt_yes") if value else t("rpt_no")
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, dict):
        if value.keys() == {"min", "rate"}:  # a band: ≥ min scores rate
            return f"≥{detail_text(value['min'])}→{detail_text(value['rate'])}"
        if value.keys() == {"reason", "points"}:  # a deduction
            return f"{detail_text(value['reason'])} −{detail_text(value['points'])}"
        return "，".join(f"{detail_text(k)} {detail_text(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "、".join(detail_text(item) for item in value) if all(
            not isinstance(item, (dict, list, tuple)) for item in value) else \
            "；".join(detail_text(item) for item in value)
    if isinstance(value, float):  # not expected (numbers are Decimal), but never a repr
        return format(value, "g")
    return str(value)


def explain_lines(leaf: NodeResult) -> list[str]:
    """A leaf's account: rule, inputs, calculation with numbers, result, basis."""
    scored = leaf.scored
    node = leaf.node
    if not applies(leaf):
        return [t("x_not_applicable")] + ([t("rpt_ex_basis", basis=node.basis)] if node.basis else [])
    lines = []
    if scored is not None:
        lines.append(t("rpt_ex_rule", rule=rule_label(scored.rule)))
        items = input_items(leaf)
        if items:
            joined = t("rpt_list_sep").join(t("rpt_ex_item", label=label, value=value)
                                             for label, value in items)
            lines.append(t("rpt_ex_inputs", items=joined))
        if not (scored.rule == "judged" and scored.level is None):  # else the input says it all
            lines.append(t("rpt_ex_calc", explain=scored.explain))
    lines.append(t("rpt_ex_result", score=plain(leaf.score), points=plain(node.points),
                   rate=rate_text(leaf.rate)))
    if node.basis:
        lines.append(t("rpt_ex_basis", basis=node.basis))
    return lines


def node_heading(node: NodeResult) -> str:
    return t("rpt_ex_node", name=node.node.name, points=plain(node.node.points),
             score=score_cell(node), rate=rate_cell(node))


@dataclass(frozen=True)
class TreeRow:
    """One leaf of the tree as a row of a published score table.

    ``chain`` is the leaf's ancestors from level 1 down, then the leaf;
    ``spans[i]`` is the number of rows ``chain[i]`` covers when the row is
    its first (merged cells are shown once), else 0.
    """

    chain: tuple[NodeResult, ...]
    spans: tuple[int, ...]

    @property
    def leaf(self) -> NodeResult:
        return self.chain[-1]


def _leaf_count(node: NodeResult) -> int:
    if not node.children:
        return 1
    return sum(_leaf_count(child) for child in node.children)


def tree_rows(result: Result) -> list[TreeRow]:
    """The leaves in tree order, each with its chain of ancestors and merge spans."""
    rows: list[TreeRow] = []

    def visit(node: NodeResult, chain: tuple[NodeResult, ...], spans: tuple[int, ...]) -> None:
        chain = chain + (node,)
        spans = spans + (_leaf_count(node),)
        if not node.children:
            rows.append(TreeRow(chain, spans))
            return
        for index, child in enumerate(node.children):
            # only the first row under a node shows it; later rows carry span 0
            visit(child, chain, spans if index == 0 else tuple(0 for _ in spans))

    for top in result.indicators:
        visit(top, (), ())
    return rows


def depth_of(result: Result) -> int:
    """The depth of the deepest leaf (3 for 一级/二级/三级)."""
    return max((node.node.depth for node in result.walk()), default=1)


def lost_list(items: tuple[LostPoint, ...]) -> str:
    return t("rpt_list_sep").join(t("rpt_lost_item", name=item.name, lost=plain(item.lost))
                                  for item in items)


def next_grade_lines(answer: NextGrade, result: Result) -> list[str]:
    """The next grade in sentences, as every report shows it."""
    precision = result.evaluation.precision
    if answer.top:
        return [t("rpt_next_top", score=fixed(result.score, precision), grade=answer.current)]
    assert answer.gap is not None and answer.needed is not None and answer.min is not None
    lines = [t("rpt_next_gap", grade=answer.grade, min=plain(answer.min), gap=plain(answer.gap),
               needed=fixed(answer.needed, precision))]
    if not answer.reachable:
        lines.append(t("rpt_next_unreachable", grade=answer.grade))
        return lines
    lines.append(t("rpt_next_leaves", k=len(answer.leaves), leaves=lost_list(answer.leaves)))
    if answer.any_one and len(answer.any_one) > 1:
        lines.append(t("rpt_next_any_one", leaves=lost_list(answer.any_one)))
    return lines


def project_items(result: Result) -> list[tuple[str, str]]:
    """The project's metadata as (label, value) text pairs, name excluded."""
    items = []
    for key, value in result.evaluation.project.items():
        if key == "name" or value is None or isinstance(value, (dict, list)):
            continue
        label_key = f"rpt_meta_{key}"
        items.append((t(label_key) if label_key in CATALOG else str(key), plain_value(value)))
    return items


def plain_value(value: object) -> str:
    return plain(value) if isinstance(value, Decimal) else str(value)


def one_line(text: str | None) -> str:
    """Text for a table cell: line breaks folded into spaces."""
    return " ".join((text or "").split())


def text_width(text: str) -> int:
    """Display width in character units: CJK (wide) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
