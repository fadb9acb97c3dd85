"""`perfscore report` options and `perfscore evaluate --explain` / lost points / next grade."""

from __future__ import annotations

import json
import sys

import pytest

from .conftest import EXAMPLES

EXAMPLE = EXAMPLES / "yirenyidang-2023.yaml"


def test_markdown_to_stdout_by_default(cli):
    """Without --format and --output the report is Markdown on standard output."""
    result = cli("report", EXAMPLE)
    assert result.exit_code == 0
    assert result.stdout.startswith("# “一人一档、一企一档”建设项目绩效评价得分情况\n")


def test_format_follows_the_output_suffix(cli, tmp_path):
    """-o x.html without -f writes HTML; -o x.csv writes CSV."""
    assert cli("report", EXAMPLE, "-o", tmp_path / "r.html").exit_code == 0
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert cli("report", EXAMPLE, "-o", tmp_path / "r.csv").exit_code == 0
    assert (tmp_path / "r.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_binary_formats_to_stdout_are_refused(cli):
    """XLSX and Word are binary: `-f xlsx -o -` is a usage error (exit 2), nothing on stdout."""
    result = cli("report", EXAMPLE, "-f", "xlsx", "-o", "-")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        result.stderr
        == "XLSX 是二进制文件，不能写到标准输出；请用 --output 指定文件名（如 -o 报告.xlsx）\n"
    )
    result = cli("report", EXAMPLE, "-f", "docx")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        result.stderr
        == "Word 是二进制文件，不能写到标准输出；请用 --output 指定文件名（如 -o 报告.docx）\n"
    )


def test_a_suffix_that_names_another_format_is_refused(cli, tmp_path):
    """`-o x.docx -f md` is refused with one line, exit 2, and nothing is written."""
    out = tmp_path / "x.docx"
    result = cli("report", EXAMPLE, "-o", out, "-f", "md")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"输出文件 {out} 的后缀 .docx 与格式 md 不符：md 的文件名应以 .markdown、.md 结尾\n"
    )
    assert not out.exists()
    result = cli("report", EXAMPLE, "-o", tmp_path / "x.csv", "-f", "xlsx", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "ends in .csv, which is not the format xlsx: a xlsx file name ends in .xlsx\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_suffix_that_names_no_format_is_refused(cli, tmp_path):
    """`-o x.doc` (Word 97, which perfscore does not write) is refused, exit 2, nothing written."""
    out = tmp_path / "x.doc"
    result = cli("report", EXAMPLE, "-o", out)
    assert result.exit_code == 2
    assert result.stderr == (
        f"无法从输出文件 {out} 的后缀 .doc 判断格式：请用 .csv、.docx、.htm、.html、.markdown、"
        ".md、.xlsx 之一，或用 -f 指定格式\n"
    )
    assert result.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_docx_from_the_suffix(cli, tmp_path):
    """-o x.docx without -f writes a Word document (a zip with word/document.xml)."""
    import zipfile

    out = tmp_path / "报告.docx"
    assert cli("report", EXAMPLE, "-o", out).exit_code == 0
    assert "word/document.xml" in zipfile.ZipFile(out).namelist()


def test_docx_without_python_docx(cli, tmp_path, monkeypatch):
    """Without the docx extra, a clear message (exit 1) says how to install it; nothing written."""
    monkeypatch.setitem(sys.modules, "docx", None)
    monkeypatch.delitem(sys.modules, "perfscore.render.docx", raising=False)
    result = cli("report", EXAMPLE, "-o", tmp_path / "r.docx")
    assert result.exit_code == 1
    assert result.stderr == "生成 Word 文档需要 python-docx：请运行 pip install 'perfscore[docx]'\n"
    assert not (tmp_path / "r.docx").exists()


def test_layout_option(cli):
    """--layout picks the layout; without it a 部门自评 comes out as the 自评表, a 财政评价 as the report."""
    form = EXAMPLES / "ganbu-peixun-2023.yaml"
    assert cli("report", form).stdout.startswith("# 项目支出绩效自评表\n")
    assert cli("report", form, "--layout", "report").stdout.startswith(
        "# 干部教育培训费绩效自评得分情况\n"
    )
    out = cli("report", EXAMPLE, "--layout", "self-evaluation").stdout
    assert out.startswith("# 项目支出绩效自评表\n")
    result = cli("report", EXAMPLE, "--layout", "form")
    assert result.exit_code == 2 and "form" in result.stderr


def test_xlsx_without_xlsxwriter(cli, tmp_path, monkeypatch):
    """Without the xlsx extra, a clear message (exit 1) says how to install it."""
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)
    monkeypatch.delitem(sys.modules, "perfscore.render.xlsx", raising=False)
    result = cli("report", EXAMPLE, "-o", tmp_path / "r.xlsx")
    assert result.exit_code == 1
    assert result.stderr == "生成 XLSX 需要 XlsxWriter：请运行 pip install 'perfscore[xlsx]'\n"
    assert not (tmp_path / "r.xlsx").exists()


def test_report_never_overwrites_its_input(cli, tmp_path):
    """`-o` naming the evaluation file (a .yaml: no format) or an answer sheet it reads (a .csv)
    is refused; both files are untouched."""
    source = tmp_path / "e.yaml"
    source.write_bytes(EXAMPLE.read_bytes())
    result = cli("report", source, "-o", source)
    assert result.exit_code == 2
    assert source.read_bytes() == EXAMPLE.read_bytes()
    survey = tmp_path / "survey.yaml"
    sheet = tmp_path / "yirenyidang-survey-2024.csv"
    survey.write_bytes((EXAMPLES / "yirenyidang-survey-2024.yaml").read_bytes())
    sheet.write_bytes((EXAMPLES / "yirenyidang-survey-2024.csv").read_bytes())
    result = cli("report", survey, "-o", sheet)
    assert result.exit_code == 1
    assert "就是输入文件" in result.stderr
    assert sheet.read_bytes() == (EXAMPLES / "yirenyidang-survey-2024.csv").read_bytes()


def test_report_of_a_broken_file(cli, write):
    """A wrong input gets the located error and exit 1, as evaluate does."""
    path = write("perfscore: 1\nproject: {name: x}\n")
    result = cli("report", path)
    assert result.exit_code == 1
    assert "indicators" in result.stderr and result.stdout == ""


def test_evaluate_shows_lost_points_and_next_grade(cli):
    """evaluate prints the lost-points table and the next grade after the score tables."""
    out = cli("evaluate", EXAMPLE).stdout
    assert "失分情况（按失分从多到少）" in out
    assert "距“良”（≥ 80 分）还差 1.51 分：总分须达到 80.00 分。" in out
    assert "收回失分最多的 1 项指标即可补足：应用场景质量（失 4 分）。" in out
    assert "规则：" not in out  # the explain block only with --explain


def test_evaluate_explain(cli):
    """--explain gives every leaf its rule, inputs, calculation and result, under its parents."""
    out = cli("evaluate", EXAMPLE, "--explain").stdout
    assert "评分说明" in out
    assert "产出：分值 30，得分 22.33，得分率 74.43%" in out
    assert "系统培训完成率：分值 5，得分 1.33，得分率 26.60%" in out
    assert "规则：正向指标：实际达到目标得满分，否则 分值 × 实际 ÷ 目标" in out
    assert "输入：目标值 ≥30人次；实际值 8人次" in out
    assert "计算：实际 8人次 ÷ 目标 30人次 × 5 = 1.33" in out
    assert "结果：得分 1.33 / 分值 5，得分率 26.60%" in out
    assert out.count("结果：得分") == 25  # every leaf


def test_evaluate_explain_in_english(cli):
    """--lang en switches the explain block, the lost points and the next grade."""
    out = cli("evaluate", EXAMPLE, "--explain", "--lang", "en").stdout
    assert "Calculation: actual 8人次 ÷ target 30人次 × 5 = 1.33" in out
    assert "Points lost, most first" in out
    assert "1.51 points short of 良 (≥ 80): the total must reach 80.00." in out


def test_json_lost_points_and_next_grade(cli):
    """The JSON export adds lost_points (ranked) and next_grade; existing keys stay."""
    data = json.loads(cli("evaluate", EXAMPLE, "--json", "-").stdout)
    assert data["lost_points"][0] == {
        "rank": 1,
        "path": "产出/产出质量/应用场景质量",
        "name": "应用场景质量",
        "group": "产出",
        "points": 5,
        "score": 1,
        "lost": 4,
        "basis": "“一企一档”应用已入驻“爱山东”枣庄分厅，但应用场景未建立，未达到预期效果。",
    }
    assert len(data["lost_points"]) == 12
    assert data["next_grade"] == {
        "current": "中",
        "top": False,
        "grade": "良",
        "min": 80,
        "needed": 80,
        "gap": 1.51,
        "reachable": True,
        "leaves": ["产出/产出质量/应用场景质量"],
        "any_one": [
            "产出/产出质量/应用场景质量",
            "产出/产出数量/系统培训完成率",
            "过程/组织实施/验收管理规范性",
            "过程/组织实施/管理制度健全性",
            "效益/经济效益/降低了群众及企业的办事成本",
            "效益/社会效益/电子证照证明、数据资产采集上线、数据更新",
        ],
    }


def test_json_next_grade_at_the_top(cli):
    """At the top grade next_grade says so: top true, no grade, no gap."""
    data = json.loads(cli("evaluate", EXAMPLES / "ganbu-peixun-2023.yaml", "--json", "-").stdout)
    assert data["lost_points"] == []
    assert data["next_grade"] == {
        "current": "优",
        "top": True,
        "grade": None,
        "min": None,
        "needed": None,
        "gap": None,
        "reachable": True,
        "leaves": [],
        "any_one": [],
    }


def test_explain_shows_every_rule_family_in_words(cli, write):
    """Inputs of experts, deductions and bands read as words and numbers, never Python reprs.

    experts 4, 4.5, 3.5 (mean 4); deduction 5 − 0.5 − 1 = 3.5; bands 94.68% ≥ 90% → 75% × 4 = 3.
    """
    path = write("""
    perfscore: 1
    project: {name: 规则}
    indicators:
      - {name: 专家, points: 5, rule: experts, scores: [4, 4.5, 3.5]}
      - name: 扣分
        points: 5
        rule: deduction
        deductions: [{reason: 资料不全, points: 0.5}, {reason: 未盖章, points: 1}]
      - name: 分档
        points: 4
        rule: bands
        value: 94.68%
        bands: [{min: 95%, rate: 100%}, {min: 90%, rate: 75%}, {min: 0%, rate: 50%}]
      - {name: 其他, points: 86, score: 80}
    """)
    out = cli("evaluate", path, "--explain").stdout
    assert "输入：专家评分 4、4.5、3.5；汇总方法 mean；最低分 3.5；最高分 4.5" in out
    assert "输入：扣分项 资料不全 −0.5；未盖章 −1" in out
    assert "输入：实际值 94.68%；所在档次 2；分档 ≥95%→100%；≥90%→75%；≥0%→50%" in out
    for repr_mark in ("Decimal(", "{'", "['", "Fraction("):
        assert repr_mark not in out


PARTIAL = """
perfscore: 1
project: {name: 部分录入, kind: 部门自评, 金额单位: 万元}
indicators:
  - {name: 预算执行率, points: 10, rule: execution, budget: 15万元, spent: 12万元}
  - name: 产出指标
    children:
      - {name: 培训人数, points: 20, target: ≥45人, actual: 40人, basis: 缺席}
      - {name: 看不清, captured: false, note: 原表此处污损}
  - name: 效益指标
    children:
      - {name: 满意度, points: 30, inferred: true, target: ≥90%, actual: 95%}
      - {name: 不适用项, points: 10, applicable: false}
"""


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "xlsx", "docx"])
@pytest.mark.parametrize("layout", ["self-evaluation", "report"])
def test_every_format_and_layout_of_a_sheet_captured_in_part(cli, write, tmp_path, fmt, layout):
    """A part not captured, inferred points and a 不适用 leaf render in every format and layout.

    12 ÷ 15 = 80% → 8; 20 × 40 ÷ 45 = 17.78; 30: a lower bound of 8 + 17.78 + 30 = 55.78.
    """
    if fmt in ("xlsx", "docx"):
        pytest.importorskip({"xlsx": "xlsxwriter", "docx": "docx"}[fmt])
    out = tmp_path / f"r.{fmt}"
    result = cli("report", write(PARTIAL), "-o", out, "--layout", layout)
    assert result.exit_code == 0, result.stderr
    if fmt in ("md", "html"):
        text = out.read_text(encoding="utf-8")
        assert "≥55.78" in text and "未录入" in text and "原表此处污损" in text
        assert "不适用" in text and "分值为推定" in text
