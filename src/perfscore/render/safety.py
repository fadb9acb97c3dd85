"""Text from a file, made inert for each export: one helper per format.

Names, bases and notes come from the evaluation file, which anyone may have written. Written
raw, such a text can act in the program that opens the export: a spreadsheet runs a CSV cell
that starts with ``=`` as a formula (CSV injection: ``=HYPERLINK(…)``, ``=cmd|…``), XlsxWriter
turns a string that starts with ``=`` into a formula and one that starts with ``http://``
into a link, Markdown renders ``<script>`` and ``[text](url)`` as HTML and links, HTML
runs markup, and Word refuses a document whose XML carries a control character. Every
renderer passes file text through the helper of its format, and only through it:

* :func:`csv_cell` — a leading ``'`` before ``= + - @``, tab or carriage return (as OWASP
  advises); the spreadsheet then shows the text as written;
* :func:`new_workbook` and :func:`write_text` — an XLSX workbook that never reads a string as
  a formula or a link, and text cells written as strings;
* :func:`markdown_text` — line breaks folded, every character Markdown or its inline HTML
  could read as markup escaped with a backslash (CommonMark: any ASCII punctuation may be),
  and a leading list or heading marker outside table cells;
* :func:`html_text` — ``& < > " '`` as character references;
* :func:`docx_text` — the characters XML 1.0 cannot hold removed.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

# A cell starting with one of these is a formula (or DDE) to Excel, LibreOffice and Sheets.
_CSV_ACTIVE = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: object) -> str:
    """A CSV cell a spreadsheet shows as text: a leading ' before = + - @, tab, CR.

    Numbers never pass here (a negative number stays a number)."""
    value = str(text)
    return "'" + value if value.startswith(_CSV_ACTIVE) else value


# XlsxWriter's write() and merge_range() read "=…" as a formula and "http://…" as a link
# unless the workbook is told otherwise.
WORKBOOK_OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}


def new_workbook(target: Any) -> Any:
    """An XlsxWriter workbook in which every string is written as a string."""
    import xlsxwriter

    return xlsxwriter.Workbook(target, WORKBOOK_OPTIONS)


def write_text(sheet: Any, row: int, col: int, text: object, cell_format: Any = None) -> None:
    """A text cell, always a string (never a formula, a link or a number)."""
    sheet.write_string(row, col, str(text), cell_format)


# Inline markup (emphasis, code, links and images, autolinks, raw HTML, entities, table
# cells, strikethrough, headings) starts at one of these; a backslash makes each literal.
_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]<>#|~&])")
# At the start of a text these open a block (a list item, a setext underline, a numbered
# item): escaped there too.
_MARKDOWN_BULLET = re.compile(r"^([-+=])")
_MARKDOWN_NUMBERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def markdown_text(text: object, inline: bool = False) -> str:
    """Text shown as written in Markdown: on one line (line breaks become spaces), markup
    escaped. ``inline``: the text does not start a line (a table cell, after ``**`` or
    ``- ``), so a leading ``-`` or ``1.`` opens no block and needs no escape."""
    line = " ".join(part.strip() for part in str(text).splitlines() if part.strip())
    line = _MARKDOWN_ACTIVE.sub(r"\\\1", line)
    if inline:
        return line
    line = _MARKDOWN_BULLET.sub(r"\\\1", line)
    return _MARKDOWN_NUMBERED.sub(r"\1\\\2", line)


def html_text(text: object) -> str:
    """Text for HTML element content or a quoted attribute value."""
    return escape(str(text), quote=True)


# XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates, U+FFFE, U+FFFF.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def docx_text(text: object) -> str:
    """Text a Word document can hold (python-docx writes it as XML text, never as markup)."""
    return _XML_INVALID.sub("", str(text))
