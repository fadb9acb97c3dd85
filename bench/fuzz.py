"""Fuzz perfscore: mutated evaluation files, and the inputs and outputs around them (issues 4, 14).

    python bench/fuzz.py [--cases 10000] [--cli 300] [--subprocess 20] [--csv 5000]
                         [--xlsx 3000] [--import 500] [--names 1000] [--outputs 1000]
                         [--env 300] [--seed 4]

Evaluation files: each case takes one of the files in examples/*.yaml and applies one
to three mutations: delete, duplicate, swap, move or re-indent lines; change, insert or
delete characters (YAML punctuation, tabs, full-width colons and spaces, control
characters, non-UTF-8 bytes); put a YAML 1.1 trap or a hostile number in a value (yes,
010, 1:30, .nan, 1e400, 60 digits, aliases, tags); truncate at any byte. Every case runs
what ``validate`` and ``evaluate --json`` run, in-process (the terminal tables for every
20th accepted case); ``--cli`` of them also go through the typer app with CliRunner, and
``--subprocess`` through the installed ``perfscore`` console script. Accepted results
are checked for the tree invariants (0 ≤ score ≤ points, a parent is the sum of its
children).

Families beyond YAML (issue 14), each with its own count:

* ``csv``, ``xlsx``: answer sheets, the example sheet mutated as text, as workbook XML
  and as a zip container, read as ``perfscore survey --weights … --json`` reads them
  (every tenth also through an evaluation's ``from:``);
* ``import``: the published 自评表 fixtures of tests/data/import (xlsx, ods, xls, pdf)
  mutated (XML parts, container, bytes) through ``perfscore check SHEET`` in a child
  process (skipped, and said so, where ``perfscore.importers`` does not exist);
* ``names``: inputs and outputs named with GBK bytes, cut UTF-8, bidi and control
  characters …;
* ``outputs``: every kind of output target with every writing command; inputs must stay
  unchanged, devices and FIFOs unreplaced, no temporary file left;
* ``env``: the installed command under other terminal encodings, the C locale,
  ``COLUMNS``, ``PERFSCORE_LANG``, closed or full standard streams, a reader gone.

An outcome is *accepted*, *rejected* (a message, exit 1/2/3), a *traceback* (anything
else: a bug) or an *invariant* failure. Prints per family: cases, rejected, accepted,
tracebacks, the slowest case; then the first failures with their seed and index. Exit
status 1 if any traceback, invariant failure or case slower than 10 s was found. A YAML
case can be replayed (``--replay SEED:INDEX``); a family's case i is
``family_cases(family, seed, i + 1, folder)``. A case stuck for 2 minutes (in C code,
where no exception can reach it) stops the run with a stack dump.
"""

from __future__ import annotations

import argparse
import contextlib
import faulthandler
import io
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import traceback
import zlib
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


# =========================================================================================
# Beyond YAML (issue 14): answer sheets, imported sheets, file names, environments and
# output targets. Each family makes case i of a seed from (seed, family, i) alone and runs
# it; an outcome is "accepted" (exit 0), "rejected" (a PerfscoreError, or exit 1/2/3 with a
# message on standard error), "traceback" (anything else) or "invariant" (a promise broken:
# an input changed, a device replaced, a temporary file left behind).
# =========================================================================================

SURVEY_CSV = ROOT / "examples" / "yirenyidang-survey-2024.csv"
SURVEY_WEIGHTS = "非常满意=100%,较满意=75%,一般=50%,不满意=0%"


class Family:
    """One family of cases: ``make(rng, folder) -> case`` and ``run(case, folder) -> outcome``."""

    def __init__(self, name: str, make, run) -> None:
        self.name, self.make, self.run = name, make, run


def _outcome_of_error(error) -> tuple[str, str]:
    lines = [str(problem) for problem in error.problems]
    if not lines or any(not line.strip() or "Traceback" in line for line in lines):
        return "traceback", f"empty or odd message: {lines!r}"
    return "rejected", lines[0]


# ---------------------------------------------------------------- answer sheets (CSV)


def widen_row(data: bytes, rng: random.Random) -> bytes:
    """Add many cells to one row (wide sheets, column limits)."""
    lines = _lines(data)
    i = rng.randrange(len(lines))
    lines[i] += b"," * rng.choice((1, 10, 500, 5000, 20000))
    return b"\n".join(lines)


def quote_chaos(data: bytes, rng: random.Random) -> bytes:
    """An unbalanced or doubled quote, a quoted line break, or a huge quoted field."""
    i = rng.randrange(len(data) + 1)
    piece = rng.choice([b'"', b'""', b'"\n"', b'"a,b"', b'"' + b"x" * 200_000 + b'"'])
    return data[:i] + piece + data[i:]


def answer_marks(data: bytes, rng: random.Random) -> bytes:
    """Multi-answer separators, skip marks, letters and full-width forms put into a cell."""
    text = data.decode("utf-8", errors="surrogateescape")
    i = rng.randrange(len(text) + 1)
    piece = rng.choice(
        ["┋", ";", "；", "(跳过)", "(空)", "Ａ．", "A.", "A、", "\u200b", "\u202e", "Z "]
    )
    return (text[:i] + piece + text[i:]).encode("utf-8", errors="surrogateescape")


def reencode(data: bytes, rng: random.Random) -> bytes:
    """The whole sheet in another encoding, or with other line endings."""
    text = data.decode("utf-8-sig", errors="replace")
    choice = rng.choice(["gbk", "utf-16", "utf-16-le", "utf-32", "crlf", "cr", "bom", "latin"])
    if choice == "crlf":
        return text.replace("\n", "\r\n").encode()
    if choice == "cr":
        return text.replace("\n", "\r").encode()
    if choice == "bom":
        return b"\xef\xbb\xbf\xef\xbb\xbf" + text.encode()
    if choice == "latin":
        return text.encode("latin-1", errors="replace")
    return text.encode(choice, errors="replace")


CSV_MUTATIONS = [
    delete_line,
    duplicate_lines,
    swap_lines,
    change_char,
    insert_bytes,
    truncate,
    widen_row,
    quote_chaos,
    answer_marks,
    answer_marks,
    reencode,
]


def make_csv(rng: random.Random, folder: Path) -> bytes:
    data = SURVEY_CSV.read_bytes()
    for _ in range(rng.randint(1, 3)):
        data = rng.choice(CSV_MUTATIONS)(data, rng)
    return data


def read_and_count(path: str) -> None:
    """What `perfscore survey --weights … --json -` does with a sheet, in-process."""
    from perfscore.render.json_export import dumps
    from perfscore.survey.report import (
        check_weights_fit,
        data_to_dict,
        parse_weights_option,
        survey_data,
    )
    from perfscore.survey.sheet import read_sheet

    sheet = read_sheet(path)
    data = survey_data(sheet, parse_weights_option(SURVEY_WEIGHTS))
    check_weights_fit(data, "--weights")
    dumps(data_to_dict(data))


def run_sheet_file(data: bytes, folder: Path, suffix: str) -> tuple[str, str]:
    from perfscore.errors import PerfscoreError

    path = folder / f"case{suffix}"
    path.write_bytes(data)
    try:
        read_and_count(str(path))
        outcome = ("accepted", "")
    except PerfscoreError as error:
        outcome = _outcome_of_error(error)
    except Exception:
        return "traceback", traceback.format_exc()
    if zlib.crc32(data) % 10 == 0:  # every tenth sheet also through an evaluation's from:
        evaluation = folder / "from.yaml"  # the survey example, its five leaves from this sheet
        evaluation.write_text(survey_example(path.name), encoding="utf-8")
        through = invoke_outcome(["evaluate", str(evaluation), "--json", "-"])
        if through[0] in ("traceback", "invariant"):
            return through
    return outcome


def survey_example(sheet: str) -> str:
    """examples/yirenyidang-survey-2024.yaml, its leaves counted from ``sheet`` instead."""
    text = (ROOT / "examples" / "yirenyidang-survey-2024.yaml").read_text(encoding="utf-8")
    return text.replace(SURVEY_CSV.name, sheet)


def run_csv(data: bytes, folder: Path) -> tuple[str, str]:
    return run_sheet_file(data, folder, ".csv")


# ---------------------------------------------------------------- answer sheets (XLSX)

_XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override '
        'PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships"><sheets><sheet name="答卷" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.'
        'openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" '
        'formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font/></fonts><fills count="1">'
        '<fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/>'
        '</cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" '
        'applyNumberFormat="1"/></cellXfs></styleSheet>'
    ),
}


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def base_workbook_parts() -> dict[str, str]:
    """The example answer sheet as XLSX parts: shared strings, one cell as a date."""
    import csv as csv_module
    from xml.sax.saxutils import escape

    rows = list(csv_module.reader(SURVEY_CSV.read_text(encoding="utf-8-sig").splitlines()))
    strings: dict[str, int] = {}
    out = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            index = strings.setdefault(value, len(strings))
            cells.append(f'<c r="{_column(c)}{r}" t="s"><v>{index}</v></c>')
        if r <= 2:  # a column of submission dates: a title, and one number styled as a date
            value = "<is><t>提交时间</t></is>" if r == 1 else "<v>45291</v>"
            kind = ' t="inlineStr"' if r == 1 else ' s="1"'
            cells.append(f'<c r="{_column(len(row))}{r}"{kind}>{value}</c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    shared = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return {
        **_XLSX_PARTS,
        "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet '
        f'xmlns="{main}"><dimension ref="A1:K62"/><sheetData>{"".join(out)}</sheetData>'
        "</worksheet>",
    }


_BASE_PARTS: dict[str, str] = {}

XML_PIECES = [
    'r="99999999"',
    'r="0"',
    'r="-1"',
    'r="1048577"',
    'r="A1"',
    'r="XFD1048576"',
    'r="ZZZZ1"',
    'r="a1"',
    'r="$A$1"',
    't="b"',
    't="e"',
    't="d"',
    't="str"',
    't="inlineStr"',
    't="x"',
    's="1"',
    's="99"',
    "<v>1e400</v>",
    "<v>NaN</v>",
    "<v>-1</v>",
    "<v>9999999999999</v>",
    "<v>abc</v>",
    "<v></v>",
    "&amp;",
    "&lt;",
    "&nope;",
    "&#0;",
    "&#xD800;",
    "<!DOCTYPE x>",
    '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
    "<![CDATA[x]]>",
    "<!-- c -->",
    "<?pi x?>",
    "</row>",
    "<row>",
    '<row r="5" spans="1:2">',
    "<c>",
    "</c>",
    "<c/>",
    "<x:c/>",
    '<dimension ref="A1:XFD1048576"/>',
    '<mergeCell ref="A1:XFD1048576"/>',
    "\x00",
    "\u202e",
]


def _mutate_xml(text: str, rng: random.Random) -> str:
    action = rng.random()
    if not text:
        return text
    i = rng.randrange(len(text))
    if action < 0.4:  # insert a piece, mostly where a tag starts
        boundary = text.rfind("<", 0, i)
        i = boundary if boundary >= 0 and rng.random() < 0.85 else i
        return text[:i] + rng.choice(XML_PIECES) + text[i:]
    if action < 0.75:  # replace an attribute value
        match = re.search(r'(r|t|s)="[^"]*"', text[i:])
        if match:
            start, end = i + match.start(), i + match.end()
            return text[:start] + rng.choice(XML_PIECES[:16]) + text[end:]
        return text
    if action < 0.85:  # delete a span
        return text[:i] + text[i + rng.randint(1, 40) :]
    if action < 0.92:  # truncate
        return text[:i]
    j = rng.randrange(len(text))  # swap two spans
    a, b = sorted((i, j))
    return text[:a] + text[b : b + 30] + text[a + 30 : b] + text[a : a + 30] + text[b + 30 :]


def _zip(parts: dict[str, bytes | str], rng: random.Random) -> bytes:
    import zipfile

    buffer = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if rng.random() < 0.9 else zipfile.ZIP_STORED
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _mutate_zip(data: bytes, rng: random.Random) -> bytes:
    """Damage the container itself: truncate, flip bytes, lie about a size, set a flag."""
    import struct

    action = rng.random()
    if action < 0.3:
        return data[: rng.randrange(len(data))]
    if action < 0.6:
        out = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    entries = [m.start() for m in re.finditer(b"PK\x01\x02", data)]
    if not entries:
        return data
    out = bytearray(data)
    entry = rng.choice(entries)
    if action < 0.8:  # the uncompressed size the directory declares
        struct.pack_into("<I", out, entry + 24, rng.choice((0, 10, 2**31, 2**32 - 1)))
    else:  # the general purpose flags: encrypted, data descriptor, UTF-8 names
        out[entry + 8] ^= rng.choice((0x1, 0x8, 0x40))
    return bytes(out)


def make_xlsx(rng: random.Random, folder: Path) -> bytes:
    if not _BASE_PARTS:
        _BASE_PARTS.update(base_workbook_parts())
    parts: dict[str, bytes | str] = dict(_BASE_PARTS)
    for _ in range(rng.randint(1, 3)):
        name = rng.choice(
            ["xl/worksheets/sheet1.xml"] * 6 + ["xl/sharedStrings.xml"] * 2 + list(_XLSX_PARTS)
        )
        action = rng.random()
        if action < 0.08:
            parts.pop(name, None)
        elif action < 0.12:
            parts[name] = rng.choice([b"", b"\xff\xfe garbage", "x" * 1000])
        elif isinstance(parts.get(name), str):
            parts[name] = _mutate_xml(str(parts[name]), rng)
    data = _zip(parts, rng)
    if rng.random() < 0.2:
        data = _mutate_zip(data, rng)
    return data


def run_xlsx(data: bytes, folder: Path) -> tuple[str, str]:
    return run_sheet_file(data, folder, ".xlsx")


# ---------------------------------------------------------------- imported sheets


def importers_available() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("perfscore.importers") is not None
    except ModuleNotFoundError:
        return False


IMPORT_SOURCES = sorted(
    p for p in (ROOT / "tests" / "data" / "import").glob("*") if not p.name.startswith("bad-")
)


def make_import(rng: random.Random, folder: Path) -> tuple[str, bytes]:
    """A published 自评表 fixture (xlsx, ods, xls, pdf) mutated: a zip's XML parts as the
    XLSX family mutates them, any file's bytes flipped, cut or lying about sizes."""
    import zipfile

    source = rng.choice(IMPORT_SOURCES)
    data = source.read_bytes()
    if data.startswith(b"PK") and rng.random() < 0.7:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts: dict[str, bytes | str] = {
                name: archive.read(name).decode("utf-8", "surrogateescape")
                if name.endswith((".xml", ".rels"))
                else archive.read(name)
                for name in archive.namelist()
            }
        xml = [name for name, part in parts.items() if isinstance(part, str)]
        for _ in range(rng.randint(1, 3)):
            name = rng.choice(xml)
            parts[name] = _mutate_xml(str(parts[name]), rng)
        data = _zip(
            {
                n: p.encode("utf-8", "surrogateescape") if isinstance(p, str) else p
                for n, p in parts.items()
            },
            rng,
        )
    if rng.random() < 0.4 or not data.startswith(b"PK"):
        data = _mutate_zip(data, rng) if data.startswith(b"PK") else _flip(data, rng)
    return source.suffix, data


def _flip(data: bytes, rng: random.Random) -> bytes:
    """A few bytes changed, or the file cut short (an .xls or a PDF)."""
    if rng.random() < 0.3:
        return data[: rng.randrange(len(data))]
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def run_import(case: tuple[str, bytes], folder: Path) -> tuple[str, str]:
    """`perfscore check SHEET` on a mutated 自评表, in a child process: a reading library that
    aborts the process (calamine on a huge rectangle) is a failure to report, not the end of
    the run."""
    suffix, data = case
    path = folder / f"imported{suffix}"
    path.write_bytes(data)
    proc = subprocess.run(
        [sys.executable, "-m", "perfscore", "check", str(path)],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode < 0 or proc.returncode > 3 or "Traceback" in stderr:
        return "traceback", f"exit {proc.returncode}: {stderr[-2000:]}"
    if proc.returncode in (0, 3):
        return "accepted", ""
    if not stderr.strip():
        return "traceback", f"exit {proc.returncode} without a message"
    return "rejected", stderr.splitlines()[-1]


# ---------------------------------------------------------------- in-process CLI


def invoke(args: list[str]) -> tuple[object, bytes, bytes]:
    """Run the perfscore app in-process with real text streams (errors as the CLI sets
    them), returning (exit code or exception, stdout, stderr)."""
    from perfscore.cli import app
    from perfscore.output import REPLACE

    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdout, sys.stderr
    streams = [
        io.TextIOWrapper(buffer, encoding="utf-8", errors=REPLACE, write_through=True)
        for buffer in (out, err)
    ]
    sys.stdout, sys.stderr = streams
    try:
        code: object = app(args=args, prog_name="perfscore", standalone_mode=False)
    except SystemExit as exit_:
        code = exit_.code
    except Exception as exc:  # a traceback: returned for the report
        code = exc
    finally:
        sys.stdout, sys.stderr = saved
    for stream in streams:  # what the run may have left in them, without closing the buffers
        with contextlib.suppress(ValueError, OSError):
            stream.flush()
        stream.detach()
    return code, out.getvalue(), err.getvalue()


def invoke_outcome(args: list[str], ok=(0,)) -> tuple[str, str]:
    code, _out, err = invoke(args)
    if isinstance(code, BaseException):
        detail = "".join(traceback.format_exception(type(code), code, code.__traceback__))
        return "traceback", detail
    if code in ok:
        return "accepted", ""
    if code in (1, 2, 3) and err.strip() and b"Traceback" not in err:
        return "rejected", err.decode("utf-8", "replace").splitlines()[0]
    return "traceback", f"exit {code}: {err.decode('utf-8', 'replace')[-2000:]}"


# ---------------------------------------------------------------- file names

NAME_PIECES = [
    b"\xc6\xf8\xcf\xf3",  # GBK
    b"\xff",
    b"\xe4\xb8",  # a cut UTF-8 character
    "评价".encode(),
    "e\u0301".encode(),
    "\u202e".encode(),
    "\u200b".encode(),
    "\ufeff".encode(),
    b" ",
    b"-",
    b"--json",
    b".",
    b"..",
    b"~",
    b"$HOME",
    b"*",
    b"?",
    b"\\",
    b":",
    b"'",
    b'"',
    b"\n",
    b"\t",
    b"\x1b[31m",
    b"[red]",
    b"=HYPERLINK(1)",
    b"a" * 200,
]


def make_name(rng: random.Random, folder: Path) -> tuple[bytes, bytes, str]:
    """(input name, output name, command) made of hostile pieces."""

    def name() -> bytes:
        raw = b"".join(rng.choice(NAME_PIECES) for _ in range(rng.randint(1, 4)))
        return raw.replace(b"/", b"_") + rng.choice((b".yaml", b".yml", b"", b".json"))

    return name(), name(), rng.choice(["evaluate", "validate", "summary", "report", "check"])


def _clean(folder: Path) -> None:
    import shutil

    for entry in os.listdir(os.fsencode(folder)):
        path = os.path.join(os.fsencode(folder), entry)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.unlink(path)


def run_name(case: tuple[bytes, bytes, str], folder: Path) -> tuple[str, str]:
    source_name, out_name, command = case
    _clean(folder)
    base = os.fsencode(folder)
    source = os.path.join(base, source_name)
    if len(source_name) < 250 and source_name not in (b".", b".."):
        try:
            with open(source, "wb") as handle:
                handle.write(EXAMPLES[0].read_bytes())
        except OSError:
            pass  # a name the file system refuses: used as an argument all the same
    src, out = os.fsdecode(source), os.fsdecode(os.path.join(base, out_name))
    args = {
        "evaluate": ["evaluate", src, "--json", out],
        "validate": ["validate", src],
        "summary": ["summary", os.fsdecode(base), "--csv", out],
        "report": ["report", src, "-o", out, "-f", "html"],
        "check": ["check", src, "--json", out],
    }[command]
    return invoke_outcome(args, ok=(0, 3))


# ---------------------------------------------------------------- output targets

TARGETS = [
    "new",
    "existing",
    "symlink",
    "dangling",
    "loop",
    "folder",
    "under-a-file",
    "missing-folder",
    "fifo",
    "null-device",
    "full-device",
    "block-device",
    "socket",
    "stdout",
    "empty",
    "trailing-slash",
    "the-input",
    "the-sheet",
    "hard-link-to-input",
    "dev-null",
    "dev-full",
]
COMMANDS_WRITING = ["evaluate", "report", "summary-csv", "summary-json", "check", "survey", "init"]


def make_target(rng: random.Random, folder: Path) -> tuple[str, str]:
    return rng.choice(TARGETS), rng.choice(COMMANDS_WRITING)


def _device(path: str, major: int, minor: int, block: bool = False) -> bool:
    import stat

    try:
        os.mknod(path, 0o666 | (stat.S_IFBLK if block else stat.S_IFCHR), os.makedev(major, minor))
    except (OSError, AttributeError):
        return False
    return True


def _socket(path: str) -> None:
    import socket

    server = socket.socket(socket.AF_UNIX)
    server.bind(path)
    server.close()


# kind → what to create at out.json (None: nothing) and the output path to give
_SIMPLE_TARGETS = {
    "new": lambda t: None,
    "existing": lambda t: Path(t).write_text("old\n"),
    "symlink": lambda t: (
        Path(t).with_name("real.json").write_text("old\n"),
        os.symlink("real.json", t),
    ),
    "dangling": lambda t: os.symlink("nowhere.json", t),
    "loop": lambda t: os.symlink("out.json", t),
    "folder": lambda t: os.mkdir(t),
    "fifo": lambda t: os.mkfifo(t),
    "socket": _socket,
}
_DEVICES = {
    "null-device": (1, 3, False),
    "full-device": (1, 7, False),
    "block-device": (7, 0, True),
}


def _make_target(kind: str, folder: str, source: str, sheet: str) -> str | None:
    """Create what ``kind`` needs in ``folder``; the output path, or None if impossible here."""
    target = os.path.join(folder, "out.json")
    if kind in _SIMPLE_TARGETS:
        _SIMPLE_TARGETS[kind](target)
        return target
    if kind in _DEVICES:
        return target if _device(target, *_DEVICES[kind]) else None
    if kind == "hard-link-to-input":
        os.link(source, target)
        return target
    return {
        "under-a-file": os.path.join(source, "x.json"),
        "missing-folder": os.path.join(folder, "no", "x.json"),
        "stdout": "-",
        "dev-null": "/dev/null",
        "dev-full": "/dev/full",
        "empty": "",
        "trailing-slash": folder + "/out/",
        "the-input": source,
        "the-sheet": sheet,
    }[kind]


def _fingerprint(folder: str, inputs: tuple[str, ...]) -> dict[str, tuple]:
    """What must not change: every entry's kind, and the content of the command's inputs."""
    import stat

    found = {}
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        status = os.lstat(path)
        content = None
        if name in inputs:
            content = Path(path).read_bytes()
        found[name] = (stat.S_IFMT(status.st_mode), getattr(status, "st_rdev", 0), content)
    return found


def run_target(case: tuple[str, str], folder: Path) -> tuple[str, str]:
    import stat

    kind, command = case
    _clean(folder)
    base = str(folder)
    source = os.path.join(base, "eval.yaml")
    sheet = os.path.join(base, "answers.csv")
    Path(sheet).write_bytes(SURVEY_CSV.read_bytes())
    Path(source).write_text(survey_example("answers.csv"), encoding="utf-8")
    target = _make_target(kind, base, source, sheet)
    if target is None:
        return "accepted", "skipped: no device nodes here"
    inputs = ("answers.csv",) if command == "survey" else ("eval.yaml", "answers.csv")
    before = _fingerprint(base, inputs)
    devices = {p: os.lstat(p).st_mode for p in ("/dev/null", "/dev/full") if os.path.exists(p)}
    args = {
        "evaluate": ["evaluate", source, "--json", target],
        "report": ["report", source, "-o", target, "-f", "md"],
        "summary-csv": ["summary", base, "--csv", target],
        "summary-json": ["summary", base, "--json", target],
        "check": ["check", source, "--json", target],
        "survey": ["survey", sheet, "--json", target],
        "init": ["init", "-t", "self-evaluation", target],
    }[command]
    outcome, detail = invoke_outcome(args, ok=(0, 3))
    after = _fingerprint(base, inputs)
    left = [name for name in after if name.startswith(".perfscore-")]
    changed = [
        name
        for name, (mode, rdev, content) in before.items()
        if name in after
        and (
            after[name][0] != mode
            or after[name][1] != rdev
            or (content and after[name][2] != content)
        )
    ]
    replaced = [p for p, mode in devices.items() if not stat.S_ISCHR(os.lstat(p).st_mode)]
    if left or changed or replaced:
        return "invariant", f"{kind}/{command}: left {left}, changed {changed}, replaced {replaced}"
    return outcome, detail


# ---------------------------------------------------------------- environments

ENCODINGS = ["latin-1", "ascii", "gbk", "cp1252", "shift_jis", "utf-8", "utf-16", "cp437"]
COLUMNS = ["", "0", "-1", "5", "19", "20", "40", "80", "1000", "100000", "abc", " 80 ", "8e1"]
ENV_COMMANDS = [
    (["evaluate", "examples/yirenyidang-2023.yaml"], (0,)),
    (["evaluate", "examples/yirenyidang-2023.yaml", "--explain"], (0,)),
    (["evaluate", "examples/yirenyidang-2023.yaml", "--json", "-"], (0,)),
    (["validate", "examples/ganbu-peixun-2023.yaml", "不存在.yaml"], (1,)),
    (["summary", "examples"], (0,)),
    (["check", "examples", "tests/data/check"], (3,)),
    (["survey", "examples/yirenyidang-survey-2024.csv", "--weights", SURVEY_WEIGHTS], (0,)),
    (["schema"], (0,)),
    (["templates"], (0,)),
    (["--help"], (0,)),
    (["evaluate", "--nope"], (2,)),
]


def make_env(rng: random.Random, folder: Path) -> dict:
    args, codes = rng.choice(ENV_COMMANDS)
    env = {"COLUMNS": rng.choice(COLUMNS), "PERFSCORE_LANG": rng.choice(["zh", "en", "", "fr"])}
    if rng.random() < 0.6:
        env["PYTHONIOENCODING"] = rng.choice(ENCODINGS)
    if rng.random() < 0.3:
        env.update(LC_ALL="C", LANG="C", PYTHONCOERCECLOCALE="0", PYTHONUTF8="0")
    stream = rng.choice(["pipe", "pipe", "pipe", "closed-stdout", "closed-stderr", "full", "gone"])
    return {"args": args, "codes": codes, "env": env, "stream": stream}


def run_env(case: dict, folder: Path) -> tuple[str, str]:
    command = [sys.executable, "-m", "perfscore", *case["args"]]
    env = {**os.environ, **case["env"]}
    stream = case["stream"]
    codes = set(case["codes"])
    if stream == "closed-stdout" or (stream == "full" and os.path.exists("/dev/full")):
        codes = {1} if case["args"] != ["evaluate", "--nope"] else {2}  # usage errors go to stderr
    kwargs: dict = {"stdin": subprocess.DEVNULL, "cwd": ROOT, "env": env, "timeout": 120}
    full = None
    if stream == "closed-stdout":
        kwargs.update(stdout=None, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))
    elif stream == "closed-stderr":
        kwargs.update(stdout=subprocess.PIPE, stderr=None, preexec_fn=lambda: os.close(2))
    elif stream == "full" and os.path.exists("/dev/full"):
        full = open("/dev/full", "wb")  # noqa: SIM115
        kwargs.update(stdout=full, stderr=subprocess.PIPE)
    else:
        kwargs.update(stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        if stream == "gone":
            proc = subprocess.Popen(command, **{k: v for k, v in kwargs.items() if k != "timeout"})
            proc.stdout.close()
            stderr = proc.stderr.read()
            proc.stderr.close()
            returncode = proc.wait(timeout=120)
        else:
            done = subprocess.run(command, **kwargs)
            stderr, returncode = done.stderr or b"", done.returncode
    finally:
        if full is not None:
            full.close()
    if b"Traceback" in stderr:
        return "traceback", stderr.decode("utf-8", "replace")[-2000:]
    if case["env"]["PERFSCORE_LANG"] not in ("zh", "en", "") and case["args"] != ["--help"]:
        codes = {2}  # an unknown language is a usage error, whatever the command
    if {"--help"} & set(case["args"]) and stream in ("closed-stdout", "full"):
        codes = {0, 1}  # click prints help itself: its own handling of a failed write
    if returncode not in codes:
        return "traceback", f"exit {returncode} (expected {sorted(codes)}): {stderr[-500:]!r}"
    return (
        "accepted" if returncode in case["codes"] and stream != "closed-stdout" else "rejected"
    ), ""


# ---------------------------------------------------------------- running the families

FAMILIES = {
    "csv": Family("answer sheets (CSV)", make_csv, run_csv),
    "xlsx": Family("answer sheets (XLSX)", make_xlsx, run_xlsx),
    "import": Family("imported sheets", make_import, run_import),
    "names": Family("file names", make_name, run_name),
    "outputs": Family("output targets", make_target, run_target),
    "env": Family("environments", make_env, run_env),
}


def family_cases(key: str, seed: int, count: int, folder: Path):
    """(index, case) of a family; case i depends on (seed, family, i) alone."""
    for index in range(count):
        rng = random.Random(f"{seed}:{key}:{index}")
        yield index, FAMILIES[key].make(rng, folder)


def run_family(key: str, count: int, seed: int) -> dict:
    """Run ``count`` cases of family ``key``; return its tally."""
    tally = {"cases": 0, "rejected": 0, "accepted": 0, "traceback": 0, "invariant": 0, "slow": 0}
    failures: list[str] = []
    slowest = (0.0, "")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for index, case in family_cases(key, seed, count, folder):
            faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
            start = time.perf_counter()
            outcome, detail = FAMILIES[key].run(case, folder)
            elapsed = time.perf_counter() - start
            faulthandler.cancel_dump_traceback_later()
            tally["cases"] += 1
            tally[outcome] += 1
            if elapsed > SLOW_SECONDS:
                tally["slow"] += 1
                failures.append(f"--- {key} {seed}:{index}: {elapsed:.1f} s (slow)")
            if elapsed > slowest[0]:
                slowest = (elapsed, f"{seed}:{index}")
            if outcome in ("traceback", "invariant"):
                failures.append(f"--- {key} {seed}:{index} ({outcome})\n{detail}")
    tally["slowest"] = slowest
    tally["failures"] = failures
    return tally


def report_families(yaml_tally: dict | None, tallies: dict[str, dict], skipped: dict) -> None:
    """One line per family: cases, rejected, accepted, tracebacks, slowest case."""
    print(
        f"{'family':24} {'cases':>7} {'rejected':>9} {'accepted':>9} {'tracebacks':>11} {'slowest':>18}"
    )
    rows = []
    if yaml_tally is not None:
        rows.append(("evaluation files (YAML)", {**yaml_tally, "cases": yaml_tally["tried"]}))
    rows += [(FAMILIES[key].name, tally) for key, tally in tallies.items()]
    total = {"cases": 0, "rejected": 0, "accepted": 0, "traceback": 0, "invariant": 0}
    for name, tally in rows:
        seconds, case = tally["slowest"]
        broken = tally["traceback"] + tally["invariant"]
        print(
            f"{name:24} {tally['cases']:>7} {tally['rejected']:>9} {tally['accepted']:>9} "
            f"{broken:>11} {seconds * 1000:>9.0f} ms {case:>7}"
        )
        for field in total:
            total[field] += tally[field]
    print(
        f"{'all':24} {total['cases']:>7} {total['rejected']:>9} {total['accepted']:>9} "
        f"{total['traceback'] + total['invariant']:>11}"
    )
    for key, reason in skipped.items():
        print(f"{FAMILIES[key].name}: skipped ({reason})")
    for name, tally in rows:
        for failure in tally["failures"][:3]:
            print(name, failure)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000, help="mutated evaluation files")
    parser.add_argument("--cli", type=int, default=300, help="how many also via CliRunner")
    parser.add_argument(
        "--subprocess", type=int, default=20, help="how many via the console script"
    )
    for key, default in [
        ("csv", 5_000),
        ("xlsx", 3_000),
        ("import", 500),
        ("names", 1_000),
        ("outputs", 1_000),
        ("env", 300),
    ]:
        parser.add_argument(
            f"--{key}", type=int, default=default, help=f"{FAMILIES[key].name} cases"
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
    yaml_tally = fuzz(args.cases, args.seed, args.cli, args.subprocess, verbose=False)
    tallies: dict[str, dict] = {}
    skipped: dict[str, str] = {}
    for key in FAMILIES:
        count = getattr(args, key)
        if key == "import" and not importers_available():
            skipped[key] = "perfscore.importers is not on this branch"
            continue
        if count:
            tallies[key] = run_family(key, count, args.seed)
    report_families(yaml_tally, tallies, skipped)
    print(f"total time: {time.perf_counter() - start:.1f} s")
    broken = [yaml_tally, *tallies.values()]
    return 1 if any(t["traceback"] or t["invariant"] or t["slow"] for t in broken) else 0


if __name__ == "__main__":
    sys.exit(main())
