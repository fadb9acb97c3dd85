"""Start-up: what a user feels on every call.

Prints the wall time of ``perfscore evaluate`` on the 78.49 example against
the time to import the third-party modules that very command imports (found
by running it once and reading ``sys.modules``: typer, rich, PyYAML and
theirs), both measured in the same run, interleaved, as medians of fresh
processes. The figure to read is the ratio: these machines are shared and
noisy, so absolute times drift while the ratio holds.

This is measurement 3 of bench/scale.py on its own (the same code), for a
quick look after a change to what a command imports. With ``--against SRC``
(another checkout's ``src``, e.g. main's), that code's ``evaluate`` runs as a
third command, interleaved with the other two (its bytecode compiled too), so
that a change is measured against the code before it in the same run.

    python bench/startup.py [--runs 7] [--against ../main/src]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

# bench/ is on sys.path when run as a script
from scale import (
    IMPORT_ONLY,
    IMPORTS_OF_EVALUATE,
    PY,
    ROOT,
    bench_evaluate,
    compile_sources,
    spread,
    timed,
)

EXAMPLE = os.path.join(ROOT, "examples", "yirenyidang-2023.yaml")


def ms(values: dict) -> str:
    """A spread in milliseconds: median (min–max)."""
    return (
        f"{values['median'] * 1000:7.1f} ms ({values['min'] * 1000:.1f}–{values['max'] * 1000:.1f})"
    )


def with_path(src: str, cmd: list[str]) -> dict:
    """``timed(cmd)`` with ``src`` first on PYTHONPATH (before the installed package)."""
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = src
    try:
        return timed(cmd)
    finally:
        if saved is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = saved


def against(src: str, runs: int) -> dict:
    """The dependency imports, this checkout's evaluate and ``src``'s, interleaved."""
    src = os.path.abspath(src)
    compile_sources()
    subprocess.run([PY, "-m", "compileall", "-q", os.path.join(src, "perfscore")], check=True)
    probe = subprocess.run(
        [PY, "-c", IMPORTS_OF_EVALUATE, EXAMPLE], cwd=ROOT, capture_output=True, text=True
    )
    modules = eval(probe.stderr.strip().splitlines()[-1])  # a list literal it printed
    evaluate = [PY, "-m", "perfscore", "evaluate", EXAMPLE]
    imp, ev, old = [], [], []
    for _ in range(runs):
        imp.append(timed([PY, "-c", IMPORT_ONLY % (modules,)]))
        ev.append(timed(evaluate))
        old.append(with_path(src, evaluate))
    figures = {
        f"{name}_{kind}": spread([run[kind] for run in measured])
        for name, measured in (("imports", imp), ("evaluate", ev), ("before", old))
        for kind in ("wall", "cpu")
    }
    return {
        **figures,
        "imports_s": figures["imports_wall"],
        "evaluate_s": figures["evaluate_wall"],
        "ratio": figures["evaluate_wall"]["median"] / figures["imports_wall"]["median"],
        "dependencies": sorted({m.split(".")[0] for m in modules}),
        "modules": len(modules),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="repeats (×3 processes each)")
    parser.add_argument("--against", metavar="SRC", help="another checkout's src, run too")
    args = parser.parse_args()
    runs = max(5, args.runs * 3)
    figures = against(args.against, runs) if args.against else bench_evaluate(EXAMPLE, runs)
    print(f"cores: {os.cpu_count()}, python {sys.version.split()[0]}, medians of {runs} runs each")
    imports, evaluate = figures["imports_s"], figures["evaluate_s"]
    print(
        f"import the dependencies only : {ms(imports)} "
        f"({', '.join(figures['dependencies'])}: {figures['modules']} modules)"
    )
    print(f"perfscore evaluate (example) : {ms(evaluate)}")
    print(f"ratio evaluate / imports     : {figures['ratio']:7.2f} (medians; goal ≤ 1.1)")
    if args.against:
        print(f"evaluate, the code of --against: {ms(figures['before_wall'])}")
        for kind in ("wall", "cpu"):
            base, now, old = (
                figures[f"{n}_{kind}"]["median"] for n in ("imports", "evaluate", "before")
            )
            print(
                f"{kind:>4}: imports {base * 1000:.1f} ms, evaluate {now * 1000:.1f} ms "
                f"({now / base:.2f}×), before {old * 1000:.1f} ms ({old / base:.2f}×); "
                f"after / before {now / old:.2f}"
            )


if __name__ == "__main__":
    main()
