"""The terminal's report blocks after the score tables: lost points, next grade, explain.

``perfscore evaluate`` prints the lost-points table and the next grade after
the tables of :mod:`perfscore.render.terminal`; ``--explain`` adds every leaf
with its rule, inputs, calculation with numbers, result and basis, grouped by
level (level-1 and intermediate indicators as headings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from ..analysis import Analysis
from ..decimals import plain
from ..result import NodeResult, Result
from .boxes import Column, box_table
from .console import say
from .drawn import printable
from .explain import explain_lines, next_grade_lines, node_heading
from .labels import t

if TYPE_CHECKING:
    from rich.tree import Tree


def lost_points_table(analysis: Analysis, width: int | None = None) -> Text:
    """失分情况: the leaves that lost points, most first, with level-1 group and basis."""
    columns = (
        Column(t("rpt_rank"), "right"),
        Column(t("rpt_name"), fold=2),
        Column(t("rpt_group"), fold=2),
        Column(t("lbl_points"), "right"),
        Column(t("lbl_score"), "right"),
        Column(t("rpt_lost"), "right", style="bold red"),
        Column(t("rpt_basis"), fold=1),
    )
    rows = [
        (
            str(item.rank),
            item.name,
            item.group,
            plain(item.points),
            plain(item.score),
            plain(item.lost),
            item.basis or "",
        )
        for item in analysis.lost
    ]
    return box_table(columns, rows, title=t("rpt_lost_title"), width=width)


def explain_tree(result: Result) -> Tree:
    """Every leaf's account, under its level-1 and intermediate indicators."""
    from rich.tree import Tree  # only --explain draws one

    root = Tree(Text(t("rpt_explain_title"), style="bold"))

    def add(branch: Tree, node: NodeResult) -> None:
        if node.children:
            sub = branch.add(Text(node_heading(node), style="bold" if node.node.depth == 1 else ""))
            for child in node.children:
                add(sub, child)
            return
        leaf = branch.add(Text(node_heading(node), style="bold cyan"))
        for line in explain_lines(node):
            leaf.add(Text(line))

    for top in result.indicators:
        add(root, top)
    return root


def print_analysis(analysis: Analysis, console: Console, explain: bool = False) -> None:
    """Lost points and the next grade; with ``explain``, every leaf's account first."""
    result = analysis.result
    if explain:
        console.print(explain_tree(result))
    if analysis.lost:
        console.print(
            printable(lost_points_table(analysis, console.width)), crop=False, overflow="ignore"
        )
    else:
        say(console, t("rpt_lost_none"), style="dim")
    say(console, Text(t("rpt_next_title"), style="bold"))
    for line in next_grade_lines(analysis.next_grade, result):
        say(console, line)
