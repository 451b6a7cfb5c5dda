"""Text fixers: small pure ``str -> str`` functions, one concern each.

Each fixer does nothing to text that does not show its problem, so running
the whole table twice gives the same result as running it once.  The order
in which they run lives in ``cppcc_archive.clean.FIXERS``.
"""
from __future__ import annotations

import html
import re
import unicodedata

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Chinese punctuation that may sit next to an ASCII mark we must restore.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】—…·「」『』□"
_CJK_OR_PUNCT = f"[{CJK}{re.escape(CJK_PUNCT)}]"

_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]")


def normalize_line_endings(text: str) -> str:
    """Turn Windows (CRLF) and old Mac (CR) line endings into ``\\n``.

    >>> normalize_line_endings("政协\\r\\n委员\\r协商")
    '政协\\n委员\\n协商'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def remove_control_characters(text: str) -> str:
    """Drop NUL, other C0 controls, zero-width and bidi-override characters.

    Bidi overrides and isolates can make a title read differently from its
    bytes, NUL breaks every tool downstream, and a terminal colour sequence
    (ESC [31m) is removed whole; none of them carries text.

    >>> remove_control_characters("政协\\x00委员\\u202e\\x1b[31m会议\\u2066")
    '政协委员会议'
    """
    return _CONTROL.sub("", text)


# A <nav> holds a site's menu (首页 政协动态 委员风采 … one item to a line once the tags go): its words
# joined the headline (a curator's review).
_SCRIPT_LIKE = re.compile(r"<(script|style|iframe|object|embed|template|noscript|head|nav)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_DECLARATION = re.compile(r"<![A-Za-z][^>]*>|<\?[^>]*\?>|<!\[CDATA\[.*?\]\]>", re.S)
_BLOCK_TAG = re.compile(r"</?(p|div|br|li|tr|h[1-6]|section|article|table|ul|ol|blockquote)\b[^>]*>", re.I)
_CELL_TAG = re.compile(r"</t[dh]\s*>", re.I)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:-]*(\s[^<>]*)?/?>|<!--.*?-->", re.S)
_ENTITY = re.compile(r"&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")


# A line's opening marks, and closing ones (``## 标题 ##``) after a space.
_HEADING_MARK = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)


def remove_markdown_heading_marks(text: str) -> str:
    r"""Drop Markdown's ``#`` heading marks at the start of a line (a seed saved as Markdown).

    They are markup, not text, and the build marks headings itself (a line that reads like a
    heading, with text under it): a sentence saved as ``## …。`` stays a paragraph, and a title
    keeps no ``#``.  ``#1`` or ``#话题#`` (no space after the marks) is text and stays.

    >>> remove_markdown_heading_marks("# 天津市政协召开会议 #\n#话题# 正文")
    '天津市政协召开会议\n#话题# 正文'
    """
    return _HEADING_MARK.sub(r"\1", text)


def strip_html(text: str) -> str:
    """Remove HTML tags (and the content of script-like elements), decode entities.

    Block-level tags become line breaks so paragraphs survive.  The result is
    plain text; escaping for the site happens where text becomes Markdown.

    >>> strip_html("认真履行委员职责。”</p>")
    '认真履行委员职责。”\\n'
    >>> strip_html('政协<script>alert(1)</script>委员&amp;群众')
    '政协委员&群众'
    >>> strip_html("<tr><td>加装电梯（台）</td><td>126</td><td>48</td></tr>")
    '\\n加装电梯（台） 126 48 \\n'
    """
    if "<" not in text and "&" not in text:
        return text
    text = _SCRIPT_LIKE.sub("", text)
    text = _DECLARATION.sub("", text)
    text = _BLOCK_TAG.sub("\n", text)
    # A table's cells keep a space between them: <td>126</td><td>48</td> read 12648 (a review).
    text = _CELL_TAG.sub(" ", text)
    text = _ANY_TAG.sub("", text)
    # Decode entities once; a decoded "<" stays literal text.
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_SYLLABLE = rf"[a-zü]*[{_TONED}][a-zü]*"
_PINYIN_ANNOTATION = re.compile(rf"(?<=[{CJK}])\({_PINYIN_SYLLABLE}\)")


def remove_pinyin_annotations(text: str) -> str:
    """Remove tone-marked pinyin a converter put after characters.

    Only a single tone-marked syllable right after a CJK character is an
    annotation, so real parenthesised text stays.

    >>> remove_pinyin_annotations("政協(xié)委員在區(qū)里發(fā)展")
    '政協委員在區里發展'
    >>> remove_pinyin_annotations("“三有”(有人、有事、有平台)和2023中国(太原)人工智能大会")
    '“三有”(有人、有事、有平台)和2023中国(太原)人工智能大会'
    """
    return _PINYIN_ANNOTATION.sub("", text)


_DOUBLED = re.compile(r"[,，](?=[,，、。;；:：!！?？])|、(?=[、。])|。(?=。)")


def collapse_doubled_punctuation(text: str) -> str:
    """Keep the intended mark where a converter doubled punctuation.

    The converter wrote a comma before the real mark: ``,,`` ``,、`` ``,。``
    ``,;``.  Ellipses (``……``) and ``!?`` pairs are left alone.

    >>> collapse_doubled_punctuation("為國履職,、為民盡責,把責任扛在肩上,,認真履行,作出新貢獻,。")
    '為國履職、為民盡責,把責任扛在肩上,認真履行,作出新貢獻。'
    """
    # To a fixed point: removing one mark can bring two others together (、，、).
    while True:
        new = _DOUBLED.sub("", text)
        if new == text:
            return text
        text = new


_ASCII_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
# A run of marks (``,,``, ``?!``) is taken whole, so one pass restores it however long it is.
_ASCII_MARK = re.compile(rf"(?<={_CJK_OR_PUNCT})[ \t]*([,;:?!]+)|([,;:?!]+)(?=[ \t]*{_CJK_OR_PUNCT})")
_ASCII_PAREN = re.compile(r"\(([^()\n]{0,200})\)")
_HAS_CJK = re.compile(f"[{CJK}]")


def restore_fullwidth_punctuation(text: str) -> str:
    """Put Chinese full-width marks back where NFKC folded them to ASCII.

    A mark touching CJK text on either side becomes full-width; marks between
    digits or Latin letters (``112.6亿元``, ``G219``, ``12:30``) stay ASCII.
    Parentheses become full-width when they hold or touch CJK text.

    >>> restore_fullwidth_punctuation("會議強調,要健全機制;編輯:羅文(記者 王泳)")
    '會議強調，要健全機制；編輯：羅文（記者 王泳）'
    >>> restore_fullwidth_punctuation("总投资112.6亿元,G219国道,2+N模式,时间12:30")
    '总投资112.6亿元，G219国道，2+N模式，时间12:30'
    """
    def mark(m: re.Match) -> str:
        return "".join(_ASCII_TO_FULL[c] for c in m.group(1) or m.group(2))

    def paren(m: re.Match) -> str:
        inner = m.group(1)
        start, end = m.start(), m.end()
        src = m.string
        before = src[start - 1] if start else ""
        after = src[end] if end < len(src) else ""
        touches = bool(_HAS_CJK.search(before + after)) or (before != "" and before in CJK_PUNCT)
        if _HAS_CJK.search(inner) or touches:
            return f"（{inner}）"
        return m.group(0)

    # Repeat to a fixed point: a mark next to one just restored (``;,`` or
    # ``),``) only sees CJK punctuation on the next pass.
    for _ in range(6):
        new = _ASCII_PAREN.sub(paren, _ASCII_MARK.sub(mark, text))
        if new == text:
            break
        text = new
    return text


_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


def tidy_whitespace(text: str) -> str:
    """Trim each line, squeeze runs of spaces, drop spaces between two CJK quotes.

    Spaces inside a headline (``紧紧围绕中心大局 全面展现政协担当``) separate
    its halves and stay as one space.

    >>> tidy_whitespace("  “交朋友”“講故事” 活動  \\n")
    '“交朋友”“講故事”活動\\n'
    """
    lines = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        line = re.sub(r"(?<=”) (?=[" + CJK + "])", "", line)
        lines.append(line)
    return "\n".join(lines)


def nfc(text: str) -> str:
    """Compose characters (NFC) so equal text compares equal.

    NFC, unlike NFKC, keeps full-width punctuation.

    >>> nfc("e\\u0301") == "\\u00e9"
    True
    """
    return unicodedata.normalize("NFC", text)
