"""``perfscore survey FILE``: each question's answer distribution and satisfaction rate.

FILE is an answer sheet (CSV in UTF-8, or XLSX; :mod:`perfscore.survey.sheet`),
counted by :mod:`perfscore.survey.report` and shown by
:mod:`perfscore.render.survey`; ``--json`` writes the same data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_OK, UsageError
from ._options import JsonOption, LangOption

if TYPE_CHECKING:
    from ..survey.report import SurveyData


def survey_of(
    file: str,
    weights: str | None,
    weights_file: str | None,
    question: list[str] | None,
    rounded_shares: bool,
) -> SurveyData:
    """The distributions (and, with weights, the rates) of the sheet ``file``."""
    from ..survey.report import (
        check_weights_fit,
        parse_weights_option,
        read_weights_file,
        survey_data,
    )
    from ..survey.report import t as survey_t
    from ..survey.sheet import QuestionNotFound, find_question, read_sheet

    if weights is not None and weights_file is not None:
        raise UsageError(survey_t("survey_weights_both"))
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
    if table is not None:
        check_weights_fit(data, "--weights" if weights is not None else str(weights_file))
    return data


def survey(
    file: Annotated[
        str,
        typer.Argument(
            help="问卷答卷文件（CSV UTF-8 或 XLSX）/ answer sheet (CSV or XLSX).", metavar="FILE"
        ),
    ],
    weights: Annotated[
        str | None,
        typer.Option(
            "--weights",
            metavar="TABLE",
            help='选项权重，如 "非常满意=100%,满意=80%,一般=60%,不满意=0%" / option weights.',
        ),
    ] = None,
    weights_file: Annotated[
        str | None,
        typer.Option(
            "--weights-file",
            metavar="YAML",
            help="选项权重的 YAML 文件（选项: 权重）/ a YAML file of option weights.",
        ),
    ] = None,
    question: Annotated[
        list[str] | None,
        typer.Option(
            "--question",
            "-q",
            metavar="Q",
            help="只统计这些题（题号或标题，可重复）/ only these questions (number or title; repeatable).",
        ),
    ] = None,
    rounded_shares: Annotated[
        bool,
        typer.Option(
            "--rounded-shares",
            help="满意度按两位小数的各选项占比计算（如报告手算）/ weight the printed (rounded) shares.",
        ),
    ] = False,
    json_path: JsonOption = None,
    lang: LangOption = None,
) -> int:
    """问卷统计：各题选项分布、有效回答与加权满意度 / answer distributions and satisfaction rates."""
    from ..output import STDOUT, check_outputs, write_output
    from ..render.console import console
    from ..render.survey import print_data
    from ..survey.report import data_to_dict

    inputs = [file] + ([weights_file] if weights_file else [])
    check_outputs([json_path], inputs)  # an output over an input: refused before any table
    data = survey_of(file, weights, weights_file, question, rounded_shares)
    if json_path != STDOUT:
        print_data(data, console())
    if json_path is not None:
        from ..render.json_export import dumps

        write_output(json_path, dumps(data_to_dict(data)), inputs=inputs)
    return EXIT_OK
