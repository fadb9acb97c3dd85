"""rule: bands (rules.md §7): the pure scoring function, the table's checks, the CLI errors."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

import pytest

from perfscore.rules.bands import Band, Bands, score_bands

# The table of rules.md §7 (made up): ≥95% → 100%, ≥90% → 75%, ≥0% → 50%.
TABLE = Bands(
    (Band(D("0.95"), D(1), "95%"), Band(D("0.90"), D("0.75"), "90%"), Band(D(0), D("0.5"), "0%")),
    "%",
)
# A table without a floor at 0: ≥90% → 100%, ≥80% → 60%.
NO_FLOOR = Bands((Band(D("0.9"), D(1), "90%"), Band(D("0.8"), D("0.6"), "80%")), "%")


def test_value_in_second_band():
    """94.68% reaches band 2 (≥90%): 10 × 75% = 7.5."""
    scored = score_bands(D("0.9468"), TABLE, D(10), 2, "94.68%")
    assert scored.score == D("7.50")
    assert scored.explain == "94.68% 达到第 2 档（≥ 90%，得 75%）：10 × 75% = 7.5"
    assert scored.details["band"] == 2


def test_boundary_hit_exactly_counts_as_reached():
    """A value equal to a band's min is in that band: 95% → band 1, 5 × 100% = 5."""
    scored = score_bands(D("0.95"), TABLE, D(5), 2, "95%")
    assert scored.score == D("5.00")
    assert scored.details["band"] == 1


def test_just_below_boundary_falls_to_next_band():
    """94.99% misses band 1: band 2, 5 × 75% = 3.75."""
    assert score_bands(D("0.9499"), TABLE, D(5), 2).score == D("3.75")


def test_value_below_every_band_scores_zero():
    """79% is below the lowest min 80%: 0 points, and the explain line says so."""
    scored = score_bands(D("0.79"), NO_FLOOR, D(8), 2, "79%")
    assert scored.score == D("0.00")
    assert scored.explain == "79% 低于最低一档的下限 80%，得 0 分"
    assert scored.details["band"] is None


def test_fraction_value_from_another_rule():
    """A rate computed as a Fraction (59/61 = 96.72%) compares with percent mins directly."""
    assert score_bands(Fraction(59, 61), TABLE, D(10), 2).score == D("10.00")


def test_rounding_once_half_up():
    """3 × 62.5% = 1.875 → 1.88 at precision 2 (HALF_UP)."""
    table = Bands((Band(D(0), D("0.625"), "0"),), "")
    assert score_bands(D(1), table, D(3), 2).score == D("1.88")


EVAL = """\
perfscore: 1
project: {{name: 测试}}
indicators:
  - name: 满意度
    points: 10
    rule: bands
{body}
points: 10
"""


def run(cli, write, body: str):
    return cli("evaluate", write(EVAL.format(body=body)), "--json", "-")


def test_cli_scores_bands(cli, write):
    """Through the whole pipeline: 91% → band 2 → 10 × 75% = 7.5."""
    result = run(
        cli,
        write,
        "    value: 91%\n    bands: [{min: 95%, rate: 100%}, "
        "{min: 90%, rate: 75%}, {min: 0%, rate: 0.5}]",
    )
    assert result.exit_code == 0, result.stderr
    assert '"score": 7.5' in result.stdout
    assert '"band": 2' in result.stdout


@pytest.mark.parametrize(
    "body, line, message",
    [
        (
            "    value: 91%\n    bands: [{min: 90%, rate: 75%}, {min: 90%, rate: 50%}]",
            8,
            "档次界限 90% 重复",
        ),
        (
            "    value: 5%\n    bands: [{max: 10%, rate: 75%}, {min: 90%, rate: 50%}]",
            8,
            "bands 不能同时用 min（下限）与 max（上限）：请统一写法（等于某值的档用 equals）",
        ),
        (
            "    value: 91%\n    bands: [{min: 90%, rate: 120%}]",
            8,
            "“rate”须在 0% 到 100% 之间，而不是 120%",
        ),
        (
            "    value: 91%\n    bands: [{min: 90%, rate: 75}]",
            8,
            "“rate”的值 75 大于 1，含义不明：百分比请写成 75%，小数请写成 0 到 1 之间",
        ),
        (
            "    value: 91\n    bands: [{min: 90%, rate: 75%}]",
            7,
            "各档下限与数值须用同一单位：“%”与“（无）”不同",
        ),
        (
            "    value: 91%\n    bands: [{min: 90%, rate: 75%}, {min: 80, rate: 50%}]",
            8,
            "各档下限与数值须用同一单位：“%”与“（无）”不同",
        ),
        (
            "    value: 91%\n    bands: [{min: 90%}]",
            8,
            "bands 的每一项须有一个界限（min 下限、max 上限（含）或 equals 等于）和一个得分（rate 得分比例或 points 分数）",
        ),
        (
            "    value: 很好\n    bands: [{min: 90%, rate: 75%}]",
            7,
            "“value”必须是数值（可带单位，如 95%），而不是“很好”",
        ),
        (
            "    value: ≥91%\n    bands: [{min: 90%, rate: 75%}]",
            7,
            "“value”只写数值，不带比较符：“≥91%”",
        ),
        # A missing key is reported at the leaf's first line (4).
        ("    bands: [{min: 90%, rate: 75%}]", 4, "缺少必填的键“value”"),
        ("    value: 91%", 4, "缺少必填的键“bands”"),
    ],
)
def test_cli_rejects_bad_tables(cli, write, body, line, message):
    """Every mistake in a bands leaf is one located line on stderr, exit 1."""
    path = write(EVAL.format(body=body))
    result = cli("evaluate", path)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{path}:{line}: [满意度] {message}"
