#!/usr/bin/env python3
"""Print precision and recall of region and level tagging, and the topic hit rate,
against the hand-labelled set in tests/eval/labels.yaml.

    .venv/bin/python scripts/evaluate.py [--articles OUT/articles.json]

Without --articles it builds the repository's seeds (no site) into a temporary folder.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
FIELDS = ("province", "prefecture", "county", "level")


def predicted(a: dict) -> dict:
    main = a["regions"][0] if a["regions"] else {}
    return {"province": main.get("province"), "prefecture": main.get("prefecture"),
            "county": main.get("county"), "level": a["level"]}


def evaluate(articles: list[dict], labels: list[dict]) -> dict:
    by_key = {(a["source_file"], a["part"]): a for a in articles}
    stats = {f: {"tp": 0, "fp": 0, "fn": 0} for f in FIELDS}
    hits, missing = 0, []
    for lab in labels:
        a = by_key.get((lab["file"], lab["part"]))
        if a is None:
            missing.append(f"{lab['file']}#{lab['part']}")
            for f in FIELDS:
                if lab[f] is not None:
                    stats[f]["fn"] += 1
            continue
        pred = predicted(a)
        for f in FIELDS:
            exp, got = lab[f], pred[f]
            if got is not None and got == exp:
                stats[f]["tp"] += 1
            else:
                if got is not None:
                    stats[f]["fp"] += 1
                if exp is not None:
                    stats[f]["fn"] += 1
        if set(a["topics"]) & set(lab["topics"]) or (not lab["topics"] and not a["topics"]):
            hits += 1
    out = {}
    for f, s in stats.items():
        p = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 1.0
        r = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 1.0
        out[f] = {"precision": round(p, 3), "recall": round(r, 3), **s}
    out["topic_hit_rate"] = round(hits / len(labels), 3)
    out["missing"] = missing
    return out


def load_labels() -> list[dict]:
    return yaml.safe_load((REPO / "tests" / "eval" / "labels.yaml").read_text(encoding="utf-8"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=Path)
    args = ap.parse_args()
    if args.articles:
        articles = json.loads(args.articles.read_text(encoding="utf-8"))
    else:
        from cppcc_archive.cli import main as build

        with tempfile.TemporaryDirectory() as tmp:
            build(["--out", tmp, "--no-site", "--quiet"])
            articles = json.loads((Path(tmp) / "articles.json").read_text(encoding="utf-8"))
    res = evaluate(articles, load_labels())
    print(f"{'field':<11}{'precision':>10}{'recall':>8}   tp fp fn")
    for f in FIELDS:
        s = res[f]
        print(f"{f:<11}{s['precision']:>10.3f}{s['recall']:>8.3f}   {s['tp']:>2} {s['fp']:>2} {s['fn']:>2}")
    print(f"topic hit rate: {res['topic_hit_rate']:.3f}")
    if res["missing"]:
        print("articles not found:", ", ".join(res["missing"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
