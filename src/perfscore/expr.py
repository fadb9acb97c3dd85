"""Target and actual expressions: ``≥30人次``, ``15 万元``, ``1,200,000度``, ``及时``.

docs/format.md §1: an optional operator, a number, an optional unit; or a word.
Text copied from Word and Excel is normalised first (NFKC folds full-width
digits and ``＞＝％`` into ASCII; every kind of space is dropped).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import cache

from .records import record

# Longest spellings first, so that "≥" is not read as a bare ">" and
# "大于等于" not as "大于". Values are the canonical operator.
_OPERATORS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            ">=": ">=",
            "≥": ">=",
            "≧": ">=",
            "═": "=",  # box-drawing "double horizontal", printed by some templates as =
            "⩾": ">=",
            "不低于": ">=",
            "不少于": ">=",
            "大于等于": ">=",
            "大于或等于": ">=",
            ">": ">",
            "大于": ">",
            "高于": ">",
            "<=": "<=",
            "≤": "<=",
            "≦": "<=",
            "⩽": "<=",
            "不高于": "<=",
            "不超过": "<=",
            "不多于": "<=",
            "小于等于": "<=",
            "小于或等于": "<=",
            "<": "<",
            "小于": "<",
            "低于": "<",
            "不小于": ">=",
            "至少": ">=",
            "不大于": "<=",
            "至多": "<=",
            "最多": "<=",
            "=": "=",
            "==": "=",
            "等于": "=",
        }.items(),
        key=lambda item: -len(item[0]),
    )
)

_CANONICAL = dict(_OPERATORS)
_SPACES = re.compile(r"\s+")


class _Patterns:
    """The patterns of :func:`parse_expression`, compiled when the first expression is read
    (about 2 ms of start-up for a command that reads none): :func:`_patterns`."""

    __slots__ = ("calendar", "number", "operator", "range")

    def __init__(self) -> None:
        # One regex for all spellings (alternatives tried in the order of _OPERATORS:
        # longest first), instead of a startswith() per spelling: this runs for every
        # target, actual and measured value of every file.
        self.operator = re.compile("|".join(re.escape(spelling) for spelling, _ in _OPERATORS))
        # 1,200,000 or 1200000 or 12.5, with an optional sign.
        self.number = re.compile(r"([-+]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)")
        # A range target (区间), "90%-100%", "90-100%", "3～5天", "3至5天": the second number.
        self.range = re.compile(
            r"(?:-|~|～|〜|—|–|至|到)([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
        )
        # A number that opens a date written in words (2021年12月完成, 12月底前, 2023年内):
        # the cell is a word (a 时效 target), not a quantity with the unit "年12月完成".
        self.calendar = re.compile(r"年\d|年[底末内初中前]|月\d|月[底末初中前]|日前")


@cache
def _patterns() -> _Patterns:
    return _Patterns()


# Operators written after the value, as many tables do: "90%以上", "5天以内".
_SUFFIX_OPERATORS = (
    ("及以上", ">="),
    ("以上", ">="),
    ("及以下", "<="),
    ("以下", "<="),
    ("以内", "<="),
    ("之内", "<="),
)
# A remark in brackets after the value, "100%（已完成）": not part of the unit.
_REMARK = re.compile(r"[(（][^()（）]*[)）]\Z")

# docs/format.md: the money units perfscore converts exactly, in 元.
MONEY_UNITS: dict[str, Decimal] = {
    "元": Decimal(1),
    "万元": Decimal(10) ** 4,
    "亿元": Decimal(10) ** 8,
}


@record
class Quantity:
    """A parsed expression. ``value`` is None for a word (定性). (Made by position where it
    is made for every target and actual: text, op, value, unit, word.)"""

    text: str  # as written, for explain lines
    op: str | None  # ">=", ">", "<=", "<", "=", "range" or None
    value: Decimal | None  # the lower bound of a range
    unit: str  # "" or "%" or "万元" …
    word: str | None = None
    upper: Decimal | None = None  # the upper bound of a range (op "range")

    @property
    def is_word(self) -> bool:
        return self.value is None

    @property
    def shown(self) -> str:
        """The value and unit without the operator ("30人次")."""
        if self.value is None:
            return self.word or ""
        from .decimals import plain

        if self.upper is not None:
            return f"{plain(self.value)}–{plain(self.upper)}{self.unit}"
        return f"{plain(self.value)}{self.unit}"


def normalise(text: str) -> str:
    if not unicodedata.is_normalized("NFKC", text):  # cheap check; most text is already
        text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub("", text)


def parse_expression(raw: object) -> Quantity:
    """Parse a target or actual value; ``raw`` is a Decimal or text from the YAML."""
    if isinstance(raw, Decimal):
        return Quantity(str(raw), None, raw, "")
    text = str(raw).strip()
    body = normalise(text)
    patterns = _patterns()
    op = None
    spelled = patterns.operator.match(body)
    if spelled:
        op, body = _CANONICAL[spelled.group()], body[spelled.end() :]
    match = patterns.number.match(body)
    if not match:
        return Quantity(text, op, None, "", body)
    sign, digits = match.groups()
    # "2021年12月完成": a date in words, not 2021 年…
    if patterns.calendar.match(body, match.end()):
        return Quantity(text, op, None, "", body)
    value = Decimal(sign + digits.replace(",", ""))
    rest = _REMARK.sub("", body[match.end() :])
    if op is None:
        ranged = _range(text, value, rest)
        if ranged is not None:
            return ranged
    for suffix, suffix_op in _SUFFIX_OPERATORS:
        if rest.endswith(suffix):
            rest = rest[: -len(suffix)]
            op = op or suffix_op
            break
    return Quantity(text, op, value, UNIT_SPELLINGS.get(rest, rest))


# Units some templates spell out: 百分比 is % (docs/format.md §1a, cells as printed).
UNIT_SPELLINGS = {"百分比": "%"}

# Digits on both sides of a space ("0 85%", "1 200"): normalising would join them into a
# number the sheet does not print; such a cell is refused instead (docs/format.md §1a).
_SPACED_NUMBER = re.compile(r"\d[^\S\n]+[\d.]|\.[^\S\n]+\d")


def spaced_number(text: str) -> bool:
    """True when a space stands inside a number of ``text``."""
    return bool(_SPACED_NUMBER.search(unicodedata.normalize("NFKC", text)))


def _range(text: str, lower: Decimal, rest: str) -> Quantity | None:
    """ "90%-100%" or "90-100%": a range, when both ends read and lower ≤ upper."""
    cut = _patterns().range.search(rest)
    if cut is None:
        return None
    first_unit, second_unit = rest[: cut.start()], rest[cut.end() :]
    if first_unit and second_unit and first_unit != second_unit:
        return None
    upper = Decimal(cut.group(1).replace(",", ""))
    if upper < lower or any(ch.isdigit() for ch in first_unit + second_unit):
        return None
    return Quantity(text=text, op="range", value=lower, unit=second_unit or first_unit, upper=upper)


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
    # A bare 0 is 0 in every unit: tables print "0" for 0起, 0% or 0万元.
    if not actual.unit and actual.value == 0:
        return target.value, actual.value, target.unit
    if not target.unit and target.value == 0 and target.upper in (None, 0):
        return target.value, actual.value, actual.unit
    if target.unit in MONEY_UNITS and actual.unit in MONEY_UNITS:
        factor = MONEY_UNITS[actual.unit] / MONEY_UNITS[target.unit]
        return target.value, actual.value * factor, target.unit
    raise UnitMismatch(target.unit, actual.unit)
