"""Build the sheets of tests/data/import/ (the outputs are committed: CI needs no LibreOffice).

    .venv/bin/python scripts/make_import_fixtures.py            # workbooks, then PDFs, xls, ods
    .venv/bin/python scripts/make_import_fixtures.py --no-office # workbooks only

The tables are those of seed 02 (干部教育培训费, every cell as printed), of
examples/shequ-yanglao-selfeval-2024.yaml, and two of seed 01's projects (机关运行费用,
市民中心运行保障费用: their budgets and execution rates as seed 01 prints them, 97.59 each,
the indicator rows made up so that they give it); they are laid out in the forms
published 自评表 take (docs/import.md): the published form with merged and with repeated
一级/二级 cells, a 年度绩效指标 column left of them, broken and spaced cell text, the
national system's 计算符号 | 指标值 | 计量单位 columns, and a workbook of many projects with
a 汇总表. The PDFs, .xls and .ods are made from the workbooks by LibreOffice
(``soffice --convert-to``, a private profile per call) and normalised so that a re-run gives
the same bytes (pdf: the creation date and the document ID blanked). LibreOffice 7.4 and
the fonts fonts-noto-cjk and fonts-crosextra-carlito were used (Debian 12).

The password-protected workbook is made with msoffcrypto-tool (``pip install
msoffcrypto-tool``) when it is installed; without it the committed one is kept.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import xlsxwriter

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "import"

# ---------------------------------------------------------------- the tables

# (一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施)
GANBU = {
    "name": "干部教育培训费",
    "department": "枣庄市行政审批服务局",
    "unit": "枣庄市行政审批服务局",
    "year": 2023,
    # 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分 (as seed 02 prints them)
    "funds": [
        ("年度资金总额", 15, 15, 15, 10, "100.00%", "10.00"),
        ("其中：当年财政拨款", 15, 15, 15, "-", "100.00%", "-"),
        ("上年结转资金", 0, 0, 0, "-", "-", "-"),
        ("其他资金", 0, 0, 0, "-", "-", "-"),
    ],
    "goal": ("通过开展干部教育培训，提升干部水平和能力。",) * 2,
    "rows": [
        ("成本指标", "经济成本指标", "所需经费", "≤15 万\n元", "15 万元", 10, 10, ""),
        ("产出指标", "数量指标", "培训人数", "≥45 人", "47 人", 10, 10, "实际培训\n人员增加"),
        ("产出指标", "数量指标", "培训天数", "≥5天", "7 天", 10, 10, "培训天数\n增加"),
        ("产出指标", "时效指标", "费用支付及时性", "及时", "及时", 10, 10, ""),
        ("产出指标", "质量指标", "培训质量", "优", "优", 10, 10, ""),
        ("效益指标", "社会效益", "是否提升营商环境", "是", "是", 15, 15, ""),
        ("效益指标", "可持续影\n响", "持续提升培训人员\n工作水平", "是", "是", 15, 15, ""),
        ("满意度指\n标", "服务对象\n满意度指\n标", "培训人员满意度", "≥98%", "98%", 10, 10, ""),
    ],
    "total": ("100.00", "100.00"),
}

# examples/shequ-yanglao-selfeval-2024.yaml, every score computed by hand there.
SHEQU = {
    "name": "社区居家养老服务补助",
    "department": "示例区民政局",
    "unit": "示例区民政局",
    "year": 2024,
    "funds": [
        ("年度资金总额", 120, 120, 102.6, 10, "85.50%", 8.55),
        ("其中：当年财政拨款", 120, 120, 102.6, "-", "-", "-"),
        ("上年结转资金", "", "", "", "", "", ""),
        ("其他资金", "", "", "", "", "", ""),
    ],
    "goal": (
        "为辖区 800 名居家老年人提供上门服务，补助按月及时发放。",
        "服务 680 名老年人，上门服务 9,870 人次；第三季度补助延迟 20 天发放。",
    ),
    "rows": [
        (
            "成本指标",
            "经济成本指标",
            "人均服务成本",
            "≤\n1500\n元/人",
            "1620 元/人",
            10,
            9.2,
            "护理人员工资上调，人均成本超出目标 8%。",
        ),
        (
            "产出指标",
            "数量指标",
            "服务老年人数",
            "≥800人",
            "680 人",
            10,
            8.5,
            "部分老人入住养老机构，退出居家服务。",
        ),
        (
            "产出指标",
            "数量指标",
            "上门服务人次",
            "≥12,000人次",
            "9,870人次",
            10,
            8.23,
            "上半年护理人员不足，上门服务人次未达目标。",
        ),
        ("产出指标", "质量指标", "服务质量合格率", "=100%", "100%", 10, 10, ""),
        (
            "产出指标",
            "时效指标",
            "补助发放及时性",
            "及时",
            "部分月份延迟发放",
            10,
            7,
            "第三季度补助因系统升级延迟 20 天发放。",
        ),
        ("效益指标", "社会效益指标", "老年人生活质量", "明显改善", "明显改善", 15, 15, ""),
        ("效益指标", "可持续影响指标", "居家养老服务机制长效运行", "是", "是", 15, 15, ""),
        (
            "满意度指标",
            "服务对象满意度指标",
            "服务对象满意度",
            "≥90%",
            "86.4%",
            10,
            9.6,
            "部分老人对服务时段安排不满意，已调整排班。",
        ),
    ],
    "total": (100, 91.08),
}

# Seed 01's 机关运行费用: 全年预算数 328.67, 执行数 293.82 (89.40% → 8.94 of 10), 97.59;
# 8.94 + 10 + 20 + 8.65 + 10 + 20 + 20 = 97.59 (设备完好率: 10 × 86.5 ÷ 100 = 8.65).
JIGUAN = {
    "name": "机关运行费用",
    "department": "枣庄市行政审批服务局",
    "unit": "枣庄市行政审批服务局",
    "year": 2023,
    "funds": [
        ("年度资金总额", 328.67, 328.67, 293.82, 10, "89.40%", 8.94),
        ("其中：当年财政拨款", 328.67, 328.67, 293.82, "-", "89.40%", "-"),
        ("上年结转资金", 0, 0, 0, "-", "-", "-"),
        ("其他资金", 0, 0, 0, "-", "-", "-"),
    ],
    "goal": ("通过开展机关运行费用，实现局机关及下属2个事业单位的高效运转。",) * 2,
    "rows": [
        ("成本指标", "经济成本指标", "运行经费控制", "≤328.67万元", "293.82万元", 10, 10, ""),
        ("产出指标", "数量指标", "保障人数", "≥120人", "120人", 20, 20, ""),
        (
            "产出指标",
            "质量指标",
            "设备完好率",
            "≥100%",
            "86.5%",
            10,
            8.65,
            "部分设备老化，已列入更新计划。",
        ),
        ("产出指标", "时效指标", "经费支付及时性", "及时", "及时", 10, 10, ""),
        ("效益指标", "社会效益指标", "机关高效运转", "是", "是", 20, 20, ""),
        ("满意度指标", "服务对象满意度指标", "干部职工满意度", "≥95%", "96%", 20, 20, ""),
    ],
    "total": (100, 97.59),
}

# Seed 01's 市民中心运行保障费: 671.33 / 666.88 → 99.34%, 10 × 666.88 ÷ 671.33 = 9.9337 → 9.93;
# 9.93 + 10 + 20 + 7.66 + 10 + 20 + 20 = 97.59 (正常运行率: 10 × 76.6 ÷ 100 = 7.66).
SHIMIN = {
    "name": "市民中心运行保障费用",
    "department": "枣庄市行政审批服务局",
    "unit": "枣庄市行政审批服务局",
    "year": 2023,
    "funds": [
        ("年度资金总额", 671.33, 671.33, 666.88, 10, "99.34%", 9.93),
        ("其中：当年财政拨款", 671.33, 671.33, 666.88, "-", "99.34%", "-"),
        ("上年结转资金", 0, 0, 0, "-", "-", "-"),
        ("其他资金", 0, 0, 0, "-", "-", "-"),
    ],
    "goal": ("保障市民中心系统平台高效运转，提升市民满意度。",) * 2,
    "rows": [
        ("成本指标", "经济成本指标", "运行保障经费", "≤671.33万元", "666.88万元", 10, 10, ""),
        ("产出指标", "数量指标", "窗口服务事项", "≥800项", "812项", 20, 20, ""),
        (
            "产出指标",
            "质量指标",
            "系统平台正常运行率",
            "≥100%",
            "76.6%",
            10,
            7.66,
            "系统升级期间部分平台停机。",
        ),
        ("产出指标", "时效指标", "问题响应及时性", "及时", "及时", 10, 10, ""),
        ("效益指标", "社会效益指标", "便民服务水平", "明显提升", "明显提升", 20, 20, ""),
        ("满意度指标", "服务对象满意度指标", "办事群众满意度", "≥95%", "98%", 20, 20, ""),
    ],
    "total": (100, 97.59),
}


def _number(value):
    """Numbers are stored as numbers (floats in the file, as Excel stores them)."""
    return value


# ---------------------------------------------------------------- the published form


class Book:
    def __init__(self, path: Path):
        self.book = xlsxwriter.Workbook(str(path))
        self.book.set_properties({"created": _FIXED_DATE})
        base = {
            "font_name": "宋体",
            "font_size": 10,
            "border": 1,
            "valign": "vcenter",
            "text_wrap": True,
        }
        self.cell = self.book.add_format(base)
        self.center = self.book.add_format({**base, "align": "center"})
        self.title = self.book.add_format(
            {"font_name": "宋体", "font_size": 16, "bold": True, "align": "center"}
        )
        self.plain = self.book.add_format({"font_name": "宋体", "font_size": 10, "align": "center"})
        self.right = self.book.add_format({"font_name": "宋体", "font_size": 10, "align": "right"})

    def close(self):
        self.book.close()


import datetime  # noqa: E402

_FIXED_DATE = datetime.datetime(2024, 1, 1)


def estimate_height(text: str, width: float, font_pt: float = 10.0) -> float:
    """The row height LibreOffice needs for wrapped text (it does not fit rows itself, and
    text that overflows is drawn over the next rows, which then read wrong from the PDF):
    a column of width w is 5.55·w + 3.9 pt with Carlito, a CJK character is 1 em, a line
    1.455 em (measured for /work's research; docs/import.md)."""
    col_pt = 5.55 * width + 3.9
    per_line = max(1, math.floor((col_pt - 4.0) / font_pt))

    def em(ch: str) -> float:
        return 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55

    lines = sum(max(1, math.ceil(sum(map(em, part)) / per_line)) for part in str(text).split("\n"))
    return min(lines * 1.455 * font_pt + 4.0, 409.0)


class Heights:
    """The height each row needs, from the cells written into it."""

    def __init__(self, widths: list[float]):
        self.widths = widths
        self.rows: dict[int, float] = {}

    def note(self, r: int, c0: int, c1: int, text) -> None:
        width = sum(self.widths[c0 : c1 + 1]) if self.widths else 10
        self.rows[r] = max(self.rows.get(r, 15.0), estimate_height(str(text), width))

        self.tall_rows: set[int] = set()

    def apply(self, ws, tall: float = 0) -> None:
        for r, height in self.rows.items():
            ws.set_row(r, max(height, tall if r in self.tall_rows else 0))


def _write(ws, book: Book, r: int, c: int, value, fmt=None):
    heights = getattr(ws, "heights", None)
    if heights is not None and value not in (None, ""):
        heights.note(r, c, c, value)
    fmt = fmt or book.cell
    if value is None or value == "":
        ws.write_blank(r, c, None, fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(r, c, value, fmt)
    else:
        ws.write_string(r, c, str(value), fmt)


def published_sheet(  # noqa: C901 - one published layout, written top to bottom
    book: Book,
    sheet_name: str,
    table: dict,
    merged: bool = True,
    label_column: bool = True,
    spaced: bool = False,
    tall: float = 0,
    repeat_header: bool = False,
):
    """The 项目支出绩效自评表 as counties publish it (seed 02's layout).

    Columns: [年度绩效指标] 一级 二级 三级 年度指标值 实际完成值 分值 得分 偏差原因; the
    funding block and the goal above use the same columns, merged as published."""
    ws = book.book.add_worksheet(sheet_name)
    off = 1 if label_column else 0
    last = off + 7
    widths = [6] * off + [10, 12, 20, 14, 14, 7, 7, 22]
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    ws.heights = Heights(widths)
    merge = ws.merge_range

    def merge_range(r0, c0, r1, c1, text, fmt):
        if r0 == r1 and text:
            ws.heights.note(r0, c0, c1, text)
        return merge(r0, c0, r1, c1, text, fmt)

    ws.merge_range = merge_range
    ws.set_paper(9)
    ws.merge_range(0, 0, 0, last, "项目支出绩效自评表", book.title)
    ws.merge_range(1, 0, 1, last, f"（{table['year']} 年度）", book.plain)
    ws.merge_range(2, 0, 2, last, "单位：万元", book.right)
    r = 3
    # 项目名称 | value | 主管部门 | value ; 实施单位 | value
    ws.write_string(r, 0, "项目名称", book.center)
    ws.merge_range(r, 1, r, off + 3, table["name"], book.cell)
    ws.write_string(r, off + 4, "主管部门", book.center)
    ws.merge_range(r, off + 5, r, last, table["department"], book.cell)
    r += 1
    ws.write_string(r, 0, "实施单位", book.center)
    ws.merge_range(r, 1, r, last, table["unit"], book.cell)
    r += 1
    # the funding block: label column (merged down), row label, 6 amounts
    first_fund = r
    ws.merge_range(r, 0, r + len(table["funds"]), 0, "项目资金\n（万元）", book.center)
    heads = [
        "",
        "年初预算数",
        "全年预算数\n（A）",
        "全年执行数\n（B）",
        "分值",
        "执行率\n（B/A）",
        "得分",
    ]
    label_cols = (1, off + 1)
    ws.merge_range(r, label_cols[0], r, label_cols[1], "", book.center) if label_cols[
        1
    ] > label_cols[0] else _write(ws, book, r, 1, "")
    for i, head in enumerate(heads[1:], start=1):
        _write(ws, book, r, off + 1 + i, head, book.center)
    r += 1
    for label, *values in table["funds"]:
        if label_cols[1] > label_cols[0]:
            ws.merge_range(r, label_cols[0], r, label_cols[1], label, book.cell)
        else:
            _write(ws, book, r, 1, label)
        for i, value in enumerate(values, start=1):
            _write(ws, book, r, off + 1 + i, value, book.center)
        r += 1
    del first_fund
    # 年度总体目标 | 预期目标 | 实际完成情况
    ws.merge_range(r, 0, r + 1, 0, "年度总\n体目标", book.center)
    ws.merge_range(r, 1, r, off + 3, "年初预期目标", book.center)
    ws.merge_range(r, off + 4, r, last, "目标实际完成情况", book.center)
    ws.merge_range(r + 1, 1, r + 1, off + 3, table["goal"][0], book.cell)
    ws.merge_range(r + 1, off + 4, r + 1, last, table["goal"][1], book.cell)
    r += 2
    header = r
    label = "绩 效 指 标" if spaced else "绩效指标"
    heads = [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指\n标值（A）",
        "实际完成指\n标值（B）",
        "分值",
        "得分",
        "偏差原因分析\n及改进措施",
    ]
    if spaced:
        heads[0] = "一 级 指 标"
    if label_column:
        _write(ws, book, r, 0, label, book.center)
    for i, head in enumerate(heads):
        _write(ws, book, r, off + i, head, book.center)
    r += 1
    rows = table["rows"]
    if label_column:
        ws.merge_range(r, 0, r + len(rows) - 1, 0, "年\n度\n绩\n效\n指\n标", book.center)
    for level in (0, 1) if merged else ():
        _merge_runs(ws, book, r, off + level, [row[: level + 1] for row in rows])
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if merged and j in (0, 1):
                continue
            _write(ws, book, r + i, off + j, value, book.center if j in (5, 6) else book.cell)
        if tall:
            ws.heights.tall_rows.add(r + i)
    r += len(rows)
    ws.merge_range(r, 0, r, off + 4, "总分", book.center)
    _write(ws, book, r, off + 5, table["total"][0], book.center)
    _write(ws, book, r, off + 6, table["total"][1], book.center)
    _write(ws, book, r, off + 7, "", book.center)
    if repeat_header:
        ws.repeat_rows(header)
    ws.heights.apply(ws, tall)
    ws.fit_to_pages(1, 0)
    return ws


def _merge_runs(ws, book: Book, first: int, col: int, keys: list[tuple]):
    """Merge a level column down each run of rows that share the same ancestors."""
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            text = keys[start][-1]
            if i - start > 1:
                ws.merge_range(first + start, col, first + i - 1, col, text, book.center)
            else:
                _write(ws, book, first + start, col, text, book.center)
            start = i


# ---------------------------------------------------------------- the national system's columns

_SPLIT = re.compile(r"^(≥|≤|=|＞|＜|>|<)?\s*([0-9][0-9,.]*)\s*(.*)$", re.S)


def _split(target: str) -> tuple[str, str, str]:
    text = target.replace("\n", "")
    match = _SPLIT.match(text)
    if not match:
        return "定性", text, ""
    return match.group(1) or "=", match.group(2), match.group(3).strip()


def national_sheet(book: Book, sheet_name: str, table: dict):
    """The national budget system's indicator columns (its export template), operator,
    value and unit apart; the actual a bare number in the unit column's unit."""
    ws = book.book.add_worksheet(sheet_name)
    heads = [
        "一级指标",
        "二级指标",
        "三级指标名称",
        "计算符号",
        "指标值",
        "实际完成值",
        "计量单位",
        "分值",
        "指标得分",
        "扣减分数",
        "完成情况简要描述",
        "偏差原因及改进措施",
    ]
    for col, width in enumerate([10, 14, 20, 8, 10, 10, 8, 6, 8, 8, 20, 24]):
        ws.set_column(col, col, width)
    ws.merge_range(0, 0, 0, len(heads) - 1, f"{table['name']}项目支出绩效自评表", book.title)
    ws.write_string(1, 0, "项目名称", book.center)
    ws.merge_range(1, 1, 1, 4, table["name"], book.cell)
    ws.write_string(1, 5, "主管部门", book.center)
    ws.merge_range(1, 6, 1, len(heads) - 1, table["department"], book.cell)
    ws.write_string(2, 0, "单位：万元")
    fund_heads = ["资金来源", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    for col, head in enumerate(fund_heads):
        _write(ws, book, 3, col, head, book.center)
    r = 4
    for label, *values in table["funds"]:
        _write(ws, book, r, 0, label)
        for col, value in enumerate(values, start=1):
            _write(ws, book, r, col, value, book.center)
        r += 1
    ws.write_string(r, 0, "年度总体目标", book.center)
    ws.merge_range(r, 1, r, len(heads) - 1, table["goal"][0], book.cell)
    r += 2
    for col, head in enumerate(heads):
        _write(ws, book, r, col, head, book.center)
    r += 1
    for l1, l2, l3, target, actual, points, score, basis in table["rows"]:
        op, value, unit = _split(target)
        _a_op, a_value, a_unit = _split(actual)
        shown_actual = a_value if op != "定性" and a_unit == unit else actual.replace("\n", "")
        number = float(value.replace(",", "")) if op != "定性" and "," not in value else None
        values = [
            l1.replace("\n", ""),
            l2.replace("\n", ""),
            l3.replace("\n", ""),
            op,
            number if number is not None else value,
            shown_actual,
            unit if op != "定性" else "",
            points,
            score,
            round(points - score, 2),
            "已完成" if score == points else "部分完成",
            basis.replace("\n", ""),
        ]
        for col, value in enumerate(values):
            if col == 5 and op != "定性" and a_unit == unit:
                value = (
                    float(shown_actual.replace(",", ""))
                    if "," not in shown_actual
                    else shown_actual
                )
            _write(ws, book, r, col, value)
        r += 1
    ws.write_string(r, 0, "总分", book.center)
    _write(ws, book, r, 7, table["total"][0])
    _write(ws, book, r, 8, table["total"][1])
    return ws


def rollup_sheet(book: Book, listed: list[tuple[str, float]]):
    ws = book.book.add_worksheet("汇总表")
    ws.set_column(0, 0, 6)
    ws.set_column(1, 1, 28)
    ws.set_column(2, 2, 10)
    ws.merge_range(0, 0, 0, 2, "2023年项目支出绩效自评结果汇总表", book.title)
    ws.merge_range(1, 0, 1, 2, "部门（单位）名称：枣庄市行政审批服务局", book.plain)
    for col, head in enumerate(("序号", "项目名称", "得分")):
        ws.write_string(2, col, head, book.center)
    for i, (name, score) in enumerate(listed, start=1):
        _write(ws, book, 2 + i, 0, i, book.center)
        _write(ws, book, 2 + i, 1, name)
        _write(ws, book, 2 + i, 2, score, book.center)


# ---------------------------------------------------------------- the malformed sheets


def malformed(out: Path):
    """One workbook per way a sheet cannot be read (tests/test_commands_import.py)."""
    book = Book(out / "bad-no-header.xlsx")
    ws = book.book.add_worksheet("自评表")
    ws.write_string(0, 0, "项目支出绩效自评表")
    ws.write_string(1, 0, "项目名称")
    ws.write_string(1, 1, "干部教育培训费")
    for i, row in enumerate(GANBU["rows"][:3], start=3):
        for j, value in enumerate(row):
            _write(ws, book, i, j, value)
    book.close()

    book = Book(out / "bad-merged-header.xlsx")
    published_sheet(book, "自评表", GANBU, merged=True, label_column=False)
    book.close()
    _merge_header_cells(out / "bad-merged-header.xlsx")

    book = Book(out / "bad-score-text.xlsx")
    table = dict(GANBU, rows=list(GANBU["rows"]))
    first = table["rows"][1]
    table["rows"][1] = (*first[:6], "十分", first[7])
    published_sheet(book, "自评表", table, merged=True, label_column=False)
    book.close()

    book = Book(out / "bad-empty.xlsx")
    book.book.add_worksheet("Sheet1")
    book.close()

    data = (out / "ganbu-merged.xlsx").read_bytes()
    (out / "bad-corrupt.xlsx").write_bytes(data[: len(data) // 2])


def _merge_header_cells(path: Path):
    """Merge the header's 分值 and 得分 cells into one (F15:G15): the columns below differ."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    header_row = _header_row(sheet)
    ref = f"F{header_row}:G{header_row}"
    sheet = re.sub(
        r'<mergeCells count="(\d+)">',
        lambda m: f'<mergeCells count="{int(m.group(1)) + 1}"><mergeCell ref="{ref}"/>',
        sheet,
    )
    parts["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    _rezip(path, parts)


def _header_row(sheet_xml: str) -> int:
    # The header is written 2 rows after the funding block; find the row holding 分值 twice:
    # simplest: the published sheet without label column puts the header at row 12 (1-based)
    # for GANBU (3 title rows, 2 project rows, 1 + 4 funding rows, 2 goal rows).
    return 3 + 2 + 1 + len(GANBU["funds"]) + 2 + 1


def _rezip(path: Path, parts: dict[str, bytes]):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


def encrypted(out: Path):
    try:
        import msoffcrypto
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        print("msoffcrypto-tool not installed: bad-encrypted.xlsx kept as committed")
        return
    del msoffcrypto
    source = out / "ganbu-merged.xlsx"
    with open(source, "rb") as plain, open(out / "bad-encrypted.xlsx", "wb") as sealed:
        OOXMLFile(plain).encrypt("secret", sealed)


# ---------------------------------------------------------------- the workbooks


def workbooks(out: Path):
    book = Book(out / "ganbu-merged.xlsx")
    published_sheet(book, "自评表", GANBU, merged=True, label_column=True)
    book.close()

    book = Book(out / "ganbu-repeated.xlsx")
    published_sheet(book, "干部教育培训费", GANBU, merged=False, label_column=False, spaced=True)
    book.close()

    book = Book(out / "shequ-national.xlsx")
    national_sheet(book, "绩效自评", SHEQU)
    book.close()

    book = Book(out / "shequ-long.xlsx")
    published_sheet(book, "自评表", SHEQU, merged=True, label_column=True, tall=110)
    book.close()

    book = Book(out / "shequ-long-repeat.xlsx")
    published_sheet(
        book, "自评表", SHEQU, merged=True, label_column=True, tall=110, repeat_header=True
    )
    book.close()

    for name, listed in (
        (
            "many-projects.xlsx",
            [("机关运行费用", 97.59), ("市民中心运行保障费用", 97.59), ("干部教育培训费", 100)],
        ),
        # seed 01: the 汇总表 lists 机关运行费用 at 98.82; its table gives 97.59
        (
            "rollup-disagrees.xlsx",
            [("机关运行费用", 98.82), ("市民中心运行保障费用", 97.59), ("干部教育培训费", 100)],
        ),
    ):
        book = Book(out / name)
        rollup_sheet(book, listed)
        published_sheet(book, "机关运行费用", JIGUAN, merged=True, label_column=True)
        published_sheet(book, "市民中心运行保障费用", SHIMIN, merged=False, label_column=False)
        published_sheet(book, "干部教育培训费", GANBU, merged=True, label_column=True)
        book.close()

    book = Book(out / "notable.xlsx")
    ws = book.book.add_worksheet("说明")
    ws.write_string(0, 0, "2023年度部门决算公开说明：本页为文字说明，没有表格。")
    ws.write_string(2, 0, "项目支出绩效自评结果详见附件。")
    book.close()
    _normalise_xlsx(out)


def _normalise_xlsx(out: Path):
    """XlsxWriter stamps the zip entries with the time: fix them, so that re-runs are equal."""
    for path in out.glob("*.xlsx"):
        if path.name == "bad-encrypted.xlsx":
            continue
        try:
            with zipfile.ZipFile(path) as archive:
                parts = {name: archive.read(name) for name in archive.namelist()}
        except zipfile.BadZipFile:
            continue
        _rezip(path, parts)


# ---------------------------------------------------------------- LibreOffice


def soffice(source: Path, target_format: str, out: Path):
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as work:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--nolockcheck",
                "--convert-to",
                target_format,
                "--outdir",
                work,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        made = list(Path(work).iterdir())
        if len(made) != 1:
            raise SystemExit(f"soffice made no file for {source}")
        target = out / made[0].name
        shutil.move(str(made[0]), target)
    if target.suffix == ".pdf":
        target.write_bytes(normalise_pdf(target.read_bytes()))
    return target


def normalise_pdf(data: bytes) -> bytes:
    """Blank the fields LibreOffice varies per run (same lengths: the xref stays valid)."""
    data = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20000101000000", data)
    data = re.sub(rb"/ModDate\(D:\d{14}", b"/ModDate(D:20000101000000", data)
    data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + b"0" * 32, data)
    return re.sub(
        rb"/ID \[ <([0-9A-F]+)>\s*<([0-9A-F]+)> \]",
        lambda m: (
            m.group(0)
            .replace(m.group(1), b"0" * len(m.group(1)))
            .replace(m.group(2), b"0" * len(m.group(2)))
        ),
        data,
    )


def office(out: Path):
    for name in ("ganbu-merged", "shequ-long", "shequ-long-repeat", "many-projects", "notable"):
        soffice(out / f"{name}.xlsx", "pdf", out)
    soffice(out / "ganbu-merged.xlsx", "xls", out)
    soffice(out / "ganbu-merged.xlsx", "ods", out)
    (out / "notable.xlsx").unlink()
    _normalise_ods(out / "ganbu-merged.ods")


def _normalise_ods(path: Path):
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    meta = parts.get("meta.xml", b"")
    parts["meta.xml"] = re.sub(rb"<meta:(creation-date|date)>[^<]*</meta:\1>", b"", meta)
    with zipfile.ZipFile(path, "w") as archive:  # mimetype first and stored, as ODF requires
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-office", action="store_true", help="workbooks only (no LibreOffice)")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    workbooks(OUT)
    malformed(OUT)
    encrypted(OUT)
    if not args.no_office:
        if shutil.which("soffice") is None:
            print("soffice not found: PDFs, .xls and .ods not made", file=sys.stderr)
            return 1
        office(OUT)
    else:
        (OUT / "notable.xlsx").unlink(missing_ok=True)
    for path in sorted(OUT.iterdir()):
        print(f"{path.name:32} {os.path.getsize(path):8} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
