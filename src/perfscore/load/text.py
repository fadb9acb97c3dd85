"""Bytes → text: how every text input (YAML, CSV) is decoded.

The bytes come through the reading gate (:mod:`.gate`: a regular file, of
reasonable size); the text must be in an encoding we can name. Encodings:
UTF-8 with or without BOM, and UTF-16/UTF-32 with a BOM (Notepad's
"Unicode"), are decoded. Anything else is rejected with a message
naming the encoding the bytes look like (GBK/GB18030, UTF-16 without BOM, an
Office file). We deliberately do *not* fall back to decoding GB18030: almost
any byte sequence is valid GB18030, so a Big5, Latin-1 or damaged UTF-8 file
would be read as mojibake and scored silently; one "Save as UTF-8" is a small
price for never scoring garbage. Limits: docs/limits.md.
"""

from __future__ import annotations

import re
from functools import cache

from ..errors import InputError, Problem
from ..messages import Messages
from . import gate
from .gate import MAX_TEXT_BYTES as MAX_FILE_BYTES  # noqa: F401  (the YAML limit, re-exported)
from .gate import MESSAGES as GATE

MESSAGES = Messages(
    {
        "not_utf8": (
            "文件不是 UTF-8 编码（第 {line} 行有无法解码的字节）；请用 UTF-8 另存",
            "the file is not UTF-8 (undecodable bytes on line {line}); save it as UTF-8",
        ),
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
        "load_office_file_text": (
            "这是 Excel/Word 等二进制文件，不是 {format} 文本文件",
            "this is a binary (Excel/Word) file, not a {format} text file",
        ),
        "load_control_char": (
            "第 {line} 行含不可见的控制字符 {code}，YAML 不允许（常见于从网页、Word 或 Excel 复制的文字）；请删除它",
            "line {line} contains the invisible control character {code}, which YAML forbids (often copied from web pages, Word or Excel); delete it",
        ),
        "load_control_char_text": (
            "第 {line} 行含不可见的控制字符 {code}（常见于从网页、Word 或 Excel 复制的文字）；请删除它",
            "line {line} contains the invisible control character {code} (often copied from web pages, Word or Excel); delete it",
        ),
    },
    GATE,
)
t = MESSAGES.t


def read_text(file: str, kind: gate.Kind = gate.YAML, *, characters: bool = True) -> str:
    """Read a text input (an evaluation file by default) through the reading gate and decode it
    (``characters``: see :func:`decode`)."""
    return decode(gate.read_bytes(file, kind), file, kind, characters=characters)


# Byte-order marks, longest first (the UTF-32-LE mark begins with the UTF-16-LE one).
_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32-BE"),
    (b"\xff\xfe\x00\x00", "UTF-32-LE"),
    (b"\xef\xbb\xbf", "UTF-8"),
    (b"\xfe\xff", "UTF-16-BE"),
    (b"\xff\xfe", "UTF-16-LE"),
)
# Characters YAML forbids in a stream (YAML 1.1 §5.1, as libyaml checks them): everything
# but TAB, LF, CR, 0x20-0x7E, NEL, 0xA0-0xD7FF, 0xE000-0xFFFD and 0x10000-0x10FFFF. Written
# as the forbidden ranges themselves, the complement of that allowed set within Unicode
# (tests/test_load_text.py compares the two on random text): the same answers, and
# compiled in 0.5 ms where the negated class took 4.7 ms at every start.
# (The surrogates as the pattern's escapes: a compiled module cannot hold them as text.)
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\\ud800-\\udfff\ufffe\uffff]")


# Needed only to word a refusal, so compiled on the first one (about 2 ms at start otherwise).
@cache
def _breaks() -> re.Pattern[str]:
    return re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@cache
def _cjk() -> re.Pattern[str]:
    return re.compile("[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")


def _line_at(text: str, position: int) -> int:
    """The 1-based line of ``position``, counting line breaks as YAML does."""
    return len(_breaks().findall(text, 0, position)) + 1


def decode(data: bytes, file: str, kind: gate.Kind = gate.YAML, *, characters: bool = True) -> str:
    """Bytes → text: UTF-8 (BOM optional) or UTF-16/32 with a BOM; else a message.

    ``characters=False`` leaves the forbidden characters to the caller: the YAML loader,
    whose parser refuses the same characters (``load.yaml.parse`` words it then with
    :func:`check_characters`), so that a good file's text is not searched twice.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(Problem(t("load_bad_bom", encoding=encoding), file)) from None
            return check_characters(text, file, kind) if characters else text
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):  # zip (xlsx/docx) or OLE (xls/doc)
        if kind is gate.YAML:
            raise InputError(Problem(t("load_office_file"), file))
        raise InputError(Problem(t("load_office_file_text", format=kind.name), file))
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
            looks_gbk = bool(_cjk().search(data.decode("gb18030")))
        except UnicodeDecodeError:
            looks_gbk = False
        key = "load_gbk" if looks_gbk else "not_utf8"
        raise InputError(Problem(t(key, line=line), file, line)) from None
    return check_characters(text, file, kind) if characters else text


def check_characters(text: str, file: str, kind: gate.Kind = gate.YAML) -> str:
    """``text`` unless it holds a character YAML forbids: then the message naming it."""
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        line = _line_at(text, bad.start())
        code = f"U+{ord(bad.group()):04X}"
        key = "load_control_char" if kind is gate.YAML else "load_control_char_text"
        raise InputError(Problem(t(key, line=line, code=code), file, line))
    return text
