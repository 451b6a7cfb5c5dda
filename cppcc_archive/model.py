"""The records that flow between pipeline stages.

Every stage takes frozen records and returns new ones, so a stage can never
change what an earlier stage recorded behind its back (STYLE.md, rule 5).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Optional


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input, reported with the file it came from."""

    source_file: str
    kind: str  # short machine-readable code, e.g. "undecodable", "empty"
    message: str  # a sentence a curator can act on (the build's log and report.json)
    message_zh: str = ""  # the same in Chinese, for the site's build report

    def as_dict(self) -> dict:
        return {"file": self.source_file, "kind": self.kind, "message": self.message,
                "message_zh": self.message_zh or self.message}


@dataclass(frozen=True)
class SeedFile:
    """One input file after decoding: the text exactly as decoded."""

    name: str  # file name relative to the seeds directory (posix)
    raw_bytes_sha256: str
    encoding: Optional[str]  # None when the file could not be decoded
    encoding_confidence: float
    text: str  # decoded text with front matter removed
    front_matter: tuple[tuple[str, str], ...] = ()  # validated, known keys only
    problems: tuple[Problem, ...] = ()
    size: int = 0
    original: str = ""  # the whole decoded file (front matter included, no byte-order mark)


@dataclass(frozen=True)
class Author:
    name: str
    role: str  # 作者, 记者, 编辑, 摄影 …

    def as_dict(self) -> dict:
        return {"name": self.name, "role": self.role}


# Bylines are shown and indexed by role, in this order.
ROLE_ORDER = ("作者", "记者", "通讯员", "实习生", "编辑", "摄影")
# The roles of the people who wrote the text (a citation's authors, a feed's <author>), not of
# those who edited it or took its photos.
AUTHOR_ROLES = ("作者", "记者", "通讯员", "实习生")


def byline_line(pairs, escape=str) -> str:
    """The 作者 line from (role, name) pairs: one group per role, names in the source's order (记者
    李木元、宋宝刚；编辑 罗文); byline authors are named alone, the line's label says 作者 already
    (郑小波；编辑 黄宁).  The article page shows it (``escape``: its Markdown escaping) and the search
    index holds it as shown, so a byline copied from the page is found.

    >>> byline_line([("编辑", "罗文"), ("记者", "李木元"), ("作者", "郑小波"), ("记者", "宋宝刚")])
    '郑小波；记者 李木元、宋宝刚；编辑 罗文'
    """
    groups: dict[str, list[str]] = {}
    for role, name in sorted(pairs, key=lambda x: ROLE_ORDER.index(x[0]) if x[0] in ROLE_ORDER else 99):
        groups.setdefault(role, []).append(escape(name))
    return "；".join("、".join(names) if role == "作者" else f"{escape(role)} {'、'.join(names)}"
                    for role, names in groups.items())


def listed_title(title: str, derived: bool) -> str:
    """A title as lists, search results and feeds show it: one the source did not give, which the
    build made from the text's first sentence, in square brackets, the mark of a devised title
    (自拟题名) that the citations use too, so that a reader never takes it for the source's headline.

    >>> listed_title("有多少游客来到新疆只为一览塞北大漠风光", True)
    '［有多少游客来到新疆只为一览塞北大漠风光］'
    """
    return f"［{title}］" if derived and title else title


@dataclass(frozen=True)
class Person:
    name: str
    title: str

    def as_dict(self) -> dict:
        return {"name": self.name, "title": self.title}


@dataclass(frozen=True)
class Region:
    province: Optional[str]
    prefecture: Optional[str]
    county: Optional[str]
    code: str

    def as_dict(self) -> dict:
        return {
            "province": self.province,
            "prefecture": self.prefecture,
            "county": self.county,
            "code": self.code,
        }


@dataclass(frozen=True)
class Article:
    """One article: what the cleaning stage found, then what tagging added."""

    source_file: str
    part: int
    title: str
    title_derived: bool
    paragraphs: tuple[str, ...]  # cleaned, simplified; headings start with "## " or "### "
    script: str  # simplified | traditional
    authors: tuple[Author, ...] = ()
    captions: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()  # the page's credits (本版文字…), for every article of a multi-article page
    notes: tuple[str, ...] = ()  # visible editorial notes (fragment, truncated…)
    original_keywords: tuple[str, ...] = ()
    date: Optional[str] = None
    date_text: Optional[str] = None
    publisher: Optional[str] = None
    source_url: Optional[str] = None
    page: Optional[str] = None  # newspaper page (版次) from front matter
    rights: Optional[str] = None
    changes: tuple[tuple[str, int], ...] = ()
    # filled by tagging
    id: str = ""
    regions: tuple[Region, ...] = ()
    level: Optional[str] = None
    topics: tuple[str, ...] = ()
    topic_cues: tuple[tuple[str, tuple[str, ...]], ...] = ()
    keywords: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    region_evidence: tuple[str, ...] = ()
    also_in: tuple[str, ...] = ()
    curated: tuple[str, ...] = ()  # fields a curator overrode
    raw_line: Optional[int] = None  # the line of the seed file where the article begins (``locate``)
    # The source file lacks the article's beginning (上接第N版, or it starts with a mark that ends
    # a clause): a title
    # made from its first sentence stands for one the file does not hold, not for one never given.
    beginning_missing: bool = False
    # Topics above the threshold that the cap (max_topics) left out, best first: also discussed.
    topics_mentioned: tuple[str, ...] = ()
    # Where ``date`` (or, without it, ``date_text``) comes from: clean.metadata.DATE_SOURCES.
    date_source: Optional[str] = None

    @property
    def text(self) -> str:
        """Plain text of the body: headings lose their Markdown marker."""
        return "\n".join(map(_plain, self.paragraphs))

    def text_head(self, chars: int) -> tuple[str, bool]:
        """The start of ``text``, at least ``chars`` characters of it where the text has them, and
        whether that is the whole text."""
        head, size = [], -1
        for p in self.paragraphs:
            if size >= chars:
                return "\n".join(head), False
            head.append(_plain(p))
            size += len(head[-1]) + 1
        return "\n".join(head), True

    def with_(self, **kwargs) -> "Article":
        return replace(self, **kwargs)


def _plain(paragraph: str) -> str:
    """A paragraph as plain text: a heading loses its Markdown marker."""
    return paragraph.split(" ", 1)[1] if paragraph.startswith(("## ", "### ")) else paragraph


@dataclass(frozen=True)
class FileReport:
    """What happened to one input file."""

    source_file: str
    encoding: Optional[str]
    encoding_confidence: float
    articles: tuple[str, ...]  # article ids
    problems: tuple[Problem, ...]
    changes: tuple[tuple[str, int], ...]  # fixer name -> count over the file
    removed_chars: tuple[tuple[str, int], ...] = field(default=())  # fixer -> CJK chars removed


# The feeds' summaries (and, shorter, the article pages' descriptions): their first characters.
SUMMARY_CHARS = 160
# What XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/FFFF): no summary holds it.
NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def summary(text: str, whole: bool = True, chars: int = SUMMARY_CHARS) -> str | None:
    """The first ``chars`` characters of the body, whitespace collapsed.

    Only a head of a long text is cleaned and split: the words of a head are the text's own but
    for its last, which the cut may have shortened, so once the words before that one are longer
    than the summary, the rest of the text cannot change it (every article's summary is made for
    the feeds and its description for its page: 6,000 characters each at 10,000 seeds).
    ``whole=False``: ``text`` is itself only a head of the text, and the answer is None when that
    head is too short to tell.
    """
    head = 4 * chars
    while head < len(text):
        flat = " ".join(NOT_XML.sub("", text[:head]).split())
        if flat.rfind(" ") > chars:
            return flat[:chars].rstrip() + "……"
        head *= 4
    if not whole:
        return None
    flat = " ".join(NOT_XML.sub("", text).split())
    return flat if len(flat) <= chars else flat[:chars].rstrip() + "……"


def article_summary(article) -> str:
    """``summary(article.text)`` from the first paragraphs alone: joining every text of the archive
    for its first 160 characters was a third of the feeds' worker in a one-seed rebuild (0.6 s of
    1.6 s at 10,000 seeds)."""
    head, whole = article.text_head(16 * SUMMARY_CHARS)
    made = summary(head, whole)
    return made if made is not None else summary(article.text)


def article_description(article, chars: int) -> str:
    """The start of an article's body, for its page's meta description: ``summary`` of its
    paragraphs without the section headings (a review: a heading run into the paragraph it opens
    read 那曲市政协 那曲市政协深刻把握…), or of its whole text when it has nothing but headings."""
    body = [p for p in article.paragraphs if not p.startswith(("## ", "### "))]
    return summary("\n".join(body), chars=chars) if body else summary(article.text, chars=chars)
