"""The archive's own full-text search: index builder (cppcc_archive/search.py) and browser client.

Unit tests read the index the way the client does (``search.Index`` / ``run_query``),
with the article text from article pages (the index holds none): stand-ins made from the
records (``search.record_pages``) or the pages of a real build.  Browser tests build the seeds into a temporary --out, add the search index and the
client (exactly what the integrated build does), serve OUT/site on 127.0.0.1 and
type real queries in headless Chromium, recording every request.
"""
from __future__ import annotations

import json
import math
import os
import random
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

import pytest

from conftest import CHROMIUM, launch_chromium, serve_directory

from cppcc_archive import search
from cppcc_archive.search import (Index, build_search_files, page_text, query_groups, record_pages, run_query,
                                  search_payload_bytes)

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHOTS = Path(__file__).parent / "screenshots"
ZHENGZHOU = "河南郑州市政协召开委员党委成立大会"


def _rec(i, title, text, date=None, provinces=(), topics=(), level=None):
    rid = f"{i:012x}"
    return {"id": rid, "url": f"a/{rid}/", "title": title, "text": text, "date": date, "date_text": None,
            "level": level, "topics": list(topics), "keywords": [],
            "regions": [{"province": p, "prefecture": None, "county": None, "code": CODES.get(p, "110000")}
                        for p in provinces]}


CODES = {"河南省": "410000", "西藏自治区": "540000", "上海市": "310000"}


@pytest.fixture(scope="module")
def small():
    return [
        _rec(1, "郑州市政协召开会议", "郑州市政协召开委员大会。会议由市政协主席主持。", "2024-03-01", ["河南省"], ["委员履职"]),
        _rec(2, "北京市政协调研", "北京市延庆区政协委员到郑州考察，市政协有关负责人参加。", "2023-05-02", ["北京市", "河南省"], ["调研视察"]),
        _rec(3, "全国政协常委会", "全国政协委员围绕GDP与５Ｇ建设建言。政协委员们认为……", None, [], ["参政议政"], "全国"),
        _rec(4, "西藏自治区政协", "西藏自治区政协召开全体会议，政协委员出席。", "2024-01-09", ["西藏自治区"], []),
        _rec(5, "无关文章", "今天天气很好。", "2022-12-31"),
    ]


def _ids(files, q, records, **kw):
    return run_query(files, q, pages=record_pages(records), **kw)["ids"]


# ---------------------------------------------------------------- query parsing

def test_query_groups_phrases_words_and_single_characters():
    groups = query_groups('“政协委员” 郑州市政协 政 ＧＤＰ 「西藏」')
    assert [(g["text"], g["phrase"]) for g in groups] == [
        ("政协委员", True), ("西藏", True), ("郑州市政协", False), ("政", False), ("gdp", False)]
    assert groups[1]["terms"] == ["西藏"]
    assert groups[3]["terms"] == ["政"]
    assert query_groups("！？。 ") == []
    assert query_groups("著力", [["著力", "着力"]])[0]["text"] == "着力"


def test_hash_and_names_are_stable():
    # The client (search.js) computes the same shard numbers; these values pin the scheme.
    assert search.shard_of("政协", 8) == ((0x653F | 0x534F << 16) * search.HASH_MUL & 0xFFFFFFFF) >> 24
    assert search.shard_of("gdp", 4) == search._fnv("gdp") >> 28
    assert search.shard_of("政", 0) == 0
    assert search.external_name("政协") == "653f534f"


# ---------------------------------------------------------------- the index

def test_files_layout_and_manifest(small):
    files = build_search_files(small)
    assert all(p.startswith("search/") for p in files)
    m = json.loads(files["search/manifest.json"])
    assert m["n"] == 5 and m["w"] == 2 and m["format"] == search.FORMAT
    assert {f"search/d/{d}.json" for d in range(5)} == {p for p in files if p.startswith("search/d/")}
    # Documents are numbered newest first, undated last.
    dates = [json.loads(files[f"search/d/{d}.json"])["d"] for d in range(5)]
    assert dates == ["2024-03-01", "2024-01-09", "2023-05-02", "2022-12-31", ""]
    assert m["years"] == [["2024", 0, 2], ["2023", 2, 3], ["2022", 3, 4], ["", 4, 5]]
    regions = {row[0]: row[1] for row in m["facets"]["region"]}
    assert regions == {"河南省": 2, "北京市": 1, "西藏自治区": 1, "全国": 1}
    assert isinstance(files["search/p/0.bin"], bytes)


def test_the_region_filter_lists_more_articles_first_then_by_code():
    """As the 地区 page: 全国, then 北京 (11) before 上海 (31), which by name came first."""
    records = [_rec(1, "甲", "政协会议。", None, ["河南省"]), _rec(2, "乙", "政协会议。", None, ["河南省"]),
               _rec(3, "丙", "政协会议。", None, ["上海市"]), _rec(4, "丁", "政协会议。", None, ["北京市"]),
               _rec(5, "戊", "政协会议。", None, [], (), "全国")]
    m = json.loads(build_search_files(records)["search/manifest.json"])
    assert [row[:2] for row in m["facets"]["region"]] == [["河南省", 2], ["全国", 1], ["北京市", 1], ["上海市", 1]]


def test_dates_without_a_year_are_ordered_as_the_timeline_orders_them():
    """Sorting by 最新 follows document numbers.  The real seeds give most dates without a year
    (12月28日): those come after every full date, by month and day, and before undated articles,
    as on the site's 时间线 and home page, not in id order."""
    recs = [_rec(1, "甲", "政协委员。"), _rec(2, "乙", "政协委员。"), _rec(3, "丙", "政协委员。"),
            _rec(4, "丁", "政协委员。", "2023-01-05"), _rec(5, "戊", "政协委员。")]
    recs[0]["date_text"], recs[2]["date_text"], recs[4]["date_text"] = "6月14日", "12月28日", "12月3日"
    files = build_search_files(recs)
    shown = [json.loads(files[f"search/d/{d}.json"])["d"] for d in range(5)]
    assert shown == ["2023-01-05", "12月28日", "12月3日", "6月14日", ""]
    assert json.loads(files["search/manifest.json"])["years"] == [["2023", 0, 1], ["", 1, 5]]
    assert run_query(files, "政协委员", sort="date", pages=record_pages(recs))["ids"] == [
        "000000000004", "000000000003", "000000000005", "000000000001", "000000000002"]


def test_astral_characters_in_a_query_pair_as_the_browser_pairs_them():
    """search.js pairs UTF-16 code units: 政𠀀 is 政 + a high surrogate, and 𠀀 itself (a pair).  The
    Python mirror split by code point and kept only 政, so run_query found articles the browser did not."""
    recs = [_rec(1, "甲", "政𠀁会议，另有𠀀字。"), _rec(2, "乙", "政协会议。"), _rec(3, "丙", "𠀀字。")]
    files = build_search_files(recs)
    terms = query_groups("政𠀀")[0]["terms"]
    assert terms == ["政\ud840", "𠀀"]
    assert _ids(files, "政𠀀", recs) == ["000000000001"]


def test_articles_of_one_date_are_numbered_as_the_site_lists_them():
    """Ties of a date go by id descending, as every list of the site (_newest_first) orders them."""
    recs = [_rec(i, f"题{i}", "政协委员。") for i in (3, 1, 2)]
    for r in recs:
        r["date_text"] = "12月26日"
    files = build_search_files(recs)
    urls = [json.loads(files[f"search/d/{d}.json"])["u"] for d in range(3)]
    assert urls == ["a/000000000003/", "a/000000000002/", "a/000000000001/"]


def test_a_skipped_joint_term_is_checked_with_or_without_its_space():
    """When the budget leaves a list out, its term is checked on the text: a joint term indexed across
    one space (GDP 增长) still counts, as does the date a result line shows."""
    recs = [_rec(i, f"题{i}", "经济GDP 增长较快。") for i in range(40)]
    files = build_search_files(recs)
    manifest = json.loads(files["search/manifest.json"])
    files["search/manifest.json"] = json.dumps(dict(manifest, budget=1))
    got = run_query(files, "GDP增长", pages=record_pages(recs))
    assert got["total"] == 40 and len(got["ids"]) == 10   # before: none shown, each failed its check
    assert search._verify([], [], {"t": "题", "d": "6月14日"}, "正文") is True
    assert search._verify([{"text": "6月14日", "phrase": True}], [], {"t": "题", "d": "6月14日"}, "正文")


def test_output_is_deterministic_and_independent_of_input_order(small):
    a = build_search_files(small)
    shuffled = small[:]
    random.Random(1).shuffle(shuffled)
    b = build_search_files(shuffled)
    assert a == b


def test_worker_processes_give_identical_output():
    base = [_rec(i, f"标题{i}", "政协委员会议" * (i % 7 + 1) + f"第{i}篇，编号{i}。", f"2024-01-{i % 28 + 1:02d}")
            for i in range(40)]
    assert build_search_files(base, jobs=1) == build_search_files(base, jobs=2)


def test_workers_writing_files_give_identical_output(tmp_path, articles):
    """With a sink, forked workers write the document files and encode the key ranges (writing
    the long lists themselves): the files are those made in one process."""
    from cppcc_archive.sink import DirectorySink

    recs = search.synthetic_records(articles, 1000, length=600)
    expected = build_search_files(recs, jobs=1)
    assert any(k.startswith("search/x/") for k in expected) and len(expected) > 1000
    build_search_files(recs, jobs=2, emit=DirectorySink(tmp_path))
    written = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert written == {k: v if isinstance(v, bytes) else v.encode("utf-8") for k, v in expected.items()}


def test_every_term_of_every_document_is_found(articles):
    rnd = random.Random(3)
    recs = search.synthetic_records(articles, 300, length=400)
    ix = Index(build_search_files(recs))
    order = search._sort_records(recs)
    checked = 0
    for _ in range(300):
        d = rnd.randrange(len(order))
        text = order[d]["text"]
        i = rnd.randrange(len(text) - 1)
        terms = [text[i:i + 2]] if all(search._CJK[ord(c)] for c in text[i:i + 2]) else []
        terms += [text[i]] if search._UNI[ord(text[i])] else []
        for term in terms:
            df, data = ix.entry(term)
            docs, imps = ix.postings(term, df, data)
            assert d in docs and len(docs) == len(imps) == df
            assert docs == sorted(docs) and min(imps) >= 1
            checked += 1
    assert checked > 200


def _utf16_units(text: str) -> list[str]:
    """The text as JavaScript sees it: one string per UTF-16 code unit (astral characters as two)."""
    raw = text.encode("utf-16-le", "surrogatepass")
    return [chr(raw[i] | raw[i + 1] << 8) for i in range(0, len(raw), 2)]


@pytest.mark.parametrize("length", [300, 3000])   # short texts sort their units, long ones scatter them
def test_postings_match_a_plain_count_of_each_document(articles, length):
    # The indexer counts with numpy over UTF-16 code units, spills key ranges to disk and merges
    # the workers' parts; here each posting is recounted the plain way, code unit by code unit,
    # over real seed text (plus astral characters and Latin words): every term of the index,
    # nothing more, with its documents and impact bytes, lists and bitsets alike.
    recs = search.synthetic_records(articles, 120, length=length)
    recs[7] = dict(recs[7], title="𠀀政协GDP", text="𠀀𠀁政协委员 5G 与 GDP；２０２３年，𠀀5G 阿迪力·巴哈德 " + recs[7]["text"])
    ix = Index(build_search_files(recs, jobs=2))
    order = search._sort_records(recs)
    # What is indexed of an article: its text, bylines and captions (see test_reporters_and_captions_are_found).
    indexed_text = [search._indexed_text(r) for r in order]
    # The mean length with a mantissa of 6 bits (search.quantized_avgdl), which keeps unchanged postings
    # unchanged when one text is edited.
    mantissa, exponent = math.frexp(sum(map(len, indexed_text)) / len(order))
    avgdl = math.ldexp(round(mantissa * 64) / 64, exponent)
    expected: dict[str, dict[int, int]] = {}
    for d, r in enumerate(order):
        row = search._impact_row(len(indexed_text[d]), avgdl)
        tf: dict[str, int] = {}
        for source, weight in ((indexed_text[d], 1), (r["title"], search.TITLE_WEIGHT)):
            units = _utf16_units(source)
            for first, second in zip(units, units[1:]):
                if search._CJK[ord(first)] and search._CJK[ord(second)]:
                    tf[first + second] = tf.get(first + second, 0) + weight
            # Across a name's dot (尔肯江·吐拉洪: 江吐) too.
            for first, dot, second in zip(units, units[1:], units[2:]):
                if dot in search.NAME_DOTS and search._CJK[ord(first)] and search._CJK[ord(second)]:
                    tf[first + second] = tf.get(first + second, 0) + weight
            # Words (runs of letters and digits, folded), and joint terms: a word with the ideograph
            # (BMP) written next to it, one space between allowed.
            folded = search.fold(source)
            for m in re.finditer("[0-9a-z]+", folded):
                if m.end() - m.start() > search.MAX_WORD:
                    continue
                tf[m.group()] = tf.get(m.group(), 0) + weight
                before = m.start() - (2 if source[m.start() - 1:m.start()] == " " else 1)
                after = m.end() + (1 if source[m.end():m.end() + 1] == " " else 0)
                for at, joint in ((before, lambda c: c + m.group()), (after, lambda c: m.group() + c)):
                    if 0 <= at < len(source) and ord(source[at]) < 0x10000 and search._UNI[ord(source[at])]:
                        tf[joint(source[at])] = tf.get(joint(source[at]), 0) + weight
        for term, count in tf.items():
            expected.setdefault(term, {})[d] = row[min(count, 64)]
        in_title = {c for c in _utf16_units(r["title"]) if search._UNI[ord(c)]}
        for c in in_title | {c for c in _utf16_units(indexed_text[d]) if search._UNI[ord(c)]}:
            expected.setdefault(c, {})[d] = row[1 + search.TITLE_WEIGHT] if c in in_title else row[1]
    # The index reads a term back from its UTF-16 bytes: a surrogate pair becomes one character.
    expected = {t.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass"): v for t, v in expected.items()}
    indexed = {term for k in range(1 << ix.bits) for term in ix.shard(k)}
    assert indexed == set(expected)
    bitsets = 0
    for term, want in expected.items():
        df, data = ix.entry(term)
        docs, imps = ix.postings(term, df, data)
        assert dict(zip(docs, imps)) == want, term
        bitsets += df * 2 > (len(order) + 7) // 8
    assert bitsets > 100 and {"5g", "gdp", "𠀀", "𠀁"} <= indexed   # an astral character is a surrogate-pair term
    assert {"员5g", "5g与", "协gdp", "2023年"} <= indexed and "𠀀5g" not in indexed   # joint terms
    assert "力巴" in indexed   # across a name's dot


def test_postings_spill_into_the_tree_being_built(seed_build, tmp_path, monkeypatch):
    """The indexer spills its postings into the tree it builds (the build's staging tree, which the next
    build removes if this one is killed), not into the system's temporary folder, and removes them."""
    from cppcc_archive import indexer

    spills = []
    real = search._invert
    monkeypatch.setattr(search, "_invert", lambda *a: spills.append(Path(a[4])) or real(*a))
    root = tmp_path / "staging"
    root.mkdir()
    indexer.index(seed_build / "articles.json", root, jobs=1)
    assert len(spills) == 1 and spills[0].parent == root and spills[0].name.startswith(".search-spill-")
    assert sorted(p.name for p in root.iterdir()) == ["search"]


def test_ranking_on_small_records(small):
    files = build_search_files(small)
    assert _ids(files, "郑州市政协", small)[0] == f"{1:012x}"
    assert _ids(files, "延庆", small) == [f"{2:012x}"]
    assert _ids(files, "延慶", small) == [f"{2:012x}"]        # traditional query, simplified index
    assert _ids(files, "西藏自治区政协", small)[0] == f"{4:012x}"
    assert set(_ids(files, '"政协委员"', small)) == {f"{2:012x}", f"{3:012x}", f"{4:012x}"}
    assert _ids(files, '"委员大会"', small) == [f"{1:012x}"]
    assert _ids(files, '"会议委员"', small) == []
    assert _ids(files, "5g", small) == [f"{3:012x}"]          # full-width ５Ｇ in the text
    assert _ids(files, "ＧＤＰ", small) == [f"{3:012x}"]
    assert _ids(files, "天", small) == [f"{5:012x}"]          # one character: unigram
    assert _ids(files, "不存在的词", small) == []
    assert _ids(files, "！", small) == []
    assert _ids(files, "政协", small, sort="date")[:2] == [f"{1:012x}", f"{4:012x}"]


def test_a_place_finds_every_article_whose_main_region_lies_in_it(articles):
    """重庆 found two of the four articles the 地区 page lists under 重庆市: the others name only their
    district (潼南, 奉节; a reviewer).  The index holds each article's main region with the units above
    it, as its result line shows it, and a quoted place is checked against that line too."""
    files = build_search_files(articles)
    chongqing = {a["id"] for a in articles if a["regions"] and a["regions"][0]["province"] == "重庆市"}
    assert len(chongqing) == 4 and any("重庆" not in a["text"] for a in articles if a["id"] in chongqing)
    for q in ("重庆", '"重庆"', "重庆市"):
        assert chongqing <= set(_ids(files, q, articles)), q
    tongnan = next(a for a in articles if a["id"] in chongqing and "重庆" not in a["text"])
    county = tongnan["regions"][0]["county"]
    assert tongnan["id"] in _ids(files, f'"重庆市 {county}"', articles)


def test_seed_articles_rank_first(articles):
    files = build_search_files(articles)
    by_id = {a["id"]: a for a in articles}
    assert by_id[_ids(files, "郑州市政协", articles)[0]]["title"] == ZHENGZHOU
    assert "北京答卷" in by_id[_ids(files, "延慶", articles)[0]]["title"]
    assert "北京答卷" in by_id[_ids(files, "延庆", articles)[0]]["title"]
    tibet = _ids(files, "西藏自治区政协", articles)
    assert tibet and all(any(r["province"] == "西藏自治区" for r in by_id[i]["regions"]) for i in tibet)
    for i in _ids(files, '"政协委员"', articles):
        assert "政协委员" in by_id[i]["title"] + by_id[i]["text"]
    assert len(_ids(files, "政", articles)) == 10


def test_reporters_and_captions_are_found(articles):
    """A byline name finds the articles it signs, though the text never names it (郑小波 signs seed
    001's Chongqing piece; before, 16 of the seeds' 36 named people found nothing); so do the words
    of a photo caption."""
    files = build_search_files(articles)
    bylines = {x["name"] for a in articles for x in a["authors"]}
    assert {"郑小波", "王泳", "罗文", "杨潇"} <= bylines
    for name in sorted(bylines):
        signed = {a["id"] for a in articles if any(x["name"] == name for x in a["authors"])}
        assert signed <= set(_ids(files, name, articles)), name
    texts = "\n".join(a["title"] + a["text"] for a in articles)
    aid, words = next((a["id"], c[:8]) for a in articles for c in a["captions"] if c[:8] not in texts)
    assert words == "拉萨市政协组织委" and aid in _ids(files, words, articles)


def test_a_name_typed_without_its_dot_is_found(articles):
    """A researcher's review: 尔肯江吐拉洪 and 阿迪力巴哈德 found nothing, as typed without the dot of
    seed 003's 尔肯江·吐拉洪 and 阿迪力·巴哈德; quoted too. With the dot they are found as before."""
    files = build_search_files(articles)
    for name in ("尔肯江·吐拉洪", "阿迪力·巴哈德", "玉克赛克·西加艾提"):
        holding = {a["id"] for a in articles if name in a["text"]}
        assert holding, name
        for q in (name, name.replace("·", ""), f'"{name.replace("·", "")}"', name.replace("·", "・")):
            assert holding <= set(_ids(files, q, articles)), q


def test_digits_and_characters_written_together_are_found_together(articles):
    """6月 used to be the AND of 6 and 月 anywhere: four seed articles, none holding 6月 (6-8次, 6个,
    12月28日).  The index also holds each word with the ideograph next to it, so a query mixing
    them finds the articles where they stand together; those holding the whole query come first."""
    files = build_search_files(articles)
    def holding(s: str) -> set[str]:
        return {a["id"] for a in articles if s in search._indexed_text(a)}
    for q in ("6月", "12月28日", "2023年", "11市"):
        assert holding(q), q
        assert set(_ids(files, q, articles)) == holding(q), q
    assert len({a["id"] for a in articles if "6" in a["text"] and "月" in a["text"]}) > len(holding("6月"))
    assert _ids(files, "6月14日", articles) == sorted(holding("6月14日"))   # the date of 北京答卷's dateline


def test_the_publisher_and_the_date_taken_out_of_the_text_are_found(articles):
    """Seed 002's publisher comes from its copyright line and seed 004's 6月14日 from its dateline:
    both are shown on the article page, so a search for them finds the article."""
    files = build_search_files(articles)
    texts = "\n".join(a["title"] + a["text"] for a in articles)
    assert "中国西藏新闻网" not in texts and "6月14日" not in texts
    tibet = {a["id"] for a in articles if a["publisher"] == "中国西藏新闻网"}
    dated = {a["id"] for a in articles if a["date_text"] == "6月14日"}
    assert tibet and dated
    assert tibet <= set(_ids(files, "中国西藏新闻网", articles))
    assert dated <= set(_ids(files, "6月14日", articles))


# ---------------------------------------------------------------- text from the article pages

def test_documents_hold_no_article_text(small, articles):
    for records in (small, articles):
        files = build_search_files(records)
        docs = {p: json.loads(v) for p, v in files.items() if p.startswith("search/d/")}
        assert len(docs) == len(records)
        assert all(set(doc) - {"v"} == {"u", "t", "d", "r", "p"} for doc in docs.values())   # v: a devised title
        # No stretch of any text is in a text file of the index (the binary files hold terms only).
        text_files = [v if isinstance(v, str) else v.decode("utf-8") for p, v in files.items() if p.endswith(".json")]
        for r in records:
            piece = max(r["text"].split("\n"), key=len)[:12]
            assert len(piece) >= 4 and not any(piece in t for t in text_files), piece


def test_page_text_reads_the_article_as_built(seed_build, articles):
    # search.js's pageText and search.page_text read the same elements: for every page of a
    # real build the result is the record's text (body paragraphs and headings, nothing else).
    for a in articles:
        html = (seed_build / "site" / a["url"] / "index.html").read_bytes()
        assert page_text(html) == a["text"], a["id"]
    assert page_text(b"<html><body><p id=p1>x</p></body></html>") is None
    # Headings after the last paragraph are the page's own sections; .headerlink is dropped.
    html = ('<div class="md-content"><nav class=md-tags><a>标签</a></nav><article class="md-content__inner">'
            '<h1>题目</h1><ul><li>日期</li></ul><h2 id=a>小标题<a class=headerlink href=#a>¶</a></h2>'
            '<p id=p1>第一段<b>加粗</b></p><p>注</p><p id=p2>第二段</p><h2 id=b>文中人物</h2><ul><li>某人</li></ul>'
            '<details><p id=p9>引用</p></details></article></div>')
    assert page_text(html) == "小标题\n第一段加粗\n第二段"


def test_page_extra_reads_the_bylines_publisher_date_and_captions_as_built(seed_build, articles):
    """A quoted phrase is verified on the page: besides the text, on what else of it the index holds
    (the bylines, the publisher, the date, the photo captions), read from the metadata list and the
    list under 图片说明 as search.js's pageText reads them."""
    seen = set()
    for a in articles:
        extra = search.page_extra((seed_build / "site" / a["url"] / "index.html").read_bytes()).split("\n")
        for x in a["authors"]:
            assert any(x["name"] in line for line in extra), (a["id"], x)
            seen.add("author")
        if a.get("publisher"):
            assert a["publisher"] in extra, a["id"]
            seen.add("publisher")
        photo = [c for c in a["captions"] if c not in a.get("credits", [])]
        assert set(photo) <= set(extra), a["id"]
        seen.update(["caption"] if photo else [])
        # Nothing else of the page: no keywords, places, topics, source file names.
        assert not any(k in line for k in a["keywords"] for line in extra if k not in a["text"]
                       and not any(k in c for c in photo) and k not in (a.get("publisher") or "")
                       and not any(k in x["name"] for x in a["authors"]) and k not in (a.get("date_text") or "")
                       and k not in (a.get("date") or "")), a["id"]
    assert seen == {"author", "publisher", "caption"}
    html = ('<div class="md-content"><article class="md-content__inner"><h1>题目</h1>'
            '<ul><li><strong>日期</strong>：6月14日</li><li><strong>作者</strong>：记者 某甲</li>'
            '<li><strong>关键词</strong>：甲、乙</li></ul><p id=p1>正文</p><ul><li><strong>作者</strong>：不算</li></ul>'
            '<h2 id=x>图片说明<a class=headerlink href=#x>¶</a></h2><ul><li>图一：说明</li></ul>'
            '<h2 id=y>文中人物</h2><ul><li>某人</li></ul></article></div>')
    assert search.page_extra(html) == "6月14日\n记者 某甲\n图一：说明"
    assert page_text(html) == "正文"


def test_a_quoted_byline_caption_or_publisher_finds_its_article(seed_build, articles):
    """"毛丽萍" found the article she signed in the index, but its page text (the body) does not
    hold her name, so the result was dropped: a count of 1 and no result."""
    files = {p.relative_to(seed_build / "site").as_posix(): p.read_bytes()
             for p in (seed_build / "site" / "search").rglob("*") if p.is_file()}
    signed = next(a for a in articles for x in a["authors"] if x["name"] not in a["text"])
    name = next(x["name"] for x in signed["authors"] if x["name"] not in signed["text"])
    published = next(a for a in articles if a.get("publisher") and a["publisher"] not in a["text"])
    captioned = next(a for a in articles for c in a["captions"] if c[:10] not in a["text"])
    words = next(c[:10] for c in captioned["captions"] if c[:10] not in captioned["text"])
    credited = next(a for a in articles if a["credits"])   # a newspaper page's credits, under 版面署名
    credit = next(w for c in credited["credits"] for w in c.split() if len(w) >= 2 and w not in credited["text"]
                  and "：" not in w)
    for phrase, article in ((name, signed), (published["publisher"], published), (words, captioned),
                            (credit, credited)):
        found = run_query(files, f'"{phrase}"', pages=seed_build / "site")
        assert article["id"] in found["ids"], phrase
        assert len(found["ids"]) == found["total"], phrase


def test_a_byline_copied_from_the_page_finds_its_article(seed_build, articles):
    """The page says 作者：记者 毛丽萍; searching 记者 毛丽萍 (or 编辑 罗文), quoted or not, found nothing
    (a user's review): the index held the names without their roles.  It holds the 作者 line as the
    page shows it; names of two roles are not one phrase there, nor on the page."""
    from cppcc_archive.model import byline_line

    files = {p.relative_to(seed_build / "site").as_posix(): p.read_bytes()
             for p in (seed_build / "site" / "search").rglob("*") if p.is_file()}
    signed = [a for a in articles if any(x["role"] != "作者" for x in a["authors"])]
    assert len(signed) >= 3
    for a in signed:
        line = byline_line([(x["role"], x["name"]) for x in a["authors"]])
        page = (seed_build / "site" / a["url"] / "index.html").read_text(encoding="utf-8")
        assert f"<strong>作者</strong>：{line}<" in page, line   # the index holds what the page shows
        for x in (x for x in a["authors"] if x["role"] != "作者"):   # the page names an author alone
            shown = f"{x['role']} {x['name']}"
            queries = [shown]
            if any(group == shown or group.startswith(shown + "、") for group in line.split("；")):
                queries.append(f'"{shown}"')   # the role's first name: a phrase too
            for q in queries:
                found = run_query(files, q, pages=seed_build / "site")
                assert a["id"] in found["ids"] and len(found["ids"]) == found["total"], q
    two = next(a for a in signed if len({x["role"] for x in a["authors"]}) > 1)
    joined = "、".join(x["name"] for x in two["authors"][:2])
    if joined not in two["text"]:
        assert two["id"] not in run_query(files, f'"{joined}"', pages=seed_build / "site")["ids"]


def test_a_quoted_date_as_the_source_wrote_it_finds_its_article():
    """The index holds the date as the source wrote it (2023年6月14日, taken out of the text with its
    dateline); the page shows it beside the date (2023-06-14（原文作“2023年6月14日”）), where a
    quoted search is verified."""
    from cppcc_archive.clean.metadata import shown_date

    assert shown_date("2023-06-14", "2023年6月14日") == "2023-06-14（原文作“2023年6月14日”）"
    assert shown_date("2023-06-14", None) == shown_date("2023-06-14", "2023-06-14") == "2023-06-14"
    assert shown_date(None, "6月14日") == "6月14日（原文未注明年份）"
    recs = [_rec(1, "郑州市政协召开会议", "委员们围绕议题协商。", "2023-06-14"), _rec(2, "甲", "委员们围绕议题协商。", "2023-06-15")]
    recs[0]["date_text"] = "2023年6月14日"
    files = build_search_files(recs)
    for q in ('"2023年6月14日"', '"6月14日"'):
        found = run_query(files, q, pages=record_pages(recs))
        assert found["ids"] == ["000000000001"] and found["total"] == 1, q


def test_record_pages_stand_in_for_the_built_pages(seed_build, articles):
    template = (seed_build / "site" / articles[0]["url"] / "index.html").read_bytes()
    for pages in (record_pages(articles), record_pages(articles, template)):
        for a in articles:
            assert page_text(pages(a["url"])) == a["text"]
    # With the template the size is close to the real page's (the site's chrome included).
    real = [len((seed_build / "site" / a["url"] / "index.html").read_bytes()) for a in articles]
    fake = [len(record_pages(articles, template)(a["url"])) for a in articles]
    assert 0.8 < sum(fake) / sum(real) < 1.25


def test_phrases_are_verified_on_the_page_text(small):
    files = build_search_files(small)
    pages = record_pages(small)
    assert set(run_query(files, '"政协委员"', pages=pages)["ids"]) == {f"{2:012x}", f"{3:012x}", f"{4:012x}"}

    # The page of article 3 no longer holds the phrase (the index still has all its bigrams).
    def edited(url):
        page = pages(url)
        return page.replace("政协委员".encode(), "政协的委员".encode()) if url == f"a/{3:012x}/" else page
    assert set(run_query(files, '"政协委员"', pages=edited)["ids"]) == {f"{2:012x}", f"{4:012x}"}
    # Unquoted, every candidate is a result: the page text only orders them (verbatim first).
    assert set(run_query(files, "政协委员", pages=edited)["ids"]) == {f"{2:012x}", f"{3:012x}", f"{4:012x}"}
    with pytest.raises(TypeError):
        run_query(files, "政协")


def test_payload_counts_the_article_pages(seed_build, articles):
    site = seed_build / "site"
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "search").rglob("*") if p.is_file()}
    res = run_query(files, "政协委员", pages=site)
    assert len(res["ids"]) == 10
    pages = {k: v for k, v in res["fetched"].items() if not k.startswith("search/")}
    by_id = {a["id"]: a for a in articles}
    assert set(pages) == {by_id[i]["url"] for i in res["ids"]}      # the page of every result shown, once
    assert all(v == len((site / k / "index.html").read_bytes()) for k, v in pages.items())
    assert res["page_bytes"] == sum(pages.values())
    assert res["bytes"] == sum(res["fetched"].values()) == search_payload_bytes(files, "政协委员", pages=str(site))
    assert res["gzip_bytes"] < res["bytes"]
    assert all(k.startswith("search/d/") and k.endswith(".json") for k in res["fetched"] if "/d/" in k)


def test_payload_of_a_first_query_is_small_at_1000_articles(articles, seed_build):
    recs = search.synthetic_records(articles, 1000, length=3000)
    files = build_search_files(recs)
    # Stand-in pages: a real article page of the seed build with each record's paragraphs.
    pages = record_pages(recs, (seed_build / "site" / articles[0]["url"] / "index.html").read_bytes())
    for q in ("郑州市政协", "政协", "政", '"政协委员"', "中国人民政治协商会议全国委员会"):
        res = run_query(files, q, pages=pages)
        assert res["bytes"] <= 500_000, (q, res["bytes"])
        if res["ids"]:
            assert res["page_bytes"] >= 10_000 * len(res["ids"]), (q, res["page_bytes"])
    shards = [len(v) for k, v in files.items() if k.startswith("search/p/")]
    assert max(shards) < 8 * search.SHARD_TARGET


# ---------------------------------------------------------------- browser

if not os.path.exists(CHROMIUM):
    _browser = pytest.mark.skip(reason=f"!!! {CHROMIUM} not installed: browser tests SKIPPED")
    if os.environ.get("REQUIRE_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} is missing but REQUIRE_BROWSER is set: browser tests must run")
else:
    _browser = pytest.mark.browser


def _site_config(out: Path) -> Path:
    """OUT/mkdocs.yml with Material's search plugin off and the search client added
    (a no-op once build.py does this itself)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    base = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    text = (out / "mkdocs.yml").read_text(encoding="utf-8").replace("  - search:\n      lang: zh\n", "")
    css = list(base.get("extra_css") or [])
    js = list(base.get("extra_javascript") or [])
    extra = ""
    if "assets/search/search.css" not in css:
        extra += "extra_css:\n" + "".join(f"  - {x}\n" for x in css + ["assets/search/search.css"])
    if "assets/search/search.js" not in js:
        extra += "extra_javascript:\n" + "".join(f"  - {x}\n" for x in js + ["assets/search/search.js"])
    cfg = out / "mkdocs-search.yml"
    cfg.write_text(text + extra, encoding="utf-8")
    return cfg


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    from cppcc_archive.cli import main

    out = tmp_path_factory.mktemp("searchsite")
    assert main(["--seeds", str(SEEDS), "--out", str(out), "--quiet", "--no-site"]) == 0
    if not (out / "docs" / "search" / "manifest.json").exists():
        records = json.loads((out / "articles.json").read_text(encoding="utf-8"))
        for rel, content in build_search_files(records).items():
            p = out / "docs" / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(content) if isinstance(content, bytes) else p.write_text(content, encoding="utf-8")
    cfg = _site_config(out)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(cfg), "-d", str(out / "site")],
                   check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True)
    assert not (out / "site" / "search" / "search_index.json").exists()
    return out / "site"


@pytest.fixture(scope="module")
def server(search_site):
    with serve_directory(search_site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    with launch_chromium() as b:
        yield b


def _page(chromium, server, width=1280, height=900, touch=False):
    ctx = chromium.new_context(viewport={"width": width, "height": height}, locale="zh-CN",
                               **({"has_touch": True, "is_mobile": True} if touch else {}))
    pg = ctx.new_page()
    pg.requests, pg.errors = [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    # Console errors of the search client; failed loads are judged by URL below.
    pg.on("console", lambda m: pg.errors.append(m.text)
          if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    pg.on("response", lambda r: pg.errors.append(f"HTTP {r.status} {r.url}")
          if r.status >= 400 and ("/search/" in r.url or "/assets/search/" in r.url) else None)
    return ctx, pg


@pytest.fixture
def page(chromium, server):
    ctx, pg = _page(chromium, server)
    yield pg
    local = urlparse(server).netloc
    assert {urlparse(u).netloc for u in pg.requests} == {local}, pg.requests
    assert not pg.errors, pg.errors
    ctx.close()


def _search(pg, query):
    if not pg.evaluate("document.getElementById('__search').checked"):
        pg.locator("input.md-search__input, label.md-header__button[for=__search]").locator("visible=true").first.click()
    pg.fill("input.md-search__input", query)
    pg.wait_for_function(
        "q => { const b = document.querySelector('[data-archive-search]');"
        " return b.getAttribute('data-archive-state') !== 'busy' && b.getAttribute('data-archive-query') === q }",
        arg=query, timeout=20000)
    return pg.locator(".md-search-result__item h1").all_inner_texts()


@_browser
def test_queries_in_the_browser(page, server):
    page.goto(server)
    titles = _search(page, "郑州市政协")
    assert titles[0] == ZHENGZHOU
    assert page.locator(".md-search-result__item").first.locator("mark").first.inner_text() in ("郑州市政协", "政协")
    titles = _search(page, "延慶")
    assert "北京答卷" in titles[0]
    assert "已按简体检索：延庆" in page.locator("[data-archive-status]").inner_text()
    assert "北京答卷" in _search(page, "延庆")[0]
    titles = _search(page, "西藏自治区政协")
    assert titles and "西藏" in page.locator(".archive-search__meta").first.inner_text()
    # A place finds the articles of its districts, quoted too: the result line's region is checked.
    for q in ("重庆", '"重庆"'):
        _search(page, q)
        metas = page.locator(".archive-search__meta").all_inner_texts()
        assert sum("重庆市" in m for m in metas) == 4, (q, metas)
    titles = _search(page, '"政协委员"')
    assert titles
    for snippet in page.locator(".archive-search__snippet").all():
        assert "政协委员" in snippet.locator("mark").all_inner_texts()
    titles = _search(page, "政")
    assert len(titles) == 10
    assert page.locator("[data-archive-more]").is_visible()
    page.click("[data-archive-more]")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 10")
    assert _search(page, "喵喵喵") == []
    assert page.locator("[data-archive-status]").inner_text() == "没有找到相关文章"
    SHOTS.mkdir(exist_ok=True)
    _search(page, "政协委员")
    page.screenshot(path=str(SHOTS / "search-panel-desktop.png"))


@_browser
def test_first_result_opens_the_article(page, server):
    page.goto(server)
    _search(page, "郑州市政协")
    page.keyboard.press("Enter")
    page.wait_for_url("**/a/*/**")
    assert page.locator("h1").first.inner_text().startswith(ZHENGZHOU)


@_browser
def test_enter_pressed_before_the_results_come_opens_the_first(page, server):
    page.goto(server)
    page.locator(".md-search__input").click()
    page.keyboard.type("郑州市政协")
    page.keyboard.press("Enter")   # within the 120 ms before the search runs
    page.wait_for_url("**/a/*/**")
    assert page.locator("h1").first.inner_text().startswith(ZHENGZHOU)


@_browser
def test_a_minus_word_is_ignored_and_said_so(page, server):
    """政协 -北京 asked to leave Beijing out; the search cannot, so it searches 政协 and says it ignored
    北京 (before: 北京 became required, two Beijing articles and nothing else)."""
    page.goto(server)
    plain = _search(page, "政协")
    assert _search(page, "政协 -北京") == plain and len(plain) == 10
    assert "已忽略：北京" in page.locator("[data-archive-status]").inner_text()
    _search(page, "政协")
    assert "已忽略" not in page.locator("[data-archive-status]").inner_text()


@_browser
def test_typed_query_is_in_the_address_and_back_brings_it_back(page, server):
    """A typed search is kept in ?q= (a copied link shares it); after opening a result, the back
    button returns to the page with the same search open.  Escape closes it and clears ?q=."""
    from urllib.parse import parse_qs, urlparse

    page.goto(server + "regions/")
    _search(page, "政")
    _search(page, "郑州市政协")
    assert parse_qs(urlparse(page.url).query)["q"] == ["郑州市政协"]
    page.keyboard.press("Enter")
    page.wait_for_url("**/a/*/**")
    page.go_back()
    page.wait_for_function(
        "() => { const b = document.querySelector('[data-archive-search]');"
        " return b.getAttribute('data-archive-state') === 'done' && b.getAttribute('data-archive-query') === '郑州市政协' }",
        timeout=20000)
    assert page.locator("input.md-search__input").input_value() == "郑州市政协"
    assert page.locator(".md-search-result__item h1").first.inner_text() == ZHENGZHOU
    page.keyboard.press("Escape")
    page.wait_for_function("() => !new URLSearchParams(location.search).has('q')")
    assert urlparse(page.url).path.endswith("/regions/")


@_browser
def test_filters_and_sort(page, server):
    page.goto(server)
    titles = _search(page, "政协")
    assert len(titles) == 10
    options = page.locator("select[name=region] option").all_inner_texts()
    assert any(o.startswith("北京市（") for o in options)
    # Listed by the counts they show, most first: they followed the whole archive's counts, and a
    # reviewer read 重庆市（4）北京市（1）西藏自治区（2） for 政协委员, 民生保障（2） after （1） for 提案.
    # Ties as the whole archive orders them (the manifest's rows).
    manifest = page.evaluate("() => fetch('search/manifest.json').then(r => r.json())")
    ties = 0
    for q in ("政协委员", "提案"):
        _search(page, q)
        for name in ("region", "topic"):
            options = [re.fullmatch(r"(.+)（(\d+)）", o).groups()
                       for o in page.locator(f"select[name={name}] option").all_inner_texts()[1:]]
            shown = [int(n) for _, n in options]
            assert len(shown) > 2 and shown == sorted(shown, reverse=True), (q, name, shown)
            rows = [row[0] for row in manifest["facets"][name]]
            for (a, n), (b, m) in zip(options, options[1:]):
                if n == m:
                    ties += 1
                    assert rows.index(a) < rows.index(b), (q, name, a, b)
    assert ties
    # The topic filter says it keeps an article's own topics, not those it also discusses (a
    # researcher counted its results against a topic page's 亦有论及 list).
    assert page.locator("label:has(select[name=topic]) > span").inner_text() == "主要主题"
    _search(page, "政协")
    value = page.locator("select[name=region] option", has_text="北京市").get_attribute("value")
    page.select_option("select[name=region]", value)
    page.wait_for_function("() => document.querySelector('[data-archive-search]').getAttribute('data-archive-state') === 'done'")
    metas = page.locator(".archive-search__meta").all_inner_texts()
    assert metas and all("北京" in m for m in metas)
    page.select_option("select[name=sort]", "date")
    page.wait_for_function("() => document.querySelector('[data-archive-search]').getAttribute('data-archive-state') === 'done'")
    assert page.locator(".archive-search__meta").all_inner_texts()


@_browser
def test_filters_and_sort_are_in_the_address_and_a_shared_link_brings_them_back(page, server):
    """A search narrowed to a region and sorted by date, copied from the address bar, opened the same
    search without its filters (a user's review). The filters and the sort are in the address by
    name (?region=北京市&sort=date: the facets' numbers change with the index), a shared link brings
    them back, and a new query drops the filters."""
    from urllib.parse import parse_qs, urlparse

    def done():
        page.wait_for_function("() => document.querySelector('[data-archive-search]').getAttribute('data-archive-state') === 'done'")

    page.goto(server + "regions/")
    everything = _search(page, "政协")
    value = page.locator("select[name=region] option", has_text="北京市").get_attribute("value")
    page.select_option("select[name=region]", value)
    done()
    page.select_option("select[name=sort]", "date")
    done()
    narrowed = page.locator(".md-search-result__item h1").all_inner_texts()
    assert narrowed and len(narrowed) < len(everything)
    shared = page.url
    assert {k: v for k, v in parse_qs(urlparse(shared).query).items()} == {"q": ["政协"], "region": ["北京市"], "sort": ["date"]}

    page.goto("about:blank")
    page.goto(shared)
    page.wait_for_function(
        "() => { const b = document.querySelector('[data-archive-search]');"
        " return b.getAttribute('data-archive-state') === 'done' && b.getAttribute('data-archive-query') === '政协' }",
        timeout=20000)
    assert page.locator(".md-search-result__item h1").all_inner_texts() == narrowed
    assert page.locator("select[name=region] option:checked").inner_text().startswith("北京市（")
    assert page.locator("select[name=sort]").input_value() == "date"
    assert page.url == shared

    _search(page, "委员")   # a new query keeps the sort, as the panel does, and drops the filters
    assert {k: v for k, v in parse_qs(urlparse(page.url).query).items()} == {"q": ["委员"], "sort": ["date"]}


@_browser
def test_a_shared_link_s_filters_go_with_its_query_only(page, server):
    """A shared link's filters belong to its query: typed over before its results came, closed with
    Escape, or with the index failing to load, they are dropped, not applied to the next query and
    not written back to the address (a review's finds)."""
    from urllib.parse import parse_qs, urlparse

    def done(q):
        page.wait_for_function(
            "q => { const b = document.querySelector('[data-archive-search]');"
            " return b.getAttribute('data-archive-state') === 'done' && b.getAttribute('data-archive-query') === q }",
            arg=q, timeout=20000)

    page.goto(server)
    everything = len(_search(page, "委员"))
    held = []
    page.route("**/search/manifest.json", lambda route: held.append(route))   # answered later
    page.goto(server + "regions/?q=政协&region=北京市&sort=date")
    page.fill("input.md-search__input", "委员")   # before the link's results came
    page.wait_for_timeout(300)
    for route in held:
        route.continue_()
    page.unroute("**/search/manifest.json")
    done("委员")
    assert len(page.locator(".md-search-result__item h1").all_inner_texts()) == everything
    assert {k: v for k, v in parse_qs(urlparse(page.url).query).items()} == {"q": ["委员"]}

    page.route("**/search/manifest.json", lambda route: held.append(route))
    page.goto(server + "regions/?q=政协&region=北京市&sort=date")
    page.keyboard.press("Escape")   # closed before its results came
    for route in held[1:]:
        route.continue_()
    page.unroute("**/search/manifest.json")
    page.wait_for_timeout(1500)
    assert urlparse(page.url).query == ""

    page.route("**/search/manifest.json", lambda route: route.abort())
    page.goto(server + "regions/?q=政协&region=北京市&sort=date")
    page.wait_for_function("() => document.querySelector('[data-archive-search]').getAttribute('data-archive-state') === 'error'")
    page.unroute("**/search/manifest.json")
    assert [e for e in page.errors if "Failed to fetch" in e] and page.errors.clear() is None   # the failure, expected
    _search(page, "委员")
    assert len(page.locator(".md-search-result__item h1").all_inner_texts()) == everything
    assert {k: v for k, v in parse_qs(urlparse(page.url).query).items()} == {"q": ["委员"]}


@_browser
def test_a_quoted_phrases_filter_counts_leave_out_the_candidates_it_is_not_in(page, server):
    """"协商议政" has a candidate whose text holds the words apart, not the phrase: the filters'
    counts left it in (9 against 8 results, in a user's review); they count only what the check
    kept once it has run, also after a filter is chosen and cleared."""
    import re

    page.goto(server)
    titles = _search(page, '"协商议政"')
    status = page.locator("[data-archive-status]").inner_text()
    assert "待核对" not in status and f"找到 {len(titles)} 篇" in status, status

    def year_total() -> int:
        options = page.locator("select[name=year] option").all_inner_texts()[1:]
        return sum(int(re.search(r"（(\d+)）$", o).group(1)) for o in options)

    assert year_total() == len(titles) > 0
    value = page.locator("select[name=region] option").nth(1).get_attribute("value")
    for choice in (value, ""):
        page.select_option("select[name=region]", choice)
        page.wait_for_function("() => document.querySelector('[data-archive-search]')"
                               ".getAttribute('data-archive-state') === 'done'")
        assert year_total() == len(page.locator(".md-search-result__item h1").all_inner_texts())
    assert year_total() == len(titles)
    # Four candidates hold 协商 and 建设, none the phrase: no result, and no filters left to choose.
    assert _search(page, '"协商建设"') == []
    assert "没有找到相关文章" in page.locator("[data-archive-status]").inner_text()
    assert not page.locator("select[name=region]").is_visible()


@_browser
def test_keyboard(page, server):
    page.goto(server + "about/")
    # A letter is no shortcut (WCAG 2.1.4: a dictated word would fire it); "/" is.
    for key in ("s", "f"):
        page.keyboard.press(key)
        assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("郑州")
    page.wait_for_function("() => document.querySelector('[data-archive-search]').getAttribute('data-archive-query') === '郑州'")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    # The focus left the hidden results: it is on the page (the search was opened from it with "/").
    assert page.evaluate("!document.querySelector('[data-archive-search]').contains(document.activeElement)")
    page.keyboard.press("Tab")
    assert page.evaluate("!document.querySelector('[data-archive-search]').contains(document.activeElement)"
                         " || document.activeElement.classList.contains('md-search__input')")


@_browser
def test_the_clear_button_takes_the_focus_only_when_it_shows(page, server):
    """From the empty box, Tab goes past the (invisible) clear button; with a query it reaches it."""
    page.goto(server + "about/")
    page.keyboard.press("/")
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.matches('button[type=reset]')")
    page.keyboard.press("Escape")
    _search(page, "政协")
    page.focus("input.md-search__input")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('button[type=reset]')")
    assert page.evaluate("getComputedStyle(document.activeElement).opacity") == "1"


@_browser
def test_tabbing_through_the_search_closes_it(page, server):
    """Tabbing onto the search box opens it; tabbing on past it closes it again, and Escape from a
    result gives the focus back to where it came from (the logo), not to an invisible result."""
    page.goto(server + "about/")
    opened = False
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search__input')"):
            opened = page.evaluate("document.getElementById('__search').checked")
            break
    assert opened, "the search box is reached with Tab and opens"
    page.keyboard.type("政协")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__link').length >= 5")
    before = page.evaluate("document.activeElement.outerHTML")
    for _ in range(60):   # past the (empty) results, the reset button and the close control
        page.keyboard.press("Tab")
        if not page.evaluate("document.querySelector('[data-archive-search]').contains(document.activeElement)"):
            break
    assert not page.evaluate("document.getElementById('__search').checked"), "focus left the search: it closed"
    page.keyboard.press("Shift+Tab")   # back: the hidden results are not in the way, the box is
    assert not page.evaluate("document.querySelector('.md-search__output').contains(document.activeElement)")
    page.goto(server + "about/")
    page.locator("a.md-logo").first.focus()
    came_from = None
    for _ in range(10):
        if page.evaluate("document.activeElement.classList.contains('md-search__input')"):
            break
        came_from = page.evaluate("document.activeElement.outerHTML")
        page.keyboard.press("Tab")
    page.keyboard.type("郑州")
    page.wait_for_function("() => document.querySelector('[data-archive-search]').getAttribute('data-archive-query') === '郑州'")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.outerHTML") == came_from, before


@_browser
def test_the_search_key_of_a_phone_keyboard_keeps_the_results(chromium, server):
    ctx, pg = _page(chromium, server, 390, 844, touch=True)
    pg.goto(server)
    pg.click("label.md-header__button[for=__search]")
    assert _search(pg, "郑州市政协")[0] == ZHENGZHOU
    pg.keyboard.press("Enter")
    pg.wait_for_timeout(300)
    assert urlparse(pg.url).path == urlparse(server).path or urlparse(pg.url).path == "/", \
        "Enter on a phone does not open the first result"
    assert not pg.evaluate("document.activeElement.classList.contains('md-search__input')"), "the keyboard is closed"
    assert pg.locator(".md-search-result__item").first.is_visible()
    ctx.close()


@_browser
def test_mobile(chromium, server):
    ctx, pg = _page(chromium, server, 390, 844)
    pg.goto(server)
    pg.click("label.md-header__button[for=__search]")
    titles = _search(pg, "郑州市政协")
    assert titles[0] == ZHENGZHOU
    assert pg.locator("input.md-search__input").is_visible()
    # Material locks the page behind the full-screen search (as with its own search).
    pg.wait_for_function("() => getComputedStyle(document.body).position === 'fixed'")
    assert pg.evaluate("document.documentElement.scrollWidth") <= 400
    pg.mouse.wheel(600, 0)
    assert pg.evaluate("window.scrollX") == 0
    for sel in (".archive-search__tools", ".md-search-result__item", ".md-search__form"):
        box = pg.locator(sel).first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (sel, box)
    SHOTS.mkdir(exist_ok=True)
    _search(pg, "政协委员")
    pg.screenshot(path=str(SHOTS / "search-panel-mobile.png"))
    assert {urlparse(u).netloc for u in pg.requests} == {urlparse(server).netloc}
    assert not pg.errors, pg.errors
    ctx.close()


def _result_ids(pg):
    return [h.rstrip("/").split("#")[0].rstrip("/").split("/")[-1]
            for h in pg.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.getAttribute('href'))")]


def _records(search_site):
    return json.loads((search_site.parent / "articles.json").read_text(encoding="utf-8"))


@_browser
def test_browser_and_run_query_agree(page, server, search_site):
    # run_query mirrors search.js: same results in the same order, from the same pages.
    files = {p.relative_to(search_site).as_posix(): p.read_bytes()
             for p in (search_site / "search").rglob("*") if p.is_file()}
    page.goto(server)
    for q in ("政协委员", '"政协委员"', "郑州市政协", "政", "西藏 政协", "6月", "12月28日", "2023年", "Ｂ类", "Ｇ２１９",
              '"毛丽萍"', '"中国西藏新闻网"', '"拉萨市政协组织委员开展"', "记者 毛丽萍", '"编辑 罗文"',
              "尔肯江吐拉洪", '"阿迪力巴哈德"'):
        _search(page, q)
        assert _result_ids(page) == run_query(files, q, pages=search_site)["ids"], q
    assert not page.locator(".archive-search__snippet[aria-busy]").count()


@_browser
def test_snippet_comes_from_the_article_page(page, server, search_site):
    records = _records(search_site)
    zz = next(r for r in records if r["title"] == ZHENGZHOU)
    docs = []
    page.on("response", lambda r: docs.append(r) if "/search/d/" in r.url else None)

    def edit(route):
        resp = route.fetch()
        body = re.sub(r'(<p id="?p1"?>)', r"\1测试片段郑州市政协测试。", resp.text(), count=1)
        route.fulfill(response=resp, body=body)
    page.route(server + zz["url"], edit)
    page.goto(server)
    assert _search(page, "郑州市政协")[0] == ZHENGZHOU
    first = page.locator(".md-search-result__item").first
    snippet = first.locator(".archive-search__snippet").inner_text()
    assert snippet.startswith("测试片段郑州市政协测试"), snippet
    assert first.locator(".archive-search__snippet mark").first.inner_text() == "郑州市政协"
    assert any(u == server + zz["url"] for u in page.requests)
    href = first.locator("a").get_attribute("href")
    # The paragraph of the hit, and a text directive with the characters before the hit in it.
    assert href == server + zz["url"] + "#p1:~:text=" + quote("测试片段") + "-," + quote("郑州市政协"), href
    # The result lines come from documents without text.
    assert docs and all(set(json.loads(r.body())) == {"u", "t", "d", "r", "p"} for r in docs)


@_browser
def test_a_result_opens_at_the_paragraph_of_its_hit(page, server, search_site):
    """提案 is first on an article page in its topic chip (主题/提案工作), above the title: the text
    directive names the characters before the hit in its paragraph, and the paragraph's id is the
    fallback, so the reader lands on the paragraph the snippet showed."""
    page.goto(server)
    _search(page, "提案")
    link = page.locator(".md-search-result__item a").first
    page.wait_for_function("() => !document.querySelector('.archive-search__snippet[aria-busy]')")
    href = link.get_attribute("href")
    m = re.search(r"#(p\d+):~:text=([^,]+)-,(.+)$", href)
    assert m, href
    para, before, hit = m.group(1), unquote(m.group(2)), unquote(m.group(3))
    assert hit == "提案"
    # Chromium matches a prefix only from a word boundary: every link's prefix starts at one of its
    # paragraph's (Intl.Segmenter, the same ICU); cut six characters back, four in ten did not.
    for other in page.locator(".md-search-result__item a").all():
        pm = re.search(r"#(p\d+):~:text=([^,]+)-,(.+)$", other.get_attribute("href") or "")
        if pm:
            assert page.evaluate("""([url, id, prefix]) => fetch(url).then(r => r.text()).then(html => {
                const p = new DOMParser().parseFromString(html, "text/html").getElementById(id);
                const text = p.textContent.replace(/\\s+/g, " "), at = text.indexOf(prefix);
                const cuts = [...new Intl.Segmenter("zh", {granularity: "word"}).segment(text)].map(s => s.index);
                return at >= 0 && cuts.includes(at); })""",
                [other.get_attribute("href").split("#")[0], pm.group(1), unquote(pm.group(2))]), other.get_attribute("href")
    page.goto(href.split("#")[0] + "#" + para)   # what a browser without text directives does
    text = page.locator(f"p#{para}").inner_text()
    assert before + hit in text.replace("\n", " ")
    chip_first = page.evaluate("document.querySelector('.md-content article').textContent.indexOf('提案')")
    assert chip_first < page.evaluate(f"document.querySelector('.md-content article').textContent.indexOf("
                                      f"document.getElementById('{para}').textContent)")
    link_page = page.context.new_page()
    link_page.goto(server)
    _search(link_page, "提案")
    link_page.wait_for_function("() => !document.querySelector('.archive-search__snippet[aria-busy]')")
    link_page.locator(".md-search-result__item a").first.click()
    link_page.wait_for_load_state("load")
    assert link_page.evaluate(f"""() => {{ const r = document.getElementById('{para}').getBoundingClientRect();
                                          return r.top >= 0 && r.top < innerHeight; }}""")
    link_page.close()


def test_sorting_by_newest_follows_the_timeline(search_site):
    """Document numbers are the 最新 order: the same as the site's 时间线 (dates/), undated ones too
    (the timeline listed them by id ascending, the search and every other list descending)."""
    timeline = (search_site.parent / "docs" / "dates" / "index.md").read_text(encoding="utf-8")
    listed = re.findall(r"\]\(\.\./a/([0-9a-f]{12})\.md\)", timeline)
    n = json.loads((search_site / "search" / "manifest.json").read_text(encoding="utf-8"))["n"]
    numbered = [json.loads((search_site / "search" / "d" / f"{d}.json").read_text(encoding="utf-8"))["u"].split("/")[1]
                for d in range(n)]
    assert len(listed) == n == 14 and numbered == listed


@_browser
def test_a_mixed_query_is_marked_and_linked_whole(page, server):
    """2023年: the snippets marked lone 年 (一年来) and the link went nowhere; a quoted phrase's
    pieces (民主 of 人民民主) were marked in titles."""
    page.goto(server)
    _search(page, "2023年")
    page.wait_for_function("() => !document.querySelector('.archive-search__snippet[aria-busy]')")
    marks = page.locator(".archive-search__snippet mark").all_inner_texts()
    assert marks and set(marks) == {"2023年"}, marks
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert all(unquote(h).endswith(",2023年") or ":~:text=2023年" in unquote(h) for h in hrefs), hrefs
    _search(page, '"协商民主"')
    page.wait_for_function("() => !document.querySelector('.archive-search__snippet[aria-busy]')")
    marks = page.locator(".md-search-result__item mark").all_inner_texts()
    assert marks and set(marks) == {"协商民主"}, marks
    _search(page, "6月14日")   # only in 北京答卷's dateline: marked in the result line's date
    assert page.locator(".archive-search__meta mark").all_inner_texts() == ["6月14日"]


@_browser
def test_quoted_phrase_is_checked_on_the_page_text(page, server, search_site):
    records = _records(search_site)
    page.goto(server)
    _search(page, '"政协委员"')
    before = _result_ids(page)
    by_id = {r["id"]: r for r in records}
    target = next(by_id[i] for i in before if "政协委员" not in by_id[i]["title"])

    def edit(route):
        resp = route.fetch()
        route.fulfill(response=resp, body=resp.text().replace("政协委员", "政协的委员"))
    page.route(server + target["url"], edit)
    page.goto(server)   # a fresh page: nothing cached in the client
    _search(page, '"政协委员"')
    after = _result_ids(page)
    assert target["id"] not in after and after
    for snippet in page.locator(".archive-search__snippet").all():
        assert "政协委员" in snippet.locator("mark").all_inner_texts()
    # Unquoted, the same article is still found (its index terms are unchanged).
    _search(page, "政协委员")
    assert target["id"] in _result_ids(page)


@_browser
def test_a_quoted_byline_is_shown_where_it_was_found(page, server, search_site):
    """A reporter's name in quotes finds the article she signed (the page's byline, not its text),
    and the result's snippet is that byline with the name marked; a caption's words likewise."""
    records = _records(search_site)
    signed = next(r for r in records for x in r["authors"] if x["name"] not in r["text"])
    name = next(x["name"] for x in signed["authors"] if x["name"] not in signed["text"])
    captioned = next(r for r in records for c in r["captions"] if c[:10] not in r["text"])
    words = next(c[:10] for c in captioned["captions"] if c[:10] not in captioned["text"])
    page.goto(server)
    for phrase, record in ((name, signed), (words, captioned)):
        assert record["title"] in _search(page, f'"{phrase}"'), phrase
        item = page.locator(".md-search-result__item").filter(has_text=record["title"]).first
        assert item.locator(".archive-search__snippet mark").all_inner_texts() == [phrase]

    # A long caption: the snippet is cut around the hit.  A page without body text: the byline still shows.
    def edit(route):
        resp = route.fetch()
        body = resp.text()
        if route.request.url.endswith(captioned["url"]):
            body = body.replace("<li>" + captioned["captions"][0][:10], "<li>" + "委员视察" * 60 + captioned["captions"][0][:10], 1)
        if route.request.url.endswith(signed["url"]):
            body = re.sub(r'<p id="?p\d+"?>.*?</p>', "", body, flags=re.S)
        route.fulfill(response=resp, body=body)
    page.route(server + captioned["url"], edit)
    page.route(server + signed["url"], edit)
    page.goto(server)   # a fresh page: nothing cached in the client
    for phrase, record in ((words, captioned), (name, signed)):
        assert record["title"] in _search(page, f'"{phrase}"'), phrase
        item = page.locator(".md-search-result__item").filter(has_text=record["title"]).first
        assert item.locator(".archive-search__snippet mark").all_inner_texts() == [phrase]


@_browser
def test_slow_pages_show_result_lines_first(chromium, server, search_site):
    files = {p.relative_to(search_site).as_posix(): p.read_bytes()
             for p in (search_site / "search").rglob("*") if p.is_file()}
    ctx, pg = _page(chromium, server)
    pg.goto(server)
    pg.locator("input.md-search__input").click()
    cdp = ctx.new_cdp_session(pg)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions",
             {"offline": False, "latency": 800, "downloadThroughput": -1, "uploadThroughput": -1})
    pg.fill("input.md-search__input", "郑州市政协")
    # Lines first (title, date, region), each snippet a placeholder until its page arrives.
    pg.wait_for_selector(".archive-search__snippet[aria-busy=true]", timeout=20000)
    assert pg.locator(".md-search-result__item h1").first.inner_text()
    _search(pg, "郑州市政协")
    assert not pg.locator(".archive-search__snippet[aria-busy]").count()
    assert pg.locator(".archive-search__snippet mark").count()
    # Then put in the final order (the verbatim-first ranking), as run_query has it.
    assert _result_ids(pg) == run_query(files, "郑州市政协", pages=search_site)["ids"]
    assert not pg.errors, pg.errors
    ctx.close()


@_browser
def test_article_text_is_never_html(page, server):
    evil = {"u": "a/000000000000/", "t": '<img src=x onerror="window.__xss=1">郑州', "d": "<b>2024</b>",
            "r": "<i>r</i>", "p": ["<u>t</u>"]}
    body = json.dumps(evil, ensure_ascii=False).encode()
    page.route("**/search/d/*.json*", lambda route: route.fulfill(status=200, body=body,
                                                                headers={"Content-Type": "application/json"}))
    # The article page is parsed, never inserted: only its paragraphs' text is used.
    article = ('<html><body><img src=x onerror="window.__xss=4"><script>window.__xss=5</script>'
               '<div class="md-content"><article class="md-content__inner"><p id=p1>政协&lt;b&gt;'
               '<script>window.__xss=2</script><img src=x onerror="window.__xss=3">&lt;/b&gt;</p>'
               '</article></div></body></html>')
    page.route("**/a/000000000000/", lambda route: route.fulfill(status=200, body=article.encode(),
                                                                 headers={"Content-Type": "text/html; charset=utf-8"}))
    page.goto(server)
    titles = _search(page, "政")
    assert titles[0].startswith("<img src=x")
    assert page.locator(".archive-search__snippet").first.inner_text() == "政协<b>window.__xss=2</b>"
    assert page.locator(".md-search-result__list img, .md-search-result__list script, .md-search-result__list b").count() == 0
    page.wait_for_timeout(200)
    assert page.evaluate("window.__xss") is None


def test_impact_rows_match_the_bm25_formula_in_python():
    """The numpy impact row gives the bytes of the plain Python formula it replaced (published
    indexes stay byte-identical), over document lengths and mean lengths of real corpora."""
    import random

    rng = random.Random(7)
    for _ in range(20_000):
        dl, avgdl = rng.randint(0, 40_000), rng.uniform(1.0, 12_000.0)
        k = search.K1 * (1 - search.B + search.B * dl / avgdl)
        assert search._impact_row(dl, avgdl) == [max(1, min(255, round(255 * tf / (tf + k)))) for tf in range(65)]
    # The rows of a worker's documents in one numpy pass are the same rows.
    for avgdl in (1.0, 17.2, 6123.77):
        lengths = [rng.randint(0, 40_000) for _ in range(2_000)] + [0, 1]
        rows = search._impact_rows(lengths, avgdl)
        assert [row.tolist() for row in rows] == [search._impact_row(dl, avgdl) for dl in lengths]
