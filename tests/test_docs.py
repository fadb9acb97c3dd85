"""Docs that cannot drift: the README's commands, transcript and command list."""

from __future__ import annotations

import importlib.util
import re

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _transcript_module():
    spec = importlib.util.spec_from_file_location(
        "update_readme_transcript", ROOT / "scripts" / "update_readme_transcript.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ci_runs_the_readme_commands():
    """.ci/run's commands are the README's set-up, test and check commands, word for word."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [
        line for line in ci.splitlines() if line and not line.startswith(("#", "set ", "cd "))
    ]
    assert len(commands) == 3
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert commands == blocks[:3]


def test_readme_transcript_is_real():
    """The README's transcript is what `perfscore evaluate` prints (scripts/update_readme_transcript.py)."""
    module = _transcript_module()
    assert module.current(README) == module.transcript(), (
        "README transcript is stale: run .venv/bin/python scripts/update_readme_transcript.py"
    )


def test_every_command_documented(cli):
    """Every command has help text and a row in the README's command table."""
    import typer.main

    from perfscore.cli import app

    group = typer.main.get_command(app)
    assert group.commands
    for name, command in group.commands.items():
        assert command.help, name
        assert f"`perfscore {name}" in README, f"README lacks perfscore {name}"
        assert cli(name, "--help").exit_code == 0


def test_readme_as_printed_transcript_is_real(cli):
    """The README's `perfscore check` of a published sheet is what the command prints."""
    command = "$ perfscore check examples/yinchuan-chuzhong-gongyong-2021.yaml\n"
    block = README.split(command, 1)[1].split("\n```", 1)[0]
    result = cli("check", "examples/yinchuan-chuzhong-gongyong-2021.yaml", env={"COLUMNS": "100"})
    assert result.exit_code == 3
    assert result.stdout.rstrip("\n") == block
