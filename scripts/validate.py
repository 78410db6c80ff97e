"""`make validate`: check every file of data/ and print each problem with its file and line."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpfinder.contrib.cli import validate_main

if __name__ == "__main__":
    sys.exit(validate_main())
