"""Points × the actual rate (docs/rules.md §11, ``rule: rate``): "得分 = 完成率 × 分值".

score = w × B, B the actual rate (a percentage, ``98%``, or a share 0..1), at most w. A
湖北 sheet (2020) scores 整编资料审核, target 98%, actual 98%, as 20 × 98% = 19.6: the
target is printed beside it but plays no part (``target`` is kept and shown when given).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..decimals import plain, round_half_up
from ..expr import Quantity
from ..fields import Fields
from ..messages import Messages
from ..records import record
from ..shares import percent_text, read_share
from .base import MESSAGES as COMMON
from .base import InputItems, RuleSpec, Scored, labelled_inputs

MESSAGES = Messages(
    {
        "x_rate": ("{rate} × {points} = {score}", "{rate} × {points} = {score}"),
        "x_rate_capped": (
            "{rate} × {points} 超过分值，按满分 {points} 计",
            "{rate} × {points} exceeds the points: full points {points}",
        ),
    },
    COMMON,
)
t = MESSAGES.t


@record
class RateParams:
    actual: Decimal  # a share (98% → 0.98)
    actual_text: str
    target: Quantity | None = None


def score_rate(
    actual: Decimal, points: Decimal, precision: int, shown: str | None = None
) -> Scored:
    """Pure: w × the rate, at most w."""
    rate_text = shown or percent_text(actual)
    exact = Fraction(points) * Fraction(actual)
    if exact > Fraction(points):
        return Scored(
            round_half_up(points, precision),
            t("x_rate_capped", rate=rate_text, points=plain(points)),
        )
    score = round_half_up(exact, precision)
    return Scored(score, t("x_rate", rate=rate_text, points=plain(points), score=plain(score)))


def parse_rate(fields: Fields, points: Decimal) -> RateParams | None:
    before = len(fields.problems)
    if not fields.has("actual"):
        fields.problem(None, t("missing_key", key="actual"))
        return None
    actual = read_share(fields, "actual", at_most_one=False)
    target = fields.expression("target") if fields.has("target") else None
    if actual is None or len(fields.problems) > before:
        return None
    raw = fields.raw["actual"]
    text = raw.strip() if isinstance(raw, str) else percent_text(actual)
    return RateParams(actual, text, target)


def _score(params: RateParams, points: Decimal, precision: int) -> Scored:
    scored = score_rate(params.actual, points, precision, params.actual_text)
    details: dict[str, Any] = {"actual": params.actual_text}
    if params.target is not None:
        details = {"target": params.target.text, **details}
    return Scored(scored.score, scored.explain, details=details)


LABELS = {
    "rate": (
        "按完成率计分：得分 = 完成率 × 分值，不超过分值",
        "rate: points × the actual rate, at most the points",
    )
}
INPUT_LABELS = {"target": ("目标值", "target"), "actual": ("实际值", "actual")}


def _inputs(details: Mapping[str, Any]) -> InputItems:
    return labelled_inputs(details, INPUT_LABELS)


SPECS = (RuleSpec("rate", frozenset({"actual", "target"}), parse_rate, _score, LABELS, _inputs),)
