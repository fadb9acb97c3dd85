"""rule: survey (rules.md §9): weighted rates, scoring through target/bands/w × rate, the checks."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

import pytest

from perfscore.engine import score
from perfscore.errors import InputError
from perfscore.expr import parse_expression
from perfscore.rules.bands import Band, Bands
from perfscore.rules.survey import (
    NoAnswers,
    OptionWeight,
    SurveyParams,
    rate_explain,
    score_survey,
    weighted_rate,
)
from perfscore.validation import load_evaluation

# The common table of rules.md §9 (not a default: always stated).
TABLE = (
    OptionWeight("非常满意", D(1), "100%"),
    OptionWeight("满意", D("0.8"), "80%"),
    OptionWeight("一般", D("0.6"), "60%"),
    OptionWeight("不满意", D(0), "0%"),
)
SHARES = {w.option: w.weight for w in TABLE}
TEXTS = {w.option: w.text for w in TABLE}
SEED_Q10 = (("非常满意", 52), ("满意", 7), ("一般", 1), ("不满意", 1))  # seed 03, question 10
# rules.md §7's table (made up): ≥95% → 100%, ≥90% → 75%, ≥0% → 50%.
BANDS = Bands(
    (Band(D("0.95"), D(1), "95%"), Band(D("0.9"), D("0.75"), "90%"), Band(D(0), D("0.5"), "0%")),
    "%",
)


def params(counts=SEED_Q10, target=None, bands=None, weights=TABLE):
    return SurveyParams(weights, tuple(counts), parse_expression(target) if target else None, bands)


def test_weighted_rate_of_the_seed_distribution():
    """(52×100% + 7×80% + 1×60% + 1×0%) ÷ 61 = 58.2/61 = 291/305, exactly."""
    assert weighted_rate(SEED_Q10, SHARES) == Fraction(291, 305)


def test_single_choice_rate_is_satisfied_over_valid():
    """满意/不满意 with weights 100%/0%: 52 ÷ 61."""
    rate = weighted_rate((("满意", 52), ("不满意", 9)), {"满意": D(1), "不满意": D(0)})
    assert rate == Fraction(52, 61)


def test_zero_answers_is_a_clear_error():
    """Counts adding up to 0 raise NoAnswers with the user's sentence."""
    with pytest.raises(NoAnswers, match="没有有效回答（人数合计为 0），无法计算满意度"):
        weighted_rate((("满意", 0), ("不满意", 0)), {"满意": D(1), "不满意": D(0)})


def test_rate_explain_in_the_reports_words():
    """The formula with every count and weight, the valid total and the rate HALF_UP to 2 places."""
    text = rate_explain(SEED_Q10, TEXTS, Fraction(291, 305))
    assert text == "满意度 = (52×100% + 7×80% + 1×60% + 1×0%) ÷ 61 = 95.41%"


def test_without_target_or_bands_score_is_points_times_rate():
    """6 × 291/305 = 5.7245… → 5.72."""
    scored = score_survey(params(), D(6), 2)
    assert scored.score == D("5.72")
    assert scored.rule == "survey"
    assert scored.explain == (
        "满意度 = (52×100% + 7×80% + 1×60% + 1×0%) ÷ 61 = 95.41%，95.41% × 6 = 5.72"
    )
    assert scored.details["satisfaction"] == "95.41%"
    assert scored.details["valid_answers"] == 61


def test_points_times_rate_rounds_half_up():
    """1 satisfied of 8, 1 point: 0.125 → 0.13 (banker's rounding would give 0.12)."""
    counts = (("满意", 1), ("不满意", 7))
    weights = (OptionWeight("满意", D(1), "100%"), OptionWeight("不满意", D(0), "0%"))
    assert score_survey(params(counts, weights=weights), D(1), 2).score == D("0.13")


def test_target_met_scores_full_points():
    """95.41% ≥ 90%: full points 6 (positive rule)."""
    scored = score_survey(params(target="≥90%"), D(6), 2)
    assert scored.score == D("6.00")
    assert scored.explain.endswith("，实际 95.41% ≥ 目标 90%，得满分 6")
    assert scored.details["target"] == "≥90%"


def test_target_missed_scores_proportionally_on_the_exact_rate():
    """95.4098…% < 96%: 6 × (291/305 × 100) ÷ 96 = 5.9631… → 5.96."""
    scored = score_survey(params(target="≥96%"), D(6), 2)
    assert scored.score == D("5.96")
    assert scored.explain.endswith("，实际 95.41% ÷ 目标 96% × 6 = 5.96")


def test_bands_first_band():
    """95.41% reaches the 95% band: 6 × 100% = 6."""
    scored = score_survey(params(bands=BANDS), D(6), 2)
    assert scored.score == D("6.00")
    assert scored.details["band"] == 1


def test_bands_second_band():
    """(49×100% + 9×80% + 2×60% + 1×0%) ÷ 61 = 57.4/61 = 94.10%: band 2, 6 × 75% = 4.5."""
    counts = (("非常满意", 49), ("满意", 9), ("一般", 2), ("不满意", 1))
    scored = score_survey(params(counts, bands=BANDS), D(6), 2)
    assert scored.score == D("4.50")
    assert scored.explain == (
        "满意度 = (49×100% + 9×80% + 2×60% + 1×0%) ÷ 61 = 94.10%，"
        "94.10% 达到第 2 档（≥ 90%，得 75%）：6 × 75% = 4.5"
    )


def test_bands_boundary_hit_exactly():
    """19 of 20 satisfied is exactly 95%: the 95% band, full points."""
    counts = (("非常满意", 19), ("不满意", 1))
    assert score_survey(params(counts, bands=BANDS), D(4), 2).score == D("4.00")


def test_bands_compare_the_exact_rate_not_the_printed_one():
    """189 of 199 = 94.9748…% prints as 94.97% and misses 95%: band 2, 4 × 75% = 3."""
    counts = (("非常满意", 189), ("不满意", 10))
    assert score_survey(params(counts, bands=BANDS), D(4), 2).score == D("3.00")


# -- in an evaluation file -------------------------------------------------------

LEAF = """
perfscore: 1
project: {{name: 问卷}}
indicators:
  - name: 满意度
    children:
      - name: 用户满意度
        points: 6
        rule: survey
{body}
points: 6
"""


def leaf(write, body: str):
    return write(
        LEAF.format(body="\n".join("        " + line for line in body.strip().splitlines()))
    )


def problems(write, body: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_evaluation(str(leaf(write, body)))
    return [f"{p.line}: {p.message}" for p in caught.value.problems]


def test_typed_leaf_scores_and_strips_letter_prefixes(write):
    """`A.非常满意` in answers is the option 非常满意; weights as 0.8 equal 80%: 5.72."""
    path = leaf(
        write,
        """
answers: {A.非常满意: 52, B.满意: 7, C.一般: 1, D.不满意: 1}
weights: {非常满意: 100%, 满意: 0.8, 一般: 60%, 不满意: 0}
""",
    )
    result = score(load_evaluation(str(path)))
    assert result.score == D("5.72")


def test_unweighted_option_is_rejected_at_its_line(write):
    """Every answered option needs a weight: a located message at answers."""
    assert problems(
        write,
        """
answers: {非常满意: 52, 较满意: 7}
weights: {非常满意: 100%, 满意: 80%}
""",
    ) == ["9: 选项“较满意”没有权重：请在 weights 中给出它的权重（如 较满意: 60%）"]


def test_zero_answers_in_a_file(write):
    """All counts 0: the clear error, at answers."""
    assert problems(
        write,
        """
answers: {满意: 0, 不满意: 0}
weights: {满意: 100%, 不满意: 0%}
""",
    ) == ["9: 没有有效回答（人数合计为 0），无法计算满意度"]


def test_counts_must_be_whole_numbers(write):
    """2.5 respondents or -1 are refused, each at its line."""
    assert problems(
        write,
        """
answers:
  满意: 2.5
  不满意: -1
weights: {满意: 100%, 不满意: 0%}
""",
    ) == [
        "10: 选项“满意”的人数须为不小于 0 的整数，而不是“2.5”",
        "11: 选项“不满意”的人数须为不小于 0 的整数，而不是“-1”",
    ]


def test_weights_are_required(write):
    """No weights: never assume a table."""
    assert problems(write, "answers: {满意: 5}") == ["6: 缺少必填的键“weights”"]


def test_weight_above_100_percent_is_refused(write):
    """A weight of 120% is out of range (the shares reader's message)."""
    assert problems(
        write,
        """
answers: {满意: 5}
weights: {满意: 120%}
""",
    ) == ["10: “weights.满意”须在 0% 到 100% 之间，而不是 120%"]


def test_option_repeated_after_prefix_removal(write):
    """`A.满意` and `满意` are one option: the second is a repeat."""
    assert problems(
        write,
        """
answers: {满意: 5}
weights:
  A.满意: 100%
  满意: 80%
""",
    ) == ["12: 选项“满意”重复（去掉字母前缀后与第 11 行相同）"]


def test_target_must_be_a_percentage_floor(write):
    """≤90% or 90分 is no satisfaction target."""
    assert problems(
        write,
        """
answers: {满意: 5}
weights: {满意: 100%}
target: ≤90%
""",
    ) == ["11: 满意度目标须为百分数下限，如“≥90%”，而不是“≤90%”"]


def test_target_and_bands_together_are_refused(write):
    """One way of scoring the rate, not two."""
    assert problems(
        write,
        """
answers: {满意: 5}
weights: {满意: 100%}
target: ≥90%
bands: [{min: 90%, rate: 100%}]
""",
    ) == ["12: target 与 bands 只能给一个：满意度要么对照目标值，要么对照评分档次"]


def test_bands_need_percent_mins(write):
    """Bands in 分 cannot score a percentage."""
    assert problems(
        write,
        """
answers: {满意: 5}
weights: {满意: 100%}
bands: [{min: 90, rate: 100%}]
""",
    ) == ["11: 满意度的评分档次须用百分数下限（如 min: 95%），而不是“（无）”"]


def test_answers_and_from_together_are_refused(write):
    """Counts are typed or counted, not both."""
    assert problems(
        write,
        """
answers: {满意: 5}
weights: {满意: 100%}
from: answers.csv
question: 1
""",
    ) == ["11: answers 与 from 只能给一个：人数要么手填，要么从问卷文件统计"]


def test_neither_answers_nor_from(write):
    """A survey leaf needs its counts."""
    assert problems(write, "weights: {满意: 100%}") == [
        "6: 问卷指标须给出 answers（各选项人数），或 from 与 question（从问卷文件统计）"
    ]


def test_rounded_shares_reproduce_the_published_overall_satisfaction():
    """Seed 03's 94.68%: 85.25%×100% + 11.48%×75% + 1.64%×50% + 1.64%×0% = 94.68%
    (from the counts: (52 + 5.25 + 0.5) ÷ 61 = 5775/6100 = 94.672…% → 94.67%)."""
    weights = (
        OptionWeight("非常满意", D(1), "100%"),
        OptionWeight("较满意", D("0.75"), "75%"),
        OptionWeight("一般", D("0.5"), "50%"),
        OptionWeight("不满意", D(0), "0%"),
    )
    counts = (("非常满意", 52), ("较满意", 7), ("一般", 1), ("不满意", 1))
    exact = score_survey(SurveyParams(weights, counts), D(6), 2)
    printed = score_survey(SurveyParams(weights, counts, rounded_shares=True), D(6), 2)
    assert exact.details["satisfaction"] == "94.67%"
    assert printed.details["satisfaction"] == "94.68%"
    assert printed.explain == (
        "满意度 = 85.25%×100% + 11.48%×75% + 1.64%×50% + 1.64%×0% = 94.68%"
        "（各选项占比先按两位小数取整），94.68% × 6 = 5.68"
    )
