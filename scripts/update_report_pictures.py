"""Refresh the pictures of docs/reports.md: the first page of each Word and XLSX report.

    .venv/bin/python scripts/update_report_pictures.py

Writes the 78.49 example (评价报告 layout) and the 干部教育培训费 self-evaluation (自评表
layout) as .docx and .xlsx, prints each through headless LibreOffice
(scripts/office_to_pdf.py) and renders its first page with pdftoppm into docs/:
report-docx.png, form-docx.png, report-xlsx.png, form-xlsx.png. Look at them before
committing: they are what a reader of the printed report sees.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from office_to_pdf import to_pdf, to_png  # scripts/office_to_pdf.py, beside this script

from perfscore.analysis import analyse
from perfscore.commands.report import Format, render
from perfscore.validation import load_evaluation

ROOT = Path(__file__).resolve().parent.parent
PICTURES = [
    ("examples/yirenyidang-2023.yaml", Format.docx, "report-docx.png"),
    ("examples/ganbu-peixun-2023.yaml", Format.docx, "form-docx.png"),
    ("examples/yirenyidang-2023.yaml", Format.xlsx, "report-xlsx.png"),
    ("examples/ganbu-peixun-2023.yaml", Format.xlsx, "form-xlsx.png"),
]
DPI = 80


def main() -> int:
    from perfscore.engine import score

    with tempfile.TemporaryDirectory(prefix="perfscore-pictures-") as folder:
        work = Path(folder)
        for example, fmt, picture in PICTURES:
            analysis = analyse(score(load_evaluation(str(ROOT / example))))
            source = work / f"{Path(picture).stem}.{fmt.value}"
            data = render(analysis, fmt)
            source.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
            pdf = to_pdf(source, work / "pdf")
            (first,) = to_png(pdf, pages=1, dpi=DPI)
            shutil.copyfile(first, ROOT / "docs" / picture)
            print(f"docs/{picture}: {example} as {fmt.value}, page 1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
