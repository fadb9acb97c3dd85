"""The 汇总表's rows as the terminal and the CSV write them, for what other tests leave out."""

from __future__ import annotations

import csv
import io

from . import captured_part


def test_a_file_captured_in_part_in_the_csv(cli, write, tmp_path):
    """The CSV row of a file captured in part reads as the terminal's: ≥53.67 (9 + 44.67, see
    tests/captured_part.py), rate —, 部分录入 for the grade, 失分 —; a whole file's are numbers
    (85 of 100: 85.00%, 15.00 lost)."""
    partial = write(captured_part.SHEET, "a-partial.yaml")
    whole = write(
        "perfscore: 1\nproject: {name: 完整的表}\nindicators:\n  - {name: 产出, points: 100, score: 85}\n",
        "b-whole.yaml",
    )
    out = tmp_path / "summary.csv"
    assert cli("summary", partial, whole, "--csv", out).exit_code == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [row[1:8] for row in rows[1:]] == [
        ["部分录入", "", "100", "≥53.67", "—", "部分录入", "—"],
        ["完整的表", "", "100", "85.00", "85.00", "良", "15.00"],
    ]
    terminal = cli("summary", partial, whole).stdout
    line = next(line for line in terminal.splitlines() if "部分录入 " in line)
    assert line.split()[-3:] == ["≥53.67", "部分录入", "—"]


def test_the_summary_json_is_indented_as_one_document(cli, write):
    """Every list and object of the summary JSON is indented two spaces a level, as
    json.dumps(indent=2) writes it (the bases list was written at the outer level); the
    text is json.dumps of its own parse, numbers aside (here all integers)."""
    import json

    first = write(
        "perfscore: 1\nproject: {name: 甲}\nindicators:\n  - {name: 产出, points: 100, score: 85}\n",
        "a.yaml",
    )
    second = write(
        "perfscore: 1\npoints: 50\nproject: {name: 乙}\nindicators:\n  - {name: 产出, points: 50, score: 40}\n",
        "b.yaml",
    )
    text = cli("summary", first, second, "--json", "-").stdout
    assert '  "bases": [\n    50,\n    100\n  ],\n' in text
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
