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

import pytest

from perfscore import output
from perfscore.errors import OutputError

from .conftest import EXAMPLES

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
