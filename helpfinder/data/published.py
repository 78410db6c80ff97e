"""The files of data/ that the site publishes as they are (the survey's questionnaire and
results, the national standard's schema), read with the rest of data/ so that generating
the site opens no file."""

from __future__ import annotations

from pathlib import Path

from helpfinder.core.problems import Problem
from helpfinder.data import datafiles
from helpfinder.data.survey import QUESTIONNAIRE, RESULTS, XFORM

SURVEY_DIR = "enquete"  # optional: the questionnaire and the published results
# The survey's files published when the territory has them, in this order.
SURVEY_PUBLISHED = (QUESTIONNAIRE, XFORM, RESULTS)
# The national standard's Table Schema, vendored under data/schemas/: the export's column
# order, and a copy published beside the CSV.
STANDARD_SCHEMA = Path("standard-mediation-numerique") / "schema.json"


def read_survey_files(data_dir: Path, shown: Path) -> tuple[dict[str, str], list[Problem]]:
    """The text of each survey file the territory has, by its name in data/enquete/."""
    found: dict[str, str] = {}
    problems = []
    for name in SURVEY_PUBLISHED:
        path = data_dir / SURVEY_DIR / name
        if path.is_symlink() or not path.is_file():
            continue  # a link is refused by datafiles.links_in; a missing file is optional
        try:
            found[name] = datafiles.read_bytes(path).decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "pas en UTF-8"
            shown_as = path.relative_to(shown).as_posix()
            problems.append(
                Problem(shown_as, 0, "", "", "structure", f"fichier illisible ({reason})")
            )
    return found, problems


def read_standard_schema(schemas_dir: Path, shown: Path) -> tuple[str, list[Problem]]:
    """The vendored national standard's schema, as text (empty, with an error, if unreadable)."""
    path = schemas_dir / STANDARD_SCHEMA
    try:
        return datafiles.read_bytes(path).decode("utf-8"), []
    except (OSError, UnicodeDecodeError) as exc:
        shown_as = path.relative_to(shown).as_posix()
        return "", [Problem(shown_as, 0, "", "", "schema", f"schéma illisible : {exc}")]
