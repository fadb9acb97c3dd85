"""Typed, located reads from one YAML mapping.

Every reader returns the value or None, and records a located
:class:`~perfscore.errors.Problem` for anything wrong, so that one pass over
a file reports every mistake in it, each with file, line and indicator path.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from .errors import Problem
from .expr import Quantity, normalise, parse_expression, spaced_number
from .load import NumberLike, YList, YMap
from .messages import Messages

# Every number a file gives (scores, points, targets, budgets, reported
# values, grade bounds, numeric project metadata) passes through
# :meth:`Fields.as_number`, which bounds it: at most MAX_DIGITS significant
# digits and a magnitude between 10**-MAX_DIGITS and 10**(MAX_DIGITS + 1).
# Decimal's default context carries 28 digits; perfscore's exact arithmetic
# (Fraction) does not need the limit, but a number longer than this is a
# typing or generating mistake, never a real value; and a bounded exponent
# keeps Fraction arithmetic and printing cheap (1e999999999 would be a
# billion-digit integer).
MAX_DIGITS = 28

# YAML 1.1 booleans that perfscore reads as text (load.py): where a boolean is
# expected they get a message of their own.
YAML11_BOOLEANS = frozenset({"yes", "no", "on", "off", "y", "n"})

MESSAGES = Messages(
    {
        "fields_octal": (
            "“{key}”的值 {value} 以 0 开头：YAML 1.1 会把它读成八进制；请去掉前导零，或加引号写成文字",
            "'{key}' is {value}, with a leading zero, which YAML 1.1 reads as octal; drop the zero or quote it",
        ),
        "fields_sexagesimal": (
            "“{key}”的值 {value} 像时间或六十进制数（YAML 1.1 会读成 {sexagesimal}）；perfscore 不这样读：请写成普通数字，或加引号写成文字",
            "'{key}' is {value}, a time or base-60 number (YAML 1.1 reads {sexagesimal}); perfscore does not: write a plain number, or quote it",
        ),
        "fields_base": (
            "“{key}”的值 {value} 是十六进制/八进制/二进制写法；请写成十进制数字",
            "'{key}' is {value}, a hexadecimal/octal/binary number; write it in decimal",
        ),
        "fields_underscore": (
            "“{key}”的值 {value} 含下划线；请去掉下划线（千位分隔可写成 1,000 并加引号）",
            "'{key}' is {value}, with underscores; drop them",
        ),
        "fields_yaml11_bool": (
            "“{key}”写成了“{value}”：YAML 1.1 把它当作布尔值，perfscore 不这样读；请写 true 或 false",
            "'{key}' is '{value}', a boolean only in YAML 1.1; write true or false",
        ),
        "fields_date": (
            "“{key}”的值“{value}”是日期，不能按数值计分；时效类指标请写成文字目标（如 target: 按时完成）或由评价人打分",
            "'{key}' is '{value}', a date, which cannot be scored as a number; write a word target (按时完成) or judge it",
        ),
        "fields_quote_text": (
            '“{key}”必须是文字：{value} 在 YAML 中是{kind}；要作文字请加引号，写成 "{value}"',
            "'{key}' must be text: {value} is a {kind} in YAML; quote it to make it text: \"{value}\"",
        ),
        "fields_kind_number": ("数字", "number"),
        "fields_kind_bool": ("布尔值", "boolean"),
        "fields_spaced_number": (
            "“{key}”的数字中间有空格（“{value}”）：原表的数值无法确定；请写出实际的数值（如 85% 或 1200）",
            "'{key}' has a space inside a number ('{value}'): the printed value is unclear; write "
            "the number itself (85% or 1200, say)",
        ),
        "fields_exponent": (
            "“{key}”的值“{value}”用了科学计数法；目标值和实际值请写成普通数字",
            "'{key}' is '{value}', in scientific notation; write targets and actuals as plain numbers",
        ),
        "unknown_key": ("未知的键“{key}”{hint}", "unknown key '{key}'{hint}"),
        "unknown_key_hint": ("（是否想写“{close}”？）", " (did you mean '{close}'?)"),
        "not_mapping": ("“{key}”必须是键值映射", "'{key}' must be a mapping"),
        "not_list": ("“{key}”必须是列表", "'{key}' must be a list"),
        "not_text": ("“{key}”必须是文字", "'{key}' must be text"),
        "not_finite": (
            "“{key}”必须是有限的数字，而不是 {value}",
            "'{key}' must be a finite number, not {value}",
        ),
        "too_many_digits": (
            "“{key}”的数字 {value} 位数过多（最多 {limit} 位有效数字）",
            "'{key}' has too many digits: {value} (at most {limit} significant digits)",
        ),
        "not_bool": (
            "“{key}”必须是 true 或 false，而不是“{value}”",
            "'{key}' must be true or false, not '{value}'",
        ),
        "lbl_a_mapping": ("键值映射", "a mapping"),
        "lbl_a_list": ("列表", "a list"),
        "missing_key": ("缺少必填的键“{key}”", "required key '{key}' is missing"),
        "empty_list": ("“{key}”不能是空列表", "'{key}' must not be an empty list"),
        "empty_text": ("“{key}”不能为空", "'{key}' must not be empty"),
        "not_scalar": (
            "“{key}”必须是单个值（文字或数字）",
            "'{key}' must be a single value (text or number)",
        ),
        "not_number": (
            "“{key}”必须是数字，而不是“{value}”",
            "'{key}' must be a number, not '{value}'",
        ),
        "negative_amount": ("“{key}”不能为负数：{value}", "'{key}' must not be negative: {value}"),
    }
)
t = MESSAGES.t

_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# "30e3人次": a number followed by an exponent the expression grammar does not read.
_EXPONENT_UNIT = re.compile(r"[eE][-+]?\d")
# "2023-12-15", "2023/12/15": a date is not a quantity (it would read as 2023 with unit "-12-15").
_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")


# Expressions already read without a problem, by their text: the same targets and actuals
# (≥95%, 及时, 100%) recur in leaf after leaf and file after file of a batch, and a Quantity
# is immutable. Bounded: cleared when full.
_EXPRESSIONS: dict[str, Quantity] = {}
_EXPRESSIONS_KEPT = 1024


def _sexagesimal(text: str) -> str:
    """What YAML 1.1 makes of ``1:30`` (90): shown so that the trap is visible."""
    sign = -1 if text.startswith("-") else 1
    value = Decimal(0)
    for part in text.lstrip("+-").replace("_", "").split(":"):
        value = value * 60 + Decimal(part or "0")
    return format(sign * value, "f")


class Fields:
    """Reads the keys of one mapping, recording problems instead of raising."""

    def __init__(self, raw: YMap, file: str, path: str, problems: list[Problem]) -> None:
        self.raw = raw
        self.file = file
        self.path = path
        self.problems = problems

    # -- location --------------------------------------------------------------
    def line(self, key: str | None = None) -> int:
        if key is not None and key in self.raw.key_lines:
            return self.raw.key_lines[key]
        return self.raw.line

    def problem(self, key: str | None, message: str) -> None:
        self.problems.append(Problem(message, self.file, self.line(key), self.path or None))

    def has(self, key: str) -> bool:
        return key in self.raw

    # -- shape -----------------------------------------------------------------
    def reject_unknown(self, allowed: Iterable[str]) -> None:
        allowed = list(allowed)
        if len(self.raw) <= len(allowed) and set(self.raw).issubset(allowed):
            return  # the common case: nothing unknown
        for key in self.raw:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = t("unknown_key_hint", close=close[0]) if close else ""
                self.problem(key, t("unknown_key", key=key, hint=hint))

    # -- values ----------------------------------------------------------------
    def text(self, key: str, *, required: bool = False, numbers: bool = False) -> str | None:
        """Text at ``key``. A YAML number or boolean (``name: 2023``, ``name: true``) is refused
        with a hint to quote it, as the JSON Schema and editors refuse it; with ``numbers``
        (``code: 2010301``) a number is taken as the text it was written as. The YAML 1.1
        forms that perfscore reads as text (``yes``, ``010``, ``1:30``) are text here.
        """
        if key not in self.raw:
            if required:
                self.problem(None, t("missing_key", key=key))
            return None
        value = self.raw[key]
        if value.__class__ is str:  # the common case, text: as the general path below reads it
            text = value.strip()
            if text:
                return text
        if isinstance(value, (YMap, YList)):
            self.problem(key, t("not_text", key=key))
            return None
        if value is None:
            self.problem(key, t("empty_text", key=key))
            return None
        if isinstance(value, bool) or (isinstance(value, (Decimal, int)) and not numbers):
            kind = "fields_kind_bool" if isinstance(value, bool) else "fields_kind_number"
            self.problem(
                key, t("fields_quote_text", key=key, value=self.written(key, value), kind=t(kind))
            )
            return None
        text = self.written(key, value)
        if not text.strip():
            self.problem(key, t("empty_text", key=key))
            return None
        return text.strip()

    def number(
        self, key: str, *, required: bool = False, minimum: Decimal | None = None
    ) -> Decimal | None:
        if key not in self.raw:
            if required:
                self.problem(None, t("missing_key", key=key))
            return None
        return self.as_number(key, self.raw[key], minimum=minimum)

    def as_number(
        self, key: str, value: Any, *, minimum: Decimal | None = None, line: int | None = None
    ) -> Decimal | None:
        """Check that ``value`` (read at ``key``) is a usable finite number."""
        if type(value) is Decimal and value.is_finite() and not value.is_zero():
            # The common case, checked in a few cheap steps: a finite Decimal that is not 0.
            # Its digits are counted only when its text is long enough to hold too many.
            if abs(value.adjusted()) > MAX_DIGITS or (
                len(str(value)) > MAX_DIGITS and len(value.as_tuple().digits) > MAX_DIGITS
            ):
                written = self.written(key, value)
                shown = written if len(written) <= 40 else f"{written[:20]}…"
                self._fail(t("too_many_digits", key=key, value=shown, limit=MAX_DIGITS), key, line)
                return None
            if minimum is not None and value < minimum:
                self._fail(t("negative_amount", key=key, value=value), key, line)
                return None
            return value
        return self._as_other_number(key, value, minimum, line)

    def _fail(self, message: str, key: str, line: int | None) -> None:
        self.problems.append(Problem(message, self.file, line or self.line(key), self.path or None))

    def _as_other_number(
        self, key: str, value: Any, minimum: Decimal | None, line: int | None
    ) -> Decimal | None:
        """:meth:`as_number` for anything but a finite non-zero Decimal."""

        def fail(message: str) -> None:
            self._fail(message, key, line)

        if isinstance(value, NumberLike):
            fail(_number_like_message(key, value))
            return None
        if value is None:
            fail(t("empty_text", key=key))
            return None
        if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
            if isinstance(value, (str, bool)):
                shown = self.written(key, value)
            else:  # a mapping or a list where one number belongs
                shown = t("lbl_a_mapping") if isinstance(value, YMap) else t("lbl_a_list")
            fail(t("not_number", key=key, value=shown))
            return None
        number = Decimal(value)
        if not number.is_finite():
            fail(t("not_finite", key=key, value=value))
            return None
        if number.is_zero():
            number = Decimal(0)  # -0, 0.00 and 0e-99 are 0
        elif len(number.as_tuple().digits) > MAX_DIGITS or abs(number.adjusted()) > MAX_DIGITS:
            written = self.written(key, value)
            shown = written if len(written) <= 40 else f"{written[:20]}…"
            fail(t("too_many_digits", key=key, value=shown, limit=MAX_DIGITS))
            return None
        if minimum is not None and number < minimum:
            fail(t("negative_amount", key=key, value=value))
            return None
        return number

    def percent(self, key: str) -> Decimal | None:
        """A percentage as printed: a number of percent (89.4) or text with a % (``89.40%``)."""
        if key not in self.raw:
            return None
        value = self.raw[key]
        if isinstance(value, str) and spaced_number(value):
            self.problem(key, t("fields_spaced_number", key=key, value=value))
            return None
        if isinstance(value, str):
            text = normalise(value)
            if text.endswith("%") and _PLAIN_NUMBER.fullmatch(text[:-1]):
                return self.as_number(key, Decimal(text[:-1]), minimum=Decimal(0))
        return self.as_number(key, value, minimum=Decimal(0))

    def boolean(self, key: str, default: bool) -> bool:
        if key not in self.raw:
            return default
        value = self.raw[key]
        if not isinstance(value, bool):
            if isinstance(value, str) and value.lower() in YAML11_BOOLEANS:
                self.problem(key, t("fields_yaml11_bool", key=key, value=value))
            else:
                shown = self.written(key, value) if not isinstance(value, (YMap, YList)) else "…"
                self.problem(key, t("not_bool", key=key, value=shown))
            return default
        return value

    def expression(self, key: str) -> Quantity | None:
        """A target/actual expression: a number, or text such as ``≥30人次``."""
        if key not in self.raw:
            return None
        before = len(self.problems)
        value = self.raw[key]
        if isinstance(value, (YMap, YList)):
            self.problem(key, t("not_scalar", key=key))
            return None
        if value is None:
            self.problem(key, t("empty_text", key=key))
            return None
        if isinstance(value, NumberLike):  # 010, 1:30, .inf …: say which trap
            self.as_number(key, value)
            return None
        if isinstance(value, Decimal):
            if self.as_number(key, value) is None:
                return None
            # parse_expression(value), as written
            return Quantity(self.written(key, value), None, value, "")
        text = self.written(key, value)
        known = _EXPRESSIONS.get(text)
        if known is not None:
            return known
        quantity = self._text_expression(key, text)
        if quantity is not None and len(self.problems) == before:
            if len(_EXPRESSIONS) >= _EXPRESSIONS_KEPT:
                _EXPRESSIONS.clear()
            _EXPRESSIONS[text] = quantity
        return quantity

    def _text_expression(self, key: str, text: str) -> Quantity | None:
        """An expression written as text (a boolean is the word written: true)."""
        if not text.strip():
            self.problem(key, t("empty_text", key=key))
            return None
        if spaced_number(text):
            self.problem(key, t("fields_spaced_number", key=key, value=text))
            return None
        quantity = parse_expression(text)
        if quantity.value is None:
            return quantity
        if quantity.unit[:1] in "-/." and _DATE.match(f"{quantity.value}{quantity.unit}"):
            self.problem(key, t("fields_date", key=key, value=text))
            return None
        if _EXPONENT_UNIT.match(quantity.unit):
            self.problem(key, t("fields_exponent", key=key, value=text))
            return None
        if self.as_number(key, quantity.value) is None:
            return None
        return quantity

    def written(self, key: str, value: Any) -> str:
        """``value`` as the text the file wrote it (``1e3``, ``True``), not as Python prints it."""
        if isinstance(value, str):
            return value
        written = self.raw.texts.get(key) if isinstance(self.raw, YMap) else None
        if written is not None and self.raw.get(key) is value:
            return written
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    def mapping(self, key: str, *, required: bool = False) -> YMap | None:
        if key not in self.raw:
            if required:
                self.problem(None, t("missing_key", key=key))
            return None
        value = self.raw[key]
        if not isinstance(value, YMap):
            self.problem(key, t("not_mapping", key=key))
            return None
        return value

    def sequence(self, key: str, *, required: bool = False) -> YList | None:
        if key not in self.raw:
            if required:
                self.problem(None, t("missing_key", key=key))
            return None
        value = self.raw[key]
        if not isinstance(value, YList):
            self.problem(key, t("not_list", key=key))
            return None
        if not value:
            self.problem(key, t("empty_list", key=key))
            return None
        return value

    def child(self, raw: YMap) -> Fields:
        """Fields of a nested mapping, at the same indicator path."""
        return Fields(raw, self.file, self.path, self.problems)


def _number_like_message(key: str, value: NumberLike) -> str:
    """Why text that YAML 1.1 would read as a number is not a number here."""
    kind = value.kind
    if kind == "octal":
        return t("fields_octal", key=key, value=value)
    if kind == "sexagesimal":
        return t("fields_sexagesimal", key=key, value=value, sexagesimal=_sexagesimal(value))
    if kind == "base":
        return t("fields_base", key=key, value=value)
    if kind == "underscore":
        return t("fields_underscore", key=key, value=value)
    if kind == "special":
        return t("not_finite", key=key, value=value)
    shown = value if len(value) <= 40 else f"{value[:20]}…"
    return t("too_many_digits", key=key, value=shown, limit=MAX_DIGITS)  # "huge"
