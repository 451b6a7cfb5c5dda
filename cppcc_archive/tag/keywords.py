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

import ahocorasick
import jieba
import rjieba

from ..errors import ConfigError

DATA = Path(__file__).resolve().parent.parent / "data"
IDF_FILE = Path(jieba.__file__).parent / "analyse" / "idf.txt"
_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")


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
def _term_automaton() -> object:
    auto = ahocorasick.Automaton()
    for term in load_userdict():
        auto.add_word(term, term)
    if len(auto):
        auto.make_automaton()
    return auto


def segment(text: str) -> list[str]:
    return rjieba.cut(text)


def domain_terms(text: str) -> Counter:
    auto = _term_automaton()
    if not len(auto):
        return Counter()
    return Counter(term for _, term in auto.iter_long(text))


def keywords(text: str, k: int = 8) -> tuple[str, ...]:
    """Top-k TF-IDF keywords, domain terms included, stop words excluded."""
    stop = load_stopwords()
    idf, median = _idf()
    counts = Counter(segment(text))  # count first, then test each distinct word once
    tf = Counter({w: n for w, n in counts.items() if len(w) > 1 and w not in stop and _WORD.match(w)})
    for term, n in domain_terms(text).items():
        if term not in stop:
            tf[term] = max(tf[term], n)
    if not tf:
        return ()
    total = sum(tf.values())
    scored = [(-(n / total) * idf.get(w, median), w) for w, n in tf.items()]
    return tuple(w for _, w in heapq.nsmallest(k, scored))
