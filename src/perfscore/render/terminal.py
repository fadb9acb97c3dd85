"""Rich tables laid out like the published reports' tables.

1. the tree: 指标 | 分值 | 得分 | 得分率 | 目标值 | 实际值 | 评分说明, indented by level;
2. the level-1 summary: 一级指标 | 指标分值 | 得分 | 得分率, with a 合计 row
   (the "评价得分和等级" table of seed 03);
3. the total and grade, the grade table in use, and every disagreement with a
   published (``reported``) value — shown, never hidden.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..decimals import fixed, plain
from ..engine import Check, NodeResult, Result
from ..messages import t
from ..model import Grade


def _rate(value) -> str:
    return f"{fixed(value, 2)}%"


def _mismatches(result: Result) -> dict[tuple[str, str], Check]:
    return {(c.path, c.of): c for c in result.checks if not c.ok}


def tree_table(result: Result) -> Table:
    precision = result.evaluation.precision
    bad = _mismatches(result)
    table = Table(title=t("lbl_tree_title", name=result.evaluation.name), title_style="bold",
                  show_lines=False, header_style="bold cyan")
    table.add_column(t("lbl_indicator"), no_wrap=True)
    table.add_column(t("lbl_points"), justify="right")
    table.add_column(t("lbl_score"), justify="right")
    table.add_column(t("lbl_rate"), justify="right")
    table.add_column(t("lbl_target"))
    table.add_column(t("lbl_actual"))
    table.add_column(t("lbl_explain"), overflow="fold", ratio=1)

    def cell(text: str, check: Check | None) -> Text:
        out = Text(text)
        if check is not None:
            out.append(" " + t("lbl_mismatch_mark", reported=plain(check.reported)), style="bold red")
        return out

    def add(node_result: NodeResult) -> None:
        node = node_result.node
        depth = node.depth
        style = "bold" if depth == 1 else ""
        scored = node_result.scored
        details = scored.details if scored else {}
        na = not node.applicable  # 不适用指标 (rules.md §2)
        table.add_row(
            Text("  " * (depth - 1) + node.name, style=style),
            plain(node.points),
            cell(t("lbl_not_applicable") if na else fixed(node_result.score, precision),
                 bad.get((node.path, "score"))),
            cell("—" if na else _rate(node_result.rate), bad.get((node.path, "rate"))),
            str(details.get("target", "")),
            str(details.get("actual", "")),
            t("x_not_applicable") if na else (scored.explain if scored else ""),
        )
        for child in node_result.children:
            add(child)

    for top in result.indicators:
        add(top)
    return table


def summary_table(result: Result) -> Table:
    precision = result.evaluation.precision
    bad = _mismatches(result)
    table = Table(title=t("lbl_summary_title"), title_style="bold", header_style="bold cyan",
                  show_footer=True)
    table.add_column(t("lbl_level1"), footer=t("lbl_total_row"))
    table.add_column(t("lbl_points_l1"), justify="right", footer=plain(result.points))
    total = Text(fixed(result.score, precision))
    if ("", "score") in bad:
        total.append(" " + t("lbl_mismatch_mark", reported=plain(bad["", "score"].reported)),
                     style="bold red")
    table.add_column(t("lbl_score"), justify="right", footer=total)
    table.add_column(t("lbl_rate"), justify="right", footer=_rate(result.rate))
    for top in result.indicators:
        score = Text(fixed(top.score, precision))
        if (top.node.path, "score") in bad:
            score.append(" " + t("lbl_mismatch_mark", reported=plain(bad[top.node.path, "score"].reported)),
                         style="bold red")
        na = not top.node.applicable  # 不适用指标 (rules.md §2)
        table.add_row(top.node.name, plain(top.node.points),
                      Text(t("lbl_not_applicable")) if na else score, "—" if na else _rate(top.rate))
    return table


def checks_table(result: Result) -> Table:
    table = Table(header_style="bold red")
    for label in ("lbl_check_path", "lbl_check_of", "lbl_reported", "lbl_computed", "lbl_difference"):
        table.add_column(t(label), justify="left" if label in ("lbl_check_path", "lbl_check_of") else "right")
    for check in result.checks:
        if not check.ok:
            table.add_row(check.path or t("lbl_root"), t(f"lbl_of_{check.of}"), plain(check.reported),
                          plain(check.computed), plain(check.difference))
    return table


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
    console.print(tree_table(result))
    console.print(summary_table(result))
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
        console.print(checks_table(result))
    for warning in result.warnings:  # self-evaluation warnings: shown, never change a score
        console.print(f"{t('lbl_warning')}：[{warning.path}] {warning.message}", style="yellow",
                      markup=False)
