"""Check that the XLSX export's formulas recompute in LibreOffice (not run in CI).

1. Write the XLSX report of an example (default: the 78.49 example).
2. Change one leaf score with openpyxl (default: 应用场景质量, 1 → 5). openpyxl
   keeps the formulas and drops every cached value, so whatever numbers come
   back were computed by LibreOffice.
3. Convert the edited file headless with LibreOffice (soffice --convert-to xlsx,
   a fresh profile) and read the recomputed values back with openpyxl.
4. Print the level-1 scores, total, rate and grade before and after, and compare
   them with perfscore's own answer for the edited evaluation.

Usage: .venv/bin/python scripts/xlsx_recalc.py [EXAMPLE.yaml] [LEAF_PATH] [NEW_SCORE]
Needs: LibreOffice (Debian: apt-get install -y libreoffice-calc), XlsxWriter, openpyxl.
Exit status 0 when every recomputed value matches, 1 otherwise.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
from office_to_pdf import convert  # scripts/office_to_pdf.py, beside this script

from perfscore.analysis import analyse
from perfscore.engine import score
from perfscore.model import Leaf
from perfscore.render.xlsx import render_xlsx
from perfscore.rules.judged import Judgement
from perfscore.validation import load_evaluation


def with_score(evaluation, path: str, new: Decimal):
    """The evaluation with the judged leaf at ``path`` rescored to ``new``."""

    def swap(node):
        if node.path == path:
            return replace(node, leaf=Leaf("judged", Judgement(new, None)))
        return replace(node, children=tuple(swap(child) for child in node.children))

    return replace(evaluation, indicators=tuple(swap(node) for node in evaluation.indicators))


def find_leaf_cell(sheet, name: str) -> tuple[int, int]:
    """(row, column) of the 得分 cell beside the leaf called ``name`` (name, 分值, 得分)."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == name:
                return cell.row, cell.column + 2
    sys.exit(f"leaf {name} not found in the sheet")


def summary_values(path: Path) -> list[tuple]:
    book = openpyxl.load_workbook(path, data_only=True)
    return list(book.worksheets[1].iter_rows(min_row=3, values_only=True))


def main() -> int:
    example = sys.argv[1] if len(sys.argv) > 1 else "examples/yirenyidang-2023.yaml"
    leaf_path = sys.argv[2] if len(sys.argv) > 2 else "产出/产出质量/应用场景质量"
    new_score = Decimal(sys.argv[3] if len(sys.argv) > 3 else "5")
    evaluation = load_evaluation(example)
    before = score(evaluation)
    after = score(with_score(evaluation, leaf_path, new_score))

    work = Path(tempfile.mkdtemp(prefix="perfscore-recalc-"))
    original = work / "report.xlsx"
    original.write_bytes(render_xlsx(analyse(before)))
    book = openpyxl.load_workbook(original)
    row, col = find_leaf_cell(book.worksheets[0], leaf_path.rsplit("/", 1)[-1])
    old = book.worksheets[0].cell(row, col).value
    book.worksheets[0].cell(row, col).value = float(new_score)
    edited = work / "edited.xlsx"
    book.save(edited)

    recomputed = summary_values(convert(edited, work / "out", "xlsx"))

    print(
        f"{example}: {leaf_path} {old} → {new_score} (cell {book.worksheets[0].cell(row, col).coordinate})"
    )
    print(f"perfscore before: total {before.score}, grade {before.grade}")
    print(f"perfscore after:  total {after.score}, grade {after.grade}")
    print("LibreOffice recomputed 评价得分和等级 sheet:")
    for values in recomputed:
        print("   ", values)
    expected = [(top.node.name, top.score) for top in after.indicators]
    expected.append((None, after.score))
    ok = True
    for (name, value), values in zip(expected, recomputed[: len(expected)], strict=True):
        got = Decimal(str(round(values[2], 6)))
        if got != value:
            ok = False
            print(f"MISMATCH {name or 'total'}: LibreOffice {got}, perfscore {value}")
    grade = recomputed[len(expected)][1]
    if grade != after.grade:
        ok = False
        print(f"MISMATCH grade: LibreOffice {grade}, perfscore {after.grade}")
    print("OK: LibreOffice recomputes every total and the grade" if ok else "FAILED")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
