"""The shapes of what the « État des lieux » pages hand the templates: the front page, the
coverage, the priorities and their chart, the actors, the action plan, the comptes rendus
and the benchmark, the survey."""

from __future__ import annotations

from typing import TypedDict

from markupsafe import Markup

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


# --- the action plan


class FundingLine(TypedDict):
    financeur: str
    montant: str
    etat: str


class Indicator(TypedDict):
    indicateur: str
    cible: str
    valeur: str
    date: str


class PlanAction(TypedDict):
    id: str
    action: str
    description: str
    pilote: str
    partenaires: list[str]
    phase: str
    echeance: str
    statut: str
    en_retard: bool
    financement: list[FundingLine]
    indicateurs: list[Indicator]
    source: str
    date_maj: str
    exemple: bool


class PlanAxis(TypedDict):
    nom: str
    statuts: dict[str, int]
    actions: list[PlanAction]


class FundingTotal(TypedDict):
    etat: str
    montant: str


class PlanView(TypedDict):
    statuts: list[str]
    axes: list[PlanAxis]
    total: int
    en_retard: int
    financement: list[FundingTotal]
    montants_connus: bool
    exemples: int
    date: str


# --- comptes rendus and benchmark


class MinuteEntry(TypedDict):
    titre: str
    date: str
    route: str
    exemple: bool


class MinutesView(TypedDict):
    comptes_rendus: list[MinuteEntry]


class FicheEntry(TypedDict):
    titre: str
    territoire: str
    route: str
    exemple: bool


class FicheGroup(TypedDict):
    titre: str
    id: str
    fiches: list[FicheEntry]


class BenchmarkView(TypedDict):
    groupes: list[FicheGroup]


class DocumentView(TypedDict):
    titre: str
    faits: list[tuple[str, str]]
    exemple: bool
    corps: Markup  # rendered from Markdown with raw HTML off
    retour: str


# --- the survey


class AnswerRow(TypedDict):
    label: str
    texte: str
    barre: float
    y: int
    cache: bool


class SurveyQuestion(TypedDict):
    id: str
    label: str
    n: int | None
    multiple: bool
    lignes: list[AnswerRow]
    hauteur: int
    largeur: int
    peu: int  # answers whose count is hidden, in a long list
    aucune: int  # answers chosen by nobody, in a long list


class BreakdownRow(TypedDict):
    groupe: str
    n: int | None
    cellules: list[str]


class Breakdown(TypedDict):
    label: str
    choix: list[str]
    lignes: list[BreakdownRow]


class SurveyResults(TypedDict):
    synthetique: bool
    source: str
    repondants: int | None
    questions: list[SurveyQuestion]
    par_age: list[Breakdown]


class SurveyView(TypedDict):
    fichiers: list[str] | None  # the questionnaire's files, when the territory has both
    seuil: int
    resultats: SurveyResults | None
