"""The action plan: records checked like the others, and a dashboard that computes what is
late and what is funded from them."""

from __future__ import annotations

import datetime as dt

from htmltext import article, text_of

from conftest import TODAY, assert_one_error, build, line_of, run, write
from helpfinder.data.load import load_directory
from helpfinder.data.plan import axes, funding_totals, is_late

ACTION = """\
id: action-test
axe: Aller vers
action: Une permanence dans les villages
pilote: La communauté de communes
partenaires: [La médiathèque]
phase: court terme
echeance: 2026-06-30
statut: en cours
financement:
  - financeur: État
    montant: 25000
    etat: acquis
  - financeur: Département
    montant: 10000.5
    etat: demandé
indicateurs:
  - indicateur: Personnes reçues par mois
    cible: "40"
    valeur: "25"
    date: 2026-10-31
source: Comité du 2026-10-15
date_maj: 2026-11-02
"""


def plan_dir(data_dir):
    (data_dir / "plan").mkdir(exist_ok=True)
    return data_dir


def test_a_valid_action_loads(data_dir):
    plan_dir(data_dir)
    write(data_dir, "plan/action-test.yml", ACTION)
    directory, report = load_directory(data_dir, TODAY)
    assert report.errors == []
    (action,) = directory.plan
    assert action.data["financement"][1]["montant"] == 10000.5


def test_mistakes_in_an_action_are_named(data_dir):
    plan_dir(data_dir)
    text = ACTION.replace("statut: en cours", "statut: commencée")
    write(data_dir, "plan/action-test.yml", text)
    assert_one_error(
        run(data_dir),
        "data/plan/action-test.yml",
        "action-test",
        "valeur-non-autorisee",
        "statut",
        line_of(text, "statut:"),
        "en cours",
    )
    text = ACTION.replace("pilote: La communauté de communes\n", "")
    write(data_dir, "plan/action-test.yml", text)
    assert_one_error(
        run(data_dir),
        "data/plan/action-test.yml",
        "action-test",
        "champ-requis",
        "pilote",
        1,
        "obligatoire",
    )
    text = ACTION.replace("date_maj: 2026-11-02", "date_maj: 2027-01-01")
    write(data_dir, "plan/action-test.yml", text)
    assert_one_error(
        run(data_dir),
        "data/plan/action-test.yml",
        "action-test",
        "date-future",
        "date_maj",
        line_of(text, "date_maj:"),
        "futur",
    )


def test_late_and_funding_are_computed():
    data = {"echeance": dt.date(2026, 6, 30), "statut": "en cours"}
    assert is_late(data, TODAY)
    assert not is_late({**data, "statut": "faite"}, TODAY)
    assert not is_late({**data, "echeance": dt.date(2027, 1, 1)}, TODAY)
    assert not is_late({"statut": "prévue"}, TODAY)


def test_dashboard_groups_by_axis_and_flags_late_actions(project):
    plan_dir(project / "data")
    write(project / "data", "plan/action-test.yml", ACTION)
    write(
        project / "data",
        "plan/autre.yml",
        ACTION.replace("action-test", "autre")
        .replace("axe: Aller vers", "axe: Rendre visible")
        .replace("statut: en cours", "statut: faite"),
    )
    result = build(project)
    assert result.returncode == 0, result.stderr
    directory, _ = load_directory(project / "data", TODAY)
    assert [a.name for a in axes(directory.plan)] == ["Aller vers", "Rendre visible"]
    assert funding_totals(directory.plan) == {
        "acquis": 50000.0,
        "demandé": 20001.0,
        "à trouver": 0.0,
    }
    page = article(project / "site" / "etat-des-lieux" / "plan" / "index.html")
    text = text_of(page)
    assert "2 actions, par axe" in text and "1 est en retard" in text
    assert text.count("En retard") == 1
    assert (
        "Financement de toutes les actions : 50 000 € acquis ; 20 001 € demandé ; 0 € à trouver"
        in text
    )
    assert "Personnes reçues par mois 40 25 (au 31 octobre 2026)" in text


def test_the_real_plan_is_marked_as_examples(site):
    text = text_of(article(site / "etat-des-lieux" / "plan" / "index.html"))
    assert "Exemple : 3 actions sont des exemples" in text
    assert text.count("Exemple : action non décidée") == 3


def test_a_territory_without_a_plan_says_so(project):
    result = build(project)
    assert result.returncode == 0, result.stderr
    text = text_of(article(project / "site" / "etat-des-lieux" / "plan" / "index.html"))
    assert "Le plan d'action n'est pas encore écrit" in text
