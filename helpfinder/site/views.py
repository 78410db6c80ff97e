"""What each page shows, as plain data for the templates: the records put into words.

Values stay raw text here; the templates escape everything (Jinja autoescape). Links are
only ever built by `helpfinder.core.links`, so a template never receives a URL it should not.
"""

from __future__ import annotations

from typing import Any

from helpfinder.core import display, links
from helpfinder.site import routes
from helpfinder.core.clock import is_stale
from helpfinder.data.records import Record
from helpfinder.analysis.index import SiteIndex
from helpfinder.core.text import fold
from helpfinder.data.territory import Commune

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



def departement_name(index: SiteIndex, code: str) -> str:
    """The name territoire.yml gives the département, or « Département NN »."""
    for entry in index.territory.get("departements") or []:
        if entry.get("code") == code and entry.get("nom"):
            return entry["nom"]
    return f"Département {code}"


def initial(name: str) -> str:
    """The letter a name is filed under in an A–Z index: `Écluse` -> `E`, `L'Isle` -> `L`."""
    folded = fold(name)
    return folded[:1].upper() if folded[:1].isalpha() else "#"


def by_letter(items: list[dict[str, Any]], key: str = "nom") -> list[dict[str, Any]]:
    """Items (already in alphabetical order) grouped under their initial, for an A–Z index."""
    groups: list[dict[str, Any]] = []
    for item in items:
        letter = initial(item[key])
        if not groups or groups[-1]["lettre"] != letter:
            anchor = "lettre-autres" if letter == "#" else f"lettre-{letter.lower()}"
            groups.append({"lettre": letter, "ancre": anchor, "elements": []})
        groups[-1]["elements"].append(item)
    return groups



def commune_ref(index: SiteIndex, code: str) -> dict[str, str] | None:
    commune = index.commune(code)
    if commune is None:
        return None
    return {"nom": commune.nom, "code": code, "route": routes.commune(index, code)}


def national_line(index: SiteIndex) -> dict[str, Any]:
    line = index.territory.get("recours_national") or {}
    number = line.get("telephone", "")
    return {
        "nom": line.get("nom", ""),
        "description": line.get("description", ""),
        "telephone": display.phone(number),
        "tel": links.tel(number),
    }


def contacts(data: dict[str, Any]) -> dict[str, list[dict[str, str | None]]]:
    """Phones, e-mails and web sites, each with its safe link (None: shown as text only)."""
    return {
        "telephones": [
            {"texte": display.phone(n), "href": links.tel(n)} for n in data.get("telephone") or []
        ],
        "courriels": [{"texte": a, "href": links.mailto(a)} for a in data.get("courriels") or []],
        "sites": [{"texte": u, "href": links.web(u)} for u in data.get("site_web") or []],
    }


def place_summary(index: SiteIndex, place: Record) -> dict[str, Any]:
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


def stop_view(index: SiteIndex, stop: dict[str, Any]) -> dict[str, Any]:
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


def place_view(index: SiteIndex, place: Record, edit_url: str | None) -> dict[str, Any]:
    data = place.data
    lat, lon = data.get("latitude"), data.get("longitude")
    closures = [
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


def commune_view(index: SiteIndex, commune: Commune) -> dict[str, Any]:
    code = commune.code_insee
    nearest = []
    for service in index.services:
        found = index.nearest(commune, service)
        if found is None:
            nearest.append({"service": service, "lieu": None})
            continue
        place = index.places_by_id[found.point.place_id]
        nearest.append(
            {
                "service": service,
                "lieu": {"nom": place.data.get("nom", place.id), "route": routes.place(place)},
                "commune": commune_ref(index, found.point.commune),
                "ici": found.point.commune == code,
                "permanence": found.point.permanence,
                "distance": display.km(found.km),
            }
        )
    return {
        "nom": commune.nom,
        "code_insee": code,
        "codes_postaux": list(commune.codes_postaux),
        "population": display.integer(commune.population),
        "annee_population": commune.annee_population,
        "lieux": [place_summary(index, p) for p in index.places_by_commune.get(code, [])],
        "permanences": [
            {"lieu": place_summary(index, place), **stop_view(index, stop)}
            for place, stop in index.permanences_by_commune.get(code, [])
        ],
        "plus_proches": nearest,
        "fragilite": {
            "iris": [
                {"nom": name, "score": round(score)} for name, score in index.iris_scores(code)
            ],
            **fragility_texts(index),
        },
        "parcours": pathway_links(index, for_commune=code),
    }


FRAGILITY_TEXTS = ("nom", "explication", "source", "millesime", "avertissement")


def fragility_texts(index: SiteIndex) -> dict[str, str]:
    """What territoire.yml says of the fragility index, every text present (empty when not
    given: `avertissement` is optional, and so is the whole index)."""
    info = index.territory.get("indice_fragilite") or {}
    return {key: info.get(key, "") for key in FRAGILITY_TEXTS}


def pathway_links(index: SiteIndex, for_commune: str | None = None) -> list[dict[str, Any]]:
    ordered = sorted(index.directory.pathways, key=lambda p: (p.data.get("ordre", 999), p.id))
    return [
        {
            "titre": p.data.get("titre", p.id),
            "resume": p.data.get("resume", ""),
            "pour": p.data.get("pour", ""),
            "route": routes.pathway(p),
            "commune": for_commune,
        }
        for p in ordered
    ]


def directory_view(index: SiteIndex) -> dict[str, Any]:
    """The filterable list of every place, by commune and by service."""
    cards = {p.id: place_summary(index, p) for p in index.places}
    by_commune = [
        {
            "commune": commune_ref(index, c.code_insee),
            "lieux": [cards[p.id] for p in index.places_by_commune[c.code_insee]],
        }
        for c in index.communes
        if index.places_by_commune.get(c.code_insee)
    ]
    by_service = [
        {"service": s, "lieux": [card for card in cards.values() if s in card["services"]]}
        for s in index.services
    ]
    publics = sorted({p for card in cards.values() for p in card["publics"]})
    return {
        "total": len(cards),
        "par_commune": by_commune,
        "par_service": by_service,
        "services": index.services,
        "communes": [commune_ref(index, c.code_insee) for c in index.communes],
        "publics": publics,
    }


def departements_view(index: SiteIndex) -> list[dict[str, Any]]:
    """One entry per département of the territory, by name, with its counts."""
    return [
        {
            "code": code,
            "nom": departement_name(index, code),
            "route": routes.departement(code),
            "lieux_route": routes.departement_places(index, code),
            "communes": len(communes),
            "lieux": sum(len(index.places_by_commune.get(c.code_insee, [])) for c in communes),
        }
        for code, communes in index.departements.items()
    ]


def departement_view(index: SiteIndex, code: str) -> dict[str, Any]:
    """A département's communes, A to Z, with their number of places (their pages list
    them), and the way to the list of its places."""
    communes = [
        {
            **commune_ref(index, c.code_insee),
            "lieux": len(index.places_by_commune.get(c.code_insee, [])),
        }
        for c in index.departements[code]
    ]
    return {
        "code": code,
        "nom": departement_name(index, code),
        "nombre": len(communes),
        "lettres": by_letter(communes),
        "lieux_route": routes.departement_places(index, code),
        "total_lieux": sum(c["lieux"] for c in communes),
    }


def places_listing(index: SiteIndex, code: str) -> list[tuple[str, dict[str, Any]]]:
    """The pages of a département's places, commune by commune, A to Z, as (src, view): one
    page, or, above routes.DIRECTORY_PLACES_MAX places, a page of letters and one page per letter
    (no page grows with the directory)."""
    groups = []
    for commune in index.departements[code]:
        places = index.places_by_commune.get(commune.code_insee, [])
        if places:
            groups.append(
                {
                    **commune_ref(index, commune.code_insee),
                    "lieux": [place_line(index, p) for p in places],
                }
            )
    letters = by_letter(groups)
    total = sum(len(g["lieux"]) for g in groups)
    base = routes.departement_places(index, code)
    name = departement_name(index, code)
    common = {
        "nom": name,
        "total": total,
        "communes_avec": len(groups),
        "communes_sans": len(index.departements[code]) - len(groups),
        "departement_route": routes.departement(code),
        "titre": "Tous les lieux" if base == routes.DIRECTORY else f"Les lieux : {name}",
    }
    if total <= routes.DIRECTORY_PLACES_MAX:
        return [(base, {**common, "lettres": letters, "pages": [], "retour": None})]
    pages = [
        {
            "lettre": g["lettre"],
            "route": routes.departement_letter(code, g["ancre"].removeprefix("lettre-")),
            "lieux": sum(len(c["lieux"]) for c in g["elements"]),
            "communes": len(g["elements"]),
        }
        for g in letters
    ]
    found = [(base, {**common, "lettres": [], "pages": pages, "retour": None})]
    for page, group in zip(pages, letters, strict=True):
        view = {
            **common,
            "titre": f"{common['titre']} : communes en {page['lettre']}",
            "total": page["lieux"],
            "communes_avec": page["communes"],
            "communes_sans": 0,
            "lettres": [group],
            "pages": [],
            "retour": {"route": base, "titre": common["titre"]},
        }
        found.append((page["route"], view))
    return found


def place_line(index: SiteIndex, place: Record) -> dict[str, Any]:
    """A place on one line: name, phone, cost."""
    card = place_summary(index, place)
    return {key: card[key] for key in ("nom", "route", "telephone", "gratuit", "frais", "exemple")}


def home_view(index: SiteIndex) -> dict[str, Any]:
    site = index.territory.get("site") or {}
    large = routes.split_by_departement(index)
    communes = [] if large else [commune_ref(index, c.code_insee) for c in index.communes]
    single = None
    if large and len(index.departements) == 1:
        # One département: its communes' letters lead straight into its list.
        (code,) = index.departements
        single = departement_view(index, code) | {"route": routes.departement(code)}
    return {
        "titre": site.get("titre", ""),
        "gestionnaire": site.get("gestionnaire", ""),
        "communes": communes,
        "lettres": by_letter(communes) if len(communes) > routes.LONG_LIST else [],
        "departements": departements_view(index) if large and not single else [],
        "departement": single,
        "parcours": pathway_links(index),
        "total_lieux": len(index.places),
        "recours": national_line(index),
    }
