"""Shared fixtures: one real build of the seed corpus per test session."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
sys.path.insert(0, str(REPO))


def run_build(seeds: Path, out: Path, *extra: str) -> int:
    from cppcc_archive.cli import main

    return main(["--seeds", str(seeds), "--out", str(out), "--quiet", *extra])


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The five seeds built into a site under a temporary --out."""
    out = tmp_path_factory.mktemp("seedbuild")
    assert run_build(SEEDS, out) == 0
    return out


@pytest.fixture(scope="session")
def articles(seed_build):
    return json.loads((seed_build / "articles.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def report(seed_build):
    return json.loads((seed_build / "report.json").read_text(encoding="utf-8"))


@pytest.fixture
def seeds_copy(tmp_path):
    d = tmp_path / "seeds"
    shutil.copytree(SEEDS, d)
    return d
