"""Seeds renamed since the last build.

An article's id comes from its seed's file name and its part (``pipeline.article_id``), so that better
cleaning never moves an address; renaming the file moves all of them.  A curator's review renamed a
seed and found its old addresses gone with nothing said.  The build keeps, in the cache, a digest of
each seed's articles, their titles and their sentences (``STATE``; the sentence hashes the
near-duplicate search already has); a seed that is new since the last build and has the articles of
one that is gone is reported under its new name, with the addresses that changed.  (Titles alone
matched a column's daily pieces: 政协简讯 deleted on one day and added the next.)
"""
from __future__ import annotations

import hashlib
from typing import Iterable, Optional

from .model import Problem
from .pipeline import article_id

STATE = "seed-articles.json"   # in the cache: seed name → digest of its articles, as last built


def articles_digest(titles: Iterable[str], sentences: Iterable) -> str:
    """A digest of a seed's article titles and of their sentence hashes (``pipeline.fingerprints``)."""
    h = hashlib.sha256("\x1f".join(titles).encode("utf-8"))
    for hashes in sentences:
        h.update(b"\x1e" + hashes.tobytes())
    return h.hexdigest()[:16]


def seed_digests(results: Iterable) -> dict[str, str]:
    """The state this build leaves: each seed with articles, and the digest of them in order."""
    return {r.name: articles_digest((a.title for a in r.articles), r.fingerprints) for r in results if r.articles}


def valid_state(data) -> Optional[dict[str, str]]:
    if isinstance(data, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        return data
    return None


def renamed(previous: Optional[dict[str, str]], now: dict[str, str], parts: dict[str, int]) -> list[Problem]:
    """A problem for each seed that looks like one of the last build's under a new name.  ``parts``:
    the number of articles of each seed now."""
    if not previous:
        return []
    gone: dict[str, str] = {}
    for name in sorted(previous):
        if name not in now:
            gone.setdefault(previous[name], name)
    problems = []
    for name in sorted(set(now) - set(previous)):
        old = gone.pop(now[name], None)
        if old is None:
            continue
        n = parts.get(name, 1)
        moved = f"a/{article_id(old, 0)}/ → a/{article_id(name, 0)}/" + ("…" if n > 1 else "")
        problems.append(Problem(
            name, "renamed",
            f"looks renamed from {old}, which the last build had: the same {n} article(s), but ids come from the "
            f"file name, so their addresses changed ({moved}) and links and citations to the old ones no longer "
            "work; give the file its old name back to keep them",
            f"似由上次构建中的 {old} 改名而来（同样的 {n} 篇文章）：文章网址由文件名生成，现已改变（{moved}），"
            "指向旧网址的链接与引用将失效；改回原文件名即可保留"))
    return problems
