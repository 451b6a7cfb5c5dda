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
