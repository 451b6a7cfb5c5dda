"""Each fixer on real seed text (before → after) and on text it must leave alone."""
from __future__ import annotations


import pytest
from hypothesis import given, settings, strategies as st

from cppcc_archive.clean import clean_text, cjk_count
from cppcc_archive.clean.fixers import (
    collapse_doubled_punctuation,
    remove_markdown_heading_marks,
    remove_pinyin_annotations,
    restore_fullwidth_punctuation,
    strip_html,
)
from cppcc_archive.convert import to_simplified

CASES = [
    # (fixer, before (from the seeds), after)
    (remove_pinyin_annotations, "首頁>協(xié)商>政協(xié)動態(tài)", "首頁>協商>政協動態"),
    (remove_pinyin_annotations, "自治區(qū)政協(xié)針對大多數(shù)委員", "自治區政協針對大多數委員"),
    (collapse_doubled_punctuation, "廣大政協委員要堅持為國履職,、為民盡責的情懷", "廣大政協委員要堅持為國履職、為民盡責的情懷"),
    (collapse_doubled_punctuation, "把責任扛在肩上,,認真履行委員職責", "把責任扛在肩上,認真履行委員職責"),
    (collapse_doubled_punctuation, "作出新貢獻,。", "作出新貢獻。"),
    (collapse_doubled_punctuation, "自治區委員參與490人次,;聯合", "自治區委員參與490人次;聯合"),
    (restore_fullwidth_punctuation, "那曲市政协深刻把握政协性质定位和职能使命,紧紧抓住", "那曲市政协深刻把握政协性质定位和职能使命，紧紧抓住"),
    (restore_fullwidth_punctuation, "“三有”(有人、有事、有平台)和“四化”", "“三有”（有人、有事、有平台）和“四化”"),
    (restore_fullwidth_punctuation, "編輯:羅文", "編輯：羅文"),
    (strip_html, "認真履行委員職責。”</p>", "認真履行委員職責。”\n"),
    # Lines of seeds 001 and 003 as a Markdown copy of their pages would hold them: a heading, a sentence.
    (remove_markdown_heading_marks, "## 必须以更优质效推进协商民主\n### 政协委员是政协工作的主体。",
     "必须以更优质效推进协商民主\n政协委员是政协工作的主体。"),
]

NEGATIVE = [
    (remove_pinyin_annotations, "2023中国(太原)人工智能大会"),
    (remove_pinyin_annotations, "(上接1版)"),
    (remove_pinyin_annotations, "(作者系潼南区政协党组书记、主席)"),
    (remove_pinyin_annotations, "那曲协商民主“三有”(有人、有事、有平台)"),
    (collapse_doubled_punctuation, "总投资112.6亿元，共25个……"),
    (restore_fullwidth_punctuation, "总投资112.6亿元"),
    (restore_fullwidth_punctuation, "G219"),
    (restore_fullwidth_punctuation, "2+N"),
    (restore_fullwidth_punctuation, "https://example.com/a?b=1"),
    (strip_html, "政协委员 3<5 的比较"),
    (remove_markdown_heading_marks, "#两会# 政协委员热议\n第#1号提案"),
]


@pytest.mark.parametrize("fixer,before,after", CASES, ids=[f"{c[0].__name__}-{i}" for i, c in enumerate(CASES)])
def test_fixer_on_seed_text(fixer, before, after):
    assert fixer(before) == after
    assert fixer(after) == after  # idempotent


@pytest.mark.parametrize("fixer,text", NEGATIVE, ids=[f"{c[0].__name__}-{i}" for i, c in enumerate(NEGATIVE)])
def test_fixer_leaves_correct_text_alone(fixer, text):
    assert fixer(text) == text


def test_opencc_overrides():
    assert to_simplified("為著力提升協商效能，件件有著落") == "为着力提升协商效能，件件有着落"
    assert to_simplified("顯著成效") == "显著成效"  # 著 as in 显著 stays


_PIECES = list("政协委员會議區發展,.;:!?()<>&、。，“”（）abcxyzāé 12\n") + ["(xié)", "</p>", ",,", "&amp;", "<script>x</script>"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_cleaning_never_raises_and_is_idempotent(text):
    once, _, removed = clean_text(text)
    twice, changes, _ = clean_text(once)
    assert twice == once, changes
    # The accounting the pipeline counts the cleaned text's CJK characters by.
    assert cjk_count(once) == cjk_count(text) - sum(removed.values())
    assert clean_text(text, cjk_count(text)) == (once, *clean_text(text)[1:])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("政协委员區發展，。、“”（）12 \n")), max_size=120))
def test_cleaning_keeps_every_cjk_character_of_clean_text(text):
    out, _, removed = clean_text(text)
    assert cjk_count(out) == cjk_count(text)
    assert not removed
