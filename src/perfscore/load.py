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

* ``true``/``false`` (any case) are booleans; ``yes``/``no``/``on``/``off``
  stay text, so a name ``no`` is not turned into ``False``;
* plain decimal numbers (``12``, ``-0.5``, ``1e3``) become ``Decimal``;
  ``010`` is refused (YAML 1.1 reads it as octal 8); ``1:30`` (sexagesimal),
  ``0x1F``, ``1_000``, ``.inf`` and ``.nan`` stay text and are refused where a
  number is expected;
* dates (``2023-12-15``) stay text;
* ``~``, ``null`` and an empty value are ``None``.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from typing import Any

import yaml

from .errors import InputError, Problem
from .messages import t

# Limits: far above any real evaluation, low enough to stay fast on hostile input.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 200  # nested mappings/lists
MAX_NODES = 1_000_000  # values after alias expansion

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
    """A mapping that knows its own line and the line of each key (1-based)."""

    __slots__ = ("line", "key_lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}


class YList(list):
    """A list that knows its own line and the line of each item (1-based)."""

    __slots__ = ("line", "item_lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []


_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\Z")
_LEADING_ZERO = re.compile(r"[-+]?0\d+\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})

_TAG = "tag:yaml.org,2002:"


def plain_scalar(text: str, file: str, line: int) -> Any:
    """Interpret an unquoted scalar (see the module docstring)."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _NUMBER.match(text):
        if _LEADING_ZERO.match(text):
            raise InputError(Problem(t("leading_zero", text=text), file, line))
        return Decimal(text)
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
    """Read a UTF-8 file (with or without BOM) as text, or explain why not."""
    try:
        if os.path.isdir(file):
            raise InputError(Problem(t("is_directory"), file))
        size = os.path.getsize(file)
        if size > MAX_FILE_BYTES:
            raise InputError(
                Problem(t("file_unreadable", reason=f"{size} > {MAX_FILE_BYTES} bytes"), file)
            )
        with open(file, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError(Problem(t("file_not_found"), file)) from None
    except OSError as exc:
        raise InputError(Problem(t("file_unreadable", reason=exc.strerror or exc), file)) from None
    return decode(data, file)


def decode(data: bytes, file: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(Problem(t("not_utf8", line=line), file, line)) from None


def parse(text: str, file: str) -> Any:
    """Parse one YAML document into YMap / YList / scalars (see module docstring)."""
    parser = _Parser(text)
    try:
        return _build(parser, file)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "?"
        raise InputError(Problem(t("yaml_syntax", problem=problem), file, line)) from None
    except yaml.YAMLError as exc:  # reader errors (control characters …)
        raise InputError(Problem(t("yaml_syntax", problem=str(exc).splitlines()[0]), file)) from None
    finally:
        parser.dispose()


def _build(parser: Any, file: str) -> Any:
    # Each frame: [container, size, pending_key, pending_key_line, anchor, start_line]
    stack: list[list[Any]] = []
    anchors: dict[str, tuple[Any, int]] = {}
    total = 0
    root: Any = None
    documents = 0

    def attach(value: Any, size: int, line: int) -> None:
        nonlocal root, total
        total += size
        if total > MAX_NODES:
            raise InputError(Problem(t("too_many_aliases", limit=MAX_NODES), file, line))
        if not stack:
            root = value
            return
        frame = stack[-1]
        frame[1] += size
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
            frame[2] = None

    while True:
        event = parser.get_event()
        kind = type(event).__name__
        line = event.start_mark.line + 1 if event.start_mark is not None else 0
        if kind == "ScalarEvent":
            frame = stack[-1] if stack else None
            is_key = frame is not None and isinstance(frame[0], YMap) and frame[2] is None
            if is_key and event.tag in (None, "!"):
                value: Any = event.value  # keys are their text, as written
            elif event.tag not in (None, "!") or not event.implicit[0]:
                tag = event.tag or "!"
                value = _tagged_scalar(tag, event.value, file, line)
            elif event.style:  # quoted or block scalar: text
                value = event.value
            else:
                value = plain_scalar(event.value, file, line)
            if event.anchor:
                anchors[event.anchor] = (value, 1)
            attach(value, 1, line)
        elif kind in ("MappingStartEvent", "SequenceStartEvent"):
            if event.tag not in (None, "!", _TAG + "map", _TAG + "seq"):
                raise InputError(Problem(t("bad_tag", tag=event.tag), file, line))
            if len(stack) >= MAX_DEPTH:
                raise InputError(Problem(t("too_deep", limit=MAX_DEPTH), file, line))
            container = YMap(line) if kind == "MappingStartEvent" else YList(line)
            stack.append([container, 1, None, 0, event.anchor, line])
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            container, size, _key, _kl, anchor, start = stack.pop()
            if anchor:
                anchors[anchor] = (container, size)
            attach(container, size, start)
        elif kind == "AliasEvent":
            if event.anchor not in anchors:  # libyaml reports this itself; be safe
                raise InputError(Problem(t("yaml_syntax", problem=f"*{event.anchor}"), file, line))
            value, size = anchors[event.anchor]
            attach(value, size, line)
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
