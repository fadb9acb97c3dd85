"""The ``perfscore`` command: the typer app, and the one place where errors become exit codes.

Each command lives in :mod:`perfscore.commands` (one module each) and returns
its exit code; a :class:`~perfscore.errors.PerfscoreError` raised anywhere
below is printed here, one red line per problem on standard error, and exits
with its named code (docs: README "Exit codes"). Usage errors (an unknown
option, a missing file argument) are printed in the chosen language and exit 2.
Anything else that escapes is a bug and stays loud.
"""

from __future__ import annotations

import gc
import os
import re
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from importlib import import_module
from typing import Annotated, Any

# Allocations between two young collections (Python's default: 700); bench/scale.py.
GC_THRESHOLD = 50_000
# Raised while typer is imported (below), as main() raises it for the rest of a run
# (tune_gc): importing typer makes tens of thousands of objects, none of them garbage,
# and at the default threshold the collector ran over them about 20 times, 2 ms of every
# start. At the end of this module they are frozen (gc.freeze: never walked again, as
# tune_gc does for the rest) and the threshold is restored, for a program that imports
# the CLI without running it (the tests: a larger threshold there grew the process).
_THRESHOLDS = gc.get_threshold()
gc.set_threshold(GC_THRESHOLD, 50, 1000)

import typer  # noqa: E402
from typer.core import TyperGroup  # noqa: E402

from . import __version__  # noqa: E402
from .commands import COMMANDS  # noqa: E402
from .commands._options import LangOption  # noqa: E402
from .errors import EXIT_INPUT, EXIT_OK, EXIT_USAGE, PerfscoreError  # noqa: E402
from .messages import language, pick, set_language  # noqa: E402

HELP = """perfscore：预算绩效评价打分工具 / scorer for budget performance evaluations.

退出码 / exit codes: 0 正常 ok; 1 输入有误 input is wrong; 2 用法有误 usage;
3 与报告值不一致 published numbers disagree (check).

文件格式 / file format: docs/format.md; 评分规则 / scoring rules: docs/rules.md.
"""


def _language_from(args: Sequence[str]) -> str | None:
    """The language asked for on the command line (``--lang en``, ``--lang=en``) or in
    PERFSCORE_LANG, read before parsing so that a usage error is in that language."""
    chosen = os.environ.get("PERFSCORE_LANG")
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            chosen = args[index + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
    return chosen if chosen in ("zh", "en") else None


class LazyCommands(MutableMapping[str, Any]):
    """The group's commands by name, each built (its module imported, its typer command
    made) when it is first looked up: a run imports the one command it runs, not all nine."""

    def __init__(self, names: Sequence[str], build: Callable[[str], Any]) -> None:
        self.names = list(names)
        self.build = build
        self.built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self.built:
            if name not in self.names:
                raise KeyError(name)
            self.built[name] = self.build(name)
        return self.built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        if name not in self.names:
            self.names.append(name)
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        self.names.remove(name)
        self.built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


def _build_command(name: str) -> Any:
    """The typer command ``name``, as ``app.command(name)(callback)`` would register it."""
    from typer.main import get_command_from_info
    from typer.models import CommandInfo

    module = {command: module for module, command in COMMANDS}[name]
    callback = getattr(import_module(f"perfscore.commands.{module}"), name)
    return get_command_from_info(
        CommandInfo(name=name, callback=callback),
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
    )


class PerfscoreGroup(TyperGroup):
    """perfscore's command group: full one-line summaries, translated usage errors,
    and the single handler of :class:`PerfscoreError`. Its commands are built when
    first used (:class:`LazyCommands`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        commands = LazyCommands([name for _, name in COMMANDS], _build_command)
        for name, command in self.commands.items():  # any registered the usual way
            commands[name] = command
        self.commands = commands

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        # click cuts each summary at ~45 characters; ours are one sentence in each
        # language, shown whole in the chosen one.
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            rows.append((name, command_summary(command.help or "")))
        if rows:
            with formatter.section(pick("命令", "Commands")):
                formatter.write_dl(rows)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except PerfscoreError as error:
            from .render.console import report_error

            report_error(error)
            return error.exit_code

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        set_language(_language_from(argv) or "zh")
        import_module("perfscore.render.console").prepare_streams()  # any encoding, 1>&-, | head
        try:
            code = super().main(
                args=argv,
                prog_name="perfscore",  # also under a test runner, which says "root"
                complete_var=complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except typer_usage_error() as error:
            code = show_usage_error(error)
        except OSError as exc:  # standard output full (> /dev/full) or closed (1>&-): exit 1
            code = _stdout_failure(exc)
        if code is None:
            code = EXIT_OK
        if standalone_mode:
            sys.exit(code)
        return code


def _stdout_failure(exc: OSError) -> int:
    from .output import stdout_failure
    from .render.console import report_error

    error = stdout_failure(exc)
    if error is None:
        raise exc  # any other OSError is a bug: files go through load/output
    report_error(error)
    return error.exit_code


def typer_usage_error() -> type[Exception]:
    """click's UsageError as typer 0.28 carries it (vendored; pyproject pins typer 0.28)."""
    from typer._click.exceptions import UsageError

    return UsageError


# "中文摘要 / English summary": the first slash followed by an English word.
_LANGUAGE_SPLIT = re.compile(r"\s*/\s+(?=[A-Za-z])")


def command_summary(help_text: str) -> str:
    """A command's docstring as one line in the current language ("中文 / English")."""
    text = " ".join(help_text.split())
    parts = _LANGUAGE_SPLIT.split(text, maxsplit=1)
    if len(parts) == 1:
        return text
    return parts[1] if language() == "en" else parts[0]


def show_usage_error(error: Any) -> int:
    """A usage error as click shows it, its sentence in the chosen language; exit 2."""
    from .usage import usage_message

    ctx = error.ctx
    if getattr(error, "no_args_is_help", False) or type(error).__name__ == "NoArgsIsHelpError":
        typer.echo(ctx.get_help())
        return EXIT_USAGE
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        lines.append(
            pick(f"运行“{ctx.command_path} -h”查看帮助。", f"Try '{ctx.command_path} -h' for help.")
        )
        lines.append("")
    lines.append(pick("错误：", "Error: ") + usage_message(error))
    typer.echo("\n".join(lines), err=True)
    return EXIT_USAGE


app = typer.Typer(
    name="perfscore",
    cls=PerfscoreGroup,
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        # As mypy and black say it: whether the core is compiled (setup.py) is the first thing
        # to know of a run that is slower than docs/performance.md says.
        from . import compiled

        typer.echo(f"perfscore {__version__} (compiled: {'yes' if compiled() else 'no'})")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    lang: LangOption = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            is_eager=True,
            callback=_show_version,
            help="显示版本并退出 / show the version and exit.",
        ),
    ] = False,
) -> None:
    # The options before the command name: --lang applies to every command.
    del lang, version  # both act in their callbacks


def tune_gc() -> None:
    """Python's cyclic collector, set for a run that builds a large tree of small objects.

    Every collection of the oldest generation walks the whole live heap: while a
    50,000-leaf tree (millions of objects) is being built, that is walked again and
    again, for nothing (perfscore's values are trees; reference counting frees them).
    The modules imported so far move to a generation the collector never walks
    (``gc.freeze``), and the thresholds let it run about a hundred times less often: it
    still runs, so cycles (an exception and its frames) are collected, young.
    """
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, 50, 1000)


def main() -> None:
    """Console-script entry point."""
    tune_gc()
    app()


__all__ = ["EXIT_INPUT", "app", "main"]

gc.freeze()  # see GC_THRESHOLD
gc.set_threshold(*_THRESHOLDS)
