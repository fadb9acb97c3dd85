"""The ``perfscore`` command: a thin typer layer over the core.

It parses options, calls the core, renders, and translates every
:class:`~perfscore.errors.PerfscoreError` into red lines on standard error
and a named exit code. Heavy imports (rich, jsonschema) happen inside the
commands that need them, so that each call starts fast.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from .errors import EXIT_INPUT, EXIT_OK, PerfscoreError

HELP = """perfscore：预算绩效评价打分工具 / scorer for budget performance evaluations.

退出码 / exit codes: 0 正常 ok; 1 输入有误 input is wrong; 2 用法有误 usage;
3 与报告值不一致 published numbers disagree (check).
"""

app = typer.Typer(help=HELP, no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False, rich_markup_mode=None)


class Lang(str, Enum):
    zh = "zh"
    en = "en"


LangOption = Annotated[Lang, typer.Option("--lang", help="语言 / language: zh (默认) or en.",
                                          envvar="PERFSCORE_LANG")]
FilesArgument = Annotated[list[str], typer.Argument(help="评价文件 (YAML) / evaluation files.",
                                                    metavar="FILE...")]


def _set_lang(lang: Lang) -> None:
    from .messages import set_language

    set_language(lang.value)


def report_error(error: PerfscoreError) -> None:
    """One red line per problem on standard error."""
    for problem in error.problems:
        typer.secho(str(problem), err=True, fg="red")


def sources(results) -> list[str]:
    """Every file the results were scored from (never to be overwritten by an output)."""
    from .rules import files_read

    return [path for result in results for path in files_read(result.evaluation)]


def console(stderr: bool = False):
    """A rich console; piped output gets a width that fits the tree table."""
    from rich.console import Console

    width = None
    stream = sys.stderr if stderr else sys.stdout
    if not stream.isatty() and "COLUMNS" not in os.environ:
        width = 160
    # markup/emoji off: names and targets are the user's text, never rich markup
    # ("[/bold]" in a name raised MarkupError; "[red]x" lost its brackets).
    return Console(stderr=stderr, width=width, highlight=False, soft_wrap=False, markup=False,
                   emoji=False)


@app.command()
def evaluate(
    files: FilesArgument,
    json_path: Annotated[Optional[str], typer.Option(
        "--json", metavar="PATH",
        help="写出 JSON 结果（format.md §2）；- 为标准输出 / write the JSON export; - for stdout.")] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="逐项说明末级指标的规则、输入、计算与结果 / explain every leaf.")] = False,
    lang: LangOption = Lang.zh,
) -> None:
    """评分：打印指标得分表、一级指标汇总、总分与等级 / score files and print the tables."""
    _set_lang(lang)
    from .check import load_evaluation
    from .engine import score
    from .output import STDOUT, write_output

    quiet = json_path == STDOUT
    out = None if quiet else console()
    results = []
    failed = False
    for file in files:
        try:
            result = score(load_evaluation(file))
        except PerfscoreError as error:
            report_error(error)
            failed = True
            continue
        results.append(result)
        if out is not None:
            from .render.terminal import print_result

            if len(files) > 1:
                out.rule(file)
            print_result(result, out)
            from .render.terminal_analysis import print_analysis

            print_analysis(result, out, explain=explain)
    if json_path is not None and results:
        from .render.json_export import dumps, result_to_dict

        payload = [result_to_dict(r) for r in results]
        data = dumps(payload[0] if len(files) == 1 else payload)
        try:
            write_output(json_path, data, inputs=[*files, *sources(results)])
        except PerfscoreError as error:
            report_error(error)
            failed = True
    raise typer.Exit(EXIT_INPUT if failed else EXIT_OK)


@app.command()
def validate(files: FilesArgument, lang: LangOption = Lang.zh) -> None:
    """检查：只做格式（JSON Schema）与算术检查 / check files against the schema and arithmetic."""
    _set_lang(lang)
    from .check import build_evaluation
    from .load import load_yaml
    from .schema import schema_problems

    failed = False
    for file in files:
        try:
            raw = load_yaml(file)
            build_evaluation(raw, file)
            schema_problems(raw, file)
        except PerfscoreError as error:
            report_error(error)
            failed = True
            continue
        typer.echo(f"{file}: OK")
    raise typer.Exit(EXIT_INPUT if failed else EXIT_OK)


@app.command()
def schema() -> None:
    """打印评价文件的 JSON Schema / print the JSON Schema of evaluation files."""
    from .schema import schema_text

    typer.echo(schema_text(), nl=False)


# Further commands live in perfscore/commands/<name>.py, each with a
# ``register(app)`` that adds its command(s); they import their heavy
# dependencies inside the command function, so registering them is cheap.
EXTRA_COMMANDS: tuple[str, ...] = ("report", "summary", "audit", "survey", "templates")


def _register_extra_commands() -> None:
    from importlib import import_module

    for name in EXTRA_COMMANDS:
        import_module(f"perfscore.commands.{name}").register(app)


_register_extra_commands()


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except OSError as exc:  # standard output on a full disk (> /dev/full): a message, exit 1
        from .output import stdout_failure

        error = stdout_failure(exc)
        if error is None:
            raise  # any other OSError is a bug: files go through load/output
        report_error(error)
        raise SystemExit(error.exit_code) from None
