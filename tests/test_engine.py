"""Tree roll-up, rounding, rates and grades (format.md §1, rules.md §1–2)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from perfscore import load_evaluation, score
from perfscore.engine import grade_for
from perfscore.model import DEFAULT_GRADES


@pytest.mark.parametrize(
    "total, grade",
    [
        ("100", "优"),
        ("90", "优"),
        ("89.99", "良"),
        ("89.995", "良"),
        ("80", "良"),
        ("79.99", "中"),
        ("60", "中"),
        ("59.99", "差"),
        ("0", "差"),
    ],
)
def test_default_grades(total, grade):
    """优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below; lower bound inclusive."""
    assert grade_for(D(total), DEFAULT_GRADES) == grade


def tree(write, leaves, precision=None, grades=None, extra=""):
    lines = ["perfscore: 1", "project: {name: 测试}"]
    if precision is not None:
        lines.append(f"precision: {precision}")
    if grades:
        lines.append("grades:")
        lines += [f"  - {{grade: {g}, min: {m}}}" for g, m in grades]
    lines.append(extra)
    lines.append("indicators:")
    lines.append("  - name: 一级")
    lines.append("    children:")
    for i, (points, score_) in enumerate(leaves):
        lines.append(f"      - {{name: 指标{i}, points: {points}, score: {score_}}}")
    lines.append(f"points: {sum(D(points) for points, _ in leaves)}")  # the tree's own base
    return score(load_evaluation(str(write("\n".join(lines)))))


def test_total_89995_is_not_90(write):
    """At precision 3 a total of 89.995 stays 89.995 and grades 良, not 优."""
    result = tree(write, [("50", "50"), ("50", "39.995")], precision=3)
    assert result.score == D("89.995")
    assert result.grade == "良"
    assert result.rate == D("90.00")  # the rate is rounded for display only


def test_leaf_rounded_once_then_summed(write):
    """Leaves round HALF_UP to the precision; parents add the rounded scores."""
    # 1.005 → 1.01 and 2.115 → 2.12 (HALF_UP); parent 3.13 (not round(3.12) of the raw sum)
    result = tree(write, [("5", "1.005"), ("5", "2.115")])
    assert [leaf.score for leaf in result.indicators[0].children] == [D("1.01"), D("2.12")]
    assert result.score == D("3.13")
    assert result.rate == D("31.30")


def test_rate_rounding(write):
    """得分率 = score / points × 100, HALF_UP to 2 places: 2/3 → 66.67%."""
    result = tree(write, [("3", "2")])
    assert result.rate == D("66.67")


def test_custom_grades(write):
    """Older systems: 优 ≥ 80, 良 ≥ 70, 中 ≥ 60, 差 < 60, from the file."""
    grades = [("优", 80), ("良", 70), ("中", 60), ("差", 0)]
    assert tree(write, [("100", "80")], grades=grades).grade == "优"
    assert tree(write, [("100", "79.99")], grades=grades).grade == "良"
    # order in the file does not matter
    assert tree(write, [("100", "65")], grades=list(reversed(grades))).grade == "中"


def test_grade_on_other_base(write):
    """A tree worth 50 points is graded on its share of 100: 45 of 50 is 优."""
    assert tree(write, [("50", "45")]).grade == "优"
    assert tree(write, [("50", "44.99")]).grade == "良"


def test_checks_compare_at_precision(write):
    """A reported value agrees when it equals the computed one (13.5 = 13.50)."""
    result = tree(write, [("15", "13.5")], extra="reported: 13.50\nreported_rate: 90")
    assert [(c.kind, c.path, c.of, c.ok) for c in result.checks] == [
        ("reported", "", "score", True),
        ("reported", "", "rate", True),
        ("rate", "", "rate", True),  # the published rate is the published score ÷ 15
    ]
    result = tree(write, [("15", "13.5")], extra="reported: 13.49")
    (check,) = result.checks
    assert not check.ok and check.difference == D("0.01")


def test_score_without_warnings_is_the_same_result(write):
    """score(warnings=False), as batch rows use it, gives the same scores, rates, grade and
    checks, and no warnings (this self-evaluation has three: 59 ÷ 45 ≥ 130%, then 覆盖率 and
    其他 below full without basis)."""
    path = write(
        "perfscore: 1\n"
        "project: {name: 测试, kind: 部门自评}\n"
        "reported: 65.33\n"
        "indicators:\n"
        "  - {name: 培训人数, points: 10, target: ≥45人, actual: 59人}\n"
        "  - {name: 覆盖率, points: 30, target: ≥80%, actual: 60%}\n"
        "  - {name: 其他, points: 60, score: 50}\n"
    )
    evaluation = load_evaluation(str(path))
    full, lean = score(evaluation), score(evaluation, warnings=False)
    assert len(full.warnings) == 3 and lean.warnings == ()
    # 10 + 30 × 60 / 80 = 22.5 + 50 = 82.5; the published 65.33 disagrees
    assert (lean.score, lean.rate, lean.grade) == (D("82.50"), D("82.50"), "良")
    assert (lean.score, lean.rate, lean.grade, lean.indicators, lean.checks) == (
        full.score,
        full.rate,
        full.grade,
        full.indicators,
        full.checks,
    )
