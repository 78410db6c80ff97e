"""`make import SOURCE=file.csv`: the territory's places of a national-standard CSV, added to
data/actors/ (see helpfinder/opendata/importer.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpfinder.contrib.cli import import_main

if __name__ == "__main__":
    sys.exit(import_main())
