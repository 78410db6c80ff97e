"""French wording of record values for people: hours, dates, phones, distances, numbers."""

from __future__ import annotations

import datetime as dt

from helpfinder.core.hours import WEEKDAYS, parse_day
from helpfinder.core.languages import language_names

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
NBSP = "\u00a0"
NNBSP = "\u202f"  # thin no-break space: the French thousands separator


def time_of_day(minutes: int) -> str:
    """510 -> `8 h 30`, 720 -> `12 h`: how times are read aloud and written in French."""
    hours, mins = divmod(minutes, 60)
    return f"{hours}{NBSP}h" if mins == 0 else f"{hours}{NBSP}h{NBSP}{mins:02d}"


def day_ranges(text: str) -> str:
    """`"08:30-12:30, 13:30-17:00"` -> `8 h 30 – 12 h 30 et 13 h 30 – 17 h`; `fermé` -> `Fermé`."""
    ranges = parse_day(text)
    if not ranges:
        return "Fermé"
    parts = [f"{time_of_day(start)} – {time_of_day(end)}" for start, end in ranges]
    return " et ".join(parts)


def week(hours: dict[str, str] | None) -> list[tuple[str, str]]:
    """Every weekday in order with its hours in words; days not given are closed."""
    hours = hours or {}
    return [
        (day.capitalize(), day_ranges(hours[day]) if day in hours else "Fermé") for day in WEEKDAYS
    ]


def week_minutes(hours: dict[str, str] | None) -> dict[str, list[list[int]]]:
    """The hours as minutes since midnight, for the script that says "open now"."""
    hours = hours or {}
    return {day: [list(r) for r in parse_day(hours[day])] for day in WEEKDAYS if day in hours}


def date(day: dt.date) -> str:
    """`2026-11-01` -> `1er novembre 2026`."""
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {MONTHS[day.month - 1]} {day.year}"


def phone(number: str) -> str:
    """`+33400000000` -> `04 00 00 00 00`; other countries keep their international form."""
    if number.startswith("+33") and len(number) == 12:
        national = "0" + number[3:]
        return " ".join(national[i : i + 2] for i in range(0, 10, 2))
    return number


def km(distance: float) -> str:
    """3.24 -> `3,2 km`; under 100 m -> `moins de 100 m`."""
    if distance < 0.1:
        return "moins de 100 m"
    if distance >= 10:
        return f"{round(distance)}{NBSP}km"
    return f"{distance:.1f}".replace(".", ",") + f"{NBSP}km"


_VOWELS = "AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸaeiouyàâäéèêëîïôöùûüÿ"


def in_place(name: str) -> str:
    """`à` before a commune's name, contracted as French does: `à Saint-Test`, `au Gué`
    (`Le Gué`), `aux Épreuves` (`Les Épreuves`); `à La Tour` and `à L'Isle` stay."""
    if name.startswith("Le "):
        return f"au {name[3:]}"
    if name.startswith("Les "):
        return f"aux {name[4:]}"
    return f"à {name}"


def of_place(name: str) -> str:
    """`de` before a commune's name: `de Saint-Test`, `d'Essai-le-Haut`, `du Gué`,
    `des Épreuves`; `de La Tour` and `de L'Isle` stay."""
    if name.startswith("Le "):
        return f"du {name[3:]}"
    if name.startswith("Les "):
        return f"des {name[4:]}"
    if name[:1] in _VOWELS:
        return f"d'{name}"
    return f"de {name}"


def integer(value: int) -> str:
    """12345 -> `12 345` (French thousands separator)."""
    return f"{value:,}".replace(",", NNBSP)


def languages(codes: list[str] | None) -> list[str]:
    """`["fr", "en"]` -> `["français", "anglais"]`."""
    names = language_names()
    return [names.get(code, code) for code in codes or []]
