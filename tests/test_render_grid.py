"""Grids: merged cells once, sections of a grid as tables of their own, numeric columns."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from perfscore.render.grid import Grid


def sample() -> Grid:
    """A block like the 自评表's: a label down column 0, a name over columns 1–2."""
    grid = Grid((10.0, 20.0, 20.0, 15.0))
    grid.add(0, 0, "标签", rows=3, style="label")
    grid.add(0, 1, "", cols=2, style="head")
    grid.add(0, 3, "金额", style="head")
    grid.add(1, 1, "年度资金总额", cols=2, style="name")
    grid.add(1, 3, "15", style="num", value=D(15), number="amount", key="exec.budget")
    grid.add(2, 1, "其中", cols=2, style="name")
    grid.add(2, 3, "-", style="num")
    return grid


def test_texts_show_a_merged_cell_once():
    """A merged cell's text stands in its first slot; the slots it covers are empty."""
    assert sample().texts() == [
        ["标签", "", "", "金额"],
        ["", "年度资金总额", "", "15"],
        ["", "其中", "", "-"],
    ]


def test_merges_and_keys():
    """Every merged cell as (first row, first col, last row, last col); keyed cells by key."""
    grid = sample()
    assert grid.merges() == [(0, 0, 2, 0), (0, 1, 0, 2), (1, 1, 1, 2), (2, 1, 2, 2)]
    assert grid.keyed()["exec.budget"].value == D(15)


def test_section_drops_the_columns_a_merge_covers():
    """Rows 1–2 from column 1: the label is clipped off, column 2 (only ever covered) dropped."""
    part = sample().section(range(1, 3), 1)
    assert part.texts() == [["年度资金总额", "15"], ["其中", "-"]]
    assert part.widths == (20.0, 15.0)
    assert part.numeric_columns() == {1}


def test_a_cell_past_the_last_column_is_a_bug():
    """Adding a cell wider than the grid raises (a layout error, never a user's)."""
    with pytest.raises(ValueError, match="runs past 2 columns"):
        Grid((1.0, 1.0)).add(0, 1, "x", cols=2)
