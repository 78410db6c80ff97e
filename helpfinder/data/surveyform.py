"""The survey questionnaire (an XLSForm written as Markdown tables) as pyxform reads it and
as ODK loads it (an XForm), with the territory's communes as the choices of its commune
question."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from helpfinder.core.surveyquestions import COMMUNE_QUESTION, LABEL
from helpfinder.data.territory import Commune


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
