"""The Markdown report, in the two layouts of :mod:`.layout`.

评价报告 (seed 03): the level-1 summary with 合计 and the grade table; the indicator system
(一级指标 | 二级指标 | 三级指标 | 分值 | 得分 | 得分率 | 评分依据), one row per leaf; the lost
points, the next grade, 发现的问题 by stage, and every leaf's account (评分说明).

自评表 (seed 02): the project, the 项目预算执行情况 block, 年度总体目标, the indicator table
(… 年度指标值（A）| 实际完成指标值（B）| 分值 | 得分 | 偏差原因分析及改进措施, 总分), the
total and grade, the self-evaluation warnings, and every leaf's account.

Markdown has no merged cells: a merged cell's text stands in its first row and column and
the cells it covers stay empty, as a merged cell reads on paper. A tree deeper or shallower
than three levels gets one name column per level. Every text from the file passes through
:func:`.safety.markdown_text`: ``<script>``, ``|`` or ``**`` in a name show as written.
"""

from __future__ import annotations

from ..analysis import Analysis
from ..result import NodeResult, Result
from .explain import explain_lines, next_grade_lines, node_heading
from .grid import Grid
from .labels import (
    base_line,
    inferred_line,
    project_items,
    rescale_line,
    result_line,
    t,
)
from .layout import (
    REPORT,
    SELF_EVALUATION,
    Form,
    form_unit_line,
    grade_grid,
    lost_grid,
    pick_layout,
    report_tree_grid,
    self_evaluation_form,
    subtitle,
    summary_grid,
    title,
)
from .layout import t as layout_t
from .problems import none_line, problem_sections
from .problems import t as problems_t
from .safety import markdown_text


def table(grid: Grid) -> list[str]:
    """A grid as a Markdown table: its first row the header, numbers right-aligned."""
    slots = grid.texts()
    right = grid.numeric_columns()
    lines = [
        _row(slots[0]),
        "|" + "|".join("---:" if i in right else "---" for i in range(grid.columns)) + "|",
    ]
    lines += [_row(texts) for texts in slots[1:]]
    return lines


def _row(texts: list[str]) -> str:
    return "| " + " | ".join(markdown_text(text, inline=True) for text in texts) + " |"


def explain_section(result: Result) -> list[str]:
    lines: list[str] = []

    def visit(node: NodeResult) -> None:
        depth = node.node.depth
        if node.children:
            if lines and lines[-1] != "":
                lines.append("")
            heading = markdown_text(node_heading(node))
            lines.extend([f"{'#' * min(depth + 2, 6)} {heading}", ""])
            for child in node.children:
                visit(child)
            return
        lines.append(f"- **{markdown_text(node_heading(node))}**")
        lines.extend(f"  - {markdown_text(line)}" for line in explain_lines(node))

    for top in result.indicators:
        visit(top)
    return lines


def problems_section(analysis: Analysis) -> list[str]:
    sections = problem_sections(analysis)
    if not sections:
        return [none_line()]
    lines: list[str] = []
    for section in sections:
        lines += [f"### {markdown_text(section.heading)}", ""]
        for problem in section.problems:
            lines += [
                f"**{markdown_text(problem.heading, inline=True)}**",
                "",
                markdown_text(problem.text),
                "",
            ]
    return lines


def _notes(result: Result) -> list[str]:
    out = []
    for line in (base_line(result), rescale_line(result), inferred_line(result)):
        if line is not None:
            out += [markdown_text(line), ""]
    return out


def _report(analysis: Analysis) -> list[str]:
    result = analysis.result
    out = [f"# {markdown_text(title(result, REPORT))}", ""]
    items = project_items(result)
    for label, value in items:
        out.append("- " + markdown_text(t("rpt_meta_item", label=label, value=value)))
    if items:
        out.append("")
    out += [f"**{markdown_text(result_line(result, 'rpt_result_line'))}**", "", *_notes(result)]
    out += [f"## {t('lbl_summary_title')}", "", *table(summary_grid(result)), ""]
    out += [*table(grade_grid(result)), ""]
    out += [f"## {t('rpt_tree_title')}", "", *table(report_tree_grid(result)), ""]
    lost = lost_grid(analysis)
    out += [f"## {t('rpt_lost_title')}", "", *(table(lost) if lost else [t("rpt_lost_none")]), ""]
    out += [f"## {t('rpt_next_title')}", ""]
    for line in next_grade_lines(analysis.next_grade, result):
        out += [markdown_text(line), ""]
    out += [f"## {problems_t('prb_title')}", "", *problems_section(analysis)]
    return out


def _form_tables(form: Form) -> list[str]:
    out = [f"## {layout_t('lay_budget_block')}", ""]
    out += [*table(form.head.section(form.budget_rows, 1)), ""]
    out += [f"## {layout_t('lay_goal')}", ""]
    out += [*table(form.head.section(form.goal_rows, 1)), ""]
    rows = range(form.indicators.rows)
    out += [f"## {layout_t('lay_indicators')}", ""]
    return [*out, *table(form.indicators.section(rows, 1)), ""]


def _self_evaluation(analysis: Analysis) -> list[str]:
    result = analysis.result
    form = self_evaluation_form(result)
    out = [f"# {markdown_text(title(result, SELF_EVALUATION))}", ""]
    for line in (subtitle(result), form_unit_line(form)):
        if line is not None:
            out += [markdown_text(line), ""]
    project = form.head.section(range(1))
    cells = project.texts()[0]
    for label, value in zip(cells[0::2], cells[1::2], strict=True):
        if value:
            out.append("- " + markdown_text(t("rpt_meta_item", label=label, value=value)))
    out += ["", *_form_tables(form)]
    out += [f"**{markdown_text(result_line(result, 'rpt_result_line'))}**", "", *_notes(result)]
    if result.warnings:
        out += [f"## {t('lbl_warning')}", ""]
        for warning in result.warnings:
            line = t("rpt_meta_item", label=warning.path, value=warning.message)
            out.append(f"- {markdown_text(line)}")
        out.append("")
    return out


def render_markdown(analysis: Analysis, layout: str | None = None) -> str:
    """The whole report as Markdown text (ends with one newline)."""
    result = analysis.result
    chosen = pick_layout(result, layout)
    out = _report(analysis) if chosen == REPORT else _self_evaluation(analysis)
    out += [f"## {t('rpt_explain_title')}", "", *explain_section(result)]
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
