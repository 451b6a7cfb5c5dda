"""MkDocs hooks of the archive (the generated configuration lists this file; see ``site.py``).

Generated pages are converted by ``fastpage`` instead of Python-Markdown (the
same HTML, 5-7× faster; a page it does not recognise goes to Python-Markdown).

MkDocs converts the Markdown of every page before it writes any, so all the
HTML of all articles is in memory at once (1.4 GB peak at 10,000 seed
files).  Article pages keep their HTML zlib-compressed between the two passes
and get it back just before their template is rendered; their Markdown source
is dropped once converted; other pages keep theirs.  Measured at 3,000
seed files: peak RSS 364 → 269 MB.

On every page with tags, the tag chips are made to link to the region or topic
page each tag stands for (``write.tag_url``), not to an anchor of a tag index
listing every article.

The site offers ``articles.json`` gzip'd, and plain only while it is small
(``download.py``).  The compression runs in a thread while MkDocs renders the
pages: zlib lets go of the GIL, and MkDocs keeps only one core busy.
"""
from __future__ import annotations

import os
import posixpath
import sys
import threading
import zlib
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlsplit

from markupsafe import Markup, escape

try:
    from cppcc_archive import download, fastpage
except ImportError:   # MkDocs run by hand from another directory: the package is beside this file
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from cppcc_archive import download, fastpage

_PACKED = "_cppcc_packed_content"
_FAST = "_cppcc_fast_content"
# Resolved links, per build: (page source folder, page URL folder, link) -> (URL, target file, anchor).
_RESOLVED: dict[tuple[str, str, str], tuple] = {}
# Rendered navigation and tabs of pages outside the navigation, per build: key -> HTML.
_CHROME: dict[str, str] = {}
# The compression of articles.json running during this build: (thread, partial file, errors, cancel).
# MkDocs loads this file afresh with each configuration, so nothing here outlives a build.
_GZIP: list[tuple[threading.Thread | None, str, list[BaseException], threading.Event, tuple]] = []
# Set by ``build.py --serve`` for the MkDocs server it starts: the site is a local preview.
PREVIEW_ENV = "CPPCC_ARCHIVE_PREVIEW"


def _compressible(page) -> bool:
    return page.file.src_uri.startswith("a/")


def on_config(config):
    # Heading ids are numbered, never made of a heading's words (see ``markdown.heading_slug``).
    from cppcc_archive.markdown import heading_slug

    if "toc" in config["markdown_extensions"]:
        config["mdx_configs"].setdefault("toc", {})["slugify"] = heading_slug
    return config


def on_files(files, config):
    _RESOLVED.clear()   # a new build (``--serve`` rebuilds in one process): files may have changed
    _CHROME.clear()
    _start_download(files, config)
    return files


def _start_download(files, config) -> None:
    """Start compressing ``articles.json`` into the site, and leave the plain file out when it is
    too large (``download.publishes_plain``).

    MkDocs copies an empty placeholder first, so pages may link ``articles.json.gz`` (strict
    mode checks every link); ``on_post_build`` puts the compressed file in its place."""
    from mkdocs.structure.files import File

    plain = files.get_file_from_path(download.NAME)
    if plain is None:
        return
    src = plain.abs_src_path
    if not download.publishes_plain(os.path.getsize(src)):
        files.remove(plain)
    if files.get_file_from_path(download.GZ_NAME) is not None:   # one in docs/ is published as it is
        return
    files.append(File.generated(config, download.GZ_NAME, content=b""))
    os.makedirs(config["site_dir"], exist_ok=True)
    partial = os.path.join(config["site_dir"], f".{download.GZ_NAME}.partial")
    errors: list[BaseException] = []
    cancel = threading.Event()
    source = _identity(src)   # before the compression reads it: an edit meanwhile shows next time
    if _kept_from_last_build(config["site_dir"], source, partial):
        _GZIP.append((None, partial, errors, cancel, source))
        return
    # A preview compresses fast (2.4 s instead of 10 s at 10,000 seeds, a third larger): a curator
    # waits for each rebuild, and nobody downloads the file from it.
    level = download.PREVIEW_LEVEL if os.environ.get(PREVIEW_ENV) else download.LEVEL

    def compress() -> None:
        try:
            download.gzip_file(src, partial, cancel, level)
        except BaseException as exc:   # raised again by the build's thread in on_post_build
            errors.append(exc)

    thread = threading.Thread(target=compress, name="articles.json.gz", daemon=True)
    thread.start()
    _GZIP.append((thread, partial, errors, cancel, source))


def _identity(path: str) -> tuple:
    """The path and ``cache.stat_identity`` without its ctime: a rebuild links an unchanged file anew."""
    from cppcc_archive.cache import stat_identity

    return (path, *stat_identity(os.stat(path))[:4])


def _kept_from_last_build(site_dir: str, source: tuple, partial: str) -> bool:
    """In a build that keeps the site folder (``mkdocs build --dirty``, a ``--serve`` rebuild; any
    other build empties it first), the compressed file this process made of the very same
    ``articles.json`` (``download.COMPRESSED``: path and identity): set aside as the compression's
    result, out of the way of MkDocs' placeholder.  At 10,000 seeds the compression was 7.5 of the
    12.9 s of such a rebuild."""
    kept = os.path.join(site_dir, download.GZ_NAME)
    if download.COMPRESSED.get(kept) != source:
        return False
    try:
        os.replace(kept, partial)
    except OSError:
        return False
    return True


def _finish_download(site_dir: str | None) -> None:
    """Wait for the compression; with ``site_dir``, move its file into place, else stop it
    and discard what it wrote."""
    while _GZIP:
        thread, partial, errors, cancel, source = _GZIP.pop()
        if site_dir is None:
            cancel.set()
        if thread is not None:
            thread.join()
        if site_dir is None or errors:
            try:
                os.unlink(partial)
            except FileNotFoundError:
                pass
            if site_dir is not None:
                raise errors[0]
            continue
        dest = os.path.join(site_dir, download.GZ_NAME)
        os.replace(partial, dest)
        download.COMPRESSED[dest] = source


def on_post_build(config):
    _finish_download(config["site_dir"])


def on_build_error(error):
    _finish_download(None)


def on_env(env, config, files):
    env.globals["cppcc_cached"] = _cached
    return env


def _cached(key: str, caller) -> str:
    """``{% call cppcc_cached(key) %}…{% endcall %}``: the block rendered once per key and build."""
    html = _CHROME.get(key)
    if html is None:
        html = _CHROME[key] = caller()
    return html


def _link_resolver(page, files, config):
    """MkDocs' own link resolution (the same URLs, the same warnings for a broken link), remembered.

    Every article page links the same region, topic and source pages; resolving a link was a third
    of the fast conversion.  A link resolves the same way from every page with the same source
    folder and the same URL folder, so a clean resolution (a ``.md`` target that exists and is not
    excluded, not the page itself) is reused, and its anchor still registered for MkDocs' anchor
    validation.  Anything else goes to MkDocs each time.
    """
    from mkdocs.structure.pages import _RelativePathTreeprocessor

    links = _RelativePathTreeprocessor(page.file, files, config)
    src_folder = posixpath.dirname(page.file.src_uri)
    url_folder = posixpath.dirname(page.file.url.rstrip("/"))

    def resolve(url: str) -> str:
        key = (src_folder, url_folder, url)
        hit = _RESOLVED.get(key)
        if hit is not None and hit[1] is not page.file:
            new, target, anchor = hit
            if anchor:
                links.links_to_anchors.setdefault(target, {}).setdefault(anchor, url)
            return new
        new = links.path_to_url(url)
        scheme, netloc, path, _, anchor = urlsplit(url)
        if new != url and not scheme and not netloc and path.endswith(".md"):
            target = files.get_file_from_path(posixpath.normpath(posixpath.join(src_folder, unquote(path))))
            if target is not None and target is not page.file and not target.inclusion.is_excluded():
                _RESOLVED[key] = (new, target, anchor)
        return new

    return links, resolve


def on_page_markdown(markdown, page, config, files):
    title = fastpage.permalink_title(config)
    if title is not None and fastpage.handles(page.file.src_uri):
        links, resolve = _link_resolver(page, files, config)
        done = fastpage.render(markdown, resolve, title)
        if done is not None:
            page.__dict__[_FAST] = (done, links.links_to_anchors)
            return ""   # Python-Markdown has nothing left to convert
    return markdown


def on_page_content(html, page, config, files):
    fast = page.__dict__.pop(_FAST, None)
    if fast is not None:
        from mkdocs.structure.toc import get_toc

        (html, page.present_anchor_ids, toc_tokens), links_to_anchors = fast
        page.toc = get_toc(toc_tokens)
        if page.links_to_anchors is not None:   # MkDocs collects them only when it validates anchors
            page.links_to_anchors = links_to_anchors
    if _compressible(page):
        page.__dict__[_PACKED] = zlib.compress(html.encode("utf-8"), 1)
        # Converted; its source is not needed again.  Empty, not None: MkDocs' page.title is None
        # while the markdown is None, and the tags plugin reads the titles after this point.
        page.markdown = ""
        return ""
    return html


def on_page_context(context, page, config, nav):
    # Material's navigation and tabs are a quarter of a page's template time.  On a page outside the
    # navigation (articles, later pages of an index) nothing in them is active, and their relative
    # links are the same from every page in the same folder: rendered once per folder
    # (overrides/main.html).
    if fastpage.enabled() and page not in nav.pages:
        context["cppcc_chrome_key"] = posixpath.dirname(page.url.rstrip("/")) + "/"
    # A drawer shows a page's table of contents only when the page is in the navigation; on any
    # other page, and on a page without one, it holds nothing the tabs do not show (as long as
    # there are tabs: without them the drawer is the only way round the site on a phone).
    context["cppcc_no_drawer"] = "navigation.tabs" in config["theme"]["features"] and (
        page not in nav.pages or "toc" in ((page.meta or {}).get("hide") or ()))
    _escape_description(page)
    packed = page.__dict__.pop(_PACKED, None)
    if packed is not None:
        page.content = zlib.decompress(packed).decode("utf-8")
    if context.get("tags"):
        context["tags"] = [_linked_tag(t) for t in context["tags"]]
    return context


def _escape_description(page) -> None:
    """Material writes ``page.meta.description`` into an attribute as it is (MkDocs' templates do
    not escape); an article's description is its own text, so it goes in escaped."""
    meta = page.meta or {}
    if "description" in meta and not isinstance(meta["description"], Markup):
        meta["description"] = escape(str(meta["description"]))


def _linked_tag(tag) -> SimpleNamespace:
    """A tag chip (what Material's ``partials/tags.html`` reads) that links to the region or topic
    page the tag stands for; the archive's tag index lists tags, not every article under each."""
    from cppcc_archive.write import tag_url

    return SimpleNamespace(name=tag.name, hidden=getattr(tag, "hidden", False), url=tag_url(tag.name))


def on_post_page(output, page, config):
    if _compressible(page):
        page.content = None   # written next; nothing reads it afterwards
    return output
