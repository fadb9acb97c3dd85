"""The 汇总表 (序号 | 项目名称 | 得分): the scores a department lists for its tables.

A workbook (or a PDF) that carries one is checked against the tables it names: each listed
score is compared with the score perfscore computes for the table of that name in the same
file (seed 01 prints 97.59 for a project its 汇总表 lists at 98.82). A listed project with
no table in the file cannot be checked, and is counted so.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import reading
from .cells import key
from .layout import SUM_HEADER, Segment
from .words import base, is_blank, is_total

NAME_WORDS = {"项目名称", "项目"}
SCORE_WORDS = {"得分", "自评得分", "评分", "自评分"}


@dataclass(frozen=True)
class Listed:
    """One 汇总表 row: a project and the score listed for it."""

    name: str
    score: Decimal
    row: int  # the row as the sheet numbers it (1-based), or the table row on its page
    where: str


@dataclass(frozen=True)
class Rollup:
    """A 汇总表 of a file."""

    where: str  # the sheet, or the page
    rows: tuple[Listed, ...]


def read_rollup(segment: Segment) -> Rollup:
    grid = segment.grid
    header = segment.first(SUM_HEADER)
    assert header is not None
    name_col = score_col = None
    for col, cell in grid.rows[header].filled():
        word = base(cell.text)
        if word in NAME_WORDS and name_col is None:
            name_col = col
        elif word in SCORE_WORDS and score_col is None:
            score_col = col
    listed = []
    for r in range(header + 1, segment.end):
        row = grid.rows[r]
        if row.loose or name_col is None:
            continue
        name = reading.text(grid, r, name_col)
        if not name or is_blank(name) or is_total(name):
            continue
        score = reading.number(grid, r, score_col, "score")
        if score is None:
            continue
        listed.append(Listed(name, score, row.index + 1, grid.where(r, name_col)))
    from .table import place_of

    return Rollup(place_of(segment), tuple(listed))


def same_project(a: str, b: str) -> bool:
    """Names as a 汇总表 and a table print them (spaces, quotes and brackets aside)."""

    def fold(text: str) -> str:
        return key(text).strip("“”\"'")

    return fold(a) == fold(b)
