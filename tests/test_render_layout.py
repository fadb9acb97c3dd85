"""The two layouts: which one a file gets, its title, the budget block, and the grids."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from perfscore import load_evaluation, score
from perfscore.render.layout import (
    REPORT,
    SELF_EVALUATION,
    amount_cell,
    budget_block,
    pick_layout,
    report_tree_grid,
    self_evaluation_form,
    title,
)

from .conftest import EXAMPLES


def scored(write, text):
    return score(load_evaluation(str(write(text))))


BASE = """
perfscore: 1
project: {{name: 示例, {project}}}
indicators:
  - {{name: 预算执行率, points: 10, rule: execution, budget: 20, spent: 18}}
  - name: 产出指标
    children:
      - name: 数量指标
        children:
          - {{name: 培训人数, points: 90, target: ≥45人, actual: 47人}}
"""


@pytest.mark.parametrize(
    ("project", "layout", "heading"),
    [
        ("kind: 部门自评", SELF_EVALUATION, "项目支出绩效自评表"),
        ("kind: 部门整体支出绩效自评", SELF_EVALUATION, "部门整体支出绩效自评表"),
        ("kind: 财政评价", REPORT, "示例绩效评价得分情况"),
        ("year: 2024", SELF_EVALUATION, "项目支出绩效自评表"),  # no kind: a budget row and a target
    ],
)
def test_layout_and_title_follow_the_kind(write, project, layout, heading):
    """kind says 自评 → the form (整体 → the departmental form); 财政评价 → the report; no kind:
    a budget row and a target make a self-evaluation."""
    result = scored(write, BASE.format(project=project))
    assert pick_layout(result) == layout
    assert title(result, layout) == heading


def test_report_title_of_a_self_evaluation(write):
    """A 部门自评 in the report layout is titled 绩效自评得分情况, not 绩效评价."""
    result = scored(write, BASE.format(project="kind: 部门自评"))
    assert pick_layout(result, REPORT) == REPORT
    assert title(result, REPORT) == "示例绩效自评得分情况"


def test_budget_block_from_the_budget_leaf(write):
    """The block: 20 / 18 in the budget's unit, 18 ÷ 20 = 90.00% → 9.00 of 10; the form lists
    the other leaf only and sums 9 + 90 = 99 in 总分."""
    result = scored(write, BASE.format(project="kind: 部门自评"))
    form = self_evaluation_form(result)
    rows = form.head.texts()
    assert rows[2] == ["", "年度资金总额", "", "", "20", "18", "10", "90.00%", "9.00"]
    assert [row[3] for row in form.indicators.texts()] == ["三级指标", "培训人数", ""]
    assert form.indicators.texts()[-1][6:8] == ["100", "99.00"]
    keyed = form.head.keyed()
    assert keyed["exec.rate"].value == D("0.9") and keyed["exec.score"].value == D("9.00")


def test_budget_block_of_a_file_without_one(write):
    """A form for a file without a budget row keeps the block, its cells empty."""
    result = scored(
        write,
        """
        perfscore: 1
        project: {name: 无预算, kind: 部门自评}
        indicators:
          - {name: 甲, points: 100, target: 是, actual: 是}
        """,
    )
    assert budget_block(result).leaf is None
    rows = self_evaluation_form(result).head.texts()
    assert rows[2] == ["", "年度资金总额", "", "", "", "", "", ""]  # 2 name columns at least


def test_budget_block_scored_from_its_items(write):
    """A zero-filled 年度资金总额 beside filled items is scored from the items' sums (the rule
    does so): 10 + 5 = 15 budget, 9 + 3 = 12 spent → 80.00% → 8 of 10. The total row's amounts
    stay as printed (0, 0); 其中 rows print "-" for points and score."""
    result = scored(
        write,
        """
        perfscore: 1
        project: {name: 其中, kind: 部门自评}
        indicators:
          - name: 预算执行率
            points: 10
            rule: execution
            budget: 0
            spent: 0
            items:
              - {name: 当年财政拨款, budget: 10, spent: 9}
              - {name: 其他资金, budget: 5, spent: 3}
          - {name: 甲, points: 90, target: 是, actual: 是}
        """,
    )
    rows = self_evaluation_form(result).head.texts()
    assert rows[2][3:] == ["0", "0", "10", "80.00%", "8.00"]
    assert rows[3][1] == "其中：当年财政拨款" and rows[3][3:] == ["10", "9", "-", "90.00%", "-"]
    assert rows[4][3:] == ["5", "3", "-", "60.00%", "-"]


@pytest.mark.parametrize(
    ("value", "unit", "cell"),
    [
        ("15万元", "万元", ("15", D(15))),
        ("15", "万元", ("15", D(15))),
        (D("102.6"), "万元", ("102.6", D("102.6"))),
        ("150000元", "万元", ("150000元", None)),  # another unit: as written
        (None, "万元", ("", None)),
    ],
)
def test_amount_cells(value, unit, cell):
    """An amount in the block's unit shows as its number; in another unit, as written."""
    assert amount_cell(value, unit) == cell


def test_report_tree_grid_of_the_example():
    """25 leaves + header + 合计; 决策 merged over rows 1–6; widths fill the 170 mm page."""
    result = score(load_evaluation(str(EXAMPLES / "yirenyidang-2023.yaml")))
    grid = report_tree_grid(result)
    assert grid.rows == 27 and grid.header_rows == 1
    assert (1, 0, 6, 0) in grid.merges()
    assert sum(grid.widths) == pytest.approx(170, abs=0.5)


def test_nested_budget_leaf_stays_among_the_indicators(write):
    """A budget row under a parent (as 评价报告 trees have it) is shown in the block and also
    in its place among the indicators."""
    result = scored(
        write,
        """
        perfscore: 1
        project: {name: 嵌套}
        indicators:
          - name: 过程
            children:
              - {name: 预算执行率, points: 10, rule: execution, budget: 10, spent: 10}
              - {name: 制度, points: 90, score: 80}
        """,
    )
    form = self_evaluation_form(
        result,
    )
    assert [row[2] for row in form.indicators.texts()][1:3] == ["预算执行率", "制度"]
    assert form.head.texts()[2][6:] == ["100.00%", "10.00"]


@pytest.mark.parametrize(
    "key", ["目标实际完成情况", "年度总体目标完成情况", "实际完成情况", "goal_achieved"]
)
def test_goal_rows_read_every_achieved_key(write, key):
    """目标实际完成情况 reads any of its keys, 年度总体目标完成情况 (the heading some sheets print,
    the key import writes) among them; 年初预期目标 reads 年度总体目标."""
    result = scored(
        write, BASE.format(project=f"kind: 部门自评, 年度总体目标: 培训干部, {key}: 已培训 47 人")
    )
    form = self_evaluation_form(result)
    goal = form.head.section(form.goal_rows).texts()
    assert goal == [
        ["年度总体目标", "年初预期目标", "目标实际完成情况"],
        ["", "培训干部", "已培训 47 人"],
    ]
