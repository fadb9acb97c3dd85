"""The words a 自评表 prints, and what they mean: column headers and row labels.

Layouts are recognised by these words, never by where a fixture puts them. Headers are
compared after :func:`.cells.key` (no spaces, half-width brackets), and a bracketed
remark after a header word is ignored ("年度指标值（A）", "执行率（B/A）", "得分（20分*执行率）").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .cells import key

_BRACKETED = re.compile(r"\([^()]*\)")


@lru_cache(maxsize=8192)  # pure, and a sheet repeats its words: the layout asks often
def base(text: str) -> str:
    """A header word without its bracketed remarks and trailing colon."""
    return _BRACKETED.sub("", key(text)).rstrip(":")


# Indicator table columns (role → the header words that name it).
LEVELS = {"一级指标": 1, "二级指标": 2, "三级指标": 3, "三级指标名称": 3, "四级指标": 4}
INDICATOR_COLUMNS = {
    "target": {
        "年度指标值",
        "指标值",
        "年度目标值",
        "目标值",
        "预期指标值",
        "年度指标",
        "预期目标值",
    },
    "actual": {
        "实际完成值",
        "实际完成指标值",
        "指标实际完成值",
        "全年实际值",
        "实际值",
        "全年实际完成值",
        "实际完成情况值",
    },
    "operator": {"计算符号", "符号", "指标性质", "运算符号"},
    "unit": {"计量单位", "度量单位", "单位", "指标单位"},
    "points": {"分值", "指标分值", "分值权重", "指标分值权重", "权重", "指标权重", "满分"},
    "score": {"得分", "指标得分", "自评得分", "评分", "实际得分"},
    "rate": {"得分率"},
    "basis": {
        "偏差原因分析及改进措施",
        "偏差原因及改进措施",
        "评分依据",
        "扣分原因",
        "偏差原因分析",
    },
    "label": {"绩效指标", "年度绩效指标"},
}
# The words of a funding block's header (项目资金).
FUND_COLUMNS = {
    "budget_initial": {"年初预算数", "年初预算"},
    "budget": {"全年预算数", "预算数", "调整后预算数", "全年预算"},
    "spent": {"全年执行数", "执行数", "实际执行数", "全年执行"},
    "points": {"分值", "分值权重", "权重"},
    "rate": {"执行率", "预算执行率"},
    "score": {"得分"},
}
META = {
    "项目名称": "name",
    "主管部门": "department",
    "主管部门及代码": "department",
    "实施单位": "实施单位",
    "项目单位": "实施单位",
    "实施单位名称": "实施单位",
}
TOTAL_LABELS = {"总分", "合计", "总计", "自评总分", "得分合计", "总得分", "综合得分"}
GRADE_LABELS = {"等级", "自评等级", "评价等级", "绩效等级", "评价结果", "自评结果等级"}
NOT_APPLICABLE = {"不适用", "/"}
BLANKS = {"", "-", "—", "–", "－", "——", "/", "无"}
NOTE_STARTS = ("注:", "注1", "填表说明", "说明:", "备注:")
VIEW_WORDS = ({"一级指标", "指标分值"}, {"指标名称", "失分"})  # perfscore report's derived sheets


@lru_cache(maxsize=8192)
def indicator_role(text: str) -> tuple[str, int] | None:
    """("level", depth) or (role, 0) for an indicator header cell; None when unknown."""
    word = base(text)
    if word in LEVELS:
        return "level", LEVELS[word]
    for role, words in INDICATOR_COLUMNS.items():
        if word in words or (role == "basis" and word.startswith("偏差原因")):
            return role, 0
    return None


@lru_cache(maxsize=8192)
def fund_role(text: str) -> str | None:
    word = base(text)
    for role, words in FUND_COLUMNS.items():
        if word in words:
            return role
    if word.startswith("执行率"):
        return "rate"
    return None


def is_total(text: str) -> bool:
    return base(text) in TOTAL_LABELS


def is_grade(text: str) -> bool:
    return base(text) in GRADE_LABELS


def is_blank(text: str) -> bool:
    return key(text) in BLANKS


def is_title(text: str) -> bool:
    """A table's title: 项目支出绩效自评表, 绩效评价得分情况表 (not a 汇总表)."""
    word = key(text)
    return ("自评表" in word or "得分情况表" in word) and "汇总" not in word


def is_summary_title(text: str) -> bool:
    word = key(text)
    return "汇总表" in word or ("汇总" in word and "自评" in word)


_POINTS_SUFFIX = re.compile(r"^(.*?)[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]$")


def split_points(name: str) -> tuple[str, str | None]:
    """ "产出指标(50分)" → ("产出指标", "50"): a level label that prints its points."""
    match = _POINTS_SUFFIX.match(name)
    if not match or not match.group(1).strip():
        return name, None
    return match.group(1).strip(), match.group(2)


_YEAR = re.compile(r"(\d{4})\s*年度")
_UNIT = re.compile(r"单位\s*[:：]\s*(万元|元|亿元|千元)")
_UNIT_BRACKETED = re.compile(r"[(（]\s*(万元|元|亿元|千元)\s*[)）]")


def year_in(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def unit_in(text: str) -> str | None:
    match = _UNIT.search(text) or _UNIT_BRACKETED.search(text)
    return match.group(1) if match else None


def strip_item_label(text: str) -> str:
    """ "其中：当年财政拨款" → "当年财政拨款"; "年度资金总额：" → "年度资金总额"."""
    word = text.strip()
    for prefix in ("其中：", "其中:", "其中"):
        if word.startswith(prefix):
            word = word[len(prefix) :]
            break
    return word.strip().rstrip("：:").strip()


TITLE_SUFFIXES = ("项目支出绩效自评表", "绩效评价得分情况表", "绩效自评表", "得分情况表", "自评表")


def name_from_title(title: str) -> str | None:
    """The project a title names: "干部教育培训费绩效评价得分情况表" → "干部教育培训费"."""
    text = title.strip()
    for suffix in TITLE_SUFFIXES:
        if text.endswith(suffix):
            name = text[: -len(suffix)].strip(' “”"')
            return name or None
    return None
