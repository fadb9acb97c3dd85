"""weight: (权重, rules.md §2): shares of the parent's points, converted exactly; mistakes located."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from perfscore import load_evaluation, score

HEAD = "perfscore: 1\nproject: {name: 测试}\n"


def points_by_path(path) -> dict[str, D]:
    evaluation = load_evaluation(str(path))
    return {node.path: node.points for node in evaluation.walk()}


def test_level1_weights_share_100(write):
    """Root 100: 决策 20% → 20, 产出 80% → 80; a 50% of 20 → 10; b 0.5 (a fraction) → 10."""
    path = write(
        HEAD
        + """\
indicators:
  - name: 决策
    weight: 20%
    children:
      - {name: a, weight: 50%, score: 10}
      - {name: b, weight: 0.5, score: 7.5, basis: x}
  - {name: 产出, weight: 80%, score: 80}
"""
    )
    assert points_by_path(path) == {"决策": 20, "决策/a": 10, "决策/b": 10, "产出": 80}
    # 10 + 7.5 + 80 = 97.5
    assert score(load_evaluation(str(path))).score == D("97.5")


def test_top_level_points_is_the_base(write):
    """points: 10 at the top: 60% → 6 and 40% → 4."""
    path = write(
        HEAD + "points: 10\nindicators:\n"
        "  - {name: a, weight: 60%, score: 6}\n  - {name: b, weight: 40%, score: 4}\n"
    )
    assert points_by_path(path) == {"a": 6, "b": 4}


def test_conversion_is_exact(write):
    """12.5% of 15 = 1.875 exactly (kept, not rounded); 87.5% of 15 = 13.125 (at precision 3)."""
    path = write(
        HEAD
        + """\
precision: 3
indicators:
  - {name: 其他, points: 85, score: 85}
  - name: 过程
    points: 15
    children:
      - {name: a, weight: 12.5%, score: 1.875}
      - {name: b, weight: 87.5%, score: 13.125}
"""
    )
    points = points_by_path(path)
    assert (points["过程/a"], points["过程/b"]) == (D("1.875"), D("13.125"))


def test_converted_points_finer_than_precision_refused(write, cli):
    """12.5% of 15 = 1.875 cannot be scored at precision 2: full marks would be 1.88."""
    path = write(
        HEAD + "indicators:\n  - name: 过程\n    points: 15\n    children:\n"
        "      - {name: a, weight: 12.5%, score: 1}\n      - {name: b, weight: 87.5%, score: 13}\n"
        "points: 15\n"
    )
    result = cli("validate", path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{path}:7: [过程/a] 分值 1.875 的小数位多于 precision（2 位）：满分会被舍入成 1.88；请提高 precision 或调整分值",
        f"{path}:8: [过程/b] 分值 13.125 的小数位多于 precision（2 位）：满分会被舍入成 13.13；请提高 precision 或调整分值",
    ]


def test_export_reports_points_and_weight(write, cli):
    """The JSON has the converted points and the weight as written ("25%")."""
    path = write(
        HEAD + "indicators:\n  - {name: a, weight: 25%, score: 25}\n"
        "  - {name: b, weight: 75%, score: 75}\n"
    )
    data = json.loads(cli("evaluate", path, "--json", "-").stdout)
    assert [(n["points"], n["weight"]) for n in data["indicators"]] == [(25, "25%"), (75, "75%")]


def test_weights_in_validate(write, cli):
    """validate (checks and JSON Schema) accepts a weighted tree."""
    path = write(
        HEAD + "indicators:\n  - {name: a, weight: 25%, score: 25}\n"
        "  - {name: b, weight: 0.75, score: 75}\n"
    )
    result = cli("validate", path)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    "body, line, where, message",
    [
        # weights adding up to 90%: reported at the list
        (
            "indicators:\n  - {name: a, weight: 40%, score: 1}\n  - {name: b, weight: 50%, score: 1}\n",
            4,
            "",
            "同级指标的权重之和为 90%，须恰为 100%",
        ),
        # mixed siblings
        (
            "indicators:\n  - {name: a, weight: 40%, score: 1}\n  - {name: b, points: 60, score: 1}\n",
            5,
            "b",
            "同级指标不能混用权重与分值：“a”用 weight，本指标用 points",
        ),
        # a sibling with neither
        (
            "indicators:\n  - {name: a, weight: 40%, score: 1}\n  - name: b\n    children:\n"
            "      - {name: c, points: 60, score: 1}\n",
            5,
            "b",
            "同级指标用权重（“a”用 weight），本指标也须给出 weight",
        ),
        # both on one node
        (
            "indicators:\n  - {name: a, weight: 40%, points: 40, score: 1}\n",
            4,
            "a",
            "同一指标不能同时给出 points（分值）与 weight（权重）",
        ),
        # a bare number above 1 is ambiguous
        (
            "indicators:\n  - {name: a, weight: 25, score: 1}\n",
            4,
            "a",
            "“weight”的值 25 大于 1，含义不明：百分比请写成 25%，小数请写成 0 到 1 之间",
        ),
        ("indicators:\n  - {name: a, weight: 0%, score: 0}\n", 4, "a", "权重 weight 必须大于 0"),
        (
            "indicators:\n  - {name: a, weight: 120%, score: 1}\n",
            4,
            "a",
            "“weight”须在 0% 到 100% 之间，而不是 120%",
        ),
        (
            "indicators:\n  - {name: a, weight: 一半, score: 1}\n",
            4,
            "a",
            "“weight”必须是百分比（如 25%）或 0 到 1 之间的小数，而不是“一半”",
        ),
        # weighted children under a parent whose points are not stated
        (
            "indicators:\n  - name: p\n    children:\n      - {name: a, weight: 50%, score: 1}\n"
            "      - {name: b, weight: 50%, score: 1}\n",
            6,
            "p/a",
            "下级指标用权重 weight 时，本指标须给出分值 points（或权重 weight）以便换算",
        ),
    ],
)
def test_cli_rejects(write, cli, body, line, where, message):
    """Each weight mistake is one located line on stderr, exit 1."""
    path = write(HEAD + body)
    result = cli("evaluate", path)
    assert result.exit_code == 1
    location = f"[{where}] " if where else ""
    assert result.stderr.strip() == f"{path}:{line}: {location}{message}"
