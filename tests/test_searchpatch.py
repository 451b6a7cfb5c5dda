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


def test_a_file_gone_from_the_published_index_makes_it_cold_without_leftovers(tmp_path, corpus):
    recs, _ = corpus
    builds = Builds(tmp_path)
    first = builds(recs)
    gone = sorted((first / "search/x").iterdir())[0]
    gone.unlink()
    edited = _edited(recs, 500, text=recs[500]["text"] + "。政协。")
    assert _tree(builds(edited)) == _cold(edited)   # nothing the failed patch linked is left
    assert builds.patched == [False] and gone.name in builds.why[0]


def test_a_damaged_state_is_no_state(tmp_path, corpus):
    recs, _ = corpus
    builds = Builds(tmp_path)
    builds(recs)
    state = builds.counts / searchpatch.STATE
    data = json.loads(state.read_text(encoding="utf-8"))
    assert searchpatch.load_state(state) == data
    data["c"] = data["c"][:-1]   # one document short
    state.write_text(json.dumps(data), encoding="utf-8")
    assert searchpatch.load_state(state) is None
    state.write_text("{", encoding="utf-8")
    assert searchpatch.load_state(state) is None
    edited = _edited(recs, 500, text=recs[500]["text"] + "。政协。")
    assert _tree(builds(edited)) == _cold(edited) and builds.patched == [False]


def test_the_mean_length_is_rounded_to_a_grid():
    assert search.quantized_avgdl(0, 0) == 1.0
    means = [search.quantized_avgdl(total, 1000) for total in range(5_900_000, 6_100_000, 997)]
    assert len(set(means)) <= 3   # ± 1.7 % of a mean of 6,000: at most two grid lines crossed
    assert all(abs(q / (t / 1000) - 1) <= 0.011 for q, t in zip(means, range(5_900_000, 6_100_000, 997)))
