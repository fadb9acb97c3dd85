"""indicators/ templates: perfscore templates, perfscore init, filled placeholders validate, packaging."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tomllib

import pytest

from perfscore.templates import templates

from .conftest import ROOT

NAMES = ["caiyu-2020-10", "self-evaluation"]

# What a user writes into each placeholder (`key: ~`) of a template.
FILL = {
    "name": "示例项目",
    "department": "示例单位",
    "year": "2023",
    "budget": "100万元",
    "spent": "90万元",
    "target": "≥100",
    "actual": "100",
    "score": "1",
}
PLACEHOLDER = re.compile(r"^(\s*)(\w+): ~(\s*#.*)?$", re.MULTILINE)


def fill(text: str) -> str:
    """Replace every placeholder as a user would; fail on a placeholder key FILL does not know."""

    def one(match: re.Match) -> str:
        return f"{match.group(1)}{match.group(2)}: {FILL[match.group(2)]}{match.group(3) or ''}"

    return PLACEHOLDER.sub(one, text)


def test_templates_lists_names_and_descriptions(cli):
    """perfscore templates: one line per template, name then its one-line description."""
    result = cli("templates")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == NAMES
    assert (
        "财预〔2020〕10号项目支出绩效评价指标体系：决策 15、过程 25、产出 30、效益 30" in lines[0]
    )
    assert "项目支出绩效自评表：预算执行率 10" in lines[1]


def test_templates_in_english(cli):
    """--lang en shows the English descriptions."""
    assert "Project self-evaluation table" in cli("templates", "--lang", "en").stdout


@pytest.mark.parametrize("name", NAMES)
def test_init_then_validate_rejects_placeholders(cli, tmp_path, name):
    """init writes the template as it is; validate rejects it, naming the empty project name first."""
    path = tmp_path / "new.yaml"
    result = cli("init", "--template", name, path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == (
        f"已写出 {path}（模板 {name}）。把每个 ~ 换成实际内容后运行：perfscore validate {path}"
    )
    assert path.read_text(encoding="utf-8") == templates()[name].text
    checked = cli("validate", path)
    assert checked.exit_code == 1
    first = checked.stderr.splitlines()[0]
    assert re.fullmatch(rf"{re.escape(str(path))}:\d+: “name”不能为空", first)
    # every placeholder is reported: one line each (the JSON Schema lines come after)
    placeholders = len(PLACEHOLDER.findall(path.read_text(encoding="utf-8")))
    assert placeholders >= 10


@pytest.mark.parametrize("name", NAMES)
def test_filled_template_validates_and_scores(cli, tmp_path, name):
    """Once each ~ is filled, validate accepts the file and evaluate scores it."""
    path = tmp_path / "new.yaml"
    cli("init", "--template", name, path)
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert ": ~" not in path.read_text(encoding="utf-8")
    checked = cli("validate", path)
    assert checked.exit_code == 0, checked.stderr
    assert cli("evaluate", path).exit_code == 0


@pytest.mark.parametrize("name", NAMES)
def test_templates_total_100(name, tmp_path, cli):
    """Each filled template is a 100-point tree."""
    path = tmp_path / "t.yaml"
    path.write_text(fill(templates()[name].text), encoding="utf-8")
    assert json.loads(cli("evaluate", path, "--json", "-").stdout)["points"] == 100


def test_init_never_overwrites(cli, tmp_path):
    """An existing file is left alone: one message, exit 1."""
    path = tmp_path / "mine.yaml"
    path.write_text("my work\n", encoding="utf-8")
    result = cli("init", "--template", "self-evaluation", path)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{path} 已存在，不会覆盖；请换一个文件名，或先删除它"
    assert path.read_text(encoding="utf-8") == "my work\n"


def test_init_unknown_template_is_usage_error(cli, tmp_path):
    """An unknown name lists the known ones; exit 2 (usage), nothing written."""
    result = cli("init", "--template", "nope", tmp_path / "x.yaml")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "没有名为“nope”的模板（可用：caiyu-2020-10, self-evaluation）；"
        "perfscore templates 列出全部模板"
    )
    assert not (tmp_path / "x.yaml").exists()


def test_init_missing_folder(cli, tmp_path):
    """A target in a missing folder: the output error, exit 1."""
    result = cli("init", "--template", "self-evaluation", tmp_path / "no" / "x.yaml")
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("输出文件夹")


def test_init_to_stdout(cli):
    """FILE - writes the template to standard output."""
    result = cli("init", "--template", "self-evaluation", "-")
    assert result.exit_code == 0
    assert result.stdout == templates()["self-evaluation"].text


def test_pyproject_lists_every_package():
    """pyproject's explicit package list (needed for the indicators/ mapping) is complete."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    found = {
        ".".join(p.parent.relative_to(ROOT / "src").parts)
        for p in (ROOT / "src" / "perfscore").rglob("__init__.py")
    }
    assert found | {"perfscore.indicators"} == set(config["packages"])
    assert config["package-dir"]["perfscore.indicators"] == "indicators"


@pytest.mark.slow
def test_non_editable_install_ships_templates(tmp_path):
    """pip install . (not editable) puts the templates into perfscore/indicators/."""
    # Build from a copy, so that the build leaves nothing in the work tree.
    source = tmp_path / "source"
    skip = shutil.ignore_patterns("*.egg-info", "__pycache__")
    for folder in ("src", "indicators"):
        shutil.copytree(ROOT / folder, source / folder, ignore=skip)
    for file in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / file, source / file)
    target = tmp_path / "site"
    # Without the wheel package the build needs pip's isolated environment (from the index).
    isolation = [] if importlib.util.find_spec("wheel") is None else ["--no-build-isolation"]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            str(source),
            "--target",
            str(target),
            "--no-deps",
            "-q",
            *isolation,
        ],
        check=True,
        capture_output=True,
    )
    shipped = sorted(p.name for p in (target / "perfscore" / "indicators").glob("*.yaml"))
    assert shipped == [f"{name}.yaml" for name in NAMES]
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from perfscore.templates import templates, template_folder;"
        "print(template_folder(), sorted(templates()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout
    assert str(target / "perfscore" / "indicators") in out and str(NAMES) in out


def test_init_race_has_one_winner(tmp_path):
    """Issue 14 item 9: 8 concurrent `init` runs on one new path: exactly one writes it, the
    seven others say it exists (exit 1); the file is the template, whole."""
    path = tmp_path / "new.yaml"
    command = [sys.executable, "-m", "perfscore", "init", "-t", "self-evaluation", str(path)]
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(8)
    ]
    results = [(proc.wait(timeout=60), proc.stderr.read().decode()) for proc in runs]
    for proc in runs:
        proc.stdout.close()
        proc.stderr.close()
    assert sorted(code for code, _ in results) == [0] + [1] * 7
    assert all(
        err == f"{path} 已存在，不会覆盖；请换一个文件名，或先删除它\n"
        for code, err in results
        if code
    )
    assert path.read_text(encoding="utf-8") == templates()["self-evaluation"].text
    assert [p.name for p in tmp_path.iterdir()] == ["new.yaml"]


@pytest.mark.parametrize("name", NAMES)
def test_project_placeholders_are_refused(cli, tmp_path, name):
    """Issue 14 item 14: `department: ~` and `year: ~` left from a template are refused, each
    at its line, like every other placeholder (they used to pass and vanish from reports)."""
    path = tmp_path / "new.yaml"
    cli("init", "--template", name, path)
    text = path.read_text(encoding="utf-8").replace("  name: ~", "  name: 示例项目", 1)
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    department = next(i for i, line in enumerate(lines, 1) if line.startswith("  department: ~"))
    year = next(i for i, line in enumerate(lines, 1) if line.startswith("  year: ~"))
    stderr = cli("validate", path).stderr.splitlines()
    assert stderr[:2] == [
        f"{path}:{department}: “project.department”不能为空",
        f"{path}:{year}: “project.year”不能为空",
    ]
