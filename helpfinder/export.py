"""The places in the national standard's CSV (schéma des lieux de médiation numérique v1.0.2):
its columns in its order, `|` between values, hours as OSM `opening_hours`.

Our records already use the standard's names and values (as YAML lists): the export joins,
it does not translate. Where the standard's own patterns disagree with its descriptions
(see data/schemas/standard-mediation-numerique/SOURCE.txt), we write what the pattern
accepts, which is also what our schema accepts.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

from .openinghours import opening_hours
from .records import Record
from .siteindex import SiteIndex, slugify

STANDARD_SCHEMA = Path("standard-mediation-numerique") / "schema.json"
STANDARD_FILE = "donnees/lieux-de-mediation-numerique.csv"
# The standard requires a SIRET or RNA number ("pivot"); producers without one write this
# placeholder, which its pattern accepts.
NO_PIVOT = "00000000000000"
SEPARATOR = "|"


def standard_columns(schemas_dir: Path) -> list[str]:
    """The 32 column names, in the order of the vendored schema."""
    descriptor = json.loads((schemas_dir / STANDARD_SCHEMA).read_text(encoding="utf-8"))
    return [field["name"] for field in descriptor["fields"]]


def standard_row(index: SiteIndex, place: Record) -> dict[str, str]:
    """One place as a row of the standard: every value a string, lists joined with `|`."""
    data = place.data
    commune = index.commune(data.get("code_insee", ""))
    row: dict[str, Any] = {
        "id": place.id,
        "pivot": data.get("pivot") or NO_PIVOT,
        "nom": data.get("nom", ""),
        "commune": data.get("commune") or (commune.nom if commune else ""),
        "code_postal": data.get("code_postal", ""),
        "code_insee": data.get("code_insee", ""),
        "adresse": data.get("adresse", ""),
        "complement_adresse": data.get("complement_adresse", ""),
        "latitude": _number(data.get("latitude")),
        "longitude": _number(data.get("longitude")),
        # The standard's pattern takes one number: the first is the main one.
        "telephone": (data.get("telephone") or [""])[0],
        "horaires": opening_hours(data.get("horaires")),
        "presentation_resume": data.get("presentation_resume", ""),
        "presentation_detail": data.get("presentation_detail", ""),
        "source": data.get("source", ""),
        "structure_parente": data.get("structure_parente", ""),
        "date_maj": data["date_maj"].isoformat() if data.get("date_maj") else "",
        "autres_formations_labels": data.get("autres_formations_labels", ""),
        "fiche_acces_libre": data.get("fiche_acces_libre", ""),
        "prise_rdv": data.get("prise_rdv", ""),
    }
    for name in (
        "typologie",
        "courriels",
        "site_web",
        "itinerance",
        "services",
        "publics_specifiquement_adresses",
        "prise_en_charge_specifique",
        "frais_a_charge",
        "dispositif_programmes_nationaux",
        "formations_labels",
        "modalites_acces",
        "modalites_accompagnement",
    ):
        row[name] = SEPARATOR.join(data.get(name) or [])
    return row


def standard_csv(index: SiteIndex, columns: list[str]) -> str:
    """The whole CSV: UTF-8 text, comma-separated, a header then one row per place."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    for place in index.places:
        row = standard_row(index, place)
        writer.writerow({name: row.get(name, "") for name in columns})
    return out.getvalue()


def dated_file_name(index: SiteIndex, day: dt.date) -> str:
    """The file name the standard asks for:
    `YYYY-MM-DD_<producteur>_lieux-de-mediation-numerique_<territoire>.csv`."""
    producer = slugify(index.territory.get("nom", "")) or "producteur"
    territory = slugify(index.territory.get("nom_court", "")) or "territoire"
    return f"donnees/{day.isoformat()}_{producer}_lieux-de-mediation-numerique_{territory}.csv"


def _number(value: float | None) -> str:
    return "" if value is None else repr(float(value))
