"""The YAML an import writes reads back as the same values (importers/writer.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfscore.importers.writer import Doc, Source, scalar, to_yaml
from perfscore.load import parse


@pytest.mark.parametrize(
    "value",
    [
        "≥45 人",
        "100.00%",
        "是",
        "no",
        "010",
        "1:30",
        "- 开头",
        "#1",
        "a: b",
        "年度资金总额:",
        "",
        " 空格",
        "8.94",
        "true",
    ],
)
def test_text_reads_back_as_text(value):
    """Every text is written plainly only when YAML reads it back as that very text."""
    assert parse(f"v: {scalar(value)}\n", "x.yaml")["v"] == value


def test_numbers_and_comments():
    """Decimals as written (100.00 stays 100.00); each value's cell in its comment and its line's source."""
    doc = Doc()
    node = Doc(comment="工作表“表”第 3 行", source=Source("工作表“表”A3", "A3"))
    node.add("name", "培训人数", Source("工作表“表”D3", "D3"))
    node.add("points", Decimal("100.00"), Source("工作表“表”G3", "G3"))
    doc.add("indicators", [node])
    text, lines = to_yaml(doc, ["header"])
    assert text == (
        "# header\n"
        "indicators:\n"
        "  - name: 培训人数  # 工作表“表”第 3 行；D3\n"
        "    points: 100.00  # G3\n"
    )
    assert lines == {3: "工作表“表”D3", 4: "工作表“表”G3"}
    assert parse(text, "x.yaml")["indicators"][0]["points"] == Decimal("100.00")
