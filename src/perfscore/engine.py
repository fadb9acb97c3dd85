"""Scoring: leaf rules, the roll-up, rates, the grade and the checks.

docs/format.md §1 "Numbers and rounding": a leaf's score is rounded once, HALF_UP,
to ``precision`` places; a parent's score is the sum of its children's
rounded scores; a rate is score / points × 100, HALF_UP to 2 places; the grade
is looked up from the total as computed, lower bound inclusive.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

from .decimals import rate_of, round_half_up
from .model import Evaluation, Grade, Node
from .result import Comparison, NodeResult, Rescale, Result
from .rules import RULES
from .selfeval import warnings_for


def grade_for(total: Decimal | Fraction, grades: tuple[Grade, ...]) -> str:
    """The first band (highest first) whose lower bound the total reaches."""
    for grade in grades:
        if Fraction(total) >= Fraction(grade.min):
            return grade.name
    return grades[-1].name  # unreachable for checked tables: the lowest band starts at 0


def grade_of(total: Decimal, points: Decimal, grades: tuple[Grade, ...]) -> str:
    """The grade of ``total`` out of ``points``. The grade table is on a 100-point scale; a
    tree on another base is graded on its exact share of 100 (never on the rounded rate:
    89.995 is not 90)."""
    return grade_for(Fraction(total) * 100 / Fraction(points), grades)


def score_node(node: Node, precision: int) -> NodeResult:
    if not node.applicable:  # left out (docs/rules.md §2); shown as 不适用
        children = tuple(score_node(child, precision) for child in node.children)
        return NodeResult(node, Decimal(0), Decimal(0), children, applicable_points=Decimal(0))
    if node.leaf is not None:
        spec = RULES[node.leaf.rule]
        scored = spec.score(node.leaf.params, node.points, precision)
        if not scored.rule:
            scored = replace(scored, rule=node.leaf.rule)
        return NodeResult(node, scored.score, rate_of(scored.score, node.points), scored=scored)
    children = tuple(score_node(child, precision) for child in node.children)
    score = sum((child.score for child in children), Decimal(0))
    in_play = sum((child.in_play for child in children), Decimal(0))
    if in_play == node.points:
        return NodeResult(node, score, rate_of(score, node.points), children)
    rate = rate_of(score, in_play) if in_play else Decimal(0)
    return NodeResult(node, score, rate, children, applicable_points=in_play)


def _rescale(
    evaluation: Evaluation, indicators: tuple[NodeResult, ...], summed: Decimal
) -> Rescale | None:
    in_play = sum((top.in_play for top in indicators), Decimal(0))
    if in_play == evaluation.points:
        return None
    total = round_half_up(
        Fraction(summed) * Fraction(evaluation.points) / Fraction(in_play), evaluation.precision
    )
    paths = tuple(_left_out(indicators))
    return Rescale(evaluation.points, in_play, summed, total, paths)


def _left_out(results: tuple[NodeResult, ...]):
    """The paths of the topmost nodes marked applicable: false."""
    for result in results:
        if not result.node.applicable:
            yield result.node.path
        else:
            yield from _left_out(result.children)


def _checks(
    evaluation: Evaluation, score: Decimal, rate: Decimal, indicators: tuple[NodeResult, ...]
) -> tuple[Comparison, ...]:
    checks: list[Comparison] = []

    def add(
        path: str,
        node_reported: Decimal | None,
        reported_rate: Decimal | None,
        computed: Decimal,
        computed_rate: Decimal,
        line: int,
    ) -> None:
        if node_reported is not None:
            checks.append(Comparison(path, "score", node_reported, computed, line))
        if reported_rate is not None:
            checks.append(Comparison(path, "rate", reported_rate, computed_rate, line))

    add("", evaluation.reported, evaluation.reported_rate, score, rate, evaluation.line)
    for top in indicators:
        for result in top.walk():
            node = result.node
            add(node.path, node.reported, node.reported_rate, result.score, result.rate, node.line)
    return tuple(checks)


def score(evaluation: Evaluation) -> Result:
    """Score a checked evaluation. Pure: the same evaluation gives the same result."""
    indicators = tuple(score_node(node, evaluation.precision) for node in evaluation.indicators)
    total = sum((node.score for node in indicators), Decimal(0))
    rescale = _rescale(evaluation, indicators, total)
    if rescale is not None:
        total = rescale.total
    rate = rate_of(total, evaluation.points)
    grade = grade_of(total, evaluation.points, evaluation.grades)
    return Result(
        evaluation,
        total,
        rate,
        grade,
        indicators,
        _checks(evaluation, total, rate, indicators),
        rescale,
        warnings_for(indicators, evaluation.file),
    )
