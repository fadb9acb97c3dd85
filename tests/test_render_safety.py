"""Text from a file never acts in an export: CSV and XLSX hold it as text, Markdown and HTML
show it as written, Word can hold it (issue 14, item 10)."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from markdown_it import MarkdownIt

from perfscore.render.safety import csv_cell, docx_text, html_text, markdown_text

HOSTILE = '=HYPERLINK("http://evil.example/?x","点击")'
SCRIPT = "<script>alert(1)</script>"

FILE = """
perfscore: 1
project: {{name: '{name}', department: '@SUM(A1)'}}
indicators:
  - name: '{leaf}'
    points: 100
    score: 90
    basis: '{basis}'
"""


def hostile_file(write, name=HOSTILE, leaf="-2+3", basis=SCRIPT):
    return write(FILE.format(name=name.replace("'", "''"), leaf=leaf, basis=basis))


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("培训人数", "培训人数"),
        ("a=1", "a=1"),
        ("", ""),
    ],
)
def test_csv_cell(text, cell):
    """A CSV cell starting with = + - @, tab or CR gets a leading apostrophe; others stay."""
    assert csv_cell(text) == cell


def test_report_csv_is_inert(cli, write):
    """report -f csv: the name, a leaf name starting with - and the basis start inert."""
    rows = cli("report", hostile_file(write), "-f", "csv").stdout.splitlines()
    assert rows[1].startswith("'-2+3,1,'-2+3,100,90,90.00,")


def test_summary_csv_is_inert(cli, write, tmp_path):
    """summary --csv: a project called =HYPERLINK(…) and a department @SUM(A1) are text."""
    out = tmp_path / "s.csv"
    result = cli("summary", hostile_file(write), "--csv", out)
    assert result.exit_code == 0, result.stderr
    row = out.read_bytes().decode("utf-8-sig").splitlines()[1]
    assert row.startswith('1,"\'=HYPERLINK(""http://evil.example/?x"",""点击"")",\'@SUM(A1),100,')


def cells_of(path, sheet="xl/worksheets/sheet1.xml"):
    """Each cell's reference → (type, formula or None) from the sheet's XML."""
    xml = zipfile.ZipFile(path).read(sheet).decode()
    cells = {}
    for ref, attrs, body in re.findall(r'<c r="([A-Z]+\d+)"([^>]*?)(?:/>|>(.*?)</c>)', xml):
        kind = re.search(r't="(\w+)"', attrs)
        formula = re.search(r"<f>(.*?)</f>", body or "")
        cells[ref] = (kind.group(1) if kind else "n", formula.group(1) if formula else None)
    return cells


def test_xlsx_title_and_names_are_strings(cli, write, tmp_path):
    """The title cell (merged, from the project's name) and a leaf called -2+3 are strings,
    never formulas; a URL stays text (no hyperlink)."""
    path = hostile_file(write, leaf="+A2", basis="http://evil.example/")
    out = tmp_path / "h.xlsx"
    assert cli("report", path, "-o", out).exit_code == 0
    cells = cells_of(out)
    assert cells["A1"] == ("s", None)  # =HYPERLINK(…)绩效评价得分情况表
    assert cells["A3"] == ("s", None)  # +A2
    assert cells["E3"] == ("s", None)  # http://evil.example/
    formulas = [ref for ref, (_, formula) in cells.items() if formula]
    assert formulas == ["D3", "B4", "C4", "D4", "B5"]  # 得分率, 合计, 得分率, 等级: ours only
    archive = zipfile.ZipFile(out)
    assert "xl/worksheets/_rels/sheet1.xml.rels" not in archive.namelist()
    assert "<hyperlink" not in archive.read("xl/worksheets/sheet1.xml").decode()


def test_xlsx_form_strings(cli, write, tmp_path):
    """The 自评表 sheet writes a name and a target that start with = as strings too."""
    path = write("""
    perfscore: 1
    project: {name: "=1+1", kind: 部门自评}
    indicators:
      - {name: 预算执行率, points: 10, rule: execution, budget: 10, spent: 10}
      - name: "=A1"
        children:
          - {name: "+A2", points: 90, target: "=100%", actual: 100%}
    """)
    out = tmp_path / "f.xlsx"
    assert cli("report", path, "-o", out).exit_code == 0
    cells = cells_of(out)
    assert cells["A1"] == ("s", None)  # 项目支出绩效自评表
    assert cells["B3"] == ("s", None)  # =1+1
    assert all(
        formula is None or not formula.startswith(("1+1", "A1", "A2"))
        for _, formula in cells.values()
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (SCRIPT, r"\<script\>alert(1)\</script\>"),
        ("a | b", r"a \| b"),
        ("**粗**", r"\*\*粗\*\*"),
        ("[点击](http://evil.example)", r"\[点击\](http://evil.example)"),
        ("- 列表", r"\- 列表"),
        ("1. 编号", r"1\. 编号"),
        ("# 标题", r"\# 标题"),
        ("a\\b", r"a\\b"),
        ("&lt;", r"\&lt;"),
        ("第一行\n第二行", "第一行 第二行"),
        ("1.83 分", "1.83 分"),
    ],
)
def test_markdown_text(text, shown):
    """Markup in Markdown is escaped with backslashes; line breaks fold; plain text stays."""
    assert markdown_text(text) == shown


def rendered(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough").render(markdown)


def test_markdown_report_shows_markup_as_text(cli, write):
    """<script>, a link and a pipe in a file's texts render as text in a Markdown viewer."""
    path = hostile_file(write, name="[点击](http://evil.example)", leaf="a|b <b>粗")
    html = rendered(cli("report", path, "-f", "md").stdout)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<a " not in html and "[点击](http://evil.example)" in html
    assert "<b>" not in html and "a|b &lt;b&gt;粗" in html
    # the pipe did not split the cell: each body row of the tree has the header's 5 cells
    tree = html.split("评价指标体系及得分情况")[1].split("</table>")[0]
    assert len(re.findall(r"<th[ >]", tree)) == 5
    assert [row.count("<td") for row in tree.split("<tr>")[2:]] == [5, 5]


def test_html_text_and_report(cli, write):
    """HTML escapes & < > " ' in every text; the report carries no markup from the file."""
    assert html_text("<a href='x'>&\"</a>") == "&lt;a href=&#x27;x&#x27;&gt;&amp;&quot;&lt;/a&gt;"
    page = cli("report", hostile_file(write), "-f", "html").stdout
    assert SCRIPT not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_docx_text_drops_what_xml_cannot_hold():
    """Control characters XML 1.0 forbids are removed; tab and line breaks stay."""
    assert docx_text("a\x00b\x07c\x1fd\tx\ny\ufffe") == "abcd\tx\ny"


def test_docx_report_of_hostile_text(cli, write, tmp_path):
    """The Word report holds the texts as written (XML-escaped by python-docx)."""
    docx = pytest.importorskip("docx")
    out = tmp_path / "h.docx"
    assert cli("report", hostile_file(write), "-o", out).exit_code == 0
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == HOSTILE + "绩效评价得分情况"
    assert any(
        SCRIPT in cell.text for table in document.tables for row in table.rows for cell in row.cells
    )


def test_json_is_unchanged_by_the_export_helpers(cli, write):
    """The JSON export keeps the texts exactly (JSON is data, not a spreadsheet or markup)."""
    data = json.loads(cli("evaluate", hostile_file(write), "--json", "-").stdout)
    assert data["project"]["name"] == HOSTILE
    assert data["indicators"][0]["basis"] == SCRIPT
