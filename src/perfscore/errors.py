"""One exception hierarchy for every failure a user can cause.

The core raises these; ``cli.py`` translates them once into red lines on
standard error and a named exit code. Anything else that escapes is a bug and
stays loud.
"""

from __future__ import annotations

from .records import record

# Named exit codes (documented in --help and the README).
EXIT_OK = 0
EXIT_INPUT = 1  # the input is wrong (or an output could not be written)
EXIT_USAGE = 2  # the command line is wrong
EXIT_DISAGREE = 3  # published (reported) numbers disagree with the computed ones


@record
class Problem:
    """One thing wrong with an input, located as precisely as we can."""

    message: str
    file: str | None = None
    line: int | None = None
    path: str | None = None  # indicator path, "产出/产出数量/系统培训完成率"

    def __str__(self) -> str:
        # "file:line: [path] message" -- the shape of compiler errors, which
        # editors and CI logs already know how to link.
        head = self.file or ""
        if self.file and self.line:
            head += f":{self.line}"
        body = f"[{self.path}] {self.message}" if self.path else self.message
        return f"{head}: {body}" if head else body


class PerfscoreError(Exception):
    """Base of every error perfscore reports to a user."""

    exit_code = EXIT_INPUT

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = Problem(problems)
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(p) for p in problems))


class InputError(PerfscoreError):
    """The evaluation file (or another input) is wrong."""


class OutputError(PerfscoreError):
    """An output could not be written."""


class UsageError(PerfscoreError):
    """The command line asks for something impossible."""

    exit_code = EXIT_USAGE
