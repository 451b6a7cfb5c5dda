"""Content-hash cache of phase-1 results, so one changed seed re-processes only itself.

The key covers the seed's bytes, its name, its curation entry and a version
hash of every code and data file of the package: editing a fixer, the
gazetteer or the taxonomy invalidates every entry.  Entries are pickles
written atomically; an unreadable entry is a miss, never an error.  After each
build the entries it did not use (edited or removed seeds) are swept, so a
cache kept between builds (the Pages workflow keeps one) holds one entry per
seed, whatever the history of edits.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
from pathlib import Path
from typing import Optional

PACKAGE = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=None)
def code_version() -> str:
    h = hashlib.sha256()
    for p in sorted(PACKAGE.rglob("*")):
        if p.is_file() and p.suffix in {".py", ".tsv", ".yaml", ".txt", ".json"} and "__pycache__" not in p.parts:
            h.update(p.relative_to(PACKAGE).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def key(data: bytes, name: str, curation: Optional[dict]) -> str:
    h = hashlib.sha256()
    for part in (code_version().encode(), name.encode("utf-8"), json.dumps(curation, sort_keys=True, ensure_ascii=False).encode(), data):
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def _path(cache_dir: Path, k: str) -> Path:
    return cache_dir / code_version() / k[:2] / f"{k}.pickle"


def load(cache_dir: Path, k: str):
    try:
        with open(_path(cache_dir, k), "rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, truncated or from another version: recompute
        return None


def store(cache_dir: Path, k: str, value) -> None:
    path = _path(cache_dir, k)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written only costs time


def prune(cache_dir: Path) -> None:
    """Drop entries of other code versions."""
    import shutil

    if not cache_dir.is_dir():
        return
    for child in cache_dir.iterdir():
        if child.is_dir() and child.name != code_version():
            shutil.rmtree(child, ignore_errors=True)


def sweep(cache_dir: Path, used: set[str]) -> int:
    """Delete this version's entries whose key is not in ``used``; returns how many went."""
    gone = 0
    root = cache_dir / code_version()
    if not root.is_dir():
        return 0
    for sub in root.iterdir():
        if not sub.is_dir():
            continue
        for entry in sub.iterdir():
            # Temporary files of an interrupted store go too ("." + key + pid).
            if entry.name.removesuffix(".pickle") not in used:
                try:
                    entry.unlink()
                    gone += 1
                except OSError:
                    pass
    return gone
