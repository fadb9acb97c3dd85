"""One recognised 自评表 segment → the evaluation file's document (format version 1, §1a keys).

Above the indicator header: the title (项目支出绩效自评表, （2023 年度）), 单位：万元, the
项目名称 / 主管部门 / 实施单位 cells, the 项目资金 block (:mod:`.funds`) and 年度总体目标
(预期目标 | 实际完成情况). Then the indicator rows (:mod:`.indicators`) and the 总分 row,
whose 分值 and 得分 become the root's ``reported_points`` and ``reported``: a sheet whose
level-1 points do not add up to 100 still imports as printed (its base is then the level-1
sum, and the printed 总分 分值 is audited).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..messages import Messages
from . import reading
from .cells import Grid
from .funds import read_funds
from .indicators import TreeNode, read_indicators
from .layout import FUND_HEADER, IND_HEADER, Segment
from .reading import source
from .words import META, base, is_title, name_from_title, unit_in, year_in
from .writer import Doc, Source

MESSAGES = Messages(
    {
        "c_name_from_title": ("取自标题", "from the title"),
        "c_name_from_sheet": (
            "原表未印项目名称，取工作表名",
            "no 项目名称 printed: the sheet's name",
        ),
        "c_name_from_page": ("原表未印项目名称，取页码", "no 项目名称 printed: the page"),
        "c_unit": ("单位", "unit"),
        "c_year": ("年度", "year"),
        "c_total_row": ("总分行", "the 总分 row"),
        "c_grade_row": ("等级行", "the grade row"),
        "sheet_page_name": ("第 {page} 页的自评表", "the 自评表 on page {page}"),
    }
)
t = MESSAGES.t

GOAL_LABELS = ("年度总体目标", "总体目标", "年度目标")
GOAL_EXPECTED = ("预期目标", "年初预期目标", "总体目标", "年度目标", "年初目标")


@dataclass
class Built:
    """A table's document and the name it goes by."""

    doc: Doc
    name: str
    where: str  # the sheet, or the page the table starts on


def build_table(segment: Segment) -> Built:
    """The evaluation document of one table segment (TableError when it cannot be read)."""
    grid = segment.grid
    header = segment.first(IND_HEADER)
    assert header is not None
    indicators = read_indicators(grid, header, segment.end)
    project, name = _project(segment, header)
    root = Doc()
    root.add("perfscore", 1)
    root.add("project", project)
    for key, value, src in indicators.total.entries:
        label = t("c_grade_row") if key == "reported_grade" else t("c_total_row")
        root.add(key, value, Source(src.full, f"{label} {src.short}") if src else None)
    if indicators.notes:
        root.add("note", "\n".join(indicators.notes))
    nodes: list[Doc] = []
    fund = segment.first(FUND_HEADER)
    if fund is not None and fund < header:
        budget = read_funds(grid, fund, _goal_row(segment, fund, header) or header)
        if budget is not None:
            nodes.append(budget)
    nodes.extend(_tree(node) for node in indicators.top)
    root.add("indicators", nodes)
    return Built(root, name, place_of(segment))


def place_of(segment: Segment) -> str:
    """Where a table is: its sheet, or the page it starts on."""
    grid = segment.grid
    if grid.sheet is not None:
        return grid.sheet
    return t("sheet_page_name", page=grid.rows[segment.start].page)


def _tree(node: TreeNode) -> Doc:
    if node.children:
        node.doc.add("children", [_tree(child) for child in node.children])
    return node.doc


def _project(segment: Segment, header: int) -> tuple[Doc, str]:
    """The project block: 项目名称 (else the title's, else the sheet's name), 主管部门,
    实施单位, the year, the amounts' unit and 年度总体目标."""
    grid = segment.grid
    project = Doc()
    found, title, year, unit = _printed_meta(grid, segment.start, header)
    name = _name(grid, segment, found, title)
    project.add("name", name[0], name[1])
    for key in ("department", "实施单位"):
        if key in found:
            project.add(key, found[key][0], found[key][1])
    if year is not None:
        project.add("year", year[0], year[1])
    if unit is not None:
        project.add("金额单位", unit[0], unit[1])
    for key, value in _goal(segment, header):
        project.add(key, value[0], value[1])
    return project, name[0]


def _printed_meta(grid: Grid, start: int, header: int) -> tuple[dict, Any, Any, Any]:
    """The labelled cells (项目名称 …), the title, the year and the unit above the header."""
    found: dict[str, tuple[str, Source]] = {}
    title: tuple[str, Source] | None = None
    year: tuple[int, Source] | None = None
    unit: tuple[str, Source] | None = None
    for r in range(start, header):
        for col, cell in grid.rows[r].filled():
            word = base(cell.text)
            if word in META and META[word] not in found:
                value = _value_right_of(grid, r, col)
                if value is not None:
                    found[META[word]] = value
            if title is None and is_title(cell.text):
                title = (cell.text, source(grid, r, col))
            if year is None and year_in(cell.text) is not None:
                year = (year_in(cell.text) or 0, source(grid, r, col))
            if unit is None and unit_in(cell.text) is not None:
                unit = (unit_in(cell.text) or "", source(grid, r, col))
    return found, title, year, unit


def _name(
    grid: Grid,
    segment: Segment,
    found: dict[str, tuple[str, Source]],
    title: tuple[str, Source] | None,
) -> tuple[str, Source]:
    if "name" in found:
        return found["name"]
    if title is not None:
        from_title = name_from_title(title[0])
        if from_title:
            return from_title, Source(title[1].full, f"{title[1].short} {t('c_name_from_title')}")
    first = grid.rows[segment.start]
    if grid.sheet is not None:
        return grid.sheet, Source(grid.where(segment.start, 0), t("c_name_from_sheet"))
    name = t("sheet_page_name", page=first.page)
    return name, Source(grid.where(segment.start, 0), t("c_name_from_page"))


def _value_right_of(grid: Grid, r: int, col: int) -> tuple[str, Source] | None:
    """The value beside a label: the next own, non-empty cell on its right that is not
    itself a label."""
    for c in range(col + 1, len(grid.rows[r].cells)):
        cell = reading.own_cell(grid, r, c)
        if cell is None or not cell.text:
            continue
        if base(cell.text) in META:
            return None
        return cell.text, source(grid, r, c)
    return None


def _goal_row(segment: Segment, after: int, header: int) -> int | None:
    """The row of the 年度总体目标 label, between the funding block and the indicators."""
    grid = segment.grid
    for r in range(after + 1, header):
        if any(base(cell.text) in GOAL_LABELS for _, cell in grid.rows[r].filled()):
            return r
    return None


def _goal(segment: Segment, header: int) -> list[tuple[str, tuple[str, Source]]]:
    """年度总体目标 and its 完成情况: the texts under the 预期目标 and 实际完成情况 sub-headers
    (or, without them, the texts beside the label)."""
    grid = segment.grid
    label = _goal_row(segment, segment.start - 1, header)
    if label is None:
        return []
    sub = None
    for r in range(label, header):
        words = [(col, base(cell.text)) for col, cell in grid.rows[r].filled()]
        expected = [col for col, w in words if w in GOAL_EXPECTED and w not in GOAL_LABELS[:1]]
        done = [col for col, w in words if "完成情况" in w or w.startswith("实际完成")]
        if expected and done:
            sub = (r, expected[0], done[0])
            break
    if sub is None:
        texts = [
            (cell.text, source(grid, label, col))
            for col, cell in grid.rows[label].filled()
            if base(cell.text) not in GOAL_LABELS
        ]
        return [("年度总体目标", texts[0])] if texts else []
    row, first, second = sub
    found = []
    for key, low, high in (
        ("年度总体目标", first, second),
        ("年度总体目标完成情况", second, 10**6),
    ):
        parts = []
        for r in range(row + 1, header):
            parts += [
                (cell.text, source(grid, r, col))
                for col, cell in grid.rows[r].filled()
                if low <= col < high and not grid.rows[r].loose
            ]
        if parts:
            found.append((key, ("".join(p[0] for p in parts), parts[0][1])))
    return found
