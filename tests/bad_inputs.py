"""The bad-input catalogue: every kind of bad seed we know of, how to make it, and what the build must do.

Each ``Case`` has a name, a description, a ``write`` function that puts the
file(s) into a seeds directory, and the expectation: the problem kinds the
report must name for its file(s) and the number of articles that must be
published from them.  ``run_catalogue`` writes every case (beside the real
seeds) into ONE seeds directory, runs ``build.py`` once in a subprocess (with
the MkDocs step) and judges every case:

``ok``            the expectation holds;
``crashed``       the build (or the file's processing: ``internal-error``) failed;
``hang``          the build blocked on the input (a watchdog had to unblock it);
``lost``          a readable article (or part of its text) was not published;
``unsafe``        something from the seed reached the HTML as a tag, attribute or URL;
``wrong-report``  the report misses or misnames the problem, or reports one that is not there.

Used by ``tests/test_bad_input.py`` and ``scripts/bad_input_catalogue.py``;
``BAD_INPUT.md`` at the repository root is the human-readable table.
"""
from __future__ import annotations

import base64
import hashlib
import html
import importlib
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import zipfile
import zlib
import dataclasses
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
BUILD_PY = REPO / "build.py"
MB = 1024 * 1024

# ---------------------------------------------------------------- synthetic articles

PLACES = [
    "河北省石家庄市井陉县", "河北省邯郸市成安县", "河北省邢台市清河县", "河北省张家口市沽源县", "河北省沧州市盐山县",
    "河北省衡水市阜城县", "山西省晋城市阳城县", "山西省临汾市襄汾县", "山西省吕梁市方山县", "辽宁省铁岭市西丰县",
    "黑龙江省齐齐哈尔市拜泉县", "黑龙江省七台河市勃利县", "江苏省淮安市盱眙县", "浙江省嘉兴市嘉善县", "浙江省丽水市遂昌县",
    "安徽省铜陵市枞阳县", "福建省福州市罗源县", "福建省漳州市诏安县", "江西省赣州市安远县", "江西省宜春市奉新县",
    "江西省上饶市余干县", "山东省泰安市宁阳县", "山东省德州市武城县", "河南省开封市尉氏县", "河南省南阳市方城县",
    "河南省信阳市潢川县", "湖北省黄石市阳新县", "湖北省黄冈市红安县", "湖南省株洲市茶陵县", "湖南省常德市安乡县",
    "湖南省永州市东安县", "广东省梅州市大埔县", "广东省云浮市郁南县", "四川省成都市金堂县", "四川省广元市剑阁县",
    "四川省眉山市青神县", "四川省雅安市芦山县", "云南省昭通市大关县", "云南省大理白族自治州永平县", "西藏自治区日喀则市江孜县",
    "陕西省西安市蓝田县", "陕西省咸阳市武功县", "陕西省汉中市西乡县", "陕西省安康市紫阳县", "甘肃省天水市甘谷县",
    "甘肃省庆阳市庆城县", "新疆维吾尔自治区吐鲁番市鄯善县",
]
ACTIONS = ["召开专题协商会", "组织委员开展专题视察", "举行常委会议", "开展民主监督调研", "召开界别协商座谈会",
           "组织委员走访基层", "举办委员讲堂", "开展对口协商", "召开提案办理协商会", "组织专委会赴乡镇调研"]
TOPICS = ["乡村振兴", "生态环境保护", "民营经济发展", "养老服务体系建设", "义务教育均衡发展", "文化遗产保护", "营商环境优化",
          "基层医疗卫生", "数字经济", "农村人居环境整治", "非物质文化遗产传承", "县域商业体系建设", "高标准农田建设", "全域旅游",
          "食品安全监管", "职业教育发展", "河湖长制落实", "中小企业融资", "社区治理", "特色农业产业"]
STATEMENTS = [
    "委员们深入田间地头和企业车间，详细了解{t}工作推进情况", "会议听取了有关部门关于{t}工作的情况通报",
    "与会委员围绕{t}中存在的短板弱项深入交流讨论", "大家一致认为，推进{t}要坚持问题导向和目标导向",
    "调研组先后走访了{n}个村镇和{m}家企业", "委员们提出了{k}条具有针对性和可操作性的意见建议",
    "会议强调，要把{t}作为履职尽责的重要内容", "有关负责同志表示将认真研究吸纳委员们的意见",
    "委员们建议进一步完善{t}的政策支持体系", "调研中发现{t}仍存在资金投入不足、人才短缺等问题",
    "下一步将持续跟踪{t}相关建议的办理落实情况", "座谈会上，{n}位委员代表先后发言",
    "委员们表示要当好政策宣传员和民情联络员", "要充分发挥政协专门协商机构作用，为{t}凝聚共识",
    "全年共收集社情民意信息{m}条，其中{k}条被采用",
]


@dataclass(frozen=True)
class Art:
    """A synthetic CPPCC news item: distinct per key (no two keys are near-duplicates)."""

    title: str
    paragraphs: tuple[str, ...]
    place: str

    @property
    def text(self) -> str:
        return self.title + "\n\n" + "\n\n".join(self.paragraphs) + "\n"

    @property
    def probe(self) -> str:
        """A phrase that must survive cleaning: the full place name."""
        return self.place


def article(key: str, n_sentences: int = 7) -> Art:
    rng = random.Random(key)
    place = rng.choice(PLACES)
    county = place[place.rfind("市") + 1:] if "市" in place else place[-3:]
    if "州" in county:
        county = county[county.rfind("州") + 1:]
    t1, t2 = rng.sample(TOPICS, 2)
    act = rng.choice(ACTIONS)
    paras = [f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日，{place}政协{act}，围绕{t1}和{t2}建言献策。"]
    cur: list[str] = []
    for s in rng.sample(STATEMENTS, min(n_sentences, len(STATEMENTS))):
        cur.append(s.format(t=rng.choice((t1, t2)), n=rng.randint(2, 30), m=rng.randint(3, 90), k=rng.randint(5, 60)) + "。")
        if len(cur) == 3:
            paras.append("".join(cur))
            cur = []
    if cur:
        paras.append("".join(cur))
    return Art(f"{county}政协{act}聚焦{t1}", tuple(paras), place)


def cjk(s: str) -> int:
    return len(re.findall(r"[\u3400-\u9fff]", s))


def to_traditional(s: str) -> str:
    import opencc

    return opencc.OpenCC("s2tw.json").convert(s)


# ---------------------------------------------------------------- the catalogue

ANY = "*"  # in Case.problems: any problem kind will do, as long as one is reported


@dataclass
class Ctx:
    """Where a case writes: the seeds directory, a scratch directory outside it, and what it registered."""

    case: "Case"
    seeds: Path
    scratch: Path
    names: list[str] = field(default_factory=list)  # report names of this case's inputs
    races: list[dict] = field(default_factory=list)  # changes made while the build runs (see install_hooks)
    sources: dict[str, str] = field(default_factory=dict)  # report name -> text that must be published
    contains: list[str] = field(default_factory=list)  # more strings the published text must contain
    absent: list[str] = field(default_factory=list)  # more strings it must not contain
    checks: list[Callable] = field(default_factory=list)  # more checks (view, ctx) -> failures

    def expect(self, contains=(), absent=(), check=None) -> None:
        self.contains += list(contains)
        self.absent += list(absent)
        if check:
            self.checks.append(check)

    def path(self, rel: str) -> Path:
        p = self.seeds / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        return p

    def file(self, rel: str, data, encoding: str = "utf-8", source: Optional[str] = None) -> Path:
        p = self.path(rel)
        p.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
        self.names.append(rel)
        if source is not None:
            self.sources[rel] = source
        return p

    def article_file(self, rel: str, key: str, encoding: str = "utf-8", transform=None, published: bool = True) -> Art:
        """A synthetic article; with ``published`` its text must show up on the site."""
        a = article(key)
        text = transform(a.text) if transform else a.text
        self.file(rel, text, encoding, source=a.text if published else None)
        return a

    def race(self, when: str, action: str, rel: str, **kw) -> None:
        self.races.append({"when": when, "action": action, "path": os.path.abspath(self.seeds / rel),
                           "marker": str(self.scratch / f"hang-{self.case.name}"), **kw})


@dataclass
class Case:
    name: str
    description: str
    write: Callable[[Ctx], None]
    problems: tuple = ()  # kinds that must be reported; an entry may be a tuple of alternatives, or ANY
    also_ok: tuple = ()  # kinds tolerated besides those (ANY: whatever)
    articles: Optional[int] = 0  # articles that must be published from the case's files (None: not checked)
    contains: tuple[str, ...] = ()  # strings the published titles/texts must contain
    absent: tuple[str, ...] = ()  # strings they must not contain
    does: str = ""  # what the build must do (BAD_INPUT.md)
    check: Optional[Callable[["View", Ctx], list[str]]] = None  # extra checks: failure messages ("status: text")
    nonroot: bool = False  # only meaningful when the build does not run as root
    markers: tuple[str, ...] = ()  # tokens in the seed that must never reach live HTML
    group: str = ""
    skip: Optional[str] = None  # set by ``write`` when this machine cannot make the input

    def strict_exit(self) -> Optional[int]:
        if self.problems:
            return 1
        if self.also_ok:
            return None
        return 0


CASES: list[Case] = []


def case(name: str, description: str, **kw):
    def deco(fn):
        CASES.append(Case(name=name, description=description, write=fn, **kw))
        return fn
    return deco


def _checks(*fns):
    def run(view, ctx):
        out = []
        for f in fns:
            out += f(view, ctx)
        return out
    return run


# Checks used by several cases ------------------------------------------------

def check_encoding(expected: str):
    def run(view: "View", ctx: Ctx) -> list[str]:
        out = []
        for n in ctx.names:
            enc = (view.files.get(n) or {}).get("encoding") or ""
            if not enc.replace("_", "-").startswith(expected):
                out.append(f"wrong-report: {n!r} decoded as {enc!r}, expected {expected}")
        return out
    return run


def check_paragraphs(min_paragraphs: int):
    def run(view: "View", ctx: Ctx) -> list[str]:
        out = []
        for a in view.articles_of(ctx.names):
            n = len([p for p in a["text"].split("\n") if p.strip()])
            if n < min_paragraphs:
                out.append(f"lost: {a['source_file']!r}: line breaks lost ({n} paragraph(s), expected ≥ {min_paragraphs})")
        return out
    return run


def check_published_or_reported(view: "View", ctx: Ctx) -> list[str]:
    out = []
    for n in ctx.names:
        f = view.files.get(n) or {}
        if not f.get("articles") and not f.get("duplicates") and not f.get("problems"):
            out.append(f"wrong-report: {n!r} produced no article and no problem")
    return out


def check_page_exists(view: "View", ctx: Ctx) -> list[str]:
    out = []
    for a in view.articles_of(ctx.names):
        if not (view.out / "docs" / "a" / f"{a['id']}.md").exists():
            out.append(f"lost: no page docs/a/{a['id']}.md for {a['source_file']!r}")
        if view.site and not (view.site / a["url"] / "index.html").exists():
            out.append(f"lost: no HTML page {a['url']} for {a['source_file']!r}")
    return out


def check_ids_stable(view: "View", ctx: Ctx) -> list[str]:
    out = []
    for a in view.articles_of(ctx.names):
        want = hashlib.sha256(f"{a['source_file']}\x00{a['part']}".encode("utf-8", "surrogateescape")).hexdigest()[:12]
        if a["id"] != want or a["url"] != f"a/{want}/":
            out.append(f"wrong-report: {a['source_file']!r} part {a['part']} has id {a['id']}, expected {want}")
    return out


def check_message(pattern: str):
    def run(view: "View", ctx: Ctx) -> list[str]:
        msgs = [p["message"] for n in ctx.names for p in (view.files.get(n) or {}).get("problems", [])]
        if not any(re.search(pattern, m, re.I) for m in msgs):
            return [f"wrong-report: no problem message matches /{pattern}/ (messages: {msgs})"]
        return []
    return run


# Empty, binary and oversized files ---------------------------------------------

@case("empty-file", "A zero-byte file.", problems=("empty",), group="size",
      does="reported as `empty` (file is empty); no article")
def _(ctx):
    ctx.file("empty-file.txt", b"")


@case("whitespace-only", "Spaces, tabs and blank lines only.", problems=("empty",), group="size",
      does="reported as `empty` (only whitespace); no article")
def _(ctx):
    ctx.file("whitespace-only.txt", b" \t \r\n\n   \n\t\n")


@case("unicode-whitespace-only", "Only ideographic spaces (U+3000) and no-break spaces.", problems=(("empty", "no-text"),),
      group="size", does="reported (`empty` or `no-text`); no article")
def _(ctx):
    ctx.file("unicode-whitespace-only.txt", "\u3000\u3000\n\u00a0 \u3000\n")


@case("zero-width-only", "Only zero-width and BOM characters (U+200B, U+200C, U+200D, U+2060, U+FEFF).",
      problems=(("empty", "no-text"),), group="size", does="reported (`empty` or `no-text`); no article")
def _(ctx):
    ctx.file("zero-width-only.txt", "\ufeff\u200b\u200c\u200d\u2060\n\u200b\ufeff")


@case("png-image", "A PNG image named .txt.", problems=("binary",), check=check_message("PNG"), group="size",
      does="reported as `binary` (looks like a PNG image); no article")
def _(ctx):
    raw = b"\x00" + b"\xff\x00\x00" * 4
    png = (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", (2).to_bytes(4, "big") * 2 + b"\x08\x02\x00\x00\x00")
           + _png_chunk(b"IDAT", zlib.compress(raw * 2)) + _png_chunk(b"IEND", b""))
    ctx.file("png-image.txt", png)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")


@case("zip-named-txt", "A zip archive (holding a Chinese article) named .txt.", problems=("binary",),
      check=check_message("zip"), group="size", does="reported as `binary` (ZIP archive); no article")
def _(ctx):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("article.txt", article("zip-inner").text)
    ctx.file("zip-named-txt.txt", buf.getvalue())


@case("gzip-named-txt", "A gzip-compressed article named .txt.", problems=("binary",), group="size",
      does="reported as `binary` (gzip archive); no article")
def _(ctx):
    import gzip

    ctx.file("gzip-named-txt.txt", gzip.compress(article("gzip-inner").text.encode(), mtime=0))


@case("random-bytes", "4 KB of random bytes named .txt: no format's signature, and fewer NUL bytes (13) than the NUL rule's 1 %.",
      problems=("binary",), check=check_message("control bytes"), group="size",
      does="reported as `binary` (control bytes no text holds); no article")
def _(ctx):
    ctx.file("random-bytes.txt", random.Random(7).randbytes(4096))


@case("huge-50mb", "A 50 MB UTF-8 text file (the limit is 32 MB).", problems=("too-large",),
      check=check_message(r"\b32 ?(MB|MiB)\b"), group="size",
      does="reported as `too-large` with its size and the limit (32 MB, as documented), without reading it; the build goes on")
def _(ctx):
    p = ctx.path("huge-50mb.txt")
    try:
        os.link(_huge_text(), p)  # one 50 MB file per process, hard-linked wherever a case needs it
    except OSError:
        shutil.copyfile(_huge_text(), p)
    ctx.names.append("huge-50mb.txt")


_HUGE: list[Path] = []


def _huge_text() -> Path:
    """50 MB of real Chinese text (UTF-8, line breaks), written once per process."""
    if not _HUGE:
        import atexit

        d = Path(tempfile.mkdtemp(prefix="cppcc-huge-"))
        atexit.register(shutil.rmtree, d, True)
        p = d / "huge.txt"
        block = ("".join(article(f"huge{i}").text for i in range(40))).encode("utf-8")
        with open(p, "wb") as fh:
            written = 0
            while written < 50 * MB:
                fh.write(block)
                written += len(block)
        os.chmod(d, 0o755)
        os.chmod(p, 0o644)
        _HUGE.append(p)
    return _HUGE[0]


@case("grows-past-limit", "A seed that grows past the 32 MB limit between the size check and the read "
      "(simulated: the file grows right after the build's os.stat of it).", problems=("too-large",), group="race",
      does="reported as `too-large`; never more than the limit is read or processed")
def _(ctx):
    ctx.article_file("grows-past-limit.txt", "grows", published=False)
    ctx.race("stat", "grow", "grows-past-limit.txt", size=33 * MB)


# Encodings --------------------------------------------------------------------

def _enc_case(name, description, encoding, expect, key=None, traditional=False, **kw):
    key = key or name

    @case(name, description, articles=1, group="encoding", check=_checks(check_encoding(expect), kw.pop("check", lambda v, c: [])),
          does=kw.pop("does", f"decoded as {expect}; one article, no problem"), **kw)
    def _(ctx):
        a = ctx.article_file(f"{name}.txt", key, encoding=encoding, transform=to_traditional if traditional else None)
        ctx.expect(contains=(a.probe,))


_enc_case("utf8-bom", "UTF-8 with a byte-order mark.", "utf-8-sig", "utf-8")
_enc_case("gb18030", "GB18030 (the Chinese national standard encoding).", "gb18030", "gb18030")
_enc_case("gbk", "GBK (a subset of GB18030).", "gbk", "gb18030")
_enc_case("big5", "Big5, traditional script.", "big5", "big5", traditional=True,
          check=lambda view, ctx: [f"wrong-report: script {a['script']!r}, expected 'traditional'"
                                   for a in view.articles_of(ctx.names) if a["script"] != "traditional"],
          does="decoded as Big5; one article converted to simplified script, `script: traditional`")
_enc_case("utf16le-bom", "UTF-16 little-endian with BOM.", "utf-16", "utf-16")


@case("utf16be-bom", "UTF-16 big-endian with BOM (explicit BOM bytes FE FF).", articles=1, group="encoding",
      check=check_encoding("utf-16"), does="decoded as UTF-16; one article, no problem")
def _(ctx):
    a = article("utf16be-bom")
    ctx.file("utf16be-bom.txt", b"\xfe\xff" + a.text.encode("utf-16-be"), source=a.text)
    ctx.expect(contains=(a.probe,))


_enc_case("utf16le-nobom", "UTF-16 little-endian without BOM.", "utf-16-le", "utf-16-le")
_enc_case("utf16be-nobom", "UTF-16 big-endian without BOM.", "utf-16-be", "utf-16-be")
_enc_case("utf32-bom", "UTF-32 with BOM.", "utf-32", "utf-32")


@case("utf32-nobom", "UTF-32 little-endian without BOM.", also_ok=("binary", "undecodable"), articles=None,
      check=check_published_or_reported, group="encoding",
      does="either decoded, or reported (`binary`/`undecodable`): never silently dropped")
def _(ctx):
    ctx.file("utf32-nobom.txt", article("utf32-nobom").text.encode("utf-32-le"))


@case("mixed-encodings", "UTF-8 lines and GB18030 lines stitched into one file.", problems=("mixed-encoding",),
      articles=1, group="encoding", does="decoded line by line; reported as `mixed-encoding`; all text published")
def _(ctx):
    a, b = article("mixed-a"), article("mixed-b")
    data = a.text.encode("utf-8") + "\n".join(b.paragraphs).encode("gb18030") + b"\n"
    ctx.file("mixed-encodings.txt", data, source=a.text + "\n".join(b.paragraphs))
    ctx.expect(contains=(a.probe, b.paragraphs[1][:20]))


@case("invalid-utf8-middle", "UTF-8 text with invalid bytes (FF FE 80 C0) in the middle of a paragraph.",
      problems=(("invalid-bytes", "mixed-encoding", "uncertain-encoding"),), articles=1, group="encoding",
      does="the valid text is published, the bad bytes are reported (`mixed-encoding`/`invalid-bytes`)")
def _(ctx):
    a = article("invalid-utf8")
    raw = a.text.encode("utf-8")
    cut = raw.index("。".encode()) + 3
    ctx.file("invalid-utf8-middle.txt", raw[:cut] + b"\xff\xfe\x80\xc0" + raw[cut:], source=a.text)
    ctx.expect(contains=(a.probe, a.paragraphs[-1][:20]))


@case("gbk-one-bad-byte", "A GBK file with one byte (FF) valid in no encoding inside its first paragraph.",
      problems=("invalid-bytes", "mixed-encoding"), articles=1, group="encoding",
      does="the line is read as GB18030 but for that byte (shown as �, and a note says so); the line is named in the report")
def _(ctx):
    a = article("gbk-one-bad")
    raw = a.text.encode("gbk")
    first = a.paragraphs[0]
    comma = first.index("，")
    cut = raw.index(first.encode("gbk")) + len(first[:comma + 1].encode("gbk"))   # after the first comma
    ctx.file("gbk-one-bad-byte.txt", raw[:cut] + b"\xff" + raw[cut:], source=a.text)
    # The rest of that line survives: it was published as UTF-8 garbage.
    ctx.expect(contains=(first[comma + 1:comma + 20], a.paragraphs[-1][:20], "\ufffd"))


@case("utf8-read-as-cp1252", "UTF-8 text once read as Windows-1252 and saved as UTF-8 (天津 as å¤©æ´¥), with a © line.",
      problems=("double-encoded",), articles=1, group="encoding",
      does="repaired with ftfy and reported (`double-encoded`); the headline kept (the © inside 天 deleted it)")
def _(ctx):
    importlib.import_module("ftfy.bad_codecs")   # registers the codec that makes the damage

    a = article("double-encoded")
    text = a.text + "\n©2024 天津日报\n"
    ctx.file("utf8-read-as-cp1252.txt", text.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8"), source=text)
    ctx.expect(contains=(a.probe, a.paragraphs[0][:20], a.paragraphs[-1][:20]), absent=("å",))


@case("utf16-truncated", "UTF-16 with BOM whose last code unit is cut in half (odd byte count).",
      problems=(("invalid-bytes", "uncertain-encoding"),), articles=1, group="encoding",
      does="published; the broken tail is reported (`invalid-bytes`)")
def _(ctx):
    a = article("utf16-trunc")
    ctx.file("utf16-truncated.txt", a.text.encode("utf-16")[:-1], source=a.text)
    ctx.expect(contains=(a.probe,))


@case("bom-in-middle", "Two UTF-8-with-BOM files concatenated: a BOM in the middle of the text.", articles=None,
      absent=("\ufeff",), group="encoding", also_ok=(ANY,),
      does="both texts published, the inner BOM removed")
def _(ctx):
    a, b = article("bom-mid-a"), article("bom-mid-b")
    ctx.file("bom-in-middle.txt", b"\xef\xbb\xbf" + a.text.encode() + b"\xef\xbb\xbf" + b.text.encode())
    ctx.expect(contains=(a.probe, b.probe))


def _check_latin1(view: "View", ctx: Ctx) -> list[str]:
    out = []
    for n in ctx.names:
        f = view.files.get(n) or {}
        arts = view.articles_of([n])
        text = "".join(a["text"] for a in arts)
        warned = any("encod" in (p["kind"] + p["message"]).lower() for p in f.get("problems", []))
        if arts and "comit" not in text and not warned:
            out.append(f"lost: the text was published as garbage {text[:12]!r} (decoded as {f.get('encoding')}, "
                       f"confidence {f.get('encoding_confidence')}) with no encoding problem reported")
    return out + check_published_or_reported(view, ctx)


@case("latin1-text", "A Latin-1 (ISO-8859-1) file: not UTF-8 and not a Chinese encoding.", also_ok=(ANY,), articles=None,
      check=_check_latin1, group="encoding",
      does="decoded as Latin text or reported as an encoding problem; never published as CJK garbage without a word")
def _(ctx):
    text = "Résumé de la séance: le comité a débattu. Prix: 12 £. Ça va, à bientôt.\n"
    ctx.file("latin1-text.txt", text.encode("latin-1"))


# Line endings and control characters ----------------------------------------------

@case("crlf-line-endings", "Windows CRLF line endings.", articles=1, group="lines", absent=("\r",),
      check=check_paragraphs(3), does="line endings normalised; paragraphs kept; no problem")
def _(ctx):
    a = ctx.article_file("crlf-line-endings.txt", "crlf", transform=lambda t: t.replace("\n", "\r\n"))
    ctx.expect(contains=(a.probe,))


@case("cr-line-endings", "Old Mac CR-only line endings.", articles=1, group="lines", absent=("\r",),
      check=check_paragraphs(3), does="line endings normalised; paragraphs kept; no problem")
def _(ctx):
    a = ctx.article_file("cr-line-endings.txt", "cr", transform=lambda t: t.replace("\n", "\r"))
    ctx.expect(contains=(a.probe,))


@case("mixed-line-endings", "CRLF, CR, LF, NEL (U+0085) and LINE SEPARATOR (U+2028) in one file.", articles=1,
      group="lines", absent=("\r", "\u2028", "\u0085"), check=check_paragraphs(3),
      does="all normalised; paragraphs kept")
def _(ctx):
    a = article("mixed-eol")
    seps = ["\r\n\r\n", "\r\r", "\n\n", "\u2028\u2028", "\u0085\u0085"]
    parts = [a.title] + list(a.paragraphs)
    text = "".join(p + seps[i % len(seps)] for i, p in enumerate(parts))
    ctx.file("mixed-line-endings.txt", text, source=a.text)
    ctx.expect(contains=(a.probe,))


@case("nul-and-control-chars", "A few NUL bytes, BEL, ESC colour codes and form feeds inside Chinese text.", articles=1,
      group="lines", absent=("\x00", "\x07", "\x1b", "\x0c", "[31m"),
      does="control characters removed; the article is published")
def _(ctx):
    a = article("nul-ctl")
    text = a.text.replace("。", "。\x00", 2).replace("，", "\x1b[31m，\x1b[0m", 2).replace("政协", "政\x07协", 1)
    text = text.replace("\n\n", "\n\x0c\n", 1)
    ctx.file("nul-and-control-chars.txt", text, source=a.text)
    ctx.expect(contains=(a.probe,))


@case("bidi-override-title", "Right-to-left override and isolate characters (U+202E, U+2066) in the title and text.",
      articles=1, group="lines", absent=("\u202e", "\u2066", "\u2069"),
      does="bidi controls removed from title and text (they make a title read differently from its bytes)")
def _(ctx):
    a = article("bidi")
    text = a.text.replace(a.title, "\u202e" + a.title[:4] + "\u2066abc\u2069" + a.title[4:], 1).replace("，", "\u202e，", 1)
    ctx.file("bidi-override-title.txt", text, source=a.text)
    ctx.expect(contains=(a.probe,))


# Structure --------------------------------------------------------------------

@case("title-only", "A file holding only a headline, no article text.", problems=(ANY,), also_ok=(ANY,), articles=None,
      group="structure", does="reported (no article text); at most a page with the title")
def _(ctx):
    ctx.file("title-only.txt", article("title-only").title + "\n")


@case("front-matter-only", "Valid front matter and no body.", problems=(("no-text", "empty"),), also_ok=("front-matter",),
      group="structure", does="reported as `no-text`; no article")
def _(ctx):
    ctx.file("front-matter-only.txt", "---\ntitle: 只有前置元数据\npublisher: 人民政协网\n---\n")


@case("no-chinese", "An article in English only.", problems=("no-chinese",), also_ok=("region-unknown",), articles=1,
      contains=("rural revitalisation",), group="structure",
      does="published (readable text is never dropped) and reported as `no-chinese`")
def _(ctx):
    ctx.file("no-chinese.txt", "County committee discusses farming\n\nThe committee met on Monday. Members discussed rural "
             "revitalisation and made ten proposals to the county government.\n\nThe next meeting is in June.\n")


@case("punctuation-only", "Only Chinese punctuation marks.", problems=(ANY,), also_ok=(ANY,), articles=None,
      group="structure", does="reported (`no-chinese`/`no-text`)")
def _(ctx):
    ctx.file("punctuation-only.txt", "，。！？……——《》\n、、、“”\n")


@case("boilerplate-only", "Only site chrome: breadcrumb, footer links, copyright and ICP registration lines.",
      problems=("no-text",), group="structure", does="reported as `no-text`; no article")
def _(ctx):
    ctx.file("boilerplate-only.txt", "首页 > 协商 > 政协动态\n关于我们 | 联系我们 | 网站地图\n版权所有 人民政协网\n京ICP备12345678号\n")


@case("single-2mb-line", "2 MB of Chinese text on one line without any line break.", articles=1, group="structure",
      does="one article published in reasonable time (no quadratic blow-up)")
def _(ctx):
    a = article("long-line")
    body, i = [a.paragraphs[0]], 0
    size = len(a.title.encode()) + len(a.paragraphs[0].encode())
    while size < 2 * MB:
        p = "".join(article(f"long-line-{i}").paragraphs[1:])
        body.append(p)
        size += len(p.encode())
        i += 1
    ctx.file("single-2mb-line.txt", a.title + "\n" + "".join(body) + "\n")
    ctx.expect(contains=(a.probe, body[-1][-30:]))


def _check_few_headings(view: "View", ctx: Ctx) -> list[str]:
    out = []
    for a in view.articles_of(ctx.names):
        md = view.out / "docs" / "a" / f"{a['id']}.md"
        n = sum(1 for line in md.read_text(encoding="utf-8").splitlines() if line.startswith("#")) if md.exists() else 0
        if n > 200:
            out.append(f"hang: {n} one-word lines became {n} headings on one page; MkDocs' table of contents is quadratic "
                       f"in them (20,000 such lines take ~30 s to render)")
    return out


@case("many-short-lines", "3,000 lines of one two-character word each.", also_ok=(ANY,), articles=None, group="structure",
      check=_checks(check_published_or_reported, _check_few_headings),
      does="built in reasonable time: a page with thousands of one-word lines is not thousands of headings")
def _(ctx):
    rng = random.Random(7)
    words = ["政协", "委员", "会议", "协商", "调研", "视察", "提案", "民生", "履职", "建言"]
    ctx.file("many-short-lines.txt", "\n".join(rng.choice(words) for _ in range(3000)) + "\n")


# Hostile content ----------------------------------------------------------------

HOSTILE_HTML = """<script>alert('xssmark-script')</script>{p0}<iframe src="https://evil.example/xssmark-iframe"></iframe>
<p onclick="alert('xssmark-onclick')">{p1}</p><img src=x onerror="alert('xssmark-onerror')">
<a href="javascript:alert('xssmark-jslink')">点击这里</a> <a href="https://evil.example/xssmark-link">外部链接</a>
&lt;script&gt;alert('xssmark-entity')&lt;/script&gt; &amp;lt;b&amp;gt; &#60;img src=x onerror=alert(1)&#62; &copy; &nbsp;
<svg onload="alert('xssmark-svg')"><a xlink:href="javascript:alert(2)">x</a></svg><object data="https://evil.example/x.swf"></object>
<embed src="https://evil.example/xssmark-embed"><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">
<form action="https://evil.example/xssmark-form"><input name="q"></form><style>body{{background:url(https://evil.example/xssmark-css)}}</style>
<div style="background:url(javascript:alert(3))">{p2}</div>
"""


@case("html-hostile", "HTML with <script>, <iframe>, onerror=/onclick= handlers, javascript: links, entities "
      "(&lt;script&gt;), <svg onload>, <object>, <embed>, <base>, <meta refresh>, <form>, <style>.", articles=1,
      group="hostile", absent=("xssmark-script", "xssmark-css"), markers=("xssmark", "evil.example"),
      check=check_page_exists, does="tags removed, entities decoded to plain text and shown escaped; nothing live on the site")
def _(ctx):
    a = article("html-hostile")
    text = a.title + "\n" + HOSTILE_HTML.format(p0=a.paragraphs[0], p1=a.paragraphs[1], p2=a.paragraphs[2])
    ctx.file("html-hostile.html", text, source=a.text)
    ctx.expect(contains=(a.probe, a.paragraphs[2][:20]))


def _check_title(bad: str):
    def run(view: "View", ctx: Ctx) -> list[str]:
        return [f"wrong-text: the title of {a['source_file']!r} is {a['title']!r}" for a in view.articles_of(ctx.names)
                if a["title"].strip() == bad or bad in a["title"]]
    return run


@case("html-full-page", "A complete saved web page (.htm): doctype, <head> with <title>, <style> and <script>, "
      "nav and footer, the article in <article>.", articles=1, also_ok=("region-unknown",), group="hostile",
      absent=("function(", "color:", "xssmark", "DOCTYPE"), markers=("xssmark",), check=_check_title("DOCTYPE"),
      does="one article with the page's headline; doctype, CSS and JavaScript never become text, title or markup")
def _(ctx):
    a = article("html-page")
    body = "".join(f"<p>{p}</p>\n" for p in a.paragraphs)
    page = (f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>{a.title}</title>\n"
            "<style>.x{color:red}</style><script>function(){alert('xssmark-head')}</script></head>\n"
            f"<body><nav>首页 > 新闻</nav><article><h1>{a.title}</h1>\n{body}</article>"
            "<footer>版权所有 某某网</footer></body></html>\n")
    ctx.file("html-full-page.htm", page, source=a.text)
    ctx.expect(contains=(a.probe,))


MD_SYNTAX = """{p0}
# 不是标题 *不是强调* **也不是** [链接](https://evil.example/xssmark-md) ![图](https://evil.example/xssmark-img.png)
| 甲 | 乙 |
|---|---|
| 表 | 格 |
`代码` ```围栏``` {{% include "secret.html" %}} {{{{ config.extra }}}} {{: onclick="alert('xssmark-attr')" }}
---
> 引用 <https://evil.example/xssmark-autolink> [^1] *[HTML]: 缩写 !!! note "警告"
{p1}
{{#xssmark-id .xssmark-class}} 1. 列表 - 项 + 项 \\ 反斜杠 _下划线_ ~~删除~~ ^上标^ ==高亮== $公式$ &amp; <!-- 注释 -->
{p2}
"""


def _tag_counts(view: "View", a: dict) -> Optional[dict[str, int]]:
    page = view.site / a["url"] / "index.html" if view.site else None
    if not page or not page.exists():
        return None
    return TagCounter.count(_article_body(page.read_text(encoding="utf-8")))


# Plain synthetic articles whose pages show what the templates themselves put into an article page.
PLAIN = ("utf8-bom.txt", "crlf-line-endings.txt", "gbk.txt", "cr-line-endings.txt")


def _check_md_inert(view: "View", ctx: Ctx) -> list[str]:
    out = []
    plain = [a for a in view.articles if a["source_file"] in PLAIN]
    ref = _tag_counts(view, plain[0]) if plain else None
    if ref is None:
        return []
    for a in view.articles_of(ctx.names):
        counts = _tag_counts(view, a)
        if counts is None:
            continue
        # h2/h3 are left out: short lines without punctuation become section headings by design (split.py).
        for tag in ("h1", "table", "code", "pre", "hr", "img", "blockquote", "em", "del", "mark", "sup",
                    "abbr", "ol", "dl", "input", "script", "iframe"):
            if counts.get(tag, 0) > ref.get(tag, 0):
                out.append(f"unsafe: seed Markdown became <{tag}> on {a['url']} ({counts.get(tag, 0)} vs {ref.get(tag, 0)} "
                           f"on a plain article page)")
        page = (view.site / a["url"] / "index.html").read_text(encoding="utf-8")
        text = html.unescape(re.sub(r"<[^>]+>", "", _article_body(page)))
        for lit in ("{%", "{{", "*不是强调*", "`代码`", "[链接]"):
            if lit not in text:
                out.append(f"wrong-text: literal {lit!r} not shown as text on {a['url']}")
    return out


@case("markdown-syntax", "Markdown and template syntax in article text: #, *, **, [x](y), ![](…), tables with |, "
      "backticks, {% %}, {{ }}, {: attr }, ---, >, footnotes, abbreviations, !!! admonitions.", articles=1, group="hostile",
      markers=("xssmark", "evil.example"), check=_checks(check_page_exists, _check_md_inert),
      does="shown literally: no heading, link, image, table, code, rule or attribute comes from the seed")
def _(ctx):
    a = article("markdown-syntax")
    ctx.file("markdown-syntax.md", a.title + "\n\n" + MD_SYNTAX.format(p0=a.paragraphs[0], p1=a.paragraphs[1], p2=a.paragraphs[2]),
             source=a.text)
    ctx.expect(contains=(a.probe,))


def drawn_from_text(description, text: str, chars: int) -> bool:
    """Is ``description`` an article page's: at most ``chars`` characters of the text's own words
    (the section headings may be left out), in the text's order, "……" when cut?"""
    if not isinstance(description, str) or not description:
        return False
    words = (description[:-2] if description.endswith("……") else description).split(" ")
    flat = " ".join(text.split())
    if len(" ".join(words)) > chars:
        return False
    at = 0
    for w in words:
        at = flat.find(w, at)
        if at < 0:
            return False
        at += len(w)
    return True


def _check_front_matter(view: "View", ctx: Ctx) -> list[str]:
    from cppcc_archive.markdown import safe_title
    from cppcc_archive.write import DESCRIPTION_CHARS

    out = []
    for a in view.articles_of(ctx.names):
        md = view.out / "docs" / "a" / f"{a['id']}.md"
        if not md.exists():
            continue
        fm = read_front_matter(md.read_text(encoding="utf-8"))
        # Our keys only; ``hide`` is a constant of ours, never seed text.
        if (not isinstance(fm, dict) or set(fm) - {"title", "description", "tags", "hide"}
                or fm.get("hide", ["toc"]) != ["toc"]):
            out.append(f"unsafe: front matter of {md.name} has keys {sorted(fm) if isinstance(fm, dict) else fm!r}")
            continue
        if fm.get("title") != safe_title(a["title"]):
            out.append(f"wrong-report: front-matter title {fm.get('title')!r} differs from the article title {a['title']!r}")
        if not all(isinstance(t, str) for t in fm.get("tags", [])):
            out.append(f"unsafe: non-string tag in {md.name}")
        if not drawn_from_text(fm.get("description"), a["text"], DESCRIPTION_CHARS):
            out.append(f"wrong-report: front-matter description {fm.get('description')!r} is not the start of the text")
    return out


@case("yaml-breaking-title", "A title made of YAML syntax: `: # \" ' --- & ! % | > [ ] { } *`.", articles=1,
      group="hostile", markers=("xssmark",), check=_checks(_check_front_matter, check_page_exists),
      does="front matter stays our quoted keys (title, description, tags); the title is shown as text")
def _(ctx):
    a = article("yaml-title")
    title = f"&锚 !标签 %百分 {a.title[:6]}: 冒号 # 井号 \"引号\" '单引' | 管道 > [列表] {{映射}} *别名 ---"
    ctx.file("yaml-breaking-title.txt", title + "\n\n" + "\n\n".join(a.paragraphs) + "\n", source=a.text)
    ctx.expect(contains=(a.probe,))


@case("template-title", "Jinja/MkDocs template syntax and HTML in the title: `{{ config.site_name }}{% raw %}<b>`.",
      articles=1, group="hostile", markers=("xssmark",), check=_checks(_check_front_matter, check_page_exists),
      does="shown literally; never rendered as a template or a tag")
def _(ctx):
    a = article("template-title")
    title = a.title[:8] + "{{ config.site_name }}{% raw %}<b>xssmark</b>"
    ctx.file("template-title.txt", title + "\n\n" + "\n\n".join(a.paragraphs) + "\n", source=a.text)
    ctx.expect(contains=(a.probe,))


@case("front-matter-malformed", "Seed front matter that is not valid YAML (unclosed quote, bad indentation).",
      problems=("front-matter",), articles=1, group="front-matter",
      does="reported as `front-matter` with the line; ignored; the text is published")
def _(ctx):
    a = article("fm-malformed")
    ctx.file("front-matter-malformed.txt", "---\ntitle: \"未闭合\n  publisher: [x\n: :\n---\n" + a.text, source=a.text)
    ctx.expect(contains=(a.probe,))


@case("front-matter-not-mapping", "Front matter that is a YAML list, not a mapping.", problems=("front-matter",),
      articles=1, group="front-matter", does="reported as `front-matter`; ignored; the text is published")
def _(ctx):
    a = article("fm-list")
    ctx.file("front-matter-not-mapping.txt", "---\n- title\n- 标题\n---\n" + a.text, source=a.text)
    ctx.expect(contains=(a.probe,))


def _check_fm_values(view: "View", ctx: Ctx) -> list[str]:
    out = []
    for a in view.articles_of(ctx.names):
        if a.get("source_url"):
            out.append(f"unsafe: source_url {a['source_url']!r} taken from bad front matter")
        if a.get("date") not in (None,):
            out.append(f"wrong-report: invalid date accepted as {a['date']!r}")
        if "evil" in json.dumps(a, ensure_ascii=False):
            out.append("unsafe: a rejected front-matter value reached articles.json")
    return out


@case("front-matter-bad-values", "Front matter with unknown keys, a date that is not YYYY-MM-DD, a javascript: "
      "source_url, a nested mapping and a key named like ours (tags, layout).", problems=("front-matter",), articles=1,
      group="front-matter", markers=("xssmark", "evil"), check=_checks(_check_fm_values, _check_front_matter),
      does="each bad key/value reported as `front-matter` and ignored; the text is published")
def _(ctx):
    a = article("fm-values")
    fm = ("---\ntags: [主题/evil]\nlayout: evil\ndate: 14/06/2024\nsource_url: \"javascript:alert('xssmark')\"\n"
          "publisher: {nested: evil}\nevil_key: x\n---\n")
    ctx.file("front-matter-bad-values.txt", fm + a.text, source=a.text)
    ctx.expect(contains=(a.probe,))


@case("front-matter-impossible-date", "Front matter `date: 2024-13-45` (looks like a YAML date, is not one).",
      problems=("front-matter",), articles=1, group="front-matter",
      does="reported as `front-matter` (invalid date) and ignored; the text is published")
def _(ctx):
    a = article("fm-date")
    ctx.file("front-matter-impossible-date.txt", "---\ntitle: 日期有误\ndate: 2024-13-45\n---\n" + a.text, source=a.text)
    ctx.expect(contains=(a.probe,))


@case("front-matter-python-tag", "Front matter with a YAML tag that an unsafe loader would execute "
      "(`!!python/object/apply:os.system`).", problems=("front-matter",), articles=1, group="front-matter",
      does="rejected by the safe loader, reported as `front-matter`; nothing executed; text published")
def _(ctx):
    a = article("fm-python")
    flag = ctx.scratch / "pwned-python-tag"
    ctx.file("front-matter-python-tag.txt", f"---\ntitle: !!python/object/apply:os.system [\"touch {flag}\"]\n---\n" + a.text,
             source=a.text)
    ctx.expect(contains=(a.probe,))
    ctx.expect(check=lambda view, c: [f"unsafe: the YAML tag was executed ({flag} exists)"] if flag.exists() else [])


@case("front-matter-unterminated", "A `---` line at the top that is never closed.", problems=(ANY,), also_ok=(ANY,),
      articles=1, group="front-matter", check=_check_title("---"),
      does="reported (front matter not closed); the article is published with its real headline, not `---`")
def _(ctx):
    a = article("fm-open")
    ctx.file("front-matter-unterminated.txt", "---\ntitle: 没有结束\n" + a.text, source=a.text)
    ctx.expect(contains=(a.probe,))


@case("front-matter-hostile-title", "Front matter title with HTML and a newline: `<img src=x onerror=…>`.",
      articles=1, group="front-matter", markers=("xssmark",), check=_check_front_matter,
      does="the title is used as text (full-width < > on pages); nothing live")
def _(ctx):
    a = article("fm-hostile-title")
    ctx.file("front-matter-hostile-title.txt", "---\ntitle: \"<img src=x onerror=alert('xssmark')>\\n第二行\"\n---\n" + a.text,
             source=a.text)
    ctx.expect(contains=(a.probe,))


def _check_fields(**want):
    """The case's one article has these articles.json values (``None``: the field is empty)."""
    def run(view: "View", ctx: Ctx) -> list[str]:
        arts = view.articles_of(ctx.names)
        if len(arts) != 1:
            return [f"lost: expected one article, got {len(arts)}"]
        return [f"wrong-report: {k} is {arts[0].get(k)!r}, expected {v!r}" for k, v in want.items() if arts[0].get(k) != v]
    return run


@case("front-matter-crlf", "Front matter with Windows line ends (`---\\r\\ntitle: …\\r\\n`).", articles=1,
      group="front-matter", check=_check_fields(title="重庆市政协召开常委会议", date="2024-06-14"),
      does="read as front matter: its title and date are used; nothing reported")
def _(ctx):
    a = article("fm-crlf")
    text = "---\ntitle: 重庆市政协召开常委会议\ndate: 2024-06-14\n---\n" + a.text
    ctx.file("front-matter-crlf.txt", text.replace("\n", "\r\n"), source=a.text)
    ctx.expect(contains=(a.probe,))


@case("front-matter-unreal-dates", "Quoted front-matter dates that only look like dates: `\"2024-02-30\"`, "
      "`\"２０２４-０６-１４\"` (full-width digits).", problems=("front-matter",), articles=2, group="front-matter",
      check=lambda view, ctx: [f"wrong-report: date {a['date']!r} was used" for a in view.articles_of(ctx.names) if a["date"]],
      does="each reported as `front-matter` (not a real date) and ignored; feeds and timeline never see it")
def _(ctx):
    for i, date in enumerate(("2024-02-30", "２０２４-０６-１４")):
        a = article(f"fm-unreal-date-{i}")
        ctx.file(f"front-matter-unreal-date-{i}.txt", f"---\ndate: \"{date}\"\n---\n" + a.text, source=a.text)
        ctx.expect(contains=(a.probe,))


@case("front-matter-repeated-keys", "Front matter giving `title` twice, and `url` beside `source_url`.",
      problems=("front-matter",), articles=1, group="front-matter",
      check=_checks(_check_fields(title=article("fm-repeated").title, source_url="https://b.example/a"),
                    check_message(r"given twice")),
      does="reported as `front-matter` (given twice, with both lines); the later value is used")
def _(ctx):
    a = article("fm-repeated")
    ctx.file("front-matter-repeated-keys.txt", f"---\ntitle: 第一个标题\ntitle: {a.title}\nurl: https://a.example/a\n"
             "source_url: https://b.example/a\n---\n" + a.text, source=a.text)
    ctx.expect(contains=(a.probe,))


@case("front-matter-invisible-characters", "Front-matter title and publisher with NUL, a terminal colour code, "
      "zero-width and right-to-left override characters; a title YAML would read as a number (`12:30:00`).",
      problems=("front-matter",), articles=2, group="front-matter", check=lambda view, ctx: check_message(r"zero-width or bidi")(view, ctx) + [
          f"unsafe: {k} {a[k]!r} keeps invisible characters" for a in view.articles_of(ctx.names)
          for k in ("title", "publisher") if a.get(k) and re.search("[\x00-\x1f\u200b-\u200f\u202a-\u202e\u2066-\u2069]", a[k])]
          + [f"wrong-report: title {a['title']!r}" for a in view.articles_of(ctx.names) if a["title"] not in ("宁辽政协标题测试红", "12:30:00")],
      does="the characters are removed as from body text and reported as `front-matter` (the title reads 宁辽政协标题测试红); "
           "`12:30:00` stays text")
def _(ctx):
    for i, fm in enumerate(('title: "\\u202e宁辽\\u202c政协\\u200b标题\\u2066测试\\0\\x1b[31m红"\npublisher: "\\u202e人民\\u200d日报"',
                            "title: 12:30:00")):
        a = article(f"fm-invisible-{i}")
        ctx.file(f"front-matter-invisible-{i}.txt", f"---\n{fm}\n---\n" + a.text, source=a.text)
        ctx.expect(contains=(a.probe,))


@case("front-matter-huge-value", "A front-matter title of 100,000 characters.", problems=("front-matter",), articles=1,
      group="front-matter", check=lambda view, ctx: [f"wrong-report: a title of {len(a['title'])} characters was kept"
                                                      for a in view.articles_of(ctx.names) if len(a["title"]) > 200],
      does="reported as `front-matter` (too long, with the limit) and ignored; the title comes from the text")
def _(ctx):
    a = article("fm-huge")
    ctx.file("front-matter-huge-value.txt", "---\ntitle: " + "长" * 100_000 + "\n---\n" + a.text, source=a.text)
    ctx.expect(contains=(a.probe,))


@case("front-matter-deep-nesting", "Front matter of 3,000 nested brackets (`title: [[[…]]]`): the YAML parser "
      "recurses once per level.", problems=("front-matter",), articles=1, group="front-matter",
      check=check_message(r"nested too deeply"),
      does="reported as `front-matter` (nested too deeply) and ignored; the text is published, no traceback")
def _(ctx):
    a = article("fm-deep")
    ctx.file("front-matter-deep-nesting.txt", "---\ntitle: " + "[" * 3000 + "]" * 3000 + "\n---\n" + a.text, source=a.text)
    ctx.expect(contains=(a.probe,))


def _check_no_text_ids(view: "View", ctx: Ctx) -> list[str]:
    """No element id on the article page is made of seed text: Material's own ``__config`` stays the only one."""
    out = []
    for a in view.articles_of(ctx.names):
        if view.site:
            page = (view.site / a["url"] / "index.html").read_text(encoding="utf-8")
            if len(re.findall(r"\bid=\"?__config\b", page)) != 1:
                out.append(f"unsafe: an element of {a['url']} takes Material's id __config")
        if a["text"].startswith("#") or "## " in a["text"]:
            out.append(f"wrong-report: the text keeps Markdown heading marks: {a['text'][:60]!r}")
    return out


@case("heading-id-clobber", "A title `__config …` and a body sentence saved as a Markdown heading "
      "(`## __config 这一段…结尾。`): the heading id would be `__config`, the id of Material's settings.",
      articles=1, group="hostile", check=_checks(_check_no_text_ids, check_page_exists),
      does="heading ids are numbered, never made of text; `#` marks are removed (`remove_markdown_heading_marks`), "
           "so the sentence is a paragraph")
def _(ctx):
    a = article("heading-clobber")
    sentence = "__config这一段文字是正文而不是标题，因为它以句号结尾。"
    body = "\n".join(a.paragraphs[:2] + ("## " + sentence,) + a.paragraphs[2:])
    ctx.file("heading-id-clobber.txt", f"__config {a.title}\n{body}\n", source=a.text)
    ctx.expect(contains=(a.probe, "这一段文字是正文而不是标题"))


# Duplicates and titles -------------------------------------------------------------

def _check_same_title(view: "View", ctx: Ctx) -> list[str]:
    arts = view.articles_of(ctx.names)
    out = []
    if len({a["title"] for a in arts}) != 1:
        out.append(f"wrong-report: titles differ: {[a['title'] for a in arts]}")
    if len({a["url"] for a in arts}) != len(arts):
        out.append("lost: two articles share one URL")
    return out + check_ids_stable(view, ctx) + check_page_exists(view, ctx)


@case("same-title-two-articles", "Two different articles with the same title, in two files.", articles=2,
      group="duplicates", check=_check_same_title,
      does="two articles with distinct URLs that depend only on file name and position")
def _(ctx):
    a, b = article("same-title-a"), article("same-title-b")
    ctx.file("same-title-1.txt", a.text, source=a.text)
    ctx.file("same-title-2.txt", a.title + "\n\n" + "\n\n".join(b.paragraphs) + "\n", source=b.text)
    ctx.expect(contains=(a.probe, b.probe))


def _check_also_in(view: "View", ctx: Ctx) -> list[str]:
    arts = view.articles_of(ctx.names)
    if len(arts) != 1:
        return []
    kept = arts[0]
    others = sorted(set(ctx.names) - {kept["source_file"]})
    if sorted(kept["also_in"]) != others:
        return [f"wrong-report: also_in is {kept['also_in']}, expected {others}"]
    return []


@case("same-article-two-files", "The same article in two files.", problems=("duplicate",), articles=1,
      group="duplicates", check=_check_also_in, does="one page kept; the other file listed in `also_in` and reported as `duplicate`")
def _(ctx):
    a = article("dup-files")
    ctx.file("same-article-1.txt", a.text, source=a.text)
    ctx.file("same-article-2.txt", a.text)
    ctx.expect(contains=(a.probe,))


@case("same-article-simplified-traditional", "The same article once in simplified, once in traditional script (Big5).",
      problems=("duplicate",), articles=1, group="duplicates", check=_check_also_in,
      does="one page kept; the traditional copy listed in `also_in` and reported as `duplicate`")
def _(ctx):
    a = article("dup-scripts")
    ctx.file("same-article-simplified.txt", a.text, source=a.text)
    ctx.file("same-article-traditional.txt", to_traditional(a.text), "big5")
    ctx.expect(contains=(a.probe,))


@case("same-article-two-encodings", "The same article in UTF-8 and in GB18030.", problems=("duplicate",), articles=1,
      group="duplicates", check=_check_also_in, does="one page kept; the other listed in `also_in`")
def _(ctx):
    a = article("dup-encodings")
    ctx.file("same-article-utf8.txt", a.text, source=a.text)
    ctx.file("same-article-gb18030.txt", a.text, "gb18030")
    ctx.expect(contains=(a.probe,))


# File names and the file system ------------------------------------------------------

def _named(case_name, rel, description, **kw):
    kw.setdefault("does", "published under its exact name; the name shown as text on the report and source pages")

    @case(case_name, description, articles=kw.pop("articles", 1), group="names",
          check=_checks(check_ids_stable, check_page_exists, kw.pop("check", lambda v, c: [])), **kw)
    def _(ctx):
        a = ctx.article_file(rel, case_name)
        ctx.expect(contains=(a.probe,))


_named("name-with-spaces", "with  two spaces 和 空格 .txt", "A file name with spaces (double and trailing before the dot).")
_named("name-chinese", "政协新闻稿（第三版）.txt", "A Chinese file name with full-width brackets.")
_named("name-dotdot", "a..b...txt", "'..' inside a file name.")
_named("name-leading-dash", "-rf --help.txt", "A file name starting with dashes (looks like an option).")
_named("name-html", "<img src=x onerror=alert('xssmark')>.txt", "A file name that is an HTML tag with an event handler.",
       markers=("xssmark",))
_named("name-markdown-yaml", "&a: !b #c %d {{x}} [y](z) |p| `q` *s*.txt", "A file name full of YAML and Markdown syntax.")
_named("name-long", ("长" * 80) + ".txt", "A 244-byte file name (80 CJK characters).")
_named("name-newline", "第一行\n第二行.txt", "A file name containing a newline.")


@case("name-not-utf8", "A file name whose bytes are not UTF-8 (GBK bytes, as unzip of a Windows archive leaves them).",
      problems=(ANY,), also_ok=(ANY,), articles=None, group="names", check=check_published_or_reported,
      does="published or reported by a readable name; never a crash")
def _(ctx):
    name = os.fsdecode("政协-gbk.txt".encode("gbk"))
    try:
        ctx.file(name, article("name-gbk").text)
    except (OSError, UnicodeEncodeError) as e:  # file systems that insist on UTF-8 names
        ctx.names.clear()
        ctx.case.skip = f"file system refuses non-UTF-8 names: {e}"


@case("extension-variants", "Seed-like names: upper-case .TXT, .md, .html, .htm, .text, no extension.", articles=6,
      group="names", check=check_page_exists, does="all read as seeds; six articles")
def _(ctx):
    for i, rel in enumerate(("UPPER.TXT", "note.md", "page.html", "page2.htm", "plain.text", "noextension")):
        ctx.article_file(rel, f"ext-{i}")


@case("non-text-extensions", "Files with other extensions: .docx, .pdf, .jpg, .txt.bak, .csv.", problems=("extension",),
      group="names", does="each reported as `extension` (not a text seed); ignored")
def _(ctx):
    for rel in ("report.docx", "scan.pdf", "photo.jpg", "old.txt.bak", "table.csv"):
        ctx.file(rel, article(f"ext-{rel}").text)


@case("hidden-file", "A hidden file (.hidden.txt) and a file in a hidden folder (.git/notes.txt).", problems=("hidden",),
      group="names", does="reported as `hidden` (not read)")
def _(ctx):
    ctx.file(".hidden.txt", article("hidden-file").text)
    ctx.path(".git/notes.txt").write_text(article("hidden-dir").text, encoding="utf-8")
    ctx.names.append(".git")


@case("dangling-symlink", "A symbolic link to a file that does not exist.", problems=("dangling-symlink",), group="fs",
      does="reported as `dangling-symlink`")
def _(ctx):
    os.symlink("does-not-exist.txt", ctx.path("dangling-symlink.txt"))
    ctx.names.append("dangling-symlink.txt")


@case("symlink-to-seed", "A symbolic link to another seed in the folder.", problems=("duplicate",), articles=1,
      group="fs", check=_check_also_in, does="read through the link; the same text is kept once (`duplicate`, `also_in`)")
def _(ctx):
    a = ctx.article_file("symlink-target.txt", "symlink-target")
    os.symlink("symlink-target.txt", ctx.path("symlink-alias.txt"))
    ctx.names.append("symlink-alias.txt")
    ctx.expect(contains=(a.probe,))


@case("symlink-loop-file", "File symlinks that loop: self.txt → self.txt, ping.txt → pong.txt → ping.txt.",
      problems=("unreadable",), check=check_message("symbolic links|loop"), group="fs",
      does="each reported as `unreadable` (too many levels of symbolic links); no hang")
def _(ctx):
    os.symlink("loop-self.txt", ctx.path("loop-self.txt"))
    os.symlink("loop-pong.txt", ctx.path("loop-ping.txt"))
    os.symlink("loop-ping.txt", ctx.path("loop-pong.txt"))
    ctx.names += ["loop-self.txt", "loop-ping.txt", "loop-pong.txt"]


@case("symlink-loop-dir", "A folder with a symlink back to its parent (sub/back → ..) and a real seed.",
      problems=("symlink-dir",), articles=1, group="fs",
      does="the link is reported as `symlink-dir` and not followed (no loop); the real seed is published")
def _(ctx):
    a = ctx.article_file("loopdir/real.txt", "loopdir")
    os.symlink("..", ctx.path("loopdir/back"))
    ctx.names.append("loopdir/back")
    ctx.expect(contains=(a.probe,))


@case("symlink-outside-seeds", "A symlink to a text file outside the seeds folder.", articles=1, group="fs",
      does="followed like any file symlink (README: only symlinked folders are not followed); published")
def _(ctx):
    a = article("outside")
    target = ctx.scratch / "outside.txt"
    target.write_text(a.text, encoding="utf-8")
    os.symlink(target, ctx.path("symlink-outside.txt"))
    ctx.names.append("symlink-outside.txt")
    ctx.sources["symlink-outside.txt"] = a.text
    ctx.expect(contains=(a.probe,))


@case("symlink-to-dev-zero", "A symlink to /dev/zero (an endless device).", problems=("not-a-file",), group="fs",
      does="reported as `not-a-file`; never read (no hang, no memory blow-up)")
def _(ctx):
    os.symlink("/dev/zero", ctx.path("dev-zero.txt"))
    ctx.names.append("dev-zero.txt")


@case("named-pipe", "A named pipe (FIFO) called pipe.txt.", problems=("not-a-file",), group="fs",
      does="reported as `not-a-file`; never opened (opening a FIFO blocks)")
def _(ctx):
    os.mkfifo(ctx.path("named-pipe.txt"))
    ctx.names.append("named-pipe.txt")


@case("dir-named-like-seed", "A folder named like a seed (folder.txt/) holding a seed.", articles=1, group="fs",
      does="a folder is a folder: its seed folder.txt/inner.txt is published")
def _(ctx):
    a = ctx.article_file("folder.txt/inner.txt", "dir-like-seed")
    ctx.expect(contains=(a.probe,))


@case("empty-dir-named-like-seed", "An empty folder named like a seed (empty.txt/).", problems=(ANY,), group="fs",
      does="reported (a path under seeds/ that gave nothing): read.py promises nothing is dropped silently")
def _(ctx):
    ctx.path("empty-dir.txt/").mkdir(parents=True, exist_ok=True)
    ctx.names.append("empty-dir.txt")


@case("unreadable-file", "A file without read permission (run as a non-root user: root ignores permissions).",
      problems=("permission",), nonroot=True, group="fs", does="reported as `permission`; the build goes on")
def _(ctx):
    p = ctx.file("no-permission.txt", article("unreadable").text)
    os.chmod(p, 0)


@case("unreadable-dir", "A sub-folder without read permission holding a seed (run as non-root).", problems=(ANY,),
      nonroot=True, group="fs", does="reported (folder cannot be read); the build goes on")
def _(ctx):
    p = ctx.path("locked-dir/inside.txt")
    p.write_text(article("locked-dir").text, encoding="utf-8")
    os.chmod(p.parent, 0)
    ctx.names.append("locked-dir")


# Seeds that change while the build runs -----------------------------------------------------

@case("vanishes-during-build", "A seed deleted between discovery and reading.", problems=("vanished",), group="race",
      does="reported as `vanished`; the build goes on")
def _(ctx):
    ctx.article_file("vanishes.txt", "vanishes", published=False)
    ctx.race("discover", "delete", "vanishes.txt")


@case("becomes-dir-during-build", "A seed replaced by a folder between discovery and reading.", problems=("not-a-file",),
      group="race", does="reported as `not-a-file`")
def _(ctx):
    ctx.article_file("becomes-dir.txt", "becomes-dir", published=False)
    ctx.race("discover", "todir", "becomes-dir.txt")


@case("changes-during-build", "A seed rewritten between discovery and reading.", articles=1, group="race",
      does="the text as read is published (consistently: report sha256 and article agree)")
def _(ctx):
    old, new = article("changes-old"), article("changes-new")
    ctx.file("changes.txt", old.text)
    ctx.sources["changes.txt"] = new.text
    ctx.race("discover", "replace", "changes.txt", data=base64.b64encode(new.text.encode()).decode())
    ctx.expect(contains=(new.probe,))
    ctx.expect(absent=(old.paragraphs[1][:20],))


@case("becomes-fifo-during-build", "A seed replaced by a named pipe between the size check (os.stat) and open().",
      problems=("not-a-file",), group="race",
      does="reported as `not-a-file`; the build never blocks on it (a watchdog unblocks it after 1 s and records a hang)")
def _(ctx):
    ctx.article_file("becomes-fifo.txt", "becomes-fifo", published=False)
    ctx.race("stat", "fifo", "becomes-fifo.txt")


# ---------------------------------------------------------------- hooks (races)

def install_hooks(races: list[dict]) -> Callable[[], None]:
    """Make the registered changes happen inside a build; returns a function that undoes the patches.

    ``when == "discover"``: after ``cppcc_archive.read.discover`` has listed
    every path (before any is read).  ``when == "stat"``: right after the
    build's own ``os.stat`` of that path in ``cppcc_archive.read``, or right
    before its ``os.open`` of it (read_bytes checks size and type on the open
    handle, so that is where a file can still change under it).
    """
    import importlib

    import cppcc_archive.read as read

    if not races:
        return lambda: None
    undo_kills = [_kill_after_renames(importlib.import_module(r["module"]), r["after"]) for r in races if r["when"] == "rename"]
    undo_kills += [_kill_after_swaps(r["after"]) for r in races if r["when"] == "swap"]
    undo_kills += [_kill_after_mkdocs_pages(r["after"]) for r in races if r["when"] == "mkdocs-page"]
    races = [r for r in races if r["when"] not in ("rename", "swap", "mkdocs-page")]
    orig_discover, orig_os = read.discover, read.os
    after_stat = {r["path"]: r for r in races if r["when"] == "stat"}

    def discover(seeds_dir, *a, **kw):
        items = list(orig_discover(seeds_dir, *a, **kw))
        for r in races:
            if r["when"] == "discover":
                _apply(r)
        yield from items

    class OsProxy:
        def __getattr__(self, name):
            return getattr(orig_os, name)

        def stat(self, path, *a, **kw):
            st = orig_os.stat(path, *a, **kw)
            r = after_stat.pop(os.path.abspath(os.fspath(path)), None)
            if r is not None:
                _apply(r)
            return st

        def open(self, path, *a, **kw):
            # read_bytes checks the file on the open handle (no separate stat):
            # the race window is now "between listing and opening".
            r = after_stat.pop(os.path.abspath(os.fspath(path)), None)
            if r is not None:
                _apply(r)
            return orig_os.open(path, *a, **kw)

    read.discover = discover
    read.os = OsProxy()

    def undo():
        read.discover, read.os = orig_discover, orig_os
        for u in undo_kills:
            u()

    return undo


def _kill_after_calls(module, attr: str, after: int) -> Callable[[], None]:
    """SIGKILL this process right after the ``after``-th call of ``module.attr`` returns."""
    import signal

    real = getattr(module, attr)
    done = [0]

    def counted(*a, **kw):
        result = real(*a, **kw)
        done[0] += 1
        if done[0] == after:
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    setattr(module, attr, counted)
    return lambda: setattr(module, attr, real)


def _kill_after_swaps(after: int) -> Callable[[], None]:
    """SIGKILL this process right after the ``after``-th tree swap (cppcc_archive.atomic.swap_into_place)."""
    import cppcc_archive.atomic as atomic

    return _kill_after_calls(atomic, "swap_into_place", after)


def _kill_after_mkdocs_pages(after: int) -> Callable[[], None]:
    """SIGKILL this process right after MkDocs has written its ``after``-th page (a kill mid-site-build,
    however fast the build: a kill from outside can arrive after the site is already published)."""
    import mkdocs.commands.build as mkbuild

    return _kill_after_calls(mkbuild, "_build_page", after)


def _kill_after_renames(module, after: int) -> Callable[[], None]:
    """SIGKILL this process right after ``module`` has done its ``after``-th os.rename (a kill at an exact moment)."""
    import signal

    real = module.os
    done = [0]

    class OsProxy:
        def __getattr__(self, name):
            return getattr(real, name)

        def rename(self, *a, **kw):
            real.rename(*a, **kw)
            done[0] += 1
            if done[0] == after:
                os.kill(os.getpid(), signal.SIGKILL)

    module.os = OsProxy()

    def undo():
        module.os = real

    return undo


def _apply(r: dict) -> None:
    p = r["path"]
    if r["action"] == "delete":
        os.unlink(p)
    elif r["action"] == "todir":
        os.unlink(p)
        os.mkdir(p)
    elif r["action"] == "replace":
        with open(p, "wb") as fh:
            fh.write(base64.b64decode(r["data"]))
    elif r["action"] == "grow":
        # Sparse, so it costs nothing to make; what matters is how much the build reads.
        os.truncate(p, r["size"])
    elif r["action"] == "fifo":
        os.unlink(p)
        os.mkfifo(p)
        _fifo_watchdog(p, r["marker"], r.get("delay", 1.0))


def _fifo_watchdog(path: str, marker: str, delay: float) -> None:
    """After ``delay`` s, if someone is blocked opening the FIFO for reading, record a hang and unblock them."""

    def run():
        time.sleep(delay)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: nobody has it open for reading, so nothing hangs
            return
        Path(marker).write_text(f"open() blocked on {os.path.basename(path)} (a FIFO) for {delay} s\n", encoding="utf-8")
        os.close(fd)

    threading.Thread(target=run, daemon=True).start()


BOOTSTRAP = """
import json, runpy, sys
sys.path[:0] = [{repo!r}, {tests!r}]
import bad_inputs
bad_inputs.install_hooks(json.load(open({spec!r}, encoding="utf-8")))
sys.argv = ["build.py", *{args!r}]
runpy.run_path({build!r}, run_name="__main__")
"""

SETUID_BOOTSTRAP = """
import os, shutil, sys, tempfile, pathlib
sys.path.insert(0, {repo!r})
from cppcc_archive.cli import main
# Warm up as root so every lazily imported module is loaded before the
# interpreter (which may live in root's home) becomes unreachable.
warm = pathlib.Path(tempfile.mkdtemp())
(warm / "s").mkdir()
# Two seeds and two jobs, so the worker-pool modules are loaded as well.
for _name in ("w.txt", "x.txt"):
    (warm / "s" / _name).write_text("北京市政协召开会议。委员们建言献策。" + _name, encoding="utf-8")
try:
    main(["--seeds", str(warm / "s"), "--out", str(warm / "o"), "--quiet", "--jobs", "2", *{warm_args!r}])
finally:
    shutil.rmtree(warm, ignore_errors=True)   # as root, before the privileges go
try:
    os.setgroups([])
    os.setgid({gid})
    os.setuid({uid})
except OSError as e:
    print("SETUID-FAILED", e, file=sys.stderr)
    sys.exit(97)
sys.argv = ["build.py", *{args!r}]
sys.exit(main({args!r}))
"""


# ---------------------------------------------------------------- building and judging

@dataclass
class BuildRun:
    out: Path
    rc: Optional[int]
    stdout: str = ""
    stderr: str = ""
    seconds: float = 0.0
    timed_out: bool = False

    @property
    def traceback(self) -> bool:
        return "Traceback" in self.stderr

    @property
    def crashed(self) -> bool:
        return self.timed_out or self.rc not in (0, 1) or self.traceback or not (self.out / "report.json").exists()

    def excerpt(self, lines: int = 6) -> str:
        tail = [x for x in self.stderr.strip().splitlines() if x.strip()]
        return "\n".join(tail[-lines:])


def run_build(seeds: Path, out: Path, *args: str, races: Optional[list] = None, timeout: float = 600,
              user: Optional[int] = None, warm_args: tuple = ("--no-site",)) -> BuildRun:
    """``python build.py --seeds SEEDS --out OUT ARGS`` in a subprocess (with race hooks or as another user)."""
    argv = ["--seeds", str(seeds), "--out", str(out), *args]
    if user is not None:
        code = SETUID_BOOTSTRAP.format(repo=str(REPO), args=argv, uid=user, gid=user, warm_args=list(warm_args))
        cmd = [sys.executable, "-c", code]
    elif races:
        spec = out.parent / f".{out.name}.races.json"
        spec.write_text(json.dumps(races), encoding="utf-8")
        cmd = [sys.executable, "-c", BOOTSTRAP.format(repo=str(REPO), tests=str(Path(__file__).parent), spec=str(spec),
                                                       args=argv, build=str(BUILD_PY))]
    else:
        cmd = [sys.executable, str(BUILD_PY), *argv]
    env = dict(os.environ)
    env.pop("CI", None)
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=str(REPO), env=env,
                           errors="backslashreplace")
        return BuildRun(out, p.returncode, p.stdout, p.stderr, time.perf_counter() - t0)
    except subprocess.TimeoutExpired as e:
        err = e.stderr.decode("utf-8", "replace") if isinstance(e.stderr, bytes) else (e.stderr or "")
        return BuildRun(out, None, "", err, time.perf_counter() - t0, timed_out=True)


def run_inprocess(seeds: Path, out: Path, *args: str, races: Optional[list] = None) -> tuple[Optional[int], str]:
    """``cli.main`` in this process (with race hooks); returns (exit code or None, traceback text)."""
    import logging

    from cppcc_archive.cli import main

    undo = install_hooks(races or [])
    logging.disable(logging.WARNING)  # the per-problem warnings; the report holds them
    try:
        return main(["--seeds", str(seeds), "--out", str(out), "--quiet", *args]), ""
    except BaseException:  # noqa: BLE001 - the point is to catch everything a user would see
        return None, traceback.format_exc()
    finally:
        logging.disable(logging.NOTSET)
        undo()


@dataclass
class View:
    """What one build published, seen from the outside."""

    out: Path
    report: dict
    articles: list[dict]
    site: Optional[Path] = None
    report_rows: Optional[list[tuple[str, ...]]] = None  # table rows of the report page, as shown

    @property
    def files(self) -> dict[str, dict]:
        return {f["file"]: f for f in self.report.get("files", [])}

    def articles_of(self, names) -> list[dict]:
        names = set(names)
        return [a for a in self.articles if a["source_file"] in names]

    @classmethod
    def load(cls, out: Path, site: bool = True) -> "View":
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        articles = json.loads((out / "articles.json").read_text(encoding="utf-8"))
        site_dir = out / "site" if site and (out / "site" / "report" / "index.html").exists() else None
        if site_dir:
            rows = table_rows(site_dir / "report" / "index.html")
        elif (out / "docs" / "report.md").exists():
            rows = markdown_rows((out / "docs" / "report.md").read_text(encoding="utf-8"))
        else:
            rows = None
        return cls(out, report, articles, site_dir, rows)


def norm(s: str) -> str:
    # The site shows a line break inside a name or message as ↵ (markdown.escape_md).
    return " ".join(s.replace("↵", " ").split())


class _Rows(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self.row, self.cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(norm("".join(self.cell)))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.append(tuple(self.row))
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def table_rows(page: Path) -> list[tuple[str, ...]]:
    p = _Rows()
    p.feed(page.read_text(encoding="utf-8"))
    return p.rows


def markdown_rows(md: str) -> list[tuple[str, ...]]:
    rows = []
    for line in md.splitlines():
        if line.startswith("|") and not set(line) <= set("|-: "):
            cells = re.split(r"(?<!\\)\|", line.strip()[1:-1])
            rows.append(tuple(norm(html.unescape(re.sub(r"\\(.)", r"\1", c))) for c in cells))
    return rows


@dataclass
class Outcome:
    case: str
    status: str  # ok, crashed, hang, lost, unsafe, wrong-report, skipped
    notes: list[str] = field(default_factory=list)
    expected_articles: int = 0
    published: int = 0


ORDER = ["crashed", "hang", "lost", "unsafe", "wrong-text", "wrong-report"]


def _kinds_ok(expected: tuple, also_ok: tuple, kinds: set[str]) -> list[str]:
    out = []
    for e in expected:
        alts = e if isinstance(e, tuple) else (e,)
        if ANY in alts:
            if not kinds:
                out.append("wrong-report: no problem reported")
        elif not kinds & set(alts):
            out.append(f"wrong-report: expected problem {' or '.join(alts)}, got {sorted(kinds) or 'none'}")
    allowed = {k for e in expected for k in (e if isinstance(e, tuple) else (e,))} | set(also_ok)
    if ANY not in allowed:
        extra = kinds - allowed
        if extra:
            out.append(f"wrong-report: unexpected problem(s) {sorted(extra)}")
    return out


def _shown_name(view: View, name: str) -> str:
    """The name a path has in the report: itself, or (bytes that are not UTF-8) a readable form of it."""
    if name in view.files:
        return name
    raw = name.encode("utf-8", "surrogateescape")
    for errors in ("replace", "backslashreplace"):
        alt = raw.decode("utf-8", errors)
        if alt in view.files:
            return alt
    return name


def evaluate(c: Case, ctx: Ctx, view: View, hang_marker: Optional[Path] = None) -> Outcome:
    notes: list[str] = []
    if any(n not in view.files for n in ctx.names):
        ctx = dataclasses.replace(ctx, names=[_shown_name(view, n) for n in ctx.names],
                                  sources={_shown_name(view, n): t for n, t in ctx.sources.items()})
    entries = [view.files.get(n) for n in ctx.names]
    for n, e in zip(ctx.names, entries):
        if e is None:
            notes.append(f"wrong-report: {n!r} is not in report.json")
    entries = [e for e in entries if e]
    problems = [p for e in entries for p in e.get("problems", [])]
    kinds = {p["kind"] for p in problems}
    if "internal-error" in kinds:
        notes += [f"crashed: {p['message']}" for p in problems if p["kind"] == "internal-error"]
        kinds.discard("internal-error")
    notes += _kinds_ok(c.problems, c.also_ok, kinds)
    for e in entries:
        for p in e.get("problems", []):
            if p.get("file") != e["file"] or not p.get("message"):
                notes.append(f"wrong-report: problem {p} does not name the file {e['file']!r}")
    arts = view.articles_of(ctx.names)
    expected = c.articles
    if expected is not None:
        if len(arts) < expected:
            notes.append(f"lost: {len(arts)} article(s) published, expected {expected}")
        elif len(arts) > expected:
            notes.append(f"wrong-report: {len(arts)} article(s) published, expected {expected}")
    body = "\n".join(a["title"] + "\n" + a["text"] for a in arts)
    for s in tuple(c.contains) + tuple(ctx.contains):
        if s not in body:
            notes.append(f"lost: published text lacks {s[:30]!r}")
    for s in tuple(c.absent) + tuple(ctx.absent):
        if s in body:
            notes.append(f"wrong-text: published text still contains {s!r}")
    for name, src in ctx.sources.items():
        got = sum(cjk(a["title"] + a["text"]) for a in view.articles_of([name]))
        dup = (view.files.get(name) or {}).get("duplicates")
        if not dup and got < 0.9 * cjk(src):
            notes.append(f"lost: {name!r}: {got} of {cjk(src)} Chinese characters published")
    for chk in ([c.check] if c.check else []) + ctx.checks:
        notes += chk(view, ctx)
    if view.report_rows is not None:
        notes += _check_report_page(view, ctx, entries, problems)
    if hang_marker is not None and hang_marker.exists():
        notes.insert(0, "hang: " + hang_marker.read_text(encoding="utf-8").strip())
    status = "ok"
    for s in ORDER:
        if any(n.startswith(s + ":") for n in notes):
            status = s
            break
    return Outcome(c.name, status, notes, expected or 0, len(arts) if expected is not None else 0)


def _unbackslash(s: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", s)


def _check_report_page(view: View, ctx: Ctx, entries: list[dict], problems: list[dict]) -> list[str]:
    """Every problem is a row (file | kind | message) of the report page, every file a row of its file table.

    A row that matches only once stray backslashes are removed gives a
    ``display:`` note (it does not fail the case; ``test_report_page_text_is_exact`` collects them).
    """
    notes = []
    # The kind column reads "中文名（kind）"; compare on the machine-readable kind.
    rows = [tuple(re.sub(r"^.*（([^（）]+)）$", r"\1", c) if i == 1 else c for i, c in enumerate(r)) for r in view.report_rows]
    exact = set(rows)
    loose = {tuple(norm(_unbackslash(c)) for c in r) for r in rows}
    for p in problems:
        if p["kind"] == "internal-error":
            continue
        shown_message = p.get("message_zh") or p["message"]   # the page shows the Chinese message
        key = (norm(p["file"]), norm(p["kind"]), norm(shown_message))
        if key in exact:
            continue
        if key in loose:
            shown = next(r for r in rows if tuple(norm(_unbackslash(c)) for c in r) == key)
            notes.append(f"display: report page shows {shown[0]!r} | {shown[2]!r} for {p['file']!r} | {p['message']!r}")
        else:
            notes.append(f"wrong-report: report page has no row ({p['file']!r} | {p['kind']} | {shown_message[:50]}…)")
    firsts = {r[0] for r in view.report_rows if r}
    loose_firsts = {norm(_unbackslash(c)) for c in firsts}
    for e in entries:
        name = norm(e["file"])
        if name not in firsts:
            if name in loose_firsts:
                notes.append(f"display: report page shows the file name {e['file']!r} with stray backslashes")
            else:
                notes.append(f"wrong-report: the report page has no row naming {e['file']!r}")
    return notes


# ---------------------------------------------------------------- HTML scan

DANGEROUS_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "img", "video", "audio",
                  "source", "math", "template", "marquee", "style"}
URL_ATTRS = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href", "background", "cite", "ping",
             "manifest", "codebase"}
SAFE_SCHEMES = {"", "http", "https", "mailto"}


@dataclass
class Baseline:
    """What a clean build's HTML contains: the theme's tags, attributes, hosts, styles and inline scripts."""

    tags: set
    pairs: set
    hosts: set
    styles: set
    scripts: set


def _norm_script(s: str) -> str:
    s = re.sub(r"(?:\.\./)+", "", s)
    return re.sub(r'"(?:\.\.|\.|/)"', '"B"', s).strip()


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.pairs, self.hosts, self.styles, self.scripts = set(), set(), set(), set(), set()
        self.elements: list[tuple[str, list]] = []
        self._script: Optional[list] = None

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.elements.append((tag, attrs))
        for k, v in attrs:
            self.pairs.add((tag, k))
            if k == "style" and v:
                self.styles.add(v)
            if k in URL_ATTRS and v:
                self.hosts.add(urlsplit(v.strip()).netloc.lower())
        if tag == "script" and not dict(attrs).get("src"):
            self._script = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.add(_norm_script("".join(self._script)))
            self._script = None


# What the build itself makes only on pages a clean build of the seeds lacks: the citation block's
# slot for the reader's day is there only when the citation has a URL (no seed gives one).
BUILD_PAIRS = {("span", "data-format")}


def baseline_from(site: Path) -> Baseline:
    b = Baseline(set(), set(BUILD_PAIRS), {""}, set(), set())
    for page in site.rglob("*.html"):
        c = _Collect()
        c.feed(page.read_text(encoding="utf-8", errors="replace"))
        b.tags |= c.tags
        b.pairs |= c.pairs
        b.hosts |= c.hosts
        b.styles |= c.styles
        b.scripts |= c.scripts
    return b


@dataclass(frozen=True)
class Finding:
    page: str
    what: str
    snippet: str

    def __str__(self):
        return f"{self.page}: {self.what}: {self.snippet[:160]}"


def scan_site(site: Path, baseline: Baseline) -> list[Finding]:
    """Every tag, attribute, URL or inline script in ``site`` that a clean build does not make."""
    found: list[Finding] = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        c = _Collect()
        c.feed(page.read_text(encoding="utf-8", errors="replace"))
        for tag, attrs in c.elements:
            shown = f"<{tag} " + " ".join(f"{k}={v!r}" for k, v in attrs) + ">"
            if tag in DANGEROUS_TAGS and tag not in baseline.tags:
                found.append(Finding(rel, f"<{tag}> element", shown))
            elif tag not in baseline.tags:
                found.append(Finding(rel, f"unexpected <{tag}>", shown))
            if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
                found.append(Finding(rel, "meta refresh", shown))
            for k, v in attrs:
                v = v or ""
                if k.startswith("on"):
                    found.append(Finding(rel, f"event handler {k}=", shown))
                elif (tag, k) not in baseline.pairs:
                    found.append(Finding(rel, f"unexpected attribute {k}= on <{tag}>", shown))
                if k == "style" and v not in baseline.styles:
                    found.append(Finding(rel, "style attribute not made by the theme", shown))
                if k in URL_ATTRS or (tag == "meta" and k == "content" and "url=" in v.lower()):
                    for url in (v.split(",") if k == "srcset" else [v]):
                        url = url.strip().split(" ")[0] if k == "srcset" else url.strip()
                        problem = _bad_url(url, baseline, page, site)
                        if problem:
                            found.append(Finding(rel, f"{k}= {problem}", shown))
        for s in c.scripts - baseline.scripts:
            found.append(Finding(rel, "inline <script> not made by the theme", s))
    return found


def _bad_url(url: str, baseline: Baseline, page: Path, site: Path) -> Optional[str]:
    compact = re.sub(r"[\x00-\x20]", "", html.unescape(url)).lower()
    u = urlsplit(compact)
    if u.scheme not in SAFE_SCHEMES or compact.startswith(("javascript:", "vbscript:", "data:")):
        return f"unsafe scheme {u.scheme or compact[:12]!r}"
    if u.netloc not in baseline.hosts:
        return f"foreign host {u.netloc!r}"
    if not u.scheme and not u.netloc and u.path:
        # A relative link must lead to something the build made; a seed's [x](y) would not.
        path = unquote(urlsplit(url.strip()).path)
        target = ((site / path.lstrip("/")) if path.startswith("/") else (page.parent / path)).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.exists() and not str(target).startswith(str(site.resolve() / "search")):
            return "relative link to a file the build did not make"
    return None


def _article_body(page_html: str) -> str:
    i, j = page_html.find('<article'), page_html.rfind("</article>")
    return page_html[i:j] if i >= 0 else page_html


class TagCounter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.counts: dict[str, int] = {}

    def handle_starttag(self, tag, attrs):
        self.counts[tag] = self.counts.get(tag, 0) + 1

    @classmethod
    def count(cls, text: str) -> dict[str, int]:
        t = cls()
        t.feed(text)
        return t.counts


def read_front_matter(md: str):
    import yaml

    m = re.match(r"\A---\n(.*?)\n---\n", md, re.S)
    if not m:
        return None
    return yaml.safe_load(m.group(1))


# ---------------------------------------------------------------- the whole catalogue in one build

def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


NOBODY = 65534


@dataclass
class CatalogueRun:
    work: Path
    outcomes: dict[str, Outcome]
    build: BuildRun  # the build of every case (the ONE build)
    view: Optional[View]
    findings: list[Finding]
    unattributed: list[Finding]
    culprits: dict[str, str]  # case -> traceback excerpt, when the ONE build crashed
    rerun: Optional[BuildRun]  # the build without the culprits, if there were any
    real_lost: list[str]
    nonroot_note: str = ""
    ctxs: dict[str, Ctx] = field(default_factory=dict)
    alone: dict[str, Optional["Alone"]] = field(default_factory=dict)  # case -> built alone with --strict

    @property
    def figures(self) -> dict[str, int]:
        run = [o for o in self.outcomes.values() if o.status != "skipped"]
        return {
            "inputs tried": len(run),
            "crashed": sum(o.status == "crashed" for o in run) + (1 if self.build.crashed and not self.culprits else 0),
            "lost": sum(o.status == "lost" for o in run) + len(self.real_lost),
            "unsafe HTML found": len(self.findings),
        }


def materialize(cases: list[Case], seeds: Path, scratch: Path, real: bool = True) -> dict[str, Ctx]:
    seeds.mkdir(parents=True, exist_ok=True)
    scratch.mkdir(parents=True, exist_ok=True)
    if real:
        for p in sorted(SEEDS.iterdir()):
            if p.is_file():
                shutil.copyfile(p, seeds / p.name)
    ctxs = {}
    for c in cases:
        ctx = Ctx(c, seeds, scratch)
        c.skip = None
        c.write(ctx)
        ctxs[c.name] = ctx
    return ctxs


def real_seed_ids() -> list[str]:
    from cppcc_archive import pipeline

    arts, _ = pipeline.assemble(pipeline.gather(SEEDS))
    return sorted(a.id for a in arts)


def _chmod_tree(root: Path) -> None:
    """World-readable/traversable (for the non-root build), leaving deliberately locked entries locked."""
    os.chmod(root, 0o755)
    for dirpath, dirnames, filenames in os.walk(root):
        for n in dirnames + filenames:
            p = os.path.join(dirpath, n)
            if os.path.islink(p):
                continue
            mode = os.stat(p).st_mode & 0o777
            if mode == 0:
                continue
            os.chmod(p, 0o777 if os.path.isdir(p) else 0o666)


@dataclass
class Alone:
    """A case built alone, in-process, with ``--strict --no-site``."""

    rc: Optional[int]
    traceback: str
    kinds: list[str]

    @property
    def crashed(self) -> bool:
        return bool(self.traceback) or self.rc not in (0, 1)


def run_alone(c: Case, d: Path) -> Optional[Alone]:
    ctx = materialize([c], d / "seeds", d / "scratch", real=False)[c.name]
    if c.skip:
        return None
    rc, tb = run_inprocess(d / "seeds", d / "out", "--no-site", "--strict", races=ctx.races)
    kinds = []
    if (d / "out" / "report.json").exists():
        report = json.loads((d / "out" / "report.json").read_text(encoding="utf-8"))
        kinds = sorted({p["kind"] for f in report["files"] for p in f["problems"]})
    return Alone(rc, tb, kinds)


def run_catalogue(work: Path, cases: Optional[list[Case]] = None, site: bool = True,
                  baseline: Optional[Baseline] = None, alone: bool = False, log=lambda *a: None) -> CatalogueRun:
    """Write every case beside the real seeds, run ONE build, judge every case.

    With ``alone`` (or when the ONE build crashed) every case is also built
    alone in-process with ``--strict``; the cases that crash alone are the
    culprits, and the ONE build is repeated without them so the others can be judged.
    """
    cases = list(cases if cases is not None else CASES)
    work.mkdir(parents=True, exist_ok=True)
    os.chmod(work, 0o755)
    as_other_user = is_root()
    main_cases = [c for c in cases if not (c.nonroot and as_other_user)]
    other_cases = [c for c in cases if c.nonroot and as_other_user]
    seeds, scratch, out = work / "seeds", work / "scratch", work / "out"
    ctxs = materialize(main_cases, seeds, scratch)
    races = [r for ctx in ctxs.values() for r in ctx.races]
    args = [] if site else ["--no-site"]
    log(f"building {len(main_cases)} cases + real seeds into {out}")
    build = run_build(seeds, out, "--quiet", *args, races=races)
    alone_runs: dict[str, Optional[Alone]] = {}
    if alone or build.crashed:
        log("building every case alone" + (" to find the culprits: the ONE build crashed" if build.crashed else ""))
        for c in main_cases:
            alone_runs[c.name] = run_alone(c, work / "alone" / c.name)
    culprits: dict[str, str] = {}
    rerun = None
    final = build
    if build.crashed:
        for n, a in alone_runs.items():
            if a is not None and a.crashed:
                culprits[n] = "\n".join(a.traceback.strip().splitlines()[-4:]) if a.traceback else f"exit code {a.rc}"
        # The races already changed the first seeds folder: write a fresh one without the culprits.
        rest = [c for c in main_cases if c.name not in culprits]
        seeds, scratch, out = work / "seeds-without-culprits", work / "scratch-without-culprits", work / "out-without-culprits"
        ctxs.update(materialize(rest, seeds, scratch))
        races = [r for c in rest for r in ctxs[c.name].races]
        rerun = run_build(seeds, out, "--quiet", *args, races=races)
        final = rerun
    view = View.load(out, site=site) if not final.crashed else None
    outcomes: dict[str, Outcome] = {}
    for c in main_cases:
        ctx = ctxs[c.name]
        if c.skip:
            outcomes[c.name] = Outcome(c.name, "skipped", [c.skip])
        elif c.name in culprits:
            outcomes[c.name] = Outcome(c.name, "crashed", [f"crashed: the whole build fails with a traceback:\n{culprits[c.name]}"],
                                       c.articles or 0, 0)
        elif view is None:
            outcomes[c.name] = Outcome(c.name, "crashed", [f"crashed: build failed: {final.excerpt()}"], c.articles or 0, 0)
        else:
            outcomes[c.name] = evaluate(c, ctx, view, ctx.scratch / f"hang-{c.name}")
    nonroot_note = ""
    if other_cases:
        nonroot_note = _run_nonroot(other_cases, work, ctxs, outcomes, log)
    findings: list[Finding] = []
    unattributed: list[Finding] = []
    if view is not None and view.site is not None:
        if baseline is None:
            bout = work / "baseline"
            run_build(SEEDS, bout, "--quiet")
            baseline = baseline_from(bout / "site")
        findings = scan_site(view.site, baseline)
        for f in findings:
            owners = [c for c in main_cases if any(m.lower() in f.snippet.lower() for m in c.markers)]
            for c in owners[:1]:
                o = outcomes[c.name]
                o.notes.append(f"unsafe: {f}")
                if o.status in ("ok", "wrong-report"):
                    o.status = "unsafe"
            if not owners:
                unattributed.append(f)
    real_lost: list[str] = []
    if view is not None:
        ids = {a["id"] for a in view.articles}
        real_lost = [i for i in real_seed_ids() if i not in ids]
    return CatalogueRun(work, outcomes, build, view, findings, unattributed, culprits, rerun, real_lost, nonroot_note, ctxs,
                        alone_runs)


def _run_nonroot(cases: list[Case], work: Path, ctxs: dict, outcomes: dict, log) -> str:
    """Cases about permissions, built by a non-root user (root reads everything)."""
    for c in cases:
        d = work / "nonroot" / c.name
        ctx = materialize([c], d / "seeds", d / "scratch", real=False)[c.name]
        ctxs[c.name] = ctx
        (d / "seeds" / "ok.txt").write_text(article(f"nonroot-ok-{c.name}").text, encoding="utf-8")
        _chmod_tree(d)
        (d / "out").mkdir()
        os.chmod(d / "out", 0o777)
        log(f"building {c.name} as uid {NOBODY}")
        b = run_build(d / "seeds", d / "out", "--quiet", "--no-site", "--strict", user=NOBODY)
        if b.rc == 97 or "SETUID-FAILED" in b.stderr:
            outcomes[c.name] = Outcome(c.name, "skipped", [f"cannot drop root privileges here: {b.excerpt(2)}"])
            continue
        if b.crashed:
            outcomes[c.name] = Outcome(c.name, "crashed", [f"crashed: {b.excerpt()}"], c.articles or 0, 0)
            continue
        view = View.load(d / "out", site=False)
        o = evaluate(c, ctx, view)
        if "ok.txt" not in {a["source_file"] for a in view.articles}:
            o.notes.append("lost: the readable seed beside it was not published")
            o.status = "lost" if o.status == "ok" else o.status
        if c.problems and b.rc != 1:
            o.notes.append(f"wrong-report: --strict exit code {b.rc}, expected 1")
            o.status = "wrong-report" if o.status == "ok" else o.status
        outcomes[c.name] = o
    return f"permission cases built as uid {NOBODY} (this process is root, and root ignores permissions)"


def new_workdir(prefix: str = "cppcc-bad-input-") -> Path:
    """A temporary directory a non-root user can traverse (pytest's tmp_path may not be)."""
    d = Path(tempfile.mkdtemp(prefix=prefix))
    os.chmod(d, 0o755)
    return d


def remove_workdir(d: Path) -> None:
    for dirpath, dirnames, _ in os.walk(d):
        for n in dirnames:
            p = os.path.join(dirpath, n)
            if not os.path.islink(p):
                try:
                    os.chmod(p, 0o755)
                except OSError:
                    pass
    shutil.rmtree(d, ignore_errors=True)
