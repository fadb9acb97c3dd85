"""Deductions (docs/rules.md §6, ``rule: deduction``, 扣分制).

Start from w and subtract every deduction, floor 0 ("扣完为止"):

* listed deductions, each with its reason: ``deductions: [{reason: 未按期报送, points: 0.5}]``;
* a per-unit deduction beyond a limit, as local tables write "在职人员控制率≤100%，
  每超过一个百分点扣0.5分，扣完为止": ``value: 103%``, ``limit: 100%``, ``per: 0.5``.

Choices (documented in docs/rules.md):

* a unit is one of the limit's own unit as written: one percentage point for
  ``%``, one 万元 for ``万元`` (value and limit convert like target and actual);
* ``limit: 100%`` or ``limit: ≤100%`` is a ceiling (deduct per unit above it);
  ``limit: ≥100%`` is a floor (deduct per unit below it: "每低一个百分点扣…");
* ``whole_units: true`` (default) counts whole units only (3.6 points over → 3);
  ``false`` counts a started unit as a whole one (3.6 → 4);
* both kinds may appear on one leaf; every deduction's reason is kept in the
  result's details (``deductions: [{reason, points}]``), which is what a report
  lists as problems found.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..decimals import plain, round_half_up
from ..errors import Problem
from ..expr import Quantity, UnitMismatch, common_unit
from ..fields import Fields
from ..load import YMap
from ..messages import Messages, join, unit_name
from ..records import record
from .bands import MESSAGES as BANDS
from .bands import read_number
from .base import InputItems, RuleSpec, Scored, labelled_inputs

MESSAGES = Messages(
    {
        "deduction_entry": (
            "deductions 的每一项须为 {reason, points}（扣分理由与扣分）或 {reason, per, count}（每项扣分与项数），可另加 cap（本项最多扣分）",
            "each deductions entry is {reason, points} or {reason, per, count} (points per item "
            "and the number of items), optionally with cap (the most the item deducts)",
        ),
        "deduction_key_not_positive": (
            "“{key}”必须大于 0，而不是 {value}",
            "'{key}' must be greater than 0, not {value}",
        ),
        "deduction_not_positive": (
            "扣分 points 必须大于 0，而不是 {value}",
            "a deduction's points must be greater than 0, not {value}",
        ),
        "deduction_nothing": (
            "rule: deduction 须给出 deductions（逐项扣分），或 value、limit 与 per（超限按单位扣分）",
            "rule: deduction needs deductions (listed), or value, limit and per (per unit beyond a limit)",
        ),
        "deduction_per_unit_incomplete": (
            "按单位扣分须同时给出 value、limit 与 per，缺少“{key}”",
            "a per-unit deduction needs value, limit and per together; '{key}' is missing",
        ),
        "x_deduction_item": ("{reason}，扣 {points}", "{reason}: −{points}"),
        "x_deduction_item_capped": (
            "{reason}，应扣 {asked}，以本项 {cap} 分为限，扣 {cap}",
            "{reason}: −{asked}, capped at the item's {cap}: −{cap}",
        ),
        "deduction_count_whole": (
            "count（项数）须为整数，而不是 {value}",
            "count must be a whole number, not {value}",
        ),
        "x_deduction_units_above": (
            "{value} 超过上限 {limit} {units} 个{unit_name}（每个扣 {per}）",
            "{value} exceeds the limit {limit} by {units} {unit_name}(s) ({per} each)",
        ),
        "x_deduction_units_below": (
            "{value} 低于下限 {limit} {units} 个{unit_name}（每个扣 {per}）",
            "{value} falls short of the limit {limit} by {units} {unit_name}(s) ({per} each)",
        ),
        "x_deduction_within": (
            "{value} 未超出限值 {limit}，不扣分",
            "{value} is within the limit {limit}: no deduction",
        ),
        "x_deduction_total": (
            "{items}；{points} − {total} = {score}",
            "{items}; {points} − {total} = {score}",
        ),
        "x_deduction_floor": (
            "{items}；共扣 {total}，超过分值 {points}，扣完为止，得 0 分",
            "{items}; {total} deducted, more than the points {points}: floor 0",
        ),
        "x_deduction_none": ("无扣分，得满分 {points}", "no deductions: full points {points}"),
        "lbl_percentage_point": ("百分点", "percentage point"),
        "lbl_unit": ("单位", "unit"),
    },
    BANDS,
)
t = MESSAGES.t


@record
class Deduction:
    """One listed deduction (扣分项) and its reason. With a ``cap`` (the item's own share,
    "缺一项扣0.5分，扣完为止" per item) it deducts at most the cap; ``points`` is what it
    deducts, ``asked`` what the sheet's rule would deduct before the cap."""

    reason: str
    points: Decimal
    asked: Decimal | None = None  # before the per-item cap, when the cap cut it
    cap: Decimal | None = None

    def text(self) -> str:
        if self.asked is not None and self.cap is not None:
            return t(
                "x_deduction_item_capped",
                reason=self.reason,
                asked=plain(self.asked),
                cap=plain(self.cap),
            )
        return t("x_deduction_item", reason=self.reason, points=plain(self.points))

    def as_detail(self) -> dict[str, Any]:
        out: dict[str, Any] = {"reason": self.reason, "points": self.points}
        if self.cap is not None:
            out["cap"] = self.cap
        if self.asked is not None:
            out["asked"] = self.asked
        return out


@record
class PerUnit:
    """A deduction of ``per`` points for every unit ``value`` lies beyond ``limit``."""

    value: Quantity
    limit: Quantity
    value_number: Decimal  # in the limit's unit
    limit_number: Decimal
    per: Decimal
    whole_units: bool = True
    reason: str | None = None

    @property
    def below(self) -> bool:
        """True for a floor (``≥100%``: deduct per unit below), False for a ceiling."""
        return self.limit.op in (">=", ">")

    def units(self) -> int:
        beyond = Fraction(
            self.limit_number - self.value_number
            if self.below
            else self.value_number - self.limit_number
        )
        if beyond <= 0:
            return 0
        return math.floor(beyond) if self.whole_units else math.ceil(beyond)


@record
class DeductionParams:
    listed: tuple[Deduction, ...] = ()
    per_unit: PerUnit | None = None


def per_unit_deduction(rule: PerUnit) -> Deduction | None:
    """The per-unit deduction as a listed one (reason and points), None within the limit."""
    units = rule.units()
    if units == 0:
        return None
    key = "x_deduction_units_below" if rule.below else "x_deduction_units_above"
    unit_name = (
        t("lbl_percentage_point") if rule.limit.unit == "%" else (rule.limit.unit or t("lbl_unit"))
    )
    reason = rule.reason or t(
        key,
        value=rule.value.shown,
        limit=rule.limit.shown,
        units=units,
        unit_name=unit_name,
        per=plain(rule.per),
    )
    return Deduction(reason, rule.per * units)


def score_deductions(
    deductions: tuple[Deduction, ...], points: Decimal, precision: int, notes: tuple[str, ...] = ()
) -> Scored:
    """Pure: w minus every deduction, floor 0 (扣完为止), rounded once.

    ``notes`` are explain-line fragments shown before the deductions (such as
    "within the limit"). Details list every deduction as ``{reason, points}``.
    """
    total = sum((d.points for d in deductions), Decimal(0))
    items = [d.text() for d in deductions]
    shown = join((*notes, *items), "clause")
    details = {
        "deductions": [d.as_detail() for d in deductions],
        "deducted": total,
    }
    if not deductions and not notes:
        return Scored(
            round_half_up(points, precision),
            t("x_deduction_none", points=plain(points)),
            details=details,
        )
    if total > points:
        explain = t("x_deduction_floor", items=shown, total=plain(total), points=plain(points))
        return Scored(round_half_up(0, precision), explain, details=details)
    score = round_half_up(Fraction(points) - Fraction(total), precision)
    explain = t(
        "x_deduction_total",
        items=shown,
        points=plain(points),
        total=plain(total),
        score=plain(score),
    )
    return Scored(score, explain, details=details)


def _listed(fields: Fields) -> tuple[Deduction, ...]:
    items = fields.sequence("deductions")
    if items is None:
        return ()
    listed: list[Deduction] = []
    for item, line in zip(items, items.item_lines, strict=True):
        keys = set(item) if isinstance(item, YMap) else set()
        shape = keys - {"cap"} in ({"reason", "points"}, {"reason", "per", "count"})
        if not isinstance(item, YMap) or not shape:
            fields.problems.append(
                Problem(t("deduction_entry"), fields.file, line, fields.path or None)
            )
            continue
        deduction = _entry(fields.child(item))
        if deduction is not None:
            listed.append(deduction)
    return tuple(listed)


def _entry(row: Fields) -> Deduction | None:
    """One deduction: {reason, points} or {reason, per, count}, with an optional cap."""
    reason = row.text("reason")
    positive = {}
    for key in ("points", "per", "cap"):
        if row.has(key):
            amount = row.number(key)
            if amount is not None and amount <= 0:
                row.problem(key, t("deduction_key_not_positive", key=key, value=plain(amount)))
                return None
            positive[key] = amount
    if row.has("count"):
        count = row.number("count", minimum=Decimal(0))
        if count is None:
            return None
        if count != count.to_integral_value():
            row.problem("count", t("deduction_count_whole", value=plain(count)))
            return None
        per = positive.get("per")
        positive["points"] = None if per is None else per * count
    amount, cap = positive.get("points"), positive.get("cap")
    if reason is None or amount is None or ("cap" in positive and cap is None):
        return None
    if cap is not None and amount > cap:
        return Deduction(reason, cap, asked=amount, cap=cap)
    return Deduction(reason, amount, cap=cap)


def _per_unit(fields: Fields) -> PerUnit | None:
    keys = ("value", "limit", "per")
    if not any(fields.has(key) for key in (*keys, "whole_units", "reason")):
        return None
    for key in keys:
        if not fields.has(key):
            fields.problem(None, t("deduction_per_unit_incomplete", key=key))
    value = read_number(fields, "value")
    limit = fields.expression("limit")
    if limit is not None and limit.is_word:
        fields.problem("limit", t("not_number", key="limit", value=limit.text))
        limit = None
    per = fields.number("per")
    if per is not None and per <= 0:
        fields.problem("per", t("deduction_not_positive", value=plain(per)))
        per = None
    whole_units = fields.boolean("whole_units", True)
    reason = fields.text("reason") if fields.has("reason") else None
    if value is None or limit is None or per is None:
        return None
    try:
        limit_number, value_number, _unit = common_unit(limit, value)
    except UnitMismatch:
        fields.problem(
            "value",
            t(
                "unit_mismatch",
                target_unit=unit_name(limit.unit),
                actual_unit=unit_name(value.unit),
            ),
        )
        return None
    return PerUnit(value, limit, value_number, limit_number, per, whole_units, reason)


def parse_deduction(fields: Fields, points: Decimal) -> DeductionParams | None:
    before = len(fields.problems)
    if not fields.has("deductions") and not any(
        fields.has(key) for key in ("value", "limit", "per", "whole_units", "reason")
    ):
        fields.problem("rule", t("deduction_nothing"))
        return None
    listed = _listed(fields)
    per_unit = _per_unit(fields)
    if len(fields.problems) > before:
        return None
    return DeductionParams(listed, per_unit)


def _score(params: DeductionParams, points: Decimal, precision: int) -> Scored:
    deductions = params.listed
    notes: tuple[str, ...] = ()
    rule = params.per_unit
    if rule is not None:
        extra = per_unit_deduction(rule)
        if extra is None:
            notes = (t("x_deduction_within", value=rule.value.shown, limit=rule.limit.text),)
        else:
            deductions = (*deductions, extra)
    scored = score_deductions(deductions, points, precision, notes)
    if rule is not None:
        details = {
            "value": rule.value.text,
            "limit": rule.limit.text,
            "per": rule.per,
            "units": rule.units(),
            **scored.details,
        }
        scored = Scored(scored.score, scored.explain, details=details)
    return scored


LABELS = {
    "deduction": (
        "扣分制：满分减去各项扣分，扣完为止",
        "deductions: full points minus each deduction, down to 0",
    )
}
INPUT_LABELS = {
    "value": ("实际值", "value"),
    "limit": ("限值", "limit"),
    "per": ("每项扣分", "per unit"),
    "units": ("超出单位数", "units over"),
    "deductions": ("扣分项", "deductions"),
    "deducted": ("共扣分", "deducted"),
}


def deductions_text(listed: list[dict[str, Any]]) -> str:
    """The deductions as a report lists them: 未按期报送 −0.5；…"""
    return join((f"{item['reason']} −{plain(item['points'])}" for item in listed), "clause")


def _inputs(details: Mapping[str, Any]) -> InputItems:
    return labelled_inputs(details, INPUT_LABELS, {"deductions": deductions_text})


SPECS = (
    RuleSpec(
        "deduction",
        frozenset({"deductions", "value", "limit", "per", "whole_units", "reason"}),
        parse_deduction,
        _score,
        LABELS,
        _inputs,
    ),
)
