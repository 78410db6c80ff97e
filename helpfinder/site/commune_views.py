"""What the commune pages and the lists of communes and places show, as plain data for the
templates: the home page, « Tous les lieux », the départements of a large territory."""

from __future__ import annotations

from helpfinder.analysis.index import SiteIndex
from helpfinder.core import display
from helpfinder.data.territory import Commune
from helpfinder.site import routes
from helpfinder.site.commune_models import (
    CommuneCount,
    CommuneLines,
    CommunePlaces,
    CommuneView,
    DepartementEntry,
    DepartementView,
    DirectoryView,
    HomeDepartement,
    HomeView,
    LetterPage,
    ListingHead,
    MapScript,
    NearestRow,
    PlacesListingView,
    ServicePlaces,
)
from helpfinder.site.place_views import place_line, place_summary, stop_view
from helpfinder.site.views import (
    by_letter,
    commune_link,
    commune_ref,
    departement_name,
    fragility_texts,
    national_line,
    pathway_links,
)


def commune_view(index: SiteIndex, commune: Commune, carte: MapScript) -> CommuneView:
    """A commune's page; `carte` is its small map (`mapview.commune_map_view`)."""
    code = commune.code_insee
    nearest: list[NearestRow] = []
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
        "carte": carte,
    }


def directory_view(index: SiteIndex) -> DirectoryView:
    """The filterable list of every place, by commune and by service."""
    cards = {p.id: place_summary(index, p) for p in index.places}
    by_commune: list[CommunePlaces] = [
        {
            "commune": commune_link(index, c),
            "lieux": [cards[p.id] for p in index.places_by_commune[c.code_insee]],
        }
        for c in index.communes
        if index.places_by_commune.get(c.code_insee)
    ]
    by_service: list[ServicePlaces] = [
        {"service": s, "lieux": [card for card in cards.values() if s in card["services"]]}
        for s in index.services
    ]
    publics = sorted({p for card in cards.values() for p in card["publics"]})
    return {
        "total": len(cards),
        "par_commune": by_commune,
        "par_service": by_service,
        "services": index.services,
        "communes": [commune_link(index, c) for c in index.communes],
        "publics": publics,
    }


def departements_view(index: SiteIndex) -> list[DepartementEntry]:
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


def departement_view(index: SiteIndex, code: str) -> DepartementView:
    """A département's communes, A to Z, with their number of places (their pages list
    them), and the way to the list of its places."""
    communes: list[CommuneCount] = [
        {
            **commune_link(index, c),
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


def places_listing(index: SiteIndex, code: str) -> list[tuple[str, PlacesListingView]]:
    """The pages of a département's places, commune by commune, A to Z, as (src, view): one
    page, or, above routes.DIRECTORY_PLACES_MAX places, a page of letters and one page per letter
    (no page grows with the directory)."""
    groups: list[CommuneLines] = []
    for commune in index.departements[code]:
        places = index.places_by_commune.get(commune.code_insee, [])
        if places:
            groups.append(
                {
                    **commune_link(index, commune),
                    "lieux": [place_line(index, p) for p in places],
                }
            )
    letters = by_letter(groups)
    total = sum(len(g["lieux"]) for g in groups)
    base = routes.departement_places(index, code)
    name = departement_name(index, code)
    common: ListingHead = {
        "nom": name,
        "total": total,
        "communes_avec": len(groups),
        "communes_sans": len(index.departements[code]) - len(groups),
        "departement_route": routes.departement(code),
        "titre": "Tous les lieux" if base == routes.DIRECTORY else f"Les lieux : {name}",
    }
    if total <= routes.DIRECTORY_PLACES_MAX:
        return [(base, {**common, "lettres": letters, "pages": [], "retour": None})]
    pages: list[LetterPage] = [
        {
            "lettre": g["lettre"],
            "route": routes.departement_letter(code, g["ancre"].removeprefix("lettre-")),
            "lieux": sum(len(c["lieux"]) for c in g["elements"]),
            "communes": len(g["elements"]),
        }
        for g in letters
    ]
    found: list[tuple[str, PlacesListingView]] = [
        (base, {**common, "lettres": [], "pages": pages, "retour": None})
    ]
    for page, group in zip(pages, letters, strict=True):
        view: PlacesListingView = {
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


def home_view(index: SiteIndex) -> HomeView:
    site = index.territory.get("site") or {}
    large = routes.split_by_departement(index)
    communes = [] if large else [commune_link(index, c) for c in index.communes]
    single: HomeDepartement | None = None
    if large and len(index.departements) == 1:
        # One département: its communes' letters lead straight into its list.
        (code,) = index.departements
        single = {**departement_view(index, code), "route": routes.departement(code)}
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
