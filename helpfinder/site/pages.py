"""Generate every page of the site from the directory: the "generate" step, in memory.

Each page is finished HTML plus an escaped title and a table of contents. The MkDocs hook
hands them to MkDocs as generated files; nothing here writes a file or imports MkDocs.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape

from helpfinder.site import assessment_views, contributor_views, mapdata, mapview, news, pathway_views, views

from helpfinder.analysis import coverage

from helpfinder.opendata import datainclusion, export
from helpfinder.data.matching import places_for
from helpfinder.data.records import Record
from helpfinder.site.render import environment, page_url, relative_url, render_page, table_of_contents
from helpfinder.analysis.index import SiteIndex

CONTRIBUTING_SRC = "contribuer.md"
DIRECTORY_SRC = views.DIRECTORY_SRC
# People search for places: a place page ranks above a page that only mentions its words.
PLACE_META = {"search": {"boost": 2}}


@dataclass(frozen=True)
class GeneratedPage:
    """One page: where it goes, its title (already HTML-escaped: MkDocs prints it raw)."""

    src: str
    title: str
    html: str
    toc: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


def generate_pages(index: SiteIndex, directory_urls: bool) -> list[GeneratedPage]:
    """All generated pages, in a stable order."""
    env = environment()
    common = {"recours": views.national_line(index), "contribuer": CONTRIBUTING_SRC}

    def page(
        template: str, src: str, title: str, meta: dict[str, Any] | None = None, **values: Any
    ) -> GeneratedPage:
        html = render_page(env, template, src, directory_urls, **common, **values)
        return GeneratedPage(src, str(escape(title)), html, table_of_contents(html), meta or {})

    home = views.home_view(index)
    pages = [page("home.html.j2", "index.md", "Accueil", v=home)]
    if views.split_by_departement(index):
        pages.extend(_departement_pages(page, index))
    else:
        directory_view = views.directory_view(index)
        pages.append(page("directory.html.j2", DIRECTORY_SRC, "Tous les lieux", v=directory_view))
    skeleton = mapview.commune_skeleton(index)
    for commune in index.communes:
        view = views.commune_view(index, commune)
        src = views.commune_src(index, commune.code_insee)
        root = relative_url("", page_url(src, directory_urls))
        view["carte"] = mapview.commune_map_view(
            index,
            commune.code_insee,
            root,
            lambda target: page_url(target, directory_urls),
            skeleton,
        )
        pages.append(page("commune.html.j2", src, commune.nom, v=view))
    for place in index.places:
        view = views.place_view(index, place, edit_url(index, place.file))
        title = view["nom"]
        pages.append(page("place.html.j2", views.place_src(place), title, PLACE_META, v=view))
    for pathway in index.directory.pathways:
        pages.extend(_pathway_pages(page, index, pathway))
    root = relative_url("", page_url(mapview.MAP_SRC, directory_urls))
    outlines = bool(index.directory.territory.outlines)
    map_page = mapview.map_view(index, root, outlines)
    pages.append(page("map.html.j2", mapview.MAP_SRC, "Carte", v=map_page))
    pages.append(
        page(
            "fields.html.j2",
            contributor_views.FIELDS_SRC,
            "Les champs d'une fiche",
            v=contributor_views.fields_view(index),
        )
    )
    to_check = contributor_views.to_check_view(index, lambda file: edit_url(index, file))
    pages.append(
        page(
            "to_check.html.j2",
            contributor_views.TO_CHECK_SRC,
            "Fiches à revérifier",
            contributor_views.OUT_OF_SEARCH,
            v=to_check,
        )
    )
    pages.extend(_assessment_pages(page, index))
    propose = contributor_views.proposer_view(index)
    pages.append(
        page(
            "proposer.html.j2",
            contributor_views.PROPOSE_SRC,
            "Proposer un lieu ou une correction",
            v=propose,
        )
    )
    news = contributor_views.news_view(index)
    pages.append(page("news.html.j2", contributor_views.NEWS_SRC, "Nouveautés", v=news))
    return pages


def generate_files(index: SiteIndex, directory_urls: bool) -> dict[str, str]:
    """The files of donnees/, by path in the site: the map's GeoJSON (each with a script twin),
    the open data (the national standard's CSV, GeoJSON, JSON, data·inclusion's JSON, a Data
    Package), the coverage CSV, the survey's files and the Atom feed of « Nouveautés »."""

    def url_of(src: str) -> str:
        return page_url(src, directory_urls)

    # Both files always exist (the open-data page links them); without outlines the
    # communes' file is an empty collection.
    files = {
        mapdata.PLACES_FILE: mapdata.dumps(mapdata.places_geojson(index, url_of)),
        mapdata.COMMUNES_FILE: mapdata.dumps(mapdata.communes_geojson(index, url_of)),
    }
    # The same data as scripts, for the offline copy (a browser refuses fetch() from disk).
    for path, content in list(files.items()):
        files[f"{path}.js"] = mapdata.as_script(path, content)
    # The vendored standard's schema, read once: its column order, and a copy to publish.
    schema_text = (index.directory.schemas["lieu"].path.parent / export.STANDARD_SCHEMA).read_text(
        encoding="utf-8"
    )
    table = export.standard_csv(index, export.standard_columns(schema_text))
    files[export.STANDARD_FILE] = table
    files[export.dated_file_name(index, index.today)] = table
    files[export.STANDARD_SCHEMA_COPY] = schema_text
    files[export.PLACES_GEOJSON] = mapdata.dumps(export.places_geojson(index))
    files[export.PATHWAYS_JSON] = mapdata.dumps(export.pathways_json(index))
    files[export.COMMUNES_CSV] = export.communes_csv(index)
    files[assessment_views.COVERAGE_CSV] = assessment_views.coverage_csv(
        index, coverage.commune_coverage(index)
    )
    for target, source in assessment_views.survey_files(index).items():
        files[target] = source.read_text(encoding="utf-8")
    feed_url = news.FEED_FILE
    files[news.FEED_FILE] = news.atom_feed(
        index,
        {p.id: relative_url(url_of(views.place_src(p)), feed_url) for p in index.places},
        relative_url(url_of(contributor_views.NEWS_SRC), feed_url),
    )
    owners, services = datainclusion.structures_and_services(index)
    files[datainclusion.STRUCTURES_FILE] = _json(owners)
    files[datainclusion.SERVICES_FILE] = _json(services)
    files[export.PACKAGE] = _json(export.datapackage(index))
    return files


def _json(value: Any) -> str:
    """Indented, key-sorted JSON: the same data gives the same bytes."""
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _departement_pages(page: Callable[..., GeneratedPage], index: SiteIndex) -> list[GeneratedPage]:
    """A large territory: one page per département (its communes, A to Z) and the places
    commune by commune, on « Tous les lieux » for one département, on one page per
    département (listed by « Tous les lieux ») for several."""
    pages = []
    if len(index.departements) > 1:
        listing = {"total": len(index.places), "departements": views.departements_view(index)}
        pages.append(page("departements.html.j2", DIRECTORY_SRC, "Tous les lieux", v=listing))
    for code in index.departements:
        view = views.departement_view(index, code)
        pages.append(page("departement.html.j2", views.departement_src(code), view["nom"], v=view))
        for src, places in views.places_listing(index, code):
            pages.append(page("places_by_commune.html.j2", src, places["titre"], v=places))
    return pages


def _assessment_pages(page: Callable[..., GeneratedPage], index: SiteIndex) -> list[GeneratedPage]:
    """« État des lieux »: its front page, the coverage, the priorities, the actors, the
    action plan's dashboard, the survey, the comptes rendus and the benchmark's fiches."""
    av = assessment_views
    found = coverage.commune_coverage(index)
    sections = [
        ("assessment", av.ASSESSMENT_SRC, "État des lieux", av.assessment_view(index, found)),
        (
            "coverage",
            av.COVERAGE_SRC,
            "La couverture du territoire",
            av.coverage_view(index, found),
        ),
        (
            "priorities",
            av.PRIORITIES_SRC,
            "Les priorités : où agir d'abord",
            av.priorities_view(index, found),
        ),
        ("actors", av.ACTORS_SRC, "Les acteurs : qui propose quoi, et où", av.actors_view(index)),
        ("plan", av.PLAN_SRC, "Le plan d'action", av.plan_view(index)),
        ("survey", av.SURVEY_SRC, "L'enquête auprès des habitants", av.survey_view(index)),
        (
            "minutes",
            av.MINUTES_SRC,
            "Les comptes rendus du comité des acteurs",
            av.minutes_view(index),
        ),
        (
            "benchmark",
            av.BENCHMARK_SRC,
            "Le benchmark : ce que font d'autres territoires",
            av.benchmark_view(index),
        ),
    ]
    documents = [(d, av.minute_src(d), "compte-rendu") for d in index.directory.minutes]
    documents += [(d, av.fiche_src(d), "fiche") for d in index.directory.fiches]
    return [
        *(page(f"{name}.html.j2", src, title, v=view) for name, src, title, view in sections),
        *(
            page("document.html.j2", src, d.data.get("titre", d.id), v=av.document_view(d, kind))
            for d, src, kind in documents
        ),
    ]


def _pathway_pages(
    page: Callable[..., GeneratedPage], index: SiteIndex, pathway: Record
) -> list[GeneratedPage]:
    """A pathway's start, one page per question and per outcome, the sheets, the tree."""
    start = pathway_views.start_view(index, pathway)
    pages = [page("pathway_start.html.j2", views.pathway_src(pathway), start["titre"], v=start)]
    for node_id, node in pathway_views.nodes(pathway).items():
        src = views.pathway_src(pathway, node_id)
        if node["type"] == "question":
            view = pathway_views.question_view(pathway, node)
            pages.append(page("pathway_question.html.j2", src, view["question"], v=view))
            continue
        found = places_for(node, index.places)  # computed once for the outcome and its sheet
        view = pathway_views.outcome_view(index, pathway, node, found)
        pages.append(page("pathway_outcome.html.j2", src, view["resultat"], v=view))
        sheet = pathway_views.sheet_view(index, pathway, node, found)
        sheet_title = f"Fiche d'orientation : {sheet['resultat']}"
        pages.append(
            page(
                "pathway_sheet.html.j2",
                pathway_views.sheet_src(pathway, node_id),
                sheet_title,
                v=sheet,
            )
        )
    tree = pathway_views.tree_view(pathway)
    title = f"Tout le parcours : {tree['titre']}"
    pages.append(page("pathway_tree.html.j2", pathway_views.tree_src(pathway), title, v=tree))
    return pages


def edit_url(index: SiteIndex, source_file: str) -> str | None:
    """The repository's web-editor address for `source_file`, when a repository is set."""
    site = index.territory.get("site") or {}
    repository = site.get("depot")
    if not repository:
        return None
    return f"{repository.rstrip('/')}/{site.get('modifier') or 'edit/main/'}{source_file}"
