"""Keywords by TF-IDF over one fast segmentation.

Segmentation uses rjieba (the jieba-rs binding: same dictionary and tokens
as jieba, about 20× faster here); IDF weights come from jieba's own table.
Domain terms from ``data/userdict.txt`` (有事好商量, 社情民意 …) are found
with Aho–Corasick and counted whole, since rjieba takes no user dictionary.
Words every CPPCC article has are in ``data/stopwords.txt``.
"""
from __future__ import annotations

import functools
import heapq
import re
from collections import Counter
from pathlib import Path

import jieba
import rjieba

from ..errors import ConfigError
from ..matcher import Matcher

DATA = Path(__file__).resolve().parent.parent / "data"
IDF_FILE = Path(jieba.__file__).parent / "analyse" / "idf.txt"
_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")
# A two-character word the IDF table does not know, starting with a preposition or conjunction, is
# a segmentation slip across a word boundary (案例为区政协 → 为区), not a keyword.
_FUNCTION_HEAD = frozenset("为在对向把被将与和及于从以由")


@functools.lru_cache(maxsize=None)
def _idf() -> tuple[dict[str, float], float]:
    table = {}
    with open(IDF_FILE, encoding="utf-8") as fh:
        for line in fh:
            word, _, value = line.rstrip("\n").partition(" ")
            table[word] = float(value)
    median = sorted(table.values())[len(table) // 2]
    return table, median


@functools.lru_cache(maxsize=None)
def load_userdict(path: Path = DATA / "userdict.txt") -> tuple[str, ...]:
    """Domain terms, one per line (``term [freq] [tag]`` as jieba's user dictionary)."""
    terms = []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        term = line.split()[0]
        if not _WORD.match(term):
            raise ConfigError(path, lineno, f"term {term!r} must be two or more CJK characters")
        terms.append(term)
    return tuple(terms)


@functools.lru_cache(maxsize=None)
def load_stopwords(path: Path = DATA / "stopwords.txt") -> frozenset[str]:
    words = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


@functools.lru_cache(maxsize=None)
def _term_automaton() -> Matcher:
    return Matcher({term: term for term in load_userdict()})


def segment(text: str) -> list[str]:
    return rjieba.cut(text)


def domain_terms(text: str) -> Counter:
    return Counter(term for _, _, term, _ in _term_automaton().longest(text))


_IDF_OF: dict[str, float] = {}  # word -> its IDF, or 0.0 when it can never be a keyword


def _idf_of(word: str) -> float:
    """IDF weight of a segmented word, memoised: a corpus reuses its vocabulary.

    >>> _idf_of("为区"), _idf_of("旅游") > 0, _idf_of("为民") > 0
    (0.0, True, True)
    """
    w = _IDF_OF.get(word)
    if w is None:
        idf, median = _idf()
        ok = len(word) > 1 and word not in load_stopwords() and _WORD.match(word)
        if ok and len(word) == 2 and word[0] in _FUNCTION_HEAD and word not in idf:
            ok = False
        w = _IDF_OF[word] = idf.get(word, median) if ok else 0.0
    return w


def keywords(text: str, k: int = 8) -> tuple[str, ...]:
    """Top-k TF-IDF keywords, domain terms included, stop words excluded."""
    counts = Counter(segment(text))  # count first, then weigh each distinct word once
    memo = _IDF_OF
    for w in counts.keys() - memo.keys():   # words not seen before in this process
        _idf_of(w)
    tf = {w: n for w, n in counts.items() if memo[w]}
    stop = load_stopwords()
    for term, n in domain_terms(text).items():
        if term not in stop and n > tf.get(term, 0):
            tf[term] = n
    if not tf:
        return ()
    total = sum(tf.values())
    idf, median = _idf()
    scored = [(-(n / total) * (memo.get(w) or idf.get(w, median)), w) for w, n in tf.items()]
    return tuple(w for _, w in heapq.nsmallest(k, scored))
