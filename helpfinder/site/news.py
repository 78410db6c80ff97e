"""What changed: the places by date of last verification, newest first, for the
« Nouveautés » page and its Atom feed.

Everything comes from `date_maj`, so the same data gives the same feed, byte for byte: no
build time, ids derived from the record and its date (a new verification is a new entry).
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET

from helpfinder.analysis.index import SiteIndex
from helpfinder.core import display
from helpfinder.core.text import slugify
from helpfinder.data.records import Record
from helpfinder.site import routes

ATOM = "http://www.w3.org/2005/Atom"


def recent_places(index: SiteIndex, limit: int = routes.NEWS_MAX) -> list[Record]:
    """The places last verified most recently (then by name), at most `limit`."""
    dated = [p for p in index.places if isinstance(p.data.get("date_maj"), dt.date)]
    dated.sort(key=lambda p: (-p.data["date_maj"].toordinal(), p.data.get("nom", ""), p.id))
    return dated[:limit]


def entry_summary(index: SiteIndex, place: Record) -> str:
    data = place.data
    commune = index.commune(data.get("code_insee", ""))
    parts = [f"Informations vérifiées le {display.date(data['date_maj'])}."]
    if commune is not None:
        parts.append(f"Commune : {commune.nom}.")
    if data.get("services"):
        parts.append(f"Services : {', '.join(data['services'])}.")
    if data.get("source"):
        parts.append(f"Source : {data['source']}")
    return " ".join(parts)


def atom_feed(index: SiteIndex, page_href: dict[str, str], news_href: str) -> str:
    """The feed. `page_href` gives each place's page address as seen from the feed file,
    `news_href` that of the « Nouveautés » page."""
    ET.register_namespace("", ATOM)
    site = index.territory.get("site") or {}
    territory = slugify(index.territory.get("nom_court", "")) or "territoire"
    places = recent_places(index)
    updated = places[0].data["date_maj"] if places else index.today

    def add(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        if text:
            element.text = text
        return element

    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "fr"})
    add(feed, "id", _urn(f"{territory}/nouveautes"))
    add(feed, "title", f"Nouveautés : {site.get('titre') or index.territory.get('nom', '')}")
    add(feed, "updated", _instant(updated))
    author = add(feed, "author")
    add(author, "name", index.territory.get("nom", "") or "—")
    add(feed, "link", rel="self", href=routes.FEED_FILE.removeprefix("donnees/"))
    add(feed, "link", rel="alternate", type="text/html", href=news_href)
    for place in places:
        data = place.data
        entry = add(feed, "entry")
        add(entry, "id", _urn(f"{territory}/lieux/{place.id}/{data['date_maj'].isoformat()}"))
        add(entry, "title", data.get("nom", place.id))
        add(entry, "updated", _instant(data["date_maj"]))
        add(entry, "link", rel="alternate", type="text/html", href=page_href[place.id])
        add(entry, "summary", entry_summary(index, place))
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _urn(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"helpfinder:{name}").urn


def _instant(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
