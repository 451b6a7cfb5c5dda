"""Markdown pages, index pages and the machine-readable exports.

Everything here is generated; the names it may write are listed in
``GENERATED`` so hand-written pages in ``docs/`` are never touched.  Each
page is written to a staging directory as soon as it is rendered (a sink),
and the tree is then renamed into place (see ``publish``), so an interrupted
build leaves the old tree intact.
"""
from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import io
import json
import os
import re
import shutil
from collections import Counter, defaultdict
from pathlib import Path, PurePosixPath
from typing import Iterable
from urllib.parse import quote

from .cache import library_version, save_file
from .clean.metadata import newest_order, shown_date
from .markdown import escape_html, escape_md, front_matter, md_link, safe_title
from .model import Article, article_description, byline_line, listed_title
from .pagecache import GROUP, RELATED_COMMON, SEEDS, RelatedRecord, file_identity
from .sink import DirectorySink, MemorySink  # noqa: F401  (the build and the tests use them from here)
from .tag.gazetteer import load_gazetteer
from .tag.regions import region_tag, to_region
from .tag.topics import UNTOPICED, load_taxonomy
from .workers import can_fork, fork_map

# Generated entries at the top of the docs tree; nothing else is ever written.  dates.md and
# people.md are no longer made (they became dates/ and people/) but stay listed, so a docs tree
# built before loses them.
GENERATED = ("index.md", "a", "regions", "topics", "sources", "dates", "people", "dates.md", "people.md", "stats.md",
             "tags.md", "report.md", "raw", "articles.json", "report.json", "articles.csv", "data.md", "feeds", "search")
HOME_TEMPLATE = "home.template.md"
CURATED_LABELS = {"title": "标题", "regions": "地区", "topics": "主题", "level": "政协层级",
                  "split_before": "分篇起点（split_before）"}
# What each cleaning step did, in words a reader understands.
CHANGE_LABELS = {
    "normalize_line_endings": "统一换行符",
    "remove_control_characters": "删除控制字符",
    "repair_gbk_mojibake": "修复 GBK 错位乱码",
    "unrecoverable_characters": "无法恢复的乱码字（以 □ 标出）",
    "strip_html": "删除 HTML 标记",
    "remove_markdown_heading_marks": "删除 Markdown 标题符号（#）",
    "remove_pinyin_annotations": "删除拼音注音",
    "collapse_doubled_punctuation": "合并重复标点",
    "restore_fullwidth_punctuation": "恢复中文全角标点",
    "tidy_whitespace": "整理空白",
    "nfc": "Unicode 规范化",
    "to_simplified": "繁体转简体（字数）",
    "split_articles": "拆分为多篇文章",
    "reassemble_blocks": "重新拼合错位段落",
    "join_broken_paragraphs": "接合被断开的段落",
    "dedupe_repeated_paragraphs": "删除重复段落",
}


def topic_slug(name: str) -> str:
    return "t" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]


def source_slug(source_file: str) -> str:
    return "s" + hashlib.sha256(source_file.encode("utf-8")).hexdigest()[:10]


def person_slug(name: str) -> str:
    """A person's anchor on the people pages, from the name: the headings' own ids counted them (#_36),
    so a link to one led to another person once someone was added before (a curator's review)."""
    return "p" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]


def is_national(a: Article) -> bool:
    """About the national CPPCC with no place of its own: tagged 地区/全国, listed in the regions page's
    全国政协 section and counted on the maps' 全国 tile."""
    return not a.regions and a.level == "全国"


def tags_for(a: Article) -> list[str]:
    tags = []
    if a.regions:
        tags.append("地区/" + region_tag(a.regions[0]))
    elif is_national(a):
        tags.append("地区/全国")
    else:
        tags.append("地区/未知")
    tags += ["主题/" + t for t in a.topics] or ["主题/" + UNTOPICED]
    return tags


# Pages of the tags that are not a place or a topic of the taxonomy (anchors set on those pages).
_SPECIAL_TAG_TARGETS = {"地区": "regions/index.md", "主题": "topics/index.md",
                        "地区/全国": "regions/index.md#national", "地区/未知": "regions/index.md#unknown",
                        "主题/" + UNTOPICED: "topics/index.md#untagged"}


@functools.lru_cache(maxsize=1)
def _region_tag_codes() -> dict[str, str]:
    """Region tag path (``甘肃省/张掖市/甘州区``) → division code, for every division of the gazetteer."""
    gaz = load_gazetteer()
    return {region_tag(to_region(code, gaz)): code for code in gaz.by_code}


def tag_target(tag: str) -> str | None:
    """The archive page a tag (or a level of one) stands for: a Markdown path under docs/ with its
    anchor, e.g. ``regions/620000.md#c620702``; None for a tag the build never makes.

    A region is its province's page, at the section of the prefecture or county; a topic is its
    topic page.  Tag chips and the tag index link there rather than to a list of every article
    under every tag (9.4 MB of HTML at 10,000 seed files, repeating the region and topic pages).
    """
    if tag in _SPECIAL_TAG_TARGETS:
        return _SPECIAL_TAG_TARGETS[tag]
    kind, _, rest = tag.partition("/")
    if kind == "主题" and rest in set(load_taxonomy().names):
        return f"topics/{topic_slug(rest)}.md"
    code = _region_tag_codes().get(rest) if kind == "地区" else None
    if code is None:
        return None
    page = f"regions/{province_code(code)}.md"
    return page if code == province_code(code) else f"{page}#c{code}"


@functools.lru_cache(maxsize=None)
def tag_url(tag: str) -> str | None:
    """``tag_target`` as a site URL (directory URLs), for the tag chips MkDocs renders."""
    target = tag_target(tag)
    if target is None:
        return None
    path, _, anchor = target.partition("#")
    path = path[: -len("index.md")] if path.endswith("index.md") else path[:-3] + "/"
    return path + (f"#{anchor}" if anchor else "")


def tag_index_page(articles: list[Article]) -> str:
    """``tags.md``: every tag in use, nested by level, with its number of articles and a link to
    the page that lists them (regions in gazetteer order, topics in the taxonomy's)."""
    count: Counter = Counter()
    for a in articles:
        count.update({"/".join(parts[:i]) for t in tags_for(a) for parts in [t.split("/")] for i in range(1, len(parts) + 1)})
    codes = _region_tag_codes()
    topic_rank = {f"主题/{t}": i for i, t in enumerate(load_taxonomy().names)}
    children: dict[str, list[str]] = defaultdict(list)
    for node in count:
        parent, _, _ = node.rpartition("/")
        children[parent].append(node)

    def order(node: str):
        kind, _, rest = node.partition("/")
        return (codes.get(rest, "~" + rest) if kind == "地区" else topic_rank.get(node, len(topic_rank)), node)

    def listing(node: str, depth: int) -> list[str]:
        lines = []
        for child in sorted(children.get(node, ()), key=order):
            name = child.rsplit("/", 1)[1]
            lines.append(f"{'    ' * depth}- {md_link(name, tag_target(child))}（{count[child]}）")
            lines += listing(child, depth + 1)
        return lines

    out = ["---\ntitle: \"标签\"\n---\n# 标签索引\n",
           "每篇文章有一个地区标签（它的主要地区）和一个或多个主题标签。括号内是带有该标签（或其下级标签）的文章数，"
           "链接到列出这些文章的地区或主题页面。\n"]
    for root, heading in (("地区", "地区"), ("主题", "主题")):
        if root in count:
            out.append(f"## {heading}\n\n" + "\n".join(listing(root, 0)) + "\n")
    return "\n".join(out)


# ---------------------------------------------------------------- exports

def article_record(a: Article, seeds_url: str = "") -> dict:
    """An article's object in ``articles.json``."""
    return {
        "id": a.id,
        "url": f"a/{a.id}/",
        "title": a.title,
        "title_derived": a.title_derived,
        "source_file": a.source_file,
        "part": a.part,
        "also_in": list(a.also_in),
        "regions": [r.as_dict() for r in a.regions],
        "level": a.level,
        "topics": list(a.topics),
        "topic_cues": {t: list(c) for t, c in a.topic_cues},
        "keywords": list(a.keywords),
        "date": a.date,
        "date_text": a.date_text,
        "authors": [x.as_dict() for x in a.authors],
        "people": [p.as_dict() for p in a.people],
        "publisher": a.publisher,
        "source_url": a.source_url,
        "page": a.page,
        "rights": a.rights,
        "captions": list(a.captions),
        "credits": list(a.credits),
        "notes": list(a.notes),
        "original_keywords": list(a.original_keywords),
        "script": a.script,
        "text": a.text,
        "changes": dict(a.changes),
        "region_evidence": list(a.region_evidence),
        "raw_url": raw_url(a, seeds_url),
        "curated": list(a.curated),
        "raw_line": a.raw_line,
        "topics_mentioned": list(a.topics_mentioned),
        "date_source": a.date_source,
    }


def listing_record(a: Article, seeds_url: str = "") -> dict:
    """The fields of ``article_record`` that the feeds and the CSV read (``LISTING_FIELDS``), the same
    values: made for every article beside ``articles.json``, the whole record cost 1.6 s of 3 s at
    10,000 seeds (in a profile), most of it the cues, evidence and text no listing shows."""
    return {"id": a.id, "url": f"a/{a.id}/", "title": a.title, "title_derived": a.title_derived,
            "notes": list(a.notes), "source_file": a.source_file, "part": a.part,
            "also_in": list(a.also_in), "regions": [r.as_dict() for r in a.regions], "level": a.level,
            "topics": list(a.topics), "keywords": list(a.keywords), "date": a.date, "date_text": a.date_text,
            "authors": [x.as_dict() for x in a.authors], "publisher": a.publisher, "source_url": a.source_url,
            "script": a.script, "raw_url": raw_url(a, seeds_url), "raw_line": a.raw_line,
            "topics_mentioned": list(a.topics_mentioned), "date_source": a.date_source,
            "people": [p.as_dict() for p in a.people]}


LISTING_FIELDS = ("id", "url", "title", "title_derived", "notes", "source_file", "part", "also_in", "regions", "level",
                  "topics", "keywords", "date", "date_text", "authors", "publisher", "source_url", "script", "raw_url",
                  "raw_line", "topics_mentioned", "date_source", "people")


def raw_url(a: Article, seeds_url: str = "", prefix: str = "") -> str:
    """Where the original text is: the seed in the repository when ``seeds_url``
    (the ``SEEDS_URL`` setting) is given, else the copy under ``raw/`` on the site."""
    if seeds_url:
        return seeds_url + quote(a.source_file)
    return f"{prefix}raw/{raw_name(a)}"


def raw_name(a: Article) -> str:
    """The original text is published under the id of the seed's first article."""
    from .pipeline import article_id

    return f"{article_id(a.source_file, 0)}.txt"


def dumps_json(data) -> str:
    """JSON as UTF-8 text; a list is written one element per line (diffable, and
    each line goes through the C encoder, which ``indent`` would bypass)."""
    if isinstance(data, list):
        return "".join(json_list_chunks(data))
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def json_list_chunks(items: list) -> Iterable[str]:
    """``dumps_json(items)`` in pieces, one element per piece."""
    if not items:
        yield "[]\n"
        return
    last = len(items) - 1
    yield "[\n"
    for i, x in enumerate(items):
        yield json.dumps(x, ensure_ascii=False) + ("\n]\n" if i == last else ",\n")


def articles_json_bytes(articles: list[Article], seeds_url: str = "", ledger=None) -> Iterable[bytes]:
    """``articles.json`` in UTF-8 pieces: ``json_list_chunks`` of the articles' records, byte for byte.

    With a ``pagecache.RecordLedger``, the object of an article whose inputs are unchanged is
    copied from the published file instead of encoded (checked to be that article's object), and
    the ledger notes where each object stands in the new file."""
    if not articles:
        yield b"[]\n"
        return
    with _published(ledger) as old:
        pos, last = 2, len(articles) - 1
        yield b"[\n"
        for i, a in enumerate(articles):
            digest = ledger.digest(a, seeds_url) if ledger is not None else None
            obj = _copied_object(old, ledger.place(a.id, digest), a.id) if old is not None else None
            if obj is None:
                obj = record_bytes(a, seeds_url)
            if ledger is not None:
                ledger.note(a.id, digest, pos, len(obj))
            tail = b"\n]\n" if i == last else b",\n"
            yield obj
            yield tail
            pos += len(obj) + len(tail)


def record_bytes(a: Article, seeds_url: str = "") -> bytes:
    """An article's object in ``articles.json``, encoded."""
    return json.dumps(article_record(a, seeds_url), ensure_ascii=False).encode("utf-8")


@contextlib.contextmanager
def _published(ledger):
    """A descriptor of the published ``articles.json`` the ledger describes (``None`` without one).
    Read with ``pread``, not mapped: the pages of a mapped file count in the process's peak RSS
    (a one-seed rebuild at 10,000 seeds peaked at 863 MB with the 254 MB file mapped)."""
    path = getattr(ledger, "previous", None)
    try:
        fd = os.open(path, os.O_RDONLY) if path else None
    except OSError:
        fd = None
    try:
        yield fd if fd is not None and ledger.describes(fd) else None
    finally:
        if fd is not None:
            os.close(fd)


def _copied_object(fd: int, place: tuple[int, int] | None, article_id: str) -> bytes | None:
    if place is None:
        return None
    offset, length = place
    try:
        obj = os.pread(fd, length, offset)
    except OSError:
        return None
    head = b'{"id": ' + json.dumps(article_id, ensure_ascii=False).encode("utf-8") + b","
    return obj if len(obj) == length and obj.startswith(head) and obj.endswith(b"}") else None


_FORMULA_START = frozenset("=+-@\t\r＝＋－＠")
# Characters a spreadsheet may skip before a formula, or that hide one: spaces, controls, zero-width
# and bidi marks.
_INVISIBLE_LEAD = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u00ad\u034f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+")


def _csv_cell(value):
    """Keep spreadsheet software from running seed text as a formula (=, +, -, @ … at the start,
    also after invisible characters).

    >>> [_csv_cell(v) for v in ("=1+1", "\u200b=HYPERLINK(1)", " @x", "政协", 3)]
    ["'=1+1", "'\u200b=HYPERLINK(1)", "' @x", '政协', 3]
    """
    if isinstance(value, str) and value:
        lead = _INVISIBLE_LEAD.match(value)
        first = value[lead.end():lead.end() + 1] if lead else value[:1]
        if value[:1] in _FORMULA_START or first in _FORMULA_START:
            return "'" + value
    return value


# New columns go at the end: a spreadsheet's formulas name columns by place.
CSV_COLUMNS = ("id", "url", "title", "date", "date_text", "level", "province", "prefecture", "county",
               "topics", "keywords", "authors", "publisher", "source_file", "part", "also_in", "source_url", "script",
               "title_derived", "notes", "raw_url", "raw_line", "topics_mentioned", "page_url", "date_source", "regions",
               "people")


def _csv_region(r: dict) -> str:
    """A region as the names of its levels, 北京市/西城区 or 湖北省/随州市/随县."""
    return "/".join(n for n in (r["province"], r["prefecture"], r["county"]) if n)


def articles_csv(records: list[dict], site_url: str = "") -> str:
    """One row per record (``listing_record``).  ``page_url`` is the article page's full address when
    the site's is known (``SITE_URL``), else ``url``: a spreadsheet opens a full address, and a
    researcher could not open or cite the site-relative one (a review)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for r in records:
        main = r["regions"][0] if r["regions"] else {}
        w.writerow([_csv_cell(c) for c in (
            r["id"], r["url"], r["title"], r["date"] or "", r["date_text"] or "", r["level"] or "",
            main.get("province") or "", main.get("prefecture") or "", main.get("county") or "",
            "；".join(r["topics"]), "；".join(r["keywords"]),
            "；".join(f"{x['role']}:{x['name']}" for x in r["authors"]), r["publisher"] or "",
            r["source_file"], r["part"], "；".join(r["also_in"]), r["source_url"] or "", r["script"],
            "true" if r["title_derived"] else "false", "；".join(r["notes"]), r["raw_url"],
            "" if r["raw_line"] is None else r["raw_line"], "；".join(r["topics_mentioned"]),
            site_url + r["url"], r["date_source"] or "", "；".join(map(_csv_region, r["regions"])),
            "；".join(f"{p['name']}（{p['title']}）" for p in r["people"]))])
    # A BOM so spreadsheet software opens the Chinese text as UTF-8.
    return "\ufeff" + buf.getvalue()


# ---------------------------------------------------------------- pages

def render_site(articles: list[Article], report: dict, raw_texts: dict[str, str], home_template: str,
                site_url: str = "", entered: dict[str, str] | None = None, seeds_url: str = "") -> dict[str, str]:
    """Every generated page, as relative path → content (in memory; the build streams them with ``write_site``)."""
    files = MemorySink()
    write_site(files, articles, report, dict(raw_texts), home_template, site_url, entered, seeds_url=seeds_url)
    return dict(files)


def write_site(sink, articles: list[Article], report: dict, raw_texts: dict[str, str], home_template: str,
               site_url: str = "", entered: dict[str, str] | None = None, jobs: int = 1, seeds_url: str = "",
               name_keys: Path | None = None, ledger=None) -> dict[str, list]:
    """Render every generated page and hand each to ``sink(path, content)``.

    Article pages are most of the work; with ``jobs`` > 1 and a
    ``DirectorySink`` they are rendered and written by forked worker
    processes, each over a range of articles (the output is the same).
    With ``seeds_url``, pages link the original texts there and ``raw/`` is not written.
    ``name_keys``: where the people index keeps its sort keys between builds (see ``_in_pinyin_order``).
    ``ledger`` (a ``pagecache.PageLedger``, with a ``DirectorySink``): article pages whose inputs
    are unchanged are linked from the previous tree instead of rendered; returns this build's
    record of the article pages for the next one (empty without a ledger).
    """
    by_source: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_source[a.source_file].append(a)
    for lst in by_source.values():
        lst.sort(key=lambda a: a.part)
    # Original texts first, each dropped from ``raw_texts`` once written (the
    # caller hands over the dict): they are not kept while pages are rendered.
    for lst in by_source.values():
        raw = raw_texts.pop(lst[0].source_file, None)
        if raw is not None and not seeds_url:
            sink(f"raw/{raw_name(lst[0])}", "\ufeff" + raw)
    shards = source_shards(by_source)
    # Sorted before the article pages' workers start: the sort keys may come from a worker of its
    # own, which is not forked while another pool runs.
    people = _people(articles)
    order = _in_pinyin_order(list(people), name_keys)

    index_groups = _index_groups(articles, report, by_source, shards, people, order, home_template, seeds_url)
    group_digests = {}
    if ledger is not None:   # also without a previous tree: the next build links what this one records
        listing = ledger.listing_digest(by_source, INDEX_FIELDS)
        # The source listings also give each file's encoding (from the report; a seed re-encoded with
        # the same articles keeps its fields) and link the originals (the seeds address).
        encodings = {f["file"]: f.get("encoding") for f in report.get("files", [])}
        extra = {"dates+topics+home": home_template,
                 "sources": json.dumps([seeds_url, [[n, encodings.get(n)] for n in sorted(by_source)]], ensure_ascii=False)}
        group_digests = {name: ledger.group_digest(name, listing, extra.get(name, ""))
                         for name in index_groups if name != "report"}
    related = RelatedIndex(articles, previous=ledger.related if ledger is not None else None)
    work = _PageWork(articles, by_source, related, site_url, entered or {}, seeds_url, shards, ledger,
                     index_groups, group_digests)
    global _listings
    _listings = _Listings(articles)
    try:
        entries = _write_pages(sink, work, jobs)
    finally:
        _listings = None
        _article_link.cache_clear()   # the links of this corpus are not needed after its pages
    if ledger is not None and ledger.seeds_made:
        entries[SEEDS] = ledger.seeds_made
    if ledger is not None:
        entries[RELATED_COMMON] = sorted(map(list, related.common))
    return entries


# The article fields the index pages read (every group of ``_index_groups`` but the report, which is
# always rendered): a rebuild links a group from the published tree while these are unchanged, so an
# edit that changes an article's text alone (its keywords, captions, notes, length …) renders no
# index page.  A test renders the groups from articles that record what is read.
INDEX_FIELDS = ("source_file", "part", "id", "title", "title_derived", "date", "date_text", "regions", "level",
                "topics", "topics_mentioned", "people", "authors")


def _index_groups(articles: list[Article], report: dict, by_source: dict[str, list[Article]], shards: dict[str, str],
                  people: dict, order: list[str], home_template: str, seeds_url: str = "") -> dict:
    """The index pages in groups, name → () -> {path: Markdown}, the costliest first: with workers
    each group is a task of its own beside the article pages' ranges (see ``_write_pages``).  Every
    group but the report reads only ``INDEX_FIELDS``, so with a ledger it is linked from the
    published tree while those (and its own extra input) are unchanged (``pagecache``).  The report
    reads everything the report holds, and is one page."""
    return {
        "regions": lambda: region_pages(articles),
        "people": lambda: _people_pages(people, order),
        "dates+topics+home": lambda: {**dates_pages(articles), **topic_pages(articles), "tags.md": tag_index_page(articles),
                                      "stats.md": stats_page(articles), "index.md": home_page(articles, home_template)},
        "sources": lambda: source_pages(by_source, report, seeds_url, shards),
        "report": lambda: {"report.md": report_page(report, shards, articles)},
    }


class _PageWork:
    """What rendering article pages needs; forked workers inherit it instead of receiving it."""

    def __init__(self, articles, by_source, related, site_url, entered, seeds_url, shards, ledger=None,
                 index_groups=None, group_digests=None):
        self.articles, self.by_source, self.related = articles, by_source, related
        self.site_url, self.entered, self.seeds_url, self.shards = site_url, entered, seeds_url, shards
        self.ledger = ledger
        self.index_groups = index_groups or {}   # name → () -> {path: Markdown}
        self.devised = frozenset(a.id for a in articles if a.title_derived)
        self.group_digests = group_digests or {}   # name → digest of its inputs (groups the ledger may link)

    def write_group(self, name: str, sink) -> dict[str, list]:
        """Hand a group of index pages to ``sink``, or link them from the previous tree when their
        inputs are unchanged; returns the group's ledger entry (none without a digest)."""
        digest = self.group_digests.get(name)
        linked = self.ledger.link_group(name, digest, sink) if digest else None
        if linked is not None:
            return {GROUP + name: linked}
        files = []
        for rel, content in self.index_groups[name]().items():
            sink(rel, with_devised_legend(content, self.devised))
            files.append(rel)
        if not digest:
            return {}
        return {GROUP + name: [digest, [[rel, *file_identity(sink.path(rel))] for rel in files]]}

    def write(self, i: int, sink) -> list | None:
        """Hand article ``i``'s page to ``sink``, or link it from the previous tree when its inputs
        are unchanged (see ``pagecache``); returns its ledger entry (``None`` without a ledger)."""
        a = self.articles[i]
        rel = f"a/{a.id}.md"
        siblings, related = self.by_source[a.source_file], self.related.of(i)
        entered, shard = self.entered.get(a.id), self.shards[a.source_file]
        digest = None
        if self.ledger is not None:
            settings = (self.site_url, entered, self.seeds_url, shard)
            digest = self.ledger.digest(a, [s.id for s in siblings], related, settings)
            if (digest and self.ledger.unchanged(a.id, rel, digest) and sink.reuse(rel, sink.path(rel))
                    and self.ledger.linked_as_recorded(a.id, sink.path(rel))):
                return self.ledger.entry(sink.path(rel), digest, self.related.record(i, related))
        sink(rel, article_page(a, siblings, related, self.site_url, entered, self.seeds_url, shard))
        return self.ledger.entry(sink.path(rel), digest, self.related.record(i, related)) if digest else None


def _write_task(shared: tuple, task: tuple[int, int] | str) -> dict[str, list]:
    """One task of ``_write_pages``: a range of article pages or a group of index pages by name;
    returns their ledger entries."""
    work, sink = shared
    entries = {}
    if isinstance(task, str):
        return work.write_group(task, sink)
    for i in range(*task):
        entry = work.write(i, sink)
        if entry is not None:
            entries[work.articles[i].id] = entry
    return entries


def _write_pages(sink, work: _PageWork, jobs: int) -> dict[str, list]:
    """Every article page and index page; returns the article pages' ledger entries (see
    ``_PageWork.write``).

    With workers, the index page groups are tasks beside the article pages' ranges, handed out
    first: on a rebuild whose article pages are mostly linked from the previous tree, the index
    pages are most of the work and are shared between the workers, not left to this process."""
    n = len(work.articles)
    tasks: list = list(work.index_groups)
    if jobs <= 1 or n < 200 or not isinstance(sink, DirectorySink) or not can_fork():
        entries = _write_task((work, sink), (0, n))
        for task in tasks:
            entries.update(_write_task((work, sink), task))
        return entries
    step = max(50, -(-n // (jobs * 8)))
    tasks += [(s, min(s + step, n)) for s in range(0, n, step)]
    entries = {}
    for part in fork_map(_write_task, (work, sink), tasks, jobs):
        entries.update(part)
    return entries


def _link_to_article(a: Article, prefix: str) -> str:
    if _listings is None:
        return _article_link(a.id, a.title, a.date or a.date_text, prefix, a.title_derived)
    links = _listings.links.get(prefix)
    if links is None:
        links = _listings.links[prefix] = {}
    link = links.get(a.id)
    if link is None:
        link = links[a.id] = _article_link(a.id, a.title, a.date or a.date_text, prefix, a.title_derived)
    return link


# Under a page that lists a title the build devised (in ［］, ``model.listed_title``): a reader who never
# opened the about page learns what the brackets mean (a user's review).  Written by the build, which
# knows which titles it devised; a source's own headline in ［］ (a column name: ［两会声音］) is not one.
DEVISED_LEGEND = "［］中的标题由本馆据正文第一句拟定（原文没有标题）。\n"
_LISTED_ARTICLE = re.compile(r"\]\((?:\.\./)*a/([0-9a-f]{12})\.md\)")


def with_devised_legend(markdown: str, devised: frozenset) -> str:
    """``markdown`` with ``DEVISED_LEGEND`` at its end when it links an article in ``devised`` (ids)."""
    if devised and any(m.group(1) in devised for m in _LISTED_ARTICLE.finditer(markdown)):
        return markdown.rstrip("\n") + "\n\n" + DEVISED_LEGEND
    return markdown


# The meta description's length: about what a search engine's result shows of a Chinese page; at
# 10,000 seeds each character costs the site about 50 KB.
DESCRIPTION_CHARS = 80


@functools.lru_cache(maxsize=1 << 16)
def _article_link(article_id: str, title: str, date: str | None, prefix: str, derived: bool = False) -> str:
    # An article is listed on about 20 pages (regions, topics, dates, people, related articles):
    # at 10,000 seeds 390,000 links for 17,469 articles, 3.5 s when each was made afresh.
    date = f"（{date}）" if date else ""
    return f"{md_link(listed_title(safe_title(title), derived), f'{prefix}a/{article_id}.md')}{escape_md(date)}"


def article_page(a: Article, siblings: list[Article], related: list[Article], site_url: str = "",
                 entered: str | None = None, seeds_url: str = "", source_listing: str = "sources/index.md") -> str:
    """``source_listing``: the page of ``sources/`` that lists the article's source file."""
    from .cite import citation_markdown

    # No table of contents: its sections are the same on every article page.  The description is
    # what search engines and shared links show instead of the site's (escaped by mkdocs_hooks.py).
    fm = {"title": safe_title(a.title), "description": article_description(a, DESCRIPTION_CHARS), "tags": tags_for(a),
          "hide": ["toc"]}
    out = [front_matter(fm), f"# {escape_md(safe_title(a.title))}\n"]
    meta = []
    if a.title_derived:
        meta.append("- **标题**：" + ("原文标题不在本来源文件中（本文开头不在其中，见下方说明），此标题由正文首句生成"
                                     if a.beginning_missing else "原文无标题，此标题由正文首句生成"))
    if a.date or a.date_text:
        meta.append(f"- **日期**：{escape_md(shown_date(a.date, a.date_text, a.date_source))}")
    if entered:   # only for an article without a date of publication (feeds.entered_dates)
        meta.append(f"- **收录日期**：{escape_md(entered)}（本馆收录之日，非原文日期）")
    if a.publisher:
        meta.append(f"- **发布**：{escape_md(a.publisher)}")
    if a.authors:
        meta.append("- **作者**：" + byline_line([(x.role, x.name) for x in a.authors], escape_md))
    chips = []
    for r in a.regions:
        chips.append(md_link(r.county or r.prefecture or r.province or "", f"../regions/{province_code(r.code)}.md#c{r.code}"))
    if not a.regions:
        chips.append(md_link("全国" if is_national(a) else "地区未知",
                             "../regions/index.md#national" if is_national(a) else "../regions/index.md#unknown"))
    meta.append("- **地区**：" + " · ".join(chips))
    if a.level:
        meta.append(f"- **政协层级**：{escape_md(a.level)}")
    topics = [md_link(t, f"../topics/{topic_slug(t)}.md") for t in a.topics]
    meta.append("- **主题**：" + (" · ".join(topics) if topics else UNTOPICED))
    if a.topics_mentioned:
        meta.append("- **亦有论及**：" + "、".join(escape_md(t) for t in a.topics_mentioned))
    if a.keywords:
        meta.append("- **关键词**：" + "、".join(escape_md(k) for k in a.keywords))
    # The original is the whole seed file: said so when the file holds other articles too, with the
    # line where this one begins; a host that numbers a file's lines (GitHub) opens it there.
    raw_label, raw_at = "原始文本", ""
    if len(siblings) > 1 or a.part:
        raw_label = f"原始文本（整个来源文件，本文从第 {a.raw_line} 行起）" if a.raw_line else "原始文本（整个来源文件）"
        if a.raw_line and seeds_url:   # GitHub shows a Markdown file rendered, without line numbers, unless plain
            raw_at = ("?plain=1" if a.source_file.lower().endswith((".md", ".markdown")) else "") + f"#L{a.raw_line}"
    meta.append(f"- **来源文件**：{md_link(a.source_file, f'../{source_listing}#{source_slug(a.source_file)}')}"
                f"（第 {a.part + 1} 篇） · {md_link(raw_label, raw_url(a, seeds_url, '../') + raw_at)}")
    if a.script == "traditional":   # a researcher quoting the original needs its forms, not these
        # True in either view: the 繁 switch shows traditional script converted back from this text,
        # and a line saying the page is simplified contradicted it there (a reviewer).
        meta.append("- **原文字形**：繁体；本站以简体收录，繁体显示由简体转换而来，引用原文字形请查看原始文本")
    if a.also_in:
        meta.append("- **亦见于**：" + "、".join(escape_md(s) for s in a.also_in))
    if a.curated:   # a reader should know which fields a curator set rather than the build found
        meta.append("- **编校修改**：" + "、".join(CURATED_LABELS.get(f, escape_md(f)) for f in a.curated))
    if a.source_url:
        meta.append(f"- **原文网址**：{escape_md(a.source_url)}")
    out.append("\n".join(meta) + "\n")
    if len(a.notes) == 1:
        out.append(f'!!! warning "说明"\n    {_note_markdown(a.notes[0])}\n')
    elif a.notes:   # one box, an item per note: three boxes stacked read as three alarms
        out.append('!!! warning "说明"\n' + "".join(f"    - {_note_markdown(n)}\n" for n in a.notes))
    n = 0
    for p in a.paragraphs:
        if p.startswith(("## ", "### ")):
            marker, heading = p.split(" ", 1)
            out.append(f"{marker} {escape_md(heading)}\n")
        else:
            n += 1
            # The visible ¶ link is added in the browser (docs/assets/archive.js).
            out.append(f"{escape_md(p)}\n{{ #p{n} }}\n")
    photo_captions = [c for c in a.captions if c not in a.credits]
    if photo_captions:
        out.append("## 图片说明\n\n" + "\n".join(f"- {escape_md(c)}" for c in photo_captions) + "\n")
    if a.credits:
        out.append("## 版面署名\n\n本文所在报纸版面的整版署名，未注明各篇作者：\n\n"
                   + "\n".join(f"- {escape_md(c)}" for c in a.credits) + "\n")
    if a.rights:
        out.append(f"<p class=\"rights\">{escape_html(a.rights)}</p>\n")
    if a.people:
        out.append("## 文中人物\n\n" + "\n".join(f"- {escape_md(p.name)}（{escape_md(p.title)}）" for p in a.people) + "\n")
    listed = list(related)   # the articles this page links, for the legend of devised titles
    if len(siblings) > 1:
        idx = [s.id for s in siblings].index(a.id)
        nav = []
        if idx > 0:
            nav.append("上一篇：" + _link_to_article(siblings[idx - 1], "../"))
            listed.append(siblings[idx - 1])
        if idx + 1 < len(siblings):
            nav.append("下一篇：" + _link_to_article(siblings[idx + 1], "../"))
            listed.append(siblings[idx + 1])
        out.append("## 同版文章\n\n" + "\n".join(f"- {x}" for x in nav) + "\n")
    if related:
        out.append("## 相关文章\n\n" + "\n".join(f"- {_link_to_article(r, '../')}" for r in related) + "\n")
    if any(x.title_derived for x in listed):
        out.append(DEVISED_LEGEND)
    out.append(citation_markdown(article_record(a, seeds_url), site_url, entered))
    if a.changes:
        items = "".join(f"<li>{escape_html(_change_label(k))}：{v}</li>" for k, v in sorted(a.changes))
        out.append(f"<details class=\"cleaning\"><summary>清理记录（本文所在来源文件）</summary><ul>{items}</ul><p>对照原文请见上方“原始文本”链接（整个来源文件）。</p></details>\n")
    return "\n".join(out)


PROBLEM_LABELS = {
    "empty": "空文件", "binary": "非文本文件", "undecodable": "无法解码", "uncertain-encoding": "编码存疑",
    "mixed-encoding": "混合编码", "invalid-bytes": "无效字节", "double-encoded": "双重编码", "too-large": "文件过大", "hidden": "隐藏文件",
    "extension": "扩展名不支持", "symlink-dir": "目录链接", "dangling-symlink": "失效链接", "vanished": "文件消失",
    "not-a-file": "非普通文件", "permission": "无读取权限", "unreadable": "无法读取", "empty-dir": "空目录",
    "front-matter": "前置元数据", "mojibake": "乱码无法恢复", "no-text": "无正文", "no-chinese": "无中文",
    "title-only": "仅有标题", "duplicate": "重复文章", "region-unknown": "地区未知", "curation": "编校文件", "renamed": "文件改名",
    "file-name": "文件名编码", "internal-error": "内部错误",
}


def _problem_label(kind: str) -> str:
    return f"{PROBLEM_LABELS.get(kind, kind)}（{kind}）"


def _change_label(key: str) -> str:
    if key.startswith("boilerplate:"):
        name = key.split(":", 1)[1]
        return f"删除网页模板内容：{_rule_labels().get(name) or name}"
    return CHANGE_LABELS.get(key, key)


@functools.lru_cache(maxsize=None)
def _rule_labels() -> dict[str, str]:
    """Boilerplate rule name → its Chinese label (boilerplate.yaml)."""
    from .clean.boilerplate import load_rules

    return {r.name: r.label for r in load_rules()}


def province_code(code: str) -> str:
    return code[:2] + "0000"


class RelatedIndex:
    """Articles sharing regions, topics and keywords, via an inverted index (not all pairs).

    An article's candidates are scored with numpy (the postings of its features concatenated, each
    with its weight, summed per article by ``bincount``) instead of a Python loop per posting: at
    10,000 seeds 1.9 s instead of 3.6 s for all 17,469 articles, the same lists.  Weights are
    multiples of 0.5, so the sums are exact and the ranking does not depend on the order of addition.
    While the corpus is not much larger than an article's postings the sums go into one slot per
    article rather than over the distinct ids (``DENSE``); tests/test_related.py holds both ways to a
    pairwise reference.
    """

    WEIGHT = {"r": 2.0, "t": 1.0, "k": 1.5}
    COMMON = 500  # a feature more articles share than this says nothing
    MIN_SCORE = 2.0   # one shared keyword (1.5) or topic (1.0) alone does not make articles related
    DENSE = 64   # scores summed over all n articles while n is at most this many times the postings

    def __init__(self, articles: list[Article], k: int = 5, previous: RelatedRecord | None = None):
        import numpy as np

        self.articles, self.k = articles, k
        postings: dict[tuple, list[int]] = defaultdict(list)
        self.features = []
        for i, a in enumerate(articles):
            f = sorted({("r", r.code) for r in a.regions} | {("t", t) for t in a.topics} | {("k", w) for w in a.keywords})
            self.features.append(f)
            for x in f:
                postings[x].append(i)
        # Features shared by more than COMMON articles are left out; the others' postings as arrays,
        # with a matching array of the feature's weight.
        self.postings = {x: (np.array(p, dtype=np.int32), np.full(len(p), self.WEIGHT[x[0]]))
                         for x, p in postings.items() if len(p) <= self.COMMON}
        self.common = frozenset(x for x, p in postings.items() if len(p) > self.COMMON)
        # Each article's place in id order, so ties are broken by numpy rather than a Python sort key.
        self.id_rank = np.empty(len(articles), dtype=np.int64)
        self.id_rank[sorted(range(len(articles)), key=lambda j: articles[j].id)] = np.arange(len(articles))
        self.feature_digests = [_features_digest(f) for f in self.features]
        self.kept = self._still_valid(previous, postings) if previous is not None else {}

    def _still_valid(self, previous: RelatedRecord, holders: dict[tuple, list[int]]) -> dict[int, list[int]]:
        """The last build's lists that this corpus would give again, by article index.

        An unchanged article's list can change only through an article whose features changed (or
        that came or went): one now sharing a counted feature with it, one its old list names, or
        one that moved a feature it holds across ``COMMON``.  Those articles' lists are made again
        (at 10,000 seeds an edited seed touches a median of 675 of 17,469 articles); the others are
        taken from the record.  tests/test_related.py holds the result to lists made afresh.
        """
        index_of = {a.id: i for i, a in enumerate(self.articles)}
        changed = [i for i, a in enumerate(self.articles)
                   if previous.lists.get(a.id, ("",))[0] != self.feature_digests[i]]
        gone = {self.articles[i].id for i in changed} | (previous.lists.keys() - index_of.keys())
        affected = set(changed)
        for i in changed:
            for x in self.features[i]:
                if x in self.postings:
                    affected.update(holders[x])
        for x in self.common ^ previous.common:
            affected.update(holders.get(x, ()))
        kept = {}
        for aid, (_, ids) in previous.lists.items():
            i = index_of.get(aid)
            if i is None or i in affected or any(r in gone for r in ids):
                continue
            places = [index_of.get(r) for r in ids]
            if None not in places:
                kept[i] = places
        return kept

    def record(self, i: int, related: list[Article]) -> list:
        """What the next build needs of article ``i``'s list: its features' digest and the ids."""
        return [self.feature_digests[i], [r.id for r in related]]

    def of(self, i: int) -> list[Article]:
        import numpy as np

        kept = self.kept.get(i)
        if kept is not None:
            return [self.articles[j] for j in kept]
        parts = [self.postings[x] for x in self.features[i] if x in self.postings]
        if not parts:
            return []
        ids, weights = np.concatenate([p for p, _ in parts]), np.concatenate([w for _, w in parts])
        n = len(self.articles)
        if n <= self.DENSE * len(ids):
            # Summed into one slot per article: a few numpy calls over n instead of np.unique's sort
            # (at 10,000 seeds, 17,469 articles with a median of 700 postings: all lists in 1.8–1.9 s
            # instead of 2.5–2.6 s once warm, measured alternately in one process).
            score = np.bincount(ids, weights=weights, minlength=n)
            score[i] = 0
            ids = np.flatnonzero(score >= self.MIN_SCORE)
            score = score[ids]
        else:   # a corpus much larger than the postings: sum over the distinct ids only
            ids, inverse = np.unique(ids, return_inverse=True)
            score = np.bincount(inverse, weights=weights)
            keep = (score >= self.MIN_SCORE) & (ids != i)
            ids, score = ids[keep], score[keep]
        if len(score) > self.k:
            # The k-th best score bounds the candidates; only those are sorted by (score, id).
            chosen = score >= np.partition(score, len(score) - self.k)[len(score) - self.k]
            ids, score = ids[chosen], score[chosen]
        best = ids[np.lexsort((self.id_rank[ids], -score))[: self.k]]
        return [self.articles[j] for j in best.tolist()]


def _features_digest(features: list[tuple]) -> str:
    return hashlib.blake2b("\0".join(f"{k}{v}" for k, v in features).encode("utf-8", "surrogatepass"),
                           digest_size=8).hexdigest()


def newest_key(a: Article) -> tuple:
    """Sort key for newest first (with ``reverse=True``): full dates, then dates without a year by
    month and day (12月27日 before 6月14日: no year is guessed, so this is only the order within
    one year), then undated articles; ties by id."""
    return newest_order(a.date, a.date_text, a.id)


class _Listings:
    """What the lists of a build's pages share while it renders them (``write_site`` sets it, forked
    workers inherit it): each article's place in the newest-first order and its link from each
    folder.  The index pages sort about 50,000 lists and write 390,000 links at 10,000 seeds, and
    made each article's sort key and looked up its link again each time: 2.9 s of CPU for the index
    pages, of which the keys were 1.3 s (cProfile)."""

    def __init__(self, articles: list[Article]):
        self.rank = {a.id: i for i, a in enumerate(sorted(articles, key=newest_key, reverse=True))}
        self.links: dict[str, dict[str, str]] = {}


_listings: _Listings | None = None


def _newest_first(arts: Iterable[Article]) -> list[Article]:
    if _listings is not None:
        rank = _listings.rank
        arts = list(arts)
        try:
            return sorted(arts, key=lambda a: rank[a.id])
        except KeyError:   # an article the build does not list (never, from write_site)
            pass
    return sorted(arts, key=newest_key, reverse=True)


def _article_list(arts: Iterable[Article], prefix: str, ordered: bool = False) -> str:
    """A Markdown list of links to the articles, newest first (``ordered``: they already are)."""
    return "\n".join(f"- {_link_to_article(a, prefix)}" for a in (arts if ordered else _newest_first(arts))) + "\n"


def region_pages(articles: list[Article]) -> dict[str, str]:
    gaz = load_gazetteer()
    by_prov: dict[str, list[Article]] = defaultdict(list)
    national, unknown = [], []
    for a in articles:
        if a.regions:
            seen = set()
            for r in a.regions:
                p = province_code(r.code)
                if p not in seen:
                    by_prov[p].append(a)
                    seen.add(p)
        elif is_national(a):
            national.append(a)
        else:
            unknown.append(a)
    files = {}
    lines = ["---\ntitle: \"地区\"\n---\n# 按地区浏览\n", tile_grid_svg({p: len(v) for p, v in by_prov.items()}, "", len(national)) + "\n",
             "| 省级行政区 | 文章数 |\n|---|---|"]
    for p in sorted(by_prov, key=lambda c: (-len(by_prov[c]), c)):
        lines.append(f"| {md_link(gaz.by_code[p].name, f'{p}.md')} | {len(by_prov[p])} |")
    lines.append("\n## 全国政协 { #national }\n\n" + (_article_list(national, "../") if national else "暂无。\n"))
    lines.append("\n## 地区未知 { #unknown }\n\n" + (_article_list(unknown, "../") if unknown else "暂无。\n"))
    files["regions/index.md"] = "\n".join(lines)
    for p, arts in by_prov.items():
        files.update(province_pages(p, arts, gaz))
    return files


PROVINCE_SECTION_LISTED = 50   # newest articles shown per section of a province page


def province_pages(p: str, arts: list[Article], gaz) -> dict[str, str]:
    """``regions/<p>.md``: the province's prefectures and counties with counts, then a section per
    unit (anchor ``#c<code>``, which tag chips and article pages link) with its newest
    ``PROVINCE_SECTION_LISTED`` articles; a longer list continues on ``regions/list-<code>.md``, paged
    (at 10,000 seeds one province page listing everything was 1.5 MB of HTML)."""
    name = gaz.by_code[p].name
    units: dict[str, dict[str, Article]] = defaultdict(dict)  # unit → articles by id (no list scans)
    for a in arts:
        for r in a.regions:
            if province_code(r.code) == p:
                units[r.code][a.id] = a
                if r.county and r.prefecture:
                    units[gaz.by_code[r.code].parent][a.id] = a
    files = {}
    out = [front_matter({"title": name, "feed": f"feeds/province/{p}.xml", "feed_title": f"政协文库 · {name}"}), f"# {escape_md(name)}\n",
           f"共 {len(arts)} 篇文章。{_feed_link(f'../feeds/province/{p}.xml')}\n"]
    sub = sorted((c for c in units if c != p), key=lambda c: c)
    if sub:
        out.append("| 地区 | 级别 | 文章数 |\n|---|---|---|")
        for c in sub:
            d = gaz.by_code[c]
            indent = "　" if d.level == "county" and d.parent != p else ""
            out.append(f"| {indent}[{escape_md(d.name)}](#c{c}) | {'地级' if d.level == 'prefecture' else '县级'} | {len(units[c])} |")
        out.append("")
    for code, heading, listed in [(p, "全部文章", arts)] + [(c, gaz.by_code[c].name, list(units[c].values())) for c in sub]:
        newest = _newest_first(listed)
        out.append(f"## {escape_md(heading)} {{ #c{code} }}\n\n" + _article_list(newest[:PROVINCE_SECTION_LISTED], "../", ordered=True))
        if len(newest) > PROVINCE_SECTION_LISTED:
            out.append(f"以上为最新 {PROVINCE_SECTION_LISTED} 篇。{md_link(f'查看全部 {len(newest)} 篇', f'list-{code}.md')}\n")
            label = name if code == p else f"{gaz.by_code[code].name}（{name}）"
            files.update(_list_pages(f"regions/list-{code}", f"{label}：全部文章",
                                     f"{md_link(f'返回{name}', f'{p}.md#c{code}')}", newest, REGION_LIST_PER_PAGE))
    files[f"regions/{p}.md"] = "\n".join(out)
    return files


REGION_LIST_PER_PAGE = 500   # article links per page of a region's full list


def _list_pages(base: str, title: str, intro: str, newest: list[Article], per_page: int,
                extra_front_matter: dict | None = None, first_page_end: str = "") -> dict[str, str]:
    """``<base>.md`` listing ``newest`` (already newest first), continued on ``<base>-2.md`` … when it
    holds more than ``per_page`` articles; every page links all the others.  ``first_page_end``
    (Markdown) closes the first page."""
    pages = _chunks(newest, per_page)
    stem = base.rsplit("/", 1)[1]
    names = [f"{stem}.md"] + [f"{stem}-{k}.md" for k in range(2, len(pages) + 1)]
    folder = base.rsplit("/", 1)[0]
    files = {}
    for k, (page_name, page) in enumerate(zip(names, pages), 1):
        page_title = title if k == 1 else f"{title}（第 {k} 页）"
        pager = ""
        if len(pages) > 1:
            pager = "页：" + " · ".join(escape_md(f"第 {j} 页") if j == k else md_link(f"第 {j} 页", other)
                                       for j, other in enumerate(names, 1)) + "\n\n"
        body = _article_list(page, "../", ordered=True) if page else "暂无文章。\n"
        files[f"{folder}/{page_name}"] = (front_matter({"title": page_title, **(extra_front_matter or {})})
                                          + f"# {escape_md(page_title)}\n\n{intro}\n\n" + pager + body
                                          + ("\n" + pager if pager and page else "")
                                          + (first_page_end if k == 1 else ""))
    return files


def topic_pages(articles: list[Article]) -> dict[str, str]:
    tax = load_taxonomy()
    by_topic: dict[str, list[Article]] = defaultdict(list)
    mentioning: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        for t in a.topics:
            by_topic[t].append(a)
        for t in a.topics_mentioned:
            mentioning[t].append(a)
    untagged = [a for a in articles if not a.topics]
    lines = ["---\ntitle: \"主题\"\n---\n# 按主题浏览\n", bar_chart_svg([(t, len(by_topic.get(t, [])), f"{topic_slug(t)}/") for t, _ in tax.descriptions], "各主题文章数") + "\n",
             TOPICS_EXPLAINED.format(n=tax.max_topics) + "\n",
             "| 主题 | 说明 | 文章数 | 亦有论及 |\n|---|---|---|---|"]
    files = {}
    for t, desc in tax.descriptions:
        lines.append(f"| {md_link(t, f'{topic_slug(t)}.md')} | {escape_md(desc)} | {len(by_topic.get(t, []))} "
                     f"| {len(mentioning.get(t, []))} |")
        files.update(_topic_pages(t, desc, by_topic.get(t, []), mentioning.get(t, []), tax.max_topics))
    lines.append(f"\n## {UNTOPICED} {{ #untagged }}\n\n" + (_article_list(untagged, "../") if untagged else "暂无。\n"))
    files["topics/index.md"] = "\n".join(lines)
    return files


TOPIC_PER_PAGE = 500    # article links per page of a topic
# A reader took 数字政协 0 for "nothing on it in the archive" (a researcher's review): the cap was said
# nowhere, and long articles discuss far more topics than it keeps (seed 000: 15 above the threshold).
TOPICS_EXPLAINED = ("每篇文章按主题词表的得分标注主题，最多 {n} 个（得分最高者），下表“文章数”按此统计；"
                    "得分同样过线、但不在其前 {n} 个之内的主题记为该文“亦有论及”的主题，计入下表“亦有论及”一栏。"
                    "全部文章的这两项见[数据导出](../data.md)的 topics 与 topics\\_mentioned。")
MENTIONING_LISTED = 50  # articles listed under 亦有论及 on a topic's page: the newest; all are in the exports


def _topic_pages(topic: str, desc: str, arts: list[Article], mentioning: list[Article] = (),
                 max_topics: int = 4) -> dict[str, str]:
    """``topics/<slug>.md``, newest first; a topic of more than ``TOPIC_PER_PAGE`` articles continues on
    ``topics/<slug>-2.md`` … (at 10,000 seeds a topic's single page had grown to 1.7 MB of HTML).  The
    first page ends with the newest ``MENTIONING_LISTED`` of the articles that also discuss the topic
    (``topics_mentioned``): listing all would add about as many entries as the topic pages hold."""
    slug = topic_slug(topic)
    feed = f"feeds/topic/{slug}.xml"
    end = ""
    if mentioning:
        newest = _newest_first(mentioning)
        shown = f"以下为最新的 {MENTIONING_LISTED} 篇，" if len(newest) > MENTIONING_LISTED else ""
        end = (f"\n## 亦有论及 {{ #mentioned }}\n\n另有 {len(newest)} 篇文章亦论及本主题：其得分过线，但不在该文得分最高的 "
               f"{max_topics} 个主题之内。{shown}全部见[数据导出](../data.md)的 topics\\_mentioned。\n\n"
               + _article_list(newest[:MENTIONING_LISTED], "../", ordered=True))
    return _list_pages(f"topics/{slug}", topic, f"{escape_md(desc)}\n\n共 {len(arts)} 篇文章。{_feed_link(f'../{feed}')}",
                       _newest_first(arts), TOPIC_PER_PAGE, {"feed": feed, "feed_title": f"政协文库 · 主题：{topic}"}, end)


SOURCES_PER_PAGE = 200   # source files listed per page of sources/


def source_shards(by_source: dict[str, list[Article]]) -> dict[str, str]:
    """The page of ``sources/`` (relative to ``docs/``) that lists each source file.

    Source files are listed in name order, ``SOURCES_PER_PAGE`` to a page, each
    under an anchor of its own, rather than one page per file: a page of Material's
    header and navigation (about 8 KB) around a few lines was 90 MB of the site at
    10,000 seeds.  A small archive has them all on ``sources/index.md``.
    """
    names = sorted(by_source)
    if len(names) <= SOURCES_PER_PAGE:
        return dict.fromkeys(names, "sources/index.md")
    return {n: f"sources/{i // SOURCES_PER_PAGE + 1}.md" for i, n in enumerate(names)}


def source_pages(by_source: dict[str, list[Article]], report: dict, seeds_url: str = "",
                 shards: dict[str, str] | None = None) -> dict[str, str]:
    shards = shards or source_shards(by_source)
    enc = {f["file"]: f.get("encoding") for f in report.get("files", [])}
    pages: dict[str, list[str]] = defaultdict(list)
    for src in sorted(by_source):
        arts = by_source[src]
        pages[shards[src]].append(
            f"## {escape_md(src)} {{ #{source_slug(src)} }}\n\n"   # under the page's h1 (a skipped level)
            f"{escape_md(enc.get(src) or '编码未知')} · {len(arts)} 篇文章（按原文顺序）· {md_link('原始文本', raw_url(arts[0], seeds_url, '../'))}\n\n"
            + "\n".join(f"{i + 1}. {_link_to_article(a, '../')}" for i, a in enumerate(arts)) + "\n")
    head = ["---\ntitle: \"来源\"\nhide:\n- \"toc\"\n---\n# 按来源文件浏览\n",
            f"共 {len(by_source)} 个来源文件，{sum(map(len, by_source.values()))} 篇文章。每个来源文件下按原文顺序列出拆分出的文章。\n"]
    if list(pages) == ["sources/index.md"]:
        return {"sources/index.md": "\n".join(head + pages["sources/index.md"])}
    files = {}
    head.append("| 来源文件 | 文件数 | 文章数 |\n|---|---|---|")
    for rel in sorted(pages, key=lambda r: int(PurePosixPath(r).stem)):
        names = [n for n in sorted(by_source) if shards[n] == rel]
        label = f"{names[0]} – {names[-1]}"
        head.append(f"| {md_link(label, PurePosixPath(rel).name)} | {len(names)} | {sum(len(by_source[n]) for n in names)} |")
        files[rel] = "\n".join([front_matter({"title": f"来源：{safe_title(label)}", "hide": ["toc"]}),
                                 f"# 来源文件：{escape_md(label)}\n", md_link("全部来源", "index.md") + "\n"] + pages[rel])
    files["sources/index.md"] = "\n".join(head) + "\n"
    return files


DATES_PER_PAGE = 500    # article links per page of dates/
PEOPLE_PER_PAGE = 500   # article links per page of people/


def _paged(folder: str, title: str, intro: str, entries: list[tuple[str, str, int]], per_page: int,
           range_label) -> dict[str, str]:
    """A long generated index as ``folder/index.md`` plus pages of at most ``per_page`` units.

    ``entries`` are (section heading, Markdown block, units) in order; a section larger than a page is
    split across pages with its heading repeated.  A short index is the single page ``folder/index.md``.
    ``range_label(first, last)`` names a page from its first and last entry (as given by the entries'
    headings).  Pages stay small however large the archive grows (the people index was 15 MB of HTML on
    one page at 10,000 seeds).
    """
    pages: list[list[tuple[str, str]]] = [[]]
    used = 0
    for heading, block, units in entries:
        if used and used + units > per_page:
            pages.append([])
            used = 0
        pages[-1].append((heading, block))
        used += units
    head = f"---\ntitle: \"{title}\"\nhide:\n- \"toc\"\n---\n# {title}\n\n{intro}\n"
    if len(pages) == 1:
        return {f"{folder}/index.md": head + "\n" + "\n".join(b for _, b in pages[0])}
    files = {}
    rows = ["| 页 | 范围 |\n|---|---|"]
    for k, page in enumerate(pages, 1):
        label = range_label(page[0][0], page[-1][0])
        rows.append(f"| {md_link(f'第 {k} 页', f'{k}.md')} | {escape_md(label)} |")
        files[f"{folder}/{k}.md"] = (front_matter({"title": f"{title}（第 {k} 页）", "hide": ["toc"]})
                                     + f"# {title}（第 {k} 页）\n\n{escape_md(label)} · {md_link('全部页', 'index.md')}\n\n"
                                     + "\n".join(b for _, b in page))
    files[f"{folder}/index.md"] = head + "\n" + "\n".join(rows) + "\n"
    return files


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def dates_pages(articles: list[Article]) -> dict[str, str]:
    dated = [a for a in articles if a.date]
    partial = _newest_first(a for a in articles if not a.date and a.date_text)
    undated = _newest_first(a for a in articles if not a.date and not a.date_text)   # ties: as every list orders them
    by_year: dict[str, list[Article]] = defaultdict(list)
    for a in dated:
        by_year[a.date[:4]].append(a)
    sections = [(f"{y}年", _newest_first(by_year[y])) for y in sorted(by_year, reverse=True)]
    sections += [("仅有月日（年份不详）", partial), ("日期不详", undated)]
    entries = []
    for name, arts in sections:
        for part in _chunks(arts, DATES_PER_PAGE) if arts else []:
            entries.append((name, f"## {name}\n\n" + "\n".join(f"- {_link_to_article(a, '../')}" for a in part) + "\n", len(part)))
    return _paged("dates", "时间线", "按日期由新到旧排列。原文未注明年份的文章单列，不推测年份。“本报讯”导语所记的是事件日期，不是出版日期（见文章页）。", entries, DATES_PER_PAGE,
                  lambda first, last: first if first == last else f"{first} – {last}")


def pinyin_order(name: str) -> tuple:
    """Sort key of a person's name: its pinyin, syllable by syllable (tones break ties), then the name.

    >>> sorted(["赵坤宇", "阿迪力·阿不力孜", "孙伟", "魏小东", "安娜", "曾庆红", "单霁翔"], key=pinyin_order)
    ['阿迪力·阿不力孜', '安娜', '单霁翔', '孙伟', '魏小东', '曾庆红', '赵坤宇']
    """
    from pypinyin import Style, lazy_pinyin

    plain, toned = lazy_pinyin(name, style=Style.NORMAL), lazy_pinyin(name, style=Style.TONE3)
    surname = SURNAME_READINGS.get(name[:1])
    if surname and plain:   # 曾 is zēng as a surname, céng in a word
        plain[0], toned[0] = surname.rstrip("12345"), surname
    return (plain, toned, name)


# Surnames read otherwise than the character's most common reading (pypinyin reads words, not names).
SURNAME_READINGS = {"曾": "zeng1", "单": "shan4", "解": "xie4", "仇": "qiu2", "区": "ou1", "查": "zha1",
                    "朴": "piao2", "盖": "ge3", "乐": "yue4", "召": "shao4", "繁": "po2", "翟": "zhai2",
                    "尉": "yu4", "覃": "qin2", "员": "yun4", "黑": "he4", "种": "chong2", "秘": "bi4",
                    "冼": "xian3", "缪": "miao4", "燕": "yan1", "纪": "ji3", "任": "ren2"}


def _pinyin_keys(_, names: list[str]) -> list[list]:
    return [list(pinyin_order(n)) for n in names]


def _in_pinyin_order(names: list[str], keys_file: Path | None = None) -> list[str]:
    """``sorted(names, key=pinyin_order)``.

    The keys of a long list are made in a forked worker, because importing pypinyin loads 57 MB of
    dictionaries the build's process would otherwise keep to the end.  With ``keys_file`` (in the
    pipeline cache) the keys of names seen by an earlier build are read from it and this build's
    are written back: a rebuild after a few edits computes only the new names' (at 10,000 seeds,
    23,000 names took 1.4 s plus the import).
    """
    known = _read_name_keys(keys_file)
    missing = [n for n in names if n not in known]
    if missing:
        if len(missing) < 200 or not can_fork():
            made = _pinyin_keys(None, missing)
        else:
            made = fork_map(_pinyin_keys, None, [missing], 1)[0]
        known.update(zip(missing, made))
    if keys_file is not None and (missing or len(known) != len(names)):
        _write_name_keys(keys_file, {n: known[n] for n in names})
    return sorted(names, key=known.__getitem__)


def _read_name_keys(keys_file: Path | None) -> dict[str, list]:
    """Sort keys stored by an earlier build, if they were made by this pypinyin (else none)."""
    if keys_file is None:
        return {}
    try:
        data = json.loads(keys_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("pypinyin") != library_version("pypinyin") or not isinstance(data.get("keys"), dict):
        return {}
    # A key is [syllables, toned syllables, name]; anything else (a damaged file) is made again.
    return {name: key for name, key in data["keys"].items()
            if isinstance(key, list) and len(key) == 3 and key[2] == name
            and all(isinstance(k, list) and all(isinstance(x, str) for x in k) for k in key[:2])}


def _write_name_keys(keys_file: Path, keys: dict[str, list]) -> None:
    save_file(keys_file, json.dumps({"pypinyin": library_version("pypinyin"), "keys": keys}, ensure_ascii=False))


def _people(articles: list[Article]) -> dict[str, list[tuple[str, Article]]]:
    """Name → (title or role, article) for every person and author of the articles."""
    people: dict[str, list[tuple[str, Article]]] = defaultdict(list)
    for a in articles:
        for p in a.people:
            people[p.name].append((p.title, a))
        for au in a.authors:
            people[au.name].append((au.role, a))
    return people


def _people_pages(people: dict[str, list[tuple[str, Article]]], order: list[str]) -> dict[str, str]:
    """The pages of ``people/``, the names in ``order``."""
    entries = []
    for name in order:
        arts = _newest_first({a.id: a for _, a in people[name]}.values())
        titles = escape_md(_person_titles(people[name])) + f" · {len(arts)} 篇"
        # A reporter of a thousand articles is split over pages like any long list.
        for k, part in enumerate(_chunks(arts, PEOPLE_PER_PAGE)):
            heading = escape_md(name) + ("（续）" if k else "")
            anchor = person_slug(name) + (f"-{k + 1}" if k else "")
            entries.append((name, f"## {heading} {{ #{anchor} }}\n\n{titles}\n\n" + _article_list(part, "../", ordered=True),
                            len(part)))
    return _paged("people", "人物索引", "文章中带职务出现的人物及作者、记者，按姓名拼音排列；每人的文章由新到旧。", entries, PEOPLE_PER_PAGE,
                  lambda first, last: first if first == last else f"{first} – {last}")


PERSON_TITLES_SHOWN = 6


def _person_titles(mentions: list[tuple[str, Article]]) -> str:
    """A person's titles and roles, the most frequent first, at most ``PERSON_TITLES_SHOWN`` of them
    and how many there are: a name that many people share (刘勇) listed two hundred titles on one line
    (a researcher's review)."""
    counts = Counter(t for t, _ in mentions)
    titles = sorted(counts, key=lambda t: (-counts[t], t))
    shown = "、".join(titles[:PERSON_TITLES_SHOWN])
    return shown + (f" 等 {len(titles)} 种职务或署名" if len(titles) > PERSON_TITLES_SHOWN else "")


REPORT_FILES_LISTED = 500   # above this many input files the report lists only those that need a look


def report_page(report: dict, shards: dict[str, str] | None = None, articles: list[Article] | None = None) -> str:
    """``shards``: the page of ``sources/`` that lists each source file (``source_shards``); a file
    with articles is named by a link to its entry there, where its articles are.  ``articles``: those
    whose page carries a note (an opening or an ending missing, a sentence cut off, characters lost to
    mojibake) are listed with their notes, so a curator sees in one place which texts to check."""
    t = report["totals"]
    shards = shards or {}

    def file_cell(name: str) -> str:
        page = shards.get(name)
        return md_link(name, f"{page}#{source_slug(name)}") if page else escape_md(name)

    out = ["---\ntitle: \"构建报告\"\n---\n# 构建报告\n",
           f"输入文件 {t['files']} 个，生成文章 {t['articles']} 篇，问题 {t['problems']} 条。\n"]
    problems = [(f["file"], p) for f in report["files"] for p in f["problems"]]
    if problems:
        out.append("## 问题 { #report-problems }\n\n| 文件 | 类型 | 说明 |\n|---|---|---|")
        for fname, p in problems:
            out.append(f"| {file_cell(fname)} | {escape_md(_problem_label(p['kind']))} | {escape_md(p.get('message_zh') or p['message'])} |")
        out.append("")
    out.extend(_noted_articles(articles or [], file_cell))
    out.extend(_curated_articles(articles or [], file_cell))
    files = report["files"]
    if len(files) > REPORT_FILES_LISTED:
        # A row per file was 2.9 MB of HTML at 10,000 seeds: a large archive lists the files that
        # need a look; every file is in report.json, and each source's articles are on the 来源 pages.
        files = [f for f in files if f["problems"] or not f["articles"]]
        out.append(f"## 需要查看的文件 {{ #report-files }}\n\n共 {len(report['files'])} 个文件，下表列出有问题或没有生成文章的 {len(files)} 个；"
                   f"全部文件的编码与清理记录见 {md_link('report.json', 'report.json')}，各来源文件的文章见"
                   f"{md_link('来源', 'sources/index.md')}。\n\n| 文件 | 编码 | 文章 | 清理 |\n|---|---|---|---|")
    else:
        out.append("## 每个文件 { #report-files }\n\n| 文件 | 编码 | 文章 | 清理 |\n|---|---|---|---|")
    for f in files:
        changes = "；".join(f"{_change_label(k)} {v}" for k, v in f["changes"].items())
        out.append(f"| {file_cell(f['file'])} | {escape_md(f.get('encoding') or '—')} | {len(f['articles'])} | {escape_md(changes)} |")
    return "\n".join(out) + "\n"


@functools.lru_cache(maxsize=None)
def field_descriptions() -> dict[str, dict[str, str]]:
    """Chinese descriptions of the fields of articles.json and the columns of articles.csv (data file)."""
    import yaml

    with open(Path(__file__).parent / "data" / "fields.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


_PARAGRAPH_REF = re.compile(r"第 (\d+) 段")


REPORT_NOTES_LISTED = 500   # articles with notes the report lists; all are in articles.json and articles.csv


def _noted_articles(articles: list[Article], file_cell) -> list[str]:
    """The report's table of the articles whose pages carry notes, with each one's source file (a
    curator mends them file by file, in curation.yaml: a researcher's review)."""
    noted = [a for a in articles if a.notes]
    if not noted:
        return []
    shown = sorted(noted, key=lambda a: (a.source_file, a.part))[:REPORT_NOTES_LISTED]
    more = (f"下表列出按来源文件排列的前 {len(shown)} 篇；全部见 {md_link('articles.csv', 'articles.csv')} 的 notes 列。"
            if len(shown) < len(noted) else "")
    out = [f"## 带说明的文章 {{ #report-notes }}\n\n共 {len(noted)} 篇文章的页面带有说明（原文开头或结尾缺失、句子中断、乱码无法恢复等），"
           f"引用前请核对原始文本。{more}\n\n| 文章 | 来源文件 | 说明 |\n|---|---|---|"]
    for a in shown:
        notes = " ".join(_note_markdown(n, f"a/{a.id}.md") for n in a.notes)
        out.append(_report_row(a, file_cell, notes))
    out.append("")
    return out


def _report_row(a: Article, file_cell, last: str) -> str:
    """A row of the report's article tables: the article, its source file and place there, ``last``."""
    return f"| {_link_to_article(a, '')} | {file_cell(a.source_file)}（第 {a.part + 1} 篇） | {last} |"


def _curated_articles(articles: list[Article], file_cell) -> list[str]:
    """The report's table of the articles a curator changed (curation.yaml), and what: a curator who
    added a split or an override had to open each page to see what it did (a curator's review)."""
    curated = sorted((a for a in articles if a.curated), key=lambda a: (a.source_file, a.part))
    if not curated:
        return []
    out = [f"## 编校修改的文章 {{ #report-curated }}\n\n共 {len(curated)} 篇文章按编校文件（curation.yaml）改写了字段。"
           "“分篇起点”指该篇从编校文件所定的分篇处开始；增加分篇（split_before）会使该来源文件其后各篇的序号与网址改变，请核对。"
           "\n\n| 文章 | 来源文件 | 改写的字段 |\n|---|---|---|"]
    for a in curated:
        fields = "、".join(CURATED_LABELS.get(f, escape_md(f)) for f in a.curated)
        out.append(_report_row(a, file_cell, fields))
    out.append("")
    return out


def _note_markdown(note: str, page: str = "") -> str:
    """A note as Markdown; the paragraphs it names (第 8 段) link to their anchors on ``page`` (the
    article's own page by default)."""
    out, at = [], 0
    for m in _PARAGRAPH_REF.finditer(note):
        out.append(escape_md(note[at:m.start()]))
        out.append(md_link(m.group(0), f"{page}#p{m.group(1)}"))
        at = m.end()
    out.append(escape_md(note[at:]))
    return "".join(out)


def _feed_link(href: str) -> str:
    """The visible twin of a page's feed <link>: readers who do not look at the page source find it."""
    return f" {md_link('订阅本页更新（Atom）', href)}"


def data_page(json_bytes: int) -> str:
    """The 数据下载 page; ``json_bytes``, the size of articles.json, decides whether the site offers
    it uncompressed as well as gzip'd (``download.publishes_plain``)."""
    from .download import GZ_NAME, NAME, PLAIN_MAX_BYTES, human_size, publishes_plain

    def table(name: str) -> str:
        rows = "\n".join(f"| `{k}` | {escape_md(v)} |" for k, v in field_descriptions()[name].items())
        return f"| 字段 | 说明 |\n|---|---|\n{rows}\n"

    size = human_size(json_bytes)
    if publishes_plain(json_bytes):
        json_lines = (f"- [{NAME}]({NAME})：全部文章的元数据与正文（JSON，{size}）\n"
                      f"- [{GZ_NAME}]({GZ_NAME})：同一文件的 gzip 压缩版\n")
        unpack = ""
    else:
        json_lines = f"- [{GZ_NAME}]({GZ_NAME})：全部文章的元数据与正文（JSON，gzip 压缩；解压后 {size}）\n"
        unpack = (f"\n未压缩的 {NAME} 超过 {human_size(PLAIN_MAX_BYTES).replace('.0 MB', ' MB')}，本站只提供压缩文件。"
                  f"解压方法：`gunzip -k {GZ_NAME}`（保留压缩文件；Windows 可用 7-Zip）；在 Python 中直接读取："
                  f"`json.load(gzip.open(\"{GZ_NAME}\", \"rt\", encoding=\"utf-8\"))`。\n")
    return ("---\ntitle: \"数据下载\"\n---\n# 数据下载\n\n" + json_lines +
            "- [articles.csv](articles.csv)：元数据表格，不含正文（UTF-8 带 BOM，可直接用电子表格软件打开）\n"
            "- [report.json](report.json)：构建报告（与“构建报告”页内容相同）\n" + unpack + "\n"
            "## 订阅（Atom）\n\n"
            "- [全部文章](feeds/all.xml)：最新 50 篇\n"
            "- 各省级行政区与各主题的订阅源：见[地区](regions/index.md)与[主题](topics/index.md)下各页顶部的“订阅”链接\n\n"
            "## articles.json 的字段\n\n一个按 `id` 排序的列表，每篇文章一个对象：\n\n" + table("articles.json") +
            "\n## articles.csv 的列\n\n每篇文章一行；province、prefecture、county 三列为主要地区，regions 列出全部地区：\n\n"
            + table("articles.csv"))


def _items(items) -> str:
    """A paragraph of items joined by " · " whose lines break only between items (``archive-item``,
    assets/archive.css): on a phone 社情民意（2） broke into 社情 | 民意, and a count started a line."""
    return " · ".join(f'<span class="archive-item">{x}</span>' for x in items) + "\n"


def home_page(articles: list[Article], template: str) -> str:
    prov = Counter()
    for a in articles:
        for p in {province_code(r.code) for r in a.regions}:
            prov[p] += 1
    topics = Counter(t for a in articles for t in a.topics)
    years = Counter((a.date or "")[:4] or "年份不详" for a in articles)
    sources = len({a.source_file for a in articles})
    # Only articles with a date: undated ones tie, and would fill the list in id order.
    latest = _newest_first(a for a in articles if a.date or a.date_text)[:8]
    latest_list = "\n".join(f"- {_link_to_article(a, '')}" for a in latest) if latest else "原文均未注明日期。"
    if latest and not any(a.date for a in latest):
        # Newest by month and day alone: a reader should not take 12月28日 for this year's.
        latest_list = "原文均未注明年份，以下按月日排列：\n\n" + latest_list
    stats = [f"本馆收录 **{len(articles)}** 篇文章，来自 **{sources}** 个来源文件，涉及 **{len(prov)}** 个省级行政区。\n",
             "## 地区分布\n", tile_grid_svg(dict(prov), "regions/", national_count(articles)) + "\n",
             "## 主题\n", _items(f"{md_link(t, f'topics/{topic_slug(t)}.md')}（{n}）" for t, n in topics.most_common()),
             "## 年份\n", _items(f"{escape_md(y)}（{n}）" for y, n in sorted(years.items(), reverse=True)),
             "## 最新文章\n", latest_list + "\n\n" + md_link("按时间线浏览全部文章", "dates/index.md") + "\n"]
    return template.replace("<!-- archive:stats -->", "\n".join(stats))


# ---------------------------------------------------------------- charts

# Tile-grid cartogram of the provincial units: (row, col) per code.  A grid,
# not a drawn border map, so no boundary can be wrong.
TILES = {
    "230000": (0, 8), "220000": (1, 8), "150000": (1, 5), "210000": (2, 8), "110000": (2, 6), "120000": (2, 7),
    "650000": (2, 0), "620000": (2, 3), "140000": (3, 5), "130000": (3, 6), "640000": (3, 4), "370000": (3, 7),
    "630000": (3, 2), "540000": (4, 1), "610000": (4, 4), "410000": (4, 5), "320000": (4, 7), "310000": (4, 8),
    "510000": (5, 3), "500000": (5, 4), "420000": (5, 5), "340000": (5, 6), "330000": (5, 7), "520000": (6, 3),
    "430000": (6, 5), "360000": (6, 6), "350000": (6, 7), "530000": (7, 3), "450000": (7, 4), "440000": (7, 5),
    "710000": (7, 8), "820000": (8, 5), "810000": (8, 6), "460000": (8, 4),
}


def national_count(articles: list[Article]) -> int:
    return sum(map(is_national, articles))


NATIONAL_TILE = (0, 0)   # the grid's empty top-left corner


def tile_grid_svg(counts: dict[str, int], prefix: str, national: int = 0) -> str:
    """The provinces as tiles, and a 全国 tile for the articles about the national CPPCC alone
    (``national``, linked to the regions page's section; the map showed 13 of 14 seed articles)."""
    gaz = load_gazetteer()
    size, gap = 54, 4
    top = max([*counts.values(), national, 1])
    # The 全国 tile first: it stands top left, and keyboard and screen-reader users meet the tiles in
    # this order (an accessibility audit: it came last).
    tiles = [(NATIONAL_TILE, "全国", "全国政协", national, "#national")]
    tiles += [(pos, gaz.by_code[code].short[0] if gaz.by_code[code].short else gaz.by_code[code].name[:2],
               gaz.by_code[code].name, counts.get(code, 0), f"{code}/") for code, pos in sorted(TILES.items())]
    cells = []
    for (row, col), name, full_name, n, target in tiles:
        shade = 0.12 + 0.78 * (n / top) if n else 0.0
        fill = f"rgba(183,28,28,{shade:.2f})" if n else "#eeeeee"
        x, y = col * (size + gap), row * (size + gap)
        # Dark tiles get white labels (black on the darkest red was 3.7:1).
        ink = ' fill="#fff"' if shade >= 0.79 else ""   # where white beats black (at 0.785)
        label = (f'<text x="{x + size / 2}" y="{y + 23}" text-anchor="middle" font-size="15"{ink}>{escape_html(name)}</text>'
                 f'<text x="{x + size / 2}" y="{y + 42}" text-anchor="middle" font-size="13"{ink}>{n}</text>')
        # The 全国 tile is outlined: a level of the CPPCC, not a place on the map.
        outline = ' stroke="#b71c1c" stroke-width="2" stroke-dasharray="5 3"' if target == "#national" else ""
        rect = (f'<rect x="{x}" y="{y}" width="{size}" height="{size}" rx="6" fill="{fill}"{outline}>'
                f'<title>{escape_html(full_name)}：{n} 篇</title></rect>')
        cell = rect + label
        if n:   # named by what it shows first, then the full name (its content would read 北京市：2 篇 北京 2)
            cell = f'<a href="{escape_html(prefix)}{target}" aria-label="{escape_html(name)} {n} 篇（{escape_html(full_name)}）">{cell}</a>'
        cells.append(cell)
    w, h = 9 * (size + gap), 9 * (size + gap)
    # A group, not an image: an image's content is hidden from assistive technology, links included.
    return (f'<figure class="tile-map"><svg viewBox="0 0 {w} {h}" role="group" aria-label="各省级行政区文章数">'
            f'{"".join(cells)}</svg></figure>')


def bar_chart_svg(items: list[tuple[str, int, str]], label: str) -> str:
    """Horizontal bars, one per (label, count, link); the link is ours, never seed text."""
    top = max((n for _, n, _ in items), default=0) or 1
    rows = []
    for i, (name, n, href) in enumerate(items):
        y = i * 24
        width = 300 * n / top
        bar = f'<rect x="110" y="{y + 4}" width="{width:.1f}" height="16" fill="#b71c1c"></rect>'
        text = (f'<text x="104" y="{y + 17}" text-anchor="end" font-size="13">{escape_html(name)}</text>'
                f'<text x="{116 + width:.1f}" y="{y + 17}" font-size="12">{n}</text>')
        rows.append(f'<a href="{escape_html(href)}" aria-label="{escape_html(name)} {n} 篇">{text}{bar}</a>'
                    if href else text + bar)
    # With links, a group whose links are read out; without, an image whose name holds every figure
    # (an image's content is hidden from assistive technology).
    if any(href for _, _, href in items):
        role, spoken = "group", label
    else:
        role, spoken = "img", f"{label}：" + "，".join(f"{bar_name} {count} 篇" for bar_name, count, _ in items)
    return (f'<figure class="bar-chart"><svg viewBox="0 0 460 {len(items) * 24 + 4}" role="{role}" '
            f'aria-label="{escape_html(spoken)}">{"".join(rows)}</svg></figure>')


LEVEL_ORDER = ["全国", "省", "市", "县"]


def stats_page(articles: list[Article]) -> str:
    """Statistics rendered at build time as static SVG, each bar linking to what it counts."""
    prov = Counter(province_code(a.regions[0].code) for a in articles if a.regions)
    topics = Counter(t for a in articles for t in a.topics)
    tax = load_taxonomy()
    levels = Counter(a.level or "未知" for a in articles)
    months = Counter(a.date[:7] for a in articles if a.date)
    out = ["---\ntitle: \"统计\"\n---\n# 统计\n",
           f"共 {len(articles)} 篇文章。点击地图中有文章的省份，或主题、时间图中的条目，进入对应的索引页。\n",
           "## 各省级行政区（主要地区）\n", tile_grid_svg(dict(prov), "../regions/", national_count(articles)) + "\n",
           "## 主题\n", bar_chart_svg([(t, topics.get(t, 0), f"../topics/{topic_slug(t)}/") for t, _ in tax.descriptions], "各主题文章数") + "\n",
           # A researcher read 0 here as "nothing on it" beside the topics page's 亦有论及 counts (a review).
           f"按每篇文章标注的主题统计（每篇至多 {tax.max_topics} 个）；论及某主题但未标注的文章数见[主题](topics/index.md)页的“亦有论及”一栏。\n",
           "## 政协层级\n", bar_chart_svg([(lv, levels.get(lv, 0), "") for lv in LEVEL_ORDER + ["未知"]], "各层级文章数") + "\n",
           "## 时间\n"]
    if months:
        out.append(bar_chart_svg([(m, months[m], "../dates/") for m in sorted(months, reverse=True)], "各月文章数") + "\n")
    undated = sum(1 for a in articles if not a.date)
    if months and undated:
        out.append(f"另有 {undated} 篇文章原文未注明完整日期，见[时间线](dates/index.md)。\n")
    elif undated:
        out.append(f"全部 {undated} 篇文章原文均未注明完整日期（不推测年份），见[时间线](dates/index.md)。\n")
    return "\n".join(out)


# ---------------------------------------------------------------- publishing

MANIFEST = ".generated"


def check_not_handwritten(docs: Path) -> None:
    """Refuse to replace a page someone wrote by hand under a generated name."""
    from .errors import ConfigError

    manifest = docs / MANIFEST
    ours = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
    for name in GENERATED:
        if (docs / name).exists() and name not in ours:
            raise ConfigError(docs / name, None, f"this path is generated by the build but already exists and was not "
                                                 f"written by it; move the hand-written page elsewhere (reserved: {', '.join(GENERATED)})")


def publish(staging: Path, docs: Path) -> None:
    """Swap each generated entry into ``docs`` (the repository's tree, shared with hand-written pages).

    Each entry is exchanged in one step (see ``atomic``); entries the new
    build does not produce (none today) are removed.
    """
    from .atomic import discard, recover, swap_into_place

    docs.mkdir(parents=True, exist_ok=True)
    check_not_handwritten(docs)
    write_atomic(docs / MANIFEST, "\n".join(GENERATED) + "\n")
    for name in GENERATED:
        recover(docs / name, docs / f".{name}.staging")
        new, target = staging / name, docs / name
        if new.exists():
            swap_into_place(new, target)
            discard(new)
        else:
            discard(target)
    shutil.rmtree(staging, ignore_errors=True)


def publish_tree(staging: Path, docs: Path) -> None:
    """Replace a whole docs tree (an --out build) in one step."""
    from .atomic import discard, swap_into_place

    if docs.exists():
        check_not_handwritten(docs)
    write_atomic(staging / MANIFEST, "\n".join(GENERATED) + "\n")
    swap_into_place(staging, docs)
    discard(staging)


def copy_atomic(src: Path, dst: Path) -> None:
    """Put ``src``'s content at ``dst`` in one step: a hard link where the file system allows
    (``articles.json`` is 242 MB at 10,000 seeds; nothing writes into a published file), else a copy."""
    if dst.exists() and os.path.samefile(src, dst):
        return   # linked by an earlier build (and rename() does nothing between two links of one file)
    tmp = dst.with_name(f".{dst.name}.tmp")
    if os.path.lexists(tmp):
        os.unlink(tmp)
    try:
        os.link(src, tmp)
    except OSError:
        shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def write_atomic(path: Path, content: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(content, encoding="utf-8", newline="\n")
    os.replace(tmp, path)
