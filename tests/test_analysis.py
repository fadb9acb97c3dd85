"""Lost points and the next grade (perfscore.analysis), checked by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfscore.analysis import lost_points, next_grade
from perfscore.engine import score
from perfscore.validation import load_evaluation

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def yirenyidang():
    return score(load_evaluation(str(EXAMPLES / "yirenyidang-2023.yaml")))


def test_lost_points_of_the_78_49_example(yirenyidang):
    """The 12 leaves that lost points, ranked by hand from the published table (seed 03).

    分值 − 得分 for every leaf below full marks:
      应用场景质量 5 − 1 = 4 (产出)            系统培训完成率 5 − 1.33 = 3.67 (产出)
      验收管理规范性 5 − 2 = 3 (过程)          管理制度健全性 5 − 2.5 = 2.5 (过程)
      降低了群众及企业的办事成本 4 − 1.83 = 2.17 (效益)
      电子证照证明、数据资产采集上线、数据更新 4 − 1.86 = 2.14 (效益)
      绩效指标明确性 2 − 0.5 = 1.5 (决策)     爱山东app用户满意度 6 − 4.5 = 1.5 (效益)
      数据安全性 4 − 3.72 = 0.28              优化营商环境 4 − 3.74 = 0.26
      电子证照数据共享应用 4 − 3.74 = 0.26    提升政务数据质量 4 − 3.77 = 0.23
    Ties (1.5, 0.26) keep tree order. Sum: 21.51 = 100 − 78.49.
    """
    ranking = lost_points(yirenyidang)
    assert [(item.rank, item.name, item.group, item.lost) for item in ranking] == [
        (1, "应用场景质量", "产出", Decimal(4)),
        (2, "系统培训完成率", "产出", Decimal("3.67")),
        (3, "验收管理规范性", "过程", Decimal(3)),
        (4, "管理制度健全性", "过程", Decimal("2.5")),
        (5, "降低了群众及企业的办事成本", "效益", Decimal("2.17")),
        (6, "电子证照证明、数据资产采集上线、数据更新", "效益", Decimal("2.14")),
        (7, "绩效指标明确性", "决策", Decimal("1.5")),
        (8, "爱山东app用户满意度", "效益", Decimal("1.5")),
        (9, "数据安全性", "效益", Decimal("0.28")),
        (10, "优化营商环境", "效益", Decimal("0.26")),
        (11, "电子证照数据共享应用", "效益", Decimal("0.26")),
        (12, "提升政务数据质量", "效益", Decimal("0.23")),
    ]
    assert sum(item.lost for item in ranking) == Decimal("21.51") == 100 - yirenyidang.score
    assert ranking[0].basis.startswith("“一企一档”应用已入驻")


def test_next_grade_of_the_78_49_example(yirenyidang):
    """78.49 (中) → 良 needs 80: a gap of 80 − 78.49 = 1.51.

    The single leaf that lost most, 应用场景质量 (4 ≥ 1.51), closes it: one leaf.
    Alone enough (lost ≥ 1.51): 应用场景质量 4, 系统培训完成率 3.67, 验收管理规范性 3,
    管理制度健全性 2.5, 降低了群众及企业的办事成本 2.17, 电子证照证明… 2.14; not
    绩效指标明确性 or 满意度 (1.5 < 1.51).
    """
    answer = next_grade(yirenyidang)
    assert (answer.current, answer.grade, answer.min, answer.needed, answer.gap) == (
        "中",
        "良",
        Decimal(80),
        Decimal("80.00"),
        Decimal("1.51"),
    )
    assert not answer.top and answer.reachable
    assert [item.name for item in answer.leaves] == ["应用场景质量"]
    assert [item.name for item in answer.any_one] == [
        "应用场景质量",
        "系统培训完成率",
        "验收管理规范性",
        "管理制度健全性",
        "降低了群众及企业的办事成本",
        "电子证照证明、数据资产采集上线、数据更新",
    ]


def test_top_grade_has_no_next(cli):
    """The 100-point example is 优, the top band: no next grade, nothing lost."""
    result = score(load_evaluation(str(EXAMPLES / "ganbu-peixun-2023.yaml")))
    answer = next_grade(result)
    assert answer.top and answer.grade is None and answer.gap is None
    assert lost_points(result) == ()


TWO_LEAVES = """
perfscore: 1
project: {name: 测试}
indicators:
  - name: 甲
    points: 50
    children:
      - {name: a, points: 20, score: 15}
      - {name: b, points: 30, score: 27}
  - name: 乙
    points: 50
    children:
      - {name: c, points: 25, score: 22}
      - {name: d, points: 25, score: 24}
"""


def test_fewest_leaves_when_one_is_not_enough(write):
    """Total 15 + 27 + 22 + 24 = 88 (良); lost a 5, b 3, c 3, d 1.

    优 at 90: gap 2, one leaf (a, 5 ≥ 2). 优 at 96: gap 8 = a (5) + b (3), two leaves,
    b before c by tree order (both lost 3); no single leaf holds 8.
    """
    result = score(load_evaluation(str(write(TWO_LEAVES))))
    assert (result.score, result.grade) == (Decimal(88), "良")
    assert [item.name for item in next_grade(result).leaves] == ["a"]
    text = TWO_LEAVES.replace(
        "project: {name: 测试}",
        "project: {name: 测试}\ngrades: [{grade: 优, min: 96}, {grade: 良, min: 80},"
        " {grade: 差, min: 0}]",
    )
    result = score(load_evaluation(str(write(text, "high.yaml"))))
    answer = next_grade(result)
    assert (answer.grade, answer.gap) == ("优", Decimal(8))
    assert [item.name for item in answer.leaves] == ["a", "b"]
    assert answer.any_one == ()


def test_gap_on_a_base_other_than_100(write):
    """On a 50-point tree 良 (80 of 100) needs 40 of 50: total 38 → gap 2, one leaf (lost 7)."""
    text = """
    perfscore: 1
    project: {name: 五十分}
    indicators:
      - name: 甲
        points: 50
        children:
          - {name: a, points: 20, score: 13}
          - {name: b, points: 30, score: 25}
    points: 50
    """
    result = score(load_evaluation(str(write(text))))
    assert (result.score, result.grade) == (Decimal(38), "中")  # 38 / 50 = 76%
    answer = next_grade(result)
    assert (answer.needed, answer.gap) == (Decimal("40.00"), Decimal("2.00"))
    assert [item.name for item in answer.leaves] == ["a"]
