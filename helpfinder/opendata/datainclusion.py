"""The places in the data·inclusion schema v1 (structures and services), the format of the
national platform of inclusion services, as `donnees/data-inclusion/*.json`.

Each place is one structure and one service « Médiation numérique », as the national map of
digital mediation publishes its places to data·inclusion. The service's thématiques come
from the place's services of the national standard, through the correspondence that
data·inclusion's own pipeline applies to that standard (reproduced below; every value is in
data·inclusion's list of thématiques, which a test checks). Values our records cannot
express in data·inclusion's lists are left out, never guessed.
"""

from __future__ import annotations

from typing import Any

from helpfinder.analysis.index import SiteIndex
from helpfinder.core.openinghours import opening_hours
from helpfinder.core.text import slugify
from helpfinder.data.records import Record

STRUCTURES_FILE = "donnees/data-inclusion/structures.json"
SERVICES_FILE = "donnees/data-inclusion/services.json"
SERVICE_NAME = "Médiation numérique"
# The national standard's services -> data·inclusion v1 thématiques.
THEMATIQUES = {
    "Accès internet et matériel informatique": (
        "numerique--acceder-a-une-connexion-internet",
        "numerique--acquerir-un-equipement",
    ),
    "Acquisition de matériel informatique à prix solidaire": ("numerique--acquerir-un-equipement",),
    "Aide aux démarches administratives": (
        "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
        "numerique--acceder-a-des-services-en-ligne",
    ),
    "Compréhension du monde numérique": ("numerique--maitriser-les-fondamentaux-du-numerique",),
    "Insertion professionnelle via le numérique": (
        "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
        "numerique--maitriser-les-fondamentaux-du-numerique",
    ),
    "Loisirs et créations numériques": (
        "remobilisation--activites-sportives-et-culturelles",
        "numerique--maitriser-les-fondamentaux-du-numerique",
    ),
    "Maîtrise des outils numériques du quotidien": (
        "numerique--maitriser-les-fondamentaux-du-numerique",
        "numerique--acceder-a-des-services-en-ligne",
    ),
    "Parentalité et éducation avec le numérique": (
        "famille--soutien-a-la-parentalite-et-a-leducation",
        "numerique--maitriser-les-fondamentaux-du-numerique",
    ),
    "Utilisation sécurisée du numérique": ("numerique--maitriser-les-fondamentaux-du-numerique",),
}
# National programmes -> data·inclusion's networks (only those with an exact counterpart).
RESEAUX = {
    "Aidants Connect": "aidants-connect",
    "Conseillers numériques": "conseillers-numeriques",
    "France Services": "france-service",
}


def producer(index: SiteIndex) -> str:
    """data·inclusion's `source`: who produces the data, as an identifier."""
    return slugify(index.territory.get("nom", "")) or "producteur"


def structure(index: SiteIndex, place: Record) -> dict[str, Any]:
    data = place.data
    source = producer(index)
    commune = index.commune(data.get("code_insee", ""))
    pivot = data.get("pivot", "")
    networks = [
        RESEAUX[p] for p in data.get("dispositif_programmes_nationaux") or [] if p in RESEAUX
    ]
    found: dict[str, Any] = {
        "source": source,
        "id": f"{source}--{place.id}",
        "nom": data.get("nom", place.id).rstrip(".")[:150],
        "date_maj": data["date_maj"].isoformat(),
        "siret": pivot if len(pivot) == 14 and pivot.isdigit() else None,
        "commune": data.get("commune") or (commune.nom if commune else None),
        "code_postal": data.get("code_postal"),
        "code_insee": data.get("code_insee"),
        "adresse": data.get("adresse"),
        "complement_adresse": data.get("complement_adresse"),
        "latitude": data.get("latitude"),
        "longitude": data.get("longitude"),
        "telephone": (data.get("telephone") or [None])[0],
        "courriel": (data.get("courriels") or [None])[0],
        "site_web": (data.get("site_web") or [None])[0],
        "description": _description(data),
        "horaires_accueil": opening_hours(data.get("horaires")) or None,
        "accessibilite_lieu": data.get("fiche_acces_libre"),
        "reseaux_porteurs": networks or None,
    }
    return found


def service(place: Record, owner: dict[str, Any]) -> dict[str, Any]:
    """The place's one service; `owner` is its structure (which holds the shared fields)."""
    data = place.data
    themes: list[str] = []
    for offered in data.get("services") or []:
        themes += [t for t in THEMATIQUES.get(offered, ()) if t not in themes]
    fees = data.get("frais_a_charge") or []
    fee = "gratuit" if fees == ["Gratuit"] else "payant" if "Payant" in fees else None
    details = [data["frais_precisions"]] if data.get("frais_precisions") else []
    if fee is None and fees:
        details.insert(0, ", ".join(fees))  # « Gratuit sous condition »: no list value for it
    modes = ["en-presentiel"]
    if "À distance" in (data.get("modalites_accompagnement") or []):
        modes.append("a-distance")
    return {
        "source": owner["source"],
        "id": f"{owner['id']}--mediation-numerique",
        "structure_id": owner["id"],
        "nom": SERVICE_NAME,
        "description": _description(data)
        or f"{owner['nom']} propose : {', '.join(s.lower() for s in data.get('services') or [])}.",
        "date_maj": owner["date_maj"],
        "thematiques": themes or None,
        "frais": fee,
        "frais_precisions": " ; ".join(details) or None,
        "modes_accueil": modes,
        "horaires_accueil": owner["horaires_accueil"],
        "lien_mobilisation": data.get("prise_rdv"),
        **{
            name: owner[name]
            for name in (
                "commune",
                "code_postal",
                "code_insee",
                "adresse",
                "complement_adresse",
                "latitude",
                "longitude",
                "telephone",
                "courriel",
            )
        },
    }


def structures_and_services(index: SiteIndex) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every place as a structure, and its service."""
    owners = [structure(index, place) for place in index.places]
    return owners, [service(p, owner) for p, owner in zip(index.places, owners, strict=True)]


def _description(data: dict[str, Any]) -> str | None:
    text = " ".join(
        t for t in (data.get("presentation_resume"), data.get("presentation_detail")) if t
    )
    return text[:10000] if len(text) >= 5 else None
