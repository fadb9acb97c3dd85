"""Outputs (issue 4): atomic writes, never over an input, a message for every failure.

The tests run as root, for whom permission bits do not stop a write, so the
"read-only" cases use targets that refuse root too (a folder, a path under a
file, /sys) and, for the errno mapping, an injected OSError.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from perfscore import output
from perfscore.errors import OutputError

from .conftest import EXAMPLES
from .hostile_files import from_sheet

EXAMPLE = EXAMPLES / "ganbu-peixun-2023.yaml"


def only_line(result) -> str:
    assert result.exit_code == 1
    return result.stderr


def test_refuses_to_overwrite_the_input(cli, tmp_path):
    """--json naming the input is refused and the input is unchanged."""
    path = tmp_path / "eval.yaml"
    path.write_bytes(EXAMPLE.read_bytes())
    result = cli("evaluate", path, "--json", path)
    assert only_line(result) == f"输出文件 {path} 就是输入文件，拒绝覆盖\n"
    assert path.read_bytes() == EXAMPLE.read_bytes()


def test_refuses_input_reached_through_a_symlink_or_hard_link(cli, tmp_path):
    """Another name for the input (symlink, hard link, ./ spelling) is refused too."""
    path = tmp_path / "eval.yaml"
    path.write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "link.json").symlink_to(path)
    os.link(path, tmp_path / "hard.json")
    for name in ("link.json", "hard.json", "./eval.yaml"):
        target = str(tmp_path / name)
        result = cli("evaluate", path, "--json", target)
        assert only_line(result) == f"输出文件 {target} 就是输入文件，拒绝覆盖\n"
    assert path.read_bytes() == EXAMPLE.read_bytes()


def test_missing_output_folder(cli, tmp_path):
    """A folder that does not exist is named; nothing is created."""
    target = tmp_path / "nope" / "out.json"
    assert (
        only_line(cli("evaluate", EXAMPLE, "--json", target))
        == f"输出文件夹 {tmp_path / 'nope'} 不存在\n"
    )
    assert not (tmp_path / "nope").exists()


def test_target_is_a_folder(cli, tmp_path):
    """A folder as the output gets a message asking for a file name."""
    assert (
        only_line(cli("evaluate", EXAMPLE, "--json", tmp_path))
        == f"输出路径 {tmp_path} 是一个文件夹；请在后面加上文件名\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_empty_output_name(cli):
    """An empty output name (--json "") is named as missing, not taken for the current folder."""
    assert only_line(cli("evaluate", EXAMPLE, "--json", "")) == "没有给出输出文件名\n"


def test_parent_is_a_file(cli, tmp_path):
    """An output under a file (a/b.json where a is a file) is explained."""
    (tmp_path / "a").write_text("x")
    target = tmp_path / "a" / "b.json"
    assert (
        only_line(cli("evaluate", EXAMPLE, "--json", target))
        == f"输出路径 {target} 的上级 {tmp_path / 'a'} 不是文件夹\n"
    )


@pytest.mark.skipif(not os.path.isdir("/sys/kernel"), reason="needs Linux sysfs")
def test_read_only_place(cli):
    """A place where even root may not create files (/sys) gets the permission message."""
    target = "/sys/kernel/perfscore-test.json"
    if os.access("/sys/kernel", os.W_OK) and not os.path.exists(target):
        try:
            with open(target, "w"):
                pass
        except OSError:
            pass
        else:  # pragma: no cover - a writable sysfs: nothing honest to test here
            os.unlink(target)
            pytest.skip("sysfs is writable here")
    assert (
        only_line(cli("evaluate", EXAMPLE, "--json", target))
        == f"没有写入 {target} 的权限（文件夹或文件只读）\n"
    )


@pytest.mark.parametrize(
    "code, expected",
    [
        (errno.EACCES, "没有写入 {path} 的权限（文件夹或文件只读）"),
        (errno.EROFS, "无法写入 {path}：所在的磁盘或文件系统是只读的"),
        (errno.ENOSPC, "无法写入 {path}：磁盘空间不足"),
        (errno.EIO, "无法写入 {path}：Input/output error"),
    ],
)
def test_write_failures_become_messages(cli, tmp_path, monkeypatch, code, expected):
    """An OSError while writing (read-only disk, full disk …) is one message, no temporary file left."""
    target = tmp_path / "out.json"

    def failing_fsync(fd):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(output.os, "fsync", failing_fsync)
    assert (
        only_line(cli("evaluate", EXAMPLE, "--json", target)) == expected.format(path=target) + "\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_interrupted_write_leaves_the_old_file(tmp_path, monkeypatch):
    """Ctrl-C during the write leaves the previous output whole and no temporary file."""
    target = tmp_path / "out.json"
    target.write_text('{"old": true}\n')

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        output.write_output(str(target), '{"new": true}\n' * 1000)
    assert target.read_text() == '{"old": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_interrupted_rename_leaves_the_old_file(tmp_path, monkeypatch):
    """A failure at the rename itself also leaves the old file and cleans up."""
    target = tmp_path / "out.json"
    target.write_text("old\n")

    def failing_replace(src, dst):
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))

    monkeypatch.setattr(output.os, "replace", failing_replace)
    with pytest.raises(OutputError) as error:
        output.write_output(str(target), "new\n")
    assert str(error.value) == f"无法写入 {target}：Invalid cross-device link"
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_new_file_has_ordinary_permissions(tmp_path):
    """A new output is readable like any file the user writes (0666 minus umask), not 0600."""
    target = tmp_path / "out.json"
    old_mask = os.umask(0o022)
    try:
        output.write_output(str(target), "{}\n")
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_replaced_file_keeps_its_permissions(tmp_path):
    """Overwriting an output keeps that file's permission bits."""
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o640)
    output.write_output(str(target), "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_output_written_whole(cli, tmp_path):
    """A successful run replaces the old output with the complete new JSON."""
    target = tmp_path / "out.json"
    target.write_text("half a fil")
    assert cli("evaluate", EXAMPLE, "--json", target).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["score"] == 100


def test_json_to_stdout_is_utf8_bytes(cli):
    """`--json -` writes UTF-8 (Chinese unescaped) and nothing else on stdout."""
    result = cli("evaluate", EXAMPLE, "--json", "-")
    assert result.stdout_bytes.decode("utf-8") == result.stdout
    assert json.loads(result.stdout)["project"]["name"] == "干部教育培训费"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["evaluate", str(EXAMPLE), "--json", "-"],
        ["evaluate", str(EXAMPLE)],
        ["validate", str(EXAMPLE)],
    ],
)
def test_standard_output_on_a_full_disk(args):
    """Standard output that cannot be written (> /dev/full) gives one line and exit 1, no traceback."""
    import subprocess
    import sys

    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-c", "from perfscore.cli import main; main()", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert proc.returncode == 1
    assert proc.stderr.decode("utf-8") == "无法写入标准输出：磁盘空间不足\n"


# -- issue 14: the writing gate ---------------------------------------------------------

SURVEY = EXAMPLES / "yirenyidang-survey-2024.csv"
WEIGHTS = "非常满意: 100%, 较满意: 75%, 一般: 50%, 不满意: 0%"


def sheet_and_evaluations(folder, count: int = 1):
    """An answer sheet and ``count`` evaluations that read it through `from:`."""
    import shutil

    shutil.copy(SURVEY, folder / "answers.csv")
    for n in range(count):
        text = from_sheet("answers.csv", 10, WEIGHTS)
        (folder / f"e{n:03}.yaml").write_text(text, encoding="utf-8")
    return folder / "answers.csv"


@pytest.mark.parametrize(
    "args",
    [
        ["summary", "{dir}", "--csv", "{sheet}"],
        ["check", "{dir}", "--json", "{sheet}"],
        ["evaluate", "{dir}/e000.yaml", "--json", "{sheet}"],
        ["report", "{dir}/e000.yaml", "-o", "{sheet}", "-f", "csv"],
    ],
    ids=["summary", "check", "evaluate", "report"],
)
def test_answer_sheet_is_never_overwritten(cli, tmp_path, args):
    """Item 2: an output naming the answer sheet an evaluation reads is refused; the raw
    answers stay."""
    sheet = sheet_and_evaluations(tmp_path)
    before = sheet.read_bytes()
    result = cli(*(a.format(dir=tmp_path, sheet=sheet) for a in args))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == f"输出文件 {sheet} 就是输入文件，拒绝覆盖"
    assert sheet.read_bytes() == before


@pytest.mark.parametrize("command, option", [("summary", "--csv"), ("check", "--json")])
def test_answer_sheet_read_by_worker_processes(tmp_path, command, option):
    """Item 2 in parallel: 50 evaluations (the pool starts at 48) read the sheet in worker
    processes, which report it back; the output over it is still refused."""
    import subprocess
    import sys

    sheet = sheet_and_evaluations(tmp_path, 50)
    before = sheet.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "perfscore", command, str(tmp_path), option, str(sheet), "-j", "2"],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines()[-1] == f"输出文件 {sheet} 就是输入文件，拒绝覆盖"
    assert sheet.read_bytes() == before


def test_output_over_an_input_refused_before_any_table(cli, tmp_path):
    """Item 14: `evaluate --json INPUT` refuses before printing anything."""
    path = tmp_path / "eval.yaml"
    path.write_bytes(EXAMPLE.read_bytes())
    result = cli("evaluate", path, "--json", path)
    assert result.exit_code == 1 and result.stdout == ""
    result = cli("survey", SURVEY, "--json", SURVEY)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == f"输出文件 {SURVEY} 就是输入文件，拒绝覆盖\n"


def test_two_outputs_naming_one_file(cli, tmp_path):
    """Item 13: `summary --json X --csv X` is refused before anything is written (also `-`)."""
    target = tmp_path / "x.out"
    result = cli("summary", EXAMPLE, "--json", target, "--csv", target)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"两个输出指向同一个文件 {target}：每个输出须写到不同的文件\n"
    assert not target.exists()
    result = cli("summary", EXAMPLE, "--json", "-", "--csv", "-")
    assert result.stderr == "两个输出指向同一个文件 -：每个输出须写到不同的文件\n"
    (tmp_path / "link.csv").symlink_to(target)  # one file under two names
    result = cli("summary", EXAMPLE, "--json", target, "--csv", tmp_path / "link.csv")
    assert result.exit_code == 1 and not target.exists()


# -- item 3: targets that are not regular files ----------------------------------------


def _device(path, major: int, minor: int, kind: int = stat.S_IFCHR) -> None:
    try:
        os.mknod(path, 0o666 | kind, os.makedev(major, minor))
    except (OSError, AttributeError) as error:
        pytest.skip(f"cannot make a device node here: {error}")


def test_null_device_is_written_in_place(cli, tmp_path):
    """Item 3: a character device (a copy of /dev/null, 1:3) is written to, never replaced."""
    null = tmp_path / "null"
    _device(null, 1, 3)
    result = cli("evaluate", EXAMPLE, "--json", null)
    assert result.exit_code == 0
    assert stat.S_ISCHR(null.lstat().st_mode) and null.stat().st_rdev == os.makedev(1, 3)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]  # no temporary file either


def test_full_device_is_a_full_disk(cli, tmp_path):
    """Item 3: a copy of /dev/full (1:7) says the disk is full, exit 1, and stays a device."""
    full = tmp_path / "full"
    _device(full, 1, 7)
    result = cli("evaluate", EXAMPLE, "--json", full)
    assert result.exit_code == 1
    assert result.stderr == f"无法写入 {full}：磁盘空间不足\n"
    assert stat.S_ISCHR(full.lstat().st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_real_dev_full_and_dev_null():
    """Item 3 on the real devices (as root too): /dev/full is a full disk, /dev/null takes the
    output; both stay character devices."""
    from .hostile_files import run_bounded

    run = run_bounded("evaluate", EXAMPLE, "--json", "/dev/full")
    assert (run.returncode, run.stderr) == (1, "无法写入 /dev/full：磁盘空间不足\n")
    run = run_bounded("report", EXAMPLE, "-o", "/dev/null", "-f", "md")
    assert (run.returncode, run.stderr) == (0, "")
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="needs /dev/stdout")
def test_dev_stdout_is_standard_output(tmp_path):
    """Item 3: `--json /dev/stdout` with standard output redirected to a file appends the JSON
    after the tables through standard output; the file is not replaced by another one."""
    import subprocess
    import sys

    out = tmp_path / "out.txt"
    with open(out, "wb") as handle:
        inode = os.fstat(handle.fileno()).st_ino
        proc = subprocess.run(
            [sys.executable, "-m", "perfscore", "evaluate", str(EXAMPLE), "--json", "/dev/stdout"],
            stdout=handle,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert out.stat().st_ino == inode
    assert text.index("指标得分表") < text.index('"perfscore": 1')
    assert json.loads(text[text.index("{\n") :])["score"] == 100


def test_fifo_output_with_and_without_a_reader(cli, tmp_path):
    """Item 3: a FIFO is written in place when something reads it, refused (never waited on)
    when nothing does."""
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = cli("evaluate", EXAMPLE, "--json", fifo)
    assert result.exit_code == 1
    assert result.stderr == f"无法写入 {fifo}：这是命名管道（FIFO），但没有程序在读取它\n"
    received = []
    opened = threading.Event()

    def reader():
        with open(fifo, "rb") as handle:
            opened.set()
            received.append(handle.read())

    thread = threading.Thread(target=reader)
    thread.start()
    # The reader's open blocks until the writer opens; retry the write until it is there.
    for _ in range(100):
        result = cli("evaluate", EXAMPLE, "--json", fifo)
        if result.exit_code == 0:
            break
        import time

        time.sleep(0.05)
    thread.join(10)
    assert result.exit_code == 0
    assert json.loads(received[0])["score"] == 100
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_symlink_is_written_through(cli, tmp_path):
    """Item 3: an output that is a symlink replaces the file it points to; the link stays."""
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real.name)
    assert cli("evaluate", EXAMPLE, "--json", link).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert json.loads(real.read_text(encoding="utf-8"))["score"] == 100
    dangling = tmp_path / "new.json"
    dangling.symlink_to("created.json")
    assert cli("evaluate", EXAMPLE, "--json", dangling).exit_code == 0
    assert dangling.is_symlink() and (tmp_path / "created.json").is_file()


def test_symlink_loop(cli, tmp_path):
    """A symlink loop as the output is one message."""
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    result = cli("evaluate", EXAMPLE, "--json", tmp_path / "a")
    assert result.exit_code == 1
    assert result.stderr == f"无法写入 {tmp_path / 'a'}：符号链接循环\n"


def test_block_device_and_socket_are_refused(cli, tmp_path):
    """Item 3: a block device (a disk) or a socket is never written: refused by its kind."""
    import socket

    sock = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    try:
        result = cli("evaluate", EXAMPLE, "--json", sock)
    finally:
        server.close()
    assert result.stderr == f"拒绝写入 {sock}：这是套接字，不是普通文件\n"
    disk = tmp_path / "disk"
    _device(disk, 7, 0, stat.S_IFBLK)  # loop0: the node is only looked at, never opened
    result = cli("evaluate", EXAMPLE, "--json", disk)
    assert result.exit_code == 1
    assert result.stderr == f"拒绝写入 {disk}：这是块设备（磁盘），不是普通文件\n"


# -- item 5: names that are not UTF-8 --------------------------------------------------


def test_file_names_that_are_not_utf8(tmp_path):
    """Item 5: an evaluation named in GBK bytes (as unzipped from a Windows archive): JSON, CSV
    and HTML are written, the name shown with U+FFFD; an output name in such bytes is
    written as given."""
    import subprocess
    import sys

    folder = os.fsencode(tmp_path)
    source = folder + b"/\xc6\xf8\xcf\xf3.yaml"  # 汽象 in GBK: not UTF-8
    with open(source, "wb") as handle:
        handle.write(EXAMPLE.read_bytes())
    out = folder + b"/\xb3\xf6.json"

    def run(*args: bytes) -> subprocess.CompletedProcess:
        return subprocess.run(
            [os.fsencode(sys.executable), b"-m", b"perfscore", *args],
            capture_output=True,
            timeout=60,
        )

    assert run(b"evaluate", source, b"--json", out).returncode == 0
    exported = json.loads(Path(os.fsdecode(out)).read_bytes())
    assert exported["file"].endswith("/\ufffd\ufffd\ufffd\ufffd.yaml")
    assert run(b"summary", folder, b"--csv", folder + b"/s.csv").returncode == 0
    assert "\ufffd\ufffd\ufffd\ufffd.yaml" in (tmp_path / "s.csv").read_text(encoding="utf-8-sig")
    assert run(b"report", source, b"-o", folder + b"/r.html").returncode == 0
    missing = run(b"validate", folder + b"/\xff.yaml")
    assert missing.returncode == 1
    assert missing.stderr.decode("utf-8") == f"{tmp_path}/\ufffd.yaml: 找不到文件\n"
    assert (
        run(b"validate", source).stdout.decode("utf-8")
        == f"{tmp_path}/\ufffd\ufffd\ufffd\ufffd.yaml: OK\n"
    )


def test_encode_replaces_what_cannot_be_encoded():
    """Lone surrogates become U+FFFD in UTF-8, "?" where the encoding lacks U+FFFD."""
    assert output.encode("a\udcc6b") == "a\ufffdb".encode()
    assert "x\udcc6中".encode("latin-1", output.REPLACE) == b"x??"
    assert output.printable("\udcc6\udcf8.yaml") == "\ufffd\ufffd.yaml"


# -- item 8: signals during a write -----------------------------------------------------

SLOW_WRITE = """
import os, sys, time
from perfscore import output
real_fsync = os.fsync
def slow_fsync(fd):
    real_fsync(fd)
    print("writing", flush=True)
    time.sleep(30)
output.os.fsync = slow_fsync
sys.argv = ["perfscore", "evaluate", sys.argv[1], "--json", sys.argv[2]]
from perfscore.cli import main
main()
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_signal_during_a_write_leaves_no_temporary_file(tmp_path, name):
    """Item 8: SIGTERM, SIGHUP or Ctrl-C while the temporary file exists: it is removed, the old
    output stays, and the process ends as the signal says (3 runs each)."""
    import signal
    import subprocess
    import sys

    signum = getattr(signal, name)
    target = tmp_path / "out.json"
    for _ in range(3):
        target.write_text("old\n")
        proc = subprocess.Popen(
            [sys.executable, "-c", SLOW_WRITE, str(EXAMPLE), str(target)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        while line and line != b"writing\n":  # the tables come first
            line = proc.stdout.readline()
        assert [p.name for p in tmp_path.glob(".perfscore-*.tmp")]  # the write is under way
        proc.send_signal(signum)
        proc.communicate(timeout=30)
        assert proc.returncode == (130 if name == "SIGINT" else -signum)
        assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
        assert target.read_text() == "old\n"


# -- item 9: init creates exclusively -------------------------------------------------


def test_exclusive_write_refuses_a_file_that_appeared(tmp_path, monkeypatch):
    """A file appearing between the check and the link is kept: refused, no temporary left."""
    target = tmp_path / "new.yaml"
    real_link = os.link

    def racing_link(src, dst):
        target.write_text("theirs\n")  # another run got there first
        return real_link(src, dst)

    monkeypatch.setattr(output.os, "link", racing_link)
    with pytest.raises(OutputError) as error:
        output.write_output(str(target), "mine\n", exclusive=True)
    assert str(error.value) == f"{target} 已存在，不会覆盖；请换一个文件名，或先删除它"
    assert target.read_text() == "theirs\n"
    assert [p.name for p in tmp_path.iterdir()] == ["new.yaml"]


def test_exclusive_write_without_hard_links(tmp_path, monkeypatch):
    """Where hard links are not supported (EPERM), an O_EXCL create does the same."""
    target = tmp_path / "new.yaml"

    def no_links(src, dst):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(output.os, "link", no_links)
    output.write_output(str(target), "mine\n", exclusive=True)
    assert target.read_text() == "mine\n"
    with pytest.raises(OutputError):
        output.write_output(str(target), "again\n", exclusive=True)
    assert target.read_text() == "mine\n"
    assert [p.name for p in tmp_path.iterdir()] == ["new.yaml"]
