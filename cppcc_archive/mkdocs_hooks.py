"""MkDocs hooks of the archive (the generated configuration lists this file; see ``site.py``).

MkDocs converts the Markdown of every page before it writes any, so all the
HTML of all articles is in memory at once (1.4 GB peak at 10,000 seed
files).  Article pages keep their HTML zlib-compressed between the two passes
and get it back just before their template is rendered; their Markdown source
is dropped once converted.  Other pages are left alone: Material's tags
plugin edits the tag index page's content in between.  Measured at 3,000
seed files: peak RSS 364 → 269 MB.
"""
from __future__ import annotations

import zlib

_PACKED = "_cppcc_packed_content"


def _compressible(page) -> bool:
    return page.file.src_uri.startswith("a/")


def on_page_content(html, page, config, files):
    if _compressible(page):
        page.__dict__[_PACKED] = zlib.compress(html.encode("utf-8"), 1)
        page.markdown = None   # converted; its source is not needed again
        return ""
    return html


def on_page_context(context, page, config, nav):
    packed = page.__dict__.pop(_PACKED, None)
    if packed is not None:
        page.content = zlib.decompress(packed).decode("utf-8")
    return context


def on_post_page(output, page, config):
    if _compressible(page):
        page.content = None   # written next; nothing reads it afterwards
    return output
