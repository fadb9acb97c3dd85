"""Self-evaluation tables: the hand-computed example, and cells copied as printed (issue 3 items 2, 4)."""

from __future__ import annotations

import json
from decimal import Decimal as D

from perfscore import load_evaluation, score

from .conftest import EXAMPLES

EXAMPLE = EXAMPLES / "shequ-yanglao-selfeval-2024.yaml"


def test_example_agrees_with_every_hand_computed_number(cli):
    """Every reported number of the example (computed by hand) agrees; exit 0, no warnings."""
    result = score(load_evaluation(str(EXAMPLE)))
    # 14 published values, and 5 published parent scores against the printed scores below them
    # (the total against the level-1 scores; each level-1 score against its leaves')
    assert len(result.checks) == 19 and result.agrees
    assert sum(1 for c in result.checks if c.kind == "sum") == 5
    assert (result.score, result.grade) == (D("91.08"), "优")
    assert result.warnings == ()
    assert cli("evaluate", EXAMPLE).exit_code == 0


def test_example_partial_achievement_rules():
    """The example covers a missed ≥ target, an exceeded ≤ target and a 部分达成 judged leaf."""
    leaves = {r.node.name: r for r in score(load_evaluation(str(EXAMPLE))).walk() if r.scored}
    # 10 × 680 / 800 = 8.5
    assert (leaves["服务老年人数"].scored.rule, leaves["服务老年人数"].score) == (
        "positive",
        D("8.50"),
    )
    # 10 × (1 − (1620 − 1500) / 1500) = 9.2
    assert (leaves["人均服务成本"].scored.rule, leaves["人均服务成本"].score) == (
        "reverse",
        D("9.20"),
    )
    # 部分达成, 7 in [6, 8)
    timely = leaves["补助发放及时性"]
    assert (timely.scored.rule, timely.scored.level, timely.score) == (
        "qualitative",
        "部分达成",
        D("7.00"),
    )
    # 10 × 9870 / 12000 = 8.225 → 8.23 (HALF_UP once)
    assert leaves["上门服务人次"].score == D("8.23")


# A self-evaluation table whose cells are copied exactly as a published 自评表 prints
# them: spaces before units, thousands separators, "=" targets, units such as 次/年.
# (In a YAML flow mapping a value with commas must be quoted; in block style it need not.)
PRINTED = """\
perfscore: 1
project: {name: 印刷格式}
reported: 97.8   # 10 × 8 + 9.8 + 8
indicators:
  - {name: 预算执行率, points: 10, rule: execution, budget: 15, spent: 15}   # 15 ÷ 15 → 10
  - name: 成本指标
    children:
      - {name: 所需经费, points: 10, target: ≤15万元, actual: 15 万元}      # 15 ≤ 15 → 10
  - name: 产出指标
    children:
      - {name: 培训人数, points: 10, target: ≥45人, actual: 47 人}           # 47 ≥ 45 → 10
      - {name: 服务期限, points: 10, target: ≥1年, actual: 1 年}             # 1 ≥ 1 → 10
      - {name: 培训频次, points: 10, target: ≥1次/年, actual: 1次/年}        # → 10
      - {name: 合格率, points: 10, target: =100%, actual: 98%, basis: 2 人补考}  # 10 × 98 ÷ 100 = 9.8
      - {name: 节电量, points: 10, target: "≥1,500,000度", actual: "1,200,000度", basis: 停工}
        # 10 × 1,200,000 ÷ 1,500,000 = 8
      - {name: 资金节约, points: 10, target: ≤120万元, actual: "1,180,000元", basis: 无}
        # 1,180,000元 = 118万元 ≤ 120万元 → 10
  - name: 效益指标
    children:
      - {name: 是否提升营商环境, points: 10, target: 是, actual: 是}         # → 10
  - name: 满意度指标
    children:
      - {name: 满意度, points: 10, target: ≥98%, actual: "９８．６％", basis: x}  # full-width: 98.6% → 10
"""


def test_printed_cells_through_the_pipeline(cli, write):
    """Cells as printed (≤15万元, 15 万元, ≥45人, 47 人, 1 年, ≥1次/年, =100%, 1,200,000度) score as the table does."""
    path = write(PRINTED)
    result = cli("evaluate", path, "--json", "-")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    leaves = {}

    def walk(nodes):
        for node in nodes:
            if "children" in node:
                walk(node["children"])
            else:
                leaves[node["name"]] = node["score"]

    walk(data["indicators"])
    assert leaves == {
        "预算执行率": 10,
        "所需经费": 10,
        "培训人数": 10,
        "服务期限": 10,
        "培训频次": 10,
        "合格率": 9.8,
        "节电量": 8,
        "资金节约": 10,
        "是否提升营商环境": 10,
        "满意度": 10,
    }
    # 10 × 8 + 9.8 + 8 = 97.8, and the published total agrees
    assert data["score"] == 97.8
    assert all(check["ok"] for check in data["checks"])


def test_published_table_reproduced(cli):
    """The published 干部教育培训费 table (cells as printed) reproduces its 100 and every cell."""
    result = score(load_evaluation(str(EXAMPLES / "ganbu-peixun-2023.yaml")))
    assert result.score == D(100) and result.agrees
    # 10 printed scores, the 总分 row's 分值, the printed 执行率, the 总分 against the printed
    # row scores (10 + 10 + 10 + 10 + 10 + 10 + 15 + 15 + 10 = 100), and the 年度资金总额 row's
    # three amounts against its 其中 rows
    kinds = sorted((c.kind, c.of) for c in result.checks)
    assert kinds == sorted(
        [("reported", "score")] * 10
        + [("reported", "points"), ("reported", "execution_rate"), ("sum", "score")]
        + [("items", "budget_initial"), ("items", "budget"), ("items", "spent")]
    )
