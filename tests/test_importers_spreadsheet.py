"""Spreadsheets: the format from the bytes, the extent before the read, percentages (importers/spreadsheet.py)."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest
import xlsxwriter

from perfscore.errors import InputError
from perfscore.importers import import_file
from perfscore.importers.spreadsheet import read_spreadsheet, sniff

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "import"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("ganbu-merged.xlsx", "xlsx"),
        ("ganbu-merged.xls", "xls"),
        ("ganbu-merged.ods", "ods"),
        ("ganbu-merged.pdf", "pdf"),
        ("bad-encrypted.xlsx", "encrypted"),
    ],
)
def test_sniff(name, kind):
    """The kind of a file is told from its bytes."""
    assert sniff((DATA / name).read_bytes()) == kind


def test_xls_renamed_xlsx_is_read(tmp_path):
    """An .xls saved under an .xlsx name reads as the .xls it is."""
    renamed = tmp_path / "自评表.xlsx"
    renamed.write_bytes((DATA / "ganbu-merged.xls").read_bytes())
    (table,) = import_file(str(renamed)).tables
    assert table.name == "干部教育培训费"


@pytest.mark.parametrize("name", ["ganbu-merged.xlsx", "ganbu-merged.xls", "ganbu-merged.ods"])
def test_the_same_table_in_three_formats(name):
    """xlsx, xls and ods of one sheet import to the same text (but for the file named in the header)."""
    reference = import_file(str(DATA / "ganbu-merged.xlsx")).tables[0].text.split("\n", 1)[1]
    assert import_file(str(DATA / name)).tables[0].text.split("\n", 1)[1] == reference


def _book(write) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    write(book, book.add_worksheet("表"))
    book.close()
    return buffer.getvalue()


def test_percentage_format_and_floats():
    """A number stored with a % format reads as its percentage; a float 8.94 as 8.94."""

    def write(book, ws):
        ws.write_number(0, 0, 0.894, book.add_format({"num_format": "0.00%"}))
        ws.write_number(0, 1, 8.94)
        ws.write_number(0, 2, 1, book.add_format({"num_format": "0%"}))

    (grid,) = read_spreadsheet("x.xlsx", _book(write), "xlsx")
    cells = grid.rows[0].cells
    assert [(c.number, c.percent) for c in cells] == [
        (Decimal("0.894"), True),
        (Decimal("8.94"), False),
        (Decimal("1"), True),
    ]


def test_extent_refused_before_reading():
    """A sheet whose cells span 20,000 rows is refused with its extent, before calamine reads it."""

    def write(book, ws):
        ws.write_number(0, 0, 1)
        ws.write_number(19_999, 0, 1)

    with pytest.raises(InputError) as caught:
        read_spreadsheet("x.xlsx", _book(write), "xlsx")
    assert "（20000 行 × 1 列" in str(caught.value)


def test_cells_without_references_are_counted():
    """Rows and cells without r= follow the ones before them, so they cannot hide the extent."""
    rows = "".join("<row><c><v>1</v></c></row>" for _ in range(10_001))
    sheet = f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>'
    data = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_book(lambda b, w: w.write(0, 0, 1)))) as source,
        zipfile.ZipFile(data, "w") as target,
    ):
        for name in source.namelist():
            target.writestr(
                name, sheet if name == "xl/worksheets/sheet1.xml" else source.read(name)
            )
    with pytest.raises(InputError) as caught:
        read_spreadsheet("x.xlsx", data.getvalue(), "xlsx")
    assert "10001 行" in str(caught.value)


def test_html_saved_as_xls():
    """A web page saved as .xls is named for what it is."""
    with pytest.raises(InputError) as caught:
        read_spreadsheet("x.xls", b"<html><table></table></html>", sniff(b"<html>"))
    assert "网页（HTML/XML）另存的“xls”" in str(caught.value)


@pytest.mark.parametrize(
    ("row", "col", "message"),
    [
        # 65,536 × 256 cells: calamine would allocate about 1.2 GB; the child's 1 GiB stops it
        (65535, 255, "读取 .xls 文件时超出内存或时间限制：文件已损坏或不是自评表"),
        # 65,536 columns: refused from the extent the child reads before any cell
        (5, 0xFFFF, "声明的范围过大（21 行 × 65536 列"),
    ],
)
def test_hostile_xls_is_one_message(tmp_path, row, col, message):
    """An .xls whose one cell record is moved far out is read in a bounded child: one message."""
    import struct

    data = bytearray((DATA / "ganbu-merged.xls").read_bytes())
    at = data.find(b"\xfd\x00\x0a\x00")  # the first LABELSST record: row, column, …
    struct.pack_into("<HH", data, at + 4, row, col)
    with pytest.raises(InputError) as caught:
        read_spreadsheet("x.xls", bytes(data), "xls")
    assert message in str(caught.value)
