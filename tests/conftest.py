"""Shared helpers: run the CLI in-process and write small evaluation files."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfscore.messages import set_language

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def _chinese_by_default():
    """Every test starts in the default language, whatever the previous one set."""
    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture
def cli():
    """Invoke ``perfscore`` in-process; returns click's Result (stdout/stderr apart)."""
    from perfscore.cli import app

    runner = CliRunner()

    def invoke(*args: str, **kwargs):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, **kwargs)

    return invoke


@pytest.fixture
def write(tmp_path):
    """Write dedented YAML text to a file in tmp_path and return its path."""

    def _write(text: str, name: str = "eval.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write
