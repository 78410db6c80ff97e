"""Where every page and site file goes, and how big a page may grow: written once here.

A route is a page's path without extension, `index` for a section's front page:
`lieux/x` is served at `lieux/x/` (or `lieux/x.html` in the offline copy). Views put
routes in their data, templates turn them into relative links with `link(route)`, and the
adapter of the site generator serves each page at the URL `page_url` gives.
"""

from __future__ import annotations

import posixpath

from helpfinder.analysis.index import SiteIndex
from helpfinder.data.documents import Document
from helpfinder.data.records import Record

# --- size limits: above them, a list goes to pages of its own, so that no page grows with
# the directory (a national one has 35,000 communes and 20,000 places). A place card in the
# filterable list weighs about 1.1 KB: 100 places make a page of about 125 KB.
LIST_MAX = 100
HOME_COMMUNES_MAX = LIST_MAX  # the home page's communes; above, one page per département
DIRECTORY_PLACES_MAX = LIST_MAX  # « Tous les lieux »; above, places by département, by letter
MAP_PLACES_MAX = LIST_MAX  # the list under the map
OUTCOME_PLACES_MAX = LIST_MAX  # a pathway outcome; above, the commune pages answer
TABLE_COMMUNES_MAX = LIST_MAX  # État des lieux tables: the first by priority (the CSV has all)
NEWS_MAX = 50  # the « Nouveautés » page and its feed
# The « Proposer » form checks the commune and postal code in the browser up to this many
# communes; above, the list is not sent (a national one weighs about 1.4 MB) and they are
# checked at review.
PROPOSE_COMMUNES_MAX = 1000
# A list of communes longer than this gets an A–Z index (links, without JavaScript) and,
# with JavaScript, a filter: 30 names fill about three phone screens.
LONG_LIST = 30

# --- pages with one address
HOME = "index"
DIRECTORY = "lieux/index"  # « Tous les lieux »
MAP = "carte"
ABOUT = "a-propos"  # a hand-written page of content/
CONTRIBUTING = "contribuer"  # a hand-written page of content/
FIELDS = "contribuer/champs"
TO_CHECK = "contribuer/a-verifier"
PROPOSE = "proposer"
NEWS = "nouveautes"
ASSESSMENT = "etat-des-lieux/index"
COVERAGE = "etat-des-lieux/couverture"
PRIORITIES = "etat-des-lieux/priorites"
ACTORS = "etat-des-lieux/acteurs"
PLAN = "etat-des-lieux/plan"
SURVEY = "etat-des-lieux/enquete"
MINUTES = "etat-des-lieux/comptes-rendus/index"
BENCHMARK = "etat-des-lieux/benchmark/index"

# --- files of the site made from data/ (the open data's own files are named in opendata/)
MAP_PLACES_FILE = "donnees/carte-lieux.geojson"
MAP_COMMUNES_FILE = "donnees/carte-communes.geojson"
COVERAGE_CSV = "donnees/couverture.csv"
FEED_FILE = "donnees/nouveautes.xml"
SURVEY_FOLDER = "donnees/enquete"
# The survey's files of data/enquete/, by the name they are published under: the XLSForm
# in Markdown goes out as .txt, which every browser shows instead of downloading.
SURVEY_FILES = {
    "questionnaire.md": "questionnaire-xlsform.txt",
    "questionnaire.xml": "questionnaire.xml",
    "resultats.json": "resultats.json",
}


# --- pages of each record
def place(record: Record) -> str:
    return f"lieux/{record.id}"


def commune(index: SiteIndex, code: str) -> str:
    return f"communes/{index.commune_slugs[code]}"


def pathway(record: Record, node: str = "index") -> str:
    """A pathway's start page, or the page of one of its questions or outcomes."""
    return f"parcours/{record.id}/{node}"


def sheet(record: Record, outcome_id: str) -> str:
    """The printable orientation sheet of a pathway's outcome."""
    return f"parcours/{record.id}/{outcome_id}/fiche"


def tree(record: Record) -> str:
    return pathway(record, "arbre")


def minute(document: Document) -> str:
    return f"etat-des-lieux/comptes-rendus/{document.id}"


def fiche(document: Document) -> str:
    return f"etat-des-lieux/benchmark/{document.id}"


def departement(code: str) -> str:
    return f"departements/{code}"


def departement_places(index: SiteIndex, code: str) -> str:
    """The page of a département's places, commune by commune: « Tous les lieux » itself for
    a territory of one département (no page that offers a single choice)."""
    return DIRECTORY if len(index.departements) == 1 else f"departements/{code}/lieux"


def departement_letter(code: str, letter_slug: str) -> str:
    """One letter of a large département's places (`a`, …, `autres`)."""
    return f"departements/{code}/lieux/{letter_slug}"


def survey_file(name: str) -> str:
    """Where a file of data/enquete/ is published."""
    return f"{SURVEY_FOLDER}/{SURVEY_FILES[name]}"


def split_by_departement(index: SiteIndex) -> bool:
    """True when the territory is too big for one list of communes or of places."""
    return len(index.communes) > HOME_COMMUNES_MAX or len(index.places) > DIRECTORY_PLACES_MAX


# --- URLs
def page_url(route: str, directory_urls: bool) -> str:
    """The site-relative URL of a page: `lieux/x` -> `lieux/x/`, `lieux/index` -> `lieux/`
    (or, for a copy opened from disk, `lieux/x.html` and `lieux/index.html`)."""
    if not directory_urls:
        return f"{route}.html"
    if route == HOME:
        return ""
    return f"{route.removesuffix('/index')}/" if route.endswith("/index") else f"{route}/"


def relative_url(target: str, origin: str) -> str:
    """`target` as seen from the page at `origin` (both site-relative URLs)."""
    origin_dir = origin[:-1] if origin.endswith("/") else posixpath.dirname(origin)
    path = posixpath.relpath(target.rstrip("/") or ".", origin_dir or ".")
    if target == "" or target.endswith("/"):
        return "./" if path == "." else f"{path}/"
    return path
