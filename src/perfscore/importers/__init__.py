"""Importing 自评表 from sheets: .xlsx, .xls, .ods (python-calamine) and .pdf (pdfplumber).

One direction, like the rest of perfscore::

    bytes ─limits─▶ (checked) ─spreadsheet/pdf─▶ Grid (cells as printed, merges)
          ─layout─▶ segments by their words ─table/indicators/funds─▶ Doc (values + cells)
          ─writer─▶ evaluation file text (format version 1, §1a keys; a comment per node)

:func:`import_file` returns every table of a file, each either imported (its YAML text and
the cell behind each line) or unreadable (one located problem), and the file's 汇总表.
The file is read once; what is wrong with the file itself (damaged, encrypted, too large)
is an :class:`~perfscore.errors.InputError`. docs/import.md has the account.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import InputError, Problem
from ..messages import Messages

SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".pdf")

MESSAGES = Messages(
    {
        "file_empty": (
            "文件中没有任何内容（{what}都是空的）",
            "the file holds nothing ({what} empty)",
        ),
        "what_sheets": ("所有工作表", "every sheet is"),
        "what_pages": ("所有页面", "every page is"),
        "no_header": (
            "{where}：没有找到指标表头（须有“一级指标”“二级指标”“三级指标”“分值”“得分”等列名），读到此处为止",
            "{where}: no indicator header found (columns named 一级指标, 二级指标, 三级指标, 分值, "
            "得分 …); reading stopped here",
        ),
        "h_imported": (
            "perfscore import 从 {file}（{where}）读入；原表各格照录，注释给出每个值所在的单元格。",
            "read by perfscore import from {file} ({where}); every cell as printed, each value's "
            "cell in its comment.",
        ),
        "h_points": (
            "原表未印分值的一级、二级指标不写 points：其分值为下级之和。",
            "a level-1 or level-2 indicator whose points the sheet does not print has no points: "
            "they are its children's sum.",
        ),
        "h_check": ("核对：perfscore check 本文件", "audit: perfscore check this file"),
        "missing_extra": (
            "读取表格需要 import 扩展：请运行 pip install 'perfscore[import]'",
            "reading sheets needs the import extra: run pip install 'perfscore[import]'",
        ),
    }
)
t = MESSAGES.t


def is_sheet(file: str) -> bool:
    """A file perfscore reads as a sheet (by its name; the bytes then say which kind)."""
    return file.lower().endswith(SHEET_SUFFIXES)


@dataclass(frozen=True)
class Table:
    """An imported table: its evaluation file's text and the source of each line."""

    file: str
    where: str  # the sheet, or the page it starts on
    name: str  # the project
    text: str
    lines: dict[int, str]

    @property
    def label(self) -> str:
        """How the table is named in outputs: the file, then the sheet or page."""
        return f"{self.file}#{self.where}"


@dataclass(frozen=True)
class Unreadable:
    """A table that could not be read, with the one problem that stopped it."""

    file: str
    where: str
    problem: Problem

    @property
    def label(self) -> str:
        return f"{self.file}#{self.where}"


@dataclass(frozen=True)
class Imported:
    file: str
    tables: tuple[Table | Unreadable, ...]
    rollups: tuple  # of rollup.Rollup


def import_file(file: str) -> Imported:
    """Every table of one sheet file (InputError when the file itself cannot be read)."""
    from . import limits
    from .cells import Grid
    from .layout import segments
    from .spreadsheet import read_spreadsheet, sniff

    data = limits.read_source(file)
    kind = sniff(data)
    grids: list[Grid]
    if kind == "unknown":
        from .spreadsheet import t as sheet_t

        raise InputError(Problem(sheet_t("sheet_unknown_format"), file))
    try:
        if kind == "pdf":
            from .pdf import read_pdf

            grids = read_pdf(file, data)
        else:
            grids = read_spreadsheet(file, data, kind)
    except ImportError:  # the import extra is not installed
        raise InputError(Problem(t("missing_extra"), file)) from None
    tables: list[Table | Unreadable] = []
    rollups: list = []
    empty: list = []
    for grid in grids:
        for segment in segments(grid):
            _segment(segment, tables, rollups, empty)
    if not tables and not rollups and empty and len(empty) == sum(len(segments(g)) for g in grids):
        what = t("what_pages") if kind == "pdf" else t("what_sheets")
        raise InputError(Problem(t("file_empty", what=what), file))
    return Imported(file, _unique(tables), tuple(rollups))


def _segment(segment, tables: list, rollups: list, empty: list) -> None:
    from .reading import TableError
    from .rollup import read_rollup
    from .table import build_table, place_of
    from .writer import to_yaml

    grid = segment.grid
    kind = segment.kind
    if kind == "empty":
        empty.append(segment)
        return
    if kind == "view":  # perfscore report's 评价得分和等级 / 失分情况: derived from the table
        return
    where = place_of(segment)
    try:
        if kind == "summary":
            rollups.append(read_rollup(segment))
            return
        if kind == "unknown":
            row, col = segment.last_filled()
            message = t("no_header", where=grid.where(row, col))
            tables.append(Unreadable(grid.file, where, Problem(message, grid.file)))
            return
        built = build_table(segment)
    except TableError as error:
        tables.append(Unreadable(grid.file, where, error.problem))
        return
    name = os.path.basename(grid.file)
    header = [
        t("h_imported", file=name, where=built.where),
        t("h_points"),
        t("h_check"),
    ]
    text, lines = to_yaml(built.doc, header)
    tables.append(Table(grid.file, built.where, built.name, text, lines))


def _unique(tables: list[Table | Unreadable]) -> tuple[Table | Unreadable, ...]:
    """Two tables on one page get distinct places: "第 3 页的自评表", "第 3 页的自评表（2）"."""
    seen: dict[str, int] = {}
    out: list[Table | Unreadable] = []
    for table in tables:
        count = seen.get(table.where, 0) + 1
        seen[table.where] = count
        if count > 1:
            where = f"{table.where}（{count}）"
            table = (
                Table(table.file, where, table.name, table.text, table.lines)
                if isinstance(table, Table)
                else Unreadable(table.file, where, table.problem)
            )
        out.append(table)
    return tuple(out)
