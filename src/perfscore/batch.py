"""Many files at once: which files (:func:`expand_paths`) and a pool that works on them (:func:`run`).

Each file is read, checked and scored on its own by a *work* function
(:func:`perfscore.summary.summarise`, :func:`perfscore.audit.audit`) that
returns a small row or a :class:`Failure`, never the scored tree, so that
memory stays flat however many files there are. Large batches are scored in
worker processes, in chunks, and the rows are streamed back in the order of
the files. A file that cannot be read or checked becomes a :class:`Failure`
with every problem found; it never stops the rest of the batch.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import Problem
from .records import record

if TYPE_CHECKING:
    from .result import Result

SUFFIXES = (".yaml", ".yml")
# Below this many files a pool costs more (process start-up, ~50 ms) than it saves.
PARALLEL_THRESHOLD = 48
# Files sent to a worker at a time, at most (docs/performance.md: 16 to 256 files a chunk
# cost the same within the noise; one round trip a file costs about 10% more).
CHUNK = 64

# ---------------------------------------------------------------- the files


def expand_paths(paths: Iterable[str], suffixes: tuple[str, ...] = SUFFIXES) -> list[str]:
    """Files as given; folders searched recursively for ``suffixes`` (*.yaml / *.yml; sorted).

    A path that does not exist is kept, so that it is reported as a failure
    (file not found) like any other unreadable file. Each file appears once.
    """
    files: list[str] = []
    seen: set[str] = set()
    # One folder's walk names each file once: no set of every path, which would stay
    # resident (about 100 bytes a file) and be shared by every worker the pool forks.
    paths = list(paths)
    alone = len(paths) == 1

    def add(file: str) -> None:
        if alone:
            files.append(file)
            return
        key = os.path.normpath(file)
        if key not in seen:
            seen.add(key)
            files.append(file)

    for path in paths:
        if not os.path.isdir(path):
            add(path)
            continue
        for folder, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.lower().endswith(suffixes) and not name.startswith("."):
                    add(os.path.join(folder, name))
    return files


# ---------------------------------------------------------------- the rows


@record
class Failure:
    """A file that could not be scored, with every problem found in it."""

    file: str
    problems: tuple[Problem, ...]

    @property
    def error(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


Row = TypeVar("Row")


def score_file(file: str, *, warnings: bool = True) -> Result:
    """Read, check and score one file (raises :class:`~perfscore.errors.PerfscoreError`).

    ``warnings=False``: without the self-evaluation warnings, for a batch row that
    shows none (:func:`perfscore.engine.score`).
    """
    # Imported here so that a worker process pays for them once, and the CLI
    # only when it scores.
    from .engine import score
    from .validation import load_evaluation

    return score(load_evaluation(file), warnings=warnings)


# ---------------------------------------------------------------- many files


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _init_worker(lang: str) -> None:
    from .load import gate
    from .messages import set_language

    set_language(lang)
    # A worker writes nothing, so it keeps no record of the files read (which would grow
    # with every file of the batch, about 300 bytes a file): the parent learns them from
    # the rows (watch_reads, :class:`Tracked <perfscore.commands._shared.Tracked>`).
    gate.keep_record = False


@contextlib.contextmanager
def watch_reads() -> Iterator[dict[str, bool]]:
    """The files opened through the reading gate meanwhile: absolute path → opened without
    error (False: the open failed). A sheet served from a reader's memory counts as opened.
    A worker returns them with its row (:class:`Tracked <perfscore.commands._shared.Tracked>`,
    the result cache's dependencies), since it keeps no record of its own (_init_worker).
    """
    from .load import gate

    opened: dict[str, bool] = {}

    def seen(path: str, ok: bool) -> None:
        if ok:
            opened.setdefault(path, True)
        else:  # a failed open wins over an earlier good one: the row is not to be stored
            opened[path] = False

    gate.watchers.append(seen)
    try:
        yield opened
    finally:
        gate.watchers.remove(seen)


def others(file: str, opened: Iterable[str]) -> tuple[str, ...]:
    """The paths in ``opened`` but ``file`` itself (which the caller knows)."""
    own = os.path.abspath(file)
    return tuple(path for path in opened if path != own)


def run(
    work: Callable[[str], Row],
    files: Sequence[str],
    *,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Row]:
    """``work(file)`` for every file, in order, in parallel when the batch is large.

    Rows are yielded as they arrive, so a caller that keeps only what it needs
    keeps memory flat. ``jobs``: worker processes (default: the usable cores;
    1 = in this process). ``progress(n)`` is called after every n files.
    """
    jobs = cpu_count() if jobs is None else max(1, jobs)
    if jobs == 1 or len(files) < PARALLEL_THRESHOLD:
        for file in files:
            yield work(file)
            if progress is not None:
                progress(1)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from .messages import language

    # Chunks big enough to make the round trip cheap, small enough to keep
    # every worker busy until the end (at least 8 chunks per worker, at most 64
    # files each: the last chunk, when one worker may work alone, stays short).
    chunk = max(1, min(CHUNK, len(files) // (jobs * 8)))
    # Workers live for the whole batch: their memory stays flat without being recycled
    # (watch_reads). Recycling was weighed: ProcessPoolExecutor's max_tasks_per_child refuses
    # fork and deadlocks in 3.11 (CPython gh-115634); multiprocessing.Pool's maxtasksperchild
    # works with fork, but a worker killed there (out of memory) leaves its task waiting forever.
    try:
        context = multiprocessing.get_context("fork")  # workers inherit imported modules
    except ValueError:  # pragma: no cover - no fork (Windows)
        context = None
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(language(),)
    ) as pool:
        # Submit a bounded window of chunks so that neither pending work nor
        # finished rows pile up in memory on a huge batch.
        chunks = (files[i : i + chunk] for i in range(0, len(files), chunk))
        window: list[Any] = []
        for part in chunks:
            window.append(pool.submit(_run_chunk, work, part))
            if len(window) >= jobs * 4:
                yield from _drain(window.pop(0), progress)
        for future in window:
            yield from _drain(future, progress)


def _run_chunk(work: Callable[[str], Row], files: Sequence[str]) -> list[Row]:
    return [work(file) for file in files]


def _drain(future: Any, progress: Callable[[int], None] | None) -> Iterator[Row]:
    rows = future.result()
    if progress is not None:
        progress(len(rows))
    yield from rows
