"""The shipped JSON Schema: valid, printed by `perfscore schema`, and accepted by outside validators."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import jsonschema
import pytest

from .conftest import EXAMPLES


def test_schema_command_prints_the_schema(cli):
    """`perfscore schema` prints a valid Draft 2020-12 schema."""
    result = cli("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["required"] == ["perfscore", "project", "indicators"]


def test_examples_validate_with_check_jsonschema(cli, tmp_path):
    """check-jsonschema (a validator outside perfscore) accepts every example against the printed schema."""
    schema_file = tmp_path / "evaluation.schema.json"
    schema_file.write_text(cli("schema").stdout, encoding="utf-8")
    examples = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
    assert examples
    exe = shutil.which("check-jsonschema") or str(
        __import__("pathlib").Path(sys.executable).with_name("check-jsonschema")
    )
    proc = subprocess.run(
        [exe, "--schemafile", str(schema_file), *examples], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize(
    "text",
    [
        # a parent with a score
        "  - {name: 产出, score: 3, children: [{name: a, points: 5, score: 1}]}",
        # a leaf without points
        "  - {name: 产出, score: 3}",
        # target without actual
        "  - {name: 产出, points: 5, target: ≥3}",
        # an unknown key
        "  - {name: 产出, points: 5, score: 3, socre: 2}",
    ],
)
def test_schema_and_checker_agree_on_bad_files(cli, write, text):
    """What perfscore's own checks reject, the schema rejects too."""
    import yaml

    path = write("perfscore: 1\nproject: {name: x}\nindicators:\n" + text + "\n")
    assert cli("validate", path).exit_code == 1
    schema = json.loads(cli("schema").stdout)
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(document))
