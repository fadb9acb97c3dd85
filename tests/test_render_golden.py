"""Golden files for the Markdown, CSV and HTML reports, in both layouts and both languages.

The 评价报告 layout is the 78.49 example's (seed 03); the 自评表 layout the 干部教育培训费
self-evaluation's (seed 02). The reports are written through the CLI (``perfscore report …
-o FILE``) and compared byte for byte with tests/golden/. After an intended change,
regenerate them and review the diff:

    PERFSCORE_REGEN=1 .venv/bin/pytest tests/test_render_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import EXAMPLES

GOLDEN = Path(__file__).resolve().parent / "golden"
REGEN = os.environ.get("PERFSCORE_REGEN") == "1"
EXAMPLE = EXAMPLES / "yirenyidang-2023.yaml"
FORM = EXAMPLES / "ganbu-peixun-2023.yaml"

CASES = [
    (EXAMPLE, "md", "zh", "yirenyidang-2023.md"),
    (EXAMPLE, "csv", "zh", "yirenyidang-2023.csv"),
    (EXAMPLE, "html", "zh", "yirenyidang-2023.html"),
    (EXAMPLE, "md", "en", "yirenyidang-2023.en.md"),
    (EXAMPLE, "csv", "en", "yirenyidang-2023.en.csv"),
    (EXAMPLE, "html", "en", "yirenyidang-2023.en.html"),
    (FORM, "md", "zh", "ganbu-peixun-2023.md"),
    (FORM, "html", "zh", "ganbu-peixun-2023.html"),
    (FORM, "md", "en", "ganbu-peixun-2023.en.md"),
    (FORM, "html", "en", "ganbu-peixun-2023.en.html"),
]


@pytest.mark.parametrize(("example", "fmt", "lang", "name"), CASES)
def test_report_matches_golden(cli, tmp_path, example, fmt, lang, name):
    """`perfscore report -f FMT --lang LANG` writes exactly the reviewed golden file."""
    out = tmp_path / name
    result = cli("report", example, "-f", fmt, "-o", out, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    data = out.read_bytes()
    golden = GOLDEN / name
    if REGEN:  # write the new golden file and say so; a regenerated file is never compared
        golden.parent.mkdir(exist_ok=True)
        changed = not golden.exists() or golden.read_bytes() != data
        golden.write_bytes(data)
        pytest.skip(
            f"{name} regenerated ({'changed' if changed else 'unchanged'}): review the diff"
        )
    assert golden.exists(), f"missing {golden}: run PERFSCORE_REGEN=1 pytest {__file__}"
    assert data == golden.read_bytes(), f"{name} changed: review, then regenerate (see module doc)"


def test_csv_starts_with_bom_and_has_a_row_per_node():
    """The CSV is UTF-8 with a BOM, one header row and one row per node (42 nodes)."""
    data = (GOLDEN / "yirenyidang-2023.csv").read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = data.decode("utf-8-sig").splitlines()
    assert rows[0].split(",")[:10] == [
        "指标路径",
        "层级",
        "指标名称",
        "分值",
        "得分",
        "得分率",
        "评分规则",
        "目标值",
        "实际值",
        "评分依据",
    ]
    assert len(rows) == 1 + 42
    training = next(row for row in rows if row.startswith("产出/产出数量/系统培训完成率,"))
    assert training.startswith(
        "产出/产出数量/系统培训完成率,3,系统培训完成率,5,1.33,26.60,正向指标,≥30人次,8人次,"
    )
    assert training.endswith(",实际 8人次 ÷ 目标 30人次 × 5 = 1.33,3.67,2")  # explain, lost, rank


def test_markdown_tree_shows_merged_cells_once():
    """The tree table shows a parent's name on its first row only, as published tables do."""
    text = (GOLDEN / "yirenyidang-2023.md").read_text(encoding="utf-8")
    assert "| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 | 得分率 |" in text
    assert "| 决策 | 项目立项 | 立项依据充分性 | 3 | 3 | 100.00% |" in text
    assert "|  |  | 立项程序规范性 | 2 | 2 | 100.00% |" in text
    assert "| 合计 |  |  | 100 | 78.49 | 78.49% |" in text
    assert "距“良”（≥ 80 分）还差 1.51 分：总分须达到 80.00 分。" in text


def test_markdown_handles_shallower_and_deeper_trees(cli, write):
    """A ragged tree (a leaf at level 1, another at level 4) gets one column per level."""
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
                  - {name: 末, points: 60, score: 45}
    """)
    result = cli("report", path, "-f", "md")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "| 一级指标 | 二级指标 | 三级指标 | 四级指标 | 分值 | 得分 | 得分率 |" in text
    assert "| 甲 |  |  |  | 40 | 30 | 75.00% |" in text
    assert "| 乙 | 乙一 | 乙一一 | 末 | 60 | 45 | 75.00% |" in text
    assert "| 合计 |  |  |  | 100 | 75 | 75.00% |" in text


NOT_APPLICABLE = """
perfscore: 1
project: {name: 不适用测试}
indicators:
  - name: 决策
    points: 20
    children:
      - {name: a, points: 10, score: 8, basis: 一般}
      - {name: b, points: 10, applicable: false}
  - name: 产出
    points: 80
    children:
      - {name: c, points: 40, score: 30, basis: 部分完成}
      - {name: d, points: 40, score: 36, basis: 略有偏差}
"""


def test_not_applicable_nodes_in_reports(cli, write, tmp_path):
    """A 不适用 leaf reads 不适用 (no score, no loss) and the rescale is stated.

    Applicable: 8 + 30 + 36 = 74 of 90 → 74 × 100 ÷ 90 = 82.22 (良); 优 needs 90: gap 7.78,
    and c's 10 lost points are worth 10 × 100 ÷ 90 = 11.11 in the total: one leaf.
    """
    path = write(NOT_APPLICABLE)
    text = cli("report", path, "-f", "md").stdout
    assert "|  | b | 10 | 不适用 | 不适用 |" in text
    assert "不适用指标：决策/b。其余 90 分的得分 74 按 100 分折算：74 × 100 ÷ 90 = 82.22" in text
    assert "| 合计 |  | 100 | 82.22 | 82.22% |" in text
    assert "距“优”（≥ 90 分）还差 7.78 分" in text and "c（失 10 分）。" in text
    rows = cli("report", path, "-f", "csv").stdout.splitlines()
    assert "决策/b,2,b,10,,,,,,,不适用指标，不计分,," in rows
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    assert cli("report", path, "-o", tmp_path / "na.xlsx").exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "na.xlsx")["得分情况表"]
    assert (sheet["D4"].value, sheet["E4"].value, sheet["F4"].value, sheet["G4"].value) == (
        "b",
        10,
        "不适用",
        "不适用",
    )
    assert sheet["C7"].value == "=ROUND(SUM(C3:C6)*100/90,2)"


def test_csv_text_cannot_run_as_a_formula(cli, write):
    """A name or basis starting with = (CSV injection) is written with a leading apostrophe."""
    path = write("""
    perfscore: 1
    project: {name: 注入}
    indicators:
      - {name: "=HYPERLINK(1)", points: 100, score: 90, basis: "@SUM(A1)"}
    """)
    rows = cli("report", path, "-f", "csv").stdout.splitlines()
    assert rows[1].startswith("'=HYPERLINK(1),1,'=HYPERLINK(1),100,90,90.00,评价打分,,,'@SUM(A1),")
