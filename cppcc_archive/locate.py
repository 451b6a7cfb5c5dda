"""Where each article of a seed file begins in that file, so that the link to the original text can
say (and, on a host that numbers lines, open at) the article's line rather than the file's top.

A newspaper page holds up to a dozen articles; a reader checking a quotation against the original
would otherwise search the whole file.  The cleaned text keeps no map back to the file's lines
(pinyin, chrome, doubled paragraphs and mojibake are removed or repaired on the way), so an article
is found again by its opening: the Chinese characters of its title, or of its first paragraph when
the build devised the title or a curator changed it, looked up among the Chinese characters of the
file's lines.  Everything else (punctuation, pinyin such as 協(xié), spaces, markup) is left out of
both sides, so the cleaning's repairs do not hide the match; a file written in traditional script is
compared in its simplified form.  An opening the file no longer holds as written (a mojibake repair
inside it) gives no line rather than a wrong one.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional, Sequence

_NOT_CJK = re.compile(r"[^\u3400-\u9fff\uf900-\ufaff]+")
_NOT_CJK_OR_NEWLINE = re.compile(r"[^\u3400-\u9fff\uf900-\ufaff\n]+")
KEY_CHARS = 12   # an opening this long is not repeated by chance on one page
MIN_KEY_CHARS = 4
KEY_SOURCE_CHARS = 48   # the head of a paragraph its key is taken from (the rest would be squeezed for nothing)


def _key(text: str) -> str:
    return _NOT_CJK.sub("", text[:KEY_SOURCE_CHARS])[:KEY_CHARS]


# Line breaks as the cleaning (and a browser showing a text file) sees them: a lone CR is one too.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def file_lines(text: str) -> list[str]:
    """A file's lines as a reader counts them (its last line even when empty)."""
    return _LINE_BREAK.split(text)


def article_lines(lines: Sequence[str], openings: Sequence[Sequence[str]], first_line: int = 1,
                  index: Optional[tuple[str, list[int]]] = None) -> list[Optional[int]]:
    """For each article (its candidate openings, best first), the number of the file line where it
    begins, counting from ``first_line`` (the line of ``lines[0]`` in the file), or ``None``;
    ``index``: ``squeeze(lines)``, when the caller has it.

    Articles are looked for in order, each after the one before it (a page's articles come in the
    order of its text; one moved back by re-assembly is looked for from the top).  An opening that
    starts a line is preferred to one inside a line: a headline stands on its own line, while the
    text before it may mention it (本版另刊《抖擞精气神》一文).

    >>> article_lines(["首頁>協(xié)商", "強化三級政協聯動 匯聚協商議政合力", "正文提到《发挥自身特长》……",
    ...                "发挥自身特长 当好文化惠民排头兵"],
    ...               [["強化三級政協聯動匯聚協商議政合力"], ["发挥自身特长"], ["找不到的开头呢"]])
    [2, 4, None]
    """
    joined, starts = index or squeeze(lines)
    line_starts = set(starts)
    found: list[Optional[int]] = []
    after = 0
    for candidates in openings:
        line = None
        for opening in candidates:
            key = _key(opening)
            if len(key) < MIN_KEY_CHARS:
                continue
            at = _first_at_line_start(joined, key, after, line_starts)
            if at < 0:
                at = _first_at_line_start(joined, key, 0, line_starts)
            if at >= 0:
                after = at + len(key)
                # The last line starting at or before the match (lines without Chinese share their
                # offset with the next line, which is the one holding it).
                line = bisect.bisect_right(starts, at) - 1
                break
        found.append(None if line is None else line + first_line)
    return found


def in_file_order(lines: Sequence[str], bodies: Sequence[Sequence[str]], begins: Sequence[Optional[int]],
                  first_line: int = 1, index: Optional[tuple[str, list[int]]] = None) -> list[bool]:
    """For each article (its body paragraphs, and the line ``article_lines`` gave it), whether its
    paragraphs stand in the file in their order, from its line and before the next article's: False
    for a page whose columns were scrambled and re-assembled (the file holds the article in pieces).
    A paragraph the file does not hold as written (repaired on the way) says nothing.

    >>> in_file_order(["标题甲", "甲的第一段文字在此", "标题乙", "乙的第一段文字在此", "甲的第二段文字在此"],
    ...               [["甲的第一段文字在此", "甲的第二段文字在此"], ["乙的第一段文字在此"]], [1, 3])
    [False, True]
    """
    joined, starts = index or squeeze(lines)
    known = sorted(n for n in begins if n is not None)
    verdicts = []
    for body, begin in zip(bodies, begins):
        ordered = True
        if begin is not None:
            following = [n for n in known if n > begin]
            end = following[0] if following else None
            at = starts[begin - first_line]
            for paragraph in body:
                key = _key(paragraph)
                if len(key) < MIN_KEY_CHARS:
                    continue
                found = joined.find(key, at)
                if found < 0:
                    ordered = joined.find(key) < 0   # only before: out of order; nowhere: repaired
                    if not ordered:
                        break
                    continue
                if end is not None and bisect.bisect_right(starts, found) - 1 + first_line >= end:
                    ordered = False   # only past the next article's start
                    break
                at = found + len(key)
        verdicts.append(ordered)
    return verdicts


def squeeze(lines: Sequence[str]) -> tuple[str, list[int]]:
    """The lines' Chinese characters joined, and where each line's begin in that string (one pass of
    the expression over the file, not one per line: a third of this module's time was those calls)."""
    squeezed = _NOT_CJK_OR_NEWLINE.sub("", "\n".join(lines)).split("\n")
    starts, offset = [], 0
    for s in squeezed:
        starts.append(offset)
        offset += len(s)
    return "".join(squeezed), starts


def _first_at_line_start(joined: str, key: str, start: int, line_starts: set[int]) -> int:
    """The first place of ``key`` from ``start`` that begins a line, else its first place, else -1."""
    first = at = joined.find(key, start)
    while at >= 0 and at not in line_starts:
        at = joined.find(key, at + 1)
    return at if at >= 0 else first
