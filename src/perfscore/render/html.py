"""The HTML report: one self-contained page, no network, no JavaScript, printable on A4.

In the two layouts of :mod:`.layout`, drawn from the same grids as the Word document:

* 评价报告: header (project, total, grade), an inline SVG bar chart of the level-1 rates
  (bars coloured by the grade band each rate falls in), the level-1 summary and the grade
  table, the indicator system with merged cells (rowspan) as published reports lay it
  out, the lost points, the next grade and 发现的问题 by stage;
* 自评表: the form of seed 02 (project, 项目预算执行情况, 年度总体目标, the indicator table
  with 年度指标值 / 实际完成值 / 偏差原因, 总分) as one table, and the self-evaluation
  warnings.

Both end with every leaf's account (评分说明). A Content-Security-Policy forbids every
fetch, so the page cannot reach the network even if text in a file tried to; every text
passes through :func:`.safety.html_text`. The output is deterministic (no dates), so it
can be kept and diffed.
"""

from __future__ import annotations

import os

from ..analysis import Analysis
from ..decimals import plain
from ..messages import Messages, language
from ..result import NodeResult, Result
from .explain import explain_lines, next_grade_lines
from .grid import Cell, Grid
from .labels import (
    base_line,
    has_rate,
    inferred_line,
    is_number,
    one_line,
    points_cell,
    project_items,
    rate_cell,
    rescale_line,
    result_line,
    score_cell,
    text_width,
    total_cell,
    total_rate,
)
from .layout import MESSAGES as LAYOUT
from .layout import (
    SELF_EVALUATION,
    form_unit_line,
    grade_grid,
    lost_grid,
    pick_layout,
    report_tree_grid,
    self_evaluation_form,
    subtitle,
    summary_grid,
    title,
)
from .problems import none_line, problem_sections
from .problems import t as problems_t
from .safety import html_text

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
    LAYOUT,
)
t = MESSAGES.t

# Nothing may be fetched: styles are inline, images (none today) could only be data: URIs.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

# Colours of the grade bands, best first (a table with more bands reuses the last).
BAND_COLOURS = ("#2e7d32", "#1565c0", "#ef8f00", "#c62828", "#6d4c41")
PARTIAL_COLOUR = "#7b8794"

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
tr.total td { font-weight: 700; background: #f0f4f8; }
.level1 { font-weight: 700; text-align: center; }
td.level1 { min-width: 4em; }
td.lab { background: #f5f7fa; font-weight: 700; text-align: center; }
table.form { table-layout: fixed; }
table.form td, table.form th { font-size: 11.5px; white-space: normal; }
table.grades { width: auto; min-width: 50%; }
.unit { text-align: right; color: #52606d; font-size: 12px; margin: 0; }
.problems h3 { font-size: 13px; margin: 12px 0 4px; }
.problems p { margin: 2px 0 6px; }
.problems .head { font-weight: 700; }
dl.explain dt { font-weight: 700; margin-top: 6px; }
dl.explain dd { margin: 0 0 0 1.5em; font-size: 12px; color: #3e4c59; }
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


def band_colour(result: Result, rate) -> str:
    """The colour of the grade band a rate (percent) falls in, on the file's grade table."""
    for index, grade in enumerate(result.evaluation.grades):
        if rate >= grade.min:
            return BAND_COLOURS[min(index, len(BAND_COLOURS) - 1)]
    return BAND_COLOURS[-1]


def _bar_label(top: NodeResult) -> str:
    """90.00%（9/10）; —（≥44.67/70） for a lower bound; 未录入 or 不适用 for no score."""
    if not is_number(top):
        return score_cell(top)
    return t(
        "rpt_html_bar_label", rate=rate_cell(top), score=score_cell(top), points=points_cell(top)
    )


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
        f'width="100%" aria-label="{html_text(t("rpt_html_chart_desc"))}" '
        'font-family="inherit" font-size="13">'
    )
    parts = [svg, f"<title>{html_text(t('rpt_chart_title'))}</title>"]
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
            f'fill="#1f2933">{html_text(top.node.name)}</text>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{plot_w:.1f}" height="{bar_h}" fill="#f0f4f8"/>'
        )
        # A bar only for a rate that is one: not 不适用, not a part not captured (no score),
        # not a lower bound (its rate is —); the label says which, as the tables do.
        if has_rate(top):
            parts.append(
                f'<rect x="{label_w}" y="{y}" width="{bar:.1f}" height="{bar_h}" fill="{colour}"/>'
            )
        label = _bar_label(top)
        parts.append(
            f'<text x="{label_w + plot_w + 8}" y="{y + bar_h * 0.72:.1f}" '
            f'fill="#1f2933">{html_text(label)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


# How a grid cell's style is drawn: (tag, class).
_CELL = {
    "head": ("th", ""),
    "label": ("td", "lab"),
    "top": ("td", "level1"),
    "name": ("td", ""),
    "text": ("td", "x"),
    "num": ("td", "n"),
    "total": ("td", "c"),
    "total_num": ("td", "n"),
}


def _cell(cell: Cell) -> str:
    tag, cls = _CELL[cell.style]
    attrs = f' class="{cls}"' if cls else ""
    if cell.rows > 1:
        attrs += f' rowspan="{cell.rows}"'
    if cell.cols > 1:
        attrs += f' colspan="{cell.cols}"'
    return f"<{tag}{attrs}>{html_text(cell.text)}</{tag}>"


def _rows(grid: Grid) -> list[str]:
    out = []
    for cells in grid.by_row():
        total = any(cell.style.startswith("total") for cell in cells)
        opening = '<tr class="total">' if total else "<tr>"
        out.append(opening + "".join(_cell(cell) for cell in cells) + "</tr>")
    return out


def _colgroup(grid: Grid) -> str:
    """The grid's column widths as shares of the table, so the browser keeps the layout."""
    total = sum(grid.widths)
    cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in grid.widths)
    return f"<colgroup>{cols}</colgroup>"


def grid_table(cls: str, *grids: Grid) -> str:
    """Grids as one table (stacked), merged cells as rowspan/colspan. The first grid's
    header rows go into <thead> (repeated on every printed page) when no merge crosses
    them."""
    rows = [row for grid in grids for row in _rows(grid)]
    first = grids[0]
    header = first.header_rows
    opening = f'<table class="{cls}">\n{_colgroup(first)}\n'
    if header and all(c.last_row < header for c in first.cells if c.row < header):
        return (
            f"{opening}<thead>{''.join(rows[:header])}</thead>\n<tbody>\n"
            + "\n".join(rows[header:])
            + "\n</tbody>\n</table>"
        )
    return f"{opening}<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"


def problems_html(analysis: Analysis) -> str:
    sections = problem_sections(analysis)
    if not sections:
        return f"<p>{html_text(none_line())}</p>"
    parts = ['<div class="problems">']
    for section in sections:
        parts.append(f"<h3>{html_text(section.heading)}</h3>")
        for problem in section.problems:
            parts.append(f'<p class="head">{html_text(problem.heading)}</p>')
            parts.append(f"<p>{html_text(problem.text)}</p>")
    parts.append("</div>")
    return "\n".join(parts)


def explain_html(result: Result) -> str:
    """评分说明: every leaf, with its rule, inputs, calculation, result and basis."""
    parts = ['<dl class="explain">']
    for node in result.walk():
        if node.children:
            continue
        parts.append(f"<dt>{html_text(node.node.path)}</dt>")
        parts += [f"<dd>{html_text(one_line(line))}</dd>" for line in explain_lines(node)]
    parts.append("</dl>")
    return "\n".join(parts)


def _section(heading: str, body: str) -> str:
    return f"<section>\n<h2>{html_text(heading)}</h2>\n{body}\n</section>"


def _notes(result: Result) -> str:
    notes = [base_line(result), rescale_line(result), inferred_line(result)]
    if result.partial:
        notes.insert(0, result_line(result))
    return "".join(f'<p class="note">{html_text(line)}</p>' for line in notes if line is not None)


def _report_body(analysis: Analysis) -> str:
    result = analysis.result
    lost = lost_grid(analysis)
    next_lines = "".join(
        f"<p>{html_text(line)}</p>" for line in next_grade_lines(analysis.next_grade, result)
    )
    summary = grid_table("summary", summary_grid(result)) + _notes(result)
    summary += "\n" + grid_table("grades", grade_grid(result))
    lost_body = grid_table("lost", lost) if lost else f"<p>{html_text(t('rpt_lost_none'))}</p>"
    return "\n".join(
        [
            _section(t("rpt_chart_title"), f"<figure>{chart_svg(result)}</figure>"),
            _section(t("lbl_summary_title"), summary),
            _section(t("rpt_tree_title"), grid_table("tree", report_tree_grid(result))),
            _section(t("rpt_lost_title"), lost_body),
            _section(t("rpt_next_title"), f'<div class="next">{next_lines}</div>'),
            _section(problems_t("prb_title"), problems_html(analysis)),
        ]
    )


def _form_body(analysis: Analysis) -> str:
    result = analysis.result
    form = self_evaluation_form(result)
    unit = form_unit_line(form)
    parts = [f'<p class="unit">{html_text(unit)}</p>' if unit else ""]
    parts.append(grid_table("form", form.head, form.indicators))
    parts.append(f"<p><strong>{html_text(result_line(result, 'rpt_result_line'))}</strong></p>")
    parts.append(_notes(result))
    body = "<section>\n" + "\n".join(part for part in parts if part) + "\n</section>"
    if result.warnings:
        items = "".join(
            f"<li>{html_text(t('rpt_meta_item', label=w.path, value=w.message))}</li>"
            for w in result.warnings
        )
        body += "\n" + _section(t("lbl_warning"), f"<ul>{items}</ul>")
    return body


def _header(result: Result, layout: str) -> str:
    precision = result.evaluation.precision
    heading = html_text(title(result, layout))
    sub = subtitle(result) if layout == SELF_EVALUATION else None
    if sub:
        heading += f" {html_text(sub)}"
    # The form holds the project's name and department itself.
    items = project_items(result) if layout != SELF_EVALUATION else []
    meta = "".join(
        f"<li>{html_text(t('rpt_meta_item', label=label, value=value))}</li>"
        for label, value in items
    )
    # A total captured in part has no grade: its badge is grey, not the colour of a band.
    colour = PARTIAL_COLOUR if result.partial else band_colour(result, result.rate)
    return f"""<header>
<div>
<h1>{heading}</h1>
<ul class="meta">{meta}</ul>
</div>
<div class="score">
<span class="total">{html_text(total_cell(result, precision))}</span>\
<span class="grade" style="background:{colour}">{html_text(result.grade or "—")}</span>
<div class="of">{html_text(t("rpt_html_points_of", points=plain(result.points)))} · \
{html_text(t("rpt_html_rate", rate=total_rate(result)))}</div>
</div>
</header>"""


def render_html(analysis: Analysis, layout: str | None = None) -> str:
    """The report as one HTML document (UTF-8 text)."""
    result = analysis.result
    evaluation = result.evaluation
    chosen = pick_layout(result, layout)
    body = _form_body(analysis) if chosen == SELF_EVALUATION else _report_body(analysis)
    body += "\n" + _section(t("rpt_explain_title"), explain_html(result))
    lang = "zh-CN" if language() == "zh" else "en"
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="perfscore">
<title>{html_text(title(result, chosen))}</title>
<style>{CSS}</style>
</head>
<body>
<main>
{_header(result, chosen)}
{body}
<footer>{html_text(t("rpt_html_footer", file=os.path.basename(evaluation.file)))}</footer>
</main>
</body>
</html>
"""
