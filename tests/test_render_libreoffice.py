"""The Word and XLSX reports as their readers print them: through headless LibreOffice.

scripts/office_to_pdf.py converts each file to PDF (a private profile per run); the PDF's
text, read with pdftotext in content order, must hold every 评分依据 whole — LibreOffice cuts
the lines a row is too short for, so this fails when row heights do not fit their text —
and the Word document's footer must number its pages. A form whose 全年执行数 is edited in
the spreadsheet must recompute its 执行率, its budget score and its 总分 in LibreOffice.

Skipped, with the reason, where LibreOffice or pdftotext is not installed
(scripts/setup-tests.sh installs them where it can).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess

import pytest

from perfscore import load_evaluation, score
from perfscore.analysis import analyse
from perfscore.render.problems import problem_sections

from . import captured_part
from .conftest import EXAMPLES, ROOT

pytest.importorskip("xlsxwriter")
openpyxl = pytest.importorskip("openpyxl")


def _script():
    spec = importlib.util.spec_from_file_location(
        "office_to_pdf", ROOT / "scripts" / "office_to_pdf.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


office = _script()
pytestmark = [
    pytest.mark.skipif(office.soffice() is None, reason="LibreOffice is not installed"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed"),
]

REPORT = EXAMPLES / "yirenyidang-2023.yaml"
FORM = EXAMPLES / "shequ-yanglao-selfeval-2024.yaml"


def pdf_text(pdf) -> str:
    """The PDF's text in content order, with every space and line break removed (a wrapped
    cell's lines are joined again)."""
    done = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True)
    return re.sub(r"\s+", "", done.stdout)


def words_past_the_edge(pdf) -> list[str]:
    """The words whose box runs past the right edge of their page (text cut off in print:
    pdftotext still reads it, so a text check alone would not see it)."""
    done = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True)
    past = []
    for width, body in re.findall(r'<page width="([\d.]+)"[^>]*>(.*?)</page>', done.stdout, re.S):
        for right, word in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)</word>', body):
            if float(right) > float(width):
                past.append(word)
    return past


def convert(cli, tmp_path, example, suffix, *options):
    source = tmp_path / f"report{suffix}"
    assert cli("report", example, "-o", source, *options).exit_code == 0
    return office.to_pdf(source, tmp_path / "pdf")


@pytest.mark.parametrize("example", [REPORT, FORM])
def test_xlsx_pdf_shows_every_basis_whole(cli, tmp_path, example):
    """Every leaf's 评分依据 (偏差原因 in the form) appears whole in the PDF of the XLSX, and no
    text runs past a page's edge."""
    pdf = convert(cli, tmp_path, example, ".xlsx")
    assert words_past_the_edge(pdf) == []
    text = pdf_text(pdf)
    bases = [node.basis for node in load_evaluation(str(example)).walk() if node.basis]
    assert len(bases) >= 6
    missing = [basis for basis in bases if re.sub(r"\s+", "", basis) not in text]
    assert missing == []


def test_xlsx_pdf_shows_every_problem_whole(cli, tmp_path):
    """The 发现的问题 sheet prints each problem's paragraph whole, within the page."""
    pdf = convert(cli, tmp_path, REPORT, ".xlsx")
    assert words_past_the_edge(pdf) == []
    text = pdf_text(pdf)
    sections = problem_sections(analyse(score(load_evaluation(str(REPORT)))))
    paragraphs = [problem.text for section in sections for problem in section.problems]
    assert len(paragraphs) == 12
    assert [p for p in paragraphs if re.sub(r"\s+", "", p) not in text] == []


def test_docx_pdf_pages_and_text(cli, tmp_path):
    """The Word report prints on A4 with its page numbers and every basis whole."""
    pdf = convert(cli, tmp_path, REPORT, ".docx")
    assert words_past_the_edge(pdf) == []
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)
    text = pdf_text(pdf)
    assert pages > 1 and f"第1页共{pages}页" in text and f"第{pages}页共{pages}页" in text
    bases = [node.basis for node in load_evaluation(str(REPORT)).walk() if node.basis]
    assert [b for b in bases if re.sub(r"\s+", "", b) not in text] == []
    assert "（三）产出阶段存在的问题" in text


def test_pdf_is_repeatable(cli, tmp_path):
    """Two conversions of one file give the same bytes (dates and IDs normalised)."""
    source = tmp_path / "form.xlsx"
    assert cli("report", FORM, "-o", source).exit_code == 0
    first = office.to_pdf(source, tmp_path / "a").read_bytes()
    second = office.to_pdf(source, tmp_path / "b").read_bytes()
    assert first == second


def test_form_recomputes_in_libreoffice(cli, tmp_path):
    """全年执行数 edited from 102.6 to 96: LibreOffice recomputes 执行率 96 ÷ 120 = 80%,
    the budget score 0.8 × 10 = 8 and 总分 91.08 − 8.55 + 8 = 90.53 (still 优)."""
    source = tmp_path / "form.xlsx"
    assert cli("report", FORM, "-o", source).exit_code == 0
    book = openpyxl.load_workbook(source)  # keeps the formulas, drops the cached values
    sheet = book["自评表"]
    assert sheet["F6"].value == 102.6
    sheet["F6"].value = 96
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    recomputed = office.convert(edited, tmp_path / "out", "xlsx")
    values = openpyxl.load_workbook(recomputed, data_only=True)["自评表"]
    assert values["H6"].value == pytest.approx(0.8)
    assert values["I6"].value == 8
    assert values["H19"].value == pytest.approx(90.53)
    assert values["G20"].value == "优"


@pytest.mark.parametrize(
    ("layout", "shown"),
    [
        # 培训天数 20 未录入 —; 产出指标 70 ≥44.67; 数量指标 50 ≥26.67; 培训质量 20* 18.00;
        # 满意度指标 ? 未录入 —; 合计 100 ≥53.67 —; 评价等级 —
        ("report", ["培训天数20未录入—", "70≥44.67", "50≥26.67", "培训质量20*18.00"]),
        ("self-evaluation", ["培训天数20未录入", "培训质量20*18.00", "?未录入", "总分100≥53.67"]),
    ],
)
def test_a_sheet_captured_in_part_prints_as_the_other_formats(cli, write, tmp_path, layout, shown):
    """LibreOffice prints the number formats as the other formats write the text: ≥ before a
    lower bound, * after inferred points; 未录入 and ? as they are, never 0."""
    pdf = convert(cli, tmp_path, write(captured_part.SHEET), ".xlsx", "--layout", layout)
    text = pdf_text(pdf)
    for piece in [*shown, "满意度指标?未录入" if layout == "report" else "满意度指标"]:
        assert piece in text, piece
    assert "###" not in text  # every number fits its column


@pytest.mark.parametrize("layout", ["report", "self-evaluation"])
def test_a_sheet_captured_in_part_recomputes_to_its_cached_values(cli, write, tmp_path, layout):
    """Every formula LibreOffice recomputes gives the value perfscore cached: a SUM over a
    未录入 or a ? is the lower bound the sheet shows, no 得分率 divides a text, the 合计's
    分值 is the base 100 however many points are not known."""
    source = tmp_path / "partial.xlsx"
    made = cli("report", write(captured_part.SHEET), "-o", source, "--layout", layout)
    assert made.exit_code == 0, made.stderr
    formulas = openpyxl.load_workbook(source)
    book = openpyxl.load_workbook(source)  # saved by openpyxl: every cached value dropped
    bare = tmp_path / "bare.xlsx"
    book.save(bare)
    recomputed = openpyxl.load_workbook(
        office.convert(bare, tmp_path / "out", "xlsx"), data_only=True
    )
    cached = openpyxl.load_workbook(source, data_only=True)
    compared = 0
    for sheet in formulas:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    want = cached[sheet.title][cell.coordinate].value
                    got = recomputed[sheet.title][cell.coordinate].value
                    same = got == want if isinstance(want, str) else got == pytest.approx(want)
                    assert same, (sheet.title, cell.coordinate, cell.value, want, got)
                    compared += 1
    assert compared > 10
