"""Shared fixtures: one real build of the seed corpus per test session."""
from __future__ import annotations

import functools
import http.server
import json
import shutil
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

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


# ---------------------------------------------------------------- browser helpers (shared by the browser tests)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


@contextmanager
def launch_chromium():
    """Debian's Chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve_directory(directory: Path):
    """Serve a built site on 127.0.0.1 (a free port); yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def new_page(browser, width: int = 1280, height: int = 900):
    """A fresh page that records the host of every request it makes (``page.requested_hosts``)."""
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = ctx.new_page()
    hosts: list[str] = []
    page.on("request", lambda r: hosts.append(urlparse(r.url).netloc))
    page.requested_hosts = hosts
    failed: list[str] = []   # "status URL" of every response that was an error
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.failed_responses = failed
    return ctx, page


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module."""
    with launch_chromium() as b:
        yield b
