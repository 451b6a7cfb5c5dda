"""Every kind of bad input in the catalogue (tests/bad_inputs.py), built at once and one by one.

* ``test_case_in_full_build[name]``: all cases beside the real seeds in ONE
  ``build.py`` run (subprocess, with MkDocs); each case must get what its
  catalogue entry says (problem kinds in report.json and as a row of the
  report page, articles published, text intact, nothing live in the HTML).
* ``test_case_alone_strict[name]``: the case alone, in-process, with
  ``--strict``: exit 1 exactly when the case must report a problem, never an
  exception.
* build-wide: no traceback, real seeds never lost, no unsafe HTML, front
  matter with our keys only, the report page shows text exactly.

Permission cases need a non-root user (root reads anything); as root they are
built by uid 65534 after dropping privileges in a subprocess.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bad_inputs as bi  # noqa: E402

CASES = {c.name: c for c in bi.CASES}


@pytest.fixture(scope="module")
def baseline(seed_build):
    """Tags, attributes, hosts and inline scripts of a clean build (the five real seeds)."""
    return bi.baseline_from(seed_build / "site")


@pytest.fixture(scope="module")
def catalogue(baseline):
    work = bi.new_workdir()
    run = bi.run_catalogue(work, baseline=baseline, alone=True)
    yield run
    bi.remove_workdir(work)


# ---------------------------------------------------------------- the catalogue itself

def test_catalogue_has_at_least_30_kinds():
    assert len(bi.CASES) >= 30
    assert len(CASES) == len(bi.CASES), "case names must be unique"
    for c in bi.CASES:
        assert c.description and c.does and c.group, c.name


# ---------------------------------------------------------------- one build of everything

def test_full_build_has_no_traceback(catalogue):
    """The ONE build of every bad input: exit 0 without --strict, no Python traceback on stderr."""
    b = catalogue.build
    assert not b.timed_out, f"the build hung ({b.seconds:.0f} s)"
    assert not b.traceback, "a Python traceback reached the user:\n" + b.excerpt(12) + (
        "\n\nculprits (each case alone):\n" + "\n".join(f"- {k}: {v.splitlines()[-1]}" for k, v in catalogue.culprits.items())
        if catalogue.culprits else "")
    assert b.rc == 0, b.excerpt()
    assert (b.out / "report.json").exists() and (b.out / "site" / "index.html").exists()


@pytest.mark.parametrize("name", list(CASES))
def test_case_in_full_build(catalogue, name):
    o = catalogue.outcomes[name]
    if o.status == "skipped":
        pytest.skip("; ".join(o.notes))
    failures = [n for n in o.notes if not n.startswith("display:")]
    assert o.status == "ok", f"{name}: {o.status}\n" + "\n".join(failures)


def test_real_seeds_never_lost(catalogue):
    assert catalogue.view is not None, "the build produced no report"
    assert not catalogue.real_lost, f"articles of the real seeds missing beside the bad inputs: {catalogue.real_lost}"


def test_report_lists_every_input_path(catalogue):
    """Nothing under seeds/ is dropped silently: every case's paths have a report entry."""
    assert catalogue.view is not None
    missing = [(name, n) for name, ctx in catalogue.ctxs.items() if not CASES[name].nonroot
               for n in ctx.names if bi._shown_name(catalogue.view, n) not in catalogue.view.files
               and catalogue.outcomes[name].status != "crashed"]
    assert not missing, missing


def test_report_page_text_is_exact(catalogue):
    """File names and messages appear on the report page as they are (no stray Markdown backslashes)."""
    shown = [n for o in catalogue.outcomes.values() for n in o.notes if n.startswith("display:")]
    assert not shown, f"{len(shown)} row(s) shown differently from report.json, e.g.:\n" + "\n".join(shown[:6])


# ---------------------------------------------------------------- security

def test_no_seed_content_is_live_html(catalogue):
    """html.parser over every page: no event handler, javascript: URL, iframe/object, foreign host,
    seed-made link or inline script that a clean build does not have."""
    assert catalogue.view is not None and catalogue.view.site is not None
    assert not catalogue.findings, f"{len(catalogue.findings)} finding(s):\n" + "\n".join(map(str, catalogue.findings[:15]))


def test_front_matter_has_only_our_keys(catalogue):
    from cppcc_archive.markdown import safe_title
    from cppcc_archive.write import DESCRIPTION_CHARS

    assert catalogue.view is not None
    docs = catalogue.view.out / "docs"
    titles = {a["id"]: a["title"] for a in catalogue.view.articles}
    texts = {a["id"]: a["text"] for a in catalogue.view.articles}
    pages = sorted((docs / "a").glob("*.md"))
    assert len(pages) == len(titles)
    for md in pages:
        fm = bi.read_front_matter(md.read_text(encoding="utf-8"))
        assert isinstance(fm, dict) and set(fm) <= {"title", "description", "tags", "hide"}, (md.name, fm)
        assert fm.get("hide") == ["toc"], (md.name, fm)
        assert isinstance(fm["title"], str) and fm["title"] == safe_title(titles[md.stem]), md.name
        assert bi.drawn_from_text(fm["description"], texts[md.stem], DESCRIPTION_CHARS), (md.name, fm["description"])
        assert all(isinstance(t, str) and t.startswith(("地区/", "主题/")) for t in fm.get("tags", [])), (md.name, fm)
    for md in docs.rglob("*.md"):  # every other generated page parses too (source pages carry file names)
        text = md.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            fm = bi.read_front_matter(text)
            assert isinstance(fm, dict), (md, fm)
            for k, v in fm.items():
                assert isinstance(k, str) and (isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, str) for x in v))
                                               or isinstance(v, (bool, int))), (md, k, v)


def test_scanner_catches_live_html(tmp_path, seed_build, baseline):
    """The HTML scan itself: a page with seed-made markup must not pass."""
    site = tmp_path / "site"
    shutil.copytree(seed_build / "site", site)
    page = next((site / "a").rglob("index.html"))
    evil = ('<img src=x onerror="alert(1)"><a href="javascript:alert(2)">x</a><iframe src="about:blank"></iframe>'
            '<a href="https://evil.example/">y</a><script>alert("seed text")</script><a href="y">z</a>'
            '<p style="background:red" class="admonition">w</p><object data="x.swf"></object>')
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", evil + "</article>", 1), encoding="utf-8")
    whats = " | ".join(f.what for f in bi.scan_site(site, baseline))
    for expected in ("event handler onerror=", "unsafe scheme", "<iframe> element", "foreign host 'evil.example'",
                     "inline <script> not made by the theme", "relative link to a file the build did not make",
                     "style attribute not made by the theme", "<object> element"):
        assert expected in whats, (expected, whats)
    assert not bi.scan_site(seed_build / "site", baseline)


# ---------------------------------------------------------------- one by one, with --strict

def test_strict_exit_codes_of_build_py(tmp_path):
    """``python build.py --strict``: exit 1 when any input had a problem, 0 when none; never a traceback."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(bi.article("strict-good").text, encoding="utf-8")
    clean = bi.run_build(seeds, tmp_path / "clean", "--quiet", "--no-site", "--strict", timeout=300)
    assert (clean.rc, clean.traceback) == (0, False), clean.excerpt()
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    bad = bi.run_build(seeds, tmp_path / "bad", "--quiet", "--no-site", "--strict", timeout=300)
    assert (bad.rc, bad.traceback) == (1, False), bad.excerpt()
    assert "empty.txt" in bad.stderr and "photo.txt" in bad.stderr, "problems are named on stderr too"
    report = json.loads((tmp_path / "bad" / "report.json").read_text(encoding="utf-8"))
    assert report["totals"]["articles"] == 1 and report["totals"]["problems"] == 2

@pytest.mark.parametrize("name", list(CASES))
def test_case_alone_strict(catalogue, name):
    """The case alone (in-process, --strict, no site): exit 1 exactly when it must report a problem; never an exception."""
    c = CASES[name]
    if c.nonroot and bi.is_root():
        # Built alone with --strict as uid 65534 by the catalogue (root ignores permissions).
        o = catalogue.outcomes[name]
        if o.status == "skipped":
            pytest.skip("; ".join(o.notes))
        assert not [n for n in o.notes if "--strict" in n or n.startswith("crashed")], o.notes
        return
    a = catalogue.alone[name]
    if a is None:
        pytest.skip(c.skip or "not built")
    assert not a.traceback, f"{name}: exception reached the user:\n{a.traceback[-1500:]}"
    want = c.strict_exit()
    if want is not None:
        assert a.rc == want, f"{name}: --strict exit {a.rc}, expected {want} (problems: {a.kinds})"


# ---------------------------------------------------------------- seeds that change under the build

def _seeds_with(tmp_path, *keys):
    d = tmp_path / "seeds"
    d.mkdir()
    for k in keys:
        (d / f"{k}.txt").write_text(bi.article(k).text, encoding="utf-8")
    return d


def test_seed_vanishing_inside_read_bytes(tmp_path, monkeypatch):
    """read_bytes wrapped so the file is deleted just before it is read: reported, the others built."""
    import cppcc_archive.read as read
    from cppcc_archive import pipeline

    seeds = _seeds_with(tmp_path, "keep-1", "gone", "keep-2")
    real = read.read_bytes

    def vanishing(path, name, *a, **kw):
        if name == "gone.txt":
            os.unlink(path)
        return real(path, name, *a, **kw)

    monkeypatch.setattr(read, "read_bytes", vanishing)
    arts, report = pipeline.assemble(pipeline.gather(seeds))
    by_file = {f["file"]: f for f in report["files"]}
    assert [p["kind"] for p in by_file["gone.txt"]["problems"]] == ["vanished"]
    assert {a.source_file for a in arts} == {"keep-1.txt", "keep-2.txt"}


def test_seed_vanishing_after_discovery_whole_cli(tmp_path):
    """discover wrapped: the file disappears between discovery and reading, through cli.main."""
    seeds = _seeds_with(tmp_path, "stay", "leave")
    races = [{"when": "discover", "action": "delete", "path": os.path.abspath(seeds / "leave.txt"), "marker": ""}]
    rc, tb = bi.run_inprocess(seeds, tmp_path / "out", "--no-site", races=races)
    assert not tb and rc == 0, tb
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    by_file = {f["file"]: f for f in report["files"]}
    assert by_file["leave.txt"]["problems"][0]["kind"] == "vanished"
    assert by_file["stay.txt"]["articles"]


def test_read_never_returns_more_than_the_limit(tmp_path, monkeypatch):
    """A file that grows between os.stat and open must not be read past max_bytes (TOCTOU)."""
    import cppcc_archive.read as read
    from cppcc_archive.model import Problem

    p = tmp_path / "grows.txt"
    p.write_text("政协委员建言献策。" * 10, encoding="utf-8")
    undo = bi.install_hooks([{"when": "stat", "action": "grow", "path": os.path.abspath(p), "size": 5000, "marker": ""}])
    try:
        got = read.read_bytes(p, "grows.txt", max_bytes=1000)
    finally:
        undo()
    assert isinstance(got, Problem) and got.kind == "too-large", (
        f"read_bytes returned {len(got) if isinstance(got, bytes) else got} bytes for a 5000-byte file with max_bytes=1000")


def test_fifo_swapped_in_after_stat_does_not_block(tmp_path):
    """A seed replaced by a named pipe between os.stat and open(): reported, and the read never blocks."""
    import cppcc_archive.read as read

    p = tmp_path / "pipe.txt"
    p.write_text(bi.article("fifo-unit").text, encoding="utf-8")
    marker = tmp_path / "blocked"
    undo = bi.install_hooks([{"when": "stat", "action": "fifo", "path": os.path.abspath(p), "marker": str(marker), "delay": 1.0}])
    t0 = time.perf_counter()
    try:
        got = read.read_bytes(p, "pipe.txt")
    finally:
        undo()
    assert not marker.exists(), f"open() blocked on the FIFO for {time.perf_counter() - t0:.1f} s (a watchdog had to unblock it)"
    assert getattr(got, "kind", None) == "not-a-file", got


def test_50mb_file_is_reported_without_reading_it(tmp_path, monkeypatch):
    import builtins

    import cppcc_archive.read as read

    p = tmp_path / "big.txt"
    with open(p, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    opened = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda f, *a, **k: (opened.append(str(f)), real_open(f, *a, **k))[1])
    t0 = time.perf_counter()
    got = read.read_seed(p, "big.txt")
    assert time.perf_counter() - t0 < 2
    assert got.kind == "too-large" and "big.txt" not in " ".join(opened)


def test_a_byte_neither_encoding_reads_is_marked_and_explained_on_the_page():
    """One byte valid in no encoding inside a GBK line: the line is read as GB18030 but for it, the
    report names the line, and the article's page says what the � is (it said nothing)."""
    from cppcc_archive.pipeline import process_bytes

    a = bi.article("gbk-one-bad")
    raw = a.text.encode("gbk")
    cut = raw.index(a.paragraphs[1].encode("gbk")) + 6
    res = process_bytes(raw[:cut] + b"\xff" + raw[cut:], "x.txt")
    [art] = res.articles
    assert a.paragraphs[1][3:] in art.text.replace("\ufffd", "")
    assert "第 2 段中的 � 是来源文件里无法解码的字节（原字不详）。" in art.notes
    bad = [p for p in res.problems if p.kind == "invalid-bytes"]
    assert len(bad) == 1 and "第 5 行有 1 处字节" in bad[0].message_zh, res.problems
