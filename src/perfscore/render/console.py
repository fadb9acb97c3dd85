"""The terminal: one place that makes rich consoles and prints problems.

Commands print through :func:`console` (tables, lines) and :func:`report_error`
(one red line per problem on standard error); nothing else in perfscore
creates a console. :func:`prepare_streams` (called once by the CLI) makes
standard output and error safe to write whatever the process was given.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

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
    if width is not None:
        # The width is fixed, so the height is taken once too: rich asks the terminal for
        # both on every print otherwise (three failing ioctls on a pipe), and no table or
        # line perfscore prints depends on the height.
        out.height = out.height
    return out


def say(out: Console, text: str | Text, style: str = "") -> None:
    """``out.print(text, style=style)`` for one line of words. Without colour (a pipe or a
    file: no colour system, nothing recorded or held back) a line that fits the width is
    what rich would write, the text and a line break, so it is written directly: rich's
    print is about 0.2 ms a line at start-up, a tenth of evaluate's own time for its lines.
    A control character, a longer line (rich wraps it), colour: printed by rich."""
    from rich.cells import cell_len

    plain = text if isinstance(text, str) else text.plain
    if (
        out.color_system is None
        and not out.record
        # inside ``with out:`` rich holds its output back (a rich without this private
        # counter is treated as holding it: printed by rich)
        and not getattr(out, "_buffer_index", 1)
        and not any(char < " " or "\x7f" <= char <= "\x9f" for char in plain)
        and cell_len(plain) <= out.width
    ):
        out.file.write(plain + "\n")
        out.file.flush()
        return
    out.print(text, style=style or None)


def report_problems(problems: Iterable[Problem]) -> None:
    """One red line per problem on standard error (a file name's undecodable bytes as U+FFFD)."""
    from ..unencodable import printable

    for problem in problems:
        typer.secho(printable(str(problem)), err=True, fg="red")


def report_error(error: PerfscoreError) -> None:
    report_problems(error.problems)


# ---------------------------------------------------------------- the standard streams


class _Closed(io.TextIOBase):
    """Standard output that was closed before perfscore started (``1>&-``): the first
    write fails with EBADF, which the CLI reports as one line."""

    encoding = "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def isatty(self) -> bool:
        return False


class _QuietBuffer(io.BufferedWriter):
    """The bytes under a standard stream whose reader may go away (``| head``): the rest is
    then discarded and the run goes on, so that its exit code and its files do not depend on
    when the reader stopped. Below the text layer, so that every writer of the stream (click
    re-wraps a stream it thinks misconfigured, JSON goes out as bytes) is covered."""

    def write(self, data: Any) -> int:
        try:
            return super().write(data)
        except BrokenPipeError:
            self._gone()
            return len(data)

    def flush(self) -> None:
        try:
            super().flush()
        except BrokenPipeError:
            self._gone()

    def _gone(self) -> None:
        stop_writing(self)
        with contextlib.suppress(OSError, ValueError):
            super().flush()  # what was pending, now to the null device


def stop_writing(stream: Any) -> None:
    """Send the rest of ``stream`` (its reader went away) to the null device."""
    with contextlib.suppress(AttributeError, OSError, ValueError):  # not a real file
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, stream.fileno())
        finally:
            os.close(null)


def _safe(stream: io.TextIOWrapper) -> io.TextIOWrapper:
    """``stream`` on its own copy of the descriptor: unencodable text replaced
    (unencodable.REPLACE), a broken pipe quiet."""
    from ..unencodable import REPLACE

    stream.flush()
    raw = io.FileIO(os.dup(stream.fileno()), "w", closefd=True)
    return io.TextIOWrapper(
        _QuietBuffer(raw),
        encoding=stream.encoding,
        errors=REPLACE,
        line_buffering=stream.line_buffering,
        write_through=getattr(stream, "write_through", False),
    )


def prepare_streams() -> None:
    """Standard output and error as perfscore writes them, whatever the process was given.

    Characters the terminal's encoding cannot show (latin-1, ASCII, GBK) and the
    undecodable bytes of file names are replaced (U+FFFD or "?"), never an error;
    a stream closed at start is an error at its first write (one message, exit 1);
    a reader that goes away ends the output, not the run. Streams that are not
    files (a test harness's) are left as they are.
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:  # closed before start: stdout fails loudly, stderr has no reader
            setattr(sys, name, _Closed() if name == "stdout" else open(os.devnull, "w"))  # noqa: SIM115
            continue
        if not isinstance(stream, io.TextIOWrapper) or isinstance(stream.buffer, _QuietBuffer):
            continue
        try:
            stream.fileno()
        except (OSError, ValueError):  # io.UnsupportedOperation: not a real file
            continue
        setattr(sys, name, _safe(stream))
