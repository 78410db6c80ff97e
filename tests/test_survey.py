"""The citizens' survey: the XLSForm becomes a valid XForm with the territory's communes,
an ODK Central export becomes totals that cannot identify anyone, and the page shows
them with charts and tables, saying when they are synthetic."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET

import pytest
from htmltext import article, text_of

from conftest import ROOT, TODAY, VAL_ESSAI, copy_territory
from helpfinder.contrib import surveyexport
from helpfinder.contrib.surveycli import survey_main
from helpfinder.core import surveyaggregate, surveyquestions
from helpfinder.data import survey, surveyform
from helpfinder.data.load import load_directory

sys.path.insert(0, str(ROOT / "scripts"))
import survey_sample

MARKDOWN = (VAL_ESSAI / "enquete" / "questionnaire.md").read_text(encoding="utf-8")
ORIGIN = "Réponses inventées pour les tests"


@pytest.fixture(scope="module")
def communes(tmp_path_factory):
    data = copy_territory(VAL_ESSAI, tmp_path_factory.mktemp("survey") / "data")
    return sorted(
        load_directory(data, TODAY)[0].territory.communes.values(), key=lambda c: c.code_insee
    )


@pytest.fixture(scope="module")
def book(communes):
    return surveyform.workbook(MARKDOWN, communes)


@pytest.fixture
def data(tmp_path):
    return copy_territory(VAL_ESSAI, tmp_path / "data")


def test_the_xform_lists_the_territorys_communes(communes):
    root = ET.fromstring(surveyform.xform(MARKDOWN, communes))
    ns = {"x": "http://www.w3.org/2002/xforms", "h": "http://www.w3.org/1999/xhtml"}
    assert (
        root.find("h:head/h:title", ns).text
        == "Les usages du numérique des habitants du territoire"
    )
    assert len(root.findall(".//x:select1[@ref='/data/profil/commune']", ns)) == 1
    items = root.findall(".//x:instance[@id='commune']/x:root/x:item/x:name", ns)
    assert [item.text for item in items] == [c.code_insee for c in communes]
    assert [item.text for item in items] == [
        "99001",
        "99002",
        "99003",
        "99004",
        "99005",
        "99006",
        "99007",
    ]


def test_make_enquete_writes_the_xform_of_the_questionnaire_and_the_communes(data, communes):
    (data / "enquete" / survey.XFORM).unlink()
    assert survey_main(["--data", str(data)]) == 0
    written = (data / "enquete" / survey.XFORM).read_text(encoding="utf-8")
    assert written == surveyform.xform(MARKDOWN, communes)
    assert written == (VAL_ESSAI / "enquete" / survey.XFORM).read_text(encoding="utf-8")


def test_a_broken_questionnaire_is_refused_and_nothing_written(data, capsys):
    broken = MARKDOWN.replace("select_one aisance", "select_one liste_inconnue")
    (data / "enquete" / survey.QUESTIONNAIRE).write_text(broken, encoding="utf-8")
    before = (data / "enquete" / survey.XFORM).read_bytes()
    assert survey_main(["--data", str(data)]) == 2
    err = capsys.readouterr().err
    assert "questionnaire.md" in err and "liste_inconnue" in err and "Rien n'a été écrit." in err
    assert (data / "enquete" / survey.XFORM).read_bytes() == before


def sample(data, tmp_path):
    export = tmp_path / "export.csv"
    assert survey_sample.main(["--data", str(data), "--sortie", str(export)]) == 0
    return export


def test_the_synthetic_sample_gives_the_published_results(data, tmp_path):
    export = sample(data, tmp_path)
    assert sum(1 for _ in export.open(encoding="utf-8")) == 151  # a header and 150 answers
    args = [str(export), "--data", str(data), "--synthetique", "--origine", ORIGIN]
    assert survey_main(args) == 0
    produced = (data / "enquete" / survey.RESULTS).read_text(encoding="utf-8")
    assert produced == (VAL_ESSAI / "enquete" / survey.RESULTS).read_text(encoding="utf-8")
    assert "Réponse libre" not in produced and "commentaire" not in produced
    document = json.loads(produced)
    assert document["synthetique"] is True and document["repondants"] == 143


def test_an_export_of_another_territory_is_refused_and_nothing_written(data, tmp_path, capsys):
    export = sample(data, tmp_path)
    other = export.read_text(encoding="utf-8")
    for code in ("99001", "99002", "99003", "99004", "99005", "99006", "99007"):
        other = other.replace(f",{code},", ",69010,")
    export.write_text(other, encoding="utf-8")
    before = (data / "enquete" / survey.RESULTS).read_bytes()
    assert survey_main([str(export), "--data", str(data)]) == 2
    err = capsys.readouterr().err
    assert "export.csv" in err and "69010" in err and "communes.csv" in err
    assert "Rien n'a été écrit." in err
    assert (data / "enquete" / survey.RESULTS).read_bytes() == before


def test_survey_sample_writes_nothing_for_help_or_an_unknown_flag(data, tmp_path, capsys):
    target = data / "enquete" / "exemple-export-odk.csv"
    for argv in (["--help"], ["--inconnu"], ["-h", "--data", str(data)]):
        with pytest.raises(SystemExit):
            survey_sample.main(argv)
    assert not target.exists()
    assert "--sortie" in capsys.readouterr().out


def test_a_build_warns_when_the_published_results_are_of_other_communes(data):
    path = data / "enquete" / survey.RESULTS
    document = json.loads(path.read_text(encoding="utf-8"))
    commune = next(q for q in document["questions"] if q["name"] == "commune")
    commune["choix"][0].update(name="69010", label="Ailleurs")
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    _, report = load_directory(data, TODAY)
    assert report.ok
    (warning,) = [p for p in report.warnings if p.file == "data/enquete/resultats.json"]
    assert warning.code == "enquete-communes"
    assert "69010" in warning.message and "make enquete" in warning.message


@pytest.mark.parametrize("name", ["questionnaire.md", "resultats.json"])
def test_a_survey_file_not_in_utf8_is_an_error_named_at_its_file(data, name):
    """Each survey file is read once, with data/: a bad one is a data error, not a crash
    while the site is generated."""
    (data / "enquete" / name).write_bytes("Référence".encode("latin-1"))
    directory, report = load_directory(data, TODAY)
    (error,) = [p for p in report.errors if p.file == f"data/enquete/{name}"]
    assert (error.code, error.message) == ("structure", "fichier illisible (pas en UTF-8)")
    assert name not in directory.survey_files


def answers(**columns: list[str]) -> list[dict[str, str]]:
    size = len(next(iter(columns.values())))
    return [{"accord": "oui", **{k: v[n] for k, v in columns.items()}} for n in range(size)]


def by_name(result: dict, name: str) -> dict:
    return next(q for q in result["questions"] if q["name"] == name)


def counts(question: dict) -> dict[str, int | None]:
    return {c["name"]: c["nombre"] for c in question["choix"]}


def test_small_counts_are_hidden_and_cannot_be_recovered(book):
    # 12 people: 8 "oui", 4 "non" -> "non" hidden, and "oui" too (12 - 8 would give it).
    rows = answers(renoncement=["oui"] * 8 + ["non"] * 4)
    question = by_name(surveyaggregate.aggregate(rows, book), "renoncement")
    assert question["n"] == 12 and counts(question) == {"oui": None, "non": None}
    # 3 answers of 4 kinds: two are hidden already; nothing more to hide.
    rows = answers(aisance=["tres"] * 6 + ["plutot"] * 6 + ["peu"] * 2 + ["pas"] * 1)
    assert counts(by_name(surveyaggregate.aggregate(rows, book), "aisance")) == {
        "tres": 6,
        "plutot": 6,
        "peu": None,
        "pas": None,
    }
    # Several answers per person: no total to subtract from, one hidden cell is enough.
    rows = answers(equipement=["smartphone ordinateur"] * 5 + ["tablette"] * 2 + ["smartphone"] * 3)
    assert counts(by_name(surveyaggregate.aggregate(rows, book), "equipement")) == {
        "smartphone": 8,
        "ordinateur": 5,
        "tablette": None,
        "aucun": 0,
    }


def test_too_few_answers_show_nothing_and_only_consenting_accepted_rows_count(book):
    rows = answers(aisance=["tres"] * 4)
    rows.append({"accord": "non", "aisance": "tres"})
    result = surveyaggregate.aggregate(rows, book)
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
    assert surveyexport.read_export(path, "export.csv") == [
        {"KEY": "1", "accord": "oui", "aisance": "tres", "ReviewState": ""}
    ]
    path.write_text("nom;adresse\n", encoding="utf-8")
    with pytest.raises(survey.SurveyError, match=r"export\.csv : ce n'est pas un export ODK"):
        surveyexport.read_export(path, "export.csv")


def test_the_page_says_the_results_are_synthetic_and_never_shows_free_text(site, book):
    page = article(site / "etat-des-lieux" / "enquete" / "index.html")
    text = text_of(page)
    assert "Résultats synthétiques : ces réponses sont inventées" in text
    assert "143 personnes ont répondu" in text and "moins de 5" in text
    assert page.count("<svg") == len(
        surveyquestions.select_questions(book)
    )  # one chart per question
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".txt", ".xml", ".csv", ".js"}:
            assert "Réponse libre inventée" not in path.read_text(
                encoding="utf-8", errors="ignore"
            ), path
    published = json.loads(
        (site / "donnees" / "enquete" / "resultats.json").read_text(encoding="utf-8")
    )
    assert published["synthetique"] is True


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


def test_a_long_list_of_answers_shows_only_those_with_a_count(data, monkeypatch):
    """The communes of a large territory: no bar of « 0 », no row of « moins de 5 »; the
    shown answers come most frequent first, the others are counted in a sentence."""
    from helpfinder.analysis.index import build_index
    from helpfinder.site import survey_views

    path = data / "enquete" / survey.RESULTS
    document = json.loads(path.read_text(encoding="utf-8"))
    commune = next(q for q in document["questions"] if q["name"] == "commune")
    counts = [40, None, 0, 25, None, 0, 0]
    for choice, count in zip(commune["choix"], counts, strict=True):
        choice["nombre"] = count
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(survey_views, "LONG_CHOICES", 5)
    directory, _ = load_directory(data, TODAY)
    view = survey_views.survey_view(build_index(directory, TODAY))
    question = next(q for q in view["resultats"]["questions"] if q["id"] == "commune")
    assert [row["label"] for row in question["lignes"]] == ["Essai-le-Haut", "Les Épreuves"]
    assert (question["peu"], question["aucune"]) == (2, 3)
    aisance = next(q for q in view["resultats"]["questions"] if q["id"] == "aisance")
    assert len(aisance["lignes"]) == 4 and aisance["peu"] == aisance["aucune"] == 0


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        # One stray quote merged the rows after it into one cell: submissions lost unseen.
        (
            lambda lines: [*lines[:5], lines[5].replace(",oui,", ',"oui,', 1), *lines[6:]],
            "guillemet",
        ),
        (
            # A cell over 128 KB: the csv module raised a bare _csv.Error.
            lambda lines: [*lines, '"' + "x" * 140_000 + '",' + lines[5].split(",", 1)[1]],
            "128 Ko",
        ),
    ],
)
def test_a_broken_export_is_refused_at_its_line_and_nothing_written(
    data, tmp_path, capsys, damage, words
):
    export = sample(data, tmp_path)
    lines = export.read_text(encoding="utf-8").splitlines()
    export.write_text("\n".join(damage(lines)) + "\n", encoding="utf-8")
    before = (data / "enquete" / survey.RESULTS).read_bytes()
    assert survey_main([str(export), "--data", str(data)]) == 2
    err = capsys.readouterr().err
    assert "export.csv:" in err and words in err and "Rien n'a été écrit." in err
    assert "Traceback" not in err
    assert (data / "enquete" / survey.RESULTS).read_bytes() == before
