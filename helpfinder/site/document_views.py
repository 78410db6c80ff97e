"""The comptes rendus of the comité and the benchmark's fiches as plain data for the templates:
their lists and one page each, the body rendered from Markdown."""

from __future__ import annotations

from markupsafe import Markup

from helpfinder.analysis.index import SiteIndex
from helpfinder.core import display
from helpfinder.data.documents import Document
from helpfinder.site import routes
from helpfinder.site.assessment_models import BenchmarkView, DocumentView, FicheGroup, MinutesView
from helpfinder.site.markdowntext import render_markdown

FICHE_TYPES = {"territoire": "Territoires comparables", "dispositif": "Dispositifs d'aller-vers"}
FICHE_TYPE = {"territoire": "Territoire comparable", "dispositif": "Dispositif d'aller-vers"}


def minutes_view(index: SiteIndex) -> MinutesView:
    """The comptes rendus, the latest first."""
    found = sorted(index.directory.minutes, key=lambda d: (d.data["date"], d.id), reverse=True)
    return {
        "comptes_rendus": [
            {
                "titre": d.data.get("titre", d.id),
                "date": display.date(d.data["date"]),
                "route": routes.minute(d),
                "exemple": bool(d.data.get("exemple")),
            }
            for d in found
        ]
    }


def benchmark_view(index: SiteIndex) -> BenchmarkView:
    """The fiches by type, each list by title."""
    groups: list[FicheGroup] = []
    for kind, title in FICHE_TYPES.items():
        fiches = sorted(
            (d for d in index.directory.fiches if d.data.get("type") == kind),
            key=lambda d: (d.data.get("titre", ""), d.id),
        )
        groups.append(
            {
                "titre": title,
                "id": kind,
                "fiches": [
                    {
                        "titre": d.data.get("titre", d.id),
                        "territoire": d.data.get("territoire", ""),
                        "route": routes.fiche(d),
                        "exemple": bool(d.data.get("exemple")),
                    }
                    for d in fiches
                ],
            }
        )
    return {"groupes": groups}


def document_view(document: Document, kind: str) -> DocumentView:
    """One compte rendu or fiche: its fields in words, then its body."""
    data = document.data
    facts: list[tuple[str, str]] = []
    if kind == "compte-rendu":
        facts.append(("Date", display.date(data["date"])))
        if data.get("lieu"):
            facts.append(("Lieu", data["lieu"]))
        if data.get("structures"):
            facts.append(("Structures présentes", ", ".join(data["structures"])))
        facts.append(("Rédigé par", data.get("source", "")))
    else:
        facts.append(("Type", FICHE_TYPE.get(data.get("type", ""), "")))
        for name, label in (("territoire", "Territoire"), ("porteur", "Porteur")):
            if data.get(name):
                facts.append((label, data[name]))
        facts.append(("Sources", " ; ".join(data.get("sources") or [])))
        facts.append(("Mise à jour", display.date(data["date_maj"])))
    return {
        "titre": data.get("titre", document.id),
        "faits": facts,
        "exemple": bool(data.get("exemple")),
        # markdown-it with raw HTML off and its link checks: the only HTML of a document.
        "corps": Markup(render_markdown(document.body)),
        "retour": routes.MINUTES if kind == "compte-rendu" else routes.BENCHMARK,
    }
