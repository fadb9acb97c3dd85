"""Helpers for the hostile-input tests: hand-made workbooks, and a child process measured.

``workbook()`` writes the smallest XLSX openpyxl reads (its parts by hand, so that a
test can put anything in them); ``run_bounded()`` runs ``python -m perfscore`` in a
child process and returns its exit code, output, wall time and peak memory (RSS).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = "</sheetData></worksheet>"


# An evaluation of one survey leaf counted from an answer sheet (`from:`); the sheet, the
# question and the weight table are filled in.
FROM_SHEET = """\
perfscore: 1
project: {{name: 问卷}}
points: 6
indicators:
  - name: 用户满意度
    points: 6
    rule: survey
    from: {sheet}
    question: {question}
    weights: {{{weights}}}
"""


def from_sheet(sheet: str, question: int = 1, weights: str = "满意: 100%, 不满意: 0%") -> str:
    """The text of an evaluation whose one leaf counts ``question`` of ``sheet``."""
    return FROM_SHEET.format(sheet=sheet, question=question, weights=weights)


def cell(ref: str, text: str) -> str:
    """One inline-string cell."""
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def rows_xml(rows: list[list[str]]) -> str:
    """``<row>`` elements for ``rows`` of text, from A1."""
    out = []
    for number, values in enumerate(rows, start=1):
        cells = "".join(cell(f"{chr(65 + i)}{number}", v) for i, v in enumerate(values))
        out.append(f'<row r="{number}">{cells}</row>')
    return "".join(out)


ANSWERS = rows_xml([["您满意吗？"], ["A.满意"], ["B.不满意"]])


def workbook(
    sheet_data: str = ANSWERS, parts: dict[str, bytes | str] | None = None, sheet: str | None = None
) -> bytes:
    """An XLSX whose first worksheet holds ``sheet_data`` (``<row>`` elements); ``parts``
    replace or add members, ``sheet`` replaces the whole worksheet XML."""
    members: dict[str, bytes | str] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/worksheets/sheet1.xml": sheet or SHEET_HEAD + sheet_data + SHEET_TAIL,
    }
    members.update(parts or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float


def run_bounded(
    *args: str | Path,
    timeout: float = 60,
    env: dict[str, str] | None = None,
    cwd: str | Path | None = None,
) -> Run:
    """``python -m perfscore ARGS`` in a child: its exit code, output, seconds and peak RSS.

    The peak is the child's own (``wait4``), not the test process's; a child still
    running after ``timeout`` seconds is killed (and then shows as killed, -9).
    """
    command = [sys.executable, "-m", "perfscore", *(str(a) for a in args)]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=cwd
        )
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds,
            usage.ru_maxrss / 1024,  # KiB on Linux
        )
