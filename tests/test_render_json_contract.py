"""The JSON export of format.md §2: its keys are a contract (extend, never rename)."""

from __future__ import annotations

import json

import pytest

from .conftest import EXAMPLES

# format.md §2 names these; they may never disappear or change meaning.
CONTRACT_TOP = {"perfscore", "project", "points", "score", "rate", "grade", "indicators", "checks"}
CONTRACT_NODE = {"name", "path", "points", "score", "rate"}
CONTRACT_LEAF = CONTRACT_NODE | {"rule", "explain"}
CONTRACT_CHECK = {"path", "reported", "computed", "ok"}


@pytest.fixture(scope="module")
def export():
    from typer.testing import CliRunner

    from perfscore.cli import app

    result = CliRunner().invoke(
        app, ["evaluate", str(EXAMPLES / "yirenyidang-2023.yaml"), "--json", "-"]
    )
    assert result.exit_code == 0
    return result.stdout


def walk(nodes):
    for node in nodes:
        yield node
        yield from walk(node.get("children", []))


def test_only_json_on_stdout(export):
    """`--json -` writes the export and nothing else to standard output."""
    json.loads(export)
    assert export.lstrip().startswith("{")


def test_top_level_keys(export):
    """The contract's top-level keys are present, with the headline values."""
    data = json.loads(export)
    assert data.keys() >= CONTRACT_TOP
    assert data["perfscore"] == 1
    assert (data["points"], data["score"], data["rate"], data["grade"]) == (100, 78.49, 78.49, "中")
    assert data["project"]["name"] == "“一人一档、一企一档”建设项目"
    assert data["project"]["year"] == 2023


# The export's keys as they are today, in order: a rename or a removal fails here.
# Adding a key is allowed (format.md: extend, never rename) — add it to these lists.
TOP_KEYS = [
    "perfscore",
    "file",
    "project",
    "points",
    "score",
    "rate",
    "grade",
    "grades",
    "precision",
    "indicators",
    "checks",
    "partial",  # docs/format.md §1a: a total captured in part says so (and has no grade)
    "reported",  # the root's printed numbers, where the file gives them
    "reported_rate",
    "warnings",
    "lost_points",
    "next_grade",
]
PARENT_KEYS = ["name", "path", "points", "score", "rate", "reported", "reported_rate", "children"]
JUDGED_LEAF_KEYS = [
    "name",
    "path",
    "points",
    "score",
    "rate",
    "rule",
    "explain",
    "basis",
    "reported",
    "reported_rate",
]
TARGET_LEAF_KEYS = [
    "name",
    "path",
    "points",
    "score",
    "rate",
    "rule",
    "target",
    "actual",
    "explain",
    "basis",
    "reported",
    "reported_rate",
]
CHECK_KEYS = ["path", "of", "reported", "computed", "difference", "ok", "line", "kind"]
LOST_KEYS = ["rank", "path", "name", "group", "points", "score", "lost", "basis"]
NEXT_GRADE_KEYS = [
    "current",
    "top",
    "grade",
    "min",
    "needed",
    "gap",
    "reachable",
    "leaves",
    "any_one",
]


def test_keys_exactly(export):
    """The keys of the export, pinned exactly and in order, for each kind of object."""
    data = json.loads(export)
    assert list(data) == TOP_KEYS
    nodes = {node["path"]: node for node in walk(data["indicators"])}
    assert list(nodes["决策/绩效目标"]) == PARENT_KEYS
    assert list(nodes["决策/绩效目标/绩效指标明确性"]) == JUDGED_LEAF_KEYS
    assert list(nodes["产出/产出数量/系统培训完成率"]) == TARGET_LEAF_KEYS
    assert all(list(check) == CHECK_KEYS for check in data["checks"])
    assert all(list(lost) == LOST_KEYS for lost in data["lost_points"])
    assert list(data["next_grade"]) == NEXT_GRADE_KEYS


def test_node_keys(export):
    """Every node has name/path/points/score/rate; parents children; leaves rule/explain."""
    data = json.loads(export)
    nodes = list(walk(data["indicators"]))
    assert len(nodes) == 42
    for node in nodes:
        assert node.keys() >= CONTRACT_NODE, node["path"]
        if "children" in node:
            assert "rule" not in node
        else:
            assert node.keys() >= CONTRACT_LEAF, node["path"]
    training = next(n for n in nodes if n["path"] == "产出/产出数量/系统培训完成率")
    assert training["rule"] == "positive"
    assert (training["target"], training["actual"]) == ("≥30人次", "8人次")
    assert (training["points"], training["score"], training["rate"]) == (5, 1.33, 26.6)
    assert training["explain"] == "实际 8人次 ÷ 目标 30人次 × 5 = 1.33"


def test_checks(export):
    """`checks` lists every reported value, the root first with path ""."""
    data = json.loads(export)
    checks = data["checks"]
    assert all(check.keys() >= CONTRACT_CHECK for check in checks)
    assert checks[0]["path"] == "" and checks[0]["reported"] == 78.49 and checks[0]["ok"] is True
    assert all(check["ok"] for check in checks)


def test_numbers_are_exact_text(export):
    """Numbers are written from the decimals: no float artefacts in the text."""
    assert '"score": 78.49,' in export
    assert "0000000" not in export
    assert '"score": 22.33,' in export


def test_identical_runs_give_identical_bytes(export):
    """Scoring the same file twice gives byte-identical JSON."""
    from typer.testing import CliRunner

    from perfscore.cli import app

    again = CliRunner().invoke(
        app, ["evaluate", str(EXAMPLES / "yirenyidang-2023.yaml"), "--json", "-"]
    )
    assert again.stdout == export
