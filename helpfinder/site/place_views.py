"""What a place shows, as plain data for the templates: its page, its card in lists, its line,
its permanences and its closures still to come."""

from __future__ import annotations

from typing import Any

from helpfinder.analysis.index import SiteIndex
from helpfinder.core import display, links
from helpfinder.core.clock import is_stale
from helpfinder.data.records import Record
from helpfinder.site import routes
from helpfinder.site.models import Closure, PlaceLine, PlaceSummary, PlaceView, StopView
from helpfinder.site.views import commune_ref, contacts

EQUIPMENT_LABELS = {
    "wifi": "Wi-Fi",
    "ordinateurs": "Ordinateurs",
    "imprimante": "Imprimante",
    "scanner": "Scanner",
}
APPOINTMENT_LABELS = {
    "sur rendez-vous": "Sur rendez-vous",
    "sans rendez-vous": "Sans rendez-vous",
    "avec ou sans rendez-vous": "Avec ou sans rendez-vous",
    "sur inscription": "Sur inscription",
}
FREE = "Gratuit"


def place_summary(index: SiteIndex, place: Record) -> PlaceSummary:
    """The one-line card used in lists: name, commune, phone, cost, appointment, services."""
    data = place.data
    phones = data.get("telephone") or []
    return {
        "id": place.id,
        "route": routes.place(place),
        "nom": data.get("nom", place.id),
        "commune": commune_ref(index, data.get("code_insee", "")),
        "telephone": {"texte": display.phone(phones[0]), "href": links.tel(phones[0])}
        if phones
        else None,
        "services": data.get("services") or [],
        # Where it helps: its own commune and those where it holds a permanence.
        "communes": sorted(
            {data.get("code_insee", "")} | {s["commune"] for s in data.get("permanences") or []}
        ),
        "publics": data.get("publics_specifiquement_adresses") or [],
        "gratuit": FREE in (data.get("frais_a_charge") or []),
        "frais": data.get("frais_a_charge") or [],
        "rendez_vous": APPOINTMENT_LABELS.get(data.get("rendez_vous", ""), ""),
        "horaires": display.week_minutes(data.get("horaires")),
        "fermetures": [
            [c["du"].isoformat(), c["au"].isoformat()] for c in current_closures(index, data)
        ],
        "exemple": bool(data.get("exemple")),
        "position": index.position(place),
        "ancienne": is_stale(data["date_maj"], index.today) if data.get("date_maj") else True,
    }


def stop_view(index: SiteIndex, stop: dict[str, Any]) -> StopView:
    """One permanence of an itinerant service: where (`ou`), in which commune, when."""
    return {
        "commune": commune_ref(index, stop["commune"]),
        "ou": stop.get("lieu", ""),
        "adresse": stop.get("adresse", ""),
        "horaires": [day for day in display.week(stop.get("horaires")) if day[1] != "Fermé"],
        "frequence": stop.get("frequence", ""),
    }


def current_closures(index: SiteIndex, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Closures not yet over at build time, soonest first (past ones expire by themselves)."""
    closures = [c for c in data.get("fermetures") or [] if c.get("au") and c["au"] >= index.today]
    return sorted(closures, key=lambda c: (c["du"], c["au"]))


def place_view(index: SiteIndex, place: Record, edit_url: str | None) -> PlaceView:
    data = place.data
    lat, lon = data.get("latitude"), data.get("longitude")
    closures: list[Closure] = [
        {
            "du": display.date(c["du"]),
            "au": display.date(c["au"]),
            "motif": c.get("motif", ""),
            "en_cours": c["du"] <= index.today,
        }
        for c in current_closures(index, data)
    ]
    return {
        **place_summary(index, place),
        **contacts(data),
        "adresse": data.get("adresse", ""),
        "complement_adresse": data.get("complement_adresse", ""),
        "code_postal": data.get("code_postal", ""),
        "nom_commune": data.get("commune", ""),
        "carte": links.osm_map(lat, lon) if lat is not None and lon is not None else None,
        "presentation": [
            t for t in (data.get("presentation_resume"), data.get("presentation_detail")) if t
        ],
        "prise_en_charge": data.get("prise_en_charge_specifique") or [],
        "frais_precisions": data.get("frais_precisions", ""),
        "pass_numerique": data.get("accepte_pass_numerique"),
        "equipements": [EQUIPMENT_LABELS.get(e, e) for e in data.get("equipements") or []],
        "langues": display.languages(data.get("langues")),
        "modalites_acces": data.get("modalites_acces") or [],
        "modalites_accompagnement": data.get("modalites_accompagnement") or [],
        "prise_rdv": links.web(data.get("prise_rdv")),
        "semaine": display.week(data.get("horaires")) if data.get("horaires") else [],
        "horaires_precisions": data.get("horaires_precisions", ""),
        "fermetures_a_venir": closures,
        "permanences": [stop_view(index, stop) for stop in data.get("permanences") or []],
        "acces_libre": links.web(data.get("fiche_acces_libre")),
        "dispositifs": data.get("dispositif_programmes_nationaux") or [],
        "labels": [
            *(data.get("formations_labels") or []),
            *([data["autres_formations_labels"]] if data.get("autres_formations_labels") else []),
        ],
        "date_maj": display.date(data["date_maj"]) if data.get("date_maj") else "",
        "source": data.get("source", ""),
        "a_verifier": bool(data.get("a_verifier")),
        "fichier": place.file,
        "modifier": links.web(edit_url),
    }


def place_line(index: SiteIndex, place: Record) -> PlaceLine:
    """A place on one line: name, phone, cost."""
    card = place_summary(index, place)
    return {
        "nom": card["nom"],
        "route": card["route"],
        "telephone": card["telephone"],
        "gratuit": card["gratuit"],
        "frais": card["frais"],
        "exemple": card["exemple"],
    }
