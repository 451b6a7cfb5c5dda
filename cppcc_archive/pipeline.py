"""The order of stages, and the build report.

Phase 1 reads, cleans, converts, splits and tags every seed (in parallel
with ``--jobs``); phase 2 sees the whole corpus: ids, duplicates, pages,
indexes, exports.  A bad seed becomes a report line, never a stopped build.
"""
from __future__ import annotations

import gc
import hashlib
import re
import zlib
from array import array
from concurrent.futures import ProcessPoolExecutor  # imported up front: a build may drop privileges later
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import ne
from pathlib import Path
from typing import Optional

from . import convert
from .clean import clean_text, cjk_count
from .clean.boilerplate import load_rules, match_rule
from .clean.fixers import remove_pinyin_annotations
from .model import Article, Problem, SeedFile
from . import read as reader  # looked up at call time, so tests can stand in for a file vanishing
from .locate import article_lines, file_lines, in_file_order, squeeze
from .reassemble import reassemble
from .split import (Ledger, dedupe_paragraphs, is_heading_like, join_broken_paragraphs, rejoin_displaced_fragments,
                    split_page, take_title)
from .tag import keywords as kw
from .tag.people import find_people
from .tag.regions import tag_regions
from .tag.topics import score_all_topics
from .workers import die_with_parent


@dataclass
class SeedResult:
    """Everything phase 1 learned from one input path."""

    name: str
    encoding: Optional[str] = None
    encoding_confidence: float = 0.0
    size: int = 0
    sha256: str = ""
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    changes: dict[str, int] = field(default_factory=dict)
    ledger: dict[str, int] = field(default_factory=dict)  # CJK chars moved out of bodies, by step
    input_cjk: int = 0
    raw_text: Optional[str] = None  # decoded original, published as the "original text"
    # Sentence hashes of each article for near-duplicate detection, made here (in the workers,
    # and cached) rather than for the whole corpus at every build.
    fingerprints: list[array] = field(default_factory=list)
    # The pipeline cache's key of this result ("" without a cache): it fixes the seed's articles,
    # so a rebuild can tell which pages are unchanged (see ``pagecache``).
    key: str = ""
    from_cache: bool = False   # loaded from the pipeline cache, not processed by this build
    # The identity of the file this build read the seed from (``cache.stat_identity`` of the open
    # file), for ``cache.SeedStats``; set after the result is cached, never stored with it.
    identity: Optional[list] = None


def article_id(source_file: str, part: int) -> str:
    """Stable id: from the seed's file name and the article's index in it.

    Content is deliberately left out, so an article keeps its URL when the
    cleaning improves or other seeds come and go.
    """
    return hashlib.sha256(f"{source_file}\x00{part}".encode("utf-8")).hexdigest()[:12]


def process_path(path: Path, name: str, curation: Optional[dict] = None) -> SeedResult:
    """Phase 1 for one file; never raises for any content."""
    data = reader.read_bytes(path, name, reader.MAX_BYTES)
    if isinstance(data, Problem):
        return SeedResult(name=name, problems=[data])
    return process_bytes(data, name, curation)


def process_bytes(data: bytes, name: str, curation: Optional[dict] = None) -> SeedResult:
    """Phase 1 for bytes already read; a bug is reported against the file, never raised."""
    seed = None
    try:
        seed = reader.seed_from_bytes(data, name)
        if isinstance(seed, Problem):
            return _without_text(name, data, seed)
        return process_seed(seed, curation)
    except Exception as e:  # a bug must not cost the other seeds; it is reported
        return _without_text(name, data, Problem(
            name, "internal-error", f"could not be processed ({type(e).__name__}: {e}); please report this file",
            f"处理失败（{type(e).__name__}: {e}），请报告此文件"), getattr(seed, "encoding", None))


def _without_text(name: str, data: bytes, problem: Problem, encoding: Optional[str] = None) -> SeedResult:
    """A file read that gives no text (empty, binary, undecodable, a bug): the report still gives the
    size and digest of what was read (a contract review found an empty file's sha256 "")."""
    return SeedResult(name=name, encoding=encoding, size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                      problems=[problem])


def process_seed(seed: SeedFile, curation: Optional[dict] = None) -> SeedResult:
    res = SeedResult(seed.name, seed.encoding, seed.encoding_confidence, seed.size, seed.raw_bytes_sha256)
    res.problems.extend(seed.problems)
    res.raw_text = seed.original or seed.text   # the file as decoded, front matter included
    # Each count walks the whole text (a quarter of a millisecond for 6,000 characters): the cleaned
    # text's is known from the accounting.
    res.input_cjk = cjk_count(seed.text)
    text, changes, removed = clean_text(seed.text, res.input_cjk)
    cleaned_cjk = res.input_cjk - sum(removed.values())
    res.changes.update(changes)
    ledger = Ledger()
    for k, v in removed.items():
        ledger[k] += v
    simplified = convert.to_simplified(text)
    converted = simplified != text
    changed = sum(map(ne, text, simplified)) if converted else 0
    script = convert.detect_script(text, simplified, changed, cleaned_cjk)
    if converted:
        res.changes["to_simplified"] = changed or 1
        delta = cleaned_cjk - cjk_count(simplified)
        if delta:
            ledger["to_simplified"] += delta
    if changes.get("unrecoverable_characters"):
        res.problems.append(Problem(seed.name, "mojibake", f"{changes['unrecoverable_characters']} character(s) lost to GBK mojibake could not be recovered; shown as □",
                                       f"{changes['unrecoverable_characters']} 个字符因 GBK 乱码丢失、无法恢复，以 □ 标出"))

    lines, rights, credits = _strip_boilerplate([x for x in simplified.split("\n") if x.strip()], ledger, res.changes)
    drafts = split_page(lines, ledger)
    drafts, moved = reassemble(drafts)
    if moved:
        res.changes["reassemble_blocks"] = moved
    curation = curation or {}
    if curation.get("split_before"):
        drafts, hits = split_at(drafts, curation["split_before"])
        for text, n in hits.items():
            if not n:
                res.problems.append(Problem(seed.name, "curation", f"split_before {text[:30]!r} matches no paragraph",
                                            f"split_before {text[:30]!r} 没有匹配任何段落"))
            elif n > 1:   # a short beginning split the file at every paragraph it opens, and renumbered it
                res.problems.append(Problem(
                    seed.name, "curation", f"split_before {text[:30]!r} matches {n} paragraphs and starts an article at "
                                           "each; a longer beginning picks one",
                    f"split_before {text[:30]!r} 匹配了 {n} 个段落，每处都另起一篇；写得更长一些可只匹配一处"))
    if not drafts:
        res.problems.append(Problem(seed.name, "no-text", "no article text left after cleaning (only boilerplate or metadata)",
                                   "清理后没有正文（只有网页模板内容或元数据）"))
        res.ledger = dict(ledger)
        return res
    if len(drafts) > 1:
        res.changes["split_articles"] = len(drafts)
    for part, d in enumerate(drafts):
        art = _finish(seed, part, d, script, rights, credits, ledger, res)
        body = [p for p in art.paragraphs if not p.startswith(("## ", "### "))]
        if not body or (len(body) == 1 and is_heading_like(body[0]) and art.title_derived):
            res.problems.append(Problem(seed.name, "title-only", f"article {part + 1} ({art.title[:30]}) has only a headline, no text",
                                       f"第 {part + 1} 篇（{art.title[:30]}）只有标题，没有正文"))
        over = (curation.get("articles") or {}).get(part)
        res.articles.append(apply_overrides(art, over) if over else art)
    for part in sorted(p for p in curation.get("articles") or {} if p >= len(drafts)):
        res.problems.append(Problem(
            seed.name, "curation",
            f"curation overrides part {part}, but the seed has {len(drafts)} article(s) (parts 0–{len(drafts) - 1}); not applied",
            f"编校文件修改第 {part} 部分（即第 {part + 1} 篇），但本文件只有 {len(drafts)} 篇；未应用"))
    if len(res.articles) > 1:   # a file of one article opens at it anyway
        res.articles = _with_raw_lines(res.articles, seed.original or seed.text, seed.text, traditional=converted)
    res.ledger = dict(ledger)
    if not any(_ANY_CJK.search(p) for a in res.articles for p in a.paragraphs):
        res.problems.append(Problem(seed.name, "no-chinese", "article has no Chinese text", "文章没有中文内容"))
    res.fingerprints = [fingerprints(a.text) for a in res.articles]
    return res


def _with_raw_lines(articles: list[Article], original: str, body: str, traditional: bool) -> list[Article]:
    """The articles with the seed file's line where each begins (``locate``): found by its title as
    the source gave it, else by its first paragraph, in the text after the front matter (whose
    ``title:`` line would otherwise be found); ``body`` is that text, the end of ``original``."""
    lines = file_lines(original)
    skip = len(lines) - len(file_lines(body))
    if traditional:   # compared in simplified script, line for line
        converted = file_lines(convert.to_simplified(original))
        lines = converted if len(converted) == len(lines) else lines
    bodies = [[p for p in a.paragraphs if not p.startswith(("## ", "### "))] for a in articles]
    openings = [_source_headline(a) + body[:1] for a, body in zip(articles, bodies)]
    index = squeeze(lines[skip:])
    begins = article_lines(lines[skip:], openings, first_line=skip + 1, index=index)
    ordered = in_file_order(lines[skip:], bodies, begins, first_line=skip + 1, index=index)
    # A reader sent to the line would take the lines after it for the article (a user's review): say
    # when they are not.
    return [a.with_(raw_line=n, notes=a.notes if whole else a.notes + (SCATTERED_NOTE.format(n),))
            for a, n, whole in zip(articles, begins, ordered)]


def _source_headline(a: Article) -> list[str]:
    """The headline the source gave the article, if it gave one: its title, or under a curator's
    title the heading ``apply_overrides`` kept at the top."""
    if "title" not in a.curated:
        return [] if a.title_derived else [a.title]
    return [a.paragraphs[0][3:]] if a.paragraphs and a.paragraphs[0].startswith("## ") else []


SCATTERED_NOTE = "本文在来源文件中不是连续的一段（版面错位，段落经重新拼合）：原始文本第 {} 行起只是其开头，其余段落在文件他处。"


_SPACES = re.compile(r"\s+")


def _same_headline(headline: str, given: str) -> bool:
    """The page's headline (simplified) and a front-matter title (as written) say the same, in
    either script and whatever the spacing."""
    return _SPACES.sub("", headline) == _SPACES.sub("", convert.to_simplified(given))


def split_at(drafts: list, beginnings: list[str]) -> tuple[list, dict[str, int]]:
    """Curator split points: a new article starts at a paragraph beginning with the given text.
    Returns the drafts and how many paragraphs each beginning matched.  The text is compared as the
    curator copied it from the seed or the page: without punctuation, spaces or pinyin annotations,
    in simplified script (text copied from the seed, with its ASCII commas or 協(xié), matched
    nothing: a curator's review)."""
    from .split import Draft

    keys = {b: _split_key(b) for b in beginnings}
    hits: dict[str, int] = {b: 0 for b in beginnings}
    out = []
    for d in drafts:
        cur = d
        out.append(cur)
        k = 0
        while k < len(cur.lines):
            line = _split_key(cur.lines[k])
            hit = next((b for b in beginnings if keys[b] and line.startswith(keys[b])), None)
            if hit and k > 0:
                # The page's date and publisher go with the part split off (a curator's review: the
                # parts of 004's 人民政协网北京6月14日电 were cited 出版日期不详, [出版者不详]); a
                # byline stays with the part it heads, and so does a 本报讯 lead's date: it is the
                # day of that piece's event.
                page_date = cur.date_source != "lead"
                new = Draft(lines=cur.lines[k:], led=True, split_by_curator=True, publisher=cur.publisher,
                            **({"date": cur.date, "date_text": cur.date_text, "date_source": cur.date_source}
                               if page_date else {}))
                del cur.lines[k:]
                out.append(new)
                cur, k = new, 0
            if hit:
                hits[hit] += 1
            k += 1
    return out, hits


_NOT_SPLIT_KEY = re.compile(r"[^\w]|_")


def _split_key(text: str) -> str:
    """``text`` reduced to its characters, letters and digits, simplified (see ``split_at``)."""
    return _NOT_SPLIT_KEY.sub("", convert.to_simplified(remove_pinyin_annotations(text)))


def apply_overrides(art: Article, over: dict) -> Article:
    """A curator's corrections win over detection, and say so."""
    from .tag.gazetteer import load_gazetteer
    from .tag.regions import to_region

    fields = {}
    if "title" in over:
        fields.update(title=over["title"].strip(), title_derived=False)
        if not art.title_derived and not _same_headline(art.title, fields["title"]):
            # The source's own headline stays, as a heading at the top of the text, as under a
            # front-matter title (a curator's title hid it everywhere: a review).
            fields["paragraphs"] = ("## " + art.title,) + art.paragraphs
    if "regions" in over:
        gaz = load_gazetteer()
        fields["regions"] = tuple(to_region(str(c), gaz) for c in over["regions"])
        fields["region_evidence"] = ("curation",)
    if "topics" in over:
        fields.update(topics=tuple(over["topics"]), topic_cues=tuple((t, ("curation",)) for t in over["topics"]),
                      topics_mentioned=tuple(t for t in art.topics + art.topics_mentioned if t not in over["topics"]))
    if "level" in over:
        fields["level"] = over["level"]
    return art.with_(curated=tuple(sorted(set(over) | set(art.curated))), **fields)


def _strip_boilerplate(lines: list[str], ledger: Ledger, changes: dict) -> tuple[list[str], Optional[str], list[str]]:
    rules = load_rules()
    kept, rights, credits = [], None, []
    previous, taken = None, 0   # the last rule matched, and how many lines followed it under its ``then``
    for line in lines:
        rule = match_rule(line, rules)
        if rule is not None:
            taken = 0
        elif (previous is not None and previous.then is not None and previous.then.search(line)
              and (not previous.then_max or taken < previous.then_max)):
            rule, taken = previous, taken + 1   # 本版文字: 韩云拴 … / 张军 李平; 相关新闻 / a title
        previous = rule
        if rule is None:
            kept.append(line)
            continue
        ledger.move(f"boilerplate:{rule.name}", line)
        changes[f"boilerplate:{rule.name}"] = changes.get(f"boilerplate:{rule.name}", 0) + 1
        if rule.action == "rights" and rights is None:
            rights = line
        elif rule.action == "credits":
            credits.append(line)
    return kept, rights, credits


_ANY_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")  # the range cjk_count counts
_SECTION = re.compile(r"^[\u4e00-\u9fff]{2,12}政协[：:]?$")


def _finish(seed: SeedFile, part: int, d, script: str, rights, credits, ledger: Ledger, res: SeedResult) -> Article:
    title, derived = take_title(d, ledger)
    fm = dict(seed.front_matter)
    headline = None
    if fm.get("title") and part == 0:
        if not derived and not _same_headline(title, fm["title"]):
            # The page's own headline stays, as a heading under the front matter's title (added
            # after the paragraph joins below: it must not be joined to the text under it).
            headline = title
            ledger["title"] -= cjk_count(title)
            if not ledger["title"]:
                del ledger["title"]
        title, derived = fm["title"], False
    lines, rejoined = rejoin_displaced_fragments(d.lines)
    if rejoined:
        res.changes["reassemble_blocks"] = res.changes.get("reassemble_blocks", 0) + rejoined
    lines, joins = join_broken_paragraphs(lines)
    if joins:
        res.changes["join_broken_paragraphs"] = res.changes.get("join_broken_paragraphs", 0) + joins
    removed_before = ledger.get("dedupe_repeated_paragraphs", 0)
    gaps: list[int] = []
    lines = dedupe_paragraphs(lines, ledger, gaps)
    if ledger.get("dedupe_repeated_paragraphs", 0) > removed_before:
        res.changes["dedupe_repeated_paragraphs"] = res.changes.get("dedupe_repeated_paragraphs", 0) + 1
    paragraphs = _with_headings(lines)
    # The body paragraph numbers (as the page's ¶ anchors count) of the lines a cut repeat left broken.
    body_lines = [i for i, p in enumerate(paragraphs) if not p.startswith(("## ", "### "))]
    gap_numbers = [n for n, i in enumerate(body_lines, 1) if i in gaps]
    if headline is not None:
        paragraphs = ("## " + headline,) + paragraphs
    notes = list(d.notes)
    if d.continued_from:
        notes.append(f"本文上接第{d.continued_from}版，开头部分不在本来源文件中。")
    body = [p for p in paragraphs if not p.startswith(("## ", "### "))]
    starts_mid = bool(body) and body[0][:1] in "，、。；：”）"
    may_start_mid = not starts_mid and bool(body) and part == 0 and d.led and _starts_mid_sentence(body[0])
    if starts_mid:
        notes.append("本文开头缺失：来源文本从句子中间开始。")
    elif may_start_mid:
        notes.append("本文开头可能缺失：首段似从句子中间开始。")
    # Not for a possible mid-sentence start: it is a guess (近日， opens many a whole article).
    beginning_missing = bool(d.continued_from or starts_mid)
    if body and body[-1][-1:] not in _SENTENCE_END and not _KEY_VALUE_LINE.match(body[-1]):
        notes.append("本文结尾缺失：来源文本在句子中间中断，后续可能在他处。")
    lost = [n for n, p in enumerate(body, 1) if "□" in p] if res.changes.get("unrecoverable_characters") else []
    undecodable = [n for n, p in enumerate(body, 1) if "\ufffd" in p]   # read.decode's bad bytes
    for numbers, what in ((interrupted_paragraphs(body), "在句子中间中断，其后的原文可能缺失（按来源文本照录）。"),
                          (fragment_paragraphs(body), "从句子中间开始（引号未开先闭），其前的原文可能缺失（按来源文本照录）。"),
                          (gap_numbers, "删去了来源文本重复前文的一段文字，该处句子不完整，原文可能缺失。"),
                          (lost, "中的 □ 是来源文件里无法恢复的乱码字符（原字不详），不是缺字体。"),
                          (undecodable, "中的 � 是来源文件里无法解码的字节（原字不详）。")):
        if numbers:   # 第 3 段、第 7 段…, as the page's ¶ anchors count
            notes.append("、".join(f"第 {n} 段" for n in numbers) + what)
    if res.changes.get("repair_gbk_mojibake"):
        # A repair is a best reading of damaged bytes, and one that lost a byte pair cannot be told
        # from a sound one (seed 004: 拾山区 for 石景山区), so a reader who quotes is told to check.
        notes.append(f"来源文件中有 {res.changes['repair_gbk_mojibake']} 处 GBK 乱码经自动修复，个别字词可能有误，"
                     "引用前请对照原始文本。")
    authors = tuple(d.authors)
    date, date_text, date_source = d.date, d.date_text, d.date_source
    if fm.get("date"):
        date, date_source = fm["date"], "front_matter"
        date_text = date_text or fm["date"]
    art = Article(
        source_file=seed.name,
        part=part,
        title=title,
        title_derived=derived,
        beginning_missing=beginning_missing,
        paragraphs=paragraphs,
        script=script,
        authors=authors,
        # ``captions`` keeps the page credits on the first article (articles.json as before);
        # ``credits`` carries them on every article of the page.
        captions=tuple(d.captions) + (tuple(credits) if part == 0 else ()),
        credits=tuple(credits),
        notes=tuple(notes),
        original_keywords=tuple(d.keywords),
        date=date,
        date_text=date_text,
        date_source=date_source if date or date_text else None,
        publisher=fm.get("publisher") or d.publisher or publisher_of_rights(rights),
        source_url=fm.get("source_url"),
        page=fm.get("page"),
        rights=rights,
        id=article_id(seed.name, part),
        curated=("split_before",) if d.split_by_curator else (),
    )
    return tag_article(art, tuple(d.author_titles))


# 中国西藏新闻网版权所有 / 版权所有：人民政协报社 / ©2024 某某网: the holder of a copyright line.
_RIGHTS_HOLDER = (re.compile(r"^(?:©\s*\d{0,4}\s*)?([\u4e00-\u9fff]{2,20}?)\s*(?:版权所有|©)"),
                  re.compile(r"版权所有\s*[:：]?\s*(?:©\s*)?\d{0,4}\s*([\u4e00-\u9fff]{2,20})"))
_PUBLISHER_NAME = re.compile(r"[\u4e00-\u9fff]{2,20}(?:网|报|报社|社|台|电视台|杂志|周刊|日报|晚报|新闻|传媒|出版社)")


def publisher_of_rights(rights: Optional[str]) -> Optional[str]:
    """The publisher named by a copyright line, when the page names none otherwise: a name that ends
    like a publisher's (…网, …报, …社, …台), never a phrase of the notice itself.

    >>> publisher_of_rights("中国西藏新闻网版权所有，未经协议授权，禁止建立镜像")
    '中国西藏新闻网'
    >>> publisher_of_rights("版权所有：人民政协报社"), publisher_of_rights("未经许可不得转载"), publisher_of_rights(None)
    ('人民政协报社', None, None)
    >>> [publisher_of_rights(x) for x in ("版权所有 违者必究", "本网站版权所有", "本站版权所有", "版权所有©中国政协网")]
    [None, None, None, '中国政协网']
    """
    for pattern in _RIGHTS_HOLDER:
        m = pattern.search(rights or "")
        name = m.group(1) if m else ""
        if _PUBLISHER_NAME.fullmatch(name) and not name.startswith(("本网", "本站", "本报", "本刊")):
            return name
    return None


_SENTENCE_END = "。！？”’）」』…—》"


def interrupted_paragraphs(body: list[str]) -> list[int]:
    """Numbers (from 1, as the page's ¶ anchors count) of paragraphs before the last that stop in
    the middle of a sentence: ending on a comma, or a paragraph of 40 characters or more ending
    without a closing mark.  Shorter unpunctuated lines are subheadings (那曲市政协).

    >>> interrupted_paragraphs(["“推动‘界别同心汇’提质扩面，关键是解决好联系谁、怎么联系、谁来联系的问题。”"
    ...                         "省政协党组指路子，委员活动工作室探索“求解”，给",   # seed 003
    ...                         "坚持强基固本 抓好自身建设", "那曲市政协", "打铁还需自身硬。",
    ...                         "探索建立“政协党组+政协专委会，", "最后一段的中断另有说明"])
    [1, 5]
    """
    out = []
    for n, p in enumerate(body[:-1], 1):
        last = p[-1:]
        if last in "，、" or (len(p) >= 40 and last not in _SENTENCE_END and last not in "：；"):
            out.append(n)
    return out


def fragment_paragraphs(body: list[str]) -> list[int]:
    """Numbers (from 1) of paragraphs after the first that close a quotation they never opened: the
    tail of a sentence whose beginning was lost when a page was scrambled (Chinese quotations open
    each paragraph of a long quote again, so a sound paragraph never closes one first).

    >>> fragment_paragraphs(["那曲市政协深刻把握政协性质定位。", "“两支队伍”建设。",
    ...                      "境 助推民营经济高质量发展”举行协商会，市委、市政府主要领导与政协委员面对面座谈。"])  # seed 000
    [3]
    """
    out = []
    for n, p in enumerate(body[1:], 2):
        close = p.find("”")
        if close != -1 and not 0 <= p.find("“") < close:
            out.append(n)
    return out


# A last line of items, not a sentence: 时间：2024年6月15日 地点：宁波市政协会议中心 ends a notice whole
# (a review found it noted as an ending cut off).
_KEY_VALUE_LINE = re.compile(r"^[\u4e00-\u9fff]{2,4}[：:][^，。；]{1,60}$")


def _starts_mid_sentence(p: str) -> bool:
    """计划，使协商课题… : a first clause of one to three characters before a comma, unless it is a
    word that opens whole articles (近日，…: a curator's review found it noted as a missing opening).

    >>> _starts_mid_sentence("计划，使协商课题与党委决策部署同频共振"), _starts_mid_sentence("近日，成都市政协召开")
    (True, False)
    """
    m = re.match(r"^([\u4e00-\u9fff]{1,3})[，、]", p)
    return bool(m) and m.group(1) not in ARTICLE_OPENERS


# Time and setting words a whole news article opens with, before a comma; not connectives (其次，
# 此外，因此，…), which point back to text before them (a review: they hid real missing openings).
ARTICLE_OPENERS = frozenset(
    "近日 日前 近期 近来 连日 连日来 今年 去年 今天 昨天 今日 昨日 目前 当前 眼下 如今 "
    "近年 近年来 多年来 据悉 今年来 年初 年底 岁末 新春 春节 节前".split())


# More headings than this on one page are not a page's structure but a list of short lines (and
# MkDocs' table of contents is quadratic in them).
HEADINGS_MAX = 100


def _with_headings(lines: list[str]) -> tuple[str, ...]:
    """The lines with headings marked (``_mark_heading``), unless that would make more than two
    thirds of them headings, or more than ``HEADINGS_MAX``: a page of short lines is a list, not
    sections.  Sections alternate with their text; with sub-headings, as in seed 000's
    那曲/拉萨/昌都 pieces (22 headings in 42 lines), a section and its first sub-heading share one."""
    marked = tuple(_mark_heading(x, i, lines) for i, x in enumerate(lines))
    headings = sum(1 for x in marked if x.startswith(("## ", "### ")))
    if headings > min(HEADINGS_MAX, max(3, 2 * len(lines) // 3)):
        return tuple(lines)
    if not any(x.startswith("## ") for x in marked):
        # Without a section level, the headings are the article's sections: level 2 under its
        # title, not level 3 (a screen reader's outline had skipped a level).
        marked = tuple("## " + x[4:] if x.startswith("### ") else x for x in marked)
    return marked


def _mark_heading(line: str, i: int, lines: list[str]) -> str:
    """Sections named after a CPPCC body (那曲市政协, 西城区政协：) are level 2, other headings level 3.

    A heading needs text under it: the next line, or the one after a sub-heading.
    """
    if i + 1 >= len(lines):
        return line
    following = lines[i + 1: i + 3]
    if all(is_heading_like(x) for x in following):
        return line
    if _SECTION.match(line):
        return "## " + line.rstrip("：:")
    if is_heading_like(line):
        return "### " + line
    return line


def tag_article(art: Article, author_titles: tuple[str, ...] = ()) -> Article:
    body = art.text
    reg = tag_regions(art.title, body, author_titles)
    topics, cues, mentioned = score_all_topics(art.title, body)
    people = find_people(body, art.authors, author_titles)
    return art.with_(
        regions=reg.regions,
        level=reg.level,
        region_evidence=reg.evidence,
        topics=topics,
        topic_cues=cues,
        topics_mentioned=mentioned,
        keywords=kw.keywords(art.title + "\n" + body),
        people=people,
    )


# ---------------------------------------------------------------- phase 2

def gather(seeds_dir: Path, jobs: int = 1, progress=None, curation: Optional[dict] = None,
           cache_dir: Optional[Path] = None, keep_raw: bool = True, freeze_hits: bool = False) -> list[SeedResult]:
    """Phase 1 over every path under ``seeds_dir``, in a stable order.

    With ``cache_dir``, a seed whose bytes, name, curation entry and the
    code/data version are unchanged is not processed again.  ``keep_raw=False``
    drops each decoded original as soon as its seed is done (a build that links
    the originals in the repository never publishes them; at 10,000 seeds they
    are about 150 MB of the build's memory).  ``freeze_hits``: the cache hits loaded in this process
    go to the garbage collector's permanent generation (``gc.freeze``) before collection resumes,
    for a caller that keeps them to the end and unfreezes then (the build: see ``cli.run``).
    """
    import time

    from .read import Unreadable, discover, display_name

    started, started_ns = time.time(), time.time_ns()
    tasks, results = [], []   # results: (discovery index, SeedResult)
    renamed: set[str] = set()
    rel_names: dict[int, str] = {}   # discovery index → the seed's path under seeds_dir
    for i, item in enumerate(discover(seeds_dir)):
        if isinstance(item, Unreadable):
            results.append((i, SeedResult(name=item.name, problems=[item.problem])))
        else:
            raw_name = item.relative_to(seeds_dir).as_posix()
            name = display_name(raw_name)
            if name != raw_name:
                renamed.add(name)
            rel_names[i] = raw_name
            tasks.append((item, name, (curation or {}).get(name), str(cache_dir) if cache_dir else None, keep_raw, i))
    # A folder that could not be listed may hold seeds whose entries are still good.
    unlisted = any(r.problems[0].kind in ("unreadable", "permission") for _, r in results)
    used_keys: set[str] = set()
    tasks_all = len(tasks)
    curations = {t[-1]: t[2] for t in tasks}
    identities = {t[-1]: _identity(t[0]) for t in tasks} if cache_dir is not None else {}   # before any read
    if cache_dir is not None and _cache_is_warm(cache_dir):
        # Cache hits are loaded here: a worker would load each one, then pickle it back through a pipe
        # (at 10,000 seeds 5.1 s on two workers against 1.5 s here).  Misses go to the workers.  With
        # one job a seed whose identity is not the recorded one is left to the loop below, which reads
        # it once, whether it is a hit or not.
        from .cache import SeedStats

        seed_stats = SeedStats.load(Path(cache_dir))
        with gc_paused():
            hits = [(t, _trusted_hit(t, seed_stats, rel_names, identities) or (_cached_hit(t) if jobs > 1 else None))
                    for t in tasks]
            if freeze_hits:
                # Loaded with collection paused, they are all still in the youngest generation: the
                # first collections after it resumes would walk millions of objects (at 10,000 seeds
                # phase 1 of a rebuild 2.4-2.7 s with them, 2.0-2.1 s frozen, three runs each).
                gc.freeze()
        _collect(((t[-1], h) for t, h in hits if h is not None), results, used_keys, progress)
        tasks = [t for t, h in hits if h is None]
    if jobs > 1 and len(tasks) > 1:
        with ProcessPoolExecutor(max_workers=jobs, initializer=die_with_parent) as pool:
            done = pool.map(_process_task, tasks, chunksize=max(1, len(tasks) // (jobs * 8)))
            _collect(zip((t[-1] for t in tasks), done), results, used_keys, progress)
    else:   # in this process: a hit's texts are read when first used, as the pre-pass's are
        _collect(((t[-1], _process_task(t, text=False)) for t in tasks), results, used_keys, progress)
    if cache_dir is not None and not unlisted and len(used_keys) == tasks_all:
        # Entries of edited and removed seeds go; not after a build that could not read a seed (its
        # entry is still good for the next one), nor ones stored since this build began (by another).
        from . import cache

        cache.sweep(Path(cache_dir), used_keys, older_than=started)
    if cache_dir is not None:
        _record_identities(Path(cache_dir), rel_names, curations, identities, results, started_ns)
    for _, r in results:
        if r.name in renamed:
            r.problems.append(Problem(r.name, "file-name", "file name is not valid UTF-8; undecodable bytes are shown as �",
                                      "文件名不是有效的 UTF-8，无法解码的字节显示为 �"))
    # By name; two paths with the same shown name (undecodable bytes) stay in discovery order,
    # whichever of them came from the cache.
    results.sort(key=lambda x: (x[1].name, x[0]))
    return [r for _, r in results]


@contextmanager
def gc_paused():
    """No cyclic garbage collection meanwhile.  Unpickling 10,000 cache entries makes millions of
    objects and no cycles, but every 700 allocations start a collection, and the full ones walk
    everything loaded so far: at 10,000 seeds phase 1 of a rebuild took 3.7–4.3 s with them and
    2.6 s without (alternately, in one process)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _collect(done, results: list, used_keys: set, progress) -> None:
    for index, (result, key) in done:
        results.append((index, result))
        if key:
            used_keys.add(key)
            result.key = key
        if progress:
            progress()


def _cache_is_warm(cache_dir) -> bool:
    from . import cache

    return cache.entries_dir(Path(cache_dir)).is_dir()


def _identity(path: Path) -> Optional[list[int]]:
    from .cache import stat_identity

    try:
        return stat_identity(path.stat())
    except OSError:   # the read reports it
        return None


def _trusted_hit(task: tuple, seed_stats, rel_names: dict, identities: dict) -> Optional[tuple[SeedResult, str]]:
    """The cached result of a seed whose file is as the last build recorded it, found without
    reading the file (``cache.SeedStats``), or ``None``."""
    from . import cache

    _, _, cur, cache_dir, keep_raw, index = task
    key = seed_stats.key(rel_names[index], identities.get(index), cur)
    hit = cache.load(cache_dir, key, raw=keep_raw, text=False) if key else None
    if hit is None:
        return None
    hit.from_cache, hit.identity = True, identities.get(index)   # the identity the key was recorded with
    return hit, key


def _record_identities(cache_dir: Path, rel_names: dict, curations: dict, identities: dict, results: list,
                       started_ns: int) -> None:
    from .cache import SeedStats

    stats = SeedStats({})
    for index, result in results:
        if result.key:
            stats.note(rel_names[index], result.identity, curations.get(index), result.key, started_ns)
    stats.save(cache_dir)


def _cached_hit(task: tuple) -> Optional[tuple[SeedResult, str]]:
    """``_process_task(task)`` when the seed's result is in the cache, else ``None`` (a seed that
    cannot be read is left to the worker, which reports it)."""
    path, name, cur, cache_dir, keep_raw, _ = task
    _, key, hit, _ = _cache_lookup(path, name, cur, cache_dir, keep_raw, text=False)
    return (hit, key) if hit is not None else None


def _process_task(task: tuple, text: bool = True) -> tuple[SeedResult, str]:
    """One seed's result, and its cache key ("" without a cache or when the seed cannot be read); a
    hit's texts loaded now unless ``text`` is false (see ``cache.load``)."""
    path, name, cur, cache_dir, keep_raw, _ = task
    result, key = _cached_result(path, name, cur, cache_dir, keep_raw, text)
    return _without_raw(result, keep_raw), key


def _without_raw(result: SeedResult, keep_raw: bool) -> SeedResult:
    if not keep_raw:
        result.raw_text = None
    return result


def _cache_lookup(path: Path, name: str, cur: Optional[dict], cache_dir: str, keep_raw: bool = True,
                  text: bool = True):
    """(the seed's bytes or the Problem reading them, its cache key or "", the cached result or None,
    the identity of the file read; the result's decoded original only with ``keep_raw``, its articles'
    texts read when first used without ``text``: see ``cache.load``)."""
    from . import cache

    opened: list = []
    data = reader.read_bytes(path, name, reader.MAX_BYTES, stat_out=opened)
    if isinstance(data, Problem):
        return data, "", None, None
    # Taken from the open file, not the path: a symbolic link pointed elsewhere meanwhile must not
    # record one file's identity with another's key.
    identity = cache.stat_identity(opened[0]) if opened else None
    key = cache.key(data, name, cur)
    hit = cache.load(cache_dir, key, raw=keep_raw, text=text)
    if hit is not None:
        hit.from_cache, hit.identity = True, identity
    return data, key, hit, identity


def _cached_result(path: Path, name: str, cur: Optional[dict], cache_dir: Optional[str],
                   keep_raw: bool = True, text: bool = True) -> tuple[SeedResult, str]:
    if cache_dir is None:
        return process_path(path, name, cur), ""
    from . import cache

    data, key, hit, identity = _cache_lookup(path, name, cur, cache_dir, keep_raw, text)
    if isinstance(data, Problem):
        return SeedResult(name=name, problems=[data]), ""
    if hit is not None:
        return hit, key
    result = process_bytes(data, name, cur)
    if not any(p.kind == "internal-error" for p in result.problems):  # a crash is never cached
        cache.store(Path(cache_dir), key, result)   # with the original: the next build may publish it
    result.identity = identity
    return result, key


SKETCH = 16  # bottom-k sketch size
BAND = 4  # sketch values per LSH band


def fingerprints(text: str) -> array:
    """Hashes of an article's sentences (CJK and digits only), or of 8-character
    shingles when it has too few sentences, sorted and distinct.  crc32 keeps them
    identical across runs; an array of 4-byte values, not a set of ints, because at
    10,000 seeds the sets alone were 120 MB of the build's peak."""
    core = re.sub(r"[^\u3400-\u9fff0-9A-Za-z。！？；\n]", "", text)
    parts = [p for p in re.split(r"[。！？；\n]", core) if len(p) >= 8]
    if len(parts) < 3:
        flat = re.sub(r"[。！？；\n]", "", core)
        parts = [flat[i:i + 8] for i in range(0, max(0, len(flat) - 7))]
    return array("I", sorted({zlib.crc32(p.encode("utf-8")) for p in parts}))


def jaccard(a: array, b: array) -> float:
    union = len(a) + len(b)
    if not union:
        return 0.0
    common = len(set(a).intersection(b))
    return common / (union - common)


def near_duplicates(articles: list[Article], prints: list[array]) -> dict[str, str]:
    """Map a duplicate article's id to the id of the article kept (the first by file and part).

    Texts are compared in simplified script, so a traditional copy of a
    simplified article is found too.  Each article gets a bottom-k sketch of
    its sentence hashes; articles whose sketches agree on a whole band are
    candidates (locality-sensitive hashing, linear in the corpus), and a
    candidate pair is a duplicate when the Jaccard similarity of the full
    sentence sets is at least 0.8.  Paragraphs shared with many other
    articles do not make two articles candidates unless a whole band matches.
    """
    assert len(prints) == len(articles), "one fingerprint per article (made in phase 1)"
    order = sorted(range(len(articles)), key=lambda i: (articles[i].source_file, articles[i].part))
    rank = {i: r for r, i in enumerate(order)}
    buckets: dict[tuple, list[int]] = {}
    for i in order:
        sketch = prints[i][:SKETCH]
        if len(sketch) < 2:
            continue
        for b in range(0, len(sketch), BAND):
            buckets.setdefault((b, *sketch[b:b + BAND]), []).append(i)
    dup: dict[str, str] = {}
    index_of = {a.id: i for i, a in enumerate(articles)}
    checked: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2 or len(members) > 200:
            continue
        for x in range(len(members)):
            i = members[x]
            for j in members[x + 1:]:
                a, b = (i, j) if rank[i] < rank[j] else (j, i)
                if (a, b) in checked:
                    continue
                checked.add((a, b))
                if jaccard(prints[a], prints[b]) >= 0.8:
                    keep = a
                    while articles[keep].id in dup:  # chains resolve to the first copy
                        keep = index_of[dup[articles[keep].id]]
                    if articles[b].id not in dup and keep != b:
                        dup[articles[b].id] = articles[keep].id
    return dup


def assemble(results: list[SeedResult]) -> tuple[list[Article], dict]:
    """Whole-corpus step: drop near-duplicates (listing them in also_in) and build the report."""
    articles = [a for r in results for a in r.articles]
    dup = near_duplicates(articles, [f for r in results for f in r.fingerprints])
    by_id = {a.id: a for a in articles}
    also: dict[str, list[str]] = {}
    for d, keep in dup.items():
        also.setdefault(keep, []).append(by_id[d].source_file)
    kept = []
    changes_of = {r.name: tuple(sorted(r.changes.items())) for r in results}
    for a in articles:
        if a.id in dup:
            continue
        extra = tuple(sorted(set(also.get(a.id, [])) - {a.source_file}))
        # Text fixers run per file, so an article carries its file's fixer counts.
        kept.append(a.with_(also_in=extra, changes=changes_of.get(a.source_file, ())))
    kept.sort(key=lambda a: a.id)
    files = []
    problems_total = 0
    for r in results:
        probs = list(r.problems)
        for a in r.articles:
            if a.id in dup:
                probs.append(Problem(r.name, "duplicate", f"article {a.part + 1} ({a.title[:30]}) duplicates {by_id[dup[a.id]].source_file}; kept once, listed in also_in",
                                     f"第 {a.part + 1} 篇（{a.title[:30]}）与 {by_id[dup[a.id]].source_file} 重复，只保留一篇，记入 also_in"))
            if not a.regions and a.level != "全国":
                probs.append(Problem(r.name, "region-unknown", f"article {a.part + 1} ({a.title[:30]}): no region found; tagged 地区/未知",
                                     f"第 {a.part + 1} 篇（{a.title[:30]}）未识别出地区，标为“地区/未知”"))
        problems_total += len(probs)
        files.append({
            "file": r.name,
            "encoding": r.encoding,
            "encoding_confidence": r.encoding_confidence,
            "bytes": r.size,
            "sha256": r.sha256,
            "articles": [a.id for a in r.articles if a.id not in dup],
            "duplicates": [a.id for a in r.articles if a.id in dup],
            "problems": [p.as_dict() for p in probs],
            "changes": dict(sorted(r.changes.items())),
            "cjk_input": r.input_cjk,
            "cjk_moved": dict(sorted(r.ledger.items())),
        })
    report = {
        "totals": {
            "files": len(results),
            "articles": len(kept),
            "duplicates": len(dup),
            "problems": problems_total,
            "files_without_articles": sum(1 for f in files if not f["articles"] and not f["duplicates"]),
        },
        "files": files,
    }
    return kept, report
