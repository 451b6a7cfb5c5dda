"""Command line: parse arguments, run the pipeline, report, exit with a meaningful code.

Exit codes: 0 success; 1 ``--strict`` and problems were found; 2 usage or
configuration error (a broken data file stops the build at once).
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import re
import shutil
import sys
import time
from pathlib import Path

from .errors import ConfigError

REPO = Path(__file__).resolve().parent.parent
log = logging.getLogger("cppcc_archive")


def parse_args(argv):
    p = argparse.ArgumentParser(prog="build.py", description="Build the 政协文库 archive from seed files.")
    p.add_argument("--seeds", type=Path, default=None, help="directory of seed files (default: seeds/)")
    p.add_argument("--out", type=Path, default=None,
                   help="build everything under this directory (OUT/docs, OUT/site, OUT/articles.json, OUT/report.json) "
                        "without touching the repository's docs/ or site/")
    p.add_argument("--no-site", action="store_true", help="stop after writing Markdown and the JSON files")
    p.add_argument("--strict", action="store_true", help="exit 1 if any input had a problem")
    p.add_argument("--jobs", type=int, default=None,
                   help="parallel worker processes for the pipeline (default: one per CPU core available)")
    p.add_argument("--serve", action="store_true", help="build, then serve on 127.0.0.1 and rebuild when seeds or pages change")
    p.add_argument("--port", type=int, default=8000, help="port for --serve (default 8000)")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    p.add_argument("--no-cache", action="store_true", help="process every seed again (ignore the content-hash cache)")
    p.add_argument("--curation", type=Path, default=None,
                   help="curator overrides (default: SEEDS/curation.yaml when it exists)")
    args = p.parse_args(argv)
    if args.jobs is None:
        args.jobs = default_jobs()
    elif args.jobs < 1:
        p.error("--jobs must be at least 1")
    return args


def default_jobs() -> int:
    """CPU cores this process may run on (its affinity mask; a CPU quota such as
    ``docker --cpus`` is not seen, so pass --jobs there)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:   # not on Linux
        return os.cpu_count() or 1


def main(argv=None) -> int:
    try:
        args = parse_args(argv)
    except SystemExit as e:
        return 2 if e.code else 0
    had = set(logging.getLogger().handlers)
    logging.basicConfig(level=logging.INFO if not args.quiet else logging.WARNING, format="%(message)s")
    for handler in logging.getLogger().handlers:
        if handler not in had:   # ours, not a handler of a program that runs the build
            handler.setFormatter(_VisibleFormatter("%(message)s"))
    seeds = args.seeds or REPO / "seeds"
    if not seeds.is_dir():
        print(f"error: seeds directory {seeds} does not exist or is not a directory", file=sys.stderr)
        return 2
    try:
        report = run(seeds, args.out, site=not args.no_site, jobs=args.jobs, quiet=args.quiet, curation=args.curation,
                     use_cache=not args.no_cache)
    except ConfigError as e:
        print(f"configuration error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: the previous generated pages and site are left as they were", file=sys.stderr)
        return 130
    if args.serve:
        return serve(seeds, args.out, args.port, args.jobs)
    if args.strict and report["totals"]["problems"]:
        return 1
    return 0


# What a terminal would act on instead of showing (colour codes, a title change, a screen clear) and
# what would reorder the line (bidi controls): a seed's name or title reaches the log as written.
# A log line's own tab and newline stay; in a value (a file name) they are escaped too.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_TERMINAL_CONTROL = re.compile(f"[{_CONTROLS}]")
_ANY_CONTROL = re.compile(f"[\t\n{_CONTROLS}]")


class _VisibleFormatter(logging.Formatter):
    r"""Log lines with control characters shown as escapes.

    >>> record = logging.LogRecord("x", logging.WARNING, "", 0, "%s: file is empty", ("h19_]0;PWNED‮gpj.txt",), None)
    >>> _VisibleFormatter("%(message)s").format(record)
    'h19_\\x1b]0;PWNED\\x07\\u202egpj.txt: file is empty'
    >>> record.args = ("k_new\nline.txt",)
    >>> _VisibleFormatter("%(message)s").format(record)
    'k_new\\nline.txt: file is empty'
    """

    def format(self, record: logging.LogRecord) -> str:
        if isinstance(record.args, tuple) and record.args:
            # The values (file names, titles) may not break the line either: a name holding a newline
            # would forge a log line of its own.
            record = logging.makeLogRecord({**record.__dict__, "args": tuple(
                _ANY_CONTROL.sub(_escaped, a) if isinstance(a, str) else a for a in record.args)})
        return _TERMINAL_CONTROL.sub(_escaped, super().format(record))


def _escaped(m: re.Match) -> str:
    return m.group().encode("unicode_escape").decode("ascii")


def layout(out: Path | None) -> dict[str, Path]:
    """Where a build writes: the repo's docs/ and site/, or everything under --out."""
    if out is None:
        return {"docs": REPO / "docs", "site": REPO / "site",
                "config": REPO / ".cache" / "mkdocs.yml", "export_dir": None, "cache": REPO / ".cache" / "pipeline"}
    out = out.resolve()
    return {"docs": out / "docs", "site": out / "site",
            "config": out / "mkdocs.yml", "export_dir": out, "cache": out / ".cache" / "pipeline"}


def run(seeds: Path, out: Path | None, site: bool = True, jobs: int = 1, quiet: bool = False,
        curation: Path | None = None, use_cache: bool = True) -> dict:
    with contextlib.ExitStack() as held:   # the cache's lock (``cache.in_use``), from the start to the end
        try:
            return _run(seeds, out, site, jobs, quiet, curation, use_cache, held)
        finally:
            gc.unfreeze()   # a --serve process builds again: what this build froze may now be collected


def _run(seeds: Path, out: Path | None, site: bool, jobs: int, quiet: bool, curation: Path | None,
         use_cache: bool, held: contextlib.ExitStack) -> dict:
    from . import pipeline, write
    from .cache import indexer_dir, writer_dir
    from .clean.boilerplate import load_rules
    from .tag.gazetteer import load_gazetteer
    from .tag.topics import load_taxonomy
    from .tag.keywords import load_stopwords, load_userdict
    from .convert import load_overrides

    # Data files first: a broken one stops the build before any work.
    load_gazetteer(), load_taxonomy(), load_rules(), load_userdict(), load_stopwords(), load_overrides()
    seeds_url = seeds_address(os.environ.get("SEEDS_URL", ""))
    from .curation import curation_file, load_curation

    curation_path = curation or curation_file(seeds)
    curated = load_curation(curation_path)
    paths = layout(out)
    if curated:
        from .curation import check_seed_names
        from .read import Unreadable, discover, display_name

        files = {display_name(p.relative_to(seeds).as_posix()): p for p in discover(seeds) if not isinstance(p, Unreadable)}
        check_seed_names(curation_path, curated, list(files),
                         _renamed_files(paths["cache"] if use_cache else None, curated, files))
    _recover(paths)
    t0 = time.perf_counter()
    stages = _StageClock()
    bar = _progress(quiet)
    cache_dir = paths["cache"] if use_cache else None
    if cache_dir is not None:
        from . import cache

        held.enter_context(cache.in_use(cache_dir))
        cache.prune(cache_dir)
    results = pipeline.gather(seeds, jobs=jobs, progress=bar, curation=curated, cache_dir=cache_dir,
                              keep_raw=not seeds_url, freeze_hits=True)
    if bar:
        bar(close=True)
    stages("gather")
    # The corpus lives until the exports: frozen, the garbage collector's collections no longer walk
    # its millions of objects (each full one did), and forked workers do not copy the pages of
    # memory that a collection would touch (CPython's advice for forking servers).
    gc.freeze()
    articles, report = pipeline.assemble(results)
    gc.freeze()
    stages("assemble")
    splits_state = None
    if cache_dir is not None:
        from .curation import SPLITS_STATE, moved_by_splits

        splits_state = Path(cache_dir) / SPLITS_STATE
        _add_problems(report, moved_by_splits(_read_state(splits_state), curated, articles, paths["docs"] / "articles.json"))
        from . import renames

        articles_state, seed_digests = Path(cache_dir) / renames.STATE, renames.seed_digests(results)
        _add_problems(report, renames.renamed(renames.valid_state(_read_state(articles_state)), seed_digests,
                                              {r.name: len(r.articles) for r in results}))
    for f in report["files"]:
        for p in f["problems"]:
            log.warning("%s: %s", p["file"], p["message"])
    template = (REPO / "docs" / write.HOME_TEMPLATE).read_text(encoding="utf-8")
    from . import feeds

    site_url = feeds.normalize_site_url(os.environ.get("SITE_URL", ""))  # the variable mkdocs.yml reads
    first = feeds.first_commit_dates(seeds)
    entered = feeds.entered_dates(({"id": a.id, "date": a.date, "date_source": a.date_source, "source_file": a.source_file}
                                   for a in articles), first)
    docs = paths["docs"]
    staging = docs.parent / f".{docs.name}.staging"
    if staging.exists():
        shutil.rmtree(staging)
    # Files go to disk as they are made: the build never holds the whole site in memory.
    # Files the published tree already holds byte for byte are linked from it, not written again.
    previous = docs if docs.is_dir() else None
    sink = write.DirectorySink(staging, previous)
    from_cache = sum(1 for r in results if r.from_cache)
    raw_texts = {r.name: r.raw_text for r in results if r.raw_text is not None}
    seed_keys = {r.name: r.key for r in results if r.key}
    del results   # write_site empties raw_texts as it goes
    name_keys = ledger = record_ledger = None
    if cache_dir is not None:
        from .pagecache import LEDGER, RECORDS, PageLedger, RecordLedger

        name_keys = writer_dir(cache_dir) / "name-order.json"
        ledger = PageLedger.load(writer_dir(cache_dir) / LEDGER, previous, seed_keys)
        record_ledger = RecordLedger.load(writer_dir(cache_dir) / RECORDS, previous, seed_keys)
    tags = sorted({t for a in articles for t in write.tags_for(a)})
    # The exports first: the search index is made from articles.json alone, by an indexer process of
    # its own (issue 5: this one never holds the postings), which can then patch the published index
    # while this process and its workers write the pages.  One after the other, a one-seed rebuild
    # at 10,000 seeds spent 3.0-3.2 s on the pages and 2.5-3.8 s on the (single-process) patch.
    _write_exports(sink, articles, report, jobs,
                   lambda recs, summarize: feeds.render_feeds(recs, site_url, seeds, first=first, summarize=summarize)[0],
                   seeds_url, record_ledger, site_url)
    stages("exports")
    from . import indexer

    written: dict = {}

    def pages() -> None:
        written["entries"] = write.write_site(sink, articles, report, raw_texts, template, site_url=site_url,
                                              entered=entered, jobs=jobs, seeds_url=seeds_url, name_keys=name_keys,
                                              ledger=ledger)
        stages("pages")
        written["rss"] = _peak_rss_kb()   # the indexer, still running or not waited for, is not in it
        articles.clear()   # not needed any more: dropped while the indexer finishes

    search_record = indexer_dir(cache_dir) / indexer.LEDGER if cache_dir is not None else None
    record = indexer.load_record(search_record) if search_record is not None else None
    published = indexer.published_index(record, previous)   # None unless it is as that build left it
    reused = indexer.reuse_index(record, staging, previous, published)
    counts = indexer_dir(cache_dir) / indexer.COUNTS if cache_dir is not None else None
    overlap, indexer_seconds = False, 0.0
    if reused:
        indexer_rss, patched, cold = 0, False, None
        pages()
    else:
        # Only a patch of the published index (one process) leaves a core the pages can use; an index
        # made afresh uses every core, as the pages do (at 10,000 seeds, cold, 23.5 s one after the
        # other and 23.6 s overlapped), so it waits for them and the stage clock keeps the two apart.
        # With --jobs 1 the build uses one core at a time.  (A patch that turns out impossible, as
        # when many texts changed, makes the index afresh beside the pages: slower, never wrong.)
        overlap = published is not None and jobs > 1
        if not overlap:
            pages()
        outcome = indexer.run_indexer(staging / "articles.json", staging, jobs, previous=previous, counts=counts,
                                      meanwhile=pages if overlap else None, patch=published is not None)
        indexer_rss, patched, cold = outcome["peak_rss_kb"], outcome["patched"], outcome.get("cold")
        indexer_seconds = outcome["seconds"]   # its own wall time, from its start to its end
    page_entries, pipeline_rss = written["entries"], written["rss"]
    stages("search_index")
    if out is not None:
        # An --out tree is all ours: hand-written pages are copied in and the
        # whole tree is swapped in one step.
        _copy_handwritten(REPO / "docs", staging, previous)
        write.publish_tree(staging, docs)
    else:
        write.publish(staging, docs)
    if paths["export_dir"] is not None:
        for rel in ("articles.json", "report.json"):
            write.copy_atomic(docs / rel, paths["export_dir"] / rel)
    if ledger is not None:
        from .pagecache import save

        save(writer_dir(cache_dir) / LEDGER, page_entries)   # after the swap: it describes the tree now published
        record_ledger.save(writer_dir(cache_dir) / RECORDS)
    if splits_state is not None:   # after the swap, as the ledgers: they describe the published tree
        import json

        from .cache import save_file
        from .curation import splits_of

        save_file(splits_state, json.dumps(splits_of(curated), ensure_ascii=False, sort_keys=True))
        save_file(articles_state, json.dumps(seed_digests, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    if search_record is not None:
        import json

        from .cache import save_file

        try:
            save_file(search_record, json.dumps(indexer.index_record(docs), sort_keys=True, separators=(",", ":")))
        except OSError:   # only costs the next build the index's time
            pass
    stages("publish")
    t1 = time.perf_counter()
    _write_build_stats(paths["cache"].parent / "last-build.json", {
        "pipeline_seconds": round(t1 - t0, 3), "jobs": jobs, "stage_seconds": stages.seconds,
        "peak_rss_mb_after_stage": stages.peak_rss_mb,
        "pipeline_peak_rss_mb": round(pipeline_rss / 1024, 1), "search_indexer_peak_rss_mb": round(indexer_rss / 1024, 1),
        "search_index_reused": reused, "search_index_patched": patched,
        # With the pages beside it, the indexer's own time is not the search_index stage (the wait after them).
        "search_index_beside_pages": overlap, "search_indexer_seconds": round(indexer_seconds, 3),
        **({"search_index_not_patched": cold} if cold else {})})
    from .site import build_site, effective_config

    paths["config"].parent.mkdir(parents=True, exist_ok=True)
    cfg = effective_config(paths["config"], docs, paths["site"], tags)
    if site:
        build_site(cfg, paths["site"], quiet=True, jobs=jobs)
    t2 = time.perf_counter()
    if not quiet:
        tot = report["totals"]
        log.info("%d file(s) → %d article(s), %d problem(s); pipeline %.1fs" + (", site %.1fs" if site else ""),
                 tot["files"], tot["articles"], tot["problems"], t1 - t0, *((t2 - t1,) if site else ()))
        if from_cache:   # a curator who changed nothing sees why the build was quick
            log.info("%d of %d file(s) unchanged since an earlier build: their results came from the cache "
                     "(--no-cache processes every file again)", from_cache, tot["files"])
        if site:
            rel = os.path.relpath(paths["site"])
            shown = paths["site"] if rel.startswith("..") else rel
            log.info("site: %s (browse it with `python3 -m http.server -d %s`, or build with --serve)", shown, shown)
    return report


def _renamed_files(cache_dir: Path | None, curated: dict, files: dict[str, Path]) -> dict[str, str]:
    """The curated seeds that are gone, each with the name its file has now, where the file (its device
    and inode, as the last build recorded them: ``cache.SeedStats``) is still here: a seed renamed."""
    missing = [seed for seed in curated if seed not in files]
    if not missing or cache_dir is None:
        return {}
    from .cache import SeedStats

    known = SeedStats.load(Path(cache_dir)).known
    wanted = {tuple(known[seed][0][:2]): seed for seed in missing if seed in known}
    found = {}
    for name, path in files.items() if wanted else ():
        try:
            st = os.stat(path)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in wanted:
            found[wanted[(st.st_dev, st.st_ino)]] = name
    return found


def _read_state(path: Path):
    """A small JSON state file of the cache, or ``None`` when it is missing or unreadable."""
    import json

    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _add_problems(report: dict, problems: list) -> None:
    """Problems found after ``assemble`` made the report, under their files and in the totals."""
    by_file = {f["file"]: f for f in report["files"]}
    for p in problems:
        by_file[p.source_file]["problems"].append(p.as_dict())
        report["totals"]["problems"] += 1


def _write_exports(sink, articles: list, report: dict, jobs: int, make_feeds, seeds_url: str = "",
                   ledger=None, site_url: str = "") -> None:
    """The feeds (``make_feeds(records, summarize)``: path → XML), ``articles.json``, the data page,
    ``report.json`` and ``articles.csv``.  With more than one job the feeds and the CSV are made by
    a forked worker while this process writes the two JSON files and the data page: both halves are
    single-threaded, 1–2 s each at 10,000 seeds (the exports stage of a one-seed rebuild went from
    4.4–4.8 to 3.9–4.0 s).  ``ledger``: a ``pagecache.RecordLedger``, whose unchanged objects
    ``articles.json`` copies from the published file."""
    from . import feeds, write
    from .model import article_summary
    from .workers import can_fork, fork_map

    def feeds_and_csv(_shared=None, _chunk=None) -> None:
        # The fields the feeds and the CSV read, never a second copy of every text; a summary is
        # made only for an article a feed shows (the newest 50 of each).
        records = [write.listing_record(a, seeds_url) for a in articles]
        by_id = {a.id: a for a in articles}
        feed_files = make_feeds(records, lambda r: article_summary(by_id[r["id"]]))
        feed_files.update(feeds.alternate_sitemaps(feed_files))
        for rel, content in feed_files.items():
            sink(rel, content)
        sink("articles.csv", write.articles_csv(records, site_url))

    def json_files() -> None:
        size = sink.stream_bytes("articles.json", write.articles_json_bytes(articles, seeds_url, ledger))
        if ledger is not None:
            ledger.wrote(sink.path("articles.json"))
        sink("data.md", write.data_page(size))   # it gives the file's size
        sink("report.json", write.dumps_json(report))

    if jobs > 1 and can_fork() and isinstance(sink, write.DirectorySink):
        fork_map(feeds_and_csv, None, [0], 1, meanwhile=json_files)
    else:
        feeds_and_csv()
        json_files()


class _StageClock:
    """Wall time of each build stage, and this process's peak RSS when it ended, for the stats file."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self.peak_rss_mb: dict[str, float] = {}
        self._last = time.perf_counter()

    def __call__(self, stage: str) -> None:
        import resource

        now = time.perf_counter()
        self.seconds[stage] = round(now - self._last, 3)
        self.peak_rss_mb[stage] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        self._last = now


def _peak_rss_kb() -> int:
    """Peak RSS so far of this process and of the worker processes it has waited for."""
    import resource

    return max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def _write_build_stats(path: Path, stats: dict) -> None:
    """Timings and memory of the last build, for benchmarks (never published: they vary per run)."""
    import json

    from .write import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(stats, indent=1) + "\n")


def seeds_address(url: str) -> str:
    """``SEEDS_URL``: where the seed files are on the web (e.g. the repository's seeds/ folder on GitHub).

    When set, article pages link each original text there and the site
    carries no copies of them (at 10,000 seeds the copies are 227 MB of a
    Pages site limited to 1 GB).
    """
    url = url.strip()
    if not url:
        return ""
    if not url.endswith("/"):
        url += "/"
    if not re.fullmatch(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?/[A-Za-z0-9._~%/-]*", url):
        raise ConfigError("SEEDS_URL", None, f"{url!r} is not an http(s) address of a folder (letters, digits and ._~%/- only)")
    return url


def _recover(paths: dict) -> None:
    """Clean up after a build that was killed: restore moved-aside trees, drop staging ones."""
    from .atomic import recover

    for key in ("docs", "site"):
        target = paths[key]
        recover(target, target.parent / f".{target.name}.staging")


def _copy_handwritten(src: Path, dst: Path, previous: Path | None = None) -> None:
    """An --out build gets its own copy of the hand-written pages (never the generated ones);
    those the previous tree holds unchanged are linked from it, as generated files are."""
    from .write import GENERATED, DirectorySink

    reuse = DirectorySink(dst, previous) if previous is not None else None

    def copy(s, d):
        if reuse is not None and reuse.reuse(os.path.relpath(d, dst), str(d), Path(s).read_bytes()):
            return d
        return shutil.copy2(s, d)

    dst.mkdir(parents=True, exist_ok=True)
    for item in sorted(src.iterdir()):
        if item.name in GENERATED or item.name.startswith("."):
            continue
        target = dst / item.name
        if item.is_dir():
            shutil.copytree(item, target, dirs_exist_ok=True, copy_function=copy)
        else:
            copy(item, target)


def _progress(quiet: bool):
    """A progress bar on a terminal; nothing in CI or when piped."""
    if quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    from tqdm import tqdm

    bar = tqdm(unit=" seeds", desc="pipeline", leave=False)

    def tick(close: bool = False):
        bar.close() if close else bar.update(1)

    return tick


def serve(seeds: Path, out: Path | None, port: int, jobs: int) -> int:
    """Serve on 127.0.0.1; MkDocs rebuilds on page changes, we rerun the pipeline on seed changes."""
    import subprocess

    from .mkdocs_hooks import PREVIEW_ENV

    paths = layout(out)
    # --dirty: a rebuild renders only the pages whose Markdown changed (the pipeline links unchanged
    # files from the last tree, so their times stay): after one seed's edit at 10,000 seeds, 4 pages
    # and 3.5 s instead of 46,000 files and 75 s, the same site as a full build (BENCHMARKS.md).
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(paths["config"]),
                             "--dev-addr", f"127.0.0.1:{port}", "--no-strict", "--dirty"],
                            env={**os.environ, PREVIEW_ENV: "1"})
    print(f"serving on http://127.0.0.1:{port}/ (Ctrl+C to stop)")

    def snapshot():
        state = {}
        for root, _, files in os.walk(seeds):
            for f in files:
                p = os.path.join(root, f)
                try:
                    st = os.stat(p)
                    state[p] = (st.st_mtime_ns, st.st_size)
                except OSError:
                    pass
        return state

    last = snapshot()
    import signal

    def stop(signum, frame):
        raise KeyboardInterrupt  # so the MkDocs server below is stopped too

    signal.signal(signal.SIGTERM, stop)
    try:
        while proc.poll() is None:
            time.sleep(1.0)
            now = snapshot()
            if now != last:
                last = now
                print("seeds changed: rebuilding pages")
                try:
                    run(seeds, out, site=False, jobs=jobs, quiet=True)
                except ConfigError as e:
                    print(f"configuration error: {e}", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 0
