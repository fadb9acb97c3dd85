"""The published cases of ../shared/seed, reproduced node by node from their data."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from perfscore import load_evaluation as load
from perfscore import score
from perfscore.rules.execution import score_execution

from .conftest import EXAMPLES

# Seed 03, “一人一档、一企一档”建设项目绩效评价得分情况表 and the tables of 指标分析:
# (path, 分值, 得分, 得分率 as printed).
YIRENYIDANG = [
    ("决策", 15, "13.5", "90"),
    ("决策/项目立项", 5, "5", None),
    ("决策/项目立项/立项依据充分性", 3, "3", "100"),
    ("决策/项目立项/立项程序规范性", 2, "2", "100"),
    ("决策/绩效目标", 4, "2.5", "62.5"),
    ("决策/绩效目标/绩效目标合理性", 2, "2", "100"),
    ("决策/绩效目标/绩效指标明确性", 2, "0.5", "25"),
    ("决策/资金投入", 6, "6", "100"),
    ("决策/资金投入/预算编制科学性", 3, "3", "100"),
    ("决策/资金投入/资金分配合理性", 3, "3", "100"),
    ("过程", 25, "19.5", "78"),
    ("过程/资金管理", 10, "10", "100"),
    ("过程/资金管理/财政资金到位率", 3, "3", "100"),
    ("过程/资金管理/财政资金预算执行率", 3, "3", "100"),
    ("过程/资金管理/资金使用合规性", 4, "4", "100"),
    ("过程/组织实施", 15, "9.5", "63.33"),
    ("过程/组织实施/管理制度健全性", 5, "2.5", "50"),
    ("过程/组织实施/制度执行有效性", 5, "5", "100"),
    ("过程/组织实施/验收管理规范性", 5, "2", "40"),
    ("产出", 30, "22.33", "74.43"),
    ("产出/产出数量", 10, "6.33", "63.3"),
    ("产出/产出数量/实际完成率", 5, "5", "100"),
    ("产出/产出数量/系统培训完成率", 5, "1.33", "26.6"),
    ("产出/产出质量", 10, "6", "60"),
    ("产出/产出质量/项目验收通过率", 5, "5", "100"),
    ("产出/产出质量/应用场景质量", 5, "1", "20"),
    ("产出/产出时效", 5, "5", "100"),
    ("产出/产出时效/完成及时率", 5, "5", "100"),
    ("产出/产出成本", 5, "5", "100"),
    ("产出/产出成本/成本节约率", 5, "5", "100"),
    ("效益", 30, "23.16", "77.2"),
    ("效益/经济效益", 8, "5.57", "69.63"),
    ("效益/经济效益/降低了群众及企业的办事成本", 4, "1.83", "45.75"),
    ("效益/经济效益/优化营商环境", 4, "3.74", "93.5"),
    ("效益/社会效益", 8, "5.58", "69.75"),
    ("效益/社会效益/电子证照证明、数据资产采集上线、数据更新", 4, "1.86", "46.5"),
    ("效益/社会效益/数据安全性", 4, "3.72", "93"),
    ("效益/可持续影响", 8, "7.51", "93.88"),
    ("效益/可持续影响/电子证照数据共享应用", 4, "3.74", "93.5"),
    ("效益/可持续影响/提升政务数据质量", 4, "3.77", "94.25"),
    ("效益/满意度", 6, "4.5", "75"),
    ("效益/满意度/爱山东app用户满意度", 6, "4.5", "75"),
]


@pytest.fixture(scope="module")
def yirenyidang():
    return score(load(str(EXAMPLES / "yirenyidang-2023.yaml")))


def test_yirenyidang_total_and_grade(yirenyidang):
    """The finance bureau's evaluation: 78.49 points, rate 78.49%, grade 中."""
    assert yirenyidang.score == D("78.49")
    assert yirenyidang.rate == D("78.49")
    assert yirenyidang.grade == "中"
    assert yirenyidang.points == 100


@pytest.mark.parametrize("path, points, published, rate", YIRENYIDANG)
def test_yirenyidang_node_by_node(yirenyidang, path, points, published, rate):
    """Every node's points, score and rate equal the report's tables."""
    nodes = {r.node.path: r for r in yirenyidang.walk()}
    node = nodes[path]
    assert node.node.points == points
    assert node.score == D(published)
    if rate is not None:
        assert node.rate == D(rate)


def test_yirenyidang_tree_shape(yirenyidang):
    """The report's indicator system: 4 level-1, 13 level-2 and 25 level-3 indicators."""
    depths = [r.node.depth for r in yirenyidang.walk()]
    assert (depths.count(1), depths.count(2), depths.count(3)) == (4, 13, 25)
    assert len(YIRENYIDANG) == 4 + 13 + 25


def test_yirenyidang_computed_leaves(yirenyidang):
    """Leaves with data in the report are computed from it, not judged."""
    nodes = {r.node.path: r for r in yirenyidang.walk()}
    expected_rules = {
        "产出/产出数量/系统培训完成率": "positive",  # ≥30人次, 8人次 → 5 × 8/30 = 1.333 → 1.33
        "产出/产出成本/成本节约率": "positive",  # ≥0%, 0.18% → target 0, actual ≥ 0 → 5
        "过程/资金管理/财政资金预算执行率": "positive",  # ≥90%, 90% → 3
        "过程/资金管理/财政资金到位率": "equal",  # 112万元 of 112万元 → 3
        "产出/产出数量/实际完成率": "equal",
        "产出/产出质量/项目验收通过率": "equal",
        "产出/产出时效/完成及时率": "qualitative",
    }
    for path, rule in expected_rules.items():
        assert nodes[path].scored.rule == rule, path
    training = nodes["产出/产出数量/系统培训完成率"].scored
    assert training.explain == "实际 8人次 ÷ 目标 30人次 × 5 = 1.33"


def test_yirenyidang_every_published_value_checked(yirenyidang):
    """Every published score and rate is in the file as `reported` and agrees."""
    # 42 nodes + total; rates are printed for every node but 项目立项, and for the total.
    scores = [c for c in yirenyidang.checks if c.of == "score" and c.kind == "reported"]
    rates = [c for c in yirenyidang.checks if c.of == "rate" and c.kind == "reported"]
    assert len(scores) == 43
    assert len(rates) == 42
    assert all(c.ok for c in yirenyidang.checks)


def test_ganbu_peixun_self_evaluation():
    """Seed 02's 干部教育培训费 self-evaluation scores 100.00 from its cells."""
    result = score(load(str(EXAMPLES / "ganbu-peixun-2023.yaml")))
    assert result.score == D("100.00")
    assert result.grade == "优"
    leaves = {r.node.name: r for r in result.walk() if r.scored}
    assert leaves["预算执行率"].score == D("10.00")
    assert leaves["预算执行率"].scored.details["execution_rate"] == "100.00%"
    assert leaves["所需经费"].scored.rule == "reverse"  # ≤15 万元, 15 万元
    assert leaves["培训人数"].scored.rule == "positive"  # ≥45 人, 47 人
    assert leaves["培训质量"].scored.rule == "qualitative"  # 优, 优
    assert sum(r.node.points for r in leaves.values()) == 100
    assert all(c.ok for c in result.checks)


@pytest.mark.parametrize(
    "budget, spent, rate, points",
    [
        # Seed 01, 机关运行费用: 293.82 / 328.67 = 0.893966… → 89.40% → 8.94 of 10.
        ("328.67", "293.82", "89.40%", "8.94"),
        # Seed 01, 市民中心运行保障费: 666.88 / 671.33 = 0.993371… → 99.34% → 9.93 of 10.
        ("671.33", "666.88", "99.34%", "9.93"),
        # Seed 01 and 02, 干部教育培训费: 15 / 15 → 100.00% → 10.
        ("15", "15", "100.00%", "10.00"),
    ],
)
def test_seed01_execution_rates(budget, spent, rate, points):
    """The execution rates seed 01 publishes, and the 10-point scores they give."""
    scored = score_execution(D(budget), D(spent), D(10), 2)
    assert scored.details["execution_rate"] == rate
    assert scored.score == D(points)


# Published sheets from outside this repository, written as printed (the source is cited in
# each file's comment). `perfscore check` must list exactly each sheet's own contradictions,
# as (kind, path, what, printed, computed), and agree with everything else it can check.
AS_PRINTED = {
    # 宁夏 银川 2021: 自评得分 98, while the captured rows print 84 and the part not captured
    # is worth 10 (so 84–94); the 预算执行率 row prints 9 at 100% of 10 points.
    "yinchuan-chuzhong-gongyong-2021.yaml": (
        [
            ("sum", "", "score", "98", "84–94"),
            ("reported", "项目管理/投入管理/预算执行率", "score", "9", "10"),
        ],
        16,
        1,
    ),
    # 江西 上饶 2021: the budget row prints 分值 100 beside 执行率 100% and 得分 10.
    "shangrao-sifa-yewu-2021.yaml": ([("reported", "预算执行率", "points", "100", "10")], 6, 0),
    # 新疆 阜康 2023: every printed number of the budget block holds.
    "fukang-diaochadui-2023.yaml": ([], 5, 0),
    # 北京 海淀 2016: 154.74 ÷ 310.2 = 49.88% (printed 50%); 49.88…% × 10 = 4.99 (printed 5).
    "haidian-daolu-baojie-2016.yaml": (
        [
            ("reported", "预算执行率", "score", "5", "4.99"),
            ("reported", "预算执行率", "execution_rate", "50", "49.88"),
        ],
        5,
        1,
    ),
    # 宁夏 原州 2022: a 时效 row met (100 / 100) scored 9.34; a cost row under budget (36.2 of
    # 38.75, a ceiling) scored 9.34 = 36.2 ÷ 38.75 × 10 instead of full points.
    "yuanzhou-songcha-ruhu-2022.yaml": (
        [
            (
                "reported",
                "产出指标/时效指标（必填）/确定于于2022年12月底前发放完毕",
                "score",
                "9.34",
                "10",
            ),
            ("reported", "产出指标/成本指标（必填硬性指标）/38.75万元", "score", "9.34", "10"),
        ],
        4,
        0,
    ),
}


@pytest.mark.parametrize("name", AS_PRINTED)
def test_published_sheets_as_printed(cli, name):
    """Each published sheet: exactly its own contradictions, with printed and computed values;
    the other checks agree or, over parts not captured, cannot be made."""
    expected, compared, unverifiable = AS_PRINTED[name]
    result = cli("check", EXAMPLES / name, "--json", "-")
    assert result.exit_code == (3 if expected else 0)
    entry = json.loads(result.stdout)["files"][0]
    found = [
        (f["kind"], f["path"], f["of"], str(f["reported"]), str(f["expected"]))
        for f in entry["findings"]
    ]
    assert found == expected
    assert (entry["compared"], entry["unverifiable"]) == (compared, unverifiable)


def test_sheets_captured_in_part_have_no_grade(cli):
    """A sheet captured in part scores a lower bound and gets no grade, in every output."""
    path = EXAMPLES / "yinchuan-chuzhong-gongyong-2021.yaml"
    data = json.loads(cli("evaluate", path, "--json", "-").stdout)
    assert (data["partial"], data["grade"], data["next_grade"]) == (True, None, None)
    # the captured rows as perfscore scores them: 10 + 25 + 29 + 21 = 85 (the printed 84 has
    # the 预算执行率 row at 9)
    assert data["score"] == 85
    out = cli("evaluate", path).stdout
    assert "绩效评价得分：≥85.00 分（部分内容未能录入，总分只是下限，不评定等级）" in out
