"""Worker processes: forked pools over shared data, and workers that never outlive the build."""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask Linux to kill this process when the process that started it dies.

    Used as the initializer of every worker pool and by the search indexer:
    a build killed mid-way must not leave workers writing into the staging
    tree the next build cleans up (they also held the caller's pipes open).
    Elsewhere this does nothing.
    """
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:   # the parent died before the request took effect
        os._exit(1)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


_SHARED: tuple = ()   # (fn, shared) while fork_map runs: inherited by the workers, never pickled


def _call_shared(chunk):
    fn, shared = _SHARED
    return fn(shared, chunk)


def fork_map(fn, shared, chunks: list, jobs: int, meanwhile=None) -> list:
    """``[fn(shared, c) for c in chunks]`` in ``jobs`` forked workers, results in order.

    ``meanwhile()``, when given, runs in this process while the workers work (they were forked
    before it starts, so nothing it does reaches them).

    ``shared`` (the corpus, an index, a sink) reaches the workers by fork, so
    it is never pickled; only the chunks (ranges, path lists) and the results
    are.  Forked rather than spawned: a fresh interpreter would re-run a
    caller's main script that lacks a ``__main__`` guard.  Workers die with
    the build (``die_with_parent``).
    """
    from concurrent.futures import ProcessPoolExecutor

    global _SHARED
    _SHARED = (fn, shared)
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                                 initializer=die_with_parent) as ex:
            results = ex.map(_call_shared, chunks)   # every chunk submitted, every worker forked
            if meanwhile is not None:
                meanwhile()
            return list(results)
    finally:
        _SHARED = ()
