"""The JSON export of docs/format.md §2 (format version 1).

Numbers are written from the exact decimals (``78.49``, never
``78.49000000000001``): the standard ``json`` module cannot write a Decimal
as a number, so this module writes the (small, fixed) structure itself.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from ..analysis import Analysis, analyse
from ..decimals import plain
from ..result import Comparison, NodeResult, Result
from ..shares import percent_text

FORMAT_VERSION = 1


def node_to_dict(result: NodeResult) -> dict[str, Any]:
    node = result.node
    out: dict[str, Any] = {"name": node.name, "path": node.path}
    if node.code is not None:
        out["code"] = node.code
    out.update(points=node.points, score=result.score, rate=result.rate)
    if node.weight is not None:  # 权重, converted exactly into points above
        out["weight"] = percent_text(node.weight)
    if not node.applicable:  # 不适用指标: left out of the total (see "not_applicable")
        out["applicable"] = False
    elif result.applicable_points is not None:
        out["applicable_points"] = result.applicable_points
    if result.scored is not None:
        scored = result.scored
        out["rule"] = scored.rule
        out.update(scored.details)
        if scored.level is not None:
            out["level"] = scored.level
        out["explain"] = scored.explain
    if node.basis is not None:
        out["basis"] = node.basis
    if node.reported is not None:
        out["reported"] = node.reported
    if node.reported_rate is not None:
        out["reported_rate"] = node.reported_rate
    out.update(_as_printed(result))
    if result.children:
        out["children"] = [node_to_dict(child) for child in result.children]
    return out


def _as_printed(result: NodeResult) -> dict[str, Any]:
    """The keys of docs/format.md §1a a node carries, only where they say something."""
    node = result.node
    out: dict[str, Any] = {}
    if node.reported_points is not None:
        out["reported_points"] = node.reported_points
    if node.note is not None:
        out["note"] = node.note
    if node.inferred:
        out["inferred"] = True
    if not node.captured:
        out["captured"] = False
    if not node.points_known:
        out["points_known"] = False
    if result.partial:
        out["partial"] = True
    return out


def check_to_dict(check: Comparison) -> dict[str, Any]:
    """One check; ``ok`` is null when it cannot be made (a part not captured)."""
    return {
        "path": check.path,
        "of": check.of,
        "reported": check.reported,
        "computed": check.computed,
        "difference": check.difference,
        "ok": check.ok,
        "line": check.line,
        "kind": check.kind,
    }


def result_to_dict(scored: Result | Analysis) -> dict[str, Any]:
    """The export of docs/format.md §2 (a Result is analysed here; a command passes its Analysis)."""
    analysis = scored if isinstance(scored, Analysis) else analyse(scored)
    result = analysis.result
    evaluation = result.evaluation
    return {
        "perfscore": FORMAT_VERSION,
        "file": evaluation.file,
        "project": dict(evaluation.project),
        "points": result.points,
        "score": result.score,
        "rate": result.rate,
        "grade": result.grade,
        "grades": [{"grade": g.name, "min": g.min} for g in evaluation.grades],
        "precision": evaluation.precision,
        "indicators": [node_to_dict(node) for node in result.indicators],
        "checks": [check_to_dict(check) for check in result.checks],
        **_root_as_printed(result),
        **selfeval_to_dict(result),
        **analysis_to_dict(analysis),
    }


def _root_as_printed(result: Result) -> dict[str, Any]:
    """The root's printed numbers and words (docs/format.md §1a), where the file gives them;
    ``partial`` (a total captured in part has no grade) always."""
    evaluation = result.evaluation
    out: dict[str, Any] = {"partial": result.partial}
    if evaluation.reported is not None:
        out["reported"] = evaluation.reported
    if evaluation.reported_rate is not None:
        out["reported_rate"] = evaluation.reported_rate
    if evaluation.reported_points is not None:
        out["reported_points"] = evaluation.reported_points
    if evaluation.reported_grade is not None:
        out["reported_grade"] = evaluation.reported_grade
    if evaluation.note is not None:
        out["note"] = evaluation.note
    return out


def selfeval_to_dict(result: Result) -> dict[str, Any]:
    """The added keys ``warnings`` (always) and ``not_applicable`` (when some node is)."""
    out: dict[str, Any] = {
        "warnings": [
            {"kind": w.kind, "path": w.path, "line": w.line, "message": w.message}
            for w in result.warnings
        ]
    }
    if result.rescale is not None:
        r = result.rescale
        out["not_applicable"] = {
            "paths": list(r.paths),
            "points": r.points,
            "applicable_points": r.applicable_points,
            "applicable_score": r.applicable_score,
            "score": r.total,
        }
    return out


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The added keys ``lost_points`` and ``next_grade`` (see perfscore.analysis)."""
    ranking = analysis.lost
    answer = analysis.next_grade
    lost = [
        {
            "rank": item.rank,
            "path": item.path,
            "name": item.name,
            "group": item.group,
            "points": item.points,
            "score": item.score,
            "lost": item.lost,
            **({"basis": item.basis} if item.basis is not None else {}),
        }
        for item in ranking
    ]
    if answer is None:  # captured in part: no grade, no next one
        return {"lost_points": lost, "next_grade": None}
    return {
        "lost_points": lost,
        "next_grade": {
            "current": answer.current,
            "top": answer.top,
            "grade": answer.grade,
            "min": answer.min,
            "needed": answer.needed,
            "gap": answer.gap,
            "reachable": answer.reachable,
            "leaves": [item.path for item in answer.leaves],
            "any_one": [item.path for item in answer.any_one],
        },
    }


def dumps(value: Any, indent: int = 2) -> str:
    """JSON text with Decimals written as exact JSON numbers."""
    parts: list[str] = []
    _write(value, parts, indent, 0)
    return "".join(parts) + "\n"


def _write(value: Any, out: list[str], indent: int, level: int) -> None:
    if isinstance(value, bool) or value is None:
        out.append(json.dumps(value))
    elif isinstance(value, Decimal):
        out.append(plain(value))
    elif isinstance(value, (int, str)):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        pad, inner = " " * (indent * level), " " * (indent * (level + 1))
        out.append("{\n")
        for i, (key, item) in enumerate(value.items()):
            out.append(f"{inner}{json.dumps(str(key), ensure_ascii=False)}: ")
            _write(item, out, indent, level + 1)
            out.append(",\n" if i < len(value) - 1 else "\n")
        out.append(f"{pad}}}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        pad, inner = " " * (indent * level), " " * (indent * (level + 1))
        out.append("[\n")
        for i, item in enumerate(value):
            out.append(inner)
            _write(item, out, indent, level + 1)
            out.append(",\n" if i < len(value) - 1 else "\n")
        out.append(f"{pad}]")
    else:  # pragma: no cover - a bug: every exported value is one of the above
        raise TypeError(f"cannot export {type(value).__name__}")
