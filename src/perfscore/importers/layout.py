"""A grid → its tables: each row classified by its words, the rows cut into segments.

A sheet holds one 自评表, a 汇总表, or a view perfscore's own report derives from a table
(评价得分和等级, 失分情况); a PDF holds them one after another, over pages. A segment
starts at a title (项目支出绩效自评表, …汇总表) or a 项目名称 row once the segment before it
has content; what a segment is follows from the header it contains.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cells import Grid, Row
from .words import (
    META,
    VIEW_WORDS,
    base,
    fund_role,
    indicator_role,
    is_summary_title,
    is_title,
)

# Row kinds, from the words of the row's cells.
BLANK, OTHER = "blank", "other"
IND_HEADER, SUM_HEADER, FUND_HEADER, VIEW = "ind_header", "sum_header", "fund_header", "view"
TITLE, SUM_TITLE, PROJECT = "title", "sum_title", "project"


def row_kind(row: Row) -> str:
    """What one row is, by its words (the first match in the order below)."""
    filled = row.filled()
    if not filled:
        return BLANK
    words = [base(cell.text) for _, cell in filled]
    roles = [indicator_role(cell.text) for _, cell in filled]
    levels = {depth for role in roles if role and role[0] == "level" for depth in (role[1],)}
    has_target = any(role and role[0] == "target" for role in roles)
    if len(levels) >= 2 or (levels and has_target):
        return IND_HEADER
    if "项目名称" in words and any(w in ("得分", "自评得分", "评分") for w in words) and not levels:
        return SUM_HEADER
    if any(view <= set(words) for view in VIEW_WORDS):
        return VIEW
    funds = {fund_role(cell.text) for _, cell in filled} - {None, "points", "score"}
    if len(funds) >= 2:
        return FUND_HEADER
    if any(is_summary_title(cell.text) for _, cell in filled):
        return SUM_TITLE
    if any(is_title(cell.text) for _, cell in filled):
        return TITLE
    if any(META.get(word) == "name" for word in words):
        return PROJECT
    return OTHER


@dataclass
class Segment:
    """Rows [start, end) of a grid, and what they are."""

    grid: Grid
    start: int
    end: int = 0
    kinds: dict[int, str] = field(default_factory=dict)  # row → kind, for rows not blank/other

    def first(self, kind: str) -> int | None:
        return next((r for r, k in sorted(self.kinds.items()) if k == kind), None)

    @property
    def kind(self) -> str:
        seen = set(self.kinds.values())
        if IND_HEADER in seen:
            return "table"
        if SUM_HEADER in seen:
            return "summary"
        if VIEW in seen:
            return "view"
        if not any(row.filled() for row in self.grid.rows[self.start : self.end]):
            return "empty"
        return "unknown"

    def last_filled(self) -> tuple[int, int]:
        """The last non-empty cell of the segment (where reading stopped)."""
        for r in range(self.end - 1, self.start - 1, -1):
            filled = self.grid.rows[r].filled()
            if filled:
                return r, filled[-1][0]
        return self.start, 0


def _starts_new(kind: str, seen: set[str]) -> bool:
    """Whether a row of ``kind`` begins a new segment after rows of the kinds ``seen``."""
    content = seen & {IND_HEADER, SUM_HEADER, FUND_HEADER, PROJECT, VIEW}
    if kind in (TITLE, SUM_TITLE):
        return bool(content)
    if kind == PROJECT:
        return bool(seen & {PROJECT, IND_HEADER, SUM_HEADER})
    if kind in (SUM_HEADER, FUND_HEADER):
        return bool(seen & {IND_HEADER, SUM_HEADER})
    return False


def segments(grid: Grid) -> list[Segment]:
    """The grid cut into segments, in order (a grid with no rows gives one empty segment)."""
    current = Segment(grid, 0)
    found = [current]
    for index, row in enumerate(grid.rows):
        kind = row_kind(row)
        if kind in (BLANK, OTHER):
            continue
        if _starts_new(kind, set(current.kinds.values())):
            current.end = index
            current = Segment(grid, index)
            found.append(current)
        current.kinds[index] = kind
    current.end = len(grid.rows)
    return found
