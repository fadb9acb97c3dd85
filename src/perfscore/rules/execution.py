"""预算执行率 (docs/rules.md §3, ``rule: execution``).

rate = 全年执行数 / 全年预算数; score = rate × w, never above w (a rate above
100% scores w: docs/rules.md §10 leaves the cap open, perfscore caps the score and
says so in the explain line). The score is computed from the exact rate and
rounded once; the rate is shown as a percentage with 2 decimals.
Example (seed 01): budget 328.67, spent 293.82 → 89.40% → 8.94 of 10.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..decimals import percent, plain, round_half_up
from ..expr import Quantity, UnitMismatch, common_unit
from ..fields import Fields
from ..messages import Messages, unit_name
from .base import MESSAGES as COMMON
from .base import InputItems, RuleSpec, Scored, labelled_inputs

MESSAGES = Messages(
    {
        "budget_zero": (
            "预算数 budget 为 0，无法计算执行率",
            "budget is 0: the execution rate is undefined",
        ),
        "x_execution": (
            "执行数 {spent} ÷ 预算数 {budget} = {rate}，{rate} × {points} = {score}",
            "spent {spent} ÷ budget {budget} = {rate}; {rate} × {points} = {score}",
        ),
        "x_execution_capped": (
            "执行数 {spent} ÷ 预算数 {budget} = {rate}，超过 100% 按满分 {points} 计",
            "spent {spent} ÷ budget {budget} = {rate}; above 100% scores full points {points}",
        ),
    },
    COMMON,
)
t = MESSAGES.t


@dataclass(frozen=True)
class Execution:
    budget: Quantity
    spent: Quantity
    budget_value: Decimal  # in the budget's unit
    spent_value: Decimal


def score_execution(
    budget: Decimal,
    spent: Decimal,
    points: Decimal,
    precision: int,
    budget_text: str | None = None,
    spent_text: str | None = None,
) -> Scored:
    """Pure: the execution-rate score of ``spent`` against ``budget`` (> 0)."""
    rate = Fraction(spent) / Fraction(budget)
    shown_rate = percent(rate)
    labels = {
        "budget": budget_text or plain(budget),
        "spent": spent_text or plain(spent),
        "rate": shown_rate,
        "points": plain(points),
    }
    details = {"budget": labels["budget"], "spent": labels["spent"], "execution_rate": shown_rate}
    if rate >= 1:
        return Scored(
            round_half_up(points, precision), t("x_execution_capped", **labels), details=details
        )
    score = round_half_up(rate * Fraction(points), precision)
    return Scored(score, t("x_execution", score=plain(score), **labels), details=details)


def parse_execution(fields: Fields, points: Decimal) -> Execution | None:
    before = len(fields.problems)
    budget = fields.expression("budget")
    spent = fields.expression("spent")
    for key, value in (("budget", budget), ("spent", spent)):
        if not fields.has(key):
            fields.problem(None, t("missing_key", key=key))
        elif value is not None and value.is_word:
            fields.problem(key, t("not_number", key=key, value=value.text))
    if budget is None or spent is None or len(fields.problems) > before:
        return None
    try:
        budget_value, spent_value, _unit = common_unit(budget, spent)
    except UnitMismatch:
        fields.problem(
            "spent",
            t(
                "unit_mismatch",
                target_unit=unit_name(budget.unit),
                actual_unit=unit_name(spent.unit),
            ),
        )
        return None
    for key, amount in (("budget", budget_value), ("spent", spent_value)):
        if amount < 0:
            fields.problem(key, t("negative_amount", key=key, value=plain(amount)))
    if budget_value == 0:
        fields.problem("budget", t("budget_zero"))
    if len(fields.problems) > before:
        return None
    return Execution(budget, spent, budget_value, spent_value)


def _score(params: Execution, points: Decimal, precision: int) -> Scored:
    return score_execution(
        params.budget_value,
        params.spent_value,
        points,
        precision,
        params.budget.shown,
        params.spent.shown,
    )


LABELS = {
    "execution": (
        "预算执行率：执行数 ÷ 预算数 × 分值，不超过满分",
        "budget execution: spent ÷ budget × points, at most full points",
    )
}
INPUT_LABELS = {
    "budget": ("预算数", "budget"),
    "spent": ("执行数", "spent"),
    "execution_rate": ("执行率", "execution rate"),
}


def _inputs(details: Mapping[str, Any]) -> InputItems:
    return labelled_inputs(details, INPUT_LABELS)


SPECS = (
    RuleSpec("execution", frozenset({"budget", "spent"}), parse_execution, _score, LABELS, _inputs),
)
