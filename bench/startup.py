"""Startup: what a user feels on every call.

Prints the wall time of ``perfscore evaluate`` on the 78.49 example against
the time to import the dependencies that command needs (typer, rich, PyYAML),
each measured in the same run, interleaved, as medians of repeated fresh
processes; the figure to read is the ratio (these machines are shared and
noisy, so absolute times drift while the ratio holds).

    python bench/startup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "yirenyidang-2023.yaml"

# What `perfscore evaluate` imports beyond the standard library.
DEPENDENCIES = "import typer, yaml, rich.console, rich.table, rich.text"


def _wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                   env={**os.environ, "COLUMNS": "160"})
    return time.perf_counter() - start


def measure(runs: int = 21) -> dict[str, float]:
    """Median wall seconds of: bare Python, importing the dependencies, evaluate."""
    python = sys.executable
    commands = {
        "python": [python, "-c", "pass"],
        "dependencies": [python, "-c", DEPENDENCIES],
        "evaluate": [python, "-m", "perfscore", "evaluate", str(EXAMPLE)],
    }
    for cmd in commands.values():  # warm the file cache once
        _wall(cmd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):  # interleaved, so drifting load hits all alike
        for name, cmd in commands.items():
            times[name].append(_wall(cmd))
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    medians = measure(runs)
    ratio = medians["evaluate"] / medians["dependencies"]
    print(f"cores: {os.cpu_count()}, runs: {runs} (medians)")
    print(f"python -c pass                : {medians['python'] * 1000:7.1f} ms")
    print(f"import dependencies only      : {medians['dependencies'] * 1000:7.1f} ms  ({DEPENDENCIES})")
    print(f"perfscore evaluate (example)  : {medians['evaluate'] * 1000:7.1f} ms")
    print(f"ratio evaluate / dependencies : {ratio:7.2f}")


if __name__ == "__main__":
    main()
