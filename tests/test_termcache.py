"""The search indexer's cache of each document's term counts (cppcc_archive/termcache.py)."""
from __future__ import annotations

import json

import numpy as np
import pytest

from cppcc_archive import search, termcache
from cppcc_archive.search import build_search_files


def _rec(i, title, text, date):
    rid = f"{i:012x}"
    return {"id": rid, "url": f"a/{rid}/", "title": title, "text": text, "date": date, "date_text": None,
            "level": None, "topics": ["委员履职"], "keywords": [], "regions": []}


@pytest.fixture
def records():
    # Titles with characters their texts lack (title-only unigrams), digits and Latin words next to
    # ideographs (joint terms), an astral ideograph, and a NUL (counted as a space).
    return [_rec(i, f"第{i}次政协会议𠀀", f"郑州市政协于{i % 12 + 1}月召开GDP 增长座谈会，委员建言{i}条。" * (i % 5 + 1)
                 + ("\x00" if i == 3 else ""), f"2024-01-{i % 28 + 1:02d}") for i in range(30)]


def listed(folder) -> dict:
    """The cache's index: digest → [pack, offset, length]."""
    return json.loads((folder / "index.json").read_text(encoding="utf-8"))


def packs(folder) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in folder.glob("pack-*.bin")}


def test_an_entry_reads_back_as_written():
    keys = np.array([0x4E00, 0x653F | 0x534F << 16], dtype=np.uint64)
    counts = np.array([6, 64], dtype=np.uint8)
    words = {"gdp": 3, "于6": 1, "𠀀5g": 2}
    got_keys, got_counts, got_words = termcache.decode(termcache.encode(keys, counts, words))
    assert got_keys.tolist() == keys.tolist() and got_keys.dtype == np.uint64
    assert got_counts.tolist() == [6, 64] and got_words == words
    empty = termcache.encode(np.empty(0, np.uint64), np.empty(0, np.uint8), {})
    assert [len(x) for x in termcache.decode(empty)] == [0, 0, 0]


def test_a_damaged_entry_is_no_entry():
    whole = termcache.encode(np.array([0x4E00], dtype=np.uint64), np.array([1], dtype=np.uint8), {"a": 1})
    assert termcache.decode(whole[:-1]) is None            # cut short
    assert termcache.decode(whole + b" ") is None          # longer than its header says
    assert termcache.decode(b"XX1\0" + whole[4:]) is None  # not an entry
    flipped = bytearray(whole)
    flipped[-3] ^= 1
    assert termcache.decode(bytes(flipped)) is None        # same size, a byte changed: the checksum fails
    assert termcache.decode(b"") is None


def _reference_counts(text, title):
    """The CJK terms counted in plain Python: bigrams of adjacent CJK code units (title ones five
    times, at most 64), unigrams of CJK characters (6 when in the title, else 1)."""
    def units(s):
        raw = s.encode("utf-16-le", "surrogatepass")
        return [raw[i] | raw[i + 1] << 8 for i in range(0, len(raw), 2)]

    counts = {}
    for s, weight in ((text, 1), (title, search.TITLE_WEIGHT)):
        u = units(s)
        for a, b in zip(u, u[1:]):
            if search._CJK[a] and search._CJK[b]:
                counts[a | b << 16] = counts.get(a | b << 16, 0) + weight
    counts = {k: min(v, 64) for k, v in counts.items()}
    for c in units(text):
        if search._UNI[c]:
            counts[c] = 1
    for c in units(title):
        if search._UNI[c]:
            counts[c] = 1 + search.TITLE_WEIGHT
    return counts


def test_counts_are_the_terms_of_title_and_text(records):
    """The cached form (counts before impacts and document numbers): keys ascending, one per term,
    and packed with a document number and impacts they stay ascending (the spill needs that)."""
    text, title = search._indexed_pair({"x": records[3]["text"], "t": records[3]["title"]})
    assert "\x00" not in text
    keys, counts, words = search._term_counts(text, title)
    assert dict(zip(keys.tolist(), counts.tolist())) == _reference_counts(text, title)
    assert (np.diff(keys.astype(np.int64)) > 0).all()
    packed = search._postings_of(9, keys, counts, np.array(search._impact_row(len(text), 100.0), dtype=np.uint64))
    assert (packed[1:] > packed[:-1]).all()
    assert words["gdp增"] == 4 and words["4月"] == 4 and words["3"] == 4 + search.TITLE_WEIGHT


def test_a_warm_build_counts_nothing_and_makes_the_same_files(records, tmp_path, monkeypatch):
    plain = build_search_files(records)
    folder = tmp_path / "counts"
    assert build_search_files(records, counts=folder) == plain
    assert len(listed(folder)) == len(records)
    assert {where[0] for where in listed(folder).values()} == set(packs(folder))

    def no_counting(*_):
        raise AssertionError("counted although cached")

    monkeypatch.setattr(search, "_term_counts", no_counting)
    assert build_search_files(records, counts=folder) == plain
    assert build_search_files(records, counts=folder, jobs=2) == plain   # forked workers read it too


def test_an_edited_document_alone_is_counted_and_its_old_entry_goes(records, tmp_path, monkeypatch):
    folder = tmp_path / "counts"
    build_search_files(records, counts=folder)
    before = listed(folder)
    edited = [dict(r) for r in records]
    edited[4]["text"] += "增量构建测试。"
    fresh = build_search_files(edited)
    counted = []
    real = search._term_counts
    monkeypatch.setattr(search, "_term_counts", lambda text, title: counted.append(title) or real(text, title))
    assert build_search_files(edited, counts=folder) == fresh
    assert counted == [edited[4]["title"]]
    after = listed(folder)
    assert len(after) == len(records) and len(set(after) - set(before)) == 1
    assert len(packs(folder)) == 2   # the first build's, still mostly used, and the new entry's


def test_packs_mostly_unused_are_copied_and_deleted(records, tmp_path, monkeypatch):
    """Entries of documents no longer indexed leave the index; a pack less than half of which is
    still listed has its live entries copied into a new pack and goes."""
    folder = tmp_path / "counts"
    build_search_files(records, counts=folder)
    [first] = packs(folder)
    edited = [dict(r, text=r["text"] + "增量。") if i % 3 else r for i, r in enumerate(records)]
    assert build_search_files(edited, counts=folder) == build_search_files(edited)
    assert first not in packs(folder)
    assert len(listed(folder)) == len(records)
    assert {where[0] for where in listed(folder).values()} == set(packs(folder))
    live = sum(where[2] for where in listed(folder).values())
    assert sum(packs(folder).values()) == live
    expected = build_search_files(edited)
    monkeypatch.setattr(search, "_term_counts", lambda *_: (_ for _ in ()).throw(AssertionError("counted")))
    assert build_search_files(edited, counts=folder) == expected   # the copies are read


def test_damaged_packs_and_index_only_cost_counting_again(records, tmp_path, monkeypatch):
    folder = tmp_path / "counts"
    plain = build_search_files(records, counts=folder)
    [pack] = packs(folder)
    path = folder / pack
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])   # cut short: the entries in the second half are lost
    assert build_search_files(records, counts=folder) == plain
    assert len(listed(folder)) == len(records)
    (folder / "index.json").write_text("{not json", encoding="utf-8")
    counted = []
    real = search._term_counts
    monkeypatch.setattr(search, "_term_counts", lambda text, title: counted.append(title) or real(text, title))
    assert build_search_files(records, counts=folder) == plain
    assert len(counted) == len(records) and len(listed(folder)) == len(records)


def test_a_cache_that_cannot_be_written_only_costs_time(records, tmp_path):
    blocker = tmp_path / "counts"
    blocker.write_text("a file where the folder should be")
    assert build_search_files(records, counts=blocker) == build_search_files(records)


def test_forked_workers_store_their_counts_in_packs_of_their_own(tmp_path, monkeypatch):
    """With 600 documents the sample for the key ranges counts every other one in the build's
    process; the two workers count the rest, each into a pack of its own, read back by the next build."""
    many = [_rec(i, f"会议{i}", f"第{i}号提案：政协委员围绕{i % 17}项议题协商。", f"2023-{i % 12 + 1:02d}-01")
            for i in range(600)]
    folder = tmp_path / "counts"
    plain = build_search_files(many, jobs=1)
    assert build_search_files(many, jobs=2, counts=folder) == plain
    assert len(listed(folder)) == len(many) and len(packs(folder)) == 3
    monkeypatch.setattr(search, "_term_counts", lambda *_: (_ for _ in ()).throw(AssertionError("counted")))
    assert build_search_files(many, jobs=2, counts=folder) == plain


def test_lines_read_before_are_not_parsed_again(records, tmp_path, monkeypatch):
    """The indexer keeps what it read from each line of ``articles.json``; the next run takes an
    unchanged line's record from there, without its text, and the index is the same.  When the
    line's counts are gone, the text is read from the line again."""
    from cppcc_archive import write

    path = tmp_path / "articles.json"
    path.write_text(write.dumps_json(records), encoding="utf-8")
    folder = tmp_path / "counts"
    plain = build_search_files(search.records_for_index(path))
    seen = {}
    first = search.records_for_index(path, termcache.load_lines(folder), seen)
    assert build_search_files(first, counts=folder) == plain
    termcache.save_lines(folder, seen)

    known = termcache.load_lines(folder)
    parsed = []
    real = json.loads
    monkeypatch.setattr(search.json, "loads", lambda raw, *a, **k: parsed.append(1) or real(raw, *a, **k))
    again = {}
    second = search.records_for_index(path, known, again)
    assert parsed == [] and again == seen
    assert all("indexed_text" not in r and r["_line"][0] == str(path) for r in second)
    assert build_search_files(second, counts=folder) == plain

    monkeypatch.undo()
    reread = []
    real_with_text = search._with_text
    monkeypatch.setattr(search, "_with_text", lambda doc: reread.append(doc["u"]) or real_with_text(doc))
    for pack in folder.glob("pack-*.bin"):
        pack.unlink()
    assert build_search_files(second, counts=folder) == plain
    assert sorted(reread) == sorted(r["url"] for r in records)   # each text read again from its line, once


def test_many_small_packs_are_copied_together(records, tmp_path, monkeypatch):
    """Each build that counts something adds a pack per process; past ``MAX_PACKS`` all but the
    largest half are copied into one, so packs (and the files the indexer holds open) stay few."""
    monkeypatch.setattr(termcache, "MAX_PACKS", 4)
    folder = tmp_path / "counts"
    edited = [dict(r) for r in records]
    for round_ in range(8):
        edited[round_]["text"] += f"第{round_}次修改。"
        build_search_files(edited, counts=folder)
        assert len(packs(folder)) <= 4 + 1
    assert len(listed(folder)) == len(records)
    expected = build_search_files(edited)
    monkeypatch.setattr(search, "_term_counts", lambda *_: (_ for _ in ()).throw(AssertionError("counted")))
    assert build_search_files(edited, counts=folder) == expected


def test_a_pack_that_cannot_be_written_only_costs_time(records, tmp_path, monkeypatch):
    """A full disk shows when the pack's buffer is written out, after the entries were accepted:
    the build goes on, lists none of them, and the next build counts them again."""
    plain = build_search_files(records)
    folder = tmp_path / "counts"
    real_open = open

    def full_disk(path, mode="r", *a, **k):
        if "pack-" in str(path) and "w" in mode:
            return real_open("/dev/full", mode, *a, **k)
        return real_open(path, mode, *a, **k)

    monkeypatch.setattr("builtins.open", full_disk)
    assert build_search_files(records, counts=folder) == plain
    assert build_search_files(records, counts=folder, jobs=2) == plain
    monkeypatch.undo()
    assert listed(folder) == {}
    assert build_search_files(records, counts=folder) == plain and len(listed(folder)) == len(records)


def test_forked_workers_read_texts_again_when_counts_are_gone(tmp_path):
    """Lines known from an earlier run, their counts deleted, 600 documents over two workers: each
    worker reads the texts of its documents from their lines."""
    from cppcc_archive import write

    many = [_rec(i, f"会议{i}", f"第{i}号提案：政协委员围绕{i % 17}项议题协商。", f"2023-{i % 12 + 1:02d}-01")
            for i in range(600)]
    path = tmp_path / "articles.json"
    path.write_text(write.dumps_json(many), encoding="utf-8")
    folder = tmp_path / "counts"
    plain = build_search_files(search.records_for_index(path), jobs=1)
    seen = {}
    build_search_files(search.records_for_index(path, {}, seen), jobs=2, counts=folder)
    termcache.save_lines(folder, seen)
    for pack in folder.glob("pack-*.bin"):
        pack.unlink()
    known = search.records_for_index(path, termcache.load_lines(folder), {})
    assert all("_line" in r for r in known)
    assert build_search_files(known, jobs=2, counts=folder) == plain
