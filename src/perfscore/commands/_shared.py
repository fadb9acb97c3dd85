"""What the command modules share beyond their options: writing outputs, running batches.

Outputs never go over an input (:mod:`perfscore.output`); in a batch, the
inputs include the answer sheets the worker processes read, which the
workers report back with each row (:class:`Tracked`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import InputError, PerfscoreError, Problem
from ..messages import Messages
from ..render.console import report_error, report_problems

if TYPE_CHECKING:
    from ..batch import Failure

MESSAGES = Messages(
    {
        "lbl_batch_failed": ("{n} 个文件无法评分：", "{n} file(s) could not be scored:"),
        "lbl_batch_progress": ("评分", "Scoring"),
        "no_input_files": (
            "没有找到评价文件（*.yaml、*.yml）或自评表（*.xlsx、*.xls、*.ods、*.pdf）",
            "no evaluation files (*.yaml, *.yml) or sheets (*.xlsx, *.xls, *.ods, *.pdf) found",
        ),
    }
)
t = MESSAGES.t

# A progress bar only for batches that take a noticeable time.
PROGRESS_THRESHOLD = 100


def write_outputs(
    outputs: Iterable[tuple[str, Callable[[], str | bytes]]], inputs: Sequence[str]
) -> bool:
    """Write each (path, render) in turn; an output that fails is reported and the
    others are still written. True when all were written. Two outputs naming one
    file are refused before either is written."""
    from ..output import check_outputs, write_output

    outputs = list(outputs)
    try:
        check_outputs([path for path, _ in outputs])
    except PerfscoreError as error:
        report_error(error)
        return False
    ok = True
    for path, render in outputs:
        try:
            write_output(path, render(), inputs=inputs)
        except PerfscoreError as error:
            report_error(error)
            ok = False
    return ok


def batch_files(paths: Sequence[str], outputs: Sequence[str | None] = ()) -> list[str]:
    """The files named (folders searched recursively for evaluation files and sheets);
    InputError when there are none.

    ``outputs`` are checked first, before any work: an output that is one of the
    files, or two outputs naming one file, are refused at once.
    """
    from ..batch import SUFFIXES, expand_paths
    from ..importers import SHEET_SUFFIXES
    from ..output import check_outputs

    files = expand_paths(paths, (*SUFFIXES, *SHEET_SUFFIXES))
    if not files:
        raise InputError(Problem(t("no_input_files")))
    check_outputs(outputs, files)
    return files


class Tracked:
    """``work(file)`` that also returns the other files the reading gate opened for it.

    Batch work runs in worker processes, whose reads the parent cannot see; the
    answer sheets an evaluation names must still never be written over.
    """

    def __init__(self, work: Callable[[str], Any]) -> None:
        self.work = work

    def __call__(self, file: str) -> tuple[Any, tuple[str, ...]]:
        from ..batch import others, watch_reads

        with watch_reads() as opened:
            row = self.work(file)
        return row, others(file, opened)


def run_tracked(
    work: Callable[[str], Any],
    files: Sequence[str],
    inputs: list[str],
    jobs: int | None,
    progress: Callable[[int], None] | None,
    cache: bool = False,
) -> Iterator[Any]:
    """:func:`perfscore.batch.run`, adding every file the work read to ``inputs``; with
    ``cache``, unchanged files' rows come from the result cache (:mod:`perfscore.cache`)."""
    from ..batch import run

    pairs: Iterator[tuple[Any, tuple[str, ...]]]
    if cache:
        from ..cache import cached_rows

        def run_on(wrapped: Callable[[str], Any], todo: Sequence[str]) -> Iterator[Any]:
            return run(wrapped, todo, jobs=jobs, progress=progress)

        pairs = cached_rows(work, files, run_on, progress)
    else:
        pairs = run(Tracked(work), files, jobs=jobs, progress=progress)
    seen: set[str] = set()
    for row, read in pairs:
        for path in read:
            if path not in seen:  # a hit names its answer sheets again each time
                seen.add(path)
                inputs.append(path)
        yield row


def use_cache(no_cache: bool) -> bool:
    """Whether this run uses the result cache: not with ``--no-cache`` or ``PERFSCORE_NO_CACHE``."""
    if no_cache:
        return False
    from ..cache import disabled

    return not disabled()


def progress_bar(total: int) -> tuple[Callable[[int], None] | None, Callable[[], None]]:
    """A rich progress bar on standard error when the batch is large and stderr a terminal."""
    if total < PROGRESS_THRESHOLD or not sys.stderr.isatty():
        return None, lambda: None
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from ..render.console import console

    bar = Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console(stderr=True),
        transient=True,
    )
    task = bar.add_task(t("lbl_batch_progress"), total=total)
    bar.start()
    return (lambda n: bar.advance(task, n)), bar.stop


def rows_of(
    work: Callable[[str], Any],
    files: Sequence[str],
    jobs: int | None,
    advance: Callable[[int], None] | None,
    inputs: list[str],
    cache: bool = False,
) -> Iterator[Any]:
    """``work`` over the files, each row in turn: a sheet file's work gives a list of rows
    (one per table, and its 汇总表), an evaluation file's one row. Every file the work
    read (answer sheets, in worker processes too) is added to ``inputs``."""
    for row in run_tracked(work, files, inputs, jobs, advance, cache):
        if isinstance(row, list):
            yield from row
        else:
            yield row


def collect(
    work: Callable[[str], Any],
    files: Sequence[str],
    jobs: int | None,
    inputs: list[str],
    cache: bool = False,
) -> tuple[list, list]:
    """Run ``work`` over the files with a progress bar; (rows, failures). Every
    file the work read is added to ``inputs``."""
    from ..batch import Failure

    rows: list = []
    failed: list[Failure] = []
    advance, stop = progress_bar(len(files))
    try:
        for row in rows_of(work, files, jobs, advance, inputs, cache):
            (failed if isinstance(row, Failure) else rows).append(row)
    finally:
        stop()
    return rows, failed


def report_failures(failed: Sequence[Failure]) -> None:
    """The files that could not be scored, each with its problems, on standard error."""
    if not failed:
        return
    import typer

    typer.secho(t("lbl_batch_failed", n=len(failed)), err=True, fg="red", bold=True)
    for failure in failed:
        report_problems(failure.problems)
