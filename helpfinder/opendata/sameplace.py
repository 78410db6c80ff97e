"""Is this imported place one we already have? Name, address and distance, in words.

Two services often share a building (a France services in a town hall) and one structure
(one SIRET) often runs several places, so none of these makes two records the same place.
It takes a similar name, and: the same id; or the same commune with the two points within
a kilometre; or the same commune without coordinates, at the same address or with one
address missing. A shared address, a point within 100 m or a shared SIRET with another
name is only worth a look.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from helpfinder.core.geo import distance_km
from helpfinder.core.text import fold
from helpfinder.opendata.export import NO_PIVOT

SAME_NAME_WITHIN_KM = 1.0
NEIGHBOUR_WITHIN_KM = 0.1
NAME_SIMILARITY = 0.85
# Words that make two names look alike without saying anything about the place.
_FILLER = frozenset(
    ["a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "pour", "sur"]
)


@dataclass(frozen=True)
class Match:
    """`key` is the matched record's key (its file); `reason` says why, in French."""

    key: str
    reason: str
    same: bool  # False: only a neighbour worth a look, not the same place


class PlaceMatcher:
    """The known records, indexed so that each lookup compares a handful of them."""

    def __init__(self) -> None:
        self._by_id: dict[str, str] = {}
        self._by_pivot: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._by_commune: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)

    def add(self, key: str, record_id: str, data: dict[str, Any]) -> None:
        self._by_id.setdefault(record_id, key)
        self._names[key] = data.get("nom", "")
        pivot = data.get("pivot")
        if pivot and pivot != NO_PIVOT:
            self._by_pivot.setdefault(pivot, key)
        self._by_commune[data.get("code_insee", "")].append((key, data))

    def find(self, record_id: str, data: dict[str, Any]) -> Match | None:
        """The record `data` duplicates, or failing that the first neighbour, or None."""
        if record_id in self._by_id:
            key = self._by_id[record_id]
            # One id for two different names is a clash of producers' ids, not one place.
            if similar_names(data.get("nom", ""), self._names[key]):
                return Match(key, "même identifiant", True)
        neighbour = None
        for key, known in self._by_commune.get(data.get("code_insee", ""), ()):
            reason, same = _compare(data, known)
            if same:
                return Match(key, reason, True)
            if reason and neighbour is None:
                neighbour = Match(key, reason, False)
        # A SIRET is the structure's: a town runs its library and its France services.
        pivot = data.get("pivot")
        if neighbour is None and pivot in self._by_pivot:
            neighbour = Match(self._by_pivot[pivot], f"même SIRET/RNA ({pivot})", False)
        return neighbour


def _compare(new: dict[str, Any], known: dict[str, Any]) -> tuple[str, bool]:
    """Why two records of one commune look alike (empty if they do not), and whether that
    makes them the same place."""
    km = _distance(new, known)
    address, known_address = _folded(new.get("adresse")), _folded(known.get("adresse"))
    same_address = bool(address) and address == known_address
    # The commune's name is in many names ("Médiathèque de Sainte-Foy") and tells two places apart
    # no better than the commune itself.
    commune = _words(new.get("commune") or "") | _words(known.get("commune") or "")
    if similar_names(new.get("nom", ""), known.get("nom", ""), ignore=commune):
        if km is not None and km <= SAME_NAME_WITHIN_KM:
            return f"nom semblable, à {km * 1000:.0f} m", True
        if km is None and (same_address or not address or not known_address):
            return "nom semblable, même adresse" if same_address else "nom semblable", True
        return "nom semblable, autre adresse", False
    if same_address:
        return "même adresse, autre nom", False
    if km is not None and km <= NEIGHBOUR_WITHIN_KM:
        return f"à {km * 1000:.0f} m, autre nom", False
    return "", False


def similar_names(first: str, second: str, ignore: frozenset[str] = frozenset()) -> bool:
    """`Espace Charlet (MJC)` ~ `MJC Espace Charlet`; `Mairie` !~ `Médiathèque`;
    `Salle 1` !~ `Salle 2`; words in `ignore` do not count."""
    a, b = _words(first) - ignore, _words(second) - ignore
    if not a or not b or {w for w in a if w.isdigit()} != {w for w in b if w.isdigit()}:
        return False
    if a == b or (min(len(a), len(b)) >= 2 and (a <= b or b <= a)):
        return True
    ratio = difflib.SequenceMatcher(None, " ".join(sorted(a)), " ".join(sorted(b))).ratio()
    return ratio >= NAME_SIMILARITY


def _words(name: str) -> frozenset[str]:
    words = "".join(c if c.isalnum() else " " for c in fold(name)).split()
    return frozenset(w for w in words if w not in _FILLER)


def _folded(text: Any) -> str:
    return " ".join(sorted(_words(text))) if isinstance(text, str) else ""


def _distance(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    values = [a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")]
    numbers = [v for v in values if isinstance(v, int | float)]
    if len(numbers) < len(values):
        return None
    return distance_km(*numbers)
