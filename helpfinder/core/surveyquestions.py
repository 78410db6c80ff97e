"""The survey questionnaire's questions with a list of answers, read from its XLSForm
workbook, and the names of the questions the results treat apart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LABEL = "label::Français (fr)"
# Breakdowns by age band of these questions are published (with the same suppression).
BY_AGE = ("aisance", "renoncement")
AGE_QUESTION = "tranche_age"
CONSENT = "accord"
# The question whose choices are the territory's communes (filled from communes.csv).
COMMUNE_QUESTION = "commune"


@dataclass(frozen=True)
class Question:
    name: str
    label: str
    multiple: bool
    choices: list[tuple[str, str]]  # (name, label)


def select_questions(book: dict[str, Any]) -> list[Question]:
    """The questions with answers from a list, in the questionnaire's order."""
    labels: dict[str, list[tuple[str, str]]] = {}
    for choice in book["choices"]:
        labels.setdefault(choice["list_name"], []).append((str(choice["name"]), choice[LABEL]))
    found = []
    for row in book["survey"]:
        kind, _, list_name = row.get("type", "").partition(" ")
        if kind in ("select_one", "select_multiple") and row.get("name") != CONSENT:
            found.append(
                Question(row["name"], row[LABEL], kind == "select_multiple", labels[list_name])
            )
    return found
