"""The shapes of what a pathway's pages hand the templates: its start, each question, each
outcome with its places, the orientation sheet and the tree."""

from __future__ import annotations

from typing import TypedDict

from helpfinder.site.models import CommuneRef, NationalLine, PlaceSummary, VisitingStop


class PathwayHeader(TypedDict):
    """What every page of a pathway shows on top: its title, its start, its tree."""

    titre: str
    debut: str
    arbre: str


class Choice(TypedDict):
    reponse: str
    route: str


class CommuneChoice(TypedDict):
    """A commune a person can pick; the script sorts places by distance from its centre."""

    code: str
    nom: str
    de: str  # « de Lyon », « d'Eu »
    position: list[float]


class FirstQuestion(TypedDict):
    question: str
    aide: str
    choix: list[Choice]


class StartView(PathwayHeader):
    resume: str
    question: FirstQuestion | None  # None: the pathway starts with an outcome
    resultat: str | None  # the route of that outcome
    communes: list[CommuneChoice]


class QuestionView(PathwayHeader):
    question: str
    aide: str
    choix: list[Choice]


class OutcomeGroup(TypedDict):
    """The places answering an outcome in one commune, and the permanences held there."""

    commune: CommuneRef
    position: list[float]
    lieux: list[PlaceSummary]
    permanences: list[VisitingStop]


class OutcomeView(PathwayHeader):
    id: str
    resultat: str
    conseil: str
    a_apporter: list[str]
    nombre: int
    groupes: list[OutcomeGroup]
    fiche: str
    communes: list[CommuneChoice]
    recours: NationalLine


class SheetPlace(PlaceSummary):
    adresse: str  # on one line: street, postal code, commune


class SheetView(PathwayHeader):
    resultat: str
    retour: str
    a_apporter: list[str]
    lieux: list[SheetPlace]
    nombre: int
    recours: NationalLine


class OutlineEntry(TypedDict):
    """A node of the tree's outline, at its depth; `deja`: reached again, named only."""

    depth: int
    reponse: str
    route: str
    type: str  # question, resultat
    texte: str
    deja: bool


class TreeView(PathwayHeader):
    mermaid: str
    plan: list[OutlineEntry]
