"""Fuzz perfscore with mutated example files (issue 4).

    python bench/fuzz.py [--cases 10000] [--cli 300] [--subprocess 20] [--seed 4]

Each case takes one of the files in examples/*.yaml and applies one to three
mutations: delete, duplicate, swap, move or re-indent lines; change, insert or
delete characters (YAML punctuation, tabs, full-width colons and spaces,
control characters, non-UTF-8 bytes); put a YAML 1.1 trap or a hostile
number in a value (yes, 010, 1:30, .nan, 1e400, 60 digits, aliases, tags);
truncate at any byte (also inside a UTF-8 character).

Every case runs what ``validate`` and ``evaluate --json`` run, in-process
(load, check, schema, score, JSON export; the terminal tables for every
20th accepted case); ``--cli`` of them also go through the typer app with
CliRunner, and ``--subprocess`` through the installed ``perfscore``
console script. An outcome is *accepted* (scored), *rejected* (a
PerfscoreError: located lines and exit code 1) or a *traceback* (anything
else: a bug). Accepted results are also checked for the tree invariants
(0 ≤ score ≤ points, a parent is the sum of its children).

Prints: cases tried, rejected with a message, accepted, tracebacks (must be
0), invariant failures, cases slower than 10 s, the slowest case and its
time. Exit status 1 if any traceback, invariant failure or slow case was
found; the first few are printed with their seed so that they can be
replayed (``--replay SEED:INDEX``). A case stuck for 2 minutes (in C code,
where no exception can reach it) stops the run with a stack dump.
"""

from __future__ import annotations

import argparse
import contextlib
import faulthandler
import io
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLOW_SECONDS = 10  # a case slower than this is reported as a failure (bounded time)
HANG_SECONDS = 120  # a case stuck this long stops the run with a stack dump
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

# Characters and snippets that break YAML, or numbers, in interesting ways.
CHARS = [
    ":",
    "-",
    " ",
    "\t",
    "[",
    "]",
    "{",
    "}",
    "&",
    "*",
    "!",
    "#",
    "'",
    '"',
    "|",
    ">",
    "%",
    "@",
    "`",
    ",",
    "?",
    "0",
    "9",
    ".",
    "e",
    "：",
    "　",
    "\x00",
    "\x07",
    "\u2028",
    "\ufeff",
    "≥",
    "≤",
    "＞",
    "%",
    "万",
    "亿",
    "\n",
    "\r",
    "/",
    "\\",
    "<<",
    "~",
    "é",
]
VALUES = [
    "yes",
    "no",
    "on",
    "off",
    "true",
    "~",
    "",
    "010",
    "0x1F",
    "1_000",
    "1:30",
    "2023-12-15",
    ".nan",
    ".inf",
    "-.inf",
    "-0",
    "1e400",
    "1e-400",
    "1e999999999",
    "1e99999999999999999999",
    "1" + "0" * 59,
    "0." + "1" * 60,
    "-5",
    "0",
    "100",
    "99.999",
    "≥0",
    "≤0",
    "=0",
    "≥-5人",
    "≥1e3人次",
    "≤2023-12-31",
    "及时",
    "[]",
    "{}",
    "[1, 2]",
    "*a",
    "&a 5",
    "!!float 1",
    "!!python/object:os.system ls",
    "'≥30人次'",
    '"\\x00"',
    "|\n  多行\n  文字",
    "15万元",
    "15亿元",
    "15 元/度",
    "98%",
    "１２０",
    "𝟙𝟚",
    '"[/bold]"',
    "[red]x",
    "<b>x</b>",
    "=1+1",
    "'\u202e反转'",
]
BYTES = [b"\xff", b"\xfe", b"\xc3", b"\xe4\xb8", b"\x80", b"\x00", b"\xef\xbb\xbf"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to three random mutations of ``data`` (the bytes of a YAML file)."""
    for _ in range(rng.randint(1, 3)):
        data = rng.choice(MUTATIONS)(data, rng)
    return data


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n") or [b""]


def delete_line(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def duplicate_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    j = min(len(lines), i + rng.choice((1, 1, 1, 3, 8)))
    return b"\n".join(lines[:j] + lines[i:j] + lines[j:])


def swap_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def move_line(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    line = lines.pop(rng.randrange(len(lines)))
    lines.insert(rng.randrange(len(lines) + 1), line)
    return b"\n".join(lines)


def reindent_line(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    if rng.random() < 0.5:
        lines[i] = b" " * rng.randint(1, 4) + lines[i]
    else:
        lines[i] = lines[i][rng.randint(1, 4) :] if lines[i].startswith(b" ") else lines[i]
    return b"\n".join(lines)


def change_char(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="surrogateescape")
    if not text:
        return data
    i = rng.randrange(len(text))
    new = rng.choice(CHARS)
    action = rng.random()
    if action < 0.4:
        text = text[:i] + new + text[i + 1 :]
    elif action < 0.7:
        text = text[:i] + new + text[i:]
    else:
        text = text[:i] + text[i + 1 :]
    return text.encode("utf-8", errors="surrogateescape")


def change_value(data: bytes, rng: random.Random) -> bytes:
    """Replace the value of one `key: value` line by a trap or a hostile number."""
    lines = _lines(data)
    candidates = [
        i for i, line in enumerate(lines) if b": " in line and not line.lstrip().startswith(b"#")
    ]
    if not candidates:
        return data
    i = rng.choice(candidates)
    head = lines[i].split(b": ", 1)[0]
    value = rng.choice(VALUES).replace("\n", "\n" + " " * (len(head) - len(head.lstrip()) + 2))
    lines[i] = head + b": " + value.encode()
    return b"\n".join(lines)


def insert_bytes(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data) + 1)
    return data[:i] + rng.choice(BYTES) + data[i:]


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def add_anchor_and_alias(data: bytes, rng: random.Random) -> bytes:
    """Anchor one value and alias it from another line (shared structures, odd types)."""
    lines = _lines(data)
    candidates = [i for i, line in enumerate(lines) if b":" in line]
    if len(candidates) < 2:
        return data
    i, j = rng.sample(candidates, 2)
    key_i, _, value_i = lines[i].partition(b":")
    key_j, _, _ = lines[j].partition(b":")
    lines[i] = key_i + b": &x" + (value_i if value_i.strip() else b"")
    lines[j] = key_j + b": *x"
    return b"\n".join(lines)


# Weighted: line-level and value-level changes are what careless editing does most.
MUTATIONS = [
    delete_line,
    delete_line,
    duplicate_lines,
    swap_lines,
    move_line,
    reindent_line,
    change_char,
    change_char,
    change_value,
    change_value,
    change_value,
    change_value,
    insert_bytes,
    truncate,
    add_anchor_and_alias,
]


def check_invariants(result) -> str | None:
    """A message if the scored tree breaks 0 ≤ score ≤ points or parent = sum of children."""
    for node in result.walk():
        if not 0 <= node.score <= node.node.points and getattr(node.node, "applicable", True):
            return f"{node.node.path}: score {node.score} outside 0..{node.node.points}"
        if node.children:
            total = sum(child.score for child in node.children)
            if getattr(node, "applicable_points", None) is None and total != node.score:
                return f"{node.node.path}: score {node.score} != sum of children {total}"
    return None


def run_in_process(data: bytes, name: str, render_table: bool = False) -> tuple[str, str]:
    """What validate and evaluate --json do; returns (outcome, detail)."""
    from perfscore.engine import score
    from perfscore.errors import PerfscoreError
    from perfscore.load import decode, parse
    from perfscore.render.json_export import dumps, result_to_dict
    from perfscore.schema import schema_problems
    from perfscore.validation import build_evaluation

    try:
        raw = parse(decode(data, name), name)
        evaluation = build_evaluation(raw, name)
        with contextlib.suppress(PerfscoreError):  # validate reports these; evaluate does not
            schema_problems(raw, name)
        result = score(evaluation)
        dumps(result_to_dict(result))
        if render_table:
            from rich.console import Console

            from perfscore.render.terminal import print_result

            print_result(result, Console(file=io.StringIO(), width=160))
    except PerfscoreError as error:
        lines = [str(problem) for problem in error.problems]
        if not lines or any(not line.strip() or "Traceback" in line for line in lines):
            return "traceback", f"empty or odd message: {lines!r}"
        return "rejected", lines[0]
    except Exception:
        return "traceback", traceback.format_exc()
    broken = check_invariants(result)
    return ("invariant", broken) if broken else ("accepted", "")


def run_cli(data: bytes, folder: str, runner, app) -> tuple[str, str]:
    """validate and evaluate --json through the typer app (CliRunner)."""
    path = os.path.join(folder, "case.yaml")
    with open(path, "wb") as handle:
        handle.write(data)
    outcome = "accepted"
    for args in (
        ["validate", path],
        ["evaluate", path, "--json", os.path.join(folder, "out.json")],
    ):
        result = runner.invoke(app, args)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            exc = result.exception
            detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
            return "traceback", detail
        if result.exit_code not in (0, 1) or "Traceback" in result.output:
            return "traceback", f"exit {result.exit_code}: {result.output[-2000:]}"
        if result.exit_code == 1:
            if not result.stderr.strip():
                return "traceback", "exit 1 without a message"
            outcome = "rejected"
    return outcome, ""


def run_subprocess(data: bytes, folder: str) -> tuple[str, str]:
    """evaluate through the installed console script (the real entry point)."""
    path = os.path.join(folder, "case.yaml")
    with open(path, "wb") as handle:
        handle.write(data)
    script = Path(sys.executable).with_name("perfscore")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "perfscore"]
    proc = subprocess.run(
        [*command, "evaluate", path, "--json", "-"], capture_output=True, timeout=60
    )
    if proc.returncode not in (0, 1) or b"Traceback" in proc.stderr:
        return "traceback", proc.stderr.decode("utf-8", "replace")[-2000:]
    if proc.returncode == 1 and not proc.stderr.strip():
        return "traceback", "exit 1 without a message"
    return ("accepted" if proc.returncode == 0 else "rejected"), ""


def cases(seed: int, count: int):
    """(index, bytes) of the mutated cases; case i depends on (seed, i) alone."""
    sources = [path.read_bytes() for path in EXAMPLES]
    for index in range(count):
        rng = random.Random(f"{seed}:{index}")
        yield index, mutate(rng.choice(sources), rng)


def fuzz(count: int, seed: int, cli: int = 0, sub: int = 0, verbose: bool = True) -> dict:
    """Run the cases; return the tallies (see the module docstring)."""
    from typer.testing import CliRunner

    from perfscore.cli import app

    tally = {"tried": 0, "rejected": 0, "accepted": 0, "traceback": 0, "invariant": 0, "slow": 0}
    channels = {"in-process": 0, "cli": 0, "subprocess": 0}
    failures: list[str] = []
    slowest = (0.0, "")
    cli_every = max(1, count // cli) if cli else 0
    sub_every = max(1, count // sub) if sub else 0
    runner = CliRunner()
    accepted_seen = 0
    with tempfile.TemporaryDirectory() as folder:
        for extra in (ROOT / "examples").glob("*.csv"):  # data files the examples refer to
            (Path(folder) / extra.name).write_bytes(extra.read_bytes())
        for index, data in cases(seed, count):
            # A case stuck in C code (int() of a huge number …) cannot be interrupted: after
            # HANG_SECONDS the interpreter prints where it is stuck and exits (status 1).
            faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
            start = time.perf_counter()
            # named as if beside the examples, so that a survey's CSV is found
            outcome, detail = run_in_process(
                data,
                str(ROOT / "examples" / f"fuzz-case-{index}.yaml"),
                render_table=accepted_seen % 20 == 0,
            )
            runs = [(outcome, detail, "in-process")]
            if cli_every and index % cli_every == 0:
                runs.append((*run_cli(data, folder, runner, app), "cli"))
            if sub_every and index % sub_every == 0:
                runs.append((*run_subprocess(data, folder), "subprocess"))
            elapsed = time.perf_counter() - start
            faulthandler.cancel_dump_traceback_later()
            if elapsed > SLOW_SECONDS:
                tally["slow"] += 1
                failures.append(f"--- case {seed}:{index}: {elapsed:.1f} s (slow)")
            if elapsed > slowest[0]:
                slowest = (elapsed, f"{seed}:{index}")
            for outcome, detail, channel in runs:
                tally["tried"] += 1
                channels[channel] += 1
                tally[outcome] += 1
                if outcome == "accepted" and channel == "in-process":
                    accepted_seen += 1
                if outcome in ("traceback", "invariant"):
                    failures.append(f"--- case {seed}:{index} ({channel}, {outcome})\n{detail}")
    tally["channels"] = channels
    tally["slowest"] = slowest
    tally["failures"] = failures
    if verbose:
        report(tally)
    return tally


def report(tally: dict) -> None:
    channels = tally["channels"]
    print(
        f"cases tried:             {tally['tried']} "
        f"(in-process {channels['in-process']}, CliRunner {channels['cli']}, "
        f"console script {channels['subprocess']})"
    )
    print(f"rejected with a message: {tally['rejected']}")
    print(f"accepted:                {tally['accepted']}")
    print(f"tracebacks:              {tally['traceback']}")
    print(f"invariant failures:      {tally['invariant']}")
    print(f"slower than {SLOW_SECONDS} s:         {tally['slow']}")
    seconds, case = tally["slowest"]
    print(f"slowest case:            {seconds * 1000:.1f} ms (case {case})")
    for failure in tally["failures"][:5]:
        print(failure)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--cli", type=int, default=300, help="how many also via CliRunner")
    parser.add_argument(
        "--subprocess", type=int, default=20, help="how many via the console script"
    )
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--replay", metavar="SEED:INDEX", help="write one case to stdout and exit")
    args = parser.parse_args()
    if args.replay:
        seed, index = (int(part) for part in args.replay.split(":"))
        data = dict(cases(seed, index + 1))[index]
        sys.stdout.buffer.write(data)
        return 0
    start = time.perf_counter()
    tally = fuzz(args.cases, args.seed, args.cli, args.subprocess)
    print(f"total time:              {time.perf_counter() - start:.1f} s")
    return 1 if tally["traceback"] or tally["invariant"] or tally["slow"] else 0


if __name__ == "__main__":
    sys.exit(main())
