"""Opening hours as contributors write them."""

from __future__ import annotations

import pytest

from helpfinder.hours import HoursError, loose_suggestion, parse_day


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
