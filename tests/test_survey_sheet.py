"""Answer sheets (survey_file.py): the seed-03 example's distributions, option text, blanks,
several answers, encodings, XLSX, and the sheet's errors."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from perfscore.errors import InputError
from perfscore.load import decode
from perfscore.survey.sheet import (
    QuestionNotFound,
    cell_answers,
    find_question,
    read_sheet,
    split_option,
    tally,
)

from .conftest import EXAMPLES

SURVEY = EXAMPLES / "yirenyidang-survey-2024.csv"

# The distributions seed 03 prints (调查问卷分析报告, 61 respondents): (count, share) of the
# options it names, in option order. Where it names fewer options than the question has, the
# example's completion (docs/survey.md) is pinned too, marked "completion".
PUBLISHED = {
    1: [(59, "96.72"), (2, "3.28")],
    2: [(52, "85.25"), (9, "14.75")],
    3: [(52, "85.25"), (9, "14.75")],
    4: [(54, "88.52"), (5, "8.20"), (1, "1.64"), (1, "1.64")],  # 8.2% printed; C/D 1/1 completion
    5: [(47, "77.05"), (7, "11.48"), (5, "8.20"), (2, "3.28")],  # only B=11.48% and A+B>85% printed
    6: [(50, "81.97"), (8, "13.11"), (2, "3.28"), (1, "1.64")],  # C/D completion
    7: [(49, "80.33"), (9, "14.75"), (2, "3.28"), (1, "1.64")],  # C/D completion
    8: [(50, "81.97"), (8, "13.11"), (2, "3.28"), (1, "1.64")],  # D completion
    9: [(52, "85.25"), (6, "9.84"), (2, "3.28"), (1, "1.64")],  # 52 A, 6 B printed; C/D completion
    10: [(52, "85.25"), (7, "11.48"), (1, "1.64"), (1, "1.64")],
}


@pytest.mark.parametrize("number", sorted(PUBLISHED))
def test_example_reproduces_the_published_distribution(number):
    """Each question of the 61-answer example gives seed 03's counts and shares (HALF_UP, 2 places)."""
    sheet = read_sheet(str(SURVEY))
    counted = tally(sheet, number - 1)
    assert sheet.respondents == 61
    assert counted.blank == 0 and not counted.multiple
    got = [(o.count, str(counted.share(o.count))) for o in counted.options]
    assert got == PUBLISHED[number]


def test_example_published_claims():
    """Seed 03's sentences: Q5 A+B > 85% (54/61 = 88.52%), Q6/Q7 A+B > 95% (58/61 = 95.08%)."""
    sheet = read_sheet(str(SURVEY))
    top_two = {n: sum(o.count for o in tally(sheet, n - 1).options[:2]) for n in (5, 6, 7, 9)}
    assert top_two == {5: 54, 6: 58, 7: 58, 9: 58}
    assert [o.option for o in tally(sheet, 9).options] == ["非常满意", "较满意", "一般", "不满意"]


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("A.非常满意", ("A", "非常满意")),
        ("A、非常满意", ("A", "非常满意")),
        ("A 非常满意", ("A", "非常满意")),
        ("Ａ．非常满意", ("A", "非常满意")),  # full-width letter and dot (NFKC)
        ("B. 较满意 ", ("B", "较满意")),
        ("非常满意", (None, "非常满意")),
        ("A", (None, "A")),  # a letter alone is the option's whole text
        ("B超检查", (None, "B超检查")),  # no separator after the letter: not a prefix
    ],
)
def test_letter_prefix(cell, expected):
    """`A.` `A、` `A ` (one capital letter, then text) is stripped; anything else is kept."""
    assert split_option(cell) == expected


def test_cell_answers_separators_and_blanks():
    """┋ and ; (；) separate several answers; (跳过) and spaces are blank; repeats count once."""
    assert cell_answers("A.选项一┋C.选项三") == [("A", "选项一"), ("C", "选项三")]
    assert cell_answers("选项一；选项二;") == [(None, "选项一"), (None, "选项二")]
    assert cell_answers("A.选项一┋A.选项一") == [("A", "选项一")]
    assert cell_answers("  ") == []
    assert cell_answers("(跳过)") == []
    assert cell_answers("（空）") == []


def test_blank_and_multiple_answers_are_counted(tmp_path):
    """5 rows: 2 blank (empty, (跳过)); a multi-answer question's shares are of answering respondents."""
    path = tmp_path / "s.csv"
    path.write_text(
        "满意度,您使用过哪些功能？\n"
        "A.满意,A.查询┋B.办理\n"
        ",B.办理\n"
        "B.不满意,(跳过)\n"
        "(跳过),A.查询┋B.办理┋C.预约\n"
        "A.满意,\n",
        encoding="utf-8",
    )
    sheet = read_sheet(str(path))
    first, second = tally(sheet, 0), tally(sheet, 1)
    assert (first.respondents, first.blank, first.answered) == (5, 2, 3)
    assert first.blank_rows == (3, 5)  # CSV lines
    assert first.counts == {"满意": 2, "不满意": 1}
    assert first.share(2) == D("66.67")  # 2/3
    assert second.multiple and second.multiple_rows == (2, 5)
    assert second.counts == {"查询": 2, "办理": 3, "预约": 1}
    assert second.answered == 3  # 3 of 3 answering respondents chose 办理: 100%
    assert second.share(3) == D("100.00")
    assert second.share(2) == D("66.67")


def test_options_ordered_by_letter_then_appearance(tmp_path):
    """D before A in the file: the table still lists A, B, …, then unlettered answers."""
    path = tmp_path / "s.csv"
    path.write_text("q\nD.不满意\n其他\nA.非常满意\nB.满意\n", encoding="utf-8")
    assert [o.label for o in tally(read_sheet(str(path)), 0).options] == [
        "A.非常满意",
        "B.满意",
        "D.不满意",
        "其他",
    ]


def test_bom_and_no_bom_read_alike(tmp_path):
    """UTF-8 with and without BOM give the same sheet (the example has a BOM)."""
    data = SURVEY.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    plain = tmp_path / "plain.csv"
    plain.write_bytes(data[3:])
    a, b = read_sheet(str(SURVEY)), read_sheet(str(plain))
    assert a.titles == b.titles and a.rows == b.rows


def test_gbk_csv_is_handled_as_evaluation_files_are(tmp_path):
    """A GBK CSV: exactly what load.decode does with the same bytes (today: the same rejection)."""
    data = SURVEY.read_bytes()[3:].decode("utf-8").encode("gbk")
    path = tmp_path / "gbk.csv"
    path.write_bytes(data)
    try:
        text = decode(data, str(path))
    except InputError as expected:
        with pytest.raises(InputError) as caught:
            read_sheet(str(path))
        assert [str(p) for p in caught.value.problems] == [str(p) for p in expected.problems]
        assert "GBK" in str(caught.value)
    else:  # decoding evaluation files learnt GBK: then answer sheets read it too
        assert read_sheet(str(path)).titles == read_sheet(str(SURVEY)).titles
        assert text


def test_xlsx_reads_like_the_csv(tmp_path):
    """The example saved as XLSX (numbers, empty cells) gives the same distributions."""
    openpyxl = pytest.importorskip("openpyxl")
    csv_sheet = read_sheet(str(SURVEY))
    book = openpyxl.Workbook()
    ws = book.active
    ws.append([*list(csv_sheet.titles), "评分"])
    for index, row in enumerate(csv_sheet.rows):
        ws.append([*list(row), 5 if index % 2 else None])
    path = tmp_path / "survey.xlsx"
    book.save(path)
    sheet = read_sheet(str(path))
    assert sheet.titles[:10] == csv_sheet.titles
    assert sheet.row_numbers[0] == 2
    for i in range(10):
        assert tally(sheet, i).counts == tally(csv_sheet, i).counts
    assert tally(sheet, 10).counts == {"5": 30} and tally(sheet, 10).blank == 31


def test_xlsx_content_is_recognised_whatever_the_name(tmp_path):
    """An XLSX saved as .csv is read as XLSX, not rejected as binary."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["q"])
    book.active.append(["A.是"])
    path = tmp_path / "export.csv"
    book.save(path)
    assert tally(read_sheet(str(path)), 0).counts == {"是": 1}


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "问卷文件没有标题行（文件是空的）"),
        ("q1,q2\n", "问卷文件只有标题行，没有答卷"),
        ("q1,q2\na,b\na,b,c\n", "第 3 行有 3 个单元格，多于标题行的 2 列"),
    ],
)
def test_sheet_errors(tmp_path, text, message):
    """Empty, title only, a row longer than the title row: one located message."""
    path = tmp_path / "s.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_sheet(str(path))
    assert [p.message for p in caught.value.problems] == [message]


def test_blank_rows_and_padding_columns(tmp_path):
    """Fully blank rows are not respondents (counted apart); trailing untitled empty columns go."""
    path = tmp_path / "s.csv"
    path.write_text("q1,q2,,\na,b,,\n,,,\n\nc,,,\n", encoding="utf-8")
    sheet = read_sheet(str(path))
    assert sheet.titles == ("q1", "q2")
    assert sheet.respondents == 2 and sheet.empty_rows == 2


def test_old_xls_is_refused(tmp_path):
    """.xls (OLE) files: save as .xlsx or CSV."""
    path = tmp_path / "s.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(InputError, match=r"不支持旧版 Excel（\.xls）文件"):
        read_sheet(str(path))


def test_find_question_by_number_title_and_digits():
    """1-based numbers, titles compared after NFKC/space folding, digit text as a number."""
    sheet = read_sheet(str(SURVEY))
    assert find_question(sheet, 10) == 9
    assert find_question(sheet, D(1)) == 0
    assert find_question(sheet, "您办理的是个人业务还是企业业务?") == 1  # ASCII "?" folds with "？"
    assert find_question(sheet, "3") == 2


@pytest.mark.parametrize(
    "key, message",
    [
        (11, "没有第 11 题：问卷文件共 10 列（题号即列号，从 1 起）"),
        (0, "没有第 0 题：问卷文件共 10 列（题号即列号，从 1 起）"),
        (D("1.5"), "question 须为题目标题（文字）或题号（从 1 起的整数），而不是“1.5”"),
        (
            "您办理的是个人业务还是企业？",
            "问卷文件中没有标题为“您办理的是个人业务还是企业?”的题目"
            "（是否是第 2 题“您办理的是个人业务还是企业业务?”？）",
        ),
    ],
)
def test_find_question_errors(key, message):
    """A missing question names what exists (and the closest title)."""
    with pytest.raises(QuestionNotFound) as caught:
        find_question(read_sheet(str(SURVEY)), key)
    assert str(caught.value) == message


def test_xlsx_without_openpyxl_says_which_extra(tmp_path, monkeypatch):
    """No openpyxl: a clear message naming the survey extra (and CSV as the way around)."""
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl → ImportError
    path = tmp_path / "s.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError) as caught:
        read_sheet(str(path))
    assert str(caught.value) == (
        f"{path}: 读取 XLSX 问卷需要 openpyxl：pip install 'perfscore[survey]'（或另存为 CSV）"
    )
