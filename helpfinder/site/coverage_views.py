"""The « État des lieux » figures as plain data for the templates: its front page, the coverage,
the priorities and the actors' inventory. Every figure comes from `analysis`, at build time."""

from __future__ import annotations

from helpfinder.analysis import coverage as cov
from helpfinder.analysis import inventory
from helpfinder.analysis.index import SiteIndex
from helpfinder.core import display
from helpfinder.core.nearest import Nearest
from helpfinder.core.spreadsheet import csv_text
from helpfinder.core.text import slugify
from helpfinder.site import routes
from helpfinder.site.charts import scatter
from helpfinder.site.coverage_models import (
    ActorsView,
    AssessmentView,
    CoverageView,
    KmCell,
    PrioritiesView,
    PriorityRow,
    ServiceName,
    ShareCell,
)
from helpfinder.site.views import commune_link

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


def services_legend(index: SiteIndex) -> list[ServiceName]:
    return [{"court": SHORT_NAMES.get(s, s), "nom": s} for s in index.services]


def _km_cell(found: Nearest | None) -> KmCell:
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


def _share_cell(share: float) -> ShareCell:
    return {"texte": _percent(share), "tri": round(share * 100, 1)}


def coverage_view(index: SiteIndex) -> CoverageView:
    coverages = index.coverage
    ranked = [p.coverage for p in cov.priorities(coverages)]
    shown = coverages
    if len(coverages) > routes.TABLE_COMMUNES_MAX:
        unranked = [c for c in coverages if c.fragility is None]
        shown = [*ranked, *unranked][: routes.TABLE_COMMUNES_MAX]
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
                        "commune": commune_link(index, c.commune),
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
                "commune": commune_link(index, c.commune),
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


def priorities_view(index: SiteIndex) -> PrioritiesView:
    coverages = index.coverage
    ranked = cov.priorities(coverages)
    rows: list[PriorityRow] = [
        {
            "rang": p.rank,
            "commune": commune_link(index, p.coverage.commune),
            "population": display.integer(p.coverage.commune.population),
            "population_tri": p.coverage.commune.population,
            "fragilite": f"{p.coverage.fragility:.0f}".replace(".", ","),
            "fragilite_tri": round(p.coverage.fragility or 0.0, 3),
            "rang_fragilite": p.fragility_rank,
            "aide": _km_cell(p.coverage.nearest_help),
            "rang_distance": p.distance_rank,
            "loin": len(p.coverage.far_services()),
        }
        for p in ranked[: routes.TABLE_COMMUNES_MAX]
    ]
    fragility = index.territory.get("indice_fragilite") or {}
    return {
        "lignes": rows,
        "tronque": len(ranked) > routes.TABLE_COMMUNES_MAX,
        "total": len(ranked),
        "sans_indice": [commune_link(index, c.commune) for c in coverages if c.fragility is None],
        "proche_km": int(cov.NEAR_KM),
        "indice": {
            "nom": fragility.get("nom", "Indice de fragilité numérique"),
            "source": fragility.get("source", "").rstrip(". "),
            "millesime": fragility.get("millesime", "").rstrip(". "),
        },
        "graphique": scatter(ranked[: routes.TABLE_COMMUNES_MAX]),
        "csv": routes.COVERAGE_CSV,
    }


def actors_view(index: SiteIndex) -> ActorsView:
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
                "commune": commune_link(index, c.commune),
                "lieux": c.places,
                "permanences": c.permanences,
                "services": [SHORT_NAMES.get(s, s) for s in c.services],
            }
            for c in communes[: routes.TABLE_COMMUNES_MAX]
        ],
        "tronque": len(communes) > routes.TABLE_COMMUNES_MAX,
        "services_manquants": inventory.missing_services(index),
        "communes_sans_aide": [
            commune_link(index, c) for c in inventory.communes_without_help(index)
        ],
    }


def assessment_view(index: SiteIndex) -> AssessmentView:
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
            commune_link(index, p.coverage.commune) for p in cov.priorities(coverages)[:5]
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
