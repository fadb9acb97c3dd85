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

from ..decimals import fixed, plain
from ..engine import Check, Result
from ..messages import t
from ..model import Grade
from .boxes import Column, box_table
from .common import rate_text


def _mismatches(result: Result) -> dict[tuple[str, str], Check]:
    return {(c.path, c.of): c for c in result.checks if not c.ok}


def _marked(text: str, check: Check | None) -> Text:
    """A score or rate, with the published value beside it in red when they disagree."""
    out = Text(text)
    if check is not None:
        out.append(" " + t("lbl_mismatch_mark", reported=plain(check.reported)), style="bold red")
    return out


def tree_table(result: Result, width: int | None = None) -> Text:
    """指标 | 分值 | 得分 | 得分率 | 目标值 | 实际值 | 评分说明, indented by level."""
    precision = result.evaluation.precision
    bad = _mismatches(result)
    columns = (Column(t("lbl_indicator")), Column(t("lbl_points"), "right"),
               Column(t("lbl_score"), "right"), Column(t("lbl_rate"), "right"),
               Column(t("lbl_target")), Column(t("lbl_actual")), Column(t("lbl_explain"), fold=True))
    rows = []
    for node_result in result.walk():
        node = node_result.node
        scored = node_result.scored
        details = scored.details if scored else {}
        na = not node.applicable  # 不适用指标 (rules.md §2)
        rows.append((
            Text("  " * (node.depth - 1) + node.name, style="bold" if node.depth == 1 else ""),
            plain(node.points),
            _marked(t("lbl_not_applicable") if na else fixed(node_result.score, precision),
                    bad.get((node.path, "score"))),
            _marked("—" if na else rate_text(node_result.rate), bad.get((node.path, "rate"))),
            str(details.get("target", "")),
            str(details.get("actual", "")),
            t("x_not_applicable") if na else (scored.explain if scored else ""),
        ))
    return box_table(columns, rows, title=t("lbl_tree_title", name=result.evaluation.name),
                     width=width)


def summary_table(result: Result, width: int | None = None) -> Text:
    """一级指标 | 指标分值 | 得分 | 得分率 with a 合计 row, as the reports print it."""
    precision = result.evaluation.precision
    bad = _mismatches(result)
    columns = (Column(t("lbl_level1")), Column(t("lbl_points_l1"), "right"),
               Column(t("lbl_score"), "right"), Column(t("lbl_rate"), "right"))
    rows = []
    for top in result.indicators:
        na = not top.node.applicable  # 不适用指标 (rules.md §2)
        score = (Text(t("lbl_not_applicable")) if na
                 else _marked(fixed(top.score, precision), bad.get((top.node.path, "score"))))
        rows.append((top.node.name, plain(top.node.points), score, "—" if na else rate_text(top.rate)))
    footer = (t("lbl_total_row"), plain(result.points),
              _marked(fixed(result.score, precision), bad.get(("", "score"))), rate_text(result.rate))
    return box_table(columns, rows, title=t("lbl_summary_title"), footer=footer, width=width)


def checks_table(result: Result, width: int | None = None) -> Text:
    """Every published value that disagrees: path, what, reported, computed, difference."""
    columns = (Column(t("lbl_check_path")), Column(t("lbl_check_of")),
               Column(t("lbl_reported"), "right"), Column(t("lbl_computed"), "right"),
               Column(t("lbl_difference"), "right"))
    rows = [(check.path or t("lbl_root"), t(f"lbl_of_{check.of}"), plain(check.reported),
             plain(check.computed), plain(check.difference))
            for check in result.checks if not check.ok]
    return box_table(columns, rows, width=width, header_style="bold red")


def grade_bands_text(grades: tuple[Grade, ...]) -> str:
    """"优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60": the table in use (rules.md §1)."""
    parts = []
    for index, grade in enumerate(grades):
        if grade.min > 0 or index == 0:
            parts.append(f"{grade.name} ≥ {plain(grade.min)}")
        else:
            parts.append(f"{grade.name} < {plain(grades[index - 1].min)}")
    return "，".join(parts)


def print_result(result: Result, console: Console) -> None:
    console.print(tree_table(result, console.width), crop=False, overflow="ignore")
    console.print(summary_table(result, console.width), crop=False, overflow="ignore")
    precision = result.evaluation.precision
    console.print(Text(t("lbl_result", score=fixed(result.score, precision), grade=result.grade),
                       style="bold"))
    if result.rescale is not None:  # 不适用指标: the total was rescaled at the root
        r = result.rescale
        console.print(t("lbl_rescale", paths="、".join(r.paths), applicable=plain(r.applicable_points),
                        score=plain(r.applicable_score), base=plain(r.points),
                        total=fixed(r.total, precision)), style="yellow")
    console.print(t("lbl_grade_table", bands=grade_bands_text(result.evaluation.grades)), style="dim")
    bad = [c for c in result.checks if not c.ok]
    if not result.checks:
        console.print(t("lbl_checks_none"), style="dim")
    elif not bad:
        console.print(t("lbl_checks_ok", n=len(result.checks)), style="green")
    else:
        console.print(t("lbl_checks_bad", bad=len(bad), n=len(result.checks)), style="bold red")
        console.print(checks_table(result, console.width), crop=False, overflow="ignore")
    for warning in result.warnings:  # self-evaluation warnings: shown, never change a score
        console.print(f"{t('lbl_warning')}：[{warning.path}] {warning.message}", style="yellow",
                      markup=False)
