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
    tables = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            limits.check_count(file, pages=len(pdf.pages))
            for number, page in enumerate(pdf.pages, start=1):
                tables += _page(page, number, rows, merges)
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
    return [Grid(file, rows, merges=merges)]


def _reason(exc: object) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


def _page(page: Any, number: int, rows: list[Row], merges: list[tuple[int, int, int, int]]) -> int:
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
            _table(item, number, rows, merges)
        else:
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


def _table(table: Any, page: int, rows: list[Row], merges: list[tuple[int, int, int, int]]) -> None:
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
