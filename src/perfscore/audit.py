"""The audit (``perfscore check``): every published number recomputed, every contradiction listed.

:func:`audit` is the batch's work function (:func:`perfscore.batch.run`): it
recomputes one file and returns an :class:`AuditRow` of its findings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .batch import Failure, score_file
from .decimals import rate_of
from .engine import grade_of
from .errors import PerfscoreError
from .model import Evaluation


@dataclass(frozen=True, slots=True)
class Finding:
    """One disagreement found by the audit.

    ``kind``: ``reported`` (a published value ≠ the computed one), ``sum`` (a
    published parent score ≠ the sum of its children's published scores),
    ``rate`` (a published rate ≠ its published score / points), ``band`` (the
    published total does not fall in the published grade's band).
    ``expected`` is the computed value, or for the internal kinds the value
    the other published numbers imply.
    """

    kind: str
    path: str  # "" for the whole evaluation
    of: str  # "score", "rate" or "grade"
    reported: Decimal | str
    expected: Decimal | str
    line: int

    @property
    def difference(self) -> Decimal | None:
        if isinstance(self.reported, Decimal) and isinstance(self.expected, Decimal):
            return self.expected - self.reported
        return None


@dataclass(frozen=True, slots=True)
class AuditRow:
    """The audit of one file: how many comparisons were made and what disagreed."""

    file: str
    name: str
    compared: int
    findings: tuple[Finding, ...]


def audit(file: str) -> AuditRow | Failure:
    """Recompute one file and list every disagreement with its published numbers."""
    try:
        result = score_file(file)
    except PerfscoreError as error:
        return Failure(file, tuple(error.problems))
    evaluation = result.evaluation
    findings = [
        Finding("reported", c.path, c.of, c.reported, c.computed, c.line)
        for c in result.checks
        if not c.ok
    ]
    compared = len(result.checks)
    reported_grade = evaluation.extras.get("reported_grade")
    if reported_grade is not None:
        compared += 1
        if reported_grade != result.grade:
            findings.append(
                Finding("reported", "", "grade", reported_grade, result.grade, evaluation.line)
            )
    internal, count = internal_findings(evaluation)
    return AuditRow(file, evaluation.name, compared + count, tuple(findings + internal))


def internal_findings(evaluation: Evaluation) -> tuple[list[Finding], int]:
    """Contradictions among the published numbers themselves (no scoring needed).

    A published table can say a parent scored 13.5 while its children's
    published scores add up to 13; print a rate that is not its score over its
    points; or give a total and a grade that the grade table does not match.
    Returns the findings and the number of comparisons made.
    """
    findings: list[Finding] = []
    compared = 0

    def node_checks(
        path: str,
        points: Decimal,
        reported: Decimal | None,
        reported_rate: Decimal | None,
        children: Sequence[Any],
        line: int,
    ) -> None:
        nonlocal compared
        if reported is not None and children and all(c.reported is not None for c in children):
            compared += 1
            total = sum((c.reported for c in children), Decimal(0))
            if total != reported:
                findings.append(Finding("sum", path, "score", reported, total, line))
        if reported is not None and reported_rate is not None:
            compared += 1
            rate = rate_of(reported, points)
            if rate != reported_rate:
                findings.append(Finding("rate", path, "rate", reported_rate, rate, line))

    node_checks(
        "",
        evaluation.points,
        evaluation.reported,
        evaluation.reported_rate,
        evaluation.indicators,
        evaluation.line,
    )
    for node in evaluation.walk():
        node_checks(
            node.path, node.points, node.reported, node.reported_rate, node.children, node.line
        )
    reported_grade = evaluation.extras.get("reported_grade")
    if reported_grade is not None and evaluation.reported is not None:
        compared += 1
        band = grade_of(evaluation.reported, evaluation.points, evaluation.grades)
        if band != reported_grade:
            findings.append(Finding("band", "", "grade", reported_grade, band, evaluation.line))
    return findings, compared
