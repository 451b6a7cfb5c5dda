"""Re-assembling articles whose paragraphs the page layout scattered.

Extracted newspaper text comes out of order.  We move a block of paragraphs
to another article only on clear evidence, and never drop one:

1. **Author notes end a piece.**  ``（作者系垫江县政协党组书记、主席）`` closes
   郑小波's piece; paragraphs after the note in the same run of text belong
   to the piece whose author's post names the place they talk about
   (垫江县政协… → 垫江).  Unclaimed paragraphs stay, with a visible note.
2. **A trailing block about another province.**  A block at the end of an
   article (from a heading, or a paragraph that starts after a complete one)
   whose place names all point to one other province, never to the
   article's own, moves to the article of that province on the same page.
3. Moved blocks go to the start of the target when its first paragraph
   starts mid-sentence, else to its end; a dangling end is then re-joined
   by ``split.join_broken_paragraphs``.
"""
from __future__ import annotations

import re
from typing import Optional

from .split import TERMINAL, Draft, is_heading_like

_BODY_OF_AUTHOR = re.compile(r"^([\u4e00-\u9fff]{2,10}?(?:县|区|市|州|旗))政协")


def reassemble(drafts: list[Draft]) -> tuple[list[Draft], int]:
    """Apply the rules above; returns the drafts and the number of blocks moved."""
    if len(drafts) < 2:
        return drafts, 0
    moved = _author_note_orphans(drafts)
    moved += _foreign_tails(drafts)
    return drafts, moved


# ---------------------------------------------------------------- rule 1

def _place_keys(d: Draft) -> list[str]:
    keys = []
    for t in d.author_titles:
        m = _BODY_OF_AUTHOR.match(t)
        if m:
            name = m.group(1)
            keys.append(name)
            if len(name) >= 3:
                keys.append(name[:-1])  # 垫江县 → 垫江
    return keys


def _author_note_orphans(drafts: list[Draft]) -> int:
    keys = {id(d): _place_keys(d) for d in drafts}
    moved = 0
    for d in drafts:
        if d.note_index is None or d.note_index >= len(d.lines):
            continue
        orphans = d.lines[d.note_index:]
        del d.lines[d.note_index:]
        blocks: list[tuple[Optional[Draft], list[str]]] = []
        for line in orphans:
            target = _claimant(line, drafts, keys, exclude=d)
            if target is not None and (not blocks or blocks[-1][0] is not target):
                blocks.append((target, [line]))
            elif blocks:
                blocks[-1][1].append(line)
            else:
                blocks.append((None, [line]))
        for target, lines in blocks:
            if target is None:
                d.lines.extend(lines)
                d.notes.append("以下段落位于作者附注之后，归属不明，保留于此。")
            else:
                _insert(target, lines)
                _move_signed_authors(d, target, lines)
                moved += 1
    return moved


def _claimant(line: str, drafts: list[Draft], keys: dict, exclude: Draft) -> Optional[Draft]:
    hits = [d for d in drafts if d is not exclude and any(k in line for k in keys[id(d)])]
    own = any(k in line for k in keys[id(exclude)])
    if len(hits) == 1 and not own:
        return hits[0]
    return None


# ---------------------------------------------------------------- rule 2

def _foreign_tails(drafts: list[Draft]) -> int:
    from .tag.regions import find_mentions

    def provinces(text: str) -> set[str]:
        out = set()
        for m in find_mentions(text):
            if len(set(c[:2] for c in m.codes)) == 1:
                out.add(m.codes[0][:2])
        return out

    home = []
    for d in drafts:
        head = " ".join(d.title_lines + d.lines[:2] + d.author_titles)
        home.append(provinces(head))
    moved = 0
    for i, d in enumerate(drafts):
        if not home[i] or len(d.lines) < 3:
            continue
        start = _foreign_block_start(d.lines, home[i], provinces)
        if start is None:
            continue
        block = d.lines[start:]
        prov = set().union(*(provinces(x) for x in block))
        targets = [j for j, h in enumerate(home) if j != i and h and prov <= h]
        if len(targets) != 1:
            continue
        del d.lines[start:]
        _insert(drafts[targets[0]], block)
        _move_signed_authors(d, drafts[targets[0]], block)
        moved += 1
    return moved


def _move_signed_authors(source: Draft, target: Draft, lines: list[str]) -> None:
    """Authors who signed a moved line go with it (seed 003: （刘惠娟） ends the Xinjiang piece that
    was found at the end of the Hubei article)."""
    moving = [(line, authors) for line, authors in source.line_authors if line in lines]
    if not moving:
        return
    source.line_authors = [x for x in source.line_authors if x not in moving]
    still_signed = {a for _, authors in source.line_authors for a in authors} | source.lead_authors
    for line, authors in moving:
        for a in authors:
            if a not in still_signed and a in source.authors:
                source.authors.remove(a)
            if a not in target.authors:
                target.authors.append(a)
        target.line_authors.append((line, authors))


def _foreign_block_start(lines: list[str], home: set[str], provinces) -> Optional[int]:
    """Start of the trailing block that never names the home province and
    names exactly one other: its first foreign-naming paragraph, with the
    heading just above it; None when there is no such block."""
    first_foreign = None
    foreign: set[str] = set()
    for k in range(len(lines) - 1, 0, -1):
        p = provinces(lines[k])
        if p & home:
            break
        if p:
            foreign |= p
            first_foreign = k
    if first_foreign is None or len(foreign) != 1:
        return None
    k = first_foreign
    if k > 0 and is_heading_like(lines[k - 1]):
        k -= 1
    elif lines[k - 1][-1:] not in TERMINAL:
        return None  # the block starts mid-sentence: no clear boundary
    return k if k > 0 else None


def joins_word(left: str, right: str) -> bool:
    """Does a dictionary word span the seam (几个正 | 在进行 → 正在)?"""
    import rjieba

    a, b = left[-4:], right[:4]
    if not a or not b or not re.match(r"[\u4e00-\u9fff]", a[-1]) or not re.match(r"[\u4e00-\u9fff“”]", b[0]):
        return False
    pos = 0
    for tok in rjieba.cut(a + b, hmm=False):  # dictionary words only: HMM invents words across any seam
        if pos < len(a) < pos + len(tok):
            return True
        pos += len(tok)
    return False


def _insert(target: Draft, lines: list[str]) -> None:
    """Place a moved block where the text says it goes.

    A block whose last paragraph dangles goes before the paragraph that
    completes it (a word spans the seam), else before the target's body;
    a block that completes the target's dangling paragraph goes right after
    it; otherwise before a body that starts mid-sentence, else at the end.
    """
    last = lines[-1]
    # A block never ends on a real heading, so a short last line without
    # final punctuation (考察团还偶遇了几个正) is cut text.
    if last[-1:] not in TERMINAL:
        for j, para in enumerate(target.lines):
            if joins_word(last, para):
                target.lines[j:j] = lines
                return
        target.lines[0:0] = lines
        return
    for j, para in enumerate(target.lines):
        if para[-1:] not in TERMINAL and not is_heading_like(para) and joins_word(para, lines[0]):
            target.lines[j + 1:j + 1] = lines
            return
    first = target.lines[0] if target.lines else ""
    if first and (first[:1] in "，、。；：”）" or re.match(r"^[\u4e00-\u9fff]{1,3}[，、”]", first)):
        target.lines[0:0] = lines
    else:
        target.lines.extend(lines)
