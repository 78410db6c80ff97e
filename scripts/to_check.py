"""`make a-verifier`: the records to check again (over 12 months old, or marked a_verifier),
by structure, with their contacts (see helpfinder/analysis/freshness.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpfinder.contrib.cli import to_check_main

if __name__ == "__main__":
    sys.exit(to_check_main())
