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
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..decimals import at_least, plain, round_half_up
from ..errors import Problem
from ..expr import Quantity
from ..fields import Fields
from ..load import YMap
from ..messages import Messages, join, pick, unit_name
from ..records import record
from ..shares import percent_text, read_share
from .base import MESSAGES as COMMON
from .base import InputItems, RuleSpec, Scored, labelled_inputs

MESSAGES = Messages(
    {
        "bands_entry": (
            "bands 的每一项须有一个界限（min 下限、max 上限（含）或 equals 等于）和一个得分（rate 得分比例或 points 分数）",
            "each bands entry needs one bound (min, max (inclusive) or equals) and one score (rate, "
            "a share of the points, or points)",
        ),
        "bands_not_number": (
            "“{key}”必须是数值（可带单位，如 95%），而不是“{value}”",
            "'{key}' must be a number (a unit such as % is fine), not '{value}'",
        ),
        "bands_operator": (
            "“{key}”只写数值，不带比较符：“{value}”",
            "'{key}' takes a plain number, without an operator: '{value}'",
        ),
        "bands_unit": (
            "各档下限与数值须用同一单位：“{unit}”与“{other}”不同",
            "the value and every band's min must use one unit: '{unit}' differs from '{other}'",
        ),
        "x_bands": (
            "{value} 达到第 {n} 档（{condition}，得 {rate}）：{points} × {rate} = {score}",
            "{value} reaches band {n} ({condition}, {rate}): {points} × {rate} = {score}",
        ),
        "x_bands_in": (
            "{value} 属于第 {n} 档（{condition}，得 {rate}）：{points} × {rate} = {score}",
            "{value} falls in band {n} ({condition}, {rate}): {points} × {rate} = {score}",
        ),
        "x_bands_points": (
            "{value} 属于第 {n} 档（{condition}），得 {score} 分",
            "{value} falls in band {n} ({condition}): {score} points",
        ),
        "x_bands_below": (
            "{value} 低于最低一档的下限 {min}，得 0 分",
            "{value} is below the lowest band's min {min}: 0 points",
        ),
        "x_bands_above": (
            "{value} 超过最高一档的上限 {max}，得 0 分",
            "{value} is above the highest band's max {max}: 0 points",
        ),
        "x_bands_outside": (
            "{value} 不属于任何一档（{bounds}），得 0 分",
            "{value} falls in no band ({bounds}): 0 points",
        ),
        "bands_repeated": ("档次界限 {bound} 重复", "the band bound {bound} repeats"),
        "bands_mixed": (
            "bands 不能同时用 min（下限）与 max（上限）：请统一写法（等于某值的档用 equals）",
            "bands cannot mix min (lower bounds) and max (upper bounds); write one kind "
            "(a band for one value is equals)",
        ),
        "bands_points_above": (
            "档次得分 {score} 超过本指标分值 {points}",
            "the band's score {score} exceeds the leaf's points {points}",
        ),
    },
    COMMON,
)
t = MESSAGES.t


@record
class Band:
    """One row of a scoring table: values ≥ ``bound`` (``kind`` min), ≤ it (max) or = it
    (equals) score ``rate`` × w, or ``points`` when the table states points."""

    bound: Decimal  # a percentage as a fraction (95% → 0.95); else the number as written
    rate: Decimal | None  # a share, 0 … 1 (None when the band states points)
    text: str  # the bound as written, for explain lines ("95%")
    kind: str = "min"  # "min", "max" (inclusive upper bound, 含) or "equals"
    points: Decimal | None = None  # the band's score, when stated in points ("计2分")

    def holds(self, value: Decimal | Fraction) -> bool:
        """Exactly, without making Fractions (:func:`~perfscore.decimals.at_least`)."""
        if self.kind == "equals":
            return at_least(value, self.bound) and at_least(self.bound, value)
        if self.kind == "max":
            return at_least(self.bound, value)
        return at_least(value, self.bound)

    def exact_score(self, points: Decimal) -> Fraction:
        if self.points is not None:
            return Fraction(self.points)
        assert self.rate is not None
        return Fraction(points) * Fraction(self.rate)

    def as_listed(self) -> dict[str, str]:
        """The band as the export lists it: {min: 95%, rate: 100%} or {max: 10%, points: 2}."""
        result = (
            ("points", plain(self.points))
            if self.points is not None
            else ("rate", percent_text(self.rate or Decimal(0)))
        )
        return {self.kind: self.text, result[0]: result[1]}


@record
class Bands:
    """A checked table: one ``unit`` for all; lower bounds (min) or upper bounds (max), each
    bound once, with equality bands beside either. Written in any order."""

    bands: tuple[Band, ...]
    unit: str  # "%", "" or any unit text ("分")

    def band_for(self, value: Decimal | Fraction) -> int | None:
        """The index of the band ``value`` falls in: an equality band it equals, else the
        highest min it reaches, else the lowest max it stays within; None outside all."""
        candidates = [(i, band) for i, band in enumerate(self.bands) if band.holds(value)]
        for index, band in candidates:
            if band.kind == "equals":
                return index
        mins = [(band.bound, i) for i, band in candidates if band.kind == "min"]
        if mins:
            return max(mins)[1]
        maxes = [(band.bound, i) for i, band in candidates if band.kind == "max"]
        return min(maxes)[1] if maxes else None


@record
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


_BOUNDS = ("min", "max", "equals")


def parse_bands(fields: Fields, key: str = "bands", points: Decimal | None = None) -> Bands | None:
    """Read and check the ``bands:`` list of a leaf; None (with problems recorded) if wrong.

    Each band has one bound (``min``, ``max`` inclusive, or ``equals``) and its score as a
    share of the points (``rate``) or in points (``points``, at most the leaf's). The list
    is required: a missing key is reported as such.
    """
    before = len(fields.problems)
    items = fields.sequence(key, required=True)
    if items is None:
        return None
    bands: list[Band] = []
    unit: str | None = None
    for item, line in zip(items, items.item_lines, strict=True):
        read = _band(fields, item, line, points)
        if read is None:
            continue
        quantity_unit, band = read
        if unit is None:
            unit = quantity_unit
        elif quantity_unit != unit:
            fields.child(item).problem(
                band.kind, t("bands_unit", unit=unit_name(unit), other=unit_name(quantity_unit))
            )
            continue
        clash = next((b for b in bands if b.kind == band.kind and b.bound == band.bound), None)
        if clash is not None:
            fields.child(item).problem(band.kind, t("bands_repeated", bound=band.text))
            continue
        bands.append(band)
    kinds = {band.kind for band in bands}
    if {"min", "max"} <= kinds:
        fields.problem(key, t("bands_mixed"))
    if len(fields.problems) > before:
        return None
    assert unit is not None
    return Bands(tuple(bands), unit)


def _band(fields: Fields, item: Any, line: int, points: Decimal | None) -> tuple[str, Band] | None:
    keys = set(item) if isinstance(item, YMap) else set()
    bounds = keys & set(_BOUNDS)
    scores = keys & {"rate", "points"}
    if len(bounds) != 1 or len(scores) != 1 or keys - {*_BOUNDS, "rate", "points"}:
        fields.problems.append(Problem(t("bands_entry"), fields.file, line, fields.path or None))
        return None
    row = fields.child(item)
    kind = bounds.pop()
    bound = read_number(row, kind)
    if "rate" in scores:
        rate, band_points = read_share(row, "rate"), None
        if rate is None:
            return None
    else:
        rate, band_points = None, row.number("points", minimum=Decimal(0))
        if band_points is None:
            return None
        if points is not None and band_points > points:
            row.problem(
                "points", t("bands_points_above", score=plain(band_points), points=plain(points))
            )
            return None
    if bound is None:
        return None
    return bound.unit, Band(magnitude(bound), rate, bound.text, kind, band_points)


_SIGNS = {"min": "≥", "max": "≤", "equals": "="}


def score_bands(
    value: Decimal | Fraction,
    table: Bands,
    points: Decimal,
    precision: int,
    value_text: str | None = None,
) -> Scored:
    """Pure: the band ``value`` falls in (:meth:`Bands.band_for`) gives the score.

    ``value`` is on the bands' scale (a percentage as a fraction: 94.68% → 0.9468).
    The returned :class:`Scored` has no ``rule`` (the caller's rule name applies)
    and details ``value``, ``band`` (1-based, or None outside every band) and ``bands``.
    """
    shown = value_text or plain(
        Decimal(value) if isinstance(value, Decimal) else round_half_up(value, 6)
    )
    listed = [band.as_listed() for band in table.bands]
    index = table.band_for(value)
    if index is None:
        return Scored(
            round_half_up(0, precision),
            _outside(table, shown),
            details={"value": shown, "band": None, "bands": listed},
        )
    band = table.bands[index]
    score = round_half_up(band.exact_score(points), precision)
    condition = f"{_SIGNS[band.kind]} {band.text}"
    if band.points is not None:
        explain = t(
            "x_bands_points", value=shown, n=index + 1, condition=condition, score=plain(score)
        )
    else:
        key = "x_bands" if band.kind == "min" else "x_bands_in"
        explain = t(
            key,
            value=shown,
            n=index + 1,
            condition=condition,
            rate=percent_text(band.rate or Decimal(0)),
            points=plain(points),
            score=plain(score),
        )
    return Scored(score, explain, details={"value": shown, "band": index + 1, "bands": listed})


def _outside(table: Bands, shown: str) -> str:
    """Why a value falls in no band: below the lowest min, above the highest max, or neither."""
    mins = [band for band in table.bands if band.kind == "min"]
    maxes = [band for band in table.bands if band.kind == "max"]
    if mins:
        return t("x_bands_below", value=shown, min=min(mins, key=lambda b: b.bound).text)
    if maxes:
        return t("x_bands_above", value=shown, max=max(maxes, key=lambda b: b.bound).text)
    return t(
        "x_bands_outside",
        value=shown,
        bounds=join(f"{_SIGNS[b.kind]}{b.text}" for b in table.bands),
    )


def parse_bands_rule(fields: Fields, points: Decimal) -> BandsParams | None:
    before = len(fields.problems)
    if not fields.has("value"):
        fields.problem(None, t("missing_key", key="value"))
    value = read_number(fields, "value")
    table = parse_bands(fields, points=points)
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
    """A bands table as a report reads it: ≥95%→100%；≥90%→75% …; =0→3分"""
    rows = []
    for band in listed:
        kind = next(k for k in _BOUNDS if k in band)
        result = (
            band["rate"] if "rate" in band else pick(f"{band['points']}分", f"{band['points']} pts")
        )
        rows.append(f"{_SIGNS[kind]}{band[kind]}→{result}")
    return join(rows, "clause")


# How the details of a bands score read (the survey rule reuses them).
INPUT_FORMATS = {"bands": bands_text}


def _inputs(details: Mapping[str, Any]) -> InputItems:
    return labelled_inputs(details, INPUT_LABELS, INPUT_FORMATS)


SPECS = (
    RuleSpec("bands", frozenset({"value", "bands"}), parse_bands_rule, _score, LABELS, _inputs),
)
