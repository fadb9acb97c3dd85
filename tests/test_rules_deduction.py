"""rule: deduction (rules.md §6, 扣分制): listed and per-unit deductions, floor 0, reasons kept."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from perfscore.expr import parse_expression
from perfscore.rules.deduction import Deduction, PerUnit, per_unit_deduction, score_deductions

from .rule_cases import assert_one_error, one_leaf


def per_unit(value: str, limit: str, per: str, whole_units: bool = True) -> PerUnit:
    v, lim = parse_expression(value), parse_expression(limit)
    return PerUnit(v, lim, v.value, lim.value, D(per), whole_units)


def test_listed_deductions():
    """5 − (0.5 + 1) = 3.5, every reason kept in details."""
    scored = score_deductions(
        (Deduction("未按期报送", D("0.5")), Deduction("资料不全", D(1))), D(5), 2
    )
    assert scored.score == D("3.50")
    assert scored.explain == "未按期报送，扣 0.5；资料不全，扣 1；5 − 1.5 = 3.5"
    assert scored.details["deductions"] == [
        {"reason": "未按期报送", "points": D("0.5")},
        {"reason": "资料不全", "points": D(1)},
    ]


def test_deductions_larger_than_points_floor_at_zero():
    """2 − (1.5 + 1) < 0: 扣完为止, 0 points."""
    scored = score_deductions((Deduction("a", D("1.5")), Deduction("b", D(1))), D(2), 2)
    assert scored.score == D("0.00")
    assert scored.explain == "a，扣 1.5；b，扣 1；共扣 2.5，超过分值 2，扣完为止，得 0 分"


def test_deductions_equal_to_points():
    """2 − 2 = 0, said as a subtraction."""
    assert score_deductions((Deduction("a", D(2)),), D(2), 2).explain == "a，扣 2；2 − 2 = 0"


def test_per_unit_whole_units_by_default():
    """103.6% over 100%: 3 whole percentage points × 0.5 = 1.5 deducted."""
    deduction = per_unit_deduction(per_unit("103.6%", "100%", "0.5"))
    assert deduction == Deduction("103.6% 超过上限 100% 3 个百分点（每个扣 0.5）", D("1.5"))


def test_per_unit_started_unit_counts():
    """whole_units: false: 3.6 points over → 4 units × 0.5 = 2."""
    assert per_unit_deduction(per_unit("103.6%", "100%", "0.5", False)).points == D(2)


def test_per_unit_below_a_floor():
    """limit ≥100%: 96.5% is 3.5 points short → 3 whole units × 0.1 = 0.3."""
    deduction = per_unit_deduction(per_unit("96.5%", "≥100%", "0.1"))
    assert deduction == Deduction("96.5% 低于下限 100% 3 个百分点（每个扣 0.1）", D("0.3"))


def test_per_unit_within_limit():
    """100% against ≤100%: nothing deducted."""
    assert per_unit_deduction(per_unit("100%", "≤100%", "0.5")) is None


def test_per_unit_other_unit_named():
    """A unit other than % is named: 13人 over 10人 → 3 个人."""
    assert (
        per_unit_deduction(per_unit("13人", "10人", "1")).reason
        == "13人 超过上限 10人 3 个人（每个扣 1）"
    )


def test_cli_both_kinds_and_export(cli, write):
    """5 − 1 − 3 × 0.5 = 2.5 through the pipeline; the JSON lists both reasons."""
    body = (
        "    value: 103%\n    limit: 100%\n    per: 0.5\n"
        "    deductions: [{reason: 未按期报送, points: 1}]"
    )
    result = cli("evaluate", write(one_leaf("deduction", body)), "--json", "-")
    assert result.exit_code == 0, result.stderr
    assert '"score": 2.5' in result.stdout
    assert '"reason": "未按期报送"' in result.stdout
    assert '"reason": "103% 超过上限 100% 3 个百分点（每个扣 0.5）"' in result.stdout


def test_cli_stated_reason_for_per_unit(cli, write):
    """A stated reason replaces the generated one: 在职人员超编 2 units × 0.5 → 4."""
    body = "    value: 102%\n    limit: 100%\n    per: 0.5\n    reason: 在职人员超编"
    result = cli("evaluate", write(one_leaf("deduction", body)), "--json", "-")
    assert '"reason": "在职人员超编"' in result.stdout
    assert '"score": 4' in result.stdout


@pytest.mark.parametrize(
    "body, line, message",
    [
        (
            "    basis: x",
            6,
            "rule: deduction 须给出 deductions（逐项扣分），或 value、limit 与 per（超限按单位扣分）",
        ),
        (
            "    deductions: [{reason: a}]",
            7,
            "deductions 的每一项须为 {reason, points}（扣分理由与扣分）或 {reason, per, count}（每项扣分与项数），可另加 cap（本项最多扣分）",
        ),
        ("    deductions: [{reason: a, points: 0}]", 7, "“points”必须大于 0，而不是 0"),
        (
            "    value: 103%\n    per: 0.5",
            4,
            "按单位扣分须同时给出 value、limit 与 per，缺少“limit”",
        ),
        (
            "    value: 103%\n    limit: 100人\n    per: 0.5",
            7,
            "目标单位“人”与实际单位“%”不同，且无法换算",
        ),
        ("    value: 103%\n    limit: 100%\n    per: -1", 9, "扣分 points 必须大于 0，而不是 -1"),
        (
            "    value: 103%\n    limit: 100%\n    per: 1\n    whole_units: 是",
            10,
            "“whole_units”必须是 true 或 false，而不是“是”",
        ),
    ],
)
def test_cli_errors(cli, write, body, line, message):
    """Each mistake in a deduction leaf: one located line, exit 1."""
    path = write(one_leaf("deduction", body))
    assert_one_error(cli("evaluate", path), path, line, message)
