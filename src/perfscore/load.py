"""YAML text → plain Python values that remember their line numbers.

Why not ``yaml.load``: perfscore needs three things PyYAML's constructors do
not give: numbers read as ``Decimal`` from their text (never through binary
floats), duplicate keys rejected (PyYAML keeps the last one silently), and a
line number for every key so that errors can point at it. We therefore read
the *event stream* of the libyaml C parser (falling back to the pure-Python
parser) and build the values ourselves, iteratively, so that neither deep
nesting nor alias expansion can exhaust the stack or the memory.

Scalars are interpreted deliberately, close to the YAML 1.2 core schema
rather than PyYAML's YAML 1.1 defaults:

* ``true``/``false`` (``True``, ``TRUE`` …) are booleans; ``yes``/``no``/
  ``on``/``off`` stay text, so a name ``no`` is not turned into ``False``
  (where a boolean is expected, :mod:`perfscore.fields` says to write true/false);
* plain decimal numbers (``12``, ``-0.5``, ``1e3``) become ``Decimal``, and
  the text they were written as is kept (``YMap.texts``) so that a name or a
  code ``1e3`` stays ``1e3``;
* the YAML 1.1 forms that are *not* read as numbers stay text, marked as
  :class:`NumberLike` so that a field expecting a number can say exactly
  why: ``010`` (octal in YAML 1.1), ``1:30`` (sexagesimal: 90), ``0x1F``,
  ``1_000``, ``.inf``, ``.nan``. Where text is expected (a ``code: 0101``)
  they are simply the text as written;
* dates (``2023-12-15``) stay text;
* ``~``, ``null`` and an empty value are ``None``;
* the merge key ``<<`` is refused (write the keys out).

Input limits (docs/limits.md) keep hostile files cheap to reject: the file
size is checked before reading, nesting depth and the number of values and
characters are counted while building, and what aliases add is counted
apart (``MAX_ALIAS_VALUES``, ``MAX_ALIAS_CHARS``): a "billion laughs" file
stops after 20,000 added values, and every later walk of the tree (checks,
scoring, rendering), which sees shared structures once per reference, is
bounded by the written size plus that.

Encodings: UTF-8 with or without BOM, and UTF-16/UTF-32 with a BOM (Notepad's
"Unicode"), are decoded. Anything else is rejected with a message naming
the encoding the bytes look like (GBK/GB18030, UTF-16 without BOM, an Office
file). We deliberately do *not* fall back to decoding GB18030: almost any
byte sequence is valid GB18030, so a Big5, Latin-1 or damaged UTF-8 file
would be read as mojibake and scored silently; one "Save as UTF-8" is a
small price for never scoring garbage.
"""

from __future__ import annotations

import os
import re
import stat
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from .errors import InputError, Problem
from .messages import language, register, t

# Limits (docs/limits.md): far above any real evaluation (the published
# examples are 3-12 KB, ~1,000 values, 4 levels), low enough that a hostile
# file is rejected, or fully processed, within seconds and ~100 MB.
# Written content costs the user's own bytes, so its limits are generous (the
# 10,000-leaf benchmark tree of bench/scale.py is 2.3 MB and 149,000 values);
# what aliases add costs nothing to write, so it has limits of its own.
MAX_FILE_BYTES = 8 * 1024 * 1024  # read at most this much
MAX_DEPTH = 50  # nested mappings/lists (an indicator level uses two)
MAX_VALUES = 250_000  # keys, scalars and containers, written or added by aliases
MAX_ALIAS_VALUES = 20_000  # values that aliases add (sharing a bands table is a few hundred)
MAX_SCALAR_CHARS = 20_000  # one text (a long 评分依据 is a few thousand)
MAX_ALIAS_CHARS = 1_000_000  # characters of text that aliases add
MAX_NODES = MAX_VALUES  # old name, kept for callers

register({
    "load_too_big": (
        "文件过大（{size} 字节，上限 {limit} 字节）：评价文件通常只有几十 KB，请确认选对了文件",
        "the file is too large ({size} bytes, limit {limit}): evaluation files are a few tens of KB; is this the right file?",
    ),
    "load_bad_name": ("文件名无效（含 NUL 字符）", "invalid file name (it contains a NUL character)"),
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
    "load_tab": (
        "第 {line} 行用制表符（Tab）缩进：YAML 只允许空格缩进；请把 Tab 换成空格",
        "line {line} is indented with a tab: YAML allows only spaces; replace the tab with spaces",
    ),
    "load_fullwidth_colon": (
        "YAML 语法错误：{problem}（第 {line} 行的键后用了全角冒号“：”？YAML 须用半角冒号加空格“: ”）",
        "YAML syntax error: {problem} (line {line} uses a full-width colon '：' after a key? YAML needs ': ')",
    ),
    "load_too_many_values": (
        "文件的值过多（超过 {limit} 个）：评价文件通常只有几千个",
        "the file has too many values (over {limit}); evaluation files have a few thousand",
    ),
    "load_too_much_text": (
        "别名（*引用）展开后的文字过多（超过 {limit} 个字符）",
        "aliases (*refs) expand to too much text (over {limit} characters)",
    ),
    "load_long_text": (
        "文字过长（{size} 个字符，上限 {limit}）",
        "text too long ({size} characters, limit {limit})",
    ),
    "load_undefined_alias": (
        "引用了未定义的锚点 *{name}（锚点 &{name} 须写在引用它的地方之前）",
        "the alias *{name} refers to no anchor (the anchor &{name} must come before it)",
    ),
    "load_merge_key": (
        "不支持 YAML 合并键“<<”：请把要共用的键逐一写出",
        "YAML merge keys '<<' are not supported: write the keys out",
    ),
})


class NumberLike(str):
    """Text that YAML 1.1 would have read as a number, or a number out of range.

    ``kind`` is one of ``octal`` (``010``), ``sexagesimal`` (``1:30``),
    ``base`` (``0x1F``, ``0o17``, ``0b101``), ``underscore`` (``1_000``),
    ``special`` (``.inf``, ``.nan``) or ``huge`` (an exponent no Decimal
    holds). It is a ``str``: as text it is exactly what was written.
    """

    kind: str

    def __new__(cls, text: str, kind: str) -> "NumberLike":
        self = super().__new__(cls, text)
        self.kind = kind
        return self


try:  # PyYAML does not re-export CParser at the top level: import it from cyaml
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - libyaml missing
    _Parser = None
if _Parser is None:  # pragma: no cover - libyaml missing
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _PyParser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _PyParser.__init__(self)

        def dispose(self) -> None:
            pass


class YMap(dict):
    """A mapping that knows its own line and the line of each key (1-based).

    ``texts`` keeps, for each value read as a number or boolean, the text it
    was written as, so that a text field can take it as written.
    """

    __slots__ = ("line", "key_lines", "texts")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}
        self.texts: dict[str, str] = {}


class YList(list):
    """A list that knows its own line and the line of each item (1-based)."""

    __slots__ = ("line", "item_lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []


_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\Z")
# YAML 1.1 number forms perfscore does not read as numbers (see NumberLike).
_NOT_NUMBERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("octal", re.compile(r"[-+]?0[0-9]+\Z")),
    ("sexagesimal", re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?\Z")),
    ("base", re.compile(r"[-+]?0(?:x[0-9a-fA-F_]+|o[0-7_]+|b[01_]+)\Z")),
    ("underscore", re.compile(r"[-+]?[0-9_]*[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?\Z")),
    ("special", re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z|\.(?:nan|NaN|NAN)\Z")),
)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})

_TAG = "tag:yaml.org,2002:"


def plain_scalar(text: str, file: str | None = None, line: int | None = None) -> Any:
    """Interpret an unquoted scalar (see the module docstring). Never raises."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _NUMBER.match(text):
        if _NOT_NUMBERS[0][1].match(text):
            return NumberLike(text, "octal")
        try:
            return Decimal(text)
        except InvalidOperation:  # an exponent beyond Decimal's range (1e99999999999999999999)
            return NumberLike(text, "huge")
    if len(text) <= 64 and ("_" in text or ":" in text or text.lstrip("+-")[:2] in ("0x", "0o", "0b")
                            or "." in text[:2]):
        for kind, pattern in _NOT_NUMBERS[1:]:
            if pattern.match(text) and (kind != "underscore" or "_" in text):
                return NumberLike(text, kind)
    return text


def _tagged_scalar(tag: str, text: str, file: str, line: int) -> Any:
    if tag in ("!", _TAG + "str"):
        return text
    if tag in (_TAG + "int", _TAG + "float"):
        value = plain_scalar(text, file, line)
        if isinstance(value, Decimal):
            return value
    elif tag == _TAG + "bool":
        value = plain_scalar(text, file, line)
        if isinstance(value, bool):
            return value
    elif tag == _TAG + "null":
        if text in _NULLS:
            return None
    raise InputError(Problem(t("bad_tag", tag=tag), file, line))


def read_text(file: str) -> str:
    """Read an evaluation file as text, or explain why not (size checked before reading)."""
    try:
        with open(file, "rb") as handle:
            status = os.fstat(handle.fileno())
            if stat.S_ISDIR(status.st_mode):
                raise InputError(Problem(t("is_directory"), file))
            if stat.S_ISREG(status.st_mode) and status.st_size > MAX_FILE_BYTES:
                raise InputError(Problem(t("load_too_big", size=status.st_size,
                                           limit=MAX_FILE_BYTES), file))
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
        raise InputError(Problem(t("load_too_big", size=f"> {MAX_FILE_BYTES}",
                                   limit=MAX_FILE_BYTES), file))
    return decode(data, file)


# Byte-order marks, longest first (the UTF-32-LE mark begins with the UTF-16-LE one).
_BOMS = ((b"\x00\x00\xfe\xff", "UTF-32-BE"), (b"\xff\xfe\x00\x00", "UTF-32-LE"),
         (b"\xef\xbb\xbf", "UTF-8"), (b"\xfe\xff", "UTF-16-BE"), (b"\xff\xfe", "UTF-16-LE"))
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
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(Problem(t("load_bad_bom", encoding=encoding), file)) from None
            return _check_characters(text, file)
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):  # zip (xlsx/docx) or OLE (xls/doc)
        raise InputError(Problem(t("load_office_file"), file))
    head = data[:4096]
    if len(head) >= 4 and head.count(b"\x00") * 3 >= len(head) and (
            head[1::2].count(0) * 4 >= len(head) or head[0::2].count(0) * 4 >= len(head)):
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


# libyaml's most frequent problems (as the fuzz run meets them), in words a user can act on;
# the original follows in parentheses so that it can still be searched for.
_SYNTAX_HINTS = {
    "mapping values are not allowed in this context":
        ("此处不能出现“键: 值”：文字中含“: ”时请给整段文字加引号，或检查缩进",
         "a 'key: value' cannot start here: quote text that contains ': ', or check the indentation"),
    "did not find expected key":
        ("缩进不一致，或键值写法有误", "inconsistent indentation or a malformed key"),
    "did not find expected '-' indicator":
        ("列表项的缩进不一致（找不到预期的“- ”）", "list items are not aligned (no '- ' where expected)"),
    "did not find expected <document start>":
        ("顶层内容缩进不一致，或多出了内容", "the top level is not aligned, or has extra content"),
    "could not find expected ':'":
        ("缺少“: ”（键后须有半角冒号加空格）", "missing ': ' after a key"),
    "found character that cannot start any token":
        ("含有不能作为值开头的字符（如 @、`、%）；请给该值加引号",
         "a value starts with a character that cannot start one (@, `, %); quote the value"),
    "found unexpected end of stream":
        ("文件意外结束（引号或括号没有闭合？）", "the file ends unexpectedly (an unclosed quote or bracket?)"),
}


def _syntax_words(problem: str) -> str:
    for known, (zh, en) in _SYNTAX_HINTS.items():
        if problem.startswith(known):
            return f"{en} ({problem})" if language() == "en" else f"{zh}（{problem}）"
    return problem


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    """A libyaml error in words a user can act on (tabs, full-width colons)."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    problem = _syntax_words(exc.problem or exc.context or "?")
    if "nesting depth" in problem:
        return Problem(t("too_deep", limit=MAX_DEPTH), file, line)
    if line is not None:
        lines = text.splitlines()
        nearby = [n for n in (line, line - 1) if 0 < n <= len(lines)]
        for number in nearby:
            indent = lines[number - 1][: len(lines[number - 1]) - len(lines[number - 1].lstrip(" \t"))]
            if "\t" in indent:
                return Problem(t("load_tab", line=number), file, number)
        if "tab" in problem:
            return Problem(t("load_tab", line=line), file, line)
        for number in nearby:
            if re.match(r"\s*(?:-\s+)?[^\s:：#'\"]+：", lines[number - 1]):
                return Problem(t("load_fullwidth_colon", problem=problem, line=number), file, line)
    return Problem(t("yaml_syntax", problem=problem), file, line)


def parse(text: str, file: str) -> Any:
    """Parse one YAML document into YMap / YList / scalars (see module docstring)."""
    parser = _Parser(text)
    try:
        return _build(parser, file)
    except yaml.MarkedYAMLError as exc:
        raise InputError(_syntax_problem(exc, text, file)) from None
    except yaml.YAMLError as exc:  # reader errors (checked for before, kept as a net)
        raise InputError(Problem(t("yaml_syntax", problem=str(exc).splitlines()[0]), file)) from None
    finally:
        parser.dispose()


def _build(parser: Any, file: str) -> Any:
    # Each frame: [container, values, pending_key, pending_key_line, anchor, start_line, chars]
    stack: list[list[Any]] = []
    # anchor → (value, values, chars, text written for a number/boolean)
    anchors: dict[str, tuple[Any, int, int, str | None]] = {}
    values = alias_values = alias_chars_total = 0
    root: Any = None
    documents = 0

    def count(new_values: int, line: int, aliased: bool = False, alias_chars: int = 0) -> None:
        nonlocal values, alias_values, alias_chars_total
        values += new_values
        if values > MAX_VALUES:
            raise InputError(Problem(t("load_too_many_values", limit=MAX_VALUES), file, line))
        if aliased:  # what an alias adds costs nothing to write: limited apart
            alias_values += new_values
            alias_chars_total += alias_chars
            if alias_values > MAX_ALIAS_VALUES:
                raise InputError(Problem(t("too_many_aliases", limit=MAX_ALIAS_VALUES), file, line))
            if alias_chars_total > MAX_ALIAS_CHARS:
                raise InputError(Problem(t("load_too_much_text", limit=MAX_ALIAS_CHARS), file, line))

    def attach(value: Any, size: int, text_size: int, line: int, written: str | None) -> None:
        """Put ``value`` (a subtree of ``size`` values, already counted) in its container."""
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        frame[1] += size
        frame[6] += text_size
        container = frame[0]
        if isinstance(container, YList):
            container.append(value)
            container.item_lines.append(line)
        elif frame[2] is None:  # this value is a key
            if not isinstance(value, str):
                raise InputError(Problem(t("complex_key"), file, line))
            if value in container:
                first = container.key_lines[value]
                raise InputError(Problem(t("duplicate_key", key=value, first=first), file, line,
                                         _indicator_path(stack)))
            frame[2] = value
            frame[3] = line
        else:
            key = frame[2]
            container[key] = value
            container.key_lines[key] = frame[3]
            if written is not None:
                container.texts[key] = written
            frame[2] = None

    while True:
        event = parser.get_event()
        kind = type(event).__name__
        line = event.start_mark.line + 1 if event.start_mark is not None else 0
        if kind == "ScalarEvent":
            text = event.value
            if len(text) > MAX_SCALAR_CHARS:
                raise InputError(Problem(t("load_long_text", size=len(text), limit=MAX_SCALAR_CHARS),
                                         file, line, _indicator_path(stack)))
            frame = stack[-1] if stack else None
            is_key = frame is not None and isinstance(frame[0], YMap) and frame[2] is None
            written = None
            if is_key and event.tag in (None, "!"):
                if text == "<<" and not event.style:
                    raise InputError(Problem(t("load_merge_key"), file, line))
                value: Any = text  # keys are their text, as written
            elif event.tag not in (None, "!") or not event.implicit[0]:
                value = _tagged_scalar(event.tag or "!", text, file, line)
            elif event.style:  # quoted or block scalar: text
                value = text
            else:
                value = plain_scalar(text, file, line)
                if isinstance(value, (Decimal, bool)):
                    written = text
            if event.anchor:
                anchors[event.anchor] = (value, 1, len(text), written)
            count(1, line)
            attach(value, 1, len(text), line, written)
        elif kind in ("MappingStartEvent", "SequenceStartEvent"):
            if event.tag not in (None, "!", _TAG + "map", _TAG + "seq"):
                raise InputError(Problem(t("bad_tag", tag=event.tag), file, line))
            if len(stack) >= MAX_DEPTH:
                raise InputError(Problem(t("too_deep", limit=MAX_DEPTH), file, line))
            count(1, line)
            container = YMap(line) if kind == "MappingStartEvent" else YList(line)
            stack.append([container, 1, None, 0, event.anchor, line, 0])
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            container, size, _key, _kl, anchor, start, text_size = stack.pop()
            if anchor:
                anchors[anchor] = (container, size, text_size, None)
            attach(container, size, text_size, start, None)
        elif kind == "AliasEvent":
            if event.anchor not in anchors:  # libyaml reports this itself; be safe
                raise InputError(Problem(t("load_undefined_alias", name=event.anchor), file, line))
            value, size, text_size, written = anchors[event.anchor]
            if stack and isinstance(stack[-1][0], YMap) and stack[-1][2] is None:
                raise InputError(Problem(t("complex_key"), file, line))  # an alias as a key
            count(size, line, aliased=True, alias_chars=text_size)
            attach(value, size, text_size, line, written)
        elif kind == "DocumentStartEvent":
            documents += 1
            if documents > 1:
                raise InputError(
                    Problem(t("yaml_syntax", problem="more than one document (---)"), file, line)
                )
        elif kind == "StreamEndEvent":
            break
    if documents == 0 or root is None:
        raise InputError(Problem(t("empty_file"), file))
    return root


def _indicator_path(stack: list[list[Any]]) -> str | None:
    """The indicator path of the innermost node being built (for error messages).

    A node is a mapping in a list under ``indicators`` or ``children``; its
    name is known when ``name`` came before the offending key, as it usually does.
    """
    names = []
    for index in range(2, len(stack)):
        owner, items, node = stack[index - 2], stack[index - 1], stack[index][0]
        if (isinstance(owner[0], YMap) and owner[2] in ("indicators", "children")
                and isinstance(items[0], YList) and isinstance(node, YMap)):
            name = node.get("name")
            names.append(name if isinstance(name, str) else f"#{len(items[0]) + 1}")
    return "/".join(names) or None


def load_yaml(file: str) -> Any:
    """Read and parse ``file``; every failure is an :class:`InputError`."""
    return parse(read_text(file), file)
