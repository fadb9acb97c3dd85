"""Terminal tables laid out like the published reports' tables (drawn by :mod:`.boxes`).

1. the tree: 指标 | 分值 | 得分 | 得分率 | 目标值 | 实际值 | 评分说明, indented by level;
2. the level-1 summary: 一级指标 | 指标分值 | 得分 | 得分率, with a 合计 row
   (the "评价得分和等级" table of seed 03);
3. the total and grade, the grade table in use, and every disagreement with a
   published (``reported``) value — shown, never hidden.
"""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.text import Text

from ..analysis import Analysis
from ..decimals import plain
from ..result import Comparison, Result
from .boxes import Column, box_table
from .console import say
from .drawn import printable
from .labels import (
    base_line,
    checks_line,
    explain_cell,
    grade_bands_text,
    inferred_line,
    points_cell,
    rate_cell,
    rate_text,
    rescale_line,
    result_line,
    score_cell,
    t,
    total_cell,
)
from .terminal_analysis import print_analysis


def _mismatches(result: Result) -> dict[tuple[str, str], Comparison]:
    """The published values that disagree with the computed ones, by (path, what)."""
    return {(c.path, c.of): c for c in result.checks if c.ok is False and c.kind == "reported"}


def _marked(text: str, check: Comparison | None) -> Text | str:
    """A value, with the published one beside it in red when they disagree (a plain
    string otherwise: the table lays it out exactly as it would ``Text(text)``)."""
    if check is None:
        return text
    out = Text(text)
    out.append(" " + t("lbl_mismatch_mark", reported=_value(check.reported)), style="bold red")
    return out


def _value(value: object) -> str:
    """A check's value as text: numbers exact, a grade as written, nothing as —."""
    if value is None:
        return "—"
    return plain(value) if isinstance(value, Decimal) else str(value)


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
        depth = node.depth
        rows.append(
            (
                Text(node.name, style="bold") if depth == 1 else "  " * (depth - 1) + node.name,
                _marked(points_cell(node_result), bad.get((node.path, "points"))),
                _marked(score_cell(node_result, precision), bad.get((node.path, "score"))),
                _marked("—" if na else rate_cell(node_result), bad.get((node.path, "rate"))),
                str(details.get("target", "")),
                str(details.get("actual", "")),
                explain_cell(node_result),
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
        rows.append(
            (
                top.node.name,
                _marked(points_cell(top), bad.get((top.node.path, "points"))),
                _marked(score_cell(top, precision), bad.get((top.node.path, "score"))),
                "—" if na else rate_cell(top),
            )
        )
    footer = (
        t("lbl_total_row"),
        _marked(plain(result.points), bad.get(("", "points"))),
        _marked(total_cell(result, precision), bad.get(("", "score"))),
        "—" if result.partial else rate_text(result.rate),
    )
    return box_table(columns, rows, title=t("lbl_summary_title"), footer=footer, width=width)


def checks_table(result: Result, width: int | None = None) -> Text:
    """Every check that fails: kind, path, what, reported, computed (or implied), difference."""
    columns = (
        Column(t("lbl_check_kind"), fold=2),
        Column(t("lbl_check_path"), fold=1),
        Column(t("lbl_check_of")),
        Column(t("lbl_reported"), "right"),
        Column(t("lbl_computed"), "right"),
        Column(t("lbl_difference"), "right"),
    )
    rows = [
        (
            t(f"lbl_check_kind_{check.kind}"),
            check.path or t("lbl_root"),
            t(f"lbl_of_{check.of}"),
            _value(check.reported),
            _value(check.computed),
            "" if check.difference is None else plain(check.difference),
        )
        for check in result.checks
        if check.ok is False
    ]
    return box_table(columns, rows, width=width, header_style="bold red")


def print_evaluation(analysis: Analysis, console: Console, explain: bool = False) -> None:
    """Everything ``perfscore evaluate`` shows of one file."""
    print_result(analysis.result, console)
    print_analysis(analysis, console, explain=explain)


def print_result(result: Result, console: Console) -> None:
    console.print(printable(tree_table(result, console.width)), crop=False, overflow="ignore")
    console.print(printable(summary_table(result, console.width)), crop=False, overflow="ignore")
    say(console, Text(result_line(result), style="bold"))
    for line in (base_line(result), rescale_line(result), inferred_line(result)):
        if line is not None:  # not out of 100; 不适用 rescaled at the root; inferred points
            say(console, line, style="yellow")
    say(console, t("lbl_grade_table", bands=grade_bands_text(result.evaluation.grades)), "dim")
    line, style = checks_line(result)
    say(console, line, style=style)
    if any(check.ok is False for check in result.checks):
        console.print(printable(checks_table(result, console.width)), crop=False, overflow="ignore")
    for warning in result.warnings:  # self-evaluation warnings: shown, never change a score
        location = f"{warning.file}:{warning.line}" if warning.file else str(warning.line)
        console.print(
            t("lbl_warning_line", location=location, path=warning.path, message=warning.message),
            style="yellow",
            markup=False,
        )
