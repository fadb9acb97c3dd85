"""The words a sheet prints, and what they mean (importers/words.py)."""

from __future__ import annotations

import pytest

from perfscore import load_evaluation, score
from perfscore.importers.words import (
    NOTE_SAID,
    is_budget_row_name,
    is_derived_line,
    name_from_title,
    split_note,
)
from perfscore.render.labels import (
    base_line,
    inferred_line,
    rescale_line,
    result_line,
    t,
    warning_line,
)

from .conftest import EXAMPLES

# 不适用 (rescaled), inferred points, a total out of 50, and a warning (a score below full
# points without a basis): every sentence the XLSX report writes below a table.
EVERY_SENTENCE = """
perfscore: 1
project: {name: x, kind: 部门自评}
points: 50
indicators:
  - {name: 预算执行率, points: 10, rule: execution, budget: 20, spent: 18}
  - name: 产出
    children:
      - {name: 人数, points: 20, target: ≥45人, actual: 47人, inferred: true}
      - {name: 天数, points: 20, target: ≥5天, actual: 5天, applicable: false}
"""


def test_every_sentence_the_report_derives_below_a_table_is_recognised(write):
    """The lines render/xlsx_sheet.note_rows writes (result, base, rescale, inferred,
    warnings), as render/labels.py words them, are derived lines; a sheet's own notes are not."""
    result = score(load_evaluation(str(write(EVERY_SENTENCE))))
    partial = score(load_evaluation(str(EXAMPLES / "haidian-daolu-baojie-2016.yaml")))
    lines = [result_line(result), result_line(partial), base_line(result), rescale_line(result)]
    lines += [inferred_line(result), *(warning_line(w.path, w.message) for w in result.warnings)]
    assert None not in lines and len(result.warnings) == 1
    assert all(is_derived_line(str(line)) for line in lines), lines
    for own in (
        "注：本表金额单位为万元",
        "填表人：张三",
        "提示：请于 3 月底前报送",
        "绩效评价得分",
    ):
        assert not is_derived_line(own)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("干部教育培训费绩效评价得分情况表", "干部教育培训费"),
        ("干部教育培训费绩效自评得分情况表", "干部教育培训费"),  # perfscore's report of a 自评
        ("“干部教育培训费”绩效评价得分情况表", "干部教育培训费"),  # quoted whole: unquoted
        ("“一人一档、一企一档”建设项目绩效评价得分情况表", "“一人一档、一企一档”建设项目"),
        ("项目支出绩效自评表", None),
    ],
)
def test_name_from_title(title, name):
    """A title names its project; a name that only opens with a quoted word keeps its quotes."""
    assert name_from_title(title) == name


@pytest.mark.parametrize(
    ("name", "budget_row"),
    [("预算执行率", True), ("资金执行率", True), ("项目预算执行率（%）", True), ("执行率", False)],
)
def test_budget_row_names(name, budget_row):
    """The indicator names the 项目资金 block's row goes by."""
    assert is_budget_row_name(name) is budget_row


@pytest.mark.parametrize(
    ("cell", "parts"),
    [
        ("依据；备注：原表涂改", ("依据", "原表涂改")),  # render.labels.with_note's join
        ("备注：原表涂改", ("", "原表涂改")),  # a note without a basis
        ("依据；甲；备注：乙；丙", ("依据；甲", "乙；丙")),  # the last 备注： is the suffix
        ("依据备注：另见附表", ("依据备注：另见附表", "")),  # an evaluator's own words
        ("依据；备注：", ("依据；备注：", "")),  # nothing after it: no note
        ("依据", ("依据", "")),
    ],
)
def test_split_note_takes_back_the_note_perfscore_wrote(cell, parts):
    """A 评分依据 cell "依据；备注：note" splits into basis and note; other text stays basis."""
    assert split_note(cell) == parts


def test_the_note_suffix_is_the_one_the_report_writes():
    """NOTE_SAID is render.labels' 备注 label in Chinese (the report and the importer agree)."""
    assert t("lbl_note", note="") == NOTE_SAID
