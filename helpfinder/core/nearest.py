"""The nearest place offering a service, for every commune, without comparing every pair.

At the national scale (35,000 communes, 20,000 places, 9 services) all pairs would be
6 billion distances. Points go into a grid of cells 0.1 degree wide; a search looks at
rings of cells around the commune, nearest first, and stops once no further ring can hold
anything closer than the best found.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from helpfinder.core.geo import distance_km

CELL_DEGREES = 0.1
KM_PER_DEGREE = 111.19  # along a meridian; along a parallel it is this times cos(latitude)


@dataclass(frozen=True)
class Point:
    """Where a place offers its services: its own address, or a commune where it holds a
    permanence (then `permanence` names that commune's code)."""

    latitude: float
    longitude: float
    place_id: str
    commune: str
    permanence: bool = False


@dataclass(frozen=True)
class Nearest:
    point: Point
    km: float


class PointGrid:
    """Points bucketed by grid cell, searchable for the nearest one."""

    def __init__(self, points: list[Point]) -> None:
        self._cells: dict[tuple[int, int], list[Point]] = defaultdict(list)
        for point in sorted(points, key=lambda p: (p.place_id, p.commune, p.permanence)):
            self._cells[_cell(point.latitude, point.longitude)].append(point)
        rows = [row for row, _ in self._cells] or [0]
        cols = [col for _, col in self._cells] or [0]
        self._extent = (min(rows), max(rows), min(cols), max(cols))

    def __bool__(self) -> bool:
        return bool(self._cells)

    def nearest(self, latitude: float, longitude: float) -> Nearest | None:
        """The closest point (ties: the first by place id), or None when there is none."""
        if not self._cells:
            return None
        row0, col0 = _cell(latitude, longitude)
        low_row, high_row, low_col, high_col = self._extent
        widest = max(
            abs(row0 - low_row), abs(row0 - high_row), abs(col0 - low_col), abs(col0 - high_col)
        )
        best: Nearest | None = None
        for ring in range(widest + 1):
            if best is not None and _ring_lower_bound_km(ring, latitude) > best.km:
                break
            for cell in _ring_cells(row0, col0, ring):
                for point in self._cells.get(cell, ()):
                    km = distance_km(latitude, longitude, point.latitude, point.longitude)
                    if best is None or km < best.km:
                        best = Nearest(point, km)
        return best


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor(latitude / CELL_DEGREES), math.floor(longitude / CELL_DEGREES)


def _ring_cells(row: int, col: int, ring: int) -> list[tuple[int, int]]:
    if ring == 0:
        return [(row, col)]
    cells = [(row - ring, c) for c in range(col - ring, col + ring + 1)]
    cells += [(row + ring, c) for c in range(col - ring, col + ring + 1)]
    cells += [(r, col - ring) for r in range(row - ring + 1, row + ring)]
    cells += [(r, col + ring) for r in range(row - ring + 1, row + ring)]
    return cells


def _ring_lower_bound_km(ring: int, latitude: float) -> float:
    """No point in ring `ring` or beyond is closer than this (cells between are skipped)."""
    if ring <= 1:
        return 0.0
    # Parallels shrink towards the poles: take the narrowest cell the ring can reach.
    widest_latitude = min(abs(latitude) + ring * CELL_DEGREES, 89.0)
    cell_km = CELL_DEGREES * KM_PER_DEGREE * math.cos(math.radians(widest_latitude))
    return (ring - 1) * cell_km
