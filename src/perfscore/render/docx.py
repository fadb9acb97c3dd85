"""The Word report (python-docx, the ``docx`` extra), in the two layouts of :mod:`.layout`.

评价报告: the title, the project, the total and grade; 一、评价得分和等级 (the level-1
summary and the grade table); 二、评价指标体系及得分情况 (one row per leaf, its ancestors
merged down its rows, 评分依据); 三、失分情况; 四、距上一等级; 五、发现的问题, drafted by
stage (:mod:`.problems`), ready to paste into the report.

自评表: the form of seed 02 — 项目名称 / 主管部门, 项目预算执行情况, 年度总体目标, the
indicator table with 年度指标值, 实际完成值 and 偏差原因, 总分 — then the total and grade
and the self-evaluation warnings.

The page is A4 portrait with 20 mm side margins. Chinese text is set in 宋体 (headings 黑体):
python-docx's ``font.name`` sets only the Latin fonts (w:ascii, w:hAnsi), so the East Asian
font (w:eastAsia) is set on the Normal style and on every run, and the theme fonts that
would override it are removed. Tables have real merged cells (gridSpan, vMerge), header
rows that repeat on every page (w:tblHeader), rows that never split across a page
(w:cantSplit), and their widths in the table grid as well as in each cell (LibreOffice
reads the grid). The footer numbers the pages (PAGE and NUMPAGES fields: 第 1 页 共 3 页).
"""

from __future__ import annotations

import io
import re
from typing import Any

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..analysis import Analysis
from ..messages import Messages
from ..result import Result
from .explain import next_grade_lines
from .grid import Grid
from .labels import (
    base_line,
    inferred_line,
    project_items,
    rescale_line,
    result_line,
    warning_line,
)
from .layout import MESSAGES as LAYOUT
from .layout import (
    SELF_EVALUATION,
    form_unit_line,
    grade_grid,
    lost_grid,
    pick_layout,
    report_tree_grid,
    self_evaluation_form,
    subtitle,
    summary_grid,
    title,
)
from .problems import none_line, numeral, problem_sections
from .problems import t as problems_t
from .safety import docx_text

MESSAGES = Messages(
    {
        "rpt_docx_page": ("第 {page} 页 共 {pages} 页", "Page {page} of {pages}"),
        "rpt_docx_section": ("{n}、{title}", "{n}. {title}"),
        "rpt_docx_meta_sep": ("；", "; "),
    },
    LAYOUT,
)
t = MESSAGES.t

BODY_FONT = "宋体"  # SimSun: 宋体 for text, as government documents set it
HEAD_FONT = "黑体"  # SimHei: headings
LATIN_FONT = "Times New Roman"
BODY_PT = 12.0  # 小四
TABLE_PT = 10.5  # 五号
HEADING_PT = 14.0  # 四号
TITLE_PT = 16.0  # 三号
SHADE = "D9E1F2"  # header cells, as in the XLSX


def set_fonts(target: Any, east_asia: str = BODY_FONT, size: float | None = None) -> None:
    """East Asian and Latin fonts on a run or a style (w:rFonts), theme fonts removed."""
    target.font.name = LATIN_FONT
    if size is not None:
        target.font.size = Pt(size)
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east_asia)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _run(
    paragraph: Any,
    text: object,
    *,
    bold: bool = False,
    font: str = BODY_FONT,
    size: float | None = None,
) -> Any:
    run = paragraph.add_run(docx_text(text))
    run.bold = bold or None
    set_fonts(run, font, size)
    return run


def _paragraph(doc: Any, text: object = "", *, align: Any = None, **run: Any) -> Any:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(4)
    if align is not None:
        paragraph.alignment = align
    if text:
        _run(paragraph, text, **run)
    return paragraph


def _heading(doc: Any, n: int, text: str) -> None:
    number = numeral(n)
    paragraph = _paragraph(
        doc, t("rpt_docx_section", n=number, title=text), bold=True, font=HEAD_FONT, size=HEADING_PT
    )
    paragraph.paragraph_format.space_before = Pt(10)
    paragraph.paragraph_format.keep_with_next = True


def _field(paragraph: Any, instruction: str) -> None:
    """A complex field (PAGE, NUMPAGES) with a cached "1" for viewers that do not update."""

    def char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    _run(paragraph, "")._r.append(char("begin"))
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    _run(paragraph, "")._r.append(code)
    _run(paragraph, "")._r.append(char("separate"))
    _run(paragraph, "1")
    _run(paragraph, "")._r.append(char("end"))


def _footer(section: Any) -> None:
    """第 {PAGE} 页 共 {NUMPAGES} 页, centred."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, middle, after = re.split(
        r"\{page\}|\{pages\}", t("rpt_docx_page", page="{page}", pages="{pages}")
    )
    _run(paragraph, before, size=TABLE_PT)
    _field(paragraph, "PAGE")
    _run(paragraph, middle, size=TABLE_PT)
    _field(paragraph, "NUMPAGES")
    _run(paragraph, after, size=TABLE_PT)


def _document(result: Result, heading: str) -> Any:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)  # the template is US Letter
    section.top_margin = section.bottom_margin = Mm(25.4)
    section.left_margin = section.right_margin = Mm(20)
    section.footer_distance = Mm(12)
    normal = doc.styles["Normal"]
    set_fonts(normal, BODY_FONT, BODY_PT)
    language_tag = OxmlElement("w:lang")
    language_tag.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(language_tag)
    doc.core_properties.title = docx_text(heading)
    doc.core_properties.author = "perfscore"
    doc.core_properties.comments = docx_text(result.evaluation.name)
    _footer(section)
    return doc


# -- tables -------------------------------------------------------------------------------

_ALIGN = {
    "head": WD_ALIGN_PARAGRAPH.CENTER,
    "label": WD_ALIGN_PARAGRAPH.CENTER,
    "top": WD_ALIGN_PARAGRAPH.CENTER,
    "name": WD_ALIGN_PARAGRAPH.LEFT,
    "text": WD_ALIGN_PARAGRAPH.LEFT,
    "num": WD_ALIGN_PARAGRAPH.CENTER,
    "total": WD_ALIGN_PARAGRAPH.CENTER,
    "total_num": WD_ALIGN_PARAGRAPH.CENTER,
}
_BOLD = {"head", "label", "top", "total", "total_num"}


def _shade(cell: Any, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _row_property(row: Any, name: str) -> None:
    element = OxmlElement(name)
    if name == "w:tblHeader":
        element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def add_table(doc: Any, grid: Grid) -> Any:
    """The grid as a Word table: merged cells merged, header rows repeated, rows unsplit."""
    table = doc.add_table(rows=grid.rows, cols=grid.columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [Mm(width) for width in grid.widths]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid (w:gridCol): what LibreOffice lays out by
    # Every slot's cell, taken once before any merge (table.cell() walks the whole table on
    # each call). The merges never overlap and each keeps its first slot's cell, so these
    # stay valid for merging and filling.
    slots = []
    for index, row in enumerate(table.rows):
        cells = row.cells
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
        slots.append(cells)
        _row_property(row, "w:cantSplit")
        if index < grid.header_rows:
            _row_property(row, "w:tblHeader")
    for cell in grid.cells:  # merge every range before any text is written
        if cell.rows > 1 or cell.cols > 1:
            slots[cell.row][cell.col].merge(slots[cell.last_row][cell.last_col])
    for cell in grid.cells:
        _fill(slots[cell.row][cell.col], cell.text, cell.style)
    return table


def _fill(target: Any, text: str, style: str) -> None:
    target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = target.paragraphs[0]
    paragraph.alignment = _ALIGN[style]
    paragraph.paragraph_format.space_after = Pt(0)
    if text:
        _run(paragraph, text, bold=style in _BOLD, size=TABLE_PT)
    if style == "head":
        _shade(target, SHADE)


# -- the two layouts ----------------------------------------------------------------------


def _notes(doc: Any, result: Result) -> None:
    for line in (base_line(result), rescale_line(result), inferred_line(result)):
        if line is not None:
            _paragraph(doc, line, size=TABLE_PT)


def _problems(doc: Any, analysis: Analysis) -> None:
    sections = problem_sections(analysis)
    if not sections:
        _paragraph(doc, none_line())
    for section in sections:
        _paragraph(
            doc, section.heading, bold=True, font=HEAD_FONT
        ).paragraph_format.keep_with_next = True
        for problem in section.problems:
            _paragraph(doc, problem.heading, bold=True).paragraph_format.keep_with_next = True
            body = _paragraph(doc, problem.text)
            body.paragraph_format.first_line_indent = Pt(2 * BODY_PT)  # 首行缩进两字


def _report(doc: Any, analysis: Analysis, heading: str) -> None:
    result = analysis.result
    _paragraph(
        doc, heading, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, font=HEAD_FONT, size=TITLE_PT
    )
    items = [t("rpt_meta_item", label=label, value=value) for label, value in project_items(result)]
    if items:
        _paragraph(doc, t("rpt_docx_meta_sep").join(items), size=TABLE_PT)
    _paragraph(doc, result_line(result, "rpt_result_line"), bold=True)
    _notes(doc, result)
    _heading(doc, 1, t("lbl_summary_title"))
    add_table(doc, summary_grid(result))
    _paragraph(doc)
    add_table(doc, grade_grid(result))
    _heading(doc, 2, t("rpt_tree_title"))
    add_table(doc, report_tree_grid(result))
    _heading(doc, 3, t("rpt_lost_title"))
    lost = lost_grid(analysis)
    if lost is None:
        _paragraph(doc, t("rpt_lost_none"))
    else:
        add_table(doc, lost)
    _heading(doc, 4, t("rpt_next_title"))
    for line in next_grade_lines(analysis.next_grade, result):
        _paragraph(doc, line)
    _heading(doc, 5, problems_t("prb_title"))
    _problems(doc, analysis)


def _form(doc: Any, analysis: Analysis, heading: str) -> None:
    result = analysis.result
    form = self_evaluation_form(result)
    _paragraph(
        doc, heading, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, font=HEAD_FONT, size=TITLE_PT
    )
    sub = subtitle(result)
    if sub:
        _paragraph(doc, sub, align=WD_ALIGN_PARAGRAPH.CENTER)
    unit = form_unit_line(form)
    if unit:
        _paragraph(doc, unit, align=WD_ALIGN_PARAGRAPH.RIGHT, size=TABLE_PT)
    add_table(doc, form.head)
    # Two tables one after the other would be joined into one by Word; a one-point paragraph
    # keeps them apart, so that the indicator table's header row can repeat on every page.
    spacer = _paragraph(doc)
    spacer.paragraph_format.space_after = Pt(0)
    spacer.paragraph_format.line_spacing = Pt(1)
    add_table(doc, form.indicators)
    _paragraph(doc)
    _paragraph(doc, result_line(result, "rpt_result_line"), bold=True)
    _notes(doc, result)
    for warning in result.warnings:
        _paragraph(doc, warning_line(warning.path, warning.message), size=TABLE_PT)


def render_docx(analysis: Analysis, layout: str | None = None) -> bytes:
    """The Word document as bytes (.docx)."""
    result = analysis.result
    chosen = pick_layout(result, layout)
    heading = title(result, chosen)
    doc = _document(result, heading)
    if chosen == SELF_EVALUATION:
        _form(doc, analysis, heading)
    else:
        _report(doc, analysis, heading)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
