"""What every reader hands on: a grid of cells as printed, with merges and a name for each cell.

A spreadsheet sheet and the tables of a PDF become the same :class:`Grid`, so that the
layout (:mod:`.layout`) is recognised once, by the words of its headers. A cell keeps
its text as printed (lines joined, alignment spaces between Chinese characters removed)
and, where the file stores a number, that number as an exact decimal: never through a
binary float's digits (8.94 stays 8.94, docs/import.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..messages import Messages

MESSAGES = Messages(
    {
        "where_sheet": ("工作表“{sheet}”{cell}", "sheet '{sheet}' {cell}"),
        "where_page": (
            "第 {page} 页表格第 {row} 行第 {col} 列",
            "page {page}, table row {row}, column {col}",
        ),
        "where_page_text": ("第 {page} 页（表格外的文字）", "page {page} (text outside the table)"),
    }
)
t = MESSAGES.t


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its text as printed, its exact number when the file stores one."""

    text: str = ""
    number: Decimal | None = None
    percent: bool = False  # a stored number shown as a percentage (0.894 shown 89.40%)
    origin: tuple[int, int] | None = None  # inside a merged range: its first cell (row, col)

    @property
    def covered(self) -> bool:
        return self.origin is not None


EMPTY = Cell()


@dataclass
class Row:
    """One printed row; ``page`` for a PDF (1-based), ``index`` its place (0-based)."""

    cells: list[Cell]
    index: int
    page: int | None = None
    loose: bool = False  # PDF text outside the table's lines (titles, 单位：万元)

    def cell(self, col: int) -> Cell:
        return self.cells[col] if 0 <= col < len(self.cells) else EMPTY

    def text(self, col: int) -> str:
        return self.cell(col).text

    def filled(self) -> list[tuple[int, Cell]]:
        return [(c, cell) for c, cell in enumerate(self.cells) if cell.text]


@dataclass
class Grid:
    """A sheet, or the tables of a PDF in page order, as rows of cells."""

    file: str
    rows: list[Row]
    sheet: str | None = None  # the sheet's name; None for a PDF
    merges: list[tuple[int, int, int, int]] = field(
        default_factory=list
    )  # r0, c0, r1, c1 (rows' places)

    @property
    def name(self) -> str:
        return self.sheet if self.sheet is not None else ""

    def where(self, row: int, col: int) -> str:
        """The cell as a user finds it: "工作表“自评表”G12", "第 2 页表格第 5 行第 3 列"."""
        place = self.rows[row] if 0 <= row < len(self.rows) else None
        if self.sheet is not None:
            number = (place.index if place else row) + 1
            return t("where_sheet", sheet=self.sheet, cell=f"{column_letter(col)}{number}")
        if place is None:
            return ""
        if place.loose:
            return t("where_page_text", page=place.page)
        return t("where_page", page=place.page, row=place.index + 1, col=col + 1)

    def where_row(self, row: int) -> str:
        """The row as a user finds it (its first cell)."""
        return self.where(row, 0)


Locate = Callable[[int, int], str]


def column_letter(col: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# ---------------------------------------------------------------- text as printed

_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_SPACE_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}])[ \t\u3000\u00a0]+(?=[{_CJK}])")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def clean_text(raw: str) -> str:
    """A cell's text as one line: lines joined (a space only between two Latin words),
    the spaces that align Chinese characters ("绩 效 指 标") removed, ends trimmed."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in text:
        parts = [part.strip() for part in text.split("\n")]
        joined = parts[0]
        for part in parts[1:]:
            if joined and part and _ASCII_WORD.match(joined[-1]) and _ASCII_WORD.match(part[0]):
                joined += " "
            joined += part
        text = joined
    return _SPACE_BETWEEN_CJK.sub("", text).strip(" \t\u3000\u00a0")


_KEY_DROP = re.compile(r"[\s\u3000\u00a0]+")


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """A header word for matching: no spaces, half-width brackets and colons."""
    folded = unicodedata.normalize("NFKC", text)
    return _KEY_DROP.sub("", folded).replace("︰", ":")


# ---------------------------------------------------------------- numbers, exactly

_NUMBER_TEXT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def float_decimal(value: float) -> Decimal:
    """A float cell as the spreadsheet shows it in General format: 15 significant digits
    (8.94, stored as 8.9399999999999995, is 8.94), without trailing zeros."""
    exact = Decimal(format(value, ".15g"))
    if exact == exact.to_integral_value():
        return exact.quantize(Decimal(1))
    return exact.normalize()


def text_number(text: str, unit: str = "") -> Decimal | None:
    """The number a cell's text prints ("100.00", "1,200", "１０", "5分" with unit 分),
    as written; None when the text is not a plain number."""
    folded = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    if unit and folded.endswith(unit):
        folded = folded[: -len(unit)].strip()
    if not _NUMBER_TEXT.fullmatch(folded):
        return None
    try:
        return Decimal(folded)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        return None


def value_cell(value: object, percent: bool = False) -> Cell:
    """A spreadsheet value (str, float, int, bool, date) as a cell."""
    if value == "":  # most cells of a sheet
        return EMPTY
    if isinstance(value, bool):
        return Cell("TRUE" if value else "FALSE")
    if isinstance(value, int):
        return Cell(str(value), Decimal(value), percent)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return Cell(str(value))
        number = float_decimal(value)
        return Cell(format(number, "f"), number, percent)
    if isinstance(value, str):
        return Cell(clean_text(value))
    if value is None:
        return EMPTY
    isoformat = getattr(value, "isoformat", None)
    return Cell(isoformat() if callable(isoformat) else str(value))
