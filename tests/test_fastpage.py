"""The fast article-page converter gives exactly what Python-Markdown gives, or steps aside.

The reference is MkDocs' own conversion (``CPPCC_FAST_PAGES=0``): whole sites
built both ways must be byte-identical, and so must single pages made from
any text hypothesis can think of.
"""
from __future__ import annotations

import filecmp
import functools
import os
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, SEEDS, run_build
from test_hostile import hostile_seeds


def _build_site(out, site, fast: bool):
    env = dict(os.environ, CPPCC_FAST_PAGES="1" if fast else "0")
    code = ("import sys; from pathlib import Path; from cppcc_archive.site import build_site; "
            "build_site(Path(sys.argv[1]), Path(sys.argv[2]), jobs=1)")
    subprocess.run([sys.executable, "-c", code, str(out / "mkdocs.yml"), str(site)], cwd=REPO, env=env, check=True)


def _same_trees(a, b) -> list[str]:
    """Relative paths that differ between two directory trees (missing on either side included)."""
    diff = []

    def walk(cmp, prefix=""):
        diff.extend(prefix + x for x in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        diff.extend(prefix + x for x in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")
    walk(filecmp.dircmp(a, b))
    return diff


def test_seed_site_is_byte_identical_without_the_fast_path(seed_build, tmp_path):
    _build_site(seed_build, tmp_path / "reference", fast=False)
    assert not _same_trees(seed_build / "site", tmp_path / "reference")


def test_hostile_site_is_byte_identical_without_the_fast_path(tmp_path):
    seeds = hostile_seeds(tmp_path, "郑州市政协召开委员党委成立大会。委员们积极履职。  \n    缩进的一段。\t")
    out = tmp_path / "out"
    assert run_build(SEEDS, out) == 0 and run_build(seeds, out) == 0
    _build_site(out, tmp_path / "reference", fast=False)
    assert not _same_trees(out / "site", tmp_path / "reference")


@functools.lru_cache(maxsize=None)
def _mkdocs(out: str):
    """MkDocs' configuration and files of a built --out tree, and one article page file to reuse."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from cppcc_archive import mkdocs_hooks

    cfg = mkdocs_hooks.on_config(load_config(config_file=f"{out}/mkdocs.yml"))   # as a build runs it
    files = get_files(cfg)
    page_file = next(f for f in files.documentation_pages() if f.src_uri.startswith("a/"))
    return cfg, files, page_file


def _both_ways(out, markdown_text: str):
    from mkdocs.structure.pages import Page, _RelativePathTreeprocessor

    from cppcc_archive import fastpage

    cfg, files, page_file = _mkdocs(str(out))
    page = Page(None, page_file, cfg)
    page.markdown = markdown_text
    page.render(cfg, files)
    fast = fastpage.render(markdown_text, _RelativePathTreeprocessor(page_file, files, cfg).path_to_url,
                           fastpage.permalink_title(cfg))
    return page, fast


# Characters Markdown or HTML act on, weighted up, among any others.
_MARKUP = list("政协委员，。、“”（）《》 -.!#*_[]()<>&\"'|{}`~^$=+\\:;/?%@0123456789abcXYZ\n\t")
_text = st.text(st.one_of(st.sampled_from(_MARKUP), st.characters(blacklist_categories=("Cs",))), min_size=1, max_size=60)


@settings(max_examples=int(os.environ.get("CPPCC_FUZZ_EXAMPLES", "300")), deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(title=_text, paragraphs=st.lists(_text, min_size=1, max_size=4), caption=_text, name=_text,
       notes=st.lists(_text, min_size=1, max_size=3))
def test_any_text_converts_as_python_markdown_does(seed_build, title, paragraphs, caption, name, notes):
    """Any article text, through the writer: the fast HTML equals Python-Markdown's, or it steps aside."""
    from cppcc_archive import write
    from cppcc_archive.model import Person

    arts = sorted(write_articles(seed_build), key=lambda a: a.id)
    a = arts[0].with_(title=title, paragraphs=tuple(paragraphs[:-1]) + ("### " + paragraphs[-1],) + tuple(paragraphs),
                      captions=(caption,), people=(Person(name, "委员"),), notes=tuple(notes))
    markdown_text = write.article_page(a, [a, arts[1]], arts[2:4]).split("---\n", 2)[2]
    page, fast = _both_ways(seed_build, markdown_text)
    if fast is None:
        return   # not a shape it knows: MkDocs converts the page
    html, ids, _ = fast
    assert html == page.content
    assert ids == page.present_anchor_ids


def test_fast_path_is_taken_for_text_full_of_markup_characters(seed_build):
    """Escaped markup characters, entities and ASCII punctuation are the ordinary case: converted fast, and the same."""
    from cppcc_archive import write

    arts = sorted(write_articles(seed_build), key=lambda a: a.id)
    tricky = ("1.5倍 *星号* _下划线_ `反引号` [方括号](圆括号) <b>标签</b> & 与 &amp; \\ 反斜杠 | 竖线 "
              "# 井号 + 加号 - 减号 ! 叹号 {花括号} ~波浪~ ^脱字^ $美元$ =等号= \"引号\" '单引号' 100% a@b.c")
    a = arts[0].with_(title=tricky, paragraphs=("### " + tricky, tricky, "2023.5.1 - 第一条"))
    markdown_text = write.article_page(a, [a, arts[1]], arts[2:4]).split("---\n", 2)[2]
    page, fast = _both_ways(seed_build, markdown_text)
    assert fast is not None
    assert fast[0] == page.content


def test_every_generated_seed_page_takes_the_fast_path(seed_build):
    """Article pages and the long index pages (regions, topics, sources, people, dates, report) are converted
    fast; only the short pages holding an SVG chart are left to Python-Markdown."""
    from cppcc_archive import fastpage

    docs = seed_build / "docs"
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    generated = [p for p in pages if fastpage.handles(p)]
    assert len([p for p in generated if p.startswith("a/")]) >= 10 and "people/index.md" in generated
    slow = [p for p in generated
            if fastpage.render(docs.joinpath(p).read_text(encoding="utf-8").split("---\n", 2)[2], lambda url: url) is None]
    assert sorted(slow) == ["regions/index.md", "stats.md", "topics/index.md"]


@settings(max_examples=int(os.environ.get("CPPCC_FUZZ_EXAMPLES", "150")), deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(names=st.lists(_text, min_size=1, max_size=3), message=_text, encoding=_text)
def test_any_table_cell_converts_as_python_markdown_does(seed_build, names, message, encoding):
    """The build report's tables hold file names and messages from seeds: any text in a cell
    converts as Python-Markdown converts it, or the page is left to it."""
    from cppcc_archive import write

    report = {"totals": {"files": len(names), "articles": 0, "problems": len(names)},
              "files": [{"file": n, "encoding": encoding, "articles": [], "changes": {"strip_html": 1},
                         "problems": [{"kind": "empty", "message": message}]} for n in names]}
    markdown_text = write.report_page(report).split("---\n", 2)[2]
    page, fast = _both_ways(seed_build, markdown_text)
    if fast is not None:
        assert fast[0] == page.content


def test_hand_edited_page_is_left_to_python_markdown(seed_build):
    from cppcc_archive import fastpage

    page = next((seed_build / "docs" / "a").glob("*.md")).read_text(encoding="utf-8").split("---\n", 2)[2]
    edited = page.replace("\n\n", "\n\n这里有*强调*和`代码`。\n\n", 1)
    assert fastpage.render(page, lambda url: url) is not None
    assert fastpage.render(edited, lambda url: url) is None
    rendered, _ = _both_ways(seed_build, edited)
    assert "<em>强调</em>" in rendered.content


@functools.lru_cache(maxsize=None)
def _articles(out: str):
    from cppcc_archive import pipeline

    kept, _ = pipeline.assemble(pipeline.gather(SEEDS))
    return tuple(kept)


def write_articles(out):
    return _articles(str(out))


def test_permalink_title_is_chinese_and_unknown_toc_settings_fall_back(seed_build):
    """Heading permalinks carry the configured Chinese title; toc settings fastpage does not
    reproduce send every page to Python-Markdown."""
    from cppcc_archive import fastpage

    cfg, _, _ = _mkdocs(str(seed_build))
    assert fastpage.permalink_title(cfg) == "本节链接"
    page = (seed_build / "site" / "about" / "index.html").read_text(encoding="utf-8")
    article = next((seed_build / "site" / "a").glob("*/index.html")).read_text(encoding="utf-8")
    for html in (page, article):
        assert "Permanent link" not in html and "title=本节链接" in html
    assert fastpage.permalink_title({"markdown_extensions": ["toc"], "mdx_configs": {"toc": {"permalink": "#"}}}) is None
    assert fastpage.permalink_title({"markdown_extensions": ["toc"],
                                     "mdx_configs": {"toc": {"permalink": True, "baselevel": 2}}}) is None
    assert fastpage.permalink_title({"markdown_extensions": ["toc"], "mdx_configs": {"toc": {"permalink": True}}}) == "Permanent link"
