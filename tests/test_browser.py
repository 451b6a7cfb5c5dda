"""Drive the built seed site in headless Chromium, as a reader would."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import CHROMIUM, new_page, serve_directory

SHOTS = Path(__file__).parent / "screenshots"

if not os.path.exists(CHROMIUM):
    if os.environ.get("REQUIRE_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} is missing but REQUIRE_BROWSER is set: browser tests must run")
    pytestmark = pytest.mark.skip(reason=f"!!! {CHROMIUM} not installed: browser tests SKIPPED")
else:
    pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(seed_build):
    with serve_directory(seed_build / "site") as url:
        yield url


@pytest.fixture
def page(browser, site_url):
    ctx, pg = new_page(browser)
    yield pg
    ctx.close()


def test_home_article_region_topic(page, site_url, articles):
    page.goto(site_url)
    assert page.title() == "政协文库"   # the site's name once, not "政协文库 - 政协文库"
    assert page.locator("text=篇文章").first.is_visible()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "home-desktop.png"))
    page.click("nav >> text=地区")
    page.wait_for_url("**/regions/")
    page.click("table >> text=西藏自治区")
    page.wait_for_url("**/regions/540000/")
    assert page.locator("h1").inner_text().startswith("西藏自治区")
    page.locator("article a[href*='/a/']").first.click()
    page.wait_for_url("**/a/*/")
    assert page.locator("h1").first.is_visible()
    assert page.locator("text=原始文本").first.is_visible()
    page.locator("article a[href*='/topics/']").first.click()
    page.wait_for_url("**/topics/*/")
    assert page.locator("article a[href*='/a/']").count() >= 1
    assert set(page.requested_hosts) == {urlparse(site_url).netloc}, page.requested_hosts


def test_tag_chip_and_tag_index_lead_to_the_county_section(page, site_url, articles):
    """A reader clicks an article's region tag and lands on the county's section of its province
    page; from the tag index, a county tag leads to the same section."""
    art = next(a for a in articles if a["regions"] and a["regions"][0]["code"] == "500115")   # 长寿区
    page.goto(site_url + art["url"])
    page.locator("nav.md-tags a", has_text="地区/重庆市/长寿区").click()
    page.wait_for_url("**/regions/500000/#c500115")
    section = page.locator("h2#c500115")
    assert section.is_visible() and section.inner_text().startswith("长寿区")
    assert page.locator(f"article a[href$='/a/{art['id']}/']").count() >= 1
    page.click("nav >> text=标签")
    page.wait_for_url("**/tags/")
    assert page.locator("article li li", has_text="长寿区").first.inner_text() == "长寿区（1）"   # under 重庆市
    page.locator("article a", has_text="长寿区").first.click()
    page.wait_for_url("**/regions/500000/#c500115")
    assert set(page.requested_hosts) == {urlparse(site_url).netloc}, page.requested_hosts


def test_search_for_a_chinese_word(page, site_url, articles):
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.fill("input.md-search__input", "郑州")
    page.wait_for_selector(".md-search-result__item", timeout=60000)
    first = page.locator(".md-search-result__item").first.inner_text()
    assert "郑州" in first
    page.screenshot(path=str(SHOTS / "search-desktop.png"))


def test_mobile_width(browser, site_url, articles):
    ctx, pg = new_page(browser, 390, 844)
    a = next(x for x in articles if x["source_file"].startswith("004"))
    pg.goto(site_url + a["url"])
    assert "北京" in pg.locator("h1").first.inner_text()
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, width
    SHOTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(SHOTS / "article-mobile.png"))
    # The home page's topics and years: each item on one line (社情民意（2） broke into 社情 | 民意,
    # and a count began a line of its own, in a user's review).
    pg.goto(site_url)
    lines = pg.evaluate("""() => [...document.querySelectorAll('.archive-item')].map(e => {
        const tops = new Set([...e.getClientRects()].map(r => Math.round(r.top)));
        return [e.textContent, tops.size]; })""")
    assert len(lines) >= 10 and all(n == 1 for _, n in lines), lines
    assert pg.evaluate("document.documentElement.scrollWidth") <= 400
    ctx.close()


def assert_no_tab_cut(pg):
    """Every tab label the strip shows is whole and clear of the chevrons: a cut character reads as
    another one. Tabs an edge cuts are marked and hidden (opacity 0, after a 0.25 s transition)."""
    pg.wait_for_timeout(300)   # marked again once fonts and styles are in
    pg.wait_for_function("""() => [...document.querySelectorAll('.md-tabs__item[data-clipped] .md-tabs__link')]
                                  .every(a => getComputedStyle(a).opacity === '0')""")
    shown = pg.evaluate("""() => {
        const list = document.querySelector('.md-tabs__list'), bar = list.closest('.md-tabs');
        const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
        const box = list.getBoundingClientRect(), outer = bar.getBoundingClientRect();
        const from = bar.hasAttribute('data-more-before') ? outer.left + 1.6 * rem : box.left;
        const to = bar.hasAttribute('data-more-after') ? outer.right - 1.6 * rem : box.right;
        return [...list.querySelectorAll('.md-tabs__link')]
            .filter(a => !a.parentElement.hasAttribute('data-clipped'))
            .map(a => { const r = a.getBoundingClientRect(); return [a.textContent.trim(), r.left >= from - 1 && r.right <= to + 1]; });
    }""")
    assert shown and all(whole for _, whole in shown), shown
    return [name for name, _ in shown]


def test_phone_navigation_by_tab_strip_and_drawer(browser, site_url, articles):
    """On a phone the tabs are a strip that scrolls sideways, each hidden end faded. A page whose
    drawer would only repeat them (an article, a province page: Material shows a table of contents
    in the drawer only for pages in the navigation) has none, and its logo, a link home, stands
    where the menu button was. The section's tab is marked current, also on its deeper pages, and
    scrolled into view. An index page in the navigation keeps Material's drawer with its table of
    contents. No script error anywhere."""
    ctx, pg = new_page(browser, 390, 844)
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(site_url + articles[0]["url"])
    assert pg.locator("label.md-header__button[for=__drawer]").count() == 0
    assert pg.locator("[data-md-type=navigation]").count() == 0   # no drawer list in the HTML
    assert pg.locator(".md-header__button.md-logo").is_visible()
    strip, bar = pg.locator(".md-tabs__list"), pg.get_by_role("navigation", name="栏目")   # not 标签, a tab's name
    assert bar.is_visible()
    assert bar.get_attribute("data-more-before") is None and bar.get_attribute("data-more-after") is not None
    assert_no_tab_cut(pg)
    stats = strip.locator("a", has_text="统计")
    stats.focus()   # as the Tab key would: the tab comes whole and clear of the chevron
    assert "统计" in assert_no_tab_cut(pg)
    strip.evaluate("e => { e.scrollLeft = 0; }")
    pg.wait_for_function("!document.querySelector('.md-tabs').hasAttribute('data-more-before')")
    about = strip.locator("a", has_text="关于")
    about.scroll_into_view_if_needed()
    pg.wait_for_function("!document.querySelector('.md-tabs').hasAttribute('data-more-after')")   # no chevron at the end
    assert bar.get_attribute("data-more-before") is not None   # the first tabs are now beyond the left edge
    assert_no_tab_cut(pg)
    about.click()
    pg.wait_for_url("**/about/")
    active = pg.locator(".md-tabs__item--active a")
    assert active.inner_text().strip() == "关于" and active.get_attribute("aria-current") == "page"
    box = active.bounding_box()   # scrolled into view on load, inside the strip's visible part
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box

    # Deep in a long article the strip is still there, under the header, and its tabs work; a
    # paragraph jumped to lands below both (before: the strip scrolled away with the page).
    long = max(articles, key=lambda a: len(a["text"]))
    pg.goto(site_url + long["url"] + "#p8")
    pg.wait_for_timeout(400)
    assert pg.evaluate("window.scrollY") > 800
    strip_box = pg.locator(".md-tabs").bounding_box()
    header_box = pg.locator(".md-header").bounding_box()
    assert abs(strip_box["y"] - (header_box["y"] + header_box["height"])) <= 1, (strip_box, header_box)
    assert pg.locator("#p8").bounding_box()["y"] >= strip_box["y"] + strip_box["height"]
    assert pg.locator(".md-tabs__link", has_text="地区").evaluate("a => getComputedStyle(a).opacity") != "0"
    pg.locator(".md-tabs__link", has_text="地区").click()
    pg.wait_for_url("**/regions/")

    pg.goto(site_url + "regions/110000/")
    assert pg.locator("label.md-header__button[for=__drawer]").count() == 0
    active = pg.locator(".md-tabs__item--active a")
    assert active.inner_text().strip() == "地区" and active.get_attribute("aria-current") == "location"

    pg.goto(site_url + "stats/")
    assert_no_tab_cut(pg)
    menu = pg.locator("label.md-header__button[for=__drawer]")
    assert menu.is_visible() and not pg.locator(".md-header__button.md-logo").is_visible()
    menu.click()
    drawer = pg.locator(".md-sidebar--primary .md-nav--secondary")
    drawer.first.wait_for(state="visible")
    assert errors == []
    ctx.close()


def test_traditional_switch_is_remembered(page, site_url, articles):
    a = next(x for x in articles if x["source_file"].startswith("001"))
    page.goto(site_url + a["url"])
    h1 = page.locator("article h1").first
    assert "协" in h1.inner_text() or "发" in h1.inner_text() or "贯" in h1.inner_text()
    simplified = h1.inner_text()
    page.click(".zxwk-script-toggle")
    page.wait_for_function("document.documentElement.getAttribute('data-script') === 'traditional' && !!window.OpenCC")
    page.wait_for_timeout(200)
    traditional = h1.inner_text()
    assert traditional != simplified and ("協" in traditional or "貫" in traditional or "發" in traditional)
    # What a screen reader reads and the tab shows is converted too (an accessibility audit), and
    # restored when the reader switches back.
    anchor = page.locator(".para-anchor").first
    assert anchor.get_attribute("aria-label").endswith("段的鏈接")
    title = page.title()
    page.click(".zxwk-script-toggle")
    assert anchor.get_attribute("aria-label").endswith("段的链接") and page.title() != title
    page.click(".zxwk-script-toggle")
    page.wait_for_function("document.documentElement.getAttribute('data-script') === 'traditional'")
    assert anchor.get_attribute("aria-label").endswith("段的鏈接") and page.title() == title
    page.goto(site_url)  # another page: the choice is remembered
    page.wait_for_function("!!window.OpenCC")
    page.wait_for_timeout(200)
    assert "政協文庫" in page.locator("article h1").first.inner_text()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "home-traditional.png"))
    assert page.locator("nav.md-header__inner").get_attribute("aria-label") == "頁眉"
    page.click(".zxwk-script-toggle")
    assert "政协文库" in page.locator("article h1").first.inner_text()
    assert page.locator("nav.md-header__inner").get_attribute("aria-label") == "页眉" and page.title() == "政协文库"
    assert set(page.requested_hosts) == {urlparse(site_url).netloc}


def test_traditional_script_uses_the_forms_traditional_sources_use(page, site_url, articles):
    """The switch gave OpenCC's reference forms (以主题教育爲契機, 祕書長: a user's review); the
    seeds written in traditional script use 為 and 秘, which Taiwan's standard gives."""
    a = next(x for x in articles if "为" in x["text"] and "秘书长" in x["text"])
    page.goto(site_url + a["url"])
    page.click(".zxwk-script-toggle")
    page.wait_for_function("document.documentElement.getAttribute('data-script') === 'traditional' && !!window.OpenCC")
    page.wait_for_function("document.querySelector('article').innerText.indexOf('書') !== -1", timeout=30000)
    text = page.locator("article").first.inner_text()
    assert "爲" not in text and "祕" not in text and "秘書長" in text
    # 长发 after a title is not long hair (OpenCC: 部長髮表講話); text added later is converted too.
    page.evaluate("""() => { const p = document.createElement('p');
        p.id = 'zxwk-test'; p.textContent = '部长发表讲话，秘书长发布，市长发布会，家长发现，她留着长发，她的长发来回。';
        document.querySelector('article').appendChild(p); }""")
    page.wait_for_function("document.getElementById('zxwk-test').textContent.indexOf('講話') !== -1")
    assert page.locator("#zxwk-test").inner_text() == "部長發表講話，秘書長發布，市長發佈會，家長發現，她留著長髮，她的長髮來回。"


def test_traditional_script_gets_cppcc_words_right(page, site_url, articles):
    """OpenCC's cn → tw tables gave 新徵程 (to levy), 乾事 (dry) and 閱籤 (a slip) in the seeds' text
    (a reviewer reading the 繁 view): they are 新征程, 幹事 and 閱簽, while 標籤 stays a slip and the
    words the mends must not touch (a review: 特徵程度, 曬乾事後) stay as OpenCC gives them."""
    wanted = {"新征程": "新征程", "营造良好干事氛围": "營造良好幹事氛圍", "办后阅签机制": "辦後閱簽機制"}
    for simplified, traditional in wanted.items():
        a = next(x for x in articles if simplified in x["text"])
        page.goto(site_url + a["url"])
        tabs = page.locator("body").inner_text()
        page.click(".zxwk-script-toggle")
        page.wait_for_function("document.documentElement.getAttribute('data-script') === 'traditional' && !!window.OpenCC")
        page.wait_for_function("document.querySelector('article').innerText.indexOf('協') !== -1", timeout=30000)
        text = page.locator("article").first.inner_text()
        assert traditional in text, simplified
        assert "标签" in tabs and "標籤" in page.locator("body").inner_text()   # the 标签 tab: a slip
        page.click(".zxwk-script-toggle")   # back to simplified for the next page
    page.click(".zxwk-script-toggle")
    page.wait_for_function("document.documentElement.getAttribute('data-script') === 'traditional'")
    page.evaluate("""() => { const p = document.createElement('p'); p.id = 'zxwk-fix';
        p.textContent = '特征程度，象征程序，晒干事后，饼干事件，标签批量，伟大征程。';
        document.querySelector('article').appendChild(p); }""")
    page.wait_for_function("document.getElementById('zxwk-fix').textContent.indexOf('程度') > 0 "
                           "&& document.getElementById('zxwk-fix').textContent.indexOf('徵') !== -1")
    assert page.locator("#zxwk-fix").inner_text() == "特徵程度，象徵程序，曬乾事後，餅乾事件，標籤批量，偉大征程。"


def test_search_then_traditional_switch_then_traditional_query(page, site_url, articles):
    """Both features load an opencc-js build into window.OpenCC (t → cn for queries,
    cn → t for pages); whichever loads second must not break the other."""
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.fill("input.md-search__input", "延慶")   # traditional query: loads the t → cn build
    page.wait_for_selector(".md-search-result__item", timeout=60000)
    assert "延庆" in page.locator(".md-search-result__item").first.inner_text()
    page.keyboard.press("Escape")
    page.click(".zxwk-script-toggle")   # now the cn → t build
    page.wait_for_function("document.documentElement.getAttribute('data-script') === 'traditional'")
    page.wait_for_function("document.querySelector('.md-content article h1').innerText.indexOf('政協文庫') !== -1", timeout=30000)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.fill("input.md-search__input", "")
    page.fill("input.md-search__input", "鄭州")   # a new traditional query still converts
    page.wait_for_selector(".md-search-result__item >> text=/郑州|鄭州/", timeout=60000)
    # The page reads as traditional Chinese, and the status still shows the simplified query it searched.
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    page.wait_for_function("(document.querySelector('[data-archive-status] [data-no-convert]') || {}).textContent === '郑州'")
    assert "檢索" in page.locator("[data-archive-status]").inner_text()


def test_a_devised_title_is_explained_where_it_is_listed(page, site_url, articles):
    """Seed 003's 有多少游客来到新疆只为一览塞北大漠风光 is listed in ［］ (the build devised it from the
    text's first sentence); only the about page said what the brackets mean (a user's review). A
    page listing one says it under its text, a page listing none does not, and the search result's
    title says it when pointed at."""
    derived = next(a for a in articles if a["title_derived"] and a["source_file"].startswith("003_"))
    page.goto(site_url + "regions/650000/")
    assert page.locator(f"article a[href$='a/{derived['id']}/']").inner_text() == f"［{derived['title']}］"
    legend = "［］中的标题由本馆据正文第一句拟定（原文没有标题）。"
    assert page.locator("article p", has_text=legend).count() == 1
    page.goto(site_url + "regions/110000/")
    assert page.locator("article a[href*='/a/']").count() and page.locator("article p", has_text=legend).count() == 0
    page.goto(site_url + "?q=" + "塞北大漠")
    page.wait_for_function("() => document.querySelector('[data-archive-search]').getAttribute('data-archive-state') === 'done'",
                           timeout=20000)
    first = page.locator(".md-search-result__item h1").first
    assert first.inner_text() == f"［{derived['title']}］" and first.get_attribute("title").startswith("原文没有标题")


# WCAG 2.1 A and AA, and axe's best practices (axe-core, from axe-playwright-python).
AXE_RULES = {"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"], "resultTypes": ["violations"]}


def _axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, options=AXE_RULES).response["violations"]
    return [f"{v['id']} ({v['impact']}): {', '.join(' '.join(n['target']) for n in v['nodes'][:3])}" for v in found]


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_an_accessibility_audit_finds_nothing(browser, site_url, articles, width):
    """axe-core over every kind of page, the search with its results and the 繁 view (an audit found
    charts hiding their links, a skipped heading level, names on labels, links told by colour alone)."""
    many = next(a for a in articles if a["source_file"].startswith("003"))
    province = next(a for a in articles if a["regions"])["regions"][0]["code"][:2] + "0000"
    paths = ["", many["url"], "regions/", f"regions/{province}/", "topics/", "dates/", "people/", "sources/",
             "stats/", "report/", "data/", "about/"]
    ctx, page = new_page(browser, width=width)
    found = {}
    for path in paths:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        found[path or "/"] = _axe_violations(page)
    page.goto(site_url + "?q=" + "政协")   # the search, opened with its results
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    found["search"] = _axe_violations(page)
    page.goto(site_url + many["url"])
    page.click(".zxwk-script-toggle")
    page.wait_for_function("document.documentElement.getAttribute('data-script') === 'traditional' && !!window.OpenCC")
    found["繁"] = _axe_violations(page)
    ctx.close()
    assert {k: v for k, v in found.items() if v} == {}
