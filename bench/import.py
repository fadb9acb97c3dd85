"""Import: the time to import 100 sheets against the time to open them with the reading library.

The sheets are copies of the fixtures in tests/data/import/ (the published form with merged
and with repeated cells, the national system's columns, a workbook of four sheets), 100
files of each kind: .xlsx, and .pdf. Per run and kind, both are measured in this process,
interleaved, on the same files:

* baseline: the reading library alone, opening each file and reading every cell —
  python-calamine ``to_python()`` of every sheet; pdfplumber ``extract_tables()`` of
  every page;
* import: :func:`perfscore.importers.import_file` on each file — the limits, the XML
  prescan, the same read, the layout by header words and the YAML text with its
  comments (what ``perfscore import`` writes, without the disk).

The figure to read is the ratio import / baseline (min, median and max over the runs):
these machines are shared and noisy, so absolute times drift while the ratio holds.

    python bench/import.py [--runs 5] [--files 100]
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "import"
KINDS = {
    "xlsx": [
        "ganbu-merged.xlsx",
        "ganbu-repeated.xlsx",
        "shequ-national.xlsx",
        "many-projects.xlsx",
    ],
    "pdf": ["ganbu-merged.pdf", "shequ-long-repeat.pdf", "many-projects.pdf"],
}


def _calamine(path: str) -> None:
    from python_calamine import CalamineWorkbook

    with CalamineWorkbook.from_path(path) as book:
        for index in range(len(book.sheet_names)):
            book.get_sheet_by_index(index).to_python(skip_empty_area=False)


def _pdfplumber(path: str) -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(Path(path).read_bytes())) as pdf:
        for page in pdf.pages:
            page.extract_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"})
            page.close()


def _import(path: str) -> None:
    from perfscore.importers import import_file

    import_file(path)


def _time(work, files: list[str]) -> float:
    started = time.perf_counter()
    for file in files:
        work(file)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--files", type=int, default=100)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    baseline = {"xlsx": _calamine, "pdf": _pdfplumber}
    print(
        f"cores: {os.cpu_count()}, python {sys.version.split()[0]}, {args.runs} runs, {args.files} files a kind"
    )
    with tempfile.TemporaryDirectory() as folder:
        for kind, names in KINDS.items():
            files = []
            for i in range(args.files):
                target = Path(folder) / f"{i:03d}-{names[i % len(names)]}"
                shutil.copyfile(DATA / names[i % len(names)], target)
                files.append(str(target))
            _time(_import, files[: len(names)])  # warm: imports, caches
            _time(baseline[kind], files[: len(names)])
            ratios, base_times, import_times = [], [], []
            for _ in range(args.runs):
                base = _time(baseline[kind], files)
                imported = _time(_import, files)
                base_times.append(base)
                import_times.append(imported)
                ratios.append(imported / base)
            print(
                f"{kind:5} reading library alone: median {statistics.median(base_times):6.2f} s   "
                f"perfscore import: median {statistics.median(import_times):6.2f} s   "
                f"ratio min {min(ratios):.2f} / median {statistics.median(ratios):.2f} / max {max(ratios):.2f}"
            )


if __name__ == "__main__":
    main()
