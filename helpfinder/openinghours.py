"""Our per-weekday hours as an OpenStreetMap `opening_hours` string, as the national
standard asks (`Mo-Fr 08:30-12:30; We 13:30-17:00`)."""

from __future__ import annotations

from .hours import WEEKDAYS, clock, parse_day

OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def opening_hours(hours: dict[str, str] | None) -> str:
    """Consecutive days with the same hours are grouped (`Mo-Fr`); closed days are left out.

    `{"lundi": "08:30-12:30", "mardi": "08:30-12:30", "mercredi": "09:00-12:00"}`
    -> `"Mo-Tu 08:30-12:30; We 09:00-12:00"`.
    """
    by_day = []
    for day in WEEKDAYS:
        ranges = parse_day(hours[day]) if hours and day in hours else []
        by_day.append(",".join(f"{clock(start)}-{clock(end)}" for start, end in ranges))
    rules = []
    first = 0
    while first < len(by_day):
        last = first
        while last + 1 < len(by_day) and by_day[last + 1] == by_day[first]:
            last += 1
        if by_day[first]:
            span = OSM_DAYS[first] if first == last else f"{OSM_DAYS[first]}-{OSM_DAYS[last]}"
            if last == first + 1:
                span = f"{OSM_DAYS[first]},{OSM_DAYS[last]}"
            rules.append(f"{span} {by_day[first]}")
        first = last + 1
    return "; ".join(rules)
