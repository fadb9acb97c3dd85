"""The compiled core (setup.py, docs/performance.md "The compiled core"): the modules it names
exist, a build compiles all of them or none, and compiled code prints what plain Python prints."""

from __future__ import annotations

import ast
import importlib
import os
import shutil
import subprocess
import sys

import pytest

import perfscore

from .conftest import EXAMPLES, PACKAGE, ROOT, built_files


def compiled_names() -> list[str]:
    """setup.py's COMPILED, read without running setup.py."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "COMPILED" for target in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError("setup.py names no COMPILED modules")


def module_of(name: str) -> str:
    dotted = name.removesuffix(".py").replace("/", ".").removesuffix(".__init__")
    return f"perfscore.{dotted}"


def test_every_compiled_name_is_a_module_of_the_package():
    names = compiled_names()
    assert len(names) == len(set(names))
    for name in names:
        assert (ROOT / "src" / "perfscore" / name).is_file(), name


def test_a_build_compiles_all_of_the_core_or_none():
    """One module compiled without the others would mean a half-failed build (setup.py's
    OptionalBuildExt removes every built file on one failure)."""
    kinds = {
        name: not importlib.import_module(module_of(name)).__file__.endswith(".py")
        for name in compiled_names()
    }
    assert len(set(kinds.values())) == 1, kinds
    assert perfscore.compiled() is next(iter(kinds.values()))


def test_no_built_file_outlives_its_place_in_the_list():
    """A module taken out of COMPILED keeps its built file in an editable install's src/ until
    deleted, and would go on shadowing its source."""
    built = sorted(source.relative_to(PACKAGE).as_posix() for source in built_files().values())
    assert built in ([], sorted(compiled_names()))


def test_the_plain_python_modules_stay_plain():
    """The located values subclass builtins, which mypyc cannot compile (load/values.py)."""
    from perfscore.load import values

    assert values.__file__.endswith(".py")


@pytest.mark.skipif(not perfscore.compiled(), reason="the core is plain Python in this install")
def test_compiled_core_prints_what_plain_python_prints(tmp_path):
    """Every example, checked and exported as JSON, in both languages: the same bytes from the
    compiled core as from the same source run as plain Python (a copy without the built files)."""
    plain = tmp_path / "plain"
    shutil.copytree(
        PACKAGE, plain / "perfscore", ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__")
    )
    examples = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
    code = (
        "import sys\n"
        "from perfscore.cli import main\n"
        "sys.argv = ['perfscore', *sys.argv[1:]]\n"
        "main()\n"
    )

    def run(path: str, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": path, "PERFSCORE_NO_CACHE": "1", "COLUMNS": "120"}
        return subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env
        )

    built = str(PACKAGE.parent)
    assert "compiled: yes" in run(built, "--version").stdout
    assert "compiled: no" in run(str(plain), "--version").stdout
    for args in (
        ("check", *examples),
        ("check", "--lang", "en", *examples),
        ("summary", "--json", "-", "--jobs", "1", *examples),
        *(("evaluate", "--explain", e) for e in examples),
        *(("evaluate", "--json", "-", "--lang", "en", e) for e in examples),
    ):
        ours, theirs = run(built, *args), run(str(plain), *args)
        assert (ours.returncode, ours.stdout, ours.stderr) == (
            theirs.returncode,
            theirs.stdout,
            theirs.stderr,
        ), args


def test_the_build_environment_holds_what_mypy_reads_of_the_core():
    """mypyc type-checks the core in pip's isolated build environment: without typer and rich
    there (the core's render modules import them), mypy refuses the imports and a fresh install
    silently falls back to plain Python. Their ranges are the dependencies' own."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requires = project["build-system"]["requires"]
    dependencies = project["project"]["dependencies"]
    for package in ("typer", "rich"):
        wanted = [dep for dep in dependencies if dep.split(">")[0].split("<")[0] == package]
        assert wanted and wanted[0] in requires, (package, requires)
