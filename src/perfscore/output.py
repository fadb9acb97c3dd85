"""The writing gate: every output perfscore writes goes through :func:`write_output`.

What it promises (docs/limits.md, "Outputs"):

* **Never over an input**: the files named as inputs, and every file the
  reading gate read in this process (answer sheets an evaluation names),
  also through a symlink or a hard link. Batch commands add the files their
  worker processes read (:mod:`perfscore.commands._shared`).
* **Atomic for a regular file**: a temporary file in the target's folder,
  flushed to disk and renamed over the target (``os.replace``). An error,
  Ctrl-C, SIGTERM or SIGHUP before the rename removes the temporary file and
  leaves the target as it was; only SIGKILL can leave a ``.perfscore-*.tmp``.
  The new file gets the permissions ``open(path, "w")`` would give.
* **A symlink is written through**: the file it points to is replaced, the
  link stays.
* **A target that is not a regular file is never replaced**: a FIFO, a
  terminal, ``/dev/null`` or ``/dev/full`` is written in place (a FIFO without
  a reader is refused instead of waiting); standard output or error named by
  a path (``/dev/stdout``) is written as standard output; a block device or a
  socket is refused.
* **Exclusive** when asked (``init``): the file is linked into place, which
  fails if anything appeared there meanwhile; nothing is ever overwritten.
* **Any name, any text**: a path is used as given, whatever its bytes; text
  that cannot be encoded (the undecodable bytes of a file name, kept by Python
  as surrogates) is written with U+FFFD instead of failing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import sys
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import OutputError, Problem
from .messages import Messages
from .records import record
from .unencodable import REPLACE, encode, printable

STDOUT = "-"
# REPLACE, encode and printable live in unencodable.py; they are named here too.
__all__ = ["REPLACE", "STDOUT", "check_outputs", "encode", "printable", "write_output"]

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
        "output_reason_closed": ("标准输出已关闭", "standard output is closed"),
        "output_is_input": (
            "输出文件 {path} 就是输入文件，拒绝覆盖",
            "the output {path} is an input file; refusing to overwrite it",
        ),
        "output_failed": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
        "output_dir_missing": (
            "输出文件夹 {path} 不存在",
            "the output folder {path} does not exist",
        ),
        "output_exists": (
            "{path} 已存在，不会覆盖；请换一个文件名，或先删除它",
            "{path} already exists and will not be overwritten; choose another name or delete it first",
        ),
        "output_no_reader": (
            "无法写入 {path}：这是命名管道（FIFO），但没有程序在读取它",
            "cannot write {path}: it is a FIFO (named pipe) and nothing is reading it",
        ),
        "output_not_writable_kind": (
            "拒绝写入 {path}：这是{what}，不是普通文件",
            "refusing to write {path}: it is {what}, not a regular file",
        ),
        "what_block_device": ("块设备（磁盘）", "a block device (a disk)"),
        "what_socket": ("套接字", "a socket"),
        "output_symlink_loop": (
            "无法写入 {path}：符号链接循环",
            "cannot write {path}: the symbolic links form a loop",
        ),
        "output_same_target": (
            "两个输出指向同一个文件 {path}：每个输出须写到不同的文件",
            "two outputs name the same file {path}: give each output its own file",
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
    errno.ELOOP: "output_symlink_loop",
}


# ---------------------------------------------------------------- standard output


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _failure(path: str, exc: OSError) -> OutputError:
    shown = printable(path)
    key = _ERRNO_MESSAGES.get(exc.errno or 0)
    if key is not None:
        return OutputError(Problem(t(key, path=shown)))
    return OutputError(Problem(t("output_failed", path=shown, reason=exc.strerror or exc)))


def write_stdout(data: str | bytes, stream: Any = None) -> None:
    """Write to standard output (or ``stream``) as UTF-8 whatever the terminal's encoding.

    A reader that went away (``| head``) is not an error: the rest is discarded,
    as for every other write to standard output (render/console.py).
    """
    stream = sys.stdout if stream is None else stream
    payload = encode(data)
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is None:  # a text-only stream (some test harnesses)
            stream.write(payload.decode("utf-8"))
            stream.flush()
            return
        stream.flush()  # keep anything written as text before in order
        buffer.write(payload)
        buffer.flush()
    except BrokenPipeError:  # a stream perfscore did not prepare (render/console.py)
        from .render.console import stop_writing

        stop_writing(stream)
    except OSError as exc:
        failure = stdout_failure(exc)
        if failure is None:
            raise
        raise failure from None


# Errors that can only come from writing standard output once files go through
# write_output: a full disk (> /dev/full) or quota, a closed stream (1>&-).
_STDOUT_ERRNOS = {
    errno.ENOSPC: "output_reason_no_space",
    errno.EDQUOT: "output_reason_no_space",
    errno.EBADF: "output_reason_closed",
}


def stdout_failure(exc: OSError) -> OutputError | None:
    """The message for a failed write to standard output, or None if ``exc`` is not one."""
    key = _STDOUT_ERRNOS.get(exc.errno or 0)
    if key is None:
        return None
    # What could not be written must not fail again when Python exits.
    with contextlib.suppress(OSError):
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    return OutputError(Problem(t("output_stdout_failed", reason=t(key))))


# ---------------------------------------------------------------- where an output goes


@record
class Target:
    """Where an output path leads: ``how`` is "replace" (a regular file, atomically),
    "create" (nothing there yet), "in place" (a FIFO or character device) or a
    standard stream ("stdout", "stderr"); ``path`` is the file to write (a symlink
    resolved)."""

    how: str
    path: str


def _standard_stream(status: os.stat_result) -> str | None:
    """The standard stream ("stdout" or "stderr") that writes to the file ``status`` is."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        try:
            own = os.fstat(stream.fileno())
        except (AttributeError, OSError, ValueError):  # closed, or not a real file
            continue
        if (own.st_dev, own.st_ino) == (status.st_dev, status.st_ino):
            return name
    return None


def _is_input(status: os.stat_result, inputs: Iterable[str]) -> bool:
    from .load.gate import was_read

    for source in inputs:
        try:
            other = os.stat(source)
        except (OSError, ValueError):
            continue
        if (other.st_dev, other.st_ino) == (status.st_dev, status.st_ino):
            return True
    return was_read(status)


def _check_folder(path: str, target: str) -> None:
    folder = os.path.dirname(target)
    shown = printable(os.path.dirname(path) or ".")
    try:
        mode = os.stat(folder).st_mode
    except FileNotFoundError:
        raise OutputError(Problem(t("output_dir_missing", path=shown))) from None
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            raise OutputError(
                Problem(t("output_parent_not_dir", path=printable(path), folder=shown))
            ) from None
        raise _failure(path, exc) from None
    if not stat.S_ISDIR(mode):
        raise OutputError(Problem(t("output_parent_not_dir", path=printable(path), folder=shown)))


def _absolute(path: str) -> str:
    """The absolute form of an output name, once it is a usable file name."""
    shown = printable(path)
    if not path.strip():
        raise OutputError(Problem(t("output_empty_name")))
    try:
        absolute = os.path.abspath(path)
        os.lstat(absolute)  # a NUL in the name raises ValueError here
    except ValueError:
        raise OutputError(Problem(t("output_bad_name", path=shown))) from None
    except OSError:
        pass  # not there yet, or unreachable: resolve() says which
    if not os.path.basename(absolute) or path.endswith(("/", os.sep)):
        folder = shown.rstrip("/" + os.sep) or shown
        raise OutputError(Problem(t("output_is_directory", path=folder)))
    return absolute


def _existing(path: str, absolute: str, status: os.stat_result) -> Target:
    """Where an existing (non-input) target leads, by what it is."""
    stream = _standard_stream(status)
    if stream is not None:
        return Target(stream, absolute)
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        raise OutputError(Problem(t("output_is_directory", path=printable(path))))
    if stat.S_ISREG(mode):
        return Target("replace", os.path.realpath(absolute))
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return Target("in place", absolute)  # opened as named: /dev/fd/N reopens the pipe
    what = t("what_block_device") if stat.S_ISBLK(mode) else t("what_socket")
    raise OutputError(Problem(t("output_not_writable_kind", path=printable(path), what=what)))


def resolve(path: str, inputs: Iterable[str] = ()) -> Target:
    """Where ``path`` leads, once it is known to be writable and not an input.

    Raises :class:`OutputError` for an empty or invalid name, a folder, a
    missing folder, an input, a block device or a socket.
    """
    absolute = _absolute(path)
    try:
        status = os.stat(absolute)  # through symlinks, to the file itself
    except FileNotFoundError:  # also a dangling symlink: it names the file to create
        real = os.path.realpath(absolute)
        _check_folder(path, real)
        return Target("create", real)
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            _check_folder(path, absolute)
        raise _failure(path, exc) from None
    if _is_input(status, inputs):
        raise OutputError(Problem(t("output_is_input", path=printable(path))))
    return _existing(path, absolute, status)


def check_outputs(paths: Iterable[str | None], inputs: Iterable[str] = ()) -> None:
    """Refuse, before any work is done, outputs that name an input or each other."""
    inputs = list(inputs)
    seen: dict[object, str] = {}
    for path in paths:
        if path is None:
            continue
        key: object = STDOUT
        if path != STDOUT:
            target = resolve(path, inputs)
            key = target.how if target.how in ("stdout", "stderr") else target.path
        if key in seen:
            raise OutputError(Problem(t("output_same_target", path=printable(path))))
        seen[key] = path


# ---------------------------------------------------------------- writing


def write_output(
    path: str, data: str | bytes, inputs: Iterable[str] = (), *, exclusive: bool = False
) -> None:
    """Write ``data`` to ``path`` (``-`` is standard output); see the module docstring.

    Raises :class:`OutputError` (exit code 1) with a message for every failure
    a user can cause: the target is an input, a folder, in a missing or
    read-only folder, on a full disk; with ``exclusive``, it exists.
    """
    if path == STDOUT:
        write_stdout(data)
        return
    payload = encode(data)
    if exclusive:
        _create_exclusively(path, payload)
        return
    target = resolve(path, inputs)
    try:
        if target.how in ("stdout", "stderr"):
            write_stdout(payload, getattr(sys, target.how))
        elif target.how == "in place":
            _write_in_place(path, target.path, payload)
        else:
            _replace_atomically(target.path, payload)
    except OSError as exc:
        raise _failure(path, exc) from None


def _write_in_place(path: str, target: str, payload: bytes) -> None:
    """Write a FIFO or a character device as it is (never replaced, never waited on)."""
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a FIFO with no reader
            raise OutputError(Problem(t("output_no_reader", path=printable(path)))) from None
        raise
    try:
        with contextlib.suppress(AttributeError, OSError):  # a device may not know the flag
            os.set_blocking(fd, True)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


class _Stopped(BaseException):
    """SIGTERM or SIGHUP arrived while a temporary file existed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)
_BLOCKED = {*_STOP_SIGNALS, signal.SIGINT}


@contextlib.contextmanager
def _removed_on_signals() -> Iterator[None]:
    """While a temporary file exists: SIGTERM and SIGHUP raise (so that ``finally``
    removes it), then the signal is delivered again as it would have been."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: object) -> None:
        raise _Stopped(signum)

    previous: dict[int, Any] = {}
    for signum in _STOP_SIGNALS:
        if signal.getsignal(signum) is not signal.SIG_IGN:  # nohup's SIGHUP stays ignored
            # None: a handler not set from Python; the default is what it did
            previous[signum] = signal.signal(signum, stop) or signal.SIG_DFL
    try:
        yield
    except _Stopped as stopped:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        previous = {}
        os.kill(os.getpid(), stopped.signum)  # the default action: the process ends
        raise SystemExit(128 + stopped.signum) from None
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextlib.contextmanager
def _signals_blocked() -> Iterator[None]:
    """No signal handler runs between creating a temporary file and remembering its name."""
    block = getattr(signal, "pthread_sigmask", None)
    if block is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    old = block(signal.SIG_BLOCK, _BLOCKED)
    try:
        yield
    finally:
        block(signal.SIG_SETMASK, old)


def _temporary(folder: str, payload: bytes, mode: int) -> str:
    """Write ``payload`` to a new temporary file in ``folder``, on disk; return its name.

    The caller removes it on failure; a failure here removes it too.
    """
    import tempfile  # here: start-up (render/console.py imports this module) stays lean

    with _signals_blocked():
        fd, tmp = tempfile.mkstemp(prefix=".perfscore-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _replace_atomically(target: str, payload: bytes) -> None:
    """Write a temporary file beside ``target``, flush it to disk, rename it over ``target``."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    with _removed_on_signals():
        tmp = _temporary(os.path.dirname(target), payload, mode)
        renamed = False
        try:
            os.replace(tmp, target)
            renamed = True
        finally:  # also on Ctrl-C, SIGTERM, SIGHUP: never leave the temporary file behind
            if not renamed:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


def _create_exclusively(path: str, payload: bytes) -> None:
    """Create ``path`` with ``payload``; refuse if anything is there, even appearing meanwhile.

    The content is written to a temporary file and hard-linked into place: the
    link fails if the name exists, so of concurrent runs exactly one succeeds and
    a reader never sees a half-written file. Where links are not supported
    (FAT, some network drives), an exclusive create (O_EXCL) does the same.
    """
    shown = printable(path)
    if not path.strip():
        raise OutputError(Problem(t("output_empty_name")))
    try:
        absolute = os.path.abspath(path)
        exists = os.path.lexists(absolute)
    except ValueError:
        raise OutputError(Problem(t("output_bad_name", path=shown))) from None
    if exists:
        raise OutputError(Problem(t("output_exists", path=shown)))
    if not os.path.basename(absolute) or path.endswith(("/", os.sep)):
        raise OutputError(Problem(t("output_is_directory", path=shown)))
    _check_folder(path, absolute)
    try:
        with _removed_on_signals():
            tmp = _temporary(os.path.dirname(absolute), payload, 0o666 & ~_umask())
            try:
                os.link(tmp, absolute)
            except FileExistsError:
                raise OutputError(Problem(t("output_exists", path=shown))) from None
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                    raise
                _create_with_excl(absolute, payload, shown)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
    except OSError as exc:
        raise _failure(path, exc) from None


def _create_with_excl(target: str, payload: bytes, shown: str) -> None:
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        raise OutputError(Problem(t("output_exists", path=shown))) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(target)  # ours: created above, exclusively
        raise
