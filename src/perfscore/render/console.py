"""The terminal: one place that makes rich consoles and prints problems.

Commands print through :func:`console` (tables, lines) and :func:`report_error`
(one red line per problem on standard error); nothing else in perfscore
creates a console.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from ..errors import PerfscoreError, Problem

# Piped output (no terminal, no COLUMNS) is laid out at this width: wide enough
# for the tree table of a published report, narrow enough for a log viewer.
PIPED_WIDTH = 160
# Below this, no table can be laid out readably; a smaller COLUMNS is ignored.
MIN_WIDTH = 20


def terminal_width(stream) -> int | None:
    """The width to lay tables out at: COLUMNS if it is a usable number, else the
    terminal's own (None: let rich ask), else PIPED_WIDTH for a pipe or a file."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) >= MIN_WIDTH:
        return int(columns)
    if stream.isatty():
        return None
    return PIPED_WIDTH


def console(stderr: bool = False) -> Console:
    """A rich console for standard output (or error), at :func:`terminal_width`."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    width = terminal_width(stream)
    # markup/emoji off: names and targets are the user's text, never rich markup
    # ("[/bold]" in a name raised MarkupError; "[red]x" lost its brackets).
    out = Console(
        file=stream, width=width, highlight=False, soft_wrap=False, markup=False, emoji=False
    )
    if width is None and out.width < MIN_WIDTH:
        out.width = PIPED_WIDTH  # a terminal that reports no width (COLUMNS=0 …)
    return out


def report_problems(problems: Iterable[Problem]) -> None:
    """One red line per problem on standard error."""
    for problem in problems:
        typer.secho(str(problem), err=True, fg="red")


def report_error(error: PerfscoreError) -> None:
    report_problems(error.problems)
