"""Every user-facing sentence, in Chinese (the default) and English.

The core never hard-codes a sentence: each module declares its own sentences
as a :class:`Messages` table (key → (Chinese, English)) and calls its ``t``,
so that ``--lang en`` switches errors, explain lines and table labels alike.
A table may fall back on the tables of the modules below it (a rule on the
field readers' sentences, a renderer on the shared labels), which makes every
key's owner explicit: nothing is registered at import time.

The language is process-wide state set once by the CLI (like a logging
config); library users call :func:`set_language`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

_LANG = "zh"
LANGUAGES = ("zh", "en")


def set_language(lang: str) -> None:
    """Choose the language of every later message (``zh`` or ``en``)."""
    global _LANG
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _LANG = lang


def language() -> str:
    return _LANG


def pick(zh: str, en: str) -> str:
    """The text of a (Chinese, English) pair in the current language."""
    return en if _LANG == "en" else zh


class Messages:
    """One module's sentences, with the tables it falls back on.

    A key must be new: a table that repeats a key of one it falls back on
    is a bug (two modules would claim one sentence), caught at import.
    """

    __slots__ = ("entries",)
    entries: dict[str, tuple[str, str]]

    def __init__(self, entries: Mapping[str, tuple[str, str]], *fallbacks: Messages) -> None:
        merged: dict[str, tuple[str, str]] = {}
        for fallback in fallbacks:
            merged.update(fallback.entries)
        clash = merged.keys() & entries.keys()
        if clash:
            raise KeyError(f"message keys defined twice: {sorted(clash)}")
        merged.update(entries)
        self.entries = merged

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    # ``_key``, not ``key``: compiled (setup.py), the method takes the first argument by name
    # too, whatever the ``/``, and sentences have a {key} parameter of their own.
    def t(self, _key: str, /, **params: object) -> str:
        """The sentence ``_key`` in the current language, with ``params`` filled in."""
        zh, en = self.entries[_key]
        template = en if _LANG == "en" else zh
        # A sentence without parameters is returned as written (braces and all).
        return template.format(**params) if params else template


# Punctuation that differs by language (an English sentence never carries 、 or ；).
_SEPARATORS = {"list": ("、", ", "), "clause": ("；", "; "), "pair": ("，", ", ")}


def join(items: Iterable[str], kind: str = "list") -> str:
    """Items joined as the current language writes a list (、), clauses (；) or pairs (，)."""
    return pick(*_SEPARATORS[kind]).join(items)


def unit_name(unit: str) -> str:
    """A unit as a message names it: "（无）" / "(none)" when there is none."""
    return unit or pick("（无）", "(none)")
