"""What scoring produces: frozen results, one per node, and the evaluation's total.

:func:`perfscore.engine.score` builds these; renderers, the audit and the
analysis read them. Nothing here computes a score.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from .model import Evaluation, Node
from .rules.base import Scored


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class NodeResult:
    """A scored indicator. ``scored`` is set on leaves."""

    node: Node
    score: Decimal
    rate: Decimal
    children: tuple[NodeResult, ...] = ()
    scored: Scored | None = None
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


@dataclass(frozen=True)
class Comparison:
    """One published (``reported``) value compared with the computed one (JSON: ``checks``)."""

    path: str  # "" for the whole evaluation
    of: str  # "score" or "rate"
    reported: Decimal
    computed: Decimal
    line: int

    @property
    def ok(self) -> bool:
        return self.reported == self.computed

    @property
    def difference(self) -> Decimal:
        return self.computed - self.reported


@dataclass(frozen=True)
class Rescale:
    """docs/rules.md §2 不适用指标, applied once at the root:
    total = Σ applicable scores × (base points / Σ applicable points), rounded
    at the file's precision. Nodes below the root keep their unscaled scores."""

    points: Decimal  # the base (the evaluation's points)
    applicable_points: Decimal
    applicable_score: Decimal  # Σ of the applicable scores, before rescaling
    total: Decimal
    paths: tuple[str, ...]  # the nodes marked applicable: false (topmost only)


@dataclass(frozen=True)
class Result:
    evaluation: Evaluation
    score: Decimal
    rate: Decimal
    grade: str
    indicators: tuple[NodeResult, ...]
    checks: tuple[Comparison, ...]
    rescale: Rescale | None = None
    warnings: tuple[ResultWarning, ...] = ()

    @property
    def points(self) -> Decimal:
        return self.evaluation.points

    @property
    def agrees(self) -> bool:
        return all(check.ok for check in self.checks)

    def walk(self) -> Iterator[NodeResult]:
        for top in self.indicators:
            yield from top.walk()
