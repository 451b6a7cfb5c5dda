"""Putting a finished tree in place in one step.

A build writes every generated tree beside its target and then swaps it in.
On Linux the swap is one ``renameat2(RENAME_EXCHANGE)`` system call: at every
instant the target is either the complete old tree or the complete new one.
Where that call is missing, two renames are used and ``recover`` repairs the
tiny window between them at the start of the next build.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
from pathlib import Path

RENAME_EXCHANGE = 2
AT_FDCWD = -100
_libc = None


def _renameat2():
    global _libc
    if _libc is None:
        try:
            _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        except OSError:
            _libc = False
    return getattr(_libc, "renameat2", None) if _libc else None


def exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two existing paths; False when the system cannot."""
    fn = _renameat2()
    if fn is None:
        return False
    rc = fn(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def old_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def swap_into_place(new: Path, target: Path) -> None:
    """Make ``new`` appear at ``target``; afterwards ``new`` holds the previous content (or nothing)."""
    if not target.exists() and not target.is_symlink():
        os.rename(new, target)
        return
    if exchange(new, target):
        return
    old = old_name(target)
    os.rename(target, old)
    os.rename(new, target)
    os.rename(old, new)


def discard(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


def recover(target: Path, staging: Path) -> None:
    """Undo what an interrupted build left: a target moved aside, or a staging tree."""
    old = old_name(target)
    if not target.exists() and old.exists():
        os.rename(old, target)
    discard(old)
    discard(staging)
