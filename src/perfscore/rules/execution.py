"""预算执行率 (docs/rules.md §3 and §11, ``rule: execution``): the budget block of a 自评表.

rate = 全年执行数 / 全年预算数; score = rate × w, never above w (a rate above 100% scores
w: docs/rules.md §10 leaves the cap open, perfscore caps the score and says so in the
explain line). The score is computed from the exact rate and rounded once; the rate is
shown as a percentage with 2 decimals.
Example (seed 01): budget 328.67, spent 293.82 → 89.40% → 8.94 of 10.

As printed (docs/format.md §1a): ``budget_initial`` (年初预算数; the rate against it is
shown beside), ``items`` (the 其中 rows: 当年财政拨款, 上年结转资金, 其他资金, each with
the three amounts), which are not scored but checked against the total row; a printed
执行率 (``reported_rate``) is checked against the computed one. Sheets zero-fill the 年度资金
总额 row while filling its items (贵池 2022): such a row is scored from its items' sums, and
the audit lists the total row against them. A row the sheet prints without points has
``points: 0`` and scores nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..decimals import percent, plain, round_half_up
from ..errors import Problem
from ..expr import Quantity, UnitMismatch, common_unit
from ..fields import Fields
from ..load import YMap
from ..messages import Messages, join, unit_name
from ..records import record
from .base import MESSAGES as COMMON
from .base import InputItems, RuleSpec, Scored, detail_text, labelled_inputs

AMOUNTS = ("budget_initial", "budget", "spent")

MESSAGES = Messages(
    {
        "budget_zero": (
            "预算数 budget 为 0，无法计算执行率",
            "budget is 0: the execution rate is undefined",
        ),
        "execution_item_entry": (
            "items 的每一项须有 name（如 当年财政拨款），及 budget_initial、budget、spent 中的一个或多个",
            "each items entry needs a name (当年财政拨款 …) and one or more of budget_initial, "
            "budget, spent",
        ),
        "x_execution": (
            "执行数 {spent} ÷ 预算数 {budget} = {rate}，{rate} × {points} = {score}",
            "spent {spent} ÷ budget {budget} = {rate}; {rate} × {points} = {score}",
        ),
        "x_execution_full": (
            "执行数 {spent} ÷ 预算数 {budget} = {rate}，得满分 {points}",
            "spent {spent} ÷ budget {budget} = {rate}: full points {points}",
        ),
        "x_execution_capped": (
            "执行数 {spent} ÷ 预算数 {budget} = {rate}，超过 100% 按满分 {points} 计",
            "spent {spent} ÷ budget {budget} = {rate}; above 100% scores full points {points}",
        ),
        "x_execution_no_points": (
            "执行数 {spent} ÷ 预算数 {budget} = {rate}；本行不计分（分值 0）",
            "spent {spent} ÷ budget {budget} = {rate}; this row scores nothing (0 points)",
        ),
        "x_execution_initial": (
            "（对年初预算数 {initial} 的执行率为 {rate}）",
            " (against the initial budget {initial}: {rate})",
        ),
        "x_execution_from_items": (
            "年度资金总额行的预算数为 0，按其中各行合计计算：",
            "the total row's budget is 0; scored from the sum of its items: ",
        ),
    },
    COMMON,
)
t = MESSAGES.t


@record
class Item:
    """One 其中 row: kept, checked against the total row, not scored."""

    name: str
    amounts: Mapping[str, Decimal]  # of AMOUNTS, in the total row's unit


@record
class Execution:
    budget: Quantity
    spent: Quantity
    budget_value: Decimal  # in the budget's unit
    spent_value: Decimal
    initial_value: Decimal | None = None  # 年初预算数, in the budget's unit
    items: tuple[Item, ...] = ()

    def total(self, key: str) -> Decimal | None:
        return {
            "budget_initial": self.initial_value,
            "budget": self.budget_value,
            "spent": self.spent_value,
        }[key]

    def items_sum(self, key: str) -> Decimal | None:
        """The items' sum of one amount, when every item gives it."""
        if not self.items or any(key not in item.amounts for item in self.items):
            return None
        return sum((item.amounts[key] for item in self.items), Decimal(0))

    @property
    def from_items(self) -> bool:
        """The total row is zero-filled beside filled items: the items' sums are scored."""
        summed = self.items_sum("budget")
        return self.budget_value == 0 and summed is not None and summed > 0

    @property
    def basis(self) -> tuple[Decimal, Decimal]:
        """(budget, spent) the rate is taken on."""
        if self.from_items:
            return self.items_sum("budget") or Decimal(0), self.items_sum("spent") or Decimal(0)
        return self.budget_value, self.spent_value


def score_execution(
    budget: Decimal,
    spent: Decimal,
    points: Decimal,
    precision: int,
    budget_text: str | None = None,
    spent_text: str | None = None,
) -> Scored:
    """Pure: the execution-rate score of ``spent`` against ``budget`` (> 0)."""
    rate = Fraction(spent) / Fraction(budget)
    shown_rate = percent(rate)
    labels = {
        "budget": budget_text or plain(budget),
        "spent": spent_text or plain(spent),
        "rate": shown_rate,
        "points": plain(points),
    }
    details = {"budget": labels["budget"], "spent": labels["spent"], "execution_rate": shown_rate}
    if points == 0:
        return Scored(
            round_half_up(0, precision), t("x_execution_no_points", **labels), details=details
        )
    if rate > 1:
        return Scored(
            round_half_up(points, precision), t("x_execution_capped", **labels), details=details
        )
    if rate == 1:
        return Scored(
            round_half_up(points, precision), t("x_execution_full", **labels), details=details
        )
    score = round_half_up(rate * Fraction(points), precision)
    return Scored(score, t("x_execution", score=plain(score), **labels), details=details)


def _amount(fields: Fields, key: str, unit_of: Quantity | None) -> tuple[Quantity, Decimal] | None:
    """One amount of the block, as a quantity and its value in ``unit_of``'s unit."""
    quantity = fields.expression(key)
    if quantity is None:
        return None
    if quantity.is_word:
        fields.problem(key, t("not_number", key=key, value=quantity.text))
        return None
    reference = unit_of or quantity
    if not quantity.unit and reference.unit:  # a bare amount is in the block's unit (单位：万元)
        quantity = replace(quantity, unit=reference.unit)
    try:
        _ref, value, _unit = common_unit(reference, quantity)
    except UnitMismatch:
        fields.problem(
            key,
            t(
                "unit_mismatch",
                target_unit=unit_name(reference.unit),
                actual_unit=unit_name(quantity.unit),
            ),
        )
        return None
    if value < 0:
        fields.problem(key, t("negative_amount", key=key, value=plain(value)))
        return None
    return quantity, value


def _items(fields: Fields, budget: Quantity) -> tuple[Item, ...]:
    listed = fields.sequence("items")
    if listed is None:
        return ()
    items: list[Item] = []
    for entry, line in zip(listed, listed.item_lines, strict=True):
        keys = set(entry) if isinstance(entry, YMap) else set()
        if (
            not isinstance(entry, YMap)
            or "name" not in keys
            or not keys & set(AMOUNTS)
            or keys - {"name", *AMOUNTS}
        ):
            fields.problems.append(
                Problem(t("execution_item_entry"), fields.file, line, fields.path or None)
            )
            continue
        row = fields.child(entry)
        name = row.text("name")
        amounts = {}
        for key in AMOUNTS:
            if row.has(key):
                read = _amount(row, key, budget)
                if read is not None:
                    amounts[key] = read[1]
        if name is not None:
            items.append(Item(name, amounts))
    return tuple(items)


def parse_execution(fields: Fields, points: Decimal) -> Execution | None:
    before = len(fields.problems)
    for key in ("budget", "spent"):
        if not fields.has(key):
            fields.problem(None, t("missing_key", key=key))
    budget_read = _amount(fields, "budget", None) if fields.has("budget") else None
    budget = budget_read[0] if budget_read else None
    spent_read = _amount(fields, "spent", budget) if fields.has("spent") and budget else None
    initial_read = (
        _amount(fields, "budget_initial", budget)
        if fields.has("budget_initial") and budget
        else None
    )
    if budget_read is None or spent_read is None or len(fields.problems) > before:
        return None
    items = _items(fields, budget_read[0])
    if len(fields.problems) > before:
        return None
    params = Execution(
        budget_read[0],
        spent_read[0],
        budget_read[1],
        spent_read[1],
        initial_read[1] if initial_read else None,
        items,
    )
    if params.basis[0] == 0:
        fields.problem("budget", t("budget_zero"))
        return None
    return params


def _score(params: Execution, points: Decimal, precision: int) -> Scored:
    budget, spent = params.basis
    if params.from_items:
        scored = score_execution(budget, spent, points, precision)
        scored = Scored(
            scored.score, t("x_execution_from_items") + scored.explain, details=scored.details
        )
    else:
        scored = score_execution(
            budget, spent, points, precision, params.budget.shown, params.spent.shown
        )
    # The inputs as written (a zero-filled total stays 0; its items are listed beside it).
    details = {**scored.details, "budget": params.budget.shown, "spent": params.spent.shown}
    explain = scored.explain
    if params.initial_value is not None:
        details["budget_initial"] = f"{plain(params.initial_value)}{params.budget.unit}"
        # the rate against 年初预算数, on the row the rate is taken on (the items, for a
        # zero-filled total)
        base = params.items_sum("budget_initial") if params.from_items else params.initial_value
        if base:
            initial = f"{plain(base)}{params.budget.unit}"
            initial_rate = percent(Fraction(spent) / Fraction(base))
            details["initial_rate"] = initial_rate
            explain += t("x_execution_initial", initial=initial, rate=initial_rate)
    if params.items:
        details["items"] = [{"name": item.name, **item.amounts} for item in params.items]
    if params.from_items:
        details["from_items"] = True
    return Scored(scored.score, explain, details=details)


def _printed_rate(params: Execution) -> tuple[str, Decimal]:
    """The sheet's 执行率 column: the rate in percent, HALF_UP to 2 places."""
    budget, spent = params.basis
    return "execution_rate", round_half_up(Fraction(spent) * 100 / Fraction(budget), 2)


def _audits(params: Execution) -> list[tuple[str, Decimal, Decimal]]:
    """The total row against the sum of its items, amount by amount."""
    out = []
    for key in AMOUNTS:
        total, summed = params.total(key), params.items_sum(key)
        if total is not None and summed is not None:
            out.append((key, total, summed))
    return out


LABELS = {
    "execution": (
        "预算执行率：执行数 ÷ 预算数 × 分值，不超过满分",
        "budget execution: spent ÷ budget × points, at most full points",
    )
}
INPUT_LABELS = {
    "budget": ("预算数", "budget"),
    "spent": ("执行数", "spent"),
    "execution_rate": ("执行率", "execution rate"),
    "budget_initial": ("年初预算数", "initial budget"),
    "initial_rate": ("对年初预算的执行率", "rate against the initial budget"),
    "items": ("其中", "of which"),
    "from_items": ("按其中各行合计计算", "scored from the items"),
}
_AMOUNT_LABELS = {
    "budget_initial": ("年初", "initial"),
    "budget": ("预算", "budget"),
    "spent": ("执行", "spent"),
}


def items_text(items: list[dict[str, Any]]) -> str:
    """The 其中 rows as a report lists them: 当年财政拨款 预算 15、执行 15；…"""
    from ..messages import pick

    rows = []
    for item in items:
        amounts = join(
            f"{pick(*_AMOUNT_LABELS[key])} {detail_text(item[key])}"
            for key in AMOUNTS
            if key in item
        )
        rows.append(f"{item['name']} {amounts}")
    return join(rows, "clause")


def _inputs(details: Mapping[str, Any]) -> InputItems:
    return labelled_inputs(details, INPUT_LABELS, {"items": items_text})


SPECS = (
    RuleSpec(
        "execution",
        frozenset({"budget", "spent", "budget_initial", "items"}),
        parse_execution,
        _score,
        LABELS,
        _inputs,
        printed_rate=_printed_rate,
        audits=_audits,
    ),
)
