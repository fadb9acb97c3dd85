"""Spreadsheets (.xlsx, .xls, .ods) → grids, read with python-calamine (the ``import`` extra).

The format is told from the bytes, never from the file's name (an .xls saved as .xlsx is
common). Before calamine sees a file, its extent is read and checked against the limits
(:mod:`.limits`): calamine allocates the whole rectangle between the outermost cells, and
an allocation it cannot make aborts the process. For .xlsx and .ods the extent comes from
the XML itself (a streaming scan of every worksheet); .xls (BIFF) is read in a child
process with a memory limit and a timeout, so that a damaged file becomes a message.
The scans also give what calamine does not: which stored numbers are shown as percentages
(so that 0.894 shown "89.40%" is read as 89.40%), and the merged cells of an .ods file.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree

from ..errors import InputError, Problem
from ..load import gate
from ..messages import Messages
from . import limits
from .cells import EMPTY, Cell, Grid, Row, value_cell

MESSAGES = Messages(
    {
        "sheet_encrypted": (
            "文件设有打开密码（已加密），无法读取；请在 Excel 中取消密码后另存",
            "the file is password-protected (encrypted); remove the password in Excel and save again",
        ),
        "sheet_corrupt": (
            "文件已损坏或不是 Excel/WPS/LibreOffice 表格（{reason}）",
            "the file is damaged or not an Excel/WPS/LibreOffice spreadsheet ({reason})",
        ),
        "sheet_html": (
            "这是网页（HTML/XML）另存的“xls”，不是真正的表格文件；请在 Excel 中另存为 .xlsx",
            "this 'xls' is a web page (HTML/XML), not a spreadsheet; save it as .xlsx in Excel",
        ),
        "sheet_unknown_format": (
            "无法识别的文件格式：不是 .xlsx、.xls、.ods 或 .pdf",
            "unknown file format: not .xlsx, .xls, .ods or .pdf",
        ),
        "sheet_reader_died": (
            "读取 .xls 文件时超出内存或时间限制：文件已损坏或不是自评表",
            "reading the .xls file exceeded the memory or time limit: the file is damaged or not a 自评表",
        ),
    }
)
t = MESSAGES.t

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
XLS_MEMORY = 1024**3  # the .xls reader's address space (Linux; elsewhere the timeout only)
XLS_SECONDS = 30


@dataclass
class SheetScan:
    """What the XML scan learns of one sheet before it is read."""

    name: str
    rows: int = 0  # the extent: one past the last row / column that holds a cell
    cols: int = 0
    # the cells shown as percentages → the decimals their format shows (None: not known)
    percent: dict[tuple[int, int], int | None] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] | None = None  # .ods only (calamine gives xlsx's)


def sniff(data: bytes) -> str:
    """ "xlsx", "ods", "xls", "pdf", "encrypted", "html" or "unknown", from the bytes."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(ZIP):
        head = data[:4096]
        if b"mimetypeapplication/vnd.oasis.opendocument" in head:
            return "ods"
        return "xlsx"
    if data.startswith(OLE):
        return "encrypted" if "EncryptedPackage".encode("utf-16-le") in data else "xls"
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "html" if stripped == b"<" else "unknown"


def read_spreadsheet(file: str, data: bytes, kind: str) -> list[Grid]:
    """Every sheet of the workbook as a grid (empty sheets included)."""
    if kind == "encrypted":
        raise InputError(Problem(t("sheet_encrypted"), file))
    if kind == "html":
        raise InputError(Problem(t("sheet_html"), file))
    if kind == "xls":
        return _read_xls(file, data)
    try:
        scans = _scan_xlsx(file, data) if kind == "xlsx" else _scan_ods(file, data)
    except (  # zlib.error, NotImplementedError, RuntimeError: a damaged deflate stream, a zip
        # version 13.7, a part flagged encrypted (found by bench/fuzz.py)
        zipfile.BadZipFile,
        ElementTree.ParseError,
        KeyError,
        ValueError,
        EOFError,
        zlib.error,
        NotImplementedError,
        RuntimeError,
    ) as exc:
        raise InputError(Problem(t("sheet_corrupt", reason=_reason(exc)), file)) from None
    for scan in scans:
        limits.check_extent(file, scan.name, scan.rows, scan.cols)
    return _read_calamine(file, data, scans)


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


# ---------------------------------------------------------------- the calamine read


def _read_calamine(file: str, data: bytes, scans: list[SheetScan]) -> list[Grid]:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    by_name = {scan.name: scan for scan in scans}
    grids = []
    try:
        with CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
            limits.check_count(file, sheets=len(book.sheet_names))
            for index, name in enumerate(book.sheet_names):
                sheet = book.get_sheet_by_index(index)
                scan = by_name.get(name, SheetScan(name))
                values = sheet.to_python(skip_empty_area=False)
                merged = sheet.merged_cell_ranges
                merges = (
                    scan.merges
                    if scan.merges is not None
                    else [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in merged or []]
                )
                grids.append(_grid(file, name, values, merges, scan.percent))
    except PasswordError:
        raise InputError(Problem(t("sheet_encrypted"), file)) from None
    except CalamineError as exc:
        raise InputError(Problem(t("sheet_corrupt", reason=_reason(exc)), file)) from None
    return grids


def _grid(
    file: str,
    name: str,
    values: list[list[Any]],
    merges: list[tuple[int, int, int, int]],
    percent: dict[tuple[int, int], int | None],
) -> Grid:
    rows = [
        Row(
            [value_cell(v, (r, c) in percent, percent.get((r, c))) for c, v in enumerate(row)],
            r,
        )
        for r, row in enumerate(values)
    ]
    width = max((len(row.cells) for row in rows), default=0)
    for row in rows:
        row.cells.extend([EMPTY] * (width - len(row.cells)))
    return Grid(file, fill_merges(rows, merges), sheet=name, merges=merges)


def fill_merges(rows: list[Row], merges: list[tuple[int, int, int, int]]) -> list[Row]:
    """Mark the cells a merged range covers (all but its first), clamped to the data."""
    height = len(rows)
    for r0, c0, r1, c1 in merges:
        for r in range(r0, min(r1, height - 1) + 1):
            cells = rows[r].cells
            for c in range(c0, min(c1, len(cells) - 1) + 1):
                if (r, c) != (r0, c0):
                    cells[c] = Cell(origin=(r0, c0))
    return rows


# ---------------------------------------------------------------- .xlsx: the XML scan

_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)\b([^>]*)>")
# Every r attribute of a tag, in any quotes and case: calamine reads a lowercase, single-quoted
# or repeated r too (the last one), and allocates up to the furthest (load/gate.py).
_ATTR_R = re.compile(rb"""(?<![\w:.-])r\s*=\s*["']\s*\$?([A-Za-z]{0,7})\$?([0-9]+)""")
_ATTR_S = re.compile(rb'\ss="([0-9]{1,6})"')
_CHUNK = 1 << 20
_BUILTIN_PERCENT = {9: 0, 10: 2}  # 0% and 0.00%
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _letters(text: bytes) -> int:
    n = 0
    for ch in text:
        n = n * 26 + (ch - 64)
    return n


def _scan_xlsx(file: str, data: bytes) -> list[SheetScan]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        limits.check_unpacked(file, sum(info.file_size for info in archive.infolist()))
        names = _xlsx_sheet_parts(archive)
        percent_styles = _percent_styles(archive)
        scans = []
        for name, part in names:
            scan = SheetScan(name)
            if part in archive.namelist():
                with archive.open(part) as stream:
                    _scan_sheet_xml(stream, scan, percent_styles)
            scans.append(scan)
    return scans


def _xlsx_sheet_parts(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, its part in the archive), in the workbook's order."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_NS_PKG}Relationship")}
    parts = []
    for sheet in workbook.iter(f"{_NS_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_NS_REL}id"), "")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        parts.append((sheet.get("name", ""), part))
    return parts


def _percent_styles(archive: zipfile.ZipFile) -> dict[int, int | None]:
    """The cell styles (cellXfs indexes) whose number format shows a percentage, and the
    decimals it shows (0.00% → 2; None when the format does not fix them)."""
    if "xl/styles.xml" not in archive.namelist():
        return {}
    styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
    percent_formats: dict[int, int | None] = dict(_BUILTIN_PERCENT)
    for fmt in styles.iter(f"{_NS_MAIN}numFmt"):
        code = re.sub(r'"[^"]*"|\\.', "", fmt.get("formatCode", ""))
        if "%" in code:
            percent_formats[int(fmt.get("numFmtId", "-1"))] = _places(code)
    found: dict[int, int | None] = {}
    cell_xfs = styles.find(f"{_NS_MAIN}cellXfs")
    for index, xf in enumerate(cell_xfs if cell_xfs is not None else ()):
        number_format = int(xf.get("numFmtId", "0"))
        if number_format in percent_formats:
            found[index] = percent_formats[number_format]
    return found


_PERCENT_PLACES = re.compile(r"^[#,0]*0(?:\.(0*))?%$")


def _places(code: str) -> int | None:
    """The decimals a percentage format shows: "0.00%" → 2, "0%" → 0; None for any other
    shape (sections, optional # digits), which is read as the stored number says."""
    match = _PERCENT_PLACES.match(code.strip())
    return len(match.group(1) or "") if match else None


def _scan_sheet_xml(stream: Any, scan: SheetScan, percent_styles: dict[int, int | None]) -> None:
    """The extent of one worksheet part, and its percent-formatted cells, streamed: a row or
    cell without an ``r`` attribute follows the one before it, as readers place it."""
    row = col = 0
    tail = b""
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        buffer = tail + chunk
        cut = buffer.rfind(b"<")
        cut = cut if cut > len(buffer) - 4096 else len(buffer)
        for match in _TAG.finditer(buffer, 0, cut):
            attrs = gate.unescape_references(match.group(2))
            places = _ATTR_R.findall(attrs)
            if match.group(1) == b"row":
                row = max(int(n) for _, n in places) if places else row + 1
                col = 0
                continue
            lettered = [(c, n) for c, n in places if c]
            if lettered:
                col = max(_letters(c.upper()) for c, _ in lettered)
                row = max(int(n) for _, n in lettered)
            else:
                col += 1
            scan.rows, scan.cols = max(scan.rows, row), max(scan.cols, col)
            style = _ATTR_S.search(attrs)
            if style and int(style.group(1)) in percent_styles:
                scan.percent[(row - 1, col - 1)] = percent_styles[int(style.group(1))]
        tail = buffer[cut:]


# ---------------------------------------------------------------- .ods: the XML scan

_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _scan_ods(file: str, data: bytes) -> list[SheetScan]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        limits.check_unpacked(file, sum(info.file_size for info in archive.infolist()))
        with archive.open("content.xml") as stream:
            return list(_ods_sheets(stream))


def _ods_sheets(stream: Any) -> Iterator[SheetScan]:
    """Each table's extent (its last non-empty cell), merges and percentages; repeated rows
    and cells are counted, never expanded."""
    scan: SheetScan | None = None
    row = col = 0
    for event, element in ElementTree.iterparse(stream, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == f"{_T}table":
                scan = SheetScan(element.get(f"{_T}name", ""), merges=[])
                row = 0
            elif tag == f"{_T}table-row":
                col = 0
            continue
        if scan is None:
            continue
        if tag in (f"{_T}table-cell", f"{_T}covered-table-cell"):
            repeat = int(element.get(f"{_T}number-columns-repeated", "1"))
            _ods_cell(scan, element, row, col, repeat)
            col += repeat
            element.clear()
        elif tag == f"{_T}table-row":
            row += int(element.get(f"{_T}number-rows-repeated", "1"))
            element.clear()
        elif tag == f"{_T}table":
            yield scan
            scan = None


def _ods_cell(scan: SheetScan, element: Any, row: int, col: int, repeat: int) -> None:
    spans = (
        int(element.get(f"{_T}number-rows-spanned", "1")),
        int(element.get(f"{_T}number-columns-spanned", "1")),
    )
    if scan.merges is not None and (spans[0] > 1 or spans[1] > 1):
        scan.merges.append((row, col, row + spans[0] - 1, col + spans[1] - 1))
    kind = element.get(f"{_O}value-type")
    if kind is None and element.find(f"{_TEXT}p") is None:
        return  # empty: it does not widen the extent
    scan.rows = max(scan.rows, row + 1)
    scan.cols = max(scan.cols, col + repeat)
    if kind == "percentage" and repeat <= limits.MAX_COLUMNS:
        scan.percent.update({(row, col + offset): None for offset in range(repeat)})


# ---------------------------------------------------------------- .xls: in a child process

_CHILD = r"""
import json, sys
try:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]), int(sys.argv[1])))
except (ImportError, ValueError, OSError):
    pass
from python_calamine import CalamineWorkbook, CalamineError, PasswordError
def enc(v):
    if isinstance(v, float): return {"f": repr(v)}
    if isinstance(v, (bool, int, str)) or v is None: return v
    return {"d": v.isoformat() if hasattr(v, "isoformat") else str(v)}
data = sys.stdin.buffer.read()
try:
    import io
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    out = []
    for i, name in enumerate(book.sheet_names):
        if i >= int(sys.argv[2]): break
        sh = book.get_sheet_by_index(i)
        if sh.height > int(sys.argv[3]) or sh.width > int(sys.argv[4]) or sh.height * sh.width > int(sys.argv[5]):
            json.dump({"extent": [name, sh.height, sh.width]}, sys.stdout); sys.exit(0)
        out.append({"name": name, "merged": sh.merged_cell_ranges or [],
                    "rows": [[enc(v) for v in row] for row in sh.to_python(skip_empty_area=False)]})
    json.dump({"ok": out, "count": len(book.sheet_names)}, sys.stdout, ensure_ascii=False)
except PasswordError:
    json.dump({"encrypted": True}, sys.stdout)
except CalamineError as e:
    json.dump({"error": str(e).splitlines()[0][:120] if str(e) else type(e).__name__}, sys.stdout)
"""


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "f" in value:
            return float(value["f"])
        return str(value.get("d", ""))
    return value


def _read_xls(file: str, data: bytes) -> list[Grid]:
    args = [
        str(XLS_MEMORY),
        str(limits.MAX_SHEETS + 1),
        str(limits.MAX_ROWS),
        str(limits.MAX_COLUMNS),
        str(limits.MAX_CELLS),
    ]
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, *args],
            input=data,
            capture_output=True,
            timeout=XLS_SECONDS,
            check=False,
        )
        answer = json.loads(done.stdout.decode("utf-8")) if done.returncode == 0 else None
    except (subprocess.TimeoutExpired, ValueError):
        answer = None
    if answer is None:
        raise InputError(Problem(t("sheet_reader_died"), file))
    if "encrypted" in answer:
        raise InputError(Problem(t("sheet_encrypted"), file))
    if "error" in answer:
        raise InputError(Problem(t("sheet_corrupt", reason=answer["error"]), file))
    if "extent" in answer:
        name, rows, cols = answer["extent"]
        limits.check_extent(file, name, rows, cols)
    limits.check_count(file, sheets=answer["count"])
    grids = []
    for sheet in answer["ok"]:
        values = [[_decode(v) for v in row] for row in sheet["rows"]]
        merges = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet["merged"]]
        grids.append(_grid(file, sheet["name"], values, merges, {}))
    return grids
