"""Gazetteer of China's administrative divisions, loaded from cppcc_archive/data/gazetteer.tsv.

The TSV is derived by scripts/derive_gazetteer.py (see there for source and version).  Each
row is one unit: province (34, incl. HK/MO/TW), prefecture (市/地区/自治州/盟) or county
(区/县/县级市/自治县/旗/林区/特区).  A county directly under a municipality or a province
(潼南区, 仙桃市, 神农架林区, 石河子市) has the province as parent and no prefecture.

Columns: code name level parent short former flags; short/former/flags are comma lists.
`short` holds news short forms (那曲, 恩施, 恩施州); `former` old names that now mean this
unit (那曲地区, 襄樊).  Flag `common_word` says the first short form is an everyday word
(和平, 中方, 资源), so a bare match of it needs corroboration.

Ambiguity between units (鼓楼 in four cities) is left to the tagger.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping, Optional, Union

from cppcc_archive.errors import ConfigError

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer.tsv"
COLUMNS = ("code", "name", "level", "parent", "short", "former", "flags")
LEVELS = ("province", "prefecture", "county")
# Which levels a unit's parent may have: counties hang under a prefecture or, for
# 直辖市 districts and 省直辖县级行政区划, straight under the province.
PARENT_LEVELS = {"province": (), "prefecture": ("province",), "county": ("prefecture", "province")}
CODE_RE = re.compile(r"^\d{6}$")


class GazetteerError(ConfigError):
    """The gazetteer TSV is malformed; the message names file:line and the reason."""


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str
    parent: Optional[str]  # None for provinces
    short: tuple[str, ...] = ()
    former: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gazetteer:
    divisions: tuple[Division, ...]
    by_code: Mapping[str, Division] = field(repr=False, compare=False)
    by_name: Mapping[str, tuple[Division, ...]] = field(repr=False, compare=False)

    def __getitem__(self, code: str) -> Division:
        return self.by_code[code]

    def __len__(self) -> int:
        return len(self.divisions)

    def province_of(self, code: str) -> Division:
        """The province containing code (a province is its own)."""
        div = self.by_code[code]
        while div.parent is not None:
            div = self.by_code[div.parent]
        return div

    def prefecture_of(self, code: str) -> Optional[Division]:
        """The prefecture containing code; None for provinces and for counties directly
        under a province (潼南区, 仙桃市)."""
        div = self.by_code[code]
        if div.level == "prefecture":
            return div
        if div.level == "county":
            parent = self.by_code[div.parent]
            return parent if parent.level == "prefecture" else None
        return None

    def chain(self, code: str) -> tuple[Division, Optional[Division], Optional[Division]]:
        """(province, prefecture or None, county or None) for code."""
        div = self.by_code[code]
        county = div if div.level == "county" else None
        return self.province_of(code), self.prefecture_of(code), county


def load_gazetteer(path: Union[str, Path, None] = None) -> Gazetteer:
    """Load and validate the gazetteer; cached per resolved path."""
    return _load_cached(str(Path(path or DEFAULT_PATH).resolve()))


@functools.lru_cache(maxsize=8)
def _load_cached(path: str) -> Gazetteer:
    rows = _parse(path)
    _validate_links(path, rows)
    divisions = tuple(sorted((div for div, _line in rows), key=lambda d: d.code))
    by_name: dict[str, list[Division]] = {}
    for div in divisions:
        by_name.setdefault(div.name, []).append(div)
    return Gazetteer(
        divisions=divisions,
        by_code=MappingProxyType({d.code: d for d in divisions}),
        by_name=MappingProxyType({k: tuple(v) for k, v in by_name.items()}),
    )


# --- Parsing ---------------------------------------------------------------------------


def _parse(path: str) -> list[tuple[Division, int]]:
    """Rows as (Division, line number), checked one by one; links are checked later."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(path, None, f"cannot read gazetteer: {exc}") from exc
    rows: list[tuple[Division, int]] = []
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(fields) != COLUMNS:
                raise GazetteerError(path, lineno, f"header must be {' '.join(COLUMNS)}")
            header_seen = True
            continue
        rows.append((_parse_row(path, lineno, fields), lineno))
    if not header_seen:
        raise GazetteerError(path, None, "no header row")
    return rows


def _parse_row(path: str, lineno: int, fields: list[str]) -> Division:
    def fail(reason: str) -> GazetteerError:
        return GazetteerError(path, lineno, reason)

    if len(fields) != len(COLUMNS):
        raise fail(f"expected {len(COLUMNS)} tab-separated fields, got {len(fields)}")
    code, name, level, parent, short, former, flags = (f.strip() for f in fields)
    if not CODE_RE.match(code):
        raise fail(f"code {code!r} is not 6 digits")
    if not name:
        raise fail(f"empty name for {code}")
    if level not in LEVELS:
        raise fail(f"level {level!r} of {code} is not one of {', '.join(LEVELS)}")
    if not _code_fits_level(code, level):
        raise fail(f"code {code} does not fit level {level}")
    if parent and not CODE_RE.match(parent):
        raise fail(f"parent {parent!r} of {code} is not 6 digits")
    return Division(code, name, level, parent or None,
                    _split(fail, "short", short), _split(fail, "former", former),
                    _split(fail, "flags", flags))


def _code_fits_level(code: str, level: str) -> bool:
    """GB/T 2260: provinces end in 0000, prefectures in 00, counties in neither."""
    if level == "province":
        return code.endswith("0000")
    if level == "prefecture":
        return code.endswith("00") and not code.endswith("0000")
    return not code.endswith("00")


def _split(fail, column: str, value: str) -> tuple[str, ...]:
    if not value:
        return ()
    items = tuple(v.strip() for v in value.split(","))
    if not all(items):
        raise fail(f"empty item in {column} {value!r}")
    return items


# --- Cross-row checks ------------------------------------------------------------------


def _validate_links(path: str, rows: list[tuple[Division, int]]) -> None:
    """Unique codes; every parent exists, has a level allowed for the child, and lies in
    the same province."""
    first_line: dict[str, int] = {}
    levels: dict[str, str] = {}
    for div, lineno in rows:
        if div.code in first_line:
            first = first_line[div.code]
            raise GazetteerError(path, lineno, f"duplicate code {div.code} (first on line {first})")
        first_line[div.code] = lineno
        levels[div.code] = div.level
    for div, lineno in rows:
        _check_parent(path, lineno, div, levels)


def _check_parent(path: str, lineno: int, div: Division, levels: dict[str, str]) -> None:
    allowed = PARENT_LEVELS[div.level]
    if not allowed:
        if div.parent is not None:
            raise GazetteerError(path, lineno, f"province {div.code} must have no parent")
        return
    if div.parent is None:
        raise GazetteerError(path, lineno, f"{div.level} {div.code} has no parent")
    if div.parent not in levels:
        raise GazetteerError(path, lineno, f"parent {div.parent} of {div.code} does not exist")
    if levels[div.parent] not in allowed:
        raise GazetteerError(
            path, lineno,
            f"{div.level} {div.code} cannot have a {levels[div.parent]} parent ({div.parent})")
    if div.parent[:2] != div.code[:2]:
        raise GazetteerError(path, lineno,
                             f"{div.code} is not in the province of its parent {div.parent}")
