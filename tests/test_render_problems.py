"""发现的问题 drafted from the lost points: by stage, most lost first, the basis word for word."""

from __future__ import annotations

from perfscore import load_evaluation, score
from perfscore.analysis import analyse
from perfscore.messages import set_language
from perfscore.render.problems import problem_sections, stage_heading

from .conftest import EXAMPLES


def sections_of(path):
    return problem_sections(analyse(score(load_evaluation(str(path)))))


def test_the_example_by_stage():
    """The 78.49 example: 决策 1 problem, 过程 2, 产出 2, 效益 7 — the 12 leaves that lost points."""
    sections = sections_of(EXAMPLES / "yirenyidang-2023.yaml")
    assert [(s.heading, len(s.problems)) for s in sections] == [
        ("（一）决策阶段存在的问题", 1),
        ("（二）过程阶段存在的问题", 2),
        ("（三）产出阶段存在的问题", 2),
        ("（四）效益阶段存在的问题", 7),
    ]
    benefit = [p.heading for p in sections[3].problems]
    # lost 2.17, 2.14, 1.5, 0.28, 0.26, 0.26 (tree order for the tie), 0.23
    assert benefit == [
        "1.降低了群众及企业的办事成本（失 2.17 分）",
        "2.电子证照证明、数据资产采集上线、数据更新（失 2.14 分）",
        "3.爱山东app用户满意度（失 1.5 分）",
        "4.数据安全性（失 0.28 分）",
        "5.优化营商环境（失 0.26 分）",
        "6.电子证照数据共享应用（失 0.26 分）",
        "7.提升政务数据质量（失 0.23 分）",
    ]
    # 6 points, 4.5 scored: 4.5 ÷ 6 = 75.00%
    assert sections[3].problems[2].text == (
        "该指标分值 6 分，评价得分 4.5 分，得分率 75.00%。问卷星收回有效问卷 61 份，整体满意度为 "
        "94.68%，依据评分规则得 4.5 分（评分规则报告未公布）。"
    )


def test_groups_that_are_not_stages_and_a_missing_basis(write):
    """A self-evaluation's 产出指标 is the 产出 stage; 满意度指标 is a 方面; a leaf without a basis
    says the basis is missing. Stages without a loss are left out of the numbering."""
    path = write("""
    perfscore: 1
    project: {name: 自评}
    indicators:
      - name: 成本指标
        children: [{name: 经费, points: 20, score: 20}]
      - name: 产出指标
        children: [{name: 人数, points: 40, score: 30, basis: 部分学员缺席}]
      - name: 满意度指标
        children: [{name: 满意度, points: 40, score: 36}]
    """)
    sections = sections_of(path)
    assert [s.heading for s in sections] == [
        "（一）产出阶段存在的问题",
        "（二）满意度指标方面存在的问题",
    ]
    assert (
        sections[0].problems[0].text
        == "该指标分值 40 分，评价得分 30 分，得分率 75.00%。部分学员缺席"
    )
    assert sections[1].problems[0].text.endswith("（文件未写评分依据 basis：请补充失分的原因。）")


def test_english_headings():
    """In English the stages are numbered (1), (2) … and the names stay as written."""
    set_language("en")
    assert stage_heading(3, "产出") == "(3) 产出: problems found"
    assert stage_heading(5, "满意度指标") == "(5) 满意度指标: problems found"


def test_nothing_lost():
    """A file that lost nothing has no problems to draft."""
    assert sections_of(EXAMPLES / "ganbu-peixun-2023.yaml") == []
