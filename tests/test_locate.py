"""The line of its seed file where each article begins (``locate``), for the original-text link."""
from __future__ import annotations

import json
import re

import pytest

from conftest import SEEDS, run_build

from cppcc_archive import pipeline
from cppcc_archive.locate import article_lines

PAGE_003 = next(SEEDS.glob("003_*")).read_text(encoding="utf-8")   # a newspaper page of seven articles
LINES_003 = [3, 29, 59, 113, 132, 142, 164]


@pytest.fixture(scope="module")
def results():
    return {r.name: r for r in pipeline.gather(SEEDS)}


def _cjk(text: str) -> str:
    return re.sub(r"[^\u3400-\u9fff]", "", text)


def test_each_article_of_a_newspaper_page_is_found_at_its_headline(results):
    """Seed 003, a page of seven articles: each begins on the line of its headline (or, for a
    devised title, of its first paragraph), in the page's order."""
    name = next(n for n in results if n.startswith("003_"))
    lines = (SEEDS / name).read_text(encoding="utf-8").split("\n")
    arts = results[name].articles
    assert len(arts) == 7 and all(a.raw_line for a in arts)
    for a in arts:
        opening = a.title if not a.title_derived else next(p for p in a.paragraphs if not p.startswith("#"))
        assert _cjk(opening)[:12] in _cjk("".join(lines[a.raw_line - 1:a.raw_line + 2])), a.title
    by_title = {a.title: a.raw_line for a in arts}
    assert by_title["抖擞精气神"] == 29
    assert by_title["北京市政协首次发布 区政协履职创新优秀案例"] == 132
    assert by_title["河南郑州市政协召开委员党委成立大会"] == 142
    assert by_title["有多少游客来到新疆只为一览塞北大漠风光"] == 164   # devised: found by its first paragraph
    assert [a.raw_line for a in arts] == sorted(a.raw_line for a in arts)


def test_a_traditional_page_is_compared_in_simplified_script(results):
    """Seeds 002 and 004 (traditional script, pinyin annotations, footers) as one file of two
    articles: each is found, the second counted from the file's first line."""
    first, second = (next(n for n in results if n.startswith(p)) for p in ("002_", "004_"))
    text = "\n".join(results[n].raw_text for n in (first, second))
    arts = [results[first].articles[0], results[second].articles[0]]
    located = pipeline._with_raw_lines(arts, text, text, traditional=True)
    lines = text.split("\n")
    assert located[1].raw_line > len(results[first].raw_text.split("\n"))
    for a in located:
        opening = a.title if not a.title_derived else a.paragraphs[0]
        assert a.raw_line and _cjk(opening)[:4] in _cjk(pipeline.convert.to_simplified(lines[a.raw_line - 1]))
    # Compared as written, the simplified openings are not in the traditional file.
    assert pipeline._with_raw_lines(arts, text, text, traditional=False)[1].raw_line is None


def test_an_opening_the_file_does_not_hold_gives_no_line():
    assert article_lines(["政协委员履职", "第二篇文章标题在此"], [["根本不存在的开头文字"], ["第二篇文章标题在此"], ["短"]]) \
        == [None, 2, None]


def test_lines_count_from_the_top_of_the_file_front_matter_included(tmp_path):
    """The line is the file's (as GitHub numbers it), and the published original is the whole file."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "page.txt").write_text("---\npublisher: 人民政协报\ndate: 2024-01-05\n---\n" + PAGE_003, encoding="utf-8")
    out = tmp_path / "out"
    assert run_build(seeds, out, "--no-site") == 0
    records = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    by_title = {r["title"]: r for r in records}
    assert by_title["抖擞精气神"]["raw_line"] == 29 + 4
    raw = (out / "docs" / by_title["抖擞精气神"]["raw_url"]).read_text(encoding="utf-8-sig")
    assert raw.startswith("---\npublisher: 人民政协报") and raw.split("\n")[29 + 4 - 1] == "抖擞精气神"
    article = (out / "docs" / "a" / f"{by_title['抖擞精气神']['id']}.md").read_text(encoding="utf-8")
    assert "原始文本（整个来源文件，本文从第 33 行起）" in article and "#L33" not in article   # no line anchors on a text copy


def _lines_of(text: str, name: str = "page.txt") -> list:
    return [a.raw_line for a in pipeline.process_bytes(text.encode("utf-8"), name).articles]


def test_a_lone_carriage_return_ends_a_line_as_for_the_cleaning():
    """Seed 003 with old Mac line ends: the cleaning still splits it into seven articles, and their
    lines are counted the same way (a review's find: every article was "line 1")."""
    assert _lines_of(PAGE_003) == LINES_003
    assert _lines_of(PAGE_003.replace("\n", "\r")) == LINES_003
    assert _lines_of(PAGE_003.replace("\n", "\r\n")) == LINES_003


def test_a_front_matter_title_is_not_taken_for_the_article_start():
    """The first article's title comes from the front matter; its line is the headline's in the text,
    not the ``title:`` line (a review's find)."""
    front = "---\ntitle: 强化三级政协联动 汇聚协商议政合力\n---\n"
    assert _lines_of(front + PAGE_003) == [n + 3 for n in LINES_003]


def test_a_headline_mentioned_in_the_text_before_it_is_found_on_its_own_line():
    lines = PAGE_003.split("\n")
    lines[26] += "本版另刊《抖擞精气神》一文。"   # the paragraph before 抖擞精气神 (line 29) names it
    assert _lines_of("\n".join(lines)) == LINES_003


def test_a_markdown_seed_on_github_opens_as_plain_text_at_the_line(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "page.md").write_text(PAGE_003, encoding="utf-8")
    (seeds / "page.txt").write_text(next(SEEDS.glob("001_*")).read_text(encoding="utf-8"), encoding="utf-8")
    base = "https://github.com/example/cppcc/blob/main/seeds/"
    monkeypatch.setenv("SEEDS_URL", base)
    assert run_build(seeds, tmp_path / "out", "--no-site") == 0
    pages = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out" / "docs" / "a").glob("*.md"))
    assert f"]({base}page.md?plain=1#L29)" in pages and f"]({base}page.txt#L17)" in pages


def test_an_article_the_file_holds_in_pieces_says_so(results):
    """Seeds 001 and 003 have scrambled columns: the 垫江 and 奉节 pieces of 001 and the 新疆 piece of
    003 were re-assembled from several places.  A reader sent to their line would take the lines
    after it for the article (a user's review): their pages say the file holds them in pieces; the
    others, whose paragraphs follow their line in order, say nothing."""
    scattered = {(name[:3], a.part) for name, r in results.items() for a in r.articles
                 if any(n.startswith("本文在来源文件中不是连续的一段") for n in a.notes)}
    assert scattered == {("001", 1), ("001", 2), ("003", 6)}
    xinjiang = next(a for n, r in results.items() if n.startswith("003_") for a in r.articles if a.part == 6)
    assert pipeline.SCATTERED_NOTE.format(164) in xinjiang.notes
