"""A sheet captured in part (docs/format.md §1a), and its cells as every report format shows them.

The renderers' tests (tests/test_render_*.py) write it in each format and layout and compare
the cells with these, which are worked out by hand:

* 预算执行率: 90 ÷ 100 = 90.00% → 0.9 × 10 = 9;
* 培训人数: 30 × 40 ÷ 45 = 26.666… → 26.67, a rate of 26.67 ÷ 30 = 88.90%;
* 培训天数: not captured, 20 points printed: 分值 20, 得分 未录入, 得分率 —;
* 数量指标: 50 points, a lower bound of 26.67 (培训天数 is missing): ≥26.67, rate —;
* 培训质量: 18 of 20 inferred points (*): 90.00%; 质量指标 the same, 18 of 20;
* 产出指标: 30 + 20 + 20 = 70 points, a lower bound of 26.67 + 18 = ≥44.67, rate —;
* 满意度指标: not captured, no points printed: 分值 ?, 得分 未录入, 得分率 —;
* 合计 / 总分: the base 100 (no root points: 100), a lower bound of 9 + 44.67 = ≥53.67,
  rate —, no grade (—).
"""

from __future__ import annotations

SHEET = """\
perfscore: 1
project: {name: 部分录入, kind: 部门自评, 金额单位: 万元}
indicators:
  - {name: 预算执行率, points: 10, rule: execution, budget: 100, spent: 90}
  - name: 产出指标
    children:
      - name: 数量指标
        children:
          - {name: 培训人数, points: 30, target: ≥45人, actual: 40人, basis: 两期培训合并}
          - {name: 培训天数, points: 20, captured: false, note: 原表此格污损}
      - name: 质量指标
        children:
          - {name: 培训质量, points: 20, score: 18, inferred: true, basis: 部分课程评价一般}
  - name: 满意度指标
    captured: false
    note: 未能录入（分值不详）
"""

BUDGET_BASIS = "执行数 90 ÷ 预算数 100 = 90.00%，90.00% × 10 = 9"
NOT_CAPTURED_DAYS = "原表此处未能录入：原表此格污损"
NOT_CAPTURED_SATISFACTION = "原表此处未能录入：未能录入（分值不详）"

# 评价报告: 评价得分和等级 (the level-1 summary), below its header.
SUMMARY = [
    ["预算执行率", "10", "9", "90.00%"],
    ["产出指标", "70", "≥44.67", "—"],
    ["满意度指标", "?", "未录入", "—"],
    ["合计", "100", "≥53.67", "—"],
]

# 评价报告: 评价指标体系及得分情况, each slot's text (a merged cell's in its first slot).
TREE = [
    ["一级指标", "二级指标", "三级指标", "分值", "得分", "得分率", "评分依据"],
    ["预算执行率", "", "", "10", "9", "90.00%", BUDGET_BASIS],
    ["产出指标", "数量指标", "培训人数", "30", "26.67", "88.90%", "两期培训合并"],
    ["", "", "培训天数", "20", "未录入", "—", NOT_CAPTURED_DAYS],
    ["", "质量指标", "培训质量", "20*", "18", "90.00%", "部分课程评价一般"],
    ["满意度指标", "", "", "?", "未录入", "—", NOT_CAPTURED_SATISFACTION],
    ["合计", "", "", "100", "≥53.67", "—", ""],
]

# 自评表: the indicator table's header (its 绩效指标 label merged down the left), as seed 02
# prints it, then each slot's text.
FORM_HEADER = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值（A）"]
FORM_HEADER += ["实际完成指标值（B）", "分值", "得分", "偏差原因分析及改进措施"]
FORM = [
    FORM_HEADER,
    ["", "产出指标", "数量指标", "培训人数", "≥45人", "40人", "30", "26.67", "两期培训合并"],
    ["", "", "", "培训天数", "", "", "20", "未录入", NOT_CAPTURED_DAYS],
    ["", "", "质量指标", "培训质量", "", "", "20*", "18", "部分课程评价一般"],
    ["", "满意度指标", "", "", "", "", "?", "未录入", NOT_CAPTURED_SATISFACTION],
    ["总分", "", "", "", "", "", "100", "≥53.67", ""],
]

RESULT_LINE = "绩效评价得分：≥53.67 分（部分内容未能录入，总分只是下限，不评定等级）"
INFERRED_LINE = "* 分值为推定（原表未印出）"
