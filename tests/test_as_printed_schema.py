"""Sheets as printed: the JSON Schema knows every key of docs/format.md §1a, and the exports carry them."""

from __future__ import annotations

import json
from decimal import Decimal as D

import jsonschema
import pytest
import yaml

from perfscore.errors import EXIT_INPUT, EXIT_OK

from .as_printed import exported, node, report_text

HEAD = "perfscore: 1\nproject: {name: 照表填写}\n"

# One file per new key (or form), each a file perfscore scores.
USING = {
    "reported_points and note at the root": HEAD
    + "reported_points: 100\nnote: 据县财政局网站公开的自评表抄录\nindicators:\n"
    "  - {name: 产出, points: 100, score: 90}\n",
    "reported_points, note and inferred on a node": HEAD
    + "indicators:\n  - name: 产出\n    reported_points: 100\n    inferred: true\n"
    "    note: 分值原表未印出\n    children:\n      - {name: 数量, points: 100, score: 90}\n",
    "captured: false with what the sheet shows": HEAD
    + "indicators:\n  - {name: 产出, captured: false, reported_points: 50, reported: 45, note: 缺页}\n"
    "  - {name: 效益, points: 50, score: 40}\n",
    "captured: false alone": HEAD
    + "indicators:\n  - {name: 产出, captured: false}\n  - {name: 效益, points: 50, score: 40}\n",
    "the budget block": HEAD
    + "points: 10\nindicators:\n  - name: 预算执行率\n    points: 10\n    rule: execution\n"
    "    budget_initial: 15万元\n    budget: 15万元\n    spent: 15万元\n    reported_rate: 100.00%\n"
    "    items:\n      - {name: 当年财政拨款, budget_initial: 15, budget: 15, spent: 15}\n"
    "      - {name: 其他资金, budget: 0}\n",
    "a budget row worth 0 points": HEAD
    + "points: 10\nindicators:\n  - {name: 预算执行率, points: 0, rule: execution, budget: 10, spent: 9}\n"
    "  - {name: 产出, points: 10, score: 9}\n",
    "rule: rate with its target": HEAD
    + "points: 20\nindicators:\n  - {name: 整编资料审核, points: 20, rule: rate, target: 98%, actual: 98%}\n",
    "rule: rate without a target": HEAD
    + "points: 20\nindicators:\n  - {name: 整编资料审核, points: 20, rule: rate, actual: 98%}\n",
    "bands with equals, max and points": HEAD
    + "points: 3\nindicators:\n  - name: 预算调整率\n    points: 3\n    rule: bands\n    value: 5%\n"
    "    bands:\n      - {equals: 0%, points: 3}\n      - {max: 10%, points: 2}\n"
    "      - {max: 20%, rate: 33%}\n",
    "deductions with per, count and cap": HEAD
    + "points: 4\nindicators:\n  - name: 申报\n    points: 4\n    rule: deduction\n    deductions:\n"
    "      - {reason: 缺项, per: 0.5, count: 3, cap: 1}\n      - {reason: 逾期, points: 1, cap: 2}\n",
}


@pytest.fixture(scope="module")
def validator():
    from typer.testing import CliRunner

    from perfscore.cli import app

    schema = json.loads(CliRunner().invoke(app, ["schema"]).stdout)
    return jsonschema.Draft202012Validator(schema)


def schema_errors(validator, text: str) -> list[str]:
    return [error.message for error in validator.iter_errors(yaml.safe_load(text))]


@pytest.mark.parametrize("text", USING.values(), ids=USING.keys())
def test_the_schema_accepts_every_new_key(validator, cli, write, text):
    """jsonschema validates a file using each key of §1a, as perfscore scores it."""
    assert cli("evaluate", write(text)).exit_code == EXIT_OK
    assert schema_errors(validator, text) == []


@pytest.mark.parametrize("text", USING.values(), ids=USING.keys())
def test_validate_accepts_every_new_key(cli, write, text):
    """perfscore validate (which applies the schema too) says OK to each of them."""
    path = write(text)
    result = cli("validate", path)
    assert (result.exit_code, result.stdout, result.stderr) == (EXIT_OK, f"{path}: OK\n", "")


WRONG = {
    "reported_point at the root": HEAD
    + "reported_point: 100\nindicators:\n  - {name: 产出, points: 100, score: 90}\n",
    "captrued on a node": HEAD + "indicators:\n  - {name: 产出, captrued: false, points: 100}\n",
    "captured as text": HEAD + "indicators:\n  - {name: 产出, captured: 否, points: 100}\n",
    "inferred as a number": HEAD
    + "indicators:\n  - {name: 产出, points: 100, score: 90, inferred: 1}\n",
    "note as a number": HEAD + "indicators:\n  - {name: 产出, points: 100, score: 90, note: 5}\n",
    "negative reported_points": HEAD
    + "indicators:\n  - {name: 产出, points: 100, score: 90, reported_points: -1}\n",
    "budget_intial": HEAD
    + "points: 10\nindicators:\n  - {name: 预算执行率, points: 10, rule: execution, budget: 10, "
    "spent: 9, budget_intial: 10}\n",
    "an item with an unknown amount": HEAD
    + "points: 10\nindicators:\n  - name: 预算执行率\n    points: 10\n    rule: execution\n"
    "    budget: 10\n    spent: 9\n    items:\n      - {name: 当年财政拨款, budgets: 10}\n",
    "an item with no amount": HEAD
    + "points: 10\nindicators:\n  - name: 预算执行率\n    points: 10\n    rule: execution\n"
    "    budget: 10\n    spent: 9\n    items:\n      - {name: 当年财政拨款}\n",
    "a band with two bounds": HEAD
    + "points: 3\nindicators:\n  - name: a\n    points: 3\n    rule: bands\n    value: 5%\n"
    "    bands:\n      - {min: 0%, max: 10%, points: 2}\n",
    "a count that is not whole": HEAD
    + "points: 4\nindicators:\n  - name: a\n    points: 4\n    rule: deduction\n    deductions:\n"
    "      - {reason: 缺项, per: 0.5, count: 1.5}\n",
    "a cap of 0": HEAD
    + "points: 4\nindicators:\n  - name: a\n    points: 4\n    rule: deduction\n    deductions:\n"
    "      - {reason: 缺项, points: 1, cap: 0}\n",
    "points: 0 outside a budget row": HEAD
    + "points: 10\nindicators:\n  - {name: a, points: 0, score: 0}\n  - {name: b, points: 10, score: 9}\n",
    "a scoring form on a part not captured": HEAD
    + "indicators:\n  - {name: 产出, captured: false, points: 50, score: 40}\n"
    "  - {name: 效益, points: 50, score: 40}\n",
    "children on a part not captured": HEAD
    + "indicators:\n  - {name: 产出, captured: false, children: [{name: 数量, points: 50, score: 40}]}\n"
    "  - {name: 效益, points: 50, score: 40}\n",
    "a printed rate without %": HEAD
    + "points: 10\nindicators:\n  - {name: a, points: 10, rule: execution, budget: 10, spent: 9, "
    "reported_rate: '90 percent'}\n",
}


@pytest.mark.parametrize("text", WRONG.values(), ids=WRONG.keys())
def test_the_schema_rejects_misspelled_and_ill_typed_keys(validator, cli, write, text):
    """What perfscore refuses, the schema refuses too (an editor underlines it)."""
    assert cli("validate", write(text)).exit_code == EXIT_INPUT
    assert schema_errors(validator, text) != []


def test_editors_can_complete_every_new_key(validator):
    """Each key of §1a is a property of the schema, with a description an editor shows."""
    schema = validator.schema
    top = schema["properties"]
    nodes = schema["$defs"]["node"]["properties"]
    for key in ("points", "reported_points", "reported_rate", "reported_grade", "note"):
        assert top[key].get("description"), key
    for key in (
        "reported_points",
        "reported_rate",
        "note",
        "inferred",
        "captured",
        "budget_initial",
        "budget",
        "spent",
        "items",
    ):
        assert nodes[key].get("description"), key
    assert "rate" in nodes["rule"]["enum"]
    assert set(nodes["items"]["items"]["properties"]) == {
        "name",
        "budget_initial",
        "budget",
        "spent",
    }
    assert {"min", "max", "equals", "rate", "points"} <= set(nodes["bands"]["items"]["properties"])
    assert {"reason", "points", "per", "count", "cap"} <= set(
        nodes["deductions"]["items"]["properties"]
    )


# -- the exports ---------------------------------------------------------------------------

# Every key of §1a in one file: a transcription (总分 分值 printed), a node with inferred
# points and a note, a part not captured, the budget block, rule: rate.
ALL_KEYS = """\
perfscore: 1
project: {name: 全部照录}
reported_points: 100
note: 据县财政局网站公开的自评表抄录
indicators:
  - name: 预算执行率
    points: 10
    rule: execution
    budget_initial: 10
    budget: 12
    spent: 9
    reported_rate: 75%
    items:
      - {name: 当年财政拨款, budget_initial: 10, budget: 12, spent: 9}
  - name: 产出
    points: 90
    inferred: true
    note: 分值原表未印出，按下级之和推定
    reported_points: 80
    children:
      - {name: 整编资料审核, points: 60, rule: rate, target: 98%, actual: 98%}
      - {name: 档案, captured: false, points: 30, reported: 25, note: 扫描件缺页}
"""


def test_the_json_export_carries_every_new_key(cli, write):
    """reported_points, note, inferred, captured, partial, the budget block and rule: rate, in the JSON."""
    export = exported(cli, write(ALL_KEYS))
    assert (export["reported_points"], export["note"]) == (100, "据县财政局网站公开的自评表抄录")
    assert (export["partial"], export["grade"], export["next_grade"]) == (True, None, None)
    budget = node(export, "预算执行率")
    # 9 ÷ 12 = 75.00% → 10 × 0.75 = 7.5; against 年初 10: 9 ÷ 10 = 90.00%
    assert (budget["score"], budget["execution_rate"], budget["initial_rate"]) == (
        D("7.5"),
        "75.00%",
        "90.00%",
    )
    assert budget["budget_initial"] == "10"
    assert budget["items"] == [
        {"name": "当年财政拨款", "budget_initial": 10, "budget": 12, "spent": 9}
    ]
    block = node(export, "产出")
    assert (block["inferred"], block["note"], block["reported_points"]) == (
        True,
        "分值原表未印出，按下级之和推定",
        80,
    )
    assert block["partial"] is True
    rate = node(export, "产出/整编资料审核")
    # 60 × 98% = 58.8
    assert (rate["rule"], rate["target"], rate["actual"], rate["score"]) == (
        "rate",
        "98%",
        "98%",
        D("58.8"),
    )
    part = node(export, "产出/档案")
    assert (part["captured"], part["reported"], part["note"]) == (False, 25, "扫描件缺页")


def test_printed_maxima_checks_in_the_json_export(cli, write):
    """The checks of printed 分值 appear in checks with kind and of."""
    export = exported(cli, write(ALL_KEYS))
    by_path = {(c["kind"], c["path"], c["of"]): c for c in export["checks"]}
    # the root: 100 printed; 10 + 90 = 100 known, the 档案 part states its 30 points
    assert by_path[("reported", "", "points")]["ok"] is True
    # 产出: 80 printed, 60 + 30 = 90 computed
    assert (
        by_path[("reported", "产出", "points")]["computed"],
        by_path[("reported", "产出", "points")]["ok"],
    ) == (
        90,
        False,
    )
    # 档案's printed 25 cannot be compared with anything computed
    assert by_path[("reported", "产出/档案", "score")]["ok"] is None


NOTED = """\
perfscore: 1
project: {name: 备注}
indicators:
  - name: 产出
    points: 60
    inferred: true
    children:
      - {name: 数量, points: 30, score: 30, note: 原表此格有涂改}
      - {name: 质量, points: 30, score: 28}
  - {name: 效益, points: 40, score: 40}
"""


@pytest.mark.parametrize("fmt", ["md", "csv", "html", "xlsx"])
def test_note_is_kept_in_every_report(cli, write, tmp_path, fmt):
    """A node's note is in the Markdown, CSV, HTML and XLSX reports, not only in the JSON."""
    assert "原表此格有涂改" in report_text(cli, write(NOTED), fmt, tmp_path)


@pytest.mark.parametrize("fmt", ["md", "csv", "html", "xlsx"])
def test_inferred_points_are_marked_in_every_report(cli, write, tmp_path, fmt):
    """Inferred points are marked in every report (the * of the terminal, or the sentence)."""
    text = report_text(cli, write(NOTED), fmt, tmp_path)
    assert "60*" in text or "分值为推定" in text
