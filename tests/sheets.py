"""Small sheets written row by row, and the one table perfscore import reads from them."""

from __future__ import annotations

from pathlib import Path

from perfscore.importers import Table, import_file
from perfscore.load import parse

# The published form's indicator header, as the tests write it.
LEVELS = (
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因",
)


def imported_tree(path: Path, rows: list[tuple]) -> dict:
    """Write ``rows`` from A1 of sheet 自评表 (blank strings left empty), import the file and
    return its one table, parsed."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("自评表")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value != "":
                ws.write(r, c, value)
    book.close()
    (table,) = import_file(str(path)).tables
    assert isinstance(table, Table), table
    return parse(table.text, path.name)
