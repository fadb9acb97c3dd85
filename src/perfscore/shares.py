"""Shares (比例): ``25%`` or ``0.25``, read exactly.

Weights (权重, docs/rules.md §2), band rates (docs/rules.md §7) and questionnaire option
weights (docs/rules.md §9) are shares of something. One reading for all of them:

* text ``25%`` (full-width ``２５％`` too) is 25 / 100;
* a bare number is the share itself, from 0 to 1: ``0.25`` is 25%, ``1`` is 100%;
* a bare number above 1 (``25``) is refused: it could mean 25% or 2500%, and
  guessing would silently change a score. The message says to write ``25%``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .decimals import plain
from .errors import Problem
from .expr import spaced_number
from .fields import MESSAGES as FIELDS
from .fields import Fields
from .messages import Messages

_PERCENT = re.compile(r"([-+]?(?:\d+(?:\.\d+)?|\.\d+))%\Z")

MESSAGES = Messages(
    {
        "share_not_share": (
            "“{key}”必须是百分比（如 25%）或 0 到 1 之间的小数，而不是“{value}”",
            "'{key}' must be a percentage (such as 25%) or a fraction from 0 to 1, not '{value}'",
        ),
        "share_ambiguous": (
            "“{key}”的值 {value} 大于 1，含义不明：百分比请写成 {value}%，小数请写成 0 到 1 之间",
            "'{key}' is {value}, above 1 and ambiguous: write {value}% for a percentage, "
            "or a fraction from 0 to 1",
        ),
        "share_out_of_range": (
            "“{key}”须在 0% 到 100% 之间，而不是 {value}",
            "'{key}' must lie between 0% and 100%, not {value}",
        ),
        "share_negative": (
            "“{key}”不能为负，而不是 {value}",
            "'{key}' must not be negative, not {value}",
        ),
    },
    FIELDS,
)
t = MESSAGES.t


def percent_text(share: Decimal) -> str:
    """A share as people write it: 0.25 → "25%"."""
    return f"{plain(share * 100)}%"


def read_share(
    fields: Fields,
    key: str,
    value: Any = None,
    *,
    line: int | None = None,
    at_most_one: bool = True,
) -> Decimal | None:
    """The share written at ``key`` (``value`` defaults to ``fields.raw[key]``), or None.

    Records a located problem for text that is not a percentage, a bare number
    above 1, a negative share, or (with ``at_most_one``) a percentage above 100%.
    """
    if value is None:
        value = fields.raw.get(key)
    where = line or fields.line(key)

    def fail(message: str) -> None:
        fields.problems.append(Problem(message, fields.file, where, fields.path or None))

    share = _share(fields, key, value, where, fail)
    if share is None:
        return None
    if share.is_zero():
        share = abs(share)
    shown = value if isinstance(value, str) else percent_text(share)
    if share < 0:
        fail(t("share_out_of_range" if at_most_one else "share_negative", key=key, value=shown))
        return None
    if at_most_one and share > 1:
        fail(t("share_out_of_range", key=key, value=shown))
        return None
    return share


def _share(
    fields: Fields, key: str, value: Any, where: int, fail: Callable[[str], None]
) -> Decimal | None:
    """The share a value writes: ``25%`` → 0.25, a number from 0 to 1 as it is."""
    if isinstance(value, str):
        if spaced_number(value):  # "1 00%" is not 100%: the sheet's number is unclear
            fail(t("fields_spaced_number", key=key, value=value))
            return None
        match = _PERCENT.match(re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)))
        if not match:
            fail(t("share_not_share", key=key, value=value))
            return None
        number = fields.as_number(key, Decimal(match.group(1)), line=where)
        return None if number is None else number.scaleb(-2)
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        number = fields.as_number(key, value, line=where)
        if number is not None and number > 1:
            fail(t("share_ambiguous", key=key, value=plain(number)))
            return None
        return number
    fail(t("share_not_share", key=key, value=value))
    return None
