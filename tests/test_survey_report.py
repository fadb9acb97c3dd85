"""The survey command's weight tables (survey/report.py, issue 14 items 13 and 14): what a
--weights table that does not fit the sheet, or repeats an option, says."""

from __future__ import annotations

import pytest

from .conftest import EXAMPLES

SURVEY = EXAMPLES / "yirenyidang-survey-2024.csv"
# Question 10's options: A.非常满意 52, B.较满意 7, C.一般 1, D.不满意 1.
MISSPELT = "非常满意=100%,满意=75%,一般=50%,不满意=0%"
RIGHT = "非常满意=100%,较满意=75%,一般=50%,不满意=0%"
MISFIT = (
    "第 10 题的 7 份回答“B.较满意”不在权重表中，而权重表的“满意”不是本题的回答："
    "是否应写作“较满意”？（否则这些回答不计入满意度）"
)


def test_misspelt_option_is_refused(cli):
    """Item 14: 满意 for 较满意 would drop 7 of 61 answers from the rate: refused, exit 1."""
    result = cli("survey", SURVEY, "-q", "10", "--weights", MISSPELT)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"--weights: {MISFIT}\n"


def test_misspelt_option_in_a_weights_file(cli, tmp_path):
    """The same table as a --weights-file is located at that file."""
    path = tmp_path / "w.yaml"
    path.write_text("非常满意: 100%\n满意: 75%\n一般: 50%\n不满意: 0%\n", encoding="utf-8")
    result = cli("survey", SURVEY, "-q", "10", "--weights-file", path)
    assert result.exit_code == 1
    assert result.stderr == f"{path}: {MISFIT}\n"


def test_fitting_table_and_other_scales_pass(cli):
    """The right table scores question 10 ((52×100% + 7×75% + 1×50% + 1×0%) ÷ 61 = 57.75/61
    = 94.67%); on the whole sheet the questions of other scales (效果显著 …, nothing close to
    a weight's option) are shown with their answers outside the table, as before."""
    result = cli("survey", SURVEY, "-q", "10", "--weights", RIGHT)
    assert result.exit_code == 0
    assert "满意度 = (52×100% + 7×75% + 1×50% + 1×0%) ÷ 61 = 94.67%\n" in result.stdout
    assert cli("survey", SURVEY, "--weights", RIGHT).exit_code == 0


@pytest.mark.parametrize("table", ["满意=100%,满意=80%", "A.满意=100%,满意=80%"])
def test_repeated_option_names_its_items(cli, table):
    """Item 13: a repeated option in --weights names its two items, not "line 0" or "line 1"."""
    result = cli("survey", SURVEY, "--weights", table)
    assert result.exit_code == 2
    assert result.stderr == "--weights: 选项“满意”重复（第 1 项与第 2 项，字母前缀不计）\n"
