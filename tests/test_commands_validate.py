"""perfscore validate and perfscore schema through the CLI."""

from __future__ import annotations

import json

from .conftest import EXAMPLES

YIRENYIDANG = EXAMPLES / "yirenyidang-2023.yaml"


def test_validate_ok(cli):
    """validate prints OK per valid file."""
    result = cli("validate", YIRENYIDANG, EXAMPLES / "ganbu-peixun-2023.yaml")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{YIRENYIDANG}: OK",
        f"{EXAMPLES / 'ganbu-peixun-2023.yaml'}: OK",
    ]


def test_validate_reports_each_file(cli, write):
    """A wrong file is one located line on stderr and exit 1; the good file is still OK."""
    bad = write(
        "perfscore: 1\nproject: {name: 测试}\nindicators:\n  - {name: 产出, points: 0, score: 0}\n"
    )
    result = cli("validate", bad, YIRENYIDANG)
    assert result.exit_code == 1
    assert result.stderr == f"{bad}:4: [产出] 分值必须大于 0，而不是 0\n"
    assert result.stdout == f"{YIRENYIDANG}: OK\n"


def test_schema_prints_the_shipped_schema(cli):
    """schema prints the JSON Schema that ships with the package, and it is JSON."""
    from perfscore.schema import schema_text

    result = cli("schema")
    assert result.exit_code == 0
    assert result.stdout == schema_text()
    assert json.loads(result.stdout)["title"]
