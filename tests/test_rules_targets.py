"""Target/actual rules of rules.md §4–5 as pure functions, on hand-computed values."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from perfscore.rules.targets import Labels, score_equal, score_positive, score_reverse

L = Labels("A", "B")


def positive(target, actual, points="5", precision=2):
    return score_positive(D(target), D(actual), D(points), precision, L).score


def reverse(target, actual, points="4", precision=2):
    return score_reverse(D(target), D(actual), D(points), precision, L).score


def equal(target, actual, points="5", precision=2):
    return score_equal(D(target), D(actual), D(points), precision, L).score


@pytest.mark.parametrize(
    "target, actual, points, expected",
    [
        ("30", "8", "5", "1.33"),  # seed 03: 5 × 8/30 = 1.3333…
        ("40", "30", "5", "3.75"),  # rules.md: 5 × 30/40
        ("30", "30", "5", "5.00"),  # exactly at target: full
        ("30", "31", "5", "5.00"),  # above: no bonus
        ("30", "29.99", "5", "5.00"),  # 5 × 29.99/30 = 4.99833… → 5.00 (HALF_UP at 2 places)
        ("0", "0.18", "5", "5.00"),  # seed 03 成本节约率 ≥0%: A = 0, B ≥ 0 → w
        ("0", "0", "5", "5.00"),
        ("0", "-1", "5", "0.00"),  # A = 0, B < 0 → 0
        ("30", "-3", "5", "0.00"),  # a negative actual counts as 0
        ("200", "1.335", "200", "1.34"),  # 200 × 1.335/200 = 1.335 → HALF_UP 1.34
        ("200", "1.325", "200", "1.33"),  # 1.325 → 1.33 (banker's rounding would give 1.32)
    ],
)
def test_positive(target, actual, points, expected):
    """正向: B ≥ A → w, else w × B/A; A = 0 → w when B ≥ 0; rounded HALF_UP."""
    assert positive(target, actual, points) == D(expected)


@pytest.mark.parametrize(
    "target, actual, points, expected",
    [
        ("50", "55", "4", "3.60"),  # rules.md: 4 × (1 − 5/50)
        ("50", "50", "4", "4.00"),  # at target
        ("50", "10", "4", "4.00"),  # below target
        ("50", "100", "4", "0.00"),  # exactly 2A → 0
        ("50", "99.99", "4", "0.00"),  # 4 × (1 − 49.99/50) = 0.0008 → 0.00
        ("50", "150", "4", "0.00"),  # beyond 2A
        ("15", "15.0000", "10", "10.00"),  # seed 02 所需经费 ≤15万元, 15万元
        ("0", "0", "4", "4.00"),  # A = 0: B ≤ 0 → w
        ("0", "0.01", "4", "0.00"),  # A = 0: B > 0 → 0
    ],
)
def test_reverse(target, actual, points, expected):
    """反向: B ≤ A → w, else w × (1 − (B − A)/A), 0 once B ≥ 2A."""
    assert reverse(target, actual, points) == D(expected)


@pytest.mark.parametrize(
    "target, actual, expected",
    [
        ("100", "100", "5.00"),
        ("100", "90", "4.50"),  # scored as positive: 5 × 90/100
        ("100", "120", "5.00"),
        ("0", "0", "5.00"),  # A = 0: B ≤ 0 → w
        ("0", "1", "0.00"),
    ],
)
def test_equal(target, actual, expected):
    """等于: scored as positive, the national system's way; A = 0 → w only when B ≤ 0."""
    assert equal(target, actual) == D(expected)


def test_precision_changes_rounding_only_once():
    """The exact quotient is rounded once, at the file's precision."""
    # 5 × 8 / 30 = 1.3333…
    assert positive("30", "8", precision=0) == D("1")
    assert positive("30", "8", precision=3) == D("1.333")
    # 5 × 1 / 8 = 0.625 → 0.63 at 2 places (HALF_UP), 0.6 at 1 place
    assert positive("8", "1", precision=2) == D("0.63")
    assert positive("8", "1", precision=1) == D("0.6")


def test_monotone_near_boundary():
    """Positive never decreases as B grows; reverse never increases (spot check)."""
    ups = [positive("30", str(b)) for b in range(40)]
    downs = [reverse("50", str(b)) for b in range(120)]
    assert ups == sorted(ups)
    assert downs == sorted(downs, reverse=True)


def test_explain_lines():
    """Each explain line states inputs, formula and result in the report's words."""
    labels = Labels("30人次", "8人次")
    assert (
        score_positive(D(30), D(8), D(5), 2, labels).explain
        == "实际 8人次 ÷ 目标 30人次 × 5 = 1.33"
    )
    labels = Labels("50", "55")
    assert (
        score_reverse(D(50), D(55), D(4), 2, labels).explain
        == "实际 55 超出目标 50：4 × (1 − (55 − 50) ÷ 50) = 3.6"
    )
    assert score_reverse(D(50), D(100), D(4), 2, Labels("50", "100")).explain == (
        "实际 100 达到目标 50 的 2 倍及以上，得 0 分"
    )
