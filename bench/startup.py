"""Start-up: what a user feels on every call.

Prints the wall time of ``perfscore evaluate`` on the 78.49 example against
the time to import the third-party modules that very command imports (found
by running it once and reading ``sys.modules``: typer, rich, PyYAML and
theirs), both measured in the same run, interleaved, as medians of fresh
processes. The figure to read is the ratio: these machines are shared and
noisy, so absolute times drift while the ratio holds.

This is measurement 3 of bench/scale.py on its own (the same code), for a
quick look after a change to what a command imports.

    python bench/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import sys

from scale import ROOT, bench_evaluate  # bench/ is on sys.path when run as a script

EXAMPLE = os.path.join(ROOT, "examples", "yirenyidang-2023.yaml")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="repeats (×3 processes each)")
    args = parser.parse_args()
    figures = bench_evaluate(EXAMPLE, args.runs * 3)
    print(
        f"cores: {os.cpu_count()}, python {sys.version.split()[0]}, medians of "
        f"{max(5, args.runs * 3)} runs each"
    )
    imports, evaluate = figures["imports_s"], figures["evaluate_s"]
    print(
        f"import the dependencies only : {imports['median'] * 1000:7.1f} ms "
        f"({imports['min'] * 1000:.1f}–{imports['max'] * 1000:.1f}; "
        f"{', '.join(figures['dependencies'])} and their modules)"
    )
    print(
        f"perfscore evaluate (example) : {evaluate['median'] * 1000:7.1f} ms "
        f"({evaluate['min'] * 1000:.1f}–{evaluate['max'] * 1000:.1f})"
    )
    print(f"ratio evaluate / imports     : {figures['ratio']:7.2f} (medians; goal ≤ 1.1)")


if __name__ == "__main__":
    main()
