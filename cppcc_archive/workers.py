"""Worker processes that never outlive the build."""
from __future__ import annotations

import ctypes
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
