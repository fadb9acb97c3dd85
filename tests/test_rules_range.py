"""Cells as many published tables print them: ranges, operators after the value, remarks, a bare 0.

rules.md §10 leaves range targets (区间) open; perfscore's choice (README, "Choices"):
inside the range → full points; below it → the positive rule against the lower
bound; above it → the reverse rule against the upper bound.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from perfscore.expr import parse_expression
from perfscore.rules.targets import Labels, score_range


@pytest.mark.parametrize(
    "text, op, value, upper, unit",
    [
        ("90%-100%", "range", "90", "100", "%"),
        ("90-100%", "range", "90", "100", "%"),
        ("3～5天", "range", "3", "5", "天"),
        ("3至5天", "range", "3", "5", "天"),
        ("90%以上", ">=", "90", None, "%"),
        ("3次及以上", ">=", "3", None, "次"),
        ("5天以内", "<=", "5", None, "天"),
        ("10%以下", "<=", "10", None, "%"),
        ("不小于3次", ">=", "3", None, "次"),
        ("不大于5万元", "<=", "5", None, "万元"),
        ("100%（已完成）", None, "100", None, "%"),
        ("-5%", None, "-5", None, "%"),  # a sign, not a range
    ],
)
def test_printed_forms(text, op, value, upper, unit):
    """Ranges, operators written after the value and bracketed remarks are read as meant."""
    q = parse_expression(text)
    assert (q.op, q.value, q.upper, q.unit) == (
        op,
        D(value),
        None if upper is None else D(upper),
        unit,
    )


def test_a_date_is_not_a_range():
    """2023-12-15 is not the range 2023–12 (its upper bound would be below its lower)."""
    assert parse_expression("2023-12-15").op is None


@pytest.mark.parametrize(
    "actual, expected",
    [
        ("95", "5.00"),  # inside
        ("90", "5.00"),  # at the lower bound
        ("100", "5.00"),  # at the upper bound
        ("72", "4.00"),  # below: 5 × 72 / 90 = 4
        ("110", "4.50"),  # above: 5 × (1 − 10/100) = 4.5
        ("200", "0.00"),  # twice the upper bound
        ("-3", "0.00"),  # a negative actual counts as 0: 5 × 0 / 90
    ],
)
def test_score_range(actual, expected):
    """Range 90–100, 5 points, scored by hand."""
    assert score_range(D(90), D(100), D(actual), D(5), 2, Labels("90–100%", actual)).score == D(
        expected
    )


def test_range_through_the_cli(cli, write):
    """A table's range, suffix-operator, remark and bare-zero cells score as meant, with their explain lines."""
    path = write("""\
        perfscore: 1
        project: {name: 区间示例}
        indicators:
          - {name: 使用率, points: 5, target: "90%-100%", actual: "110%"}
          - {name: 培训次数, points: 5, target: 3次及以上, actual: 2次}
          - {name: 完成率, points: 5, target: "100%", actual: "100%（已完成）"}
          - {name: 安全事故, points: 5, target: "≤1起", actual: "0"}
        points: 20
        """)
    result = cli("evaluate", path, "--json", "-")
    assert result.exit_code == 0, result.stderr
    import json

    leaves = {n["name"]: n for n in json.loads(result.stdout)["indicators"]}
    assert leaves["使用率"]["rule"] == "range"
    assert leaves["使用率"]["score"] == 4.5  # 5 × (1 − (110 − 100) ÷ 100)
    assert (
        leaves["使用率"]["explain"]
        == "实际 110% 高于区间上限 100：5 × (1 − (110 − 100) ÷ 100) = 4.5"
    )
    assert (leaves["培训次数"]["rule"], leaves["培训次数"]["score"]) == (
        "positive",
        3.33,
    )  # 5 × 2/3
    assert leaves["完成率"]["score"] == 5
    assert (leaves["安全事故"]["rule"], leaves["安全事故"]["score"]) == ("reverse", 5)


def test_range_refuses_another_rule(cli, write):
    """A rule override on a range target is refused: one located line, exit 1."""
    path = write("""\
        perfscore: 1
        project: {name: 区间示例}
        indicators:
          - {name: 使用率, points: 5, rule: positive, target: "90%-100%", actual: "95%"}
        """)
    result = cli("validate", path)
    assert result.exit_code == 1
    assert result.stderr == (
        f"{path}:4: [使用率] 区间目标“90%-100%”按区间规则计分（区间内满分），"
        "不能指定 rule: positive\n"
    )
