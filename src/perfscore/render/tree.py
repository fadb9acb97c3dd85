"""The indicator tree laid out as the rows of a published score table.

A report's table has one row per leaf, its ancestors in the columns to its
left, each ancestor's cell merged down the rows it covers (一级 | 二级 | 三级).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from ..result import NodeResult, Result


@dataclass(frozen=True)
class TreeRow:
    """One leaf of the tree as a row of a published score table.

    ``chain`` is the leaf's ancestors from level 1 down, then the leaf;
    ``spans[i]`` is the number of rows ``chain[i]`` covers when the row is
    its first (merged cells are shown once), else 0.
    """

    chain: tuple[NodeResult, ...]
    spans: tuple[int, ...]

    @property
    def leaf(self) -> NodeResult:
        return self.chain[-1]


def _leaf_count(node: NodeResult, skip: Collection[str]) -> int:
    if not node.children:
        return 0 if node.node.path in skip else 1
    return sum(_leaf_count(child, skip) for child in node.children)


def tree_rows(result: Result, skip: Collection[str] = ()) -> list[TreeRow]:
    """The leaves in tree order, each with its chain of ancestors and merge spans; the
    leaves whose paths are in ``skip`` are left out, and a parent left with none."""
    rows: list[TreeRow] = []

    def visit(node: NodeResult, chain: tuple[NodeResult, ...], spans: tuple[int, ...]) -> None:
        chain = (*chain, node)
        spans = (*spans, _leaf_count(node, skip))
        if not node.children:
            rows.append(TreeRow(chain, spans))
            return
        first = True
        for child in node.children:
            if not _leaf_count(child, skip):
                continue
            # only the first row under a node shows it; later rows carry span 0
            visit(child, chain, spans if first else tuple(0 for _ in spans))
            first = False

    for top in result.indicators:
        if _leaf_count(top, skip):
            visit(top, (), ())
    return rows


def depth_of(result: Result) -> int:
    """The depth of the deepest leaf (3 for 一级/二级/三级)."""
    return max((node.node.depth for node in result.walk()), default=1)
