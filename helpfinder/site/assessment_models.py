"""The shapes of what the other « État des lieux » pages hand the templates: the action plan,
the comptes rendus and the benchmark, the survey."""

from __future__ import annotations

from typing import TypedDict

from markupsafe import Markup

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
