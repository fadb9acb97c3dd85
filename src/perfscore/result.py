"""What scoring produces: frozen results, one per node, and the evaluation's total.

:func:`perfscore.engine.score` builds these; renderers, the audit and the
analysis read them. Nothing here computes a score.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from .model import Evaluation, Node
from .records import record
from .rules.base import Scored


@record
class ResultWarning:
    """A located warning about a scored file; it never changes a score."""

    kind: str  # "over_achievement" or "no_basis"
    path: str
    line: int
    message: str
    file: str | None = None

    def __str__(self) -> str:
        head = f"{self.file}:{self.line}" if self.file else f"{self.line}"
        return f"{head}: [{self.path}] {self.message}"


@record
class NodeResult:
    """A scored indicator. ``scored`` is set on leaves."""

    node: Node
    score: Decimal
    rate: Decimal
    children: tuple[NodeResult, ...] = ()
    scored: Scored | None = None
    partial: bool = False  # a part not captured, or a node above one: the score is a lower bound
    # The points of the applicable leaves below (docs/rules.md §2 不适用指标); the
    # rate is taken on them. None: all of ``node.points``.
    applicable_points: Decimal | None = None

    @property
    def lost(self) -> Decimal:
        """Points lost; a node left out (不适用) loses none."""
        return self.in_play - self.score

    @property
    def in_play(self) -> Decimal:
        """The points this node counts for: its applicable points (不适用 left out)."""
        return self.node.points if self.applicable_points is None else self.applicable_points

    def walk(self) -> Iterator[NodeResult]:
        """This node and every node below it, parents first."""
        stack = [self]
        while stack:
            result = stack.pop()
            yield result
            stack.extend(reversed(result.children))


@record
class Comparison:
    """One check of a published number (JSON: ``checks``).

    ``kind`` says what is compared: ``reported`` a published value with the computed one;
    the others compare published numbers among themselves: ``sum`` a parent's published
    score or points with its children's, ``rate`` a published 得分率 with its published score
    over its points, ``over`` a published score above its published points, ``band`` the
    published total with its published grade, ``items`` a budget row's total with its 其中 rows.
    ``ok`` is None when the check cannot be made: a part of the sheet was not captured.
    """

    path: str  # "" for the whole evaluation
    of: str  # score, rate, points, grade, execution_rate, budget …
    reported: Decimal | str
    computed: Decimal | str | None  # None: not computable (a part not captured)
    line: int
    ok: bool | None
    kind: str = "reported"

    @property
    def verifiable(self) -> bool:
        return self.ok is not None

    @property
    def difference(self) -> Decimal | None:
        if self.ok is None or not isinstance(self.reported, Decimal):
            return None
        if not isinstance(self.computed, Decimal):
            return None
        return self.computed - self.reported


@record
class Rescale:
    """docs/rules.md §2 不适用指标, applied once at the root:
    total = Σ applicable scores × (base points / Σ applicable points), rounded
    at the file's precision. Nodes below the root keep their unscaled scores."""

    points: Decimal  # the base (the evaluation's points)
    applicable_points: Decimal
    applicable_score: Decimal  # Σ of the applicable scores, before rescaling
    total: Decimal
    paths: tuple[str, ...]  # the nodes marked applicable: false (topmost only)


@record
class Result:
    evaluation: Evaluation
    score: Decimal
    rate: Decimal
    grade: str | None  # None for a total captured in part (no grade is given)
    indicators: tuple[NodeResult, ...]
    checks: tuple[Comparison, ...]
    rescale: Rescale | None = None
    warnings: tuple[ResultWarning, ...] = ()

    @property
    def points(self) -> Decimal:
        return self.evaluation.points

    @property
    def agrees(self) -> bool:
        """No check disagrees (checks that cannot be made neither agree nor disagree)."""
        return all(check.ok is not False for check in self.checks)

    @property
    def partial(self) -> bool:
        return self.evaluation.partial

    def walk(self) -> Iterator[NodeResult]:
        for top in self.indicators:
            yield from top.walk()
