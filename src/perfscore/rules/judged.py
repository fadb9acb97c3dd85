"""Judged leaves: the evaluator's score, optionally inside a tier (docs/rules.md §5).

The three tiers (完成情况) of the national self-evaluation system:

    达成      0.8w ≤ s ≤ w
    部分达成  0.6w ≤ s < 0.8w
    未达成    0    ≤ s < 0.6w

The tier does not fix the score; the evaluator picks it inside the range, and
perfscore rejects a score outside it. ``level: 达成`` alone means full points.
"""

from __future__ import annotations

from decimal import Decimal

from ..decimals import plain, round_half_up
from ..fields import Fields
from ..messages import Messages
from ..records import record
from .base import MESSAGES as COMMON
from .base import RuleSpec, Scored

MESSAGES = Messages(
    {
        "score_above_points": (
            "得分 {score} 超过分值 {points}",
            "score {score} exceeds points {points}",
        ),
        "score_negative": ("得分 {score} 小于 0", "score {score} is below 0"),
        "bad_level": (
            "完成情况 level 只能是 达成、部分达成 或 未达成，而不是“{value}”",
            "level must be 达成, 部分达成 or 未达成, not '{value}'",
        ),
        "level_needs_score": (
            "完成情况“{level}”须由评价人在 {low}–{high} 分之间给出 score",
            "level '{level}' needs a score from the evaluator between {low} and {high}",
        ),
        "x_judged": ("评价得分 {score}", "scored {score} by the evaluator"),
        "x_judged_rounded": (
            "{written}，保留 {precision} 位小数为 {score}",
            "{written}, rounded to {precision} decimals: {score}",
        ),
        "x_judged_level": ("{level}，评价得分 {score}", "{level}, scored {score} by the evaluator"),
        "x_level_full": ("{level}，得满分 {points}", "{level}: full points {points}"),
        "score_outside_level": (
            "得分 {score} 不在“{level}”的区间 {range} 内",
            "score {score} lies outside the range {range} of level '{level}'",
        ),
    },
    COMMON,
)
t = MESSAGES.t


MET, PARTLY, NOT_MET = "达成", "部分达成", "未达成"

# level: (low share, high share, high inclusive)
LEVELS: dict[str, tuple[Decimal, Decimal, bool]] = {
    MET: (Decimal("0.8"), Decimal(1), True),
    PARTLY: (Decimal("0.6"), Decimal("0.8"), False),
    NOT_MET: (Decimal(0), Decimal("0.6"), False),
}


def level_bounds(level: str, points: Decimal) -> tuple[Decimal, Decimal, bool]:
    """The score range of ``level`` for a leaf worth ``points``."""
    low, high, inclusive = LEVELS[level]
    return low * points, high * points, inclusive


def in_level(score: Decimal, level: str, points: Decimal) -> bool:
    low, high, inclusive = level_bounds(level, points)
    return low <= score and (score <= high if inclusive else score < high)


def level_range_text(level: str, points: Decimal) -> str:
    low, high, inclusive = level_bounds(level, points)
    return f"[{plain(low)}, {plain(high)}{']' if inclusive else ')'}"


def level_of(score: Decimal, points: Decimal) -> str:
    """The tier a score falls in (used for display when no level was given)."""
    for level in (MET, PARTLY, NOT_MET):
        if in_level(score, level, points):
            return level
    return NOT_MET


@record
class Judgement:
    score: Decimal | None  # None: level 达成 alone, full points
    level: str | None


def parse_judgement(fields: Fields, points: Decimal) -> Judgement | None:
    """Read ``score`` and ``level``; check 0 ≤ score ≤ points and the tier's range."""
    before = len(fields.problems)
    score = None
    if fields.has("score") and fields.raw["score"] is None:  # a template's placeholder `score: ~`
        fields.problem("score", t("empty_text", key="score"))
    elif fields.has("score"):
        score = fields.number("score")
    level = fields.text("level") if fields.has("level") else None
    if level is not None and level not in LEVELS:
        fields.problem("level", t("bad_level", value=level))
        level = None
    if score is not None:
        if score > points:
            fields.problem(
                "score", t("score_above_points", score=plain(score), points=plain(points))
            )
        elif score < 0:
            fields.problem("score", t("score_negative", score=plain(score)))
        elif level is not None and not in_level(score, level, points):
            fields.problem(
                "score",
                t(
                    "score_outside_level",
                    score=plain(score),
                    level=level,
                    range=level_range_text(level, points),
                ),
            )
    elif level is not None and level != MET:
        low, high, _ = level_bounds(level, points)
        fields.problem(
            "level", t("level_needs_score", level=level, low=plain(low), high=plain(high))
        )
    if len(fields.problems) > before:
        return None
    return Judgement(score, level)


def score_judged(judgement: Judgement, points: Decimal, precision: int) -> Scored:
    """The evaluator's score, rounded once to the file's precision."""
    if judgement.score is None:  # level 达成 alone
        score = round_half_up(points, precision)
        return Scored(score, t("x_level_full", level=MET, points=plain(points)), MET)
    score = round_half_up(judgement.score, precision)
    written = plain(judgement.score)
    if judgement.level:
        explain = t("x_judged_level", level=judgement.level, score=written)
    else:
        explain = t("x_judged", score=written)
    if score != judgement.score:  # 89.995 at precision 2 is 90.00: say so, it may change a grade
        explain = t("x_judged_rounded", written=explain, precision=precision, score=plain(score))
    return Scored(score, explain, judgement.level)


LABELS = {
    "judged": (
        "评价打分：评价人依据评分标准给分",
        "judged: the evaluator's score against the criteria",
    )
}

SPECS = (RuleSpec("judged", frozenset({"score", "level"}), parse_judgement, score_judged, LABELS),)
