"""Every leaf's account in words, and the next grade in sentences: what all reports say.

``explain_lines`` is the 评分说明 of one leaf (rule, inputs, calculation,
result, basis); ``next_grade_lines`` says how far the total is from the next
grade. Both read the :class:`~perfscore.analysis.Analysis` computed once by
the command; the rule's own spec says how its inputs read.
"""

from __future__ import annotations

from ..analysis import LostPoint, NextGrade
from ..decimals import fixed, plain
from ..result import NodeResult, Result
from ..rules import rule_inputs, rule_label
from .labels import applies, rate_cell, rate_text, score_cell, t


def input_items(leaf: NodeResult) -> list[tuple[str, str]]:
    """The inputs a leaf was scored from, labelled: (目标值, ≥30人次), (实际值, 8人次) …"""
    scored = leaf.scored
    if scored is None:
        return []
    items = rule_inputs(scored)
    if scored.level is not None:
        items.append((t("rpt_in_level"), scored.level))
    if not items and scored.rule == "judged":
        items.append((t("rpt_in_score"), plain(leaf.score)))
    return items


def explain_lines(leaf: NodeResult) -> list[str]:
    """A leaf's account: rule, inputs, calculation with numbers, result, basis."""
    scored = leaf.scored
    node = leaf.node
    note = [t("lbl_note", note=node.note)] if node.note else []
    if not applies(leaf):
        return (
            [t("x_not_applicable")]
            + ([t("rpt_ex_basis", basis=node.basis)] if node.basis else [])
            + note
        )
    lines = []
    if scored is not None:
        lines.append(t("rpt_ex_rule", rule=rule_label(scored.rule)))
        items = input_items(leaf)
        if items:
            joined = t("rpt_list_sep").join(
                t("rpt_ex_item", label=label, value=value) for label, value in items
            )
            lines.append(t("rpt_ex_inputs", items=joined))
        if not (scored.rule == "judged" and scored.level is None):  # else the input says it all
            lines.append(t("rpt_ex_calc", explain=scored.explain))
    lines.append(
        t(
            "rpt_ex_result",
            score=plain(leaf.score),
            points=plain(node.points),
            rate=rate_text(leaf.rate),
        )
    )
    if node.basis:
        lines.append(t("rpt_ex_basis", basis=node.basis))
    return lines + note


def node_heading(node: NodeResult) -> str:
    return t(
        "rpt_ex_node",
        name=node.node.name,
        points=plain(node.node.points),
        score=score_cell(node),
        rate=rate_cell(node),
    )


def lost_list(items: tuple[LostPoint, ...]) -> str:
    return t("rpt_list_sep").join(
        t("rpt_lost_item", name=item.name, lost=plain(item.lost)) for item in items
    )


def next_grade_lines(answer: NextGrade | None, result: Result) -> list[str]:
    """The next grade in sentences, as every report shows it (captured in part: none)."""
    if answer is None:
        return [t("rpt_next_partial")]
    precision = result.evaluation.precision
    if answer.top:
        return [t("rpt_next_top", score=fixed(result.score, precision), grade=answer.current)]
    assert answer.gap is not None and answer.needed is not None and answer.min is not None
    # The grade table is on 100 points; on another base its bounds are rates (docs/format.md §1a).
    key = "rpt_next_gap" if result.points == 100 else "rpt_next_gap_rate"
    lines = [
        t(
            key,
            grade=answer.grade,
            min=plain(answer.min),
            gap=plain(answer.gap),
            needed=fixed(answer.needed, precision),
            points=plain(result.points),
        )
    ]
    if not answer.reachable:
        lines.append(t("rpt_next_unreachable", grade=answer.grade))
        return lines
    lines.append(t("rpt_next_leaves", k=len(answer.leaves), leaves=lost_list(answer.leaves)))
    if answer.any_one and len(answer.any_one) > 1:
        lines.append(t("rpt_next_any_one", leaves=lost_list(answer.any_one)))
    return lines
