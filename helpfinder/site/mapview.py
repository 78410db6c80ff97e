"""The map's Leaflet set-up, written by folium, with no CDN and stable element names.

folium writes the map and its tile layer. What folium would add on top is left out: its
header pulls Leaflet, jQuery, Bootstrap 3 and 5, Font Awesome and awesome-markers from five
CDNs (the page loads our vendored Leaflet instead), and its way of loading an external
GeoJSON file is a synchronous jQuery request. The data is loaded by `assets/carte.js`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, NotRequired, TypedDict

import folium
from markupsafe import escape

from helpfinder.analysis.coverage import BANDS_KM, FAR_KM
from helpfinder.analysis.index import SiteIndex
from helpfinder.data.territory import Commune
from helpfinder.site import routes
from helpfinder.site.commune_models import MapScript
from helpfinder.site.mapdata import commune_geojson
from helpfinder.site.models import FragilityTexts
from helpfinder.site.views import fragility_texts

DEFAULT_TILES = {
    "tuiles": "https://{s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png",
    "attribution": "© les contributeurs d'OpenStreetMap, fond OpenStreetMap France",
    "attribution_lien": "https://www.openstreetmap.org/copyright",
    "zoom_max": 20,
}
_SCRIPT = re.compile(r"</body>\s*<script>(.*)</script>\s*</html>", re.S)


def tile_settings(territory: dict[str, Any]) -> dict[str, Any]:
    """The tile provider of `territoire.yml` (`carte`), or OpenStreetMap France."""
    given = territory.get("carte") or {}
    return {**DEFAULT_TILES, **{k: v for k, v in given.items() if v not in (None, "")}}


def tile_hosts(settings: dict[str, Any]) -> list[str]:
    """The hosts the map's tiles come from (`{s}` stands for a, b and c)."""
    host = re.sub(r"^https?://", "", settings["tuiles"]).split("/")[0]
    return sorted({host.replace("{s}", s) for s in "abc"})


def map_script(
    name: str, center: list[float], zoom: int, settings: dict[str, Any], options: dict[str, Any]
) -> str:
    """The JavaScript that creates map `map_<name>` in the element of that id and hands it,
    with its tile layer, to `helpfinderMap.start` with `options`."""
    return folium_skeleton(name, center, zoom, settings) + start_call(name, options)


def folium_skeleton(name: str, center: list[float], zoom: int, settings: dict[str, Any]) -> str:
    """folium's script for the map and its tiles (the costly part: the same for every commune
    page, whose map then fits its own `bounds`)."""
    attribution = str(escape(settings["attribution"]))
    if settings.get("attribution_lien"):
        link = escape(settings["attribution_lien"])
        attribution = f'<a href="{link}">{attribution}</a>'
    figure_map = folium.Map(
        location=center,
        zoom_start=zoom,
        tiles=None,
        max_zoom=settings["zoom_max"],
        control_scale=True,
    )
    figure_map._id = name  # folium draws random ids: fixed ones give the same bytes each build
    tiles = folium.TileLayer(
        tiles=settings["tuiles"],
        attr=attribution,
        name="Fond de carte",
        max_zoom=settings["zoom_max"],
        overlay=False,
        control=False,
    )
    tiles._id = name
    tiles.add_to(figure_map)
    found = _SCRIPT.search(figure_map.get_root().render())
    if found is None:
        raise RuntimeError("folium's page layout changed: no map script found")
    return found.group(1).strip() + "\n"


def start_call(name: str, options: dict[str, Any]) -> str:
    """Hand map `map_<name>` and its tile layer (the names folium gives) to our script."""
    handed = json.dumps(options, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f"helpfinderMap.start(map_{name}, tile_layer_{name}, {handed});\n"


class MapClass(TypedDict):
    """A class of the map's shading and of its legend: up to `max` (None: no limit)."""

    max: int | None
    color: str
    label: str


class MapItem(TypedDict):
    """A place in the list under the map; a permanence says where it is held (`lieu`)."""

    nom: str
    route: str
    services: list[str]
    permanence: bool
    lieu: NotRequired[str]


class MapCommune(TypedDict):
    code: str
    nom: str
    lieux: list[MapItem]


class MapView(TypedDict):
    script: str
    services: list[str]
    liste: list[MapCommune]
    classes: list[MapClass]
    distances: list[MapClass] | None  # None: no commune outlines
    fragilite: FragilityTexts | None  # None: no outlines or no fragility index
    attribution: str


# Classes of the fragility index (100 = the mean): the legend and the map share them.
FRAGILITY_CLASSES: list[MapClass] = [
    {"max": 90, "color": "#ffffcc", "label": "moins de 90 : moins fragile que la moyenne"},
    {"max": 100, "color": "#fed976", "label": "de 90 à 99"},
    {"max": 110, "color": "#fd8d3c", "label": "de 100 à 109"},
    {"max": 120, "color": "#e31a1c", "label": "de 110 à 119"},
    {"max": None, "color": "#800026", "label": "120 et plus : bien plus fragile que la moyenne"},
]
# Classes of the distance to the nearest place: the coverage's bands, then the white zone.
_BAND_COLORS = ("#edf8e9", "#a1d99b", "#31a354")
DISTANCE_CLASSES: list[MapClass] = [
    MapClass(
        max=km,
        color=color,
        label=f"de {previous} à {km} km" if previous else f"{km} km ou moins",
    )
    for previous, km, color in zip((0, *BANDS_KM), BANDS_KM, _BAND_COLORS, strict=False)
] + [
    {
        "max": None,
        "color": "#54278f",
        "label": f"plus de {FAR_KM:g} km, ou aucun lieu : zone blanche",
    }
]


def map_view(index: SiteIndex, root: str, has_outlines: bool) -> MapView:
    """The map page: folium's script, the legend, and the same places as a list.

    `root` is the way from the map page to the site's root.
    """
    settings = tile_settings(index.territory)
    communes = index.communes
    options = {
        "root": root,
        "places": root + routes.MAP_PLACES_FILE,
        "communes": root + routes.MAP_COMMUNES_FILE if has_outlines else None,
        "classes": FRAGILITY_CLASSES,
        "distances": DISTANCE_CLASSES,
        "bounds": index.bounds(),
    }
    listing: list[MapCommune] = []
    if len(index.places) <= routes.MAP_PLACES_MAX:
        for commune in communes:
            code = commune.code_insee
            items: list[MapItem] = [
                {
                    "nom": p.data.get("nom", p.id),
                    "route": routes.place(p),
                    "services": p.data.get("services") or [],
                    "permanence": False,
                }
                for p in index.places_by_commune.get(code, [])
            ]
            items += [
                {
                    "nom": p.data.get("nom", p.id),
                    "route": routes.place(p),
                    "services": p.data.get("services") or [],
                    "permanence": True,
                    "lieu": stop.get("lieu", ""),
                }
                for p, stop in index.permanences_by_commune.get(code, [])
            ]
            if items:
                listing.append({"code": code, "nom": commune.nom, "lieux": items})
    return {
        "script": map_script("carte", territory_center(index), 10, settings, options),
        "services": index.services,
        "liste": listing,
        "classes": FRAGILITY_CLASSES,
        "distances": DISTANCE_CLASSES if has_outlines else None,
        "fragilite": fragility_texts(index)
        if has_outlines and index.directory.territory.indicators
        else None,
        "attribution": settings["attribution"],
    }


def commune_map_view(
    index: SiteIndex, commune: Commune, root: str, page_url: Callable[[str], str], skeleton: str
) -> MapScript:
    """A small map of one commune: what its page lists, inlined (a few features), so that
    no commune page downloads the whole directory. `skeleton` is folium's part, shared."""
    data = commune_geojson(index, commune, page_url)
    options = {
        "root": root,
        "places": data["places"],
        "communes": data["communes"] if data["communes"]["features"] else None,
        "classes": FRAGILITY_CLASSES,
        "focus": commune.code_insee,
        "bounds": [
            [commune.latitude - 0.03, commune.longitude - 0.045],
            [commune.latitude + 0.03, commune.longitude + 0.045],
        ],
    }
    return {"script": skeleton + start_call("commune", options)}


def commune_skeleton(index: SiteIndex) -> str:
    """folium's script shared by every commune page's small map."""
    return folium_skeleton("commune", territory_center(index), 13, tile_settings(index.territory))


def territory_center(index: SiteIndex) -> list[float]:
    (south, west), (north, east) = index.bounds()
    return [(south + north) / 2, (west + east) / 2]
