#!/usr/bin/env bash
# One command on a fresh machine: create .venv from the locks, then run the whole test suite.
# Browser tests run whenever /usr/bin/chromium exists; without it they are skipped
# with a loud warning, unless REQUIRE_BROWSER=1 (set by .ci/run), which makes that a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
if [ ! -x /usr/bin/chromium ]; then
  echo "!!! WARNING: /usr/bin/chromium not found: browser tests will be SKIPPED." >&2
  echo "!!! Install Debian packages chromium and fonts-noto-cjk to run them." >&2
fi
exec .venv/bin/python -m pytest "$@"
