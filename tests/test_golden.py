"""Golden files: the expected clean output of each seed.

Regenerate only with ``scripts/regen_golden.py`` and review the diff.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import SEEDS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from regen_golden import GOLDEN, render  # noqa: E402

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("seed", SEED_FILES)
def test_seed_matches_golden(seed, articles):
    golden = GOLDEN / f"{Path(seed).stem}.golden.txt"
    assert golden.exists(), f"missing {golden}: run scripts/regen_golden.py"
    expected = golden.read_text(encoding="utf-8")
    got = render(articles, seed)
    assert got == expected, f"{seed} differs from its golden file; if the change is intended, run scripts/regen_golden.py and review the diff"
