"""The checked input model: frozen records with exact numbers and source lines.

Built from a loaded YAML file by :mod:`perfscore.validation`; read by the engine.
Nothing here computes a score. (A record is a frozen dataclass: :mod:`perfscore.records`.)
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .records import record

DEFAULT_PRECISION = 2
MAX_PRECISION = 6


@record
class Grade:
    """One band of the grade table: totals ≥ ``min`` get ``name``."""

    name: str
    min: Decimal


# docs/rules.md §1: 财预〔2020〕10号 as applied by the Ministry; lower bound inclusive.
DEFAULT_GRADES: tuple[Grade, ...] = (
    Grade("优", Decimal(90)),
    Grade("良", Decimal(80)),
    Grade("中", Decimal(60)),
    Grade("差", Decimal(0)),
)


@record
class Leaf:
    """How a leaf is scored: a rule name from the registry and its parsed parameters."""

    rule: str
    params: Any


@record
class Node:
    """One indicator (指标). A parent has ``children``; a leaf has ``leaf``."""

    name: str
    path: str  # names from level 1 down, joined by "/"
    line: int
    points: Decimal  # 分值 (for a parent: the sum of its children's)
    children: tuple[Node, ...] = ()
    leaf: Leaf | None = None
    code: str | None = None
    reported: Decimal | None = None
    reported_rate: Decimal | None = None
    basis: str | None = None
    # docs/rules.md §2 不适用指标: False for a node marked `applicable: false` (or
    # below one); its points stay in the base, its score is left out, and the
    # total is rescaled at the root (engine.score).
    applicable: bool = True
    weight: Decimal | None = None  # 权重 as a share (0.25), when points came from it
    # docs/format.md §1a, sheets as printed:
    reported_points: Decimal | None = None  # the 分值 the sheet prints, audited like reported
    note: str | None = None  # the transcriber's remark, kept in every export
    inferred: bool = False  # points not printed on the sheet, inferred by the file's author
    captured: bool = True  # False: this part of the sheet could not be read
    # False when the points are not known: a part not captured that states none, or a
    # parent over such a part (its points are then the known children's, a lower bound).
    points_known: bool = True
    partial: bool = False  # True for a part not captured, and for every node above one

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def depth(self) -> int:
        return self.path.count("/") + 1


@record
class Evaluation:
    """One evaluation file, checked."""

    file: str
    project: dict[str, Any]
    indicators: tuple[Node, ...]
    points: Decimal
    precision: int = DEFAULT_PRECISION
    grades: tuple[Grade, ...] = DEFAULT_GRADES  # highest band first
    reported: Decimal | None = None
    reported_rate: Decimal | None = None
    line: int = 1
    reported_points: Decimal | None = None  # the 总分 row's printed 分值
    reported_grade: str | None = None  # the grade the sheet prints
    note: str | None = None
    # True when the root's points were stated (points:) or are 100 by default; False for a
    # transcription (reported_points at the root), whose base is the level-1 sum.
    base_stated: bool = True

    @property
    def partial(self) -> bool:
        """Some part of the sheet could not be read (a node with captured: false)."""
        return any(node.partial for node in self.indicators)

    @property
    def kind(self) -> str:
        return str(self.project.get("kind") or "")

    @property
    def name(self) -> str:
        return str(self.project.get("name", ""))

    def walk(self):
        """Every node, depth first, parents before children."""
        stack = list(reversed(self.indicators))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))
