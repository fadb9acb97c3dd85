"""Indicator rows → the tree, in every layout (importers/indicators.py, table.py, funds.py)."""

from __future__ import annotations

from perfscore.importers import Table, import_file
from perfscore.load import parse

from .conftest import ROOT

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
