"""Hostile and malformed seeds: nothing from a seed becomes live HTML, a link, a YAML key or a crash."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_build
from cppcc_archive.markdown import front_matter

HOSTILE = """---
title: "<img src=x onerror=alert(1)>"
evil_key: "x"
---
<script>alert('xss')</script>政协委员<iframe src="https://evil.example/"></iframe>在会上发言。
<a href="javascript:alert(1)">点击</a> &lt;b&gt;实体&lt;/b&gt; <img src=x onerror="alert(2)">
# 标题？ *强调* [链接](https://evil.example/x) | 表格 | `代码` {% raw %} {{ config }} {: onclick="alert(3)" }
---
: 冒号开头 # 井号 "引号" & 与 ! 感叹 % 百分
北京市政协召开会议，委员们围绕社情民意开展协商。<svg onload=alert(4)>
"""

ALLOWED_HOSTS = {"", "127.0.0.1"}


class _Scan(HTMLParser):
    """Live markup in a page (``bad``), and the page's meta descriptions (``descriptions``)."""

    def __init__(self):
        super().__init__()
        self.bad, self.descriptions = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "meta" and dict(attrs).get("name") == "description":
            # The article's own text, shown as text: checked by test_meta_description_is_plain_text.
            self.descriptions.append(dict(attrs).get("content"))
            attrs = [(k, v) for k, v in attrs if k != "content"]
        if tag in ("iframe", "object", "embed"):
            self.bad.append(tag)
        if tag == "script":
            src = dict(attrs).get("src") or ""
            if "evil" in src:
                self.bad.append(("script", src))
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append((tag, name))
            if value and ("javascript:" in value.lower() or "evil.example" in value):
                self.bad.append((tag, name, value))

    def handle_data(self, data):
        pass


def hostile_seeds(tmp_path, second_text: str = "郑州市政协召开委员党委成立大会。委员们积极履职。"):
    """A seeds folder holding the hostile seed and a plain one whose name starts with a dash."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (seeds / "-leading dash 中文 ..txt").write_text(second_text, encoding="utf-8")
    return seeds


def test_hostile_seed_builds_and_is_inert(tmp_path):
    seeds = hostile_seeds(tmp_path)
    out = tmp_path / "out"
    assert run_build(seeds, out) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert any("evil_key" in p["message"] for f in report["files"] for p in f["problems"])
    found = []
    for html in (out / "site").rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        scan = _Scan()
        scan.feed(text)
        found += [(html.name, b) for b in scan.bad]
    assert not found, found
    arts = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    assert len(arts) == 2
    md = next((out / "docs" / "a").glob("*.md")).read_text(encoding="utf-8")
    assert "evil_key" not in md


def test_meta_description_is_plain_text(tmp_path):
    """An article page's meta description is the start of its text, as text: the seeds' quotes,
    brackets, ampersands and template syntax stay inside the attribute."""
    from bad_inputs import drawn_from_text
    from cppcc_archive.model import summary
    from cppcc_archive.write import DESCRIPTION_CHARS

    seeds = hostile_seeds(tmp_path, second_text="郑州市政协召开“委员之家”座谈会，主题为 \"Smart City\" 与 a&b<c。" + "委员们积极履职，" * 20)
    out = tmp_path / "out"
    assert run_build(seeds, out) == 0
    arts = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    shown = []
    for a in arts:
        parser = _Scan()
        parser.feed((out / "site" / a["url"] / "index.html").read_text(encoding="utf-8"))
        assert len(parser.descriptions) == 1 and not parser.bad
        assert drawn_from_text(parser.descriptions[0], a["text"], DESCRIPTION_CHARS), parser.descriptions
        shown += parser.descriptions
    plain = next(d for d in shown if d.startswith("郑州市政协"))   # a text without section headings
    assert plain == summary(next(a["text"] for a in arts if a["text"].startswith("郑州")), chars=DESCRIPTION_CHARS)
    assert '"Smart City" 与 a&b<c' in plain and any("{% raw" in d for d in shown)
    assert all(d.endswith("……") for d in shown)
    # Elsewhere the site's own description.
    parser = _Scan()
    parser.feed((out / "site" / "index.html").read_text(encoding="utf-8"))
    assert parser.descriptions == ["政协新闻文章的清理、标注与检索档案"]


def test_inline_scripts_are_ours_only(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "h.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "out"
    assert run_build(seeds, out) == 0
    for html in (out / "site" / "a").rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for m in re.finditer(r"<script\b[^>]*>(.*?)</script>", text, re.S):
            assert "alert" not in m.group(1)


ENCODINGS = [
    ("gb18030.txt", "gb18030"), ("gbk.txt", "gbk"), ("big5.txt", "big5"), ("utf16le-bom.txt", "utf-16"),
    ("utf16be.txt", "utf-16-be"), ("utf16le.txt", "utf-16-le"), ("utf8-bom.txt", "utf-8-sig"),
]


def test_encodings_decoded(tmp_path):
    text = "北京市延庆区政协召开会议，委员们围绕冬奥会服务保障、乡村振兴等议题协商议政，提出意见建议二十余条。"
    trad = "北京市延慶區政協召開會議，委員們圍繞冬奧會服務保障、鄉村振興等議題協商議政，提出意見建議二十餘條。"
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, enc in ENCODINGS:
        (seeds / name).write_bytes((trad if enc == "big5" else text).encode(enc))
    (seeds / "crlf.txt").write_bytes(text.replace("，", "，\r\n").encode("utf-8"))
    (seeds / "mixed.txt").write_bytes(text.encode("utf-8") + b"\n" + text.encode("gb18030"))
    out = tmp_path / "out"
    assert run_build(seeds, out, "--no-site") == 0
    arts = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    enc = {f["file"]: f["encoding"] for f in report["files"]}
    assert enc["gb18030.txt"] == "gb18030" and enc["gbk.txt"] == "gb18030"
    assert enc["big5.txt"].startswith("big5")
    assert enc["utf16be.txt"] == "utf-16-be" and enc["utf16le.txt"] == "utf-16-le"
    # Near-duplicates (same text in other encodings/scripts) are kept once, listed in also_in.
    assert len(arts) == 1
    assert len(arts[0]["also_in"]) == len(ENCODINGS) + 1
    assert "延庆区" in arts[0]["text"]
    assert arts[0]["regions"][0]["county"] == "延庆区"


def test_csv_cells_cannot_become_formulas(tmp_path):
    import csv
    import io

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "=cmd.txt").write_text("---\ntitle: \"=HYPERLINK(\\\"http://evil.example\\\")\"\n---\n北京市政协召开会议，委员们建言献策。\n",
                                    encoding="utf-8")
    out = tmp_path / "out"
    assert run_build(seeds, out, "--no-site") == 0
    rows = list(csv.reader(io.StringIO((out / "docs" / "articles.csv").read_text(encoding="utf-8-sig"))))
    cells = [c for row in rows[1:] for c in row]
    assert not any(c and c[0] in "=+-@" for c in cells), cells
    assert any(c.startswith("'=HYPERLINK") for c in cells)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "feed", "feed_title"]), st.text(), max_size=3),
       st.lists(st.text(), max_size=4))
def test_front_matter_reads_back_exactly(values, tags):
    """Any text (quotes, backslashes, line separators, BOMs, lone surrogates …) round-trips through YAML."""
    data = dict(values, tags=tags)
    fm = front_matter(data)
    assert fm.startswith("---\n") and fm.endswith("---\n")
    assert yaml.safe_load(fm[4:-4]) == data
