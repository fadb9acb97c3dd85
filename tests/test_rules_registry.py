"""The rule registry (perfscore.rules): its index, and importing only the rules a file uses."""

from __future__ import annotations

from importlib import import_module

from perfscore.rules import INDEX, RULES, Registry, rule_modules

from .conftest import EXAMPLES, modules_imported


def _discovered() -> list[tuple[str, tuple[str, frozenset[str]]]]:
    """Every spec of every rule module, in the registry's order: what INDEX must say."""
    found = []
    for module in rule_modules():
        for spec in import_module(f"perfscore.rules.{module}").SPECS:
            found.append((spec.name, (module, spec.keys)))
    return found


def test_index_is_the_modules_specs():
    """INDEX names every rule of every module, its module and its keys, in discovery order
    (a new rule module: add its names here, else every run imports every rule module)."""
    assert list(INDEX.items()) == _discovered()


def test_registry_gives_the_modules_specs():
    """RULES[name] is the spec the rule's own module defines."""
    for name, (module, _) in INDEX.items():
        specs = import_module(f"perfscore.rules.{module}").SPECS
        assert RULES[name] in specs and RULES[name].name == name
    assert list(RULES) == list(INDEX)


def test_module_missing_from_the_index_loads_every_rule():
    """An index that misses a module (a rule added without its entry) is rebuilt from the
    modules themselves, in the same order."""
    partial = {name: entry for name, entry in INDEX.items() if entry[0] != "experts"}
    registry = Registry(partial)
    assert list(registry.index.items()) == _discovered()
    assert registry["experts"].name == "experts"


def test_scoring_imports_only_the_rules_used():
    """Scoring the 78.49 example (judged leaves and targets) imports those two rule modules
    and no other."""
    code = (
        "from perfscore.engine import score\n"
        "from perfscore.validation import load_evaluation\n"
        f"score(load_evaluation({str(EXAMPLES / 'yirenyidang-2023.yaml')!r}))"
    )
    assert modules_imported(code, "perfscore.rules.") == [
        "perfscore.rules.base",
        "perfscore.rules.judged",
        "perfscore.rules.targets",
    ]
