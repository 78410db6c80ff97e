"""The embedded Pays de l'Arbresle data: valid, honest about its age, and complete."""

from __future__ import annotations

import re

import pytest

from conftest import DATA, TODAY
from helpfinder.clock import is_stale
from helpfinder.matching import places_for
from helpfinder.pipeline import load_directory


@pytest.fixture(scope="module")
def loaded():
    return load_directory(DATA, TODAY)


def test_real_data_has_no_error(loaded):
    _, report = loaded
    assert report.errors == []
    # the only warnings: stale records, and outcomes no place of the territory answers
    assert {p.code for p in report.warnings} <= {"fiche-ancienne", "resultat-sans-lieu"}


def test_nine_real_places_each_with_source_and_date(loaded):
    directory, _ = loaded
    assert len(directory.places) == 9
    for place in directory.places:
        data = place.data
        assert data["source"] and data["date_maj"], place.id
        assert data["provenance"], place.id
        assert not data.get("exemple"), place.id  # these are real places
        phones = data.get("telephone", [])
        assert all(re.fullmatch(r"\+33\d{9}", phone) for phone in phones), place.id


def test_old_records_are_flagged_for_verification(loaded):
    directory, _ = loaded
    for place in directory.places:
        if is_stale(place.data["date_maj"], TODAY):
            assert place.data.get("a_verifier") is True, place.id


def test_the_five_required_pathways_exist(loaded):
    directory, _ = loaded
    titles = {p.data["titre"]: p.data["pour"] for p in directory.pathways}
    assert titles == {
        "Je dois faire une démarche en ligne": "habitants",
        "Je veux apprendre à me servir d'un smartphone, d'un ordinateur, d'internet": "habitants",
        "Je n'ai pas d'ordinateur ou pas d'internet, je dois imprimer ou scanner": "habitants",
        "Je cherche un emploi ou une formation": "habitants",
        "La personne en face de moi a une difficulté avec le numérique": "aidants",
    }


def test_doing_it_for_someone_leads_to_a_habilitated_place(loaded):
    directory, _ = loaded
    pathway = next(p for p in directory.pathways if p.id == "demarche-en-ligne")
    outcome = next(r for r in pathway.data["resultats"] if r["id"] == "faire-a-ma-place")
    found = {place.id for place in places_for(outcome, directory.places)}
    assert found == {"france-services-pays-de-l-arbresle", "mjc-l-arbresle-aidants-connect"}


def test_national_line_is_the_fallback(loaded):
    directory, _ = loaded
    line = directory.territory.info["recours_national"]
    assert (line["nom"], line["telephone"]) == ("Solidarité numérique", "+33170772372")
