"""Which places answer a pathway outcome: computed from the records, never typed by hand."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from helpfinder.data.records import Record

# Outcome fields that select places. Within one field, any value will do; every field
# given must be satisfied.
CRITERIA = (
    "services",
    "dispositif_programmes_nationaux",
    "publics_specifiquement_adresses",
    "prise_en_charge_specifique",
    "modalites_accompagnement",
    "equipements",
    "frais_a_charge",
)
# A place that names no specific public welcomes everyone.
OPEN_WHEN_EMPTY = frozenset({"publics_specifiquement_adresses"})


def matches(outcome: dict[str, Any], place: dict[str, Any]) -> bool:
    """True when `place` satisfies every criterion `outcome` sets."""
    for name in CRITERIA:
        wanted = outcome.get(name) or []
        if not wanted:
            continue
        offered = place.get(name) or []
        if not offered and name in OPEN_WHEN_EMPTY:
            continue
        if not set(wanted) & set(offered):
            return False
    return True


def places_for(outcome: dict[str, Any], places: Iterable[Record]) -> list[Record]:
    """The places matching `outcome`, in the order given."""
    return [place for place in places if matches(outcome, place.data)]


def any_place_matches(outcome: dict[str, Any], places: Iterable[Record]) -> bool:
    """True as soon as one place matches (the validator only needs to know that)."""
    return any(matches(outcome, place.data) for place in places)


def describe_criteria(outcome: dict[str, Any]) -> str:
    """`services : X, Y ; equipements : imprimante` for messages."""
    parts = [f"{name} : {', '.join(outcome[name])}" for name in CRITERIA if outcome.get(name)]
    return " ; ".join(parts)
