"""``perfscore check PATH...``: the audit of published numbers (:mod:`perfscore.audit`).

Every file is recomputed; every published value (``reported``,
``reported_rate``, ``reported_grade``) that differs from the computed one is
listed with the difference, and so is every contradiction among the published
numbers themselves (a parent's score that is not the sum of its children's, a
rate that is not score / points, a total outside its grade's band).
Exit 0 when everything agrees, 3 when anything disagrees, 1 when a file
could not be read or checked (the audit is then incomplete). Sheets (.xlsx, .xls, .ods,
.pdf) are imported in memory (docs/import.md): each table is audited, and a 汇总表 against
the tables it lists.
"""

from __future__ import annotations

from ..errors import EXIT_DISAGREE, EXIT_INPUT, EXIT_OK
from ._options import JobsOption, JsonOption, LangOption, NoCacheOption, PathsArgument


def check(
    paths: PathsArgument,
    json_path: JsonOption = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
) -> int:
    """核对：重算并列出与报告值（reported）的每一处不一致；退出码 3 表示有不一致 /
    audit published numbers: exit 3 when any disagree."""
    from ..importers.work import audit_any
    from ..output import STDOUT
    from ..render.audit import audit_json, print_audit
    from ._shared import batch_files, collect, report_failures, use_cache, write_outputs

    files = batch_files(paths, outputs=[json_path])
    inputs = list(files)  # and the answer sheets the files name, as the workers read them
    rows, failed = collect(audit_any, files, jobs, inputs, use_cache(no_cache))
    if json_path != STDOUT:
        print_audit(rows, len(failed))
    report_failures(failed)
    status = EXIT_INPUT if failed else EXIT_DISAGREE if any(r.findings for r in rows) else EXIT_OK
    if json_path is not None and not write_outputs(
        [(json_path, lambda: audit_json(rows, failed))], inputs
    ):
        status = EXIT_INPUT
    return status
