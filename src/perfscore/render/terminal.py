"""Terminal tables laid out like the published reports' tables (drawn by :mod:`.boxes`).

1. the tree: 指标 | 分值 | 得分 | 得分率 | 目标值 | 实际值 | 评分说明, indented by level;
2. the level-1 summary: 一级指标 | 指标分值 | 得分 | 得分率, with a 合计 row
   (the "评价得分和等级" table of seed 03);
3. the total and grade, the grade table in use, and every disagreement with a
   published (``reported``) value — shown, never hidden.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from ..analysis import Analysis
from ..decimals import fixed, plain
from ..result import Comparison, Result
from .boxes import Column, box_table
from .labels import grade_bands_text, rate_text, rescale_line, t
from .terminal_analysis import print_analysis


def _mismatches(result: Result) -> dict[tuple[str, str], Comparison]:
    return {(c.path, c.of): c for c in result.checks if not c.ok}


def _marked(text: str, check: Comparison | None) -> Text:
    """A score or rate, with the published value beside it in red when they disagree."""
    out = Text(text)
    if check is not None:
        out.append(" " + t("lbl_mismatch_mark", reported=plain(check.reported)), style="bold red")
    return out


def tree_table(result: Result, width: int | None = None) -> Text:
    """指标 | 分值 | 得分 | 得分率 | 目标值 | 实际值 | 评分说明, indented by level."""
    precision = result.evaluation.precision
    bad = _mismatches(result)
    columns = (
        Column(t("lbl_indicator"), fold=2),
        Column(t("lbl_points"), "right"),
        Column(t("lbl_score"), "right"),
        Column(t("lbl_rate"), "right"),
        Column(t("lbl_target"), fold=2),
        Column(t("lbl_actual"), fold=2),
        Column(t("lbl_explain"), fold=1),
    )
    rows = []
    for node_result in result.walk():
        node = node_result.node
        scored = node_result.scored
        details = scored.details if scored else {}
        na = not node.applicable  # 不适用指标 (docs/rules.md §2)
        rows.append(
            (
                Text("  " * (node.depth - 1) + node.name, style="bold" if node.depth == 1 else ""),
                plain(node.points),
                _marked(
                    t("lbl_not_applicable") if na else fixed(node_result.score, precision),
                    bad.get((node.path, "score")),
                ),
                _marked("—" if na else rate_text(node_result.rate), bad.get((node.path, "rate"))),
                str(details.get("target", "")),
                str(details.get("actual", "")),
                t("x_not_applicable") if na else (scored.explain if scored else ""),
            )
        )
    return box_table(
        columns, rows, title=t("lbl_tree_title", name=result.evaluation.name), width=width
    )


def summary_table(result: Result, width: int | None = None) -> Text:
    """一级指标 | 指标分值 | 得分 | 得分率 with a 合计 row, as the reports print it."""
    precision = result.evaluation.precision
    bad = _mismatches(result)
    columns = (
        Column(t("lbl_level1"), fold=1),
        Column(t("lbl_points_l1"), "right"),
        Column(t("lbl_score"), "right"),
        Column(t("lbl_rate"), "right"),
    )
    rows = []
    for top in result.indicators:
        na = not top.node.applicable  # 不适用指标 (docs/rules.md §2)
        score = (
            Text(t("lbl_not_applicable"))
            if na
            else _marked(fixed(top.score, precision), bad.get((top.node.path, "score")))
        )
        rows.append(
            (top.node.name, plain(top.node.points), score, "—" if na else rate_text(top.rate))
        )
    footer = (
        t("lbl_total_row"),
        plain(result.points),
        _marked(fixed(result.score, precision), bad.get(("", "score"))),
        rate_text(result.rate),
    )
    return box_table(columns, rows, title=t("lbl_summary_title"), footer=footer, width=width)


def checks_table(result: Result, width: int | None = None) -> Text:
    """Every published value that disagrees: path, what, reported, computed, difference."""
    columns = (
        Column(t("lbl_check_path"), fold=1),
        Column(t("lbl_check_of")),
        Column(t("lbl_reported"), "right"),
        Column(t("lbl_computed"), "right"),
        Column(t("lbl_difference"), "right"),
    )
    rows = [
        (
            check.path or t("lbl_root"),
            t(f"lbl_of_{check.of}"),
            plain(check.reported),
            plain(check.computed),
            plain(check.difference),
        )
        for check in result.checks
        if not check.ok
    ]
    return box_table(columns, rows, width=width, header_style="bold red")


def print_evaluation(analysis: Analysis, console: Console, explain: bool = False) -> None:
    """Everything ``perfscore evaluate`` shows of one file."""
    print_result(analysis.result, console)
    print_analysis(analysis, console, explain=explain)


def print_result(result: Result, console: Console) -> None:
    console.print(tree_table(result, console.width), crop=False, overflow="ignore")
    console.print(summary_table(result, console.width), crop=False, overflow="ignore")
    precision = result.evaluation.precision
    console.print(
        Text(
            t("lbl_result", score=fixed(result.score, precision), grade=result.grade), style="bold"
        )
    )
    rescaled = rescale_line(result)  # 不适用指标: the total was rescaled at the root
    if rescaled is not None:
        console.print(rescaled, style="yellow")
    console.print(
        t("lbl_grade_table", bands=grade_bands_text(result.evaluation.grades)), style="dim"
    )
    bad = [c for c in result.checks if not c.ok]
    if not result.checks:
        console.print(t("lbl_checks_none"), style="dim")
    elif not bad:
        console.print(t("lbl_checks_ok", n=len(result.checks)), style="green")
    else:
        console.print(t("lbl_checks_bad", bad=len(bad), n=len(result.checks)), style="bold red")
        console.print(checks_table(result, console.width), crop=False, overflow="ignore")
    for warning in result.warnings:  # self-evaluation warnings: shown, never change a score
        console.print(
            t("lbl_warning_line", path=warning.path, message=warning.message),
            style="yellow",
            markup=False,
        )
