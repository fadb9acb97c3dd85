"""Sheets as printed: the base and the printed maxima (docs/format.md §1a `points` at the root, `reported_points`)."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from perfscore.errors import EXIT_DISAGREE, EXIT_INPUT, EXIT_OK

from .as_printed import audited, checks, exported, findings, node, report_text

# Level-1 points 15 + 20 + 30 + 30 = 95, scores 15 + 20 + 27 + 25 = 87.
NINETY_FIVE = """\
perfscore: 1
project: {name: 九十五分的表}
indicators:
  - {name: 决策, points: 15, score: 15}
  - {name: 过程, points: 20, score: 20}
  - {name: 产出, points: 30, score: 27}
  - {name: 效益, points: 30, score: 25}
"""
BASE_MISMATCH = (
    "一级指标分值之和为 95，与满分 100 不符：满分不是 100 时请在顶层写明 points: 95；"
    "照录原表时请写 reported_points（原表总分行的分值），以便核对"
)


def test_points_adding_to_95_are_refused(cli, write):
    """Level-1 points adding up to 95 with no stated base: validate, evaluate and check refuse it, naming both sums."""
    path = write(NINETY_FIVE)
    for command in ("validate", "evaluate"):
        result = cli(command, path)
        assert result.exit_code == EXIT_INPUT
        assert result.stdout == ""  # no "OK", no 87.00 graded 优
        # line 3: the `indicators` key; the root has no indicator path
        assert result.stderr.strip() == f"{path}:3: {BASE_MISMATCH}"
    result = cli("check", path)
    assert result.exit_code == EXIT_INPUT
    assert f"{path}:3: {BASE_MISMATCH}" in result.stderr
    assert "0 个一致，0 个不一致，0 个无可核对，1 个无法读取" in result.stdout


def test_a_stated_base_is_graded_on_its_rate(cli, write):
    """points: 95 states the base: 87 of 95 is 91.58%, graded 优 (87 out of 100 would be 良), said in words."""
    path = write(NINETY_FIVE + "points: 95\n")
    export = exported(cli, path)
    # 87 ÷ 95 × 100 = 91.5789… → 91.58 (HALF_UP); 91.58 ≥ 90 → 优
    assert (export["points"], export["score"], export["rate"]) == (95, 87, D("91.58"))
    assert export["grade"] == "优"
    out = cli("evaluate", path).stdout
    assert "绩效评价得分：87.00 分　评价结果等级：优" in out
    assert "本评价满分 95 分（不是 100 分）：得分率 91.58%，等级按得分率评定" in out


def test_a_stated_base_the_level1_points_miss_is_refused(cli, write):
    """points: 100 over level-1 points adding up to 95 is refused at `points`, naming both sums."""
    path = write(NINETY_FIVE + "points: 100\n")
    result = cli("validate", path)
    assert result.exit_code == EXIT_INPUT
    assert result.stderr.strip() == f"{path}:8: 总分值 100 与一级指标分值之和 95 不符"


def test_a_base_of_100_is_not_announced(cli, write):
    """A tree out of 100 gets no sentence about its base."""
    path = write(NINETY_FIVE.replace("points: 20", "points: 25"))  # 15 + 25 + 30 + 30 = 100
    assert "本评价满分" not in cli("evaluate", path).stdout


@pytest.mark.parametrize("fmt", ["md", "html", "xlsx"])
def test_the_base_is_said_in_words_in_the_reports(cli, write, tmp_path, fmt):
    """The Markdown, HTML and XLSX reports say that the tree is out of 95 and graded on its rate."""
    text = report_text(cli, write(NINETY_FIVE + "points: 95\n"), fmt, tmp_path)
    assert "本评价满分 95 分（不是 100 分）：得分率 91.58%，等级按得分率评定" in text


# A sheet that contradicts itself in its maxima: the 总分 row prints 分值 100 and 产出 prints
# 50, while 产出's rows are worth 30 + 30 = 60, so the rows add up to 60 + 50 = 110.
TRANSCRIPTION = """\
perfscore: 1
project: {name: 照录的总分}
reported_points: 100
reported: 98
indicators:
  - name: 产出
    reported_points: 50
    reported: 58
    children:
      - {name: 数量, points: 30, score: 30}
      - {name: 质量, points: 30, score: 28}
  - {name: 效益, points: 50, score: 40, reported_points: 50, reported: 40}
"""


def test_a_transcription_takes_the_level1_sum_as_its_base(cli, write):
    """reported_points at the root: the base is 60 + 50 = 110, not 100; 98 of 110 is 89.09%, 良."""
    export = exported(cli, write(TRANSCRIPTION))
    # 30 + 28 = 58, 58 + 40 = 98; 98 ÷ 110 × 100 = 89.0909… → 89.09; 80 ≤ 89.09 < 90 → 良
    assert (export["points"], export["score"], export["rate"]) == (110, 98, D("89.09"))
    assert export["grade"] == "良"
    assert export["reported_points"] == 100
    assert node(export, "产出")["points"] == 60
    assert node(export, "产出")["reported_points"] == 50


def test_printed_maxima_that_disagree_are_findings_of_check(cli, write):
    """check exits 3 and lists the printed 分值 against the computed ones, with path and values."""
    path = write(TRANSCRIPTION)
    code, entry = audited(cli, path)
    assert code == EXIT_DISAGREE
    assert findings(entry) == [
        ("reported", "", "points", "100", "110"),  # 总分 分值 100; rows 60 + 50 = 110
        ("reported", "产出", "points", "50", "60"),  # 产出 分值 50; its rows 30 + 30 = 60
        ("over", "产出", "score", "58", "50"),  # the printed 58 exceeds the printed 50
    ]
    # checks: root score, points, sum of scores (98 = 58 + 40), sum of points (100 = 50 + 50);
    # 产出 score, points, over; 效益 score, points: 9 in all
    assert entry["compared"] == 9
    out = cli("check", path).stdout
    assert f"{path}：3 项不一致（共核对 9 项）" in out


def test_printed_maxima_that_disagree_are_shown_by_evaluate(cli, write):
    """evaluate marks the printed 分值 beside the computed one and counts the same checks as check."""
    path = write(TRANSCRIPTION)
    result = cli("evaluate", path)
    assert result.exit_code == EXIT_OK
    assert "60 ≠报告 50" in result.stdout
    assert "110 ≠报告 100" in result.stdout
    assert "核对报告值：3 项不一致（共 9 项）" in result.stdout


def test_printed_maxima_are_checks_in_the_json_export(cli, write):
    """The JSON checks carry the printed 分值 with kind and of, agreeing or not."""
    rows = checks(exported(cli, write(TRANSCRIPTION)))
    assert ("reported", "", "points", "100", "110", False) in rows
    assert ("sum", "", "points", "100", "100", True) in rows  # 100 = 50 + 50 as printed
    assert ("reported", "产出", "points", "50", "60", False) in rows
    assert ("reported", "效益", "points", "50", "50", True) in rows


def test_printed_maxima_count_in_the_summary(cli, write):
    """The 汇总表 counts the 3 disagreements among its 9 checks."""
    path = write(TRANSCRIPTION)
    result = cli("summary", path, "--json", "-")
    project = json.loads(result.stdout)["projects"][0]
    assert (project["checks"], project["disagreements"]) == (9, 3)


def test_printed_maxima_that_agree(cli, write):
    """A 总分 分值 of 100 over rows worth 100 is one more check that agrees: exit 0."""
    path = write(
        "perfscore: 1\nproject: {name: 一致}\nreported_points: 100\nindicators:\n"
        "  - {name: 产出, points: 60, score: 50, reported_points: 60}\n"
        "  - {name: 效益, points: 40, score: 40, reported_points: 40}\n"
    )
    code, entry = audited(cli, path)
    assert code == EXIT_OK
    # root points 100 = 100, root sum 100 = 60 + 40, 产出 60 = 60, 效益 40 = 40
    assert (entry["compared"], entry["findings"]) == (4, [])


def test_a_leaf_printed_maximum(cli, write):
    """reported_points on a leaf: 4 printed for 5 points is a finding, and a printed 5 above it another."""
    path = write(
        "perfscore: 1\nproject: {name: 末级分值}\npoints: 10\nindicators:\n"
        "  - {name: 数量, points: 5, score: 5, reported_points: 4, reported: 5}\n"
        "  - {name: 质量, points: 5, score: 4, reported_points: 5, reported: 4}\n"
    )
    code, entry = audited(cli, path)
    assert code == EXIT_DISAGREE
    assert findings(entry) == [
        ("reported", "数量", "points", "4", "5"),
        ("over", "数量", "score", "5", "4"),  # printed score 5 above printed 分值 4
    ]


def test_next_grade_on_another_base_names_the_points_it_needs(cli, write):
    """On a 110-point tree 优 needs 99 points: the next-grade line does not say "≥ 90 分" beside 99."""
    out = cli("evaluate", write(TRANSCRIPTION)).stdout
    # 90% of 110 = 99; 99 − 98 = 1
    assert "还差 1 分：总分须达到 99.00 分。" in out
    assert "（≥ 90 分）" not in out  # 90 分 is the band on 100 points, not on 110
