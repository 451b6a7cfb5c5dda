"""Curator overrides: per-article title, regions, topics and level, and split points.

An optional YAML file (default ``seeds/curation.yaml``) keyed by seed file
name.  It is configuration, so a mistake stops the build with file:line.

.. code-block:: yaml

    003_9e6d6ef7a5f05978.txt:
      split_before:                 # start a new article at the paragraph beginning so
        - "12月27日，甘肃省张掖市"
      articles:
        2:                          # part (0-based, after splitting)
          title: 新标题
          regions: ["620700"]       # GB/T 2260 codes, main region first
          topics: [民族宗教]
          level: 全国               # 全国 / 省 / 市 / 县
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional


from .errors import ConfigError, line_of, load_yaml_config

LEVELS = {"全国", "省", "市", "县"}
ARTICLE_KEYS = {"title", "regions", "topics", "level"}




def load_curation(path: Optional[Path]) -> dict:
    """Validated curation data ({} when the file does not exist)."""
    if path is None or not Path(path).exists():
        return {}
    from .tag.gazetteer import load_gazetteer
    from .tag.topics import load_taxonomy

    data, text = load_yaml_config(path)
    data = data or {}
    if not isinstance(data, dict):
        raise ConfigError(path, 1, "expected a mapping of seed file names to overrides")
    gaz, topics = load_gazetteer(), set(load_taxonomy().names)
    out = {}
    for seed, spec in data.items():
        line = line_of(text, f"{seed}:")
        if not isinstance(spec, dict) or not set(spec) <= {"split_before", "articles"}:
            raise ConfigError(path, line, f"{seed}: expected keys split_before and/or articles")
        splits = spec.get("split_before") or []
        if not isinstance(splits, list) or not all(isinstance(s, str) and s.strip() for s in splits):
            raise ConfigError(path, line_of(text, "split_before") or line, f"{seed}: split_before must be a list of text beginnings")
        arts = {}
        for part, over in (spec.get("articles") or {}).items():
            where = line_of(text, f"{part}:") or line
            if not isinstance(part, int) or part < 0 or not isinstance(over, dict) or not set(over) <= ARTICLE_KEYS:
                raise ConfigError(path, where, f"{seed}: articles must map a part number to some of {sorted(ARTICLE_KEYS)}")
            for code in over.get("regions") or []:
                if str(code) not in gaz.by_code:
                    raise ConfigError(path, line_of(text, str(code)) or where, f"{seed}#{part}: unknown region code {code}")
            for t in over.get("topics") or []:
                if t not in topics:
                    raise ConfigError(path, line_of(text, str(t)) or where, f"{seed}#{part}: unknown topic {t!r}")
            if "level" in over and over["level"] not in LEVELS:
                raise ConfigError(path, line_of(text, "level") or where, f"{seed}#{part}: level must be one of {sorted(LEVELS)}")
            if "title" in over and (not isinstance(over["title"], str) or not over["title"].strip()):
                raise ConfigError(path, line_of(text, "title") or where, f"{seed}#{part}: title must be text")
            arts[part] = over
        out[str(seed)] = {"split_before": [s.strip() for s in splits], "articles": arts}
    return out
