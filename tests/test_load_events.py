"""The loader's event source (perfscore.load.yaml, "the events"): for the length of a parse the
loader's compiled makers stand in for the event classes libyaml's C parser calls; with another
thread running it converts PyYAML's objects instead; without libyaml the pure-Python parser
builds its events through the same makers. All three give the same located values, and
PyYAML's own names are back in place after every parse."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from decimal import Decimal

import pytest
import yaml
import yaml.events

from perfscore.errors import InputError
from perfscore.load.values import EVENTS_MODULE, NumberLike, YList, YMap
from perfscore.load.yaml import EVENT_MAKERS, parse

from .conftest import EXAMPLES, ROOT

# Every kind of event and value the builder places: anchors and aliases of a scalar, a mapping
# and a list, tags, quoted and block scalars, flow style, numbers, words and YAML 1.1 forms.
FEATURES = """\
name: "一人一档"
code: 0101
plain: 1e3
words: [yes, no, true, ~, null, '']
flow: {a: 1, b: -0.5, c: .inf}
block: |
  多行
  文字
folded: >
  a
  b
anchored: &points 15
again: *points
table: &bands
  - {above: 90, score: 10}
  - {above: 60, score: 6}
shared: *bands
map: &m {x: 1}
map_again: *m
tagged: !!str 12
tagged_int: !!int 7
tagged_null: !!null ~
time: 1:30
hex: 0x1F
under: 1_000
date: 2023-12-15
"""

BROKEN = {
    "syntax": "a: [1, 2\nb: 3\n",
    "duplicate": "a: 1\nb: 2\na: 3\n",
    "merge": "base: &b {x: 1}\nuse:\n  <<: *b\n",
    "tag": "a: !!python/object:os.system x\n",
    "empty": "# nothing\n",
    "two documents": "a: 1\n---\nb: 2\n",
}


def located(value):
    """A value with every line and written text it carries, as plain data."""
    if isinstance(value, YMap):
        return [
            "map",
            value.line,
            [[k, value.key_lines[k], value.texts.get(k), located(v)] for k, v in value.items()],
        ]
    if isinstance(value, YList):
        return [
            "list",
            value.line,
            [[n, located(v)] for n, v in zip(value.item_lines, value, strict=True)],
        ]
    if isinstance(value, NumberLike):
        return ["number-like", str(value), value.kind]
    if isinstance(value, Decimal):
        return ["decimal", str(value)]
    return [type(value).__name__, value]


def outcome(text: str, file: str = "f.yaml"):
    try:
        return located(parse(text, file))
    except InputError as error:
        return ["error", [str(problem) for problem in error.problems]]


def texts() -> dict[str, str]:
    files = sorted(EXAMPLES.glob("*.yaml")) + sorted((ROOT / "tests").rglob("*.yaml"))
    cases = {path.name: path.read_text(encoding="utf-8") for path in files}
    return {"features": FEATURES, **BROKEN, **cases}


def pyyaml_names_in_place() -> bool:
    return all(getattr(EVENTS_MODULE, name) is getattr(yaml.events, name) for name in EVENT_MAKERS)


def test_the_makers_cover_every_event_class():
    assert set(EVENT_MAKERS) == {
        name for name in dir(yaml.events) if name.endswith("Event") and name != "Event"
    } - {"CollectionStartEvent", "CollectionEndEvent", "NodeEvent"}


def test_features_load_as_written():
    loaded = parse(FEATURES, "f.yaml")
    assert loaded["again"] == Decimal(15) and loaded.texts["again"] == "15"
    assert loaded["shared"] is loaded["table"] and loaded["map_again"] is loaded["map"]
    assert loaded["code"].kind == "octal" and loaded["tagged"] == "12"
    assert loaded["tagged_int"] == Decimal(7) and loaded["tagged_null"] is None
    assert loaded["words"] == ["yes", "no", True, None, None, ""]
    assert loaded["block"] == "多行\n文字\n" and loaded["folded"] == "a b\n"
    assert loaded.key_lines["table"] == 14 and loaded["table"].item_lines == [15, 16]


@pytest.mark.parametrize("name", list(BROKEN))
def test_pyyaml_names_are_back_after_a_parse(name):
    assert pyyaml_names_in_place()
    outcome(FEATURES)
    assert pyyaml_names_in_place()
    assert outcome(BROKEN[name])[0] == "error"
    assert pyyaml_names_in_place()


def test_with_another_thread_running_the_values_are_the_same():
    """Another thread might be parsing YAML of its own: the makers stay out of PyYAML's module,
    and the loader converts PyYAML's event objects instead."""
    alone = {name: outcome(text) for name, text in texts().items()}
    release = threading.Event()
    seen: list[bool] = []

    def other() -> None:
        # what another thread's parse would meet while perfscore parses
        while not release.is_set():
            seen.append(pyyaml_names_in_place())
            release.wait(0.001)

    thread = threading.Thread(target=other)
    thread.start()
    try:
        together = {name: outcome(text) for name, text in texts().items()}
    finally:
        release.set()
        thread.join()
    assert together == alone
    assert seen and all(seen)


def test_the_pure_python_parser_gives_the_same_values(tmp_path):
    """Without libyaml (PyYAML's pure-Python parser, values._parser_class): the same values and
    the same refusals, from the same makers (in yaml.parser's globals)."""
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps(texts(), ensure_ascii=False), encoding="utf-8")
    code = (
        "import json, sys\n"
        "sys.modules['yaml._yaml'] = None  # no libyaml\n"
        "from perfscore.load import values\n"
        "assert values.Parser.__name__ == 'PurePythonParser', values.Parser\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "from tests.test_load_events import outcome, pyyaml_names_in_place\n"
        "cases = json.loads(open(sys.argv[1], encoding='utf-8').read())\n"
        "out = {name: outcome(text) for name, text in cases.items()}\n"
        "assert pyyaml_names_in_place()\n"
        "print(json.dumps(out, ensure_ascii=False))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(cases), str(ROOT)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert run.returncode == 0, run.stderr
    pure = json.loads(run.stdout)
    libyaml = json.loads(json.dumps({n: outcome(t) for n, t in texts().items()}))
    # libyaml and PyYAML's scanner word a few syntax errors differently; the values agree
    differ = {n for n in libyaml if libyaml[n] != pure[n]}
    assert differ <= {n for n in libyaml if libyaml[n][0] == "error"}, differ
    assert {n for n in libyaml if libyaml[n][0] == "error"} == {
        n for n in pure if pure[n][0] == "error"
    }
    assert len([n for n in libyaml if libyaml[n][0] != "error"]) > 10
