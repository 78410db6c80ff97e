"""The citizens' survey: the questionnaire (an XLSForm written as Markdown tables, turned
into an ODK XForm by pyxform) and its results, aggregated so that no one can be recognised.

Privacy rules, applied when an ODK Central export is imported, before anything is written:
- free-text answers are never read into the results;
- a count under 5 is suppressed (« moins de 5 »); when a question has one answer per person
  and a single count is suppressed, the next smallest is suppressed too, so that the
  suppressed one cannot be found by subtraction from the total;
- a question, or a row of a breakdown, with fewer than 5 answers is not shown at all.
Only these aggregates are written to the repository; the export itself stays out of it.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .territory import Commune

QUESTIONNAIRE = "questionnaire.md"
XFORM = "questionnaire.xml"
RESULTS = "resultats.json"
SUPPRESS_BELOW = 5
LABEL = "label::Français (fr)"
# Breakdowns by age band of these questions are published (with the same suppression).
BY_AGE = ("aisance", "renoncement")
AGE_QUESTION = "tranche_age"
CONSENT = "accord"
# The question whose choices are the territory's communes (filled from communes.csv).
COMMUNE_QUESTION = "commune"


class SurveyError(ValueError):
    """The export cannot be used; the message names the file and what is wrong."""


def workbook(markdown: str, communes: Iterable[Commune]) -> dict[str, Any]:
    """The XLSForm as pyxform reads it, with the territory's communes as the choices of the
    `commune` list (the questionnaire file holds a placeholder for them)."""
    from pyxform.xls2json_backends import md_to_dict  # only `make enquete` and tests need it

    book = md_to_dict(markdown)
    choices = [c for c in book["choices"] if c.get("list_name") != COMMUNE_QUESTION]
    choices += [
        {"list_name": COMMUNE_QUESTION, "name": c.code_insee, LABEL: c.nom} for c in communes
    ]
    book["choices"] = choices
    return book


def xform(markdown: str, communes: Iterable[Commune]) -> str:
    """The ODK XForm (XML) of the questionnaire: what ODK Central and Collect load."""
    from pyxform.xls2xform import convert

    return convert(xlsform=workbook(markdown, communes), pretty_print=True).xform


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


def read_export(path: Path, shown_as: str) -> list[dict[str, str]]:
    """The submissions of an ODK Central CSV export, keyed by question name (Central names
    columns by their group path: `profil-commune`)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise SurveyError(f"{shown_as} : impossible de lire le fichier ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise SurveyError(f"{shown_as} : le fichier n'est pas en UTF-8") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or not any(n.endswith(CONSENT) for n in reader.fieldnames):
        raise SurveyError(
            f"{shown_as} : ce n'est pas un export ODK Central de ce questionnaire "
            f"(pas de colonne « {CONSENT} »)"
        )
    rows = []
    for row in reader:
        if (row.get("ReviewState") or "").lower() == "rejected":
            continue  # a submission the team rejected in Central
        rows.append({column.rsplit("-", 1)[-1]: value for column, value in row.items() if column})
    return rows


def unknown_communes(rows: list[dict[str, str]], codes: Iterable[str]) -> Counter[str]:
    """How many answers give each commune that is not one of `codes`: answers to the
    questionnaire of another territory, or of an older list of communes."""
    known = set(codes)
    found = (r.get(COMMUNE_QUESTION, "").strip() for r in rows if r.get(CONSENT) == "oui")
    return Counter(code for code in found if code and code not in known)


def communes_mismatch(published: Iterable[str], codes: Iterable[str]) -> str | None:
    """What differs between the communes a published survey file lists and the territory's,
    in words (None when they are the same)."""
    published, codes = set(published), set(codes)
    parts = []
    if published - codes:
        parts.append(f"communes hors du territoire : {_some(published - codes)}")
    if codes - published:
        parts.append(f"communes du territoire absentes : {_some(codes - published)}")
    return " ; ".join(parts) or None


def xform_communes(text: str) -> list[str]:
    """The commune codes an XForm offers as answers (its `commune` choice list)."""
    from defusedxml import ElementTree  # a file of data/: no entity expansion

    root = ElementTree.fromstring(text)
    ns = {"x": "http://www.w3.org/2002/xforms"}
    path = f".//x:instance[@id='{COMMUNE_QUESTION}']/x:root/x:item/x:name"
    return [item.text or "" for item in root.findall(path, ns)]


def results_communes(results: dict[str, Any]) -> list[str] | None:
    """The commune codes of the published results' commune question (None without one)."""
    for question in results.get("questions", []):
        if question.get("name") == COMMUNE_QUESTION:
            return [str(c.get("name", "")) for c in question.get("choix", [])]
    return None


def _some(codes: set[str], shown: int = 5) -> str:
    listed = ", ".join(sorted(codes)[:shown])
    return listed + (f" et {len(codes) - shown} autres" if len(codes) > shown else "")


def aggregate(rows: list[dict[str, str]], book: dict[str, Any]) -> dict[str, Any]:
    """What the site publishes: every select question's counts, with suppression, and the
    breakdowns by age band of BY_AGE. Free text is not read."""
    answered = [r for r in rows if r.get(CONSENT) == "oui"]
    questions = select_questions(book)
    by_name = {q.name: q for q in questions}
    results = [_distribution(q, answered) for q in questions]
    breakdowns = []
    ages = by_name.get(AGE_QUESTION)
    for name in BY_AGE:
        if ages is None or name not in by_name:
            continue
        lines = []
        for age, age_label in ages.choices:
            group = [r for r in answered if r.get(AGE_QUESTION) == age]
            lines.append({"groupe": age_label, **_distribution(by_name[name], group)})
        breakdowns.append({"question": name, "label": by_name[name].label, "lignes": lines})
    return {
        "repondants": len(answered) if len(answered) >= SUPPRESS_BELOW else None,
        "questions": results,
        "par_age": breakdowns,
    }


def _distribution(question: Question, rows: list[dict[str, str]]) -> dict[str, Any]:
    values = [r.get(question.name, "").split() for r in rows]
    values = [v for v in values if v]
    n = len(values)
    counts = Counter(answer for answer in (a for v in values for a in v))
    shown: dict[str, int | None] = {name: counts.get(name, 0) for name, _ in question.choices}
    if n < SUPPRESS_BELOW:
        return {"name": question.name, "label": question.label, "n": None, "choix": []}
    for name, count in shown.items():
        if 0 < (count or 0) < SUPPRESS_BELOW:
            shown[name] = None
    hidden = [name for name, count in shown.items() if count is None]
    if not question.multiple and len(hidden) == 1:
        # One answer per person: the total minus the others would give the hidden count.
        others = [(count, name) for name, count in shown.items() if count]
        if others:
            shown[min(others)[1]] = None
    return {
        "name": question.name,
        "label": question.label,
        "n": n,
        "multiple": question.multiple,
        "choix": [
            {"name": name, "label": label, "nombre": shown[name]}
            for name, label in question.choices
        ],
    }


def results_document(
    aggregated: dict[str, Any], source: str, synthetic: bool, version: str
) -> dict[str, Any]:
    """The file data/enquete/resultats.json: the aggregates and where they come from."""
    return {
        "synthetique": synthetic,
        "source": source,
        "version_questionnaire": version,
        **aggregated,
    }


def load_results(path: Path) -> dict[str, Any] | None:
    """The published results, or None when the territory has none yet.

    Raises SurveyError when the file cannot be read as results."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise SurveyError(f"fichier de résultats illisible ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        raise SurveyError("ce n'est pas un fichier de résultats (pas de « questions »)")
    for number, question in enumerate(data["questions"], start=1):
        choices = question.get("choix") if isinstance(question, dict) else None
        well_formed = (
            isinstance(choices, list)
            and {"name", "label", "n"} <= set(question)
            and all(isinstance(c, dict) and {"name", "label", "nombre"} <= set(c) for c in choices)
        )
        if not well_formed:
            raise SurveyError(
                f"question n° {number} mal formée : réécrivez le fichier avec "
                "« make enquete SOURCE=… » plutôt qu'à la main"
            )
    return data
