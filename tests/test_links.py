"""A real link checker, offline, over the built seed site: zero broken internal links."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def lychee() -> str:
    exe = Path(sys.executable).parent / "lychee"
    return str(exe) if exe.exists() else shutil.which("lychee")


def test_no_broken_links(seed_build):
    site = seed_build / "site"
    proc = subprocess.run(
        [lychee(), "--offline", "--no-progress", "--include-fragments", "--index-files", "index.html",
         "--root-dir", str(site), "--format", "compact", f"{site}/**/*.html"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
