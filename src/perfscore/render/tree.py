"""The indicator tree laid out as the rows of a published score table.

A report's table has one row per leaf, its ancestors in the columns to its
left, each ancestor's cell merged down the rows it covers (一级 | 二级 | 三级).
"""

from __future__ import annotations

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


def _leaf_count(node: NodeResult) -> int:
    if not node.children:
        return 1
    return sum(_leaf_count(child) for child in node.children)


def tree_rows(result: Result) -> list[TreeRow]:
    """The leaves in tree order, each with its chain of ancestors and merge spans."""
    rows: list[TreeRow] = []

    def visit(node: NodeResult, chain: tuple[NodeResult, ...], spans: tuple[int, ...]) -> None:
        chain = (*chain, node)
        spans = (*spans, _leaf_count(node))
        if not node.children:
            rows.append(TreeRow(chain, spans))
            return
        for index, child in enumerate(node.children):
            # only the first row under a node shows it; later rows carry span 0
            visit(child, chain, spans if index == 0 else tuple(0 for _ in spans))

    for top in result.indicators:
        visit(top, (), ())
    return rows


def depth_of(result: Result) -> int:
    """The depth of the deepest leaf (3 for 一级/二级/三级)."""
    return max((node.node.depth for node in result.walk()), default=1)
