"""The published site under a project path (/sub/), as GitHub Pages serves it, in headless Chromium.

The seeds are built twice into temporary --out directories: once with SITE_URL
unset (relative links only) and once with SITE_URL=http://127.0.0.1:PORT/sub/
(absolute feed links, canonical URLs).  Both are served under /sub/, never at
the root, so nothing may assume the site lives at a domain root.  A reader
opens the home page, follows the Atom feed link and the download links of the
data page, and every one answers 200 with the right type and parsable content.

The seeds are committed to a throw-away git repository with a fixed date, so
undated articles get their feed date from git, as in CI.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

from cppcc_archive.write import topic_slug

from conftest import CHROMIUM, new_page

# Flipped to True once feeds, citations and the feed <link> are wired into the build.
INTEGRATED = True

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
PREFIX = "/sub/"
COMMIT_DATE = "2025-03-04T12:00:00+08:00"
XML_TYPES = ("application/atom+xml", "application/xml", "text/xml")

pytestmark = [pytest.mark.skipif(not INTEGRATED, reason="publishing not integrated yet (INTEGRATED = False)"),
              pytest.mark.browser]
if INTEGRATED and not os.path.exists(CHROMIUM):
    if os.environ.get("REQUIRE_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} is missing but REQUIRE_BROWSER is set: browser tests must run")
    pytestmark.append(pytest.mark.skip(reason=f"!!! {CHROMIUM} not installed: browser tests SKIPPED"))


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the browser drops connections it no longer needs; that is not a failure


class _Server:
    """Serves a directory under PREFIX only (like https://OWNER.github.io/REPO/); 404 elsewhere."""

    def __init__(self):
        self.root: Path | None = None
        server = self

        class Handler(SimpleHTTPRequestHandler):
            def translate_path(self, path):
                if server.root is None or not path.startswith(PREFIX):
                    return str(Path("/nonexistent") / "x")
                self.directory = str(server.root)
                return super().translate_path("/" + path[len(PREFIX):])

            def log_message(self, *a):
                pass

            def send_error(self, code, message=None, explain=None):
                # As GitHub Pages does: a missing address under the site gets the site's 404.html.
                page = server.root / "404.html" if server.root is not None else None
                if code != 404 or page is None or not page.exists() or not self.path.startswith(PREFIX):
                    return super().send_error(code, message, explain)
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}{PREFIX}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture(scope="module")
def seed_repo(tmp_path_factory) -> Path:
    """The seeds committed once to a fresh git repository (fixed date, no user configuration)."""
    repo = tmp_path_factory.mktemp("seedrepo")
    shutil.copytree(SEEDS, repo / "seeds")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "seeds"]):
        subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c",
                        "commit.gpgsign=false", *args], cwd=repo, env=env, check=True, capture_output=True)
    return repo / "seeds"


@pytest.fixture(scope="module", params=["relative", "site_url"])
def site(request, seed_repo, tmp_path_factory):
    """(base URL, SITE_URL used or None, OUT) for a build served under /sub/."""
    server = _Server()
    out = tmp_path_factory.mktemp(f"publish-{request.param}")
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    site_url = server.base if request.param == "site_url" else None
    if site_url:
        env["SITE_URL"] = site_url
    proc = subprocess.run([sys.executable, str(REPO / "build.py"), "--seeds", str(seed_repo), "--out", str(out),
                           "--quiet"], env=env, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    server.root = out / "site"
    yield server.base, site_url, out
    server.httpd.shutdown()


@pytest.fixture
def page(browser, site):
    ctx, pg = new_page(browser)
    yield pg
    ctx.close()


def _content_type(resp) -> str:
    return resp.headers.get("content-type", "").split(";")[0].strip()


def test_home_feed_link_gives_a_valid_atom_feed(page, site):
    import feedparser

    base, site_url, out = site
    resp = page.goto(base)
    assert resp.status == 200 and "政协文库" in page.title()
    if site_url:
        assert page.locator("link[rel=canonical]").get_attribute("href") == site_url
    link = page.locator('head link[rel=alternate][type="application/atom+xml"]').first
    href = link.evaluate("e => e.href")  # resolved by the browser, as a feed reader would
    assert href == base + "feeds/all.xml"
    feed = page.goto(href)
    assert feed.status == 200 and _content_type(feed) in XML_TYPES
    d = feedparser.parse(feed.body(), response_headers={"content-location": href,
                                                         "content-type": feed.headers["content-type"]})
    assert d.bozo == 0, d.get("bozo_exception")
    articles = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    # Every seed is committed, so every article has a date and is in the feed.
    assert len(d.entries) == min(50, len(articles))
    for e in d.entries:
        assert e.link.startswith(base + "a/"), e.link
    first = page.goto(d.entries[0].link)
    assert first.status == 200 and _content_type(first) == "text/html"
    summary = page.locator("details.cite summary")
    assert summary.inner_text() == "引用本文"
    summary.click()  # the citation opens and shows the article's address when the site's is known
    cited = page.locator("details.cite code").first.inner_text()
    from cppcc_archive.cite import is_web_outlet

    rec = next(a for a in articles if d.entries[0].link == base + a["url"])
    kind = "EB/OL" if is_web_outlet(rec) else "N/OL" if site_url else "N"
    assert f"[{kind}]" in cited
    # Each copy button is named by the format it copies, not three times 复制.
    for fmt in ("GB/T 7714", "BibTeX", "CSL-JSON"):
        page.get_by_role("button", name=f"复制 {fmt} 格式的引文").wait_for()
    if site_url:
        assert d.entries[0].link in cited
    assert set(page.requested_hosts) == {urlparse(base).netloc}, page.requested_hosts


def test_a_citation_names_the_day_the_reader_opened_the_page(browser, site):
    """The 引用日期 (urldate, accessed) is the reader's day, filled in by the page's script: on a
    clock set to 5 January 2027 each form is exactly what cite.py gives for that day, for an article
    dated by month and day alone and one with no date (the seeds give no year; the entered day both
    cite is the seeds' commit)."""
    from cppcc_archive.cite import citation

    base, site_url, out = site
    articles = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    dated = next(a for a in articles if a["date_text"])
    undated = next(a for a in articles if not a["date_text"] and not a["date"])
    # The reader's own day: 10:00 in Beijing is still 4 January west of UTC-2 (a review).
    ctx = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai")
    page = ctx.new_page()
    page.clock.set_fixed_time("2027-01-05T10:00:00+08:00")
    for rec in (dated, undated):
        page.goto(base + rec["url"])
        page.locator("details.cite summary").click()
        shown = [c.text_content() for c in page.locator("details.cite code").all()]
        want = citation(rec, site_url or "", COMMIT_DATE[:10], "2027-01-05")
        assert shown == [want["text"], want["bibtex"].rstrip("\n"), want["csl_json"]], rec["url"]
        assert ("[2027-01-05]" in shown[0]) == bool(site_url or rec.get("source_url"))
        # Which form to import into a reference manager (written by the script, not in the HTML).
        hint = page.locator("details.cite .cite-hint").inner_text()
        dated = '"issued"' in want["csl_json"]   # a 本报讯 lead's day is not the paper's: none
        assert hint.startswith("导入 Zotero") and hint.endswith("与原文日期。" if dated else "与各项著录信息。")
    ctx.close()


def test_pages_that_link_feeds_make_no_failing_request(page, site):
    """Material fetches sitemap.xml beside every feed link (it takes them for language versions)."""
    base, _, out = site
    article = json.loads((out / "articles.json").read_text(encoding="utf-8"))[0]["url"]
    for path in ("", "regions/110000/", f"topics/{topic_slug('政治协商')}/", article):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
    assert page.failed_responses == []


def test_province_page_links_its_own_feed(page, site):
    base, _, _ = site
    page.goto(base + "regions/110000/")
    hrefs = page.locator('head link[rel=alternate][type="application/atom+xml"]').evaluate_all(
        "els => els.map(e => e.href)")
    assert base + "feeds/province/110000.xml" in hrefs
    resp = page.request.get(base + "feeds/province/110000.xml")
    assert resp.status == 200 and _content_type(resp) in XML_TYPES


def test_data_page_download_links(page, site):
    base, site_url, out = site
    page.goto(base)
    page.click("nav >> text=数据")
    page.wait_for_url("**/data/")
    articles = json.loads((out / "articles.json").read_text(encoding="utf-8"))

    json_href = page.locator("article a[href$='articles.json']").first.evaluate("e => e.href")
    assert json_href == base + "articles.json"
    resp = page.goto(json_href)
    assert resp.status == 200 and _content_type(resp) == "application/json"
    assert [a["id"] for a in json.loads(resp.body())] == [a["id"] for a in articles]

    page.goto(base + "data/")
    gz_href = page.locator("article a[href$='articles.json.gz']").first.evaluate("e => e.href")
    assert gz_href == base + "articles.json.gz"
    resp = page.request.get(gz_href)  # a download: gzip'd bytes, not a page
    assert resp.status == 200 and _content_type(resp) == "application/gzip"
    assert gzip.decompress(resp.body()) == (out / "articles.json").read_bytes()

    csv_href = page.locator("article a[href$='articles.csv']").first.evaluate("e => e.href")
    assert csv_href == base + "articles.csv"
    resp = page.request.get(csv_href)  # a spreadsheet download, not a page
    assert resp.status == 200 and _content_type(resp) == "text/csv"
    text = resp.body().decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][0] == "id" and len(rows) == len(articles) + 1
    # page_url: the full address a spreadsheet opens when the site's is known, else the site path.
    at = rows[0].index("page_url")
    for row, a in zip(rows[1:], articles):
        assert row[at] == (site_url + a["url"] if site_url else a["url"])
    if site_url:
        assert page.request.get(rows[1][at]).status == 200

    feed_links = page.locator("article a[href$='.xml']")
    if feed_links.count():  # the data page may list the feeds too
        resp = page.request.get(feed_links.first.evaluate("e => e.href"))
        assert resp.status == 200


@pytest.mark.parametrize("site", ["site_url"], indirect=True)
def test_missing_address_gets_a_chinese_404_page_whose_links_work(page, site):
    """However deep the missing address, the 404 page is styled and its links lead into the site
    (MkDocs makes error pages' links absolute from site_url; without it they assume the domain root)."""
    base, _, _ = site
    resp = page.goto(base + "a/no-such-article/deeper/")
    assert resp.status == 404
    assert page.locator("h1").first.inner_text().startswith("404 · 页面不存在")
    assert "Not found" not in page.content()
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") in ("sticky", "fixed")
    for label, path in (("首页", ""), ("地区", "regions/"), ("主题", "topics/"), ("时间线", "dates/")):
        link = page.locator("article a", has_text=label).first
        assert link.evaluate("e => e.href") == base + path
        assert page.request.get(base + path).status == 200
