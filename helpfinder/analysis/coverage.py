"""Where the territory is covered, and where it is not: computed at build time from the
places and communes, never typed by hand.

Distances are straight lines from a commune's centre (data/communes.csv) to the nearest
place offering a service, or to the nearest commune where a place holds a permanence for
it: the same search as the commune pages (`SiteIndex.nearest`, a grid, never all pairs).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from helpfinder.core.nearest import Nearest
from helpfinder.data.territory import Commune

BANDS_KM = (5, 10, 15)
# Beyond this distance from every place offering a service, a commune is a "zone blanche"
# for that service: about twenty minutes by car, far more by bus.
FAR_KM = 15.0
# A service counts as "near" within this distance (the priorities' second measure).
NEAR_KM = 10.0


@dataclass(frozen=True)
class CommuneCoverage:
    commune: Commune
    nearest: dict[str, Nearest | None]  # by service, in the order of index.services
    fragility: float | None  # the mean of the commune's IRIS scores, when it has some

    @property
    def nearest_help(self) -> Nearest | None:
        """The nearest place, whatever it offers (None: no place at all)."""
        found = [n for n in self.nearest.values() if n is not None]
        return min(found, key=lambda n: n.km) if found else None

    @property
    def help_km(self) -> float | None:
        nearest = self.nearest_help
        return nearest.km if nearest is not None else None

    def far_services(self, km: float = NEAR_KM) -> list[str]:
        """The services with no place within `km`."""
        return [s for s, n in self.nearest.items() if n is None or n.km > km]


@dataclass(frozen=True)
class Priority:
    coverage: CommuneCoverage
    fragility_rank: int  # 1 = the most fragile
    distance_rank: int  # 1 = the farthest from help
    rank: int  # 1 = the first place to act


def commune_coverage(
    communes: list[Commune],
    services: list[str],
    nearest: Callable[[Commune, str], Nearest | None],
    iris_scores: Callable[[str], list[tuple[str, float]]],
) -> list[CommuneCoverage]:
    """Every commune, in the given order, with its nearest place for each service: computed
    once per build by the index (`SiteIndex.coverage`), which the pages and files share."""
    result = []
    for commune in communes:
        scores = [score for _, score in iris_scores(commune.code_insee)]
        result.append(
            CommuneCoverage(
                commune,
                {service: nearest(commune, service) for service in services},
                sum(scores) / len(scores) if scores else None,
            )
        )
    return result


def population_share(coverages: list[CommuneCoverage], service: str, km: float) -> float:
    """The share (0 to 1) of the territory's population living in a commune whose centre is
    within `km` of a place offering `service`."""
    total = sum(c.commune.population for c in coverages)
    if not total:
        return 0.0
    near = sum(
        c.commune.population
        for c in coverages
        if (found := c.nearest.get(service)) is not None and found.km <= km
    )
    return near / total


def white_zones(coverages: list[CommuneCoverage], service: str) -> list[CommuneCoverage]:
    """The communes with no place offering `service` within FAR_KM, farthest first."""
    far = [c for c in coverages if _km(c.nearest.get(service)) > FAR_KM]
    return sorted(far, key=lambda c: (-_km(c.nearest.get(service)), c.commune.nom))


def priorities(coverages: list[CommuneCoverage]) -> list[Priority]:
    """Communes ranked for action: fragile and far from help first.

    Each commune gets two ranks: by fragility (the highest index first) and by distance to
    the nearest place (the farthest first). Their sum orders the communes; on a tie, the
    more populous first. Communes without a fragility index are left out: they cannot be
    compared.
    """
    scored = [c for c in coverages if c.fragility is not None]
    by_fragility = _ranks(scored, lambda c: -(c.fragility or 0.0))
    by_distance = _ranks(scored, lambda c: -_km(c.nearest_help))
    ordered = sorted(
        scored,
        key=lambda c: (
            by_fragility[c.commune.code_insee] + by_distance[c.commune.code_insee],
            -c.commune.population,
            c.commune.nom,
        ),
    )
    return [
        Priority(c, by_fragility[c.commune.code_insee], by_distance[c.commune.code_insee], n)
        for n, c in enumerate(ordered, start=1)
    ]


def _ranks(
    coverages: list[CommuneCoverage], key: Callable[[CommuneCoverage], Any]
) -> dict[str, int]:
    """Competition ranking (1, 2, 2, 4): equal values share the better rank."""
    ranks: dict[str, int] = {}
    ordered = sorted(coverages, key=key)
    for position, coverage in enumerate(ordered, start=1):
        previous = ordered[position - 2] if position > 1 else None
        if previous is not None and key(previous) == key(coverage):
            ranks[coverage.commune.code_insee] = ranks[previous.commune.code_insee]
        else:
            ranks[coverage.commune.code_insee] = position
    return ranks


def _km(found: Nearest | None) -> float:
    """The distance, infinite when there is nothing: the farthest of all."""
    return found.km if found is not None else float("inf")
