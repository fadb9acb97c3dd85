"""The reading gate: every file perfscore reads is opened here first.

Evaluation files and weight tables (YAML), answer sheets (CSV, XLSX) and the
sheets and PDFs the importers read all pass the same checks, in this order:

* **a regular file**, checked before it is opened and again on the open
  handle: a folder, a FIFO, a device or a socket is refused at once, never
  read (a FIFO would block forever, ``/dev/zero`` never ends);
* **a size limit** for its kind, checked before reading and bounded while
  reading (a file that grows meanwhile);
* for **zip containers** (XLSX, ODS, DOCX): the number of members, the
  uncompressed size (Python's zipfile never returns more than a member
  declares, and checks its CRC, so the declared sizes bound what is
  decompressed), no encrypted members, no DTD in any XML part (entity
  expansion), and for XLSX worksheets the row and column numbers and the cell
  count, streamed in chunks before any library builds cells;
* the **errors of every parsing library** become one line
  (:func:`library_errors`), never a traceback.

Every file that passes is recorded (:func:`was_read`), so that the writing
gate (:mod:`perfscore.output`) refuses to write over anything perfscore read,
including the answer sheets an evaluation names. Limits: docs/limits.md.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import warnings
import zlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from .. import records
from ..errors import InputError, PerfscoreError, Problem
from ..messages import Messages, pick

if TYPE_CHECKING:  # zipfile is imported where a zip is opened: YAML and CSV never need it
    import zipfile

MAX_TEXT_BYTES = 8 * 1024 * 1024  # evaluation files, weight tables (YAML)
MAX_SHEET_BYTES = 32 * 1024 * 1024  # answer sheets (CSV, XLSX), imported sheets and PDFs
MAX_ZIP_MEMBERS = 1_000  # an XLSX has about 10–30
MAX_UNPACKED_BYTES = 64 * 1024 * 1024  # all members of a zip container, uncompressed
MAX_ROWS = 1_048_576  # Excel's own limits: no spreadsheet program writes beyond them
MAX_COLUMNS = 16_384
MAX_CELLS = 1_000_000  # cells in the XML of one worksheet (openpyxl builds each as a dict)

MESSAGES = Messages(
    {
        "file_not_found": ("找不到文件", "file not found"),
        "file_unreadable": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
        "is_directory": ("这是一个文件夹，不是文件", "this is a folder, not a file"),
        "load_bad_name": (
            "文件名无效（含 NUL 字符）",
            "invalid file name (it contains a NUL character)",
        ),
        "load_permission": ("没有读取该文件的权限", "permission denied: cannot read the file"),
        "load_too_big": (
            "文件过大（{size} 字节，上限 {limit} 字节）：{typical}，请确认选对了文件",
            "the file is too large ({size} bytes, limit {limit}): {typical}; is this the right file?",
        ),
        "load_not_regular": (
            "这是{what}，不是普通文件：perfscore 只读取普通文件（读取它可能永远等待）",
            "this is {what}, not a regular file: perfscore reads regular files only (reading it could wait forever)",
        ),
        "what_fifo": ("命名管道（FIFO）", "a FIFO (named pipe)"),
        "what_device": ("设备文件", "a device"),
        "what_socket": ("套接字", "a socket"),
        "zip_bad": (
            "无法读取 {format} 文件：{reason}",
            "cannot read the {format} file: {reason}",
        ),
        "zip_not_zip": (
            "不是 zip 格式，或文件已损坏、被截断",
            "it is not a zip container, or it is damaged or cut short",
        ),
        "zip_too_many": (
            "{format} 文件含 {count} 个部件，超过上限 {limit}",
            "the {format} file holds {count} parts, more than the limit of {limit}",
        ),
        "zip_too_big": (
            "{format} 文件解压后共 {size} 字节，超过上限 {limit} 字节（可能是“zip 炸弹”）",
            "the {format} file unpacks to {size} bytes, more than the limit of {limit} (a zip bomb?)",
        ),
        "zip_encrypted": (
            "{format} 文件受密码保护：请在 Excel 中取消密码后另存，再试",
            "the {format} file is password-protected: remove the password in Excel, save, and retry",
        ),
        "zip_dtd": (
            "{format} 文件的 {part} 含 DTD（<!DOCTYPE>，可声明实体），不予读取",
            "the {format} file's {part} holds a DTD (<!DOCTYPE>, which can declare entities); refused",
        ),
        "sheet_row_limit": (
            "工作表 {part} 用到第 {row} 行，超过上限 {limit} 行",
            "the worksheet {part} reaches row {row}, beyond the limit of {limit} rows",
        ),
        "sheet_column_limit": (
            "工作表 {part} 用到第 {column} 列，超过上限 {limit} 列",
            "the worksheet {part} reaches column {column}, beyond the limit of {limit} columns",
        ),
        "sheet_cell_limit": (
            "工作表 {part} 的单元格超过 {limit} 个",
            "the worksheet {part} holds more than {limit} cells",
        ),
        "parse_failed": (
            "无法读取 {format} 文件：{reason}",
            "cannot read the {format} file: {reason}",
        ),
        "reason_xml": ("XML 格式错误（{detail}）", "malformed XML ({detail})"),
        "reason_zip": ("文件已损坏（{detail}）", "the file is damaged ({detail})"),
        "reason_missing": ("缺少部件 {detail}", "a part is missing: {detail}"),
    }
)
t = MESSAGES.t


@records.record
class Kind:
    """What a file is read as: its size limit and how messages describe it."""

    name: str
    max_bytes: int
    typical: tuple[str, str]  # the "too large" hint: what such files usually weigh


YAML = Kind(
    "YAML", MAX_TEXT_BYTES, ("评价文件通常只有几十 KB", "evaluation files are a few tens of KB")
)
CSV = Kind("CSV", MAX_SHEET_BYTES, ("问卷文件通常只有几 MB", "answer sheets are a few MB"))
XLSX = Kind("XLSX", MAX_SHEET_BYTES, ("表格文件通常只有几 MB", "workbooks are a few MB"))
PDF = Kind("PDF", MAX_SHEET_BYTES, ("PDF 文件通常只有几 MB", "PDF files are a few MB"))


# ---------------------------------------------------------------- what was read

# (st_dev, st_ino) → the path it was read under (an inode number reused by another file
# since is simply read under the new path).
_READ: dict[tuple[int, int], str] = {}
# Told of every file opened or recorded: (absolute path, opened without error). The batch's
# result cache learns a row's dependencies so (batch.watch_reads); every file perfscore reads
# comes through open_input or record, so nothing read escapes a watcher.
watchers: list[Callable[[str, bool], None]] = []
# Whether the record above is kept (was_read: outputs never go over an input). A batch
# worker writes nothing and does not keep it: it would grow with every file of the batch.
keep_record = True


def _tell(file: str, opened: bool) -> None:
    if watchers:
        path = os.path.abspath(file)
        for watcher in watchers:
            watcher(path, opened)


def record(status: os.stat_result, file: str) -> None:
    """Note ``file`` (as ``status`` describes it) as read: done by :func:`open_input`, and by a
    reader that serves a file from a cache instead of reading it again."""
    _tell(file, True)
    if not keep_record:
        return
    _READ[(status.st_dev, status.st_ino)] = os.path.abspath(file)


def was_read(status: os.stat_result) -> bool:
    """Whether the file ``status`` describes is one perfscore read in this process.

    The path it was read under must still name it: a file deleted since, whose
    inode number was reused, is not mistaken for an input.
    """
    path = _READ.get((status.st_dev, status.st_ino))
    if path is None:
        return False
    try:
        now = os.stat(path)
    except OSError:
        return False
    return (now.st_dev, now.st_ino) == (status.st_dev, status.st_ino)


# ---------------------------------------------------------------- opening


def _not_regular(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISFIFO(mode):
        return t("what_fifo")
    if stat.S_ISSOCK(mode):
        return t("what_socket")
    return t("what_device")


def _refuse_unless_regular(mode: int, file: str) -> None:
    what = _not_regular(mode)
    if what == "dir":
        raise InputError(Problem(t("is_directory"), file))
    if what is not None:
        raise InputError(Problem(t("load_not_regular", what=what), file))


def _too_big(size: int | str, kind: Kind, file: str) -> InputError:
    typical = pick(*kind.typical)
    return InputError(
        Problem(t("load_too_big", size=size, limit=kind.max_bytes, typical=typical), file)
    )


def _open_error(exc: OSError | ValueError, file: str) -> InputError:
    if isinstance(exc, ValueError):  # a NUL in the name
        return InputError(Problem(t("load_bad_name"), file))
    if isinstance(exc, FileNotFoundError) or exc.errno == errno.ENOTDIR:
        return InputError(Problem(t("file_not_found"), file))
    if isinstance(exc, IsADirectoryError):
        return InputError(Problem(t("is_directory"), file))
    if isinstance(exc, PermissionError):
        return InputError(Problem(t("load_permission"), file))
    return InputError(Problem(t("file_unreadable", reason=exc.strerror or exc), file))


# O_NONBLOCK: opening a FIFO that appeared between the stat and the open must not wait
# for a writer; O_NOCTTY: a terminal never becomes the controlling one.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def open_input(file: str, kind: Kind) -> BinaryIO:
    """Open ``file`` for reading if it is a regular file within ``kind``'s size limit.

    Never blocks: a FIFO, a device, a socket or a folder is refused before it is
    opened, and checked again on the handle. The caller closes the handle.
    """
    try:
        _refuse_unless_regular(os.stat(file).st_mode, file)
        fd = os.open(file, _OPEN_FLAGS)
    except (OSError, ValueError) as exc:
        _tell(file, False)
        raise _open_error(exc, file) from None
    except BaseException:
        _tell(file, False)
        raise
    try:
        status = os.fstat(fd)
        _refuse_unless_regular(status.st_mode, file)  # swapped since the stat
        if status.st_size > kind.max_bytes:
            raise _too_big(status.st_size, kind, file)
        with contextlib.suppress(AttributeError, OSError):  # a regular file never blocks
            os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        _tell(file, False)
        raise
    record(status, file)
    return handle


def read_limited(handle: BinaryIO, kind: Kind, file: str) -> bytes:
    """The rest of ``handle``, at most ``kind.max_bytes`` (a file may grow while read).

    Read as far as the size the file has, plus one byte: asking for the limit at once
    would make a buffer of the limit for every file (about 20 µs a file of a batch).
    """
    limit = kind.max_bytes + 1
    try:
        try:
            want = min(os.fstat(handle.fileno()).st_size + 1, limit)
        except (AttributeError, OSError):  # not a file (io.BytesIO): no size
            want = limit
        data = handle.read(want)
        if len(data) == want < limit:  # it grew while read: the rest, up to the limit
            data += handle.read(limit - want)
    except OSError as exc:
        raise _open_error(exc, file) from None
    if len(data) > kind.max_bytes:
        raise _too_big(f"> {kind.max_bytes}", kind, file)
    return data


def read_bytes(file: str, kind: Kind) -> bytes:
    """The whole of ``file``, through :func:`open_input`."""
    with open_input(file, kind) as handle:
        return read_limited(handle, kind, file)


# ---------------------------------------------------------------- parsing libraries


def _reason(exc: BaseException) -> str:
    """A library's exception as the rest of a one-line message."""
    detail = " ".join(str(exc).split())[:200] or type(exc).__name__
    name = type(exc).__name__
    if name == "ParseError" or isinstance(exc, SyntaxError):  # ElementTree, expat
        return t("reason_xml", detail=detail)
    # zipfile and zlib on a damaged container; NotImplementedError: zipfile's "strong
    # encryption (flag bit 6)" or "compression type 99"
    import zipfile

    if isinstance(exc, zipfile.BadZipFile | EOFError | zlib.error | NotImplementedError):
        return t("reason_zip", detail=detail)
    if isinstance(exc, KeyError):  # zipfile: "There is no item named 'x' in the archive"
        missing = re.search(r"named '(.+)' in the archive", detail)
        return t("reason_missing", detail=missing.group(1) if missing else detail.strip("\"'"))
    return f"{name}: {detail}"


@contextlib.contextmanager
def library_errors(file: str, kind: Kind) -> Iterator[None]:
    """Turn whatever a parsing library raises on a malformed file into one line.

    Wrap only the library's calls: a library that meets a file it cannot read
    may raise almost anything (ParseError, KeyError, TypeError …), and that is a
    fact about the file, not a bug of perfscore. Memory errors stay loud. The
    library's warnings ("no default style") are about the file's producer: silenced.
    """
    try:
        with warnings.catch_warnings():  # a library's remarks on a file are not the user's
            warnings.simplefilter("ignore")
            yield
    except (PerfscoreError, MemoryError):
        raise
    except Exception as exc:
        raise InputError(
            Problem(t("parse_failed", format=kind.name, reason=_reason(exc)), file)
        ) from None


# ---------------------------------------------------------------- zip containers


def open_zip(handle: BinaryIO, file: str, kind: Kind) -> zipfile.ZipFile:
    """The zip container ``handle`` holds, once its members are within the limits."""
    import zipfile

    try:
        archive = zipfile.ZipFile(handle)
        members = archive.infolist()
    except (
        Exception
    ):  # BadZipFile, EOFError, OSError, NotImplementedError ("zip file version 13.7") …
        raise InputError(
            Problem(t("zip_bad", format=kind.name, reason=t("zip_not_zip")), file)
        ) from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise InputError(
            Problem(
                t("zip_too_many", format=kind.name, count=len(members), limit=MAX_ZIP_MEMBERS),
                file,
            )
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(
            Problem(
                t("zip_too_big", format=kind.name, size=unpacked, limit=MAX_UNPACKED_BYTES), file
            )
        )
    if any(member.flag_bits & 0x1 for member in members):
        raise InputError(Problem(t("zip_encrypted", format=kind.name), file))
    return archive


class _PrologDone(Exception):
    """The first element of an XML part was reached: its prolog holds no DTD."""


class _HasDoctype(Exception):
    pass


def _has_doctype(archive: zipfile.ZipFile, part: str) -> bool:
    """Whether the XML ``part`` declares a DTD before its first element (expat, streamed)."""
    from xml.parsers import expat

    parser = expat.ParserCreate()

    def doctype(*_args: object) -> None:
        raise _HasDoctype

    def element(*_args: object) -> None:
        raise _PrologDone

    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = element
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(64 * 1024):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _HasDoctype:
        return True
    except (_PrologDone, expat.ExpatError):  # a malformed part is the library's to report
        return False
    return False


def check_xml_parts(archive: zipfile.ZipFile, file: str, kind: Kind) -> None:
    """Refuse a container any of whose XML parts declares a DTD (entity expansion)."""
    for member in archive.infolist():
        if member.filename.lower().endswith((".xml", ".rels")) and _has_doctype(
            archive, member.filename
        ):
            raise InputError(Problem(t("zip_dtd", format=kind.name, part=member.filename), file))


# ---------------------------------------------------------------- XLSX worksheets

_WORKSHEET = re.compile(r"xl/worksheets/[^/]+\.xml", re.IGNORECASE)
# Tags as any producer writes them, with or without a namespace prefix.
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
# Every r="…" attribute (rows' r="12", cells' r="B12"), wherever it stands: a reader may take
# the last of two r attributes, or a lowercase or single-quoted one, so all of them count.
_REF = re.compile(rb"""(?<![\w:.-])r\s*=\s*["']\s*\$?([A-Za-z]{0,7})\$?0*([0-9]+)""")
_CHAR_REF = re.compile(rb"&#(x[0-9A-Fa-f]{1,6}|[0-9]{1,7});")
_HUGE = 10**15  # a row number of more digits than this is simply too large


def column_number(letters: str) -> int:
    """``A`` → 1, ``XFD`` → 16384."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


class _Extent:
    """What a worksheet's scan has counted so far (a plain class: a dataclass would cost
    0.5 ms at every start for a scan that only XLSX imports run)."""

    __slots__ = ("cells", "columns", "in_row", "max_row", "rows")

    def __init__(self) -> None:
        self.rows = 0  # <row> elements seen
        self.max_row = 0  # the highest row number written
        self.columns = 0  # the widest row: its cell count or highest column letter
        self.cells = 0
        self.in_row = 0  # cells of the row being read


def _number(digits: bytes) -> int:
    return int(digits) if len(digits) <= 15 else _HUGE


def unescape_references(data: bytes) -> bytes:
    """``data`` with numeric character references resolved: ``r="&#88;FD1048576"`` is
    XFD1048576 to an XML parser, so a scan must read it so too."""
    return _CHAR_REF.sub(_char, data) if b"&#" in data else data


def _char(match: re.Match[bytes]) -> bytes:
    """A numeric character reference as the character's UTF-8 bytes."""
    code = match.group(1)
    number = int(code[1:], 16) if code[:1] == b"x" else int(code)
    return chr(number).encode("utf-8", "replace") if number < 0x110000 else b"?"


def _scan_chunk(data: bytes, extent: _Extent) -> None:
    """Count rows and cells in ``data`` (whole tags only) into ``extent``."""
    pieces = _ROW_TAG.split(data)
    for index, piece in enumerate(pieces):
        if index:  # a new <row> starts this piece
            extent.rows += 1
            extent.in_row = 0
        count = len(_CELL_TAG.findall(piece))
        extent.in_row += count
        extent.cells += count
        extent.columns = max(extent.columns, extent.in_row)
    data = unescape_references(data)
    numbers = [extent.max_row, extent.rows]
    letters: set[bytes] = set()
    for column, row in _REF.findall(data):
        if column:
            letters.add(column)
        numbers.append(_number(row))
    extent.max_row = max(numbers)
    if letters:
        extent.columns = max(extent.columns, *(column_number(c.decode()) for c in letters))


def _check_extent(extent: _Extent, part: str, file: str) -> None:
    if extent.max_row > MAX_ROWS:
        raise InputError(
            Problem(t("sheet_row_limit", part=part, row=extent.max_row, limit=MAX_ROWS), file)
        )
    if extent.columns > MAX_COLUMNS:
        raise InputError(
            Problem(
                t("sheet_column_limit", part=part, column=extent.columns, limit=MAX_COLUMNS), file
            )
        )
    if extent.cells > MAX_CELLS:
        raise InputError(Problem(t("sheet_cell_limit", part=part, limit=MAX_CELLS), file))


def scan_worksheet(archive: zipfile.ZipFile, part: str, file: str) -> None:
    """Stream one worksheet's XML and refuse it beyond the row, column and cell limits.

    Runs before a library parses the sheet: openpyxl pads every gap in the row
    numbers with empty rows and builds a dict per cell of a row before handing it
    over, calamine allocates the whole rectangle up front.
    """
    extent = _Extent()
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(1024 * 1024):
            data = tail + chunk
            cut = data.rfind(b"<")  # keep a tag cut by the chunk boundary for the next round
            data, tail = (data[:cut], data[cut:]) if cut >= 0 else (data, b"")
            if len(tail) > 64 * 1024:  # no tag is that long: not a tag, just text
                data, tail = data + tail, b""
            _scan_chunk(data, extent)
            _check_extent(extent, part, file)
    _scan_chunk(tail, extent)
    _check_extent(extent, part, file)


def check_xlsx(archive: zipfile.ZipFile, file: str) -> None:
    """The XLSX checks beyond :func:`open_zip`: no DTD, every worksheet within the limits."""
    with library_errors(file, XLSX):  # a damaged member (CRC, truncated deflate stream)
        check_xml_parts(archive, file, XLSX)
        for name in archive.namelist():
            if _WORKSHEET.fullmatch(name):
                scan_worksheet(archive, name, file)


def is_ole(data: bytes) -> bool:
    """An OLE compound file: old Excel/Word, or a password-protected OOXML file."""
    return data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def is_encrypted_ooxml(handle: BinaryIO) -> bool:
    """An OLE file holding an ``EncryptedPackage`` stream: an XLSX/DOCX with a password."""
    handle.seek(0)
    found = "EncryptedPackage".encode("utf-16-le") in handle.read(MAX_SHEET_BYTES)
    handle.seek(0)
    return found
