"""How perfscore scales: many files, one big tree, one file's start-up.

    python bench/scale.py [--files 10000] [--small 1000] [--repeat 5] [--tree 1000,10000,50000]
                          [--skip batch,evaluate,tree] [--cache DIR] [--json OUT]

Prints, measured in the same run, interleaved, as min / median / max of ``--repeat`` runs
(at least 5), every command a fresh process of the interpreter running this script:

1. ``perfscore summary`` and ``perfscore check`` over N generated files (bench/generate.py,
   the published examples' rule mix, 2% invalid), wall and CPU time (all processes), against
   two baselines that only load the same files with PyYAML's C loader
   (``yaml.load(f, Loader=yaml.CSafeLoader)``): in one process, and split over two.
   Each baseline counts the files it parsed (a file that does not parse counts, and the
   loop goes on) and fails when it parsed fewer than it was given.
   Goals: CPU ≤ 1.0× the one-process load; wall ≤ 1.0× the two-process load. These goal
   runs are cold: ``--no-cache``. Beside them, the result cache (docs/batch.md): ``summary``
   with the cache on and empty (its cost on a cold run) and ``summary`` / ``check`` warm (a
   second run over unchanged files), each ÷ the same baselines. The cache lives in a
   folder of the benchmark's own (``PERFSCORE_CACHE_DIR``), never in the home.
   The machine's load average is sampled during every run: above the cores + 1 (the
   benchmark's own workers hold it near the cores), the figures are marked (another program took CPU time, and the ratios move: 1.71 → 2.17 once).
2. Peak memory, PSS summed over the whole process tree (``/proc/<pid>/smaps_rollup`` of
   the command and every process below it, sampled every 50 ms), of the same runs, and of
   ``summary`` over the first ``--small`` files. Goal: flat in the batch size.
3. ``perfscore evaluate`` on the 78.49 example against a process that only imports the
   third-party modules that very command imports. Goal: ≤ 1.1×.
4. One tree of 1,000 / 10,000 / 50,000 leaves, in one process: load, check, score and the
   terminal view (the analysis and the drawn tables), per leaf, against a CSafeLoader load
   of the same file; and the peak PSS of it all against the CSafeLoader load's own.
   Goals: the view ≤ 1.0× load + check + score; memory ≤ 1.1× the CSafeLoader load's.
   (A 50,000-leaf tree is 11 MB and 740,000 values, beyond docs/limits.md: the script
   raises the two limits for itself; the CLI refuses such a file.)
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
import threading
import time
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "src"))

import generate  # noqa: E402

PY = sys.executable
CACHE_VERSION = "v2"  # bump when generate.py changes what it writes (v2: the published mix)

# The baselines: the files of a folder, in perfscore's order, each loaded by PyYAML's C
# loader; "parsed" counts every file the loader read to the end or to its syntax error.
_BASELINE_COMMON = r"""
import os, sys, yaml
def files_of(folder):
    out = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out += [os.path.join(root, n) for n in sorted(names)
                if n.lower().endswith((".yaml", ".yml")) and not n.startswith(".")]
    return out
def load_all(files):
    parsed = invalid = 0
    for path in files:
        with open(path, encoding="utf-8") as handle:
            try:
                yaml.load(handle, Loader=yaml.CSafeLoader)
            except yaml.YAMLError:
                invalid += 1
        parsed += 1
    return parsed, invalid
"""
BASELINE_1 = (
    _BASELINE_COMMON
    + r"""
files = files_of(sys.argv[1])
parsed, invalid = load_all(files)
print(parsed, invalid)
sys.exit(0 if parsed == len(files) == int(sys.argv[2]) else 1)
"""
)
BASELINE_2 = (
    _BASELINE_COMMON
    + r"""
import multiprocessing
files = files_of(sys.argv[1])
with multiprocessing.get_context("fork").Pool(2) as pool:
    counts = pool.map(load_all, [files[0::2], files[1::2]])
parsed, invalid = sum(c[0] for c in counts), sum(c[1] for c in counts)
print(parsed, invalid)
sys.exit(0 if parsed == len(files) == int(sys.argv[2]) else 1)
"""
)
LOAD_TREE_ONLY = r"""
import sys, yaml
with open(sys.argv[1], encoding="utf-8") as handle:
    yaml.load(handle, Loader=yaml.CSafeLoader)
"""
IMPORTS_OF_EVALUATE = r"""
import runpy, sys
sys.argv = ["perfscore", "evaluate", sys.argv[1]]
try:
    runpy.run_module("perfscore", run_name="__main__")
except SystemExit:
    pass
# perfscore__mypyc: the compiled core (setup.py), perfscore's own, not a dependency
skip = set(sys.stdlib_module_names) | {"perfscore", "perfscore__mypyc", "__main__", "_virtualenv",
                                       "_distutils_hack"}
# in import order (sys.modules keeps it), third-party only
mods = [m for m in sys.modules if m.split(".")[0] not in skip and not m.startswith("_")
        and m != "cython_runtime"]
sys.stderr.write(repr(mods))
"""
IMPORT_ONLY = r"""
import importlib
for name in %r:
    try:
        importlib.import_module(name)
    except Exception:
        pass
"""


# ---------------------------------------------------------------- measuring a process tree


def _children(pids: set[int], root: int) -> set[int]:
    """``pids`` and every process below them (processes started after ``root``)."""
    found = set(pids)
    parents: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if name.isdigit() and int(name) > root:
            try:
                with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as handle:
                    parents[int(name)] = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in found and pid not in found:
                found.add(pid)
                grew = True
    return found


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeMemory(threading.Thread):
    """The peak of PSS summed over a process and all its descendants, sampled."""

    def __init__(self, root: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.root, self.interval = root, interval
        self.peak_kib = 0
        self.peak_load = os.getloadavg()[0]  # the 1-minute load average, highest seen
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            total = sum(_pss_kib(pid) for pid in _children({self.root}, self.root))
            self.peak_kib = max(self.peak_kib, total)
            self.peak_load = max(self.peak_load, os.getloadavg()[0])
            self.done.wait(self.interval)


CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
# A run is marked as loaded above this: the benchmark's own workers hold the load near the
# cores (two busy workers on two cores make a load of 2, and the parent a little more), so
# only a further core's worth of runnable processes is another program's.
LOADED_ABOVE = CORES + 1
_LOADED: list[float] = []  # the peak load of every run measured above LOADED_ABOVE


def loaded_warning(peak: float) -> str:
    return (
        f"warning: load average {peak:.1f} above {LOADED_ABOVE} ({CORES} cores + 1) during a run: other "
        "programs took CPU time, the ratios are not comparable with an idle machine's"
    )


def timed(
    cmd: list[str], cwd: str = ROOT, ok: tuple[int, ...] = (0,), env: dict | None = None
) -> dict:
    """Wall and CPU seconds (the whole tree: wait4 counts the children waited for), the
    peak PSS of the tree in KiB and the highest load average seen; fails unless the exit
    code is one of ``ok``. A load above LOADED_ABOVE is warned about on standard error."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    memory = TreeMemory(proc.pid)
    memory.start()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    memory.done.set()
    memory.join()
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    error = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if code not in ok:
        shown = " ".join(part if len(part) < 60 else "<script>" for part in cmd)
        raise SystemExit(f"{shown} exited {code}: {error[-2000:]}")
    if memory.peak_load > LOADED_ABOVE:
        _LOADED.append(memory.peak_load)
        print(loaded_warning(memory.peak_load), file=sys.stderr)
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "pss_kib": memory.peak_kib,
        "load": memory.peak_load,
    }


def spread(values: list[float]) -> dict:
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def show(values: dict, unit: str = "s", scale: float = 1.0) -> str:
    m = {k: v * scale for k, v in values.items()}
    if unit == "s":
        return f"{m['median']:6.2f} s ({m['min']:.2f}–{m['max']:.2f})"
    return f"{m['median']:6.1f} {unit} ({m['min']:.1f}–{m['max']:.1f})"


# ---------------------------------------------------------------- 1, 2: batches


def ensure_files(cache: str, count: int, seed: int) -> str:
    folder = os.path.join(cache, f"files-{seed}-{CACHE_VERSION}")
    marker = os.path.join(folder, f".complete-{count}")
    if not os.path.exists(marker):
        print(f"generating {count} files in {folder} …", file=sys.stderr)
        kinds = generate.generate(folder, count, seed=seed, jobs=os.cpu_count() or 1)
        with open(marker, "w", encoding="utf-8") as handle:
            json.dump(kinds, handle)
    return folder


def _forget(cache_dir: str) -> None:
    """An empty result cache: the next run with the cache on is cold."""
    for name in os.listdir(cache_dir):
        os.remove(os.path.join(cache_dir, name))


def _cache_env(folder: str) -> dict:
    env = {**os.environ, "PERFSCORE_CACHE_DIR": folder}
    env.pop("PERFSCORE_NO_CACHE", None)
    return env


def bench_batch(folder: str, count: int, small: str, small_count: int, repeat: int) -> dict:
    perfscore = [PY, "-m", "perfscore"]
    warm_dir = tempfile.mkdtemp(prefix="perfscore-bench-warm-")
    cold_dir = tempfile.mkdtemp(prefix="perfscore-bench-cold-")
    warm, cold = _cache_env(warm_dir), _cache_env(cold_dir)
    # name → (command, exit codes accepted, environment, done before it); exit 1: the set
    # holds invalid files, reported as they should be. The warm runs use a cache filled
    # once before the loop; the cold one with the cache on starts from an empty one.
    commands: dict[str, tuple[list[str], tuple[int, ...], Any, Any]] = {
        "load_1": ([PY, "-c", BASELINE_1, folder, str(count)], (0,), None, None),
        "load_2": ([PY, "-c", BASELINE_2, folder, str(count)], (0,), None, None),
        "summary": ([*perfscore, "summary", folder, "--no-cache"], (1,), warm, None),
        "check": ([*perfscore, "check", folder, "--no-cache"], (1,), warm, None),
        "summary_small": ([*perfscore, "summary", small, "--no-cache"], (0, 1), warm, None),
        "summary_cold_cache": ([*perfscore, "summary", folder], (1,), cold, _forget),
        "summary_warm": ([*perfscore, "summary", folder], (1,), warm, None),
        "check_warm": ([*perfscore, "check", folder], (1,), warm, None),
    }
    for command in ("summary", "check"):
        subprocess.run([*perfscore, command, folder], env=warm, capture_output=True, check=False)
    runs: dict[str, list[dict]] = {name: [] for name in commands}
    for _ in range(repeat):  # interleaved, so that other work on the machine hits all alike
        for name, (cmd, ok, env, before) in commands.items():
            if before is not None:
                before(cold_dir)
            runs[name].append(timed(cmd, ok=ok, env=env))
    out: dict = {
        "files": count,
        "small": small_count,
        "load_average": os.getloadavg(),
        "peak_load": max(run["load"] for measured in runs.values() for run in measured),
        "cache_bytes": sum(
            os.path.getsize(os.path.join(warm_dir, n)) for n in os.listdir(warm_dir)
        ),
    }
    for used in (warm_dir, cold_dir):
        shutil.rmtree(used, ignore_errors=True)
    for name, measured in runs.items():
        out[name] = {
            key: spread([run[key] for run in measured]) for key in ("wall", "cpu", "pss_kib")
        }
        out[name]["runs"] = measured
    med = {name: {k: out[name][k]["median"] for k in ("wall", "cpu", "pss_kib")} for name in runs}
    for name in ("summary", "check", "summary_cold_cache", "summary_warm", "check_warm"):
        out[name]["ratios"] = {
            "cpu_vs_load_1": med[name]["cpu"] / med["load_1"]["cpu"],
            "wall_vs_load_1": med[name]["wall"] / med["load_1"]["wall"],
            "wall_vs_load_2": med[name]["wall"] / med["load_2"]["wall"],
            "cpu_vs_load_2": med[name]["cpu"] / med["load_2"]["cpu"],
        }
    out["memory_flat"] = med["summary"]["pss_kib"] / med["summary_small"]["pss_kib"]
    out["cache_overhead"] = {
        key: med["summary_cold_cache"][key] / med["summary"][key] for key in ("wall", "cpu")
    }
    return out


def print_batch(b: dict, cores: int) -> None:
    n = b["files"]
    print(f"1. batches of {n:,} files (min–max in brackets):")
    names = {
        "load_1": "CSafeLoader load, 1 process",
        "load_2": "CSafeLoader load, 2 processes",
        "summary": "perfscore summary --no-cache",
        "check": "perfscore check --no-cache",
        "summary_cold_cache": "summary, cache on, empty",
        "summary_warm": "summary, warm cache",
        "check_warm": "check, warm cache",
    }
    for key, label in names.items():
        m = b[key]
        print(
            f"   {label:31s} wall {show(m['wall'])}  CPU {show(m['cpu'])}  "
            f"PSS {show(m['pss_kib'], 'MiB', 1 / 1024)}"
        )
    for key in ("summary", "check"):
        r = b[key]["ratios"]
        cpu_ok = "MET" if r["cpu_vs_load_1"] <= 1.0 else "NOT MET"
        wall_ok = "MET" if r["wall_vs_load_2"] <= 1.0 else "NOT MET"
        print(
            f"   {key:8s} CPU ÷ 1-process load {r['cpu_vs_load_1']:.2f} (goal ≤ 1.0) {cpu_ok}; "
            f"wall ÷ 2-process load {r['wall_vs_load_2']:.2f} (goal ≤ 1.0) {wall_ok}; "
            f"wall ÷ 1-process load {r['wall_vs_load_1']:.2f}"
        )
    print("   (the goal runs are cold, --no-cache; the cache's rows for comparison)")
    for key in ("summary_warm", "check_warm"):
        r = b[key]["ratios"]
        print(
            f"   {key:12s} CPU ÷ 1-process load {r['cpu_vs_load_1']:.3f}; "
            f"wall ÷ 2-process load {r['wall_vs_load_2']:.3f}"
        )
    o = b["cache_overhead"]
    print(
        f"   the cache's cost on a cold run (cache on, empty ÷ --no-cache): wall {o['wall']:.3f}, "
        f"CPU {o['cpu']:.3f}; database {b['cache_bytes'] / 2**20:.1f} MiB for both commands"
    )
    peak = b["peak_load"]
    loaded = " — LOADED: " + loaded_warning(peak) if peak > LOADED_ABOVE else ""
    print(
        f"   load average {b['load_average'][0]:.1f} on {cores} cores at the end, "
        f"{peak:.1f} at most during a run{loaded}"
    )
    small = b["summary_small"]["pss_kib"]["median"] / 1024
    big = b["summary"]["pss_kib"]["median"] / 1024
    flat = b["memory_flat"]
    print(
        f"2. summary's peak PSS (process tree): {b['small']:,} files {small:.1f} MiB, "
        f"{n:,} files {big:.1f} MiB: ratio {flat:.2f} (goal: flat, ≤ 1.1) "
        f"{'MET' if flat <= 1.1 else 'NOT MET'}"
    )


# ---------------------------------------------------------------- 3: start-up


def compile_sources() -> None:
    """Write perfscore's bytecode, as an installed package has it: with
    PYTHONDONTWRITEBYTECODE set (as on the development machine), an editable install
    would compile every module from its source on every start (about 40 ms)."""
    subprocess.run(
        [PY, "-m", "compileall", "-q", os.path.join(ROOT, "src", "perfscore")], check=True
    )


def bench_evaluate(file: str, repeat: int) -> dict:
    compile_sources()
    probe = subprocess.run(
        [PY, "-c", IMPORTS_OF_EVALUATE, file], cwd=ROOT, capture_output=True, text=True, check=True
    )
    modules = eval(probe.stderr.strip().splitlines()[-1])  # a list literal we printed
    imports = [PY, "-c", IMPORT_ONLY % (modules,)]
    evaluate = [PY, "-m", "perfscore", "evaluate", file]
    imp, ev = [], []
    for _ in range(max(5, repeat)):
        imp.append(timed(imports)["wall"])
        ev.append(timed(evaluate)["wall"])
    i, e = statistics.median(imp), statistics.median(ev)
    top = sorted({m.split(".")[0] for m in modules})
    return {
        "imports_s": spread(imp),
        "evaluate_s": spread(ev),
        "ratio": e / i,
        "dependencies": top,
        "modules": len(modules),
    }


def print_evaluate(e: dict, name: str) -> None:
    print(
        f"3. evaluate {name}: {show(e['evaluate_s'], 'ms', 1000)}; importing its "
        f"{e['modules']} third-party modules ({', '.join(e['dependencies'])}) alone: "
        f"{show(e['imports_s'], 'ms', 1000)}; ratio {e['ratio']:.2f} (goal ≤ 1.1) "
        f"{'MET' if e['ratio'] <= 1.1 else 'NOT MET'}"
    )


# ---------------------------------------------------------------- 4: one tree

TREE = r"""
import gc, io, os, sys, time, yaml
from perfscore.load import gate, yaml as loading
# A 50,000-leaf tree is beyond docs/limits.md (8 MiB, 250,000 values): raised here only
# (the reading gate's YAML kind holds the size limit; load/yaml.py the count of values).
gate.YAML.max_bytes = loading.MAX_VALUES = 10**9
from perfscore.cli import tune_gc
from perfscore.load import load_yaml
from perfscore.validation import build_evaluation
from perfscore.engine import score
from perfscore.analysis import analyse
from perfscore.render.console import console
from perfscore.render.terminal import print_evaluation
file, runs, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.environ["COLUMNS"] = "160"
tune_gc()
def view(analysis):
    saved, sys.stdout = sys.stdout, open(os.devnull, "w", encoding="utf-8")
    try:
        print_evaluation(analysis, console())
    finally:
        sys.stdout.close()
        sys.stdout = saved
if mode == "memory":  # one evaluate-like pass, for the peak PSS
    result = score(build_evaluation(load_yaml(file), file))
    view(analyse(result))
    sys.exit(0)
for _ in range(runs):
    t0 = time.perf_counter(); raw = load_yaml(file)
    t1 = time.perf_counter(); evaluation = build_evaluation(raw, file)
    t2 = time.perf_counter(); result = score(evaluation)
    t3 = time.perf_counter(); analysis = analyse(result)
    t4 = time.perf_counter(); view(analysis)
    t5 = time.perf_counter()
    with open(file, encoding="utf-8") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
    t6 = time.perf_counter()
    del raw, evaluation, result, analysis
    print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, flush=True)
"""
STAGES = ("load", "check", "score", "analyse", "view", "csafeloader")


def bench_tree(cache: str, sizes: list[int], repeat: int) -> list[dict]:
    out = []
    for leaves in sizes:
        file = os.path.join(cache, f"tree-{CACHE_VERSION}-{leaves}.yaml")
        if not os.path.exists(file):
            with open(file, "w", encoding="utf-8") as handle:
                handle.write(generate.tree_with_leaves(leaves))
        runs = max(5, repeat) if leaves <= 10_000 else 5
        proc = subprocess.run(
            [PY, "-c", TREE, file, str(runs), "time"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        rows = [list(map(float, line.split())) for line in proc.stdout.splitlines()]
        per_leaf = {
            stage: spread([row[i] / leaves * 1e6 for row in rows]) for i, stage in enumerate(STAGES)
        }
        work = [row[0] + row[1] + row[2] for row in rows]
        shown = [row[3] + row[4] for row in rows]
        memory = [timed([PY, "-c", TREE, file, "1", "memory"])["pss_kib"] for _ in range(3)]
        baseline = [timed([PY, "-c", LOAD_TREE_ONLY, file])["pss_kib"] for _ in range(3)]
        out.append(
            {
                "leaves": leaves,
                "bytes": os.path.getsize(file),
                "us_per_leaf": per_leaf,
                "view_vs_work": statistics.median(shown) / statistics.median(work),
                "work_vs_csafeloader": statistics.median(work)
                / statistics.median([row[5] for row in rows]),
                "pss_kib": spread(memory),
                "csafeloader_pss_kib": spread(baseline),
                "memory_ratio": statistics.median(memory) / statistics.median(baseline),
            }
        )
    return out


def print_tree(rows: list[dict]) -> None:
    print("4. one tree, µs per leaf (median, min–max), in one process:")
    for row in rows:
        p = row["us_per_leaf"]
        cells = "  ".join(
            f"{stage} {p[stage]['median']:.1f} ({p[stage]['min']:.1f}–{p[stage]['max']:.1f})"
            for stage in STAGES
        )
        view_ok = "MET" if row["view_vs_work"] <= 1.0 else "NOT MET"
        mem_ok = "MET" if row["memory_ratio"] <= 1.1 else "NOT MET"
        print(f"   {row['leaves']:>6,} leaves ({row['bytes'] / 1e6:.1f} MB): {cells}")
        print(
            f"          view (analyse + tables) ÷ load+check+score {row['view_vs_work']:.2f} "
            f"(goal ≤ 1.0) {view_ok}; load+check+score ÷ CSafeLoader "
            f"{row['work_vs_csafeloader']:.2f}; peak PSS {row['pss_kib']['median'] / 1024:.0f} MiB"
            f" vs CSafeLoader's {row['csafeloader_pss_kib']['median'] / 1024:.0f} MiB: ratio "
            f"{row['memory_ratio']:.2f} (goal ≤ 1.1) {mem_ok}"
        )


# ---------------------------------------------------------------- the run


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each measurement (≥ 5)")
    parser.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "perfscore-bench"))
    parser.add_argument("--tree", default="1000,10000,50000")
    parser.add_argument("--json", dest="json_path")
    parser.add_argument(
        "--skip", default="", help="comma list of parts to skip: batch,evaluate,tree"
    )
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    os.makedirs(args.cache, exist_ok=True)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    import perfscore

    report: dict = {
        "cores": cores,
        "repeat": args.repeat,
        "python": sys.version.split()[0],
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "compiled": perfscore.compiled(),  # the core built by mypyc (setup.py) or plain Python
    }
    build = "compiled core" if report["compiled"] else "plain Python (no compiled core)"
    print(
        f"perfscore scale benchmark — {cores} cores (nproc), Python {report['python']}, "
        f"perfscore's {build}, {args.repeat} runs of each, "
        f"load average {os.getloadavg()[0]:.1f} at the start"
    )
    if "batch" not in skip:
        folder = ensure_files(args.cache, args.files, args.seed)
        assert args.small == 1000, "the small set is the first sub-folder (1,000 files)"
        small = os.path.join(folder, "000")  # the first 1,000 files of the same set
        report["batch"] = bench_batch(folder, args.files, small, args.small, args.repeat)
        print_batch(report["batch"], cores or 1)
    if "evaluate" not in skip:
        example = os.path.join(ROOT, "examples", "yirenyidang-2023.yaml")
        report["evaluate"] = bench_evaluate(example, args.repeat * 3)
        print_evaluate(report["evaluate"], "examples/yirenyidang-2023.yaml")
    if "tree" not in skip:
        sizes = [int(x) for x in args.tree.split(",")]
        report["tree"] = bench_tree(args.cache, sizes, args.repeat)
        print_tree(report["tree"])
    report["loaded_runs"] = _LOADED
    if _LOADED:
        print(
            f"LOADED: {len(_LOADED)} run(s) with the load average above {LOADED_ABOVE} "
            f"(up to {max(_LOADED):.1f}); the ratios of this run are not an idle machine's"
        )
        print(loaded_warning(max(_LOADED)), file=sys.stderr)
    if args.json_path:
        with open(args.json_path, "w", encoding="utf-8") as handle:
            json.dump(report, handle, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
