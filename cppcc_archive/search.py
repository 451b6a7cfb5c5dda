"""Chinese full-text search: a sharded static index for the browser client.

``build_search_files(records)`` turns the records of ``articles.json`` into
files under ``search/`` that the client (``docs/assets/search/search.js``)
fetches piece by piece, so a first query downloads a few hundred kilobytes
whatever the size of the archive.

The index holds no article text.  The text is published twice already (the
article pages ``a/<id>/``, and ``articles.json``); a third copy in the search
documents was ~125 MB at 10,000 seed files and took the site over GitHub
Pages' 1 GB.  When the client needs text (the snippet around a hit, checking a
quoted phrase, putting articles that hold the searched string verbatim first)
it fetches the article page of a shown result (``<site root> + url``, the
reader's next click, so it is then in the browser's cache too), parses it with
``DOMParser`` without inserting it, and reads the body paragraphs
(``p#p<n>``) and headings (``h2``, ``h3``) that are children of
``.md-content article`` (``page_text`` here reads the same), and what else of the
page the index holds, the bylines, publisher and date of the metadata list and the
photo captions (``page_extra``), which a quoted phrase may be found in.

Terms (no word segmentation, so a query never depends on a segmenter):

* every pair of adjacent CJK characters (bigram, with its frequency) and
  every CJK character (unigram, presence only) of the simplified title and
  text, in UTF-16 code units exactly as JavaScript strings count them;
* runs of ASCII letters and digits (full-width forms folded, lower-cased);
* joint terms: each such run with the CJK character written right before or after it (one space
  between allowed), so that 6月14日 or 2023年 finds where the digits and characters stand together
  rather than the AND of 6 and 月 anywhere (at 10,000 seeds they add 3.4 % to ``search/``, 67.7 →
  70.0 MB, and about 0.6 s to the index).

A query of one character looks up its unigram; a longer run is the AND of
its bigrams; a quoted phrase is additionally verified on the article text
(from the article page).
The query is converted to simplified script in the browser (vendored
opencc-js, Taiwan/Hong Kong/standard traditional → mainland simplified, then
``data/t2s_overrides.tsv``), so 延慶 finds 延庆.

Ranking: sum over query terms of ``idf × impact`` (BM25 with the tf factor
precomputed); then, within each batch of results fetched, articles that hold a
searched string verbatim (title first) come first.  Sorting by date needs no
data: document numbers are in date order.

What a first query fetches: the manifest, ``facets.bin``, one shard per term,
long posting lists rarest first within ``EXTERNAL_BUDGET`` bytes (a list left
out is checked on the text of each shown article instead, and the count is
then approximate), the documents of the first result page and their article
pages (for quoted phrases: more candidates, while less than ``PAGE_BUDGET``
bytes of pages were fetched, until the page is full of verified results).
Without anything to verify, the client shows each result line from its
document at once when its page is slow to come, and fills in the snippet when
the page arrives.  An article page is ~24 KB of HTML (half of it the site's
header, navigation and citation block), four times the gzip'd document with
text it replaces (5.6 KB), so pages are most of a first query: 政协委员 at
1,000 seed files fetches 234 KB (193 KB of it pages; 77 KB with the old
documents), and 393 KB at 10,000 synthetic articles of 6,000 characters
(``python -m cppcc_archive.search``); the pages gzip to about 40 %.
``run_query`` does exactly what ``search.js`` does and counts the bytes
(uncompressed; also an estimate of the gzip'd transfer); it needs the pages (a
built site, or ``record_pages`` made from records).  ``search_payload_bytes``
returns that count.

Files (``N`` articles, document numbers 0..N-1 in date order, newest first,
undated last, ties by id (descending, as the site's lists), so "newest" is ascending document number
and a year is a contiguous range):

* ``search/manifest.json``: format, ``n``, shard bits, document-number width,
  facet directory, year ranges, the t2s override table the query needs,
  constants shared with the client, and ``version`` (a hash of all files, used
  as ``?v=`` so browsers never mix two builds).
* ``search/facets.bin``: one document set per region (province) and topic,
  each stored as a bitset or as a list of document numbers, whichever is
  smaller.
* ``search/p/<k>.bin``: postings shard ``k`` of ``2**bits``; a term's shard is
  the top ``bits`` bits of a 32-bit hash (multiplicative for CJK terms, FNV-1a
  for ASCII words).  A shard holds, per term: length and UTF-16 units, ``df``
  (varint), a flag byte and, when small, the postings inline; a long posting
  list lives in ``search/x/<utf-16 hex>.bin`` so a query never downloads the
  long lists of unrelated terms.
* Postings: the ``df`` document numbers, then ``df`` impact bytes.  The
  document numbers are a list (little-endian, ``w`` = 2 or 4 bytes each) when
  that is no larger than a bitset of ``ceil(n / 8)`` bytes (bit ``d & 7`` of
  byte ``d >> 3``), else the bitset; the reader tells which from ``df`` alone
  (``df * w <= ceil(n / 8)``: a list).  Bitsets halve the long lists of common
  characters and bigrams, which are most of ``search/``.  Impact bytes: the BM25 term-frequency factor
  ``tf / (tf + k1 * (1 - b + b * len / avglen))`` scaled to 1..255, computed at
  build time, with title occurrences counted ``TITLE_WEIGHT`` times (``avglen`` with its mantissa
  rounded to 6 bits, ``quantized_avgdl``, so that one edited text leaves the others' impacts alone).
* ``search/d/<n>.json``: what a result line shows: url ``u`` (site-relative,
  ``a/<id>/``), title ``t``, date ``d``, region ``r``, topics ``p``; about 190
  bytes, plain JSON (gzip made it larger; servers compress JSON on the wire).
  One file per article, not packs of consecutive documents: results in
  relevance order are scattered over document numbers, so at 1,000 seed files
  a first page of 10 results touched 9.5 files whatever the pack size, and
  packs of 8 fetched 66 unrelated documents (15 KB instead of 2 KB); only date
  order gained (4.8 files instead of 9.5).

Everything is deterministic: same records, same bytes (sorted keys, no
timestamps), whatever the input order and number of workers.

Speed and memory: each document's CJK terms are counted with numpy over its
UTF-16 code units and packed as ``key << 32 | docnum << 8 | impact`` (one sort
orders them by term, then document); the packed postings are spilled to disk in
key ranges (quantiles of a sample, so the ranges are even), and the merge reads,
sorts and encodes one range of all workers at a time.  At 10,000 synthetic seed
files (17,469 articles, 42 million postings) the index takes 7.5 s and 332 MB
with two workers, against 18.3 s and 689 MB for the pure-Python inversion it
replaced (same bytes), and about 340 MB of scratch disk while it runs.  Very
short documents pay numpy's cost per call: 20,000 documents of a few dozen
characters take 4.9 s against 2.8 s before.  Large corpora are split over
worker processes by document range.  With ``counts`` (the build passes a folder
of its cache), each document's term counts are kept by a digest of its title and
text (``termcache``), so a rebuild counts only the documents that changed and
re-applies the corpus-wide impacts and numbers to the rest: at 10,000 seed files
the index then took 7.8 s instead of 13.6–15.4 s (two workers; 251 MB of cache).
When the documents are the same ones in the same order and only a few texts
changed, the published index is patched instead (``searchpatch``, ``patch_from``):
2.3 s instead of 4.6–5.8 s in a one-seed rebuild at 10,000 seed files, same bytes.
"""
from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import math
import os
import re
import sys
import tempfile
import time
from array import array
from collections import Counter, defaultdict, deque
from functools import partial
from html.parser import HTMLParser
from pathlib import Path, PurePath

import numpy as np

from . import termcache
from .model import byline_line, listed_title
from .termcache import TermCountCache

# Looked up now, not when a term is first encoded: an indexer forked after the build
# dropped privileges may no longer be able to import the codec module.
codecs.lookup("utf-16-le")

FORMAT = 4                # 2: documents are search/d/<n>.json without the text; 3: dense postings as bitsets;
                          # 4: joint terms (an ASCII word with the CJK character next to it)
TITLE_WEIGHT = 5
K1 = 1.2
B = 0.75
INLINE_MAX = 768          # bytes of postings kept inside a shard; longer lists get their own file
SHARD_TARGET = 8192       # aimed-at bytes per shard
PAGE = 10                 # results per page in the client
EXTERNAL_BUDGET = 131_072  # bytes of long posting lists one query may fetch (rarest first)
PAGE_BUDGET = 262_144     # when verifying, bytes of article pages one result page may fetch (about 10 pages)
MAX_WORD = 32             # longer ASCII runs (hashes, URLs) are not indexed
HASH_MUL = 2654435761     # Knuth's multiplicative hash constant

# Code units that count as CJK: ideographs, extension A, compatibility
# ideographs, 〇, and surrogates (astral ideographs are two code units).
_CJK = bytearray(65536)
for _a, _b in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xD800, 0xDFFF), (0x3007, 0x3007)):
    _CJK[_a:_b + 1] = b"\x01" * (_b - _a + 1)
_UNI = bytearray(_CJK)
_UNI[0xD800:0xE000] = bytes(0x800)   # a lone surrogate is never a unigram term

# Full-width ASCII and the ideographic space fold to ASCII (1:1, length-preserving).
_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20
_FOLD_NEEDED = re.compile("[\uff01-\uff5e\u3000]")
_WORD = re.compile(r"[0-9A-Za-z]+")
_WORD_ANY = re.compile("[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_CJK_RUN = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ud800-\udfff]+")
_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』')


# ---------------------------------------------------------------- tokens

def fold(text: str) -> str:
    """Full-width ASCII to ASCII and A-Z to a-z, character for character.

    >>> fold("ＧＤＰ增长5G")
    'gdp增长5g'
    """
    if _FOLD_NEEDED.search(text):
        text = text.translate(_FOLD)
    return text.translate(_LOWER)


_LOWER = {i: i + 32 for i in range(0x41, 0x5B)}


def _joins(ch: str) -> bool:
    o = ord(ch)
    return o < 0x10000 and _UNI[o] == 1


def _word_terms(text: str) -> list[str]:
    """The ASCII words of ``text`` (letter and digit runs, full-width forms folded, lower-cased) and,
    for each, the word with the CJK character written right before or after it (joint terms: 6月14日
    gives 6, 6月, 14, 月14, 14日), so that a query mixing digits and characters finds where they stand
    together, not 6 and 月 anywhere.  One space between them is skipped (GDP 增长 is found by GDP增长),
    as typesetting often puts one there.

    >>> _word_terms("于6月14日召开，GDP 增长5G。")
    ['6', '于6', '6月', '14', '月14', '14日', 'gdp', 'gdp增', '5g', '长5g']
    """
    out = []
    for m in _WORD_ANY.finditer(text):
        w = m.group()
        if len(w) > MAX_WORD:
            continue
        w = w.lower() if w.isascii() else fold(w)
        out.append(w)
        a, b = m.start(), m.end()
        before = a - 2 if a >= 2 and text[a - 1] == " " else a - 1
        if before >= 0 and _joins(text[before]):
            out.append(text[before] + w)
        after = b + 1 if b + 1 < len(text) and text[b] == " " else b
        if after < len(text) and _joins(text[after]):
            out.append(w + text[after])
    return out


def _is_word_term(term: str) -> bool:
    """ASCII words and joint terms (any ASCII in them) are keyed by their string; CJK terms by code units."""
    return term.isascii() or _HAS_ASCII.search(term) is not None


_HAS_ASCII = re.compile("[\x00-\x7f]")


def term_key(term: str):
    """The index key of a term string (int for CJK, the string for an ASCII word or a joint term)."""
    if _is_word_term(term):
        return term
    u = term.encode("utf-16-le", "surrogatepass")
    if len(u) == 2:
        return u[0] | u[1] << 8
    return (u[0] | u[1] << 8) | (u[2] | u[3] << 8) << 16


def _fnv(s: str) -> int:
    h = 2166136261
    for ch in s:
        h = ((h ^ ord(ch)) * 16777619) & 0xFFFFFFFF
    return h


def shard_of(term: str, bits: int) -> int:
    """Which postings shard holds ``term`` (the client computes the same)."""
    if bits == 0:
        return 0
    k = term_key(term)
    h = _fnv(k) if isinstance(k, str) else (k * HASH_MUL) & 0xFFFFFFFF
    return h >> (32 - bits)


def external_name(term: str) -> str:
    return "".join(f"{ord(c):04x}" for c in term)


def query_groups(query: str, overrides=()) -> list[dict]:
    """Split a (simplified) query into groups: quoted phrases and whitespace-separated words.

    Each group has ``text`` (folded), ``phrase`` (quoted) and ``terms``: the
    unigram of a one-character CJK run, the bigrams of a longer one, ASCII words.

    >>> [(g["text"], g["phrase"], g["terms"]) for g in query_groups('郑州市政协 "政协委员" 5G')]
    [('政协委员', True, ['政协', '协委', '委员']), ('郑州市政协', False, ['郑州', '州市', '市政', '政协']), ('5g', False, ['5g'])]

    A word asked to be excluded (-北京) is dropped: the search cannot exclude, and searching for it
    would do the opposite of what was asked (search.js says so in its status line).

    >>> [g["text"] for g in query_groups("政协 -北京 －上海 5G-A")]
    ['政协', '5g-a']
    """
    for a, b in overrides:
        query = query.replace(a, b)
    query = fold(query)
    groups, rest = [], []
    pos = 0
    for m in _QUOTED.finditer(query):
        rest.append(query[pos:m.start()])
        pos = m.end()
        text = next(g for g in m.groups() if g is not None).strip()
        if text:
            groups.append({"text": text, "phrase": True})
    rest.append(query[pos:])
    for part in " ".join(rest).split():
        part = part.strip("\"“”「」『』")
        if part and not (len(part) > 1 and part[0] == "-"):
            groups.append({"text": part, "phrase": False})
    out = []
    for g in groups:
        terms = []
        # Pairs of UTF-16 code units, as search.js (and the index) pair them: 政𠀀 gives 政 + a high
        # surrogate, then the surrogate pair; each term is then read back as the index stores it.
        for run in _CJK_RUN.findall(_code_units(g["text"])):
            if len(run) == 1:
                if _UNI[ord(run)]:
                    terms.append(run)
            else:
                terms += [_combined(run[i:i + 2]) for i in range(len(run) - 1)]
        terms += _word_terms(g["text"])   # the text is folded: its words are ASCII
        seen = []
        for t in terms:
            if t not in seen:
                seen.append(t)
        if seen:
            out.append({"text": g["text"], "phrase": g["phrase"], "terms": seen})
    return out


# ---------------------------------------------------------------- build

def _sort_records(records: list[dict]) -> list[dict]:
    """Newest first as the site's lists order them (``write.newest_key``, reversed): full dates, then
    dates the source gave without a year by month and day (12月28日 before 6月14日), then undated; ties
    by id, descending as on the site's pages.  The articles without a year stay one range at the end
    (the year facet's 年份不详)."""
    from .clean.metadata import newest_order

    return sorted(records, key=lambda r: newest_order(r.get("date"), r.get("date_text"), r["id"]), reverse=True)


MAX_TF = 64               # a term's frequency counts at most this much
_TF = np.arange(MAX_TF + 1, dtype=np.float64)


def _impact_row(dl: int, avgdl: float) -> list[int]:
    """The impact byte for tf = 0..64 (more counts as 64): the BM25 tf factor scaled to 1..255."""
    return _impact_rows([dl], avgdl)[0].tolist()


def _impact_rows(lengths: list[int], avgdl: float) -> np.ndarray:
    """``_impact_row`` of each length, in one numpy pass: the same float operations and the same
    rounding (half to even) as Python's ``round(255 * tf / (tf + k))`` (once per document it was 0.4 s
    of the index at 10,000 seeds in a profile)."""
    k = K1 * (1 - B + B * np.asarray(lengths, dtype=np.float64)[:, None] / avgdl)
    return np.clip(np.rint(255 * _TF / (_TF + k)), 1, 255).astype(np.int64)


def _varint(n: int) -> bytes:
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def _bitset(docs, nbytes: int) -> bytes:
    """Document numbers as a bitset: bit ``d & 7`` of byte ``d >> 3``."""
    flags = np.zeros(nbytes * 8, dtype=np.uint8)
    flags[np.asarray(docs, dtype=np.int64)] = 1
    return np.packbits(flags, bitorder="little").tobytes()


def _doc_numbers(docnums: np.ndarray, width: int, nbytes: int) -> bytes:
    """A posting list's document numbers (``width``-byte little-endian values): as they are when that
    is no larger than a bitset of ``nbytes``, else as the bitset (``posting_doc_bytes`` tells which)."""
    return docnums.tobytes() if len(docnums) * width <= nbytes else _bitset(docnums, nbytes)


def posting_doc_bytes(df: int, n: int, w: int) -> int:
    """Bytes of the document numbers of a posting list of ``df`` documents (a list or a bitset)."""
    return df * w if df * w <= (n + 7) // 8 else (n + 7) // 8


def _region_label(r: dict) -> str:
    regions = r.get("regions") or []
    if not regions:
        return "全国" if r.get("level") == "全国" else ""
    more = {x.get("province") for x in regions[1:]} - {regions[0].get("province")}
    return _main_region(r) + ("等" if more else "")


def _facet_values(r: dict) -> tuple[list[str], list[str]]:
    provinces = sorted({x["province"] for x in r.get("regions") or [] if x.get("province")})
    if not provinces and r.get("level") == "全国":
        provinces = ["全国"]
    return provinces, sorted(set(r.get("topics") or []))


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


_DOC_FIELDS = ("u", "t", "d", "r", "p", "v")   # v only on a devised title's document


def _doc_bytes(doc: dict) -> bytes:
    """``search/d/<n>.json``: the result line of one article, without the text.  Plain JSON,
    not gzip: at ~190 bytes gzip made it larger, and a server that compresses JSON
    (GitHub Pages does) compresses it on the wire anyway."""
    return _dumps({k: doc[k] for k in _DOC_FIELDS if k in doc}).encode("utf-8")


def _overrides() -> list[list[str]]:
    try:
        from .convert import load_overrides
        return [[a, b] for a, b in load_overrides()]
    except Exception:   # pragma: no cover - the data file is validated at build start
        return []


# CJK term keys: a code unit (unigram) or ``u1 | u2 << 16`` (bigram).  A document's CJK postings are
# packed as uint64 ``key << 32 | docnum << 8 | impact``, so one numeric sort orders them by term,
# then by document.  They are spilled to disk in BUCKETS ranges of packed values, so the merge
# reads, sorts and encodes one range at a time and never holds all of them.
BUCKETS = 32
_CJK_NP = np.frombuffer(bytes(_CJK), dtype=np.uint8).astype(bool)
_UNI_NP = np.frombuffer(bytes(_UNI), dtype=np.uint8).astype(bool)
_EMPTY = np.empty(0, np.uint64)


def _units(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype="<u2")


# The dots inside a transliterated name (尔肯江·吐拉洪, 阿迪力·巴哈德, and the look-alikes a source may
# type instead): the characters on either side also make a bigram, so a reader who types the name
# without its dot, as many do, finds it (a researcher's review found 尔肯江吐拉洪 gave nothing).
NAME_DOTS = "\u00b7\u2022\u2027\u30fb\uff65"
_NAME_DOT_NP = np.zeros(65536, dtype=bool)
_NAME_DOT_NP[[ord(c) for c in NAME_DOTS]] = True
_DOT_IN_NAME = re.compile(f"(?<=[\u3007\u3400-\u9fff\uf900-\ufaff])[{NAME_DOTS}](?=[\u3007\u3400-\u9fff\uf900-\ufaff])")


def _cjk_bigram_keys(u: np.ndarray) -> np.ndarray:
    if len(u) < 2:
        return _EMPTY
    first, second = u[:-1], u[1:]
    both = _CJK_NP[first] & _CJK_NP[second]
    keys = first[both].astype(np.uint64) | (second[both].astype(np.uint64) << np.uint64(16))
    if len(u) > 2:
        across = _NAME_DOT_NP[u[1:-1]] & _CJK_NP[u[:-2]] & _CJK_NP[u[2:]]
        if across.any():
            keys = np.concatenate([keys, u[:-2][across].astype(np.uint64) | (u[2:][across].astype(np.uint64) << np.uint64(16))])
    return keys


def _cjk_unigrams(u: np.ndarray, tu: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The unigram terms of a text (code units ``u``) and its title (``tu``): those of the text
    ascending, whether each is also in the title, and those only in the title, ascending.

    A long text scatters into 64 K flags, several times faster than sorting out the distinct units
    of 6,000 characters; a short one is sorted (the flags would cost more than the text).
    """
    if len(u) >= 2048:
        seen = np.zeros(65536, dtype=bool)
        seen[u] = True
        seen &= _UNI_NP
        title_seen = np.zeros(65536, dtype=bool)
        title_seen[tu] = True
        title_seen &= _UNI_NP
        uni = np.flatnonzero(seen)
        return uni, title_seen[uni], np.flatnonzero(title_seen & ~seen)
    uni, title_uni = np.unique(u[_UNI_NP[u]]), np.unique(tu[_UNI_NP[tu]])
    return uni, np.isin(uni, title_uni, assume_unique=True), np.setdiff1d(title_uni, uni, assume_unique=True)


def _cjk_counts(text: str, title: str) -> tuple[np.ndarray, np.ndarray]:
    """The document's CJK terms (keys ascending) and what each counts as: bigrams their frequency
    (title ones ``TITLE_WEIGHT`` times; more than 64 counts as 64), unigrams present in the text 1, in
    the title 1 + TITLE_WEIGHT.  Keys are unique (a bigram's key is above 65535, a unigram's below)."""
    u, tu = _units(text), _units(title)
    pairs = _cjk_bigram_keys(u)
    title_pairs = _cjk_bigram_keys(tu)
    if len(title_pairs):
        pairs = np.concatenate([pairs, np.repeat(title_pairs, TITLE_WEIGHT)])
    bigrams, tf = np.unique(pairs, return_counts=True)
    uni, in_title, title_only = _cjk_unigrams(u, tu)
    unigrams = uni.astype(np.uint64)
    uni_counts = np.where(in_title, 1 + TITLE_WEIGHT, 1)
    if len(title_only):
        unigrams = np.concatenate([unigrams, title_only.astype(np.uint64)])
        uni_counts = np.concatenate([uni_counts, np.full(len(title_only), 1 + TITLE_WEIGHT)])
        order = np.argsort(unigrams, kind="stable")
        unigrams, uni_counts = unigrams[order], uni_counts[order]
    keys = np.concatenate([unigrams, bigrams])
    counts = np.concatenate([uni_counts, np.minimum(tf, MAX_TF)]).astype(np.uint8)
    return keys, counts


def _term_counts(text: str, title: str) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """``_cjk_counts`` and the word terms (ASCII words, joint terms) with their frequency, title
    ones ``TITLE_WEIGHT`` times: everything a document's postings need but its number and impacts."""
    keys, counts = _cjk_counts(text, title)
    words = Counter(_word_terms(text))
    for w in _word_terms(title):
        words[w] += TITLE_WEIGHT
    return keys, counts, words


def _indexed_pair(doc: dict) -> tuple[str, str]:
    """A document's text and title as they are counted (NUL, which no term holds, as a space)."""
    text, title = doc["x"], doc["t"]
    if "\x00" in text:
        text = text.replace("\x00", " ")
    return text, title.replace("\x00", " ")


def _counted(doc: dict, cache: TermCountCache | None, used: list[str] | None):
    """``_term_counts`` of a document, read from ``cache`` when it holds them (stored there when not);
    the entry's name goes to ``used``.  A document read from a line of ``articles.json`` met before
    comes without its text (``records_for_index``): the text is read again only if its counts are gone."""
    if "x" not in doc:
        hit = cache.get(doc["c"]) if cache is not None else None
        if hit is not None:
            used.append(doc["c"])
            return hit
        doc = _with_text(doc)
    text, title = _indexed_pair(doc)
    if cache is None:
        return _term_counts(text, title)
    key = counts_name(doc)
    used.append(key)
    hit = cache.get(key)
    if hit is not None:
        return hit
    made = _term_counts(text, title)
    cache.put(key, *made)
    return made


def counts_name(doc: dict) -> str:
    """The name of a document's term counts in the cache: a digest of its title and text (given as
    ``c`` when the document was read from ``articles.json`` by the indexer)."""
    name = doc.get("c")
    if name is None:
        text, title = _indexed_pair(doc)
        name = termcache.digest(title, text)
    return name


def _with_text(doc: dict) -> dict:
    """A document without its text (see ``_counted``) with the text read again from its line."""
    path, offset, length = doc["o"]
    with open(path, "rb") as fh:
        fh.seek(offset)
        record = json.loads(fh.read(length))
    return {**doc, "x": _indexed_text(record)}


def _doc_length(doc: dict) -> int:
    """The length of the text a document is found by (BM25's document length)."""
    return len(doc["x"]) if "x" in doc else doc["n"]


def _postings_of(d: int, keys: np.ndarray, counts: np.ndarray, tab: np.ndarray) -> np.ndarray:
    """Packed postings of document ``d`` (ascending, as its keys are): ``key << 32 | d << 8 | impact``."""
    return (keys << np.uint64(32)) | np.uint64(d << 8) | tab[counts]


def _bucket_bounds(items: list, cache: TermCountCache | None = None, used: list[str] | None = None) -> np.ndarray:
    """Where the (at most BUCKETS) ranges of packed postings begin: quantiles of the postings of
    every ``n // 256``-th document (256 to 511 of them, or all of a small corpus), so that each range
    holds about as many postings (ranges fixed in advance put every unigram into the first)."""
    step = max(1, len(items) // 256)
    sample = [_counted(doc, cache, used)[0] for doc in items[::step]]
    keys = np.concatenate(sample + [_EMPTY])
    if not len(keys):
        return _EMPTY
    cut = np.quantile(keys, np.linspace(0, 1, BUCKETS + 1)[1:-1], method="lower").astype(np.uint64)
    return np.unique(cut) << np.uint64(32)


def _invert(start: int, items: list, avgdl: float, emit, spill: str, bounds: np.ndarray,
            cache: TermCountCache | None = None) -> tuple[list[str], dict, list[bytes], list[str], dict]:
    """Postings of documents ``start, start+1, …``.

    The CJK ones are written to one file per key range (``bounds``: at most BUCKETS ranges) in the
    folder ``spill`` (their paths are returned), so neither this process nor the one that merges
    them ever holds all of them;
    the ASCII words' come back as word → bytes of uint32 ``docnum | impact << 24``.  Also
    returned: the document files, each ``items[i]`` without its text ``x`` (with ``emit``:
    each is written at once, and its SHA-256 is returned instead), the names of the ``cache``
    entries read or stored, and where those stored are.  Runs in a worker process for large corpora.
    """
    paths = [f"{spill}/{start}-{b}.u64" for b in range(len(bounds) + 1)]
    outs = [open(path, "wb", buffering=1 << 20) for path in paths]
    words_post: defaultdict = defaultdict(partial(array, "I"))
    get, append = words_post.__getitem__, array.append
    docs: list[bytes] = []
    used: list[str] = []
    batch: list[np.ndarray] = []
    rows = _impact_rows([_doc_length(doc) for doc in items], avgdl)
    try:
        for i, doc in enumerate(items):
            d = start + i
            keys, counts, words = _counted(doc, cache, used)
            tab = rows[i].tolist()
            batch.append(_postings_of(d, keys, counts, np.array(tab, dtype=np.uint64)))
            if len(batch) == SPILL_BATCH:
                _spill(batch, bounds, outs)
            deque(map(append, map(get, words.keys()), (d | tab[min(tf, MAX_TF)] << 24 for tf in words.values())), 0)
            blob = _doc_bytes(doc)
            if emit is None:
                docs.append(blob)
            else:
                emit(f"search/d/{d}.json", blob)
                docs.append(hashlib.sha256(blob).digest())
        _spill(batch, bounds, outs)
    finally:
        for out in outs:
            out.close()
    stored = cache.stored() if cache is not None else {}
    return paths, {k: a.tobytes() for k, a in words_post.items()}, docs, used, stored


# Documents whose postings are spilled together: one write per key range for this many documents
# instead of per document (586,000 writes at 10,000 seeds, with the loop around them over 2 s of one
# process's time).  The order within a range does not matter: the merge sorts each range.
SPILL_BATCH = 256


def _spill(batch: list[np.ndarray], bounds: np.ndarray, outs: list) -> None:
    """Append the packed postings of ``batch`` (emptied) to the files of their key ranges."""
    if not batch:
        return
    packed = np.concatenate(batch)
    batch.clear()
    ranges = np.searchsorted(bounds, packed, side="right").astype(np.uint8)   # at most BUCKETS ranges
    order = np.argsort(ranges, kind="stable")
    ends = np.cumsum(np.bincount(ranges, minlength=len(outs))).tolist()
    packed = packed[order]
    for out, lo, hi in zip(outs, [0] + ends, ends):
        if hi > lo:
            out.write(packed[lo:hi].tobytes())


def _invert_range(work: tuple, bounds: tuple[int, int]):
    items, avgdl, emit, spill, cuts, cache = work
    return _invert(bounds[0], items[bounds[0]:bounds[1]], avgdl, emit, spill, cuts, cache)


def _take_bucket(path: str) -> np.ndarray:
    """One key range of one part's postings, read from its file (then deleted)."""
    packed = np.fromfile(path, dtype=np.uint64)
    os.unlink(path)
    return packed


def _auto_jobs(total_chars: int) -> int:
    if total_chars < 8_000_000:
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def _encode_cjk_terms(packed: np.ndarray, width: int, nbytes: int):
    """``(hash, term, df, data)`` for each CJK term of a sorted packed array; ``data`` is the
    encoded postings: document numbers as a list or a bitset, then the impact bytes."""
    if not len(packed):
        return
    keys = packed >> np.uint64(32)
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
    ends = np.append(starts[1:], len(packed))
    docnums = ((packed >> np.uint64(8)) & np.uint64(0xFFFFFF)).astype("<u2" if width == 2 else "<u4")
    impacts = (packed & np.uint64(0xFF)).astype(np.uint8)
    del packed
    for key, a, b in zip(keys[starts].tolist(), starts.tolist(), ends.tolist()):
        term = cjk_term(key)
        yield (key * HASH_MUL) & 0xFFFFFFFF, term, b - a, _doc_numbers(docnums[a:b], width, nbytes) + impacts[a:b].tobytes()


def cjk_term(key: int) -> str:
    """The term string of a CJK key (a code unit, or ``u1 | u2 << 16``)."""
    hi = key >> 16
    return chr(key) if hi == 0 else chr(key & 0xFFFF) + chr(hi)


def _cjk_range_postings(part_paths: list[list[str]], b: int, n: int, width: int):
    """``(hash, term, df, encoded postings)`` of the CJK terms of key range ``b``, read from every
    part's spill file (then deleted), sorted and encoded: one range at a time, never all of them (at
    10,000 articles the postings are hundreds of megabytes)."""
    packed = np.concatenate([_take_bucket(paths[b]) for paths in part_paths])
    packed.sort()
    yield from _encode_cjk_terms(packed, width, (n + 7) // 8)


def _word_postings(parts: list, n: int, width: int):
    """The same for the word terms, from the parts ``_invert`` returned."""
    nbytes = (n + 7) // 8
    words = parts[0][1]
    for part in parts[1:]:
        more = part[1]
        while more:
            k, v = more.popitem()
            prev = words.get(k)
            words[k] = v if prev is None else prev + v
    while words:
        term, raw = words.popitem()
        docnums = (np.frombuffer(raw, dtype="<u4") & 0xFFFFFF).astype("<u2" if width == 2 else "<u4")
        yield _fnv(term), term, len(docnums), _doc_numbers(docnums, width, nbytes) + raw[3::4]


def _placed(postings, put) -> list[tuple]:
    """``(hash, term, df, inline postings or None)`` per term: a list longer than ``INLINE_MAX`` goes
    to a file of its own (``put(path, bytes)``) and is left out of the shard."""
    entries = []
    for h, term, df, data in postings:
        if len(data) > INLINE_MAX:
            put(f"search/x/{external_name(term)}.bin", data)
            data = None
        entries.append((h, term, df, data))
    return entries


def _encode_range(work: tuple, b: int | None) -> tuple[list[tuple], dict[str, bytes]]:
    """Key range ``b`` (``None``: the word terms) encoded in a forked worker: its entries, and the
    SHA-256 of each file of a long list it wrote (``emit``)."""
    parts, n, width, emit = work
    digests = {}

    def put(path: str, content: bytes) -> None:
        digests[path] = hashlib.sha256(content).digest()
        emit(path, content)

    if b is None:
        return _placed(_word_postings(parts, n, width), put), digests
    return _placed(_cjk_range_postings([part[0] for part in parts], b, n, width), put), digests


def build_search_files(records: list[dict], jobs: int | None = None, emit=None,
                       scratch: str | Path | None = None, counts: str | Path | None = None,
                       patch_from: str | Path | None = None, outcome: dict | None = None) -> dict[str, str | bytes]:
    """The search index for ``records`` (objects of articles.json): path under ``search/`` → content.

    ``jobs`` worker processes count and invert the text (default: one for small
    corpora, up to four on large ones); the output does not depend on it.
    With ``emit``, each file is handed to ``emit(path, content)`` as soon as it
    is made instead of being collected (the returned dict is then empty).
    The postings are spilled to a temporary folder in ``scratch`` (default: the
    system's temporary folder), 8 bytes each: about 340 MB at 10,000 seed files.
    The build passes its staging tree, so a killed build's spill goes with it.
    ``counts``: a folder where each document's term counts are kept between builds
    (``termcache``); entries this build did not use are dropped from it.  With ``counts``, a state
    file there describes the index made (``searchpatch``); ``patch_from`` (the published tree, when
    the caller knows its index is still as that build left it, and ``emit`` a ``DirectorySink``
    over it) lets a build whose documents are the same ones patch that index instead of making it
    (``outcome["patched"]`` then says that it did, ``outcome["cold"]`` why it did not).
    """
    started = time.time()
    recs = _sort_records(records)
    n = len(recs)
    width = 2 if n <= 65536 else 4
    files: dict[str, str | bytes] = {}
    digests: dict[str, bytes] = {}

    def put(path: str, content: bytes) -> None:
        digests[path] = hashlib.sha256(content).digest()
        if emit is None:
            files[path] = content
        else:
            emit(path, content)

    # What a result line shows (u, t, d, r, p, and v: 1 for a title the build devised, written to
    # search/d/) and the text to index (x: never written; the browser reads the text from the page).
    items = [{"u": r["url"], "t": listed_title(r.get("title") or "", bool(r.get("title_derived"))),
              "d": r.get("date") or r.get("date_text") or "", "r": _region_label(r), "p": list(r.get("topics") or []),
              **({"v": 1} if r.get("title_derived") else {}), **_text_fields(r)} for r in recs]
    total = sum(map(_doc_length, items))
    avgdl = quantized_avgdl(total, n)
    jobs = jobs or _auto_jobs(total)
    from . import searchpatch
    from .workers import can_fork, fork_map

    cache = TermCountCache(counts) if counts is not None else None
    state_path = os.path.join(os.fspath(counts), searchpatch.STATE) if counts is not None else None
    if patch_from is not None and state_path is not None:
        try:
            new_state, used_names = searchpatch.patch(recs, items, avgdl, width, searchpatch.load_state(state_path),
                                                      patch_from, cache, emit)
        except searchpatch.ColdIndex as why:
            if outcome is not None:
                outcome["cold"] = str(why)
            if hasattr(emit, "discard"):
                emit.discard("search")   # whatever the patch linked or wrote
        else:
            cache.commit(used_names, cache.stored(), started)
            searchpatch.save_state(state_path, new_state)
            if outcome is not None:
                outcome["patched"] = True
            return files
    used: list[str] = []
    documents = searchpatch.documents(items) if state_path is not None else None
    bounds = _bucket_bounds(items, cache, used)
    if cache is not None:
        cache.flush()   # the workers read what the sample stored
    with tempfile.TemporaryDirectory(prefix=".search-spill-", dir=scratch) as spill:
        if jobs <= 1 or n < 2 * jobs or not can_fork():
            parts = [_invert(0, items, avgdl, emit, spill, bounds, cache)]
        else:
            # Forked workers inherit the documents; each returns its range's postings.
            step = -(-n // jobs)
            parts = fork_map(_invert_range, (items, avgdl, emit, spill, bounds, cache),
                             [(s, min(s + step, n)) for s in range(0, n, step)], jobs)
        del items
        d = 0
        stored = cache.stored() if cache is not None else {}
        for _, _, docs, more_used, more_stored in parts:
            used += more_used
            stored.update(more_stored)
            for blob in docs:
                if emit is None:
                    put(f"search/d/{d}.json", blob)
                else:   # written by _invert already; this is its digest
                    digests[f"search/d/{d}.json"] = blob
                d += 1
            docs.clear()
        # Encode each term; long lists go to their own file.  The CJK key ranges are encoded by
        # forked workers when the postings were counted by workers (a serial 2–2.5 s at 10,000 seeds).
        part_paths = [part[0] for part in parts]
        entries = []   # (hash, term, df, inline bytes or None)
        if len(parts) > 1 and emit is not None:
            # The word terms first: one task as long as several key ranges.
            for more, more_digests in fork_map(_encode_range, (parts, n, width, emit),
                                               [None] + list(range(len(part_paths[0]))), jobs):
                entries += more
                digests.update(more_digests)
        else:
            for b in range(len(part_paths[0])):
                entries += _placed(_cjk_range_postings(part_paths, b, n, width), put)
            entries += _placed(_word_postings(parts, n, width), put)
        del parts
    inline_total = sum(inline_cost(term, data) for _, term, _, data in entries)
    bits = shard_bits(inline_total)
    shards: list[list] = [[] for _ in range(1 << bits)]
    shift = 32 - bits
    for h, term, df, data in entries:
        shards[h >> shift if bits else 0].append((term, df, data))
    del entries
    for k, lst in enumerate(shards):
        put(f"search/p/{k}.bin", shard_bytes(lst))
    version = write_facets_and_manifest(recs, n, width, bits, digests, files.__setitem__ if emit is None else emit)
    if cache is not None:
        cache.commit(set(used), stored, started)
    if documents is not None:
        searchpatch.save_state(state_path, searchpatch.make_state(documents, width, bits, avgdl, inline_total,
                                                                  digests, version))
    return files


def quantized_avgdl(total: int, n: int) -> float:
    """BM25's mean document length with its binary mantissa rounded to 6 bits (steps of 1.6–3.1 %;
    ``frexp`` and ``ldexp`` are exact, so no maths library's rounding enters the index).  The impact
    bytes (255 levels) hardly notice, and the postings of an unchanged document then do not depend
    on the other documents' texts: an edit of one article almost never moves the mean across a grid
    line, so a rebuild can patch the index (``searchpatch``) and get the bytes a cold build makes."""
    if not n or total <= 0:
        return 1.0
    mantissa, exponent = math.frexp(total / n)
    return math.ldexp(round(mantissa * 64) / 64, exponent)


def shard_bits(inline_total: int) -> int:
    """log2 of the number of shards: the fewest that keep a shard near ``SHARD_TARGET`` bytes."""
    bits = 0
    while (inline_total >> bits) > SHARD_TARGET and bits < 16:
        bits += 1
    return bits


def inline_cost(term: str, data: bytes | None) -> int:
    """Bytes a term takes in its shard when its postings are kept there (``data``), else 0 (what
    decides the number of shards)."""
    return len(data) + 2 * len(term) + 3 if data is not None else 0


def shard_bytes(entries: list[tuple]) -> bytes:
    """A postings shard: ``(term, df, inline postings or None)`` sorted by term, each with its length
    in UTF-16 units, the term, df (varint), and a flag byte (1: the list is in a file of its own)
    followed, when 0, by the postings."""
    out = [_varint(len(entries))]
    for term, df, data in sorted(entries, key=lambda e: e[0]):
        out.append(bytes((len(term),)) + term.encode("utf-16-le", "surrogatepass") + _varint(df))
        out.append(b"\x01" if data is None else b"\x00" + data)
    return b"".join(out)


FACETS = "search/facets.bin"
MANIFEST = "search/manifest.json"


def write_facets_and_manifest(recs: list[dict], n: int, width: int, bits: int, digests: dict[str, bytes],
                              out) -> str:
    """``search/facets.bin`` and the manifest, whose version is a digest of every file's (``digests``,
    path → SHA-256, gets the facets' too), both to ``out(path, content)``; returns the version."""
    facet_docs: dict[str, dict[str, list[int]]] = {"region": defaultdict(list), "topic": defaultdict(list)}
    years: list[list] = []
    for d, r in enumerate(recs):
        provinces, topics = _facet_values(r)
        for p in provinces:
            facet_docs["region"][p].append(d)
        for t in topics:
            facet_docs["topic"][t].append(d)
        y = (r.get("date") or "")[:4] or ""
        if years and years[-1][0] == y:
            years[-1][2] = d + 1
        else:
            years.append([y, d, d + 1])
    blob = bytearray()
    directory: dict[str, list] = {}
    nbytes = (n + 7) // 8
    # More articles first; regions with as many by their code, as the 地区 page orders them (全国 first).
    codes = {x["province"]: x["code"][:2] for r in recs for x in r.get("regions") or []
             if x.get("province") and x.get("code")}
    for facet in ("region", "topic"):
        rows = []
        order = (lambda kv: (-len(kv[1]), codes.get(kv[0], "00" if kv[0] == "全国" else "99"), kv[0])) \
            if facet == "region" else (lambda kv: (-len(kv[1]), kv[0]))
        for value, docs in sorted(facet_docs[facet].items(), key=order):
            if len(docs) * width < nbytes:
                enc, data = "l", array("H" if width == 2 else "I", docs).tobytes()
            else:
                enc, data = "b", _bitset(docs, nbytes)
            rows.append([value, len(docs), enc, len(blob), len(data)])
            blob += data
        directory[facet] = rows
    facets = bytes(blob)
    digests[FACETS] = hashlib.sha256(facets).digest()
    h = hashlib.sha256()
    for path in sorted(digests):
        h.update(path.encode() + b"\0" + digests[path])
    version = h.hexdigest()[:16]
    manifest = {
        "format": FORMAT, "n": n, "bits": bits, "w": width, "page": PAGE, "budget": EXTERNAL_BUDGET,
        "pageBudget": PAGE_BUDGET,
        "facets": directory, "years": years, "overrides": _overrides(),
        "version": version,
    }
    out(FACETS, facets)
    out(MANIFEST, _dumps(manifest) + "\n")
    return version


# ---------------------------------------------------------------- article text

_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_PARA_ID = re.compile(r"p\d+$")


# Fields of an articles.json record the index reads.
_INDEX_FIELDS = ("id", "url", "title", "title_derived", "date", "date_text", "regions", "level", "topics", "text",
                 "authors", "captions", "publisher")
_INDEXED_ONLY = frozenset({"text", "authors", "captions", "publisher"})   # read into the text to index, then dropped


def _indexed_text(r: dict) -> str:
    """What a search finds an article by: its text, then what its page shows beside the text, the
    bylines (reporters, editors, photographers: a researcher follows a reporter), the photo
    captions, the publisher and the date as the source wrote it (both taken out of the text: a
    copyright line, a dateline), and its main region as its result line shows it, each on a line of
    its own so that no term spans two of them.  A
    record from ``records_for_index`` holds it already (``indexed_text``)."""
    made = r.get("indexed_text")
    if made is not None:
        return made
    text = r.get("text") or ""
    shown = [v for v in (r.get("publisher"), r.get("date_text")) if isinstance(v, str) and v not in text]
    return "\n".join([text, _byline(r), *(c for c in r.get("captions") or [] if isinstance(c, str)), *shown,
                      _main_region(r)])


def _main_region(r: dict) -> str:
    """The article's main region with the units above it, as its result line shows it (重庆市 潼南区):
    a search for 重庆 found two of the four articles tagged with Chongqing, since the others name
    only their district (a reviewer)."""
    regions = r.get("regions") or []
    first = regions[0] if regions and isinstance(regions[0], dict) else {}
    return " ".join(x for x in (first.get("province"), first.get("prefecture"), first.get("county"))
                    if isinstance(x, str) and x)


def _byline(r: dict) -> str:
    """A record's 作者 line as its page shows it (记者 毛丽萍；编辑 罗文): a byline copied from the page,
    role and all, is found."""
    return byline_line([(a.get("role") or "", a.get("name") or "") for a in r.get("authors") or []
                        if isinstance(a, dict)])


def _text_fields(r: dict) -> dict:
    """What a document holds of its text: the text (``x``), or for a record read without it (see
    ``records_for_index``) its length ``n``, the name of its term counts ``c`` and its line ``o``."""
    if "_line" in r:
        return {"n": r["_indexed_len"], "c": r["_counts"], "o": r["_line"]}
    fields = {"x": _indexed_text(r)}
    if isinstance(r.get("_counts"), str):
        fields["c"] = r["_counts"]
    return fields


def records_for_index(articles_json: Path | str, known: dict | None = None, seen: dict | None = None) -> list[dict]:
    """The records of ``articles.json`` with only the fields the index needs.

    The build writes one record per line, so the file is read a line at a
    time and never held whole; any other valid JSON list is read whole.
    The text, bylines and captions are kept only as the text to index
    (``indexed_text``): kept beside it, the text was a second copy of every
    article, 125 MB of the indexer's peak at 10,000 seeds (467 → 334 MB).

    ``known`` and ``seen`` (digest of a line → what the index read from it, kept by the indexer
    between builds, ``termcache.load_lines``): a line in ``known`` is not parsed again; its record
    comes without the text, with the text's length (``_indexed_len``), the name of its term counts
    (``_counts``) and where the line is (``_line``: path, offset, length; names no record of
    ``articles.json`` has).  Every line read goes to ``seen``.  At 10,000 seeds parsing the 254 MB took 1.5 s of a rebuild.
    """
    def slim(r: dict) -> dict:
        kept = {k: r.get(k) for k in _INDEX_FIELDS if k not in _INDEXED_ONLY}
        kept["indexed_text"] = _indexed_text(r)
        return kept

    out = []
    path = os.fspath(articles_json)
    with open(path, "rb") as fh:
        first = fh.readline()
        if first.strip() != b"[":
            fh.seek(0)
            return [slim(r) for r in json.load(fh)]
        offset = fh.tell()
        for raw in fh:
            line = raw.rstrip(b"\r\n").rstrip(b",")
            if line and line != b"]":
                out.append(_line_record(line, (path, offset, len(line)), known, seen, slim))
            offset += len(raw)
    return out


def _line_record(line: bytes, where: tuple, known: dict | None, seen: dict | None, slim) -> dict:
    if seen is None:
        return slim(json.loads(line))
    name = hashlib.blake2b(line, digest_size=16).hexdigest()
    memo = known.get(name) if known else None
    if memo is None:
        record = slim(json.loads(line))
        text, title = _indexed_pair({"x": record["indexed_text"], "t": record.get("title") or ""})
        record["_counts"] = termcache.digest(title, text)
        memo = {**{k: v for k, v in record.items() if k != "indexed_text"}, "_indexed_len": len(text)}
    else:
        record = {**memo, "_line": where}
    seen[name] = memo
    return record


class _ArticleText(HTMLParser):
    """Collects what ``pageText`` in search.js reads (keep the two the same): the first
    ``article`` inside an element of class ``md-content``; of its child elements, the
    body paragraphs ``p#p<n>`` and the headings ``h2``/``h3`` (without their ``.headerlink``
    anchors), in document order.  Headings after the last body paragraph are the page's own
    sections (文中人物, 同版文章, 相关文章), not article text, and are dropped by ``page_text``.
    Also the items of the metadata list (the first list, before any body paragraph) and of the
    first list after the heading 图片说明 (photo captions) or 版面署名 (a page's credits), for
    ``page_extra``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []   # (tag, has class md-content)
        self.article = 0       # depth of the article element, 0 before it
        self.finished = False
        self.block = None      # [kind, depth, parts] of the paragraph or heading being read
        self.skip = 0          # depth of a .headerlink inside it
        self.blocks: list[tuple[str, str]] = []
        self.lists: list[tuple[str, list[str]]] = []   # ("meta" | "listed", item texts)
        self.list_depth = 0    # depth of the list being read, 0 outside one
        self.item = None       # [depth, parts] of the list item being read
        self.listed = False    # after a heading 图片说明 or 版面署名, before a list or another heading
        self.meta_seen = False
        self.body_started = False   # a body paragraph was read

    def handle_starttag(self, tag, attrs):
        if self.finished or tag in _VOID:
            return
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        inside = any(c for _, c in self.stack)
        self.stack.append((tag, "md-content" in classes))
        depth = len(self.stack)
        if not self.article:
            if tag == "article" and inside:
                self.article = depth
        elif depth == self.article + 1:
            if tag == "ul" and (self.listed or not (self.meta_seen or self.body_started)):
                self.lists.append(("listed" if self.listed else "meta", []))
                self.list_depth = depth
                self.listed = False
            if tag == "ul" and not self.body_started:
                self.meta_seen = True
            if tag in ("h2", "h3"):
                self.listed = False
            if tag == "p" and _PARA_ID.match(a.get("id") or ""):
                self.block = ["p", depth, []]
            elif tag in ("h2", "h3"):
                self.block = ["h" if tag == "h3" else "h2", depth, []]
        elif self.list_depth and depth == self.list_depth + 1 and tag == "li":
            self.item = [depth, []]
        elif self.block is not None and not self.skip and "headerlink" in classes:
            self.skip = depth

    def handle_endtag(self, tag):
        if self.finished or tag in _VOID or all(t != tag for t, _ in self.stack):
            return
        while True:   # also closes elements whose end tag was omitted
            t, _ = self.stack.pop()
            depth = len(self.stack) + 1
            if self.skip == depth:
                self.skip = 0
            if self.block is not None and self.block[1] == depth:
                text = "".join(self.block[2])
                self.blocks.append(("p" if self.block[0] == "p" else "h", text))
                self.listed = self.block[0] == "h2" and text in _LISTED
                self.body_started = self.body_started or self.block[0] == "p"
                self.block = None
            if self.item is not None and self.item[0] == depth:
                self.lists[-1][1].append("".join(self.item[1]))
                self.item = None
            if self.list_depth == depth:
                self.list_depth = 0
            if self.article == depth:
                self.finished = True
                return
            if t == tag:
                return

    def handle_data(self, data):
        if self.block is not None and not self.skip:
            self.block[2].append(data)
        if self.item is not None:
            self.item[1].append(data)


# The items of an article page's metadata list whose values the index holds (bylines, publisher), and
# the headings of the lists it holds (photo captions, a page's credits), as search.js reads them.
META_SHOWN = ("作者", "发布")
_LISTED = ("图片说明", "版面署名")


def page_texts(html: bytes | str) -> tuple[str | None, str]:
    """What search.js's ``pageText`` reads of an article page: the article text (body paragraphs
    and headings joined by newlines; equal to the record's ``text`` for pages this site builds; None
    if the page has no ``.md-content article``), and what else of the page the index holds, which
    a quoted phrase may be found in: the values of the metadata list's 日期, 作者 and 发布, the photo
    captions and a newspaper page's credits, one per line."""
    parser = _ArticleText()
    parser.feed(html.decode("utf-8", "replace") if isinstance(html, bytes) else html)
    parser.close()
    if not parser.article:
        return None, ""
    blocks = parser.blocks
    last = max((i + 1 for i, (kind, _) in enumerate(blocks) if kind == "p"), default=0)
    date, shown = [], []
    for kind, items in parser.lists:
        for item in items:
            label, sep, value = item.partition("：")
            if kind == "listed":
                shown.append(item)
            elif sep and label == "日期":
                date.append(value)
            elif sep and label in META_SHOWN:
                shown.append(value)
    return "\n".join(text for _, text in blocks[:last]), "\n".join(date + shown)


def page_text(html: bytes | str) -> str | None:
    """The article text of an article page (``page_texts``)."""
    return page_texts(html)[0]


def page_extra(html: bytes | str) -> str:
    """What else of an article page the index holds (``page_texts``)."""
    return page_texts(html)[1]


def _page_source(pages):
    """``pages`` as a function ``url → page bytes``: a built site directory (``<site>/<url>index.html``),
    a mapping or a function."""
    if pages is None:
        raise TypeError("article pages are needed (the index holds no text): pass pages= a built site "
                        "directory, or a mapping or function from article url (a/<id>/) to its page's bytes")
    if isinstance(pages, (str, PurePath)):
        root = Path(pages)
        return lambda url: (root / url / "index.html").read_bytes()
    if callable(pages):
        return pages
    return pages.__getitem__


def record_pages(records: list[dict], template: bytes | str | None = None):
    """A stand-in for the article pages of ``records`` when no site is built (tests, ``_bench``):
    url → page bytes: the title, the metadata list's date, publisher and bylines, the text and the
    photo captions.  With ``template`` (a real article page of this site), the site's chrome around
    them is that page's, so its size is close to the real one (the real page's other metadata,
    notes, citation block and sections are left out); without, a bare page holding just the article
    (smaller than the real page by the site's header, navigation and citation block, about 12 KB in
    2025)."""
    from html import escape

    if isinstance(template, bytes):
        template = template.decode("utf-8")
    head = tail = None
    if template:
        # The template's text, metadata list, captions and credits give way to the record's.
        first = re.search(r'<p id="?p1"?>', template).start()
        last = max(m.end() for m in re.finditer(r'<p id="?p\d+"?>.*?</p>', template, re.S))
        head, tail = template[:first], _LISTED_SECTION.sub("", template[last:])
        opening = re.search(r"<article\b[^>]*>", head).end()
        meta = re.compile(r"<ul>.*?</ul>", re.S).search(head, opening)
        head = head[:opening] + "\0" + (head[meta.end():] if meta else head[opening:])
    by_url = {r["url"]: r for r in records}

    def page(url: str) -> bytes:
        r = by_url[url]
        body, n = [], 0
        for para in (r.get("text") or "").split("\n"):
            n += 1
            body.append(f"<p id=p{n}>{escape(para, quote=False)}</p>")
        captions = [c for c in r.get("captions") or [] if isinstance(c, str)]
        if captions:
            body.append("<h2>图片说明</h2><ul>" + "".join(f"<li>{escape(c, quote=False)}</li>" for c in captions) + "</ul>")
        if head is None:
            title = escape(r.get("title") or "", quote=False)
            return (f"<!doctype html><html><body><div class=md-content><article class=md-content__inner>"
                    f"<h1>{title}</h1>{_stand_in_metadata(r)}{''.join(body)}</article></div></body></html>").encode("utf-8")
        return (head.replace("\0", _stand_in_metadata(r), 1) + "".join(body) + tail).encode("utf-8")

    return page


_LISTED_SECTION = re.compile(r"<h2\b[^>]*>(?:图片说明|版面署名)(?:<a\b[^>]*>[^<]*</a>)?</h2>.*?</ul>", re.S)


def _stand_in_metadata(r: dict) -> str:
    """A stand-in page's metadata list: the date, publisher and bylines as an article page shows them."""
    from html import escape

    from .clean.metadata import shown_date

    items = []
    if r.get("date") or r.get("date_text"):
        items.append(("日期", shown_date(r.get("date"), r.get("date_text"), r.get("date_source"))))
    if r.get("publisher"):
        items.append(("发布", r["publisher"]))
    byline = _byline(r)
    if byline:
        items.append(("作者", byline))
    return "<ul>" + "".join(f"<li><strong>{k}</strong>：{escape(v, quote=False)}</li>" for k, v in items) + "</ul>"


# ---------------------------------------------------------------- reading (tests, benchmark)

class Index:
    """Reads a built index the way the browser client does, counting the bytes it fetches
    (``fetched``: path → uncompressed bytes; an article page under its url ``a/<id>/``)."""

    def __init__(self, files: dict, pages=None):
        self.files = files
        self.fetched: dict[str, int] = {}
        self.raw: dict[str, bytes] = {}   # what was fetched, for the compressed-size estimate
        self.manifest = json.loads(self._get("search/manifest.json"))
        self.n, self.bits, self.w = self.manifest["n"], self.manifest["bits"], self.manifest["w"]
        self._shards: dict[int, dict] = {}
        self._pages = pages
        self._texts: dict[str, str | None] = {}
        self._extras: dict[str, str] = {}

    def _get(self, path: str):
        content = self.files[path]
        raw = content if isinstance(content, bytes) else content.encode("utf-8")
        self.fetched[path] = len(raw)
        self.raw[path] = raw
        return raw

    def facets(self) -> bytes:
        return self._get("search/facets.bin")

    def shard(self, k: int) -> dict:
        if k not in self._shards:
            # Terms as a query spells them: an astral character is one character here.
            self._shards[k] = read_shard(self._get(f"search/p/{k}.bin"), self.n, self.w,
                                         lambda units: units.decode("utf-16-le", "surrogatepass"))
        return self._shards[k]

    def entry(self, term: str):
        return self.shard(shard_of(term, self.bits)).get(term)

    def postings(self, term: str, df: int, data) -> tuple[list[int], bytes]:
        if data is None:
            data = self._get(f"search/x/{external_name(term)}.bin")
        docs, impacts = decode_postings(data, df, self.n, self.w)
        return docs.tolist(), impacts.tobytes()

    def doc(self, d: int) -> dict:
        return json.loads(self._get(f"search/d/{d}.json"))

    def text(self, url: str) -> str | None:
        """The article text, from the article page at ``url`` (fetched once, like the client's cache)."""
        if url not in self._texts:
            if not callable(self._pages):
                self._pages = _page_source(self._pages)
            raw = self._pages(url)
            self.fetched[url] = len(raw)
            self.raw[url] = raw
            self._texts[url], self._extras[url] = page_texts(raw)
        return self._texts[url]

    def extra(self, url: str) -> str:
        """What else of the page the index holds (``page_extra``), once ``text(url)`` fetched it."""
        return self._extras.get(url, "")


def units_term(le16: bytes) -> str:
    """A term as a shard stores it (UTF-16 code units, little-endian) with one character per code
    unit, as the index makes its terms: an astral ideograph is two surrogates.  Decoded as UTF-16 it
    would be one character (as ``Index`` reads it, for queries), and a shard written from it would
    give its length wrong."""
    units = array("H", le16)
    if sys.byteorder == "big":
        units.byteswap()
    return "".join(map(chr, units))


def read_shard(raw: bytes, n: int, width: int, term_of=units_term) -> dict[str, tuple]:
    """A postings shard (``shard_bytes``) read back: term → (df, inline postings or None when the
    list is in a file of its own), in the shard's order; ``term_of`` makes a term of its UTF-16
    bytes.  A shard not read exactly to its end raises ValueError."""
    table, p = {}, 0
    count, p = _read_varint(raw, p)
    for _ in range(count):
        ln = raw[p]
        term = term_of(raw[p + 1: p + 1 + 2 * ln])
        p += 1 + 2 * ln
        df, p = _read_varint(raw, p)
        flag = raw[p]
        p += 1
        if flag & 1:
            table[term] = (df, None)
        else:
            size = posting_doc_bytes(df, n, width) + df
            table[term] = (df, raw[p:p + size])
            p += size
    if p != len(raw):
        raise ValueError("shard not read to its end")
    return table


def decode_postings(data: bytes, df: int, n: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """A posting list's document numbers (ascending, int64) and impact bytes."""
    size = posting_doc_bytes(df, n, width)
    if size < df * width:   # a bitset
        bits = np.unpackbits(np.frombuffer(data, dtype=np.uint8, count=size), bitorder="little")
        docnums = np.flatnonzero(bits).astype(np.int64)
    else:
        docnums = np.frombuffer(data, dtype="<u2" if width == 2 else "<u4", count=df).astype(np.int64)
    impacts = np.frombuffer(data, dtype=np.uint8, offset=size, count=df)
    if len(docnums) != df:
        raise ValueError("postings do not hold df documents")
    return docnums, impacts


def _read_varint(raw: bytes, p: int) -> tuple[int, int]:
    n = shift = 0
    while True:
        b = raw[p]
        p += 1
        n |= (b & 0x7F) << shift
        if b < 0x80:
            return n, p
        shift += 7


def _simplify(query: str) -> str:
    try:
        from .convert import to_simplified
        return to_simplified(query)
    except Exception:   # pragma: no cover
        return query


def _gzip_size(path: str, raw: bytes) -> int:
    """Bytes on the wire from a server that gzips text types (GitHub Pages: HTML, JSON),
    not the binary index files (served as application/octet-stream)."""
    if path.endswith((".json", "/")):
        return len(gzip.compress(raw, 6, mtime=0))
    return len(raw)


def run_query(files: dict, query: str, sort: str = "relevance", index: Index | None = None, pages=None) -> dict:
    """What the client does for a first query: returns the first page and the bytes fetched.

    ``pages`` gives the article pages (a built site directory, or a mapping or
    function from url ``a/<id>/`` to the page's bytes; see ``record_pages``).

    Mirrors ``search.js``: fetch manifest, facets and the shard of every term;
    fetch long posting lists rarest first within ``budget`` (always at least
    one); AND the fetched lists; rank by sum of idf × impact (or by date); then,
    one batch at a time until the page is full, fetch the documents of the next
    candidates and their article pages, drop those whose page text fails
    verification (quoted phrases; terms whose lists were skipped), and put the
    ones holding a searched string verbatim first (relevance order).  When
    verifying, no further batch starts once ``pageBudget`` bytes of pages were
    fetched, and a batch is cut to what the rest of the budget buys at the mean
    page size so far.

    ``bytes`` counts uncompressed bytes (what the files hold); ``gzip_bytes``
    estimates the transfer from a server that gzips HTML and JSON (GitHub Pages).
    """
    ix = index or Index(files, pages)
    ix.facets()
    groups = query_groups(_simplify(query), ix.manifest["overrides"])
    terms = list(dict.fromkeys(t for g in groups for t in g["terms"]))

    def result(ids, total, approximate):
        return {"ids": ids, "total": total, "approximate": approximate, "fetched": dict(ix.fetched),
                "bytes": sum(ix.fetched.values()),
                "page_bytes": sum(v for k, v in ix.fetched.items() if not k.startswith("search/")),
                "gzip_bytes": sum(_gzip_size(k, v) for k, v in ix.raw.items())}

    if not terms:
        return result([], 0, False)
    found = {}
    for t in terms:
        e = ix.entry(t)
        if e is None:
            return result([], 0, False)
        found[t] = e
    inline = [t for t in terms if found[t][1] is not None]
    ext = sorted((t for t in terms if found[t][1] is None), key=lambda t: (found[t][0], t))
    use, spent, skipped = list(inline), 0, []
    for t in ext:
        size = posting_doc_bytes(found[t][0], ix.n, ix.w) + found[t][0]
        if not use or spent + size <= ix.manifest["budget"]:
            use.append(t)
            spent += size
        else:
            skipped.append(t)
    n = ix.n
    score = [0.0] * n
    hits = [0] * n
    for t in use:
        df = found[t][0]
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        docs, imps = ix.postings(t, df, found[t][1])
        for d, q in zip(docs, imps):
            score[d] += idf * q / 255
            hits[d] += 1
    cand = [d for d in range(n) if hits[d] == len(use)]
    if sort == "relevance":
        cand.sort(key=lambda d: (-round(score[d], 6), d))
    check = bool(skipped) or any(g["phrase"] for g in groups)
    size, budget = ix.manifest["page"], ix.manifest["pageBudget"]
    page, i, spent, npages = [], 0, 0, 0
    while len(page) < size and i < len(cand) and (not check or spent < budget):
        want = size - len(page)
        if check and npages:
            want = min(want, max(1, math.ceil((budget - spent) * npages / spent)))
        batch = cand[i:i + want]
        i += len(batch)
        kept = []
        for d in batch:
            doc = ix.doc(d)
            text = ix.text(doc["u"])
            spent += ix.fetched[doc["u"]]
            npages += 1
            if not check or _verify(groups, skipped, doc, text, ix.extra(doc["u"])):
                kept.append((d, doc, text))
        if sort == "relevance":   # within a batch, articles holding a searched string verbatim first
            kept.sort(key=lambda x: -_exactness(groups, x[1]["t"], x[2]))
        page += kept
    ids = [doc["u"].split("/")[1] for _, doc, _ in page]
    return result(ids, len(cand), bool(skipped))


def _code_units(text: str) -> str:
    """``text`` with each astral character as its two surrogates (a JavaScript string's units)."""
    if text.isascii() or max(text) < "\U00010000":
        return text
    raw = text.encode("utf-16-le", "surrogatepass")
    return "".join(chr(raw[i] | raw[i + 1] << 8) for i in range(0, len(raw), 2))


def _combined(units: str) -> str:
    """Code units back to a string as the index's shards decode them (a whole pair is one character)."""
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _strings(g: dict) -> list[str]:
    """What of a group counts as found verbatim (and is highlighted): a phrase whole; else its CJK runs
    and words, and the whole group when it mixes them (6月14日)."""
    if g["phrase"]:
        return [g["text"]]
    runs, words = [_combined(r) for r in _CJK_RUN.findall(_code_units(g["text"]))], _WORD.findall(g["text"])
    return runs + words + ([g["text"]] if runs and words else [])


def _verify(groups: list[dict], skipped: list[str], doc: dict, text: str | None, extra: str = "") -> bool:
    """As search.js's ``verify``: on the title, the date the result line shows, the text, what else
    of the page the index holds (``page_extra``) and the region the result line shows; a skipped
    joint term may stand across one space (GDP 增长), and a name's dot may be left out.

    >>> _verify([{"text": "尔肯江吐拉洪", "phrase": True}], [], {"t": "题"}, "组长尔肯江·吐拉洪说")
    True
    """
    if text is None:
        return False
    hay = fold(doc["t"] + "\n" + (doc.get("d") or "") + "\n" + text + "\n" + extra + "\n" + (doc.get("r") or ""))
    bare = _DOT_IN_NAME.sub("", hay)   # a name typed without its dot (尔肯江吐拉洪), as indexed
    return all(g["text"] in hay or g["text"] in bare for g in groups if g["phrase"]) and all(
        t in hay or t in bare or _spaced_joint(t) in hay for t in skipped)


def _spaced_joint(term: str) -> str:
    """6月 → "6 月", 月14 → "月 14"; any other term unchanged."""
    m = re.fullmatch(r"([0-9a-z]+)([^0-9a-z])|([^0-9a-z])([0-9a-z]+)", term)
    return term if m is None else " ".join(x for x in m.groups() if x)


def _exactness(groups: list[dict], title: str, text: str | None) -> int:
    title, text, score = fold(title), fold(text or ""), 0
    for g in groups:
        strings = _strings(g)
        for s in strings:
            if len(s) >= 2:
                score += 2 if s in title else 1 if s in text else 0
    return score


def search_payload_bytes(files: dict, query: str, pages=None) -> int:
    """Uncompressed bytes a browser fetches for a first query: from ``search/`` (manifest,
    facets, shards, long posting lists, the documents of the first result page) and the
    article pages of the first result page (their snippets; for phrases, the candidates
    checked).  ``pages``: the built site directory, or see ``run_query``."""
    return run_query(files, query, pages=pages)["bytes"]


# ---------------------------------------------------------------- benchmark

def synthetic_records(base: list[dict], n: int, seed: int = 0, length: int = 6000) -> list[dict]:
    """``n`` articles of about ``length`` characters made from the paragraphs of ``base`` records,
    with place names spliced in so the vocabulary grows, random dates, provinces and topics."""
    import random

    from .tag.gazetteer import load_gazetteer

    rnd = random.Random(seed)
    paras = [p for r in base for p in (r.get("text") or "").split("\n") if len(p) >= 20]
    gaz = load_gazetteer()
    units = sorted(gaz.by_code.values(), key=lambda u: u.code)
    provinces = [u for u in units if u.code.endswith("0000")]
    topics = sorted({t for r in base for t in r.get("topics") or []}) or ["委员履职"]
    out = []
    for i in range(n):
        prov = rnd.choice(provinces)
        local = [u.name for u in units if u.code[:2] == prov.code[:2]] or [prov.name]
        buf, size = [], 0
        target = rnd.randint(length // 2, length * 3 // 2)
        while size < target:
            p = rnd.choice(paras)
            k = rnd.randrange(len(p))
            p = p[:k] + rnd.choice(local) + p[k:]
            buf.append(p)
            size += len(p)
        year = rnd.choice([None, 2019, 2020, 2021, 2022, 2023, 2024, 2025])
        rid = hashlib.sha256(f"{seed}:{i}".encode()).hexdigest()[:12]
        out.append({
            "id": rid, "url": f"a/{rid}/", "title": rnd.choice(local) + "政协" + rnd.choice(paras)[:18],
            "text": "\n".join(buf), "date": None if year is None else f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
            "date_text": None, "level": rnd.choice(["省", "市", "县"]),
            "regions": [{"province": prov.name, "prefecture": None, "county": None, "code": prov.code}],
            "topics": sorted(rnd.sample(topics, rnd.randint(0, min(3, len(topics))))), "keywords": [],
        })
    return out


def _bench(argv=None) -> int:  # pragma: no cover - manual benchmark
    import argparse
    import time
    from pathlib import Path

    ap = argparse.ArgumentParser(description="Search index benchmark on synthetic articles")
    ap.add_argument("articles", type=Path, help="articles.json of a seed build (paragraph source)")
    ap.add_argument("-n", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--sample", type=int, default=200, help="also run this many queries cut from the text")
    ap.add_argument("-q", nargs="+", default=["郑州市政协", "政协", "政", "\"政协委员\"", "西藏自治区政协", "中国人民政治协商会议全国委员会"])
    args = ap.parse_args(argv)
    base = json.loads(args.articles.read_text(encoding="utf-8"))
    # Article pages: stand-ins made from a real page of the seed build's site when it exists.
    template = None
    if base:
        real = args.articles.parent / "site" / base[0]["url"] / "index.html"
        template = real.read_bytes() if real.exists() else None
        print(f"article pages: {'the page of ' + str(real) + ' with each text' if template else 'bare stand-ins (no site built): page bytes are underestimated'}")
    for n in args.n:
        recs = synthetic_records(base, n)
        pages = record_pages(recs, template)
        import resource

        t, c0 = time.perf_counter(), time.process_time()
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        files = build_search_files(recs)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        dt, cpu = time.perf_counter() - t, time.process_time() - c0 + (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)
        total = sum(len(v) if isinstance(v, bytes) else len(v.encode()) for v in files.values())
        print(f"n={n}: {sum(len(r['text']) for r in recs) / n:.0f} chars/article, build {dt:.1f}s wall, {cpu:.1f}s CPU, "
              f"{len(files)} files, {total / 1e6:.1f} MB")
        for q in args.q:
            res = run_query(files, q, pages=pages)
            print(f"  {q!r}: {res['total']} hits{' (approx)' if res['approximate'] else ''}, first query {res['bytes'] / 1000:.0f} KB"
                  f" ({res['page_bytes'] / 1000:.0f} KB of article pages; gzip'd {res['gzip_bytes'] / 1000:.0f} KB)")
        # Queries cut from the text: 1 to 12 characters, some quoted.
        import random
        import statistics

        rnd = random.Random(n)
        sample = []
        for _ in range(args.sample):
            text = rnd.choice(recs)["text"]
            k = rnd.choice([1, 2, 2, 3, 4, 4, 5, 6, 8, 12])
            i = rnd.randrange(max(1, len(text) - k))
            q = text[i:i + k].strip()
            sample.append(f'"{q}"' if rnd.random() < 0.25 else q)
        sizes = sorted((run_query(files, q, pages=pages)["bytes"], q) for q in sample if q)
        vals = [b for b, _ in sizes]
        print(f"  {len(vals)} sampled queries: median {statistics.median(vals) / 1000:.0f} KB, "
              f"p90 {vals[int(0.9 * len(vals))] / 1000:.0f} KB, max {vals[-1] / 1000:.0f} KB ({sizes[-1][1]!r})")
        worst = run_query(files, sizes[-1][1], pages=pages)["fetched"]
        kinds: dict = {}
        for path, size in worst.items():
            kind = path.split("/")[1] if path.startswith("search/") else "article pages"
            kinds[kind] = kinds.get(kind, 0) + size
        print("  worst query by part:", {k: f"{v / 1000:.0f} KB" for k, v in sorted(kinds.items())})
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(_bench())
