"""Every page and every file of the site, declared in one list: its route, its view, its
template. Adding a page type is one entry here, plus its view and its template.

This is the "generate" step, in memory: everything it needs was read while loading
`data/`, so nothing here opens a file, and nothing knows the site generator (`hooks/`
hands the pages to it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from helpfinder.analysis.index import SiteIndex
from helpfinder.data.records import Record
from helpfinder.site import (
    commune_views,
    contributor_views,
    coverage_views,
    document_views,
    mapview,
    pathway_views,
    place_views,
    plan_views,
    routes,
    sitefiles,
    survey_views,
    views,
)
from helpfinder.site.commune_models import DepartementsView
from helpfinder.site.page import Page, SearchHints, headings_of
from helpfinder.site.pageviews import View
from helpfinder.site.render import environment, render_page
from helpfinder.site.views import edit_url

# People search for places: a place page ranks above a page that only mentions its words.
PLACE_SEARCH = SearchHints(boost=2)
# A page for the people who keep the directory up, not an answer for residents.
OUT_OF_SEARCH = SearchHints(exclude=True)


@dataclass(frozen=True)
class Site:
    """What the views of a build share: the index, and the URL style of this copy of the site
    (`directory_urls`: `lieux/x/` on a server, `lieux/x.html` for the copy read from disk)."""

    index: SiteIndex
    directory_urls: bool

    def url(self, route: str) -> str:
        return routes.page_url(route, self.directory_urls)

    def root_from(self, route: str) -> str:
        """The way from the page at `route` to the site's root."""
        return routes.relative_url("", self.url(route))


@dataclass(frozen=True)
class Entry:
    """One page of a page type: where it goes, its title (plain text), what it shows."""

    route: str
    title: str
    view: View


@dataclass(frozen=True)
class PageType:
    template: str
    entries: Callable[[Site], Iterator[Entry]]
    search: SearchHints = field(default_factory=SearchHints)


def one(
    route: str, title: str, view: Callable[[SiteIndex], View]
) -> Callable[[Site], Iterator[Entry]]:
    """The entries of a page type with a single page."""

    def entries(site: Site) -> Iterator[Entry]:
        yield Entry(route, title, view(site.index))

    return entries


def _home(site: Site) -> Iterator[Entry]:
    yield Entry(routes.HOME, "Accueil", commune_views.home_view(site.index))


def _directory(site: Site) -> Iterator[Entry]:
    """« Tous les lieux » as one filterable list, for a territory small enough."""
    if not routes.split_by_departement(site.index):
        yield Entry(routes.DIRECTORY, "Tous les lieux", commune_views.directory_view(site.index))


def _departements(site: Site) -> Iterator[Entry]:
    """A large territory of several départements: « Tous les lieux » lists them."""
    index = site.index
    if routes.split_by_departement(index) and len(index.departements) > 1:
        listing: DepartementsView = {
            "total": len(index.places),
            "departements": commune_views.departements_view(index),
        }
        yield Entry(routes.DIRECTORY, "Tous les lieux", listing)


def _departement(site: Site) -> Iterator[Entry]:
    """A large territory: one page per département (its communes, A to Z), then its places
    commune by commune (one page, or one per letter)."""
    if routes.split_by_departement(site.index):
        for code in site.index.departements:
            view = commune_views.departement_view(site.index, code)
            yield Entry(routes.departement(code), view["nom"], view)


def _places_by_commune(site: Site) -> Iterator[Entry]:
    if routes.split_by_departement(site.index):
        for code in site.index.departements:
            for route, view in commune_views.places_listing(site.index, code):
                yield Entry(route, view["titre"], view)


def _communes(site: Site) -> Iterator[Entry]:
    index = site.index
    skeleton = mapview.commune_skeleton(index)  # folium's part, shared by every commune map
    for commune in index.communes:
        route = routes.commune(index, commune.code_insee)
        carte = mapview.commune_map_view(index, commune, site.root_from(route), site.url, skeleton)
        yield Entry(route, commune.nom, commune_views.commune_view(index, commune, carte))


def _places(site: Site) -> Iterator[Entry]:
    for place in site.index.places:
        view = place_views.place_view(site.index, place, edit_url(site.index, place.file))
        yield Entry(routes.place(place), view["nom"], view)


def _pathway_starts(site: Site) -> Iterator[Entry]:
    for pathway in site.index.directory.pathways:
        view = pathway_views.start_view(site.index, pathway)
        yield Entry(routes.pathway(pathway), view["titre"], view)


def _questions(site: Site) -> Iterator[Entry]:
    for pathway, node_id, node in _nodes(site, "question"):
        view = pathway_views.question_view(pathway, node)
        yield Entry(routes.pathway(pathway, node_id), view["question"], view)


def _outcomes(site: Site) -> Iterator[Entry]:
    for pathway, node_id, node in _nodes(site, "resultat"):
        view = pathway_views.outcome_view(
            site.index, pathway, node, site.index.outcome_places[pathway.id, node_id]
        )
        yield Entry(routes.pathway(pathway, node_id), view["resultat"], view)


def _sheets(site: Site) -> Iterator[Entry]:
    for pathway, node_id, node in _nodes(site, "resultat"):
        view = pathway_views.sheet_view(
            site.index, pathway, node, site.index.outcome_places[pathway.id, node_id]
        )
        title = f"Fiche d'orientation : {view['resultat']}"
        yield Entry(routes.sheet(pathway, node_id), title, view)


def _trees(site: Site) -> Iterator[Entry]:
    for pathway in site.index.directory.pathways:
        view = pathway_views.tree_view(pathway)
        yield Entry(routes.tree(pathway), f"Tout le parcours : {view['titre']}", view)


def _nodes(site: Site, kind: str) -> Iterator[tuple[Record, str, dict[str, Any]]]:
    for pathway in site.index.directory.pathways:
        for node_id, node in pathway_views.nodes(pathway).items():
            if node["type"] == kind:
                yield pathway, node_id, node


def _map(site: Site) -> Iterator[Entry]:
    index = site.index
    outlines = bool(index.directory.territory.outlines)
    yield Entry(routes.MAP, "Carte", mapview.map_view(index, site.root_from(routes.MAP), outlines))


def _to_check(site: Site) -> Iterator[Entry]:
    view = contributor_views.to_check_view(site.index, lambda file: edit_url(site.index, file))
    yield Entry(routes.TO_CHECK, "Fiches à revérifier", view)


def _documents(site: Site) -> Iterator[Entry]:
    """The comptes rendus of the comité and the benchmark's fiches, one page each."""
    directory = site.index.directory
    found = [(d, routes.minute(d), "compte-rendu") for d in directory.minutes]
    found += [(d, routes.fiche(d), "fiche") for d in directory.fiches]
    for document, route, kind in found:
        view = document_views.document_view(document, kind)
        yield Entry(route, document.data.get("titre", document.id), view)


# Every page of the site, in the order they are handed to the site generator.
PAGE_TYPES: tuple[PageType, ...] = (
    PageType("home.html.j2", _home),
    PageType("directory.html.j2", _directory),
    PageType("departements.html.j2", _departements),
    PageType("departement.html.j2", _departement),
    PageType("places_by_commune.html.j2", _places_by_commune),
    PageType("commune.html.j2", _communes),
    PageType("place.html.j2", _places, PLACE_SEARCH),
    PageType("pathway_start.html.j2", _pathway_starts),
    PageType("pathway_question.html.j2", _questions),
    PageType("pathway_outcome.html.j2", _outcomes),
    PageType("pathway_sheet.html.j2", _sheets),
    PageType("pathway_tree.html.j2", _trees),
    PageType("map.html.j2", _map),
    PageType(
        "fields.html.j2",
        one(routes.FIELDS, "Les champs d'une fiche", contributor_views.fields_view),
    ),
    PageType("to_check.html.j2", _to_check, OUT_OF_SEARCH),
    PageType(
        "assessment.html.j2",
        one(routes.ASSESSMENT, "État des lieux", coverage_views.assessment_view),
    ),
    PageType(
        "coverage.html.j2",
        one(routes.COVERAGE, "La couverture du territoire", coverage_views.coverage_view),
    ),
    PageType(
        "priorities.html.j2",
        one(routes.PRIORITIES, "Les priorités : où agir d'abord", coverage_views.priorities_view),
    ),
    PageType(
        "actors.html.j2",
        one(routes.ACTORS, "Les acteurs : qui propose quoi, et où", coverage_views.actors_view),
    ),
    PageType("plan.html.j2", one(routes.PLAN, "Le plan d'action", plan_views.plan_view)),
    PageType(
        "survey.html.j2",
        one(routes.SURVEY, "L'enquête auprès des habitants", survey_views.survey_view),
    ),
    PageType(
        "minutes.html.j2",
        one(
            routes.MINUTES, "Les comptes rendus du comité des acteurs", document_views.minutes_view
        ),
    ),
    PageType(
        "benchmark.html.j2",
        one(
            routes.BENCHMARK,
            "Le benchmark : ce que font d'autres territoires",
            document_views.benchmark_view,
        ),
    ),
    PageType("document.html.j2", _documents),
    PageType(
        "proposer.html.j2",
        one(routes.PROPOSE, "Proposer un lieu ou une correction", contributor_views.proposer_view),
    ),
    PageType("news.html.j2", one(routes.NEWS, "Nouveautés", contributor_views.news_view)),
)


def generate_pages(index: SiteIndex, directory_urls: bool) -> list[Page]:
    """Every page of the declared list, in a stable order."""
    site = Site(index, directory_urls)
    env = environment()
    common = {"recours": views.national_line(index)}
    pages = []
    for page_type in PAGE_TYPES:
        for entry in page_type.entries(site):
            html = render_page(
                env, page_type.template, entry.route, directory_urls, **common, v=entry.view
            )
            pages.append(Page(entry.route, entry.title, html, headings_of(html), page_type.search))
    return pages


# Every file of the site made from data/, besides the pages.
FILES: tuple[sitefiles.Producer, ...] = (
    sitefiles.map_data,
    sitefiles.open_data,
    sitefiles.coverage_table,
    sitefiles.survey,
    sitefiles.feed,
    sitefiles.data_package,
)


def generate_files(index: SiteIndex, directory_urls: bool) -> dict[str, str]:
    """Every file of the declared list, by its path in the site."""
    site = Site(index, directory_urls)
    files: dict[str, str] = {}
    for produce in FILES:
        files.update(produce(index, site.url))
    return files
