"""``perfscore survey`` in the terminal: one table per question, then its notes and rate."""

from __future__ import annotations

from ..messages import Messages, join
from ..survey.report import SurveyData

MESSAGES = Messages(
    {
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
        "lbl_survey_empty_rows": (
            "（另有 {n} 个全空行不计为答卷）",
            " ({n} fully blank rows are not respondents)",
        ),
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
        "lbl_survey_no_weights": (
            "权重表中没有本题的选项，未计算满意度",
            "no weighted option here: no satisfaction rate",
        ),
        "lbl_survey_no_valid": (
            "没有有效回答，无法计算满意度",
            "no valid answers: no satisfaction rate",
        ),
    }
)
t = MESSAGES.t


def _rows_text(rows) -> str:
    shown = join(str(r) for r in rows[:8])
    return shown + ("…" if len(rows) > 8 else "")


def print_data(data: SurveyData, console) -> None:
    from rich.table import Table
    from rich.text import Text

    from ..decimals import fixed

    head = t(
        "lbl_survey_head",
        file=data.file,
        respondents=data.respondents,
        questions=len(data.questions),
    )
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
                cells.append(
                    o.weight
                    if o.weight is not None
                    else Text(t("lbl_survey_outside"), style="bold yellow")
                )
            table.add_row(*cells)
        console.print(table)
        rows = t("lbl_survey_rows", rows=_rows_text(q.blank_rows)) if q.blank else ""
        console.print(
            t("lbl_survey_answered", answered=q.answered, blank=q.blank, rows=rows),
            style="yellow" if q.blank else "dim",
        )
        if q.multiple:
            console.print(
                t(
                    "lbl_survey_multi_note",
                    count=len(q.multiple_rows),
                    rows=_rows_text(q.multiple_rows),
                ),
                style="yellow",
            )
        if q.outside:
            names = join(o.label for o in q.options if o.weight is None)
            console.print(
                t("lbl_survey_outside_note", count=q.outside, options=names), style="yellow"
            )
        if q.explain is not None:
            console.print(Text(q.explain, style="bold green"))
        elif data.weights is not None and not q.multiple:
            key = "lbl_survey_no_valid" if q.weighted else "lbl_survey_no_weights"
            console.print(t(key), style="dim")
        console.print()
