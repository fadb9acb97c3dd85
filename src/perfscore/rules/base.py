"""What every rule shares: its outcome type and its registry entry."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..fields import Fields


@dataclass(frozen=True)
class Scored:
    """A leaf's score (already rounded to the file's precision) and how it was reached."""

    score: Decimal
    explain: str
    level: str | None = None
    rule: str = ""  # the rule actually applied ("positive" for a "≥" target …)
    # The inputs the score came from, exported as they are (target, actual, …).
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleSpec:
    """A registered rule.

    ``keys`` are the leaf keys the rule reads (beyond name, points, basis …);
    ``parse`` turns them into parameters, recording problems in ``fields``
    and returning None when any is wrong; ``score`` is pure.
    """

    name: str
    keys: frozenset[str]
    parse: Callable[[Fields, Decimal], Any]
    score: Callable[[Any, Decimal, int], Scored]
