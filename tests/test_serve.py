"""``build.py --serve``: a curator's preview that follows the seeds, and MkDocs' rebuild of only the
pages that changed (``--dirty``), which gives the site a full build gives."""
from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import REPO, run_build

NO_WARNING = {"NO_MKDOCS_2_WARNING": "1"}


# A curator's edit of seed 003's Shanxi piece (its subtitle, 山西省各市政协秘书长工作交流座谈会聚焦特色履职).
EDIT = "聚焦特色履职预览测试"


def edit(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    assert "聚焦特色履职" in text
    seed.write_text(text.replace("聚焦特色履职", EDIT, 1), encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(what, seconds: float = 120.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        got = what()
        if got:
            return got
        time.sleep(0.5)
    raise AssertionError(f"gave up waiting after {seconds:.0f} s")


def test_serve_shows_a_seed_edit_and_its_download(tmp_path, seeds_copy):
    """A curator edits a seed while ``--serve`` runs: the article's page shows the edit, and the
    preview's articles.json.gz is the new articles.json."""
    out, port = tmp_path / "out", free_port()
    log = open(tmp_path / "serve.log", "wb")
    proc = subprocess.Popen([sys.executable, str(REPO / "build.py"), "--seeds", str(seeds_copy), "--out", str(out),
                             "--serve", "--port", str(port), "--jobs", "1"], cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
                            env={**os.environ, **NO_WARNING})
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: fetch(base))
        articles = json.loads((out / "articles.json").read_text(encoding="utf-8"))
        shanxi = next(a for a in articles if a["title"].startswith("强化三级政协联动"))
        seed = seeds_copy / shanxi["source_file"]
        edit(seed)
        wait_for(lambda: EDIT in (fetch(base + shanxi["url"]) or b"").decode("utf-8"))
        docs_json = (out / "docs" / "articles.json").read_bytes()
        assert EDIT.encode() in docs_json
        # The download follows the rebuild (compressed fast in a preview, never left stale).
        wait_for(lambda: gzip.decompress(fetch(base + "articles.json.gz") or gzip.compress(b"")) == docs_json)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def mkdocs_build(config: Path, site: Path, dirty: bool) -> None:
    """MkDocs in this process, as ``mkdocs serve`` builds again and again in its own."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    # Not strict: a dirty build warns that it is one (`--serve` runs MkDocs with --no-strict).
    build(load_config(config_file=str(config), site_dir=str(site), strict=not dirty), dirty=dirty)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_dirty_rebuild_after_a_seed_edit_is_a_full_builds_site(tmp_path, seeds_copy):
    """What ``--serve`` relies on: after the pipeline's rebuild, MkDocs' --dirty build renders only the
    changed pages and keeps the compressed download of an unchanged articles.json (7.5 of 12.9 s of
    such a rebuild at 10,000 seeds), and its site is byte for byte a full build's."""
    out = tmp_path / "out"
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    config, site = out / "mkdocs.yml", tmp_path / "site"
    mkdocs_build(config, site, dirty=False)
    kept = (site / "articles.json.gz").stat().st_ino
    mkdocs_build(config, site, dirty=True)   # nothing changed: the download is not made again
    assert (site / "articles.json.gz").stat().st_ino == kept
    # The file is judged by its identity (inode, size, modification time), not by times alone: a
    # review found a .gz finished after articles.json was replaced taken for the new file's.
    docs_json = out / "docs" / "articles.json"
    st = docs_json.stat()
    docs_json.write_bytes(docs_json.read_bytes())   # rewritten in place, its size and time kept
    os.utime(docs_json, ns=(st.st_atime_ns, st.st_mtime_ns))
    mkdocs_build(config, site, dirty=True)
    assert (site / "articles.json.gz").stat().st_ino == kept   # the same identity: kept
    docs_json.unlink()   # another file with the old time
    docs_json.write_bytes(b"[]")
    os.utime(docs_json, ns=(st.st_atime_ns, st.st_mtime_ns))
    mkdocs_build(config, site, dirty=True)
    assert gzip.decompress((site / "articles.json.gz").read_bytes()) == b"[]"   # another file: made again
    articles = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    shanxi = next(a for a in articles if a["title"].startswith("强化三级政协联动"))
    seed = seeds_copy / shanxi["source_file"]
    edit(seed)
    assert run_build(seeds_copy, out, "--no-site", "--jobs", "1") == 0
    pages = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
    time.sleep(0.01)
    mkdocs_build(config, site, dirty=True)
    rendered = {p for p, t in pages.items() if p.stat().st_mtime_ns != t}
    edited = site / shanxi["url"] / "index.html"
    assert edited in rendered and EDIT in edited.read_text(encoding="utf-8")
    assert len(rendered) < len(pages) / 2, sorted(p.relative_to(site).as_posix() for p in rendered)
    assert gzip.decompress((site / "articles.json.gz").read_bytes()) == (out / "docs" / "articles.json").read_bytes()
    full = tmp_path / "full"
    mkdocs_build(config, full, dirty=False)
    assert tree(site) == tree(full)
