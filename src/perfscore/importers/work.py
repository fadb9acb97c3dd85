"""Sheets in a batch: ``perfscore check`` and ``summary`` on .xlsx/.xls/.ods/.pdf files.

A sheet file is imported in memory (exactly the text ``perfscore import`` writes), then
checked and scored like any evaluation file. One file may hold many tables and a 汇总表,
so the work functions here return a list of rows: one per table (an audit row, a summary
row, or a failure naming the sheet and cell), and for a 汇总表 one audit row of its own
whose findings are the listed scores that differ from their tables'. A problem
validation finds is said at the cell its line was read from.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..audit import AuditRow, audit, audit_row
from ..batch import Failure
from ..errors import InputError, PerfscoreError, Problem
from ..messages import Messages
from ..result import Comparison
from ..summary import summarise, summary_row
from . import SHEET_SUFFIXES, Imported, Table, Unreadable, import_file, is_sheet
from .rollup import Rollup, same_project

if TYPE_CHECKING:
    from ..result import Result
    from ..summary import SummaryRow

MESSAGES = Messages(
    {
        "located": ("{where}：{message}", "{where}: {message}"),
        "rollup_name": ("汇总表", "汇总表 (summary sheet)"),
    }
)
t = MESSAGES.t

__all__ = ["SHEET_SUFFIXES", "audit_any", "score_table", "summarise_any"]


def score_table(table: Table) -> Result:
    """Check and score an imported table; problems located at their cells."""
    from ..engine import score
    from ..load import parse
    from ..validation import build_evaluation

    try:
        return score(build_evaluation(parse(table.text, table.label), table.label))
    except PerfscoreError as error:
        raise InputError([located(table, problem) for problem in error.problems]) from None


def located(table: Table, problem: Problem) -> Problem:
    """A problem on a line of the imported text, said at the cell that line came from."""
    where = None
    if problem.line is not None:
        where = next(
            (table.lines[line] for line in range(problem.line, 0, -1) if line in table.lines),
            None,
        )
    message = t("located", where=where, message=problem.message) if where else problem.message
    return Problem(message, table.file, None, problem.path)


def _imported(file: str) -> Imported | Failure:
    try:
        return import_file(file)
    except PerfscoreError as error:
        return Failure(file, tuple(error.problems))


def _unreadable(table: Unreadable) -> Failure:
    return Failure(table.label, (table.problem,))


def audit_sheet(file: str) -> list[AuditRow | Failure]:
    """The audit of every table of a sheet file, and of its 汇总表 against them."""
    imported = _imported(file)
    if isinstance(imported, Failure):
        return [imported]
    rows: list[AuditRow | Failure] = []
    scores: dict[str, Decimal] = {}
    for table in imported.tables:
        if isinstance(table, Unreadable):
            rows.append(_unreadable(table))
            continue
        try:
            result = score_table(table)
        except PerfscoreError as error:
            rows.append(Failure(table.label, tuple(error.problems)))
            continue
        scores.setdefault(table.name, result.score)
        rows.append(audit_row(table.label, result))
    rows += [_rollup_row(file, rollup, scores) for rollup in imported.rollups]
    return rows


def _rollup_row(file: str, rollup: Rollup, scores: dict[str, Decimal]) -> AuditRow:
    """Each listed score against the computed score of the table of that name."""
    checks = []
    for listed in rollup.rows:
        computed = next((s for name, s in scores.items() if same_project(name, listed.name)), None)
        ok = None if computed is None else computed == listed.score
        checks.append(Comparison(listed.name, "score", listed.score, computed, listed.row, ok))
    return AuditRow(
        f"{file}#{rollup.where}",
        t("rollup_name"),
        sum(1 for check in checks if check.verifiable),
        tuple(check for check in checks if check.ok is False),
        sum(1 for check in checks if not check.verifiable),
    )


def summarise_sheet(file: str) -> list[SummaryRow | Failure]:
    """The 汇总表 row of every table of a sheet file."""
    imported = _imported(file)
    if isinstance(imported, Failure):
        return [imported]
    rows: list[SummaryRow | Failure] = []
    for table in imported.tables:
        if isinstance(table, Unreadable):
            rows.append(_unreadable(table))
            continue
        try:
            result = score_table(table)
        except PerfscoreError as error:
            rows.append(Failure(table.label, tuple(error.problems)))
            continue
        rows.append(summary_row(table.label, result))
    return rows


def audit_any(file: str) -> Any:
    """``perfscore check``'s work: a sheet file's rows, or an evaluation file's one row."""
    return audit_sheet(file) if is_sheet(file) else audit(file)


def summarise_any(file: str) -> Any:
    """``perfscore summary``'s work: a sheet file's rows, or an evaluation file's one row."""
    return summarise_sheet(file) if is_sheet(file) else summarise(file)
