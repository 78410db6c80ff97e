"""`make nouveau-lieu` / `make nouveau-parcours`: questions or flags in, a commented record
the validator accepts out; bad answers asked again, nothing half-written or overwritten."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest

from conftest import ROOT, TODAY, write
from conftest import SCHEMAS as SCHEMAS_DIR
from helpfinder.contrib import newrecordcli, prompts, scaffold
from helpfinder.core.problems import Severity
from helpfinder.data.load import load_directory
from helpfinder.data.schema import load_schemas
from helpfinder.data.territory import Territory

SCHEMAS = load_schemas(SCHEMAS_DIR)

PLACE_ANSWERS = [
    "Médiathèque de Vérif",
    "Verrif",  # not a commune: asked again, with a suggestion
    "verif",
    "2 place de la Gare",
    "1, 8",
    "04 74",  # too short: asked again
    "01 99 00 12 34",
    "mediatheque@exemple.fr",
    "",
    "",  # lundi: closed
    "14h-18h",  # mardi, written loosely
    "",
    "09:00-12:00, 14:00-17:00",
    "",
    "9h30-12h",
    "",
    "Appel à l'accueil de la médiathèque",
    "3",  # not a choice: asked again
    "1",
]


def scripted(answers: list[str]) -> tuple[Callable[[str], str], list[str], list[str]]:
    given: Iterator[str] = iter(answers)
    asked: list[str] = []
    said: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(given)

    return ask, asked, said


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch):
    monkeypatch.setattr(newrecordcli, "today", lambda: TODAY)


def test_questions_make_a_commented_record_the_validator_accepts(data_dir):
    ask, asked, said = scripted(PLACE_ANSWERS)
    code = newrecordcli.new_record_main(["lieu", "--data", str(data_dir)], ask, said.append)
    assert code == 0, said
    assert len(asked) == len(PLACE_ANSWERS)
    assert (
        "  « Verrif » n'est pas une commune du territoire ; vouliez-vous dire « Vérif » ?" in said
    )
    assert any("10 chiffres" in line for line in said)
    assert "  compris : 14:00-18:00" in said
    assert any("répondez par mediation ou aidant" in line for line in said)
    path = data_dir / "actors" / "mediatheque-de-verif-verif.yml"
    assert said[-1] == f"Fiche écrite : {path}"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schemas/editeur/lieu.json"
    assert "# Nom du lieu\nnom: Médiathèque de Vérif\n" in text
    assert "\n# complement_adresse:\n" in text  # optional fields are offered, commented out
    directory, report = load_directory(data_dir, TODAY)
    assert report.errors == []
    (place,) = directory.places
    assert place.data["code_insee"] == "99006" and place.data["code_postal"] == "99140"
    assert place.data["services"] == [
        "Aide aux démarches administratives",
        "Accès internet et matériel informatique",
    ]
    assert place.data["telephone"] == ["+33199001234"]
    assert place.data["horaires"] == {
        "mardi": "14:00-18:00",
        "jeudi": "09:00-12:00, 14:00-17:00",
        "samedi": "09:30-12:00",
    }
    assert place.data["date_maj"] == TODAY and place.data["profil"] == "mediation"


def test_flags_alone_write_a_record(data_dir):
    said: list[str] = []
    flags = [
        "--nom",
        "Point numérique",
        "--commune",
        "99005",
        "--adresse",
        "1 place de l'Église",
        "--services",
        "1",
        "--source",
        "Appel à la mairie",
        "--profil",
        "aidant",
        "--id",
        "point-numerique-sainte-maquette",
    ]
    code = newrecordcli.new_record_main(
        ["lieu", "--data", str(data_dir), "--non-interactif", *flags],
        lambda prompt: pytest.fail(f"asked: {prompt}"),
        said.append,
    )
    assert code == 0, said
    (place,) = load_directory(data_dir, TODAY)[0].places
    assert (place.id, place.data["commune"], place.data["profil"]) == (
        "point-numerique-sainte-maquette",
        "Sainte-Maquette-sur-Essai",
        "aidant",
    )


def test_missing_or_wrong_flags_are_named(data_dir, capsys):
    code = newrecordcli.new_record_main(
        ["lieu", "--data", str(data_dir), "--non-interactif", "--nom", "X"]
    )
    assert code == 2
    assert (
        "réponses obligatoires manquantes : --commune, --adresse, --services, --source, --profil"
        in capsys.readouterr().err
    )
    code = newrecordcli.new_record_main(
        ["lieu", "--data", str(data_dir), "--non-interactif", "--lundi", "matin"]
    )
    assert code == 2
    assert capsys.readouterr().err.startswith("--lundi : 'matin' n'est pas au format HH:MM-HH:MM")
    assert list((data_dir / "actors").iterdir()) == []


def test_a_record_the_validator_refuses_is_not_written(data_dir):
    ask, _, said = scripted(PLACE_ANSWERS)
    code = newrecordcli.new_record_main(
        ["lieu", "--data", str(data_dir), "--id", "Majuscules"], ask, said.append
    )
    assert code == 1
    assert any("[Majuscules]" in line and "id" in line for line in said), said
    assert said[-1].endswith("Majuscules.yml n'a pas été écrit.")
    assert list((data_dir / "actors").iterdir()) == []  # no staging folder left either


def test_an_existing_record_is_never_replaced(data_dir):
    existing = write(data_dir, "actors/mediatheque-de-verif-verif.yml", "# à moi\n")
    ask, _, said = scripted(PLACE_ANSWERS)
    assert newrecordcli.new_record_main(["lieu", "--data", str(data_dir)], ask, said.append) == 1
    assert existing.read_text(encoding="utf-8") == "# à moi\n"
    assert any("existe déjà" in line for line in said)


def test_a_new_pathway_is_a_valid_tree_to_edit(data_dir):
    ask, _, said = scripted(
        ["Je veux apprendre à me servir de ma tablette", "1", "Pour apprendre pas à pas.", "2"]
    )
    assert (
        newrecordcli.new_record_main(["parcours", "--data", str(data_dir)], ask, said.append) == 0
    )
    path = data_dir / "pathways" / "je-veux-apprendre-a-me-servir-de-ma-tablette.yml"
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/editeur/parcours.json\n"
    )
    directory, report = load_directory(data_dir, TODAY)
    assert report.errors == []
    # Without places yet, each outcome warns that only the national line will be offered.
    assert {p.code for p in report.warnings} == {"resultat-sans-lieu"}
    (pathway,) = directory.pathways
    assert pathway.data["pour"] == "habitants"
    assert [r["services"] for r in pathway.data["resultats"]] == [
        ["Maîtrise des outils numériques du quotidien"]
    ] * 2


def test_the_script_runs_from_make(data_dir):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "new_record.py"), "lieu", "--data", str(data_dir)],
        input="\n".join(PLACE_ANSWERS) + "\n",
        capture_output=True,
        text=True,
        check=False,
        env={"SOURCE_DATE_EPOCH": "1795910400", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Fiche écrite" in result.stdout
    assert not [
        p for p in load_directory(data_dir, TODAY)[1].problems if p.severity is Severity.ERROR
    ]


def test_an_empty_required_flag_or_an_interrupted_session_writes_nothing(data_dir, capsys):
    assert (
        newrecordcli.new_record_main(
            ["lieu", "--data", str(data_dir), "--non-interactif", "--nom", " "]
        )
        == 2
    )
    assert "--nom" in capsys.readouterr().err

    def hang_up(prompt: str) -> str:
        raise EOFError

    assert newrecordcli.new_record_main(["lieu", "--data", str(data_dir)], hang_up, print) == 2
    assert "Interrompu : rien n'a été écrit." in capsys.readouterr().err
    assert list((data_dir / "actors").iterdir()) == []


# --- a command-line tool that behaves like one ---------------------------------------------

NON_INTERACTIVE = [
    "--non-interactif",
    "--nom",
    "Point numérique",
    "--adresse",
    "1 place de l'Église",
    "--services",
    "1",
    "--source",
    "Appel à la mairie",
    "--profil",
    "aidant",
]


def never_asked(prompt: str) -> str:
    raise AssertionError(f"asked: {prompt}")


def test_help_lists_every_flag_with_its_meaning_and_writes_nothing(data_dir, capsys):
    for kind, fields in (
        ("lieu", [q.field for q in scaffold.place_questions(Territory(), SCHEMAS["lieu"])]),
        ("parcours", [q.field for q in scaffold.pathway_questions(SCHEMAS["parcours"])]),
    ):
        with pytest.raises(SystemExit) as stop:
            newrecordcli.new_record_main([kind, "--data", str(data_dir), "--help"], never_asked)
        assert stop.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith(f"utilisation : nouveau {kind} ")
        for field in fields:
            line = next(s for s in out.splitlines() if s.startswith(f"  {prompts.flag(field)} …"))
            assert len(line.split("…", 1)[1].strip()) > 10, line  # with what it takes
        assert "--non-interactif" in out and "--data" in out and "--id" in out
    assert "Aide aux démarches administratives" in out  # the services' numbers are given
    assert list((data_dir / "actors").iterdir()) == list((data_dir / "pathways").iterdir()) == []


def test_an_unknown_flag_stops_before_anything_is_read_or_written(data_dir, capsys):
    with pytest.raises(SystemExit) as stop:
        newrecordcli.new_record_main(["lieu", "--data", str(data_dir), "--nomm", "X"], never_asked)
    assert stop.value.code == 2
    assert "nouveau : erreur : options inconnues : --nomm X" in capsys.readouterr().err
    assert list((data_dir / "actors").iterdir()) == []


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("Verrif", "« Vérif »"),  # a letter too many
        ("Maquette", "« Sainte-Maquette-sur-Essai »"),  # a word of the name
        ("ste maquette", "« Sainte-Maquette-sur-Essai »"),  # « Ste » for « Sainte »
        ("Epreuves", "« Les Épreuves »"),  # without its article and its accent
        ("Bourg", "« Bourg-d'Exemple »"),  # the start of the name
        ("Saint", "« Saint-Test » ou « Sainte-Maquette-sur-Essai »"),  # two may be meant
    ],
)
def test_a_commune_name_gets_a_suggestion(data_dir, capsys, typed, suggested):
    argv = ["lieu", "--data", str(data_dir), *NON_INTERACTIVE, "--commune", typed]
    assert newrecordcli.new_record_main(argv, never_asked) == 2
    err = capsys.readouterr().err
    assert f"--commune : « {typed} » n'est pas une commune du territoire ; " in err
    assert f"vouliez-vous dire {suggested} ?" in err


@pytest.mark.parametrize("typed", ["vérif", "VERIF", "les epreuves", "Bourg d'Exemple", "99006"])
def test_accents_capitals_and_hyphens_do_not_matter(data_dir, typed):
    argv = ["lieu", "--data", str(data_dir), *NON_INTERACTIVE, "--commune", typed]
    assert newrecordcli.new_record_main(argv, never_asked, lambda _: None) == 0


def test_a_commune_with_several_postal_codes_asks_which(data_dir, capsys):
    # Saint-Test has two: 99100 and 99110.
    argv = ["lieu", "--data", str(data_dir), *NON_INTERACTIVE, "--commune", "Saint-Test"]
    assert newrecordcli.new_record_main(argv, never_asked) == 2
    assert (
        "réponses obligatoires manquantes : --code-postal (Saint-Test a plusieurs codes "
        "postaux : 99100, 99110)" in capsys.readouterr().err
    )
    assert newrecordcli.new_record_main([*argv, "--code-postal", "99120"], never_asked) == 2
    assert "--code-postal : le code postal de Saint-Test est 99100 ou 99110" in (
        capsys.readouterr().err
    )
    assert newrecordcli.new_record_main([*argv, "--code-postal", "99110"], never_asked, print) == 0
    (place,) = load_directory(data_dir, TODAY)[0].places
    assert (place.data["code_insee"], place.data["code_postal"]) == ("99002", "99110")


def test_the_postal_code_question_comes_after_the_commune(data_dir):
    answers = [*PLACE_ANSWERS]
    answers[1:3] = ["Saint-Test", "99105", "2"]  # a wrong code, asked again; then the 2nd
    ask, asked, said = scripted(answers)
    assert newrecordcli.new_record_main(["lieu", "--data", str(data_dir)], ask, said.append) == 0
    assert asked[2] == "Code postal (99100 ou 99110) : "
    assert "  répondez par 99100 ou 99110" in said
    (place,) = load_directory(data_dir, TODAY)[0].places
    assert place.data["code_postal"] == "99110"
