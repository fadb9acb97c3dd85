"""The standard streams (render/console.py prepare_streams, issue 14 items 6 and 13).

Each case runs the installed entry point in a child process, because what is pinned is how
perfscore meets the streams a shell gives it: an encoding that is neither UTF-8 nor GBK, a
closed standard output, a reader that goes away.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import EXAMPLES, ROOT

EXAMPLE = str(EXAMPLES / "yirenyidang-2023.yaml")  # 中, exit 0; check exit 0
SURVEY = str(EXAMPLES / "yirenyidang-survey-2024.csv")
DISAGREE = str(ROOT / "tests" / "data" / "check" / "total.yaml")  # check: exit 3

COMMANDS = {
    "evaluate": (["evaluate", EXAMPLE], 0),
    "evaluate --json -": (["evaluate", EXAMPLE, "--json", "-"], 0),
    "validate": (["validate", EXAMPLE], 0),
    "summary": (["summary", str(EXAMPLES)], 0),
    "check": (["check", DISAGREE], 3),
    "survey": (["survey", SURVEY], 0),
    "schema": (["schema"], 0),
    "templates": (["templates"], 0),
}


def run(args, env=None, close_stdout=False, **kwargs) -> subprocess.CompletedProcess:
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "perfscore", *args],
        env=environment,
        capture_output=not close_stdout,
        stderr=subprocess.PIPE if close_stdout else None,
        preexec_fn=(lambda: os.close(1)) if close_stdout else None,
        timeout=120,
        **kwargs,
    )


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "latin-1"},
        {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"},
        {"PYTHONIOENCODING": "gbk", "COLUMNS": "25"},
    ],
    ids=["latin-1", "C-locale", "gbk-narrow"],
)
def test_any_output_encoding(name, env):
    """Item 6: standard output in latin-1, ASCII (C locale, coercion off) or GBK: every command
    runs with its usual exit code; what the encoding cannot show is replaced, no traceback."""
    args, code = COMMANDS[name]
    proc = run(args, env)
    assert proc.returncode == code, proc.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in proc.stderr
    assert proc.stdout


def test_what_latin1_cannot_show_is_replaced():
    """Chinese on a latin-1 terminal becomes "?" (the JSON of --json - stays UTF-8)."""
    proc = run(["validate", EXAMPLE], {"PYTHONIOENCODING": "latin-1"})
    assert proc.stdout == f"{EXAMPLE}: OK\n".encode("latin-1")
    proc = run(["evaluate", EXAMPLE, "--json", "-"], {"PYTHONIOENCODING": "latin-1"})
    assert "“一人一档、一企一档”建设项目" in proc.stdout.decode("utf-8")
    proc = run(["validate", "不存在.yaml"], {"PYTHONIOENCODING": "latin-1"})
    assert proc.stderr == "???.yaml: ?????\n".encode("latin-1")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_closed_standard_output(name):
    """Item 6: standard output closed (`1>&-`): one message, exit 1, no traceback."""
    args, _code = COMMANDS[name]
    proc = run(args, close_stdout=True)
    assert proc.returncode == 1
    assert proc.stderr.decode("utf-8") == "无法写入标准输出：标准输出已关闭\n"


def test_closed_standard_error_is_quiet():
    """Standard error closed (`2>&-`): nothing to report to; the exit code still tells."""
    proc = subprocess.run(
        [sys.executable, "-m", "perfscore", "validate", "missing.yaml"],
        stdout=subprocess.PIPE,
        preexec_fn=lambda: os.close(2),
        timeout=60,
    )
    assert proc.returncode == 1 and proc.stdout == b""


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_broken_pipe_keeps_the_exit_code(name):
    """Item 13: a reader that has gone away (`| head` that exited) does not change the exit
    code: tables, `--json -` and the audit's 3 alike; nothing on standard error."""
    args, code = COMMANDS[name]
    proc = subprocess.Popen(
        [sys.executable, "-m", "perfscore", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader leaves before the first line
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) == code
    assert stderr == b""


def test_broken_pipe_still_writes_the_files(tmp_path):
    """With the reader gone, the run goes on: the --json file is written all the same."""
    out = tmp_path / "out.json"
    proc = subprocess.Popen(
        [sys.executable, "-m", "perfscore", "evaluate", EXAMPLE, "--json", str(out)],
        stdout=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.close()
    assert proc.wait(timeout=120) == 0
    assert out.read_text(encoding="utf-8").startswith("{")


def test_say_writes_what_rich_prints():
    """say() writes a line as console.print does, byte for byte, without colour (written
    directly when it fits) and with colour (printed by rich): a line that fits, one with
    an ideographic space, one longer than the 30 columns (wrapped), a control character,
    a styled Text."""
    import io

    from rich.console import Console
    from rich.text import Text

    from perfscore.render.console import say

    lines = [
        ("绩效评价得分：78.49 分", "bold"),
        ("等级标准：优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60", "dim"),
        ("单项失分即可补足的指标：应用场景质量（失 4 分）；系统培训完成率（失 3.67 分）", ""),
        ("a\tb\x07c", "yellow"),
        (Text("核对报告值：145 项全部一致", style="bold"), ""),
    ]
    for colour in (None, "truecolor"):
        ours, theirs = (
            Console(file=io.StringIO(), width=30, color_system=colour, highlight=False)
            for _ in range(2)
        )
        for text, style in lines:
            say(ours, text, style)
            theirs.print(text, style=style or None)
        assert ours.file.getvalue() == theirs.file.getvalue()


def test_say_on_a_rich_without_its_buffer_counter():
    """say() reads rich's private ``_buffer_index`` (whether ``with console:`` holds output
    back); a console without it is treated as holding it back: the line goes to its print,
    with its style, and nothing is written directly."""
    import io
    from types import SimpleNamespace

    from perfscore.render.console import say

    printed: list[tuple[object, object]] = []
    out = SimpleNamespace(
        color_system=None,
        record=False,
        width=40,
        file=io.StringIO(),
        print=lambda text, style=None: printed.append((text, style)),
    )
    say(out, "绩效评价得分：78.49 分", "bold")  # type: ignore[arg-type]
    assert printed == [("绩效评价得分：78.49 分", "bold")] and out.file.getvalue() == ""
