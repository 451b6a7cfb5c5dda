"""Repair GBK one-byte-shift mojibake in scraped traditional-Chinese text.

What the damage looks like
--------------------------
Some pages went through a GBK decoder that slipped by one byte.  From the
slip on, every decoded character is made of the *trail* byte of one real
character and the *lead* byte of the next, so ``。”北京市西城區``
(``A1A3 A1B1 B1B1 BEA9 CAD0 CEF7 B3C7 855E``) reads ``?！北本┦形鞒菂^``:
the ``?`` stands for a pair the decoder could not read and hides the lead
byte ``A1`` of ``。``; ``A3A1`` is ``！``, ``B1B1`` ``北`` …; the stream gets
back in step by itself at the first real trail byte below 0x80 (``^`` is
the trail byte ``5E`` of ``區``).  Pairs the decoder could not read further
on were silently dropped.  Then a converter appended pinyin (``區(qū)``,
sometimes on the garbage too) and NFKC folded ``！`` to ``!``.

The algorithm (``repair_gbk_mojibake``)
---------------------------------------
1. *Candidates.*  A ``?`` right after a CJK character, CJK punctuation or a
   pinyin annotation.  The run after it is read unit by unit: an annotation
   remnant right after the ``?`` (``qū)``, its ``(`` eaten), double-byte GBK
   characters (an annotation after one of them is garbage too and goes with
   it), ``!`` (the folded ``！``).  It ends at an ASCII byte 0x40–0x7E (the
   realigning trail byte; one letter is also tried as a folded ``Ａ``–``ｚ``),
   at a second ``?`` (a trail byte + an ASCII byte that was eaten: ``(``
   before ``jù)``, ``<`` before ``/p>``; both are given back), or at anything
   else (the last lead byte then dangles).
2. *Realignment.*  ``[hidden lead] + re-encoded bytes (+ eaten trail)`` is
   paired up again.  A pair with both bytes known decodes directly, unless
   it gives nothing, a character outside the frequency table, or one whose
   reading contradicts the annotation after it (``說(xié)``): then a pair
   was dropped there, and the two real characters keep one byte each.
3. *Unknown bytes.*  A character with one byte known is chosen among the
   GBK characters sharing that byte, filtered by the annotation after it
   (``jù`` → ``據``) and, for the hidden lead, by the annotation on the
   garbage (``向?qū)``: the garbage was ``F2 ??`` read ``qū`` = ``驅`` =
   ``F2 8C``, so the lead is ``8C``).  The choice is made along the whole run
   (forward-backward on a chain) with Zipf weights ``1 / (rank + 20)`` and
   punctuation pair factors (``。”`` ×30, ``。“`` ×10; ``。、`` or ``“</p>``
   impossible).  A character is kept only if it carries 80 % of its
   marginal weight; otherwise it is lost and becomes ``□``.
4. *Acceptance.*  A run is replaced only when the repair is clearly better:
   mean plausibility >= 0.75, at least 0.3 above the original's, total gain
   >= 1, and evidence: an annotation remnant or a restored eaten byte, or a
   realignment with >= 2 cleanly decoded pairs, or (never realigned) >= 3
   clean pairs at mean >= 0.9 over implausible text.  ``?`` + at most two
   characters + a lower-case letter before CJK (``?p重組織`` = ``雙重``) is
   always mojibake.  Of several readings the shortest wins unless a longer
   one is 0.15 better.
5. Applied until nothing changes, hence idempotent; never raises.

Plausibility of one character: common CJK punctuation and the 1500 most
frequent characters 1.0, ranks 1500–3000 0.8, the rest of the 5000-character
table 0.6, ``□`` 0.5, other CJK ideographs 0.2, anything else (ASCII, box
drawing, Greek, kana, private use …) 0.0.  The table (``_TABLE``) holds the
5000 most frequent characters, simplified and traditional, with readings.

Left behind, known limits
-------------------------
* Pinyin annotations on *good* characters stay (``西城區(qū)``) for the pinyin
  fixer; a restored ``</p>`` stays for the HTML-tag stripper.
* A dropped pair that merges into a common character goes unnoticed: seed
  004's ``?!笔吧絽^`` gives ``。”拾山區`` for ``。”石景山區`` (``AF BE`` was
  dropped, ``CA ?? + ?? B0`` = ``拾``).
* A pair dropped right after the hidden lead is invisible, so two lost
  characters may show as one ``□``.
* A lone upper-case letter after the ``?`` is left alone (``嗎?A股``), as
  are folded digits, ASCII punctuation and ideographic spaces inside a run
  (the run stops there).
"""
from __future__ import annotations

import functools
import re
import unicodedata

__all__ = [
    "PLACEHOLDER",
    "count_unrecoverable",
    "find_mojibake",
    "repair_gbk_mojibake",
]

#: Conventional mark for a character lost in transcription.
PLACEHOLDER = "□"

_MAX_UNITS = 48          # longest garbage run examined
_MAX_ALTERNATIVES = 6    # ASCII characters tried both as terminator and as folded
_MIN_SHARE = 0.8         # a guessed character must carry this share of the weight
_MIN_MEAN = 0.75
_MIN_LIFT = 0.3
_MIN_GAIN = 1.0
_LONGER_BONUS = 0.15     # a longer reading of the same run must be this much better

# --------------------------------------------------------------------------
# character table
# --------------------------------------------------------------------------


def _load_table() -> tuple[dict[str, int], dict[str, frozenset[str]]]:
    rank: dict[str, int] = {}
    readings: dict[str, frozenset[str]] = {}
    for i, entry in enumerate(_TABLE.split()):
        char = entry[0]
        rank.setdefault(char, i)
        readings[char] = frozenset(r for r in entry[1:].split("/") if r)
    return rank, readings


# Approximate positions of punctuation in the same frequency order.
_PUNCT_RANK = {
    "，": 0, "。": 1, "、": 6, "“": 18, "”": 19, "：": 40, "《": 200, "》": 201,
    "；": 250, "（": 280, "）": 281, "？": 300, "！": 350, "—": 650, "‘": 700,
    "’": 701, "…": 900, "·": 1200, "「": 1500, "」": 1501, "【": 1800, "】": 1801,
    "『": 2500, "』": 2501, "〔": 3000, "〕": 3001, "〈": 3000, "〉": 3001,
}
_SENT_END = frozenset("。！？")
_PAUSE = frozenset("，、；：")
_OPEN = frozenset("“‘「『（《〈【〔")
_CLOSE = frozenset("”’」』）》〉】〕")


def _build_gbk() -> tuple[dict, dict, dict]:
    """Every readable GBK double-byte pair, indexed by lead and by trail."""
    dec: dict[tuple[int, int], str] = {}
    by_lead: dict[int, list[tuple[int, int, str]]] = {}
    by_trail: dict[int, list[tuple[int, int, str]]] = {}
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                char = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            if len(char) != 1 or "\ue000" <= char <= "\uf8ff":
                continue
            dec[(lead, trail)] = char
            by_lead.setdefault(lead, []).append((lead, trail, char))
            by_trail.setdefault(trail, []).append((lead, trail, char))
    return dec, by_lead, by_trail


def _build_fold() -> dict[str, tuple[int, int]]:
    """ASCII character -> GBK bytes of the full-width form NFKC folded into it."""
    fold = {}
    for code in range(0x21, 0x7F):
        pair = (0xA3, code + 0x80)
        try:
            char = bytes(pair).decode("gbk")
        except UnicodeDecodeError:
            continue
        if unicodedata.normalize("NFKC", char) == chr(code):
            fold[chr(code)] = pair
    return fold


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------

_TONED = frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜḿńňǹ")
_PY_CHARS = "a-zü" + "".join(sorted(_TONED))
_ANNOTATION = re.compile(r"\(([%s]{1,7})\)" % _PY_CHARS)
_REMNANT = re.compile(r"\(?([%s]{1,7})\)" % _PY_CHARS)
_TAG_REMNANT = re.compile(r"/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>")
_ANNOTATED_TAIL = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]\([%s]{1,7}\)$" % _PY_CHARS)


def _pinyin_at(pattern: re.Pattern, text: str, pos: int) -> re.Match | None:
    """A pinyin annotation (with at least one tone mark) at ``pos``."""
    m = pattern.match(text, pos)
    if m and any(ch in _TONED for ch in m.group(1)):
        return m
    return None


def _is_cjk(char: str) -> bool:
    return (
        "\u3400" <= char <= "\u4dbf"
        or "\u4e00" <= char <= "\u9fff"
        or "\uf900" <= char <= "\ufaff"
    )


def _rank(char: str) -> int | None:
    r = _PUNCT_RANK.get(char)
    return r if r is not None else _RANK.get(char)


def _score(char: str) -> float:
    """Plausibility of one character (see the module docstring)."""
    if char == PLACEHOLDER:
        return 0.5
    r = _rank(char)
    if r is not None:
        return 1.0 if r < 1500 else 0.8 if r < 3000 else 0.6
    return 0.2 if _is_cjk(char) else 0.0


def _gbk2(char: str) -> tuple[int, int] | None:
    """GBK bytes of a double-byte character, else ``None``."""
    try:
        raw = char.encode("gbk")
    except UnicodeEncodeError:
        return None
    return (raw[0], raw[1]) if len(raw) == 2 else None


_END_OF_BLOCK = frozenset(("", "<", "\n", "\r"))
_SPECIAL = frozenset(_PUNCT_RANK) | _END_OF_BLOCK   # where _pair() can differ from 1


def _pair(left: str, right: str) -> float:
    """How well two adjacent characters go together, for punctuation only.

    0 forbids the pair (``。、``, ``。。``, an opening quote or ``、`` before
    ``</p>``), values above 1 favour pairs common in news text (``。”``,
    ``。“``, ``：“``), everything else is neutral.
    """
    if left in _SENT_END or left in _PAUSE or left in _OPEN:
        if right in _PUNCT_RANK and right not in _OPEN and right not in _CLOSE:
            return 0.0
    if (left in _OPEN or left in _PAUSE) and right in _END_OF_BLOCK:
        return 0.0
    if left in _OPEN and right in _CLOSE:
        return 0.0
    if left in _SENT_END and right in "”’」』":
        return 30.0
    if (left in _SENT_END or left in "，：") and right in "“‘「『":
        return 10.0
    return 1.0


def _pool(leads, trails) -> list[tuple[int, int, str]]:
    """GBK pairs with lead in ``leads`` and trail in ``trails`` (``None`` = any)."""
    if leads is not None:
        pool = [e for lead in leads for e in _BY_LEAD.get(lead, ())]
        return pool if trails is None else [e for e in pool if e[1] in trails]
    if trails is not None:
        return [e for trail in trails for e in _BY_TRAIL.get(trail, ())]
    return []


@functools.lru_cache(maxsize=4096)
def _candidates(leads, trails, ann: str | None) -> tuple[tuple[int, str], ...]:
    """``(rank, char)`` of the known characters that fit the bytes and reading."""
    out = []
    for _, _, char in _pool(leads, trails):
        r = _rank(char)
        if r is not None and (ann is None or ann in _READINGS.get(char, ())):
            out.append((r, char))
    return tuple(out)


# --------------------------------------------------------------------------
# scanning a run
# --------------------------------------------------------------------------


class _Run:
    """One way of reading the garbage after a ``?``."""

    __slots__ = ("start", "end", "bytes", "orig", "ann", "restore", "evidence",
                 "l0set", "repaired", "full_ok", "merged", "units", "tail")

    def __init__(self, start, end, data, orig, ann, restore, evidence, l0set):
        self.start, self.end = start, end
        self.bytes, self.orig = data, orig
        self.ann, self.restore = ann, restore
        self.evidence, self.l0set = evidence, l0set
        self.repaired: list[str] = []
        self.full_ok = 0     # pairs with both bytes known that decoded well
        self.merged = 0      # pairs explained by a dropped pair
        self.units = 0       # garbage characters read
        self.tail = ""       # the character after the run


def _alternatives(text: str, qpos: int, prev: str) -> list[_Run]:
    """All readings of the run starting at the ``?`` at ``qpos``."""
    pos = qpos + 1
    l0set = None
    remnant = _pinyin_at(_REMNANT, text, pos)
    if remnant:
        pos = remnant.end()
        prev_bytes = _gbk2(prev) if prev else None
        if prev_bytes is not None:
            # the annotated garbage was (last byte of prev, hidden lead)
            wanted = remnant.group(1)
            l0set = frozenset(
                trail for _, trail, char in _BY_LEAD.get(prev_bytes[1], ())
                if trail >= 0x81 and wanted in _READINGS.get(char, ())
            ) or None
    # The remnant is evidence only if some (trail of prev, lead) pair has that
    # reading and it is not simply the annotation of prev itself.
    remnant_ok = bool(remnant) and l0set is not None and (
        remnant.group(1) not in _READINGS.get(prev, ()))
    units: list[tuple[int, int]] = []  # bytes of the garbage, in order
    orig = ["?"]
    runs: list[_Run] = []
    tried = 0
    folded = False
    n = len(text)

    def finish(end, extra, restore, ann, evidence, orig_tail):
        data = [None] + [b for pair in units for b in pair] + extra
        if len(data) % 2:
            data.append(None)
        run = _Run(qpos, end, data, orig + orig_tail, ann, restore,
                   evidence or remnant_ok, l0set)
        run.units, run.tail = len(units), text[end:end + 1]
        runs.append(run)

    while pos < n and len(units) < _MAX_UNITS:
        ch = text[pos]
        if ch == "!":
            units.append(_FOLD["!"])
            orig.append(ch)
            pos += 1
        elif ch == "?":
            after = pos + 1
            m = _pinyin_at(_REMNANT, text, after)
            if m:      # the eaten byte was the "(" of the next annotation
                eaten = not text.startswith("(", after)
                finish(after, [None], "(" if eaten else "", m.group(1), eaten, ["?"])
            elif _TAG_REMNANT.match(text, after):   # ... or the "<" of a tag
                finish(after, [None], "<", None, True, ["?"])
            else:
                finish(after, [None], "", None, False, ["?"])
            return runs
        elif ch < "\x80":
            if tried >= _MAX_ALTERNATIVES:
                break
            tried += 1
            if "\x40" <= ch <= "\x7e":
                m = _pinyin_at(_ANNOTATION, text, pos + 1)
                finish(pos + 1, [ord(ch)], "", m.group(1) if m else None, False, [ch])
            else:
                finish(pos, [], "", None, False, [])
            if folded or not ch.isalpha() or ch not in _FOLD:
                return runs     # one letter may also be a folded Ａ-Ｚ/ａ-ｚ
            folded = True
            units.append(_FOLD[ch])
            orig.append(ch)
            pos += 1
        else:
            pair = _gbk2(ch)
            if pair is None:
                break
            units.append(pair)
            orig.append(ch)
            pos += 1
        m = _pinyin_at(_ANNOTATION, text, pos)
        if m:  # annotation on a garbage character: garbage too
            pos = m.end()
    finish(pos, [], "", None, False, [])
    return runs


def _chain(positions, prev: str, after: str) -> list[str]:
    """Pick one character per position (forward-backward on a chain).

    Each position lists ``(char, weight)``; the weight is ``1 / (rank + 20)``
    (a Zipf law on the frequency rank) and neighbours interact through
    :func:`_pair`.  A position keeps its best character only when that
    character carries at least ``_MIN_SHARE`` of its marginal weight.
    """
    def link(side, cands, pair, forward):
        # sum over the neighbouring position, pair() is 1 unless both
        # characters are punctuation (or a block end), which keeps this linear
        total = sum(w for _, w in side)
        special = [(c, w) for c, w in side if c in _SPECIAL]
        plain = total - sum(w for _, w in special)
        row = []
        for c, _ in cands:
            if c not in _SPECIAL:
                row.append(total)
            elif forward:
                row.append(plain + sum(w * pair(sc, c) for sc, w in special))
            else:
                row.append(plain + sum(w * pair(c, sc) for sc, w in special))
        return row

    def run(pair):
        fwd, left = [], [(prev, 1.0)]
        for cands in positions:
            row = [w * x for (_, w), x in zip(cands, link(left, cands, pair, True))]
            norm = sum(row) or 1.0
            row = [x / norm for x in row]
            fwd.append(row)
            left = [(c, x) for (c, _), x in zip(cands, row)]
        bwd, right = [[]] * len(positions), [(after, 1.0)]
        for j in range(len(positions) - 1, -1, -1):
            cands = positions[j]
            row = link(right, cands, pair, False)
            norm = sum(row) or 1.0
            row = [x / norm for x in row]
            bwd[j] = row
            right = [(c, x * w) for (c, w), x in zip(cands, row)]
        return fwd, bwd

    fwd, bwd = run(_pair)
    if not all(any(f) and any(b) for f, b in zip(fwd, bwd)):
        fwd, bwd = run(lambda a, b: 1.0)     # contradictory context: ignore it
    out = []
    for cands, f, b in zip(positions, fwd, bwd):
        marg = [x * y for x, y in zip(f, b)]
        total = sum(marg)
        if not total:
            out.append(PLACEHOLDER)
            continue
        best = max(range(len(cands)), key=marg.__getitem__)
        out.append(cands[best][0] if marg[best] >= _MIN_SHARE * total else PLACEHOLDER)
    return out


@functools.lru_cache(maxsize=4096)
def _weighted(leads, trails, ann: str | None) -> tuple[tuple[str, float], ...]:
    """Candidates with their Zipf weight, or a lone placeholder."""
    cands = tuple((char, 1.0 / (r + 20)) for r, char in _candidates(leads, trails, ann))
    return cands or ((PLACEHOLDER, 1.0),)


def _resolve(run: _Run, prev: str, after: str) -> None:
    """Fill ``run.repaired`` with the realigned characters."""
    data = run.bytes
    slots = [(data[i], data[i + 1]) for i in range(0, len(data), 2)]
    positions: list[tuple[tuple[str, float], ...]] = []
    last = len(slots) - 1
    for j, (lead, trail) in enumerate(slots):
        ann = run.ann if j == last else None
        if lead is not None and trail is not None:
            char = _DEC.get((lead, trail))
            if (char is not None and _rank(char) is not None
                    and (ann is None or ann in _READINGS.get(char, ()))):
                positions.append(((char, 1.0),))
                run.full_ok += 1
                continue
            # a dropped pair merged two characters: each keeps one byte
            run.merged += 1
            positions.append(_weighted((lead,), None, None))
            positions.append(_weighted(None, (trail,), ann))
            continue
        if lead is None and trail is None:
            positions.append(((PLACEHOLDER, 1.0),))
            continue
        leads = (lead,) if lead is not None else (run.l0set if j == 0 else None)
        trails = (trail,) if trail is not None else None
        if j == 0 and lead is None and (run.l0set is not None or ann is not None) \
                and not _candidates(run.l0set, trails, ann):
            # nothing fits both constraints: a dropped pair right after the ?
            run.merged += 1
            positions.append(_weighted(run.l0set, None, None) if run.l0set
                             else ((PLACEHOLDER, 1.0),))
            positions.append(_weighted(None, trails, ann))
            continue
        positions.append(_weighted(leads, trails, ann))
    run.repaired = _chain(positions, prev, after[:1])


def _short_run(run: _Run) -> bool:
    """``?`` + at most two characters + an ASCII trail byte, then CJK.

    Too short to be judged by plausibility, but not real text either:
    ``?p重組織`` (``雙重``), ``?采w”`` (``全覆蓋”``).  A lone upper-case letter
    right after the ``?`` is left alone, it is too often real (``嗎?A股``).
    """
    term = run.orig[-1]
    nxt = run.tail
    if run.bytes[-1] is None or run.units > 2:
        return False
    if term.isupper():      # only inside CJK: ``?采W報`` but not ``?“N”``
        return bool(run.units) and _is_cjk(nxt) and all(_is_cjk(c) for c in run.orig[1:-1])
    return (term.islower() or term in "@[\\]^_`{|}~") and (
        _is_cjk(nxt) or nxt in _PUNCT_RANK or nxt == "(")


def _accept(run: _Run) -> tuple[float, float] | None:
    """``(mean plausibility, gain)`` of a resolved run, or ``None`` when the
    repair is not clearly better than the run as it stands."""
    if _short_run(run):
        return 0.5, 0.0
    rep = [_score(c) for c in run.repaired]
    org = [_score(c) for c in run.orig]
    if not rep:
        return None
    mean_rep = sum(rep) / len(rep)
    mean_org = sum(org) / len(org)
    gain = sum(rep) - sum(org)
    if mean_rep < _MIN_MEAN or mean_rep - mean_org < _MIN_LIFT or gain < _MIN_GAIN:
        return None
    if run.evidence:            # annotation remnant or a restorable eaten byte
        return mean_rep, gain
    if run.bytes[-1] is not None:   # realigned on an ASCII trail byte
        return (mean_rep, gain) if run.full_ok >= 2 else None
    # Never realigned: only believable for a run of implausible text that
    # decodes cleanly.
    body = [_score(c) for c in run.orig if c >= "\x80"]
    if (run.full_ok >= 3 and run.merged == 0 and mean_rep >= 0.9
            and body and sum(body) / len(body) <= 0.8):
        return mean_rep, gain
    return None


def _is_candidate(text: str, qpos: int, done: str) -> bool:
    """A ``?`` after CJK text (``done`` is the output so far), not at the end."""
    if qpos + 1 >= len(text):
        return False
    prev = done[-1:] if done else ""
    if not prev:
        return False
    if prev == ")":
        return bool(_ANNOTATED_TAIL.search(done[-12:]))
    return _is_cjk(prev) or prev in _PUNCT_RANK or "\u3000" <= prev <= "\u303f"


def _best_run(text: str, qpos: int, done: str) -> _Run | None:
    """The accepted reading of the run at ``qpos``, if any."""
    prev = done[-1:]
    best, best_mean = None, 0.0
    # Alternatives come shortest first.  An ASCII letter in a run is far more
    # often the realigning trail byte than a folded full-width letter, so a
    # longer reading must be clearly better to win.
    for run in _alternatives(text, qpos, prev):
        _resolve(run, prev, run.restore + text[run.end:run.end + 1])
        key = _accept(run)
        if key is not None and (best is None or key[0] >= best_mean + _LONGER_BONUS):
            best, best_mean = run, key[0]
            if best_mean + _LONGER_BONUS > 1.0:
                break                        # nothing longer can beat it
    return best


def _repair_once(text: str) -> tuple[str, list[tuple[int, int]]]:
    """One left-to-right pass: the repaired text and the replaced spans."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    done = ""   # output so far (only its tail is consulted)
    last = 0
    pos = text.find("?")
    while pos != -1:
        done_tail = (done + text[last:pos])[-16:]
        run = _best_run(text, pos, done_tail) if _is_candidate(text, pos, done_tail) else None
        if run is None:
            pos = text.find("?", pos + 1)
            continue
        replacement = "".join(run.repaired) + run.restore
        pieces.append(text[last:pos])
        pieces.append(replacement)
        spans.append((run.start, run.end))
        done = (done_tail + replacement)[-16:]
        last = run.end
        pos = text.find("?", last)
    pieces.append(text[last:])
    return "".join(pieces), spans


# --------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------


def find_mojibake(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the GBK one-byte-shift runs in ``text``.

    A span starts at the ``?`` and covers the garbage up to and including
    the realigning ASCII byte (or the second ``?``).  Only runs that
    :func:`repair_gbk_mojibake` replaces in its first pass are reported, so
    correct text gives ``[]``.

    >>> s = "助力西城高質(zhì)量發(fā)展?!北本┦形鞒菂^(qū)政協(xié)有關(guān)工作負責(zé)人介紹"
    >>> [s[a:b] for a, b in find_mojibake(s)]
    ['?!北本┦形鞒菂^']
    >>> find_mojibake("人民政協(xié)網(wǎng)北京6月14日電 What? Hello!")
    []
    """
    try:
        return _repair_once(text)[1] if "?" in text else []
    except Exception:  # never raise from a cleaning step
        return []


def repair_gbk_mojibake(text: str) -> str:
    """Realign GBK one-byte-shift runs; lost characters become ``□``.

    Annotations on good characters stay for the pinyin fixer, a restored
    ``</p>`` stays for the HTML stripper.  Idempotent; never raises.

    >>> repair_gbk_mojibake("助力西城高質(zhì)量發(fā)展?!北本┦形鞒菂^(qū)政協(xié)")
    '助力西城高質(zhì)量發(fā)展。”北京市西城區(qū)政協(xié)'
    >>> repair_gbk_mojibake("使調(diào)查研究的過程成為理論學習向?qū)嵺`運用轉化的過程")
    '使調(diào)查研究的過程成為理論學習向實踐運用轉化的過程'
    >>> repair_gbk_mojibake("認真履行委員職責?!?/p>")
    '認真履行委員職責。”</p>'
    >>> repair_gbk_mojibake("激勵委員更好履職?!搬槍π乱粚谜f(xié)委員中一批專家")
    '激勵委員更好履職。“針對新一屆□協(xié)委員中一批專家'
    """
    if not isinstance(text, str) or "?" not in text:
        return text
    try:
        current = text
        while True:
            new, _ = _repair_once(current)
            if new == current:
                return current
            current = new
    except Exception:  # never raise from a cleaning step
        return text


def count_unrecoverable(before: str, after: str) -> int:
    """Number of placeholders the repair introduced.

    >>> s = "就所從事的專門領(lǐng)域或?qū)I(yè)特長"
    >>> t = repair_gbk_mojibake(s); t
    '就所從事的專門領(lǐng)域或□業(yè)特長'
    >>> count_unrecoverable(s, t)
    1
    """
    return max(0, after.count(PLACEHOLDER) - before.count(PLACEHOLDER))


# --------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------

# The 5000 most frequent characters (simplified and traditional), most
# frequent first, each followed by its readings ("/"-separated).  Built once
# with: character counts = sum of jieba 0.42.1 dict.txt word counts over the
# words containing the character; traditional forms from OpenCC s2t, s2tw and
# s2hk take their simplified form's count, other GBK variants reached only by
# t2s a quarter of it; readings from pypinyin 0.55 (heteronym=True,
# Style.TONE).  Only characters with a double-byte GBK encoding are kept.
_TABLE = (
    "一yī/yí/yì 是shì/tí 人rén 了le/liǎo/liào 不bù/fǒu/fōu/fū/bú 在zài 有yǒu/yòu/wěi 大dà/dài/tài 中zhōng/zhòng 国guó 國guó 和hé/hè/hú/huó/huò/huo 为wèi/wéi 為wèi/wéi 爲wèi/wéi 这zhè/zhèi 這zhè/yàn/zhèi 上shàng/shǎng 他tā/tuó 个gè/gě/gàn 個gè/gě 地dì/de 年nián/nìng 来lái "
    "來lái/lài 我wǒ 会huì/kuài 會huì/kuài/kuò 以yǐ/sì 到dào 时shí 時shí 要yào/yāo/yǎo 出chū 的de/dī/dí/dì 生shēng 学xué 學xué/huá/jiào 说shuō/shuì/yuè 說shuō 説shuō/shuì/yuè/tuō 道dào/dǎo 民mín 家jiā/jia/jià/jie/gū 子zi/zǐ 也yě/yí 成chéng 行xíng/háng/héng/xìng/hàng "
    "下xià 们men/mén 們men/mèn/mén 于yú/wéi/yū/xū 於yú/yū/wū 后hòu 後hòu 就jiù 发fā/fà 發fā/bō 自zì 之zhī/zhū/zhì 对duì 對duì 得dé/de/děi 主zhǔ/zhù 长zhǎng/cháng 長zhǎng/cháng/zhàng 可kě/kè/gē 过guò/guō 過guò/guō/guo/huò 天tiān 作zuò/zuō/zuó 分fēn/fèn/fén "
    "方fāng/fáng/fǎng/páng/wǎng/fēng 用yòng 多duō 你nǐ 着zhe/zhāo/zháo/zhuó 著zhù/zhuó/chú/zhāo/zháo/zhe 部bù/pǒu 能néng/tái/nái/nài/xióng 市shì/fú 等děng 业yè 業yè 全quán 里lǐ/li 裏lǐ 裡lǐ 工gōng 公gōng 经jīng/jìng 經jīng/jìng 本běn/bēn 都dōu/dū 而ér/néng 高gāo/gào "
    "政zhèng/zhēng 法fǎ 面miàn 门mén 門mén 动dòng 動dòng 日rì 进jìn 進jìn 区qū/ōu 區qū/ōu/gōu/qiū/kòu 事shì/zì 代dài 那nà/nā/nuó/nuò/nèi/nǎ/něi/né/nǎi/nè 去qù/qū 心xīn 小xiǎo 同tóng/tòng 北běi/bèi 定dìng 开kāi 開kāi/qiān 产chǎn "
    "產chǎn 前qián/jiǎn 其qí/jī/jì 军jūn 軍jūn 还hái/huán/fú 還hái/huán/xuán 然rán 起qǐ 种zhǒng/chóng/zhòng 種zhǒng/chóng/zhòng 所suǒ 如rú 现xiàn 現xiàn 理lǐ 机jī/wèi 機jī 体tǐ/tī/bèn/cuì 體tǐ/tī 表biǎo 力lì 好hǎo/hào 外wài "
    "与yǔ/yù/yú 與yǔ/yú/yù 文wén 当dāng/dàng 當dāng/dàng/dang 两liǎng 兩liǎng/liàng 实shí 實shí/zhì 重zhòng/chóng/tóng 新xīn 三sān 么me/yāo/mó/ma 麼me 只zhǐ/zhī 山shān 水shuǐ 关guān 關guān/wān/wǎn 明míng/mèng 从cóng/zòng 從cóng/zòng/zōng/cōng/zǒng 化huà/huā/huò 平píng/pián/bìng/bēng "
    "建jiàn 又yòu 制zhì 南nán/nā 内nèi/nà/ruì 內nèi 西xī 没méi/mò/me 沒méi 此cǐ 将jiāng/jiàng/qiāng 將jiāng/jiàng/qiāng/yáng/jiǎng 员yuán/yùn/yún 員yuán/yún/yùn 名míng/mìng 手shǒu 最zuì/cuō 东dōng 東dōng 头tóu/tou 頭tóu/tou 者zhě 月yuè/rù 间jiān/jiàn "
    "間jiān/jiàn/jiǎn 无wú/mó 無wú/mó 安ān 看kàn/kān 见jiàn/xiàn 見jiàn/xiàn 各gè/gě 城chéng 十shí 相xiāng/xiàng 但dàn/tǎn/yàn 已yǐ/sì 些xiē/suò/suō 正zhèng/zhēng 口kǒu 通tōng/tòng 想xiǎng 度dù/duó/zhái 加jiā 第dì 她tā/jiě/chí 合hé/gě 院yuàn "
    "物wù 性xìng 战zhàn 戰zhàn 由yóu/yāo 位wèi/lì 常cháng 点diǎn 點diǎn/zhān/duò 海hǎi 意yì/yī 场chǎng/cháng 場chǎng/cháng/shāng/dàng 武wǔ 使shǐ 次cì/zī/cí 二èr 向xiàng 治zhì/chí 因yīn 立lì/wèi 数shù/shǔ/shuò 數shù/shǔ/shuò 样yàng/yáng "
    "樣yàng/xiàng 身shēn/juān 情qíng 入rù 原yuán 问wèn 問wèn 把bǎ/bà/pá 路lù/luò 被bèi/bì/pī/pì 并bìng/bīng 並bìng/bàn/bàng 利lì 石shí/dàn 老lǎo 教jiào/jiāo 万wàn/mò 萬wàn 知zhī/zhì 级jí 級jí 量liàng/liáng 任rèn/rén/lìn 江jiāng "
    "及jí 应yīng/yìng 應yīng/yìng 省shěng/xǐng/xiǎn 资zī 資zī/zì 委wěi/wēi/wèi 务wù 務wù/wǔ/wú/máo/mào 元yuán 美měi 特tè 期qī/jī 世shì 湖hú 回huí 系xì/jì 比bǐ/bì/pí/pǐ 气qì/qǐ 氣qì/xì 汉hàn 漢hàn/tān 总zǒng 總zǒng/zōng/cōng "
    "展zhǎn 电diàn 電diàn 科kē/kè 金jīn/jìn 先xiān 声shēng/qìng 聲shēng 提tí/dī/chí/shí/dǐ 品pǐn 设shè 設shè 或huò/yù 义yì 義yì/yí/xī 王wáng/wàng/yù 社shè 很hěn 统tǒng 統tǒng 处chù/chǔ 處chù/chǔ/jù 四sì 首shǒu "
    "共gòng/gōng/gǒng/hóng 马mǎ 馬mǎ 形xíng 己jǐ/qǐ 儿ér/er/rén 兒ér/ní 司sī/cí/sì 太tài/tā 目mù 基jī 领lǐng 領lǐng 队duì 隊duì/zhuì/suì 直zhí 计jì 計jì 别bié/biè 別bié 女nǚ/nǜ/rǔ 权quán 權quán/guàn 话huà "
    "話huà 少shǎo/shào 流liú 命mìng 至zhì/dié 报bào 報bào/fù 米mǐ 给gěi/jǐ 給gěi/jǐ/xiá 打dǎ/dá 变biàn 變biàn 果guǒ/luǒ/guàn 书shū 書shū 清qīng/qìng 活huó/guō 几jǐ/jī 幾jǐ/jī/jì/qí 州zhōu 华huá/huà/huā 華huá/huā/huà/kuā 解jiě/jiè/xiè "
    "议yì 議yì 更gèng/gēng 称chēng/chèn/chèng 稱chēng/chèn/chèng 程chéng 今jīn 决jué 決jué/quē/xuè 张zhāng 張zhāng/zhàng 导dǎo 導dǎo/dào 术shù/zhú/shú 術shù 府fǔ 才cái/zāi 保bǎo 交jiāo 放fàng/fǎng/fāng 管guǎn 结jié/jiē 結jié/jì/jiē 师shī "
    "師shī 便biàn/pián/biān 走zǒu 达dá/tì/tà 達dá/tà 族zú/sǒu/còu/zòu 反fǎn/fàn 再zài 题tí 題tí/dì 色sè/shǎi 五wǔ 京jīng 河hé 接jiē/xié/shà/chā 条tiáo 條tiáo/tiāo 规guī 規guī/guì/xù 式shì/tè 县xiàn 縣xiàn/xuán 白bái/bó 它tā/tuó/yí "
    "改gǎi 风fēng 風fēng/fèng/fěng 光guāng/guàng 运yùn/yǔn 運yùn 信xìn/shēn 受shòu/dào 什shén/shí 组zǔ 組zǔ/qū 听tīng/yǐn/yí 聽tīng 布bù 百bǎi/bó/mò 济jì/jǐ 濟jì/jǐ/qí 党dǎng 黨dǎng/tǎng/chèng 指zhǐ/zhī/zhí 论lùn/lún 論lùn/lún 强qiáng/jiàng/qiǎng 強qiáng/jiàng/qiǎng "
    "做zuò 取qǔ/qū 技jì/qí 黄huáng 黃huáng 神shén/shēn 选xuǎn 選xuǎn/xuàn/suàn/shuā 记jì 記jì 斯sī/shǐ 真zhēn 却què 卻què/jiǎo/xì 职zhí 職zhí/tè 号hào/háo/xiāo 號hào/háo 界jiè 件jiàn/móu 花huā 类lèi 類lèi 何hé/hè "
    "眼yǎn/wěn 兵bīng 传chuán/zhuàn 傳chuán/zhuàn 带dài 帶dài 空kōng/kòng/kǒng 干gàn/gān/àn 幹gàn/gān/hán/guǎn 农nóng 農nóng 边biān/bian 邊biān/bian 据jù/jū 據jù 集jí 联lián 聯lián 古gǔ/gù/kū 广guǎng/yǎn/ān 廣guǎng/guàng/kuàng/guāng 完wán/kuān 质zhì 質zhì "
    "阳yáng 陽yáng 难nán/nàn 難nán/nàn/nuó 增zēng/zèng/céng 历lì 歷lì 史shǐ 专zhuān 專zhuān/tuán/shuàn 官guān 每měi 住zhù 商shāng 即jí 步bù 认rèn 認rèn 车chē/jū 車chē/jū 台tái/tāi/yí/sì 臺tái 林lín 必bì "
    "死sǐ 游yóu/liú 遊yóu 举jǔ 舉jǔ 线xiàn 線xiàn 言yán/yàn/yín 皇huáng/wǎng 土tǔ/dù/chǎ/tú 团tuán/qiú 團tuán/chuán 收shōu 考kǎo 求qiú 德dé 叫jiào 近jìn 备bèi 備bèi 研yán/yàn/xíng 争zhēng 爭zhēng/zhèng 非fēi/fěi "
    "具jù 李lǐ 众zhòng/yín 衆zhòng/zhōng 眾zhòng 连lián 連lián/liǎn/liàn/làn 调diào/tiáo 調diào/tiáo/zhōu 感gǎn/hàn 转zhuǎn/zhuàn/zhuǎi 轉zhuǎn/zhuàn/zhuǎi 笑xiào 革gé/jí 该gāi 該gāi 持chí 始shǐ 英yīng/yāng 克kè 士shì 尔ěr 爾ěr/mǐ/nǐ 让ràng "
    "讓ràng 拉lā/lá/lǎ/là/la 思sī/sāi 根gēn 格gé/luò/hè/gē 造zào/cào/cāo 较jiào 較jiào/jué/xiào 际jì 際jì 亲qīn/qìng 親qīn/qìng 单dān/chán/shàn 單dān/dǎn/chán/shàn/chǎn/dàn/zhàn/tán 朝cháo/zhāo/zhū 红hóng/gōng 紅hóng/gōng/jiàng 型xíng 价jià/jie/jiè 價jià/qiǎ/jie 校xiào/jiào/jiǎo/qiāo 约yuē/yāo 約yuē/yāo/yào/dì 器qì "
    "字zì 段duàn 周zhōu 亚yà 亞yà/yā/è 深shēn 候hòu 则zé 則zé 功gōng 属shǔ/zhǔ 屬shǔ/zhǔ 积jī/zhǐ 積jī 快kuài 麪miàn 麫miàn 图tú 圖tú 火huǒ/huō 千qiān 准zhǔn 準zhǔn/zhuó 究jiū/jiù "
    "往wǎng/wàng 极jí 極jí/jǐ 育yù/zhòu/yō 装zhuāng 裝zhuāng 许xǔ/hǔ 許xǔ/hǔ 参cān/cēn/shēn 參cān/shēn/sān/cēn/càn/sǎn 半bàn/pàn 令lìng/líng/lǐng/lián 吃chī/qī 喫chī/kài 观guān/guàn 觀guān/guàn 鱼yú 魚yú 精jīng/qíng/jìng 办bàn 辦bàn 像xiàng 帝dì 八bā/bá "
    "复fù 復fù 影yǐng 告gào/jū/gù 远yuǎn 遠yuǎn/yuàn 群qún 羣qún 包bāo/páo/fú 整zhěng 构gòu 構gòu/jué 料liào/liáo 随suí 隨suí 划huà/huá/guò/guǒ/huai 劃huà/huá/huai 算suàn 象xiàng 容róng/yǒng 示shì/qí/zhì/shí 投tóu/dòu 势shì 勢shì "
    "热rè 熱rè 值zhí 夫fū/fú 网wǎng 網wǎng 望wàng 源yuán 息xī 语yǔ/yù 語yǔ/yù 股gǔ 铁tiě 鐵tiě/dié 断duàn 斷duàn 派pài/mài/bài/pā 速sù 怎zěn 需xū/nuò/rú/ruǎn 片piàn/piān/pàn 爱ài 愛ài 律lǜ "
    "纪jì/jǐ 紀jì/jǐ 支zhī/zhì/qí 早zǎo 况kuàng 況kuàng 病bìng 境jìng 证zhèng 證zhèng 编biān 編biān/biǎn/biàn 越yuè/huó 局jú 推tuī 满mǎn 滿mǎn/mèn 且qiě/jū/cú 列liè/lì 觉jué/jiào 覺jué/jiào 服fú/fù/bì/bó 双shuāng 雙shuāng "
    "未wèi 居jū/jī 除chú/zhù/shū 乐lè/yuè 樂lè/yuè/yào/luò/liáo 企qǐ 引yǐn 标biāo 標biāo/biào 确què 確què 织zhī 織zhī/zhì 初chū 青qīng/jīng 志zhì 率lǜ/shuài/lüè 项xiàng 項xiàng 飞fēi 飛fēi 球qiú 节jié/jiē 察chá/cuì "
    "節jié/jiē 龙lóng 龍lóng/máng 响xiǎng 響xiǎng 药yào 藥yào/shuò/lüè 站zhàn/zhān 施shī/yì/shǐ 均jūn/yùn 消xiāo 客kè/qià 失shī/yì 轻qīng 輕qīng/qìng 存cún 低dī 甚shèn/shén 隻zhī/huò 般bān/pán/bǎn/bō 击jī 擊jī/jì/xí 曾céng/zēng 防fáng "
    "请qǐng 請qǐng/qìng/qíng 离lí/chī 離lí/lì/lǐ/chī/gǔ 落luò/là/lào/luō 显xiǎn 顯xiǎn/xiàn 罗luó/luō 羅luó/luō/luo 营yíng 營yíng/cuō 足zú/jù 素sù 视shì 視shì 护hù 護hù 副fù/pì 食shí/sì/yì 创chuàng/chuāng 創chuàng/chuāng/qiāng 余yú/tú/xú/yù 餘yú/yé 製zhì "
    "照zhào 兴xīng/xìng 興xìng/xīng/xìn 占zhàn/zhān/tiē 佔zhàn/chān/diān 巴bā 虽suī 雖suī 洲zhōu 村cūn 费fèi 費fèi/fú/bì 易yì 试shì 試shì 星xīng 木mù 黑hēi 左zuǒ 宝bǎo 寶bǎo 置zhì 跟gēn 央yāng/yīng "
    "识shí/shì/zhì 識shí/shì/zhì 维wéi 維wéi/yí 采cǎi/cài 採cǎi 六liù/lù 底dǐ/de 宫gōng 宮gōng 房fáng/páng 音yīn 环huán 環huán/huàn 案àn 批pī/pí 切qiè/qiē/qì 斗dòu/dǒu/zhǔ 鬥dòu 富fù 乡xiāng 鄉xiāng/xiǎng/xiàng 另lìng 倒dào/dǎo "
    "若ruò/ré/rè/rě 按àn 查chá/zhā/chái 故gù 突tū 责zé 責zé/zhài 严yán 嚴yán/yǎn 桥qiáo 橋qiáo/jiāo/jiào/qiāo/jiǎo 模mó/mú 仅jǐn/fù/nú/jìn 僅jǐn/jìn 胜shèng/xīng/qìng/shēng 勝shèng 杀shā 殺shā/shài/sà/xiè/shì 围wéi 圍wéi 席xí 态tài 態tài 破pò "
    "承chéng/zhěng/zhèng 招zhāo/qiáo/sháo 杨yáng 楊yáng 负fù 負fù 层céng 層céng 须xū 須xū 父fù/fǔ 供gōng/gòng 续xù 續xù 状zhuàng 狀zhuàng 域yù 似shì/sì 依yī/yǐ 银yín 銀yín 范fàn 範fàn 修xiū "
    "找zhǎo/huá 九jiǔ/jiū 致zhì/zhuì 密mì 终zhōng 終zhōng 血xuè/xiě 旅lǚ 钱qián 錢qián/jiǎn 赛sài 賽sài 独dú 獨dú 细xì 細xì 效xiào 玉yù 冲chōng/chòng 衝chōng/chǒng/chòng 获huò 獲huò 习xí 習xí "
    "医yī/yì 醫yī/yǐ 演yǎn/yàn 毛máo/mào 尽jǐn/jìn 盡jǐn/jìn 脸liǎn 臉liǎn 弹dàn/tán 彈dàn/tán 楼lóu 樓lóu/lǘ 艺yì 藝yì 航háng 陆lù/liù 陸lù/liù 右yòu 协xié 協xié 七qī/qí 攻gōng 镇zhèn 鎮zhèn/zhēn/tián "
    "检jiǎn 檢jiǎn 写xiě/xiè 寫xiě/xiè 苏sū 蘇sū 宗zōng 章zhāng/zhàng 注zhù/zhòu 阿ā/ē/ě/ǎ/à/a 抗kàng/gāng 弟dì/tì/tuí 坐zuò 验yàn 驗yàn 封fēng/biǎn 紧jǐn 緊jǐn 劳láo 勞láo/lào/liáo 户hù 戶hù 优yōu/yóu 優yōu "
    "财cái 財cái 养yǎng 養yǎng/yàng 适shì/kuò 適shì/dí/tì/zhé 陈chén 陳chén/zhèn 喜xǐ/xī/chì 卫wèi 衛wèi 衞wèi 排pái/pǎi/bài 射shè/yè/yì 哥gē 油yóu/yòu 刻kè/kēi 留liú/liù/liǔ 急jí 曏xiǎng/xiàng/shǎng 降jiàng/xiáng/xiàng 念niàn 云yún 雲yún "
    "微wēi 伤shāng 傷shāng 例lì/liè 景jǐng/yǐng 拿ná 绝jué 絕jué 阶jiē 階jiē 座zuò 刘liú 劉liú 刚gāng 剛gāng 害hài/hé 印yìn/yì 亿yì 億yì/yī 沙shā/shà/suō 母mǔ/mú/wǔ/wú 酒jiǔ 助zhù/chú 闻wén "
    "聞wén/wèn 超chāo/chǎo/chào/tiào 审shěn 審shěn/pán 待dài/dāi 压yā/yà 壓yā/yà 升shēng 送sòng 监jiān/jiàn 監jiān/jiàn/kàn 策cè 略lüè 限xiàn/wěn 竟jìng 香xiāng 配pèi 藏cáng/zàng/zāng 敌dí/huá 敵dí 呢ne/ní/nǐ/nī 差chà/chā/chāi/cī/chài/cuō/jiē 仍réng 兰lán "
    "蘭lán 温wēn/yùn 溫wēn 园yuán/wán 園yuán 树shù 樹shù 征zhēng 徵zhēng/zhǐ/chéng 善shàn 波bō/bēi/bì 哪nǎ/na/né/nuó/nǎi/nà/niè/něi 词cí 詞cí 岛dǎo 島dǎo 止zhǐ 预yù 預yù 怕pà/bó 继jì 繼jì 皮pí 执zhí "
    "執zhí 味wèi/mèi 份fèn/bīn 角jiǎo/jué/lù/gǔ 草cǎo/zào 男nán 普pǔ 繫xì/jì 答dá/dā 益yì 谁shuí/shéi 誰shuí/shéi 船chuán 惊jīng/liáng 驚jīng 核hé/hú/gāi/kài 街jiē 夏xià/jiǎ 宣xuān 掌zhǎng 田tián 久jiǔ 画huà 畫huà "
    "辑jí 輯jí 奇qí/jī/ǎi/yǐ 尼ní/nǐ 剑jiàn 劍jiàn 吧ba/bā/pā 谈tán 談tán 背bèi/bēi 免miǎn/wèn/wǎn 孩hái 礼lǐ 禮lǐ 材cái 愿yuàn 願yuàn/yuǎn 洋yáng/xiáng/yǎng 春chūn/chǔn 架jià 筑zhù/zhú 築zhù/zhú 括kuò/guā 晚wǎn "
    "乱luàn 亂luàn 乎hū 讲jiǎng 講jiǎng 尚shàng/cháng 良liáng/liǎng 友yǒu 临lín 臨lín/lìn 激jī/jiào/jiāo 刀dāo/diāo 夜yè 室shì 既jì/xì 敢gǎn 邦bāng 挥huī 昌chāng/chàng 揮huī/hún 板bǎn 胡hú 欧ōu 歐ōu/ǒu "
    "福fú/fù 港gǎng/hòng 叶yè/xié 葉yè/shè 简jiǎn 簡jiǎn 苦kǔ/gǔ/hù 担dān/dàn/dǎn/jiē 擔dān/dàn/shàn 句jù/gōu/gòu/qú 岁suì 歲suì/suò 荆jīng 荊jīng 贵guì 貴guì 娘niáng 守shǒu/shòu 辖xiá 轄xiá/hé 威wēi 宜yí 衣yī/yì 帮bāng "
    "幫bāng 块kuài/yué 塊kuài 堂táng 额é 額é 错cuò 錯cuò/cù/xī 剧jù 劇jù 充chōng 欢huān 歡huān 够gòu 夠gòu 孙sūn 孫sūn/xùn 班bān 呼hū/xiāo/xū/hè/xià 阵zhèn 陣zhèn 销xiāo 銷xiāo 坚jiān "
    "堅jiān 练liàn 練liàn 脚jiǎo/jué 腳jiǎo/jué 退tuì 读dú/dòu 讀dú/dòu 测cè 測cè 吴wú/tūn 吳wú/yú 希xī 宁níng/nìng/zhù 寧níng/nìng 换huàn 換huàn 版bǎn 异yì/yí 異yì 某mǒu/méi 彆biè 顾gù 顧gù "
    "曲qū/qǔ 楚chǔ 典diǎn/tiǎn 朱zhū/shū 毒dú/dài 菜cài 判pàn 救jiù/jiū 宋sòng 茶chá 洪hóng 含hán/hàn 顺shùn 順shùn 啊a/ā/á/ǎ/à/è 鲜xiān/xiǎn 鮮xiān/xiǎn/xiàn 败bài 敗bài 货huò 貨huò 矿kuàng 礦kuàng/gǒng 端duān "
    "兄xiōng/kuàng 归guī 歸guī/kuì/kuí 冷lěng/líng/lǐng 忙máng 买mǎi 買mǎi 险xiǎn 險xiǎn/jiǎn/yán 康kāng/kàng 评píng 評píng 肉ròu/rù 吗ma/má/mǎ 嗎ma/mà/má/mǎ 厂chǎng/hǎn/yán/ān 廠chǎng 永yǒng 哈hā/hǎ/hà/hē/hé/tà/shà 沉chén 散sàn/sǎn/sān 遗yí/wèi 遺yí/wèi/suí 停tíng "
    "笔bǐ 筆bǐ 假jiǎ/jià/jie/xià/xiá/gé 输shū 輸shū/shù 牛niú 洞dòng/tóng 松sōng 渐jiàn/jiān 漸jiàn/jiān/qián/chán 顶dǐng 頂dǐng 训xùn 訓xùn 录lù 錄lù 否fǒu/pǐ 述shù 毕bì 畢bì 督dū 控kòng/kōng/qiāng 丰fēng 豐fēng "
    "献xiàn 獻xiàn/suō/xī 姑gū 忽hū 爷yé 爺yé 互hù 亮liàng/liáng 纳nà 納nà 襄xiāng 登dēng/dé 咱zán/zá/zǎ/zan 钟zhōng 鍾zhōng 伯bó/bǎi/mò/bà 臣chén 雄xióng 季jì 脑nǎo 腦nǎo/nào 介jiè/gè 鄂è 召zhào/shào "
    "饭fàn 飯fàn 暗àn 扩kuò 擴kuò/tǎng/guàng 祖zǔ/jiē 齐qí/jì 齊qí/jī/jì/zī/zhāi/jiǎn 短duǎn 烈liè 赶gǎn/qián 趕gǎn 牌pái 恩ēn 诉sù 訴sù 移yí/chǐ/yì 诗shī 詩shī 础chǔ 礎chǔ 露lù/lòu 届jiè 屆jiè "
    "蒙méng/mēng/měng 静jìng 靜jìng 喝hē/hè/yè/kài 盘pán 盤pán/xuán 卖mài 賣mài 佈bù 植zhí 授shòu 伊yī 湾wān 灣wān 博bó 痛tòng 减jiǎn 減jiǎn 穿chuān/chuàn/yuān 逐zhú/dí/zhòu/tún 秘mì/bì/bié 祕mì/bì 庭tíng 陵líng "
    "固gù 禁jìn/jīn 票piào/piāo 灵líng 靈líng 杂zá/duǒ 雜zá 姓xìng/shēng 泽zé 澤zé/shì/yì/duó 吸xī 侧cè/zè/zhāi 側cè/zè/zhāi 庆qìng 慶qìng/qīng/qiāng 妈mā 媽mā 遇yù/yóng/ǒu 追zhuī/duī/tuī 甲jiǎ 馆guǎn 館guǎn 补bǔ 補bǔ "
    "唐táng 炮pào/bāo/páo 沿yán/yǎn/yàn 殿diàn 刺cì/cī/qì 怪guài 眞zhēn 彩cǎi 俄é 旧jiù 舊jiù 警jǐng 索suǒ 岸àn 轮lún 輪lún 妇fù 婦fù 载zài/zǎi 載zài/zǎi/dài/zāi/zī 靠kào 附fù/bù/fū 毫háo 怀huái/fù "
    "懷huái 软ruǎn 軟ruǎn 骨gǔ/gū/gú 探tàn/xián 雷léi/lèi 旁páng/pēng/bēng/bàng 罪zuì 枪qiāng 槍qiāng/chēng/qiǎng 牙yá/yà 迎yíng/yìng 序xù 慢màn/mán 盛shèng/chéng 雨yǔ/yù 墙qiáng 牆qiáng 恶è/ě/wù/wū 惡è/wù/wū/ě/hū 谷gǔ/lù/yù 顿dùn/dú 頓dùn/dú 危wēi "
    "稳wěn 穩wěn 熟shú/shóu 概gài/guì/jié 酸suān 操cāo 诸zhū 諸zhū/chú 绿lǜ/lù 綠lǜ 佛fú/fó/bó/bì 荣róng 榮róng 针zhēn 針zhēn 托tuō 宽kuān 寬kuān 折zhé/shé/zhē/tí 野yě/shù 付fù 午wǔ 肯kěn 库kù "
    "庫kù 厚hòu 缺quē/kuǐ 罢bà/ba 罷bà/pí/pì/bǐ/ba/bǎi 耳ěr/réng 屋wū 嘴zuǐ 末mò/me 谢xiè 謝xiè 巨jù/qú 培péi/pǒu/pī 页yè 頁yè/xié 瓦wǎ/wà 卽jí 款kuǎn/xīn 犯fàn 困kùn 店diàn 智zhì/zhī 拥yōng 擁yōng "
    "雪xuě 翻fān 圣shèng/kū 聖shèng 戏xì/hū 戲xì/hū/xī/huī/suō/yī 旗qí 吉jí 婚hūn 綫xiàn 奖jiǎng 獎jiǎng 岩yán 巖yán 疑yí/níng 币bì/yìn 幣bì 圆yuán 圓yuán 歌gē 廷tíng 糰tuán 健jiàn 卡kǎ/qiǎ "
    "烧shāo 燒shāo/shào 析xī/sī 讨tǎo 討tǎo 跑pǎo/páo/bó 烟yān/yīn 煙yān 误wù 誤wù 仙xiān/xiǎn 疗liáo 療liáo/liào/shuò 舞wǔ 亡wáng/wú 闭bì 閉bì 汽qì/gài/yǐ 伸shēn 脱tuō/tuì 脫tuō 秋qiū 姐jiě/jù/xù/zū 繁fán/pó/pán "
    "侵qīn/qǐn 川chuān 莫mò/mù 麻má/mā 秀xiù 借jiè 寻xún/xín 尋xún/xín 私sī 岗gǎng/gāng 崗gǎng/gāng 卷juǎn/juàn/quán/quān/gǔn/jùn 跳tiào/diào/táo 丽lì/lí 麗lì/lí/lǐ/sī 横héng/hèng/guāng/guàng/huáng/huàng 橫héng 驻zhù 駐zhù 套tào/tǎo 兼jiān 您nín 君jūn 丁dīng/zhēng "
    "束shù 纸zhǐ 紙zhǐ 夺duó 奪duó/duì 袁yuán 灯dēng/dīng 燈dēng 坏huài/pī/péi 坦tǎn 壞huài/huì/huái 丝sī 絲sī 径jìng 徑jìng/jīng 购gòu 購gòu 阴yīn 陰yīn/yìn/ān 床chuáng 牀chuáng 瞧qiáo 择zé/zhái 擇zé/zhái/yì "
    "墓mù 宪xiàn/xiòng 憲xiàn/xiǎn 峰fēng 峯fēng 遍biàn 鲁lǔ 魯lǔ/lǚ 庙miào 廟miào 掉diào/nuó 丹dān 桃táo/tiāo/zhào 御yù/yà 舰jiàn 艦jiàn 避bì 售shòu/shú 怒nù 课kè 課kè 播bō/bǒ 拔bá/bō/bié/fá/bèi 奥ào/yù/yōu "
    "奧ào 延yán 虚xū 虛xū 週zhōu 隐yǐn 隱yǐn/yìn 粮liáng 糧liáng 络luò/lào 絡luò/lào 遭zāo 摇yáo 搖yáo 潜qián 潛qián 庄zhuāng/péng 莊zhuāng 混hùn/gǔn/hún/kūn 厅tīng 廳tīng 婆pó 奴nú 鼓gǔ "
    "赵zhào 趙zhào/diào 访fǎng 訪fǎng 睡shuì 震zhèn/shēn 予yǔ/yú/zhù 童tóng/zhōng 徐xú 韦wéi 韋wéi/huí 殖zhí/shi/shì 抓zhuā 韆qiān 拜bài/bái 吨dūn/tún/tǔn 噸dūn 扬yáng 揚yáng 址zhǐ 洛luò 休xiū/xù 纵zòng 縱zòng/cóng/zǒng "
    "逃táo 染rǎn 纷fēn 紛fēn 贸mào 貿mào 透tòu/shū 汇huì 匯huì 灭miè 滅miè 蛋dàn 森sēn 仪yí 儀yí 塔tǎ/dā/da 距jù 狐hú 融róng 郡jùn 缓huǎn 緩huǎn 聚jù 蔘shēn/sān/sǎn "
    "盖gài/gě 蓋gài/gě 拍pāi/bó 迹jì/jī 跡jī 忠zhōng 释shì 釋shì/yì 润rùn 潤rùn 粉fěn 涓juān/yuàn/xuàn 孔kǒng 岭lǐng/líng 嶺lǐng 搜sōu/xiāo/sòu/shǎo 紫zǐ 虑lǜ/bì 慮lǜ/lǘ 促cù/chuò 抵dǐ/zhǐ/qí 钢gāng/gàng 鋼gāng/gàng 塞sāi/sài/sè "
    "寺sì/shì 津jīn 液yè/shì 码mǎ 碼mǎ 虎hǔ/hù 坛tán 壇tán/shàn/dàn/tǎn 珍zhēn 硬yìng/gěng 梁liáng 奔bēn/bèn/fèn 累lèi/léi/lěi/lǜ/liè 役yì 偏piān 迫pò/pǎi 锛bēn 錛bēn 凡fán 损sǔn 損sǔn 壁bì 哭kū 替tì "
    "税shuì/tuō/tuì/tuàn 稅shuì 综zōng/zèng 綜zōng/zèng/zòng 伦lún 倫lún 冰bīng/níng 盟méng/mèng/míng 挂guà 掛guà 韩hán 韓hán 竞jìng 競jìng 乌wū/wù 烏wū/yā/wù 尤yóu 弱ruò 铺pù/pū 鋪pù/pū 妹mèi 秦qín 尊zūn 竹zhú "
    "珠zhū 迅xùn 脉mài/mò 脈mài/mò 泥ní/nì/nǐ/niè/nìng 鬼guǐ 纯chún 純chún/zhǔn/tún/quán/zī/zhūn 睛jīng/jǐng 刑xíng 途tú 隆lóng/lōng 潮cháo 幅fú/bī 杯bēi 握wò/òu 谋móu 謀móu 剂jì 劑jì 幸xìng/niè 奉fèng 乘chéng/shèng 抱bào/pāo/pǒu "
    "朋péng 谓wèi 謂wèi 频pín 頻pín/bīn 崇chóng 壮zhuàng 壯zhuàng/zhuāng 骑qí 騎qí/jì 紝rèn 恐kǒng 享xiǎng 鸡jī 雞jī 虫chóng/huǐ 蟲chóng/zhòng/tóng 绍shào 紹shào/chāo 铜tóng 銅tóng 呈chéng/kuáng/chěng 泛fàn/fěng/fá 械xiè "
    "摆bǎi 擺bǎi 欲yù 奶nǎi 証zhèng 敬jìng 措cuò/zé/cì 爆bào/bó 暴bào/pù/bó 签qiān 籤qiān 猛měng 郭guō/guó 嘉jiā 障zhàng/zhāng 缩suō/sù 縮suō/sù 亦yì 废fèi 廢fèi 搞gǎo/qiāo/kào 胞bāo/páo/pào 埃āi/zhì 曰yuē "
    "撤chè 暖nuǎn/xuān 寒hán 订dìng 訂dìng 俗sú 绩jì/jī 績jī 阻zǔ/zhù 盐yán 鹽yán/yàn 萨sà 薩sà 勒lēi/lè/lei 忘wàng/wáng 誌zhì 奏zòu/còu 孝xiào 贴tiē 貼tiē 灰huī 梅méi 触chù 觸chù "
    "玩wán 默mò 醒xǐng/chéng/jīng 胸xiōng 莲lián 蓮lián/liǎn 篇piān 柱zhù/zhǔ 裁cái 啦la/lā 淡dàn/yàn/tán 抢qiǎng/qiāng 搶qiǎng/qiāng/qiàng/chéng/chēng 捕bǔ 闹nào 鬧nào 纺fǎng 紡fǎng/bǎng/fàng 截jié 讯xùn 訊xùn 朗lǎng 誉yù 譽yù "
    "雅yǎ/yā/yá 忍rěn/rèn 梦mèng 夢mèng/méng 伙huǒ/huo 夥huǒ 勇yǒng 峡xiá 峽xiá 徒tú 丈zhàng 尾wěi/yǐ 迷mí/mì 唱chàng 泉quán 泰tài 佳jiā 残cán 殘cán 闪shǎn 閃shǎn 伍wǔ 呀ya/yā/xiā 疾jí "
    "署shǔ 剩shèng 贼zéi 賊zéi 冠guān/guàn 倾qīng 傾qīng/qǐng 豆dòu 申shēn 贫pín 貧pín 诺nuò 麦mài 麥mài 諾nuò 泪lèi 淚lèi/lì 羊yáng 尖jiān 辈bèi 輩bèi 镜jìng 鏡jìng 涉shè/dié "
    "贡gòng 貢gòng 爹diē 缘yuán 緣yuán/yuàn 摩mó/mā/mí 妻qī/qì 殊shū 贝bèi 貝bèi 零líng/lián 映yìng/yǎng 甘gān/hān 骂mà 罵mà 糖táng 岳yuè 嶽yuè 饮yǐn/yìn 飲yǐn/yìn 奋fèn/kǎng 奮fèn 棉mián 雕diāo "
    "跃yuè 躍yuè/tì 汗hàn/hán/gān 冒mào/mò 渡dù 努nǔ 赞zàn 贊zàn 启qǐ 啓qǐ 啟qǐ 阁gé 閣gé 斤jīn 裂liè/liě 患huàn 伏fú/fù 池chí/tuó/chè 鹿lù/lǘ 洗xǐ/xiǎn 劲jìn/jìng 勁jìn/jìng 晋jìn 晉jìn "
    "倍bèi/péi 埰cài/cǎi 圈quān/juān/juàn/quán/juǎn 媒méi/mèi 箭jiàn 沟gōu 锋fēng 溝gōu/gǎng/kòu 鋒fēng 胆dǎn/tán/tǎn/dá 膽dǎn 凭píng 憑píng 挑tiāo/tiǎo/táo/diào/tiáo/tiao 抬tái/chī 闯chuǎng 闖chuǎng/chèn 隔gé/rǒng/jī 弄nòng/lòng 曹cáo 汤tāng/shāng 湯tāng/tàng/shāng/yáng 苗miáo 迁qiān "
    "遷qiān 叹tàn/yǐ/yòu 嘆tàn 唯wéi/wěi 振zhèn/zhēn/zhěn 储chǔ 儲chǔ/chú 贯guàn 貫guàn/wān 彻chè 徹chè 桌zhuō 祭jì/zhài 符fú 僧sēng/céng 衡héng 炸zhà/zhá 旋xuán/xuàn 喊hǎn/kàn/jiān 凤fèng 鳳fèng 黎lí 郎láng/làng 援yuán/huàn "
    "肥féi/bǐ 磁cí 忌jì 赏shǎng 辽liáo 遼liáo 賞shǎng 祥xiáng 董dǒng/zhǒng 仁rén 蓆xí 辛xīn 瑞ruì 询xún 詢xún 敏mǐn 浪làng/láng 貌mào/mò 毁huǐ/huì 毀huǐ 昨zuó 鬚xū 巧qiǎo 腿tuǐ "
    "抽chōu 荷hé/hè/hē 陷xiàn 焦jiāo/qiáo 净jìng/chēng 淨jìng/chéng 腹fù 弃qì 棄qì 乃nǎi/ǎi 湘xiāng 亩mǔ 畝mǔ/mǒu 滑huá/gǔ 狗gǒu 冬dōng 宏hóng 皆jiē 番fān/pān/fán/bō/pó/pán/pàn/pí 尸shī 屍shī/shì 伟wěi 偉wěi 桂guì "
    "览lǎn 覽lǎn/làn 緻zhì 恢huī 龄líng 齡líng 绕rào/rǎo 繞rào/rǎo 趣qù/cù/qū/cǒu/zōu 晶jīng 坡pō 魏wèi/wéi/wēi 摸mō/mó 伴bàn/pàn 墨mò/mèi 浓nóng 濃nóng 绪xù 緒xù 舍shě/shè/shì 蓝lán/la 藍lán/la 荡dàng 蕩dàng/tāng/tàng "
    "阅yuè 閱yuè 閲yuè 井jǐng/jìng 穫huò/hù 鸿hóng 鴻hóng/hòng 旦dàn 惯guàn 慣guàn 症zhèng/zhēng 鸟niǎo/diǎo 鳥niǎo/diǎo/dǎo/què 窗chuāng/cōng 扎zhā/zā/zhá/zhǎ 辞cí 辭cí 聘pìn/pìng 穷qióng 窮qióng 堰yàn 宇yǔ 键jiàn 鍵jiàn "
    "荒huāng/huǎng/kāng/huáng 递dì 遞dì/shì/dài 恨hèn 隶lì/dài/yì/dì 隸lì 厉lì 厲lì/lài 杜dù/dǔ/tú 闲xián 閒xián/jiàn/jiān/jiǎn 腰yāo 註zhù 袭xí 襲xí 侍shì 灾zāi 災zāi 涨zhǎng/zhàng 漲zhǎng/zhàng/zhāng 叔shū 湿shī 溼shī 濕shī/tà/xí "
    "寨zhài/sè/qiān 幕mù/màn 豪háo 郑zhèng 鄭zhèng 磨mó/mò 浮fú 薄báo/bó/bò/bù 券quàn/xuàn 赤chì 腐fǔ 译yì 譯yì 租zū/jū 氧yǎng 戴dài 邓dèng/shān 鄧dèng 煤méi 肠cháng 腸cháng 牧mù 孤gū 诏zhào "
    "詔zhào/zhāo 妙miào/miǎo 旨zhǐ 堡bǎo/bǔ/pù 册cè/zhà 冊cè 锅guō 鍋guō/guǒ 胖pàng/pán/pàn 柳liǔ 阔kuò 闊kuò 吹chuī/chuì 丘qiū 趋qū 趨qū/cù/qù/cǒu 锦jǐn 錦jǐn 颜yán 顏yán 悬xuán 懸xuán 陶táo/yáo/dào 拳quán "
    "诚chéng 誠chéng 尺chǐ/chě 晓xiǎo 曉xiǎo 插chā/zhǎ 蒋jiǎng 蔣jiǎng/jiāng 艇tǐng 勤qín/qí 穴xué/jué 摄shè 攝shè/zhé/niè/shà 燕yàn/yān 垂chuí/zhuì 罚fá 罰fá 辆liàng 輛liàng 戒jiè 稀xī 腾téng 騰téng 粗cū "
    "袋dài 绘huì 繪huì/guì 炎yán/yàn/tán 氏shì/zhī/jīng 肩jiān/xián 枝zhī/qí 狂kuáng/jué 泊pō/bó/pò 估gū/gù 杭háng/kàng/kāng 扑pū/pì 撲pū/bǔ 臂bì/bei 哲zhé 寡guǎ 偷tōu 懂dǒng 琴qín 悲bēi 盾dùn/shǔn/yǔn 炒chǎo 稍shāo/shào 矛máo "
    "愈yù 籍jí/jiè 颁bān 頒bān/fén 吐tǔ/tù 呆dāi/bǎo/ái 违wéi 違wéi/huí 亭tíng 眉méi 撞zhuàng 贷dài 貸dài/tè 刊kān 巡xún/yán/shùn 屈qū/jué/què/jú 堆duī/zuī 曼màn 饰shì 飾shì/chì 碎suì 滚gǔn 滾gǔn 悉xī "
    "寄jì 浜bāng/bīn 迟chí 遲chí/zhì 描miáo/mào 污wū 汙wū/yú/wā/yū 辅fǔ 輔fǔ 魔mó 烦fán 煩fán 鼻bí 盗dào 盜dào 餐cān/sūn 幼yòu/yào 凉liáng/liàng 涼liáng/liàng 仗zhàng 冈gāng 岡gāng 澳ào/yù 驾jià "
    "駕jià/jiā 銆mò 菌jūn/jùn 肚dù/dǔ 肃sù 肅sù 爸bà 仰yǎng/áng 抚fǔ 撫fǔ/mó 慈cí 扶fú/pú 盆pén 仿fǎng/páng 炼liàn 煉liàn/làn 纲gāng 綱gāng 倘tǎng/cháng 碗wǎn 杰jié 傑jié 忧yōu/yòu 憂yōu "
    "惜xī 扫sǎo/sào 掃sǎo/sào 暂zàn 暫zàn 祝zhù/zhòu/chù 跨kuà/kù/kuā/kuǎ 畵huà 渔yú 漁yú 宾bīn 賓bīn 漫màn 寿shòu 壽shòu 猪zhū 豬zhū 涌yǒng/chōng 湧yǒng 凝níng 邻lín 鄰lín/lìn 赴fù 恰qià "
    "劝quàn 勸quàn 仇chóu/qiú/jū 践jiàn 踐jiàn 顷qǐng 頃qǐng/qīng/kuǐ 赋fù 賦fù 悄qiāo/qiǎo/qiào 莱lái 萊lái 拟nǐ 擬nǐ 贤xián 賢xián/xiàn 愤fèn 憤fèn 姆mǔ 乏fá 轰hōng 轟hōng 粒lì 逼bī "
    "傅fù/fū 陕shǎn 陝shǎn 昆kūn/hún/kùn 溶róng 葬zàng 燃rán 魂hún 挺tǐng/tíng 腊là/xī 臘là/liè 耐nài/néng 犹yóu/yòu 猶yóu/yáo 辉huī 輝huī 旣jì 乳rǔ 陪péi 颇pǒ/pō 頗pō/pǒ/pò/pí 鬍hú 斜xié/xiá/chá/yé 棋qí/jī "
    "殑qíng/jīng/jìng 熊xióng 浅qiǎn/jiān 淺qiǎn/jiān/jiàn/cán/zàn 沈shěn/chén/tán 姊zǐ 返fǎn 翼yì 丧sàng/sāng 喪sàng/sāng 拖tuō/chǐ 惨cǎn 慘cǎn 俊jùn/shùn/dūn 驱qū 驅qū 袖xiù 惠huì 涂tú/chú/yé 塗tú/dù 添tiān/tiàn 牵qiān 牽qiān/qiàn 咸xián/jiǎn/jiān "
    "鹹xián/jiǎn 详xiáng 詳xiáng/yáng 碰pèng 割gē 侯hóu/hòu 纤xiān/qiàn 柔róu 纖xiān/jiān 档dàng 檔dàng/dāng 糊hú/hū/hù 岂qǐ/kǎi 豈qǐ/kǎi 跪guì 拒jù/jǔ 覆fù 绣xiù 繡xiù 吓xià/hè/hà 嚇xià/hè 宿sù/xiǔ/xiù/qī 偶ǒu 揭jiē/qì/hé "
    "赖lài 賴lài 烤kǎo 卢lú 盧lú/lǘ/léi 娃wá/wā/guì 颗kē 顆kē/kě/kuǎn 邮yóu 郵yóu/chuí 扇shàn/shān 伐fá 循xún 衰shuāi/suō/cuī 弦xián 凯kǎi 凱kǎi 羽yǔ/hù 枚méi 帅shuài 帥shuài 锁suǒ 鎖suǒ 疏shū "
    "搭dā/tà 俱jù/jū 帐zhàng 帳zhàng 胶jiāo/xiáo 膠jiāo/jiǎo/háo/nǎo 赫hè/shì 鐨fèi 埋mái/mán 蒸zhēng 壳ké/qiào 殼ké/qiào 剉cuò 彼bǐ 脏zàng/zāng 髒zāng/zǎng 箱xiāng 浙zhè 弯wān 彎wān 瓜guā 挡dǎng/dàng 擋dǎng/dàng 拱gǒng/jú "
    "筹chóu 籌chóu/táo 疆jiāng/jiàng 肿zhǒng 腫zhǒng 膜mó 刷shuā/shuà 杆gān/gǎn/gàn 凶xiōng 兇xiōng 债zhài 債zhài 麯qū 甜tián 泡pào/pāo/páo 玄xuán/xuàn 贾jiǎ/gǔ 賈jiǎ/gǔ/jià 谱pǔ 譜pǔ 夹jiā/gā/jiá 夾jiā/jiá/xié/xiá/gā 乾qián/gān 遣qiǎn/qiàn "
    "薪xīn 灌guàn/huàn 咬yǎo/jiāo/yāo/jiǎo 尘chén 塵chén 填tián/tiǎn/chén/zhèn 廊láng 钻zuān/zuàn 鑽zuān/zuàn 丛cóng 叢cóng 狼láng/lǎng/làng/hǎng 牢láo/lào/lóu 脊jí/jǐ 熙xī/yí 卒zú/cù/cuì 碑bēi 漠mò 躲duǒ 削xuē/xiāo/qiào/shào 徽huī 踏tà/tā 贺hè 賀hè "
    "朵duǒ 遵zūn 狠hěn/yán/kěn/hǎng 菲fēi/fěi/fèi 撒sā/sǎ 扰rǎo/yòu 擾rǎo 蛇shé/yí/tuó/chí 锡xī 錫xī/tì 炉lú 爐lú 纹wén/wèn 紋wén/wèn 匹pǐ 亏kuī/yú 虧kuī 鉴jiàn 鑑jiàn 慕mù 跌diē/dié/tú 慌huāng/huǎng/huang 穆mù 邀yāo "
    "芳fāng 爬pá 豫yù/xiè/shū 吾wú/yú/yá 奸jiān/gān 棒bàng 淮huái 捷jié/qiè/chā 耕gēng 艘sōu 齿chǐ 齒chǐ 醉zuì 脂zhī/zhǐ 兽shòu 獸shòu 滴dī 盈yíng 卵luǎn/kūn 滋zī/cí/xuán 柴chái/cī/zhài/zì 溪xī/qī 妃fēi/pèi 浠xī "
    "碍ài 礙ài/yí 瓶píng 辩biàn 辯biàn/pián/biǎn/bàn 遂suì/suí 怨yuàn/yùn 拨bō 撥bō/fá 肌jī/jì 俘fú 挖wā 恒héng 恆héng/gèng 鬆sōng/sòng/sóng 励lì 勵lì 鸣míng 鳴míng 肝gān 腔qiāng/kòng 偿cháng 償cháng 秒miǎo "
    "拦lán 攔lán 允yǔn/yuán 塑sù 拆chāi/chè/chì/cā 靖jìng 耗hào/máo/mào 凌líng/lìng 披pī 胁xié 脅xié/xiàn/xī 吏lì 纽niǔ 紐niǔ 烂làn 爛làn 尝cháng 嘗cháng 垸yuàn/huán 辟pì/bì/mǐ/pī 闢pì/pī 鈡zhōng 耶yé/yē/xié 艰jiān "
    "艱jiān 佩pèi 敦dūn/duī/tuán/diāo/dùn/dào/zhǔn/tūn/duì/tún 疼téng 荐jiàn 薦jiàn 厘lí/chán 釐lí/xī/lái/tāi/lài/xǐ 匠jiàng 柏bǎi/bó/bò 悠yōu 壤rǎng 拾shí/shè/jiè 乔qiáo 喬qiáo/jiǎo 轴zhóu/zhòu 軸zhóu/zhú/zhòu 妖yāo/jiǎo 喷pēn/pèn 噴pēn/pèn/fèn 掩yǎn/yàn 璃lí 孟mèng 轨guǐ "
    "歇xiē/yà 軌guǐ 猜cāi 晨chén 坊fāng/fáng 桑sāng 堤dī/tí/dǐ/shí/wéi 畅chàng 暢chàng 瞎xiā 氨ān 辨biàn/biǎn/bàn/piàn 鞋xié/wā 昏hūn/hùn 恭gōng 畜chù/xù 浩hào/gǎo/gé 迪dí 雾wù 霧wù/méng 丟diū 丢diū 咨zī 諮zī "
    "擦cā 窝wō 洁jié/jí 窩wō 潔jié 飘piāo 飄piāo 捉zhuō 搬bān/sù 奈nài 肤fū 膚fū/lú 愁chóu/qiǎo/jiū 砖zhuān 磚zhuān/tuán/tuó 辣là 幽yōu 嘛ma/má 赢yíng 贏yíng 藕ǒu 挤jǐ 擠jǐ 舒shū/yù "
    "狮shī 獅shī 耀yào 诊zhěn 診zhěn 扣kòu 篮lán 籃lán 尿niào/suī 唤huàn 喚huàn 梯tī/tí 勾gōu/gòu 霍huò/hè/suǒ 舌shé/guā 侠xiá 俠xiá 筋jīn/qián 枢shū 樞shū/ōu 屏píng/bǐng/bìng/bīng 衙yá/yú/yù 殷yīn/yān/yǐn 舘guǎn "
    "栏lán 欄lán/liàn 纠jiū 糾jiū/jiǎo 链liàn 鏈liàn/lián 恋liàn 戀liàn 惧jù 懼jù 笼lóng/lǒng 籠lóng/lǒng 寸cùn/cǔn 冶yě 弥mí 彌mí/mǐ/ní 晃huǎng/huàng 叙xù 敘xù 敍xù 吊diào 哩lī/li/lì/lǐ/mái/yīng 稿gǎo 娜nà/nuó "
    "剥bō/bāo/pū 剝bō 拼pīn/bìng 欺qī 榜bǎng/bēng/bàng/páng/péng 囊náng/nāng 汪wāng/wǎng/hóng 逆nì 骗piàn 堪kān/chěn 騙piàn 猎liè/xī/què 獵liè 棺guān/guàn 胎tāi 俩liǎ/liǎng 倆liǎ/liǎng 郊jiāo 掘jué/kū 匆cōng 缝fèng/féng 縫fèng/féng 乙yǐ/yì/jué 藻zǎo "
    "携xié 攜xié 慧huì 函hán 辱rǔ 扯chě 嫩nèn 癌ái/yán 悟wù 滩tān 灘tān/hàn/nàn 祸huò 禍huò 秉bǐng 慰wèi 驰chí 馳chí 狱yù 獄yù 砍kǎn 糕gāo 漏lòu/lóu 吞tūn/tiān 纬wěi "
    "緯wěi 茅máo 渠qú/jù 催cuī 踪zōng 蹤zōng 叛pàn 浑hún 渾hún/hùn/gǔn 牲shēng 杖zhàng 鞭biān 腺xiàn 邪xié/yá/yé/xú/shé 欣xīn 汝rǔ 碳tàn 彭péng/páng/bāng/pēng 咐fù/fú 椒jiāo 绳shéng 繩shéng/yìng/mǐn/shèng 颈jǐng/gěng 頸jǐng/gěng "
    "漆qī/qiè 遥yáo 遙yáo 夷yí 郁yù 鬱yù 斑bān 忆yì 憶yì 阀fá 閥fá 緑lǜ/lù 卑bēi/bǐ/bì/pí/bān 宴yàn 抑yì 逻luó 邏luó/luò 嫁jià 扭niǔ/chǒu/zhǒu/zhòu 胃wèi 仔zǎi/zǐ/zī 恼nǎo 惱nǎo 贪tān "
    "貪tān 兆zhào 庸yōng/yóng 屽hàn/àn 僭jiàn/zèn 疯fēng 瘋fēng 侦zhēn 偵zhēn/zhēng 鹰yīng 鷹yīng 驶shǐ 駛shǐ 斩zhǎn 斬zhǎn/zhàn 鹤hè 鶴hè 猴hóu 蜂fēng 瘦shòu 赐cì 賜cì 闷mèn/mēn 悶mèn/mēn "
    "柄bǐng 椅yǐ/yī 轿jiào 轎jiào 拓tuò/tà/zhí 扮bàn/fěn/fēn/huǒ 砂shā 傻shǎ 粘zhān/nián 辐fú 輻fú 啥shá/shà 鏄tuán 伪wěi 僞wěi 偽wěi/wéi/é/guì 抛pāo 拋pāo 玻bō 昂áng/yàng 圳zhèn/quǎn/chóu/huái 侨qiáo 僑qiáo/jiǎo 奬jiǎng "
    "吟yín/yǐn/jìn 刃rèn 饱bǎo 吕lǚ 呂lǚ 飽bǎo 玛mǎ 瑪mǎ 碱jiǎn/xián 鹼jiǎn 冯féng/píng 馮féng/píng 仓cāng 倉cāng/chuàng 钦qīn 欽qīn/qìn/yín 哼hēng/hng 庞páng 龐páng/lóng 儒rú 叉chā/chá/chǎ/chà 泄xiè/yì 洩xiè/yì 臭chòu/xiù "
    "艾ài/yì 蓉róng 鼠shǔ 祯zhēn 捧pěng/fèng 禎zhēn/zhēng 舱cāng 艙cāng 坝bà 壩bà 芙fú 瘤liú 勃bó 敲qiāo 帽mào 吻wěn 契qì/xiè/qiè/jié 舟zhōu 夸kuā/kuà/kuǎ 誇kuā/qù 葡pú/bèi 剪jiǎn 抖dǒu 霸bà/pò "
    "艳yàn 豔yàn 宸chén 聪cōng 聰cōng 仆pū/pú 躺tǎng/tàng 僕pú/pū/bú 瑶yáo 瑤yáo 谦qiān 謙qiān/zhàn 炭tàn 卧wò 袍páo/bào 臥wò 猫māo/miáo/máo 貓māo/máo 珊shān 溜liū/liù/liú 漂piāo/piào/piǎo/biāo 衔xián 銜xián 苍cāng "
    "蒼cāng/cǎng 坑kēng/kàng 串chuàn/guàn/quàn 浆jiāng/jiàng 碧bì 漿jiāng/jiàng 巷xiàng/hàng 咽yàn/yān/yè/yuān 铸zhù 鑄zhù 押yā/xiá/jiǎ 惩chéng 懲chéng 迈mài 邁mài 锐ruì 銳ruì 鋭ruì/duì/yuè 颤chàn/zhàn 顫chàn/zhàn/shān 疲pí 滨bīn 濱bīn 履lǚ "
    "盒hé/ān 宅zhái/chè/dù 喀kā/kè/ke 饿è 缠chán 餓è 纏chán 翁wēng/wěng 幻huàn 逢féng/péng/páng 扁biǎn/piān/biān/pián 旱hàn 罕hǎn/hàn 怜lián/líng/lǐng 憐lián 姻yīn 蓄xù 磷lín/lìn/lǐn/líng 惟wéi/wěi 槸yì 帕pà/mò 掠lüè/lüě 稻dào 劫jié "
    "撑chēng 撐chēng 姿zī/zì 肾shèn 腎shèn 胀zhàng 脹zhàng/cháng 慎shèn/zhèn 哨shào/sāo/xiāo/xiào/sào 摔shuāi 谨jǐn 謹jǐn 鹅é 鵝é 丑chǒu 醜chǒu 塘táng 肺fèi/pèi 镑bàng 鎊bàng/pāng 趁chèn/zhēn/chén/niǎn/zhěn 蜀shǔ 兑duì/ruì/duó 兌duì "
    "哦ó/é/ò 贞zhēn 貞zhēn/zhēng 禧xǐ/xī 葛gé/gě 仲zhòng 惑huò 蔡cài/sà/cā 踢tī/dié 妥tuǒ 筒tǒng/dòng/tóng 诞dàn 誕dàn 禀bǐng 稟bǐng/lǐn 朴pǔ/piáo/pò/pū/pō 樸pǔ/pú 祀sì 饼bǐng 萄táo 餅bǐng 狭xiá 澶chán/dàn/zhān 狹xiá "
    "杩mà 榪mà/mǎ 赔péi 賠péi 绵mián 綿mián 诱yòu 誘yòu 卜bo/bǔ/pū 陀tuó/duò 呵hē/hā/ā/a/kē/huō/á/ǎ/à 抹mǒ/mā/mò 疫yì 辰chén 顽wán 頑wán/kūn 蓬péng/pèng 摊tān 倡chàng/chāng 攤tān/nàn 浦pǔ 账zhàng 矩jǔ 賬zhàng "
    "翠cuì 煌huáng 茂mào 畏wèi/wēi/wěi 劣liè 氛fēn 廉lián 鸭yā 鴨yā 瓷cí 戈gē 秩zhì 弗fú 悔huǐ 尉wèi/yù/yùn 挣zhēng/zhèng 掙zhēng 拐guǎi 鼎dǐng/zhēn 芦lú/lǔ/hù 蘆lú/lǔ 睁zhēng 睜zhēng 脾pí/pái/bì/pì "
    "聊liáo/liú 株zhū 枯kū/gū 纱shā 紗shā/miǎo 幺yāo/mì 冻dòng 凍dòng 唇chún/zhēn/zhèn 脣chún 茫máng/huǎng 哀āi 芬fēn 轩xuān 軒xuān/xiǎn/xiàn/hǎn/jiān 蛮mán 蠻mán 醇chún 棍gùn/hùn/āo/gǔn 晕yūn/yùn 暈yūn/yùn 嫂sǎo 宙zhòu 酷kù "
    "郧yún 鄖yún 欠qiàn 稷jì/zè 鹏péng 孕yùn 鵬péng/fèng 槽cáo/zāo 栖qī/xī 棲qī/xī 吩fēn/pèn 姚yáo/tiào/táo/yào 昭zhāo/zhào 罐guàn 叠dié 疊dié 墩dūn 盼pàn/fén 舆yú 輿yú/yù 芒máng/huāng/huǎng/wáng 酬chóu 斥chì/chè/zhè 捐juān/yuán "
    "斋zhāi 齋zhāi 眠mián/miǎn/mǐn 脆cuì 萧xiāo 蕭xiāo 璋zhāng 皱zhòu 皺zhòu/zhōu 卿qīng 蚀shí 蝕shí/lì/lóng 淋lín/lìn 卓zhuó/zhuō 翰hàn 钉dīng/dìng 釘dīng/dìng/líng 罈tán 罎tán 棣dì/tì/dài 丫yā 宰zǎi 阐chǎn 闡chǎn "
    "翅chì 沃wò 挨āi/ái 霖lín 哄hǒng/hōng/hòng 爵jué 涔cén/qián/zàn 衫shān 逊xùn 遜xùn 铭míng 銘míng 戚qī/cù 旺wàng 硕shuò 碩shuò 擅shàn 嫌xián 赌dǔ 賭dǔ 隋suí/duò/tuǒ/tuō 肖xiào/xiāo 饶ráo 饒ráo "
    "沪hù 滬hù 雇gù/hù 僱gù 罩zhào 煎jiān/jiàn/jiǎn 丐gài 掷zhì/zhī 擲zhì/zhī 誓shì 摘zhāi 竴cūn 冤yuān 坤kūn 屁pì 竭jié 屾shēn 宛wǎn/yuān/yǔn/yù 菱líng 厌yàn 厭yàn/yā/yǎn/yān/yì 矮ǎi 潭tán/xún/yǐn/dàn 渊yuān "
    "淵yuān 俺ǎn/yàn 崖yá 氢qīng 氫qīng 棚péng 喇lǎ/lá/lā/la 涵hán/hàn 裕yù 盃bēi 溃kuì/huì 潰kuì/xiè 堵dǔ/zhě/dū 媳xí 抄chāo/suō/chào/chǎo 鍙hù 怔zhēng/zhèng 蒂dì 肢zhī/shì 瑜yú 泌mì/bì 甫fǔ/fū/pǔ 檐yán/dān 簷yán "
    "寂jì 颠diān 顛diān 撰zhuàn/xuǎn/suàn 逝shì 霜shuāng 羞xiū 铅qiān/yán 佐zuǒ 鉛qiān/yán 帖tiē/tiě/tiè 硫liú/chù 蹈dǎo 鍦shī/shé 瞬shùn 痕hén/gèn 爽shuǎng/shuāng 挽wǎn 禅chán/shàn 禪chán/shàn/tán 娶qǔ/jū/shū 柯kē 屯tún/zhūn 韵yùn "
    "韻yùn 鷄jī 婴yīng 嬰yīng/yìng 悦yuè 悅yuè 肴yáo 餚yáo 螺luó 凑còu 湊còu 兹zī/cí 烛zhú/chóng 燭zhú/kuò 茲zī/cí 歼jiān 殲jiān 毅yì 杉shān/shā 慨kǎi 钧jūn 鈞jūn 渗shèn 滲shèn/sēn/qīn/lín "
    "蜜mì 遮zhē 窑yáo 窯yáo/yào/qiāo 谐xié 厦shà/xià 諧xié 廈shà/xià 柜guì/jǔ 匈xiōng 櫃guì 喉hóu 愧kuì 栽zāi/zài 扔rēng/rèng 苯běn 谊yì 誼yì 肆sì/tì 霞xiá 吵chǎo/chāo/miǎo/chào 屼wù 笉qǐn 夕xī/yì "
    "壶hú 壺hú 赚zhuàn/zuàn 賺zhuàn/zuàn 尹yǐn/yún 窄zhǎi 弓gōng 谭tán 譚tán 盲máng 勋xūn 勳xūn 饲sì 飼sì 窟kū 俞yú/shù 嗣sì 煮zhǔ 巾jīn 裤kù 褲kù 膨péng/pèng 奠diàn/tíng/dìng/zhèng/zūn 瞪dèng "
    "珞luò/lì 愚yú 膏gāo/gào 喘chuǎn 姜jiāng 膀bǎng/pāng/páng/bàng/pǎng 蔬shū/shǔ 糟zāo 僚liáo/liǎo/lǎo 匾biǎn 妄wàng/wáng 畴chóu 疇chóu 喂wèi 沔miǎn 耻chǐ 恥chǐ 牺xī 犧xī/suō 旭xù 妨fáng/fāng 硅guī/hè 崩bēng 雌cí "
    "陛bì 卸xiè 砸zá 贩fàn 販fàn 竖shù 豎shù 佸huó 攀pān 晒shài 伞sǎn 傘sǎn 曬shài 惹rě/ruò 裹guǒ 屠tú 汁zhī/xié/shí 擒qín 鳞lín 鱗lín 佣yōng/yòng 傭yōng/chōng/yòng 渴kě/jié/kài/hé 浣huàn "
    "叩kòu 龟guī/jūn/qiū 雀què/qiāo/qiǎo 掀xiān/hén 龜guī/qiū/jūn 唉āi/ài/ǎi 泼pō 潑pō/bō 亥hài/jiē 僵jiāng 屡lǚ 屢lǚ 瞒mán 哊yòu 瞞mán/mén/mèn 璇xuán 厮sī 廝sī 刮guā 钩gōu 鉤gōu/gòu/qú 鈎gōu 桐tóng/tōng/dòng 谅liàng "
    "諒liàng/liáng 隙xì 丞chéng/shèng/zhēng/zhěng 盯dīng/chéng 霉méi 黴méi/mèi 侄zhí 駡mà 逸yì 浸jìn/qīn 爪zhǎo/zhuǎ 阙quē/què 闕què/quē/jué 坟fén 墳fén/fèn 咳ké/hāi/hái/gāi 宠chǒng 脖bó/bō 寵chǒng/lóng 彪biāo 朕zhèn 虹hóng/jiàng/hòng/gòng 衍yǎn/yán 甸diān/diàn/tián/shèng/yìng "
    "讚zàn 鳍qí 鰭qí 讼sòng 訟sòng 虾xiā/há 蝦xiā/há/jiǎ 芝zhī 涛tāo 濤tāo/cháo/shòu/dào 巩gǒng 鞏gǒng 熔róng 峻jùn 怖bù 嘿hēi/mò/mù 磕kē/kě 洒sǎ/xǐ/xiǎn/sěn/cuǐ/xùn 掏tāo/táo 灑sǎ/xiǎn/xǐ/lí/shī 枣zǎo 棗zǎo 滞zhì 滯zhì/chì "
    "鈥huǒ 舅jiù 昔xī/cuò 哑yǎ/yā 焕huàn 煥huàn 啞yǎ/è/yā 娱yú 娛yú 芯xīn/xìn 衷zhōng/zhòng 捞lāo 撈lāo 卦guà 擡tái 旬xún/jūn 矣yǐ/xián 茨cí 蜡là/qù/zhà/jí 蠟là 喻yù/yú 挪nuó 婶shěn 嬸shěn "
    "琉liú 枕zhěn/chén 娇jiāo 嬌jiāo 豹bào 厨chú 傲ào/áo 腕wàn 廚chú 巢cháo/chào 氯lǜ 燥zào/sào 焚fén/fèn 歎tàn 乖guāi 嘱zhǔ 禄lù 赠zèng 祿lù 囑zhǔ 贈zèng 晌shǎng 鍚yáng 琦qí "
    "铃líng 鈴líng 雁yàn 姨yí 蹄tí/dì 焰yàn 虏lǔ 虜lǔ 鍒róu 粑bā 饥jī 潘pān/pàn/bō/pán/fān 飢jī 兀wù/wū 捏niē 缔dì 締dì 歪wāi/wǎi 蕴yùn 蘊yùn 藴yùn/wēn 鸦yā 鴉yā/yǎ 嘻xī "
    "俯fǔ 锻duàn 鍛duàn 骤zhòu 庵ān/yǎn/è 驟zhòu 吁xū/yū/yù 籲yù 剿jiǎo/chāo 禽qín 勉miǎn 膝xī 捣dǎo 搗dǎo 茎jīng 莖jīng/yīng 燬huǐ 晴qíng 厢xiāng 廂xiāng 匀yún/jūn/yùn 勻yún 灏hào 灝hào "
    "涯yá 梨lí 蒲pú/bó 驼tuó 駝tuó 匪fěi/fēi/fēn 撕sī/xī 嗯ń/ńg/ňg/ǹg/ň/ǹ 樊fán/fàn 搏bó 缚fù 縛fù 垄lǒng 壟lǒng 寓yù 愣lèng 斌bīn 麋mí 劈pī/pǐ 旷kuàng 曠kuàng 舵duò 薛xuē 沸fèi/fú "
    "遶rào 丸wán 泳yǒng 绸chóu 綢chóu/tāo/diào 炬jù 缴jiǎo/zhuó 寰huán/xiàn 繳jiǎo/zhuó/jiào/hé 贱jiàn 賤jiàn 躯qū 軀qū 褐hè 酶méi 嚷rǎng/rāng 拌bàn/pān 颂sòng 頌sòng/róng 帜zhì 幟zhì 陡dǒu 鍏wéi 募mù/bó "
    "佑yòu 皖wǎn/huàn 鎴xí 绑bǎng 綁bǎng 啡fēi/pèi/pái/pēi/bài 仑lún 侖lún/lùn 麓lù 鏉shòu/sōu 帘lián/chén 簾lián 镖biāo 鏢biāo 钠nà 鈉nà/ruì 刹shā/chà 剎shā 妆zhuāng 妝zhuāng 禾hé 藤téng 弊bì 痴chī "
    "哇wa/wā/guī/huá/wá 癡chī 凰huáng 歧qí 驴lǘ 驢lǘ 铝lǚ 闸zhá 喃nán/nǎn 鋁lǚ/lǜ 閘zhá/yā/gē 滥làn 耍shuǎ 濫làn/jiàn/lǎn/lán 桶tǒng 酱jiàng 醬jiàng 惶huáng 躬gōng 熬áo/āo 娥é 剅lóu/dōu 啸xiào 嘯xiào/chì "
    "淘táo 裙qún 骚sāo 騷sāo/sǎo/xiāo 亨hēng/xiǎng/pēng 勘kān 窃qiè 竊qiè 挫cuò/zuò 凿záo/zuò 鑿záo/zuò/zú/zào 塌tā/dā 咖kā/gā/jiā 垫diàn 墊diàn 芽yá 凸tū 钙gài 鈣gài 框kuāng/kuàng/kuáng 哟yō/yo 喲yō/yo 翔xiáng 逮dǎi/dài/dì "
    "舶bó 锥zhuī 錐zhuī 怡yí 魄pò/bó/tuò 灶zào 竈zào 浴yù 蔽bì/biē/piē 橡xiàng 懒lǎn 懶lǎn/lài 硝xiāo/qiào 晰xī 盏zhǎn 赦shè/cè 盞zhǎn 庐lú 谕yù 鄙bǐ 廬lú/lǘ 諭yù/tǒu 拂fú/bì/pì/fèi 菩pú/bèi/bó "
    "栗lì/liè 琳lín 沼zhǎo 圭guī 屿yǔ 嶼yǔ/xù 砌qì/qiè 倚yǐ/jī/yī 棵kē/kuǎn/kě 瑰guī 羲xī 酿niàng/niáng 釀niàng/niáng 诈zhà 詐zhà 锌xīn 鋅xīn/zǐ 杏xìng 婉wǎn 沦lún 卤lǔ/xī 淪lún/lǔn/guān 滷lǔ 躁zào "
    "斧fǔ 淳chún/zhūn/zhǔn 兔tù/tú/chān 凛lǐn 哎āi 凜lǐn 阮ruǎn/yuán 淫yín/yàn/yáo 剖pōu/pǒ 蕲qí 蘄qí/jī/qín 烹pēng 姥lǎo/mǔ 咕gū/gu 蚕cán/tiǎn 蠶cán 兜dōu 璧bì 搅jiǎo 攪jiǎo 帆fān/fán/fàn 暇xiá/xià/jiǎ 趟tàng/zhēng/zhèng/chéng/tāng 裸luǒ "
    "粹cuì/suì 吼hǒu 哗huā/huá 譁huá/wà 冀jì 呜wū 瞻zhān 嗚wū/wù 搁gē/gé 擱gē/gé 乞qǐ/qì 骇hài 駭hài 炕kàng/hāng 垮kuǎ 拘jū/gōu/jǔ/jú 岃rèn 嵌qiàn/hǎn/kàn 笛dí 鹃juān 鵑juān 菊jú 淀diàn 澱diàn "
    "肪fáng 鞍ān 愉yú/tōu/yǔ 犬quǎn 弧hú 蹲dūn/zún/cún/zūn/cǔn/cuán/qǔn 椎chuí/zhuī 癒yù 阎yán 閻yán/yǎn/yàn 浏liú 瀏liú/liū 诵sòng 誦sòng 烘hōng 榴liú 腥xīng 裘qiú 萝luó 颊jiá 蘿luó 頰jiá 蟹xiè 灿càn "
    "燦càn 摧cuī/zuì/cuò 棱léng/lēng/líng/lèng/chēng 稜léng/lèng/líng 琼qióng 瓊qióng/xuán 骄jiāo 凄qī 悽qī/qì 驕jiāo/xiāo/jū/qiáo 怯qiè 淑shū/chù 梢shāo/shào/xiāo/sào 丙bǐng/bìng 暮mù 媚mèi 钊zhāo 釗zhāo 沫mò 糯nuò 驳bó 駁bó 崔cuī 谏jiàn "
    "炳bǐng 諫jiàn/làn 畔pàn 缅miǎn 襟jīn 緬miǎn 锤chuí 錘chuí 觅mì 覓mì 鍑fù 拢lǒng 胪lú 攏lǒng 臚lú/lǚ 诀jué 訣jué 奢shē 苹píng/pēng 叮dīng 榨zhà 瀹yuè/yào 蘋píng/pín 沾zhān/tiān/diàn/chān "
    "傚xiào 渝yú/yū 枉wǎng/kuáng 辜gū 髓suǐ 坠zhuì 瑟sè 墜zhuì 棕zōng 萍píng 贿huì 賄huì 泣qì/lì/sè 嫣yān 峨é 憾hàn/dàn 胺àn/è 甩shuǎi 陂bēi/pí/bì/pō 寇kòu 烯xī 钓diào 釣diào 瞅chǒu "
    "沧cāng 滄cāng 坪píng 暑shǔ 耸sǒng 聳sǒng 垒lěi 壘lěi/léi/lǜ 傍bàng/páng/bēng/péng 睹dǔ 垜duǒ/duò 薯shǔ 溢yì 鏃zú/chuò 谜mí/mèi 咋zǎ/zé/zhā/zhà 缁zī 謎mí 緇zī 嗓sǎng 贬biǎn 窜cuàn 貶biǎn/fá 竄cuàn/cuān "
    "戟jǐ 葱cōng/chuāng 蔥cōng 屑xiè 湁chì 胚pēi 犁lí 莎shā/suō/suī 囚qiú 颖yǐng 穎yǐng 诡guǐ 腻nì 詭guǐ 膩nì 藩fān/fán 彦yàn/pán 彥yàn 勫fān 巍wēi 痒yǎng/yáng 癢yǎng 蹇jiǎn 芷zhǐ "
    "赣gàn 湪tuàn/nuǎn 贛gàn/gòng/zhuàng 沐mù 膊bó/pò/liè 婢bì 粤yuè 粵yuè 喧xuān/xuǎn 逛guàng/kuáng 贮zhù 貯zhù 恍huǎng/guāng 菇gū 諲yīn 邢xíng/gěng 绮qǐ 綺qǐ/yǐ 厥jué 澄chéng/dèng 邵shào 耽dān 讽fěng/fèng 諷fěng/fèng "
    "衬chèn 襯chèn 恕shù 烫tàng 燙tàng/dàng 毯tǎn 仕shì 昼zhòu 闽mǐn 拚pàn/biàn/fèn/fān/pīn 晝zhòu 閩mǐn 勿wù/mò 繖sǎn 桓huán 钾jiǎ 鉀jiǎ/gé 膛táng/tāng 歉qiàn 膳shàn 詹zhān/dàn 坎kǎn/kàn 敛liǎn 斂liǎn/lián "
    "碌lù/liù/luò 狄dí/tì 沽gū/gǔ 侮wǔ 垱dàng 壋dàng 寝qǐn 寢qǐn 妾qiè 嗽sòu/shuò/shù 埔pǔ/bù 眷juàn 揪jiū 牡mǔ 毙bì 斃bì 荫yīn/yìn 涡wō/guō 蔭yīn/yìn 渦wō/guō 鍐zōng 桩zhuāng 锣luó 釜fǔ "
    "樁zhuāng/chōng 鑼luó 瀛yíng 缮shàn 梳shū 繕shàn 揽lǎn 咀jǔ/zuǐ 攬lǎn 雍yōng 铲chǎn 鏟chǎn 倦juàn 岱dài 厄è/ě 弘hóng 淤yū 尴gān 尷gān 玲líng 鎵jiā 祠cí/sì 恳kěn 懇kěn "
    "粥zhōu/yù 衢qú 戳chuō 秃tū 禿tū 瀑pù/bào/bó 搂lǒu/lōu 摟lǒu/lōu 迭dié/yì/dá 垃lā/la 缸gāng 郝hǎo/shì 挠náo 撓náo/xiāo/rào 莽mǎng/máng 瑙nǎo 瞄miáo 粟sù 跋bá/bèi 呐nà/nè/na/nuò/ne 吶nà 歹dǎi/è/dāi 豚tún/dūn/dùn 驿yì "
    "驛yì 圾jī/jí/jié 胳gē/gé/gā 魁kuí/kuǐ/kuài 诧chà 詫chà/dù 绒róng 絨róng 臟zàng 鞑dá 韃dá/tà 谎huǎng 謊huǎng 尬gà 陌mò 粬qū 讳huì 諱huì 蝶dié/tiē 咒zhòu 裔yì 凳dèng 梭suō/xùn 涅niè "
    "杈chā/chà 桿gǎn/hàn 泻xiè 瀉xiè 苇wěi 葦wěi 焉yān/yí 娟juān 迦jiā/xiè 巫wū 扒bā/pá/bài/bié 翊yì 敷fū 谣yáo 謠yáo 隅yú 鉆chān/qián/tiē 撇piē/piě/biē 凹āo/wā 蚁yǐ 蟻yǐ/jǐ 氮dàn 苑yuàn/yuān/yù/yùn 妓jì/jī "
    "綘féng 潇xiāo 禹yǔ 瀟xiāo 朽xiǔ 寮liáo 郢yǐng/chéng 伽gā/jiā/qié 粪fèn 诛zhū 糞fèn 誅zhū 醋cù/zuò 栋dòng 谴qiǎn 棟dòng 譴qiǎn 隧suì/zhuì 簇cù/chuò/còu 踩cǎi/kuí 礁jiāo 庶shù/zhù/zhē 衮gǔn 笅jiǎo "
    "袞gǔn 堕duò/huī 噪zào 嘲cháo/zhāo 墮duò/huī/huì 鑒jiàn 濂lián/xiǎn 鲟xún 鱘xún 彝yí 柬jiǎn 斐fěi 沛pèi 卞biàn/pán 篷péng 祁qí/zhǐ 耿gěng 嚼jué/jiáo/jiào 宦huàn 溯sù/shuò 黔qián 浇jiāo 澆jiāo/ào/nào 敞chǎng/chèng/zhèng "
    "绞jiǎo 絞jiǎo/xiáo/jiào 瓣bàn 傛yǒng/róng 窦dòu 蕃fān/bō/fán/pí 嶅áo/ào 竇dòu/dú 汰tài 鲍bào 鮑bào/bāo/pāo 遏è 魅mèi 槐huái 鞘qiào/shāo 钞chāo 鈔chāo/chǎo 徙xǐ/sī 讶yà 訝yà 碟dié/shé 琐suǒ 瑣suǒ 琢zuó/zhuó "
    "滤lǜ 濾lǜ 嗤chī 鐪lǔ 蠢chǔn 锰měng 錳měng 嵋méi 篘chōu 逾yú/dòu 弼bì 绅shēn 紳shēn 腑fǔ 瑚hú 稽jī/qǐ 溉gài/xiè 宵xiāo 祈qí/guǐ 庇bì/pí/pǐ 蒿hāo/gǎo 蛛zhū 淩líng 窍qiào "
    "竅qiào 勬juān 玫méi 煞shā/shà 笨bèn 鸽gē 鴿gē 泵bèng/pìn/liú 袱fú 薇wēi 捡jiǎn 堝guō/wō 撿jiǎn/liàn 拈niān/niǎn/diān 驯xùn/xún 骡luó 馴xún 騾luó 肇zhào 砰pēng/pīng/pèng 垣yuán 迄qì 斟zhēn 灼zhuó "
    "澜lán 漕cáo/cào 瀾lán 萼è 葫hú 鏂ōu/kōu 梗gěng 洼wā/guī 筷kuài 窪wā 僻pì 鳌áo 镶xiāng 鑲xiāng/ráng 鰲áo 捆kǔn/hún 昧mèi/wěn/mò 跺duò 棘jí 曙shǔ 阜fù 豁huō/huò/huá 挟xié/jiā 挾xié/jiā "
    "睿ruì 矢shǐ 湛zhàn/chén/dān/tán/jìn/yǐn/chěn/yín/shèn 酥sū 眨zhǎ 惕tì 淹yān/yǎn 岔chà 稼jià 邹zōu 鄒zōu/jù 逵kuí/kuǐ 灞bà 揉róu 俭jiǎn 蛙wā/jué 儉jiǎn 匣xiá 陋lòu 盔kuī 羌qiāng 缆lǎn 纜lǎn 聂niè "
    "聶niè/zhé/shè/yè 莉lì/lí/chí 抒shū 痰tán 湴bàn/pán 慷kāng 懈xiè 芜wú 琛chēn 骆luò 扳bān/pān 蕪wú/wǔ 駱luò/jià 汛xùn 悍hàn 呕ǒu/ōu/òu 嘔ǒu/ōu/òu/xū/chū/ou 岀chū 虞yú 瑕xiá 酚fēn 伺cì/sì 拽zhuāi/zhuài/yè 羡xiàn/yán/yí "
    "鐗jiǎn 羨xiàn 鍔è 蔗zhè 滇diān/tián/zhēn 苔tái/tāi 彬bīn/bān 拇mǔ 冥míng/mián/miàn 鍗tí 厕cè/si 廁cè/cì/zè/si 絮xù/chù/nǜ/nà 藉jí/jiè 窥kuī 羹gēng/láng 奕yì 窺kuī/kuǐ 铮zhēng/zhèng 錚zhēng 矶jī 磯jī 夊suī 晖huī "
    "匕bǐ/pìn 暉huī 逗dòu/zhù/tóu/qí 傗chù 哺bǔ/bū/fǔ 倪ní/nì/niè 怠dài/yí 瞩zhǔ 窖jiào/zào 檀tán/shàn 矚zhǔ 蕉jiāo/qiáo/qiāo 缀zhuì 綴zhuì/chuò 苕sháo/tiáo 猿yuán 浊zhuó 濁zhuó 瞥piē/bì 簿bù/bó 璁cōng 缉jī/qī 緝jī/qì/qī/jí 皋gāo/háo/gū "
    "魦shā/suō 楠nán 萌méng/míng 斡wò/guǎn 焖mèn 燜mèn 揖yī/jí 祺qí 鍥qiè 烷wán 芋yù/yú/xū/yǔ 绽zhàn 綻zhàn 侗dòng/tōng/tóng/tǒng 匙shi/chí 谬miù 謬miù 睦mù 橙chéng/dèng/chén 剌lá/là 撼hàn 撮cuō/zuǒ/zuì/zuān/chuā 熏xūn/xùn 燻xūn "
    "碾niǎn 亢kàng/gāng/gēng 垦kěn/yín 墾kěn 逍xiāo 彰zhāng 佃diàn/tián 邑yì/è 梓zǐ 啪pā 诰gào 誥gào 嗗wā/gū 驹jū 駒jū/jù 嗡wēng/wěng 羁jī 羈jī 敝bì 汞gǒng 嚣xiāo/áo 囂xiāo/áo 辫biàn 辮biàn "
    "蝇yíng 蠅yíng 汹xiōng 沅yuán 惭cán 洶xiōng 慚cán 蠡lí/lǐ/luǒ/luó/lì 墟xū 娴xián 咧liě/liē/liè/lié/lie 嫺xián 嫻xián 漳zhāng 滔tāo 韧rèn 韌rèn 孢bāo 缕lǚ 縷lǚ 炯jiǒng 涩sè 澀sè 嵩sōng "
    "缎duàn 緞duàn 饷xiǎng 唬hǔ/xiāo/guó/xià/háo 餉xiǎng 哉zāi 褰qiān 鎶gē 濒bīn 峭qiào 鳙yōng 瀕bīn 鱅yōng/yóng 筛shāi 篩shāi/shī 殉xùn 嶆cáo 霎shà 椭tuǒ 橢tuǒ/duǒ 啤pí 咯gē/kǎ/lo/luò/kā 兘shǐ 婿xù "
    "眯mī/mí/mǐ/mì 眶kuàng 鸪gū 鴣gū 珂kē 靡mí/mǐ/má 矫jiǎo/jiáo 矯jiǎo/jiāo/jiáo 诲huì 渤bó 誨huì 闃qù 钥yào/yuè 肘zhǒu 鑰yào/yuè 嘶sī 孽niè 杞qǐ 饵ěr 咚dōng 餌ěr 敕chì/sōu 熷zēng 潵sǎ/sàn "
    "桨jiǎng 槳jiǎng/jiāng 樱yīng 戎róng/rēng 櫻yīng 榻tà 愕è 鮠wéi 晤wù 蔓màn/mán/wàn 啼tí 憋biē 鷓zhè 鹧zhè 笃dǔ 侣lǚ 侶lǚ 篤dǔ 瓙dào 懿yì/yī 骸hái/gāi 摹mó/mō 磋cuō 皂zào "
    "嬪pín 皁zào 欎yù 咏yǒng 趾zhǐ 詠yǒng 吭kēng/háng/hàng 翘qiào/qiáo 鲤lǐ 翹qiào/qiáo 鯉lǐ 鎯láng/luǒ 拣jiǎn 骞qiān 揀jiǎn 騫qiān/jiǎn 乍zhà/zuò 鳄è 鱷è 酯zhǐ 栅zhà/shān/cè 绰chuò/chāo 柵shān/zhà 綽chuò/chāo "
    "氟fú 渣zhā 鸠jiū 娌lǐ 鳩jiū/qiú/zhì 锯jù/jū 邱qiū 鋸jù/jū 莹yíng 脓nóng 闺guī 颐yí 譬pì 瑩yíng/yǐng 頤yí 膿nóng 閨guī 钛tài 鈦tài 奎kuí/kuǐ 揣chuāi/chuǎi/chuài/duǒ/zhuī/tuán 溅jiàn/jiān 濺jiàn/jiān/zàn 绢juàn "
    "絹juàn/xuàn 茸rōng/róng/rǒng 蜒yán/yàn/dàn 笂wán 烁shuò 畸jī/qí 姝shū 爍shuò/luò/yuè 棠táng 怦pēng 晦huì 瘫tān 癱tān 朔shuò 疮chuāng 瘡chuāng 蓦mò 驀mò/mà 靶bǎ/bà 攒zǎn/cuán 攢zǎn/cuán/zuān/zàn 渭wèi 铀yóu 鈾yóu/zhòu "
    "磅bàng/páng/pāng 唾tuò 茄jiā/qié 蕾lěi 馨xīn 廖liào/liáo 垻bà/bèi 荤hūn/xūn 傣dǎi 葷hūn/xūn 胥xū/xǔ 兢jīng 扛káng/gāng 葵kuí 丕pī 舜shùn 鲨shā 鯊shā 闂hòng/xiàng/juǎn 乒pīng 闄yǎo 逞chěng/yíng 诬wū 誣wū "
    "苟gǒu/gōu 艷yàn 廓kuò 镍niè 鎳niè 槛kǎn/jiàn 檻kǎn/jiàn 狡jiǎo/xiào 牟móu/mù/mào 鸳yuān 俏qiào/xiào/xiāo 鴛yuān 芥jiè/gài 浼měi 裴péi/féi 鐢fán 麟lín 稚zhì 叭bā/pā/ba 悼dào 岄yuè 漓lí 楞léng/lèng 毗pí "
    "赎shú 倭wō/wēi/wǒ 変biàn 贖shú/shù 玺xǐ 璽xǐ 嚥yàn 蝉chán 憎zēng 蟬chán/tí/shàn 楷kǎi/jiē/jiè 柑gān/qián 杠gāng/gàng/gōng 蚊wén 妒dù 槓gàng 馈kuì 饋kuì/tuí 删shān 刪shān 孜zī 滃wēng/wěng 偅zhòng/chōng/tóng 拙zhuō "
    "韬tāo 韜tāo/tào 祷dǎo 熄xī 禱dǎo 鸯yāng 鴦yāng 佹guǐ/guī 樻kuì 虐nüè 蒯kuǎi/kuài 紊wěn/wèn 酰xiān 佬lǎo/liáo 翌yì 妮nī/ní 蚌bàng/bèng/pí/fēng 沁qìn 侈chǐ 噶gá/gé 剃tì 霳lóng 芭bā/pā 烩huì "
    "燴huì 稠chóu/tiáo/diào 锭dìng 娑suō/suǒ/suò 胧lóng 錠dìng 朧lóng/lǒng 琅láng/làng 坞wù 塢wù/wǔ 褂guà 筵yán 轧yà/zhá/gá 軋yà/zhá/gá 褶zhě/dié/xí 觑qù/qū 覷qù 酮tóng/dòng/chóng 篆zhuàn 醛quán/chuò 洽qià/hé 唧jī/jié 趴pā 绉zhòu "
    "縐zhòu/chào/cù/zhōu 崛jué/yù 嗭zhí 圻qí/yín 扼è 叨dāo/dáo/tāo 蒜suàn 寞mò 毡zhān 氈zhān 簧huáng 砥dǐ/zhǐ 撬qiào 煨wēi/yù 嫉jí 腮sāi 慑shè 朦méng/mǎng 懾shè 鍘zhá 閮tíng/tǐng 嗅xiù 鲢lián 鰱lián "
    "聋lóng 聾lóng 炖dùn/tún 酌zhuó 燉dùn/tún/dūn 冉rǎn/nán/dān 嗕rù 胤yìn 攘rǎng/ràng/níng/xiǎng 牒dié 吱zhī/zī/qì 嫔pín 笙shēng 蜿wān/wǎn 裳shang/cháng 碘diǎn 霄xiāo/xiào 鏅xiū/xiù 瘾yǐn 捻niǎn/niē/niān 乓pāng 澧lǐ 吆yāo 嶈qiāng "
    "癮yǐn 劾hé/kài 瞰kàn 橘jú 柺guǎi 澡zǎo/cāo 酋qiú 灸jiǔ 竿gān/gàn/gǎn 梍zào 矗chù 耙bà/pá 寥liáo 钝dùn 鈍dùn 蛾é/yǐ 奼chà 姹chà 籗zhuó 勺sháo/shuò/zhuó/dì 庚gēng 剁duò 狩shòu 隘ài/è "
    "靴xuē 搓cuō/cuǒ/chāi 篃mèi 狸lí 犲chái 讥jī 擂léi/lèi/lēi 犳zhuó 豌wān 譏jī 馒mán 饅mán 茬chá/chí 伶líng 秭zǐ 戝zéi 鲸jīng 苛kē/hē 镁měi 梵fàn 鯨jīng/qíng 鎂měi 傝tàn/tà 垛duǒ/duò "
    "臀tún 颌hé/gé 颅lú 夋qūn 頜hé/hán/qīn/gé 顱lú 徊huái/huí 捎shāo/shào/shǎo/xiāo/qiào 鎬hào/gǎo 幢chuáng/zhuàng 弩nǔ 讧hòng 訌hòng 咦yí/xī 嘎gā/gá/gǎ 鍜xiá 涕tì 俸fèng/běng 纂zuǎn 呻shēn 卯mǎo 嗜shì 札zhá/yà 榆yú "
    "噢ō/yǔ/yù/ào 锜qí 錡qí/yǐ 蔑miè 峙zhì/shì 虘cuó 姬jī/yí 萎wēi/wěi/wèi 绷bēng/běng/bèng 赂lù 繃běng/bēng/bèng 賂lù 蚂mǎ/mà/mā 螞mǎ/mā/mà 戮lù 瓮wèng 甕wèng 蹦bèng 穗suì 肋lē/lèi/lè/jīn 壕háo 辇niǎn 輦niǎn/liǎn 陇lǒng "
    "椰yē 隴lǒng 氓máng/méng 蟾chán 勮jù 辕yuán 轅yuán 恃shì/zhì 狈bèi 孵fū 嘟dū 濮pú 熸jiān 狽bèi 粱liáng 袜wà/mò 浚jùn/xùn/cún 刨páo/bào 襪wà 蛟jiāo 栈zhàn 筝zhēng 棧zhàn/zhǎn/chén 箏zhēng "
    "箢yuān/wǎn 閭lǘ 铬gè 惺xīng 糍cí 鉻gè/luò/gē 餈cí 兮xī 蕊ruǐ/juǎn 褚chǔ/zhě/zhǔ 涝lào 澇lào/láo 潼tóng/chōng/zhōng 驸fù 駙fù 黛dài 箍gū 慼qī 匡kuāng/wāng 勪jué 闈wéi 椁guǒ 槨guǒ 梧wú/wù/yǔ "
    "庢zhì 嬫róng 惮dàn 憚dàn/dá/chǎn 胰yí 擎qíng 绥suí 綏suī/suí/shuāi/ruí/tuǒ 荧yíng 熒yíng/xíng/jiǒng 拗ǎo/ào/niù/yù 啃kěn 弛chí 匿nì/tè 蟠pán/fán 寅yín 疹zhěn/chèn 枭xiāo 殡bìn 噷hm/xīn/hēn 梟xiāo 殯bìn 尧yáo 堯yáo "
    "悖bèi/běi 桦huà 樺huà 骼gé 呛qiāng/qiàng 繀suì/cuǐ 嗆qiāng/qiàng/chéng 勯dān 黯àn/ān 赃zāng 茵yīn 褪tuì/tùn 贓zāng 甬yǒng/dòng 挚zhì 嗔chēn/tián 澈chè 鐫juān 摯zhì 毋wú/móu 拴shuān/quán 啗dàn 倏shū 帷wéi "
    "嗦suo/suō 淙cóng/shuàng 闀hòng 蘑mó 夔kuí 羚líng 屎shǐ/xī 搀chān 閬làng/lǎng/liǎng 攙chān/shàn 袄ǎo 襖ǎo 岚lán 嵐lán 鑳jiàn 埌làng 沮jǔ/jū/jù/jiān/zǔ 挎kuà/kū/kōu 侥jiǎo/yáo 僥jiǎo/yáo/jiāo 箫xiāo 簫xiāo/xiǎo 醚mí 瀵fèn "
    "腌yān/ā/āng 醃yān/āng 埠bù 搴qiān 潃xiǔ 砾lì 礫lì/luò 竣jùn 睐lài 栓shuān/shuàn/quán 龢hé 睞lài 秽huì 焊hàn 垬hóng 禺yú/yù 穢huì 煽shān 輓wǎn 攸yōu 琵pí 璺wèn 睬cǎi 冢zhǒng "
    "捶chuí/duǒ 诣yì 詣yì 剔tī/tì 拧níng/nǐng/nìng 擰níng/nǐng/nìng 砚yàn 捂wǔ/wú 硯yàn 邸dǐ 熠yì 娉pīng/pìn 欏luó/luǒ 眩xuàn/huàn/juàn 犀xī 橱chú 汴biàn 櫥chú 漩xuán 鏀lǔ 嗘jī 勭tóng/dòng 馔zhuàn 饌zhuàn/xuǎn "
    "锈xiù 濡rú/ruǎn/ér/nuán/nuò 鏽xiù 璐lù 诫jiè 炊chuī 誡jiè 榄lǎn 欖lǎn 哮xiāo/xiào/xuē 冕miǎn 酵jiào 澹dàn/tán/dān/shàn 瞿qú/jù/jí 琶pá 惫bèi 憊bèi 酣hān/hàn 筏fá 撩liāo/liáo/liǎo/lào/liào 鏍luó 龔gōng 龚gōng 谍dié "
    "諜dié/xiè 沥lì 掳lǔ 擄lǔ 欐lì/lǐ 瀝lì 虔qián 掣chè 萤yíng 螢yíng 鐜duī/dūn 迥jiǒng 柿shì 涘sì 琪qí 婷tíng 獾huān/quán 柩jiù 鹊què 鵲què 忿fèn 炽chì 貂diāo 熾chì "
    "戊wù 噗pū 羟qiǎng 鐒láo 羥qiǎng/qiān 勛xūn 嘘xū/shī 辍chuò 窒zhì/dié 淌tǎng/chàng/chǎng 迸bèng 噓xū 輟chuò 暱nì 耆qí/zhǐ/shì 涤dí 緱gōu 滌dí 贻yí 貽yí 缰jiāng 噬shì 縻mí 韁jiāng "
    "繮jiāng 甄zhēn/zhèn/juàn 崭zhǎn 嶄zhǎn/chán 阄jiū 鬮jiū 祟suì 祐yòu "
)

_RANK, _READINGS = _load_table()
_DEC, _BY_LEAD, _BY_TRAIL = _build_gbk()
_FOLD = _build_fold()
