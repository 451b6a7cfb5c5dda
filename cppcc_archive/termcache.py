"""The search indexer's cache of each document's term counts (issue 7: the one-seed rebuild).

Counting a document's terms (its CJK bigrams and unigrams with numpy, its ASCII and joint words in
Python) is most of the indexer's work, and it depends on the document's title and text alone.  The
BM25 impact bytes and the document numbers depend on the whole corpus (the mean length, the date
order), so the cache keeps the counts before either is applied: a rebuild in which one seed changed
counts that seed's documents and reads the counts of the others.

An entry is named by a digest of the title and text and kept in a pack file (``TermCountCache``), in
a folder of the indexer's cache version (``cache.indexer_dir``: new indexer code or data never reads
counts made by old)::

    b"TC2\\0"  n (uint32)  m (uint32)  CRC-32 of the rest (uint32)
    n CJK keys (uint32, ascending)   n counts (uint8)
    m bytes: the word terms and their counts as JSON, [[word, count], ...]

An entry that cannot be read, whose size is not what its header says or whose checksum fails is
counted again; one that cannot be written only costs the next build the counting.
"""
from __future__ import annotations

import hashlib
import json
import os
import struct
import time
import zlib
from pathlib import Path

import numpy as np

from .cache import replace_file, save_file

_MAGIC = b"TC2\0"
_HEADER = struct.Struct("<4sIII")   # magic, n, m, CRC-32 of what follows
MAX_PACKS = 16   # more packs than this are copied together (the largest half kept as they are)


def digest(title: str, text: str) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(title.encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def encode(keys: np.ndarray, counts: np.ndarray, words: dict[str, int]) -> bytes:
    blob = json.dumps(list(words.items()), separators=(",", ":")).encode("ascii")
    body = b"".join((keys.astype("<u4").tobytes(), counts.astype(np.uint8).tobytes(), blob))
    return _HEADER.pack(_MAGIC, len(keys), len(blob), zlib.crc32(body)) + body


def decode(data: bytes) -> tuple[np.ndarray, np.ndarray, dict[str, int]] | None:
    """``(keys, counts, words)`` of an entry, or ``None`` when it is not a whole entry."""
    if len(data) < _HEADER.size:
        return None
    magic, n, m, crc = _HEADER.unpack_from(data)
    start = _HEADER.size
    if magic != _MAGIC or len(data) != start + 5 * n + m or zlib.crc32(memoryview(data)[start:]) != crc:
        return None
    keys = np.frombuffer(data, dtype="<u4", count=n, offset=start).astype(np.uint64)
    counts = np.frombuffer(data, dtype=np.uint8, count=n, offset=start + 4 * n)
    try:
        words = {w: c for w, c in json.loads(data[start + 5 * n:])}
    except (ValueError, TypeError):
        return None
    return keys, counts, words


class TermCountCache:
    """Entries appended to pack files in ``folder``, found through ``index.json`` (digest → pack,
    offset, length).  One file per entry cost a cold build of 10,000 seeds 1.6–3.8 s more in the
    indexer (17,469 files made and renamed); a pack is one file per process, written in one go.

    Each process that stores entries appends them to a pack of its own (forked workers included;
    ``stored()`` returns where); the build then ``commit``s: the new index lists the entries this
    build used, a pack less than half of which is still listed is copied into a new one, and packs
    nothing lists go.  A pack or index that is missing, cut short or damaged only means counting
    again.
    """

    INDEX = "index.json"

    def __init__(self, folder: str | os.PathLike):
        self.folder = str(folder)
        self.index = self._load_index()
        self._stored: dict[str, list] = {}   # entries this process stored
        self._inherited: dict[str, list] = {}   # in a forked worker: those its parent stored
        self._pack = None   # (name, file) of this process's pack
        self._pid = None
        self._fds: dict[str, int] = {}

    def _load_index(self) -> dict[str, list]:
        try:
            with open(os.path.join(self.folder, self.INDEX), encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(v, list) and len(v) == 3 and _is_pack_name(v[0])
                and all(isinstance(x, int) and x >= 0 for x in v[1:])}

    def get(self, key: str):
        return self._read(self._stored.get(key) or self._inherited.get(key) or self.index.get(key))

    def _read(self, where: list | None):
        if where is None:
            return None
        name, offset, length = where
        try:
            fd = self._fds.get(name)
            if fd is None:
                fd = self._fds[name] = os.open(os.path.join(self.folder, name), os.O_RDONLY)
            return decode(os.pread(fd, length, offset))
        except OSError:
            return None

    def put(self, key: str, keys: np.ndarray, counts: np.ndarray, words: dict[str, int]) -> None:
        data = encode(keys, counts, words)
        try:
            name, fh = self._own_pack()
            if fh is None:
                return
            offset = fh.tell()
            fh.write(data)
        except OSError:
            self._broken()
            return   # a cache that cannot be written only costs time
        self._stored[key] = [name, offset, len(data)]

    def _broken(self) -> None:
        """This process's pack could not be made or written: nothing in it is listed, nothing more goes in."""
        if self._pid == os.getpid():
            if self._pack is not None and self._pack[1] is not None:
                try:
                    self._pack[1].close()
                except OSError:
                    pass
            self._stored = {}
        else:   # a forked worker that could not start a pack: its parent's entries are still good
            self._inherited.update(self._stored)
            self._stored = {}
        self._pack, self._pid = ("", None), os.getpid()

    def _own_pack(self):
        if self._pack is None or self._pid != os.getpid():   # a forked worker starts a pack of its own
            os.makedirs(self.folder, exist_ok=True)
            name = f"pack-{os.getpid()}-{time.time_ns()}.bin"
            if self._pid is not None and self._pid != os.getpid():
                self._inherited.update(self._stored)
                self._stored = {}
            self._pack, self._pid = (name, open(os.path.join(self.folder, name), "wb", buffering=1 << 20)), os.getpid()
        return self._pack

    def stored(self) -> dict[str, list]:
        """Close this process's pack; where the entries it stored are (for ``commit``)."""
        self.flush()
        if self._pack is not None and self._pid == os.getpid() and self._pack[1] is not None:
            try:
                self._pack[1].close()
            except OSError:
                self._broken()
            self._pack = None
        return dict(self._stored)

    def flush(self) -> None:
        """Make what this process stored readable by others (forked workers)."""
        if self._pack is not None and self._pid == os.getpid() and self._pack[1] is not None:
            try:
                self._pack[1].flush()
            except OSError:   # a full disk shows here, not at the write into the buffer
                self._broken()

    def close(self) -> None:
        for fd in self._fds.values():
            os.close(fd)
        self._fds.clear()

    def commit(self, used: set[str], stored: dict[str, list], started: float) -> None:
        """Write the index of the entries in ``used`` (from ``stored``, else the old index); copy the
        live entries of packs mostly dead into a new pack; delete packs nothing lists that are older
        than ``started`` (the build's start: a concurrent build's new pack survives)."""
        index = {}
        for key in used:
            where = stored.get(key) or self.index.get(key)
            if where is not None:
                index[key] = where
        try:
            index = self._compacted(index)
            # dumps, not dump: json.dump never takes the C encoder (4 s for 22 MB in a profile).
            replace_file(Path(self.folder) / self.INDEX,
                         json.dumps(index, sort_keys=True, separators=(",", ":")).encode("ascii"))
        except OSError:
            return
        finally:
            self.close()
        listed = {where[0] for where in index.values()}
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name in listed or not (_is_pack_name(name) or name.startswith(".")):
                continue
            path = os.path.join(self.folder, name)
            try:
                if os.stat(path).st_mtime < started:
                    os.unlink(path)
            except OSError:
                pass

    def _compacted(self, index: dict[str, list]) -> dict[str, list]:
        live: dict[str, int] = {}
        for name, _, length in index.values():
            live[name] = live.get(name, 0) + length
        sparse = set()
        for name, size in live.items():
            try:
                if size * 2 < os.path.getsize(os.path.join(self.folder, name)):
                    sparse.add(name)
            except OSError:
                pass
        if len(live) - len(sparse) > MAX_PACKS:
            # Many packs (a build that counts something adds one per process): all but the largest
            # half are copied together, so the packs (and the descriptors open on them) stay few.
            kept = sorted((n for n in live if n not in sparse), key=lambda n: (-live[n], n))[:MAX_PACKS // 2]
            sparse = set(live) - set(kept)
        if not sparse:
            return index
        moved = dict(index)
        for key in sorted(k for k, where in index.items() if where[0] in sparse):
            entry = self._read(index[key])
            if entry is None:
                del moved[key]
                continue
            self.put(key, *entry)
            moved[key] = self._stored.get(key, index[key])   # not copied: its old place still holds it
        self.stored()
        return moved


def _is_pack_name(name) -> bool:
    return isinstance(name, str) and name.startswith("pack-") and name.endswith(".bin") and "/" not in name


LINES = "lines.json"


def load_lines(folder: str | os.PathLike) -> dict:
    """What the indexer read from each line of the last ``articles.json`` (``search.records_for_index``):
    digest of the line → its record without the text, the text's length and the name of its counts."""
    try:
        with open(os.path.join(folder, LINES), encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, dict) and isinstance(v.get("_counts"), str)
            and isinstance(v.get("_indexed_len"), int) and isinstance(v.get("url"), str)}


def save_lines(folder: str | os.PathLike, seen: dict) -> None:
    """Keep ``seen`` for the next build (only the lines of this ``articles.json``); ASCII JSON, so a
    lone surrogate is kept (a temporary file a failure leaves is swept by the next ``commit``)."""
    save_file(Path(folder) / LINES, json.dumps(seen, sort_keys=True, separators=(",", ":")))
