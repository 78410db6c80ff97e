"""The build's "today", and what "more than 12 months old" means for a record."""

from __future__ import annotations

import datetime as dt
import os

STALE_AFTER_MONTHS = 12


def today() -> dt.date:
    """Today in UTC, or the day of SOURCE_DATE_EPOCH when set (reproducible builds, tests)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.datetime.now(dt.UTC).date()


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier (the 29th of February becomes the 28th)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: the 28th exists in every month")


def is_stale(verified: dt.date, on: dt.date) -> bool:
    """True when a record verified on `verified` is more than 12 months old on `on`."""
    return verified < months_before(on, STALE_AFTER_MONTHS)
