"""Answer sheets counted: each question's distribution and weighted satisfaction rate.

The data behind ``perfscore survey`` (docs/rules.md §9): per question 选项 | 小计 |
比例 (shares HALF_UP to 2 places, as reports print them), blank answers,
several-answer respondents and, when option weights are given, the weighted
rate with its formula. Pure: :func:`survey_data` builds it from a sheet read
by :mod:`perfscore.survey.sheet`; the terminal view is
:mod:`perfscore.render.survey_terminal` and :func:`data_to_dict` the JSON one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ..errors import InputError, Problem, UsageError
from ..load.yaml import MESSAGES as YAML_MESSAGES
from ..messages import Messages
from ..shares import MESSAGES as SHARES
from .sheet import MESSAGES as SHEET

MESSAGES = Messages(
    {
        "survey_weights_both": (
            "--weights 与 --weights-file 只能给一个",
            "give --weights or --weights-file, not both",
        ),
        "survey_weights_item": (
            "--weights 的每一项须写成“选项=权重”，如“非常满意=100%”，而不是“{item}”",
            "each --weights item must be 'option=weight', such as '非常满意=100%', not '{item}'",
        ),
        "survey_weights_repeated": (
            "选项“{option}”重复（第 {first} 项与第 {n} 项，字母前缀不计）",
            "the option '{option}' is given twice (items {first} and {n}, letter prefixes aside)",
        ),
        "survey_weights_misfit": (
            "第 {n} 题的 {count} 份回答“{answer}”不在权重表中，而权重表的“{option}”不是本题的回答："
            "是否应写作“{close}”？（否则这些回答不计入满意度）",
            "question {n}: {count} answer(s) '{answer}' are outside the weight table, whose "
            "'{option}' is no answer of the question: did you mean '{close}'? (else they are "
            "left out of the rate)",
        ),
        "survey_weights_file_shape": (
            "权重文件须为“选项: 权重”的映射（可写在 weights: 下）",
            "the weights file must map options to weights (optionally under weights:)",
        ),
    },
    YAML_MESSAGES,
    SHARES,
    SHEET,
)
t = MESSAGES.t


_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)")


@dataclass(frozen=True)
class OptionRow:
    label: str  # "A.非常满意"
    option: str
    letter: str | None
    count: int
    share: Decimal | None  # percent, 2 places
    weight: str | None  # as written, or None when outside the weight table / no table
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
    rate: Fraction | None
    explain: str | None

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
    weights: tuple | None  # of rules.survey.OptionWeight
    questions: tuple  # of QuestionData


def question_data(counted, weights, rounded_shares: bool = False) -> QuestionData:
    """One question's distribution and, where the weight table applies, its rate (pure)."""
    from ..rules.survey import rate_explain, weighted_rate, weighted_rate_of_shares

    table = {w.option: w for w in weights or ()}
    weighted = any(o.option in table for o in counted.options)
    rows = tuple(
        OptionRow(
            o.label,
            o.option,
            o.letter,
            o.count,
            counted.share(o.count),
            table[o.option].text if o.option in table else None,
            o.rows,
        )
        for o in counted.options
    )
    outside = sum(o.count for o in counted.options if weighted and o.option not in table)
    valid = counted.answered - (
        len({r for o in counted.options if o.option not in table for r in o.rows})
        if weighted
        else 0
    )
    rate = explain = None
    if weighted and not counted.multiple:
        # Single answers: the valid counts, in the weight table's order (docs/rules.md §9).
        counts = [
            (w.option, counted.counts[w.option]) for w in weights if w.option in counted.counts
        ]
        if sum(c for _, c in counts):
            rate = (weighted_rate_of_shares if rounded_shares else weighted_rate)(
                counts, {w.option: w.weight for w in weights}
            )
            explain = rate_explain(
                counts, {w.option: w.text for w in weights}, rate, rounded_shares=rounded_shares
            )
    return QuestionData(
        counted.number,
        counted.title,
        counted.respondents,
        counted.blank,
        counted.blank_rows,
        counted.multiple_rows,
        rows,
        weighted,
        valid,
        outside,
        rate,
        explain,
    )


def survey_data(sheet, weights=None, questions=None, rounded_shares: bool = False) -> SurveyData:
    """Every selected question (all by default, in sheet order) counted (pure)."""
    from .sheet import tally

    indexes = questions if questions is not None else range(len(sheet.titles))
    return SurveyData(
        sheet.file,
        sheet.respondents,
        sheet.empty_rows,
        weights,
        tuple(question_data(tally(sheet, i), weights, rounded_shares) for i in indexes),
    )


def check_weights_fit(data: SurveyData, source: str) -> None:
    """Refuse a weight table that names an option a question does not have when an answer
    of that question left outside the table looks like it (``满意`` for ``较满意``): a typo
    that would silently drop answers from the rate.

    Other answers outside the table (an 其他 nobody weighted, another question's scale)
    stay allowed, shown as 选项外 (docs/survey.md).
    """
    import difflib

    problems = []
    for question in data.questions:
        if not question.weighted or not question.outside:
            continue
        answers = {o.option for o in question.options}
        outside = {o.option: o for o in question.options if o.weight is None}
        for weight in data.weights or ():
            close = difflib.get_close_matches(weight.option, outside, n=1, cutoff=0.6)
            if weight.option in answers or not close:
                continue
            answer = outside[close[0]]
            message = t(
                "survey_weights_misfit",
                n=question.number,
                count=answer.count,
                answer=answer.label,
                option=weight.option,
                close=answer.option,
            )
            problems.append(Problem(message, source))
    if problems:
        raise InputError(problems)


def parse_weights_option(text: str):
    """``"非常满意=100%,满意=80%"`` (commas ``,`` or ``，``) → the weight table, or UsageError."""

    from ..fields import Fields
    from ..load import YMap
    from ..rules.survey import parse_weight_table
    from .sheet import option_text

    table = YMap(0)
    problems: list = []
    seen: dict[str, int] = {}  # option (letter prefix removed) → its item number
    items = [part.strip() for part in re.split(r"[,，]", text) if part.strip()]
    for number, item in enumerate(items, start=1):
        option, sep, value = item.partition("=")
        if not sep or not option.strip() or not value.strip():
            raise UsageError(t("survey_weights_item", item=item))
        name = option_text(option)
        if name in seen:  # "满意" twice, or "A.满意" and "满意": a position, not a line
            problems.append(
                Problem(
                    t("survey_weights_repeated", option=name, first=seen[name], n=number),
                    "--weights",
                )
            )
            continue
        seen[name] = number
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
    if not isinstance(raw, YMap) or any(
        not isinstance(v, (str, Decimal, int)) for v in raw.values()
    ):
        raise InputError(Problem(t("survey_weights_file_shape"), file, getattr(raw, "line", None)))
    problems: list = []
    weights = parse_weight_table(Fields(raw, file, "", problems), raw)
    if problems or weights is None:
        raise InputError(problems)
    return weights


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
        "questions": [
            {
                "number": q.number,
                "title": q.title,
                "multiple": q.multiple,
                "respondents": q.respondents,
                "answered": q.answered,
                "blank": q.blank,
                "blank_rows": list(q.blank_rows),
                "multiple_rows": list(q.multiple_rows),
                "options": [
                    {
                        "option": o.option,
                        "letter": o.letter,
                        "count": o.count,
                        "share": o.share,
                        "weight": o.weight,
                        **({"listed": o.weight is not None} if q.weighted else {}),
                    }
                    for o in q.options
                ],
                "valid": q.valid,
                "outside": q.outside,
                "satisfaction": None if q.rate is None else _percent_value(q.rate),
                "explain": q.explain,
            }
            for q in data.questions
        ],
    }
