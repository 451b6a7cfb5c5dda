"""The site's downloads of ``articles.json``: always gzip'd, and plain while it is small.

``articles.json`` holds every article's text, so at 10,000 seeds it is 242 MB, a third of
the whole site; gzip'd it is about a quarter to a third of that (3.6× on the synthetic
benchmark corpus, 2.9× on the five real seeds).  GitHub Pages refuses sites over 1 GB, and a
JSON file of hundreds of megabytes is more than a browser tab, a spreadsheet or a naive
``json.load`` handles well; GitHub also refuses files over 100 MB pushed to a repository (a
site published from a branch).  So the site always offers ``articles.json.gz`` and offers the
plain file too while it is at most ``PLAIN_MAX_BYTES``.  ``OUT/articles.json`` and
``docs/articles.json``, the build's contract, are never affected: only what MkDocs publishes.

The data page (``write.data_page``) and the MkDocs hook (``mkdocs_hooks.on_files``) both ask
``publishes_plain`` about the same file, so the page never links a file the site lacks (and
MkDocs' strict mode would fail the build if it did).
"""
from __future__ import annotations

import gzip
import threading

NAME = "articles.json"
GZ_NAME = NAME + ".gz"
PLAIN_MAX_BYTES = 100 * 1024 * 1024
# Level 9 is 0.8 % smaller than 6 and a third slower (10 s at 10,000 seeds); it runs beside
# MkDocs, which keeps only one core busy, so the time is not the build's.  A preview's (``--serve``)
# is level 1: 2.4 s at 10,000 seeds, 85 MB instead of 67.
LEVEL = 9
PREVIEW_LEVEL = 1
# The compressed files this process put in a site, by path: the identity (path, device, inode, size,
# modification time) of the articles.json each was made from.  MkDocs loads its hooks afresh with each build, so
# this record lives here, where a ``--serve`` process's rebuilds find it (``mkdocs_hooks``).
COMPRESSED: dict[str, tuple] = {}


def publishes_plain(size: int) -> bool:
    """Whether the site also offers the uncompressed file of ``size`` bytes."""
    return size <= PLAIN_MAX_BYTES


class Cancelled(Exception):
    """The build that wanted the compressed file failed; the compression stopped early."""


def gzip_file(src: str, dest: str, cancelled: threading.Event | None = None, level: int = LEVEL) -> None:
    """Compress ``src`` into ``dest`` reproducibly: no file name and no time in the header,
    so the same ``articles.json`` always gives the same bytes (with the same zlib).
    ``cancelled`` is checked between 1 MiB pieces (a failed build need not wait 10 s)."""
    with open(src, "rb") as fin, open(dest, "wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", compresslevel=level, fileobj=raw, mtime=0) as out:
        while piece := fin.read(1 << 20):
            if cancelled is not None and cancelled.is_set():
                raise Cancelled(dest)
            out.write(piece)


def human_size(size: int) -> str:
    """``105 KB``, ``3.4 MB``, ``241.9 MB``: the size a reader weighs before downloading (rounded
    first, so 1,048,575 bytes read 1.0 MB, not 1024 KB; one decimal, so a file just over the
    100 MB limit does not read 100 MB)."""
    kb = max(1, round(size / 1024))
    if kb < 1024:
        return f"{kb} KB"
    return f"{size / (1024 * 1024):.1f} MB"

