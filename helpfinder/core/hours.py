"""Opening hours: the per-weekday form contributors write (`"08:30-12:30, 13:30-17:00"`)."""

from __future__ import annotations

import re
from itertools import pairwise

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
CLOSED_WORDS = frozenset({"fermé", "ferme"})

_RANGE = re.compile(r"(\d{2}):(\d{2})-(\d{2}):(\d{2})")
# What people write instead: "8h30-12h", "8h30 - 12h30", "08h30 à 12h30", "9:00-12:00".
_LOOSE_RANGE = re.compile(
    r"\s*(?:de\s+)?(\d{1,2})\s*[h:.]\s*(\d{2})?\s*(?:-|–|à|a)\s*(\d{1,2})\s*(?:[h:.]\s*(\d{2})?)?\s*",
    re.IGNORECASE,
)

Range = tuple[int, int]  # minutes since midnight, start < end


class HoursError(ValueError):
    """A day's hours cannot be read; `code` is the stable problem code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def parse_day(text: str) -> list[Range]:
    """`"08:30-12:30, 13:30-17:00"` -> `[(510, 750), (810, 1020)]`; `"fermé"` -> `[]`.

    Ranges must be HH:MM-HH:MM, each ending after it starts, in the order of the day and
    not overlapping: what a person reading them aloud would expect.
    """
    text = text.strip()
    if text.casefold() in CLOSED_WORDS:
        return []
    ranges: list[Range] = []
    for part in text.split(","):
        part = part.strip()
        match = _RANGE.fullmatch(part)
        if not match:
            hint = loose_suggestion(text)
            hint_text = f" ; vouliez-vous dire '{hint}' ?" if hint else ""
            raise HoursError(
                "horaires-format",
                f"'{part}' n'est pas au format HH:MM-HH:MM (exemple : 08:30-12:00){hint_text}",
            )
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2):
            raise HoursError("horaires-format", f"'{part}' n'est pas une heure valide")
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if start >= end:
            raise HoursError("horaires-ordre", f"'{part}' : l'heure de fin doit suivre le début")
        ranges.append((start, end))
    for (s1, e1), (s2, e2) in pairwise(ranges):
        if s2 < e1 and s1 < e2:
            raise HoursError(
                "horaires-chevauchement",
                f"'{text}' : les plages {clock(s1)}-{clock(e1)} et {clock(s2)}-{clock(e2)} "
                "se chevauchent",
            )
        if s2 < s1:
            raise HoursError(
                "horaires-ordre", f"'{text}' : écrivez les plages dans l'ordre de la journée"
            )
    return ranges


def loose_suggestion(text: str) -> str | None:
    """The strict form of hours written loosely (`8h30-12h` -> `08:30-12:00`), if any."""
    parts = re.split(r"\s*(?:,|;|/|\bet\b)\s*", text.strip())
    fixed = []
    for part in parts:
        match = _LOOSE_RANGE.fullmatch(part)
        if not match:
            return None
        h1, m1, h2, m2 = match.groups()
        fixed.append(f"{int(h1):02d}:{m1 or '00'}-{int(h2):02d}:{m2 or '00'}")
    suggestion = ", ".join(fixed)
    try:
        parse_day(suggestion)  # strict form by construction: cannot recurse back here
    except HoursError:
        return None
    return suggestion


def clock(minutes: int) -> str:
    """510 -> `08:30`."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
