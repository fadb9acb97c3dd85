"""Bytes → text: the reading gate every text input passes through.

An input is read only if it is a file of reasonable size (checked before
reading, and bounded even where the size is unknown), in an encoding we can
name. Encodings: UTF-8 with or without BOM, and UTF-16/UTF-32 with a BOM
(Notepad's "Unicode"), are decoded. Anything else is rejected with a message
naming the encoding the bytes look like (GBK/GB18030, UTF-16 without BOM, an
Office file). We deliberately do *not* fall back to decoding GB18030: almost
any byte sequence is valid GB18030, so a Big5, Latin-1 or damaged UTF-8 file
would be read as mojibake and scored silently; one "Save as UTF-8" is a small
price for never scoring garbage. Limits: docs/limits.md.
"""

from __future__ import annotations

import os
import re
import stat

from ..errors import InputError, Problem
from ..messages import Messages

MAX_FILE_BYTES = 8 * 1024 * 1024  # read at most this much (docs/limits.md)

MESSAGES = Messages(
    {
        "file_not_found": ("找不到文件", "file not found"),
        "file_unreadable": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
        "is_directory": ("这是一个文件夹，不是文件", "this is a folder, not a file"),
        "not_utf8": (
            "文件不是 UTF-8 编码（第 {line} 行有无法解码的字节）；请用 UTF-8 另存",
            "the file is not UTF-8 (undecodable bytes on line {line}); save it as UTF-8",
        ),
        "load_too_big": (
            "文件过大（{size} 字节，上限 {limit} 字节）：评价文件通常只有几十 KB，请确认选对了文件",
            "the file is too large ({size} bytes, limit {limit}): evaluation files are a few tens of KB; is this the right file?",
        ),
        "load_bad_name": (
            "文件名无效（含 NUL 字符）",
            "invalid file name (it contains a NUL character)",
        ),
        "load_permission": ("没有读取该文件的权限", "permission denied: cannot read the file"),
        "load_gbk": (
            "文件看起来是 GBK/GB18030 编码（第 {line} 行起不是 UTF-8）；请在编辑器中“另存为”UTF-8 编码后再试",
            "the file looks like GBK/GB18030 (not UTF-8 from line {line}); save it as UTF-8 and retry",
        ),
        "load_utf16_no_bom": (
            "文件看起来是不带 BOM 的 UTF-16 编码；请另存为 UTF-8",
            "the file looks like UTF-16 without a BOM; save it as UTF-8",
        ),
        "load_bad_bom": (
            "文件以 {encoding} 的 BOM 开头，但内容无法按 {encoding} 解码；请另存为 UTF-8",
            "the file starts with a {encoding} BOM but does not decode as {encoding}; save it as UTF-8",
        ),
        "load_office_file": (
            "这是 Excel/Word 等二进制文件，不是 YAML 文本文件；请给出 .yaml 评价文件",
            "this is a binary (Excel/Word) file, not a YAML text file; give the .yaml evaluation file",
        ),
        "load_control_char": (
            "第 {line} 行含不可见的控制字符 {code}，YAML 不允许（常见于从网页、Word 或 Excel 复制的文字）；请删除它",
            "line {line} contains the invisible control character {code}, which YAML forbids (often copied from web pages, Word or Excel); delete it",
        ),
    }
)
t = MESSAGES.t


def read_text(file: str) -> str:
    """Read an evaluation file as text, or explain why not (size checked before reading)."""
    try:
        with open(file, "rb") as handle:
            status = os.fstat(handle.fileno())
            if stat.S_ISDIR(status.st_mode):
                raise InputError(Problem(t("is_directory"), file))
            if stat.S_ISREG(status.st_mode) and status.st_size > MAX_FILE_BYTES:
                raise InputError(
                    Problem(t("load_too_big", size=status.st_size, limit=MAX_FILE_BYTES), file)
                )
            # Bounded even where the size is unknown (/dev/zero, a pipe).
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InputError(Problem(t("file_not_found"), file)) from None
    except IsADirectoryError:
        raise InputError(Problem(t("is_directory"), file)) from None
    except PermissionError:
        raise InputError(Problem(t("load_permission"), file)) from None
    except ValueError:  # a NUL in the name
        raise InputError(Problem(t("load_bad_name"), file)) from None
    except OSError as exc:
        raise InputError(Problem(t("file_unreadable", reason=exc.strerror or exc), file)) from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(
            Problem(t("load_too_big", size=f"> {MAX_FILE_BYTES}", limit=MAX_FILE_BYTES), file)
        )
    return decode(data, file)


# Byte-order marks, longest first (the UTF-32-LE mark begins with the UTF-16-LE one).
_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32-BE"),
    (b"\xff\xfe\x00\x00", "UTF-32-LE"),
    (b"\xef\xbb\xbf", "UTF-8"),
    (b"\xfe\xff", "UTF-16-BE"),
    (b"\xff\xfe", "UTF-16-LE"),
)
# Characters YAML forbids in a stream (YAML 1.1 §5.1, as libyaml checks them).
_FORBIDDEN = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_CJK = re.compile("[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")


def _line_at(text: str, position: int) -> int:
    """The 1-based line of ``position``, counting line breaks as YAML does."""
    return len(_BREAKS.findall(text, 0, position)) + 1


def decode(data: bytes, file: str) -> str:
    """Bytes → text: UTF-8 (BOM optional) or UTF-16/32 with a BOM; else a message."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(Problem(t("load_bad_bom", encoding=encoding), file)) from None
            return _check_characters(text, file)
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):  # zip (xlsx/docx) or OLE (xls/doc)
        raise InputError(Problem(t("load_office_file"), file))
    head = data[:4096]
    if (
        len(head) >= 4
        and head.count(b"\x00") * 3 >= len(head)
        and (head[1::2].count(0) * 4 >= len(head) or head[0::2].count(0) * 4 >= len(head))
    ):
        raise InputError(Problem(t("load_utf16_no_bom"), file))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        try:
            looks_gbk = bool(_CJK.search(data.decode("gb18030")))
        except UnicodeDecodeError:
            looks_gbk = False
        key = "load_gbk" if looks_gbk else "not_utf8"
        raise InputError(Problem(t(key, line=line), file, line)) from None
    return _check_characters(text, file)


def _check_characters(text: str, file: str) -> str:
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        line = _line_at(text, bad.start())
        code = f"U+{ord(bad.group()):04X}"
        raise InputError(Problem(t("load_control_char", line=line, code=code), file, line))
    return text
