"""The places in the national standard's CSV (schéma des lieux de médiation numérique v1.0.2):
its columns in its order, `|` between values, hours as OSM `opening_hours`.

Our records already use the standard's names and values (as YAML lists): the export joins,
it does not translate. Where the standard's own patterns disagree with its descriptions
(see data/schemas/standard-mediation-numerique/SOURCE.txt), we write what the pattern
accepts, which is also what our schema accepts.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from helpfinder.analysis.index import SCORE_COLUMN, SiteIndex
from helpfinder.core.openinghours import opening_hours
from helpfinder.core.spreadsheet import csv_text
from helpfinder.core.text import slugify
from helpfinder.data.records import Record

STANDARD_FILE = "donnees/lieux-de-mediation-numerique.csv"
# The standard requires a SIRET or RNA number ("pivot"); producers without one write this
# placeholder, which its pattern accepts.
NO_PIVOT = "00000000000000"
SEPARATOR = "|"
# The standard's columns that hold several values (`|` between them). `telephone` holds one:
# its pattern takes a single number.
MULTI_VALUED = (
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
)


def standard_columns(schema_text: str) -> list[str]:
    """The 32 column names, in the order of the standard's schema (its JSON text)."""
    return [field["name"] for field in json.loads(schema_text)["fields"]]


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
    for name in MULTI_VALUED:
        row[name] = SEPARATOR.join(data.get(name) or [])
    return row


def standard_csv(index: SiteIndex, columns: list[str]) -> str:
    """The whole CSV: UTF-8 text, comma-separated, a header then one row per place."""
    rows = (standard_row(index, place) for place in index.places)
    return csv_text(columns, ([row.get(name, "") for name in columns] for row in rows))


def dated_file_name(index: SiteIndex, day: dt.date) -> str:
    """The file name the standard asks for:
    `YYYY-MM-DD_<producteur>_lieux-de-mediation-numerique_<territoire>.csv`."""
    producer = slugify(index.territory.get("nom", "")) or "producteur"
    territory = slugify(index.territory.get("nom_court", "")) or "territoire"
    return f"donnees/{day.isoformat()}_{producer}_lieux-de-mediation-numerique_{territory}.csv"


def _number(value: float | None) -> str:
    return "" if value is None else repr(float(value))


PLACES_GEOJSON = "donnees/lieux.geojson"
PATHWAYS_JSON = "donnees/parcours.json"
COMMUNES_CSV = "donnees/communes.csv"
PACKAGE = "donnees/datapackage.json"
STANDARD_SCHEMA_COPY = "donnees/schema-lieux-de-mediation-numerique.json"
LICENCE = {
    "name": "etalab-2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    "title": "Licence Ouverte / Open Licence version 2.0",
}


def places_geojson(index: SiteIndex) -> dict[str, Any]:
    """The places as points with their main fields (those without a position are left out)."""
    features = []
    for place in index.places:
        row = standard_row(index, place)
        if not row["latitude"] or not row["longitude"]:
            continue
        keep = ("id", "nom", "commune", "code_insee", "code_postal", "adresse", "telephone")
        properties: dict[str, Any] = {name: row[name] for name in keep}
        properties.update(
            {
                "horaires": row["horaires"],
                "services": place.data.get("services") or [],
                "frais_a_charge": place.data.get("frais_a_charge") or [],
                "date_maj": row["date_maj"],
                "source": row["source"],
            }
        )
        coordinates = [float(row["longitude"]), float(row["latitude"])]
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": coordinates},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def pathways_json(index: SiteIndex) -> list[dict[str, Any]]:
    """The pathways as written in data/pathways/, dates as text."""
    return [json.loads(json.dumps(p.data, default=str)) for p in index.directory.pathways]


COMMUNE_COLUMNS = (
    "code_insee",
    "nom",
    "codes_postaux",
    "population",
    "annee_population",
    "latitude",
    "longitude",
    SCORE_COLUMN,
    "ifn_iris",
)


def communes_csv(index: SiteIndex) -> str:
    """The communes with the fragility index: the mean of their IRIS, and each IRIS."""
    rows = []
    for commune in index.communes:
        scores = index.iris_scores(commune.code_insee)
        mean = f"{sum(s for _, s in scores) / len(scores):.1f}" if scores else ""
        rows.append(
            (
                commune.code_insee,
                commune.nom,
                "|".join(commune.codes_postaux),
                commune.population,
                commune.annee_population,
                commune.latitude,
                commune.longitude,
                mean,
                "|".join(f"{name}:{score:.1f}" for name, score in scores),
            )
        )
    return csv_text(COMMUNE_COLUMNS, rows)


def datapackage(index: SiteIndex) -> dict[str, Any]:
    """A Frictionless Data Package describing every file of donnees/ (paths relative to it)."""
    territory = index.territory
    sources = [{"title": territory.get("source", "")}] if territory.get("source") else []
    fragility = territory.get("indice_fragilite") or {}
    return {
        "name": f"aide-numerique-{slugify(territory.get('nom_court', '')) or 'territoire'}",
        "title": (territory.get("site") or {}).get("titre", ""),
        "licenses": [LICENCE],
        "sources": sources,
        "resources": [
            {
                "name": "lieux-de-mediation-numerique",
                "path": STANDARD_FILE.removeprefix("donnees/"),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": STANDARD_SCHEMA_COPY.removeprefix("donnees/"),
                "description": (
                    "Les lieux, au format du schéma national des lieux de médiation numérique "
                    "v1.0.2."
                ),
                "licenses": [LICENCE],
            },
            {
                "name": "communes",
                "path": COMMUNES_CSV.removeprefix("donnees/"),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": (
                    "Les communes et l'indice de fragilité numérique (moyenne des IRIS, puis "
                    "chaque IRIS)."
                ),
                "sources": [{"title": fragility.get("source", "")}]
                if fragility.get("source")
                else [],
                "schema": {
                    "fields": [
                        {"name": "code_insee", "type": "string"},
                        {"name": "nom", "type": "string"},
                        {"name": "codes_postaux", "type": "string"},
                        {"name": "population", "type": "integer"},
                        {"name": "annee_population", "type": "integer"},
                        {"name": "latitude", "type": "number"},
                        {"name": "longitude", "type": "number"},
                        {"name": SCORE_COLUMN, "type": "number"},
                        {"name": "ifn_iris", "type": "string"},
                    ]
                },
            },
            {
                "name": "lieux-geojson",
                "path": PLACES_GEOJSON.removeprefix("donnees/"),
                "format": "geojson",
                "mediatype": "application/geo+json",
                "description": "Les lieux en points, avec leurs champs principaux.",
            },
            {
                "name": "data-inclusion-structures",
                "path": "data-inclusion/structures.json",
                "format": "json",
                "mediatype": "application/json",
                "description": (
                    "Les lieux comme structures du schéma data·inclusion v1 (plateforme de "
                    "l'inclusion)."
                ),
            },
            {
                "name": "data-inclusion-services",
                "path": "data-inclusion/services.json",
                "format": "json",
                "mediatype": "application/json",
                "description": (
                    "Le service « Médiation numérique » de chaque lieu, au schéma data·inclusion "
                    "v1, avec ses thématiques."
                ),
            },
            {
                "name": "parcours",
                "path": PATHWAYS_JSON.removeprefix("donnees/"),
                "format": "json",
                "mediatype": "application/json",
                "description": "Les parcours « Où trouver de l'aide ? » (arbres de décision).",
            },
        ],
    }
