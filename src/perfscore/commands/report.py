"""``perfscore report FILE --format md|csv|xlsx|html|docx --output PATH [--layout …]``.

Scores one evaluation file and writes it as a report: Markdown, CSV, XLSX, a
self-contained HTML page or a Word document (renderers in :mod:`perfscore.render`),
in the layout of a 自评表 or of a 评价报告 (:mod:`perfscore.render.layout`: chosen from the
file unless ``--layout`` says which; CSV has one row per node in either). ``--output -``
(the default) writes a text format to standard output; XLSX and Word are binary and must
go to a file. Without ``--format`` the format follows the output's suffix (.md, .csv,
.xlsx, .html/.htm, .docx), else Markdown; a suffix that says another format than
``--format`` (``-o x.docx -f md``), or one that says none (``-o x.doc``), is refused
before anything is scored or written.
"""

from __future__ import annotations

import os
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_OK, OutputError, Problem, UsageError
from ..messages import Messages, join
from ._options import LangOption

if TYPE_CHECKING:
    from ..analysis import Analysis

MESSAGES = Messages(
    {
        "rpt_binary_stdout": (
            "{fmt} 是二进制文件，不能写到标准输出；请用 --output 指定文件名（如 -o 报告.{fmt_suffix}）",
            "{fmt} is a binary file and cannot go to standard output; name a file with --output "
            "(e.g. -o report.{fmt_suffix})",
        ),
        "rpt_xlsx_missing": (
            "生成 XLSX 需要 XlsxWriter：请运行 pip install 'perfscore[xlsx]'",
            "writing XLSX needs XlsxWriter: run pip install 'perfscore[xlsx]'",
        ),
        "rpt_docx_missing": (
            "生成 Word 文档需要 python-docx：请运行 pip install 'perfscore[docx]'",
            "writing Word documents needs python-docx: run pip install 'perfscore[docx]'",
        ),
        "rpt_suffix_mismatch": (
            "输出文件 {path} 的后缀 {suffix} 与格式 {fmt} 不符：{fmt} 的文件名应以 {suffixes} 结尾",
            "the output {path} ends in {suffix}, which is not the format {fmt}: a {fmt} file "
            "name ends in {suffixes}",
        ),
        "rpt_suffix_unknown": (
            "无法从输出文件 {path} 的后缀 {suffix} 判断格式：请用 {known} 之一，或用 -f 指定格式",
            "the output {path} ends in {suffix}, which names no format: use one of {known}, "
            "or give the format with -f",
        ),
    }
)
t = MESSAGES.t


class Format(str, Enum):
    md = "md"
    csv = "csv"
    xlsx = "xlsx"
    html = "html"
    docx = "docx"


class Layout(str, Enum):
    self_evaluation = "self-evaluation"  # 自评表 (seed 02)
    report = "report"  # 评价报告 (seed 03)


SUFFIXES = {
    ".md": Format.md,
    ".markdown": Format.md,
    ".csv": Format.csv,
    ".xlsx": Format.xlsx,
    ".html": Format.html,
    ".htm": Format.html,
    ".docx": Format.docx,
}
BINARY = (Format.xlsx, Format.docx)


def pick_format(fmt: Format | None, output: str) -> Format:
    """The format asked for, else the output's; a suffix that contradicts it is refused."""
    from ..output import STDOUT

    suffix = os.path.splitext(output)[1].lower() if output != STDOUT else ""
    if fmt is None:
        if not suffix:
            return Format.md
        if suffix not in SUFFIXES:
            known = join(sorted(SUFFIXES))
            raise UsageError(
                Problem(t("rpt_suffix_unknown", path=output, suffix=suffix, known=known))
            )
        return SUFFIXES[suffix]
    if suffix and SUFFIXES.get(suffix) is not fmt:
        own = join(sorted(key for key, value in SUFFIXES.items() if value is fmt))
        raise UsageError(
            Problem(
                t("rpt_suffix_mismatch", path=output, suffix=suffix, fmt=fmt.value, suffixes=own)
            )
        )
    return fmt


# The library each binary format needs (an extra), and the message when it is missing.
_EXTRAS = {"xlsxwriter": "rpt_xlsx_missing", "docx": "rpt_docx_missing"}


def _binary(fmt: Format, analysis: Analysis, layout: str | None) -> bytes:
    """XLSX or Word, each from its extra; a missing library is one line."""
    try:
        if fmt is Format.xlsx:
            from ..render.xlsx import render_xlsx

            return render_xlsx(analysis, layout)
        from ..render.docx import render_docx

        return render_docx(analysis, layout)
    except ImportError as error:
        missing = (error.name or "").split(".")[0]  # xlsxwriter.utility is xlsxwriter's
        if missing not in _EXTRAS:
            raise
        raise OutputError(Problem(t(_EXTRAS[missing]))) from None


def render(analysis: Analysis, fmt: Format, layout: str | None = None) -> str | bytes:
    """The report in ``fmt``: text for md/csv/html, bytes for xlsx and docx."""
    if fmt is Format.md:
        from ..render.markdown import render_markdown

        return render_markdown(analysis, layout)
    if fmt is Format.csv:
        from ..render.csv_export import render_csv

        return render_csv(analysis)
    if fmt is Format.html:
        from ..render.html import render_html

        return render_html(analysis, layout)
    return _binary(fmt, analysis, layout)


def report(
    file: Annotated[str, typer.Argument(help="评价文件 (YAML) / evaluation file.", metavar="FILE")],
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="md、csv、xlsx、html 或 docx；默认按输出文件后缀，否则 md / "
            "md, csv, xlsx, html or docx; default: from the output's suffix, else md.",
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
    layout: Annotated[
        Layout | None,
        typer.Option(
            "--layout",
            help="self-evaluation（自评表）或 report（评价报告）；默认按文件的 kind 判断 / "
            "self-evaluation (自评表) or report (评价报告); default: from the file.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> int:
    """报告：把评价结果写成 Markdown、CSV、XLSX、HTML 或 Word / write the result as a report."""
    from ..analysis import analyse
    from ..batch import score_file
    from ..output import STDOUT, write_output
    from ..rules import files_read

    chosen = pick_format(fmt, output)
    if chosen in BINARY and output == STDOUT:
        name = "Word" if chosen is Format.docx else "XLSX"
        raise UsageError(Problem(t("rpt_binary_stdout", fmt=name, fmt_suffix=chosen.value)))
    result = score_file(file)
    text = render(analyse(result), chosen, layout.value if layout else None)
    write_output(output, text, inputs=files_read(result.evaluation))
    return EXIT_OK
