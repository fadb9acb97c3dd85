"""The JSON Schema of evaluation files (package data) and the code that applies it.

The schema is the contract for editors (yaml-language-server) and for other
tools; ``perfscore validate`` applies it after perfscore's own checks, which
say the same things in Chinese with line numbers. A disagreement between the
two is a bug; ``tests/test_schema.py`` feeds both the same files.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import InputError, Problem
from ..load import YList, YMap

SCHEMA_FILE = "evaluation.schema.json"


def schema_text() -> str:
    return resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    return json.loads(schema_text())


def _locate(raw: Any, parts: list[Any]) -> tuple[int | None, str | None]:
    """The line and indicator path of a value inside the loaded YAML."""
    line = getattr(raw, "line", None)
    names: list[str] = []
    node = raw
    for part in parts:
        if isinstance(node, YMap) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, YList) and isinstance(part, int) and part < len(node):
            line = node.item_lines[part]
            node = node[part]
            if isinstance(node, YMap) and isinstance(node.get("name"), str):
                names.append(node["name"])
        else:
            break
    return line, "/".join(names) or None


@lru_cache(maxsize=1)
def _validator():
    """One compiled validator per process (building it costs more than a validation)."""
    import jsonschema

    return jsonschema.Draft202012Validator(schema())


def schema_problems(raw: Any, file: str) -> None:
    """Raise InputError if ``raw`` does not satisfy the JSON Schema."""
    validator = _validator()
    problems = []
    for error in sorted(validator.iter_errors(raw), key=lambda e: list(map(str, e.absolute_path))):
        line, path = _locate(raw, list(error.absolute_path))
        problems.append(Problem(f"不符合 JSON Schema / schema: {error.message}", file, line, path))
    if problems:
        raise InputError(problems)
