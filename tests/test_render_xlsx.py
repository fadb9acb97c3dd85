"""The XLSX report: values, merged ranges, SUM formulas with cached values (read by openpyxl)."""

from __future__ import annotations

import pytest

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
    """Three sheets; the tree sheet's header has name/分值/得分 per level, then 得分率, 评分依据."""
    assert formulas.sheetnames == ["得分情况表", "评价得分和等级", "失分情况"]
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
    assert book.sheetnames == ["Scores", "Summary", "Points lost"]
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
