"""The indicator rows of a 自评表 → the indicator tree, every printed cell as printed.

The header's words give each column its role (:mod:`.columns`); each row's cells give its
leaf (:mod:`.leaf`). A row is one leaf: its
deepest level cell names it, the level cells to its left name its ancestors. Those are
merged down their rows on some sheets, repeated on every row on others, and left blank
after a page break in a PDF: a merged or blank ancestor cell continues the node above, a
repeated one names the same node. A 分值 or 得分 column belongs to the nearest level
column on its left: in the published form that is the leaf's (三级指标); in perfscore's
own report every level has its own, and a parent's printed 分值 and 得分 become its
``reported_points`` and ``reported``. A parent whose points the sheet does not print has
no ``points``: its points are its children's sum, never a number perfscore invents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..messages import Messages
from . import reading
from .cells import Grid
from .columns import Columns, header_columns
from .layout import IND_HEADER, row_kind
from .leaf import read_leaf
from .reading import fail, row_source, source
from .words import NOTE_STARTS, base, is_blank, is_derived_line, is_grade, is_total, split_points
from .writer import Doc, Source

MESSAGES = Messages(
    {
        "row_without_name": ("指标行没有指标名称", "the indicator row has no indicator name"),
        "level_blank": (
            "{level}为空，上方也没有可沿用的{level}",
            "the {level} cell is blank and there is none above it to continue",
        ),
        "level_n": ("{n}级指标", "level-{n} indicator"),
        "c_points_in_name": ("名称中印出的分值", "the points printed in the name"),
    }
)
t = MESSAGES.t

NUMERALS = "一二三四"


# ---------------------------------------------------------------- the rows


@dataclass
class TreeNode:
    name: str
    depth: int
    doc: Doc
    children: list[TreeNode] = field(default_factory=list)


@dataclass
class Indicators:
    """What the indicator section gives: the level-1 nodes, the 总分 row, the notes."""

    top: list[TreeNode] = field(default_factory=list)
    total: Doc = field(default_factory=Doc)  # reported_points, reported, reported_rate (root)
    notes: list[str] = field(default_factory=list)


def read_indicators(grid: Grid, header: int, end: int) -> Indicators:
    """Every row after the header up to the end of the table."""
    columns = header_columns(grid, header, end)
    out = Indicators()
    stack: list[TreeNode] = []  # the current node at each depth (index depth - 1)
    after_total = False  # the 总分 row ends the indicator rows: what follows is notes
    for r in range(header + 1, end):
        row = grid.rows[r]
        if row.loose or not row.filled() or row_kind(row) == IND_HEADER:
            continue  # text outside the table (page numbers), blank, a repeated header
        first_col, first = row.filled()[0]
        label = base(first.text)
        if is_total(first.text) and not after_total:
            _total(grid, r, columns, out.total)
            after_total = True
        elif is_grade(first.text):
            _grade(grid, r, first_col, out.total)
        elif is_derived_line(first.text) and len(row.filled()) == 1:
            continue  # perfscore's report: a sentence derived from the table (words.py)
        elif after_total or out.notes or label.startswith(NOTE_WORDS):
            out.notes.append(" ".join(cell.text for _, cell in row.filled()))
        else:
            _indicator_row(grid, r, columns, stack, out.top)
    return out


NOTE_WORDS = tuple(word.rstrip(":") for word in NOTE_STARTS)


def _total(grid: Grid, r: int, columns: Columns, total: Doc) -> None:
    """The 总分 row: the first 分值 and 得分 cells that print a number (any level's)."""
    for key, table, what in (
        ("reported_points", columns.points, "points"),
        ("reported", columns.scores, "score"),
    ):
        for col in sorted(table.values()):
            value = reading.number(grid, r, col, what)
            if value is not None:
                total.add(key, value, source(grid, r, col))
                break
    rate = reading.rate(grid, r, columns.roles.get("rate"))
    if rate is not None:
        total.add("reported_rate", rate, source(grid, r, columns.roles["rate"]))


def _grade(grid: Grid, r: int, label_col: int, total: Doc) -> None:
    for col, cell in grid.rows[r].filled():
        if col > label_col and not is_blank(cell.text):
            total.add("reported_grade", cell.text, source(grid, r, col))
            return


def _level_cells(grid: Grid, r: int, columns: Columns) -> list[tuple[int, int, str, str]]:
    """(depth, column, text, how): how is "own", "down" (merged from above), "across"
    (merged from the left) or "blank"."""
    out = []
    for depth, col in columns.levels:
        cell = grid.rows[r].cell(col)
        if cell.origin is None:
            out.append((depth, col, cell.text, "own" if cell.text else "blank"))
            continue
        shown = reading.cell_at(grid, r, col).text
        out.append((depth, col, shown, "across" if cell.origin[0] == r else "down"))
    return out


def _indicator_row(
    grid: Grid, r: int, columns: Columns, stack: list[TreeNode], top: list[TreeNode]
) -> None:
    levels = _level_cells(grid, r, columns)
    named = [item for item in levels if item[3] in ("own", "down") and item[2]]
    if not named:
        raise fail(grid, r, columns.levels[-1][1], t("row_without_name"))
    leaf_depth, leaf_col = named[-1][0], named[-1][1]
    parent: TreeNode | None = None
    changed = False
    for depth, col, text, how in levels:
        if depth >= leaf_depth:
            break
        index = depth - 1
        current = stack[index] if index < len(stack) else None
        if how == "blank":
            if current is None or changed:
                raise fail(grid, r, col, t("level_blank", level=_level_name(depth)))
            parent = current
            continue
        name, printed = split_points(text)
        if current is not None and not changed and current.name == name:
            parent = current
            continue
        node = _parent_node(grid, r, col, depth, name, printed, columns, how)
        (parent.children if parent else top).append(node)
        del stack[index:]
        stack.append(node)
        parent, changed = node, True
    leaf = TreeNode(named[-1][2], leaf_depth, read_leaf(grid, r, leaf_col, leaf_depth, columns))
    (parent.children if parent else top).append(leaf)
    del stack[leaf_depth - 1 :]


def _level_name(depth: int) -> str:
    return t("level_n", n=NUMERALS[depth - 1] if depth <= len(NUMERALS) else depth)


def _parent_node(
    grid: Grid,
    r: int,
    col: int,
    depth: int,
    name: str,
    printed: str | None,
    columns: Columns,
    how: str,
) -> TreeNode:
    """A new ancestor: its name and, where the sheet prints them, its 分值 and 得分."""
    doc = Doc(source=row_source(grid, r))
    doc.comment = row_source(grid, r).short
    doc.add("name", name, source(grid, r, col))
    if printed is not None:
        doc.add(
            "reported_points",
            Decimal(printed),
            Source(source(grid, r, col).full, t("c_points_in_name")),
        )
    if how == "own":  # its own 分值/得分 cells (perfscore's report prints them for every level)
        for key, table, what in (
            ("reported_points", columns.points, "points"),
            ("reported", columns.scores, "score"),
        ):
            pcol = table.get(depth)
            value = reading.number(grid, r, pcol, what) if pcol is not None else None
            if value is not None and pcol is not None and not doc.has(key):
                doc.add(key, value, source(grid, r, pcol))
    return TreeNode(name, depth, doc)
