"""The build's contract: --seeds/--out layout, articles.json and report.json fields."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from conftest import SEEDS, run_build

REQUIRED = {"id", "url", "title", "source_file", "part", "also_in", "regions", "level", "topics", "topic_cues",
            "keywords", "date", "date_text", "authors", "publisher", "source_url", "rights", "script", "text", "changes"}


def test_out_layout(seed_build):
    for rel in ("docs/index.md", "docs/about.md", "site/index.html", "articles.json", "report.json", "mkdocs.yml",
                "site/articles.json", "site/report.json", "site/404.html"):
        assert (seed_build / rel).exists(), rel


def test_articles_fields_and_order(articles):
    assert [a["id"] for a in articles] == sorted(a["id"] for a in articles)
    for a in articles:
        assert REQUIRED <= set(a), REQUIRED - set(a)
        assert re.fullmatch(r"a/[0-9a-f]{12}/", a["url"])
        assert a["script"] in ("simplified", "traditional")
        assert a["level"] in (None, "全国", "省", "市", "县")
        for r in a["regions"]:
            assert set(r) == {"province", "prefecture", "county", "code"}
        if a["date"]:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", a["date"])


def test_every_seed_is_represented(articles, report):
    names = {p.name for p in SEEDS.iterdir() if p.is_file()}
    assert {a["source_file"] for a in articles} == names
    assert {f["file"] for f in report["files"]} == names
    assert report["totals"]["articles"] == len(articles)


def test_no_date_is_invented(articles):
    # No seed states a year, so no article may carry an ISO date.
    assert all(a["date"] is None for a in articles)
    assert any(a["date_text"] == "6月14日" for a in articles)


def test_each_article_has_a_page(seed_build, articles):
    for a in articles:
        assert (seed_build / "site" / a["url"] / "index.html").exists()


def test_ids_stable_when_other_seeds_change(tmp_path, articles):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    one = sorted(SEEDS.iterdir())[1]
    (seeds / one.name).write_bytes(one.read_bytes())
    out = tmp_path / "out"
    assert run_build(seeds, out, "--no-site") == 0
    alone = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    full = {a["id"]: a["url"] for a in articles if a["source_file"] == one.name}
    assert {a["id"]: a["url"] for a in alone} == full


def test_deterministic(tmp_path, seed_build):
    out = tmp_path / "again"
    assert run_build(SEEDS, out, "--no-site") == 0
    for rel in ("articles.json", "report.json"):
        assert (out / rel).read_bytes() == (seed_build / rel).read_bytes()
    a = sorted(p.relative_to(out / "docs") for p in (out / "docs").rglob("*") if p.is_file())
    b = sorted(p.relative_to(seed_build / "docs") for p in (seed_build / "docs").rglob("*") if p.is_file())
    assert a == b
    for rel in a:
        assert (out / "docs" / rel).read_bytes() == (seed_build / "docs" / rel).read_bytes(), rel


def test_unreadable_seed_is_reported_and_build_goes_on(tmp_path, seeds_copy):
    (seeds_copy / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (seeds_copy / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site") == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    by_file = {f["file"]: f for f in report["files"]}
    assert "PNG" in by_file["bad.txt"]["problems"][0]["message"]
    assert by_file["empty.txt"]["problems"][0]["kind"] == "empty"
    assert report["totals"]["articles"] >= 14
    assert "bad\\.txt" in (out / "docs" / "report.md").read_text(encoding="utf-8")  # Markdown-escaped
    assert run_build(seeds_copy, tmp_path / "out2", "--no-site", "--strict") == 1


def test_bad_usage_exits_2(tmp_path):
    from cppcc_archive.cli import main

    assert main(["--seeds", str(tmp_path / "missing"), "--out", str(tmp_path)]) == 2
    assert main(["--jobs", "0"]) == 2


def test_handwritten_page_is_never_overwritten(tmp_path, seeds_copy):
    out = tmp_path / "out"
    (out / "docs").mkdir(parents=True)
    page = out / "docs" / "stats.md"
    page.write_text("# 我写的统计页\n", encoding="utf-8")
    assert run_build(seeds_copy, out, "--no-site") == 2
    assert page.read_text(encoding="utf-8") == "# 我写的统计页\n"
    page.unlink()
    assert run_build(seeds_copy, out, "--no-site") == 0
    assert run_build(seeds_copy, out, "--no-site") == 0  # its own pages are replaced freely


def test_stale_pages_of_removed_seeds_disappear(tmp_path, seeds_copy):
    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site") == 0
    before = {p.name for p in (out / "docs" / "a").iterdir()}
    next(seeds_copy.glob("001_*")).unlink()
    assert run_build(seeds_copy, out, "--no-site") == 0
    after = {p.name for p in (out / "docs" / "a").iterdir()}
    assert len(before) - len(after) == 4 and after < before


def test_seeds_url_links_originals_in_the_repository(tmp_path, monkeypatch, articles):
    """With SEEDS_URL the pages link each seed there and the site carries no raw copies."""
    base = "https://github.com/example/cppcc/blob/main/seeds/"
    monkeypatch.setenv("SEEDS_URL", base)
    out = tmp_path / "out"
    assert run_build(SEEDS, out, "--no-site") == 0
    linked = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    assert not (out / "docs" / "raw").exists()
    assert [r["raw_url"] for r in linked] == [base + r["source_file"] for r in linked]
    for r in linked:   # an article of a many-article file opens at its line (GitHub numbers a file's lines)
        page = (out / "docs" / "a" / f"{r['id']}.md").read_text(encoding="utf-8")
        at = f"#L{r['raw_line']}" if r["raw_line"] else ""
        assert re.search(r"\[原始文本(?:（整个来源文件(?:，本文从第 \d+ 行起)?）)?\]\(" + re.escape(base + r["source_file"] + at) + r"\)", page)
    assert sum(1 for r in linked if r["raw_line"]) == 11   # seed 001's 4 articles and seed 003's 7
    # Without it, the copies are on the site, as before.
    assert all(r["raw_url"].startswith("raw/") for r in articles)
    monkeypatch.setenv("SEEDS_URL", "javascript:alert(1)//")
    assert run_build(SEEDS, tmp_path / "bad", "--no-site") == 2


def test_article_pages_carry_no_repeated_chrome(seed_build, articles):
    """Size work (issue 7): what scripts add or pages do not need stays out of every page's HTML."""
    for a in articles:
        html = (seed_build / "site" / a["url"] / "index.html").read_text(encoding="utf-8")
        assert "md-search__form" not in html            # the search box is built by search.js
        assert 'data-md-type="toc"' not in html and "data-md-type=toc" not in html   # no TOC sidebar
        assert "para-anchor" not in html                # ¶ links are added by archive.js
        assert "search.result.placeholder" not in html  # Material's unused search strings
        assert "data-archive-search" in html and re.search(r"<p id=\"?p1\"?>", html), a["url"]
        assert len(html.encode("utf-8")) <= 40 * 1024, (a["url"], len(html.encode("utf-8")))


def test_source_listing_pages_hold_every_source_under_its_anchor(monkeypatch):
    """Source files are listed SOURCES_PER_PAGE to a page, not one page each (8 KB of chrome around a few
    lines); every article's 来源文件 link lands on the listing that holds its file's anchor and its articles."""
    from cppcc_archive import pipeline, write

    kept, report = pipeline.assemble(pipeline.gather(SEEDS))
    monkeypatch.setattr(write, "SOURCES_PER_PAGE", 2)
    files = write.render_site(kept, report, {}, (SEEDS.parent / "docs" / write.HOME_TEMPLATE).read_text(encoding="utf-8"))
    listings = sorted(rel for rel in files if rel.startswith("sources/"))
    sources = sorted({a.source_file for a in kept})
    assert listings == sorted([f"sources/{k}.md" for k in range(1, (len(sources) + 1) // 2 + 1)] + ["sources/index.md"])
    for k in range(1, (len(sources) + 1) // 2 + 1):
        assert f"]({k}.md)" in files["sources/index.md"]
    for a in kept:
        link = re.search(r"\*\*来源文件\*\*：\[[^\]]*\]\(\.\./(sources/\d+\.md)#(s[0-9a-f]{10})\)", files[f"a/{a.id}.md"])
        assert link, f"{a.id}: no source link"
        listing = files[link.group(1)]
        assert "{ #" + link.group(2) + " }" in listing
        block = listing.split("{ #" + link.group(2) + " }")[1].split("\n### ")[0]
        assert f"](../a/{a.id}.md)" in block, f"{a.id} not listed under its source file"
    monkeypatch.setattr(write, "SOURCES_PER_PAGE", 200)
    small = write.render_site(kept, report, {}, (SEEDS.parent / "docs" / write.HOME_TEMPLATE).read_text(encoding="utf-8"))
    assert sorted(rel for rel in small if rel.startswith("sources/")) == ["sources/index.md"]


def test_long_indexes_are_split_into_pages(monkeypatch):
    """The people and date indexes are pages of bounded size under an index of pages: every person and
    every article is listed exactly once, and a small archive keeps a single page."""
    from cppcc_archive import pipeline, write

    kept, report = pipeline.assemble(pipeline.gather(SEEDS))
    template = (SEEDS.parent / "docs" / write.HOME_TEMPLATE).read_text(encoding="utf-8")
    small = write.render_site(kept, report, {}, template)
    assert sorted(rel for rel in small if rel.startswith(("people/", "dates/"))) == ["dates/index.md", "people/index.md"]
    monkeypatch.setattr(write, "PEOPLE_PER_PAGE", 2)
    monkeypatch.setattr(write, "DATES_PER_PAGE", 3)
    files = write.render_site(kept, report, {}, template)
    def pages(folder):   # in page order: people/2.md before people/10.md
        return sorted((rel for rel in files if rel.startswith(folder) and rel != f"{folder}index.md"),
                      key=lambda rel: int(rel.split("/")[1][:-3]))

    people, dates = pages("people/"), pages("dates/")
    assert len(people) > 2 and len(dates) >= -(-len(kept) // 3)
    for folder, pages in (("people", people), ("dates", dates)):
        for rel in pages:
            assert f"]({rel.split('/')[1]})" in files[f"{folder}/index.md"], rel
    links = r"\]\(\.\./a/([0-9a-f]{12})\.md\)"
    assert all(len(re.findall(links, files[rel])) <= 2 for rel in people)
    names = [n.removesuffix("（续）") for rel in people for n in re.findall(r"^## (.+?) \{ #p[0-9a-f]{10}(?:-\d+)? \}$",
                                                                            files[rel], re.M)]
    # In pinyin order; a person with more links than a page continues on the next.
    assert names == sorted(names, key=write.pinyin_order) and names != sorted(names)
    everyone = {p.name for a in kept for p in a.people} | {au.name for a in kept for au in a.authors}
    assert set(names) == {write.escape_md(n) for n in everyone}
    per_page = [re.findall(r"\]\(\.\./a/([0-9a-f]{12})\.md\)", files[rel]) for rel in dates]
    assert all(len(ids) <= 3 for ids in per_page)
    assert sorted(i for ids in per_page for i in ids) == sorted(a.id for a in kept)


def test_material_tag_export_is_not_published(seed_build):
    """Material's tags.json (6.6 MB at 10,000 seeds) repeats what articles.json and articles.csv
    give; the site does not publish it, and no page links to it."""
    site = seed_build / "site"
    assert (site / "index.html").is_file() and not (site / "tags.json").exists()
    assert not [p for p in site.rglob("*.html") if "tags.json" in p.read_text(encoding="utf-8")]


def _resolves(site, page_dir: str, href: str) -> bool:
    """Does a relative link of a built page lead to a page of the site (and its anchor, if any)?"""
    import posixpath

    path, _, anchor = href.partition("#")
    target = site / posixpath.normpath(posixpath.join(page_dir, path)) / "index.html"
    if not target.is_file():
        return False
    return not anchor or re.search(rf"id=\"?{re.escape(anchor)}[\s>\"]", target.read_text(encoding="utf-8")) is not None


def test_tag_chips_and_the_tag_index_lead_to_region_and_topic_pages(seed_build, articles):
    """Each tag chip links to the region or topic page of its tag (province page, at the county's
    section); the tag index lists every tag, every level of it, with its number of articles."""
    import html as htmlmod
    from collections import Counter

    site = seed_build / "site"
    counts: Counter = Counter()
    for rec in articles:
        page = (site / rec["url"] / "index.html").read_text(encoding="utf-8")
        chips = re.findall(r"<a class=md-tag href=([^ >]+)>([^<]+)</a>", re.search(r"<nav class=md-tags>(.*?)</nav>", page).group(1))
        names = [htmlmod.unescape(n) for _, n in chips]
        assert any(n.startswith("地区/") for n in names) and any(n.startswith("主题/") for n in names), rec["url"]
        for href, _ in chips:
            assert _resolves(site, rec["url"], href), (rec["url"], href)
        counts.update({"/".join(n.split("/")[:i]) for n in names for i in range(2, n.count("/") + 2)})
    assert counts["地区/重庆市/长寿区"] == 1 and counts["地区/重庆市"] >= 4
    index = (site / "tags" / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r"<a href=([^ >]+)>([^<]+)</a>（(\d+)）", index)
    assert len(listed) == len(counts)
    for href, name, n in listed:
        assert _resolves(site, "tags/", href), href
        assert sum(1 for tag, c in counts.items() if tag.endswith("/" + name) and c == int(n)) >= 1, (name, n)
    assert len(index.encode()) < 40_000   # tags and counts, not every article again


def test_data_page_describes_every_field_and_column(seed_build, articles):
    """The 数据下载 page documents every field of articles.json and every column of articles.csv."""
    import csv

    from cppcc_archive.write import CSV_COLUMNS, field_descriptions

    described = field_descriptions()
    assert set(described["articles.json"]) == set(articles[0]) and all(described["articles.json"].values())
    header = next(csv.reader((seed_build / "site" / "articles.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert tuple(header) == CSV_COLUMNS and set(described["articles.csv"]) == set(header)
    page = (seed_build / "site" / "data" / "index.html").read_text(encoding="utf-8")
    for name in list(described["articles.json"]) + list(described["articles.csv"]):
        assert f"<code>{name}</code>" in page, name
    assert "README" not in page


def test_the_csv_lists_every_region_and_person(seed_build, articles):
    """A researcher's review: filtering articles.csv by a county missed articles, since its
    province/prefecture/county columns hold the main region only. The regions column lists all of
    them (seed 003's Beijing piece: six districts) and the people column the people named with titles."""
    import csv

    rows = {r["id"]: r for r in csv.DictReader((seed_build / "site" / "articles.csv").read_text(encoding="utf-8-sig").splitlines())}
    for a in articles:
        names = ["/".join(n for n in (r["province"], r["prefecture"], r["county"]) if n) for r in a["regions"]]
        assert rows[a["id"]]["regions"].split("；") == (names or [""])
        assert rows[a["id"]]["people"] == "；".join(f"{p['name']}（{p['title']}）" for p in a["people"])
    beijing = next(a for a in articles if a["title"].startswith("北京市政协首次发布"))
    assert {"北京市/东城区", "北京市/海淀区", "北京市/通州区"} <= set(rows[beijing["id"]]["regions"].split("；"))
    assert rows[beijing["id"]]["county"] == ""   # the main region is Beijing itself


def test_the_stats_page_says_its_topic_counts_are_the_tagged_ones(seed_build):
    """A researcher's review: the stats page showed 数字政协 0 beside the topics page's 0 / 5 亦有论及."""
    page = (seed_build / "docs" / "stats.md").read_text(encoding="utf-8")
    assert "按每篇文章标注的主题统计（每篇至多 4 个）" in page and "[主题](topics/index.md)" in page


def test_a_file_read_without_text_has_its_size_and_digest_in_the_report(tmp_path):
    """A contract review: an empty file's sha256 was "" (not the digest of nothing) and a binary
    file's bytes 0, though both were read. Files never read (hidden, another extension) keep 0 and ""."""
    import hashlib
    import random

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(sorted(SEEDS.glob("002_*"))[0], seeds / "a.txt")
    noise = random.Random(7).randbytes(4096)
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "noise.txt").write_bytes(noise)
    (seeds / ".hidden.txt").write_bytes(b"x")
    assert run_build(seeds, tmp_path / "out", "--no-site") == 0
    files = {f["file"]: f for f in json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["files"]}
    assert (files["empty.txt"]["bytes"], files["empty.txt"]["sha256"]) == (0, hashlib.sha256(b"").hexdigest())
    assert (files["noise.txt"]["bytes"], files["noise.txt"]["sha256"]) == (4096, hashlib.sha256(noise).hexdigest())
    assert [p["kind"] for p in files["noise.txt"]["problems"]] == ["binary"]
    assert (files[".hidden.txt"]["bytes"], files[".hidden.txt"]["sha256"]) == (0, "")


def test_site_offers_articles_json_plain_and_gzipped(seed_build):
    """A small archive's site has articles.json and articles.json.gz, the same bytes; the gzip header
    holds no time and no file name, so the same export always gives the same download."""
    import gzip

    site = seed_build / "site"
    plain = (seed_build / "articles.json").read_bytes()
    packed = (site / "articles.json.gz").read_bytes()
    assert (site / "articles.json").read_bytes() == plain
    assert gzip.decompress(packed) == plain
    assert packed[4:8] == b"\0\0\0\0" and not packed[3] & 0x08   # MTIME zero, no FNAME flag
    assert not list(site.glob(".*.partial"))
    page = (site / "data" / "index.html").read_text(encoding="utf-8")
    assert "href=../articles.json>" in page and "href=../articles.json.gz>" in page
    assert f"（JSON，{round(len(plain) / 1024)} KB）" in page


def test_large_articles_json_is_published_only_gzipped(tmp_path, monkeypatch):
    """Above the limit the site drops the plain articles.json (the build's OUT/articles.json and
    docs/articles.json stay) and the data page links only the compressed file, with how to open it;
    the strict site build proves no page links the missing file."""
    import gzip

    from cppcc_archive import download

    monkeypatch.setattr(download, "PLAIN_MAX_BYTES", 2000)
    out = tmp_path / "out"
    assert run_build(SEEDS, out) == 0
    plain = (out / "articles.json").read_bytes()
    assert len(plain) > 2000 and (out / "docs" / "articles.json").is_file()
    site = out / "site"
    assert not (site / "articles.json").exists()
    assert gzip.decompress((site / "articles.json.gz").read_bytes()) == plain
    page = (site / "data" / "index.html").read_text(encoding="utf-8")
    assert "href=../articles.json>" not in page and "href=../articles.json.gz>" in page
    assert "解压后" in page and "gunzip -k articles.json.gz" in page and "超过 2 KB" in page


def test_failed_compression_fails_the_site_build_and_leaves_no_partial_file(tmp_path, monkeypatch):
    """The hook's compression thread: its error is raised by the build, a failed build stops it early
    (cancelled between pieces), and neither leaves a partial file in the site."""
    import importlib.util
    import threading

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

    from cppcc_archive import download

    spec = importlib.util.spec_from_file_location("hooks_under_test", SEEDS.parent / "cppcc_archive" / "mkdocs_hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    docs, site = tmp_path / "docs", tmp_path / "site"
    docs.mkdir()
    (docs / "articles.json").write_bytes(b"[]" * 3_000_000)   # 6 MB: several pieces
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(docs), "site_dir": str(site)})
    config.validate()
    config.plugins._current_plugin = None   # set by MkDocs while it runs a plugin's events

    def files():
        return Files([File("articles.json", str(docs), str(site), True)])

    def broken(src, dest, cancelled=None, level=None):
        with open(dest, "wb") as fh:
            fh.write(b"half")
        raise OSError("disk full")

    real_gzip = download.gzip_file
    monkeypatch.setattr(download, "gzip_file", broken)
    listed = files()
    hooks._start_download(listed, config)
    assert listed.get_file_from_path("articles.json.gz") is not None   # the page link resolves meanwhile
    with pytest.raises(OSError, match="disk full"):
        hooks.on_post_build(config)
    assert list(site.iterdir()) == [] and hooks._GZIP == []

    started, seen = threading.Event(), []

    def slow(src, dest, cancelled=None, level=None):
        started.set()
        cancelled.wait(10)   # stands for a long compression: returns at once when cancelled
        seen.append(cancelled.is_set())
        real_gzip(src, dest, cancelled)   # the real one stops at its first piece

    monkeypatch.setattr(download, "gzip_file", slow)
    hooks._start_download(files(), config)
    started.wait(10)
    hooks.on_build_error(RuntimeError("a page failed"))
    assert seen == [True] and list(site.iterdir()) == [] and hooks._GZIP == []
    with pytest.raises(download.Cancelled):
        cancelled = threading.Event()
        cancelled.set()
        real_gzip(str(docs / "articles.json"), str(tmp_path / "x.gz"), cancelled)


def test_pages_keep_the_drawer_when_the_tabs_are_turned_off(seed_build, tmp_path, articles):
    """Article pages carry no drawer only because the tabs replace it: a curator who turns the tabs
    off in mkdocs.yml gets Material's drawer and menu button back on every page."""
    from cppcc_archive.site import build_site

    cfg = tmp_path / "mkdocs.yml"
    cfg.write_text(f"INHERIT: {json.dumps(str(seed_build / 'mkdocs.yml'))}\n"
                   "theme:\n  features: [navigation.top, content.code.copy]\n", encoding="utf-8")
    site = tmp_path / "site"
    build_site(cfg, site)
    article = (site / articles[0]["url"] / "index.html").read_text(encoding="utf-8")
    # Labels for the drawer: the overlay, and with a drawer also the menu button and the drawer's title.
    assert article.count("for=__drawer") == 3 and "data-md-type=navigation" in article
    with_tabs = (seed_build / "site" / articles[0]["url"] / "index.html").read_text(encoding="utf-8")
    assert with_tabs.count("for=__drawer") == 1 and "data-md-type=navigation" not in with_tabs


def test_download_sizes_read_as_a_reader_weighs_them():
    from cppcc_archive.download import human_size, publishes_plain

    sizes = (10, 107_900, 1_048_575, 3_565_158, 10_438_000, 253_294_346)
    assert [human_size(n) for n in sizes] == ["1 KB", "105 KB", "1.0 MB", "3.4 MB", "10.0 MB", "241.6 MB"]
    assert human_size(100 * 1024 * 1024 + 60_000) == "100.1 MB"   # over the limit, and reads so
    assert publishes_plain(100 * 1024 * 1024) and not publishes_plain(100 * 1024 * 1024 + 1)


def test_region_and_topic_pages_show_their_feed(seed_build):
    """Each province and topic page shows a link to its own feed, not only a <link> in its head."""
    from cppcc_archive.write import topic_slug

    site = seed_build / "site"
    for page, feed in (("regions/110000", "feeds/province/110000.xml"),
                       (f"topics/{topic_slug('政治协商')}", f"feeds/topic/{topic_slug('政治协商')}.xml")):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        m = re.search(r'<a href=([^ >]+)>订阅本页更新（Atom）</a>', html)
        assert m, page
        assert (site / page / m.group(1)).resolve() == (site / feed).resolve() and (site / feed).is_file()


def test_every_problem_has_a_chinese_message_for_the_site(seed_build, report):
    """Each Problem(...) the package makes carries a Chinese message (its fourth argument), and the
    site's build report shows it instead of the English one of the log and report.json."""
    import ast

    from conftest import REPO

    calls = []
    for path in (REPO / "cppcc_archive").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem":
                calls.append((path.name, node.lineno, node))
    assert len(calls) > 30
    for name, line, node in calls:
        assert len(node.args) == 4, f"{name}:{line}: Problem(...) without a Chinese message"
        text = ast.unparse(node.args[3])
        assert re.search(r"[\u4e00-\u9fff]", text), f"{name}:{line}: {text}"
    problems = [p for f in report["files"] for p in f["problems"]]
    assert problems and all(re.search(r"[\u4e00-\u9fff]", p["message_zh"]) for p in problems)
    page = (seed_build / "site" / "report" / "index.html").read_text(encoding="utf-8")
    for p in problems:
        assert p["message_zh"].replace("□", "") in page.replace("□", "") and p["message"] not in page


def test_cleaning_records_name_boilerplate_rules_in_chinese(seed_build, articles):
    from cppcc_archive.clean.boilerplate import load_rules

    rules = load_rules()
    assert all(re.search(r"[\u4e00-\u9fff]", r.label) for r in rules)
    used = {k.split(":", 1)[1] for a in articles for k in a["changes"] if k.startswith("boilerplate:")}
    assert used, "the seeds exercise the boilerplate rules"
    pages = "".join(p.read_text(encoding="utf-8") for p in (seed_build / "site" / "a").glob("*/index.html"))
    for r in rules:
        if r.name in used:
            assert f"删除网页模板内容：{r.label}" in pages
        assert f"（{r.name}）" not in pages


def test_long_name_lists_are_sorted_by_pinyin_in_a_worker():
    """A long list is sorted in a forked worker (pypinyin's 57 MB stay out of the build's process),
    in the same order as in-process."""
    import random
    import sys

    from cppcc_archive import write

    import subprocess

    rng = random.Random(7)
    names = ["".join(chr(0x4E00 + rng.randrange(20000)) for _ in range(rng.choice((2, 3)))) for _ in range(500)]
    code = ("import json, sys; from cppcc_archive import write; "
            "print(json.dumps([write._in_pinyin_order(json.loads(sys.stdin.read())), 'pypinyin' in sys.modules]))")
    run = subprocess.run([sys.executable, "-c", code], input=json.dumps(names), capture_output=True, text=True,
                         cwd=str(SEEDS.parent), check=True)
    ordered, imported_here = json.loads(run.stdout)
    assert not imported_here   # the 57 MB stayed in the worker
    assert ordered == sorted(names, key=write.pinyin_order)


def test_name_order_keys_are_kept_between_builds(tmp_path, monkeypatch):
    """The people index's sort keys are stored in the pipeline cache: a rebuild computes only the
    names it has not seen, gives the same order, and keys made by another pypinyin are not used."""
    import random

    from cppcc_archive import write

    rng = random.Random(11)
    names = sorted({"".join(chr(0x4E00 + rng.randrange(20000)) for _ in range(3)) for _ in range(300)})
    keys_file = tmp_path / "cache" / "name-order.json"
    assert write._in_pinyin_order(names, keys_file) == sorted(names, key=write.pinyin_order)
    assert set(json.loads(keys_file.read_text(encoding="utf-8"))["keys"]) == set(names)
    made = []
    real = write._pinyin_keys
    monkeypatch.setattr(write, "_pinyin_keys", lambda _, new: made.append(list(new)) or real(_, new))
    later = names[:250] + ["曾庆红", "单霁翔"]
    assert write._in_pinyin_order(later, keys_file) == sorted(later, key=write.pinyin_order)
    assert made == [["曾庆红", "单霁翔"]]
    stored = json.loads(keys_file.read_text(encoding="utf-8"))
    assert set(stored["keys"]) == set(later)
    stored["keys"][later[0]] = "damaged"
    stored["keys"][later[1]] = [[], [], "another name"]
    keys_file.write_text(json.dumps(stored), encoding="utf-8")
    made.clear()
    assert write._in_pinyin_order(later[:5], keys_file) == sorted(later[:5], key=write.pinyin_order)
    assert made == [later[:2]]   # damaged keys are made again, never trusted
    stored["pypinyin"] = "0.1"
    keys_file.write_text(json.dumps(stored), encoding="utf-8")
    made.clear()
    write._in_pinyin_order(later[:5], keys_file)
    assert made == [later[:5]]


def newest_key(a: dict) -> tuple:
    """The site's newest-first order of an articles.json record: full dates, then month and day."""
    from cppcc_archive.clean.metadata import month_day

    return (a["date"] or "", (0, 0) if a["date"] else month_day(a["date_text"]), a["id"])


def test_long_topics_continue_on_further_pages(tmp_path, monkeypatch, articles):
    """A topic with more articles than a page holds continues on topics/<slug>-2.md …: every article
    once, newest first, the pages linking each other, and the site builds (strict) with them."""
    from cppcc_archive import write

    monkeypatch.setattr(write, "TOPIC_PER_PAGE", 2)
    out = tmp_path / "out"
    assert run_build(SEEDS, out) == 0
    topic = "委员履职"
    slug = write.topic_slug(topic)
    expected = [a["id"] for a in sorted((a for a in articles if topic in a["topics"]),
                                        key=newest_key, reverse=True)]
    n_pages = -(-len(expected) // 2)
    assert n_pages >= 3
    names = [f"{slug}.md"] + [f"{slug}-{k}.md" for k in range(2, n_pages + 1)]
    docs = out / "docs" / "topics"
    assert sorted(p.name for p in docs.glob(f"{slug}*.md")) == sorted(names)
    listed = []
    for k, name in enumerate(names, 1):
        text = (docs / name).read_text(encoding="utf-8")
        listed += re.findall(r"\]\(\.\./a/([0-9a-f]{12})\.md\)", text)
        for j, other in enumerate(names, 1):
            assert (f"]({other})" in text) == (j != k), (name, other)
        page_dir = out / "site" / "topics" / name[:-3]
        assert (page_dir / "index.html").is_file()
    assert listed == expected


def test_long_province_sections_continue_on_list_pages(tmp_path, monkeypatch, articles):
    """A province page shows the newest PROVINCE_SECTION_LISTED articles of each section (its
    anchors stay where tag chips and article pages link) and links the full list, paged on
    regions/list-<code>.md …: every article of the province once, newest first; the site builds."""
    from cppcc_archive import write

    monkeypatch.setattr(write, "PROVINCE_SECTION_LISTED", 1)
    monkeypatch.setattr(write, "REGION_LIST_PER_PAGE", 2)
    out = tmp_path / "out"
    assert run_build(SEEDS, out) == 0
    docs = out / "docs" / "regions"
    province = (docs / "500000.md").read_text(encoding="utf-8")
    sections = province.split("\n## ")[1:]
    assert sections[0].startswith("全部文章 { #c500000 }")
    for section in sections:
        assert len(re.findall(r"\]\(\.\./a/[0-9a-f]{12}\.md\)", section)) == 1
    assert "[查看全部 4 篇](list-500000.md)" in sections[0]
    expected = [a["id"] for a in sorted((a for a in articles if any(r["code"].startswith("50") for r in a["regions"])),
                                        key=newest_key, reverse=True)]
    assert len(expected) == 4
    names = ["list-500000.md", "list-500000-2.md"]
    listed = []
    for k, name in enumerate(names, 1):
        text = (docs / name).read_text(encoding="utf-8")
        listed += re.findall(r"\]\(\.\./a/([0-9a-f]{12})\.md\)", text)
        assert "](500000.md#c500000)" in text
        assert (f"]({names[2 - k]})" in text) and (f"]({name})" not in text)
        assert (out / "site" / "regions" / name[:-3] / "index.html").is_file()
    assert listed == expected
    # A section of exactly PROVINCE_SECTION_LISTED articles is whole: no link, no list page.  (Built
    # afresh: a setting patched in a test is not in the page writer's code version, so a rebuild over
    # the same tree would link the index pages the first build made.)
    monkeypatch.setattr(write, "PROVINCE_SECTION_LISTED", 4)
    assert run_build(SEEDS, tmp_path / "whole", "--no-site") == 0
    docs = tmp_path / "whole" / "docs" / "regions"
    assert "查看全部" not in (docs / "500000.md").read_text(encoding="utf-8")
    assert not list(docs.glob("list-*.md"))


def test_large_archive_report_lists_the_files_that_need_a_look(tmp_path, monkeypatch, report):
    """Above REPORT_FILES_LISTED input files the report page's file table keeps only the files with a
    problem or without articles, and points to report.json and the source pages; the site still builds."""
    from cppcc_archive import write

    monkeypatch.setattr(write, "REPORT_FILES_LISTED", 2)
    out = tmp_path / "out"
    assert run_build(SEEDS, out) == 0
    page = (out / "docs" / "report.md").read_text(encoding="utf-8")
    table = page.split("## 需要查看的文件", 1)[1]
    flagged = [f["file"] for f in report["files"] if f["problems"] or not f["articles"]]
    assert flagged and len(flagged) < len(report["files"])
    rows = re.findall(r"^\| ([^|]+?) \| [^|]+ \| \d+ \|", table, re.M)
    # A file with articles is named by a link to its entry among the sources, where they are listed.
    shards = write.source_shards({f["file"]: [] for f in report["files"] if f["articles"]})
    assert rows == [write.md_link(f, f"{shards[f]}#{write.source_slug(f)}") if f in shards else write.escape_md(f)
                    for f in flagged]
    assert any(f in shards for f in flagged)
    assert "](report.json)" in table and "](sources/index.md)" in table
    assert (out / "site" / "report" / "index.html").is_file()


def test_the_report_page_links_each_file_to_its_articles(seed_build, report):
    """A curator who reads of a problem in a file goes from the report to that file's articles (the
    names were plain text, in a user's review): each file with articles is a link to its entry on the
    sources page, an anchor that page has."""
    page = (seed_build / "site" / "report" / "index.html").read_text(encoding="utf-8")
    sources = (seed_build / "site" / "sources" / "index.html").read_text(encoding="utf-8")
    linked = dict((name, anchor) for anchor, name in re.findall(r'<td><a href=\.\./sources/#([\w-]+)>([^<]+)</a>', page))
    assert set(linked) == {f["file"] for f in report["files"] if f["articles"]}
    for name, anchor in linked.items():
        assert re.search(rf'<h2 id={anchor}>{re.escape(name)}', sources), name
    problems = re.findall(r'<td><a href=\.\./sources/#[\w-]+>([^<]+)</a>(?:</td>)?<td>乱码', page)
    assert problems == [f["file"] for f in report["files"] for p in f["problems"] if p["kind"] == "mojibake"]


def test_the_maps_count_the_articles_about_the_national_cppcc(seed_build, articles):
    """The maps on the home, regions and statistics pages had tiles for provinces only: the article about
    the national CPPCC's committee (no place of its own) was on none, 13 of the 14 seed articles.  A 全国
    tile counts such articles and links to the regions page's 全国政协 section."""
    national = [a for a in articles if not a["regions"] and a["level"] == "全国"]
    assert len(national) == 1
    site = seed_build / "site"
    for page, link in (("index.html", "regions/#national"), ("regions/index.html", "#national"),
                       ("stats/index.html", "../regions/#national")):
        html = (site / page).read_text(encoding="utf-8")
        assert re.search(rf'<a aria-label="全国 {len(national)} 篇（全国政协）" href="?{re.escape(link)}"?><rect[^>]*><title>全国政协：{len(national)} 篇</title>', html), page
    regions = (site / "regions" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="?national"?', regions) and national[0]["id"] in regions.split('id=national')[1]


def test_dates_without_a_year_are_listed_newest_first(seed_build):
    """The timeline and the home page's newest articles order the seeds' dates without a year by month
    and day (before: as strings, 12月26日 before 12月27日, and 6月14日 after both on the home page)."""
    def dates(md: str) -> list[tuple[int, int]]:
        return [(int(m), int(d)) for m, d in re.findall(r"\）?（(\d{1,2})月(\d{1,2})日）$", md, re.M)]

    timeline = (seed_build / "docs" / "dates" / "index.md").read_text(encoding="utf-8")
    partial = dates(timeline.split("## 仅有月日（年份不详）")[1].split("\n## ")[0])
    assert len(partial) == 5 and partial == sorted(partial, reverse=True), partial
    home = (seed_build / "docs" / "index.md").read_text(encoding="utf-8")
    latest, link = home.split("## 最新文章")[1].split("[按时间线浏览全部文章]")
    newest = dates(latest)
    assert newest == sorted(newest, reverse=True) and newest[0] == (12, 28), newest
    # Undated articles are not "newest": they tied, and came in id order after the dated ones.
    assert len(re.findall(r"^- ", latest, re.M)) == len(newest) == 5
    assert link.startswith("(dates/index.md)")
    # No seed gives a year: the list says it is in month-and-day order (it read as this year's news).
    assert latest.lstrip().startswith("原文均未注明年份，以下按月日排列：")
    from cppcc_archive import pipeline, write

    kept, _ = pipeline.assemble(pipeline.gather(SEEDS))
    dated = [kept[0].with_(date="2024-12-28")] + kept[1:]
    template = (SEEDS.parent / "docs" / write.HOME_TEMPLATE).read_text(encoding="utf-8")
    assert "原文均未注明年份" not in write.home_page(dated, template)



def test_a_persons_articles_are_counted_and_newest_first():
    """On the people index each person has the number of their articles and the articles newest first
    (before: no count, and in id order)."""
    from cppcc_archive import pipeline, write

    kept = pipeline.assemble(pipeline.gather(SEEDS))[0][:3]
    dated = [kept[0].with_(date="2023-05-01", date_text="2023年5月1日"), kept[1].with_(date=None, date_text="12月26日"),
             kept[2].with_(date="2024-01-02", date_text="2024年1月2日")]
    md = write._people_pages({"王泳": [("记者", a) for a in dated]}, ["王泳"])["people/index.md"]
    assert "记者 · 3 篇" in md
    listed = re.findall(r"\]\(\.\./a/([0-9a-f]{12})\.md\)", md)
    assert listed == [dated[2].id, dated[0].id, dated[1].id]


def test_a_name_many_people_share_lists_its_most_frequent_titles():
    """A researcher's review: at 1,000 synthetic seeds 刘勇 had 263 articles and two hundred titles on one
    line. The people index shows the six most frequent, most frequent first, and how many there are."""
    from cppcc_archive import pipeline, write

    kept = pipeline.assemble(pipeline.gather(SEEDS))[0]
    titles = ["市政协主席"] * 3 + ["县政协主席"] * 2 + [f"{p}政协委员" for p in "甲乙丙丁戊己庚"]
    mentions = [(t, kept[i % len(kept)].with_(id=f"{i:012x}")) for i, t in enumerate(titles)]
    md = write._people_pages({"刘勇": mentions}, ["刘勇"])["people/index.md"]
    assert "市政协主席、县政协主席、丁政协委员、丙政协委员、乙政协委员、己政协委员 等 9 种职务或署名 · 12 篇" in md
    assert "记者 · 1 篇" in write._people_pages({"王泳": [("记者", kept[0])]}, ["王泳"])["people/index.md"]


def test_a_persons_anchor_stays_when_people_are_added_before_them():
    """The headings' ids were counted (赵莉 #_36 became #_37 once 张三 came in before her, a curator's
    review), so a shared link led to another person; each is now named by the person."""
    from cppcc_archive import pipeline, write

    a = pipeline.assemble(pipeline.gather(SEEDS))[0][0]
    alone = write._people_pages({"赵莉": [("委员", a)]}, ["赵莉"])["people/index.md"]
    more = write._people_pages({"赵莉": [("委员", a)], "艾力": [("委员", a)]}, ["艾力", "赵莉"])["people/index.md"]
    anchor = f"## 赵莉 {{ #{write.person_slug('赵莉')} }}"
    assert anchor in alone and anchor in more and write.person_slug("赵莉") != write.person_slug("艾力")


def test_front_matter_with_a_chinese_colon_names_the_line_and_the_cause():
    """YAML reports ``title：某标题`` on the line after it; the report names the line with the
    full-width colon and what to write instead (the curator review: reported at line 3, cause line 2)."""
    from cppcc_archive.read import split_front_matter

    body, fm, [problem] = split_front_matter("---\ntitle：某标题\ndate: 2024-06-14\n---\n正文\n", "x.txt")
    assert body == "正文\n" and fm == ()
    assert "line 2: a full-width colon after 'title'" in problem.message
    assert "第 2 行 title 后是全角冒号" in problem.message_zh


def test_bylines_keep_the_source_order_within_a_role(seed_build, articles):
    """An article page lists its reporters in the order the source (and the citation) names them,
    once under their role (记者 李木元、宋宝刚、周佳佳; before: 记者 周佳佳；记者 宋宝刚；记者 李木元)."""
    checked = 0
    for a in articles:
        reporters = [x["name"] for x in a["authors"] if x["role"] == "记者"]
        if len(reporters) < 2:
            continue
        page = (seed_build / "docs" / "a" / f"{a['id']}.md").read_text(encoding="utf-8")
        line = next(x for x in page.splitlines() if x.startswith("- **作者**："))
        assert re.search(r"记者 ([^；]+)", line).group(1).split("、") == reporters, line
        checked += 1
    assert checked >= 1


def test_the_report_lists_every_article_whose_page_carries_a_note(seed_build, articles):
    """The build report listed one problem (seed 004's □) while eight articles carry notes a reader
    must heed before quoting (seed 001's 本文结尾缺失, seed 003's 本文上接第1版, a sentence cut off …),
    each on its own page only (a user's review). The report lists them with their notes, paragraph
    references linked to the article's anchors, and articles.csv has a notes column."""
    import csv
    import re

    report = (seed_build / "docs" / "report.md").read_text(encoding="utf-8")
    noted = [a for a in articles if a["notes"]]
    assert len(noted) >= 6
    section = report.split("## 带说明的文章", 1)[1].split("\n## ", 1)[0]
    assert f"共 {len(noted)} 篇文章" in section
    listed = re.findall(r"^\| \[.*?\]\(a/([0-9a-f]{12})\.md\)", section, re.M)
    assert sorted(listed) == sorted(a["id"] for a in noted)
    assert "本文上接第1版，开头部分不在本来源文件中。" in section
    # Each with its file (a curator mends them file by file): the file's entry on the sources page.
    seed003 = next(a for a in noted if a["source_file"].startswith("003_"))
    from cppcc_archive.markdown import escape_md

    assert re.search(rf"a/{seed003['id']}\.md\).*? \| \[{re.escape(escape_md(seed003['source_file']))}\]\(sources/index\.md#[\w-]+\)"
                     rf"（第 {seed003['part'] + 1} 篇） \|", section)
    assert re.search(r"\[第 \d+ 段\]\(a/[0-9a-f]{12}\.md#p\d+\)", section)
    rows = {r["id"]: r for r in csv.DictReader((seed_build / "docs" / "articles.csv").read_text(encoding="utf-8-sig").splitlines())}
    assert all(rows[a["id"]]["notes"] == "；".join(a["notes"]) for a in articles)


def test_the_report_lists_at_most_the_first_noted_articles_and_says_where_the_rest_are(monkeypatch):
    from cppcc_archive import pipeline, write

    kept, report = pipeline.assemble(pipeline.gather(SEEDS))
    monkeypatch.setattr(write, "REPORT_NOTES_LISTED", 3)
    page = write.report_page(report, None, kept)
    section = page.split("## 带说明的文章", 1)[1]
    assert section.count("](a/") - section.count("#p") == 3
    assert "下表列出按来源文件排列的前 3 篇；全部见 [articles\\.csv](articles.csv) 的 notes 列。" in section


def test_topics_beyond_the_cap_are_counted_listed_and_named(seed_build, articles):
    """数字政协 0 on the topics page read as "nothing on it" while five seed articles discuss it (a
    researcher's review): the page says how topics are given, counts the articles that also discuss
    each topic, a topic's page lists them, an article's page names them, and the CSV has them."""
    import csv
    import io
    from collections import Counter

    from cppcc_archive import write

    docs = seed_build / "docs"
    mentioned = Counter(t for a in articles for t in a["topics_mentioned"])
    assert mentioned["数字政协"] == 5 and not any(set(a["topics"]) & set(a["topics_mentioned"]) for a in articles)
    index = (docs / "topics" / "index.md").read_text(encoding="utf-8")
    assert "最多 4 个" in index and "| 亦有论及 |" in index
    for name, slug in ((t, write.topic_slug(t)) for t in mentioned):
        row = next(line for line in index.splitlines() if line.startswith(f"| [{name}]({slug}.md)"))
        assert row.rstrip().endswith(f"| {mentioned[name]} |"), row
        page = (docs / "topics" / f"{slug}.md").read_text(encoding="utf-8")
        section = page.split("## 亦有论及", 1)[1]
        listed = {a["id"] for a in articles if f"../a/{a['id']}.md" in section}
        assert listed == {a["id"] for a in articles if name in a["topics_mentioned"]}, name
    for a in articles:
        page = (docs / "a" / f"{a['id']}.md").read_text(encoding="utf-8")
        line = "- **亦有论及**：" + "、".join(a["topics_mentioned"])
        assert (line + "\n" in page) == bool(a["topics_mentioned"]), a["id"]
    rows = list(csv.DictReader(io.StringIO((docs / "articles.csv").read_text(encoding="utf-8-sig"))))
    assert [r["topics_mentioned"] for r in rows] == ["；".join(a["topics_mentioned"]) for a in articles]


def test_a_devised_title_says_whether_the_source_gave_none_or_its_beginning_is_elsewhere(seed_build, articles):
    """Seed 003's 新疆 piece is 上接第1版: its headline is on that page, not absent, yet its page said
    原文无标题 (a researcher's review).  Seed 004's piece begins in this file and has none."""
    docs = seed_build / "docs"
    derived = {a["id"]: a for a in articles if a["title_derived"]}
    continued = [i for i, a in derived.items() if any(n.startswith("本文上接第") for n in a["notes"])]
    whole = [i for i, a in derived.items() if not any("开头" in n for n in a["notes"])]
    assert continued and whole
    for i in continued:
        assert "- **标题**：原文标题不在本来源文件中（本文开头不在其中" in (docs / "a" / f"{i}.md").read_text(encoding="utf-8")
    for i in whole:
        assert "- **标题**：原文无标题，此标题由正文首句生成" in (docs / "a" / f"{i}.md").read_text(encoding="utf-8")


def test_an_article_page_says_when_the_original_is_in_traditional_script(seed_build, articles):
    """Seeds 002 and 004 are in traditional script; their pages show simplified text, and nothing above
    the text said so (a user's review): a researcher quoting the original needs its forms."""
    traditional = {a["id"] for a in articles if a["script"] == "traditional"}
    assert len(traditional) == 2
    for a in articles:
        page = (seed_build / "docs" / "a" / f"{a['id']}.md").read_text(encoding="utf-8")
        assert ("- **原文字形**：繁体；本站以简体收录" in page) == (a["id"] in traditional), a["id"]


def test_charts_headings_and_header_as_assistive_technology_reads_them(seed_build):
    """From an accessibility audit (axe-core): a chart holding links is a group, not an image (an
    image's content, links included, is hidden from screen readers), each link named by its figure;
    a chart without links is an image whose name holds every figure; no page skips a heading level;
    the header's menu and search labels carry no aria-label (not allowed on a label)."""
    site = seed_build / "site"
    stats = (site / "stats" / "index.html").read_text(encoding="utf-8")
    charts = re.findall(r"(<svg[^>]*aria-label[^>]*>)(.*?)</svg>", stats, re.S)   # not the icons
    assert len(charts) >= 3
    for tag, content in charts:
        role = re.search(r'role="?(\w+)', tag).group(1)
        assert role == ("group" if "<a " in content else "img"), tag
        for link in re.findall(r"<a [^>]*>", content):
            assert re.search(r'aria-label="?[^">]+(：| )\d+ 篇', link), link
    level = next(tag for tag, content in charts if "<a " not in content)
    assert re.search(r'aria-label="各层级文章数：全国 \d+ 篇，省 \d+ 篇', level), level
    assert stats.index("全国 1 篇（全国政协）") < stats.index("北京 2 篇（北京市）")   # the 全国 tile first, as it stands
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        article = html[html.find("<article"):html.find("</article>")]
        levels = [int(h) for h in re.findall(r"<h([1-6])[ >]", article)]
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"{page.relative_to(site)}: h{before} then h{after}"
        assert not re.search(r"<label[^>]*aria-label", html), page.relative_to(site)


# The exports' fields as published until now, in order.  Outside tools read the CSV's columns by place
# and may read the JSON's keys in order: a new field goes at the end, never between (a review found
# that the header test compared CSV_COLUMNS with itself, so an insertion would have passed).
PUBLISHED_CSV = ("id", "url", "title", "date", "date_text", "level", "province", "prefecture", "county", "topics",
                 "keywords", "authors", "publisher", "source_file", "part", "also_in", "source_url", "script",
                 "title_derived", "notes", "raw_url", "raw_line", "topics_mentioned", "page_url", "date_source")
PUBLISHED_JSON = ("id", "url", "title", "title_derived", "source_file", "part", "also_in", "regions", "level", "topics",
                  "topic_cues", "keywords", "date", "date_text", "authors", "people", "publisher", "source_url",
                  "page", "rights", "captions", "credits", "notes", "original_keywords", "script", "text", "changes",
                  "region_evidence", "raw_url", "curated", "raw_line", "topics_mentioned", "date_source")


def test_the_exports_only_ever_grow_at_their_end(seed_build, articles):
    import csv
    import io

    header = next(csv.reader(io.StringIO((seed_build / "docs" / "articles.csv").read_text(encoding="utf-8-sig"))))
    assert tuple(header[:len(PUBLISHED_CSV)]) == PUBLISHED_CSV
    for a in articles:
        assert tuple(a)[:len(PUBLISHED_JSON)] == PUBLISHED_JSON, a["id"]


def test_every_problem_kind_has_a_chinese_label():
    """The report page names a problem's kind in Chinese; one added without a label showed its code
    alone (double-encoded, in the sixteenth session, until a read-through)."""
    from pathlib import Path

    from cppcc_archive import write

    kinds = set()
    for path in Path(write.__file__).parent.rglob("*.py"):
        kinds |= set(re.findall(r'Problem\(\s*[\w.\[\]"]+,\s*"([a-z-]+)"', path.read_text(encoding="utf-8")))
    assert len(kinds) > 20 and kinds <= set(write.PROBLEM_LABELS), sorted(kinds - set(write.PROBLEM_LABELS))
