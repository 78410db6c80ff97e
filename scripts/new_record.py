"""`make nouveau-lieu` and `make nouveau-parcours`: a new record, commented and checked, from
answers given as flags or to questions (see helpfinder/contrib/newrecordcli.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpfinder.contrib.newrecordcli import new_record_main

if __name__ == "__main__":
    sys.exit(new_record_main())
