"""Index the validated directory for the pages: slugs, places by commune, nearest services.

The "index" step of load -> validate -> index -> generate: everything here is computed once
per build from the records, so the page views only look things up.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from helpfinder.analysis.coverage import CommuneCoverage, commune_coverage
from helpfinder.core.nearest import Nearest, Point, PointGrid
from helpfinder.core.text import fold, slugify
from helpfinder.data.directory import Directory
from helpfinder.data.matching import places_for
from helpfinder.data.records import Record
from helpfinder.data.territory import Commune, departement_of

# The nine services of the national standard, in the standard's order (read from the schema
# so that a new version of the standard needs no code change).
SERVICES_FIELD = "services"
SCORE_COLUMN = "ifn_score_global_departement"  # the fragility index, base 100 = the département


@dataclass
class SiteIndex:
    """The directory, looked up the ways pages need it."""

    directory: Directory
    today: dt.date
    services: list[str]
    communes: list[Commune]
    commune_slugs: dict[str, str]
    places: list[Record]
    places_by_id: dict[str, Record]
    places_by_commune: dict[str, list[Record]] = field(default_factory=dict)
    permanences_by_commune: dict[str, list[tuple[Record, dict[str, Any]]]] = field(
        default_factory=dict
    )
    grids: dict[str, PointGrid] = field(default_factory=dict)
    departements: dict[str, list[Commune]] = field(default_factory=dict)
    # Every commune's nearest place for each service: the commune pages, the État des lieux,
    # the map and the coverage CSV share it (computed once, at the end of build_index).
    coverage: list[CommuneCoverage] = field(default_factory=list)
    # The places answering each pathway outcome, by (pathway id, outcome id): its page and
    # its orientation sheet list the same ones.
    outcome_places: dict[tuple[str, str], list[Record]] = field(default_factory=dict)

    @property
    def territory(self) -> dict[str, Any]:
        return self.directory.territory.info

    def commune(self, code: str) -> Commune | None:
        return self.directory.territory.communes.get(code)

    def position(self, place: Record) -> list[float] | None:
        """[latitude, longitude] of the place, or of its commune's centre when the record
        gives none (None when neither is known)."""
        return place_position(place, self.directory.territory.communes)

    def iris_scores(self, code: str) -> list[tuple[str, float]]:
        """(IRIS name, fragility score) of each IRIS of a commune that has a score."""
        rows = self.directory.territory.indicators.get(code, [])
        return [
            (r.get("iris_nom", ""), r[SCORE_COLUMN])
            for r in rows
            if r.get(SCORE_COLUMN) is not None
        ]

    def bounds(self) -> list[list[float]]:
        """[[south, west], [north, east]] around the communes' centres (France without any)."""
        lats = [c.latitude for c in self.communes] or [46.5]
        lons = [c.longitude for c in self.communes] or [2.5]
        return [[min(lats), min(lons)], [max(lats), max(lons)]]

    def nearest(self, commune: Commune, service: str) -> Nearest | None:
        grid = self.grids.get(service)
        return grid.nearest(commune.latitude, commune.longitude) if grid else None


def build_index(directory: Directory, today: dt.date) -> SiteIndex:
    """Sort, group and locate everything once."""
    communes = sorted(
        directory.territory.communes.values(), key=lambda c: (fold(c.nom), c.code_insee)
    )
    places = sorted(directory.places, key=lambda p: (fold(p.data.get("nom", "")), p.id))
    index = SiteIndex(
        directory=directory,
        today=today,
        services=_service_values(directory),
        communes=communes,
        commune_slugs=_commune_slugs(communes),
        places=places,
        places_by_id={place.id: place for place in places},
    )
    by_commune: dict[str, list[Record]] = defaultdict(list)
    permanences: dict[str, list[tuple[Record, dict[str, Any]]]] = defaultdict(list)
    points: dict[str, list[Point]] = defaultdict(list)
    for place in places:
        code = place.data.get("code_insee", "")
        by_commune[code].append(place)
        position = place_position(place, directory.territory.communes)
        located = Point(position[0], position[1], place.id, code) if position else None
        stops = place.data.get("permanences") or []
        for stop in stops:
            permanences[stop["commune"]].append((place, stop))
        for service in place.data.get(SERVICES_FIELD) or []:
            if located:
                points[service].append(located)
            for stop in stops:
                where = directory.territory.communes.get(stop["commune"])
                if where:
                    points[service].append(
                        Point(where.latitude, where.longitude, place.id, where.code_insee, True)
                    )
    for commune in communes:
        index.departements.setdefault(departement_of(commune.code_insee), []).append(commune)
    index.departements = dict(sorted(index.departements.items()))
    index.places_by_commune = dict(by_commune)
    index.permanences_by_commune = dict(permanences)
    index.grids = {service: PointGrid(found) for service, found in points.items()}
    index.coverage = commune_coverage(communes, index.services, index.nearest, index.iris_scores)
    index.outcome_places = {
        (pathway.id, outcome["id"]): places_for(outcome, places)
        for pathway in directory.pathways
        for outcome in pathway.data.get("resultats") or []
    }
    return index


def place_position(place: Record, communes: dict[str, Commune]) -> list[float] | None:
    """The place's coordinates, or its commune's centre when the record gives none."""
    lat, lon = place.data.get("latitude"), place.data.get("longitude")
    if lat is not None and lon is not None:
        return [lat, lon]
    commune = communes.get(place.data.get("code_insee", ""))
    return [commune.latitude, commune.longitude] if commune else None


def _service_values(directory: Directory) -> list[str]:
    spec = directory.schemas["lieu"].fields[SERVICES_FIELD]
    return list(spec.item.enum or []) if spec.item else []


def commune_slug(name: str) -> str:
    return slugify(name) or "commune"


def _commune_slugs(communes: list[Commune]) -> dict[str, str]:
    """One slug per commune; homonyms (there are many Saint-Martin) get their INSEE code."""
    counts: dict[str, int] = defaultdict(int)
    for commune in communes:
        counts[commune_slug(commune.nom)] += 1
    slugs = {}
    for commune in communes:
        slug = commune_slug(commune.nom)
        slugs[commune.code_insee] = slug if counts[slug] == 1 else f"{slug}-{commune.code_insee}"
    return slugs
