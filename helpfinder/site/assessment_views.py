"""The « État des lieux » pages: coverage, priorities and the actors' inventory, as plain
data for the templates. Every figure comes from `coverage` and `inventory`, at build time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from helpfinder.analysis import coverage as cov
from helpfinder.core import display
from helpfinder.analysis import inventory
from helpfinder.data import plan, survey
from helpfinder.data.documents import Document
from helpfinder.site.markdowntext import render_markdown
from helpfinder.analysis.index import SiteIndex
from helpfinder.core.text import slugify
from helpfinder.core.spreadsheet import csv_text
from helpfinder.site import routes
from helpfinder.site.views import commune_ref

# Above this many communes, tables list the first ones by priority and the CSV has them all.
# Column headings for the nine services of the standard; the full names are listed under
# each table that uses them.
SHORT_NAMES = {
    "Aide aux démarches administratives": "Démarches",
    "Maîtrise des outils numériques du quotidien": "Outils du quotidien",
    "Insertion professionnelle via le numérique": "Emploi",
    "Utilisation sécurisée du numérique": "Sécurité",
    "Parentalité et éducation avec le numérique": "Parentalité",
    "Loisirs et créations numériques": "Loisirs",
    "Compréhension du monde numérique": "Culture numérique",
    "Accès internet et matériel informatique": "Accès internet",
    "Acquisition de matériel informatique à prix solidaire": "Matériel solidaire",
}


def services_legend(index: SiteIndex) -> list[dict[str, str]]:
    return [{"court": SHORT_NAMES.get(s, s), "nom": s} for s in index.services]


def _km_cell(found: Any) -> dict[str, Any]:
    if found is None:
        return {"texte": "aucun", "tri": 1e9, "loin": True, "permanence": False}
    return {
        "texte": display.km(found.km),
        "tri": round(found.km, 3),
        "loin": found.km > cov.FAR_KM,
        "permanence": found.point.permanence,
    }


def _percent(share: float) -> str:
    return f"{round(share * 100)} %"


def _share_cell(share: float) -> dict[str, Any]:
    return {"texte": _percent(share), "tri": round(share * 100, 1)}


def coverage_view(index: SiteIndex) -> dict[str, Any]:
    coverages = index.coverage
    ranked = [p.coverage for p in cov.priorities(coverages)]
    shown = coverages
    if len(coverages) > routes.TABLE_COMMUNES_MAX:
        unranked = [c for c in coverages if c.fragility is None]
        shown = [*ranked, *unranked][:routes.TABLE_COMMUNES_MAX]
    return {
        "bandes": list(cov.BANDS_KM),
        "loin_km": int(cov.FAR_KM),
        "parts": [
            {
                "service": service,
                "parts": [
                    _share_cell(cov.population_share(coverages, service, km)) for km in cov.BANDS_KM
                ],
            }
            for service in index.services
        ],
        "zones_blanches": [
            {
                "service": service,
                "nulle_part": all(c.nearest.get(service) is None for c in coverages),
                "communes": [
                    {
                        "commune": commune_ref(index, c.commune.code_insee),
                        "km": _km_cell(c.nearest.get(service))["texte"],
                    }
                    for c in cov.white_zones(coverages, service)
                ],
            }
            for service in index.services
        ],
        "services": services_legend(index),
        "lignes": [
            {
                "commune": commune_ref(index, c.commune.code_insee),
                "population": display.integer(c.commune.population),
                "population_tri": c.commune.population,
                "distances": [_km_cell(c.nearest.get(s)) for s in index.services],
            }
            for c in shown
        ],
        "tronque": len(shown) < len(coverages),
        "total": len(coverages),
        "csv": routes.COVERAGE_CSV,
    }


def priorities_view(index: SiteIndex) -> dict[str, Any]:
    coverages = index.coverage
    ranked = cov.priorities(coverages)
    rows = [
        {
            "rang": p.rank,
            "commune": commune_ref(index, p.coverage.commune.code_insee),
            "population": display.integer(p.coverage.commune.population),
            "population_tri": p.coverage.commune.population,
            "fragilite": f"{p.coverage.fragility:.0f}".replace(".", ","),
            "fragilite_tri": round(p.coverage.fragility or 0.0, 3),
            "rang_fragilite": p.fragility_rank,
            "aide": _km_cell(p.coverage.nearest_help),
            "rang_distance": p.distance_rank,
            "loin": len(p.coverage.far_services()),
        }
        for p in ranked[:routes.TABLE_COMMUNES_MAX]
    ]
    fragility = index.territory.get("indice_fragilite") or {}
    return {
        "lignes": rows,
        "tronque": len(ranked) > routes.TABLE_COMMUNES_MAX,
        "total": len(ranked),
        "sans_indice": [
            commune_ref(index, c.commune.code_insee) for c in coverages if c.fragility is None
        ],
        "proche_km": int(cov.NEAR_KM),
        "indice": {
            "nom": fragility.get("nom", "Indice de fragilité numérique"),
            "source": fragility.get("source", "").rstrip(". "),
            "millesime": fragility.get("millesime", "").rstrip(". "),
        },
        "graphique": scatter(ranked[:routes.TABLE_COMMUNES_MAX]),
        "csv": routes.COVERAGE_CSV,
    }


def scatter(ranked: list[cov.Priority]) -> dict[str, Any] | None:
    """Points of a fragility / distance chart, in SVG units (the template draws them)."""
    points = [(p, p.coverage.help_km) for p in ranked if p.coverage.help_km is not None]
    if len(points) < 2:
        return None
    width, height, margin = 640, 360, 48
    max_km = max(km for _, km in points) or 1.0
    scores = [p.coverage.fragility or 0.0 for p, _ in points]
    low, high = min(scores), max(scores)
    span = (high - low) or 1.0

    def x(km: float) -> float:
        return round(margin + km / max_km * (width - 2 * margin), 1)

    def y(score: float) -> float:
        return round(height - margin - (score - low) / span * (height - 2 * margin), 1)

    return {
        "largeur": width,
        "hauteur": height,
        "marge": margin,
        "points": [
            {
                "x": x(km),
                "y": y(p.coverage.fragility or 0.0),
                "nom": p.coverage.commune.nom,
                "rang": p.rank,
                "etiquette": p.rank <= 5,
            }
            for p, km in points
        ],
        "axe_x": [{"x": x(v), "texte": f"{v:g} km"} for v in _ticks(max_km)],
        "axe_y": [{"y": y(v), "texte": f"{v:.0f}"} for v in (low, (low + high) / 2, high)],
    }


def _ticks(maximum: float) -> list[float]:
    step = max(1.0, round(maximum / 4))
    ticks, value = [], 0.0
    while value <= maximum + 1e-9:
        ticks.append(value)
        value += step
    return ticks


def actors_view(index: SiteIndex) -> dict[str, Any]:
    communes = inventory.by_commune(index)
    return {
        "total": len(index.places),
        "services": [
            {"service": c.service, "lieux": c.places, "communes": c.communes}
            for c in inventory.by_service(index)
        ],
        "nombre_communes": len(index.communes),
        "profils": inventory.by_profile(index),
        "programmes": inventory.by_programme(index),
        "communes": [
            {
                "commune": commune_ref(index, c.commune.code_insee),
                "lieux": c.places,
                "permanences": c.permanences,
                "services": [SHORT_NAMES.get(s, s) for s in c.services],
            }
            for c in communes[:routes.TABLE_COMMUNES_MAX]
        ],
        "tronque": len(communes) > routes.TABLE_COMMUNES_MAX,
        "services_manquants": inventory.missing_services(index),
        "communes_sans_aide": [
            commune_ref(index, c.code_insee) for c in inventory.communes_without_help(index)
        ],
    }


def assessment_view(index: SiteIndex) -> dict[str, Any]:
    """The section's front page: a few figures, the first priorities, links."""
    coverages = index.coverage
    total = sum(c.commune.population for c in coverages)
    near = {
        km: sum(
            c.commune.population for c in coverages if c.help_km is not None and c.help_km <= km
        )
        for km in cov.BANDS_KM
    }
    return {
        "lieux": len(index.places),
        "communes": len(coverages),
        "parts": [
            {"km": km, "part": _percent(near[km] / total) if total else "0 %"}
            for km in cov.BANDS_KM
        ],
        "priorites": [
            commune_ref(index, p.coverage.commune.code_insee) for p in cov.priorities(coverages)[:5]
        ],
        "services_manquants": inventory.missing_services(index),
        "communes_sans_aide": len(inventory.communes_without_help(index)),
    }


def coverage_csv(index: SiteIndex) -> str:
    """Every commune: population, fragility, distance to help and to each service, and its
    priority rank (empty without a fragility index)."""
    coverages = index.coverage
    ranks = {p.coverage.commune.code_insee: p.rank for p in cov.priorities(coverages)}
    header = [
        "code_insee",
        "nom",
        "population",
        "indice_fragilite",
        "distance_aide_km",
        *(f"km_{slugify(SHORT_NAMES.get(s, s)).replace('-', '_')}" for s in index.services),
        "rang_priorite",
    ]
    rows = (
        [
            c.commune.code_insee,
            c.commune.nom,
            c.commune.population,
            "" if c.fragility is None else f"{c.fragility:.1f}",
            "" if c.help_km is None else f"{c.help_km:.2f}",
            *("" if (n := c.nearest.get(s)) is None else f"{n.km:.2f}" for s in index.services),
            ranks.get(c.commune.code_insee, ""),
        ]
        for c in coverages
    )
    return csv_text(header, rows)




def plan_view(index: SiteIndex) -> dict[str, Any]:
    """The dashboard: actions by axis, counts by status, funding, late actions."""
    actions = index.directory.plan
    today = index.today

    def money(amount: float) -> str:
        return f"{display.integer(round(amount))} €"

    axes = []
    for axis in plan.axes(actions):
        axes.append(
            {
                "nom": axis.name,
                "statuts": axis.by_status(),
                "actions": [
                    {
                        "id": a.id,
                        "action": a.data.get("action", ""),
                        "description": a.data.get("description", ""),
                        "pilote": a.data.get("pilote", ""),
                        "partenaires": a.data.get("partenaires") or [],
                        "phase": a.data.get("phase", ""),
                        "echeance": display.date(a.data["echeance"])
                        if a.data.get("echeance")
                        else "",
                        "statut": a.data.get("statut", ""),
                        "en_retard": plan.is_late(a.data, today),
                        "financement": [
                            {
                                "financeur": line.get("financeur", ""),
                                "montant": money(line["montant"])
                                if line.get("montant") is not None
                                else "",
                                "etat": line.get("etat", ""),
                            }
                            for line in a.data.get("financement") or []
                        ],
                        "indicateurs": [
                            {
                                "indicateur": i.get("indicateur", ""),
                                "cible": i.get("cible", ""),
                                "valeur": i.get("valeur", ""),
                                "date": display.date(i["date"]) if i.get("date") else "",
                            }
                            for i in a.data.get("indicateurs") or []
                        ],
                        "source": a.data.get("source", ""),
                        "date_maj": display.date(a.data["date_maj"]),
                        "exemple": bool(a.data.get("exemple")),
                    }
                    for a in axis.actions
                ],
            }
        )
    totals = plan.funding_totals(actions)
    return {
        "statuts": list(plan.STATUSES),
        "axes": axes,
        "total": len(actions),
        "en_retard": sum(plan.is_late(a.data, today) for a in actions),
        "financement": [{"etat": state, "montant": money(v)} for state, v in totals.items()],
        "montants_connus": any(totals.values()),
        "exemples": sum(bool(a.data.get("exemple")) for a in actions),
        "date": display.date(today),
    }


FICHE_TYPES = {"territoire": "Territoires comparables", "dispositif": "Dispositifs d'aller-vers"}
FICHE_TYPE = {"territoire": "Territoire comparable", "dispositif": "Dispositif d'aller-vers"}


def minutes_view(index: SiteIndex) -> dict[str, Any]:
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


def benchmark_view(index: SiteIndex) -> dict[str, Any]:
    """The fiches by type, each list by title."""
    groups = []
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


def document_view(document: Document, kind: str) -> dict[str, Any]:
    """One compte rendu or fiche: its fields in words, then its body."""
    data = document.data
    facts = []
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


BAR_WIDTH = 360  # the longest bar of a chart, in SVG units
# Above this many possible answers (the communes of a large territory), only the answers
# with a count shown get a bar; the others are counted in a sentence.
LONG_CHOICES = 20
# What a hidden count reads: not « moins de 5 », since some hidden counts are larger.
HIDDEN = "masqué"


def survey_view(index: SiteIndex) -> dict[str, Any]:
    """The questionnaire's files and, when there are results, every question as a chart and
    a table (its accessible twin)."""
    results = index.directory.survey
    questionnaire = ("questionnaire.md", "questionnaire.xml")
    view: dict[str, Any] = {
        "fichiers": [routes.survey_file(name) for name in questionnaire]
        if all(name in index.directory.survey_files for name in questionnaire)
        else None,
        "seuil": survey.SUPPRESS_BELOW,
        "resultats": None,
    }
    if results is None:
        return view
    questions = [_survey_question(q) for q in results["questions"]]
    breakdowns = [
        {
            "label": b["label"],
            "choix": _breakdown_columns(b),
            "lignes": [
                {
                    "groupe": row["groupe"],
                    "n": row["n"],
                    "cellules": [_count_text(c["nombre"], row["n"]) for c in row["choix"]],
                }
                for row in b["lignes"]
            ],
        }
        for b in results.get("par_age", [])
    ]
    view["resultats"] = {
        "synthetique": bool(results.get("synthetique")),
        "source": results.get("source", ""),
        "repondants": results.get("repondants"),
        "questions": questions,
        "par_age": breakdowns,
    }
    return view


def _breakdown_columns(breakdown: dict[str, Any]) -> list[str]:
    """The answers' labels, from the first row that is shown (hidden rows have none)."""
    for row in breakdown["lignes"]:
        if row["choix"]:
            return [c["label"] for c in row["choix"]]
    return []


def _count_text(count: int | None, n: int | None) -> str:
    """A count and its share; a hidden count reads « masqué »: it may be under 5, or larger
    and hidden so that another one cannot be worked out."""
    if count is None:
        return HIDDEN
    share = f" ({round(100 * count / n)} %)" if n else ""
    return f"{count}{share}"


def _survey_question(question: dict[str, Any]) -> dict[str, Any]:
    """A question's chart and table. A long list of answers (the communes of a large
    territory) keeps the answers shown with their count, most frequent first; those whose
    count is hidden, or zero, are counted in a sentence instead of a row each."""
    n = question.get("n")
    choices = question.get("choix", [])
    few = none = 0
    if len(choices) > LONG_CHOICES:
        few = sum(1 for c in choices if c.get("nombre") is None)
        none = sum(1 for c in choices if c.get("nombre") == 0)
        choices = sorted((c for c in choices if c.get("nombre")), key=lambda c: -c["nombre"])
    rows = []
    for position, choice in enumerate(choices):
        count = choice.get("nombre")
        rows.append(
            {
                "label": choice["label"],
                "texte": _count_text(count, n),
                "barre": 0 if count is None or not n else round(BAR_WIDTH * count / n, 1),
                "y": 8 + position * 30,
                "cache": count is None,
            }
        )
    return {
        "id": question["name"],
        "label": question["label"],
        "n": n,
        "multiple": bool(question.get("multiple")),
        "lignes": rows,
        "hauteur": 16 + len(rows) * 30,
        "largeur": BAR_WIDTH,
        "peu": few,  # answers whose count is hidden, in a long list
        "aucune": none,  # answers chosen by nobody, in a long list
    }
