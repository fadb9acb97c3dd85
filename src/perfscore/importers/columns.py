"""The indicator header → each column's role, by its words (docs/import.md).

年度指标值 / 指标值 → target, 实际完成值 → actual, 计算符号 and 计量单位 (the national template),
分值, 得分, 得分率, 偏差原因分析及改进措施 → basis, 年度绩效指标 → the table's label, and the
level columns (一级指标 …). A 分值 or 得分 column belongs to the nearest level column on its
left: in the published form that is the leaf's (三级指标); in perfscore's own 得分情况表 every
level has its own. A column of any other header is kept, so that its cells go into a note.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..messages import Messages
from . import reading
from .cells import Grid
from .reading import fail
from .words import indicator_role

MESSAGES = Messages(
    {
        "header_missing": ("指标表头缺少“{what}”列", "the indicator header has no '{what}' column"),
        "header_merged": (
            "表头的合并单元格 {cells} 跨越了多列，而下方各行在这些列中各有内容，无法确定各列的含义；请取消合并后再试",
            "the header's merged cell {cells} spans several columns that hold separate values "
            "below it, so the columns cannot be told apart; unmerge it and retry",
        ),
    }
)
t = MESSAGES.t


@dataclass
class Columns:
    """The roles of an indicator header's columns."""

    levels: list[tuple[int, int]]  # (depth, column), left to right
    roles: dict[str, int]  # target, actual, operator, unit, rate, basis, label → column
    points: dict[int, int]  # depth → the 分值 column it owns
    scores: dict[int, int]  # depth → the 得分 column it owns
    others: list[tuple[int, str]]  # columns of no known role: (column, header)
    headers: dict[int, str]  # every column's header text, as printed

    @property
    def deepest(self) -> int:
        return max(depth for depth, _ in self.levels)

    def owned(self, depth: int, kind: str) -> int | None:
        """The 分值/得分 column of a node at ``depth``: its own level's, else the leaves'."""
        table = self.points if kind == "points" else self.scores
        if depth in table:
            return table[depth]
        return table.get(self.deepest)


def header_columns(grid: Grid, row: int, end: int) -> Columns:
    """The header row's columns by their words; a merged header cell over columns that hold
    separate values below, or a missing 分值/得分 column, stops the table."""
    _check_merged(grid, row, end)
    levels: list[tuple[int, int]] = []
    roles: dict[str, int] = {}
    owned: dict[str, dict[int, int]] = {"points": {}, "score": {}}
    others = []
    headers = {}
    for col, cell in grid.rows[row].filled():
        headers[col] = cell.text
        role = indicator_role(cell.text)
        if role is None:
            others.append((col, cell.text))
        elif role[0] == "level":
            levels.append((role[1], col))
        elif role[0] in owned:
            owner = levels[-1][0] if levels else 0
            owned[role[0]].setdefault(owner, col)
        else:
            roles.setdefault(role[0], col)
    deepest = max(depth for depth, _ in levels)
    for table in owned.values():  # a column left of every level is the leaves'
        if 0 in table:
            table.setdefault(deepest, table.pop(0))
    for kind, word in (("points", "分值"), ("score", "得分")):
        if not owned[kind]:
            raise fail(grid, row, 0, t("header_missing", what=word))
    return Columns(levels, roles, owned["points"], owned["score"], others, headers)


def _check_merged(grid: Grid, header: int, end: int) -> None:
    for r0, c0, r1, c1 in grid.merges:
        if not (r0 <= header <= r1 and c1 > c0):
            continue
        for r in range(header + 1, end):
            cells = grid.rows[r].cells
            if any(
                not cells[c].covered and cells[c].text
                for c in range(c0 + 1, min(c1 + 1, len(cells)))
            ):
                first = reading.source(grid, r0, c0).short
                last = reading.source(grid, r1, c1).short
                raise fail(grid, r0, c0, t("header_merged", cells=f"{first}:{last}"))
