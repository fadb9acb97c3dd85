"""Sheets as printed: parts that could not be read (docs/format.md §1a `captured: false`)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from perfscore.errors import EXIT_INPUT, EXIT_OK

from .as_printed import audited, checks, exported, node, refused

# 质量 could not be read: the sheet shows its 分值 20 and its score 15, nothing else. What was
# captured: 数量 30 and 效益 43, so the total is at least 30 + 43 = 73. The sheet's own
# numbers agree among themselves: 88 = 45 + 43, 45 = 30 + 15, 45 ÷ 50 = 90%, 88 is 良.
PARTIAL = """\
perfscore: 1
project: {name: 部分录入的表}
reported: 88
reported_grade: 良
indicators:
  - name: 产出
    points: 50
    reported: 45
    reported_rate: 90
    children:
      - {name: 数量, points: 30, score: 30, reported: 30}
      - {name: 质量, captured: false, reported_points: 20, reported: 15, note: 扫描件此处模糊}
  - {name: 效益, points: 50, score: 43, reported: 43}
"""


def test_a_partial_total_has_no_grade_in_the_terminal(cli, write):
    """The total is shown as a lower bound (≥73.00) without a grade; its ancestors' scores too."""
    result = cli("evaluate", write(PARTIAL))
    assert result.exit_code == EXIT_OK
    out = result.stdout
    assert "绩效评价得分：≥73.00 分（部分内容未能录入，总分只是下限，不评定等级）" in out
    assert "评价结果等级" not in out
    assert "≥30.00" in out  # 产出: 30 captured of its 50
    assert "未录入" in out
    assert "原表此处未能录入：扫描件此处模糊" in out  # the note, in the 评分说明 column
    assert "部分内容未能录入：总分只是下限，不评定等级，也不计算距上一等级的差距。" in out


def test_a_partial_total_in_the_json_export(cli, write):
    """JSON: grade null, partial true, next_grade null; the part not captured keeps what the sheet shows."""
    export = exported(cli, write(PARTIAL))
    assert (export["score"], export["grade"], export["partial"]) == (73, None, True)
    assert export["next_grade"] is None
    assert node(export, "产出")["partial"] is True
    assert node(export, "产出")["score"] == 30
    part = node(export, "产出/质量")
    assert part["captured"] is False
    assert (part["points"], part["reported_points"], part["reported"]) == (20, 20, 15)
    assert part["note"] == "扫描件此处模糊"
    assert "partial" not in node(export, "效益")  # 效益 was read whole


def test_checks_that_need_the_missing_part_cannot_be_verified(cli, write):
    """Checks against a partial total are kept with ok null; the sheet's own sums still agree."""
    rows = checks(exported(cli, write(PARTIAL)))
    assert rows == [
        ("reported", "", "score", "88", "73", None),  # 73 is a lower bound
        ("reported", "", "grade", "良", None, None),  # no grade computed
        ("sum", "", "score", "88", "88", True),  # 88 = 45 + 43 as printed
        ("band", "", "grade", "良", "良", True),  # 80 ≤ 88 < 90
        ("reported", "产出", "score", "45", "30", None),
        ("reported", "产出", "rate", "90", "60", None),
        ("sum", "产出", "score", "45", "45", True),  # 45 = 30 + 15 as printed
        ("rate", "产出", "rate", "90", "90", True),  # 45 ÷ 50 = 90%
        ("reported", "产出/数量", "score", "30", "30", True),
        ("reported", "产出/质量", "score", "15", None, None),
        ("reported", "效益", "score", "43", "43", True),
    ]


def test_unverifiable_checks_are_counted_apart(cli, write):
    """evaluate and check: 6 agree, 5 cannot be verified; neither agree nor disagree, exit 0."""
    path = write(PARTIAL)
    out = cli("evaluate", path).stdout
    assert "核对报告值：6 项全部一致；另有 5 项因部分未录入无法核对" in out
    code, entry = audited(cli, path)
    assert code == EXIT_OK
    assert (entry["compared"], entry["unverifiable"], entry["partial"]) == (6, 5, True)
    assert entry["findings"] == []
    assert f"{path}：6 项全部一致；5 项因部分未录入无法核对" in cli("check", path).stdout


def test_a_file_whose_checks_all_need_the_missing_part(cli, write):
    """Only unverifiable checks: evaluate and check say so, not 一致."""
    path = write(
        "perfscore: 1\nproject: {name: 只能部分核对}\nreported: 80\nindicators:\n"
        "  - {name: 产出, captured: false, reported_points: 50}\n"
        "  - {name: 效益, points: 50, score: 43}\n"
    )
    assert "核对报告值：1 项因部分未录入无法核对" in cli("evaluate", path).stdout
    result = cli("check", path)
    assert result.exit_code == EXIT_OK
    assert f"{path}：部分未能录入，1 项报告值无法核对" in result.stdout


def test_a_part_with_no_points_shown(cli, write):
    """A part not captured that shows no 分值: its points are ?, the base stays 100, no grade."""
    path = write(
        "perfscore: 1\nproject: {name: 分值不明}\nindicators:\n"
        "  - {name: 产出, captured: false}\n"
        "  - {name: 效益, points: 50, score: 43}\n"
    )
    export = exported(cli, path)
    assert (export["points"], export["score"], export["grade"]) == (100, 43, None)
    assert node(export, "产出")["points_known"] is False
    out = cli("evaluate", path).stdout
    assert "│ 产出     │        ? │ 未录入 │" in out


def test_the_keys_a_part_not_captured_may_carry(cli, write):
    """name, code, captured, points, reported, reported_rate, reported_points, basis, note, inferred."""
    path = write(
        "perfscore: 1\nproject: {name: 全部允许的键}\nindicators:\n"
        "  - name: 产出\n    code: A1\n    captured: false\n    points: 50\n    reported: 45\n"
        "    reported_rate: 90%\n    reported_points: 50\n    basis: 原表评分依据\n"
        "    note: 第 2 页缺失\n    inferred: true\n"
        "  - {name: 效益, points: 50, score: 43}\n"
    )
    result = cli("evaluate", path)
    assert result.exit_code == EXIT_OK, result.stderr


def test_validate_accepts_a_partial_file(cli, write):
    """validate (perfscore's checks and the JSON Schema) accepts what evaluate scores: OK."""
    path = write(PARTIAL)
    result = cli("validate", path)
    assert (result.exit_code, result.stderr) == (EXIT_OK, "")
    assert result.stdout == f"{path}: OK\n"


@pytest.mark.parametrize(
    "key, lines",
    [
        ("score", "    score: 40\n"),
        ("target", "    target: ≥45人\n    actual: 47人\n"),
        ("rule", "    rule: execution\n    budget: 10\n    spent: 9\n"),
        ("children", "    children:\n      - {name: 数量, points: 50, score: 40}\n"),
    ],
)
def test_other_keys_on_a_part_not_captured_are_refused(cli, write, key, lines):
    """A part not captured has no scoring form and no children: the first such key is named at its line."""
    path = write(
        "perfscore: 1\nproject: {name: 多余的键}\nindicators:\n"
        "  - name: 产出\n    captured: false\n    points: 50\n"
        + lines
        + "  - {name: 效益, points: 50, score: 43}\n"
    )
    result = cli("validate", path)
    message = f"未能识别的部分（captured: false）只能带名称、分值、报告值与备注，不能带“{key}”"
    assert result.exit_code == EXIT_INPUT
    # line 7: the first key after points
    assert result.stderr.splitlines()[0] == f"{path}:7: [产出] {message}"


def test_captured_must_be_a_boolean(cli, write):
    """captured: 否 is refused at its line."""
    path = write(
        "perfscore: 1\nproject: {name: 布尔}\nindicators:\n"
        "  - {name: 产出, points: 100, score: 80, captured: 否}\n"
    )
    refused(cli("validate", path), path, 4, "产出", "“captured”必须是 true 或 false，而不是“否”")


def test_the_summary_marks_a_partial_file(cli, write):
    """summary: the partial file is listed as ≥73.00 部分录入, left out of the distribution and the mean."""
    partial = write(PARTIAL, "a-partial.yaml")
    whole = write(
        "perfscore: 1\nproject: {name: 完整的表}\nindicators:\n  - {name: 产出, points: 100, score: 85}\n",
        "b-whole.yaml",
    )
    result = cli("summary", partial, whole)
    assert result.exit_code == EXIT_OK
    out = result.stdout
    line = next(line for line in out.splitlines() if "部分录入的表" in line)
    assert line.split()[-3:] == ["≥73.00", "部分录入", "—"]
    assert "1 个文件部分内容未能录入：得分只是下限，不评定等级，不计入等级分布与平均分" in out
    assert "平均得分：85.00（1 个项目）" in out  # the whole file alone
    report = json.loads(cli("summary", partial, whole, "--json", "-").stdout)
    first = report["projects"][0]
    assert (first["grade"], first["partial"]) == (None, True)
    assert report["partial_count"] == 1
    assert report["grades"]["良"]["count"] == 1  # 85 alone; the partial file is not counted
    assert report["mean"] == 85


def test_the_summary_csv_marks_a_partial_file(cli, write, tmp_path):
    """The 汇总表 CSV marks the partial row as the terminal does, not as 73.00 with 27.00 lost."""
    partial = write(PARTIAL, "a-partial.yaml")
    out = tmp_path / "summary.csv"
    assert cli("summary", partial, "--csv", out).exit_code == EXIT_OK
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    row = rows[1]
    assert "部分录入" in row
    assert "27.00" not in row  # 27 points were not read, not lost


def test_reports_of_a_partial_file_give_no_grade(cli, write, tmp_path):
    """The Markdown report shows the lower bound and no grade."""
    out = tmp_path / "report.md"
    assert cli("report", write(PARTIAL), "-f", "md", "-o", out).exit_code == EXIT_OK
    text = out.read_text(encoding="utf-8")
    assert "**绩效评价得分：≥73.00 分（部分内容未能录入，总分只是下限，不评定等级）**" in text
    assert "| 合计 | 100 | ≥73 | — |" in text


def test_the_xlsx_report_of_a_partial_file_gives_no_grade(cli, write, tmp_path):
    """The XLSX report of a partial file opens (no 'None' cached number) and grades nothing."""
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    out = tmp_path / "report.xlsx"
    assert cli("report", write(PARTIAL), "-f", "xlsx", "-o", out).exit_code == EXIT_OK
    book = openpyxl.load_workbook(out, data_only=True)
    for sheet in book:
        for row in sheet.iter_rows(values_only=True):
            if row and row[0] == "评价等级":
                assert row[1] not in ("优", "良", "中", "差")
