"""One leaf row of the indicator table → its node: name, 分值, scoring form, the rest of the row.

The scoring form follows from what the row prints (docs/import.md, "The scoring form of a
leaf"): a target and an actual are scored by perfscore and the printed 得分 is ``reported``;
a word target's printed 得分 is also the evaluator's ``score`` where the rules give the
evaluator one (rules.md §5: a target not met, or a met one scored inside the 达成 tier); a
row with a 得分 but not both a target and an actual is judged, the lone value kept in its
note; a 得分 of 不适用 is ``applicable: false``; a row that prints nothing to score, or says
it was not captured (perfscore's own report: 得分 未录入, 评分依据 原表此处未能录入：…), is
``captured: false`` with its note.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..expr import parse_expression
from ..messages import Messages
from ..rules.judged import MET, in_level
from ..rules.targets import states_achievement, words_match
from . import reading
from .cells import Grid, key, text_number
from .columns import Columns
from .reading import row_source, source
from .words import NOT_CAPTURED, NOT_CAPTURED_SAID, UNKNOWN_POINTS, base, is_blank, split_note
from .writer import Doc, Source

MESSAGES = Messages(
    {
        "note_column": ("{header}：{text}", "{header}: {text}"),
        "not_captured": (
            "原表此处未印出指标值、实际完成值和得分，无法评分",
            "the sheet prints no target, actual or score on this row: it cannot be scored",
        ),
        "c_score_judged": ("得分 → score（评价人打分）", "score → score (the evaluator's)"),
        "c_na": ("得分“{text}” → 不适用", "score '{text}' → not applicable"),
        "c_joined": ("{cells} 合并", "{cells} joined"),
        "c_not_captured": ("“{text}” → 未能录入", "'{text}' → not captured"),
    }
)
t = MESSAGES.t


@dataclass(frozen=True)
class Value:
    """A target or an actual as the row prints it ('' when blank), and its cell."""

    text: str
    cell: Source | None
    column: int | None


NONE = Value("", None, None)


def read_leaf(grid: Grid, r: int, col: int, depth: int, columns: Columns) -> Doc:
    """One leaf: its name, 分值, scoring form and the rest of its row, each from its cell."""
    doc = Doc(source=row_source(grid, r))
    doc.comment = row_source(grid, r).short
    doc.add("name", reading.cell_at(grid, r, col).text, source(grid, r, col))
    pcol, scol = columns.owned(depth, "points"), columns.owned(depth, "score")
    said = _said_not_captured(grid, r, scol, columns)
    if said is not None:
        _not_captured(grid, r, pcol, columns, doc, said)
        return doc
    points = reading.number(grid, r, pcol, "points")
    if points is not None and pcol is not None:
        doc.add("points", points, source(grid, r, pcol))
    if reading.not_applicable(grid, r, scol) and scol is not None:
        doc.add(
            "applicable", False, _noted(grid, r, scol, t("c_na", text=reading.text(grid, r, scol)))
        )
        _rest(grid, r, columns, doc)
        return doc
    score = reading.number(grid, r, scol, "score")
    target, actual = _target_actual(grid, r, columns)
    notes: list[tuple[str, Source]] = []
    if target.text and actual.text:
        _add(doc, target, actual)
        if score is not None and scol is not None:
            if _judged(target.text, actual.text, score, points):
                doc.add("score", score, _noted(grid, r, scol, t("c_score_judged")))
            doc.add("reported", score, source(grid, r, scol))
    elif score is not None and scol is not None:
        doc.add("score", score, _noted(grid, r, scol, t("c_score_judged")))
        notes = [_lone(value, columns) for value in (target, actual) if value.text]
    elif target.text or actual.text:
        _add(doc, target, actual)  # one of the two, nothing to judge: validation says so
    else:
        doc.entries.insert(1, ("captured", False, None))
        doc.add("note", t("not_captured"))
        return doc
    _rest(grid, r, columns, doc, notes)
    return doc


def _said_not_captured(grid: Grid, r: int, scol: int | None, columns: Columns) -> Source | None:
    """The cell saying this row was not captured (a 得分 of 未录入, or a 评分依据 that starts
    原表此处未能录入, as perfscore's own report prints them), else None."""
    score = reading.text(grid, r, scol)
    if scol is not None and base(score) in NOT_CAPTURED:
        return _noted(grid, r, scol, t("c_not_captured", text=score))
    bcol = columns.roles.get("basis")
    basis = reading.text(grid, r, bcol)
    if bcol is not None and key(basis).startswith(NOT_CAPTURED_SAID):
        return _noted(grid, r, bcol, t("c_not_captured", text=NOT_CAPTURED_SAID))
    return None


def _not_captured(
    grid: Grid, r: int, pcol: int | None, columns: Columns, doc: Doc, said: Source
) -> None:
    """A part not captured: its points where the row prints them (a ? or a 0 beside
    未录入 says they are unknown), and its note, the rest of the 原表此处未能录入 sentence."""
    doc.add("captured", False, said)
    shown = reading.text(grid, r, pcol)
    if pcol is not None and key(shown) not in UNKNOWN_POINTS:
        points = reading.number(grid, r, pcol, "points")
        if points is not None and points > 0:
            doc.add("points", points, source(grid, r, pcol))
    bcol = columns.roles.get("basis")
    basis = reading.text(grid, r, bcol)
    if bcol is None or is_blank(basis):
        return
    cell = source(grid, r, bcol)
    if key(basis).startswith(NOT_CAPTURED_SAID):
        note = basis.strip()[len(NOT_CAPTURED_SAID) :].lstrip("：: ")
        if note:
            doc.add("note", note, cell)
        return
    doc.add("basis", basis, cell)


def _noted(grid: Grid, r: int, col: int, note: str) -> Source:
    cell = source(grid, r, col)
    return Source(cell.full, f"{cell.short} {note}")


def _joined(operator: str, value: str, unit: str) -> str:
    """The national template's 计算符号 | 指标值 | 计量单位 as one cell: "≥" "45" "人" → "≥45人"."""
    op = "" if base(operator) in ("定性", "定量") else operator.strip()
    shown = value.strip()
    if unit and text_number(shown) is not None:
        shown += unit.strip()
    return f"{op}{shown}" if shown else ""


def _target_actual(grid: Grid, r: int, columns: Columns) -> tuple[Value, Value]:
    roles = columns.roles
    op_col, unit_col = roles.get("operator"), roles.get("unit")
    unit = reading.text(grid, r, unit_col)
    out: list[Value] = []
    for role in ("target", "actual"):
        col = roles.get(role)
        value = reading.text(grid, r, col)
        if col is None or not value or is_blank(value):
            out.append(NONE)
            continue
        operator = reading.text(grid, r, op_col) if role == "target" else ""
        joined = _joined(operator, value, unit)
        cell = source(grid, r, col)
        used = [c for c in (op_col if role == "target" else None, col, unit_col) if c is not None]
        if len(used) > 1 and joined != value:
            cells = "+".join(source(grid, r, c).short for c in sorted(used))
            cell = Source(cell.full, t("c_joined", cells=cells))
        out.append(Value(joined, cell, col))
    return out[0], out[1]


def _add(doc: Doc, target: Value, actual: Value) -> None:
    if target.text:
        doc.add("target", target.text, target.cell)
    if actual.text:
        doc.add("actual", actual.text, actual.cell)


def _lone(value: Value, columns: Columns) -> tuple[str, Source]:
    """A target (or an actual) printed without the other, for the note: "header：text"."""
    assert value.column is not None and value.cell is not None
    header = columns.headers.get(value.column, "")
    return t("note_column", header=header, text=value.text), value.cell


def _judged(target: str, actual: str, score: Decimal, points: Decimal | None) -> bool:
    """Whether a word target's printed 得分 is the evaluator's score (docs/rules.md §5): the
    actual does not meet it, or it is met and scored below full inside the 达成 tier (a met
    target scored below that tier is only ``reported``: a finding)."""
    wanted, got = parse_expression(target), parse_expression(actual)
    if not wanted.is_word:
        return False
    if not (words_match(wanted, got) or states_achievement(got)):
        return True
    return points is not None and score < points and in_level(score, MET, points)


def _rest(
    grid: Grid, r: int, columns: Columns, doc: Doc, notes: list[tuple[str, Source]] | None = None
) -> None:
    """The row's other printed cells: 得分率, 偏差原因 (basis), and every column of no known
    role, kept in ``note`` as "header：text" (never dropped), after ``notes``."""
    roles = columns.roles
    rate = reading.rate(grid, r, roles.get("rate"))
    if rate is not None:
        doc.add("reported_rate", rate, source(grid, r, roles["rate"]))
    basis = reading.text(grid, r, roles.get("basis"))
    found = list(notes or [])
    if basis and not is_blank(basis):
        cell = source(grid, r, roles["basis"])
        basis, note = split_note(basis)
        if basis:
            doc.add("basis", basis, cell)
        if note:
            found.insert(0, (note, cell))
    for col, header in columns.others:
        value = reading.text(grid, r, col)
        if value and not is_blank(value):
            found.append((t("note_column", header=header, text=value), source(grid, r, col)))
    if found:
        cells = "、".join(cell.short for _, cell in found)
        doc.add("note", "；".join(text for text, _ in found), Source(found[0][1].full, cells))
