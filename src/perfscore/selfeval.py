"""Warnings for self-evaluation tables (绩效自评), as the national system raises them.

The national budget-management system (预算管理一体化, 绩效自评) asks for the
deviation's cause (偏差原因分析) wherever an indicator is not fully met, and
flags actual values far above a ≥ target (the target was likely set too low).
perfscore raises both as warnings: they are shown and exported, and never
change a score or the exit code.

* over-achievement: a ≥ (or >) target whose actual reaches 130% of it;
* a leaf scored below full without ``basis`` (偏差原因); a ``deduction`` leaf's
  listed reasons count as its basis.

They apply to files in the self-evaluation layout only (:func:`is_self_evaluation`): an
evaluation report (绩效评价报告) explains its lost points in its 评分依据, not against the
130% rule of the national system's 自评 module.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING

from .decimals import percent, plain
from .messages import Messages
from .result import ResultWarning
from .rules.targets import TargetParams

if TYPE_CHECKING:
    from .model import Evaluation
    from .result import NodeResult

# Issue 3: "actual ≥ 130% of a ≥ target" is over-achievement far beyond the target.
OVER_ACHIEVEMENT = Fraction(13, 10)

MESSAGES = Messages(
    {
        "warn_over_achievement": (
            "实际 {actual} 为目标 {target} 的 {ratio}，达到或超过 {limit}：年度指标值可能设置偏低，请说明原因",
            "actual {actual} is {ratio} of the target {target}, at or above {limit}: the target may "
            "have been set too low; explain why",
        ),
        "warn_no_basis": (
            "得分 {score} 低于满分 {points}，未说明偏差原因（basis）",
            "score {score} is below full points {points} and no reason (basis) is given",
        ),
    }
)
t = MESSAGES.t


def _over_achievement(result: NodeResult) -> str | None:
    params = result.node.leaf.params if result.node.leaf is not None else None
    if (
        not isinstance(params, TargetParams)
        or params.rule != "positive"
        or params.target.op not in (">=", ">")
        or not params.target_value
        or params.actual_value is None
        or params.labels is None
    ):
        return None
    ratio = Fraction(params.actual_value) / Fraction(params.target_value)
    if ratio < OVER_ACHIEVEMENT:
        return None
    return t(
        "warn_over_achievement",
        actual=params.labels.actual,
        target=params.labels.target,
        ratio=percent(ratio),
        limit=percent(OVER_ACHIEVEMENT, 0),
    )


def is_self_evaluation(evaluation: Evaluation) -> bool:
    """A 项目支出绩效自评表: ``project.kind`` says 自评, or, with no kind, the file has a budget
    row (rule: execution) and an indicator with a target, as the self-evaluation form has."""
    if evaluation.kind:
        return "自评" in evaluation.kind
    rules = {node.leaf.rule for node in evaluation.walk() if node.leaf is not None}
    return "execution" in rules and bool(rules & TARGET_RULES)


def warnings_for(
    evaluation: Evaluation, results: Iterable[NodeResult]
) -> tuple[ResultWarning, ...]:
    """Every warning of the applicable scored leaves, in tree order (self-evaluations only)."""
    if not is_self_evaluation(evaluation):
        return ()
    file = evaluation.file
    found: list[ResultWarning] = []
    for top in results:
        for result in top.walk():
            node = result.node
            if result.scored is None or not node.applicable:
                continue
            over = _over_achievement(result)
            if over is not None:
                found.append(ResultWarning("over_achievement", node.path, node.line, over, file))
            # A deduction's reasons are its 偏差原因 already.
            explained = node.basis is not None or result.scored.details.get("deductions")
            if result.score < node.points and not explained:
                message = t("warn_no_basis", score=plain(result.score), points=plain(node.points))
                found.append(ResultWarning("no_basis", node.path, node.line, message, file))
    return tuple(found)


# The rules of the "target and actual" form (docs/format.md §1, form 2).
TARGET_RULES = frozenset({"target", "positive", "reverse", "equal", "qualitative", "reverse-ratio"})


__all__ = ["OVER_ACHIEVEMENT", "ResultWarning", "is_self_evaluation", "warnings_for"]
