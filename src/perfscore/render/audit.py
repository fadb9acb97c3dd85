"""Views of the audit (``perfscore check``): the findings per file in the terminal, and their JSON.

Each is a function of the rows :mod:`perfscore.audit` returns; none computes anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..messages import Messages
from .boxes import Column, box_table
from .labels import LABELS

if TYPE_CHECKING:
    from rich.text import Text

    from ..audit import AuditRow
    from ..result import Comparison

MESSAGES = Messages(
    {
        "lbl_audit_expected": ("应为", "Expected"),
        "lbl_audit_file_ok": (
            "{file}：{n} 项全部一致{unverifiable}",
            "{file}: all {n} agree{unverifiable}",
        ),
        "lbl_audit_file_none": (
            "{file}：未给出报告值，没有可核对的数字",
            "{file}: no published values: nothing to check",
        ),
        "lbl_audit_file_partial": (
            "{file}：部分未能录入，{u} 项报告值无法核对",
            "{file}: captured in part; {u} published value(s) cannot be verified",
        ),
        "lbl_audit_file_bad": (
            "{file}：{bad} 项不一致（共核对 {n} 项{unverifiable}）",
            "{file}: {bad} disagreement(s) ({n} compared{unverifiable})",
        ),
        "lbl_audit_unverifiable": ("；{u} 项因部分未录入无法核对", "; {u} cannot be verified"),
        "lbl_audit_total": (
            "共 {files} 个文件：{ok} 个一致，{bad} 个不一致，{none} 个无可核对，{failed} 个无法读取",
            "{files} file(s): {ok} agree, {bad} disagree, {none} with nothing to check, "
            "{failed} could not be read",
        ),
    },
    LABELS,
)
t = MESSAGES.t


def _value(value: Any) -> str:
    from decimal import Decimal

    from ..decimals import plain

    return plain(value) if isinstance(value, Decimal) else str(value)


def findings_table(findings: Sequence[Comparison], width: int | None = None) -> Text:
    """Every finding of one file: kind, path, what, reported, expected, difference."""
    columns = (
        Column(t("lbl_check_kind"), fold=2),
        Column(t("lbl_check_path"), fold=1),
        Column(t("lbl_check_of")),
        Column(t("lbl_reported"), "right"),
        Column(t("lbl_audit_expected"), "right"),
        Column(t("lbl_difference"), "right"),
    )
    rows = []
    for finding in findings:
        difference = finding.difference
        rows.append(
            (
                t(f"lbl_check_kind_{finding.kind}"),
                finding.path or t("lbl_root"),
                t(f"lbl_of_{finding.of}"),
                _value(finding.reported),
                _value(finding.computed),
                "" if difference is None else _value(difference),
            )
        )
    return box_table(columns, rows, width=width, header_style="bold red")


def file_line(row: AuditRow) -> tuple[str, str]:
    """What the audit says of one file, and its style."""
    unverifiable = t("lbl_audit_unverifiable", u=row.unverifiable) if row.unverifiable else ""
    if row.findings:
        return (
            t(
                "lbl_audit_file_bad",
                file=row.file,
                bad=len(row.findings),
                n=row.compared,
                unverifiable=unverifiable,
            ),
            "bold red",
        )
    if row.compared:
        return t(
            "lbl_audit_file_ok", file=row.file, n=row.compared, unverifiable=unverifiable
        ), "green"
    if row.unverifiable:
        return t("lbl_audit_file_partial", file=row.file, u=row.unverifiable), "yellow"
    return t("lbl_audit_file_none", file=row.file), "dim"


def print_audit(rows: Sequence[AuditRow], failed: int) -> None:
    from .console import console, say

    out = console()
    for row in rows:
        line, style = file_line(row)
        say(out, line, style)  # one line a file: written directly where rich would add nothing
        if row.findings:
            out.print(findings_table(row.findings, out.width), crop=False, overflow="ignore")
    bad = sum(1 for row in rows if row.findings)
    none = sum(1 for row in rows if not row.findings and not row.compared)
    out.print(
        t(
            "lbl_audit_total",
            files=len(rows) + failed,
            ok=len(rows) - bad - none,
            bad=bad,
            none=none,
            failed=failed,
        ),
        style="bold",
    )


def finding_dict(finding: Comparison) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "path": finding.path,
        "of": finding.of,
        "reported": finding.reported,
        "expected": finding.computed,
        "difference": finding.difference,
        "line": finding.line,
    }


def audit_json(rows: Sequence[AuditRow], failed: Sequence[Any]) -> str:
    from .json_export import dumps
    from .summary import failure_dict

    return dumps(
        {
            "perfscore": 1,
            "agrees": not failed and not any(row.findings for row in rows),
            "files": [
                {
                    "file": row.file,
                    "name": row.name,
                    "compared": row.compared,
                    "unverifiable": row.unverifiable,
                    "partial": row.partial,
                    "agrees": not row.findings,
                    "findings": [finding_dict(f) for f in row.findings],
                }
                for row in rows
            ],
            "failed": [failure_dict(f) for f in failed],
        }
    )
