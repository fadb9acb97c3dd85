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

    from ..audit import AuditRow, Finding

MESSAGES = Messages(
    {
        "lbl_audit_kind": ("类型", "Kind"),
        "lbl_audit_expected": ("应为", "Expected"),
        "lbl_audit_reported": ("报告值与计算值不符", "reported ≠ computed"),
        "lbl_audit_sum": ("上级得分 ≠ 下级报告得分之和", "parent ≠ sum of children"),
        "lbl_audit_rate": ("得分率 ≠ 报告得分 ÷ 分值", "rate ≠ reported score ÷ points"),
        "lbl_audit_band": ("报告总分不在报告等级的区间内", "reported total outside its grade"),
        "lbl_of_grade": ("等级", "grade"),
        "lbl_audit_file_ok": ("{file}：{n} 项全部一致", "{file}: all {n} agree"),
        "lbl_audit_file_none": (
            "{file}：未给出报告值，未核对",
            "{file}: no published values to check",
        ),
        "lbl_audit_file_bad": (
            "{file}：{bad} 项不一致（共核对 {n} 项）",
            "{file}: {bad} disagreement(s) ({n} compared)",
        ),
        "lbl_audit_total": (
            "共 {files} 个文件：{ok} 个一致，{bad} 个不一致，{failed} 个无法核对",
            "{files} file(s): {ok} agree, {bad} disagree, {failed} could not be checked",
        ),
    },
    LABELS,
)
t = MESSAGES.t


def _value(value: Any) -> str:
    from decimal import Decimal

    from ..decimals import plain

    return plain(value) if isinstance(value, Decimal) else str(value)


def findings_table(findings: Sequence[Finding], width: int | None = None) -> Text:
    """Every finding of one file: kind, path, what, reported, expected, difference."""
    columns = (
        Column(t("lbl_audit_kind"), fold=2),
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
                t(f"lbl_audit_{finding.kind}"),
                finding.path or t("lbl_root"),
                t(f"lbl_of_{finding.of}"),
                _value(finding.reported),
                _value(finding.expected),
                "" if difference is None else _value(difference),
            )
        )
    return box_table(columns, rows, width=width, header_style="bold red")


def print_audit(rows: Sequence[AuditRow], failed: int) -> None:
    from .console import console

    out = console()
    for row in rows:
        if row.findings:
            out.print(
                t("lbl_audit_file_bad", file=row.file, bad=len(row.findings), n=row.compared),
                style="bold red",
                highlight=False,
            )
            out.print(findings_table(row.findings, out.width), crop=False, overflow="ignore")
        elif row.compared:
            out.print(t("lbl_audit_file_ok", file=row.file, n=row.compared), style="green")
        else:
            out.print(t("lbl_audit_file_none", file=row.file), style="dim")
    bad = sum(1 for row in rows if row.findings)
    out.print(
        t("lbl_audit_total", files=len(rows) + failed, ok=len(rows) - bad, bad=bad, failed=failed),
        style="bold",
    )


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "path": finding.path,
        "of": finding.of,
        "reported": finding.reported,
        "expected": finding.expected,
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
                    "agrees": not row.findings,
                    "findings": [finding_dict(f) for f in row.findings],
                }
                for row in rows
            ],
            "failed": [failure_dict(f) for f in failed],
        }
    )
