"""Trees stated in weights (权重) and 不适用指标 (docs/rules.md §2): the checks ``check.py`` calls.

Weights: a node's ``weight`` is a share of its parent's points; the level-1
nodes share the root's points, 100 unless the top-level ``points:`` says
otherwise. A weight is ``25%`` or a fraction ``0.25`` (:mod:`perfscore.shares`;
a bare number above 1 is refused as ambiguous). Since a weight is a decimal,
parent points × weight is always an exact decimal (12.5% of 15 = 1.875): the
converted points are kept exactly as they come out, never rounded, and the
export reports them as points. Siblings use weights or points, never both, and
their weights add up to exactly 100%.

``applicable: false`` (不适用指标): see ``engine.score`` for the rescaling,
which happens once, at the root.
"""

from __future__ import annotations

from decimal import Decimal

from .errors import Problem
from .fields import MESSAGES as FIELDS
from .fields import Fields
from .load import YList, YMap
from .messages import Messages
from .model import Node
from .shares import percent_text, read_share

# docs/rules.md §2: "the root has 100 unless stated".
ROOT_POINTS = Decimal(100)

MESSAGES = Messages(
    {
        "weight_and_points": (
            "同一指标不能同时给出 points（分值）与 weight（权重）",
            "an indicator cannot give both points and weight",
        ),
        "weight_zero": ("权重 weight 必须大于 0", "weight must be greater than 0"),
        "weight_without_base": (
            "下级指标用权重 weight 时，本指标须给出分值 points（或权重 weight）以便换算",
            "children stated in weights need this indicator's points (or weight) to convert them",
        ),
        "weights_mixed": (
            "同级指标不能混用权重与分值：“{weighted}”用 weight，本指标用 points",
            "siblings cannot mix weights and points: '{weighted}' uses weight, this one uses points",
        ),
        "weight_missing": (
            "同级指标用权重（“{weighted}”用 weight），本指标也须给出 weight",
            "siblings are stated in weights ('{weighted}' uses weight); this one needs a weight too",
        ),
        "weights_sum": (
            "同级指标的权重之和为 {total}，须恰为 100%",
            "the siblings' weights add up to {total}; they must add up to exactly 100%",
        ),
        "all_not_applicable": (
            "所有指标都标为不适用（applicable: false），无法评分",
            "every indicator is marked not applicable (applicable: false): nothing to score",
        ),
    },
    FIELDS,
)
t = MESSAGES.t


def read_weight(
    fields: Fields, parent_points: Decimal | None
) -> tuple[Decimal | None, Decimal | None]:
    """(weight, points converted from it) of one node; (None, None) without ``weight``.

    ``parent_points`` is None when the parent has no stated points: the
    sibling check reports that once (:func:`check_siblings`).
    """
    if not fields.has("weight"):
        return None, None
    if fields.has("points"):
        fields.problem("weight", t("weight_and_points"))
        return None, None
    weight = read_share(fields, "weight")
    if weight is None:
        return None, None
    if weight == 0:
        fields.problem("weight", t("weight_zero"))
        return None, None
    if parent_points is None:
        return weight, None
    return weight, parent_points * weight


def check_siblings(
    items: YList,
    nodes: tuple[Node, ...],
    parent: Fields,
    parent_path: str,
    parent_points: Decimal | None,
    complete: bool,
) -> None:
    """Siblings use weights or points, not both; weights add up to 100%; weights need a base.

    ``complete`` is False when some sibling already had a problem (the sum is
    then not checked: it would only repeat that problem).
    """
    weighted = [item for item in items if isinstance(item, YMap) and "weight" in item]
    if not weighted:  # the common case: points throughout
        return
    mappings = [item for item in items if isinstance(item, YMap)]
    first = str(weighted[0].get("name", "#1"))

    def at(item: YMap, key: str | None, message: str) -> None:
        name = item.get("name")
        path = f"{parent_path}/{name}" if parent_path else str(name)
        line = item.key_lines.get(key, item.line) if key else item.line
        parent.problems.append(Problem(message, parent.file, line, path))

    for item in mappings:
        if "weight" in item:
            continue
        if "points" in item:
            at(item, "points", t("weights_mixed", weighted=first))
        else:
            at(item, None, t("weight_missing", weighted=first))
        return
    if parent_points is None:
        at(weighted[0], "weight", t("weight_without_base"))
        return
    if complete and len(nodes) == len(items):
        total = sum((node.weight or Decimal(0) for node in nodes), Decimal(0))
        if total != 1:
            parent.problems.append(
                Problem(
                    t("weights_sum", total=percent_text(total)),
                    parent.file,
                    items.line,
                    parent_path or None,
                )
            )


def weight_text(weight: Decimal) -> str:
    """How a weight is shown and exported: "25%"."""
    return percent_text(weight)
