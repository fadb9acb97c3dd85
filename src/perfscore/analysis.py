"""What a scored evaluation means for its report: the lost points and the next grade.

Pure functions of a :class:`~perfscore.result.Result`. A command computes them
once, with :func:`analyse`, and hands the :class:`Analysis` to every renderer
(terminal, JSON, Markdown, CSV, XLSX, HTML), so that all show the same answers.

Lost points (失分)
    Every leaf that lost points (分值 − 得分 > 0), most points lost first; ties
    keep the order of the indicator tree. Each carries its level-1 group and
    its ``basis``: the skeleton of a report's 发现的问题.

The next grade (距上一等级)
    The next band up is the band just above the current grade in the file's
    grade table. ``needed`` is the smallest total, at the file's precision,
    that reaches it (on a tree whose base is not 100, the band's minimum is
    scaled to the base, as the grade is); ``gap = needed − total``.
    ``leaves`` is the smallest set of leaves whose lost points, recovered in
    full, add up to at least the gap: it is always the first k leaves of the
    lost-points ranking (no k leaves can hold more lost points than the k that
    lost most), so ties are broken by most points lost, then by tree order.
    ``any_one`` lists every leaf that alone holds enough lost points (empty
    when no single leaf does). At the top grade there is no next band:
    ``grade`` is None. When the indicators that count sum to less than the
    base (不适用 nodes left out, total scaled up), a recovered point is worth
    base ÷ counted points in the total, and the comparison uses that weight.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from .records import record
from .result import NodeResult, Result

__all__ = ["Analysis", "LostPoint", "NextGrade", "analyse", "lost_points", "next_grade"]


@record
class LostPoint:
    """One leaf that lost points, with its place in the ranking (1 = most lost)."""

    rank: int
    leaf: NodeResult
    group: str  # the level-1 indicator the leaf belongs to
    lost: Decimal  # 分值 − 得分

    @property
    def path(self) -> str:
        return self.leaf.node.path

    @property
    def name(self) -> str:
        return self.leaf.node.name

    @property
    def points(self) -> Decimal:
        return self.leaf.node.points

    @property
    def score(self) -> Decimal:
        return self.leaf.score

    @property
    def basis(self) -> str | None:
        return self.leaf.node.basis


@record
class NextGrade:
    """The distance from the total to the next band up, and the leaves that can close it."""

    current: str
    grade: str | None  # the next band up; None at the top grade
    min: Decimal | None  # its lower bound, as written in the grade table
    needed: Decimal | None  # the smallest total (at the file's precision) that reaches it
    gap: Decimal | None  # needed − total
    leaves: tuple[LostPoint, ...] = ()  # the fewest leaves whose lost points close the gap
    any_one: tuple[LostPoint, ...] = ()  # each of these alone closes the gap
    reachable: bool = True  # False when even every lost point would not close the gap

    @property
    def top(self) -> bool:
        return self.grade is None


def _counts(node: NodeResult) -> bool:
    """False for a node marked not applicable (不适用, docs/rules.md §2) or below one."""
    return getattr(node.node, "applicable", True) is not False


def _leaves(result: Result):
    """Every counted leaf with its level-1 group, in tree order."""
    for top in result.indicators:
        if not _counts(top):
            continue
        stack = [top]
        while stack:
            node = stack.pop()
            if not _counts(node):
                continue
            if node.scored is not None and not node.children:
                yield top.node.name, node
            stack.extend(reversed(node.children))


def lost_points(result: Result) -> tuple[LostPoint, ...]:
    """The leaves that lost points, most lost first (ties in tree order)."""
    lost = [
        (leaf.node.points - leaf.score, order, group, leaf)
        for order, (group, leaf) in enumerate(_leaves(result))
    ]
    lost = [item for item in lost if item[0] > 0]
    lost.sort(key=lambda item: (-item[0], item[1]))
    return tuple(
        LostPoint(rank, leaf, group, amount)
        for rank, (amount, _order, group, leaf) in enumerate(lost, start=1)
    )


def _ceil_at(value: Fraction, places: int) -> Decimal:
    """The smallest number with ``places`` decimals that is ≥ ``value``."""
    scaled = value * 10**places
    whole = -((-scaled.numerator) // scaled.denominator)
    return Decimal(whole).scaleb(-places)


def _weight(result: Result) -> Fraction:
    """What one recovered leaf point adds to the total (1 unless 不适用 nodes were left out).

    With a rescale (engine.Rescale) the total is Σ applicable scores × base ÷ Σ
    applicable points, so a point recovered on a leaf is worth base ÷ applicable
    points (before the total's single rounding).
    """
    rescale = result.rescale
    if rescale is None or not rescale.applicable_points:
        return Fraction(1)
    return Fraction(rescale.points) / Fraction(rescale.applicable_points)


def next_grade(result: Result, ranking: tuple[LostPoint, ...] | None = None) -> NextGrade | None:
    """How far the total is from the next band up, and the fewest leaves that close the gap;
    None for a total captured in part, which has no grade."""
    if result.grade is None:
        return None
    grades = result.evaluation.grades  # highest band first
    names = [grade.name for grade in grades]
    index = names.index(result.grade) if result.grade in names else 0
    if index == 0:
        return NextGrade(result.grade, None, None, None, None)
    band = grades[index - 1]
    base = Fraction(result.points)
    needed = _ceil_at(Fraction(band.min) * base / 100, result.evaluation.precision)
    gap = needed - result.score
    ranking = lost_points(result) if ranking is None else ranking
    weight = _weight(result)
    chosen: list[LostPoint] = []
    recovered = Fraction(0)
    for item in ranking:
        if recovered >= gap:
            break
        chosen.append(item)
        recovered += Fraction(item.lost) * weight
    reachable = recovered >= gap
    any_one = tuple(item for item in ranking if Fraction(item.lost) * weight >= gap)
    return NextGrade(
        result.grade, band.name, band.min, needed, gap, tuple(chosen), any_one, reachable
    )


@record
class Analysis:
    """A scored evaluation with what its report says of it, computed once."""

    result: Result
    lost: tuple[LostPoint, ...]  # the lost-points ranking, most lost first
    next_grade: NextGrade | None  # None for a total captured in part (no grade)


def analyse(result: Result) -> Analysis:
    """The lost points and the next grade of ``result``."""
    ranking = lost_points(result)
    return Analysis(result, ranking, next_grade(result, ranking))
