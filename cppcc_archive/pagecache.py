"""Article pages a rebuild can take unchanged from the tree the last build published.

An article page is a function of its article, the articles it links and a few build settings.
The article itself is fixed by its seed's cache key (the seed's bytes, name and curation entry,
and the version of phase 1's code and of the data files: see ``cache.key``) and by the code between
``assemble`` and the page (the page writer, this module and the driver ``cli.py``: the version that
names the ledger's folder, ``cache.writer_dir``); the links need the ids of the siblings kept from
the same seed and the ids, titles (and whether each was devised) and dates of the related articles;
the settings are the site and seeds addresses, the article's entry date and the page of ``sources/``
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
from typing import NamedTuple, Optional

LEDGER = "article-pages.json"   # in the page writer's version folder: new writing code starts afresh


# The same record holds the index pages (regions, people, dates, topics, tags, the home page: every
# generated page but the article pages, the source listings and the report), in groups: an index page
# reads no article text, so a group is fixed by the fields index pages read (``write.INDEX_FIELDS``:
# titles, dates, places, topics, people …) and by its own extra inputs.  The fields are digested per
# seed file and kept under ``SEEDS`` (reused while the seed's cache key and what ``assemble`` gave its
# articles are unchanged: a seed file's articles are fixed by its key), so a rebuild digests only the
# edited seeds' articles.  A group whose digest is
# unchanged, and whose files the published tree still holds as the last build left them, is linked
# from it instead of rendered (``GROUP`` + name: the digest and each file's path and identity).
SEEDS = "#seeds"
GROUP = "#group:"
# Each article page's entry also keeps its related articles' ids with a digest of the features they
# were found by, and this key the features shared too widely to count then: a rebuild makes again
# only the lists an edited seed can change (``write.RelatedIndex``).
RELATED_COMMON = "#related-common"


class RelatedRecord(NamedTuple):
    """The last build's related lists (``PageLedger.related``): the features then shared
    by more than ``write.RelatedIndex.COMMON`` articles, and per article id its features' digest and list."""
    common: frozenset
    lists: dict[str, tuple[str, list[str]]]


class PageLedger:
    def __init__(self, previous: Optional[Path], seed_keys: dict[str, str], known: dict[str, list],
                 seeds: Optional[dict] = None, groups: Optional[dict] = None):
        self.previous = str(previous) if previous is not None else None
        self.seed_keys = seed_keys
        self.known = known
        self.seeds = seeds or {}     # seed file → [reuse key, digest of its articles' fields but the text]
        self.groups = groups or {}   # group name → [digest, [[path, inode, size, mtime], ...]]
        self.seeds_made: dict[str, list] = {}
        self.related: Optional[RelatedRecord] = None   # the last build's related lists, when it recorded them

    @classmethod
    def load(cls, path: Path, previous: Optional[Path], seed_keys: dict[str, str]) -> "PageLedger":
        """The last build's record; a missing or damaged one is empty (every page is rendered)."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if not isinstance(data, dict):
            data = {}
        known = {k: v for k, v in data.items() if _is_page_entry(v)}
        seeds = data.get(SEEDS) if isinstance(data.get(SEEDS), dict) else {}
        groups = {k[len(GROUP):]: v for k, v in data.items() if k.startswith(GROUP) and _is_group_entry(v)}
        ledger = cls(previous if previous is not None and Path(previous).is_dir() else None, seed_keys, known,
                     seeds, groups)
        ledger.related = _related_record(data.get(RELATED_COMMON), known)
        return ledger

    def listing_digest(self, by_source: dict[str, list], fields: tuple[str, ...]) -> Optional[str]:
        """A digest of the articles' ``fields`` (what index pages read), or ``None`` when a seed has
        no cache key; each seed's part is reused from the last build while its key and its articles'
        ``also_in`` and fixer counts are unchanged."""
        h = hashlib.blake2b(digest_size=16)
        for name in sorted(by_source):
            key = self.seed_keys.get(name)
            if not key:
                return None
            arts = by_source[name]
            reuse = hashlib.blake2b(repr((key, [(a.id, a.also_in, a.changes) for a in arts])).encode("utf-8"),
                                    digest_size=16).hexdigest()
            old = self.seeds.get(name)
            if isinstance(old, list) and len(old) == 2 and old[0] == reuse and isinstance(old[1], str):
                part = old[1]
            else:
                part = hashlib.blake2b(repr([tuple(getattr(a, n) for n in fields) for a in arts]).encode(
                    "utf-8", "surrogatepass"), digest_size=16).hexdigest()
            self.seeds_made[name] = [reuse, part]
            h.update(f"{name}\0{part}\n".encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    @staticmethod
    def group_digest(name: str, listing: Optional[str], extra: str = "") -> Optional[str]:
        if listing is None:
            return None
        return hashlib.blake2b(f"{name}\0{listing}\0{extra}".encode("utf-8", "surrogatepass"),
                               digest_size=16).hexdigest()

    def link_group(self, name: str, digest: Optional[str], sink) -> Optional[list]:
        """Link the group's files from the published tree when its digest is unchanged and every
        file is still as the last build left it; returns the group's entry, or ``None`` (nothing linked)."""
        entry = self.groups.get(name)
        if self.previous is None or digest is None or entry is None or entry[0] != digest:
            return None
        if not all(_has_identity(os.path.join(self.previous, rel), ident) for rel, *ident in entry[1]):
            return None
        linked = []
        for rel, *ident in entry[1]:
            path = sink.path(rel)
            # Checked again on the link: another build may have published a tree since the check.
            if not sink.reuse(rel, path) or not _has_identity(path, ident):
                for done in linked + ([path] if os.path.lexists(path) else []):
                    os.unlink(done)   # rendered instead
                return None
            linked.append(path)
        return entry

    def digest(self, a, sibling_ids: list[str], related: list, settings: tuple) -> Optional[str]:
        """What the page of article ``a`` is made from, or ``None`` when its seed has no cache key."""
        key = self.seed_keys.get(a.source_file)
        if not key:
            return None
        inputs = (key, a.part, a.also_in, a.changes, sibling_ids,
                  [(r.id, r.title, r.title_derived, r.date, r.date_text) for r in related], settings)
        return hashlib.blake2b(repr(inputs).encode("utf-8"), digest_size=16).hexdigest()

    def linked_as_recorded(self, article_id: str, path: str) -> bool:
        """The link just made for an article's page is the file the record names (another build may
        have published a tree since ``unchanged``); if not, it is removed, to be rendered."""
        entry = self.known.get(article_id)
        if entry is not None and _has_identity(path, entry[1:4]):
            return True
        try:
            os.unlink(path)
        except OSError:
            pass
        return False

    def unchanged(self, article_id: str, rel: str, digest: str) -> bool:
        """The published tree holds this article's page as the last build wrote it from the same inputs."""
        entry = self.known.get(article_id)
        if self.previous is None or entry is None or entry[0] != digest:
            return False
        return _has_identity(os.path.join(self.previous, rel), entry[1:4])

    @staticmethod
    def entry(path: str, digest: str, related: list) -> list:
        """An article page's entry: its digest, its file's identity and its related list's record
        (``write.RelatedIndex.record``)."""
        return [digest, *file_identity(path), *related]


def _is_page_entry(v) -> bool:
    return (isinstance(v, list) and len(v) == 6 and isinstance(v[0], str) and all(isinstance(x, int) for x in v[1:4])
            and isinstance(v[4], str) and isinstance(v[5], list) and all(isinstance(r, str) for r in v[5]))


def _related_record(common, known: dict[str, list]):
    """The last build's related lists, or ``None`` when it recorded none (every list is made)."""
    if not (isinstance(common, list) and all(isinstance(x, list) and len(x) == 2 and all(isinstance(y, str) for y in x)
                                             for x in common)):
        return None
    return RelatedRecord(frozenset(map(tuple, common)), {k: (v[4], v[5]) for k, v in known.items()})


def _is_group_entry(v) -> bool:
    return (isinstance(v, list) and len(v) == 2 and isinstance(v[0], str) and isinstance(v[1], list) and v[1]
            and all(isinstance(f, list) and len(f) == 4 and _is_relative_path(f[0])
                    and all(isinstance(x, int) for x in f[1:]) for f in v[1])
            and len({f[0] for f in v[1]}) == len(v[1]))


def _is_relative_path(rel) -> bool:
    """A path inside the tree: relative, no ``..``, empty or ``.`` part, no backslash."""
    return (isinstance(rel, str) and rel != "" and "\\" not in rel and "\0" not in rel
            and all(part not in ("", ".", "..") for part in rel.split("/")))


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
            if published is None or not isinstance(lines, dict) or file_identity(published) != source:
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
            self.written = file_identity(path)
        except OSError:
            self.written = None

    def save(self, path: Path) -> None:
        """Keep this build's record (after the tree holding its ``articles.json`` was published)."""
        from .cache import save_file

        if self.written is not None:
            save_file(Path(path), json.dumps({"source": self.written, "lines": self.made}, sort_keys=True,
                                             separators=(",", ":")))


def _has_identity(path: str, ident: list) -> bool:
    try:
        return file_identity(path) == ident
    except OSError:
        return False


def file_identity(path: str) -> list[int]:
    st = os.stat(path, follow_symlinks=False)
    return [st.st_ino, st.st_size, st.st_mtime_ns]
