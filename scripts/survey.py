"""`make enquete [SOURCE=export.csv]`: the questionnaire as an ODK XForm and, from an ODK
Central export, the aggregated results the site publishes (see
helpfinder/contrib/surveycli.py and helpfinder/core/surveyaggregate.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpfinder.contrib.surveycli import survey_main

if __name__ == "__main__":
    sys.exit(survey_main())
