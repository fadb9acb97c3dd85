"""The values a YAML file is loaded into: mappings and lists that know their lines, and
text that YAML 1.1 would have read as a number; and the parser the loader reads events from.

They live apart from :mod:`.yaml` because that module is compiled (docs/performance.md,
"The compiled core"): mypyc compiles neither a subclass of ``dict``, ``list`` or ``str`` nor a
class made inside a function, and these stay plain Python classes in every build.
"""

from __future__ import annotations

from typing import Any


class NumberLike(str):
    """Text that YAML 1.1 would have read as a number, or a number out of range.

    ``kind`` is one of ``octal`` (``010``), ``sexagesimal`` (``1:30``),
    ``base`` (``0x1F``, ``0o17``, ``0b101``), ``underscore`` (``1_000``),
    ``special`` (``.inf``, ``.nan``) or ``huge`` (an exponent no Decimal
    holds). It is a ``str``: as text it is exactly what was written.
    """

    kind: str

    def __new__(cls, text: str, kind: str) -> NumberLike:
        self = super().__new__(cls, text)
        self.kind = kind
        return self


class YMap(dict):
    """A mapping that knows its own line and the line of each key (1-based).

    ``texts`` keeps, for each value read as a number or boolean, the text it
    was written as, so that a text field can take it as written.
    """

    __slots__ = ("key_lines", "line", "texts")

    def __init__(self, line: int) -> None:  # (empty: dict.__init__ would add nothing)
        self.line = line
        self.key_lines: dict[str, int] = {}
        self.texts: dict[str, str] = {}


class YList(list):
    """A list that knows its own line and the line of each item (1-based)."""

    __slots__ = ("item_lines", "line")

    def __init__(self, line: int) -> None:  # (empty: list.__init__ would add nothing)
        self.line = line
        self.item_lines: list[int] = []


def _parser_class() -> tuple[Any, Any]:
    """libyaml's C parser; the pure-Python one where libyaml is missing (13× slower); and the
    module whose globals name the event classes it calls (the loader puts its own makers there
    for the length of a parse: perfscore.load.yaml, "the events")."""
    try:  # PyYAML does not re-export CParser at the top level: import it from cyaml
        import yaml._yaml
        from yaml.cyaml import CParser  # type: ignore[attr-defined]

        return CParser, yaml._yaml
    except ImportError:  # pragma: no cover - libyaml missing
        import yaml.parser
        from yaml.parser import Parser
        from yaml.reader import Reader
        from yaml.scanner import Scanner

        class PurePythonParser(Reader, Scanner, Parser):
            def __init__(self, stream: str) -> None:
                Reader.__init__(self, stream)
                Scanner.__init__(self)
                Parser.__init__(self)

            def dispose(self) -> None:
                pass

        return PurePythonParser, yaml.parser


Parser, EVENTS_MODULE = _parser_class()
