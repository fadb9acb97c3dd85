"""Writing outputs safely: atomically, never over an input, with clear errors.

An interrupted run must never leave a half-written file: everything is written
to a temporary file in the target's folder and renamed over the target.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable

from .errors import OutputError, Problem
from .messages import t

STDOUT = "-"


def write_output(path: str, data: str | bytes, inputs: Iterable[str] = ()) -> None:
    """Write ``data`` to ``path`` (``-`` is standard output) atomically."""
    if path == STDOUT:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
            sys.stdout.flush()
        return
    target = os.path.abspath(path)
    for source in inputs:
        if os.path.exists(source) and os.path.exists(target) and os.path.samefile(source, target):
            raise OutputError(Problem(t("output_is_input", path=path)))
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise OutputError(Problem(t("output_dir_missing", path=os.path.dirname(path) or ".")))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".perfscore-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if os.path.isdir(target):
            raise IsADirectoryError(21, "Is a directory")
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise OutputError(Problem(t("output_failed", path=path, reason=exc.strerror or exc))) from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
