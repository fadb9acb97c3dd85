"""``perfscore survey FILE``: each question's answer distribution and satisfaction rate.

FILE is an answer sheet (CSV in UTF-8, or XLSX; :mod:`perfscore.survey_file`),
counted by :mod:`perfscore.survey_report` and shown by
:mod:`perfscore.render.survey_terminal`; ``--json`` writes the same data.
This module only parses the command line.
"""

# No "from __future__ import annotations": typer reads the option annotations of the
# command defined inside register().
from typing import Annotated, Optional

import typer

from ..errors import EXIT_OK, PerfscoreError, UsageError
from ..messages import t


def register(app: typer.Typer) -> None:
    from ..cli import Lang, LangOption

    @app.command()
    def survey(
        file: Annotated[str, typer.Argument(help="问卷答卷文件（CSV UTF-8 或 XLSX）/ answer sheet (CSV or XLSX).",
                                            metavar="FILE")],
        weights: Annotated[Optional[str], typer.Option(
            "--weights", metavar="TABLE",
            help="选项权重，如 \"非常满意=100%,满意=80%,一般=60%,不满意=0%\" / option weights.")] = None,
        weights_file: Annotated[Optional[str], typer.Option(
            "--weights-file", metavar="YAML",
            help="选项权重的 YAML 文件（选项: 权重）/ a YAML file of option weights.")] = None,
        question: Annotated[Optional[list[str]], typer.Option(
            "--question", "-q", metavar="Q",
            help="只统计这些题（题号或标题，可重复）/ only these questions (number or title; repeatable).")] = None,
        rounded_shares: Annotated[bool, typer.Option(
            "--rounded-shares",
            help="满意度按两位小数的各选项占比计算（如报告手算）/ weight the printed (rounded) shares.")] = False,
        json_path: Annotated[Optional[str], typer.Option(
            "--json", metavar="PATH", help="写出 JSON；- 为标准输出 / write JSON; - for stdout.")] = None,
        lang: LangOption = Lang.zh,
    ) -> None:
        """问卷统计：各题选项分布、有效回答与加权满意度 / answer distributions and satisfaction rates."""
        from ..cli import _set_lang, console, report_error
        from ..output import STDOUT, write_output
        from ..render.survey_terminal import print_data
        from ..survey_file import QuestionNotFound, find_question, read_sheet
        from ..survey_report import data_to_dict, parse_weights_option, read_weights_file, survey_data

        _set_lang(lang)
        try:
            if weights is not None and weights_file is not None:
                raise UsageError(t("survey_weights_both"))
            table = None
            if weights is not None:
                table = parse_weights_option(weights)
            elif weights_file is not None:
                table = read_weights_file(weights_file)
            sheet = read_sheet(file)
            indexes = None
            if question:
                try:
                    indexes = [find_question(sheet, q) for q in question]
                except QuestionNotFound as error:
                    raise UsageError(str(error)) from None
            data = survey_data(sheet, table, indexes, rounded_shares)
            if json_path != STDOUT:
                print_data(data, console())
            if json_path is not None:
                from ..render.json_export import dumps

                inputs = [file] + ([weights_file] if weights_file else [])
                write_output(json_path, dumps(data_to_dict(data)), inputs=inputs)
        except PerfscoreError as error:
            report_error(error)
            raise typer.Exit(error.exit_code) from None
        raise typer.Exit(EXIT_OK)
