"""Views of a batch (``perfscore summary``): the terminal 汇总表, its JSON and its CSV.

Each is a function of the rows :mod:`perfscore.summary` returns; none scores anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..decimals import fixed, plain
from ..messages import Messages, join
from .labels import BOUND_SIGN, LABELS, NO_FIGURE, grade_bands_text

if TYPE_CHECKING:
    from ..batch import Failure
    from ..summary import Distribution, SummaryRow

# The terminal table is printed in blocks of this many rows (fixed column
# widths), so that a table of 100,000 rows is never held in memory at once.
BLOCK_ROWS = 500

MESSAGES = Messages(
    {
        "lbl_batch_title": ("绩效评价结果汇总表", "Evaluation results"),
        "lbl_batch_no": ("序号", "No."),
        "lbl_batch_name": ("项目名称", "Project"),
        "lbl_batch_department": ("部门", "Department"),
        "lbl_batch_points": ("满分", "Points"),
        "lbl_batch_grade": ("等级", "Grade"),
        "lbl_batch_lost": ("失分", "Points lost"),
        "lbl_batch_file": ("文件", "File"),
        "lbl_batch_error": ("错误", "Error"),
        "lbl_batch_count": ("项目数", "Projects"),
        "lbl_batch_share": ("占比", "Share"),
        "lbl_batch_dist_title": ("等级分布", "Grades"),
        "lbl_batch_mean": ("平均得分：{mean}（{n} 个项目）", "Mean score: {mean} ({n} projects)"),
        "lbl_batch_partial": ("部分录入", "in part"),
        "lbl_batch_partial_note": (
            "{n} 个文件部分内容未能录入：得分只是下限，不评定等级，不计入等级分布与平均分",
            "{n} file(s) captured in part: their scores are lower bounds, without a grade, left "
            "out of the distribution and the mean",
        ),
        "lbl_batch_mean_rate": (
            "这些文件的满分不同（{bases} 分），平均得分没有意义；平均得分率：{rate}（{n} 个项目）",
            "These files are out of different points ({bases}), so a mean score means nothing; "
            "mean rate: {rate} ({n} projects)",
        ),
        "lbl_batch_none": ("没有可汇总的项目", "No project could be scored"),
        "lbl_batch_mixed": (
            "注意：这些文件使用了 {n} 种等级标准，各项目按自身文件的等级标准定级、按等级名称合并计数：",
            "Note: these files use {n} grade tables; each project is graded on its own table and "
            "counted by grade name:",
        ),
        "lbl_batch_table_use": ("  {bands}：{n} 个项目", "  {bands}: {n} projects"),
    },
    LABELS,
)
t = MESSAGES.t


class TablePrinter:
    """Prints the 汇总表 in blocks of BLOCK_ROWS rows as they come.

    Column widths are those of the widest cell seen so far, so blocks line up
    (a later, wider cell widens its column from its block on). The 满分 column
    is shown when a row of the first block is not out of 100; a later such
    row shows its score as "45.00/50".
    """

    def __init__(self) -> None:
        from .console import console

        self.out = console()
        self.block: list[SummaryRow] = []
        self.printed = 0
        self.widths: list[int] | None = None
        self.with_points = False

    def add(self, row: SummaryRow) -> None:
        self.block.append(row)
        if len(self.block) >= BLOCK_ROWS:
            self.flush()

    def headers(self) -> list[str]:
        headers = [t("lbl_batch_no"), t("lbl_batch_name"), t("lbl_batch_department")]
        if self.with_points:
            headers.append(t("lbl_batch_points"))
        return [*headers, t("lbl_score"), t("lbl_batch_grade"), t("lbl_batch_lost")]

    def cells(self, index: int, row: SummaryRow) -> list[str]:

        score = fixed(row.score, row.precision)
        line = [str(index), " ".join(row.name.split()), " ".join((row.department or "").split())]
        if self.with_points:
            line.append(plain(row.points))
        elif row.points != 100:
            score = f"{score}/{plain(row.points)}"
        if row.partial:  # captured in part: a lower bound, no grade, no loss
            return [*line, f"{BOUND_SIGN}{score}", t("lbl_batch_partial"), NO_FIGURE]
        return [*line, score, row.grade or "—", fixed(row.points_lost, row.precision)]

    def flush(self) -> None:
        # Rows are laid out here rather than by a rich Table: a Table costs about
        # 0.7 ms a row to render, a tenth of the cost of scoring a file.
        from rich.cells import cell_len
        from rich.text import Text

        if not self.block:
            return
        first = self.widths is None
        if first:
            self.with_points = any(row.points != 100 for row in self.block)
            self.out.print(Text(t("lbl_batch_title"), style="bold"))
        headers = self.headers()
        lines = [self.cells(self.printed + i + 1, row) for i, row in enumerate(self.block)]
        widths = self.widths or [cell_len(h) for h in headers]
        for line in lines:
            widths = [max(w, cell_len(c)) for w, c in zip(widths, line, strict=True)]
        self.widths = widths
        right = {0, len(headers) - 3, len(headers) - 1} | ({3} if self.with_points else set())

        def layout(cells: list[str]) -> str:
            out = []
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
                pad = " " * (width - cell_len(cell))
                out.append(pad + cell if i in right else cell + pad)
            return "  ".join(out).rstrip()

        if first:
            self.out.print(Text(layout(headers), style="bold cyan"), soft_wrap=True)
        self.out.file.write("".join(layout(line) + "\n" for line in lines))
        self.out.file.flush()
        self.printed += len(self.block)
        self.block = []

    def finish(self, dist: Distribution) -> None:
        from rich.table import Table
        from rich.text import Text

        from ..model import Grade

        self.flush()
        out = self.out
        if not self.printed:
            out.print(t("lbl_batch_none"), style="bold red")
            return
        if dist.partial:
            out.print(t("lbl_batch_partial_note", n=dist.partial), style="yellow")
        if not dist.scored:
            return
        grades = Table(
            title=t("lbl_batch_dist_title"), title_justify="left", header_style="bold cyan"
        )
        grades.add_column(t("lbl_batch_grade"))
        grades.add_column(t("lbl_batch_count"), justify="right")
        grades.add_column(t("lbl_batch_share"), justify="right")
        for name, count in dist.counts.items():
            grades.add_row(name, str(count), f"{dist.shares[name]:f}%")
        grades.add_row(t("lbl_total_row"), str(dist.scored), "100.00%")
        out.print(grades)
        assert dist.mean is not None
        if dist.mixed_bases:  # a mean of scores out of different points says nothing
            bases = join(plain(base) for base in dist.bases)
            out.print(
                Text(
                    t(
                        "lbl_batch_mean_rate",
                        rate=f"{dist.mean_rate:f}%",
                        n=dist.scored,
                        bases=bases,
                    ),
                    style="bold",
                )
            )
        else:
            out.print(
                Text(t("lbl_batch_mean", mean=format(dist.mean, "f"), n=dist.scored), style="bold")
            )
        if dist.mixed_tables:
            out.print(t("lbl_batch_mixed", n=len(dist.tables)), style="yellow")
            for table_key, count in dist.tables.items():
                bands = grade_bands_text(tuple(Grade(name, low) for name, low in table_key))
                out.print(t("lbl_batch_table_use", bands=bands, n=count), style="yellow")


def project_dict(index: int, row: SummaryRow) -> dict[str, Any]:
    out: dict[str, Any] = {
        "no": index,
        "file": row.file,
        "name": row.name,
        "department": row.department,
    }
    if row.year is not None:
        out["year"] = row.year
    out.update(
        points=row.points,
        score=row.score,
        rate=row.rate,
        grade=row.grade,
        points_lost=row.points_lost,
        checks=row.checks,
        disagreements=row.disagreements,
        partial=row.partial,
    )
    return out


def summary_json(rows: Sequence[SummaryRow], dist: Distribution, failed: Sequence[Failure]) -> str:
    """The JSON of the summary, written project by project (exact numbers)."""
    from ..render.json_export import dumps

    def block(key: str, items: list[Any], last: bool = False) -> str:
        if not items:
            return f'  "{key}": []' + ("\n" if last else ",\n")
        body = ",\n".join(_indent(dumps(item).rstrip("\n"), "    ") for item in items)
        return f'  "{key}": [\n{body}\n  ]' + ("\n" if last else ",\n")

    head = {
        "perfscore": 1,
        "count": len(rows) + len(failed),
        "scored": len(rows),
        "failed_count": len(failed),
    }
    parts = ["{\n"]
    parts += [f"  {_dumps_inline(k)}: {_dumps_inline(v)},\n" for k, v in head.items()]
    parts.append(block("projects", [project_dict(i, r) for i, r in enumerate(rows, 1)]))
    grades = {
        name: {"count": dist.counts[name], "share": dist.shares[name]} for name in dist.counts
    }
    parts.append(_member("grades", grades))
    parts.append(f'  "mean": {_dumps_inline(dist.mean)},\n')
    parts.append(f'  "mean_rate": {_dumps_inline(dist.mean_rate)},\n')
    parts.append(_member("bases", list(dist.bases)))
    parts.append(f'  "partial_count": {dist.partial},\n')
    tables = [
        {"grades": [{"grade": n, "min": m} for n, m in key], "count": c}
        for key, c in dist.tables.items()
    ]
    parts.append(block("grade_tables", tables))
    parts.append(block("failed", [failure_dict(f) for f in failed], last=True))
    parts.append("}\n")
    return "".join(parts)


def failure_dict(failure: Failure) -> dict[str, Any]:
    return {
        "file": failure.file,
        "error": failure.error,
        "problems": [
            {"line": p.line, "path": p.path, "message": p.message} for p in failure.problems
        ],
    }


def _dumps_inline(value: Any) -> str:
    from ..render.json_export import dumps

    return dumps(value).rstrip("\n")


def _member(key: str, value: Any) -> str:
    """``  "key": value,`` of the top-level object, the value indented one level."""
    return f"  {_dumps_inline(key)}: " + _indent(_dumps_inline(value), "  ").lstrip() + ",\n"


def _indent(text: str, pad: str) -> str:
    return "\n".join(pad + line for line in text.split("\n"))


def summary_csv(rows: Sequence[SummaryRow], failed: Sequence[Failure]) -> bytes:
    """The table as CSV, UTF-8 with BOM (Excel opens it as UTF-8); failures at the end.
    Text cells are made inert (:func:`.safety.csv_cell`): a name like =HYPERLINK(…) is shown,
    never run."""
    import csv
    import io

    from .safety import csv_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        [
            t("lbl_batch_no"),
            t("lbl_batch_name"),
            t("lbl_batch_department"),
            t("lbl_batch_points"),
            t("lbl_score"),
            t("lbl_rate"),
            t("lbl_batch_grade"),
            t("lbl_batch_lost"),
            t("lbl_batch_file"),
            t("lbl_batch_error"),
        ]
    )
    for index, row in enumerate(rows, 1):
        score = fixed(row.score, row.precision)
        if row.partial:  # as the terminal: a lower bound, no rate (—), no grade, no loss (—)
            figures = [f"{BOUND_SIGN}{score}", NO_FIGURE, t("lbl_batch_partial"), NO_FIGURE]
        else:
            figures = [
                score,
                fixed(row.rate, 2),
                csv_cell(row.grade),
                fixed(row.points_lost, row.precision),
            ]
        writer.writerow(
            [
                index,
                csv_cell(row.name),
                csv_cell(row.department or ""),
                plain(row.points),
                *figures,
                csv_cell(row.file),
                "",
            ]
        )
    for failure in failed:
        writer.writerow(
            ["", "", "", "", "", "", "", "", csv_cell(failure.file), csv_cell(failure.error)]
        )
    from ..unencodable import encode  # a file name's undecodable bytes as U+FFFD, never an error

    return b"\xef\xbb\xbf" + encode(buffer.getvalue())
