/*
 * 政协文库 full-text search client.
 *
 * Reads the sharded static index written by cppcc_archive/search.py (the file
 * format is described there) and drives the search box in the header, styled
 * like Material's own search.  The page holds only an empty placeholder for
 * the box (overrides/partials/archive-search.html); its markup is built here.
 * Everything is fetched from this site: the index under search/, the
 * traditional → simplified converter (vendored opencc-js) from vendor/, and the
 * article pages of the results shown.  The index holds no article text (it is
 * published in the article pages and articles.json already, and a third copy took
 * the site over GitHub Pages' 1 GB): snippets, quoted phrases and the "verbatim
 * first" ordering read the text of the article page, fetched when its result is
 * shown and parsed with DOMParser (never inserted into this document).
 * Index data and article text are untrusted: they are only ever inserted with
 * textContent / text nodes.
 */
(function () {
  "use strict";

  // ------------------------------------------------------------ markup

  // The search box is built here, not written into every page: its markup (form, input,
  // three inline SVG icons, result list, buttons) is about 1.7 KB of minified HTML, which
  // a 10,000-article site (~28,000 pages) would repeat ~48 MB worth of, against GitHub
  // Pages' 1 GB limit; this script is fetched once and cached.  The page keeps only
  // <div class="md-search archive-search" data-archive-search></div>, so Material's header
  // layout and archive.js's 简/繁 switch (inserted before .md-search) do not wait for it.
  // The DOM is the one the template used to give.  Only the fixed strings below go in, as
  // attributes and text nodes: nothing is parsed as HTML.
  var SVG_NS = "http://www.w3.org/2000/svg";
  // Material Design icons as shipped with Material for MkDocs (.icons/material/magnify,
  // arrow-left, close), the defaults the template used; theme.icon overrides in mkdocs.yml
  // now reach only the header's magnifier button, not this box.
  var ICON_MAGNIFY = "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5";
  var ICON_BACK = "M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z";
  var ICON_CLOSE = "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z";

  // el("div", {"class": "x"}, [child or text, ...]): an element with attributes and children.
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    (children || []).forEach(function (c) { e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }

  function icon(d) {
    var svg = document.createElementNS(SVG_NS, "svg"), path = document.createElementNS(SVG_NS, "path");
    svg.setAttribute("viewBox", "0 0 24 24");
    path.setAttribute("d", d);
    svg.appendChild(path);
    return svg;
  }

  function buildBox(box) {
    // Pages built before the markup moved here still carry it: use theirs.
    if (box.querySelector("form")) return;
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", "全文搜索");
    // Not named "search", so Material's own search code stays idle.
    var form = el("form", { "class": "md-search__form", name: "archive-search", autocomplete: "off" }, [
      el("input", { "class": "md-search__input", name: "q", "aria-label": "搜索文章", placeholder: "搜索",
        autocapitalize: "off", autocorrect: "off", autocomplete: "off", spellcheck: "false",
        enterkeyhint: "search", required: "" }),
      el("label", { "class": "md-search__icon md-icon", "for": "__search", title: "关闭搜索" },
        [icon(ICON_MAGNIFY), " ", icon(ICON_BACK)]),
      el("nav", { "class": "md-search__options", "aria-label": "搜索" }, [
        el("button", { type: "reset", "class": "md-search__icon md-icon", title: "清除", "aria-label": "清除" },
          [icon(ICON_CLOSE)])
      ])
    ]);
    var result = el("div", { "class": "md-search-result archive-search__result" }, [
      el("div", { "class": "md-search-result__meta", "data-archive-status": "", "aria-live": "polite" }, ["正在加载搜索…"]),
      el("div", { "class": "archive-search__tools", "data-archive-tools": "", role: "group", "aria-label": "排序与筛选", hidden: "" }),
      el("ol", { "class": "md-search-result__list", "data-archive-list": "" }),
      el("button", { type: "button", "class": "archive-search__more", "data-archive-more": "", hidden: "" }, ["显示更多结果"])
    ]);
    var parts = document.createDocumentFragment();
    parts.appendChild(el("label", { "class": "md-search__overlay", "for": "__search" }));
    parts.appendChild(el("div", { "class": "md-search__inner", role: "search" }, [
      form,
      el("div", { "class": "md-search__output" }, [
        // data-md-scrollfix is picked up by Material's bundle on DOMContentLoaded, which
        // comes after this (synchronous) script has run.
        el("div", { "class": "md-search__scrollwrap", tabindex: "-1", "data-md-scrollfix": "" }, [result])
      ])
    ]));
    box.appendChild(parts);
  }

  // ------------------------------------------------------------ setup

  var script = document.currentScript;
  var box = document.querySelector("[data-archive-search]");
  if (!box) return;
  // Built even where the search cannot run (below), as the template's markup was.
  buildBox(box);
  if (!script || !window.fetch || !window.Map) return;

  var ROOT = new URL("../../", script.src);
  var INDEX = new URL("search/", ROOT);
  var OPENCC = new URL("vendor/opencc-js/t2cn.js", script.src);
  var HASH_MUL = 2654435761;

  var toggle = document.getElementById("__search");
  var form = box.querySelector("form");
  var input = box.querySelector(".md-search__input");
  var status = box.querySelector("[data-archive-status]");
  var tools = box.querySelector("[data-archive-tools]");
  var list = box.querySelector("[data-archive-list]");
  var more = box.querySelector("[data-archive-more]");
  var reset = box.querySelector("button[type=reset]");
  // The sort and filter controls are built on the first results (so the header holds no
  // label text before the search is used).
  var selects = null;
  var TOOLS = [
    ["sort", "排序", [["relevance", "相关度"], ["date", "最新"]]],
    ["region", "地区", [["", "全部"]]],
    // The topics an article is tagged with (its topics), not those it also discusses (topics_mentioned):
    // a researcher counted a topic's results against its page's 亦有论及 list (a review).
    ["topic", "主要主题", [["", "全部"]]],
    ["year", "年份", [["", "全部"]]]
  ];

  function ensureTools() {
    if (selects) return selects;
    selects = {};
    TOOLS.forEach(function (t) {
      var label = document.createElement("label"), span = document.createElement("span");
      var sel = document.createElement("select");
      span.textContent = t[1];
      sel.name = t[0];
      t[2].forEach(function (o) {
        var opt = document.createElement("option");
        opt.value = o[0];
        opt.textContent = o[1];
        sel.appendChild(opt);
      });
      sel.addEventListener("change", function () {
        if (!current) return;
        var token = nextToken();
        setState("busy");
        show(token, true).catch(function (e) { fail(token, current.query, e); });
      });
      label.appendChild(span);
      label.appendChild(sel);
      tools.appendChild(label);
      selects[t[0]] = sel;
    });
    return selects;
  }

  var HINT = "输入关键词搜索全文（简体、繁体均可；加引号检索完整短语）";
  // A document whose v is 1 has a title the build devised from the text's first sentence, shown in
  // ［］ (model.listed_title); a source's own headline in ［］ (a column name) has none.
  var DEVISED_NOTE = "原文没有标题，方括号中的标题由本馆据正文第一句拟定";

  // ------------------------------------------------------------ loading

  var manifestP = null;
  var cache = new Map();
  var facetsP = null;
  var converterP = null;

  function ok(r) {
    if (!r.ok) throw new Error(r.status + " " + r.url);
    return r;
  }

  function manifest() {
    if (!manifestP) {
      manifestP = fetch(new URL("manifest.json", INDEX).href, { cache: "no-cache" })
        .then(ok).then(function (r) { return r.json(); })
        .catch(function (e) { manifestP = null; throw e; });
    }
    return manifestP;
  }

  function bytes(path) {
    if (!cache.has(path)) {
      cache.set(path, manifest().then(function (m) {
        return fetch(new URL(path + "?v=" + m.version, INDEX).href);
      }).then(ok).then(function (r) { return r.arrayBuffer(); })
        .then(function (b) { return new Uint8Array(b); })
        .catch(function (e) { cache.delete(path); throw e; }));
    }
    return cache.get(path);
  }

  function converter() {
    if (!converterP) {
      converterP = new Promise(function (resolve) {
        // window.OpenCC may be the 简/繁 switch's build (cn → t only, archive.js).
        var O = window.OpenCC;
        if (O && O.Locale && O.Locale.from && O.Locale.from.tw) return resolve(O);
        var s = document.createElement("script");
        s.src = OPENCC.href;
        s.async = true;
        s.onload = function () { resolve(window.OpenCC || null); };
        s.onerror = function () { converterP = null; resolve(null); };
        document.head.appendChild(s);
      }).then(function (O) {
        if (!O) return null;
        try {
          var L = O.Locale;
          return O.ConverterFactory.apply(null, [].concat(L.from.tw, L.from.hk, L.to.cn));
        } catch (e) {
          try { return O.Converter({ from: "tw", to: "cn" }); } catch (e2) { return null; }
        }
      });
    }
    return converterP;
  }

  function facets() {
    if (!facetsP) {
      facetsP = Promise.all([manifest(), bytes("facets.bin")]).then(function (v) {
        var m = v[0], blob = v[1], n = m.n, out = {};
        ["region", "topic"].forEach(function (name) {
          out[name] = m.facets[name].map(function (row) {
            var member = new Uint8Array(n), data = blob.subarray(row[3], row[3] + row[4]);
            if (row[2] === "b") {
              for (var d = 0; d < n; d++) member[d] = (data[d >> 3] >> (d & 7)) & 1;
            } else {
              var docs = readDocs(data, row[1], m.w);
              for (var i = 0; i < docs.length; i++) member[docs[i]] = 1;
            }
            return { name: row[0], member: member };
          });
        });
        var yearOf = new Int16Array(n);
        out.year = m.years.map(function (y, i) {
          for (var d = y[1]; d < y[2]; d++) yearOf[d] = i;
          return { name: y[0] || "年份不详" };
        });
        out.yearOf = yearOf;
        return out;
      }).catch(function (e) { facetsP = null; throw e; });
    }
    return facetsP;
  }

  function readDocs(data, count, w) {
    var docs = new Uint32Array(count);
    for (var i = 0, p = 0; i < count; i++, p += w) {
      docs[i] = w === 2 ? data[p] | data[p + 1] << 8
        : (data[p] | data[p + 1] << 8 | data[p + 2] << 16 | data[p + 3] << 24) >>> 0;
    }
    return docs;
  }

  // Bytes of the document numbers of a posting list: a list of df numbers of w bytes, or a
  // bitset of ceil(n / 8) bytes when that is smaller (search.py, posting_doc_bytes).
  function docBytes(df, n, w) {
    var bitset = (n + 7) >> 3;
    return df * w <= bitset ? df * w : bitset;
  }

  function postingDocs(data, df, n, w) {
    if (df * w <= (n + 7) >> 3) return readDocs(data, df, w);
    var docs = new Uint32Array(df), k = 0;
    for (var d = 0; d < n && k < df; d++) if ((data[d >> 3] >> (d & 7)) & 1) docs[k++] = d;
    return docs;
  }

  function varint(buf, pos) {
    var n = 0, shift = 0, b;
    do {
      b = buf[pos.p++];
      n += (b & 0x7f) * Math.pow(2, shift);
      shift += 7;
    } while (b >= 0x80);
    return n;
  }

  var shardTables = new Map();

  function shard(k, n, w) {
    if (!shardTables.has(k)) {
      shardTables.set(k, bytes("p/" + k + ".bin").then(function (buf) {
        var table = new Map(), pos = { p: 0 }, count = varint(buf, pos);
        for (var i = 0; i < count; i++) {
          var len = buf[pos.p++], term = "";
          for (var j = 0; j < len; j++, pos.p += 2) term += String.fromCharCode(buf[pos.p] | buf[pos.p + 1] << 8);
          var df = varint(buf, pos), flag = buf[pos.p++];
          if (flag & 1) {
            table.set(term, { df: df, data: null });
          } else {
            var size = docBytes(df, n, w) + df;
            table.set(term, { df: df, data: buf.subarray(pos.p, pos.p + size) });
            pos.p += size;
          }
        }
        return table;
      }).catch(function (e) { shardTables.delete(k); throw e; }));
    }
    return shardTables.get(k);
  }

  function externalName(term) {
    var s = "";
    for (var i = 0; i < term.length; i++) s += ("000" + term.charCodeAt(i).toString(16)).slice(-4);
    return "x/" + s + ".bin";
  }

  var docCache = new Map();

  // A result line: {u: url relative to the site root, t: title, d: date, r: region, p: topics}.
  function loadDoc(d) {
    if (!docCache.has(d)) {
      docCache.set(d, bytes("d/" + d + ".json").then(function (buf) {
        return JSON.parse(new TextDecoder("utf-8").decode(buf));
      }).catch(function (e) { docCache.delete(d); throw e; }));
    }
    return docCache.get(d);
  }

  // ------------------------------------------------------------ article pages

  // An article page of this site, or null (another origin, or not http(s): never fetched or linked).
  function articleUrl(u) {
    try {
      var url = new URL(u, ROOT);
      return url.origin === ROOT.origin && /^https?:$/.test(url.protocol) ? url : null;
    } catch (e) {
      return null;
    }
  }

  // What cppcc_archive/search.py's page_text reads too (keep the two the same): the child
  // elements of .md-content article that are body paragraphs (p#p1, p#p2, ...) or headings
  // (h2, h3, without their ¶ anchor), up to the last body paragraph (the headings after it
  // are the page's own sections: people, neighbours, related articles).  The metadata list,
  // tags, notes and citation block are other elements.  DOMParser runs no scripts and loads
  // nothing; only strings leave this function.
  // {text, ids, extra, shown}: the blocks' text joined by newlines, and per block its element's id
  // (p<n>, or the heading's), so a result can link to the block that holds its hit; and what the
  // index holds beside the text, which a quoted phrase may be found in: of the metadata list (the
  // first list, before the body) the values of 日期, 作者 and 发布, and the items of the list after
  // the heading 图片说明 (photo captions) or 版面署名 (a newspaper page's credits), one per line
  // (extra; shown: the same without the date, which the result line shows, for the snippet).
  function pageText(html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var art = page.querySelector(".md-content article");
    if (!art) return { text: null, ids: [], extra: "", shown: [] };
    var parts = [], ids = [], end = 0, date = [], shown = [], metaSeen = false, listed = false;
    for (var el = art.firstElementChild; el; el = el.nextElementSibling) {
      var tag = el.tagName;
      if (tag === "P" && /^p\d+$/.test(el.id)) {
        parts.push(blockText(el));
        ids.push(el.id);
        end = parts.length;
      } else if (tag === "H2" || tag === "H3") {
        parts.push(blockText(el));
        ids.push(el.id || "");
      }
      if (tag === "UL" && (listed || (!metaSeen && !end))) {
        listItems(el).forEach(function (item) {
          var cut = item.indexOf("："), label = cut > 0 ? item.slice(0, cut) : "";
          if (listed) shown.push(item);
          else if (label === "日期") date.push(item.slice(cut + 1));
          else if (META_SHOWN.indexOf(label) >= 0) shown.push(item.slice(cut + 1));
        });
        listed = false;
      }
      if (tag === "UL" && !end) metaSeen = true;
      if (tag === "H2" || tag === "H3") listed = tag === "H2" && LISTED.indexOf(blockText(el)) >= 0;
    }
    return { text: parts.slice(0, end).join("\n"), ids: ids.slice(0, end), extra: date.concat(shown).join("\n"),
             shown: shown };
  }

  var META_SHOWN = ["作者", "发布"], LISTED = ["图片说明", "版面署名"];

  function listItems(ul) {
    var out = [];
    for (var li = ul.firstElementChild; li; li = li.nextElementSibling) {
      if (li.tagName === "LI") out.push(li.textContent);
    }
    return out;
  }

  function blockText(el) {
    var copy = el.cloneNode(true), links = copy.querySelectorAll(".headerlink");
    for (var i = 0; i < links.length; i++) links[i].parentNode.removeChild(links[i]);
    return copy.textContent;
  }

  // url -> {p: Promise of {text, size}, ctl}.  Fetched with the browser's normal caching, at
  // the address the result links to, so an article opened from the results comes from the
  // cache.  A fetch belongs to the query that started it (ctl) and is aborted when that
  // query is replaced, so on a slow connection typing does not queue up pages nobody sees.
  var pageCache = new Map();
  var PAGE_CACHE = 200;
  var pageCtl = null;

  function loadPage(u) {
    var e = pageCache.get(u);
    if (e && !(e.ctl && e.ctl.signal.aborted)) return e.p;
    var url = articleUrl(u);
    if (!url) return Promise.reject(new Error("not an article of this site: " + u));
    var ctl = pageCtl;
    e = { ctl: ctl };
    e.p = fetch(url.href, ctl ? { signal: ctl.signal } : {}).then(ok)
      .then(function (r) { return r.arrayBuffer(); })
      .then(function (buf) {
        e.ctl = null;
        var read = pageText(new TextDecoder("utf-8").decode(buf));
        return { text: read.text, ids: read.ids, extra: read.extra, shown: read.shown, size: buf.byteLength };
      })
      .catch(function (err) {
        if (pageCache.get(u) === e) pageCache.delete(u);
        try { err.articlePage = true; } catch (x) { /* frozen error object */ }
        throw err;
      });
    pageCache.set(u, e);
    if (pageCache.size > PAGE_CACHE) pageCache.delete(pageCache.keys().next().value);
    return e.p;
  }

  function delay(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  // ------------------------------------------------------------ query

  var FOLD = /[\uff01-\uff5e\u3000A-Z]/g;
  var CJK_RUN = /[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ud800-\udfff]+/g;
  var WORD = /[0-9a-z]+/g;
  var QUOTED = /"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』/g;

  function fold(s) {
    return s.replace(FOLD, function (c) {
      var u = c.charCodeAt(0);
      if (u === 0x3000) return " ";
      if (u >= 0xff01) return String.fromCharCode(u - 0xfee0).toLowerCase();   // Ｇ → g, as search.py folds
      return c.toLowerCase();
    });
  }

  function isUnigram(u) {
    return u === 0x3007 || (u >= 0x3400 && u <= 0x4dbf) || (u >= 0x4e00 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff);
  }

  function groupsOf(query, overrides) {
    overrides.forEach(function (o) { query = query.split(o[0]).join(o[1]); });
    query = fold(query);
    var raw = [], rest = [], pos = 0, m;
    QUOTED.lastIndex = 0;
    while ((m = QUOTED.exec(query))) {
      rest.push(query.slice(pos, m.index));
      pos = m.index + m[0].length;
      var text = (m[1] != null ? m[1] : m[2] != null ? m[2] : m[3] != null ? m[3] : m[4]).trim();
      if (text) raw.push({ text: text, phrase: true });
    }
    rest.push(query.slice(pos));
    var ignored = [];
    rest.join(" ").split(/\s+/).forEach(function (part) {
      part = part.replace(/^["“”「」『』]+|["“”「」『』]+$/g, "");
      // -北京 asks to exclude a word, which this search cannot do: dropped and said so, rather
      // than searched for (the opposite of what was asked).
      if (part.length > 1 && part.charAt(0) === "-") ignored.push(part.slice(1));
      else if (part) raw.push({ text: part, phrase: false });
    });
    var out = [];
    out.ignored = ignored;
    raw.forEach(function (g) {
      var terms = [], runs = g.text.match(CJK_RUN) || [], words = g.text.match(WORD) || [];
      runs.forEach(function (run) {
        if (run.length === 1) {
          if (isUnigram(run.charCodeAt(0))) terms.push(run);
        } else {
          for (var i = 0; i + 1 < run.length; i++) terms.push(run.slice(i, i + 2));
        }
      });
      wordTerms(g.text).forEach(function (w) { terms.push(w); });
      var uniq = terms.filter(function (t, i) { return terms.indexOf(t) === i; });
      var strings = g.phrase ? [g.text] : runs.concat(words, runs.length && words.length ? [g.text] : []);
      if (uniq.length) out.push({ text: g.text, phrase: g.phrase, terms: uniq, strings: strings });
    });
    return out;
  }

  // The words of a (folded) query text and the joint terms: each word with the ideograph right
  // before or after it, one space between allowed (6月14日: 6, 6月, 14, 月14, 14日), as the index holds
  // them (search.py, _word_terms).
  function wordTerms(text) {
    var out = [], re = /[0-9a-z]+/g, m;
    while ((m = re.exec(text))) {
      var w = m[0], a = m.index, b = a + w.length;
      if (w.length > 32) continue;
      out.push(w);
      var before = a >= 2 && text.charAt(a - 1) === " " ? a - 2 : a - 1;   // one space between is skipped
      var after = b + 1 < text.length && text.charAt(b) === " " ? b + 1 : b;
      if (before >= 0 && isUnigram(text.charCodeAt(before))) out.push(text.charAt(before) + w);
      if (after < text.length && isUnigram(text.charCodeAt(after))) out.push(w + text.charAt(after));
    }
    return out;
  }

  function shardOf(term, bits) {
    if (bits === 0) return 0;
    var h;
    if (/[\x00-\x7f]/.test(term)) {   // a word or a joint term: by its string
      h = 2166136261;
      for (var i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 16777619) >>> 0;
    } else {
      var key = term.length === 1 ? term.charCodeAt(0) : (term.charCodeAt(0) | term.charCodeAt(1) << 16) >>> 0;
      h = Math.imul(key, HASH_MUL | 0) >>> 0;
    }
    return h >>> (32 - bits);
  }

  // Returns {groups, total, order (Uint32Array of candidate docnums), score, check, approximate, converted}.
  function evaluate(raw) {
    return Promise.all([manifest(), converter()]).then(function (v) {
      var m = v[0], conv = v[1], simplified = raw;
      if (conv) { try { simplified = conv(raw); } catch (e) { simplified = raw; } }
      var groups = groupsOf(simplified, m.overrides || []);
      // rejected: candidates the check found not to hold a quoted phrase or a skipped term
      // (docnum → true), kept while the filters change.
      var result = { groups: groups, ignored: groups.ignored, simplified: simplified, converted: simplified !== raw, m: m,
                     rejected: {} };
      var terms = [];
      groups.forEach(function (g) { g.terms.forEach(function (t) { if (terms.indexOf(t) < 0) terms.push(t); }); });
      if (!terms.length) return Object.assign(result, { cand: new Uint32Array(0), score: null, skipped: [] });
      return Promise.all(terms.map(function (t) {
        return shard(shardOf(t, m.bits), m.n, m.w).then(function (table) { return table.get(t) || null; });
      })).then(function (entries) {
        if (entries.some(function (e) { return !e; })) {
          return Object.assign(result, { cand: new Uint32Array(0), score: null, skipped: [] });
        }
        var use = [], ext = [], skipped = [], spent = 0;
        terms.forEach(function (t, i) { (entries[i].data ? use : ext).push({ term: t, e: entries[i] }); });
        ext.sort(function (a, b) { return a.e.df - b.e.df || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0); });
        ext.forEach(function (x) {
          var size = docBytes(x.e.df, m.n, m.w) + x.e.df;
          if (!use.length || spent + size <= m.budget) { use.push(x); spent += size; } else skipped.push(x.term);
        });
        return Promise.all(use.map(function (x) {
          return x.e.data ? x.e.data : bytes(externalName(x.term));
        })).then(function (lists) {
          var n = m.n, score = new Float64Array(n), hits = new Uint8Array(n);
          lists.forEach(function (data, i) {
            var df = use[i].e.df, idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            var docs = postingDocs(data, df, n, m.w), at = docBytes(df, n, m.w);
            for (var j = 0; j < df; j++) {
              score[docs[j]] += idf * data[at + j] / 255;
              hits[docs[j]] += 1;
            }
          });
          var cand = [];
          for (var d = 0; d < n; d++) if (hits[d] === use.length) cand.push(d);
          return Object.assign(result, { cand: cand, score: score, skipped: skipped });
        });
      });
    });
  }

  // ------------------------------------------------------------ state and rendering

  var seq = 0;
  var current = null;   // {res, F, token, query, order, next, shown, fresh, loading}
  // A batch shown before its article pages arrived waits this long for them first (ms): on a
  // fast connection the lines then appear complete and in their final order at once.
  var GRACE = 400;
  // When the reader last pointed at, touched, scrolled or focused the result list: a batch
  // shown without its pages is put in its final order when they arrive only if the reader
  // has not reached for it since (lines never move under a hand about to click).
  var touched = 0;

  // A new query (or new filters) replaces the one on screen: its page fetches are aborted.
  function nextToken() {
    if (pageCtl) pageCtl.abort();
    pageCtl = window.AbortController ? new AbortController() : null;
    return ++seq;
  }

  function setStatus(text) {   // a string, or a list of strings and elements
    status.textContent = "";
    (Array.isArray(text) ? text : [text]).forEach(function (part) {
      status.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
    });
  }

  // For scripts and tests: data-archive-state is "busy" while a query runs, then "done"
  // (data-archive-query holds the query the list shows) or "error".
  function setState(state, query) {
    box.setAttribute("data-archive-state", state);
    if (query != null) box.setAttribute("data-archive-query", query);
  }

  // Regions and topics are listed by the counts they show, most first (ties as the whole archive
  // orders them: more articles first, then regions by their code and topics by name); years stay in
  // date order.
  function fillSelect(sel, values, counts, keep, byCount) {
    var previous = keep ? sel.value : "";
    while (sel.options.length > 1) sel.remove(1);
    var shown = [];
    values.forEach(function (v, i) { if (counts[i] || String(i) === previous) shown.push(i); });
    if (byCount) shown.sort(function (a, b) { return counts[b] - counts[a] || a - b; });
    shown.forEach(function (i) {
      var v = values[i];
      var o = document.createElement("option");
      o.value = String(i);
      o.textContent = v.name + "（" + counts[i] + "）";
      sel.appendChild(o);
    });
    sel.value = previous && sel.querySelector("option[value='" + previous + "']") ? previous : "";
  }

  function filtersOf() {
    if (!selects) return { region: -1, topic: -1, year: -1 };
    return {
      region: selects.region.value === "" ? -1 : +selects.region.value,
      topic: selects.topic.value === "" ? -1 : +selects.topic.value,
      year: selects.year.value === "" ? -1 : +selects.year.value
    };
  }

  function passes(f, F, d, except) {
    if (except !== "region" && f.region >= 0 && !F.region[f.region].member[d]) return false;
    if (except !== "topic" && f.topic >= 0 && !F.topic[f.topic].member[d]) return false;
    if (except !== "year" && f.year >= 0 && F.yearOf[d] !== f.year) return false;
    return true;
  }

  // Filters and sort from the address of a shared link (?region=北京市&topic=…&year=…&sort=date),
  // applied by name to the results of the link's own query (wanted.q), and to no other: the facets'
  // numbers change when the index is rebuilt.  Dropped when another query is typed, the search is
  // closed or emptied, or its results fail to load.
  var wanted = null;

  function applyWanted(F) {
    if (!wanted || !current || current.query !== wanted.q) return false;
    ["region", "topic", "year"].forEach(function (name) {
      for (var i = 0; wanted[name] != null && i < F[name].length; i++) {
        if (F[name][i].name !== wanted[name]) continue;
        var o = document.createElement("option");
        o.value = String(i);
        o.textContent = F[name][i].name;
        selects[name].appendChild(o);
        selects[name].value = String(i);
        break;
      }
    });
    if (wanted.sort === "date") selects.sort.value = "date";
    wanted = null;
    return true;
  }

  function arrange(res, F, keepFilters) {
    ensureTools();
    var applied = applyWanted(F);
    count(res, F, keepFilters || applied);
    var f = filtersOf();
    var order = res.cand.filter(function (d) { return !res.rejected[d] && passes(f, F, d, null); });
    if (selects.sort.value !== "date") {
      var s = res.score;
      order.sort(function (a, b) { return (s[b] - s[a]) || (a - b); });
    }
    return order;
  }

  // The filters' counts: the candidates, less those the check rejected (a quoted phrase or a
  // skipped term not in the page), so once every candidate is checked the counts add up to the
  // results shown.  With every candidate rejected, the filters go too.
  function count(res, F, keepFilters) {
    tools.hidden = res.cand.length <= Object.keys(res.rejected).length;
    var f = filtersOf();
    ["region", "topic"].forEach(function (name) {
      var counts = F[name].map(function () { return 0; });
      res.cand.forEach(function (d) {
        if (res.rejected[d] || !passes(f, F, d, name)) return;
        for (var i = 0; i < F[name].length; i++) if (F[name][i].member[d]) counts[i]++;
      });
      fillSelect(selects[name], F[name], counts, keepFilters, true);
    });
    var ycounts = F.year.map(function () { return 0; });
    res.cand.forEach(function (d) { if (!res.rejected[d] && passes(f, F, d, "year")) ycounts[F.yearOf[d]]++; });
    fillSelect(selects.year, F.year, ycounts, keepFilters);
  }

  // A dot inside a transliterated name (search.py's NAME_DOTS), between two CJK characters.
  var DOT_IN_NAME = /([\u3007\u3400-\u9fff\uf900-\ufaff])[\u00b7\u2022\u2027\u30fb\uff65](?=[\u3007\u3400-\u9fff\uf900-\ufaff])/g;

  function needsCheck(res) {
    return res.skipped.length > 0 || res.groups.some(function (g) { return g.phrase; });
  }

  // text: the article text from its page (null if the page has none); extra: the bylines, publisher,
  // date and photo captions the page shows (pageText), which the index holds too.
  // The title, the date the result line shows (a dateline's 6月14日 left the text), the text and the
  // region the result line shows (the index holds the main region: 重庆 finds 潼南区's articles).
  // A skipped joint term may have been indexed across one space (GDP 增长).
  function verify(res, doc, text, extra) {
    if (text == null) return false;
    var hay = fold(doc.t + "\n" + (doc.d || "") + "\n" + text + "\n" + (extra || "") + "\n" + (doc.r || ""));
    var bare = hay.replace(DOT_IN_NAME, "$1");   // a name typed without its dot (尔肯江吐拉洪), as indexed
    return res.groups.every(function (g) { return !g.phrase || hay.indexOf(g.text) >= 0 || bare.indexOf(g.text) >= 0; })
      && res.skipped.every(function (t) {
        return hay.indexOf(t) >= 0 || bare.indexOf(t) >= 0 || hay.indexOf(spacedJoint(t)) >= 0;
      });
  }

  function spacedJoint(t) {   // 6月 → "6 月", 月14 → "月 14"; other terms unchanged
    return t.replace(/^([0-9a-z]+)([^0-9a-z])$/, "$1 $2").replace(/^([^0-9a-z])([0-9a-z]+)$/, "$1 $2");
  }

  function fail(token, raw, e) {
    if (token !== seq) return;
    wanted = null;
    list.textContent = "";
    tools.hidden = true;
    more.hidden = true;
    setStatus(e && e.articlePage ? "文章加载失败，请稍后重试" : "搜索索引加载失败，请稍后重试");
    setState("error", raw);
    if (window.console) console.error("archive search:", e);
  }

  // The query in the address (?q=), and the filters and sort chosen for it (by name), so that a
  // copied link, a reload or the back button from an opened result brings the same search back.
  // Replaced, not pushed: typing makes no history.
  var FILTER_PARAMS = ["sort", "region", "topic", "year"];

  function remember(raw) {
    if (!window.history || !history.replaceState) return;
    if (!raw) wanted = null;
    var params = new URLSearchParams(location.search);
    if (raw) params.set("q", raw); else params.delete("q");
    if (!wanted) FILTER_PARAMS.forEach(function (name) {   // a shared link's, until applied, stay as they are
      var sel = raw && selects && current ? selects[name] : null;
      if (!sel || sel.value === "" || sel.value === "relevance") params.delete(name);
      else params.set(name, name === "sort" ? sel.value : current.F[name][+sel.value].name);
    });
    var search = params.toString();
    var url = location.pathname + (search ? "?" + search : "") + location.hash;
    if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
  }

  function run(resetFilters) {
    var raw = input.value.trim();
    var token = nextToken();
    if (wanted && raw !== wanted.q) wanted = null;
    if (resetFilters && selects) { selects.region.value = ""; selects.topic.value = ""; selects.year.value = ""; }
    remember(raw);
    if (!raw) {
      current = null;
      list.textContent = "";
      tools.hidden = true;
      more.hidden = true;
      setStatus(HINT);
      setState("done", "");
      return Promise.resolve();
    }
    setStatus("正在搜索…");
    setState("busy");
    return Promise.all([evaluate(raw), facets()]).then(function (v) {
      if (token !== seq) return;
      var res = v[0], F = v[1];
      current = { res: res, F: F, token: token, query: raw };
      return show(token, !resetFilters);
    }).catch(function (e) { fail(token, raw, e); });
  }

  // The previous results stay on screen until the first new ones are ready (no blank flash
  // while their documents and pages load).
  function show(token, keepFilters) {
    var c = current;
    c.order = arrange(c.res, c.F, keepFilters);
    if (!toggle || toggle.checked) remember(c.query);   // not after the search was closed meanwhile
    c.next = 0;
    c.shown = 0;
    c.fresh = true;
    more.hidden = true;
    return page(token).then(function () { if (token === seq) summary(true); });
  }

  function clearIfFresh(c) {
    if (c.fresh) {
      list.textContent = "";
      c.fresh = false;
    }
  }

  // final: the query is done (data-archive-state "done"); else only the status text, while
  // the snippets of the lines shown are still loading.
  function summary(final) {
    var c = current, res = c.res, n = c.order.length;
    var text;
    if (!res.groups.length) text = "请输入汉字、字母或数字";
    else if (needsCheck(res) && c.next < n) text = "已找到 " + c.shown + " 篇，另有 " + (n - c.next) + " 篇候选待核对";
    else if (!c.shown) {
      var f = filtersOf(), filtered = f.region >= 0 || f.topic >= 0 || f.year >= 0;
      text = filtered && res.cand.length > Object.keys(res.rejected).length ? "没有符合筛选条件的文章" : "没有找到相关文章";
    }
    else if (needsCheck(res)) text = "找到 " + c.shown + " 篇文章";
    else text = "找到 " + n + " 篇文章";
    // After a colon, not in quotation marks: the query may hold quotes of its own ("民主监督").
    // The simplified query is marked data-no-convert: shown in traditional script, it would no
    // longer say what was searched.
    var parts = [text];
    if (res.converted && res.groups.length) parts.push("（已按简体检索：", el("span", { "data-no-convert": "" }, [res.simplified.trim()]), "）");
    if (res.ignored.length) parts.push("（不支持用“-”排除词语，已忽略：" + res.ignored.join("、") + "）");
    setStatus(parts);
    if (final) {
      setState("done", c.query);
      if (pendingEnter) {
        pendingEnter = false;
        var first = links()[0];
        if (first && document.activeElement === input) first.click();
      }
    }
  }

  // The next page of results, a batch at a time: the documents of the next candidates (the
  // result lines), then their article pages, all in parallel.
  // * Results to verify (quoted phrases, skipped posting lists): a batch is shown once its
  //   pages are in and checked.  A result page stops starting batches once it has fetched
  //   the manifest's pageBudget bytes of pages, and cuts a batch to what the rest of the
  //   budget buys at the mean page size so far.
  // * Otherwise every candidate is a result: the lines are shown when the pages are in or
  //   after GRACE ms, whichever comes first, and each snippet is filled in when its page
  //   arrives.  A page that fails to load leaves its line without a snippet.
  // In relevance order, articles holding a searched string verbatim come first within a
  // batch (by title alone while their text is still loading).
  // cppcc_archive/search.py's run_query does the same and counts the bytes.
  function page(token) {
    var c = current, res = c.res, size = res.m.page, want = c.shown + size, check = needsCheck(res);
    var budget = res.m.pageBudget, spent = 0, fetched = 0;
    var rank = !selects || selects.sort.value !== "date";
    // "显示更多结果" waits until this page's lines are on screen (c.loading).
    var id = {};
    c.loading = id;
    function idle() {
      if (c.loading === id) c.loading = null;
    }
    function step() {
      if (token !== seq) return Promise.resolve();
      if (c.shown >= want || c.next >= c.order.length || (check && spent >= budget)) {
        clearIfFresh(c);
        more.hidden = c.next >= c.order.length;
        idle();
        return Promise.resolve();
      }
      var n = want - c.shown;
      if (check && fetched) n = Math.min(n, Math.max(1, Math.ceil((budget - spent) * fetched / spent)));
      var batch = c.order.slice(c.next, c.next + n);
      c.next += batch.length;
      return Promise.all(batch.map(loadDoc)).then(function (docs) {
        if (token !== seq) return;
        var entries = docs.map(function (doc, i) { return { doc: doc, i: i, text: null, done: false, li: null }; });
        var pages = Promise.all(entries.map(function (x) {
          return loadPage(x.doc.u).then(function (pg) {
            x.text = pg.text;
            x.ids = pg.ids;
            x.extra = pg.extra;
            x.shown = pg.shown;
            x.done = true;
            spent += pg.size;
            fetched++;
            if (x.li && token === seq) fill(res, x);
          }, function (e) {
            if (check) throw e;   // a candidate that cannot be checked fails the query (as the index would)
            x.done = true;
            if (x.li && token === seq) fill(res, x);
          });
        }));
        if (check) {
          return pages.then(function () {
            if (token !== seq) return;
            var kept = entries.filter(function (x) {
              if (verify(res, x.doc, x.text, x.extra)) return true;
              res.rejected[batch[x.i]] = true;
              return false;
            });
            if (kept.length < entries.length) count(res, c.F, true);
            if (rank) sortEntries(res, kept, true);
            if (kept.length) clearIfFresh(c);
            kept.forEach(function (x) {
              x.li = item(res, x.doc);
              fill(res, x);
              list.appendChild(x.li);
              c.shown++;
            });
            return step();
          });
        }
        return Promise.race([pages, delay(GRACE)]).then(function () {
          if (token !== seq) return;
          var all = entries.every(function (x) { return x.done; });
          if (rank) sortEntries(res, entries, all);
          clearIfFresh(c);
          entries.forEach(function (x) {
            x.li = item(res, x.doc);
            if (x.done) fill(res, x);
            list.appendChild(x.li);
            c.shown++;
          });
          more.hidden = c.next >= c.order.length;
          if (all) return step();
          idle();
          var shownAt = Date.now();
          summary(false);
          return pages.then(function () {
            if (token !== seq) return;
            if (rank && touched < shownAt) reorder(res, entries);
            return step();
          });
        });
      });
    }
    return step();
  }

  // Sorts entries (of one batch) by how many searched strings they hold verbatim (title 2,
  // text 1; full: with the text), then by rank.
  function sortEntries(res, entries, full) {
    entries.forEach(function (x) { x.score = exactness(res, x.doc.t, full ? x.text : null); });
    entries.sort(function (a, b) { return (b.score - a.score) || (a.i - b.i); });
  }

  // Puts a batch shown in title order into its final order, in place (the lines of a later
  // batch, if any, stay after it); keeps the focus where it was.
  function reorder(res, entries) {
    var before = entries.slice();
    sortEntries(res, entries, true);
    if (entries.every(function (x, k) { return x === before[k]; })) return;
    var anchor = before[before.length - 1].li.nextSibling, active = document.activeElement;
    entries.forEach(function (x) { list.insertBefore(x.li, anchor); });
    if (active && active !== document.activeElement && list.contains(active)) active.focus({ preventScroll: true });
  }

  function exactness(res, title, text) {
    var t = fold(title || ""), x = text == null ? "" : fold(text), score = 0;
    res.groups.forEach(function (g) {
      g.strings.forEach(function (s) {
        if (s.length < 2) return;
        if (t.indexOf(s) >= 0) score += 2;
        else if (x.indexOf(s) >= 0) score += 1;
      });
    });
    return score;
  }

  // ------------------------------------------------------------ result items

  function needles(res, hay) {
    var strings = [];
    res.groups.forEach(function (g) { g.strings.forEach(function (s) { if (s && strings.indexOf(s) < 0) strings.push(s); }); });
    var found = strings.filter(function (s) { return hay.indexOf(s) >= 0; });
    // A piece of a longer string found whole is not marked on its own (the 年 of 2023年 in 一年来).
    found = found.filter(function (s) {
      return !found.some(function (t) { return t.length > s.length && t.indexOf(s) >= 0; });
    });
    if (!found.length) {   // the pieces, but never those of a quoted phrase
      res.groups.forEach(function (g) {
        if (!g.phrase) g.terms.forEach(function (t) { if (hay.indexOf(t) >= 0 && found.indexOf(t) < 0) found.push(t); });
      });
    }
    return found.sort(function (a, b) { return b.length - a.length; });
  }

  // The groups' strings of two or more characters found in ``hay``, without pieces of one another.
  function wholeStrings(res, hay) {
    var found = [];
    res.groups.forEach(function (g) {
      g.strings.forEach(function (s) { if (s.length >= 2 && hay.indexOf(s) >= 0 && found.indexOf(s) < 0) found.push(s); });
    });
    return found.filter(function (s) {
      return !found.some(function (t) { return t.length > s.length && t.indexOf(s) >= 0; });
    });
  }

  function ranges(hay, found, from, to) {
    var out = [];
    found.forEach(function (s) {
      var i = hay.indexOf(s, from);
      while (i >= 0 && i < to) {
        out.push([i, Math.min(i + s.length, to)]);
        i = hay.indexOf(s, i + s.length);
      }
    });
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    out.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([Math.max(r[0], from), r[1]]);
    });
    return merged;
  }

  function highlight(el, text, hay, found, from, to) {
    var pos = from;
    ranges(hay, found, from, to).forEach(function (r) {
      if (r[0] > pos) el.appendChild(document.createTextNode(text.slice(pos, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      el.appendChild(mark);
      pos = r[1];
    });
    if (pos < to) el.appendChild(document.createTextNode(text.slice(pos, to)));
  }

  // A result line from its document: title, date, region, topics, and an empty snippet
  // that fill() completes from the article text.
  function item(res, doc) {
    var title = doc.t || "（无标题）", url = articleUrl(doc.u);
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    if (url) a.href = url.href;
    var art = document.createElement("article");
    art.className = "md-search-result__article md-search-result__article--document md-typeset";
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    var h1 = document.createElement("h1");
    highlight(h1, title, fold(title), needles(res, fold(title)), 0, title.length);
    if (doc.v === 1) h1.title = DEVISED_NOTE;
    var meta = document.createElement("p");
    meta.className = "archive-search__meta";
    // The date is indexed too (a dateline's 6月14日 left the text): a query found whole in it is marked.
    var date = doc.d || "日期不详", rest = [doc.r, (doc.p || []).join("、")].filter(Boolean);
    highlight(meta, date, fold(date), wholeStrings(res, fold(date)), 0, date.length);
    if (rest.length) meta.appendChild(document.createTextNode(" · " + rest.join(" · ")));
    var snippet = document.createElement("p");
    snippet.className = "archive-search__snippet";
    snippet.setAttribute("aria-busy", "true");   // styled as a placeholder until fill()
    art.appendChild(icon);
    art.appendChild(h1);
    art.appendChild(meta);
    art.appendChild(snippet);
    a.appendChild(art);
    li.appendChild(a);
    return li;
  }

  // The snippet around the first hit in the article text (x.text; null: the page could not
  // be read, and the line keeps no snippet), and a text fragment on the link.
  function fill(res, x) {
    var snippet = x.li.querySelector(".archive-search__snippet"), a = x.li.querySelector("a");
    snippet.removeAttribute("aria-busy");
    if (x.text == null) {
      snippet.hidden = true;
      return;
    }
    var text = x.text.replace(/\s+/g, " "), hay = fold(text);
    var found = needles(res, hay), at = firstHit(found, hay), inText = at.first >= 0;
    if (!inText) {
      // Not in the text: a byline, the publisher or a caption the hit is in, else the text's start.
      var line = shownLine(res, x.shown);
      if (line) {
        text = line;
        hay = fold(line);
        found = needles(res, hay);
        at = firstHit(found, hay);
      }
    }
    var first = at.first, hit = at.hit;
    var from = Math.max(0, first - 30), to = Math.min(text.length, from + 120);
    if (first < 0) { from = 0; to = Math.min(text.length, 120); }
    if (a.href && inText && hit.length >= 2) a.href = a.href.split("#")[0] + hitFragment(x, [hit]);
    snippet.textContent = "";
    if (from > 0) snippet.appendChild(document.createTextNode("…"));
    highlight(snippet, text, hay, found, from, to);
    if (to < text.length) snippet.appendChild(document.createTextNode("…"));
    snippet.hidden = !text;
  }

  // The first place of the longest string found (2023年, not 年): {first: index or -1, hit}.
  function firstHit(found, hay) {
    var first = -1, hit = "", longest = found.length ? found[0].length : 0;
    found.forEach(function (s) {
      var i = s.length < longest ? -1 : hay.indexOf(s);
      if (i >= 0 && (first < 0 || i < first)) { first = i; hit = s; }
    });
    return { first: first, hit: hit };
  }

  // The first of a page's bylines, publisher and captions (pageText's shown) that holds a searched
  // string, whitespace collapsed, or "".
  function shownLine(res, shown) {
    var lines = shown || [];
    for (var k = 0; k < lines.length; k++) {
      var line = lines[k].replace(/\s+/g, " ");
      if (line && needles(res, fold(line)).length) return line;
    }
    return "";
  }

  // The fragment that takes the reader to the first hit: the paragraph's id, and a text directive
  // for browsers that scroll to and highlight it.  The hit alone could match first above the text
  // (提案 in the 主题/提案工作 chip), so the directive carries the few characters before it in its
  // paragraph (or after it, at a paragraph's start); where it matches nothing, the browser goes to
  // the paragraph.
  function hitFragment(x, found) {
    var blocks = x.text.split("\n");
    for (var k = 0; k < blocks.length; k++) {
      var block = blocks[k].replace(/\s+/g, " "), hay = fold(block), at = -1, hit = "";
      found.forEach(function (s) {
        var i = hay.indexOf(s);
        if (i >= 0 && (at < 0 || i < at)) { at = i; hit = s; }
      });
      if (at < 0) continue;
      // The browser matches a prefix or suffix only from or to a word boundary (its own segmenter's):
      // the context is cut there, else at punctuation, else left out.
      var cuts = wordBounds(block);
      var from = contextEdge(cuts, at - 8, at - 1, true, block, at);
      var to = contextEdge(cuts, at + hit.length + 1, at + hit.length + 8, false, block, at + hit.length);
      var before = from < 0 ? "" : block.slice(from, at), after = to < 0 ? "" : block.slice(at + hit.length, to);
      var directive;
      try {
        directive = before ? enc(before) + "-," + enc(block.slice(at, at + hit.length))
          : enc(block.slice(at, at + hit.length)) + (after ? ",-" + enc(after) : "");
      } catch (e) {   // half an astral character (a URIError): no directive, the paragraph still
        directive = null;
      }
      var id = (x.ids && x.ids[k]) || "";
      return directive ? "#" + id + ":~:text=" + directive : (id ? "#" + id : "");
    }
    return "";
  }

  // Word boundaries of a block (Intl.Segmenter, as the browser's text directives use), or null.
  function wordBounds(block) {
    if (!window.Intl || !Intl.Segmenter) return null;
    try {
      var seg = new Intl.Segmenter("zh", { granularity: "word" }), out = {};
      for (var it = seg.segment(block)[Symbol.iterator](), s = it.next(); !s.done; s = it.next()) out[s.value.index] = true;
      out[block.length] = true;
      return out;
    } catch (e) {
      return null;
    }
  }

  // The boundary in [lo, hi] farthest from the hit (more context) on its side; punctuation or a
  // space stands for a boundary where the segmenter is missing.  -1: none.
  function contextEdge(cuts, lo, hi, beforeHit, block, edge) {
    lo = Math.max(0, lo);
    hi = Math.min(block.length, hi);
    var found = -1;
    for (var i = lo; i <= hi; i++) {
      if (beforeHit ? i >= edge : i <= edge) continue;
      var ok = cuts ? cuts[i] === true : (i === 0 || i === block.length || /[\s，。、；：！？“”‘’（）《》]/.test(block.charAt(beforeHit ? i - 1 : i)));
      if (ok && (found < 0 || (beforeHit ? i < found : i > found))) found = i;
    }
    return found;
  }

  function enc(s) {   // "-", "," and "&" are the directive's own syntax
    return encodeURIComponent(s).replace(/-/g, "%2D");
  }

  // ------------------------------------------------------------ interaction

  function setOpen(open) {
    if (!toggle) return;
    if (toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
    }
    syncInert();   // also when something else had already set the toggle
  }

  function warm() {
    manifest().catch(function () {});
    converter();
  }

  var timer = 0, pendingEnter = false;
  input.addEventListener("input", function () {
    pendingEnter = false;   // typing on after Enter: the Enter was for a query no longer asked
    clearTimeout(timer);
    timer = setTimeout(function () { run(true); }, 120);
  });
  // Where the focus was before the search opened: Escape puts it back there, so that the next Tab
  // does not walk through results that are no longer shown.
  var opener = null;
  input.addEventListener("focus", function (ev) {
    if (toggle && !toggle.checked) opener = ev.relatedTarget && !box.contains(ev.relatedTarget) ? ev.relatedTarget : null;
    warm();
    setOpen(true);
  });
  // Tabbing on past the search (into the tabs or the page) closes it, as leaving it with the mouse does.
  box.addEventListener("focusout", function (ev) {
    if (ev.relatedTarget && !box.contains(ev.relatedTarget)) setOpen(false);
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(true); input.focus(); }, 0);
  });
  more.addEventListener("click", function () {
    if (!current || current.loading) return;
    var token = seq, before = current.shown, query = current.query;
    setState("busy");
    page(token).then(function () {
      if (token !== seq) return;
      summary(true);
      var links = list.querySelectorAll(".md-search-result__link");
      if (links[before]) links[before].focus();
    }).catch(function (e) { fail(token, query, e); });
  });
  // Closed, the results are hidden but would still take the focus (Shift+Tab from the tabs walked
  // through them unseen): inert until the search opens.
  var output = box.querySelector(".md-search__output");
  function syncInert() {
    if (output && toggle) output.inert = !toggle.checked;
  }
  syncInert();
  if (toggle) {
    toggle.addEventListener("change", function () {
      syncInert();
      if (toggle.checked) {
        warm();
        setTimeout(function () { if (toggle.checked && document.activeElement !== input) input.focus(); }, 100);
      } else {
        input.blur();
        opener = null;   // closed another way than Escape: the next opening says where from
      }
    });
  }

  var COARSE = window.matchMedia ? window.matchMedia("(pointer: coarse)") : { matches: false };

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.isComposing) return;
    var open = toggle ? toggle.checked : box.contains(document.activeElement);
    var active = document.activeElement;
    if (!open) {
      var typing = active && (/^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) || active.isContentEditable);
      // "/" alone: a letter (Material's s and f) is a shortcut a speech-input user's dictated words
      // fire by accident (WCAG 2.1.4; an accessibility audit).
      if (!typing && ev.key === "/") {
        ev.preventDefault();
        opener = active && active !== document.body ? active : null;
        setOpen(true);
        input.focus();
        input.select();
      }
      return;
    }
    if (ev.key === "Escape") {
      var back = opener && document.contains(opener) ? opener : document.querySelector("main");
      opener = null;
      setOpen(false);
      input.blur();
      if (back) {
        if (back.tagName === "MAIN" && !back.hasAttribute("tabindex")) back.setAttribute("tabindex", "-1");
        back.focus({ preventScroll: true });
      }
      remember("");   // closed on purpose: a reload should not reopen it
    } else if (ev.key === "Enter" && active === input) {
      ev.preventDefault();
      if (COARSE.matches) {
        input.blur();   // a phone's 搜索 key: the keyboard goes, the results stay
        return;
      }
      var first = links()[0];
      if (first) first.click();
      else pendingEnter = true;   // pressed before the results came: open the first when they do
    } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (active && active.tagName === "SELECT") return;
      var els = [input].concat(links());
      var i = els.indexOf(active);
      i = i < 0 ? 0 : (i + (ev.key === "ArrowDown" ? 1 : -1) + els.length) % els.length;
      els[i].focus();
      ev.preventDefault();
    }
  });

  list.addEventListener("click", function (ev) {
    if (ev.target.closest && ev.target.closest("a")) setOpen(false);
  });
  ["pointerdown", "touchstart", "focusin", "wheel"].forEach(function (type) {
    list.addEventListener(type, function () { touched = Date.now(); }, { passive: true });
  });
  list.addEventListener("pointermove", function (ev) {
    if (ev.movementX || ev.movementY) touched = Date.now();
  }, { passive: true });

  setStatus(HINT);
  var shared = new URLSearchParams(location.search), q = shared.get("q");
  if (q) {
    wanted = { q: q.trim() };
    FILTER_PARAMS.forEach(function (name) { if (shared.has(name)) wanted[name] = shared.get(name); });
    input.value = q;
    setOpen(true);
    run(true);
  }
})();
