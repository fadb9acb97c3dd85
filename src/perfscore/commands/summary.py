"""``perfscore summary PATH...``: the 汇总表 of many evaluation files (and sheets).

A sheet file (.xlsx, .xls, .ods, .pdf) is imported in memory and gives a row per table.

In file order (the default) with no JSON or CSV, each row is printed as it
arrives and only the tally is kept, so memory does not grow with the number
of files; sorting or exporting keeps one small row per file.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from typing import Annotated

import typer

from ..errors import EXIT_INPUT, EXIT_OK
from ._options import JobsOption, JsonOption, LangOption, NoCacheOption, PathsArgument


class SortKey(str, Enum):
    file = "file"
    name = "name"
    score = "score"
    grade = "grade"


def summary(
    paths: PathsArgument,
    sort: Annotated[
        SortKey,
        typer.Option(
            "--sort", help="排序：file（默认，按文件路径）、name、score、grade / sort key."
        ),
    ] = SortKey.file,
    desc: Annotated[
        bool,
        typer.Option("--desc", help="降序（如 --sort score --desc：得分从高到低）/ descending."),
    ] = False,
    json_path: JsonOption = None,
    csv_path: Annotated[
        str | None,
        typer.Option(
            "--csv", metavar="PATH", help="写出 CSV（UTF-8，带 BOM）/ write CSV (UTF-8 with BOM)."
        ),
    ] = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
) -> int:
    """汇总表：多个评价文件的得分、等级、失分与等级分布 / summary table of many evaluations."""
    from ..batch import Failure
    from ..importers.work import summarise_any
    from ..output import STDOUT
    from ..render.summary import TablePrinter, summary_csv, summary_json
    from ..summary import Tally, sort_rows
    from ._shared import (
        batch_files,
        progress_bar,
        report_failures,
        rows_of,
        use_cache,
        write_outputs,
    )

    files = batch_files(paths, outputs=[json_path, csv_path])
    inputs = list(files)  # and the answer sheets the files name, as the workers read them
    keep = sort is not SortKey.file or desc or json_path is not None or csv_path is not None
    # An export on standard output is all that goes there: no table around it.
    printer = None if STDOUT in (json_path, csv_path) else TablePrinter()
    tally = Tally()
    rows: list = []
    failed: list = []
    advance, stop = progress_bar(len(files))
    if advance is not None and sys.stdout.isatty():
        keep = True  # one terminal: print the table after the bar, not through it
    try:
        for row in rows_of(summarise_any, files, jobs, advance, inputs, use_cache(no_cache)):
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
        sort_rows(rows, sort.value, desc)
        if printer is not None:
            for row in rows:
                printer.add(row)
    dist = tally.result()
    if printer is not None:
        printer.finish(dist)
    report_failures(failed)
    outputs: list[tuple[str, Callable[[], str | bytes]]] = []
    if json_path is not None:
        outputs.append((json_path, lambda: summary_json(rows, dist, failed)))
    if csv_path is not None:
        outputs.append((csv_path, lambda: summary_csv(rows, failed)))
    written = write_outputs(outputs, inputs)
    return EXIT_INPUT if failed or not written else EXIT_OK
