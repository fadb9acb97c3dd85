"""perfscore's build: the package as pyproject.toml declares it, with its checking and scoring
core compiled by mypyc where a C compiler is at hand (docs/performance.md, "The compiled core").

The compiled modules are the same source, type-checked by the same mypy configuration; they
give the same numbers and messages (the test suite runs on them) at about 0.8× the time of a
batch. Where they cannot be built the install goes on with every module as plain Python:

- ``PERFSCORE_PURE=1`` asks for plain Python (the edit-and-test loop of CONTRIBUTING.md: a
  compiled module would shadow the edited ``.py`` until the next build);
- mypyc missing (a build without isolation, in an environment without mypy), mypy refusing
  the source (stubs of another release, say), or a compiler that fails: a warning, and plain
  Python.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The modules a batch and the terminal view spend their time in (bench/scale.py, stages.py):
# loading, checking, scoring, the rules, the batch rows, the analysis and the terminal tables.
# Not here: classes mypyc cannot compile (subclasses of builtins and of rich's Text:
# load/values.py, render/drawn.py; the records records.py makes at run time: model.py,
# result.py, errors.py), and the commands, readers and writers, whose time is their
# libraries' (tests/test_build.py checks that every name here is a module of the package).
COMPILED = [
    "load/yaml.py",
    "load/gate.py",
    "load/text.py",
    "validation.py",
    "fields.py",
    "engine.py",
    "comparisons.py",
    "decimals.py",
    "expr.py",
    "names.py",
    "messages.py",
    "weights.py",
    "shares.py",
    "grades.py",
    "selfeval.py",
    "rules/__init__.py",
    "rules/base.py",
    "rules/bands.py",
    "rules/deduction.py",
    "rules/execution.py",
    "rules/experts.py",
    "rules/judged.py",
    "rules/rate.py",
    "rules/survey.py",
    "rules/targets.py",
    "summary.py",
    "audit.py",
    "analysis.py",
    "render/tree.py",
    "render/boxes.py",
    "render/explain.py",
    "render/labels.py",
    "render/terminal.py",
    "render/terminal_analysis.py",
]


def _warn(message: str) -> None:
    print(f"perfscore build: {message}; perfscore is installed as plain Python", file=sys.stderr)


# pip runs setup.py three times: for the requirements (egg_info), the metadata (dist_info) and
# the build. Only the build needs the C, and translating the core costs about 9 s a time; an
# sdist ships the source, not the generated C. (numpy's setup.py skipped its build the same way.)
_NO_BUILD = {"egg_info", "dist_info", "sdist"}


def _extensions() -> list:
    if os.environ.get("PERFSCORE_PURE", "") not in ("", "0"):
        return []
    if sys.argv[1:2] and sys.argv[1] in _NO_BUILD:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc is not installed")
        return []
    paths = [os.path.join("src", "perfscore", *name.split("/")) for name in COMPILED]
    # The project's mypy configuration applies; its overrides name libraries the core does not
    # import, which that configuration's warn_unused_configs would turn into a failed build.
    options = ["--no-warn-unused-configs"]
    try:
        return mypycify(options + paths, opt_level="3", group_name="perfscore")
    except (Exception, SystemExit) as error:  # mypy's errors end in SystemExit (new stubs, say)
        _warn(f"mypyc could not translate the core ({type(error).__name__}: {error})")
        return []


class OptionalBuildExt(build_ext):
    """Compile the core, or leave none of it: a compiled module without the shared library
    of the group would not import, so one failure removes every built file."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # a missing or failing compiler: CompileError, OSError …
            for ext in self.extensions:
                built = self.get_ext_fullpath(ext.name)
                if os.path.exists(built):
                    os.remove(built)
            reason = str(error).splitlines()[0] if str(error) else ""
            _warn(f"the compiled core could not be built ({type(error).__name__}: {reason[:200]})")


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
