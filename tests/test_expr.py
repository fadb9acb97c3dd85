"""Target and actual expressions as printed in self-evaluation tables (format.md §1)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from perfscore.expr import UnitMismatch, common_unit, parse_expression


@pytest.mark.parametrize(
    "text, op, value, unit",
    [
        ("≤15万元", "<=", "15", "万元"),
        ("≤15 万元", "<=", "15", "万元"),
        ("15 万元", None, "15", "万元"),
        ("≥45人", ">=", "45", "人"),
        ("47 人", None, "47", "人"),
        ("1 年", None, "1", "年"),
        ("≥1次/年", ">=", "1", "次/年"),
        ("=100%", "=", "100", "%"),
        ("1,200,000度", None, "1200000", "度"),
        ("＞＝９８％", ">=", "98", "%"),  # full-width, as pasted from Word
        (">=98%", ">=", "98", "%"),
        ("不低于90%", ">=", "90", "%"),
        ("不少于3次", ">=", "3", "次"),
        ("大于等于5天", ">=", "5", "天"),
        ("＞5", ">", "5", ""),
        ("不超过0.5元/度", "<=", "0.5", "元/度"),
        ("小于 10 箱", "<", "10", "箱"),
        ("等于100%", "=", "100", "%"),
        ("－3", None, "-3", ""),
    ],
)
def test_numeric_expressions(text, op, value, unit):
    """Operator, number and unit are read from the printed cell."""
    q = parse_expression(text)
    assert (q.op, q.value, q.unit) == (op, D(value), unit)


@pytest.mark.parametrize(
    "text, word", [("及时", "及时"), (" 优 ", "优"), ("是", "是"), ("按 时", "按时")]
)
def test_words(text, word):
    """Text without a number is a word (定性), compared after trimming spaces."""
    q = parse_expression(text)
    assert q.is_word and q.word == word


def test_yaml_number():
    """A bare YAML number is a value with no unit."""
    q = parse_expression(D("12.5"))
    assert (q.op, q.value, q.unit) == (None, D("12.5"), "")


def test_money_conversion_is_exact():
    """元, 万元 and 亿元 convert exactly, into the target's unit."""
    target, actual = parse_expression("≤15万元"), parse_expression("150,000元")
    assert common_unit(target, actual) == (D(15), D(15), "万元")
    assert common_unit(parse_expression("1亿元"), parse_expression("2500万元"))[1] == D("0.25")


def test_units_that_cannot_convert():
    """Different units that are not money are refused."""
    with pytest.raises(UnitMismatch):
        common_unit(parse_expression("≥30人次"), parse_expression("8人"))
    with pytest.raises(UnitMismatch):
        common_unit(parse_expression("≥90%"), parse_expression("0.9"))
