"""The audit (``perfscore check``): every published number recomputed, every contradiction listed.

:func:`audit` is the batch's work function (:func:`perfscore.batch.run`): it scores one
file and keeps what the audit reports of it, an :class:`AuditRow`: how many checks were
made (:mod:`perfscore.comparisons`, the same checks ``perfscore evaluate`` shows), which
failed, and how many could not be made because a part of the sheet was not captured.
"""

from __future__ import annotations

from .batch import Failure, score_file
from .errors import PerfscoreError
from .records import record
from .result import Comparison, Result


@record
class AuditRow:
    """The audit of one file."""

    file: str
    name: str
    compared: int  # checks made
    findings: tuple[Comparison, ...]  # … of which disagree
    unverifiable: int = 0  # checks that could not be made (a part not captured)
    partial: bool = False


def audit(file: str) -> AuditRow | Failure:
    """Recompute one file and list every check of its published numbers that fails."""
    try:
        result = score_file(file, warnings=False)  # a row shows no warning
    except PerfscoreError as error:
        return Failure(file, tuple(error.problems))
    return audit_row(file, result)


def audit_row(file: str, result: Result) -> AuditRow:
    """The audit row of a scored evaluation (a file, or a table of a sheet file)."""
    checks = result.checks
    return AuditRow(
        file,
        result.evaluation.name,
        sum(1 for check in checks if check.verifiable),
        tuple(check for check in checks if check.ok is False),
        sum(1 for check in checks if not check.verifiable),
        result.partial,
    )
