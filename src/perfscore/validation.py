"""Loaded YAML values → the checked model, or every problem in the file.

This is where docs/format.md §1 is enforced: required and unknown keys, the tree's
arithmetic (a parent's points equal its children's), exactly one scoring form
per leaf, and each rule's own parameters (delegated to the rule's ``parse``).
The JSON Schema in ``schema/`` states the same contract for editors and other
tools; ``tests/test_schema.py`` keeps the two in step.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .decimals import plain, round_half_up
from .errors import InputError, Problem
from .fields import MESSAGES as FIELDS
from .fields import Fields
from .load import YList, YMap, load_yaml
from .messages import Messages, join
from .model import DEFAULT_GRADES, DEFAULT_PRECISION, MAX_PRECISION, Evaluation, Grade, Leaf, Node
from .names import name_key, name_problem, shown
from .rules import RULES, RuleSpec
from .weights import MESSAGES as WEIGHTS
from .weights import ROOT_POINTS, check_siblings, read_weight

MESSAGES = Messages(
    {
        "reported_grade_unknown": (
            "报告等级“{grade}”不在所用的等级表中（{known}）",
            "the reported grade '{grade}' is not in the grade table in use ({known})",
        ),
        "top_not_mapping": (
            "文件顶层必须是键值映射（perfscore: 1、project、indicators …）",
            "the top level must be a mapping (perfscore: 1, project, indicators …)",
        ),
        "bad_version": (
            "不支持的格式版本 {value}：本版本的 perfscore 只读 perfscore: 1",
            "unsupported format version {value}: this perfscore reads perfscore: 1",
        ),
        "node_not_mapping": (
            "指标必须是键值映射（name、points …）",
            "an indicator must be a mapping (name, points …)",
        ),
        "duplicate_name": (
            "同级指标名称“{name}”重复（第一次出现在第 {first} 行）",
            "sibling indicator name '{name}' repeats (first on line {first})",
        ),
        "name_has_slash": (
            "指标名称不能含“/”（路径分隔符）",
            "an indicator name must not contain '/' (the path separator)",
        ),
        "leaf_without_points": ("末级指标缺少分值 points", "a leaf indicator needs points"),
        "points_not_positive": (
            "分值必须大于 0，而不是 {value}",
            "points must be greater than 0, not {value}",
        ),
        "points_finer_than_precision": (
            "分值 {points} 的小数位多于 precision（{precision} 位）：满分会被舍入成 {rounded}；请提高 precision 或调整分值",
            "points {points} have more decimals than precision ({precision}): full marks would round to "
            "{rounded}; raise precision or adjust the points",
        ),
        "points_mismatch": (
            "分值 {points} 与下级指标分值之和 {total} 不符",
            "points {points} differ from the sum of the children's points {total}",
        ),
        "uncaptured_key": (
            "未能识别的部分（captured: false）只能带名称、分值、报告值与备注，不能带“{key}”",
            "a part not captured (captured: false) carries only its name, points, printed values and "
            "notes, not '{key}'",
        ),
        "base_mismatch": (
            "一级指标分值之和为 {total}，与满分 {base} 不符：满分不是 {base} 时请在顶层写明 points: {total}；"
            "照录原表时请写 reported_points（原表总分行的分值），以便核对",
            "the level-1 points add up to {total}, not the base {base}: if the evaluation is not out of "
            "{base}, state points: {total} at the top; to transcribe a sheet as printed, give its 总分 "
            "row's 分值 as reported_points, which is then audited",
        ),
        "total_mismatch": (
            "总分值 {points} 与一级指标分值之和 {total} 不符",
            "total points {points} differ from the sum of level-1 points {total}",
        ),
        "parent_has_scoring": (
            "有下级指标的指标不能带评分键“{key}”：它的得分是下级得分之和",
            "an indicator with children cannot carry the scoring key '{key}': its score is the sum of its children's",
        ),
        "no_scoring_form": (
            "末级指标没有评分方式：请给出 score（评价打分）、target 与 actual（目标值与实际值）或 rule 之一",
            "the leaf has no scoring form: give one of score, target with actual, or rule",
        ),
        "two_scoring_forms": (
            "末级指标给出了两种评分方式（{forms}），只能有一种",
            "the leaf gives two scoring forms ({forms}); exactly one is allowed",
        ),
        "unknown_rule": (
            "未知的评分规则“{rule}”（可用：{known}）",
            "unknown rule '{rule}' (known: {known})",
        ),
        "bad_precision": (
            "precision（小数位数）必须是 0 到 {limit} 之间的整数，而不是“{value}”",
            "precision must be a whole number from 0 to {limit}, not '{value}'",
        ),
        "grades_entry": (
            "grades 的每一项须为 {grade: 名称, min: 最低分}",
            "each grades entry must be {grade: name, min: lowest score}",
        ),
        "grades_duplicate": ("等级“{value}”重复", "grade '{value}' repeats"),
        "grades_duplicate_min": (
            "两个等级的最低分都是 {value}",
            "two grades share the lowest score {value}",
        ),
        "grades_no_floor": (
            "等级表须有一档最低分为 0（否则低分无等级）",
            "the grade table needs a band starting at 0 (else low totals have no grade)",
        ),
        "grades_negative": (
            "等级最低分不能为负：{value}",
            "a grade's lowest score must not be negative: {value}",
        ),
        "key_of_other_rule": (
            "键“{key}”属于规则 {rule}，须同时写明 rule（如 rule: {first}）",
            "key '{key}' belongs to rule {rule}; name the rule (e.g. rule: {first})",
        ),
    },
    FIELDS,
    WEIGHTS,
)
t = MESSAGES.t


_ZERO = Decimal(0)

TOP_KEYS = (
    "perfscore",
    "project",
    "grades",
    "precision",
    "points",
    "reported",
    "reported_rate",
    "reported_grade",
    "reported_points",
    "note",
    "indicators",
)
NODE_KEYS = (
    "name",
    "code",
    "points",
    "children",
    "reported",
    "reported_rate",
    "reported_points",
    "basis",
    "note",
    "inferred",
    "captured",
    "weight",
    "applicable",
)
# A part of the sheet that could not be read (captured: false) carries no children and no
# scoring form: only what the sheet shows of it (docs/format.md §1a).
UNCAPTURED_KEYS = (
    "name",
    "code",
    "captured",
    "points",
    "reported",
    "reported_rate",
    "reported_points",
    "basis",
    "note",
    "inferred",
)
# Keys that belong to some scoring form; on a parent they are a mistake.
SCORING_KEYS = frozenset({"rule"}).union(*(RULES.keys_of(name) for name in RULES))
# Rule names a file may write as `rule:` ("judged" and "target" are implicit forms).
NAMED_RULES = tuple(name for name in RULES if name not in ("judged", "target"))
# The keys a parent may have (in the order unknown-key hints try them), and as a set:
# a parent whose keys are all known and none a scoring key has nothing to report.
PARENT_KEYS = (*NODE_KEYS, *SCORING_KEYS)
_PARENT_KEYS = frozenset(NODE_KEYS)
_LEAF_KEYS: dict[str, tuple[tuple[str, ...], frozenset[str], frozenset[str]]] = {}


def _leaf_keys(spec: RuleSpec) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """The keys a leaf scored by ``spec`` may have (in hint order), and as a set; and the
    other rules' scoring keys, which it may not."""
    known = _LEAF_KEYS.get(spec.name)
    if known is None:
        keys = (*NODE_KEYS, "rule", *spec.keys)
        others = SCORING_KEYS - spec.keys - {"rule"}
        known = _LEAF_KEYS[spec.name] = (keys, frozenset(keys), others)
    return known


def load_evaluation(file: str) -> Evaluation:
    """Read, parse and check one evaluation file."""
    return build_evaluation(load_yaml(file), file)


def build_evaluation(raw: Any, file: str) -> Evaluation:
    """Check loaded values; raise :class:`InputError` listing every problem found."""
    problems: list[Problem] = []
    if not isinstance(raw, YMap):
        raise InputError(Problem(t("top_not_mapping"), file, getattr(raw, "line", 1)))
    top = Fields(raw, file, "", problems)
    top.reject_unknown(TOP_KEYS)

    version = top.number("perfscore", required=True)
    if version is not None and version != 1:
        top.problem("perfscore", t("bad_version", value=plain(version)))
    project = _project(top)
    precision = _precision(top)
    grades = _grades(top)
    stated = top.number("points", minimum=Decimal(0))
    reported = top.number("reported", minimum=Decimal(0))
    reported_rate = top.percent("reported_rate")
    reported_points = top.number("reported_points", minimum=Decimal(0))
    reported_grade = _reported_grade(top, grades)
    note = top.text("note") if top.has("note") else None
    items = top.sequence("indicators", required=True)
    # Level-1 weights share the root's points: the stated base, else the printed 总分 分值,
    # else 100 (docs/rules.md §2).
    shared = stated if stated is not None else reported_points or ROOT_POINTS
    indicators = _nodes(items, top, "", shared) if items is not None else ()
    if indicators and not problems and not any(n.applicable for n in indicators):
        top.problem("indicators", t("all_not_applicable"))
    base = shared
    if indicators and not problems:
        _points_within_precision(indicators, precision, file, problems)
        base = _base(top, indicators, stated, reported_points)
    if problems:
        raise InputError(problems)
    return Evaluation(
        file=file,
        project=project,
        indicators=indicators,
        points=base,
        precision=precision,
        grades=grades,
        reported=reported,
        reported_rate=reported_rate,
        line=raw.line,
        reported_points=reported_points,
        reported_grade=reported_grade,
        note=note,
        base_stated=stated is not None or reported_points is None,
    )


def _base(
    top: Fields,
    indicators: tuple[Node, ...],
    stated: Decimal | None,
    reported_points: Decimal | None,
) -> Decimal:
    """The evaluation's base (docs/format.md §1a): the stated points, which the level-1
    points must add up to; for a transcription (reported_points at the root) the level-1
    sum, the printed 总分 分值 being audited; else 100, which the level-1 points must make.

    A sheet captured in part cannot be summed: its base is the stated or printed one."""
    summed = sum((node.points for node in indicators), Decimal(0))
    known = all(node.points_known for node in indicators)
    if stated is not None:
        if known and stated != summed:
            top.problem("points", t("total_mismatch", points=plain(stated), total=plain(summed)))
        return stated
    if reported_points is not None:
        return summed if known else reported_points
    if known and summed != ROOT_POINTS:
        top.problem("indicators", t("base_mismatch", total=plain(summed), base=plain(ROOT_POINTS)))
    return ROOT_POINTS


def _points_within_precision(
    indicators: tuple[Node, ...], precision: int, file: str, problems: list[Problem]
) -> None:
    """A leaf's points must be writable at the file's precision.

    Otherwise full marks, rounded once to ``precision`` (docs/format.md), would differ
    from the points: 1.5 points at precision 0 would score 2. Weights can
    produce such points too (12.5% of 15 = 1.875 at precision 2).
    """
    stack = list(indicators)
    unit = 10**precision
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        if not (node.is_leaf and node.applicable):
            continue
        n, d = node.points.as_integer_ratio()
        if n * unit % d == 0:  # a whole number of 10^-precision: rounding leaves it as it is
            continue
        rounded = round_half_up(node.points, precision)
        if rounded != node.points:
            problems.append(
                Problem(
                    t(
                        "points_finer_than_precision",
                        points=plain(node.points),
                        precision=precision,
                        rounded=plain(rounded),
                    ),
                    file,
                    node.line,
                    node.path,
                )
            )
    problems.sort(key=lambda problem: problem.line or 0)


def _reported_grade(top: Fields, grades: tuple[Grade, ...]) -> str | None:
    """The published grade (optional; audited), which must be in the grade table in use."""
    name = top.text("reported_grade") if top.has("reported_grade") else None
    if name is None:
        return None
    if all(grade.name != name for grade in grades):
        known = join(grade.name for grade in grades)
        top.problem("reported_grade", t("reported_grade_unknown", grade=name, known=known))
    return name


def _project(top: Fields) -> dict[str, Any]:
    raw = top.mapping("project", required=True)
    if raw is None:
        return {}
    fields = top.child(raw)
    fields.text("name", required=True)
    project: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, (YMap, YList)):
            fields.problem(key, t("not_scalar", key=f"project.{key}"))
        elif value is None:  # a template's `department: ~` left unfilled would vanish from reports
            fields.problem(key, t("empty_text", key=f"project.{key}"))
        elif isinstance(value, Decimal) and fields.as_number(key, value) is None:
            continue  # out of range (1e400): every number a file gives is bounded
        else:
            project[key] = value
    return project


def _precision(top: Fields) -> int:
    if not top.has("precision"):
        return DEFAULT_PRECISION
    value = top.raw["precision"]
    ok = (
        isinstance(value, Decimal)
        and value == value.to_integral_value()
        and 0 <= value <= MAX_PRECISION
    )
    if not ok:
        top.problem("precision", t("bad_precision", value=value, limit=MAX_PRECISION))
        return DEFAULT_PRECISION
    return int(value)


def _grades(top: Fields) -> tuple[Grade, ...]:
    items = top.sequence("grades")
    if items is None:
        return DEFAULT_GRADES
    grades: list[Grade] = []
    before = len(top.problems)
    for item, line in zip(items, items.item_lines, strict=True):
        if not isinstance(item, YMap) or set(item) != {"grade", "min"}:
            top.problems.append(Problem(t("grades_entry"), top.file, line))
            continue
        fields = top.child(item)
        name = fields.text("grade")
        minimum = fields.number("min")
        if name is None or minimum is None:
            continue
        if minimum < 0:
            fields.problem("min", t("grades_negative", value=plain(minimum)))
        elif any(g.name == name for g in grades):
            fields.problem("grade", t("grades_duplicate", value=name))
        elif any(g.min == minimum for g in grades):
            fields.problem("min", t("grades_duplicate_min", value=plain(minimum)))
        else:
            grades.append(Grade(name, minimum))
    if len(top.problems) > before:
        return DEFAULT_GRADES
    if not any(g.min == 0 for g in grades):
        top.problem("grades", t("grades_no_floor"))
        return DEFAULT_GRADES
    return tuple(sorted(grades, key=lambda g: g.min, reverse=True))


def _nodes(
    items: YList,
    parent: Fields,
    parent_path: str,
    parent_points: Decimal | None,
    applicable: bool = True,
) -> tuple[Node, ...]:
    """The nodes of one list; ``parent_points`` converts their weights (None: not stated)."""
    nodes: list[Node] = []
    seen: dict[str, int] = {}
    before = len(parent.problems)
    for index, (item, line) in enumerate(zip(items, items.item_lines, strict=True)):
        if not isinstance(item, YMap):
            parent.problems.append(
                Problem(t("node_not_mapping"), parent.file, line, parent_path or None)
            )
            continue
        node = _node(item, parent, parent_path, index, seen, parent_points, applicable)
        if node is not None:
            nodes.append(node)
    check_siblings(
        items,
        tuple(nodes),
        parent,
        parent_path,
        parent_points,
        complete=len(parent.problems) == before,
    )
    return tuple(nodes)


def _node(
    raw: YMap,
    parent: Fields,
    parent_path: str,
    index: int,
    seen: dict[str, int],
    parent_points: Decimal | None = None,
    parent_applicable: bool = True,
) -> Node | None:
    problems = parent.problems
    before = len(problems)
    label, fields = _named(raw, parent, parent_path, index, seen)
    printed = _printed(fields)
    # (``key in raw`` where ``fields.has(key)`` would say the same: this runs for every node)
    if "captured" in raw and not fields.boolean("captured", True):
        return _uncaptured(raw, fields, label, printed, before)
    weight, points = _points(fields, parent_points)
    # 不适用指标 (docs/rules.md §2): everything below a node marked so is left out too.
    # (An unreadable value is reported and counts as false, so that a missing
    # scoring form is not reported on top of it.)
    applicable = (
        "applicable" not in raw or fields.boolean("applicable", False)
    ) and parent_applicable

    children: tuple[Node, ...] = ()
    leaf = None
    known = True
    if "children" in raw:
        children = _children(fields, points, applicable)
        if len(problems) == before:
            points, known = _parent_points(fields, points, children)
    else:
        if "points" not in raw and "weight" not in raw:
            fields.problem(None, t("leaf_without_points"))
        leaf = _leaf(fields, points, required=applicable)

    if len(problems) > before or points is None:
        return None
    code, basis, note, reported, reported_rate, reported_points, inferred = printed
    # Every field in Node's order, by position: 17 keyword arguments cost about twice
    # the node itself (one node is made per indicator of every file).
    return Node(
        label,  # name
        fields.path,  # path
        raw.line,  # line
        points,  # points
        children,  # children
        leaf,  # leaf
        code,  # code
        reported,  # reported
        reported_rate,  # reported_rate
        basis,  # basis
        applicable,  # applicable
        weight,  # weight
        reported_points,  # reported_points
        note,  # note
        inferred,  # inferred
        True,  # captured
        known,  # points_known
        any(child.partial for child in children),  # partial
    )


# What _printed reads, in its order (code, basis, note, reported, reported_rate,
# reported_points, inferred).
Printed = tuple[
    str | None, str | None, str | None, Decimal | None, Decimal | None, Decimal | None, bool
]
_NOTHING_PRINTED: Printed = (None, None, None, None, None, None, False)
_PRINTED_KEYS = frozenset(
    ("code", "basis", "note", "reported", "reported_rate", "reported_points", "inferred")
)


def _printed(fields: Fields) -> Printed:
    """What any node may carry beside its scoring: its code, the sheet's printed numbers and
    the transcriber's words (docs/format.md §1 and §1a). (Each key is read only where the
    node has it: a missing key reads as None, or False for ``inferred``.)"""
    raw = fields.raw
    if _PRINTED_KEYS.isdisjoint(raw):
        return _NOTHING_PRINTED
    return (
        fields.text("code", numbers=True) if "code" in raw else None,
        fields.text("basis") if "basis" in raw else None,
        fields.text("note") if "note" in raw else None,
        fields.number("reported", minimum=_ZERO) if "reported" in raw else None,
        fields.percent("reported_rate") if "reported_rate" in raw else None,
        fields.number("reported_points", minimum=_ZERO) if "reported_points" in raw else None,
        fields.boolean("inferred", False) if "inferred" in raw else False,
    )


def _uncaptured(
    raw: YMap, fields: Fields, label: str, printed: Printed, before: int
) -> Node | None:
    """A part of the sheet that could not be read: no children, no scoring form. Its points
    are the stated ones, else the printed ones, else unknown (docs/format.md §1a)."""
    for key in raw:
        if key not in UNCAPTURED_KEYS:
            fields.problem(key, t("uncaptured_key", key=key))
    code, basis, note, reported, reported_rate, reported_points, inferred = printed
    points = fields.number("points", minimum=Decimal(0))
    if points is None:
        points = reported_points
    if len(fields.problems) > before:
        return None
    return Node(
        name=label,
        path=fields.path,
        line=raw.line,
        points=points if points is not None else Decimal(0),
        captured=False,
        points_known=points is not None,
        partial=True,
        code=code,
        basis=basis,
        note=note,
        reported=reported,
        reported_rate=reported_rate,
        reported_points=reported_points,
        inferred=inferred,
    )


def _named(
    raw: YMap, parent: Fields, parent_path: str, index: int, seen: dict[str, int]
) -> tuple[str, Fields]:
    """The node's name (or "#n") and its fields at its path; the name checked (no "/",
    unique among siblings)."""
    fields = Fields(raw, parent.file, parent_path, parent.problems)
    name = fields.text("name", required=True)  # (a missing name is the parent path's problem)
    label = name if name is not None else f"#{index + 1}"
    fields.path = f"{parent_path}/{label}" if parent_path else label
    if name is not None:
        # Look-alikes are one name (names.py). name_problem refuses only characters that are
        # not printable (controls, bidi controls): a printable name needs no char-by-char look
        # (tests/test_validation.py checks the claim on every code point).
        key = name_key(name)
        refused = None if name.isprintable() else name_problem(name)
        if "/" in name or refused:
            fields.problem("name", refused or t("name_has_slash"))
        elif key in seen:
            fields.problem("name", t("duplicate_name", name=shown(name), first=seen[key]))
        else:
            seen[key] = fields.line("name")
    return label, fields


def _points(fields: Fields, parent_points: Decimal | None) -> tuple[Decimal | None, Decimal | None]:
    """(weight, points): the node's 分值, given or converted from its 权重. A budget row
    (rule: execution) the sheet prints without points may have 0 (docs/format.md §1a)."""
    points = fields.number("points")
    zero_allowed = fields.raw.get("rule") == "execution"
    if points is not None and (points < 0 or (points == 0 and not zero_allowed)):
        fields.problem("points", t("points_not_positive", value=plain(points)))
        points = None
    weight, weighted_points = read_weight(fields, parent_points)
    return weight, weighted_points if weight is not None else points


def _children(fields: Fields, points: Decimal | None, applicable: bool) -> tuple[Node, ...]:
    """A parent's children; a parent carries no scoring key."""
    if not fields.raw.keys() <= _PARENT_KEYS:  # (the common case: nothing to report)
        fields.reject_unknown(PARENT_KEYS)
        for key in fields.raw:
            if key in SCORING_KEYS:
                fields.problem(key, t("parent_has_scoring", key=key))
    items = fields.sequence("children")
    if items is None:
        return ()
    return _nodes(items, fields, fields.path, points, applicable)


def _parent_points(
    fields: Fields, points: Decimal | None, children: tuple[Node, ...]
) -> tuple[Decimal, bool]:
    """A parent's points, and whether they are known: its children's sum, which a stated
    ``points`` must equal. Over a part not captured whose points are unknown, the stated
    points stand (they cannot be checked) or the known children's sum, a lower bound."""
    summed = sum((child.points for child in children), Decimal(0))
    if not all(child.points_known for child in children):
        return (points, True) if points is not None else (summed, False)
    if points is not None and points != summed:
        fields.problem("points", t("points_mismatch", points=plain(points), total=plain(summed)))
    return summed, True


def _leaf(fields: Fields, points: Decimal | None, required: bool = True) -> Leaf | None:
    """Pick the leaf's one scoring form (docs/format.md §1) and parse its parameters.

    A leaf that is not applicable (``required`` False) may have none.
    """
    raw = fields.raw
    if "rule" in raw:
        name = fields.text("rule")
        if name is None:
            return None
        if name not in NAMED_RULES:
            fields.problem("rule", t("unknown_rule", rule=name, known=", ".join(NAMED_RULES)))
            return None
    elif "target" in raw or "actual" in raw:
        name = "target"
    elif "score" in raw or "level" in raw:
        name = "judged"
    else:
        stray = [key for key in raw if key in SCORING_KEYS]
        if stray:
            owners = [n for n in NAMED_RULES if stray[0] in RULES.keys_of(n)]
            fields.problem(
                stray[0],
                t("key_of_other_rule", key=stray[0], rule=" / ".join(owners), first=owners[0]),
            )
        elif not required:
            fields.reject_unknown(NODE_KEYS)
        else:
            fields.problem(None, t("no_scoring_form"))
        return None
    spec = RULES[name]
    allowed = _leaf_keys(spec)
    others = [key for key in raw if key in allowed[2]] if not allowed[2].isdisjoint(raw) else []
    if others:
        form = (
            f"rule: {name}" if "rule" in raw else ("target/actual" if name == "target" else "score")
        )
        fields.problem(others[0], t("two_scoring_forms", forms=f"{form} + {others[0]}"))
        return None
    if not raw.keys() <= allowed[1]:
        fields.reject_unknown(allowed[0])
    if points is None:
        return None
    params = spec.parse(fields, points)
    if params is None:
        return None
    return Leaf(name, params)
