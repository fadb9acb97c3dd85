"""perfscore import, and check/summary on sheets, through the CLI (docs/import.md).

The fixtures in tests/data/import/ are made by scripts/make_import_fixtures.py from seed 02's
干部教育培训费 table, examples/shequ-yanglao-selfeval-2024.yaml and two of seed 01's
projects; every number asserted below is printed on those sheets (seed 02, seed 01) or
computed by hand in the example file.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from perfscore.errors import EXIT_DISAGREE, EXIT_INPUT, EXIT_OK, EXIT_USAGE

from .conftest import EXAMPLES, ROOT

DATA = ROOT / "tests" / "data" / "import"

# (fixture, tables, checks made per table): every published number of each sheet agrees.
# 干部教育培训费 (seed 02): 执行率 + 得分 of the budget row, its total against the 其中 rows
# for 3 amounts, 8 leaf 得分, 总分 分值 and 得分, and the 总分 against the row 得分
# → 2 + 3 + 8 + 2 + 1 = 16.
# 社区居家养老 (the example): the same, with one 其中 row: 2 + 3 + 8 + 2 + 1 = 16.
# 机关运行费用 / 市民中心运行保障费用: 2 + 3 + 6 + 2 + 1 = 14; the 汇总表: its 3 scores.
AGREEING = [
    ("ganbu-merged.xlsx", [16]),
    ("ganbu-merged.xls", [16]),
    ("ganbu-merged.ods", [16]),
    ("ganbu-merged.pdf", [16]),
    ("ganbu-repeated.xlsx", [16]),
    ("shequ-national.xlsx", [16]),
    ("shequ-long.xlsx", [16]),
    ("shequ-long.pdf", [16]),
    ("shequ-long-repeat.pdf", [16]),
    ("many-projects.xlsx", [14, 14, 16, 3]),
    ("many-projects.pdf", [14, 14, 16, 3]),
]


def _check_json(cli, *paths) -> tuple[int, dict]:
    result = cli("check", *paths, "--json", "-")
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize(("fixture", "checks"), AGREEING)
def test_check_reproduces_every_published_number(cli, fixture, checks):
    """check on the sheet itself: every table's published numbers all agree, none unverifiable."""
    code, report = _check_json(cli, DATA / fixture)
    assert code == EXIT_OK
    assert [f["compared"] for f in report["files"]] == checks
    assert all(f["agrees"] and f["unverifiable"] == 0 for f in report["files"])


@pytest.mark.parametrize(("fixture", "checks"), AGREEING)
def test_import_then_check(cli, tmp_path, fixture, checks):
    """import writes one file per table; check on the written files agrees as on the sheet."""
    out = tmp_path / "out"
    out.mkdir()
    result = cli("import", DATA / fixture, "-o", out)
    assert result.exit_code == EXIT_OK, result.stderr
    written = sorted(out.glob("*.yaml"))
    tables = len(checks) - (1 if fixture.startswith("many") else 0)  # the 汇总表 is no file
    assert len(written) == tables
    code, report = _check_json(cli, *written)
    assert code == EXIT_OK
    assert sorted(f["compared"] for f in report["files"]) == sorted(checks[:tables])


@pytest.mark.parametrize(
    "fixture", ["ganbu-merged.xlsx", "ganbu-repeated.xlsx", "ganbu-merged.pdf"]
)
def test_ganbu_gives_100(cli, tmp_path, fixture):
    """Seed 02's 干部教育培训费 table, imported from each layout, scores 100 (优)."""
    target = tmp_path / "ganbu.yaml"
    assert cli("import", DATA / fixture, "-o", target).exit_code == EXIT_OK
    result = cli("evaluate", target, "--json", "-")
    export = json.loads(result.stdout)
    assert (export["score"], export["grade"], export["points"]) == (100, "优", 100)


def test_shequ_scores_as_computed_by_hand(cli, tmp_path):
    """The example's 91.08 (8.55 + 9.2 + 8.5 + 8.23 + 10 + 7 + 15 + 15 + 9.6) from the PDF over two pages."""
    target = tmp_path / "shequ.yaml"
    assert cli("import", DATA / "shequ-long-repeat.pdf", "-o", target).exit_code == EXIT_OK
    export = json.loads(cli("evaluate", target, "--json", "-").stdout)
    assert export["score"] == 91.08
    scores = {n["path"]: n["score"] for n in _walk(export["indicators"])}
    assert scores["效益指标"] == 30  # the 一级 cell cut by the page break is one node: 15 + 15
    assert scores["产出指标/时效指标/补助发放及时性"] == 7  # 及时 not met: the sheet's judged 7


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node.get("children", []))


def test_rollup_disagreeing_is_flagged_with_both_numbers(cli):
    """A 汇总表 listing 98.82 for a table that gives 97.59 (seed 01's case): exit 3, both shown."""
    code, report = _check_json(cli, DATA / "rollup-disagrees.xlsx")
    assert code == EXIT_DISAGREE
    rollup = report["files"][-1]
    assert rollup["file"].endswith("rollup-disagrees.xlsx#汇总表")
    assert rollup["findings"] == [
        {
            "kind": "reported",
            "path": "机关运行费用",
            "of": "score",
            "reported": 98.82,
            "expected": 97.59,
            "difference": -1.23,
            "line": 4,
        }
    ]
    printed = cli("check", DATA / "rollup-disagrees.xlsx")
    assert printed.exit_code == EXIT_DISAGREE
    assert "98.82" in printed.stdout and "97.59" in printed.stdout


# ---------------------------------------------------------------- malformed sheets

MALFORMED = [
    (
        "bad-no-header.xlsx",
        "bad-no-header.xlsx: 工作表“自评表”H6：没有找到指标表头（须有“一级指标”“二级指标”“三级指标”"
        "“分值”“得分”等列名），读到此处为止",
    ),
    (
        "bad-merged-header.xlsx",
        "bad-merged-header.xlsx: 工作表“自评表”F13：表头的合并单元格 F13:G13 跨越了多列，而下方各行在这些列中"
        "各有内容，无法确定各列的含义；请取消合并后再试",
    ),
    ("bad-score-text.xlsx", "bad-score-text.xlsx: 工作表“自评表”G15：得分“十分”不是数字"),
    ("bad-empty.xlsx", "bad-empty.xlsx: 文件中没有任何内容（所有工作表都是空的）"),
    (
        "bad-encrypted.xlsx",
        "bad-encrypted.xlsx: 文件设有打开密码（已加密），无法读取；请在 Excel 中取消密码后另存",
    ),
    (
        "bad-corrupt.xlsx",
        "bad-corrupt.xlsx: 文件已损坏或不是 Excel/WPS/LibreOffice 表格（File is not a zip file）",
    ),
    (
        "notable.pdf",
        "notable.pdf: PDF 中没有找到表格（没有表格线围成的单元格）：扫描件或纯文字的 PDF 无法读取",
    ),
]


@pytest.mark.parametrize(("fixture", "message"), MALFORMED)
def test_malformed_sheet_one_line(cli, tmp_path, fixture, message):
    """Each malformed sheet: one line naming the file, the sheet and the cell; exit 1; no file."""
    os.chdir(DATA)
    try:
        result = cli("import", fixture, "-o", tmp_path / "out.yaml")
    finally:
        os.chdir(ROOT)
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == message + "\n"
    assert not (tmp_path / "out.yaml").exists()


def test_malformed_in_english(cli, tmp_path):
    """--lang en says the same in English."""
    os.chdir(DATA)
    try:
        result = cli("import", "bad-score-text.xlsx", "-o", tmp_path / "x.yaml", "--lang", "en")
    finally:
        os.chdir(ROOT)
    assert (
        result.stderr
        == "bad-score-text.xlsx: sheet '自评表' G15: the score '十分' is not a number\n"
    )


def test_other_tables_still_import(cli, tmp_path):
    """A sheet that cannot be read beside good ones: they are written, exit 1."""
    out = tmp_path / "out"
    out.mkdir()
    result = cli("import", DATA / "bad-score-text.xlsx", DATA / "ganbu-merged.pdf", "-o", out)
    assert result.exit_code == EXIT_INPUT
    assert [p.name for p in out.iterdir()] == ["干部教育培训费.yaml"]
    assert "G15：得分“十分”不是数字" in result.stderr


def test_check_lists_unreadable_table_and_goes_on(cli):
    """check on a bad sheet and a good one: the good one audited, exit 1 for the bad one."""
    code, report = _check_json(cli, DATA / "bad-score-text.xlsx", DATA / "ganbu-merged.xlsx")
    assert code == EXIT_INPUT
    assert [f["compared"] for f in report["files"]] == [16]
    assert report["failed"][0]["file"].endswith("bad-score-text.xlsx#自评表")


def _hostile(path: Path, row: int) -> Path:
    """A 1 KB workbook with a cell at A1 and one at A<row>."""
    sheet = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="{row}"><c r="A{row}"><v>1</v></c></row>'
        "</sheetData></worksheet>"
    )
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>",
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="自评表" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def test_hostile_row_refused_quickly_in_bounded_memory(tmp_path):
    """A 1 KB workbook declaring row 99,999,999 is refused in seconds under a 1 GiB address space."""
    hostile = _hostile(tmp_path / "hostile.xlsx", 99_999_999)
    assert hostile.stat().st_size < 2048

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))

    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "perfscore", "check", str(hostile)],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit,
        check=False,
        cwd=tmp_path,
    )
    assert time.monotonic() - started < 20
    assert done.returncode == EXIT_INPUT
    assert done.stderr.strip().endswith(
        "hostile.xlsx: 工作表“自评表”声明的范围过大（99999999 行 × 1 列，上限 10000 行、256 列、"
        "500000 个单元格）：文件已损坏或不是自评表"
    )


# ---------------------------------------------------------------- outputs


def test_one_table_to_a_file_and_never_overwriting_in_a_folder(cli, tmp_path):
    """-o FILE for one table; in a folder, a second import of the same project gets -2."""
    assert cli("import", DATA / "ganbu-merged.xlsx", "-o", tmp_path / "a.yaml").exit_code == 0
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8").startswith("# perfscore import 从")
    folder = tmp_path / "many"
    folder.mkdir()
    for _ in range(2):
        assert cli("import", DATA / "ganbu-merged.xlsx", "-o", folder).exit_code == EXIT_OK
    assert sorted(p.name for p in folder.iterdir()) == [
        "干部教育培训费-2.yaml",
        "干部教育培训费.yaml",
    ]


def test_several_tables_need_a_folder(cli, tmp_path):
    """Several tables with -o NAME.yaml is a usage error (exit 2), nothing written."""
    result = cli("import", DATA / "many-projects.xlsx", "-o", tmp_path / "x.yaml")
    assert result.exit_code == EXIT_USAGE
    assert "共有 3 个表：-o 须为文件夹" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_default_output_beside_the_sheet(cli, tmp_path):
    """Without -o the file goes beside the sheet, named after the project."""
    sheet = tmp_path / "自评表.xlsx"
    sheet.write_bytes((DATA / "ganbu-merged.xlsx").read_bytes())
    result = cli("import", sheet)
    assert result.exit_code == EXIT_OK
    assert (tmp_path / "干部教育培训费.yaml").exists()


def test_summary_accepts_sheets(cli):
    """summary on a workbook of many projects: one row per table, with their scores."""
    result = cli("summary", DATA / "many-projects.xlsx", "--json", "-")
    assert result.exit_code == EXIT_OK
    rows = json.loads(result.stdout)["projects"]
    assert [(r["name"], r["score"]) for r in rows] == [
        ("机关运行费用", 97.59),
        ("市民中心运行保障费用", 97.59),
        ("干部教育培训费", 100),
    ]


def test_folder_search_finds_sheets(cli, tmp_path):
    """check on a folder finds .xlsx and .pdf sheets beside .yaml files."""
    for name in ("ganbu-merged.xlsx", "ganbu-merged.pdf"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    code, report = _check_json(cli, tmp_path)
    assert code == EXIT_OK
    assert len(report["files"]) == 2


# ---------------------------------------------------------------- the round trip

SELF_EVALUATIONS = ["ganbu-peixun-2023.yaml", "shequ-yanglao-selfeval-2024.yaml"]


@pytest.mark.parametrize("example", [*SELF_EVALUATIONS, "yirenyidang-2023.yaml"])
def test_report_xlsx_round_trip_scores_the_same_node_by_node(cli, tmp_path, example):
    """report -f xlsx of an example, imported back: every node's points and score are the same."""
    sheet = tmp_path / "report.xlsx"
    assert cli("report", EXAMPLES / example, "-f", "xlsx", "-o", sheet).exit_code == EXIT_OK
    back = tmp_path / "back.yaml"
    assert cli("import", sheet, "-o", back).exit_code == EXIT_OK
    original = json.loads(cli("evaluate", EXAMPLES / example, "--json", "-").stdout)
    imported = json.loads(cli("evaluate", back, "--json", "-").stdout)
    assert [(n["path"], n["points"], n["score"]) for n in _walk(imported["indicators"])] == [
        (n["path"], n["points"], n["score"]) for n in _walk(original["indicators"])
    ]
    assert (imported["score"], imported["grade"]) == (original["score"], original["grade"])
    assert cli("check", sheet).exit_code == EXIT_OK


def test_float_cell_stays_exact(cli, tmp_path):
    """A float cell 8.94 (stored by XlsxWriter as a binary double) is written as 8.94."""
    assert cli("import", DATA / "many-projects.xlsx", "-o", tmp_path / "out").exit_code == 0
    text = (tmp_path / "out" / "机关运行费用.yaml").read_text(encoding="utf-8")
    assert "    reported: 8.94  # I7\n" in text
    assert "    spent: 293.82  # F7\n" in text


# ---------------------------------------------------------------- small sheets


def _sheet(
    path: Path, rows: list[tuple], total: tuple = ("总分", "", "", "", "", 100, 100)
) -> Path:
    """A minimal published-form sheet: the indicator header, the rows, the 总分 row."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("自评表")
    ws.write_row(0, 0, ["项目名称", "测试项目"])
    ws.write_row(
        1, 0, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    )
    for r, row in enumerate([*rows, total], start=2):
        for c, value in enumerate(row):
            if value != "":
                ws.write(r, c, value)
    book.close()
    return path


def test_text_validation_cannot_read_is_said_at_its_cell(cli, tmp_path):
    """An actual in another unit (≥45人 / 47天): the file is written, the problem named at E3; exit 1."""
    sheet = _sheet(
        tmp_path / "s.xlsx",
        [
            ("产出指标", "数量指标", "培训人数", "≥45人", "47天", 50, 50),
            ("效益指标", "社会效益", "x", "是", "是", 50, 50),
        ],
    )
    result = cli("import", sheet, "-o", tmp_path / "s.yaml")
    assert result.exit_code == EXIT_INPUT
    assert (tmp_path / "s.yaml").exists()
    assert "工作表“自评表”E3：" in result.stderr and "[产出指标/数量指标/培训人数]" in result.stderr
    code, report = _check_json(cli, sheet)
    assert code == EXIT_INPUT
    assert "工作表“自评表”E3：" in report["failed"][0]["error"]


def test_points_not_adding_to_100_import_as_printed(cli, tmp_path):
    """Level-1 points 40 + 50 = 90 under a 总分 of 100: imported, and the 总分 分值 is a finding."""
    sheet = _sheet(
        tmp_path / "s.xlsx",
        [
            ("产出指标", "数量指标", "a", "≥10人", "10人", 40, 40),
            ("效益指标", "社会效益", "b", "是", "是", 50, 50),
        ],
        ("总分", "", "", "", "", 100, 90),
    )
    code, report = _check_json(cli, sheet)
    assert code == EXIT_DISAGREE
    (table,) = report["files"]
    assert [(f["of"], f["reported"], f["expected"]) for f in table["findings"]] == [
        ("points", 100, 90)
    ]


def test_row_without_scoring_is_not_captured(cli, tmp_path):
    """A row printing no target, actual or score is captured: false; the total cannot be verified."""
    sheet = _sheet(
        tmp_path / "s.xlsx",
        [
            ("产出指标", "数量指标", "a", "≥10人", "10人", 50, 50),
            ("效益指标", "社会效益", "b", "", "", 50, ""),
        ],
    )
    result = cli("import", sheet, "-o", tmp_path / "s.yaml")
    assert result.exit_code == EXIT_OK
    text = (tmp_path / "s.yaml").read_text(encoding="utf-8")
    assert "          - name: b  # 工作表“自评表”第 4 行；C4\n            captured: false\n" in text
    code, report = _check_json(cli, sheet)
    assert code == EXIT_OK
    assert report["files"][0]["partial"] is True
    assert report["files"][0]["unverifiable"] >= 1
