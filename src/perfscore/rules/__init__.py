"""The leaf rules of docs/rules.md, one module per family, and their registry.

Every module of this package except :mod:`.base` is a rule family exposing
``SPECS``; the registry imports a module when one of its names is first looked
up (``INDEX`` below), so a new rule is its own module, its keys in the JSON
Schema and its line in ``INDEX``.

``RULES`` maps every name a file may give as ``rule:`` (plus ``judged``, the
form of a leaf with only ``score``/``level``, and ``target``, the form of a
target and an actual) to its :class:`RuleSpec`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..messages import pick
from .base import InputItems, Label, RuleSpec, Scored, labelled_inputs

if TYPE_CHECKING:
    from ..model import Evaluation

# The registry's index: every name of RULES, in its order (the modules by name, each
# module's SPECS in order), with the module that defines it and the keys it reads. It
# lets a run import only the rule modules its files use: a rule module costs about a
# millisecond to import, most of it creating its dataclasses, which a one-file
# ``evaluate`` feels (bench/startup.py). tests/test_rules_registry.py checks the index
# against the modules; a module it does not name (a new rule) makes the registry import
# every module, as it did before the index, so a missing entry costs time, never a rule.
INDEX: dict[str, tuple[str, frozenset[str]]] = {
    "bands": ("bands", frozenset({"bands", "value"})),
    "deduction": (
        "deduction",
        frozenset({"deductions", "limit", "per", "reason", "value", "whole_units"}),
    ),
    "execution": ("execution", frozenset({"budget", "budget_initial", "items", "spent"})),
    "experts": ("experts", frozenset({"method", "scores"})),
    "judged": ("judged", frozenset({"level", "score"})),
    "rate": ("rate", frozenset({"actual", "target"})),
    "survey": (
        "survey",
        frozenset({"answers", "bands", "from", "question", "rounded_shares", "target", "weights"}),
    ),
    **{
        name: ("targets", frozenset({"actual", "level", "score", "target"}))
        for name in ("target", "positive", "reverse", "equal", "qualitative", "reverse-ratio")
    },
}


def rule_modules() -> list[str]:
    """The rule modules of this package, by name (every module but base and private ones)."""
    folder = os.path.dirname(__file__)
    return sorted(
        name[:-3]
        for name in os.listdir(folder)
        if name.endswith(".py") and not name.startswith("_") and name != "base.py"
    )


class Registry(dict[str, RuleSpec]):
    """Rule name → :class:`RuleSpec`, importing a rule's module when one of its names is
    first asked for (``__missing__``). Iterating, ``in`` and ``len`` see every name of the
    index without importing anything. A dict, so that looking a loaded rule up (every leaf,
    when it is checked, scored and audited) costs what a dict lookup costs."""

    def __init__(self, index: dict[str, tuple[str, frozenset[str]]]) -> None:
        super().__init__()
        self.index = index
        self.loaded: set[str] = set()
        self.applied: dict[str, RuleSpec] = {}  # applied rule (Scored.rule) → its spec
        unknown = set(rule_modules()) - {module for module, _ in index.values()}
        if unknown:  # a rule the index does not know yet: find every rule the old way
            self.index = {}
            for module in rule_modules():
                for spec in self.load(module):
                    self.index[spec.name] = (module, spec.keys)

    def load(self, module: str) -> tuple[RuleSpec, ...]:
        specs: tuple[RuleSpec, ...] = import_module(f"{__name__}.{module}").SPECS
        if module in self.loaded:
            return specs
        self.loaded.add(module)
        for spec in specs:
            if dict.__contains__(self, spec.name):  # a bug: two modules claim one rule name
                raise KeyError(f"rule {spec.name!r} defined twice")
            dict.__setitem__(self, spec.name, spec)
            for applied in spec.labels:
                self.applied.setdefault(applied, spec)
            self.applied.setdefault(spec.name, spec)
        return specs

    def load_all(self) -> None:
        for module in dict.fromkeys(module for module, _ in self.index.values()):
            self.load(module)

    def __missing__(self, name: str) -> RuleSpec:
        if name not in self.index:
            raise KeyError(name)
        self.load(self.index[name][0])
        return dict.__getitem__(self, name)

    def __contains__(self, name: object) -> bool:
        return name in self.index

    def __iter__(self) -> Iterator[str]:
        return iter(self.index)

    def __len__(self) -> int:
        return len(self.index)

    def keys(self) -> Any:
        return self.index.keys()

    def values(self) -> Any:
        return [self[name] for name in self.index]

    def items(self) -> Any:
        return [(name, self[name]) for name in self.index]

    def get(self, name: str, default: Any = None) -> Any:
        return self[name] if name in self.index else default

    def keys_of(self, name: str) -> frozenset[str]:
        """The leaf keys rule ``name`` reads, without importing its module."""
        return self.index[name][1]

    def spec_applying(self, rule: str) -> RuleSpec | None:
        """The spec that applies ``rule`` (a Scored.rule, "positive" for a ≥ target)."""
        spec = self.applied.get(rule)
        if spec is None:  # its module not imported yet (a Scored made by hand): all of them
            self.load_all()
            spec = self.applied.get(rule)
        return spec


RULES = Registry(INDEX)


def rule_label(rule: str) -> str:
    """The applied rule in words ("正向指标：…"); an unknown name shows itself."""
    spec = RULES.spec_applying(rule)
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
    spec = RULES.spec_applying(scored.rule)
    if spec is None:
        return labelled_inputs(scored.details, {})
    return spec.inputs(scored.details)


def files_read(evaluation: Evaluation) -> list[str]:
    """Every file an evaluation is scored from: itself and the answer sheets its
    survey leaves count. Outputs must never overwrite any of them."""
    from .survey import answer_sheets

    return [evaluation.file, *answer_sheets(evaluation)]


__all__ = ["RULES", "RuleSpec", "Scored", "files_read", "rule_inputs", "rule_label", "rule_short"]
