"""Article pages a rebuild can take unchanged from the tree the last build published.

An article page is a function of its article, the articles it links and a few build settings.
The article itself is fixed by its seed's cache key (the seed's bytes, name and curation entry,
and the version of phase 1's code and of the data files: see ``cache.key``) and by the code between
``assemble`` and the page (the page writer, this module and the driver ``cli.py``: the version that
names the ledger's folder, ``cache.writer_dir``); the links need the ids of the
siblings kept from the same seed and the ids, titles and dates of the related articles; the
settings are the site and seeds addresses, the article's entry date and the page of ``sources/``
that lists its file.  Each build records, per page, a digest of all that and the identity
(inode, size, modification time) of the file it left in the tree.  The next build hard-links a
page from the published tree when both still match, and renders it otherwise: a page edited by
hand, a tree swapped by another build or a record left by an interrupted one fails the identity
check and is rendered again.  Without the pipeline cache there are no seed keys and every page
is rendered.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Optional

LEDGER = "article-pages.json"   # in the page writer's version folder: new writing code starts afresh


class PageLedger:
    def __init__(self, previous: Optional[Path], seed_keys: dict[str, str], known: dict[str, list]):
        self.previous = str(previous) if previous is not None else None
        self.seed_keys = seed_keys
        self.known = known

    @classmethod
    def load(cls, path: Path, previous: Optional[Path], seed_keys: dict[str, str]) -> "PageLedger":
        """The last build's record; a missing or damaged one is empty (every page is rendered)."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        known = {k: v for k, v in data.items() if isinstance(v, list) and len(v) == 4} if isinstance(data, dict) else {}
        return cls(previous if previous is not None and Path(previous).is_dir() else None, seed_keys, known)

    def digest(self, a, sibling_ids: list[str], related: list, settings: tuple) -> Optional[str]:
        """What the page of article ``a`` is made from, or ``None`` when its seed has no cache key."""
        key = self.seed_keys.get(a.source_file)
        if not key:
            return None
        inputs = (key, a.part, a.also_in, a.changes, sibling_ids,
                  [(r.id, r.title, r.date, r.date_text) for r in related], settings)
        return hashlib.blake2b(repr(inputs).encode("utf-8"), digest_size=16).hexdigest()

    def unchanged(self, article_id: str, rel: str, digest: str) -> bool:
        """The published tree holds this article's page as the last build wrote it from the same inputs."""
        entry = self.known.get(article_id)
        if self.previous is None or entry is None or entry[0] != digest:
            return False
        try:
            st = os.stat(os.path.join(self.previous, rel), follow_symlinks=False)
        except OSError:
            return False
        return [st.st_ino, st.st_size, st.st_mtime_ns] == entry[1:]

    @staticmethod
    def entry(path: str, digest: str) -> list:
        st = os.stat(path, follow_symlinks=False)
        return [digest, st.st_ino, st.st_size, st.st_mtime_ns]


def save(path: Path, entries: dict[str, list]) -> None:
    """Write this build's record into the cache."""
    from .cache import save_file

    save_file(Path(path), json.dumps(entries, sort_keys=True, separators=(",", ":")))


# ---------------------------------------------------------------- articles.json

RECORDS = "articles-json.json"   # beside the page ledger, in the page writer's version folder


class RecordLedger:
    """Lines of the published ``articles.json`` a rebuild copies instead of encoding again.

    A record, like an article page, is fixed by its seed's cache key, the article's part, what
    ``assemble`` gave it (``also_in``, its file's fixer counts), the seeds address and the code
    that encodes it (the version naming this ledger's folder).  Each build records, per article,
    a digest of those and where its JSON object stands in the file (offset and length), with the
    identity (inode, size, modification time) of the file it left.  The next build copies the
    bytes of an article whose digest is unchanged from the published file when that file is
    still the one recorded, and encodes the others (at 10,000 seeds the encoding was 1.5–2 s of
    the build's process).  Without the pipeline cache there are no seed keys and every record
    is encoded.
    """

    def __init__(self, previous: Optional[str], seed_keys: dict[str, str], known: dict[str, list],
                 source: Optional[list] = None):
        self.previous = previous   # the published articles.json, when the record describes it
        self.source = source       # its identity then (checked again on the open file before copying)
        self.seed_keys = seed_keys
        self.known = known
        self.made: dict[str, list] = {}   # this build's record, filled as the file is written
        self.written: Optional[list] = None   # the identity of the file this build wrote

    @classmethod
    def load(cls, path: Path, previous: Optional[Path], seed_keys: dict[str, str]) -> "RecordLedger":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            source, lines = data["source"], data["lines"]
            published = os.path.join(str(previous), "articles.json") if previous is not None else None
            if published is None or not isinstance(lines, dict) or _identity(published) != source:
                raise ValueError("not the published file")
        except (OSError, ValueError, TypeError, KeyError):
            return cls(None, seed_keys, {})
        known = {k: v for k, v in lines.items()
                 if isinstance(v, list) and len(v) == 3 and isinstance(v[0], str)
                 and all(isinstance(x, int) and x >= 0 for x in v[1:])}
        return cls(published, seed_keys, known, source)

    def digest(self, a, seeds_url: str) -> Optional[str]:
        key = self.seed_keys.get(a.source_file)
        if not key:
            return None
        inputs = (key, a.id, a.part, a.also_in, a.changes, seeds_url)
        return hashlib.blake2b(repr(inputs).encode("utf-8"), digest_size=16).hexdigest()

    def place(self, article_id: str, digest: Optional[str]) -> Optional[tuple[int, int]]:
        """(offset, length) of the article's object in the published file, when it can be copied."""
        entry = self.known.get(article_id)
        if self.previous is None or digest is None or entry is None or entry[0] != digest:
            return None
        return entry[1], entry[2]

    def note(self, article_id: str, digest: Optional[str], offset: int, length: int) -> None:
        if digest is not None:
            self.made[article_id] = [digest, offset, length]

    def describes(self, fd: int) -> bool:
        """Whether the open file is the one this record was loaded for (another build may have
        published a tree since)."""
        st = os.fstat(fd)
        return self.source is not None and [st.st_ino, st.st_size, st.st_mtime_ns] == self.source

    def wrote(self, path: str) -> None:
        """This build wrote its ``articles.json`` at ``path`` (publishing renames its folder, keeping
        the file's identity, which the saved record gives)."""
        try:
            self.written = _identity(path)
        except OSError:
            self.written = None

    def save(self, path: Path) -> None:
        """Keep this build's record (after the tree holding its ``articles.json`` was published)."""
        from .cache import save_file

        if self.written is not None:
            save_file(Path(path), json.dumps({"source": self.written, "lines": self.made}, sort_keys=True,
                                             separators=(",", ":")))


def _identity(path: str) -> list[int]:
    st = os.stat(path, follow_symlinks=False)
    return [st.st_ino, st.st_size, st.st_mtime_ns]
