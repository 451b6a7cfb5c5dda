"""Errors that stop a build: broken configuration or data files, named by file:line."""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Optional, Union


class ConfigError(Exception):
    """A configuration or data file is broken; the message names file:line and why."""

    def __init__(self, path: Union[str, Path], line: Optional[int], reason: str):
        self.path = str(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {reason}")


def line_of(text: str, needle: str, at_start: bool = False) -> Optional[int]:
    """First line (1-based) of ``text`` containing ``needle`` (or starting with it, stripped), for file:line errors."""
    for i, line in enumerate(text.splitlines(), 1):
        if (line.strip().startswith(needle) if at_start else needle in line):
            return i
    return None


def load_yaml_config(path: Union[str, Path]) -> tuple[object, str]:
    """Parse a YAML configuration file; a syntax error stops the build with file:line.

    Returns the data and the file's text (for pointing later errors at a line).  A key given twice
    in one mapping is an error too: YAML would keep the second silently (a topic block copied to
    start a new one, its name left unchanged, replaced the real topic).
    """
    import yaml

    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ConfigError(path, raw[:e.start].count(b"\n") + 1,
                          "not UTF-8 text (saved in another encoding such as GBK?): save the file as UTF-8")
    try:
        return yaml.load(text, Loader=_unique_key_loader()), text
    except _DuplicateKey as e:
        raise ConfigError(path, e.line, f"{e.key!r} is given twice in the same mapping (first on line {e.first}); "
                                        "YAML would keep only the second")
    except yaml.YAMLError as e:
        raise _yaml_error(path, e, text)
    except (ValueError, TypeError) as e:  # e.g. an impossible date built while loading
        raise ConfigError(path, None, f"impossible value: {e}")


# YAML's words for the mistakes curators make, and what to do (curators' reviews: the messages were
# jargon, and an unclosed quote or bracket, or a key without its colon, was reported on a later line).
_YAML_HINTS = {
    "mapping values are not allowed here": "a value holding a colon and a space, as 抖擞精气神: 山东, must be in quotes",
    "found unexpected end of stream": "a quotation mark is opened and never closed",
    "found character '\\t' that cannot start any token": "indent with spaces, not tabs",
    "expected ',' or ']'": "a [ list opened on this line is not closed with ]",
    "expected ',' or '}'": "a { mapping opened on this line is not closed with }",
    "could not find expected ':'": "a key needs a colon and a space after it, as 民主监督: ",
    "expected <block end>": "this line is indented differently from the lines of its block: the keys of one "
                            "mapping start in the same column",
}
# Mistakes YAML notices only where the text that holds them ends: reported where that text starts.
_REPORTED_AT_START = ("found unexpected end of stream", "expected ',' or ']'", "expected ',' or '}'",
                      "could not find expected ':'")
# A key written with the full-width colon (title：新标题, 民主监督：), which YAML reads as plain text: a
# field's name or a topic's at the start of a line (not a list item's text, 会议指出：…).
_FULLWIDTH_KEY = re.compile(r"^\s*(?:[A-Za-z_][\w.-]*|[\u4e00-\u9fff]{2,8})：")
FULLWIDTH_HINT = "write the colon after a key as ':' and a space, not the full-width '：'"


def _yaml_error(path, e, text: str = "") -> ConfigError:
    """A YAML syntax error as file:line and a reason a curator can act on: the line where the broken
    text starts when YAML knows it (an unclosed quote or bracket, a key without its colon), else
    where it noticed; a key with a full-width colon on or just before that line is named as such."""
    problem = str(getattr(e, "problem", None) or e)
    start = problem.startswith(_REPORTED_AT_START)
    mark = (getattr(e, "context_mark", None) if start else None) or getattr(e, "problem_mark", None)
    line = mark.line + 1 if mark else None
    hint = next((h for words, h in _YAML_HINTS.items() if problem.startswith(words)), None)
    # A key with a full-width colon is plain text to YAML: it runs into the next line's key (mapping
    # values are not allowed here) or stands where a key should (could not find expected ':').
    fullwidth = fullwidth_key_line(text, line, before=1) if problem.startswith(
        ("mapping values are not allowed here", "could not find expected ':'")) else None
    if fullwidth:
        line, hint = fullwidth, FULLWIDTH_HINT
    elif problem.startswith("mapping values are not allowed here") and _bare_key_before(text, line):
        # 港澳台侨 without its colon: YAML reads it and the next line's key as one text
        line, hint = line - 1, _YAML_HINTS["could not find expected ':'"]
    return ConfigError(path, line, f"not valid YAML: {problem}" + (f" ({hint})" if hint else ""))


def _bare_key_before(text: str, line: Optional[int]) -> bool:
    """Whether the line before ``line`` is a lone word indented less than ``line``: a key whose colon
    is missing."""
    rows = text.splitlines()
    if not line or line < 2 or line > len(rows):
        return False
    prev, cur = rows[line - 2], rows[line - 1]
    indent = lambda row: len(row) - len(row.lstrip(" "))   # noqa: E731
    return bool(re.fullmatch(r"\s*[^\s:：#\-\[\]{}'\"]+\s*", prev)) and indent(prev) < indent(cur)


def fullwidth_key_line(text: str, line: Optional[int], before: int = 2) -> Optional[int]:
    """The line (1-based) of a key written with a full-width colon, at ``line`` or up to ``before``
    lines above it, or ``None``."""
    if not line:
        return None
    rows = text.splitlines()
    for n in range(min(line, len(rows)), max(0, line - before - 1), -1):
        if _FULLWIDTH_KEY.match(rows[n - 1]):
            return n
    return None


def yaml_key_lines(text: str) -> dict[tuple, int]:
    """Line (1-based) of every mapping key of a YAML text, by its path of keys (``("topics", "民主监督",
    "cues")``), for errors that point at the very line rather than the first line holding the words."""
    import yaml

    lines: dict[tuple, int] = {}

    def walk(node, path: tuple) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                k = _scalar(key)
                lines.setdefault(path + (k,), key.start_mark.line + 1)
                walk(value, path + (k,))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                lines.setdefault(path + (i,), item.start_mark.line + 1)
                walk(item, path + (i,))

    walk(yaml.compose(text, Loader=yaml.SafeLoader), ())
    return lines


def _scalar(node):
    """A key as ``safe_load`` reads it (2 stays an int, 003_x.txt a str)."""
    import yaml

    try:
        return yaml.SafeLoader("").construct_object(node, deep=True)
    except yaml.YAMLError:
        return getattr(node, "value", None)


def repeated_keys(node, key_of) -> list[tuple[object, int, int]]:
    """The keys a YAML mapping node gives twice, as (key, line, line of the first), 1-based; a key
    is what ``key_of(key_node)`` makes of it (a key that cannot be compared ends the search: the
    loader reports it)."""
    seen: dict = {}
    out = []
    for key_node, _ in node.value:
        key, line = key_of(key_node), key_node.start_mark.line + 1
        try:
            if key in seen:
                out.append((key, line, seen[key]))
            else:
                seen[key] = line
        except TypeError:
            break
    return out


class _DuplicateKey(Exception):
    def __init__(self, key, line: int, first: int):
        self.key, self.line, self.first = key, line, first


@functools.lru_cache(maxsize=None)
def _unique_key_loader():
    """``yaml.SafeLoader`` that raises ``_DuplicateKey`` for a key given twice in one mapping."""
    import yaml

    class Loader(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):
            repeated = repeated_keys(node, lambda key_node: self.construct_object(key_node, deep=True))
            if repeated:
                raise _DuplicateKey(*repeated[0])
            return super().construct_mapping(node, deep)

    return Loader
