#!/usr/bin/env python3
"""Synthetic seed corpus for the benchmark (issue 7).

``make_corpus(n, out_dir, seed=0)`` writes ``n`` seed files of about 6,000
CJK characters each, built deterministically from the paragraphs of the
real seeds in ``seeds/``:

* paragraphs are cleaned once (t2s, pinyin and doubled punctuation removed,
  mojibake lines and site chrome skipped), then shuffled and recombined;
* every article gets its own province: place names of the gazetteer found in
  the seeds are replaced by places of that province (prefectures by
  prefectures, counties by counties, short forms by short forms), and
  numbers are varied, so regions, tags and text vary between files;
* a file holds 1-4 articles, each with a headline (sometimes a ``——``
  subtitle) and a lead: ``□ 名字``, ``本报记者 名字``, ``本报讯（记者 名字）``,
  ``人民政协网北京6月14日电 （记者 名字）`` or none, so the splitter has work;
* noise as in the real seeds: about 30% of files in traditional script
  (OpenCC s2t), converter noise in about half of those and in some simplified
  files (tone-marked pinyin after characters ``協(xié)``, ASCII commas and
  colons, doubled marks ``,,`` ``,、``), GBK one-byte-shift mojibake in some
  traditional files, breadcrumbs, photo captions (``▲ …``), editor and
  ``关键词`` lines, and a footer block (``关于我们 丨联系我们 …``, a
  ``版权所有`` line, an ``ICP备`` line).

The same ``(n, seed)`` gives byte-identical files; file ``i`` depends only on
``(seed, i)``, so a corpus of 1,000 is the first 1,000 files of one of 10,000.

Usage: ``python scripts/make_corpus.py N OUTDIR [--seed S]``
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
GAZETTEER = REPO / "cppcc_archive" / "data" / "gazetteer.tsv"

TARGET_CJK = 6000          # mean CJK characters per file
TRADITIONAL_SHARE = 0.30   # files in traditional script
CJK_RE = re.compile(r"[\u3400-\u9fff]")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_RE = re.compile(rf"([\u3400-\u9fff])\(([a-zü]*[{_TONED}][a-zü]*)\)")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力国峰海宁鹏飞云志新春晓燕林欣怡子涵浩然宇轩雨泽晨阳俊博思远佳琪梓萱"
PUBLISHERS = ["人民政协网", "人民政协报", "新华社", "中国新闻网", "央视新闻"]
SITE_NAMES = ["人民政协网", "中国政协网", "政协委员网", "各地政协在线"]
MONTH_DAYS = [(m, d) for m in range(1, 13) for d in range(1, 29)]
FOOTER_LINKS = ["关于我们", "联系我们", "网站地图", "法律声明", "设为首页", "加入收藏"]
BREADCRUMBS = ["首页>协商>政协动态", "首页>地方政协>工作动态", "当前位置:首页>新闻>要闻", "首页>履职>委员风采"]
CAPTION_TAILS = ["开展专题调研", "召开协商座谈会", "组织委员视察", "开展主题党日活动", "举办委员读书活动"]


# ---------------------------------------------------------------- material from the real seeds

def _t2s():
    import opencc

    return opencc.OpenCC("t2s.json").convert


def _s2t():
    import opencc

    return opencc.OpenCC("s2t.json").convert


_DOUBLED = re.compile(r"[,，](?=[,，、。;；:：])|、(?=[、。])")
_META = re.compile(r"^(□|▲|本报记者|编辑|责任编辑|关键词|首页|首頁|当前位置|（上接|\(上接|（下转|\(下转|——)")
_LEAD = re.compile(r"^本报讯\s*[（(][^）)]{2,20}[）)]\s*")
_NAMES_ONLY = re.compile(r"^[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})+$")
_FOLD_BACK = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）"}


def _normalise(line: str, t2s) -> str:
    line = PINYIN_RE.sub(r"\1", line)
    line = _DOUBLED.sub("", line)
    line = t2s(line)
    line = re.sub(r"[,:;()]", lambda m: _FOLD_BACK[m.group(0)], line)
    return line.strip()


def load_material() -> dict:
    """Paragraphs, headlines, captions and pinyin readings from the real seeds."""
    t2s = _t2s()
    paragraphs, headlines, readings = [], [], {}
    for path in sorted(SEEDS.iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        for ch, py in PINYIN_RE.findall(text):
            readings.setdefault(ch, py)
        for raw in text.splitlines():
            raw = raw.strip()
            if not raw or "?" in raw or "\ufffd" in raw or _META.match(raw):
                continue
            line = _normalise(_LEAD.sub("", raw), t2s)
            n = len(CJK_RE.findall(line))
            if n >= 40:
                paragraphs.append(line)
            elif (6 <= n <= 30 and line[-1:] not in "。，、；：！？”）—" and "政协" not in line[-3:]
                  and not re.search(r"[，：；]|版权|本版|图片|关键词", line) and not _NAMES_ONLY.match(line)):
                headlines.append(line)
    # Simplified forms of the annotated characters, for simplified files with converter noise.
    readings_s = {t2s(ch): py for ch, py in readings.items()}
    return {
        "paragraphs": sorted(set(paragraphs)),
        "headlines": sorted(set(headlines)),
        "readings_t": readings,
        "readings_s": readings_s,
    }


# ---------------------------------------------------------------- places

def load_places() -> dict:
    rows = []
    for line in GAZETTEER.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("code\t"):
            continue
        f = line.split("\t")
        f += [""] * (7 - len(f))
        code, name, level, parent, short, _former, flags = f[:7]
        rows.append({"code": code, "name": name, "level": level, "parent": parent,
                     "short": short or "", "common": "common_word" in flags})
    by_code = {r["code"]: r for r in rows}
    provinces = [r for r in rows if r["level"] == "province" and r["code"][:2] not in ("71", "81", "82")]
    children: dict[str, list[dict]] = {}
    for r in rows:
        if r["parent"]:
            children.setdefault(r["parent"], []).append(r)
    return {"rows": rows, "by_code": by_code, "provinces": provinces, "children": children}


def source_names(material: dict, places: dict) -> dict[str, tuple[str, bool]]:
    """Gazetteer names (full, and unambiguous short forms) that occur in the seed paragraphs."""
    text = "\n".join(material["paragraphs"] + material["headlines"])
    found: dict[str, tuple[str, bool]] = {}
    for r in places["rows"]:
        if r["common"]:
            continue
        if len(r["name"]) >= 3 and r["name"] in text:
            found[r["name"]] = (r["level"], False)
        s = r["short"]
        if r["level"] in ("province", "prefecture") and len(s) >= 2 and s in text and s not in found:
            found.setdefault(s, (r["level"], True))
    return found


class PlaceMapper:
    """Map the seeds' place names onto one province, consistently within an article."""

    def __init__(self, places: dict, names: dict[str, tuple[str, bool]]):
        self.places = places
        self.names = names
        alts = sorted(names, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, alts))) if alts else None

    def for_article(self, rng: random.Random):
        prov = rng.choice(self.places["provinces"])
        kids = self.places["children"].get(prov["code"], [])
        prefs = [k for k in kids if k["level"] == "prefecture"] or [k for k in kids if k["level"] == "county"] or [prov]
        mapping: dict[str, str] = {}

        def county_of(pref):
            c = [k for k in self.places["children"].get(pref["code"], []) if k["level"] == "county"]
            return rng.choice(c) if c else pref

        def pick(name: str) -> str:
            if name in mapping:
                return mapping[name]
            level, short = self.names[name]
            if level == "province":
                target = prov
            elif level == "prefecture":
                target = rng.choice(prefs)
            else:
                target = county_of(rng.choice(prefs))
            out = (target["short"] or target["name"]) if short else target["name"]
            mapping[name] = out
            return out

        def apply(text: str) -> str:
            if self.pattern is None:
                return text
            return self.pattern.sub(lambda m: pick(m.group(0)), text)

        return prov, apply


# ---------------------------------------------------------------- noise

def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


_NUM = re.compile(r"\d+")


def vary_numbers(text: str, rng: random.Random) -> str:
    def sub(m: re.Match) -> str:
        s = m.group(0)
        if len(s) == 4 and s[:2] in ("19", "20"):
            return str(rng.randint(2018, 2025))
        if len(s) == 1:
            return str(rng.randint(1, 9))
        return str(rng.randint(10 ** (len(s) - 1), 10 ** len(s) - 1))

    return _NUM.sub(sub, text)


def add_pinyin(text: str, readings: dict[str, str], rng: random.Random, share: float) -> str:
    """Tone-marked pinyin after annotated characters, as the converter of seeds 002/004 did."""
    if not readings:
        return text
    out = []
    for ch in text:
        out.append(ch)
        py = readings.get(ch)
        if py and rng.random() < share:
            out.append(f"({py})")
    return "".join(out)


def converter_punctuation(text: str, rng: random.Random) -> str:
    """NFKC-folded commas/colons/parentheses and doubled marks (``,,`` ``,、`` ``,。``)."""
    def comma(m: re.Match) -> str:
        r = rng.random()
        return ",," if r < 0.25 else ","

    text = re.sub("，", comma, text)
    text = re.sub("、", lambda m: ",、" if rng.random() < 0.3 else "、", text)
    text = re.sub("。(?!\n)", lambda m: ",。" if rng.random() < 0.05 else "。", text)
    return text.replace("：", ":").replace("（", "(").replace("）", ")")


def gbk_shift(line: str, rng: random.Random) -> str:
    """GBK one-byte-shift mojibake from a point after a CJK character to the end of the line."""
    starts = [i for i in range(1, len(line) - 12) if CJK_RE.match(line[i - 1]) and line[i] in "。，、“"]
    if not starts:
        return line
    i = rng.choice(starts)
    try:
        raw = line[i:].encode("gbk")
    except UnicodeEncodeError:
        return line
    # A decoder that slipped by one byte reads (trail, next lead) pairs until a
    # trail byte below 0x80 puts it back in step; unreadable pairs become "?".
    out, j, raw = [], 0, raw[1:]
    while j < len(raw):
        if raw[j] < 0x80:
            out.append(raw[j:].decode("gbk", errors="replace"))
            break
        try:
            out.append(raw[j:j + 2].decode("gbk"))
        except UnicodeDecodeError:
            out.append("?")
        j += 2
    garbage = unicodedata.normalize("NFKC", "".join(out)).replace("\ufffd", "?")
    return line[:i] + "?" + garbage


# ---------------------------------------------------------------- one file

def _cjk(s: str) -> int:
    return len(CJK_RE.findall(s))


REPOST_SHARE = 0.02  # files that repost an earlier file's articles (other chrome, maybe other script)


def make_file(i: int, material: dict, mapper: PlaceMapper, seed: int = 0) -> str:
    rng = random.Random(f"cppcc-corpus:{seed}:{i}")
    if i > 0 and rng.random() < REPOST_SHARE:
        return _repost(make_file(rng.randrange(i), material, mapper, seed), rng)
    paras, heads = material["paragraphs"], material["headlines"]
    target = rng.randint(int(TARGET_CJK * 0.8), int(TARGET_CJK * 1.2))
    n_articles = rng.choices((1, 2, 3, 4), weights=(45, 25, 18, 12))[0]
    order = rng.sample(range(len(paras)), len(paras))
    pos = 0
    lines: list[str] = []
    if rng.random() < 0.3:
        lines.append(rng.choice(BREADCRUMBS))
    total = 0
    for a in range(n_articles):
        prov, place = mapper.for_article(rng)
        share = (target - total) // (n_articles - a)
        lines.append("")
        lines.append(place(rng.choice(heads)))
        if rng.random() < 0.3:
            lines.append("——" + place(rng.choice(heads)))
        lead = rng.choices(("byline", "staff", "news", "dateline", "none"), weights=(25, 15, 25, 15, 20))[0]
        if lead == "byline":
            lines.append("□ " + person(rng))
        elif lead == "staff":
            lines.append("本报记者 " + person(rng))
        elif lead == "dateline":
            m, d = rng.choice(MONTH_DAYS)
            city = (prov["short"] or prov["name"])[:4]
            lines.append(f"{rng.choice(PUBLISHERS)}{city}{m}月{d}日电 （记者 {person(rng)}）")
        if rng.random() < 0.25:
            lines.append(f"▲{prov['name']}政协{rng.choice(CAPTION_TAILS)}。 {person(rng)} 摄")
        got, first = 0, True
        while got < share and total + got < target + 500:
            if pos >= len(order):
                order = rng.sample(range(len(paras)), len(paras))
                pos = 0
            p = vary_numbers(place(paras[order[pos]]), rng)
            pos += 1
            if first and lead == "news":
                p = f"本报讯（记者 {person(rng)}）" + p
            first = False
            lines.append(p)
            if rng.random() < 0.15 and got > 800:
                lines.append("")
                lines.append(place(rng.choice(heads)))  # a sub-heading inside the article
            got += _cjk(p)
        total += got
        if rng.random() < 0.4:
            lines.append(f"编辑：{person(rng)}")
        if rng.random() < 0.2:
            lines.append("关键词：政协 委员 协商 " + rng.choice(("履职", "调研", "监督", "提案")))
    if rng.random() < 0.7:
        site = rng.choice(SITE_NAMES)
        lines.append("")
        lines.append(" 丨".join(rng.sample(FOOTER_LINKS, rng.randint(3, 5))))
        lines.append(f"版权所有：{site} 未经授权禁止复制或建立镜像")
        lines.append(f"京ICP备{rng.randint(10000000, 99999999)}号-{rng.randint(1, 9)}")
    blank_style = rng.random() < 0.5  # blank lines between paragraphs, as in seeds 000/001/003
    text = ("\n\n" if blank_style else "\n").join(lines) + "\n"

    traditional = rng.random() < TRADITIONAL_SHARE
    converter_noise = rng.random() < (0.6 if traditional else 0.1)
    if traditional:
        text = _S2T(text)
        if converter_noise and rng.random() < 0.3:
            out = text.split("\n")
            for _ in range(rng.randint(1, 2)):
                k = rng.randrange(len(out))
                if _cjk(out[k]) > 60:
                    out[k] = gbk_shift(out[k], rng)
            text = "\n".join(out)
    if converter_noise:
        text = add_pinyin(text, material["readings_t" if traditional else "readings_s"], rng, 0.9)
        text = converter_punctuation(text, rng)
    return text


def _repost(text: str, rng: random.Random) -> str:
    """The same articles as published by another site: other chrome, sometimes the other script."""
    lines = [x for x in text.split("\n") if not re.match(r"^(首[页頁]|当前位置|關於我們|关于我们|版[权權]所有|京ICP)", x)]
    if rng.random() < 0.5:
        lines.insert(0, rng.choice(BREADCRUMBS))
    text = "\n".join(lines)
    if rng.random() < 0.3:
        text = _S2T(text)
    return text + f"\n版权所有：{rng.choice(SITE_NAMES)}\n"


_S2T = None


def make_corpus(n: int, out_dir, seed: int = 0) -> list[Path]:
    """Write ``n`` synthetic seeds into ``out_dir`` (created); return their paths."""
    global _S2T
    if _S2T is None:
        _S2T = _s2t()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    material = load_material()
    places = load_places()
    mapper = PlaceMapper(places, source_names(material, places))
    width = max(5, len(str(n - 1)))
    paths = []
    for i in range(n):
        p = out / f"{i:0{width}d}.txt"
        text = make_file(i, material, mapper, seed)
        data = text.encode("utf-8")
        if not p.exists() or p.read_bytes() != data:
            p.write_bytes(data)
        paths.append(p)
    return paths


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of seed files")
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    if a.n < 1:
        ap.error("N must be at least 1")
    paths = make_corpus(a.n, a.out_dir, a.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} files, {size / 1e6:.1f} MB in {a.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
