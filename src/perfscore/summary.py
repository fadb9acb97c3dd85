"""The 汇总表 of many files (``perfscore summary``): one small row per file, and the distribution.

:func:`summarise` is the batch's work function (:func:`perfscore.batch.run`);
:class:`Tally` adds the grade distribution up one row at a time, so that a
streamed summary keeps nothing per file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .batch import Failure, score_file
from .decimals import round_half_up
from .errors import PerfscoreError
from .model import DEFAULT_GRADES
from .records import record
from .result import Result

SHARE_PLACES = 2  # the share of each grade, in percent, HALF_UP


@record
class SummaryRow:
    """One line of the 汇总表: what a summary keeps of a scored file."""

    file: str
    name: str
    department: str | None
    year: Any
    points: Decimal
    score: Decimal
    rate: Decimal
    grade: str | None  # None for a file captured in part (no grade)
    grade_rank: int  # position of the grade in its table, 0 = the best band (partial: last)
    grades: tuple[tuple[str, Decimal], ...]  # the grade table in use, best first
    precision: int
    checks: int  # checks of published numbers made
    disagreements: int  # … of which disagree
    partial: bool = False  # a part of the sheet was not captured: the score is a lower bound

    @property
    def points_lost(self) -> Decimal:
        return self.points - self.score


def summarise(file: str) -> SummaryRow | Failure:
    """Score one file and keep its summary row (or its problems)."""
    try:
        result = score_file(file, warnings=False)  # a row shows no warning
    except PerfscoreError as error:
        return Failure(file, tuple(error.problems))
    return summary_row(file, result)


def summary_row(file: str, result: Result) -> SummaryRow:
    """The 汇总表 row of a scored evaluation (a file, or a table of a sheet file)."""
    evaluation = result.evaluation
    project = evaluation.project
    grades = evaluation.grades
    department = project.get("department")
    return SummaryRow(
        file=file,
        name=evaluation.name,
        department=None if department is None else str(department),
        year=project.get("year"),
        points=result.points,
        score=result.score,
        rate=result.rate,
        grade=result.grade,
        grade_rank=next((i for i, g in enumerate(grades) if g.name == result.grade), len(grades)),
        grades=tuple((g.name, g.min) for g in grades),
        precision=evaluation.precision,
        checks=sum(1 for c in result.checks if c.verifiable),
        disagreements=sum(1 for c in result.checks if c.ok is False),
        partial=result.partial,
    )


# ---------------------------------------------------------------- the table

SORT_KEYS = ("file", "name", "score", "grade")


def sort_rows(rows: list[SummaryRow], key: str = "file", descending: bool = False) -> None:
    """Sort in place. Ties keep the order of the files (sorting is stable).

    ``file`` is the order of the files as named (folders expanded in path
    order), so it needs no sorting; ``grade`` sorts from the worst band to the
    best (the band's place in its own table, then the score); ``descending``
    reverses any key.
    """
    if key == "file":
        if descending:
            rows.reverse()
        return
    if key == "name":
        rows.sort(key=lambda r: r.name, reverse=descending)
    elif key == "score":
        rows.sort(key=lambda r: Fraction(r.score) / Fraction(r.points), reverse=descending)
    elif key == "grade":
        rows.sort(
            key=lambda r: (-r.grade_rank, Fraction(r.score) / Fraction(r.points)),
            reverse=descending,
        )
    else:  # pragma: no cover - the CLI offers only SORT_KEYS
        raise ValueError(key)


@record
class Distribution:
    """How many files got each grade, their share, and the mean score."""

    counts: dict[str, int]  # grade → files, in the order of the tables in use
    shares: dict[str, Decimal]  # grade → percent of the scored files, HALF_UP to 2 places
    mean: Decimal | None  # mean score, HALF_UP to the finest precision among the files
    tables: dict[tuple[tuple[str, Decimal], ...], int]  # grade table → files using it
    scored: int = 0  # files graded (those captured in part are not)
    partial: int = 0  # files captured in part: listed, neither graded nor averaged
    bases: tuple[Decimal, ...] = ()  # the points the graded files are out of, ascending
    mean_rate: Decimal | None = None  # mean 得分率 (percent, 2 places): what averages over bases

    @property
    def mixed_bases(self) -> bool:
        return len(self.bases) > 1

    @property
    def mixed_tables(self) -> bool:
        return len(self.tables) > 1


class Tally:
    """The distribution, added up one row at a time (nothing per file is kept).

    Files graded on different tables are counted by the grade each was given
    on its own table (a 良 is counted as 良 whichever table awarded it): that
    is the grade the file reports. The grades are listed in the order of the
    default table (优, 良, 中, 差), then any other grade names in the order of
    their tables; ``tables`` says which tables were used, so that a mix is shown.
    """

    def __init__(self) -> None:
        self.counts: dict[str, int] = {g.name: 0 for g in DEFAULT_GRADES}
        self.tables: dict[tuple[tuple[str, Decimal], ...], int] = {}
        self.total = Decimal(0)
        self.total_rate = Fraction(0)
        self.bases: set[Decimal] = set()
        self.precision = 0
        self.scored = 0
        self.partial = 0

    def add(self, row: SummaryRow) -> SummaryRow:
        """Count ``row``; returns it with its grade table shared with earlier rows. A file
        captured in part has no grade: it is counted apart, not in the mean."""
        grade = row.grade
        if grade is None:
            self.partial += 1
            return row
        table = row.grades
        if table in self.tables:
            self.tables[table] += 1
            shared = next(t for t in self.tables if t == table)
            if shared is not table:
                row = replace(row, grades=shared)
        else:
            self.tables[table] = 1
            for name, _ in table:
                self.counts.setdefault(name, 0)
        self.counts[grade] += 1
        self.total += row.score
        self.total_rate += Fraction(row.score) * 100 / Fraction(row.points)
        self.bases.add(row.points)
        self.precision = max(self.precision, row.precision)
        self.scored += 1
        return row

    def result(self) -> Distribution:
        used = {name for table in self.tables for name, _ in table}
        counts = {name: n for name, n in self.counts.items() if name in used or n}
        if not self.tables:  # nothing scored: the default table with zeros
            counts = {g.name: 0 for g in DEFAULT_GRADES}
        n = self.scored
        shares = {
            name: round_half_up(Fraction(c * 100, n), SHARE_PLACES) if n else Decimal("0.00")
            for name, c in counts.items()
        }
        mean = round_half_up(Fraction(self.total) / n, self.precision) if n else None
        mean_rate = round_half_up(self.total_rate / n, SHARE_PLACES) if n else None
        return Distribution(
            counts,
            shares,
            mean,
            dict(self.tables),
            n,
            self.partial,
            tuple(sorted(self.bases)),
            mean_rate,
        )


def distribution(rows: Iterable[SummaryRow]) -> Distribution:
    """Grade counts and shares, and the mean score, of ``rows`` (see :class:`Tally`)."""
    tally = Tally()
    for row in rows:
        tally.add(row)
    return tally.result()
