"""The search indexer as a process of its own (like Pagefind beside a static-site generator).

``python -m cppcc_archive.indexer ARTICLES_JSON ROOT [--jobs N]`` builds
``ROOT/search/`` from an ``articles.json`` and prints one JSON line with its
peak memory.  The build runs it as a fresh interpreter after writing
``articles.json``, so the build's process never holds the postings (at 10,000
articles they are larger than everything else it keeps) and the indexer's
memory is measured apart.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Imported here, not when needed: the in-process fallback below runs after a
# build dropped privileges, when modules may no longer be importable.
from . import termcache
from .search import build_search_files, records_for_index
from .workers import die_with_parent
from .sink import DirectorySink

PACKAGE_PARENT = Path(__file__).resolve().parent.parent


def _own_peak_kb() -> int:
    """This process's peak RSS.  VmHWM belongs to the current image; ``ru_maxrss`` would also
    count the process it was started from."""
    try:
        with open("/proc/self/status", "rb") as fh:   # bytes: no codec to look up
            for line in fh:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def index(articles_json: Path, root: Path, jobs: int | None = None, previous: Path | None = None,
          counts: Path | None = None, patch: bool = False) -> dict:
    """Build ``root/search/`` here; returns the peak RSS (KB) of this process and its workers
    (``peak_rss_kb``), whether the published index was patched rather than made (``patched``) and,
    when a patch was allowed but not possible, why (``cold``).

    ``previous``: the tree the last build published; index files it holds unchanged are linked
    from it (see ``DirectorySink``).  ``counts``: the folder of the documents' cached term counts
    (``termcache``).  ``patch``: the caller checked that ``previous/search`` is as the last build
    left it, so that index may be patched (``searchpatch``)."""
    # The postings spill into the tree being built: a build killed meanwhile leaves them in its
    # staging tree, which the next build removes.
    if counts is None:
        records = records_for_index(articles_json)
    else:
        seen: dict = {}
        records = records_for_index(articles_json, termcache.load_lines(counts), seen)
    outcome: dict = {}
    build_search_files(records, jobs=jobs, emit=DirectorySink(root, previous), scratch=root, counts=counts,
                       patch_from=previous if patch else None, outcome=outcome)
    if counts is not None:
        termcache.save_lines(counts, seen)
    return {"peak_rss_kb": max(_own_peak_kb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss),
            "patched": bool(outcome.get("patched")), **({"cold": outcome["cold"]} if "cold" in outcome else {})}


def run_indexer(articles_json: Path, root: Path, jobs: int | None = None, previous: Path | None = None,
                counts: Path | None = None, meanwhile=None, patch: bool = False) -> dict:
    """Run the indexer as a separate process; returns what ``index`` returns (its peak RSS in KB,
    whether it patched the published index).

    ``meanwhile()``, when given, runs in this process while the indexer works (the build drops its
    articles then: freeing 17,469 of them took 0.3 s).  When the interpreter cannot be started again
    (a build that dropped privileges and whose interpreter lives in a home the new user cannot
    enter), the index is built in this process instead, after ``meanwhile``.
    """
    if not os.access(sys.executable, os.X_OK):
        if meanwhile is not None:
            meanwhile()
        started = time.perf_counter()
        outcome = index(Path(articles_json), Path(root), jobs, previous, counts, patch)
        return {**outcome, "seconds": round(time.perf_counter() - started, 3)}
    # -P: the current directory must not shadow this package with another copy.
    cmd = [sys.executable, "-P", "-m", "cppcc_archive.indexer", str(Path(articles_json).resolve()), str(Path(root).resolve())]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    if previous is not None:
        cmd += ["--previous", str(Path(previous).resolve())]
    if counts is not None:
        cmd += ["--counts", str(Path(counts).resolve())]
    if patch:
        cmd += ["--patch"]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PACKAGE_PARENT), env.get("PYTHONPATH")]))
    # Its output goes to files, not pipes: ``meanwhile`` may be long (the build writes its pages),
    # and an indexer whose pipe filled up would wait for it.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        with subprocess.Popen(cmd, stdout=out, stderr=err, env=env, stdin=subprocess.DEVNULL) as proc:
            try:
                if meanwhile is not None:
                    meanwhile()
            except BaseException:
                proc.kill()   # the build failed: no indexer left running, nor waited for
                raise
            finally:
                proc.wait()
        out.seek(0), err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"the search indexer failed (exit {proc.returncode}):\n{stderr[-3000:]}")
    outcome = json.loads(stdout.strip().splitlines()[-1])
    return {"peak_rss_kb": int(outcome["peak_rss_kb"]), "patched": bool(outcome.get("patched")),
            "seconds": float(outcome.get("seconds", 0.0)), **({"cold": str(outcome["cold"])} if "cold" in outcome else {})}


# The cache's record of the search index the published tree holds (in the indexer's version folder,
# ``cache.indexer_dir``, so that new indexer code, or a new data file, never reuses an index made by old).
LEDGER = "search-index.json"
# The folder of the documents' term counts (``termcache``), beside it.
COUNTS = "term-counts"


def _identity(path: str) -> list[int]:
    st = os.stat(path, follow_symlinks=False)
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns]


def _identities(folder: str, rel: str = ""):
    """(relative path, identity) of every file under ``folder``, in a fixed order."""
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.is_dir(follow_symlinks=False):
                yield from _identities(entry.path, f"{rel}{entry.name}/")
            else:
                st = entry.stat(follow_symlinks=False)
                yield f"{rel}{entry.name}", (st.st_ino, st.st_size, st.st_mtime_ns)


def _index_files(docs: Path) -> list[tuple[str, tuple[int, int, int]]]:
    return list(_identities(os.path.join(str(docs), "search")))


def index_record(docs: Path, files: list | None = None) -> dict:
    """What ``docs/search/`` was built from and what it holds: the identity (inode, size,
    modification time) of ``docs/articles.json``, and a digest of the names and identities of
    every file of the index (27,000 files at 10,000 seeds: 0.1 s); ``files``, when the caller has
    listed them already (``_index_files``)."""
    h = hashlib.blake2b(digest_size=16)
    listed = _index_files(docs) if files is None else files
    for rel, ident in listed:
        h.update(f"{rel}\0{ident}\n".encode("utf-8", "surrogateescape"))
    return {"source": _identity(os.path.join(str(docs), "articles.json")), "files": len(listed), "digest": h.hexdigest()}


def published_index(record: dict | None, previous: Path | None) -> list | None:
    """The files of ``previous/search`` when they, and ``previous/articles.json``, are as the last
    build left them (``record``, from ``index_record``), else None."""
    if not record or previous is None:
        return None
    try:
        files = _index_files(previous)
        held = index_record(previous, files)
    except OSError:
        return None
    return files if held == record else None


def reuse_index(record: dict | None, staging: Path, previous: Path | None, files: list | None) -> bool:
    """Link the previous tree's ``search/`` into ``staging`` when it is still right: the index
    depends only on ``articles.json`` (and on the indexer's code and the data, which the record's
    cache folder fixes), so when the staging tree's ``articles.json`` is the very file the published
    index was made from (the export links it from the previous tree when its bytes are unchanged: a
    rebuild after an edit of hand-written pages, of the site's settings or of the page writer) and every index file
    is still as that build left it, the index is not made again (about 8 s at 10,000 seeds).
    ``files``: ``published_index``'s listing (None: the published index is not as recorded).
    Returns False, leaving no ``staging/search``, when it must be made."""
    if files is None:
        return False
    try:
        if _identity(str(staging / "articles.json")) != record.get("source"):
            return False
    except OSError:
        return False
    sink = DirectorySink(staging, previous)
    try:
        linked = all(sink.reuse(f"search/{rel}", sink.path(f"search/{rel}")) for rel, _ in files)
    except OSError:   # the previous tree changed meanwhile
        linked = False
    if not linked:
        # Linking failed (another file system, a file gone): made afresh, never written into a linked file.
        shutil.rmtree(staging / "search", ignore_errors=True)
    return linked


def load_record(path: Path) -> dict | None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m cppcc_archive.indexer", description=__doc__.splitlines()[0])
    ap.add_argument("articles_json", type=Path)
    ap.add_argument("root", type=Path, help="the docs tree; the index goes to ROOT/search/")
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--previous", type=Path, default=None,
                    help="the last published tree: index files it holds unchanged are hard-linked from it")
    ap.add_argument("--counts", type=Path, default=None,
                    help="a folder where each document's term counts are kept between runs")
    ap.add_argument("--patch", action="store_true",
                    help="the index under --previous is as the last run left it: patch it when only a few "
                         "documents changed")
    args = ap.parse_args(argv)
    die_with_parent()   # a killed build takes its indexer with it
    started = time.perf_counter()
    outcome = index(args.articles_json, args.root, args.jobs, args.previous, args.counts, args.patch)
    print(json.dumps({**outcome, "seconds": round(time.perf_counter() - started, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
