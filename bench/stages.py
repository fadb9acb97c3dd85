"""One file at a time, stage by stage, against a PyYAML CSafeLoader load of the same file.

    python bench/stages.py [--files 1000] [--repeat 5] [--plain] [--against SRC ...]

For each of the first ``--files`` generated files (bench/generate.py, the set bench/scale.py
uses), in one process: the CSafeLoader load (the baseline), perfscore's load (YAML → located
values), check (``build_evaluation``), score (``score(warnings=False)``, as a batch row) and
the whole summary row (``summarise``) and audit row (``audit``), each timed in CPU time beside
the baseline, so that every figure is a ratio measured in the same process. Each side runs in a
fresh process ``--repeat`` times, interleaved with the others; min / median / max.

Sides: this checkout's ``src`` as it is installed (compiled or not: the header says);
``--plain``: the same source as plain Python (a copy of the package without its compiled
modules, setup.py); ``--against SRC``: another checkout's ``src`` (the code before a change).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import scale  # noqa: E402

STAGES = ("load", "check", "score", "summarise", "audit")

_WORKER = r"""
import gc, json, os, sys, time
src, folder, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, src)
import yaml
import perfscore
from perfscore.audit import audit
from perfscore.engine import score
from perfscore.errors import PerfscoreError
from perfscore.load.yaml import load_yaml
from perfscore.summary import summarise
from perfscore.validation import build_evaluation
from perfscore.cli import tune_gc
tune_gc()  # as the command line runs
files = []
for root, dirs, names in os.walk(folder):
    dirs.sort()
    files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".yaml")]
files = files[:count]
clock = time.process_time
spent = dict.fromkeys(("base", "load", "check", "score", "summarise", "audit"), 0.0)
for file in files:
    a = clock()
    with open(file, "rb") as handle:
        try:
            yaml.load(handle, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            pass
    b = clock()
    try:
        raw = load_yaml(file); c = clock()
        evaluation = build_evaluation(raw, file); d = clock()
        score(evaluation, warnings=False); e = clock()
    except PerfscoreError:
        c = d = e = clock()  # a refused file: its stages count as far as they went
    spent["base"] += b - a
    spent["load"] += c - b
    spent["check"] += d - c
    spent["score"] += e - d
    f = clock(); summarise(file); g = clock(); audit(file); h = clock()
    spent["summarise"] += g - f
    spent["audit"] += h - g
print(json.dumps({"compiled": perfscore.compiled(), "files": len(files), **spent}))
"""


def run_side(src: str, folder: str, count: int) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _WORKER, src, folder, str(count)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def plain_copy(src: str, into: str) -> str:
    """The package's source without its compiled modules: the same code as plain Python."""
    target = os.path.join(into, "src")
    shutil.copytree(
        os.path.join(src, "perfscore"),
        os.path.join(target, "perfscore"),
        ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"),
    )
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "perfscore-bench"))
    parser.add_argument("--plain", action="store_true", help="also the same source, uncompiled")
    parser.add_argument("--against", action="append", default=[], help="another checkout's src")
    args = parser.parse_args(argv)
    folder = os.path.join(scale.ensure_files(args.cache, 10_000, args.seed), "000")
    with tempfile.TemporaryDirectory() as scratch:
        sides = {"this checkout": os.path.join(ROOT, "src")}
        if args.plain:
            sides["plain Python"] = plain_copy(os.path.join(ROOT, "src"), scratch)
        sides.update({other: other for other in args.against})
        runs: dict[str, list[dict]] = {name: [] for name in sides}
        for _ in range(args.repeat):
            for name, src in sides.items():
                runs[name].append(run_side(src, folder, args.files))
    print(
        f"perfscore stages — {args.files} files, one at a time, CPU time ÷ the CSafeLoader load "
        f"of the same file, {args.repeat} fresh processes a side, interleaved: min / median / max"
    )
    for name, results in runs.items():
        build = "compiled core" if results[0]["compiled"] else "plain Python"
        per_file = statistics.median(r["base"] for r in results) / results[0]["files"] * 1e3
        print(f"\n{name} ({build}); the load itself: {per_file:.2f} ms a file")
        for stage in STAGES:
            ratios = sorted(r[stage] / r["base"] for r in results)
            low, mid, high = ratios[0], statistics.median(ratios), ratios[-1]
            print(f"  {stage:<10} {low:.3f} / {mid:.3f} / {high:.3f}")
    if len(runs) > 1:
        first, *others = runs
        for other in others:
            print(f"\n{first} ÷ {other}, median of the ratios:")
            for stage in STAGES:
                ours = statistics.median(r[stage] / r["base"] for r in runs[first])
                theirs = statistics.median(r[stage] / r["base"] for r in runs[other])
                print(f"  {stage:<10} {ours / theirs:.3f}")


if __name__ == "__main__":
    main()
