"""The Word report, read back with python-docx: tables, merged ranges, texts, fonts, pages.

Merged ranges are read from the XML (w:gridSpan across, w:vMerge down), as Word stores
them; python-docx's own cell list repeats a merged cell in every slot it covers.
"""

from __future__ import annotations

import re

import pytest

from . import captured_part
from .conftest import EXAMPLES

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402

REPORT = EXAMPLES / "yirenyidang-2023.yaml"
FORM = EXAMPLES / "ganbu-peixun-2023.yaml"
PARTIAL = EXAMPLES / "shequ-yanglao-selfeval-2024.yaml"
CJK = re.compile(r"[\u3400-\u9fff]")


def open_docx(cli, tmp_path, example, *options):
    out = tmp_path / "report.docx"
    result = cli("report", example, "-o", out, *options)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    return docx.Document(str(out))


def layout(table):
    """(slots, merges): each grid slot's text (a merged cell's in its first slot, the slots
    it covers empty) and every merged range as (first row, first col, last row, last col)."""
    origin: dict[tuple[int, int], list[int]] = {}  # (row, col) → [last row, last col]
    slots: list[list[str]] = []
    below: dict[int, tuple[int, int]] = {}  # column → the origin of the vMerge it continues
    for r, tr in enumerate(table._tbl.tr_lst):
        row: list[str] = []
        col = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            merge = tc.vMerge
            text = "".join(node.text or "" for node in tc.iter(qn("w:t")))
            if merge == "continue":
                start = below[col]
                origin[start][0] = r
                row += [""] * span
            else:
                origin[(r, col)] = [r, col + span - 1]
                below[col] = (r, col)
                row += [text] + [""] * (span - 1)
            col += span
        slots.append(row)
    merges = {
        (r, c, last_r, last_c)
        for (r, c), (last_r, last_c) in origin.items()
        if (last_r, last_c) != (r, c)
    }
    return slots, merges


@pytest.fixture
def report(cli, tmp_path):
    return open_docx(cli, tmp_path, REPORT)


@pytest.fixture
def form(cli, tmp_path):
    return open_docx(cli, tmp_path, FORM)


def test_report_tables_in_the_order_of_the_report(report):
    """Four tables: the level-1 summary, the grade table, the indicator system, the lost points."""
    headers = [layout(table)[0][0] for table in report.tables]
    assert headers == [
        ["一级指标", "指标分值", "得分", "得分率"],
        ["等级", "得分区间", "本项目"],
        ["一级指标", "二级指标", "三级指标", "分值", "得分", "得分率", "评分依据"],
        ["序号", "指标名称", "一级指标", "分值", "得分", "失分", "评分依据"],
    ]


def test_report_summary_and_grade_cells(report):
    """The summary reproduces seed 03's table (13.5 + 19.5 + 22.33 + 23.16 = 78.49); 中 is marked."""
    summary, _ = layout(report.tables[0])
    assert summary[1:] == [
        ["决策", "15", "13.5", "90.00%"],
        ["过程", "25", "19.5", "78.00%"],
        ["产出", "30", "22.33", "74.43%"],
        ["效益", "30", "23.16", "77.20%"],
        ["合计", "100", "78.49", "78.49%"],
    ]
    grades, _ = layout(report.tables[1])
    assert grades[1:] == [
        ["优", "90（含）-100 分", ""],
        ["良", "80（含）-90 分", ""],
        ["中", "60（含）-80 分", "78.49 分"],
        ["差", "60 分以下", ""],
    ]


def test_report_tree_merges_and_cells(report):
    """Level-1 and level-2 names are merged down their leaves; 合计 across the name columns.

    Rows: header 0, 25 leaves 1–25 (决策 1–6, 过程 7–12, 产出 13–18, 效益 19–25), 合计 26.
    """
    slots, merges = layout(report.tables[2])
    assert len(slots) == 27
    assert {(1, 0, 6, 0), (7, 0, 12, 0), (13, 0, 18, 0), (19, 0, 25, 0)} <= merges  # 一级
    assert {(1, 1, 2, 1), (7, 1, 9, 1), (10, 1, 12, 1), (19, 1, 20, 1)} <= merges  # 二级
    assert (26, 0, 26, 2) in merges  # 合计
    assert not any(first == 17 and col == 1 for first, col, _, _ in merges)  # 产出时效: one leaf
    assert slots[1][:6] == ["决策", "项目立项", "立项依据充分性", "3", "3", "100.00%"]
    # 5 × 8 ÷ 30 = 1.33 (26.60%), the basis word for word
    assert slots[14] == [
        "",
        "",
        "系统培训完成率",
        "5",
        "1.33",
        "26.60%",
        "验收报告中计划培训人数不少于 30 人次，实际培训 8 人次（4 次，每次 2 人），未完成培训计划。",
    ]
    # a computed leaf without a basis shows its calculation as its 评分依据
    assert slots[7][2:] == ["财政资金到位率", "3", "3", "100.00%", slots[7][6]]
    assert slots[26] == ["合计", "", "", "100", "78.49", "78.49%", ""]


def test_report_lost_points_table(report):
    """The ranking: 应用场景质量 lost 5 − 1 = 4, first; 12 leaves lost points."""
    slots, _ = layout(report.tables[3])
    assert len(slots) == 13
    assert slots[1][:6] == ["1", "应用场景质量", "产出", "5", "1", "4"]
    assert slots[2][:6] == ["2", "系统培训完成率", "产出", "5", "1.33", "3.67"]


def paragraphs(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text]


def test_report_grade_next_grade_and_problems_by_stage(report):
    """The total and grade, the next grade, and 发现的问题 under （一）决策 … （四）效益."""
    texts = paragraphs(report)
    assert texts[0] == "“一人一档、一企一档”建设项目绩效评价得分情况"
    assert "绩效评价得分：78.49 分　评价结果等级：中" in texts
    assert "距“良”（≥ 80 分）还差 1.51 分：总分须达到 80.00 分。" in texts
    start = texts.index("五、发现的问题")
    stages = [text for text in texts[start:] if text.startswith("（")]
    assert stages == [
        "（一）决策阶段存在的问题",
        "（二）过程阶段存在的问题",
        "（三）产出阶段存在的问题",
        "（四）效益阶段存在的问题",
    ]
    output = texts[
        texts.index("（三）产出阶段存在的问题") : texts.index("（四）效益阶段存在的问题")
    ]
    assert output == [
        "（三）产出阶段存在的问题",
        "1.应用场景质量（失 4 分）",
        "该指标分值 5 分，评价得分 1 分，得分率 20.00%。“一企一档”应用已入驻“爱山东”枣庄分厅，"
        "但应用场景未建立，未达到预期效果。",
        "2.系统培训完成率（失 3.67 分）",
        "该指标分值 5 分，评价得分 1.33 分，得分率 26.60%。验收报告中计划培训人数不少于 30 人次，"
        "实际培训 8 人次（4 次，每次 2 人），未完成培训计划。",
    ]
    # 过程: 验收管理规范性 lost 3, 管理制度健全性 2.5: most lost first
    process = texts.index("（二）过程阶段存在的问题")
    assert texts[process + 1] == "1.验收管理规范性（失 3 分）"
    assert texts[process + 3] == "2.管理制度健全性（失 2.5 分）"


def test_east_asian_font_on_every_chinese_run(report, form):
    """Every run holding Chinese names its East Asian font (宋体, headings 黑体); no theme font."""
    for document in (report, form):
        normal = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
        assert normal.get(qn("w:eastAsia")) == "宋体"
        assert normal.get(qn("w:eastAsiaTheme")) is None
        runs = list(document.element.body.iter(qn("w:r")))
        chinese = [r for r in runs if CJK.search("".join(t.text or "" for t in r.iter(qn("w:t"))))]
        assert len(chinese) > 50
        for run in chinese:
            fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
            assert fonts.get(qn("w:eastAsia")) in ("宋体", "黑体")
            assert fonts.get(qn("w:eastAsiaTheme")) is None
    title_run = report.paragraphs[0].runs[0]
    assert title_run.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"


def test_a4_repeated_headers_unsplit_rows_and_page_numbers(report):
    """A4 portrait; table header rows repeat; no row splits; the footer counts pages."""
    section = report.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == round(section.right_margin.mm) == 20
    tree = report.tables[2]
    assert tree.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in tree.rows[1:])
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in tree.rows)
    footer = section.footer.paragraphs[0]._p
    codes = [node.text for node in footer.iter(qn("w:instrText"))]
    assert codes == [" PAGE ", " NUMPAGES "]
    assert "".join(node.text or "" for node in footer.iter(qn("w:t"))) == "第 1 页 共 1 页"


def test_self_evaluation_form_head(form):
    """The 自评表 of seed 02: project row, the budget block (15 / 15 / 15, 10, 100.00%, 10.00)."""
    assert paragraphs(form)[:3] == ["项目支出绩效自评表", "（2023 年度）", "单位：万元"]
    assert len(form.tables) == 2
    slots, merges = layout(form.tables[0])
    assert slots == [
        ["项目名称", "干部教育培训费", "", "", "", "主管部门", "", "枣庄市行政审批服务局", ""],
        ["项目预算执行情况", "", "", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值",
         "执行率（B/A）", "得分"],
        ["", "年度资金总额", "", "15", "15", "15", "10", "100.00%", "10.00"],
        ["", "其中：当年财政拨款", "", "15", "15", "15", "-", "100.00%", "-"],
        ["", "上年结转资金", "", "0", "0", "0", "-", "-", "-"],
        ["", "其他资金", "", "0", "0", "0", "-", "-", "-"],
        ["年度总体目标", "年初预期目标", "", "", "", "目标实际完成情况", "", "", ""],
        ["", "通过开展干部教育培训，提升干部水平和能力。", "", "", "", "通过开展干部教育培训，提升干部水平和能力。", "", "", ""],
    ]  # fmt: skip
    assert merges == {
        (0, 1, 0, 4), (0, 5, 0, 6), (0, 7, 0, 8),  # name, 主管部门, department
        (1, 0, 5, 0), (1, 1, 1, 2), (2, 1, 2, 2), (3, 1, 3, 2), (4, 1, 4, 2), (5, 1, 5, 2),
        (6, 0, 7, 0), (6, 1, 6, 4), (6, 5, 6, 8), (7, 1, 7, 4), (7, 5, 7, 8),
    }  # fmt: skip


def test_self_evaluation_form_indicators(form):
    """一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因, merged; 总分 100.

    The budget row (10) is in the block, so the table lists the other 8 leaves (90 points)
    and 总分 is 10 + 90 = 100.
    """
    slots, merges = layout(form.tables[1])
    assert slots[0] == captured_part.FORM_HEADER
    assert slots[2] == [
        "",
        "产出指标",
        "数量指标",
        "培训人数",
        "≥45 人",
        "47 人",
        "10",
        "10",
        "实际培训人员增加",
    ]
    assert slots[9] == ["总分", "", "", "", "", "", "100", "100.00", ""]
    assert {(0, 0, 8, 0), (2, 1, 5, 1), (2, 2, 3, 2), (6, 1, 7, 1), (9, 0, 9, 5)} <= merges
    assert form.tables[1].rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert "绩效评价得分：100.00 分　评价结果等级：优" in paragraphs(form)


def test_self_evaluation_with_partial_achievement(cli, tmp_path):
    """The hand-computed example: 102.6 ÷ 120 = 85.50% → 8.55; 总分 91.08; 偏差原因 as written."""
    document = open_docx(cli, tmp_path, PARTIAL)
    head, _ = layout(document.tables[0])
    assert head[2] == ["", "年度资金总额", "", "", "120", "102.6", "10", "85.50%", "8.55"]
    slots, _ = layout(document.tables[1])
    assert slots[1][3:] == ["人均服务成本", "≤1500元/人", "1620 元/人", "10", "9.2",
                            "护理人员工资上调，人均成本超出目标 8%。"]  # fmt: skip
    assert slots[-1][6:8] == ["100", "91.08"]


def test_layout_follows_the_option(cli, tmp_path):
    """--layout report turns a 部门自评 into report tables, titled 绩效自评得分情况; with no
    lost points there is no lost-points table, and 发现的问题 says so."""
    document = open_docx(cli, tmp_path, FORM, "--layout", "report")
    texts = paragraphs(document)
    assert texts[0] == "干部教育培训费绩效自评得分情况"
    assert len(document.tables) == 3
    assert "没有失分的指标。" in texts
    assert texts[-1] == "没有失分的指标，未发现扣分的问题。"


def test_english_word_report(cli, tmp_path):
    """--lang en switches the labels and the footer (Page 1 of 1); file text stays as written."""
    document = open_docx(cli, tmp_path, REPORT, "--lang", "en")
    assert layout(document.tables[0])[0][0] == ["Level-1 indicator", "Points", "Score", "Rate"]
    assert "5. Problems found" in paragraphs(document)
    assert "(3) 产出: problems found" in paragraphs(document)
    footer = document.sections[0].footer.paragraphs[0]._p
    assert "".join(node.text or "" for node in footer.iter(qn("w:t"))) == "Page 1 of 1"


@pytest.mark.parametrize("lay", ["report", "self-evaluation"])
def test_a_sheet_captured_in_part(cli, write, tmp_path, lay):
    """A part not captured: 分值 as printed (or ?), 得分 未录入, 得分率 —; the sums above it and
    the total ≥ (lower bounds), inferred points 20* (tests/captured_part.py has the arithmetic)."""
    document = open_docx(cli, tmp_path, write(captured_part.SHEET), "--layout", lay)
    if lay == "report":
        summary, _ = layout(document.tables[0])
        assert summary[1:] == captured_part.SUMMARY
        assert layout(document.tables[2])[0] == captured_part.TREE
        grades, _ = layout(document.tables[1])
        assert [row[2] for row in grades[1:]] == ["", "", "", ""]  # no grade marked
    else:
        assert layout(document.tables[1])[0] == captured_part.FORM
    texts = paragraphs(document)
    assert captured_part.RESULT_LINE in texts and captured_part.INFERRED_LINE in texts
