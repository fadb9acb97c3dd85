"""Realistic synthetic evaluation files, for benchmarks and fuzz-style tests.

    python bench/generate.py OUT_DIR --count 1000 --seed 1 [--invalid 0.02] [--leaves 20-80]

Two shapes, as published:

* 项目支出绩效自评表 (self-evaluation): 预算执行率 (``rule: execution``, 10 points),
  then 成本/产出/效益/满意度指标 → 二级 → 三级 leaves with 年度指标值 / 实际完成值;
* 绩效评价报告 (evaluation report): 决策/过程/产出/效益 → 二级 → 三级, most leaves
  judged with a 评分依据, the others by target and actual or a named rule.

Leaves use every rule the installed perfscore offers (judged with and without
level; positive / reverse / equal / qualitative met and unmet targets;
reverse-ratio; execution; and, when present, bands, deduction, experts,
survey), drawn in the published examples' mix (``PUBLISHED_MIX``: mostly judged
scores and targets, the other rules a few percent each). Valid files carry the published numbers (``reported`` on every node,
``reported_rate`` on level 1, ``reported_grade``), computed by perfscore
itself; a few carry a deliberate slip (one reported score off by 0.01 to 1), as
real tables do. A share of files (``--invalid``) carries one mistake each
(YAML syntax, duplicate key, points that do not add up, a score above its
points, an unknown key, a target without actual).

The output is deterministic for a given seed, count and options: file i is
generated from ``random.Random(f"{seed}:{i}")`` alone, so any slice of a large
set can be regenerated on its own.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import sys
from decimal import Decimal
from typing import Any

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "src"))

from perfscore.rules import RULES  # noqa: E402

DEPARTMENTS = [
    "枣庄市行政审批服务局",
    "枣庄市财政局",
    "枣庄市教育局",
    "枣庄市卫生健康委员会",
    "枣庄市农业农村局",
    "枣庄市交通运输局",
    "枣庄市民政局",
    "枣庄市生态环境局",
    "枣庄市住房和城乡建设局",
    "枣庄市文化和旅游局",
    "枣庄市人力资源和社会保障局",
    "枣庄市自然资源和规划局",
    "枣庄市水务局",
    "枣庄市市场监督管理局",
]
PROJECTS = [
    "机关运行费用",
    "市民中心运行保障费用",
    "物业租金费用",
    "信息化资金",
    "干部教育培训费",
    "下派补助",
    "农村公路养护资金",
    "义务教育薄弱环节改善",
    "基层医疗卫生机构补助",
    "城乡居民养老保险补助",
    "高标准农田建设",
    "污水处理设施运营",
    "老旧小区改造",
    "公共文化服务体系建设",
    "就业创业补贴",
    "不动产登记信息平台",
    "河道综合治理",
    "食品安全抽检经费",
    "“一人一档、一企一档”建设项目",
    "政务服务“一网通办”平台运维",
]
BASIS = [
    "项目立项符合国家和省市相关政策文件要求，与部门职责范围相符，属于公共财政支持的范围。",
    "项目按照规定的程序申请设立，审批文件、材料符合相关要求，事前已经过必要的可行性研究和专家论证。",
    "绩效目标与实际工作内容具有相关性，但部分指标未细化量化，可衡量性不足，扣分。",
    "预算编制经过科学论证，预算内容与项目内容匹配，但部分测算依据不够充分。",
    "资金分配依据充分，资金分配额度合理，与项目单位或地方实际相适应。",
    "资金到位及时，但年末仍有部分资金未支付，预算执行进度偏慢。",
    "资金使用符合国家财经法规和财务管理制度，未发现截留、挤占、挪用、虚列支出等情况。",
    "已制定相应的项目管理制度和财务管理制度，但制度执行中存在台账记录不完整的情况。",
    "项目实施过程中按要求开展了招标采购，合同签订规范，但验收资料归档不及时。",
    "通过问卷调查与现场访谈，服务对象对项目实施效果总体满意，个别群众反映办理时限偏长。",
    "项目实施后相关业务办理时间明显缩短，群众和企业办事便利度提升，社会效益明显。",
    "项目建立了长效运行维护机制，后续运维资金已纳入下年度预算，具备可持续性。",
]
L1_SELF = [
    ("成本指标", ["经济成本指标", "社会成本指标"]),
    ("产出指标", ["数量指标", "质量指标", "时效指标"]),
    ("效益指标", ["经济效益", "社会效益", "生态效益", "可持续影响"]),
    ("满意度指标", ["服务对象满意度指标"]),
]
L1_REPORT = [
    ("决策", 15, ["项目立项", "绩效目标", "资金投入"]),
    ("过程", 20, ["资金管理", "组织实施"]),
    ("产出", 35, ["产出数量", "产出质量", "产出时效", "产出成本"]),
    ("效益", 30, ["社会效益", "经济效益", "可持续影响", "满意度"]),
]
UNITS = ["人次", "人", "天", "个", "次", "项", "万元", "台", "公里", "户", "%", "件", "场"]
WORDS = [
    ("及时", "基本及时"),
    ("是", "否"),
    ("优", "良"),
    ("保障", "基本保障"),
    ("有效提升", "有所提升"),
    ("达标", "部分达标"),
]
OPTIONS = ["非常满意", "满意", "一般", "不满意"]
WEIGHTS = ["100%", "80%", "60%", "0%"]

INVALID_KINDS = (
    "yaml_syntax",
    "duplicate_key",
    "points_sum",
    "score_above",
    "unknown_key",
    "target_without_actual",
)


# ---------------------------------------------------------------- numbers


def d(text: Any) -> Decimal:
    return Decimal(str(text))


def split_points(total: Decimal, parts: int, rng: random.Random) -> list[Decimal]:
    """``parts`` positive amounts in steps of 0.5 that add up to ``total`` exactly."""
    units = int(total * 2)
    assert units >= parts, (total, parts)
    cuts = sorted(rng.sample(range(1, units), parts - 1)) if parts > 1 else []
    edges = [0, *cuts, units]
    return [Decimal(b - a) / 2 for a, b in itertools.pairwise(edges)]


def fmt(value: Decimal) -> str:
    return format(value.normalize(), "f")


# ---------------------------------------------------------------- leaves


# How often each kind of leaf appears, per 100 leaves: the mix of the published examples
# (examples/*.yaml and the seed documents: 48 leaves, of which judged 18, positive 9,
# qualitative 8, survey 5, equal 4, reverse 2, plus one budget row per self-evaluation),
# with every other rule kept in at a few percent so that each is exercised.
PUBLISHED_MIX = {
    "judged": 30,
    "judged_level": 8,
    "positive": 18,
    "reverse": 5,
    "equal": 8,
    "qualitative": 14,
    "qualitative_unmet": 4,
    "reverse-ratio": 2,
    "bands": 3,
    "deduction": 4,
    "experts": 2,
    "survey": 2,
}


def available_kinds() -> list[str]:
    """The kinds of leaf the installed perfscore can score, in PUBLISHED_MIX order."""
    named = ("reverse-ratio", "bands", "deduction", "experts", "survey")
    return [kind for kind in PUBLISHED_MIX if kind not in named or kind in RULES]


def pick_kind(kinds: list[str], rng: random.Random) -> str:
    """One kind of leaf, drawn with the published examples' frequencies."""
    return rng.choices(kinds, weights=[PUBLISHED_MIX[kind] for kind in kinds])[0]


def _judged(node: dict[str, Any], points: Decimal, kind: str, rng: random.Random) -> None:
    share = d(rng.choice(["1", "1", "1", "1", "0.9", "0.8", "0.75", "0.6", "0.5", "0.3"]))
    score = (points * share).quantize(d("0.01") if rng.random() < 0.3 else d("0.1"))
    node["score"] = score
    if kind == "judged_level":
        share = score / points
        node["level"] = (
            "达成" if share >= d("0.8") else "部分达成" if share >= d("0.6") else "未达成"
        )


def _quantitative(node: dict[str, Any], points: Decimal, kind: str, rng: random.Random) -> None:
    unit = rng.choice(UNITS)
    target = Decimal(rng.choice([5, 10, 12, 20, 30, 45, 50, 100, 120, 200, 365, 1000, 1500]))
    if unit == "%":
        target = Decimal(rng.choice([85, 90, 95, 98, 100]))
    factor = d(rng.choice(["0.6", "0.8", "0.9", "0.95", "1", "1", "1", "1.05", "1.2"]))
    actual = (target * factor).quantize(Decimal(1) if unit != "%" else d("0.01"))
    op = {
        "positive": rng.choice(["≥", "≥", ">="]),
        "reverse": rng.choice(["≤", "≤", "<="]),
        "reverse-ratio": "≤",
        "equal": rng.choice(["=", ""]),
    }[kind]
    space = " " if rng.random() < 0.3 else ""
    node["target"] = f"{op}{fmt(target)}{space}{unit}"
    node["actual"] = f"{fmt(actual)}{space}{unit}"
    if kind == "reverse-ratio":
        node["rule"] = "reverse-ratio"


def _qualitative(node: dict[str, Any], points: Decimal, kind: str, rng: random.Random) -> None:
    word = rng.choice(WORDS)[0]
    node["target"] = word
    node["actual"] = word


def _qualitative_unmet(
    node: dict[str, Any], points: Decimal, kind: str, rng: random.Random
) -> None:
    word, other = rng.choice(WORDS)
    node["target"] = word
    node["actual"] = other
    node["level"] = "部分达成"
    low = (points * d("0.6")).quantize(d("0.01"))
    node["score"] = max(low, (points * d("0.7")).quantize(d("0.5")))
    if node["score"] >= points * d("0.8"):
        node["score"] = low


def _bands(node: dict[str, Any], points: Decimal, kind: str, rng: random.Random) -> None:
    node["rule"] = "bands"
    node["value"] = f"{fmt(d(rng.randint(8000, 10000)) / 100)}%"
    node["bands"] = [
        {"min": "95%", "rate": "100%"},
        {"min": "90%", "rate": "80%"},
        {"min": "80%", "rate": "60%"},
        {"min": "0%", "rate": "0%"},
    ]


def _deduction(node: dict[str, Any], points: Decimal, kind: str, rng: random.Random) -> None:
    node["rule"] = "deduction"
    if rng.random() < 0.5:
        node["deductions"] = [
            {
                "reason": rng.choice(
                    [
                        "台账记录不完整",
                        "验收资料归档不及时",
                        "未按期报送绩效监控表",
                        "部分票据不规范",
                    ]
                ),
                "points": d(rng.choice(["0.5", "0.5", "1"])),
            }
            for _ in range(rng.randint(1, 2))
        ]
        total = sum(item["points"] for item in node["deductions"])
        if total > points:
            node["deductions"] = node["deductions"][:1]
            node["deductions"][0]["points"] = min(node["deductions"][0]["points"], points)
    else:
        node["value"] = f"{rng.randint(95, 106)}%"
        node["limit"] = "100%"
        node["per"] = d("0.5")
        node["reason"] = "在职人员控制率超过 100%"


def _experts(node: dict[str, Any], points: Decimal, kind: str, rng: random.Random) -> None:
    node["rule"] = "experts"
    steps = int(points * 2)
    node["scores"] = [
        Decimal(rng.randint(max(0, steps - 3), steps)) / 2 for _ in range(rng.randint(3, 5))
    ]
    node["method"] = rng.choice(["mean", "median", "trimmed"])


def _survey(node: dict[str, Any], points: Decimal, kind: str, rng: random.Random) -> None:
    node["rule"] = "survey"
    counts = [rng.randint(20, 200), rng.randint(5, 60), rng.randint(0, 15), rng.randint(0, 5)]
    node["answers"] = dict(zip(OPTIONS, counts, strict=True))
    node["weights"] = dict(zip(OPTIONS, WEIGHTS, strict=True))
    node["target"] = f"≥{rng.choice([85, 90, 95])}%"


# How a leaf of each kind is filled in (the rule mix of the published examples).
LEAF_KINDS = {
    "judged": _judged,
    "judged_level": _judged,
    "positive": _quantitative,
    "reverse": _quantitative,
    "equal": _quantitative,
    "reverse-ratio": _quantitative,
    "qualitative": _qualitative,
    "qualitative_unmet": _qualitative_unmet,
    "bands": _bands,
    "deduction": _deduction,
    "experts": _experts,
    "survey": _survey,
}


def leaf(name: str, points: Decimal, kind: str, rng: random.Random, with_basis: bool) -> dict:
    node: dict[str, Any] = {"name": name, "points": points}
    LEAF_KINDS[kind](node, points, kind, rng)
    if with_basis and (kind.startswith("judged") or rng.random() < 0.3):
        node["basis"] = rng.choice(BASIS) + (rng.choice(BASIS) if rng.random() < 0.4 else "")
    return node


def _group(
    names: list[str],
    leaves: int,
    points: Decimal,
    kinds: list[str],
    rng: random.Random,
    with_basis: bool,
    prefix: str,
) -> list[dict]:
    """Level-2 groups (from ``names``) holding ``leaves`` leaves worth ``points`` in all."""
    groups = min(len(names), leaves)
    sizes = [1] * groups
    for _ in range(leaves - groups):
        sizes[rng.randrange(groups)] += 1
    amounts = split_points(points, leaves, rng)
    out, index = [], 0
    for name, size in zip(names, sizes, strict=True):
        children = []
        for j in range(size):
            kind = pick_kind(kinds, rng)
            children.append(
                leaf(f"{prefix}{name[:2]}指标{j + 1}", amounts[index], kind, rng, with_basis)
            )
            index += 1
        out.append({"name": name, "children": children})
    return out


def evaluation(rng: random.Random, leaves: int) -> dict:
    kinds = available_kinds()
    project = {
        "name": rng.choice(PROJECTS),
        "department": rng.choice(DEPARTMENTS),
        "year": rng.choice([2022, 2023, 2024]),
    }
    doc: dict[str, Any] = {"perfscore": 1, "project": project}
    if rng.random() < 0.5:  # 自评表
        project["kind"] = "部门自评"
        budget = d(rng.randint(500, 50000)) / 100
        spent = (budget * d(rng.choice(["0.85", "0.9", "0.95", "0.98", "1"]))).quantize(d("0.01"))
        top = [
            {
                "name": "预算执行率",
                "points": Decimal(10),
                "rule": "execution",
                "budget": f"{fmt(budget)}万元",
                "spent": f"{fmt(spent)}万元",
            }
        ]
        rest = leaves - 1
        shares = [Decimal(20), Decimal(35), Decimal(25), Decimal(10)]
        counts = _spread(rest, [max(1, rest * s // 90) for s in (20, 35, 25, 10)], rng)
        for (l1, l2s), pts, n in zip(L1_SELF, shares, counts, strict=True):
            top.append({"name": l1, "children": _group(l2s, n, pts, kinds, rng, False, "")})
        doc["indicators"] = top
    else:  # 决策/过程/产出/效益
        project["kind"] = "财政评价"
        project["evaluator"] = "第三方评价机构"
        if rng.random() < 0.2:  # an older grade table
            doc["grades"] = [
                {"grade": "优", "min": 85},
                {"grade": "良", "min": 75},
                {"grade": "中", "min": 60},
                {"grade": "差", "min": 0},
            ]
        counts = _spread(leaves, [max(1, leaves * p // 100) for _, p, _ in L1_REPORT], rng)
        doc["indicators"] = [
            {
                "name": l1,
                "points": Decimal(p),
                "children": _group(l2s, n, Decimal(p), kinds, rng, True, ""),
            }
            for (l1, p, l2s), n in zip(L1_REPORT, counts, strict=True)
        ]
    return doc


def _spread(total: int, start: list[int], rng: random.Random) -> list[int]:
    counts = list(start)
    while sum(counts) < total:
        counts[rng.randrange(len(counts))] += 1
    while sum(counts) > total:
        i = rng.randrange(len(counts))
        if counts[i] > 1:
            counts[i] -= 1
    return counts


# ---------------------------------------------------------------- published numbers


def add_reported(doc: dict, rng: random.Random) -> None:
    """Fill in the published numbers from perfscore's own result (and maybe one slip)."""
    from perfscore.engine import score
    from perfscore.load import parse
    from perfscore.validation import build_evaluation

    result = score(build_evaluation(parse(to_yaml(doc), "generated.yaml"), "generated.yaml"))
    by_path = {r.node.path: r for r in result.walk()}
    doc["reported"] = result.score
    doc["reported_grade"] = result.grade

    def fill(nodes: list[dict], parent: str) -> None:
        for node in nodes:
            path = f"{parent}/{node['name']}" if parent else node["name"]
            node["reported"] = by_path[path].score
            if not parent:
                node["reported_rate"] = by_path[path].rate
            fill(node.get("children", []), path)

    fill(doc["indicators"], "")
    if rng.random() < 0.05:  # a slip, as in real tables
        victim = doc["indicators"][rng.randrange(len(doc["indicators"]))]
        victim["reported"] = victim["reported"] + d(rng.choice(["0.01", "0.5", "1"]))


# ---------------------------------------------------------------- YAML text

_PLAIN_BAD_START = tuple("!&*{}[]|>'\"%@`#,?:-")


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return fmt(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    risky = (
        not text
        or text.startswith(_PLAIN_BAD_START)
        or ": " in text
        or " #" in text
        or text != text.strip()
        or text.lower() in ("true", "false", "null", "~", "yes", "no")
        or (text[0].isdigit() and text.replace(".", "", 1).isdigit())
    )
    return json.dumps(text, ensure_ascii=False) if risky else text


def _emit(value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict):
                if all(not isinstance(v, (dict, list)) for v in item.values()) and len(item) <= 4:
                    inner = ", ".join(f"{k}: {scalar(v)}" for k, v in item.items())
                    out.append(f"{pad}{key}: {{{inner}}}\n")
                else:
                    out.append(f"{pad}{key}:\n")
                    _emit(item, indent + 2, out)
            elif isinstance(item, list):
                if all(not isinstance(v, (dict, list)) for v in item):
                    out.append(f"{pad}{key}: [{', '.join(scalar(v) for v in item)}]\n")
                else:
                    out.append(f"{pad}{key}:\n")
                    _emit(item, indent + 2, out)
            else:
                out.append(f"{pad}{key}: {scalar(item)}\n")
    else:  # a list of mappings
        for item in value:
            if all(not isinstance(v, (dict, list)) for v in item.values()) and len(item) <= 2:
                inner = ", ".join(f"{k}: {scalar(v)}" for k, v in item.items())
                out.append(f"{pad}- {{{inner}}}\n")
                continue
            lines: list[str] = []
            _emit(item, indent + 2, lines)
            lines[0] = pad + "- " + lines[0][indent + 2 :]
            out.extend(lines)


def to_yaml(doc: dict) -> str:
    out = ["# Synthetic evaluation (bench/generate.py)\n"]
    _emit(doc, 0, out)
    return "".join(out)


def break_file(text: str, doc: dict, rng: random.Random) -> tuple[str, str]:
    """One typical mistake, as text; returns (text, kind)."""
    kind = rng.choice(INVALID_KINDS)
    lines = text.splitlines(keepends=True)
    if kind == "yaml_syntax":
        i = rng.randrange(3, len(lines))
        lines.insert(i, "  - name: [未闭合\n")
    elif kind == "duplicate_key":
        i = next(i for i, line in enumerate(lines) if line.lstrip().startswith("points:"))
        lines.insert(i + 1, lines[i])
    elif kind == "points_sum":
        i = next(
            i
            for i, line in enumerate(lines)
            if line.lstrip().startswith("- name: ")
            and i + 1 < len(lines)
            and lines[i + 1].lstrip() == "children:\n"
        )
        lines.insert(i + 1, lines[i + 1].replace("children:", "points: 999"))
    elif kind == "score_above":
        i = next((i for i, line in enumerate(lines) if line.lstrip().startswith("score:")), None)
        if i is None:
            return break_file(text, doc, rng)
        lines[i] = lines[i].split("score:")[0] + "score: 999\n"
    elif kind == "unknown_key":
        i = next(i for i, line in enumerate(lines) if line.lstrip().startswith("points:"))
        lines.insert(i + 1, lines[i].split("points:")[0] + "socre: 1\n")
    elif kind == "target_without_actual":
        i = next((i for i, line in enumerate(lines) if line.lstrip().startswith("actual:")), None)
        if i is None:
            return break_file(text, doc, rng)
        del lines[i]
    return "".join(lines), kind


def generate_one(
    seed: int, index: int, leaves: tuple[int, int] = (20, 80), invalid: float = 0.02
) -> tuple[str, str]:
    """(YAML text, kind) of file ``index``; kind is "valid" or the mistake made."""
    rng = random.Random(f"{seed}:{index}")
    n = rng.randint(*leaves)
    doc = evaluation(rng, n)
    broken = rng.random() < invalid
    if not broken:
        add_reported(doc, rng)
    text = to_yaml(doc)
    if broken:
        return break_file(text, doc, rng)
    return text, "valid"


def tree_with_leaves(leaves: int, seed: int = 1) -> str:
    """One evaluation with ``leaves`` leaves (for the scaling benchmark)."""
    rng = random.Random(f"{seed}:big:{leaves}")
    kinds = available_kinds()
    groups = max(1, leaves // 50)
    top = []
    per_group = _spread(leaves, [1] * groups, rng)
    for g, count in enumerate(per_group):
        top.append(
            {
                "name": f"一级指标{g + 1}",
                "children": [
                    {
                        "name": "二级指标",
                        "children": [
                            leaf(
                                f"三级指标{j + 1}",
                                Decimal(1) + Decimal(j % 4),
                                pick_kind(kinds, rng),
                                rng,
                                True,
                            )
                            for j in range(count)
                        ],
                    }
                ],
            }
        )
    # Out of the sum of its points, stated (docs/format.md §1a: a base other than 100 is said).
    total = sum(leaf["points"] for group in top for leaf in group["children"][0]["children"])
    doc = {
        "perfscore": 1,
        "project": {"name": f"大型评价（{leaves} 个末级指标）"},
        "points": total,
        "indicators": top,
    }
    return to_yaml(doc)


def _write_range(args: tuple[str, int, int, int, tuple[int, int], float]) -> dict[str, int]:
    out, seed, start, stop, leaves, invalid = args
    kinds: dict[str, int] = {}
    for i in range(start, stop):
        text, kind = generate_one(seed, i, leaves, invalid)
        kinds[kind] = kinds.get(kind, 0) + 1
        sub = os.path.join(out, f"{i // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"eval-{i:06d}.yaml"), "w", encoding="utf-8") as handle:
            handle.write(text)
    return kinds


def generate(
    out: str,
    count: int,
    seed: int = 1,
    leaves: tuple[int, int] = (20, 80),
    invalid: float = 0.02,
    jobs: int = 1,
) -> dict[str, int]:
    """Write ``count`` files under ``out`` (1,000 per sub-folder); returns counts by kind."""
    os.makedirs(out, exist_ok=True)
    step = max(1, min(500, count // max(1, jobs * 4) or 1))
    tasks = [(out, seed, s, min(count, s + step), leaves, invalid) for s in range(0, count, step)]
    totals: dict[str, int] = {}
    if jobs > 1:
        from multiprocessing import get_context

        with get_context("fork").Pool(jobs) as pool:
            parts = pool.map(_write_range, tasks)
    else:
        parts = [_write_range(task) for task in tasks]
    for part in parts:
        for kind, n in part.items():
            totals[kind] = totals.get(kind, 0) + n
    return totals


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--invalid", type=float, default=0.02)
    parser.add_argument("--leaves", default="20-80", help="range of leaves per file, e.g. 20-80")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    low, _, high = args.leaves.partition("-")
    kinds = generate(
        args.out, args.count, args.seed, (int(low), int(high or low)), args.invalid, args.jobs
    )
    print(json.dumps({"files": args.count, "kinds": kinds}, ensure_ascii=False))


if __name__ == "__main__":
    main()
