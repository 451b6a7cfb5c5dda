"""Curator overrides: split points and per-article corrections, validated like configuration."""
from __future__ import annotations

import json
import time

import pytest

from conftest import run_build

from cppcc_archive import cache

S003 = "003_9e6d6ef7a5f05978.txt"


def test_split_and_overrides(tmp_path, seeds_copy):
    (seeds_copy / "curation.yaml").write_text(
        f"{S003}:\n"
        "  split_before:\n"
        "    - \"朔州市政协结合主题教育\"\n"
        "  articles:\n"
        "    1:\n"
        "      title: 朔州等市政协经验交流\n"
        "      regions: [\"140600\"]\n"
        "      topics: [委员履职]\n"
        "      level: 市\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site") == 0
    arts = [a for a in json.loads((out / "articles.json").read_text(encoding="utf-8")) if a["source_file"] == S003]
    part1 = next(a for a in arts if a["part"] == 1)
    assert part1["text"].startswith("朔州市政协结合主题教育")
    assert part1["title"] == "朔州等市政协经验交流" and not part1["title_derived"]
    assert part1["regions"][0]["prefecture"] == "朔州市" and part1["level"] == "市"
    # The part starts at the curator's split point: that is curation too (a curator's review: the
    # report listed the overridden fields, not where a split was made).
    assert part1["topics"] == ["委员履职"] and part1["curated"] == ["level", "regions", "split_before", "title", "topics"]
    assert len(arts) == 8
    page = (out / "docs" / "a" / f"{part1['id']}.md").read_text(encoding="utf-8")
    assert "- **编校修改**：政协层级、地区、分篇起点（split_before）、标题、主题" in page   # the reader sees what a curator set
    # And the curator, in one place: the report lists what curation changed (a curator's review).
    report = (out / "docs" / "report.md").read_text(encoding="utf-8")
    section = report.split("## 编校修改的文章", 1)[1].split("\n## ", 1)[0]
    assert f"(a/{part1['id']}.md)" in section and "（第 2 篇） | 政协层级、地区、分篇起点（split_before）、标题、主题 |" in section
    assert section.count("](a/") == sum(1 for a in arts if a["curated"]) == 1
    assert [a["part"] for a in arts if "split_before" in a["curated"]] == [1]


S004 = "004_4bb3d2b3ae31962d.txt"


def test_a_new_split_names_the_addresses_that_now_show_other_articles(tmp_path, seeds_copy):
    """A split renumbers the seed's later parts and so their ids: 湖北's address showed 民宗委's
    article, and the build said nothing (a curator's review).  The build after the split says which
    addresses moved, once."""
    out = tmp_path / "out"

    def curation_problems() -> list[str]:
        assert run_build(seeds_copy, out, "--no-site") == 0
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        return [p["message"] for f in report["files"] for p in f["problems"] if p["kind"] == "curation"]

    assert curation_problems() == []
    hubei = next(a for a in json.loads((out / "articles.json").read_text(encoding="utf-8"))
                 if a["title"].startswith("湖北省政协对分党组建设"))
    (seeds_copy / "curation.yaml").write_text(f"{S003}:\n  split_before:\n    - \"晋城市政协坚持协商前中后期\"\n",
                                              encoding="utf-8")
    [moved] = curation_problems()
    assert moved.startswith("split_before changed: 6 article address(es) now show other articles")
    now = next(a for a in json.loads((out / "articles.json").read_text(encoding="utf-8")) if a["id"] == hubei["id"])
    assert now["title"] != hubei["title"]
    assert curation_problems() == []   # said once: the next build compares with this one


def test_a_renamed_seed_names_the_addresses_it_moved(tmp_path, seeds_copy):
    """A curator's review renamed a seed: ids come from the file name, so every address of its
    articles changed, and the build said nothing.  The build after the rename says so, once; a seed
    deleted while another is added is no rename."""
    out = tmp_path / "out"

    def renamed() -> list[dict]:
        assert run_build(seeds_copy, out, "--no-site") == 0
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        return [p for f in report["files"] for p in f["problems"] if p["kind"] == "renamed"]

    assert renamed() == []
    def ids(seed: str) -> list[str]:   # in part order
        return [a["id"] for a in sorted(json.loads((out / "articles.json").read_text(encoding="utf-8")),
                                        key=lambda a: a["part"]) if a["source_file"] == seed]

    old_ids = ids(S003)
    (seeds_copy / S003).rename(seeds_copy / "shanxi-2024.txt")
    [moved] = renamed()
    new_ids = ids("shanxi-2024.txt")
    assert moved["file"] == "shanxi-2024.txt" and len(new_ids) == len(old_ids) == 7
    assert moved["message"].startswith(f"looks renamed from {S003}, which the last build had: the same 7 article(s)")
    assert f"a/{old_ids[0]}/ → a/{new_ids[0]}/…" in moved["message"] and S003 in moved["message_zh"]
    assert renamed() == []   # said once: the next build compares with this one
    (seeds_copy / "shanxi-2024.txt").unlink()
    (seeds_copy / "new.txt").write_text("北京市政协召开全体会议。委员们围绕民生议题协商议政。\n", encoding="utf-8")
    assert renamed() == []


def test_a_curation_entry_of_a_renamed_seed_names_the_new_name(tmp_path, seeds_copy, capsys):
    """A curator's review: after a rename, the seed's curation entry stopped the build with "not a seed
    file of this build" and no word of the file it had become."""
    (seeds_copy / "curation.yaml").write_text(f"{S003}:\n  articles:\n    1:\n      title: 甲乙丙\n", encoding="utf-8")
    out = tmp_path / "out"
    time.sleep(cache.RACY_NS / 1e9 + 0.1)   # the build records a seed's file only once it is that old
    assert run_build(seeds_copy, out, "--no-site") == 0
    (seeds_copy / S003).rename(seeds_copy / "shanxi-2024.txt")
    capsys.readouterr()
    assert run_build(seeds_copy, out, "--no-site") == 2
    err = capsys.readouterr().err
    assert f"curation.yaml:1: '{S003}' is not a seed file of this build; the file was renamed 'shanxi-2024.txt'" in err, err


def test_a_column_s_pieces_of_one_title_are_no_rename():
    """A review: with titles alone, a column's 政协简讯 deleted one day and another 政协简讯 added the
    next were reported as a rename; the digest covers the articles' sentences too."""
    from array import array

    from cppcc_archive.renames import articles_digest, renamed

    monday = articles_digest(["政协简讯"], [array("I", [11, 12, 13])])
    tuesday = articles_digest(["政协简讯"], [array("I", [21, 22, 23])])
    assert monday != tuesday
    assert renamed({"0501.txt": monday}, {"0502.txt": tuesday}, {"0502.txt": 1}) == []
    [moved] = renamed({"0501.txt": monday}, {"简讯0501.txt": monday}, {"简讯0501.txt": 1})
    assert moved.source_file == "简讯0501.txt" and moved.kind == "renamed" and "…" not in moved.message


def test_a_curated_title_keeps_the_source_headline_on_the_page_and_its_line(tmp_path, seeds_copy):
    """A curator's title hid the source's headline everywhere and moved the article's line in its
    file from the headline (29) to its first paragraph (a curator's review): the headline stays as a
    heading at the top, as under a front-matter title, and still gives the line."""
    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site") == 0
    before = next(a for a in json.loads((out / "articles.json").read_text(encoding="utf-8"))
                  if a["source_file"] == S003 and a["part"] == 1)
    (seeds_copy / "curation.yaml").write_text(f"{S003}:\n  articles:\n    1:\n      title: 山东省政协一年工作综述\n",
                                              encoding="utf-8")
    assert run_build(seeds_copy, out, "--no-site") == 0
    after = next(a for a in json.loads((out / "articles.json").read_text(encoding="utf-8"))
                 if a["source_file"] == S003 and a["part"] == 1)
    assert before["title"] == "抖擞精气神" and after["title"] == "山东省政协一年工作综述"
    page = (out / "docs" / "a" / f"{after['id']}.md").read_text(encoding="utf-8")
    assert "\n## 抖擞精气神\n" in page and after["raw_line"] == before["raw_line"] == 29


def test_split_before_matches_text_copied_from_the_seed_and_flags_a_beginning_found_often(tmp_path, seeds_copy):
    """Text copied from a seed, with its ASCII comma or 協(xié), matched nothing: the cleaned text has
    full-width marks, no pinyin and simplified script (a curator's review).  A short beginning split
    seed 004 at each of three paragraphs, without a word."""
    (seeds_copy / "curation.yaml").write_text(
        f"{S003}:\n  split_before:\n    - \"晋城市政协坚持协商前中后期“两问三要三明确”的协商程序,严格\"\n"
        f"{S004}:\n  split_before:\n    - \"西城區(qū)政協(xié):\"\n    - \"石景山区政协\"\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site") == 0
    arts = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    assert any(a["source_file"] == S003 and a["text"].startswith("晋城市政协坚持协商前中后期") for a in arts)
    assert any(a["source_file"] == S004 and a["text"].startswith("西城区政协") for a in arts)
    # A part split off keeps the page's date and publisher (人民政协网北京6月14日电), not its byline.
    first, *rest = sorted((a for a in arts if a["source_file"] == S004), key=lambda a: a["part"])
    assert first["date_text"] == "6月14日" and first["publisher"] and rest
    assert all((a["date_text"], a["publisher"]) == (first["date_text"], first["publisher"]) for a in rest)
    problems = [p["message"] for f in json.loads((out / "report.json").read_text(encoding="utf-8"))["files"]
                for p in f["problems"] if p["kind"] == "curation"]
    assert not any("matches no paragraph" in m for m in problems), problems
    assert any(m.startswith("split_before '石景山区政协' matches 3 paragraphs") for m in problems), problems


def test_a_topic_a_curator_sets_is_no_longer_only_mentioned(tmp_path, seeds_copy):
    """Part 0 of seed 003 also discusses 党的建设 and 数字政协 (beyond its four topics); a curator who
    makes 党的建设 its topic leaves every other topic above the threshold among those it also
    discusses, the four the build had kept first (a review: the best ones vanished, the 9th stayed)."""
    out = tmp_path / "out"
    (seeds_copy / "curation.yaml").write_text(f"{S003}:\n  articles:\n    0:\n      topics: [党的建设]\n", encoding="utf-8")
    assert run_build(seeds_copy, out, "--no-site") == 0
    part0 = next(a for a in json.loads((out / "articles.json").read_text(encoding="utf-8"))
                 if a["source_file"] == S003 and a["part"] == 0)
    assert part0["topics"] == ["党的建设"]
    assert part0["topics_mentioned"] == ["社情民意", "自身建设", "委员履职", "政治协商", "经济发展", "乡村振兴", "民主监督",
                                         "参政议政", "数字政协"]


_TWO = (f"{S003}:\n  articles:\n    0:\n      level: 市\n    4:\n      title: 乙\n")   # part 4 starts on line 5


@pytest.mark.parametrize("body,needle,line", [
    (f"{S003}:\n  articles:\n    0:\n      regions: [\"999999\"]\n", "unknown region code 999999", 4),
    (f"{S003}:\n  articles:\n    0:\n      topics: [不存在]\n", "unknown topic '不存在'", 4),
    (f"{S003}:\n  colour: red\n", "unknown key 'colour'", 2),
    (f"{S003}: [unclosed\n", "not valid YAML", None),
    # A curator's review: YAML's words alone, and an unclosed quote put past the file's end (line 6).
    (f"{S003}:\n  articles:\n    1:\n      title: \"抖擞\n    2:\n", "a quotation mark is opened and never closed", 4),
    (f"{S003}:\n  articles:\n    1:\n      title: 抖擞精气神: 山东省政协\n", "must be in quotes", 4),
    (f"{S003}:\n  articles:\n    \"1\":\n      title: 甲\n", "a whole number without quotes", 3),
    # A curator's review: a full-width colon was reported as a missing field, or on the next line.
    (f"{S003}:\n  articles:\n    1:\n      title：厦门市政协会议\n", "not the full-width '：'", 4),
    (f"{S003}:\n  articles:\n    1:\n      title：厦门市政协会议\n      level: 市\n", "not the full-width '：'", 4),
    (f"{S003}:\n  split_before: [\"晋城市政协\"\n  articles:\n    1:\n      title: 甲\n", "not closed with ]", 2),
    # The curator review's cases: the line of the very field, the unknown field named, one value
    # where a list is wanted, a number for a code, a name that is no seed, a key given twice.
    (_TWO + "      level: 乡\n", "level must be one of", 7),
    (_TWO + "      date: 2024-06-14\n", "unknown field 'date'", 7),
    (f"{S003}:\n  articles:\n    0:\n      topics: 委员履职\n", "topics must be a list", 4),
    (f"{S003}:\n  articles:\n    0:\n      regions: 110107\n", "regions must be a list", 4),
    ("003_misspelt.txt:\n  articles:\n    0:\n      title: 甲\n", "'003_misspelt.txt' is not a seed file", 1),
    ("7a41033cafcd:\n  articles:\n    0:\n      title: 甲\n", "is not a seed file", 1),
    (f"{S003}:\n  articles:\n    0: {{title: 甲}}\n{S003}:\n  articles:\n    1: {{title: 乙}}\n", "given twice", 4),
    (f"{S003}:\n  articles:\n    first:\n      title: 甲\n", "is not a part number", 3),
])
def test_bad_curation_stops_build_with_file_and_line(tmp_path, seeds_copy, body, needle, line, capsys):
    cur = seeds_copy / "curation.yaml"
    cur.write_text(body, encoding="utf-8")
    assert run_build(seeds_copy, tmp_path / "out", "--no-site") == 2
    err = capsys.readouterr().err
    assert needle in err and (f"{cur}:{line}:" if line else f"{cur}:") in err, err
    assert "Traceback" not in err


def test_a_curation_file_named_yml_is_applied(tmp_path, seeds_copy):
    """curation.yml was skipped as a seed and never read as curation, without a word (a review)."""
    (seeds_copy / "curation.yml").write_text(f"{S003}:\n  articles:\n    1:\n      title: 甲乙丙\n", encoding="utf-8")
    assert run_build(seeds_copy, tmp_path / "out", "--no-site") == 0
    arts = json.loads((tmp_path / "out" / "articles.json").read_text(encoding="utf-8"))
    assert [a["title"] for a in arts if a["source_file"] == S003 and a["part"] == 1] == ["甲乙丙"]


@pytest.mark.parametrize("names,needle", [
    (("curation.yaml.txt",), "a curation file must be named curation.yaml"),   # a text editor's save: was an article
    (("curation.txt",), "a curation file must be named curation.yaml"),
    (("curation.yaml", "curation.yml"), "two curation files (curation.yaml and curation.yml)"),
])
def test_a_misnamed_or_second_curation_file_stops_the_build(tmp_path, seeds_copy, names, needle, capsys):
    for n in names:
        (seeds_copy / n).write_text(f"{S003}:\n  articles:\n    1:\n      title: 甲乙丙\n", encoding="utf-8")
    assert run_build(seeds_copy, tmp_path / "out", "--no-site") == 2
    err = capsys.readouterr().err
    assert needle in err and str(seeds_copy) in err and "Traceback" not in err, err


def test_curation_saved_as_gbk_is_named_not_a_traceback(tmp_path, seeds_copy, capsys):
    (seeds_copy / "curation.yaml").write_bytes(f"{S003}:\n  articles:\n    0:\n      title: 甲\n".encode("gbk"))
    assert run_build(seeds_copy, tmp_path / "out", "--no-site") == 2
    err = capsys.readouterr().err
    assert "curation.yaml:4: not UTF-8 text" in err and "Traceback" not in err


def test_override_of_a_part_the_seed_lacks_is_a_report_problem(tmp_path, seeds_copy):
    """Part 12 of a seed of 7 articles: the build goes on, the report says it was not applied
    (and --strict fails); before, it was ignored without a word."""
    (seeds_copy / "curation.yaml").write_text(f"{S003}:\n  articles:\n    12:\n      title: 甲\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site") == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    [entry] = [f for f in report["files"] if f["file"] == S003]
    [problem] = [p for p in entry["problems"] if p["kind"] == "curation"]
    assert "part 12" in problem["message"] and "7 article(s)" in problem["message"]
    assert run_build(seeds_copy, out, "--no-site", "--strict") == 1
