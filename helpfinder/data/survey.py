"""The survey's files in data/enquete/: their names, the published results read back, and
what differs between the communes they list and the territory's.

The questionnaire is turned into an XForm in surveyform.py, an ODK Central export is read
in contrib/surveyexport.py and aggregated, with the privacy rules, in
core/surveyaggregate.py: only those aggregates are written to the repository.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from helpfinder.core.surveyquestions import COMMUNE_QUESTION

QUESTIONNAIRE = "questionnaire.md"
XFORM = "questionnaire.xml"
RESULTS = "resultats.json"


class SurveyError(ValueError):
    """The export cannot be used; the message names the file and what is wrong."""


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


def parse_results(text: str) -> dict[str, Any]:
    """The published results, from the text of data/enquete/resultats.json.

    Raises SurveyError when the text is not results."""
    try:
        data = json.loads(text)
    except ValueError as exc:
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
