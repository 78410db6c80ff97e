"""The files of the site made from data/, besides its pages: the map's data, the open data,
the coverage table, the survey's files and the feed of « Nouveautés ». Each producer takes
the index and the URL of a route, and gives file contents by their path in the site."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from helpfinder.analysis.index import SiteIndex
from helpfinder.opendata import datainclusion, export
from helpfinder.site import coverage_views, mapdata, news, routes

UrlOf = Callable[[str], str]  # the site-relative URL of a route
Producer = Callable[[SiteIndex, UrlOf], dict[str, str]]


def map_data(index: SiteIndex, url_of: UrlOf) -> dict[str, str]:
    """The map's GeoJSON, each with a script twin for the offline copy (a browser refuses
    fetch() from disk). Both exist always (the open-data page links them); without
    outlines the communes' file is an empty collection."""
    files = {
        routes.MAP_PLACES_FILE: mapdata.dumps(mapdata.places_geojson(index, url_of)),
        routes.MAP_COMMUNES_FILE: mapdata.dumps(mapdata.communes_geojson(index, url_of)),
    }
    return files | {f"{path}.js": mapdata.as_script(path, text) for path, text in files.items()}


def open_data(index: SiteIndex, url_of: UrlOf) -> dict[str, str]:
    """The national standard's CSV (also under its dated name), its schema, the places as
    GeoJSON, the pathways, the communes, and data·inclusion's structures and services."""
    schema_text = index.directory.standard_schema
    table = export.standard_csv(index, export.standard_columns(schema_text))
    owners, services = datainclusion.structures_and_services(index)
    return {
        export.STANDARD_FILE: table,
        export.dated_file_name(index, index.today): table,
        export.STANDARD_SCHEMA_COPY: schema_text,
        export.PLACES_GEOJSON: mapdata.dumps(export.places_geojson(index)),
        export.PATHWAYS_JSON: mapdata.dumps(export.pathways_json(index)),
        export.COMMUNES_CSV: export.communes_csv(index),
        datainclusion.STRUCTURES_FILE: as_json(owners),
        datainclusion.SERVICES_FILE: as_json(services),
    }


def coverage_table(index: SiteIndex, url_of: UrlOf) -> dict[str, str]:
    return {routes.COVERAGE_CSV: coverage_views.coverage_csv(index)}


def survey(index: SiteIndex, url_of: UrlOf) -> dict[str, str]:
    """The survey's files the territory has, as they are."""
    return {routes.survey_file(name): text for name, text in index.directory.survey_files.items()}


def feed(index: SiteIndex, url_of: UrlOf) -> dict[str, str]:
    """The Atom feed of « Nouveautés », its links relative to the feed itself."""
    here = routes.FEED_FILE
    places = {p.id: routes.relative_url(url_of(routes.place(p)), here) for p in index.places}
    return {here: news.atom_feed(index, places, routes.relative_url(url_of(routes.NEWS), here))}


def data_package(index: SiteIndex, url_of: UrlOf) -> dict[str, str]:
    """The Frictionless Data Package that describes the open data."""
    return {export.PACKAGE: as_json(export.datapackage(index))}


def as_json(value: Any) -> str:
    """Indented, key-sorted JSON: the same data gives the same bytes."""
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
