"""The XLSX report in both layouts: values, merged ranges, formulas with cached values, row
heights that fit wrapped text, text that stays text (read back by openpyxl)."""

from __future__ import annotations

import pytest

from . import captured_part
from .conftest import EXAMPLES

openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("xlsxwriter")

EXAMPLE = EXAMPLES / "yirenyidang-2023.yaml"


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory):
    from typer.testing import CliRunner

    from perfscore.cli import app

    path = tmp_path_factory.mktemp("xlsx") / "scores.xlsx"  # the format follows the suffix
    result = CliRunner().invoke(app, ["report", str(EXAMPLE), "-o", str(path)])
    assert result.exit_code == 0, result.stderr
    return path


@pytest.fixture(scope="module")
def formulas(workbook_path):
    return openpyxl.load_workbook(workbook_path)


@pytest.fixture(scope="module")
def cached(workbook_path):
    return openpyxl.load_workbook(workbook_path, data_only=True)


def test_sheets_and_header(formulas):
    """Four sheets; the tree sheet's header has name/分值/得分 per level, then 得分率, 评分依据."""
    assert formulas.sheetnames == ["得分情况表", "评价得分和等级", "失分情况", "发现的问题"]
    sheet = formulas["得分情况表"]
    assert sheet["A1"].value == "“一人一档、一企一档”建设项目绩效评价得分情况表"
    assert [cell.value for cell in sheet[2]] == [
        "一级指标",
        "分值",
        "得分",
        "二级指标",
        "分值",
        "得分",
        "三级指标",
        "分值",
        "得分",
        "得分率",
        "评分依据",
    ]


def test_merged_level_cells(formulas):
    """决策 spans its 6 leaf rows (3–8), 项目立项 rows 3–4, 过程 rows 9–14; the title row is merged."""
    merged = {str(r) for r in formulas["得分情况表"].merged_cells.ranges}
    assert {
        "A1:K1",
        "A3:A8",
        "B3:B8",
        "C3:C8",
        "D3:D4",
        "E3:E4",
        "F3:F4",
        "A9:A14",
        "D12:D14",
    } <= merged
    # 产出时效 has one leaf: a single row, not merged
    assert not any(r.startswith("D19:") for r in merged)


def test_leaves_are_numbers_and_parents_are_sum_formulas(formulas):
    """Leaf 分值/得分 are numbers; parent and total cells are SUM formulas over the children."""
    sheet = formulas["得分情况表"]
    assert (sheet["G16"].value, sheet["H16"].value, sheet["I16"].value) == (
        "系统培训完成率",
        5,
        1.33,
    )
    assert sheet["B3"].value == "=SUM(E3:E8)" and sheet["C3"].value == "=SUM(F3:F8)"
    assert sheet["E3"].value == "=SUM(H3:H4)" and sheet["F3"].value == "=SUM(I3:I4)"
    assert sheet["J16"].value == "=I16/H16"
    assert sheet["A28"].value == "合计"
    assert sheet["B28"].value == "=SUM(B3:B27)" and sheet["C28"].value == "=SUM(C3:C27)"
    assert (
        sheet["B29"].value
        == '=IF(C28*100/B28>=90,"优",IF(C28*100/B28>=80,"良",IF(C28*100/B28>=60,"中","差")))'
    )


def test_cached_values_for_viewers_that_do_not_compute(cached):
    """Every formula carries its value: 决策 13.5, 项目立项 5, total 78.49, rate 78.49%, grade 中."""
    sheet = cached["得分情况表"]
    assert (sheet["B3"].value, sheet["C3"].value) == (15, 13.5)
    assert (sheet["E3"].value, sheet["F3"].value) == (5, 5)
    assert sheet["J16"].value == 0.266
    assert (sheet["B28"].value, sheet["C28"].value, sheet["J28"].value) == (100, 78.49, 0.7849)
    assert sheet["B29"].value == "中"
    summary = list(cached["评价得分和等级"].iter_rows(min_row=3, values_only=True))
    assert summary == [
        ("决策", 15, 13.5, 0.9),
        ("过程", 25, 19.5, 0.78),
        ("产出", 30, 22.33, 0.7443),
        ("效益", 30, 23.16, 0.772),
        ("合计", 100, 78.49, 0.7849),
        ("评价等级", "中", None, None),
    ]


def test_lost_points_sheet_refers_to_the_tree(formulas, cached):
    """失分情况 lists the ranking; its 分值/得分 refer to the tree sheet, 失分 = 分值 − 得分."""
    sheet = formulas["失分情况"]
    assert [cell.value for cell in sheet[3]][:3] == [1, "应用场景质量", "产出"]
    assert sheet["D3"].value == "='得分情况表'!$H$18" and sheet["E3"].value == "='得分情况表'!$I$18"
    assert sheet["F3"].value == "=D3-E3"
    values = cached["失分情况"]
    assert [values.cell(row, 6).value for row in range(3, 15)] == [
        4,
        3.67,
        3,
        2.5,
        2.17,
        2.14,
        1.5,
        1.5,
        0.28,
        0.26,
        0.26,
        0.23,
    ]
    assert values["A17"].value == "距“良”（≥ 80 分）还差 1.51 分：总分须达到 80.00 分。"


def test_english_labels(cli, tmp_path):
    """--lang en switches the sheet names and headers."""
    path = tmp_path / "en.xlsx"
    assert cli("report", EXAMPLE, "-f", "xlsx", "-o", path, "--lang", "en").exit_code == 0
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Scores", "Summary", "Points lost", "Problems found"]
    assert book["Scores"]["A2"].value == "Level 1"


def test_ragged_tree(cli, write, tmp_path):
    """A leaf at level 1 beside a 4-level branch: each node in its level's columns, sums per level.

    乙 = 乙一 (末 25 + 末二 5 = 30) + 乙二 10 = 40; total 甲 30 + 乙 40 = 70.
    """
    path = write("""
    perfscore: 1
    project: {name: 不等深}
    indicators:
      - {name: 甲, points: 40, score: 30}
      - name: 乙
        points: 60
        children:
          - name: 乙一
            children:
              - name: 乙一一
                children:
                  - {name: 末, points: 35, score: 25}
                  - {name: 末二, points: 5, score: 5}
          - {name: 乙二, points: 20, score: 10}
    """)
    out = tmp_path / "ragged.xlsx"
    assert cli("report", path, "-o", out).exit_code == 0
    sheet = openpyxl.load_workbook(out)["得分情况表"]
    assert [cell.value for cell in sheet[2]][::3][:4] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "四级指标",
    ]
    assert (sheet["A3"].value, sheet["B3"].value, sheet["C3"].value, sheet["M3"].value) == (
        "甲",
        40,
        30,
        "=C3/B3",
    )
    assert (sheet["A4"].value, sheet["C4"].value) == ("乙", "=SUM(F4:F6)")
    assert (sheet["D4"].value, sheet["F4"].value) == ("乙一", "=SUM(I4:I5)")
    assert (sheet["G4"].value, sheet["I4"].value) == ("乙一一", "=SUM(L4:L5)")
    assert (sheet["J4"].value, sheet["L4"].value) == ("末", 25)
    assert (sheet["D6"].value, sheet["F6"].value, sheet["M6"].value) == ("乙二", 10, "=F6/E6")
    assert sheet["C7"].value == "=SUM(C3:C6)"
    values = openpyxl.load_workbook(out, data_only=True)["得分情况表"]
    assert (values["C4"].value, values["F4"].value, values["C7"].value) == (40, 30, 70)


def test_grade_formula_quotes_names_and_uses_the_files_table(cli, write, tmp_path):
    """The 等级 formula follows the file's grade table; a quote in a name is doubled."""
    path = write("""
    perfscore: 1
    project: {name: 等级}
    grades: [{grade: 'A"', min: 85.5}, {grade: B, min: 0}]
    indicators:
      - {name: 甲, points: 100, score: 86}
    """)
    out = tmp_path / "g.xlsx"
    assert cli("report", path, "-o", out).exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book["得分情况表"]["B5"].value == '=IF(C4*100/B4>=85.5,"A""","B")'
    assert openpyxl.load_workbook(out, data_only=True)["得分情况表"]["B5"].value == 'A"'


def test_problems_sheet(formulas):
    """发现的问题: the stages in tree order, each problem's heading and paragraph below it."""
    column = [row[0] for row in formulas["发现的问题"].iter_rows(values_only=True)]
    assert column[:4] == [
        "发现的问题",
        "（一）决策阶段存在的问题",
        "1.绩效指标明确性（失 1.5 分）",
        "该指标分值 2 分，评价得分 0.5 分，得分率 25.00%。项目虽设置了产出及效益绩效指标，但时效指标值"
        "“按时”“及时”，可持续影响指标值“是”，缺乏明确的衡量指标和具体的量化目标。",
    ]
    assert [text for text in column if text.startswith("（")] == [
        "（一）决策阶段存在的问题",
        "（二）过程阶段存在的问题",
        "（三）产出阶段存在的问题",
        "（四）效益阶段存在的问题",
    ]


def test_rows_are_as_tall_as_their_wrapped_text(formulas):
    """Each leaf row is tall enough for its 评分依据 in the 60-wide column.

    Column 60: Excel's 0.75 × ⌊7 × 60 + 5⌋ = 318.75 pt (narrower than LibreOffice's 336.9);
    less 2 pt of padding, 28 CJK characters of 11 pt a line; a line is 1.455 × 11 pt, plus
    3 pt a row. 立项依据充分性's basis is 121 characters (5 of them digits, 0.55 em each:
    116 + 5 × 0.55 = 118.75 em) → ⌈118.75 ÷ 28⌉ = 5 lines →
    5 × 16.005 + 3 = 83.0 pt → 111 px → 83.25 pt. 绩效目标合理性's 26 characters: one line,
    19.005 pt → 26 px → 19.5 pt. A row without set_row would stay 15 pt.
    """
    sheet = formulas["得分情况表"]
    assert sheet["K3"].value.startswith("项目立项符合") and len(sheet["K3"].value) == 121
    assert sheet.row_dimensions[3].height == 83.25
    assert sheet["G5"].value == "绩效目标合理性"
    assert sheet.row_dimensions[5].height == 19.5
    assert all(sheet.row_dimensions[row].height for row in range(3, 28))


FORM = EXAMPLES / "ganbu-peixun-2023.yaml"
PARTIAL = EXAMPLES / "shequ-yanglao-selfeval-2024.yaml"


def form_book(cli, tmp_path, example, data_only=False):
    out = tmp_path / "form.xlsx"
    assert cli("report", example, "-o", out).exit_code == 0
    return openpyxl.load_workbook(out, data_only=data_only)


def test_form_sheet_layout(cli, tmp_path):
    """The 自评表 of seed 02: heading rows, the project row, the budget block, the goal, the
    indicators (names merged down), 总分 and 评价等级; numbers are numbers."""
    book = form_book(cli, tmp_path, FORM)
    assert book.sheetnames == ["自评表", "失分情况"]
    sheet = book["自评表"]
    assert [sheet.cell(row, 1).value for row in (1, 2, 3)] == [
        "项目支出绩效自评表",
        "（2023 年度）",
        "单位：万元",
    ]
    assert [sheet.cell(4, col).value for col in (1, 2, 6, 8)] == [
        "项目名称",
        "干部教育培训费",
        "主管部门",
        "枣庄市行政审批服务局",
    ]
    assert [cell.value for cell in sheet[6]][1:7] == ["年度资金总额", None, 15, 15, 15, 10]
    assert [cell.value for cell in sheet[7]][1:7] == ["其中：当年财政拨款", None, 15, 15, 15, "-"]
    assert [cell.value for cell in sheet[14]][1:] == [
        "产出指标",
        "数量指标",
        "培训人数",
        "≥45 人",
        "47 人",
        10,
        10,
        "实际培训人员增加",
    ]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A5:A9", "B6:C6", "A10:A11", "A12:A20", "B14:B17", "C14:C15", "A21:F21"} <= merged


def test_form_budget_row_and_total_are_formulas(cli, tmp_path):
    """执行率 = 执行数 ÷ 预算数, the budget row's 得分 = ROUND(MIN(执行率, 1) × 分值), 总分 = the
    indicator rows + the budget row, each with its cached value (15 ÷ 15 = 100% → 10; 90 + 10)."""
    book = form_book(cli, tmp_path, FORM)
    sheet = book["自评表"]
    assert sheet["H6"].value == '=IF(E6>0,F6/E6,"-")'
    assert sheet["I6"].value == "=ROUND(MIN(H6,1)*G6,2)"
    assert sheet["H8"].value == '=IF(E8>0,F8/E8,"-")'  # 上年结转资金: budget 0 → "-"
    assert sheet["G21"].value == "=SUM(G13:G20)+G6"
    assert sheet["H21"].value == "=SUM(H13:H20)+I6"
    assert sheet["G22"].value.startswith('=IF(H21*100/G21>=90,"优"')
    values = form_book(cli, tmp_path, FORM, data_only=True)["自评表"]
    assert (values["H6"].value, values["I6"].value, values["H7"].value) == (1, 10, 1)
    assert values["H8"].value == "-"
    assert (values["G21"].value, values["H21"].value, values["G22"].value) == (100, 100, "优")


def test_form_cached_values_of_a_partial_achievement(cli, tmp_path):
    """102.6 ÷ 120 = 0.855 → 8.55, its 偏差原因 on the block's last row; 总分 91.08; the lost
    points refer to the form's cells."""
    values = form_book(cli, tmp_path, PARTIAL, data_only=True)
    sheet = values["自评表"]
    assert (sheet["E6"].value, sheet["F6"].value, sheet["H6"].value, sheet["I6"].value) == (
        120,
        102.6,
        0.855,
        8.55,
    )
    assert [sheet.cell(7, col).value for col in (2, 4)] == [
        "偏差原因分析及改进措施",
        "部分服务合同年底未结算，资金结转下年支付。",
    ]
    assert sheet["H19"].value == 91.08
    formulas = form_book(cli, tmp_path, PARTIAL)["失分情况"]
    # 补助发放及时性 lost 10 − 7 = 3, the most; 预算执行率 lost 10 − 8.55 = 1.45, fourth
    assert [cell.value for cell in formulas[3]][:5] == [
        1,
        "补助发放及时性",
        "产出指标",
        "='自评表'!$G$15",
        "='自评表'!$H$15",
    ]
    assert [cell.value for cell in formulas[6]][1:5] == [
        "预算执行率",
        "预算执行率",
        "='自评表'!$G$6",
        "='自评表'!$I$6",
    ]


def test_form_with_a_nested_budget_row(cli, write, tmp_path):
    """A budget row under a parent is shown in the block and among the indicators; the latter
    refers to the block's score, and 总分 sums the indicator rows only (10 + 80 = 90)."""
    path = write("""
    perfscore: 1
    project: {name: 嵌套}
    indicators:
      - name: 过程
        children:
          - {name: 预算执行率, points: 10, rule: execution, budget: 10, spent: 10}
          - {name: 制度, points: 90, score: 80}
    """)
    out = tmp_path / "nested.xlsx"
    assert cli("report", path, "-o", out, "--layout", "self-evaluation").exit_code == 0
    sheet = openpyxl.load_workbook(out)["自评表"]
    assert (sheet["C8"].value, sheet["G8"].value, sheet["H4"].value) == (
        "预算执行率",
        "=H4",
        "=ROUND(MIN(G4,1)*F4,2)",
    )
    assert (sheet["F10"].value, sheet["G10"].value) == ("=SUM(F8:F9)", "=SUM(G8:G9)")
    values = openpyxl.load_workbook(out, data_only=True)["自评表"]
    assert (values["G8"].value, values["G10"].value) == (10, 90)


# Number formats of a sheet captured in part: the number stays a number (SUM adds it, the
# cached value is exact) and reads as the other formats write it.
BOUND_SCORE = '"≥"0.00'  # ≥44.67: a lower bound
INFERRED_POINTS = 'General"*"'  # 20*: points inferred


def captured_books(cli, write, tmp_path, layout):
    """The workbook of tests/captured_part.py, with its formulas and with its cached values."""
    out = tmp_path / f"{layout}.xlsx"
    result = cli("report", write(captured_part.SHEET), "-o", out, "--layout", layout)
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(out), openpyxl.load_workbook(out, data_only=True)


def cells(sheet, values, refs):
    """(what the cell holds, its cached value, its number format) of each reference."""
    return [(sheet[ref].value, values[ref].value, sheet[ref].number_format) for ref in refs]


def test_report_sheet_of_a_sheet_captured_in_part(cli, write, tmp_path):
    """得分情况表: the part not captured is 20 | 未录入 | —, never 0; 满意度指标 ? | 未录入 | —;
    the sums above them and 合计 are SUMs shown ≥ (26.67, 26.67 + 18 = 44.67, 9 + 44.67 =
    53.67); 合计's 分值 the base 100 (a SUM would leave out the ?); no rate of a lower bound,
    no grade; 培训质量's 20 reads 20*."""
    formulas, cached = captured_books(cli, write, tmp_path, "report")
    sheet, values = formulas["得分情况表"], cached["得分情况表"]
    assert [sheet[f"{c}2"].value for c in "ACFGHIJ"] == [
        "一级指标", "得分", "得分", "三级指标", "分值", "得分", "得分率",
    ]  # fmt: skip
    assert cells(sheet, values, ["G5", "H5", "I5", "J5"]) == [
        ("培训天数", "培训天数", "General"),
        (20, 20, "General"),
        ("未录入", "未录入", "0.00"),
        ("—", "—", "0.00%"),
    ]
    assert cells(sheet, values, ["A7", "B7", "C7", "J7"]) == [
        ("满意度指标", "满意度指标", "General"),
        ("?", "?", "General"),
        ("未录入", "未录入", "0.00"),
        ("—", "—", "0.00%"),
    ]
    assert cells(sheet, values, ["B4", "C4", "E4", "F4", "F6", "H6"]) == [
        ("=SUM(E4:E6)", 70, "General"),
        ("=SUM(F4:F6)", 44.67, BOUND_SCORE),
        ("=SUM(H4:H5)", 50, "General"),
        ("=SUM(I4:I5)", 26.67, BOUND_SCORE),
        ("=SUM(I6:I6)", 18, "0.00"),  # 质量指标: all captured
        (20, 20, INFERRED_POINTS),
    ]
    assert cells(sheet, values, ["A8", "B8", "C8", "J8", "A9", "B9"]) == [
        ("合计", "合计", "General"),
        (100, 100, "General"),
        ("=SUM(C3:C7)", 53.67, BOUND_SCORE),
        ("—", "—", "0.00%"),
        ("评价等级", "评价等级", "General"),
        ("—", "—", "General"),
    ]
    assert sheet["A11"].value == captured_part.RESULT_LINE
    assert sheet["A12"].value == captured_part.INFERRED_LINE


def test_summary_sheet_of_a_sheet_captured_in_part(cli, write, tmp_path):
    """评价得分和等级 refers to the 得分情况表 and caches what its cells hold: ? and 未录入 as
    text, ≥ on the lower bounds, — for their rates (no formula dividing a text)."""
    formulas, cached = captured_books(cli, write, tmp_path, "report")
    sheet, values = formulas["评价得分和等级"], cached["评价得分和等级"]
    rows = [[values[f"{c}{r}"].value for c in "ABCD"] for r in range(3, 8)]
    assert rows == [
        ["预算执行率", 10, 9, 0.9],
        ["产出指标", 70, 44.67, "—"],
        ["满意度指标", "?", "未录入", "—"],
        ["合计", 100, 53.67, "—"],
        ["评价等级", "—", None, None],
    ]
    assert [sheet[f"C{r}"].number_format for r in range(3, 7)] == [
        "0.00", BOUND_SCORE, "0.00", BOUND_SCORE,
    ]  # fmt: skip
    assert sheet["B5"].value == "='得分情况表'!$B$7" and sheet["D3"].value == "=C3/B3"


def test_form_sheet_of_a_sheet_captured_in_part(cli, write, tmp_path):
    """自评表: 培训天数 20 | 未录入, 满意度指标 ? | 未录入, 培训质量 20*; 总分 100 (the base, a
    number) and ≥53.67 (the sum of the rows and the budget row, 26.67 + 18 + 9), 等级 —."""
    formulas, cached = captured_books(cli, write, tmp_path, "self-evaluation")
    sheet, values = formulas["自评表"], cached["自评表"]
    assert [sheet[f"{c}8"].value for c in "DGH"] == ["三级指标", "分值", "得分"]
    assert cells(sheet, values, ["G10", "H10", "G11", "G12", "H12"]) == [
        (20, 20, "General"),
        ("未录入", "未录入", "General"),
        (20, 20, INFERRED_POINTS),
        ("?", "?", "General"),
        ("未录入", "未录入", "General"),
    ]
    assert cells(sheet, values, ["A13", "G13", "H13", "A14", "G14"]) == [
        ("总分", "总分", "General"),
        (100, 100, "General"),
        ("=SUM(H9:H12)+I5", 53.67, BOUND_SCORE),
        ("评价等级", "评价等级", "General"),
        ("—", "—", "General"),
    ]
