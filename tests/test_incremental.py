"""A rebuild after a small edit reuses what the published tree already holds, and its output is
exactly a cold build's: unchanged files are hard-linked from the previous tree, and article pages
whose inputs are unchanged are not rendered at all (``pagecache``)."""
from __future__ import annotations

import json
import os
import shutil
import time
import sys
from pathlib import Path

from conftest import REPO, run_build

from cppcc_archive import write
from cppcc_archive.workers import fork_map

sys.path.insert(0, str(REPO / "scripts"))


def files(root: Path) -> dict[str, tuple[int, bytes]]:
    """Relative path → (inode, bytes) of every file under ``root``."""
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.name != write.MANIFEST:   # the list of generated names, rewritten each time
            out[p.relative_to(root).as_posix()] = (p.stat().st_ino, p.read_bytes())
    return out


def append(seed: Path, text: str) -> None:
    """Add a paragraph to a UTF-8 seed."""
    seed.write_text(seed.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def count_calls(monkeypatch, name: str) -> list[str]:
    """Ids of the articles ``write.<name>`` is called for from here on (in this process: --jobs 1)."""
    seen: list[str] = []
    real = getattr(write, name)
    monkeypatch.setattr(write, name, lambda a, *rest: seen.append(a.id) or real(a, *rest))
    return seen


def count_rendered(monkeypatch) -> list[str]:
    """Ids of the article pages rendered from here on."""
    return count_calls(monkeypatch, "article_page")


def test_rebuild_links_what_is_unchanged_and_equals_a_cold_build(tmp_path, seeds_copy, monkeypatch):
    out, cold = tmp_path / "out", tmp_path / "cold"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    before = files(out / "docs")
    rendered = count_rendered(monkeypatch)

    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0   # nothing changed
    assert rendered == []
    again = files(out / "docs")
    assert again == before, "an unchanged rebuild must keep every file, inode and bytes"

    target = sorted(seeds_copy.glob("002_*"))[0]
    append(target, "北京市延庆区政协召开会议，围绕乡村振兴协商议政。")
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    after = files(out / "docs")
    ids = {a["id"] for a in json.loads((out / "articles.json").read_text(encoding="utf-8"))
           if a["source_file"] == target.name}
    assert ids and ids <= set(rendered), "the edited seed's pages are rendered again"
    assert len(set(rendered)) < len(list((out / "docs" / "a").glob("*.md"))), "pages of unchanged inputs are not"
    changed = [rel for rel in after if rel not in before or after[rel][1] != before[rel][1]]
    assert any(rel.startswith("a/") for rel in changed)
    for rel, (ino, data) in after.items():
        if rel in before and before[rel][1] == data:
            assert ino == before[rel][0], f"{rel} is unchanged but was written again"

    assert run_build(seeds_copy, cold, "--no-site", "--jobs", "1", "--no-cache") == 0
    assert {k: v[1] for k, v in files(cold / "docs").items()} == {k: v[1] for k, v in after.items()}
    for name in ("articles.json", "report.json"):
        assert (out / name).read_bytes() == (cold / name).read_bytes()
        assert not (out / f".{name}.tmp").exists()


def test_a_page_edited_by_hand_is_rendered_again(tmp_path, seeds_copy, monkeypatch):
    """The ledger trusts a page only while its file is the one the build left (inode, size, mtime)."""
    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    page = sorted((out / "docs" / "a").glob("*.md"))[0]
    original = page.read_bytes()
    page.write_bytes(original.replace("政协".encode(), "政治".encode(), 1))   # same size, edited in place
    rendered = count_rendered(monkeypatch)
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert rendered == [page.stem]
    assert page.read_bytes() == original


def last_build(out: Path) -> dict:
    return json.loads((out / ".cache" / "last-build.json").read_text(encoding="utf-8"))


def test_the_search_index_is_reused_only_while_its_input_and_files_are_unchanged(tmp_path, seeds_copy, monkeypatch):
    """``articles.json`` is the index's only input: a rebuild that leaves it unchanged links the
    published ``search/``; an edited seed, or an index file changed since, makes it again."""
    from cppcc_archive import indexer

    out, cold = tmp_path / "out", tmp_path / "cold"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert last_build(out)["search_index_reused"] is False
    made = []
    real = indexer.run_indexer
    monkeypatch.setattr(indexer, "run_indexer", lambda *a, **k: made.append(1) or real(*a, **k))

    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0   # nothing changed
    assert made == [] and last_build(out)["search_index_reused"] is True

    # An index file rewritten in place (same size): the published index is no longer what the
    # build left, so it is made again, and the file gets its right bytes back.
    shard = sorted((out / "docs" / "search" / "p").iterdir())[0]
    right = shard.read_bytes()
    shard.write_bytes(bytes(b ^ 1 for b in right[:4]) + right[4:])
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert made == [1] and last_build(out)["search_index_reused"] is False
    assert shard.read_bytes() == right

    append(sorted(seeds_copy.glob("002_*"))[0], "北京市延庆区政协召开会议，围绕乡村振兴协商议政。")
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert made == [1, 1] and last_build(out)["search_index_reused"] is False
    # The indexer kept each document's term counts, one entry per document now published (the
    # edited seed's old entries swept).
    from cppcc_archive import termcache
    from cppcc_archive.search import _indexed_pair, records_for_index

    expected = set()
    for r in records_for_index(out / "docs" / "articles.json"):
        text, title = _indexed_pair({"x": r["indexed_text"], "t": r.get("title") or ""})
        expected.add(termcache.digest(title, text))
    [counts] = (out / ".cache").glob(f"**/{indexer.COUNTS}")
    assert set(json.loads((counts / "index.json").read_text(encoding="utf-8"))) == expected
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1", "--no-cache") == 0   # no cache, no record
    assert made == [1, 1, 1]

    assert run_build(seeds_copy, cold, "--no-site", "--jobs", "1", "--no-cache") == 0
    search = {k: v[1] for k, v in files(out / "docs").items() if k.startswith("search/")}
    assert search == {k: v[1] for k, v in files(cold / "docs").items() if k.startswith("search/")}


def test_parallel_rebuild_of_a_synthetic_archive(tmp_path, monkeypatch):
    """The forked page workers (200+ articles) with the ledger: a one-seed rebuild renders few pages,
    links the rest and writes what a cold build writes."""
    from make_corpus import make_corpus

    seeds = tmp_path / "seeds"
    make_corpus(130, seeds)
    out, cold = tmp_path / "out", tmp_path / "cold"
    # Features shared by more than 20 of the 227 articles do not relate them (500 of 17,469 at 10,000
    # seeds): otherwise every article shares one with the edited seed's and no related list is kept.
    monkeypatch.setattr(write.RelatedIndex, "COMMON", 20)
    assert run_build(seeds, out, "--no-site", "--jobs", "2") == 0
    before = files(out / "docs")
    articles = [rel for rel in before if rel.startswith("a/")]
    assert len(articles) >= 200, "too few articles for the forked page workers"
    utf8 = [p for p in sorted(seeds.iterdir()) if _is_utf8(p.read_bytes())]
    append(utf8[len(utf8) // 2], "增量构建：本段为新增内容，北京市延庆区政协召开会议。")
    indexes = []
    real_init = write.RelatedIndex.__init__
    monkeypatch.setattr(write.RelatedIndex, "__init__", lambda self, *a, **k: indexes.append(self) or real_init(self, *a, **k))
    assert run_build(seeds, out, "--no-site", "--jobs", "2") == 0
    after = files(out / "docs")
    kept = sum(1 for rel in articles if rel in after and after[rel][0] == before[rel][0])
    assert kept >= 0.8 * len(articles), f"only {kept} of {len(articles)} article pages were reused"
    # Most related lists came from the last build's record (and the pages equal a cold build's below).
    assert len(indexes) == 1 and len(indexes[0].kept) >= 0.5 * len(articles)
    # The record of articles.json (made beside the forked feeds worker) lists every article, for the
    # file now published.
    from cppcc_archive import cache
    from cppcc_archive.pagecache import RECORDS

    record = json.loads((cache.writer_dir(out / ".cache" / "pipeline") / RECORDS).read_text(encoding="utf-8"))
    published = (out / "docs" / "articles.json").stat()
    assert record["source"] == [published.st_ino, published.st_size, published.st_mtime_ns]
    assert len(record["lines"]) == len(articles)
    assert run_build(seeds, cold, "--no-site", "--jobs", "1", "--no-cache") == 0
    assert {k: v[1] for k, v in files(cold / "docs").items()} == {k: v[1] for k, v in after.items()}


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not data.startswith(b"\xef\xbb\xbf")


def test_directory_sink_links_only_identical_regular_files(tmp_path):
    prev, new = tmp_path / "prev", tmp_path / "new"
    (prev / "d").mkdir(parents=True)
    (prev / "d" / "same.md").write_text("同样的内容\n", encoding="utf-8")
    (prev / "d" / "other.md").write_text("旧的内容\n", encoding="utf-8")
    (prev / "d" / "folder.md").mkdir()
    outside = tmp_path / "outside.md"
    outside.write_text("外部文件\n", encoding="utf-8")
    (prev / "d" / "link.md").symlink_to(outside)
    sink = write.DirectorySink(new, prev)
    for name, text in (("same", "同样的内容\n"), ("other", "新的内容\n"), ("folder", "x\n"), ("link", "外部文件\n"),
                       ("missing", "没有旧文件\n")):
        sink(f"d/{name}.md", text)
    ino = {p.name: p.stat().st_ino for p in (new / "d").iterdir()}
    assert ino["same.md"] == (prev / "d" / "same.md").stat().st_ino
    assert ino["other.md"] != (prev / "d" / "other.md").stat().st_ino
    assert ino["link.md"] != outside.stat().st_ino and not (new / "d" / "link.md").is_symlink()
    assert (new / "d" / "other.md").read_text(encoding="utf-8") == "新的内容\n"
    assert (prev / "d" / "other.md").read_text(encoding="utf-8") == "旧的内容\n", "the previous tree is never written"
    assert sorted(ino) == ["folder.md", "link.md", "missing.md", "other.md", "same.md"]


def test_copy_atomic_over_its_own_link(tmp_path):
    """rename() between two links of one file does nothing: the temporary name must not stay behind."""
    src, dst = tmp_path / "docs.json", tmp_path / "export.json"
    src.write_text("[]\n", encoding="utf-8")
    write.copy_atomic(src, dst)
    write.copy_atomic(src, dst)
    assert dst.read_text(encoding="utf-8") == "[]\n" and os.path.samefile(src, dst)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs.json", "export.json"]


def _square(offset, chunk):
    return [offset + x * x for x in chunk]


def test_fork_map_runs_meanwhile_in_the_caller():
    calls = []
    got = fork_map(_square, 1, [[1, 2], [3], [4, 5]], 2, meanwhile=lambda: calls.append(os.getpid()))
    assert got == [[2, 5], [10], [17, 26]] and calls == [os.getpid()]


def test_a_build_leaves_the_garbage_collector_as_it_found_it(tmp_path, seeds_copy):
    """The build pauses collections while it unpickles cache hits and freezes its corpus; a --serve
    process builds again and again, so afterwards collections are on and nothing stays frozen."""
    import gc

    from conftest import run_build

    assert gc.isenabled()
    for jobs in ("2", "2", "1"):   # cold, then warm through the parallel path, then warm in one process
        assert run_build(seeds_copy, tmp_path / "out", "--no-site", "--jobs", jobs) == 0
        assert gc.isenabled() and gc.get_freeze_count() == 0


def test_cache_hits_are_frozen_only_when_the_caller_asks(tmp_path, seeds_copy):
    """``gather(freeze_hits=True)`` (the build, which unfreezes at its end) moves the hits it loads to
    the permanent generation; a plain call leaves the garbage collector as it was."""
    import gc

    from conftest import run_build

    from cppcc_archive import pipeline

    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "2") == 0   # fills the cache
    cache_dir = out / ".cache" / "pipeline"
    try:
        assert len(pipeline.gather(seeds_copy, jobs=2, cache_dir=cache_dir)) == 5
        assert gc.get_freeze_count() == 0 and gc.isenabled()
        results = pipeline.gather(seeds_copy, jobs=2, cache_dir=cache_dir, freeze_hits=True)
        assert all(r.from_cache for r in results) and gc.get_freeze_count() > 0 and gc.isenabled()
    finally:
        gc.unfreeze()


def count_encoded(monkeypatch) -> list[str]:
    """Ids of the articles whose ``articles.json`` object is encoded from here on."""
    return count_calls(monkeypatch, "record_bytes")


def test_articles_json_copies_the_objects_of_unchanged_articles(tmp_path, seeds_copy, monkeypatch):
    """A rebuild encodes the records of the edited seed's articles only and copies the others'
    bytes from the published ``articles.json``; the file equals a cold build's."""
    out, cold = tmp_path / "out", tmp_path / "cold"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    encoded = count_encoded(monkeypatch)
    target = sorted(seeds_copy.glob("003_*"))[0]
    append(target, "北京市延庆区政协召开会议，围绕乡村振兴协商议政。")
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    records = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    assert sorted(encoded) == sorted(r["id"] for r in records if r["source_file"] == target.name)
    monkeypatch.undo()
    assert run_build(seeds_copy, cold, "--no-site", "--jobs", "1", "--no-cache") == 0
    assert (out / "docs" / "articles.json").read_bytes() == (cold / "docs" / "articles.json").read_bytes()


def test_a_published_articles_json_that_changed_is_not_copied_from(tmp_path, seeds_copy, monkeypatch):
    """The ledger describes the file the last build left: after that file was edited, or with a
    ledger whose places are wrong, every object is encoded again and the file comes out right."""
    from cppcc_archive import cache
    from cppcc_archive.pagecache import RECORDS

    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    published = out / "docs" / "articles.json"
    right = published.read_bytes()
    ledger_path = cache.writer_dir(out / ".cache" / "pipeline") / RECORDS
    ledger = json.loads(ledger_path.read_text(encoding="utf-8"))
    n = len(ledger["lines"])
    assert n == len(json.loads(right))

    # Edited in place, same size: the identity (modification time) no longer matches.
    published.write_bytes(right.replace("政协".encode(), "政治".encode(), 1))
    encoded = count_encoded(monkeypatch)
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert len(encoded) == n and published.read_bytes() == right

    # A ledger whose places point at the wrong objects (its identity right): checked, not trusted.
    ledger = json.loads(ledger_path.read_text(encoding="utf-8"))
    ids = sorted(ledger["lines"])
    places = [ledger["lines"][i][1:] for i in ids]
    for i, place in zip(ids, places[1:] + places[:1]):
        ledger["lines"][i][1:] = place
    ledger_path.write_text(json.dumps(ledger), encoding="utf-8")
    encoded.clear()
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert len(encoded) == n and published.read_bytes() == right


def test_a_record_is_not_copied_from_a_file_swapped_after_it_was_loaded(tmp_path, seeds_copy, monkeypatch):
    """Another build may publish a tree between loading the record and copying from the file: the
    open file is checked again, and a different file (same size, new inode) is not copied from."""
    from cppcc_archive import cache, pipeline
    from cppcc_archive.pagecache import RECORDS, RecordLedger

    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    results = pipeline.gather(seeds_copy, cache_dir=out / ".cache" / "pipeline")
    articles, _ = pipeline.assemble(results)
    keys = {r.name: r.key for r in results}
    record = cache.writer_dir(out / ".cache" / "pipeline") / RECORDS
    published = out / "docs" / "articles.json"
    right = published.read_bytes()
    encoded = count_encoded(monkeypatch)
    ledger = RecordLedger.load(record, out / "docs", keys)
    assert b"".join(write.articles_json_bytes(articles, "", ledger)) == right and encoded == []

    ledger = RecordLedger.load(record, out / "docs", keys)
    swapped = tmp_path / "swapped.json"
    swapped.write_bytes(right.replace("政协".encode(), "政治".encode()))
    os.replace(swapped, published)
    assert b"".join(write.articles_json_bytes(articles, "", ledger)) == right
    assert sorted(encoded) == sorted(a.id for a in articles)


def test_index_pages_are_linked_while_the_articles_fields_are_unchanged(tmp_path, seeds_copy, monkeypatch):
    """Index pages read no article text: a rebuild links a group of them while every article's
    other fields are unchanged (from the first rebuild on: a build without a previous tree records
    the groups too; the first rebuild after a cold one rendered them all, 1.3 s of 3.6 s for the pages
    at 10,000 seeds), renders it when one changed, and renders a group whose published file was edited
    since (its bytes come back); every rebuild equals a cold build."""
    out, cold = tmp_path / "out", tmp_path / "cold"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0   # a first build records the groups too
    regions = []
    real = write.region_pages
    monkeypatch.setattr(write, "region_pages", lambda arts: regions.append(1) or real(arts))
    before = files(out / "docs")
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert regions == [] and files(out / "docs") == before

    page = out / "docs" / "regions" / "index.md"
    right = page.read_bytes()
    page.write_bytes(right.replace("地区".encode(), "地域".encode(), 1))   # edited in place, same size
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert regions == [1] and page.read_bytes() == right

    def listed(names) -> list:
        return [[r.get(f) for f in names] for r in json.loads((out / "docs" / "articles.json").read_text(encoding="utf-8"))]

    # A sentence added to the first article of seed 003 moves the line every later article of the
    # page starts on (``raw_line``) and a note's wording, not what an index lists: no index page is
    # rendered (before, every field but the text counted).
    fields, lines = listed(write.INDEX_FIELDS), listed(["raw_line"])
    seed = sorted(seeds_copy.glob("003_*"))[0]
    text = seed.read_text(encoding="utf-8").split("\n")
    seed.write_text("\n".join(text[:25] + ["会上，大家一致表示，要把学习成果转化为推动工作的实际行动。"] + text[25:]),
                    encoding="utf-8")
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert listed(["raw_line"]) != lines and listed(write.INDEX_FIELDS) == fields
    assert regions == [1]
    assert run_build(seeds_copy, cold, "--no-site", "--jobs", "1", "--no-cache") == 0
    assert {k: v[1] for k, v in files(cold / "docs").items()} == {k: v[1] for k, v in files(out / "docs").items()}

    regions.clear()   # the cold build rendered them too
    shutil.rmtree(cold)
    append(sorted(seeds_copy.glob("002_*"))[0], "广东省深圳市政协召开会议，围绕乡村振兴协商议政。")
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert regions == [1]   # the edited seed's regions changed
    assert run_build(seeds_copy, cold, "--no-site", "--jobs", "1", "--no-cache") == 0
    assert {k: v[1] for k, v in files(cold / "docs").items()} == {k: v[1] for k, v in files(out / "docs").items()}


def test_source_listings_are_linked_until_a_file_or_its_encoding_changes(tmp_path, seeds_copy, monkeypatch):
    """The source listings read no article text either: linked while the articles' fields, each file's
    encoding and the seeds address are unchanged. A seed saved again as GB18030 gives the same
    articles, but its listing must name the new encoding."""
    out, cold = tmp_path / "out", tmp_path / "cold"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    made = []
    real = write.source_pages
    monkeypatch.setattr(write, "source_pages", lambda *a, **k: made.append(1) or real(*a, **k))
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert made == []

    target = sorted(seeds_copy.glob("003_*"))[0]
    text = target.read_text(encoding="utf-8")
    heading = write.escape_md(target.name)
    assert "utf\\-8 ·" in (out / "docs" / "sources" / "index.md").read_text(encoding="utf-8").split(heading)[1][:60]
    target.write_bytes(text.encode("gb18030"))
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    listing = (out / "docs" / "sources" / "index.md").read_text(encoding="utf-8")
    assert made == [1] and "gb18030 ·" in listing.split(heading)[1][:60]
    monkeypatch.setenv("SEEDS_URL", "https://example.org/archive/seeds/")
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert made == [1, 1] and "https://example.org/archive/seeds/" in (out / "docs" / "sources" / "index.md").read_text(encoding="utf-8")
    assert run_build(seeds_copy, cold, "--no-site", "--jobs", "1", "--no-cache") == 0
    assert {k: v[1] for k, v in files(cold / "docs").items()} == {k: v[1] for k, v in files(out / "docs").items()}


def test_a_damaged_page_ledger_links_nothing_outside_the_tree(tmp_path):
    """Group entries whose paths leave the tree (absolute, ``..``) are not loaded: nothing is linked
    to or from outside it."""
    from cppcc_archive.pagecache import GROUP, PageLedger

    path = tmp_path / "article-pages.json"
    good = ["d" * 32, [["regions/index.md", 1, 2, 3]]]
    path.write_text(json.dumps({GROUP + "regions": good, GROUP + "people": ["d" * 32, [["/etc/passwd", 1, 2, 3]]],
                                GROUP + "dates+topics+home": ["d" * 32, [["../x.md", 1, 2, 3]]],
                                "#seeds": {"a.txt": ["k", "d"]}}), encoding="utf-8")
    ledger = PageLedger.load(path, tmp_path, {})
    assert ledger.groups == {"regions": good} and ledger.seeds == {"a.txt": ["k", "d"]}


def test_a_file_of_the_previous_tree_is_never_written_through_a_link(tmp_path):
    """A path that already holds a link to the published tree (a damaged record could link a file
    another writer then makes) is replaced, not written into: the published file keeps its bytes."""
    previous, staging = tmp_path / "docs", tmp_path / "staging"
    previous.mkdir()
    (previous / "data.md").write_text("已发布\n", encoding="utf-8")
    sink = write.DirectorySink(staging, previous)
    assert sink.reuse("data.md", sink.path("data.md"))   # linked, as a group entry naming it would
    sink("data.md", "新内容\n")
    sink.stream_bytes("data.md", [b"more\n"])
    assert (previous / "data.md").read_text(encoding="utf-8") == "已发布\n"
    assert (staging / "data.md").read_bytes() == b"more\n"


def test_an_index_page_group_with_no_files_is_not_loaded(tmp_path):
    from cppcc_archive.pagecache import GROUP, PageLedger

    path = tmp_path / "article-pages.json"
    path.write_text(json.dumps({GROUP + "regions": ["d" * 32, []],
                                GROUP + "people": ["d" * 32, [["people/index.md", 1, 2, 3]] * 2]}), encoding="utf-8")
    assert PageLedger.load(path, tmp_path, {}).groups == {}


def test_a_group_is_not_linked_from_a_file_swapped_after_the_check(tmp_path):
    """Another build may publish a tree between the check of a group's files and their links: the
    link is checked again and, when it is not the recorded file, nothing of the group stays linked."""
    from cppcc_archive.pagecache import GROUP, PageLedger

    previous, staging = tmp_path / "docs", tmp_path / "staging"
    (previous / "regions").mkdir(parents=True)
    pages = {"regions/index.md": "地区\n", "regions/110000.md": "北京\n"}
    for rel, text in pages.items():
        (previous / rel).write_text(text, encoding="utf-8")

    def ident(rel):
        st = (previous / rel).stat()
        return [rel, st.st_ino, st.st_size, st.st_mtime_ns]

    record = tmp_path / "article-pages.json"
    record.write_text(json.dumps({GROUP + "regions": ["d" * 32, [ident(rel) for rel in pages]]}), encoding="utf-8")
    ledger = PageLedger.load(record, previous, {})
    sink = write.DirectorySink(staging, previous)
    real = sink.reuse

    def swap_then_link(rel, path, *rest):
        if rel == "regions/110000.md":   # another build publishes its file meanwhile
            other = tmp_path / "other.md"
            other.write_text("天津\n", encoding="utf-8")
            os.replace(other, previous / rel)
        return real(rel, path, *rest)

    sink.reuse = swap_then_link
    assert ledger.link_group("regions", "d" * 32, sink) is None
    assert not any(p.is_file() for p in staging.rglob("*"))


def _reads(monkeypatch) -> list[str]:
    """Names of the seeds read from here on (in this process)."""
    from cppcc_archive import read

    seen: list[str] = []
    real = read.read_bytes
    monkeypatch.setattr(read, "read_bytes",
                        lambda path, name, *rest, **kw: seen.append(name) or real(path, name, *rest, **kw))
    return seen


def test_an_unchanged_seed_is_not_read_again_and_an_edit_that_keeps_size_and_mtime_is_seen(tmp_path, seeds_copy,
                                                                                           monkeypatch):
    """A rebuild takes an unchanged seed's key from the identity the last build recorded, without
    reading the file; an edit is still seen when it keeps the size and sets the mtime back (ctime
    cannot be set back), and a seed written just before a build began is not trusted the next time."""
    from cppcc_archive import cache, pipeline

    monkeypatch.setattr(cache, "RACY_NS", 0)
    cache_dir = tmp_path / "cache"
    first = {r.name: r for r in pipeline.gather(seeds_copy, cache_dir=cache_dir)}
    reads = _reads(monkeypatch)
    again = {r.name: r for r in pipeline.gather(seeds_copy, cache_dir=cache_dir)}
    assert reads == [] and all(r.from_cache for r in again.values())
    assert [a.paragraphs for r in again.values() for a in r.articles] == \
        [a.paragraphs for r in first.values() for a in r.articles]

    target = sorted(seeds_copy.glob("002_*"))[0]
    st = target.stat()
    text = target.read_text(encoding="utf-8")
    edited = text.replace("委員", "代表", 1)   # a traditional seed
    assert edited != text and len(edited.encode()) == len(text.encode())
    target.write_text(edited, encoding="utf-8")
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert target.stat().st_size == st.st_size and target.stat().st_mtime_ns == st.st_mtime_ns
    third = {r.name: r for r in pipeline.gather(seeds_copy, cache_dir=cache_dir)}
    assert reads == [target.name] and not third[target.name].from_cache   # read once
    assert third[target.name].key != again[target.name].key

    monkeypatch.setattr(cache, "RACY_NS", 10**18)   # every file counts as written just before the build
    reads.clear()
    pipeline.gather(seeds_copy, cache_dir=cache_dir)
    assert reads == []   # still recorded by the build before
    pipeline.gather(seeds_copy, cache_dir=cache_dir)
    assert sorted(reads) == sorted(third)   # the racy build recorded none


def test_the_published_index_is_patched_while_the_pages_are_written(tmp_path, seeds_copy, monkeypatch):
    """The indexer needs articles.json alone: the exports come first, and when the published index
    can be patched (one process) the indexer works while this process writes the pages (one after
    the other, a one-seed rebuild at 10,000 seeds spent about 3 s on each). An index made afresh
    uses every core, as the pages do, and --jobs 1 one core at a time: then it comes after them. When writing the pages fails, the
    indexer is killed, not waited for, and nothing is published."""
    import subprocess

    events: list[str] = []
    real_pages, real_popen = write.write_site, subprocess.Popen

    class Popen(real_popen):
        def __init__(self, cmd, *a, **k):
            super().__init__(cmd, *a, **k)
            if "cppcc_archive.indexer" in cmd:
                events.append("indexer started")
                popened.append(self)

    popened: list = []
    monkeypatch.setattr(subprocess, "Popen", Popen)
    slow: list = []   # seconds the pages take longer

    def pages(*a, **k):
        events.append("pages")
        time.sleep(sum(slow))
        return real_pages(*a, **k)

    monkeypatch.setattr(write, "write_site", pages)
    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert events == ["pages", "indexer started"]
    target = sorted(seeds_copy.glob("002_*"))[0]
    append(target, "北京市延庆区政协召开会议。")
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0   # one core at a time
    assert events[2:] == ["pages", "indexer started"]
    append(target, "上海市政协召开会议。")
    slow.append(3.0)
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "2") == 0
    stats = json.loads((out / ".cache" / "last-build.json").read_text(encoding="utf-8"))
    assert events[4:] == ["indexer started", "pages"] and stats["search_index_patched"]
    assert popened[-1].returncode == 0 and stats["search_index_beside_pages"]
    assert 0 < stats["search_indexer_seconds"] < 3.0 <= stats["stage_seconds"]["pages"]   # its own time, not the pages'

    def broken(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(write, "write_site", broken)
    append(target, "天津市政协召开会议。")
    before = files(out / "docs")
    try:
        run_build(seeds_copy, out, "--no-site", "--jobs", "2")
    except OSError:
        pass
    assert len(popened) == 4 and popened[-1].returncode is not None and popened[-1].returncode < 0   # killed
    assert files(out / "docs") == before


def test_a_page_follows_whether_its_related_articles_titles_are_devised(tmp_path, seeds_copy):
    """Related articles are listed with a devised title in ［］: when a curator gives seed 002's
    derived title (广大政协委员要坚持为国履职…) as the article's own, the pages of other seeds that
    list it lose the brackets, as a cold build's do (found by a review: the page's digest lacked it)."""
    out, cold = tmp_path / "out", tmp_path / "cold"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    arts = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    derived = next(a for a in arts if a["title_derived"] and a["source_file"].startswith("002_"))
    listing = [p for p in (out / "docs" / "a").glob("*.md")
               if f"［{derived['title']}］" in p.read_text(encoding="utf-8")]
    others = {a["id"] for a in arts if a["source_file"] != derived["source_file"]}
    assert any(p.stem in others for p in listing)
    (seeds_copy / "curation.yaml").write_text(
        f"{derived['source_file']}:\n  articles:\n    {derived['part']}:\n      title: \"{derived['title']}\"\n",
        encoding="utf-8")
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    assert not any(f"［{derived['title']}］" in p.read_text(encoding="utf-8") for p in (out / "docs" / "a").glob("*.md"))
    assert run_build(seeds_copy, cold, "--no-site", "--jobs", "1", "--no-cache") == 0
    assert {k: v[1] for k, v in files(cold / "docs").items()} == {k: v[1] for k, v in files(out / "docs").items()}


def test_a_seed_link_pointed_elsewhere_while_it_is_read_records_the_file_read(tmp_path, monkeypatch):
    """The identity recorded with a seed's key is the open file's, not the path's: a symbolic link
    pointed at another file between the build's look at the path and its read must not leave
    file 1's identity with file 2's key, or the next build, the link pointed back, would serve
    file 2's articles for file 1 (a review's find)."""
    import shutil

    from cppcc_archive import cache, pipeline, read

    monkeypatch.setattr(cache, "RACY_NS", 0)
    store, seeds = tmp_path / "store", tmp_path / "seeds"
    store.mkdir(), seeds.mkdir()
    first, second = sorted((REPO / "seeds").glob("00[01]_*"))
    shutil.copy(first, store / "v1.txt"), shutil.copy(second, store / "v2.txt")
    link = seeds / "x.txt"

    def point(target: str) -> None:   # as `ln -sfn` does: a new link renamed over the old
        os.symlink(store / target, seeds / ".tmp")
        os.replace(seeds / ".tmp", link)

    point("v1.txt")
    real = read.read_bytes

    def flip_then_read(path, name, *rest, **kw):
        point("v2.txt")
        return real(path, name, *rest, **kw)

    monkeypatch.setattr(read, "read_bytes", flip_then_read)
    [got] = pipeline.gather(seeds, cache_dir=tmp_path / "cache")
    monkeypatch.setattr(read, "read_bytes", real)
    point("v1.txt")
    [again] = pipeline.gather(seeds, cache_dir=tmp_path / "cache")
    [cold] = pipeline.gather(seeds)
    assert got.articles[0].title != cold.articles[0].title   # the first build read v2
    assert [a.title for a in again.articles] == [a.title for a in cold.articles]


class _Reading:
    """An article that records which of its attributes are read."""

    def __init__(self, article, read: set):
        self._article, self._read = article, read

    def __getattr__(self, name):
        self._read.add(name)
        return getattr(self._article, name)


def test_index_pages_read_only_the_fields_their_digest_covers():
    """A rebuild links a group of index pages while ``write.INDEX_FIELDS`` of every article are
    unchanged: every group but the report (always rendered) must read no other field, nor call a
    method that reads the text.  Rendered from the seeds' articles wrapped to record what is read."""
    from cppcc_archive import pipeline

    kept, report = pipeline.assemble(pipeline.gather(REPO / "seeds"))
    read: set = set()
    wrapped = [_Reading(a, read) for a in kept]

    def groups(arts):
        by_source = {}
        for a in arts:
            by_source.setdefault(a.source_file, []).append(a)
        people = write._people(arts)
        template = (REPO / "docs" / write.HOME_TEMPLATE).read_text(encoding="utf-8")
        made = write._index_groups(arts, report, by_source, write.source_shards(by_source), people, sorted(people),
                                   template)
        return {rel: text for name, render in made.items() if name != "report" for rel, text in render().items()}

    assert groups(wrapped) == groups(kept)   # the wrapper changes nothing the pages show
    assert read and read <= set(write.INDEX_FIELDS), sorted(read - set(write.INDEX_FIELDS))
