"""Helpers for the tests of sheets as printed (docs/format.md §1a, docs/rules.md §11, issue 11).

Every helper goes through the CLI (the ``cli`` fixture of conftest.py): the JSON export
of ``evaluate`` and of ``check``, read with exact decimals, and the one located line a
refused file gets.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from perfscore.errors import EXIT_INPUT, EXIT_OK


def exported(cli, path) -> dict[str, Any]:
    """``perfscore evaluate PATH --json -``, exit 0, numbers as exact decimals."""
    result = cli("evaluate", path, "--json", "-")
    assert result.exit_code == EXIT_OK, result.stderr
    return json.loads(result.stdout, parse_float=Decimal)


def audited(cli, path) -> tuple[int, dict[str, Any]]:
    """``perfscore check PATH --json -``: the exit code and the file's entry."""
    result = cli("check", path, "--json", "-")
    report = json.loads(result.stdout, parse_float=Decimal)
    return result.exit_code, report["files"][0]


def node(export: dict[str, Any], path: str) -> dict[str, Any]:
    """The exported node at ``path`` (names joined by /)."""
    nodes = export["indicators"]
    found: dict[str, Any] = {}
    for name in path.split("/"):
        found = next(n for n in nodes if n["name"] == name)
        nodes = found.get("children", [])
    return found


def checks(export: dict[str, Any]) -> list[tuple]:
    """The export's checks as (kind, path, of, reported, computed, ok), numbers as text."""

    def text(value: Any) -> Any:
        return str(value) if isinstance(value, (Decimal, int)) else value

    return [
        (c["kind"], c["path"], c["of"], text(c["reported"]), text(c["computed"]), c["ok"])
        for c in export["checks"]
    ]


def findings(entry: dict[str, Any]) -> list[tuple]:
    """``check``'s findings of one file as (kind, path, of, reported, expected), numbers as text."""
    return [
        (f["kind"], f["path"], f["of"], str(f["reported"]), str(f["expected"]))
        for f in entry["findings"]
    ]


def refused(result, file, line: int, path: str, message: str) -> None:
    """Exit 1, nothing on stdout, and exactly one located line on stderr."""
    assert result.exit_code == EXIT_INPUT, result.stdout[-400:]
    assert result.stderr.strip() == f"{file}:{line}: [{path}] {message}"


def scalar(value: object) -> str:
    """A YAML scalar: text double-quoted (so that YAML reads it as text), numbers as written."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


# One leaf 指标 (5 points) under one level-1 node; target on line 9, actual on line 10, any
# further keys of the leaf from line 11. The base is stated: 5 points.
CELL = """\
perfscore: 1
project: {{name: 照表填写}}
points: 5
indicators:
  - name: {group}
    children:
      - name: 指标
        points: 5
        target: {target}
        actual: {actual}
{extra}"""


def cell(group: str, target: object, actual: object, extra: str = "") -> str:
    """The YAML of one target/actual leaf as a sheet prints it, at ``{group}/指标``."""
    lines = "".join(f"        {line}\n" for line in extra.splitlines())
    return CELL.format(group=group, target=scalar(target), actual=scalar(actual), extra=lines)


def report_text(cli, path, fmt: str, folder) -> str:
    """``perfscore report PATH -f FMT`` as text: the file (CSV without its BOM), or every
    cell of an XLSX workbook (cached values) joined by spaces."""
    if fmt == "xlsx":
        pytest.importorskip("xlsxwriter")
    out = folder / f"report.{fmt}"
    result = cli("report", path, "-f", fmt, "-o", out)
    assert result.exit_code == EXIT_OK, result.stderr
    if fmt != "xlsx":
        return out.read_text(encoding="utf-8-sig")
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(out, data_only=True)
    return " ".join(
        str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row
    )
