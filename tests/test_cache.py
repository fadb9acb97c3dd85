"""The result cache of ``perfscore summary`` and ``perfscore check`` (perfscore.cache).

Every test compares a run that used the cache with one that did not (``--no-cache``): the
cache's only visible effect must be time. The conftest fixture gives each test its own
cache folder (``PERFSCORE_CACHE_DIR``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from perfscore import cache
from perfscore.audit import AuditRow
from perfscore.batch import Failure
from perfscore.errors import Problem
from perfscore.result import Comparison
from perfscore.summary import SummaryRow

from .conftest import EXAMPLES

SURVEY = "yirenyidang-survey-2024"


@pytest.fixture
def settled(monkeypatch):
    """Files written by the test itself may be stored at once (the settle time is pinned
    by its own test below)."""
    monkeypatch.setattr(cache, "SETTLE_NS", 0)


@pytest.fixture
def folder(tmp_path):
    """A folder with three published examples and the survey example with its answer sheet."""
    target = tmp_path / "files"
    target.mkdir()
    for name in ("ganbu-peixun-2023.yaml", "yirenyidang-2023.yaml", f"{SURVEY}.yaml"):
        shutil.copy(EXAMPLES / name, target / name)
    shutil.copy(EXAMPLES / f"{SURVEY}.csv", target / f"{SURVEY}.csv")
    (target / "bad.yaml").write_text("perfscore: 1\nname: x\n", encoding="utf-8")
    return target


def database() -> Path:
    return Path(os.environ["PERFSCORE_CACHE_DIR"]) / cache.FILE_NAME


def entries() -> int:
    with sqlite3.connect(database()) as db:
        return db.execute("SELECT count(*) FROM entries").fetchone()[0]


def outcome(result) -> tuple:
    return result.exit_code, result.stdout, result.stderr


def run_both(cli, tmp_path, *args):
    """The same command without the cache, then twice with it (cold, warm); the outcomes
    and the exported files of each."""
    runs = []
    for label, extra in (("off", ["--no-cache"]), ("cold", []), ("warm", [])):
        named = [str(a).replace("OUT", str(tmp_path / label)) for a in args]
        result = cli(*named, *extra)
        exports = {
            p.name[len(label) :]: p.read_bytes() for p in tmp_path.glob(f"{label}.*") if p.is_file()
        }
        runs.append((outcome(result), exports))
    return runs


# ---------------------------------------------------------------- values


def _rows():
    grades = (
        ("优", Decimal("90")),
        ("良", Decimal("80")),
        ("中", Decimal("60")),
        ("差", Decimal(0)),
    )
    summary = SummaryRow(
        "a.yaml", "项目", None, 2023, Decimal("100"), Decimal("78.490"), Decimal("78.49"),
        "中", 2, grades, 3, 10, 1, partial=True,
    )  # fmt: skip
    findings = (
        Comparison("产出/培训人数", "score", Decimal("22.6"), Decimal("22.5"), 12, False),
        Comparison("", "grade", "良", None, 3, None, "band"),
        Comparison("产出", "score", Decimal("5E+1"), Decimal("-0"), 7, True, "sum"),
    )
    audit_row = AuditRow("b.yaml", "名称", 17, findings, 2, False)
    failure = Failure(
        "c\udcff.yaml",
        (
            Problem("得分 11 超过分值 10", "c.yaml", 4, "产出"),
            Problem("找不到文件"),
            Problem("x", None, 2),
        ),
    )
    return [summary, audit_row, failure, [summary, failure], [audit_row, failure]]


@pytest.mark.parametrize("row", _rows(), ids=["summary", "audit", "failure", "sheet-s", "sheet-a"])
def test_round_trip_every_row_type(row):
    """A row, an audit row with its findings, a Failure with its Problems, a sheet file's
    list: each comes back equal, with the same types and the same Decimal digits."""
    import json

    back = cache.decode(json.loads(json.dumps(cache.encode(row))))
    assert back == row
    assert repr(back) == repr(row)  # Decimal("78.490") stays 78.490, 5E+1 stays 5E+1


@pytest.mark.parametrize(
    "data",
    [{"c": "os.system", "f": {}}, {"c": "Problem", "f": {"message": "m"}}, {"x": 1}, 1.5],
    ids=["unknown-class", "missing-field", "unknown-tag", "float"],
)
def test_decode_refuses_what_encode_never_writes(data):
    """Only the row classes, with all their fields, are rebuilt; anything else is refused."""
    with pytest.raises(ValueError):
        cache.decode(data)


def test_encode_refuses_unknown_values():
    """A value of a type the cache does not know is not stored (never pickled)."""
    with pytest.raises(cache.Unstorable):
        cache.encode(Problem(1.5))  # type: ignore[arg-type]


# ---------------------------------------------------------------- cold and warm


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_warm_summary_is_byte_identical(cli, folder, tmp_path, settled, lang):
    """summary, with JSON and CSV exports: a warm run's stdout, stderr, exports and exit
    code are those of a run without the cache, in both languages."""
    (off, off_files), (cold, cold_files), (warm, warm_files) = run_both(
        cli, tmp_path, "summary", folder, "--json", "OUT.json", "--csv", "OUT.csv", "--lang", lang
    )
    assert off[0] == 1  # bad.yaml fails
    assert off == cold == warm
    assert off_files == cold_files == warm_files and set(off_files) == {".json", ".csv"}
    assert entries() == 4  # every file's row, the failure included


def test_warm_check_is_byte_identical(cli, folder, tmp_path, settled):
    """check with a JSON export: the same outcome cold, warm and without the cache."""
    (off, off_files), (cold, cold_files), (warm, warm_files) = run_both(
        cli, tmp_path, "check", folder, "--json", "OUT.json"
    )
    assert off == cold == warm and off_files == cold_files == warm_files


def test_warm_run_takes_rows_from_the_cache(cli, folder, settled, monkeypatch):
    """After a cold run, the warm run scores nothing: a scoring that would fail is never called."""
    cold = cli("summary", folder)
    import perfscore.importers.work as work

    def broken(file):
        raise AssertionError("scored again")

    monkeypatch.setattr(work, "summarise", broken)
    assert outcome(cli("summary", folder)) == outcome(cold)


def test_many_files_in_workers(cli, tmp_path, settled):
    """Above the pool threshold, with two workers: cold and warm as without the cache."""
    folder = tmp_path / "many"
    folder.mkdir()
    text = (EXAMPLES / "ganbu-peixun-2023.yaml").read_text(encoding="utf-8")
    for n in range(60):
        (folder / f"f{n:02}.yaml").write_text(text.replace("干部教育培训费", f"项目{n}"), "utf-8")
    shutil.copy(EXAMPLES / f"{SURVEY}.yaml", folder / f"{SURVEY}.yaml")
    shutil.copy(EXAMPLES / f"{SURVEY}.csv", folder / f"{SURVEY}.csv")
    (off, _), (cold, _), (warm, _) = run_both(cli, tmp_path, "summary", folder, "--jobs", "2")
    assert off == cold == warm and off[0] == 0
    assert entries() == 61
    sheet = folder / f"{SURVEY}.csv"  # read in a worker: still a dependency of its row
    sheet.write_text(sheet.read_text("utf-8-sig").replace("A.效果显著", "B.较显著"), "utf-8-sig")
    after = cli("summary", folder, "--jobs", "2")
    assert after.stdout != warm[1]
    assert outcome(after) == outcome(cli("summary", folder, "--jobs", "2", "--no-cache"))


def test_answer_sheet_of_a_hit_is_never_overwritten(cli, folder, settled, monkeypatch):
    """A warm run reads no answer sheet, yet an output over one a cached row names is refused."""
    sheet = folder / f"{SURVEY}.csv"
    before = sheet.read_bytes()
    cli("summary", folder)
    from perfscore.load import gate

    # A fresh process: the cold run's reads are not in this process's record any more.
    monkeypatch.setattr(gate, "_READ", {})
    result = cli("summary", folder, "--csv", sheet)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == f"输出文件 {sheet} 就是输入文件，拒绝覆盖"
    assert sheet.read_bytes() == before


# ---------------------------------------------------------------- what makes a miss


def test_edited_file_gives_its_new_row(cli, folder, settled):
    """A file edited after the cold run is scored again: its new name is in the table."""
    cli("summary", folder)
    file = folder / "ganbu-peixun-2023.yaml"
    file.write_text(file.read_text("utf-8").replace("干部教育培训费", "改过的项目"), "utf-8")
    warm = cli("summary", folder)
    assert "改过的项目" in warm.stdout
    assert outcome(warm) == outcome(cli("summary", folder, "--no-cache"))


def test_edited_answer_sheet_gives_a_new_row(cli, folder, settled):
    """Editing the answer sheet a file names changes its row (the sheet is a dependency)."""
    before = cli("summary", folder)
    sheet = folder / f"{SURVEY}.csv"
    sheet.write_text(sheet.read_text("utf-8-sig").replace("A.效果显著", "B.较显著"), "utf-8-sig")
    after = cli("summary", folder)
    assert after.stdout != before.stdout
    assert outcome(after) == outcome(cli("summary", folder, "--no-cache"))


def test_deleted_answer_sheet_gives_the_failure(cli, folder, settled):
    """An answer sheet deleted after the cold run: the file fails, as without the cache."""
    cli("summary", folder)
    (folder / f"{SURVEY}.csv").unlink()
    after = cli("summary", folder)
    assert "找不到文件" in after.stderr and after.exit_code == 1
    assert outcome(after) == outcome(cli("summary", folder, "--no-cache"))


def test_failure_of_a_missing_sheet_is_not_stored(cli, folder, settled):
    """A failure caused by a file that could not be opened is not stored: once the answer
    sheet is back, the file scores again."""
    sheet = folder / f"{SURVEY}.csv"
    kept = sheet.read_bytes()
    sheet.unlink()
    cli("summary", folder)
    sheet.write_bytes(kept)
    after = cli("summary", folder)
    assert "找不到文件" not in after.stderr
    assert outcome(after) == outcome(cli("summary", folder, "--no-cache"))


def test_changed_code_is_a_miss_and_prunes(cli, folder, settled, monkeypatch):
    """Another code fingerprint: nothing is taken from the old entries, which are removed."""
    cli("summary", folder)
    monkeypatch.setattr(cache, "fingerprint", lambda: "other code")
    import perfscore.importers.work as work

    calls = []
    real = work.summarise
    monkeypatch.setattr(work, "summarise", lambda file: calls.append(file) or real(file))
    cli("summary", folder)
    assert len(calls) == 4  # every evaluation file scored again
    with sqlite3.connect(database()) as db:
        codes = {code for (code,) in db.execute("SELECT code FROM entries")}
    assert codes == {"other code"}


def test_language_is_part_of_the_key(cli, folder, settled):
    """A warm run in English after a cold one in Chinese says its messages in English."""
    cli("summary", folder)
    english = cli("summary", folder, "--lang", "en")
    assert outcome(english) == outcome(cli("summary", folder, "--lang", "en", "--no-cache"))


def test_file_changed_just_before_the_run_is_not_stored(cli, folder):
    """A file changed within SETTLE_NS of the run is scored but not stored (its timestamps
    could hide a change made while it was read)."""
    cli("summary", folder)
    assert entries() == 0


# ---------------------------------------------------------------- a cache that cannot be used


def _unusable(cli, folder, lang):
    result = cli("summary", folder, "--lang", lang)
    plain = cli("summary", folder, "--lang", lang, "--no-cache")
    assert result.exit_code == plain.exit_code and result.stdout == plain.stdout
    warning, rest = result.stderr.split("\n", 1)
    assert rest == plain.stderr
    return warning


def test_corrupt_database_warns_and_runs(cli, folder, settled):
    """A database file that is not one: one warning line, then the same output."""
    database().write_bytes(b"not a database" * 100)
    assert _unusable(cli, folder, "zh").startswith("警告：无法使用结果缓存")
    assert _unusable(cli, folder, "en").startswith("warning: the result cache")


def test_uncreatable_folder_warns_and_runs(cli, folder, tmp_path, monkeypatch):
    """A cache folder that cannot be made (a file is in the way): one warning, same output."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("PERFSCORE_CACHE_DIR", str(blocker / "cache"))
    assert "result cache" in _unusable(cli, folder, "en")


def test_locked_database_warns_and_runs(cli, folder, settled, monkeypatch):
    """Another process holding the database: one warning after the wait, same output."""
    monkeypatch.setattr(cache, "TIMEOUT", 0.1)
    cli("summary", folder)  # the database exists
    holder = sqlite3.connect(database(), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert "locked" in _unusable(cli, folder, "en")
    finally:
        holder.close()


@pytest.mark.parametrize("how", ["option", "env"])
def test_no_cache_writes_nothing(cli, folder, settled, monkeypatch, how):
    """--no-cache, or PERFSCORE_NO_CACHE=1: no database is made."""
    if how == "env":
        monkeypatch.setenv("PERFSCORE_NO_CACHE", "1")
        cli("check", folder)
        cli("summary", folder)
    else:
        cli("check", folder, "--no-cache")
        cli("summary", folder, "--no-cache")
    assert not database().exists()
