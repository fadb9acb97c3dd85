"""Each mistake of issue 2 item 3 gets one located line on stderr and exit code 1, never a traceback."""

from __future__ import annotations

import pytest

GOOD = """\
perfscore: 1
project:
  name: 测试项目
indicators:
  - name: 产出
    points: 10
    children:
      - name: 培训人数
        points: 5
        target: ≥30人次
        actual: 8人次
      - name: 应用场景质量
        points: 5
        score: 1
points: 10
"""

# (case, text replaced → replacement, expected line after "FILE")
CASES = [
    (
        "yaml_syntax",
        ("  name: 测试项目\n", "  name: [测试项目\n"),
        ":4: YAML 语法错误：did not find expected ',' or ']'",
    ),
    (
        "duplicate_key",
        ("        score: 1\n", "        score: 1\n        score: 2\n"),
        ":15: [产出/应用场景质量] 键“score”重复（第一次出现在第 14 行）",
    ),
    (
        "unknown_key",
        ("        score: 1\n", "        score: 1\n        socre: 2\n"),
        ":15: [产出/应用场景质量] 未知的键“socre”（是否想写“score”？）",
    ),
    (
        "leaf_without_points",
        ("        points: 5\n        score: 1\n", "        score: 1\n"),
        ":12: [产出/应用场景质量] 末级指标缺少分值 points",
    ),
    (
        "parent_points_sum",
        ("    points: 10\n", "    points: 12\n"),
        ":6: [产出] 分值 12 与下级指标分值之和 10 不符",
    ),
    (
        "score_above_points",
        ("        score: 1\n", "        score: 6\n"),
        ":14: [产出/应用场景质量] 得分 6 超过分值 5",
    ),
    (
        "score_below_zero",
        ("        score: 1\n", "        score: -0.5\n"),
        ":14: [产出/应用场景质量] 得分 -0.5 小于 0",
    ),
    (
        "no_scoring_form",
        ("        points: 5\n        score: 1\n", "        points: 5\n"),
        ":12: [产出/应用场景质量] 末级指标没有评分方式：请给出 score（评价打分）、target 与 actual（目标值与实际值）或 rule 之一",
    ),
    (
        "two_scoring_forms",
        ("        actual: 8人次\n", "        actual: 8人次\n        score: 2\n"),
        ":12: [产出/培训人数] 定量指标的得分由目标值与实际值算出，不能再给 score",
    ),
    (
        "two_scoring_forms_rule",
        ("        score: 1\n", "        score: 1\n        budget: 5\n"),
        ":15: [产出/应用场景质量] 末级指标给出了两种评分方式（score + budget），只能有一种",
    ),
    (
        "units_mismatch",
        ("        actual: 8人次\n", "        actual: 8万元\n"),
        ":11: [产出/培训人数] 目标单位“人次”与实际单位“万元”不同，且无法换算",
    ),
    (
        "qualitative_unmet",
        (
            "        target: ≥30人次\n        actual: 8人次\n",
            "        target: 及时\n        actual: 基本及时\n",
        ),
        ":11: [产出/培训人数] 定性指标未达成：实际“基本及时”与目标“及时”不一致，须由评价人给出 score（及 level）",
    ),
    (
        "score_outside_level",
        ("        score: 1\n", "        score: 1\n        level: 部分达成\n"),
        ":14: [产出/应用场景质量] 得分 1 不在“部分达成”的区间 [3, 4) 内",
    ),
    (
        "precision_malformed",
        ("perfscore: 1\n", "perfscore: 1\nprecision: 2.5\n"),
        ":2: precision（小数位数）必须是 0 到 6 之间的整数，而不是“2.5”",
    ),
    (
        "grades_malformed",
        ("perfscore: 1\n", "perfscore: 1\ngrades:\n  - {grade: 优, min: 90}\n"),
        ":2: 等级表须有一档最低分为 0（否则低分无等级）",
    ),
    (
        "grades_entry",
        ("perfscore: 1\n", "perfscore: 1\ngrades:\n  - {grade: 优}\n  - {grade: 差, min: 0}\n"),
        ":3: grades 的每一项须为 {grade: 名称, min: 最低分}",
    ),
]


@pytest.mark.parametrize("command", ["validate", "evaluate"])
@pytest.mark.parametrize("case, change, expected", CASES, ids=[c[0] for c in CASES])
def test_bad_file(cli, write, command, case, change, expected):
    """The mistake is reported as `file:line: [path] message`, exit code 1."""
    old, new = change
    assert old in GOOD
    path = write(GOOD.replace(old, new, 1))
    result = cli(command, path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"{path}{expected}\n"
    assert "Traceback" not in result.output


def test_good_file_passes(cli, write):
    """The unmodified file is valid: OK, exit 0."""
    path = write(GOOD)
    result = cli("validate", path)
    assert result.exit_code == 0
    assert result.stdout == f"{path}: OK\n"


def test_all_problems_reported_at_once(cli, write):
    """Several mistakes in one file are all listed, each on its own line, in file order."""
    text = GOOD.replace("        score: 1\n", "        score: 6\n").replace(
        "        actual: 8人次\n", "        actual: 8人次\n        unit: 人\n"
    )
    path = write(text)
    result = cli("validate", path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{path}:12: [产出/培训人数] 未知的键“unit”",
        f"{path}:15: [产出/应用场景质量] 得分 6 超过分值 5",
    ]


def test_missing_file(cli, tmp_path):
    """A file that does not exist: one line, exit 1."""
    missing = tmp_path / "nope.yaml"
    result = cli("evaluate", missing)
    assert result.exit_code == 1
    assert result.stderr == f"{missing}: 找不到文件\n"


def test_other_files_still_scored(cli, write, tmp_path):
    """One bad file does not stop the others; the exit code says something failed."""
    good = write(GOOD, "good.yaml")
    bad = write(GOOD.replace("        score: 1\n", "        score: 6\n"), "bad.yaml")
    result = cli("evaluate", good, bad)
    assert result.exit_code == 1
    assert "绩效评价得分" in result.stdout
    assert result.stderr == f"{bad}:14: [产出/应用场景质量] 得分 6 超过分值 5\n"


@pytest.mark.parametrize(
    "leaf, expected",
    [
        ("{name: a, points: ~, score: 1}", "“points”不能为空"),
        ("{name: a, points: [1], score: 1}", "“points”必须是数字，而不是“列表”"),
        (
            "{name: a, points: 5, value: 3}",
            "键“value”属于规则 bands / deduction，须同时写明 rule（如 rule: bands）",
        ),
    ],
)
def test_number_slots_and_stray_rule_keys(cli, write, leaf, expected):
    """An empty or structured number, and a rule's key without its rule, each get a plain message."""
    path = write(f"perfscore: 1\nproject: {{name: x}}\nindicators:\n  - {leaf}\n")
    result = cli("validate", path)
    assert result.exit_code == 1
    assert result.stderr == f"{path}:4: [a] {expected}\n"
