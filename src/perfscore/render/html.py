"""The HTML report: one self-contained page, no network, no JavaScript, printable on A4.

Header (project, total, grade), an inline SVG bar chart of the level-1 rates
(bars coloured by the grade band each rate falls in), the level-1 summary, the
tree table with merged cells (rowspan) as published reports lay it out, the
lost points and the next grade. A Content-Security-Policy forbids every
fetch, so the page cannot reach the network even if text in a file tried to.
The output is deterministic (no dates), so it can be kept and diffed.
"""

from __future__ import annotations

import os
from html import escape

from ..analysis import Analysis
from ..decimals import plain
from ..messages import Messages, language
from ..result import Result
from .explain import explain_lines, next_grade_lines
from .labels import (
    LABELS,
    base_line,
    inferred_line,
    level_label,
    one_line,
    points_cell,
    project_items,
    rate_cell,
    rate_text,
    rescale_line,
    result_line,
    score_cell,
    text_width,
    total_cell,
    total_rate,
)
from .tree import depth_of, tree_rows

MESSAGES = Messages(
    {
        "rpt_html_points_of": ("满分 {points}", "of {points}"),
        "rpt_html_rate": ("得分率 {rate}", "rate {rate}"),
        "rpt_html_bar_label": ("{rate}（{score}/{points}）", "{rate} ({score}/{points})"),
        "rpt_html_footer": (
            "由 perfscore 根据 {file} 计算生成",
            "Computed by perfscore from {file}",
        ),
        "rpt_html_chart_desc": (
            "各一级指标得分率条形图，颜色表示所处等级区间",
            "Bar chart of each level-1 indicator's rate, coloured by grade band",
        ),
    },
    LABELS,
)
t = MESSAGES.t

# Nothing may be fetched: styles are inline, images (none today) could only be data: URIs.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

# Colours of the grade bands, best first (a table with more bands reuses the last).
BAND_COLOURS = ("#2e7d32", "#1565c0", "#ef8f00", "#c62828", "#6d4c41")

CSS = """
@page { size: A4; margin: 14mm 12mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       "WenQuanYi Micro Hei", "SimSun", sans-serif; color: #1f2933; margin: 0; background: #fff;
       font-size: 13px; line-height: 1.5; }
main { max-width: 186mm; margin: 0 auto; padding: 18px 0 24px; }
header { border-bottom: 3px solid #1f3a5f; padding-bottom: 12px; margin-bottom: 16px;
         display: flex; justify-content: space-between; align-items: flex-end; gap: 16px; }
h1 { font-size: 21px; margin: 0 0 6px; color: #1f3a5f; }
h2 { font-size: 15px; margin: 22px 0 8px; padding-left: 8px; border-left: 4px solid #1f3a5f;
     color: #1f3a5f; break-after: avoid; }
.meta { margin: 0; padding: 0; list-style: none; color: #52606d; font-size: 12px; }
.meta li { display: inline; margin-right: 14px; }
.score { text-align: right; white-space: nowrap; }
.score .total { font-size: 34px; font-weight: 700; color: #1f3a5f; line-height: 1.1; }
.score .of { color: #52606d; font-size: 12px; }
.grade { display: inline-block; margin-left: 10px; padding: 2px 12px; border-radius: 4px;
         color: #fff; font-size: 20px; font-weight: 700; vertical-align: 6px; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; font-size: 12px; }
th, td { border: 1px solid #9aa5b1; padding: 4px 6px; vertical-align: middle; }
th { background: #e4ebf5; font-weight: 700; text-align: center; white-space: nowrap; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.c { text-align: center; }
td.x { font-size: 11px; color: #3e4c59; }
.sub { display: block; font-weight: 400; color: #52606d; font-size: 11px; }
tr.total td { font-weight: 700; background: #f0f4f8; }
.level1 { font-weight: 700; text-align: center; }
td.level1 { min-width: 5em; }
td.parent { min-width: 6.5em; }
.lost td:nth-child(2) { min-width: 8em; }
.lost td.l { color: #c62828; font-weight: 700; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.next { border: 1px solid #9aa5b1; border-left: 4px solid #ef8f00; padding: 8px 12px;
        background: #fffaf0; }
.next p { margin: 4px 0; }
figure { margin: 0; }
.note { color: #8d5a00; font-size: 12px; margin: 4px 0; }
figcaption { font-size: 11px; color: #52606d; }
footer { margin-top: 20px; font-size: 11px; color: #7b8794; border-top: 1px solid #d9e2ec;
         padding-top: 6px; }
@media print { main { max-width: none; padding: 0; } h2 { margin-top: 14px; } }
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def band_colour(result: Result, rate) -> str:
    """The colour of the grade band a rate (percent) falls in, on the file's grade table."""
    for index, grade in enumerate(result.evaluation.grades):
        if rate >= grade.min:
            return BAND_COLOURS[min(index, len(BAND_COLOURS) - 1)]
    return BAND_COLOURS[-1]


def chart_svg(result: Result) -> str:
    """Horizontal bars of the level-1 rates, 0–100%, with the value at each bar's end."""
    tops = result.indicators
    label_w = max([text_width(top.node.name) for top in tops] + [4]) * 7 + 16
    value_w, bar_h, gap, top_pad = 150, 20, 12, 22
    width = 680
    plot_w = width - label_w - value_w
    height = top_pad + len(tops) * (bar_h + gap) + 6
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" aria-label="{_e(t("rpt_html_chart_desc"))}" '
        'font-family="inherit" font-size="13">'
    )
    parts = [svg, f"<title>{_e(t('rpt_chart_title'))}</title>"]
    for tick in range(0, 101, 20):
        x = label_w + plot_w * tick / 100
        parts.append(
            f'<line x1="{x:.1f}" y1="{top_pad - 6}" x2="{x:.1f}" y2="{height - 6}" '
            'stroke="#d9e2ec" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{top_pad - 10}" text-anchor="middle" fill="#7b8794" '
            f'font-size="10">{tick}%</text>'
        )
    for index, top in enumerate(tops):
        y = top_pad + index * (bar_h + gap)
        rate = min(max(float(top.rate), 0.0), 100.0)
        bar = plot_w * rate / 100
        colour = band_colour(result, top.rate)
        parts.append(
            f'<text x="{label_w - 10}" y="{y + bar_h * 0.72:.1f}" text-anchor="end" '
            f'fill="#1f2933">{_e(top.node.name)}</text>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{plot_w:.1f}" height="{bar_h}" fill="#f0f4f8"/>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{bar:.1f}" height="{bar_h}" fill="{colour}"/>'
        )
        label = t(
            "rpt_html_bar_label",
            rate=rate_text(top.rate),
            score=plain(top.score),
            points=plain(top.node.points),
        )
        parts.append(
            f'<text x="{label_w + plot_w + 8}" y="{y + bar_h * 0.72:.1f}" '
            f'fill="#1f2933">{_e(label)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _td(text: object, cls: str = "", **spans: int) -> str:
    """One table cell; ``spans`` are rowspan/colspan (written only when above 1)."""
    attrs = f' class="{cls}"' if cls else ""
    attrs += "".join(f' {name}="{value}"' for name, value in spans.items() if value > 1)
    return f"<td{attrs}>{text}</td>"


def _table(cls: str, header: list[str], rows: list[str]) -> str:
    head = "".join(f"<th>{_e(label)}</th>" for label in header)
    body = "\n".join(rows)
    return f'<table class="{cls}">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>'


def _total_row(result: Result, name_span: int, trailing: int) -> str:
    cells = [
        _td(_e(t("lbl_total_row")), "c", colspan=name_span),
        _td(plain(result.points), "n"),
        _td(total_cell(result), "n"),
        _td(total_rate(result), "n"),
    ]
    return f'<tr class="total">{"".join(cells)}{"<td></td>" * trailing}</tr>'


def summary_table(result: Result) -> str:
    """一级指标 | 指标分值 | 得分 | 得分率, with the 合计 row."""
    rows = [
        f"<tr>{_td(_e(top.node.name), 'level1')}{_td(_e(points_cell(top)), 'n')}"
        f"{_td(_e(score_cell(top)), 'n')}{_td(_e(rate_cell(top)), 'n')}</tr>"
        for top in result.indicators
    ]
    rows.append(_total_row(result, 1, 0))
    header = [t("lbl_level1"), t("lbl_points_l1"), t("lbl_score"), t("lbl_rate")]
    return _table("summary", header, rows)


def tree_table(result: Result) -> str:
    """一级指标 | 二级指标 | 三级指标 | 分值 | 得分 | 得分率 | 评分说明, parents merged (rowspan)."""
    depth = depth_of(result)
    header = [level_label(d) for d in range(1, depth + 1)]
    header += [t("lbl_points"), t("lbl_score"), t("lbl_rate"), t("lbl_explain")]
    rows = []
    for row in tree_rows(result):
        cells = []
        for node, span in zip(row.chain[:-1], row.spans[:-1], strict=True):
            if span:  # a parent: its name and score / points, merged over its leaves
                sub = f"{score_cell(node)} / {plain(node.node.points)}"
                text = f'{_e(node.node.name)}<span class="sub">{_e(sub)}</span>'
                cells.append(
                    _td(text, "level1" if node.node.depth == 1 else "parent", rowspan=span)
                )
        leaf = row.leaf
        explain = leaf.scored.explain if leaf.scored else " ".join(explain_lines(leaf))
        cells += [
            _td(_e(leaf.node.name), colspan=depth - leaf.node.depth + 1),
            _td(_e(points_cell(leaf)), "n"),
            _td(_e(score_cell(leaf)), "n"),
            _td(_e(rate_cell(leaf)), "n"),
            _td(_e(explain), "x"),
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    rows.append(_total_row(result, depth, 1))
    return _table("tree", header, rows)


def lost_table(analysis: Analysis) -> str:
    """失分情况: rank, leaf, level-1 group, points, score, lost, basis."""
    ranking = analysis.lost
    if not ranking:
        return f"<p>{_e(t('rpt_lost_none'))}</p>"
    rows = [
        f"<tr>{_td(item.rank, 'c')}{_td(_e(item.name))}{_td(_e(item.group), 'c')}"
        f"{_td(plain(item.points), 'n')}{_td(plain(item.score), 'n')}"
        f"{_td(plain(item.lost), 'n l')}{_td(_e(one_line(item.basis)), 'x')}</tr>"
        for item in ranking
    ]
    header = [
        t(key)
        for key in (
            "rpt_rank",
            "rpt_name",
            "rpt_group",
            "lbl_points",
            "lbl_score",
            "rpt_lost",
            "rpt_basis",
        )
    ]
    return _table("lost", header, rows)


def render_html(analysis: Analysis) -> str:
    """The report as one HTML document (UTF-8 text)."""
    result = analysis.result
    evaluation = result.evaluation
    precision = evaluation.precision
    title = t("rpt_title", name=evaluation.name)
    meta = "".join(
        f"<li>{_e(t('rpt_meta_item', label=label, value=value))}</li>"
        for label, value in project_items(result)
    )
    next_lines = "".join(
        f"<p>{_e(line)}</p>" for line in next_grade_lines(analysis.next_grade, result)
    )
    lang = "zh-CN" if language() == "zh" else "en"
    colour = band_colour(result, result.rate)
    notes = [base_line(result), rescale_line(result), inferred_line(result)]
    if result.partial:
        notes.insert(0, result_line(result))
    rescale = "".join(f'<p class="note">{_e(line)}</p>' for line in notes if line is not None)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="perfscore">
<title>{_e(title)}</title>
<style>{CSS}</style>
</head>
<body>
<main>
<header>
<div>
<h1>{_e(title)}</h1>
<ul class="meta">{meta}</ul>
</div>
<div class="score">
<span class="total">{_e(total_cell(result, precision))}</span>\
<span class="grade" style="background:{colour}">{_e(result.grade or "—")}</span>
<div class="of">{_e(t("rpt_html_points_of", points=plain(result.points)))} · \
{_e(t("rpt_html_rate", rate=total_rate(result)))}</div>
</div>
</header>
<section>
<h2>{_e(t("rpt_chart_title"))}</h2>
<figure>{chart_svg(result)}</figure>
</section>
<section>
<h2>{_e(t("lbl_summary_title"))}</h2>
{summary_table(result)}{rescale}
</section>
<section>
<h2>{_e(t("rpt_tree_title"))}</h2>
{tree_table(result)}
</section>
<section>
<h2>{_e(t("rpt_lost_title"))}</h2>
{lost_table(analysis)}
</section>
<section>
<h2>{_e(t("rpt_next_title"))}</h2>
<div class="next">{next_lines}</div>
</section>
<footer>{_e(t("rpt_html_footer", file=os.path.basename(evaluation.file)))}</footer>
</main>
</body>
</html>
"""
