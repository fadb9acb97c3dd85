"""Questionnaires (docs/rules.md §9, ``rule: survey``): satisfaction from answer counts.

    rate = Σ(count × weight) ÷ Σ count

with the option weights always stated in the file (``weights: {非常满意: 100%,
满意: 80%, 一般: 60%, 不满意: 0%}`` is common, but practice varies, so perfscore
never assumes a table). A single-choice 满意/不满意 question is the special
case of weights 100% and 0%: satisfied ÷ valid answers. The rate is exact
(Fraction); it then scores the leaf

* through a target (``target: "≥90%"``), by the positive rule of docs/rules.md §4
  (:func:`~perfscore.rules.targets.score_positive`);
* through a table (``bands:``), by :func:`~perfscore.rules.bands.score_bands`;
* with neither: score = w × rate.

The exact rate is compared and multiplied (as ``execution`` does); the rate is
shown HALF_UP to 2 places. ``rounded_shares: true`` computes the rate as
reports that print shares do: each option's share of the valid answers rounded
HALF_UP to 2 places first, then weighted (seed 03's 整体满意度 94.68% is
85.25%×100% + 11.48%×75% + 1.64%×50% + 1.64%×0%; from the counts it is
5775/61 = 94.67%). Counts are typed (``answers:``) or counted from an
answer sheet (``from:`` a CSV/XLSX file relative to the evaluation file, and
``question:`` its column title or 1-based number): re-running the evaluation
recounts the raw answers. Every counted option must have a weight; blank
answers are not valid answers and are shown in the explain line.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..decimals import percent, plain, round_half_up
from ..errors import InputError
from ..expr import Quantity
from ..fields import Fields
from ..load import YMap
from ..messages import Messages, join, unit_name
from ..records import record
from ..shares import percent_text, read_share
from .bands import INPUT_FORMATS as BANDS_INPUT_FORMATS
from .bands import INPUT_LABELS as BANDS_INPUT_LABELS
from .bands import MESSAGES as BANDS
from .bands import Bands, parse_bands, score_bands
from .base import InputItems, RuleSpec, Scored, labelled_inputs
from .targets import Labels, score_positive

MESSAGES = Messages(
    {
        "survey_needs_answers": (
            "问卷指标须给出 answers（各选项人数），或 from 与 question（从问卷文件统计）",
            "a survey leaf needs answers (counts per option), or from and question (counted from an answer sheet)",
        ),
        "survey_answers_and_from": (
            "answers 与 from 只能给一个：人数要么手填，要么从问卷文件统计",
            "give answers or from, not both: counts are typed or counted from an answer sheet",
        ),
        "survey_question_without_from": (
            "question 须与 from（问卷文件）一起给出",
            "question needs from (the answer sheet)",
        ),
        "survey_from_without_question": (
            "from 须与 question（题目标题或题号）一起给出",
            "from needs question (a column title or number)",
        ),
        "survey_target_and_bands": (
            "target 与 bands 只能给一个：满意度要么对照目标值，要么对照评分档次",
            "give target or bands, not both",
        ),
        "survey_option_repeated": (
            "选项“{option}”重复（去掉字母前缀后与第 {first} 行相同）",
            "option '{option}' repeats (the same as line {first} once the letter prefix is removed)",
        ),
        "survey_count_bad": (
            "选项“{option}”的人数须为不小于 0 的整数，而不是“{value}”",
            "the count of option '{option}' must be a whole number ≥ 0, not '{value}'",
        ),
        "survey_unweighted": (
            "选项“{option}”没有权重：请在 weights 中给出它的权重（如 {option}: 60%）",
            "option '{option}' has no weight: give it one in weights (e.g. {option}: 60%)",
        ),
        "survey_unweighted_file": (
            "问卷第 {n} 题的回答“{option}”（{count} 份，第 {rows} 行）没有权重：请在 weights 中给出",
            "answer '{option}' to question {n} ({count}, rows {rows}) has no weight: give one in weights",
        ),
        "survey_no_answers": (
            "没有有效回答（人数合计为 0），无法计算满意度",
            "no valid answers (the counts add up to 0): the satisfaction rate is undefined",
        ),
        "survey_multiple_in_leaf": (
            "问卷第 {n} 题有 {count} 份答卷选了多个选项（第 {rows} 行）：满意度只对单选题计算",
            "question {n} has {count} answers with several options (rows {rows}): "
            "a satisfaction rate needs a single-answer question",
        ),
        "survey_file_problem": ("问卷文件有误：{problem}", "the answer sheet is wrong: {problem}"),
        "survey_target_form": (
            "满意度目标须为百分数下限，如“≥90%”，而不是“{value}”",
            "a satisfaction target must be a percentage floor such as '≥90%', not '{value}'",
        ),
        "survey_bands_unit": (
            "满意度的评分档次须用百分数下限（如 min: 95%），而不是“{unit}”",
            "satisfaction bands need percentage mins (such as min: 95%), not '{unit}'",
        ),
        "x_survey_rate": (
            "满意度 = ({terms}) ÷ {total} = {rate}",
            "satisfaction = ({terms}) ÷ {total} = {rate}",
        ),
        "x_survey_rate_shares": (
            "满意度 = {terms} = {rate}（各选项占比先按两位小数取整）",
            "satisfaction = {terms} = {rate} (each option's share rounded to 2 places first)",
        ),
        "x_survey_blank": ("（另有空白 {blank} 份不计入）", " ({blank} blank answers not counted)"),
        "x_survey_times": ("{rate} × {points} = {score}", "{rate} × {points} = {score}"),
        "x_survey_sep": ("，", "; "),
    },
    BANDS,
)
t = MESSAGES.t


class NoAnswers(ValueError):
    """The counts add up to 0: no rate can be computed."""

    def __init__(self) -> None:
        super().__init__(t("survey_no_answers"))


@record
class OptionWeight:
    option: str
    weight: Decimal  # a share, 0 … 1
    text: str  # as written ("80%"), for explain lines


@record
class SurveySource:
    """Where counts came from, when read from an answer sheet."""

    file: str  # as written in ``from:``
    question: int  # 1-based column
    title: str
    respondents: int
    blank: int
    path: str = ""  # as opened (relative to the evaluation file's folder)


@record
class SurveyParams:
    weights: tuple[OptionWeight, ...]
    counts: tuple[tuple[str, int], ...]  # every counted option, in the weight table's order
    target: Quantity | None = None
    bands: Bands | None = None
    source: SurveySource | None = None
    rounded_shares: bool = False


# -- pure functions ------------------------------------------------------------


def weighted_rate(counts: Sequence[tuple[str, int]], weights: dict[str, Decimal]) -> Fraction:
    """docs/rules.md §9: Σ(count × weight) ÷ Σ count, exact.

    Raises :class:`NoAnswers` when the counts add up to 0 and KeyError for a
    counted option without a weight (the parser reports both, located, first).
    """
    total = valid_total(counts)
    return sum((count * Fraction(weights[option]) for option, count in counts), Fraction(0)) / total


def valid_total(counts: Sequence[tuple[str, int]]) -> int:
    """Σ count, the valid answers; :class:`NoAnswers` when 0."""
    total = sum(count for _, count in counts)
    if total == 0:
        raise NoAnswers()
    return total


def option_shares(counts: Sequence[tuple[str, int]]) -> list[Decimal]:
    """Each option's share of the valid answers in percent, HALF_UP to 2 places (as printed)."""
    total = valid_total(counts)
    return [round_half_up(Fraction(count * 100, total), 2) for _, count in counts]


def weighted_rate_of_shares(
    counts: Sequence[tuple[str, int]], weights: dict[str, Decimal]
) -> Fraction:
    """Σ(printed share × weight): the rate as reports computing from printed shares get it."""
    shares = option_shares(counts)
    return (
        sum(
            (
                Fraction(share) * Fraction(weights[option])
                for share, (option, _) in zip(shares, counts, strict=True)
            ),
            Fraction(0),
        )
        / 100
    )


def rate_explain(
    counts: Sequence[tuple[str, int]],
    weights: dict[str, str],
    rate: Fraction,
    blank: int = 0,
    rounded_shares: bool = False,
) -> str:
    """``满意度 = (52×100% + 7×80% + 1×60% + 1×0%) ÷ 61 = 95.41%``."""
    if rounded_shares:
        terms = " + ".join(
            f"{plain(share)}%×{weights[option]}"
            for share, (option, _) in zip(option_shares(counts), counts, strict=True)
        )
        text = t("x_survey_rate_shares", terms=terms, rate=percent(rate))
    else:
        terms = " + ".join(f"{count}×{weights[option]}" for option, count in counts)
        text = t("x_survey_rate", terms=terms, total=valid_total(counts), rate=percent(rate))
    if blank:
        text += t("x_survey_blank", blank=blank)
    return text


def score_survey(params: SurveyParams, points: Decimal, precision: int) -> Scored:
    """The leaf's score from its counts: through the target, the bands, or w × rate."""
    shares = {w.option: w.weight for w in params.weights}
    texts = {w.option: w.text for w in params.weights}
    rate = (weighted_rate_of_shares if params.rounded_shares else weighted_rate)(
        params.counts, shares
    )
    shown = percent(rate)
    head = rate_explain(
        params.counts,
        texts,
        rate,
        params.source.blank if params.source else 0,
        params.rounded_shares,
    )
    details: dict[str, Any] = {
        "answers": dict(params.counts),
        "weights": texts,
        "valid_answers": valid_total(params.counts),
        "satisfaction": shown,
    }
    if params.rounded_shares:
        details["rounded_shares"] = True
    if params.source is not None:
        source = params.source
        details.update(
            {
                "from": source.file,
                "question": source.question,
                "question_title": source.title,
                "respondents": source.respondents,
                "blank_answers": source.blank,
            }
        )
    if params.target is not None:
        target = params.target
        assert target.value is not None
        tail = score_positive(
            Fraction(target.value),
            rate * 100,
            points,
            precision,
            Labels(target.shown, shown),
        )
        details.update(target=target.text, actual=shown)
    elif params.bands is not None:
        tail = score_bands(rate, params.bands, points, precision, shown)
        details.update(tail.details)
        details["actual"] = shown
    else:
        score = round_half_up(rate * Fraction(points), precision)
        tail = Scored(
            score, t("x_survey_times", rate=shown, points=plain(points), score=plain(score))
        )
        details["actual"] = shown
    return Scored(
        tail.score, head + t("x_survey_sep") + tail.explain, rule="survey", details=details
    )


# -- parsing -------------------------------------------------------------------


def parse_weight_table(
    fields: Fields, table: YMap, key: str = "weights"
) -> tuple[OptionWeight, ...] | None:
    """Option → share (``100%`` or ``1``, docs/rules.md §9 via :mod:`perfscore.shares`); None if wrong."""
    before = len(fields.problems)
    weights: list[OptionWeight] = []
    seen: dict[str, int] = {}
    if not table:
        fields.problem(key, t("empty_list", key=key))
        return None
    for raw_option, value in table.items():
        line = table.key_lines.get(raw_option, table.line)
        option = _option(fields, raw_option, line, seen)
        share = read_share(fields, f"{key}.{raw_option}", value, line=line)
        if option is not None and share is not None:
            text = value.strip() if isinstance(value, str) else percent_text(share)
            weights.append(OptionWeight(option, share, text))
    if len(fields.problems) > before:
        return None
    return tuple(weights)


def _option(fields: Fields, raw: str, line: int, seen: dict[str, int]) -> str | None:
    from ..survey.sheet import option_text

    option = option_text(str(raw))
    if not option:
        fields.problems.append(_problem(fields, t("empty_text", key=raw), line))
        return None
    if option in seen:
        fields.problems.append(
            _problem(fields, t("survey_option_repeated", option=option, first=seen[option]), line)
        )
        return None
    seen[option] = line
    return option


def _problem(fields: Fields, message: str, line: int):
    from ..errors import Problem

    return Problem(message, fields.file, line, fields.path or None)


def _typed_counts(fields: Fields) -> tuple[tuple[str, int], ...] | None:
    table = fields.mapping("answers")
    if table is None:
        return None
    if not table:
        fields.problem("answers", t("survey_no_answers"))
        return None
    before = len(fields.problems)
    counts: list[tuple[str, int]] = []
    seen: dict[str, int] = {}
    for raw_option, value in table.items():
        line = table.key_lines.get(raw_option, table.line)
        option = _option(fields, raw_option, line, seen)
        if (
            isinstance(value, Decimal)
            and fields.as_number(str(raw_option), value, line=line) is None
        ):
            continue  # out of range: 1e999999999 would make int() build a billion digits
        whole = (
            isinstance(value, (Decimal, int))
            and not isinstance(value, bool)
            and Decimal(value).is_finite()
            and value >= 0
            and Decimal(value) == Decimal(value).to_integral_value()
        )
        if not whole:
            shown = value if isinstance(value, (str, Decimal, int)) else type(value).__name__
            fields.problems.append(
                _problem(fields, t("survey_count_bad", option=raw_option, value=shown), line)
            )
        elif option is not None:
            counts.append((option, int(value)))
    if len(fields.problems) > before:
        return None
    return tuple(counts)


def _counts_from_sheet(
    fields: Fields,
) -> tuple[tuple[tuple[str, int], ...], SurveySource, Any] | None:
    from ..survey.sheet import QuestionNotFound, find_question, load_sheet, tally

    name = fields.text("from")
    if name is None:
        return None
    if not fields.has("question"):
        fields.problem("from", t("survey_from_without_question"))
        return None
    if isinstance(fields.raw["question"], (YMap, list)) or fields.raw["question"] is None:
        fields.problem("question", t("not_scalar", key="question"))
        return None
    if isinstance(fields.raw["question"], Decimal) and fields.number("question") is None:
        return None  # out of range: int(1e999999999) would build a billion digits
    path = name if os.path.isabs(name) else os.path.join(os.path.dirname(fields.file), name)
    try:
        sheet = load_sheet(path)
    except InputError as error:
        fields.problem(
            "from",
            t("survey_file_problem", problem=join((str(p) for p in error.problems), "clause")),
        )
        return None
    try:
        index = find_question(sheet, fields.raw["question"])
    except QuestionNotFound as error:
        fields.problem("question", str(error))
        return None
    counted = tally(sheet, index)
    if counted.multiple:
        fields.problem(
            "question",
            t(
                "survey_multiple_in_leaf",
                n=counted.number,
                count=len(counted.multiple_rows),
                rows=_rows(counted.multiple_rows),
            ),
        )
        return None
    source = SurveySource(
        name, counted.number, counted.title, counted.respondents, counted.blank, path
    )
    return tuple(counted.counts.items()), source, counted


def _rows(rows: Sequence[int], limit: int = 5) -> str:
    shown = join(str(r) for r in rows[:limit])
    return shown + ("…" if len(rows) > limit else "")


def _target(fields: Fields) -> Quantity | None:
    target = fields.expression("target")
    if target is None:
        return None
    if target.is_word or target.unit != "%" or target.op not in (">=", ">", "=", None):
        fields.problem("target", t("survey_target_form", value=target.text))
        return None
    return target


def _check_count_source(fields: Fields) -> None:
    """Counts are typed (``answers``) or counted from a sheet (``from`` + ``question``), not both."""
    has_answers, has_from = fields.has("answers"), fields.has("from")
    if has_answers and has_from:
        fields.problem("from", t("survey_answers_and_from"))
    elif not has_answers and not has_from:
        fields.problem(
            "question" if fields.has("question") else None,
            t("survey_question_without_from")
            if fields.has("question")
            else t("survey_needs_answers"),
        )
    elif has_answers and fields.has("question"):
        fields.problem("question", t("survey_question_without_from"))


def _scale(fields: Fields, points: Decimal) -> tuple[Quantity | None, Bands | None]:
    """What the rate is scored through: a target, a bands table (in %), or neither."""
    target = _target(fields) if fields.has("target") else None
    bands = None
    if fields.has("bands"):
        bands = parse_bands(fields, points=points)
        if bands is not None and bands.unit != "%":
            fields.problem("bands", t("survey_bands_unit", unit=unit_name(bands.unit)))
    if fields.has("target") and fields.has("bands"):
        fields.problem("bands", t("survey_target_and_bands"))
    return target, bands


def _check_weighted(
    fields: Fields,
    counts: Sequence[tuple[str, int]],
    weights: Sequence[OptionWeight],
    tallied: Any,
) -> None:
    """Every counted option has a weight; one that has none is located (in the sheet's rows)."""
    known = {w.option for w in weights}
    for option, count in counts:
        if option in known:
            continue
        if tallied is not None:
            rows = next(o.rows for o in tallied.options if o.option == option)
            message = t(
                "survey_unweighted_file",
                n=tallied.number,
                option=option,
                count=count,
                rows=_rows(rows),
            )
            fields.problem("weights", message)
        else:
            fields.problem("answers", t("survey_unweighted", option=option))


def parse_survey(fields: Fields, points: Decimal) -> SurveyParams | None:
    before = len(fields.problems)
    table = fields.mapping("weights", required=True)
    weights = parse_weight_table(fields, table) if table is not None else None
    has_answers = fields.has("answers")
    _check_count_source(fields)
    rounded = fields.boolean("rounded_shares", False)
    target, bands = _scale(fields, points)
    if len(fields.problems) > before or weights is None:
        return None

    source = None
    tallied = None
    if has_answers:
        counts = _typed_counts(fields)
    else:
        read = _counts_from_sheet(fields)
        counts, source, tallied = read if read is not None else (None, None, None)
    if counts is None:
        return None
    _check_weighted(fields, counts, weights, tallied)
    if sum(count for _, count in counts) == 0:
        fields.problem("question" if source else "answers", t("survey_no_answers"))
    if len(fields.problems) > before:
        return None
    given = dict(counts)
    ordered = tuple((w.option, given[w.option]) for w in weights if w.option in given)
    return SurveyParams(weights, ordered, target, bands, source, rounded)


def answer_sheets(evaluation) -> list[str]:
    """The answer sheets an evaluation's survey leaves were counted from (inputs never to overwrite)."""
    return sorted(
        {
            node.leaf.params.source.path
            for node in evaluation.walk()
            if node.leaf is not None
            and node.leaf.rule == "survey"
            and node.leaf.params.source is not None
        }
    )


LABELS = {
    "survey": (
        "问卷调查：满意度 = Σ(人数 × 选项权重) ÷ 有效答卷，再按目标、分档或 分值 × 满意度 计分",
        "questionnaire: satisfaction = Σ(count × weight) ÷ valid answers, then scored by "
        "target, bands or points × satisfaction",
    )
}
INPUT_LABELS = {
    **BANDS_INPUT_LABELS,
    "answers": ("答卷分布", "answers"),
    "weights": ("选项权重", "option weights"),
    "valid_answers": ("有效答卷", "valid answers"),
    "satisfaction": ("满意度", "satisfaction"),
    "from": ("问卷文件", "answer sheet"),
    "question": ("题目", "question"),
    "question_title": ("题目内容", "question text"),
    "respondents": ("受访人数", "respondents"),
    "blank_answers": ("未作答", "blank answers"),
    "rounded_shares": ("按四舍五入后的比例计算", "from rounded shares"),
    "target": ("目标值", "target"),
    "actual": ("实际值", "actual"),
}


def _inputs(details: Mapping[str, Any]) -> InputItems:
    return labelled_inputs(details, INPUT_LABELS, BANDS_INPUT_FORMATS)


SPECS = (
    RuleSpec(
        "survey",
        frozenset({"answers", "weights", "target", "bands", "from", "question", "rounded_shares"}),
        parse_survey,
        score_survey,
        LABELS,
        _inputs,
    ),
)
