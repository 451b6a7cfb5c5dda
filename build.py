#!/usr/bin/env python3
"""政协文库 build: seeds/ → Markdown in docs/ → site/ (a thin CLI; see cppcc_archive.cli)."""
import sys

from cppcc_archive.cli import main

if __name__ == "__main__":
    sys.exit(main())
