"""The reading gate (load/gate.py, issue 14): every input a regular file, within its limits.

Items of issue 14 pinned here: 1 (an XLSX without bound), 4 (malformed XLSX XML), 7 (a FIFO
as an input), 12 (a CSV of 200,000 columns). For 1, 7 and 12 the command runs in a child
process, and the test asserts that it ends within TIME_LIMIT seconds and MEMORY_LIMIT MB of
peak RSS (measured, not estimated: ``wait4``). perfscore's own start-up is about 0.3 s and
30 MB on the 2-core machine these were written on; each hostile case below took 0.2–0.5 s
and 29–46 MB.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import struct
import zipfile
from pathlib import Path

import pytest

from perfscore.errors import InputError
from perfscore.load import gate
from perfscore.survey.sheet import read_sheet

from .conftest import EXAMPLES
from .hostile_files import (
    ANSWERS,
    CONTENT_TYPES,
    ROOT_RELS,
    SHEET_HEAD,
    SHEET_TAIL,
    WORKBOOK,
    WORKBOOK_RELS,
    cell,
    from_sheet,
    run_bounded,
    workbook,
)

TIME_LIMIT = 5  # seconds: "ends within a few seconds"
MEMORY_LIMIT = 150  # MB of peak RSS, perfscore's start-up (~30 MB) included

SURVEY = EXAMPLES / "yirenyidang-survey-2024.csv"

# The 1.4 KB workbook of issue 14 item 1: a title, one answer, and a second row numbered 99,999,999.
ROW_99999999 = (
    '<row r="1">' + cell("A1", "您满意吗？") + "</row>"
    '<row r="99999999">' + cell("A99999999", "A.满意") + "</row>"
)


def bounded(*args, **kwargs):
    """Run perfscore in a child; assert it ended in time and memory; return the run."""
    run = run_bounded(*args, **kwargs)
    assert run.seconds < TIME_LIMIT, f"{run.seconds:.1f} s"
    assert run.peak_mb < MEMORY_LIMIT, f"{run.peak_mb:.0f} MB"
    return run


def one_line(run) -> str:
    """The single message line of a refused run (exit 1)."""
    assert run.returncode == 1, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    return lines[0]


def bomb(size: int, declared: int | None = None) -> bytes:
    """An XLSX whose worksheet unpacks to ``size`` bytes (spaces after the rows), compressed
    to a few hundred KB; ``declared``: the size its central directory claims instead."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ]:
            archive.writestr(name, data)
        head, tail = (SHEET_HEAD + ANSWERS).encode(), SHEET_TAIL.encode()
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            member.write(head)
            block, left = b" " * (1 << 20), size - len(head) - len(tail)
            while left > 0:
                member.write(block[:left])
                left -= len(block)
            member.write(tail)
    data = bytearray(buffer.getvalue())
    if declared is not None:  # the uncompressed size in the worksheet's central directory entry
        entry = data.rindex(b"PK\x01\x02")  # the last entry: the worksheet
        struct.pack_into("<I", data, entry + 24, declared)
    return bytes(data)


# -- 1: an XLSX answer sheet is bounded ----------------------------------------------


def test_row_99999999_is_refused_at_once(tmp_path):
    """Item 1: a 1.4 KB workbook whose second row is r="99999999": one line, in time and memory."""
    sheet = tmp_path / "answers.xlsx"
    sheet.write_bytes(workbook(ROW_99999999))
    assert sheet.stat().st_size < 2000
    assert one_line(bounded("survey", sheet)) == (
        f"{sheet}: 工作表 xl/worksheets/sheet1.xml 用到第 99999999 行，超过上限 1048576 行"
    )


def test_row_99999999_through_a_from_leaf(tmp_path):
    """Item 1 from an evaluation: the same refusal, located at the leaf's from: line."""
    (tmp_path / "answers.xlsx").write_bytes(workbook(ROW_99999999))
    path = tmp_path / "eval.yaml"
    path.write_text(from_sheet("answers.xlsx"), encoding="utf-8")
    assert one_line(bounded("evaluate", path)) == (
        f"{path}:8: [用户满意度] 问卷文件有误：{tmp_path / 'answers.xlsx'}: "
        "工作表 xl/worksheets/sheet1.xml 用到第 99999999 行，超过上限 1048576 行"
    )


def test_zip_bomb_is_refused_from_its_declared_size(tmp_path):
    """Item 1: a zip whose worksheet unpacks to 100 MB (a few hundred KB on disk) is refused
    before anything is unpacked: 64 MiB is the limit for all parts together."""
    sheet = tmp_path / "bomb.xlsx"
    sheet.write_bytes(bomb(100 * 1024 * 1024))
    assert sheet.stat().st_size < 1024 * 1024
    message = one_line(bounded("survey", sheet))
    assert message.startswith(f"{sheet}: XLSX 文件解压后共 1048")
    assert message.endswith("字节，超过上限 67108864 字节（可能是“zip 炸弹”）")


def test_zip_bomb_that_lies_about_its_size(tmp_path):
    """Item 1: the same bomb declaring 2,000 bytes: unpacking stops there and the CRC fails."""
    sheet = tmp_path / "liar.xlsx"
    sheet.write_bytes(bomb(100 * 1024 * 1024, declared=2000))
    assert one_line(bounded("survey", sheet)) == (
        f"{sheet}: 无法读取 XLSX 文件：文件已损坏（Bad CRC-32 for file 'xl/worksheets/sheet1.xml'）"
    )


@pytest.mark.parametrize(
    "rows, message",
    [
        (
            '<row r="4">' + cell("XFD1048577", "x") + "</row>",
            "工作表 xl/worksheets/sheet1.xml 用到第 1048577 行，超过上限 1048576 行",
        ),
        (
            '<row r="4">' + cell("XFE4", "x") + "</row>",
            "工作表 xl/worksheets/sheet1.xml 用到第 16385 列，超过上限 16384 列",
        ),
        (
            '<row r="4">' + "<c/>" * 20_000 + "</row>",  # no r= at all: counted
            "工作表 xl/worksheets/sheet1.xml 用到第 20000 列，超过上限 16384 列",
        ),
        (
            '<row r="4">' + cell("XFD4", "x") + "</row>",  # a real column, but not an answer sheet
            ":4: 第 4 行超过 4096 列：问卷文件最多 4096 列（每题一列）",
        ),
    ],
)
def test_coordinates_beyond_the_limits(tmp_path, rows, message):
    """Rows and columns beyond Excel's own limits, or beyond an answer sheet's width."""
    sheet = tmp_path / "s.xlsx"
    sheet.write_bytes(workbook(ANSWERS + rows))
    with pytest.raises(InputError) as caught:
        read_sheet(str(sheet))
    assert str(caught.value) == f"{sheet}{'' if message.startswith(':') else ': '}{message}"


def test_cell_count_is_bounded(tmp_path, monkeypatch):
    """More cells in a worksheet's XML than the limit: refused while streaming (limit 1,000 here)."""
    monkeypatch.setattr(gate, "MAX_CELLS", 1000)
    rows = "".join(f'<row r="{n}">' + "<c/>" * 10 + "</row>" for n in range(4, 105))
    sheet = tmp_path / "s.xlsx"
    sheet.write_bytes(workbook(ANSWERS + rows))
    with pytest.raises(InputError) as caught:
        read_sheet(str(sheet))
    assert str(caught.value) == f"{sheet}: 工作表 xl/worksheets/sheet1.xml 的单元格超过 1000 个"


def test_gaps_in_row_numbers_up_to_the_limit_are_read(tmp_path):
    """A legal gap (rows 3 … 1,048,576 missing but for the last) is read, not refused."""
    sheet = tmp_path / "s.xlsx"
    sheet.write_bytes(
        workbook(ANSWERS + '<row r="1048576">' + cell("A1048576", "A.满意") + "</row>")
    )
    run = bounded("survey", sheet, "--json", "-")
    assert run.returncode == 0, run.stderr
    assert '"respondents": 3' in run.stdout


# -- 4: malformed XLSX XML is one line ---------------------------------------------


FULL_SHEET = SHEET_HEAD + ANSWERS + SHEET_TAIL


@pytest.mark.parametrize(
    "data, message",
    [
        (
            workbook(sheet=FULL_SHEET[:-30]),
            "无法读取 XLSX 文件：XML 格式错误（no element found: line 1, column 317）",
        ),
        (
            workbook(parts={"[Content_Types].xml": "<Types><Default"}),
            "无法读取 XLSX 文件：XML 格式错误（",  # the rest in the XML library's words
        ),
        (
            workbook(
                sheet='<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "&#x41;">]>'
                + FULL_SHEET.split("?>", 1)[1].replace("A.满意", "&a;")
            ),
            "XLSX 文件的 xl/worksheets/sheet1.xml 含 DTD（<!DOCTYPE>，可声明实体），不予读取",
        ),
        (
            workbook(parts={"xl/sharedStrings.xml": '<!DOCTYPE x [<!ENTITY a "b">]><sst/>'}),
            "XLSX 文件的 xl/sharedStrings.xml 含 DTD（<!DOCTYPE>，可声明实体），不予读取",
        ),
        (
            workbook(sheet=FULL_SHEET.replace("A.满意", "&undefined;")),
            "无法读取 XLSX 文件：XML 格式错误（undefined entity: line 1, column 234）",
        ),
        (b"", "无法读取 XLSX 文件：不是 zip 格式，或文件已损坏、被截断"),
        (workbook()[:800], "无法读取 XLSX 文件：不是 zip 格式，或文件已损坏、被截断"),
    ],
    ids=["truncated", "content-types", "dtd", "dtd-shared-strings", "entity", "empty", "cut"],
)
def test_malformed_xlsx_is_one_line(cli, tmp_path, data, message):
    """Item 4: a truncated sheet, a bad [Content_Types].xml, DTD entities: one line, exit 1."""
    sheet = tmp_path / "s.xlsx"
    sheet.write_bytes(data)
    result = cli("survey", sheet)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{sheet}: {message}") and result.stderr.count("\n") == 1
    if not message.endswith("（"):
        assert result.stderr == f"{sheet}: {message}\n"


def test_missing_part_and_no_worksheet(tmp_path):
    """A workbook without [Content_Types].xml, or without any worksheet, is named as such."""
    no_types = io.BytesIO()
    with zipfile.ZipFile(no_types, "w") as archive:
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
    for data, message in [
        (no_types.getvalue(), "无法读取 XLSX 文件：缺少部件 [Content_Types].xml"),
        (
            workbook(
                parts={"xl/workbook.xml": re.sub("<sheets>.*</sheets>", "<sheets/>", WORKBOOK)}
            ),
            "XLSX 文件中没有工作表",
        ),
    ]:
        sheet = tmp_path / "s.xlsx"
        sheet.write_bytes(data)
        with pytest.raises(InputError) as caught:
            read_sheet(str(sheet))
        assert str(caught.value) == f"{sheet}: {message}"


def test_malformed_sheet_does_not_stop_a_summary(cli, tmp_path):
    """Item 4: in a summary batch, the evaluation whose sheet is malformed fails alone."""
    (tmp_path / "bad.xlsx").write_bytes(workbook(sheet=FULL_SHEET[:-30]))
    (tmp_path / "a.yaml").write_text(from_sheet("bad.xlsx"), encoding="utf-8")
    shutil.copy(EXAMPLES / "ganbu-peixun-2023.yaml", tmp_path / "b.yaml")
    # the two evaluations named (a folder would also take bad.xlsx as a sheet to import)
    result = cli("summary", tmp_path / "a.yaml", tmp_path / "b.yaml", "--json", "-")
    assert result.exit_code == 1
    assert '"name": "干部教育培训费"' in result.stdout
    assert result.stderr.splitlines()[1:] == [
        f"{tmp_path / 'a.yaml'}:8: [用户满意度] 问卷文件有误：{tmp_path / 'bad.xlsx'}: "
        "无法读取 XLSX 文件：XML 格式错误（no element found: line 1, column 317）"
    ]


def test_password_protected_workbook(tmp_path):
    """An encrypted XLSX (an OLE file holding EncryptedPackage) is named as such, not as .xls."""
    sheet = tmp_path / "s.xlsx"
    sheet.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le")
    )
    with pytest.raises(InputError) as caught:
        read_sheet(str(sheet))
    assert str(caught.value) == (f"{sheet}: XLSX 文件受密码保护：请在 Excel 中取消密码后另存，再试")


# -- 7: a FIFO is never waited on ----------------------------------------------------


@pytest.fixture
def fifo(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


NOT_REGULAR = "这是命名管道（FIFO），不是普通文件：perfscore 只读取普通文件（读取它可能永远等待）"


def test_fifo_as_an_input(fifo):
    """Item 7: a FIFO named as the evaluation file is refused at once, unopened."""
    assert one_line(bounded("evaluate", fifo)) == f"{fifo}: {NOT_REGULAR}"


def test_fifo_in_a_summary_folder(fifo, tmp_path):
    """Item 7: a FIFO among the files of a folder fails alone; the others are summarised."""
    shutil.copy(EXAMPLES / "ganbu-peixun-2023.yaml", tmp_path / "a.yaml")
    run = bounded("summary", tmp_path)
    assert run.returncode == 1
    assert "干部教育培训费" in run.stdout
    assert run.stderr.splitlines() == ["1 个文件无法评分：", f"{fifo}: {NOT_REGULAR}"]


def test_fifo_as_from(tmp_path):
    """Item 7: a FIFO as the answer sheet of a from: leaf is refused at the from: line."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    os.mkfifo(tmp_path / "answers.csv")
    path = tmp_path / "eval.yaml"
    path.write_text(from_sheet("answers.csv"), encoding="utf-8")
    assert one_line(bounded("evaluate", path)) == (
        f"{path}:8: [用户满意度] 问卷文件有误：{tmp_path / 'answers.csv'}: {NOT_REGULAR}"
    )


def test_fifo_as_a_survey_sheet_and_weights_file(fifo, tmp_path):
    """Item 7: the survey command's sheet and --weights-file are gated alike."""
    assert one_line(bounded("survey", fifo)) == f"{fifo}: {NOT_REGULAR}"
    assert one_line(bounded("survey", SURVEY, "--weights-file", fifo)) == f"{fifo}: {NOT_REGULAR}"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_devices_are_not_read(cli, device):
    """A device is refused like a FIFO: /dev/zero would never end, /dev/null reads as empty."""
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    result = cli("validate", device)
    assert result.exit_code == 1
    assert result.stderr == (
        f"{device}: 这是设备文件，不是普通文件：perfscore 只读取普通文件（读取它可能永远等待）\n"
    )


def test_open_never_blocks_on_a_fifo_swapped_in(fifo, monkeypatch):
    """A FIFO that replaces a file between the check and the open is opened without waiting
    (O_NONBLOCK) and refused on the handle."""
    real_stat = os.stat
    monkeypatch.setattr(
        gate.os, "stat", lambda path: real_stat(EXAMPLES / "ganbu-peixun-2023.yaml")
    )
    with pytest.raises(InputError) as caught:
        gate.open_input(str(fifo), gate.YAML)
    assert str(caught.value) == f"{fifo}: {NOT_REGULAR}"


# -- 12: a CSV of 200,000 columns -----------------------------------------------------


def test_csv_of_200000_columns(tmp_path):
    """Item 12: 200,000 columns (1.9 MB): refused at the title row, in time and memory."""
    sheet = tmp_path / "wide.csv"
    titles = ",".join(f"q{i}" for i in range(200_000))
    sheet.write_text(titles + "\n" + ",".join("A" * 1 for _ in range(200_000)) + "\n")
    assert sheet.stat().st_size > 1_800_000
    assert one_line(bounded("survey", sheet)) == (
        f"{sheet}:1: 第 1 行超过 4096 列：问卷文件最多 4096 列（每题一列）"
    )


def test_csv_at_the_column_limit_is_read(tmp_path):
    """4,096 columns are read; trailing empty cells beyond the limit do not count."""
    sheet = tmp_path / "wide.csv"
    sheet.write_text(
        ",".join(f"q{i}" for i in range(4096)) + ",,,\n" + ",".join("A" for _ in range(4096)) + "\n"
    )
    assert len(read_sheet(str(sheet)).titles) == 4096


def test_csv_cells_are_bounded(tmp_path, monkeypatch):
    """Respondents × questions beyond the cell limit: refused at the row that passes it."""
    from perfscore.survey import sheet as sheet_module

    monkeypatch.setattr(sheet_module, "MAX_SHEET_CELLS", 100)
    path = tmp_path / "s.csv"
    path.write_text("q1,q2,q3,q4\n" + "A,B,C,D\n" * 30)
    with pytest.raises(InputError) as caught:
        read_sheet(str(path))
    # 4 cells a row: rows 2 … 26 hold 100 cells, row 27 passes the limit
    assert str(caught.value) == (
        f"{path}:27: 问卷文件到第 27 行已超过 100 个单元格（答卷数 × 题数），超过上限"
    )


def test_csv_size_limit(tmp_path):
    """An answer sheet over 32 MiB is refused from its size, unread (a sparse file)."""
    path = tmp_path / "big.csv"
    with open(path, "wb") as handle:
        handle.truncate(gate.MAX_SHEET_BYTES + 1)
    with pytest.raises(InputError) as caught:
        read_sheet(str(path))
    assert str(caught.value) == (
        f"{path}: 文件过大（33554433 字节，上限 33554432 字节）："
        "问卷文件通常只有几 MB，请确认选对了文件"
    )


def test_nul_in_a_csv_is_not_called_yaml(tmp_path):
    """Item 13: a NUL in an answer sheet gets the control-character message without "YAML"."""
    path = tmp_path / "s.csv"
    path.write_bytes(b"q1\nA\x00\n")
    with pytest.raises(InputError) as caught:
        read_sheet(str(path))
    assert str(caught.value) == (
        f"{path}:2: 第 2 行含不可见的控制字符 U+0000（常见于从网页、Word 或 Excel 复制的文字）；请删除它"
    )


# -- the gate itself ------------------------------------------------------------------


def test_what_was_read_is_recorded(tmp_path):
    """Every file through the gate is recorded by its inode, and only while its path names it."""
    path = tmp_path / "x.yaml"
    path.write_text("perfscore: 1\n")
    gate.read_bytes(str(path), gate.YAML)
    assert gate.was_read(os.stat(path))
    moved = tmp_path / "y.yaml"
    path.rename(moved)  # the path read no longer names that file
    assert not gate.was_read(os.stat(moved))


def test_library_errors_become_one_line():
    """Whatever a parsing library raises on a bad file is one line naming the format."""
    with pytest.raises(InputError) as caught, gate.library_errors("f.xlsx", gate.XLSX):
        raise TypeError("expected str, got NoneType\n  at line 3")
    assert (
        str(caught.value)
        == "f.xlsx: 无法读取 XLSX 文件：TypeError: expected str, got NoneType at line 3"
    )


def test_zip_member_count_and_encryption(tmp_path, monkeypatch):
    """Too many members, or an encrypted member (flag bit 0), are refused from the directory."""
    monkeypatch.setattr(gate, "MAX_ZIP_MEMBERS", 3)
    with pytest.raises(InputError) as caught:
        gate.open_zip(io.BytesIO(workbook()), "s.xlsx", gate.XLSX)
    assert str(caught.value) == "s.xlsx: XLSX 文件含 5 个部件，超过上限 3"
    monkeypatch.setattr(gate, "MAX_ZIP_MEMBERS", 1000)
    data = bytearray(workbook())
    entry = data.index(b"PK\x01\x02")
    data[entry + 8] |= 0x1  # the general purpose flag of the first central directory entry
    with pytest.raises(InputError) as caught:
        gate.open_zip(io.BytesIO(bytes(data)), "s.xlsx", gate.XLSX)
    assert str(caught.value) == "s.xlsx: XLSX 文件受密码保护：请在 Excel 中取消密码后另存，再试"


def test_zip_of_an_unknown_version(tmp_path):
    """A container whose directory asks for zip version 13.7 (zipfile: NotImplementedError,
    found by bench/fuzz.py) is one line, not a traceback."""
    data = bytearray(workbook())
    entry = data.index(b"PK\x01\x02")
    struct.pack_into("<H", data, entry + 6, 137)  # "version needed to extract"
    sheet = tmp_path / "s.xlsx"
    sheet.write_bytes(bytes(data))
    with pytest.raises(InputError) as caught:
        read_sheet(str(sheet))
    assert str(caught.value) == f"{sheet}: 无法读取 XLSX 文件：不是 zip 格式，或文件已损坏、被截断"


def test_an_inode_number_reused_is_recorded_again(tmp_path):
    """A file that takes the inode number of one read and deleted before (found by
    bench/fuzz.py) is recorded under its own path, so the writing gate still sees it."""
    sheet = tmp_path / "answers.csv"
    sheet.write_text("q\nA\n")
    gone = tmp_path / "deleted-long-ago.csv"  # the earlier owner of the inode number
    gate.record(os.stat(sheet), str(gone))
    assert not gate.was_read(os.stat(sheet))
    gate.record(os.stat(sheet), str(sheet))
    assert gate.was_read(os.stat(sheet))


# -- imported sheets (perfscore.importers read them with calamine) -----------------------

IMPORT_SHEET = Path(__file__).parent / "data" / "import" / "ganbu-merged.xlsx"


@pytest.mark.parametrize(
    "cell",
    [
        "<c r='XFD1048576' t=\"s\"><v>4</v></c>",  # single quotes
        '<c r="xfd1048576" t="s"><v>4</v></c>',  # lowercase
        '<c r="A4" r="XFD1048576" t="s"><v>4</v></c>',  # twice: calamine takes the last
        '<c r="&#88;FD1048576" t="s"><v>4</v></c>',  # a character reference
    ],
    ids=["single-quotes", "lowercase", "repeated", "char-ref"],
)
def test_imported_sheet_reference_that_aborted_calamine(tmp_path, cell):
    """A cell reference at XFD1048576 written so that a scan reading only the first, upper-case,
    double-quoted r attribute missed it: calamine allocated 549,755,813,888 bytes and aborted
    the process (SIGABRT, found by bench/fuzz.py). Now refused from the extent, in time and
    memory."""
    with zipfile.ZipFile(IMPORT_SHEET) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet_part = "xl/worksheets/sheet1.xml"
    parts[sheet_part] = parts[sheet_part].replace(b"</row>", cell.encode() + b"</row>", 1)
    path = tmp_path / "sheet.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    run = bounded("check", path)
    assert run.returncode == 1, run.stderr
    assert run.stderr.splitlines()[-1].startswith(
        f"{path}: 工作表“自评表”声明的范围过大（1048576 行 × 16384 列"
    )


def test_fifo_named_as_a_sheet_in_a_summary_folder(tmp_path):
    """Item 7 for imported sheets: a FIFO named x.xlsx in a folder (summary now imports sheets
    found there) is refused at once instead of blocking the run."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    os.mkfifo(tmp_path / "x.xlsx")
    shutil.copy(EXAMPLES / "ganbu-peixun-2023.yaml", tmp_path / "a.yaml")
    run = bounded("summary", tmp_path)
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "1 个文件无法评分：",
        f"{tmp_path / 'x.xlsx'}: {NOT_REGULAR}",
    ]


def test_watchers_are_told_of_every_open_and_the_record_can_be_left_alone(tmp_path):
    """A watcher hears each file opened through the gate with whether it opened (a missing
    one, a folder, a file over the limit: False); with keep_record off (a batch worker) the
    file is read but not recorded, so was_read does not know it."""
    good, big = tmp_path / "a.yaml", tmp_path / "big.csv"
    good.write_text("perfscore: 1\n", encoding="utf-8")
    big.write_bytes(b"x" * (gate.MAX_SHEET_BYTES + 1))
    heard: list[tuple[str, bool]] = []
    gate.watchers.append(lambda path, ok: heard.append((path, ok)))
    try:
        gate.keep_record = False
        assert gate.read_bytes(str(good), gate.YAML) == b"perfscore: 1\n"
        assert not gate.was_read(os.stat(good))
        for refused in (tmp_path / "missing.yaml", tmp_path, big):
            with pytest.raises(InputError):
                gate.read_bytes(str(refused), gate.CSV)
    finally:
        gate.watchers.clear()
        gate.keep_record = True
    assert heard == [
        (str(good), True),
        (str(tmp_path / "missing.yaml"), False),
        (str(tmp_path), False),
        (str(big), False),
    ]
    gate.read_bytes(str(good), gate.YAML)
    assert gate.was_read(os.stat(good))
