"""Many files at once: the 汇总表 (``perfscore summary``) and the audit (``perfscore check``).

Each file is read, checked and scored on its own; what comes back is a small
row (:class:`SummaryRow`, :class:`AuditRow` or :class:`Failure`), never the
scored tree, so that memory stays flat however many files there are. Large
batches are scored in worker processes (:func:`run`), in chunks, and the rows
are streamed back in the order of the files.

A file that cannot be read or checked becomes a :class:`Failure` with every
problem found; it never stops the rest of the batch.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

from .decimals import rate_of, round_half_up
from .errors import PerfscoreError, Problem
from .model import DEFAULT_GRADES, Evaluation

SUFFIXES = (".yaml", ".yml")
# Below this many files a pool costs more (process start-up, ~50 ms) than it saves.
PARALLEL_THRESHOLD = 48
SHARE_PLACES = 2  # the share of each grade, in percent, HALF_UP

# ---------------------------------------------------------------- the files


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files as given; folders searched recursively for *.yaml / *.yml (sorted).

    A path that does not exist is kept, so that it is reported as a failure
    (file not found) like any other unreadable file. Each file appears once.
    """
    files: list[str] = []
    seen: set[str] = set()

    def add(file: str) -> None:
        key = os.path.normpath(file)
        if key not in seen:
            seen.add(key)
            files.append(file)

    for path in paths:
        if not os.path.isdir(path):
            add(path)
            continue
        for folder, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.endswith(SUFFIXES) and not name.startswith("."):
                    add(os.path.join(folder, name))
    return files


# ---------------------------------------------------------------- the rows


@dataclass(frozen=True, slots=True)
class Failure:
    """A file that could not be scored, with every problem found in it."""

    file: str
    problems: tuple[Problem, ...]

    @property
    def error(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One line of the 汇总表: what a summary keeps of a scored file."""

    file: str
    name: str
    department: str | None
    year: Any
    points: Decimal
    score: Decimal
    rate: Decimal
    grade: str
    grade_rank: int  # position of the grade in its table, 0 = the best band
    grades: tuple[tuple[str, Decimal], ...]  # the grade table in use, best first
    precision: int
    checks: int  # published (reported) values compared
    disagreements: int  # … of which disagree

    @property
    def points_lost(self) -> Decimal:
        return self.points - self.score


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


Row = TypeVar("Row")

# ---------------------------------------------------------------- one file


def _score_file(file: str):
    # Imported here so that a worker process pays for them once, and the CLI
    # only when it scores.
    from .check import load_evaluation
    from .engine import score

    return score(load_evaluation(file))


def summarise(file: str) -> SummaryRow | Failure:
    """Score one file and keep its summary row (or its problems)."""
    try:
        result = _score_file(file)
    except PerfscoreError as error:
        return Failure(file, tuple(error.problems))
    evaluation = result.evaluation
    project = evaluation.project
    grades = evaluation.grades
    department = project.get("department")
    return SummaryRow(
        file=file, name=evaluation.name,
        department=None if department is None else str(department),
        year=project.get("year"),
        points=result.points, score=result.score, rate=result.rate, grade=result.grade,
        grade_rank=next(i for i, g in enumerate(grades) if g.name == result.grade),
        grades=tuple((g.name, g.min) for g in grades), precision=evaluation.precision,
        checks=len(result.checks), disagreements=sum(not c.ok for c in result.checks),
    )


def audit(file: str) -> AuditRow | Failure:
    """Recompute one file and list every disagreement with its published numbers."""
    try:
        result = _score_file(file)
    except PerfscoreError as error:
        return Failure(file, tuple(error.problems))
    evaluation = result.evaluation
    findings = [Finding("reported", c.path, c.of, c.reported, c.computed, c.line)
                for c in result.checks if not c.ok]
    compared = len(result.checks)
    reported_grade = evaluation.extras.get("reported_grade")
    if reported_grade is not None:
        compared += 1
        if reported_grade != result.grade:
            findings.append(Finding("reported", "", "grade", reported_grade, result.grade,
                                    evaluation.line))
    internal, count = internal_findings(evaluation)
    return AuditRow(file, evaluation.name, compared + count, tuple(findings + internal))


def internal_findings(evaluation: Evaluation) -> tuple[list[Finding], int]:
    """Contradictions among the published numbers themselves (no scoring needed).

    A published table can say a parent scored 13.5 while its children's
    published scores add up to 13; print a rate that is not its score over its
    points; or give a total and a grade that the grade table does not match.
    Returns the findings and the number of comparisons made.
    """
    from .engine import grade_for

    findings: list[Finding] = []
    compared = 0

    def node_checks(path: str, points: Decimal, reported: Decimal | None,
                    reported_rate: Decimal | None, children: Sequence[Any], line: int) -> None:
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

    node_checks("", evaluation.points, evaluation.reported, evaluation.reported_rate,
                evaluation.indicators, evaluation.line)
    for node in evaluation.walk():
        node_checks(node.path, node.points, node.reported, node.reported_rate, node.children,
                    node.line)
    reported_grade = evaluation.extras.get("reported_grade")
    if reported_grade is not None and evaluation.reported is not None:
        compared += 1
        on_100 = Fraction(evaluation.reported) * 100 / Fraction(evaluation.points)
        band = grade_for(on_100, evaluation.grades)
        if band != reported_grade:
            findings.append(Finding("band", "", "grade", reported_grade, band, evaluation.line))
    return findings, compared


# ---------------------------------------------------------------- many files


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _init_worker(lang: str) -> None:
    from .messages import set_language

    set_language(lang)


def run(work: Callable[[str], Row], files: Sequence[str], *, jobs: int | None = None,
        progress: Callable[[int], None] | None = None) -> Iterator[Row]:
    """``work(file)`` for every file, in order, in parallel when the batch is large.

    Rows are yielded as they arrive, so a caller that keeps only what it needs
    keeps memory flat. ``jobs``: worker processes (default: the usable cores;
    1 = in this process). ``progress(n)`` is called after every n files.
    """
    jobs = cpu_count() if jobs is None else max(1, jobs)
    if jobs == 1 or len(files) < PARALLEL_THRESHOLD:
        for file in files:
            yield work(file)
            if progress is not None:
                progress(1)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from .messages import language

    # Chunks big enough to make the round trip cheap, small enough to keep
    # every worker busy until the end (at least 8 chunks per worker, at most 64
    # files each: the last chunk, when one worker may work alone, stays short).
    chunk = max(1, min(64, len(files) // (jobs * 8)))
    try:
        context = multiprocessing.get_context("fork")  # workers inherit imported modules
    except ValueError:  # pragma: no cover - no fork (Windows)
        context = None
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                             initargs=(language(),)) as pool:
        # Submit a bounded window of chunks so that neither pending work nor
        # finished rows pile up in memory on a huge batch.
        chunks = (files[i:i + chunk] for i in range(0, len(files), chunk))
        window: list[Any] = []
        for part in chunks:
            window.append(pool.submit(_run_chunk, work, part))
            if len(window) >= jobs * 4:
                yield from _drain(window.pop(0), progress)
        for future in window:
            yield from _drain(future, progress)


def _run_chunk(work: Callable[[str], Row], files: Sequence[str]) -> list[Row]:
    return [work(file) for file in files]


def _drain(future: Any, progress: Callable[[int], None] | None) -> Iterator[Row]:
    rows = future.result()
    if progress is not None:
        progress(len(rows))
    yield from rows


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
        rows.sort(key=lambda r: (-r.grade_rank, Fraction(r.score) / Fraction(r.points)),
                  reverse=descending)
    else:  # pragma: no cover - the CLI offers only SORT_KEYS
        raise ValueError(key)


@dataclass(frozen=True)
class Distribution:
    """How many files got each grade, their share, and the mean score."""

    counts: dict[str, int]  # grade → files, in the order of the tables in use
    shares: dict[str, Decimal]  # grade → percent of the scored files, HALF_UP to 2 places
    mean: Decimal | None  # mean score, HALF_UP to the finest precision among the files
    tables: dict[tuple[tuple[str, Decimal], ...], int]  # grade table → files using it
    scored: int = 0

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
        self.precision = 0
        self.scored = 0

    def add(self, row: SummaryRow) -> SummaryRow:
        """Count ``row``; returns it with its grade table shared with earlier rows."""
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
        self.counts[row.grade] += 1
        self.total += row.score
        self.precision = max(self.precision, row.precision)
        self.scored += 1
        return row

    def result(self) -> Distribution:
        used = {name for table in self.tables for name, _ in table}
        counts = {name: n for name, n in self.counts.items() if name in used or n}
        if not self.tables:  # nothing scored: the default table with zeros
            counts = {g.name: 0 for g in DEFAULT_GRADES}
        n = self.scored
        shares = {name: round_half_up(Fraction(c * 100, n), SHARE_PLACES) if n else Decimal("0.00")
                  for name, c in counts.items()}
        mean = round_half_up(Fraction(self.total) / n, self.precision) if n else None
        return Distribution(counts, shares, mean, dict(self.tables), n)


def distribution(rows: Iterable[SummaryRow]) -> Distribution:
    """Grade counts and shares, and the mean score, of ``rows`` (see :class:`Tally`)."""
    tally = Tally()
    for row in rows:
        tally.add(row)
    return tally.result()
