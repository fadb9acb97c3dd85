"""The leaf rules of rules.md, one small module per family, and their registry.

``RULES`` maps every name a file may give as ``rule:`` (plus ``judged``, the
form of a leaf with only ``score``/``level``) to its :class:`RuleSpec`.
"""

from __future__ import annotations

from .base import RuleSpec, Scored
from . import bands, deduction, execution, experts, judged, survey, targets

RULES: dict[str, RuleSpec] = {
    spec.name: spec
    for spec in (
        *judged.SPECS,
        *targets.SPECS,
        *execution.SPECS,
        *bands.SPECS,
        *deduction.SPECS,
        *experts.SPECS,
        *survey.SPECS,
    )
}

# The rules whose form is "target and actual" (format.md §1, form 2).
TARGET_RULES = frozenset(targets.TARGET_RULE_NAMES)



def files_read(evaluation) -> list[str]:
    """Every file an evaluation is scored from: itself and the answer sheets its
    survey leaves count. Outputs must never overwrite any of them."""
    return [evaluation.file, *survey.answer_sheets(evaluation)]


__all__ = ["RULES", "TARGET_RULES", "RuleSpec", "Scored", "files_read"]
