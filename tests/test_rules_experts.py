"""rule: experts (rules.md §8): mean, median, trimmed; each score within 0..points; the spread shown."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from perfscore.rules.experts import Panel, score_experts

from .rule_cases import assert_one_error, one_leaf


def panel(*scores: str, method: str = "mean") -> Panel:
    return Panel(tuple(D(s) for s in scores), method)


def test_mean_default():
    """(4 + 4.5 + 3.5) / 3 = 4; the spread 3.5–4.5 is in the explain line."""
    scored = score_experts(panel("4", "4.5", "3.5"), D(5), 2)
    assert scored.score == D("4.00")
    assert scored.explain == "专家 3 人评分 4、4.5、3.5（最低 3.5，最高 4.5），平均分 4"
    assert (scored.details["lowest"], scored.details["highest"]) == (D("3.5"), D("4.5"))


def test_mean_rounded_once():
    """(4 + 4 + 4.5) / 3 = 4.1666… → 4.17 (HALF_UP, once)."""
    assert score_experts(panel("4", "4", "4.5"), D(5), 2).score == D("4.17")


def test_median_odd_and_even():
    """Median of 3, 5, 4 is 4; of 3.5, 4, 4.5, 5 it is (4 + 4.5) / 2 = 4.25."""
    assert score_experts(panel("3", "5", "4", method="median"), D(5), 2).score == D("4.00")
    assert score_experts(panel("4", "4.5", "3.5", "5", method="median"), D(5), 2).score == D("4.25")


def test_trimmed_with_exactly_three():
    """Three scores 2, 4.5, 5: drop 5 and 2, the mean of 4.5 alone is 4.5."""
    scored = score_experts(panel("2", "4.5", "5", method="trimmed"), D(5), 2)
    assert scored.score == D("4.50")
    assert scored.explain == (
        "专家 3 人评分 2、4.5、5（最低 2，最高 5），去掉一个最高分 5 和一个最低分 2 后平均 4.5"
    )


def test_trimmed_drops_only_one_of_equal_extremes():
    """5, 5, 4, 3, 3: drop one 5 and one 3 → (5 + 4 + 3) / 3 = 4."""
    assert score_experts(panel("5", "5", "4", "3", "3", method="trimmed"), D(5), 2).score == D(
        "4.00"
    )


def test_cli_panel(cli, write):
    """Through the pipeline: trimmed mean of 8, 9, 7, 10 (drop 10 and 7) = 8.5 of 10."""
    body = "    scores: [8, 9, 7, 10]\n    method: trimmed"
    result = cli("evaluate", write(one_leaf("experts", body, points="10")), "--json", "-")
    assert result.exit_code == 0, result.stderr
    assert '"score": 8.5' in result.stdout
    assert '"method": "trimmed"' in result.stdout


@pytest.mark.parametrize(
    "body, line, message",
    [
        (
            "    scores: [4, 4.5]\n    method: trimmed",
            8,
            "method: trimmed 去掉一个最高分和一个最低分，至少需要 3 位专家的评分，这里只有 2 个",
        ),
        ("    scores: [4, 6, 3]", 7, "专家评分 6 不在 0 到分值 5 之间"),
        ("    scores: [4, -1, 3]", 7, "专家评分 -1 不在 0 到分值 5 之间"),
        ("    scores:\n      - 4\n      - 很好", 9, "“scores”必须是数字，而不是“很好”"),
        (
            "    scores: [4]\n    method: average",
            8,
            "method 只能是 mean（平均）、median（中位数）或 trimmed（去掉最高最低后平均），而不是“average”",
        ),
        ("    scores: []", 7, "“scores”不能是空列表"),
        ("    method: mean", 4, "缺少必填的键“scores”"),
    ],
)
def test_cli_errors(cli, write, body, line, message):
    """Each mistake in an experts leaf: one located line, exit 1."""
    path = write(one_leaf("experts", body))
    assert_one_error(cli("evaluate", path), path, line, message)
