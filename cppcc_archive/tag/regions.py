"""Region tagging: which places, and which CPPCC body, an article is about.

1. One Aho–Corasick pass finds every official name, short form and former
   name from the gazetteer (leftmost-longest, so 西城区 beats 西城).
2. Traps are dropped: street and road names (湖南街道, 南京西路) and short
   forms that are ordinary words (长寿, 和平, 城区) unless context makes them
   places (长寿区, 重庆长寿, 长寿政协).
3. Every mention supports its unit and the unit's ancestors; mentions in the
   title, in ``X政协`` (the body an article is about) and in the author's
   title (作者系垫江县政协…) weigh more.  A name shared by several units
   (通州, 朝阳, 鼓楼区) goes to the candidate whose province or prefecture the
   rest of the article supports; with no such support it is not tagged.
4. The main region is the most specific unit that dominates its parent;
   the CPPCC level comes from the ``X政协`` bodies named (全国/省/市/县).
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional


from ..matcher import Matcher
from ..model import Region
from .gazetteer import Gazetteer, load_gazetteer

STREET_AFTER = re.compile(r"^(街道|路|街|大道|大街|胡同|小区|东路|西路|南路|北路|中路|商场|饭店|酒店|宾馆|号)")
# A place's name in the name of a spirit the Party honours (延安精神, 井冈山精神, 大庆精神): an article
# that calls on it is not about the place (a contract review found 大庆精神 and 延安精神, named twice,
# make an article Heilongjiang's or Shaanxi's).
SPIRIT_AFTER = re.compile(r"^精神")
PLACE_AFTER = re.compile(r"^(省|市|区|县|旗|州|盟|地区|政协|人大|党委|市委|县委|区委)")
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
W_TITLE, W_BODY_OF, W_AUTHOR = 3.0, 2.0, 4.0


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    codes: tuple[str, ...]
    kind: str  # full | short | former
    weight: float


@dataclass(frozen=True)
class RegionResult:
    regions: tuple[Region, ...]
    level: Optional[str]
    evidence: tuple[str, ...]


@functools.lru_cache(maxsize=None)
def _project_common_words(path: Path = Path(__file__).resolve().parent.parent / "data" / "region_common_words.txt") -> frozenset[str]:
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line)
    return frozenset(words)


@dataclass(frozen=True)
class _Index:
    gaz: Gazetteer
    automaton: Matcher
    common: frozenset


@functools.lru_cache(maxsize=None)
def _index(path: Optional[str] = None) -> _Index:
    gaz = load_gazetteer(Path(path)) if path else load_gazetteer()
    forms: dict[str, dict[str, str]] = defaultdict(dict)
    # jieba's part-of-speech tags were tried as a signal and rejected: it tags
    # 库车, 孝感, 黄石 as common nouns.  The gazetteer's curated common_word
    # flags and data/region_common_words.txt decide instead.
    common = set(_project_common_words())
    for d in gaz.divisions:
        forms[d.name].setdefault(d.code, "full")
        for s in d.short:
            if len(s) >= 2:
                forms[s].setdefault(d.code, "short")
                if "common_word" in d.flags:
                    common.add(s)
        for f in d.former:
            if len(f) >= 2:
                forms[f].setdefault(d.code, "former")
        if len(d.name) <= 2:
            common.add(d.name)
    auto = Matcher({surface: tuple(sorted(codes.items())) for surface, codes in forms.items()})
    return _Index(gaz, auto, frozenset(common))


def find_mentions(text: str, weight: float = 1.0, index: Optional[_Index] = None) -> list[Mention]:
    """Place mentions in ``text`` after trap filtering, in order."""
    idx = index or _index()
    out = []
    for start, stop, surface, code_kinds in idx.automaton.longest(text):
        end = stop - 1
        after = text[stop : stop + 3]
        if STREET_AFTER.match(after) or SPIRIT_AFTER.match(after):
            continue
        codes = tuple(c for c, _ in code_kinds)
        kinds = {k for _, k in code_kinds}
        kind = "full" if "full" in kinds else ("former" if "former" in kinds else "short")
        if surface in idx.common and not _place_context(text, start, end, codes, idx):
            continue
        w = weight * (1.0 if kind != "short" else 0.8)
        if after.startswith("政协"):
            w *= W_BODY_OF
        out.append(Mention(start, end + 1, surface, codes, kind, w))
    return _enumerated_bodies(text, out)


def _enumerated_bodies(text: str, mentions: list[Mention]) -> list[Mention]:
    """Places listed before one 政协 share it: in 武侯区、锦江区政协 both name a CPPCC body (a curator's
    review found 武侯区, named once with no 政协 of its own, left out of the article's regions)."""
    return [replace(m, weight=m.weight * W_BODY_OF) if _listed_before_body(text, mentions, i) else m
            for i, m in enumerate(mentions)]


def _listed_before_body(text: str, mentions: list[Mention], i: int) -> bool:
    """Whether mention ``i`` is followed by 、 and a list of places whose last is followed by 政协."""
    if text[mentions[i].end:mentions[i].end + 1] != "、":
        return False
    while i + 1 < len(mentions) and text[mentions[i].end:mentions[i + 1].start] == "、":
        i += 1
    return text[mentions[i].end:mentions[i].end + 2] == "政协"


def _place_context(text: str, start: int, end: int, codes: tuple[str, ...], idx: _Index) -> bool:
    """An ordinary-word short form is a place only with a suffix or its parent named just before."""
    if PLACE_AFTER.match(text[end + 1 : end + 4]):
        return True
    before = text[max(0, start - 8) : start]
    for code in codes:
        for anc in _ancestors(code, idx.gaz):
            d = idx.gaz.by_code[anc]
            if any(before.endswith(n) for n in (d.name, *d.short) if n):
                return True
    return False


def _ancestors(code: str, gaz: Gazetteer) -> list[str]:
    out = []
    d = gaz.by_code.get(code)
    while d is not None and d.parent:
        out.append(d.parent)
        d = gaz.by_code.get(d.parent)
    return out


def tag_regions(title: str, body: str, author_titles: tuple[str, ...] = ()) -> RegionResult:
    idx = _index()
    gaz = idx.gaz
    # (position in reading order: the title, then the body, then the authors' posts; mention)
    placed = ([(m.start, m) for m in find_mentions(title, W_TITLE, idx)]
              + [(len(title) + 1 + m.start, m) for m in find_mentions(body, 1.0, idx)]
              + [(len(title) + len(body) + 2 + k, m) for k, t in enumerate(author_titles)
                 for m in find_mentions(t, W_AUTHOR, idx)])
    support: dict[str, float] = defaultdict(float)
    direct: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[str]] = defaultdict(list)
    first_seen: dict[str, int] = {}   # where each code is first named, in reading order

    def add(code: str, w: float, surface: str, at: int) -> None:
        first_seen[code] = min(first_seen.get(code, at), at)
        direct[code] += w
        evidence[code].append(surface)
        support[code] += w
        for anc in _ancestors(code, gaz):
            support[anc] += w

    ambiguous = []
    for at, m in placed:
        if len(set(m.codes)) == 1:
            add(m.codes[0], m.weight, m.surface, at)
        else:
            ambiguous.append((at, m))
    for at, m in ambiguous:
        code = _resolve(m.codes, support, gaz)
        if code:
            add(code, m.weight, m.surface, at)

    main = _main_region(support, direct, gaz)
    level = cppcc_level(title, body, main, author_titles)
    if level == "全国" and main and not _in_title_or_strong(main, title, idx):
        main = None
    regions: list[str] = []
    if main:
        regions.append(main)
        chain = set(_ancestors(main, gaz)) | {main}
        others = sorted((c for c, w in direct.items() if c not in chain and w >= 1.5 and _corroborated(c, support, direct, evidence, idx)),
                        key=lambda c: (-direct[c], first_seen[c]))
        for c in others:
            if not any(r in _ancestors(c, gaz) for r in regions[1:]) and len(regions) < MAX_REGIONS:
                regions.append(c)
    ev = tuple(f"{gaz.by_code[c].name}: {'、'.join(sorted(set(evidence[c])))}" for c in regions if evidence.get(c))
    return RegionResult(tuple(to_region(c, gaz) for c in regions), level, ev)


# Regions listed per article, main first: enough for a report naming the cities of a province (seed
# 003 names 11 of Shanxi's); beyond it a list of places is a roll call, not what the article is about.
MAX_REGIONS = 12


def _corroborated(code: str, support, direct, evidence, idx: _Index) -> bool:
    """A unit named only by a short form needs its province named elsewhere too (交河古城 is not 古城区)."""
    d = idx.gaz.by_code[code]
    if any(e == d.name or e in d.former for e in evidence[code]):
        return True
    prov = _ancestors(code, idx.gaz)[-1] if d.parent else code
    return support.get(prov, 0.0) - support.get(code, 0.0) > 0


def _resolve(codes: tuple[str, ...], support: dict[str, float], gaz: Gazetteer) -> Optional[str]:
    """Pick the candidate the rest of the article supports, or none."""
    scored = []
    for c in codes:
        anc = _ancestors(c, gaz)
        scored.append((sum(support.get(a, 0.0) for a in anc) + support.get(c, 0.0), c))
    scored.sort(reverse=True)
    if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return scored[0][1]
    return None


def _main_region(support: dict[str, float], direct: dict[str, float], gaz: Gazetteer) -> Optional[str]:
    provinces = [c for c in support if gaz.by_code[c].level == "province"]
    if not provinces:
        return None
    prov = max(provinces, key=lambda c: (support[c], c))
    if support[prov] < 1.5:
        return None
    best = prov
    # Descend while one child carries at least half of its parent's support.
    while True:
        children = [c for c in support if gaz.by_code[c].parent == best]
        if not children:
            return best
        child = max(children, key=lambda c: (support[c], c))
        if support[child] >= 0.5 * support[best] and support[child] >= 2.0:
            best = child
        else:
            return best


def _in_title_or_strong(code: str, title: str, idx: _Index) -> bool:
    d = idx.gaz.by_code[code]
    return any(n and n in title for n in (d.name, *d.short))


_BODY = re.compile(r"(全国|首都|[\u4e00-\u9fff]{0,10}?(?:省|自治区|市|州|盟|地区|区|县|旗))政协")
_BODY_REACH = 13  # a match ends with 政协 and starts at most 10 + len("自治区") characters before it


def _bodies(text: str):
    """``_BODY.finditer(text)``, run only near each 政协 (the same matches, several times faster).

    Every match lies inside [i - 13, i + 2] for the 政协 at i that ends it, so
    searching the merged windows around the occurrences finds exactly the
    matches a scan of the whole text would.
    """
    windows: list[list[int]] = []
    i = text.find("政协")
    while i != -1:
        start, end = max(0, i - _BODY_REACH), i + 2
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
        i = text.find("政协", i + 2)
    for start, end in windows:
        yield from _BODY.finditer(text, start, end)


def cppcc_level(title: str, body: str, main: Optional[str] = None, author_titles: tuple[str, ...] = ()) -> Optional[str]:
    """The CPPCC body the article is mainly about: 全国, 省, 市 or 县."""
    idx = _index()
    municipality = bool(main) and (main in MUNICIPALITIES or idx.gaz.by_code[main].parent in MUNICIPALITIES)
    counts: dict[str, float] = defaultdict(float)
    # The body named first in the title is the subject; an author's own post
    # (作者系垫江县政协主席) says which body is writing.
    for m in _bodies(title):
        lvl = _level_of_body(m.group(1), idx, municipality)
        if lvl:
            return lvl
    sources = [(body, 1.0)] + [(t, 4.0) for t in author_titles]
    for text, w in sources:
        for m in _bodies(text):
            lvl = _level_of_body(m.group(1), idx, municipality)
            if lvl:
                counts[lvl] += w
    if not counts:
        return None
    order = ["全国", "省", "市", "县"]
    return max(counts, key=lambda k: (counts[k], -order.index(k)))


def _level_of_body(name: str, idx: _Index, municipality: bool) -> Optional[str]:
    """Level of the body in ``<name>政协``: by the gazetteer unit that ends the name, else its suffix."""
    if name == "全国":
        return "全国"
    if name == "首都":   # 首都政协 is Beijing's, a province-level body (seed 004's 北京答卷)
        return "省"
    last = None
    for _, stop, _, code_kinds in idx.automaton.longest(name):
        last = (stop - 1, code_kinds)
    if last and last[0] >= len(name) - 2:
        levels = {idx.gaz.by_code[c].level for c, _ in last[1]}
        if len(levels) == 1:
            return {"province": "省", "prefecture": "市", "county": "县"}[levels.pop()]
    if name.endswith(("自治区", "省")):
        return "省"
    if name.endswith(("区", "县", "旗")):
        return "县"
    if name.endswith("市"):
        return "省" if municipality else "市"
    if name.endswith(("州", "盟", "地区")):
        return "市"
    return None


def to_region(code: str, gaz: Gazetteer) -> Region:
    d = gaz.by_code[code]
    chain = [gaz.by_code[a] for a in reversed(_ancestors(code, gaz))] + [d]
    prov = next((x.name for x in chain if x.level == "province"), None)
    pref = next((x.name for x in chain if x.level == "prefecture"), None)
    county = next((x.name for x in chain if x.level == "county"), None)
    return Region(prov, pref, county, code)


def region_tag(r: Region) -> str:
    """Material tag with hierarchy: 省/市/县 (short province name first)."""
    parts = [p for p in (r.province, r.prefecture, r.county) if p]
    return "/".join(parts)
