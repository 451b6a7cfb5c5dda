#!/usr/bin/env bash
# One command on a fresh machine: create .venv from the lock, then build seeds/ → docs/ → site/.
# Extra arguments go to build.py (e.g. --serve, --jobs 2).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
exec .venv/bin/python build.py "$@"
