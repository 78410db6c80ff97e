"""Read an ODK Central CSV export of the survey's answers, for `make enquete SOURCE=…`:
the submissions by question name, and the communes they give that are not the territory's."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from helpfinder.core.csvrows import CsvSyntaxError, csv_rows
from helpfinder.core.surveyquestions import COMMUNE_QUESTION, CONSENT
from helpfinder.data.survey import SurveyError


def read_export(path: Path, shown_as: str) -> list[dict[str, str]]:
    """The submissions of an ODK Central CSV export, keyed by question name (Central names
    columns by their group path: `profil-commune`)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise SurveyError(f"{shown_as} : impossible de lire le fichier ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise SurveyError(f"{shown_as} : le fichier n'est pas en UTF-8") from exc
    try:
        table = list(csv_rows(text))
    except CsvSyntaxError as exc:
        raise SurveyError(f"{shown_as}:{exc.line} : {exc}") from None
    header = table[0][1] if table else []
    if not any(n.endswith(CONSENT) for n in header):
        raise SurveyError(
            f"{shown_as} : ce n'est pas un export ODK Central de ce questionnaire "
            f"(pas de colonne « {CONSENT} »)"
        )
    rows = []
    for line, cells in table[1:]:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            # Read leniently, a stray quote merges submissions: one would be lost unseen.
            raise SurveyError(
                f"{shown_as}:{line} : {len(cells)} valeurs pour {len(header)} colonnes "
                "(un guillemet mal fermé ?)"
            )
        row = dict(zip(header, cells, strict=True))
        if (row.get("ReviewState") or "").lower() == "rejected":
            continue  # a submission the team rejected in Central
        rows.append({column.rsplit("-", 1)[-1]: value for column, value in row.items() if column})
    return rows


def unknown_communes(rows: list[dict[str, str]], codes: Iterable[str]) -> Counter[str]:
    """How many answers give each commune that is not one of `codes`: answers to the
    questionnaire of another territory, or of an older list of communes."""
    known = set(codes)
    found = (r.get(COMMUNE_QUESTION, "").strip() for r in rows if r.get(CONSENT) == "oui")
    return Counter(code for code in found if code and code not in known)
