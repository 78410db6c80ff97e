"""The actors' inventory: how many places offer what, of which profile and programme, and
where; and what is missing. Counted from the records at build time."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from helpfinder.analysis.index import SiteIndex
from helpfinder.data.territory import Commune

PROFILES = {"mediation": "Médiation numérique", "aidant": "Aidant (premier accueil)"}


@dataclass(frozen=True)
class ServiceCount:
    service: str
    places: int  # places that offer it
    communes: int  # communes where it is offered: by a place there, or a permanence


@dataclass(frozen=True)
class CommuneCount:
    commune: Commune
    places: int
    permanences: int
    services: list[str]  # offered in the commune, in the index's order


def by_service(index: SiteIndex) -> list[ServiceCount]:
    counts = []
    for service in index.services:
        offering = [p for p in index.places if service in (p.data.get("services") or [])]
        communes = {p.data.get("code_insee") for p in offering}
        for place in offering:
            communes |= {s.get("commune") for s in place.data.get("permanences") or []}
        communes &= set(index.directory.territory.communes)
        counts.append(ServiceCount(service, len(offering), len(communes)))
    return counts


def by_profile(index: SiteIndex) -> list[tuple[str, int]]:
    counted = Counter(p.data.get("profil", "") for p in index.places)
    return [(label, counted.get(key, 0)) for key, label in PROFILES.items()]


def by_programme(index: SiteIndex) -> list[tuple[str, int]]:
    """Each national programme with its number of places, the most frequent first; places
    in none are counted under « Aucun »."""
    counted: Counter[str] = Counter()
    for place in index.places:
        programmes = place.data.get("dispositif_programmes_nationaux") or ["Aucun"]
        counted.update(programmes)
    return sorted(counted.items(), key=lambda item: (-item[1], item[0]))


def by_commune(index: SiteIndex) -> list[CommuneCount]:
    result = []
    for commune in index.communes:
        code = commune.code_insee
        places = index.places_by_commune.get(code, [])
        visiting = index.permanences_by_commune.get(code, [])
        offered = set()
        for place in [*places, *(visit[0] for visit in visiting)]:
            offered |= set(place.data.get("services") or [])
        services = [s for s in index.services if s in offered]
        result.append(CommuneCount(commune, len(places), len(visiting), services))
    return result


def missing_services(index: SiteIndex) -> list[str]:
    """The services of the national standard that no place offers."""
    return [count.service for count in by_service(index) if count.places == 0]


def communes_without_help(index: SiteIndex) -> list[Commune]:
    """Communes with neither a place nor a permanence."""
    return [c.commune for c in by_commune(index) if not c.places and not c.permanences]
