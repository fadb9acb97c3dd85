"""The leaf rules of docs/rules.md, one module per family, and their registry.

Every module of this package except :mod:`.base` is a rule family exposing
``SPECS``; the registry finds them by listing the package, so a new rule is
its own module (and its keys in the JSON Schema), nothing more.

``RULES`` maps every name a file may give as ``rule:`` (plus ``judged``, the
form of a leaf with only ``score``/``level``, and ``target``, the form of a
target and an actual) to its :class:`RuleSpec`.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module
from typing import TYPE_CHECKING

from ..messages import pick
from .base import InputItems, Label, RuleSpec, Scored, labelled_inputs

if TYPE_CHECKING:
    from ..model import Evaluation


def _discover() -> dict[str, RuleSpec]:
    specs: dict[str, RuleSpec] = {}
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.name == "base" or module.name.startswith("_"):
            continue
        for spec in import_module(f"{__name__}.{module.name}").SPECS:
            if spec.name in specs:  # a bug: two modules claim one rule name
                raise KeyError(f"rule {spec.name!r} defined twice")
            specs[spec.name] = spec
    return specs


RULES: dict[str, RuleSpec] = _discover()

# Applied rule (Scored.rule) → the spec that applies it: for its words and inputs.
_APPLIED: dict[str, RuleSpec] = {}
for _spec in RULES.values():
    for _applied in _spec.labels:
        _APPLIED.setdefault(_applied, _spec)
    _APPLIED.setdefault(_spec.name, _spec)


def rule_label(rule: str) -> str:
    """The applied rule in words ("正向指标：…"); an unknown name shows itself."""
    spec = _APPLIED.get(rule)
    label: Label | None = spec.labels.get(rule) if spec is not None else None
    return pick(*label) if label is not None else rule


def rule_short(rule: str) -> str:
    """The rule's name in words, up to the first colon (正向指标, positive …)."""
    text = rule_label(rule)
    for colon in ("：", ":"):
        text = text.split(colon, 1)[0]
    return text


def rule_inputs(scored: Scored) -> InputItems:
    """The inputs a leaf was scored from, labelled as its rule reads them."""
    spec = _APPLIED.get(scored.rule)
    if spec is None:
        return labelled_inputs(scored.details, {})
    return spec.inputs(scored.details)


def files_read(evaluation: Evaluation) -> list[str]:
    """Every file an evaluation is scored from: itself and the answer sheets its
    survey leaves count. Outputs must never overwrite any of them."""
    from .survey import answer_sheets

    return [evaluation.file, *answer_sheets(evaluation)]


__all__ = ["RULES", "RuleSpec", "Scored", "files_read", "rule_inputs", "rule_label", "rule_short"]
