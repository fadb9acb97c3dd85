"""``perfscore import FILE... [-o PATH]``: 自评表 from .xlsx/.xls/.ods/.pdf → evaluation files.

Each table of each file becomes one evaluation file (docs/import.md), named after its
project. ``-o`` is the file for a single table, or a folder for several (created when
missing); without it the files go beside the sheet they come from. A file in a folder is
never overwritten: a second table of the same name gets ``-2``. Every written file is
checked at once; what perfscore cannot score yet is said at the cell it came from.
Exit 0 when every table was read and checks, 1 when a table could not be read (the
others are still written) or a written file does not check.
"""

from __future__ import annotations

import os
import re
from typing import Annotated

import typer

from ..errors import EXIT_INPUT, EXIT_OK, PerfscoreError, UsageError
from ..messages import Messages
from ._options import LangOption

MESSAGES = Messages(
    {
        "imp_written": ("{table} → {path}（{name}）", "{table} → {path} ({name})"),
        "imp_not_checked": (
            "{path} 已写出，但 perfscore 尚不能评分：",
            "{path} was written, but perfscore cannot score it yet:",
        ),
        "imp_output_not_folder": (
            "共有 {n} 个表：-o 须为文件夹（每个表写一个文件），而不是文件 {path}",
            "{n} tables: -o must be a folder (one file per table), not the file {path}",
        ),
        "imp_none": ("没有读到任何自评表", "no 自评表 was read"),
        "imp_rollup": (
            "{file}#{where}：汇总表列出 {n} 个项目的得分（不写成评价文件；perfscore check {file} 将其与各表核对）",
            "{file}#{where}: a 汇总表 listing {n} project score(s) (not an evaluation file; "
            "perfscore check {file} checks it against the tables)",
        ),
    }
)
t = MESSAGES.t

SheetsArgument = Annotated[
    list[str],
    typer.Argument(help="自评表（.xlsx、.xls、.ods、.pdf）/ sheets.", metavar="FILE..."),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="PATH",
        help="一个表：输出文件；多个表：输出文件夹（默认：与原表同一文件夹）/ a file for one "
        "table, a folder for several (default: beside the sheet).",
    ),
]

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_name(project: str) -> str:
    """A file name from a project's name: characters no file system takes replaced."""
    name = _UNSAFE.sub("_", project).strip(" ._") or "自评表"
    return name[:80]


def _free(folder: str, name: str, taken: set[str]) -> str:
    """``folder/name.yaml``, or ``name-2.yaml`` … when that exists or is already planned."""
    count = 1
    while True:
        stem = name if count == 1 else f"{name}-{count}"
        path = os.path.join(folder, f"{stem}.yaml")
        if path not in taken and not os.path.exists(path):
            taken.add(path)
            return path
        count += 1


def _targets(tables: list, output: str | None) -> list[str]:
    """Where each table goes (see the module docstring)."""
    single = len(tables) == 1
    if output is not None and single and not os.path.isdir(output):
        return [output]
    if output is not None and not os.path.isdir(output):
        if output.lower().endswith((".yaml", ".yml")):
            raise UsageError(t("imp_output_not_folder", n=len(tables), path=output))
        os.makedirs(output, exist_ok=True)
    taken: set[str] = set()
    return [
        _free(
            output if output is not None else os.path.dirname(table.file) or ".",
            file_name(table.name),
            taken,
        )
        for table in tables
    ]


def _read(files: list[str]) -> tuple[list, list, bool]:
    """(tables, unreadable tables, whether every file could be read)."""
    from ..importers import Table, import_file
    from ..render.console import report_error

    tables: list = []
    unreadable: list = []
    ok = True
    for file in files:
        try:
            imported = import_file(file)
        except PerfscoreError as error:
            report_error(error)
            ok = False
            continue
        for table in imported.tables:
            (tables if isinstance(table, Table) else unreadable).append(table)
        for rollup in imported.rollups:
            typer.echo(t("imp_rollup", file=file, where=rollup.where, n=len(rollup.rows)))
    return tables, unreadable, ok


def import_sheets(
    files: SheetsArgument, output: OutputOption = None, lang: LangOption = None
) -> int:
    """导入：把 Excel/PDF 自评表读成评价文件 / import 自评表 from Excel and PDF into evaluation files."""
    from ..importers.work import score_table
    from ..output import write_output
    from ..render.console import report_error, report_problems

    tables, unreadable, ok = _read(files)
    if unreadable:  # one line each, naming the file, the sheet (or page) and the cell
        report_problems([table.problem for table in unreadable])
        ok = False
    if not tables:
        if ok:
            typer.secho(t("imp_none"), err=True, fg="red")
        return EXIT_INPUT
    for table, path in zip(tables, _targets(tables, output), strict=True):
        try:
            write_output(path, table.text, inputs=files)
        except PerfscoreError as error:
            report_error(error)
            ok = False
            continue
        typer.echo(t("imp_written", table=table.label, path=path, name=table.name))
        try:
            score_table(table)
        except PerfscoreError as error:
            typer.secho(t("imp_not_checked", path=path), err=True, fg="yellow", bold=True)
            report_problems(error.problems)
            ok = False
    return EXIT_OK if ok else EXIT_INPUT


# cli.py finds a command's callback by the command's name, and "import" is a keyword.
globals()["import"] = import_sheets
