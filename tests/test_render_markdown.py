"""The Markdown report's tables, cell by cell, for what the golden files do not hold."""

from __future__ import annotations

import pytest

from . import captured_part


def tables(text: str) -> list[list[list[str]]]:
    """Every table of the Markdown text, as rows of cell texts (the |---| rule left out)."""
    found: list[list[list[str]]] = []
    rows: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            if not set(line) <= set("|-: "):
                rows.append([cell.strip() for cell in line.strip().strip("|").split(" | ")])
        elif rows:
            found.append(rows)
            rows = []
    return found


def escaped(rows: list[list[str]]) -> list[list[str]]:
    """The rows as Markdown shows them: the inferred mark * escaped (20\\*)."""
    return [[cell.replace("*", "\\*") for cell in row] for row in rows]


@pytest.mark.parametrize("layout", ["report", "self-evaluation"])
def test_a_sheet_captured_in_part(cli, write, layout):
    """A part not captured: 分值 as printed (or ?), 得分 未录入, 得分率 —; the sums above it and
    the total ≥ (lower bounds), inferred points 20* (tests/captured_part.py has the arithmetic)."""
    result = cli("report", write(captured_part.SHEET), "-f", "md", "--layout", layout)
    assert result.exit_code == 0, result.stderr
    found = tables(result.stdout)
    if layout == "report":
        summary, grades, tree = found[0], found[1], found[2]
        assert summary[1:] == captured_part.SUMMARY
        assert [row[2] for row in grades[1:]] == ["", "", "", ""]  # no grade marked
        assert tree == escaped(captured_part.TREE)
    else:
        # The form's blocks are tables of their own; the indicator table without its label.
        form = [row[1:] for row in captured_part.FORM[:-1]]
        form.append(["总分", "", "", "", "", "100", "≥53.67", ""])
        assert found[-1] == escaped(form)
    assert f"**{captured_part.RESULT_LINE}**" in result.stdout
    assert "\\" + captured_part.INFERRED_LINE in result.stdout
    # Every leaf's account says the same.
    assert "- **培训天数：分值 20，得分 未录入，得分率 —**" in result.stdout
    assert "### 产出指标：分值 70，得分 ≥44.67，得分率 —" in result.stdout
