"""The search index patched in place of a cold one (cppcc_archive/searchpatch.py): whatever the
edit, the files are byte for byte those of a cold index of the same records."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cppcc_archive import search, searchpatch
from cppcc_archive.search import build_search_files
from cppcc_archive.sink import DirectorySink

RARE = "鿐鿑"   # a bigram no seed text holds: its posting list is made to measure below


@pytest.fixture(scope="module")
def corpus(articles):
    """1,000 short documents from the seed articles' paragraphs; ``RARE`` in exactly the number of
    them whose postings still fit inside a shard (a list of df numbers of 2 bytes above the 125
    bytes of a bitset: a bitset and df impact bytes, 768 bytes at most)."""
    recs = search.synthetic_records(articles, 1000, length=300)
    inline_df = search.INLINE_MAX - (len(recs) + 7) // 8
    for r in recs[:inline_df]:
        r["text"] = RARE + r["text"]
    for r in recs[::50]:   # astral ideographs: each is two UTF-16 code units, so two characters of a term
        r["text"] = r["text"] + "𠀀𠀁"
    return recs, inline_df


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _cold(records) -> dict[str, bytes]:
    return {k: v if isinstance(v, bytes) else v.encode("utf-8") for k, v in build_search_files(records).items()}


class Builds:
    """Index builds into fresh trees sharing one term-count folder, each over the last one, as the
    build runs them (``patch_from`` the last tree); ``patched`` says which were patched, ``why`` why
    the others were not."""

    def __init__(self, root: Path):
        self.root, self.counts, self.last, self.patched, self.why = root, root / "counts", None, [], []

    def __call__(self, records, jobs=1) -> Path:
        tree = self.root / f"tree{len(list(self.root.glob('tree*')))}"
        outcome: dict = {}
        build_search_files(records, jobs=jobs, emit=DirectorySink(tree, self.last), scratch=self.root,
                           counts=self.counts, patch_from=self.last, outcome=outcome)
        if self.last is not None:
            self.patched.append(outcome.get("patched", False))
            self.why.append(outcome.get("cold"))
        self.last = tree
        return tree


def _cold_state(records, folder: Path) -> dict:
    """The state a cold index of ``records`` leaves (its own term-count folder)."""
    build_search_files(records, emit=DirectorySink(folder / "tree"), counts=folder / "counts")
    return json.loads((folder / "counts" / searchpatch.STATE).read_text(encoding="utf-8"))


def _edited(records, i, **fields):
    out = list(records)
    out[i] = {**records[i], **fields}
    return out


def _newest(records) -> int:
    """The index (in ``records``) of the document numbered 0."""
    return records.index(search._sort_records(records)[0])


def test_an_edited_text_is_patched_into_the_cold_index(tmp_path, corpus):
    recs, _ = corpus
    builds = Builds(tmp_path)
    first = builds(recs, jobs=2)
    assert _tree(first / "") == _cold(recs)
    # Seed text before and after: one sentence more at the end of one article, one left out of another.
    edited = _edited(recs, 500, text=recs[500]["text"] + "\n政协委员就本地民生问题提出建议。")
    edited = _edited(edited, 501, text=edited[501]["text"][40:] + "𠀂𠀀")
    second = builds(edited)
    assert builds.patched == [True]
    assert _tree(second) == _cold(edited)
    # The state it leaves is the one a cold index leaves: the next patch starts from the truth.
    patched_state = json.loads((builds.counts / searchpatch.STATE).read_text(encoding="utf-8"))
    assert patched_state == _cold_state(edited, tmp_path / "cold")
    # Unchanged files are links to the published ones, not copies.
    assert os.path.samefile(first / "search/d/900.json", second / "search/d/900.json")
    third = builds(recs)   # and back
    assert builds.patched == [True, True] and _tree(third) == _cold(recs)


def test_a_list_that_outgrows_its_shard_moves_to_a_file_and_back(tmp_path, corpus):
    recs, inline_df = corpus
    builds = Builds(tmp_path)
    first = builds(recs)
    name = f"search/x/{search.external_name(RARE)}.bin"
    assert name not in _tree(first)
    longer = _edited(recs, inline_df + 10, text=RARE + recs[inline_df + 10]["text"])
    second = builds(longer)
    assert _tree(second) == _cold(longer) and name in _tree(second)
    shorter = _edited(recs, 0, text=recs[0]["text"].replace(RARE, ""))
    third = builds(shorter)
    assert _tree(third) == _cold(shorter) and name not in _tree(third)
    assert builds.patched == [True, True]


def test_a_term_that_leaves_the_last_document_leaves_the_index(tmp_path, corpus):
    recs, _ = corpus
    builds = Builds(tmp_path)
    once = _edited(recs, 3, text=recs[3]["text"] + "羴犇")   # in no other text
    builds(once)
    second = builds(recs)
    assert builds.patched == [True] and _tree(second) == _cold(recs)
    assert search.Index(_tree(second)).entry("羴犇") is None


def test_a_changed_result_line_or_facet_is_patched(tmp_path, corpus):
    recs, _ = corpus
    builds = Builds(tmp_path)
    builds(recs)
    i = _newest(recs)   # document 0: its date and so its number stay
    edited = _edited(recs, i, title=recs[i]["title"] + "（续）", topics=["提案工作"],
                     regions=[{"province": "西藏自治区", "prefecture": "拉萨市", "county": None}])
    assert _tree(builds(edited)) == _cold(edited)
    assert builds.patched == [True]


@pytest.mark.parametrize("change, why", [("date", "moved in date order"), ("added", "added"), ("removed", "removed"),
                                         ("many", "100 texts changed")])
def test_what_cannot_be_patched_is_made_cold(tmp_path, corpus, change, why):
    recs, _ = corpus
    builds = Builds(tmp_path)
    builds(recs)
    if change == "date":      # new document numbers
        edited = _edited(recs, _newest(recs), date="1999-01-01")
    elif change == "added":
        edited = recs + [{**recs[0], "id": "f" * 12, "url": "a/ffffffffffff/"}]
    elif change == "removed":
        edited = recs[1:]
    else:                     # more than MAX_CHANGED_SHARE of the documents
        edited = [{**r, "text": r["text"] + "政协。"} if i % 10 == 0 else r for i, r in enumerate(recs)]
    assert _tree(builds(edited)) == _cold(edited)
    assert builds.patched == [False] and why in builds.why[0]


def test_a_published_index_that_is_not_the_state_s_is_not_patched(tmp_path, corpus):
    recs, _ = corpus
    builds = Builds(tmp_path)
    first = builds(recs)
    # Another build's index made meanwhile, but not published (the state is now its):
    build_search_files(recs[1:], emit=DirectorySink(tmp_path / "unpublished"), counts=builds.counts)
    edited = _edited(recs, 500, text=recs[500]["text"] + "。政协。")
    assert builds.last == first and _tree(builds(edited)) == _cold(edited)
    assert builds.patched == [False] and "not the one the state describes" in builds.why[0]


@pytest.mark.parametrize("gone", ["a long list the edit reads", "a result line it links"])
def test_a_file_gone_from_the_published_index_makes_it_cold_without_leftovers(tmp_path, corpus, gone):
    recs, _ = corpus
    builds = Builds(tmp_path)
    first = builds(recs)
    # The edit takes every 的 out of one text: the long list of 的 is read to take it out.
    i = next(i for i in range(500, 1000) if "的" in recs[i]["text"] and "的" not in recs[i]["title"])
    edited = _edited(recs, i, text=recs[i]["text"].replace("的", ""))
    changed = search._sort_records(edited).index(edited[i])
    if gone == "a long list the edit reads":
        path = first / f"search/x/{search.external_name('的')}.bin"
    else:   # linked after d/0.json and d/1.json (in path order), which the patch links first
        path = first / f"search/d/{next(d for d in (7, 8) if d != changed)}.json"
    path.unlink()
    second = builds(edited)
    assert _tree(second) == _cold(edited)   # nothing the failed patch linked is left
    assert builds.patched == [False] and path.name in builds.why[0]
    assert ("not as the state says" if "reads" in gone else "could not be linked") in builds.why[0]
    # What the patch had linked was discarded, so the cold index links it again.
    for d in {0, 1} - {changed}:
        assert os.path.samefile(first / f"search/d/{d}.json", second / f"search/d/{d}.json")


def test_new_terms_that_take_the_index_over_a_shard_line_make_it_cold(tmp_path):
    """Terms new to the index add to the shards' bytes; when that takes the index to more shards
    (the shard bits depend on the inline bytes of all terms), it is made cold."""
    import random

    rnd = random.Random(7)
    alphabet = [chr(c) for c in range(0x4E00, 0x4EC8)]
    unseen = "".join(chr(c) for c in range(0x9000, 0x9028))   # characters in no other text
    for attempt in range(300):   # corpora of about 64 KB of inline postings, until the edit crosses the line
        recs = [{"id": f"{i:012x}", "url": f"a/{i:012x}/", "title": "", "date": "2024-01-01", "topics": [],
                 "regions": [], "text": "".join(rnd.choice(alphabet) for _ in range(80))}
                for i in range(rnd.randint(70, 78))]
        edited = _edited(recs, 1, text=recs[1]["text"][:40] + unseen)   # the same length: the same mean
        before, after = _cold_state(recs, tmp_path / f"a{attempt}"), _cold_state(edited, tmp_path / f"b{attempt}")
        if before["bits"] != after["bits"]:
            break
    else:
        pytest.fail("no corpus crosses a shard line")
    builds = Builds(tmp_path / "chain")
    builds(recs)
    assert _tree(builds(edited)) == _cold(edited)
    assert builds.patched == [False] and builds.why == ["the number of shards changes"]


def test_a_damaged_state_is_no_state(tmp_path, corpus):
    recs, _ = corpus
    builds = Builds(tmp_path)
    builds(recs)
    state = builds.counts / searchpatch.STATE
    data = json.loads(state.read_text(encoding="utf-8"))
    assert searchpatch.load_state(state) == data
    for damage in ({"c": data["c"][:-1]}, {"inline": None}, {"files": {**data["files"], "search/p/0.bin": "xy"}},
                   {"dl": [str(x) for x in data["dl"]]}, {"avgdl": 6000}):
        state.write_text(json.dumps({**data, **damage}), encoding="utf-8")
        assert searchpatch.load_state(state) is None, damage
    state.write_text("{", encoding="utf-8")
    assert searchpatch.load_state(state) is None
    edited = _edited(recs, 500, text=recs[500]["text"] + "。政协。")
    assert _tree(builds(edited)) == _cold(edited) and builds.patched == [False]


def test_the_mean_length_is_rounded_to_a_grid():
    assert search.quantized_avgdl(0, 0) == 1.0
    means = [search.quantized_avgdl(total, 1000) for total in range(5_900_000, 6_100_000, 997)]
    assert len(set(means)) <= 3   # ± 1.7 % of a mean of 6,000: at most two grid lines crossed
    for total in list(range(1, 5000, 7)) + list(range(5_900_000, 6_100_000, 997)):
        mean = total / 1000
        q = search.quantized_avgdl(total, 1000)
        assert abs(q / mean - 1) <= 1 / 64 and json.loads(json.dumps(q)) == q
