"""“引用本文”: GB/T 7714 text, BibTeX and CSL-JSON; escaped for BibTeX and for the page."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import markdown
import pytest

from cppcc_archive.cite import bibtex_escape, citation, citation_markdown, is_web_outlet

SITE = "https://example.org/archive/"
HOSTILE = '<script>alert("x")</script> & {50%} #1 _a_ \\end $x^2~ \'q\' [l](http://x) {: .c } `c`'


def record(**kw) -> dict:
    r = {"id": "0123456789ab", "url": "a/0123456789ab/", "title": "北京市政协召开全体会议", "text": "正文。",
         "date": "2024-06-14", "date_text": "6月14日", "regions": [], "topics": [],
         "authors": [{"name": "王泳", "role": "记者"}, {"name": "李木元", "role": "记者"}, {"name": "罗文", "role": "编辑"}],
         "publisher": "人民政协报", "source_file": "x.txt", "page": "第3版", "source_url": None}
    r.update(kw)
    return r


# ---------------------------------------------------------------- GB/T 7714 text

def test_text_follows_gbt_7714_for_a_newspaper_article():
    c = citation(record(), SITE, None)
    assert c["text"] == ("王泳, 李木元. 北京市政协召开全体会议[N/OL]. 人民政协报, 2024-06-14(3). "
                         "https://example.org/archive/a/0123456789ab/.")
    # Without the site's address and without an original URL there is no URL and no /OL.
    assert citation(record(), "", None)["text"] == "王泳, 李木元. 北京市政协召开全体会议[N]. 人民政协报, 2024-06-14(3)."


def test_authors_first_three_then_deng_or_anonymous():
    many = [{"name": n, "role": "记者"} for n in ("甲", "乙", "丙", "丁")]
    assert citation(record(authors=many), "", None)["text"].startswith("甲, 乙, 丙, 等. ")
    only_editor = [{"name": "罗文", "role": "编辑"}, {"name": "杨潇", "role": "摄影"}]
    assert citation(record(authors=only_editor), "", None)["text"].startswith("佚名. ")


def test_undated_articles_state_it_and_carry_the_entered_day():
    c = citation(record(date=None, date_text=None, page=None, publisher=None), SITE, "2026-11-23")
    # No publisher named: the standard's mark, never the archive posing as the outlet.  The entered
    # day is a note in BibTeX and CSL-JSON; in the GB/T text the bracket after the date is the reader's.
    assert "[N/OL]. [出版者不详], 出版日期不详. https://" in c["text"]
    assert "journal = {[出版者不详]}" in c["bibtex"]
    assert "container-title" not in json.loads(c["csl_json"])[0]
    partial = citation(record(date=None, page=None), "", "2026-11-23")
    assert partial["text"].endswith("人民政协报, [出版年不详]6月14日.")  # no year is invented, nor implied
    assert "收录日期：2026-11-23" in partial["bibtex"]
    item = json.loads(partial["csl_json"])[0]
    assert item["issued"] == {"literal": "6月14日"} and item["note"] == "收录日期：2026-11-23"
    # A dated article never mentions the entered day.
    assert "收录" not in citation(record(), SITE, "2026-11-23")["text"]


def test_a_news_leads_full_date_is_the_events_not_the_papers():
    """本报讯（记者 王泳）2024年6月13日，… dates the meeting; the paper's day is not known."""
    c = citation(record(date="2024-06-13", date_text="2024年6月13日", date_source="lead"), SITE, "2026-11-23")
    assert "人民政协报, 出版日期不详(3). https://" in c["text"]
    assert "year =" not in c["bibtex"] and "date =" not in c["bibtex"]
    assert "出版日期不详；文中所记事件日期：2024-06-13；收录日期：2026-11-23；政协文库收录" in c["bibtex"]
    item = json.loads(c["csl_json"])[0]
    assert "issued" not in item and item["note"] == "文中所记事件日期：2024-06-13；收录日期：2026-11-23"
    # A dateline's or the front matter's date is cited as before.
    for source in ("dateline", "front_matter", None):
        assert "人民政协报, 2024-06-14(3)." in citation(record(date_source=source), SITE, None)["text"]


def test_a_website_s_article_is_cited_as_online_news_not_as_a_newspaper_s(articles):
    """Seed 004 is from 人民政协网 (its dateline: 人民政协网北京6月14日电) and seed 002 from
    中国西藏新闻网 (its copyright line): websites, cited as GB/T 7714's electronic bulletin [EB/OL] with
    the date in parentheses, biblatex's @online and CSL's webpage, never as a newspaper [N] (a review)."""
    by_publisher = {a["publisher"]: a for a in articles if a["publisher"]}
    assert set(by_publisher) == {"人民政协网", "中国西藏新闻网"}
    rmzx = citation(by_publisher["人民政协网"], SITE, None, "2027-01-05")
    assert rmzx["text"] == ("包松娅. 为展现新时代首都政协新作为汇聚力量——贯彻落实中央政协工作会议精神的北京答卷[EB/OL]. "
                            "人民政协网, ([出版年不详]6月14日)[2027-01-05]. "
                            f"https://example.org/archive/{by_publisher['人民政协网']['url']}.")
    assert rmzx["bibtex"].startswith("@online{") and "organization = {人民政协网}" in rmzx["bibtex"]
    assert "journal" not in rmzx["bibtex"] and "entrysubtype" not in rmzx["bibtex"]
    item = json.loads(rmzx["csl_json"])[0]
    assert item["type"] == "webpage" and item["container-title"] == "人民政协网"
    xz = citation(by_publisher["中国西藏新闻网"], "", None)["text"]
    assert "[EB]. 中国西藏新闻网, 出版日期不详." in xz and "[N" not in xz   # no URL known: no /OL
    # A dated web item: its date in parentheses, and a newspaper page (版次) a website has not is left out.
    dated = citation(record(publisher="人民政协网"), SITE, None)["text"]
    assert "[EB/OL]. 人民政协网, (2024-06-14). https://" in dated
    # A WeChat account's post is online only, whatever the account's name (a second review).
    wechat = citation(record(publisher="江苏政协", page=None, source_url="https://mp.weixin.qq.com/s/abc"), "", None)
    assert "[EB/OL]. 江苏政协, (2024-06-14). https://mp.weixin.qq.com/s/abc." in wechat["text"]
    assert json.loads(wechat["csl_json"])[0]["type"] == "webpage"
    # A newspaper stays a newspaper, and a name merely holding 网 is not a website's.
    assert "[N/OL]. 人民政协报, 2024-06-14(3). " in citation(record(), SITE, None)["text"]
    assert not is_web_outlet(record(publisher="网络安全报")) and is_web_outlet(record(publisher="澎湃新闻客户端"))


def test_a_title_the_source_did_not_give_is_bracketed(articles):
    """A title made from the text's first sentence (the source gave none) was cited as the article's
    own; it is in square brackets, the mark of a devised title, in all three forms (seed 003's
    有多少游客来到新疆只为一览塞北大漠风光, and a hostile one)."""
    derived = [a for a in articles if a["title_derived"]]
    assert derived
    for a in derived:
        c = citation(a, SITE, None)
        assert f". [{a['title']}][{'EB' if is_web_outlet(a) else 'N'}/OL]. " in c["text"], c["text"]
        assert "title = {{[" in c["bibtex"] and json.loads(c["csl_json"])[0]["title"] == f"[{a['title']}]"
    assert ". 北京市政协召开全体会议[N/OL]. " in citation(record(), SITE, None)["text"]   # a title of its own: as it is
    hostile = citation(record(title=HOSTILE, title_derived=True), SITE, None)
    assert "title = {{[" in hostile["bibtex"] and json.loads(hostile["csl_json"])[0]["title"].startswith("[<script>")


def test_a_citation_with_a_url_names_the_day_the_reader_consulted_it():
    """GB/T 7714-2015 gives an online resource its 引用日期 after the date; biblatex has urldate, CSL
    accessed.  Without a URL there is nothing consulted online, and no such date."""
    c = citation(record(), SITE, None, "2027-01-05")
    assert c["text"] == ("王泳, 李木元. 北京市政协召开全体会议[N/OL]. 人民政协报, 2024-06-14(3)[2027-01-05]. "
                         "https://example.org/archive/a/0123456789ab/.")
    assert bib_fields(c["bibtex"])["urldate"] == "2027-01-05"
    assert json.loads(c["csl_json"])[0]["accessed"] == {"date-parts": [[2027, 1, 5]]}
    offline = citation(record(), "", None, "2027-01-05")
    assert "2027" not in offline["text"] + offline["bibtex"] + offline["csl_json"]
    undated = citation(record(date=None, date_text=None, page=None), SITE, "2026-11-23", "2027-01-05")["text"]
    assert "人民政协报, 出版日期不详[2027-01-05]. https://" in undated


def test_the_page_leaves_the_reader_s_day_to_its_script_and_is_complete_without_it():
    """The block has one empty slot a form (archive.js fills it; the browser test checks what it
    writes); without the script every form is the citation with no such date, BibTeX and CSL-JSON
    still valid."""
    block = citation_markdown(record(), SITE, None)
    assert [m.group(1) for m in re.finditer(r'<span class="cite-accessed" data-format="(\w+)"></span>', block)] == [
        "text", "bibtex", "csl"]
    p = _Codes()
    p.feed(block)
    plain = citation(record(), SITE, None)
    assert p.codes == [plain["text"], plain["bibtex"].rstrip("\n"), plain["csl_json"]]
    assert "urldate" not in bib_fields(p.codes[1]) and "accessed" not in json.loads(p.codes[2])[0]
    assert "cite-accessed" not in citation_markdown(record(), "", None)   # no URL: no slot


def test_citations_are_deterministic():
    assert citation(record(), SITE, None) == citation(record(), SITE, None)


def test_original_url_is_used_without_site_url_and_only_if_http():
    c = citation(record(source_url="http://www.rmzxb.com.cn/c/2024-06-14/1.shtml"), "", None)
    assert c["text"].endswith("[N/OL]. 人民政协报, 2024-06-14(3). http://www.rmzxb.com.cn/c/2024-06-14/1.shtml.")
    assert "javascript" not in citation(record(source_url="javascript:alert(1)"), "", None)["text"]
    odd = citation(record(source_url='http://e.com/a b{c}"<x>'), "", None)
    assert odd["text"].endswith(" http://e.com/a%20b%7Bc%7D%22%3Cx%3E.")
    # The archive page wins when the site's address is known.
    assert citation(record(source_url="http://e.com/"), SITE, None)["text"].endswith("/a/0123456789ab/.")


# ---------------------------------------------------------------- BibTeX

def bib_fields(entry: str) -> dict[str, str]:
    """Split an entry the way BibTeX does: every brace counts, backslash or not."""
    head, rest = entry.split(",\n", 1)
    assert re.fullmatch(r"@article\{cppcc-[0-9a-f]{12}", head)
    fields, i = {}, 0
    while True:
        m = re.compile(r"\s*(\w[\w-]*) = \{").match(rest, i)
        if not m:
            break
        depth, j = 1, m.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(rest[j], 0)
            j += 1
        fields[m.group(1)] = rest[m.end():j - 1]
        i = j + 1 if rest[j:j + 1] == "," else j
    assert rest[i:].strip() == "}", rest[i:]
    return fields


UNESCAPE = [(r"\textbackslash{}", "\\"), (r"\textbraceleft{}", "{"), (r"\textbraceright{}", "}"),
            (r"\textasciicircum{}", "^"), (r"\textasciitilde{}", "~"), ("\\%", "%"), ("\\&", "&"), ("\\#", "#"),
            ("\\_", "_"), ("\\$", "$")]


def unescape(s: str) -> str:
    out, i = [], 0
    while i < len(s):
        for esc, ch in UNESCAPE:
            if s.startswith(esc, i):
                out.append(ch)
                i += len(esc)
                break
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def test_bibtex_escapes_every_special_character():
    names = [{"name": "A} and {B", "role": "作者"}, {"name": "C_D%", "role": "记者"}]
    bib = citation(record(title=HOSTILE, authors=names, publisher="报#&"), SITE, None)["bibtex"]
    f = bib_fields(bib)
    assert f["title"].startswith("{") and f["title"].endswith("}")
    title = f["title"][1:-1]
    # Nothing special is left bare: every % & # _ $ has its backslash, every \ starts one of our commands.
    assert not re.search(r"(?<!\\)[%&#_$^~]", title.replace(r"\textasciicircum{}", "").replace(r"\textasciitilde{}", ""))
    assert not re.search(r"\\(?!textbackslash\{\}|textbrace(left|right)\{\}|textascii(circum|tilde)\{\}|[%&#_$])", title)
    assert unescape(title) == HOSTILE
    assert f["author"] == r"{A\textbraceright{} and \textbraceleft{}B} and {C\_D\%}"
    assert f["journal"] == r"报\#\&"
    assert f["date"] == "2024-06-14" and f["year"] == "2024" and f["month"] == "6" and f["pages"] == "3"
    assert f["url"] == "https://example.org/archive/a/0123456789ab/"


@pytest.mark.parametrize("ch", list("{}%&#_\\$^~"))
def test_bibtex_escape_each_character(ch):
    out = bibtex_escape(f"a{ch}b")
    assert out != f"a{ch}b" and unescape(out) == f"a{ch}b"
    assert out.count("{") == out.count("}")


def test_bibtex_url_field_cannot_break_the_entry():
    bib = citation(record(source_url="http://e.com/x}y{z\\w"), "", None)["bibtex"]
    assert bib_fields(bib)["url"] == "http://e.com/x%7Dy%7Bz%5Cw"


# ---------------------------------------------------------------- CSL-JSON

def test_csl_json_round_trips_hostile_strings():
    c = citation(record(title=HOSTILE, authors=[{"name": '"}]', "role": "作者"}]), SITE, None)
    items = json.loads(c["csl_json"])
    assert len(items) == 1
    item = items[0]
    assert item["type"] == "article-newspaper" and item["id"] == "cppcc-0123456789ab"
    assert item["title"] == HOSTILE and item["author"] == [{"literal": '"}]'}]
    assert item["issued"] == {"date-parts": [[2024, 6, 14]]}
    assert item["container-title"] == "人民政协报" and item["page"] == "3"
    assert item["URL"] == "https://example.org/archive/a/0123456789ab/"


# ---------------------------------------------------------------- the page block

class _Codes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.codes, self.tags, self._in = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "code":
            self._in = True
            self.codes.append("")

    def handle_endtag(self, tag):
        if tag == "code":
            self._in = False

    def handle_data(self, data):
        if self._in:
            self.codes[-1] += data


def test_markdown_block_shows_exactly_the_citations_and_no_markup_from_the_seed():
    r = record(title=HOSTILE, authors=[{"name": "<img src=x onerror=alert(1)>", "role": "记者"}])
    block = citation_markdown(r, SITE, None)
    assert "<script" not in block and "<img" not in block
    assert block.startswith('<details class="cite" data-search-exclude>')  # not in the search index
    # Rendered with the site's Markdown extensions, the raw HTML block passes untouched.
    html = markdown.markdown("正文\n\n" + block + "\n后文\n", extensions=["attr_list", "admonition", "tables", "toc"])
    p = _Codes()
    p.feed(html)
    c = citation(r, SITE, None)
    assert p.codes == [c["text"], c["bibtex"].rstrip("\n"), c["csl_json"]]
    assert "script" not in p.tags and "img" not in p.tags and "a" not in p.tags
    assert html.count("<details") == 1 and "<summary>引用本文</summary>" in html
    assert "<p>后文</p>" in html


def test_a_devised_title_is_in_brackets_wherever_the_article_is_listed(seed_build, articles):
    """Seed 003's 有多少游客来到新疆只为一览塞北大漠风光 and seed 004's 广大政协委员要坚持为国履职… are
    the texts' first sentences: the lists, the search results and the feeds show them in ［］, as the
    citations do, and a headline the source gave as it is."""
    import re

    docs = seed_build / "docs"
    pages = {p: p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    items = [json.loads(p.read_text(encoding="utf-8")) for p in (docs / "search" / "d").glob("*.json")]   # one a file
    feed = (docs / "feeds" / "all.xml").read_text(encoding="utf-8")
    derived = {a["id"] for a in articles if a["title_derived"]}
    assert len(derived) == 2
    for a in articles:
        link = re.compile(r"\[((?:\\.|[^\]\\])*)\]\((?:\.\./)*a/" + a["id"] + r"\.md\)")
        labels = [m.group(1) for text in pages.values() for m in link.finditer(text)]
        shown = [i["t"] for i in items if i["u"] == a["url"]]
        assert labels and shown, a["id"]
        bracketed = a["id"] in derived
        assert all(label.startswith("［") == bracketed and label.endswith("］") == bracketed for label in labels), labels
        assert shown == [f"［{a['title']}］" if bracketed else a["title"]]
        assert (f"<title type=\"text\">［{a['title']}］</title>" in feed) == bracketed
    import csv

    # A page that lists a devised title says what the brackets mean, once, under its text; no other does.
    for path, text in pages.items():
        if path.name != "about.md":
            linked = set(re.findall(r"\]\((?:\.\./)*a/([0-9a-f]{12})\.md\)", text))
            assert text.count("［］中的标题由本馆据正文第一句拟定（原文没有标题）。") == (1 if linked & derived else 0), path
    rows = list(csv.DictReader((docs / "articles.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert {r["id"] for r in rows if r["title_derived"] == "true"} == derived
    assert {r["title_derived"] for r in rows} == {"true", "false"}


def test_a_source_s_own_headline_in_brackets_is_not_explained_as_devised(tmp_path, seeds_copy):
    """A newspaper's column name is often a headline in ［］ (［两会声音］): set by a curator as an
    article's own title, it is listed as it is, not flagged in the search documents, and a page
    listing it gains no legend for it (a review: the scripts guessed from the brackets)."""
    from conftest import run_build

    from cppcc_archive import write

    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    arts = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    own = next(a for a in arts if not a["title_derived"] and a["source_file"].startswith("000_"))
    (seeds_copy / "curation.yaml").write_text(
        f"{own['source_file']}:\n  articles:\n    {own['part']}:\n      title: \"［两会声音］\"\n", encoding="utf-8")
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    docs = out / "docs"
    line = f"1. [［两会声音］](../a/{own['id']}.md)"
    assert line in (docs / "sources" / "index.md").read_text(encoding="utf-8")
    devised = frozenset(a["id"] for a in arts if a["title_derived"])
    assert write.with_devised_legend(line + "\n", devised) == line + "\n"
    items = [json.loads(p.read_text(encoding="utf-8")) for p in (docs / "search" / "d").glob("*.json")]
    mine = next(i for i in items if i["u"] == own["url"])
    assert mine["t"] == "［两会声音］" and "v" not in mine
    assert {i["u"] for i in items if i.get("v") == 1} == {a["url"] for a in arts if a["title_derived"]}
