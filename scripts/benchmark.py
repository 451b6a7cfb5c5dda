#!/usr/bin/env python3
"""Benchmark of the 政协文库 build on synthetic corpora (issue 7).

For each size N (default 1000 and 10000, ``--quick`` = 200 only), in one run:

* a synthetic corpus (``scripts/make_corpus.py``, cached under ``--work``);
* the segmentation floor: ``rjieba.cut`` over every corpus file's text, in
  this process, plus ``jieba.lcut`` (0.42.1) on a sample for its chars/s;
* the pipeline stage, ``build.py --seeds C --out OUT --no-site --quiet`` in a
  subprocess (cold: OUT removed first), with ``--jobs 1`` and ``--jobs 2``:
  wall time, articles/s, ratio to the floor, peak RSS (``wait4`` rusage of
  the child, the largest process of its tree, not the sum);
* the MkDocs build of OUT/mkdocs.yml with ``cppcc_archive.site.build_site``
  (our configuration) in a subprocess: time and peak RSS; full build =
  pipeline (--jobs 1) + MkDocs;
* stock Material on the same OUT/docs (the repository's mkdocs.yml with no
  custom_dir, no hooks, plugins exactly ``search: {lang: zh}`` (jieba) and
  ``tags``) and the ratio full build / stock (target ≤ 0.7);
* site size (du and apparent), HTML bytes per article page (mean, max over
  OUT/site/a/*/index.html), the search payload of a first query
  (``cppcc_archive.search.search_payload_bytes`` if present, else the size
  of site/search/search_index.json);
* an incremental rebuild: one seed changed in the already built OUT, the
  pipeline rerun with ``--no-site``.

MkDocs builds are skipped above ``--site-max`` (say so in the results).
``--profile`` runs cProfile on the pipeline stage in-process at the first
size and prints the top costs.  ``--json PATH`` writes every figure.

    .venv/bin/python scripts/benchmark.py --quick
    .venv/bin/python scripts/benchmark.py --sizes 1000,10000 --json bench.json
"""
from __future__ import annotations

import argparse
import datetime
import importlib
import inspect
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
# The code that is measured: a snapshot of the repository taken at the start of
# the run (see snapshot()), so edits made meanwhile neither mix code versions
# nor invalidate the pipeline cache between the runs being compared.
CODE = REPO
SNAPSHOT_ITEMS = ("build.py", "cppcc_archive", "mkdocs.yml", "overrides", "docs")

QUERY = "政协委员"


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- helpers

# A tiny launcher forks the measured command and reports its wait4 rusage.  Linux
# records the RSS of the image a process exec()s over, so a child forked straight
# from this (large) process would report at least our own RSS as its peak.
_LAUNCHER = r"""
import json, os, sys, time
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execv(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t0
with open(sys.argv[1], "w") as fh:
    json.dump({"wall": wall, "rc": os.waitstatus_to_exitcode(status), "maxrss_kb": ru.ru_maxrss,
               "cpu": ru.ru_utime + ru.ru_stime}, fh)
"""


SEEDS_URL = "https://github.com/OWNER/REPO/blob/main/seeds/"   # --raw-copies clears it


def run_child(cmd: list[str], log_path: Path, cwd: Path | None = None) -> dict:
    """Run a command; wall time, exit code, CPU time and peak RSS (MB, the largest process of its tree)."""
    env = dict(os.environ)
    env.pop("CI", None)
    if SEEDS_URL:
        env["SEEDS_URL"] = SEEDS_URL   # as the Pages workflow builds: originals linked, not copied
    load_before = os.getloadavg()[0]
    rfile = log_path.with_suffix(".rusage.json")
    rfile.unlink(missing_ok=True)
    with open(log_path, "wb") as fh:
        subprocess.run([sys.executable, "-S", "-c", _LAUNCHER, str(rfile), *map(str, cmd)], cwd=cwd or CODE,
                       stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
    try:
        ru = json.loads(rfile.read_text())
    except (OSError, ValueError):
        ru = {"wall": float("nan"), "rc": -1, "maxrss_kb": 0, "cpu": 0.0}
    out = {"seconds": round(ru["wall"], 3), "rc": ru["rc"], "peak_rss_mb": round(ru["maxrss_kb"] / 1024, 1),
           "cpu_seconds": round(ru["cpu"], 2),
           # 1-minute load average before and after: other work on the machine skews wall times
           "load_avg": [round(load_before, 2), round(os.getloadavg()[0], 2)]}
    if out["rc"] != 0:
        tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
        out["error_tail"] = tail
        log(f"command failed ({out['rc']}): {' '.join(map(str, cmd))}\n{tail}")
    return out


def du(path: Path) -> dict:
    """Disk usage (like du) and apparent size of a tree, and its file count."""
    blocks = apparent = files = 0
    for root, _, names in os.walk(path):
        for n in names:
            st = os.lstat(os.path.join(root, n))
            blocks += st.st_blocks * 512
            apparent += st.st_size
            files += 1
    return {"du_mb": round(blocks / 2**20, 1), "apparent_mb": round(apparent / 2**20, 1), "files": files}


def machine() -> dict:
    mem = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    cpu = platform.processor()
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for dist in ("mkdocs", "mkdocs-material", "rjieba", "jieba", "opencc", "ahocorasick-rs"):
        try:
            from importlib.metadata import version

            versions[dist] = version(dist)
        except Exception:
            versions[dist] = None
    git = {}
    try:
        git["head"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO, capture_output=True, text=True).stdout
        git["modified_files"] = [x[3:] for x in dirty.splitlines()]
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpus_usable": len(os.sched_getaffinity(0)), "ram": mem, "cpu": cpu,
            "python": platform.python_version(), "platform": platform.platform(), "packages": versions, "git": git}


def snapshot(work: Path) -> Path:
    """Copy the code, configuration and hand-written pages the build uses; run everything from the copy."""
    global CODE
    dst = work / "code"
    shutil.rmtree(dst, ignore_errors=True)
    dst.mkdir(parents=True)
    generated = {"index.md", "a", "regions", "topics", "sources", "dates.md", "people.md", "tags.md", "report.md",
                 "raw", "articles.json", "report.json", "articles.csv", "data.md", "stats.md"}

    def ignore(directory, names):
        skip = {n for n in names if n == "__pycache__" or n.endswith(".pyc") or n.startswith(".")}
        if Path(directory) == REPO / "docs":
            skip |= generated & set(names)  # the build writes these; copying the repo's would only cost time
        return skip

    for item in SNAPSHOT_ITEMS:
        src = REPO / item
        if src.is_dir():
            shutil.copytree(src, dst / item, ignore=ignore)
        elif src.exists():
            shutil.copy2(src, dst / item)
    import compileall

    compileall.compile_dir(dst / "cppcc_archive", quiet=1)
    CODE = dst
    sys.path.insert(0, str(dst))
    return dst


def corpus(n: int, work: Path, seed: int) -> Path:
    from make_corpus import make_corpus

    d = work / f"corpus-{n}-s{seed}"
    marker = work / f"corpus-{n}-s{seed}.complete"  # outside: the build would report it as a seed
    if not marker.exists():
        t0 = time.perf_counter()
        shutil.rmtree(d, ignore_errors=True)
        make_corpus(n, d, seed)
        marker.write_text("ok\n")
        log(f"corpus {n}: generated in {time.perf_counter() - t0:.1f}s")
    return d


def seed_files(c: Path) -> list[Path]:
    return sorted(p for p in c.iterdir() if p.is_file() and not p.name.startswith("."))


# ---------------------------------------------------------------- measurements

def segmentation_floor(files: list[Path]) -> dict:
    import rjieba

    texts = [p.read_bytes().decode("utf-8", errors="replace") for p in files]
    rjieba.cut("政协委员围绕中心大局建言资政")  # dictionary load outside the timing
    chars = sum(len(t) for t in texts)
    t0 = time.perf_counter()
    tokens = 0
    for t in texts:
        tokens += len(rjieba.cut(t))
    dt = time.perf_counter() - t0
    return {"seconds": round(dt, 3), "chars": chars, "tokens": tokens, "chars_per_s": round(chars / dt)}


def jieba_sample(files: list[Path], max_chars: int) -> dict:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    sample, n = [], 0
    for p in files:
        t = p.read_bytes().decode("utf-8", errors="replace")
        sample.append(t)
        n += len(t)
        if n >= max_chars:
            break
    t0 = time.perf_counter()
    for t in sample:
        jieba.lcut(t)
    dt = time.perf_counter() - t0
    return {"version": jieba.__version__, "sample_chars": n, "seconds": round(dt, 3), "chars_per_s": round(n / dt)}


def pipeline(c: Path, out: Path, jobs: int, logs: Path) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    r = run_child([sys.executable, "build.py", "--seeds", str(c), "--out", str(out), "--no-site", "--quiet",
                   "--jobs", str(jobs)], logs / f"{out.name}-pipeline-j{jobs}.log")
    try:
        totals = json.loads((out / "report.json").read_text(encoding="utf-8"))["totals"]
        r["articles"] = totals["articles"]
        r["problems"] = totals["problems"]
        r["duplicates"] = totals["duplicates"]
        r["articles_per_s"] = round(totals["articles"] / r["seconds"], 1)
    except (OSError, ValueError, KeyError):
        pass
    build_stats(out, r)
    return r


def floor_ratios(p: dict, floor_seconds: float) -> None:
    """A pipeline run's wall time, with and without the search index, over the segmentation floor."""
    p["ratio_to_floor"] = round(p["seconds"] / floor_seconds, 1)
    if "without_search_s" in p:
        p["ratio_to_floor_without_search"] = round(p["without_search_s"] / floor_seconds, 1)


def build_stats(out: Path, r: dict) -> None:
    """The build's own figures (``OUT/.cache/last-build.json``): its split of memory between the pipeline's
    processes and the separate search indexer, and the wall time of each stage.  The issue defines the
    pipeline stage as read → clean → convert → tag → write Markdown and JSON: the search index is a
    stage of its own (``without_search_s``), except when the build patched it while writing the pages
    (``search_index_beside_pages``: then only the indexer's own wall time is given)."""
    try:
        stats = json.loads((out / ".cache" / "last-build.json").read_text(encoding="utf-8"))
        r["rss_without_indexer_mb"] = stats["pipeline_peak_rss_mb"]
        r["search_indexer_rss_mb"] = stats["search_indexer_peak_rss_mb"]
        r["stage_seconds"] = stages = stats["stage_seconds"]
        r["rss_mb_after_stage"] = stats.get("peak_rss_mb_after_stage")
        r["search_index_s"] = stages["search_index"]
        if stats.get("search_index_beside_pages"):
            # The indexer patched the index while the pages were written: its time is not separable.
            r["search_index_beside_pages"] = True
            r["search_indexer_s"] = stats.get("search_indexer_seconds")
        else:
            r["without_search_s"] = round(r["seconds"] - stages["search_index"], 2)
        r["search_index_how"] = ("reused" if stats.get("search_index_reused") else
                                 "patched" if stats.get("search_index_patched") else "made")
    except (OSError, ValueError, KeyError):
        pass


def mkdocs_ours(out: Path, logs: Path) -> dict:
    # As build.py runs it: the pages are minified afterwards by one process per core.
    code = ("import sys; from pathlib import Path; from cppcc_archive.site import build_site; "
            "from cppcc_archive.cli import default_jobs; "
            "build_site(Path(sys.argv[1]), Path(sys.argv[2]), quiet=True, jobs=default_jobs())")
    shutil.rmtree(out / "site", ignore_errors=True)
    return run_child([sys.executable, "-c", code, str(out / "mkdocs.yml"), str(out / "site")],
                     logs / f"{out.name}-mkdocs.log")


def mkdocs_no_search(out: Path, logs: Path) -> dict:
    """Our configuration with the built-in search plugin removed: what MkDocs costs once search is our own."""
    import re

    text = (out / "mkdocs.yml").read_text(encoding="utf-8")
    site = out / "site-nosearch"
    new = re.sub(r"(?m)^  - search:\n(?:      .*\n)*", "", text)
    new = re.sub(r"(?m)^  - search\n", "", new)
    if new == text:
        return {"note": "our configuration has no search plugin: nothing to remove"}
    if "search" in re.findall(r"(?m)^  - (\w+)", new):
        return {"note": "could not remove the search plugin from OUT/mkdocs.yml"}
    new = re.sub(r"(?m)^site_dir: .*$", "site_dir: " + json.dumps(str(site)), new)
    cfg = out / "mkdocs-nosearch.yml"
    cfg.write_text(new, encoding="utf-8")
    shutil.rmtree(site, ignore_errors=True)
    r = run_child([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(cfg)], logs / f"{out.name}-nosearch.log")
    shutil.rmtree(site, ignore_errors=True)
    return r


def mkdocs_stock(out: Path, work: Path, logs: Path) -> dict:
    empty = work / "empty-custom-dir"
    empty.mkdir(parents=True, exist_ok=True)
    cfg = out / "mkdocs-stock.yml"
    site = out / "site-stock"
    j = json.dumps
    cfg.write_text("\n".join([
        "# Stock Material on the same Markdown: base config, no custom_dir, no hooks, built-in search (jieba).",
        f"INHERIT: {j(str(CODE / 'mkdocs.yml'))}",
        f"docs_dir: {j(str(out / 'docs'))}",
        f"site_dir: {j(str(site))}",
        "strict: false",
        "hooks: []",
        "theme:",
        "  name: material",
        f"  custom_dir: {j(str(empty))}",
        "plugins:",
        "  - search:",
        "      lang: zh",
        "  - tags:",
        "      tags_hierarchy: true",
        "",
    ]), encoding="utf-8")
    shutil.rmtree(site, ignore_errors=True)
    r = run_child([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(cfg)], logs / f"{out.name}-stock.log")
    if site.exists():
        r["site"] = du(site)
        shutil.rmtree(site, ignore_errors=True)  # disk: keep only ours
    return r


def site_figures(out: Path) -> dict:
    site = out / "site"
    if not site.exists():
        return {}
    pages = sorted((site / "a").glob("*/index.html"))
    sizes = [p.stat().st_size for p in pages]
    res = {"site": du(site), "article_pages": len(pages)}
    if sizes:
        res["article_html_bytes_mean"] = round(statistics.mean(sizes))
        res["article_html_bytes_median"] = round(statistics.median(sizes))
        res["article_html_bytes_max"] = max(sizes)
        res["article_html_bytes_total_mb"] = round(sum(sizes) / 2**20, 1)
    parts, apparent = {}, {}
    for child in sorted(site.iterdir()):
        parts[child.name] = du(child)["du_mb"] if child.is_dir() else round(child.stat().st_blocks * 512 / 2**20, 1)
        apparent[child.name] = du(child)["apparent_mb"] if child.is_dir() else round(child.stat().st_size / 2**20, 1)
    res["site_parts_du_mb"] = dict(sorted(parts.items(), key=lambda kv: -kv[1])[:12])
    res["site_parts_apparent_mb"] = dict(sorted(apparent.items(), key=lambda kv: -kv[1])[:12])
    idx = site / "search" / "search_index.json"
    if idx.exists():
        import gzip

        data = idx.read_bytes()
        res["search_index_json_bytes"] = len(data)
        res["search_index_json_gzip_bytes"] = len(gzip.compress(data, 6))
    return res


def search_payload(out: Path) -> dict:
    """Bytes fetched for a first query, via ``cppcc_archive.search`` if it exists.

    ``search_payload_bytes(files, query, pages=site)`` takes the index files as a
    dict (path under the site, e.g. ``search/manifest.json`` → content) and the
    built site, whose article pages the client fetches for the text of the
    results shown (the index holds none); the figure is uncompressed bytes.  If
    the site has no such index yet (the module is not wired into the build), the
    index is built here from OUT/articles.json with ``build_search_files``.
    """
    try:
        mod = importlib.import_module("cppcc_archive.search")
    except ImportError as e:
        return {"note": f"cppcc_archive.search absent ({e}); figure = site/search/search_index.json"}
    fn = getattr(mod, "search_payload_bytes", None)
    if fn is None:
        return {"note": "cppcc_archive.search has no search_payload_bytes; figure = site/search/search_index.json"}
    res: dict = {"query": QUERY, "signature": str(inspect.signature(fn))}
    site = out / "site"
    try:
        if (site / "search" / "manifest.json").exists():
            files = {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "search").rglob("*") if p.is_file()}
            res["index_source"] = "site/search"
        elif hasattr(mod, "build_search_files"):
            records = json.loads((out / "articles.json").read_text(encoding="utf-8"))
            t0 = time.perf_counter()
            files = mod.build_search_files(records)
            res["index_build_seconds_in_benchmark"] = round(time.perf_counter() - t0, 2)
            res["index_source"] = "built by the benchmark from articles.json (not part of the site build yet)"
        else:
            return dict(res, note="no search/manifest.json in the site and no build_search_files")
        res["index_files"] = len(files)
        res["index_bytes"] = sum(len(v if isinstance(v, bytes) else v.encode("utf-8")) for v in files.values())
        t0 = time.perf_counter()
        res["payload"] = fn(files, QUERY, pages=site)
        res["seconds"] = round(time.perf_counter() - t0, 3)
        if hasattr(mod, "run_query"):   # the same query, in parts: article pages, and gzip'd (estimate)
            q = mod.run_query(files, QUERY, pages=site)
            res["payload_pages"], res["payload_gzip_estimate"] = q.get("page_bytes"), q.get("gzip_bytes")
    except Exception as e:  # another engineer's work in progress: report, never fail the benchmark
        res["note"] = f"search_payload_bytes failed: {type(e).__name__}: {e}"[:500]
    return res


def incremental(c: Path, out: Path, logs: Path) -> dict:
    """Change one seed of an already built archive, rerun the pipeline (--no-site), restore the seed."""
    files = seed_files(c)
    target = files[len(files) // 2]
    original = target.read_bytes()
    changed = original.replace("。".encode(), "。本报讯更新。".encode(), 1)
    if changed == original:
        changed = original + "\n政协委员在会上作了补充发言。\n".encode()
    try:
        target.write_bytes(changed)
        r = run_child([sys.executable, "build.py", "--seeds", str(c), "--out", str(out), "--no-site", "--quiet"],
                      logs / f"{out.name}-incremental.log")
    finally:
        target.write_bytes(original)
    r["changed_file"] = target.name
    build_stats(out, r)
    return r


def profile_pipeline(c: Path, work: Path, top: int = 30) -> dict:
    import cProfile
    import io
    import pstats

    from cppcc_archive import cli

    out = work / "profile-out"
    shutil.rmtree(out, ignore_errors=True)
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    cli.run(c, out, site=False, jobs=1, quiet=True)
    prof.disable()
    wall = time.perf_counter() - t0
    path = work / f"pipeline-{len(seed_files(c))}.prof"
    prof.dump_stats(str(path))
    st = pstats.Stats(prof)
    total = st.total_tt
    rows = []
    for (fname, line, func), (cc, nc, tt, ct, _) in st.stats.items():
        rows.append({"function": f"{_short(fname)}:{line}({func})", "calls": nc, "tottime": round(tt, 3), "cumtime": round(ct, 3)})
    by_mod: dict[str, float] = {}
    for (fname, _, func), (_, _, tt, _, _) in st.stats.items():
        key = _short(fname) if not fname.startswith("~") else f"builtin {func.split(' of ')[0]}"
        by_mod[key] = by_mod.get(key, 0.0) + tt
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(40)
    (work / f"pipeline-{len(seed_files(c))}.cumulative.txt").write_text(buf.getvalue())
    return {
        "wall_seconds_under_profiler": round(wall, 2),
        "profile_file": str(path),
        "top_tottime": [dict(r, pct=round(100 * r["tottime"] / total, 1)) for r in sorted(rows, key=lambda r: -r["tottime"])[:top]],
        "top_cumtime": [dict(r, pct=round(100 * r["cumtime"] / total, 1)) for r in sorted(rows, key=lambda r: -r["cumtime"])[:top]],
        "by_module": [{"module": k, "tottime": round(v, 2), "pct": round(100 * v / total, 1)} for k, v in sorted(by_mod.items(), key=lambda kv: -kv[1])[:top]],
    }


def _short(fname: str) -> str:
    for marker in ("site-packages/", "/lib/python3"):
        if marker in fname:
            return fname.split(marker, 1)[1]
    for root in (CODE, REPO):
        try:
            return str(Path(fname).resolve().relative_to(root))
        except ValueError:
            pass
    return fname


# ---------------------------------------------------------------- one size

def bench_size(n: int, args, results: dict, save) -> dict:
    work = args.work
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    r: dict = {"n": n}
    results["sizes"][str(n)] = r
    c = corpus(n, work, args.seed)
    files = seed_files(c)
    r["corpus"] = {"files": len(files), "bytes": sum(p.stat().st_size for p in files), "dir": str(c)}

    log(f"N={n}: segmentation floor (rjieba.cut per file)")
    r["floor"] = segmentation_floor(files)
    r["jieba_sample"] = jieba_sample(files, args.jieba_chars)
    log(f"N={n}: floor {r['floor']['seconds']}s; jieba {r['jieba_sample']['chars_per_s']} chars/s")
    save()

    out = work / f"out-{n}"
    log(f"N={n}: pipeline --jobs 1")
    r["pipeline_j1"] = p1 = pipeline(c, out, 1, logs)
    floor_ratios(p1, r["floor"]["seconds"])
    log(f"N={n}: pipeline j1 {p1['seconds']}s, {p1.get('articles')} articles, {p1['peak_rss_mb']} MB")
    save()

    if not args.no_jobs2:
        out2 = work / f"out-{n}-j2"
        log(f"N={n}: pipeline --jobs 2")
        r["pipeline_j2"] = p2 = pipeline(c, out2, 2, logs)
        floor_ratios(p2, r["floor"]["seconds"])
        r["jobs2_speedup"] = round(p1["seconds"] / p2["seconds"], 2)
        shutil.rmtree(out2, ignore_errors=True)
        log(f"N={n}: pipeline j2 {p2['seconds']}s (speed-up {r['jobs2_speedup']}x)")
        save()

    if n <= args.site_max and p1["rc"] == 0:
        log(f"N={n}: MkDocs build (our config)")
        r["mkdocs"] = m = mkdocs_ours(out, logs)
        r["full_build_seconds"] = round(p1["seconds"] + m["seconds"], 2)
        if "pipeline_j2" in r:
            r["full_build_j2_seconds"] = round(r["pipeline_j2"]["seconds"] + m["seconds"], 2)
        r.update(site_figures(out))
        log(f"N={n}: MkDocs {m['seconds']}s, {m['peak_rss_mb']} MB; site {r.get('site')}")
        save()
        r["search_payload"] = search_payload(out)
        save()
        if not args.no_nosearch:
            log(f"N={n}: MkDocs build, our config without the search plugin")
            r["mkdocs_no_search"] = ns = mkdocs_no_search(out, logs)
            log(f"N={n}: MkDocs without search: {ns.get('seconds', ns.get('note'))}")
            save()
        if not args.no_stock:
            log(f"N={n}: stock Material build")
            r["stock_material"] = s = mkdocs_stock(out, work, logs)
            if s["rc"] == 0:
                r["full_over_stock"] = round(r["full_build_seconds"] / s["seconds"], 2)
                if "full_build_j2_seconds" in r:
                    r["full_j2_over_stock"] = round(r["full_build_j2_seconds"] / s["seconds"], 2)
            log(f"N={n}: stock {s['seconds']}s; full/stock {r.get('full_over_stock')}")
            save()
    else:
        r["site_note"] = f"MkDocs builds skipped at N={n} (above --site-max {args.site_max})"

    if p1["rc"] == 0 and not args.no_incremental:
        log(f"N={n}: incremental one-seed rebuild")
        r["incremental_one_seed"] = inc = incremental(c, out, logs)
        log(f"N={n}: incremental {inc['seconds']}s")
        save()
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)
    return r


# ---------------------------------------------------------------- report

def _f(x, fmt="{:.1f}"):
    return "—" if x is None else fmt.format(x)


def table(results: dict) -> str:
    sizes = list(results["sizes"].values())
    head = ["figure"] + [f"N={s['n']}" for s in sizes]

    def g(s, *keys):
        for k in keys:
            if not isinstance(s, dict):
                return None
            s = s.get(k)
        return s

    def payload(s):
        sp = g(s, "search_payload")
        if sp and "payload" in sp:
            v = sp["payload"]
            return f"{v / 1024:.0f} KB" if isinstance(v, (int, float)) else str(v)[:30]
        v = g(s, "search_index_json_bytes")
        return None if v is None else f"{v / 2**20:.1f} MB (index.json)"

    rows = [
        ("seed files / articles", lambda s: f"{g(s, 'corpus', 'files')} / {g(s, 'pipeline_j1', 'articles')}"),
        ("corpus MB", lambda s: _f(g(s, "corpus", "bytes") and g(s, "corpus", "bytes") / 1e6)),
        ("segmentation floor s (rjieba.cut)", lambda s: _f(g(s, "floor", "seconds"), "{:.2f}")),
        ("rjieba chars/s", lambda s: _f(g(s, "floor", "chars_per_s"), "{:,.0f}")),
        ("jieba.lcut chars/s (sample)", lambda s: _f(g(s, "jieba_sample", "chars_per_s"), "{:,.0f}")),
        ("pipeline --jobs 1 s", lambda s: _f(g(s, "pipeline_j1", "seconds"))),
        ("  articles/s", lambda s: _f(g(s, "pipeline_j1", "articles_per_s"))),
        ("  × segmentation floor", lambda s: _f(g(s, "pipeline_j1", "ratio_to_floor"))),
        ("  peak RSS MB", lambda s: _f(g(s, "pipeline_j1", "peak_rss_mb"), "{:.0f}")),
        ("  CPU s", lambda s: _f(g(s, "pipeline_j1", "cpu_seconds"))),
        ("  load avg before/after", lambda s: "/".join(map(str, g(s, "pipeline_j1", "load_avg")))),
        ("  peak RSS MB without the search indexer", lambda s: _f(g(s, "pipeline_j1", "rss_without_indexer_mb"), "{:.0f}")),
        ("  search indexer peak RSS MB", lambda s: _f(g(s, "pipeline_j1", "search_indexer_rss_mb"), "{:.0f}")),
        ("  of which the search index s", lambda s: _f(g(s, "pipeline_j1", "search_index_s"))),
        ("  without the search index s (× floor)", lambda s: f"{_f(g(s, 'pipeline_j1', 'without_search_s'))} "
                                                            f"({_f(g(s, 'pipeline_j1', 'ratio_to_floor_without_search'))}×)"),
        ("pipeline --jobs 2 s", lambda s: _f(g(s, "pipeline_j2", "seconds"))),
        ("  of which the search index s", lambda s: _f(g(s, "pipeline_j2", "search_index_s"))),
        ("  without the search index s (× floor)", lambda s: f"{_f(g(s, 'pipeline_j2', 'without_search_s'))} "
                                                            f"({_f(g(s, 'pipeline_j2', 'ratio_to_floor_without_search'))}×)"),
        ("  CPU s (both workers)", lambda s: _f(g(s, "pipeline_j2", "cpu_seconds"))),
        ("  peak RSS MB (largest process / without the indexer)", lambda s: "/".join(
            _f(g(s, "pipeline_j2", k), "{:.0f}") for k in ("peak_rss_mb", "rss_without_indexer_mb"))),
        ("  search indexer peak RSS MB", lambda s: _f(g(s, "pipeline_j2", "search_indexer_rss_mb"), "{:.0f}")),
        ("  load avg before/after", lambda s: "/".join(map(str, g(s, "pipeline_j2", "load_avg")))),
        ("  speed-up j2/j1", lambda s: _f(g(s, "jobs2_speedup"), "{:.2f}×")),
        ("MkDocs build s (ours)", lambda s: _f(g(s, "mkdocs", "seconds"))),
        ("  peak RSS MB", lambda s: _f(g(s, "mkdocs", "peak_rss_mb"), "{:.0f}")),
        ("full build s (pipeline j1 + MkDocs)", lambda s: _f(g(s, "full_build_seconds"))),
        ("MkDocs build s, search plugin off", lambda s: _f(g(s, "mkdocs_no_search", "seconds"))),
        ("stock Material build s", lambda s: _f(g(s, "stock_material", "seconds"))),
        ("  peak RSS MB", lambda s: _f(g(s, "stock_material", "peak_rss_mb"), "{:.0f}")),
        ("full / stock (target ≤ 0.7)", lambda s: _f(g(s, "full_over_stock"), "{:.2f}")),
        ("full build s (pipeline j2 + MkDocs)", lambda s: _f(g(s, "full_build_j2_seconds"))),
        ("full (j2) / stock", lambda s: _f(g(s, "full_j2_over_stock"), "{:.2f}")),
        ("site du MB / apparent MB", lambda s: f"{_f(g(s, 'site', 'du_mb'))} / {_f(g(s, 'site', 'apparent_mb'))}"),
        ("site files", lambda s: _f(g(s, "site", "files"), "{:,}")),
        ("article HTML mean KB", lambda s: _f(g(s, "article_html_bytes_mean") and g(s, "article_html_bytes_mean") / 1024)),
        ("article HTML max KB", lambda s: _f(g(s, "article_html_bytes_max") and g(s, "article_html_bytes_max") / 1024)),
        ("search payload, first query", payload),
        ("  search index total MB (cppcc_archive.search)", lambda s: _f(g(s, "search_payload", "index_bytes") and g(s, "search_payload", "index_bytes") / 2**20)),
        ("incremental one-seed rebuild s", lambda s: _f(g(s, "incremental_one_seed", "seconds"))),
        ("  of which the search index s", lambda s: f"{_f(g(s, 'incremental_one_seed', 'search_index_s'))} "
                                                 f"({g(s, 'incremental_one_seed', 'search_index_how') or '—'})"),
        ("  the indexer beside the pages s", lambda s: _f(g(s, "incremental_one_seed", "search_indexer_s"))),
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, fn in rows:
        vals = []
        for s in sizes:
            try:
                vals.append(str(fn(s)))
            except Exception:
                vals.append("—")
        lines.append("| " + " | ".join([name] + vals) + " |")
    for s in sizes:
        if s.get("site_note"):
            lines.append(f"\nN={s['n']}: {s['site_note']}")
        sp = s.get("search_payload") or {}
        if sp.get("note"):
            lines.append(f"\nN={s['n']}: search payload: {sp['note']}")
    return "\n".join(lines)


def print_profile(p: dict) -> str:
    out = [f"\nProfile of the pipeline stage (cProfile, in-process, {p['wall_seconds_under_profiler']}s under the profiler)",
           "\nTop by own time:", "| % | own s | cum s | calls | function |", "|---|---|---|---|---|"]
    for r in p["top_tottime"][:20]:
        out.append(f"| {r['pct']} | {r['tottime']} | {r['cumtime']} | {r['calls']} | `{r['function']}` |")
    out += ["\nTop by cumulative time:", "| % | cum s | calls | function |", "|---|---|---|---|"]
    for r in p["top_cumtime"][:25]:
        out.append(f"| {r['pct']} | {r['cumtime']} | {r['calls']} | `{r['function']}` |")
    out += ["\nOwn time by file:", "| % | s | file |", "|---|---|---|"]
    for r in p["by_module"][:15]:
        out.append(f"| {r['pct']} | {r['tottime']} | `{r['module']}` |")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark the 政协文库 build on synthetic corpora.")
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    ap.add_argument("--quick", action="store_true", help="N=200 only")
    ap.add_argument("--json", type=Path, default=None, help="write all figures as JSON to this path")
    ap.add_argument("--work", type=Path, default=Path("/tmp/cppcc-bench"), help="corpora, outputs and logs (default /tmp/cppcc-bench)")
    ap.add_argument("--seed", type=int, default=0, help="corpus seed")
    ap.add_argument("--site-max", type=int, default=10**9, help="skip the MkDocs builds above this N")
    ap.add_argument("--no-stock", action="store_true", help="skip the stock Material build")
    ap.add_argument("--no-jobs2", action="store_true", help="skip the --jobs 2 run")
    ap.add_argument("--no-incremental", action="store_true", help="skip the one-seed incremental rebuild")
    ap.add_argument("--no-nosearch", action="store_true", help="skip the MkDocs build without the search plugin")
    ap.add_argument("--profile", action="store_true", help="cProfile the pipeline stage at the first size")
    ap.add_argument("--profile-only", action="store_true", help="only the profile (at the first size)")
    ap.add_argument("--jieba-chars", type=int, default=300_000, help="sample size for jieba.lcut")
    ap.add_argument("--keep", action="store_true", help="keep the built outputs under --work")
    ap.add_argument("--raw-copies", action="store_true",
                    help="build without SEEDS_URL, so the site carries copies of the original texts")
    ap.add_argument("--no-snapshot", action="store_true", help="run the repository's code in place instead of a snapshot copy")
    args = ap.parse_args(argv)
    global SEEDS_URL
    if args.raw_copies:
        SEEDS_URL = ""
    sizes = [200] if args.quick else [int(x) for x in args.sizes.split(",") if x.strip()]
    args.work.mkdir(parents=True, exist_ok=True)
    args.work = args.work.resolve()
    if args.no_snapshot:
        sys.path.insert(0, str(REPO))
    else:
        snapshot(args.work)
    results = {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
               "machine": machine(), "code": str(CODE), "query": QUERY, "sizes": {}}

    def save():
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")

    if args.profile or args.profile_only:
        c = corpus(sizes[0], args.work, args.seed)
        log(f"profiling the pipeline at N={sizes[0]}")
        results["profile"] = profile_pipeline(c, args.work)
        save()
        print(print_profile(results["profile"]))
        if args.profile_only:
            return 0
    for n in sizes:
        bench_size(n, args, results, save)
        save()
    m = results["machine"]
    print(f"\n政协文库 benchmark, {results['date']}; {m['nproc']} CPUs, {m['ram']}, Python {m['python']}, {m['cpu']}")
    print(table(results))
    save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
