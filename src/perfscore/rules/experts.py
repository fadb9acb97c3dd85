"""Expert panels (docs/rules.md §8, ``rule: experts``, 专家评分).

Several experts score the same leaf: ``scores: [4, 4.5, 3.5]`` and
``method: mean`` (default, 算术平均), ``median`` (中位数; with an even count the
mean of the middle two), or ``trimmed`` (去掉一个最高分和一个最低分后平均; needs
at least 3 scores). Each expert's score lies in 0..w. The combined score is
computed exactly and rounded once; the explain line shows the spread
(lowest–highest), which is what a reader checks first.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..decimals import plain, round_half_up
from ..errors import Problem
from ..fields import Fields
from ..messages import Messages, join
from ..records import record
from .base import MESSAGES as COMMON
from .base import InputItems, RuleSpec, Scored, labelled_inputs

METHODS = ("mean", "median", "trimmed")

MESSAGES = Messages(
    {
        "experts_bad_method": (
            "method 只能是 mean（平均）、median（中位数）或 trimmed（去掉最高最低后平均），而不是“{value}”",
            "method must be mean, median or trimmed, not '{value}'",
        ),
        "experts_trimmed_needs_three": (
            "method: trimmed 去掉一个最高分和一个最低分，至少需要 3 位专家的评分，这里只有 {n} 个",
            "method: trimmed drops one highest and one lowest score and needs at least 3 scores; "
            "there are {n}",
        ),
        "experts_score_range": (
            "专家评分 {score} 不在 0 到分值 {points} 之间",
            "expert score {score} is not between 0 and the points {points}",
        ),
        "x_experts": (
            "专家 {n} 人评分 {scores}（最低 {low}，最高 {high}），{how} {score}",
            "{n} experts scored {scores} (lowest {low}, highest {high}); {how} {score}",
        ),
        "x_experts_mean": ("平均分", "mean"),
        "x_experts_median": ("中位数", "median"),
        "x_experts_trimmed": (
            "去掉一个最高分 {high} 和一个最低分 {low} 后平均",
            "mean without one highest {high} and one lowest {low}",
        ),
    },
    COMMON,
)
t = MESSAGES.t


@record
class Panel:
    scores: tuple[Decimal, ...]
    method: str = "mean"


def combine(scores: tuple[Decimal, ...], method: str) -> Fraction:
    """The panel's exact score: mean, median, or mean without one highest and one lowest."""
    ordered = sorted(Fraction(s) for s in scores)
    if method == "trimmed":
        ordered = ordered[1:-1]
    elif method == "median":
        middle = len(ordered) // 2
        ordered = (
            ordered[middle : middle + 1] if len(ordered) % 2 else ordered[middle - 1 : middle + 1]
        )
    return sum(ordered, Fraction(0)) / len(ordered)


def score_experts(panel: Panel, points: Decimal, precision: int) -> Scored:
    """Pure: combine the experts' scores (each already checked to lie in 0..points)."""
    low, high = min(panel.scores), max(panel.scores)
    score = round_half_up(combine(panel.scores, panel.method), precision)
    if panel.method == "trimmed":
        how = t("x_experts_trimmed", high=plain(high), low=plain(low))
    else:
        how = t(f"x_experts_{panel.method}")
    explain = t(
        "x_experts",
        n=len(panel.scores),
        scores=join(plain(s) for s in panel.scores),
        low=plain(low),
        high=plain(high),
        how=how,
        score=plain(score),
    )
    details = {"scores": list(panel.scores), "method": panel.method, "lowest": low, "highest": high}
    return Scored(score, explain, details=details)


def parse_experts(fields: Fields, points: Decimal) -> Panel | None:
    before = len(fields.problems)
    items = fields.sequence("scores", required=True)
    method = "mean"
    if fields.has("method"):
        method = fields.text("method") or "mean"
        if method not in METHODS:
            fields.problem("method", t("experts_bad_method", value=method))
    scores: list[Decimal] = []
    for item, line in zip(items or (), items.item_lines if items is not None else (), strict=True):
        value = fields.as_number("scores", item, line=line)
        if value is None:
            continue
        if value < 0 or value > points:
            message = t("experts_score_range", score=plain(value), points=plain(points))
            fields.problems.append(Problem(message, fields.file, line, fields.path or None))
            continue
        scores.append(value)
    if items is not None and method == "trimmed" and len(items) < 3:
        fields.problem("method", t("experts_trimmed_needs_three", n=len(items)))
    if len(fields.problems) > before:
        return None
    return Panel(tuple(scores), method)


LABELS = {
    "experts": (
        "专家评分：汇总各专家打分（平均、中位数或去掉一个最高分和一个最低分后平均）",
        "expert panel: the experts' scores combined (mean, median, or mean without the "
        "highest and lowest)",
    )
}
INPUT_LABELS = {
    "scores": ("专家评分", "experts' scores"),
    "method": ("汇总方法", "method"),
    "lowest": ("最低分", "lowest"),
    "highest": ("最高分", "highest"),
}


def _inputs(details: Mapping[str, Any]) -> InputItems:
    return labelled_inputs(details, INPUT_LABELS)


SPECS = (
    RuleSpec(
        "experts", frozenset({"scores", "method"}), parse_experts, score_experts, LABELS, _inputs
    ),
)
