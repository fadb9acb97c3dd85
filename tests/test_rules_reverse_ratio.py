"""rule: reverse-ratio (rules.md §4): w × A / B for a ≤ target exceeded; never the default."""

from __future__ import annotations

from decimal import Decimal as D

from perfscore.rules.targets import Labels, score_reverse_ratio

LABELS = Labels("50万元", "55万元")


def test_exceeded_ratio():
    """≤50, actual 55, w = 4: 4 × 50 / 55 = 3.6363… → 3.64."""
    scored = score_reverse_ratio(D(50), D(55), D(4), 2, LABELS)
    assert scored.score == D("3.64")
    assert scored.explain == "实际 55万元 超出目标 50万元，按比值法：50万元 ÷ 55万元 × 4 = 3.64"


def test_met_full_points():
    """≤50, actual 50: full points."""
    assert score_reverse_ratio(D(50), D(50), D(4), 2, LABELS).score == D("4.00")


def test_double_is_not_zero():
    """Unlike the default reverse rule, B = 2A scores w / 2: 4 × 50 / 100 = 2."""
    assert score_reverse_ratio(D(50), D(100), D(4), 2, LABELS).score == D("2.00")


def test_zero_target():
    """A = 0: B ≤ 0 → w, else 0."""
    assert score_reverse_ratio(D(0), D(0), D(4), 2, LABELS).score == D("4.00")
    assert score_reverse_ratio(D(0), D(1), D(4), 2, LABELS).score == D("0.00")


def test_cli_override_and_default(cli, write):
    """The same ≤ leaf: rule reverse-ratio gives 3.64; without rule: the default 3.6."""
    leaf = (
        "perfscore: 1\nproject: {{name: 测试}}\nindicators:\n  - name: 成本\n    points: 4\n"
        "{rule}    target: ≤50万元\n    actual: 55万元\npoints: 4\n"
    )
    ratio = cli(
        "evaluate", write(leaf.format(rule="    rule: reverse-ratio\n"), "a.yaml"), "--json", "-"
    )
    default = cli("evaluate", write(leaf.format(rule=""), "b.yaml"), "--json", "-")
    assert '"score": 3.64' in ratio.stdout and '"rule": "reverse-ratio"' in ratio.stdout
    # 4 × (1 − (55 − 50) / 50) = 3.6
    assert '"score": 3.6,' in default.stdout and '"rule": "reverse"' in default.stdout


def test_cli_rejects_at_least_target(cli, write):
    """rule: reverse-ratio on a ≥ target is a mistake: one located line, exit 1."""
    path = write(
        "perfscore: 1\nproject: {name: 测试}\nindicators:\n  - name: 人数\n    points: 4\n"
        "    rule: reverse-ratio\n    target: ≥50人\n    actual: 55人\n"
    )
    result = cli("evaluate", path)
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == f"{path}:6: [人数] 规则 reverse-ratio 用于 ≤（越低越好）的目标，而目标是“≥50人”"
    )
