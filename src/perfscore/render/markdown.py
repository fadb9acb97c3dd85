"""The Markdown report: tables laid out as published evaluation reports lay them out.

1. the level-1 summary (一级指标 | 指标分值 | 得分 | 得分率, 合计 row), as in
   seed 03's "评价得分和等级";
2. the full tree (一级指标 | 二级指标 | 三级指标 | 分值 | 得分 | 得分率), one
   row per leaf, a parent's name shown once on its first row (Markdown has no
   merged cells: the cells below stay empty, as a merged cell reads). A tree
   deeper or shallower than three levels gets one name column per level; a
   leaf above the deepest level leaves the columns below it empty;
3. the lost points, the next grade, and every leaf's account (评分说明).

Scores are written as the reports write them (13.5, 1.33); rates with two
decimals (90.00%).
"""

from __future__ import annotations

from ..analysis import Analysis
from ..decimals import plain
from ..result import NodeResult, Result
from .explain import explain_lines, next_grade_lines, node_heading
from .labels import (
    base_line,
    inferred_line,
    level_label,
    one_line,
    points_cell,
    project_items,
    rate_cell,
    rescale_line,
    result_line,
    score_cell,
    t,
    total_cell,
    total_rate,
)
from .tree import depth_of, tree_rows


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return one_line(str(text)).replace("\\", "\\\\").replace("|", "\\|")


def table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    lines = [
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "|".join("---:" if i in right else "---" for i in range(len(header))) + "|",
    ]
    for row in rows:
        lines.append("| " + " | ".join(cell(value) for value in row) + " |")
    return lines


def summary_lines(result: Result) -> list[str]:
    rows = [
        [top.node.name, points_cell(top), score_cell(top), rate_cell(top)]
        for top in result.indicators
    ]
    rows.append([t("lbl_total_row"), plain(result.points), total_cell(result), total_rate(result)])
    return table(
        [t("lbl_level1"), t("lbl_points_l1"), t("lbl_score"), t("lbl_rate")], rows, {1, 2, 3}
    )


def tree_lines(result: Result) -> list[str]:
    depth = depth_of(result)
    header = [level_label(d) for d in range(1, depth + 1)]
    header += [t("lbl_points"), t("lbl_score"), t("lbl_rate")]
    rows = []
    for row in tree_rows(result):
        names = [
            node.node.name if span else "" for node, span in zip(row.chain, row.spans, strict=True)
        ]
        names += [""] * (depth - len(names))
        leaf = row.leaf
        rows.append([*names, points_cell(leaf), score_cell(leaf), rate_cell(leaf)])
    rows.append(
        [t("lbl_total_row")]
        + [""] * (depth - 1)
        + [plain(result.points), total_cell(result), total_rate(result)]
    )
    return table(header, rows, {depth, depth + 1, depth + 2})


def lost_lines(analysis: Analysis) -> list[str]:
    ranking = analysis.lost
    if not ranking:
        return [t("rpt_lost_none")]
    rows = [
        [
            str(item.rank),
            item.name,
            item.group,
            plain(item.points),
            plain(item.score),
            plain(item.lost),
            item.basis or "",
        ]
        for item in ranking
    ]
    return table(
        [
            t("rpt_rank"),
            t("rpt_name"),
            t("rpt_group"),
            t("lbl_points"),
            t("lbl_score"),
            t("rpt_lost"),
            t("rpt_basis"),
        ],
        rows,
        {0, 3, 4, 5},
    )


def explain_section(result: Result) -> list[str]:
    lines: list[str] = []

    def visit(node: NodeResult) -> None:
        depth = node.node.depth
        if node.children:
            if lines and lines[-1] != "":
                lines.append("")
            lines.extend([f"{'#' * min(depth + 2, 6)} {node_heading(node)}", ""])
            for child in node.children:
                visit(child)
            return
        lines.append(f"- **{node_heading(node)}**")
        lines.extend(f"  - {one_line(line)}" for line in explain_lines(node))

    for top in result.indicators:
        visit(top)
    return lines


def render_markdown(analysis: Analysis) -> str:
    """The whole report as Markdown text (ends with one newline)."""
    result = analysis.result
    out = [f"# {t('rpt_title', name=result.evaluation.name)}", ""]
    for label, value in project_items(result):
        out.append("- " + t("rpt_meta_item", label=label, value=value))
    if project_items(result):
        out.append("")
    out += [f"**{result_line(result, 'rpt_result_line')}**", ""]
    for line in (base_line(result), rescale_line(result), inferred_line(result)):
        if line is not None:
            out += [line, ""]
    out += [
        f"## {t('lbl_summary_title')}",
        "",
        *summary_lines(result),
        "",
        f"## {t('rpt_tree_title')}",
        "",
        *tree_lines(result),
        "",
        f"## {t('rpt_lost_title')}",
        "",
        *lost_lines(analysis),
        "",
        f"## {t('rpt_next_title')}",
        "",
    ]
    for line in next_grade_lines(analysis.next_grade, result):
        out += [line, ""]
    out += [f"## {t('rpt_explain_title')}", "", *explain_section(result)]
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
