"""perfscore evaluate through the CLI: the tables, the checks, the JSON export, its outputs."""

from __future__ import annotations

import json

from .conftest import EXAMPLES

YIRENYIDANG = EXAMPLES / "yirenyidang-2023.yaml"


def test_evaluate_prints_tree_summary_and_grade(cli):
    """evaluate prints the tree table, the level-1 summary and the total with its grade."""
    result = cli("evaluate", YIRENYIDANG)
    assert result.exit_code == 0
    out = result.stdout
    assert "系统培训完成率" in out and "实际 8人次 ÷ 目标 30人次 × 5 = 1.33" in out
    # the level-1 summary as the report prints it
    for row in (
        ("决策", "15", "13.50", "90.00%"),
        ("过程", "25", "19.50", "78.00%"),
        ("产出", "30", "22.33", "74.43%"),
        ("效益", "30", "23.16", "77.20%"),
        ("合计", "100", "78.49", "78.49%"),
    ):
        line = next(line for line in out.splitlines() if f" {row[0]} " in line and row[3] in line)
        assert all(cell in line for cell in row), line
    assert "绩效评价得分：78.49 分　评价结果等级：中" in out
    # 85 published values against the computed ones, 60 among themselves (sums, rates)
    assert "核对报告值：145 项全部一致" in out
    assert result.stderr == ""


def test_evaluate_shows_disagreements(cli, write):
    """A published value that disagrees is shown with both numbers, not hidden."""
    text = YIRENYIDANG.read_text(encoding="utf-8").replace("reported: 1.33\n", "reported: 1.34\n")
    result = cli("evaluate", write(text))
    assert result.exit_code == 0
    # the leaf's score, its parent's sum of published scores and its published rate
    assert "核对报告值：3 项不一致（共 145 项）" in result.stdout
    assert "≠报告 1.34" in result.stdout
    row = next(
        line for line in result.stdout.splitlines() if "产出/产出数量/系统培训完成率" in line
    )
    assert "1.34" in row and "1.33" in row and "-0.01" in row


def test_evaluate_json_to_file(cli, tmp_path):
    """--json PATH writes the export and leaves no temporary file behind."""
    out = tmp_path / "result.json"
    result = cli("evaluate", YIRENYIDANG, "--json", out)
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["score"] == 78.49
    assert [p.name for p in tmp_path.iterdir()] == ["result.json"]


def test_evaluate_json_several_files(cli):
    """With several files, the export is a list, one object per file, in order."""
    files = [YIRENYIDANG, EXAMPLES / "ganbu-peixun-2023.yaml"]
    result = cli("evaluate", *files, "--json", "-")
    data = json.loads(result.stdout)
    assert [d["score"] for d in data] == [78.49, 100]


def test_evaluate_refuses_to_overwrite_input(cli, write):
    """--json naming the input file is refused, and the input is untouched."""
    path = write(YIRENYIDANG.read_text(encoding="utf-8"))
    before = path.read_bytes()
    result = cli("evaluate", path, "--json", path)
    assert result.exit_code == 1
    assert result.stderr == f"输出文件 {path} 就是输入文件，拒绝覆盖\n"
    assert path.read_bytes() == before


def test_evaluate_missing_output_folder(cli, tmp_path):
    """A missing output folder is a message, not a traceback."""
    target = tmp_path / "nope" / "r.json"
    result = cli("evaluate", YIRENYIDANG, "--json", target)
    assert result.exit_code == 1
    assert result.stderr == f"输出文件夹 {tmp_path / 'nope'} 不存在\n"


def test_english(cli):
    """--lang en switches the tables and the explain lines to English."""
    result = cli("evaluate", YIRENYIDANG, "--lang", "en")
    assert "Performance score: 78.49   Grade: 中" in result.stdout
    assert "actual 8人次 ÷ target 30人次 × 5 = 1.33" in result.stdout


def test_evaluate_refuses_to_overwrite_an_answer_sheet(cli, tmp_path):
    """--json naming the answer sheet a survey leaf reads is refused, the sheet untouched."""
    import shutil

    for name in ("yirenyidang-survey-2024.yaml", "yirenyidang-survey-2024.csv"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    sheet = tmp_path / "yirenyidang-survey-2024.csv"
    before = sheet.read_bytes()
    result = cli("evaluate", tmp_path / "yirenyidang-survey-2024.yaml", "--json", sheet)
    assert result.exit_code == 1
    assert result.stderr == f"输出文件 {sheet} 就是输入文件，拒绝覆盖\n"
    assert sheet.read_bytes() == before
