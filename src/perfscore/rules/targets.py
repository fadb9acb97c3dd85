"""Target and actual (docs/format.md §1, form 2): docs/rules.md §4 定量 and §5 定性.

The operator in the target picks the rule: ≥ or > positive (正向), ≤ or <
reverse (反向), = or none equal (等于), a word qualitative (定性). ``rule:``
may override the pick. The scoring functions are pure: numbers in, a rounded
score and its explain line out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..decimals import plain, round_half_up, scaled
from ..expr import Quantity, UnitMismatch, common_unit, normalise
from ..fields import Fields
from ..messages import Messages, pick, unit_name
from ..records import record
from .base import InputItems, RuleSpec, Scored, labelled_inputs
from .judged import MESSAGES as JUDGED
from .judged import MET, Judgement, in_level, level_range_text, parse_judgement, score_judged

MESSAGES = Messages(
    {
        "reverse_ratio_needs_at_most": (
            "规则 reverse-ratio 用于 ≤（越低越好）的目标，而目标是“{target}”",
            "rule reverse-ratio is for ≤ (lower is better) targets, but the target is '{target}'",
        ),
        "x_reverse_ratio": (
            "实际 {actual} 超出目标 {target}，按比值法：{target} ÷ {actual} × {points} = {score}",
            "actual {actual} exceeds target {target}, ratio form: {target} ÷ {actual} × {points} = {score}",
        ),
        "target_without_actual": (
            "有 target（目标值）却没有 actual（实际值）",
            "target given without actual",
        ),
        "actual_without_target": (
            "有 actual（实际值）却没有 target（目标值）",
            "actual given without target",
        ),
        "rule_needs_target": (
            "规则 {rule} 需要 target（目标值）与 actual（实际值）",
            "rule {rule} needs target and actual",
        ),
        "rule_not_for_words": (
            "规则 {rule} 需要数值目标，而目标“{target}”是文字",
            "rule {rule} needs a numeric target, but '{target}' is a word",
        ),
        "score_with_quantitative": (
            "定量指标的得分由目标值与实际值算出，不能再给 score",
            "a quantitative indicator is scored from target and actual; score cannot be given too",
        ),
        "qualitative_unmet_needs_score": (
            "定性指标未达成：实际“{actual}”与目标“{target}”不一致，须由评价人给出 score（及 level）",
            "qualitative target not met ('{actual}' vs '{target}'): the evaluator must give a score (and level)",
        ),
        "actual_is_word": (
            "目标“{target}”是数值，实际值“{actual}”却不是数值",
            "the target '{target}' is numeric but the actual value '{actual}' is not",
        ),
        "negative_target": (
            "目标值 {target} 为负：按比例计分没有定义，请改写指标（或改为评价打分）",
            "the target {target} is negative: proportional scoring is undefined; rephrase the indicator (or judge it)",
        ),
        "x_positive_ratio": (
            "实际 {actual} ÷ 目标 {target} × {points} = {score}",
            "actual {actual} ÷ target {target} × {points} = {score}",
        ),
        "x_reverse_partial": (
            "实际 {actual} 超出目标 {target}：{points} × (1 − ({actual_n} − {target_n}) ÷ {target_n}) = {score}",
            "actual {actual} exceeds target {target}: {points} × (1 − ({actual_n} − {target_n}) ÷ {target_n}) = {score}",
        ),
        "x_range_below": (
            "实际 {actual} 低于区间下限 {lower}：{actual_n} ÷ {lower} × {points} = {score}",
            "actual {actual} is below the range's lower bound {lower}: {actual_n} ÷ {lower} × {points} = {score}",
        ),
        "x_range_above": (
            "实际 {actual} 高于区间上限 {upper}：{points} × (1 − ({actual_n} − {upper}) ÷ {upper}) = {score}",
            "actual {actual} is above the range's upper bound {upper}: "
            "{points} × (1 − ({actual_n} − {upper}) ÷ {upper}) = {score}",
        ),
        "x_range_double": (
            "实际 {actual} 达到区间上限 {upper} 的 2 倍及以上，得 0 分",
            "actual {actual} is at least twice the range's upper bound {upper}: 0 points",
        ),
        "range_rule_override": (
            "区间目标“{target}”按区间规则计分（区间内满分），不能指定 rule: {rule}",
            "the range target '{target}' is scored as a range (full points inside it); rule: {rule} cannot apply",
        ),
        "x_converted": ("（{text} 按 {value} 计）", " ({text} taken as {value})"),
        "x_qualitative_met_judged": (
            "实际“{actual}”与目标“{target}”一致，{judged}",
            "actual '{actual}' matches target '{target}': {judged}",
        ),
        "x_positive_met": (
            "实际 {actual} ≥ 目标 {target}，得满分 {points}",
            "actual {actual} ≥ target {target}: full points {points}",
        ),
        "x_positive_zero_target": (
            "目标为 0：实际 {actual} ≥ 0，得满分 {points}",
            "target is 0: actual {actual} ≥ 0, full points {points}",
        ),
        "x_zero_target_missed": (
            "目标为 0：实际 {actual} 未达到，得 0 分",
            "target is 0: actual {actual} misses it, 0 points",
        ),
        "x_negative_actual": (
            "实际 {actual} 为负，按 0 计：得 0 分",
            "actual {actual} is negative and counts as 0: 0 points",
        ),
        "x_reverse_met": (
            "实际 {actual} ≤ 目标 {target}，得满分 {points}",
            "actual {actual} ≤ target {target}: full points {points}",
        ),
        "x_reverse_double": (
            "实际 {actual} 达到目标 {target} 的 2 倍及以上，得 0 分",
            "actual {actual} is at least twice the target {target}: 0 points",
        ),
        "x_reverse_zero_target": (
            "目标为 0：实际 {actual} ≤ 0，得满分 {points}",
            "target is 0: actual {actual} ≤ 0, full points {points}",
        ),
        "x_equal_met": (
            "实际 {actual} 达到目标 {target}，得满分 {points}",
            "actual {actual} reaches target {target}: full points {points}",
        ),
        "x_range_met": (
            "实际 {actual} 在目标区间 {target} 内，得满分 {points}",
            "actual {actual} lies in the target range {target}: full points {points}",
        ),
        "x_qualitative_met": (
            "实际“{actual}”与目标“{target}”一致，达成，得满分 {points}",
            "actual '{actual}' matches target '{target}': met, full points {points}",
        ),
        "x_qualitative_unmet": (
            "实际“{actual}”与目标“{target}”字面不一致，由评价人判定：{judged}",
            "actual '{actual}' differs from target '{target}' in wording; the evaluator judged: "
            "{judged}",
        ),
        "x_qualitative_stated": (
            "实际“{actual}”表明已达到目标“{target}”，达成，得满分 {points}",
            "actual '{actual}' states the target '{target}' met: met, full points {points}",
        ),
        "x_qualitative_stated_judged": (
            "实际“{actual}”表明已达到目标“{target}”，{judged}",
            "actual '{actual}' states the target '{target}' met: {judged}",
        ),
        "x_cost_ceiling": (
            "（成本指标的目标值未写比较符，按 ≤ 计）",
            " (a cost target without an operator reads as ≤)",
        ),
        "x_wan_as_yuan": ("（成本指标下的“万”按万元计）", " (万 under 成本 is 万元)"),
        "x_actual_bound": (
            "（实际值“{text}”按其界限 {value} 计）",
            " (the actual '{text}' is taken at its bound, {value})",
        ),
        "x_unit_from_target": (
            "（实际值 {value} 未写单位，按目标的单位计为 {value}{unit}）",
            " (the actual {value} has no unit: taken in the target's, {value}{unit})",
        ),
        "x_unit_from_actual": (
            "（目标值 {value} 未写单位，按实际值的单位计为 {value}{unit}）",
            " (the target {value} has no unit: taken in the actual's, {value}{unit})",
        ),
        "actual_is_range": (
            "实际值“{actual}”是一个区间，原表没有写出实际完成了多少：请写实际的数值，或改由评价人打分（score）",
            "the actual '{actual}' is a range: the sheet does not say what was achieved; give the "
            "measured value, or a judged score",
        ),
        "actual_against_target": (
            "实际值“{actual}”的比较符与目标“{target}”的方向相反，原表没有写出是否达到：请写实际的数值，或改由评价人打分（score）",
            "the actual '{actual}' points the other way from the target '{target}': the sheet does "
            "not say whether it was met; give the measured value, or a judged score",
        ),
        "unit_wan_ambiguous": (
            "“{value}”的单位“万”不明确（万元？万人次？）：请写明单位，如 150万元",
            "the unit 万 of '{value}' is ambiguous (万元? 万人次?): write the unit out, e.g. 150万元",
        ),
        "bare_fraction_for_percent": (
            "{other}是百分数，而{side}“{value}”没有单位：是 {percent}% 吗？请写成百分数",
            "the {other} is a percentage but the {side} '{value}' has no unit: {percent}%? write "
            "it as a percentage",
        ),
    },
    JUDGED,
)
t = MESSAGES.t

# Operator → rule (docs/format.md §1). docs/rules.md §4: "For > and < the boundary
# value itself counts as met (the national system treats ≥ and > alike)."
RULE_OF_OPERATOR = {
    ">=": "positive",
    ">": "positive",
    "<=": "reverse",
    "<": "reverse",
    "=": "equal",
    None: "equal",
    "range": "range",
}


@record
class Labels:
    """How target and actual are shown in explain lines ("30人次")."""

    target: str
    actual: str
    note: str = ""  # e.g. a unit conversion, appended to the explain line


def _full(points: Decimal, precision: int, key: str, labels: Labels) -> Scored:
    return Scored(
        round_half_up(points, precision),
        t(key, actual=labels.actual, target=labels.target, points=plain(points)) + labels.note,
    )


def _zero(key: str, labels: Labels, precision: int) -> Scored:
    return Scored(
        round_half_up(0, precision),
        t(key, actual=labels.actual, target=labels.target) + labels.note,
    )


def score_positive(
    target: Decimal | Fraction,
    actual: Decimal | Fraction,
    points: Decimal,
    precision: int,
    labels: Labels,
) -> Scored:
    """正向 (docs/rules.md §4): B ≥ A → w; else w × B / A; no bonus above the target.

    A = 0: B ≥ 0 → w, else 0 (成本节约率 ≥0%). A negative actual counts as 0.
    """
    if target == 0:
        if actual >= 0:
            return _full(points, precision, "x_positive_zero_target", labels)
        return _zero("x_zero_target_missed", labels, precision)
    if actual < 0:
        return _zero("x_negative_actual", labels, precision)
    if actual >= target:
        return _full(points, precision, "x_positive_met", labels)
    score = scaled(points, actual, target, precision)  # w × B / A, exactly
    return Scored(
        score,
        t(
            "x_positive_ratio",
            actual=labels.actual,
            target=labels.target,
            points=plain(points),
            score=plain(score),
        )
        + labels.note,
    )


def _reverse_settled(
    target: Decimal, actual: Decimal, points: Decimal, precision: int, labels: Labels
) -> Scored | None:
    """The cases both reverse forms share: A = 0 (B ≤ 0 → w, else 0) and B ≤ A → w."""
    if target == 0:
        if actual <= 0:
            return _full(points, precision, "x_reverse_zero_target", labels)
        return _zero("x_zero_target_missed", labels, precision)
    if actual <= target:
        return _full(points, precision, "x_reverse_met", labels)
    return None


def score_reverse(
    target: Decimal, actual: Decimal, points: Decimal, precision: int, labels: Labels
) -> Scored:
    """反向 (docs/rules.md §4): B ≤ A → w; else w × (1 − (B − A) / A), 0 once B ≥ 2A.

    A = 0: B ≤ 0 → w, else 0.
    """
    settled = _reverse_settled(target, actual, points, precision, labels)
    if settled is not None:
        return settled
    if actual >= 2 * target:
        return _zero("x_reverse_double", labels, precision)
    exact = Fraction(points) * (1 - (Fraction(actual) - Fraction(target)) / Fraction(target))
    score = round_half_up(exact, precision)
    return Scored(
        score,
        t(
            "x_reverse_partial",
            actual=labels.actual,
            target=labels.target,
            actual_n=plain(actual),
            target_n=plain(target),
            points=plain(points),
            score=plain(score),
        )
        + labels.note,
    )


def score_equal(
    target: Decimal, actual: Decimal, points: Decimal, precision: int, labels: Labels
) -> Scored:
    """等于 (docs/rules.md §4): scored as positive, as the national system does; A = 0: B ≤ 0 → w."""
    if target == 0:
        if actual <= 0:
            return _full(points, precision, "x_equal_met", labels)
        return _zero("x_zero_target_missed", labels, precision)
    if actual < 0:
        return _zero("x_negative_actual", labels, precision)
    if actual >= target:
        return _full(points, precision, "x_equal_met", labels)
    return score_positive(target, actual, points, precision, labels)


def score_reverse_ratio(
    target: Decimal, actual: Decimal, points: Decimal, precision: int, labels: Labels
) -> Scored:
    """反向，比值法 (docs/rules.md §4, ``rule: reverse-ratio``): B ≤ A → w; else w × A / B.

    The form some templates use for ≤ targets; never the default. Unlike the
    default reverse rule it never reaches 0 (B = 2A scores w / 2).
    A = 0: B ≤ 0 → w, else 0.
    """
    settled = _reverse_settled(target, actual, points, precision, labels)
    if settled is not None:
        return settled
    score = scaled(points, target, actual, precision)  # w × A / B, exactly
    return Scored(
        score,
        t(
            "x_reverse_ratio",
            actual=labels.actual,
            target=labels.target,
            points=plain(points),
            score=plain(score),
        )
        + labels.note,
    )


def score_range(
    lower: Decimal, upper: Decimal, actual: Decimal, points: Decimal, precision: int, labels: Labels
) -> Scored:
    """区间 (docs/rules.md §10 leaves range targets open; perfscore's choice, documented):
    inside [lower, upper] → w; below → the positive rule against the lower bound
    (w × B / lower); above → the reverse rule against the upper bound
    (w × (1 − (B − upper) / upper), 0 once B ≥ 2 × upper).
    """
    if actual < 0:
        actual = Decimal(0)  # a negative actual counts as 0, as for positive targets
    if lower <= actual <= upper:
        return _full(points, precision, "x_range_met", labels)
    if actual < lower:
        score = scaled(points, actual, lower, precision)  # w × B / lower, exactly
        return Scored(
            score,
            t(
                "x_range_below",
                actual=labels.actual,
                lower=plain(lower),
                actual_n=plain(actual),
                points=plain(points),
                score=plain(score),
            )
            + labels.note,
        )
    if upper == 0 or actual >= 2 * upper:
        return Scored(
            round_half_up(0, precision),
            t("x_range_double", actual=labels.actual, upper=plain(upper)) + labels.note,
        )
    exact = Fraction(points) * (1 - (Fraction(actual) - Fraction(upper)) / Fraction(upper))
    score = round_half_up(exact, precision)
    return Scored(
        score,
        t(
            "x_range_above",
            actual=labels.actual,
            upper=plain(upper),
            actual_n=plain(actual),
            points=plain(points),
            score=plain(score),
        )
        + labels.note,
    )


QUANTITATIVE: dict[str, Callable[[Decimal, Decimal, Decimal, int, Labels], Scored]] = {
    "positive": score_positive,
    "reverse": score_reverse,
    "equal": score_equal,
    "reverse-ratio": score_reverse_ratio,
}


def words_match(target: Quantity, actual: Quantity) -> bool:
    """docs/rules.md §5: a word target is met word for word (spaces and width ignored)."""

    def word(q: Quantity) -> str:
        return q.word if q.word is not None else normalise(q.text)

    return word(target) == word(actual)


def score_qualitative(
    met: bool,
    judgement: Judgement | None,
    points: Decimal,
    precision: int,
    labels: Labels,
    stated: bool = False,
) -> Scored:
    """定性 (docs/rules.md §5): met → 达成, full points; else the evaluator's score.

    ``met`` is the target matched word for word, or (``stated``) an actual that says it was
    achieved (达成预期指标, docs/format.md §1a); the explain line says which.
    """
    if judgement is None:  # only possible when met (checked when parsing)
        key = "x_qualitative_stated" if stated else "x_qualitative_met"
        return _full(points, precision, key, labels)
    judged = score_judged(judgement, points, precision)
    if met:
        key = "x_qualitative_stated_judged" if stated else "x_qualitative_met_judged"
    else:
        key = "x_qualitative_unmet"
    explain = t(key, actual=labels.actual, target=labels.target, judged=judged.explain)
    return Scored(judged.score, explain, judged.level or (MET if met else None))


@record
class TargetParams:
    rule: str
    target: Quantity
    actual: Quantity
    judgement: Judgement | None = None  # qualitative only
    target_value: Decimal | None = None  # in the common unit
    actual_value: Decimal | None = None
    labels: Labels | None = None


def parse_target(fields: Fields, points: Decimal, rule: str | None = None) -> TargetParams | None:
    """Read target/actual (and, for a word target, score/level); pick or check the rule."""
    pair = _read_pair(fields, rule)
    if pair is None:
        return None
    target, actual = pair
    if target.op == "range" and rule not in (None, "range"):
        fields.problem("rule", t("range_rule_override", target=target.text, rule=rule))
        return None
    notes: list[str] = []
    if rule is None:
        rule = "qualitative" if target.is_word else RULE_OF_OPERATOR[target.op]
        if rule == "equal" and target.op is None and under_cost(fields.path):
            # docs/rules.md §11: the national system's 成本指标 are ceilings; printed sheets
            # often drop the 计算符号 column, so a bare target there reads as ≤.
            rule = "reverse"
            notes.append(t("x_cost_ceiling"))
    if rule == "qualitative":
        return _parse_qualitative(fields, points, target, actual)
    return _parse_quantitative(fields, rule, target, actual, notes)


def under_cost(path: str) -> bool:
    """True for a leaf under a node whose name contains 成本 (a 成本指标 block)."""
    return any("成本" in name for name in path.split("/")[:-1])


# Which way a rule's target points: up (more is better) or down (less is better).
_DIRECTION = {"positive": ">", "equal": ">", "reverse": "<", "reverse-ratio": "<", "range": "~"}
_OPS_AGAINST = {">": ("<=", "<"), "<": (">=", ">"), "~": (">=", ">", "<=", "<")}


def _read_pair(fields: Fields, rule: str | None) -> tuple[Quantity, Quantity] | None:
    """The target and the actual, both present and readable; else None, with problems."""
    before = len(fields.problems)
    target = fields.expression("target")
    actual = fields.expression("actual")
    if fields.has("target") and not fields.has("actual"):
        fields.problem("target", t("target_without_actual"))
    if fields.has("actual") and not fields.has("target"):
        fields.problem("actual", t("actual_without_target"))
    if rule is not None and not (fields.has("target") or fields.has("actual")):
        fields.problem("rule", t("rule_needs_target", rule=rule))
    if target is None or actual is None or len(fields.problems) > before:
        return None
    return target, actual


def _quantitative_problem(fields: Fields, rule: str, target: Quantity, actual: Quantity) -> bool:
    """Record why a numeric rule cannot apply to this target and actual; True if it cannot."""
    if target.is_word:
        fields.problem("target", t("rule_not_for_words", rule=rule, target=target.text))
    elif rule == "reverse-ratio" and target.op in (">=", ">", "="):
        fields.problem("rule", t("reverse_ratio_needs_at_most", target=target.text))
    elif actual.is_word:
        fields.problem("actual", t("actual_is_word", target=target.text, actual=actual.text))
    elif fields.has("score") or fields.has("level"):
        fields.problem("score" if fields.has("score") else "level", t("score_with_quantitative"))
    else:
        return False
    return True


def _parse_quantitative(
    fields: Fields, rule: str, target: Quantity, actual: Quantity, notes: list[str]
) -> TargetParams | None:
    if _quantitative_problem(fields, rule, target, actual):
        return None
    if not _actual_states_a_value(fields, rule, target, actual):
        return None
    read = _units_as_printed(fields, target, actual, notes)
    if read is None:
        return None
    target, actual = read
    notes.insert(0, _bound_note(actual))
    try:
        target_value, actual_value, unit = common_unit(target, actual)
    except UnitMismatch:
        fields.problem(
            "actual",
            t(
                "unit_mismatch",
                target_unit=unit_name(target.unit),
                actual_unit=unit_name(actual.unit),
            ),
        )
        return None
    if target_value < 0:
        fields.problem("target", t("negative_target", target=target.text))
        return None
    if actual.unit != unit:
        notes.append(t("x_converted", text=actual.shown, value=f"{plain(actual_value)}{unit}"))
    assert actual.value is not None
    shown = f"{_OP_SIGNS.get(actual.op or '', '')}{plain(actual.value)}{actual.unit}"
    labels = Labels(target.shown, shown, "".join(notes))
    return TargetParams(rule, target, actual, None, target_value, actual_value, labels)


_OP_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "="}


def _actual_states_a_value(fields: Fields, rule: str, target: Quantity, actual: Quantity) -> bool:
    """An actual printed as a range, or with an operator against the target's direction
    ("≤266米" for a ≥ target), does not say what was achieved: refused (docs/format.md §1a).
    An operator in the target's direction reads as its bound."""
    if actual.op == "range":
        fields.problem("actual", t("actual_is_range", actual=actual.text))
        return False
    if actual.op in _OPS_AGAINST[_DIRECTION[rule]]:
        fields.problem("actual", t("actual_against_target", actual=actual.text, target=target.text))
        return False
    return True


def _bound_note(actual: Quantity) -> str:
    """The note on an actual printed with an operator: it is read as its bound."""
    if actual.op is None:
        return ""
    value = f"{plain(actual.value or Decimal(0))}{actual.unit}"
    return t("x_actual_bound", text=actual.text.strip(), value=value)


def _units_as_printed(
    fields: Fields, target: Quantity, actual: Quantity, notes: list[str]
) -> tuple[Quantity, Quantity] | None:
    """Units as sheets print them (docs/format.md §1a): a bare 万 under 成本 is 万元; a bare
    number takes the unit of the other side (a bare value of at most 1 against a % is
    refused: 0.95 means 95%?)."""
    wan = [key for key, q in (("target", target), ("actual", actual)) if q.unit == "万"]
    if wan and not under_cost(fields.path):
        key = wan[0]
        fields.problem(
            key, t("unit_wan_ambiguous", value=(target if key == "target" else actual).text)
        )
        return None
    if wan:
        notes.append(t("x_wan_as_yuan"))
        target = replace(target, unit="万元") if target.unit == "万" else target
        actual = replace(actual, unit="万元") if actual.unit == "万" else actual
    if not actual.unit and target.unit and actual.value != 0:
        adopted = _adopt(fields, "actual", actual, target.unit, notes)
        return None if adopted is None else (target, adopted)
    if not target.unit and actual.unit and target.value != 0:
        adopted = _adopt(fields, "target", target, actual.unit, notes)
        return None if adopted is None else (adopted, actual)
    return target, actual


# Which side is bare, and which carries the %: for the bare-fraction message.
_SIDES = {"actual": ("实际值", "actual"), "target": ("目标值", "target")}


def _adopt(
    fields: Fields, key: str, bare: Quantity, unit: str, notes: list[str]
) -> Quantity | None:
    assert bare.value is not None
    if unit == "%" and bare.value <= 1:
        fields.problem(
            key,
            t(
                "bare_fraction_for_percent",
                side=pick(*_SIDES[key]),
                other=pick(*_SIDES["target" if key == "actual" else "actual"]),
                value=bare.text,
                percent=plain(bare.value * 100),
            ),
        )
        return None
    notes.append(
        t(
            f"x_unit_from_{'target' if key == 'actual' else 'actual'}",
            value=plain(bare.value),
            unit=unit,
        )
    )
    return replace(bare, unit=unit)


# docs/format.md §1a: what sheets write as the actual of a qualitative target to say it
# was met. Whole cells only (after folding width and spaces, a final 。 dropped): 未完成
# is not 完成.
ACHIEVED = frozenset(
    {
        "达成预期指标",
        "达成预期目标",
        "达到预期指标",
        "达到预期目标",
        "实现预期目标",
        "完成预期目标",
        "达成",
        "已达成",
        "达到",
        "已达到",
        "达标",
        "已达标",
        "实现",
        "已实现",
        "完成",
        "已完成",
        "全部完成",
        "已全部完成",
        "完成目标",
        "已完成目标",
        "按时完成",
        "按期完成",
        "如期完成",
        "达到目标",
        "已达到目标",
        "达成目标",
    }
)


def states_achievement(actual: Quantity) -> bool:
    """True when the actual is a phrase stating the target met (达成预期指标, 已完成 …)."""
    return normalise(actual.text).rstrip("。.！!") in ACHIEVED


def _parse_qualitative(
    fields: Fields, points: Decimal, target: Quantity, actual: Quantity
) -> TargetParams | None:
    met = words_match(target, actual) or states_achievement(actual)
    judgement = None
    if fields.has("score") or fields.has("level"):
        judgement = parse_judgement(fields, points)
        if judgement is None:
            return None
        # A target met word for word is 达成 (docs/rules.md §5): an evaluator's
        # score beside it must lie in that tier.
        if met and (
            judgement.level not in (None, MET)
            or (judgement.score is not None and not in_level(judgement.score, MET, points))
        ):
            shown = judgement.score if judgement.score is not None else points
            fields.problem(
                "score" if judgement.score is not None else "level",
                t(
                    "score_outside_level",
                    score=plain(shown),
                    level=MET,
                    range=level_range_text(MET, points),
                ),
            )
            return None
    elif not met:
        fields.problem(
            "actual", t("qualitative_unmet_needs_score", actual=actual.text, target=target.text)
        )
        return None
    labels = Labels(target.shown, actual.shown)
    return TargetParams("qualitative", target, actual, judgement, labels=labels)


def score_target(params: TargetParams, points: Decimal, precision: int) -> Scored:
    assert params.labels is not None
    details = {"target": params.target.text, "actual": params.actual.text}
    if params.rule == "qualitative":
        word = words_match(params.target, params.actual)
        scored = score_qualitative(
            word or states_achievement(params.actual),
            params.judgement,
            points,
            precision,
            params.labels,
            stated=not word,
        )
    else:
        assert params.target_value is not None and params.actual_value is not None
        if params.rule == "range":
            assert params.target.upper is not None
            scored = score_range(
                params.target_value,
                params.target.upper,
                params.actual_value,
                points,
                precision,
                params.labels,
            )
        else:
            scored = QUANTITATIVE[params.rule](
                params.target_value, params.actual_value, points, precision, params.labels
            )
    return Scored(scored.score, scored.explain, scored.level, params.rule, details)


LABELS = {
    "positive": (
        "正向指标：实际达到目标得满分，否则 分值 × 实际 ÷ 目标",
        "positive: full points when the actual reaches the target, else points × actual ÷ target",
    ),
    "reverse": (
        "反向指标：不超过目标得满分，否则 分值 × (1 − 超出部分 ÷ 目标)，达 2 倍得 0 分",
        "reverse: full points up to the target, else points × (1 − excess ÷ target), 0 at "
        "twice the target",
    ),
    "equal": (
        "等于目标：达到目标得满分，否则按正向计分",
        "equal: full points when the target is reached, else scored as positive",
    ),
    "qualitative": (
        "定性指标：与目标一致得满分，否则由评价人打分",
        "qualitative: full points when met word for word, else the evaluator's score",
    ),
    "reverse-ratio": (
        "反向比率：不超过目标得满分，否则 分值 × 目标 ÷ 实际",
        "reverse ratio: full points up to the target, else points × target ÷ actual",
    ),
    "range": (
        "区间指标：在区间内得满分，低于下限按正向、高于上限按反向计分",
        "range: full points inside the range, else positive below it and reverse above it",
    ),
}
INPUT_LABELS = {"target": ("目标值", "target"), "actual": ("实际值", "actual")}


def _inputs(details: Mapping[str, Any]) -> InputItems:
    return labelled_inputs(details, INPUT_LABELS)


def _spec(name: str | None) -> RuleSpec:
    def parse(fields: Fields, points: Decimal) -> TargetParams | None:
        return parse_target(fields, points, name)

    return RuleSpec(
        name or "target",
        frozenset({"target", "actual", "score", "level"}),
        parse,
        score_target,
        LABELS,
        _inputs,
    )


TARGET_RULE_NAMES = ("positive", "reverse", "equal", "qualitative", "reverse-ratio")
SPECS = (_spec(None), *(_spec(name) for name in TARGET_RULE_NAMES))
