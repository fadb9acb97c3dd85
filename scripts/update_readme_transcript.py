"""Regenerate the transcript in README.md from what `perfscore evaluate` prints now.

    .venv/bin/python scripts/update_readme_transcript.py

tests/test_docs.py fails when the README's transcript and the real output differ.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
COMMAND = ["evaluate", "examples/yirenyidang-2023.yaml"]
WIDTH = "140"
START, END = "<!-- transcript:start -->", "<!-- transcript:end -->"


def transcript() -> str:
    """The command line and its output, as a fenced block."""
    import os

    from typer.testing import CliRunner

    from perfscore.cli import app
    from perfscore.messages import set_language

    set_language("zh")
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, COMMAND, env={"COLUMNS": WIDTH})
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    return "```console\n$ perfscore " + " ".join(COMMAND) + "\n" + "\n".join(lines) + "\n```"


def current(readme: str) -> str:
    match = re.search(re.escape(START) + r"\n(.*?)\n" + re.escape(END), readme, re.S)
    return match.group(1) if match else ""


def main() -> None:
    readme = README.read_text(encoding="utf-8")
    block = f"{START}\n{transcript()}\n{END}"
    readme = re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: block, readme, flags=re.S)
    README.write_text(readme, encoding="utf-8")


if __name__ == "__main__":
    main()
