"""Integrity of the build: determinism, stable URLs, atomic publishing under SIGKILL, and a property test
that no byte string as a seed crashes the pipeline or costs another seed an article."""
from __future__ import annotations

import functools
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bad_inputs as bi  # noqa: E402
from conftest import REPO, SEEDS  # noqa: E402

# ---------------------------------------------------------------- helpers


def tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` (hidden ones too) → sha256 of its bytes."""
    out = {}
    if not root.exists():
        return out
    for dirpath, dirnames, filenames in os.walk(root):
        for n in filenames:
            p = Path(dirpath) / n
            out[p.relative_to(root).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def generated(t: dict[str, str], site: bool = False) -> dict[str, str]:
    """Only what the build generates: entries named in write.GENERATED (hand-written pages may be edited meanwhile).

    In site/, a generated page ``x.md`` is ``x/index.html``; hidden debris (``.a.old/…``) is kept, to be seen.
    """
    from cppcc_archive.write import GENERATED

    tops = set(GENERATED)
    if site:
        tops = {g[:-3] if g.endswith(".md") else g for g in GENERATED} - {"index"} | {"index.html"}
    return {k: v for k, v in t.items() if k.split("/")[0] in tops or k.startswith(".")}


def diff(a: dict, b: dict, limit: int = 8) -> str:
    only_a = sorted(set(a) - set(b))[:limit]
    only_b = sorted(set(b) - set(a))[:limit]
    changed = sorted(k for k in set(a) & set(b) if a[k] != b[k])[:limit]
    return f"only before: {only_a}; only after: {only_b}; changed: {changed}"


def paragraphs_of_real_seeds() -> list[str]:
    from cppcc_archive.read import read_seed

    paras = []
    for p in sorted(SEEDS.iterdir()):
        seed = read_seed(p, p.name)
        if hasattr(seed, "text"):
            paras += [line.strip() for line in seed.text.split("\n") if bi.cjk(line) >= 40 and "?" not in line]
    return paras


def make_corpus(d: Path, indices, paras: list[str], variant: str = "") -> None:
    """Synthetic seeds from the real seeds' paragraphs: seed i = its own headline and lead + three real paragraphs."""
    d.mkdir(parents=True, exist_ok=True)
    for i in indices:
        rng = random.Random(f"{i}{variant}")
        a = bi.article(f"corpus-{i}{variant}")
        body = [a.paragraphs[0], *rng.sample(paras, 3), *a.paragraphs[1:]]
        (d / f"syn_{i:04d}.txt").write_text(a.title + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")


def build(seeds: Path, out: Path, *args: str) -> bi.BuildRun:
    r = bi.run_build(seeds, out, "--quiet", *args, timeout=300)
    assert not r.crashed and r.rc == 0, r.excerpt(12)
    return r


# ---------------------------------------------------------------- determinism

DETERMINISM_GROUPS = {"encoding", "lines", "structure", "hostile", "front-matter", "duplicates", "names", "size"}
# Cases that crash the whole build are tested (and failing) in test_bad_input.py; here they would only
# hide whether the rest is deterministic.
KNOWN_CRASHERS = {"name-not-utf8", "front-matter-impossible-date"}


def test_two_builds_are_byte_identical(tmp_path):
    """Same seeds (real seeds + the bad-input catalogue): docs/, articles.json and report.json byte-identical
    across a fresh build, a build with --jobs 2 and a rebuild over the first (warm cache)."""
    cases = [c for c in bi.CASES if c.group in DETERMINISM_GROUPS and c.name not in KNOWN_CRASHERS
             and c.name not in ("huge-50mb", "single-2mb-line", "many-short-lines")]
    seeds = tmp_path / "seeds"
    bi.materialize(cases, seeds, tmp_path / "scratch")
    one, two = tmp_path / "one", tmp_path / "two"
    assert bi.run_inprocess(seeds, one, "--no-site") == (0, "")
    first_docs = generated(tree(one / "docs"))
    first_json = {n: (one / n).read_bytes() for n in ("articles.json", "report.json")}
    assert bi.run_inprocess(seeds, two, "--no-site", "--jobs", "2") == (0, "")
    assert bi.run_inprocess(seeds, one, "--no-site") == (0, "")
    for out, label in ((two, "--jobs 2"), (one, "rebuild with cache")):
        docs = generated(tree(out / "docs"))
        assert docs == first_docs, f"{label}: docs/ differs: {diff(first_docs, docs)}"
        for name, data in first_json.items():
            assert (out / name).read_bytes() == data, f"{label}: {name} differs"
    assert len(json.loads((one / "articles.json").read_text(encoding="utf-8"))) > 40


# ---------------------------------------------------------------- stable URLs

def test_urls_stable_when_seeds_come_and_go(tmp_path):
    """An article's id/URL depends only on its file name and position: adding and removing other seeds
    (including one with the same title) never moves it, and removed seeds' pages disappear."""
    from cppcc_archive.pipeline import article_id

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for p in sorted(SEEDS.iterdir()):
        shutil.copyfile(p, seeds / p.name)
    for i in range(8):
        (seeds / f"extra-{i}.txt").write_text(bi.article(f"stable-{i}").text, encoding="utf-8")
    out = tmp_path / "out"
    assert bi.run_inprocess(seeds, out, "--no-site") == (0, "")
    before = {a["id"]: a for a in json.loads((out / "articles.json").read_text(encoding="utf-8"))}
    for a in before.values():
        assert a["id"] == article_id(a["source_file"], a["part"]) and a["url"] == f"a/{a['id']}/"

    removed = {"extra-1.txt", "extra-5.txt", sorted(SEEDS.iterdir())[0].name}
    for n in removed:
        (seeds / n).unlink()
    twin = bi.article("stable-3")
    (seeds / "added-same-title.txt").write_text(twin.title + "\n\n" + "\n\n".join(bi.article("stable-new").paragraphs),
                                                encoding="utf-8")
    (seeds / "aaa-first.txt").write_text(bi.article("stable-first").text, encoding="utf-8")
    assert bi.run_inprocess(seeds, out, "--no-site") == (0, "")
    after = {a["id"]: a for a in json.loads((out / "articles.json").read_text(encoding="utf-8"))}

    kept = {i: a for i, a in before.items() if a["source_file"] not in removed}
    for i, a in kept.items():
        assert i in after, f"{a['source_file']} part {a['part']} lost its URL a/{i}/"
        assert (after[i]["source_file"], after[i]["part"], after[i]["url"]) == (a["source_file"], a["part"], a["url"])
        assert (out / "docs" / "a" / f"{i}.md").exists()
    for i, a in before.items():
        if a["source_file"] in removed:
            assert i not in after and not (out / "docs" / "a" / f"{i}.md").exists(), f"stale page of removed {a['source_file']}"
    same = [a for a in after.values() if a["title"] == twin.title]
    assert len(same) == 2 and len({a["url"] for a in same}) == 2


# ---------------------------------------------------------------- atomic publishing under SIGKILL

KILL_N = int(os.environ.get("CPPCC_KILL_CORPUS", "40"))


@pytest.fixture(scope="module")
def kill_world(tmp_path_factory):
    """A completed build of an old corpus, and the complete output a build of the new corpus makes."""
    root = tmp_path_factory.mktemp("kill")
    paras = paragraphs_of_real_seeds()
    old, new = root / "old-seeds", root / "new-seeds"
    make_corpus(old, range(KILL_N), paras)
    # The new corpus: the first tenth removed, a tenth rewritten, a sixth added.
    make_corpus(new, range(KILL_N // 10, KILL_N + KILL_N // 6), paras)
    make_corpus(new, range(KILL_N // 2, KILL_N // 2 + KILL_N // 10), paras, variant="-rewritten")
    base, ref = root / "base", root / "ref"
    t0 = time.perf_counter()
    build(old, base)
    full = time.perf_counter() - t0
    build(new, ref)
    snap = {
        "root": root, "new": new, "base": base, "full_seconds": full,
        "old_docs": generated(tree(base / "docs")), "old_site": generated(tree(base / "site"), site=True),
        "new_docs": generated(tree(ref / "docs")), "new_site": generated(tree(ref / "site"), site=True),
        "old_exports": {n: (base / n).read_bytes() for n in ("articles.json", "report.json")},
        "new_exports": {n: (ref / n).read_bytes() for n in ("articles.json", "report.json")},
        "hidden": {p.name for d in (base, base / "docs") for p in d.iterdir() if p.name.startswith(".")},
    }
    assert snap["old_docs"] != snap["new_docs"] and snap["old_site"] != snap["new_site"]
    return snap


def _state(out: Path) -> dict:
    cache = out / ".cache"
    processed = sum(len(f) for _, _, f in os.walk(cache)) if cache.exists() else 0
    return {"docs_staging": (out / ".docs.staging").exists(), "site_staging": (out / ".site.staging").exists(),
            "seeds_processed": processed}


def _kill_when(proc: subprocess.Popen, out: Path, moment: str, world: dict) -> dict:
    """Poll the build's visible state; SIGKILL it at ``moment``. Returns what was seen at the kill."""
    t0 = time.perf_counter()
    while proc.poll() is None:
        s = _state(out)
        elapsed = time.perf_counter() - t0
        if moment == "pipeline":
            # Seeds are being read and processed: the pipeline cache (cold) is filling up.  Without a
            # cache, fall back to the moment the pages start being written.
            fire = s["seeds_processed"] >= KILL_N // 4 or s["docs_staging"]
        elif moment == "writing-docs":
            fire = s["docs_staging"]
        else:
            fire = False  # killed from inside (see KILL_INSIDE)
        if fire:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return {"killed": True, "elapsed": round(elapsed, 2), **s}
        time.sleep(0.002)
    killed = proc.returncode == -signal.SIGKILL
    return {"killed": killed, "rc": proc.returncode, "elapsed": round(time.perf_counter() - t0, 2)}


# Moments too short to hit from outside: the build SIGKILLs itself right after the n-th tree swap
# (an --out build swaps OUT/docs first, then OUT/site), or halfway through the pages MkDocs writes
# (the site stage of this small corpus can finish before a kill from outside lands).
KILL_INSIDE = {
    "mkdocs": {"when": "mkdocs-page", "after": KILL_N // 2},
    "publishing-docs": {"when": "swap", "after": 1},
    "swapping-site": {"when": "swap", "after": 2},
}


@pytest.mark.parametrize("moment", ["pipeline", "writing-docs", "publishing-docs", "mkdocs", "swapping-site"])
def test_sigkill_leaves_complete_output(kill_world, tmp_path, moment):
    """SIGKILL a build over an --out that holds a completed build, at several moments.

    docs/ and site/ must each be a complete tree, the previous one or the new one, never a mix, a
    half-written file or missing (README: generated entries and the site are swapped in by rename);
    before any page is published both are the previous ones; and the next build recovers without debris.
    """
    w = kill_world
    out = tmp_path / "out"
    shutil.copytree(w["base"], out, symlinks=True, ignore=shutil.ignore_patterns(".cache"))  # cold cache: a real pipeline
    env = dict(os.environ)
    env.pop("CI", None)
    argv = ["--seeds", str(w["new"]), "--out", str(out), "--quiet"]
    if moment in KILL_INSIDE:
        spec = tmp_path / "kill.json"
        spec.write_text(json.dumps([KILL_INSIDE[moment]]), encoding="utf-8")
        cmd = [sys.executable, "-c", bi.BOOTSTRAP.format(repo=str(REPO), tests=str(Path(__file__).parent), spec=str(spec),
                                                         args=argv, build=str(bi.BUILD_PY))]
    else:
        cmd = [sys.executable, str(bi.BUILD_PY), *argv]
    proc = subprocess.Popen(cmd, cwd=str(REPO), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        seen = _kill_when(proc, out, moment, w)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if not seen["killed"]:
        pytest.fail(f"the build ended (rc {seen.get('rc')}) before the moment {moment!r}; corpus too small?")

    docs, site = generated(tree(out / "docs")), generated(tree(out / "site"), site=True)
    where = f"killed at {moment} {seen}"
    assert site in (w["old_site"], w["new_site"]), (
        f"{where}: site/ is neither the previous nor the new complete site "
        f"({'missing' if not (out / 'site').exists() else 'vs previous: ' + diff(w['old_site'], site)})")
    assert docs in (w["old_docs"], w["new_docs"]), (
        f"{where}: docs/ is neither the previous nor the new complete tree:\n"
        f"vs previous: {diff(w['old_docs'], docs)}\nvs new: {diff(w['new_docs'], docs)}")
    if moment in ("pipeline", "writing-docs"):
        assert docs == w["old_docs"] and site == w["old_site"], f"{where}: output changed before any page was published"
    if moment == "mkdocs":
        assert site == w["old_site"], f"{where}: site/ changed before MkDocs finished"
    for name in ("articles.json", "report.json"):
        data = (out / name).read_bytes()
        assert data in (w["old_exports"][name], w["new_exports"][name]), f"{where}: {name} is half-written or mixed"

    # The next build recovers completely and leaves no debris (pages only, when the site was not touched).
    pages_only = moment in ("pipeline", "writing-docs")
    r = bi.run_build(w["new"], out, "--quiet", *(["--no-site"] if pages_only else []), timeout=300)
    assert r.rc == 0 and not r.traceback, r.excerpt()
    assert generated(tree(out / "docs")) == w["new_docs"]
    assert pages_only or generated(tree(out / "site"), site=True) == w["new_site"]
    debris = sorted(p.name for d in (out, out / "docs") for p in d.iterdir() if p.name.startswith(".") and p.name not in w["hidden"])
    assert not debris, f"leftovers after a recovered build: {debris}"


# ---------------------------------------------------------------- property: any bytes as a seed

FRAGMENTS = [
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00", b"\r", b"\r\n", b"\n\n", b"\t",
    "政协委员围绕乡村振兴建言献策。".encode(), "北京市延庆区政协召开会议".encode(), "政協委員圍繞鄉村振興建言獻策。".encode("big5"),
    "政协委员围绕乡村振兴建言献策。".encode("gb18030"), "政协委员".encode("utf-16-le"), "政协委员".encode("utf-16-be"),
    b"---\n", b"title: x\n", b"date: 2024-13-45\n", "---\ntitle: 标题\npage: 第3版\n---\n".encode(),
    b"---\ndate: 2024-02-30\n---\n", b"source_url: javascript:alert(1)\n", b"- a\n", b"{a: [b\n",
    b"<script>alert(1)</script>", b"<p>", b"</p>", b"&lt;", b"&#0;", b"&#xD800;", b"&amp;", b"[x](y)", b"{{ x }}", b"{% x %}",
    "（上接1版）".encode(), "本报讯（记者 张三）".encode(), "□ 李四".encode(), "人民政协网北京6月14日电".encode(),
    "版权所有 人民政协网".encode(), "▲图为会议现场。".encode(), "關鍵詞：政協".encode(), "政(zhèng)协(xié)".encode(),
    "鏀垮崗".encode(), b"??", "�".encode(), b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80", "\u202e\u2066".encode(),
    b"\x1b[31m", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"MZ", b"%PDF", "　".encode(), "\u2028".encode(),
]

_fragments = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.binary(max_size=12)), max_size=60).map(b"".join)
_yaml_value = st.one_of(st.sampled_from(["2024-06-14", "2024-13-45", "2024-02-30", "99999-01-01", "1e309", "[a, b]",
                                         "{a: 1}", "!!binary aGk=", "&a x", "*a", "'", "\"\\x\"", "第3版", "~", "2024-06-14T25:00"]),
                        st.text(max_size=20))
_front_matter = st.builds(
    lambda pairs, body: ("---\n" + "".join(f"{k}: {v}\n" for k, v in pairs) + "---\n").encode("utf-8", "surrogatepass") + body,
    st.lists(st.tuples(st.sampled_from(["title", "date", "page", "publisher", "source_url", "url", "版次", "x"]), _yaml_value),
             max_size=4),
    _fragments)

seed_bytes = st.one_of(st.binary(max_size=3000), _fragments, _front_matter)


@functools.lru_cache(maxsize=None)
def real_results():
    """The real seeds through phase 1 (once), and the ids of the articles they publish on their own."""
    from cppcc_archive import pipeline

    results = pipeline.gather(SEEDS)
    kept, _ = pipeline.assemble(results)
    return results, frozenset(a.id for a in kept)


@settings(max_examples=int(os.environ.get("CPPCC_FUZZ_EXAMPLES", "60")), deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=seed_bytes)
@example(data=b"")
@example(data="政协委员".encode("utf-16-le") * 50 + b"\x00")
@example(data="---\n---\n（上接1版）\n□ 张三\n".encode() + "政協委員".encode("big5") + b"\xff\xfe\x00")
def test_any_bytes_as_a_seed_never_crash_or_lose_articles(data):
    """Any byte string as one seed beside the real seeds: processing, the whole-corpus step and rendering
    never raise, the seed gets articles or a problem, and every real seed's article is still published."""
    from cppcc_archive import pipeline, write

    results, real_ids = real_results()
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "zz-fuzz.txt"
        path.write_bytes(data)
        r = pipeline.process_path(path, "zz-fuzz.txt")
    assert not [p for p in r.problems if p.kind == "internal-error"], r.problems
    assert r.articles or r.problems, "no article and no problem"
    kept, report = pipeline.assemble(results + [r])
    assert real_ids <= {a.id for a in kept}, f"real articles lost: {real_ids - {a.id for a in kept}}"
    files = write.render_site(kept, report, {x.name: x.raw_text for x in results + [r] if x.raw_text is not None},
                              (REPO / "docs" / write.HOME_TEMPLATE).read_text(encoding="utf-8"))
    files["articles.json"] = write.dumps_json([write.article_record(a) for a in kept])
    files["report.json"] = write.dumps_json(report)
    for rel, content in files.items():
        content.encode("utf-8")  # what the DirectorySink will do; a lone surrogate would crash the build here
    assert any(f["file"] == "zz-fuzz.txt" for f in report["files"])
