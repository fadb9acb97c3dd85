"""``perfscore summary PATH...``: the 汇总表 of many evaluations (seed 02's 自评结果汇总表).

序号 | 项目名称 | 部门 | 得分 | 等级 | 失分, sorted as asked, then the grade
distribution (count and share per grade) and the mean score. ``--json`` and
``--csv`` write the same table; files that fail are listed with their errors
and the exit code is 1.
"""

# No "from __future__ import annotations": typer reads the option annotations of the
# command defined inside register(), where Lang and LangOption are local names.
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..messages import register as register_messages
from ..messages import t

if TYPE_CHECKING:
    from ..batch import Failure

register_messages({
    "lbl_batch_failed": ("{n} 个文件无法评分：", "{n} file(s) could not be scored:"),
    "lbl_batch_progress": ("评分", "Scoring"),
    "no_input_files": ("没有找到评价文件（*.yaml、*.yml）", "no evaluation files (*.yaml, *.yml) found"),
})

# A progress bar only for batches that take a noticeable time.
PROGRESS_THRESHOLD = 100


class SortKey(str, Enum):
    file = "file"
    name = "name"
    score = "score"
    grade = "grade"


def register(app: typer.Typer) -> None:
    from ..cli import Lang, LangOption

    @app.command()
    def summary(
        paths: Annotated[list[str], typer.Argument(
            help="评价文件或文件夹（递归查找 *.yaml、*.yml）/ files, or folders searched recursively.",
            metavar="PATH...")],
        sort: Annotated[SortKey, typer.Option(
            "--sort", help="排序：file（默认，按文件路径）、name、score、grade / sort key.")] = SortKey.file,
        desc: Annotated[bool, typer.Option(
            "--desc", help="降序（如 --sort score --desc：得分从高到低）/ descending.")] = False,
        json_path: Annotated[Optional[str], typer.Option(
            "--json", metavar="PATH", help="写出 JSON；- 为标准输出 / write JSON; - for stdout.")] = None,
        csv_path: Annotated[Optional[str], typer.Option(
            "--csv", metavar="PATH", help="写出 CSV（UTF-8，带 BOM）/ write CSV (UTF-8 with BOM).")] = None,
        jobs: Annotated[Optional[int], typer.Option(
            "--jobs", "-j", min=1, help="并行进程数（默认：CPU 核数）/ worker processes.")] = None,
        lang: LangOption = Lang.zh,
    ) -> None:
        """汇总表：多个评价文件的得分、等级、失分与等级分布 / summary table of many evaluations."""
        from ..cli import _set_lang

        _set_lang(lang)
        raise typer.Exit(run_summary(paths, sort.value, desc, json_path, csv_path, jobs))


def progress_bar(total: int) -> tuple[Callable[[int], None] | None, Callable[[], None]]:
    """A rich progress bar on standard error when the batch is large and stderr a terminal."""
    if total < PROGRESS_THRESHOLD or not sys.stderr.isatty():
        return None, lambda: None
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeRemainingColumn)

    from ..cli import console

    bar = Progress(TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
                   TimeRemainingColumn(), console=console(stderr=True), transient=True)
    task = bar.add_task(t("lbl_batch_progress"), total=total)
    bar.start()
    return (lambda n: bar.advance(task, n)), bar.stop


def collect(work: Callable[[str], Any], files: Sequence[str], jobs: int | None) -> tuple[list, list]:
    """Run ``work`` over the files (in parallel when large), with a progress bar."""
    from ..batch import Failure, run

    rows: list = []
    failed: list["Failure"] = []
    advance, stop = progress_bar(len(files))
    try:
        for row in run(work, files, jobs=jobs, progress=advance):
            (failed if isinstance(row, Failure) else rows).append(row)
    finally:
        stop()
    return rows, failed


def report_failures(failed: Sequence["Failure"]) -> None:
    if not failed:
        return
    typer.secho(t("lbl_batch_failed", n=len(failed)), err=True, fg="red", bold=True)
    for failure in failed:
        for problem in failure.problems:
            typer.secho(str(problem), err=True, fg="red")


def run_summary(paths: Sequence[str], sort: str, desc: bool, json_path: Optional[str],
                csv_path: Optional[str], jobs: Optional[int]) -> int:
    """The whole command; returns the exit code.

    In file order (the default) with no JSON or CSV, each row is printed as it
    arrives and only the tally is kept, so memory does not grow with the number
    of files; sorting or exporting keeps one small row per file.
    """
    from ..batch import Failure, Tally, expand_paths, run, sort_rows, summarise
    from ..errors import EXIT_INPUT, EXIT_OK, PerfscoreError, Problem
    from ..output import STDOUT, write_output
    from ..render.batch import TablePrinter, summary_csv, summary_json

    files = expand_paths(paths)
    if not files:
        typer.secho(str(Problem(t("no_input_files"))), err=True, fg="red")
        return EXIT_INPUT
    keep = sort != "file" or desc or json_path is not None or csv_path is not None
    printer = None if json_path == STDOUT else TablePrinter()
    tally = Tally()
    rows: list = []
    failed: list = []
    advance, stop = progress_bar(len(files))
    if advance is not None and sys.stdout.isatty():
        keep = True  # one terminal: print the table after the bar, not through it
    try:
        for row in run(summarise, files, jobs=jobs, progress=advance):
            if isinstance(row, Failure):
                failed.append(row)
                continue
            row = tally.add(row)
            if keep:
                rows.append(row)
            elif printer is not None:
                printer.add(row)
    finally:
        stop()
    if keep:
        sort_rows(rows, sort, desc)
        if printer is not None:
            for row in rows:
                printer.add(row)
    dist = tally.result()
    if printer is not None:
        printer.finish(dist)
    report_failures(failed)
    status = EXIT_INPUT if failed else EXIT_OK
    outputs = []
    if json_path is not None:
        outputs.append((json_path, lambda: summary_json(rows, dist, failed)))
    if csv_path is not None:
        outputs.append((csv_path, lambda: summary_csv(rows, failed)))
    for path, render in outputs:
        try:
            write_output(path, render(), inputs=files)
        except PerfscoreError as error:
            for problem in error.problems:
                typer.secho(str(problem), err=True, fg="red")
            status = EXIT_INPUT
    return status
