"""Recognise metadata lines (bylines, editors, captions, datelines …).

Works on cleaned, simplified lines with full-width punctuation restored.
Each recogniser returns what it found and what is left of the line for the
body (often nothing), so the caller can count every character it moves.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Optional

from ..model import Author

NAME = r"[\u4e00-\u9fff·]{2,8}"
_NAMES = re.compile(NAME)

BYLINE = re.compile(rf"^□\s*({NAME}(?:\s+{NAME})*)$")
STAFF_REPORTER = re.compile(rf"^本报(?:融媒体)?记者\s*({NAME}(?:\s+{NAME})*)$")
# A news lead: 本报讯 or another paper's (厦门日报讯, 南方日报讯), with its credits in brackets
# (（记者 李明 通讯员 张华）) or none (本报讯 委员们…, 南方日报讯 11月3日，…).
NEWS_LEAD = re.compile(r"^(?P<pub>本报|(?!据)[\u4e00-\u9fff]{2,10}?报)(?P<sent>(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日)?"
                       r"(?:讯|电)(?:\s*（(?P<credits>[^（）]{2,80})）|(?=[\s\d“]))\s*")
DATELINE = re.compile(
    r"^(?P<pub>本报|[\u4e00-\u9fff]{2,10}?(?:网|报|社|台|新闻))(?P<place>[\u4e00-\u9fff]{2,6}?)"
    r"(?P<date>(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日)电\s*(?:（(?P<credits>[^（）]{2,80})）)?\s*"
)
# The roles of a lead's or a dateline's credits, each before its names: （记者 李明 王芳 通讯员 张华）,
# （融媒体记者 李木元）, （本报记者 陈志明、实习生 赵六）.  通讯员 is a role, never a name.
CREDIT_ROLE = re.compile(r"(?:本报|本台|本网)?(?:驻[\u4e00-\u9fff]{1,4}?)?(?:融媒体|全媒体|首席|特约|见习|实习)?(?P<reporter>记者)"
                         r"|通讯员|实习生|摄影|编辑")
# Words of a credit line that name no one: （记者 李明 报道）, （通讯员 张华 整理）.
CREDIT_WORDS = frozenset("报道 整理 采写 摄 文 图 供稿 发自".split())
# A web page's line under its headline: 发布时间：2024-05-10 10:30 来源：浙江政协网 作者：张三 浏览次数：12.
# It opens with a date's or a source's key (an 编辑：… line closes an article: ``EDITOR``) and is
# nothing but keys (PAGE_META_KEY) and their values.
_DATE_KEYS = ("发布时间", "发布日期", "发稿时间", "时间", "日期")
_SOURCE_KEYS = ("稿件来源", "信息来源", "文章来源", "来源")
_AUTHOR_KEYS = ("作者", "撰稿")
_EDITOR_KEYS = ("责任编辑", "编辑")
_COUNTER_KEYS = ("浏览次数", "浏览量", "点击数", "点击量", "阅读数", "阅读量", "字号", "字体")
# The keys a line may open with alone: 时间： and 日期： alone open a notice's line.
_OPENING_KEYS = "|".join(k for k in _DATE_KEYS + _SOURCE_KEYS if k not in ("时间", "日期"))
PAGE_META_START = re.compile(rf"(?:{_OPENING_KEYS})[：:]")
# What such a line may open with, in the forms sites use: a key (【发布时间：…】 in brackets too), 时间：
# or 日期： (with another key after: alone it is a notice's line), or the date itself (2024-06-14 10:25
# 来源：新华网).  ``page_meta`` decides.
PAGE_META_GATE = re.compile(rf"[【\[]?(?:{'|'.join(_DATE_KEYS + _SOURCE_KEYS)})[：:]|\d{{4}}[-/.年]\d{{1,2}}")
_PAGE_DATE_TIME = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")
# A source named alone (来源：人民政协报) is an outlet's name; 来源：国家统计局 under a table is the text's.
OUTLET = re.compile(r"[\u4e00-\u9fff]{2,20}(?:网|网站|报|报社|社|台|客户端|公众号|新闻|杂志|周刊|传媒)")
PAGE_META_KEY = re.compile(
    "(" + "|".join(_DATE_KEYS + _SOURCE_KEYS + _AUTHOR_KEYS + _EDITOR_KEYS + _COUNTER_KEYS) + ")[：:]")
PAGE_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})日?")
EDITOR = re.compile(rf"^(责任编辑|编辑|校对|审核)[：:]\s*({NAME}(?:[\s、，]+{NAME})*)$")
# Credits on a line of their own at an article's end, in brackets (（责任编辑：罗文 摄影：韦东）, 【纠错】
# 【责任编辑：刘洋】, （摄影 李华）) or after 文/图 (文/图 本报记者 陈志明): a review found them left in the text.
CLOSING_CREDITS = re.compile(r"^(?:【纠错】\s*)?[（【]\s*((?:责任编辑|编辑|摄影|记者|通讯员|校对)[^（）【】]{2,60})[）】]$"
                             r"|^(?:文\s*[/／]\s*图|图\s*[/／]\s*文)\s+([^，。]{2,40})$")
KEYWORDS = re.compile(r"^关键词[：:]\s*(.+)$")
AUTHOR_NOTE = re.compile(r"（作者系([^（）]{2,60})）\s*$")
TRAILING_REPORTER = re.compile(rf"(?<=[。！？”])\s*（({NAME}(?:\s+{NAME})*)）$")
CAPTION_MARK = re.compile(r"^[▲△▼↑↓]\s*(.+)$")
PHOTO_CREDIT = re.compile(rf"\s+({NAME}(?:\s+{NAME})*)\s*摄$")
CONTINUED_FROM = re.compile(r"^（上接(\d+|[一二三四五六七八九十]+)版）$")
CONTINUED_TO = re.compile(r"^（下转(\d+|[一二三四五六七八九十]+)版）$")
DATE_IN_TEXT = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
# Where an article's date comes from, which says what it is the date of: the source page's front
# matter (its publication), a dateline (…北京6月14日电: the day the report was filed), a 本报讯
# lead (the day of the event reported, not of the paper that printed it: cited as unknown), or the
# web page's own line under its headline (发布时间：2024-05-10 来源：…: its publication).
DATE_SOURCES = ("front_matter", "dateline", "lead", "page")
# The date a 本报讯 lead opens with: 本报讯（记者 毛丽萍）12月26日，湖北省政协召开…, or has
# right after an opening quotation: 本报讯（记者 王泳）“政协机关……落到实处。”12月28日，山西省…
LEAD_DATE = re.compile(r"^(?:“[^“”]{1,300}”)?(?P<date>(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日)(?=[，,\s])")


@dataclass
class Found:
    """What one line gave: authors, captions … and the text left for the body."""

    rest: str
    kind: str = ""  # name recorded in the ledger for moved characters
    authors: list[Author] = field(default_factory=list)
    caption: Optional[str] = None
    publisher: Optional[str] = None
    date: Optional[str] = None
    date_text: Optional[str] = None
    date_source: Optional[str] = None  # DATE_SOURCES: what the date is the date of
    keywords: list[str] = field(default_factory=list)
    author_title: Optional[str] = None
    starts_article: bool = False
    continued_from: Optional[str] = None


def names(s: str) -> list[str]:
    return _NAMES.findall(s)


def credits(s: str) -> Optional[list[Author]]:
    """The people of a bracketed credit line, each with the role written before them, or ``None``
    when the bracket is something else (a name with no role before it, a word that is no name).

    >>> [(a.name, a.role) for a in credits("记者 李明 通讯员 张华")]
    [('李明', '记者'), ('张华', '通讯员')]
    >>> [(a.name, a.role) for a in credits("本报记者陈志明、实习生 赵六")]
    [('陈志明', '记者'), ('赵六', '实习生')]
    >>> [(a.name, a.role) for a in credits("记者李明通讯员张华 报道")]
    [('李明', '记者'), ('张华', '通讯员')]
    >>> [(a.name, a.role) for a in credits("记者 李明 摄影 张华")]
    [('李明', '记者'), ('张华', '摄影')]
    >>> [credits(x) for x in ("图片由市政协提供", "李明 张华", "记者 a1")]
    [None, None, None]
    """
    found: list[Author] = []
    role, at = None, 0
    for m in [*CREDIT_ROLE.finditer(s), None]:
        for name in re.split(r"[\s、，,/／]+", s[at:m.start() if m else len(s)].strip()):
            if not name or name in CREDIT_WORDS:
                continue
            if role is None or not _NAMES.fullmatch(name):
                return None
            found.append(Author(name, role))
        if m:
            role, at = ("记者" if m.group("reporter") else m.group(0)), m.end()
    return found or None


def _iso(y: Optional[str], m: str, d: str) -> Optional[str]:
    if not y:
        return None  # never invent a year
    try:
        return datetime.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _real(y: Optional[str], m: str, d: str) -> bool:
    """Whether a calendar has this day (2月29日 without a year: some year has it).  A month and day
    none has (99月73日, 13月45日, 2月30日: a typo, OCR or a scrambled page) dates nothing: a review
    found them heading the timeline.

    >>> _real(None, "2", "29"), _real("2023", "2", "29"), _real(None, "13", "45"), _real(None, "6", "31")
    (True, False, False, False)
    """
    try:
        datetime.date(int(y) if y else 2000, int(m), int(d))   # 2000: a leap year
    except ValueError:
        return False
    return True


def _dated(text: str, y: Optional[str], m: str, d: str, source: str) -> dict:
    """``Found``'s date fields for a date the source wrote as ``text`` (the ISO date only with a year),
    or none when no calendar has the day (``_real``)."""
    if not _real(y, m, d):
        return {}
    return {"date_text": text, "date": _iso(y, m, d), "date_source": source}


def recognise(line: str) -> Found:
    """Classify one line.  ``rest`` is what stays in the body.

    >>> recognise("□ 欧汉东").authors
    [Author(name='欧汉东', role='作者')]
    >>> f = recognise("本报讯（记者 王泳）“政协机关作为服务……落到实处。”12月28日，山西省各市政协秘书长工作会议召开")
    >>> (f.authors[0].name, f.date_text, f.rest[:9])
    ('王泳', '12月28日', '“政协机关作为服务')
    >>> f = recognise("本报讯（记者 毛丽萍）12月26日，湖北省政协召开党的建设工作领导小组第一次会议")
    >>> (f.authors[0].name, f.date_text, f.date, f.rest[:9])
    ('毛丽萍', '12月26日', None, '12月26日，湖北')
    >>> [(a.name, a.role) for a in recognise("（责任编辑：罗文 摄影：韦东）").authors]
    [('罗文', '编辑'), ('韦东', '摄影')]
    >>> [(a.name, a.role) for a in recognise("文/图 本报记者 陈志明").authors], recognise("【纠错】 【责任编辑：刘洋】").rest
    ([('陈志明', '记者')], '')
    >>> f = recognise("人民政协网北京6月14日电 （记者 包松娅）")
    >>> (f.publisher, f.date_text, f.date, f.authors[0].name, f.rest)
    ('人民政协网', '6月14日', None, '包松娅', '')
    """
    m = BYLINE.match(line)
    if m:   # □ 欧汉东, or □ 本报记者 陈志明 通讯员 林海: the roles as written
        return Found("", "byline", credits(m.group(1)) or [Author(n, "作者") for n in names(m.group(1))],
                     starts_article=True)
    m = STAFF_REPORTER.match(line)
    if m:
        return Found("", "byline", [Author(n, "记者") for n in names(m.group(1))], starts_article=True)
    m = NEWS_LEAD.match(line)
    if m:
        authors, rest = _credited(line, m)
        publisher = None if m.group("pub") == "本报" else m.group("pub")
        # 湖南日报6月12日讯: the day the paper sent it, as a dateline's
        sent = _dated(m.group("sent"), m.group("y"), m.group("m"), m.group("d"), "dateline") if m.group("sent") else {}
        if sent:
            return Found(rest, "byline", authors, starts_article=True, publisher=publisher, **sent)
        day = LEAD_DATE.match(rest)
        return Found(rest, "byline", authors, starts_article=True, publisher=publisher,
                     **(_dated(day.group("date"), *day.groups()[1:], "lead") if day else {}))
    m = DATELINE.match(line)
    if m:
        authors, rest = _credited(line, m)
        return Found(rest, "dateline", authors, publisher=None if m.group("pub") == "本报" else m.group("pub"),
                     starts_article=True, **_dated(m.group("date"), m.group("y"), m.group("m"), m.group("d"), "dateline"))
    if PAGE_META_GATE.match(line):
        found = page_meta(line)
        if found is not None:
            return found
    m = CONTINUED_FROM.match(line)
    if m:
        return Found("", "continuation_marker", starts_article=True, continued_from=m.group(1))
    m = CONTINUED_TO.match(line)
    if m:
        return Found("", "continuation_marker")
    m = CLOSING_CREDITS.match(line)
    if m:
        people = credits(re.sub(r"(责任编辑|校对)[：:]?", "编辑 ", (m.group(1) or m.group(2)).replace("：", " ")))
        if people:
            return Found("", "closing_credits", people)
    m = EDITOR.match(line)
    if m:
        role = "编辑" if "编辑" in m.group(1) else m.group(1)
        return Found("", "editor", [Author(n, role) for n in names(m.group(2))])
    m = KEYWORDS.match(line)
    if m:
        return Found("", "original_keywords", keywords=[k for k in re.split(r"[\s,，、;；]+", m.group(1)) if k])
    m = CAPTION_MARK.match(line)
    if m:
        return _caption(m.group(1))
    if PHOTO_CREDIT.search(line) and len(line) < 400:
        return _caption(line)
    m = AUTHOR_NOTE.search(line)
    if m:
        return Found(line[: m.start()].rstrip(), "author_note", author_title=m.group(1))
    m = TRAILING_REPORTER.search(line)
    if m:
        return Found(line[: m.start()].rstrip(), "trailing_byline", [Author(n, "记者") for n in names(m.group(1))])
    return Found(line)


def page_meta(line: str) -> Optional[Found]:
    """A web page's 发布时间/来源 line (``PAGE_META_START``), or ``None`` when the line is more than
    short keys and values (a sentence that happens to open with 来源：) or names a source that is no
    outlet (来源：国家统计局, under a table).

    >>> f = page_meta("发布时间：2024-05-10 10:30 | 来源：浙江政协网 | 浏览次数：12")
    >>> (f.date, f.date_text, f.date_source, f.publisher, f.starts_article)
    ('2024-05-10', '2024-05-10', 'page', '浙江政协网', True)
    >>> f = page_meta("来源：人民政协报  作者：王泳  日期：2024年6月14日 浏览次数：128")
    >>> (f.date, f.publisher, [(a.name, a.role) for a in f.authors])
    ('2024-06-14', '人民政协报', [('王泳', '作者')])
    >>> (page_meta("来源：人民政协报 2024-05-10").date, page_meta("来源：人民政协报").starts_article)
    ('2024-05-10', False)
    >>> [page_meta(x) for x in ("来源：国家统计局", "发布时间：2024年5月10日至12日，委员们赴成都调研")]
    [None, None]
    >>> [(f.date, f.publisher) for f in map(page_meta, ("2024-06-14 10:25:36 来源：新华网",
    ...     "时间：2024/06/10 来源：四川政协网 阅读量：356", "【发布时间：2024年06月12日】【来源：江苏政协网】"))]
    [('2024-06-14', '新华网'), ('2024-06-10', '四川政协网'), ('2024-06-12', '江苏政协网')]
    >>> [(a.name, a.role) for a in page_meta("日期：2024.06.08 作者：本报记者 周丽 实习生 林晓").authors]
    [('周丽', '记者'), ('林晓', '实习生')]
    >>> page_meta("时间：2024年6月5日上午9时 地点：市政协会议中心") is None   # a notice's line
    True
    """
    line = re.sub(r"[【】\[\]]", " ", line).strip()   # 【发布时间：2024年06月12日】【来源：江苏政协】
    if len(line) > 120 or re.search("[，。；]", line):
        return None
    keys = list(PAGE_META_KEY.finditer(line))
    if not keys:
        return None
    head = line[:keys[0].start()].strip()
    if head and not _PAGE_DATE_TIME.fullmatch(head):   # before the first key, only a date (and time)
        return None
    if not head and not PAGE_META_START.match(line) and len(keys) < 2:   # 时间：… alone: a notice's line
        return None
    values = {k.group(1): line[k.end(): nxt.start() if nxt else len(line)].strip(" \t|丨｜")
              for k, nxt in zip(keys, keys[1:] + [None])}
    found = Found("", "page_meta")
    for key, value in values.items():
        if key in _DATE_KEYS:
            _take_page_date(found, value)
        elif key in _SOURCE_KEYS and not found.publisher:
            outlet = OUTLET.fullmatch(re.split(r"[\s|丨｜【]", value, maxsplit=1)[0])
            if outlet is None and not found.date_text and len(values) == 1:
                return None
            found.publisher = outlet.group(0) if outlet else None
        elif key in _AUTHOR_KEYS + _EDITOR_KEYS:
            role = "作者" if key in _AUTHOR_KEYS else "编辑"   # 作者：本报记者 周丽: the roles as written
            found.authors += credits(value) or [Author(n, role) for n in names(value)]
    _take_page_date(found, line)   # 来源：人民政协报 2024-05-10: a date with no key of its own
    # The line under a headline, when it dates the page: the lines before it are that headline.
    found.starts_article = found.date_text is not None
    return found if (found.date_text or found.publisher or found.authors) else None


def _take_page_date(found: Found, text: str) -> None:
    """The first date written in ``text`` as ``found``'s, unless it has one."""
    day = PAGE_DATE.search(text)
    if day and found.date_text is None:
        for field_name, value in _dated(day.group(0), *day.groups(), "page").items():
            setattr(found, field_name, value)


def _credited(line: str, m: re.Match) -> tuple[list[Author], str]:
    """The people of a lead's or a dateline's bracket (``m``'s group "credits") and the text after
    the match.  A bracket that is not a list of credits stays in the text."""
    if m.group("credits") is None:
        return [], line[m.end():]
    authors = credits(m.group("credits"))
    if authors is None:
        return [], line[m.start("credits") - 1:]
    return authors, line[m.end():]


def _caption(text: str) -> Found:
    authors = []
    m = PHOTO_CREDIT.search(text)
    if m:
        authors = [Author(n, "摄影") for n in names(m.group(1))]
    return Found("", "caption", authors, caption=text.strip())


def month_day(date_text: str | None) -> tuple[int, int]:
    """(month, day) of a date as the source wrote it (12月26日), or (0, 0).

    >>> month_day("12月26日"), month_day("6月14日"), month_day(None)
    ((12, 26), (6, 14), (0, 0))
    """
    m = DATE_IN_TEXT.search(date_text or "")
    return (int(m.group(2)), int(m.group(3))) if m else (0, 0)


def newest_order(date: Optional[str], date_text, article_id: str) -> tuple:
    """Sort key, newest first with ``reverse=True``: full dates, then dates without a year by month
    and day, then undated articles; ties by id.  The site's lists (``write.newest_key``) and the
    search's document numbers (``search._sort_records``) both order by it."""
    return (date or "", (0, 0) if date else month_day(date_text if isinstance(date_text, str) else None), article_id)


def shown_date(date: str | None, date_text: str | None, source: str | None = None) -> str:
    """The 日期 an article page shows: the date, with the source's own wording when it differs (a
    dateline's 2023年6月14日, which a search finds the article by, for 2023-06-14), or the wording
    alone with a note that the source gave no year; a 本报讯 lead's date is said to be the event's
    (``source``: the article's ``date_source``).

    >>> shown_date(None, "12月26日", "lead")
    '12月26日（原文未注明年份；导语所记事件日期，非出版日期）'
    >>> shown_date("2023-06-14", "2023年6月14日", "dateline")
    '2023-06-14（原文作“2023年6月14日”）'
    >>> shown_date("2024-12-27", "12月26日", "front_matter")   # front matter's date, a lead's wording
    '2024-12-27（正文所记日期：12月26日）'
    """
    notes = []
    if not date:
        notes.append("原文未注明年份")
    elif date_text and date_text != date:
        same_day = month_day(date_text) == (int(date[5:7]), int(date[8:10]))   # dates are ISO (read, _iso)
        notes.append(f"原文作“{date_text}”" if same_day else f"正文所记日期：{date_text}")
    if source == "lead":
        notes.append(LEAD_DATE_NOTE)
    return (date or date_text or "") + (f"（{'；'.join(notes)}）" if notes else "")


LEAD_DATE_NOTE = "导语所记事件日期，非出版日期"
