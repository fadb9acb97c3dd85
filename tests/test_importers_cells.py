"""Cells as printed: joined lines, alignment spaces, exact numbers (importers/cells.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfscore.importers.cells import (
    clean_text,
    column_letter,
    float_decimal,
    key,
    text_number,
    value_cell,
)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("≤\n115.03\n万元", "≤115.03万元"),  # a cell broken over lines
        ("≤15 万\n元", "≤15 万元"),  # seed 02's 所需经费 target, as the PDF breaks it
        ("绩 效 指 标", "绩效指标"),  # spaced for alignment
        ("年度指\n标值（A）", "年度指标值（A）"),
        ("ISO\n9001", "ISO 9001"),  # two Latin words keep a space
        ("  实际培训\n人员增加 ", "实际培训人员增加"),
        ("47 人", "47 人"),  # a space between a number and its unit is the sheet's
    ],
)
def test_clean_text(raw, shown):
    """Lines are joined, spaces between Chinese characters dropped, the rest as printed."""
    assert clean_text(raw) == shown


@pytest.mark.parametrize(
    ("value", "exact"),
    [
        (8.94, "8.94"),
        (8.9399999999999995, "8.94"),  # Excel's 17-digit form of 8.94
        (0.1 + 0.2, "0.3"),
        (95.50000000000001, "95.5"),
        (10.0, "10"),
        (293.82, "293.82"),
    ],
)
def test_float_decimal(value, exact):
    """A float cell is the decimal the spreadsheet shows (15 significant digits), never its binary digits."""
    assert float_decimal(value) == Decimal(exact)
    assert str(float_decimal(value)) == exact


def test_text_number():
    """A printed number as written; 分 after a score; anything else is not a number."""
    assert str(text_number("100.00")) == "100.00"
    assert text_number("1,200") == Decimal(1200)
    assert text_number("５分", "分") == Decimal(5)
    assert text_number("十分") is None
    assert text_number("≥45人") is None


def test_value_cell_and_key():
    """A stored number keeps its exact value; a header word is matched without spaces."""
    cell = value_cell(8.94)
    assert (cell.text, cell.number) == ("8.94", Decimal("8.94"))
    assert value_cell("").text == ""
    assert key("执行率（B/A）") == "执行率(B/A)"
    assert key("一 级 指 标") == "一级指标"
    assert [column_letter(c) for c in (0, 25, 26, 701)] == ["A", "Z", "AA", "ZZ"]
