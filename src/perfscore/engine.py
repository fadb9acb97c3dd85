"""Scoring: leaf rules, the roll-up, rates, the grade and the checks.

docs/format.md §1 "Numbers and rounding": a leaf's score is rounded once, HALF_UP,
to ``precision`` places; a parent's score is the sum of its children's
rounded scores; a rate is score / points × 100, HALF_UP to 2 places; the grade
is looked up from the total as computed, lower bound inclusive.
"""

from __future__ import annotations

from decimal import Decimal

from .comparisons import comparisons
from .decimals import rate_of, scaled
from .grades import grade_for, grade_of
from .model import Evaluation, Node
from .result import NodeResult, Rescale, Result
from .rules import RULES
from .rules.base import Scored
from .selfeval import warnings_for

_ZERO = Decimal(0)


def _rate(score: Decimal, points: Decimal) -> Decimal:
    """得分率; a row worth 0 points (a budget row printed without points) has none: 0."""
    return rate_of(score, points) if points else Decimal(0)


def score_node(node: Node, precision: int) -> NodeResult:
    if not node.captured:  # a part the sheet shows but could not be read: nothing to score
        return NodeResult(node, _ZERO, _ZERO, partial=True)
    if not node.applicable:  # left out (docs/rules.md §2); shown as 不适用
        children = tuple([score_node(child, precision) for child in node.children])
        return NodeResult(node, _ZERO, _ZERO, children, applicable_points=_ZERO)
    leaf = node.leaf
    if leaf is not None:
        scored = RULES[leaf.rule].score(leaf.params, node.points, precision)
        if not scored.rule:
            scored = Scored(scored.score, scored.explain, scored.level, leaf.rule, scored.details)
        # (by position, as below: keyword arguments cost more than the record itself)
        return NodeResult(node, scored.score, _rate(scored.score, node.points), (), scored)
    children = tuple([score_node(child, precision) for child in node.children])
    score = in_play = _ZERO
    for child in children:
        score += child.score
        in_play += child.in_play
    if in_play == node.points or node.partial:
        return NodeResult(node, score, _rate(score, node.points), children, None, node.partial)
    return NodeResult(node, score, _rate(score, in_play), children, applicable_points=in_play)


def _rescale(
    evaluation: Evaluation, indicators: tuple[NodeResult, ...], summed: Decimal
) -> Rescale | None:
    """docs/rules.md §2: the total of a tree with 不适用 nodes, scaled to its base. A total
    captured in part is a lower bound and is not scaled."""
    paths = tuple(_left_out(indicators))
    if not paths or evaluation.partial:
        return None
    in_play = sum((top.in_play for top in indicators), Decimal(0))
    total = scaled(summed, evaluation.points, in_play, evaluation.precision)
    return Rescale(evaluation.points, in_play, summed, total, paths)


def _left_out(results: tuple[NodeResult, ...]):
    """The paths of the topmost nodes marked applicable: false."""
    for result in results:
        if not result.node.applicable:
            yield result.node.path
        else:
            yield from _left_out(result.children)


def score(evaluation: Evaluation, *, warnings: bool = True) -> Result:
    """Score a checked evaluation. Pure: the same evaluation gives the same result.

    ``warnings=False`` leaves the self-evaluation warnings out (``Result.warnings`` is
    empty): a batch whose rows never show them need not build them.
    """
    indicators = tuple([score_node(node, evaluation.precision) for node in evaluation.indicators])
    total = _ZERO
    for node in indicators:
        total += node.score
    rescale = _rescale(evaluation, indicators, total)
    if rescale is not None:
        total = rescale.total
    rate = _rate(total, evaluation.points)
    # No grade for a total captured in part (docs/format.md §1a): it is only a lower bound.
    grade = None if evaluation.partial else grade_of(total, evaluation.points, evaluation.grades)
    return Result(
        evaluation,
        total,
        rate,
        grade,
        indicators,
        comparisons(evaluation, indicators, total, rate, grade),
        rescale,
        warnings_for(evaluation, indicators) if warnings else (),
    )


__all__ = ["grade_for", "grade_of", "score", "score_node"]
