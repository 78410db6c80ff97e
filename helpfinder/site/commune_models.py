"""The shapes of what the commune pages and the lists of communes and places hand the
templates: the home page, « Tous les lieux », the départements of a large territory."""

from __future__ import annotations

from typing import NotRequired, TypedDict

from helpfinder.site.models import (
    CommuneRef,
    FragilityTexts,
    LetterGroup,
    NationalLine,
    PathwayLink,
    PlaceLine,
    PlaceSummary,
    VisitingStop,
)


class PlaceName(TypedDict):
    nom: str
    route: str


class NearestRow(TypedDict):
    """The nearest place for a service, seen from a commune (`lieu` None: none at all; the
    other keys come only with a place)."""

    service: str
    lieu: PlaceName | None
    commune: NotRequired[CommuneRef | None]
    ici: NotRequired[bool]
    permanence: NotRequired[bool]
    distance: NotRequired[str]


class IrisScore(TypedDict):
    nom: str
    score: int


class CommuneFragility(FragilityTexts):
    iris: list[IrisScore]


class MapScript(TypedDict):
    """A small map: folium's script and the start call of ours."""

    script: str


class CommuneView(TypedDict):
    nom: str
    code_insee: str
    codes_postaux: list[str]
    population: str
    annee_population: int
    lieux: list[PlaceSummary]
    permanences: list[VisitingStop]
    plus_proches: list[NearestRow]
    fragilite: CommuneFragility
    parcours: list[PathwayLink]
    carte: MapScript


class CommunePlaces(TypedDict):
    commune: CommuneRef
    lieux: list[PlaceSummary]


class ServicePlaces(TypedDict):
    service: str
    lieux: list[PlaceSummary]


class DirectoryView(TypedDict):
    """« Tous les lieux » as one filterable list."""

    total: int
    par_commune: list[CommunePlaces]
    par_service: list[ServicePlaces]
    services: list[str]
    communes: list[CommuneRef]
    publics: list[str]


class DepartementEntry(TypedDict):
    code: str
    nom: str
    route: str
    lieux_route: str
    communes: int
    lieux: int


class DepartementsView(TypedDict):
    total: int
    departements: list[DepartementEntry]


class CommuneCount(CommuneRef):
    lieux: int


class DepartementView(TypedDict):
    code: str
    nom: str
    nombre: int
    lettres: list[LetterGroup[CommuneCount]]
    lieux_route: str
    total_lieux: int


class HomeDepartement(DepartementView):
    route: str


class HomeView(TypedDict):
    titre: str
    gestionnaire: str
    communes: list[CommuneRef]
    lettres: list[LetterGroup[CommuneRef]]
    departements: list[DepartementEntry]
    departement: HomeDepartement | None
    parcours: list[PathwayLink]
    total_lieux: int
    recours: NationalLine


class CommuneLines(CommuneRef):
    lieux: list[PlaceLine]


class LetterPage(TypedDict):
    lettre: str
    route: str
    lieux: int
    communes: int


class Back(TypedDict):
    route: str
    titre: str


class ListingHead(TypedDict):
    nom: str
    total: int
    communes_avec: int
    communes_sans: int
    departement_route: str
    titre: str


class PlacesListingView(ListingHead):
    """A département's places, commune by commune: all, a page of letters, or one letter."""

    lettres: list[LetterGroup[CommuneLines]]
    pages: list[LetterPage]
    retour: Back | None
