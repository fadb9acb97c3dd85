"""The CSV export: one row per node, UTF-8 with a BOM so Excel on Windows reads Chinese.

Columns: path, level, name, points, score, rate, rule, target, actual, basis
(the issue's list, in that order), then explain, lost (分值 − 得分) and
lost_rank (the leaf's place in the lost-points ranking; empty for parents and
for leaves that lost nothing). A node marked not applicable (不适用) has empty
score, rate and lost cells. A sheet captured in part reads as every view reads
it (docs/format.md §1a): a part not captured scores 未录入, its points ? when not
known; a node above one scores ≥ its captured sum (a lower bound, so its points
too when a part below has none); their rate and lost are —. Headers follow ``--lang``. Numbers are written
exactly (13.5, 1.33; the rate as a number of percent, 90.00), so a
spreadsheet reads them as numbers. Rows end with CRLF, as Excel writes CSV.
Text that a spreadsheet would run as a formula (starting with = + - @) is
prefixed with an apostrophe, as OWASP advises against CSV injection
(:func:`.safety.csv_cell`). A node's 备注 and inferred points are said in its
explain cell, so the points column stays a number (docs/format.md §1a).
"""

from __future__ import annotations

import csv
import io

from ..analysis import Analysis
from ..decimals import fixed, plain
from ..result import NodeResult
from ..rules import rule_short
from .labels import (
    NO_FIGURE,
    applies,
    explain_cell,
    one_line,
    points_cell,
    rate_cell,
    score_cell,
    t,
)
from .safety import csv_cell

BOM = "\ufeff"

COLUMNS = (
    "rpt_path",
    "rpt_level",
    "rpt_name",
    "lbl_points",
    "lbl_score",
    "lbl_rate",
    "rpt_rule",
    "lbl_target",
    "lbl_actual",
    "rpt_basis",
    "lbl_explain",
    "rpt_lost",
    "rpt_lost_rank",
)


def render_csv(analysis: Analysis) -> str:
    """The CSV text, starting with the BOM."""
    result = analysis.result
    ranks = {item.path: item.rank for item in analysis.lost}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([t(key) for key in COLUMNS])
    for node_result in result.walk():
        node = node_result.node
        scored = node_result.scored
        details = scored.details if scored else {}
        writer.writerow(
            [
                csv_cell(node.path),
                node.depth,
                csv_cell(node.name),
                *_figures(node_result),
                rule_short(scored.rule) if scored else "",
                csv_cell(details.get("target", "")),
                csv_cell(details.get("actual", "")),
                csv_cell(one_line(node.basis)),
                csv_cell(_explain(node_result)),
                _lost(node_result),
                ranks.get(node.path, ""),
            ]
        )
    return BOM + buffer.getvalue()


def _figures(node: NodeResult) -> tuple[str, str, str]:
    """分值, 得分, 得分率 as numbers where they are known; otherwise the words every view
    uses (labels): points ? (or ≥ a lower bound), 得分 未录入 for a part not captured and ≥
    before a sum captured in part, 得分率 —. 不适用 leaves the score and rate empty."""
    points = plain(node.node.points) if node.node.points_known else points_cell(node)
    if not applies(node):
        return points, "", ""
    if not node.node.captured:
        return points, score_cell(node), NO_FIGURE
    if node.partial:
        return points, score_cell(node), rate_cell(node)
    return points, plain(node.score), fixed(node.rate, 2)


def _lost(node: NodeResult) -> str:
    """分值 − 得分; — where the score is not known or only a lower bound; 不适用: empty."""
    if not applies(node):
        return ""
    return plain(node.lost) if node.node.captured and not node.partial else NO_FIGURE


def _explain(node: NodeResult) -> str:
    """The 评分说明 cell; inferred points say so here, the 分值 column stays a number."""
    text = explain_cell(node)
    if not node.node.inferred:
        return text
    return t("rpt_list_sep").join(part for part in (t("x_inferred"), text) if part)
