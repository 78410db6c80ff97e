"""One row of the national standard's CSV as one of our place records: the inverse of
`export.standard_row`. Values are split and retyped, never corrected or completed: what is
wrong stays wrong here, so the validator names it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from helpfinder.core.fieldformats import international_phone
from helpfinder.core.openinghours import read_opening_hours
from helpfinder.core.text import fold
from helpfinder.data.territory import Commune, Territory
from helpfinder.opendata.export import MULTI_VALUED, NO_PIVOT, SEPARATOR

# Our records keep every number a row gives (the export writes the first).
LIST_FIELDS = ("telephone", *MULTI_VALUED)
TEXT_FIELDS = (
    "nom",
    "commune",
    "code_postal",
    "code_insee",
    "adresse",
    "complement_adresse",
    "presentation_resume",
    "presentation_detail",
    "structure_parente",
    "autres_formations_labels",
    "fiche_acces_libre",
    "prise_rdv",
)
# The standard is the one of "lieux de médiation numérique": a place's job is digital help
# until a person says it is a first-contact place (`aidant`).
DEFAULT_PROFILE = "mediation"
# The schema's maxLength for horaires_precisions: longer hours stay in notes_verification
# only, rather than the whole row being refused for their length.
PRECISIONS_MAX = 300


@dataclass(frozen=True)
class ImportedPlace:
    """A record made from a row, before it has an id; `hours_unread` says why the hours
    were kept as written."""

    data: dict[str, Any]
    hours_unread: str = ""


def place_from_row(values: dict[str, str], territory: Territory, file_name: str) -> ImportedPlace:
    """The record a row describes. `file_name` stands in for the source when it has none."""
    data: dict[str, Any] = {}
    pivot = values.get("pivot", "")
    if pivot and pivot != NO_PIVOT:
        data["pivot"] = pivot
    for name in TEXT_FIELDS:
        if values.get(name):
            data[name] = values[name]
    if not data.get("code_insee"):
        commune = commune_of(values, territory)
        if commune is not None:
            data["code_insee"] = commune.code_insee
    for name in ("latitude", "longitude"):
        if values.get(name):
            data[name] = _number(values[name])
    for name in LIST_FIELDS:
        items = [item.strip() for item in values.get(name, "").split(SEPARATOR)]
        if any(items):
            data[name] = [item for item in items if item]
    if data.get("telephone"):
        # A French number written the usual way is the same number: written as records do.
        data["telephone"] = [international_phone(n) or n for n in data["telephone"]]
    hours = read_opening_hours(values.get("horaires", ""))
    if hours.horaires:
        data["horaires"] = hours.horaires
    if hours.precisions or 0 < len(hours.unread) <= PRECISIONS_MAX:
        data["horaires_precisions"] = hours.precisions or hours.unread
    data["source"] = values.get("source") or f"Fichier {file_name}"
    data["date_maj"] = _date(values.get("date_maj", ""))
    data["provenance"] = [_provenance(values.get("id", ""), data["source"], data["date_maj"])]
    data["profil"] = DEFAULT_PROFILE
    if hours.unread:
        data["a_verifier"] = True
        data["notes_verification"] = (
            f"Horaires du fichier importé non convertis ({hours.why}) : « {hours.unread} ». "
            "Reportez-les jour par jour dans « horaires »."
        )
    return ImportedPlace(data, hours.why if hours.unread else "")


def commune_of(values: dict[str, str], territory: Territory) -> Commune | None:
    """The territory's commune of a row: by INSEE code, else by postal code and name."""
    code = values.get("code_insee", "")
    if code:
        return territory.communes.get(code)
    name = fold(values.get("commune", ""))
    for commune in territory.communes_with_postal_code(values.get("code_postal", "")):
        if fold(commune.nom) == name:
            return commune
    return None


def _provenance(row_id: str, source: str, day: dt.date | str) -> dict[str, Any]:
    """Where the record comes from, with the row's id there, for whoever checks it later."""
    entry: dict[str, Any] = {"source": source}
    if isinstance(day, dt.date):
        entry["date"] = day
    if row_id:
        entry["identifiant"] = f"id={row_id}"
    return entry


def _number(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:
        return text


def _date(text: str) -> dt.date | str:
    """`2024-08-01` or `2024-08-01T10:00:00Z` -> the day; anything else stays text."""
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return text
