"""What data/ must satisfy, whatever the territory: `make validate` finds no error on the
real day, every place says where its facts come from, and what is built from the records
(the survey's XForm) is up to date with them.

These tests read data/ on purpose; they name no place and no commune of it. What the
generator does with records is tested on the fixture territories.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from helpfinder.contrib.cli import validate_main
from helpfinder.core.clock import today
from helpfinder.data.load import load_directory
from helpfinder.data.published import SURVEY_DIR
from helpfinder.data.survey import QUESTIONNAIRE, XFORM
from helpfinder.data.surveyform import xform

DATA = ROOT / "data"


@pytest.fixture(scope="module")
def loaded():
    return load_directory(DATA, today())


def test_make_validate_passes(capsys):
    assert validate_main(["--data", str(DATA)]) == 0, capsys.readouterr().out


def test_every_place_says_who_said_so_and_when(loaded):
    directory, _ = loaded
    for place in directory.places:
        assert place.data["source"] and place.data["date_maj"], place.id


def test_the_published_xform_is_the_questionnaires(loaded):
    folder = DATA / SURVEY_DIR
    if not (folder / QUESTIONNAIRE).is_file():
        assert not (folder / XFORM).exists(), "an XForm without its questionnaire"
        return
    directory, _ = loaded
    communes = sorted(directory.territory.communes.values(), key=lambda c: c.code_insee)
    expected = xform((folder / QUESTIONNAIRE).read_text(encoding="utf-8"), communes)
    assert (folder / XFORM).read_text(encoding="utf-8") == expected, (
        "data/enquete/questionnaire.xml is not made from questionnaire.md and communes.csv: "
        "run `make enquete`"
    )
