"""Atom feeds: valid, newest first, capped, dated from git when the text has no date, escaped, stable."""
from __future__ import annotations

import os
import random
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from cppcc_archive import feeds
from cppcc_archive.feeds import MAX_ENTRIES, parse_name_status, render_feeds
from cppcc_archive.model import SUMMARY_CHARS, article_summary, summary
from cppcc_archive.tag.topics import load_taxonomy
from cppcc_archive.write import topic_slug

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SITE = "https://example.org/archive/"
A = "{http://www.w3.org/2005/Atom}"


def record(rid: str, *, date=None, source="s.txt", province="110000", county=None, topics=("政治协商",),
           title=None, text="正文。", authors=()):
    code = county or province
    return {
        "id": rid, "url": f"a/{rid}/", "title": title or f"标题{rid}", "text": text, "date": date, "date_text": None,
        "regions": [{"province": "北京市" if province == "110000" else "上海市", "prefecture": None,
                     "county": None, "code": code}],
        "topics": list(topics), "authors": [{"name": n, "role": r} for n, r in authors], "publisher": None,
        "source_file": source, "part": 0, "source_url": None, "page": None,
    }


def parse(xml: str, url: str | None = None):
    headers = {"content-location": url, "content-type": "application/atom+xml"} if url else None
    d = feedparser.parse(xml.encode("utf-8"), response_headers=headers)
    assert d.bozo == 0, d.get("bozo_exception")
    assert d.version == "atom10"
    return d


def git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false",
                    *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def no_git_above(tmp_path, monkeypatch):
    """tmp_path is never taken for part of an enclosing repository."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    return tmp_path


# ---------------------------------------------------------------- the seed corpus

def test_every_feed_of_the_seed_corpus_is_valid_atom(articles):
    files, entered = render_feeds(articles, SITE, SEEDS)
    assert "feeds/all.xml" in files
    provinces = {r["code"][:2] + "0000" for a in articles for r in a["regions"]}
    assert {p for p in files if p.startswith("feeds/province/")} == {f"feeds/province/{c}.xml" for c in provinces}
    topics = {t for t, _ in load_taxonomy().descriptions} | {t for a in articles for t in a["topics"]}
    assert {p for p in files if p.startswith("feeds/topic/")} == {f"feeds/topic/{topic_slug(t)}.xml" for t in topics}
    in_feeds = {a["id"] for a in articles if a["date"]} | set(entered)
    for path, xml in files.items():
        d = parse(xml)
        assert d.feed.id.startswith("tag:")
        assert d.feed.links[0].href == SITE + path  # rel=self
        stamps = [e.updated_parsed for e in d.entries]
        assert stamps == sorted(stamps, reverse=True), path
        assert len({e.id for e in d.entries}) == len(d.entries) <= MAX_ENTRIES
        for e in d.entries:
            rid = e.id.rsplit("/", 1)[1]
            assert rid in in_feeds
            assert e.link == f"{SITE}a/{rid}/"
    assert len(parse(files["feeds/all.xml"]).entries) == min(MAX_ENTRIES, len(in_feeds))


# ---------------------------------------------------------------- counts, order, cap

def test_counts_order_and_cap(no_git_above):
    recs = []
    for i in range(70):
        province = "110000" if i % 2 else "310000"
        topics = ("政治协商",) if i % 3 else ("提案工作", "民主监督")
        recs.append(record(f"{i:012x}", date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", province=province,
                           topics=topics))
    files, entered = render_feeds(recs, SITE, no_git_above)
    assert entered == {}
    expect = sorted(recs, key=lambda r: (r["date"], r["id"]), reverse=True)

    d = parse(files["feeds/all.xml"])
    assert [e.id for e in d.entries] == [feeds.TAG_PREFIX + "article/" + r["id"] for r in expect[:MAX_ENTRIES]]
    assert d.feed.updated == expect[0]["date"] + "T00:00:00+08:00"

    bj = parse(files["feeds/province/110000.xml"])
    want = [r for r in expect if r["regions"][0]["code"] == "110000"]
    assert len(bj.entries) == min(MAX_ENTRIES, len(want)) == 35
    assert [e.id.rsplit("/", 1)[1] for e in bj.entries] == [r["id"] for r in want]
    assert bj.feed.title == "政协文库 · 北京市"

    t = parse(files[f"feeds/topic/{topic_slug('提案工作')}.xml"])
    assert len(t.entries) == sum(1 for r in recs if "提案工作" in r["topics"])
    assert t.feed.title == "政协文库 · 主题：提案工作"
    # A topic without articles still has a (valid, empty) feed, so its page can link it.
    empty = parse(files[f"feeds/topic/{topic_slug('文史资料')}.xml"])
    assert empty.entries == [] and empty.feed.updated == feeds.EMPTY_UPDATED


def test_a_county_counts_for_its_province_once(no_git_above):
    r = record("000000000001", date="2024-01-01")
    r["regions"] = [{"province": "北京市", "prefecture": None, "county": "东城区", "code": "110101"},
                    {"province": "北京市", "prefecture": None, "county": "西城区", "code": "110102"}]
    files, _ = render_feeds([r], SITE, no_git_above)
    assert len(parse(files["feeds/province/110000.xml"]).entries) == 1
    assert not any(p.startswith("feeds/province/1101") for p in files)


# ---------------------------------------------------------------- dates from git

def test_undated_articles_use_the_day_their_seed_was_first_committed(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    repo = tmp_path / "repo"
    seeds = repo / "seeds"
    (seeds / "sub").mkdir(parents=True)
    git(repo, "init", "-q")
    (seeds / "a.txt").write_text("a", encoding="utf-8")
    (seeds / "sub" / "中 文.txt").write_text("b", encoding="utf-8")
    (seeds / "old.txt").write_text("c", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first", date="2024-05-06T10:00:00+08:00")
    (seeds / "a.txt").write_text("a changed", encoding="utf-8")  # a later change keeps the first day
    git(repo, "mv", "seeds/old.txt", "seeds/renamed.txt")          # a rename keeps it too (like --follow)
    (seeds / "b.txt").write_text("b", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "second", date="2025-01-02T09:00:00+08:00")
    (seeds / "untracked.txt").write_text("u", encoding="utf-8")

    recs = [record("0000000000aa", source="a.txt"), record("0000000000bb", source="b.txt"),
            record("0000000000cc", source="sub/中 文.txt"), record("0000000000dd", source="renamed.txt"),
            record("0000000000ee", source="untracked.txt"),
            record("0000000000ff", source="b.txt", date="2023-07-08")]
    files, entered = render_feeds(recs, "", seeds)
    assert entered == {"0000000000aa": "2024-05-06", "0000000000bb": "2025-01-02",
                       "0000000000cc": "2024-05-06", "0000000000dd": "2024-05-06"}
    d = parse(files["feeds/all.xml"])
    got = [(e.id.rsplit("/", 1)[1], e.updated[:10], "published" in e) for e in d.entries]
    # Newest first; the dated article keeps its own date (and a <published>); the uncommitted seed's
    # article has no known date and is left out rather than given the build time.
    assert got == [("0000000000bb", "2025-01-02", False), ("0000000000dd", "2024-05-06", False),
                   ("0000000000cc", "2024-05-06", False), ("0000000000aa", "2024-05-06", False),
                   ("0000000000ff", "2023-07-08", True)]
    # Byte-identical on a rebuild, whatever the order of the records.
    shuffled = recs[:]
    random.Random(1).shuffle(shuffled)
    assert render_feeds(shuffled, "", seeds) == (files, entered)


def test_same_day_entries_follow_the_month_and_day_of_their_text(tmp_path, monkeypatch):
    """Articles whose seeds entered the archive the same day are newest first by the month and day
    their text gives (12月28日, 12月27日, 6月14日, then none; before: by id), and each entry's
    summary names that date, since <updated> is the day it entered the archive."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    repo = tmp_path / "repo"
    seeds = repo / "seeds"
    seeds.mkdir(parents=True)
    git(repo, "init", "-q")
    (seeds / "s.txt").write_text("s", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first", date="2024-05-06T10:00:00+08:00")
    recs = [record(f"{i:012x}") | {"date_text": t} for i, t in enumerate(["6月14日", None, "12月27日", "12月28日"])]
    d = parse(render_feeds(recs, "", seeds)[0]["feeds/all.xml"])
    assert [e.id[-1] for e in d.entries] == ["3", "2", "0", "1"]
    assert d.entries[0].summary.startswith("（原文日期：12月28日，未注明年份）正文")
    assert d.entries[-1].summary == "正文。"


def test_outside_git_undated_articles_are_left_out(no_git_above):
    recs = [record("0000000000aa"), record("0000000000bb", date="2024-02-03")]
    files, entered = render_feeds(recs, SITE, no_git_above)
    assert entered == {}
    assert [e.id.rsplit("/", 1)[1] for e in parse(files["feeds/all.xml"]).entries] == ["0000000000bb"]


def test_parse_name_status_handles_renames_re_adds_and_odd_names():
    out = ("@2024-01-02\0\nA\0a.txt\0A\0x y/中 文.txt\0"
           "@2024-02-03\0\nR087\0a.txt\0b.txt\0A\0line\nbreak.txt\0"
           "@2024-03-04\0\nA\0a.txt\0")  # a.txt added again later keeps its first day
    assert parse_name_status(out) == {"a.txt": "2024-01-02", "x y/中 文.txt": "2024-01-02", "b.txt": "2024-01-02",
                                      "line\nbreak.txt": "2024-02-03"}
    assert parse_name_status("") == {}


# ---------------------------------------------------------------- links and ids

def test_links_are_relative_without_site_url_and_ids_never_change(no_git_above):
    recs = [record("0000000000aa", date="2024-01-01")]
    rel, _ = render_feeds(recs, "", no_git_above)
    absolute, _ = render_feeds(recs, "https://example.org/archive", no_git_above)  # slash added
    root = ET.fromstring(rel["feeds/all.xml"])
    assert root.find(f"{A}entry/{A}link").get("href") == "../a/0000000000aa/"
    assert root.find(f"{A}link[@rel='alternate']").get("href") == "../"
    prov = ET.fromstring(rel["feeds/province/110000.xml"])
    assert prov.find(f"{A}entry/{A}link").get("href") == "../../a/0000000000aa/"
    assert prov.find(f"{A}link[@rel='alternate']").get("href") == "../../regions/110000/"
    # Resolved against the feed's own address, the relative links reach the pages.
    d = parse(rel["feeds/province/110000.xml"], url="https://mirror.example/x/feeds/province/110000.xml")
    assert d.entries[0].link == "https://mirror.example/x/a/0000000000aa/"
    a = parse(absolute["feeds/all.xml"])
    assert a.entries[0].link == "https://example.org/archive/a/0000000000aa/"
    assert a.entries[0].id == parse(rel["feeds/all.xml"]).entries[0].id == "tag:cppcc-archive,2026:article/0000000000aa"


# ---------------------------------------------------------------- untrusted text

HOSTILE = '<script>alert("x")</script> & \'q\' ]]> <![CDATA[ x ]]> &amp; \x01\x0b\ud800\ufffe end'


def test_hostile_text_is_escaped_and_plain(no_git_above):
    r = record("0000000000aa", date="2024-01-01", title=HOSTILE, text="<b>粗体</b> &lt;i&gt; " + HOSTILE,
               authors=[('"><img src=x onerror=alert(1)>', "记者"), ("编辑甲", "编辑")], topics=("A&B<c>\"",))
    files, _ = render_feeds([r], SITE, no_git_above)
    xml = files["feeds/all.xml"]
    for bad in ("<script", "<img", "<b>", "<![CDATA[", "\x01", "\x0b", "\ufffe"):
        assert bad not in xml
    ET.fromstring(xml.encode("utf-8"))  # well-formed
    xml.encode("utf-8")  # no lone surrogate left
    d = parse(xml)
    e = d.entries[0]
    clean = '<script>alert("x")</script> & \'q\' ]]> <![CDATA[ x ]]> &amp; end'
    assert e.title == clean and e.title_detail.type == "text/plain"
    assert e.summary_detail.type == "text/plain" and e.summary.startswith("<b>粗体</b> &lt;i&gt; <script>")
    assert [a.name for a in e.authors] == ['"><img src=x onerror=alert(1)>（记者）']
    assert e.contributors[0].name == "编辑甲（编辑）"
    assert e.tags[0].term == 'A&B<c>"'
    # The topic outside the taxonomy still gets its feed, named by the hashed slug.
    assert f"feeds/topic/{topic_slug(chr(65) + '&B<c>' + chr(34))}.xml" in files


def test_a_news_leads_date_is_not_a_publication_date():
    """本报讯（记者…）2024年6月13日，… dates the event: the feed dates the entry by the day its seed
    entered the archive, gives no <published>, and the article gets that 收录日期 as an undated one
    does (a review: it had none, and was cited without a date at all)."""
    lead = {**record("0000000000aa", date="2024-06-13", source="a.txt"), "date_source": "lead"}
    paper = {**record("0000000000bb", date="2024-06-13", source="b.txt"), "date_source": "front_matter"}
    first = {"a.txt": "2025-03-01", "b.txt": "2025-03-01"}
    files, entered = render_feeds([lead, paper], SITE, Path("seeds"), first=first)
    assert entered == {"0000000000aa": "2025-03-01"}
    entries = {e.id.rsplit("/", 1)[1]: e for e in parse(files["feeds/all.xml"]).entries}
    assert "published" not in entries["0000000000aa"] and entries["0000000000aa"].updated.startswith("2025-03-01")
    assert entries["0000000000bb"].published.startswith("2024-06-13")


def test_long_text_is_cut_into_a_summary(no_git_above):
    r = record("0000000000aa", date="2024-01-01", text="字" * 500 + "\n\n第二段")
    files, _ = render_feeds([r], SITE, no_git_above)
    s = parse(files["feeds/all.xml"]).entries[0].summary
    assert s == "字" * SUMMARY_CHARS + "……"


def test_summary_from_a_head_of_the_text_equals_the_whole_texts():
    """``summary`` cleans and splits only a head of a long text; on texts of every shape (long
    first paragraphs, runs of whitespace at the cut, characters XML drops) it gives what the whole
    text gives."""
    import random

    from cppcc_archive.feeds import _clean

    def whole(text):
        flat = " ".join(_clean(text).split())
        return flat if len(flat) <= SUMMARY_CHARS else flat[:SUMMARY_CHARS].rstrip() + "……"

    rnd = random.Random(7)
    pieces = ["政协委员", "协商议政", " ", "\n", "\n\n", "   ", "\x0b", "\x01", "GDP", "，", "。"]
    checked = 0
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) * rnd.choice((1, 1, 1, 5, 80)) for _ in range(rnd.randrange(0, 400)))
        assert summary(text) == whole(text), repr(text[:200])
        checked += len(text) > 4 * SUMMARY_CHARS
    assert checked > 1000


def test_an_articles_summary_from_its_first_paragraphs_equals_the_whole_texts():
    """The build makes each feed summary from the first paragraphs (``Article.text_head``), not the
    whole text; on articles of every shape (headings, short and long paragraphs, whitespace and
    characters XML drops at the cut, texts shorter than the head) it is what the whole text gives."""
    import random

    from cppcc_archive.model import Article

    rnd = random.Random(11)
    pieces = ["政协委员", "协商议政", " ", "   ", "\x01", "GDP", "，", "。"]
    for _ in range(2000):
        paragraphs = tuple(
            rnd.choice(("", "", "## ", "### ")) + "".join(rnd.choice(pieces) * rnd.choice((1, 1, 5, 60))
                                                          for _ in range(rnd.randrange(0, 60)))
            for _ in range(rnd.randrange(0, 30)))
        a = Article(source_file="x.txt", part=1, title="t", title_derived=False, paragraphs=paragraphs,
                    script="simplified")
        head, whole = a.text_head(100)
        assert a.text.startswith(head) and (head == a.text) == whole
        assert article_summary(a) == summary(a.text), repr(paragraphs[:3])


def test_listing_records_give_the_feeds_and_the_csv_of_whole_records():
    """The build makes the feeds and the CSV from ``write.listing_record`` (the fields they read),
    with each summary made from the article when a feed shows it; on the seeds they equal those
    made from whole records."""
    from cppcc_archive import pipeline, write

    arts, _ = pipeline.assemble(pipeline.gather(Path(__file__).resolve().parent.parent / "seeds"))
    whole, listing = [write.article_record(a, "https://example.org/seeds/") for a in arts], []
    for a, full in zip(arts, whole):
        r = write.listing_record(a, "https://example.org/seeds/")
        assert r == {k: full[k] for k in write.LISTING_FIELDS}
        assert article_summary(a) == summary(a.text)
        listing.append(r)
    by_id, asked = {a.id: a for a in arts}, []

    def summarize(r):
        asked.append(r["id"])
        return article_summary(by_id[r["id"]])

    first = {a.source_file: "2025-06-01" for a in arts}   # undated articles enter the feeds too
    made = render_feeds(listing, "https://example.org/wenku/", Path("seeds"), first=first, summarize=summarize)
    assert made == render_feeds(whole, "https://example.org/wenku/", Path("seeds"), first=first)
    assert sum(xml.count("<entry>") for xml in made[0].values()) > len(arts)
    assert sorted(asked) == sorted(by_id)   # every article is in a feed here, and summarised once
    assert write.articles_csv(listing) == write.articles_csv(whole)


def test_a_summary_is_made_only_for_the_articles_a_feed_shows(monkeypatch):
    """Each feed holds the newest ``MAX_ENTRIES``: the summaries of older articles are never made
    (at 10,000 seeds making every summary was a fifth of the feeds worker's time)."""
    monkeypatch.setattr(feeds, "MAX_ENTRIES", 2)
    recs = [{"id": f"{i:012x}", "title": f"标题{i}", "date": f"2024-03-{i + 1:02d}", "topics": ["协商议政"],
             "regions": [{"province": "北京市", "prefecture": None, "county": None, "code": "110000"}],
             "source_file": f"{i}.txt", "text": "正文"} for i in range(6)]
    asked = []
    files, _ = render_feeds(recs, "", Path("seeds"), first={},
                            summarize=lambda r: asked.append(r["id"]) or f"摘要{r['id']}")
    assert sorted(asked) == ["000000000004", "000000000005"]   # the two newest, once each
    assert "摘要000000000005" in files["feeds/all.xml"] and "摘要000000000003" not in files["feeds/all.xml"]
