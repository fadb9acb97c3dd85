"""Writing outputs safely: atomically, never over an input, with clear errors.

An interrupted run must never leave a half-written file: everything is written
to a temporary file in the target's folder, flushed to disk, and renamed over
the target (``os.replace`` is atomic on POSIX and Windows). An interruption
(Ctrl-C, an error) before the rename removes the temporary file and leaves the
target as it was; only a hard kill can leave a ``.perfscore-*.tmp`` beside it,
never a half-written target. The new file gets the permissions an ordinary
``open(path, "w")`` would (the target's own if it existed, else 0666 minus
the umask), not the 0600 of a temporary file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable

from .errors import OutputError, Problem
from .messages import Messages

STDOUT = "-"

MESSAGES = Messages(
    {
        "output_is_directory": (
            "输出路径 {path} 是一个文件夹；请在后面加上文件名",
            "the output {path} is a folder; add a file name to it",
        ),
        "output_parent_not_dir": (
            "输出路径 {path} 的上级 {folder} 不是文件夹",
            "the output {path}: {folder} is not a folder",
        ),
        "output_permission": (
            "没有写入 {path} 的权限（文件夹或文件只读）",
            "permission denied: cannot write {path} (read-only folder or file)",
        ),
        "output_read_only_fs": (
            "无法写入 {path}：所在的磁盘或文件系统是只读的",
            "cannot write {path}: the disk or file system is read-only",
        ),
        "output_no_space": (
            "无法写入 {path}：磁盘空间不足",
            "cannot write {path}: the disk is full",
        ),
        "output_bad_name": ("输出文件名 {path} 无效", "the output file name {path} is not valid"),
        "output_empty_name": ("没有给出输出文件名", "no output file name was given"),
        "output_stdout_failed": (
            "无法写入标准输出：{reason}",
            "cannot write to standard output: {reason}",
        ),
        "output_reason_no_space": ("磁盘空间不足", "the disk is full"),
        "output_is_input": (
            "输出文件 {path} 就是输入文件，拒绝覆盖",
            "the output {path} is an input file; refusing to overwrite it",
        ),
        "output_failed": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
        "output_dir_missing": (
            "输出文件夹 {path} 不存在",
            "the output folder {path} does not exist",
        ),
    }
)
t = MESSAGES.t

# errno → message key, for the failures a user can cause and fix.
_ERRNO_MESSAGES = {
    errno.EACCES: "output_permission",
    errno.EPERM: "output_permission",
    errno.EROFS: "output_read_only_fs",
    errno.ENOSPC: "output_no_space",
    errno.EDQUOT: "output_no_space",
    errno.EISDIR: "output_is_directory",
    errno.ENAMETOOLONG: "output_bad_name",
}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _failure(path: str, exc: OSError) -> OutputError:
    key = _ERRNO_MESSAGES.get(exc.errno or 0)
    if key is not None:
        return OutputError(Problem(t(key, path=path)))
    return OutputError(Problem(t("output_failed", path=path, reason=exc.strerror or exc)))


def write_stdout(data: str | bytes) -> None:
    """Write to standard output as UTF-8 whatever the terminal's encoding (JSON is UTF-8)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    buffer = getattr(sys.stdout, "buffer", None)
    try:
        if buffer is None:  # a text-only stream (some test harnesses)
            sys.stdout.write(payload.decode("utf-8"))
            sys.stdout.flush()
            return
        sys.stdout.flush()  # keep anything written as text before in order
        buffer.write(payload)
        buffer.flush()
    except BrokenPipeError:
        raise  # the reader went away (| head): click ends the run quietly
    except OSError as exc:
        failure = stdout_failure(exc)
        if failure is None:
            raise
        raise failure from None


# Errors that can only come from writing standard output once files go through
# write_output: a full disk (> /dev/full) or quota. Anything else stays loud.
_STDOUT_ERRNOS = {errno.ENOSPC: "output_reason_no_space", errno.EDQUOT: "output_reason_no_space"}


def stdout_failure(exc: OSError) -> OutputError | None:
    """The message for a failed write to standard output, or None if ``exc`` is not one."""
    key = _STDOUT_ERRNOS.get(exc.errno or 0)
    if key is None:
        return None
    # What could not be written must not fail again when Python exits.
    with contextlib.suppress(OSError):
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    return OutputError(Problem(t("output_stdout_failed", reason=t(key))))


def write_output(path: str, data: str | bytes, inputs: Iterable[str] = ()) -> None:
    """Write ``data`` to ``path`` (``-`` is standard output) atomically.

    Raises :class:`OutputError` (exit code 1) with a Chinese message for every
    failure a user can cause: the target is an input, a folder, in a missing
    or read-only folder, on a full disk.
    """
    if path == STDOUT:
        write_stdout(data)
        return
    target = _checked_target(path, inputs)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        _replace_atomically(target, payload)
    except OSError as exc:
        raise _failure(path, exc) from None


def _checked_target(path: str, inputs: Iterable[str]) -> str:
    """The absolute path to write, once it is known to be writable and not an input."""
    if not path.strip():
        raise OutputError(Problem(t("output_empty_name")))
    try:
        target = os.path.abspath(path)
    except (ValueError, OSError):  # a NUL in the name
        raise OutputError(Problem(t("output_bad_name", path=path))) from None
    if not os.path.basename(target) or path.endswith(("/", os.sep)):
        raise OutputError(Problem(t("output_is_directory", path=path.rstrip("/" + os.sep) or path)))
    if any(_same_file(source, target) for source in inputs):
        raise OutputError(Problem(t("output_is_input", path=path)))
    folder = os.path.dirname(target)
    shown_folder = os.path.dirname(path) or "."
    if not os.path.exists(folder):
        raise OutputError(Problem(t("output_dir_missing", path=shown_folder)))
    if not os.path.isdir(folder):
        raise OutputError(Problem(t("output_parent_not_dir", path=path, folder=shown_folder)))
    if os.path.isdir(target):
        raise OutputError(Problem(t("output_is_directory", path=path)))
    return target


def _same_file(source: str, target: str) -> bool:
    try:
        return os.path.exists(target) and os.path.samefile(source, target)
    except (OSError, ValueError):
        return False


def _replace_atomically(target: str, payload: bytes) -> None:
    """Write a temporary file beside ``target``, flush it to disk, rename it over ``target``."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".perfscore-", suffix=".tmp", dir=os.path.dirname(target))
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
        tmp = None
    finally:  # also on KeyboardInterrupt: never leave the temporary file behind
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
