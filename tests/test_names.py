"""Names (names.py, issue 14 item 11): look-alike siblings are one name; control and bidi
characters are refused."""

from __future__ import annotations

import pytest

from perfscore.names import name_key, name_problem, shown
from perfscore.survey.sheet import find_question, read_sheet

TWO_SIBLINGS = """\
perfscore: 1
project: {{name: 名称}}
points: 10
indicators:
  - name: {first}
    points: 5
    score: 5
  - name: {second}
    points: 5
    score: 5
"""


@pytest.mark.parametrize(
    "first, written, second, message",
    [
        ("培训人数", '"培训\\u200b人数"', "培训\u200b人数", "培训<U+200B>人数"),  # zero-width space
        ("café", '"cafe\\u0301"', "cafe\u0301", "cafe\u0301"),  # NFC and NFD
        ("指标1", "指标１", "指标１", "指标１"),  # a full-width digit
        ("培训人数", '"\\ufeff培训人数"', "\ufeff培训人数", "<U+FEFF>培训人数"),  # a BOM
        ("培训 人数", "培训　人数", "培训　人数", "培训　人数"),  # an ideographic space
    ],
    ids=["zero-width", "nfd", "full-width", "bom", "ideographic-space"],
)
def test_look_alike_siblings_are_one_name(cli, write, first, written, second, message):
    """Item 11: siblings that differ only in invisible characters, normalisation or width are
    the same name: refused as a repeat, the invisible characters shown."""
    path = write(TWO_SIBLINGS.format(first=first, second=written))
    result = cli("validate", path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{path}:8: [{second}] 同级指标名称“{message}”重复（第一次出现在第 5 行）"
    ]


@pytest.mark.parametrize(
    "written, message",
    [
        (
            '"培训\\u202e数人"',
            "名称含双向文字控制字符 U+202E（会使文字显示的顺序与实际不同）：请删除它",
        ),
        (
            '"培训\\u2066人数\\u2069"',
            "名称含双向文字控制字符 U+2066（会使文字显示的顺序与实际不同）：请删除它",
        ),
        ('"培训\\n人数"', "名称含控制字符 U+000A（如换行、制表符）：请删除它"),
        ('"培训\\t人数"', "名称含控制字符 U+0009（如换行、制表符）：请删除它"),
        ('"培训\\x01人数"', "名称含控制字符 U+0001（如换行、制表符）：请删除它"),
    ],
)
def test_control_and_bidi_characters_are_refused(cli, write, written, message):
    """Item 11: a name with U+202E (or another bidi control) or a control character is refused."""
    path = write(TWO_SIBLINGS.format(first="甲", second=written))
    result = cli("validate", path)
    assert result.exit_code == 1
    assert result.stderr.endswith(f"{message}\n")
    assert result.stderr.startswith(f"{path}:8: [")


def test_different_names_stay_different(cli, write):
    """Names that differ in a visible character are two names."""
    path = write(TWO_SIBLINGS.format(first="培训人数", second="培训次数"))
    assert cli("validate", path).exit_code == 0


def test_name_key_and_shown():
    """The comparison key folds NFKC, drops format characters, folds spaces; shown() marks them."""
    assert name_key("Ａ\u200d Ｂ\u00ad ") == "A B"
    assert name_key("e\u0301") == name_key("\u00e9") == "é"
    assert shown("a\u200bb") == "a<U+200B>b"
    assert shown("ab") == "ab"
    assert name_problem("a\u200bb") is None  # invisible but harmless: folded, not refused
    assert name_problem("a\u200fb") is not None  # RIGHT-TO-LEFT MARK: a bidi control


def test_answer_sheet_titles_fold_the_same_way(tmp_path):
    """Question titles are compared with the same key: a zero-width space does not hide one."""
    path = tmp_path / "s.csv"
    path.write_text("培训\u200b满意度\nA.满意\n", encoding="utf-8")
    assert find_question(read_sheet(str(path)), "培训满意度") == 0


def test_format_characters_are_every_cf_character():
    """The invisible characters removed are Unicode's format characters (Cf) as this Python
    knows them, every one (the list in names.py is written out, as of Unicode 15, so that no
    start-up builds it; what it adds beyond an older Python's table is unassigned there)."""
    import sys
    import unicodedata

    from perfscore.names import FORMAT_CHARACTERS

    for code in range(sys.maxunicode + 1):
        category = unicodedata.category(chr(code))
        matched = bool(FORMAT_CHARACTERS.fullmatch(chr(code)))
        assert matched == (category == "Cf") or (matched and category == "Cn"), f"U+{code:04X}"
