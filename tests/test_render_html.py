"""The HTML report's tables read back cell by cell, its chart and its header."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from . import captured_part


class Tables(HTMLParser):
    """Each <table>'s slots by its class: a merged cell's text in its first slot, the slots
    its rowspan and colspan cover empty (as the other formats' tests read them)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.rows: list[list[str]] = []
        self.covered: set[tuple[int, int]] = set()
        self.cell: list[str] | None = None
        self.span = (1, 1)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "table":
            self.rows, self.covered = [], set()
            self.tables[values.get("class") or ""] = self.rows
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
            self.span = (int(values.get("rowspan") or 1), int(values.get("colspan") or 1))

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)

    def handle_endtag(self, tag):
        if tag not in ("td", "th") or self.cell is None:
            return
        r, row = len(self.rows) - 1, self.rows[-1]
        while (r, len(row)) in self.covered:
            row.append("")
        col = len(row)
        rows, cols = self.span
        for dr in range(rows):
            for dc in range(cols):
                if (dr, dc) != (0, 0):
                    self.covered.add((r + dr, col + dc))
        row.append("".join(self.cell).strip())
        row.extend([""] * (cols - 1))
        self.cell = None

    def close(self):
        super().close()
        for rows in self.tables.values():  # slots covered at the end of a row
            for r, row in enumerate(rows):
                while (r, len(row)) in self.covered:
                    row.append("")


def read(text: str) -> dict[str, list[list[str]]]:
    parser = Tables()
    parser.feed(text)
    parser.close()
    return parser.tables


@pytest.mark.parametrize("layout", ["report", "self-evaluation"])
def test_a_sheet_captured_in_part(cli, write, layout):
    """A part not captured: 分值 as printed (or ?), 得分 未录入, 得分率 —; the sums above it and
    the total ≥ (lower bounds), inferred points 20* (tests/captured_part.py has the arithmetic);
    the header's total ≥53.67 with no grade, its badge grey, not a band's colour."""
    result = cli("report", write(captured_part.SHEET), "-f", "html", "--layout", layout)
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    found = read(page)
    if layout == "report":
        assert found["summary"][1:] == captured_part.SUMMARY
        assert found["tree"] == captured_part.TREE
    else:
        assert found["form"][-len(captured_part.FORM) :] == captured_part.FORM
    assert '<span class="total">≥53.67</span>' in page
    assert '<span class="grade" style="background:#7b8794">—</span>' in page
    assert "满分 100 · 得分率 —" in page


def test_chart_draws_a_rate_only_where_there_is_one(cli, write):
    """Bars: 预算执行率 90% (9/10) in its band's colour (优 ≥ 90, green); 产出指标 a lower bound,
    labelled —（≥44.67/70）, and 满意度指标 未录入, neither with a bar."""
    page = cli("report", write(captured_part.SHEET), "-f", "html", "--layout", "report").stdout
    chart = page[page.index("<svg") : page.index("</svg>")]
    labels = re.findall(r'<text x="[\d.]+" y="[\d.]+" fill="#1f2933">([^<]*)</text>', chart)
    assert labels == ["90.00%（9/10）", "—（≥44.67/70）", "未录入"]
    bars = re.findall(r'<rect [^>]*fill="(#(?!f0f4f8)[0-9a-f]{6})"/>', chart)
    assert bars == ["#2e7d32"]
