"""Errors that stop a build: broken configuration or data files, named by file:line."""
from __future__ import annotations

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

    Returns the data and the file's text (for pointing later errors at a line).
    """
    import yaml

    text = Path(path).read_text(encoding="utf-8")
    try:
        return yaml.safe_load(text), text
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise ConfigError(path, mark.line + 1 if mark else None, f"not valid YAML: {getattr(e, 'problem', e)}")
    except (ValueError, TypeError) as e:  # e.g. an impossible date built while loading
        raise ConfigError(path, None, f"impossible value: {e}")
