"""The pages for the people who keep the directory up: the field reference, the records to
check again, what changed. Plain data for the templates, like `views`."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from . import display, links
from .fieldreference import KIND_TITLES, field_docs
from .freshness import records_to_check
from .news import FEED_FILE, NEWS_MAX, entry_summary, recent_places
from .siteindex import SiteIndex
from .views import commune_ref, contacts, place_src

FIELDS_SRC = "contribuer/champs.md"
TO_CHECK_SRC = "contribuer/a-verifier.md"
NEWS_SRC = "nouveautes.md"
# Generated pages meant for the comité, reached from the footer and the Contribuer page.
OUT_OF_SEARCH = {"search": {"exclude": True}}


def fields_view(index: SiteIndex) -> dict[str, Any]:
    schemas = index.directory.schemas
    return {"kinds": [(title, field_docs(schemas[kind])) for kind, title in KIND_TITLES.items()]}


def to_check_view(index: SiteIndex, edit_url: Any) -> dict[str, Any]:
    """`edit_url(file)` gives a record's web-editor address, or None."""
    structures = []
    for structure in records_to_check(index.places, index.today):
        records = []
        for item in structure.records:
            place = item.place
            records.append(
                {
                    "nom": place.data.get("nom", place.id),
                    "src": place_src(place),
                    "commune": commune_ref(index, place.data.get("code_insee", "")),
                    "raisons": item.reasons,
                    "source": place.data.get("source", ""),
                    "fichier": place.file,
                    "modifier": links.web(edit_url(place.file)),
                    **contacts(place.data),
                }
            )
        structures.append({"nom": structure.nom, "fiches": records})
    return {
        "structures": structures,
        "nombre": sum(len(s["fiches"]) for s in structures),
        "total": len(index.places),
        "date": display.date(index.today),
    }


def news_view(index: SiteIndex) -> dict[str, Any]:
    months = []
    places = recent_places(index)
    for (year, month), group in groupby(
        places, key=lambda p: (p.data["date_maj"].year, p.data["date_maj"].month)
    ):
        months.append(
            {
                "mois": f"{display.MONTHS[month - 1]} {year}",
                "lieux": [
                    {
                        "nom": p.data.get("nom", p.id),
                        "src": place_src(p),
                        "date": display.date(p.data["date_maj"]),
                        "resume": entry_summary(index, p),
                    }
                    for p in group
                ],
            }
        )
    return {"mois": months, "flux": FEED_FILE, "max": NEWS_MAX}
