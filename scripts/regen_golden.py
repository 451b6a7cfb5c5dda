#!/usr/bin/env python3
"""Regenerate the golden files in tests/golden/ from the seeds (then review the diff!).

    .venv/bin/python scripts/regen_golden.py

Each seed gets one file: every article's title, metadata and cleaned text, in
a stable plain-text form that reads well in a diff.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
GOLDEN = REPO / "tests" / "golden"


def render(articles: list[dict], source_file: str) -> str:
    parts = sorted((a for a in articles if a["source_file"] == source_file), key=lambda a: a["part"])
    out = []
    for a in parts:
        main = a["regions"][0] if a["regions"] else {}
        out += [
            f"=== part {a['part']}: {a['title']}" + ("  [derived title]" if a["title_derived"] else ""),
            "authors: " + "；".join(f"{x['role']} {x['name']}" for x in a["authors"]),
            f"publisher: {a['publisher'] or ''}  date_text: {a['date_text'] or ''}",
            f"region: {main.get('province') or ''}/{main.get('prefecture') or ''}/{main.get('county') or ''}  level: {a['level'] or ''}",
            "captions: " + " | ".join(a["captions"]),
            "notes: " + " | ".join(a["notes"]),
            f"rights: {a['rights'] or ''}",
            "---",
            a["text"],
            "",
        ]
    return "\n".join(out)


def build_articles() -> list[dict]:
    from cppcc_archive.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        main(["--out", tmp, "--no-site", "--quiet"])
        return json.loads((Path(tmp) / "articles.json").read_text(encoding="utf-8"))


def main() -> int:
    articles = build_articles()
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        (GOLDEN / f"{seed.stem}.golden.txt").write_text(render(articles, seed.name), encoding="utf-8")
        print("wrote", GOLDEN / f"{seed.stem}.golden.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
