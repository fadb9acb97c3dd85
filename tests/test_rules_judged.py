"""Judged scores and the three tiers of rules.md §5."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from perfscore.rules.judged import Judgement, in_level, level_of, score_judged


@pytest.mark.parametrize(
    "score, level, points, inside",
    [
        ("5", "达成", "5", True),
        ("4", "达成", "5", True),  # 0.8w is inside 达成
        ("3.99", "达成", "5", False),
        ("3.99", "部分达成", "5", True),
        ("3", "部分达成", "5", True),  # 0.6w is inside 部分达成
        ("4", "部分达成", "5", False),  # 0.8w is not (upper bound exclusive)
        ("2.99", "未达成", "5", True),
        ("3", "未达成", "5", False),
        ("0", "未达成", "5", True),
    ],
)
def test_level_ranges(score, level, points, inside):
    """达成 [0.8w, w], 部分达成 [0.6w, 0.8w), 未达成 [0, 0.6w)."""
    assert in_level(D(score), level, D(points)) is inside


def test_level_of():
    """The tier a score falls in."""
    assert [level_of(D(s), D(5)) for s in ("5", "4", "3.5", "3", "1")] == [
        "达成",
        "达成",
        "部分达成",
        "部分达成",
        "未达成",
    ]


def test_level_alone_means_full_points():
    """`level: 达成` without a score gives full points."""
    scored = score_judged(Judgement(None, "达成"), D(6), 2)
    assert scored.score == D("6.00")
    assert scored.explain == "达成，得满分 6"


def test_judged_rounds_once():
    """An evaluator's 1.335 is rounded HALF_UP to the file's precision: 1.34."""
    assert score_judged(Judgement(D("1.335"), None), D(5), 2).score == D("1.34")
    assert (
        score_judged(Judgement(D("4.5"), "部分达成"), D(6), 2).explain == "部分达成，评价得分 4.5"
    )


def test_rounding_a_judged_score_is_said(cli, write):
    """Issue 14 item 13: 89.995 at precision 2 is 90.00 (HALF_UP) and 优; the explain line
    names the written score and the rounding, not only 90."""
    path = write(
        """
        perfscore: 1
        project: {name: 四舍五入}
        indicators:
          - name: 总体
            points: 100
            score: 89.995
        """
    )
    result = cli("evaluate", path, "--json", "-")
    leaf = json.loads(result.stdout)["indicators"][0]
    assert (leaf["score"], json.loads(result.stdout)["grade"]) == (90, "优")
    assert leaf["explain"] == "评价得分 89.995，保留 2 位小数为 90"
    exact = score_judged(Judgement(D("3.5"), "达成"), D("4"), 2)
    assert exact.explain == "达成，评价得分 3.5"  # nothing rounded: nothing said
