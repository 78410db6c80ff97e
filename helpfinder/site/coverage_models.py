"""The shapes of what the « État des lieux » figures hand the templates: the front page, the
coverage, the priorities and their chart, the actors."""

from __future__ import annotations

from typing import TypedDict

from helpfinder.site.models import CommuneRef

# --- coverage, priorities, actors, front page


class KmCell(TypedDict):
    """A distance in a table: as shown, its sort key, beyond the far limit, a permanence."""

    texte: str
    tri: float
    loin: bool
    permanence: bool


class ShareCell(TypedDict):
    texte: str
    tri: float


class ServiceShares(TypedDict):
    service: str
    parts: list[ShareCell]  # one per distance band


class WhiteZoneCommune(TypedDict):
    commune: CommuneRef
    km: str


class WhiteZone(TypedDict):
    service: str
    nulle_part: bool
    communes: list[WhiteZoneCommune]


class ServiceName(TypedDict):
    court: str
    nom: str


class CoverageRow(TypedDict):
    commune: CommuneRef
    population: str
    population_tri: int
    distances: list[KmCell]


class CoverageView(TypedDict):
    bandes: list[int]
    loin_km: int
    parts: list[ServiceShares]
    zones_blanches: list[WhiteZone]
    services: list[ServiceName]
    lignes: list[CoverageRow]
    tronque: bool
    total: int
    csv: str


class ScatterPoint(TypedDict):
    x: float
    y: float
    nom: str
    rang: int
    etiquette: bool


class XTick(TypedDict):
    x: float
    texte: str


class YTick(TypedDict):
    y: float
    texte: str


class Scatter(TypedDict):
    """The priorities' chart in SVG units."""

    largeur: int
    hauteur: int
    marge: int
    points: list[ScatterPoint]
    axe_x: list[XTick]
    axe_y: list[YTick]


class PriorityRow(TypedDict):
    rang: int
    commune: CommuneRef
    population: str
    population_tri: int
    fragilite: str
    fragilite_tri: float
    rang_fragilite: int
    aide: KmCell
    rang_distance: int
    loin: int  # services beyond the near limit


class FragilityIndex(TypedDict):
    nom: str
    source: str
    millesime: str


class PrioritiesView(TypedDict):
    lignes: list[PriorityRow]
    tronque: bool
    total: int
    sans_indice: list[CommuneRef]
    proche_km: int
    indice: FragilityIndex
    graphique: Scatter | None
    csv: str


class ServiceActors(TypedDict):
    service: str
    lieux: int
    communes: int


class CommuneActors(TypedDict):
    commune: CommuneRef
    lieux: int
    permanences: int
    services: list[str]  # short names


class ActorsView(TypedDict):
    total: int
    services: list[ServiceActors]
    nombre_communes: int
    profils: list[tuple[str, int]]
    programmes: list[tuple[str, int]]
    communes: list[CommuneActors]
    tronque: bool
    services_manquants: list[str]
    communes_sans_aide: list[CommuneRef]


class BandShare(TypedDict):
    km: int
    part: str


class AssessmentView(TypedDict):
    lieux: int
    communes: int
    parts: list[BandShare]
    priorites: list[CommuneRef]
    services_manquants: list[str]
    communes_sans_aide: int
