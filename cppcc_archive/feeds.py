"""Atom 1.0 feeds: the whole archive, one per province, one per topic.

``render_feeds(records, site_url, seeds_dir)`` returns ``(files, entered)``:
``files`` maps a path relative to the docs tree (``feeds/all.xml``,
``feeds/province/<code>.xml``, ``feeds/topic/<slug>.xml``) to the feed's XML;
``entered`` maps the id of every *undated* article that got a date from git to
that date (ISO ``YYYY-MM-DD``), for the page's 收录日期 label.

Dates.  An entry's date is the article's ``date``.  An article whose text
states no full date uses the day its seed file was first committed to git (the
author date, ``%as``; renames are followed like ``git log --follow``), found
with one ``git log`` for all seeds.  When the seeds are not in a git work tree,
git is missing, or the seed is not committed yet, the article has no date at
all and is left out of the feeds (it is still on the site): a feed is ordered
by date, and the build time would change every build.  The same input
therefore always gives byte-identical feeds.  A shallow clone would date every
seed to its oldest fetched commit, so the build warns about one (CI checks out
with ``fetch-depth: 0``).  Days are given as midnight Beijing time
(``T00:00:00+08:00``); an empty feed's ``updated`` is the fixed ``EMPTY_UPDATED``.

Ids and links.  Entry and feed ids are ``tag:`` URIs (RFC 4151) under
``TAG_PREFIX``, never the page address, so ids stay the same when the site
moves to another domain or path and no reader sees old entries as new.  With
``site_url`` set, links are absolute (``site_url`` + ``a/<id>/``); with it
empty they are relative to the feed file (``../a/<id>/`` from ``feeds/all.xml``),
which Atom allows (IRI references resolve against the feed's own address).

Article text is untrusted.  Every string goes through ElementTree, which
escapes ``& < > "``; characters XML 1.0 forbids (control characters, lone
surrogates) are dropped first; titles and summaries are ``type="text"``, so a
reader never interprets them as HTML.
"""
from __future__ import annotations

import logging
import re
import subprocess
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from typing import Callable

# The summaries are the article pages' descriptions too: they live with the records, in the page
# writer's code (``cache.writer_version``).
from .model import AUTHOR_ROLES, NOT_XML, listed_title, summary

log = logging.getLogger(__name__)

ATOM_NS = "http://www.w3.org/2005/Atom"
# Chosen once for this project; never change it, or every reader sees every entry again.
TAG_PREFIX = "tag:cppcc-archive,2026:"
SITE_NAME = "政协文库"
MAX_ENTRIES = 50
TZ = "+08:00"  # dates are calendar days in China
EMPTY_UPDATED = "2026-01-01T00:00:00+08:00"  # an empty feed still needs <updated>; fixed, never the build time

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CODE = re.compile(r"\d{6}")


def render_feeds(records: list[dict], site_url: str, seeds_dir: Path,
                 first: dict[str, str] | None = None,
                 summarize: Callable[[dict], str] | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """Every feed as relative path → XML, and article id → 收录日期 for undated articles.

    ``first`` is ``first_commit_dates(seeds_dir)`` when the caller has it already.  ``summarize``
    gives a record's summary (default: its ``summary`` field, else one made from its ``text``); it
    is asked only for the records a feed shows, once each (a feed holds the newest ``MAX_ENTRIES``).
    """
    site_url = normalize_site_url(site_url)
    made: dict[str, str] = {}
    summarize = summarize or _summary_of

    def summary_of(r: dict) -> str:
        if r["id"] not in made:
            made[r["id"]] = summarize(r)
        return made[r["id"]]

    if first is None:
        first = first_commit_dates(Path(seeds_dir))
    entered = entered_dates(records, first)
    dated = [(day, r) for r in records if (day := feed_date(r, first)) is not None]
    # Newest first: articles that entered the archive the same day by the month and day their text
    # gives (as the site's lists), then by id, so the order never depends on input order.
    dated.sort(key=lambda x: (x[0], _month_day(x[1]), x[1]["id"]), reverse=True)

    by_prov: dict[str, list] = defaultdict(list)
    by_topic: dict[str, list] = defaultdict(list)
    for day, r in dated:
        for code in _provinces(r):
            by_prov[code].append((day, r))
        for t in dict.fromkeys(r.get("topics") or []):
            by_topic[t].append((day, r))
    prov_names: dict[str, str] = {}
    for r in records:
        for reg in r.get("regions") or []:
            if _CODE.fullmatch(str(reg.get("code"))) and reg.get("province"):
                prov_names.setdefault(reg["code"][:2] + "0000", reg["province"])

    from .write import topic_slug

    files = {"feeds/all.xml": _feed(
        path="feeds/all.xml", feed_id="all", title=SITE_NAME, subtitle="全部文章，最新在前",
        page="", entries=dated, site_url=site_url, summary_of=summary_of)}
    # A feed for every province with an article (each has a page) …
    provinces = {code for r in records for code in _provinces(r)}
    for code in sorted(provinces):
        name = _province_name(code, prov_names)
        files[f"feeds/province/{code}.xml"] = _feed(
            path=f"feeds/province/{code}.xml", feed_id=f"province/{code}", title=f"{SITE_NAME} · {name}",
            subtitle=f"{name}的政协新闻", page=f"regions/{code}/", entries=by_prov.get(code, []), site_url=site_url,
            summary_of=summary_of)
    # … and for every topic of the taxonomy (each has a page) plus any other a record carries.
    topics = dict(_taxonomy())
    for r in records:
        for t in r.get("topics") or []:
            topics.setdefault(t, "")
    for name in sorted(topics, key=topic_slug):
        slug = topic_slug(name)
        files[f"feeds/topic/{slug}.xml"] = _feed(
            path=f"feeds/topic/{slug}.xml", feed_id=f"topic/{slug}", title=f"{SITE_NAME} · 主题：{name}",
            subtitle=topics[name] or f"主题“{name}”的文章", page=f"topics/{slug}/", entries=by_topic.get(name, []),
            site_url=site_url, summary_of=summary_of)
    return files, entered


# Material's theme script takes every <link rel="alternate"> for a language version of the site and
# fetches "sitemap.xml" beside it; each folder of feeds holds an empty one, so pages linking feeds
# make no failing request.
_EMPTY_SITEMAP = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')


def alternate_sitemaps(feed_paths) -> dict[str, str]:
    """An empty sitemap.xml in every folder holding feeds (see above)."""
    folders = sorted({p.rsplit("/", 1)[0] for p in feed_paths})
    return {f"{d}/sitemap.xml": _EMPTY_SITEMAP for d in folders}


def published_date(r: dict) -> str | None:
    """An article's full date of publication, or None: a 本报讯 lead's date (``date_source`` "lead")
    is the day of the event reported, not of the paper."""
    day = r.get("date")
    if r.get("date_source") != "lead" and isinstance(day, str) and _DATE.fullmatch(day):
        return day
    return None


def feed_date(r: dict, first: dict[str, str]) -> str | None:
    """An article's date in the feeds: its full date of publication, else the day its seed was first
    committed (or None)."""
    return published_date(r) or first.get(r["source_file"])


def entered_dates(records, first: dict[str, str]) -> dict[str, str]:
    """Article id → 收录日期 (the day its seed was first committed) for articles without a full date
    of publication."""
    out = {}
    for r in records:
        day = first.get(r["source_file"])
        if day is not None and published_date(r) is None:
            out[r["id"]] = day
    return out


def _provinces(r: dict) -> list[str]:
    """The provincial codes of a record's regions, once each; only GB/T 2260 codes become file names."""
    codes = (str(reg.get("code")) for reg in r.get("regions") or [])
    return list(dict.fromkeys(c[:2] + "0000" for c in codes if _CODE.fullmatch(c)))


def normalize_site_url(site_url: str | None) -> str:
    """'' or an absolute URL ending in '/' (MkDocs' site_url may lack the slash)."""
    site_url = (site_url or "").strip()
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    return site_url


def feed_path_for_province(code: str) -> str:
    return f"feeds/province/{code}.xml"


def feed_path_for_topic(name: str) -> str:
    from .write import topic_slug

    return f"feeds/topic/{topic_slug(name)}.xml"


# ---------------------------------------------------------------- git dates

def first_commit_dates(seeds_dir: Path) -> dict[str, str]:
    """Seed path (relative to ``seeds_dir``, posix) → day it was first committed, from one ``git log``.

    Empty when ``seeds_dir`` is not in a git work tree or git is missing.
    Renames are followed (the new name inherits the old name's date), like
    ``git log --follow --diff-filter=A``; a file added more than once keeps the
    earliest day.
    """
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        return {}
    base = ["git", "-C", str(seeds_dir), "-c", "core.quotePath=false", "-c", "log.showSignature=false"]
    try:
        probe = subprocess.run(base + ["rev-parse", "--is-inside-work-tree", "--is-shallow-repository"],
                               capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        log.info("feeds: git not available; undated articles are left out of the feeds")
        return {}
    if probe.returncode != 0:
        msg = probe.stderr.strip()
        if "not a git repository" not in msg:
            # e.g. "detected dubious ownership" in a CI container: say so, the feeds would silently shrink.
            log.warning("feeds: git failed in %s (%s); undated articles are left out of the feeds", seeds_dir, msg)
        return {}
    flags = probe.stdout.split()
    if flags[:1] != ["true"]:
        return {}
    if flags[1:2] == ["true"]:
        log.warning("feeds: %s is a shallow clone; first-commit dates of seeds may be wrong (fetch the full history)",
                    seeds_dir)
    try:
        proc = subprocess.run(
            base + ["log", "--reverse", "--no-color", "--no-ext-diff", "--diff-filter=AR", "-M", "--name-status",
                    "-z", "--format=@%as", "--relative", "--", "."],
            capture_output=True, timeout=600)
    except (OSError, subprocess.SubprocessError) as e:
        log.warning("feeds: git log failed in %s (%s)", seeds_dir, e)
        return {}
    if proc.returncode != 0:
        # A repository without commits yet ends here too.
        log.info("feeds: git log failed in %s: %s", seeds_dir, proc.stderr.decode("utf-8", "replace").strip())
        return {}
    return parse_name_status(proc.stdout.decode("utf-8", "surrogateescape"))


def parse_name_status(out: str) -> dict[str, str]:
    """Parse ``git log --reverse --name-status -z --format=@%as`` output (oldest commit first).

    >>> parse_name_status("@2024-01-02\\0\\nA\\0a.txt\\0A\\0b.txt\\0@2024-03-02\\0\\nR100\\0a.txt\\0c.txt\\0")
    {'a.txt': '2024-01-02', 'b.txt': '2024-01-02', 'c.txt': '2024-01-02'}
    """
    first: dict[str, str] = {}
    tokens = out.split("\0")
    day = None
    i = 0
    while i < len(tokens):
        status = tokens[i].lstrip("\n")
        i += 1
        if status.startswith("@"):
            day = status[1:] if _DATE.fullmatch(status[1:]) else None
        elif status == "A" and i < len(tokens):
            path = tokens[i]
            i += 1
            if day and (path not in first or day < first[path]):
                first[path] = day
        elif status[:1] == "R" and i + 1 < len(tokens):
            old, new = tokens[i], tokens[i + 1]
            i += 2
            inherited = first.get(old, day)
            if inherited and (new not in first or inherited < first[new]):
                first[new] = inherited
    return first


# ---------------------------------------------------------------- XML

def _feed(path: str, feed_id: str, title: str, subtitle: str, page: str, entries: list[tuple[str, dict]],
          site_url: str, summary_of: Callable[[dict], str]) -> str:
    entries = entries[:MAX_ENTRIES]
    up = "../" * path.count("/")  # from the feed file back to the site root

    def href(rel: str) -> str:
        return site_url + rel if site_url else (up + rel if up + rel else "./")

    root = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": "zh-CN"})
    _text(root, "id", TAG_PREFIX + "feed/" + feed_id)
    _text(root, "title", title, type="text")
    _text(root, "subtitle", subtitle, type="text")
    _link(root, href(path), rel="self", type="application/atom+xml")
    _link(root, href(page), rel="alternate", type="text/html")
    _text(root, "updated", _stamp(entries[0][0]) if entries else EMPTY_UPDATED)
    author = ET.SubElement(root, "author")
    _text(author, "name", SITE_NAME)
    _text(root, "generator", "政协文库 build.py")
    for day, r in entries:
        root.append(_entry(r, day, href, summary_of(r)))
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _month_day(r: dict) -> tuple[int, int]:
    """(month, day) of an article's date without a year (date_text 12月27日), else (0, 0)."""
    from .clean.metadata import month_day

    return (0, 0) if r.get("date") else month_day(r.get("date_text"))


def _entry(r: dict, day: str, href, text: str) -> ET.Element:
    e = ET.Element("entry")
    _text(e, "id", TAG_PREFIX + "article/" + r["id"])
    title = " ".join(_clean(r.get("title") or "").split())
    _text(e, "title", listed_title(title, bool(r.get("title_derived"))) or "无标题", type="text")
    _link(e, href(f"a/{r['id']}/"), rel="alternate", type="text/html")
    if published_date(r):
        _text(e, "published", _stamp(r["date"]))
    _text(e, "updated", _stamp(day))
    authors = sorted(r.get("authors") or [], key=lambda x: (x.get("role") not in AUTHOR_ROLES, x.get("name") or ""))
    for a in authors:
        if not a.get("name"):
            continue
        tag = "author" if a.get("role") in AUTHOR_ROLES else "contributor"
        who = ET.SubElement(e, tag)
        _text(who, "name", f"{a['name']}（{a['role']}）" if a.get("role") else a["name"])
    for t in r.get("topics") or []:
        ET.SubElement(e, "category", {"term": _clean(t), "label": _clean(t)})
    for reg in r.get("regions") or []:
        name = reg.get("county") or reg.get("prefecture") or reg.get("province") or reg["code"]
        ET.SubElement(e, "category", {"term": _clean(reg["code"]), "label": _clean(name)})
    if not r.get("date") and r.get("date_text"):
        # <updated> is the day it entered the archive; the reader still learns the source's date.
        text = f"（原文日期：{_clean(r['date_text'])}，未注明年份）{text}"
    _text(e, "summary", text, type="text")
    return e


def _summary_of(r: dict) -> str:
    """A record's summary: made already (``summary``, by a build that leaves the text out), or from its text."""
    made = r.get("summary")
    return made if isinstance(made, str) else summary(r.get("text") or "")


def _text(parent: ET.Element, tag: str, value: str, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    el.text = _clean(value)
    return el


def _link(parent: ET.Element, href: str, **attrs: str) -> None:
    ET.SubElement(parent, "link", {"href": _clean(href), **attrs})


def _clean(s: str) -> str:
    """Drop what XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/FFFF)."""
    return NOT_XML.sub("", str(s))


def _stamp(day: str) -> str:
    return f"{day}T00:00:00{TZ}"


def _province_name(code: str, seen: dict[str, str]) -> str:
    try:
        from .tag.gazetteer import load_gazetteer

        return load_gazetteer().by_code[code].name
    except Exception:  # a code the gazetteer lacks: the name the record carried, else the code
        return seen.get(code, code)


def _taxonomy() -> list[tuple[str, str]]:
    from .tag.topics import load_taxonomy

    return list(load_taxonomy().descriptions)
