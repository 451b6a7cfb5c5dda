"""Curator overrides: split points and per-article corrections, validated like configuration."""
from __future__ import annotations

import json

import pytest

from conftest import run_build

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
    assert part1["topics"] == ["委员履职"] and part1["curated"] == ["level", "regions", "title", "topics"]
    assert len(arts) == 8


@pytest.mark.parametrize("body,needle", [
    (f"{S003}:\n  articles:\n    0:\n      regions: [\"999999\"]\n", "unknown region code"),
    (f"{S003}:\n  articles:\n    0:\n      topics: [不存在]\n", "unknown topic"),
    (f"{S003}:\n  colour: red\n", "expected keys"),
    (f"{S003}: [unclosed\n", "not valid YAML"),
])
def test_bad_curation_stops_build_with_file_and_line(tmp_path, seeds_copy, body, needle, capsys):
    cur = seeds_copy / "curation.yaml"
    cur.write_text(body, encoding="utf-8")
    assert run_build(seeds_copy, tmp_path / "out", "--no-site") == 2
    err = capsys.readouterr().err
    assert needle in err and f"{cur}:" in err
