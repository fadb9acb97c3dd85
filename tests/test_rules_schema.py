"""The JSON Schema knows issue 3's keys: each new form validates, and its shape mistakes are caught."""

from __future__ import annotations

import jsonschema
import pytest

from perfscore.load import load_yaml
from perfscore.schema import schema

HEAD = "perfscore: 1\nproject: {name: 测试}\nindicators:\n"

VALID = {
    "reverse-ratio": "  - {name: a, points: 4, rule: reverse-ratio, target: ≤50元, actual: 55元}\npoints: 4\n",
    "bands": "  - {name: a, points: 10, rule: bands, value: 94.68%, "
    "bands: [{min: 95%, rate: 100%}, {min: 0%, rate: 0.5}]}\npoints: 10\n",
    "deduction list": "  - {name: a, points: 5, rule: deduction, "
    "deductions: [{reason: 未报送, points: 0.5}]}\npoints: 5\n",
    "deduction per unit": "  - {name: a, points: 5, rule: deduction, value: 103%, limit: ≤100%, "
    "per: 0.5, whole_units: false, reason: 超编}\npoints: 5\n",
    "experts": "  - {name: a, points: 5, rule: experts, scores: [4, 4.5, 3.5], method: trimmed}\npoints: 5\n",
    "weights": "  - {name: a, weight: 25%, score: 25}\n  - {name: b, weight: 0.75, score: 75}\n",
    "not applicable": "  - {name: a, points: 90, score: 90}\n  - {name: b, points: 10, applicable: false}\n",
}

INVALID = {
    "bands without value": "  - {name: a, points: 10, rule: bands, bands: [{min: 95%, rate: 1}]}\n",
    "band rate 75": "  - {name: a, points: 10, rule: bands, value: 1, bands: [{min: 0, rate: 75}]}\n",
    "deduction without anything": "  - {name: a, points: 5, rule: deduction}\n",
    "deduction without reason": "  - {name: a, points: 5, rule: deduction, deductions: [{points: 1}]}\n",
    "experts without scores": "  - {name: a, points: 5, rule: experts}\n",
    "experts bad method": "  - {name: a, points: 5, rule: experts, scores: [1], method: average}\n",
    "weight and points": "  - {name: a, weight: 25%, points: 25, score: 25}\n",
    "ambiguous weight": "  - {name: a, weight: 25, score: 25}\n",
    "applicable text": "  - {name: a, points: 10, applicable: 否}\n",
    "parent with limit": "  - {name: a, limit: 1, children: [{name: b, points: 1, score: 1}]}\n",
}


def errors(text: str, tmp_path) -> list[str]:
    path = tmp_path / "eval.yaml"
    path.write_text(HEAD + text, encoding="utf-8")
    validator = jsonschema.Draft202012Validator(schema())
    return [error.message for error in validator.iter_errors(load_yaml(str(path)))]


@pytest.mark.parametrize("name", VALID)
def test_new_forms_validate(name, tmp_path, cli):
    """The schema and perfscore validate both accept each new form."""
    assert errors(VALID[name], tmp_path) == []
    path = tmp_path / "v.yaml"
    path.write_text(HEAD + VALID[name], encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("name", INVALID)
def test_shape_mistakes_caught_by_schema(name, tmp_path):
    """The schema alone rejects each shape mistake (perfscore's checks say it in Chinese)."""
    assert errors(INVALID[name], tmp_path)
