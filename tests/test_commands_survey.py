"""`perfscore survey` and survey leaves fed `from:` an answer sheet: output, JSON, errors."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal as D

import pytest

from perfscore.engine import score
from perfscore.errors import InputError
from perfscore.load import decode
from perfscore.validation import load_evaluation

from .conftest import EXAMPLES

SURVEY = EXAMPLES / "yirenyidang-survey-2024.csv"
Q10_WEIGHTS = "非常满意=100%,较满意=80%,一般=60%,不满意=0%"
Q10_FORMULA = "满意度 = (52×100% + 7×80% + 1×60% + 1×0%) ÷ 61 = 95.41%"


def test_table_shows_distribution_and_rate(cli):
    """Question 10: counts, shares as printed in seed 03, weights, and the formula."""
    result = cli("survey", SURVEY, "-q", "10", "--weights", Q10_WEIGHTS)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "答卷 61 份，1 题" in out
    for cell in ("A.非常满意", "85.25%", "11.48%", "1.64%", "本题有效填写人次 61；空白 0 份"):
        assert cell in out
    assert Q10_FORMULA in out


def test_json_export(cli):
    """--json -: only JSON on stdout; shares and the rate as exact numbers in percent."""
    result = cli("survey", SURVEY, "-q", "1", "-q", "10", "--weights", Q10_WEIGHTS, "--json", "-")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    q1, q10 = data["questions"]
    assert data["respondents"] == 61
    assert (q1["number"], q1["satisfaction"]) == (1, None)  # the weight table does not apply
    assert [(o["option"], o["count"], o["share"]) for o in q1["options"]] == [
        ("是", 59, 96.72),
        ("否", 2, 3.28),
    ]
    assert q10["satisfaction"] == 95.41
    assert q10["explain"] == Q10_FORMULA
    assert q10["valid"] == 61 and q10["outside"] == 0
    assert '"satisfaction": 95.41,' in result.stdout  # written from the decimal, not a float


def test_weights_file_equals_weights_option(cli, tmp_path):
    """A YAML weight table (under weights: or flat) gives the same JSON as --weights."""
    flat = tmp_path / "w.yaml"
    flat.write_text("非常满意: 100%\n较满意: 80%\n一般: 0.6\n不满意: 0\n", encoding="utf-8")
    nested = tmp_path / "n.yaml"
    nested.write_text(
        "weights: {非常满意: 100%, 较满意: 80%, 一般: 60%, 不满意: 0%}\n", encoding="utf-8"
    )
    outputs = [
        json.loads(cli("survey", SURVEY, "-q", "10", *args, "--json", "-").stdout)
        for args in (
            ("--weights", Q10_WEIGHTS),
            ("--weights-file", flat),
            ("--weights-file", nested),
        )
    ]
    rates = {o["questions"][0]["satisfaction"] for o in outputs}
    assert rates == {95.41}


def test_outside_answers_and_blanks_are_reported(cli, tmp_path):
    """6 rows: 1 blank, 1 answer outside the weight table; the rate is over the 4 valid answers."""
    path = tmp_path / "s.csv"
    path.write_text(
        "序号,满意度\n1,A.满意\n2,A.满意\n3,B.不满意\n4,\n5,C.说不清\n6,A.满意\n", encoding="utf-8"
    )
    result = cli("survey", path, "-q", "满意度", "--weights", "满意=100%,不满意=0%")
    out = result.stdout
    assert result.exit_code == 0
    assert "本题有效填写人次 5；空白 1 份（第 5 行）" in out
    assert "选项外" in out
    assert "1 份回答不在权重表的选项中（C.说不清），不计入有效回答" in out
    assert "满意度 = (3×100% + 1×0%) ÷ 4 = 75.00%" in out
    data = json.loads(
        cli("survey", path, "-q", "2", "--weights", "满意=100%,不满意=0%", "--json", "-").stdout
    )
    q = data["questions"][0]
    assert (q["answered"], q["blank"], q["valid"], q["outside"], q["satisfaction"]) == (
        5,
        1,
        4,
        1,
        75,
    )
    assert q["options"][2] == {
        "option": "说不清",
        "letter": "C",
        "count": 1,
        "share": 20,
        "weight": None,
        "listed": False,
    }


def test_multi_answer_question(cli, tmp_path):
    """A multi-answer question: shares of answering respondents, no rate, rows named."""
    path = tmp_path / "s.csv"
    path.write_text("用过哪些功能\nA.查询┋B.办理\nB.办理\nA.查询;B.办理;C.预约\n", encoding="utf-8")
    result = cli("survey", path, "--weights", "查询=100%,办理=100%,预约=100%")
    assert "［多选题］" in result.stdout
    assert "2 人选了多个选项（第 2、4 行）" in result.stdout
    data = json.loads(cli("survey", path, "--json", "-").stdout)
    q = data["questions"][0]
    assert q["multiple"] is True
    assert [(o["option"], o["share"]) for o in q["options"]] == [
        ("查询", 66.67),
        ("办理", 100),
        ("预约", 33.33),
    ]


@pytest.mark.parametrize(
    "args, code, message",
    [
        (
            ("--weights", "满意"),
            2,
            "--weights 的每一项须写成“选项=权重”，如“非常满意=100%”，而不是“满意”",
        ),
        (
            ("--weights", "满意=80"),
            2,
            "--weights: “--weights.满意”的值 80 大于 1，含义不明：百分比请写成 80%，小数请写成 0 到 1 之间",
        ),
        (
            ("--weights", "满意=1", "--weights-file", "w.yaml"),
            2,
            "--weights 与 --weights-file 只能给一个",
        ),
        (("-q", "11"), 2, "没有第 11 题：问卷文件共 10 列（题号即列号，从 1 起）"),
    ],
)
def test_usage_errors(cli, args, code, message):
    """Command-line mistakes: exit 2, one red line."""
    result = cli("survey", SURVEY, *args)
    assert result.exit_code == code
    assert result.stderr.strip() == message


def test_missing_file(cli, tmp_path):
    """A missing answer sheet: exit 1, the evaluation files' message."""
    result = cli("survey", tmp_path / "none.csv")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{tmp_path / 'none.csv'}: 找不到文件"


def test_gbk_csv_same_as_evaluation_files(cli, tmp_path):
    """GBK answer sheet and GBK evaluation file get the same treatment (today: the same message)."""
    data = SURVEY.read_bytes()[3:].decode("utf-8").encode("gbk")
    sheet = tmp_path / "gbk.csv"
    sheet.write_bytes(data)
    evaluation = tmp_path / "gbk.yaml"
    evaluation.write_bytes("# 评价\nperfscore: 1\nproject: {name: 测试}\n".encode("gbk"))
    survey_result, evaluate_result = cli("survey", sheet), cli("evaluate", evaluation)
    try:
        decode(data, str(sheet))
    except InputError:
        assert survey_result.exit_code == evaluate_result.exit_code == 1
        strip = lambda text, name: text.replace(str(name), "FILE")  # noqa: E731
        assert strip(survey_result.stderr, sheet) == strip(evaluate_result.stderr, evaluation)
    else:
        assert survey_result.exit_code == 0


# -- survey leaves fed from the answer sheet -------------------------------------------

EVALUATION = """
perfscore: 1
project: {{name: 问卷}}
indicators:
  - name: 满意度
    children:
      - name: 用户满意度
        points: 6
        rule: survey
{body}
        weights: {{非常满意: 100%, 较满意: 80%, 一般: 60%, 不满意: 0%}}
        bands: [{{min: 95%, rate: 100%}}, {{min: 90%, rate: 75%}}, {{min: 0%, rate: 50%}}]
points: 6
"""


def evaluation(tmp_path, body: str):
    shutil.copy(SURVEY, tmp_path / "answers.csv")
    path = tmp_path / "eval.yaml"
    body = "\n".join("        " + line for line in body.splitlines())
    path.write_text(EVALUATION.format(body=body).lstrip("\n"), encoding="utf-8")
    return path


def leaf_of(path):
    result = score(load_evaluation(str(path)))
    return result.indicators[0].children[0]


@pytest.mark.parametrize(
    "question", ["10", '"您对“一人一档、一企一档”系统上线后，用户体验预期满意度？"']
)
def test_leaf_from_sheet_scores_as_typed_counts(tmp_path, question):
    """`from:` + `question:` (number or title) scores exactly like the typed counts 52/7/1/1."""
    counted = leaf_of(evaluation(tmp_path, f"from: answers.csv\nquestion: {question}"))
    typed = leaf_of(evaluation(tmp_path, "answers: {非常满意: 52, 较满意: 7, 一般: 1, 不满意: 1}"))
    assert counted.score == typed.score == D("6.00")
    assert (
        counted.scored.explain
        == typed.scored.explain
        == (Q10_FORMULA + "，95.41% 达到第 1 档（≥ 95%，得 100%）：6 × 100% = 6")
    )
    assert counted.scored.details["from"] == "answers.csv"
    assert counted.scored.details["question"] == 10


def test_leaf_recounts_when_the_sheet_changes(tmp_path):
    """Re-running the evaluation recounts the raw answers: one 非常满意 turned 不满意 → band 2."""
    path = evaluation(tmp_path, "from: answers.csv\nquestion: 10")
    assert leaf_of(path).score == D("6.00")
    sheet = tmp_path / "answers.csv"
    lines = sheet.read_text(encoding="utf-8-sig").splitlines()
    row = next(i for i, line in enumerate(lines) if line.endswith(",A.非常满意"))
    lines[row] = lines[row][: -len("A.非常满意")] + "D.不满意"
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # (51×100% + 7×80% + 1×60% + 2×0%) ÷ 61 = 57.2/61 = 93.77%: band 2, 6 × 75% = 4.5
    assert leaf_of(path).score == D("4.50")


def test_blank_answers_are_shown_in_the_explain_line(tmp_path):
    """Two blank answers are not valid answers, and the explain line says so."""
    path = evaluation(tmp_path, "from: answers.csv\nquestion: 10")
    sheet = tmp_path / "answers.csv"
    lines = sheet.read_text(encoding="utf-8-sig").splitlines()
    lines += ["A.是,,,,,,,,,", "A.是,,,,,,,,,"]
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    leaf = leaf_of(path)
    assert leaf.scored.explain.startswith(Q10_FORMULA + "（另有空白 2 份不计入），")
    assert leaf.scored.details["blank_answers"] == 2 and leaf.scored.details["respondents"] == 63


def problems(path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_evaluation(str(path))
    return [f"{p.line}: [{p.path}] {p.message}" for p in caught.value.problems]


def test_missing_sheet_is_located_at_from(tmp_path):
    """A missing answer sheet: a problem at the leaf's `from:` line, naming the file."""
    path = evaluation(tmp_path, "from: missing.csv\nquestion: 10")
    assert problems(path) == [
        f"9: [满意度/用户满意度] 问卷文件有误：{tmp_path / 'missing.csv'}: 找不到文件"
    ]


def test_bad_question_is_located_at_question(tmp_path):
    """An unknown question: a problem at the `question:` line."""
    path = evaluation(tmp_path, "from: answers.csv\nquestion: 12")
    assert problems(path) == [
        "10: [满意度/用户满意度] 没有第 12 题：问卷文件共 10 列（题号即列号，从 1 起）"
    ]


def test_unweighted_answer_in_sheet_is_located_at_weights(tmp_path):
    """Question 9's 效果显著/较显著/不显著 have no weight (一般 has): each rejected, rows named."""
    path = evaluation(tmp_path, "from: answers.csv\nquestion: 9")
    found = problems(path)
    assert len(found) == 3
    assert found[0].startswith("11: [满意度/用户满意度] 问卷第 9 题的回答“效果显著”（52 份，第 ")
    assert found[0].endswith("行）没有权重：请在 weights 中给出")


def test_question_without_from(tmp_path):
    """`question:` beside typed answers is a mistake."""
    path = evaluation(tmp_path, "answers: {非常满意: 1}\nquestion: 10")
    assert problems(path) == ["10: [满意度/用户满意度] question 须与 from（问卷文件）一起给出"]


def test_multi_answer_question_cannot_score_a_leaf(tmp_path):
    """Several answers in one cell: the rate is undefined; the rows are named."""
    (tmp_path / "m.csv").write_text("q\nA.非常满意┋B.较满意\nA.非常满意\n", encoding="utf-8")
    path = evaluation(tmp_path, "from: m.csv\nquestion: q")
    assert problems(path) == [
        "10: [满意度/用户满意度] 问卷第 1 题有 1 份答卷选了多个选项（第 2 行）：满意度只对单选题计算"
    ]


def test_survey_example_reproduces_the_published_scores():
    """examples/yirenyidang-survey-2024.yaml: the five questionnaire leaves of seed 03 from the
    raw answers (inferred weights 100/75/50/0): 3.74, 3.72, 3.74, 3.77, 4.5, and 7.51."""
    result = score(load_evaluation(str(EXAMPLES / "yirenyidang-survey-2024.yaml")))
    # six published scores, and 可持续影响's published score against its leaves' (3.74 + 3.77)
    assert [c.ok for c in result.checks] == [True] * 7
    assert result.score == D("19.47")  # 3.74 + 3.72 + 3.74 + 3.77 + 4.5
    satisfaction = result.indicators[0].children[-1].children[0].scored
    assert satisfaction.details["satisfaction"] == "94.68%"


def test_rounded_shares_option(cli):
    """--rounded-shares: the rate from the printed shares, as seed 03 computes 94.68%."""
    args = (
        "survey",
        SURVEY,
        "-q",
        "10",
        "--weights",
        "非常满意=100%,较满意=75%,一般=50%,不满意=0%",
    )
    assert json.loads(cli(*args, "--json", "-").stdout)["questions"][0]["satisfaction"] == 94.67
    data = json.loads(cli(*args, "--rounded-shares", "--json", "-").stdout)
    assert data["questions"][0]["satisfaction"] == 94.68


def test_question_must_be_a_title_or_number(tmp_path):
    """`question: [10]` is neither a title nor a number."""
    path = evaluation(tmp_path, "from: answers.csv\nquestion: [10]")
    assert problems(path) == ["10: [满意度/用户满意度] “question”必须是单个值（文字或数字）"]


def test_leaf_from_xlsx_sheet(tmp_path):
    """An XLSX answer sheet feeds a leaf like the CSV (same score)."""
    openpyxl = pytest.importorskip("openpyxl")
    import csv

    book = openpyxl.Workbook()
    with open(SURVEY, encoding="utf-8-sig", newline="") as handle:
        for row in csv.reader(handle):
            book.active.append(row)
    book.save(tmp_path / "answers.xlsx")
    path = evaluation(tmp_path, "from: answers.xlsx\nquestion: 10")
    assert leaf_of(path).score == D("6.00")


def test_weights_file_errors(cli, tmp_path):
    """A weights file that is no option → weight mapping, or has a bad weight: exit 1, located."""
    shape = tmp_path / "list.yaml"
    shape.write_text("- 非常满意\n- 满意\n", encoding="utf-8")
    result = cli("survey", SURVEY, "--weights-file", shape)
    assert result.exit_code == 1
    assert (
        result.stderr.strip() == f"{shape}:1: 权重文件须为“选项: 权重”的映射（可写在 weights: 下）"
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text("非常满意: 100%\n满意: 很高\n", encoding="utf-8")
    result = cli("survey", SURVEY, "--weights-file", bad)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"{bad}:2: “weights.满意”必须是百分比（如 25%）或 0 到 1 之间的小数，而不是“很高”"
    )
    missing = cli("survey", SURVEY, "--weights-file", tmp_path / "none.yaml")
    assert missing.exit_code == 1 and "找不到文件" in missing.stderr


def test_english_labels(cli):
    """--lang en: English labels and formula words."""
    result = cli("survey", SURVEY, "-q", "10", "--weights", Q10_WEIGHTS, "--lang", "en")
    assert "61 respondents" in result.stdout
    assert "satisfaction = (52×100% + 7×80% + 1×60% + 1×0%) ÷ 61 = 95.41%" in result.stdout


def test_answer_sheets_of_an_evaluation():
    """answer_sheets lists the sheets survey leaves read (for the outputs' never-overwrite check)."""
    from perfscore.rules.survey import answer_sheets

    evaluation = load_evaluation(str(EXAMPLES / "yirenyidang-survey-2024.yaml"))
    assert answer_sheets(evaluation) == [str(EXAMPLES / "yirenyidang-survey-2024.csv")]
