"""Properties of issue 3's pure rules over many generated inputs (hypothesis)."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from perfscore.rules.bands import Band, Bands, score_bands
from perfscore.rules.deduction import Deduction, score_deductions
from perfscore.rules.experts import Panel, score_experts

POINTS = st.decimals(min_value=D("0.5"), max_value=D(100), places=2)
SHARES = st.decimals(min_value=D(0), max_value=D(1), places=4)


@settings(max_examples=200, deadline=None)
@given(POINTS, st.lists(st.decimals(min_value=D("0.01"), max_value=D(50), places=2), max_size=8))
def test_deductions_stay_within_zero_and_points(points, amounts):
    """However many deductions, 0 ≤ score ≤ points, and score = max(0, w − Σ) rounded."""
    scored = score_deductions(tuple(Deduction("r", a) for a in amounts), points, 2)
    assert 0 <= scored.score <= points
    assert scored.score == max(D(0), points - sum(amounts, D(0)))


@settings(max_examples=200, deadline=None)
@given(POINTS, st.data(), st.sampled_from(["mean", "median", "trimmed"]))
def test_panel_lies_within_the_spread(points, data, method):
    """The combined score lies between the lowest and highest expert (after rounding)."""
    scores = data.draw(
        st.lists(st.decimals(min_value=D(0), max_value=points, places=2), min_size=3, max_size=9)
    )
    scored = score_experts(Panel(tuple(scores), method), points, 2)
    assert min(scores) <= scored.score <= max(scores)


@settings(max_examples=200, deadline=None)
@given(
    POINTS,
    st.lists(
        st.tuples(st.decimals(min_value=D(0), max_value=D(1), places=3), SHARES),
        min_size=1,
        max_size=5,
        unique_by=lambda band: band[0],
    ),
    st.decimals(min_value=D(-1), max_value=D(2), places=4),
)
def test_bands_pick_the_highest_band_reached(points, rows, value):
    """The rate applied is that of the highest min ≤ value; below every min → 0."""
    rows = sorted(rows, reverse=True)
    table = Bands(tuple(Band(low, rate, str(low)) for low, rate in rows), "")
    reached = [rate for low, rate in rows if value >= low]
    expected = points * reached[0] if reached else D(0)
    assert score_bands(value, table, points, 2).score == expected.quantize(
        D("0.01"), "ROUND_HALF_UP"
    )
