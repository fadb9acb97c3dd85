"""YAML front ends measured against libyaml's event stream, on the same files.

    python bench/frontends.py [--files 500] [--cache DIR]

perfscore needs, from a YAML parser, three things: a line for every key and list item
(every message points at one), duplicate keys refused (not the last one kept), and each
scalar's text and style (a plain ``0.10`` is the Decimal 0.10, a quoted one is text;
``010`` and ``1:30`` are refused as YAML 1.1 traps). libyaml's event stream (PyYAML's
``CParser``) gives all three; perfscore builds its values from it (``load/yaml.py``).

This prints, per file of the generated set (bench/generate.py), the CPU time of:
libyaml's events alone; perfscore's load (events → located values); PyYAML's
CSafeLoader (the baseline of bench/scale.py); and each other front end installed, with
what it keeps. Candidates are not dependencies of perfscore: install them in a scratch
environment (``pip install rapidyaml yaml-rs fastyaml-rs libfyaml ryaml pyyaml-rs``).
Best of 3 passes each. docs/performance.md gives the figures and the choice.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import os
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import import_module
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "src"))

import yaml  # noqa: E402
from yaml.cyaml import CParser  # noqa: E402

from perfscore.errors import PerfscoreError  # noqa: E402
from perfscore.load import parse  # noqa: E402


def events(text: str) -> None:
    parser = CParser(text)
    try:
        while type(parser.get_event()) is not yaml.StreamEndEvent:
            pass
    finally:
        parser.dispose()


def perfscore_load(text: str) -> None:
    with contextlib.suppress(PerfscoreError):
        parse(text, "bench.yaml")


def _ryml_walk(ryml: Any) -> Callable[[bytes], None]:
    """rapidyaml's tree, every key and value read from Python (what a builder would need,
    before any line number: its Python API gives node offsets to no one)."""

    def walk(data: bytes) -> None:
        tree = ryml.parse_in_arena(data)
        stack = [tree.root_id()]
        first, after, kind, key, val = (
            tree.first_child,
            tree.next_sibling,
            tree.type,
            tree.key,
            tree.val,
        )
        while stack:
            child = first(stack.pop())
            while child != ryml.NONE:
                flags = kind(child)
                if flags & ryml.KEY:
                    bytes(key(child))
                if flags & ryml.VAL:
                    bytes(val(child))
                else:
                    stack.append(child)
                child = after(child)

    return walk


# (label, module, how to call it on text or bytes, what it keeps)
VALUES_ONLY = "values only: no lines, last duplicate wins or refused, floats for 0.10"
CANDIDATES: list[tuple[str, str, str, Callable[[Any], Callable[[Any], Any]], str]] = [
    ("rapidyaml: parse only", "ryml", "bytes", lambda m: m.parse_in_arena, "a tree"),
    (
        "rapidyaml: parse + read every node",
        "ryml",
        "bytes",
        _ryml_walk,
        "keys, text, style, duplicates kept; no line numbers in its Python API",
    ),
    ("yaml-rs loads", "yaml_rs", "text", lambda m: m.loads, VALUES_ONLY),
    ("fastyaml-rs safe_load", "fast_yaml", "text", lambda m: m.safe_load, VALUES_ONLY),
    ("libfyaml loads", "libfyaml", "text", lambda m: m.loads, "values and paths, no lines"),
    ("ryaml loads", "ryaml", "text", lambda m: m.loads, VALUES_ONLY),
    ("pyyaml-rs safe_load", "pyyaml_rs", "text", lambda m: m.safe_load, VALUES_ONLY),
]


def read(file: str) -> str:
    with open(file, encoding="utf-8") as handle:
        return handle.read()


def best(function: Callable[[Any], Any], inputs: list[Any]) -> float:
    """CPU seconds per input, best of 3 passes; an input that fails to parse still counts."""
    times = []
    for _ in range(3):
        start = time.process_time()
        for item in inputs:
            with contextlib.suppress(Exception):  # a broken file: parsed as far as it goes
                function(item)
        times.append(time.process_time() - start)
    return min(times) / len(inputs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "perfscore-bench"))
    args = parser.parse_args()
    from scale import CACHE_VERSION

    pattern = os.path.join(args.cache, f"files-1-{CACHE_VERSION}", "000", "*.yaml")
    files = sorted(glob.glob(pattern))[: args.files]
    if not files:
        raise SystemExit(f"no files at {pattern}: run bench/scale.py once to generate them")
    texts = [read(f) for f in files]
    data = [text.encode("utf-8") for text in texts]
    base = best(events, texts)
    print(f"{len(files)} generated files, CPU ms per file (best of 3), × libyaml's events:")
    rows = [
        ("libyaml events (PyYAML CParser)", base, "lines, text, style, every key"),
        ("perfscore load (events → values)", best(perfscore_load, texts), "all it needs"),
        (
            "PyYAML CSafeLoader (the baseline)",
            best(lambda t: yaml.load(t, Loader=yaml.CSafeLoader), texts),
            "values only, last duplicate wins",
        ),
    ]
    for label, module, kind, make, keeps in CANDIDATES:
        try:
            function = make(import_module(module))
        except ImportError:
            rows.append((label, float("nan"), "not installed"))
            continue
        rows.append((label, best(function, data if kind == "bytes" else texts), keeps))
    for label, seconds, keeps in rows:
        print(f"  {label:38s} {seconds * 1e3:7.3f} ms  {seconds / base:5.2f}×  {keeps}")


if __name__ == "__main__":
    main()
