"""PDF tables: merged cells from their boxes, text outside the lines, page breaks (importers/pdf.py)."""

from __future__ import annotations

import pytest

from perfscore.errors import InputError
from perfscore.importers.pdf import read_pdf

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "import"


def _grid(name: str):
    (grid,) = read_pdf(name, (DATA / name).read_bytes())
    return grid


def test_title_outside_the_table_and_merges():
    """The title lines are rows of their own; the 产出指标 cell covers its four rows."""
    grid = _grid("ganbu-merged.pdf")
    assert [row.cells[0].text for row in grid.rows[:3]] == [
        "项目支出绩效自评表",
        "（2023 年度）",
        "单位：万元",
    ]
    assert all(row.loose for row in grid.rows[:3])
    first = next(r for r, row in enumerate(grid.rows) if row.cells[1].text == "产出指标")
    assert [grid.rows[first + i].cells[1].origin for i in range(1, 4)] == [(first, 1)] * 3


@pytest.mark.parametrize("name", ["shequ-long.pdf", "shequ-long-repeat.pdf"])
def test_a_cell_cut_by_a_page_break_gets_its_text_back(name):
    """效益指标, merged over a row on page 1 and one on page 2, names the row on page 1."""
    grid = _grid(name)
    row = next(row for row in grid.rows if row.cells[3].text == "老年人生活质量")
    assert row.page == 1
    assert row.cells[1].text == "效益指标"
    headers = [r for r in grid.rows if r.cells[1].text.startswith("一级指标")]
    assert all(r.cells[1].text == "一级指标" for r in headers)


def test_broken_pdf_is_one_message():
    """A truncated PDF is refused with the reason, not a traceback."""
    data = (DATA / "ganbu-merged.pdf").read_bytes()
    with pytest.raises(InputError) as caught:
        read_pdf("x.pdf", data[: len(data) // 3])
    assert str(caught.value).startswith("x.pdf: PDF 文件已损坏或不是 PDF（")
