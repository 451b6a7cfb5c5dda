"""Content-hash cache of phase-1 results, so one changed seed re-processes only itself.

The key covers the seed's bytes, its name, its curation entry and a version
hash of the code phase 1 runs (the modules ``pipeline`` imports, directly or
not) and of every data file of the package: editing a fixer, the gazetteer or
the taxonomy invalidates every entry; editing how pages, exports or the search
index are written does not (phase 1 never runs that code).  Entries are pickles
written atomically, each in three files (the result, its decoded original, its articles' texts:
see ``RAW`` and ``TEXT``); an unreadable entry is a miss, never an error.  ``SeedStats`` records
each seed's file identity with its key, so that an unchanged seed is not read again to find it.  After each
build the entries it did not use (edited or removed seeds) are swept, so a
cache kept between builds (the Pages workflow keeps one) holds one entry per
seed, whatever the history of edits.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import pickle
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Optional

PACKAGE = Path(__file__).resolve().parent


# Libraries whose output the cached state keeps, named even when no module of a closure imports them
# by name (jieba's version covers its IDF table, which keywords.py reads through it); the libraries the
# closures do import are found with them (``_outside_imports``).
PHASE1_LIBRARIES = ("opencc", "jieba", "rjieba", "ahocorasick-rs", "charset-normalizer", "pyyaml", "ftfy")
DATA_SUFFIXES = {".tsv", ".yaml", ".txt", ".json"}

# What each kind of cached state is made by: entry points whose import closures (plus single files
# named here) are hashed into its version.
#  - phase-1 entries: the pipeline, and the curation loader whose dict is in each key;
#  - the page ledger (article-pages.json, name-order.json): the page writer, ``pagecache`` (which
#    digests a page's inputs) and the driver ``cli.py`` (it holds the articles between ``assemble`` and
#    ``write_site``; only the file, its imports are the site stage, the feeds and the search);
#  - the search index's record: the indexer.
PHASE1 = (("pipeline", "curation"), ())
WRITER = (("write", "pagecache"), ("cli.py",))
INDEXER = (("indexer",), ())


def library_version(name: str) -> str:
    """The installed version of a distribution, or "-" when it is not installed."""
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


@functools.lru_cache(maxsize=None)
def _top_level_distributions() -> dict:
    from importlib import metadata

    return metadata.packages_distributions()


@functools.lru_cache(maxsize=None)
def _listed_top_levels() -> frozenset[str]:
    """The modules the listed libraries provide (PyYAML: yaml), from their ``top_level.txt``."""
    from importlib import metadata

    out = set()
    for name in PHASE1_LIBRARIES:
        try:
            out.update((metadata.distribution(name).read_text("top_level.txt") or "").split())
        except metadata.PackageNotFoundError:
            pass
    return frozenset(out)


def _distributions_of(top_level: str) -> tuple[str, ...]:
    """The distributions that provide an imported top-level module: its own name when a distribution
    has it (numpy), else a search of every installed distribution (0.14 s, so only then)."""
    from importlib import metadata

    if top_level in _listed_top_levels():
        return ()
    try:
        metadata.version(top_level)
        return (top_level,)
    except metadata.PackageNotFoundError:
        return tuple(_top_level_distributions().get(top_level, ()))


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _library_versions(libraries) -> str:
    out = [f"python {sys.version_info[0]}.{sys.version_info[1]}"]
    out += [f"{name} {library_version(name)}" for name in sorted({_normalized(n) for n in libraries})]
    return "\n".join(out)


def _update_framed(h, parts) -> None:
    """Feed each part with its length first, so that no two lists of parts hash alike."""
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)


def _version_of(files: list[Path], package: Path, salt: str, libraries) -> str:
    h = hashlib.sha256(f"{salt}\n{_library_versions(libraries)}".encode())
    for p in files:
        _update_framed(h, (p.relative_to(package).as_posix().encode(), p.read_bytes()))
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


# An import statement at the start of a line (in a function body too): ``from X import a, b``, with
# the names in parentheses over several lines, or ``import X, Y as Z``.  Read with a pattern rather than
# ``ast`` (ten times slower: the versions are worked out at every build's start); a docstring line that
# happens to read like an import only adds a module, which makes a version stricter, never stale.
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*)|import[ \t]+([^\n#;]+))", re.M)


def _imports(module: str, path: Path) -> frozenset[str]:
    """Every module name ``module`` imports anywhere in its source, relative imports resolved; for
    ``from X import y``, both X and X.y (y may be a module)."""
    st = path.stat()
    return _imports_of(module, path, st.st_mtime_ns, st.st_size)   # each file read once per version of it


@functools.lru_cache(maxsize=None)
def _imports_of(module: str, path: Path, _mtime: int, _size: int) -> frozenset[str]:
    here = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = set()
    for m in _IMPORT.finditer(path.read_text(encoding="utf-8").replace("\\\n", " ")):
        source, names, plain = m.groups()
        if plain is not None:
            found.update(part.split()[0] for part in plain.split(",") if part.strip())
            continue
        level = len(source) - len(source.lstrip("."))
        rest = source[level:]
        base = ".".join(here[:len(here) - level + 1] + ([rest] if rest else [])) if level else rest
        found.add(base)
        for part in names.strip("()").split(","):
            name = part.split()[0] if part.split() else ""
            if name and name != "*":
                found.add(f"{base}.{name}")
    return frozenset(found)


def _imported_modules(package: Path, module: str, path: Path) -> set[str]:
    """The package's modules that ``module`` imports."""
    return {m for m in _imports(module, path) if m.split(".")[0] == package.name and _module_file(package, m)}


def import_closure(package: Path, entry: str) -> list[Path]:
    """The source files of ``package.entry`` and of every module of the package it imports, directly
    or not: all the code it can run.  Read from the sources, so a new import of one of the package's
    modules is covered without a list to keep."""
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


def _outside_imports(package: Path, files: list[Path]) -> set[str]:
    """The top-level names of what ``files`` import from outside the package and the standard library."""
    names = set()
    for path in files:
        module = ".".join((package.name, *path.relative_to(package).with_suffix("").parts)).removesuffix(".__init__")
        names.update(m.split(".")[0] for m in _imports(module, path))
    return {n for n in names if n and n != package.name and n not in sys.stdlib_module_names and n != "__future__"}


def _modules_of(package: Path, what: tuple) -> list[Path]:
    """The source files one kind of cached state depends on (``PHASE1``, ``WRITER``, ``INDEXER``)."""
    entries, single = what
    return sorted({p for e in entries for p in import_closure(package, e)} | {package / f for f in single})


def phase1_modules(package: Path = PACKAGE) -> list[Path]:
    """All the code phase 1 can run: what its entries' version hashes."""
    return _modules_of(package, PHASE1)


def _closure_version(package: Path, what: tuple, salt: str) -> str:
    modules = _modules_of(package, what)
    libraries = set(PHASE1_LIBRARIES)
    for name in _outside_imports(package, modules):
        libraries.update(_distributions_of(name))
    return _version_of(modules + _package_files(package, DATA_SUFFIXES), package, salt, libraries)


@functools.lru_cache(maxsize=None)
def phase1_version() -> str:
    """Hash of the code phase 1 runs, of every data file of the package and of the versions of Python
    and of the libraries: the version of the cache's entries."""
    return phase1_version_of(PACKAGE)


def phase1_version_of(package: Path) -> str:
    return _closure_version(package, PHASE1, "pipeline")


@functools.lru_cache(maxsize=None)
def indexer_version() -> str:
    """The same for the search indexer (``indexer`` and what it imports: not the page writer), the
    version of the search index's record: an index made from the same ``articles.json`` by the same
    indexer is the same, whatever else of the package changed."""
    return _closure_version(PACKAGE, INDEXER, "indexer")


def indexer_dir(cache_dir: Path) -> Path:
    return cache_dir / indexer_version()


def key(data: bytes, name: str, curation: Optional[dict]) -> str:
    h = hashlib.sha256()
    _update_framed(h, (phase1_version().encode(), name.encode("utf-8"),
                       json.dumps(curation, sort_keys=True, ensure_ascii=False).encode(), data))
    return h.hexdigest()


@functools.lru_cache(maxsize=None)
def writer_version() -> str:
    """The same for the code that renders the generated Markdown pages (see ``WRITER``)."""
    return writer_version_of(PACKAGE)


def writer_version_of(package: Path) -> str:
    return _closure_version(package, WRITER, "write")


def writer_dir(cache_dir: Path) -> Path:
    """The folder of what a build keeps about the pages it wrote (the page ledger, the people's name
    order): it starts afresh when the code that renders pages changes, not when the feeds, the search
    index or the site stage do."""
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
# Likewise each article's paragraphs, 85 % of what is left (at 10,000 seeds 220 of 255 MB): a rebuild
# needs the text only of the articles whose page, record or feed summary it makes again, so the build
# loads the rest of an entry and leaves each text to be read when first asked for (``DeferredText``).
TEXT = ".text"


def load(cache_dir: Path, k: str, raw: bool = True, text: bool = True):
    """The entry stored under ``k``, or ``None``; with ``raw``, its ``raw_text`` too (an entry
    whose original is missing is a miss); without ``text``, each article's paragraphs are a
    ``DeferredText`` that reads them when first used."""
    try:
        folder = str(cache_dir)
        with open(_entry_path(folder, k), "rb") as fh:
            value = pickle.load(fh)
        if raw and hasattr(value, "raw_text"):
            with open(_entry_path(folder, k, RAW), "rb") as fh:
                value.raw_text = pickle.load(fh)
        articles = getattr(value, "articles", None)
        if articles:
            _attach_texts(articles, _entry_path(folder, k, TEXT), text)
        return value
    except Exception:  # missing, truncated or from another version: recompute
        return None


def _attach_texts(articles: list, path: str, now: bool) -> None:
    texts = _TextFile(path)
    if now:
        loaded = texts.paragraphs()
        if len(loaded) != len(articles):
            raise ValueError(f"{path}: {len(loaded)} texts for {len(articles)} articles")
    elif not os.path.isfile(path):
        raise FileNotFoundError(path)
    for i, a in enumerate(articles):
        # Articles are frozen; the entry's copies were stored without their text.
        object.__setattr__(a, "paragraphs", loaded[i] if now else DeferredText(texts, i))


class _TextFile:
    """The paragraphs of one entry's articles, read from the cache once, when first needed."""

    __slots__ = ("path", "_loaded")

    def __init__(self, path: str):
        self.path, self._loaded = path, None

    def paragraphs(self) -> list:
        if self._loaded is None:
            try:
                with open(self.path, "rb") as fh:
                    self._loaded = pickle.load(fh)
            except Exception as e:   # gone or damaged since the build loaded the entry
                raise RuntimeError(f"the pipeline cache lost {self.path} during the build ({e}); "
                                   "build again, or with --no-cache") from e
        return self._loaded


class DeferredText(Sequence):
    """An article's paragraphs (a tuple of str) as stored in the cache, read on first use; it
    compares, hashes, prints and pickles as that tuple."""

    __slots__ = ("_file", "_index")

    def __init__(self, file: _TextFile, index: int):
        self._file, self._index = file, index

    def tuple(self) -> tuple:
        return self._file.paragraphs()[self._index]

    def __getitem__(self, i):
        return self.tuple()[i]

    def __len__(self) -> int:
        return len(self.tuple())

    def __iter__(self):
        return iter(self.tuple())

    def __eq__(self, other) -> bool:
        return self.tuple() == (other.tuple() if isinstance(other, DeferredText) else other)

    def __hash__(self) -> int:
        return hash(self.tuple())

    def __repr__(self) -> str:
        return repr(self.tuple())

    def __reduce__(self):
        return tuple, (self.tuple(),)


def store(cache_dir: Path, k: str, value) -> None:
    """Store ``value`` under ``k`` (its ``raw_text``, if it has one, and its articles' paragraphs
    in files of their own)."""
    path = _path(cache_dir, k)
    raw_text = getattr(value, "raw_text", None)
    articles = getattr(value, "articles", None)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # The original and the texts first: an entry is only found once all are there.
        if hasattr(value, "raw_text"):
            _dump(_path(cache_dir, k, RAW), raw_text)
            value.raw_text = None
        if articles:
            _dump(_path(cache_dir, k, TEXT), [tuple(a.paragraphs) for a in articles])
            value.articles = [a.with_(paragraphs=()) for a in articles]
        _dump(path, value)
    except OSError:
        pass  # a cache that cannot be written only costs time
    finally:
        if hasattr(value, "raw_text"):
            value.raw_text = raw_text
        if articles:
            value.articles = articles


def _dump(path: Path, value) -> None:
    replace_file(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def replace_file(path: Path, data: bytes) -> None:
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
        replace_file(path, text.encode("utf-8"))
    except OSError:
        pass


# ---------------------------------------------------------------- builds sharing the cache

try:
    import fcntl
except ImportError:   # Windows: two builds sharing a cache are then not kept from each other's sweeps
    fcntl = None

LOCK = ".lock"
_held: dict[str, int] = {}   # cache folder → this process's descriptor of its lock file


@contextlib.contextmanager
def in_use(cache_dir: Path):
    """Held by a build from its start to its end: a shared lock on the cache's lock file.  A build
    reads its entries' texts long after loading them (``DeferredText``), so no other build (a
    ``--serve`` loop beside a manual one) may delete an entry meanwhile: ``prune`` and ``sweep``
    delete only while no other build holds the lock (``alone``).  POSIX record locks (``lockf``),
    whose upgrade from shared to exclusive keeps the shared lock when it fails."""
    fd = _open_lock(cache_dir)
    if fd is not None:
        try:
            fcntl.lockf(fd, fcntl.LOCK_SH)   # waits only while another build deletes (a fraction of a second)
            _held[str(cache_dir)] = fd
        except OSError:
            os.close(fd)
            fd = None
    try:
        yield
    finally:
        if fd is not None:
            del _held[str(cache_dir)]
            os.close(fd)   # releases the lock


def _open_lock(cache_dir: Path) -> Optional[int]:
    if fcntl is None:
        return None
    try:
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        return os.open(os.path.join(str(cache_dir), LOCK), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return None


@contextlib.contextmanager
def alone(cache_dir: Path):
    """Yields whether no other build uses the cache (an exclusive lock taken without waiting), and
    keeps the others out while the caller deletes; afterwards this build's lock is shared again."""
    own = _held.get(str(cache_dir))
    fd = own if own is not None else _open_lock(cache_dir)
    if fd is None:
        yield fcntl is None   # without locks, as before; with a lock file that cannot be opened, nothing
        return
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        ok = True
    except OSError:
        ok = False
    try:
        yield ok
    finally:
        if own is not None:
            fcntl.lockf(fd, fcntl.LOCK_SH)
        else:
            os.close(fd)


def prune(cache_dir: Path) -> None:
    """Drop entries and files of other versions (not while another build uses the cache: it may be
    of another version)."""
    import shutil

    if not cache_dir.is_dir():
        return
    with alone(cache_dir) as ok:
        if ok:
            for child in cache_dir.iterdir():
                if child.is_dir() and child.name not in (writer_version(), phase1_version(), indexer_version()):
                    shutil.rmtree(child, ignore_errors=True)


def sweep(cache_dir: Path, used: set[str], older_than: float) -> int:
    """Delete this version's entries whose key is not in ``used`` and that were last written before
    ``older_than`` (a time.time() value: the build's start), so that entries a concurrent build (a
    ``--serve`` loop beside a manual build) has just stored survive; returns how many went.  Nothing
    goes while another build uses the cache (``alone``): its entries may be ones this build did not
    use, their texts still to be read; the next build alone sweeps them."""
    with alone(cache_dir) as ok:
        return _sweep(cache_dir, used, older_than) if ok else 0


def _sweep(cache_dir: Path, used: set[str], older_than: float) -> int:
    gone = 0
    root = entries_dir(cache_dir)
    if not root.is_dir():
        return 0
    for sub in root.iterdir():
        if not sub.is_dir():
            continue
        for entry in sub.iterdir():
            # Temporary files of an interrupted store go too ("." + key + pid).
            if entry.name.removesuffix(".pickle").removesuffix(RAW).removesuffix(TEXT) in used:
                continue
            try:
                if entry.stat().st_mtime < older_than:
                    entry.unlink()
                    gone += 1
            except OSError:
                pass
    return gone


# ---------------------------------------------------------------- seed identities

SEED_STATS = "seed-stats.json"   # in the entries' version folder: new phase-1 code starts afresh
# How long before a build's start a seed must have last changed for its identity to be trusted at the
# next build (git's "racily clean" rule): a file written while the build read it, in the same tick of
# the file system's clock, could keep its size and times.  Two seconds cover the coarsest clocks (FAT).
RACY_NS = 2_000_000_000


def stat_identity(st: os.stat_result) -> list[int]:
    """What changes whenever a file's bytes do: an edit changes its ctime (which no tool can set
    back, unlike the mtime ``touch -r`` or ``rsync -t`` restore), a replacement its inode."""
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def curation_digest(curation: Optional[dict]) -> str:
    if curation is None:   # most seeds: no json.dumps for each
        return _NO_CURATION
    return hashlib.blake2b(json.dumps(curation, sort_keys=True, ensure_ascii=False).encode(), digest_size=8).hexdigest()


_NO_CURATION = "-"


class SeedStats:
    """The cache key each seed had at the last build, with the file's identity then, so a rebuild
    finds an unchanged seed's entry without reading and hashing its bytes (at 10,000 seeds, 220 MB:
    0.5 s of the build's process).  A seed whose identity differs, or that changed shortly before
    the build that recorded it began (``RACY_NS``), is read and hashed as before.  A fresh checkout
    gives every file new times, so the Pages workflow's builds always hash."""

    def __init__(self, known: dict[str, list]):
        self.known = known
        self.made: dict[str, list] = {}

    @classmethod
    def load(cls, cache_dir: Path) -> "SeedStats":
        try:
            data = json.loads((entries_dir(cache_dir) / SEED_STATS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        known = data if isinstance(data, dict) else {}
        return cls({k: v for k, v in known.items() if isinstance(v, list) and len(v) == 3
                    and isinstance(v[0], list) and isinstance(v[1], str) and isinstance(v[2], str)})

    def key(self, rel: str, identity: Optional[list[int]], curation: Optional[dict]) -> Optional[str]:
        """The recorded key of the seed at ``rel`` when its identity and curation entry are unchanged."""
        entry = self.known.get(rel)
        if identity is None or entry is None or entry[0] != identity or entry[1] != curation_digest(curation):
            return None
        return entry[2]

    def note(self, rel: str, identity: Optional[list[int]], curation: Optional[dict], k: str,
             started_ns: int) -> None:
        """Record a seed's key; ``identity`` must be taken before its bytes were read, so that an edit
        made during the read shows as a different identity at the next build."""
        if identity is not None and k and max(identity[3], identity[4]) < started_ns - RACY_NS:
            self.made[rel] = [identity, curation_digest(curation), k]

    def save(self, cache_dir: Path) -> None:
        save_file(entries_dir(cache_dir) / SEED_STATS, json.dumps(self.made, sort_keys=True, separators=(",", ":")))
