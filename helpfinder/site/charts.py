"""Chart geometry in SVG units, for the templates to draw: the priorities' scatter plot."""

from __future__ import annotations

from helpfinder.analysis import coverage as cov
from helpfinder.site.coverage_models import Scatter


def scatter(ranked: list[cov.Priority]) -> Scatter | None:
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
    ticks: list[float] = []
    value = 0.0
    while value <= maximum + 1e-9:
        ticks.append(value)
        value += step
    return ticks
