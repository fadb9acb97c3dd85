"""Word reports: the time perfscore's writer takes against python-docx writing the same text alone.

For every example and both layouts (项目支出绩效自评表 and 评价报告), in this process,
interleaved, on the same analysis (read, checked and scored once, outside the timing):

* baseline: python-docx alone — a new document, the same paragraphs' text and the same
  tables (as many rows and columns, every cell's text set with ``cell.text``), saved to
  memory. What the writer is told to write, recorded once from perfscore's own calls;
* writer: :func:`perfscore.render.docx.render_docx` — the same, plus A4 and margins, the
  East Asian font on every run, merged cells, repeated header rows, unsplit rows, shading,
  cell widths and page numbers (what ``perfscore report -f docx`` writes, without the disk).

The figure to read is the ratio writer / baseline (min, median and max over the runs): these
machines are shared and noisy, so absolute times drift while the ratio holds.

    python bench/word.py [--runs 5] [--repeat 5]

(Not bench/docx.py: the script's folder comes first on sys.path, and would hide python-docx.)
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from perfscore.analysis import analyse  # noqa: E402
from perfscore.batch import score_file  # noqa: E402
from perfscore.render import docx as writer  # noqa: E402
from perfscore.render.layout import LAYOUTS  # noqa: E402

# What the writer wrote: ("p", text) for a paragraph, ("t", rows, columns, cells) for a table.
Recorded = list[tuple[Any, ...]]


def record(analysis: Any, layout: str) -> Recorded:
    """The paragraphs and tables perfscore's writer makes of ``analysis`` in ``layout``."""
    seen: Recorded = []
    paragraph, add_table = writer._paragraph, writer.add_table

    def noted_paragraph(doc: Any, text: object = "", **options: Any) -> Any:
        seen.append(("p", str(text)))
        return paragraph(doc, text, **options)

    def noted_table(doc: Any, grid: Any) -> Any:
        cells = [(cell.row, cell.col, cell.text) for cell in grid.cells]
        seen.append(("t", grid.rows, grid.columns, cells))
        return add_table(doc, grid)

    writer._paragraph, writer.add_table = noted_paragraph, noted_table  # type: ignore[assignment]
    try:
        writer.render_docx(analysis, layout)
    finally:
        writer._paragraph, writer.add_table = paragraph, add_table  # type: ignore[assignment]
    return seen


def plain(recorded: Recorded) -> bytes:
    """python-docx alone: the same text in the same paragraphs and tables, nothing more."""
    from docx import Document

    doc = Document()
    for item in recorded:
        if item[0] == "p":
            doc.add_paragraph(item[1])
            continue
        _, rows, columns, cells = item
        table = doc.add_table(rows=rows, cols=columns)
        table.style = "Table Grid"
        slots = [row.cells for row in table.rows]
        for row, column, text in cells:
            slots[row][column].text = text
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _time(work: Callable[[], Any], repeat: int) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        work()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=5, help="documents of each case a run")
    args = parser.parse_args()
    cases = []
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        analysis = analyse(score_file(str(example)))
        for layout in LAYOUTS:
            cases.append((example.name, layout, analysis, record(analysis, layout)))
    print(
        f"cores: {os.cpu_count()}, python {sys.version.split()[0]}, {args.runs} runs, "
        f"{len(cases)} documents ({len(cases) // len(LAYOUTS)} examples × {len(LAYOUTS)} layouts), "
        f"each {args.repeat} times a run"
    )
    for layout in LAYOUTS:
        chosen = [case for case in cases if case[1] == layout]
        ratios, base_times, writer_times = [], [], []
        for _ in range(args.runs):
            base = write = 0.0
            for _name, _layout, analysis, recorded in chosen:
                base += _time(lambda recorded=recorded: plain(recorded), args.repeat)
                write += _time(
                    lambda analysis=analysis, layout=layout: writer.render_docx(analysis, layout),
                    args.repeat,
                )
            base_times.append(base)
            writer_times.append(write)
            ratios.append(write / base)
        documents = len(chosen) * args.repeat
        print(
            f"{layout:16} python-docx alone: median {statistics.median(base_times) / documents * 1000:6.1f} ms "
            f"a document   perfscore's writer: median "
            f"{statistics.median(writer_times) / documents * 1000:6.1f} ms   ratio min {min(ratios):.2f} "
            f"/ median {statistics.median(ratios):.2f} / max {max(ratios):.2f}"
        )


if __name__ == "__main__":
    main()
