"""The shapes of what the pages for the people who keep the directory up hand the templates:
the field reference, the records to check again, the « Proposer » form, what changed."""

from __future__ import annotations

from typing import Any, TypedDict

from helpfinder.site.fieldreference import FieldDoc
from helpfinder.site.models import CommuneRef, Contacts


class FieldsView(TypedDict):
    kinds: list[tuple[str, str, list[FieldDoc]]]  # (kind, title, its fields)


class RecordToCheck(Contacts):
    nom: str
    route: str
    commune: CommuneRef | None
    raisons: list[str]
    source: str
    fichier: str
    modifier: str | None


class StructureToCheck(TypedDict):
    nom: str
    fiches: list[RecordToCheck]


class ToCheckView(TypedDict):
    structures: list[StructureToCheck]
    nombre: int
    total: int
    date: str


class NewsPlace(TypedDict):
    nom: str
    route: str
    date: str
    resume: str


class NewsMonth(TypedDict):
    mois: str
    lieux: list[NewsPlace]


class NewsView(TypedDict):
    mois: list[NewsMonth]
    flux: str
    max: int


class ProposerCommune(TypedDict):
    nom: str
    code: str
    cp: list[str]


class ProposerExamples(TypedDict):
    code_postal: str
    telephone: str


class ProposerData(TypedDict):
    """What the form's script reads (as JSON in the page)."""

    communes: list[ProposerCommune]
    services: list[str]
    frais: list[str]
    rendez_vous: list[str]
    schema: str
    champs: list[str]
    nouveau_fichier: str | None
    forge: str
    courriel: str
    regles: dict[str, Any]  # textrules.for_the_browser(): the validator's rules, as JSON
    exemples: ProposerExamples


class ProposerView(TypedDict):
    courriel: str
    courriel_href: str | None
    depot: bool
    modele: str
    longueurs: dict[str, int | None]
    donnees: ProposerData
