"""What every rule shares: its outcome type, its registry entry, how its inputs read.

A rule is one module of this package exposing ``SPECS``, a tuple of
:class:`RuleSpec`. The spec carries everything the rest of perfscore needs to
know of the rule: the keys it reads, how it parses and scores them, the rule in
words, and how the inputs it reports read in a table. Renderers know no rule
by name; a new rule touches its own module and the JSON Schema only
(CONTRIBUTING.md shows one).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import field
from decimal import Decimal
from typing import Any

from ..decimals import plain
from ..fields import MESSAGES as FIELDS
from ..fields import Fields
from ..messages import Messages, join, pick
from ..records import record

MESSAGES = Messages(
    {
        "unit_mismatch": (
            "目标单位“{target_unit}”与实际单位“{actual_unit}”不同，且无法换算",
            "target unit '{target_unit}' and actual unit '{actual_unit}' differ and cannot be converted",
        ),
    },
    FIELDS,
)
t = MESSAGES.t

Label = tuple[str, str]  # (Chinese, English)
InputItems = list[tuple[str, str]]  # (label, value as text), in the current language

YES_NO: tuple[Label, Label] = (("是", "yes"), ("否", "no"))


@record
class Scored:
    """A leaf's score (already rounded to the file's precision) and how it was reached."""

    score: Decimal
    explain: str
    level: str | None = None
    rule: str = ""  # the rule actually applied ("positive" for a "≥" target …)
    # The inputs the score came from, exported as they are (target, actual, …).
    details: Mapping[str, Any] = field(default_factory=dict)


def detail_text(value: object) -> str:
    """A rule's input as text: numbers exact, lists in words (never Python reprs)."""
    if isinstance(value, bool):
        return pick(*YES_NO[0]) if value else pick(*YES_NO[1])
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, Mapping):
        return join((f"{detail_text(k)} {detail_text(v)}" for k, v in value.items()), "pair")
    if isinstance(value, (list, tuple)):
        flat = all(not isinstance(item, (Mapping, list, tuple)) for item in value)
        return join((detail_text(item) for item in value), "list" if flat else "clause")
    return str(value)


def labelled_inputs(
    details: Mapping[str, Any],
    labels: Mapping[str, Label],
    formats: Mapping[str, Callable[[Any], str]] | None = None,
) -> InputItems:
    """The details of a Scored, labelled in the current language, empty ones left out.

    ``formats`` gives a key its own way to read (a bands table, the deductions);
    any other value reads as :func:`detail_text` says.
    """
    items: InputItems = []
    for key, value in details.items():
        if value is None or value == [] or value == {}:
            continue
        label = pick(*labels[key]) if key in labels else key
        shown = formats[key](value) if formats and key in formats else detail_text(value)
        items.append((label, shown))
    return items


@record
class RuleSpec:
    """A registered rule.

    ``keys`` are the leaf keys the rule reads (beyond name, points, basis …);
    ``parse`` turns them into parameters, recording problems in ``fields``
    and returning None when any is wrong; ``score`` is pure.
    ``labels`` names, in words, every rule the spec can apply (``Scored.rule``:
    a ``≥`` target applies ``positive``), its short name before the colon;
    ``inputs`` reads a Scored's details as labelled items for reports; ``printed_rate``
    and ``audits`` say what the audit checks of the rule's printed inputs.
    """

    name: str
    keys: frozenset[str]
    parse: Callable[[Fields, Decimal], Any]
    score: Callable[[Any, Decimal, int], Scored]
    labels: Mapping[str, Label] = field(default_factory=dict)
    inputs: Callable[[Mapping[str, Any]], InputItems] = field(
        default=lambda details: labelled_inputs(details, {})
    )
    # What a sheet's printed rate (reported_rate) means for this rule, when it is not the
    # 得分率: (what it is, its computed value in percent), e.g. a budget row's 执行率.
    printed_rate: Callable[[Any], tuple[str, Decimal]] | None = None
    # The rule's own printed inputs checked among themselves: (what, printed, computed).
    audits: Callable[[Any], list[tuple[str, Decimal, Decimal]]] | None = None
