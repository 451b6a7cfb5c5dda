"""Content-hash cache of phase-1 results, so one changed seed re-processes only itself.

The key covers the seed's bytes, its name, its curation entry and a version
hash of the code phase 1 runs (the modules ``pipeline`` imports, directly or
not) and of every data file of the package: editing a fixer, the gazetteer or
the taxonomy invalidates every entry; editing how pages, exports or the search
index are written does not (phase 1 never runs that code).  Entries are pickles
written atomically; an unreadable entry is a miss, never an error.  After each
build the entries it did not use (edited or removed seeds) are swept, so a
cache kept between builds (the Pages workflow keeps one) holds one entry per
seed, whatever the history of edits.
"""
from __future__ import annotations

import ast
import functools
import hashlib
import json
import os
import pickle
import sys
from pathlib import Path
from typing import Optional

PACKAGE = Path(__file__).resolve().parent


# Libraries whose output phase 1 keeps: a new version of one (a lock bump) must invalidate the cache
# as an edit of our own code does (jieba's version covers its IDF table).
PHASE1_LIBRARIES = ("opencc", "jieba", "rjieba", "ahocorasick-rs", "charset-normalizer", "pyyaml")
# And those whose output the page writer and the search indexer keep (the people's pinyin order, the
# index's counts and impact bytes, the related articles' scores).
OUTPUT_LIBRARIES = PHASE1_LIBRARIES + ("numpy", "pypinyin")


def library_version(name: str) -> str:
    """The installed version of a distribution, or "-" when it is not installed."""
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def _library_versions(libraries: tuple[str, ...] = PHASE1_LIBRARIES) -> str:
    out = [f"python {sys.version_info[0]}.{sys.version_info[1]}"]
    out += [f"{name} {library_version(name)}" for name in libraries]
    return "\n".join(out)


DATA_SUFFIXES = {".tsv", ".yaml", ".txt", ".json"}


def _version_of(files: list[Path], package: Path, salt: str, libraries: tuple[str, ...]) -> str:
    h = hashlib.sha256(f"{salt}\n{_library_versions(libraries)}".encode())
    for p in files:
        h.update(p.relative_to(package).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _package_files(package: Path, suffixes: set[str]) -> list[Path]:
    return sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in suffixes and "__pycache__" not in p.parts)


def _module_file(package: Path, module: str) -> Optional[Path]:
    """The file of ``module`` (dotted, starting with the package's name) inside ``package``."""
    path = package.joinpath(*module.split(".")[1:])
    for candidate in (path / "__init__.py", path.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _imported_modules(package: Path, module: str, path: Path) -> set[str]:
    """The package's modules that ``module`` imports anywhere in its source (function bodies too)."""
    here = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.ImportFrom):
            base = ".".join(here[:len(here) - node.level + 1] + ([node.module] if node.module else [])) \
                if node.level else (node.module or "")
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)   # ``from . import read``
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m.split(".")[0] == package.name and _module_file(package, m)}


def phase1_modules(package: Path = PACKAGE, entry: str = "pipeline") -> list[Path]:
    """The source files of ``package.entry`` and of every module of the package it imports, directly
    or not: all the code phase 1 can run.  Read from the sources, so a new import is covered without
    a list to keep."""
    todo, seen = [f"{package.name}.{entry}"], {}
    while todo:
        module = todo.pop()
        path = _module_file(package, module)
        if module in seen or path is None:
            continue
        seen[module] = path
        todo.extend(_imported_modules(package, module, path))
        parent = module.rpartition(".")[0]
        if parent:
            todo.append(parent)   # a package's __init__ runs before its modules
    return sorted(seen.values())


@functools.lru_cache(maxsize=None)
def phase1_version() -> str:
    """Hash of the code phase 1 runs, of every data file of the package and of the library
    versions: the version of the cache's entries."""
    return phase1_version_of(PACKAGE)


def phase1_version_of(package: Path) -> str:
    return _version_of(phase1_modules(package) + _package_files(package, DATA_SUFFIXES), package, "pipeline",
                       PHASE1_LIBRARIES)


@functools.lru_cache(maxsize=None)
def indexer_version() -> str:
    """The same for the search indexer (``indexer`` and what it imports: not the page writer), the
    version of the search index's record: an index made from the same ``articles.json`` by the same
    indexer is the same, whatever else of the package changed."""
    return _version_of(phase1_modules(PACKAGE, "indexer") + _package_files(PACKAGE, DATA_SUFFIXES), PACKAGE, "indexer",
                       OUTPUT_LIBRARIES)


def indexer_dir(cache_dir: Path) -> Path:
    return cache_dir / indexer_version()


def key(data: bytes, name: str, curation: Optional[dict]) -> str:
    h = hashlib.sha256()
    for part in (phase1_version().encode(), name.encode("utf-8"), json.dumps(curation, sort_keys=True, ensure_ascii=False).encode(), data):
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


@functools.lru_cache(maxsize=None)
def writer_version() -> str:
    """Hash of the code that renders the generated Markdown pages (``write`` and what it imports,
    which includes phase 1's code, and ``pagecache``, which digests each page's inputs), of the data
    files and of the library versions."""
    return writer_version_of(PACKAGE)


def writer_version_of(package: Path) -> str:
    modules = sorted(set(phase1_modules(package, "write")) | set(phase1_modules(package, "pagecache")))
    return _version_of(modules + _package_files(package, DATA_SUFFIXES), package, "write", OUTPUT_LIBRARIES)


def writer_dir(cache_dir: Path) -> Path:
    """The folder of what a build keeps about the pages it wrote (the page ledger, the people's name
    order): it starts afresh when the code that renders pages changes, not when the build's driver,
    the feeds, the search index or the site stage do."""
    return cache_dir / writer_version()


def entries_dir(cache_dir: Path) -> Path:
    """The folder of this phase-1 version's entries."""
    return Path(_version_folder(str(cache_dir)))


def _path(cache_dir: Path, k: str, suffix: str = ".pickle") -> Path:
    return Path(_entry_path(str(cache_dir), k, suffix))


@functools.lru_cache(maxsize=8)
def _version_folder(cache_dir: str) -> str:
    return os.path.join(cache_dir, phase1_version())


def _entry_path(cache_dir: str, k: str, suffix: str = ".pickle") -> str:
    """``_path`` as a string: loading 10,000 entries, building two ``Path`` objects for each cost
    about a tenth of a rebuild's phase 1."""
    return os.path.join(_version_folder(cache_dir), k[:2], k + suffix)


# A result's decoded original (``raw_text``) is kept in a file of its own beside the entry: it is
# half the entry's bytes, and a build that links the originals in the repository (SEEDS_URL, as
# the Pages workflow builds) never reads it.  Measured on 3,000 entries of the 10,000-seed corpus:
# 76 MB to read instead of 143 MB; unpickling them from memory takes about the same 0.8 s either
# way (one long string is cheap to unpickle), so only the reading is saved.
RAW = ".raw"


def load(cache_dir: Path, k: str, raw: bool = True):
    """The entry stored under ``k``, or ``None``; with ``raw``, its ``raw_text`` too (an entry
    whose original is missing is a miss)."""
    try:
        folder = str(cache_dir)
        with open(_entry_path(folder, k), "rb") as fh:
            value = pickle.load(fh)
        if raw and hasattr(value, "raw_text"):
            with open(_entry_path(folder, k, RAW), "rb") as fh:
                value.raw_text = pickle.load(fh)
        return value
    except Exception:  # missing, truncated or from another version: recompute
        return None


def store(cache_dir: Path, k: str, value) -> None:
    """Store ``value`` under ``k`` (its ``raw_text``, if it has one, in a file of its own)."""
    path = _path(cache_dir, k)
    raw_text = getattr(value, "raw_text", None)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if hasattr(value, "raw_text"):   # the original first: an entry is only found once both are there
            _dump(_path(cache_dir, k, RAW), raw_text)
            value.raw_text = None
        _dump(path, value)
    except OSError:
        pass  # a cache that cannot be written only costs time
    finally:
        if hasattr(value, "raw_text"):
            value.raw_text = raw_text


def _dump(path: Path, value) -> None:
    _replace(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def _replace(path: Path, data: bytes) -> None:
    """Put ``data`` at ``path`` in one step, through a temporary name of this process's own (a
    ``--serve`` loop and a manual build may share the cache)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def save_file(path: Path, text: str) -> None:
    """Keep ``text`` in a file of the cache (its folder made if need be); a cache that cannot be
    written only costs time, so a failure is ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _replace(path, text.encode("utf-8"))
    except OSError:
        pass


def prune(cache_dir: Path) -> None:
    """Drop entries and files of other versions."""
    import shutil

    if not cache_dir.is_dir():
        return
    for child in cache_dir.iterdir():
        if child.is_dir() and child.name not in (writer_version(), phase1_version(), indexer_version()):
            shutil.rmtree(child, ignore_errors=True)


def sweep(cache_dir: Path, used: set[str], older_than: float) -> int:
    """Delete this version's entries whose key is not in ``used`` and that were last written before
    ``older_than`` (a time.time() value: the build's start), so that entries a concurrent build (a
    ``--serve`` loop beside a manual build) has just stored survive; returns how many went."""
    gone = 0
    root = entries_dir(cache_dir)
    if not root.is_dir():
        return 0
    for sub in root.iterdir():
        if not sub.is_dir():
            continue
        for entry in sub.iterdir():
            # Temporary files of an interrupted store go too ("." + key + pid).
            if entry.name.removesuffix(".pickle").removesuffix(RAW) in used:
                continue
            try:
                if entry.stat().st_mtime < older_than:
                    entry.unlink()
                    gone += 1
            except OSError:
                pass
    return gone
