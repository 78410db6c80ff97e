"""The map's data as GeoJSON: places, itinerant stops, and communes shaded by fragility.

Written as files under `donnees/` that the map loads, never inlined in the page: the map
page stays small whatever the size of the directory.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypedDict

from helpfinder.analysis.index import SiteIndex
from helpfinder.core import display
from helpfinder.data.records import Record
from helpfinder.data.territory import Commune
from helpfinder.site import routes

COORDINATE_DIGITS = 5  # about 1 m: enough for a map, and smaller files
UrlOf = Callable[[str], str]  # the site-relative URL of a route


class Feature(TypedDict):
    type: str  # Feature
    geometry: dict[str, Any]
    properties: dict[str, Any]


class FeatureCollection(TypedDict):
    type: str  # FeatureCollection
    features: list[Feature]


class CommuneMapData(TypedDict):
    """What a commune's small map shows: places and permanences, and its outline."""

    places: FeatureCollection
    communes: FeatureCollection


class IrisScore(TypedDict):
    iris: str
    score: int


def places_geojson(index: SiteIndex, url_of: UrlOf) -> FeatureCollection:
    """Every place at its address, and every permanence at the centre of its commune.

    `url_of(src)` gives the site-relative URL of a page (it depends on use_directory_urls).
    """
    return _collection([f for place in index.places for f in _place_features(index, place, url_of)])


def _place_features(index: SiteIndex, place: Record, url_of: UrlOf) -> list[Feature]:
    data = place.data
    base = {
        "id": place.id,
        "nom": data.get("nom", place.id),
        "url": url_of(routes.place(place)),
        "services": data.get("services") or [],
        "telephone": display.phone((data.get("telephone") or [""])[0]),
    }
    features = []
    position = index.position(place)
    if position:
        commune = index.commune(data.get("code_insee", ""))
        properties = {**base, "type": "lieu", "commune": commune.nom if commune else ""}
        features.append(_point(position, properties))
    for stop in data.get("permanences") or []:
        where = index.commune(stop["commune"])
        if where:
            properties = {
                **base,
                "type": "permanence",
                "commune": where.nom,
                "a_commune": display.in_place(where.nom),  # « à Saint-Test », « aux Épreuves »
                "lieu": stop.get("lieu", ""),
                "frequence": stop.get("frequence", ""),
            }
            features.append(_point([where.latitude, where.longitude], properties))
    return features


def commune_geojson(index: SiteIndex, commune: Commune, url_of: UrlOf) -> CommuneMapData:
    """For a commune's small map: its places, the permanences held there, the nearest place
    for each service (what its page lists), and its outline: a few features, inlined."""
    code = commune.code_insee
    wanted = {p.id for p in index.places_by_commune.get(code, [])}
    wanted |= {p.id for p, _ in index.permanences_by_commune.get(code, [])}
    for service in index.services:
        found = index.nearest(commune, service)
        if found:
            wanted.add(found.point.place_id)
    places = [
        feature
        for place_id in sorted(wanted)
        for feature in _place_features(index, index.places_by_id[place_id], url_of)
        if feature["properties"]["type"] == "lieu"
        or feature["properties"]["commune"] == commune.nom
    ]
    return {
        "places": _collection(places),
        "communes": communes_geojson(index, url_of, only=commune),
    }


def _collection(features: list[Feature]) -> FeatureCollection:
    return {"type": "FeatureCollection", "features": features}


def communes_geojson(
    index: SiteIndex, url_of: UrlOf, only: Commune | None = None
) -> FeatureCollection:
    """Commune outlines with their fragility scores (every IRIS, and their plain mean) and
    the distance from their centre to the nearest place (`aide_km`, None: no place)."""
    help_km = {c.commune.code_insee: c.help_km for c in index.coverage}
    features: list[Feature] = []
    for commune in index.communes if only is None else [only]:
        outline = index.directory.territory.outlines.get(commune.code_insee)
        if not outline:
            continue
        scores: list[IrisScore] = [
            {"iris": name, "score": round(score)}
            for name, score in index.iris_scores(commune.code_insee)
        ]
        geometry = {"type": "MultiPolygon", "coordinates": _rounded(outline)}
        km = help_km.get(commune.code_insee)
        features.append(
            {
                "type": "Feature",
                "geometry": geometry,
                "properties": {
                    "code": commune.code_insee,
                    "nom": commune.nom,
                    "url": url_of(routes.commune(index, commune.code_insee)),
                    "scores": scores,
                    # A commune cut into several IRIS: the plain mean shades the commune;
                    # the popup gives each IRIS's own score.
                    "score": round(sum(s["score"] for s in scores) / len(scores))
                    if scores
                    else None,
                    "aide_km": None if km is None else round(km, 1),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def dumps(collection: object) -> str:
    """Compact, key-sorted JSON: the same data gives the same bytes."""
    return json.dumps(collection, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def as_script(path: str, content: str) -> str:
    """`content` (JSON) handed to window.helpfinderData under the file's name."""
    name = json.dumps(path.rsplit("/", 1)[-1])
    safe = content.replace("<", "\\u003c")
    start = "window.helpfinderData = window.helpfinderData || {};\n"
    return f"{start}window.helpfinderData[{name}] = {safe};\n"


def _point(position: list[float], properties: dict[str, Any]) -> Feature:
    lat, lon = position
    coordinates = [round(lon, COORDINATE_DIGITS), round(lat, COORDINATE_DIGITS)]
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": coordinates},
        "properties": properties,
    }


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, COORDINATE_DIGITS)
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value
