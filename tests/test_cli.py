"""The conventions of a Python command line: --version, -h, a global --lang, usage errors in the
user's language, exit codes in --help, tables that fit COLUMNS."""

from __future__ import annotations

import re
import tomllib

import pytest
from rich.cells import cell_len

from perfscore import __version__

from .conftest import EXAMPLES, PACKAGE, ROOT, built_files, modules_imported

YIRENYIDANG = EXAMPLES / "yirenyidang-2023.yaml"


def test_version(cli):
    """--version prints the package's version, the one pyproject.toml declares, and whether
    its core is compiled (setup.py), and exits 0."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    result = cli("--version")
    assert result.exit_code == 0
    engine = PACKAGE / "engine.py"  # a compiled module lies beside its source
    built = "yes" if engine in built_files().values() else "no"
    assert result.stdout == f"perfscore {declared['version']} (compiled: {built})\n"
    assert __version__ == declared["version"]


def test_short_help_is_help(cli):
    """-h is --help, at the top and for every command."""
    assert cli("-h").stdout == cli("--help").stdout
    assert cli("evaluate", "-h").stdout == cli("evaluate", "--help").stdout
    assert cli("-h").exit_code == cli("evaluate", "-h").exit_code == 0


def test_help_lists_exit_codes_and_whole_summaries(cli):
    """--help states the exit codes, and every command's summary whole on its line."""
    out = cli("--help").stdout
    words = " ".join(out.split())  # the paragraph is wrapped to the terminal
    assert (
        "退出码 / exit codes: 0 正常 ok; 1 输入有误 input is wrong; 2 用法有误 usage; "
        "3 与报告值不一致 published numbers disagree (check)."
    ) in words
    assert (
        "  check      核对：重算并列出与报告值（reported）的每一处不一致；退出码 3 表示有不一致\n"
        in out
    )
    assert "  init       从模板新建评价文件（不覆盖已有文件）\n" in out
    assert "..." not in out.split("命令:")[1]
    english = cli("--lang", "en", "--help").stdout
    assert "  check      audit published numbers: exit 3 when any disagree.\n" in english


def test_no_command_prints_help_and_exits_2(cli):
    """perfscore alone prints its help (a usage mistake: exit 2)."""
    result = cli()
    assert result.exit_code == 2
    assert result.stdout.startswith("Usage: perfscore [OPTIONS] COMMAND [ARGS]...")


def test_global_lang_before_the_command(cli):
    """--lang before the command name applies to it, as after it does."""
    before = cli("--lang", "en", "evaluate", YIRENYIDANG)
    after = cli("evaluate", YIRENYIDANG, "--lang", "en")
    assert before.exit_code == 0
    assert "Performance score: 78.49   Grade: 中" in before.stdout
    assert before.stdout == after.stdout


def test_perfscore_lang_environment(cli):
    """PERFSCORE_LANG=en switches the language; --lang overrides it."""
    result = cli("evaluate", YIRENYIDANG, env={"PERFSCORE_LANG": "en"})
    assert "Performance score: 78.49   Grade: 中" in result.stdout
    result = cli("evaluate", YIRENYIDANG, "--lang", "zh", env={"PERFSCORE_LANG": "en"})
    assert "绩效评价得分：78.49 分　评价结果等级：中" in result.stdout


def test_usage_error_in_chinese(cli):
    """An unknown option is said in Chinese, with the usage line and where to find help; exit 2."""
    result = cli("evaluate", "--bogus", YIRENYIDANG)
    assert result.exit_code == 2
    assert result.stderr == (
        "Usage: perfscore evaluate [OPTIONS] {FILE...}\n"
        "运行“perfscore evaluate -h”查看帮助。\n"
        "\n"
        "错误：没有选项 --bogus\n"
    )


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (("evaluate",), "错误：缺少参数 FILE...", "Error: missing argument FILE..."),
        (
            ("evaluate", "x.yaml", "--json"),
            "错误：选项 --json 后须给出一个值",
            "Error: Option '--json' requires an argument.",
        ),
        (
            ("nope",),
            "错误：没有命令“nope”（perfscore -h 列出全部命令）",
            "Error: No such command 'nope'.",
        ),
        (
            ("evaluate", "x.yaml", "--lang", "fr"),
            "错误：--lang 的值无效：“fr”不是可选的值（可选：'zh', 'en'）",
            "Error: Invalid value for '--lang': 'fr' is not one of 'zh', 'en'.",
        ),
        (
            ("summary", "x", "--jobs", "0"),
            "错误：--jobs / -j 的值无效：0 不在允许的范围 x>=1 内",
            "Error: Invalid value for '--jobs' / '-j': 0 is not in the range x>=1.",
        ),
    ],
)
def test_usage_errors_in_the_chosen_language(cli, args, zh, en):
    """Each kind of usage error: its last line in Chinese by default, in English with --lang en."""
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == zh
    english = cli("--lang", "en", *args) if "--lang" not in args else None
    if english is not None:
        assert english.exit_code == 2
        assert english.stderr.splitlines()[-1] == en


@pytest.mark.parametrize(
    ("command", "file", "code"),
    [
        ("evaluate", YIRENYIDANG, 0),
        ("check", ROOT / "tests" / "data" / "check" / "leaf-slip.yaml", 3),
    ],
)
def test_tables_fit_60_columns(cli, command, file, code):
    """With COLUMNS=60 every line fits 60 terminal cells (text columns fold)."""
    result = cli(command, file, env={"COLUMNS": "60"})
    assert result.exit_code == code
    lines = result.stdout.splitlines()
    assert len(lines) > 8
    assert max(cell_len(line) for line in lines) <= 60
    if command == "evaluate":
        assert "绩效评价得分：78.49 分　评价结果等级：中" in result.stdout


@pytest.mark.parametrize("columns", ["0", "-5", "abc", ""])
def test_unusable_columns_still_print_everything(cli, columns):
    """COLUMNS=0 (or junk) is ignored: the tables print at the piped width, never nothing."""
    result = cli("evaluate", YIRENYIDANG, env={"COLUMNS": columns})
    wide = cli("evaluate", YIRENYIDANG, env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert result.stdout == wide.stdout
    assert "绩效评价得分：78.49 分　评价结果等级：中" in result.stdout


ENGLISH = ROOT / "tests" / "data" / "english.yaml"
# The file's own vocabulary stays as written in English too: the grade names of the
# default table and the national system's tiers (docs/rules.md §1, §5).
VOCABULARY = re.compile("部分达成|未达成|达成|优|良|中|差")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@pytest.mark.parametrize(
    "args",
    [
        ("evaluate", ENGLISH, "--explain"),
        ("check", ENGLISH),
        ("summary", ENGLISH),
        ("report", ENGLISH, "-f", "md"),
        ("report", ENGLISH, "-f", "csv"),
        ("report", ENGLISH, "-f", "html"),
        ("validate", ENGLISH),
    ],
)
def test_english_mode_has_no_chinese_of_its_own(cli, args):
    """With --lang en, a file written in ASCII gives output with no Chinese word or
    punctuation but the grade and tier names (no （无）, no ，、； in sentences)."""
    result = cli("--lang", "en", *args)
    assert result.exit_code in (0, 3)
    text = VOCABULARY.sub("", result.stdout + result.stderr)
    assert text.strip()
    assert CJK.findall(text) == []


def test_english_names_a_missing_unit_in_english(cli, write):
    """A missing unit is "(none)" in English and "（无）" in Chinese."""
    path = write(
        "perfscore: 1\nproject: {name: T}\nindicators:\n"
        "  - {name: A, points: 10, rule: bands, value: 92, bands: [{min: 90%, rate: 100%}]}\n"
    )
    english = cli("--lang", "en", "validate", path)
    assert english.exit_code == 1
    assert english.stderr == (
        f"{path}:4: [A] the value and every band's min must use one unit: '%' differs from '(none)'\n"
    )
    chinese = cli("validate", path)
    assert chinese.stderr == f"{path}:4: [A] 各档下限与数值须用同一单位：“%”与“（无）”不同\n"


def test_a_command_imports_only_its_own_module():
    """`perfscore evaluate` builds and imports the evaluate command alone (the others are
    built when first looked up, as `--help` does)."""
    code = (
        "from perfscore.cli import app\n"
        f"app(['evaluate', {str(YIRENYIDANG)!r}], standalone_mode=False)"
    )
    assert modules_imported(code, "perfscore.commands.") == [
        "perfscore.commands._options",
        "perfscore.commands.evaluate",
    ]


def test_evaluate_without_an_output_imports_no_writing_gate(tmp_path):
    """`perfscore evaluate FILE` writes nothing but tables: it imports neither the
    writing gate (output.py) nor the batch commands' helpers (_shared.py); with
    `--json FILE` it imports both and writes the file."""
    plain = (
        "from perfscore.cli import app\n"
        f"app(['evaluate', {str(YIRENYIDANG)!r}], standalone_mode=False)"
    )
    imported = modules_imported(plain, "perfscore.")
    assert "perfscore.output" not in imported and "perfscore.commands._shared" not in imported
    out = tmp_path / "out.json"
    writing = (
        "from perfscore.cli import app\n"
        f"app(['evaluate', {str(YIRENYIDANG)!r}, '--json', {str(out)!r}], standalone_mode=False)"
    )
    imported = modules_imported(writing, "perfscore.")
    assert "perfscore.output" in imported and "perfscore.commands._shared" in imported
    assert out.read_text(encoding="utf-8").startswith("{")
