"""Shared helpers: run the CLI in-process and write small evaluation files."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

import perfscore
from perfscore.messages import set_language

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


PACKAGE = Path(perfscore.__file__).parent  # the package imported: src/perfscore when editable


def built_files() -> dict[Path, Path]:
    """The package's compiled modules (setup.py), each beside its source: built file → the
    ``.py`` it was built from (``engine.cpython-311-x86_64-linux-gnu.so`` → ``engine.py``)."""
    found = sorted([*PACKAGE.rglob("*.so"), *PACKAGE.rglob("*.pyd")])
    return {built: built.with_name(built.name.split(".")[0] + ".py") for built in found}


def stale_compiled_modules() -> list[str]:
    """The compiled modules older than their source. A compiled module shadows its ``.py``:
    after an edit the tests would run the code before it."""
    return [
        str(source.relative_to(PACKAGE.parent))
        for built, source in built_files().items()
        if source.exists() and source.stat().st_mtime > built.stat().st_mtime
    ]


if stale := stale_compiled_modules():
    pytest.exit(
        f"{', '.join(stale)} changed after it was compiled: rebuild with"
        " `.venv/bin/pip install -e .`, or test plain Python: delete the compiled modules"
        " (`find src -name '*.so' -delete`) and install with PERFSCORE_PURE=1"
        ' (CONTRIBUTING.md, "The compiled core")',
        returncode=4,
    )


def modules_imported(code: str, prefix: str) -> list[str]:
    """The modules under ``prefix`` a fresh Python process has imported after running
    ``code`` (what a run pulls in, without the test process's own imports). The list is the
    last line of standard error: the code may print to standard output (a command's tables)."""
    listing = (
        f"print(' '.join(sorted(m for m in sys.modules if m.startswith({prefix!r}))),"
        " file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}\n{listing}\n"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stderr.splitlines()[-1].split()


@pytest.fixture(autouse=True)
def _chinese_by_default():
    """Every test starts in the default language, whatever the previous one set."""
    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture(autouse=True)
def _result_cache(tmp_path_factory, monkeypatch):
    """The batch commands' result cache in a fresh folder per test, never in the real home."""
    monkeypatch.setenv("PERFSCORE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("PERFSCORE_NO_CACHE", raising=False)


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
