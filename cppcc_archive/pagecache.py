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
