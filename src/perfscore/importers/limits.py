"""The reading limits for sheets (docs/import.md), in one place so that they can move into the
general reading gate of :mod:`perfscore.load` when it takes other formats.

A 自评表 is a few dozen rows and a dozen columns; every limit here is far above that, and
each is checked before the reading library allocates anything for it: python-calamine
allocates the whole rectangle between a sheet's outermost cells up front, so a 1 KB
workbook that declares a cell at row 99,999,999 would take gigabytes, or abort the process
(an allocation failure in Rust cannot be caught). The sheet's extent is therefore read
from the file's XML first (:mod:`.spreadsheet`), and refused here.
"""

from __future__ import annotations

from ..errors import InputError, Problem
from ..load import gate
from ..messages import Messages

MAX_FILE_BYTES = 20 * 1024 * 1024  # a sheet file on disk
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024  # all parts of an .xlsx/.ods together
MAX_ROWS = 10_000  # rows of one sheet, from the first to the last that holds a cell
MAX_COLUMNS = 256
MAX_CELLS = 500_000  # the rectangle a reader allocates: rows × columns
MAX_SHEETS = 500
MAX_PAGES = 500  # of a PDF
# What the reading gate checks a sheet file against (its size, and that it is a regular file).
SHEET = gate.Kind(
    "sheet", MAX_FILE_BYTES, ("自评表通常只有几十 KB", "a 自评表 is a few tens of KB")
)

MESSAGES = Messages(
    {
        "sheet_unpacked_too_big": (
            "文件解压后过大（{size} 字节，上限 {limit} 字节）",
            "the file unpacks to too much ({size} bytes, limit {limit})",
        ),
        "sheet_extent": (
            "工作表“{sheet}”声明的范围过大（{rows} 行 × {cols} 列，上限 {max_rows} 行、{max_cols} 列、"
            "{max_cells} 个单元格）：文件已损坏或不是自评表",
            "sheet '{sheet}' declares too large a range ({rows} rows × {cols} columns; limits "
            "{max_rows} rows, {max_cols} columns, {max_cells} cells): the file is damaged or not a 自评表",
        ),
        "sheet_too_many": (
            "工作表过多（{n} 个，上限 {limit} 个）",
            "too many sheets ({n}, limit {limit})",
        ),
        "pdf_too_many_pages": (
            "PDF 页数过多（{n} 页，上限 {limit} 页）",
            "the PDF has too many pages ({n}, limit {limit})",
        ),
    }
)
t = MESSAGES.t


def read_source(file: str) -> bytes:
    """The bytes of a sheet file, through the reading gate (:mod:`perfscore.load.gate`): a
    regular file (a FIFO or a device is refused unopened, never waited on) within the size
    limit, or an InputError."""
    return gate.read_bytes(file, SHEET)


def check_extent(file: str, sheet: str, rows: int, cols: int) -> None:
    """Refuse a sheet whose cells span more than the limits (before it is read)."""
    if rows > MAX_ROWS or cols > MAX_COLUMNS or rows * cols > MAX_CELLS:
        raise InputError(
            Problem(
                t(
                    "sheet_extent",
                    sheet=sheet,
                    rows=rows,
                    cols=cols,
                    max_rows=MAX_ROWS,
                    max_cols=MAX_COLUMNS,
                    max_cells=MAX_CELLS,
                ),
                file,
            )
        )


def check_unpacked(file: str, size: int) -> None:
    if size > MAX_UNCOMPRESSED_BYTES:
        raise InputError(
            Problem(t("sheet_unpacked_too_big", size=size, limit=MAX_UNCOMPRESSED_BYTES), file)
        )


def check_count(file: str, sheets: int = 0, pages: int = 0) -> None:
    if sheets > MAX_SHEETS:
        raise InputError(Problem(t("sheet_too_many", n=sheets, limit=MAX_SHEETS), file))
    if pages > MAX_PAGES:
        raise InputError(Problem(t("pdf_too_many_pages", n=pages, limit=MAX_PAGES), file))
