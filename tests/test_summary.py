"""perfscore summary: the 汇总表 of many files, its distribution, JSON and CSV (issue 6)."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

import pytest

from perfscore.batch import expand_paths, run
from perfscore.errors import EXIT_INPUT, EXIT_OK
from perfscore.summary import summarise

from .conftest import EXAMPLES

GANBU = EXAMPLES / "ganbu-peixun-2023.yaml"
YIRENYIDANG = EXAMPLES / "yirenyidang-2023.yaml"


def one_leaf(name: str, score: str, grades: str = "", department: str = "测试局") -> str:
    return (
        f"perfscore: 1\nproject: {{name: {name}, department: {department}}}\n{grades}"
        f"indicators:\n  - {{name: 产出, points: 100, score: {score}}}\n"
    )


@pytest.fixture
def folder(tmp_path):
    """The two published examples in a folder tree, and one broken file."""
    shutil.copy(GANBU, tmp_path / "a-ganbu.yaml")
    (tmp_path / "sub").mkdir()
    shutil.copy(YIRENYIDANG, tmp_path / "sub" / "b-yirenyidang.yml")
    (tmp_path / "sub" / "c-broken.yaml").write_text(
        "perfscore: 1\nproject: {name: 坏文件}\nindicators:\n  - {name: 产出, points: 10, score: 11}\n",
        encoding="utf-8",
    )
    (tmp_path / "notes.txt").write_text("not an evaluation", encoding="utf-8")
    return tmp_path


def test_summary_of_the_examples(cli):
    """The 汇总表 of the two published examples: 100 优 and 78.49 中, mean (100 + 78.49) / 2 = 89.245 → 89.25."""
    result = cli("summary", GANBU, YIRENYIDANG)
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert lines[0] == "绩效评价结果汇总表"
    assert lines[1].split() == ["序号", "项目名称", "部门", "得分", "等级", "失分"]
    assert lines[2].split() == [
        "1",
        "干部教育培训费",
        "枣庄市行政审批服务局",
        "100.00",
        "优",
        "0.00",
    ]
    assert lines[3].split() == [
        "2",
        "“一人一档、一企一档”建设项目",
        "枣庄市行政审批服务局",
        "78.49",
        "中",
        "21.51",
    ]
    out = result.stdout
    for grade, count, share in (
        ("优", "1", "50.00%"),
        ("良", "0", "0.00%"),
        ("中", "1", "50.00%"),
        ("差", "0", "0.00%"),
        ("合计", "2", "100.00%"),
    ):
        row = next(line for line in lines if f" {grade} " in line and "│" in line)
        assert row.split("│")[2].strip() == count and row.split("│")[3].strip() == share, row
    assert "平均得分：89.25（2 个项目）" in out
    assert result.stderr == ""


def test_folder_with_a_broken_file(cli, folder):
    """Folders are searched recursively for .yaml/.yml; the broken file is listed, the rest scored, exit 1."""
    result = cli("summary", folder)
    assert result.exit_code == EXIT_INPUT
    assert "干部教育培训费" in result.stdout and "“一人一档、一企一档”建设项目" in result.stdout
    assert "平均得分：89.25（2 个项目）" in result.stdout
    assert result.stderr.splitlines() == [
        "1 个文件无法评分：",
        f"{folder / 'sub' / 'c-broken.yaml'}:4: [产出] 得分 11 超过分值 10",
    ]


def test_json_to_stdout(cli, folder):
    """--json - writes only JSON on stdout, with exact numbers, the distribution and the failures."""
    result = cli("summary", folder, "--json", "-")
    assert result.exit_code == EXIT_INPUT
    data = json.loads(result.stdout, parse_float=Decimal)
    assert data["perfscore"] == 1
    assert [p["name"] for p in data["projects"]] == [
        "干部教育培训费",
        "“一人一档、一企一档”建设项目",
    ]
    project = data["projects"][1]
    assert {"file", "name", "department", "score", "grade", "points_lost"} <= project.keys()
    assert project["file"] == str(folder / "sub" / "b-yirenyidang.yml")
    assert (project["score"], project["grade"], project["points_lost"]) == (
        Decimal("78.49"),
        "中",
        Decimal("21.51"),
    )
    assert project["rate"] == Decimal("78.49") and project["checks"] == 145
    assert project["disagreements"] == 0
    assert data["grades"] == {
        "优": {"count": 1, "share": 50},
        "良": {"count": 0, "share": 0},
        "中": {"count": 1, "share": 50},
        "差": {"count": 0, "share": 0},
    }
    assert data["mean"] == Decimal("89.25")
    assert data["failed"] == [
        {
            "file": str(folder / "sub" / "c-broken.yaml"),
            "error": f"{folder / 'sub' / 'c-broken.yaml'}:4: [产出] 得分 11 超过分值 10",
            "problems": [{"line": 4, "path": "产出", "message": "得分 11 超过分值 10"}],
        }
    ]
    assert "1 个文件无法评分：" in result.stderr  # errors still go to stderr


def test_csv_with_bom(cli, folder, tmp_path):
    """--csv writes UTF-8 with BOM: header, one row per project, failures at the end with the error."""
    out = tmp_path / "out" / "summary.csv"
    out.parent.mkdir()
    result = cli("summary", folder, "--csv", out)
    assert result.exit_code == EXIT_INPUT
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = raw[3:].decode("utf-8").split("\r\n")
    assert rows[0] == "序号,项目名称,部门,满分,得分,得分率,等级,失分,文件,错误"
    assert rows[2] == (
        f"2,“一人一档、一企一档”建设项目,枣庄市行政审批服务局,100,78.49,78.49,中,21.51,"
        f"{folder / 'sub' / 'b-yirenyidang.yml'},"
    )
    assert rows[3].startswith(",,,,,,,,") and "得分 11 超过分值 10" in rows[3]


def test_csv_to_stdout_is_only_the_csv(cli, folder):
    """--csv - writes only the CSV on stdout (the table would corrupt it); errors on stderr."""
    result = cli("summary", folder, "--csv", "-")
    assert result.exit_code == EXIT_INPUT
    rows = result.stdout.removeprefix("\ufeff").splitlines()
    assert rows[0] == "序号,项目名称,部门,满分,得分,得分率,等级,失分,文件,错误"
    assert [row.split(",")[1] for row in rows[1:3]] == [
        "干部教育培训费",
        "“一人一档、一企一档”建设项目",
    ]
    assert rows[3].startswith(",,,,,,,,") and len(rows) == 4
    assert "1 个文件无法评分：" in result.stderr


@pytest.mark.parametrize(
    "args, order",
    [
        ((), ["c", "a", "b"]),  # by file: x-c, y-a, z-b
        (("--sort", "name"), ["a", "b", "c"]),
        (("--sort", "score"), ["b", "c", "a"]),  # 70, 85, 95
        (("--sort", "score", "--desc"), ["a", "c", "b"]),
        (("--sort", "grade", "--desc"), ["a", "c", "b"]),  # 优, 良, 中
        (("--sort", "name", "--desc"), ["c", "b", "a"]),
    ],
)
def test_sort(cli, tmp_path, args, order):
    """--sort file (default) | name | score | grade, ascending unless --desc."""
    for file, name, score in (("y.yaml", "a", 95), ("z.yaml", "b", 70), ("x.yaml", "c", 85)):
        (tmp_path / file).write_text(one_leaf(name, str(score)), encoding="utf-8")
    result = cli("summary", tmp_path, *args, "--json", "-")
    assert [p["name"] for p in json.loads(result.stdout)["projects"]] == order
    assert [p["no"] for p in json.loads(result.stdout)["projects"]] == [1, 2, 3]


def test_shares_round_half_up(cli, tmp_path):
    """1 优 and 2 中 of 3: 33.333…% → 33.33, 66.666…% → 66.67; mean (95 + 70 + 65) / 3 = 76.67."""
    for i, score in enumerate(("95", "70", "65")):
        (tmp_path / f"{i}.yaml").write_text(one_leaf(f"p{i}", score), encoding="utf-8")
    data = json.loads(cli("summary", tmp_path, "--json", "-").stdout, parse_float=Decimal)
    assert data["grades"]["优"] == {"count": 1, "share": Decimal("33.33")}
    assert data["grades"]["中"] == {"count": 2, "share": Decimal("66.67")}
    assert data["mean"] == Decimal("76.67")


def test_mixed_grade_tables(cli, tmp_path):
    """Files on different grade tables are counted by the grade each was given, and the mix is shown."""
    older = "grades: [{grade: 优, min: 85}, {grade: 良, min: 75}, {grade: 中, min: 60}, {grade: 差, min: 0}]\n"
    (tmp_path / "a.yaml").write_text(
        one_leaf("新", "86"), encoding="utf-8"
    )  # 良 on the default table
    (tmp_path / "b.yaml").write_text(
        one_leaf("旧", "86", older), encoding="utf-8"
    )  # 优 on the older
    result = cli("summary", tmp_path)
    assert result.exit_code == EXIT_OK
    assert (
        "注意：这些文件使用了 2 种等级标准，各项目按自身文件的等级标准定级、按等级名称合并计数："
        in result.stdout
    )
    assert "优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60：1 个项目" in result.stdout
    assert "优 ≥ 85，良 ≥ 75，中 ≥ 60，差 < 60：1 个项目" in result.stdout
    data = json.loads(cli("summary", tmp_path, "--json", "-").stdout)
    assert data["grades"]["优"]["count"] == 1 and data["grades"]["良"]["count"] == 1
    assert len(data["grade_tables"]) == 2


def test_points_column_when_not_out_of_100(cli, write):
    """A tree on another base shows its 满分 column; its points lost are points − score."""
    path = write(
        "perfscore: 1\nproject: {name: 五十分}\npoints: 50\nindicators:\n"
        "  - {name: 产出, points: 50, score: 45}\n"
    )
    result = cli("summary", path)
    lines = result.stdout.splitlines()
    assert lines[1].split() == ["序号", "项目名称", "部门", "满分", "得分", "等级", "失分"]
    assert lines[2].split() == ["1", "五十分", "50", "45.00", "优", "5.00"]  # 45 / 50 = 90% → 优


def test_no_files(cli, tmp_path):
    """A folder without evaluation files is an input error, not an empty table."""
    result = cli("summary", tmp_path)
    assert result.exit_code == EXIT_INPUT
    assert (
        result.stderr
        == "没有找到评价文件（*.yaml、*.yml）或自评表（*.xlsx、*.xls、*.ods、*.pdf）\n"
    )


def test_expand_paths(folder):
    """Folders: sorted, recursive, .yaml and .yml only; a file named twice appears once; a missing path is kept."""
    files = expand_paths([str(folder), str(folder / "a-ganbu.yaml"), "missing.yaml"])
    assert files == [
        str(folder / "a-ganbu.yaml"),
        str(folder / "sub" / "b-yirenyidang.yml"),
        str(folder / "sub" / "c-broken.yaml"),
        "missing.yaml",
    ]


def test_parallel_equals_serial(tmp_path):
    """Above the threshold, worker processes give the same rows, in the same order, as one process."""
    files = []
    for i in range(60):
        source = GANBU if i % 3 else YIRENYIDANG
        target = tmp_path / f"{i:02d}.yaml"
        shutil.copy(source, target)
        files.append(str(target))
    (tmp_path / "07.yaml").write_text("perfscore: [\n", encoding="utf-8")  # one broken file
    serial = list(run(summarise, files, jobs=1))
    parallel = list(run(summarise, files, jobs=2))
    assert parallel == serial
    assert type(serial[7]).__name__ == "Failure" and serial[8].score == Decimal(100)


def test_english(cli):
    """--lang en labels the table in English."""
    result = cli("summary", GANBU, "--lang", "en")
    assert result.stdout.splitlines()[1].split() == [
        "No.",
        "Project",
        "Department",
        "Score",
        "Grade",
        "Points",
        "lost",
    ]
    assert "Mean score: 100.00 (1 projects)" in result.stdout
