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

import re
import sys
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any, Final

import yaml

from ..errors import InputError, Problem
from ..messages import Messages, language
from .text import MESSAGES as TEXT_MESSAGES
from .text import check_characters, read_text
from .values import EVENTS_MODULE, NumberLike, YList, YMap
from .values import Parser as _Parser

# Limits (docs/limits.md): far above any real evaluation (the published
# examples are 3-12 KB, ~1,000 values, 4 levels), low enough that a hostile
# file is rejected, or fully processed, within seconds and ~100 MB.
# Written content costs the user's own bytes, so its limits are generous (the
# 10,000-leaf benchmark tree of bench/scale.py is 2.3 MB and 149,000 values);
# what aliases add costs nothing to write, so it has limits of its own.
MAX_DEPTH = 50  # nested mappings/lists (an indicator level uses two)
MAX_VALUES = 250_000  # keys, scalars and containers, written or added by aliases
MAX_ALIAS_VALUES = 20_000  # values that aliases add (sharing a bands table is a few hundred)
MAX_SCALAR_CHARS = 20_000  # one text (a long 评分依据 is a few thousand)
MAX_ALIAS_CHARS = 1_000_000  # characters of text that aliases add

MESSAGES = Messages(
    {
        "yaml_syntax": ("YAML 语法错误：{problem}", "YAML syntax error: {problem}"),
        "duplicate_key": (
            "键“{key}”重复（第一次出现在第 {first} 行）",
            "duplicate key '{key}' (first on line {first})",
        ),
        "bad_tag": ("不支持的 YAML 标签 {tag}", "unsupported YAML tag {tag}"),
        "complex_key": ("键必须是文字", "keys must be plain text"),
        "too_many_aliases": (
            "别名（*引用）展开后的节点过多（超过 {limit} 个）",
            "aliases (*refs) expand to too many nodes (over {limit})",
        ),
        "too_deep": ("嵌套过深（超过 {limit} 层）", "nesting too deep (over {limit} levels)"),
        "empty_file": ("文件是空的", "the file is empty"),
        "load_tab": (
            "第 {line} 行用制表符（Tab）缩进：YAML 只允许空格缩进；请把 Tab 换成空格",
            "line {line} is indented with a tab: YAML allows only spaces; replace the tab with spaces",
        ),
        "load_block_indicator": (
            "第 {line} 行的值以“{mark}”开头：YAML 把 {mark} 当作多行文字的标记；请给值加引号，"
            '写成 {key}: "{value}"（或用 ≥、≤）',
            "the value on line {line} starts with '{mark}', which YAML takes for a block of text; "
            'quote it: {key}: "{value}" (or write ≥, ≤)',
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
    },
    TEXT_MESSAGES,
)
t = MESSAGES.t


_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\Z")
# YAML 1.1 number forms perfscore does not read as numbers (see NumberLike): an octal
# (``010``) is looked for in every number; the others only in a text that may be one, so
# they are compiled on first use (about 0.3 ms of every start otherwise).
_OCTAL = re.compile(r"[-+]?0[0-9]+\Z")


@cache
def _other_forms() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return (
        ("sexagesimal", re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?\Z")),
        ("base", re.compile(r"[-+]?0(?:x[0-9a-fA-F_]+|o[0-7_]+|b[01_]+)\Z")),
        ("underscore", re.compile(r"[-+]?[0-9_]*[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?\Z")),
        ("special", re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z|\.(?:nan|NaN|NAN)\Z")),
    )


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
# The plain words that are not text, for one dict lookup instead of three set lookups.
_WORDS: dict[str, Any] = {
    **dict.fromkeys(_NULLS),
    **dict.fromkeys(_TRUE, True),
    **dict.fromkeys(_FALSE, False),
}
_TEXT = object()  # "not one of _WORDS"
# Every number, and every YAML 1.1 number form (_OCTAL, _other_forms), starts with one of these:
# any other plain scalar is text without trying a pattern (most are names and words).
_NUMERIC_START = frozenset("0123456789+-._")

_TAG = "tag:yaml.org,2002:"
_COLLECTION_TAGS = frozenset(("!", _TAG + "map", _TAG + "seq"))  # (and none)


# The words, and the numbers read before by their text ("5", "100", "0.5" recur value after
# value and file after file: one dict lookup instead of a pattern and a Decimal). Bounded, so
# that a long batch does not grow (short texts, 4,096 of them); what is kept is immutable, and
# the same for every file.
_READ: dict[str, Any] = dict(_WORDS)
_READ_KEPT = 4096


def plain_scalar(text: str, file: str | None = None, line: int | None = None) -> Any:
    """Interpret an unquoted scalar (see the module docstring). Never raises."""
    known = _READ.get(text, _TEXT)
    if known is not _TEXT:
        return known
    if text[0] not in _NUMERIC_START:
        return text
    value = _numeric(text)
    if len(text) <= 32 and len(_READ) < _READ_KEPT:
        _READ[text] = value
    return value


def _numeric(text: str) -> Any:
    """A plain scalar that starts as a number may: a Decimal, a NumberLike, or text."""
    if _NUMBER.match(text):
        if _OCTAL.match(text):
            return NumberLike(text, "octal")
        try:
            return Decimal(text)
        except InvalidOperation:  # an exponent beyond Decimal's range (1e99999999999999999999)
            return NumberLike(text, "huge")
    if len(text) <= 64 and (
        "_" in text or ":" in text or text.lstrip("+-")[:2] in ("0x", "0o", "0b") or "." in text[:2]
    ):
        for kind, pattern in _other_forms():
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
    elif tag == _TAG + "null" and text in _NULLS:
        return None
    raise InputError(Problem(t("bad_tag", tag=tag), file, line))


# libyaml's most frequent problems (as the fuzz run meets them), in words a user can act on;
# the original follows in parentheses so that it can still be searched for.
_SYNTAX_HINTS = {
    "mapping values are not allowed in this context": (
        "此处不能出现“键: 值”：文字中含“: ”时请给整段文字加引号，或检查缩进",
        "a 'key: value' cannot start here: quote text that contains ': ', or check the indentation",
    ),
    "did not find expected key": (
        "缩进不一致，或键值写法有误",
        "inconsistent indentation or a malformed key",
    ),
    "did not find expected '-' indicator": (
        "列表项的缩进不一致（找不到预期的“- ”）",
        "list items are not aligned (no '- ' where expected)",
    ),
    "did not find expected <document start>": (
        "顶层内容缩进不一致，或多出了内容",
        "the top level is not aligned, or has extra content",
    ),
    "could not find expected ':'": (
        "缺少“: ”（键后须有半角冒号加空格）",
        "missing ': ' after a key",
    ),
    "found character that cannot start any token": (
        "含有不能作为值开头的字符（如 @、`、%）；请给该值加引号",
        "a value starts with a character that cannot start one (@, `, %); quote the value",
    ),
    "found unexpected end of stream": (
        "文件意外结束（引号或括号没有闭合？）",
        "the file ends unexpectedly (an unclosed quote or bracket?)",
    ),
}


def _syntax_words(problem: str) -> str:
    for known, (zh, en) in _SYNTAX_HINTS.items():
        if problem.startswith(known):
            return f"{en} ({problem})" if language() == "en" else f"{zh}（{problem}）"
    return problem


@cache
def _block_value() -> re.Pattern[str]:
    """`target: >=45人`: a value starting with > or | that is not a block scalar's header
    (compiled on first use: only a refusal's hint needs it)."""
    return re.compile(r"\s*(?:-\s+)?([^\s:#'\"]+):\s+([>|])(?![+-]?[1-9]?[+-]?\s*(?:#.*)?$)(.*)$")


def _unquoted_block_indicator(lines: list[str], numbers: list[int]) -> str | None:
    """The hint for a value such as ``>=45人`` or ``|x|`` left unquoted, if that is the error."""
    for number in numbers:
        match = _block_value().match(lines[number - 1])
        if match:
            key, mark, rest = match.groups()
            value = (mark + rest).split(" #")[0].strip()
            return t("load_block_indicator", line=number, mark=mark, key=key, value=value)
    return None


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
            indent = lines[number - 1][
                : len(lines[number - 1]) - len(lines[number - 1].lstrip(" \t"))
            ]
            if "\t" in indent:
                return Problem(t("load_tab", line=number), file, number)
        if "tab" in problem:
            return Problem(t("load_tab", line=line), file, line)
        block = _unquoted_block_indicator(lines, nearby)
        if block is not None:
            return Problem(block, file, line)
        for number in nearby:
            if re.match(r"\s*(?:-\s+)?[^\s:：#'\"]+：", lines[number - 1]):
                return Problem(t("load_fullwidth_colon", problem=problem, line=number), file, line)
    return Problem(t("yaml_syntax", problem=problem), file, line)


# ---------------------------------------------------------------- the events
# libyaml's C parser (PyYAML's CParser, a Cython class) turns each of libyaml's events into a
# Python object by calling the classes of yaml.events, which it finds by name among its
# module's globals: about 870 a file, each through a plain-Python ``__init__`` (a third of the
# event stream's cost: docs/performance.md, "Fifth round"). For the length of one parse those
# names point at the compiled functions below, which make a tuple instead,
# (kind, anchor, tag, plain, value, line, style), that the builder reads without an attribute
# lookup. The pure-Python parser (where libyaml is missing) builds its events the same way, from
# yaml.parser's globals, with keyword arguments: the functions take PyYAML's own names.
SCALAR: Final = 0
MAPPING_START: Final = 1
SEQUENCE_START: Final = 2
END: Final = 3  # of a mapping or a list
ALIAS: Final = 4
DOCUMENT_START: Final = 5
STREAM_END: Final = 6
OTHER: Final = 7  # the stream's start, a document's end: nothing to build
Event = tuple[int, Any, Any, bool, Any, int, Any]


def _mark_line(mark: Any) -> int:
    return mark.line + 1 if mark is not None else 0


def scalar_event(
    anchor: Any,
    tag: Any,
    implicit: Any,
    value: Any,
    start_mark: Any = None,
    end_mark: Any = None,
    style: Any = None,
) -> Any:
    # implicit: (plain, quoted): whether the scalar's tag may be resolved from its text
    return (SCALAR, anchor, tag, bool(implicit[0]), value, _mark_line(start_mark), style)


def mapping_start_event(
    anchor: Any,
    tag: Any,
    implicit: Any,
    start_mark: Any = None,
    end_mark: Any = None,
    flow_style: Any = None,
) -> Any:
    return (MAPPING_START, anchor, tag, False, None, _mark_line(start_mark), None)


def sequence_start_event(
    anchor: Any,
    tag: Any,
    implicit: Any,
    start_mark: Any = None,
    end_mark: Any = None,
    flow_style: Any = None,
) -> Any:
    return (SEQUENCE_START, anchor, tag, False, None, _mark_line(start_mark), None)


_END_EVENT: Final[Any] = (END, None, None, False, None, 0, None)
_STREAM_END_EVENT: Final[Any] = (STREAM_END, None, None, False, None, 0, None)
_OTHER_EVENT: Final[Any] = (OTHER, None, None, False, None, 0, None)


def end_event(start_mark: Any = None, end_mark: Any = None) -> Any:
    return _END_EVENT


def stream_end_event(start_mark: Any = None, end_mark: Any = None) -> Any:
    return _STREAM_END_EVENT


def stream_start_event(start_mark: Any = None, end_mark: Any = None, encoding: Any = None) -> Any:
    return _OTHER_EVENT


def document_start_event(
    start_mark: Any = None,
    end_mark: Any = None,
    explicit: Any = None,
    version: Any = None,
    tags: Any = None,
) -> Any:
    return (DOCUMENT_START, None, None, False, None, _mark_line(start_mark), None)


def document_end_event(start_mark: Any = None, end_mark: Any = None, explicit: Any = None) -> Any:
    return _OTHER_EVENT


def alias_event(anchor: Any, start_mark: Any = None, end_mark: Any = None) -> Any:
    return (ALIAS, anchor, None, False, None, _mark_line(start_mark), None)


# yaml.events' class names → the function that makes the same event as a tuple.
EVENT_MAKERS: Final[dict[str, Any]] = {
    "ScalarEvent": scalar_event,
    "MappingStartEvent": mapping_start_event,
    "SequenceStartEvent": sequence_start_event,
    "MappingEndEvent": end_event,
    "SequenceEndEvent": end_event,
    "AliasEvent": alias_event,
    "DocumentStartEvent": document_start_event,
    "DocumentEndEvent": document_end_event,
    "StreamStartEvent": stream_start_event,
    "StreamEndEvent": stream_end_event,
}


def as_tuple(event: Any) -> Any:
    """One of yaml.events' objects as the tuple its maker gives (where the makers are not in
    place: another thread may be parsing YAML, see :func:`_alone`)."""
    name = type(event).__name__
    made = EVENT_MAKERS[name]
    if name == "ScalarEvent":
        return made(
            event.anchor,
            event.tag,
            event.implicit,
            event.value,
            event.start_mark,
            None,
            event.style,
        )
    if name == "AliasEvent":
        return made(event.anchor, event.start_mark)
    if name in ("MappingStartEvent", "SequenceStartEvent"):
        return made(event.anchor, event.tag, event.implicit, event.start_mark)
    return made(event.start_mark)  # the events that carry nothing the builder reads but a line


def _alone() -> bool:
    """No other thread runs: the makers can stand in for yaml.events' classes during a parse
    without another thread's parse (of any YAML, in a program that uses perfscore as a
    library) receiving tuples. (Without the threading module no thread was started.)"""
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


def parse(text: str, file: str) -> Any:
    """Parse one YAML document into YMap / YList / scalars (see module docstring).

    A character YAML forbids (YAML 1.1 §5.1) is refused by the parser itself (libyaml's
    reader and PyYAML's check the same set as :func:`.text.check_characters`), and a
    document is returned only once the whole stream has been read; so the text is searched
    for one, to name its line, only when the parse fails, and that message comes first, as
    when it was searched before parsing (about 1% of a batch's time on good files).
    """
    parser = _Parser(text)
    events = EVENTS_MODULE.__dict__
    saved: dict[str, Any] = {}
    try:
        if _alone():
            for name, made in EVENT_MAKERS.items():
                saved[name] = events[name]
                events[name] = made
            get_event = parser.get_event
        else:
            get = parser.get_event

            def get_event() -> Any:
                return as_tuple(get())

        return _Builder(file).run(get_event)
    except yaml.MarkedYAMLError as exc:
        check_characters(text, file)
        raise InputError(_syntax_problem(exc, text, file)) from None
    except yaml.YAMLError as exc:  # a reader error: the characters' message words it
        check_characters(text, file)
        raise InputError(
            Problem(t("yaml_syntax", problem=str(exc).splitlines()[0]), file)
        ) from None
    except InputError:
        check_characters(text, file)
        raise
    finally:
        events.update(saved)
        parser.dispose()


class _Frame:
    """A mapping or list being built, with what its parent needs to know of it."""

    __slots__ = ("anchor", "chars", "container", "key", "key_line", "line", "mapping", "values")

    def __init__(
        self, container: YMap | YList, anchor: str | None, line: int, values: int, chars: int
    ) -> None:
        self.container: Any = container  # YMap or YList: ``mapping`` says which
        self.mapping = isinstance(container, YMap)
        self.key: str | None = None  # a mapping's key waiting for its value
        self.key_line = 0
        self.anchor = anchor
        self.line = line
        # The builder's counts before this container: what it holds, and so what an alias
        # of it adds, is the difference at its end (counted once, not per value placed).
        self.values = values
        self.chars = chars


class _Builder:
    """libyaml's events → located values, iteratively, within the limits.

    Written values and those an alias adds are counted apart: what an alias
    adds costs nothing to write (MAX_ALIAS_VALUES, MAX_ALIAS_CHARS).

    This runs once per event of every file (about 800 for a 50-leaf file), so the
    common events take one method call each: a plain scalar is interpreted, counted
    and placed in :meth:`scalar`; the rare forms (tags, quotes, aliases) take the
    longer way.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.stack: list[_Frame] = []
        self.top: _Frame | None = None  # stack[-1]
        # anchor → (value, values, chars, text written for a number/boolean)
        self.anchors: dict[str, tuple[Any, int, int, str | None]] = {}
        self.values = self.chars = self.alias_values = self.alias_chars = 0
        self.root: Any = None
        self.documents = 0

    def run(self, get_event: Any) -> Any:
        scalar, start, end = self.scalar, self.start, self.end
        while True:
            event: Event = get_event()
            kind = event[0]  # most frequent first
            if kind == SCALAR:
                # The common scalar (a key, or a plain value, without tag or anchor, within
                # the limits) is placed here, without a call; any other, and any refused,
                # takes the long way (``scalar``) untouched, which words the refusal.
                frame = self.top
                text: str = event[4]
                size = len(text)
                if (
                    frame is None
                    or event[2] is not None  # a tag
                    or event[1]  # an anchor
                    or size > MAX_SCALAR_CHARS
                    or self.values >= MAX_VALUES
                ):
                    scalar(event)
                    continue
                container = frame.container
                if frame.mapping and frame.key is None:  # a key, plain or quoted
                    if text in container or (text == "<<" and not event[6]):
                        scalar(event)  # a duplicate, a merge key: refused there
                        continue
                    frame.key = text
                    frame.key_line = event[5]
                elif not event[3]:  # a quoted or block value
                    scalar(event)
                    continue
                elif frame.mapping:
                    value = plain_scalar(text)
                    key = frame.key
                    container[key] = value
                    container.key_lines[key] = frame.key_line
                    if value.__class__ is Decimal or value.__class__ is bool:
                        container.texts[key] = text
                    frame.key = None
                else:
                    container.append(plain_scalar(text))
                    container.item_lines.append(event[5])
                self.values += 1
                self.chars += size
            elif kind == END:
                end()
            elif kind == MAPPING_START:
                start(event, YMap(event[5]))
            elif self.other(event, kind):
                return self.result()

    def other(self, event: Event, kind: int) -> bool:
        """The rarer events; True at the end of the stream."""
        if kind == SEQUENCE_START:
            self.start(event, YList(event[5]))
        elif kind == STREAM_END:
            return True
        elif kind == ALIAS:
            self.alias(event[1], event[5])
        elif kind == DOCUMENT_START:
            self.document(event[5])
        return False

    def result(self) -> Any:
        if self.documents == 0 or self.root is None:
            raise InputError(Problem(t("empty_file"), self.file))
        return self.root

    def fail(self, message: str, line: int, path: str | None = None) -> InputError:
        return InputError(Problem(message, self.file, line, path))

    # -- counting ----------------------------------------------------------
    def count(self, new_values: int, line: int) -> None:
        self.values += new_values
        if self.values > MAX_VALUES:
            raise self.fail(t("load_too_many_values", limit=MAX_VALUES), line)

    def count_alias(self, new_values: int, chars: int, line: int) -> None:
        self.count(new_values, line)
        self.chars += chars
        self.alias_values += new_values
        self.alias_chars += chars
        if self.alias_values > MAX_ALIAS_VALUES:
            raise self.fail(t("too_many_aliases", limit=MAX_ALIAS_VALUES), line)
        if self.alias_chars > MAX_ALIAS_CHARS:
            raise self.fail(t("load_too_much_text", limit=MAX_ALIAS_CHARS), line)

    # -- placing a finished value ---------------------------------------------
    def attach(self, value: Any, line: int, written: str | None) -> None:
        """Put ``value`` (already counted) in the container being built."""
        frame = self.top
        if frame is None:
            self.root = value
        elif not frame.mapping:
            container = frame.container
            container.append(value)
            container.item_lines.append(line)
        elif frame.key is None:
            self.set_key(frame, value, line)
        else:
            key = frame.key
            mapping = frame.container
            mapping[key] = value
            mapping.key_lines[key] = frame.key_line
            if written is not None:
                mapping.texts[key] = written
            frame.key = None

    def set_key(self, frame: _Frame, key: Any, line: int) -> None:
        if not isinstance(key, str):
            raise self.fail(t("complex_key"), line)
        mapping = frame.container
        assert isinstance(mapping, YMap)
        if key in mapping:
            first = mapping.key_lines[key]
            raise self.fail(
                t("duplicate_key", key=key, first=first), line, _indicator_path(self.stack)
            )
        frame.key = key
        frame.key_line = line

    def awaiting_key(self) -> bool:
        frame = self.top
        return frame is not None and frame.mapping and frame.key is None

    # -- events ----------------------------------------------------------------
    def scalar(self, event: Event) -> None:
        _kind, anchor, tag, plain, text, line, style = event
        if len(text) > MAX_SCALAR_CHARS:
            raise self.fail(
                t("load_long_text", size=len(text), limit=MAX_SCALAR_CHARS),
                line,
                _indicator_path(self.stack),
            )
        # The common scalar never comes here: run() places it. What does: a key that may be
        # refused (a duplicate, a merge key), a tagged, anchored, quoted or block scalar, and
        # any scalar once the limits are near (refused here by count()).
        frame = self.top
        plain_key = tag is None and not anchor
        if plain_key and frame is not None and frame.mapping and frame.key is None:
            self.key(style, text, line, frame)
            return
        value, written = self.scalar_value(tag, plain, style, text, line)
        if anchor:
            self.anchors[anchor] = (value, 1, len(text), written)
        self.count(1, line)
        self.chars += len(text)
        self.attach(value, line, written)

    def key(self, style: Any, text: str, line: int, frame: _Frame) -> None:
        """A plain or quoted key without tag or anchor: its text, counted, checked, waiting."""
        if text == "<<" and not style:
            raise self.fail(t("load_merge_key"), line)
        self.count(1, line)
        self.chars += len(text)
        if text in frame.container:
            first = frame.container.key_lines[text]
            raise self.fail(
                t("duplicate_key", key=text, first=first), line, _indicator_path(self.stack)
            )
        frame.key = text
        frame.key_line = line

    def scalar_value(
        self, tag: Any, plain: bool, style: Any, text: str, line: int
    ) -> tuple[Any, str | None]:
        """The value of a scalar, and its text when it became a number or boolean."""
        if tag in (None, "!") and self.awaiting_key():
            if text == "<<" and not style:
                raise self.fail(t("load_merge_key"), line)
            return text, None  # keys are their text, as written
        if tag not in (None, "!") or not plain:
            return _tagged_scalar(tag or "!", text, self.file, line), None
        if style:  # quoted or block scalar: text
            return text, None
        value = plain_scalar(text, self.file, line)
        return value, (text if isinstance(value, (Decimal, bool)) else None)

    def start(self, event: Event, container: YMap | YList) -> None:
        line = container.line
        tag = event[2]
        if tag is not None and tag not in _COLLECTION_TAGS:
            raise self.fail(t("bad_tag", tag=tag), line)
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(t("too_deep", limit=MAX_DEPTH), line)
        self.count(1, line)
        frame = _Frame(container, event[1], line, self.values - 1, self.chars)
        self.stack.append(frame)
        self.top = frame

    def end(self) -> None:
        stack = self.stack
        frame = stack.pop()
        parent = self.top = stack[-1] if stack else None
        if frame.anchor:
            size = (self.values - frame.values, self.chars - frame.chars)
            self.anchors[frame.anchor] = (frame.container, *size, None)
        # Placed as attach() would place it; the root and a container as a key go there.
        if parent is None or (parent.mapping and parent.key is None):
            self.attach(frame.container, frame.line, None)
        elif parent.mapping:  # a mapping's value
            key = parent.key
            parent.container[key] = frame.container
            parent.container.key_lines[key] = parent.key_line
            parent.key = None
        else:  # a list's item
            parent.container.append(frame.container)
            parent.container.item_lines.append(frame.line)

    def alias(self, anchor: str, line: int) -> None:
        if anchor not in self.anchors:  # libyaml reports this itself; be safe
            raise self.fail(t("load_undefined_alias", name=anchor), line)
        value, size, chars, written = self.anchors[anchor]
        if self.awaiting_key():
            raise self.fail(t("complex_key"), line)  # an alias as a key
        self.count_alias(size, chars, line)
        self.attach(value, line, written)

    def document(self, line: int) -> None:
        self.documents += 1
        if self.documents > 1:
            raise self.fail(t("yaml_syntax", problem="more than one document (---)"), line)


def _indicator_path(stack: list[_Frame]) -> str | None:
    """The indicator path of the innermost node being built (for error messages).

    A node is a mapping in a list under ``indicators`` or ``children``; its
    name is known when ``name`` came before the offending key, as it usually does.
    """
    names = []
    for index in range(2, len(stack)):
        owner, items, node = stack[index - 2], stack[index - 1].container, stack[index].container
        if (
            isinstance(owner.container, YMap)
            and owner.key in ("indicators", "children")
            and isinstance(items, YList)
            and isinstance(node, YMap)
        ):
            name = node.get("name")
            names.append(name if isinstance(name, str) else f"#{len(items) + 1}")
    return "/".join(names) or None


def load_yaml(file: str) -> Any:
    """Read and parse ``file``; every failure is an :class:`InputError`."""
    return parse(read_text(file, characters=False), file)
