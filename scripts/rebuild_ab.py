#!/usr/bin/env python3
"""One-seed rebuilds of two versions of the code, measured alternately (BENCHMARKS.md, sixth session).

On a machine whose speed drifts, two versions measured an hour apart cannot be compared; measured in
turns on the same corpus they can.  For each of two git revisions this exports the code
(``git archive``) to ``WORK/<rev>/code``, copies the corpus to ``WORK/<rev>/seeds`` and builds it
cold into ``WORK/<rev>/out`` (``--no-site``, ``SEEDS_URL`` set as the Pages workflow builds); then, for
each round, it appends one sentence to the same seed of each copy and rebuilds each version in turn,
printing the build's own stage clock and its process's peak memory (``OUT/.cache/last-build.json``).

    .venv/bin/python scripts/rebuild_ab.py b67249e HEAD --corpus /tmp/cppcc-bench/corpus-10000-s0 --rounds 3

``--unchanged`` rebuilds with nothing edited; ``--middle`` inserts the sentence mid-seed (an edit inside a
newspaper page) instead of appending it; ``--code-edit write.py`` edits a file of each side's
package instead of a seed (a commit of code only).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STAGES = ("gather", "assemble", "pages", "exports", "search_index", "publish")


def export(rev: str, dest: Path) -> None:
    """The package, build.py and the hand-written pages of ``rev`` under ``dest``."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "build.py", "cppcc_archive", "mkdocs.yml",
                              "overrides", "docs"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)


def build(code: Path, seeds: Path, out: Path, jobs: int) -> dict:
    env = {**os.environ, "SEEDS_URL": "https://example.org/archive/blob/main/seeds/"}
    t0 = time.perf_counter()
    subprocess.run([sys.executable, str(code / "build.py"), "--seeds", str(seeds), "--out", str(out), "--no-site",
                    "--quiet", "--jobs", str(jobs)], check=True, env=env, cwd=code,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stats = json.loads((out / ".cache" / "last-build.json").read_text(encoding="utf-8"))
    return {"wall": round(time.perf_counter() - t0, 2), "pipeline": stats["pipeline_seconds"],
            **{s: stats["stage_seconds"].get(s) for s in STAGES}, "rss": stats.get("pipeline_peak_rss_mb"),
            "index": ("reused" if stats.get("search_index_reused") else "patched" if stats.get("search_index_patched")
                      else "made")}


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def row(label: str, r: dict) -> str:
    rss = f"{r['rss']:.0f}" if r.get("rss") is not None else "—"
    return (f"| {label} | {r['wall']:.1f} | {r['pipeline']:.1f} | " + " | ".join(f"{r[s]:.1f}" for s in STAGES)
            + f" | {rss} | {r['index']} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--corpus", type=Path, required=True, help="a folder of seeds (scripts/make_corpus.py)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed-file", default=None, help="the seed edited before each rebuild (default: the middle one)")
    ap.add_argument("--middle", action="store_true",
                    help="insert the sentence as a line in the middle of the seed instead of appending it (an edit "
                         "inside a newspaper page: the articles after it start on other lines)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/cppcc-ab"))
    ap.add_argument("--unchanged", action="store_true",
                    help="rebuild with nothing changed (a commit that edits no seed) instead of editing one seed")
    ap.add_argument("--code-edit", metavar="FILE", default=None,
                    help="append a comment to this file of the package (e.g. write.py) in each side's code "
                         "instead of editing a seed: a commit that edits only code")
    a = ap.parse_args(argv)
    names = sorted(p.name for p in a.corpus.iterdir() if p.is_file())
    # A UTF-8 seed from the middle on: the appended sentence must not mix encodings.
    target = a.seed_file or next(n for n in names[len(names) // 2:] + names if _is_utf8((a.corpus / n).read_bytes()))
    sides = {}
    for rev in (a.before, a.after):
        side = a.work / rev.replace("/", "_")
        export(rev, side / "code")
        shutil.rmtree(side / "seeds", ignore_errors=True)
        shutil.copytree(a.corpus, side / "seeds")
        shutil.rmtree(side / "out", ignore_errors=True)
        print(f"cold build of {rev} …", file=sys.stderr, flush=True)
        sides[rev] = (side, build(side / "code", side / "seeds", side / "out", a.jobs))
    print("| run | wall s | pipeline s | " + " | ".join(STAGES) + " | peak RSS MB | search index |")
    print("|---|" + "---|" * (4 + len(STAGES)))
    for rev, (_, cold) in sides.items():
        print(row(f"{rev} cold", cold))
    for n in range(1, a.rounds + 1):
        for rev, (side, _) in sides.items():
            if a.code_edit:
                with open(side / "code" / "cppcc_archive" / a.code_edit, "a", encoding="utf-8") as fh:
                    fh.write(f"\n# rebuild_ab: an edit of this file, round {n}\n")
            elif not a.unchanged:
                seed = side / "seeds" / target
                sentence = f"增量构建测试第{n}句。".encode("utf-8")
                if a.middle:
                    lines = seed.read_bytes().split(b"\n")
                    seed.write_bytes(b"\n".join(lines[:len(lines) // 2] + [sentence] + lines[len(lines) // 2:]))
                else:
                    seed.write_bytes(seed.read_bytes() + b"\n" + sentence + b"\n")
            what = (f"{a.code_edit} edited" if a.code_edit else "nothing changed" if a.unchanged
                    else "one seed changed")
            print(row(f"{rev} {what}, round {n}", build(side / "code", side / "seeds", side / "out", a.jobs)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
