"""Target and actual (format.md §1, form 2): rules.md §4 定量 and §5 定性.

The operator in the target picks the rule: ≥ or > positive (正向), ≤ or <
reverse (反向), = or none equal (等于), a word qualitative (定性). ``rule:``
may override the pick. The scoring functions are pure: numbers in, a rounded
score and its explain line out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ..decimals import plain, round_half_up
from ..expr import Quantity, UnitMismatch, common_unit, normalise
from ..fields import Fields
from ..messages import register, t
from .base import RuleSpec, Scored
from .judged import MET, Judgement, in_level, level_range_text, parse_judgement, score_judged

register({
    "reverse_ratio_needs_at_most": (
        "规则 reverse-ratio 用于 ≤（越低越好）的目标，而目标是“{target}”",
        "rule reverse-ratio is for ≤ (lower is better) targets, but the target is '{target}'",
    ),
    "x_reverse_ratio": (
        "实际 {actual} 超出目标 {target}，按比值法：{target} ÷ {actual} × {points} = {score}",
        "actual {actual} exceeds target {target}, ratio form: {target} ÷ {actual} × {points} = {score}",
    ),
})

# Operator → rule (format.md §1). rules.md §4: "For > and < the boundary
# value itself counts as met (the national system treats ≥ and > alike)."
RULE_OF_OPERATOR = {">=": "positive", ">": "positive", "<=": "reverse", "<": "reverse",
                    "=": "equal", None: "equal", "range": "range"}


@dataclass(frozen=True)
class Labels:
    """How target and actual are shown in explain lines ("30人次")."""

    target: str
    actual: str
    note: str = ""  # e.g. a unit conversion, appended to the explain line


def _full(points: Decimal, precision: int, key: str, labels: Labels) -> Scored:
    return Scored(round_half_up(points, precision),
                  t(key, actual=labels.actual, target=labels.target, points=plain(points)) + labels.note)


def _zero(key: str, labels: Labels, precision: int) -> Scored:
    return Scored(round_half_up(0, precision), t(key, actual=labels.actual, target=labels.target) + labels.note)


def score_positive(target: Decimal, actual: Decimal, points: Decimal, precision: int,
                   labels: Labels) -> Scored:
    """正向 (rules.md §4): B ≥ A → w; else w × B / A; no bonus above the target.

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
    score = round_half_up(Fraction(points) * Fraction(actual) / Fraction(target), precision)
    return Scored(score, t("x_positive_ratio", actual=labels.actual, target=labels.target,
                           points=plain(points), score=plain(score)) + labels.note)


def _reverse_settled(target: Decimal, actual: Decimal, points: Decimal, precision: int,
                     labels: Labels) -> Scored | None:
    """The cases both reverse forms share: A = 0 (B ≤ 0 → w, else 0) and B ≤ A → w."""
    if target == 0:
        if actual <= 0:
            return _full(points, precision, "x_reverse_zero_target", labels)
        return _zero("x_zero_target_missed", labels, precision)
    if actual <= target:
        return _full(points, precision, "x_reverse_met", labels)
    return None


def score_reverse(target: Decimal, actual: Decimal, points: Decimal, precision: int,
                  labels: Labels) -> Scored:
    """反向 (rules.md §4): B ≤ A → w; else w × (1 − (B − A) / A), 0 once B ≥ 2A.

    A = 0: B ≤ 0 → w, else 0.
    """
    settled = _reverse_settled(target, actual, points, precision, labels)
    if settled is not None:
        return settled
    if actual >= 2 * target:
        return _zero("x_reverse_double", labels, precision)
    exact = Fraction(points) * (1 - (Fraction(actual) - Fraction(target)) / Fraction(target))
    score = round_half_up(exact, precision)
    return Scored(score, t("x_reverse_partial", actual=labels.actual, target=labels.target,
                           actual_n=plain(actual), target_n=plain(target), points=plain(points),
                           score=plain(score)) + labels.note)


def score_equal(target: Decimal, actual: Decimal, points: Decimal, precision: int,
                labels: Labels) -> Scored:
    """等于 (rules.md §4): scored as positive, as the national system does; A = 0: B ≤ 0 → w."""
    if target == 0:
        if actual <= 0:
            return _full(points, precision, "x_equal_met", labels)
        return _zero("x_zero_target_missed", labels, precision)
    if actual < 0:
        return _zero("x_negative_actual", labels, precision)
    if actual >= target:
        return _full(points, precision, "x_equal_met", labels)
    return score_positive(target, actual, points, precision, labels)


def score_reverse_ratio(target: Decimal, actual: Decimal, points: Decimal, precision: int,
                        labels: Labels) -> Scored:
    """反向，比值法 (rules.md §4, ``rule: reverse-ratio``): B ≤ A → w; else w × A / B.

    The form some templates use for ≤ targets; never the default. Unlike the
    default reverse rule it never reaches 0 (B = 2A scores w / 2).
    A = 0: B ≤ 0 → w, else 0.
    """
    settled = _reverse_settled(target, actual, points, precision, labels)
    if settled is not None:
        return settled
    score = round_half_up(Fraction(points) * Fraction(target) / Fraction(actual), precision)
    return Scored(score, t("x_reverse_ratio", actual=labels.actual, target=labels.target,
                           points=plain(points), score=plain(score)) + labels.note)


def score_range(lower: Decimal, upper: Decimal, actual: Decimal, points: Decimal, precision: int,
                labels: Labels) -> Scored:
    """区间 (rules.md §10 leaves range targets open; perfscore's choice, documented):
    inside [lower, upper] → w; below → the positive rule against the lower bound
    (w × B / lower); above → the reverse rule against the upper bound
    (w × (1 − (B − upper) / upper), 0 once B ≥ 2 × upper).
    """
    if actual < 0:
        actual = Decimal(0)  # a negative actual counts as 0, as for positive targets
    if lower <= actual <= upper:
        return _full(points, precision, "x_range_met", labels)
    if actual < lower:
        score = round_half_up(Fraction(points) * Fraction(actual) / Fraction(lower), precision)
        return Scored(score, t("x_range_below", actual=labels.actual, lower=plain(lower),
                               actual_n=plain(actual), points=plain(points),
                               score=plain(score)) + labels.note)
    if upper == 0 or actual >= 2 * upper:
        return Scored(round_half_up(0, precision),
                      t("x_range_double", actual=labels.actual, upper=plain(upper)) + labels.note)
    exact = Fraction(points) * (1 - (Fraction(actual) - Fraction(upper)) / Fraction(upper))
    score = round_half_up(exact, precision)
    return Scored(score, t("x_range_above", actual=labels.actual, upper=plain(upper),
                           actual_n=plain(actual), points=plain(points), score=plain(score))
                  + labels.note)


QUANTITATIVE: dict[str, Callable[[Decimal, Decimal, Decimal, int, Labels], Scored]] = {
    "positive": score_positive,
    "reverse": score_reverse,
    "equal": score_equal,
    "reverse-ratio": score_reverse_ratio,
}


def words_match(target: Quantity, actual: Quantity) -> bool:
    """rules.md §5: a word target is met word for word (spaces and width ignored)."""
    def word(q: Quantity) -> str:
        return q.word if q.word is not None else normalise(q.text)
    return word(target) == word(actual)


def score_qualitative(met: bool, judgement: Judgement | None, points: Decimal, precision: int,
                      labels: Labels) -> Scored:
    """定性 (rules.md §5): met word for word → 达成, full points; else the evaluator's score."""
    if judgement is None:  # only possible when met (checked when parsing)
        return _full(points, precision, "x_qualitative_met", labels)
    judged = score_judged(judgement, points, precision)
    key = "x_qualitative_met_judged" if met else "x_qualitative_unmet"
    explain = t(key, actual=labels.actual, target=labels.target, judged=judged.explain)
    return Scored(judged.score, explain, judged.level or (MET if met else None))


@dataclass(frozen=True)
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
    if target.op == "range" and rule not in (None, "range"):
        fields.problem("rule", t("range_rule_override", target=target.text, rule=rule))
        return None
    if rule is None:
        rule = "qualitative" if target.is_word else RULE_OF_OPERATOR[target.op]
    if rule == "qualitative":
        return _parse_qualitative(fields, points, target, actual)
    if target.is_word:
        fields.problem("target", t("rule_not_for_words", rule=rule, target=target.text))
        return None
    if rule == "reverse-ratio" and target.op in (">=", ">", "="):
        fields.problem("rule", t("reverse_ratio_needs_at_most", target=target.text))
        return None
    if actual.is_word:
        fields.problem("actual", t("actual_is_word", target=target.text, actual=actual.text))
        return None
    for key in ("score", "level"):
        if fields.has(key):
            fields.problem(key, t("score_with_quantitative"))
            return None
    try:
        target_value, actual_value, unit = common_unit(target, actual)
    except UnitMismatch:
        fields.problem("actual", t("unit_mismatch", target_unit=target.unit or "（无）",
                                   actual_unit=actual.unit or "（无）"))
        return None
    if target_value < 0:
        fields.problem("target", t("negative_target", target=target.text))
        return None
    note = ""
    if actual.unit != unit:
        note = t("x_converted", text=actual.shown, value=f"{plain(actual_value)}{unit}")
    labels = Labels(target.shown, f"{plain(actual.value)}{actual.unit}", note)
    return TargetParams(rule, target, actual, None, target_value, actual_value, labels)


def _parse_qualitative(fields: Fields, points: Decimal, target: Quantity,
                       actual: Quantity) -> TargetParams | None:
    met = words_match(target, actual)
    judgement = None
    if fields.has("score") or fields.has("level"):
        judgement = parse_judgement(fields, points)
        if judgement is None:
            return None
        # A target met word for word is 达成 (rules.md §5): an evaluator's
        # score beside it must lie in that tier.
        if met and (judgement.level not in (None, MET) or
                    (judgement.score is not None and not in_level(judgement.score, MET, points))):
            shown = judgement.score if judgement.score is not None else points
            fields.problem("score" if judgement.score is not None else "level",
                           t("score_outside_level", score=plain(shown), level=MET,
                             range=level_range_text(MET, points)))
            return None
    elif not met:
        fields.problem("actual", t("qualitative_unmet_needs_score", actual=actual.text,
                                   target=target.text))
        return None
    labels = Labels(target.shown, actual.shown)
    return TargetParams("qualitative", target, actual, judgement, labels=labels)


def score_target(params: TargetParams, points: Decimal, precision: int) -> Scored:
    assert params.labels is not None
    details = {"target": params.target.text, "actual": params.actual.text}
    if params.rule == "qualitative":
        scored = score_qualitative(words_match(params.target, params.actual), params.judgement,
                                   points, precision, params.labels)
    else:
        assert params.target_value is not None and params.actual_value is not None
        if params.rule == "range":
            assert params.target.upper is not None
            scored = score_range(params.target_value, params.target.upper, params.actual_value,
                                 points, precision, params.labels)
        else:
            scored = QUANTITATIVE[params.rule](params.target_value, params.actual_value, points,
                                               precision, params.labels)
    return Scored(scored.score, scored.explain, scored.level, params.rule, details)


def _spec(name: str | None) -> RuleSpec:
    def parse(fields: Fields, points: Decimal) -> TargetParams | None:
        return parse_target(fields, points, name)

    return RuleSpec(name or "target", frozenset({"target", "actual", "score", "level"}),
                    parse, score_target)


TARGET_RULE_NAMES = ("positive", "reverse", "equal", "qualitative", "reverse-ratio")
SPECS = (_spec(None), *(_spec(name) for name in TARGET_RULE_NAMES))
