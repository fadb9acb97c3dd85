"""PDF → one grid, read with pdfplumber (the ``import`` extra).

A published 自评表 is a ruled table: pdfplumber finds it by its lines, page by page. Each
table row becomes a row of the grid; merged cells are rebuilt from the cells' boxes (a box
that spans two column edges covers two columns); text outside the ruled tables (the
title, （2023 年度）, 单位：万元) becomes rows of its own, in reading order, so that the
layout is recognised by the same words as in a spreadsheet. A table that runs over several
pages is simply continued in the next page's rows: the layout skips a repeated header and
carries a merged 一级/二级 cell over the page break.
"""

from __future__ import annotations

import io
from itertools import pairwise
from typing import Any

from ..errors import InputError, Problem
from ..messages import Messages
from . import limits
from .cells import EMPTY, Cell, Grid, Row, clean_text

MESSAGES = Messages(
    {
        "pdf_encrypted": (
            "PDF 设有打开密码（已加密），无法读取",
            "the PDF is password-protected (encrypted) and cannot be read",
        ),
        "pdf_corrupt": (
            "PDF 文件已损坏或不是 PDF（{reason}）",
            "the PDF is damaged or not a PDF ({reason})",
        ),
        "pdf_no_table": (
            "PDF 中没有找到表格（没有表格线围成的单元格）：扫描件或纯文字的 PDF 无法读取",
            "no table found in the PDF (no ruled cells): scanned or text-only PDFs cannot be read",
        ),
    }
)
t = MESSAGES.t

SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
Box = tuple[float, float, float, float]


def read_pdf(file: str, data: bytes) -> list[Grid]:
    """The tables of every page, in order, as one grid (a PDF has no sheets)."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    rows: list[Row] = []
    merges: list[tuple[int, int, int, int]] = []
    spans: dict[int, tuple[float, float]] = {}  # a loose row → its text's x0, x1
    edges: dict[int, list[float]] = {}  # a table row → its table's column edges
    tables = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            limits.check_count(file, pages=len(pdf.pages))
            for number, page in enumerate(pdf.pages, start=1):
                tables += _page(page, number, rows, merges, spans, edges)
                page.close()
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if type(cause).__name__ == "PDFPasswordIncorrect":
            raise InputError(Problem(t("pdf_encrypted"), file)) from None
        raise InputError(Problem(t("pdf_corrupt", reason=_reason(cause)), file)) from None
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many internal errors on a damaged file
        raise InputError(Problem(t("pdf_corrupt", reason=_reason(exc)), file)) from None
    if not tables:
        raise InputError(Problem(t("pdf_no_table"), file))
    width = max((len(row.cells) for row in rows), default=0)
    for row in rows:
        row.cells.extend([EMPTY] * (width - len(row.cells)))
    _mend_page_breaks(rows, spans, edges)
    return [Grid(file, rows, merges=merges)]


def _reason(exc: object) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


def _page(
    page: Any,
    number: int,
    rows: list[Row],
    merges: list[tuple[int, int, int, int]],
    spans: dict[int, tuple[float, float]],
    edges: dict[int, list[float]],
) -> int:
    """Append one page's rows (tables and the text around them, top to bottom)."""
    found = page.find_tables(SETTINGS)
    boxes = [table.bbox for table in found]
    items: list[tuple[float, int, Any]] = [(table.bbox[1], 1, table) for table in found]
    for line in page.extract_text_lines():
        middle = ((line["x0"] + line["x1"]) / 2, (line["top"] + line["bottom"]) / 2)
        if not any(_inside(middle, box) for box in boxes):
            items.append((line["top"], 0, line))
    items.sort(key=lambda item: (item[0], item[1]))
    loose = 0
    for _top, is_table, item in items:
        if is_table:
            first = len(rows)
            xs = _table(item, number, rows, merges)
            edges.update(dict.fromkeys(range(first, len(rows)), xs))
        else:
            spans[len(rows)] = (item["x0"], item["x1"])
            rows.append(Row([Cell(clean_text(item["text"]))], loose, number, loose=True))
            loose += 1
    return len(found)


def _inside(point: tuple[float, float], box: Box) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def _edges(values: list[float]) -> list[float]:
    """Distinct coordinates, within half a point of each other counted once."""
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > 0.5:
            edges.append(value)
    return edges


def _span(edges: list[float], low: float, high: float) -> tuple[int, int]:
    """The first and last band between ``edges`` that [low, high] covers."""
    first = max(i for i, edge in enumerate(edges[:-1]) if edge <= low + 0.5)
    last = max(i for i, edge in enumerate(edges[:-1]) if edge < high - 0.5)
    return first, max(first, last)


def _table(
    table: Any, page: int, rows: list[Row], merges: list[tuple[int, int, int, int]]
) -> list[float]:
    """One ruled table: its rows, and its merged cells from the cells' boxes."""
    texts = table.extract()
    boxes = [box for row in table.rows for box in row.cells if box is not None]
    xs = _edges([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _edges([b[1] for b in boxes] + [b[3] for b in boxes])
    first = len(rows)
    grid: list[list[Cell]] = [[EMPTY] * (len(xs) - 1) for _ in range(len(ys) - 1)]
    for r, row in enumerate(table.rows):
        for c, box in enumerate(row.cells):
            if box is None:
                continue
            raw = texts[r][c] if r < len(texts) and c < len(texts[r]) else None
            r0, r1 = _span(ys, box[1], box[3])
            c0, c1 = _span(xs, box[0], box[2])
            text = clean_text(raw or "")
            grid[r0][c0] = Cell(text)
            for rr in range(r0, r1 + 1):
                for cc in range(c0, c1 + 1):
                    if (rr, cc) != (r0, c0):
                        grid[rr][cc] = Cell(origin=(first + r0, c0))
            if r1 > r0 or c1 > c0:
                merges.append((first + r0, c0, first + r1, c1))
    for index, cells in enumerate(grid):
        rows.append(Row(list(cells), index, page))
    return xs


def _mend_page_breaks(
    rows: list[Row], spans: dict[int, tuple[float, float]], edges: dict[int, list[float]]
) -> None:
    """Put back the text of a merged cell that a page break cut (a 一级 cell over rows on two
    pages): the part on the first page is a blank cell of its own, and the text is drawn
    either between the tables, outside their lines (LibreOffice), or in the part on the next
    page, whose rows below it then continue it (Excel). Either way the text goes back to the
    first part, so that the rows on both pages read as one node."""
    from .layout import IND_HEADER, row_kind

    # a header repeated at the top of the page is not the part of the cut cell
    table_rows = [r for r in range(len(rows)) if not rows[r].loose]
    table_rows = [
        r
        for i, r in enumerate(table_rows)
        if i == 0 or rows[r].page == rows[table_rows[i - 1]].page or row_kind(rows[r]) != IND_HEADER
    ]
    headers = [r for r in range(len(rows)) if not rows[r].loose and row_kind(rows[r]) == IND_HEADER]
    for last, first in pairwise(table_rows):
        if rows[first].page == rows[last].page:
            continue
        _drawn_over_header(rows, last, first, headers)
        xs = edges[last]
        between = [r for r in range(last + 1, first) if rows[r].loose and r in spans]
        for col in range(len(xs) - 1):
            upper, lower = rows[last].cells[col], rows[first].cells[col]
            if upper.covered or upper.text:
                continue
            if not lower.covered and not lower.text:
                _take_loose(rows, last, col, xs, between, spans)
            elif _starts_merge(rows, first, col):
                rows[last].cells[col] = Cell(lower.text)
                rows[first].cells[col] = Cell()


def _drawn_over_header(rows: list[Row], last: int, first: int, headers: list[int]) -> None:
    """A header repeated on the new page, over which the cut cell's text was drawn
    ("一级指标效益指标"): the text beyond the header's own words goes back to the cut cell."""
    before = [r for r in headers if r <= last]
    repeated = [r for r in headers if last < r < first]
    if not before or not repeated:
        return
    original, again = rows[before[-1]].cells, rows[repeated[0]].cells
    for col, cell in enumerate(again):
        head = original[col].text if col < len(original) else ""
        upper = rows[last].cells[col] if col < len(rows[last].cells) else None
        extra = cell.text[len(head) :] if head and cell.text.startswith(head) else ""
        if extra and upper is not None and not upper.covered and not upper.text:
            rows[last].cells[col] = Cell(extra)
            again[col] = Cell(head)


def _take_loose(
    rows: list[Row],
    last: int,
    col: int,
    xs: list[float],
    between: list[int],
    spans: dict[int, tuple[float, float]],
) -> None:
    """The lines between two pages' tables drawn within one column: that column's text."""
    inside = [r for r in between if xs[col] <= (spans[r][0] + spans[r][1]) / 2 <= xs[col + 1]]
    inside = [r for r in inside if spans[r][1] <= xs[col + 1] + 1 and rows[r].cells[0].text]
    if not inside:
        return
    rows[last].cells[col] = Cell("".join(rows[r].cells[0].text for r in inside))
    for r in inside:
        rows[r].cells[0] = Cell()


def _starts_merge(rows: list[Row], first: int, col: int) -> bool:
    """The cell has text and the cell below it is covered by it (a merged cell's first part)."""
    if not rows[first].cells[col].text or first + 1 >= len(rows):
        return False
    below = rows[first + 1].cells[col]
    return below.origin == (first, col)
