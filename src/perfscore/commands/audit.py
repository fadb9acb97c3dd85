"""``perfscore check PATH...``: the audit of published numbers.

Every file is recomputed; every published value (``reported``,
``reported_rate``, ``reported_grade``) that differs from the computed one is
listed with the difference, and so is every contradiction among the published
numbers themselves (a parent's score that is not the sum of its children's, a
rate that is not score / points, a total outside its grade's band).
Exit 0 when everything agrees, 3 when anything disagrees, 1 when a file
could not be read or checked (the audit is then incomplete).
"""

# No "from __future__ import annotations": typer reads the option annotations of the
# command defined inside register(), where Lang and LangOption are local names.
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..messages import register as register_messages
from ..messages import t

if TYPE_CHECKING:
    from ..batch import AuditRow, Finding

register_messages({
    "lbl_audit_kind": ("类型", "Kind"),
    "lbl_audit_expected": ("应为", "Expected"),
    "lbl_audit_reported": ("报告值与计算值不符", "reported ≠ computed"),
    "lbl_audit_sum": ("上级得分 ≠ 下级报告得分之和", "parent ≠ sum of children"),
    "lbl_audit_rate": ("得分率 ≠ 报告得分 ÷ 分值", "rate ≠ reported score ÷ points"),
    "lbl_audit_band": ("报告总分不在报告等级的区间内", "reported total outside its grade"),
    "lbl_of_grade": ("等级", "grade"),
    "lbl_audit_file_ok": ("{file}：{n} 项全部一致", "{file}: all {n} agree"),
    "lbl_audit_file_none": ("{file}：未给出报告值，未核对", "{file}: no published values to check"),
    "lbl_audit_file_bad": ("{file}：{bad} 项不一致（共核对 {n} 项）",
                           "{file}: {bad} disagreement(s) ({n} compared)"),
    "lbl_audit_total": (
        "共 {files} 个文件：{ok} 个一致，{bad} 个不一致，{failed} 个无法核对",
        "{files} file(s): {ok} agree, {bad} disagree, {failed} could not be checked",
    ),
})


def register(app: typer.Typer) -> None:
    from ..cli import Lang, LangOption

    @app.command("check")
    def check_command(
        paths: Annotated[list[str], typer.Argument(
            help="评价文件或文件夹（递归查找 *.yaml、*.yml）/ files, or folders searched recursively.",
            metavar="PATH...")],
        json_path: Annotated[Optional[str], typer.Option(
            "--json", metavar="PATH", help="写出 JSON；- 为标准输出 / write JSON; - for stdout.")] = None,
        jobs: Annotated[Optional[int], typer.Option(
            "--jobs", "-j", min=1, help="并行进程数（默认：CPU 核数）/ worker processes.")] = None,
        lang: LangOption = Lang.zh,
    ) -> None:
        """核对：重算并列出与报告值（reported）的每一处不一致；退出码 3 表示有不一致 /
        audit published numbers: exit 3 when any disagree."""
        from ..cli import _set_lang

        _set_lang(lang)
        raise typer.Exit(run_audit(paths, json_path, jobs))


def run_audit(paths: Sequence[str], json_path: Optional[str], jobs: Optional[int]) -> int:
    from ..batch import audit, expand_paths
    from ..errors import EXIT_DISAGREE, EXIT_INPUT, EXIT_OK, PerfscoreError, Problem
    from ..output import STDOUT, write_output
    from .summary import collect, report_failures

    files = expand_paths(paths)
    if not files:
        typer.secho(str(Problem(t("no_input_files"))), err=True, fg="red")
        return EXIT_INPUT
    rows, failed = collect(audit, files, jobs)
    if json_path != STDOUT:
        print_audit(rows, len(failed))
    report_failures(failed)
    status = EXIT_INPUT if failed else EXIT_DISAGREE if any(r.findings for r in rows) else EXIT_OK
    if json_path is not None:
        try:
            write_output(json_path, audit_json(rows, failed), inputs=files)
        except PerfscoreError as error:
            for problem in error.problems:
                typer.secho(str(problem), err=True, fg="red")
            status = EXIT_INPUT
    return status


def _value(value: Any) -> str:
    from decimal import Decimal

    from ..decimals import plain

    return plain(value) if isinstance(value, Decimal) else str(value)


def findings_table(findings: Sequence["Finding"]):
    from rich.table import Table

    table = Table(header_style="bold red")
    for label in ("lbl_audit_kind", "lbl_check_path", "lbl_check_of"):
        table.add_column(t(label))
    for label in ("lbl_reported", "lbl_audit_expected", "lbl_difference"):
        table.add_column(t(label), justify="right")
    for finding in findings:
        difference = finding.difference
        table.add_row(t(f"lbl_audit_{finding.kind}"), finding.path or t("lbl_root"),
                      t(f"lbl_of_{finding.of}"), _value(finding.reported), _value(finding.expected),
                      "" if difference is None else _value(difference))
    return table


def print_audit(rows: Sequence["AuditRow"], failed: int) -> None:
    from ..cli import console

    out = console()
    for row in rows:
        if row.findings:
            out.print(t("lbl_audit_file_bad", file=row.file, bad=len(row.findings), n=row.compared),
                      style="bold red", highlight=False)
            out.print(findings_table(row.findings))
        elif row.compared:
            out.print(t("lbl_audit_file_ok", file=row.file, n=row.compared), style="green")
        else:
            out.print(t("lbl_audit_file_none", file=row.file), style="dim")
    bad = sum(1 for row in rows if row.findings)
    out.print(t("lbl_audit_total", files=len(rows) + failed, ok=len(rows) - bad, bad=bad,
                failed=failed), style="bold")


def finding_dict(finding: "Finding") -> dict[str, Any]:
    return {"kind": finding.kind, "path": finding.path, "of": finding.of,
            "reported": finding.reported, "expected": finding.expected,
            "difference": finding.difference, "line": finding.line}


def audit_json(rows: Sequence["AuditRow"], failed: Sequence[Any]) -> str:
    from ..render.json_export import dumps
    from ..render.batch import failure_dict

    return dumps({
        "perfscore": 1,
        "agrees": not failed and not any(row.findings for row in rows),
        "files": [{"file": row.file, "name": row.name, "compared": row.compared,
                   "agrees": not row.findings, "findings": [finding_dict(f) for f in row.findings]}
                  for row in rows],
        "failed": [failure_dict(f) for f in failed],
    })
