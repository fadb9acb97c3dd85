"""Sheets as printed: the rules local tables use (docs/rules.md §11): rule: rate, bands written
the local way, deductions capped per item."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from .as_printed import exported, node, refused

# One leaf 指标 worth {points}, the base of the file; its keys from line 8.
LEAF = """\
perfscore: 1
project: {{name: 规则}}
points: {points}
indicators:
  - name: 指标
    points: {points}
    rule: {rule}
{body}"""


def leaf_file(rule: str, body: str, points: object = 5) -> str:
    return LEAF.format(rule=rule, body=body, points=points)


def leaf_of(cli, write, rule, body, points=5) -> dict:
    return node(exported(cli, write(leaf_file(rule, body, points))), "指标")


# -- rule: rate ----------------------------------------------------------------------------


def test_rate_scores_points_times_the_rate(cli, write):
    """湖北 2020: target 98%, actual 98%, 20 points: 20 × 98% = 19.6; the target is kept for display."""
    path = write(leaf_file("rate", "    target: 98%\n    actual: 98%\n", 20))
    leaf = node(exported(cli, path), "指标")
    assert (leaf["score"], leaf["rule"], leaf["explain"]) == (D("19.6"), "rate", "98% × 20 = 19.6")
    assert (leaf["target"], leaf["actual"]) == ("98%", "98%")
    assert "│ 指标 │   20 │ 19.60 │ 98.00% │ 98%    │ 98%    │ 98% × 20 = 19.6 │" in (
        cli("evaluate", path).stdout
    )


def test_rate_is_capped_at_the_points(cli, write):
    """20 × 105% = 21 is capped at 20, and the line says so."""
    leaf = leaf_of(cli, write, "rate", "    actual: 105%\n", 20)
    assert (leaf["score"], leaf["explain"]) == (20, "105% × 20 超过分值，按满分 20 计")


def test_rate_takes_a_fraction(cli, write):
    """0.98 is 98%: 20 × 0.98 = 19.6."""
    assert leaf_of(cli, write, "rate", "    actual: 0.98\n", 20)["score"] == D("19.6")


def test_rate_rounds_once_half_up(cli, write):
    """5 × 88.5% = 4.425 → 4.43 (HALF_UP; banker's rounding would give 4.42)."""
    leaf = leaf_of(cli, write, "rate", "    actual: 88.5%\n")
    assert (leaf["score"], leaf["explain"]) == (D("4.43"), "88.5% × 5 = 4.43")


@pytest.mark.parametrize(
    "body, line, message",
    [
        (
            "    actual: 98\n",
            8,
            "“actual”的值 98 大于 1，含义不明：百分比请写成 98%，小数请写成 0 到 1 之间",
        ),
        (
            "    actual: 及时\n",
            8,
            "“actual”必须是百分比（如 25%）或 0 到 1 之间的小数，而不是“及时”",
        ),
        ("    target: 98%\n", 5, "缺少必填的键“actual”"),
    ],
)
def test_rate_refuses_what_is_not_a_rate(cli, write, body, line, message):
    """A bare 98, a word, or no actual at all: refused with the located message."""
    path = write(leaf_file("rate", body, 20))
    refused(cli("evaluate", path), path, line, "指标", message)


def test_a_negative_rate_message_states_the_accepted_range(cli, write):
    """-5% is refused; the message does not claim the rate must be at most 100% (105% is accepted and capped)."""
    path = write(leaf_file("rate", "    actual: -5%\n", 20))
    result = cli("evaluate", path)
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert line.startswith(f"{path}:8: [指标] ")
    assert "-5%" in line
    assert "到 100%" not in line


# -- bands written the local way ----------------------------------------------------------------

# 岳阳: "预算调整率=0,计3分; 0-10%(含),计2分; 10-20%(含),计1分; 20-30%(含),计0.5分; 大于30%不得分".
YUEYANG = """\
    value: {value}
    bands:
      - {{equals: 0%, points: 3}}
      - {{max: 10%, points: 2}}
      - {{max: 20%, points: 1}}
      - {{max: 30%, points: 0.5}}
"""


@pytest.mark.parametrize(
    "value, score, explain",
    [
        ("0%", 3, "0% 属于第 1 档（= 0%），得 3 分"),
        ("5%", 2, "5% 属于第 2 档（≤ 10%），得 2 分"),
        ("10%", 2, "10% 属于第 2 档（≤ 10%），得 2 分"),  # （含）: the bound itself is in
        ("10.01%", 1, "10.01% 属于第 3 档（≤ 20%），得 1 分"),
        ("30%", D("0.5"), "30% 属于第 4 档（≤ 30%），得 0.5 分"),
        ("30.5%", 0, "30.5% 超过最高一档的上限 30%，得 0 分"),  # 大于30%不得分
    ],
)
def test_bands_with_equals_max_and_points(cli, write, value, score, explain):
    """The 岳阳 table: an equality band, inclusive upper bounds, scores in points."""
    leaf = leaf_of(cli, write, "bands", YUEYANG.format(value=value), 3)
    assert (leaf["score"], leaf["explain"]) == (score, explain)


def test_a_max_band_with_a_rate(cli, write):
    """A max band may give a share of the points: 5% ≤ 10% → 3 × 50% = 1.5."""
    body = "    value: 5%\n    bands:\n      - {equals: 0%, rate: 100%}\n      - {max: 10%, rate: 50%}\n"
    leaf = leaf_of(cli, write, "bands", body, 3)
    assert (leaf["score"], leaf["explain"]) == (
        D("1.5"),
        "5% 属于第 2 档（≤ 10%，得 50%）：3 × 50% = 1.5",
    )
    assert leaf["bands"] == [{"equals": "0%", "rate": "100%"}, {"max": "10%", "rate": "50%"}]


BOTTOM_UP = """\
    value: {value}
    bands:
      - {{min: 0%, rate: 50%}}
      - {{min: 90%, rate: 75%}}
      - {{min: 95%, rate: 100%}}
"""


@pytest.mark.parametrize(
    "value, score, explain",
    [
        ("94.68%", D("7.5"), "94.68% 达到第 2 档（≥ 90%，得 75%）：10 × 75% = 7.5"),
        ("95%", 10, "95% 达到第 3 档（≥ 95%，得 100%）：10 × 100% = 10"),
        ("89.99%", 5, "89.99% 达到第 1 档（≥ 0%，得 50%）：10 × 50% = 5"),
    ],
)
def test_bands_written_bottom_up(cli, write, value, score, explain):
    """Mins listed from the lowest up: the highest min reached applies, numbered as written."""
    leaf = leaf_of(cli, write, "bands", BOTTOM_UP.format(value=value), 10)
    assert (leaf["score"], leaf["explain"]) == (score, explain)


@pytest.mark.parametrize(
    "bands, value, explain",
    [
        (
            "      - {min: 95%, rate: 100%}\n      - {min: 90%, rate: 75%}\n",
            "80%",
            "80% 低于最低一档的下限 90%，得 0 分",
        ),
        (
            "      - {equals: 0, points: 3}\n      - {equals: 1, points: 2}\n",
            "5",
            "5 不属于任何一档（=0、=1），得 0 分",
        ),
    ],
)
def test_values_outside_every_band(cli, write, bands, value, explain):
    """A value in no band scores 0, and the line says why."""
    leaf = leaf_of(cli, write, "bands", f"    value: {value}\n    bands:\n{bands}", 3)
    assert (leaf["score"], leaf["band"], leaf["explain"]) == (0, None, explain)


@pytest.mark.parametrize(
    "bands, line, message",
    [
        (
            "      - {min: 95%, rate: 100%}\n      - {max: 90%, rate: 75%}\n",
            9,  # the bands key
            "bands 不能同时用 min（下限）与 max（上限）：请统一写法（等于某值的档用 equals）",
        ),
        (
            "      - {min: 95%, rate: 100%}\n      - {min: 95%, rate: 75%}\n",
            11,
            "档次界限 95% 重复",
        ),
        (
            "      - {equals: 0%, points: 3}\n      - {equals: 0%, points: 2}\n",
            11,
            "档次界限 0% 重复",
        ),
        (
            "      - {max: 95%, points: 4}\n      - {max: 99%, points: 2}\n",
            10,
            "档次得分 4 超过本指标分值 3",
        ),
        (
            "      - {min: 90%, max: 95%, rate: 100%}\n",
            10,
            "bands 的每一项须有一个界限（min 下限、max 上限（含）或 equals 等于）和一个得分（rate 得分比例或 points 分数）",
        ),
    ],
)
def test_bands_tables_that_are_refused(cli, write, bands, line, message):
    """Mixed min/max, a repeated bound, a band worth more than the leaf, two bounds in one band."""
    path = write(leaf_file("bands", f"    value: 80%\n    bands:\n{bands}", 3))
    refused(cli("evaluate", path), path, line, "指标", message)


# -- deductions capped per item ----------------------------------------------------------------


def test_a_per_item_cap(cli, write):
    """广水: 缺一项扣0.5分, 缺 3 项 on a 1-point item: 3 × 0.5 = 1.5 capped at 1 → deducts 1, scores 0."""
    body = "    deductions:\n      - {reason: 申报材料缺项, per: 0.5, count: 3, cap: 1}\n"
    leaf = leaf_of(cli, write, "deduction", body, 1)
    assert leaf["score"] == 0
    assert leaf["explain"] == "申报材料缺项，应扣 1.5，以本项 1 分为限，扣 1；1 − 1 = 0"
    assert leaf["deductions"] == [
        {"reason": "申报材料缺项", "points": 1, "cap": 1, "asked": D("1.5")}
    ]
    assert leaf["deducted"] == 1


def test_the_three_guangshui_items(cli, write):
    """广水's three items on 4 points: 缺 3 项 (−1, capped), 不规范 (−0.5), 逾期 (−1): 4 − 2.5 = 1.5."""
    body = (
        "    deductions:\n"
        "      - {reason: 申报材料缺项, per: 0.5, count: 3, cap: 1}\n"
        "      - {reason: 绩效目标不规范, points: 0.5, cap: 1}\n"
        "      - {reason: 逾期申报, points: 1, cap: 2}\n"
    )
    leaf = leaf_of(cli, write, "deduction", body, 4)
    assert (leaf["score"], leaf["explain"]) == (
        D("1.5"),
        "申报材料缺项，应扣 1.5，以本项 1 分为限，扣 1；绩效目标不规范，扣 0.5；逾期申报，扣 1；4 − 2.5 = 1.5",
    )


def test_per_and_count_below_the_cap(cli, write):
    """缺 1 项: 1 × 0.5 = 0.5, under the cap of 1: deducts 0.5."""
    body = "    deductions:\n      - {reason: 申报材料缺项, per: 0.5, count: 1, cap: 1}\n"
    leaf = leaf_of(cli, write, "deduction", body, 1)
    assert (leaf["score"], leaf["explain"]) == (D("0.5"), "申报材料缺项，扣 0.5；1 − 0.5 = 0.5")


def test_a_count_must_be_whole(cli, write):
    """count 1.5 is refused at its line."""
    path = write(
        leaf_file("deduction", "    deductions:\n      - {reason: 缺项, per: 0.5, count: 1.5}\n", 1)
    )
    refused(cli("evaluate", path), path, 9, "指标", "count（项数）须为整数，而不是 1.5")


def test_a_zero_cap_is_refused_by_name(cli, write):
    """cap: 0 is refused, and the message names cap (not points)."""
    path = write(
        leaf_file(
            "deduction", "    deductions:\n      - {reason: 缺项, per: 0.5, count: 2, cap: 0}\n", 1
        )
    )
    result = cli("evaluate", path)
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert line.startswith(f"{path}:9: [指标] ")
    assert "cap" in line and "points" not in line
