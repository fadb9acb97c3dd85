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

__all__ = ["RULES", "TARGET_RULES", "RuleSpec", "Scored"]
