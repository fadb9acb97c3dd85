"""Answer sheets (问卷答卷): one row per respondent, one column per question.

Survey platforms (问卷星 and others) export answers as CSV or XLSX: a title row
with the questions, then one row per respondent, each cell the option text
(``A.非常满意`` or ``非常满意``). This module reads such a sheet and counts
each question's answers; :mod:`perfscore.rules.survey` turns counts into a
satisfaction rate, and ``perfscore survey`` prints the distributions.

Conventions (documented in docs/survey.md):

* **Reading**: through the reading gate (:mod:`perfscore.load.gate`: a
  regular file of at most 32 MiB; an XLSX within the zip, row, column and cell
  limits before openpyxl sees it), and within :data:`MAX_SHEET_COLUMNS`
  columns and :data:`MAX_SHEET_CELLS` cells (docs/limits.md).
* **Encoding**: a CSV is decoded exactly as evaluation files are
  (:func:`perfscore.load.decode`: UTF-8, with or without BOM; anything else
  gets the same message as an evaluation file). XLSX needs openpyxl (the
  ``survey`` extra); the first worksheet is read.
* **Option text**: NFKC-normalised (full-width letters and punctuation folded),
  runs of spaces made one, and a leading option letter stripped: ``A.``,
  ``A．``, ``A、`` or ``A`` followed by a space, one capital letter A–Z, only
  when text follows. ``A.非常满意``, ``A、非常满意`` and ``非常满意`` are one
  option. The letter, when seen, orders the options (A, B, C …).
* **Several answers**: a cell holding ``┋`` (问卷星's separator) or ``;``
  (``；``) lists several options; the question is then a multi-answer
  question, and each option's share is of the respondents who answered, so
  the shares may add up to more than 100%.
* **Blank answers**: an empty cell, or 问卷星's ``(跳过)`` / ``(空)``, is a
  blank answer: counted and shown, never a share of the options.
* Rows where every cell is blank are not respondents; their number is shown.
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any, BinaryIO

from ..decimals import round_half_up
from ..errors import InputError, Problem
from ..load import gate
from ..load.text import MESSAGES as TEXT
from ..load.text import decode
from ..messages import Messages, join
from ..names import name_key

MESSAGES = Messages(
    {
        "survey_file_empty": (
            "问卷文件没有标题行（文件是空的）",
            "the answer sheet has no title row (it is empty)",
        ),
        "survey_file_no_rows": (
            "问卷文件只有标题行，没有答卷",
            "the answer sheet has a title row but no answers",
        ),
        "survey_row_too_long": (
            "第 {row} 行有 {cells} 个单元格，多于标题行的 {columns} 列",
            "row {row} has {cells} cells, more than the {columns} columns of the title row",
        ),
        "survey_csv_error": ("CSV 格式错误：{reason}", "CSV format error: {reason}"),
        "survey_xls_old": (
            "不支持旧版 Excel（.xls）文件：请另存为 .xlsx 或 CSV（UTF-8）",
            "old Excel (.xls) files are not supported: save as .xlsx or CSV (UTF-8)",
        ),
        "survey_xlsx_missing": (
            "读取 XLSX 问卷需要 openpyxl：pip install 'perfscore[survey]'（或另存为 CSV）",
            "reading XLSX answer sheets needs openpyxl: pip install 'perfscore[survey]' (or save as CSV)",
        ),
        "survey_xlsx_no_sheet": (
            "XLSX 文件中没有工作表",
            "the XLSX file holds no worksheet",
        ),
        "survey_untitled": ("（第 {n} 列，无标题）", "(column {n}, untitled)"),
        "survey_too_wide": (
            "第 {row} 行超过 {limit} 列：问卷文件最多 {limit} 列（每题一列）",
            "row {row} has more than {limit} columns: an answer sheet has at most {limit} (one per question)",
        ),
        "survey_too_many_cells": (
            "问卷文件到第 {row} 行已超过 {limit} 个单元格（答卷数 × 题数），超过上限",
            "the answer sheet exceeds {limit} cells (answers × questions) by row {row}",
        ),
        "survey_question_number": (
            "没有第 {n} 题：问卷文件共 {count} 列（题号即列号，从 1 起）",
            "there is no question {n}: the answer sheet has {count} columns (numbered from 1)",
        ),
        "survey_question_title": (
            "问卷文件中没有标题为“{title}”的题目{hint}",
            "the answer sheet has no question titled '{title}'{hint}",
        ),
        "survey_question_hint": (
            "（是否是第 {n} 题“{close}”？）",
            " (did you mean question {n} '{close}'?)",
        ),
        "survey_question_ambiguous": (
            "标题“{title}”出现在多列（第 {numbers} 列）：请用题号",
            "the title '{title}' heads several columns ({numbers}): use the number",
        ),
        "survey_question_bad": (
            "question 须为题目标题（文字）或题号（从 1 起的整数），而不是“{value}”",
            "question must be a title (text) or a number from 1, not '{value}'",
        ),
    },
    TEXT,
)
t = MESSAGES.t

# 问卷星 joins the options of a multi-answer question with "┋"; ";" (and the
# full-width "；", folded by NFKC) is the other common export convention.
# "、" and "," are not separators: they occur inside option texts and in the
# "A、" letter prefix.
SEPARATORS = ("┋", ";")
_SPLIT = re.compile("|".join(re.escape(s) for s in SEPARATORS))
# 问卷星 writes these for a skipped question or an empty fill-in (after NFKC).
BLANK_MARKS = frozenset({"", "(跳过)", "(空)"})
# A leading option letter: "A." "A、" or "A " (after NFKC "Ａ．" is "A."), only when text follows.
_LETTER = re.compile(r"([A-Z])(?:\s*[.、]\s*|\s+)(?=\S)")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


def clean_text(text: str) -> str:
    """NFKC, invisible characters removed, spaces collapsed, trimmed: how titles and options
    are compared (as indicator names are: :func:`perfscore.names.name_key`)."""
    return name_key(text)


def split_option(text: str) -> tuple[str | None, str]:
    """``"A.非常满意"`` → ``("A", "非常满意")``; ``"非常满意"`` → ``(None, "非常满意")``."""
    text = clean_text(text)
    match = _LETTER.match(text)
    if match:
        return match.group(1), text[match.end() :]
    return None, text


def option_text(text: str) -> str:
    """The option a cell (or a weight table's key) names, letter prefix removed."""
    return split_option(text)[1]


def cell_answers(cell: str) -> list[tuple[str | None, str]]:
    """The options chosen in one cell, in order, without repeats; [] for a blank answer."""
    return list(_answers(cell))


@lru_cache(maxsize=4096)  # a sheet's cells repeat a handful of options: each is read once
def _answers(cell: str) -> tuple[tuple[str | None, str], ...]:
    chosen: list[tuple[str | None, str]] = []
    seen: set[str] = set()
    for part in _SPLIT.split(unicodedata.normalize("NFKC", cell)):
        if clean_text(part) in BLANK_MARKS:
            continue
        letter, text = split_option(part)
        if text not in seen:
            seen.add(text)
            chosen.append((letter, text))
    return tuple(chosen)


@dataclass(frozen=True)
class AnswerSheet:
    """The cells of an answer sheet, as text, with the source row of each respondent."""

    file: str
    titles: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # each padded to len(titles)
    row_numbers: tuple[int, ...]  # CSV line / spreadsheet row of each respondent
    empty_rows: int = 0  # rows with every cell blank, left out

    @property
    def respondents(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class OptionTally:
    option: str
    letter: str | None
    count: int
    rows: tuple[int, ...]  # source rows of the respondents who chose it

    @property
    def label(self) -> str:
        return f"{self.letter}.{self.option}" if self.letter else self.option


@dataclass(frozen=True)
class QuestionTally:
    """One question's answers counted: options, blanks, several answers."""

    number: int  # 1-based column
    title: str
    respondents: int
    options: tuple[OptionTally, ...]
    blank_rows: tuple[int, ...] = ()
    multiple_rows: tuple[int, ...] = ()  # respondents who chose several options

    @property
    def blank(self) -> int:
        return len(self.blank_rows)

    @property
    def answered(self) -> int:
        return self.respondents - self.blank

    @property
    def multiple(self) -> bool:
        return bool(self.multiple_rows)

    @property
    def counts(self) -> dict[str, int]:
        return {o.option: o.count for o in self.options}

    def share(self, count: int) -> Decimal | None:
        """count ÷ respondents who answered, in percent, HALF_UP to 2 places (as reports print)."""
        if self.answered == 0:
            return None
        return round_half_up(Fraction(count * 100, self.answered), 2)


def tally(sheet: AnswerSheet, index: int) -> QuestionTally:
    """Count the answers in column ``index`` (0-based)."""
    found: dict[str, list[Any]] = {}  # option → [letter, rows, first seen]
    blank: list[int] = []
    multiple: list[int] = []
    for row, number in zip(sheet.rows, sheet.row_numbers, strict=True):
        chosen = _answers(row[index])
        if not chosen:
            blank.append(number)
        elif len(chosen) > 1:
            multiple.append(number)
        for letter, text in chosen:
            entry = found.setdefault(text, [letter, [], len(found)])
            entry[0] = entry[0] or letter
            entry[1].append(number)
    # Options by their letter where one was seen (A, B, C …), then in order of appearance.
    order = sorted(
        found.items(), key=lambda item: (item[1][0] is None, item[1][0] or "", item[1][2])
    )
    options = tuple(
        OptionTally(text, letter, len(rows), tuple(rows)) for text, (letter, rows, _first) in order
    )
    return QuestionTally(
        index + 1, sheet.titles[index], sheet.respondents, options, tuple(blank), tuple(multiple)
    )


class QuestionNotFound(LookupError):
    """A question named by title or number is not in the sheet; str() is the message."""


def find_question(sheet: AnswerSheet, key: Any) -> int:
    """The 0-based column of ``key``: a 1-based number, or a title (compared after clean_text).

    Text made only of digits that is no title is taken as a number.
    """
    if isinstance(key, (bool, list, dict)) or key is None:
        raise QuestionNotFound(t("survey_question_bad", value=key))
    if isinstance(key, (int, Decimal)):
        if Decimal(key) != Decimal(key).to_integral_value():
            raise QuestionNotFound(t("survey_question_bad", value=key))
        number = int(key)
        if not 1 <= number <= len(sheet.titles):
            raise QuestionNotFound(t("survey_question_number", n=number, count=len(sheet.titles)))
        return number - 1
    wanted = clean_text(str(key))
    if not wanted:
        raise QuestionNotFound(t("survey_question_bad", value=key))
    matches = [i for i, title in enumerate(sheet.titles) if clean_text(title) == wanted]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise QuestionNotFound(
            t(
                "survey_question_ambiguous",
                title=wanted,
                numbers=join(str(i + 1) for i in matches),
            )
        )
    if wanted.isdecimal() and len(wanted) <= 9:  # not isdigit: int('²') fails; long: int() limit
        return find_question(sheet, int(wanted))
    import difflib

    close = difflib.get_close_matches(
        wanted, [clean_text(x) for x in sheet.titles], n=1, cutoff=0.5
    )
    hint = ""
    if close:
        n = [clean_text(x) for x in sheet.titles].index(close[0]) + 1
        hint = t("survey_question_hint", n=n, close=close[0])
    raise QuestionNotFound(t("survey_question_title", title=wanted, hint=hint))


# -- reading -----------------------------------------------------------------

# What an answer sheet may hold (docs/limits.md): a survey of a few hundred questions
# and any number of respondents, within a million cells once padded to the title row.
MAX_SHEET_COLUMNS = 4_096
MAX_SHEET_CELLS = gate.MAX_CELLS


def read_sheet(file: str) -> AnswerSheet:
    """Read a CSV or XLSX answer sheet; every failure is an :class:`InputError`.

    The file goes through the reading gate first (a regular file, of at most
    32 MiB), so a FIFO or a device is refused before it is read; the format
    follows the content (a zip is an XLSX whatever its name).
    """
    lower = file.lower()
    kind = gate.XLSX if lower.endswith((*XLSX_SUFFIXES, ".xls")) else gate.CSV
    with gate.open_input(file, kind) as handle:
        head = handle.read(8)
        handle.seek(0)
        if gate.is_ole(head) and gate.is_encrypted_ooxml(handle):
            raise InputError(Problem(t("zip_encrypted", format="XLSX"), file))
        if lower.endswith(".xls") or head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE: old Excel
            raise InputError(Problem(t("survey_xls_old"), file))
        if lower.endswith(XLSX_SUFFIXES) or head.startswith(b"PK\x03\x04"):
            return _sheet(file, _xlsx_rows(file, handle))
        # The evaluation files' decoding, on purpose (one set of encoding messages).
        text = decode(gate.read_limited(handle, gate.CSV, file), file, gate.CSV)
    return _sheet(file, _csv_rows(file, text))


@lru_cache(maxsize=32)
def _cached(path: str, _stamp: tuple[int, ...]) -> AnswerSheet:
    return read_sheet(path)


def load_sheet(file: str) -> AnswerSheet:
    """:func:`read_sheet`, read once per process while the file is unchanged.

    An evaluation may take several leaves from one answer sheet. A sheet served
    from the cache is still noted as read, so that no output goes over it.
    """
    try:
        status = os.stat(file)
    except (OSError, ValueError):  # ValueError: a NUL in the name
        return read_sheet(file)  # reports the problem
    stamp = (status.st_dev, status.st_ino, status.st_mtime_ns, status.st_size)
    sheet = _cached(os.path.abspath(file), stamp)
    gate.record(status, file)
    return sheet


def _csv_rows(file: str, text: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as exc:
        raise InputError(
            Problem(t("survey_csv_error", reason=exc), file, reader.line_num)
        ) from None


def _xlsx_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
    return str(value)


def _xlsx_rows(file: str, handle: BinaryIO) -> Iterator[tuple[int, list[str]]]:
    """The first worksheet's rows, once the gate has checked the workbook's extent."""
    try:
        import openpyxl
    except ImportError:
        raise InputError(Problem(t("survey_xlsx_missing"), file)) from None
    archive = gate.open_zip(handle, file, gate.XLSX)
    gate.check_xlsx(archive, file)
    with gate.library_errors(file, gate.XLSX):
        # The file object, so that openpyxl reads the content whatever the file's name.
        book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        try:
            if not book.worksheets:
                raise InputError(Problem(t("survey_xlsx_no_sheet"), file))
            sheet = book.worksheets[0]
            sheet.reset_dimensions()  # never pad to a declared <dimension> (A1:XFD1048576)
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, [_xlsx_text(v) for v in values]
        finally:
            book.close()


def _header_and_rows(
    file: str, source: Iterable[tuple[int, list[str]]]
) -> tuple[list[str] | None, list[tuple[int, list[str]]], int]:
    """The title row, the respondents' rows and the number of blank rows, within the limits."""
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    empty = cells = 0
    for number, row in source:
        if len(row) > MAX_SHEET_COLUMNS and any(c.strip() for c in row[MAX_SHEET_COLUMNS:]):
            raise InputError(
                Problem(t("survey_too_wide", row=number, limit=MAX_SHEET_COLUMNS), file, number)
            )
        row = row[:MAX_SHEET_COLUMNS]
        if all(not cell.strip() for cell in row):
            if header is not None:
                empty += 1
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            continue
        cells += max(len(row), len(header))
        if cells > MAX_SHEET_CELLS:
            raise InputError(
                Problem(t("survey_too_many_cells", row=number, limit=MAX_SHEET_CELLS), file, number)
            )
        rows.append((number, row))
    return header, rows, empty


def _sheet(file: str, source: Iterable[tuple[int, list[str]]]) -> AnswerSheet:
    header, rows, empty = _header_and_rows(file, source)
    if header is None:
        raise InputError(Problem(t("survey_file_empty"), file))
    # Trailing columns with neither title nor answer (spreadsheet padding) are not questions;
    # a row with an answer beyond the title row is an error at its line.
    filled = [_filled_width(cells) for _, cells in rows]
    width = max(
        [i + 1 for i, title in enumerate(header) if title]
        + [f for f in filled if f <= len(header)],
        default=0,
    )
    for (number, _), cells in zip(rows, filled, strict=True):
        if cells > len(header):
            raise InputError(
                Problem(
                    t("survey_row_too_long", row=number, cells=cells, columns=width), file, number
                )
            )
    titles = tuple(title or t("survey_untitled", n=i + 1) for i, title in enumerate(header[:width]))
    padded = [tuple(cells[:width]) + ("",) * (width - len(cells[:width])) for _, cells in rows]
    if not padded:
        raise InputError(Problem(t("survey_file_no_rows"), file))
    return AnswerSheet(file, titles, tuple(padded), tuple(n for n, _ in rows), empty)


def _filled_width(cells: list[str]) -> int:
    """The number of cells up to the last one that is not blank."""
    for index in range(len(cells) - 1, -1, -1):
        if cells[index].strip():
            return index + 1
    return 0
