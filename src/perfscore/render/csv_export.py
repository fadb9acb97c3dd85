"""The CSV export: one row per node, UTF-8 with a BOM so Excel on Windows reads Chinese.

Columns: path, level, name, points, score, rate, rule, target, actual, basis
(the issue's list, in that order), then explain, lost (分值 − 得分) and
lost_rank (the leaf's place in the lost-points ranking; empty for parents and
for leaves that lost nothing). A node marked not applicable (不适用) has empty
score, rate and lost cells. Headers follow ``--lang``. Numbers are written
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
from .labels import applies, explain_cell, one_line, t
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
        counted = applies(node_result) and node.captured  # no score, rate or loss
        exact = counted and not node_result.partial  # a sum captured in part is a lower bound
        writer.writerow(
            [
                csv_cell(node.path),
                node.depth,
                csv_cell(node.name),
                plain(node.points) if node.points_known else "",
                plain(node_result.score) if counted else "",
                fixed(node_result.rate, 2) if exact else "",
                rule_short(scored.rule) if scored else "",
                csv_cell(details.get("target", "")),
                csv_cell(details.get("actual", "")),
                csv_cell(one_line(node.basis)),
                csv_cell(_explain(node_result)),
                plain(node_result.lost) if exact else "",
                ranks.get(node.path, ""),
            ]
        )
    return BOM + buffer.getvalue()


def _explain(node: NodeResult) -> str:
    """The 评分说明 cell; inferred points say so here, the 分值 column stays a number."""
    text = explain_cell(node)
    if not node.node.inferred:
        return text
    return t("rpt_list_sep").join(part for part in (t("x_inferred"), text) if part)
