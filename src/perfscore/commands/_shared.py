"""What the command modules share beyond their options: writing outputs, running batches."""

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
    others are still written. True when all were written."""
    from ..output import write_output

    ok = True
    for path, render in outputs:
        try:
            write_output(path, render(), inputs=inputs)
        except PerfscoreError as error:
            report_error(error)
            ok = False
    return ok


def batch_files(paths: Sequence[str]) -> list[str]:
    """The files named (folders searched recursively for evaluation files and sheets);
    InputError when there are none."""
    from ..batch import SUFFIXES, expand_paths
    from ..importers import SHEET_SUFFIXES

    files = expand_paths(paths, (*SUFFIXES, *SHEET_SUFFIXES))
    if not files:
        raise InputError(Problem(t("no_input_files")))
    return files


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
) -> Iterator[Any]:
    """``work`` over the files, each row in turn: a sheet file's work gives a list of rows
    (one per table, and its 汇总表), an evaluation file's one row."""
    from ..batch import run

    for row in run(work, files, jobs=jobs, progress=advance):
        if isinstance(row, list):
            yield from row
        else:
            yield row


def collect(
    work: Callable[[str], Any], files: Sequence[str], jobs: int | None
) -> tuple[list, list]:
    """Run ``work`` over the files with a progress bar; (rows, failures)."""
    from ..batch import Failure

    rows: list = []
    failed: list[Failure] = []
    advance, stop = progress_bar(len(files))
    try:
        for row in rows_of(work, files, jobs, advance):
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
