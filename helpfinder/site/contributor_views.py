"""The pages for the people who keep the directory up: the field reference, the records to
check again, what changed. Plain data for the templates, like `views`."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from helpfinder.analysis.freshness import records_to_check
from helpfinder.analysis.index import SiteIndex
from helpfinder.core import display, links, textrules
from helpfinder.core.fieldformats import EXAMPLE_PHONE
from helpfinder.data.editorschema import schema_line
from helpfinder.data.schema import FieldSpec
from helpfinder.site import routes
from helpfinder.site.contributor_models import (
    FieldsView,
    NewsMonth,
    NewsView,
    ProposerView,
    RecordToCheck,
    StructureToCheck,
    ToCheckView,
)
from helpfinder.site.fieldreference import KIND_TITLES, field_docs, territory_examples
from helpfinder.site.news import entry_summary, recent_places
from helpfinder.site.views import commune_ref, contacts

# Generated pages meant for the comité, reached from the footer and the Contribuer page.
OUT_OF_SEARCH = {"search": {"exclude": True}}


def fields_view(index: SiteIndex) -> FieldsView:
    schemas = index.directory.schemas
    examples = {"lieu": territory_examples(index.communes)}
    return {
        "kinds": [
            (kind, title, field_docs(schemas[kind], examples.get(kind)))
            for kind, title in KIND_TITLES.items()
        ]
    }


def to_check_view(index: SiteIndex, edit_url: Callable[[str], str | None]) -> ToCheckView:
    """`edit_url(file)` gives a record's web-editor address, or None."""
    structures: list[StructureToCheck] = []
    for structure in records_to_check(index.places, index.today):
        records: list[RecordToCheck] = []
        for item in structure.records:
            place = item.place
            records.append(
                {
                    "nom": place.data.get("nom", place.id),
                    "route": routes.place(place),
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


def news_view(index: SiteIndex) -> NewsView:
    months: list[NewsMonth] = []
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
                        "route": routes.place(p),
                        "date": display.date(p.data["date_maj"]),
                        "resume": entry_summary(index, p),
                    }
                    for p in group
                ],
            }
        )
    return {"mois": months, "flux": routes.FEED_FILE, "max": routes.NEWS_MAX}


# Fields the form asks for, in the record's order (the others are for the comité).
PROPOSE_FIELDS = (
    "nom",
    "commune",
    "code_postal",
    "code_insee",
    "adresse",
    "complement_adresse",
    "telephone",
    "courriels",
    "site_web",
    "horaires",
    "presentation_resume",
    "source",
    "date_maj",
    "services",
    "frais_a_charge",
    "rendez_vous",
    "profil",
)


def proposer_view(index: SiteIndex) -> ProposerView:
    """The form's vocabularies and addresses, and the blank record shown without JS."""
    site = index.territory.get("site") or {}
    fields = index.directory.schemas["lieu"].fields
    communes = index.communes if len(index.communes) <= routes.PROPOSE_COMMUNES_MAX else []
    new_file = _new_file_page(site.get("depot"), site.get("modifier"))
    address: str = site.get("courriel") or ""
    courriel = links.mailto(address)
    return {
        "courriel": address if courriel else "",
        "courriel_href": courriel,
        "depot": new_file is not None,
        "modele": blank_record(fields),
        # The schema's lengths, as the fields' maxlength: the form and the validator agree.
        "longueurs": {name: fields[name].max_length for name in PROPOSE_FIELDS if name in fields},
        "donnees": {
            "communes": [
                {"nom": c.nom, "code": c.code_insee, "cp": list(c.codes_postaux)} for c in communes
            ],
            "services": _item_values(fields["services"]),
            "frais": _item_values(fields["frais_a_charge"]),
            "rendez_vous": list(fields["rendez_vous"].enum or ()),
            "schema": schema_line("lieu"),
            "champs": list(PROPOSE_FIELDS),
            "nouveau_fichier": new_file,
            "forge": "github" if new_file and "github.com" in new_file else "autre",
            "courriel": address if courriel else "",
            "regles": textrules.for_the_browser(),
            # Examples in the messages: the territory's own postal code, a fiction number.
            "exemples": {
                "code_postal": index.communes[0].codes_postaux[0] if index.communes else "",
                "telephone": EXAMPLE_PHONE,
            },
        },
    }


def _item_values(spec: FieldSpec) -> list[str]:
    """The values a list field's items may take."""
    return list(spec.item.enum or ()) if spec.item is not None else []


def blank_record(fields: dict[str, FieldSpec]) -> str:
    """The record to copy and fill by hand: each asked field with its title."""
    lines = [schema_line("lieu")]
    for name in PROPOSE_FIELDS:
        if name == "code_insee":
            continue
        spec = fields[name]
        lines.append(f"# {spec.title}{' (obligatoire)' if spec.required else ''}")
        lines.append(f"{name}:")
    return "\n".join(lines) + "\n"


def _new_file_page(depot: str | None, edit_path: str | None) -> str | None:
    """The repository's "new file" page in data/actors/: its edit path with `new` for
    `edit` (`edit/main/` -> `new/main/`, `-/edit/main/` -> `-/new/main/`)."""
    if depot is None or not links.web(depot):
        return None
    path = edit_path or "edit/main/"
    head, found, branch = path.partition("edit/")
    if not found:
        return None
    return f"{depot.rstrip('/')}/{head}new/{branch}data/actors"
