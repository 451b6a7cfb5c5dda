"""The search indexer's cache of each document's term counts (issue 7: the one-seed rebuild).

Counting a document's terms (its CJK bigrams and unigrams with numpy, its ASCII and joint words in
Python) is most of the indexer's work, and it depends on the document's title and text alone.  The
BM25 impact bytes and the document numbers depend on the whole corpus (the mean length, the date
order), so the cache keeps the counts before either is applied: a rebuild in which one seed changed
counts that seed's documents and reads the counts of the others.

An entry is one file named by a digest of the title and text, in a folder of the indexer's cache
version (``cache.indexer_dir``: new indexer code or data never reads counts made by old)::

    b"TC1\\0"  n (uint32)  m (uint32)   n CJK keys (uint32, ascending)   n counts (uint8)
    m bytes: the word terms and their counts as JSON, [[word, count], ...]

An entry that cannot be read or whose size is not what its header says is counted again; one that
cannot be written only costs the next build the counting.
"""
from __future__ import annotations

import hashlib
import json
import os
import struct

import numpy as np

_MAGIC = b"TC1\0"
_HEADER = struct.Struct("<4sII")


def digest(title: str, text: str) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(title.encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def encode(keys: np.ndarray, counts: np.ndarray, words: dict[str, int]) -> bytes:
    blob = json.dumps(list(words.items()), separators=(",", ":")).encode("ascii")
    return b"".join((_HEADER.pack(_MAGIC, len(keys), len(blob)), keys.astype("<u4").tobytes(),
                     counts.astype(np.uint8).tobytes(), blob))


def decode(data: bytes) -> tuple[np.ndarray, np.ndarray, dict[str, int]] | None:
    """``(keys, counts, words)`` of an entry, or ``None`` when it is not a whole entry."""
    if len(data) < _HEADER.size:
        return None
    magic, n, m = _HEADER.unpack_from(data)
    start = _HEADER.size
    if magic != _MAGIC or len(data) != start + 5 * n + m:
        return None
    keys = np.frombuffer(data, dtype="<u4", count=n, offset=start).astype(np.uint64)
    counts = np.frombuffer(data, dtype=np.uint8, count=n, offset=start + 4 * n)
    try:
        words = {w: c for w, c in json.loads(data[start + 5 * n:])}
    except (ValueError, TypeError):
        return None
    return keys, counts, words


class TermCountCache:
    """Entries under ``folder/<first two hex digits>/<digest>``."""

    def __init__(self, folder: str):
        self.folder = str(folder)
        self._made: set[str] = set()

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key)

    def get(self, key: str):
        try:
            with open(self._path(key), "rb") as fh:
                return decode(fh.read())
        except OSError:
            return None

    def put(self, key: str, keys: np.ndarray, counts: np.ndarray, words: dict[str, int]) -> None:
        path = self._path(key)
        folder = os.path.dirname(path)
        # Written under a name of this process's own, then renamed: a concurrent build never reads half.
        tmp = os.path.join(folder, f".{key}.{os.getpid()}.tmp")
        try:
            if folder not in self._made:
                os.makedirs(folder, exist_ok=True)
                self._made.add(folder)
            with open(tmp, "wb") as fh:
                fh.write(encode(keys, counts, words))
            os.replace(tmp, path)
        except OSError:
            try:
                os.unlink(tmp)
            except OSError:
                pass

    def sweep(self, used: set[str], older_than: float) -> int:
        """Delete the entries not in ``used`` last written before ``older_than`` (the build's start:
        entries a concurrent build just stored survive); returns how many went."""
        gone = 0
        try:
            subs = os.listdir(self.folder)
        except OSError:
            return 0
        for sub in subs:
            sub_path = os.path.join(self.folder, sub)
            try:
                names = os.listdir(sub_path)
            except OSError:
                continue
            for name in names:
                if name in used:
                    continue
                path = os.path.join(sub_path, name)
                try:
                    if os.stat(path).st_mtime < older_than:
                        os.unlink(path)
                        gone += 1
                except OSError:
                    pass
        return gone
