"""Hostile and careless input (issue 4): limits, encodings and YAML traps.

Every case asserts the exact line on standard error and exit code 1, and that
nothing reached standard output (no half result, no mojibake).
"""

from __future__ import annotations

import json
import time
import tracemalloc

import pytest

from perfscore.errors import InputError
from perfscore.load import yaml as load  # the YAML reader: load_yaml, parse, read_text, limits
from perfscore.validation import build_evaluation

from .test_validation_messages import GOOD as CLI_ERRORS_GOOD

# test_cli_errors' file, with a numeric project field
GOOD = CLI_ERRORS_GOOD.replace("  name: 测试项目\n", "  name: 测试项目\n  year: 2023\n")
# line numbers in GOOD: 9 培训人数, 10 points 5, 11 target, 12 actual, 13 应用场景质量,
# 14 points 5, 15 score 1


def fails(cli, path, expected: str, command: str = "validate") -> None:
    """``command`` on ``path`` exits 1 with exactly ``{path}{expected}`` on stderr."""
    result = cli(command, path)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr == f"{path}{expected}\n"


def changed(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


def write_bytes(tmp_path, data: bytes, name: str = "eval.yaml"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- limits -----------------------------------------------------------------------

BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [{', '.join([f'*{p}'] * 10)}]\n"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_alias_bomb_is_rejected_quickly(cli, write):
    """A "billion laughs" file (10**9 values once expanded) stops at the value limit, fast."""
    path = write(BILLION_LAUGHS)
    start = time.perf_counter()
    # aliases add 10 × the previous list: b 110, c 1,110, d 11,110 values (12,330 in all);
    # e adds 111,110 more and passes 20,000 on line 5
    fails(cli, path, ":5: 别名（*引用）展开后的节点过多（超过 20000 个）")
    assert time.perf_counter() - start < 2


def test_alias_bomb_stays_small_in_memory(tmp_path):
    """Loading the bomb allocates a few MB at most before it is rejected."""
    path = write_bytes(tmp_path, BILLION_LAUGHS.encode())
    tracemalloc.start()
    with pytest.raises(InputError):
        load.load_yaml(str(path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024


def test_alias_text_bomb(cli, write):
    """Aliases of one long text count by their characters: a text bomb is rejected too."""
    # line 2: 100 aliases of 19,000 characters add 1,900,000 > 1,000,000
    long = "字" * 19_000
    lines = [
        f"a: &a {long}",
        "b: &b [" + ", ".join(["*a"] * 100) + "]",
        "c: [" + ", ".join(["*b"] * 100) + "]",
    ]
    fails(
        cli,
        write("\n".join(lines) + "\n"),
        ":2: 别名（*引用）展开后的文字过多（超过 1000000 个字符）",
    )


def test_shared_subtrees_walked_in_bounded_time(tmp_path):
    """Aliased children shared by many parents (accepted YAML) are checked and scored quickly:
    the later walks see each shared subtree once per reference, bounded by the alias limit."""
    from perfscore.engine import score
    from perfscore.render.json_export import dumps, result_to_dict

    shared = "shared: &kids\n" + "".join(
        f"  - {{name: 子{i}, points: 1, target: ≥30人次, actual: 8人次}}\n" for i in range(10)
    )
    # each alias adds the shared list: 10 children × 11 values + the list = 111 values;
    # 150 parents add 16,650 ≤ 20,000.
    parents = "".join(f"  - name: 父{i}\n    children: *kids\n" for i in range(150))
    text = (
        "perfscore: 1\nproject: {name: 共享}\n"
        + shared.replace("shared:", "x-shared:")
        + "indicators:\n"
        + parents
        + "points: 1500\n"
    )
    raw = load.parse(text, "shared.yaml")
    raw.pop("x-shared")
    start = time.perf_counter()
    result = score(build_evaluation(raw, "shared.yaml"))
    dumps(result_to_dict(result))
    assert time.perf_counter() - start < 10
    # each child: 1 × 8 / 30 = 0.2667 → 0.27; 1,500 children → 405
    assert str(result.score) == "405.00"


def test_values_beyond_the_limit_without_aliases(monkeypatch):
    """Written values have their own (larger) limit, shown here lowered to 1,000."""
    monkeypatch.setattr(load, "MAX_VALUES", 1000)
    text = "perfscore: 1\nitems:\n" + "".join(f"  - {i}\n" for i in range(1000))
    with pytest.raises(InputError) as error:
        load.parse(text, "many.yaml")
    # 5 values before the items (root, perfscore, 1, items, the list); item k is on line k + 3
    # and brings the count to 5 + k + 1: item k = 995 (line 998) passes 1,000.
    assert str(error.value) == "many.yaml:998: 文件的值过多（超过 1000 个）：评价文件通常只有几千个"


def test_benchmark_sized_tree_is_accepted():
    """A 10,000-leaf tree (bench/scale.py's largest, 149,000 values) is within the limits."""
    lines = ["perfscore: 1", "project: {name: 大}", "indicators:"]
    for i in range(100):
        lines += [f"  - name: 一级{i}", "    children:"]
        lines += [
            f"      - {{name: 指标{j}, points: 1, target: ≥30人次, actual: 8人次, basis: 说明}}"
            for j in range(100)
        ]
    raw = load.parse("\n".join(lines) + "\n", "big.yaml")
    assert len(raw["indicators"]) == 100


def test_hundred_thousand_open_brackets(cli, tmp_path):
    """100,000 nested `[` are rejected by the depth limit, without a crash or a RecursionError."""
    path = write_bytes(tmp_path, b"[" * 100_000)
    fails(cli, path, ":1: 嵌套过深（超过 50 层）")


def test_deep_block_nesting(cli, tmp_path):
    """Block-style nesting past 50 levels is located at the line that goes too deep."""
    text = "a:\n" + "".join(" " * i + "-\n" for i in range(1, 300))
    fails(cli, write_bytes(tmp_path, text.encode()), ":51: 嵌套过深（超过 50 层）")


def test_deepest_allowed_indicator_tree(cli, write):
    """A 24-level indicator tree (the most the depth limit allows) validates and evaluates."""
    levels = 24
    lines = ["perfscore: 1", "project: {name: 深}", "indicators:"]
    for depth in range(levels):
        pad = "  " * (2 * depth)
        lines.append(f"{pad}  - name: 第{depth + 1}级")
        if depth < levels - 1:
            lines.append(f"{pad}    children:")
        else:
            lines += [f"{pad}    points: 4", f"{pad}    score: 3"]
    lines.append("points: 4")  # the base: a 4-point tree
    path = write("\n".join(lines) + "\n")
    assert cli("validate", path).exit_code == 0
    result = cli("evaluate", path, "--json", "-")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["score"] == 3


def test_huge_sparse_file_rejected_before_reading(cli, tmp_path):
    """A 500 MB file is refused from its size alone (a sparse file: nothing is written or read)."""
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.truncate(500 * 1024 * 1024)
    start = time.perf_counter()
    fails(
        cli,
        path,
        ": 文件过大（524288000 字节，上限 8388608 字节）：评价文件通常只有几十 KB，请确认选对了文件",
    )
    assert time.perf_counter() - start < 1


def test_endless_stream_is_refused_before_reading():
    """A device (/dev/zero, which never ends) is refused as not a regular file, unread."""
    with pytest.raises(InputError) as error:
        load.read_text("/dev/zero")
    assert str(error.value) == (
        "/dev/zero: 这是设备文件，不是普通文件：perfscore 只读取普通文件（读取它可能永远等待）"
    )


def test_a_file_that_grows_while_read_is_bounded():
    """What is read stays bounded even when the file is larger than its size said (it grew)."""
    import io

    from perfscore.load import gate

    with pytest.raises(InputError) as error:
        gate.read_limited(io.BytesIO(b"x" * (gate.MAX_TEXT_BYTES + 1)), gate.YAML, "grown.yaml")
    assert str(error.value) == (
        "grown.yaml: 文件过大（> 8388608 字节，上限 8388608 字节）："
        "评价文件通常只有几十 KB，请确认选对了文件"
    )


def test_long_text(cli, write):
    """One text over 20,000 characters is rejected at its line, with the indicator path."""
    path = write(
        changed("        score: 1\n", "        score: 1\n        basis: " + "长" * 20_001 + "\n")
    )
    fails(cli, path, ":16: [产出/应用场景质量] 文字过长（20001 个字符，上限 20000）")


def test_long_text_at_the_limit_is_kept(cli, write):
    """A text of exactly 20,000 characters is read and exported whole."""
    basis = "长" * 20_000
    path = write(changed("        score: 1\n", f"        score: 1\n        basis: {basis}\n"))
    result = cli("evaluate", path, "--json", "-")
    assert result.exit_code == 0
    leaf = json.loads(result.stdout)["indicators"][0]["children"][1]
    assert leaf["basis"] == basis


def test_directory_is_not_a_file(cli, tmp_path):
    """A folder given as the file: one line, exit 1."""
    fails(cli, tmp_path, ": 这是一个文件夹，不是文件")


# --- numbers ----------------------------------------------------------------------

NUMBER_CASES = [
    (
        "1e400",
        "        score: 1\n",
        "        score: 1e400\n",
        ":15: [产出/应用场景质量] “score”的数字 1e400 位数过多（最多 28 位有效数字）",
    ),
    (
        "1e-400",
        "        score: 1\n",
        "        score: 1e-400\n",
        ":15: [产出/应用场景质量] “score”的数字 1e-400 位数过多（最多 28 位有效数字）",
    ),
    (
        "exponent_beyond_decimal",
        "        score: 1\n",
        "        score: 1e99999999999999999999\n",
        ":15: [产出/应用场景质量] “score”的数字 1e99999999999999999999 位数过多（最多 28 位有效数字）",
    ),
    (
        "60_digits",
        "        score: 1\n",
        "        score: 1." + "0" * 59 + "\n",
        ":15: [产出/应用场景质量] “score”的数字 1.000000000000000000… 位数过多（最多 28 位有效数字）",
    ),
    (
        "nan",
        "        score: 1\n",
        "        score: .nan\n",
        ":15: [产出/应用场景质量] “score”必须是有限的数字，而不是 .nan",
    ),
    (
        "inf",
        "        points: 5\n        score",
        "        points: .inf\n        score",
        ":14: [产出/应用场景质量] “points”必须是有限的数字，而不是 .inf",
    ),
    (
        "minus_inf",
        "        score: 1\n",
        "        score: -.inf\n",
        ":15: [产出/应用场景质量] “score”必须是有限的数字，而不是 -.inf",
    ),
    (
        "target_60_digits",
        "≥30人次",
        "≥" + "3" * 60 + "人次",
        ":11: [产出/培训人数] “target”的数字 33333333333333333333… 位数过多（最多 28 位有效数字）",
    ),
    (
        "target_exponent",
        "≥30人次",
        "≥3e1人次",
        ":11: [产出/培训人数] “target”的值“≥3e1人次”用了科学计数法；目标值和实际值请写成普通数字",
    ),
    ("actual_nan", "8人次", ".nan", ":12: [产出/培训人数] “actual”必须是有限的数字，而不是 .nan"),
    (
        "reported_1e400",
        "  year: 2023\n",
        "  year: 2023\nreported: 1e400\n",
        ":5: “reported”的数字 1e400 位数过多（最多 28 位有效数字）",
    ),
    (
        "metadata_1e999999999",
        "  year: 2023\n",
        "  year: 1e999999999\n",
        ":4: “year”的数字 1e999999999 位数过多（最多 28 位有效数字）",
    ),
    (
        "grade_min_1e400",
        "perfscore: 1\n",
        "perfscore: 1\ngrades:\n  - {grade: 优, min: 1e400}\n  - {grade: 差, min: 0}\n",
        ":3: “min”的数字 1e400 位数过多（最多 28 位有效数字）",
    ),
]


@pytest.mark.parametrize("case, old, new, expected", NUMBER_CASES, ids=[c[0] for c in NUMBER_CASES])
def test_numbers_out_of_range(cli, write, case, old, new, expected):
    """Numbers no evaluation holds (1e400, .nan, 60 digits …) are refused where they are written."""
    assert old in GOOD
    fails(cli, write(GOOD.replace(old, new, 1)), expected)


def test_execution_budget_1e400(cli, write):
    """budget/spent are bounded like every number."""
    path = write(
        changed(
            "        points: 5\n        score: 1\n",
            "        points: 5\n        rule: execution\n        budget: 1e400\n"
            "        spent: 10\n",
        )
    )
    fails(cli, path, ":16: [产出/应用场景质量] “budget”的数字 1e400 位数过多（最多 28 位有效数字）")


def test_survey_count_1e999999999(cli, write):
    """An answer count of 1e999999999 is refused at once (int() of it would build a billion digits)."""
    path = write(
        changed(
            "        points: 5\n        score: 1\n",
            "        points: 5\n        rule: survey\n"
            "        answers: {非常满意: 1e999999999, 不满意: 1}\n"
            "        weights: {非常满意: 100%, 不满意: 0%}\n",
        )
    )
    start = time.perf_counter()
    fails(
        cli,
        path,
        ":16: [产出/应用场景质量] “非常满意”的数字 1E+999999999 位数过多（最多 28 位有效数字）",
    )
    assert time.perf_counter() - start < 2


def test_minus_zero_is_zero(cli, write):
    """-0 is read as 0 (score 0, exported as 0)."""
    result = cli(
        "evaluate", write(changed("        score: 1\n", "        score: -0\n")), "--json", "-"
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["indicators"][0]["children"][1]["score"] == 0


def test_extreme_valid_numbers_are_exact_and_fast(cli, write):
    """28-digit numbers and exponents of ±28 are scored exactly, without slow arithmetic."""
    big = "9" * 28
    path = write(
        changed("≥30人次", f"≥{big}人次")
        .replace("8人次", "1人次")
        .replace("        score: 1\n", "        score: 1e-28\n")
    )
    start = time.perf_counter()
    result = cli("evaluate", path, "--json", "-")
    assert time.perf_counter() - start < 2
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    # 5 × 1 / (10**28 − 1) rounds to 0.00; 1e-28 rounds to 0.00
    assert data["score"] == 0


# --- encodings --------------------------------------------------------------------


def test_utf8_with_bom(cli, tmp_path):
    """A UTF-8 file with a BOM (Windows Notepad "UTF-8 with BOM") is read."""
    path = write_bytes(tmp_path, b"\xef\xbb\xbf" + GOOD.encode())
    assert cli("validate", path).exit_code == 0


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_read_like_utf8(cli, tmp_path, encoding):
    """Notepad's "Unicode" (UTF-16 with BOM) gives the same result as the UTF-8 file."""
    data = GOOD.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    utf8 = cli("evaluate", write_bytes(tmp_path, GOOD.encode(), "a.yaml"), "--json", "-")
    other = cli("evaluate", write_bytes(tmp_path, data, "a.yaml"), "--json", "-")
    assert other.exit_code == 0
    assert other.stdout == utf8.stdout


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_is_rejected_with_the_encoding_named(cli, tmp_path, encoding):
    """A GBK/GB18030 file (Chinese Windows "ANSI") is refused, naming the encoding; no mojibake."""
    path = write_bytes(tmp_path, GOOD.encode(encoding))
    # line 3 holds the first Chinese characters (测试项目)
    fails(
        cli,
        path,
        ":3: 文件看起来是 GBK/GB18030 编码（第 3 行起不是 UTF-8）；请在编辑器中“另存为”UTF-8 编码后再试",
        "evaluate",
    )


def test_other_non_utf8_bytes(cli, tmp_path):
    """Bytes that are neither UTF-8 nor GBK get the plain "not UTF-8" message with the line."""
    path = write_bytes(tmp_path, GOOD.encode().replace(b"  year: 2023", b"  year: caf\xe9\xff"))
    fails(cli, path, ":4: 文件不是 UTF-8 编码（第 4 行有无法解码的字节）；请用 UTF-8 另存")


def test_utf16_without_bom(cli, tmp_path):
    """UTF-16 without a BOM is recognised from its zero bytes and refused."""
    fails(
        cli,
        write_bytes(tmp_path, GOOD.encode("utf-16-le")),
        ": 文件看起来是不带 BOM 的 UTF-16 编码；请另存为 UTF-8",
    )


def test_broken_utf16(cli, tmp_path):
    """A UTF-16 BOM followed by bytes that are not UTF-16 is refused."""
    fails(
        cli,
        write_bytes(tmp_path, b"\xff\xfe" + b"a\x00\x00\xdc"),
        ": 文件以 UTF-16-LE 的 BOM 开头，但内容无法按 UTF-16-LE 解码；请另存为 UTF-8",
    )


def test_excel_file_given(cli, tmp_path):
    """An .xlsx (a zip) given instead of the YAML file is named as such."""
    fails(
        cli,
        write_bytes(tmp_path, b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)), "a.xlsx"),
        ": 这是 Excel/Word 等二进制文件，不是 YAML 文本文件；请给出 .yaml 评价文件",
    )


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_endings(cli, tmp_path, newline):
    """CRLF and CR line endings are read, and errors still name the right line."""
    assert (
        cli("validate", write_bytes(tmp_path, GOOD.replace("\n", newline).encode())).exit_code == 0
    )
    bad = changed("        score: 1\n", "        score: 6\n").replace("\n", newline).encode()
    fails(cli, write_bytes(tmp_path, bad), ":15: [产出/应用场景质量] 得分 6 超过分值 5")


def test_tab_indentation(cli, write):
    """A tab in the indentation gets a message that says to use spaces."""
    path = write(changed("        score: 1\n", "\t\tscore: 1\n"))
    fails(cli, path, ":15: 第 15 行用制表符（Tab）缩进：YAML 只允许空格缩进；请把 Tab 换成空格")


@pytest.mark.parametrize(
    "char, code", [("\x00", "U+0000"), ("\x07", "U+0007"), ("\x1b", "U+001B"), ("\ufffe", "U+FFFE")]
)
def test_control_characters(cli, write, char, code):
    """NUL and other control characters are located by line and named by code point."""
    path = write(changed("  name: 测试项目\n", f"  name: 测试{char}项目\n"))
    fails(
        cli,
        path,
        f":3: 第 3 行含不可见的控制字符 {code}，YAML 不允许（常见于从网页、Word 或 Excel 复制的文字）；请删除它",
    )


def test_fullwidth_colon(cli, write):
    """A key followed by a full-width colon gets a hint about the half-width ': '."""
    path = write(
        changed("        points: 5\n        score: 1\n", "        points：5\n        score: 1\n")
    )
    result = cli("validate", path)
    assert result.exit_code == 1
    assert "全角冒号“：”" in result.stderr and "第 14 行" in result.stderr


@pytest.mark.parametrize(
    "written, hint",
    [
        ("target: >=45人", 'target: ">=45人"'),
        ("target: >45人  # 年度指标值", 'target: ">45人"'),
        ("actual: |5|", 'actual: "|5|"'),
    ],
)
def test_unquoted_value_starting_with_a_block_indicator(cli, write, written, hint):
    """Issue 14 item 14: `target: >=45人` unquoted is a YAML block-scalar header gone wrong;
    the message says to quote it instead of libyaml's English alone."""
    key = written.split(":")[0]
    path = write(
        "perfscore: 1\nproject: {name: x}\npoints: 10\nindicators:\n  - name: a\n"
        f"    points: 10\n    {written}\n    {'actual' if key == 'target' else 'target'}: 47人\n"
    )
    mark = written.split(": ")[1][0]
    fails(
        cli,
        path,
        f":7: 第 7 行的值以“{mark}”开头：YAML 把 {mark} 当作多行文字的标记；请给值加引号，"
        f"写成 {hint}（或用 ≥、≤）",
    )


# --- YAML 1.1 traps, field by field ------------------------------------------------


def export(cli, path) -> dict:
    result = cli("evaluate", path, "--json", "-")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "written",
    ["yes", "no", "on", "off", "y", "n", "010", "1:30", "0x1F", "1_000", ".inf", "2023-12-15"],
)
def test_names_are_the_text_written(cli, write, written):
    """A name that YAML 1.1 would read as a boolean, octal, base-60 number or date is the text
    as written, for validate (and its JSON Schema) as for evaluate."""
    path = write(changed("  - name: 产出\n", f"  - name: {written}\n"))
    assert cli("validate", path).exit_code == 0
    assert export(cli, path)["indicators"][0]["name"] == written


@pytest.mark.parametrize(
    "written, kind",
    [("true", "布尔值"), ("False", "布尔值"), ("2023", "数字"), ("1e3", "数字"), ("1.50", "数字")],
)
@pytest.mark.parametrize("command", ["validate", "evaluate"])
def test_names_that_are_yaml_numbers_or_booleans(cli, write, written, kind, command):
    """A name YAML itself reads as a number or boolean is refused with a hint to quote it, by
    perfscore's checks as by the JSON Schema and editors (never silently 1E+3 or True)."""
    path = write(changed("  - name: 产出\n", f"  - name: {written}\n"))
    fails(
        cli,
        path,
        f':6: “name”必须是文字：{written} 在 YAML 中是{kind}；要作文字请加引号，写成 "{written}"',
        command,
    )


@pytest.mark.parametrize("written", ["0101", "2010301", "1e3", "yes", "1:30"])
def test_codes_are_the_text_written(cli, write, written):
    """An indicator code such as 0101 keeps its leading zero (YAML 1.1: octal 65)."""
    data = export(cli, write(changed("  - name: 产出\n", f"  - name: 产出\n    code: {written}\n")))
    assert data["indicators"][0]["code"] == written


def test_empty_name(cli, write):
    """`name:` with nothing after it says the name must not be empty."""
    fails(
        cli,
        write(changed("      - name: 应用场景质量\n", "      - name:\n")),
        ":13: [产出] “name”不能为空",
    )


TRAPS = [
    (
        "points_yes",
        "        points: 5\n        score",
        "        points: yes\n        score",
        ":14: [产出/应用场景质量] “points”必须是数字，而不是“yes”",
    ),
    (
        "points_true",
        "        points: 5\n        score",
        "        points: true\n        score",
        ":14: [产出/应用场景质量] “points”必须是数字，而不是“true”",
    ),
    (
        "points_octal",
        "        points: 5\n        score",
        "        points: 05\n        score",
        ":14: [产出/应用场景质量] “points”的值 05 以 0 开头：YAML 1.1 会把它读成八进制；请去掉前导零，或加引号写成文字",
    ),
    (
        "points_sexagesimal",
        "        points: 5\n        score",
        "        points: 1:30\n        score",
        ":14: [产出/应用场景质量] “points”的值 1:30 像时间或六十进制数（YAML 1.1 会读成 90）；perfscore 不这样读：请写成普通数字，或加引号写成文字",
    ),
    (
        "points_hex",
        "        points: 5\n        score",
        "        points: 0x5\n        score",
        ":14: [产出/应用场景质量] “points”的值 0x5 是十六进制/八进制/二进制写法；请写成十进制数字",
    ),
    (
        "points_underscore",
        "        points: 5\n        score",
        "        points: 1_0\n        score",
        ":14: [产出/应用场景质量] “points”的值 1_0 含下划线；请去掉下划线（千位分隔可写成 1,000 并加引号）",
    ),
    (
        "points_date",
        "        points: 5\n        score",
        "        points: 2023-12-15\n        score",
        ":14: [产出/应用场景质量] “points”必须是数字，而不是“2023-12-15”",
    ),
    (
        "score_quoted",
        "        score: 1\n",
        "        score: '1'\n",
        ":15: [产出/应用场景质量] “score”必须是数字，而不是“1”",
    ),
    (
        "score_off",
        "        score: 1\n",
        "        score: off\n",
        ":15: [产出/应用场景质量] “score”必须是数字，而不是“off”",
    ),
    (
        "score_sexagesimal_float",
        "        score: 1\n",
        "        score: 1:30.5\n",
        ":15: [产出/应用场景质量] “score”的值 1:30.5 像时间或六十进制数（YAML 1.1 会读成 90.5）；perfscore 不这样读：请写成普通数字，或加引号写成文字",
    ),
    (
        "target_octal",
        "≥30人次",
        "030",
        ":11: [产出/培训人数] “target”的值 030 以 0 开头：YAML 1.1 会把它读成八进制；请去掉前导零，或加引号写成文字",
    ),
    (
        "target_sexagesimal",
        "≥30人次",
        "0:30",
        ":11: [产出/培训人数] “target”的值 0:30 像时间或六十进制数（YAML 1.1 会读成 30）；perfscore 不这样读：请写成普通数字，或加引号写成文字",
    ),
    (
        "actual_yes_numeric_target",
        "8人次",
        "yes",
        ":12: [产出/培训人数] 目标“≥30人次”是数值，实际值“yes”却不是数值",
    ),
    (
        "actual_date",
        "8人次",
        "2023-12-15",
        ":12: [产出/培训人数] “actual”的值“2023-12-15”是日期，不能按数值计分；时效类指标请写成文字目标（如 target: 按时完成）或由评价人打分",
    ),
    (
        "target_date",
        "≥30人次",
        "≤2023/12/31",
        ":11: [产出/培训人数] “target”的值“≤2023/12/31”是日期，不能按数值计分；时效类指标请写成文字目标（如 target: 按时完成）或由评价人打分",
    ),
    (
        "reported_sexagesimal",
        "  year: 2023\n",
        "  year: 2023\nreported: 1:30\n",
        ":5: “reported”的值 1:30 像时间或六十进制数（YAML 1.1 会读成 90）；perfscore 不这样读：请写成普通数字，或加引号写成文字",
    ),
    ("version_yes", "perfscore: 1\n", "perfscore: yes\n", ":1: “perfscore”必须是数字，而不是“yes”"),
    (
        "precision_octal",
        "perfscore: 1\n",
        "perfscore: 1\nprecision: 02\n",
        ":2: precision（小数位数）必须是 0 到 6 之间的整数，而不是“02”",
    ),
    (
        "grade_min_sexagesimal",
        "perfscore: 1\n",
        "perfscore: 1\ngrades:\n  - {grade: 优, min: 1:30}\n  - {grade: 差, min: 0}\n",
        ":3: “min”的值 1:30 像时间或六十进制数（YAML 1.1 会读成 90）；perfscore 不这样读：请写成普通数字，或加引号写成文字",
    ),
    (
        "merge_key",
        "  year: 2023\n",
        "  year: 2023\n  <<: {kind: x}\n",
        ":5: 不支持 YAML 合并键“<<”：请把要共用的键逐一写出",
    ),
]


@pytest.mark.parametrize("case, old, new, expected", TRAPS, ids=[c[0] for c in TRAPS])
def test_yaml_traps(cli, write, case, old, new, expected):
    """Each YAML 1.1 trap where a number is expected gets its own message, never a silent value."""
    assert old in GOOD
    fails(cli, write(GOOD.replace(old, new, 1)), expected)


def test_numeric_target_keeps_its_text(cli, write):
    """`target: 1e1` is the number 10, exported as written."""
    data = export(cli, write(changed("≥30人次", "1e1").replace("8人次", "8")))
    leaf = data["indicators"][0]["children"][0]
    # equal rule: 5 × 8 / 10 = 4
    assert (leaf["target"], leaf["score"], leaf["rule"]) == ("1e1", 4, "equal")


def test_word_targets_yes_and_true_are_words(cli, write):
    """`target: yes` / `actual: yes` and `true`/`true` are words compared as written."""
    for word in ("yes", "true"):
        data = export(cli, write(changed("≥30人次", word).replace("8人次", word)))
        leaf = data["indicators"][0]["children"][0]
        assert (leaf["target"], leaf["actual"], leaf["rule"], leaf["score"]) == (
            word,
            word,
            "qualitative",
            5,
        )


def test_project_metadata_kept_as_written(cli, write):
    """Metadata that YAML 1.1 would turn into dates, booleans or octal stay the text written."""
    path = write(
        changed(
            "  year: 2023\n",
            "  year: 2023\n  approved: yes\n  date: 2023-12-15\n"
            "  phone: 0632123\n  duration: 1:30\n  audited: true\n",
        )
    )
    project = export(cli, path)["project"]
    assert project == {
        "name": "测试项目",
        "year": 2023,
        "approved": "yes",
        "date": "2023-12-15",
        "phone": "0632123",
        "duration": "1:30",
        "audited": True,
    }


@pytest.mark.parametrize(
    "written, message",
    [
        (
            "yes",
            "“applicable”写成了“yes”：YAML 1.1 把它当作布尔值，perfscore 不这样读；请写 true 或 false",
        ),
        (
            "Off",
            "“applicable”写成了“Off”：YAML 1.1 把它当作布尔值，perfscore 不这样读；请写 true 或 false",
        ),
        ("0", "“applicable”必须是 true 或 false，而不是“0”"),
        ("不适用", "“applicable”必须是 true 或 false，而不是“不适用”"),
    ],
)
def test_boolean_fields_refuse_yaml11_words(written, message):
    """Where a boolean is expected, yes/no/on/off are refused with a hint (not read as true/false)."""
    from perfscore.fields import Fields

    raw = load.parse(f"applicable: {written}\n", "f.yaml")
    problems: list = []
    assert Fields(raw, "f.yaml", "产出", problems).boolean("applicable", True) is True
    assert [str(p) for p in problems] == [f"f.yaml:1: [产出] {message}"]


def test_applicable_yes_through_the_cli(cli, write):
    """`applicable: yes` on an indicator is refused with the YAML 1.1 hint (where the key exists)."""
    from perfscore import validation as check

    if "applicable" not in check.NODE_KEYS:
        pytest.skip("applicable not in this build")
    path = write(changed("        score: 1\n", "        score: 1\n        applicable: no\n"))
    fails(
        cli,
        path,
        ":16: [产出/应用场景质量] “applicable”写成了“no”：YAML 1.1 把它当作布尔值，perfscore 不这样读；请写 true 或 false",
    )


def test_tagged_values_are_checked():
    """Explicit tags cannot smuggle in YAML 1.1 values: !!float .nan is refused."""
    with pytest.raises(InputError) as error:
        load.parse("a: !!float .nan\n", "t.yaml")
    assert str(error.value) == "t.yaml:1: 不支持的 YAML 标签 tag:yaml.org,2002:float"


def test_alias_as_key_is_refused():
    """An alias used as a mapping key is refused (keys are plain text)."""
    with pytest.raises(InputError) as error:
        load.parse("a: &x [1]\n*x : 2\n", "k.yaml")
    assert str(error.value) == "k.yaml:2: 键必须是文字"


@pytest.mark.parametrize(
    "question, expected",
    [
        ("1e999999999", "“question”的数字 1e999999999 位数过多（最多 28 位有效数字）"),
        ("'" + "1" * 5000 + "'", "问卷文件中没有标题为“" + "1" * 5000),
    ],
)
def test_survey_question_out_of_range(cli, tmp_path, question, expected):
    """A survey question number no sheet has (1e999999999, 5,000 digits) is refused at once."""
    from .conftest import EXAMPLES

    source = EXAMPLES / "yirenyidang-survey-2024.yaml"
    text = source.read_text(encoding="utf-8")
    assert "            question: 6\n" in text
    for sheet in EXAMPLES.glob("*.csv"):
        (tmp_path / sheet.name).write_bytes(sheet.read_bytes())
    path = tmp_path / "survey.yaml"
    path.write_text(
        text.replace("            question: 6\n", f"            question: {question}\n"),
        encoding="utf-8",
    )
    start = time.perf_counter()
    result = cli("validate", path)
    assert time.perf_counter() - start < 5
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}:38: [效益/经济效益/优化营商环境] {expected}")


@pytest.mark.parametrize(
    "text", ["[/bold]", "[red]x", "[link=file:///etc/passwd]y[/link]", ":smile:"]
)
def test_rich_markup_in_names_and_targets_is_plain_text(cli, write, text):
    """Square brackets and :emoji: codes in a project name, indicator name or target are shown
    as written in the terminal tables (they once raised MarkupError or lost their brackets)."""
    quoted = json.dumps(text)
    path = write(
        changed("  name: 测试项目\n", f"  name: {quoted}\n")
        .replace("      - name: 应用场景质量\n", f"      - name: {quoted.replace('/', '|')}\n")
        .replace("≥30人次", "及时")
        .replace("8人次", text)
    )
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("target: 及时", f"target: {quoted}")
        .replace(f"actual: {text}", f"actual: {quoted}"),
        encoding="utf-8",
    )
    result = cli("evaluate", path)
    assert result.exit_code == 0, result.stderr
    assert text in result.stdout and text.replace("/", "|") in result.stdout
