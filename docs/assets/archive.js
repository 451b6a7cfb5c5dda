/* 政协文库 page scripts: the 简/繁 switch, paragraph anchors, the phones' tab strip, the
 * citation box's copy buttons' names, the reader's day in its citations and its import hint.
 *
 * Pages are simplified Chinese.  Readers in Hong Kong, Macao and Taiwan can
 * switch any page to traditional script; conversion runs in the browser
 * with the vendored OpenCC data (opencc-js, cn → tw: Taiwan's standard
 * characters, 為 and 秘, not OpenCC's reference forms 爲 and 祕, which the
 * traditional seeds never use), loaded only on first use.  The choice is remembered (localStorage) and applied to text that
 * appears later (search results).  Nothing here inserts HTML: only text
 * node values change, so article text stays inert.
 */
(function () {
  "use strict";
  var KEY = "zxwk-script";
  var SKIP = { SCRIPT: 1, STYLE: 1, TEXTAREA: 1, INPUT: 1, CODE: 1, PRE: 1, NOSCRIPT: 1 };
  var original = new WeakMap();
  var converter = null;
  var observer = null;
  var base = (function () {
    var s = document.currentScript && document.currentScript.src;
    return s ? s.replace(/archive\.js(\?.*)?$/, "") : "assets/";
  })();

  // OpenCC reads 长发 as "long hair" (長髮) wherever a title ending in 长 meets a verb starting
  // with 发: 部长发表讲话 became 部長髮表講話, 家长发现 家長髮現.  After the conversion, 長髮 after
  // the character before 长 in a title (部, 市, 书 of 秘书长 …) and before the first character of
  // such a verb (in either of the forms OpenCC gives it) is 長發; hair stays hair (她的長髮, 長髮來回).
  var TITLE_HEADS = "部市省縣區州鎮鄉村局處科所室院校家書組會員事團隊社行司署廳廠站班館園庭察計艦機船總首";
  var VERB_STARTS = "表布佈揮現出放展動起言行送揚生來給函文電帖聲力掘明射售票獎證病覺熱光達酵貨育難財問令號炎誓源端稿往回";
  var AFTER_TITLE = [];
  TITLE_HEADS.split("").forEach(function (h) {
    VERB_STARTS.split("").forEach(function (c) { AFTER_TITLE.push([h + "長髮" + c, h + "長發" + c]); });
  });

  // Words the cn → tw tables get wrong in CPPCC writing (found converting the seeds, and by a
  // reviewer reading the 繁 view): the 新征程 of a journey is not 徵 (to levy; 特徵程度 stays), a
  // 干事 after 好 (良好干事氛围; elsewhere the tables give 幹事, and 曬乾事後 stays dry) is 幹 not 乾,
  // and to sign off a document (阅签, 会签 …) is 簽, not 籤 (a slip, as in 標籤 and 標籤批量).
  var WORD_FIXES = [["新徵程", "新征程"], ["好乾事", "好幹事"], ["閱籤", "閱簽"], ["會籤", "會簽"], ["審籤", "審簽"],
                    ["批籤", "批簽"], ["核籤", "核簽"]];

  // window.OpenCC is whichever opencc-js build loaded last: the search's
  // (traditional → simplified) has no cn → tw data, so it is used only if it can.
  function cnToT(O) {
    try {
      return O && O.Locale && O.Locale.from && O.Locale.from.cn
        ? O.ConverterFactory(O.Locale.from.cn, O.Locale.to.tw, [AFTER_TITLE.concat(WORD_FIXES)]) : null;
    }
    catch (e) { return null; }
  }

  function loadConverter(done) {
    if (converter) return done(converter);
    converter = cnToT(window.OpenCC);
    if (converter) return done(converter);
    var tag = document.createElement("script");
    tag.src = base + "search/vendor/opencc-js/cn2t.js";  // vendored beside the search converter
    tag.onload = function () {
      converter = cnToT(window.OpenCC);
      if (converter) done(converter); else setState("simplified");
    };
    tag.onerror = function () { setState("simplified"); };
    document.head.appendChild(tag);
  }

  function eachText(root, fn) {
    if (root.nodeType === 3) { fn(root); return; }
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        for (var p = n.parentNode; p && p !== root.parentNode; p = p.parentNode) {
          if (p.nodeType === 1 && (SKIP[p.nodeName] || (p.dataset && p.dataset.noConvert !== undefined))) {
            return NodeFilter.FILTER_REJECT;
          }
        }
        return /[\u3400-\u9fff]/.test(n.nodeValue) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(fn);
  }

  // Names and hints a screen reader reads or a pointer shows (页眉, 搜索文章, 第 3 段的链接) are
  // converted with the text (an accessibility audit: they stayed simplified under lang=zh-Hant).
  var NAMED = ["aria-label", "title", "placeholder"];
  var originalNames = new WeakMap();   // element → {attribute: [simplified, shown]}
  var originalTitle = null;

  function eachName(root, fn) {
    if (root.nodeType !== 1) return;
    var els = [root].concat(Array.prototype.slice.call(root.querySelectorAll("[aria-label],[title],[placeholder]")));
    els.forEach(function (el) {
      if (el.closest("[data-no-convert]")) return;   // the switch names itself in the other script
      NAMED.forEach(function (name) {
        var v = el.getAttribute(name);
        if (v && /[\u3400-\u9fff]/.test(v)) fn(el, name, v);
      });
    });
  }

  function toTraditional(root) {
    eachText(root, function (n) {
      if (!original.has(n)) original.set(n, n.nodeValue);
      n.nodeValue = converter(original.get(n));
    });
    eachName(root, function (el, name, value) {
      var kept = originalNames.get(el) || {};
      // A name the page set since it was converted is the new original.
      if (!kept[name] || kept[name][1] !== value) kept[name] = [value, null];
      kept[name][1] = converter(kept[name][0]);
      originalNames.set(el, kept);
      el.setAttribute(name, kept[name][1]);
    });
  }

  function toSimplified(root) {
    eachText(root, function (n) {
      if (original.has(n)) { n.nodeValue = original.get(n); original.delete(n); }
    });
    eachName(root, function (el, name, value) {
      var kept = originalNames.get(el);
      if (kept && kept[name]) {
        if (kept[name][1] === value) el.setAttribute(name, kept[name][0]);   // else the page renamed it meanwhile
        delete kept[name];
      }
    });
  }

  function setState(state) {
    try { localStorage.setItem(KEY, state); } catch (e) { /* private mode */ }
    document.documentElement.setAttribute("data-script", state);
    // Screen readers and fonts pick the script from the language tag.
    document.documentElement.setAttribute("lang", state === "traditional" ? "zh-Hant" : "zh");
    var button = document.querySelector(".zxwk-script-toggle");
    if (button) {
      button.textContent = state === "traditional" ? "简" : "繁";
      button.setAttribute("aria-label", state === "traditional" ? "切换为简体" : "切換為繁體");
      button.setAttribute("title", button.getAttribute("aria-label"));
    }
    if (state === "traditional") {
      loadConverter(function () {
        if (originalTitle === null) originalTitle = document.title;
        document.title = converter(originalTitle);
        toTraditional(document.body);
        if (!observer) {
          observer = new MutationObserver(function (records) {
            if (document.documentElement.getAttribute("data-script") !== "traditional") return;
            observer.disconnect();
            records.forEach(function (r) { r.addedNodes.forEach(function (n) { toTraditional(n); }); });
            observer.observe(document.body, { childList: true, subtree: true });
          });
        }
        observer.observe(document.body, { childList: true, subtree: true });
      });
    } else {
      if (observer) observer.disconnect();
      toSimplified(document.body);
      if (originalTitle !== null) { document.title = originalTitle; originalTitle = null; }
    }
  }

  function addToggle() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".zxwk-script-toggle")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "zxwk-script-toggle md-header__button";
    button.setAttribute("data-no-convert", "");
    button.addEventListener("click", function () {
      var now = document.documentElement.getAttribute("data-script") === "traditional";
      setState(now ? "simplified" : "traditional");
    });
    var search = header.querySelector(".md-search") || header.lastElementChild;
    header.insertBefore(button, search);
  }

  // Article paragraphs carry ids (p1, p2 …) in the HTML; the visible ¶ link
  // to each is added here, not in every page's HTML (about 0.8 KB a page).
  function addParagraphAnchors() {
    var paras = document.querySelectorAll(".md-content article p[id^='p']");
    for (var i = 0; i < paras.length; i++) {
      var p = paras[i];
      if (!/^p[0-9]+$/.test(p.id) || p.querySelector(".para-anchor")) continue;
      var a = document.createElement("a");
      a.className = "para-anchor";
      a.href = "#" + p.id;
      a.title = "本段链接";
      a.setAttribute("aria-label", "第 " + p.id.slice(1) + " 段的链接");
      a.textContent = "¶";
      p.appendChild(document.createTextNode(" "));
      p.appendChild(a);
    }
  }

  // The tab of the section a page belongs to: Material marks only the section's own page, so a
  // province, a topic or a later page of an index gets the tab whose address starts its own.
  function currentTab(list) {
    var active = list.querySelector(".md-tabs__item--active");
    if (active) return active;
    var here = location.pathname, home = new URL("..", new URL(base, location.href)).pathname;
    var best = null, bestLength = 0;
    Array.prototype.forEach.call(list.querySelectorAll(".md-tabs__item"), function (item) {
      var link = item.querySelector("a");
      var path = link ? link.pathname : "";
      if (!path || path === home || here.indexOf(path) !== 0 || path.length <= bestLength) return;
      best = item;
      bestLength = path.length;
    });
    if (best) best.classList.add("md-tabs__item--active");
    return best;
  }

  // On phones the tabs are a strip that scrolls sideways (archive.css). A chevron marks an end
  // beyond which tabs lie; a tab an edge cuts is hidden until it is whole; the current section's
  // tab is named as current and, when the strip hides it, scrolled into view; a tab reached by the
  // keyboard comes clear of the chevrons; a mouse wheel scrolls the strip.
  function fitTabStrip() {
    var list = document.querySelector(".md-tabs__list");
    var bar = list && list.closest(".md-tabs");
    if (!bar) return;
    var items = list.querySelectorAll(".md-tabs__item");
    var pending = false;
    // What the strip shows is its box less the chevrons (1.6rem each, archive.css; Material
    // changes the root font size with the window's width).
    function chevronWidth() { return 1.6 * parseFloat(getComputedStyle(document.documentElement).fontSize); }
    function mark() {
      pending = false;
      var chevron = chevronWidth();
      var over = list.scrollWidth > list.clientWidth + 1;
      var before = over && list.scrollLeft > 1;
      var after = over && list.scrollLeft + list.clientWidth < list.scrollWidth - 1;
      bar.toggleAttribute("data-more-before", before);
      bar.toggleAttribute("data-more-after", after);
      var box = list.getBoundingClientRect(), outer = bar.getBoundingClientRect();
      var from = before ? outer.left + chevron : box.left, to = after ? outer.right - chevron : box.right;
      Array.prototype.forEach.call(items, function (item) {
        var r = (item.querySelector("a") || item).getBoundingClientRect();
        item.toggleAttribute("data-clipped", over && (r.left < from - 1 || r.right > to + 1));
      });
    }
    function later() {
      if (!pending) { pending = true; window.requestAnimationFrame(mark); }
    }
    var active = currentTab(list);
    if (active) {
      var link = active.querySelector("a");
      if (link) link.setAttribute("aria-current", link.pathname === location.pathname ? "page" : "location");
      var left = active.offsetLeft - list.offsetLeft, right = left + active.offsetWidth;
      if (right > list.clientWidth - chevronWidth()) {   // hidden at the right: centred, or the strip's end
        list.scrollLeft = Math.min(left - (list.clientWidth - active.offsetWidth) / 2, list.scrollWidth - list.clientWidth);
      }
    }
    mark();
    list.addEventListener("scroll", later, { passive: true });
    window.addEventListener("resize", later);
    // Widths change once the fonts and the styles are in: marked again then.
    window.addEventListener("load", later);
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(later);
    if (window.ResizeObserver) new ResizeObserver(later).observe(list);
    list.addEventListener("focusin", function (e) {
      if (e.target.scrollIntoView) e.target.scrollIntoView({ block: "nearest", inline: "nearest" });
    });
    list.addEventListener("wheel", function (e) {
      var step = Math.abs(e.deltaX) > Math.abs(e.deltaY) ? 0 : e.deltaY;
      var room = step > 0 ? list.scrollWidth - list.clientWidth - list.scrollLeft : list.scrollLeft;
      if (!step || room < 1) return;   // at that end the page scrolls as usual
      list.scrollLeft += step;
      e.preventDefault();
    }, { passive: false });
  }

  // Material gives every copy button the same name (复制): in the citation box a screen reader
  // heard three of them.  Each is named by its format (the label above its block); the buttons
  // may be added after this script runs, so a block without one yet is watched until it has it.
  function nameCitationButtons() {
    var blocks = document.querySelectorAll("details.cite pre");
    Array.prototype.forEach.call(blocks, function (pre) {
      var label = pre.previousElementSibling;
      if (!label || !label.classList.contains("cite-label")) return;
      var name = "复制 " + label.textContent.trim() + " 格式的引文";
      function apply() {
        var button = pre.querySelector(".md-code__button");
        if (button) button.setAttribute("aria-label", name);
        return !!button;
      }
      if (apply() || !window.MutationObserver) return;
      var watch = new MutationObserver(function () { if (apply()) watch.disconnect(); });
      watch.observe(pre, { childList: true, subtree: true });
    });
  }

  // A citation with a URL names the day the reader consulted the page (GB/T 7714's 引用日期,
  // biblatex's urldate, CSL's accessed).  The built page cannot know it and leaves each form an
  // empty slot, which gets the reader's own date here, written as cite.py writes a given day.
  function citationAccessed(now) {
    var y = now.getFullYear(), m = now.getMonth() + 1, d = now.getDate();
    var day = y + "-" + (m < 10 ? "0" : "") + m + "-" + (d < 10 ? "0" : "") + d;
    var pieces = {
      text: "[" + day + "]",
      bibtex: ",\n  urldate = {" + day + "}",
      csl: ',\n    "accessed": {\n      "date-parts": [\n        [\n          ' + [y, m, d].join(",\n          ") +
           "\n        ]\n      ]\n    }"
    };
    var slots = document.querySelectorAll("details.cite .cite-accessed");
    Array.prototype.forEach.call(slots, function (slot) {
      var piece = pieces[slot.getAttribute("data-format")];
      if (piece) slot.textContent = piece;
    });
  }

  // Which form a reference manager should take: a researcher's review expected Zotero to import the
  // BibTeX entry as a journal article (entrysubtype is biblatex's) and with no date where the source
  // gives no year; the CSL-JSON item keeps the type (newspaper or web page) and the date as written.  Added here,
  // not in each page's HTML (3 MB at 10,000 seeds, with the site near its 600 MB budget).
  function citationHint() {
    Array.prototype.forEach.call(document.querySelectorAll("details.cite"), function (box) {
      if (box.querySelector(".cite-hint")) return;
      var p = document.createElement("p");
      p.className = "cite-hint";
      // The original's date only where the CSL-JSON gives one (a review: the hint promised it always).
      var dated = box.textContent.indexOf('"issued"') >= 0;
      p.textContent = "导入 Zotero 等文献管理软件：复制 CSL-JSON，再用其“从剪贴板导入”，可保留文献类型（报纸或网络新闻）" +
        (dated ? "与原文日期。" : "与各项著录信息。");
      box.appendChild(p);
    });
  }

  function start() {
    addToggle();
    addParagraphAnchors();
    fitTabStrip();
    nameCitationButtons();
    citationAccessed(new Date());
    citationHint();
    var saved = null;
    try { saved = localStorage.getItem(KEY); } catch (e) { /* ignore */ }
    setState(saved === "traditional" ? "traditional" : "simplified");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
