"""Sheets as printed: what the audit says it checked (issue 11 item 8): the same checks for
evaluate and check, "nothing to check", self-evaluation warnings only where they apply, and
the summary's mean over different bases."""

from __future__ import annotations

import json
import re
from decimal import Decimal as D

import pytest

from perfscore.errors import EXIT_OK

from .as_printed import audited, exported
from .conftest import EXAMPLES

# 52 ÷ 40 = 130.00%: over-achievement in a self-evaluation; 质量 3 of 5 without a basis.
LEAVES = """\
  - name: 产出
    children:
      - {name: 培训人数, points: 5, target: ≥40人次, actual: 52人次}
      - {name: 质量, points: 5, score: 3}
"""
OVER = "实际 52人次 为目标 40人次 的 130.00%，达到或超过 130%：年度指标值可能设置偏低，请说明原因"
NO_BASIS = "得分 3 低于满分 5，未说明偏差原因（basis）"


def evaluation(project: str, budget_row: bool = False) -> str:
    points = 20 if budget_row else 10
    row = (
        "  - {name: 预算执行率, points: 10, rule: execution, budget: 100, spent: 100}\n"
        if budget_row
        else ""
    )
    return f"perfscore: 1\nproject: {project}\npoints: {points}\nindicators:\n{row}{LEAVES}"


@pytest.mark.parametrize(
    "project, budget_row, expected",
    [
        # an evaluation report (绩效评价报告): its 评分依据 explain its lost points
        ("{name: 评价报告, kind: 财政评价}", False, []),
        ("{name: 评价报告, kind: 财政评价}", True, []),  # the kind decides, not the layout
        ("{name: 自评, kind: 项目支出绩效自评}", False, [("over_achievement", 7), ("no_basis", 8)]),
        ("{name: 自评, kind: 部门自评}", False, [("over_achievement", 7), ("no_basis", 8)]),
        # no kind: the self-evaluation layout (a budget row and targets) decides
        ("{name: 自评}", True, [("over_achievement", 8), ("no_basis", 9)]),
        ("{name: 无类型}", False, []),
    ],
)
def test_self_evaluation_warnings_only_for_self_evaluations(
    cli, write, project, budget_row, expected
):
    """The 130% and no-basis warnings apply to 自评 kinds, or, without a kind, to the self-evaluation layout."""
    export = exported(cli, write(evaluation(project, budget_row)))
    assert [(w["kind"], w["line"]) for w in export["warnings"]] == expected


def test_self_evaluation_warnings_are_located(cli, write):
    """Each warning line carries file:line: [path] like every other message."""
    path = write(evaluation("{name: 自评, kind: 部门自评}"))
    out = cli("evaluate", path, env={"COLUMNS": "400"}).stdout  # one warning a line
    lines = [line for line in out.splitlines() if "提示" in line]
    assert lines == [
        f"{path}:7: [产出/培训人数] 提示：{OVER}",
        f"{path}:8: [产出/质量] 提示：{NO_BASIS}",
    ]


def checks_counted_by_evaluate(stdout: str) -> int:
    match = re.search(r"核对报告值：(?:\d+ 项不一致（共 )?(\d+) 项", stdout)
    assert match, stdout
    return int(match.group(1))


@pytest.mark.parametrize(
    "example, n",
    [
        # 85 reported values and 60 comparisons of the published numbers among themselves
        ("yirenyidang-2023.yaml", 145),
        # 10 printed scores, the 总分 分值 and score, the 执行率, the budget row against its items
        ("ganbu-peixun-2023.yaml", 16),  # with the 总分 against the printed row scores
    ],
)
def test_evaluate_and_check_count_the_same_checks(cli, example, n):
    """evaluate's 核对报告值 and check's count agree, and match the JSON export's checks."""
    path = EXAMPLES / example
    assert checks_counted_by_evaluate(cli("evaluate", path).stdout) == n
    code, entry = audited(cli, path)
    assert (code, entry["compared"]) == (EXIT_OK, n)
    assert len(exported(cli, path)["checks"]) == n


def test_a_file_with_no_published_values_has_nothing_to_check(cli, write):
    """No reported value at all: "nothing to check", never 一致; check exits 0 and counts it apart."""
    path = write(
        "perfscore: 1\nproject: {name: 无报告值}\nindicators:\n  - {name: 产出, points: 100, score: 80}\n"
    )
    assert "文件未给出报告值（reported），没有可核对的数字" in cli("evaluate", path).stdout
    result = cli("check", path)
    assert result.exit_code == EXIT_OK
    assert f"{path}：未给出报告值，没有可核对的数字" in result.stdout
    assert "共 1 个文件：0 个一致，0 个不一致，1 个无可核对，0 个无法读取" in result.stdout
    assert "一致" not in result.stdout.splitlines()[0]


def test_the_summary_mean_over_different_bases_is_a_mean_rate(cli, write):
    """Files out of 95 and 110: no mean score, a mean 得分率 in words: (91.5789…% + 89.0909…%) ÷ 2 = 90.33%."""
    first = write(
        "perfscore: 1\nproject: {name: 九十五}\npoints: 95\nindicators:\n"
        "  - {name: 产出, points: 60, score: 55}\n  - {name: 效益, points: 35, score: 32}\n",
        "a.yaml",
    )  # 87 of 95
    second = write(
        "perfscore: 1\nproject: {name: 一百一十}\npoints: 110\nindicators:\n"
        "  - {name: 产出, points: 60, score: 58}\n  - {name: 效益, points: 50, score: 40}\n",
        "b.yaml",
    )  # 98 of 110
    result = cli("summary", first, second)
    assert result.exit_code == EXIT_OK
    # 87 ÷ 95 = 91.578947…%, 98 ÷ 110 = 89.090909…%; their mean 90.334928…% → 90.33%
    assert (
        "这些文件的满分不同（95、110 分），平均得分没有意义；平均得分率：90.33%（2 个项目）"
        in result.stdout
    )
    assert "平均得分：" not in result.stdout
    report = json.loads(cli("summary", first, second, "--json", "-").stdout, parse_float=D)
    assert (report["mean_rate"], report["bases"]) == (D("90.33"), [95, 110])


def test_the_summary_mean_on_one_base_is_a_mean_score(cli, write):
    """Files on one base keep the mean score: (80 + 85) ÷ 2 = 82.50."""
    files = [
        write(
            f"perfscore: 1\nproject: {{name: 项目{s}}}\nindicators:\n  - {{name: 产出, points: 100, score: {s}}}\n",
            f"{s}.yaml",
        )
        for s in (80, 85)
    ]
    out = cli("summary", *files).stdout
    assert "平均得分：82.50（2 个项目）" in out
    assert "平均得分率" not in out
