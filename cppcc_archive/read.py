"""Find seed files, decode their bytes and read optional front matter.

Nothing is dropped silently: every path under the seeds directory comes back
either as a decoded ``SeedFile`` or as a ``Problem`` that says why not.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Union

import yaml
from charset_normalizer import from_bytes

from .clean.fixers import remove_control_characters
from .errors import repeated_keys
from .model import Problem, SeedFile

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ""}
# As the report says it (a contract review: it named .txt, .md and .html only).
_SEED_SUFFIXES_SHOWN = ", ".join(sorted(x for x in TEXT_SUFFIXES if x)) + " or none"
_SEED_SUFFIXES_SHOWN_ZH = "、".join(sorted(x for x in TEXT_SUFFIXES if x)) + "或无扩展名"
MAX_BYTES = 32 * 1024 * 1024
# Front-matter keys a seed may set; anything else is reported and ignored so a
# seed can never invent a field (or a YAML key) on the site.
FRONT_MATTER_KEYS = {"title", "source_url", "url", "publisher", "date", "page", "版次"}

_MAGIC = [
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"%PDF", "PDF document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"RIFF", "RIFF media file"),
    (b"\x00\x00\x01\x00", "icon image"),
]

# Encodings a curator's Chinese file may plausibly be in.  A detector answer
# outside this list (cp1252, koi8-r …) on CJK-heavy bytes is a wrong guess.
CHINESE_ENCODINGS = ("gb18030", "big5hkscs", "utf_16")


@dataclass(frozen=True)
class Unreadable:
    name: str
    problem: Problem


def discover(seeds_dir: Path) -> Iterator[Union[Path, Unreadable]]:
    """Yield every candidate seed path in a stable order, or why it is skipped."""
    seeds_dir = Path(seeds_dir)
    errors: list[OSError] = []
    for root, dirs, files in os.walk(seeds_dir, followlinks=False, onerror=errors.append):
        while errors:
            yield _walk_error(errors.pop(0), seeds_dir)
        dirs.sort()
        rel_root = Path(root).relative_to(seeds_dir)
        if not dirs and not files and rel_root != Path("."):
            yield Unreadable(_rel(rel_root), Problem(_rel(rel_root), "empty-dir", "folder holds no seed files", "文件夹中没有来源文件"))
        # A symlinked directory is never followed: that is how loops are avoided.
        for d in list(dirs):
            full = Path(root) / d
            if d.startswith("."):
                dirs.remove(d)
                yield Unreadable(_rel(rel_root / d), Problem(_rel(rel_root / d), "hidden", "hidden directory ignored", "已忽略隐藏文件夹"))
            elif full.is_symlink():
                dirs.remove(d)
                yield Unreadable(_rel(rel_root / d), Problem(_rel(rel_root / d), "symlink-dir", "symbolic link to a directory not followed (it could loop)", "未跟随指向文件夹的符号链接（可能形成循环）"))
        # Per file, strings rather than Path objects: at 10,000 seeds the Path arithmetic was a
        # tenth of a rebuild's phase 1.
        base, prefix = Path(root), "" if rel_root == Path(".") else rel_root.as_posix() + "/"
        for f in sorted(files):
            name = display_name(prefix + f)
            if f.startswith("."):
                yield Unreadable(name, Problem(name, "hidden", "hidden file ignored (rename it without the leading dot to include it)", "已忽略隐藏文件（去掉文件名开头的点即可收录）"))
                continue
            if f.lower() in {"readme", "readme.md", "curation.yaml", "curation.yml"} and rel_root == Path("."):
                continue
            suffix = _suffix(f)
            if suffix.lower() not in TEXT_SUFFIXES:
                yield Unreadable(name, Problem(name, "extension", f"extension {suffix!r} is not a text seed ({_SEED_SUFFIXES_SHOWN}); ignored",
                                           f"扩展名 {suffix!r} 不是文本来源文件（{_SEED_SUFFIXES_SHOWN_ZH}），已忽略"))
                continue
            yield base / f
    while errors:
        yield _walk_error(errors.pop(0), seeds_dir)


def _suffix(name: str) -> str:
    """``PurePath(name).suffix`` of a bare file name, without making a path.

    >>> [_suffix(n) for n in ("a.txt", "a.tar.GZ", "a.", "README", "a..md")]
    ['.txt', '.GZ', '', '', '.md']
    """
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def _walk_error(e: OSError, seeds_dir: Path) -> Unreadable:
    try:
        rel = _rel(Path(e.filename).relative_to(seeds_dir))
    except (TypeError, ValueError):
        rel = display_name(str(e.filename))
    return Unreadable(rel, Problem(rel, "unreadable", f"cannot read folder: {e.strerror}", f"无法读取文件夹：{e.strerror}"))


def _rel(p: Path) -> str:
    return display_name(p.as_posix())


def display_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by the OS as surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_bytes(path: Path, name: str, max_bytes: int = MAX_BYTES,
               stat_out: Optional[list] = None) -> Union[bytes, Problem]:
    """Read a file's bytes, turning every OS-level failure into a Problem.

    The file is opened once, non-blocking, and checked on the open handle:
    a path swapped for a pipe, a directory or a bigger file between listing
    and reading cannot block the build or slip past the size limit.
    """
    limit = f"{max_bytes / 2**20:.0f} MB"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        if os.path.islink(path):
            return Problem(name, "dangling-symlink", "symbolic link points to a file that does not exist", "符号链接指向的文件不存在")
        return Problem(name, "vanished", "file disappeared during the build", "构建过程中文件消失")
    except PermissionError:
        return Problem(name, "permission", "permission denied when reading the file", "没有读取此文件的权限")
    except IsADirectoryError:
        return Problem(name, "not-a-file", "not a regular file (a directory)", "不是普通文件（是文件夹）")
    except OSError as e:
        return Problem(name, "unreadable", f"cannot open file: {e.strerror}", f"无法打开文件：{e.strerror}")
    try:
        st = os.fstat(fd)
        if stat_out is not None:   # the file whose bytes these are, before they were read
            stat_out.append(st)
        if not stat.S_ISREG(st.st_mode):
            return Problem(name, "not-a-file", "not a regular file (directory, device or pipe)", "不是普通文件（文件夹、设备或管道）")
        if st.st_size > max_bytes:
            return Problem(name, "too-large", f"file is {st.st_size / 2**20:.1f} MB, above the {limit} limit; split it into smaller seeds",
                       f"文件大小 {st.st_size / 2**20:.1f} MB，超过 {limit} 的上限，请拆分为较小的来源文件")
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > max_bytes:
            return Problem(name, "too-large", f"file grew past the {limit} limit while it was read; split it into smaller seeds",
                           f"读取过程中文件超过 {limit} 的上限，请拆分为较小的来源文件")
        return b"".join(chunks)
    except OSError as e:
        return Problem(name, "unreadable", f"cannot read file: {e.strerror}", f"无法读取文件：{e.strerror}")
    finally:
        os.close(fd)


def sniff_binary(data: bytes) -> Optional[str]:
    """Name the binary format of ``data``, or None if it may be text."""
    for magic, label in _MAGIC:
        if data.startswith(magic):
            return label
    head = data[:65536]
    if not head:
        return None
    nul = head.count(0)
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if (nul or controls) and not _looks_utf16(head) and not _looks_utf32(head):
        if nul / len(head) > 0.01:
            return "binary data (NUL bytes)"
        # Control bytes no text holds: random or compressed data has one in ten, a text with a
        # stray BEL or NUL a few (a contract review found 4 KB of random bytes, 14 of them NUL,
        # decoded as GB18030 and published as an article).
        if controls >= 16 and controls / len(head) > 0.01:
            return "binary data (control bytes)"
    return None


# C0 control bytes but tab, line breaks, form feed and escape (ANSI colour codes come in pasted text).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b")


def _looks_utf16(head: bytes) -> bool:
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    even, odd = head[0::2], head[1::2]
    # ASCII in UTF-16 puts a NUL in every other byte; CJK rarely produces
    # NUL bytes at all, so demand a strong one-sided pattern.
    if len(head) < 4:
        return False
    return (even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd)) or (
        odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even)
    ) or _utf16_cjk(head)


def _utf16_cjk(head: bytes) -> bool:
    """UTF-16 text that is mostly CJK has few NULs; test by decoding."""
    if len(head) % 2:
        head = head[:-1]
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            s = head.decode(enc)
        except UnicodeDecodeError:
            continue
        cjk = sum(1 for c in s if "\u4e00" <= c <= "\u9fff")
        if s and cjk / len(s) > 0.5:
            return True
    return False


def _looks_utf32(head: bytes) -> bool:
    return head[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


def _cjk_share(s: str) -> float:
    if not s:
        return 0.0
    cjk = sum(1 for c in s if "\u4e00" <= c <= "\u9fff")
    return cjk / max(1, sum(1 for c in s if not c.isspace()))


# A Chinese character's UTF-8 bytes read as Windows-1252: a lead byte E3–E9 (ã … é) and two
# continuation bytes 80–BF (€ ‚ ƒ … ¿ in that code page; ftfy's "sloppy" reading keeps the five it
# leaves undefined as C1 controls).
_DOUBLE_ENCODED = re.compile("[\u00e3-\u00e9][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                             "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac"
                             "\u2122]{2}")


def _repair_double_encoding(text: str) -> Optional[str]:
    """The text again when it is UTF-8 once read as Windows-1252 and saved as UTF-8 (a scraper's
    mistake: 天津 became å¤©æ´¥, and the © inside 天's three characters made the copyright rule
    delete the headline, a curator's review); else ``None``.  ftfy undoes it; it is trusted only
    where the result has far more Chinese than the text."""
    sample = text[:20000]
    if len(_DOUBLE_ENCODED.findall(sample)) < 3:
        return None
    import ftfy

    fixed = ftfy.fix_encoding(text)
    return fixed if _cjk_share(fixed[:20000]) > _cjk_share(sample) + 0.2 else None


def decode(data: bytes, name: str) -> tuple[Optional[str], Optional[str], float, list[Problem]]:
    """Decode ``data``; return (text, encoding, confidence, problems).

    Order: byte-order marks, strict UTF-8, UTF-16 without BOM, then
    charset-normalizer restricted to Chinese encodings, then a line-by-line
    UTF-8/GB18030 mix for files stitched from several sources.
    """
    problems: list[Problem] = []
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                     (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, 1.0, problems
            except UnicodeDecodeError:
                text = data.decode(enc, errors="replace")
                problems.append(Problem(name, "invalid-bytes", f"{enc} byte-order mark but invalid bytes; undecodable bytes shown as �",
                                    f"有 {enc} 字节顺序标记，但含无效字节；无法解码的字节显示为 �"))
                return text, enc, 0.5, problems
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        repaired = _repair_double_encoding(text)
        if repaired is None:
            return text, "utf-8", 1.0, problems
        problems.append(Problem(name, "double-encoded", "UTF-8 text that was once read as Windows-1252 (å¤©æ´¥ for 天津); "
                                "repaired with ftfy, check it against the original",
                                "UTF-8 文本曾被当作 Windows-1252 读取（天津 成了 å¤©æ´¥），已用 ftfy 修复，请对照原文核对"))
        return repaired, "utf-8 (double-encoded)", 0.8, problems
    head = data[:65536]
    if _looks_utf16(head):
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            # ASCII pairs also decode to CJK code points, so CJK-looking
            # UTF-16 must be made of common characters (Latin-1 text is not).
            nul_pattern = head.count(0) > 0.2 * len(head)
            if text.isascii() or (_cjk_share(text) > 0.3 and (nul_pattern or _common_share(text) >= 0.5)):
                return text, enc, 0.9, problems
    best = _best_chinese_guess(data)
    if best is not None:
        enc, text, conf = best
        if conf < 0.6:
            problems.append(Problem(name, "uncertain-encoding", f"encoding guessed as {enc} with low confidence ({conf:.2f}); check the text",
                                    f"编码推测为 {enc}，可信度低（{conf:.2f}），请核对文本"))
        return text, enc, conf, problems
    mixed = _decode_mixed_lines(data)
    if mixed is not None:
        text, n_gb, bad = mixed
        if n_gb:
            problems.append(Problem(name, "mixed-encoding", f"{n_gb} line(s) were not UTF-8 and were decoded as GB18030",
                                    f"{n_gb} 行不是 UTF-8，已按 GB18030 解码"))
        if bad:
            problems.append(_invalid_lines_problem(name, bad))
        return text, "utf-8+gb18030" if n_gb else "utf-8", 0.7, problems
    return None, None, 0.0, [Problem(name, "undecodable", "bytes are not text in UTF-8, UTF-16, GB18030 or Big5",
                                     "内容不是 UTF-8、UTF-16、GB18030 或 Big5 编码的文本")]


def _best_chinese_guess(data: bytes) -> Optional[tuple[str, str, float]]:
    """Pick between GB18030 and Big5 by how Chinese the decoded text looks.

    charset-normalizer proposes; we check: its answer must be a Chinese
    encoding and must decode strictly, else we test both ourselves.
    """
    candidates: list[tuple[str, str, float]] = []
    try:
        result = from_bytes(data[:262144], cp_isolation=["gb18030", "big5", "utf_16", "utf_8"]).best()
    except Exception:  # the detector must never crash a build
        result = None
    if result is not None:
        enc = result.encoding
        enc = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs"}.get(enc, enc)
        try:
            text = data.decode(enc)
            candidates.append((enc, text, max(0.0, 1.0 - result.chaos)))
        except (UnicodeDecodeError, LookupError):
            pass
    for enc in ("gb18030", "big5hkscs"):
        if any(c[0] == enc for c in candidates):
            continue
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((enc, text, 0.5))
    if not candidates:
        return None
    # Common-character share separates a right decode from a wrong one far
    # better than the detector's chaos alone on short Chinese files.
    scored = sorted(candidates, key=lambda c: (_common_share(c[1]), c[2]), reverse=True)
    enc, text, conf = scored[0]
    share = _common_share(text)
    if share < 0.5 and _cjk_share(text) > 0.2:
        conf = min(conf, 0.4)
    return enc, text, round(min(conf, 0.99), 2) if share >= 0.5 else round(conf, 2)


_COMMON = None


def _common_share(text: str) -> float:
    """Share of CJK characters that are among the frequent ones (GB2312 level 1 or its traditional forms)."""
    cjk = [c for c in text[:20000] if "\u3400" <= c <= "\u9fff"]
    if not cjk:
        return 0.0
    return _common_count("".join(cjk)) / len(cjk)


def _common_count(text: str) -> int:
    """How many characters of ``text`` are frequent Chinese ones (see ``_common_share``)."""
    global _COMMON
    if _COMMON is None:
        chars = set()
        for hi in range(0xB0, 0xD8):
            for lo in range(0xA1, 0xFF):
                try:
                    chars.add(bytes([hi, lo]).decode("gb2312"))
                except UnicodeDecodeError:
                    pass
        import opencc

        chars |= set(opencc.OpenCC("s2t.json").convert("".join(sorted(chars))))
        chars |= set(opencc.OpenCC("s2hk.json").convert("".join(sorted(chars))))
        _COMMON = frozenset(chars)
    return sum(1 for c in text[:20000] if c in _COMMON)


def _decode_mixed_lines(data: bytes) -> Optional[tuple[str, int, list[tuple[int, int]]]]:
    """The lines as UTF-8, else as GB18030; a line neither reads whole keeps the reading with more
    common Chinese characters, its bad bytes as �.  Returns the text, the number of lines read as
    GB18030 whole, and (line number, bytes shown as �) of the others."""
    lines = data.split(b"\n")
    out, n_gb, bad = [], 0, []
    for number, line in enumerate(lines, 1):
        try:
            out.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            out.append(line.decode("gb18030"))
            n_gb += 1
            continue
        except UnicodeDecodeError:
            pass
        # One bad byte in a GBK line made the whole line UTF-8 garbage (its byline and date lost,
        # a reviewer): the GB18030 reading keeps all but that byte.  UTF-8 text with a bad byte
        # read as GB18030 is garbage of rare characters, so the count of common ones decides.
        readings = [line.decode(enc, errors="replace") for enc in ("utf-8", "gb18030")]
        text = max(readings, key=lambda t: (_common_count(t), -t.count("\ufffd")))
        out.append(text)
        bad.append((number, text.count("\ufffd")))
    return "\n".join(out), n_gb, bad


def _invalid_lines_problem(name: str, bad: list[tuple[int, int]]) -> Problem:
    shown = "、".join(f"第 {n} 行" for n, _ in bad[:5]) + ("等" if len(bad) > 5 else "")
    lines = ", ".join(str(n) for n, _ in bad[:5]) + (", …" if len(bad) > 5 else "")
    total = sum(k for _, k in bad)
    return Problem(name, "invalid-bytes",
                   f"{total} byte(s) on line(s) {lines} are valid in neither UTF-8 nor GB18030; shown as �",
                   f"{shown}有 {total} 处字节在 UTF-8 和 GB18030 中都无效，显示为 �")


# Lines may end in \r\n (a file saved on Windows): the body keeps its line ends for the cleaning
# report, the front matter is read with \n.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")   # ASCII digits: \d also matches ２０２４
# Longest value kept per key: a front-matter value is printed on the page, in each citation format,
# the feeds and the exports; a megabyte-long title is a broken file, not a title.
FRONT_MATTER_MAX = {"title": 200, "publisher": 100, "page": 40, "source_url": 2000, "date": 10}
_FULLWIDTH_KEY = re.compile(r"^[ \t]*([A-Za-z_]+)[ \t]*：", re.M)


def split_front_matter(text: str, name: str) -> tuple[str, tuple[tuple[str, str], ...], list[Problem]]:
    """Separate optional YAML front matter; bad front matter is reported, never fatal."""
    m = _FRONT_MATTER.match(text)
    if not m:
        if re.match(r"\A---[ \t]*\r?\n", text) and re.search(r"^[A-Za-z_\u4e00-\u9fff]+\s*:", text.split("\n", 2)[1] if text.count("\n") >= 1 else "", re.M):
            return text.split("\n", 1)[1], (), [Problem(name, "front-matter", "front matter opened with --- but never closed; its lines are kept as text",
                                                "前置元数据以 --- 开头但没有结束，这些行按正文保留")]
        return text, (), []
    body = text[m.end():]
    problems: list[Problem] = []
    source = m.group(1).replace("\r\n", "\n").replace("\r", "\n")
    try:
        data, repeated, tagged = _load_front_matter(source)
    except RecursionError:   # thousands of nested brackets: the parser recurses once per level
        problems.append(Problem(name, "front-matter", "front matter is nested too deeply to be read; ignored",
                                "前置元数据嵌套过深，无法读取，已忽略"))
        return body, (), problems
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        where_zh = f"（第 {mark.line + 2} 行）" if mark else ""
        hint = hint_zh = ""
        colon = _FULLWIDTH_KEY.search(source)
        if colon:   # YAML's error points at a later line; the cause is a Chinese colon after a key
            line = source[:colon.start()].count("\n") + 2
            hint = f" (line {line}: a full-width colon after {colon.group(1)!r}; write “:”)"
            hint_zh = f"（第 {line} 行 {colon.group(1)} 后是全角冒号“：”，应为半角“:”）"
        problems.append(Problem(name, "front-matter", f"front matter is not valid YAML{where}{hint}; ignored",
                                f"前置元数据不是有效的 YAML{where_zh}{hint_zh}，已忽略"))
        return body, (), problems
    except (ValueError, TypeError, OverflowError) as e:  # e.g. date: 2024-13-45 fails while building a date
        problems.append(Problem(name, "front-matter", f"front matter has an impossible value ({e}); ignored",
                                f"前置元数据含不可能的值（{e}），已忽略"))
        return body, (), problems
    if data is None:
        return body, (), problems
    if not isinstance(data, dict):
        problems.append(Problem(name, "front-matter", "front matter is not a mapping of keys to values; ignored",
                                "前置元数据不是键值对，已忽略"))
        return body, (), problems
    for tag, line in tagged:
        problems.append(Problem(name, "front-matter", f"front matter line {line + 1} has a YAML tag ({tag[:60]}); it is not applied",
                                f"前置元数据第 {line + 1} 行有 YAML 标签（{tag[:60]}），不予执行"))
    for key, line, first in repeated:
        problems.append(Problem(name, "front-matter", f"front-matter key {key[:40]!r} is given twice (lines {first + 1} and {line + 1}); "
                                                      "the second is used",
                                f"前置元数据键 {key[:40]!r} 出现两次（第 {first + 1} 行和第 {line + 1} 行），采用第二个"))
    items: dict[str, str] = {}
    for key, value in data.items():
        key_s = str(key)
        if key_s not in FRONT_MATTER_KEYS:
            problems.append(Problem(name, "front-matter", f"unknown front-matter key {key_s[:40]!r} ignored (known: {', '.join(sorted(FRONT_MATTER_KEYS))})",
                                    f"未知的前置元数据键 {key_s[:40]!r}，已忽略（可用的键：{'、'.join(sorted(FRONT_MATTER_KEYS))}）"))
            continue
        if not isinstance(value, str):
            problems.append(Problem(name, "front-matter", f"front-matter key {key_s!r} must be text; ignored",
                                    f"前置元数据键 {key_s!r} 的值必须是文本，已忽略"))
            continue
        # What the body's text gets: no control, zero-width or bidi characters; one line (an
        # ideographic space stays).
        visible = remove_control_characters(value)
        if len(visible) != len(value):
            problems.append(Problem(name, "front-matter", f"front-matter {key_s} held {len(value) - len(visible)} control, "
                                                          "zero-width or bidi character(s); removed",
                                    f"前置元数据 {key_s} 含 {len(value) - len(visible)} 个控制、零宽或双向控制字符，已删除"))
        value = _LINE_BREAKS.sub(" ", visible).strip()
        if not value:
            problems.append(Problem(name, "front-matter", f"front-matter key {key_s!r} is empty; ignored",
                                    f"前置元数据键 {key_s!r} 的值为空，已忽略"))
            continue
        if key_s == "date" and not _real_date(value):
            problems.append(Problem(name, "front-matter", f"date {value[:40]!r} is not a real date written YYYY-MM-DD; ignored",
                                    f"日期 {value[:40]!r} 不是 YYYY-MM-DD 格式的有效日期，已忽略"))
            continue
        if key_s in ("source_url", "url") and not re.match(r"^https?://[^\s<>\"']+$", value):
            problems.append(Problem(name, "front-matter", "source_url must be an http(s) address; ignored",
                                    "source_url 必须是 http(s) 地址，已忽略"))
            continue
        key_s = {"url": "source_url", "版次": "page"}.get(key_s, key_s)
        longest = FRONT_MATTER_MAX.get(key_s, 200)
        if len(value) > longest:
            problems.append(Problem(name, "front-matter", f"front-matter {key_s} is {len(value):,} characters long "
                                                          f"(at most {longest}); ignored",
                                    f"前置元数据 {key_s} 长 {len(value):,} 个字符（最多 {longest} 个），已忽略"))
            continue
        if key_s in items:
            problems.append(Problem(name, "front-matter", f"front matter gives {key_s} twice (as {key_s} and as an alias); "
                                                          "the later one is used",
                                    f"前置元数据两次给出 {key_s}（含别名），采用后一个"))
        items[key_s] = value
    return body, tuple(sorted(items.items())), problems


def _real_date(value: str) -> bool:
    """YYYY-MM-DD in ASCII digits, and a day the calendar has (not 2024-02-30)."""
    import datetime

    if not _ISO_DATE.match(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _load_front_matter(source: str) -> tuple[object, list[tuple[str, int, int]], list[tuple[str, int]]]:
    """The front matter with every scalar as written (YAML's other types would turn a title
    ``12:30:00`` into 45000 and ``1_000`` into 1000; a date stays text to be checked); the top
    level's keys given twice as (key, line, first line); and the explicit tags, (tag, line), which
    are not applied.  Lines are 1-based in ``source`` (the file's line is one more: the opening
    ``---`` comes first)."""
    loader = _FrontMatterLoader(source)
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    return data, loader.repeated, loader.tagged


_LINE_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})


class _FrontMatterLoader(yaml.BaseLoader):
    """``yaml.BaseLoader`` (strings, lists and mappings only; a tag is never applied, so nothing
    is constructed or run) that records the top level's keys given twice and any explicit tag."""

    def __init__(self, stream):
        super().__init__(stream)
        self.repeated: list[tuple[str, int, int]] = []
        self.tagged: list[tuple[str, int]] = []
        self._top = None

    def construct_document(self, node):
        self._top = node
        return super().construct_document(node)

    def construct_object(self, node, deep=False):
        if node.tag not in _PLAIN_TAGS:
            self.tagged.append((node.tag, node.start_mark.line + 1))
        return super().construct_object(node, deep)

    def construct_mapping(self, node, deep=False):
        if node is self._top:
            # A key that is not text is a node of its own, never equal to another.
            self.repeated += repeated_keys(node, lambda n: n.value if isinstance(n, yaml.ScalarNode) else n)
        return super().construct_mapping(node, deep)


def read_seed(path: Path, name: str, max_bytes: int = MAX_BYTES) -> Union[SeedFile, Problem]:
    """Read and decode one seed; a Problem when it yields no text at all."""
    data = read_bytes(path, name, max_bytes)
    if isinstance(data, Problem):
        return data
    return seed_from_bytes(data, name)


def seed_from_bytes(data: bytes, name: str) -> Union[SeedFile, Problem]:
    """Decode a seed's bytes (already read) into a SeedFile, or say why not."""
    if not data.strip():
        return Problem(name, "empty", "file is empty" if not data else "file holds only whitespace",
                   "文件为空" if not data else "文件只有空白字符")
    binary = sniff_binary(data)
    if binary:
        return Problem(name, "binary", f"not a text file: looks like a {binary}", f"不是文本文件，看起来是 {binary}")
    text, enc, conf, problems = decode(data, name)
    if text is None:
        return problems[0]
    original = text.lstrip("\ufeff")
    body, fm, fm_problems = split_front_matter(original, name)
    return SeedFile(
        name=name,
        raw_bytes_sha256=hashlib.sha256(data).hexdigest(),
        encoding=enc,
        encoding_confidence=conf,
        text=body,
        front_matter=fm,
        problems=tuple(problems + fm_problems),
        size=len(data),
        original=original,
    )
