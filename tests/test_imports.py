"""Every module of the package imports on its own, in a fresh interpreter: no import cycle."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT

SRC = ROOT / "src"
MODULES = sorted(
    ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
    for path in (SRC / "perfscore").rglob("*.py")
    if path.name != "__main__.py"
)


def test_the_list_is_the_package():
    """The modules found are the package's (a guard against an empty or wrong list)."""
    assert "perfscore.cli" in MODULES and "perfscore.commands.report" in MODULES
    assert len(MODULES) > 50


def test_every_module_imports_alone():
    """`python -c "import perfscore.X"` works for every module, each in a new process."""
    # One process per module (a module imported after another may hide a cycle);
    # the modules are checked in one subprocess each, in parallel batches of the OS.
    failures = {}
    procs = {
        name: subprocess.Popen(
            [sys.executable, "-c", f"import {name}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in MODULES
    }
    for name, proc in procs.items():
        _, err = proc.communicate(timeout=120)
        if proc.returncode != 0:
            failures[name] = err.strip().splitlines()[-1]
    assert failures == {}


@pytest.mark.parametrize(
    "command",
    ["evaluate", "validate", "schema", "report", "summary", "check", "survey", "templates"],
)
def test_command_modules_do_not_import_the_cli(command):
    """A command module never imports perfscore.cli (the boundary has one direction)."""
    code = f"import sys, perfscore.commands.{command}; sys.exit('perfscore.cli' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
