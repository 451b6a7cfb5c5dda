"""Curator overrides: per-article title, regions, topics and level, and split points.

An optional YAML file (default ``seeds/curation.yaml``) keyed by seed file
name.  It is configuration, so a mistake stops the build with file:line: an unknown key, field,
region code or topic, a value of the wrong kind, and a seed name that is not one of the build's
files.  An override of a part the seed does not have is a problem in the build report.  A
``split_before`` renumbers the seed's later parts, and so their ids (ids come from file and part).

.. code-block:: yaml

    003_9e6d6ef7a5f05978.txt:
      split_before:                 # start a new article at the paragraph beginning so
        - "12月27日，甘肃省张掖市"
      articles:
        2:                          # part: 0-based, after splitting (the page's 第 3 篇)
          title: 新标题
          regions: ["620700"]       # GB/T 2260 codes, main region first
          topics: [民族宗教]
          level: 全国               # 全国 / 省 / 市 / 县
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Optional


from .errors import FULLWIDTH_HINT, ConfigError, line_of, load_yaml_config, yaml_key_lines
from .model import Problem

CURATION_NAMES = ("curation.yaml", "curation.yml")   # in the seeds folder, any case
LEVELS = {"全国", "省", "市", "县"}
ARTICLE_KEYS = {"title", "regions", "topics", "level"}
SEED_KEYS = {"split_before", "articles"}




def curation_file(seeds: Path) -> Path:
    """The seeds folder's curation file: ``curation.yaml``, or ``curation.yml`` (a curator's saved
    under that name was ignored without a word, a review).  A file that is plainly one under another
    name (``curation.yaml.txt``, as a text editor saves it, was published as an article) stops the
    build, as two curation files do."""
    names = sorted(p.name for p in Path(seeds).iterdir() if p.name.lower().startswith("curation.") and p.is_file())
    found = [n for n in names if n.lower() in CURATION_NAMES]
    for n in names:
        if n not in found:
            raise ConfigError(Path(seeds) / n, None, "a curation file must be named curation.yaml: under this name it is "
                                                     "neither applied nor published (rename it)")
    if len(found) > 1:
        raise ConfigError(Path(seeds) / found[1], None, f"two curation files ({' and '.join(found)}): keep one, named "
                                                        "curation.yaml")
    return Path(seeds) / (found[0] if found else "curation.yaml")


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
    lines = yaml_key_lines(text)
    gaz, topics = load_gazetteer(), set(load_taxonomy().names)
    out = {}
    for seed, spec in data.items():
        line = lines.get((seed,))
        if not isinstance(spec, dict):
            raise ConfigError(path, line, f"{seed}: expected keys split_before and/or articles")
        for key in sorted(set(spec) - SEED_KEYS, key=str):
            raise ConfigError(path, lines.get((seed, key)), f"{seed}: unknown key {key!r} (known: split_before, articles)")
        splits = spec.get("split_before") or []
        if not isinstance(splits, list) or not all(isinstance(s, str) and s.strip() for s in splits):
            raise ConfigError(path, lines.get((seed, "split_before"), line), f"{seed}: split_before must be a list of text beginnings")
        articles = spec.get("articles") or {}
        if not isinstance(articles, dict):
            raise ConfigError(path, lines.get((seed, "articles"), line), f"{seed}: articles must map part numbers to overrides")
        arts = {}
        for part, over in articles.items():
            arts[part] = _article_override(path, lines, seed, part, over, gaz, topics, text)
        out[str(seed)] = {"split_before": [s.strip() for s in splits], "articles": arts}
    return out


def _article_override(path, lines: dict, seed, part, over, gaz, topics: set, text: str = "") -> dict:
    """One article's overrides, checked; a mistake names its line and the field."""
    where = lines.get((seed, "articles", part))
    if not isinstance(part, int) or isinstance(part, bool) or part < 0:
        raise ConfigError(path, where, f"{seed}: {part!r} is not a part number (a whole number without quotes, 0 "
                                       "for the seed's first article: the page's 第 1 篇)")
    if isinstance(over, str) and "：" in over:   # title：新标题, which YAML reads as one piece of text
        raise ConfigError(path, line_of(text, over.splitlines()[0]) or where, f"{seed}#{part}: {over[:40]!r}: {FULLWIDTH_HINT}")
    if not isinstance(over, dict):
        raise ConfigError(path, where, f"{seed}#{part}: expected some of {', '.join(sorted(ARTICLE_KEYS))}")
    for key in sorted(set(over) - ARTICLE_KEYS, key=str):
        raise ConfigError(path, lines.get((seed, "articles", part, key), where),
                          f"{seed}#{part}: unknown field {key!r} (known: {', '.join(sorted(ARTICLE_KEYS))}; a date is "
                          "corrected in the seed's front matter)")

    def at(*keys):
        return lines.get((seed, "articles", part, *keys)) or where

    for field, example in (("regions", '["110107"]'), ("topics", "[民族宗教]")):
        if field in over and not isinstance(over[field], list):
            raise ConfigError(path, at(field), f"{seed}#{part}: {field} must be a list, e.g. {field}: {example}")
    for i, code in enumerate(over.get("regions") or []):
        if str(code) not in gaz.by_code:
            raise ConfigError(path, at("regions", i), f"{seed}#{part}: unknown region code {code} (codes are in "
                                                      "cppcc_archive/data/gazetteer.tsv)")
    for i, t in enumerate(over.get("topics") or []):
        if t not in topics:
            raise ConfigError(path, at("topics", i), f"{seed}#{part}: unknown topic {t!r} (topics are in "
                                                     "cppcc_archive/data/topics.yaml)")
    if "level" in over and over["level"] not in LEVELS:
        raise ConfigError(path, at("level"), f"{seed}#{part}: level must be one of {sorted(LEVELS)}")
    if "title" in over and (not isinstance(over["title"], str) or not over["title"].strip()):
        raise ConfigError(path, at("title"), f"{seed}#{part}: title must be text")
    return over


def check_seed_names(path: Optional[Path], curated: dict, names: list[str],
                     renamed_to: Optional[dict[str, str]] = None) -> None:
    """Every seed the curation file names must be one of the build's seed files: an entry for a
    misspelt or removed name would otherwise be ignored without a word.  ``renamed_to``: the name a
    gone seed's file has now (a curator's review: the message named no file after a rename)."""
    if not curated:
        return
    known = set(names)
    for seed in curated:
        if seed not in known:
            _, text = load_yaml_config(path)
            new = (renamed_to or {}).get(seed)
            hint = (f"; the file was renamed {new!r} since the last build: rename its entry too (and see the "
                    "build report: its articles' addresses changed)" if new else
                    " (keys are seed file names as the build report lists them, e.g. 003_9e6d6ef7a5f05978.txt)")
            raise ConfigError(path, yaml_key_lines(text).get((seed,)), f"{seed!r} is not a seed file of this build{hint}")


# ---------------------------------------------------------------- split points that moved addresses

SPLITS_STATE = "curation-splits.json"   # in the cache: each seed's split points as the last build had them


def splits_of(curated: dict) -> dict[str, list[str]]:
    """Each seed's ``split_before``, as the next build compares it."""
    return {seed: list(spec["split_before"]) for seed, spec in curated.items() if spec.get("split_before")}


def moved_by_splits(previous: Optional[dict], curated: dict, articles: Iterable, published: Path) -> list[Problem]:
    """A problem for each seed whose split points changed since the last build and whose article
    addresses now show other articles: a split renumbers the later parts, and with them their ids
    (a curator's review: 湖北's address showed 民宗委's article, and the build said nothing).
    ``previous``: ``splits_of`` the last build (``None`` when unknown); ``published``: its
    ``articles.json``, read only when a split changed."""
    if previous is None or not published.is_file():
        return []
    now = splits_of(curated)
    changed = {seed for seed in set(now) | set(previous) if now.get(seed) != previous.get(seed)}
    if not changed:
        return []
    before = _published_titles(published, changed)
    problems = []
    for seed in sorted(changed):
        moved = [(a.id, before[a.id], a.title) for a in sorted(articles, key=lambda a: a.part)
                 if a.source_file == seed and a.id in before and before[a.id] != a.title]
        if moved:
            shown = "; ".join(f"a/{i}/ was {old[:20]!r}, now {new[:20]!r}" for i, old, new in moved[:3])
            shown_zh = "；".join(f"a/{i}/ 原为《{old[:20]}》，现为《{new[:20]}》" for i, old, new in moved[:3])
            more = "…" if len(moved) > 3 else ""
            problems.append(Problem(
                seed, "curation",
                f"split_before changed: {len(moved)} article address(es) now show other articles ({shown}{more}); "
                "links and citations to them lead elsewhere",
                f"split_before 改变后，{len(moved)} 个文章网址现为其他文章（{shown_zh}{more}），已有的链接与引用会指向别处"))
    return problems


def _published_titles(published: Path, seeds: set[str]) -> dict[str, str]:
    """id → title of the published ``articles.json``'s articles of ``seeds`` (a record per line; a
    line is parsed only when it names one of them)."""
    needles = [json.dumps(s, ensure_ascii=False) for s in seeds]
    out = {}
    with open(published, encoding="utf-8") as fh:
        for line in fh:
            if any(n in line for n in needles):
                try:
                    rec = json.loads(line.rstrip().rstrip(","))
                except ValueError:
                    continue
                if rec.get("source_file") in seeds:
                    out[rec["id"]] = rec.get("title") or ""
    return out
