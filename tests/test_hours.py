"""Opening hours as contributors write them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpfinder.core.hours import HoursError, clock, loose_suggestion, parse_day
from helpfinder.core.openinghours import opening_hours, read_opening_hours


@pytest.mark.parametrize(
    ("text", "ranges"),
    [
        ("08:30-12:30", [(510, 750)]),
        ("08:30-12:30, 13:30-17:00", [(510, 750), (810, 1020)]),
        ("  08:30-12:30 ,13:30-17:00 ", [(510, 750), (810, 1020)]),
        ("00:00-24:00", [(0, 1440)]),
        ("12:00-13:00, 13:00-14:00", [(720, 780), (780, 840)]),  # touching is fine
        ("fermé", []),
        ("Fermé", []),
    ],
)
def test_valid_days(text, ranges):
    assert parse_day(text) == ranges


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("8h30-12h", "horaires-format"),
        ("08:30 - 12:30", "horaires-format"),
        ("08:30-12:30; 13:30-17:00", "horaires-format"),
        ("24:00-24:30", "horaires-format"),
        ("08:60-09:00", "horaires-format"),
        ("08:00-24:30", "horaires-format"),
        ("12:30-08:30", "horaires-ordre"),
        ("09:00-09:00", "horaires-ordre"),
        ("14:00-16:00, 09:00-12:00", "horaires-ordre"),
        ("09:00-12:00, 11:00-14:00", "horaires-chevauchement"),
        ("", "horaires-format"),
    ],
)
def test_invalid_days(text, code):
    with pytest.raises(HoursError) as caught:
        parse_day(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("8h30-12h", "08:30-12:00"),
        ("8h30 - 12h30", "08:30-12:30"),
        ("08h30 à 12h30", "08:30-12:30"),
        ("de 10h à 12 h et de 14 h à 16", "10:00-12:00, 14:00-16:00"),
        ("9:00-12:00 / 14:00-17:00", "09:00-12:00, 14:00-17:00"),
        ("le matin", None),
        ("12h-8h", None),  # the strict form would still be wrong: suggest nothing
    ],
)
def test_loose_suggestions(text, suggestion):
    assert loose_suggestion(text) == suggestion


# The national standard's OSM `opening_hours`, read back into our per-weekday form.

WEEK = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


@pytest.mark.parametrize(
    ("text", "horaires", "precisions"),
    [
        ("", {}, ""),
        ("Mo-We 08:30-12:30", dict.fromkeys(WEEK[:3], "08:30-12:30"), ""),
        ("Mo,Tu 09:00-12:00", dict.fromkeys(WEEK[:2], "09:00-12:00"), ""),
        (
            "Mo 08:30-12:30,13:30-17:00; Sa 09:00-12:00",
            {"lundi": "08:30-12:30, 13:30-17:00", "samedi": "09:00-12:00"},
            "",
        ),
        # A later rule replaces the day's hours; `off` closes it; `,` adds a rule.
        (
            "Mo-Fr 09:00-17:00; We 09:00-12:00; Fr off",
            {**dict.fromkeys(WEEK[:4], "09:00-17:00"), "mercredi": "09:00-12:00"},
            "",
        ),
        (
            "Mo-Fr 09:00-12:00, We 14:00-16:00",
            {**dict.fromkeys(WEEK[:5], "09:00-12:00"), "mercredi": "09:00-12:00, 14:00-16:00"},
            "",
        ),
        ("Sa-Mo 10:00-12:00", dict.fromkeys(("lundi", "samedi", "dimanche"), "10:00-12:00"), ""),
        ("Tu 9:00-12:00 ; PH off", {"mardi": "09:00-12:00"}, "Fermé les jours fériés."),
        ("09:00-12:00", dict.fromkeys(WEEK, "09:00-12:00"), ""),
        ("24/7", dict.fromkeys(WEEK, "00:00-24:00"), ""),
    ],
)
def test_osm_hours_become_our_days(text, horaires, precisions):
    read = read_opening_hours(text)
    assert (read.horaires, read.precisions, read.unread) == (horaires, precisions, "")


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Jan-Jun Mo 09:00-12:00", "semaine type"),
        ("Mo[1] 09:00-12:00", "semaine type"),
        ('Mo 09:00-12:00 "sur rendez-vous"', "semaine type"),
        ("week 1-53/2 Mo 09:00-12:00", "semaine type"),
        ("Fr 22:00-02:00", "22:00-02:00"),
        ("Mo 09:00-12:00,11:00-13:00", "chevauchent"),
        ("Mo 25:00-26:00", "25:00-26:00"),
        ("Mo-Fr 09:00-12:00; PH 10:00-11:00", "jours fériés"),
        ("lundi 9h-12h", "semaine type"),
    ],
)
def test_osm_hours_we_cannot_tabulate_come_back_whole(text, why):
    read = read_opening_hours(text)
    assert (read.horaires, read.unread) == ({}, text)
    assert why in read.why


ranges_of_a_day = st.lists(st.integers(0, 24 * 4), min_size=0, max_size=6, unique=True).map(
    lambda ticks: sorted(ticks)[: len(ticks) // 2 * 2]
)


@given(st.fixed_dictionaries({day: ranges_of_a_day for day in WEEK}))
@settings(max_examples=300)
def test_our_hours_survive_the_osm_round_trip(ticks):
    """Any valid week, written as OSM and read back, gives the same days, ranges and text."""
    hours = {}
    for day, edges in ticks.items():
        pairs = [(edges[i] * 15, edges[i + 1] * 15) for i in range(0, len(edges), 2)]
        if pairs:
            hours[day] = ", ".join(f"{clock(a)}-{clock(b)}" for a, b in pairs)
    written = opening_hours(hours)
    read = read_opening_hours(written)
    assert (read.horaires, read.unread) == (hours, "")
    assert opening_hours(read.horaires) == written
