"""The search index patched instead of made again (issue 7: the one-seed rebuild).

A cold index counts, weights, sorts and encodes every posting of the corpus (4.5–5 s of a one-seed
rebuild at 10,000 seeds, even with every document's term counts cached).  When the documents are
the same ones, in the same order, and only a few texts changed, the index the last build published
differs from the right one only in the posting lists of those documents' terms, their result lines,
the facets and the manifest.  ``patch`` rewrites just those and links every other file from the
published tree; the result is byte for byte the index ``build_search_files`` would make cold.

That holds because nothing else in an unchanged document's postings depends on the corpus: its
document number is its place in date order (the same when the documents and their dates are), and its
impact bytes depend on its own length and on the corpus' mean length, which the index rounds to a
grid (``search.quantized_avgdl``) that one edited article almost never moves.

What the last build made is described by a state file beside the term counts (``STATE``): the
documents in order (url, name of their term counts, length), the shard bits, the inline bytes and the
SHA-256 of every file of the index (the manifest's version is a digest of them all).  The caller
vouches that the published tree's index is the one the state describes: the build passes
``patch_from`` only when its record of the published index matches the tree on disk, and the state
must name the version of that tree's manifest.  Anything else (documents added, removed or
reordered, the mean length across a grid line, more changed documents than ``MAX_CHANGED_SHARE``, a
missing file or count entry, a different shard count) makes the index cold, as before (``ColdIndex``
says why; the build's ``last-build.json`` keeps it).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections import defaultdict
from pathlib import Path

import numpy as np

from . import search
from .cache import save_file

STATE = "index-state.json"


class ColdIndex(Exception):
    """Why the index must be made cold (what ``patch`` wrote under ``search/`` is then for the
    caller to discard)."""


STATE_FORMAT = 1
# Above this share of changed documents the cold index (which spreads over all cores) is no slower: at
# 10,000 seeds (17,476 documents, their counts cached) a patch of 1 / 50 / 150 / 340 changed documents took
# 1.9 / 3.2 / 4.0 / 5.2 s against 4.6 / 5.2 / 5.7 / 5.8 s cold (in one process, a throwaway script).
MAX_CHANGED_SHARE = 0.02


def load_state(path) -> dict | None:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
        return None
    n = data.get("n")
    if not isinstance(n, int) or not all(isinstance(data.get(k), list) and len(data[k]) == n for k in ("urls", "c", "dl")):
        return None
    if not (all(isinstance(u, str) for u in data["urls"]) and all(isinstance(c, str) for c in data["c"])
            and all(type(x) is int for x in data["dl"])):
        return None
    if not all(type(data.get(k)) is int for k in ("bits", "w", "inline")) or not isinstance(data.get("avgdl"), float):
        return None
    files = data.get("files")
    if not isinstance(files, dict) or not all(isinstance(h, str) and _SHA256_HEX.fullmatch(h) for h in files.values()):
        return None
    return data


_SHA256_HEX = re.compile("[0-9a-f]{64}")


def save_state(path, state: dict) -> None:
    try:
        save_file(Path(path), json.dumps(state, ensure_ascii=True, sort_keys=True, separators=(",", ":")))
    except OSError:   # only costs the next build a cold index
        pass


def documents(items: list[dict]) -> dict:
    """The documents in index order as the state keeps them: url, name of the term counts, length."""
    return {"urls": [it["u"] for it in items], "c": [search.counts_name(it) for it in items],
            "dl": [search._doc_length(it) for it in items]}


def make_state(docs: dict, width: int, bits: int, avgdl: float, inline_total: int, digests: dict[str, bytes],
               version: str) -> dict:
    """What the next build needs to patch this index: ``docs`` (``documents``), its shape, and the
    SHA-256 of every file but the manifest."""
    return {"format": STATE_FORMAT, "n": len(docs["urls"]), "w": width, "bits": bits, "avgdl": avgdl,
            "inline": inline_total, "version": version, **docs,
            "files": {path: d.hex() for path, d in sorted(digests.items())}}


def published_version(root) -> str | None:
    try:
        with open(os.path.join(os.fspath(root), "search", "manifest.json"), encoding="utf-8") as fh:
            return json.load(fh).get("version")
    except (OSError, ValueError, AttributeError):
        return None


def _postings_by_term(counted, row: list[int]) -> dict[str, int]:
    """term → impact byte of one document, from its term counts and its impact row."""
    keys, counts, words = counted
    out = {search.cjk_term(k): row[c] for k, c in zip(keys.tolist(), counts.tolist())}
    for w, tf in words.items():
        out[w] = row[min(tf, search.MAX_TF)]
    return out


def _changed_postings(state: dict, items: list[dict], changed: list[int], avgdl: float, cache):
    """term → [(document, new impact or None when the term left it)] over the changed documents."""
    out: dict[str, list] = defaultdict(list)
    used: list[str] = []
    for d in changed:
        old = cache.get(state["c"][d])
        if old is None:
            raise ColdIndex(f"the term counts of document {d} as last indexed are gone from the cache")
        new = search._counted(items[d], cache, used)
        before = _postings_by_term(old, search._impact_row(state["dl"][d], avgdl))
        after = _postings_by_term(new, search._impact_row(search._doc_length(items[d]), avgdl))
        for term in before.keys() | after.keys():
            if before.get(term) != after.get(term):
                out[term].append((d, after.get(term)))
    return out


def _patched(docnums: np.ndarray, impacts: np.ndarray, edits: list, n: int, width: int) -> tuple[int, bytes]:
    """The posting list with each edited document's posting replaced (or dropped): df and its bytes."""
    gone = np.isin(docnums, [d for d, _ in edits])
    docnums, impacts = docnums[~gone], impacts[~gone]
    added = sorted((d, imp) for d, imp in edits if imp is not None)
    if added:
        docnums = np.concatenate([docnums, np.array([d for d, _ in added], dtype=np.int64)])
        impacts = np.concatenate([impacts, np.array([imp for _, imp in added], dtype=np.uint8)])
        order = np.argsort(docnums, kind="stable")
        docnums, impacts = docnums[order], impacts[order]
    typed = docnums.astype("<u2" if width == 2 else "<u4")
    return len(typed), search._doc_numbers(typed, width, (n + 7) // 8) + impacts.tobytes()


def patch(recs: list[dict], items: list[dict], avgdl: float, width: int, state: dict | None, previous,
          cache, sink) -> tuple[dict, set[str]]:
    """Patch the index of ``previous`` (the published tree, vouched for by the caller) into
    ``sink`` (a ``DirectorySink`` over it).  Returns the new state and the names of the term counts
    the index now uses; raises ``ColdIndex`` when the index must be made cold."""
    n = len(items)
    if state is None or cache is None or not hasattr(sink, "reuse"):
        raise ColdIndex("no state of the last index")
    if state.get("version") != published_version(previous):
        raise ColdIndex("the published index is not the one the state describes")
    if state["n"] != n or state.get("w") != width or state["urls"] != [it["u"] for it in items]:
        raise ColdIndex("articles added, removed or moved in date order")
    if state.get("avgdl") != avgdl:
        raise ColdIndex("the mean text length crossed a line of its grid")
    names = [search.counts_name(it) for it in items]
    changed = [d for d in range(n) if names[d] != state["c"][d]]
    if len(changed) > max(4, int(n * MAX_CHANGED_SHARE)):
        raise ColdIndex(f"{len(changed)} texts changed")
    edits = _changed_postings(state, items, changed, avgdl, cache)
    files = {path: bytes.fromhex(h) for path, h in state["files"].items()}
    bits, root = state["bits"], os.path.join(os.fspath(previous), "search")
    by_shard: dict[int, dict[str, list]] = defaultdict(dict)
    for term, term_edits in edits.items():
        by_shard[search.shard_of(term, bits)][term] = term_edits
    written: dict[str, bytes] = {}
    dropped: set[str] = set()
    inline_total = state["inline"]
    try:
        for k, shard_edits in sorted(by_shard.items()):
            rel = f"search/p/{k}.bin"
            if rel not in files:
                raise ColdIndex(f"{rel} is not in the state")
            with open(os.path.join(root, "p", f"{k}.bin"), "rb") as fh:
                table = search.read_shard(fh.read(), n, width)
            for term, term_edits in shard_edits.items():
                df, data = table.get(term, (0, b""))   # a term new to the index: no postings yet
                x_rel = f"search/x/{search.external_name(term)}.bin"
                if data is None:
                    if x_rel not in files:
                        raise ColdIndex(f"{x_rel} is not in the state")
                    with open(os.path.join(root, "x", f"{search.external_name(term)}.bin"), "rb") as fh:
                        data = fh.read()
                    dropped.add(x_rel)
                elif term in table:
                    inline_total -= search.inline_cost(term, data)
                docnums, impacts = search.decode_postings(data, df, n, width)
                df, data = _patched(docnums, impacts, term_edits, n, width)
                if df == 0:
                    table.pop(term, None)
                elif len(data) > search.INLINE_MAX:
                    written[x_rel] = data
                    dropped.discard(x_rel)
                    table[term] = (df, None)
                else:
                    table[term] = (df, data)
                    inline_total += search.inline_cost(term, data)
            written[rel] = search.shard_bytes([(term, df, data) for term, (df, data) in table.items()])
            search.read_shard(written[rel], n, width)   # reads to its end, or the index is made cold
    except (OSError, ValueError, IndexError) as e:
        raise ColdIndex(f"a file of the published index is not as the state says ({e})") from None
    if search.shard_bits(inline_total) != bits:
        raise ColdIndex("the number of shards changes")
    for d, it in enumerate(items):
        blob = search._doc_bytes(it)
        if hashlib.sha256(blob).digest() != files.get(f"search/d/{d}.json"):
            written[f"search/d/{d}.json"] = blob
    # Everything made; now to disk: the unchanged files linked, the rest written.
    digests = {}
    for rel, digest in files.items():
        if rel in dropped or rel in written or rel in (search.FACETS, search.MANIFEST):
            continue
        if not sink.reuse(rel, sink.path(rel)):
            raise ColdIndex(f"{rel} could not be linked from the published index")
        digests[rel] = digest
    for rel, data in sorted(written.items()):
        sink(rel, data)
        digests[rel] = hashlib.sha256(data).digest()
    version = search.write_facets_and_manifest(recs, n, width, bits, digests, sink)
    new_state = make_state(documents(items), width, bits, avgdl, inline_total, digests, version)
    return new_state, set(names)
