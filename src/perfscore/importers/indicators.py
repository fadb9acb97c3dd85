"""The indicator rows of a 自评表 → the indicator tree, every printed cell as printed.

The header's words give each column its role (:mod:`.words`). A row is one leaf: its
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

from ..expr import parse_expression
from ..messages import Messages
from ..rules.targets import states_achievement, words_match
from . import reading
from .cells import Grid, text_number
from .layout import IND_HEADER, row_kind
from .reading import fail, row_source, source
from .words import (
    NOTE_STARTS,
    base,
    indicator_role,
    is_blank,
    is_grade,
    is_total,
    split_points,
)
from .writer import Doc, Source

MESSAGES = Messages(
    {
        "header_missing": ("指标表头缺少“{what}”列", "the indicator header has no '{what}' column"),
        "header_merged": (
            "表头的合并单元格 {cells} 跨越了多列，而下方各行在这些列中各有内容，无法确定各列的含义；请取消合并后再试",
            "the header's merged cell {cells} spans several columns that hold separate values "
            "below it, so the columns cannot be told apart; unmerge it and retry",
        ),
        "row_without_name": ("指标行没有指标名称", "the indicator row has no indicator name"),
        "level_blank": (
            "{level}为空，上方也没有可沿用的{level}",
            "the {level} cell is blank and there is none above it to continue",
        ),
        "level_n": ("{n}级指标", "level-{n} indicator"),
        "note_column": ("{header}：{text}", "{header}: {text}"),
        "not_captured": (
            "原表此行未印出指标值、实际完成值和得分，无法评分",
            "the sheet prints no target, actual or score on this row: it cannot be scored",
        ),
        "c_score_judged": ("得分 → score（评价人打分）", "score → score (the evaluator's)"),
        "c_na": ("得分“{text}” → 不适用", "score '{text}' → not applicable"),
        "c_points_in_name": ("名称中印出的分值", "the points printed in the name"),
        "c_joined": ("{cells} 合并", "{cells} joined"),
    }
)
t = MESSAGES.t

NUMERALS = "一二三四"


@dataclass
class Columns:
    """The roles of an indicator header's columns."""

    levels: list[tuple[int, int]]  # (depth, column), left to right
    roles: dict[str, int]  # target, actual, operator, unit, rate, basis, label → column
    points: dict[int, int]  # depth → the 分值 column it owns
    scores: dict[int, int]  # depth → the 得分 column it owns
    others: list[tuple[int, str]]  # columns of no known role: (column, header)

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
    for col, cell in grid.rows[row].filled():
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
    return Columns(levels, roles, owned["points"], owned["score"], others)


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
    for r in range(header + 1, end):
        row = grid.rows[r]
        if row.loose or not row.filled() or row_kind(row) == IND_HEADER:
            continue  # text outside the table (page numbers), blank, a repeated header
        first_col, first = row.filled()[0]
        label = base(first.text)
        if is_total(first.text):
            _total(grid, r, columns, out.total)
        elif is_grade(first.text):
            _grade(grid, r, first_col, out.total)
        elif label.startswith(tuple(word.rstrip(":") for word in NOTE_STARTS)) or out.notes:
            out.notes.append(" ".join(cell.text for _, cell in row.filled()))
        else:
            _indicator_row(grid, r, columns, stack, out.top)
    return out


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
    leaf = TreeNode(named[-1][2], leaf_depth, _leaf(grid, r, leaf_col, leaf_depth, columns))
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


def _joined(operator: str, value: str, unit: str) -> str:
    """The national template's 计算符号 | 指标值 | 计量单位 as one cell: "≥" "45" "人" → "≥45人"."""
    op = "" if base(operator) in ("定性", "定量") else operator.strip()
    shown = value.strip()
    if unit and text_number(shown) is not None:
        shown += unit.strip()
    return f"{op}{shown}" if shown else ""


def _leaf(grid: Grid, r: int, col: int, depth: int, columns: Columns) -> Doc:
    """One leaf: its name, 分值, scoring form and the rest of its row, each from its cell."""
    doc = Doc(source=row_source(grid, r))
    doc.comment = row_source(grid, r).short
    doc.add("name", reading.cell_at(grid, r, col).text, source(grid, r, col))
    pcol, scol = columns.owned(depth, "points"), columns.owned(depth, "score")
    points = reading.number(grid, r, pcol, "points")
    if points is not None and pcol is not None:
        doc.add("points", points, source(grid, r, pcol))
    target, actual = _target_actual(grid, r, columns)
    if reading.not_applicable(grid, r, scol) and scol is not None:
        doc.add(
            "applicable", False, _noted(grid, r, scol, t("c_na", text=reading.text(grid, r, scol)))
        )
        _rest(grid, r, columns, doc)
        return doc
    score = reading.number(grid, r, scol, "score")
    if target[0] or actual[0]:
        _add_target(doc, target, actual)
        if score is not None and scol is not None:
            if _needs_judgement(target[0], actual[0]):
                doc.add("score", score, _noted(grid, r, scol, t("c_score_judged")))
            doc.add("reported", score, source(grid, r, scol))
    elif score is not None and scol is not None:
        doc.add("score", score, _noted(grid, r, scol, t("c_score_judged")))
    else:
        doc.entries.insert(1, ("captured", False, None))
        doc.add("note", t("not_captured"))
        return doc
    _rest(grid, r, columns, doc)
    return doc


def _noted(grid: Grid, r: int, col: int, note: str) -> Source:
    cell = source(grid, r, col)
    return Source(cell.full, f"{cell.short} {note}")


def _target_actual(grid: Grid, r: int, columns: Columns) -> tuple[tuple[str, Source | None], ...]:
    roles = columns.roles
    op_col, unit_col = roles.get("operator"), roles.get("unit")
    unit = reading.text(grid, r, unit_col)
    out: list[tuple[str, Source | None]] = []
    for role in ("target", "actual"):
        col = roles.get(role)
        value = reading.text(grid, r, col)
        if col is None or not value or is_blank(value):
            out.append(("", None))
            continue
        operator = reading.text(grid, r, op_col) if role == "target" else ""
        joined = _joined(operator, value, unit)
        cell = source(grid, r, col)
        used = [c for c in (op_col if role == "target" else None, col, unit_col) if c is not None]
        if len(used) > 1 and joined != value:
            cells = "+".join(source(grid, r, c).short for c in sorted(used))
            cell = Source(cell.full, t("c_joined", cells=cells))
        out.append((joined, cell))
    return tuple(out)


def _add_target(
    doc: Doc, target: tuple[str, Source | None], actual: tuple[str, Source | None]
) -> None:
    if target[0]:
        doc.add("target", target[0], target[1])
    if actual[0]:
        doc.add("actual", actual[0], actual[1])


def _needs_judgement(target: str, actual: str) -> bool:
    """A word target the actual does not meet (docs/rules.md §5): the printed 得分 is the
    evaluator's score, which perfscore then takes as judged."""
    if not target or not actual:
        return False
    wanted, got = parse_expression(target), parse_expression(actual)
    return wanted.is_word and not (words_match(wanted, got) or states_achievement(got))


def _rest(grid: Grid, r: int, columns: Columns, doc: Doc) -> None:
    """The row's other printed cells: 得分率, 偏差原因 (basis), and every column of no known
    role, kept in ``note`` as "header：text" (never dropped)."""
    roles = columns.roles
    rate = reading.rate(grid, r, roles.get("rate"))
    if rate is not None:
        doc.add("reported_rate", rate, source(grid, r, roles["rate"]))
    basis = reading.text(grid, r, roles.get("basis"))
    if basis and not is_blank(basis):
        doc.add("basis", basis, source(grid, r, roles["basis"]))
    notes = []
    sources = []
    for col, header in columns.others:
        value = reading.text(grid, r, col)
        if value and not is_blank(value):
            notes.append(t("note_column", header=header, text=value))
            sources.append(source(grid, r, col).short)
    if notes:
        doc.add(
            "note",
            "；".join(notes),
            Source(source(grid, r, columns.others[0][0]).full, "、".join(sources)),
        )
