"""The evaluation file an import writes: YAML in the house style, every value with its source.

A :class:`Doc` is an ordered mapping whose values remember the cell they were read from;
:func:`to_yaml` writes it with a comment on each indicator giving its row (sheet and row,
or page) and a comment on each value giving its cell, and returns, beside the text, the
source of every line, so that a problem validation finds on line 40 can be said at the
cell it came from (:mod:`.work`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..load import plain_scalar


@dataclass(frozen=True, slots=True)
class Source:
    """Where a value was read: in full (工作表“自评表”G12) and as the comment writes it (G12)."""

    full: str
    short: str


@dataclass
class Doc:
    """An ordered YAML mapping with sources; ``comment`` goes on its first line."""

    comment: str | None = None
    source: Source | None = None
    entries: list[tuple[str, Any, Source | None]] = field(default_factory=list)

    def add(self, key: str, value: Any, source: Source | None = None) -> None:
        self.entries.append((key, value, source))

    def get(self, key: str) -> Any:
        return next((value for k, value, _ in self.entries if k == key), None)

    def has(self, key: str) -> bool:
        return any(k == key for k, _, _ in self.entries)

    def remove(self, key: str) -> None:
        self.entries = [entry for entry in self.entries if entry[0] != key]


_UNSAFE_START = set("-?:,[]{}#&*!|>'\"%@`~ ")
_UNSAFE = (":", "#", "\t", "\n", "\r")


def scalar(value: Any) -> str:
    """A scalar as YAML that perfscore reads back as the same value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, int):
        return str(value)
    text = str(value)
    plain_ok = (
        text
        and text[0] not in _UNSAFE_START
        and text[-1] != " "
        and not any(mark in text for mark in _UNSAFE)
        and type(plain_scalar(text)) is str
        and plain_scalar(text) == text
    )
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def _comment(text: str | None) -> str:
    return f"  # {text}" if text else ""


def to_yaml(doc: Doc, header: list[str]) -> tuple[str, dict[int, str]]:
    """The file's text, and the full source of each line that has one (1-based)."""
    lines = [f"# {line}" if line else "#" for line in header]
    sources: dict[int, str] = {}
    _mapping(doc, 0, lines, sources, first_prefix="")
    return "\n".join(lines) + "\n", sources


def _mapping(
    doc: Doc, indent: int, lines: list[str], sources: dict[int, str], first_prefix: str
) -> None:
    pad = " " * indent
    for index, (key, value, source) in enumerate(doc.entries):
        prefix = first_prefix if index == 0 else pad
        note = source.short if source else None
        if index == 0 and doc.comment:
            note = f"{doc.comment}；{note}" if note else doc.comment
        if index == 0 and doc.source is not None:
            sources[len(lines) + 1] = doc.source.full
        if source is not None:
            sources[len(lines) + 1] = source.full
        if isinstance(value, Doc):
            lines.append(f"{prefix}{key}:{_comment(note)}")
            _mapping(value, indent + 2, lines, sources, first_prefix=pad + "  ")
        elif isinstance(value, list):
            lines.append(f"{prefix}{key}:{_comment(note)}")
            for item in value:
                if isinstance(item, Doc):
                    _mapping(item, indent + 4, lines, sources, first_prefix=pad + "  - ")
                else:
                    lines.append(f"{pad}  - {scalar(item)}")
        else:
            lines.append(f"{prefix}{key}: {scalar(value)}{_comment(note)}")
