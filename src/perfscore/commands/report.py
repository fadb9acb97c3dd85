"""``perfscore report FILE --format md|csv|xlsx|html --output PATH``.

Scores one evaluation file and writes it as a report: Markdown, CSV, XLSX or a
self-contained HTML page (renderers in :mod:`perfscore.render`). ``--output -``
(the default) writes a text format to standard output; XLSX is binary and must
go to a file. Without ``--format`` the format follows the output's suffix
(.md, .csv, .xlsx, .html/.htm), else Markdown.
"""

from __future__ import annotations

import os
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_OK, OutputError, Problem, UsageError
from ..messages import Messages
from ._options import LangOption

if TYPE_CHECKING:
    from ..analysis import Analysis

MESSAGES = Messages(
    {
        "rpt_xlsx_stdout": (
            "XLSX 是二进制文件，不能写到标准输出；请用 --output 指定文件名（如 -o 得分表.xlsx）",
            "XLSX is a binary file and cannot go to standard output; name a file with --output (e.g. -o scores.xlsx)",
        ),
        "rpt_xlsx_missing": (
            "生成 XLSX 需要 XlsxWriter：请运行 pip install 'perfscore[xlsx]'",
            "writing XLSX needs XlsxWriter: run pip install 'perfscore[xlsx]'",
        ),
    }
)
t = MESSAGES.t


class Format(str, Enum):
    md = "md"
    csv = "csv"
    xlsx = "xlsx"
    html = "html"


SUFFIXES = {
    ".md": Format.md,
    ".markdown": Format.md,
    ".csv": Format.csv,
    ".xlsx": Format.xlsx,
    ".html": Format.html,
    ".htm": Format.html,
}


def pick_format(fmt: Format | None, output: str) -> Format:
    if fmt is not None:
        return fmt
    return SUFFIXES.get(os.path.splitext(output)[1].lower(), Format.md)


def render(analysis: Analysis, fmt: Format) -> str | bytes:
    """The report in ``fmt``: text for md/csv/html, bytes for xlsx."""
    if fmt is Format.md:
        from ..render.markdown import render_markdown

        return render_markdown(analysis)
    if fmt is Format.csv:
        from ..render.csv_export import render_csv

        return render_csv(analysis)
    if fmt is Format.html:
        from ..render.html import render_html

        return render_html(analysis)
    try:
        from ..render.xlsx import render_xlsx
    except ImportError as error:
        if error.name != "xlsxwriter":
            raise
        raise OutputError(Problem(t("rpt_xlsx_missing"))) from None
    return render_xlsx(analysis)


def report(
    file: Annotated[str, typer.Argument(help="评价文件 (YAML) / evaluation file.", metavar="FILE")],
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="md、csv、xlsx 或 html；默认按输出文件后缀，否则 md / "
            "md, csv, xlsx or html; default: from the output's suffix, else md.",
        ),
    ] = None,
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="输出文件；- 为标准输出（仅文本格式）/ output file; - for stdout (text formats).",
        ),
    ] = "-",
    lang: LangOption = None,
) -> int:
    """报告：把评价结果写成 Markdown、CSV、XLSX 或 HTML / write the result as a report."""
    from ..analysis import analyse
    from ..batch import score_file
    from ..output import STDOUT, write_output
    from ..rules import files_read

    chosen = pick_format(fmt, output)
    if chosen is Format.xlsx and output == STDOUT:
        raise UsageError(Problem(t("rpt_xlsx_stdout")))
    result = score_file(file)
    write_output(output, render(analyse(result), chosen), inputs=files_read(result.evaluation))
    return EXIT_OK
