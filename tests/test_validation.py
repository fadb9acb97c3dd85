"""build_evaluation's nodes: every key a node may print lands in its own field; names."""

from __future__ import annotations

import sys
from decimal import Decimal

from perfscore.load.yaml import parse
from perfscore.names import name_problem
from perfscore.validation import build_evaluation

TEXT = """\
perfscore: 1
points: 10
project:
  name: 测试项目
indicators:
  - name: 产出
    points: 10
    code: 0101
    basis: 依据文字
    note: 备注文字
    reported: 9
    reported_rate: 90%
    reported_points: 10
    inferred: true
    children:
      - name: 培训人数
        weight: 50%
        target: ≥30人次
        actual: 27人次
      - name: 应用场景质量
        weight: 50%
        score: 4
"""


def test_printed_keys_reach_their_fields():
    """Node is built by position (validation._node): each printed key in its own field."""
    node = build_evaluation(parse(TEXT, "f.yaml"), "f.yaml").indicators[0]
    assert (node.name, node.path, node.line) == ("产出", "产出", 6)
    assert (node.code, node.basis, node.note) == ("0101", "依据文字", "备注文字")
    assert (node.reported, node.reported_rate, node.reported_points) == (9, 90, 10)
    assert node.inferred is True and node.captured is True and node.points_known is True
    assert node.applicable is True and node.partial is False and node.leaf is None
    assert node.points == Decimal(10) and len(node.children) == 2
    first = node.children[0]
    # 50% of the parent's 10 points is 5 (weights.read_weight)
    assert (first.weight, first.points, first.path) == (Decimal("0.5"), 5, "产出/培训人数")
    assert first.leaf is not None and first.leaf.rule == "target"
    assert (first.code, first.note, first.reported, first.inferred) == (None, None, None, False)
    assert first.captured is True and first.points_known is True and first.partial is False


def test_printable_names_are_never_refused():
    """_named skips name_problem for a printable name: no printable character is refused."""
    refused = [
        code
        for code in range(sys.maxunicode + 1)
        if not 0xD800 <= code < 0xE000
        and chr(code).isprintable()
        and name_problem(chr(code)) is not None
    ]
    assert refused == []
    assert name_problem("培训\u202e人数") is not None  # and a bidi control still is (not printable)
    assert not "培训\u202e人数".isprintable()
