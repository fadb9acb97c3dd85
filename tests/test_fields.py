"""Fields: typed, located reads; here what is cached across leaves and files, and what is not."""

from __future__ import annotations

from decimal import Decimal as D

from perfscore import load_evaluation
from perfscore.fields import _EXPRESSIONS


def test_a_faulty_target_is_reported_in_every_leaf_that_writes_it(cli, write):
    """Only expressions read without a problem are kept: the same spaced number written in two
    leaves is reported twice, each on its own line."""
    path = write(
        "perfscore: 1\n"
        "project: {name: 测试}\n"
        "indicators:\n"
        "  - {name: 甲, points: 50, target: ≥1 200人, actual: 1300人}\n"
        "  - {name: 乙, points: 50, target: ≥1 200人, actual: 1300人}\n"
    )
    result = cli("validate", path)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if "数字中间有空格" in line]
    assert [line.split(": [")[0] for line in lines] == [f"{path}:4", f"{path}:5"]


def test_a_kept_expression_reads_as_the_first_time(write):
    """A target read again (another leaf, another file) is the same Quantity as when first read."""
    text = (
        "perfscore: 1\n"
        "project: {name: 测试}\n"
        "indicators:\n"
        "  - {name: 甲, points: 60, target: ≥95%, actual: 96.5%}\n"
        "  - {name: 乙, points: 40, target: ≥95%, actual: 90%}\n"
    )
    first = load_evaluation(str(write(text, "a.yaml")))
    assert "≥95%" in _EXPRESSIONS
    second = load_evaluation(str(write(text, "b.yaml")))
    targets = [leaf.leaf.params.target for e in (first, second) for leaf in e.indicators]
    assert all(t == targets[0] for t in targets)
    assert (targets[0].op, targets[0].value, targets[0].unit) == (">=", D(95), "%")
