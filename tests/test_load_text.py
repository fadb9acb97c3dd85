"""Bytes → text (load/text.py): the forbidden-character test and the refusals that word it.

The pattern of characters YAML forbids is written as the forbidden ranges (cheap to compile)
instead of the negated allowed set (YAML 1.1 §5.1); both must give the same answer on any text.
"""

from __future__ import annotations

import random
import re

import pytest
import yaml

from perfscore.errors import InputError
from perfscore.load import text
from perfscore.load.yaml import load_yaml

# The allowed set as YAML 1.1 §5.1 states it, the form the module used before.
ALLOWED_NEGATED = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Code points near every edge of the ranges, where a slip in either pattern would show.
EDGES = [
    0x00, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1F, 0x20, 0x7E, 0x7F, 0x84, 0x85, 0x86,
    0x9F, 0xA0, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x10FFFF,
]  # fmt: skip


def _random_text(rng: random.Random) -> str:
    """A short string mixing edge code points, ASCII, CJK and any code point at all."""
    parts = []
    for _ in range(rng.randint(0, 12)):
        pick = rng.random()
        if pick < 0.3:
            code = rng.choice(EDGES) + rng.choice((-1, 0, 0, 1))
        elif pick < 0.6:
            code = rng.randint(0x20, 0x7E)
        elif pick < 0.8:
            code = rng.randint(0x4E00, 0x9FFF)
        else:
            code = rng.randint(0, 0x10FFFF)
        parts.append(chr(min(max(code, 0), 0x10FFFF)))
    return "".join(parts)


def test_forbidden_same_answers_as_the_allowed_set() -> None:
    """On 200,000 random strings the forbidden ranges find the same first character as the
    negated allowed set, and on every code point of Unicode the same verdict."""
    rng = random.Random(15)
    for _ in range(200_000):
        sample = _random_text(rng)
        old, new = ALLOWED_NEGATED.search(sample), text._FORBIDDEN.search(sample)
        assert (old and old.start()) == (new and new.start()), repr(sample)
    every = "".join(map(chr, range(0x110000)))
    assert [m.start() for m in ALLOWED_NEGATED.finditer(every)] == [
        m.start() for m in text._FORBIDDEN.finditer(every)
    ]


def test_control_character_line_counted_as_yaml_does(tmp_path) -> None:
    """A BEL after a CRLF, a NEL and a LF is on line 4 (CRLF, NEL, LF: three breaks)."""
    file = tmp_path / "bad.yaml"
    file.write_bytes("a: 1\r\nb: 2\u0085c: 3\nd: \u0007\n".encode())
    with pytest.raises(InputError) as caught:
        text.read_text(str(file))
    problem = caught.value.problems[0]
    assert problem.line == 4
    assert "U+0007" in problem.message


def test_gbk_bytes_named_gbk(tmp_path) -> None:
    """Chinese text saved as GBK is refused as GBK, from the line of its first such byte (2)."""
    file = tmp_path / "gbk.yaml"
    file.write_bytes(b"a: 1\nname: " + "项目名称".encode("gb18030") + b"\n")
    with pytest.raises(InputError) as caught:
        text.read_text(str(file))
    problem = caught.value.problems[0]
    assert problem.line == 2
    assert "GBK" in problem.message


# ---------------------------------------------------------------- the loader's check
# load_yaml leaves the search for a forbidden character to the parser's failure
# (load/yaml.py, parse): the parser refuses the same characters, and only a failed parse
# searches the text, so the message must be the one decode gives, whatever else is wrong.

FORBIDDEN = [
    chr(code)
    for code in range(0x110000)
    if text._FORBIDDEN.match(chr(code)) and not 0xD800 <= code <= 0xDFFF
]  # surrogates never come out of a decoder: UTF-8/16/32 refuse them alone


def _load(tmp_path, content: str) -> InputError:
    file = tmp_path / "bad.yaml"
    file.write_bytes(content.encode())
    with pytest.raises(InputError) as caught:
        load_yaml(str(file))
    return caught.value


def test_libyaml_refuses_every_forbidden_character() -> None:
    """The premise: libyaml's reader (and PyYAML's own, the fallback without libyaml) refuses
    each character the check forbids, in a value, a comment or a key: wherever it stands, a
    file that holds one never parses."""
    assert len(FORBIDDEN) == 29 + 1 + 31 + 2  # C0 but TAB/LF/CR, DEL, C1 but NEL, U+FFFE/FFFF
    for char in FORBIDDEN:
        for content in (f"a: x{char}y\n", f"a: 1\n# {char}\n", f'"k{char}": 1\n'):
            for loader in (yaml.CSafeLoader, yaml.SafeLoader):
                with pytest.raises(yaml.YAMLError):
                    list(yaml.parse(content, Loader=loader))


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x9f", "\ufffe", "\uffff"])
def test_forbidden_character_named_as_decode_names_it(tmp_path, char) -> None:
    """In a value, in a last comment after a good document, or far after an earlier fault
    (a duplicate key on line 2, a syntax error on line 3: both met before libyaml reads that
    far), the refusal names the forbidden character and its line, as decode does."""
    code = f"U+{ord(char):04X}"
    filler = "".join(f"k{i}: {i}\n" for i in range(4000))  # beyond libyaml's input buffer
    cases = {
        2: f"a: 1\nb: x{char}\n",
        3: f"a: 1\nb: 2\n# {char}\n",
        4003: f"a: 1\na: 2\n{filler}z: {char}\n",
        4004: f"a: 1\nb: [\n: :\n{filler}z: {char}\n",
    }
    for line, content in cases.items():
        problem = _load(tmp_path, content).problems[0]
        assert (problem.line, code in problem.message) == (line, True), content[:20]
        with pytest.raises(InputError) as decoded:
            text.decode(content.encode(), "bad.yaml")
        assert decoded.value.problems[0].message == problem.message


def test_other_faults_keep_their_messages(tmp_path) -> None:
    """Without a forbidden character, a failed parse gives its own message (the search finds
    nothing and steps aside)."""
    assert "重复" in _load(tmp_path, "a: 1\na: 2\n").problems[0].message
    assert _load(tmp_path, "a: [1\n").problems[0].line is not None
