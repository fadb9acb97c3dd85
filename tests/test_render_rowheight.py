"""Row heights for wrapped text, against what LibreOffice 7.4 printed.

The line counts below were measured in LibreOffice's PDF export (Carlito and Noto CJK
installed): cells of width 12, 20 and 40 (70.5, 114.9 and 225.9 pt wide in LibreOffice),
wrap on, rows tall enough to clip nothing, lines counted with pdfplumber.
"""

from __future__ import annotations

import pytest

from perfscore.render.rowheight import RowHeights, column_pt, height_pt, lines_needed

TEXT = "本项目通过组织基层农技人员集中培训，提升了农业技术推广服务能力，受益群众满意度较高，达到了预期绩效目标。"


def test_the_text_is_the_measured_one():
    """52 characters, all of them wide (CJK or full-width punctuation)."""
    assert len(TEXT) == 52


@pytest.mark.parametrize(
    ("chars", "width_pt", "font_pt", "measured"),
    [
        (10, 70.5, 11, 2),
        (25, 70.5, 11, 5),
        (52, 70.5, 11, 9),
        (104, 70.5, 11, 18),
        (25, 114.9, 11, 3),
        (52, 114.9, 11, 6),
        (104, 114.9, 11, 11),
        (52, 225.9, 11, 3),
        (104, 225.9, 11, 6),
        (208, 225.9, 11, 11),
        (52, 70.5, 10, 9),
        (52, 114.9, 10, 5),
        (104, 114.9, 10, 10),
        (208, 114.9, 10, 19),
        (104, 225.9, 10, 5),
    ],
)
def test_lines_match_libreoffice(chars, width_pt, font_pt, measured):
    """The estimate equals the lines LibreOffice printed (e.g. 52 chars, 70.5 pt, 11 pt:
    ⌊68.5 ÷ 11⌋ = 6 a line → ⌈52 ÷ 6⌉ = 9)."""
    text = (TEXT * 4)[:chars]
    assert lines_needed(text, width_pt, font_pt) == measured


def test_column_widths():
    """LibreOffice 5.55·w + 3.9 pt (70.5 at w = 12) against Excel 0.75·⌊7w + 5⌋ (66.75): the narrower."""
    assert column_pt(12) == pytest.approx(66.75)
    assert column_pt(60) == pytest.approx(318.75)


def test_height_of_lines_and_hard_breaks():
    """3 lines of 11 pt CJK: 3 × 1.455 × 11 + 3 = 51.015 pt; each \\n starts a line; at most 409."""
    assert height_pt("第一行\n第二行\n第三行", 200, 11) == pytest.approx(51.015)
    assert height_pt("字" * 5000, 50, 11) == 409.0


def test_merged_cells_spread_their_height():
    """A merged cell over rows 1–2 that needs 3 lines (51.015 pt) raises both rows evenly:
    row 1 holds 19.005 (one line), row 2 nothing yet (19.005 by default) → +6.5025 each."""
    heights = RowHeights(11.0)
    heights.need(1, 0, "短")
    heights.need(1, 1, "一\n二\n三", last_row=2)
    rows = heights.heights({0: 10, 1: 10})
    assert rows[1] == pytest.approx(19.005 + 6.5025)
    assert rows[2] == pytest.approx(19.005 + 6.5025)
