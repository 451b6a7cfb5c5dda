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
