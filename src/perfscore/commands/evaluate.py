"""``perfscore evaluate FILE...``: score files and print the tables, the grade and the checks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_INPUT, EXIT_OK, PerfscoreError
from ..records import record
from ._options import FilesArgument, JsonOption, LangOption

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..batch import Failure


@record
class Evaluated:
    """What evaluating the files gave, in their order: an analysis or a failure each."""

    outcomes: tuple[Analysis | Failure, ...]

    @property
    def analyses(self) -> list[Analysis]:
        from ..analysis import Analysis

        return [item for item in self.outcomes if isinstance(item, Analysis)]

    @property
    def failed(self) -> bool:
        from ..batch import Failure

        return any(isinstance(item, Failure) for item in self.outcomes)


def evaluate_files(files: list[str]) -> Evaluated:
    """Score and analyse each file; a file that cannot be scored is a Failure."""
    from ..analysis import analyse
    from ..batch import Failure, score_file

    outcomes: list[Analysis | Failure] = []
    for file in files:
        try:
            outcomes.append(analyse(score_file(file)))
        except PerfscoreError as error:
            outcomes.append(Failure(file, tuple(error.problems)))
    return Evaluated(tuple(outcomes))


def evaluate(
    files: FilesArgument,
    json_path: JsonOption = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="逐项说明末级指标的规则、输入、计算与结果 / explain every leaf."
        ),
    ] = False,
    lang: LangOption = None,
) -> int:
    """评分：打印指标得分表、一级指标汇总、总分与等级 / score files and print the tables."""
    from ..batch import Failure
    from ..render.console import console, report_problems
    from ..render.terminal import print_evaluation

    json_to_stdout = False
    if json_path is not None:  # the writing gate is imported only for a run that writes
        from ..output import STDOUT, check_outputs

        check_outputs([json_path], files)  # an output over an input: refused before any table
        json_to_stdout = json_path == STDOUT
    evaluated = evaluate_files(files)
    out = None if json_to_stdout else console()
    for item in evaluated.outcomes:
        if isinstance(item, Failure):
            report_problems(item.problems)
        elif out is not None:
            if len(files) > 1:
                out.rule(item.result.evaluation.file)
            print_evaluation(item, out, explain=explain)
    written = True
    analyses = evaluated.analyses
    if json_path is not None and analyses:
        from ..render.json_export import dumps, result_to_dict
        from ..rules import files_read
        from ._shared import write_outputs

        def export() -> str:
            payload = [result_to_dict(analysis) for analysis in analyses]
            return dumps(payload[0] if len(files) == 1 else payload)

        inputs = [*files, *(path for a in analyses for path in files_read(a.result.evaluation))]
        written = write_outputs([(json_path, export)], inputs)
    return EXIT_INPUT if evaluated.failed or not written else EXIT_OK
