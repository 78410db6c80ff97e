"""Our per-weekday hours and the OpenStreetMap `opening_hours` string of the national
standard (`Mo-Fr 08:30-12:30; We 13:30-17:00`), both ways.

Writing is exact. Reading takes the part of the OSM grammar that describes an ordinary
week: weekdays and day ranges, time ranges, `off`/`closed`, `24/7`, rules that override
(`;`) or add to (`,`) the ones before, and `PH off`. Anything else (months, week numbers,
nth weekday, comments, hours past midnight, open on public holidays) would have to be
guessed into a weekly table, so the whole string is handed back unread for a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from helpfinder.core.hours import WEEKDAYS, HoursError, clock, parse_day

OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
HOLIDAYS_CLOSED = "Fermé les jours fériés."

_DAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)"
_TIME = r"\d{1,2}:\d{2}"
_RANGE = rf"{_TIME}-{_TIME}"
# One rule: optional day selector, then time ranges or off/closed.
_RULE = re.compile(
    rf"(?:(?P<days>(?:{_DAY}(?:-{_DAY})?|PH)(?:,(?:{_DAY}(?:-{_DAY})?|PH))*)\s+)?"
    rf"(?P<times>{_RANGE}(?:\s*,\s*{_RANGE})*|off|closed)"
)
# `,` also joins two rules ("additional rule"): a comma after a time or `off`, before days.
_ADDITIONAL = re.compile(rf"(?<=[0-9fd]),\s*(?=(?:{_DAY}|PH)\b)")


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


@dataclass(frozen=True)
class ReadHours:
    """What could be read from an `opening_hours` string.

    `horaires` is our per-weekday form (`{"lundi": "08:30-12:30, 13:30-17:00"}`);
    `precisions` says in words what the table cannot (`PH off`); `unread` is the whole
    original string when it could not be converted, with `why` in French.
    """

    horaires: dict[str, str] = field(default_factory=dict)
    precisions: str = ""
    unread: str = ""
    why: str = ""


def read_opening_hours(text: str) -> ReadHours:
    """`"Mo-Fr 08:30-12:30; We 13:30-17:00"` -> per-weekday hours, or the string unread."""
    text = text.strip()
    if not text:
        return ReadHours()
    if text == "24/7":
        return ReadHours({day: "00:00-24:00" for day in WEEKDAYS})
    days: list[list[tuple[int, int]]] = [[] for _ in WEEKDAYS]
    holidays_closed = False
    for rule_text in (r.strip() for r in text.split(";")):
        if not rule_text:
            continue
        for position, part in enumerate(_ADDITIONAL.split(rule_text)):
            match = _RULE.fullmatch(part.strip())
            if match is None:
                return _unread(text, f"la règle « {part.strip()} » n'est pas une semaine type")
            selected, holidays = _selected_days(match["days"])
            closed = match["times"] in ("off", "closed")
            if holidays:
                if not closed or selected:
                    return _unread(text, "les horaires des jours fériés ne se mettent pas en table")
                holidays_closed = True
                continue
            ranges = [] if closed else _ranges(match["times"])
            if ranges is None:
                return _unread(text, f"« {match['times']} » n'est pas une plage d'heures lisible")
            for day in selected:
                # `;` starts a rule that replaces the day's hours, `,` one that adds to them.
                days[day] = days[day] + ranges if position and not closed else list(ranges)
    horaires: dict[str, str] = {}
    for weekday, ranges in zip(WEEKDAYS, days, strict=True):
        if not ranges:
            continue
        value = ", ".join(f"{clock(start)}-{clock(end)}" for start, end in sorted(ranges))
        try:
            parse_day(value)
        except HoursError as exc:
            return _unread(text, str(exc))
        horaires[weekday] = value
    return ReadHours(horaires, HOLIDAYS_CLOSED if holidays_closed else "")


def _selected_days(selector: str | None) -> tuple[list[int], bool]:
    """`Mo-We,Fr` -> ([0, 1, 2, 4], False); no selector means every day; `PH` is flagged."""
    if selector is None:
        return list(range(7)), False
    chosen: list[int] = []
    holidays = False
    for item in selector.split(","):
        if item == "PH":
            holidays = True
            continue
        first, _, last = item.partition("-")
        start, end = OSM_DAYS.index(first), OSM_DAYS.index(last or first)
        span = range(start, end + 1) if start <= end else [*range(start, 7), *range(end + 1)]
        chosen.extend(d for d in span if d not in chosen)
    return chosen, holidays


def _ranges(times: str) -> list[tuple[int, int]] | None:
    """`08:30-12:30,13:30-17:00` -> minutes; None for an impossible time or one past midnight."""
    ranges = []
    for part in times.split(","):
        start_text, end_text = part.strip().split("-")
        start, end = _minutes(start_text), _minutes(end_text)
        if start is None or end is None or start >= end or start >= 24 * 60:
            return None
        ranges.append((start, end))
    return ranges


def _minutes(text: str) -> int | None:
    hours, minutes = (int(n) for n in text.split(":"))
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        return None
    return hours * 60 + minutes


def _unread(text: str, why: str) -> ReadHours:
    return ReadHours(unread=text, why=why)
