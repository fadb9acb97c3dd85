"""Sheets as printed: cells read as the sheet prints them (docs/format.md §1a "Cells as printed").

Each leaf is worth 5 points and sits at GROUP/指标 (tests/as_printed.py: target on line 9,
actual on line 10, further keys from line 11).
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from perfscore.errors import EXIT_INPUT
from perfscore.rules.targets import ACHIEVED

from .as_printed import cell, exported, node, refused
from .conftest import ROOT


def scored(cli, write, group, target, actual, extra=""):
    """(score, rule, explain) of the leaf GROUP/指标."""
    leaf = node(exported(cli, write(cell(group, target, actual, extra))), f"{group}/指标")
    return leaf["score"], leaf["rule"], leaf["explain"]


def refusal(cli, write, group, target, actual, line, message, extra=""):
    path = write(cell(group, target, actual, extra))
    refused(cli("evaluate", path), path, line, f"{group}/指标", message)


# -- an actual printed with an operator ----------------------------------------------------


def test_actual_against_the_target_direction_is_refused(cli, write):
    """`≤266米` as the actual of `≥266米` does not say whether it was met: refused at the actual."""
    refusal(
        cli,
        write,
        "产出指标",
        "≥266米",
        "≤266米",
        10,
        "实际值“≤266米”的比较符与目标“≥266米”的方向相反，原表没有写出是否达到："
        "请写实际的数值，或改由评价人打分（score）",
    )


@pytest.mark.parametrize(
    "target, actual",
    [
        ("≤10天", "≥8天"),  # a reverse target, an actual "at least"
        ("≤10天", ">8天"),
        ("≥90%", "<95%"),
        ("=8个", "≤8个"),  # = is scored as positive: more is better
        ("90%-100%", "≥95%"),  # a range has no direction an operator could follow
    ],
)
def test_other_operators_against_the_target_are_refused(cli, write, target, actual):
    """Every operator against the target's direction is refused with the same message."""
    refusal(
        cli,
        write,
        "产出指标",
        target,
        actual,
        10,
        f"实际值“{actual}”的比较符与目标“{target}”的方向相反，原表没有写出是否达到："
        "请写实际的数值，或改由评价人打分（score）",
    )


@pytest.mark.parametrize("actual", ["90%-95%", "90-95%", "90%～95%"])
def test_a_range_actual_is_refused(cli, write, actual):
    """A range as the actual does not say what was achieved: refused."""
    refusal(
        cli,
        write,
        "产出指标",
        "≥90%",
        actual,
        10,
        f"实际值“{actual}”是一个区间，原表没有写出实际完成了多少：请写实际的数值，或改由评价人打分（score）",
    )


# -- spaces inside a number ------------------------------------------------------------------

SPACED = "的数字中间有空格（“{value}”）：原表的数值无法确定；请写出实际的数值（如 85% 或 1200）"


def test_space_inside_a_number_is_refused(cli, write):
    """`0 85%` is not 85%: the actual is refused, not read as 085%."""
    refusal(cli, write, "产出指标", "≥90%", "0 85%", 10, "“actual”" + SPACED.format(value="0 85%"))


@pytest.mark.parametrize(
    "target, actual, key, line, value",
    [
        ("≥1200人", "1 200人", "actual", 10, "1 200人"),
        ("≥1200人", "1 200 人", "actual", 10, "1 200 人"),
        ("≥1 200人", "1200人", "target", 9, "≥1 200人"),
        ("≥90%", "0\u300085%", "actual", 10, "0\u300085%"),  # an ideographic space
        ("≥90%", "85. 5%", "actual", 10, "85. 5%"),
    ],
)
def test_other_spaces_inside_numbers_are_refused(cli, write, target, actual, key, line, value):
    """A space between digits (or beside a decimal point) is refused at its key."""
    refusal(cli, write, "产出指标", target, actual, line, f"“{key}”" + SPACED.format(value=value))


def test_a_space_inside_a_rate_actual_is_refused(cli, write):
    """rule: rate reads its actual as a share: `0 85%` is refused there too, not scored 20 × 85% = 17."""
    path = write(
        "perfscore: 1\nproject: {name: 空格}\npoints: 20\nindicators:\n"
        "  - name: 指标\n    points: 20\n    rule: rate\n    actual: 0 85%\n"
    )
    refused(cli("evaluate", path), path, 8, "指标", "“actual”" + SPACED.format(value="0 85%"))


def test_a_space_inside_a_band_rate_is_refused(cli, write):
    """A band's rate `1 00%` is refused, not read as 100%."""
    path = write(
        "perfscore: 1\nproject: {name: 空格}\npoints: 10\nindicators:\n"
        "  - name: 指标\n    points: 10\n    rule: bands\n    value: 95%\n    bands:\n"
        "      - {min: 90%, rate: 1 00%}\n"
    )
    refused(cli("evaluate", path), path, 10, "指标", "“rate”" + SPACED.format(value="1 00%"))


def test_a_space_inside_a_printed_rate_is_refused(cli, write):
    """A printed 得分率 `8 9.40%` is refused, not read as 89.40."""
    path = write(
        "perfscore: 1\nproject: {name: 空格}\npoints: 10\nindicators:\n"
        "  - {name: 指标, points: 10, score: 8.94, reported_rate: 8 9.40%}\n"
    )
    refused(
        cli("evaluate", path), path, 5, "指标", "“reported_rate”" + SPACED.format(value="8 9.40%")
    )


# -- units as printed: refusals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "actual, hint",
    [
        (D("0.95"), "“0.95”没有单位：是 95% 吗"),
        ("0.95", "“0.95”没有单位：是 95% 吗"),
        (1, "“1”没有单位：是 100% 吗"),
    ],
)
def test_a_bare_fraction_against_a_percentage_is_refused(cli, write, actual, hint):
    """A bare actual of at most 1 against a % target is refused with the hint 0.95 → 95%?."""
    refusal(
        cli,
        write,
        "产出指标",
        "≥95%",
        actual,
        10,
        f"目标值是百分数，而实际值{hint}？请写成百分数",
    )


def test_a_bare_fraction_target_against_a_percentage_actual(cli, write):
    """A bare target 0.95 against a % actual is refused, and the message does not call the target a percentage."""
    path = write(cell("产出指标", "≥0.95", "96%"))
    result = cli("evaluate", path)
    assert result.exit_code == EXIT_INPUT
    line = result.stderr.strip()
    assert line.startswith(f"{path}:9: [产出指标/指标] ")
    assert "0.95" in line and "95%" in line
    assert "目标是百分数" not in line  # it is the actual, 96%, that is a percentage


@pytest.mark.parametrize(
    "target, actual, line, value",
    [("≤150万", "140万元", 9, "≤150万"), ("≤150万元", "160万", 10, "160万")],
)
def test_a_bare_wan_elsewhere_is_refused(cli, write, target, actual, line, value):
    """Outside 成本, 万 alone is ambiguous (万元? 万人次?): refused at its key."""
    refusal(
        cli,
        write,
        "产出指标",
        target,
        actual,
        line,
        f"“{value}”的单位“万”不明确（万元？万人次？）：请写明单位，如 150万元",
    )


# -- a cost target without an operator -----------------------------------------------------------


def test_cost_target_without_operator_is_a_ceiling(cli, write):
    """20万元 under 成本 reads as ≤20万元: 22万元 scores 5 × (1 − (22 − 20) ÷ 20) = 4.5, not full points."""
    assert scored(cli, write, "经济成本指标", "20万元", "22万元") == (
        D("4.5"),
        "reverse",
        "实际 22万元 超出目标 20万元：5 × (1 − (22 − 20) ÷ 20) = 4.5（成本指标的目标值未写比较符，按 ≤ 计）",
    )


# -- achievement phrases --------------------------------------------------------------------------


@pytest.mark.parametrize("phrase", sorted(ACHIEVED))
def test_every_achievement_phrase_meets_a_qualitative_target(cli, write, phrase):
    """Each phrase of rules/targets.ACHIEVED meets a word target: full points, said so."""
    assert scored(cli, write, "产出指标", "及时", phrase) == (
        5,
        "qualitative",
        f"实际“{phrase}”表明已达到目标“及时”，达成，得满分 5",
    )


@pytest.mark.parametrize("phrase", ["未完成", "未达到", "部分完成", "基本完成", "未实现"])
def test_phrases_that_do_not_state_achievement(cli, write, phrase):
    """未完成 is not 完成: without a judged score the file is refused."""
    refusal(
        cli,
        write,
        "产出指标",
        "及时",
        phrase,
        10,
        f"定性指标未达成：实际“{phrase}”与目标“及时”不一致，须由评价人给出 score（及 level）",
    )


def test_the_achievement_phrases_are_documented(cli):
    """docs/ list every phrase that meets a qualitative target (issue 11: one list, documented)."""
    docs = (ROOT / "docs" / "format.md").read_text(encoding="utf-8") + (
        ROOT / "docs" / "rules.md"
    ).read_text(encoding="utf-8")
    missing = sorted(phrase for phrase in ACHIEVED if phrase not in docs)
    assert missing == []


def test_a_judged_score_beside_a_met_phrase_lies_in_the_met_tier(cli, write):
    """已完成 meets the target: a score of 2 (below 0.8 × 5 = 4) is refused at the score."""
    refusal(
        cli,
        write,
        "产出指标",
        "及时",
        "已完成",
        11,
        "得分 2 不在“达成”的区间 [4, 5] 内",
        "score: 2",
    )


def test_a_judged_score_inside_the_met_tier(cli, write):
    """已完成 with a score of 4.5 (in [4, 5]): the score stands, and the line says the target was met."""
    assert scored(cli, write, "产出指标", "及时", "已完成", "score: 4.5") == (
        D("4.5"),
        "qualitative",
        "实际“已完成”表明已达到目标“及时”，评价得分 4.5",
    )


def test_an_unmet_target_judged_met_tells_the_truth(cli, write):
    """基本及时 for 及时, judged 达成 4.5: the line says the words differ and the evaluator judged, no 未达到 … 达成."""
    score, _rule, explain = scored(
        cli, write, "产出指标", "及时", "基本及时", "score: 4.5\nlevel: 达成"
    )
    assert score == D("4.5")
    assert explain == "实际“基本及时”与目标“及时”字面不一致，由评价人判定：达成，评价得分 4.5"


# -- cells that score as the sheet prints them -------------------------------------------------

# (group, target, actual, score, rule, explain), each computed by hand.
READINGS = [
    # an actual with an operator in the target's direction: its bound, the operator kept
    pytest.param(
        "产出指标",
        "≥266米",
        "≥266米",
        5,
        "positive",
        "实际 ≥266米 ≥ 目标 266米，得满分 5（实际值“≥266米”按其界限 266米 计）",
        id="at-least-as-its-bound",
    ),
    pytest.param(  # 5 × 266 ÷ 300 = 4.4333… → 4.43
        "产出指标",
        "≥300米",
        "≥266米",
        D("4.43"),
        "positive",
        "实际 ≥266米 ÷ 目标 300米 × 5 = 4.43（实际值“≥266米”按其界限 266米 计）",
        id="bound-below-the-target",
    ),
    pytest.param(
        "产出指标",
        "≤10天",
        "<8天",
        5,
        "reverse",
        "实际 <8天 ≤ 目标 10天，得满分 5（实际值“<8天”按其界限 8天 计）",
        id="less-than-as-its-bound",
    ),
    # a space between the number and its unit is allowed
    pytest.param(
        "产出指标",
        "≥1200人",
        "1200 人",
        5,
        "positive",
        "实际 1200人 ≥ 目标 1200人，得满分 5",
        id="space-before-the-unit",
    ),
    # a bare number takes the other side's unit, noted
    pytest.param(
        "产出指标",
        "=8个",
        8,
        5,
        "equal",
        "实际 8个 达到目标 8个，得满分 5（实际值 8 未写单位，按目标的单位计为 8个）",
        id="bare-actual-number",
    ),
    pytest.param(
        "产出指标",
        "=8个",
        "8",
        5,
        "equal",
        "实际 8个 达到目标 8个，得满分 5（实际值 8 未写单位，按目标的单位计为 8个）",
        id="bare-actual-text",
    ),
    pytest.param(  # 5 × 6 ÷ 8 = 3.75
        "产出指标",
        "=8个",
        6,
        D("3.75"),
        "equal",
        "实际 6个 ÷ 目标 8个 × 5 = 3.75（实际值 6 未写单位，按目标的单位计为 6个）",
        id="bare-actual-short",
    ),
    pytest.param(
        "产出指标",
        "8",
        "8个",
        5,
        "equal",
        "实际 8个 达到目标 8个，得满分 5（目标值 8 未写单位，按实际值的单位计为 8个）",
        id="bare-target",
    ),
    # 百分比 is %, and a bare 100 takes it
    pytest.param(
        "产出指标",
        "≥100百分比",
        "100",
        5,
        "positive",
        "实际 100% ≥ 目标 100%，得满分 5（实际值 100 未写单位，按目标的单位计为 100%）",
        id="percent-spelled-out-bare-actual",
    ),
    pytest.param(  # 5 × 85 ÷ 90 = 4.7222… → 4.72
        "产出指标",
        "≥90百分比",
        "85%",
        D("4.72"),
        "positive",
        "实际 85% ÷ 目标 90% × 5 = 4.72",
        id="percent-spelled-out",
    ),
    # look-alike operators: ═ is =, ≧ is ≥, ≦ is ≤
    pytest.param(
        "产出指标",
        "═8个",
        "8个",
        5,
        "equal",
        "实际 8个 达到目标 8个，得满分 5",
        id="double-line-equal",
    ),
    pytest.param(  # 5 × 6 ÷ 8
        "产出指标",
        "═8个",
        "6个",
        D("3.75"),
        "equal",
        "实际 6个 ÷ 目标 8个 × 5 = 3.75",
        id="double-line-equal-short",
    ),
    pytest.param(
        "产出指标",
        "≧8个",
        "6个",
        D("3.75"),
        "positive",
        "实际 6个 ÷ 目标 8个 × 5 = 3.75",
        id="look-alike-at-least",
    ),
    pytest.param(  # 5 × (1 − (10 − 8) ÷ 8) = 5 × 0.75
        "产出指标",
        "≦8个",
        "10个",
        D("3.75"),
        "reverse",
        "实际 10个 超出目标 8个：5 × (1 − (10 − 8) ÷ 8) = 3.75",
        id="look-alike-at-most",
    ),
    # a bare 万 under 成本 is 万元: 5 × (1 − (160 − 150) ÷ 150) = 4.6666… → 4.67
    pytest.param(
        "成本指标",
        "≤150万元",
        "160万",
        D("4.67"),
        "reverse",
        "实际 160万元 超出目标 150万元：5 × (1 − (160 − 150) ÷ 150) = 4.67（成本指标下的“万”按万元计）",
        id="wan-under-cost",
    ),
    # a cost target without an operator is a ceiling; met, the line says so too
    pytest.param(
        "成本指标",
        "20万元",
        "18万元",
        5,
        "reverse",
        "实际 18万元 ≤ 目标 20万元，得满分 5（成本指标的目标值未写比较符，按 ≤ 计）",
        id="cost-ceiling-met",
    ),
    # outside 成本, 20万元 stays an = target, which 22万元 reaches
    pytest.param(
        "产出指标",
        "20万元",
        "22万元",
        5,
        "equal",
        "实际 22万元 达到目标 20万元，得满分 5",
        id="bare-target-elsewhere",
    ),
    # an operator stated under 成本 wins: 5 × 18 ÷ 20 = 4.5
    pytest.param(
        "成本指标",
        "≥20万元",
        "18万元",
        D("4.5"),
        "positive",
        "实际 18万元 ÷ 目标 20万元 × 5 = 4.5",
        id="stated-operator-under-cost",
    ),
    # exactly at the target: ≥ and full points, nothing about exceeding it
    pytest.param(
        "产出指标",
        "≥100%",
        "100%",
        5,
        "positive",
        "实际 100% ≥ 目标 100%，得满分 5",
        id="exactly-the-target",
    ),
]


@pytest.mark.parametrize("group, target, actual, score, rule, explain", READINGS)
def test_cells_read_as_printed(cli, write, group, target, actual, score, rule, explain):
    """Each printed form gives the score, the rule and the explain line computed by hand."""
    assert scored(cli, write, group, target, actual) == (score, rule, explain)
