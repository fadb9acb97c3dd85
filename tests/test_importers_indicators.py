"""Indicator rows → the tree, in every layout (importers/indicators.py, table.py, funds.py)."""

from __future__ import annotations

from perfscore.importers import Table, import_file
from perfscore.load import parse

from .conftest import ROOT
from .sheets import LEVELS, imported_tree

DATA = ROOT / "tests" / "data" / "import"


def _tree(name: str) -> dict:
    (table,) = [t for t in import_file(str(DATA / name)).tables if isinstance(t, Table)][:1]
    return parse(table.text, name)


def _paths(nodes, prefix=""):
    for node in nodes:
        path = f"{prefix}/{node['name']}" if prefix else node["name"]
        yield path
        yield from _paths(node.get("children", []), path)


def test_merged_and_repeated_give_the_same_tree():
    """Seed 02 with merged 一级/二级 cells (and a 年度绩效指标 column) and with repeated ones: one tree."""
    merged, repeated = _tree("ganbu-merged.xlsx"), _tree("ganbu-repeated.xlsx")
    assert list(_paths(merged["indicators"])) == list(_paths(repeated["indicators"]))
    assert "产出指标/数量指标/培训天数" in list(_paths(merged["indicators"]))
    assert len(merged["indicators"][2]["children"]) == 3  # 产出指标: 数量, 时效, 质量 (数量 once)


def test_cells_as_printed():
    """Broken and spaced cells joined; parents without printed points have none."""
    ganbu = _tree("ganbu-merged.pdf")
    cost = ganbu["indicators"][1]
    assert "points" not in cost and "points" not in cost["children"][0]
    leaf = cost["children"][0]["children"][0]
    assert (leaf["target"], leaf["actual"], str(leaf["points"]), str(leaf["reported"])) == (
        "≤15 万元",
        "15 万元",
        "10",
        "10",
    )
    shequ = _tree("shequ-long.xlsx")
    assert shequ["indicators"][1]["children"][0]["children"][0]["target"] == "≤1500元/人"


def test_budget_block():
    """The 项目资金 block: amounts, the printed 执行率 and 得分, its 其中 rows, nothing dropped."""
    budget = _tree("ganbu-merged.xlsx")["indicators"][0]
    assert (budget["name"], budget["rule"], str(budget["points"])) == (
        "预算执行率",
        "execution",
        "10",
    )
    assert (budget["reported_rate"], str(budget["reported"])) == ("100.00%", "10.00")
    assert [item["name"] for item in budget["items"]] == [
        "当年财政拨款",
        "上年结转资金",
        "其他资金",
    ]
    assert budget["note"] == "当年财政拨款 一行另印 执行率 100.00%"
    shequ = _tree("shequ-national.xlsx")["indicators"][0]
    assert shequ["note"] == "上年结转资金 一行各金额为空；其他资金 一行各金额为空"


def test_national_columns_joined():
    """计算符号 | 指标值 | 计量单位 → ≥800人, the bare actual takes the unit; other columns into note."""
    shequ = _tree("shequ-national.xlsx")
    leaf = shequ["indicators"][2]["children"][0]["children"][0]
    assert (leaf["name"], leaf["target"], leaf["actual"]) == ("服务老年人数", "≥800人", "680人")
    assert leaf["note"] == "扣减分数：1.5；完成情况简要描述：部分完成"
    timely = shequ["indicators"][2]["children"][2]["children"][0]
    assert (timely["target"], timely["actual"], str(timely["score"])) == (
        "及时",
        "部分月份延迟发放",
        "7",
    )


def test_project_block():
    """项目名称, 主管部门, 实施单位, the year, the unit and 年度总体目标 from their labels."""
    project = _tree("ganbu-merged.pdf")["project"]
    assert dict(project) == {
        "name": "干部教育培训费",
        "department": "枣庄市行政审批服务局",
        "实施单位": "枣庄市行政审批服务局",
        "year": 2023,
        "金额单位": "万元",
        "年度总体目标": "通过开展干部教育培训，提升干部水平和能力。",
        "年度总体目标完成情况": "通过开展干部教育培训，提升干部水平和能力。",
    }


def test_rollup_read():
    """The 汇总表's rows: name, listed score, the row it is on."""
    (rollup,) = import_file(str(DATA / "rollup-disagrees.xlsx")).rollups
    assert [(r.name, str(r.score), r.row) for r in rollup.rows] == [
        ("机关运行费用", "98.82", 4),
        ("市民中心运行保障费用", "97.59", 5),
        ("干部教育培训费", "100", 6),
    ]


def _book(tmp_path, rows: list[tuple]) -> dict:
    return imported_tree(tmp_path / "s.xlsx", rows)


FUNDS = ("项目资金", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")


def test_budget_row_printed_again_among_the_indicators_is_one_leaf(tmp_path):
    """A block, and 项目管理/投入管理/预算执行率 printing its 分值 10 and 得分 9 (银川's
    template): one leaf in its place, scored by the block (64.8 ÷ 64.8 = 100%, 10); the
    block's other 得分 (10) is noted, the 总分 counts the leaf once: 10 + 90 = 100 points."""
    tree = _book(
        tmp_path,
        [
            ("项目名称", "初中公用经费"),
            FUNDS,
            ("", "年度资金总额", 64.8, 64.8, 64.8, 10, "100%", 10),
            LEVELS,
            ("项目管理", "投入管理", "预算执行率", "", "", 10, 9),
            ("项目产出", "数量指标", "保障人数", "2370人", "2370人", 90, 90),
            ("总分", "", "", "", "", 100, 99),
        ],
    )
    assert [node["name"] for node in tree["indicators"]] == ["项目管理", "项目产出"]
    leaf = dict(tree["indicators"][0]["children"][0]["children"][0])
    assert {key: str(value) for key, value in leaf.items()} == {
        "name": "预算执行率",
        "points": "10",
        "rule": "execution",
        "budget_initial": "64.8",
        "budget": "64.8",
        "spent": "64.8",
        "reported_rate": "100%",
        "reported": "9",
        "note": "项目资金块另印 得分 10",
    }


def test_block_reason_row_is_the_budget_row_basis(tmp_path):
    """The block's 偏差原因分析及改进措施 row (the 自评表 form's last block row) is the basis of
    the budget row, not a 其中 row."""
    tree = _book(
        tmp_path,
        [
            ("项目名称", "社区居家养老服务补助"),
            FUNDS,
            ("", "年度资金总额", "", 120, 102.6, 10, 0.855, 8.55),
            ("", "偏差原因分析及改进措施", "部分服务合同年底未结算，资金结转下年支付。"),
            LEVELS,
            ("产出", "数量", "服务人数", "≥800人", "800人", 90, 90),
            ("总分", "", "", "", "", 100, 98.55),
        ],
    )
    budget = dict(tree["indicators"][0])
    assert budget["basis"] == "部分服务合同年底未结算，资金结转下年支付。"
    assert "items" not in budget and "note" not in budget


def test_rows_after_the_total_are_notes_and_report_sentences_are_not(tmp_path):
    """After 总分: the grade row, then a 填表人 line (the sheet's: the root note) and the
    sentences perfscore's report derives from its table (the total, a warning: left out)."""
    tree = _book(
        tmp_path,
        [
            ("项目名称", "x"),
            LEVELS,
            ("产出", "数量", "培训人数", "≥45人", "47人", 100, 100),
            ("总分", "", "", "", "", 100, 100),
            ("评价等级", "", "", "", "", "优"),
            ("填表人：张三　联系电话：1234",),
            ("绩效评价得分：100.00 分　评价结果等级：优",),
            ("提示：产出/数量/培训人数：得分 9 低于满分 10，未说明偏差原因（basis）",),
        ],
    )
    assert tree["reported_grade"] == "优"
    assert tree["note"] == "填表人：张三　联系电话：1234"


def test_a_tree_of_one_level(tmp_path):
    """一级指标 | 分值 | 得分 | 得分率 | 评分依据 (a report of a one-level tree) is an indicator
    table: each row a level-1 leaf."""
    tree = _book(
        tmp_path,
        [
            ("x得分情况表",),
            ("一级指标", "分值", "得分", "得分率", "评分依据"),
            ("预算执行率", 10, 10, "100%", "执行数 1.96 ÷ 预算数 1.96 = 100.00%"),
            ("产出", 90, 80, "88.89%", "部分完成"),
            ("合计", 100, 90),
        ],
    )
    assert tree["project"]["name"] == "x"
    assert [(n["name"], str(n["points"]), str(n["score"])) for n in tree["indicators"]] == [
        ("预算执行率", "10", "10"),
        ("产出", "90", "80"),
    ]
