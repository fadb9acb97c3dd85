"""Bands (docs/rules.md §7, ``rule: bands``): a measured value mapped to a share of w.

The evaluator's scoring standard (评分标准) states the table, e.g. a
satisfaction rate: ``value: 94.68%`` with ``bands: [{min: 95%, rate: 100%},
{min: 90%, rate: 75%}, {min: 0%, rate: 50%}]``. The first band from the top
whose ``min`` the value reaches (value ≥ min) gives the rate; score = w × rate;
a value below every band scores 0. perfscore has no built-in table (none is
official).

Choices (documented in docs/rules.md):

* the bands are listed from the highest ``min`` down, strictly decreasing, as
  scoring standards print them; any other order is rejected rather than
  sorted, because a table out of order is usually a typing mistake;
* each ``rate`` is a share, 0% to 100% (``75%`` or ``0.75``, see
  :mod:`perfscore.shares`); rates need not fall with the mins;
* the value and every ``min`` carry one unit (``%``, ``分``, none …): a value
  of ``94.68`` against mins of ``95%`` is rejected, never guessed.

For reuse by other rules (``survey`` scores its rate through bands):
:func:`parse_bands` reads a ``bands:`` list from any leaf, and
:func:`score_bands` is the pure scoring function. Percentages are held as
fractions (95% → 0.95), so a rate computed as a fraction compares directly
with a table written in percent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..decimals import plain, round_half_up
from ..errors import Problem
from ..expr import Quantity
from ..fields import Fields
from ..load import YMap
from ..messages import Messages, join, unit_name
from ..shares import percent_text, read_share
from .base import MESSAGES as COMMON
from .base import InputItems, RuleSpec, Scored, labelled_inputs

MESSAGES = Messages(
    {
        "bands_entry": (
            "bands 的每一项须恰有 min（下限）与 rate（得分比例）两个键",
            "each bands entry must have exactly the keys min (lower bound) and rate (share of the points)",
        ),
        "bands_not_number": (
            "“{key}”必须是数值（可带单位，如 95%），而不是“{value}”",
            "'{key}' must be a number (a unit such as % is fine), not '{value}'",
        ),
        "bands_operator": (
            "“{key}”只写数值，不带比较符：“{value}”",
            "'{key}' takes a plain number, without an operator: '{value}'",
        ),
        "bands_order": (
            "bands 须按下限从高到低排列（第一档最高），下限 {min} 不低于上一档的 {previous}",
            "bands must be listed from the highest min down; min {min} is not below "
            "the previous band's {previous}",
        ),
        "bands_unit": (
            "各档下限与数值须用同一单位：“{unit}”与“{other}”不同",
            "the value and every band's min must use one unit: '{unit}' differs from '{other}'",
        ),
        "x_bands": (
            "{value} 达到第 {n} 档（≥ {min}，得 {rate}）：{points} × {rate} = {score}",
            "{value} reaches band {n} (≥ {min}, {rate}): {points} × {rate} = {score}",
        ),
        "x_bands_below": (
            "{value} 低于最低一档的下限 {min}，得 0 分",
            "{value} is below the lowest band's min {min}: 0 points",
        ),
    },
    COMMON,
)
t = MESSAGES.t


@dataclass(frozen=True)
class Band:
    """One row of a scoring table: values ≥ ``min`` score ``rate`` × w."""

    min: Decimal  # a percentage as a fraction (95% → 0.95); else the number as written
    rate: Decimal  # a share, 0 … 1
    min_text: str  # as written, for explain lines ("95%")


@dataclass(frozen=True)
class Bands:
    """A checked table: mins strictly decreasing, one ``unit`` for all."""

    bands: tuple[Band, ...]
    unit: str  # "%", "" or any unit text ("分")


@dataclass(frozen=True)
class BandsParams:
    value: Decimal  # comparable with the bands' mins (a percentage as a fraction)
    value_text: str
    table: Bands


def magnitude(quantity: Quantity) -> Decimal:
    """A quantity's number on the bands' scale: a percentage becomes a fraction."""
    assert quantity.value is not None
    return quantity.value.scaleb(-2) if quantity.unit == "%" else quantity.value


def read_number(fields: Fields, key: str) -> Quantity | None:
    """A plain number with an optional unit (``94.68%``, ``8.5分``), no operator, no word."""
    quantity = fields.expression(key)
    if quantity is None:
        return None
    if quantity.is_word:
        fields.problem(key, t("bands_not_number", key=key, value=quantity.text))
        return None
    if quantity.op is not None:
        fields.problem(key, t("bands_operator", key=key, value=quantity.text))
        return None
    return quantity


def parse_bands(fields: Fields, key: str = "bands") -> Bands | None:
    """Read and check the ``bands:`` list of a leaf; None (with problems recorded) if wrong.

    The list is required: a missing key is reported as such.
    """
    before = len(fields.problems)
    items = fields.sequence(key, required=True)
    if items is None:
        return None
    bands: list[Band] = []
    unit: str | None = None
    for item, line in zip(items, items.item_lines, strict=True):
        if not isinstance(item, YMap) or set(item) != {"min", "rate"}:
            fields.problems.append(
                Problem(t("bands_entry"), fields.file, line, fields.path or None)
            )
            continue
        row = fields.child(item)
        low = read_number(row, "min")
        rate = read_share(row, "rate")
        if low is None or rate is None:
            continue
        if unit is None:
            unit = low.unit
        elif low.unit != unit:
            row.problem("min", t("bands_unit", unit=unit_name(unit), other=unit_name(low.unit)))
            continue
        if bands and magnitude(low) >= bands[-1].min:
            row.problem("min", t("bands_order", min=low.text, previous=bands[-1].min_text))
            continue
        bands.append(Band(magnitude(low), rate, low.text))
    if len(fields.problems) > before:
        return None
    assert unit is not None
    return Bands(tuple(bands), unit)


def score_bands(
    value: Decimal | Fraction,
    table: Bands,
    points: Decimal,
    precision: int,
    value_text: str | None = None,
) -> Scored:
    """Pure: the first band from the top whose min ``value`` reaches gives the rate.

    ``value`` is on the bands' scale (a percentage as a fraction: 94.68% → 0.9468).
    The returned :class:`Scored` has no ``rule`` (the caller's rule name applies)
    and details ``value``, ``band`` (1-based, or None below every band) and ``bands``.
    """
    shown = value_text or plain(
        Decimal(value) if isinstance(value, Decimal) else round_half_up(value, 6)
    )
    listed = [{"min": band.min_text, "rate": percent_text(band.rate)} for band in table.bands]
    for index, band in enumerate(table.bands):
        if Fraction(value) >= Fraction(band.min):
            score = round_half_up(Fraction(points) * Fraction(band.rate), precision)
            explain = t(
                "x_bands",
                value=shown,
                n=index + 1,
                min=band.min_text,
                rate=percent_text(band.rate),
                points=plain(points),
                score=plain(score),
            )
            return Scored(
                score, explain, details={"value": shown, "band": index + 1, "bands": listed}
            )
    lowest = table.bands[-1]
    return Scored(
        round_half_up(0, precision),
        t("x_bands_below", value=shown, min=lowest.min_text),
        details={"value": shown, "band": None, "bands": listed},
    )


def parse_bands_rule(fields: Fields, points: Decimal) -> BandsParams | None:
    before = len(fields.problems)
    if not fields.has("value"):
        fields.problem(None, t("missing_key", key="value"))
    value = read_number(fields, "value")
    table = parse_bands(fields)
    if value is None or table is None or len(fields.problems) > before:
        return None
    if value.unit != table.unit:
        fields.problem(
            "value", t("bands_unit", unit=unit_name(table.unit), other=unit_name(value.unit))
        )
        return None
    return BandsParams(magnitude(value), value.text, table)


def _score(params: BandsParams, points: Decimal, precision: int) -> Scored:
    return score_bands(params.value, params.table, points, precision, params.value_text)


LABELS = {
    "bands": (
        "分档计分：取实际值达到的最高一档，分值 × 该档比例；低于各档得 0 分",
        "bands: points × the rate of the highest band the value reaches; 0 below every band",
    )
}
INPUT_LABELS = {
    "value": ("实际值", "value"),
    "band": ("所在档次", "band"),
    "bands": ("分档", "bands"),
}


def bands_text(listed: list[dict[str, str]]) -> str:
    """A bands table as a report reads it: ≥95%→100%、≥90%→75% …"""
    return join((f"≥{band['min']}→{band['rate']}" for band in listed), "clause")


# How the details of a bands score read (the survey rule reuses them).
INPUT_FORMATS = {"bands": bands_text}


def _inputs(details: Mapping[str, Any]) -> InputItems:
    return labelled_inputs(details, INPUT_LABELS, INPUT_FORMATS)


SPECS = (
    RuleSpec("bands", frozenset({"value", "bands"}), parse_bands_rule, _score, LABELS, _inputs),
)
