"""Names as perfscore compares them, and the characters a name may not hold.

Two sibling indicators whose names look the same must not count as two:
``培训人数`` and ``培训\u200b人数`` (a zero-width space), an NFC and an NFD
spelling, ``指标1`` and ``指标１`` (a full-width digit) are one name. So names
are compared by :func:`name_key`: folded with NFKC (full-width letters and
digits, compatibility forms, composed and decomposed accents alike) and
stripped of invisible format characters (zero-width spaces and joiners, the
BOM U+FEFF, the soft hyphen), with runs of spaces made one.

A name with a control character (a line break, a tab, U+0000 written as an
escape) or a bidirectional control (U+202E turns the rest of a line around,
so a name can display as something it is not) is refused
(:func:`name_problem`): no real indicator name needs one.
"""

from __future__ import annotations

import re
import unicodedata

from .messages import Messages

MESSAGES = Messages(
    {
        "name_control_char": (
            "名称含控制字符 {code}（如换行、制表符）：请删除它",
            "the name contains the control character {code} (a line break, a tab …); delete it",
        ),
        "name_bidi_char": (
            "名称含双向文字控制字符 {code}（会使文字显示的顺序与实际不同）：请删除它",
            "the name contains the bidirectional control {code} (it makes text display in an "
            "order other than its own); delete it",
        ),
    }
)
t = MESSAGES.t

# Bidirectional controls: embeddings, overrides and isolates, and the marks.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a name (a control or bidi character), or None."""
    for char in name:
        if char in BIDI_CONTROLS:
            return t("name_bidi_char", code=_code(char))
        if unicodedata.category(char) == "Cc":
            return t("name_control_char", code=_code(char))
    return None


# The format characters (Unicode category Cf, as of Unicode 15; tests/test_names.py checks
# the list against the running Python's unicodedata): invisible, and never part of a name.
FORMAT_CHARACTERS = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)


def name_key(name: str) -> str:
    """What a name is compared by: NFKC, invisible format characters removed, spaces folded."""
    return " ".join(FORMAT_CHARACTERS.sub("", unicodedata.normalize("NFKC", name)).split())


def shown(name: str) -> str:
    """``name`` with its invisible characters made visible (``培训<U+200B>人数``), for messages."""
    return FORMAT_CHARACTERS.sub(lambda match: f"<{_code(match.group())}>", name)
