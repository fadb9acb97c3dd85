"""The CSV report's cells where they are not plain numbers (the golden files hold the rest)."""

from __future__ import annotations

import csv
import io

from . import captured_part


def rows(cli, path) -> list[list[str]]:
    result = cli("report", path, "-f", "csv")
    assert result.exit_code == 0, result.stderr
    return list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff"))))


def test_a_sheet_captured_in_part(cli, write):
    """Path, 分值, 得分, 得分率, 失分, 失分排序 of every node: a part not captured scores 未录入
    (its 分值 ? when not printed), a sum above it ≥, their rate and 失分 —; the known rows stay
    numbers. Ranking: 培训人数 30 − 26.67 = 3.33, 培训质量 2, 预算执行率 1."""
    table = rows(cli, write(captured_part.SHEET))
    assert [[row[0], *row[3:6], *row[11:13]] for row in table[1:]] == [
        ["预算执行率", "10", "9", "90.00", "1", "3"],
        ["产出指标", "70", "≥44.67", "—", "—", ""],
        ["产出指标/数量指标", "50", "≥26.67", "—", "—", ""],
        ["产出指标/数量指标/培训人数", "30", "26.67", "88.90", "3.33", "1"],
        ["产出指标/数量指标/培训天数", "20", "未录入", "—", "—", ""],
        ["产出指标/质量指标", "20", "18", "90.00", "2", ""],
        ["产出指标/质量指标/培训质量", "20", "18", "90.00", "2", "2"],
        ["满意度指标", "?", "未录入", "—", "—", ""],
    ]
    explain = {row[0]: row[10] for row in table[1:]}
    assert explain["产出指标/数量指标/培训天数"] == captured_part.NOT_CAPTURED_DAYS
    assert explain["产出指标/质量指标/培训质量"] == "分值为推定（原表未印出）；评价得分 18"


def test_points_of_a_parent_over_a_part_without_points(cli, write):
    """A parent over a part that prints no 分值: its points are a lower bound, ≥30."""
    path = write(
        "perfscore: 1\nproject: {name: 分值不明}\nindicators:\n"
        "  - name: 产出\n    children:\n"
        "      - {name: 甲, points: 30, score: 30}\n"
        "      - {name: 乙, captured: false}\n"
        "  - {name: 效益, points: 50, score: 43}\n"
    )
    table = rows(cli, path)
    assert [row[0:1] + row[3:6] for row in table[1:]] == [
        ["产出", "≥30", "≥30", "—"],
        ["产出/甲", "30", "30", "100.00"],
        ["产出/乙", "?", "未录入", "—"],
        ["效益", "50", "43", "86.00"],
    ]
