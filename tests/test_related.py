"""Related articles (``write.RelatedIndex``) against a pairwise reference, on the seeds' articles."""
from __future__ import annotations

import pytest

from conftest import SEEDS

from cppcc_archive import pipeline, write


@pytest.fixture(scope="module")
def kept():
    return pipeline.assemble(pipeline.gather(SEEDS))[0]


def reference(articles, i: int, k: int = 5, common: int = write.RelatedIndex.COMMON) -> list[str]:
    """Every pair scored in plain Python: shared features' weights summed, features shared by more
    than ``common`` articles left out, at least MIN_SCORE, best first, ties by id."""
    def features(a):
        return {("r", r.code) for r in a.regions} | {("t", t) for t in a.topics} | {("k", w) for w in a.keywords}

    feats = [features(a) for a in articles]
    counts = {}
    for f in feats:
        for x in f:
            counts[x] = counts.get(x, 0) + 1
    scored = []
    for j, f in enumerate(feats):
        if j != i:
            s = sum(write.RelatedIndex.WEIGHT[x[0]] for x in feats[i] & f if counts[x] <= common)
            if s >= write.RelatedIndex.MIN_SCORE:
                scored.append((-s, articles[j].id))
    return [aid for _, aid in sorted(scored)[:k]]


@pytest.mark.parametrize("dense", [0, 10 ** 6], ids=["sum-over-distinct-ids", "sum-over-all-articles"])
@pytest.mark.parametrize("common", [write.RelatedIndex.COMMON, 3])
def test_both_ways_of_scoring_match_the_pairwise_reference(kept, monkeypatch, dense, common):
    monkeypatch.setattr(write.RelatedIndex, "DENSE", dense)
    monkeypatch.setattr(write.RelatedIndex, "COMMON", common)
    index = write.RelatedIndex(kept)
    lists = [[a.id for a in index.of(i)] for i in range(len(kept))]
    assert lists == [reference(kept, i, common=common) for i in range(len(kept))]
    assert sum(map(len, lists)) > len(kept)   # the seeds' articles do have related ones


def _corpus(rng, n: int):
    """``n`` articles drawing features from small pools, so that many share them and some features
    pass a small ``COMMON``."""
    from cppcc_archive.model import Article, Region

    def article(i: int):
        return Article(source_file=f"s{i:03d}.txt", part=1, title=f"题{i}", title_derived=False, paragraphs=(),
                       script="simplified", id=f"{i:012x}",
                       regions=tuple(Region("省", None, None, f"{c:06d}") for c in rng.sample(range(8), rng.randint(0, 2))),
                       topics=tuple(rng.sample("ABCDEF", rng.randint(0, 2))),
                       keywords=tuple(rng.sample("甲乙丙丁戊己庚辛壬癸子丑", rng.randint(0, 4))))
    return [article(i) for i in range(n)], article


def _recorded(index):
    """What a build keeps of ``index``'s lists (each article page's entry, and the widely shared features)."""
    from cppcc_archive.pagecache import RelatedRecord

    return RelatedRecord(index.common, {a.id: tuple(index.record(i, index.of(i))) for i, a in enumerate(index.articles)})


@pytest.mark.parametrize("common", [write.RelatedIndex.COMMON, 12])
def test_a_rebuild_takes_from_the_record_only_lists_that_would_not_change(monkeypatch, common):
    """Lists taken from the last build's record equal lists made afresh after every kind of edit: an
    article's features changed, an article gone, one added, a feature crossing ``COMMON``."""
    import random

    monkeypatch.setattr(write.RelatedIndex, "COMMON", common)
    rng = random.Random(7)
    reused = 0
    for round_ in range(60):
        old, article = _corpus(rng, 80)
        new = list(old)
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(new))
            edit = rng.choice(["features", "gone", "added"])
            if edit == "features":
                new[i] = new[i].with_(keywords=tuple(rng.sample("甲乙丙丁戊己庚辛壬癸子丑", rng.randint(0, 4))),
                                      topics=tuple(rng.sample("ABCDEF", rng.randint(0, 2))))
            elif edit == "gone":
                del new[i]
            else:
                new.insert(i, article(1000 + round_ * 10 + i % 10))
        previous = _recorded(write.RelatedIndex(old))
        index = write.RelatedIndex(new, previous=previous)
        afresh = write.RelatedIndex(new)
        assert [[a.id for a in index.of(i)] for i in range(len(new))] == \
            [[a.id for a in afresh.of(i)] for i in range(len(new))]
        reused += len(index.kept)
    assert reused > 60 * 80 / 10   # most rounds take lists from the record


def test_a_record_of_another_corpus_gives_no_list_of_its_own(kept):
    """Every article changed (no digest matches): every list is made afresh."""
    index = write.RelatedIndex(kept)
    foreign = _recorded(index)._replace(lists={aid: ("0" * 16, ids) for aid, (_, ids) in _recorded(index).lists.items()})
    assert write.RelatedIndex(kept, previous=foreign).kept == {}
