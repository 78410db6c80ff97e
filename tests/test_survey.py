"""The citizens' survey: the XLSForm becomes a valid XForm with the territory's communes,
an ODK Central export becomes totals that cannot identify anyone, and the page shows
them with charts and tables, saying when they are synthetic."""

from __future__ import annotations

import csv
import json
import shutil
import xml.etree.ElementTree as ET

import pytest
from test_site import article, text_of

from conftest import DATA, TODAY
from helpfinder import survey
from helpfinder.cli import survey_main
from helpfinder.pipeline import load_directory

MARKDOWN = (DATA / "enquete" / "questionnaire.md").read_text(encoding="utf-8")
COMMUNES = sorted(
    load_directory(DATA, TODAY)[0].territory.communes.values(), key=lambda c: c.code_insee
)
BOOK = survey.workbook(MARKDOWN, COMMUNES)


def test_the_published_xform_is_the_questionnaires(tmp_path):
    committed = (DATA / "enquete" / survey.XFORM).read_text(encoding="utf-8")
    assert committed == survey.xform(MARKDOWN, COMMUNES), "make enquete"
    root = ET.fromstring(committed)
    ns = {"x": "http://www.w3.org/2002/xforms", "h": "http://www.w3.org/1999/xhtml"}
    assert (
        root.find("h:head/h:title", ns).text
        == "Les usages du numérique des habitants du territoire"
    )
    assert len(root.findall(".//x:select1[@ref='/data/profil/commune']", ns)) == 1
    items = root.findall(".//x:instance[@id='commune']/x:root/x:item/x:name", ns)
    assert [item.text for item in items] == [c.code_insee for c in COMMUNES]


def test_a_broken_questionnaire_is_refused_and_nothing_written(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    broken = MARKDOWN.replace("select_one aisance", "select_one liste_inconnue")
    (data / "enquete" / survey.QUESTIONNAIRE).write_text(broken, encoding="utf-8")
    before = (data / "enquete" / survey.XFORM).read_bytes()
    assert survey_main(["--data", str(data)]) == 2
    err = capsys.readouterr().err
    assert "questionnaire.md" in err and "liste_inconnue" in err and "Rien n'a été écrit." in err
    assert (data / "enquete" / survey.XFORM).read_bytes() == before


def test_the_synthetic_sample_gives_the_published_results(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    sample = DATA / "enquete" / "exemple-export-odk.csv"
    origin = "Réponses inventées par scripts/survey_sample.py (exemple)"
    assert (
        survey_main([str(sample), "--data", str(data), "--synthetique", "--origine", origin]) == 0
    )
    produced = (data / "enquete" / survey.RESULTS).read_text(encoding="utf-8")
    assert produced == (DATA / "enquete" / survey.RESULTS).read_text(encoding="utf-8")
    assert "Réponse libre" not in produced and "commentaire" not in produced
    document = json.loads(produced)
    assert document["synthetique"] is True and document["repondants"] == 143


def answers(**columns: list[str]) -> list[dict[str, str]]:
    size = len(next(iter(columns.values())))
    return [{"accord": "oui", **{k: v[n] for k, v in columns.items()}} for n in range(size)]


def by_name(result: dict, name: str) -> dict:
    return next(q for q in result["questions"] if q["name"] == name)


def counts(question: dict) -> dict[str, int | None]:
    return {c["name"]: c["nombre"] for c in question["choix"]}


def test_small_counts_are_hidden_and_cannot_be_recovered():
    # 12 people: 8 "oui", 4 "non" -> "non" hidden, and "oui" too (12 - 8 would give it).
    rows = answers(renoncement=["oui"] * 8 + ["non"] * 4)
    question = by_name(survey.aggregate(rows, BOOK), "renoncement")
    assert question["n"] == 12 and counts(question) == {"oui": None, "non": None}
    # 3 answers of 4 kinds: two are hidden already; nothing more to hide.
    rows = answers(aisance=["tres"] * 6 + ["plutot"] * 6 + ["peu"] * 2 + ["pas"] * 1)
    assert counts(by_name(survey.aggregate(rows, BOOK), "aisance")) == {
        "tres": 6,
        "plutot": 6,
        "peu": None,
        "pas": None,
    }
    # Several answers per person: no total to subtract from, one hidden cell is enough.
    rows = answers(equipement=["smartphone ordinateur"] * 5 + ["tablette"] * 2 + ["smartphone"] * 3)
    assert counts(by_name(survey.aggregate(rows, BOOK), "equipement")) == {
        "smartphone": 8,
        "ordinateur": 5,
        "tablette": None,
        "aucun": 0,
    }


def test_too_few_answers_show_nothing_and_only_consenting_accepted_rows_count():
    rows = answers(aisance=["tres"] * 4)
    rows.append({"accord": "non", "aisance": "tres"})
    result = survey.aggregate(rows, BOOK)
    assert result["repondants"] is None
    assert by_name(result, "aisance") == {
        "name": "aisance",
        "label": "Êtes-vous à l'aise avec le numérique ?",
        "n": None,
        "choix": [],
    }


def test_the_export_reader_skips_rejected_submissions_and_names_a_wrong_file(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "KEY,accord,usages_g-aisance,ReviewState\n1,oui,tres,\n2,oui,pas,rejected\n",
        encoding="utf-8",
    )
    assert survey.read_export(path, "export.csv") == [
        {"KEY": "1", "accord": "oui", "aisance": "tres", "ReviewState": ""}
    ]
    path.write_text("nom;adresse\n", encoding="utf-8")
    with pytest.raises(survey.SurveyError, match=r"export\.csv : ce n'est pas un export ODK"):
        survey.read_export(path, "export.csv")


def test_the_page_says_the_results_are_synthetic_and_never_shows_free_text(site):
    page = article(site / "etat-des-lieux" / "enquete" / "index.html")
    text = text_of(page)
    assert "Résultats synthétiques : ces réponses sont inventées" in text
    assert "143 personnes ont répondu" in text and "moins de 5" in text
    assert page.count("<svg") == len(survey.select_questions(BOOK))  # one chart per question
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".txt", ".xml", ".csv", ".js"}:
            assert "Réponse libre inventée" not in path.read_text(
                encoding="utf-8", errors="ignore"
            ), path
    published = json.loads(
        (site / "donnees" / "enquete" / "resultats.json").read_text(encoding="utf-8")
    )
    assert published["synthetique"] is True
    with (DATA / "enquete" / "exemple-export-odk.csv").open(encoding="utf-8", newline="") as table:
        assert sum(1 for _ in csv.DictReader(table)) == 150


def test_a_results_file_edited_by_hand_is_named(data_dir):
    (data_dir / "enquete").mkdir()
    (data_dir / "enquete" / survey.RESULTS).write_text(
        '{"questions": [{"name": "aisance", "label": "?", "n": 12, "choix": [{"name": "x"}]}]}',
        encoding="utf-8",
    )
    _, report = load_directory(data_dir, TODAY)
    (error,) = report.errors
    assert error.file == "data/enquete/resultats.json"
    assert "question n° 1 mal formée" in error.message
