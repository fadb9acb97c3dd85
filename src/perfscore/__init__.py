"""perfscore: exact, traceable scoring of budget performance evaluations (预算绩效评价).

Library use::

    from perfscore import load_evaluation, score
    result = score(load_evaluation("examples/yirenyidang-2023.yaml"))
    print(result.score, result.grade)

Names are imported lazily so that the command line starts fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    # Not "load": perfscore.load is the YAML-reading module.
    "load_evaluation": ("perfscore.validation", "load_evaluation"),
    "build_evaluation": ("perfscore.validation", "build_evaluation"),
    "score": ("perfscore.engine", "score"),
    "Evaluation": ("perfscore.model", "Evaluation"),
    "Node": ("perfscore.model", "Node"),
    "Result": ("perfscore.result", "Result"),
    "NodeResult": ("perfscore.result", "NodeResult"),
    "Comparison": ("perfscore.result", "Comparison"),
    "Analysis": ("perfscore.analysis", "Analysis"),
    "analyse": ("perfscore.analysis", "analyse"),
    "PerfscoreError": ("perfscore.errors", "PerfscoreError"),
    "InputError": ("perfscore.errors", "InputError"),
    "result_to_dict": ("perfscore.render.json_export", "result_to_dict"),
    "set_language": ("perfscore.messages", "set_language"),
}

__all__ = sorted(_EXPORTS)


def compiled() -> bool:
    """Whether the checking and scoring core runs compiled by mypyc (setup.py; plain Python
    where it could not be built, or with ``PERFSCORE_PURE=1``). Compiled or not, the numbers
    and messages are the same: docs/performance.md, "The compiled core"."""
    from . import engine

    return not engine.__file__.endswith(".py")


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        module, attr = _EXPORTS[name]
        return getattr(import_module(module), attr)
    raise AttributeError(f"module 'perfscore' has no attribute {name!r}")
