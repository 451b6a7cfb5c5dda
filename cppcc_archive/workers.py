"""Worker processes."""
from __future__ import annotations

import multiprocessing
import os
import sys


def fresh_context():
    """A multiprocessing context whose workers start as new interpreters ("spawn"), so
    they do not inherit this process's memory (a forked worker starts as large as its
    parent, and its RSS counts that).  Falls back to "fork" when the interpreter cannot
    be started again, e.g. after a build dropped privileges and the interpreter lives
    in a home directory the new user cannot enter."""
    if os.access(sys.executable, os.X_OK) or "fork" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    return multiprocessing.get_context("fork")
