"""One cleaned page → one or more articles.

A newspaper page holds several articles.  An article starts where a lead
appears (a ``□`` byline, ``本报讯（记者…）``, ``本报记者 …``, a dateline
``…网北京6月14日电``, or a ``（上接1版）`` continuation); the short headline
lines right above the lead are its title.  Inside an article, short lines
without sentence punctuation are section headings, paragraphs broken in
the middle of a word are re-joined, and passages repeated by extraction
appear once.  Every line that leaves a body is counted in the ledger under
the name of the step that moved it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from .clean import cjk_count
from .clean.metadata import Found, recognise
from .model import Author

# A paragraph ending in one of these ends a sentence (or deliberately leads on).
TERMINAL = set("。！？”’）」』…—：；》】")
HEADING_MAX = 36


def is_heading_like(line: str) -> bool:
    """Short, and not a sentence: a headline or section heading.

    >>> is_heading_like("紧紧围绕中心大局 全面展现政协担当")
    True
    >>> is_heading_like("效”转变提升。")
    False

    A line ending in a dash leads into what follows (seed 003):

    >>> is_heading_like("会上，各市政协秘书长介绍了特色履职工作和机关建设经验做法——")
    False
    """
    if not line or len(line) > HEADING_MAX or cjk_count(line) < 2:
        return False
    if line[-1] in "。！？；：，、…—" or "。" in line:
        return False
    if line.count("，") > 1:
        return False
    return True


def _is_subtitle(line: str) -> bool:
    """A ——subtitle under a headline (not a ——-led body paragraph)."""
    return line.startswith("——") and len(line) <= 48 and "。" not in line


@dataclass
class Draft:
    title_lines: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    publisher: Optional[str] = None
    date: Optional[str] = None
    date_text: Optional[str] = None
    date_source: Optional[str] = None
    author_titles: list[str] = field(default_factory=list)
    continued_from: Optional[str] = None
    led: bool = False  # started by a lead line
    split_by_curator: bool = False  # started at a curator's split point (curation's split_before)
    note_index: Optional[int] = None  # body lines after an author note (作者系…) are not this piece's
    # Authors signed at the end of a body line ("…委员作业”。（刘惠娟）"): (line, authors), so that
    # they follow the line when re-assembly moves it to another article.
    line_authors: list[tuple[str, list[Author]]] = field(default_factory=list)
    lead_authors: set[Author] = field(default_factory=set)  # named anywhere else (a byline line …)


class Ledger(Counter):
    """CJK characters moved out of article bodies, by the step that moved them."""

    def move(self, step: str, text: str) -> None:
        n = cjk_count(text)
        if n:
            self[step] += n


def split_page(lines: list[str], ledger: Ledger) -> list[Draft]:
    """Split a page's lines into article drafts (at least one if any text)."""
    found = [recognise(line) for line in lines]
    drafts: list[Draft] = [Draft()]
    for i, (line, f) in enumerate(zip(lines, found)):
        cur = drafts[-1]
        if f.kind == "page_meta" and _has_text(cur):
            # A web page's 发布时间 line stands under its headline; after text it is the text's own
            # (a review: a meeting notice's 时间/来源 lines split an article and dated it).
            f = Found(line)
        if f.starts_article and _should_start_new(cur):
            new = Draft(led=True)
            _move_headline(cur, new, allow_comma=f.continued_from is None)
            drafts.append(new)
            cur = new
        _apply(cur, line, f, ledger)
    drafts = [d for d in drafts if d.lines or d.title_lines or d.captions]
    return _merge_headless_preamble(drafts)


def _should_start_new(cur: Draft) -> bool:
    # A second lead inside an article that has no body yet (a dateline right
    # after a byline) belongs to the same article.
    return _has_text(cur) if cur.led else True


def _has_text(d: Draft) -> bool:
    """Whether a draft has a line of text beyond its heading-like lines."""
    return any(not is_heading_like(x) for x in d.lines)


def _move_headline(cur: Draft, new: Draft, allow_comma: bool) -> None:
    """The heading-like lines just before a lead are the new article's title."""
    k = len(cur.lines)
    while k > 0 and len(cur.lines) - k < 3 and (is_heading_like(cur.lines[k - 1]) or _is_subtitle(cur.lines[k - 1])):
        if not allow_comma and "，" in cur.lines[k - 1]:
            break
        k -= 1
    new.title_lines = cur.lines[k:]
    del cur.lines[k:]


def _apply(d: Draft, line: str, f: Found, ledger: Ledger) -> None:
    if f.kind:
        moved = line if not f.rest else line[: len(line) - len(f.rest)] if line.endswith(f.rest) else line.replace(f.rest, "", 1)
        ledger.move(f.kind, moved)
    if f.continued_from:
        d.continued_from = f.continued_from
    for a in f.authors:
        if a not in d.authors:
            d.authors.append(a)
    if f.kind != "trailing_byline":
        d.lead_authors.update(f.authors)
    if f.caption:
        d.captions.append(f.caption)
    if f.publisher and not d.publisher:
        d.publisher = f.publisher
    if f.date_text and not d.date_text:
        d.date_text, d.date, d.date_source = f.date_text, f.date, f.date_source
    if f.keywords:
        d.keywords.extend(f.keywords)
    if f.rest:
        d.lines.append(f.rest)
        if f.kind == "trailing_byline":
            d.line_authors.append((f.rest, list(f.authors)))
    if f.author_title:
        d.author_titles.append(f.author_title)
        d.note_index = len(d.lines)


def _merge_headless_preamble(drafts: list[Draft]) -> list[Draft]:
    """Text before the first lead with no body of its own joins the next article."""
    if len(drafts) > 1 and not drafts[0].led:
        first = drafts[0]
        if not _has_text(first):
            nxt = drafts[1]
            nxt.captions = first.captions + nxt.captions
            nxt.lines = first.lines + nxt.lines  # headings the title did not take
            nxt.authors = first.authors + [a for a in nxt.authors if a not in first.authors]
            nxt.line_authors = first.line_authors + nxt.line_authors
            nxt.lead_authors |= first.lead_authors
            return drafts[1:]
    return drafts


def take_title(d: Draft, ledger: Ledger) -> tuple[str, bool]:
    """Title from the headline lines, else the leading heading lines, else derived."""
    if not d.title_lines:
        k = 0
        while k < len(d.lines) and k < 3 and (is_heading_like(d.lines[k]) or (k and _is_subtitle(d.lines[k]))):
            k += 1
        # Keep at least one body paragraph; a lone heading is a title only if text follows.
        if k and k < len(d.lines):
            d.title_lines, d.lines = d.lines[:k], d.lines[k:]
    if not d.title_lines and d.lines and _is_long_headline(d.lines[0]) and len(d.lines) > 1:
        d.title_lines, d.lines = d.lines[:1], d.lines[1:]
    if d.title_lines:
        for t in d.title_lines:
            ledger.move("title", t)
        # A page that prints its headline twice (page title and heading) gives one title.
        main = list(dict.fromkeys(t for t in d.title_lines if not t.startswith("——")))
        sub = [t.lstrip("—").strip() for t in d.title_lines if t.startswith("——")]
        title = " ".join(main) if main else sub[0]
        if main and sub:
            title += "——" + " ".join(sub)
        return title, False
    return derive_title(d.lines), True


def _is_long_headline(line: str) -> bool:
    """A page's opening line that is a long headline, not a sentence
    (在习近平新时代中国特色社会主义思想指引下 贯彻落实党的二十大精神·政协奋进新征程（西藏篇）)."""
    return len(line) <= 64 and "。" not in line and line[-1:] not in "。！？；：，、…" and line.count("，") == 0


def derive_title(lines: list[str]) -> str:
    """A title made from the first sentence, for pages printed without one."""
    text = next((x for x in lines if cjk_count(x) >= 4), lines[0] if lines else "无标题")
    sentence = re.split(r"[。！？]", text)[0]
    sentence = re.sub(r"^.{0,12}?[：:]“", "", sentence).strip("“”")
    if len(sentence) > 28:
        cut = sentence[:28]
        comma = max(cut.rfind("，"), cut.rfind("、"))
        sentence = (cut[:comma] if comma >= 10 else cut) + "…"
    return sentence or "无标题"


def join_broken_paragraphs(lines: list[str]) -> tuple[list[str], int]:
    """Re-join a paragraph cut in the middle of a word (``将进`` / ``一步``).

    Joins only when the first part is body text ending without sentence
    punctuation and the next part is body text that does not open a new
    quotation before closing one the first part left open.  A headline the
    layout dropped into the middle of a word (``研`` / headline / ``究``)
    moves above the paragraph, and the word is re-joined.

    >>> join_broken_paragraphs(["她表示，在今后的履职过程中，将进", "一步发挥好引领带动作用。"])
    (['她表示，在今后的履职过程中，将进一步发挥好引领带动作用。'], 1)
    """
    out: list[str] = []
    joins = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        prev = out[-1] if out else ""
        if prev and _dangles(prev) and not is_heading_like(prev) and is_heading_like(line) and i + 1 < len(lines) \
                and not is_heading_like(lines[i + 1]) and _joins_word(prev, lines[i + 1]):
            out[-1:] = [line, prev + lines[i + 1]]
            joins += 1
            i += 2
            continue
        if prev and _dangles(prev) and not is_heading_like(line) and _quote_ok(prev, line) and (
            not is_heading_like(prev) or ("，" in prev and _joins_word(prev, line))
        ):
            out[-1] = prev + line
            joins += 1
        else:
            out.append(line)
        i += 1
    return out, joins


_FRAGMENT_START = re.compile(r"^[\u4e00-\u9fff]{1,4}[。，、；：”]")


def rejoin_displaced_fragments(lines: list[str]) -> tuple[list[str], int]:
    """Bring back a fragment the layout moved away from the sentence it ends.

    Evidence required, all three: a paragraph ends mid-sentence (…铸牢中华民族共同),
    another paragraph elsewhere in the article starts with a short fragment
    (体意识。聚焦交流联谊…), and a dictionary word spans the seam (共同体).
    The fragment paragraph moves right after the cut and is joined to it.

    >>> rejoin_displaced_fragments(["甲。", "体意识。聚焦交流联谊汇共识。", "乙", "注重发挥好人民政协在凝心聚力方面的优势，深入开展走访慰问活动，不断铸牢中华民族共同"])
    (['甲。', '乙', '注重发挥好人民政协在凝心聚力方面的优势，深入开展走访慰问活动，不断铸牢中华民族共同体意识。聚焦交流联谊汇共识。'], 1)
    """
    lines = list(lines)
    moved = 0
    for _ in range(len(lines)):
        pair = _find_displaced(lines)
        if pair is None:
            break
        end, start = pair
        frag = lines.pop(start)
        if start < end:
            end -= 1
        lines[end] = lines[end] + frag
        moved += 1
    return lines, moved


def _find_displaced(lines: list[str]) -> Optional[tuple[int, int]]:
    for e, left in enumerate(lines):
        if not _dangles(left) or is_heading_like(left) or len(left) < 20:
            continue
        for s_, right in enumerate(lines):
            if s_ in (e, e + 1) or is_heading_like(right) or not _FRAGMENT_START.match(right):
                continue
            before = lines[s_ - 1] if s_ else ""
            if before and _dangles(before) and _joins_word(before, right):
                continue  # the fragment still follows its own cut: not displaced
            if _joins_word(left, right):
                return e, s_
    return None


def _joins_word(left: str, right: str) -> bool:
    from .reassemble import joins_word

    return joins_word(left, right)


def _dangles(line: str) -> bool:
    return bool(line) and line[-1] not in TERMINAL and not line.startswith(("## ", "### "))


def _quote_ok(first: str, second: str) -> bool:
    # Only a quotation opened near the cut matters; scraped text often has an
    # unbalanced quote somewhere earlier in a long paragraph.
    last_open = first.rfind("“")
    open_quote = last_open > first.rfind("”") and len(first) - last_open <= 20
    if not open_quote:
        return True
    i, j = second.find("”"), second.find("“")
    return i != -1 and (j == -1 or i < j)


REPEAT_MIN = 30  # characters; shorter repeats (slogans, names) are normal prose


_CLOSING = frozenset("。！？；…”’）」』")


def dedupe_paragraphs(lines: list[str], ledger: Ledger, gaps: Optional[list[int]] = None) -> list[str]:
    """Drop passages that extraction repeated inside one article.

    A run of at least ``REPEAT_MIN`` characters that already appeared earlier
    in the same article is removed from its later occurrence (a whole
    paragraph, a sentence or a clause).  Headings may repeat.  Quotations
    that two different articles cite are untouched: this works per article.
    Runs are found from clause starts (after ，。；：！？、“” or a paragraph
    start) and extended both ways, so the work is about linear in length.

    >>> led = Ledger()
    >>> dedupe_paragraphs(["奉节县政协将全面贯彻落实习近平总书记重要讲话精神，推动各项工作再上新台阶。", "坚持党的全面领导。奉节县政协将全面贯彻落实习近平总书记重要讲话精神，推动各项工作再上新台阶。"], led)
    ['奉节县政协将全面贯彻落实习近平总书记重要讲话精神，推动各项工作再上新台阶。', '坚持党的全面领导。']

    Seed 001: the repeat follows a different sentence ending in the same mark, which is kept:

    >>> dedupe_paragraphs(["不断提高参政议政水平。奉节县政协将全面贯彻落实习近平总书记重要讲话精神，推动各项工作再上新台阶。",
    ...                    "常态化开展委员读书、参政议政工作。奉节县政协将全面贯彻落实习近平总书记重要讲话精神，推动各项工作再上新台阶。"], led)[1]
    '常态化开展委员读书、参政议政工作。'

    A repeat that took the place of the source's own words leaves a sentence broken off where it
    was cut out; ``gaps`` gets the index (in the returned list) of each such line, so the reader
    is told that text may be missing there (seed 003: …研究室党支部书记[repeat]一党员委员…):

    >>> gaps = []
    >>> dedupe_paragraphs(["坚持党的全面领导，推动各项工作再上新台阶，全面贯彻落实习近平总书记重要讲话精神。",
    ...                    "成员包括各分党组书记，推动各项工作再上新台阶，全面贯彻落实习近平总书记重要讲话精神。一党员小组的体系"],
    ...                   Ledger(), gaps)[1], gaps
    ('成员包括各分党组书记一党员小组的体系', [1])
    """
    w = REPEAT_MIN
    seen: dict[str, tuple[int, int]] = {}  # window at a clause start → (line index, position)
    earlier: list[str] = []  # every line as it was, for extending a match
    out = []
    for line in lines:
        starts = _clause_starts(line)
        if is_heading_like(line) or len(line) < w:
            out.append(line)
        else:
            spans: list[tuple[int, int]] = []
            for i in starts:
                where = seen.get(line[i:i + w])
                if where is None:
                    continue
                src = earlier[where[0]]
                a, b = where[1], i
                while a > 0 and b > 0 and src[a - 1] == line[b - 1]:  # extend back
                    a, b = a - 1, b - 1
                n = 0
                while a + n < len(src) and b + n < len(line) and src[a + n] == line[b + n]:
                    n += 1
                # A mark that closes the sentence before the repeat stays with that sentence
                # (工作。奉节县… repeating 水平。奉节县… loses 奉节县…, not the 。 of 工作).
                end = b + n
                while b < end and b > 0 and line[b] in _CLOSING:
                    b += 1
                spans.append((b, end))
            removed, new = _cut_spans(line, spans)
            if removed:
                ledger.move("dedupe_repeated_paragraphs", removed)
            if new.strip("，、；：。 "):
                if gaps is not None and _breaks_a_sentence(line, spans):
                    gaps.append(len(out))
                out.append(new)
            elif new:
                ledger.move("dedupe_repeated_paragraphs", new)
        index = len(earlier)
        earlier.append(line)
        for i in starts:
            if len(line) - i >= w:
                seen.setdefault(line[i:i + w], (index, i))
    return out


_SENTENCE_CLOSED = _CLOSING - {"；"}   # a ； before a cut leaves its sentence open


def _breaks_a_sentence(line: str, spans: list[tuple[int, int]]) -> bool:
    """A cut repeat that closed the sentence it was in (ends with 。！？…) while the words before it
    do not, with text after it: what the sentence said after those words is not in the source.
    (A repeated clause cut from the middle of a sentence, 甲，[repeat，]乙, leaves it readable.)"""
    for a, b in spans:
        before, cut = line[:a].rstrip(), line[a:b].rstrip()
        if before and line[b:].strip() and cut[-1:] in "。！？…" and before[-1] not in _SENTENCE_CLOSED:
            return True
    return False


_CLAUSE_MARK = re.compile(r"[，。；：！？、“”]")


def _clause_starts(line: str) -> list[int]:
    return [0] + [m.end() for m in _CLAUSE_MARK.finditer(line) if m.end() < len(line)]


def _cut_spans(line: str, spans: list[tuple[int, int]]) -> tuple[str, str]:
    """(text inside the spans, text outside them); spans may overlap."""
    if not spans:
        return "", line
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    inside = "".join(line[a:b] for a, b in merged)
    outside, pos = [], 0
    for a, b in merged:
        outside.append(line[pos:a])
        pos = b
    outside.append(line[pos:])
    return inside, "".join(outside)
