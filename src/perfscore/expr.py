"""Target and actual expressions: ``≥30人次``, ``15 万元``, ``1,200,000度``, ``及时``.

format.md §1: an optional operator, a number, an optional unit; or a word.
Text copied from Word and Excel is normalised first (NFKC folds full-width
digits and ``＞＝％`` into ASCII; every kind of space is dropped).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

# Longest spellings first, so that "≥" is not read as a bare ">" and
# "大于等于" not as "大于". Values are the canonical operator.
_OPERATORS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            ">=": ">=", "≥": ">=", "≧": ">=", "⩾": ">=", "不低于": ">=", "不少于": ">=",
            "大于等于": ">=", "大于或等于": ">=",
            ">": ">", "大于": ">", "高于": ">",
            "<=": "<=", "≤": "<=", "≦": "<=", "⩽": "<=", "不高于": "<=", "不超过": "<=",
            "不多于": "<=", "小于等于": "<=", "小于或等于": "<=",
            "<": "<", "小于": "<", "低于": "<",
            "=": "=", "==": "=", "等于": "=",
        }.items(),
        key=lambda item: -len(item[0]),
    )
)

# One regex for all spellings (alternatives tried in the order above: longest
# first), instead of a startswith() per spelling: this runs for every target,
# actual and measured value of every file.
_OPERATOR = re.compile("|".join(re.escape(spelling) for spelling, _ in _OPERATORS))
_CANONICAL = dict(_OPERATORS)

# 1,200,000 or 1200000 or 12.5, with an optional sign.
_NUMBER = re.compile(r"([-+]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)")
_SPACES = re.compile(r"\s+")

# format.md: the money units perfscore converts exactly, in 元.
MONEY_UNITS: dict[str, Decimal] = {"元": Decimal(1), "万元": Decimal(10) ** 4, "亿元": Decimal(10) ** 8}


@dataclass(frozen=True)
class Quantity:
    """A parsed expression. ``value`` is None for a word (定性)."""

    text: str  # as written, for explain lines
    op: str | None  # ">=", ">", "<=", "<", "=" or None
    value: Decimal | None
    unit: str  # "" or "%" or "万元" …
    word: str | None = None

    @property
    def is_word(self) -> bool:
        return self.value is None

    @property
    def shown(self) -> str:
        """The value and unit without the operator ("30人次")."""
        if self.value is None:
            return self.word or ""
        from .decimals import plain

        return f"{plain(self.value)}{self.unit}"


def normalise(text: str) -> str:
    if not unicodedata.is_normalized("NFKC", text):  # cheap check; most text is already
        text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub("", text)


def parse_expression(raw: object) -> Quantity:
    """Parse a target or actual value; ``raw`` is a Decimal or text from the YAML."""
    if isinstance(raw, Decimal):
        return Quantity(text=str(raw), op=None, value=raw, unit="")
    text = str(raw).strip()
    body = normalise(text)
    op = None
    spelled = _OPERATOR.match(body)
    if spelled:
        op, body = _CANONICAL[spelled.group()], body[spelled.end():]
    match = _NUMBER.match(body)
    if not match:
        return Quantity(text=text, op=op, value=None, unit="", word=body)
    sign, digits = match.groups()
    value = Decimal(sign + digits.replace(",", ""))
    return Quantity(text=text, op=op, value=value, unit=body[match.end():])


class UnitMismatch(ValueError):
    """Target and actual carry units that cannot be converted into each other."""


def common_unit(target: Quantity, actual: Quantity) -> tuple[Decimal, Decimal, str]:
    """Target and actual values in one unit, exactly; raises UnitMismatch.

    Money (元/万元/亿元) converts to the target's unit, so the explain line
    speaks the target's language.
    """
    assert target.value is not None and actual.value is not None
    if target.unit == actual.unit:
        return target.value, actual.value, target.unit
    if target.unit in MONEY_UNITS and actual.unit in MONEY_UNITS:
        factor = MONEY_UNITS[actual.unit] / MONEY_UNITS[target.unit]
        return target.value, actual.value * factor, target.unit
    raise UnitMismatch(target.unit, actual.unit)
