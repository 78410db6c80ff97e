"""The shapes of what the views hand the templates: a place's page, card and line,
and the pieces other pages share. Keys are the templates' own (French): a
key the templates do not get is a type error here, not an undefined name at render time.
The pages' own shapes: `commune_models`, `pathway_models`, `contributor_models`,
`coverage_models`, `assessment_models`, and the map's in `mapview`.

Values stay raw text: the templates escape them. `route` values are routes (`routes`),
turned into links by the templates; `href` values come from `helpfinder.core.links` only.
"""

from __future__ import annotations

from typing import Generic, TypedDict, TypeVar

# --- shared pieces


class CommuneRef(TypedDict):
    """A commune's name and the route of its page."""

    nom: str
    code: str
    route: str


class Link(TypedDict):
    """A phone number, an address or a web site as shown, with its safe link (None: shown
    as text only)."""

    texte: str
    href: str | None


class Contacts(TypedDict):
    telephones: list[Link]
    courriels: list[Link]
    sites: list[Link]


class NationalLine(TypedDict):
    """The national help line of `territoire.yml` (`recours_national`)."""

    nom: str
    description: str
    telephone: str
    tel: str | None


class FragilityTexts(TypedDict):
    """What `territoire.yml` says of the fragility index (empty texts when not given)."""

    nom: str
    explication: str
    source: str
    millesime: str
    avertissement: str


class PathwayLink(TypedDict):
    titre: str
    resume: str
    pour: str
    route: str
    commune: str | None  # the code of the commune whose page links it


class Named(TypedDict):
    nom: str


NamedT = TypeVar("NamedT", bound=Named)


class LetterGroup(TypedDict, Generic[NamedT]):
    """Items filed under one initial, for an A–Z index."""

    lettre: str
    ancre: str
    elements: list[NamedT]


# --- a place


class PlaceSummary(TypedDict):
    """A place's card in lists (its data-* attributes feed the filters and the map)."""

    id: str
    route: str
    nom: str
    commune: CommuneRef | None
    telephone: Link | None
    services: list[str]
    communes: list[str]  # codes of its commune and of those where it holds a permanence
    publics: list[str]
    gratuit: bool
    frais: list[str]
    rendez_vous: str
    horaires: dict[str, list[list[int]]]  # opening minutes by day, for « ouvert maintenant »
    fermetures: list[list[str]]  # [from, to] ISO dates of closures still to come
    exemple: bool
    position: list[float] | None
    ancienne: bool


class StopView(TypedDict):
    """One permanence of an itinerant service."""

    commune: CommuneRef | None
    ou: str
    adresse: str
    horaires: list[tuple[str, str]]
    frequence: str


class VisitingStop(StopView):
    """A permanence held in a commune, with the card of the place that holds it."""

    lieu: PlaceSummary


class Closure(TypedDict):
    du: str
    au: str
    motif: str
    en_cours: bool


class PlaceView(PlaceSummary, Contacts):
    """A place's page."""

    adresse: str
    complement_adresse: str
    code_postal: str
    nom_commune: str
    carte: str | None
    presentation: list[str]
    prise_en_charge: list[str]
    frais_precisions: str
    pass_numerique: bool | None
    equipements: list[str]
    langues: list[str]
    modalites_acces: list[str]
    modalites_accompagnement: list[str]
    prise_rdv: str | None
    semaine: list[tuple[str, str]]
    horaires_precisions: str
    fermetures_a_venir: list[Closure]
    permanences: list[StopView]
    acces_libre: str | None
    dispositifs: list[str]
    labels: list[str]
    date_maj: str
    source: str
    a_verifier: bool
    fichier: str
    modifier: str | None


class PlaceLine(TypedDict):
    """A place on one line: name, phone, cost."""

    nom: str
    route: str
    telephone: Link | None
    gratuit: bool
    frais: list[str]
    exemple: bool
