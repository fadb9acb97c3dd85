"""perfscore check: the audit of published numbers (issue 6).

The crafted files in tests/data/check/ start from agree.yaml (every published
number agrees; its arithmetic is in its header) and each changes one number.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

import pytest

from perfscore.audit import audit
from perfscore.errors import EXIT_DISAGREE, EXIT_INPUT, EXIT_OK

from .conftest import EXAMPLES, ROOT

DATA = ROOT / "tests" / "data" / "check"


def findings(cli, *paths) -> tuple[int, dict]:
    result = cli("check", *paths, "--json", "-")
    return result.exit_code, json.loads(result.stdout, parse_float=Decimal)


def rows_of(report: dict, name: str) -> list[tuple]:
    entry = next(f for f in report["files"] if f["file"].endswith(name))
    return [
        (
            f["kind"],
            f["path"],
            f["of"],
            str(f["reported"]),
            str(f["expected"]),
            None if f["difference"] is None else str(f["difference"]),
        )
        for f in entry["findings"]
    ]


def test_examples_agree(cli):
    """Both published examples agree with every number they publish: exit 0."""
    result = cli("check", EXAMPLES / "ganbu-peixun-2023.yaml", EXAMPLES / "yirenyidang-2023.yaml")
    assert result.exit_code == EXIT_OK
    # ganbu: 10 printed scores, the 总分 分值, the 执行率, the 总分 against the row scores, the
    # budget row against its 3 items;
    # yirenyidang: 85 reported values + 60 internal comparisons
    assert "examples/ganbu-peixun-2023.yaml：16 项全部一致" in result.stdout
    assert "examples/yirenyidang-2023.yaml：145 项全部一致" in result.stdout
    assert "共 2 个文件：2 个一致，0 个不一致，0 个无可核对，0 个无法读取" in result.stdout
    assert result.stderr == ""


def test_crafted_agreeing_file(cli):
    """agree.yaml: scores, rates, sums and the grade all agree; exit 0 and agrees: true."""
    code, report = findings(cli, DATA / "agree.yaml")
    assert code == EXIT_OK
    assert report["agrees"] is True and report["files"][0]["findings"] == []
    assert report["files"][0]["compared"] == 17


CRAFTED = {
    # A leaf published as 22.6 (computed 30 ÷ 40 × 30 = 22.5); its parent's 50 ≠ 22.6 + 27.5.
    # (Findings are listed in the order of the tree: the root, then each node, parents first.)
    "leaf-slip.yaml": [
        ("sum", "产出", "score", "50", "50.1", "0.1"),
        ("reported", "产出/培训人数", "score", "22.6", "22.5", "-0.1"),
    ],
    # A parent published as 51 (its rate 85 = 51 ÷ 60 is consistent) while its children add up to 50.
    "parent-sum.yaml": [
        ("sum", "", "score", "85", "86", "1"),  # total 85 ≠ 51 + 35
        ("reported", "产出", "score", "51", "50", "-1"),
        ("reported", "产出", "rate", "85", "83.33", "-1.67"),  # 50 ÷ 60 = 83.33%
        ("sum", "产出", "score", "51", "50", "-1"),
    ],
    # A published rate 85% where the published score gives 35 ÷ 40 = 87.5%.
    "rate.yaml": [
        ("reported", "效益", "rate", "85", "87.5", "2.5"),
        ("rate", "效益", "rate", "85", "87.5", "2.5"),
    ],
    # reported_grade 优 with a published total of 85, which is 良 (80 ≤ 85 < 90).
    "grade.yaml": [
        ("reported", "", "grade", "优", "良", None),
        ("band", "", "grade", "优", "良", None),
    ],
    # A published total 86 (rate 86%) against the computed 85 and the level-1 sum 50 + 35.
    "total.yaml": [
        ("reported", "", "score", "86", "85", "-1"),
        ("reported", "", "rate", "86", "85", "-1"),
        ("sum", "", "score", "86", "85", "-1"),
    ],
}


@pytest.mark.parametrize("name", CRAFTED)
def test_each_kind_of_disagreement(cli, name):
    """Each crafted file: exit 3 and exactly its findings (kind, path, of, reported, expected, difference)."""
    code, report = findings(cli, DATA / name)
    assert code == EXIT_DISAGREE and report["agrees"] is False
    assert rows_of(report, name) == CRAFTED[name]


def test_table_output_names_each_disagreement(cli):
    """The terminal output lists path, reported, expected and difference, and counts the files."""
    result = cli("check", DATA)
    assert result.exit_code == EXIT_DISAGREE
    out = result.stdout
    assert "tests/data/check/leaf-slip.yaml：2 项不一致（共核对 17 项）" in out
    line = next(line for line in out.splitlines() if "产出/培训人数" in line)
    assert all(cell in line for cell in ("报告值与计算值不符", "22.6", "22.5", "-0.1"))
    assert "上级 ≠ 下级报告值之和" in out and "得分率 ≠ 报告得分 ÷ 分值" in out
    assert "报告总分不在报告等级的区间内" in out
    assert "共 6 个文件：1 个一致，5 个不一致，0 个无可核对，0 个无法读取" in out


def test_invalid_file_exit_1_and_the_rest_audited(cli, tmp_path):
    """A file that cannot be read is listed on stderr; exit 1 wins over 3 (the audit is incomplete)."""
    shutil.copy(DATA / "rate.yaml", tmp_path / "rate.yaml")
    (tmp_path / "broken.yaml").write_text("perfscore: 1\nproject: {name: x}\n", encoding="utf-8")
    result = cli("check", tmp_path)
    assert result.exit_code == EXIT_INPUT
    assert "rate.yaml：2 项不一致" in result.stdout
    assert "1 个文件无法评分：" in result.stderr
    assert "broken.yaml:1: 缺少必填的键“indicators”" in result.stderr


def test_no_published_numbers(cli, write):
    """A file without any reported value has nothing to check (it is not "一致"), and exit is 0."""
    path = write("""
        perfscore: 1
        project: {name: 无报告值}
        indicators:
          - {name: 产出, points: 100, score: 90}
    """)
    result = cli("check", path)
    assert result.exit_code == EXIT_OK
    assert f"{path}：未给出报告值，没有可核对的数字" in result.stdout
    assert "共 1 个文件：0 个一致，0 个不一致，1 个无可核对，0 个无法读取" in result.stdout


def test_reported_grade_must_be_in_the_table(cli, write):
    """reported_grade names a grade of the table in use, else the file is rejected (line 3)."""
    path = write("""
        perfscore: 1
        project: {name: 等级}
        reported_grade: 甲
        indicators:
          - {name: 产出, points: 100, score: 90}
    """)
    result = cli("check", path)
    assert result.exit_code == EXIT_INPUT
    assert f"{path}:3: 报告等级“甲”不在所用的等级表中（优、良、中、差）" in result.stderr


def test_reported_grade_on_an_older_table(cli, write):
    """On the table 优 ≥ 85, a published 优 for a total of 86 agrees."""
    path = write("""
        perfscore: 1
        project: {name: 旧等级表}
        grades: [{grade: 优, min: 85}, {grade: 良, min: 75}, {grade: 中, min: 60}, {grade: 差, min: 0}]
        reported: 86
        reported_grade: 优
        indicators:
          - {name: 产出, points: 100, score: 86}
    """)
    code, report = findings(cli, path)
    assert code == EXIT_OK and report["files"][0]["compared"] == 3  # score, grade, band


def test_audit_row_is_small():
    """audit() returns findings only, never the scored tree (memory stays flat in a batch)."""
    row = audit(str(DATA / "leaf-slip.yaml"))
    assert not hasattr(row, "result") and len(row.findings) == 2
    assert [finding.difference for finding in row.findings] == [Decimal("0.1"), Decimal("-0.1")]


@pytest.mark.parametrize(
    "lang, text",
    [("en", "1 file(s): 0 agree, 1 disagree, 0 with nothing to check, 0 could not be read")],
)
def test_english(cli, lang, text):
    """--lang en words the audit in English."""
    result = cli("check", DATA / "rate.yaml", "--lang", lang)
    assert result.exit_code == EXIT_DISAGREE
    assert text in result.stdout and "rate ≠ reported score ÷ points" in result.stdout
