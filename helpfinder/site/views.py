"""What several pages show, as plain data for the templates: a commune's link, the national
help line, contacts, the A–Z index, the pathways, the fragility index's texts.

Values stay raw text here; the templates escape everything (Jinja autoescape). Links are
only ever built by `helpfinder.core.links`, so a template never receives a URL it should not.
"""

from __future__ import annotations

from typing import Any

from helpfinder.analysis.index import SiteIndex
from helpfinder.core import display, links
from helpfinder.core.text import fold
from helpfinder.data.territory import Commune
from helpfinder.site import routes
from helpfinder.site.models import (
    CommuneRef,
    Contacts,
    FragilityTexts,
    LetterGroup,
    NamedT,
    NationalLine,
    PathwayLink,
)


def departement_name(index: SiteIndex, code: str) -> str:
    """The name territoire.yml gives the département, or « Département NN »."""
    for entry in index.territory.get("departements") or []:
        if entry.get("code") == code and entry.get("nom"):
            return entry["nom"]
    return f"Département {code}"


def initial(name: str) -> str:
    """The letter a name is filed under in an A–Z index: `Écluse` -> `E`, `L'Isle` -> `L`."""
    folded = fold(name)
    return folded[:1].upper() if folded[:1].isalpha() else "#"


def by_letter(items: list[NamedT]) -> list[LetterGroup[NamedT]]:
    """Items (already in alphabetical order) grouped under the initial of their name, for an
    A–Z index."""
    groups: list[LetterGroup[NamedT]] = []
    for item in items:
        letter = initial(item["nom"])
        if not groups or groups[-1]["lettre"] != letter:
            anchor = "lettre-autres" if letter == "#" else f"lettre-{letter.lower()}"
            groups.append({"lettre": letter, "ancre": anchor, "elements": []})
        groups[-1]["elements"].append(item)
    return groups


def commune_ref(index: SiteIndex, code: str) -> CommuneRef | None:
    """The commune of `code` (a record's, which may be outside the territory), or None."""
    commune = index.commune(code)
    if commune is None:
        return None
    return commune_link(index, commune)


def commune_link(index: SiteIndex, commune: Commune) -> CommuneRef:
    """A commune of the territory: its name and the route of its page."""
    code = commune.code_insee
    return {"nom": commune.nom, "code": code, "route": routes.commune(index, code)}


def national_line(index: SiteIndex) -> NationalLine:
    line = index.territory.get("recours_national") or {}
    number = line.get("telephone", "")
    return {
        "nom": line.get("nom", ""),
        "description": line.get("description", ""),
        "telephone": display.phone(number),
        "tel": links.tel(number),
    }


def contacts(data: dict[str, Any]) -> Contacts:
    """Phones, e-mails and web sites, each with its safe link (None: shown as text only)."""
    return {
        "telephones": [
            {"texte": display.phone(n), "href": links.tel(n)} for n in data.get("telephone") or []
        ],
        "courriels": [{"texte": a, "href": links.mailto(a)} for a in data.get("courriels") or []],
        "sites": [{"texte": u, "href": links.web(u)} for u in data.get("site_web") or []],
    }


def fragility_texts(index: SiteIndex) -> FragilityTexts:
    """What territoire.yml says of the fragility index, every text present (empty when not
    given: `avertissement` is optional, and so is the whole index)."""
    info = index.territory.get("indice_fragilite") or {}
    return {
        "nom": info.get("nom", ""),
        "explication": info.get("explication", ""),
        "source": info.get("source", ""),
        "millesime": info.get("millesime", ""),
        "avertissement": info.get("avertissement", ""),
    }


def pathway_links(index: SiteIndex, for_commune: str | None = None) -> list[PathwayLink]:
    ordered = sorted(index.directory.pathways, key=lambda p: (p.data.get("ordre", 999), p.id))
    return [
        {
            "titre": p.data.get("titre", p.id),
            "resume": p.data.get("resume", ""),
            "pour": p.data.get("pour", ""),
            "route": routes.pathway(p),
            "commune": for_commune,
        }
        for p in ordered
    ]


def edit_url(index: SiteIndex, source_file: str) -> str | None:
    """The repository's web-editor address for `source_file`, when a repository is set."""
    site = index.territory.get("site") or {}
    repository = site.get("depot")
    if not repository:
        return None
    return f"{repository.rstrip('/')}/{site.get('modifier') or 'edit/main/'}{source_file}"
