"""“引用本文”: a citation of an archived article in three forms.

``citation(record, site_url, entered, accessed)`` returns ``text`` (GB/T
7714-2015 style, plain text), ``bibtex`` and ``csl_json`` (a JSON string
holding a one-item CSL-JSON list).  ``record`` is an ``articles.json`` object,
``site_url`` the site's address ('' when unknown), ``entered`` the day the
article entered the archive (from ``feeds.render_feeds``) or ``None``, and
``accessed`` the day the reader consulted it (``YYYY-MM-DD``) or ``None``.

Choices, following GB/T 7714-2015 for newspaper articles (报纸 [N]) and, when the outlet is a
website, for online news (电子公告 [EB/OL]):

* An outlet whose name ends as a website's does (人民政协网, 中国西藏新闻网: ``WEB_OUTLET``) is
  cited as an online item: ``[EB/OL]`` (``[EB]`` when no URL is known) with its date in parentheses (the standard's place for an
  online item's date, ``人民政协网, (2023-06-14)``), biblatex's ``@online`` with the site as
  ``organization``, CSL's ``webpage`` with the site as ``container-title``, and no newspaper page.
  A review found 人民政协网's articles cited as a newspaper's, ``[N]``.

* Authors are the people with role 作者/记者/通讯员/实习生 (not 编辑/摄影), at most
  three then “等”; with none the author is “佚名”, as GB/T 7714-2015 asks.
* A newspaper article's type is ``[N/OL]`` when a URL is given (the standard's mark for an
  online resource), else ``[N]``.  The URL is the article's page in this
  archive (``site_url`` + ``a/<id>/``); without ``site_url`` it is the
  original ``source_url`` when the seed gave one, else none.
* The date is the article's ``date``; a text that names only month and day keeps its
  ``date_text`` (no year is invented), in the GB/T text after “[出版年不详]”; with no date at all
  it is “出版日期不详”, as it is when the only date is a 本报讯 lead's (``date_source`` "lead"):
  that is the day of the event reported, which BibTeX and CSL-JSON give in a note (文中所记事件日期).
  For an undated article BibTeX and CSL-JSON note the day it entered the archive
  (收录日期, when ``entered`` is known); the GB/T text does not, since the bracket after its date
  is the standard's place for the reader's day (a reviewer took 收录日期 there for it).  The
  newspaper page (版次, ``第3版``) becomes ``(3)`` after the date.
* A title the source did not give (``title_derived``: made from the text's first sentence) is in
  square brackets, the mark of a devised title (自拟题名), like the publisher's below.
* A citation with a URL carries the day the reader consulted the page: GB/T 7714-2015's
  引用日期 (``[2026-12-07]`` after the date), biblatex's ``urldate`` and CSL's ``accessed``.  The
  build cannot know that day, and the pages must not change with the day they are built; so the
  page's block holds an empty slot for it (``ACCESSED_SLOT``) that the site's script fills with the
  reader's date (``archive.js``), in the same form ``accessed`` gives here.
* The publisher is the article's ``publisher``; when the source names none it is “[出版者不详]”
  (GB/T 7714-2015's mark) in the text and BibTeX, and CSL-JSON has no ``container-title``: naming
  the archive there would pass it off as the outlet that printed the article.

Nothing here depends on the build time, so the output is stable.  Seed text
is untrusted: BibTeX values escape ``\\ { } % & # _ $ ^ ~`` with commands whose
own braces balance (BibTeX counts ``\\{`` as a brace); the ``url`` field
(read verbatim by biblatex/hyperref) is percent-encoded instead.
``citation_markdown`` emits a raw HTML ``<details>`` block with every string
passed through ``escape_html``; Python-Markdown never processes the inside of
a raw HTML block, so the only escaping needed is HTML's, and the block needs
no Markdown extension beyond the defaults.
"""
from __future__ import annotations

import json
import re
from urllib.parse import quote

from .markdown import escape_html
from .model import AUTHOR_ROLES

ARCHIVE = "政协文库"
MAX_AUTHORS = 3
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_BIB_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_BIB_RE = re.compile("[" + re.escape("".join(_BIB_SPECIAL)) + "]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# Stands for the reader's day in the page's block.  Seed text cannot hold it: ``_flat`` removes
# control characters from every value a citation takes from the record.
ACCESSED_SLOT = "\x01accessed\x01"


def citation(record: dict, site_url: str, entered: str | None, accessed: str | None = None) -> dict:
    """``{"text", "bibtex", "csl_json"}`` for one article."""
    return {"text": citation_text(record, site_url, accessed),
            "bibtex": citation_bibtex(record, site_url, entered, accessed),
            "csl_json": citation_csl_json(record, site_url, entered, accessed)}


# ---------------------------------------------------------------- parts

def authors(record: dict) -> list[str]:
    names = [_flat(a.get("name") or "") for a in record.get("authors") or [] if a.get("role") in AUTHOR_ROLES]
    return [n for n in dict.fromkeys(names) if n]


def article_url(record: dict, site_url: str) -> str | None:
    site_url = (site_url or "").strip()
    if site_url:
        return (site_url if site_url.endswith("/") else site_url + "/") + f"a/{record['id']}/"
    src = _flat(record.get("source_url") or "")
    # Seed text: only http(s), and characters a URL may not hold (spaces, braces, quotes …) percent-encoded.
    return _quote_url(src) if re.match(r"^https?://[^\s/]", src, re.I) else None


def _quote_url(url: str) -> str:
    return quote(url, safe=":/?#[]@!$&'()*+,;=%-._~")


def _title(record: dict) -> str:
    """The article's title; one the build made from the text's first sentence (``title_derived``: the
    source gave none) in square brackets, as cataloguing marks a devised title, so that a citation
    never passes it off as the article's own."""
    title = _flat(record.get("title") or "") or "无标题"
    return f"[{title}]" if record.get("title_derived") else title


UNKNOWN_PUBLISHER = "[出版者不详]"
UNKNOWN_YEAR = "[出版年不详]"
EVENT_DATE = "文中所记事件日期"
# The ends of a website's name (人民政协网, 中国西藏新闻网, 澎湃新闻客户端, …公众号); a newspaper's ends in 报.
WEB_OUTLET = re.compile(r"(网|网站|客户端|公众号)$")


# Addresses of posts that only exist online, whatever the account is called (a review: a WeChat
# account's post, 江苏政协, was cited as a newspaper's article).
WEB_ONLY_SOURCE = re.compile(r"^https?://(?:mp\.weixin\.qq\.com|weibo\.com|m\.weibo\.cn)/", re.I)


def is_web_outlet(record: dict) -> bool:
    """Whether the publisher is a website rather than a newspaper (cited [EB/OL], not [N])."""
    return bool(WEB_OUTLET.search(_publisher(record)) or WEB_ONLY_SOURCE.match(_flat(record.get("source_url") or "")))


def _dates(record: dict) -> tuple[str, str, str]:
    """(the ISO publication date or "", the source's wording of a date without a year or "", the
    date of the event reported or "").  A 本报讯 lead's date (``date_source`` "lead") is the event's,
    not the paper's (a review): cited, the paper's date is unknown, and the event's goes in a note."""
    date, text = _flat(record.get("date") or ""), _flat(record.get("date_text") or "")
    if record.get("date_source") == "lead":
        return "", "", date or text
    return date, text, ""


def _publisher(record: dict) -> str:
    return _flat(record.get("publisher") or "")


def _page_number(record: dict) -> str | None:
    """The newspaper page (版次) as a number; a website has none."""
    if is_web_outlet(record):
        return None
    m = re.search(r"\d+", record.get("page") or "")
    return m.group(0) if m else None


def _flat(s: str) -> str:
    return " ".join(_CONTROL.sub("", str(s)).split())


# ---------------------------------------------------------------- GB/T 7714

def citation_text(record: dict, site_url: str, accessed: str | None = None) -> str:
    names = authors(record)
    who = ", ".join(names[:MAX_AUTHORS]) + (", 等" if len(names) > MAX_AUTHORS else "") if names else "佚名"
    url = article_url(record, site_url)
    web = is_web_outlet(record)
    kind = ("EB" if web else "N") + ("/OL" if url else "")   # /OL: online, at the URL that follows
    iso, text, _ = _dates(record)
    # A day without its year is marked so: followed by the reader's day in brackets, 6月14日 read as
    # that year's (a journalist's review of 人民政协网 6月14日[2026-12-07]).
    date = iso or (f"{UNKNOWN_YEAR}{text}" if text else "")
    date = (f"({date})" if web else date) if date else "出版日期不详"
    page = _page_number(record)
    if page:
        date += f"({page})"
    if url and accessed:
        date += accessed if accessed == ACCESSED_SLOT else f"[{accessed}]"
    text = f"{who}. {_title(record)}[{kind}]. {_publisher(record) or UNKNOWN_PUBLISHER}, {date}."
    return text + (f" {url}." if url else "")


# ---------------------------------------------------------------- BibTeX

def bibtex_escape(s: str) -> str:
    """Escape a string for a braced BibTeX field value (LaTeX specials; braces stay balanced).

    >>> bibtex_escape("50% & {x}_#1 \\\\ $~^")
    '50\\\\% \\\\& \\\\textbraceleft{}x\\\\textbraceright{}\\\\_\\\\#1 \\\\textbackslash{} \\\\$\\\\textasciitilde{}\\\\textasciicircum{}'
    """
    return _BIB_RE.sub(lambda m: _BIB_SPECIAL[m.group(0)], _flat(s))


def bibtex_url(url: str) -> str:
    """A URL for the verbatim ``url`` field: characters that could break the entry are percent-encoded."""
    return _quote_url(_flat(url))


def citation_bibtex(record: dict, site_url: str, entered: str | None, accessed: str | None = None) -> str:
    fields: list[tuple[str, str]] = []
    names = authors(record)
    if names:
        # Each name in braces: BibTeX must not split a Chinese name or read "and" inside one.
        fields.append(("author", " and ".join("{" + bibtex_escape(n) + "}" for n in names)))
    fields.append(("title", "{" + bibtex_escape(_title(record)) + "}"))
    web = is_web_outlet(record)
    if web:   # biblatex's @online, which GB/T 7714 styles for biblatex cite as [EB/OL]
        fields.append(("organization", bibtex_escape(_publisher(record))))
    else:
        fields.append(("journal", bibtex_escape(_publisher(record) or UNKNOWN_PUBLISHER)))
        fields.append(("entrysubtype", "newspaper"))
    iso, text, event = _dates(record)
    m = _DATE.fullmatch(iso)
    if m:
        fields += [("date", m.group(0)), ("year", m.group(1)), ("month", str(int(m.group(2))))]
    page = _page_number(record)
    if page:
        fields.append(("pages", page))
    url = article_url(record, site_url)
    if url:
        fields.append(("url", bibtex_url(url)))
    notes = []
    if not m and text:
        notes.append(f"原文日期：{text}")
    elif not m:
        notes.append("出版日期不详")
    if event:
        notes.append(f"{EVENT_DATE}：{event}")
    if not m and entered:
        notes.append(f"收录日期：{entered}")
    notes.append(f"{ARCHIVE}收录")
    fields.append(("note", bibtex_escape("；".join(notes))))
    fields.append(("language", "chinese"))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    if url and accessed:   # the last field, so that an empty slot leaves a valid entry
        body += accessed if accessed == ACCESSED_SLOT else f",\n  urldate = {{{accessed}}}"
    return f"@{'online' if web else 'article'}{{{bibtex_key(record)},\n{body}\n}}\n"


def bibtex_key(record: dict) -> str:
    """The article id is 12 hex digits; anything else is reduced to safe characters."""
    return "cppcc-" + (re.sub(r"[^0-9A-Za-z]", "", str(record.get("id") or "")) or "article")


# ---------------------------------------------------------------- CSL-JSON

def citation_csl_json(record: dict, site_url: str, entered: str | None, accessed: str | None = None) -> str:
    kind = "webpage" if is_web_outlet(record) else "article-newspaper"
    item: dict = {"id": bibtex_key(record), "type": kind, "title": _title(record)}
    names = authors(record)
    if names:
        item["author"] = [{"literal": n} for n in names]
    if _publisher(record):
        item["container-title"] = _publisher(record)
    iso, text, event = _dates(record)
    m = _DATE.fullmatch(iso)
    if m:
        item["issued"] = {"date-parts": [[int(m.group(1)), int(m.group(2)), int(m.group(3))]]}
    elif text:
        item["issued"] = {"literal": text}
    page = _page_number(record)
    if page:
        item["page"] = page
    url = article_url(record, site_url)
    if url:
        item["URL"] = url
    item["archive"] = ARCHIVE
    if site_url:
        item["archive_location"] = f"a/{record['id']}/"
    notes = [f"{EVENT_DATE}：{event}"] if event else []
    if not m and entered:
        notes.append(f"收录日期：{entered}")
    if notes:
        item["note"] = "；".join(notes)
    item["language"] = "zh-CN"
    if url and accessed and accessed != ACCESSED_SLOT:   # the last member, where the page's slot is
        item["accessed"] = {"date-parts": [[int(x) for x in accessed.split("-")]]}
    out = json.dumps([item], ensure_ascii=False, indent=2)
    if url and accessed == ACCESSED_SLOT:
        end = out.rindex("\n  }")
        out = out[:end] + ACCESSED_SLOT + out[end:]
    return out


# ---------------------------------------------------------------- page block

def citation_markdown(record: dict, site_url: str, entered: str | None) -> str:
    """A collapsed “引用本文” block for the article page (raw HTML, every value escaped).

    Material puts a copy button on each ``<pre><code>``; ``data-search-exclude``
    keeps the block out of the search index.  Newlines inside the
    code are written as ``&#10;`` so the block is one line: a blank line can
    never end the raw HTML block early.  The reader's day goes into an empty
    ``span.cite-accessed`` that ``archive.js`` fills (a page without the script
    gives each form without it, still complete and valid).
    """
    c = citation(record, site_url, entered, ACCESSED_SLOT)

    def pre(label: str, value: str, kind: str) -> str:
        code = escape_html(value.rstrip("\n")).replace("\n", "&#10;")
        code = code.replace(ACCESSED_SLOT, f'<span class="cite-accessed" data-format="{kind}"></span>')
        return f'<p class="cite-label">{escape_html(label)}</p><pre class="cite-{kind}"><code>{code}</code></pre>'

    parts = [pre("GB/T 7714", c["text"], "text"), pre("BibTeX", c["bibtex"], "bibtex"),
             pre("CSL-JSON", c["csl_json"], "csl")]
    return f'<details class="cite" data-search-exclude><summary>引用本文</summary>{"".join(parts)}</details>\n'
