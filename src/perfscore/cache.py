"""The result cache of the batch commands (``perfscore summary``, ``perfscore check``).

A province re-runs its folder after fixing a few files: the rows of the files that did not
change are taken from a SQLite database instead of being read, checked and scored again.
A stale row is the worst failure an audit tool can have, so an entry is a hit only when
everything the row was made from is unchanged (docs/batch.md, "The result cache"):

* the **key**: the file's bytes (a BLAKE2 hash), the path as given (messages name it), the
  working folder (relative names the file holds resolve from it), the language, the work
  function, and the **code fingerprint** (:func:`fingerprint`: perfscore's version and a
  hash of every file of the installed package, the Python version, and the versions of the
  libraries that read the inputs);
* the **dependencies**: every other file the work opened through the reading gate (the
  answer sheets a file names), each with its content hash; a hit only if all still match.

An entry is stored only when it can be trusted (:class:`Recorded`): every file the work
opened was opened without error, and each was last changed more than :data:`SETTLE_NS`
before the batch began (a change after that would show in its ctime, which no program
can set back), so the hashed bytes are the bytes the work read.

Values are written as JSON by explicit functions (:func:`encode`, :func:`decode`), never
pickled: a cache folder may be shared, and reading it must not run code. Only the parent
process writes, in transactions of :data:`BATCH` entries, so a killed run leaves a valid
database. A database that cannot be opened, read or written gives one warning and the run
goes on uncached: the output is the same.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import stat
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .messages import Messages, language

if TYPE_CHECKING:
    import sqlite3

MESSAGES = Messages(
    {
        "cache_unusable": (
            "警告：无法使用结果缓存 {path}（{reason}），本次不使用缓存",
            "warning: the result cache {path} cannot be used ({reason}); running without it",
        ),
    }
)
t = MESSAGES.t

FORMAT = 1  # bump when the database layout or the encoding of values changes
FILE_NAME = "results.sqlite3"
BATCH = 250  # entries written per transaction (each pending one holds about 1 KB)
MAX_ENTRIES = 200_000  # beyond this, the oldest entries are removed when a run writes
# A file changed less than this before the batch began is scored but not stored: its
# timestamps might not yet show a change made while it was being read (coarse clocks).
SETTLE_NS = 1_000_000_000
TIMEOUT = 2.0  # seconds to wait for another run's write before giving the cache up
MAX_HASHED_BYTES = 64 * 1024 * 1024  # a file beyond the reading gate's limits is not hashed
# The libraries that read the inputs: a new version may read a file differently.
LIBRARIES = ("PyYAML", "python-calamine", "pdfplumber", "pdfminer.six", "openpyxl", "jsonschema")


class Unstorable(Exception):
    """A value the cache does not know how to write (it is then simply not stored)."""


# ---------------------------------------------------------------- where, and which code


def cache_dir() -> str:
    """``$PERFSCORE_CACHE_DIR``, else ``$XDG_CACHE_HOME/perfscore``, else ``~/.cache/perfscore``."""
    chosen = os.environ.get("PERFSCORE_CACHE_DIR")
    if chosen:
        return chosen
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "perfscore")


def disabled() -> bool:
    """``PERFSCORE_NO_CACHE`` set to anything but empty, 0, false or no."""
    value = os.environ.get("PERFSCORE_NO_CACHE", "").strip().lower()
    return value not in ("", "0", "false", "no")


def _installed(names: tuple[str, ...]) -> list[str]:
    """The installed distributions of ``names``, by their metadata folders
    (``PyYAML-6.0.2.dist-info``: the version is in the name) on ``sys.path``.

    Read from the folder names rather than through importlib.metadata, whose import and
    scan cost the parent process about 3 MiB, shared by every worker forked after it.
    """
    import re

    wanted = {re.sub(r"[-_.]+", "_", name).lower() for name in names}
    found = []
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in entries:
            stem, dot, kind = entry.rpartition(".")
            if dot and kind in ("dist-info", "egg-info"):
                project = re.sub(r"[-_.]+", "_", stem.split("-")[0]).lower()
                if project in wanted:
                    found.append(f"{os.path.abspath(folder or '.')}/{entry}")
    return sorted(found)


def fingerprint() -> str:
    """A hash of the code that makes a row: every file of the installed package (an
    editable install changes code without changing the version), perfscore's version,
    Python's, and the versions of the libraries that read the inputs."""
    import perfscore

    digest = hashlib.blake2b(digest_size=20)
    parts = [f"format {FORMAT}", sys.version, sys.implementation.cache_tag or ""]
    parts += _installed(("perfscore", *LIBRARIES))
    import yaml

    parts.append(f"libyaml {getattr(yaml, '__with_libyaml__', False)}")
    digest.update("\n".join(parts).encode())
    for folder in sorted(perfscore.__path__):  # the code, the rules, the schemas
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                path = os.path.join(root, name)
                digest.update(f"\0{os.path.relpath(path, folder)}\0".encode())
                with open(path, "rb") as handle:
                    digest.update(handle.read())
    return digest.hexdigest()


# ---------------------------------------------------------------- values as JSON

# The classes a row is made of, by name. Only these are ever rebuilt from a database.
_CLASSES: dict[str, type] = {}


def _classes() -> dict[str, type]:
    if not _CLASSES:
        from .audit import AuditRow
        from .batch import Failure
        from .errors import Problem
        from .result import Comparison
        from .summary import SummaryRow

        for cls in (AuditRow, Comparison, Failure, Problem, SummaryRow):
            _CLASSES[cls.__name__] = cls
    return _CLASSES


def encode(value: Any) -> Any:
    """``value`` (a row, a Failure, a list of them) as JSON-able data (:func:`decode` inverts).

    Decimals are kept as their text (``str`` keeps exponent and trailing zeros), tuples and
    records are tagged; anything else raises :class:`Unstorable`.
    """
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return {"d": str(value)}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, tuple):
        return {"t": [encode(item) for item in value]}
    name = type(value).__name__
    if _classes().get(name) is type(value):
        fields = {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}  # type: ignore[arg-type]
        return {"c": name, "f": fields}
    raise Unstorable(type(value).__name__)


def decode(data: Any) -> Any:
    """The value :func:`encode` wrote; ValueError on anything else."""
    if data is None or isinstance(data, bool | int | str):
        return data
    if isinstance(data, list):
        return [decode(item) for item in data]
    if isinstance(data, dict):
        if data.keys() == {"d"} and isinstance(data["d"], str):
            return Decimal(data["d"])
        if data.keys() == {"t"} and isinstance(data["t"], list):
            return tuple(decode(item) for item in data["t"])
        if data.keys() == {"c", "f"} and isinstance(data["f"], dict):
            cls = _classes().get(data["c"])
            names = {f.name for f in dataclasses.fields(cls)} if cls else set()
            if cls is not None and data["f"].keys() == names:
                return cls(**{key: decode(item) for key, item in data["f"].items()})
    raise ValueError("not a cached value")


# ---------------------------------------------------------------- hashing files


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def content_hash(path: str) -> str | None:
    """The hash of the regular file ``path`` now; None when it cannot be read."""
    return _settled_hash(path, None)


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino, a.st_size, a.st_mtime_ns, a.st_ctime_ns) == (
        b.st_dev,
        b.st_ino,
        b.st_size,
        b.st_mtime_ns,
        b.st_ctime_ns,
    )


def _settled_hash(path: str, before_ns: int | None) -> str | None:
    """The hash of the regular file ``path``, if it did not change while read and (with
    ``before_ns``) was last changed before then; None otherwise."""
    try:
        first = os.stat(path)
        if not stat.S_ISREG(first.st_mode) or first.st_size > MAX_HASHED_BYTES:
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            data = b""
            while chunk := os.read(fd, max(first.st_size + 1 - len(data), 1)):
                data += chunk
                if len(data) > first.st_size:
                    return None
            last = os.fstat(fd)
        finally:
            os.close(fd)
    except (OSError, ValueError):
        return None
    if not _same(first, last) or len(data) != last.st_size:
        return None
    if before_ns is not None and max(last.st_mtime_ns, last.st_ctime_ns) >= before_ns:
        return None
    return _digest(data)


# ---------------------------------------------------------------- in the workers


class Recorded:
    """``work(file)`` that also returns the files it read and, when the row may be stored,
    the hashes it is to be stored under (the file's, and every other file's it opened).

    Returns ``(row, read, stamp)``: ``read`` as :class:`~perfscore.commands._shared.Tracked`
    gives it (the other files opened, for the writing gate); ``stamp`` is
    ``(hash, ((path, hash), ...))`` or None when the row must not be stored.
    """

    def __init__(self, work: Callable[[str], Any], started_ns: int) -> None:
        self.work = work
        self.settled_ns = started_ns - SETTLE_NS

    def __call__(self, file: str) -> tuple[Any, tuple[str, ...], Any]:
        from .batch import others, watch_reads

        with watch_reads() as opened:
            row = self.work(file)
        return row, others(file, opened), self._stamp(file, opened)

    def _stamp(self, file: str, opened: dict[str, bool]) -> Any:
        from .batch import others

        if not all(opened.values()):
            return None
        own = _settled_hash(file, self.settled_ns)
        if own is None:
            return None
        deps = []
        for path in sorted(others(file, opened)):
            digest = _settled_hash(path, self.settled_ns)
            if digest is None:
                return None
            deps.append((path, digest))
        return own, tuple(deps)


# ---------------------------------------------------------------- the database


class Cache:
    """One run's use of the database: look rows up, store new ones, in batches."""

    def __init__(self, connection: sqlite3.Connection, path: str, work: str) -> None:
        self.db = connection
        self.path = path
        self.code = fingerprint()
        self.scope = json.dumps([self.code, work, language(), os.getcwd()])
        self.pending: list[tuple[str, str, str, str, int]] = []
        self.pruned = False
        self.broken = False
        self._hashes: dict[str, str | None] = {}  # dependency → its hash now, once per run

    def key(self, file: str, digest: str) -> str:
        text = json.dumps([self.scope, file, digest])
        return hashlib.blake2b(text.encode(), digest_size=20).hexdigest()

    def _dep_hash(self, path: str) -> str | None:
        if path not in self._hashes:
            self._hashes[path] = content_hash(path)
        return self._hashes[path]

    def probe(self, file: str) -> tuple[str, tuple[str, ...]] | None:
        """The key of ``file``'s entry and its dependencies, if it is a hit now."""
        digest = content_hash(file)
        if digest is None or self.broken:
            return None
        key = self.key(file, digest)
        try:
            found = self.db.execute("SELECT deps FROM entries WHERE key = ?", (key,)).fetchone()
        except Exception as error:  # sqlite3.Error, and a damaged file's DatabaseError
            self.fail(error)
            return None
        if found is None:
            return None
        try:
            deps = [(str(path), str(digest)) for path, digest in json.loads(found[0])]
        except (ValueError, TypeError):
            return None
        if any(self._dep_hash(path) != digest for path, digest in deps):
            return None
        return key, tuple(path for path, _ in deps)

    def fetch(self, key: str) -> Any:
        """The row stored under ``key`` (found by :meth:`probe`); KeyError when it is gone."""
        try:
            found = self.db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
            if found is None:
                raise KeyError(key)
            return decode(json.loads(found[0]))
        except (ValueError, TypeError):
            raise KeyError(key) from None
        except KeyError:
            raise
        except Exception as error:
            self.fail(error)
            raise KeyError(key) from None

    def put(self, file: str, row: Any, stamp: Any) -> None:
        """Store ``row`` for ``file`` under the hashes the worker read (:class:`Recorded`)."""
        if stamp is None or self.broken:
            return
        own, deps = stamp
        try:  # \u escapes: a file name may hold lone surrogates, which UTF-8 cannot carry
            value = json.dumps(encode(row))
        except (Unstorable, ValueError):
            return
        entry = (self.key(file, own), self.code, json.dumps(deps), value, time.time_ns())
        self.pending.append(entry)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the pending entries in one transaction (and, the first time, prune)."""
        if not self.pending or self.broken:
            self.pending.clear()
            return
        try:
            with self.db:
                if not self.pruned:
                    self.db.execute("DELETE FROM entries WHERE code != ?", (self.code,))
                    self.db.execute(
                        "DELETE FROM entries WHERE key IN (SELECT key FROM entries"
                        " ORDER BY stored DESC LIMIT -1 OFFSET ?)",
                        (MAX_ENTRIES,),
                    )
                    self.pruned = True
                self.db.executemany(
                    "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)", self.pending
                )
        except Exception as error:
            self.fail(error)
        self.pending.clear()

    def close(self) -> None:
        self.flush()
        with contextlib.suppress(Exception):  # closing a broken database
            self.db.close()

    def fail(self, error: BaseException) -> None:
        """Warn once; the rest of the run goes on without the cache."""
        if not self.broken:
            self.broken = True
            warn(self.path, error)


def warn(path: str, error: BaseException) -> None:
    """The one line that says the cache is not used this run (standard error)."""
    from .unencodable import printable

    print(
        t("cache_unusable", path=printable(path), reason=printable(_reason(error))), file=sys.stderr
    )


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split())[:200]
    return text or type(error).__name__


def open_cache(work: str) -> Cache | None:
    """The cache for a run of ``work``; None (with one warning) when it cannot be used."""
    import sqlite3

    folder = cache_dir()
    path = os.path.join(folder, FILE_NAME)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        connection = sqlite3.connect(path, timeout=TIMEOUT, isolation_level=None)
    except (OSError, sqlite3.Error) as error:
        warn(path, error)
        return None
    try:
        connection.isolation_level = "DEFERRED"
        with connection:
            connection.execute(
                "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, code TEXT NOT NULL,"
                " deps TEXT NOT NULL, value TEXT NOT NULL, stored INTEGER NOT NULL)"
            )
            connection.execute("CREATE TABLE IF NOT EXISTS format (version INTEGER NOT NULL)")
            found = connection.execute("SELECT version FROM format").fetchall()
            if found != [(FORMAT,)]:
                connection.execute("DELETE FROM format")
                connection.execute("DELETE FROM entries")
                connection.execute("INSERT INTO format VALUES (?)", (FORMAT,))
        return Cache(connection, path, work)
    except Exception as error:  # sqlite3.Error: locked, read-only, not a database
        connection.close()
        warn(path, error)
        return None


def cached_rows(
    work: Callable[[str], Any],
    files: Sequence[str],
    run: Callable[..., Iterator[tuple[Any, tuple[str, ...], Any]]],
    progress: Callable[[int], None] | None = None,
) -> Iterator[tuple[Any, tuple[str, ...]]]:
    """``(row, read)`` for every file in order, as :func:`perfscore.batch.run` over ``Tracked``
    gives them, taking unchanged files' rows from the cache. ``run(wrapped, files)`` runs a
    wrapped work function over the files the cache does not hold."""
    started = time.time_ns()
    recorded = Recorded(work, started)
    cache = open_cache(f"{work.__module__}.{work.__qualname__}")
    if cache is None:
        for row, read, _stamp in run(recorded, files):
            yield row, read
        return
    try:
        probes = [cache.probe(file) for file in files]
        misses = run(
            recorded, [file for file, probe in zip(files, probes, strict=True) if probe is None]
        )
        for file, probe in zip(files, probes, strict=True):
            if probe is not None:
                try:
                    row = cache.fetch(probe[0])
                except KeyError:  # gone since the probe (another run pruned it)
                    row, read, stamp = recorded(file)
                    if progress is not None:
                        progress(1)
                else:
                    if progress is not None:
                        progress(1)
                    yield row, probe[1]
                    continue
            else:
                row, read, stamp = next(misses)
            cache.put(file, row, stamp)
            yield row, read
    finally:
        cache.close()
