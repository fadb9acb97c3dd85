"""Every check of a sheet's published numbers: against the computed ones, and among themselves.

``perfscore evaluate`` shows them and ``perfscore check`` lists the ones that fail; both
count the same checks. Two families (docs/format.md §1a):

* **reported** — a published value against the computed one: a node's score
  (``reported``), its 得分率 or, on a budget row, its 执行率 (``reported_rate``), its 分值
  (``reported_points``), the total's grade (``reported_grade``);
* **the sheet against itself** — a parent's published score, or 分值, against the sum of
  its children's published ones (``sum``); a published 得分率 against the published score
  over the published 分值 (``rate``); a published score above its published 分值 (``over``);
  the published total against its published grade's band (``band``); a rule's own printed
  inputs (``items``: a budget row's total against its 其中 rows).

Where a part of the sheet could not be captured, a check that needs it cannot be made: it
is kept with ``ok`` None (neither agrees nor disagrees) and counted apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from .decimals import plain, rate_of, scaled
from .grades import grade_of
from .model import Evaluation, Node
from .result import Comparison, NodeResult
from .rules import RULES


def _compare(
    path: str,
    of: str,
    reported: Decimal | str,
    computed: Decimal | str | None,
    line: int,
    verifiable: bool = True,
    kind: str = "reported",
) -> Comparison:
    ok = (reported == computed) if verifiable and computed is not None else None
    return Comparison(path, of, reported, computed, line, ok, kind)


def node_comparisons(result: NodeResult) -> list[Comparison]:
    """A node's published values against the computed ones."""
    node = result.node
    out: list[Comparison] = []
    exact = not result.partial
    if node.reported is not None and node.captured:
        out.append(_compare(node.path, "score", node.reported, result.score, node.line, exact))
    if node.reported is not None and not node.captured:
        out.append(_compare(node.path, "score", node.reported, None, node.line, False))
    if node.reported_rate is not None:
        out.append(_rate(result))
    if node.reported_points is not None and node.captured:
        out.append(
            _compare(
                node.path, "points", node.reported_points, node.points, node.line, node.points_known
            )
        )
    return out


def _rate(result: NodeResult) -> Comparison:
    """A node's printed rate: its 得分率, or what its rule prints instead (a budget row's 执行率)."""
    node = result.node
    assert node.reported_rate is not None
    if node.leaf is not None:
        printed = RULES[node.leaf.rule].printed_rate
        if printed is not None:
            of, computed = printed(node.leaf.params)
            return _compare(node.path, of, node.reported_rate, computed, node.line)
    if not node.captured:
        return _compare(node.path, "rate", node.reported_rate, None, node.line, False)
    verifiable = not result.partial and node.points > 0
    return _compare(node.path, "rate", node.reported_rate, result.rate, node.line, verifiable)


def internal_comparisons(
    path: str,
    points: Decimal,
    points_known: bool,
    reported: Decimal | None,
    reported_rate: Decimal | None,
    reported_points: Decimal | None,
    children: Sequence[NodeResult],
    line: int,
    scale: Callable[[Decimal], Decimal] | None = None,
) -> list[Comparison]:
    """The published numbers of one node (or the root) among themselves. ``scale`` turns
    the sum of the children's printed scores into what their parent must print (at the
    root of a tree with 不适用 nodes: the rescaled total, docs/rules.md §2)."""
    out: list[Comparison] = []
    if reported is not None and children:
        implied = _printed_sum(children)
        if implied is not None and implied[2]:
            low, high = implied[:2]
            if scale is not None:
                low, high = scale(low), scale(high)
            out.append(_against_range(path, reported, (low, high), line))
    if (
        reported_points is not None
        and children
        and all(c.node.reported_points is not None for c in children)
    ):
        total = sum(
            (c.node.reported_points for c in children if c.node.reported_points is not None),
            Decimal(0),
        )
        out.append(_compare(path, "points", reported_points, total, line, kind="sum"))
    maximum = reported_points if reported_points is not None else (points if points_known else None)
    if reported is not None and maximum is not None and reported > maximum:
        out.append(Comparison(path, "score", reported, maximum, line, False, "over"))
    if reported is not None and reported_rate is not None and maximum:
        out.append(
            _compare(path, "rate", reported_rate, rate_of(reported, maximum), line, kind="rate")
        )
    return out


Interval = tuple[Decimal, Decimal]
Implied = tuple[Decimal, Decimal, bool]  # low, high, whether any printed score went into it


def _printed(result: NodeResult) -> Implied | None:
    """What the sheet's numbers say of a node's score: its printed score; else the sum of
    its children's; for a leaf without one, its score as computed from its printed cells;
    for a part not captured without one, anything from 0 to its points (None when they are
    unknown)."""
    node = result.node
    if node.reported is not None:
        return node.reported, node.reported, True
    if not node.captured:
        return (Decimal(0), node.points, False) if node.points_known else None
    if not result.children:
        return result.score, result.score, False
    return _printed_sum(result.children)


def _printed_sum(children: Sequence[NodeResult]) -> Implied | None:
    low = high = Decimal(0)
    printed = False
    for child in children:
        implied = _printed(child)
        if implied is None:
            return None
        low, high, printed = low + implied[0], high + implied[1], printed or implied[2]
    return low, high, printed


def _against_range(path: str, reported: Decimal, implied: Interval, line: int) -> Comparison:
    """A printed score against the sum the printed scores below it give: exact, or, over a
    part not captured, the range it can lie in (outside it the sheet contradicts itself;
    inside it the check cannot be made)."""
    low, high = implied
    if low == high:
        return _compare(path, "score", reported, low, line, kind="sum")
    shown = f"{plain(low)}–{plain(high)}"
    ok = None if low <= reported <= high else False
    return Comparison(path, "score", reported, shown, line, ok, "sum")


def _in_order(indicators: Sequence[NodeResult]) -> list[NodeResult]:
    """Every result below ``indicators``, parents first, in tree order: what ``walk`` yields,
    made here as a list by compiled code (resuming result.py's generator at every node was
    about 1% of a batch's time, docs/performance.md)."""
    out: list[NodeResult] = []
    stack = list(reversed(indicators))
    while stack:
        result = stack.pop()
        out.append(result)
        stack.extend(reversed(result.children))
    return out


def _rescaler(
    evaluation: Evaluation, indicators: Sequence[NodeResult]
) -> Callable[[Decimal], Decimal] | None:
    """docs/rules.md §2: with 不适用 nodes, a sum of applicable scores × base ÷ applicable
    points, rounded at the file's precision (as engine._rescale scales the computed total).
    Made for a sheet captured in part too: its printed total is still the rescaled one."""
    if all(result.node.applicable for result in _in_order(indicators)):
        return None
    if not all(top.node.points_known for top in indicators):
        return None  # the applicable points are not known: nothing to scale by
    applicable = sum((_applicable_points(top.node) for top in indicators), Decimal(0))
    if not applicable:
        return None
    base, places = evaluation.points, evaluation.precision
    return lambda summed: scaled(summed, base, applicable, places)


def _applicable_points(node: Node) -> Decimal:
    """A node's points without its 不适用 parts, whether or not all of it was captured (the
    engine leaves a partial node's applicable points uncounted)."""
    if not node.applicable:
        return Decimal(0)
    if not node.children or not node.captured:
        return node.points
    return sum((_applicable_points(child) for child in node.children), Decimal(0))


def _leaf_audits(node: Node) -> list[Comparison]:
    """A rule's own printed inputs among themselves (a budget row's total and its items)."""
    if node.leaf is None:
        return []
    audits = RULES[node.leaf.rule].audits
    if audits is None:
        return []
    return [
        _compare(node.path, of, reported, computed, node.line, kind="items")
        for of, reported, computed in audits(node.leaf.params)
    ]


def comparisons(
    evaluation: Evaluation,
    indicators: tuple[NodeResult, ...],
    score: Decimal,
    rate: Decimal,
    grade: str | None,
) -> tuple[Comparison, ...]:
    """Every check of the evaluation's published numbers, the root first, then in tree order.
    With 不适用 nodes the printed total is checked against the printed level-1 scores
    rescaled as the total is (docs/rules.md §2), not against their plain sum."""
    partial = evaluation.partial
    root = evaluation.line
    out: list[Comparison] = []
    if evaluation.reported is not None:
        out.append(_compare("", "score", evaluation.reported, score, root, not partial))
    if evaluation.reported_rate is not None:
        out.append(_compare("", "rate", evaluation.reported_rate, rate, root, not partial))
    if evaluation.reported_points is not None:
        known = all(node.points_known for node in evaluation.indicators)
        out.append(
            _compare("", "points", evaluation.reported_points, evaluation.points, root, known)
        )
    if evaluation.reported_grade is not None:
        out.append(_compare("", "grade", evaluation.reported_grade, grade, root, not partial))
    out += internal_comparisons(
        "",
        evaluation.points,
        True,
        evaluation.reported,
        evaluation.reported_rate,
        evaluation.reported_points,
        indicators,
        root,
        # Only a printed total is checked against the rescaled sum: no walk of the tree otherwise.
        None if evaluation.reported is None else _rescaler(evaluation, indicators),
    )
    if evaluation.reported_grade is not None and evaluation.reported is not None:
        published_points = evaluation.reported_points or evaluation.points
        band = grade_of(evaluation.reported, published_points, evaluation.grades)
        out.append(_compare("", "grade", evaluation.reported_grade, band, root, kind="band"))
    for result in _in_order(indicators):
        node = result.node
        if node.reported is None and node.reported_rate is None and node.reported_points is None:
            out += _leaf_audits(node)  # nothing published on the node itself
            continue
        out += node_comparisons(result)
        # A rule that prints its own rate (a budget row's 执行率) has no 得分率 to check.
        own_rate = node.leaf is not None and RULES[node.leaf.rule].printed_rate is not None
        out += internal_comparisons(
            node.path,
            node.points,
            node.points_known,
            node.reported,
            None if own_rate else node.reported_rate,
            node.reported_points,
            result.children,
            node.line,
        )
        out += _leaf_audits(node)
    return tuple(out)
