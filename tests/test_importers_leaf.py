"""One leaf row → its node (importers/leaf.py): the scoring form, parts not captured, the rest."""

from __future__ import annotations

from pathlib import Path

from .sheets import LEVELS, imported_tree


def _leaves(tmp_path: Path, *rows: tuple) -> list[dict]:
    """The leaves imported from a sheet: 项目名称, the header, ``rows``, 总分."""
    rows_all = [("项目名称", "测试项目"), LEVELS, *rows, ("总分",)]
    tree = imported_tree(tmp_path / "s.xlsx", rows_all)

    def walk(nodes):
        for node in nodes:
            yield from walk(node["children"]) if "children" in node else [node]

    return [dict(leaf) for leaf in walk(tree["indicators"])]


def _keys(leaf: dict) -> dict:
    return {key: str(value) for key, value in leaf.items()}


def test_met_word_target_scored_inside_the_met_tier_keeps_the_evaluator_score(tmp_path):
    """符合要求 met, 5 points: 4 is in 达成 [0.8 × 5 = 4, 5] → score 4 (and reported); 3 is
    below it → reported only (a finding); 5 is full points → reported only."""
    leaves = _leaves(
        tmp_path,
        ("产出", "质量", "a", "符合要求", "符合要求", 5, 4),
        ("", "", "b", "符合要求", "符合要求", 5, 3),
        ("", "", "c", "符合要求", "符合要求", 5, 5),
    )
    assert [(leaf.get("score"), leaf.get("reported")) for leaf in leaves] == [
        (4, 4),
        (None, 3),
        (None, 5),
    ]


def test_a_score_beside_only_an_actual_is_judged_and_the_actual_noted(tmp_path):
    """实际完成值 93.44% without a 年度指标值, 得分 3.74: judged, the lone value in the note."""
    (leaf,) = _leaves(tmp_path, ("效益", "经济效益", "优化营商环境", "", "93.44%", 4, 3.74))
    assert _keys(leaf) == {
        "name": "优化营商环境",
        "points": "4",
        "score": "3.74",
        "note": "实际完成值：93.44%",
    }


def test_not_captured_said_by_the_score_cell(tmp_path):
    """得分 未录入 (perfscore's report): captured: false; a ? 分值 is unknown, a number is
    kept; the note is what follows 原表此处未能录入：."""
    leaves = _leaves(
        tmp_path,
        ("效益", "满意度", "", "", "", "?", "未录入", "原表此处未能录入：原表止于“学生和老”"),
        ("产出", "数量", "", "", "", 10, "未录入", "原表此处未能录入"),
    )
    assert [_keys(leaf) for leaf in leaves] == [
        {"name": "满意度", "captured": "False", "note": "原表止于“学生和老”"},
        {"name": "数量", "captured": "False", "points": "10"},
    ]


def test_not_captured_said_by_the_basis(tmp_path):
    """The 得分情况表 prints 0 and 0 beside 原表此处未能录入：…: captured: false, points unknown."""
    (leaf,) = _leaves(tmp_path, ("效益指标", "", "", "", "", 0, 0, "原表此处未能录入：未能录入"))
    assert _keys(leaf) == {"name": "效益指标", "captured": "False", "note": "未能录入"}


def test_a_row_with_nothing_to_score_is_not_captured(tmp_path):
    """No target, no actual, no score: captured: false with the importer's own note."""
    (leaf,) = _leaves(tmp_path, ("产出", "数量", "培训人数", "", "", 10, ""))
    assert leaf["captured"] is False
    assert leaf["note"] == "原表此处未印出指标值、实际完成值和得分，无法评分"
