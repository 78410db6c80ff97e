"""What the pages of a pathway show: its start, each question, each outcome with its places,
the orientation sheet, and the tree as a diagram and as an outline.

One page per question and per outcome, so that every step has its own address, the
browser's Back button goes back one step and everything works without JavaScript.
"""

from __future__ import annotations

import re
from typing import Any

from helpfinder.analysis.index import SiteIndex
from helpfinder.core import display
from helpfinder.data.records import Record
from helpfinder.site import routes
from helpfinder.site.models import VisitingStop
from helpfinder.site.pathway_models import (
    Choice,
    CommuneChoice,
    OutcomeGroup,
    OutcomeView,
    OutlineEntry,
    PathwayHeader,
    QuestionView,
    SheetPlace,
    SheetView,
    StartView,
    TreeView,
)
from helpfinder.site.place_views import place_summary, stop_view
from helpfinder.site.views import commune_link, national_line


def nodes(pathway: Record) -> dict[str, dict[str, Any]]:
    """Questions and outcomes by id (the validator has made the ids unique)."""
    found = {q["id"]: {**q, "type": "question"} for q in pathway.data.get("questions") or []}
    found.update({r["id"]: {**r, "type": "resultat"} for r in pathway.data.get("resultats") or []})
    return found


def _pathway_header(pathway: Record) -> PathwayHeader:
    return {
        "titre": pathway.data.get("titre", pathway.id),
        "debut": routes.pathway(pathway),
        "arbre": routes.tree(pathway),
    }


def _choices(pathway: Record, question: dict[str, Any]) -> list[Choice]:
    return [
        {"reponse": c.get("reponse", ""), "route": routes.pathway(pathway, c["suite"])}
        for c in question.get("choix") or []
    ]


def communes_for_choice(index: SiteIndex) -> list[CommuneChoice]:
    """The communes a person can pick, with their centre (the script sorts places by distance).
    None for a large territory: its outcome pages list no places."""
    if routes.split_by_departement(index):
        return []
    return [
        {
            "code": c.code_insee,
            "nom": c.nom,
            "de": display.of_place(c.nom),
            "position": [c.latitude, c.longitude],
        }
        for c in index.communes
    ]


def start_view(index: SiteIndex, pathway: Record) -> StartView:
    first = nodes(pathway).get(pathway.data.get("debut", ""), {})
    return {
        **_pathway_header(pathway),
        "resume": pathway.data.get("resume", ""),
        "question": {
            "question": first.get("question", ""),
            "aide": first.get("aide", ""),
            "choix": _choices(pathway, first),
        }
        if first.get("type") == "question"
        else None,
        "resultat": routes.pathway(pathway, first["id"])
        if first.get("type") == "resultat"
        else None,
        "communes": communes_for_choice(index),
    }


def question_view(pathway: Record, question: dict[str, Any]) -> QuestionView:
    return {
        **_pathway_header(pathway),
        "question": question.get("question", ""),
        "aide": question.get("aide", ""),
        "choix": _choices(pathway, question),
    }


def outcome_view(
    index: SiteIndex, pathway: Record, outcome: dict[str, Any], found: list[Record]
) -> OutcomeView:
    """The advice and the matching places, grouped by commune (readable without JS)."""
    listed = len(found) <= routes.OUTCOME_PLACES_MAX
    matching = {place.id for place in found}
    groups: list[OutcomeGroup] = []
    for commune in index.communes if listed else []:
        code = commune.code_insee
        here = [
            place_summary(index, p)
            for p in index.places_by_commune.get(code, [])
            if p.id in matching
        ]
        visiting: list[VisitingStop] = [
            {"lieu": place_summary(index, place), **stop_view(index, stop)}
            for place, stop in index.permanences_by_commune.get(code, [])
            if place.id in matching
        ]
        if here or visiting:
            groups.append(
                {
                    "commune": commune_link(index, commune),
                    "position": [commune.latitude, commune.longitude],
                    "lieux": here,
                    "permanences": visiting,
                }
            )
    return {
        **_pathway_header(pathway),
        "id": outcome["id"],
        "resultat": outcome.get("titre", ""),
        "conseil": outcome.get("conseil", ""),
        "a_apporter": outcome.get("a_apporter") or [],
        "nombre": len(found),
        "groupes": groups,
        "fiche": routes.sheet(pathway, outcome["id"]),
        "communes": communes_for_choice(index),
        "recours": national_line(index),
    }


def sheet_view(
    index: SiteIndex, pathway: Record, outcome: dict[str, Any], found: list[Record]
) -> SheetView:
    """The orientation sheet: the places to choose from, the things to bring, blank fields."""
    places: list[SheetPlace] = []
    for place in found if len(found) <= routes.OUTCOME_PLACES_MAX else []:
        data = place.data
        places.append(
            {
                **place_summary(index, place),
                "adresse": " ".join(
                    t
                    for t in (data.get("adresse"), data.get("code_postal"), data.get("commune"))
                    if t
                ),
            }
        )
    return {
        **_pathway_header(pathway),
        "resultat": outcome.get("titre", ""),
        "retour": routes.pathway(pathway, outcome["id"]),
        "a_apporter": outcome.get("a_apporter") or [],
        "lieux": places,
        "nombre": len(found),
        "recours": national_line(index),
    }


def tree_view(pathway: Record) -> TreeView:
    """The decision tree as Mermaid source and as a nested outline."""
    by_id = nodes(pathway)
    return {
        **_pathway_header(pathway),
        "mermaid": mermaid_source(pathway, by_id),
        "plan": _outline(pathway, by_id),
    }


def mermaid_source(pathway: Record, by_id: dict[str, dict[str, Any]]) -> str:
    """A top-down flowchart: questions as boxes, outcomes as rounded boxes, answers on arrows.

    Node names are generated (n1, n2…) and every label is quoted with its quotes replaced,
    so no text from a record can change the diagram's syntax; the page draws labels as SVG
    text (helpfinder.js), so markup in a label shows as typed.
    """
    names = {node_id: f"n{number}" for number, node_id in enumerate(by_id, start=1)}
    lines = ["flowchart TD"]
    for node_id, node in by_id.items():
        if node["type"] == "question":
            lines.append(f'  {names[node_id]}["{_label(node.get("question", ""))}"]')
        else:
            lines.append(f'  {names[node_id]}("{_label(node.get("titre", ""))}")')
    for node_id, node in by_id.items():
        for choice in node.get("choix") or []:
            target = names.get(choice.get("suite", ""))
            if target:
                answer = _label(choice.get("reponse", ""))
                lines.append(f'  {names[node_id]} -->|"{answer}"| {target}')
    return "\n".join(lines)


def _label(text: str) -> str:
    """One line, no straight quote (it would end the label: the page draws labels as SVG
    text, where Mermaid's `#quot;` shows as typed, so it becomes ”) and no `%%`: a directive
    (`%%{init: …}%%`) or a comment can never come from a record."""
    return re.sub(r"%{2,}", "%", " ".join(text.split())).replace('"', "”")


def _outline(pathway: Record, by_id: dict[str, dict[str, Any]]) -> list[OutlineEntry]:
    """The tree from its first question, in reading order, each entry with its depth; a node
    reached again is named, not written out twice. Iterative: a tree may be thousands deep."""
    shown: set[str] = set()
    outline: list[OutlineEntry] = []
    start = pathway.data.get("debut", "")
    stack: list[tuple[str, int, str]] = [(start, 0, "")] if start in by_id else []
    while stack:
        node_id, depth, answer = stack.pop()
        node = by_id[node_id]
        already = node_id in shown
        shown.add(node_id)
        outline.append(
            {
                "depth": depth,
                "reponse": answer,
                "route": routes.pathway(pathway, node_id),
                "type": node["type"],
                "texte": node.get("question") or node.get("titre", ""),
                "deja": already,
            }
        )
        if node["type"] == "question" and not already:
            for choice in reversed(node.get("choix") or []):
                if choice.get("suite") in by_id:
                    stack.append((choice["suite"], depth + 1, choice.get("reponse", "")))
    return outline
