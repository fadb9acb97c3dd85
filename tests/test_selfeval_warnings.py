"""Self-evaluation warnings: over-achievement (≥ 130% of a ≥ target) and below full without basis."""

from __future__ import annotations

import json
from decimal import Decimal as D

from perfscore import load_evaluation, score

from .conftest import EXAMPLES

TABLE = """\
perfscore: 1
project: {name: 测试, kind: 部门自评}
indicators:
  - {name: 培训人数, points: 10, target: ≥45人, actual: 59人}
  - {name: 培训天数, points: 10, target: ≥5天, actual: 6天}
  - {name: 覆盖率, points: 10, target: ≥80%, actual: 60%}
  - {name: 成本, points: 10, target: ≤10万元, actual: 12万元, basis: 材料涨价}
  - {name: 其他, points: 60, score: 60}
"""


def warnings_of(path):
    return score(load_evaluation(str(path))).warnings


def test_kinds_and_paths(write):
    """59 / 45 = 131.11% ≥ 130% warns; 6 / 5 = 120% does not; 覆盖率 below full without basis warns.

    成本 is below full but has a basis: no warning.
    """
    found = [(w.kind, w.path, w.line) for w in warnings_of(write(TABLE))]
    assert found == [("over_achievement", "培训人数", 4), ("no_basis", "覆盖率", 6)]


def test_messages(write):
    """The messages say what is wrong, with the numbers."""
    messages = [w.message for w in warnings_of(write(TABLE))]
    assert messages == [
        "实际 59人 为目标 45人 的 131.11%，达到或超过 130%：年度指标值可能设置偏低，请说明原因",
        # 10 × 60 / 80 = 7.5
        "得分 7.5 低于满分 10，未说明偏差原因（basis）",
    ]


def test_exactly_130_percent_warns(write):
    """The boundary counts: 13 / 10 = 130% is flagged."""
    text = (
        "perfscore: 1\nproject: {name: 测试, kind: 部门自评}\nindicators:\n"
        "  - {name: a, points: 10, target: ≥10次, actual: 13次}\npoints: 10\n"
    )
    assert [w.kind for w in warnings_of(write(text))] == ["over_achievement"]


def test_only_at_least_targets(write):
    """An = target or a ≤ target far off is not over-achievement (the = case is full points)."""
    text = (
        "perfscore: 1\nproject: {name: 测试, kind: 部门自评}\nindicators:\n"
        "  - {name: a, points: 10, target: =10次, actual: 20次}\n"
        "  - {name: b, points: 10, target: ≤10次, actual: 1次}\npoints: 20\n"
    )
    assert warnings_of(write(text)) == ()


def test_warnings_change_nothing(write, cli):
    """Exit code 0 and the scores as computed: 10 + 10 + 7.5 + 8 + 60 = 95.5."""
    path = write(TABLE)
    result = cli("evaluate", path, "--json", "-")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    # 成本: 10 × (1 − (12 − 10) / 10) = 8
    assert data["score"] == 95.5
    assert data["warnings"] == [
        {
            "kind": "over_achievement",
            "path": "培训人数",
            "line": 4,
            "message": "实际 59人 为目标 45人 的 131.11%，达到或超过 130%：年度指标值可能设置偏低，请说明原因",
        },
        {
            "kind": "no_basis",
            "path": "覆盖率",
            "line": 6,
            "message": "得分 7.5 低于满分 10，未说明偏差原因（basis）",
        },
    ]


def test_terminal_shows_warnings(write, cli):
    """The terminal lists each warning with its path."""
    path = write(TABLE)
    result = cli("evaluate", path)
    # located like every other message: file:line: [path]
    assert (
        f"{path}:6: [覆盖率] 提示：得分 7.5 低于满分 10，未说明偏差原因（basis）" in result.stdout
    )


def test_english(write, cli):
    """--lang en gives the English sentences."""
    result = cli("evaluate", write(TABLE), "--json", "-", "--lang", "en")
    assert "score 7.5 is below full points 10 and no reason (basis) is given" in result.stdout


def test_empty_list_in_json(cli):
    """A file without warnings exports "warnings": [] (the key is always there)."""
    data = json.loads(cli("evaluate", EXAMPLES / "yirenyidang-2023.yaml", "--json", "-").stdout)
    assert data["warnings"] == []


def test_published_table_flags_training_days():
    """The published ganbu table: 培训天数 ≥5天, actual 7天 = 140% is flagged; scores unchanged."""
    result = score(load_evaluation(str(EXAMPLES / "ganbu-peixun-2023.yaml")))
    assert [(w.kind, w.path) for w in result.warnings] == [
        ("over_achievement", "产出指标/数量指标/培训天数")
    ]
    assert result.score == D(100)


def test_deduction_reasons_count_as_basis(write):
    """A deduction leaf below full explains itself by its reasons: no no_basis warning."""
    text = (
        "perfscore: 1\nproject: {name: 测试, kind: 部门自评}\nindicators:\n"
        "  - name: a\n    points: 5\n    rule: deduction\n"
        "    deductions: [{reason: 未按期报送, points: 1}]\npoints: 5\n"
    )
    assert warnings_of(write(text)) == ()


def test_only_files_in_the_self_evaluation_layout(write):
    """An evaluation report (kind 财政评价, or no execution row) gets no 自评 warnings; a file with
    no kind but a budget row and targets is a self-evaluation (docs/rules.md §11)."""
    report = TABLE.replace("kind: 部门自评", "kind: 财政评价")
    assert warnings_of(write(report, "report.yaml")) == ()
    no_kind = TABLE.replace(", kind: 部门自评", "")
    assert warnings_of(write(no_kind, "plain.yaml")) == ()
    with_budget = no_kind.replace(
        "  - {name: 其他, points: 60, score: 60}\n",
        "  - {name: 其他, points: 50, score: 50}\n"
        "  - {name: 预算执行率, points: 10, rule: execution, budget: 10, spent: 10}\n",
    )
    assert [w.kind for w in warnings_of(write(with_budget, "budget.yaml"))] == [
        "over_achievement",
        "no_basis",
    ]
