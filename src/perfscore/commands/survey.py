"""``perfscore survey FILE``: each question's answer distribution and satisfaction rate.

FILE is an answer sheet (CSV in UTF-8, or XLSX; :mod:`perfscore.survey_file`).
Per question: 选项 | 小计 | 比例 (shares HALF_UP to 2 places, as reports print
them), blank answers, several-answer respondents, and, when option weights
are given (``--weights "非常满意=100%,满意=80%"`` or ``--weights-file``), the
weighted satisfaction rate of rules.md §9 with its formula. ``--json`` writes
the same data. The data is built by :func:`survey_data` (pure); the tables
and the JSON are two views of it.
"""

# No "from __future__ import annotations": typer reads the option annotations of the
# command defined inside register().
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Optional

import typer

from ..errors import EXIT_OK, InputError, PerfscoreError, Problem, UsageError
from ..messages import register as register_messages
from ..messages import t

register_messages({
    "lbl_survey_title": ("第 {n} 题　{title}", "Question {n}: {title}"),
    "lbl_survey_multi": ("［多选题］", " [several answers]"),
    "lbl_survey_option": ("选项", "Option"),
    "lbl_survey_count": ("小计", "Count"),
    "lbl_survey_share": ("比例", "Share"),
    "lbl_survey_weight": ("权重", "Weight"),
    "lbl_survey_outside": ("选项外", "not listed"),
    "lbl_survey_head": (
        "问卷文件 {file}：答卷 {respondents} 份，{questions} 题",
        "Answer sheet {file}: {respondents} respondents, {questions} questions",
    ),
    "lbl_survey_empty_rows": ("（另有 {n} 个全空行不计为答卷）", " ({n} fully blank rows are not respondents)"),
    "lbl_survey_answered": (
        "本题有效填写人次 {answered}；空白 {blank} 份{rows}",
        "answered by {answered}; blank {blank}{rows}",
    ),
    "lbl_survey_rows": ("（第 {rows} 行）", " (rows {rows})"),
    "lbl_survey_multi_note": (
        "{count} 人选了多个选项（第 {rows} 行）：比例 = 选择人数 ÷ 作答人数，合计可超过 100%；不计算满意度",
        "{count} respondents chose several options (rows {rows}): share = choosers ÷ respondents "
        "who answered, so shares can add up to more than 100%; no satisfaction rate",
    ),
    "lbl_survey_outside_note": (
        "{count} 份回答不在权重表的选项中（{options}），不计入有效回答",
        "{count} answers are not among the weighted options ({options}) and are not valid answers",
    ),
    "lbl_survey_no_weights": ("权重表中没有本题的选项，未计算满意度", "no weighted option here: no satisfaction rate"),
    "lbl_survey_no_valid": ("没有有效回答，无法计算满意度", "no valid answers: no satisfaction rate"),
    "survey_weights_both": (
        "--weights 与 --weights-file 只能给一个",
        "give --weights or --weights-file, not both",
    ),
    "survey_weights_item": (
        "--weights 的每一项须写成“选项=权重”，如“非常满意=100%”，而不是“{item}”",
        "each --weights item must be 'option=weight', such as '非常满意=100%', not '{item}'",
    ),
    "survey_weights_file_shape": (
        "权重文件须为“选项: 权重”的映射（可写在 weights: 下）",
        "the weights file must map options to weights (optionally under weights:)",
    ),
})


_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)")


@dataclass(frozen=True)
class OptionRow:
    label: str  # "A.非常满意"
    option: str
    letter: Optional[str]
    count: int
    share: Optional[Decimal]  # percent, 2 places
    weight: Optional[str]  # as written, or None when outside the weight table / no table
    rows: tuple


@dataclass(frozen=True)
class QuestionData:
    number: int
    title: str
    respondents: int
    blank: int
    blank_rows: tuple
    multiple_rows: tuple
    options: tuple  # of OptionRow
    weighted: bool  # the weight table applies (some option of this question is in it)
    valid: int  # answers counted in the rate: answered, minus those outside the weight table
    outside: int  # answers outside the weight table (when it applies)
    rate: Optional[Fraction]
    explain: Optional[str]

    @property
    def answered(self) -> int:
        return self.respondents - self.blank

    @property
    def multiple(self) -> bool:
        return bool(self.multiple_rows)


@dataclass(frozen=True)
class SurveyData:
    file: str
    respondents: int
    empty_rows: int
    weights: Optional[tuple]  # of rules.survey.OptionWeight
    questions: tuple  # of QuestionData


def question_data(counted, weights, rounded_shares: bool = False) -> QuestionData:
    """One question's distribution and, where the weight table applies, its rate (pure)."""
    from ..rules.survey import rate_explain, weighted_rate, weighted_rate_of_shares

    table = {w.option: w for w in weights or ()}
    weighted = any(o.option in table for o in counted.options)
    rows = tuple(
        OptionRow(o.label, o.option, o.letter, o.count, counted.share(o.count),
                  table[o.option].text if o.option in table else None, o.rows)
        for o in counted.options)
    outside = sum(o.count for o in counted.options if weighted and o.option not in table)
    valid = counted.answered - (len({r for o in counted.options if o.option not in table
                                     for r in o.rows}) if weighted else 0)
    rate = explain = None
    if weighted and not counted.multiple:
        # Single answers: the valid counts, in the weight table's order (rules.md §9).
        counts = [(w.option, counted.counts[w.option]) for w in weights if w.option in counted.counts]
        if sum(c for _, c in counts):
            rate = (weighted_rate_of_shares if rounded_shares else weighted_rate)(
                counts, {w.option: w.weight for w in weights})
            explain = rate_explain(counts, {w.option: w.text for w in weights}, rate,
                                   rounded_shares=rounded_shares)
    return QuestionData(counted.number, counted.title, counted.respondents, counted.blank,
                        counted.blank_rows, counted.multiple_rows, rows, weighted, valid, outside,
                        rate, explain)


def survey_data(sheet, weights=None, questions=None, rounded_shares: bool = False) -> SurveyData:
    """Every selected question (all by default, in sheet order) counted (pure)."""
    from ..survey_file import tally

    indexes = questions if questions is not None else range(len(sheet.titles))
    return SurveyData(sheet.file, sheet.respondents, sheet.empty_rows, weights,
                      tuple(question_data(tally(sheet, i), weights, rounded_shares) for i in indexes))


def parse_weights_option(text: str):
    """``"非常满意=100%,满意=80%"`` (commas ``,`` or ``，``) → the weight table, or UsageError."""

    from ..fields import Fields
    from ..load import YMap
    from ..rules.survey import parse_weight_table

    table = YMap(0)
    problems: list = []
    for item in (part.strip() for part in re.split(r"[,，]", text)):
        if not item:
            continue
        option, sep, value = item.partition("=")
        if not sep or not option.strip() or not value.strip():
            raise UsageError(t("survey_weights_item", item=item))
        if option.strip() in table:
            problems.append(Problem(t("duplicate_key", key=option.strip(), first=1), "--weights"))
            continue
        value = value.strip()
        # A bare number is read as a number (0.8 is 80%; 80 is refused as ambiguous), as in YAML.
        table[option.strip()] = Decimal(value) if _NUMBER.fullmatch(value) else value
    fields = Fields(table, "--weights", "", problems)
    weights = parse_weight_table(fields, table, "--weights")
    if problems or weights is None:
        raise UsageError(problems)
    return weights


def read_weights_file(file: str):
    """A YAML weight table: ``非常满意: 100%`` lines, optionally under ``weights:``."""
    from ..fields import Fields
    from ..load import YMap, load_yaml
    from ..rules.survey import parse_weight_table

    raw = load_yaml(file)
    if isinstance(raw, YMap) and set(raw) == {"weights"}:
        raw = raw["weights"]
    if not isinstance(raw, YMap) or any(not isinstance(v, (str, Decimal, int)) for v in raw.values()):
        raise InputError(Problem(t("survey_weights_file_shape"), file, getattr(raw, "line", None)))
    problems: list = []
    weights = parse_weight_table(Fields(raw, file, "", problems), raw)
    if problems or weights is None:
        raise InputError(problems)
    return weights


# -- views ---------------------------------------------------------------------

def _percent_value(rate: Fraction) -> Decimal:
    from ..decimals import round_half_up

    return round_half_up(rate * 100, 2)


def data_to_dict(data: SurveyData) -> dict:
    """The JSON view (docs/survey.md): shares and rates in percent, 2 places."""
    return {
        "perfscore": 1,
        "file": data.file,
        "respondents": data.respondents,
        "empty_rows": data.empty_rows,
        "weights": None if data.weights is None else {w.option: w.text for w in data.weights},
        "questions": [{
            "number": q.number,
            "title": q.title,
            "multiple": q.multiple,
            "respondents": q.respondents,
            "answered": q.answered,
            "blank": q.blank,
            "blank_rows": list(q.blank_rows),
            "multiple_rows": list(q.multiple_rows),
            "options": [{"option": o.option, "letter": o.letter, "count": o.count, "share": o.share,
                         "weight": o.weight, **({"listed": o.weight is not None} if q.weighted else {})}
                        for o in q.options],
            "valid": q.valid,
            "outside": q.outside,
            "satisfaction": None if q.rate is None else _percent_value(q.rate),
            "explain": q.explain,
        } for q in data.questions],
    }


def _rows_text(rows) -> str:
    shown = "、".join(str(r) for r in rows[:8])
    return shown + ("…" if len(rows) > 8 else "")


def print_data(data: SurveyData, console) -> None:
    from rich.table import Table
    from rich.text import Text

    from ..decimals import fixed

    head = t("lbl_survey_head", file=data.file, respondents=data.respondents,
             questions=len(data.questions))
    if data.empty_rows:
        head += t("lbl_survey_empty_rows", n=data.empty_rows)
    console.print(head, style="bold")
    for q in data.questions:
        title = t("lbl_survey_title", n=q.number, title=q.title)
        if q.multiple:
            title += t("lbl_survey_multi")
        console.print(Text(title, style="bold"))
        table = Table(header_style="bold cyan")
        table.add_column(t("lbl_survey_option"))
        table.add_column(t("lbl_survey_count"), justify="right")
        table.add_column(t("lbl_survey_share"), justify="right")
        if q.weighted:
            table.add_column(t("lbl_survey_weight"), justify="right")
        for o in q.options:
            cells = [o.label, str(o.count), "" if o.share is None else f"{fixed(o.share, 2)}%"]
            if q.weighted:
                cells.append(o.weight if o.weight is not None
                             else Text(t("lbl_survey_outside"), style="bold yellow"))
            table.add_row(*cells)
        console.print(table)
        rows = t("lbl_survey_rows", rows=_rows_text(q.blank_rows)) if q.blank else ""
        console.print(t("lbl_survey_answered", answered=q.answered, blank=q.blank, rows=rows),
                      style="yellow" if q.blank else "dim")
        if q.multiple:
            console.print(t("lbl_survey_multi_note", count=len(q.multiple_rows),
                            rows=_rows_text(q.multiple_rows)), style="yellow")
        if q.outside:
            names = "、".join(o.label for o in q.options if o.weight is None)
            console.print(t("lbl_survey_outside_note", count=q.outside, options=names), style="yellow")
        if q.explain is not None:
            console.print(Text(q.explain, style="bold green"))
        elif data.weights is not None and not q.multiple:
            key = "lbl_survey_no_valid" if q.weighted else "lbl_survey_no_weights"
            console.print(t(key), style="dim")
        console.print()


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
        from ..survey_file import QuestionNotFound, find_question, read_sheet

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
