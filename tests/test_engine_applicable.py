"""applicable: false (rules.md §2 不适用指标): left out, total rescaled at the root, visible everywhere."""

from __future__ import annotations

import json
import re
from decimal import Decimal as D

import pytest

from perfscore import load_evaluation, score

# 决策 20 (a 10 scored 10, b 10 scored 5) + 产出 80 (c 40 scored 30, d 40 不适用).
# Σ applicable scores = 10 + 5 + 30 = 45 on 60 applicable points;
# total = 45 × 100 / 60 = 75.
TREE = """\
perfscore: 1
project: {name: 测试}
reported: 75
indicators:
  - name: 决策
    points: 20
    children:
      - {name: a, points: 10, score: 10}
      - {name: b, points: 10, score: 5, basis: 部分完成}
  - name: 产出
    children:
      - {name: c, points: 40, score: 30, basis: 部分完成}
      - {name: d, points: 40, applicable: false}
"""


def test_rescaled_total(write):
    """45 of 60 applicable points → 45 × 100 / 60 = 75; the published 75 agrees."""
    result = score(load_evaluation(str(write(TREE))))
    assert result.score == D(75)
    assert result.grade == "中"
    assert result.agrees
    assert result.rescale is not None
    assert (result.rescale.applicable_points, result.rescale.applicable_score) == (D(60), D(45))
    assert result.rescale.paths == ("产出/d",)


def test_level1_keeps_unscaled_score_and_rates_on_applicable_points(write):
    """产出 keeps 30 (not rescaled), rate 30 / 40 = 75%; d loses nothing."""
    result = score(load_evaluation(str(write(TREE))))
    output = result.indicators[1]
    assert (output.score, output.rate, output.applicable_points) == (D(30), D(75), D(40))
    assert output.children[1].lost == 0
    assert output.lost == D(10)


def test_rounding_at_file_precision(write):
    """50 of 90 applicable → 50 × 100 / 90 = 55.555… → 55.56 (HALF_UP, once)."""
    text = """\
    perfscore: 1
    project: {name: 测试}
    indicators:
      - {name: a, points: 90, score: 50, basis: x}
      - {name: b, points: 10, applicable: false}
    """
    assert score(load_evaluation(str(write(text)))).score == D("55.56")


def test_no_rescale_when_everything_applies(write):
    """A file without applicable: false has no rescale and no not_applicable key."""
    text = (
        "perfscore: 1\nproject: {name: 测试}\nindicators:\n"
        "  - {name: a, points: 10, score: 8, basis: x}\npoints: 10\n"
    )
    result = score(load_evaluation(str(write(text))))
    assert result.rescale is None and result.score == D(8)


def test_parent_marked_leaves_children_out(write, cli):
    """A parent marked applicable: false leaves out its subtree; its leaves need no form."""
    text = """\
    perfscore: 1
    project: {name: 测试}
    indicators:
      - {name: a, points: 60, score: 48, basis: x}
      - name: 效益
        applicable: false
        children:
          - {name: b, points: 20}
          - {name: c, points: 20}
    """
    result = score(load_evaluation(str(write(text))))
    # 48 × 100 / 60 = 80
    assert result.score == D(80)
    assert result.rescale.paths == ("效益",)
    assert all(not r.node.applicable for r in result.indicators[1].walk())


def test_json_export_keys(write, cli):
    """The JSON marks the node "applicable": false and adds the not_applicable block."""
    result = cli("evaluate", write(TREE), "--json", "-")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    d = data["indicators"][1]["children"][1]
    assert d["applicable"] is False and d["points"] == 40
    assert data["indicators"][1]["applicable_points"] == 40
    assert data["not_applicable"] == {
        "paths": ["产出/d"],
        "points": 100,
        "applicable_points": 60,
        "applicable_score": 45,
        "score": 75,
    }
    assert data["score"] == 75


def test_terminal_shows_not_applicable_and_rescale(write, cli):
    """The table shows 不适用 and a line states the rescaling with its arithmetic."""
    text = (
        TREE.replace(
            "  - name: 产出\n",
            "  - name: 效益\n    points: 10\n    applicable: false\n"
            "    children:\n      - {name: e, points: 10}\n  - name: 产出\n",
        )
        + "points: 110\n"
    )  # a 110-point tree
    result = cli("evaluate", write(text))
    # the leaf row of the tree and the level-1 row of the summary both say 不适用
    assert "│   d  │   40 │ 不适用 │       — │" in result.stdout
    assert re.search(r"│ 效益 +│ +10 │ +不适用 │ +— │", result.stdout)
    # 45 on the 60 applicable points of a 110-point tree: 45 × 110 ÷ 60 = 82.5
    assert (
        "不适用指标：效益、产出/d。其余 60 分的得分 45 按 110 分折算：45 × 110 ÷ 60 = 82.50"
        in result.stdout
    )


def test_leaf_with_form_is_still_checked(write, cli):
    """A scoring form on a leaf marked not applicable is still checked: score 12 > 10 → exit 1."""
    path = write(
        "perfscore: 1\nproject: {name: 测试}\nindicators:\n"
        "  - {name: a, points: 90, score: 90}\n"
        "  - name: b\n    points: 10\n    applicable: false\n    score: 12\n"
    )
    result = cli("evaluate", path)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{path}:8: [b] 得分 12 超过分值 10"


def test_all_not_applicable_rejected(write, cli):
    """Nothing applicable: one located error, exit 1."""
    path = write(
        "perfscore: 1\nproject: {name: 测试}\nindicators:\n"
        "  - {name: a, points: 10, applicable: false}\n"
    )
    result = cli("evaluate", path)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{path}:3: 所有指标都标为不适用（applicable: false），无法评分"


def test_applicable_must_be_boolean(write, cli):
    """applicable: 否 is not a boolean: located error, exit 1."""
    path = write(
        "perfscore: 1\nproject: {name: 测试}\nindicators:\n"
        "  - {name: a, points: 10, applicable: 否}\n"
    )
    result = cli("evaluate", path)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{path}:4: [a] “applicable”必须是 true 或 false，而不是“否”"


def test_validate_accepts_not_applicable_leaf(write, cli):
    """The JSON Schema also accepts a leaf with applicable: false and no scoring form."""
    result = cli("validate", write(TREE))
    assert result.exit_code == 0, result.stderr


# The sheet's own arithmetic with 不适用 nodes: the printed total is the rescaled sum of the
# printed level-1 scores. 决策 printed 15, 产出 printed 30: (15 + 30) × 100 / 60 = 75.
PRINTED = """\
perfscore: 1
project: {name: 测试}
reported: TOTAL
indicators:
  - name: 决策
    points: 20
    reported: 15
    children:
      - {name: a, points: 10, score: 10}
      - {name: b, points: 10, score: 5, basis: 部分完成}
  - name: 产出
    OUTPUT
    children:
      - C
      - {name: d, points: 40, applicable: false}
"""
SCORED_C = "{name: c, points: 40, score: 30, basis: 部分完成}"


def _root_sums(write, total: str, output="reported: 30", c=SCORED_C) -> list:
    text = PRINTED.replace("TOTAL", total).replace("OUTPUT", output).replace("C\n", c + "\n")
    result = score(load_evaluation(str(write(text))))
    return [c for c in result.checks if c.path == "" and c.kind == "sum"]


def test_printed_total_is_checked_against_the_rescaled_printed_sum(write):
    """75 printed over 15 + 30 on 60 applicable points: (15 + 30) × 100 / 60 = 75 agrees;
    no false finding against the plain sum 45."""
    (check,) = _root_sums(write, "75")
    assert (check.reported, check.computed, check.ok) == (D(75), D(75), True)


def test_a_printed_total_left_unscaled_is_a_finding(write):
    """A sheet that prints the plain sum 45 broke rules.md §2: it should be 75."""
    (check,) = _root_sums(write, "45")
    assert (check.reported, check.computed, check.ok) == (D(45), D(75), False)


@pytest.mark.parametrize(
    "total, ok", [("80", None), ("91.67", None), ("91.68", False), ("24.99", False)]
)
def test_rescaled_range_over_a_part_not_captured(write, total, ok):
    """c not captured, 产出 printed without a score: the printed scores sum to 15 + [0, 40],
    rescaled (× 100 / 60) to 25–91.67. A total inside cannot be checked; outside it the sheet
    contradicts itself (unscaled, 80 would have been called a contradiction)."""
    c = "{name: c, points: 40, captured: false}"
    (check,) = _root_sums(write, total, output="points: 80", c=c)
    assert (check.computed, check.ok) == ("25–91.67", ok)
