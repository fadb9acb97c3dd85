"""发现的问题, drafted from the lost points: the section a report writes them in.

A report's 发现的问题 (seed 03, 五、发现的问题及原因分析) lists the problems by stage —
（一）决策阶段存在的问题, （二）过程…, （三）产出…, （四）效益… — each a numbered heading
and a paragraph. perfscore drafts it from what the file says, deterministically: one
problem per leaf that lost points, under its level-1 indicator (the stage), in the order
of the indicator tree's level-1 nodes; within a stage the leaf that lost most comes first
(ties in tree order, as the lost-points ranking). The heading is the leaf's name and its
lost points; the paragraph its 分值, 得分, 得分率 and the evaluator's ``basis`` (the finding),
word for word. A leaf without a basis says so, so that the draft shows what is missing.
No sentence is invented: the evaluator rewrites the headings into findings.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis import Analysis, LostPoint
from ..decimals import plain
from ..messages import Messages, language
from .labels import LABELS, one_line, rate_text

MESSAGES = Messages(
    {
        "prb_title": ("发现的问题", "Problems found"),
        "prb_stage": ("（{n}）{name}阶段存在的问题", "({n}) {name}: problems found"),
        "prb_area": ("（{n}）{name}方面存在的问题", "({n}) {name}: problems found"),
        "prb_heading": ("{i}.{name}（失 {lost} 分）", "{i}. {name} ({lost} points lost)"),
        "prb_figures": (
            "该指标分值 {points} 分，评价得分 {score} 分，得分率 {rate}。",
            "Points {points}, score {score}, rate {rate}.",
        ),
        "prb_text": ("{figures}{basis}", "{figures} {basis}"),
        "prb_no_basis": (
            "（文件未写评分依据 basis：请补充失分的原因。）",
            "(The file gives no basis: add why the points were lost.)",
        ),
        "prb_none": ("没有失分的指标，未发现扣分的问题。", "No indicator lost points."),
    },
    LABELS,
)
t = MESSAGES.t

# The stages of the national framework (决策、过程、产出、效益): a level-1 indicator so named
# (with or without 指标) heads "…阶段存在的问题"; any other "…方面存在的问题".
STAGES = ("决策", "过程", "产出", "效益")
_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Problem:
    heading: str
    text: str
    item: LostPoint


@dataclass(frozen=True)
class Section:
    heading: str
    group: str  # the level-1 indicator
    problems: tuple[Problem, ...]


def numeral(n: int) -> str:
    """一, 二 … 十 in Chinese (as reports number their parts), 1, 2 … in English."""
    return _NUMERALS[n - 1] if language() == "zh" and n <= len(_NUMERALS) else str(n)


def stage_heading(n: int, group: str) -> str:
    """（一）决策阶段存在的问题 for a stage; （五）满意度指标方面存在的问题 for any other group."""
    stage = group.removesuffix("指标")
    if stage in STAGES:
        return t("prb_stage", n=numeral(n), name=stage)
    return t("prb_area", n=numeral(n), name=group)


def draft(item: LostPoint, i: int) -> Problem:
    """One problem: the leaf's name and lost points, then its figures and basis."""
    figures = t(
        "prb_figures",
        points=plain(item.points),
        score=plain(item.score),
        rate=rate_text(item.leaf.rate),
    )
    basis = one_line(item.basis) if item.basis else t("prb_no_basis")
    heading = t("prb_heading", i=i, name=item.name, lost=plain(item.lost))
    return Problem(heading, t("prb_text", figures=figures, basis=basis), item)


def problem_sections(analysis: Analysis) -> list[Section]:
    """The problems by level-1 indicator, in tree order; stages without a loss are left out."""
    order = [top.node.name for top in analysis.result.indicators]
    groups: dict[str, list[LostPoint]] = {name: [] for name in order}
    for item in analysis.lost:  # most lost first
        groups.setdefault(item.group, []).append(item)
    sections: list[Section] = []
    for group, items in groups.items():
        if not items:
            continue
        problems = tuple(draft(item, i) for i, item in enumerate(items, start=1))
        sections.append(Section(stage_heading(len(sections) + 1, group), group, problems))
    return sections


def none_line() -> str:
    return t("prb_none")
