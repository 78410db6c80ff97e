"""The citizens' survey page as plain data for the templates: the questionnaire's files and
each question's results as a bar chart and its table."""

from __future__ import annotations

from typing import Any

from helpfinder.analysis.index import SiteIndex
from helpfinder.core.surveyaggregate import SUPPRESS_BELOW
from helpfinder.site import routes
from helpfinder.site.assessment_models import AnswerRow, Breakdown, SurveyQuestion, SurveyView

BAR_WIDTH = 360  # the longest bar of a chart, in SVG units
# Above this many possible answers (the communes of a large territory), only the answers
# with a count shown get a bar; the others are counted in a sentence.
LONG_CHOICES = 20
# What a hidden count reads: not « moins de 5 », since some hidden counts are larger.
HIDDEN = "masqué"


def survey_view(index: SiteIndex) -> SurveyView:
    """The questionnaire's files and, when there are results, every question as a chart and
    a table (its accessible twin)."""
    results = index.directory.survey
    questionnaire = ("questionnaire.md", "questionnaire.xml")
    view: SurveyView = {
        "fichiers": [routes.survey_file(name) for name in questionnaire]
        if all(name in index.directory.survey_files for name in questionnaire)
        else None,
        "seuil": SUPPRESS_BELOW,
        "resultats": None,
    }
    if results is None:
        return view
    questions = [_survey_question(q) for q in results["questions"]]
    breakdowns: list[Breakdown] = [
        {
            "label": b["label"],
            "choix": _breakdown_columns(b),
            "lignes": [
                {
                    "groupe": row["groupe"],
                    "n": row["n"],
                    "cellules": [_count_text(c["nombre"], row["n"]) for c in row["choix"]],
                }
                for row in b["lignes"]
            ],
        }
        for b in results.get("par_age", [])
    ]
    view["resultats"] = {
        "synthetique": bool(results.get("synthetique")),
        "source": results.get("source", ""),
        "repondants": results.get("repondants"),
        "questions": questions,
        "par_age": breakdowns,
    }
    return view


def _breakdown_columns(breakdown: dict[str, Any]) -> list[str]:
    """The answers' labels, from the first row that is shown (hidden rows have none)."""
    for row in breakdown["lignes"]:
        if row["choix"]:
            return [c["label"] for c in row["choix"]]
    return []


def _count_text(count: int | None, n: int | None) -> str:
    """A count and its share; a hidden count reads « masqué »: it may be under 5, or larger
    and hidden so that another one cannot be worked out."""
    if count is None:
        return HIDDEN
    share = f" ({round(100 * count / n)} %)" if n else ""
    return f"{count}{share}"


def _survey_question(question: dict[str, Any]) -> SurveyQuestion:
    """A question's chart and table. A long list of answers (the communes of a large
    territory) keeps the answers shown with their count, most frequent first; those whose
    count is hidden, or zero, are counted in a sentence instead of a row each."""
    n = question.get("n")
    choices = question.get("choix", [])
    few = none = 0
    if len(choices) > LONG_CHOICES:
        few = sum(1 for c in choices if c.get("nombre") is None)
        none = sum(1 for c in choices if c.get("nombre") == 0)
        choices = sorted((c for c in choices if c.get("nombre")), key=lambda c: -c["nombre"])
    rows: list[AnswerRow] = []
    for position, choice in enumerate(choices):
        count = choice.get("nombre")
        rows.append(
            {
                "label": choice["label"],
                "texte": _count_text(count, n),
                "barre": 0 if count is None or not n else round(BAR_WIDTH * count / n, 1),
                "y": 8 + position * 30,
                "cache": count is None,
            }
        )
    return {
        "id": question["name"],
        "label": question["label"],
        "n": n,
        "multiple": bool(question.get("multiple")),
        "lignes": rows,
        "hauteur": 16 + len(rows) * 30,
        "largeur": BAR_WIDTH,
        "peu": few,  # answers whose count is hidden, in a long list
        "aucune": none,  # answers chosen by nobody, in a long list
    }
