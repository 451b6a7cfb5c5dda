"""The content-hash cache: a changed seed is re-processed, unchanged ones are not."""
from __future__ import annotations

import json
from pathlib import Path

from conftest import run_build

from cppcc_archive import cache, pipeline


def test_only_changed_seed_is_processed(tmp_path, seeds_copy, monkeypatch):
    """(In one process, --jobs 1, so the calls can be counted.)"""
    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    first = (out / "articles.json").read_bytes()
    seen = []
    real = pipeline.process_seed
    monkeypatch.setattr(pipeline, "process_seed", lambda seed, cur=None: seen.append(seed.name) or real(seed, cur))
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert seen == [] and (out / "articles.json").read_bytes() == first
    target = sorted(seeds_copy.glob("002_*"))[0]
    target.write_text(target.read_text(encoding="utf-8") + "\n北京市延庆区政协召开会议。\n", encoding="utf-8")
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert seen == [target.name]
    arts = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    assert any("延庆区政协召开会议" in a["text"] for a in arts)
    assert run_build(seeds_copy, out, "--no-site", "--no-cache", "--jobs", "1") == 0
    assert len(seen) == 1 + 5


def test_the_key_covers_the_bytes_the_name_and_the_curation_entry():
    k1 = cache.key(b"x", "a.txt", None)
    assert k1 == cache.key(b"x", "a.txt", None)
    assert k1 != cache.key(b"x", "b.txt", None) != cache.key(b"y", "a.txt", None)
    assert k1 != cache.key(b"x", "a.txt", {"articles": {}})


def cache_entries(out) -> list:
    """The per-seed entries (the version folder also holds the people index's name-order.json)."""
    return sorted(p.name for p in (out / ".cache" / "pipeline").glob("*/*/*.pickle") if p.is_file())


def test_entries_of_edited_and_removed_seeds_are_swept(tmp_path, seeds_copy):
    """A cache kept between builds (the Pages workflow restores one) holds one entry per seed."""
    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site") == 0
    first = cache_entries(out)
    assert len(first) == len(list(seeds_copy.glob("*.txt")))
    assert (cache.writer_dir(out / ".cache" / "pipeline") / "name-order.json").is_file()
    edited, removed = sorted(seeds_copy.glob("*.txt"))[:2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n北京市延庆区政协召开会议。\n", encoding="utf-8")
    removed.unlink()
    stray = cache.entries_dir(out / ".cache" / "pipeline") / "00" / ".00ab.pickle.123.tmp"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"half a pickle")   # left by a killed build
    assert run_build(seeds_copy, out, "--no-site") == 0
    second = cache_entries(out)
    assert len(second) == len(first) - 1 and len(set(first) - set(second)) == 2, (first, second)
    assert not stray.exists()
    assert run_build(seeds_copy, out, "--no-site") == 0
    assert cache_entries(out) == second   # an unchanged archive keeps its entries


def test_warm_parallel_build_takes_hits_in_the_main_process(tmp_path, seeds_copy):
    """With workers and a warm cache, hits are loaded by the build's process and only misses go to the
    workers; the output is the same as a cold build's and every used entry survives the sweep."""
    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "2", "--no-cache") == 0
    cold = (out / "articles.json").read_bytes()
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "2") == 0   # fills the cache
    entries = cache_entries(out)
    for target in sorted(seeds_copy.glob("*.txt"))[-2:]:   # two misses, so the pool runs too
        target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "2") == 0
    assert (out / "articles.json").read_bytes() == cold   # a trailing newline changes no article
    after = cache_entries(out)
    assert len(after) == len(entries) and len(set(after) - set(entries)) == 2


def test_a_seed_that_cannot_be_read_keeps_its_entry(tmp_path, seeds_copy, monkeypatch):
    """A seed that fails to read this time (an editor's save in progress, a permission slip) is
    reported, and its cache entry is not swept: nothing was learnt about it."""
    from cppcc_archive import read as reader
    from cppcc_archive.model import Problem

    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    entries = cache_entries(out)
    target = sorted(seeds_copy.glob("*.txt"))[0].name
    real = reader.read_bytes
    monkeypatch.setattr(reader, "read_bytes", lambda path, name, limit, **kw: (
        Problem(name, "unreadable", "cannot read file: test", "无法读取文件：test") if name == target else real(path, name, limit, **kw)))
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert any(p["kind"] == "unreadable" for f in report["files"] if f["file"] == target for p in f["problems"])
    assert cache_entries(out) == entries


def test_originals_are_read_from_the_cache_only_when_published(tmp_path, seeds_copy, monkeypatch):
    """Each entry keeps its seed's decoded original in a file of its own: a build that links the
    originals in the repository (SEEDS_URL) does not read them; one that publishes them does, and
    an entry whose original is gone is a miss."""
    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    raws = sorted((out / ".cache" / "pipeline").glob(f"*/*/*{cache.RAW}"))
    assert [p.name.removesuffix(cache.RAW) for p in raws] == [n.removesuffix(".pickle") for n in cache_entries(out)]
    published = {p.name: p.read_bytes() for p in (out / "docs" / "raw").iterdir()}
    assert len(published) == len(raws)
    gone = raws[0]
    gone.unlink()
    seen = []
    real = pipeline.process_seed
    monkeypatch.setattr(pipeline, "process_seed", lambda seed, cur=None: seen.append(seed.name) or real(seed, cur))
    monkeypatch.setenv("SEEDS_URL", "https://example.org/archive/seeds/")
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert seen == [] and not (out / "docs" / "raw").exists()
    monkeypatch.delenv("SEEDS_URL")
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert len(seen) == 1 and gone.exists()
    assert {p.name: p.read_bytes() for p in (out / "docs" / "raw").iterdir()} == published


def test_the_build_says_how_many_files_came_from_the_cache(tmp_path, seeds_copy, caplog):
    """A curator who rebuilds without changes learns why it was quick; an edited seed is not counted."""
    from cppcc_archive.cli import main

    out = tmp_path / "out"
    args = ["--seeds", str(seeds_copy), "--out", str(out), "--no-site"]
    for jobs in ("1", "2"):
        assert main(args + ["--jobs", jobs]) == 0
    caplog.clear()
    target = sorted(seeds_copy.glob("002_*"))[0]
    target.write_text(target.read_text(encoding="utf-8") + "\n北京市延庆区政协召开会议。\n", encoding="utf-8")
    for jobs in ("1", "2"):
        with caplog.at_level("INFO", logger="cppcc_archive"):
            assert main(args + ["--jobs", jobs]) == 0
    lines = [r.getMessage() for r in caplog.records if "came from the cache" in r.getMessage()]
    assert lines[0].startswith("4 of 5 file(s) unchanged") and lines[1].startswith("5 of 5 file(s) unchanged"), lines


def test_the_entries_version_covers_the_code_phase_1_runs_and_the_data(tmp_path):
    """Editing how pages or the search index are written keeps the entries (at 10,000 seeds such a
    commit skips a cold phase 1 of about a minute); editing a fixer, a module phase 1 imports only
    inside a function, a new module it starts to import, or a data file does not."""
    import shutil

    package = tmp_path / "cppcc_archive"
    shutil.copytree(cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    files = {p.relative_to(package).as_posix() for p in cache.phase1_modules(package)}
    assert {"pipeline.py", "clean/fixers.py", "tag/regions.py", "split.py", "model.py", "cache.py"} <= files
    assert not files & {"write.py", "search.py", "cli.py", "site.py", "feeds.py", "indexer.py"}
    indexer_files = {p.relative_to(package).as_posix() for p in cache.import_closure(package, "indexer")}
    assert {"indexer.py", "search.py", "sink.py"} <= indexer_files and "write.py" not in indexer_files
    assert cache.phase1_version_of(package) == cache.phase1_version()

    def version_after(rel: str, text: str) -> str:
        with open(package / rel, "a", encoding="utf-8") as fh:
            fh.write(text)
        return cache.phase1_version_of(package)

    before = cache.phase1_version_of(package)
    assert version_after("write.py", "\n# a page template changed\n") == before
    assert version_after("curation.py", "\n# the curation file read another way\n") != before   # its dict is in the key
    before = cache.phase1_version_of(package)
    assert version_after("search.py", "\n# the index changed\n") == before
    assert version_after("clean/fixers.py", "\n# a fixer changed\n") != before
    before = cache.phase1_version_of(package)
    assert version_after("data/stopwords.txt", "\n某词\n") != before
    before = cache.phase1_version_of(package)
    assert version_after("split.py", "\n\ndef _later():\n    from .newstage import rule\n    return rule\n") != before
    before = cache.phase1_version_of(package)
    assert version_after("newstage.py", "rule = 1\n") != before   # now imported, so covered


def test_import_closures_resolve_relative_imports(tmp_path):
    """A package of a few modules: ``from .sub import b``, ``from ..d import thing`` inside a function,
    ``from . import c``, a parenthesised list over two lines, ``import pkg.f``; e is never imported."""
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    sources = {
        "__init__.py": "",
        "a.py": "from .sub import b\n\ndef later():\n    from . import c\n    import pkg.f\n",
        "sub/__init__.py": "",
        "sub/b.py": "import json\n\ndef run():\n    from ..d import (thing,\n                     other)\n",
        "c.py": "import numpy as np\n", "d.py": "thing = other = 1\n", "e.py": "", "f.py": "",
    }
    for rel, text in sources.items():
        (pkg / rel).write_text(text, encoding="utf-8")
    closure = {p.relative_to(pkg).as_posix() for p in cache.import_closure(pkg, "a")}
    assert closure == {"__init__.py", "a.py", "sub/__init__.py", "sub/b.py", "c.py", "d.py", "f.py"}
    assert cache._outside_imports(pkg, cache.import_closure(pkg, "a")) == {"numpy"}   # json is stdlib


def test_the_import_pattern_reads_what_the_parser_reads():
    """The closures read imports with a pattern; for every module of the package it finds what
    Python's own parser finds (relative imports resolved the same way)."""
    import ast

    def parsed(module: str, path) -> set[str]:
        here = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        found = set()
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.ImportFrom):
                base = ".".join(here[:len(here) - node.level + 1] + ([node.module] if node.module else [])) \
                    if node.level else node.module
                found |= {base} | {f"{base}.{a.name}" for a in node.names if a.name != "*"}
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
        return found

    checked = 0
    for path in sorted(cache.PACKAGE.rglob("*.py")):
        module = ".".join(("cppcc_archive", *path.relative_to(cache.PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
        assert set(cache._imports(module, path)) == parsed(module, path), path
        checked += 1
    assert checked > 25
    closure = {p.relative_to(cache.PACKAGE).as_posix() for p in cache.phase1_modules()}
    assert {"matcher.py", "tag/regions.py", "clean/mojibake.py"} <= closure   # reached only via ``from ..``


def test_the_page_ledgers_version_covers_the_page_writer_not_the_driver(tmp_path):
    """An edit of the build's driver, the feeds, the site stage or the search keeps the record of the
    article pages (they are rendered by ``write``, whose inputs ``pagecache`` digests); an edit of
    either of those two does not."""
    import shutil

    package = tmp_path / "cppcc_archive"
    shutil.copytree(cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    assert cache.writer_version_of(package) == cache.writer_version()
    before = cache.writer_version_of(package)
    for rel in ("feeds.py", "site.py", "mkdocs_hooks.py", "search.py", "indexer.py", "fastpage.py"):
        with open(package / rel, "a", encoding="utf-8") as fh:
            fh.write("\n# edited\n")
        assert cache.writer_version_of(package) == before, rel
    for rel in ("write.py", "pagecache.py", "split.py", "cli.py"):   # cli.py holds the articles before they are written
        with open(package / rel, "a", encoding="utf-8") as fh:
            fh.write("\n# edited\n")
        assert cache.writer_version_of(package) != before, rel
        before = cache.writer_version_of(package)


def test_an_edit_of_the_writing_code_keeps_the_entries_but_renders_the_pages_again(tmp_path, seeds_copy, monkeypatch):
    """The page ledger's folder follows the page writer's code; the search index's record its own; the
    entries follow phase 1's.  Here another ``writer_version`` stands for an edit of write.py."""
    from cppcc_archive import pagecache

    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    first = (out / "articles.json").read_bytes()
    seen, reused = [], []
    real = pipeline.process_seed
    monkeypatch.setattr(pipeline, "process_seed", lambda seed, cur=None: seen.append(seed.name) or real(seed, cur))
    real_unchanged = pagecache.PageLedger.unchanged
    monkeypatch.setattr(pagecache.PageLedger, "unchanged",
                        lambda self, *a: reused.append(real_unchanged(self, *a)) or reused[-1])
    monkeypatch.setattr(cache, "writer_version", lambda: "0123456789abcdef")
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert seen == [] and (out / "articles.json").read_bytes() == first
    assert len(reused) == len(json.loads(first)) and not any(reused)   # every page rendered again
    # The search index follows its own indexer's code: made from the same articles.json, it is linked.
    assert _last_build(out)["search_index_reused"] is True
    folders = sorted(p.name for p in (out / ".cache" / "pipeline").iterdir() if p.is_dir())
    assert folders == sorted({"0123456789abcdef", cache.phase1_version(), cache.indexer_version()})   # old pruned
    reused.clear()
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert seen == [] and reused and all(reused)   # and the next build links them
    monkeypatch.setattr(cache, "indexer_version", lambda: "fedcba9876543210")   # an edit of search.py
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert seen == [] and _last_build(out)["search_index_reused"] is False


def _last_build(out) -> dict:
    return json.loads((out / ".cache" / "last-build.json").read_text(encoding="utf-8"))


def test_texts_are_read_from_the_cache_only_for_what_is_made_again(tmp_path, seeds_copy, monkeypatch):
    """Each entry keeps its articles' paragraphs in a file of its own, read when first used: a rebuild
    in which nothing changed reads none of them (every page and record is taken from the published
    tree), one that renders an article's page reads that seed's; an entry whose texts are gone is a
    miss, and the deferred paragraphs compare and pickle as the tuple they stand for."""
    import pickle

    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    texts = sorted((out / ".cache" / "pipeline").glob(f"*/*/*{cache.TEXT}"))
    assert [p.name.removesuffix(cache.TEXT) for p in texts] == [n.removesuffix(".pickle") for n in cache_entries(out)]
    first = (out / "docs").joinpath("articles.json").read_bytes()
    read = []
    real = cache._TextFile.paragraphs
    monkeypatch.setattr(cache._TextFile, "paragraphs", lambda self: read.append(self.path) or real(self))
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert read == [] and (out / "articles.json").read_bytes() == first

    page = next((out / "docs" / "a").glob("*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "手改\n", encoding="utf-8")   # rendered again
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert len(set(read)) == 1 and "手改" not in page.read_text(encoding="utf-8")

    hit = pipeline.gather(seeds_copy, cache_dir=out / ".cache" / "pipeline", jobs=2)[0]
    deferred = hit.articles[0].paragraphs
    stored = pickle.loads(Path(cache._entry_path(str(out / ".cache" / "pipeline"), hit.key, cache.TEXT)).read_bytes())
    assert isinstance(deferred, cache.DeferredText) and len(deferred) > 0
    assert deferred == stored[0] and stored[0] == deferred and hash(deferred) == hash(stored[0])
    assert list(deferred) == list(stored[0]) and deferred[-1] == stored[0][-1]
    assert type(pickle.loads(pickle.dumps(deferred))) is tuple and pickle.loads(pickle.dumps(deferred)) == stored[0]

    seen = []
    real_seed = pipeline.process_seed
    monkeypatch.setattr(pipeline, "process_seed", lambda seed, cur=None: seen.append(seed.name) or real_seed(seed, cur))
    Path(read[0]).unlink()
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert len(seen) == 1 and (out / "articles.json").read_bytes() == first


def test_no_entry_is_deleted_while_another_build_uses_the_cache(tmp_path, seeds_copy):
    """A build reads its entries' texts long after loading them, so while another build holds the
    cache (a --serve loop beside a manual build) neither the sweep of unused entries nor the prune of
    other versions deletes anything; the next build alone does (a review's find: a concurrent sweep
    made the other build fail)."""
    import subprocess
    import sys

    out = tmp_path / "out"
    cache_dir = out / ".cache" / "pipeline"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    other_version = cache_dir / "0123456789abcdef"
    other_version.mkdir()
    before = set(cache_entries(out))
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; from cppcc_archive import cache\n"
         "with cache.in_use(Path(sys.argv[1])):\n    print('held', flush=True); sys.stdin.read()", str(cache_dir)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=Path(cache.__file__).parent.parent)
    try:
        assert holder.stdout.readline().strip() == "held"
        target = sorted(seeds_copy.glob("002_*"))[0]
        target.write_text(target.read_text(encoding="utf-8") + "\n北京市延庆区政协召开会议。\n", encoding="utf-8")
        assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
        after = set(cache_entries(out))
        assert before < after and len(after) == len(before) + 1 and other_version.is_dir()
    finally:
        holder.communicate("")
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert len(cache_entries(out)) == len(before) and not other_version.exists()
