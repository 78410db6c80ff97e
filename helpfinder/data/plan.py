"""The action plan (`data/plan/*.yml`): one record per action, checked like the others, and
what the dashboard computes from them (late actions, funding totals, counts by status)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpfinder.core.problems import Problem
from helpfinder.data.places import check_not_future
from helpfinder.data.records import Record, read_record
from helpfinder.data.schema import RecordSchema

STATUSES = ("prévue", "en cours", "faite", "suspendue", "abandonnée")
CLOSED = frozenset({"faite", "abandonnée"})
FUNDING_STATES = ("acquis", "demandé", "à trouver")


def check_plan_file(
    path: Path, shown_as: str, schema: RecordSchema, today: dt.date
) -> tuple[Record | None, list[Problem]]:
    """Read and check one action: its fields, and a date of update not in the future."""
    record, checker = read_record(path, shown_as, schema)
    if record is not None:
        check_not_future(checker, record.data, today)
    return record, checker.problems


def is_late(data: dict[str, Any], today: dt.date) -> bool:
    """Past its due date and neither done nor given up."""
    due = data.get("echeance")
    return isinstance(due, dt.date) and due < today and data.get("statut") not in CLOSED


@dataclass(frozen=True)
class Axis:
    name: str
    actions: list[Record]

    def by_status(self) -> dict[str, int]:
        counted = Counter(a.data.get("statut") for a in self.actions)
        return {status: counted.get(status, 0) for status in STATUSES}


def axes(actions: list[Record]) -> list[Axis]:
    """The axes in the order of their first action (files are read in name order), each
    with its actions by due date (undated last), then id."""
    grouped: dict[str, list[Record]] = {}
    for action in actions:
        grouped.setdefault(action.data.get("axe", ""), []).append(action)
    return [
        Axis(name, sorted(found, key=lambda a: (a.data.get("echeance") or dt.date.max, a.id)))
        for name, found in grouped.items()
    ]


def funding_totals(actions: list[Record]) -> dict[str, float]:
    """Euros by state of the funding (acquis, demandé, à trouver), over all actions."""
    totals = dict.fromkeys(FUNDING_STATES, 0.0)
    for action in actions:
        for line in action.data.get("financement") or []:
            if line.get("etat") in totals:
                totals[line["etat"]] += float(line.get("montant") or 0)
    return totals
