"""The fuzzer's families beyond YAML (bench/fuzz.py, issue 14), a fixed-seed run in the suite:
answer sheets (CSV, XLSX), imported 自评表, file names, output targets and environments give no traceback and
break no promise. `python bench/fuzz.py` runs 20,000 cases and more."""

from __future__ import annotations

import random

import pytest

from .test_fuzz import _fuzz_module


@pytest.fixture(scope="module")
def fuzz():
    return _fuzz_module()


@pytest.mark.parametrize(
    "family, count",
    [("csv", 300), ("xlsx", 150), ("import", 16), ("names", 60), ("outputs", 120), ("env", 8)],
)
def test_family_fixed_seed(fuzz, family, count):
    """A fixed-seed run of one family: every case is accepted or rejected with a message."""
    tally = fuzz.run_family(family, count, seed=2026)
    assert tally["failures"] == []
    assert tally["cases"] == count
    assert tally["traceback"] == tally["invariant"] == tally["slow"] == 0
    if family in ("csv", "xlsx", "outputs"):  # both outcomes are exercised
        assert tally["accepted"] > 0 and tally["rejected"] > 0


def test_family_cases_are_deterministic(fuzz, tmp_path):
    """Case i of a family and seed is the same on every run (failures can be replayed)."""
    for family in ("csv", "xlsx", "import", "names", "outputs", "env"):
        first = dict(fuzz.family_cases(family, 7, 20, tmp_path))
        assert dict(fuzz.family_cases(family, 7, 20, tmp_path)) == first


def test_base_workbook_reads_like_the_csv(fuzz, tmp_path):
    """The XLSX family starts from the example sheet: unmutated, it reads as the CSV does
    (61 respondents, the 10 questions, and the submission-date column)."""
    from perfscore.survey.sheet import read_sheet

    path = tmp_path / "base.xlsx"
    path.write_bytes(fuzz._zip(fuzz.base_workbook_parts(), random.Random(1)))
    sheet = read_sheet(str(path))
    assert sheet.respondents == 61 and len(sheet.titles) == 11
    assert sheet.rows[0][10] == "2023-12-31 00:00:00"
