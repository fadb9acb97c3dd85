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

from . import captured_part
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

# Every example, in both layouts of report -f xlsx: the 自评表 form (项目资金 block, 年度指标值 /
# 实际完成值 / 偏差原因) and the 评价报告 得分情况表 (name | 分值 | 得分 per level, 得分率, 评分依据).
EVERY_EXAMPLE = sorted(path.name for path in EXAMPLES.glob("*.yaml"))
LAYOUTS = ("self-evaluation", "report")


def _round_trip(cli, tmp_path, source: Path, layout: str) -> tuple[dict, dict, Path, Path]:
    """report -f xlsx --layout, then import: the two JSON exports, the sheet, the file."""
    sheet = tmp_path / "report.xlsx"
    made = cli("report", source, "-f", "xlsx", "--layout", layout, "-o", sheet)
    assert made.exit_code == EXIT_OK, made.stderr
    back = tmp_path / "back.yaml"
    imported = cli("import", sheet, "-o", back)
    assert imported.exit_code == EXIT_OK, imported.stderr
    original = json.loads(cli("evaluate", source, "--json", "-").stdout)
    again = cli("evaluate", back, "--json", "-")
    assert again.exit_code == EXIT_OK, again.stderr
    return original, json.loads(again.stdout), sheet, back


def _node(node: dict) -> tuple:
    """What a node is worth, and whether it was captured (with its note when it was not)."""
    missing = node.get("captured") is False
    return (
        node["path"],
        node["points"],
        node.get("points_known", True),
        node["score"],
        node.get("partial", False),
        node.get("applicable", True),
        (False, node.get("note")) if missing else True,
    )


def _root(export: dict) -> tuple:
    return (export["points"], export["score"], export["rate"], export["grade"], export["partial"])


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("example", EVERY_EXAMPLE)
def test_report_xlsx_round_trip_scores_the_same_node_by_node(cli, tmp_path, example, layout):
    """report -f xlsx of every example, in both layouts, imported back: every node's points,
    score and partial total are the same, a part not captured comes back captured: false with
    its note, and check on the sheet agrees with every number it prints."""
    original, imported, sheet, _ = _round_trip(cli, tmp_path, EXAMPLES / example, layout)
    assert [_node(n) for n in _walk(imported["indicators"])] == [
        _node(n) for n in _walk(original["indicators"])
    ]
    assert _root(imported) == _root(original)
    assert cli("check", sheet).exit_code == EXIT_OK


def _leaves(nodes: list[dict]) -> list[dict]:
    return [n for n in _walk(nodes) if not n.get("children") and n.get("captured", True)]


@pytest.mark.parametrize("example", EVERY_EXAMPLE)
def test_form_round_trip_keeps_what_the_form_prints(cli, tmp_path, example):
    """The 自评表 form carries the project block, each leaf's 年度指标值 / 实际完成值 as
    written, its 偏差原因 (basis) and the 项目资金 block's amounts: they come back."""
    original, imported, _, _ = _round_trip(cli, tmp_path, EXAMPLES / example, "self-evaluation")
    for key in ("name", "department", "year", "金额单位", "年度总体目标"):
        assert imported["project"].get(key) == original["project"].get(key), key
    for was, back in zip(
        _leaves(original["indicators"]), _leaves(imported["indicators"]), strict=True
    ):
        assert back.get("basis") == was.get("basis"), was["path"]
        if "target" in was and "actual" in was and was.get("rule") != "survey":
            assert (back["target"], back["actual"]) == (was["target"], was["actual"])
        if was.get("rule") == "execution":
            assert back["rule"] == "execution"


@pytest.mark.parametrize("example", EVERY_EXAMPLE)
def test_report_round_trip_keeps_every_basis(cli, tmp_path, example):
    """The 得分情况表 carries each leaf's 评分依据: a leaf's basis comes back word for word."""
    original, imported, _, _ = _round_trip(cli, tmp_path, EXAMPLES / example, "report")
    assert imported["project"]["name"] == original["project"]["name"]
    for was, back in zip(
        _leaves(original["indicators"]), _leaves(imported["indicators"]), strict=True
    ):
        if was.get("basis"):
            assert back["basis"] == was["basis"], was["path"]


# Cases no example has: a node 不适用 (the total rescaled: 70.67 × 100 ÷ 80 = 88.34), a judged
# score beside an unmet word target (优 / 良, 15 of 20, 部分达成), inferred points, a budget row
# nested under 投入管理 (shown in the block and again in its place: one leaf), precision 2.
UNCOMMON = """
perfscore: 1
project: {name: 罕见情形, kind: 部门自评, 金额单位: 万元}
indicators:
  - name: 过程指标
    children:
      - name: 投入管理
        children:
          - {name: 预算执行率, points: 10, rule: execution, budget: 100, spent: 90,
             items: [{name: 当年财政拨款, budget: 100, spent: 90}]}
  - name: 产出指标
    children:
      - name: 数量指标
        children:
          - {name: 培训人数, points: 30, target: ≥45人, actual: 40人}
          - {name: 培训天数, points: 20, target: ≥5天, actual: 5天, applicable: false}
      - name: 质量指标
        children:
          - {name: 培训质量, points: 20, target: 优, actual: 良, score: 15, level: 部分达成,
             basis: 部分课程评价一般}
  - name: 满意度指标
    children:
      - name: 服务对象满意度
        children:
          - {name: 满意度, points: 20, target: ≥90%, actual: 95%, inferred: true}
"""


@pytest.mark.parametrize("layout", LAYOUTS)
def test_round_trip_of_cases_no_example_has(cli, write, tmp_path, layout):
    """不适用, a judged unmet target, inferred points and a nested budget row: the same nodes
    (9 + 26.67 + 15 + 20 = 70.67 on 80 applicable points → 88.34), and the sentences the
    report writes below its table (the rescale, the inferred mark, the warnings) are no note."""
    original, imported, sheet, back = _round_trip(cli, tmp_path, write(UNCOMMON), layout)
    assert [_node(n) for n in _walk(imported["indicators"])] == [
        _node(n) for n in _walk(original["indicators"])
    ]
    assert (imported["score"], imported["grade"]) == (88.34, "良")
    assert "\nnote:" not in back.read_text(encoding="utf-8")
    # The printed 88.34 over level-1 scores summing to 70.67 is the rescale, no contradiction.
    audited = cli("check", sheet)
    assert audited.exit_code == EXIT_OK, audited.stdout


NOTED = """
perfscore: 1
project: {name: 备注往返, kind: 部门自评}
indicators:
  - {name: 预算执行率, points: 10, rule: execution, budget: 100, spent: 100,
     note: 原表执行率栏空白}
  - name: 产出指标
    children:
      - name: 数量指标
        children:
          - {name: 培训人数, points: 50, target: ≥45人, actual: 47人, note: 原表此格有涂改}
          - {name: 培训质量, points: 40, target: 优, actual: 良, score: 30,
             basis: 一期培训推迟, note: 得分栏手写}
"""


@pytest.mark.parametrize("layout", LAYOUTS)
def test_round_trip_keeps_notes(cli, write, tmp_path, layout):
    """A leaf's note, printed after its 评分依据 / 偏差原因 as 备注：…, comes back as its note
    (first, before anything the importer itself notes), and the basis beside it as the basis."""
    original, imported, _, _ = _round_trip(cli, tmp_path, write(NOTED), layout)
    by_path = {n["path"]: n for n in _walk(imported["indicators"])}
    for was in _leaves(original["indicators"]):
        back = by_path[was["path"]]
        assert back["note"].split("；")[0] == was["note"], was["path"]
    assert by_path["产出指标/数量指标/培训质量"]["basis"] == "一期培训推迟"


def test_form_nested_budget_row_is_one_execution_leaf(cli, write, tmp_path):
    """The form shows a nested budget row in the block and in its place; it comes back once,
    in its place, scored by the block: 90 ÷ 100 = 90.00%, 0.9 × 10 = 9."""
    _, imported, _, _ = _round_trip(cli, tmp_path, write(UNCOMMON), "self-evaluation")
    (leaf,) = [n for n in _walk(imported["indicators"]) if n.get("rule") == "execution"]
    assert (leaf["path"], leaf["points"], leaf["score"]) == ("过程指标/投入管理/预算执行率", 10, 9)
    assert [n["name"] for n in imported["indicators"]] == ["过程指标", "产出指标", "满意度指标"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_round_trip_of_a_sheet_captured_in_part(cli, write, tmp_path, layout):
    """The report writes a part not captured as 未录入 (分值 20, or ?), the sums above it ≥ and
    inferred points 20* (number formats): it comes back captured: false with its points and
    note, the lower bounds 26.67 / 44.67 / 53.67 the same, no grade (tests/captured_part.py)."""
    original, imported, sheet, _ = _round_trip(cli, tmp_path, write(captured_part.SHEET), layout)
    assert [_node(n) for n in _walk(imported["indicators"])] == [
        _node(n) for n in _walk(original["indicators"])
    ]
    assert _root(imported) == (100, 53.67, 53.67, None, True)
    by_path = {n["path"]: n for n in _walk(imported["indicators"])}
    days = by_path["产出指标/数量指标/培训天数"]
    assert (days["captured"], days["points"], days["note"]) == (False, 20, "原表此格污损")
    assert by_path["满意度指标"]["points_known"] is False
    assert cli("check", sheet).exit_code == EXIT_OK


def test_form_round_trip_keeps_the_achieved_goal(cli, write, tmp_path):
    """目标实际完成情况 comes back as 年度总体目标完成情况 (import's key), which the form reads:
    the form of the imported file prints the same two goal texts."""
    text = NOTED.replace(
        "kind: 部门自评}", "kind: 部门自评, 年度总体目标: 培训干部, 目标实际完成情况: 已培训 47 人}"
    )
    _, imported, _, back = _round_trip(cli, tmp_path, write(text), "self-evaluation")
    assert imported["project"]["年度总体目标"] == "培训干部"
    assert imported["project"]["年度总体目标完成情况"] == "已培训 47 人"
    again = cli("report", back, "-f", "md", "--layout", "self-evaluation")
    assert "| 培训干部 | 已培训 47 人 |" in again.stdout


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
