"""Sheets as printed: the budget block of a 自评表 (docs/format.md §1a, docs/rules.md §3 and §11, rule: execution)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from perfscore.errors import EXIT_DISAGREE, EXIT_OK

from .as_printed import audited, checks, exported, findings, node, refused

# The 预算执行率 row starts on line 5; its amounts from line 8. The base is its 10 points.
BLOCK = """\
perfscore: 1
project: {{name: 预算执行}}
points: {points}
indicators:
  - name: 预算执行率
    points: {points}
    rule: execution
{body}"""


def block(body: str, points: int = 10) -> str:
    return BLOCK.format(points=points, body=body)


# seed 01's 机关运行费用 amounts (budget 328.67, spent 293.82), with a 年初预算数 of 300 and
# two 其中 rows that add up: 250 + 50 = 300, 278.67 + 50 = 328.67, 250 + 43.82 = 293.82.
FULL = block(
    "    budget_initial: 300\n"
    "    budget: 328.67\n"
    "    spent: 293.82\n"
    "    reported_rate: 89.40%\n"
    "    items:\n"
    "      - {name: 当年财政拨款, budget_initial: 250, budget: 278.67, spent: 250}\n"
    "      - {name: 上年结转资金, budget_initial: 50, budget: 50, spent: 43.82}\n"
)


def test_the_rate_against_the_initial_budget_is_shown(cli, write):
    """293.82 ÷ 328.67 = 89.40% scores 8.94; beside it 293.82 ÷ 300 = 97.94% against 年初预算数."""
    leaf = node(exported(cli, write(FULL)), "预算执行率")
    # 293.82 ÷ 328.67 = 0.893966… → 89.40%; 10 × 0.893966… = 8.9397 → 8.94
    # 293.82 ÷ 300 = 0.9794 → 97.94%
    assert leaf["score"] == D("8.94")
    assert leaf["explain"] == (
        "执行数 293.82 ÷ 预算数 328.67 = 89.40%，89.40% × 10 = 8.94（对年初预算数 300 的执行率为 97.94%）"
    )
    assert (leaf["budget_initial"], leaf["initial_rate"], leaf["execution_rate"]) == (
        "300",
        "97.94%",
        "89.40%",
    )


def test_items_are_kept_and_checked_not_scored(cli, write):
    """The 其中 rows are exported and checked against the total row, amount by amount; all agree."""
    path = write(FULL)
    export = exported(cli, path)
    leaf = node(export, "预算执行率")
    assert [item["name"] for item in leaf["items"]] == ["当年财政拨款", "上年结转资金"]
    assert leaf["items"][0] == {
        "name": "当年财政拨款",
        "budget_initial": 250,
        "budget": D("278.67"),
        "spent": 250,
    }
    assert checks(export) == [
        ("reported", "预算执行率", "execution_rate", "89.4", "89.4", True),
        ("items", "预算执行率", "budget_initial", "300", "300", True),
        ("items", "预算执行率", "budget", "328.67", "328.67", True),
        ("items", "预算执行率", "spent", "293.82", "293.82", True),
    ]
    code, entry = audited(cli, path)
    assert (code, entry["compared"], entry["findings"]) == (EXIT_OK, 4, [])


def test_one_finding_per_amount_that_disagrees(cli, write):
    """A total 全年预算数 of 330 over items adding up to 328.67 is one finding; the spent agree."""
    path = write(
        block(
            "    budget: 330\n"
            "    spent: 293.82\n"
            "    reported_rate: 89.40\n"
            "    items:\n"
            "      - {name: 当年财政拨款, budget: 278.67, spent: 250}\n"
            "      - {name: 上年结转资金, budget: 50, spent: 43.82}\n"
        )
    )
    code, entry = audited(cli, path)
    assert code == EXIT_DISAGREE
    assert findings(entry) == [
        # the printed 执行率 89.40 against 293.82 ÷ 330 = 0.890363… → 89.04
        ("reported", "预算执行率", "execution_rate", "89.4", "89.04"),
        ("items", "预算执行率", "budget", "330", "328.67"),  # 278.67 + 50
    ]


# 贵池 2022: the 年度资金总额 row printed as zeros beside filled 其中 rows.
ZERO_FILLED = block(
    "    budget_initial: 0\n"
    "    budget: 0\n"
    "    spent: 0\n"
    "    items:\n"
    "      - {name: 当年财政拨款, budget_initial: 250, budget: 278.67, spent: 250}\n"
    "      - {name: 上年结转资金, budget_initial: 50, budget: 50, spent: 43.82}\n"
)


def test_a_zero_filled_total_is_scored_from_its_items(cli, write):
    """A zero-filled total row is scored from its items' sums (328.67, 293.82): 8.94, said so."""
    leaf = node(exported(cli, write(ZERO_FILLED)), "预算执行率")
    assert leaf["score"] == D("8.94")  # as FULL: 10 × 293.82 ÷ 328.67
    assert leaf["explain"] == (
        "年度资金总额行的预算数为 0，按其中各行合计计算："
        "执行数 293.82 ÷ 预算数 328.67 = 89.40%，89.40% × 10 = 8.94"
        # and the rate against the items' 年初预算数 (250 + 50): 293.82 ÷ 300 = 97.94%
        "（对年初预算数 300 的执行率为 97.94%）"
    )
    assert leaf["from_items"] is True


def test_a_zero_filled_total_is_a_finding(cli, write):
    """Each zero-filled amount of the total row is a finding against the items' sum: exit 3."""
    code, entry = audited(cli, write(ZERO_FILLED))
    assert code == EXIT_DISAGREE
    assert findings(entry) == [
        ("items", "预算执行率", "budget_initial", "0", "300"),  # 250 + 50
        ("items", "预算执行率", "budget", "0", "328.67"),  # 278.67 + 50
        ("items", "预算执行率", "spent", "0", "293.82"),  # 250 + 43.82
    ]


def test_a_zero_filled_total_exports_its_amounts_as_written(cli, write):
    """docs/format.md §2: execution exports budget and spent as written (0), from_items saying what was scored."""
    leaf = node(exported(cli, write(ZERO_FILLED)), "预算执行率")
    assert (leaf["budget"], leaf["spent"]) == ("0", "0")


@pytest.mark.parametrize("printed", ["89.40%", "89.40", "89.4"])
def test_the_printed_execution_rate_in_either_form(cli, write, printed):
    """reported_rate on a budget row is the printed 执行率, as '89.40%' or 89.40: it agrees."""
    path = write(block(f"    budget: 328.67\n    spent: 293.82\n    reported_rate: {printed}\n"))
    assert checks(exported(cli, path)) == [
        ("reported", "预算执行率", "execution_rate", "89.4", "89.4", True)
    ]


def test_a_budget_row_printed_without_points(cli, write):
    """points: 0 on an execution row: shown with its rate, scoring nothing; the base is the other rows."""
    path = write(
        "perfscore: 1\nproject: {name: 不计分的预算行}\npoints: 10\nindicators:\n"
        "  - {name: 预算执行率, points: 0, rule: execution, budget: 200, spent: 150, reported_rate: 75%}\n"
        "  - {name: 产出, points: 10, score: 9}\n"
    )
    export = exported(cli, path)
    leaf = node(export, "预算执行率")
    # 150 ÷ 200 = 75.00%; 0 points → 0
    assert (leaf["points"], leaf["score"]) == (0, 0)
    assert leaf["explain"] == "执行数 150 ÷ 预算数 200 = 75.00%；本行不计分（分值 0）"
    assert (export["points"], export["score"], export["grade"]) == (10, 9, "优")  # 9 of 10 = 90%
    assert checks(export) == [("reported", "预算执行率", "execution_rate", "75", "75", True)]
    assert "│ 预算执行率 │    0 │ 0.00 │      — │" in cli("evaluate", path).stdout


@pytest.mark.parametrize(
    "leaf, line",
    [
        ("  - {name: 产出, points: 0, score: 0}\n  - {name: 效益, points: 10, score: 9}\n", 5),
        (
            "  - name: 产出\n    points: 0\n    children:\n      - {name: 效益, points: 10, score: 9}\n",
            6,
        ),
    ],
)
def test_zero_points_elsewhere_are_refused(cli, write, leaf, line):
    """points: 0 on a judged leaf or on a parent is refused at the points."""
    path = write("perfscore: 1\nproject: {name: 零分值}\npoints: 10\nindicators:\n" + leaf)
    refused(cli("validate", path), path, line, "产出", "分值必须大于 0，而不是 0")


@pytest.mark.parametrize(
    "spent, score, explain",
    [
        ("15万元", 10, "执行数 15万元 ÷ 预算数 15万元 = 100.00%，得满分 10"),
        # 16 ÷ 15 = 1.0666… → 106.67%, capped at 10
        ("16万元", 10, "执行数 16万元 ÷ 预算数 15万元 = 106.67%，超过 100% 按满分 10 计"),
        # 12 ÷ 15 = 80.00%, 10 × 0.8 = 8
        ("12万元", 8, "执行数 12万元 ÷ 预算数 15万元 = 80.00%，80.00% × 10 = 8"),
    ],
)
def test_execution_explain_lines_tell_the_truth(cli, write, spent, score, explain):
    """At exactly 100% the line says full points, never 超过 100%; above it, the cap."""
    leaf = node(
        exported(cli, write(block(f"    budget: 15万元\n    spent: {spent}\n"))), "预算执行率"
    )
    assert (leaf["score"], leaf["explain"]) == (score, explain)


def test_items_in_another_money_unit(cli, write):
    """Items in 元 under a total in 万元 convert exactly: 120000元 + 30000元 = 15万元."""
    path = write(
        block(
            "    budget: 15万元\n    spent: 15万元\n    items:\n"
            "      - {name: 当年财政拨款, budget: 120000元, spent: 120000元}\n"
            "      - {name: 其他资金, budget: 30000元, spent: 30000元}\n"
        )
    )
    code, entry = audited(cli, path)
    assert (code, entry["compared"], entry["findings"]) == (EXIT_OK, 2, [])


def test_an_item_without_amounts_is_refused(cli, write):
    """An items entry needs a name and at least one amount: refused at its line."""
    path = write(block("    budget: 15\n    spent: 15\n    items:\n      - {name: 当年财政拨款}\n"))
    refused(
        cli("validate", path),
        path,
        11,
        "预算执行率",
        "items 的每一项须有 name（如 当年财政拨款），及 budget_initial、budget、spent 中的一个或多个",
    )


def test_a_zero_total_without_items_is_refused(cli, write):
    """A budget of 0 and no items to score from: the rate is undefined."""
    path = write(block("    budget: 0\n    spent: 0\n"))
    refused(cli("validate", path), path, 8, "预算执行率", "预算数 budget 为 0，无法计算执行率")
