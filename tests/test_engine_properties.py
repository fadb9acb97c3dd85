"""Properties over generated evaluation files and rules (issue 4), with hypothesis.

Trees are generated as YAML text and go through the whole path (load → check
→ score → export), so the properties hold for what users actually run.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfscore.engine import grade_for, score
from perfscore.errors import InputError
from perfscore.load import parse
from perfscore.model import DEFAULT_GRADES, Grade
from perfscore.render.json_export import dumps, result_to_dict
from perfscore.rules.execution import score_execution
from perfscore.rules.targets import Labels, score_equal, score_positive, score_reverse
from perfscore.validation import build_evaluation

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LABELS = Labels("A", "B")


def decimals(low: int, high: int, places: int = 2):
    """Decimals from low to high with up to ``places`` decimals, as a file would write them."""
    scale = 10**places
    return st.integers(low * scale, high * scale).map(
        lambda n: Decimal(n).scaleb(-places).normalize()
    )


def text(value: Decimal) -> str:
    return format(value, "f")


# --- generated files ----------------------------------------------------------------


def points_at(precision: int):
    """Points with no more decimals than the file's precision.

    (With more, full marks round above the points: points 1.5 at precision 0
    scores 2. perfscore does not reject such files yet; reported to the lead.)
    """
    return decimals(1, 20, min(precision, 1))


@st.composite
def leaves(draw, name: str, precision: int) -> list[str]:
    """The YAML lines (at indent 0) of one leaf with one of the scoring forms."""
    points = draw(points_at(precision))
    lines = [f"- name: {json.dumps(name, ensure_ascii=False)}", f"  points: {text(points)}"]
    form = draw(st.sampled_from(["judged", "positive", "reverse", "equal", "execution", "words"]))
    if form == "judged":
        share = draw(st.integers(0, 100))
        lines.append(f"  score: {text((points * share / 100).quantize(Decimal('0.01')))}")
    elif form in ("positive", "reverse", "equal"):
        target = draw(decimals(0, 500))
        actual = draw(decimals(-5, 1000))
        op = {"positive": "≥", "reverse": "≤", "equal": ""}[form]
        lines += [f'  target: "{op}{text(target)}人次"', f'  actual: "{text(actual)}人次"']
    elif form == "execution":
        budget = draw(decimals(1, 1000))
        spent = draw(decimals(0, 1200))
        lines += [
            "  rule: execution",
            f"  budget: {text(budget)}万元",
            f"  spent: {text(spent)}万元",
        ]
    else:
        lines += ["  target: 及时", "  actual: 及时"]
    return lines


@st.composite
def nodes(draw, depth: int, prefix: str, precision: int) -> list[str]:
    """A list of sibling nodes (YAML lines at indent 0), each a leaf or a parent."""
    lines: list[str] = []
    for i in range(draw(st.integers(1, 3))):
        name = f"{prefix}{i + 1}"
        if depth > 1 and draw(st.booleans()):
            lines.append(f"- name: {name}")
            lines.append("  children:")
            lines += ["    " + line for line in draw(nodes(depth - 1, name + ".", precision))]
        else:
            lines += draw(leaves(name, precision))
    return lines


@st.composite
def files(draw) -> str:
    precision = draw(st.integers(0, 4))
    body = draw(nodes(3, "指标", precision))
    head = [
        "perfscore: 1",
        "project: {name: 生成的项目, year: 2023}",
        f"precision: {precision}",
        "indicators:",
    ]
    return with_base("\n".join(head + ["  " + line for line in body]) + "\n")


def with_base(text: str) -> str:
    """The file with its base stated (``points:``, the level-1 sum): a generated tree is out
    of whatever its points add up to, not 100 (docs/format.md §1a)."""

    def points(node) -> Decimal:
        if "children" in node:
            return sum((points(child) for child in node["children"]), Decimal(0))
        return node["points"]

    total = sum((points(node) for node in parse(text, "gen.yaml")["indicators"]), Decimal(0))
    return text + f"points: {total}\n"


def evaluate(text: str):
    return score(build_evaluation(parse(text, "gen.yaml"), "gen.yaml"))


def export(text: str) -> str:
    return dumps(result_to_dict(evaluate(text)))


# --- tree arithmetic ----------------------------------------------------------------


@FAST
@given(files())
def test_scores_within_points_and_parents_sum(text_):
    """0 ≤ score ≤ points at every node, and a parent's score and points are its children's sums."""
    result = evaluate(text_)
    for node in result.walk():
        assert 0 <= node.score <= node.node.points
        if node.children:
            assert node.score == sum(child.score for child in node.children)
            assert node.node.points == sum(child.node.points for child in node.children)
    assert result.score == sum(top.score for top in result.indicators)
    assert 0 <= result.score <= result.points


def test_identical_input_gives_identical_bytes_across_processes(tmp_path):
    """The same files scored in two fresh processes, with different hash seeds, export
    byte-identical JSON and reports (no set or dict order, no time, leaks into an output)."""
    import os
    import subprocess
    import sys

    from .conftest import EXAMPLES, ROOT

    generated = tmp_path / "generated"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "generate.py"),
            str(generated),
            "--count",
            "30",
            "--seed",
            "7",
            "--invalid",
            "0",
        ],
        check=True,
        capture_output=True,
    )
    files = sorted(str(path) for path in EXAMPLES.glob("*.yaml"))
    files += sorted(str(path) for path in generated.rglob("*.yaml"))
    assert len(files) >= 30
    script = (
        "import sys\n"
        "from perfscore.cli import app\n"
        "for args in (['evaluate', *sys.argv[1:], '--json', '-'],\n"
        "             ['summary', *sys.argv[1:], '--json', '-', '--jobs', '1'],\n"
        "             ['report', sys.argv[1], '-f', 'md'], ['report', sys.argv[1], '-f', 'html']):\n"
        "    app(args, standalone_mode=False)\n"
    )

    def run(seed: str) -> bytes:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script, *files], env=env, capture_output=True, check=True
        )
        assert done.stderr == b""
        return done.stdout

    first, second = run("1"), run("2")
    assert len(first) > 100_000
    assert first == second


@FAST
@given(files())
def test_export_fed_back_as_judged_scores_is_stable(text_):
    """load → export → load is stable: the exported leaf scores, given back as judged scores,
    reproduce every node's points, score and rate, the total and the grade."""
    first = json.loads(export(text_))
    precision = first["precision"]

    def judged(nodes_, indent: str) -> list[str]:
        lines = []
        for node in nodes_:
            lines.append(f"{indent}- name: {json.dumps(node['name'], ensure_ascii=False)}")
            if "children" in node:
                lines.append(f"{indent}  children:")
                lines += judged(node["children"], indent + "    ")
            else:
                lines += [
                    f"{indent}  points: {node['points']}",
                    f"{indent}  score: {node['score']}",
                ]
        return lines

    again = (
        "\n".join(
            [
                "perfscore: 1",
                "project: {name: 生成的项目, year: 2023}",
                f"precision: {precision}",
                "indicators:",
                *judged(first["indicators"], "  "),
                f"points: {first['points']}",
            ]
        )
        + "\n"
    )
    second = json.loads(export(again))

    def numbers(nodes_):
        for node in nodes_:
            yield node["path"], node["points"], node["score"], node["rate"]
            yield from numbers(node.get("children", ()))

    assert list(numbers(second["indicators"])) == list(numbers(first["indicators"]))
    for key in ("points", "score", "rate", "grade"):
        assert second[key] == first[key]


# --- rules ----------------------------------------------------------------------------

PAIRS = st.integers(0, 4).flatmap(
    lambda precision: st.tuples(
        decimals(0, 1000),
        decimals(-10, 3000),
        decimals(-10, 3000),
        points_at(precision),
        st.just(precision),
    )
)


def scores_at_low_and_high(rule, case):
    """(score at the smaller actual, score at the larger) of ``rule`` for one drawn case."""
    target, a, b, points, precision = case
    low, high = sorted((a, b))
    return (
        rule(target, low, points, precision, LABELS).score,
        rule(target, high, points, precision, LABELS).score,
    )


@FAST
@given(PAIRS)
def test_positive_never_decreases_as_the_actual_grows(case):
    """正向: a larger actual never scores less; every score lies in 0..points."""
    s_low, s_high = scores_at_low_and_high(score_positive, case)
    assert 0 <= s_low <= s_high <= case[3]


@FAST
@given(PAIRS)
def test_equal_never_decreases_above_a_zero_target(case):
    """等于 scores like 正向 for a target above 0 (rules.md §4); "= 0" is met only by 0 or less."""
    target, a, b, points, _ = case
    s_low, s_high = scores_at_low_and_high(score_equal, case)
    assert 0 <= s_low <= points and 0 <= s_high <= points
    if target > 0:
        assert s_low <= s_high
    else:
        assert s_high == (points if max(a, b) <= 0 else 0)


@FAST
@given(PAIRS)
def test_reverse_never_increases_as_the_actual_grows(case):
    """反向: a larger actual never scores more; every score lies in 0..points."""
    s_low, s_high = scores_at_low_and_high(score_reverse, case)
    assert case[3] >= s_low >= s_high >= 0


@FAST
@given(PAIRS.map(lambda case: (case[0] + 1, abs(case[1]), abs(case[2]), case[3], case[4])))
def test_execution_never_decreases_as_spending_grows(case):
    """预算执行率: more spent (of the same budget) never scores less, and never above points."""

    def execution(budget, spent, points, precision, _labels):
        return score_execution(budget, spent, points, precision)

    s_low, s_high = scores_at_low_and_high(execution, case)
    assert 0 <= s_low <= s_high <= case[3]


# --- grades -----------------------------------------------------------------------------


@st.composite
def grade_tables(draw) -> tuple[Grade, ...]:
    minimums = draw(st.sets(decimals(1, 100, 1), max_size=5))
    bands = [Grade(f"g{i}", m) for i, m in enumerate(sorted(minimums, reverse=True))]
    return (*bands, Grade("floor", Decimal(0)))


@FAST
@given(grade_tables(), decimals(0, 120), decimals(0, 120))
def test_grade_never_falls_as_the_total_rises(table, a, b):
    """A higher total never gets a lower grade (bands compared by their lower bound)."""
    low, high = sorted((a, b))
    rank = {grade.name: grade.min for grade in table}
    assert rank[grade_for(low, table)] <= rank[grade_for(high, table)]
    default_rank = {grade.name: grade.min for grade in DEFAULT_GRADES}
    assert (
        default_rank[grade_for(low, DEFAULT_GRADES)]
        <= default_rank[grade_for(high, DEFAULT_GRADES)]
    )


def test_points_finer_than_precision_are_refused():
    """Points 1.5 at precision 0 are refused: full marks would round to 2, above the points."""
    text_ = (
        "perfscore: 1\nproject: {name: 例}\nprecision: 0\nindicators:\n"
        "  - {name: 甲, points: 1.5, target: 及时, actual: 及时}\npoints: 1.5\n"
    )
    with pytest.raises(InputError) as caught:
        evaluate(text_)
    (problem,) = caught.value.problems
    assert (problem.line, problem.path) == (5, "甲")
    assert problem.message == (
        "分值 1.5 的小数位多于 precision（0 位）：满分会被舍入成 2；请提高 precision 或调整分值"
    )
