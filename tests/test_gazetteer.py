"""Tests for the gazetteer data file and its loader."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from cppcc_archive.errors import ConfigError
from cppcc_archive.tag.gazetteer import (
    DEFAULT_PATH,
    COLUMNS,
    GazetteerError,
    load_gazetteer,
)


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def names(gaz, name):
    return gaz.by_name.get(name, ())


def only(gaz, name, parent=None):
    """The single unit called name (under parent, if given)."""
    found = [d for d in names(gaz, name) if parent is None or d.parent == parent]
    assert len(found) == 1, f"{name} under {parent}: {found}"
    return found[0]


# --- The data file ---------------------------------------------------------------------


def test_header_documents_source():
    head = DEFAULT_PATH.read_text(encoding="utf-8").splitlines()[:3]
    assert head[0].startswith("#") and head[1].startswith("#")
    assert "source:" in head[1] and "data date" in head[1]
    assert head[2].split("\t") == list(COLUMNS)


def test_counts_per_level(gaz):
    counts = Counter(d.level for d in gaz.divisions)
    assert counts["province"] == 34
    assert 320 <= counts["prefecture"] <= 345
    assert 2780 <= counts["county"] <= 2920


def test_sorted_and_unique(gaz):
    codes = [d.code for d in gaz.divisions]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)


def test_every_division_has_its_own_tag(gaz):
    # Tags (甘肃省/张掖市/甘州区) link to the division's section of its province page (write.tag_target);
    # two divisions with one tag path would send one of them to the other's section.
    from cppcc_archive.tag.regions import region_tag, to_region
    from cppcc_archive.write import tag_target

    paths = Counter(region_tag(to_region(code, gaz)) for code in gaz.by_code)
    assert paths.most_common(1)[0][1] == 1
    assert tag_target("地区/甘肃省/张掖市/甘州区") == "regions/620000.md#c620702"
    assert tag_target("地区/重庆市/长寿区") == "regions/500000.md#c500115"
    assert tag_target("地区/甘肃省") == "regions/620000.md"
    assert tag_target("地区/火星") is None and tag_target("主题/不存在") is None


def test_special_administrative_regions_and_taiwan(gaz):
    for code, short in (("810000", "香港"), ("820000", "澳门"), ("710000", "台湾")):
        div = gaz[code]
        assert div.level == "province" and div.parent is None
        assert short in div.short


def test_no_placeholder_rows(gaz):
    placeholders = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
    assert not placeholders & set(gaz.by_name)


def test_naqu_is_a_prefecture_of_tibet(gaz):
    naqu = only(gaz, "那曲市")
    assert naqu.code == "540600" and naqu.level == "prefecture" and naqu.parent == "540000"
    assert "那曲" in naqu.short


def test_tongnan_hangs_directly_under_chongqing(gaz):
    tongnan = only(gaz, "潼南区")
    assert tongnan.parent == "500000"
    assert gaz.prefecture_of(tongnan.code) is None
    province, prefecture, county = gaz.chain(tongnan.code)
    assert (province.name, prefecture, county) == ("重庆市", None, tongnan)


def test_shennongjia_and_province_administered_units(gaz):
    assert only(gaz, "神农架林区").parent == "420000"
    assert only(gaz, "仙桃市").parent == "420000"
    assert only(gaz, "济源市").parent == "410000"
    assert only(gaz, "石河子市").parent == "650000"


def test_chongqing_districts_missing_from_source_are_patched(gaz):
    assert gaz["500105"].name == "江北区" and gaz["500112"].name == "渝北区"
    assert not names(gaz, "两江新区")


def test_two_tongzhou_districts(gaz):
    assert gaz["110112"].name == "通州区" and gaz["110112"].parent == "110000"
    assert gaz["320612"].name == "通州区"
    assert gaz.prefecture_of("320612").name == "南通市"


def test_gulou_in_at_least_four_cities(gaz):
    cities = {gaz.prefecture_of(d.code).name for d in names(gaz, "鼓楼区")}
    assert len(cities) >= 4


def test_current_names_after_renames(gaz):
    for name in ("昌都市", "林芝市", "襄阳市", "开州区", "长寿区", "密云区", "普洱市",
                 "米林市", "错那市", "和安县", "和康县"):
        assert names(gaz, name), name
    for stale in ("那曲地区", "襄樊市", "开县", "长寿县", "莱芜市", "闸北区", "崇明县"):
        assert not names(gaz, stale), stale


def test_former_names(gaz):
    assert "那曲地区" in gaz["540600"].former
    assert {"襄樊", "襄樊市"} <= set(gaz["420600"].former)
    puer = only(gaz, "普洱市")
    assert {"思茅市", "思茅地区"} <= set(puer.former)
    # Bare 思茅 is today's 思茅区, which lies inside 普洱市.
    simao = only(gaz, "思茅区")
    assert "思茅" in simao.short and gaz.prefecture_of(simao.code) == puer
    assert "开县" in only(gaz, "开州区").former
    assert "密云县" in gaz["110118"].former


def test_former_names_never_shadow_current_names(gaz):
    current = set(gaz.by_name) | {s for d in gaz.divisions for s in d.short}
    formers = {f for d in gaz.divisions for f in d.former}
    assert not formers & current


def test_short_forms(gaz):
    assert "恩施" in only(gaz, "恩施土家族苗族自治州").short
    assert "恩施州" in only(gaz, "恩施土家族苗族自治州").short
    assert "西城" in gaz["110102"].short
    assert "内蒙古" in gaz["150000"].short and "广西" in gaz["450000"].short
    assert all(len(s) >= 2 for d in gaz.divisions for s in d.short)


def test_short_forms_yield_to_provinces_and_ancestors(gaz):
    # 河南蒙古族自治县 must not claim 河南, nor 吉林市 the province's 吉林.
    assert "河南" not in only(gaz, "河南蒙古族自治县").short
    assert "河南县" in only(gaz, "河南蒙古族自治县").short
    assert "吉林" not in only(gaz, "吉林市").short


def test_common_word_flags(gaz):
    flagged = {d.short[0] for d in gaz.divisions if "common_word" in d.flags}
    assert {"和平", "长寿", "中方", "资源"} <= flagged
    assert "那曲" not in flagged and "通州" not in flagged


# --- Loader behaviour ------------------------------------------------------------------


def test_load_is_cached():
    assert load_gazetteer() is load_gazetteer(DEFAULT_PATH)


HEADER = "# test\n" + "\t".join(COLUMNS) + "\n"
GOOD_ROWS = [
    "540000\t西藏自治区\tprovince\t\t西藏\t\t",
    "540600\t那曲市\tprefecture\t540000\t那曲\t那曲地区\t",
    "540602\t色尼区\tcounty\t540600\t色尼\t\t",
]


def write(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "gaz.tsv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_small_file_loads(tmp_path):
    gaz = load_gazetteer(write(tmp_path, GOOD_ROWS))
    assert [d.name for d in gaz.chain("540602")] == ["西藏自治区", "那曲市", "色尼区"]
    assert gaz["540600"].former == ("那曲地区",)


def broken(tmp_path, rows, line, reason):
    path = write(tmp_path, rows)
    with pytest.raises(GazetteerError) as info:
        load_gazetteer(path)
    assert isinstance(info.value, ConfigError)
    message = str(info.value)
    assert message.startswith(f"{path.resolve()}:{line}: "), message
    assert reason in message
    return message


def test_duplicate_code_names_line(tmp_path):
    rows = GOOD_ROWS + ["540602\t色尼区\tcounty\t540600\t\t\t"]
    broken(tmp_path, rows, 6, "duplicate code 540602")


def test_missing_parent_names_line(tmp_path):
    rows = GOOD_ROWS + ["540621\t嘉黎县\tcounty\t540700\t\t\t"]
    broken(tmp_path, rows, 6, "parent 540700 of 540621 does not exist")


def test_bad_level_names_line(tmp_path):
    rows = GOOD_ROWS[:2] + ["540602\t色尼区\tdistrict\t540600\t\t\t"]
    broken(tmp_path, rows, 5, "level 'district'")


def test_level_inconsistent_with_parent(tmp_path):
    # A prefecture may only hang under a province.
    rows = GOOD_ROWS + ["540700\t某市\tprefecture\t540600\t\t\t"]
    broken(tmp_path, rows, 6, "cannot have a prefecture parent")


def test_bad_code_and_empty_name(tmp_path):
    broken(tmp_path, GOOD_ROWS + ["54062\t嘉黎县\tcounty\t540600\t\t\t"], 6, "not 6 digits")
    broken(tmp_path, GOOD_ROWS + ["540621\t\tcounty\t540600\t\t\t"], 6, "empty name")


def test_wrong_field_count(tmp_path):
    broken(tmp_path, GOOD_ROWS + ["540621\t嘉黎县\tcounty"], 6, "expected 7")
